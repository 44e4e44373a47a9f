"""Status: a person's standing, as the story states it, changed between two versions of a
sentence: the charge ("charged with murder" -> "charged with manslaughter"), the legal stage
("arrested" -> "released without charge"), the condition of someone hurt ("in a critical
condition" -> "in a stable condition", "injured" -> "died") and how someone left or holds a
post ("resigned" -> "was sacked", "acting chief constable" -> "chief constable").

The classic stealth edits of crime and politics copy: a word diff shows a word or two
reworded, and no other facet reads them. A status is read from a phrase of a few known words
(``_PHRASES``); each is given a group and a key, so that two wordings of one status agree
("in critical condition", "in a critical condition"; "was sacked", "was fired"; "resigned",
"stepped down"; "jailed", "sentenced") and only another status of the same group changes.
The rest of the sentence must stay largely the same (``_same_subject``): the aligner paired
the sentences, and the status is then of the same person. A status said no to ("was not
charged") is read as it stands: the negation rule tells that flip.

``compare.facets.comparing`` asks ``may_change`` (the differing words, one set look) before
``status_changes``: most reworded sentences hold none of these words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from compare.facets.base import _AUX_WORDS, _DETERMINERS, _PASSIVE, _token_set, _wordset
from compare.facets.figure_patterns import _NUMBER_WORD_TOKENS
from compare.facets.framing import family_of
from compare.text import KIN, PEOPLE_NOUNS, lazy_pattern


class Status(NamedTuple):
    """One status phrase of a sentence."""

    group: str
    """``legal``, ``condition``, ``post`` or ``acting`` (how someone holds a post); a
    ``legal`` phrase holds a stage, a charge or both ("arrested on suspicion of murder")."""
    stage: str
    """The legal stage, condition or way of leaving as a key ("arrested", "critical",
    "sacked"); empty for a charge alone."""
    charge: frozenset[str]
    """The offences the charge names, as stems ({"attempt", "murder"}; "stealing a car":
    {"theft"}); empty when none is named."""
    text: str
    """The phrase as written."""
    start: int
    end: int


#: What each group's change is called (``Change.detail``).
WHAT_CHANGED = {
    "charge": "charge changed",
    "stage": "legal stage changed",
    "legal": "legal stage and charge changed",
    "condition": "condition changed",
    "post": "how they left changed",
    "acting": "how they hold the post changed",
}

#: A legal stage's words and their key: wordings of one stage share it.
_STAGES: tuple[tuple[str, str], ...] = (
    (
        r"released\s+(?:without\s+(?:charge|being\s+charged)|with\s+no\s+further\s+action)",
        "released without charge",
    ),
    (r"released\s+(?:on|under)\s+(?:police\s+)?bail|(?:bailed|granted\s+bail)", "bailed"),
    (r"released\s+under\s+investigation", "released under investigation"),
    (r"remanded(?:\s+in\s+custody)?", "remanded"),
    (r"(?:re-?)?arrested|detained|held(?=\s+on\s+suspicion)", "arrested"),
    (r"charged|indicted", "charged"),
    # ("accused of fraud"; said actively, "accused the director of fraud", only with a
    # charge read after whom: see ``statuses``.)
    (r"accused(?=\s+of\b|\s+(?:[\w'-]+\s+){1,4}?of\b)", "accused"),
    (r"questioned|interviewed\s+under\s+caution", "questioned"),
    (r"(?:pleaded|pleads|pled)\s+not\s+guilty", "pleaded not guilty"),
    (r"(?:pleaded|pleads|pled)\s+guilty", "pleaded guilty"),
    (r"found\s+not\s+guilty|acquitted|cleared(?=\s+of\b|\s+(?:[\w'-]+\s+){1,4}?of\b)", "acquitted"),
    (r"convicted|found\s+guilty", "convicted"),
    (
        r"(?:given|handed|received|receives|gets|got)\s+an?\s+suspended"
        r"\s+(?:prison\s+|jail\s+|custodial\s+)?sentence",
        "suspended sentence",
    ),
    (r"jailed|sentenced|imprisoned", "sentenced"),
    (r"recalled(?=\s+to\s+(?:prison|jail|custody)\b)", "recalled"),
    (r"released|freed", "released"),
)
#: What opens a charge after a stage ("charged with", "on suspicion of").
_CHARGE_INTRO = (
    r"(?:\s+(?:with|of|to|for|over|in\s+connection\s+with|on\s+suspicion\s+of"
    r"|on\s+(?:a\s+)?charges?\s+of))"
)
#: Whom a stage said actively was of, up to its charge: a few words of one clause.
_WHOM_WORDS = r"(?:(?!(?:and|but|or|who|which|that|with|of)\b)[\w'-]+\s+){1,4}?"
#: What opens the charge of an arrest said actively ("arrested a man on suspicion of").
_ARREST_INTRO = r"(?:on\s+suspicion\s+of|in\s+connection\s+with|over)"
#: A charge: a few words, cut at the first that ends it (``_CHARGE_ENDS``).
_CHARGE_WORDS = r"((?:\s+[a-z][\w'-]*){1,6})"
#: Words that end a charge: what follows is when, where or why.
_CHARGE_ENDS = _wordset(
    "on in at after before following over and but or which who when while from since during "
    "as near outside inside amid last this yesterday today earlier later was were is are has "
    "have had will would"
)
#: The words of a charge that name it (stems); a charge named by none of them is read by
#: its other words.
_OFFENCES = _wordset(
    """
    murder manslaughter homicide kill assault attack rape theft steal robbery rob burglary
    fraud arson kidnap kidnapping abduction terrorism terror harassment stalk stalking
    possession supply drug drugs dangerous careless driving drink drunk causing death injury
    bodily harm grievous wound wounding affray disorder riot damage bribery corruption
    embezzlement perjury blackmail extortion trafficking smuggling laundering conspiracy
    attempted attempt intent firearm firearms weapon weapons knife offensive explosive
    misconduct contempt treason espionage spying sedition obstruction perverting justice
    negligence gross sexual indecent child cruelty neglect hate threat threats threatening
    violent violence criminal handling stolen goods forgery counterfeit counterfeiting trespass
    poaching piracy hijacking looting vandalism deception dishonesty insider dealing tax
    evasion incitement inciting racketeering genocide torture abuse grooming voyeurism battery
    larceny felony misdemeanour misdemeanor vehicular intimidation tampering coercive
    controlling malicious communications breach public order offence offences offense
    offenses actual conduct aggravated accounting
    """
)

#: Offence words written another way and the one stem they share: a charge told as a
#: noun, a verb or an adverb is one charge ("stealing a car", "car theft"; "dangerous
#: driving", "driving dangerously"; "GBH", "grievous bodily harm").
_SAME_OFFENCE = {
    word: stem
    for stem, words in {
        "theft": "steal stealing stole thefts",
        "robbery": "rob robbing robbed robberies",
        "harassment": "harass harassing harassed",
        "kidnap": "kidnapping kidnapped kidnaps",
        "assault": "assaulting assaulted assaults",
        "sexual": "sexually",
        "dangerous": "danger dangerously",
        "careless": "carelessly",
        "terrorism": "terror terrorist",
        "murder": "murdering murdered murders",
        "kill": "killing killed",
        "drug": "drugs",
        "driving": "drive",
        "stalking": "stalk stalked",
        "threat": "threats threatening threaten threatened",
        "attempt": "attempted attempting",
        "wound": "wounding wounded",
        "abduction": "abduct abducting abducted",
        "rape": "raping raped rapes",
        "burglary": "burgle burgling burglaries",
        "fraud": "defraud defrauding defrauded frauds",
        "bribery": "bribe bribing bribes",
        "trafficking": "traffic trafficked",
        "smuggling": "smuggle smuggled",
        "laundering": "launder laundered",
        "possession": "possess possessing",
        "supply": "supplying supplied",
        "abuse": "abusing abused",
        "grooming": "groom groomed",
        "incitement": "incite inciting",
        "obstruction": "obstruct obstructing",
        "perverting": "pervert",
        "causing": "cause",
        "conspiracy": "conspiring conspire",
        "handling": "handle",
        "torture": "torturing tortured",
        "forgery": "forge forging forged",
        "counterfeit": "counterfeiting",
        "intimidation": "intimidate intimidating",
        "tampering": "tamper",
        "embezzlement": "embezzle embezzling",
        "blackmail": "blackmailing",
        "extortion": "extort extorting",
        "violent": "violence",
        # (Not offences in law, but what one is charged over: "arrested over stabbing".)
        "stabbing": "stab stabbed stabbings",
        "shooting": "shoot shootings",
    }.items()
    for word in (stem, *words.split())
}
#: Initials for an offence, and the words they stand for.
_INITIALS = {"gbh": ("grievous", "bodily", "harm"), "abh": ("actual", "bodily", "harm")}
#: A person's condition told after it ("his condition is stable", "Moss's condition was
#: described as critical"): the grade's words follow.
_CONDITION_IS = (
    r"(?:(?<=\bhis\s)|(?<=\bher\s)|(?<=\btheir\s)|(?<='s\s))condition\s+"
    r"(?:is|was|remains|remained|has\s+been|had\s+been)\s+(?:(?:still|now|being)\s+)?"
    r"(?:(?:described|listed|reported|given)\s+as\s+|(?:said|thought|believed)\s+to\s+be\s+)?"
)
#: Conditions of someone hurt and their key ("critically injured" is "critical").
_CONDITIONS: tuple[tuple[str, str], ...] = (
    (_CONDITION_IS + r"serious\s+but\s+stable", "serious but stable"),
    (_CONDITION_IS + r"critical\s+but\s+stable", "critical but stable"),
    (
        _CONDITION_IS + r"(?:critical|stable|serious|fair|satisfactory|comfortable|grave|good"
        r"|poor)",
        "",
    ),
    (
        r"in\s+(?:a\s+)?serious\s+but\s+stable\s+condition|serious\s+but\s+stable",
        "serious but stable",
    ),
    (
        r"in\s+(?:a\s+)?critical\s+but\s+stable\s+condition|critical\s+but\s+stable",
        "critical but stable",
    ),
    (
        r"in\s+(?:a\s+)?(critical|stable|serious|fair|satisfactory|comfortable|grave)"
        r"\s+condition",
        "",
    ),
    # (A life-threatening condition is a critical one, as hospitals and police word it.)
    (r"in\s+(?:a\s+)?life-threatening\s+condition", "critical"),
    (r"(?:not\s+|non-)life-threatening", "not life-threatening"),
    (r"life-threatening", "critical"),
    (r"life-changing", "life-changing"),
    (r"critically\s+(?:ill|injured|hurt|wounded)|critical\s+injuries", "critical"),
    (
        r"(?:seriously|severely|badly|gravely)\s+(?:ill|injured|hurt|wounded)|serious\s+injuries",
        "serious",
    ),
    (r"(?:slightly|lightly)\s+(?:injured|hurt|wounded)|minor\s+injuries", "minor"),
    (r"shot\s+dead|stabbed\s+to\s+death|beaten\s+to\s+death|died|dies|killed|dead", "died"),
    # (Where someone hurt is: still in hospital, or out of it. "died in hospital" is a
    # death, so "in hospital" needs its "is"; a grade beside it says more, see
    # ``_in_hospital_alone``.)
    # (Intensive care is where a critical patient is: "in intensive care" is "critical",
    # with its "is" or "treated", as "in hospital" below: "died in intensive care" is a death.)
    (
        r"(?:is|are|was|were|remains?|remained|stays?|stayed|been|treated)\s+(?:still\s+)?"
        r"in\s+(?:intensive\s+care|(?:the\s+|an\s+)?icu)\b",
        "critical",
    ),
    (
        r"(?:is|are|was|were|remains?|remained|stays?|stayed|been)\s+(?:still\s+)?"
        r"in\s+(?:a\s+|the\s+)?hospital",
        "in hospital",
    ),
    # (Taken there: "was taken to hospital", "airlifted to hospital".)
    (
        r"(?:taken|rushed|airlifted|flown|admitted)\s+to\s+(?:a\s+|the\s+)?hospital",
        "in hospital",
    ),
    (
        r"discharged\s+from\s+(?:the\s+)?hospital|(?:left|out\s+of)\s+hospital"
        r"|(?<=\bwas\s)discharged(?=\s*[.,;]|\s+(?:on|last|yesterday|today|after|later)\b)",
        "discharged",
    ),
    # ("shot" and "stabbed" alone, against "shot dead" and "stabbed to death" above.)
    (r"injured|wounded|hurt|shot|stabbed", "injured"),
)

#: What someone is removed from that is a post ("removed from office"; not "shares were
#: removed from the index").
_A_POST = (
    r"(?:office|power|duty|(?:his|her|their|the)\s+(?:post|posts|role|roles|job|position|seat))\b"
)
#: What a name a post move goes to may stand before: "moved to the Leeds office".
_WORKPLACE = (
    r"(?:office|offices|department|ministry|team|branch|unit|division|desk|bureau|embassy"
    r"|headquarters|brief|portfolio|squad|post|role|job)\b"
)
#: How someone left a post, or was made to, and their key: "sacked" and "fired" are one,
#: so are "resigned" and "stepped down".
_POSTS: tuple[tuple[str, str], ...] = (
    (
        r"forced\s+(?:out|to\s+(?:resign|quit|step\s+down|stand\s+down))|ousted|pushed\s+out",
        "forced out",
    ),
    (
        r"resign(?:ed|s|ing)?|quit(?:s|ting)?|(?:step(?:s|ped|ping)?|stood|stands?|standing)"
        r"\s+down",
        "resigned",
    ),
    (r"retire[ds]?|retiring", "retired"),
    (r"sacked|axed|fired|dismissed|removed(?=\s+from\s+" + _A_POST + ")", "sacked"),
    (r"suspended", "suspended"),
    (r"expelled", "expelled"),
    # (Moved to another post: "was moved to the Treasury", "demoted to the backbenches".)
    (
        r"(?:moved|promoted|demoted|transferred|reassigned)\s+to\s+(?:the\s+|a\s+|another\s+)?"
        r"(?:(?-i:[A-Z][\w'-]*)(?:\s+(?-i:[A-Z][\w'-]*))*(?:\s+" + _WORKPLACE + r")?"
        r"|(?:post|role|job|backbenches?|position|department|ministry)\b"
        r"(?:\s+of\s+(?:the\s+)?[\w'-]+)?)",
        "moved",
    ),
)
#: Post words said of the one they were done to only ("was fired", not "police fired tear
#: gas"; "was moved to the Treasury", not "the family moved to Leeds").
_DONE_TO_ONLY = (
    "fired",
    "dismissed",
    "removed",
    "suspended",
    "expelled",
    "moved",
    "promoted",
    "demoted",
    "transferred",
    "reassigned",
)
#: After "fired", "dismissed", "removed" or "suspended" in a headline, which leaves out
#: "was" ("Minister sacked over expenses"): the end, or a word that goes on about the post.
_PASSIVE_END = lazy_pattern(
    r"\s*(?:[.,;:]|$)|\s+(?:from|as|over|after|for|amid|following|by|on|in|with)\b"
)


def _alternation(table: tuple[tuple[str, str], ...]) -> str:
    return "|".join(f"(?P<g{k}>{pattern})" for k, (pattern, _) in enumerate(table))


_LEGAL = lazy_pattern(
    r"\b(?:(?:" + _alternation(_STAGES) + r")"
    # ("jailed for life for murder": the sentence, then the charge.)
    r"(?:\s+(?:for|to)\s+life(?:\s+imprisonment)?(?=\s+for\b))?"
    r"(?:" + _CHARGE_INTRO + _CHARGE_WORDS + r")?"
    r"|on\s+suspicion\s+of" + r"((?:\s+[a-z][\w'-]*){1,6}))(?![\w-])",
    re.IGNORECASE,
)
_CONDITION = lazy_pattern(r"\b(?:" + _alternation(_CONDITIONS) + r")(?![\w-])", re.IGNORECASE)
_POST = lazy_pattern(r"\b(?:" + _alternation(_POSTS) + r")(?![\w-])", re.IGNORECASE)
#: The forms of "be" (or "got") and an adverb that make "fired", "dismissed",
#: "suspended" or "hurt" said of the one they were done to ("was fired", "has been summarily
#: dismissed").
_BEFORE_PASSIVE = lazy_pattern(r"\b(?:is|are|was|were|be|been|being|got|gets)\s+(?:\w+ly\s+)?$")
#: The posts "acting" or "interim" can come before: a job title, not "acting on behalf
#: of", "acting in a play", "interim results" or "an interim injunction".
_TITLES = """
    chief chiefs head heads director directors president president-elect prime premier leader
    leaders chair chairs chairman chairwoman chairperson commissioner commissioners governor
    mayor manager managers coach editor principal headteacher headmaster headmistress
    secretary secretary-general minister ministers ceo cfo coo chief-executive
    superintendent inspector constable commander commandant captain dean provost
    vice-chancellor chancellor rector treasurer registrar controller comptroller
    administrator leadership boss bosses general director-general attorney-general sheriff
    ombudsman auditor-general speaker governor-general executive executives officer
"""
#: A post held for now ("acting chief constable", "interim chief executive").
_ACTING = lazy_pattern(
    r"\b(?:acting|interim)\s+(?=(?:" + "|".join(_TITLES.split()) + r")(?![\w-]))", re.IGNORECASE
)

#: The words of each group's phrases (as ``_token_set`` splits them): a sentence that holds
#: none of a group's is not searched for it.
_LEGAL_WORDS = _wordset(
    """
    released bail bailed remanded arrested rearrested detained suspicion charged indicted
    accused questioned interviewed pleaded pleads pled guilty acquitted cleared convicted
    jailed sentenced imprisoned freed sentence recalled
    """
)
_CONDITION_WORDS = _wordset(
    """
    condition serious critical critically seriously severely badly gravely slightly lightly
    minor injuries injured wounded hurt threatening changing died dies killed dead death shot
    stabbed hospital discharged intensive icu
    """
)
_POST_WORDS = _wordset(
    """
    forced ousted pushed resign resigned resigns resigning quit quits quitting step steps
    stepped stepping stood stand stands standing retire retired retires retiring sacked axed
    fired dismissed removed suspended expelled moved promoted demoted transferred reassigned
    """
)
_ACTING_WORDS = _wordset("acting interim")
#: The words one of which differs between two versions whose status changed: a status word,
#: or a charge's own (only those of ``_OFFENCES``: a look at every reworded sentence for
#: a charge named, whatever its words, cost ~1 ms over the ~480 reworded pairs of the
#: 2,000-paragraph pair of benchmarks/speed.py, more than the rest of the rule).
TRIGGERS = (
    _LEGAL_WORDS
    | _CONDITION_WORDS
    | _POST_WORDS
    | _ACTING_WORDS
    | _OFFENCES
    | frozenset(_SAME_OFFENCE)
    | _wordset(
        "stable fair good poor satisfactory comfortable grave life non charge custody actual "
        "occasioning gbh abh"
    )
)


#: Words that qualify an offence or name a thing besides ("public", "child", "tax",
#: "knife"): alone among the differing words, they change no status ("released to the
#: public" -> "released to researchers", "tackling knife crime" -> "tackling violent crime").
_WEAK_TRIGGERS = _wordset(
    """
    public child tax threat threats threatening intent violent violence knife criminal gross
    goods death injury harm bodily order breach justice dealing communications insider
    offence offences offense offenses drug drugs good poor fair conduct
    """
)
#: Status words whose change always brings another status word that differs: "in hospital"
#: changes to "died" or "discharged", "moved to the Treasury" from "sacked", "false
#: accounting" from "fraud". Alone among the differing words they change nothing (the
#: speed pair of benchmarks/speed.py has 14 reworded pairs that differ by one of them).
_WITH_ANOTHER = _wordset("hospital moved accounting")
_STRONG_TRIGGERS = (
    TRIGGERS
    - (_WEAK_TRIGGERS - (_LEGAL_WORDS | _CONDITION_WORDS | _POST_WORDS | _ACTING_WORDS))
    - _WITH_ANOTHER
)


def may_change(differing: set[str]) -> bool:
    """The cheap look: whether one of the differing words can make a status (a word that
    only qualifies an offence is not enough alone)."""
    return not _STRONG_TRIGGERS.isdisjoint(differing)


def _stem(word: str) -> str:
    for ending in ("ing", "ed", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


#: Words of a charge that name no offence and are skipped before its head ("the murder").
_CHARGE_SKIP = _DETERMINERS | {"of"}


def _offence(word: str) -> str | None:
    """The offence stem a word names ("stealing": "theft"), or None."""
    word = word.strip("'")
    for form in (word, _stem(word)):
        if form in _SAME_OFFENCE:
            return _SAME_OFFENCE[form]
        if form in _OFFENCES:
            return form
    return None


def _charge_words(words: str) -> list[str]:
    """A charge's words (hyphens split, initials spelt out), up to the first that ends it;
    "and" goes on to a second offence ("robbery and murder")."""
    split = [w for word in words.lower().split() for w in word.split("-") if w]
    kept: list[str] = []
    for k, word in enumerate(split):
        if word == "and" and kept and _offence_head(split[k + 1 :]):
            kept.append(word)
            continue
        if _ends_charge(word):
            break
        kept.extend(_INITIALS.get(word, (word,)))
    return kept


def _offence_head(words: Sequence[str]) -> bool:
    """Whether words open on an offence: its first word other than an article names one
    ("murder", "the killing"), or a noun or two before one ("car theft", "money
    laundering"); not a duty or a fault ("tackling knife crime", "a lack of intent")."""
    content = [w for w in words if w not in _CHARGE_SKIP][:3]
    if not content:
        return False
    head = content[0]
    if head in _INITIALS or _offence(head) is not None:
        return head not in _NO_HEAD
    if head.endswith("ing") or head in _NOT_AN_OFFENCE:
        return False
    # (A noun before the offence, the words next to it: "lack of intent" is no offence.)
    rest = words[words.index(head) + 1 :][:2]
    return any(w not in _CHARGE_SKIP and _offence(w) is not None for w in rest) and (
        "of" not in rest
    )


#: Offence words that name no offence when they open a charge ("charged with public
#: protection", "accused of threat"): they qualify one.
_NO_HEAD = _wordset("public child tax intent knife offence offences offense offenses")
#: Nouns that open a fault or a duty, not an offence.
_NOT_AN_OFFENCE = _wordset("lack failure failures lapse lapses role responsibility")
#: Offence words that stand for no offence in a charge's key ("fraud offences" is "fraud").
_KEY_SKIP = _wordset("offence offences offense offenses")


def _charge_key(words: str) -> frozenset[str]:
    """The offences a charge names, as stems, up to the first word that ends it ("murder on
    Friday": {"murder"}; "sexually assaulting a woman": {"sexual", "assault"}); empty when
    it opens on no offence ("tackling knife crime", "a lack of intent")."""
    kept = _charge_words(words)
    if not _offence_head(kept):
        return frozenset()
    named = (_offence(w) for w in kept if w not in _KEY_SKIP)
    return frozenset(stem for stem in named if stem is not None)


def _ends_charge(word: str) -> bool:
    """Whether a word ends a charge: when, where or why follows, or a figure ("sentenced to
    four years": the figure is the number change's)."""
    return word in _CHARGE_ENDS or word[:1].isdigit() or word in _NUMBER_WORD_TOKENS


def _charge_length(words: str) -> int:
    """How many characters of ``words`` (leading space and all) the charge takes: up to its
    last offence word ("the murder of a teenager": "the murder")."""
    found = list(re.finditer(r"\s+(\S+)", words))
    lowered = [m.group(1).lower() for m in found]
    taken = 0
    for k, word in enumerate(lowered):
        if word == "and" and taken and _offence_head(lowered[k + 1 :]):
            continue
        if _ends_charge(word):
            break
        if any(_offence(w) is not None or w in _INITIALS for w in word.split("-") if w):
            taken = found[k].end()
    return taken


def _key(match: re.Match[str], table: tuple[tuple[str, str], ...]) -> str:
    """The key of the row of ``table`` that matched; a row without one is keyed by the
    word it names ("critical" of "in critical condition")."""
    for k, (_, key) in enumerate(table):
        found = match.group(f"g{k}")
        if found is not None:
            if key:
                return key
            named = _NAMED_CONDITION().search(found).group().lower()  # type: ignore[union-attr]
            return _SAME_CONDITION.get(named, named)
    return ""


#: Conditions worded two ways: a comfortable condition is a stable one.
_SAME_CONDITION = {"comfortable": "stable"}
_NAMED_CONDITION = lazy_pattern(
    r"critical|stable|serious|fair|good|poor|satisfactory|comfortable|grave", re.IGNORECASE
)


@lru_cache(maxsize=4096)
def statuses(masked: str) -> tuple[Status, ...]:
    """The status phrases of a sentence (its quotations masked), in reading order; phrases
    of one group joined by "and" are one ("arrested and charged")."""
    found: list[Status] = []
    # (A group whose words the sentence lacks is not searched for: most hold one group's.)
    tokens = _token_set(masked.lower())
    charge_group = len(_STAGES) + 1  # (the groups after the stages' own)
    # (Searched again where each phrase ends: words read as a charge and left out of it
    # may hold the next stage, "on suspicion of murder and released on bail".)
    at = len(masked) if _LEGAL_WORDS.isdisjoint(tokens) else 0
    while (m := _LEGAL().search(masked, at)) is not None:
        stage = _key(m, _STAGES) or "arrested"  # "(held) on suspicion of": arrested
        words = m.group(charge_group) or m.group(charge_group + 1) or ""
        match_end = m.end()
        if not words and stage in _SAID_ACTIVELY:
            # Said actively: "Police charged a man with murder", "arrested the director on
            # suspicion of fraud"; whom, a noun's words ("the accused woman told jurors of
            # abuse": no one accused).
            active = (_ACTIVE_ARREST if stage == "arrested" else _ACTIVE)().match(masked, match_end)
            if (
                active
                and _charge_key(active.group("charge"))
                and _a_whom(active.group("whom"), masked, m.start())
            ):
                words, match_end = active.group("charge"), active.end()
            elif stage in ("accused", "acquitted") and not _OF().match(masked, match_end):
                at = match_end  # "the accused told the court of ...": no one accused
                continue
        end, charge = match_end, frozenset[str]()
        if words and stage in _NO_CHARGE_TO and _TO().match(masked, match_end - len(words)):
            words = ""  # "released to the public": to whom, not what for
        if words:
            end -= len(words) - _charge_length(words)
            charge = _charge_key(words)
            if not charge:  # "released on Friday", "charged over the weekend"
                end = match_end - len(words)
        text = masked[m.start() : end]
        if not charge:  # the stage's words alone, without an intro left hanging
            text = _DANGLING_INTRO().sub("", text)
            end = m.start() + len(text)
        start = m.start()
        negated = _NEGATED().search(masked, max(0, start - 20), start)
        if negated:  # "was not charged": quoted with its "not", or it reads as "charged"
            start, text = negated.start(), masked[negated.start() : end]
        found.append(Status("legal", stage, charge, text, start, end))
        at = max(end, m.start() + 1)
    for m in () if _CONDITION_WORDS.isdisjoint(tokens) else _CONDITION().finditer(masked):
        key = _key(m, _CONDITIONS)
        if m.group().lower().endswith("hurt") and not _done_to(masked, m.start(), m.end()):
            continue  # "the tariffs hurt exporters": no one hurt in body
        if _of_a_thing(masked, m.start(), head_only=True) or _NOT_A_DEATH().match(
            masked, m.start()
        ):
            continue  # "the bridge was in a critical condition", "killed off by a goal"
        status = Status("condition", key, frozenset(), m.group(), m.start(), m.end())
        if m.group().lower() == "discharged" and not _of_a_person(masked, status):
            continue  # "the jury was discharged": no one out of hospital
        found.append(status)
    for m in () if _POST_WORDS.isdisjoint(tokens) else _POST().finditer(masked):
        key = _key(m, _POSTS)
        word = m.group().lower()
        # Said of the one it was done to: "was fired", or a headline's "Minister fired".
        if word.startswith(_DONE_TO_ONLY) and not _done_to(masked, m.start(), m.end()):
            continue  # "police fired tear gas", "the judge dismissed the case"
        if _of_a_thing(masked, m.start()) or _NOT_A_POST().match(masked, m.start()):
            continue  # "flights were suspended", "resigned himself to", "dismissed for 40"
        found.append(Status("post", key, frozenset(), m.group(), m.start(), m.end()))
    for m in () if _ACTING_WORDS.isdisjoint(tokens) else _ACTING().finditer(masked):
        title = _NEXT_WORD().match(masked, m.end())
        end = title.end() if title else m.end()
        found.append(
            Status("acting", "acting", frozenset(), masked[m.start() : end], m.start(), end)
        )
    found.sort(key=lambda s: (s.start, s.start - s.end))
    return tuple(_in_hospital_alone(_joined(_without_overlaps(found), masked), masked))


def _in_hospital_alone(found: list[Status], text: str) -> list[Status]:
    """The statuses, "in hospital" beside a condition that says more of it read as that
    condition ("is in hospital in a stable condition" is as "in a stable condition", and
    takes its words), or left out when the condition stands elsewhere."""
    if not any(s.stage == "in hospital" for s in found):
        return found
    if not any(s.group == "condition" and s.stage not in _NOT_GRADED for s in found):
        return found
    out: list[Status] = []
    taken = -1  # (the index of a condition read with the stay before it)
    for k, status in enumerate(found):
        if k == taken:
            continue
        if status.stage != "in hospital":
            out.append(status)
            continue
        after = found[k + 1] if k + 1 < len(found) else None
        before = out[-1] if out else None
        # (Taken there, "taken to hospital in a critical condition", the condition alone
        # tells how they are.)
        alone = status.text.lower().startswith(_TAKEN_THERE)
        if after is not None and _graded_beside(status, after, text):
            out.append(after if alone else _spanning(status, after, after.stage, text))
            taken = k + 1
        elif before is not None and not alone and _graded_beside(before, status, text):
            out[-1] = _spanning(before, status, before.stage, text)
    return out


#: How a status of being taken to hospital opens (see ``_CONDITIONS``).
_TAKEN_THERE = ("taken", "rushed", "airlifted", "flown", "admitted")


def _graded_beside(first: Status, last: Status, text: str) -> bool:
    """Whether a graded condition and a hospital stay stand side by side."""
    graded = last if first.stage == "in hospital" else first
    return (
        graded.group == "condition"
        and graded.stage not in _NOT_GRADED
        and _BESIDE().fullmatch(text, first.end, last.start) is not None
    )


def _spanning(first: Status, last: Status, stage: str, text: str) -> Status:
    return Status(
        "condition", stage, frozenset(), text[first.start : last.end], first.start, last.end
    )


#: What may stand between "in hospital" and the condition it is told with.
_BESIDE = lazy_pattern(r"\s*,?\s*(?:(?:and|with)\s+)?", re.IGNORECASE)


#: Conditions that say no more than "in hospital" beside them.
_NOT_GRADED = frozenset({"in hospital", "injured"})


#: Whom a charge was laid on, then the charge: "charged [a man] with murder", "accused
#: [her husband] of fraud" (a few words, in one clause).
_ACTIVE = lazy_pattern(
    r"\s+(?P<whom>" + _WHOM_WORDS + r")(?:with|of)(?P<charge>(?:\s+[a-z][\w'-]*){1,6})(?![\w-])",
    re.IGNORECASE,
)
#: Whom someone was arrested, and what for: "arrested [a man] on suspicion of murder".
_ACTIVE_ARREST = lazy_pattern(
    r"\s+(?P<whom>" + _WHOM_WORDS + r")" + _ARREST_INTRO + r"(?P<charge>(?:\s+[a-z][\w'-]*){1,6})"
    r"(?![\w-])",
    re.IGNORECASE,
)
_WHOM = lazy_pattern(
    r"(?:(?:charged|accused|convicted|cleared|acquitted)\s+(" + _WHOM_WORDS + r")(?:with|of)\b"
    r"|(?:arrested|detained)\s+(" + _WHOM_WORDS + r")" + _ARREST_INTRO + r"\b)",
    re.IGNORECASE,
)
#: The stages said actively, whom before the charge.
_SAID_ACTIVELY = frozenset({"charged", "accused", "convicted", "acquitted", "arrested"})
#: Words that open whom a stage was said of: an article, a possessive, a figure.
_WHOM_OPENERS = _DETERMINERS | _NUMBER_WORD_TOKENS | _wordset("several both")
_OBJECT_PRONOUNS = _wordset("him her them us me you")
#: Articles before "accused" that make it a noun or an adjective ("the accused woman").
_ARTICLE_BEFORE = lazy_pattern(r"\b(?:the|an?)\s+$", re.IGNORECASE)


def _a_whom(words: str, text: str, at: int) -> bool:
    """Whether the words between a stage said actively and its charge name whom: a pronoun,
    a name, an article and a noun's words ("the director", "his former partner"), a noun
    or two ("police officers"), or by whom ("charged by the FA with"); not a verb's ("the
    accused woman told jurors of abuse")."""
    if _ARTICLE_BEFORE().search(text, max(0, at - 6), at):
        return False  # "the accused": said of someone, not to them
    split = words.split()
    lower = [w.lower() for w in split]
    if len(split) == 1:
        return not lower[0].endswith("ed") or split[0][:1].isupper()
    if (
        lower[0] in _WHOM_OPENERS
        or lower[0][:1].isdigit()  # ("12 men")
        or lower[0] == "by"
        or lower[0].endswith("'s")  # ("Smith's company")
        or all(w[:1].isupper() for w in split)
    ):
        return True
    return len(split) == 2 and lower[1].endswith("s") and lower[0] not in _OBJECT_PRONOUNS


def _charged_whom(phrase: str) -> str:
    """Whom a charge said actively was laid on ("charged a man with murder": "a man")."""
    found = _WHOM().search(phrase)
    return (found.group(1) or found.group(2)).lower().strip() if found else ""


#: A "not" just before a legal stage ("was not charged", "has not yet been arrested").
_NEGATED = lazy_pattern(r"\bnot\s+(?:yet\s+)?(?:been\s+)?$", re.IGNORECASE)
#: Stages whose "to" names whom to, not the charge ("released to the public").
_NO_CHARGE_TO = frozenset({"released", "bailed", "released under investigation"})
_TO = lazy_pattern(r"\s*to\b", re.IGNORECASE)
_OF = lazy_pattern(r"\s+of\b", re.IGNORECASE)
#: An intro whose charge was no charge ("released on", "charged over"), cut off.
_DANGLING_INTRO = lazy_pattern(
    r"(?:\s+(?:with|of|to|for|over|in\s+connection\s+with|on\s+suspicion\s+of|on))+\s*$",
    re.IGNORECASE,
)
_NEXT_WORD = lazy_pattern(r"prime\s+minister|[A-Za-z][\w'-]*", re.IGNORECASE)
#: What joins two phrases of one status: "arrested and charged", "injured and later died".
_JOIN = lazy_pattern(
    r"\s*,?\s*(?:and|but|then|before\s+being|(?P<after>after\s+being))\s+"
    r"(?:later\s+|then\s+|subsequently\s+)?"
    r"(?:(?:was|were|has|have|had|been|being)\s+)*"
    r"(?:later\s+|then\s+|subsequently\s+)?$",  # ("and later died", "and was later killed")
    re.IGNORECASE,
)


#: Things that are suspended, axed or in a poor condition: not a person's post or health.
_THINGS = _wordset(
    """
    flight flights service services route routes plan plans scheme schemes project projects
    programme programmes program programs trial trials match matches game games fixture
    fixtures talks train trains bus buses ferry ferries line lines railway shares share
    trading production show shows event events season league competition operation
    operations website site app licence licences license contract contracts deal deals
    policy policies law laws bill bills sale sales payment payments funding grant grants
    hearing hearings inquiry case cases meeting meetings concert concerts tour festival
    bridge bridges building buildings road roads pitch pitches car cars vehicle vehicles
    house houses property properties structure roof wall walls ship ships boat boats plane
    planes aircraft track tracks surface economy finances pipeline pipe pipes dam tunnel
    stadium rail
    """
)
#: A post word that is no post: resigned to a fate, a batsman out or off the field.
_NOT_A_POST = lazy_pattern(
    r"resign(?:ed|s)?\s+(?:himself|herself|themselves|myself|ourselves|yourself)\b"
    r"|dismissed\s+for\s+\d|retire[ds]?\s+hurt\b",
    re.IGNORECASE,
)
#: A death word that is none ("killed off by a late goal"), a cricket retirement.
_NOT_A_DEATH = lazy_pattern(r"killed\s+off\b|hurt\b(?<=retired\shurt)", re.IGNORECASE)
_CLAUSE_START = lazy_pattern(r"[^,;:()\u2014]*$")


def _of_a_thing(text: str, start: int, head_only: bool = False) -> bool:
    """Whether a post or condition word is said of a thing: a thing's noun among the words
    of its clause before it ("Flights to Dubai were suspended"), or, ``head_only``, as the
    clause's first noun ("The bridge was in a critical condition"; not "The driver of the
    car is in a stable condition")."""
    clause = _CLAUSE_START().search(text, max(0, start - 60), start)
    words = _REST_WORD().findall(clause.group().lower()) if clause else []
    if head_only:
        words = [w for w in words if w not in _DETERMINERS and not w[:1].isdigit()][:1]
    return not _THINGS.isdisjoint(words)


def _done_to(text: str, start: int, end: int) -> bool:
    """Whether the participle at ``text[start:end]`` is said of the one it was done to: a
    form of "be" before it ("was fired", "were badly hurt"), or a headline's subject and
    nothing after it but a word about the post ("Minister fired over expenses")."""
    return bool(
        _BEFORE_PASSIVE().search(text, max(0, start - 30), start)
        or (_headline_subject(text, start) and _PASSIVE_END().match(text, end))
    )


def _headline_subject(text: str, start: int) -> bool:
    """Whether a bare participle follows a headline's subject ("Minister sacked"): a few
    words before it, none a verb's helper (what may follow it is :func:`_done_to`'s)."""
    before = text[:start].split()
    return 0 < len(before) <= 4 and _AUX_WORDS.isdisjoint(w.lower() for w in before)


def _without_overlaps(found: list[Status]) -> list[Status]:
    """The phrases, each word read once: the first and longest of any that overlap."""
    kept: list[Status] = []
    for status in found:
        if kept and status.start < kept[-1].end:
            continue
        kept.append(status)
    return kept


def _joined(found: list[Status], text: str) -> list[Status]:
    """Neighbouring phrases of one group joined by "and" (and the like) as one, keyed by
    the later ("arrested and charged" is charged; "injured and later died", died). After
    "after being" the later phrase tells the earlier event, the cause ("died after being
    stabbed", "released after being questioned"): the first phrase stands alone."""
    out: list[Status] = []
    for status in found:
        last = out[-1] if out else None
        if last is None or last.group != status.group:
            out.append(status)
            continue
        join = _JOIN().fullmatch(text, last.end, status.start)
        if join is not None and _done_by(status, text):
            join = None  # "was injured and killed two others": what he did, not suffered
        if join is not None and join.group("after"):
            continue  # (what happened before: the standing is the first phrase's)
        if join is not None:
            # A standing is its latest stage: "arrested and charged" is as "charged".
            out[-1] = Status(
                last.group,
                status.stage,
                last.charge | status.charge,
                text[last.start : status.end],
                last.start,
                status.end,
            )
        else:
            out.append(status)
    return out


#: Condition words that are also acts done to someone named after them.
_ACTS = frozenset({"killed", "shot", "stabbed", "injured", "wounded", "hurt"})


def _done_by(status: Status, text: str) -> bool:
    """Whether a condition's word is an act its subject did to someone named just after it
    ("killed two others", "shot a passer-by", "injured him"), with no "was" before it."""
    if status.group != "condition" or status.text.lower() not in _ACTS:
        return False
    after = text[status.end : status.end + 24].split(maxsplit=1)
    if not after:
        return False
    word = after[0].lower().strip(".,;:")
    if word == "at" and after[1:] and after[1].lower().startswith("least "):
        word = "least"  # "killed at least two others"
    return (
        word in _WHOM_OPENERS or word in _OBJECT_PRONOUNS or word == "least" or word[:1].isdigit()
    ) and not (_BEFORE_PASSIVE().search(text, max(0, status.start - 30), status.start))


def label(phrases: Sequence[str]) -> str:
    """What of a status a few phrases disagree on, as the views call it ("charge", "legal
    stage", "condition", "post"), from the phrases alone ("charged with murder", "charged
    with manslaughter": the charge)."""
    read = [found[0] for found in map(statuses, phrases) if found]
    groups = {status.group for status in read}
    if groups == {"legal"}:
        return "charge" if len({status.stage for status in read}) == 1 else "legal stage"
    if groups <= {"post", "acting"}:
        return "post"
    return "condition" if groups == {"condition"} else "status"


def says_less(was: str, now: str) -> bool:
    """Whether one of two legal stage phrases tells only stages the other's joined ones
    hold ("arrested" of "arrested and charged"): between outlets, one that says less, not
    one that says otherwise."""
    a, b = _stages_in(was), _stages_in(now)
    return bool(a and b) and a != b and (a <= b or b <= a)


def _stages_in(phrase: str) -> frozenset[str]:
    return frozenset(_key(m, _STAGES) or "arrested" for m in _LEGAL().finditer(phrase))


class StatusChange(NamedTuple):
    """One status that changed: what (``WHAT_CHANGED``'s key) and its phrase in each version."""

    what: str
    was: str
    now: str
    keys: tuple[str, str] = ("", "")
    """The stage or condition each side is keyed by ("died", "serious")."""


#: Grades of an injury: "injured" -> "seriously injured" says how badly, which the hedges
#: tell (a grade added or taken away).
_GRADES = frozenset({"serious", "critical", "minor"})


def graded_only(changed: StatusChange) -> bool:
    """Whether a condition change is only an injury's grade told or left out ("injured" ->
    "seriously injured"): the hedge rule's to tell. A death told as an injury ("killed" ->
    "seriously injured") or one grade for another ("slightly hurt" -> "seriously hurt") is
    the status's, whatever hedge its words hold."""
    was, now = changed.keys
    return (
        changed.what == "condition"
        and {was, now} & {"injured"} != set()
        and ({was, now} - {"injured"} <= _GRADES)
    )


def status_changes(old: str, new: str) -> list[StatusChange]:
    """The statuses that changed between two versions of a sentence (their quotations
    masked): phrases of one group, as many in each, whose keys differ, the rest of the
    sentence largely the same. A post held for now ("acting chief") that came or went, the
    rest the same, is one too."""
    before, after = statuses(old), statuses(new)
    if not (before or after):
        return []
    found: list[StatusChange] = []
    for group in ("legal", "condition", "post"):
        was = [s for s in before if s.group == group]
        now = [s for s in after if s.group == group]
        if group == "condition" and was and now and abs(len(was) - len(now)) == 1:
            found += _death_beside(old, was, new, now)
            continue
        if not was or len(was) != len(now):
            continue
        for a, b in zip(was, now, strict=True):
            what = _what_changed(a, b)
            if (
                what is not None
                and (_same_person(old, a, new, b) or _kept_then(old, a, new, b))
                and _charged_whom(a.text) == _charged_whom(b.text)
            ):
                found.append(StatusChange(what, a.text, b.text, (a.stage, b.stage)))
    if not found and len(before) == len(after) == 1:
        found += _crossed(old, before[0], new, after[0])
    acting_old = [s for s in before if s.group == "acting"]
    acting_new = [s for s in after if s.group == "acting"]
    if len(acting_old) != len(acting_new):
        found += _acting_changes(old, new, acting_old, acting_new)
    if found and not _same_subject(old, new, before, after):
        return []
    return found


def _kept_then(old: str, a: Status, new: str, b: Status) -> bool:
    """Whether ``new`` keeps ``a``'s phrase, said of the same person, before its own status
    ``b`` (or ``old`` has ``b``'s before ``a``): "A man was taken to hospital" -> "A man who
    was taken to hospital has died", where the clause between puts "died" far from the man."""
    at = new.find(a.text, 0, b.start)
    if at >= 0:
        kept = a._replace(start=at, end=at + len(a.text))
        return _nobody_between(new, kept, b) and _same_person(old, a, new, kept)
    at = old.find(b.text, 0, a.start)
    if at < 0:
        return False
    kept = b._replace(start=at, end=at + len(b.text))
    return _nobody_between(old, kept, a) and _same_person(old, kept, new, b)


def _nobody_between(text: str, first: Status, then: Status) -> bool:
    """Whether the later of two statuses of a sentence is said of the earlier's person: the
    words between name no one else ("who was taken to hospital with hypothermia has died",
    "taken to hospital, where he died", "was injured and later died"). A noun phrase of its
    own (an article, a possessive, a number, a name: "and his passenger died", "in which
    Smith died", "and another died"), a clause of a thing ("which killed two others") or a
    killing done ("and killed two others") tells of another."""
    between = text[first.end : then.start]
    if any(c.isdigit() or c.isupper() for c in between):
        return False
    words = re.findall(r"[a-z]+", between.lower())
    if not _OTHERS_BETWEEN.isdisjoint(words):
        return False
    if any(word in PEOPLE_NOUNS or word in KIN for word in words):
        return False
    # "killed" done, not suffered: "and killed two others" ("and was later killed" is one).
    return not then.text.lower().startswith("kill") or not _PASSIVE.isdisjoint(words)


#: Words between two statuses that open another noun phrase or a thing's clause.
_OTHERS_BETWEEN = _DETERMINERS | _wordset(
    "which whose whom another other others one two three four five six seven eight nine ten "
    "both all several"
)


def _death_beside(old: str, was: list[Status], new: str, now: list[Status]) -> list[StatusChange]:
    """A death told beside the conditions the other version tells ("was taken to hospital"
    -> "who was taken to hospital has died"), or taken back: the last of those conditions
    changed to "died" (or from it), when the rest stand as they were."""
    added = len(now) > len(was)
    longer, shorter = (now, was) if added else (was, now)
    deaths = [s for s in longer if s.stage == "died"]
    if len(deaths) != 1 or shorter[-1].stage == "died":
        return []
    if [s.stage for s in longer if s is not deaths[0]] != [s.stage for s in shorter]:
        return []
    a, b = (shorter[-1], deaths[0]) if added else (deaths[0], shorter[-1])
    if not (_same_person(old, a, new, b) or _kept_then(old, a, new, b)):
        return []
    return [StatusChange("condition", a.text, b.text, (a.stage, b.stage))]


#: Conditions that end a hospital stay.
_OUT_OF_HOSPITAL = frozenset({"died", "discharged"})
#: Stages that say less of another: "released" of one "released without charge" or
#: "released on bail" says no other thing.
_SAYS_LESS = {("released", key) for key in ("released without charge", "bailed")} | {
    ("released", "released under investigation")
}


def _what_changed(a: Status, b: Status) -> str | None:
    if a.group == "condition" and "in hospital" in (a.stage, b.stage):
        # Still in hospital, told with how they are ("is in hospital" -> "is in a stable
        # condition"), says more, not otherwise; died or discharged says otherwise.
        return "condition" if {a.stage, b.stage} & _OUT_OF_HOSPITAL else None
    if a.group != "legal":
        return None if a.stage == b.stage else a.group
    stage = a.stage != b.stage and not {(a.stage, b.stage), (b.stage, a.stage)} & _SAYS_LESS
    charge = bool(a.charge and b.charge and a.charge != b.charge)
    if stage and charge:
        return "legal"
    return "stage" if stage else "charge" if charge else None


def _acting_changes(
    old: str, new: str, acting_old: list[Status], acting_new: list[Status]
) -> list[StatusChange]:
    """ "acting chief" -> "chief" (or back), the words round it the same."""
    if len(acting_old) + len(acting_new) != 1:
        return []
    (acting,), other, text = (acting_old, new, old) if acting_old else (acting_new, old, new)
    cut = (text[: acting.start] + text[acting.start + len(_first_word(acting.text)) :]).split()
    others = other.split()
    bare = acting.text.split(maxsplit=1)[-1]
    at = len(text[: acting.start].split())
    if at < len(others) and others[at].lower() in _FOR_GOOD:
        # "interim manager" -> "permanent manager": held for good, said so.
        bare = f"{others[at]} {bare}"
        others = others[:at] + others[at + 1 :]
    if [w.lower() for w in cut] != [w.lower() for w in others]:
        return []
    if acting_old:
        return [StatusChange("acting", acting.text, bare)]
    return [StatusChange("acting", bare, acting.text)]


#: Words that say a post is held for good, in place of "acting" or "interim".
_FOR_GOOD = _wordset("permanent full-time substantive")


def _first_word(text: str) -> str:
    return text.split(maxsplit=1)[0] + " "


#: Words that say nothing of who a sentence is about: helpers, articles, "not".
_FILLER = (
    _AUX_WORDS
    | _DETERMINERS
    | {"not", "being", "later", "then", "and", "still", "now", "who"}
    # (Verbs that carry a condition: "remains in a stable condition", "suffered minor
    # injuries" are said of whoever "is" would be.)
    | _wordset("remain remains remained stay stays stayed suffered suffers sustained sustains")
)


def _same_subject(
    old: str, new: str, before: tuple[Status, ...], after: tuple[Status, ...]
) -> bool:
    """Whether the words outside the status phrases are largely the same (helpers and
    articles aside), so that the status is of the same person in both."""
    rest_old, rest_new = _rest(old, before), _rest(new, after)
    total = sum(rest_old.values()) + sum(rest_new.values())
    if not total:
        return True
    if rest_old and rest_new and (rest_old <= rest_new or rest_new <= rest_old):
        return True  # words only left out or added ("on Friday", ", in charge since 2019,")
    return 2 * sum((rest_old & rest_new).values()) / total >= _SAME_REST


def _crossed(old: str, a: Status, new: str, b: Status) -> list[StatusChange]:
    """One status for another of another group, the only one of each version, said of the
    same person, when the two cannot both hold ("The hostage was freed" -> "The hostage was
    killed"; "The chairman resigned" -> "The chairman died"): named by the new one's group.
    A legal stage and a post may both hold ("was arrested" -> "was suspended"), so may a
    release and a discharge (both let go); a film released or a jury discharged is no
    person's ("was sacked" -> "was moved to the Treasury" is the same group)."""
    if a.group == b.group or "acting" in (a.group, b.group) or not _same_person(old, a, new, b):
        return []
    if not _contradict(a, b) or not (_of_a_person(old, a) and _of_a_person(new, b)):
        return []
    what = "stage" if b.group == "legal" else b.group
    return [StatusChange(what, a.text, b.text, (a.stage, b.stage))]


#: Legal stages that let someone go, as a discharge does.
_LET_GO = frozenset({"released", "released without charge", "bailed"})


def _contradict(a: Status, b: Status) -> bool:
    """Whether statuses of two groups cannot both hold: a legal stage and a condition (but
    a release and a discharge, both let go), or a post and a death."""
    groups = {a.group, b.group}
    if groups == {"legal", "condition"}:
        return not ({a.stage, b.stage} & _LET_GO and "discharged" in (a.stage, b.stage))
    return groups == {"post", "condition"} and "died" in (a.stage, b.stage)


def _of_a_person(text: str, found: Status) -> bool:
    """Whether a status is said of a person: the word just before it (helpers and an aside
    left out) is a pronoun, a noun for people or a post ("the hostage", "the chairman"),
    someone's age ("a 34-year-old") or a name ("Osei"); not "the film", "the data", "the
    jury"."""
    words, _ = _words_before(text, found)
    if not words:
        return False
    head = words[-1]
    lower = head.lower()
    if lower in _PERSONS or lower.endswith("-year-old"):
        return True
    # A name: capitalised, and no thing's noun opening a headline ("Film shot in Leeds").
    return head[:1].isupper() and lower not in _THINGS and lower not in _NO_ONE


#: Things released, shot or discharged, beside ``_THINGS``: "the film was released".
_NO_ONE = _wordset(
    """
    film films movie movies data album albums book books report reports figures results
    footage video videos details statement statements document documents song songs single
    record records jury juries panel evidence information images photos pictures findings
    """
)
#: Words for a person a status is said of, besides the nouns for people and the posts.
_PERSONS = (
    PEOPLE_NOUNS
    | KIN
    | _wordset(_TITLES)
    | _wordset(
        """
        he she they i we you him her them hostage hostages suspect suspects defendant
        defendants accused captive captives owner singer actor actress star footballer
        politician mp mps councillor councillors
        """
    )
)


def _same_person(old: str, a: Status, new: str, b: Status) -> bool:
    """Whether status ``a`` of ``old`` and ``b`` of ``new`` are said of the same person: the
    last few words before them agree; or one version names them in full and the other by
    the end of that name, all it has before the status ("Daniel Harker, 34, was charged"
    -> "Harker was charged"; not "The driver" -> "The other driver", "The minister" ->
    "The deputy minister"); or a word of one framing family stands for another's ("A
    protester, 19, was charged" -> "A rioter, 19, ..."; framing tells that)."""
    written_x, whole_x = _words_before(old, a)
    written_y, whole_y = _words_before(new, b)
    x, y = [_counted(w) for w in written_x], [_counted(w) for w in written_y]
    if x[-_BEFORE:] == y[-_BEFORE:]:
        # ("The Prime Minister" -> "The former Prime Minister": another, said before.)
        p, q = _before_window(x), _before_window(y)
        return p == q or not {p, q} & _ANOTHER_PERSON
    if len(x) != len(y):
        short, longer, written, whole = (
            (x, y, written_y, whole_x) if len(x) < len(y) else (y, x, written_x, whole_y)
        )
        return (
            whole
            and bool(short)
            and longer[-len(short) :] == short
            and _more_of_a_name(written[: len(longer) - len(short)])
        )
    return all(
        p == q or (family_of(p) or p) == (family_of(q) or q)
        for p, q in zip(x[-_BEFORE:], y[-_BEFORE:], strict=True)
    )


def _counted(word: str) -> str:
    """A word before a status as compared, lower-cased; a count of people ("Two men" ->
    "Three men") is the same group whatever the count: the number facet tells that."""
    lower = word.lower()
    return "#" if lower.isdigit() or lower in _NUMBER_WORD_TOKENS else lower


def _before_window(words: list[str]) -> str:
    """The word before the last few that must agree, or "" where there is none."""
    return words[-_BEFORE - 1] if len(words) > _BEFORE else ""


def _more_of_a_name(words: Sequence[str]) -> bool:
    """Whether the words one version has before the other's are more of a name ("John" of
    "John Smith", "Chief Inspector" of "Chief Inspector Jones"), each capitalised and none
    a word that tells another person ("other", "second", "deputy", "former"), or whoever
    said it before them ("Police said", "Police said John" of "Smith")."""
    rest = list(words)
    while rest and rest[-1][:1].isupper() and rest[-1].lower() not in _ANOTHER_PERSON:
        rest.pop()  # (the name's words, from its end)
    return not rest or rest[-1].lower() in _SAID


#: Reporting verbs that may stand before a person's name or noun ("Police said the driver").
_SAID = _wordset("said says say told confirmed announced reported added stated revealed")


#: Words before a person's noun that make them another person than the one without them
#: ("the other driver", "a second man", "the deputy minister", "the former minister").
_ANOTHER_PERSON = _wordset(
    """
    other another second third fourth fifth sixth first next last latest new previous
    former ex ex- deputy assistant vice vice- acting interim shadow junior senior fellow
    different same late elder older younger two three four five several both
    """
)


def _words_before(text: str, found: Status) -> tuple[list[str], bool]:
    """The words before a status phrase as written, helpers, articles and an aside aside
    ("a 23-year-old man was charged" and "a 23-year-old woman was charged" are two people,
    however alike the rest), and whether they are all the sentence has before it."""
    start = max(0, found.start - 80)
    owner = _OWNER_BEFORE().search(text, start, found.start) if found.text[:1] in "cC" else None
    if owner is not None:  # "where his condition is stable": said of him, whatever before
        return [_OWNER[owner.group(1).lower()]], True
    before = _ASIDE().sub(" ", text[start : found.start])
    # (A possessive is its owner's: "Moss's condition was serious" is said of Moss.)
    words = [w.removesuffix("'s") for w in _REST_WORD().findall(before)]
    return [w for w in words if w.lower() not in _FILLER], start == 0


#: A possessive pronoun before "condition" ("his condition is stable") and whom it names.
_OWNER_BEFORE = lazy_pattern(r"\b(his|her|their)\s+$", re.IGNORECASE)
_OWNER = {"his": "he", "her": "she", "their": "they"}
#: An aside just before a status, between commas, helpers after it: "Tom Jones, in charge
#: since 2019, resigned" and "Daniel Harker, 34, was charged" are said of a name.
_ASIDE = lazy_pattern(
    r",[^,;:]*,\s*(?:(?:is|are|was|were|has|have|had|been|be|being|remains?|remained)\s+)*$"
)


#: How many words before a status phrase must agree.
_BEFORE = 2
#: The share of the other words both versions must share (Dice's coefficient).
_SAME_REST = 0.6
_REST_WORD = lazy_pattern(r"[\w'-]+")


def _rest(text: str, found: tuple[Status, ...]) -> Counter[str]:
    pieces, at = [], 0
    for status in found:
        pieces.append(text[at : status.start])
        at = status.end
    pieces.append(text[at:])
    words = _REST_WORD().findall(" ".join(pieces).lower())
    # (A possessive is its owner: "Smith's condition", "his condition" are said of Smith, him;
    # a count is the same group whatever it is: "Two men" -> "Three men".)
    return Counter(
        _OWNER.get(w, _counted(w.removesuffix("'s")))
        for w in words
        if w in _OWNER or w not in _FILLER
    )
