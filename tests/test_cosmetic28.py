"""What is cosmetic (issue 3, point 5: whitespace, curly vs straight quotes, dashes,
non-breaking spaces, a trailing full stop) and what is not: a word whose case changed, ß
written "ss" and an ellipsis that became a full stop are edits; a full stop inside the
closing quote is the trailing full stop. Review 28 of the word output, items 2 and 7."""

from __future__ import annotations

import pytest
from test_align import doc

from compare import compare
from compare.model import Comparison
from compare.text import cosmetic_key, match_key, without_closing_stop

OTHER = "The council met on Tuesday evening to discuss the plan for the river."


def _first(c: Comparison) -> tuple[str, bool]:
    block = c.blocks[0]
    return block.op, block.cosmetic


def _changed_words(c: Comparison) -> list[tuple[str, str]]:
    return [(w.old, w.new) for s in c.sentences for w in s.words if w.op != "equal"]


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        (
            '"Nobody will help us," said the farmer, who lost 40 sheep.',
            '"Nobody will help US," said the farmer, who lost 40 sheep.',
            [("us", "US")],
        ),
        ("The contract went to a polish firm.", "The contract went to a Polish firm.", None),
        (
            "Der Arzt empfahl, nur in Maßen zu trinken.",
            "Der Arzt empfahl, nur in Massen zu trinken.",
            None,
        ),
        (
            "The mayor said they would wait and see...",
            "The mayor said they would wait and see.",
            None,
        ),
    ],
)
def test_edits_that_a_folded_key_hid_are_reworded(
    old: str, new: str, words: list[tuple[str, str]] | None
) -> None:
    c = compare(doc(old, OTHER), doc(new, OTHER))
    assert _first(c) == ("reworded", False)
    assert c.sentences[0].op == "reworded"
    assert c.summary.changed
    if words is not None:
        assert _changed_words(c) == words
    # Swapped, the same.
    assert _first(compare(doc(new, OTHER), doc(old, OTHER))) == ("reworded", False)


def test_a_sentence_set_in_capitals_then_in_sentence_case_reports_no_fact_changed() -> None:
    old = "POLICE SAID THE MAN WAS ARRESTED AT THE SCENE ON FRIDAY."
    new = "Police said the man was arrested at the scene on Friday."
    c = compare(doc(old, OTHER), doc(new, OTHER))
    assert _first(c) == ("reworded", False)
    assert c.changes == ()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('He said the plan was "final."', 'He said the plan was "final"'),
        ("He said the plan was 'final.'", "He said the plan was 'final'"),
        ("The plan was final.", "The plan was final"),
        ("The plan \u2014 final \u2014 was approved.", "The plan - final - was approved"),
    ],
)
def test_a_closing_full_stop_inside_the_quote_is_cosmetic(old: str, new: str) -> None:
    c = compare(doc(old, OTHER), doc(new, OTHER))
    assert _first(c) == ("equal", True)
    assert not c.summary.changed


def test_the_keys() -> None:
    assert without_closing_stop("wait and see...") == "wait and see..."
    assert without_closing_stop('was "final."') == 'was "final"'
    assert without_closing_stop('was "really..."') == 'was "really..."'
    assert without_closing_stop("the end. ") == "the end"
    assert match_key("Help US.") == match_key("help us")  # (paired by it)
    assert cosmetic_key("Help US.") != cosmetic_key("help us")
    assert cosmetic_key("Help \u201cus\u201d.") == cosmetic_key('Help "us"')


def test_approx_opening_a_sentence_ends_no_sentence() -> None:
    # (review 28) "approx." was always followed; "Approx." opening a sentence split off.
    from compare.text import split_sentences

    assert split_sentences("Approx. 40 people were evacuated on Monday. Police said so.") == [
        "Approx. 40 people were evacuated on Monday.",
        "Police said so.",
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The mayor , who was re-elected in May , said the plan was sound.",
            "The mayor, who was re-elected in May, said the plan was sound.",
        ),
        (
            "Le maire l'a dit clairement : la digue sera prête.",
            "Le maire l'a dit clairement: la digue sera prête.",
        ),
        ("The plan costs £ 4m, the council said.", "The plan costs £4m, the council said."),
        (
            "Between 10 - 15 people were hurt, police said.",
            "Between 10-15 people were hurt, police said.",
        ),
        (
            "The river rose 2½ metres overnight, officials said.",
            "The river rose 2 1/2 metres overnight, officials said.",
        ),
        (
            "The mayor said the town doesn`t have the money.",
            "The mayor said the town doesn't have the money.",
        ),
    ],
)
def test_a_pair_whose_word_diff_changed_no_word_is_cosmetic(old: str, new: str) -> None:
    # A space next to punctuation or a currency sign, a range dash spaced: the word diff keys
    # them alike, and a pair of one sentence a side, or a paragraph all of whose sentences
    # are so, is then equal and cosmetic, not "reworded · 100% similar" with nothing marked.
    second = "Work is due to start in the spring. It will take two years."
    c = compare(doc(old, second), doc(new, second))
    assert [(b.op, b.cosmetic) for b in c.blocks] == [("equal", True), ("equal", False)]
    assert c.sentences[0].op == "equal" and c.sentences[0].cosmetic
    assert not c.summary.changed and c.changes == ()
    two = compare(doc(f"{old} {second}"), doc(f"{new} {second}"))  # (one sentence of two)
    assert [(b.op, b.cosmetic) for b in two.blocks] == [("equal", True)]
    assert not two.summary.changed


def test_a_change_of_words_beside_it_is_still_reworded() -> None:
    old = "The mayor , who was re-elected in May , said the plan was sound."
    new = "The mayor, who was re-elected in June, said the plan was sound."
    c = compare(doc(old), doc(new))
    assert c.blocks[0].op == "reworded" and c.summary.changed


@pytest.mark.parametrize(
    ("old", "new", "changed"),
    [
        ("Nobody will help us, farmers say", "Nobody will help US, farmers say", True),
        ("Arzt rät, nur in Maßen zu trinken", "Arzt rät, nur in Massen zu trinken", True),
        ("Council Approves Stormwater Fee", "Council approves stormwater fee", False),
        ("COUNCIL APPROVES STORMWATER FEE", "Council approves stormwater fee", False),
    ],
)
def test_a_headline_whose_word_changed_case_changed(old: str, new: str, changed: bool) -> None:
    # (review 28 of the session's changes, finding 8) As in the text; a headline's style,
    # capitals or title case, is no edit.
    c = compare(doc(OTHER, title=old), doc(OTHER, title=new))
    assert c.summary.headline_changed is changed
    assert c.summary.changed is changed
