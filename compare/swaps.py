"""Roles: who did what to whom.

Two parties that traded places round a verb, the rest of the sentence the same, are one
``roles`` change ("Arsenal beat Chelsea" -> "Chelsea beat Arsenal"), unless the verb or word
between them makes no roles ("Smith met Jones", "Smith and Jones", "talks between A and B").
The two ends of a route or a shift that traded places ("from Paris to London" -> "from
London to Paris") are a ``roles`` change too, told as a direction reversed; ends that are
figures or dates are told by the number change, and "between A and B" has no direction.

``compare.facets`` reads each reworded sentence with ``may_swap`` (a cheap first look) and
then ``role_swap``, and reports what it finds as a ``roles`` change.
"""

from __future__ import annotations

from typing import NamedTuple

from compare.facets import _AUX_WORDS, _NUMBER_WORD_TOKENS, _numbers, _wordset
from compare.text import lazy_pattern


class Swap(NamedTuple):
    """Two parties that traded places: what happened, and the words from the first party to
    the last in each version."""

    what: str
    was: str
    now: str


#: Words between two parties that make no roles: swapping the parties round them keeps
#: the meaning ("Smith met Jones" -> "Jones met Smith", "Smith and Jones", "talks between
#: A and B", "Arsenal versus Chelsea").
_SYMMETRIC = _wordset(
    """
    and or nor with between versus vs v plus alongside met meet meets meeting married marry
    marries spoke speak speaks talked talk talks merged merge merges drew tied tie ties
    faces face faced plays play played debate debates debated partnered partner partners
    resembles resemble resembled related borders border bordered hugged hug hugs joined
    join joins exchanged exchange fought
    """
)
#: What "the winner was Smith" -> "Smith was the winner" turns round: a copula, which
#: names one thing twice rather than one doing something to another.
_COPULA = _wordset(
    """
    is are was were be been being am will would shall should may might must can could has
    have had not among identified named as appointed elected
    """
)
#: Words that open no verb: two things swapped round one are adverbials or figures ("rose
#: to 3.2% from 3.5%", "fell in Europe but rose in Asia"), not parties.
_NOT_A_VERB = _wordset(
    "to from in on at of by for than but as into onto over under after before since until"
)
#: The longest verb (in words, "the" left out) and party a swap is read around.
_MAX_VERB, _MAX_PARTY = 4, 6
#: A word, with the apostrophes, dots and hyphens inside it ("O'Neill", "2-1").
_ROLE_WORD = lazy_pattern(r"[^\W_]+(?:['.-][^\W_]+)*")
#: What a party or its verb may not hold, in either version: a clause or list break, a
#: quotation.
_ROLE_BREAK = lazy_pattern(r"[,;:()\[\]\"]|\bQ\b")
#: The word before the first party and the word between the two that make them the ends of
#: a route or a shift ("from Paris to London", "moved to Leeds from York").
_DIRECTIONS = frozenset(
    {("from", "to"), ("from", "into"), ("from", "towards"), ("from", "toward"), ("to", "from")}
)


class _Word(NamedTuple):
    """A word of a sentence, lower-cased, and where it stands."""

    lower: str
    start: int
    end: int


def _role_words(text: str) -> list[_Word]:
    """The words of a sentence but "the", so that "Police blamed the driver" -> "The driver
    blamed police" has the same words."""
    words = (_Word(m.group().lower(), m.start(), m.end()) for m in _ROLE_WORD().finditer(text))
    return [w for w in words if w.lower != "the"]


def may_swap(old: str, new: str, differing: set[str]) -> bool:
    """A cheap first look: could two sentences hold the same words, so that two of them
    traded places? Each differing word must stand in both (most rewordings bring a new
    one)."""
    old, new = old.lower(), new.lower()
    return all(w in old and w in new for w in differing if w[:1].isalnum() and w != "the")


def role_swap(old: str, new: str) -> Swap | None:
    """Two parties that traded places round a verb, the rest of the sentence the same
    ("Arsenal beat Chelsea 2-1" -> "Chelsea beat Arsenal 2-1", "The city sued the
    contractor" -> "The contractor sued the city"), or the two ends of a route ("from Paris
    to London" -> "from London to Paris"): who did what to whom changed. Not a
    phrase that moved with nothing between ("On Monday, the council met" -> "The council
    met on Monday"), nor a swap round a word that makes no roles (``_SYMMETRIC``)."""
    a, b = _role_words(old), _role_words(new)
    if len(a) != len(b) or sorted(w.lower for w in a) != sorted(w.lower for w in b):
        return None
    words_a, words_b = [w.lower for w in a], [w.lower for w in b]
    start, end = 0, len(a)
    while start < end and words_a[start] == words_b[start]:
        start += 1
    while end > start and words_a[end - 1] == words_b[end - 1]:
        end -= 1
    split = _swap_split(words_a[start:end], words_b[start:end])
    if split is None:
        return None
    first, verb = split
    # Words both parties share at their edges go with them ("the red team beat the blue
    # team", "Councillor Marsh suspended Councillor Idris"), not with the verb; a verb
    # both clauses share stays ("a man was held after a woman was stabbed").
    while (
        verb > 1
        and end < len(a)
        and words_a[start + first] == words_a[end]
        and words_a[end] not in _AUX_WORDS
    ):
        first, end = first + 1, end + 1
        verb -= 1
    while verb > 1 and start > 0 and words_a[start + first + verb - 1] == words_a[start - 1]:
        start, first = start - 1, first + 1
        verb -= 1
    second = end - start - first - verb
    parties = (words_a[start : start + first], words_a[end - second : end])
    between = words_a[start + first : start + first + verb]
    if max(first, second) > _MAX_PARTY or not all(_party(p) for p in parties):
        return None
    if len(between) == 1 and start > 0 and (words_a[start - 1], between[0]) in _DIRECTIONS:
        # Told from the word that opens the route: "from Paris to London".
        was = old[a[start - 1].start : a[end - 1].end]
        now = new[b[start - 1].start : b[end - 1].end]
        if _numbers(was) or _ROLE_BREAK().search(was) or _ROLE_BREAK().search(now):
            return None  # figures or dates that traded places are number changes
        return Swap("direction reversed", was, now)
    if between[0] in _NOT_A_VERB or not _SYMMETRIC.isdisjoint(between) or set(between) <= _COPULA:
        return None
    was = _role_span(old, a[start], a[end - 1])
    now = _role_span(new, b[start], b[end - 1])
    if _ROLE_BREAK().search(was) or _ROLE_BREAK().search(now):
        return None
    return Swap("roles swapped", was, now)


def _swap_split(old: list[str], new: list[str]) -> tuple[int, int] | None:
    """How ``old`` reads as party, verb, party with ``new`` the parties the other way round:
    the length of the first party and of the verb (the shortest verb), or ``None``."""
    size = len(old)
    for verb in range(1, min(size - 1, _MAX_VERB + 1)):
        for first in range(1, size - verb):
            x, v, y = old[:first], old[first : first + verb], old[first + verb :]
            if x != y and new == y + v + x:
                return first, verb
    return None


def _party(words: list[str]) -> bool:
    """Whether words can name one party: a word that is no figure, and no preposition first."""
    return words[0] not in _NOT_A_VERB and any(
        w.isalpha() and w not in _NUMBER_WORD_TOKENS for w in words
    )


def _role_span(text: str, first: _Word, last: _Word) -> str:
    """The text from the first party to the last, with a "the" that opens it."""
    start = first.start
    if (
        text[max(0, start - 4) : start].lower() == "the "
        and not text[start - 5 : start - 4].isalnum()
    ):
        start -= 4
    return text[start : last.end]
