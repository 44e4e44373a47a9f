"""Figures compared between two versions of a sentence: pairing mentions by value, the noun
they count and their place (swaps, moves turned round, lists), the changes that follow, and
the readings that undo a false one ("one" written "a", "an hour" -> "three hours", "12
months" -> "a year"); ``_NUMBER_TRIGGERS``: the differing words that make figures worth
reading.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

from compare.facets.base import (
    ChangeAction,
    _change,
    _describe,
    _singular,
    _whole_word,
    _wordset,
)
from compare.facets.figure_patterns import (
    _ALL_TIMES,
    _CURRENCY_SIGNS,
    _EU_MONTHS,
    _FRACTION_TOKENS,
    _MONEY_TOKENS,
    _MONTH_TOKENS,
    _NAMED_TIMES,
    _NUMBER_WORD_TOKENS,
    _ORDINAL_TOKENS,
    _PERCENT_TOKENS,
    _TIMES_TOKENS,
    _UNITS,
    _VAGUE_TOKENS,
    _WEEKDAY_TOKENS,
)
from compare.facets.figures import (
    _CONTEXT_SKIP,
    _CONTEXT_WORD,
    _MEASURES,
    _NOT_COUNTED,
    _SHORT_M,
    Number,
    _continental_value,
    _counted_after,
    _date_parts,
    _numbers,
    _relative_base,
    duration,
    same_number,
)
from compare.facets.sentence import _prepare
from compare.model import Change
from compare.text import KIN, PEOPLE_NOUNS, lazy_pattern


def _has_full_date(numbers: Sequence[Number]) -> bool:
    """Whether a day of a month is among the numbers ("May 24", "2026-05-24")."""
    return any(n.kind == "date" and n.key.count("-") == 2 for n in numbers)


def _number_group(number: Number) -> str:
    if number.kind == "count" and number.span[0] in _age_starts(number.sentence):
        # An age pairs only with an age: "a man and a woman, both 34" -> "two people" drops
        # the age, it does not make 34 people two.
        return "age"
    if number.kind in ("date", "year", "time") and number.key[:1] == "@":
        # A time told from now ("last week", "once a day") pairs only with another.
        return "relative"
    if number.kind in ("date", "year"):
        return "date"
    if number.kind in ("time", "ordinal"):
        return number.kind
    if number.kind in ("percent", "fraction") or number.unit in ("%", "pp"):
        return "percent"
    return "quantity"


#: Ages as news copy writes them: after "aged" or ", both" ("aged 34", "aged 7, 9 and
#: 12", "a man and a woman, both 34,"), or set off after a name or a word for people
#: ("Jane Doe, 34, of Leeds", "the boys, 14 and 15, were": ``_AGE_APPOSITIVE``, its word in
#: group 1, its list in group 2); each a list of figures (``_AGE_LIST``). And "a
#: 34-year-old", "six weeks old" (``_YEARS_OLD``).
_AGE_LEAD = lazy_pattern(r"(?:\baged?\s+|,\s*both\s+)", re.IGNORECASE)
_AGE_LIST = lazy_pattern(r"\d{1,3}(?:\s*,\s*\d{1,3})*(?:\s*,?\s+(?:and|or)\s+\d{1,3})?\b")
_AGE_APPOSITIVE = lazy_pattern(
    r"(\w+)\s*[,(]\s*(\d{1,3}(?:\s*,\s*\d{1,3})*(?:\s*,?\s+and\s+\d{1,3})?)\s*[,)]"
)
_YEARS_OLD = lazy_pattern(
    r"\b(?:\d{1,3}|[a-z]+)[-\s](?:year|month|week|day|hour)s?[-\s]old\b", re.IGNORECASE
)
_DIGITS = lazy_pattern(r"\d+")
#: What every ``_AGE_APPOSITIVE`` holds: a figure set off by a comma or a bracket.
_SET_OFF_FIGURE = lazy_pattern(r"[,(]\s*\d")


@lru_cache(maxsize=1024)
def _age_starts(sentence: str) -> frozenset[int]:
    """Where the ages in ``sentence`` start (see ``_AGE_LEAD``)."""
    # (Each pattern is run only where its words are: the appositive's, which opens with any
    # word, costs most, and most sentences with a figure hold no age.)
    low = sentence.lower()
    starts = {match.start() for match in _YEARS_OLD().finditer(sentence)} if "old" in low else set()
    if "age" in low or "both" in low:
        for lead in _AGE_LEAD().finditer(sentence):
            ages = _AGE_LIST().match(sentence, lead.end())
            if ages is not None:
                starts.update(lead.end() + d.start() for d in _DIGITS().finditer(ages.group(0)))
    if _SET_OFF_FIGURE().search(sentence) is None:
        return frozenset(starts)
    for match in _AGE_APPOSITIVE().finditer(sentence):
        word, lower = match.group(1), match.group(1).lower()
        # A name, not the sentence's first word ("Houses, 40, were destroyed"), or people.
        named = word[:1].isupper() and sentence[: match.start(1)].strip(" \"'") != ""
        if named or _singular_noun(lower) in _PEOPLE or lower in _PEOPLE:
            at = match.start(2)
            starts.update(at + d.start() for d in _DIGITS().finditer(match.group(2)))
    return frozenset(starts)


def _same_bound(o: Number, n: Number) -> bool:
    """Whether two mentions are bounded alike; "over" before a span of time in one and none
    in the other are, when the other's span is read "over a/the ..." ("over four years" /
    "over a four-year period"): there "over" says during the span, not more than it. The
    values are ``_twins``' to compare. "over 40 people" -> "40 people" drops a bound."""
    if o.bound == n.bound:
        return True
    if {o.lead.lower(), n.lead.lower()} != {"over", ""}:
        return False
    bare = n if o.lead else o
    return (
        _spans_time(o)
        and _spans_time(n)
        and _DURING().search(bare.sentence[: bare.span[0]]) is not None
    )


def _spans_time(number: Number) -> bool:
    """Whether a mention counts a length of time ("four years", "a four-year period")."""
    counted = number.context[:1]
    return bool(counted) and counted[0].lstrip("-") in _DURATION_SECONDS


#: What sets a span of time as the stretch something happens in: "over a four-year
#: period", "over the four years", "during a period of four years".
_DURING = lazy_pattern(
    r"\b(?:over|during|across|throughout)\s+(?:a|an|the)\s+(?:period\s+of\s+)?\Z",
    re.IGNORECASE,
)


def _pair_numbers(
    old: Sequence[Number], new: Sequence[Number]
) -> tuple[list[tuple[Number, Number]], list[Number], list[Number]]:
    """Pairs whose value changed, then unpaired old and new mentions. A mention with the same
    value on both sides is dropped when it counts the same thing there: rewriting "4" as
    "four" is not a change, but "three killed and 12 injured" -> "12 killed and three
    injured" swaps two numbers that both sides hold."""
    if len(old) == 1 and len(new) == 1:
        # One mention against one: nothing can be a rival, so what follows comes to this.
        o, n = old[0], new[0]
        same_group = _number_group(o) == _number_group(n)
        if same_group and _same_bound(o, n) and _twins(o, n):
            return [], [], []
        if same_group:
            return [(o, n)], [], []
        return [], [o], [n]  # (an age is no count of the same value: "The boy, 14," / "14 people")
    if _kept_in_place(old, new):
        # What the pairing below comes to then, without its indexes (see _kept_in_place).
        return [], [], []
    layout = _Layout(old, new)
    sides = _Sides.of(old, new, layout)
    for number in old:
        # "more than 100" -> "nearly 100" keeps the value but not the meaning.
        twins = [n for n in sides.twins(number, sides.new) if _same_bound(number, n)]
        if not twins:
            continue
        if len(twins) > 1:  # the best fit first (ties in reading order, as max takes them)
            twins.sort(key=lambda n: _fit(number, n, layout), reverse=True)
        # A twin in a move turned round is no twin; another may be: "from $5 to $6" stays in
        # "to $5 from $4 last year and from $5 to $6 this year".
        twin = next((n for n in twins if not _turned_round(number, n, old, new)), None)
        if twin is None or _fits_another_better(number, twin, sides, layout):
            continue
        if _left_for_another(number, twin, sides.old):
            continue
        sides.old.alive.discard(id(number))
        sides.new.alive.discard(id(twin))
    rest_old = sides.old.rest()
    rest_new = sides.new.rest()
    pairs: list[tuple[Number, Number]] = []
    # Same group and the same counted noun: "four sources" -> "three sources". A mention
    # left with a twin of the same value and bound on the other side was found swapped
    # above ("three died and 12 injured" -> "three injured and 12 died"): not that twin.
    # The word each counts goes first: "180 passengers and six crew" -> "186 passengers and
    # crew" shares two words between "six crew" and the new figure, one with "180".
    scored = sorted(
        (
            (-(o.context[0] == n.context[0]), -overlap, -_same_place(o, n, layout), i, j)
            for i, o in enumerate(rest_old)
            for j, n in enumerate(rest_new)
            if _number_group(o) == _number_group(n)
            for overlap in (len(set(o.context[:2]) & set(n.context[:2])),)
            if overlap and not (_same_bound(o, n) and _twins(o, n))
        ),
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    for *_, i, j in scored:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((rest_old[i], rest_new[j]))
    left_old = [n for i, n in enumerate(rest_old) if i not in used_old]
    left_new = [n for j, n in enumerate(rest_new) if j not in used_new]
    # Otherwise a one-for-one swap of the same sort of number, in reading order, its twin
    # last (found swapped above: "to $6 from $5" -> "from $6 to $5").
    for number in list(left_old):
        group = _number_group(number)
        same_sort = [n for n in left_new if _number_group(n) == group]
        other = next(
            (n for n in same_sort if not (_same_bound(number, n) and _twins(number, n))),
            same_sort[0] if same_sort else None,
        )
        if other is not None:
            left_old.remove(number)
            left_new.remove(other)
            pairs.append((number, other))
    return pairs, left_old, left_new


#: Mentions a side may hold for ``_kept_in_place`` to try (it compares each with each).
_IN_PLACE_MOST = 8


def _kept_in_place(old: Sequence[Number], new: Sequence[Number]) -> bool:
    """Whether every mention stands where it stood, unchanged, so that ``_pair_numbers``
    pairs each with the one at its place and finds nothing: each old mention has one twin
    only (``same_number``, the same bound), the new one at its place, with the same key and
    group, in no move turned round ("cut to 20 mph from 30 mph" -> "cut from 20 mph to 30
    mph"), and counting the same word as it, or a word that no other mention of its group
    counts on the other side. Then that twin is the only one ``_Sides.twins`` finds, no
    rival counts its word or stands at its place (``_fits_another_better`` is false: "three
    killed and 12 injured" -> "three injured and 12 killed" has one), and none is left for
    another (``_left_for_another``). A third of the pairings of two or more figures on the
    2,000-paragraph pair of benchmarks/speed.py (21 of 66) keep them so: this spares them
    their indexes (value tokens, places, rivals; ~4.5M instructions)."""
    if len(old) != len(new) or len(old) > _IN_PLACE_MOST:
        return False
    groups = []
    for o, n in zip(old, new, strict=True):  # (the cheap tests first)
        group = _number_group(o)
        if o.key != n.key or o.bound != n.bound or group != _number_group(n):
            return False
        groups.append(group)
    for i, o in enumerate(old):
        for j, n in enumerate(new):
            if (i == j) != same_number(o, n):
                return False  # changed in place ("25 years" -> "25 hours"), or a twin elsewhere
    counted_old = [_counted_word(o) for o in old]
    counted_new = [_counted_word(n) for n in new]
    for i, (was, now) in enumerate(zip(counted_old, counted_new, strict=True)):
        if was != now and any(
            j != i and groups[j] == groups[i] and ((was and now_j == was) or (now and was_j == now))
            for j, (was_j, now_j) in enumerate(zip(counted_old, counted_new, strict=True))
        ):
            return False  # a rival counts its word
    return not any(_turned_round(o, n, old, new) for o, n in zip(old, new, strict=True))


def _places(numbers: Sequence[Number]) -> dict[int, int]:
    """Each mention's place among the mentions of its group on its side (by ``id``: mentions
    are compared by value, and two sides can hold equal ones)."""
    seen: dict[str, int] = {}
    places: dict[int, int] = {}
    for number in numbers:
        group = _number_group(number)
        places[id(number)] = place = seen.get(group, 0)
        seen[group] = place + 1
    return places


def _beside(numbers: Sequence[Number]) -> dict[int, tuple[str, str]]:
    """The values of the mentions right before and after each one ("" at an end)."""
    keys = ["", *(n.key for n in numbers), ""]
    return {id(n): (keys[i], keys[i + 2]) for i, n in enumerate(numbers)}


@dataclass(frozen=True, eq=False)
class _Layout:
    """Where the mentions of two versions of a sentence stand (see ``_places`` and
    ``_beside``), worked out when first needed: most pairs of versions never need it."""

    old: Sequence[Number]
    """The old version's mentions."""
    new: Sequence[Number]
    """The new version's mentions."""

    @cached_property
    def places(self) -> dict[int, int]:
        """Each mention's place among its group's mentions on its side."""
        return _places(self.old) | _places(self.new)

    @cached_property
    def beside(self) -> dict[int, tuple[str, str]]:
        """The values of the mentions right before and after each one."""
        return _beside(self.old) | _beside(self.new)

    @cached_property
    def surroundings(self) -> dict[int, frozenset[str]]:
        """The words that travel with each mention (see ``_surroundings``)."""
        return _surroundings(self.old) | _surroundings(self.new)

    @cached_property
    def listed(self) -> set[int]:
        """The mentions joined to a neighbour by nothing but "and", "or" or a comma."""
        return _listed(self.old) | _listed(self.new)


_LIST_JOIN = lazy_pattern(r"\s*(?:,|,?\s*(?:and|or|&))\s*", re.IGNORECASE)


def _listed(numbers: Sequence[Number]) -> set[int]:
    """The mentions joined to the next or previous one by a bare "and", "or" or comma ("aged
    17 and 19"): the order of such a list says nothing, unless the sentence says
    "respectively"."""
    listed: set[int] = set()
    for a, b in itertools.pairwise(numbers):
        sentence = a.sentence
        if (
            _LIST_JOIN().fullmatch(sentence, a.span[1], b.span[0])
            and "respectively" not in sentence
            # Pairs in a list ("6-4, 3-6") are set scores, whose order tells who won each.
            and not (
                sentence[a.span[0] - 1 : a.span[0]] == "-" == sentence[b.span[1] : b.span[1] + 1]
            )
        ):
            listed.update((id(a), id(b)))
    return listed


def _surroundings(numbers: Sequence[Number]) -> dict[int, frozenset[str]]:
    """The words that travel with each mention when a sentence is reordered: the content word
    right before it and the capitalised words among the three before it (back to the previous
    mention: "Keith Arden, 54"), a "from" or "to" right before it (the end of a move it is:
    "went from $5 to $6" is "went to $6 from $5"), and the word right after it that is not
    filler ("three people" counts no one in particular)."""
    found: dict[int, frozenset[str]] = {}
    previous_end = 0
    for number in numbers:
        sentence = number.sentence
        start, end = number.span
        before = [
            w
            for w in _CONTEXT_WORD().findall(sentence[max(previous_end, start - 60) : start])
            if w.lower() not in _CONTEXT_SKIP
        ][-3:]
        words = {"<" + w.lower() for w in before if w[0].isupper()}
        if before:
            words.add("<" + before[-1].lower())
        end_of_move = _end_of_move(sentence, start)
        if end_of_move:
            words.add("<" + end_of_move)
        following = _WORD_RIGHT_AFTER().match(sentence, end)
        if following:
            low = following[1].lower()
            if low not in _NOT_COUNTED:
                words.add(">" + _singular(low))
        found[id(number)] = frozenset(words)
        previous_end = end
    return found


_WORD_RIGHT_AFTER = lazy_pattern(r"[ -]([A-Za-z][A-Za-z'-]*)")


def _end_of_move(sentence: str, start: int) -> str:
    """ "from" or "to" when that word stands right before a mention, else ""."""
    before = sentence[max(0, start - 6) : start].rstrip().lower()
    for word in ("from", "to"):
        if before.endswith(word) and not before[: -len(word)][-1:].isalpha():
            return word
    return ""


@lru_cache(maxsize=256)  # asked of one sentence for each of its figures
def _has_from(sentence: str) -> bool:
    """Whether a "from" may stand in ``sentence``, in any case ("CUT TO 20 MPH FROM 30 MPH")."""
    return "rom" in sentence or "ROM" in sentence


def _turned_round(o: Number, n: Number, old: Sequence[Number], new: Sequence[Number]) -> bool:
    """Whether a same-value pair changed ends in a move that was turned round: it was the
    "from" end and is now the "to" end (or the other way), and another figure of its group
    on the other side holds the end it left ("cut to 20 mph from 30 mph" -> "cut from 20 mph
    to 30 mph"), so the move goes the other way even though no figure changed its place."""
    if not (_has_from(o.sentence) and _has_from(n.sentence)):  # most: no "from" on a side
        return False
    was, now = _end_of_move(o.sentence, o.span[0]), _end_of_move(n.sentence, n.span[0])
    if not was or not now or was == now:  # no end of a move, or the same one
        return False
    group = _number_group(o)
    return any(
        _end_of_move(r.sentence, r.span[0]) == was
        and _number_group(r) == group
        and not same_number(o, r)
        for r in new
    ) or any(
        _end_of_move(r.sentence, r.span[0]) == now
        and _number_group(r) == group
        and not same_number(n, r)
        for r in old
    )


def _moved_with_its_words(o: Number, n: Number, rivals: Iterable[Number], layout: _Layout) -> bool:
    """Whether a same-value pair is one mention that moved with the words around it ("Keith
    Arden, 54, and Paul Renshaw, 49" -> "Paul Renshaw, 49, and Keith Arden, 54"): both stand
    in a bare list, or both keep a word that no rival stands beside."""
    listed = layout.listed
    if id(o) in listed and id(n) in listed:
        return True
    around = layout.surroundings
    kept = around[id(o)] & around[id(n)]
    for rival in rivals:
        if not kept:
            break
        kept = kept - around[id(rival)]
    return bool(kept)


def _same_place(o: Number, n: Number, layout: _Layout) -> bool:
    """Whether two mentions stand at the same place among their group's mentions on their
    sides (the second percentage in both)."""
    places = layout.places
    return places[id(o)] == places[id(n)]


def _fit(o: Number, n: Number, layout: _Layout) -> tuple[bool, bool]:
    """How well two mentions count the same thing: the word they count, then whether they
    stand at the same place among their group's mentions."""
    counted = _counted_word(o)
    return bool(counted) and counted == _counted_word(n), _same_place(o, n, layout)


def _counted_word(number: Number) -> str:
    """The first word after a mention, before the next figure, that says what it counts
    ("killed" in "three people were killed and 12 injured"), or ""."""
    return _counted_after(number.sentence, number.span[1])


def _left_for_another(o: Number, n: Number, old: _Side) -> bool:
    """Whether a same-value twin ``n`` of ``o`` is left for another unpaired mention of that
    value on the old side that counts what ``n`` counts and ``o`` does not ("lasted 60
    minutes, and 60 people came" -> "lasted an hour, and 60 people came": the new "60
    people" is the old "60 people"'s, and "60 minutes" became "an hour")."""
    if len(old.by_value.get(("key", n.key), ())) < 2:
        return False  # most often: no other mention of that value (a cheap test first)
    counted = _counted_word(n)
    if not counted or counted == _counted_word(o):
        return False
    return any(
        r is not o and id(r) in old.alive and r.bound == n.bound and same_number(r, n)
        for r in old.by_counted.get((_number_group(n), counted), ())
    )


def _fits_another_better(o: Number, n: Number, sides: _Sides, layout: _Layout) -> bool:
    """Whether a same-value pair is a swap: a mention of another value on either side counts
    what the other one of the pair counts (the same word after it), or stands in its place
    while its own value is on both sides too ("voted 7-2" -> "voted 2-7") and the pair has
    not kept a neighbour ("5% in May and 3% in June" -> "3% in June and 5% in May")."""
    fit = _fit(o, n, layout)
    if fit == (True, True):  # nothing can fit better
        return False
    group = _number_group(o)
    places = layout.places
    # Only a mention that counts the same word or stands in the same place can fit better;
    # once the pair counts the same word, only one in the same place that counts it too.
    # (Comparing keys first spares most calls: equal keys are the same value.)
    counted_o, counted_n = ("", "") if fit[0] else (_counted_word(o), _counted_word(n))
    rivals = [
        *(
            (r, _fit(o, r, layout), sides.old)
            for r in sides.new.rivals(group, counted_o, places[id(o)])
            if r.key != o.key and not same_number(o, r)
        ),
        *(
            (r, _fit(r, n, layout), sides.new)
            for r in sides.old.rivals(group, counted_n, places[id(n)])
            if r.key != n.key and not same_number(n, r)
        ),
    ]
    # Most often nothing else counts it, or nothing that fits it better (one in its place
    # that counts another word, when the pair counts the same): no swap, whatever the words
    # round them say (their surroundings, the dearest read here, are not read).
    if all(rival_fit <= fit for _, rival_fit, _ in rivals):
        return False
    if _moved_with_its_words(o, n, (r for r, _, _ in rivals), layout):
        return False
    (before_o, after_o), (before_n, after_n) = layout.beside[id(o)], layout.beside[id(n)]
    kept_neighbour = (before_o and before_o == before_n) or (after_o and after_o == after_n)
    for rival, rival_fit, other_side in rivals:
        if rival_fit <= fit or (kept_neighbour and not rival_fit[0]):
            continue
        twins = sides.twins(rival, other_side)
        # A rival that counts the same thing as its own twin is not in this pair's way.
        if (rival_fit[0] or twins) and not any(
            _counted_word(x) and _counted_word(x) == _counted_word(rival) for x in twins
        ):
            return True
    return False


_ValueToken = tuple[str, str | float]


def _value_tokens(number: Number) -> list[_ValueToken]:
    """Tokens that any mention of the same value (``same_number``) shares with this one: its
    key, and the day of a date, the value of a count, sum or year, or the share of a fraction
    or percentage."""
    tokens: list[_ValueToken] = [("key", number.key)]
    value = number.value
    if number.kind == "date":
        if number.key[:1] == "@":
            tokens.append(("when", _relative_base(number.key)))
        elif not number.key.startswith("wd"):
            _, month, day = _date_parts(number.key)
            tokens.append(("day", f"{month}-{day}"))
    elif value is None:
        pass
    elif number.kind in ("count", "money", "year"):
        tokens.append(("value", value))
        if number.kind == "count":
            # (A cheap test first: most counts do not end in "m".)
            if number.text[-1:] == "m" and _SHORT_M().fullmatch(number.text):
                tokens.append(("value", round(value / 1_000_000, 6)))  # "10m": maybe 10 metres
            if (length := duration(number)) is not None:
                tokens.append(("seconds", length))  # "30 minutes", "half an hour"
        if (continental := _continental_value(number)) is not None:
            tokens.append(("value", continental))
    elif number.kind == "fraction":
        # Within half a point of a percentage: its whole part is one of these two.
        tokens += [
            ("share", math.floor(value * 100 - 0.5)),
            ("share", math.floor(value * 100 + 0.5)),
        ]
    elif number.kind == "percent" and number.unit == "%":
        tokens.append(("share", math.floor(value)))
    return tokens


def _twins(a: Number, b: Number) -> bool:
    """Whether two mentions have the same value, found as ``_Sides.twins`` finds it: by a
    value token they share, then ``same_number``."""
    tokens = _value_tokens(b)
    return any(t in tokens for t in _value_tokens(a)) and same_number(a, b)


class _Side:
    """One version's mentions in a sentence, looked up by value, by what they count and by
    place, and which of them are not yet paired (by ``id``)."""

    def __init__(self, numbers: Sequence[Number], layout: _Layout) -> None:
        self.numbers = numbers
        self.layout = layout
        self.alive = {id(n) for n in numbers}
        self.order = {id(n): i for i, n in enumerate(numbers)}
        self.by_value: dict[_ValueToken, list[Number]] = {}
        #: Where each ``by_value`` list's first unpaired mention may stand: mentions pair
        #: mostly in reading order, and skipping those paired each time is quadratic.
        self.first_alive: dict[_ValueToken, int] = {}
        for number in numbers:
            for token in _value_tokens(number):
                self.by_value.setdefault(token, []).append(number)

    @cached_property
    def by_counted(self) -> dict[tuple[str, str], list[Number]]:
        """The mentions of each group that count each word."""
        found: dict[tuple[str, str], list[Number]] = {}
        for number in self.numbers:
            if counted := _counted_word(number):
                found.setdefault((_number_group(number), counted), []).append(number)
        return found

    @cached_property
    def by_place(self) -> dict[tuple[str, int], Number]:
        """The mention at each place among each group's mentions."""
        places = self.layout.places
        return {(_number_group(n), places[id(n)]): n for n in self.numbers}

    def rivals(self, group: str, counted: str, place: int) -> list[Number]:
        """The unpaired mentions of a group that count a word or stand at a place."""
        found = list(self.by_counted.get((group, counted), ())) if counted else []
        at = self.by_place.get((group, place))
        if at is not None and all(at is not x for x in found):
            found.append(at)
        return [r for r in found if id(r) in self.alive]

    def rest(self) -> list[Number]:
        """The unpaired mentions, in reading order."""
        return [n for n in self.numbers if id(n) in self.alive]


#: How many unpaired mentions of one value are read as a mention's twins (a sentence seldom
#: holds more than a few of one value; past this the pairing reads only the nearest).
_TWINS_READ = 16


class _Sides(NamedTuple):
    """Both versions' mentions (see ``_Side``)."""

    old: _Side
    """The old version's."""
    new: _Side
    """The new version's."""

    @classmethod
    def of(cls, old: Sequence[Number], new: Sequence[Number], layout: _Layout) -> _Sides:
        """Both sides, indexed."""
        return cls(_Side(old, layout), _Side(new, layout))

    @staticmethod
    def twins(number: Number, side: _Side) -> list[Number]:
        """The unpaired mentions on a side with the same value as ``number``, in reading
        order: the first ``_TWINS_READ`` of each value token's, and the one at its place
        among its group's mentions (the best fit after one counting the same word), so that
        a sentence with thousands of one value ("an hour and a half" 2,000 times) pairs in
        linear time."""
        found: dict[int, Number] = {}
        alive = side.alive
        group = _number_group(number)  # (an age is no twin of a count: "both 34" / "34 people")
        for token in _value_tokens(number):
            entries = side.by_value.get(token)
            if not entries:
                continue
            start = side.first_alive.get(token, 0)
            while start < len(entries) and id(entries[start]) not in alive:
                start += 1
            side.first_alive[token] = start
            read = 0
            for k in range(start, len(entries)):
                x = entries[k]
                if (
                    id(x) in alive
                    and id(x) not in found
                    and same_number(number, x)
                    and _number_group(x) == group
                ):
                    found[id(x)] = x
                    read += 1
                    if read == _TWINS_READ:
                        break
        if len(found) >= _TWINS_READ:
            at = side.by_place.get((group, side.layout.places[id(number)]))
            if (
                at is not None
                and id(at) in alive
                and id(at) not in found
                and same_number(number, at)
            ):
                found[id(at)] = at
        twins = list(found.values())
        return sorted(twins, key=lambda x: side.order[id(x)]) if len(twins) > 1 else twins


def _number_changes(
    old: Sequence[Number],
    new: Sequence[Number],
    sentence: int,
    texts: tuple[str, str] | None = None,
) -> list[Change]:
    """The number changes between two versions' mentions; ``texts``: both sentences, when
    both are there (a word that takes a figure's place is read in them)."""
    if not (old and new):
        return _one_side_changes(old or new, bool(new), sentence, texts)
    tally = _tally_change(old, new, sentence)
    if tally is not None:
        # "voted 5-2" -> "voted 6-1": one result changed, not a 5 and a 2 apart; its numbers
        # pair with no other ("after 5 hours" is no 5 of the old vote's).
        old = [n for n in old if id(n) not in tally[1]]
        new = [n for n in new if id(n) not in tally[1]]
    relative: list[tuple[Number, Number]] = []
    if old and new:
        if any(n.key[:1] == "@" for n in old) or any(n.key[:1] == "@" for n in new):
            old, new, relative = _relative_pairs(old, new)
        if old and new:
            pairs, removed, added = _pair_numbers(old, new)
        else:
            pairs, removed, added = [], list(old), list(new)
    else:  # a sentence added or removed: nothing to pair
        pairs, removed, added = [], list(old), list(new)
    if pairs and (removed or added):
        pairs = _unlisted(pairs, removed, added)
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
                    word = _rank_taken(number, other)
                    if word is not None:
                        gone.remove(number)
                        ranks.append((number.phrase, word) if ends == 0 else (word, number.phrase))
        removed = [n for n in removed if _stands_alone(n)]
        added = [n for n in added if _stands_alone(n)]
    if old and new and _has_full_date(old) and _has_full_date(new):
        # "Tuesday, May 24" -> "24 May": the weekday only restated the date.
        removed = [n for n in removed if not n.key.startswith("wd-")]
        added = [n for n in added if not n.key.startswith("wd-")]
    # Each phrase is worked out once: it reads the words around the number.
    changes = [
        _change("number", "changed", was, now, sentence, _describe("changed", what, was, now))
        for was, now, what in ((o.phrase, n.phrase, _what(o, n)) for o, n in pairs)
        if was != now
    ]
    changes += [
        _change("number", "changed", was, now, sentence, _describe("changed", "number", was, now))
        for was, now in ranks
    ]
    if tally is not None and tally[0] is not None:
        changes.insert(0, tally[0])
    changes += [
        _change("number", "removed", was, None, sentence, _describe("removed", what, was, None))
        for was, what in ((o.phrase, _what(o)) for o in removed)
    ]
    changes += [
        _change("number", "added", None, now, sentence, _describe("added", what, None, now))
        for now, what in ((n.phrase, _what(n)) for n in added)
    ]
    return changes


#: What a number change calls one mention of each kind (see ``_what``): "number" else.
_WHAT_ONE = {"date": "date", "year": "date", "time": "time"}


def _one_side_changes(
    numbers: Sequence[Number], came: bool, sentence: int, texts: tuple[str, str] | None
) -> list[Change]:
    """``_number_changes`` of mentions on one side only (``came``: the new side), the other
    side holding none: what it comes to with nothing to pair, in one pass. Most of its calls
    are so (a sentence added or removed: ~870 of ~970 on the 2,000-paragraph pair of
    benchmarks/speed.py), and the pairing's lists and passes cost them more than their
    changes: ~22M instructions of the facets worker's ~1,020M there."""
    action: ChangeAction = "added" if came else "removed"
    changes: list[Change] = []
    tally = _tally_change((), numbers, sentence) if came else _tally_change(numbers, (), sentence)
    if tally is not None:
        if tally[0] is not None:
            changes.append(tally[0])
        numbers = [n for n in numbers if id(n) not in tally[1]]
    if texts is not None:
        # "for the first time" -> "for the last time" (see _number_changes; such a "first"
        # never stands alone below).
        other = texts[0] if came else texts[1]
        for number in numbers:
            word = _rank_taken(number, other)
            if word is not None:
                first, last = (word, number.phrase) if came else (number.phrase, word)
                detail = _describe("changed", "number", first, last)
                changes.append(_change("number", "changed", first, last, sentence, detail))
    for number in numbers:
        if _stands_alone(number):
            phrase = number.phrase
            what = _WHAT_ONE.get(number.kind, "number")
            was, now = (None, phrase) if came else (phrase, None)
            detail = _describe(action, what, was, now)
            changes.append(_change("number", action, was, now, sentence, detail))
    return changes


#: The keys of days told from today ("yesterday"), which a weekday can take the place of.
_DAY_KEYS = frozenset(["@yesterday", "@today", "@tomorrow", "@tonight", "@last night"])


def _relative_pairs(
    old: Sequence[Number], new: Sequence[Number]
) -> tuple[list[Number], list[Number], list[tuple[Number, Number]]]:
    """The mentions of each side less its times told from now ("last week", "a day" of
    "once a day"), and those times paired: they pair only with each other (see
    ``_number_group``), so they are read apart, the same time on both sides dropped, the
    rest one for one in reading order (one left alone is told by no change)."""
    rest_old = [n for n in old if n.key[:1] != "@"]
    rest_new = [n for n in new if n.key[:1] != "@"]
    times_old = [n for n in old if n.key[:1] == "@"]
    times_new = [n for n in new if n.key[:1] == "@"]
    pairs: list[tuple[Number, Number]] = []
    for kind in ("date", "time"):  # when with when, how often with how often
        olds = [o for o in times_old if o.kind == kind]
        news = [n for n in times_new if n.kind == kind]
        if olds and news:
            # As other figures pair: the same time kept where it stood is dropped, two that
            # swapped places are both changed ("once a week, not once a day" -> "once a
            # day, not once a week").
            pairs += _pair_numbers(olds, news)[0]
    # A day told from today that gave way to a weekday, or the reverse ("said yesterday" ->
    # "said on Monday"): the day changed, one for one in reading order.
    paired = {id(n) for pair in pairs for n in pair}
    for days, weekdays, old_side in ((times_old, rest_new, True), (times_new, rest_old, False)):
        days = [n for n in days if n.key in _DAY_KEYS and id(n) not in paired]
        if not days:
            continue
        other = rest_old if old_side else rest_new
        known = {n.key for n in other}
        weekdays = [n for n in weekdays if n.key.startswith("wd") and n.key not in known]
        for day, weekday in zip(days, weekdays, strict=False):
            pairs.append((day, weekday) if old_side else (weekday, day))
            weekdays_side = rest_new if old_side else rest_old
            weekdays_side.remove(weekday)
    return rest_old, rest_new, pairs


#: What takes the place of "first" in "for the first time" and ends it ("the last time";
#: without "the", "last time" is the time before).
_LAST_TIME = lazy_pattern(r"\bthe\s+(last|final)\s+time\b", re.IGNORECASE)


def _first_time(number: Number) -> bool:
    """Whether ``number`` is the "first" of "(for) the first time"."""
    return number.key == "#1" and number.sentence[number.span[1] : number.span[1] + 5] == " time"


def _rank_taken(number: Number, other: str) -> str | None:
    """The word that took the place of the "first" of "the first time" in ``other`` ("last",
    "final"), when the sentence of ``number`` has none."""
    if not _first_time(number):
        return None
    found = _LAST_TIME().search(other)
    if found is None or _LAST_TIME().search(number.sentence) is not None:
        return None
    return found.group(1)


def _stands_alone(number: Number) -> bool:
    """Whether a mention is worth reporting when it came or went with nothing in its place:
    not "twice" or "doubled", nor a time told from now ("last week", "once a day"; see
    ``_number_group``), nor the rank of "(for) the first time"."""
    key = number.key
    if key[:1] == "@":
        return False
    if _first_time(number):
        return False
    return number.text.lower() not in _ALL_TIMES


#: What joins the two sides of a vote or a score: "5-2", "5–2".
_TALLY_JOINS = ("-", "–", "—")


#: What a tally written with "to" follows ("voted 6 to 1", "the vote was 52 to 48"):
#: elsewhere "10 to 12" is a range.
_TALLY_BEFORE = lazy_pattern(
    r"\b(?:voted|votes?(?: was| of)?|ruled|won|lost|beat|defeated|passed|approved|rejected|"
    r"split|margin of|majority of|tally of|scored?(?: was)?)\s+(?:by\s+)?$",
    re.IGNORECASE,
)


#: What joins the two sides of a tally written with "to": "voted 6 to 1", "passed by 23
#: votes to 14".
_TALLY_TO = (" to ", " votes to ", " vote to ")


def _tallies(numbers: Sequence[Number]) -> list[tuple[Number, Number]]:
    """Two whole counts joined by a dash, nothing between ("voted 5-2", "won 3-1"), or by
    "to" after a word that takes a vote or a score ("voted 6 to 1", "passed by 23 votes to
    14"): a vote or a score."""
    return [
        (a, b)
        for a, b in itertools.pairwise(numbers)
        if a.kind == b.kind == "count"
        and a.text.isdigit()
        and b.text.isdigit()
        and (
            (join := a.sentence[a.span[1] : b.span[0]]) in _TALLY_JOINS
            or (join in _TALLY_TO and _TALLY_BEFORE().search(a.sentence, 0, a.span[0]) is not None)
        )
    ]


def _tally_change(
    old: Sequence[Number], new: Sequence[Number], sentence: int
) -> tuple[Change | None, set[int]] | None:
    """One change for a vote or a score that changed ("5-2" -> "6-1"), came or went ("beat
    Chelsea" -> "beat Chelsea 2-1"), and the numbers it stands for (their ``id``), when each
    side gives exactly one or one side one and the other none."""
    if len(old) < 2 and len(new) < 2:
        return None  # a tally is two figures (most sentences, added or removed, hold one)
    old_tallies, new_tallies = _tallies(old), _tallies(new)
    if len(old_tallies) + len(new_tallies) == 1:
        (a, b), others = (old_tallies or new_tallies)[0], (new if old_tallies else old)
        if any(_twins(a, x) or _twins(b, x) for x in others):
            return None  # its figures stand on the other side, written another way
        text = a.sentence[a.span[0] : b.span[1]]
        action: ChangeAction = "removed" if old_tallies else "added"
        was, now = (text, None) if old_tallies else (None, text)
        described = _describe(action, "number", was, now)
        return _change("number", action, was, now, sentence, described), {id(a), id(b)}
    if len(old_tallies) != 1 or len(new_tallies) != 1:
        return None
    (a, b), (c, d) = old_tallies[0], new_tallies[0]
    was, now = a.sentence[a.span[0] : b.span[1]], c.sentence[c.span[0] : d.span[1]]
    if (a.value, b.value) == (c.value, d.value):
        return None
    change = _change(
        "number", "changed", was, now, sentence, _describe("changed", "number", was, now)
    )
    return change, {id(a), id(b), id(c), id(d)}


#: Two small figures joined by a comma: a decimal comma, or an English list ("rooms 4,5").
_COMMA_PAIR = lazy_pattern(r"(\d{1,2}),(\d{1,2})")


def _unlisted(
    pairs: list[tuple[Number, Number]], removed: list[Number], added: list[Number]
) -> list[tuple[Number, Number]]:
    """``pairs`` without those where "4,5" on one side is "4" and "5" on the other: a list
    spaced or joined anew ("rooms 4,5" -> "rooms 4 and 5"), no change of 4.5 to 4. The
    second figure is taken from ``removed`` or ``added`` too."""
    kept = []
    for o, n in pairs:
        for listed, single, rest in ((o, n, added), (n, o, removed)):
            match = _COMMA_PAIR().fullmatch(listed.text)
            if match and single.value == float(match.group(1)):
                second = float(match.group(2))
                other = next((x for x in rest if x.value == second), None)
                if other is not None:
                    rest.remove(other)
                    break
        else:
            kept.append((o, n))
    return kept


def _what(*numbers: Number) -> str:
    """ "date" or "time" when every number is one ("Friday", "6 a.m."), else "number"."""
    kinds = {"year": "date"}
    words = {kinds.get(n.kind, n.kind) for n in numbers}
    return words.pop() if len(words) == 1 and words <= {"date", "time"} else "number"


#: Words whose appearance or disappearance can change a number.
_NUMBER_TRIGGERS = (
    _NUMBER_WORD_TOKENS
    | _MONTH_TOKENS
    | _WEEKDAY_TOKENS
    | _NAMED_TIMES
    | _MONEY_TOKENS
    | _PERCENT_TOKENS
    | _FRACTION_TOKENS
    | _ORDINAL_TOKENS
    | _VAGUE_TOKENS
    | _TIMES_TOKENS
    | frozenset(["a.m", "p.m", "am", "pm", "cent", "$", "£", "€", "¥", "₹", "%"])
    # "10 a.m." -> "10 p.m." and "$3.5m" -> "$3.5bn" differ only in these letters ("a" is
    # too common a word to gate on, and "p" differs whenever it does).
    | frozenset(["p", "m", "mn", "bn", "tn", "k", "trillion"])
    # Bounds: "more than 100" -> "nearly 100" (the common "about", "some" only soften).
    | _wordset("than over under least upwards excess nearly almost fewer up many")
    | frozenset(["minus", "no"])  # "minus 5C" -> "5C"; "no more than 12" -> "more than 12"
    | frozenset(_EU_MONTHS)  # "3 marzo" -> "3 maggio"
)
#: Units whose change can change a figure ("5 miles" -> "5 km"; not the letters and "in",
#: which differ too often to gate on): worth reading figures for only when a figure stands
#: right before one (``_measured``): "years" and "days" differ in many a sentence without.
_MEASURE_TRIGGERS = frozenset(w for w in _MEASURES if len(w) > 2 or w in ("km", "ft", "mi", "kg"))


#: A part of one unit, before the unit ("half a", "a quarter of an").
_PART_BEFORE = tuple(
    f" {part}{of} {article}"
    for part in ("half", "quarter", "quarters", "third", "thirds")
    for of in ("", " of")
    for article in ("a", "an")
)


def _part_before(text: str) -> bool:
    """Whether ``text`` ends in a part of one unit ("for half a")."""
    return f" {text}".endswith(_PART_BEFORE)


def _measured(old: str, new: str, units: Iterable[str]) -> bool:
    """Whether the figures, in digits or words, that stand right before one of ``units``
    differ between the sentences ("5 miles" -> "5 km", "a six-year term" -> "six-month")."""
    found: list[list[str]] = [[], []]
    for side, text in enumerate((old.lower(), new.lower())):
        for unit in units:
            for at in _whole_word(text, unit):
                before = text[:at].rstrip(" -")
                figure = before.rsplit(None, 1)[-1] if before else ""
                if (
                    figure[-1:].isdigit()
                    or figure in _NUMBER_WORD_TOKENS
                    or (
                        figure in _ARTICLES
                        and (
                            text.startswith(" and a half", at + len(unit))
                            or _part_before(before)  # "half an hour"
                        )
                    )
                ):
                    found[side].append(f"{figure} {unit}")
    return sorted(found[0]) != sorted(found[1])


#: The letters a currency sign opens with ("US$", "A$", "NZ$"): in "US$5m" -> "A$5m" they
#: are the only words that differ, and the currency changed.
_CURRENCY_PREFIXES = frozenset(
    sign[:-1] for sign in _CURRENCY_SIGNS if len(sign) > 1 and sign.endswith("$")
)


_SIGNED_FIGURE = lazy_pattern(r"(?<![\w.,])(?<!\d )-[$£€¥₹]?\.?\d")


def _minus_before_figure(old: str, new: str) -> bool:
    """Whether either sentence has a figure with a minus sign ("-5C"), which can be the only
    difference ("fell to -5C" -> "fell to 5C")."""
    return bool(_SIGNED_FIGURE().search(old) or _SIGNED_FIGURE().search(new))


_ARTICLE = lazy_pattern(r"\b(?:a|an)\b", re.IGNORECASE)


#: Words that say a match ended with no score, as "0-0" does.
_NIL_SCORE = lazy_pattern(r"\b(?:goalless|scoreless|nil-nil|nil-all)\b", re.IGNORECASE)


def _nil_as_word(change: Change, old: str, new: str) -> bool:
    """Whether a "0-0" that came or went was written as a word on the other side ("ended
    goalless" -> "ended 0-0"): the same score."""
    if change.action == "changed":
        return False
    text, there = (change.old, new) if change.action == "removed" else (change.new, old)
    if not text or text.replace(" ", "") not in ("0-0", "0–0", "0—0"):
        return False
    return _NIL_SCORE().search(there) is not None


def _one_as_a(change: Change, old: str, new: str) -> bool:
    """Whether a "one" that came or went was written as "a" instead ("One witness said" ->
    "A witness said"): the other version holds more of "a" and "an" than its own."""
    if change.action == "changed":
        return False
    removed = change.action == "removed"
    text, here, there = (change.old, old, new) if removed else (change.new, new, old)
    if not text or text.split(" ", 1)[0].lower() != "one":
        return False
    return len(_ARTICLE().findall(there)) > len(_ARTICLE().findall(here))


_ARTICLES = frozenset(["a", "an"])
#: Lengths of time in seconds: "12 months" and "a year" are one duration.
_DURATION_SECONDS = {
    "second": 1,
    "minute": 60,
    "hour": 3_600,
    "day": 86_400,
    "week": 604_800,
    "fortnight": 1_209_600,
    "month": 2_629_800,
    "year": 31_557_600,
    "decade": 315_576_000,
    "century": 3_155_760_000,
}
_DURATION_WORDS = frozenset([*_DURATION_SECONDS, *(f"{unit}s" for unit in _DURATION_SECONDS)])
_DURATION_WORDS |= frozenset(["centuries"])
_A_DURATION = lazy_pattern(rf"\ban? ({'|'.join(_DURATION_SECONDS)})\b", re.IGNORECASE)


def _duration(phrase: str | None) -> float | None:
    """The length of time, in seconds, that a number phrase ("12 months", "a year", "a year
    and a half") tells."""
    whole, half, rest = (phrase or "").rpartition(" and a half")
    if half and not rest:
        length = _duration(whole)
        return None if length is None else length * 1.5 if _A_DURATION().fullmatch(whole) else None
    counted = (phrase or "").rsplit(" ", 1)
    unit = _DURATION_SECONDS.get(_singular(counted[-1].lower()))
    if unit is None:
        return None
    if len(counted) == 2 and counted[0].lower() in _ARTICLES:
        return float(unit)
    lead = counted[0].lower()
    if lead.endswith((" a", " an", " per")) and not _part_before(lead):
        return None  # "70 km an hour": a rate, not a length of time ("half an hour" is one)
    number = _phrase_number(phrase)
    return None if number is None or number.value is None else number.value * unit


def _same_duration(was: str | None, now: str | None) -> bool:
    """Whether two number phrases tell one length of time ("12 months", "one year")."""
    length = _duration(was)
    return length is not None and length == _duration(now)


#: Plurals of people that end in no "s", with the noun "a" counts ("A man was hurt" ->
#: "Two men were hurt").
_IRREGULAR_SINGULARS = {
    "men": "man",
    "women": "woman",
    "children": "child",
    "people": "person",
    "wives": "wife",
}


def _singular_noun(word: str) -> str:
    """The singular of a lower-case noun, people's irregular plurals too ("men": "man")."""
    return _IRREGULAR_SINGULARS.get(word) or _singular(word)


def _from_article(change: Change, old: str, new: str) -> Change | None:
    """A number that came in place of "a" or "an" before the noun it counts ("within an
    hour" -> "within three hours") changed it: the article said one. The same length of
    time in another unit ("12 months" -> "a year") is no change: ``None``. Else ``change``."""
    if change.kind != "number":
        return change
    if change.action == "changed":
        return None if _same_duration(change.old, change.new) else change
    removed = change.action == "removed"
    phrase, there = (change.old, new) if removed else (change.new, old)
    here = old if removed else new
    counted = (phrase or "").rsplit(" ", 1)
    if len(counted) < 2 or not counted[1].isalpha():
        return change
    noun = _singular_noun(counted[1].lower())
    # An ASCII text without the noun holds no "a <noun>": no pattern is compiled for it (a
    # new one per noun, ~1M instructions on the 2,000-paragraph pair of benchmarks/speed.py).
    # (Beyond ASCII, case folding can match letters that lower() does not give.)
    absent = there.isascii() and noun.isascii() and noun not in there.lower()
    article = None if absent else re.compile(rf"\ban? {re.escape(noun)}\b", re.IGNORECASE)
    found = None if article is None else article.search(there)
    if found is None and noun in _DURATION_SECONDS:
        # "12 months" -> "a year": a length of time in another unit.
        found = _A_DURATION().search(there)
        if found is not None and _A_DURATION().search(here):
            return change  # that unit is in this version as well: not the one it became
        if found is not None and _same_duration(phrase, found.group(0)):
            return None
    elif (
        found is not None
        and article is not None
        and any(
            not _part_before(f"{here[: m.start()]}{m.group(0).split()[0]}".lower())
            for m in article.finditer(here)
        )
    ):
        return change  # "an hour" is still in this version ("half an hour" is no "an hour")
    if found is None or there[found.end() : found.end() + 5].lower() == " and ":
        # No "a man" in the other version, or "a man and his son": people joined, who may
        # be as many as the figure counts.
        return _people_joined(change, phrase or "", noun, there, here)
    was, now = (phrase, found.group(0)) if removed else (found.group(0), phrase)
    return _change(
        "number", "changed", was, now, change.sentence, _describe("changed", "number", was, now)
    )


#: Words for people beside compare.text.PEOPLE_NOUNS that a coordination may join: kin ("a
#: man and his son") and ranks ("a sergeant and a constable").
_MORE_PEOPLE = KIN | _wordset(
    "sergeant sergeants constable constables inspector inspectors captain captains "
    "lieutenant lieutenants"
)
_PEOPLE = PEOPLE_NOUNS | _MORE_PEOPLE
#: People told as men and as women: "Two men" are not "a man and a woman", but "two
#: children" may be "a boy and a girl", "two officers" "a sergeant and a constable".
_MALE = _wordset("man boy son husband father brother grandson grandfather")
_FEMALE = _wordset("woman girl daughter wife mother sister granddaughter grandmother")
#: A count word of a coordination's part: "a man", "two women", "his son".
_JOINED_COUNTS = {"a": 1, "an": 1, **{word: value for word, value in _UNITS.items() if value}}
_POSSESSIVES = _wordset("his her their")


def _joined_at(words: Sequence[str], at: int) -> tuple[int, int, list[str]] | None:
    """The people a coordination opening at word ``at`` counts ("a man and a woman": 2;
    "a woman and her two children": 3): ``(words it spans, total, nouns)``, or None where
    the words are no such coordination or a part's count is not told ("a man and
    children")."""
    total, i = 0, at
    nouns: list[str] = []
    while True:
        owned = i < len(words) and words[i] in _POSSESSIVES
        i += owned
        count = _JOINED_COUNTS.get(words[i]) if i < len(words) else None
        if count is None and words[i : i + 1] and words[i].isdigit():
            count = int(words[i])
        i += count is not None
        # An adjective and the noun ("an elderly woman", "a local woman": "local" is a
        # noun for people too), else the noun.
        for width in (2, 1):
            noun = words[i + width - 1] if i + width - 1 < len(words) else ""
            if noun in _PEOPLE:
                break
        else:
            return None
        i += width
        if count is None:
            if _singular_noun(noun) != noun or not (owned or nouns):
                return None  # "children", "his children": how many is not told
            count = 1
        total += count
        nouns.append(noun)
        if i >= len(words) or words[i] != "and":
            break
        i += 1
    return (i - at, total, nouns) if len(nouns) >= 2 else None


#: Words, with their starts, of a version in lower case.
_WORD_AT = lazy_pattern(r"[a-z0-9]+")


@lru_cache(maxsize=1024)
def _joined_people(text: str) -> tuple[tuple[str, int, tuple[str, ...]], ...]:
    """The coordinations of people in ``text`` ("A man and a woman"): each one's words as
    written, how many people it counts and its nouns (a version is asked for each of its
    changes: cached)."""
    lower = text.lower()
    if " and " not in lower:
        return ()
    found = list(_WORD_AT().finditer(lower))
    words = [m.group(0) for m in found]
    joined: list[tuple[str, int, tuple[str, ...]]] = []
    at = 0
    while at < len(words):
        parts = (
            _joined_at(words, at) if words[at] in _JOINED_COUNTS or words[at].isdigit() else None
        )
        if parts is None:
            at += 1
            continue
        span, total, nouns = parts
        joined.append((text[found[at].start() : found[at + span - 1].end()], total, tuple(nouns)))
        at += span
    return tuple(joined)


def _as_many(phrase: str, noun: str, total: int, nouns: Sequence[str]) -> bool:
    """Whether ``phrase`` ("Two people") counts the people a coordination counts (``total``,
    ``nouns``): as many, and none of them a woman where it counts men, or a man where it
    counts women ("Two men" / "a man and a woman")."""
    number = _phrase_number(phrase)
    if number is None or number.value != total:
        return False
    told = {_singular_noun(n) for n in nouns}
    return not ((noun in _MALE and told & _FEMALE) or (noun in _FEMALE and told & _MALE))


def _people_noun(phrase: str | None) -> str | None:
    """The singular of the word for people that ends a number's phrase, or None."""
    last = (phrase or "").rsplit(" ", 1)[-1].lower()
    noun = _singular_noun(last)
    return noun if noun in _PEOPLE else None


def _people_joined(change: Change, phrase: str, noun: str, there: str, here: str) -> Change | None:
    """A count of people (``phrase``, "Two men", added or removed) told in the other version
    as people joined ("A man and a woman"): the same people when :func:`_as_many`, else a
    changed number ("A man and a woman" -> "Two men"). ``change`` itself where ``there``
    joins no people, or ``here`` joins the same."""
    if _people_noun(phrase) is None:
        return change
    here_lower = here.lower()
    for text, total, nouns in _joined_people(there):
        if text.lower() in here_lower:
            continue  # the same people in this version too
        if _as_many(phrase, noun, total, nouns):
            return None  # as many people, told in more or fewer words
        removed = change.action == "removed"
        was, now = (phrase, text) if removed else (text, phrase)
        return _change(
            "number", "changed", was, now, change.sentence, _describe("changed", "number", was, now)
        )
    return change


def joined_people_whole(changes: list[Change], old: str, new: str) -> list[Change]:
    """The number changes of a sentence pair with people joined in one version read whole:
    where the figures of the coordination ("Two men and two women", "A woman and her two
    children") changed into one count of the other version ("Four people"), no change when
    that counts them all (:func:`_as_many`), else one change from or to the coordination.
    A part changed within the same coordination ("her two children" -> "her three
    children") stays that part's change."""
    for text, other_text, old_side in ((old, new, True), (new, old, False)):
        elsewhere = _joined_people(other_text)
        other_lower = other_text.lower()
        for joined, total, nouns in _joined_people(text):
            whole = joined.lower()
            if whole in other_lower:
                continue  # the same people in the other version
            touching = [
                c
                for c in changes
                if c.kind == "number"
                and (mine := c.old if old_side else c.new)
                and mine.lower() in whole
                and mine.lower() != whole
            ]
            others = {c.new if old_side else c.old for c in touching} - {None, ""}
            if not touching or len(others) != 1:
                continue
            other = others.pop() or ""
            noun = _people_noun(other)
            if noun is None or any(other.lower() in j.lower() for j, _, _ in elsewhere):
                continue
            changes = [c for c in changes if c not in touching]
            if not _as_many(other, noun, total, nouns):
                was, now = (joined, other) if old_side else (other, joined)
                changes.append(
                    _change(
                        "number",
                        "changed",
                        was,
                        now,
                        touching[0].sentence,
                        _describe("changed", "number", was, now),
                    )
                )
    return changes


def _phrase_number(phrase: str | None) -> Number | None:
    """The number a number change's phrase ("At least nine people") tells."""
    numbers = _numbers(_prepare(phrase, False).norm) if phrase else ()
    return numbers[0] if numbers else None
