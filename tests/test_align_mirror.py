"""Alignment of long stories: issue 3's invariants where the fuzzy matching cannot score
every pair and picks candidates (compare/align.py ``_candidates``)."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_align import POOL, covered, doc, edit, mirrored

from compare import compare

VERBS = ["reopened", "closed", "cleared", "inspected", "repaired"]
PLACES = ["the road", "the bridge", "the tunnel", "the ramp"]
DAYS = ["Monday", "Tuesday", "Friday"]


def gate_line(verb: str, place: str, gate: int, day: str) -> str:
    return f"Crews {verb} {place} near gate {gate} on {day}, officials said."


def gate_story(rng: random.Random) -> tuple[list[str], list[str]]:
    """A story of 100-200 near-alike paragraphs, differing in a verb, a place, a number,
    and a later version of it: some paragraphs dropped, some edited in one word, some
    added, a few moved."""

    def line() -> str:
        return gate_line(
            rng.choice(VERBS), rng.choice(PLACES), rng.randint(1, 60), rng.choice(DAYS)
        )

    old = [line() for _ in range(rng.randint(100, 200))]
    new = []
    for text in old:
        r = rng.random()
        if r < 0.1:
            continue
        if r < 0.4:
            words = text.split()
            k = rng.randrange(len(words))
            words[k] = str(rng.randint(1, 60)) if rng.random() < 0.5 else rng.choice(VERBS)
            text = " ".join(words)
        new.append(text)
    for _ in range(rng.randint(0, 10)):
        new.insert(rng.randint(0, len(new)), line())
    for _ in range(3):
        k = rng.randrange(len(new))
        new.insert(rng.randrange(len(new)), new.pop(k))
    return old, new


# Seeds whose story OLD -> NEW and NEW -> OLD aligned differently when the candidate pairs
# were picked from OLD's side only (found by a reader: ~9 stories in 400).
@pytest.mark.parametrize("seed", [23, 24, 27, 30, 50, 69])
def test_a_long_story_of_alike_paragraphs_mirrors(seed: int) -> None:
    old, new = gate_story(random.Random(seed))
    a, b = doc(*old), doc(*new)
    c = compare(a, b, facets=False)
    covered(c)
    mirrored(c, compare(b, a, facets=False))


@st.composite
def long_template_pairs(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """Long stories of template lines, most of them edited in one figure or word (too
    many pairs left over to score them all), some dropped, added or moved."""
    gates = st.integers(1, 40)
    lines = st.builds(
        gate_line, st.sampled_from(VERBS), st.sampled_from(PLACES), gates, st.sampled_from(DAYS)
    )
    old = draw(st.lists(lines, min_size=90, max_size=130))
    new = []
    for text in old:
        how = draw(st.integers(0, 9))
        if how == 0:
            continue
        if how <= 7:
            words = text.split()
            k = draw(st.integers(0, len(words) - 1))
            words[k] = str(draw(gates)) if how <= 4 else draw(st.sampled_from(VERBS))
            text = " ".join(words)
        new.append(text)
    for text in draw(st.lists(lines, max_size=8)):
        new.insert(draw(st.integers(0, len(new))), text)
    for _ in range(draw(st.integers(0, 3))):
        k = draw(st.integers(0, len(new) - 1))
        new.insert(draw(st.integers(0, len(new) - 1)), new.pop(k))
    return old, new


@settings(max_examples=40, deadline=None)
@given(long_template_pairs())
def test_long_template_stories_keep_the_invariants(pair: tuple[list[str], list[str]]) -> None:
    old, new = doc(*pair[0]), doc(*pair[1])
    c = compare(old, new, facets=False)
    covered(c)
    assert compare(old, new, facets=False) == c  # deterministic
    mirrored(c, compare(new, old, facets=False))


def test_growing_splits_and_merges_measures_each_pair_once() -> None:
    # _grow_groups tries each free neighbour of each reworded pair, on both sides: the
    # pair's own distance is the base of every try, and a try's pair is the next step's
    # base once taken. Each is worked out once (it was up to four times a step).
    from types import SimpleNamespace

    from rapidfuzz.distance import Indel

    from compare import align

    calls: Counter[tuple[str, str]] = Counter()

    def distance(a: str, b: str) -> int:
        calls[a, b] += 1
        return Indel.distance(a, b)

    real_grow = align._grow_groups

    def grow(*args: Any) -> None:
        with mock.patch.object(align, "Indel", SimpleNamespace(distance=distance)):
            real_grow(*args)

    three = POOL[0] + " " + POOL[1] + " " + POOL[2]
    old = doc(three, POOL[3], POOL[4] + " " + POOL[5], POOL[6], POOL[7])
    new = doc(POOL[0], edit(POOL[1], 1), POOL[2], POOL[3], POOL[4], edit(POOL[5], 2), POOL[7])
    with mock.patch.object(align, "_grow_groups", grow):
        c = compare(old, new, facets=False)
    assert [(b.a, b.b) for b in c.blocks][:2] == [((0,), (0, 1, 2)), ((1,), (3,))]
    repeated = [n for n in calls.values() if n > 1]
    assert calls and not repeated


def test_a_short_question_out_of_place_is_not_another_question_reworded() -> None:
    # Three words of four in common pass the threshold by chance (0.55): where the line
    # stood is all that could say it is the same paragraph, and another question added
    # at the end is not. Found by a reader; the benchmark had it in 4 of 10 seeds.
    question = "How did it start?"
    old = doc(POOL[0], question, POOL[1], POOL[2], POOL[3])
    new = doc(POOL[0], POOL[1], POOL[2], POOL[3], "How did it get into the water?")
    for c, removed, added in ((compare(old, new), 1, 4), (compare(new, old), 4, 1)):
        changed = {(b.op, b.a, b.b) for b in c.blocks if b.op != "equal"}
        assert changed == {("removed", (removed,), ()), ("added", (), (added,))}
    # Where it stood, it is the question rewritten.
    in_place = doc(POOL[0], "How did it get into the water?", POOL[1], POOL[2], POOL[3])
    assert [b.op for b in compare(old, in_place).blocks].count("reworded") == 1
    # Found whole in the line elsewhere, a word put in or a sentence after it, it moved.
    for grown in ("How did it reportedly start?", "How did it start? Nobody is sure yet."):
        moved = doc(POOL[0], POOL[1], POOL[2], POOL[3], grown)
        for c in (compare(old, moved), compare(moved, old)):
            assert [(b.op, b.moved) for b in c.blocks if b.op != "equal"] == [("reworded", True)]
