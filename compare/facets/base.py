"""What every facet module shares: the kinds of change and their severity, how a change is
made, described and sorted, the ``Cue`` record of hedges and negations, and the word helpers
(``_wordset``, ``_whole_word``, ``_token_set``, ``_words``, ``_singular``).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from compare.model import Change, _Record, _set
from compare.model import ChangeAction as ChangeAction  # (re-exported: the facets import it here)
from compare.text import lazy_pattern

if TYPE_CHECKING:
    from dataclasses import dataclass as record
else:
    # The records of the facets (Cue, Quote, Attribution, Facets) are compare.model's
    # records: as frozen dataclasses, each class cost ~0.5 ms to make at every start (the
    # dataclass compiles its methods from source), ~20M instructions of the facets
    # worker's import for the four. Each writes its own ``__init__`` (they are made by the
    # hundred), with the dataclass's parameters.
    from compare.model import record


class _FacetRecord(_Record):
    """A record of the facets (see ``record`` above), compared and hashed as its dataclass
    was, by its fields, but faster than ``_Record``'s generic methods (~0.4 us for ~0.15):
    the comparison of a sentence pair compares and hashes them by the thousand (~9M
    instructions more at the 2,000-paragraph pair of benchmarks/speed.py). Its ``__dict__``
    holds its fields, in order, and nothing else (each ``__init__`` sets it so)."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self.__dict__.values()))


#: The kinds the facets make: compare.model.ChangeKind but "note", which compare/notes.py
#: makes (tests/test_framing.py holds the two lists together).
ChangeKind = Literal[
    "number",
    "quote",
    "attribution",
    "hedge",
    "negation",
    "name",
    "roles",
    "status",
    "framing",
    "paragraph",
]

#: Severity of each kind of change: 1 is what readers care most about.
SEVERITY: dict[str, int] = {
    "number": 1,
    "quote": 1,
    "negation": 1,
    "roles": 1,
    "status": 1,
    "paragraph": 1,
    "attribution": 2,
    "hedge": 2,
    "framing": 2,
    "name": 3,
}


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Words that give a verb its tense, mood or voice ("has sued", "did not", "could win").
_AUX_WORDS = _wordset(
    "is are was were be been am has have had do does did will would can could shall should "
    "may might must"
)
#: The forms of "be" that make a passive ("was killed", "has been charged").
_PASSIVE = _wordset("was were been being be is are")
#: What may stand before the thing a verb is done to ("eating the fish", "drink your water",
#: "voted for some changes").
_DETERMINERS = _wordset("the a an this that these those its their his her your our my some any")


_KIND_ORDER = {
    "number": 0,
    "quote": 1,
    "negation": 2,
    "roles": 3,
    "status": 4,
    "attribution": 5,
    "hedge": 6,
    "framing": 7,
    "name": 8,
    "paragraph": 9,
}


@record(frozen=True, eq=False, repr=False)
class Cue(_FacetRecord):
    """A hedge, certainty marker or negation as written, with its class."""

    text: str
    """The cue with a word of context ("did not", "reportedly")."""
    group: str
    """Cues of one group mean the same ("may", "might" and "could" are ``possibility``)."""
    before: tuple[str, ...] = ()
    """The words before the cue, nearest first, to find its place in the other version."""
    counterpart: str = ""
    """For a negation, what the words say without it ("did" for "did not", "will" for
    "won't"); empty when that depends on the other version ("denied" replaced a verb)."""
    abroad: bool = False
    """Read by the rules of another language (``compare.facets.abroad``)."""

    def __init__(
        self,
        text: str,
        group: str,
        before: tuple[str, ...] = (),
        counterpart: str = "",
        abroad: bool = False,
    ) -> None:
        _set(
            self,
            "__dict__",
            {
                "text": text,
                "group": group,
                "before": before,
                "counterpart": counterpart,
                "abroad": abroad,
            },
        )


_SCAN_TOKEN = lazy_pattern(r"[a-z]+")


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@lru_cache(maxsize=16384)
def _token_set(lower: str) -> frozenset[str]:
    """The words of a lower-cased text, for cheap "could this hold X" tests."""
    if lower.isascii():  # the same words, at a fraction of the cost of the regex
        return frozenset(lower.encode().translate(_NOT_LETTER_TO_SPACE).decode().split())
    return frozenset(_SCAN_TOKEN().findall(lower))


#: Every byte outside ``_SCAN_TOKEN``'s letters, mapped to a space (bytes.translate is
#: several times faster than str.translate).
_NOT_LETTER_TO_SPACE = bytes(code if 97 <= code <= 122 else 32 for code in range(256))


def _whole_word(text: str, word: str) -> list[int]:
    """Where ``word`` stands as a whole word in ``text`` (str.find beats a regex here)."""
    found: list[int] = []
    position = text.find(word)
    while position != -1:
        end = position + len(word)
        if (position == 0 or not text[position - 1].isalpha()) and (
            end == len(text) or not text[end].isalpha()
        ):
            found.append(position)
        position = text.find(word, end)
    return found


_WORDS = lazy_pattern(r"[\w']+")
#: Every byte outside ``_WORDS``'s ASCII characters, mapped to a space.
_NOT_WORD_TO_SPACE = bytes(
    code if chr(code).isascii() and (chr(code).isalnum() or chr(code) in "_'") else 32
    for code in range(256)
)


def _words(text: str) -> list[str]:
    """``_WORDS().findall(text)``; for ASCII text, bytes.translate and split are faster."""
    if text.isascii():
        return text.encode().translate(_NOT_WORD_TO_SPACE).decode().split()
    return _WORDS().findall(text)


def _change(
    kind: ChangeKind,
    action: ChangeAction,
    old: str | None,
    new: str | None,
    sentence: int,
    detail: str,
) -> Change:
    return Change(kind, action, old, new, SEVERITY[kind], sentence, detail)


def _describe(action: ChangeAction, what: str, old: str | None, new: str | None) -> str:
    if action == "changed":
        return f'{what}: "{old}" → "{new}"'
    return f'{what} {action}: "{new if action == "added" else old}"'


def _sort(changes: Iterable[Change]) -> list[Change]:
    return sorted(changes, key=lambda c: (c.severity, c.sentence, _KIND_ORDER[c.kind]))
