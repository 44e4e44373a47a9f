"""Shortcuts in the figures' changes of two versions of a sentence, or of one alone
(compare/facets/figure_changes.py): each must give what the long way gives, on tricky pairs
(units, ranges, spelled-out numbers, dates, money, percentages, "25 years" -> "25 hours",
reordered and swapped figures), and is tested for what makes it fast."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.facets import compare_sentences
from compare.facets import figure_changes as fc
from compare.facets.figures import Number, _numbers, same_number
from compare.facets.sentence import _prepare
from compare.model import Change

#: Pairs of versions of a sentence whose figures test the pairing: kept in place, changed in
#: place, swapped, moved with their words, turned round, restated in another unit.
TRICKY = [
    ("He is more than 25 years old and has 3 cars.", "He is 25 hours old and has 3 cars."),
    ("It is 25 years old and 3 miles long.", "It is 25 hours old and 3 miles long."),
    ("It ran 5 miles in 30 minutes.", "It ran 5 km in 30 minutes."),
    ("It ran 5 miles in 30 minutes.", "It ran 5 miles in half an hour."),
    ("Three were killed and 12 injured.", "Three were injured and 12 killed."),
    ("3 people died and 12 were hurt.", "12 people died and 3 were hurt."),
    ("The limit was cut to 20 mph from 30 mph.", "The limit was cut from 20 mph to 30 mph."),
    ("Prices rose 5% in May and 3% in June.", "Prices rose 3% in June and 5% in May."),
    ("Prices rose 5% in May and 3% in June.", "Prices rose 3% in May and 5% in June."),
    ("The board voted 7-2 on Tuesday.", "The board voted 2-7 on Tuesday."),
    ("The board voted 7-2 on Tuesday.", "The board voted 7 to 2 on Tuesday."),
    (
        "Keith Arden, 54, and Paul Renshaw, 49, died.",
        "Paul Renshaw, 49, and Keith Arden, 54, died.",
    ),
    (
        "It lasted 60 minutes, and 60 people came.",
        "It lasted an hour, and 60 people came.",
    ),
    (
        "Between 20 and 30 people lost $5m on May 24, 2026.",
        "Between 20 and 30 people lost $5 million on 24 May 2026.",
    ),
    (
        "Between 20 and 30 people lost $5m on May 24, 2026.",
        "Between 20 and 40 people lost $5m on May 24, 2026.",
    ),
    (
        "Four sources said two-thirds of the 1,200 workers left in March.",
        "4 sources said 66% of the 1,200 workers left in March.",
    ),
    (
        "Four sources said two-thirds of the 1,200 workers left in March.",
        "Two-thirds of the 1,200 workers left in March, four sources said.",
    ),
    (
        "About 40 homes and 12 shops flooded at 10 a.m. on Tuesday.",
        "About 40 homes and 12 shops flooded at 10 p.m. on Tuesday.",
    ),
    (
        "About 40 homes and 12 shops flooded at 10 a.m. on Tuesday.",
        "Nearly 40 homes and 12 shops flooded at 10 a.m. on Tuesday.",
    ),
    (
        "The 3 men and 3 women paid $3 each, 3% more.",
        "The 3 women and 3 men paid $3 each, 3% more.",
    ),
    (
        "Sales of 1.200 units rose 2 points to 45% in 2025, up from 1,200.",
        "Sales of 1200 units rose 2 points to 45% in 2025, up from 1,200.",
    ),
    (
        "The 10m wall cost £3bn, a third of the 12 months' budget.",
        "The 10 metres wall cost £3bn, a third of the year's budget.",
    ),
    (
        "Rates went from 4% to 5% and from 5% to 6% this year.",
        "Rates went to 5% from 4% and from 5% to 6% this year.",
    ),
    (
        "Arsenal won 3-1 and Chelsea drew 2-2 with 40,000 fans there.",
        "Arsenal won 3-1 and Chelsea drew 2-2 with 40,000 supporters there.",
    ),
    (
        "Officials said 6 died, 2 children among them, in 1968 on lane 4.",
        "The bank said 6 died, 2 children among them, in 1968 on lane 4.",
    ),
]


def _figures(text: str) -> tuple[Number, ...]:
    return _numbers(_prepare(text, False).norm)


def _ids(
    paired: tuple[list[tuple[Number, Number]], list[Number], list[Number]],
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    pairs, removed, added = paired
    return [(id(a), id(b)) for a, b in pairs], [id(n) for n in removed], [id(n) for n in added]


def _fits_another_better_long_way(
    o: Number, n: Number, sides: fc._Sides, layout: fc._Layout
) -> bool:
    """``_fits_another_better`` as it was before its rivals' fits were looked at first: the
    words round the pair are read whenever a rival stands in its way."""
    fit = fc._fit(o, n, layout)
    if fit == (True, True):
        return False
    group = fc._number_group(o)
    places = layout.places
    counted_o, counted_n = ("", "") if fit[0] else (fc._counted_word(o), fc._counted_word(n))
    rivals = [
        *(
            (r, fc._fit(o, r, layout), sides.old)
            for r in sides.new.rivals(group, counted_o, places[id(o)])
            if r.key != o.key and not same_number(o, r)
        ),
        *(
            (r, fc._fit(r, n, layout), sides.new)
            for r in sides.old.rivals(group, counted_n, places[id(n)])
            if r.key != n.key and not same_number(n, r)
        ),
    ]
    if not rivals:
        return False
    if fc._moved_with_its_words(o, n, (r for r, _, _ in rivals), layout):
        return False
    (before_o, after_o), (before_n, after_n) = layout.beside[id(o)], layout.beside[id(n)]
    kept_neighbour = (before_o and before_o == before_n) or (after_o and after_o == after_n)
    for rival, rival_fit, other_side in rivals:
        if rival_fit <= fit or (kept_neighbour and not rival_fit[0]):
            continue
        twins = sides.twins(rival, other_side)
        if (rival_fit[0] or twins) and not any(
            fc._counted_word(x) and fc._counted_word(x) == fc._counted_word(rival) for x in twins
        ):
            return True
    return False


@pytest.fixture
def long_way(monkeypatch: pytest.MonkeyPatch) -> Callable[[Callable[[], object]], object]:
    """Runs a callable with the pairing's shortcuts undone (no ``_kept_in_place``, the old
    ``_fits_another_better``), each call of the new one checked against the old."""

    def run(work: Callable[[], object]) -> object:
        with monkeypatch.context() as patched:
            patched.setattr(fc, "_kept_in_place", lambda old, new: False)
            patched.setattr(fc, "_fits_another_better", _fits_another_better_long_way)
            return work()

    return run


@pytest.fixture
def checked_fits(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """Every call of ``_fits_another_better`` checked against the long way; their answers."""
    answers: list[bool] = []
    short = fc._fits_another_better

    def both(o: Number, n: Number, sides: fc._Sides, layout: fc._Layout) -> bool:
        answer = short(o, n, sides, layout)
        assert answer == _fits_another_better_long_way(o, n, sides, layout)
        answers.append(answer)
        return answer

    monkeypatch.setattr(fc, "_fits_another_better", both)
    yield answers


@pytest.mark.parametrize(("old", "new"), TRICKY)
def test_pairing_gives_what_the_long_way_gives(
    old: str,
    new: str,
    long_way: Callable[[Callable[[], object]], object],
    checked_fits: list[bool],
) -> None:
    a, b = _figures(old), _figures(new)
    assert a and b
    for x, y in ((a, b), (b, a)):
        expected = _ids(long_way(lambda x=x, y=y: fc._pair_numbers(x, y)))  # type: ignore[misc]
        assert _ids(fc._pair_numbers(x, y)) == expected
    changes = compare_sentences(old, new)
    assert long_way(lambda: compare_sentences(old, new)) == changes


@pytest.mark.parametrize(
    ("old", "new", "reported"),
    [
        ("He is more than 25 years old and has 3 cars.", "He is 25 hours old and has 3 cars.", 1),
        ("It is 25 years old and 3 miles long.", "It is 25 hours old and 3 miles long.", 1),
        ("Three were killed and 12 injured.", "Three were injured and 12 killed.", 2),
        ("The limit was cut to 20 mph from 30 mph.", "The limit was cut from 20 mph to 30 mph.", 2),
        ("Prices rose 5% in May and 3% in June.", "Prices rose 3% in May and 5% in June.", 2),
    ],
)
def test_figures_changed_in_place_are_still_reported(old: str, new: str, reported: int) -> None:
    numbers = [c for c in compare_sentences(old, new) if c.kind == "number"]
    assert len(numbers) >= reported


@pytest.mark.parametrize(
    ("old", "new", "kept"),
    [
        ("It is 25 years old and 3 miles long.", "It was 25 years old and 3 miles long.", True),
        (
            "Officials said 6 died, 2 children among them, in 1968 on lane 4.",
            "The bank said 6 died, 2 children among them, in 1968 on lane 4.",
            True,
        ),
        ("It is 25 years old and 3 miles long.", "It is 25 hours old and 3 miles long.", False),
        ("He is more than 25 years old, 3 times.", "He is 25 years old, 3 times.", False),
        ("Three were killed and 12 injured.", "Three were injured and 12 killed.", False),
        (
            "The limit was cut to 20 mph from 30 mph.",
            "The limit was cut from 20 mph to 30 mph.",
            False,
        ),
        ("It ran 5 miles in 30 minutes.", "It ran 5 miles in half an hour.", False),
        ("The 3 men and 3 women paid.", "The 3 women and 3 men paid.", False),
    ],
)
def test_kept_in_place_says_which_pairs_keep_every_figure(old: str, new: str, kept: bool) -> None:
    assert fc._kept_in_place(_figures(old), _figures(new)) is kept


def test_figures_kept_in_place_are_not_indexed(monkeypatch: pytest.MonkeyPatch) -> None:
    indexed: list[int] = []
    of = fc._Sides.of

    def spy(old: Sequence[Number], new: Sequence[Number], layout: fc._Layout) -> fc._Sides:
        indexed.append(len(old))
        return of(old, new, layout)

    monkeypatch.setattr(fc._Sides, "of", spy)
    kept = ("Officials said 6 died in 1968 on lane 4.", "The bank said 6 died in 1968 on lane 4.")
    assert fc._pair_numbers(*map(_figures, kept)) == ([], [], [])
    assert indexed == []
    moved = (
        "Officials said 6 died in 1968 on lane 4.",
        "On lane 4, 6 died in 1968, officials said.",
    )
    fc._pair_numbers(*map(_figures, moved))
    assert indexed == [3]


def test_no_rival_that_fits_better_reads_no_words_round_the_pair(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read: list[bool] = []
    answers: list[bool] = []
    moved, fits = fc._moved_with_its_words, fc._fits_another_better

    def spy_moved(o: Number, n: Number, rivals: object, layout: fc._Layout) -> bool:
        read.append(True)
        return moved(o, n, rivals, layout)  # type: ignore[arg-type]

    def spy_fits(o: Number, n: Number, sides: fc._Sides, layout: fc._Layout) -> bool:
        answers.append(fits(o, n, sides, layout))
        return answers[-1]

    monkeypatch.setattr(fc, "_moved_with_its_words", spy_moved)
    monkeypatch.setattr(fc, "_fits_another_better", spy_fits)
    # The 40 counts homes on both sides, but a new figure stands in its place: a rival that
    # counts shops, and so fits the old 40 no better than the new 40 does.
    old, new = _figures("About 40 homes flooded."), _figures("About 12 shops and 40 homes flooded.")
    paired = fc._pair_numbers(old, new)
    assert answers == [False]
    assert read == []
    # A rival that counts what the pair's old figure counts is looked at, words round and all.
    swapped = (
        _figures("Three were killed and 12 injured."),
        _figures("Three were injured and 12 killed."),
    )
    fc._pair_numbers(*swapped)
    assert read
    monkeypatch.setattr(fc, "_fits_another_better", _fits_another_better_long_way)
    monkeypatch.setattr(fc, "_moved_with_its_words", moved)
    assert _ids(fc._pair_numbers(old, new)) == _ids(paired)


def test_a_side_of_one_figure_holds_no_tally(monkeypatch: pytest.MonkeyPatch) -> None:
    looked: list[int] = []
    tallies = fc._tallies

    def spy(numbers: Sequence[Number]) -> list[tuple[Number, Number]]:
        looked.append(len(numbers))
        return tallies(numbers)

    monkeypatch.setattr(fc, "_tallies", spy)
    one, vote = _figures("They won 40 votes."), _figures("They voted 5-2.")
    assert fc._tally_change(one, (), 0) is None
    assert fc._tally_change((), one, 0) is None
    assert looked == []
    assert tallies(one) == [] and tallies(one[:0]) == []  # what the long way read
    found = fc._tally_change(vote, (), 0)
    assert found is not None and found[0] is not None and found[0].old == "5-2"
    assert looked == [2, 0]


#: Figures as a sentence may hold them, each with the word it counts.
_FIGURES = [
    "3 cars",
    "three cars",
    "12 people",
    "25 years",
    "25 hours",
    "more than 25 years",
    "nearly 40 homes",
    "$5m",
    "$5 million",
    "5%",
    "3%",
    "two-thirds",
    "66%",
    "30 minutes",
    "half an hour",
    "an hour",
    "60 minutes",
    "5 miles",
    "5 km",
    "May 24",
    "24 May",
    "2026",
    "10 a.m.",
    "10 p.m.",
    "Tuesday",
    "between 20 and 30 people",
    "20-30 people",
    "1,200 workers",
    "1.200 workers",
    "the first time",
]
_WORDS = ["died", "were hurt", "rose", "fell", "said", "left", "came", "in June", "in May"]
_JOINS = [" and ", ", ", " from ", " to ", ", then ", " of "]


@st.composite
def _versions(draw: st.DrawFn) -> tuple[str, str]:
    """Two versions of a sentence of a few figures: the same figures, some changed,
    reordered, their words swapped or joined anew."""
    count = draw(st.integers(min_value=2, max_value=5))
    figures = draw(st.lists(st.sampled_from(_FIGURES), min_size=count, max_size=count))
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=count, max_size=count))
    joins = draw(st.lists(st.sampled_from(_JOINS), min_size=count, max_size=count))
    new_figures = list(figures)
    for i in range(count):
        if draw(st.integers(0, 4)) == 0:
            new_figures[i] = draw(st.sampled_from(_FIGURES))
    new_words = list(words)
    if draw(st.booleans()):
        new_words = draw(st.permutations(words))
    order = list(range(count))
    if draw(st.booleans()):
        order = draw(st.permutations(order))

    def sentence(parts: list[str], said: list[str], at: list[int]) -> str:
        text = "".join(f"{parts[i]} {said[i]}{joins[k]}" for k, i in enumerate(at))
        return "Officials said " + text.rstrip(" ,") + "."

    return sentence(figures, words, list(range(count))), sentence(new_figures, new_words, order)


@settings(max_examples=300, deadline=None)
@given(_versions())
def test_pairing_gives_what_the_long_way_gives_on_made_up_pairs(
    versions: tuple[str, str],
) -> None:
    old, new = versions
    a, b = _figures(old), _figures(new)
    with pytest.MonkeyPatch.context() as patched:
        short_fits = fc._fits_another_better

        def both(o: Number, n: Number, sides: fc._Sides, layout: fc._Layout) -> bool:
            answer = short_fits(o, n, sides, layout)
            assert answer == _fits_another_better_long_way(o, n, sides, layout)
            return answer

        patched.setattr(fc, "_fits_another_better", both)
        short = _ids(fc._pair_numbers(a, b)) if a and b else None
        changes = compare_sentences(old, new)
        patched.setattr(fc, "_kept_in_place", lambda old, new: False)
        patched.setattr(fc, "_fits_another_better", _fits_another_better_long_way)
        assert (_ids(fc._pair_numbers(a, b)) if a and b else None) == short
        assert compare_sentences(old, new) == changes


def _number_changes_long_way(
    old: Sequence[Number],
    new: Sequence[Number],
    sentence: int,
    texts: tuple[str, str] | None = None,
) -> list[Change]:
    """``_number_changes`` as it was before mentions on one side only took a path of their
    own (``_one_side_changes``)."""
    tally = fc._tally_change(old, new, sentence)
    if tally is not None:
        # "voted 5-2" -> "voted 6-1": one result changed, not a 5 and a 2 apart; its numbers
        # pair with no other ("after 5 hours" is no 5 of the old vote's).
        old = [n for n in old if id(n) not in tally[1]]
        new = [n for n in new if id(n) not in tally[1]]
    relative: list[tuple[Number, Number]] = []
    if old and new:
        if any(n.key[:1] == "@" for n in old) or any(n.key[:1] == "@" for n in new):
            old, new, relative = fc._relative_pairs(old, new)
        if old and new:
            pairs, removed, added = fc._pair_numbers(old, new)
        else:
            pairs, removed, added = [], list(old), list(new)
    else:  # a sentence added or removed: nothing to pair
        pairs, removed, added = [], list(old), list(new)
    if pairs and (removed or added):
        pairs = fc._unlisted(pairs, removed, added)
    pairs += relative
    ranks: list[tuple[str, str]] = []
    if removed or added:
        # "twice", "doubled" count only when another figure takes their place (the labelled
        # pairs: "never inspected" -> "inspected twice" is the negation flip alone).
        # Nor do a time told from now ("last week") and "the first time" that come or go
        # alone: "last week" -> "on Tuesday" is told by the date added.
        if texts is not None:
            # "for the first time" -> "for the last time": a rank that a word took the place
            # of changed, though that word is no figure.
            for gone, other, ends in ((removed, texts[1], 0), (added, texts[0], 1)):
                for number in list(gone):
                    word = fc._rank_taken(number, other)
                    if word is not None:
                        gone.remove(number)
                        ranks.append((number.phrase, word) if ends == 0 else (word, number.phrase))
        removed = [n for n in removed if fc._stands_alone(n)]
        added = [n for n in added if fc._stands_alone(n)]
    if old and new and fc._has_full_date(old) and fc._has_full_date(new):
        # "Tuesday, May 24" -> "24 May": the weekday only restated the date.
        removed = [n for n in removed if not n.key.startswith("wd-")]
        added = [n for n in added if not n.key.startswith("wd-")]
    # Each phrase is worked out once: it reads the words around the number.
    changes = [
        fc._change("number", "changed", was, now, sentence, fc._describe("changed", what, was, now))
        for was, now, what in ((o.phrase, n.phrase, fc._what(o, n)) for o, n in pairs)
        if was != now
    ]
    changes += [
        fc._change(
            "number", "changed", was, now, sentence, fc._describe("changed", "number", was, now)
        )
        for was, now in ranks
    ]
    if tally is not None and tally[0] is not None:
        changes.insert(0, tally[0])
    changes += [
        fc._change(
            "number", "removed", was, None, sentence, fc._describe("removed", what, was, None)
        )
        for was, what in ((o.phrase, fc._what(o)) for o in removed)
    ]
    changes += [
        fc._change("number", "added", None, now, sentence, fc._describe("added", what, None, now))
        for now, what in ((n.phrase, fc._what(n)) for n in added)
    ]
    return changes


#: Sentences whose figures come or go with nothing in their place: tallies, ranks, times
#: told from now, "twice", dates, money, percentages, ranges, spelled-out numbers.
ONE_SIDED = [
    "The board voted 5-2 on Tuesday, May 24, 2026.",
    "Arsenal won 3-1 and Chelsea drew 2-2.",
    "The vote was 52 to 48, a margin of 4 points.",
    "She won for the first time, twice, last week.",
    "It rained once a day for three days in a row, up 5% on last year.",
    "Between 20 and 30 people lost $5m, or two-thirds of their savings, at 10 a.m.",
    "Nearly 40 homes and more than 1,200 workers left on Tuesday.",
    "The 10m wall, 25 years old, cost £3bn, a third of the year's budget.",
    "One witness saw four and a half thousand cattle in March 2026.",
    "Prices doubled to 45% in 2025 from 1.200, the first such rise.",
]


@pytest.mark.parametrize("sentence", ONE_SIDED)
@pytest.mark.parametrize("other", [None, "She won for the last time.", "Nothing changed."])
def test_figures_on_one_side_give_what_the_long_way_gives(sentence: str, other: str | None) -> None:
    numbers = _figures(sentence)
    assert numbers
    text = _prepare(sentence, False).norm
    for old, new, texts in (
        (numbers, (), None if other is None else (text, other)),
        ((), numbers, None if other is None else (other, text)),
    ):
        assert fc._number_changes(old, new, 3, texts) == _number_changes_long_way(
            old, new, 3, texts
        )


def test_figures_on_one_side_take_a_path_of_their_own(monkeypatch: pytest.MonkeyPatch) -> None:
    taken: list[bool] = []
    one_side = fc._one_side_changes

    def spy(*args: object) -> list[Change]:
        taken.append(True)
        return one_side(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(fc, "_one_side_changes", spy)
    numbers = _figures("Between 20 and 30 people lost $5m on Tuesday.")
    with monkeypatch.context() as patched:
        # (Nor the pairing's passes, which name what changed as a pair's words do.)
        patched.setattr(fc, "_what", lambda *numbers: pytest.fail("read as a pair"))
        assert len(fc._number_changes(numbers, (), 0)) == 3
        assert len(fc._number_changes((), numbers, 0, ("Nothing.", "x"))) == 3
    assert taken == [True, True]
    fc._number_changes(numbers, _figures("Between 20 and 30 people lost $5m."), 0)
    assert taken == [True, True]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_FIGURES), min_size=1, max_size=5),
    st.sampled_from(_JOINS),
    st.booleans(),
    st.sampled_from([None, "It was the last time.", "It was a year."]),
)
def test_figures_on_one_side_give_what_the_long_way_gives_on_made_up_sentences(
    figures: list[str], join: str, came: bool, other: str | None
) -> None:
    text = _prepare("Officials said " + join.join(figures) + ".", False).norm
    numbers = _numbers(text)
    texts = None if other is None else ((other, text) if came else (text, other))
    old, new = ((), numbers) if came else (numbers, ())
    assert fc._number_changes(old, new, 1, texts) == _number_changes_long_way(old, new, 1, texts)
