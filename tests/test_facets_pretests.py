"""The cheap tests that spare a sentence a number pattern (or its word form, or the dateline's
pattern) must hold wherever the pattern matches: a test that skipped a match would lose a
figure. Each is checked against the pattern on generated sentences and on the edge cases
where the two could disagree."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from compare.datelines import opening_dateline
from compare.facets import base, figure_patterns, figures
from compare.facets import names as name_facets

NAMES = [name for name, _, _ in figure_patterns._WITH_WORDS]
GATES = {name: gate for name, _, gate in figure_patterns._WITH_WORDS}

#: Number words, figures, signs, joiners, percent, currency and month words, and words that
#: only look like them, joined with spaces, nothing, hyphens or commas.
PIECES = st.lists(
    st.tuples(
        st.sampled_from(
            [
                *("six", "Twenty", "twenty-five", "one", "nine", "ten", "two", "three"),
                *("a", "an", "A", "hundred", "million", "billion", "m", "bn"),
                *("and", "to", "in", "out", "of", "de", "--", "Out of", "In"),
                *("%", "per", "cent", "percent", "pc", "points", "percentage", "basis", "bps"),
                *("USD", "US$", "A$", "$", "$5", "EUR", "toUSD", "USDfive", "USDa"),
                *("3", "12", "2.5", "1,200", "2026", "3.", "000", "10 000", "0 100"),
                *("Mio.", "mln", "MLN", "mil millones", "milliards", "mrd", "mio"),
                *("2026-05-24", "1999-1", "3rd", "Sept", "Jan.", "June", "May", "19", "20"),
                *("half", "quarter", "third", "thirds", "fifth", "hour", "year", "week"),
                *("mars", "Mai", "March", "dezember", "marzo", "April"),
                *("dollars", "euros", "fivefold", "tenants", "people", "Sunday", "6-year-old"),
            ]
        ),
        st.sampled_from([" ", "", "-", " - ", "  ", ", ", ". "]),
    ).map("".join),
    min_size=1,
    max_size=8,
).map("".join)


def _starts(text: str) -> tuple[str, list[tuple[int, str]], frozenset[str]]:
    lower = text.lower()
    tokens = base._token_set(lower)
    starts, _ = figures._number_starts(text, lower, tokens)
    return lower, starts, tokens


def _match(name: str, forms: figure_patterns._Forms, text: str, position: int) -> object:
    found = figure_patterns._compiled(NAMES.index(name), forms).match(text, position)
    return found and found.end() > found.start() and (found.span(), found.groupdict())


@settings(max_examples=500, deadline=None)
@given(PIECES)
@example("It took an hour and a half, then an hour and a quarter and four and a half")
@example("Nine in ten, 1 out of 4, one in five, 12 in 2026 and two Out of three")
@example("half a million, two thirds of a billion, one and a half million, 3 and a half bn")
@example("On 3 mars, 3. Mai, 4 de marzo, 5 de dezember and 6 de de mars")
@example("five per cent, twenty-five percent, a hundred pc, two percentage points, six bps")
@example("a hundred basis points, three%, one hundred and six %, two-thirds per cent")
@example("USD 5-6, five to six, a million to two million, million and $5m")
@example("On 2026-05-24, 3rd of March, 3 Sept, 21st  June, in March 2026 and Sept  1999")
@example("By 1999-05-1, 3 of  May 2026, 4 march, May, 2026 and Jan 20")
@example("3 mrd. toUSD six ")  # (a continental scale opens a range)
def test_a_position_test_holds_wherever_its_pattern_matches(text: str) -> None:
    lower, starts, _ = _starts(text)
    for name, (test, tested) in figure_patterns._POSITION_TESTS.items():
        for position, kind in starts:
            if kind not in figure_patterns._STARTS_WITH[name] or kind not in tested:
                continue
            # The word form finds what the other forms find, and more.
            if _match(name, figure_patterns._WORD_FORMS, text, position):
                assert test(text, lower, position, kind), (name, position)


@settings(max_examples=500, deadline=None)
@given(PIECES)
@example("It took an hour and a half, and four and a quarter")
@example("half a million, two thirds of a billion, a third of a million")
def test_a_gate_passes_wherever_its_pattern_matches(text: str) -> None:
    lower, starts, tokens = _starts(text)
    kinds = frozenset(kind for _, kind in starts)
    digits = any(c.isdigit() for c in text)
    features = figure_patterns._features(
        lower, tokens, starts, digits, "c" in kinds, text.isascii()
    )
    for name in ("mixed", "scaled"):
        gate = GATES[name]
        for position, _ in starts:
            if _match(name, figure_patterns._WORD_FORMS, text, position):
                assert figure_patterns._passes(gate, features), (name, position)


@settings(max_examples=500, deadline=None)
@given(PIECES)
@example("It cost $5 to six, $fivefold, USDfive, USDa million and US$ two hundred")
@example("It cost $120 million and $140 million, after a six-hour debate")
@example("It cost $5 to a million, $5 to USD six and $5-seven dollars")
@example("It cost $ five, $  six and USD  ten")
def test_a_sign_takes_the_word_form_wherever_it_would_match_more(text: str) -> None:
    # At a sign, the digit form of "range" and "money" is tried instead of the word form
    # where no spelled-out amount can follow: there both must find the same.
    lower, starts, _ = _starts(text)
    amounts = figure_patterns._spelled_amounts(lower)
    for position, kind in starts:
        if kind != "c":
            continue
        for name in ("range", "money"):
            if not figure_patterns._amount_follows(amounts, name, position):
                word = _match(name, figure_patterns._WORD_FORMS, text, position)
                digits = _match(name, figure_patterns._DIGIT_FORMS, text, position)
                assert word == digits, (name, position)


@settings(max_examples=500, deadline=None)
@given(PIECES)
@example("USD 5 and USD five, EUR 3 or A$ 4")
@example("five dollars, 3 euros and six")
def test_money_opens_only_at_a_sign_without_a_currency_word(text: str) -> None:
    _, starts, tokens = _starts(text)
    if not tokens.isdisjoint(figure_patterns._CURRENCY_WORDS):
        return
    for position, kind in starts:
        if kind == "c" or text.startswith(figure_patterns._LETTER_SIGNS, position):
            continue
        assert not _match("money", figure_patterns._WORD_FORMS, text, position), position


@settings(max_examples=500, deadline=None)
@given(PIECES)
@example("It cost 10 000 euros, 3 Mio. and 5 mln, 2,3 mil millones")
@example("Of the 30 100 were hurt; 12 000-13 000 fled; 5 Mrd. to 6 milliards")
@example("Up 3 MLN, 2 000 and the 30 100 runners, 5% to 6 mio")
def test_the_plain_form_matches_as_the_digit_form_where_it_is_used(text: str) -> None:
    # Without a figure grouped by spaces or a continental scale's word, the plain form (a
    # fraction of the digit form's cost to compile) finds what the digit form finds.
    _, starts, tokens = _starts(text)
    if not figure_patterns._plain_text(text, tokens):
        return
    for position, kind in starts:
        if kind == "w":
            continue
        for name in ("range", "money", "percent", "qty"):
            plain = _match(name, figure_patterns._PLAIN_FORMS, text, position)
            digits = _match(name, figure_patterns._DIGIT_FORMS, text, position)
            assert plain == digits, (name, position)


def test_a_text_with_figures_grouped_by_spaces_or_continental_scales_is_not_plain() -> None:
    for text in ("It cost 10 000 euros.", "Up 3 Mio. now", "2,3 mil millones", "12 MLN", "né 3"):
        assert not figure_patterns._plain_text(text, base._token_set(text.lower())), text
    for text, numbers in {
        "It cost 10 000 euros.": ["10 000 euros"],
        # (A range, as "3 million to 5 million" is.)
        "It rose 3 Mio. to 5 Mio.": ["3 Mio. to 5 Mio."],
        "Of the 30 100 were hurt.": ["30", "100"],
        "It cost 2,3 mil millones.": ["2,3 mil millones"],
    }.items():
        assert [n.text for n in figures._numbers(text)] == numbers, text
    assert figure_patterns._plain_text("It cost 10,000 euros in 2026.", frozenset())


def test_the_tests_find_what_their_patterns_find() -> None:
    # Each pre-test, written out: these figures stay found.
    found = {
        "It took an hour and a half.": ["an hour and a half"],
        "Nine in ten voters, 1 out of 4 people.": ["Nine in ten", "1 out of 4"],
        "About half a million fans and two thirds of a billion.": [
            "half a million",
            "two thirds of a billion",
        ],
        "On 3 mars 2026 and 4 de marzo.": ["3 mars 2026", "4 de marzo"],
        "Rates rose five per cent, then two percentage points.": [
            "five per cent",
            "two percentage points",
        ],
        "It cost $5 to six, USD 5-6 million or USDfive.": ["$5 to six", "USD 5-6 million"],
        "Sales of $fivefold and five.": ["$five", "five"],
    }
    for sentence, texts in found.items():
        numbers = [n.text for n in figures._numbers(sentence)]
        assert all(t in numbers for t in texts), (sentence, numbers)


def test_a_sentence_that_can_open_no_dateline_skips_its_pattern() -> None:
    for text in (
        "LONDON (Reuters) - The bank raised rates.",
        "ST. IVES, Cornwall — Fishermen said.",
        "O'NEILL - a name.",
        "A.B. — the start.",
        "ÉCIJA — Spain.",
    ):
        assert name_facets._may_open_dateline(text), text
    for text in (
        "The mayor - who spoke - said.",
        "A decision is due - soon.",
        "Mr Smith said.",
        "LONDON calling.",
        "a LONDON - b",
        "",
        "L",
        "L-",
    ):
        assert not name_facets._may_open_dateline(text), text
        assert opening_dateline(text) is None, text


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ABCÉ .'’-—,(abc)x", max_size=20).map(lambda t: t + " - rest"),
)
def test_the_dateline_test_holds_wherever_the_pattern_matches(text: str) -> None:
    if opening_dateline(text) is not None:
        assert name_facets._may_open_dateline(text)


def test_a_sign_with_a_number_word_elsewhere_compiles_no_word_form() -> None:
    # "Four years on, ... $120 million and $140 million": no spelled-out amount can follow
    # the signs, so the long word forms of "range" and "money" (~90M instructions
    # to compile) are not compiled; nor is the dateline's pattern for a sentence that
    # cannot open with one.
    code = (
        "from compare.facets import figure_patterns as fp, sentence_facets\n"
        "from compare import datelines\n"
        "n = sentence_facets('Four years on, it cost between $120 million and $140 million.')\n"
        "assert [x.text for x in n.numbers] == ['Four', '$120 million and $140 million'], n\n"
        "names = [name for name, _, _ in fp._WITH_WORDS]\n"
        "assert fp._WORD_FORMS[names.index('range')] is None\n"
        "assert fp._WORD_FORMS[names.index('money')] is None\n"
        "assert datelines.OPENING_DATELINE.cache_info().currsize == 0\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_warm_up_compiles_what_english_figures_need_and_nothing_never_tried() -> None:
    # The early facets worker warms the number patterns up while the documents load: after
    # it, English sentences full of figures compile no number pattern of their own, and no
    # form is compiled for a pattern that never starts where that form is tried.
    code = """
from compare import facets
from compare.facets import figure_patterns as p
facets.warm_up(lambda: False)
forms = {"plain": p._PLAIN_FORMS, "letter": p._LETTER_FORMS, "words": p._WORD_FORMS}
before = {n: [f is not None for f in fs] for n, fs in forms.items()}
facets.compare_sentences(
    "On March 3, 2026, shares rose 3.5% to $12.40, and about 1,200 of 5,000 workers, one in "
    "five, left between 10 and 12 million, twice as many as in 2025 at 10 a.m. Tuesday.",
    "On March 4, 2026, shares fell 2% to $11.9 million, and half of the 1,500 workers, one "
    "in four, left between 10 and 14 million, three times as many as in 2024 at 9 a.m. Monday.",
)
after = {n: [f is not None for f in fs] for n, fs in forms.items()}
print(before == after)
never = [
    (n, name) for n, kinds in (("plain", "dc"), ("letter", "w"))
    for (name, _, _), made in zip(p._WITH_WORDS, before[n])
    if made and set(kinds).isdisjoint(p._STARTS_WITH[name])
]
print(never)
"""
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert done.stdout.split("\n")[:2] == ["True", "[]"], done.stdout
