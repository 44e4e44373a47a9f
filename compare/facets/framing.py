"""Framing: the word a version chooses for a group, a government, an act or a place changed
("protesters" -> "rioters", "government" -> "regime", "fighters" -> "terrorists",
"migrants" -> "illegal immigrants", "killed" -> "murdered", "occupied" -> "disputed").

Each family lists its words in groups; words of one group name the same thing the same way
("protesters", "demonstrators"), words of two groups name it another way. A sentence pair
gives a change when, in one family, one group's words are fewer in NEW and another group's
are more: the one word stood in for the other. A word that only came or only went frames
nothing by itself (a sentence that adds "rioters" beside "protesters" tells of both).
Words inside quotations are the speaker's (their change is a quote change): they are
masked before this is read.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from compare.facets.base import ChangeAction, _change, _describe
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
        _group("government, governments, administration, authorities, leadership"),
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
#: The terms, longest first ("freedom fighters" before "fighters"), as whole words; not
#: after a hyphen or before one ("anti-government" frames no government).
_TERM = lazy_pattern(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(term) for term in sorted(_TERMS, key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w']+", text.lower()))


@lru_cache(maxsize=4096)
def _terms(text: str) -> tuple[tuple[str, str, int], ...]:
    """The framing terms of ``text`` as written, in order, with their family and group."""
    return tuple(
        (found.group(0), *_TERMS[" ".join(found.group(0).lower().split())])
        for found in _TERM().finditer(text)
    )


def reordered(was: str, now: str, old: str, new: str) -> bool:
    """Whether term ``was`` of sentence ``old`` and term ``now`` of sentence ``new`` are the
    same words in another order: each sentence holds the other's term's words ("legal and
    illegal migrants" / "illegal and legal migrants" read "illegal migrants" / "migrants")."""
    return _words(was) <= _words(new) and _words(now) <= _words(old)


def terms_by_family(text: str) -> dict[str, tuple[tuple[str, int], ...]]:
    """The framing terms of ``text`` (its quotations masked by the caller) by family, in
    the families' order: each term as written, in reading order, with its group's index
    (see ``group_name``)."""
    found = _terms(text)
    if not found:
        return {}
    return {
        family: tuple((term, g) for term, f, g in found if f == family)
        for family in _FAMILIES
        if any(f == family for _, f, _ in found)
    }


def group_name(family: str, group: int) -> str:
    """What group ``group`` of ``family`` is called: its first word ("protester", "rioter",
    "government", "regime", "illegal immigrant")."""
    return _FAMILIES[family][group][0]


def framing_changes(old: str, new: str, sentence: int) -> list[Change]:
    """The framing changes between two versions of a sentence (quotations masked): per
    family, the one group that lost words and the one that gained them."""
    before, after = _terms(old), _terms(new)
    if not before or not after:
        return []
    changes = []
    for family in dict.fromkeys(f for _, f, _ in before):
        counts = Counter(g for _, f, g in before if f == family)
        counts.subtract(g for _, f, g in after if f == family)
        lost = [g for g, n in counts.items() if n > 0]
        gained = [g for g, n in counts.items() if n < 0]
        if len(lost) != 1 or len(gained) != 1:
            continue  # nothing stood in for anything, or too much moved to say which
        was = next(t for t, f, g in before if f == family and g == lost[0])
        now = next(t for t, f, g in after if f == family and g == gained[0])
        if reordered(was, now, old, new):
            continue  # the same words, another order ("legal and illegal migrants")
        action: ChangeAction = "changed"
        changes.append(
            _change("framing", action, was, now, sentence, _describe(action, "framing", was, now))
        )
    return changes
