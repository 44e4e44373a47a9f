"""Review 27 regressions: a stock phrase quoted from another person joins no claim; a
"she said" quote borrows no speaker it cannot be sure of; headline figures differ only on
the same counted thing; an outlet's repeats are found in near-linear work."""

from __future__ import annotations

import random
from dataclasses import replace

from test_align import doc as pair_doc
from test_coverage26 import _claim_of
from test_multi import doc

from compare import compare, multi
from compare.model import Document
from compare.multi import Coverage, compare_many
from compare.render.coverage_text import coverage_text

# --- 2: a stock phrase quoted from someone else ------------------------------------------

_MILL_LEDE = "Three people died when a grain silo collapsed at the Brennock mill on Thursday."
_MILL_CLOSE = "The mill has been closed while inspectors examine the remaining silos."


def _mill_story(quoted: str, owner: str) -> Coverage:
    """The mill story: Almont quoting ``quoted``, Brook and Carrick both giving ``owner``."""
    a = doc(_MILL_LEDE, quoted, _MILL_CLOSE, site="Almont")
    b = doc(_MILL_LEDE, owner, _MILL_CLOSE, site="Brook")
    c = doc(_MILL_LEDE, owner, _MILL_CLOSE, site="Carrick")
    return compare_many([a, b, c])


def _assert_the_owners_statement_stands_alone(coverage: Coverage, snippet: str) -> None:
    """Brook's and Carrick's statement (holding ``snippet``) is theirs alone, undisputed."""
    statement = _claim_of(coverage, 1, snippet)
    assert statement.outlets == (1, 2)
    assert not any(d.kind in ("quote", "attribution") for d in statement.disagreements)


def test_a_stock_phrase_from_another_speaker_does_not_join_the_longer_quote() -> None:
    # A quotes a widower; B and C quote the mill's owner, whose statement opens with the
    # same four words. They are two people's words, not one quote cut short.
    coverage = _mill_story(
        '"We are all devastated," said Piers Tolland, whose wife drove the grain lorry.',
        'Harrow Grain, which owns the mill, said: "We are all devastated, and our thoughts '
        'are with every family tonight."',
    )
    widower = _claim_of(coverage, 0, "Piers Tolland")
    assert widower.outlets == (0,)
    assert not widower.disagreements
    _assert_the_owners_statement_stands_alone(coverage, "Harrow Grain")


def test_a_condolence_two_named_people_both_give_does_not_join_their_claims() -> None:
    # Six words, two of them distinctive ("thoughts", "families"): enough for a quote cut
    # short, not for two people named apart who both say it.
    coverage = _mill_story(
        '"Our thoughts are with the families," said Councillor Edwina Marsh.',
        'Mill owner Declan Rusk said: "Our thoughts are with the families, and the mill will '
        'pay for every funeral."',
    )
    assert _claim_of(coverage, 0, "Edwina Marsh").outlets == (0,)
    _assert_the_owners_statement_stands_alone(coverage, "Declan Rusk")


def test_a_quote_cut_short_and_credited_to_the_mayor_still_joins_the_chiefs_quote() -> None:
    chief = (
        '"We are treating this as an accident, and there is no sign of foul play," fire '
        "chief Orla Benning said."
    )
    lede = "A fire destroyed the Castlecove bakery on Sunday morning."
    a = doc(lede, chief, site="Almont")
    b = doc(lede, '"We are treating this as an accident," the mayor said.', site="Brook")
    c = doc(lede, chief, site="Carrick")
    coverage = compare_many([a, b, c])
    quote = _claim_of(coverage, 0, "treating this")
    assert _claim_of(coverage, 1, "treating this") is quote
    assert quote.outlets == (0, 1, 2)
    assert "quote" in {d.kind for d in quote.disagreements}


# --- 5: a "she said" quote borrows no speaker it cannot be sure of ---------------------

_FLOOD = [
    "The river Lenna burst its banks at Coldharbour on Wednesday, flooding forty homes.",
    "Sandbags were handed out at the parish hall from early afternoon.",
    "Council engineer Brendan Moss said the flood wall had held until the last hour.",
    "The road to Ashby stayed closed overnight.",
]


def _quote_details(old: list[str], new: list[str]) -> list[str]:
    return [c.detail for c in compare(pair_doc(*old), pair_doc(*new)).changes if c.kind == "quote"]


def test_a_she_quote_opening_a_paragraph_that_names_her_after_it_keeps_the_pronoun() -> None:
    # The paragraph before names a man speaking; this one names the woman after the quote.
    added = (
        '"The water came under the door in seconds," she said. Alma Quint, 41, has lived '
        "on the riverbank since 2010."
    )
    new = [*_FLOOD[:3], added, *_FLOOD[3:]]
    assert _quote_details(_FLOOD, new) == [
        'quote added (she): "The water came under the door in seconds"'
    ]


def test_the_one_who_told_her_something_is_not_the_she_who_speaks() -> None:
    added = (
        'Victor Sandhu, her neighbour, told her to climb to the attic. "I left my phone and '
        'my glasses behind," she said.'
    )
    new = [*_FLOOD, added]
    assert _quote_details(_FLOOD, new) == [
        'quote added (she): "I left my phone and my glasses behind"'
    ]
    # Telling someone other than her is still speaking: the speaker stays named.
    told = (
        'Greta Vane told the Gazette of the night. "I left my phone and my glasses behind," '
        "she said."
    )
    assert _quote_details(_FLOOD, [*_FLOOD, told]) == [
        'quote added (Greta Vane): "I left my phone and my glasses behind"'
    ]


# --- 6: headline figures differ only on the same counted thing ----------------------

_FERRY = (
    "A passenger ferry ran aground off Skelly Point in fog on Friday evening.",
    "The coastguard said the vessel had been refloated on the morning tide.",
)


def _headlines(*titles: str) -> Coverage:
    return compare_many(
        [
            replace(doc(*_FERRY, site=site), title=title)
            for title, site in zip(titles, ("Anchor", "Beacon", "Crest"), strict=False)
        ]
    )


def test_a_model_number_or_an_added_figure_is_no_headline_difference() -> None:
    # Every outlet gives 31 hurt; "Wavecrest 300" names the ferry, counting nothing.
    assert not _headlines(
        "Wavecrest 300 aground: 31 hurt",
        "Ferry runs aground off Skelly Point, injuring 31",
        "31 hurt as ferry hits rocks",
    ).headline_figures_differ
    # One headline adds the passengers carried: nothing disagrees.
    assert not _headlines(
        "31 hurt as ferry runs aground",
        "Ferry carrying 240 passengers runs aground, 31 hurt",
    ).headline_figures_differ
    # A house number and a route number are no counts either.
    assert not _headlines(
        "Ferry aground: minister called to 10 Downing Street",
        "Route 9 ferry runs aground in fog",
    ).headline_figures_differ


def test_headlines_giving_different_tolls_still_differ() -> None:
    coverage = _headlines(
        "Ferry grounding kills 3",
        "Five dead as ferry runs aground off Skelly Point",
        "Two passengers killed in ferry grounding",
    )
    assert coverage.headline_figures_differ
    assert "Their headlines give different figures:" in coverage_text(coverage, width=100)
    # Different numbers of passengers carried differ too: the same counted noun.
    assert _headlines(
        "Ferry with 240 passengers aground", "Ferry carrying 260 passengers runs aground"
    ).headline_figures_differ


# --- 7: an outlet's repeats found in near-linear work ------------------------------------

_VEHICLES = ["ferry", "bus", "tram", "barge", "lorry", "coach", "van", "cart"]
_TOWNS = ["Ardmoy", "Kilbrack", "Tullow", "Rossan", "Glenane", "Dromard", "Liscarn", "Moyvane"]


def _log(outlet: int, lines: int) -> Document:
    # A long log whose rare words (the towns, the vehicles) recur all through it.
    pick = random.Random(outlet)
    return doc(
        *(
            f"The {pick.choice(_VEHICLES)} from {pick.choice(_TOWNS)} number "
            f"{outlet * 100000 + i} left at {pick.randint(1, 12)}:{pick.randint(10, 59)} p.m. "
            f"carrying {pick.randint(2, 900)} {pick.choice(['crates', 'sheep', 'boxes'])}."
            for i in range(lines)
        ),
        site=f"Log {outlet}",
    )


def _repeat_scores(lines: int, monkeypatch: object) -> int:
    calls = 0
    original = multi._join_repeats

    def counted(sentences, groups, extra, scorer, options):  # type: ignore[no-untyped-def]
        def counting(x: int, y: int) -> float:
            nonlocal calls
            calls += 1
            return scorer(x, y)

        return original(sentences, groups, extra, counting, options)

    monkeypatch.setattr(multi, "_join_repeats", counted)  # type: ignore[attr-defined]
    compare_many([_log(o, lines) for o in (1, 2, 3)])
    return calls


def test_join_repeats_scores_a_near_linear_number_of_pairs(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    small = _repeat_scores(60, monkeypatch)
    large = _repeat_scores(240, monkeypatch)
    assert small > 0
    # Four times the lines: about four times the scores, not sixteen.
    assert large < 6 * small, (small, large)
