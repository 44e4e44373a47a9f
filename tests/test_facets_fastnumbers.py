"""The cheap ways the figures of a sentence are read (compare/facets/figures.py ``_numbers``)
must find what the plain ways found: the gates read as bits let through the patterns the
set tests let through, and the candidates of a set of bits are worked out once."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from compare.facets import base, figure_patterns, figures

fp = figure_patterns
NAMES = [name for name, _, _ in fp._WITH_WORDS]
_DIGIT = re.compile(r"\d")

#: Pieces of sentences that make each gate pass or fail: figures, signs, number, month,
#: time, percent, currency, fraction and ordinal words, and the marks the gates look for.
SENTENCES = st.lists(
    st.tuples(
        st.sampled_from(
            [
                *("six", "Twenty", "one", "a", "an", "hundred", "million", "thousand", "dozen"),
                *("and", "to", "between", "in", "out", "of", "half", "quarter", "third", "thirds"),
                *("%", "per", "cent", "percent", "pc", "points", "point", "bps", "prozent"),
                *("USD", "US$", "$", "$5", "£3", "€", "euros", "dollars", "francs", "EUR"),
                *("3", "12", "2.5", "1,200", "2026", "10:30", "10.30", "3rd", "st", "th"),
                *("a.m.", "p.m", "noon", "GMT", "am", "midnight", "utc"),
                *("March", "Sept", "may", "märz", "mars", "marzo", "Monday", "sunday"),
                *("hour", "year", "mile", "twice", "once", "doubled", "first", "fifth"),
                *("dozens", "thousands", "scores", "mio", "mln", "-", "half a", "of a", "half-a"),
                *("people", "the", "३", "٣", "５"),
            ]
        ),
        st.sampled_from([" ", "", "-", ", ", ". ", ":"]),
    ).map("".join),
    min_size=0,
    max_size=10,
).map("".join)


def _set_gates(lower: str, tokens: frozenset[str], digits: bool, signs: bool) -> dict[str, bool]:
    """The gates as they were written before they read bits: set tests on the words."""

    def holds(words: frozenset[str]) -> bool:
        return not tokens.isdisjoint(words)

    months = digits and holds(fp._MONTH_TOKENS)
    return {
        "iso": digits and "-" in lower,
        "mdy": months,
        "dmy": months,
        "dmy_eu": digits and holds(fp._EU_MONTH_STEMS),
        "my": months,
        "month": holds(fp._MONTH_TOKENS),
        "time": holds(fp._NAMED_TIMES)
        or (digits and (":" in lower or "a.m" in lower or "p.m" in lower))
        or (digits and holds(fp._TIME_TOKENS)),
        "scaled": holds(fp._SCALED_PARTS) and holds(fp._BIG_SCALES),
        "mixed": "and" in tokens and holds(fp._MIXED_PARTS),
        "part": holds(fp._FRACTION_TOKENS)
        and holds(fp._PART_UNITS)
        and any(hint in lower for hint in fp._PART_HINTS),
        "range": (holds(fp._NUMBER_WORD_TOKENS) and holds(fp._RANGE_WORDS))
        or bool(fp._RANGE_HINT().search(lower)),
        "money": signs or holds(fp._MONEY_TOKENS),
        "percent": "%" in lower or holds(fp._PERCENT_TOKENS),
        "twice": holds(fp._TIMES_TOKENS),
        "dozen": "dozen" in tokens,
        "ratio": holds(fp._RATIO_WORDS),
        "fraction": holds(fp._FRACTION_TOKENS),
        "ordinal": holds(fp._ORDINAL_TOKENS) or (digits and holds(fp._ORDINAL_SUFFIXES)),
        "vague": holds(fp._VAGUE_TOKENS),
        "year": digits,
        "weekday": holds(fp._WEEKDAY_TOKENS),
        "qty": digits or holds(fp._NUMBER_WORD_TOKENS),
    }


@settings(max_examples=1500, deadline=None)
@given(SENTENCES)
@example("It rose 5 mio to six, 10:30 a.m. on 3 March and half a mile, twice")
@example("between twenty and 30 euros, 5% to 7% and USD 5 to USD 6")
@example("At noon, the first of a dozen 3rd places and a quarter of an hour")
def test_the_gates_read_as_bits_let_through_what_the_set_tests_did(text: str) -> None:
    lower = text.lower()
    tokens = base._token_set(lower)
    starts, kinds = figures._number_starts(text, lower, tokens)
    digits = "d" in kinds or _DIGIT.search(text) is not None
    signs = "c" in kinds
    features = fp._features(lower, tokens, starts, digits, signs, text.isascii())
    expected = _set_gates(lower, tokens, digits, signs)
    for name, _, gate in fp._WITH_WORDS:
        assert fp._passes(gate, features) == expected[name], name
    candidates = fp._candidates(kinds, features)
    assert [c.name for c in candidates] == [
        name for name in NAMES if expected[name] and not kinds.isdisjoint(fp._STARTS_WITH[name])
    ]
    for candidate in candidates:
        assert candidate.by_sign == (
            candidate.name == "money" and tokens.isdisjoint(fp._CURRENCY_WORDS)
        )
        assert (candidate.tested != "") == (text.isascii() and candidate.name in fp._POSITION_TESTS)


def test_the_candidates_of_a_set_of_bits_are_worked_out_once() -> None:
    # Two sentences that hold the same words a gate reads share one tuple of candidates:
    # the gates are not asked again for the second.
    first, second = "It cost 5 dollars in March.", "It was 7 dollars in March then."
    kinds = frozenset("dw")
    found = [
        fp._candidates(
            kinds, fp._features(t.lower(), base._token_set(t.lower()), [], True, False, True)
        )
        for t in (first, second)
    ]
    assert found[0] is found[1]
    assert [c.name for c in found[0]][:2] == ["mdy", "dmy"]


@settings(max_examples=1500, deadline=None)
@given(SENTENCES)
@example("It rose 5 to 6, 5-6, 5 - $6, 5 and  7, 5%-6% and 5 mln to 6")
@example("5 TO 6, 5\tto\t6, 5 to$6, 5to6 and 5 -$ 6")
def test_the_range_hint_s_test_holds_wherever_it_matches(text: str) -> None:
    lower = text.lower()
    if not text.isascii() or not fp._RANGE_HINT().search(lower):
        return
    starts, _ = figures._number_starts(text, lower, base._token_set(lower))
    assert fp._may_hint_range(lower, starts)


def _spelled_amounts_one_word_at_a_time(lower: str) -> list[int]:
    """``_spelled_amounts`` as it was written first: every word of the text read in turn."""
    found = []
    for run in re.finditer("[a-z]+", lower):
        word, start = run.group(), run.start()
        for skip in (0, 3) if word[:3] in fp._CURRENCY_CODE_TOKENS else (0,):
            rest = word[skip:]
            if rest.startswith(fp._AMOUNT_OPENERS) or (
                rest == "a" and fp._spaces_then(lower, run.end(), fp._AMOUNT_AFTER_A)
            ):
                found.append(start + skip)
    return found


@settings(max_examples=1500, deadline=None)
@given(SENTENCES)
@example("usdfive, USDa million, a  thousand, a\tmillionaire, twenty-five, fivefold, tenants")
@example("It cost $5 to a million, USD a hundred, eura billion, five five, afive, a")
@example("Ça coûte cinq, five é five, Éfive")
def test_the_spelled_out_amounts_are_found_where_every_word_read_in_turn_finds_them(
    text: str,
) -> None:
    lower = text.lower()
    assert fp._spelled_amounts(lower) == _spelled_amounts_one_word_at_a_time(lower)


def test_a_number_made_at_once_is_the_number_its_class_makes() -> None:
    # _number puts the fields in the object's __dict__ at once, skipping the frozen
    # dataclass's __init__: every field must be set, to the same values.
    fields = ("12", "count", 12.0, "12", "", (3, 5), "above", "more than", "It was 12.")
    made, made_by_class = figures._number(*fields), figures.Number(*fields)  # type: ignore[arg-type]
    assert vars(made) == vars(made_by_class)
    assert [f.name for f in dataclasses.fields(figures.Number)] == list(vars(made))
    assert made == made_by_class and hash(made) == hash(made_by_class)
    assert repr(made) == repr(made_by_class)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "13"  # type: ignore[misc]


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet="abcoverthanlsmutADOUVER \t-5", max_size=30),
    st.sampled_from(["more than", "About", "OVER", "at least", "row over", "nearly  ", "\tunder"]),
)
def test_the_bound_before_a_number_reads_the_same_from_the_lower_cased_sentence(
    head: str, words: str
) -> None:
    text = f"{head}{words} 12"
    start = len(text) - 2
    assert figures._bound_before(text, text.lower(), start) == figures._bound_before(
        text, "", start
    )


@settings(max_examples=500, deadline=None)
@given(st.frozensets(st.sampled_from([*sorted(figures._RELATIVE_WORDS), "week", "the", "time"])))
def test_a_sentence_with_none_of_the_words_of_a_time_told_from_now_tells_none(
    tokens: frozenset[str],
) -> None:
    # _tells_relative's first test (none of its words) says what its five tests say.
    assert figures._tells_relative(tokens) == (
        not (
            tokens.isdisjoint(figures._RELATIVE_LEADS) or tokens.isdisjoint(figures._RELATIVE_SPANS)
        )
        or not tokens.isdisjoint(figures._DAY_WORDS)
        or not tokens.isdisjoint(figures._EVERY_LEADS)
        or not tokens.isdisjoint(figures._PER_ADVERB)
    )
