"""Shortcuts in reading figures (compare/facets/figures.py, figure_patterns.py): each must
give what the long way gives, on tricky sentences (spelled-out numbers, "1.5m", "£3bn",
dates, percentages, ranges, figures in quotes), and is tested for what makes it fast."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from compare.facets import figure_patterns as fp
from compare.facets import figures

TRICKY = [
    "Nine in ten voters, 1 out of 4 homes and one in five schools were hit.",
    "About two-thirds of the 1,200 workers may lose their jobs, half a million more by 2030.",
    "It raised £3bn, then $1.5m and €2.3 billion, up 3.5% to $12.40 on March 3, 2026.",
    "Between 20 and 30 people, 5-10 boats and 120 to 140 million dollars were lost.",
    '"We lost 40 homes, not four," she said on Tuesday, 24 May, at 10:30 a.m.',
    "In March 2026, one and a half million people and four and a half thousand cattle fled.",
    "Sales fell 2 percentage points, or twenty-five per cent, in the first half of 1999.",
    "Only 12 in 2026 and three out of 100, or 4 in 10 by September 1999, said yes.",
    "A third of a billion euros, two thirds of a million and 3 and a half bn went.",
    "The 10 000 runners, 3 Mio. and 5 mln, 2,3 mil millones and 1.200,50 euros.",
    "The score was 5-2 in 10 innings; nine in ten fans left in May 2025.",
    "Temperatures hit 41C in the valleys, -5C at night, and 30 minutes later 20 mph.",
]


@pytest.mark.parametrize(
    "quantity",
    [
        *("38", "1,800", "48,000", "4.5 million", "1.2 billion", "two", "twenty-five"),
        *("1.5m", "3bn", "10 000", "3,5 Millionen", "2,3 mil millones", "1.200,50", "12,5"),
        *("a hundred", "two thousand and six", "a million", "5 mn", "fivefold", "", "7."),
    ],
)
def test_a_quantity_is_read_once_and_the_same(quantity: str) -> None:
    # Cached: a story's figures recur, in each version of a sentence and across sentences.
    figures._quantity.cache_clear()
    long_way = figures._quantity.__wrapped__(quantity)
    assert figures._quantity(quantity) == long_way
    assert figures._quantity(quantity) == long_way
    assert figures._quantity.cache_info().hits >= 1


def _forms() -> list[fp._Forms]:
    return [fp._WORD_FORMS, fp._DIGIT_FORMS, fp._LETTER_FORMS, fp._PLAIN_FORMS]


@pytest.fixture
def spied_tests(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The position tests of the candidates, each call noted by its pattern's name."""
    called: list[str] = []

    def spy(name: str, test: Callable[[str, str, int, str], bool]) -> Callable[..., bool]:
        def noted(text: str, lower: str, position: int, kind: str) -> bool:
            called.append(name)
            return test(text, lower, position, kind)

        return noted

    spied = {
        key: candidate._replace(test=spy(candidate.name, candidate.test))
        for key, candidate in fp._CANDIDATE.items()
    }
    monkeypatch.setattr(fp, "_CANDIDATE", spied)
    monkeypatch.setattr(fp, "_GATED", {})
    yield called


@pytest.fixture
def uncompiled() -> Iterator[Callable[[frozenset[str]], None]]:
    """Forgets the compiled forms of some patterns (restored after the test)."""
    saved = [list(forms) for forms in _forms()]

    def forget(names: frozenset[str]) -> None:
        for forms in _forms():
            source = fp._SOURCES[id(forms)]
            for index, (name, _, _) in enumerate(source):
                if name in names:
                    forms[index] = None

    yield forget
    for forms, kept in zip(_forms(), saved, strict=True):
        forms[:] = kept


def _compile_all() -> None:
    for forms in _forms():
        for index in range(len(forms)):
            fp._compiled(index, forms)


@pytest.mark.parametrize("text", TRICKY)
def test_tests_that_only_spare_compiling_go_once_compiled(
    text: str, spied_tests: list[str], uncompiled: Callable[[frozenset[str]], None]
) -> None:
    _compile_all()
    compiled = figures._numbers.__wrapped__(text)
    assert not fp._SPARES_COMPILING & set(spied_tests)
    # Not compiled yet (a fresh process): the tests spare compiling, and find the same.
    spied_tests.clear()
    uncompiled(fp._SPARES_COMPILING)
    assert figures._numbers.__wrapped__(text) == compiled


def test_a_test_that_only_spares_compiling_still_runs_before_compiling(
    spied_tests: list[str], uncompiled: Callable[[frozenset[str]], None]
) -> None:
    uncompiled(fp._SPARES_COMPILING)
    figures._numbers.__wrapped__("Nine in ten voters, and 12 in 2026, in March 2026.")
    assert {"ratio", "my"} <= set(spied_tests)


def _never(*args: object) -> object:
    raise AssertionError("the cheap test should have answered")


@pytest.mark.parametrize("text", ["In March 2026 it rose", "On Monday it rose", "The third rose"])
def test_a_range_at_a_word_reads_no_words_after_one_no_amount_opens(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    position, lower = 3, text.lower()  # at "March", "Monday", "third"
    long_way = fp._may_open_range(lower, position) and (
        lower.startswith(fp._AMOUNT_OR_A, position) or text.startswith(fp._LETTER_SIGNS, position)
    )
    assert long_way is False
    monkeypatch.setattr(fp, "_may_open_range", _never)
    assert fp._range_at(text, lower, position, "w") is False


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("five to six people", "w", True),
        ("a million to two million", "w", True),
        ("USD 5-6", "w", True),
        ("five people", "w", False),
        ("5 to 6", "d", True),
    ],
)
def test_a_range_at_a_word_that_opens_an_amount_still_reads_on(
    text: str, kind: str, expected: bool
) -> None:
    assert fp._range_at(text, text.lower(), 0, kind) is expected


def _numbers_in(text: str) -> tuple[figures.Number, ...]:
    return figures._numbers.__wrapped__(text)


@pytest.mark.parametrize(
    "text",
    [
        "It fell 10m, then 1.5m and 2,5m, to 3.2 metres; 1.200 and 1.200,50 and 12.500.000 euros.",
        "It paid £3bn, $1.5m, 4.5 million and 1.2 billion; 3 Mio. and 30 minutes later, 25 years.",
        "About two-thirds of the 1,200 workers, 12% of 2026's 5-10 staff, in May 2025.",
        '"We lost 40 homes," she said, "and 1.200 cattle," on 3 March.',
    ],
)
def test_value_tokens_skip_patterns_that_cannot_match(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compare.facets import figure_changes

    numbers = _numbers_in(text)
    long_way = [figure_changes._value_tokens(n) for n in numbers]
    short_m, dot_grouped = figures._SHORT_M(), figures._DOT_GROUPED()

    class Spy:
        def __init__(self, pattern: object, needs: str, at_end: bool) -> None:
            self.pattern, self.needs, self.at_end = pattern, needs, at_end

        def __call__(self) -> Spy:
            return self

        def _check(self, text: str) -> None:
            found = text.endswith(self.needs) if self.at_end else self.needs in text
            assert found, f"{text!r} asked of a pattern that cannot match it"

        def fullmatch(self, text: str) -> object:
            self._check(text)
            return short_m.fullmatch(text)

        def search(self, text: str) -> object:
            self._check(text)
            return dot_grouped.search(text)

    monkeypatch.setattr(figure_changes, "_SHORT_M", Spy(short_m, "m", True))
    monkeypatch.setattr(figures, "_DOT_GROUPED", Spy(dot_grouped, ".", False))
    assert [figure_changes._value_tokens(n) for n in numbers] == long_way
