"""A name swapped where it opens a sentence ("Whitaker was held" -> "Hargreaves was held"): a
one-word opener is taken for a name only when more than its capital says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

from compare.facets.attributions import _BETWEEN_AUX_AND_VERB, _VERBS
from compare.facets.base import _AUX_WORDS, _change, _describe, _token_set, _wordset
from compare.facets.names import _COMMON, _MONTH_WORDS, _NUMBER_WORDS, _POSSESSIVE, _TITLES
from compare.facets.negations import _NEGATION_TRIGGERS, _NEXT_WORD
from compare.model import Change
from compare.text import lazy_pattern


def _opener(text: str) -> str:
    """The word that opens a sentence, without quotes or brackets before it."""
    return text.split(" ", 1)[0].strip("\"'([-").rstrip(",:;.!?")


def _opener_change(
    old: str, new: str, sentence: int, capitals: _MidSentenceCapitals
) -> list[Change]:
    """A name swapped for another where it opens a sentence that is otherwise the same
    ("Whitaker was held" -> "Hargreaves was held"). ``_names`` leaves a one-word opener
    out, as most are common words ("Turnout was lower", "Demand soars"), and no list holds
    them all: one is taken for a name only when it is not a known common word on either
    side, nor written in lower case in the other sentence, and something else says it is
    one: an age after it ("Nowak, 52, said"), what only befalls a person ("Jones was
    arrested"), or a capital letter where it stands inside a sentence of either version ("Mr
    Whitaker"). A lone headline ("Kowalski resigns") has no such evidence."""
    was, now = _opener(old), _opener(new)
    if not (_name_like(was, new) and _name_like(now, old) and _opens_a_clause(old)):
        return []
    if not (_named_elsewhere(was, old, capitals) and _named_elsewhere(now, new, capitals)):
        return []
    # A plural noun ("Survivors were taken") is no name: a surname ending in -s ("Hargreaves
    # was held") takes a verb in the singular.
    if (_plural_looking(was) or _plural_looking(now)) and not _singular_verb_after(old):
        return []
    was, now = _POSSESSIVE().sub("", was), _POSSESSIVE().sub("", now)
    return [_change("name", "changed", was, now, sentence, _describe("changed", "name", was, now))]


class _MidSentenceCapitals:
    """The words that two versions write with a capital inside a sentence (lower case,
    without a possessive), found only when an opener could be a name."""

    def __init__(self, sentences: Iterable[str]) -> None:
        self.sentences = sentences

    @cached_property
    def words(self) -> frozenset[str]:
        """Those words."""
        return frozenset(
            _POSSESSIVE().sub("", word).lower()
            for sentence in self.sentences
            for word in _CAPITAL_INSIDE().findall(sentence)
        )


#: A capitalised word after a word or a comma inside a sentence ("said Mr Whitaker").
_CAPITAL_INSIDE = lazy_pattern(r"(?<=[\w,;:)] )[A-Z][\w'-]*")
#: What only a person's name opens a sentence with: an age ("Nowak, 52, said"), or being
#: arrested, charged, jailed ... ("Brannigan was questioned by detectives").
_PERSON_AFTER_OPENER = lazy_pattern(
    r"\S+(?:, \d{1,3},| (?:was|has been|had been|is being|was being) (?:arrested|questioned|"
    r"charged|detained|jailed|sentenced|convicted|acquitted|interviewed|elected|appointed|"
    r"born|bailed|remanded|extradited|deported|fined|sacked|suspended|knighted)\b)"
)


def _named_elsewhere(opener: str, sentence: str, capitals: _MidSentenceCapitals) -> bool:
    """Whether more than the capital of a sentence's first word says it is a name (see
    ``_opener_change``)."""
    return bool(_PERSON_AFTER_OPENER().match(sentence)) or (
        _POSSESSIVE().sub("", opener).lower() in capitals.words
    )


def _opens_a_clause(text: str) -> bool:
    """Whether a sentence's opening word is its subject, not a noun's modifier: a verb, a
    comma or a possessive follows it ("Whitaker was held", "Kowalski resigns", "Nowak, 52,
    said"), not a plural noun ("Business owners said")."""
    first, _, rest = text.partition(" ")
    if first.endswith((",", "'s")):
        return True
    following = _NEXT_WORD().match(rest)
    word = following.group(1).lower() if following else ""
    return (
        word in _AUX_WORDS
        or word in _VERBS
        or word in _NEGATION_TRIGGERS
        or word in _BETWEEN_AUX_AND_VERB
        or word.endswith("ed")
        or (word.endswith("s") and not word.endswith(_PLURAL_NOUN_ENDINGS))
    )


#: Endings of plural nouns that look like a verb in the present ("owners", "officials").
_PLURAL_NOUN_ENDINGS = ("ers", "ors", "ists", "als", "ents", "ants", "ians", "ees", "ss")


#: Pronouns that open sentences ("Nothing was taken"), which _COMMON does not list.
_PRONOUN_OPENERS = _wordset(
    "nothing neither either something someone somebody everything everyone "
    "everybody anything anyone anybody"
)


#: Common nouns that open news sentences and headlines in the singular ("Smoke could be
#: seen", "Storm kills 12"); a name is only assumed for a word that is none of these.
_COMMON_OPENERS = _wordset(
    """
    storm blizzard hurricane typhoon cyclone tornado flood flooding fire blaze wildfire smoke
    snow rain hail wind ice fog frost heat drought earthquake quake tremor landslide mudslide
    avalanche tsunami eruption lightning thunder water power electricity gas oil fuel food
    damage debris rubble wreckage explosion blast crash collision accident attack violence
    fighting war conflict unrest protest riot strike shooting gunfire stabbing murder crime
    traffic congestion transport rail road flight shipping trade industry business
    inflation unemployment growth debt tax funding money cash aid help support evidence
    investigation inquiry trial court parliament congress government council police army
    navy military security safety health education housing crowd team staff management
    leadership opposition coalition party union company firm bank market economy energy
    disease virus outbreak infection pandemic illness injury death destruction
    confusion panic anger outrage concern fear alarm relief praise criticism pressure
    tension talk talks news word footage video audio data information testimony
    passenger driver pilot victim survivor suspect man woman boy
    girl child baby teenager officer soldier doctor nurse patient resident witness
    """
)

#: Endings of common nouns that names rarely have ("Destruction", "Management").
_COMMON_NOUN_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ism", "ship")


def _plural_looking(word: str) -> bool:
    """Whether a word ends like a plural noun ("Survivors", "Casualties", "Flames")."""
    low = _POSSESSIVE().sub("", word).lower()
    return low.endswith("s") and not low.endswith(("ss", "us", "is"))


#: Verbs that agree with one person: a plural noun cannot take them.
_SINGULAR_VERBS = _wordset("was is has does wasn't isn't hasn't doesn't")


def _singular_verb_after(text: str) -> bool:
    """Whether the word after a sentence's opener is a verb in the singular ("Hargreaves
    was held", "Jones resigns"), which a plural noun cannot take."""
    following = _NEXT_WORD().match(text.partition(" ")[2])
    word = following.group(1).lower() if following else ""
    return word in _SINGULAR_VERBS or (
        word.endswith("s") and not word.endswith(("ss", "us")) and word not in _AUX_WORDS
    )


def _name_like(word: str, other: str) -> bool:
    """Whether a sentence's opening word can be a name (see ``_opener_change``)."""
    low = _POSSESSIVE().sub("", word).lower()
    return (
        word[:1].isupper()
        and len(low) > 1
        and low.isalpha()
        and low not in _COMMON
        and low not in _COMMON_OPENERS
        and not low.endswith(_COMMON_NOUN_ENDINGS)
        and low not in _NUMBER_WORDS
        and low not in _MONTH_WORDS
        and low not in _TITLES
        and low not in _PRONOUN_OPENERS
        and not low.endswith("ly")
        and low not in _token_set(other.lower())
    )
