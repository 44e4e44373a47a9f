"""Attributions: who says so, and how ("police said", "according to X", "claimed"): reporting
verbs, the source before or after them, when two sources are one, and attributions compared
between versions (a name and its title turned round, a list turned round, are none).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from compare.facets import abroad
from compare.facets.base import (
    _PASSIVE,
    _change,
    _describe,
    _FacetRecord,
    _singular,
    _token_set,
    _whole_word,
    _words,
    _wordset,
)
from compare.facets.figure_patterns import _WEEKDAYS
from compare.facets.names import _NUMBER_WORDS, _TITLES, _undotted
from compare.model import Change, _set
from compare.text import PEOPLE_NOUNS, lazy_pattern

if TYPE_CHECKING:
    from dataclasses import dataclass as record
else:
    from compare.model import record  # (a record: see compare.facets.base)


@record(frozen=True, eq=False, repr=False)
class Attribution(_FacetRecord):
    """One attribution: who says so, and how (a record: see compare.facets.base)."""

    verb: str
    """The verb as written ("said", "claimed", "according to")."""
    lemma: str
    """Its base form ("say", "claim", "according to")."""
    source: str | None
    """Who is credited ("police", "a spokesman for the ministry"), when found."""

    def __init__(self, verb: str, lemma: str, source: str | None) -> None:
        _set(self, "__dict__", {"verb": verb, "lemma": lemma, "source": source})

    @property
    def display(self) -> str:
        """The attribution as a reader would quote it ("police said", "according to X")."""
        if not self.source:
            return self.verb
        if self.lemma in ("according to", "cite"):
            return f"{self.verb} {self.source}"
        return f"{self.source} {self.verb}"


_VERBS: dict[str, str] = {}
for _lemma, _forms in {
    "say": "say says said saying",
    "tell": "tell tells told",
    "report": "reported reports",
    "claim": "claim claims claimed claiming",
    "allege": "allege alleges alleged alleging",
    "cite": "cite cites cited citing",
    "deny": "deny denies denied denying",
    "state": "stated",
    "confirm": "confirm confirms confirmed confirming",
    "announce": "announced announces",
    "insist": "insist insists insisted insisting",
    "admit": "admit admits admitted acknowledged acknowledges conceded concedes",
    "warn": "warned warns",
    "argue": "argued argues contended",
    "add": "added adds",
    "reply": "replied replies retorted",
    "note": "noted notes explained explains wrote writes posted tweeted stressed",
    "suggest": "suggested suggests",
    "accuse": "accused accuses",
    "testify": "testified",
    "boast": "boasted",
    "show": "show shows showed",
    "find": "find finds found",
    "conclude": "concluded concludes",
    "believe": "believe believes",  # "police believe" ("believed" is a hedge)
}.items():
    for _form in _forms.split():
        _VERBS[_form] = _lemma
#: Lemmas that only report speech; swapping one for another does not change meaning.
_NEUTRAL = frozenset(
    {
        "say",
        "tell",
        "state",
        "add",
        "note",
        "report",
        "according to",
        "testify",
        "announce",
        "reply",
    }
)
#: Nouns that "show" something on the record ("court records show").
_EVIDENCE = _wordset(
    "record document data figure filing statistic footage video image paper email minute poll "
    "survey study report analysis photo photograph"
)
#: Verbs that attribute only when they end the clause or introduce one ("she added.").
_CLAUSE_VERBS = frozenset({"add", "announce", "reply"})
_INVERTED_BEFORE = lazy_pattern(r"(?:\bQ\s*,?|,)\s*$")
_INVERTED_AFTER = lazy_pattern(r"\s+(?:[A-Z]|the\b|a\b|an\b)")
#: A source in lower case after the verb ("said fire chief X", "said police"), not an adverb
#: or a clause ("said quietly", "said on Monday", "said that"): the word after the verb, read
#: whole, is none of these. (A set, not a regex alternation: far cheaper to compile.)
#: Adverbs that follow a reporting verb ("said quietly") are listed: "-ly" also ends nouns and
#: adjectives that open a source ("said family spokesman Tom Reed", "said elderly neighbour").
_NOT_LOWER_SOURCES = _wordset(
    "that on in at to of for with and but as when after before yesterday today tonight later "
    "earlier again also then afterwards once still "
    "only quietly softly loudly firmly flatly bluntly calmly angrily bitterly sadly proudly "
    "tearfully warmly sharply curtly frankly candidly openly publicly privately formally "
    "informally officially directly emphatically repeatedly previously recently initially "
    "originally separately simply finally briefly clearly reportedly shortly immediately "
    "subsequently"
)
_LOWER_WORD_AFTER = lazy_pattern(r"\s+([a-z]\w*)")


def _lower_source_after(after: str) -> bool:
    """Whether a source in lower case follows (see ``_NOT_LOWER_SOURCES``)."""
    word = _LOWER_WORD_AFTER().match(after)
    return word is not None and word.group(1) not in _NOT_LOWER_SOURCES


_AUXILIARY = _wordset("had has have was were is are would will could can did does do should must")
# A parenthesis between commas; a comma inside a figure ("2,300") does not end it.
#: A name's age set off before its verb: "Linda Harper, 62, said".
_AGE_BEFORE_VERB = lazy_pattern(r"(?<=\w),\s*\d{1,3}\s*,\s*$")
_PARENTHESIS = lazy_pattern(r",(?:[^,]|(?<=\d),(?=\d))*,\s*$")
_CLAUSE_END = lazy_pattern(r"\s*(?:[,.:;]|that\b|$)")
_NEGATIVE_SUBJECTS = _wordset("nobody no none neither")
_ATTRIBUTION_TRIGGERS = frozenset([*_VERBS, "according"])


_DETERMINERS = _wordset(
    "the a an this that these those such his her their its our my your unconfirmed similar "
    "earlier previous latest new false"
)
#: "it is too early to say", "hard to tell", "nothing to add": a verb of saying after these
#: and "to" says nothing. ("declined to say" stays a source's, as "would not say" is.)
_UNSAID_BEFORE_TO = _wordset(
    "early soon hard difficult impossible premature nothing little anything something much"
)
#: Verb forms that are also plural nouns.
_NOUN_FORMS = _wordset("reports claims notes cites")
_QUANTIFIERS = _wordset(
    "several many few some numerous multiple further more no any conflicting initial early "
    "local media news press unconfirmed two three four five"
)
_PLACE_AFTER = lazy_pattern(
    r"\s+(?:near|in|at|across|from|along|off|outside|inside|around|throughout|by"
    r"|on(?!\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)))\b"
)
_BETWEEN_AUX_AND_VERB = _wordset(
    "not never reportedly allegedly apparently also later earlier repeatedly previously "
    "publicly privately first initially already originally recently personally directly"
)
_SKIP_BEFORE_VERB = _wordset(
    "has had have also later earlier previously repeatedly publicly privately would will "
    "then again first initially subsequently once had already separately further "
    "reportedly allegedly not to did does do declined refused could can cannot won't "
    "didn't wouldn't couldn't"
)
_BOUNDARY = _wordset(
    "that which who whom and but or because as when while after before since if though "
    "although where so Q than"
)
_SOURCE_TOKEN = lazy_pattern(r"[\w$'.&-]+|[^\w\s]")
_SOURCE_STOP_AFTER = _wordset(
    "that on in at who which to as after before during when while about said told with "
    "for by from Q"
)
_PRONOUNS = _wordset("he she they it we i you his her their")
#: What a firm posts that is a result, not words ("posted a record profit", "posted losses").
_RESULT_AFTER = lazy_pattern(
    r"\s+(?:(?:a|an|its|their|the)\s+)?(?:(?:record|first|second|third|fourth|quarterly|annual"
    r"|half-year|full-year|pre-tax|net|operating|bigger|smaller|larger|surprise)\s+)*"
    r"(?:profits?|loss(?:es)?|gains?|deficits?|surplus(?:es)?|results?|revenues?|earnings"
    r"|growth|declines?|rises?|falls?|drops?|increases?|decreases?)\b",
    re.IGNORECASE,
)
_NOT_ATTRIBUTION_AFTER = lazy_pattern(
    r"\s+(?:responsibility|credit|victory|the\s+lives|lives|the\s+title|asylum|a\s+seat|"
    r"seats|missing|dead|killed|injured|wounded|stolen|bail|access|entry|cases|deaths|to\s+be)\b"
)


#: "found that ...": a finding, not a thing found so ("found that hard to believe").
_FOUND_THAT = lazy_pattern(
    r"\s+that\s+(?!(?:hard|difficult|easy|odd|strange|surprising|interesting|useful|helpful"
    r"|funny|tough|impossible|frustrating|upsetting|troubling|distressing|shocking|amusing"
    r"|unacceptable|acceptable|fascinating|confusing|reassuring|encouraging)\b)\w"
)
#: ", the study found." ends the clause: the study's finding is what came before.
_FOUND_ENDS = lazy_pattern(r"\s*(?:[.,;:!?)]|$)")
#: Who "finds" something on the record (", the study found."), beside the evidence nouns.
_FINDERS = _EVIDENCE | _wordset(
    "research researcher scientist expert author investigator inspector auditor inquiry "
    "investigation review trial audit assessment evaluation experiment coroner"
)
#: "told to leave": who was told what to do, as headlines write the passive.
_TOLD_TO = lazy_pattern(r"\s+to\s+[a-z]")


def _a_finding(source: str | None, after: str, previous: str) -> bool:
    """Whether "found" reports a finding by ``source``: "police found that ..." and "...,
    the study found." do; "police found a body", "inspectors found four cracks", "failed
    to find" and "the fault lines found that year" do not. ("The study found the drug cut
    deaths" is not read: a clause after "found" is too like a thing found.)"""
    if previous == "to":
        return False
    if not source:
        return False
    finder = _singular(source.split()[-1].lower())
    if finder in _FINDERS and _FOUND_ENDS().match(after):
        return True
    person = source.split()[-1][:1].isupper() or finder in PEOPLE_NOUNS or finder in _FINDERS
    return person and bool(_FOUND_THAT().match(after))


@lru_cache(maxsize=8192)
def _attributions(masked: str) -> tuple[Attribution, ...]:
    lower = masked.lower()
    tokens = _token_set(lower)
    # A sentence in another language is read by its own rules ("laut Polizei", ", a indiqué
    # la direction").
    if abroad.may_attribute(lower, tokens) and (language := abroad.language(lower)):
        return tuple(Attribution(*found) for found in abroad.attributions(masked, language))
    present = _ATTRIBUTION_TRIGGERS & tokens
    if not present:
        return ()
    # Verbs are found with str.find: the sentence holds one or two of the eighty.
    hits = sorted(
        (position, word)
        for word in present
        for position in _whole_word(masked if word != "according" else masked.lower(), word)
    )
    found: list[Attribution] = []
    for start, verb in hits:
        end = start + len(verb)
        if verb == "according":
            if masked[end : end + 3] != " to":
                continue
            # Opening the sentence, the source ends at its comma: "According to police,
            # the man was armed" has no apposition.
            opens = not masked[:start].strip(" Q\"'")
            source = _source_after(masked[end + 3 :], appositions=not opens)
            found.append(Attribution("according to", "according to", source))
            continue
        lemma = _VERBS[verb]
        # A name's age set off before the verb ("Linda Harper, 62, said") is read past:
        # the name is the source (a figure alone before the verb is no one).
        age = _AGE_BEFORE_VERB().search(masked, max(0, start - 12), start)
        if age is not None and masked[: age.start()].split()[-1][:1].isupper():
            start = age.start()
        before_words = masked[max(0, start - 40) : start].lower().split()
        while len(before_words) > 1 and before_words[-1] in _BETWEEN_AUX_AND_VERB:
            before_words.pop()  # "were not warned", "was reportedly warned": still passive
        previous = before_words[-1] if before_words else ""
        after = masked[end:]
        if previous in _DETERMINERS or previous in _PASSIVE or previous[:1].isdigit():
            continue
        if lemma == "believe" and (previous == "to" or masked[start - 1 : start] == "-"):
            continue  # "reason to believe", "make-believe": no one holds the belief
        if previous == "to" and len(before_words) > 1 and before_words[-2] in _UNSAID_BEFORE_TO:
            continue  # "too early to say", "nothing to say": no one says anything
        if verb in _NOUN_FORMS and (
            previous.endswith(("'s", "s'", "ed", "ing"))
            or previous in _QUANTIFIERS
            or after.startswith(" of ")
        ):
            continue  # "several reports of", "received reports", "the minister's claims"
        if verb == "reported" and _PLACE_AFTER().match(after):
            continue  # "Roof collapse reported on Pelican Drive" is a headline, not a source
        if _NOT_ATTRIBUTION_AFTER().match(after):
            continue
        if verb == "told" and _TOLD_TO().match(after):
            continue  # "Residents told to leave" (a headline's passive) is an order, no words
        if verb == "posted" and _RESULT_AFTER().match(after):
            continue  # "The bank posted a profit" reports its results, no one's words
        if verb in _NOUN_FORMS and previous in ("", "q"):
            continue  # "Claims of fraud ..." opens with a noun, not a verb
        if lemma == "cite":
            found.append(Attribution(verb, lemma, _source_after(after)))
            continue
        prefix = masked[max(0, start - 240) : start]  # a source is never further back
        # '"...," said the mayor' and ', said the mayor' put the source after the verb.
        # (Only a comma or a "Q" before the verb can end _INVERTED_BEFORE: look first.)
        last_mark = prefix[-8:].rstrip()[-1:]
        inverted = bool(
            last_mark in (",", "Q")
            and _INVERTED_BEFORE().search(prefix[-8:])
            and (
                _INVERTED_AFTER().match(after)
                # Right after a quote, a source in lower case: '"...," said fire chief X'.
                or (last_mark == "Q" and _lower_source_after(after))
            )
        )
        source = _source_after(after) if inverted else None
        # ", said the talks had stalled" and "The video, whose ... is unconfirmed, shows"
        # put the subject before the verb, behind a clause or a parenthesis.
        if (
            source
            and not prefix.rstrip().endswith("Q")
            and (_AUXILIARY & _wordset(source.lower()) or _PARENTHESIS().search(prefix))
        ):
            inverted, source = False, None
        if lemma in _CLAUSE_VERBS and not inverted and not _CLAUSE_END().match(after):
            continue
        if not inverted:
            # Skip a parenthesis between subject and verb: "The report, citing X, said".
            bare = _PARENTHESIS().sub("", prefix) if prefix.rstrip().endswith(",") else prefix
            source = _source_before(bare)
        if lemma == "find" and not _a_finding(source, after, previous):
            continue
        if lemma == "show" and not (source and _singular(source.split()[-1].lower()) in _EVIDENCE):
            continue  # "court records show" attributes; "the figures show" too; "she shows" not
        if source and source.split()[0].lower() in _NEGATIVE_SUBJECTS:
            continue  # "nobody told us" reports no one's words
        found.append(Attribution(verb, lemma, source))
    return tuple(found)


#: Titles written with a full stop before a name: "said Dr. Ana Ruiz" goes on past the stop,
#: and the source is quoted as the text wrote it ("Mr. Okafor said", not "Mr Okafor said").
_DOTTED_TITLES = _wordset(
    "mr. mrs. ms. dr. gov. sen. rep. gen. lt. col. capt. sgt. cpl. adm. maj. det. insp. supt. "
    "prof. rev. hon. st. jr. sr. fr. pres. atty. amb. cllr."
)


def _strip_stop(token: str) -> str:
    """A full stop ends a sentence unless it is part of an abbreviation such as "U.S."."""
    if token.endswith(".") and token.count(".") == 1 and token.lower() not in _DOTTED_TITLES:
        return token[:-1]
    return token


def _source_before(prefix: str) -> str | None:
    # A source is at most ten words, within 160 characters, and most end much sooner: read
    # the last 80 characters first, and all 160 only when the words run back to the cut.
    collected = _words_before(_SOURCE_TOKEN().findall(prefix[-80:]), len(prefix) <= 80)
    if collected is None:
        collected = _words_before(_SOURCE_TOKEN().findall(prefix[-160:]), True) or []
    collected.reverse()
    while collected and collected[0].lower() in ("on", "in", "at"):
        collected.pop(0)
    return " ".join(collected) or None


def _words_before(tokens: list[str], whole: bool) -> list[str] | None:
    """A source's words read back from its verb, last first. ``whole``: the tokens start
    where the text does; otherwise the first may be a word cut short (every later token is
    as in the whole text), so ``None`` when the source could run back to it."""
    collected: list[str] = []
    skipping = True
    for index in range(len(tokens) - 1, -1 if whole else 0, -1):
        token = tokens[index]
        low = token.lower()
        if skipping and low in _SKIP_BEFORE_VERB:
            continue
        skipping = False
        if not (token[0].isalnum() or token[0] in "$'") or low in _BOUNDARY or token == "Q":
            break
        if low in _VERBS and token == low:
            break
        # _strip_stop, inline: this loop runs for every word of every source.
        if token[-1] == "." and token.count(".") == 1 and low not in _DOTTED_TITLES:
            token = token[:-1]
        collected.append(token)
        if len(collected) == 10:
            break
    else:
        if not whole:
            return None
    return collected


def _source_after(after: str, appositions: bool = True) -> str | None:
    collected: list[str] = []
    tokens = _SOURCE_TOKEN().findall(after[:160])
    for index, token in enumerate(tokens):
        low = token.lower()
        # An apposition names the same source: "said Jonas Keller, the chief executive".
        following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
        if (
            appositions
            and token == ","
            and 0 < len(collected) < 5
            and following in ("the", "a", "an")
        ):
            collected.append(",")
            continue
        if not (token[0].isalnum() or token[0] in "$'") or (
            collected and low in _SOURCE_STOP_AFTER
        ):
            break
        collected.append(_strip_stop(token))
        at_stop = token.endswith(".") and token.count(".") == 1 and low not in _DOTTED_TITLES
        if at_stop or len(collected) == 10:
            break
    while collected and collected[-1].lower() in ("the", "a", "an", "and", "of", ","):
        collected.pop()
    return " ".join(collected).replace(" ,", ",") or None


_SOURCE_NOISE = _wordset("the a an its his her their on in at also") | set(_WEEKDAYS)


@lru_cache(maxsize=4096)
def _source_key(source: str | None) -> frozenset[str]:
    if not source:
        return frozenset()
    words = frozenset(
        _singular(w)
        for w in _words(_undotted(source.lower()))
        if w not in _SOURCE_NOISE and w not in _NUMBER_WORDS and not w[0].isdigit()
    )
    # "Mr Patel" and "Councillor Patel" are one source; "the mayor" is a source by title.
    return words - _TITLES or words


#: Sources who speak for someone else: "a spokesperson" -> "a spokesperson for the ministry"
#: says whose words they are, where a fuller name ("Keller" -> "Jonas Keller") is one source.
_SPEAKS_FOR = _wordset("spokesperson spokesman spokeswoman representative")
#: People who belong to a body a source may name: "a ministry official" is not "the
#: ministry", whose statement it was, nor "a White House aide" the White House.
_MEMBERS = _wordset(
    "official spokesperson spokesman spokeswoman aide source employee staffer insider member "
    "adviser advisor worker"
)
#: Words that put a source at one remove from the body it names ("sources close to the club"
#: are not "the club").
_AT_ONE_REMOVE = lazy_pattern(r"\b(?:close to|familiar with)\b", re.IGNORECASE)


def _same_source(a: str | None, b: str | None) -> bool:
    ka, kb = _source_key(a), _source_key(b)
    if not ka or not kb or ka & _PRONOUNS or kb & _PRONOUNS:
        return True
    if ka == kb:
        return True
    if not (ka <= kb or kb <= ka):
        return False
    shorter_key, shorter, longer = (ka, a or "", b or "") if ka < kb else (kb, b or "", a or "")
    if shorter_key <= _SPEAKS_FOR and " for " in longer.lower():
        return False
    if (ka ^ kb) & _MEMBERS and not shorter_key & _MEMBERS:
        return False  # "the ministry" -> "a ministry official": someone in it, not the body
    return not (_AT_ONE_REMOVE().search(longer) and not _AT_ONE_REMOVE().search(shorter))


def _manner(lemma: str) -> str:
    return "neutral" if lemma in _NEUTRAL else lemma


#: How attributions of two versions pair up, in turn: unchanged first, then the same source
#: with another verb, then the same verb with another source, then whatever is left one for
#: one.
_ATTRIBUTION_TESTS: tuple[Callable[[Attribution, Attribution], bool], ...] = (
    lambda o, n: _manner(o.lemma) == _manner(n.lemma) and _same_source(o.source, n.source),
    lambda o, n: _same_source(o.source, n.source),
    lambda o, n: _manner(o.lemma) == _manner(n.lemma),
    lambda o, n: True,
)


def _attribution_changes(
    old: Sequence[Attribution],
    new: Sequence[Attribution],
    sentence: int,
    texts: tuple[str, str] | None = None,
) -> list[Change]:
    """``texts``: the two sentences, when both versions have one."""
    if old == new:
        return []  # each pairs with its twin in the first round below, unchanged
    if (
        texts
        and len(old) == len(new) == 1
        and (_apposition_turned(old[0], new[0], texts) or _list_turned(old[0], new[0], texts))
    ):
        return []
    rest_old = list(old)
    rest_new = list(new)
    pairs: list[tuple[Attribution, Attribution]] = []
    for test in _ATTRIBUTION_TESTS if old and new else ():  # with one side empty, none pair
        for o in list(rest_old):
            n = next((n for n in rest_new if test(o, n)), None)
            if n is not None:
                rest_old.remove(o)
                rest_new.remove(n)
                pairs.append((o, n))
    changes: list[Change] = []
    for o, n in pairs:
        if _manner(o.lemma) == _manner(n.lemma) and _same_source(o.source, n.source):
            continue
        changes.append(
            _change(
                "attribution",
                "changed",
                o.display,
                n.display,
                sentence,
                _describe("changed", "attribution", o.display, n.display),
            )
        )
    changes += [
        _change(
            "attribution",
            "removed",
            o.display,
            None,
            sentence,
            _describe("removed", "attribution", o.display, None),
        )
        for o in rest_old
    ]
    changes += [
        _change(
            "attribution",
            "added",
            None,
            n.display,
            sentence,
            _describe("added", "attribution", None, n.display),
        )
        for n in rest_new
    ]
    return changes


def _apposition_turned(o: Attribution, n: Attribution, texts: tuple[str, str]) -> bool:
    """ "said the firm's director, Callum Reyes" -> "said Callum Reyes, the firm's director",
    "The mayor, Anna Smith, said" -> "Anna Smith, the mayor, said": one source, its name and
    its title the other way round. Each version names both, and one writes them side by
    side: "Israel said Hamas ..." -> "Hamas said Israel ..." names both too, but swaps who
    says what."""
    if o.source is None or n.source is None or _manner(o.lemma) != _manner(n.lemma):
        return False
    first, second = o.source.lower(), n.source.lower()
    old_text, new_text = texts[0].lower(), texts[1].lower()
    return (
        bool(_whole_word(new_text, first))
        and bool(_whole_word(old_text, second))
        and any(
            f"{a}, {b}" in text
            for a, b in ((first, second), (second, first))
            for text in (old_text, new_text)
        )
    )


def _list_turned(o: Attribution, n: Attribution, texts: tuple[str, str]) -> bool:
    """ "Smith and Jones said" -> "Jones and Smith said": the same sources listed the other
    way round, and the source read as the last of them. Each version lists both with "and";
    "Smith said Jones ..." -> "Jones said Smith ..." swaps who says what."""
    if o.source is None or n.source is None or _manner(o.lemma) != _manner(n.lemma):
        return False
    first, second = o.source.lower(), n.source.lower()
    listed = (f"{first} and {second}", f"{second} and {first}")
    return all(any(pair in text.lower() for pair in listed) for text in texts)


#: How far (in characters) a source can stand from its verb.
_SOURCE_REACH = 140


@lru_cache(maxsize=8192)
def _verbs_read(masked: str) -> tuple[tuple[int, ...], bool]:
    """Where reporting verbs stand in a sentence, and whether it is in another language and
    may credit a source ("selon le syndicat": read once, as the other is)."""
    lower = masked.lower()
    tokens = _token_set(lower)
    credited = abroad.may_attribute(lower, tokens) and abroad.language(lower) is not None
    present = _ATTRIBUTION_TRIGGERS & tokens
    if not present:  # most sentences
        return (), credited
    return tuple(p for word in present for p in _whole_word(lower, word)), credited


def _verb_positions(masked: str) -> tuple[int, ...]:
    """Where reporting verbs stand in a sentence."""
    return _verbs_read(masked)[0]


def _credited_abroad(masked: str) -> bool:
    """Whether a sentence in another language credits a source ("selon le syndicat" ->
    "selon la direction": the words that differ are the source's)."""
    return _verbs_read(masked)[1]


def _near_attribution(masked: str, differing: set[str]) -> bool:
    """Whether a differing word stands near an attribution verb, where it could be part of
    a source ("police said" -> "witnesses said"); far from every verb it cannot be."""
    verbs = _verb_positions(masked)
    if not verbs:
        return False
    lower = masked.lower()
    for word in differing:
        if len(word) < 2 or not word[0].isalnum():
            continue
        for position in _whole_word(lower, word):
            if any(abs(position - v) <= _SOURCE_REACH for v in verbs):
                return True
    return False
