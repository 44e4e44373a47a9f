"""The words and figures of one sentence, as the N-way comparison reads them.

Each sentence of an outlet's story becomes a ``_Sentence``: its plain and normalised words
and the figures it gives, each with the noun it counts ("four cracks"; "Six of the 19
injured": six of the badly hurt, 19 the whole they are taken from). Claim grouping
(``compare/multi.py``) and the dispute rules for tolls and dates (``compare/disputes.py``)
both read them, so they stand below both: multi imports disputes, both import this module,
and this module imports neither.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from compare.text import PEOPLE_NOUNS, _word_set, lazy_pattern


def _word_list(text: str) -> list[str]:
    return text.split()


_STOP = _word_set(
    "a an the of to in on at for by with from and or but as is are was were be been being "
    "has have had do does did it its this that these those he she they them his her their we "
    "our you your i me my him us which who whom whose what when where while after before "
    "about into over under up out than then there here also just so such very more most "
    "said says say saying told tell tells according added adds would could will can may "
    "might should shall must new s each every some about roughly around nearly almost "
    "approximately least yet whether"
)
#: Words newsrooms swap for one another when they rewrite a story, mapped to one form.
_SAME = {
    word: group.split()[0]
    for group in (
        "injured hurt wounded injuries injury injures",
        "killed dead died deaths fatalities",
        "people residents persons",
        "police officers policemen",
        "closed shut shuttered",
        "closure shutdown",
        "began started begun begins starts",
        "company firm",
        "fire blaze",
        "rose rise rises risen increased increase increases climbed climb climbs",
        "fell fall falls fallen dropped drop drops declined decline declines decreased",
        "arrested detained",
        "children kids child kid",
        "men man",
        "women woman",
        "homes houses households",
        "jobs positions",
        "vehicles cars",
        "quit resigned resigns",
        "approved passed",
        "delayed postponed",
        "discovered found",
        "damage damaged",
        "investigating investigation investigate probing probe",
    )
    for word in group.split()
}
_NEGATIONS = _word_set("not no never none nobody nothing neither nor cannot without")
_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        _word_list(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
        )
    )
}
_NUMBER_WORDS.update(
    {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
)
_NUMBER_WORDS.update({"ninety": 90, "hundred": 100, "dozen": 12})
_TENS = frozenset(word for word, value in _NUMBER_WORDS.items() if value in range(20, 100, 10))
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9, "m": 1e6, "k": 1e3}
_PERCENT = frozenset(("percent", "per", "cent", "pc", "%"))
_WORD = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)


#: Nouns of an act whose verb is their stem and "-ate": "evacuation" is cut to "evacuat", as
#: "evacuated" and "evacuating" are. A noun that names a thing or a state of its own
#: ("location", "population", "situation", "operation", "inflation", "generation") is not.
_ACT_NOUNS = frozenset(
    {
        "celebration",
        "compensation",
        "contamination",
        "cooperation",
        "coordination",
        "creation",
        "deliberation",
        "demonstration",
        "devastation",
        "donation",
        "escalation",
        "evacuation",
        "investigation",
        "isolation",
        "mediation",
        "negotiation",
        "nomination",
        "participation",
        "rehabilitation",
        "relegation",
        "relocation",
        "renovation",
        "separation",
        "speculation",
        "termination",
        "translation",
        "vaccination",
        "violation",
    }
)

#: Stems of one act and its doer on one stem ("prosecuting" is cut to "prosecut"). The
#: prosecutor's keeps its whole word: scores of sentences naming one are as they were.
_ACT_STEMS = {"prosecution": "prosecutor", "prosecut": "prosecutor"}


def _stem(word: str) -> str:
    """A light stemmer, enough to match "cross"/"crossing", "make"/"making", "cities"/"city"."""
    word = word.removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "ly"):
        if len(word) >= len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "ls":
                word = word[:-1]  # stopped -> stop
            break
    else:
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
    word = word[:-1] if word.endswith("e") and len(word) >= 4 else word
    # An act told as a noun is the verb's stem: "the evacuation of 450 homes" / "300 homes
    # were evacuated", "deliberation" / "deliberating". Only the listed nouns: a suffix
    # rule joined "formation" / "format", "location" / "located", "population" /
    # "populated", "situation" / "situated", "vacation" / "vacated".
    if word in _ACT_NOUNS:
        word = word[:-3]
    # The act and its doer on one stem: "prosecution" / "prosecutor" / "prosecuting". Only
    # these: a suffix rule joined "director" / "direction", "conductor" / "conduct".
    return _ACT_STEMS.get(word, word)


def _number_value(token: str) -> float | None:
    if token[0].isdigit():
        digits = token.rstrip("%")
        # "1,200" is twelve hundred; "3.5" and "3,5" are decimals only with 1-2 digits after.
        if re.fullmatch(r"\d{1,3}(,\d{3})+", digits):
            return float(digits.replace(",", ""))
        try:
            return float(digits.replace(",", "."))
        except ValueError:
            return None
    value = _NUMBER_WORDS.get(token)
    return float(value) if value is not None else None


def _format_number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


@dataclass(frozen=True)
class _Number:
    value: str
    """Canonical value: digits, a ``%`` for percentages ("4", "1200", "12%")."""
    subject: str
    """The stemmed noun it counts ("crack"), or empty."""
    surface: str
    """Its words as written, case-folded ("four cracks")."""
    whole: bool = False
    """It is the M of "N of the M" whose N counts the badly hurt ("Six of the 19 injured
    were in critical condition"): the group they are taken from, which another outlet may
    leave out ("Seven people were in critical condition" is the same claim, disputed)."""


@dataclass
class _Sentence:
    """One sentence and what grouping needs to know about it."""

    doc: int
    """Index of its document."""
    paragraph: int
    """Paragraph index in the document."""
    sentence: int
    """Sentence index in the paragraph."""
    ordinal: int
    """Position among all the document's sentences, from 0."""
    text: str
    """The sentence as written."""
    norm: str
    """Normalised (quotes, dashes, spaces); case kept."""
    tokens: frozenset[str]
    """Content tokens: stemmed words and canonical numbers."""
    numbers: tuple[_Number, ...]
    """Its figures, with the nouns they count."""
    quotes: tuple[str, ...]
    """Text in quotation marks."""
    negated: bool
    """It holds a negation (not, never, no, n't)."""
    plain: tuple[str, ...]
    """Its case-folded words: equal for two verbatim copies."""
    weights: dict[str, float] = field(default_factory=dict)
    """Token -> rarity weight among the sentences being grouped."""
    total: float = 0.0
    """Sum of the weights."""
    joined: str = ""
    """The tokens sorted and joined, for the fuzzy ratio."""


#: Ways to say that someone is badly hurt, which outlets swap for one another: "in critical
#: condition", "fighting for their lives", "life-threatening injuries", "seriously injured".
#: Each counts as one word, and a figure just before it counts the badly hurt ("Six of them
#: were in critical condition" / "Seven of the injured were fighting for their lives" is
#: one claim, its figure disputed). "non-life-threatening" and "stable condition" are not.
_GRAVE = lazy_pattern(
    r"(?<![\w-])(?:"
    r"in (?:a |an )?(?:critical|serious|grave|life[- ]threatening)(?: but stable)? condition"
    r"|(?:critically|seriously|gravely|severely|badly) (?:injured|hurt|wounded|ill|burned|burnt)"
    r"|(?:critical|serious|grave|severe|life[- ]threatening) (?:injuries|injury|wounds|burns)"
    r"|(?:fighting|battling|struggling) for (?:their|his|her) li(?:fe|ves)"
    r"|between life and death"
    r")(?![\w-])"
)
#: Words one of those phrases holds, to skip the pattern for most sentences.
_GRAVE_HINT = lazy_pattern(
    r"critical|serious|grave|severe|badly|threatening|for (?:their|his|her) li|life and death"
)
#: The one word they count as (not a word a sentence could hold).
_GRAVE_TOKEN = "<badly hurt>"
#: How many words after a figure such a phrase may start and still say what it counts.
_GRAVE_REACH = 6


def _grave_starts(folded: str) -> frozenset[int]:
    """The word indices (as _WORD finds words in ``folded``) where a phrase saying someone
    is badly hurt starts."""
    starts = {m.start() for m in _GRAVE().finditer(folded)}
    return frozenset(i for i, m in enumerate(_WORD.finditer(folded)) if m.start() in starts)


def _apart(folded: str, raw: Sequence[str]) -> frozenset[int]:
    """Where a tens word and the next word are kept apart by a mark ("forty, three of
    them"): the indices in ``raw`` of such tens words."""
    if _TENS.isdisjoint(raw):
        return frozenset()
    spans = [m.span() for m in _WORD.finditer(folded)]
    return frozenset(
        i
        for i in range(len(spans) - 1)
        if raw[i] in _TENS and folded[spans[i][1] : spans[i + 1][0]].strip(" -")
    )


def _name_places(norm: str, raw: Sequence[str]) -> frozenset[int]:
    """The indices in ``raw`` (``norm``'s words, case-folded) of the words ``norm`` writes
    capitalised after its first word: names ("Two Ashford schools"), which a figure does
    not count when a noun of its own follows."""
    cased = _WORD.findall(norm)
    if len(cased) != len(raw):  # case-folding changed the words (rare letters): no names
        return frozenset()
    return frozenset(i for i, word in enumerate(cased) if i and word[:1].isupper())


def _numbers(
    raw: list[str],
    apart: frozenset[int] = frozenset(),
    grave: frozenset[int] = frozenset(),
    names: frozenset[int] = frozenset(),
    clocks: frozenset[int] = frozenset(),
) -> tuple[_Number, ...]:
    """The numbers in a sentence's words, each with the noun it counts; ``apart`` holds
    the tens words a mark keeps from the next word (see _apart), ``clocks`` the hours a
    colon joins to their minutes (see _clock_joints), ``grave`` where a phrase
    saying someone is badly hurt starts (see _GRAVE), ``names`` where a name stands (see
    _name_places)."""
    numbers: list[_Number] = []
    wholes: set[int] = set()
    i = 0
    while i < len(raw):
        word = raw[i]
        value = _number_value(word) if word[0].isdigit() or word in _NUMBER_WORDS else None
        if value is not None and word[0].isdigit() and (length := _clock_time(raw, i, clocks)):
            i += length  # "8:40 p.m." counts nothing: facets read clock times as times
            continue
        # "one of the" and "no one" are not counts, but "One of the injured was fighting for
        # his life" counts one of the badly hurt, as "Six of the injured were" counts six.
        if value is not None and not (
            word == "one"
            and (
                raw[i - 1 : i] == ["no"]
                or (raw[i + 1 : i + 2] == ["of"] and not _counts_the_badly_hurt(raw, i, grave))
            )
        ):
            start = i
            # "twenty-three" (split at its hyphen) or "twenty three" is one number, 23.
            if (
                word in _TENS
                and i + 1 < len(raw)
                and i not in apart
                and 0 < _NUMBER_WORDS.get(raw[i + 1], 10) < 10
            ):
                value += _NUMBER_WORDS[raw[i + 1]]
                i += 1
            if i + 1 < len(raw) and raw[i + 1] in _SCALES and value < 1000:
                value *= _SCALES[raw[i + 1]]
                i += 1
            percent = word.endswith("%")
            while i + 1 < len(raw) and raw[i + 1] in _PERCENT:
                percent = True
                i += 1
            canonical = _format_number(value) + ("%" if percent else "")
            subject = "percent" if percent else _subject(raw, start, i, names)
            surface = " ".join(
                raw[start : i + 1] + ([subject] if subject in raw[i + 1 : i + 3] else [])
            )
            subject = _stem(_SAME.get(subject, subject))
            # "Six of them were in critical condition": the six are the badly hurt, as
            # "seven of the injured were fighting for their lives" counts them too.
            # Another figure in between counts something else ("Of the 19 injured, six").
            if (
                not percent
                and not _of_a_whole(raw, start)
                and _counts_the_badly_hurt(raw, i, grave)
            ):
                subject = _GRAVE_TOKEN
                if raw[i + 1 : i + 2] == ["of"]:
                    wholes.add(
                        i + 3 if raw[i + 2 : i + 3] in (["the"], ["those"], ["these"]) else i + 2
                    )
            numbers.append(_Number(canonical, subject, surface, start in wholes))
        i += 1
    return tuple(numbers)


_HALF_DAY = (["a", "m"], ["p", "m"])


def _clock_joints(folded: str, raw: Sequence[str]) -> frozenset[int]:
    """Where two runs of digits are an hour and its minutes joined by a colon ("21:00",
    words "21" and "00"): the indices in ``raw`` of such hours. ("rose to 17, 11 of them
    children" holds two figures.)"""
    if ":" not in folded:
        return frozenset()
    spans = [m.span() for m in _WORD.finditer(folded)]
    return frozenset(
        i
        for i in range(len(spans) - 1)
        if folded[spans[i][1] : spans[i + 1][0]] == ":" and raw[i].isdigit() and len(raw[i]) <= 2
    )


def _clock_time(raw: Sequence[str], i: int, joints: frozenset[int] = frozenset()) -> int:
    """How many words from ``raw[i]``, digits, a clock time takes: "9 pm" (2), "8:40 p.m."
    (4: the words "8", "40", "p", "m"), "21:00" (2, where ``joints`` says a colon joins
    them); 0 for no clock time."""
    at = i + 1
    minutes = raw[at] if at < len(raw) else ""
    with_minutes = len(minutes) == 2 and minutes.isdigit() and int(minutes) < 60
    if with_minutes:
        at += 1
    if raw[at : at + 1] in (["am"], ["pm"]):
        return at + 1 - i
    if list(raw[at : at + 2]) in _HALF_DAY:
        return at + 2 - i
    return 2 if with_minutes and i in joints and int(raw[i]) < 24 else 0


#: A clock time as written: "9 pm", "8:40 p.m.", "8.40pm", "21:00".
_CLOCK = lazy_pattern(
    r"(?<![\w.,:])\d{1,2}(?:[:.]\d{2})?\s?[ap]\.?m\b\.?|(?<![\w.,:])\d{1,2}:\d{2}(?![\w:])",
    re.IGNORECASE,
)


def clock_times(text: str) -> list[str]:
    """The clock times a sentence gives, as written, for the cheap look at two sentences
    that may disagree: a time is no counted figure (see _numbers)."""
    return [" ".join(m.group().casefold().split()) for m in _CLOCK().finditer(text)]


#: Words for people, which a figure before a phrase saying someone is badly hurt may count:
#: "40 supports were in critical condition" counts no one. Beside the nouns, words that
#: stand for people counted ("six others", "the 19 injured") and a few nationalities.
_PEOPLE = PEOPLE_NOUNS | _word_set(
    "casualties injured wounded hurt others them those others' whom elderly nationals "
    "americans mexicans africans koreans germans suspect suspects"
)
#: Words after a figure that end its noun phrase ("Two were ..."): with no noun before
#: them, the figure counts whoever the story is about.
_NOUN_ENDS = _word_set(
    "is are was were be been being has have had remain remains remained remaining stay "
    "stays stayed lay lie lies left listed reported suffered sustained received still now"
)


def _counts_the_badly_hurt(raw: Sequence[str], i: int, grave: frozenset[int]) -> bool:
    """Whether the figure ending at word ``i`` counts the badly hurt: a phrase saying so
    (see _GRAVE) starts within reach after it, and the words between count people."""
    reach = next((g for g in sorted(grave) if i < g <= i + _GRAVE_REACH), None)
    return reach is not None and _counts_people(raw[i + 1 : reach])


def _counts_people(between: Sequence[str]) -> bool:
    """Whether a figure followed by ``between`` (the words up to a phrase saying someone is
    badly hurt) counts people: a noun for people, or no noun at all ("Two were"), before
    the verb. "Six of the 19 injured": the 19 is the whole the six are taken from."""
    words = list(between)
    if words[:1] == ["of"]:
        k = 2 if words[1:2] in (["the"], ["those"], ["these"]) else 1
        if k < len(words) and _number_value(words[k]) is not None:
            k += 1
            while k < len(words) and (words[k] in _SCALES or _number_value(words[k]) is not None):
                k += 1
            words = words[k:]
    if any(_number_value(w) is not None for w in words):
        return False  # another figure in between counts something else
    other = False
    for word in words:
        # "cyclists", "Canadians", "gunmen"
        if word in _PEOPLE or word.endswith(("ists", "ians", "men")):
            return True
        if word in _NOUN_ENDS:
            break
        other = other or word not in _STOP
    return not other


def _of_a_whole(raw: Sequence[str], start: int) -> bool:
    """Whether the figure at ``start`` is the M of "N of (the) M": the whole, not the part
    a sentence goes on to say something about ("Two of the 40 passengers were seriously
    injured": two were)."""
    at = start - 1
    if at >= 1 and raw[at] in ("the", "those", "these"):
        at -= 1
    return at >= 1 and raw[at] == "of" and _number_value(raw[at - 1]) is not None


#: Endings of adjectives that may stand between a figure and the noun it counts ("three
#: public schools", "12 coastal towns"), as compare/facets reads them.
_ADJECTIVE_ENDS = tuple(_word_set("al ic ous ful ive able ible less ish ary den len ern"))
_ADJECTIVES = _word_set(
    "old young large small big little huge tiny tall high low long short major minor main "
    "senior junior elderly former previous prior other additional further separate extra "
    "nearby local empty vacant abandoned rural remote"
)


def _plural_noun(word: str) -> bool:
    """Whether ``word`` looks like a plural noun, which an adjective before it describes."""
    return word in _PEOPLE or (
        word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in _STOP
    )


def _subject(raw: list[str], start: int, end: int, names: frozenset[int] = frozenset()) -> str:
    """The noun a number counts: the next content word, else the previous one. A name
    ("Two Ashford schools") gives way to a noun after it, an adjective to a plural noun
    after it ("two elementary schools"); a negation counts nothing ("2,100, not 1,200")."""
    found: list[int] = [
        j
        for j in range(end + 1, min(len(raw), end + 4))
        if raw[j] not in _STOP
        and raw[j] not in _NEGATIONS
        and _number_value(raw[j]) is None
        and raw[j] not in _SCALES
    ]
    if found:
        at = next((j for j in found if j not in names), found[0])
        word = raw[at]
        # A name gives way only to a noun or an adjective before one: "Two Democrats voted"
        # counts Democrats, not "voted".
        if (
            at != found[0]
            and not _plural_noun(word)
            and not (word in _ADJECTIVES or word.endswith(_ADJECTIVE_ENDS))
        ):
            return raw[found[0]]
        if word in _ADJECTIVES or word.endswith(_ADJECTIVE_ENDS):
            head = next((raw[j] for j in found if j > at and j not in names), "")
            if head and _plural_noun(head):
                return head
        return word
    for word in reversed(raw[max(0, start - 3) : start]):
        if word not in _STOP and word not in _NEGATIONS and _number_value(word) is None:
            return word
    return ""
