"""Names: capitalised spans that name someone or something, their keys ("U.S." is "US", "Mr
Smith" is "Smith"), initials, and names compared between versions; German's capitalised
nouns set aside (``without_german_nouns``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache

from compare.datelines import may_open_dateline as _may_open_dateline
from compare.datelines import opening_dateline
from compare.facets.base import _change, _describe, _whole_word, _wordset
from compare.facets.figure_patterns import (
    _FRACTION_WORDS,
    _ORDINALS,
    _TENS,
    _UNITS,
    _VAGUE,
    _WEEKDAYS,
)
from compare.model import Change
from compare.text import _ALWAYS_FOLLOWED, _AMBIGUOUS, lazy_pattern

_NAME_WORD = r"(?:[A-Z]\.){2,}|(?:Mc|Mac|O')?[A-Z][\w'-]*\.?"
# Every name word starts with a capital, and the first one is matched first, with what
# must not stand before it read behind it: a pattern that opens with a set of characters
# has the engine skip to the next one in C, where one that opens with a lookaround is tried
# at every character (the names of the speed benchmark's and the facets sets' 6,518 texts:
# 22 -> 13 ms, the same matches). After the first capital, the rest of ``_NAME_WORD``
# ("Mc" and "O'" are letters and an apostrophe that ``[\w'-]*`` reads as well).
_NAME = lazy_pattern(
    r"[A-Z](?<![\w'][A-Z])(?:\.(?:[A-Z]\.)+|[\w'-]*\.?)"
    rf"(?:\s+(?:(?:of|de|la|le|van|von|der|den|del|da|di|du|al|bin|ibn)"
    rf"(?:\s+the)?\s+)?(?:{_NAME_WORD}))*"
)
_COMMON = _wordset(
    """
    the a an he she it they we i you this that these those there here his her their its our
    my your in on at by for from with without of to as but and or so yet if when while after
    between among across against along amid under over into onto through throughout within
    near behind beyond inside outside toward towards upon via like unlike
    before since during despite although though because until unless however meanwhile
    earlier later yesterday today tonight tomorrow last next now then also still even only
    instead asked according some many most several both all each every no none nobody one
    two three four five six seven eight nine ten what who why how where which whether it's
    that's there's police officials residents witnesses firefighters authorities rescuers
    investigators protesters doctors prosecutors lawmakers analysts experts critics
    supporters officers workers voters shares prices sales schools hospitals families
    neighbours neighbors parents students teachers staff troops soldiers forces emergency
    rescue local state federal government ministers minister spokesman spokeswoman
    spokesperson sources reports more fewer about around nearly almost just under over
    once another other others such much few little first second third new old
    mps meps ceo cfo tv gdp ai mp gbh abh
    mr mrs ms dr sir dame president senator governor mayor judge prime chief general
    speaking separately elsewhere overall together finally already again
    additional reporting writing editing
    """
)
_TITLES = _wordset(
    "mr mr. mrs mrs. ms ms. dr dr. sir dame president senator sen. governor gov. mayor judge "
    "prime minister chief general gen. rep. representative secretary inspector detective "
    "superintendent sergeant officer captain professor prof. lord lady king queen prince "
    "princess pope bishop councillor cllr chancellor sheriff commissioner colonel lieutenant "
    "mp"
)
_MONTH_WORDS = _wordset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
) | frozenset(_WEEKDAYS)


_NUMBER_WORDS = (
    frozenset(_UNITS) | frozenset(_TENS) | frozenset(_ORDINALS) | frozenset(_FRACTION_WORDS)
) | frozenset((*_VAGUE, "dozen", "half", "a"))


@lru_cache(maxsize=8192)
def _names(text: str) -> tuple[str, ...]:
    found: list[str] = []
    # A match opens the sentence when only quotes, brackets and dashes stand before it, or
    # a wire's dateline, whose names say where and by whom the story was filed: a rewrite
    # that drops "OSKAVA, Teravia (Pellar Wire) —" removes no name from the story.
    opening = len(text) - len(text.lstrip(" \"'([-"))
    dateline = opening_dateline(text) if _may_open_dateline(text) else None
    if dateline is not None:
        opening = dateline.end()
    for m in _NAME().finditer(text, opening if dateline is not None else 0):
        if text[m.end() : m.end() + 1] == "$":
            continue  # a currency prefix ("US$"), not a name
        span = m.group(0)
        if ". " not in span:  # (most names: one piece)
            _add_name(found, span.split(), m.start() <= opening)
            continue
        for words, at_start in _sentence_pieces(span.split(), m.start() <= opening):
            _add_name(found, words, at_start)
    return tuple(dict.fromkeys(found))


def _sentence_pieces(words: list[str], at_start: bool) -> Iterator[tuple[list[str], bool]]:
    """The words of a match cut after each that ends a sentence ("A61." in "... on the
    A61. He was arrested ...": the sentences of a split or merge are read as one text), each
    piece with whether it opens a sentence; a title, an initial or a dotted abbreviation
    ("Sen.", "J.", "U.S.") ends none."""
    start = 0
    for k, word in enumerate(words[:-1]):
        if word[-1] == "." and not _abbreviation(word):
            yield words[start : k + 1], at_start
            start, at_start = k + 1, True
    yield words[start:], at_start


def _abbreviation(word: str) -> bool:
    stem = word.rstrip(".")
    return (
        len(stem) == 1
        or "." in stem
        or stem in _ALWAYS_FOLLOWED
        or stem in _AMBIGUOUS  # ("Warner Bros. Discovery", "St. Louis")
        or word.lower() in _TITLES
    )


def _add_name(found: list[str], words: list[str], at_start: bool) -> None:
    """Add to ``found`` the names in the words of one match of ``_NAME``."""
    while words and (
        (at_start or len(words) == 1)
        and (words[0].lower().rstrip(".") in _COMMON or words[0].lower() in _NUMBER_WORDS)
        and not (len(words) > 1 and words[0].lower() in _TITLES)
    ):
        words.pop(0)
        at_start = False
    while words and (words[-1].lower().rstrip(".") in _MONTH_WORDS or words[-1] in ("of",)):
        words.pop()
    while words and words[0].lower().rstrip(".") in _MONTH_WORDS:
        words.pop(0)
    if not words or (at_start and len(words) == 1 and not words[0].isupper()):
        return  # one capitalised word opening a sentence is usually not a name
    for part in _split_of(" ".join(words)):
        name = part.rstrip(".")
        if "'" in name:
            name = _POSSESSIVE().sub("", name)
        low = name.lower()
        if name in ("I", "Q") or low in _COMMON or low in _NUMBER_WORDS:
            continue
        if low in _MONTH_WORDS:
            continue  # "Thursday's meeting": a date, which the numbers tell
        found.append(name)


#: Words that take "of" inside one name ("Bank of England", "Court of Appeal").
_OF_HEADS = _wordset(
    "bank ministry department university court secretary minister council republic house "
    "office chamber board institute college school museum church city port isle duke "
    "duchess prince princess king queen state states kingdom chancellor leader speaker "
    "president commissioner director chief archbishop bishop mayor governor attorney "
    "academy society association federation union league party order district county "
    "province gulf bay sea lake cape island islands mount river"
)


_POSSESSIVE = lazy_pattern(r"'s?$")
_OF = lazy_pattern(r"\s+of\s+(?:the\s+)?")


def _split_of(span: str) -> list[str]:
    """Split "Capt. Luis Arroyo of the Millhaven Fire Department" into the person and the
    organisation; keep "Bank of England" whole."""
    if " of " not in span:  # most names (words joined by single spaces) hold no "of"
        return [span]
    parts = _OF().split(span)
    if len(parts) == 1:
        return parts
    out = [parts[0]]
    for part in parts[1:]:
        if out[-1].split()[-1].lower().rstrip(".") in _OF_HEADS:
            out[-1] = span[span.index(out[-1]) : span.index(part) + len(part)]
        else:
            out.append(part)
    return out


def _name_key(name: str) -> tuple[str, ...]:
    return tuple(w for w in _undotted(name.casefold()).split() if w not in _TITLES)


#: A full stop inside or ending an abbreviation ("u.s.", "u.k"): "U.S." and "US" are one name.
_ABBREVIATION_DOT = lazy_pattern(
    r"(?<=\b[^\W\d_])\.(?=[^\W\d_]\b)|(?<=\b[^\W\d_]\.[^\W\d_])\.(?!\w)"
)


def _undotted(text: str) -> str:
    """``text`` with its abbreviations written without full stops (lower case)."""
    return _ABBREVIATION_DOT().sub("", text) if "." in text else text


def _name_kept(
    key: tuple[str, ...], other_text: str, other_keys: Sequence[tuple[str, ...]]
) -> bool:
    """Whether a name (its ``_name_key``) is still there on the other side: written out in
    full, or as a shorter or longer form of one of its names ("Mr Smith", "Smith", "John
    Smith"), whose keys are ``other_keys``."""
    written = " ".join(key)
    # A whole word: "tomas berg" written inside "tomas bergman" is another name.
    if not key or (written in other_text and _whole_word(other_text, written)):
        return True
    words = set(key)
    for other in other_keys:
        other_words = set(other)
        if other_words and (words <= other_words or other_words <= words):
            return True
    return False


def _name_changes(
    old: Sequence[str], new: Sequence[str], old_text: str, new_text: str, sentence: int
) -> list[Change]:
    if set(old) == set(new):
        # Each name is written on the other side as it is: kept (``_name_kept`` finds its own
        # key among the other side's), no change. With the shortcut for such a name below:
        # 11.9M -> 10.7M instructions over the 138 of the 482 reworded pairs of the
        # 2,000-paragraph pair of benchmarks/speed.py that look for names (19 hold the same).
        return []
    old_lower, new_lower = old_text.casefold(), new_text.casefold()
    # Written without full stops on one side, "U.S." is found on the other as "us".
    if any("." in n for n in old):
        old_lower = _undotted(old_lower)
    if any("." in n for n in new):
        new_lower = _undotted(new_lower)
    old_keys = [_name_key(n) for n in old]
    new_keys = [_name_key(n) for n in new]
    # (A name written alike on the other side is kept, as above.)
    removed = [
        n
        for n, key in zip(old, old_keys, strict=True)
        if n not in new and not _name_kept(key, new_lower, new_keys)
    ]
    added = [
        n
        for n, key in zip(new, new_keys, strict=True)
        if n not in old and not _name_kept(key, old_lower, old_keys)
    ]
    if removed or added:
        # A titled name cut to its surname where one word opening a sentence is read as no
        # name ("Sergeant Rhian Moss was suspended" -> "Moss was suspended") stays.
        removed = [n for n in removed if not _by_surname(n, new_text, new_keys)]
        added = [n for n in added if not _by_surname(n, old_text, old_keys)]
        # A name spelt out from its initials, or cut to them ("EU", "European Union"), stays.
        for o, n in [(o, n) for o in removed for n in added if _initials_of(o, n)]:
            if o in removed and n in added:
                removed.remove(o)
                added.remove(n)
        # ("WHO" is no name where it opens the sentence, but it is written there.)
        removed = [n for n in removed if not _initials_in(n, new_text)]
        added = [n for n in added if not _initials_in(n, old_text)]
    # A name swapped for another in the same sentence ("Geneva" -> "Vienna") is one change.
    changes = [
        _change("name", "changed", o, n, sentence, _describe("changed", "name", o, n))
        for o, n in zip(removed, added, strict=False)
    ]
    changes += [
        _change("name", "removed", n, None, sentence, _describe("removed", "name", n, None))
        for n in removed[len(added) :]
    ]
    changes += [
        _change("name", "added", None, n, sentence, _describe("added", "name", None, n))
        for n in added[len(removed) :]
    ]
    return changes


def _by_surname(name: str, other_text: str, other_keys: Sequence[tuple[str, ...]]) -> bool:
    """Whether a person's name ("Dr Rhian Moss", "Daniel Harker") is written in
    ``other_text`` by its surname alone, capitalised ("Moss"; not "the park" for "Judge
    Ellen Park"), which no other name there holds."""
    words = name.split()
    titled = len(words) >= 2 and words[0].lower().rstrip(".") in _TITLES
    # Untitled, a person's name is two or three words written as names are ("Daniel
    # Harker"; not "Labour MP").
    person = 2 <= len(words) <= 3 and all(w.isalpha() and w.istitle() for w in words)
    if not (titled or person):
        return False
    surname = words[-1]
    return (
        not any(surname.casefold() in key for key in other_keys)
        and surname in other_text
        and bool(_whole_word(other_text, surname))
    )


_INITIALS_SKIP = _wordset("of the and for on in")


def _initials(name: str) -> str:
    """A name's initials ("European Union" -> "EU"; "of", "the", "and" have none)."""
    return "".join(w[:1].upper() for w in name.split() if w.lower() not in _INITIALS_SKIP)


def _initials_of(a: str, b: str) -> bool:
    """Whether one name is the other's initials ("EU" and "European Union", "BBC" and
    "British Broadcasting Corporation")."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    letters = short.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters == _initials(long)


def _initials_in(name: str, text: str) -> bool:
    """Whether ``text`` writes a name of two words or more by its initials."""
    letters = _initials(name)
    return len(letters) >= 2 and letters.isalpha() and bool(_whole_word(text, letters))


#: Articles and the prepositions German joins them to ("im", "zum"): no name opens with one.
_GERMAN_ARTICLES = _wordset(
    "der die das den dem des ein eine einen einem einer eines im am zum zur vom beim"
)


def without_german_nouns(changes: tuple[Change, ...], *languages: str | None) -> tuple[Change, ...]:
    """``changes`` less the "names" German's capitalised nouns make ("Die Stadt" -> "Die
    Gemeinde", "Bau der Brücke", "Prozent") when a version is German: there a name is two
    capitalised words or more, not opening with an article ("Till Henschke")."""
    if not any((language or "").lower().startswith("de") for language in languages):
        return changes

    def named(value: str | None) -> bool:
        words = (value or "A B").split()
        return (
            len(words) >= 2
            and words[0].lower() not in _GERMAN_ARTICLES
            and all(word[:1].isupper() for word in words)
        )

    return tuple(c for c in changes if c.kind != "name" or (named(c.old) and named(c.new)))
