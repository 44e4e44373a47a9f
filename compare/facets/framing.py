"""Framing: the word a version chooses for a group, a government, an act or a place changed
("protesters" -> "rioters", "government" -> "regime", "fighters" -> "terrorists",
"migrants" -> "illegal immigrants", "killed" -> "murdered", "occupied" -> "disputed").

Each family lists its words in groups; words of one group name the same thing the same way
("protesters", "demonstrators"), words of two groups name it another way. A sentence pair
gives a change when, in one family, one group's words are fewer in NEW and another group's
are more, and one of each stands in the other's place (the same word before or after it).
A word that only came or only went frames nothing by itself (a sentence that adds "rioters"
beside "protesters" tells of both), but a place's does: "the occupied West Bank" -> "the
West Bank" drops the place's framing. A plain word for people ("people", "crowd", "fans")
that a loaded word of a family stands in for frames them ("a crowd" -> "a mob", "40
people" -> "40 illegal immigrants"; ``_PLAIN``).
Words inside quotations are the speaker's (their change is a quote change): they are
masked before this is read.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from compare.facets.base import _WORDS, ChangeAction, _change, _describe, _words, _wordset
from compare.model import Change
from compare.text import lazy_pattern


def _group(terms: str) -> tuple[str, ...]:
    """A group's terms, written one string apart by commas."""
    return tuple(term.strip() for term in terms.split(","))


#: Each family's groups of words. Singular and plural are one group; words that are also
#: everyday verbs or months ("march", "rally", "strike") are left out.
_FAMILIES: dict[str, tuple[tuple[str, ...], ...]] = {
    "crowd": (
        _group(
            "protester, protesters, protestor, protestors, demonstrator, demonstrators, "
            "marchers, campaigner, campaigners, activist, activists"
        ),
        _group("rioter, rioters, mob, mobs, looter, looters, thug, thugs, hooligan, hooligans"),
    ),
    "unrest": (
        _group("protest, protests, demonstration, demonstrations"),
        _group("riot, riots, rioting"),
    ),
    "armed": (
        _group(
            "fighter, fighters, gunmen, rebel, rebels, insurgent, insurgents, guerrilla, "
            "guerrillas, militia, militias, militiamen"
        ),
        _group("militant, militants"),
        _group("terrorist, terrorists, jihadist, jihadists, extremist, extremists"),
        _group("freedom fighter, freedom fighters"),
    ),
    "migrants": (
        _group("migrant, migrants, immigrant, immigrants"),
        _group("refugee, refugees, asylum seeker, asylum seekers, asylum-seeker, asylum-seekers"),
        _group(
            "illegal immigrant, illegal immigrants, illegal migrant, illegal migrants, "
            "illegal alien, illegal aliens, illegals"
        ),
        _group(
            "undocumented immigrant, undocumented immigrants, undocumented migrant, "
            "undocumented migrants, irregular migrant, irregular migrants"
        ),
    ),
    "rulers": (
        _group("government, governments, administration, authorities"),
        _group("regime, regimes, junta, juntas"),
    ),
    "killing": (
        _group("killed, killing, killings"),
        _group("murdered, murder, murders"),
        _group("massacred, massacre, massacres, slaughtered, slaughter"),
        _group("executed, execution, executions"),
        _group("assassinated, assassination"),
    ),
    "territory": (("occupied",), ("disputed",), ("annexed",), ("liberated",)),
    "abortion": (
        ("anti-abortion",),
        ("pro-life",),
        _group("pro-choice, abortion-rights, abortion rights"),
    ),
}

#: Plain words for people in a family's place, and the family's groups that load them:
#: "a crowd" -> "a mob", "fans" -> "hooligans", "40 people" -> "40 illegal immigrants"
#: frame them; "a crowd" -> "protesters" or "people" -> "migrants" says what they are
#: (the family's first group, its plainest, loads nothing).
_PLAIN: dict[str, frozenset[str]] = {
    "crowd": _wordset("crowd crowds people fans supporters spectators youths"),
    "armed": _wordset("people men"),
    "migrants": _wordset("people"),
}

#: The families' names, in order.
FAMILIES = tuple(_FAMILIES)
#: Each term (lower case) with its family and group.
_TERMS: dict[str, tuple[str, int]] = {
    term: (family, group)
    for family, groups in _FAMILIES.items()
    for group, terms in enumerate(groups)
    for term in terms
}
#: Every word the terms are made of: a sentence pair whose differing words hold none of
#: them cannot have changed its framing (most pairs; nothing else is read).
CUES = frozenset(word for term in _TERMS for word in term.replace("-", " ").split())
#: Participles a term may be joined to as the first half of a compound ("government-
#: backed militias" -> "regime-backed militias"); any other hyphen makes another word
#: ("anti-government" frames no government).
_JOINED = "backed|run|led|controlled|held|linked|aligned|affiliated|allied|sponsored|funded"
#: The terms, longest first ("freedom fighters" before "fighters"), as whole words, with
#: the words either side of them (to find the word another stood in for).
_TERM = lazy_pattern(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(term) for term in sorted(_TERMS, key=len, reverse=True))
    + rf")(?:(?![\w-])|(?=-(?:{_JOINED})\b))",
    re.IGNORECASE,
)
#: What "occupied", "disputed", "annexed" or "liberated" must stand before to frame a
#: place: a name ("the occupied West Bank") or one of these ("the disputed territory"),
#: not a seat, a pitch or a penalty.
_PLACES = _wordset(
    "territory territories land lands area areas region regions zone zones border "
    "borders island islands province provinces city town towns village villages "
    "district districts heights strip peninsula"
)
#: Animals whose killing is their slaughter: "killed" -> "slaughtered" frames nothing.
_ANIMALS = _wordset(
    "animal animals sheep cattle cows cow pigs pig chickens birds poultry livestock "
    "deer badgers badger horses horse fish lambs"
)
#: Words before "regime" that make it a set of rules, not a government ("tax regime").
_RULES = _wordset(
    "tax fiscal regulatory sanctions training fitness exercise diet dietary treatment "
    "drug drugs medication visa trade tariff customs inspection inspections testing "
    "pricing licensing planning safety compliance reporting pension benefits welfare "
    "immigration border sentencing"
)


class _Term(NamedTuple):
    text: str
    family: str
    group: int
    before: str
    """The word before it, lower case ("" at the start)."""
    after: str
    """The word after it as written ("" at the end): its capital tells a place ("the
    occupied West Bank")."""


def _word_set(text: str) -> set[str]:
    return set(_words(text.lower()))


@lru_cache(maxsize=4096)
def _terms(text: str) -> tuple[_Term, ...]:
    """The framing terms of ``text`` as written, in order, with their family, group and the
    words either side; terms that name something else here are left out (see ``_frames``)."""
    found = []
    for match in _TERM().finditer(text):
        family, group = _TERMS[" ".join(match.group(0).lower().split())]
        before = _words(text[max(0, match.start() - 40) : match.start()])
        after = _WORDS().search(text, match.end())
        found.append(
            _Term(
                match.group(0),
                family,
                group,
                before[-1].lower() if before else "",
                after.group(0) if after else "",
            )
        )
    return tuple(term for term in found if _frames(term, text))


def _frames(term: _Term, text: str) -> bool:
    """Whether ``term`` frames what the family is about where it stands in ``text``."""
    if term.family == "territory":
        return term.after[:1].isupper() or term.after.lower() in _PLACES
    if term.family == "rulers" and term.text.lower().startswith("regime"):
        return term.before not in _RULES
    if term.family == "killing":
        if term.after.lower() == "off":  # "killed off the game"
            return False
        return _ANIMALS.isdisjoint(_word_set(text))
    return True


def _place_word_dropped(
    terms: tuple[_Term, ...], other: str, action: ChangeAction, sentence: int
) -> list[Change]:
    """A place's framing word that went with the place left as it was ("the occupied West
    Bank" -> "the West Bank": removed; the other way, added). Other families' words that
    only went frame nothing alone; a place's adjective is the whole of its framing."""
    places = [t for t in terms if t.family == "territory" and t.after]
    if not places:
        return []
    words = _words(other.lower())
    joined = set(pairwise(["", *words]))  # ("", first word): a place opening the sentence
    changes = []
    for term in places:
        # The words either side now stand together in the other version.
        if (term.before, term.after.lower()) not in joined:
            continue
        was, now = (term.text, None) if action == "removed" else (None, term.text)
        changes.append(
            _change("framing", action, was, now, sentence, _describe(action, "framing", was, now))
        )
    return changes


def _stood_in(lost: list[_Term], gained: list[_Term]) -> tuple[_Term, _Term] | None:
    """A word that went and one that came in its place: with the same word before it or
    after it ("two protesters were" -> "two rioters were"); ``None`` when none did (the
    one word went from one part of the sentence and the other came to another)."""
    for was in lost:
        for now in gained:
            if (was.before.lower() == now.before.lower()) or (
                was.after and was.after.lower() == now.after.lower()
            ):
                return was, now
    return None


def reordered(was: str, now: str, old: str, new: str) -> bool:
    """Whether term ``was`` of sentence ``old`` and term ``now`` of sentence ``new`` are the
    same words in another order: each sentence holds the other's term's words ("legal and
    illegal migrants" / "illegal and legal migrants" read "illegal migrants" / "migrants")."""
    return _word_set(was) <= _word_set(new) and _word_set(now) <= _word_set(old)


def terms_by_family(text: str) -> dict[str, tuple[tuple[str, int], ...]]:
    """The framing terms of ``text`` (its quotations masked by the caller) by family, in
    the families' order: each term as written, in reading order, with its group's index
    (see ``group_name``)."""
    found = _terms(text)
    if not found:
        return {}
    return {
        family: tuple((term.text, term.group) for term in found if term.family == family)
        for family in _FAMILIES
        if any(term.family == family for term in found)
    }


def family_of(word: str) -> str | None:
    """The family of a term ("rioter": "crowd"), or ``None`` for a word of none."""
    found = _TERMS.get(word.lower())
    return found[0] if found else None


def named_the_same(old: str, new: str) -> bool:
    """Whether two phrases differ only by words that name one body the same way, each in
    the other's place ("The administration said" / "The government said", "Protesters" /
    "Demonstrators"; ``_SAME_BODY``). Words of one framing group may name others: "the
    authorities" are often the police, not the government; campaigners and activists are
    not protesters."""
    a, b = _terms(old), _terms(new)
    if not a or len(a) != len(b):
        return False
    if not all(_one_body(x.text, y.text) for x, y in zip(a, b, strict=True)):
        return False
    return _TERM().sub(" ", old).lower().split() == _TERM().sub(" ", new).lower().split()


#: Words that name one body the same way.
_SAME_BODY = (
    _wordset("government governments administration"),
    _wordset("regime regimes junta juntas"),
    _wordset("protester protesters protestor protestors demonstrator demonstrators marchers"),
)


def _one_body(x: str, y: str) -> bool:
    x, y = x.lower(), y.lower()
    return x == y or any(x in body and y in body for body in _SAME_BODY)


def group_name(family: str, group: int) -> str:
    """What group ``group`` of ``family`` is called: its first word ("protester", "rioter",
    "government", "regime", "illegal immigrant")."""
    return _FAMILIES[family][group][0]


def framing_changes(old: str, new: str, sentence: int) -> list[Change]:
    """The framing changes between two versions of a sentence (quotations masked): per
    family, the one group that lost words and the one that gained them, one of each in the
    other's place."""
    before, after = _terms(old), _terms(new)
    changes = _place_word_dropped(before, new, "removed", sentence)
    changes += _place_word_dropped(after, old, "added", sentence)
    if not before and not after:
        return changes
    for family in dict.fromkeys(term.family for term in (*before, *after)):
        counts = Counter(term.group for term in before if term.family == family)
        counts.subtract(term.group for term in after if term.family == family)
        lost = [g for g, n in counts.items() if n > 0]
        gained = [g for g, n in counts.items() if n < 0]
        if family in _PLAIN and len(lost) + len(gained) == 1 and (lost + gained)[0]:
            # (A loaded word alone came or went: a plain word may have stood in its place.)
            plain = _plain_stood_in(family, (lost + gained)[0], bool(gained), old, new)
            if plain is not None:
                was, now = plain
                changes.append(
                    _change(
                        "framing",
                        "changed",
                        was,
                        now,
                        sentence,
                        _describe("changed", "framing", was, now),
                    )
                )
            continue
        if len(lost) != 1 or len(gained) != 1:
            continue  # nothing stood in for anything, or too much moved to say which
        pair = _stood_in(
            [term for term in before if term.family == family and term.group == lost[0]],
            [term for term in after if term.family == family and term.group == gained[0]],
        )
        if pair is None:
            continue
        was, now = pair[0].text, pair[1].text
        if reordered(was, now, old, new):
            continue  # the same words, another order ("legal and illegal migrants")
        action: ChangeAction = "changed"
        changes.append(
            _change("framing", action, was, now, sentence, _describe(action, "framing", was, now))
        )
    return changes


def _plain_stood_in(
    family: str, group: int, gained: bool, old: str, new: str
) -> tuple[str, str] | None:
    """A term of ``group`` that came (``gained``) in place of a plain word for people that
    went ("a crowd gathered" -> "a mob gathered"), or went with a plain word in its place:
    the same word before or after both, the plain word fewer in the version with the term.
    The pair as (old, new), or ``None``."""
    with_term, without = (new, old) if gained else (old, new)
    terms = [t for t in _terms(with_term) if t.family == family and t.group == group]
    plain = Counter(w for w in _words(without.lower()) if w in _PLAIN[family])
    plain.subtract(w for w in _words(with_term.lower()) if w in _PLAIN[family])
    if not terms or not +plain:
        return None
    words = _words(without)
    for term in terms:
        for k, word in enumerate(words):
            if plain[word.lower()] <= 0:
                continue
            before = words[k - 1].lower() if k else ""
            after = words[k + 1].lower() if k + 1 < len(words) else ""
            if before == term.before or (after and after == term.after.lower()):
                return (word, term.text) if gained else (term.text, word)
    return None
