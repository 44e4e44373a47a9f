"""Roles: who did what to whom.

Two parties that traded places round a verb, the rest of the sentence the same, are one
``roles`` change ("Arsenal beat Chelsea" -> "Chelsea beat Arsenal"), unless the verb or word
between them makes no roles ("Smith met Jones", "Smith and Jones", "talks between A and B").
The verb may change its form as they trade places ("Acme sued Beta" -> "Beta is suing Acme"),
and its voice is read: "Police arrested the driver" -> "The driver was arrested by police"
keeps the roles, "Police were arrested by the driver" turns them round, and so does "Rebels
were driven out of the city by the army" for "Rebels drove the army out of the city" (an
agent named after the rest of its clause). One party that did a thing in one version and had
it done to it in the other is a ``roles`` change too, told as roles turned round ("Police
arrested the driver" -> "Police were arrested"), and so are parties that traded places each
with its own complement, the verb left out after the first ("Smith was elected leader and
Jones deputy" -> "Jones was elected leader and Smith deputy"). The two ends of a route or a
shift that traded places ("from Paris to London" -> "from London to Paris") are a ``roles``
change too, told as a direction reversed; ends that are figures or dates are told by the
number change, and "between A and B" has no direction.

``compare.facets.comparing`` reads each reworded sentence with ``may_swap`` (a cheap first look) and
then ``role_swap``, and reports what it finds as a ``roles`` change. Where none is found and a
form of "be" (or "died") differs, ``agent_change`` looks for who did harm left out by a
passive ("Police shot a man" -> "A man was shot"), a ``roles`` change ``removed`` (or
``added``, named again): the oldest complaint about how a story is edited after it runs.
Headlines, which leave "was" out, are read by ``headline_agent_change``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from compare.facets.attributions import _VERBS as _ATTRIBUTION_VERBS
from compare.facets.base import _AUX_WORDS, _DETERMINERS, _wordset
from compare.facets.figure_patterns import _NUMBER_WORD_TOKENS
from compare.facets.figures import _numbers, _word_number
from compare.facets.verbs import _PAST_FORMS, _verb_stem
from compare.text import lazy_pattern


class Swap(NamedTuple):
    """Two parties that traded places: what happened ("roles swapped", "direction
    reversed"), and the words from the first party to the last in each version (for a
    route, from the word that opens it)."""

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
#: Words that give a verb its tense, aspect or voice, not its meaning ("is suing", "has sued",
#: "was sued by").
_AUXILIARIES = _AUX_WORDS | {"being"}
_VOICE = _AUXILIARIES | {"by"}
_BE = _wordset("is are was were be been being am")
#: Words that may follow a verb as part of it ("lost to", "voted against").
_PARTICLES = _NOT_A_VERB | {"against", "up", "down", "off", "out"}
#: Verbs whose active says what their passive does: "the bill passed the Senate" is "the
#: bill was passed by the Senate".
_EITHER_VOICE = _wordset("pass")
#: What those verbs say so of: a law, not a person ("Brown passed Green on the last lap" ->
#: "Green passed Brown" swaps who overtook whom).
#: Pasts written as the verb is ("was hit", "were cut"): participles ``_participle`` takes
#: though they end in no "ed" and are not among the irregular verbs' forms.
_SAME_FORM_PASTS = _wordset(
    "hit cut put set hurt shut let spread quit cast cost bet bid burst split shed thrust upset "
    "broadcast forecast beat rid"
)
#: Verbs whose doer is the one they are done to, told another way: people who "evacuated
#: their homes" "were evacuated", a firm that "relocated its headquarters" "was relocated".
_DONE_TO_ITSELF = frozenset(_verb_stem(w) for w in ("evacuate", "vacate", "relocate"))
_PASSED_THINGS = _wordset(
    "bill bills law laws measure measures motion motions budget budgets amendment amendments "
    "resolution resolutions act acts legislation reform reforms package treaty ordinance"
)


def _either_voice(stems: Iterable[str], parties: Iterable[list[str]]) -> bool:
    """Whether a verb of ``stems`` says the same in either voice of ``parties``: one of
    ``_EITHER_VOICE`` with a thing it says so of among them."""
    return not _EITHER_VOICE.isdisjoint(stems) and any(
        not _PASSED_THINGS.isdisjoint(party) for party in parties
    )


class _Word(NamedTuple):
    """A word of a sentence, lower-cased (see ``_folded``), and where it stands."""

    lower: str
    start: int
    end: int


def _role_words(text: str) -> list[_Word]:
    """The words of a sentence but "the", so that "Police blamed the driver" -> "The driver
    blamed police" has the same words."""
    words = (_Word(_folded(m.group()), m.start(), m.end()) for m in _ROLE_WORD().finditer(text))
    return [w for w in words if w.lower != "the"]


def _folded(word: str) -> str:
    """A word in lower case, but for an auxiliary written with a capital, which is a name
    ("Johnson criticised May", "Will beat Sam"), not the verb's ("had fined")."""
    lower = word.lower()
    return word if word[:1].isupper() and lower in _AUXILIARIES else lower


def may_swap(old: str, new: str, differing: set[str]) -> bool:
    """A cheap first look: could two sentences hold the same words, so that two of them
    traded places? Each differing word must stand in both (most rewordings bring a new
    one), unless it only gives the verb another form ("sued" -> "is suing")."""
    old, new = old.lower(), new.lower()
    # Past two missing words only a dropped agent is left to look for, and it needs a form
    # of "be" among the differing words (``_may_drop_agent``): without one, the third
    # missing word ends the look (~1.4M instructions less over the 390 reworded pairs of the
    # 2,000-paragraph pair of benchmarks/speed.py that look).
    most = 2 if _BE.isdisjoint(differing) else _MAX_PARTY + 2
    missing: list[str] = []
    for w in differing:
        if w[:1].isalnum() and w != "the" and w not in _VOICE and not (w in old and w in new):
            missing.append(w)
            if len(missing) > most:
                return False
    if len(missing) > 2:
        return _may_drop_agent(differing, missing, old)
    if len(missing) == 1:  # "beaten" for "beat"
        word = missing[0]
        stem = _verb_stem(word)
        if stem in (new if word in old else old):
            return True
        # "Chosen" for "chose", which stands inside it and so seemed to stand in both.
        for other in differing:
            if other != word and other in word and _verb_stem(other) == stem:
                return True
        return _may_drop_agent(differing, missing, old)
    return (
        not missing
        or (len(missing) == 2 and _verb_stem(missing[0]) == _verb_stem(missing[1]))
        or _may_drop_agent(differing, missing, old)
    )


def _may_drop_agent(differing: set[str], missing: list[str], old: str) -> bool:
    """A cheap look for ``_agentless_swap``: a form of "be" differs, and the words that stand
    in one version only are the active's subject, in one of them (the passive leaves it
    out), with perhaps its verb in the other's form ("blew" and "blown"). ``old``: the old
    sentence in lower case."""
    if _BE.isdisjoint(differing):  # (may_swap stops at more than _MAX_PARTY + 2 missing)
        return False
    in_old = [w for w in missing if w in old]
    in_new = [w for w in missing if w not in old]
    for one, rest in ((in_old, in_new), (in_new, in_old)):
        if not one and len(rest) <= _MAX_PARTY:
            return True  # "lifted" in both
        if len(one) == 1 and any(_verb_stem(w) == _verb_stem(one[0]) for w in rest):
            return True
    return False


def role_swap(old: str, new: str) -> Swap | None:
    """Two parties that traded places round a verb, the rest of the sentence the same
    ("Arsenal beat Chelsea 2-1" -> "Chelsea beat Arsenal 2-1", "The city sued the
    contractor" -> "The contractor is suing the city"), or the two ends of a route ("from
    Paris to London" -> "from London to Paris"): who did what to whom changed. Not a phrase
    that moved with nothing between ("On Monday, the council met" -> "The council met on
    Monday"), nor a swap round a word that makes no roles (``_SYMMETRIC``)."""
    a, b = _role_words(old), _role_words(new)
    if len(a) == len(b) and sorted(w.lower for w in a) == sorted(w.lower for w in b):
        return _same_words_swap(old, new, a, b)
    swap = _verb_form_swap(old, new, a, b) or _agentless_swap(old, new, a, b)
    if swap is None:
        swap = _agentless_swap(new, old, b, a)
        if swap is not None:
            return swap._replace(was=swap.now, now=swap.was)
    if swap is None:
        swap = _doer_done_to(old, new, a, b)
    if swap is None:
        swap = _doer_done_to(new, old, b, a)
        return swap._replace(was=swap.now, now=swap.was) if swap else None
    return swap


def _same_words_swap(old: str, new: str, a: list[_Word], b: list[_Word]) -> Swap | None:
    """A swap that keeps every word (see ``role_swap``)."""
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
    if _gapped(words_a, start, first, verb):
        texts = (
            old[a[start].start : a[start + first - 1].end],
            old[a[start + first + verb].start : a[end - 1].end],
        )
        if any(_numbers(text) for text in texts):
            return None  # figures or dates that traded places are number changes
        return _swapped(old, new, (a[start], a[end - 1]), (b[start], b[end - 1]))
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
    if _gapped_after(words_a, between, end):
        # "Smith was elected leader and Jones deputy" -> "Jones was elected leader and Smith
        # deputy": each party has its own complement; told with the second one, up to a
        # phrase that opens after it ("... and Jones silver in the final").
        last = end
        while (
            last < len(a)
            and last - end < _MAX_PARTY
            and not (last > end and words_a[last] in _NOT_A_VERB)
            and not _ROLE_BREAK().search(old[a[last - 1].end : a[last].start])
        ):
            last += 1
        return _swapped(old, new, (a[start], a[last - 1]), (b[start], b[last - 1]))
    if between[0] in _NOT_A_VERB or not _SYMMETRIC.isdisjoint(between) or set(between) <= _COPULA:
        return None
    if _either_voice((_verb_stem(word) for word in between), parties):
        return None  # "the Senate passed the bill" -> "the bill passed the Senate"
    return _swapped(old, new, (a[start], a[end - 1]), (b[start], b[end - 1]))


#: Words that join a second clause whose verb is left out ("the north was hit by floods and
#: the south by drought").
_GAP_JOINERS = _wordset("and but while whereas")
#: Words after such a joiner that are no subject of a clause ("by floods and later by
#: drought" lists two things that happened to one).
_NOT_A_SUBJECT = _wordset(
    "then later also again finally now afterwards subsequently eventually too even still soon "
    "once especially particularly notably mainly mostly largely partly chiefly primarily "
    "recently previously earlier first not only just"
)


def _gapped_after(words: list[str], between: list[str], end: int) -> bool:
    """Whether the words between two parties that traded places are a verb with its
    complement and a joiner, and a complement of the second party's follows it, its verb
    left out: "Smith was elected leader and Jones deputy", "Smith won gold and Jones
    silver", "Smith was in Paris and Jones in Rome". Not a list of parties with nothing
    after it ("Smith beat Jones and Brown"), nor a verb that makes no roles ("Smith met Brown
    and Jones Green")."""
    return (
        len(between) >= 3
        and between[-1] in _GAP_JOINERS
        and end < len(words)
        and _SYMMETRIC.isdisjoint(between[:-1])
        and between[0] not in _NOT_A_VERB
    )


def _gapped(words: list[str], start: int, first: int, verb: int) -> bool:
    """Whether the words between two parties that traded places (``words[start:]``: the
    first party, ``first`` words, then ``verb`` words) open a second clause whose verb is
    left out, its subject named: "The north was hit by floods and the south by drought" ->
    "... by drought and the south by floods" turned which befell which (the word before the
    first party may come back before the second: "by"). Not a list ("floods and drought"),
    nor the same word again ("in Paris and in Rome")."""
    between = words[start + first : start + first + verb]
    if start == 0 or len(between) < 2 or between[0] not in _GAP_JOINERS:
        return False
    subject = between[1:-1] if between[-1] == words[start - 1] else between[1:]
    return (
        0 < len(subject) <= _MAX_PARTY
        and _party(subject)
        and _NOT_A_SUBJECT.isdisjoint(subject)
        and _SYMMETRIC.isdisjoint(subject)
    )


def _swapped(
    old: str,
    new: str,
    span_a: tuple[_Word, _Word],
    span_b: tuple[_Word, _Word],
    what: str = "roles swapped",
) -> Swap | None:
    """The swap, told from the first party to the last of each version; none when either
    holds a clause break or a quotation (for who did it, a comma may stand in a party:
    "1,200 people", "Jordan Reyes, 19,")."""
    was, now = _role_span(old, *span_a), _role_span(new, *span_b)
    breaks = _AGENT_BREAK if what.startswith("agent") else _ROLE_BREAK
    if breaks().search(was) or breaks().search(now):
        return None
    return Swap(what, was, now)


#: What a span told for who did it may not hold: a clause break other than a comma, a
#: quotation.
_AGENT_BREAK = lazy_pattern(r"[;:()\[\]\"]|\bQ\b")


def _verb_form_swap(old: str, new: str, a: list[_Word], b: list[_Word]) -> Swap | None:
    """A swap round a verb that changed its form (see ``role_swap``): the words that differ
    give the verb another tense, aspect or voice, and the rest of the sentence stays."""
    words_a, words_b = [w.lower for w in a], [w.lower for w in b]
    # Cheap: what differs must be auxiliaries, "by" and at most one verb written two ways.
    only_a = [w for w in (Counter(words_a) - Counter(words_b)).elements() if w not in _VOICE]
    only_b = [w for w in (Counter(words_b) - Counter(words_a)).elements() if w not in _VOICE]
    if len(only_a) != len(only_b) or len(only_a) > 1:
        return None
    if only_a and _verb_stem(only_a[0]) != _verb_stem(only_b[0]):
        return None
    read = _parties_round_verb(words_a, words_b)
    if read is not None:
        swapped, first, last_a, last_b = read
        return _swapped(old, new, (a[first], a[last_a]), (b[first], b[last_b])) if swapped else None
    # A passive whose agent comes after the rest of its clause ("Rebels were driven out of
    # the city by the army" for "Rebels drove the army out of the city").
    if "by" in words_b:
        return _late_agent_swap(old, new, a, b)
    if "by" in words_a:
        swap = _late_agent_swap(new, old, b, a)
        return swap._replace(was=swap.now, now=swap.was) if swap else None
    return None


def _agentless_swap(active: str, passive: str, a: list[_Word], p: list[_Word]) -> Swap | None:
    """A passive that leaves the active's subject out, the two parties after its verb the
    other way round: "The wind blew the boat onto the rocks" -> "The rocks were blown onto
    the boat" turned what went onto what. The passive's verb must lead to its other party by
    a word such as "onto", "into" or "against" (where the thing it was done to went: a
    passive with no such word, "The driver was arrested", names one party only). Told from
    the active's subject."""
    words_a, words_p = [w.lower for w in a], [w.lower for w in p]
    suffix = 0  # the words after both clauses ("on Friday")
    while suffix < min(len(words_a), len(words_p)) and words_a[-1 - suffix] == words_p[-1 - suffix]:
        suffix += 1
    end_a, end_p = len(words_a) - suffix, len(words_p) - suffix
    if "by" in words_p[:end_p]:
        # Named after the rest of the clause, the active's subject is no party either ("The
        # rocks were blown onto the boat by the wind").
        by = end_p - 1 - words_p[:end_p][::-1].index("by")
        agent = words_p[by + 1 : end_p]
        if not agent or words_a[: len(agent)] != agent:
            return None
        end_p = by
    for be in range(1, min(end_p, _MAX_PARTY + 1)):
        if words_p[be] not in _AUXILIARIES:
            continue
        verb = be
        while verb < end_p and words_p[verb] in _AUXILIARIES:
            verb += 1
        if _BE.isdisjoint(words_p[be:verb]) or verb + 2 >= end_p:
            return None
        particle, subject, other = words_p[verb + 1], words_p[:be], words_p[verb + 2 : end_p]
        if particle not in _PARTICLES or len(other) > _MAX_PARTY:
            return None
        stem = _verb_stem(words_p[verb])
        for at in range(1, min(end_a, _MAX_PARTY + 1)):
            if _verb_stem(words_a[at]) != stem or not _party(words_a[:at]):
                continue
            after = words_a[at + 1 : end_a]
            if particle not in after[1:]:
                return None
            split = after.index(particle, 1)
            thing, place = after[:split], after[split + 1 :]
            if subject == place and other == thing and subject != thing and _party(thing):
                return _swapped(active, passive, (a[0], a[end_a - 1]), (p[0], p[end_p - 1]))
            return None
        return None
    return None


def _doer_done_to(active: str, passive: str, a: list[_Word], p: list[_Word]) -> Swap | None:
    """One party that did a thing in one version and had it done to it in the other, the
    thing it did it to left out: "Police arrested the driver" -> "Police were arrested",
    "The club sold the striker" -> "The club has been sold" (not "The bill passed the
    Senate" -> "The bill was passed", which says the same). The words after the clause stay
    ("on Friday"). Told from the party to the end of its clause in each version."""
    words_a, words_p = [w.lower for w in a], [w.lower for w in p]
    suffix = 0  # the words after both clauses ("on Friday")
    while suffix < min(len(words_a), len(words_p)) and words_a[-1 - suffix] == words_p[-1 - suffix]:
        suffix += 1
    end_a, end_p = len(words_a) - suffix, len(words_p) - suffix
    # The passive: the party, its auxiliaries with a form of "be", its verb, nothing after.
    verb = end_p - 1
    be = verb
    while be > 0 and words_p[be - 1] in _AUXILIARIES:
        be -= 1
    subject = words_p[:be]
    main = words_p[verb] if verb >= 0 else ""
    if (
        not 0 < be < verb
        or len(subject) > _MAX_PARTY
        or _BE.isdisjoint(words_p[be:verb])
        or not _participle(main)  # "Police were arresting", "is now home": no passive
        or words_a[:be] != subject
        or not _party(subject)
    ):
        return None
    # The active: the same party, perhaps auxiliaries but no "be", the verb, what it was done to.
    at = be
    while at < end_a and words_a[at] in _AUXILIARIES:
        at += 1
    if at >= end_a - 1 or not _BE.isdisjoint(words_a[be:at]):
        return None
    thing = words_a[at + 1 : end_a]
    form = _verb_group([words_a[at]])
    if (
        form is None
        or form.stem != _verb_stem(main)
        or form.stem in _DONE_TO_ITSELF
        or len(thing) > _MAX_PARTY
        or thing[0] in _PARTICLES
        or not _party(thing)
        or _either_voice([form.stem], (subject, thing))
    ):
        return None
    return _swapped(
        active, passive, (a[0], a[end_a - 1]), (p[0], p[end_p - 1]), "roles turned round"
    )


#: Who may be left unnamed without anything being hidden: a pronoun stands for a party
#: the sentences around name ("The firm said it fired 20 workers" -> "20 workers were fired,
#: the firm said").
_PRONOUNS = _wordset("he she it they we i you who which that this these those one")


#: Verbs of harm and force, where who did it is what a passive can hide ("Police shot a
#: man" -> "A man was shot"): a passive of another verb leaves out little a reader misses
#: ("The wind blew the boat" -> "The boat was blown").
def _stems_of(verbs: Iterable[str]) -> frozenset[str]:
    """The stems of verbs' forms as ``_verb_stem`` reads them: the base's and the regular
    past's, a consonant doubled or not ("expel", "expelled" read "expell")."""
    return frozenset(
        _verb_stem(form)
        for verb in verbs
        for form in (verb, f"{verb}ed", f"{verb}d", f"{verb}{verb[-1]}ed")
    )


_AGENCY_STEMS = _stems_of(
    _wordset(
        """
        kill shoot beat attack injure wound hurt strike hit stab assault torture abuse rape
        kidnap abduct detain arrest raid bomb shell target bulldoze demolish destroy evict
        deport expel jail imprison fine punish sack fire dismiss suspend ban censor threaten
        harass intimidate restrain tackle push shove drag kick punch slap choke strangle crush
        burn loot vandalise vandalize damage teargas tase taser execute murder massacre
        starve displace
        """
    )
)
#: Of those, the verbs that kill: "died" in a later version leaves out who by ("Troops killed
#: 12 civilians" -> "12 civilians died").
_KILLING_STEMS = _stems_of(_wordset("kill murder execute massacre"))
#: Words one of which differs between two versions where one leaves out who did it.
AGENT_CUES = _BE | {"died", "by", "got", "get", "gets"}
#: Words that end a party's noun phrase: what follows is a clause or an adverbial of its own
#: ("a man who was armed", "the driver near the station").
_PHRASE_ENDS = _wordset("who whom whose which that with after before when while as because")


def agent_change(old: str, new: str) -> Swap | None:
    """Who did harm or used force (``_AGENCY_STEMS``), named in one version and left out of
    the other, which says it was done: "Police shot a man near the station" -> "A man was
    shot near the station" (``agent dropped``), or the other way round (``agent named``).
    The thing done to, the words before and after the clause stay; a passive that names an
    agent ("by police", "by them") drops none, nor does one whose agent was a pronoun, or a
    sentence that still names it or another party that uses force outside the source of
    the whole ("when police opened fire", "in a police operation"; not "..., police said").
    Read a sentence at a time: a next sentence that names the shooter is not read. Told
    from the first party to the end of the clause in each version."""
    # (A passive of such a verb first, looked for cheaply: most sentences hold none.)
    passive_new, passive_old = may_leave_out_agent(new), may_leave_out_agent(old)
    if not (passive_new or passive_old):
        return None
    a, b = _role_words(old), _role_words(new)
    swap = None
    if passive_new:
        swap = (
            _agent_dropped(old, new, a, b)
            or _gerund_agent_dropped(old, new, a, b)
            or (_by_agent_dropped(old, new, a, b) if passive_old else None)
        )
    if swap is not None:
        return swap
    if passive_old:
        swap = (
            _agent_dropped(new, old, b, a)
            or _gerund_agent_dropped(new, old, b, a)
            or (_by_agent_dropped(new, old, b, a) if passive_new else None)
        )
    return Swap("agent named", swap.now, swap.was) if swap is not None else None


#: Where a sentence joins two clauses, each with its own doer ("..., and protesters
#: attacked a police van").
_CLAUSE_JOIN = lazy_pattern(r",\s+(?:and|but|while)\s+|;\s+")


def agent_changes(old: str, new: str) -> list[Swap]:
    """``agent_change`` clause by clause, where both versions join as many clauses the same
    way ("Police shot a man, and protesters attacked a van" -> "A man was shot, and a van
    was attacked": two agents dropped); else the sentence's one."""
    if not (may_leave_out_agent(old) or may_leave_out_agent(new)):
        return []  # (the cheap look first: most pairs hold no passive of harm)
    clauses_old, clauses_new = _CLAUSE_JOIN().split(old), _CLAUSE_JOIN().split(new)
    if 1 < len(clauses_old) == len(clauses_new):
        found = [agent_change(a, b) for a, b in zip(clauses_old, clauses_new, strict=True)]
        if any(found):
            return [swap for swap in found if swap is not None]
    swap = agent_change(old, new)
    return [] if swap is None else [swap]


#: Words that end an agent named after "by" ("by police near the station").
_AGENT_ENDS = (
    _NOT_A_VERB
    | _PHRASE_ENDS
    | _wordset("near outside inside during when while following late early last yesterday")
)


def _lowered(words: list[_Word]) -> list[str]:
    """The words in lower case, acronyms too ("WAS" in a sentence set in capitals)."""
    return [w.lower.lower() for w in words]


def _by_agent_dropped(
    named: str, bare: str, a: list[_Word], p: list[_Word], headline: bool = False
) -> Swap | None:
    """The same passive in both versions, its agent named in one ("A man was shot by police
    near the station") and left out of the other ("A man was shot near the station"): the
    words up to its verb the same, the words after the agent going on as the other's do. A
    ``headline`` leaves "was" out ("Man shot by police in Leeds")."""
    words_a, words_p = _lowered(a), _lowered(p)
    for verb in range(1, len(words_a) - 2):
        if words_a[verb + 1] != "by" or not _harm_participle(words_a[verb]):
            continue
        be = _passive_start(words_a, verb)
        if not headline and (be == 0 or _BE.isdisjoint(words_a[be:verb])):
            continue
        end = verb + 2
        while end < len(words_a) and end - verb - 2 < _MAX_PARTY:
            if words_a[end] in _AGENT_ENDS or not words_a[end].isalpha():
                break
            end += 1
        agent = words_a[verb + 2 : end]
        lead = words_a[: verb + 1]
        if not agent or not _party(agent) or agent[-1] in _PRONOUNS | _NATURAL_CAUSES:
            continue
        if words_p[: len(lead)] != lead:
            continue
        after = words_p[len(lead) :]
        if "by" in after[: 4 * _MAX_PARTY] or words_a[end : end + 2] != after[:2]:
            continue
        if _still_named(words_p, agent, (0, be)):
            continue
        first = max(0, be - _MAX_PARTY)
        return _swapped(named, bare, (a[first], a[end - 1]), (p[first], p[verb]), "agent dropped")
    return None


def agent_named_in(active: str, texts: Sequence[str]) -> bool:
    """Whether one of ``texts`` names the agent of ``active`` (an agent dropped's old
    clause, "Police shot a man"): its words before its verb, not as the source of the
    whole ("..., police said")."""
    words = _lowered(_role_words(active))
    verb = next((k for k, w in enumerate(words) if _verb_stem(w) in _AGENCY_STEMS), 0)
    agent = words[:verb]
    if not agent:
        return False
    return any(
        _still_named(_lowered(_role_words(text)), agent, (0, 0), own_only=True) for text in texts
    )


#: Words before a passive with no subject of its own ("died after being restrained").
_GERUND_OPENERS = _wordset("after before while when upon following without")


def _gerund_agent_dropped(active: str, passive: str, a: list[_Word], p: list[_Word]) -> Swap | None:
    """Who did it, left out by a passive with no subject of its own: "A man died after
    police restrained him" -> "A man died after being restrained". The words before the
    clause the same, the active's object a few words, the words after it going on alike."""
    words_a, words_p = _lowered(a), _lowered(p)
    for k in range(1, len(words_p) - 2):
        opener, being, participle = words_p[k : k + 3]
        if (
            opener not in _GERUND_OPENERS
            or being != "being"
            or words_a[: k + 1] != words_p[: k + 1]
        ):
            continue
        if not _harm_participle(participle):
            continue
        stem = _verb_stem(participle)
        at = next(
            (
                j
                for j in range(k + 2, min(len(words_a), k + _MAX_PARTY + 2))
                if _verb_stem(words_a[j]) == stem
            ),
            None,
        )
        if at is None or not _participle(words_a[at]):
            continue
        agent = words_a[k + 1 : at]
        end = _goes_on_alike(words_a, at + 1, words_p[k + 3 :])
        if (
            end is None
            or not 0 < end - at - 1 <= 3  # what it was done to: "him", "the man"
            or not _party(agent)
            or agent[-1] in _PRONOUNS | _NATURAL_CAUSES
            or _still_named(words_p, agent, (0, 0))
        ):
            continue
        return _swapped(active, passive, (a[k], a[end - 1]), (p[k], p[k + 2]), "agent dropped")
    return None


def tells_harm_without_doer(text: str) -> bool:
    """Whether a sentence tells harm done with nobody doing it: a passive of a verb of harm
    or force (or "died") with no "by" after it, and no party that uses force named outside
    its subject and the source of the whole ("A man was shot near the station, witnesses
    said"; not "... when police opened fire")."""
    if not may_leave_out_agent(text):
        return False
    words = _lowered(_role_words(text))
    for verb, word in enumerate(words):
        died = word == "died"
        if not died and not _harm_participle(word):
            continue
        be = _passive_start(words, verb)
        if not died and _PASSIVE_BE.isdisjoint(words[be:verb]):
            continue  # ("Police shot a man": no passive)
        if died and words[verb + 1 : verb + 2] in (["of"], ["from"]):
            return False  # a death given its cause ("died of cancer")
        if "by" in words[verb + 1 : verb + 1 + 4 * _MAX_PARTY]:
            return False
        return not _still_named(words, [], (0, be))
    return False


#: A form of "be", perhaps an adverb, and the word after them: a passive's verb, maybe.
_PASSIVE_VERB = lazy_pattern(
    r"\b(?:is|are|was|were|be|been|being|am|got|get|gets|getting)\s+(?:\w+ly\s+)?(\w+)"
    r"|\b(died)\b",
    re.I,
)


@lru_cache(maxsize=4096)
def may_leave_out_agent(text: str) -> bool:
    """A cheap look: whether ``text`` may hold a passive of a verb of harm or force
    (``_AGENCY_STEMS``), or a death ("died"), so that ``agent_change`` may find it against
    another version (cached: coverage reads each outlet's sentence against every other's)."""
    return any(
        m.group(2) or _verb_stem(m.group(1)) in _AGENCY_STEMS
        for m in _PASSIVE_VERB().finditer(text)
    )


#: The auxiliaries of a passive, "got" among them ("A man got shot").
_PASSIVE_AUX = _AUXILIARIES | {"got", "get", "gets", "getting"}
_PASSIVE_BE = _BE | {"got", "get", "gets", "getting"}


def _harm_participle(word: str) -> bool:
    """Whether a word can be the passive's verb of harm or force ("shot", "arrested")."""
    return _participle(word) and _verb_stem(word) in _AGENCY_STEMS


def _passive_start(words: list[str], verb: int, floor: int = 0) -> int:
    """Where the auxiliaries before a passive's verb begin ("was fatally shot": at "was"),
    not before ``floor``; ``verb`` itself when there are none."""
    be = verb - 1 if verb - 1 > floor and words[verb - 1].endswith("ly") else verb
    while be > floor and words[be - 1] in _PASSIVE_AUX:
        be -= 1
    return be


def _agent_dropped(
    active: str, passive: str, a: list[_Word], p: list[_Word], headline: bool = False
) -> Swap | None:
    words_a, words_p = _lowered(a), _lowered(p)
    shortest = min(len(words_a), len(words_p))
    start = 0  # the words before both clauses ("Witnesses said")
    while start < shortest and words_a[start] == words_p[start]:
        start += 1
    while start and words_a[start - 1] in _DETERMINERS:  # "A police officer" / "A man"
        start -= 1
    # The passive: its subject, auxiliaries with a form of "be", perhaps an adverb
    # ("fatally"), its verb. Or, for a killing, "died" in its place ("Troops killed 12
    # civilians" -> "12 civilians died"), perhaps after "have" or "had".
    for verb in range(start + 1, len(words_p)):
        died = words_p[verb] == "died"
        if not died and not _harm_participle(words_p[verb]):
            continue
        be = _passive_start(words_p, verb, start)
        if be == start or be - start > 2 * _MAX_PARTY:
            continue
        if _PASSIVE_BE.isdisjoint(words_p[be:verb]) != died:
            continue
        end_a = _active_clause(words_a, words_p, start, be, verb, died, headline)
        if end_a is not None:
            return _swapped(
                active, passive, (a[start], a[end_a - 1]), (p[start], p[verb]), "agent dropped"
            )
    return None


def headline_agent_change(old: str, new: str) -> Swap | None:
    """``agent_change`` for headlines, which leave "is" and "was" out and tell the past in
    the present: "Police shoot man near station" -> "Man shot near station"."""
    a, b = _role_words(old), _role_words(new)
    swap = (
        _headline_agent_dropped(old, new, a, b)
        or _agent_dropped(old, new, a, b, headline=True)  # "Man is shot", "has been shot"
        or _by_agent_dropped(old, new, a, b, True)
    )
    if swap is not None:
        return swap
    swap = (
        _headline_agent_dropped(new, old, b, a)
        or _agent_dropped(new, old, b, a, headline=True)
        or _by_agent_dropped(new, old, b, a, True)
    )
    return Swap("agent named", swap.now, swap.was) if swap is not None else None


def _headline_agent_dropped(
    active: str, passive: str, a: list[_Word], p: list[_Word]
) -> Swap | None:
    words_a, words_p = _lowered(a), _lowered(p)
    for verb in range(1, min(len(words_p), _MAX_PARTY + 1)):
        participle = words_p[verb]
        if not _harm_participle(participle):
            continue
        if not _AUXILIARIES.isdisjoint(words_p[:verb]):
            return None  # a passive written out: the sentences' rule reads it
        be = verb - 1 if verb > 1 and words_p[verb - 1].endswith("ly") else verb
        end = _active_clause(words_a, words_p, 0, be, verb, headline=True)
        if end is None:
            return None
        return _swapped(active, passive, (a[0], a[end - 1]), (p[0], p[verb]), "agent dropped")
    return None


def _active_clause(
    words_a: list[str],
    words_p: list[str],
    start: int,
    be: int,
    verb: int,
    died: bool = False,
    headline: bool = False,
) -> int | None:
    """Where the active clause that the passive ``words_p[start:verb + 1]`` leaves its agent
    out of ends in ``words_a``: the agent, perhaps auxiliaries but no "be", the same verb
    (one that kills, for "died"; in a ``headline``, in any tense), then the passive's
    subject as what it was done to, and after it the rest of both sentences alike for a few
    words (or both end). ``None`` when there is none, or its agent stays in the passive's
    clause or after it ("by police")."""
    subject, rest = words_p[start:be], words_p[verb + 1 :]
    stem = _verb_stem(words_p[verb])
    if "by" in rest[: 4 * _MAX_PARTY]:
        return None  # "was shot near the station by armed officers": named another way
    for at in range(start + 1, min(len(words_a), start + _MAX_PARTY + 2)):
        verb_a = _verb_stem(words_a[at])
        if verb_a not in _KILLING_STEMS if died else verb_a != stem:
            continue
        did = at - 1 if words_a[at - 1].endswith("ly") else at  # "fatally shot"
        while did > start and words_a[did - 1] in _AUXILIARIES:
            did -= 1
        agent = words_a[start:did]
        thing_at, going_on = at + 1, rest
        if rest[:1] and rest[0] in _VERB_TAILS and words_a[at + 1 : at + 2] == rest[:1]:
            # "shot dead two men" / "were shot dead"; "fired on protesters" / "were fired on"
            thing_at, going_on = at + 2, rest[1:]
        end = _goes_on_alike(words_a, thing_at, going_on)
        modal = not _MODALS.isdisjoint(words_a[did:at])  # "could arrest" / "could be arrested"
        if (
            end is None
            or not agent
            or not _BE.isdisjoint(words_a[did:at])
            or not (headline or modal or _participle(words_a[at]))  # "shot", not "shoots"
            or not _same_party(words_a[thing_at:end], subject)
            or not _party(agent)
            or not (_party(subject) or all(map(_is_figure, subject)))
            or agent[-1] in _PRONOUNS
            or agent[-1] in _NATURAL_CAUSES
            or _still_named(words_p, agent, (start, be))
        ):
            return None
        return end
    return None


#: Words that go with a verb of harm, before what it was done to in the active and after
#: it in the passive ("shot dead two men" / "were shot dead", "fired on" / "were fired on").
_VERB_TAILS = _wordset("dead on at upon")
#: Auxiliaries that make a verb a possibility, in either voice ("could arrest").
_MODALS = _wordset("can could may might must shall should will would")
#: Who uses force, named anywhere in the version that left the agent out: "A man was shot
#: when police opened fire", "in a police operation", "died after troops fired on a crowd".
_FORCE_AGENTS = _wordset(
    """
    police policeman policemen policewoman officer officers constable constables deputy
    deputies sheriff trooper troopers troops soldier soldiers army military forces guard
    guards gunman gunmen attacker attackers assailant assailants militants militant rebels
    rebel fighters fighter rioters mob agents bailiffs
    """
)
#: Causes that are nobody: a storm that destroyed homes told as homes destroyed hides no one
#: (an earthquake, a fire, a virus, a crash; a shell or a strike has someone behind it).
_NATURAL_CAUSES = _wordset(
    """
    storm storms flood floods flooding fire fires blaze blazes wildfire wildfires earthquake
    earthquakes quake quakes tremor virus viruses disease diseases illness cancer flu
    outbreak pandemic heat heatwave cold weather crash crashes collision blast explosion
    explosions wind winds gale gales rain rains landslide landslides mudslide avalanche
    tornado tornadoes hurricane hurricanes cyclone cyclones typhoon typhoons tsunami
    lightning drought famine snow ice waves collapse erosion
    """
)
#: Verbs that make a party the source of what is said, not its doer ("..., police said"):
#: the attribution verbs' forms, less "found" (", the report found" has a source of two
#: words, which the reading below does not take off).
_REPORTING = frozenset(v for v, lemma in _ATTRIBUTION_VERBS.items() if lemma != "find")


def _still_named(
    words: list[str], agent: list[str], subject: tuple[int, int], own_only: bool = False
) -> bool:
    """Whether a version says who did it after all: the agent's own words, or (unless
    ``own_only``) any party that uses force, outside the passive's subject (the officer
    shot is no shooter) and not as the source of the whole ("..., police said": who shot is
    still left out)."""
    own = {w for w in agent if w not in _DETERMINERS}
    lo, hi = subject
    for k, word in enumerate(words):
        if lo <= k < hi or not (word in own or (not own_only and word in _FORCE_AGENTS)):
            continue
        if k + 1 < len(words) and words[k + 1] in _REPORTING:
            continue
        return True
    return False


def _goes_on_alike(words: list[str], start: int, rest: list[str]) -> int | None:
    """Where, from ``start`` on (a thing done to, a few words long), ``words`` go on as
    ``rest`` opens (its first two words), or end as it does: the end of the thing.
    ``None`` when they do neither ("by police" after a passive's verb goes on otherwise)."""
    if len(rest) >= 2 and rest[-1] in _REPORTING:
        rest = rest[:-2]  # the source of the whole, added ("A man was shot, police said")
    if not rest:
        return len(words) if len(words) - start <= 2 * _MAX_PARTY else None
    opening = rest[:2]
    for end in range(start + 1, min(len(words), start + 2 * _MAX_PARTY) + 1):
        if words[end : end + len(opening)] == opening:
            return end
    return None


def _same_party(thing: list[str], subject: list[str]) -> bool:
    """Whether what an active did a thing to is the passive's subject: the same noun
    phrase, up to a clause of its own that either may add or reword ("a man" -> "a man who
    was allegedly armed")."""
    head = next((k for k, w in enumerate(subject) if w in _PHRASE_ENDS), len(subject))
    return (
        len(thing) >= head
        and all(map(_same_word, thing[:head], subject[:head]))
        and (head == len(thing) or thing[head] in _PHRASE_ENDS)
    )


#: A pronoun done to, and the same pronoun as the subject of a passive ("shot him" / "he was
#: shot").
_SUBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "i"}


def _is_figure(word: str) -> bool:
    """A figure, in digits or words ("three killed at school")."""
    return word.replace(",", "").isdigit() or _word_number(word) is not None


def _same_word(one: str, other: str) -> bool:
    """The same word, the same figure in digits and in words ("12", "twelve"), or a pronoun
    done to and the same one as a subject ("him", "he")."""
    if one == other or _SUBJECT_PRONOUNS.get(one) == other:
        return True
    if one.isdigit() == other.isdigit():
        return False
    digits, words = (one, other) if one.isdigit() else (other, one)
    return _word_number(words) == int(digits)


def _participle(word: str) -> bool:
    """Whether a word can be a passive's verb: a past participle ("arrested", "sold",
    "hit"), not an adverb ("The school is now closed": "now") nor an "ing" form."""
    return word.endswith(("ed", "aid")) or word in _PAST_FORMS or word in _SAME_FORM_PASTS


def _late_agent_swap(active: str, passive: str, a: list[_Word], p: list[_Word]) -> Swap | None:
    """A swap whose passive version names its agent after the rest of the clause: read with
    the agent right after its verb, and told up to the end of that rest on both sides."""
    moved = _agent_moved_up(p, a)
    if moved is None:
        return None
    p_moved, rest_end_p, rest_end_a = moved
    read = _parties_round_verb([w.lower for w in a], [w.lower for w in p_moved])
    if read is None or not read[0]:
        return None
    _, first, last_a, last_p = read
    span_a = (a[first], max(a[last_a], a[rest_end_a], key=_end))
    span_p = (p_moved[first], max(p_moved[last_p], p[rest_end_p], key=_end))
    return _swapped(active, passive, span_a, span_p)


def _end(word: _Word) -> int:
    """Where a word ends (to take the later of two)."""
    return word.end


def _parties_round_verb(
    words_a: list[str], words_b: list[str]
) -> tuple[bool, int, int, int] | None:
    """How two versions read as party, verb, party round the same verb in two forms, the
    rest of the sentence the same: whether the roles traded places, where the first party
    starts and where the last one ends in each; ``None`` when they do not read so."""
    size_a, size_b = len(words_a), len(words_b)
    prefix = 0
    while prefix < min(size_a, size_b) and words_a[prefix] == words_b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(size_a, size_b) - prefix and words_a[-1 - suffix] == words_b[-1 - suffix]:
        suffix += 1
    # A party may stand in the words both versions share (the voice turned round in place,
    # "Police arrested the driver" -> "Police were arrested by the driver"): give back up to
    # a party's length of them, the fewest first.
    for p in range(prefix, max(prefix - _MAX_PARTY, 0) - 1, -1):
        for s in range(suffix, max(suffix - _MAX_PARTY, 0) - 1, -1):
            split = _verb_form_split(words_a[p : size_a - s], words_b[p : size_b - s])
            if split is None:
                continue
            first, second, swapped = split
            if not swapped:
                return False, p, size_a - s - 1, size_b - s - 1
            parties = (words_a[p : p + first], words_a[size_a - s - second : size_a - s])
            if not all(_party(party) for party in parties):
                continue  # "bought its" / "bought by its": "its rival" is the party
            return True, p, size_a - s - 1, size_b - s - 1
    return None


def _agent_moved_up(
    passive: list[_Word], active: list[_Word]
) -> tuple[list[_Word], int, int] | None:
    """``passive`` with the agent that closes its clause ("by the army") moved to before the
    words that the active version ends its clause with too ("out of the city"); with where
    those words end in each version. ``None`` when no such words stand before a "by"."""
    words_p, words_a = [w.lower for w in passive], [w.lower for w in active]
    shared = 0  # the words after the clause, the same in both ("on Friday")
    while shared < min(len(words_p), len(words_a)) and words_p[-1 - shared] == words_a[-1 - shared]:
        shared += 1
    end_p, end_a = len(words_p) - shared, len(words_a) - shared
    if "by" not in words_p[:end_p]:
        return None
    by = end_p - 1 - words_p[:end_p][::-1].index("by")
    if not 1 <= end_p - by - 1 <= _MAX_PARTY:
        return None
    rest = 0
    while rest < min(by, end_a) and words_p[by - 1 - rest] == words_a[end_a - 1 - rest]:
        rest += 1
    if not rest:
        return None
    moved = passive[: by - rest] + passive[by:end_p] + passive[by - rest : by] + passive[end_p:]
    return moved, by - 1, end_a - 1


def _verb_form_split(old: list[str], new: list[str]) -> tuple[int, int, bool] | None:
    """How ``old`` reads as party, verb, party with ``new`` the same verb in another form:
    the length of each party, and whether the roles traded places (the parties the other
    way round in the same voice, or in the same order in the other voice); ``None`` when it
    does not read so."""
    for first in range(1, min(len(old) - 1, _MAX_PARTY + 1)):
        for verb in range(1, min(len(old) - first, _MAX_VERB + 2)):
            x, y = old[:first], old[first + verb :]
            form = _verb_group(old[first : first + verb])
            if form is None or x == y or len(y) > _MAX_PARTY or _either_voice([form.stem], (x, y)):
                continue
            for p, q in ((y, x), (x, y)):
                if len(new) <= len(p) + len(q) or new[: len(p)] != p or new[-len(q) :] != q:
                    continue
                other = _verb_group(new[len(p) : len(new) - len(q)])
                if other is not None and other[:2] == form[:2]:
                    same_voice = other.passive == form.passive
                    return first, len(y), same_voice == (p is y)
    return None


class _Verb(NamedTuple):
    """A verb as a swap reads it: its stem, a word after it that is part of it ("lost to"),
    and whether it is passive ("was sued by")."""

    stem: str
    particle: str
    passive: bool


def _verb_group(words: list[str]) -> _Verb | None:
    """How words read as one verb with its auxiliaries ("is suing", "has been sued by",
    "lost to"); ``None`` for a verb that makes no roles or names one thing twice."""
    aux = 0
    while aux < len(words) and words[aux] in _AUXILIARIES:
        aux += 1
    if not 1 <= len(words) - aux <= 2:
        return None
    main, particle = words[aux], words[aux + 1] if len(words) - aux == 2 else ""
    stem = _verb_stem(main)
    if (
        (particle and particle not in _PARTICLES)
        or not main.isalpha()
        or main in _NOT_A_VERB
        or main in _COPULA
        or main in _SYMMETRIC
        or stem in _SYMMETRIC_STEMS
    ):
        return None
    passive = particle == "by" and not main.endswith("ing") and not _BE.isdisjoint(words[:aux])
    return _Verb(stem, "" if passive else particle, passive)


#: The stems of the verbs that make no roles, for their other forms ("marrying").
_SYMMETRIC_STEMS = frozenset(_verb_stem(word) for word in _SYMMETRIC)


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
    """Whether words can name one party: a word that is no figure and no auxiliary ("had"
    in "The club had fined the player" is the verb's), no preposition first and no
    determiner last."""
    return (
        words[0] not in _NOT_A_VERB
        and words[-1] not in _DETERMINERS
        and any(
            w.isalpha() and w not in _NUMBER_WORD_TOKENS and w not in _AUXILIARIES for w in words
        )
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
