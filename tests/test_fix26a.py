"""Review 26 (meaning) findings 2, 3, 4 and 9: what a removed paragraph held is read against
the facts NEW states (figures by value and the noun they count, statuses by whom they are
told of), found once, not by a search over all of NEW per fact; a note's own text states
nothing; a removed paragraph is matched to a note by all its sentences; and a quote change
is a note's only when the note speaks of a quotation (or its words) and names its speaker."""

from __future__ import annotations

import re

import pytest
from test_align import doc

import compare.facets.document as document_facets
from compare import compare, facets_worker
from compare.facets.figures import _numbers
from compare.model import Comparison
from compare.notes import noted_in

LEDE = "A lorry overturned on the Ridgeway bypass near Alcombe on Thursday morning, police said."
CLOSED = "The bypass was closed in both directions for five hours while the load was cleared."
LAST = "Drivers were advised to avoid the area until the evening."


def _removed(c: Comparison) -> list[str]:
    return [x.detail for x in c.changes if x.kind == "paragraph"]


def _noted(c: Comparison) -> dict[str, str]:
    """Each change's detail, and the label of the note that speaks of it."""
    labels = noted_in(c)
    return {x.detail: labels[id(x)] for x in c.changes if id(x) in labels}


# Finding 4: a figure is still stated when NEW gives its value counting the same thing,
# however it is written.
@pytest.mark.parametrize(
    ("kept", "removed"),
    [
        (
            "Police said 14 people were hurt when the lorry hit two cars.",
            "Fourteen people were hurt, police said, and two cars were written off.",
        ),
        (
            "At least 14 people were hurt, and all 14 were taken to Alcombe General.",
            "Of those hurt, fourteen were taken to Alcombe General.",
        ),
        (
            "Engineers worked overnight to reconnect some 4,000 properties left without "
            "electricity, the network operator said.",
            "About 4,000 homes lost power after the lorry struck a pylon, the network operator "
            "said.",
        ),
    ],
)
def test_a_figure_told_again_by_its_value_is_not_lost(kept: str, removed: str) -> None:
    c = compare(doc(LEDE, kept, CLOSED, removed, LAST), doc(LEDE, kept, CLOSED, LAST))
    assert _removed(c) == []
    assert not c.summary.edited_without_note


def test_a_figure_of_another_count_or_value_is_lost() -> None:
    removed = "Fourteen people were hurt in the crash."
    told = "Police said 14 people were hurt in the crash."
    assert _removed(compare(doc(LEDE, told, removed, LAST), doc(LEDE, told, LAST))) == []
    # 14 officers are not 14 people hurt; 140 people are not 14.
    for kept in (
        "Police said 14 officers closed the road.",
        "Police said 140 people were hurt in the crash.",
    ):
        c = compare(doc(LEDE, kept, removed, LAST), doc(LEDE, kept, LAST))
        assert len(_removed(c)) == 1 and '"Fourteen people"' in _removed(c)[0], kept


def test_a_status_is_lost_with_the_one_it_was_told_of() -> None:
    first = "A driver was arrested on Thursday after the crash, police said."
    second = "A second driver, 52, was arrested on Saturday."
    c = compare(doc(LEDE, first, second, LAST), doc(LEDE, first, LAST))
    assert len(_removed(c)) == 1 and '"arrested"' in _removed(c)[0]
    # Told again of the same man, it is kept.
    again = "Police said a second driver had been arrested on Saturday in Alcombe."
    kept = compare(doc(LEDE, first, second, LAST), doc(LEDE, first, again, LAST))
    assert _removed(kept) == []


def test_an_age_is_no_figure_of_weight() -> None:
    # The ages read as figure_changes reads them (_number_group): "15" of "aged 14 and 15"
    # is an age too.
    boys = "The boys, aged 14 and 15, were arrested on suspicion of criminal damage."
    c = compare(doc(LEDE, boys, LAST), doc(LEDE, LAST))
    assert len(_removed(c)) == 1
    assert "figure" not in _removed(c)[0] and "arrested on suspicion" in _removed(c)[0]


# Findings 3 and 4: a note's text is not NEW stating a fact; a removed paragraph is matched to
# a note by all its sentences, not its first.
@pytest.mark.parametrize("arrest_first", [False, True])
def test_a_correction_that_denies_a_removed_fact_covers_it_and_does_not_keep_it(
    arrest_first: bool,
) -> None:
    background = "The crash is not thought to have been deliberate."
    arrest = "A 29-year-old man was arrested on suspicion of dangerous driving, police said."
    removed = f"{arrest} {background}" if arrest_first else f"{background} {arrest}"
    note = (
        "Correction: An earlier version of this story wrongly said a man had been arrested "
        "on suspicion of dangerous driving. Nobody has been arrested."
    )
    c = compare(doc(LEDE, removed, CLOSED, LAST), doc(LEDE, CLOSED, LAST, note))
    (detail,) = _removed(c)
    assert '"arrested on suspicion of dangerous driving"' in detail
    assert _noted(c).get(detail) == "correction"


# Finding 2: an update about someone else's statement does not cover a quote changed.
QUOTED = '"I have never hidden a single invoice," said Councillor Ada Ferrow.'
REQUOTED = '"I have never hidden a single invoice from the auditors," said Councillor Ada Ferrow.'
LAWYER = '"We will contest every claim," Ferrow\'s solicitor said in a statement on Monday.'


def _quote_noted(note: str) -> dict[str, str]:
    c = compare(doc(LEDE, QUOTED, LAST), doc(LEDE, REQUOTED, LAST, LAWYER, note))
    return {d.split(":")[0]: label for d, label in _noted(c).items()}


def test_a_statement_by_someone_else_covers_no_quote_changed() -> None:
    noted = _quote_noted(
        "Update: This story has been updated with a statement from Ada Ferrow's solicitor."
    )
    assert "quote altered" not in noted
    assert noted.get("quote added (Ferrow's solicitor)") == "update"  # the statement it adds


def test_a_note_on_the_quote_covers_it() -> None:
    for note in (
        "Correction: An earlier version of this story misquoted Councillor Ada Ferrow.",
        "Clarification: Ada Ferrow said she had never hidden an invoice from the auditors.",
    ):
        assert "quote altered" in _quote_noted(note), note
    # The quote's speaker named only as someone's ("Ferrow's solicitor") is not named.
    other = "Correction: An earlier version of this story misquoted Ada Ferrow's solicitor."
    assert "quote altered" not in _quote_noted(other)


# Finding 9: NEW's facts are read once; no fact is looked for by a search over all of NEW.
def test_removed_paragraphs_do_not_search_all_of_new_per_fact(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kept = [
        f"Inspectors in district {i} found {i + 3} cracked supports on bridge {i}, the agency "
        f"said, and {i + 40} people were moved from homes beside it."
        for i in range(120)
    ]
    lost = [
        f"Crews in ward {i} cleared {i + 500} tonnes of debris and {i + 900} residents were "
        f"told to stay indoors, the council said."
        for i in range(60)
    ]
    # Paragraphs whose figures NEW still gives: each was looked for over all of NEW.
    told = [
        f"The agency said {i + 3} cracked supports were found on bridge {i}." for i in range(60)
    ]
    gone = [x for pair in zip(lost, told, strict=True) for x in pair]
    new_text = sum(len(t) for t in kept)
    searched: list[int] = []
    real_search = re.search

    def search(pattern: object, string: str, *args: object) -> object:
        searched.append(len(string))
        return real_search(pattern, string, *args)  # type: ignore[call-overload]

    read: dict[str, int] = {}
    real_numbers = document_facets._numbers

    def numbers(text: str) -> object:
        read[text] = read.get(text, 0) + 1
        return real_numbers(text)

    # (In this process: no facets worker, whose reading the patches would not see.)
    monkeypatch.setattr(facets_worker, "start", lambda old, new: None)
    monkeypatch.setattr(re, "search", search)  # (anywhere: document.py runs no pattern now)
    monkeypatch.setattr(document_facets, "_numbers", numbers)
    _numbers.cache_clear()
    c = compare(doc(*kept, *gone), doc(*kept))
    assert len(_removed(c)) == len(lost)  # each held figures NEW no longer gives
    assert not [n for n in searched if n >= new_text // 2]
    assert max(read.values()) == 1  # each sentence read once
