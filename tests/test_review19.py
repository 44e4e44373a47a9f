"""review19: cases where coverage5's dispute rules hide a dispute an analyst needs or join
different claims, and where report5's timeline badge says more than the fetch showed.
Each test fails on main at 0dc4eab; each comment says what is wrong and what is expected."""

from __future__ import annotations

import pytest
from test_coverage5 import _LEDE, _PAD, _REST, _disputes, _lede_claims
from test_multi import doc

from compare import compare_many

# --- multi._excerpt_of (a partial quote quoted whole elsewhere) -------------------------


@pytest.mark.parametrize(
    ("partial", "whole"),
    [
        (
            'Mayor Ilse Varga said the plant would "stay open".',
            '"It will not stay open," Mayor Ilse Varga said of the plant.',
        ),
        (
            'Mayor Ilse Varga said the company was "committed to the town".',
            '"We are no longer committed to the town," Mayor Ilse Varga said.',
        ),
    ],
)
def test_a_partial_quote_that_drops_a_negation_is_still_a_dispute(partial: str, whole: str) -> None:
    # WRONG: _excerpt_of only asks whether the partial quote's words occur somewhere in the
    # whole quote, so '"stay open"' is read as an excerpt of '"It will not stay open"' and
    # the dispute disappears (it was shown before coverage5). The two outlets quote the
    # mayor as saying opposite things: the classic quote cut out of its context.
    # EXPECTED: a dispute between the quotes (an excerpt must not drop a "not"/"no longer"
    # that governs the words it keeps).
    assert _disputes(partial, partial, whole) != []


# --- disputes._hours_rounded (a span told roughly in hours) ------------------------------


@pytest.mark.parametrize(
    ("hours", "minutes"),
    [
        ("The flight was delayed by three hours, the airline said.", "150 minutes"),
        ("The suspect was questioned for two hours, police said.", "100 minutes"),
    ],
)
def test_half_an_hour_apart_on_a_span_of_hours_is_a_dispute(hours: str, minutes: str) -> None:
    # WRONG: the rule lets any hours/minutes pair within a fifth of the round span pass,
    # with no word of approximation on either side ("within", "about"): a delay of three
    # hours against one of 150 minutes (two and a half hours) is no longer shown, nor two
    # hours against 100 minutes. Both were disputes before coverage5.
    # EXPECTED: a dispute; the rounding allowance belongs to "within half an hour" /
    # "within 25 minutes" (a rough span), not to exact-sounding hours 20-30 minutes off.
    theirs = hours.replace("three hours", minutes).replace("two hours", minutes)
    assert theirs != hours
    assert _disputes(hours, hours, theirs) != []


# --- multi._join_ledes (a rewritten lede joins the openings' claim at >= 0.3) -----------


def test_an_opening_about_the_appeal_is_not_the_sentencing_lede() -> None:
    # WRONG: the Gazette opens with its own news, the prosecution's appeal. It shares the
    # names, the court and the nine years with the others' sentencing lede, scores above
    # 0.3 against their openings, and _join_ledes folds it into the sentencing claim: the
    # appeal is no longer "only in" the Gazette, and the sentencing claim lists the Gazette
    # as carrying it in words it never wrote. Before coverage5 it was a claim of its own.
    # EXPECTED: the appeal opening stays a claim of the Gazette alone.
    appeal = (
        "Prosecutors in Orvane said on Tuesday they would appeal the nine-year sentence "
        "handed to Aurel Venkov, the former port director, and seek a longer term."
    )
    assert _LEDE and _REST  # (the other outlets' lede and body, from test_coverage5)
    assert [3] in _lede_claims(appeal)


# --- claimwords._stem ("-tion" / "-tor" on one stem) -------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [("director", "direction"), ("conductor", "conduct"), ("auditor", "audition")],
)
def test_the_stem_rule_keeps_words_of_different_meaning_apart(one: str, other: str) -> None:
    # WRONG: meant for "prosecution"/"prosecutor", the suffix rule cuts every "-tion" and
    # "-tor" with four letters left, so "director" (a person) and "direction" (a course),
    # a train's "conductor" and police "conduct", an "auditor" and an "audition" become one
    # claim word, and "question" becomes "quest". Claim words decide which sentences are
    # one claim, so unrelated sentences sharing a name get pulled together.
    # EXPECTED: different stems for words of different meaning (e.g. a list of the act /
    # doer pairs the rule is for, or only "-tion"/"-tor" pairs whose verb stem is a word).
    from compare.claimwords import _stem

    assert _stem(one) != _stem(other)


# --- multi "opposite" disputes: who is counted on which side ----------------------------


def test_an_outlet_giving_no_direction_is_on_neither_side_of_an_opposite() -> None:
    # WRONG: for a word turned into its opposite, _disagreements sets 'agrees = True' for
    # every member not compared with that flip, so an outlet that only says "reported
    # revenue of 3.1 billion crowns" is listed as saying "fell": the analyst reads two
    # outlets against one, where only one outlet says "fell".
    # EXPECTED: S2 appears on neither side ("fell (S0) / rose (S1)").
    coverage = compare_many(
        [
            doc(t, *_PAD, site=f"S{i}")
            for i, t in enumerate(
                (
                    "Valdane's revenue fell 4% to 3.1 billion crowns in the third quarter.",
                    "Valdane's revenue rose 4% to 3.1 billion crowns in the third quarter.",
                    "Valdane reported revenue of 3.1 billion crowns for the third quarter.",
                )
            )
        ]
    )
    (opposite,) = [d for c in coverage.claims for d in c.disagreements]
    assert opposite.label == "opposite"
    assert 2 not in dict(opposite.values), opposite.detail


# --- disputes._parts_of_a_tally (a vote's sides and sum) ---------------------------------


def test_a_range_told_with_by_is_no_vote_tally() -> None:
    # WRONG: _TALLY reads "delayed by 10-15 minutes" as a vote of 10 to 15, so the 25
    # minutes another outlet gives is that vote's "sum" and the facets dispute over the
    # range is dropped; what is left is the fallback pairing, which shows the wire as
    # saying "15 minutes", words it never wrote. Before coverage5 the dispute read
    # "10-15 minutes (S0, S1) / 25 minutes (S2)" ("rose by 2-3 metres" / "5 metres" too).
    # EXPECTED: a range is no tally; each outlet's figure shown as it wrote it.
    said = "The train was delayed by {}, the operator said."
    found = _disputes(
        said.format("10-15 minutes"), said.format("10-15 minutes"), said.format("25 minutes")
    )
    assert found == ["10-15 minutes (S0, S1) / 25 minutes (S2)"], found


# --- disputes._negation_left_out (a negation of a clause the other leaves out) ----------


@pytest.mark.parametrize(
    ("denied", "affirmed"),
    [
        (
            "Valdane said on Thursday the Orvane plant would not close.",
            "Valdane said on Thursday the Orvane plant would shut.",
        ),
        (
            "The port director said on Friday she would not step down.",
            "The port director said on Friday she would resign.",
        ),
        (
            "Venkov pleaded not guilty to the 14 counts on Tuesday.",
            "Venkov admitted the 14 counts on Tuesday.",
        ),
        (
            "Venkov's lawyer said on Tuesday that he would not appeal.",
            "Venkov's lawyer said on Tuesday that he would challenge the ruling.",
        ),
    ],
)
def test_a_denial_told_the_other_way_in_other_words_is_still_a_flip(
    denied: str, affirmed: str
) -> None:
    # WRONG: _negation_left_out takes "the other sentence has none of the words the 'not'
    # governs" as "it left the clause out". But an outlet that says the plant "would shut"
    # has not left out whether it closes: it says the opposite in its own word. The same
    # for "would not step down" / "would resign", "pleaded not guilty" / "admitted", "would
    # not appeal" / "would challenge the ruling". Each was shown as "negative / affirmative"
    # before coverage5; now nothing is shown.
    # EXPECTED: the flip stays a dispute when the other sentence has the same clause frame
    # (same subject and verb slot, only the governed word changed), e.g. as here where the
    # rest of the sentence is word for word the same.
    assert _disputes(denied, denied, affirmed) != []


def test_a_figure_that_is_no_count_of_the_vote_is_still_disputed_beside_a_tally() -> None:
    # WRONG: _parts_of_a_tally lets any pair of figures pass whose values are among the
    # tally's sides and sum, whatever they count: with "voted 5-2" in both sentences, the
    # bridge closed "for seven weeks" / "for five weeks" is no longer a dispute (it was
    # before coverage5), since 7 and 5 happen to be the vote's sum and its majority.
    # EXPECTED: only counts of the vote's members (members, votes, councillors) are read
    # as its parts; "seven weeks" / "five weeks" stays a dispute.
    said = "The council voted 5-2 on Monday to close the bridge for {} weeks."
    found = _disputes(said.format("seven"), said.format("seven"), said.format("five"))
    assert found == ["seven weeks (S0, S1) / five weeks (S2)"], found


def test_a_sentence_about_the_ports_direction_is_not_the_directors_resignation() -> None:
    # WRONG (claim level, from the stem rule above): with "director" and "direction" on
    # one stem, the Gazette's "Under Mira Holt, the port authority changed direction in
    # 2019." joins the others' claim that Holt, director since 2019, resigned on Friday,
    # and is listed as the Gazette's wording of it, beside its own "Holt quit the port
    # authority on Friday.". Before coverage5 it was a claim of its own.
    # EXPECTED: the "changed direction" sentence is not a member of the resignation claim.
    resigned = "Mira Holt, the port authority's director since 2019, resigned on Friday."
    gazette = (
        "Holt quit the port authority on Friday.",
        "Under Mira Holt, the port authority changed direction in 2019.",
    )
    coverage = compare_many(
        [
            doc(*_REST, resigned, site="Wire"),
            doc(*_REST, resigned, site="Courier"),
            doc(*_REST, *gazette, site="Gazette"),
        ]
    )
    (claim,) = [c for c in coverage.claims if any("resigned" in m.text for m in c.members)]
    assert not [m.text for m in claim.members if "direction" in m.text]
