"""Shortcuts in comparing a reworded pair (the facets worker's hints): the differing words of
plain ASCII word ops split at spaces rather than by the token regex, a pair with an
attribution change spared ``swaps.may_swap``, and ``_from_article`` compiling no pattern for a
noun an ASCII text lacks. Each is tested against the long way, and for what makes it fast."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare import swaps
from compare.facets import comparing, figure_changes, opposites
from compare.facets.comparing import _Differing, _differing
from compare.facets.figures import _numbers
from compare.facets.sentence import _prepare
from compare.model import Change, WordOp
from compare.text import normalize


def _long_way(words: list[WordOp]) -> _Differing:
    """``_differing`` as it read every word diff before the shortcut."""
    joined = " ".join([f"{w.old} {w.new}" for w in words if w.op != "equal"])
    differing = set(
        comparing._DIFF_TOKEN().findall(joined if joined.isascii() else normalize(joined))
    )
    joined = " ".join(differing)
    lowered = joined.lower()
    lower = set(lowered.replace("'", " ").split())
    if differing:
        lower.update(lowered.split(" "))
    return _Differing(differing, joined, lowered, lower)


_WORD = st.text(alphabet="abcXYZ'-1. é\t", min_size=0, max_size=6)
_OPS = st.lists(
    st.tuples(st.sampled_from(["equal", "replace", "delete", "insert"]), _WORD, _WORD),
    min_size=1,
    max_size=6,
)


@settings(max_examples=400, deadline=None)
@given(_OPS)
def test_the_differing_words_are_those_the_regex_finds(ops: list[tuple[str, str, str]]) -> None:
    words = [WordOp(op, old, new) for op, old, new in ops]
    a = b = _prepare("A sentence.", False)
    assert _differing(a, b, words) == _long_way(words)
    # The same order too: the joined words are read as they stand.
    assert _differing(a, b, words).joined == _long_way(words).joined


def test_plain_words_are_split_without_the_regex(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_regex() -> re.Pattern[str]:
        raise AssertionError("the token regex was read")

    monkeypatch.setattr(comparing, "_DIFF_TOKEN", no_regex)
    words = [WordOp("equal", "The ", "The "), WordOp("replace", "Cat sat", "dog ran")]
    a = b = _prepare("A sentence.", False)
    found = _differing(a, b, words)
    assert found.words == {"Cat", "sat", "dog", "ran"}
    assert found.lower == {"cat", "sat", "dog", "ran"}


def test_an_attribution_change_spares_the_look_for_a_swap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = "Police said the fire was an accident."
    new = "Witnesses said the fire was an accident."
    expected = comparing.compare_sentences(old, new)
    assert any(c.kind == "attribution" for c in expected)

    def looked(*_: object) -> bool:
        raise AssertionError("may_swap was asked")

    monkeypatch.setattr(swaps, "may_swap", looked)
    assert comparing.compare_sentences(old, new) == expected


_ARTICLE_CASES = [
    ("Rescuers arrived within an hour.", "Rescuers arrived within three hours."),
    ("Rescuers arrived within three hours.", "Rescuers arrived within an hour."),
    ("It took a year to build.", "It took 12 months to build."),
    ("The bridge took half an hour to cross.", "The bridge took three hours to cross."),
    ("Three people were hurt.", "People were hurt, a person said."),
    ("Sie kamen in einer Stunde.", "Sie kamen in drei Stunden."),
    ("A ſun rose and 3 suns set.", "A sun rose."),
]


@pytest.mark.parametrize(("old", "new"), _ARTICLE_CASES)
def test_from_article_reads_as_before(old: str, new: str) -> None:
    # The long way: with the pattern compiled for every noun (the shortcut switched off by
    # a text that is not ASCII as far as the test for it goes).
    a, b = _prepare(old, False).norm, _prepare(new, False).norm
    changes = figure_changes._number_changes(_numbers(a), _numbers(b), 0, (a, b))
    assert changes
    for change in changes:
        assert figure_changes._from_article(change, a, b) == _from_article_long(change, a, b)


def _from_article_long(change: Change, old: str, new: str) -> Change | None:
    class _NotAscii(str):
        def isascii(self) -> bool:
            return False

    return figure_changes._from_article(change, _NotAscii(old), _NotAscii(new))


def test_no_pattern_for_a_noun_the_other_version_lacks(monkeypatch: pytest.MonkeyPatch) -> None:
    change = figure_changes._change(
        "number", "added", None, "three engineers", 0, "number added: three engineers"
    )
    compiled: list[str] = []
    real = re.compile

    def compile_(pattern: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(figure_changes.re, "compile", compile_)
    old, new = "The firm hired staff.", "The firm hired three engineers."
    assert figure_changes._from_article(change, old, new) is change
    assert compiled == []


_TABLE_WORDS = sorted(
    {
        *opposites._PREFIX_OPPOSITE_WORDS,
        *opposites._ANTONYM_WORDS,
        *opposites._STANCES,
        "non-violent",
        "violent",
        "form",
        "unform",
    }
)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_TABLE_WORDS),
    st.sets(st.sampled_from([*_TABLE_WORDS, "the", "unsure", "nonviolent"]), max_size=40),
)
def test_opposites_among_words_are_those_of_the_rule(word: str, words: set[str]) -> None:
    expected = [w for w in opposites._opposites(word) if w in words]
    assert opposites._opposites_among(word, words) == expected
    # With every opposite among the words, all of them, in the rule's order.
    everything = set(opposites._opposites(word))
    assert opposites._opposites_among(word, everything) == opposites._opposites(word)


def test_a_word_gone_asks_nothing_of_prefixes_the_new_text_lacks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    real = opposites._negates

    def negates(prefixed: str) -> bool:
        asked.append(prefixed)
        return real(prefixed)

    monkeypatch.setattr(opposites, "_negates", negates)
    old, new = "The guards were armed and calm.", "The guards were tired and calm."
    assert opposites._prefix_flips(old, new, 0) == []
    assert asked == []
    # A flip still found: "unarmed" stands in the new text.
    flips = opposites._prefix_flips(old, "The guards were unarmed and calm.", 0)
    assert [(c.old, c.new) for c in flips] == [("armed", "unarmed")]
