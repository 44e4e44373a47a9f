"""Cheap exact gates in comparing a reworded pair (the facets worker's hints):
``_may_flip_by_prefix`` looks up no opposite when no differing word has one,
``swaps.may_swap`` stops at the third missing word when no form of "be" differs,
``_negated_verb_differs`` reads no "not" when both sides hold the same negations, and
``_name_changes`` reads no name key when both sides hold the same names. Each is tested
against the long way (the functions as they were before the gate) on tricky pairs, and for
what makes it fast (the long way is not taken)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare import swaps
from compare.facets import abroad, comparing, names, opposites
from compare.facets.base import _whole_word
from compare.facets.comparing import _differing, _says_not
from compare.facets.hedges import _HEDGE_DIFF_TRIGGERS
from compare.facets.names import _initials_in, _initials_of, _name_kept, _name_key, _undotted
from compare.facets.negations import (
    _NEGATION_TRIGGERS,
    _moved_to_another_verb,
    _negated_verb,
    _negations,
)
from compare.facets.sentence import _prepare
from compare.facets.verbs import _same_verb, _verb_stem
from compare.model import Change

# The long way: each function as it was before its gate.


def _long_may_flip_by_prefix(differing: set[str], joined: str, texts: tuple[str, str]) -> bool:
    if "non" in differing:
        return True
    new = texts[1].lower()
    if not opposites._ANTONYM_WORDS.isdisjoint(differing):
        for word in opposites._ANTONYM_WORDS.intersection(differing):
            found = opposites._ANTONYMS[word]
            if not found.isdisjoint(differing):
                return True
            if any(_whole_word(new, o) for o in found):
                return True
    for word in differing.intersection(opposites._STANCES):
        if _whole_word(new, opposites._STANCES[word]):
            return True
    for word in differing.intersection(opposites._SEQUENCES):
        if _whole_word(new, opposites._SEQUENCES[word]):
            return True
    for word in differing.intersection(opposites._PREFIX_OPPOSITE_WORDS):
        if _whole_word(new, opposites._PREFIX_OPPOSITES[word]):
            return True
    return not differing.isdisjoint(opposites._PREFIXED().findall(" " + joined))


def _long_may_swap(old: str, new: str, differing: set[str]) -> bool:
    old, new = old.lower(), new.lower()
    missing: list[str] = []
    for w in differing:
        if w[:1].isalnum() and w != "the" and w not in swaps._VOICE and not (w in old and w in new):
            missing.append(w)
            if len(missing) > swaps._MAX_PARTY + 2:
                return False
    if len(missing) > 2:
        return swaps._may_drop_agent(differing, missing, old)
    if len(missing) == 1:
        word = missing[0]
        stem = _verb_stem(word)
        if stem in (new if word in old else old):
            return True
        for other in differing:
            if other != word and other in word and _verb_stem(other) == stem:
                return True
        return swaps._may_drop_agent(differing, missing, old)
    return (
        not missing
        or (len(missing) == 2 and _verb_stem(missing[0]) == _verb_stem(missing[1]))
        or swaps._may_drop_agent(differing, missing, old)
    )


def _long_negated_verb_differs(
    a: comparing._Prepared, b: comparing._Prepared, lower: set[str]
) -> bool:
    if not (_says_not(a.masked) and _says_not(b.masked)):
        return False
    if not any(
        word in lower
        and any(
            other != word and other[:1] == word[:1] and _same_verb(other, word) for other in lower
        )
        for text in (a.masked, b.masked)
        for word in (m.group(1).lower() for m in comparing._AFTER_NOT().finditer(text))
    ):
        return False
    old, new = _negations(a.masked), _negations(b.masked)
    return any(_negated_verb(cue).lower() in lower for cue in (*old, *new)) and bool(
        _moved_to_another_verb(list(old), list(new), (a.masked, b.masked), 0)
    )


def _long_name_changes(
    old: tuple[str, ...], new: tuple[str, ...], old_text: str, new_text: str, sentence: int
) -> list[Change]:
    old_lower, new_lower = old_text.casefold(), new_text.casefold()
    if any("." in n for n in old):
        old_lower = _undotted(old_lower)
    if any("." in n for n in new):
        new_lower = _undotted(new_lower)
    old_keys = [_name_key(n) for n in old]
    new_keys = [_name_key(n) for n in new]
    removed = [
        n for n, k in zip(old, old_keys, strict=True) if not _name_kept(k, new_lower, new_keys)
    ]
    added = [
        n for n, k in zip(new, new_keys, strict=True) if not _name_kept(k, old_lower, old_keys)
    ]
    if removed or added:
        for o, n in [(o, n) for o in removed for n in added if _initials_of(o, n)]:
            if o in removed and n in added:
                removed.remove(o)
                added.remove(n)
        removed = [n for n in removed if not _initials_in(n, new_text)]
        added = [n for n in added if not _initials_in(n, old_text)]
    changes = [
        names._change("name", "changed", o, n, sentence, names._describe("changed", "name", o, n))
        for o, n in zip(removed, added, strict=False)
    ]
    changes += [
        names._change(
            "name", "removed", n, None, sentence, names._describe("removed", "name", n, None)
        )
        for n in removed[len(added) :]
    ]
    changes += [
        names._change("name", "added", None, n, sentence, names._describe("added", "name", None, n))
        for n in added[len(removed) :]
    ]
    return changes


#: Pairs that reach each gate and its long way: negations moved, reworded, added, doubled;
#: names swapped, traded in place, recased; opposites, prefixes, stances, orders; roles.
TRICKY = [
    ("The mayor did not resign on Monday.", "The mayor did not resign on Tuesday."),
    ("The mayor did not resign, and he commented.", "The mayor resigned, but he did not comment."),
    ("The mayor did not resign and did not comment.", "The mayor resigned and did not comment."),
    ("The club is not in the league.", "The club is no longer in the league."),
    ("The minister spoke to reporters.", "The minister never spoke to reporters."),
    ("It is not true that nobody came.", "It is true that nobody came."),
    ("He did not deny that he was not there.", "He denied that he was there."),
    ("She did not win the final.", "She did not win the semi-final."),
    ("She did not win the final, he did not lose.", "She did not lose the final, he did not win."),
    ("The team did not win the final.", "The team lost the final."),
    ("Mayor Anna Berg met Lars Holm in Oslo.", "Mayor Anna Berg met Per Lund in Oslo."),
    ("Anna Berg met Lars Holm in Oslo.", "Lars Holm met Anna Berg in Oslo."),
    ("Anna Berg met Lars Holm in Oslo.", "Anna Berg met Lars Holm in Bergen."),
    ("Anna Berg met Lars Holm in Oslo on Monday.", "Anna Berg met Lars Holm in Oslo on Friday."),
    ("Anna Berg met Lars Holm in Oslo.", "ANNA BERG met Lars Holm in Oslo."),
    ("the EU and Norway signed the deal.", "The European Union and Norway signed the deal."),
    ("The U.S. and Norway signed.", "The US and Norway signed later."),
    ("Mr Smith and Ms Jones met.", "Smith and Ms Jones met today."),
    ("Arsenal beat Chelsea 2-1 on Sunday.", "Chelsea beat Arsenal 2-1 on Sunday."),
    ("The city sued the contractor.", "The contractor is suing the city."),
    ("The storm destroyed the bridge.", "The bridge was destroyed."),
    ("Police blamed the driver.", "The driver blamed police."),
    ("The suspect was armed.", "The suspect was unarmed."),
    ("He was found guilty.", "He was found innocent."),
    ("She voted for the plan.", "She voted against the plan."),
    ("He left before the vote.", "He left after the vote."),
    ("The inability to pay worried them.", "The ability to pay worried them."),
    ("The non-binding vote passed.", "The binding vote passed."),
    ("Sales rose in France and fell in Spain.", "Sales fell in France and rose in Spain."),
    ("Prices were stable on Monday.", "Prices were steady on Monday, traders said."),
    ("The board approved the deal.", "The board rejected the deal."),
    ("He won't go, and she can't stay.", "He will go, and she can stay."),
    ("Nobody was hurt.", "No one was hurt in the fire."),
    ("The group disagreed with the plan.", "The group agreed with the plan."),
]


@pytest.mark.parametrize(("old", "new"), TRICKY)
def test_tricky_pairs_compare_as_the_long_way(
    old: str, new: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both ways round, and with the case changed.
    for was, now in ((old, new), (new, old), (old, new.upper()), (old.lower(), new)):
        assert comparing.compare_sentences(was, now) == _with_long_way(was, now, monkeypatch)


def _with_long_way(old: str, new: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Change, ...]:
    with monkeypatch.context() as patched:
        patched.setattr(comparing, "_may_flip_by_prefix", _long_may_flip_by_prefix)
        patched.setattr(swaps, "may_swap", _long_may_swap)
        patched.setattr(comparing, "_negated_verb_differs", _long_negated_verb_differs)
        patched.setattr(comparing, "_name_changes", _long_name_changes)
        return comparing.compare_sentences(old, new)


@pytest.mark.parametrize(("old", "new"), TRICKY)
def test_each_gate_answers_as_its_long_way_on_tricky_pairs(old: str, new: str) -> None:
    for was, now in ((old, new), (new, old), (old, new.lower()), (old.upper(), new)):
        a, b = _prepare(was, False), _prepare(now, False)
        if a.norm == b.norm:
            continue
        d = _differing(a, b)
        texts = (a.masked, b.masked)
        assert opposites._may_flip_by_prefix(d.lower, d.lowered, texts) == (
            _long_may_flip_by_prefix(d.lower, d.lowered, texts)
        )
        assert swaps.may_swap(a.masked, b.masked, d.lower) == _long_may_swap(
            a.masked, b.masked, d.lower
        )
        assert comparing._negated_verb_differs(a, b, d.lower) == (
            _long_negated_verb_differs(a, b, d.lower)
        )
        found = names._names(a.norm), names._names(b.norm)
        assert names._name_changes(*found, a.norm, b.norm, 0) == (
            _long_name_changes(*found, a.norm, b.norm, 0)
        )


_VOCABULARY = [
    *sorted(opposites._ANTONYM_WORDS)[:30],
    *sorted(opposites._PREFIX_OPPOSITE_WORDS)[:20],
    "non",
    "for",
    "against",
    "before",
    "after",
    "armed",
    "unarmed",
    "inability",
    "ability",
    "in",
    "into",
    "disagree",
    "agree",
    "is",
    "was",
    "been",
    "by",
    "the",
    "beat",
    "beaten",
    "sued",
    "suing",
    "chose",
    "chosen",
    "police",
    "driver",
    "city",
    "2-1",
    "Anna",
    "unarméd",
    "it's",
]
_SENTENCE = st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=9).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(_SENTENCE, _SENTENCE)
def test_flips_and_swaps_gated_as_the_long_way(old: str, new: str) -> None:
    a, b = _prepare(old, False), _prepare(new, False)
    d = _differing(a, b)
    texts = (a.masked, b.masked)
    assert opposites._may_flip_by_prefix(d.lower, d.lowered, texts) == (
        _long_may_flip_by_prefix(d.lower, d.lowered, texts)
    )
    assert swaps.may_swap(a.masked, b.masked, d.lower) == _long_may_swap(
        a.masked, b.masked, d.lower
    )


_NAMES = st.lists(
    st.sampled_from(["Anna Berg", "Berg", "Mr Berg", "EU", "European Union", "U.S.", "US", "Oslo"]),
    max_size=4,
).map(tuple)


@settings(max_examples=300, deadline=None)
@given(_NAMES, _NAMES)
def test_names_gated_as_the_long_way(old: tuple[str, ...], new: tuple[str, ...]) -> None:
    old_text = f"They met {' and '.join(old) or 'nobody'} today."
    new_text = f"They met {' and '.join(new) or 'nobody'} yesterday."
    assert names._name_changes(old, new, old_text, new_text, 0) == _long_name_changes(
        old, new, old_text, new_text, 0
    )


# What makes each gate fast: the long way is not taken where the gate rules it out.


class _NoLower(str):
    """A sentence that may not be lowered: the look up of opposites lowers the new one."""

    __slots__ = ()

    def lower(self) -> str:
        raise AssertionError("the opposites were looked up")


def test_no_opposite_is_looked_up_without_a_word_that_has_one() -> None:
    differing = {"months", "years"}
    texts = ("Morale was low for months.", _NoLower("Morale was low for years"))
    assert not opposites._may_flip_by_prefix(differing, "months years", texts)
    # A prefixed word and its stem are still found ("inability", "ability").
    assert opposites._may_flip_by_prefix({"inability", "ability"}, "inability ability", texts)


def test_may_swap_stops_at_the_third_missing_word_without_a_form_of_be(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def dropped(*_: object) -> bool:
        raise AssertionError("a dropped agent was looked for")

    monkeypatch.setattr(swaps, "_may_drop_agent", dropped)
    old = "Morale had been low for months, staff said."
    new = "Spirits were weak for years, workers added."
    assert not swaps.may_swap(old, new, {"morale", "spirits", "staff", "workers", "said"})


def test_the_same_negations_on_both_sides_are_not_read_for_a_moved_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a = _prepare("The mayor did not resign on Monday.", False)
    b = _prepare("The mayor did not resign on Tuesday.", False)
    assert _negations(a.masked) == _negations(b.masked)

    def no_regex() -> object:
        raise AssertionError("the words after each 'not' were read")

    monkeypatch.setattr(comparing, "_AFTER_NOT", no_regex)
    assert not comparing._negated_verb_differs(a, b, {"monday", "tuesday"})


def test_the_same_names_on_both_sides_read_no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_key(_: str) -> tuple[str, ...]:
        raise AssertionError("a name key was read")

    monkeypatch.setattr(names, "_name_key", no_key)
    found = ("Anna Berg", "Oslo")
    assert (
        names._name_changes(found, found[::-1], "Anna Berg in Oslo.", "Oslo: Anna Berg.", 0) == []
    )


# The facets' words looked at once: a pair whose differing words hold none of a facet's
# words reads none of its word sets one by one. (For the negations and hedges the one set is
# the union of the two read before, which meet the differing words when it does; for the
# figures it only goes before the tests of each set, as checked here.)


class _Everything(frozenset[str]):
    """A word set that meets every other: the one look lets every pair through (the long way)."""

    def isdisjoint(self, _: object) -> bool:
        return False


class _Untouchable:
    """A word set that may not be read."""

    def _read(self, *_: object) -> bool:
        raise AssertionError("a facet's own word set was read")

    __and__ = __rand__ = __contains__ = __iter__ = isdisjoint = _read


_FACET_WORDS = (
    "_NUMBER_TRIGGERS",
    "_MEASURE_TRIGGERS",
    "_RELATIVE_TRIGGERS",
    "_CURRENCY_PREFIXES",
    "_NEGATION_TRIGGERS",
    "_HEDGE_DIFF_TRIGGERS",
)


def _through_every_test(old: str, new: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Change, ...]:
    with monkeypatch.context() as patched:
        patched.setattr(comparing, "_FIGURE_WORDS", _Everything())
        return comparing.compare_sentences(old, new)


@pytest.mark.parametrize(("old", "new"), TRICKY)
def test_one_look_at_the_facets_words_finds_what_every_test_finds(
    old: str, new: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for was, now in ((old, new), (new, old)):
        assert comparing.compare_sentences(was, now) == _through_every_test(was, now, monkeypatch)


_FIGURE_PAIRS = [
    ("Three people died on Monday.", "Four people died on Monday."),
    ("The race was 5 miles long.", "The race was 5 km long."),
    ("It cost $3.5m last week.", "It cost $3.5bn last week."),
    ("More than 100 came.", "Nearly 100 came."),
    ("The vote is next week.", "The vote is this week."),
    ("He may resign.", "He will resign."),
    ("He reportedly resigned.", "He resigned."),
    ("La ville n'a pas vote.", "La ville a vote."),
    ("Es kamen drei Menschen.", "Es kamen vier Menschen."),
    ("The fund lost half a million.", "The fund lost a million."),
    ("Temperatures fell to minus 5C.", "Temperatures fell to 5C."),
]


@pytest.mark.parametrize(("old", "new"), _FIGURE_PAIRS)
def test_one_look_on_figures_hedges_and_words_abroad(
    old: str, new: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for was, now in ((old, new), (new, old)):
        assert comparing.compare_sentences(was, now) == _through_every_test(was, now, monkeypatch)


def test_a_pair_without_a_facets_word_reads_no_word_set_of_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in _FACET_WORDS:
        monkeypatch.setattr(comparing, name, _Untouchable())
    old, new = "Morale was low, staff said.", "Morale was poor, staff said."
    assert comparing.compare_sentences(old, new) == ()
    # The one sets are the unions of those.
    assert comparing._NEGATION_CUES == _NEGATION_TRIGGERS | abroad.NEGATION_DIFFERS
    assert comparing._HEDGE_WORDS == _HEDGE_DIFF_TRIGGERS | abroad.HEDGE_WORDS
