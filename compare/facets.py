"""Changes in meaning between sentences: numbers, quotes, attributions, hedges, negations, names,
roles.

A word diff says that words changed; a reader wants to know that "four sources" became
"three sources", that a quote was trimmed, that "said" became "claimed", that "reportedly"
appeared or that "did" became "did not". This module finds those, offline, with regular
expressions and plain Python: no model, no network.

Public API
----------
``sentence_facets(text, open_quote=False) -> Facets``
    What one sentence carries: numbers (value, unit and the words they count), quotations
    (with the speaker), attributions (verb and source), hedges, negations and names.
    ``open_quote`` says the sentence starts inside a quotation opened by an earlier sentence
    of its paragraph. Extraction is cached per sentence.
``compare_sentences(old, new, sentence=0) -> tuple[Change, ...]``
    The meaning-level differences between two sentence texts, most severe first. ``None``
    on one side means the sentence was added (old is ``None``) or removed (new is ``None``);
    then what it carried that a reader cares about is reported: quotes, numbers (not ranks
    such as "the first time"), negations and named sources (these only when it holds no
    quote, whose change names its speaker). It works for any two sentences, so it also
    says where two outlets' versions of one claim disagree. ``sentence`` is copied into
    each ``Change``.
``meaning_changes(old, new, sentences) -> tuple[Change, ...]``
    Every change of a comparison, given its aligned sentence blocks, most severe first
    (numbers, quotes, negations, roles; then attributions, hedges; then names), then in reading
    order. Sentences of a paragraph that was wholly added or removed report only their
    quotes: the paragraph diff already shows the rest.
``same_number(a, b) -> bool``
    Whether two number mentions ("four", "4"; "$5m", "$5 million"; "half a million",
    "500,000"; "May 24", "24 May 2026"; "10 a.m.", "10:00") have the same value.
``negated(text) -> bool``
    Whether a sentence, or one side of a negation change ("did not review" vs "did
    review"), is negative: a flip is one ``changed`` change with both sides given.
``says_no_implicitly(text) -> bool``
    Whether a text says no without a negation word ("told to avoid the water", "halted
    production", "without power"), as an explicit "not" would.
``clear_caches()``
    Forget cached extractions (benchmarks use it to time a cold start).

Conventions: a number that keeps its value but is written differently is not a change, unless
another value took its place: numbers that swap ("three killed and 12 injured" -> "12 killed
and three injured", "rose to 3.5% from 3.2%" -> "rose to 3.2% from 3.5%") are both changed,
and so are the ends of a move that trade their "from" and "to" in place ("to 20 mph from 30
mph" -> "from 20 mph to 30 mph"), but not the ends of a move told the other way round ("from
$5 to $6" -> "to $6 from $5"); two mentions pair up when they count the same noun ("four
sources" -> "three sources") or, failing that, one for one in reading order. A quote is
altered when the words inside the marks differ
once quote style, case and edge punctuation are normalised (trimming with an ellipsis is an
alteration). A negation that flips in a sentence present in both versions is one ``changed``
change per clause ("did review" -> "did not review"); the same polarity written another way
("did not" -> "never") is none, nor is a "not" written as a word that says no ("told to
avoid using" -> "told not to drink"); one written into a word ("armed" -> "unarmed",
"guilty" -> "innocent") is a flip too, unless the word stands on with the words that
followed it ("Sales rose in France and fell in Spain" -> "Sales fell in Spain and rose in
France" moved the clauses), and so is such a word that goes with the word it said no to
left ("avoid using" -> "use", "failed to win" -> "won"). One name swapped for another is
``changed``; so is a source that changed places with another name ("Israel said Hamas ..." ->
"Hamas said Israel ..."), unlike a name and its title turned round ("The mayor, Anna Smith,
said" -> "Anna Smith, the mayor, said"). Two parties that traded places round any other verb,
the rest of the sentence the same, are one ``roles`` change ("Arsenal beat Chelsea" -> "Chelsea
beat Arsenal"), unless the verb or word between them makes no roles ("Smith met Jones", "Smith
and Jones", "talks between A and B"). "Partly" describing a thing ("the partially built bridge")
hedges nothing. Hedges, negations and attributions are read outside quotations (inside one, the
quote change already says it), numbers everywhere. Each facet difference is reported once, and
each edit under one kind: "confirmed" -> "denied" is a negation flip, not also an attribution
change, and a name changed inside a source is told by the attribution change.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Literal, NamedTuple, TypeVar

from compare.gcpause import paused_gc
from compare.model import Change, Document, SentenceBlock, WordOp
from compare.text import CJK, has_cjk, join_sentences, lazy_pattern, normalize

NumberKind = Literal[
    "count", "money", "percent", "range", "ordinal", "fraction", "vague", "date", "time", "year"
]
ChangeKind = Literal["number", "quote", "attribution", "hedge", "negation", "name", "roles"]
ChangeAction = Literal["changed", "added", "removed"]

#: Severity of each kind of change: 1 is what readers care most about.
SEVERITY: dict[str, int] = {
    "number": 1,
    "quote": 1,
    "negation": 1,
    "roles": 1,
    "attribution": 2,
    "hedge": 2,
    "name": 3,
}


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_KIND_ORDER = {
    "number": 0,
    "quote": 1,
    "negation": 2,
    "roles": 3,
    "attribution": 4,
    "hedge": 5,
    "name": 6,
}


# --------------------------------------------------------------------------------------------
# Facets: what one sentence carries


@dataclass(frozen=True)
class Number:
    """One number mention and what it counts."""

    text: str
    """The mention as written ("four", "$5m", "May 24")."""
    kind: NumberKind
    """What sort of number it is."""
    value: float | None
    """Its numeric value (amounts in units, percentages in percent); ``None`` for dates, times
    and vague amounts such as "dozens"."""
    key: str
    """A canonical form; two mentions with the same key have the same value."""
    unit: str = ""
    """Currency code for money, ``%`` or ``pp`` for percentages, else empty."""
    span: tuple[int, int] = (0, 0)
    """Where the mention stands in ``sentence``."""
    bound: str = ""
    """What the words before it make of it: ``above`` ("more than", "at least"), ``below``
    ("nearly", "fewer than"), ``upto`` ("up to") or empty (exact or "about")."""
    lead: str = ""
    """Those words as written ("more than"), or empty."""
    sentence: str = field(default="", repr=False, compare=False)
    """The normalised sentence it was found in."""

    @property
    def context(self) -> tuple[str, ...]:
        """Content words around it (the noun it counts first), lower case, singular."""
        return _context(self.sentence, *self.span)[0]

    @property
    def phrase(self) -> str:
        """The mention with its bound and the noun it counts ("more than four sources")."""
        base = self._counted()
        return f"{self.lead} {base}" if self.lead else base

    def _counted(self) -> str:
        if self.kind not in ("count", "range", "vague") or self.unit:
            return self.text  # the words around it are not read: it counts no noun
        noun = _after(self.sentence, self.span[1])[1]
        if not noun:
            return self.text
        start, end = self.span
        noun_at = self.sentence.find(noun, end)
        between = self.sentence[end:noun_at].strip(" -")
        if between and between.lower() not in _COUNT_ADJECTIVES:
            return self.text  # "41,200 as the outer bands": it counts no noun next to it
        noun_end = noun_at + len(noun)
        per = _PER_UNIT().match(self.sentence, noun_end)  # "70 km/h", not "70 km"
        return self.sentence[start : per.end() if per else noun_end].strip()


#: The rest of a unit written per another ("km/h", "mg/l").
_PER_UNIT = lazy_pattern(r"/[A-Za-z]+\b")


@dataclass(frozen=True)
class Quote:
    """One quotation."""

    text: str
    """The words inside the quotation marks, with straight quotes."""
    speaker: str | None = None
    """Who the sentence says spoke them, when it says so."""


@dataclass(frozen=True)
class Attribution:
    """One attribution: who says so, and how."""

    verb: str
    """The verb as written ("said", "claimed", "according to")."""
    lemma: str
    """Its base form ("say", "claim", "according to")."""
    source: str | None
    """Who is credited ("police", "a spokesman for the ministry"), when found."""

    @property
    def display(self) -> str:
        """The attribution as a reader would quote it ("police said", "according to X")."""
        if not self.source:
            return self.verb
        if self.lemma in ("according to", "cite"):
            return f"{self.verb} {self.source}"
        return f"{self.source} {self.verb}"


@dataclass(frozen=True)
class Cue:
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


@dataclass(frozen=True)
class Facets:
    """Everything in one sentence that carries meaning beyond its wording."""

    numbers: tuple[Number, ...] = ()
    """Numbers, dates, times, amounts, percentages, in reading order."""
    quotes: tuple[Quote, ...] = ()
    """Quotations, outermost only, in reading order."""
    attributions: tuple[Attribution, ...] = ()
    """Attributions outside quotations."""
    hedges: tuple[Cue, ...] = ()
    """Hedges and certainty markers outside quotations."""
    negations: tuple[Cue, ...] = ()
    """Negations outside quotations."""
    names: tuple[str, ...] = ()
    """Name-like capitalised spans, titles kept."""


class _Prepared(NamedTuple):
    """A sentence normalised, its quotations found and masked (a named tuple: one is made for
    every sentence compared, and it is cheaper to build than a frozen dataclass)."""

    norm: str
    """The sentence normalised (straight quotes, one kind of dash, single spaces)."""
    quotes: tuple[Quote, ...]
    """Its quotations."""
    masked: str
    """The sentence with each quotation replaced by ``Q``."""


_ODD_SPACE = lazy_pattern(r"\s\s|[^\S ]")
#: The ASCII characters that are not printable: control characters and DEL.
_ASCII_CONTROL = bytes([*range(32), 127])


def _ascii_printable(text: str) -> bool:
    """``text.isprintable()`` for ASCII text: deleting the control characters leaves it as long
    (bytes.translate is many times faster than str.isprintable, which looks up every
    character's Unicode properties)."""
    return len(text.encode().translate(None, _ASCII_CONTROL)) == len(text)


@lru_cache(maxsize=8192)
def _prepare(text: str, open_quote: bool) -> _Prepared:
    # Plain ASCII with single spaces is already normal: skip the Unicode work.
    # (str methods first: a regex search over every sentence costs more than the rest here.)
    plain = (
        text.isascii()
        and "  " not in text
        and (_ascii_printable(text) or not _ODD_SPACE().search(text))
    )
    norm = text.strip() if plain else normalize(text)
    if not open_quote and '"' not in norm and "'" not in norm:
        return _Prepared(norm, (), norm)  # nothing can be quoted
    spans = _quote_spans(norm, open_quote)
    masked = _mask(norm, spans)
    # The comma that hands over to "she said" belongs to the sentence, not to the quote.
    quotes = tuple(norm[s:e].strip().rstrip(",;:").rstrip() for s, e in spans)
    if not quotes:
        return _Prepared(norm, (), masked)
    speaker = next((a.source for a in _attributions(masked) if a.source), None)
    return _Prepared(norm, tuple(Quote(q, speaker) for q in quotes if q), masked)


def sentence_facets(text: str, open_quote: bool = False) -> Facets:
    """Extract the facets of one sentence. ``open_quote``: the sentence starts inside a
    quotation opened earlier in its paragraph."""
    prepared = _prepare(text, open_quote)
    return Facets(
        numbers=_numbers(prepared.norm),
        quotes=prepared.quotes,
        attributions=_attributions(prepared.masked),
        hedges=_hedges(prepared.masked),
        negations=_negations(prepared.masked),
        names=_names(prepared.norm),
    )


def negated(text: str) -> bool:
    """Whether a sentence, or a value from a negation ``Change`` ("did not review"), says
    something is not so, outside any quotation it holds."""
    return bool(_negations(_prepare(text, False).masked))


def clear_caches() -> None:
    """Forget cached extractions (for benchmarks that time a cold start)."""
    for function in (_prepare, _numbers, _context, _after, _attributions, _hedges, _negations):
        function.cache_clear()
    _implicit_negations.cache_clear()
    _names.cache_clear()
    _token_set.cache_clear()
    _verb_positions.cache_clear()
    _source_key.cache_clear()
    _quote_key.cache_clear()
    _counted_after.cache_clear()


# --------------------------------------------------------------------------------------------
# Numbers

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SCALES["trillion"] = 1_000_000_000_000
_SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
_SHORT_SCALES["tn"] = 1_000_000_000_000
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "hundredth": 100,
}
_FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}
_FRACTION_WORDS.update({"fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10})
_VAGUE = ("dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens")
_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
#: Month names of continental papers ("april" and the others English shares are read as
#: English when capitalised: that pattern comes first).
_EU_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "januar jänner janvier enero gennaio janeiro januari stycznia",
            "februar feber février febrero febbraio fevereiro februari lutego",
            "märz mars marzo março maart marca",
            "avril abril aprile kwietnia april",
            "mai mayo maggio maio mei maja",
            "juni juin junio giugno junho czerwca",
            "juli juillet julio luglio julho lipca",
            "août agosto augustus sierpnia august",
            "septembre septiembre setiembre settembre setembro września september",
            "oktober octobre octubre ottobre outubro października",
            "novembre noviembre novembro listopada november",
            "dezember décembre diciembre dicembre dezembro grudnia december",
        ),
        start=1,
    )
    for name in names.split()
}
_EU_MONTH = "|".join(sorted(_EU_MONTHS, key=len, reverse=True))
#: The ASCII pieces of those names, as a sentence's scan holds them ("märz": "m", "rz").
_EU_MONTH_STEMS = frozenset(
    # (No regex here: importing this module compiles none.)
    max("".join(c if "a" <= c <= "z" else " " for c in name).split(), key=len)
    for name in _EU_MONTHS
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_CURRENCY_SIGNS = {
    "$": "USD",
    "us$": "USD",
    "a$": "AUD",
    "c$": "CAD",
    "nz$": "NZD",
    "hk$": "HKD",
    "r$": "BRL",  # the Brazilian real
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
}
#: ISO codes written before an amount ("ZAR 18.40"); matched in capitals only ("RUB", not "rub").
_CURRENCY_CODES = _wordset(
    "USD EUR GBP JPY CHF CNY AUD CAD NZD HKD SGD INR ZAR SEK NOK DKK BRL MXN KRW RUB"
)
#: The codes as the number tokens spell them (lower case).
_CURRENCY_CODE_TOKENS = frozenset(code.lower() for code in _CURRENCY_CODES)
_CURRENCY_SIGNS.update((code.lower(), code) for code in _CURRENCY_CODES)
_CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "pound": "GBP",
    "pounds": "GBP",
    "euro": "EUR",
    "euros": "EUR",
    "yen": "JPY",
    "rupees": "INR",
    "roubles": "RUB",
    "rubles": "RUB",
    "francs": "CHF",
}


def _longest_first(words: Iterable[str]) -> str:
    """An alternation of ``words`` that tries "sixty" before "six"."""
    return "|".join(sorted(words, key=len, reverse=True))


#: One spelled-out number word ("twenty", "five"); "twenty-five" is two, joined by the
#: repetition in _WORDNUM. (Short patterns matter: Python compiles a regex in Python code,
#: and a number pattern holds this alternation up to six times.)
_NUMBER_WORD = _longest_first([*_TENS, *_UNITS])
_TENS_WORD = _longest_first(_TENS)
_ONE_TO_NINE = _longest_first(w for w, v in _UNITS.items() if 1 <= v <= 9)
_WORDNUM = (
    rf"(?i:(?:{_NUMBER_WORD})(?:[\s-]+(?:and\s+)?(?:{_NUMBER_WORD}|hundred|thousand|million"
    rf"|billion|trillion)\b)*|a\s+(?:hundred|thousand|million|billion)\b(?:\s+and\s+"
    rf"(?:(?:{_TENS_WORD})(?:-(?:{_ONE_TO_NINE}))?|{_NUMBER_WORD}))?)"
)
#: Words after which a figure, then a space and three digits, are two numbers ("of the 30 100
#: were injured", "in round 2 300 runners finished"), not one grouped by a space ("10 000").
_BEFORE_TWO_NUMBERS = (
    "the of round race stage heat leg game match day week grade page chapter section room "
    "number no. these those all"
)


def _not_after_any(words: Iterable[str]) -> str:
    """Lookbehinds that fail after any of ``words`` and a space, in any case: one per word
    length (a lookbehind needs a fixed width), a fraction of the pattern one per word made
    (each number pattern holds this up to twice, in both its forms)."""
    by_length: dict[int, list[str]] = {}
    for word in words:
        by_length.setdefault(len(word), []).append(re.escape(word))
    return "(?i:" + "".join(rf"(?<!\b(?:{'|'.join(same)}) )" for same in by_length.values()) + ")"


_NOT_AFTER_TWO_NUMBER_WORDS = _not_after_any(_BEFORE_TWO_NUMBERS.split(" "))
# A figure grouped by spaces ("10 000"): one whose group starts with 0 ("of 10 000") is never
# two figures, else one after a word of _BEFORE_TWO_NUMBERS ("the 30 100") or a figure is.
# (Both ways share the groups that follow: each number pattern holds this up to twice.)
_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    # Continental figures, where none can be English: thousands grouped by full stops with
    # decimals after a comma ("1.200,50") or in two groups or more ("1.234.567"), and a
    # decimal comma not before three digits ("3,5", "12,50"; "3,500" stays English).
    r"|\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,}(?!\d|[.,]\d)"
    r"|\d+,(?:\d{1,2}|\d{4,})(?![\d,]|\.\d)"
    r"|(?:\d{1,3}(?=(?: \d{3})* 0\d\d\b)"
    rf"|{_NOT_AFTER_TWO_NUMBER_WORDS}(?<!\d )\d{{1,3}})(?: \d{{3}})+(?![\d-]|[.,]\d)"
    r"|\d+(?:\.\d+)?|\.\d+)"
)
#: Scales in the papers' languages, after a figure ("3,5 Millionen", "2,3 mil millones",
#: "31 Mio.", "412 mln"), and what each multiplies by ("bilhões" is Brazil's 10**9). Not
#: French "millions", which English reads as a vague amount of its own.
_EU_SCALES = {
    **dict.fromkeys(("mil millones", "mil milhões", "milliarden", "milliarde", "mrd."), 10**9),
    **dict.fromkeys(("milliards", "milliard", "miliardi", "miliardo", "bilhões"), 10**9),
    **dict.fromkeys(("bilhão", "miljard", "mld", "mld."), 10**9),
    **dict.fromkeys(("millionen", "mio.", "millones", "millón", "milioni", "milione"), 10**6),
    **dict.fromkeys(("milhões", "milhão", "miljoen", "mln", "mln."), 10**6),
}
_EU_SCALE = "|".join(
    re.escape(name).replace(r"\ ", r"\s+") for name in sorted(_EU_SCALES, key=len, reverse=True)
)
_SCALE_AFTER = (
    r"(?:\s*(?:million|billion|trillion|thousand)\b|(?:m|mn|bn|k|tn)\b|\s(?:mn|bn|tn)\b"
    rf"|\s(?i:{_EU_SCALE})(?!\w))"
)
_QTY_DIGITS = rf"(?<![\w.,/])(?<![A-Za-z]-){_DIGITS}{_SCALE_AFTER}?"
#: A spelled-out quantity ("twenty-five", "a million", "six thousand").
_WORD_QTY = rf"\b(?:{_WORDNUM})\b(?:\s+(?:million|billion|trillion|thousand)\b)?"
_QTY = rf"(?:{_QTY_DIGITS}|{_WORD_QTY})"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_BARE_MONTH = (
    r"\b(?P<mon>January|February|March|April|June|July|August|September|October|November"
    r"|December|(?:(?<=\b[Ii]n )|(?<=\b[Bb]y )|(?<=[Ss]ince )|(?<=[Uu]ntil )|(?<=[Ee]arly )"
    r"|(?<=[Ll]ate )|(?<=mid-)|(?<=[Ll]ast )|(?<=[Nn]ext )|(?<=[Tt]his )|(?<=[Ff]rom ))May)\b"
)
_CUR_SIGN = rf"(?:US\$|A\$|C\$|NZ\$|HK\$|R\$|\$|£|€|¥|₹|(?:{'|'.join(sorted(_CURRENCY_CODES))})\s?)"
_CUR_WORD = r"(?:" + "|".join(_CURRENCY_WORDS) + r")\b"
_PERCENT = (
    r"(?:\s?%|\s?pc\b|\s(?:per\s?cent|percent)\b|\s(?:percentage\s|basis\s)?points?\b"
    r"|\s?bps?\b"
    # In the papers' languages: "8,5 Prozent", "3 pour cent", "12 por ciento", "5 proc."
    r"|\s(?i:prozent|pour\s?cent|por\s?ciento|per\s?cento|por\s?cento|procent)\b"
    r"|\s(?i:proc)\b\.?)"
)


class _Scan(NamedTuple):
    """What a sentence holds, found cheaply, to skip number patterns that cannot match (a
    named tuple: made for every sentence with a number, it must be cheap to build)."""

    text: str
    """The sentence, lower-cased."""
    tokens: frozenset[str]
    """Its words."""
    digits: bool
    """Whether it holds a digit."""
    words: frozenset[str]
    """Its words that are, or start, a spelled-out number."""
    signs: bool
    """Whether it holds a currency sign."""


#: A cheap test of whether a number pattern can match a sentence: a function of its scan, or
#: the words one of which it must hold (tested without a call, for a fraction of the cost).
_Gate = Callable[[_Scan], bool] | frozenset[str]


def _patterns(form: str) -> tuple[tuple[str, str, _Gate], ...]:
    """The number patterns in priority order, each with a cheap test of whether it can match.
    ``form``: "words", with spelled-out numbers; "digits", digits only (faster to compile and
    to run); "letter", for a number that starts at a letter of an ASCII text: no figure can
    open it there, so "percent" and "qty" need only their spelled-out amounts (Python
    compiles a regex in Python code: that spares a third of the word form's cost). They are
    compiled when first used (see ``_compiled``): compiling all of them up front cost more
    than a whole comparison."""
    words = form != "digits"
    qty = _QTY if words else _QTY_DIGITS
    first = _WORD_QTY if form == "letter" else qty  # the amount that opens the number
    return tuple(
        (name, pattern, gate)
        for name, pattern, gate in (
            (
                "iso",
                r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b",
                lambda s: s.digits and "-" in s.text,
            ),
            (
                "mdy",
                rf"\b(?P<mon>{_MONTH})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"
                rf"(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?",
                lambda s: s.digits and not s.tokens.isdisjoint(_MONTH_TOKENS),
            ),
            (
                "dmy",
                # The point only after an abbreviation ("3 Sept."), not a full stop.
                rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})\b"
                r"(?:(?<![a-z]{4})(?<!May)(?<!June)(?<!July)\.)?"
                rf"(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?",
                lambda s: s.digits and not s.tokens.isdisjoint(_MONTH_TOKENS),
            ),
            (
                # A date as German, French, Spanish, Italian, Portuguese, Dutch and Polish
                # write it: "3. März 2026", "3 mars", "3 de marzo de 2026", "3 marca".
                "dmy_eu",
                rf"\b(?P<d>[0-3]?\d)\.?\s+(?:de\s+)?(?P<mon>{_EU_MONTH})\b"
                r"(?:,?\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)\b)?",
                lambda s: s.digits and not s.tokens.isdisjoint(_EU_MONTH_STEMS),
            ),
            (
                "my",
                rf"\b(?P<mon>{_MONTH})\s+(?P<y>(?:19|20)\d\d)\b",
                lambda s: s.digits and not s.tokens.isdisjoint(_MONTH_TOKENS),
            ),
            ("month", _BARE_MONTH, _MONTH_TOKENS),
            (
                "time",
                r"(?<![\d.:])(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap])\.?m\b\.?"
                r"|(?<![\d.:])(?P<h24>[01]?\d|2[0-3])[:h](?P<mi24>[0-5]\d)(?!\d)"
                r"(?:\s*(?:GMT|UTC|BST|CET))?"
                # Wire style: "0412 GMT".
                r"|(?<![\d.:,])(?P<hm>(?:[01]\d|2[0-3])[0-5]\d)(?=\s*(?:GMT|UTC)\b)"
                r"|\b(?P<named>noon|midday|midnight)\b",
                lambda s: (
                    not s.tokens.isdisjoint(_NAMED_TIMES)
                    or (s.digits and (":" in s.text or "a.m" in s.text or "p.m" in s.text))
                    or (s.digits and not s.tokens.isdisjoint(_TIME_TOKENS))
                ),
            ),
            (
                # "half a million", "a quarter of a million", "one and a half million"
                "scaled",
                r"(?:(?P<whole>one|two|three|four|five|six|seven|eight|nine|\d{1,3})\s+and\s+)?"
                r"(?P<part>(?:a|one|two|three)\s+(?:halves|half|thirds?|quarters?)|half)\s+"
                r"(?:of\s+)?(?:a\s+)?(?P<scale>thousand|million|billion|trillion)\b",
                lambda s: (
                    not s.tokens.isdisjoint(_FRACTION_TOKENS)
                    and not s.tokens.isdisjoint(_BIG_SCALES)
                ),
            ),
            (
                # "four and a half years", "two and a half per cent": one figure
                "mixed",
                rf"\b(?P<whole>{_ONE_TO_NINE}|ten|eleven|twelve|\d{{1,3}})\s+and\s+"
                rf"(?P<part>a\s+(?:half|quarter))\b(?P<p>{_PERCENT})?",
                lambda s: "and" in s.tokens and not s.tokens.isdisjoint(_FRACTION_TOKENS),
            ),
            (
                "range",
                rf"(?P<cur>{_CUR_SIGN})?(?P<a>{qty})(?P<pa>{_PERCENT})?\s*(?:-|to|and)\s*"
                rf"(?P<cur2>{_CUR_SIGN})?(?P<b>{qty})(?P<pb>{_PERCENT})?"
                rf"(?:\s+(?P<curw>{_CUR_WORD}))?",
                lambda s: (
                    (bool(s.words) and not s.tokens.isdisjoint(_RANGE_WORDS))
                    or bool(_RANGE_HINT().search(s.text))
                ),
            ),
            (
                "money",
                rf"(?P<cur>{_CUR_SIGN})\s?(?P<q>{_DIGITS}(?:{_SCALE_AFTER}|\s?(?:b)\b)?"
                + (rf"|{_WORDNUM}(?:\s+(?:million|billion|thousand))?" if words else "")
                + rf")|(?P<q2>{qty})\s+(?P<curw>{_CUR_WORD})",
                lambda s: s.signs or not s.tokens.isdisjoint(_MONEY_TOKENS),
            ),
            (
                "percent",
                rf"(?P<q>{first})(?P<p>{_PERCENT})",
                lambda s: "%" in s.text or not s.tokens.isdisjoint(_PERCENT_TOKENS),
            ),
            ("twice", rf"\b(?P<times>{'|'.join(_TIMES)})\b", _TIMES_TOKENS),
            (
                "dozen",
                r"\b(?:(?P<half>half\s+)?a|one|(?P<n>two|three|four|five))\s+dozen\b",
                frozenset(["dozen"]),
            ),
            (
                # "nine in ten", "1 in 4": a share, like "90%"
                "ratio",
                r"\b(?P<a>one|two|three|four|five|six|seven|eight|nine|\d{1,3})\s+(?:in|out of)\s+"
                r"(?P<b>two|three|four|five|six|seven|eight|nine|ten|\d{1,4})\b",
                _RATIO_WORDS,
            ),
            (
                "fraction",
                r"\b(?:(?P<n>a|one|two|three|four|nine)[\s-]+(?P<f>halves|half|thirds?|quarters?"
                r"|fifths?|tenths?)|(?P<half>half))\b",
                _FRACTION_TOKENS,
            ),
            (
                "ordinal",
                r"(?<![\w.,])(?P<od>\d+)(?:st|nd|rd|th)\b|\b(?P<ow>" + "|".join(_ORDINALS) + r")\b",
                lambda s: (
                    not s.tokens.isdisjoint(_ORDINAL_TOKENS)
                    or (s.digits and not s.tokens.isdisjoint(_ORDINAL_SUFFIXES))
                ),
            ),
            (
                "vague",
                # "thousands" is an amount wherever it stands; "scores" only before "of".
                r"\b(?:(?P<v>dozens|hundreds|thousands|millions|billions)"
                r"|(?P<v2>scores|tens|dozen)(?=\s+of\b))\b",
                _VAGUE_TOKENS,
            ),
            (
                "year",
                r"(?<![\w.,$£€-])(?P<y>(?:1[89]|20)\d\d)(?:s\b|(?![\w,]|\.\d))",
                lambda s: s.digits,
            ),
            (
                "weekday",
                r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
                _WEEKDAY_TOKENS,
            ),
            ("qty", rf"(?P<q>{first})", lambda s: s.digits or bool(s.words)),
        )
    )


#: Patterns made only of words, which may start a sentence with a capital.
_ANY_CASE = frozenset(
    {"scaled", "mixed", "twice", "dozen", "ratio", "fraction", "ordinal", "vague", "dmy_eu"}
)
_BIG_SCALES = frozenset(["thousand", "million", "billion", "trillion"])
_MONTH_TOKENS = _wordset(
    "january february march april june july august sept september october november december"
) | frozenset(_MONTHS)
_WEEKDAY_TOKENS = frozenset(_WEEKDAYS)
_TIME_TOKENS = frozenset(["am", "pm", "gmt", "utc"])
_NAMED_TIMES = frozenset(["noon", "midday", "midnight"])
_MONEY_TOKENS = frozenset([*_CURRENCY_WORDS, *_CURRENCY_CODE_TOKENS])
_PERCENT_TOKENS = frozenset(["per", "percent", "pc", "point", "points", "bp", "bps"])
_PERCENT_TOKENS |= frozenset(["prozent", "pour", "por", "procent", "proc"])
_FRACTION_TOKENS = frozenset(_FRACTION_WORDS)
_ORDINAL_TOKENS = frozenset(_ORDINALS)
_RATIO_WORDS = frozenset(["in", "out"])
_ORDINAL_SUFFIXES = frozenset(["st", "nd", "rd", "th"])
_VAGUE_TOKENS = frozenset([*_VAGUE, "dozen"])
#: Words that say how many times: "scored twice", "the share doubled".
_TIMES = {
    "twice": 2.0,
    "thrice": 3.0,
    "doubled": 2.0,
    "tripled": 3.0,
    "trebled": 3.0,
    "quadrupled": 4.0,
    "halved": 0.5,
}
_TIMES_TOKENS = frozenset(_TIMES)
#: Words that are, or start, a spelled-out number.
_NUMBER_WORD_TOKENS = frozenset([*_UNITS, *_TENS, *_SCALES])
_WITH_WORDS = _patterns("words")
_DIGITS_ONLY = _patterns("digits")
_AT_A_LETTER = _patterns("letter")


#: Compiled number patterns by index, each form filled in when first needed (a list index is
#: cheaper than a cached call, and there are thousands of lookups in a comparison).
_Forms = list[re.Pattern[str] | None]
_WORD_FORMS: _Forms = [None] * len(_WITH_WORDS)
_DIGIT_FORMS: _Forms = [None] * len(_DIGITS_ONLY)
_LETTER_FORMS: _Forms = [None] * len(_AT_A_LETTER)
_SOURCES = {id(_WORD_FORMS): _WITH_WORDS, id(_DIGIT_FORMS): _DIGITS_ONLY}
_SOURCES[id(_LETTER_FORMS)] = _AT_A_LETTER


def _compiled(index: int, forms: _Forms) -> re.Pattern[str]:
    """Number pattern ``index`` in one of its forms (``_WORD_FORMS``, ``_DIGIT_FORMS`` or
    ``_LETTER_FORMS``), compiled into that list."""
    compiled = forms[index]
    if compiled is None:
        name, pattern, _ = _SOURCES[id(forms)][index]
        compiled = forms[index] = re.compile(pattern, re.IGNORECASE if name in _ANY_CASE else 0)
    return compiled


_SCAN_TOKEN = lazy_pattern(r"[a-z]+")
_CONTEXT_WORD = lazy_pattern(r"[A-Za-z][A-Za-z'-]*")
_CONTEXT_SKIP = _wordset(
    "as if so but because while when after before since until this last next into onto its "
    "his her their our your my it he she they we you with"
) | _wordset(
    "of the a an and or to in on at by for from than more less about some nearly almost around "
    "roughly approximately least most over under up per cent percent were was are is had have "
    "has been be who which that people's "
    # "of" in Spanish, French and German: "23 de sus 60 puestos" counts no "de"; and their
    # articles: "Sono 340 le persone evacuate" counts people, not "le".
    "de del des du von le la les il lo gli los las el der das dem het een"
)


#: Words after which "first", "third" rank something ("the third day", "its fifth win").
_ORDINAL_BEFORE = lazy_pattern(
    r"(?:\b(?:the|a|an|its|his|her|their|our|my|your|this|that|every)|'s|s')\s+$", re.I
)
_BETWEEN = lazy_pattern(r"\bbetween\s+$", re.IGNORECASE)
_FROM = lazy_pattern(r"\bfrom\s+\S*$", re.IGNORECASE)
#: A verb of rising or falling, then "by" ("the toll rose by four to 16", "its lead slipped
#: by four to 16"): the rise, then the level it reached, not a range. Every verb of _MOVES
#: but "lose" ("lost by 3 to 1" is a score) is here in its reporting forms; the bare form is
#: not ("will rise by 5 to 10" forecasts a range).
_MOVED_BY = lazy_pattern(
    r"\b(?:rose|ris(?:es|en|ing)|grew|grow(?:s|n|ing)|fell|fall(?:s|en|ing)|sank|sunk|sinks"
    r"|sinking|(?:climb|jump|gain|soar|slump)(?:s|ed|ing)|(?:drop|slip|dip)(?:s|ped|ping)"
    r"|slid|slides|sliding|shrank|shrunk|shrinks|shrinking"
    r"|rall(?:ies|ied|ying)|(?:increas|surg|advanc|declin|tumbl|plung|decreas)(?:es|ed|ing))"
    r"\s+by\s+$",
    re.IGNORECASE,
)
#: Words before a tally ("voted 7-2", "a vote of 5-4"), which is two counts, not a range.
_TALLY = lazy_pattern(
    r"\b(?:voted|votes?|won|lost|beat|drew|scored?|defeated|carried)\s+(?:(?:of|was|were)\s+)?$",
    re.I,
)
#: Words before a score ("the game ended 1-2"), and what may follow one: "ended 10-12 months
#: late" is a range that counts months.
_SCORE_BEFORE = lazy_pattern(
    r"\b(?:ended|finished|led|leads?|leading|trail(?:s|ed|ing)?)\s+$", re.IGNORECASE
)
_SCORE_AFTER = lazy_pattern(
    r"\s*(?:$|[^\w\s]|(?:at|on|in|after|against|with|and|but|when|as|before)\b)"
)

#: A list of hyphenated pairs after "won", "lost", "beat" or "final" holds set scores
#: ("won the final 6-4, 3-6, 7-6"): the words before the list, and a pair after a comma.
_SCORE_LIST_BEFORE = lazy_pattern(
    r"\b(?:won|lost|beat|defeated|final)\b[^\d.;]{0,30}?\s(?:\d{1,2}-\d{1,2},\s*)*$",
    re.IGNORECASE,
)
_PAIR_BEFORE = lazy_pattern(r"\d{1,2}-\d{1,2},\s*$")
_PAIR_AFTER = lazy_pattern(r",\s*\d{1,2}-\d{1,2}\b")


def _in_score_list(text: str, start: int, end: int) -> bool:
    """Whether the hyphenated pair at ``start:end`` is one of a list of set scores."""
    before = text[max(0, start - 80) : start]
    in_list = bool(_PAIR_BEFORE().search(before) or _PAIR_AFTER().match(text, end))
    return in_list and _SCORE_LIST_BEFORE().search(before) is not None


_WORD_SPLIT = lazy_pattern(r"[\s-]+")
#: A space between groups of three digits ("10 000").
_SPACE_IN_FIGURE = lazy_pattern(r"(?<=\d) (?=\d{3}\b)")
#: A figure with one group of three digits after a full stop, which reads either way.
_DOT_GROUPED = lazy_pattern(r"(?<![\d.,])[1-9]\d{0,2}\.\d{3}(?![\d.,])")
#: A figure with thousands grouped by a comma ("1,200").
_COMMA_GROUPED = lazy_pattern(r"\d,\d{3}(?!\d)")
#: A figure written the continental way, as _DIGITS reads it.
_CONTINENTAL_FIGURE = lazy_pattern(
    r"\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,}(?!\d|[.,]\d)|\d+,(?:\d{1,2}|\d{4,})(?![\d,.])"
)
_DIGITS_AND_SCALE = lazy_pattern(r"(\.?\d[\d,]*(?:\.\d+)?)\s*([A-Za-z]*)$")


def _word_number(text: str) -> float | None:
    """Value of a spelled-out number ("twenty-five", "a hundred", "two thousand and six")."""
    total = 0.0
    current = 0.0
    seen = False
    for word in _WORD_SPLIT().split(text.lower()):
        if word in ("and", "a", ""):
            if word == "a":
                current = 1
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _quantity(text: str) -> float | None:
    """Value of a quantity: digits or words, with an optional scale ("5m", "1.2 billion")."""
    text = text.strip()
    if text.isdigit() and text.isascii():  # most are plain figures ("38", "2026")
        return float(text)
    if " " in text:
        text = _SPACE_IN_FIGURE().sub("", text)  # "10 000"
    if not text.isascii() or " " in text or text[-1:] == ".":
        figure, _, scale = text.partition(" ")
        factor = _EU_SCALES.get(" ".join(scale.lower().split()))
        if factor is not None:  # "3,5 Millionen", "2,3 mil millones"
            value = _quantity(figure)
            return None if value is None else value * factor
    continental = _CONTINENTAL_FIGURE().match(text)
    if continental:  # "1.200,50" is 1200.50, "3,5" is 3.5 (see _DIGITS)
        figure = continental.group(0).replace(".", "").replace(",", ".")
        text = figure + text[continental.end() :]
    match = _DIGITS_AND_SCALE().match(text)
    if match:
        value = float(match.group(1).replace(",", ""))
        scale = match.group(2).lower()
        if scale in _SCALES:
            value *= _SCALES[scale]
        elif scale in _SHORT_SCALES or scale == "b":
            value *= _SHORT_SCALES.get(scale, 1_000_000_000)
        elif scale:
            return None
        return value
    words = text.split()
    if words and words[-1].lower() in ("million", "billion", "trillion", "thousand"):
        # "a million" is one million, as "million" alone is.
        one = len(words) == 1 or (len(words) == 2 and words[0].lower() == "a")
        base = 1.0 if one else _quantity(" ".join(words[:-1]))
        return None if base is None else base * _SCALES[words[-1].lower()]
    return _word_number(text)


def _fmt(value: float) -> str:
    """A stable textual form of a value: integers without a decimal point."""
    if value == int(value):
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _percent_unit(suffix: str | None) -> str:
    if not suffix:
        return ""
    if "basis" in suffix or "bp" in suffix:
        return "bp"
    return "pp" if "point" in suffix else "%"


def _currency(sign: str | None, word: str | None) -> str:
    if sign:
        return _CURRENCY_SIGNS.get(sign.strip().lower(), "USD")
    if word:
        return _CURRENCY_WORDS.get(word.lower(), "")
    return ""


#: ("between two and three quarters" is two bounds: only "a" joins a fraction to a whole.)
_MIXED_PARTS = {"a half": 0.5, "a quarter": 0.25}


def _parse_number(name: str, m: re.Match[str]) -> tuple[NumberKind, float | None, str, str] | None:
    """(kind, value, key, unit) for one match of one of the number patterns."""
    if name == "qty":  # the most common by far: a plain count, most often a short figure
        quantity = m.group("q")
        if quantity.isdigit() and quantity.isascii() and len(quantity) < 16:
            return "count", float(quantity), str(int(quantity)), ""  # exact as a float
        count_value = _quantity(quantity)
        if count_value is None:
            return None
        return "count", count_value, _fmt(count_value), ""
    g = m.groupdict()
    if name in ("iso", "mdy", "dmy", "my", "month", "dmy_eu"):
        if name == "dmy_eu":
            month = _EU_MONTHS[g["mon"].lower()]
        else:
            month = int(g["m"]) if name == "iso" else _MONTHS[g["mon"][:3].lower()]
        day = int(g["d"]) if g.get("d") else 0
        if name not in ("my", "month") and not 1 <= day <= 31:
            return None
        year = g.get("y") or "?"
        key = f"{year}-{month:02d}-{day:02d}" if day else f"{year}-{month:02d}"
        return "date", None, key, ""
    if name == "time":
        if g["named"]:
            key = "00:00" if g["named"].lower() == "midnight" else "12:00"
            return "time", None, key, ""
        if g["h"] is not None:
            hour = int(g["h"]) % 12 + (12 if g["ap"].lower() == "p" else 0)
            minute = int(g["mi"] or 0)
        elif g["hm"] is not None:
            hour, minute = int(g["hm"][:2]), int(g["hm"][2:])
        else:
            hour, minute = int(g["h24"]), int(g["mi24"])
        return "time", None, f"{hour:02d}:{minute:02d}", ""
    if name == "weekday":
        return "date", None, f"wd-{g['wd'].lower()[:3]}", ""
    if name == "year":
        value = float(g["y"])
        return "year", value, _fmt(value) + ("s" if m.group(0).endswith("s") else ""), ""
    if name == "range":
        a, b = _quantity(g["a"]), _quantity(g["b"])
        if a is None or b is None or b <= a:
            return None
        joiner = m.group(0)[m.end("a") - m.start() : m.start("b") - m.start()]
        if "and" in joiner and not _BETWEEN().search(m.string[: m.start()]):
            return None
        if "to" in joiner and _FROM().search(m.string[: m.start()]):
            return None  # "from 5% to 7%" is a change, not a range
        if ("-" in joiner or "to" in joiner) and _TALLY().search(m.string[: m.start()]):
            return None  # "voted 2-7", "the vote was 48 to 52": a tally of two counts
        if (
            "-" in joiner
            and _SCORE_BEFORE().search(m.string[: m.start()])
            and _SCORE_AFTER().match(m.string, m.end())
        ):
            return None  # "the game ended 1-2": a score, two counts as "ended 2-1" is
        if "-" in joiner and _in_score_list(m.string, m.start(), m.end()):
            return None  # "won the final 6-4, 3-6, 7-6": set scores, not a range
        bare = not (g["pa"] or g["pb"] or g["cur"] or g["cur2"] or g["curw"])
        if "to" in joiner and bare and _MOVED_BY().search(m.string[: m.start()]):
            return None  # "the toll rose by four to 16": the rise, then the level
        # Units must agree: "10-12%", "$10-12m" and "5% to 7%", but not "3.5% to $12".
        percent_a, percent_b = bool(g["pa"]), bool(g["pb"])
        money_a, money_b = bool(g["cur"]), bool(g["cur2"] or g["curw"])
        if (percent_a and not percent_b) or (money_b and not money_a and not g["curw"]):
            return None
        if (percent_a or percent_b) and (money_a or money_b):
            return None
        if percent_a and _percent_unit(g["pa"]) != _percent_unit(g["pb"]):
            return None  # "fell 2% to 7,450 points": a move, then the level it reached
        unit = _percent_unit(g["pa"] or g["pb"]) or _currency(g["cur"] or g["cur2"], g["curw"])
        return "range", a, f"{_fmt(a)}..{_fmt(b)}{unit}", unit
    if name == "money":
        amount = _quantity(g["q"] if g["q"] is not None else g["q2"])
        if amount is None:
            return None
        unit = _currency(g["cur"], g["curw"])
        return "money", amount, f"{unit}{_fmt(amount)}", unit
    if name == "percent":
        share = _quantity(g["q"])
        if share is None:
            return None
        unit = _percent_unit(g["p"])
        if unit == "bp":  # "25 basis points" is "0.25 percentage points"
            share, unit = share / 100, "pp"
        return "percent", share, f"{_fmt(share)}{unit}", unit
    if name == "scaled":
        part, *rest = g["part"].lower().split()
        numerator, denominator = (1, 2) if part == "half" and not rest else (0, 0)
        if rest:
            numerator = 1 if part == "a" else _UNITS[part]
            denominator = _FRACTION_WORDS[rest[-1]]
        whole = _quantity(g["whole"]) if g["whole"] else 0.0
        if whole is None:
            return None
        scaled = (whole + numerator / denominator) * _SCALES[g["scale"].lower()]
        return "count", scaled, _fmt(scaled), ""
    if name == "mixed":
        whole_value = _quantity(g["whole"])
        if whole_value is None:
            return None
        mixed = whole_value + _MIXED_PARTS[" ".join(g["part"].lower().split())]
        if g["p"]:
            unit = _percent_unit(g["p"])
            return "percent", mixed, f"{_fmt(mixed)}{unit}", unit
        return "count", mixed, _fmt(mixed), ""
    if name == "ratio":
        part, whole = _quantity(g["a"]), _quantity(g["b"])
        if part is None or not whole or part > whole:
            return None
        return "fraction", part / whole, _fmt(round(part / whole, 4)), ""
    if name == "fraction":
        if g["half"]:
            return "fraction", 0.5, "0.5", ""
        numerator = _UNITS.get((g["n"] or "a").lower(), 1)
        value = numerator / _FRACTION_WORDS[g["f"].lower()]
        return "fraction", value, _fmt(round(value, 4)), ""
    if name == "ordinal":
        if g["ow"] and not _ORDINAL_BEFORE().search(m.string, max(0, m.start() - 12), m.start()):
            return None  # "was first reported", "First, ...": an adverb, not a rank
        value = float(g["od"]) if g["od"] else float(_ORDINALS[g["ow"].lower()])
        return "ordinal", value, f"#{_fmt(value)}", ""
    if name == "twice":
        times = _TIMES[g["times"].lower()]
        return "count", times, _fmt(times), ""
    if name == "dozen":
        count = 0.5 if g["half"] else _UNITS.get((g["n"] or "one").lower(), 1)
        return "count", count * 12, _fmt(count * 12), ""
    # The one pattern left is "vague".
    word = (g["v"] or g["v2"]).lower()
    return "vague", None, f"~{word.rstrip('s')}", ""


@lru_cache(maxsize=8192)
def _context(text: str, start: int, end: int) -> tuple[tuple[str, ...], str]:
    """The content words after (then before) a number, singular and lower case, and the
    word it counts for display."""
    after, noun = _after(text, end)
    before = [w.lower() for w in _CONTEXT_WORD().findall(text[max(0, start - 40) : start])[-2:]]
    return after + tuple(_singular(w) for w in before if w not in _CONTEXT_SKIP), noun


@lru_cache(maxsize=8192)
def _after(text: str, end: int) -> tuple[tuple[str, ...], str]:
    """The first two content words after a number, singular and lower case, and the word it
    counts for display (a number's phrase needs only these, not the words before it)."""
    words: list[str] = []
    noun = adjective = ""
    for word in _CONTEXT_WORD().findall(text[end : end + 60])[:4]:
        low = word.lower()
        if low in _CONTEXT_SKIP:
            continue
        if not noun and not adjective and low in _COUNT_ADJECTIVES:
            adjective = word  # "1,245 new cases" counts cases
        elif not noun and not word[0].isupper():
            # After an adjective an adverb or a participle is no noun ("two former taken").
            noun = adjective if adjective and low.endswith(("ly", "ed")) else word
        words.append(_singular(low))
        if len(words) == 2:
            break
    return tuple(words), noun or adjective


#: Adjectives between a number and the noun it counts ("two previous convictions").
_COUNT_ADJECTIVES = _wordset(
    "new previous prior other more additional further confirmed suspected separate extra "
    "fresh former earlier recent"
)


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


#: A CJK character, or a comma with no space after it that is not between two digits: a
#: clause comma (，, a comma once normalised), not one of a Latin run's "Smith, 52, said"
#: or "June 3, 2024" (see _numbers).
_CJK_APART = lazy_pattern(rf"[{CJK}]|(?<!\d),(?! )|,(?![\d ])")


@lru_cache(maxsize=8192)
def _numbers(text: str) -> tuple[Number, ...]:
    sentence = text  # what each number keeps, to read its context in
    if has_cjk(text):
        # Figures in Chinese or Japanese ("48亿元", "2026年") are read as if each CJK
        # character stood apart as a word does: a bar in its place (not a space, or
        # "12年300人" would read as 12 300), the same length, so spans stay right in the
        # sentence. So does a comma with no space after it, not between two digits: ，(a
        # comma once normalised) has none, while a Latin run's commas keep theirs.
        text = _CJK_APART().sub("|", text)
    lower = text.lower()
    tokens = _token_set(lower)
    starts, kinds = _number_starts(text, lower, tokens)
    if not starts:
        return ()
    digits = "d" in kinds or _HAS_DIGIT().search(text) is not None
    scan = _Scan(lower, tokens, digits, tokens & _NUMBER_WORD_TOKENS, "c" in kinds)
    claimed = bytearray(len(text) + 1)
    found: list[tuple[int, Number]] = []
    # The start positions each pattern can use, with the form to try there, worked out once
    # per set of start kinds (and for "range" on its own).
    positions_for: dict[str, list[tuple[int, _Forms]]] = {}
    for index, name, starts_with, needs, gate in _CANDIDATES[kinds]:
        if needs is not None and tokens.isdisjoint(needs):
            continue
        if gate is not None and not gate(scan):
            continue
        at = "range" if name == "range" else starts_with
        positions = positions_for.get(at)
        if positions is None:
            ascii_text = text.isascii()
            positions = [
                (p, _form_at(kind, ascii_text, scan)) for p, kind in starts if kind in starts_with
            ]
            if name == "range" and ascii_text:  # most numbers open no range: skip its pattern
                positions = [(p, forms) for p, forms in positions if _may_open_range(lower, p)]
            positions_for[at] = positions
        # Numbers only start at a digit, a currency sign or a number word: try the pattern
        # there instead of scanning the whole sentence with it, in the simplest form that
        # matches there (see _form_at).
        for position, forms in positions:
            if claimed[position]:
                continue
            compiled = forms[index]
            if compiled is None:
                compiled = _compiled(index, forms)
            m = compiled.match(text, position)
            if m is None:
                continue
            start, end = m.span()
            if start == end or 1 in claimed[start:end]:
                continue
            parsed = _parse_number(name, m)
            if parsed is None:
                continue
            kind, value, key, unit = parsed
            # "-5C", "-3%": below zero, not the same as "5C", "3%"; but "a vote of 5 -3" is a
            # stray space in a tally, as "0800 -123" is in a telephone number. (``text`` is
            # normalised, so a minus sign however typed is "-" here.)
            if (
                start
                and text[start - 1] == "-"
                and kind in _SIGNED_KINDS
                and (start == 1 or not text[start - 2].isalnum())
                and not (start >= 3 and text[start - 2] == " " and text[start - 3].isdigit())
            ):
                start -= 1
                key, value = f"-{key}", None if value is None else -value
            elif (
                start >= 6
                and text[start - 2] in "sS"  # a cheap test first: most figures follow no "s "
                and kind in _SIGNED_KINDS
                and _MINUS_WORD().search(text, start - 7 if start > 6 else 0, start)
            ):
                # "minus 10 degrees" says "-10 degrees" in words
                start -= len("minus ")
                key, value = f"-{key}", None if value is None else -value
            if kind == "count" and text[end : end + 1] in _DEGREE_STARTS:
                # "5C", "-5°F": the scale is part of what the figure says
                degrees = _DEGREES().match(text, end)
                if degrees:
                    end, unit = degrees.end(), f"°{degrees.group(0)[-1]}"
                    key += unit
            words = text[start:end].strip()
            if kind == "count" and words.lower() == "one" and _lone_one(text, start, end):
                continue
            if kind == "fraction" and _HALF_TIME().match(text, end) and words.lower() == "half":
                continue  # "just before half-time": a point in a match, not a share
            claimed[start:end] = b"\x01" * (end - start)
            lead = _bound_before(text, start)
            # The words around it are read only when they are needed (see Number.context).
            number = Number(
                words, kind, value, key, unit, (start, end), _BOUNDS[lead.lower()], lead, sentence
            )
            found.append((start, number))
    found.sort(key=lambda item: item[0])
    return tuple([number for _, number in found])


def _form_at(kind: str, ascii_text: bool, scan: _Scan) -> _Forms:
    """The form of the number patterns to try at a start of ``kind`` (see _number_starts):
    with spelled-out numbers at a word, or at a currency sign if the sentence holds one
    ("$5m", but "$five million" only with "five" in it); else digits only. At a word of an
    ASCII text (a letter: in other text, lower-casing can shift positions) the letter form
    matches the same, with less to compile (see _patterns)."""
    if kind == "w":
        return _LETTER_FORMS if ascii_text else _WORD_FORMS
    return _WORD_FORMS if kind == "c" and scan.words else _DIGIT_FORMS


#: The words a range's first amount can be written with, its currency, scale and percent
#: sign included ("twenty to thirty", "USD 5 million to", "$5m-", "six per cent to").
_RANGE_OPENING = (
    _NUMBER_WORD_TOKENS
    | _CURRENCY_CODE_TOKENS
    | _wordset("a per cent percent pc percentage basis point points bp bps m mn bn k tn us c nz hk")
)
#: What a currency sign can open with ("USD", "US$", "A$"...).
_CURRENCY_OPENING = _CURRENCY_CODE_TOKENS | _wordset("us a c nz hk")
#: The words that can follow a range's "-", "to" or "and" (its second amount or currency),
#: or a number's "and" ("a hundred and six").
_AFTER_RANGE_JOINER = _CURRENCY_OPENING | _NUMBER_WORD_TOKENS


def _may_open_range(lower: str, position: int) -> bool:
    """Whether the "range" pattern can match at ``position`` of an ASCII text, lower-cased (a
    cheap test that spares most sentences with a number its long pattern): only where the
    words from there are those a first amount is written with, then "-", "to" or "and", then
    a figure, a currency sign or a number word."""
    previous = position
    joined = False  # whether the last word was "to" or "and"
    for run in _SCAN_TOKEN().finditer(lower, position):
        word = run.group()
        gap = lower[previous : run.start()]
        if joined:  # spaces, then the second amount or its currency
            return bool(gap.strip()) or word in _AFTER_RANGE_JOINER
        # After a hyphen, the same ("a six-week wait" and "a 6-year-old" hold no range).
        hyphen = gap.find("-")
        if hyphen != -1 and (gap[hyphen + 1 :].strip() or word in _AFTER_RANGE_JOINER):
            return True
        if word in ("to", "and"):
            joined = True
        elif word.startswith(("to", "and")):  # "toUSD 5": a code right after "to"
            return word[2 if word.startswith("to") else 3 :] in _CURRENCY_OPENING
        elif word not in _RANGE_OPENING:
            return False
        previous = run.end()
    rest = lower[previous:]
    return bool(rest.strip()) if joined else "-" in rest


_HALF_TIME = lazy_pattern(r"[- ](?:time|term)\b", re.IGNORECASE)
#: The kinds of number a minus sign before the figure makes negative.
_SIGNED_KINDS = frozenset(["count", "percent", "money"])
_MINUS_WORD = lazy_pattern(r"(?<![\w-])minus $", re.IGNORECASE)
_DEGREE_STARTS = frozenset("CF°")
_DEGREES = lazy_pattern(r"°?[CF]\b")

#: What each number pattern can start with: a digit, a currency sign or a word.
_STARTS_WITH = {
    "scaled": "dw",
    "mixed": "dw",
    "iso": "d",
    "mdy": "w",
    "dmy": "d",
    "dmy_eu": "d",
    "my": "w",
    "month": "w",
    "time": "dw",
    "range": "dcw",
    "money": "dcw",
    "percent": "dw",
    "twice": "w",
    "dozen": "w",
    "ratio": "dw",
    "fraction": "w",
    "ordinal": "dw",
    "vague": "w",
    "year": "d",
    "weekday": "w",
    "qty": "dw",
}
#: Start kinds that make a pattern's gate pass: a start at a digit means the sentence holds
#: a digit (the gates of "year" and "qty"), one at a currency sign that it holds a sign.
_GATE_PASSES = {"year": "d", "qty": "d", "money": "c"}


def _split_gate(
    name: str, gate: _Gate, kinds: str
) -> tuple[frozenset[str] | None, Callable[[_Scan], bool] | None]:
    """A pattern's gate as the words one of which a sentence must hold, or as a function of
    its scan; ``None`` for either that does not apply (or that the start kinds pass)."""
    if isinstance(gate, frozenset):
        return gate, None
    return None, None if _GATE_PASSES.get(name, "-") in kinds else gate


#: For each set of start kinds a sentence holds, the patterns that can start at one of them,
#: in priority order, each with its gate (see ``_split_gate``).
_CANDIDATES = {
    frozenset(kinds): tuple(
        (index, name, _STARTS_WITH[name], *_split_gate(name, gate, kinds))
        for index, (name, _, gate) in enumerate(_WITH_WORDS)
        if not frozenset(kinds).isdisjoint(_STARTS_WITH[name])
    )
    for kinds in ("d", "c", "w", "dc", "dw", "cw", "dcw")
}
#: A digit that does not continue a figure ("2" but not the "3" of "2.3"), or a currency sign.
#: It opens with a character set, which the search skips along, and looks back from there.
_DIGIT_OR_SIGN = lazy_pattern(r"[\d$£€¥₹](?<![\d.,]\d)")
#: The same for ASCII text, where ``\d`` is 0 to 9 (a range is cheaper to test).
_ASCII_DIGIT_OR_SIGN = lazy_pattern(r"[0-9$](?<![\d.,]\d)")
#: A range between digits ("10-12", "5% to 7%", "$10 to $12m").
_RANGE_HINT = lazy_pattern(r"\d\s*(?:%|per\s?cent|percent|[a-z]{1,2})?\s*(?:-|to|and)\s*[$£€¥₹]?\d")
_RANGE_WORDS = frozenset(["to", "and", "between"])
_DIGITS_AND_DOLLAR = b"0123456789$"


_START_WORDS = (
    _NUMBER_WORD_TOKENS
    | _MONTH_TOKENS
    | _WEEKDAY_TOKENS
    | _NAMED_TIMES
    | _FRACTION_TOKENS
    | _ORDINAL_TOKENS
    | _VAGUE_TOKENS
    | _TIMES_TOKENS
    | frozenset(["dozen", *_CURRENCY_CODE_TOKENS])
)
#: Words after which "a" starts a number ("a dozen", "a third", "a million").
_AFTER_A = frozenset(["dozen", "hundred", "thousand", "million", "billion", *_FRACTION_WORDS])


@lru_cache(maxsize=16384)
def _token_set(lower: str) -> frozenset[str]:
    """The words of a lower-cased text, for cheap "could this hold X" tests."""
    if lower.isascii():  # the same words, at a fraction of the cost of the regex
        return frozenset(lower.encode().translate(_NOT_LETTER_TO_SPACE).decode().split())
    return frozenset(_SCAN_TOKEN().findall(lower))


#: Every byte outside ``_SCAN_TOKEN``'s letters, mapped to a space (bytes.translate is
#: several times faster than str.translate).
_NOT_LETTER_TO_SPACE = bytes(code if 97 <= code <= 122 else 32 for code in range(256))


def _number_starts(
    text: str, lower: str, tokens: frozenset[str]
) -> tuple[list[tuple[int, str]], frozenset[str]]:
    """Where a number can start, and with what: ``d`` a digit, ``c`` a currency sign (with a
    "US" or "A" prefix), ``w`` a number, month or weekday word, or "a" before "dozen",
    "third", "million"...; then the set of those kinds."""
    starts: dict[int, str] = {}
    # Most sentences hold no figure: for ASCII text, deleting digits and "$" says so faster
    # than a regex (the text is as long afterwards).
    ascii_text = text.isascii()
    if ascii_text:
        figures = len(text.encode().translate(None, _DIGITS_AND_DOLLAR)) != len(text)
        finder = _ASCII_DIGIT_OR_SIGN()
    else:
        figures, finder = True, _DIGIT_OR_SIGN()
    for m in finder.finditer(text) if figures else ():
        position = m.start()
        if m.group(0).isdigit():
            starts[position] = "d"
            continue
        starts[position] = "c"
        if position and text[position - 1].isalpha():
            prefix = position - 1
            while prefix and text[prefix - 1].isalpha():
                prefix -= 1
            starts[prefix] = "c"
    for word in tokens & _START_WORDS:
        for position in _whole_word(lower, word):
            starts.setdefault(position, "w")
    for word in tokens & _AFTER_A:
        for position in _whole_word(lower, "a " + word):
            starts.setdefault(position, "w")
    return sorted(starts.items()), frozenset(starts.values())


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


def _lone_one(text: str, start: int, end: int) -> bool:
    """'one' as a pronoun ("no one", "one of the few") rather than a count."""
    before = text[max(0, start - 8) : start].lower()
    return before.endswith(("no ", "any", "some", "every", "each")) or text[end:].startswith("-")


def _date_parts(key: str) -> tuple[str, str, str]:
    parts = [*key.split("-"), "", ""][:3]
    return parts[0], parts[1], parts[2]


def _continental_value(number: Number) -> float | None:
    """What a figure written "1.200" is worth where full stops group thousands, or None."""
    if number.value is None or not _DOT_GROUPED().search(number.text):
        return None
    return round(number.value * 1000, 6)


def same_number(a: Number, b: Number) -> bool:
    """Whether two mentions have the same value, however they are written."""
    if a.key == b.key:
        return True
    if a.kind == "date" and b.kind == "date":
        ya, ma, da = _date_parts(a.key)
        yb, mb, db = _date_parts(b.key)
        if a.key.startswith("wd") or b.key.startswith("wd"):
            return False
        return ma == mb and da == db and (ya == yb or "?" in (ya, yb))
    loose = {"count", "money", "year"}
    if a.value is not None and a.value == b.value and a.kind in loose and b.kind in loose:
        return not (a.unit and b.unit and a.unit != b.unit)
    if a.kind == b.kind and a.kind in loose and a.unit == b.unit:
        # "1.200" is 1.2 in English and 1200 on the continent: the same as "1200" either way,
        # but not "1,200", which is 1.2 where "1.200" is 1200 ($1.25 -> $1,250 either way).
        for grouped, plain in ((a, b), (b, a)):
            if (
                grouped.value is not None
                and plain.value == _continental_value(grouped)
                and not _COMMA_GROUPED().search(plain.text)
            ):
                return True
    # "half" and "50 per cent" are the same share.
    shares = {a.kind, b.kind}
    if shares == {"fraction", "percent"} and a.value is not None and b.value is not None:
        fraction, percent = (a, b) if a.kind == "fraction" else (b, a)
        assert fraction.value is not None and percent.value is not None
        return percent.unit == "%" and abs(fraction.value * 100 - percent.value) < 0.5
    return False


#: Words that bound a number, and what they make of it. "About" and "some" only soften it.
_BOUNDS = {
    "more than": "above",
    "over": "above",
    "at least": "above",
    "no fewer than": "above",
    "no less than": "above",
    "no more than": "upto",
    "upwards of": "above",
    "in excess of": "above",
    "nearly": "below",
    "almost": "below",
    "just under": "below",
    "fewer than": "below",
    "less than": "below",
    "under": "below",
    "up to": "upto",
    "as many as": "upto",
    "about": "",
    "around": "",
    "roughly": "",
    "approximately": "",
    "some": "",
    "an estimated": "",
}
_BOUNDS[""] = ""
_BOUND_ENDINGS = tuple(sorted((b for b in _BOUNDS if b), key=len, reverse=True))


#: Words after which "over" says what a quarrel is about ("a row over $3m"), not "more than".
#: (Not verbs that take a count: "arrested over 50 protesters" is more than 50.)
_QUARRELS = _wordset(
    "row rows dispute disputes fight fights fighting fought battle battles battling clash "
    "clashes clashed resign resigns resigned resigning quit quits inquiry investigation "
    "protest protests protesting strike striking talks standoff wrangle spat feud lawsuit "
    "scandal split rift anger outrage concern concerns"
)


def _bound_before(text: str, start: int) -> str:
    """The bounding words right before a number ("more than"), as written, or ""."""
    before = text[max(0, start - 24) : start].rstrip()
    low = before.lower()
    if not low.endswith(_BOUND_ENDINGS):
        return ""
    for ending in _BOUND_ENDINGS:
        at = len(low) - len(ending)
        if low.endswith(ending) and (at == 0 or not low[at - 1].isalpha()):
            if ending == "over" and not _QUARRELS.isdisjoint(low[:at].split()[-1:]):
                return ""
            return before[at:] if _BOUNDS[ending] else ""
    return ""


def _has_full_date(numbers: Sequence[Number]) -> bool:
    """Whether a day of a month is among the numbers ("May 24", "2026-05-24")."""
    return any(n.kind == "date" and n.key.count("-") == 2 for n in numbers)


def _number_group(number: Number) -> str:
    if number.kind in ("date", "year"):
        return "date"
    if number.kind in ("time", "ordinal"):
        return number.kind
    if number.kind in ("percent", "fraction") or number.unit in ("%", "pp"):
        return "percent"
    return "quantity"


# --------------------------------------------------------------------------------------------
# Quotes


_SINGLE_OPEN = lazy_pattern(r"(?:(?<=^)|(?<=[\s(\[\"-]))'(?=[^\W\d_]|\d(?!0s))")
_SINGLE_CLOSE = lazy_pattern(r"(?<=[^\s'])'(?=$|[\s,.;:!?)\]\"-])")


_DOUBLE_MARK = lazy_pattern('"')
#: Every character that normalises to a straight double quote.
_DOUBLE_MARKS = '"\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb'


def _quote_spans(text: str, open_quote: bool) -> list[tuple[int, int]]:
    """Character spans of the contents of the outermost quotations."""
    spans: list[tuple[int, int]] = []
    marks = [m.start() for m in _DOUBLE_MARK().finditer(text)] if '"' in text else []
    if not marks:
        if open_quote and not _single_spans(text):
            return [(0, len(text))]
    else:
        if len(marks) % 2:
            # One mark is unpaired: a quotation opened in an earlier sentence closes here, or
            # one opened here runs on into the next sentence. A closing mark follows the
            # quotation's last mark at once ('laid," he said'); an opening one follows a
            # space ('told the Tribune: "There was').
            first = marks[0]
            if open_quote or text[first - 1 : first] in (",", ".", "!", "?", ";", ":"):
                spans.append((0, first))
                marks = marks[1:]
            else:
                spans.append((marks[-1] + 1, len(text)))
                marks = marks[:-1]
        spans.extend((marks[i] + 1, marks[i + 1]) for i in range(0, len(marks) - 1, 2))
    for start, end in _single_spans(text):
        if not any(s - 1 <= start and end <= e + 1 for s, e in spans):
            spans.append((start, end))
    spans.sort()
    outer: list[tuple[int, int]] = []
    for span in spans:
        if outer and span[0] < outer[-1][1]:
            continue
        outer.append(span)
    return outer


def _single_spans(text: str) -> list[tuple[int, int]]:
    # Most apostrophes sit inside words ("it's"); a quotation needs one that opens.
    if "'" not in text or not (
        text[:1] == "'" or " '" in text or "('" in text or "\"'" in text or "-'" in text
    ):
        return []
    spans: list[tuple[int, int]] = []
    closes = [m.start() for m in _SINGLE_CLOSE().finditer(text)]
    position = 0
    for opening in _SINGLE_OPEN().finditer(text):
        if opening.start() < position:
            continue
        close = next((c for c in closes if c > opening.start() + 1), None)
        if close is None:
            break
        spans.append((opening.start() + 1, close))
        position = close + 1
    return spans


def _mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The sentence with each quotation replaced by ``"Q"``, so that cues inside quotes are not
    read as the sentence's own."""
    if not spans:
        return text
    parts: list[str] = []
    position = 0
    for start, end in spans:
        # The marks go with the quotation, so "Q" stands alone as a token.
        if start > 0 and text[start - 1] in "\"'":
            start -= 1
        if end < len(text) and text[end] in "\"'":
            end += 1
        parts.append(text[position:start])
        parts.append(" Q ")
        position = end
    parts.append(text[position:])
    return "".join(parts)


_WORDS = lazy_pattern(r"[\w']+")
#: Marks that do not count at the edges of a quotation (and whitespace).
_QUOTE_EDGE_MARKS = "\"',.;:!?-"
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


@lru_cache(maxsize=4096)
def _quote_key(text: str) -> str:
    folded = text.casefold()
    start, end = 0, len(folded)
    while start < end and (folded[start] in _QUOTE_EDGE_MARKS or folded[start].isspace()):
        start += 1
    while end > start and (folded[end - 1] in _QUOTE_EDGE_MARKS or folded[end - 1].isspace()):
        end -= 1
    return " ".join(_words(folded[start:end])) + ("..." if "..." in text else "")


def _overlap(a: str, b: str) -> float:
    wa, wb = set(_words(a.casefold())), set(_words(b.casefold()))
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


# --------------------------------------------------------------------------------------------
# Attributions

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
_PASSIVE = _wordset("was were been being be is are")
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
_NOT_ATTRIBUTION_AFTER = lazy_pattern(
    r"\s+(?:responsibility|credit|victory|the\s+lives|lives|the\s+title|asylum|a\s+seat|"
    r"seats|missing|dead|killed|injured|wounded|stolen|bail|access|entry|cases|deaths|to\s+be)\b"
)


@lru_cache(maxsize=8192)
def _attributions(masked: str) -> tuple[Attribution, ...]:
    present = _ATTRIBUTION_TRIGGERS & _token_set(masked.lower())
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
    return not (_AT_ONE_REMOVE().search(longer) and not _AT_ONE_REMOVE().search(shorter))


def _manner(lemma: str) -> str:
    return "neutral" if lemma in _NEUTRAL else lemma


# --------------------------------------------------------------------------------------------
# Hedges and negations

_MODAL = r"\b(?:may|[Mm]ight|[Cc]ould)\b"
#: Words after which "partly" or "partially" describes a thing, not the claim ("the
#: partially built bridge collapsed" -> "the bridge collapsed" hedges nothing).
_DESCRIBED_AFTER = ("the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "those")
_HEDGE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("reportedly", r"\breportedly\b|\b(?:is|are|was|were)\s+(?:said|reported|rumou?red)\s+to\b"),
    ("reportedly", r"\baccording to (?:media |news |local |press )?reports\b|\bit is reported\b"),
    (
        "allegedly",
        r"\ballegedly\b|\bpurportedly\b|\b(?:the|an|a|his|her|their)\s+(?:alleged|suspected)\b",
    ),
    (
        "unconfirmed",
        r"\bunconfirmed\b|\bunverified\b"
        r"|\b(?:(?:could|can) )?not (?:yet )?(?:been |be )?(?:independently )?"
        r"(?:verified|confirmed)\b",
    ),
    (
        "sources",
        r"\bsources(?: (?:close to|familiar with|with knowledge of|in|at|inside)(?: [\w'-]+){1,3})?"
        r" (?:say|said|says|told|familiar)\b|\baccording to (?:\w+ )?sources\b",
    ),
    ("sources", r"\bpeople familiar with\b"),
    ("possibility", _MODAL + r"(?!\s+not\s+(?:immediately\s+)?be\s+reached)"),
    ("possibility", r"\b(?:possibly|perhaps|potentially|maybe|possible)\b"),
    ("apparently", r"\b(?:appears?|appeared|seems?|seemed)\s+to\b|\bapparently\b|\bit appears\b"),
    ("likely", r"\b(?:likely|probably|probable)\b"),
    ("unlikely", r"\bunlikely\b"),
    (
        "believed",
        r"\b(?:believed|thought|understood|presumed|feared)\s+to\b|\bis understood\b"
        # "It is thought the vote will ...": only before a clause, not "it is thought through".
        r"|\bit is (?:thought|believed|feared)"
        r"(?=\s+(?:that|the|an?|he|she|they|it|his|her|their)\b)"
        r"|\b(?:presumed|feared)\s+(?:dead|killed|drowned|missing|lost|trapped)\b",
    ),
    ("expected", r"\bexpected to\b"),
    ("unsupported", r"\bwithout (?:providing |offering |citing |giving )?(?:any )?evidence\b"),
    ("certain", r"\b(?:certainly|definitely|undoubtedly|clearly|conclusively|without doubt)\b"),
    # A claim narrowed or graded: "the fire was contained" -> "largely contained", "no one
    # was hurt" -> "no one was seriously hurt" (so some were).
    (
        "qualified",
        r"\b(?:largely|mostly|mainly|in part)\b"
        # Not a word that describes a thing: "the partially built bridge", "partly cloudy".
        r"|"
        # (The lookahead first: the lookbehinds would otherwise be tried at every letter.)
        + r"\b(?=part)"
        + "".join(f"(?<!\\b{word} )" for word in _DESCRIBED_AFTER)
        + r"(?:partly|partially)\b(?!\s+(?:cloudy|sunny)\b)"
        # After "was", "were", "not"...: "the tariffs badly hurt exporters" grades no claim.
        r"|\b(?:was|were|been|being|is|are|not|n't)\s+"
        r"(?:seriously|critically|severely|badly)\s+(?:hurt|injured|wounded)\b",
    ),
)
#: For each hedge pattern, words one of which it cannot match without (in lower case).
_HEDGE_NEEDS: tuple[tuple[str, ...], ...] = (
    ("reportedly", "said", "reported", "rumored", "rumoured"),
    ("reports", "reported"),
    ("allegedly", "purportedly", "alleged", "suspected"),
    ("unconfirmed", "unverified", "verified", "confirmed"),
    ("sources",),
    ("familiar",),
    ("may", "might", "could"),
    ("possibly", "perhaps", "potentially", "maybe", "possible"),
    ("appear", "seem", "apparently"),
    ("likely", "probabl"),
    ("unlikely",),
    ("believed", "thought", "understood", "presumed", "feared"),
    ("expected",),
    ("evidence",),
    ("certainly", "definitely", "undoubtedly", "clearly", "conclusively", "doubt"),
    (
        "partly",
        "partial",
        "largely",
        "mostly",
        "mainly",
        "in part",
        "seriously",
        "critically",
        "severely",
        "badly",
    ),
)
_HEDGES = tuple(
    (index, group, needs)
    for index, ((group, _), needs) in enumerate(zip(_HEDGE_PATTERNS, _HEDGE_NEEDS, strict=True))
)


@lru_cache(maxsize=32)
def _hedge_pattern(index: int) -> re.Pattern[str]:
    """Hedge pattern ``index``, compiled when first needed (few sentences need most of them;
    compiling all at import cost more than a small comparison). Case-insensitive except the
    modals, so that the month "May" is not a hedge."""
    pattern = _HEDGE_PATTERNS[index][1]
    return re.compile(pattern, 0 if pattern.startswith(_MODAL) else re.IGNORECASE)


_HEDGE_TRIGGERS = _wordset(
    "reportedly allegedly purportedly alleged suspected unconfirmed unverified verified sources "
    "familiar may might could possibly perhaps potentially maybe possible appears appear "
    "appeared seem seems seemed apparently likely probably probable unlikely believed thought "
    "understood presumed feared expected certainly definitely undoubtedly clearly conclusively "
    "doubt reports reported evidence partly partially largely mostly mainly part seriously "
    "critically severely badly"
)
#: Differing words that can add or remove a hedge ("not verified", "said to").
_HEDGE_DIFF_TRIGGERS = _HEDGE_TRIGGERS | _wordset("not said rumored rumoured independently")
_HEDGE_TO = lazy_pattern(r"\b(?:said|rumou?red) to\b")
_NEGATION = lazy_pattern(
    r"\b(?:not|never|no longer|nobody|nothing|none|neither|nor|cannot|denied|denies|deny|"
    r"denying|refused|refuses|refuse|refusing|declined to|yet to|unclear|no(?=\s+\w)|\w+n't)\b",
    re.IGNORECASE,
)
_NEGATION_TRIGGERS = _wordset(
    "not never no nobody nothing none neither nor cannot denied denies deny denying refused "
    "refuses refuse refusing declined yet unclear"
)
_CONTRACTIONS = {"won't": "will", "can't": "can", "shan't": "shall", "cannot": "can"}
_CONTRACTIONS["ain't"] = "is"
_PREVIOUS_WORDS = lazy_pattern(r"[\w']+")
_NEXT_WORD = lazy_pattern(r"\s*([\w'-]+)")
_AUX_WORDS = _wordset(
    "is are was were be been am has have had do does did will would can could shall should "
    "may might must"
)
_UNVERIFIED_AFTER = lazy_pattern(r"\s+be\s+(?:independently\s+)?(?:verified|confirmed)\b")
_UNNAMED_AFTER = lazy_pattern(r"(?:\s+want(?:s|ed|ing)?)?(?:\s+to)?\s+be\s+(?:named|identified)\b")
_NO_BOUND = lazy_pattern(r" (?:fewer|less|more) than\b", re.IGNORECASE)
_NEGATION_EXCEPT = lazy_pattern(
    r"^(?:not only|not just|whether or not|if not)$|^no\s*\.?$", re.IGNORECASE
)


@lru_cache(maxsize=8192)
def _hedges(masked: str) -> tuple[Cue, ...]:
    lower = masked.lower()
    if not _HEDGE_TRIGGERS & _token_set(lower) and not (
        " to " in lower and _HEDGE_TO().search(lower)
    ):
        return ()
    found: list[tuple[int, Cue]] = []
    taken: list[tuple[int, int]] = []
    # A pattern whose words are absent cannot match; with other than ASCII, case folding can
    # match letters that lower() does not give, so every pattern runs.
    ascii_text = lower.isascii()
    for index, group, needs in _HEDGES:
        if ascii_text and not any(word in lower for word in needs):
            continue
        for m in _hedge_pattern(index).finditer(masked):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append(m.span())
            found.append((m.start(), Cue(masked[m.start() : m.end()], group)))
    found.sort(key=lambda item: item[0])
    return tuple(cue for _, cue in found)


@lru_cache(maxsize=8192)
def _negations(masked: str) -> tuple[Cue, ...]:
    lower = masked.lower()
    if "n't" not in lower and not _NEGATION_TRIGGERS & _token_set(lower):
        return ()
    found: list[Cue] = []
    for m in _NEGATION().finditer(masked):
        cue = m.group(0)
        previous = _PREVIOUS_WORDS().findall(masked, max(0, m.start() - 40), m.start())[::-1]
        word = previous[0] if previous else ""
        low = cue.lower()
        following = masked[m.end() : m.end() + 12].split()
        if _NEGATION_EXCEPT().match(f"{low} {following[0].lower() if following else ''}"):
            continue
        if low == "not" and word.lower() in ("whether", "if", "or"):
            continue
        modal = low == "cannot" or (low == "not" and word.lower() in ("could", "can"))
        if modal and _UNVERIFIED_AFTER().match(masked, m.end()):
            continue  # "could not be independently verified" is a hedge, not a denial
        if low.startswith(("den", "ref")) and word.lower() in _PASSIVE:
            continue
        unnamed = _UNNAMED_AFTER().match(masked, m.end())
        if unnamed and (
            word.lower() == "asked" or low.startswith(("ref", "decl")) or "want" in unnamed[0]
        ):
            continue  # "asked not to be named" is about the source, it denies nothing
        if low == "no" and m.start() > 0 and masked[m.start() - 1] == "'":
            continue
        if low == "yet to" and word.lower() not in _AUX_WORDS:
            continue  # "has yet to pay" is "has not paid"; "and yet to many" is "but"
        if low == "no" and _NO_BOUND().match(masked, m.end()):
            continue  # "no fewer than 12" bounds a number ("at least 12"), it negates nothing
        if low.endswith("n't") or low in ("cannot", "yet to", "unclear"):
            group = "not"  # "unclear whether" is "not clear whether"
        elif low.startswith("den"):
            group = "deny"
        elif low.startswith(("ref", "decl")):
            group = "refuse"
        else:
            group = low
        following_word = _NEXT_WORD().match(masked, m.end())
        after = following_word.group(1) if following_word else ""
        # "has not yet paid" flips to "has paid": the verb is the word after "yet".
        yet = ""
        if following_word and after.lower() == "yet":
            verb = _NEXT_WORD().match(masked, following_word.end())
            if verb:
                yet, after = f"{after} ", verb.group(1)
        # What the words would say without the negation, to show a flip as "did" -> "did not".
        if low.endswith("n't") or low == "cannot":
            base = _CONTRACTIONS.get(low, cue[:-3])
            text, counterpart = f"{cue} {yet}{after}", f"{base} {after}"
        elif group in ("deny", "refuse", "nobody", "nothing", "none", "neither", "nor") or (
            low == "unclear"
        ):
            text, counterpart = cue, ""
        elif low == "no" or (low in ("never", "no longer") and word.lower() not in _AUX_WORDS):
            after = "" if after.lower() in ("a", "an", "the") and low != "no" else after
            text, counterpart = f"{cue} {after}", after
        else:
            after = "" if after.lower() in ("a", "an", "the") else after
            text, counterpart = f"{word} {cue} {yet}{after}", f"{word} {after}"
        text, counterpart = text.strip(), counterpart.strip()
        found.append(Cue(text, group, tuple(previous[:2]), counterpart))
    return tuple(found)


#: Words that say no without a negation word, as writers put "not" in their place: "told to
#: avoid using well water" / "told not to drink it", "booms to stop the fuel from reaching
#: the river" / "so it would not reach the river". ("refused", "denied" and "no longer" are
#: negation cues already.)
_IMPLICIT_NEGATIVE = lazy_pattern(
    r"\b(?:avoid(?:s|ed|ing)?|prevent(?:s|ed|ing)?|refrain(?:s|ed|ing)?(?:\s+from)?"
    r"|halt(?:s|ed|ing)?|ban(?:s|ned|ning)?(?:\s+from)?|prohibit(?:s|ed|ing)?(?:\s+from)?"
    r"|fail(?:s|ed|ing)?\s+to|without"
    r"|stop(?:s|ped|ping)?(?=\s+\w+ing\b)"
    r"|(?:stop|keep|kept|block|bar)(?:s|ped|ping|ing|ed|red|ring)?\s+(?:[\w'-]+\s+){0,4}?from"
    r")\b",
    re.IGNORECASE,
)
_IMPLICIT_TRIGGERS = _wordset(
    "avoid avoids avoided avoiding prevent prevents prevented preventing refrain refrains "
    "refrained refraining halt halts halted halting ban bans banned banning prohibit "
    "prohibits prohibited prohibiting fail fails failed failing without stop stops stopped "
    "stopping keep keeps kept keeping block blocks blocked blocking bar bars barred barring"
)
#: The word each implicit negative is written from ("kept" is "keep"), its cue's group.
_IMPLICIT_GROUP = lazy_pattern(
    r"avoid|prevent|refrain|halt|ban|prohibit|fail|without|stop|keep|kept|block|bar"
)


def says_no_implicitly(text: str) -> bool:
    """Whether ``text`` says no without a negation word ("told to avoid the water")."""
    return _IMPLICIT_NEGATIVE().search(text) is not None


@lru_cache(maxsize=4096)
def _implicit_negations(masked: str) -> tuple[Cue, ...]:
    """The implicit negatives of a sentence, each with the word it says no to ("avoid
    using"): not negation cues of their own, but a "not" in their place says the same."""
    if _IMPLICIT_TRIGGERS.isdisjoint(_token_set(masked.lower())):
        return ()
    found: list[Cue] = []
    for m in _IMPLICIT_NEGATIVE().finditer(masked):
        previous = _PREVIOUS_WORDS().findall(masked, max(0, m.start() - 40), m.start())[::-1]
        following = _NEXT_WORD().match(masked, m.end())
        text = f"{m.group(0)} {following.group(1)}" if following else m.group(0)
        group = _IMPLICIT_GROUP().match(m.group(0).lower())
        name = group.group(0) if group else ""
        found.append(Cue(text, "keep" if name == "kept" else name, tuple(previous[:2])))
    return tuple(found)


# --------------------------------------------------------------------------------------------
# Names

_NAME_WORD = r"(?:[A-Z]\.){2,}|(?:Mc|Mac|O')?[A-Z][\w'-]*\.?"
# Every name word starts with a capital: the lookahead lets the search skip ahead to one
# instead of trying the lookbehind at every character.
_NAME = lazy_pattern(
    rf"(?=[A-Z])(?<![\w'])(?:{_NAME_WORD})"
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
    mps meps ceo cfo tv gdp ai mp
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
    # A match opens the sentence when only quotes, brackets and dashes stand before it.
    opening = len(text) - len(text.lstrip(" \"'([-"))
    for m in _NAME().finditer(text):
        if text[m.end() : m.end() + 1] == "$":
            continue  # a currency prefix ("US$"), not a name
        words = m.group(0).split()
        at_start = m.start() <= opening
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
            continue  # one capitalised word opening a sentence is usually not a name
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
    return tuple(dict.fromkeys(found))


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


# --------------------------------------------------------------------------------------------
# Comparing two sentences


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


def _pair_numbers(
    old: Sequence[Number], new: Sequence[Number]
) -> tuple[list[tuple[Number, Number]], list[Number], list[Number]]:
    """Pairs whose value changed, then unpaired old and new mentions. A mention with the same
    value on both sides is dropped when it counts the same thing there: rewriting "4" as
    "four" is not a change, but "three killed and 12 injured" -> "12 killed and three
    injured" swaps two numbers that both sides hold."""
    if len(old) == 1 and len(new) == 1:
        # One mention against one: nothing can be a rival, so what follows comes to this.
        o, n = old[0], new[0]
        if o.bound == n.bound and _twins(o, n):
            return [], [], []
        if _number_group(o) == _number_group(n):
            return [(o, n)], [], []
        return [], [o], [n]
    layout = _Layout(old, new)
    sides = _Sides.of(old, new, layout)
    for number in old:
        # "more than 100" -> "nearly 100" keeps the value but not the meaning.
        twins = [n for n in sides.twins(number, sides.new) if n.bound == number.bound]
        if not twins:
            continue
        if len(twins) > 1:  # the best fit first (ties in reading order, as max takes them)
            twins.sort(key=lambda n: _fit(number, n, layout), reverse=True)
        # A twin in a move turned round is no twin; another may be: "from $5 to $6" stays in
        # "to $5 from $4 last year and from $5 to $6 this year".
        twin = next((n for n in twins if not _turned_round(number, n, old, new)), None)
        if twin is None or _fits_another_better(number, twin, sides, layout):
            continue
        sides.old.alive.discard(id(number))
        sides.new.alive.discard(id(twin))
    rest_old = sides.old.rest()
    rest_new = sides.new.rest()
    pairs: list[tuple[Number, Number]] = []
    # Same group and the same counted noun: "four sources" -> "three sources". A mention
    # left with a twin of the same value and bound on the other side was found swapped
    # above ("three died and 12 injured" -> "three injured and 12 died"): not that twin.
    # The word each counts goes first: "180 passengers and six crew" -> "186 passengers and
    # crew" shares two words between "six crew" and the new figure, one with "180".
    scored = sorted(
        (
            (-(o.context[0] == n.context[0]), -overlap, -_same_place(o, n, layout), i, j)
            for i, o in enumerate(rest_old)
            for j, n in enumerate(rest_new)
            if _number_group(o) == _number_group(n)
            for overlap in (len(set(o.context[:2]) & set(n.context[:2])),)
            if overlap and not (o.bound == n.bound and _twins(o, n))
        ),
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    for *_, i, j in scored:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((rest_old[i], rest_new[j]))
    left_old = [n for i, n in enumerate(rest_old) if i not in used_old]
    left_new = [n for j, n in enumerate(rest_new) if j not in used_new]
    # Otherwise a one-for-one swap of the same sort of number, in reading order, its twin
    # last (found swapped above: "to $6 from $5" -> "from $6 to $5").
    for number in list(left_old):
        group = _number_group(number)
        same_sort = [n for n in left_new if _number_group(n) == group]
        other = next(
            (n for n in same_sort if not (n.bound == number.bound and _twins(number, n))),
            same_sort[0] if same_sort else None,
        )
        if other is not None:
            left_old.remove(number)
            left_new.remove(other)
            pairs.append((number, other))
    return pairs, left_old, left_new


def _places(numbers: Sequence[Number]) -> dict[int, int]:
    """Each mention's place among the mentions of its group on its side (by ``id``: mentions
    are compared by value, and two sides can hold equal ones)."""
    seen: dict[str, int] = {}
    places: dict[int, int] = {}
    for number in numbers:
        group = _number_group(number)
        places[id(number)] = place = seen.get(group, 0)
        seen[group] = place + 1
    return places


def _beside(numbers: Sequence[Number]) -> dict[int, tuple[str, str]]:
    """The values of the mentions right before and after each one ("" at an end)."""
    keys = ["", *(n.key for n in numbers), ""]
    return {id(n): (keys[i], keys[i + 2]) for i, n in enumerate(numbers)}


@dataclass(frozen=True, eq=False)
class _Layout:
    """Where the mentions of two versions of a sentence stand (see ``_places`` and
    ``_beside``), worked out when first needed: most pairs of versions never need it."""

    old: Sequence[Number]
    """The old version's mentions."""
    new: Sequence[Number]
    """The new version's mentions."""

    @cached_property
    def places(self) -> dict[int, int]:
        """Each mention's place among its group's mentions on its side."""
        return _places(self.old) | _places(self.new)

    @cached_property
    def beside(self) -> dict[int, tuple[str, str]]:
        """The values of the mentions right before and after each one."""
        return _beside(self.old) | _beside(self.new)

    @cached_property
    def surroundings(self) -> dict[int, frozenset[str]]:
        """The words that travel with each mention (see ``_surroundings``)."""
        return _surroundings(self.old) | _surroundings(self.new)

    @cached_property
    def listed(self) -> set[int]:
        """The mentions joined to a neighbour by nothing but "and", "or" or a comma."""
        return _listed(self.old) | _listed(self.new)


_LIST_JOIN = lazy_pattern(r"\s*(?:,|,?\s*(?:and|or|&))\s*", re.IGNORECASE)


def _listed(numbers: Sequence[Number]) -> set[int]:
    """The mentions joined to the next or previous one by a bare "and", "or" or comma ("aged
    17 and 19"): the order of such a list says nothing, unless the sentence says
    "respectively"."""
    listed: set[int] = set()
    for a, b in itertools.pairwise(numbers):
        sentence = a.sentence
        if (
            _LIST_JOIN().fullmatch(sentence, a.span[1], b.span[0])
            and "respectively" not in sentence
            # Pairs in a list ("6-4, 3-6") are set scores, whose order tells who won each.
            and not (
                sentence[a.span[0] - 1 : a.span[0]] == "-" == sentence[b.span[1] : b.span[1] + 1]
            )
        ):
            listed.update((id(a), id(b)))
    return listed


def _surroundings(numbers: Sequence[Number]) -> dict[int, frozenset[str]]:
    """The words that travel with each mention when a sentence is reordered: the content word
    right before it and the capitalised words among the three before it (back to the previous
    mention: "Keith Arden, 54"), a "from" or "to" right before it (the end of a move it is:
    "went from $5 to $6" is "went to $6 from $5"), and the word right after it that is not
    filler ("three people" counts no one in particular)."""
    found: dict[int, frozenset[str]] = {}
    previous_end = 0
    for number in numbers:
        sentence = number.sentence
        start, end = number.span
        before = [
            w
            for w in _CONTEXT_WORD().findall(sentence[max(previous_end, start - 60) : start])
            if w.lower() not in _CONTEXT_SKIP
        ][-3:]
        words = {"<" + w.lower() for w in before if w[0].isupper()}
        if before:
            words.add("<" + before[-1].lower())
        end_of_move = _end_of_move(sentence, start)
        if end_of_move:
            words.add("<" + end_of_move)
        following = _WORD_RIGHT_AFTER().match(sentence, end)
        if following:
            low = following[1].lower()
            if low not in _NOT_COUNTED:
                words.add(">" + _singular(low))
        found[id(number)] = frozenset(words)
        previous_end = end
    return found


_WORD_RIGHT_AFTER = lazy_pattern(r"[ -]([A-Za-z][A-Za-z'-]*)")


def _end_of_move(sentence: str, start: int) -> str:
    """ "from" or "to" when that word stands right before a mention, else ""."""
    before = sentence[max(0, start - 6) : start].rstrip().lower()
    for word in ("from", "to"):
        if before.endswith(word) and not before[: -len(word)][-1:].isalpha():
            return word
    return ""


def _has_from(sentence: str) -> bool:
    """Whether a "from" may stand in ``sentence``, in any case ("CUT TO 20 MPH FROM 30 MPH")."""
    return "rom" in sentence or "ROM" in sentence


def _turned_round(o: Number, n: Number, old: Sequence[Number], new: Sequence[Number]) -> bool:
    """Whether a same-value pair changed ends in a move that was turned round: it was the
    "from" end and is now the "to" end (or the other way), and another figure of its group
    on the other side holds the end it left ("cut to 20 mph from 30 mph" -> "cut from 20 mph
    to 30 mph"), so the move goes the other way even though no figure changed its place."""
    if not (_has_from(o.sentence) and _has_from(n.sentence)):  # most: no "from" on a side
        return False
    was, now = _end_of_move(o.sentence, o.span[0]), _end_of_move(n.sentence, n.span[0])
    if not was or not now or was == now:  # no end of a move, or the same one
        return False
    group = _number_group(o)
    return any(
        _end_of_move(r.sentence, r.span[0]) == was
        and _number_group(r) == group
        and not same_number(o, r)
        for r in new
    ) or any(
        _end_of_move(r.sentence, r.span[0]) == now
        and _number_group(r) == group
        and not same_number(n, r)
        for r in old
    )


def _moved_with_its_words(o: Number, n: Number, rivals: Iterable[Number], layout: _Layout) -> bool:
    """Whether a same-value pair is one mention that moved with the words around it ("Keith
    Arden, 54, and Paul Renshaw, 49" -> "Paul Renshaw, 49, and Keith Arden, 54"): both stand
    in a bare list, or both keep a word that no rival stands beside."""
    listed = layout.listed
    if id(o) in listed and id(n) in listed:
        return True
    around = layout.surroundings
    kept = around[id(o)] & around[id(n)]
    for rival in rivals:
        if not kept:
            break
        kept = kept - around[id(rival)]
    return bool(kept)


def _same_place(o: Number, n: Number, layout: _Layout) -> bool:
    """Whether two mentions stand at the same place among their group's mentions on their
    sides (the second percentage in both)."""
    places = layout.places
    return places[id(o)] == places[id(n)]


def _fit(o: Number, n: Number, layout: _Layout) -> tuple[bool, bool]:
    """How well two mentions count the same thing: the word they count, then whether they
    stand at the same place among their group's mentions."""
    counted = _counted_word(o)
    return bool(counted) and counted == _counted_word(n), _same_place(o, n, layout)


def _counted_word(number: Number) -> str:
    """The first word after a mention, before the next figure, that says what it counts
    ("killed" in "three people were killed and 12 injured"), or ""."""
    return _counted_after(number.sentence, number.span[1])


@lru_cache(maxsize=8192)
def _counted_after(sentence: str, end: int) -> str:
    following = _FIGURE().split(sentence[end : end + 60], 1)[0]
    for index, word in enumerate(_CONTEXT_WORD().findall(following)[:4]):
        low = word.lower()
        if low not in _NOT_COUNTED:
            # A compound ("a 12-year sentence") counts something else than "12 years" does.
            compound = index == 0 and following.startswith("-")
            return f"-{_singular(low)}" if compound else _singular(low)
    return ""


_FIGURE = lazy_pattern(r"\d")
#: Words after a number that say nothing about what it counts.
_FILLER = frozenset([*_NUMBER_WORD_TOKENS, "people", "person", "other"])
#: Words passed over when looking for the noun a number counts.
_NOT_COUNTED = _CONTEXT_SKIP | _FILLER | _COUNT_ADJECTIVES


def _fits_another_better(o: Number, n: Number, sides: _Sides, layout: _Layout) -> bool:
    """Whether a same-value pair is a swap: a mention of another value on either side counts
    what the other one of the pair counts (the same word after it), or stands in its place
    while its own value is on both sides too ("voted 7-2" -> "voted 2-7") and the pair has
    not kept a neighbour ("5% in May and 3% in June" -> "3% in June and 5% in May")."""
    fit = _fit(o, n, layout)
    if fit == (True, True):  # nothing can fit better
        return False
    group = _number_group(o)
    places = layout.places
    # Only a mention that counts the same word or stands in the same place can fit better;
    # once the pair counts the same word, only one in the same place that counts it too.
    # (Comparing keys first spares most calls: equal keys are the same value.)
    counted_o, counted_n = ("", "") if fit[0] else (_counted_word(o), _counted_word(n))
    rivals = [
        *(
            (r, _fit(o, r, layout), sides.old)
            for r in sides.new.rivals(group, counted_o, places[id(o)])
            if r.key != o.key and not same_number(o, r)
        ),
        *(
            (r, _fit(r, n, layout), sides.new)
            for r in sides.old.rivals(group, counted_n, places[id(n)])
            if r.key != n.key and not same_number(n, r)
        ),
    ]
    if not rivals:  # most often: nothing else to count it
        return False
    if _moved_with_its_words(o, n, (r for r, _, _ in rivals), layout):
        return False
    (before_o, after_o), (before_n, after_n) = layout.beside[id(o)], layout.beside[id(n)]
    kept_neighbour = (before_o and before_o == before_n) or (after_o and after_o == after_n)
    for rival, rival_fit, other_side in rivals:
        if rival_fit <= fit or (kept_neighbour and not rival_fit[0]):
            continue
        twins = sides.twins(rival, other_side)
        # A rival that counts the same thing as its own twin is not in this pair's way.
        if (rival_fit[0] or twins) and not any(
            _counted_word(x) and _counted_word(x) == _counted_word(rival) for x in twins
        ):
            return True
    return False


_ValueToken = tuple[str, str | float]


def _value_tokens(number: Number) -> list[_ValueToken]:
    """Tokens that any mention of the same value (``same_number``) shares with this one: its
    key, and the day of a date, the value of a count, sum or year, or the share of a fraction
    or percentage."""
    tokens: list[_ValueToken] = [("key", number.key)]
    value = number.value
    if number.kind == "date":
        if not number.key.startswith("wd"):
            _, month, day = _date_parts(number.key)
            tokens.append(("day", f"{month}-{day}"))
    elif value is None:
        pass
    elif number.kind in ("count", "money", "year"):
        tokens.append(("value", value))
        if (continental := _continental_value(number)) is not None:
            tokens.append(("value", continental))
    elif number.kind == "fraction":
        # Within half a point of a percentage: its whole part is one of these two.
        tokens += [
            ("share", math.floor(value * 100 - 0.5)),
            ("share", math.floor(value * 100 + 0.5)),
        ]
    elif number.kind == "percent" and number.unit == "%":
        tokens.append(("share", math.floor(value)))
    return tokens


def _twins(a: Number, b: Number) -> bool:
    """Whether two mentions have the same value, found as ``_Sides.twins`` finds it: by a
    value token they share, then ``same_number``."""
    tokens = _value_tokens(b)
    return any(t in tokens for t in _value_tokens(a)) and same_number(a, b)


class _Side:
    """One version's mentions in a sentence, looked up by value, by what they count and by
    place, and which of them are not yet paired (by ``id``)."""

    def __init__(self, numbers: Sequence[Number], layout: _Layout) -> None:
        self.numbers = numbers
        self.layout = layout
        self.alive = {id(n) for n in numbers}
        self.order = {id(n): i for i, n in enumerate(numbers)}
        self.by_value: dict[_ValueToken, list[Number]] = {}
        for number in numbers:
            for token in _value_tokens(number):
                self.by_value.setdefault(token, []).append(number)

    @cached_property
    def by_counted(self) -> dict[tuple[str, str], list[Number]]:
        """The mentions of each group that count each word."""
        found: dict[tuple[str, str], list[Number]] = {}
        for number in self.numbers:
            if counted := _counted_word(number):
                found.setdefault((_number_group(number), counted), []).append(number)
        return found

    @cached_property
    def by_place(self) -> dict[tuple[str, int], Number]:
        """The mention at each place among each group's mentions."""
        places = self.layout.places
        return {(_number_group(n), places[id(n)]): n for n in self.numbers}

    def rivals(self, group: str, counted: str, place: int) -> list[Number]:
        """The unpaired mentions of a group that count a word or stand at a place."""
        found = list(self.by_counted.get((group, counted), ())) if counted else []
        at = self.by_place.get((group, place))
        if at is not None and all(at is not x for x in found):
            found.append(at)
        return [r for r in found if id(r) in self.alive]

    def rest(self) -> list[Number]:
        """The unpaired mentions, in reading order."""
        return [n for n in self.numbers if id(n) in self.alive]


class _Sides(NamedTuple):
    """Both versions' mentions (see ``_Side``)."""

    old: _Side
    """The old version's."""
    new: _Side
    """The new version's."""

    @classmethod
    def of(cls, old: Sequence[Number], new: Sequence[Number], layout: _Layout) -> _Sides:
        """Both sides, indexed."""
        return cls(_Side(old, layout), _Side(new, layout))

    @staticmethod
    def twins(number: Number, side: _Side) -> list[Number]:
        """The unpaired mentions on a side with the same value as ``number``, in reading
        order."""
        found: dict[int, Number] = {}
        for token in _value_tokens(number):
            for x in side.by_value.get(token, ()):
                if id(x) in side.alive and id(x) not in found and same_number(number, x):
                    found[id(x)] = x
        twins = list(found.values())
        return sorted(twins, key=lambda x: side.order[id(x)]) if len(twins) > 1 else twins


def _number_changes(old: Sequence[Number], new: Sequence[Number], sentence: int) -> list[Change]:
    if old and new:
        pairs, removed, added = _pair_numbers(old, new)
    else:  # a sentence added or removed: nothing to pair
        pairs, removed, added = [], list(old), list(new)
    if pairs and (removed or added):
        pairs = _unlisted(pairs, removed, added)
    if removed or added:
        # "twice", "doubled" count only when another figure takes their place (the labelled
        # pairs: "never inspected" -> "inspected twice" is the negation flip alone).
        removed = [n for n in removed if n.text.lower() not in _TIMES]
        added = [n for n in added if n.text.lower() not in _TIMES]
    if old and new and _has_full_date(old) and _has_full_date(new):
        # "Tuesday, May 24" -> "24 May": the weekday only restated the date.
        removed = [n for n in removed if not n.key.startswith("wd-")]
        added = [n for n in added if not n.key.startswith("wd-")]
    # Each phrase is worked out once: it reads the words around the number.
    changes = [
        _change("number", "changed", was, now, sentence, _describe("changed", what, was, now))
        for was, now, what in ((o.phrase, n.phrase, _what(o, n)) for o, n in pairs)
        if was != now
    ]
    changes += [
        _change("number", "removed", was, None, sentence, _describe("removed", what, was, None))
        for was, what in ((o.phrase, _what(o)) for o in removed)
    ]
    changes += [
        _change("number", "added", None, now, sentence, _describe("added", what, None, now))
        for now, what in ((n.phrase, _what(n)) for n in added)
    ]
    return changes


#: Two small figures joined by a comma: a decimal comma, or an English list ("rooms 4,5").
_COMMA_PAIR = lazy_pattern(r"(\d{1,2}),(\d{1,2})")


def _unlisted(
    pairs: list[tuple[Number, Number]], removed: list[Number], added: list[Number]
) -> list[tuple[Number, Number]]:
    """``pairs`` without those where "4,5" on one side is "4" and "5" on the other: a list
    spaced or joined anew ("rooms 4,5" -> "rooms 4 and 5"), no change of 4.5 to 4. The
    second figure is taken from ``removed`` or ``added`` too."""
    kept = []
    for o, n in pairs:
        for listed, single, rest in ((o, n, added), (n, o, removed)):
            match = _COMMA_PAIR().fullmatch(listed.text)
            if match and single.value == float(match.group(1)):
                second = float(match.group(2))
                other = next((x for x in rest if x.value == second), None)
                if other is not None:
                    rest.remove(other)
                    break
        else:
            kept.append((o, n))
    return kept


def _what(*numbers: Number) -> str:
    """ "date" or "time" when every number is one ("Friday", "6 a.m."), else "number"."""
    kinds = {"year": "date"}
    words = {kinds.get(n.kind, n.kind) for n in numbers}
    return words.pop() if len(words) == 1 and words <= {"date", "time"} else "number"


def _quote_changes(old: Sequence[Quote], new: Sequence[Quote], sentence: int) -> list[Change]:
    if not old and not new:
        return []
    if (
        old
        and new
        and _quote_key(" ".join(q.text for q in old)) == _quote_key(" ".join(q.text for q in new))
    ):
        return []  # the same words, quoted in one piece or broken by "she said"
    rest_old = list(old)
    rest_new = list(new)
    for quote in list(rest_old) if rest_new else ():
        twin = next((q for q in rest_new if _quote_key(q.text) == _quote_key(quote.text)), None)
        if twin is not None:
            rest_old.remove(quote)
            rest_new.remove(twin)
    changes: list[Change] = []
    scored = sorted(
        (-_overlap(o.text, n.text), i, j)
        for i, o in enumerate(rest_old)
        for j, n in enumerate(rest_new)
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    one_for_one = len(rest_old) == len(rest_new) == 1
    for score, i, j in scored:
        if i in used_old or j in used_new or (-score < 0.3 and not one_for_one):
            continue
        used_old.add(i)
        used_new.add(j)
        o, n = rest_old[i], rest_new[j]
        trimmed = "..." in n.text and "..." not in o.text
        what = "quote trimmed" if trimmed else "quote altered"
        changes.append(
            _change(
                "quote",
                "changed",
                o.text,
                n.text,
                sentence,
                _describe("changed", what, o.text, n.text),
            )
        )
    for i, o in enumerate(rest_old):
        if i not in used_old:
            who = f" ({o.speaker})" if o.speaker else ""
            changes.append(
                _change(
                    "quote", "removed", o.text, None, sentence, f'quote removed{who}: "{o.text}"'
                )
            )
    for j, n in enumerate(rest_new):
        if j not in used_new:
            who = f" ({n.speaker})" if n.speaker else ""
            changes.append(
                _change("quote", "added", None, n.text, sentence, f'quote added{who}: "{n.text}"')
            )
    return changes


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


def _negation_change(
    rest_old: Sequence[Cue],
    rest_new: Sequence[Cue],
    texts: tuple[str, str] | None,
    sentence: int,
) -> list[Change]:
    """One change when the polarity differs, given the negations left on each side once
    those that stay are dropped: "did" -> "did not" is changed (a flip) when both versions
    exist and the cue's place can be found in the other; otherwise the negation was added or
    removed."""
    # Polarity is what matters: "did not" -> "never" keeps it, "did" -> "did not" flips it.
    if len(rest_old) == len(rest_new):
        return []
    added = len(rest_new) > len(rest_old)
    cues = rest_new if added else rest_old
    cue = cues[0]
    text = ", ".join(c.text for c in cues)
    other = ""
    if texts is not None:
        other_text = texts[0] if added else texts[1]
        if cue.counterpart and _whole_word(other_text, cue.counterpart):
            other = cue.counterpart
        else:
            # Not a negation: the context word may stand before another clause's ("would
            # not change ... would not notice" -> "would not change ... were unlikely to").
            after = ((w, _word_after(other_text, w)) for w in cue.before)
            anchor, other = next(
                ((w, a) for w, a in after if a and not _NEGATION().fullmatch(a)), ("", "")
            )
            if other.lower() in _AUX_WORDS:
                other = _with_its_verb(other_text, anchor, other)
                if _unreal(other.rsplit(" ", 1)[0], other.rsplit(" ", 1)[-1]):
                    return []  # "did not win" -> "should have won": not won either way
    verb = other.rsplit(" ", 1)[-1]  # "has rejected": the verb of its auxiliary
    if cue.group in ("deny", "refuse") and verb.lower() in _REFUSING_VERBS:
        return []  # "rejected" -> "refused": another word for the same no
    if other:
        old_value, new_value = (other, text) if added else (text, other)
        detail = _describe("changed", "negation flipped", old_value, new_value)
        return [_change("negation", "changed", old_value, new_value, sentence, detail)]
    action: ChangeAction = "added" if added else "removed"
    return [
        _change(
            "negation",
            action,
            None if added else text,
            text if added else None,
            sentence,
            _describe(action, "negation", None if added else text, text if added else None),
        )
    ]


#: Words that may stand between an auxiliary and its verb ("have now arrested").
_BEFORE_ITS_VERB = _AUX_WORDS | _BETWEEN_AUX_AND_VERB | _wordset("now just still finally since")


def _with_its_verb(text: str, anchor: str, auxiliary: str) -> str:
    """An auxiliary after ``anchor`` in ``text`` with the words after it up to its verb:
    alone it says nothing ("did not bite" -> "has bitten", not "has"; "have now arrested").
    Just the auxiliary when a negation, an aside or no verb comes within three words, or what
    it has comes first ("has a deal", "have three suspects": the auxiliary is the verb)."""
    words = [auxiliary]
    for _ in range(3):
        reached = " ".join([anchor, *words])
        word = _word_after(text, reached)
        if (
            not word
            or _whole_word(text, f"{reached},")  # an aside: "has, however, resigned"
            or _NEGATION().fullmatch(word)
            or not word.isalpha()
            or word.lower() in _OBJECT_DETERMINERS
            or word.lower() in _NUMBER_WORD_TOKENS
        ):
            return auxiliary
        words.append(word)
        if word.lower() not in _BEFORE_ITS_VERB:
            return " ".join(words)
    return auxiliary


#: Verbs that say no as "refused" and "denied" do, which the negation cues do not list.
_REFUSING_VERBS = _wordset(
    "rejected rejects reject rejecting vetoed vetoes veto dismissed dismisses rebuffed "
    "rebuffs spurned spurns disputed disputes"
)


def _negation_flips(
    old: Sequence[Cue],
    new: Sequence[Cue],
    texts: tuple[str, str],
    sentence: int,
    implicit: tuple[Sequence[Cue], Sequence[Cue]] = ((), ()),
) -> list[Change]:
    """Negation changes between two versions of a sentence, one per clause that flipped
    ("has not paid ... will appeal" -> "has paid ... will not appeal" is two). A negation
    stays when one stands in its place on the other side, whatever its words ("did not" ->
    "never"); it flipped when its words without it are there instead ("has paid"); what is
    left of either side pairs one for one (reworded, same polarity), and the rest were added
    or removed. ``implicit``: the words of each side that say no without a negation word
    ("avoid using"), which stand for a negation in their place."""
    # Before pairing by place: "did not deny" stands where "denied" did, yet flips it.
    old, new = list(old), list(new)
    changes = _undone_refusals(old, new, sentence)
    rest_old, rest_new = _drop_twins(old, new, _cue_in_place)
    if implicit[0] or implicit[1]:
        implicit_old, implicit_new = _drop_twins(*implicit, lambda a, b: a.group == b.group)
        # "told to avoid using" / "told not to drink": one no, written two ways.
        _drop_twins_across(implicit_old, rest_new)
        _drop_twins_across(implicit_new, rest_old)
        changes += _implicit_flips(implicit_old, implicit_new, texts, sentence)
    for cues, other_text, added in ((rest_old, texts[1], False), (rest_new, texts[0], True)):
        other_cues = rest_new if cues is rest_old else rest_old
        for cue in list(cues):
            if _said_unreal(cue, other_text):
                cues.remove(cue)  # "never won" -> "should have won": not won either way
            elif cue.counterpart and _stands_unnegated(other_text, cue.counterpart, other_cues):
                cues.remove(cue)
                was, now = (cue.counterpart, cue.text) if added else (cue.text, cue.counterpart)
                detail = _describe("changed", "negation flipped", was, now)
                changes.append(_change("negation", "changed", was, now, sentence, detail))
            elif _said_in_a_word(cue, other_text):
                cues.remove(cue)  # "was not armed" -> "was unarmed": the same polarity
    paired = min(len(rest_old), len(rest_new))
    rest_old, rest_new = rest_old[paired:], rest_new[paired:]
    return changes + _negation_change(rest_old, rest_new, texts, sentence)


def _said_unreal(cue: Cue, text: str) -> bool:
    """Whether ``text`` says what ``cue`` says no to only as what did not happen: "never
    won" -> "should have won"."""
    places = _whole_word(text, cue.counterpart) if cue.counterpart else []
    verb = cue.counterpart.rsplit(" ", 1)[-1]
    return bool(places) and all(_unreal(text[: max(0, at - 1)], verb) for at in places)


def _undone_refusals(rest_old: list[Cue], rest_new: list[Cue], sentence: int) -> list[Change]:
    """Flips where a "not" undoes a refusal the other version makes ("denied" -> "did not
    deny"): one change each, and their cues (the refusal on each side and the "not") are
    taken out of ``rest_old`` and ``rest_new``."""
    changes: list[Change] = []
    for side, other, added in ((rest_new, rest_old, True), (rest_old, rest_new, False)):
        for refusal in [c for c in side if c.group in ("deny", "refuse")]:
            undoing = next(
                (c for c in side if c.group == "not" and c.text.endswith(f" {refusal.text}")), None
            )
            said = next(
                (
                    c
                    for c in other
                    if c.group == refusal.group
                    and not any(n.group == "not" and n.text.endswith(f" {c.text}") for n in other)
                ),
                None,
            )
            if undoing is None or said is None:
                continue
            side.remove(refusal)
            side.remove(undoing)
            other.remove(said)
            was, now = (said.text, undoing.text) if added else (undoing.text, said.text)
            detail = _describe("changed", "negation flipped", was, now)
            changes.append(_change("negation", "changed", was, now, sentence, detail))
    return changes


def _drop_twins(
    old: Sequence[Cue], new: Sequence[Cue], same: Callable[[Cue, Cue], bool]
) -> tuple[list[Cue], list[Cue]]:
    """The cues of each side left once each old one and the first new one ``same`` holds
    for are dropped, one for one."""
    rest_old = list(old)
    rest_new = list(new)
    for cue in old:
        twin = next((c for c in rest_new if same(cue, c)), None)
        if twin is not None:
            rest_old.remove(cue)
            rest_new.remove(twin)
    return rest_old, rest_new


def _drop_twins_across(implicit: list[Cue], explicit: list[Cue]) -> None:
    """Takes out of both lists each implicit negative and the negation of the other version
    that stands in its place: after the same word, or saying no to the same one ("stop the
    fuel from reaching" / "would not reach"), or after that word, its auxiliaries between
    ("failed to score" / "has scored no goals")."""
    for cue in list(implicit):
        complement = cue.text.rsplit(" ", 1)[-1]
        twin = next(
            (
                c
                for c in explicit
                if _cue_in_place(cue, c)
                or _same_verb(c.text.rsplit(" ", 1)[-1], complement)
                or (c.before and _same_verb(c.before[0], complement))
            ),
            None,
        )
        if twin is not None:
            implicit.remove(cue)
            explicit.remove(twin)


def _implicit_flips(
    rest_old: Sequence[Cue], rest_new: Sequence[Cue], texts: tuple[str, str], sentence: int
) -> list[Change]:
    """Implicit negatives that went with the word they said no to left in their place:
    "told to avoid using well water" -> "told to use well water". One replaced by another
    word ("avoid the area" -> "stay away from the area") is not read as a flip. "Failed to
    mention" -> "mentioned" flips as "did not mention" -> "mentioned" does."""
    changes: list[Change] = []
    for cues, own_text, other_text, added in (
        (rest_old, texts[0], texts[1], False),
        (rest_new, texts[1], texts[0], True),
    ):
        for cue in cues:
            complement = cue.text.rsplit(" ", 1)[-1]
            for anchor in cue.before:
                word, reached = _word_after(other_text, anchor), anchor
                # Past its auxiliaries: "failed to win" / "has won"; not past the verb itself
                # ("failed to do the work" / "did the work").
                while word.lower() in _AUX_WORDS and not _same_verb(word, complement):
                    following = _word_after(other_text, f"{reached} {word}")
                    # The last of them may be the verb: "failed to have the ruling
                    # overturned" / "has had the ruling overturned".
                    if _same_auxiliary(word, complement) and following.lower() not in _AUX_WORDS:
                        break
                    reached = f"{reached} {word}"
                    word = following
                if _unreal(reached, word):
                    break  # "failed to win" / "should have won": not won either way
                # "failed to win" / "won"; "failed to have" / "had".
                if word and (_same_verb(word, complement) or _same_auxiliary(word, complement)):
                    said, unsaid = f"{anchor} {cue.text}", f"{reached} {word}"
                    # What it is done to must stay too: "avoid using tap water" -> "use
                    # bottled water" says the same thing twice, no flip.
                    objects = _object_after(own_text, said), _object_after(other_text, unsaid)
                    if all(objects) and objects[0] != objects[1]:
                        break
                    # "have" and "be" say little alone: what follows them must stay whole
                    # ("failed to have its licence renewed" -> "had its licence revoked").
                    if not _same_verb(word, complement) and not _same_after(
                        (own_text, said), (other_text, unsaid)
                    ):
                        break
                    was, now = (unsaid, said) if added else (said, unsaid)
                    detail = _describe("changed", "negation flipped", was, now)
                    changes.append(_change("negation", "changed", was, now, sentence, detail))
                    break
    return changes


def _same_after(own: tuple[str, str], other: tuple[str, str]) -> bool:
    """Whether the words after ``own[1]`` in the text ``own[0]`` are those after ``other[1]``
    in ``other[0]``, as far as the shorter run goes in its clause (one word at least)."""
    runs = []
    for text, words in (own, other):
        lower = text.lower()
        at = lower.find(words.lower())
        runs.append(_words_following(lower, at + len(words)) if at != -1 else [])
    shared = min(len(runs[0]), len(runs[1]))
    return shared > 0 and runs[0][:shared] == runs[1][:shared]


#: The forms of "have" and "be", auxiliaries that are verbs too ("had the ruling overturned",
#: "was profitable"), each with its verb; ``_same_verb`` reads them as other verbs.
_AUXILIARY_VERBS = {
    form: verb
    for verb, forms in (("have", "have has had having"), ("be", "be is are was were been being am"))
    for form in forms.split()
}


def _same_auxiliary(word: str, other: str) -> bool:
    """Whether two words are forms of "have", or of "be" ("had" and "have")."""
    verb = _AUXILIARY_VERBS.get(word.lower())
    return verb is not None and verb == _AUXILIARY_VERBS.get(other.lower())


#: Auxiliaries that tell of what did not happen ("should have won", "could have acted").
_UNREAL_PAST = lazy_pattern(r"\b(?:should|would|could)\s+have$", re.IGNORECASE)
#: Outcomes that "could have" tells of as missed ("could have won", "could have died",
#: "could have prevented it"); before another verb it is a guess ("could have caused the
#: blast", "could have started in the kitchen"), and a no against it a change.
_MISSED_OUTCOMES = _wordset(
    "win lose survive die accept reject convict acquit prevent avoid save kill stop"
)


def _unreal(before: str, verb: str) -> bool:
    """Whether ``verb`` after ``before`` (text that ends where the verb starts) tells of what
    did not happen: after "should have" or "would have", or after "could have" one of
    ``_MISSED_OUTCOMES``."""
    found = _UNREAL_PAST().search(before.rstrip())
    if found is None:
        return False
    return not found.group().lower().startswith("could") or _verb_stem(verb) in {
        _verb_stem(word) for word in _MISSED_OUTCOMES
    }


#: "could have" and its verb.
_COULD_HAVE = lazy_pattern(r"\bcould\s+have\s+([a-z]+)", re.IGNORECASE)
#: A no said to a verb within the three words after it ("did not win", "never won", "failed
#: to win", "didn't even win").
_SAID_NO_TO = lazy_pattern(
    r"(?:\bnot|\bnever|n't|\bfail(?:ed|s)?\s+to|\bunable\s+to)((?:\s+[a-z]+){1,3})",
    re.IGNORECASE,
)


def _unreal_could(own: str, other: str) -> bool:
    """Whether "could have" in ``own`` tells of what did not happen, no hedge: the other
    version says no to its verb ("did not win" -> "could have won"), as with "should have"
    and "would have" (``_UNREAL_PAST``). Against "won" it is a hedge ("may have won")."""
    verbs = [m.group(1) for m in _COULD_HAVE().finditer(own) if _unreal("could have", m.group(1))]
    return any(
        _same_verb(word, verb)
        for m in _SAID_NO_TO().finditer(other)
        for word in m.group(1).split()
        for verb in verbs
    )


#: What may stand before the thing a verb is done to ("eating the fish", "drink your water").
_OBJECT_DETERMINERS = _wordset(
    "the a an this that these those its their his her your our my some any"
)


def _object_after(text: str, words: str) -> str:
    """The first word after ``words`` in ``text`` that is not a determiner, lower case."""
    found = _word_after(text, words)
    while found.lower() in _OBJECT_DETERMINERS:
        words = f"{words} {found}"
        found = _word_after(text, words)
    return found.lower()


def _stem(word: str) -> str:
    """A verb without its ending, to match its forms ("using" and "use", "stopped" and
    "stop", "paid" and "pay")."""
    word = word.lower()
    if word.endswith("aid"):
        return word[:-2] + "y"
    for ending in ("ing", "ed", "es", "s", "e"):
        if ending == "s" and word.endswith("ss"):
            continue  # "pass", "press": the "s" is the verb's own ("passed", "presses")
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: -len(ending)]
            doubled = ending in ("ing", "ed") and stem[-1] in "bgmnprt" and stem[-2] == stem[-1]
            return stem[:-1] if doubled else stem
    return word


#: Verbs common in news whose past forms do not end as their other forms do: the verb,
#: then those forms. Any other verb's forms are told apart by ``_stem``. Left out: "grind",
#: "wind" and "lie", whose pasts are verbs of their own ("grounded", "wounded", "laid").
_IRREGULAR_VERBS = """
    arise arose arisen; awake awoke awoken; bear bore borne; beat beaten; become became;
    befall befell befallen; begin began begun; bend bent; bind bound; bite bit bitten;
    bleed bled; blow blew blown; break broke broken; breed bred; bring brought; build built;
    burn burnt; buy bought; catch caught; choose chose chosen; cling clung; come came;
    creep crept; deal dealt; dig dug; do did done; draw drew drawn; drink drank drunk;
    drive drove driven; dwell dwelt; eat ate eaten; fall fell fallen; feed fed; feel felt;
    fight fought; find found; flee fled; fling flung; fly flew flown;
    forbid forbade forbidden; foresee foresaw foreseen; foretell foretold;
    forget forgot forgotten; forgive forgave forgiven; forgo forwent forgone;
    forsake forsook forsaken; freeze froze frozen; get got gotten; give gave given;
    go went gone; grow grew grown; hang hung; hear heard; hide hid hidden; hold held;
    keep kept; kneel knelt; know knew known; lead led; leap leapt; learn learnt; leave left;
    lend lent; light lit; lose lost; make made; mean meant; meet met; mislead misled;
    mistake mistook mistaken; misunderstand misunderstood; outdo outdid outdone;
    outsell outsold; overcome overcame; overhear overheard; override overrode overridden;
    overrun overran; oversee oversaw overseen; overtake overtook overtaken;
    overthrow overthrew overthrown; prove proven; rebuild rebuilt; redo redid redone;
    resell resold; retake retook retaken; retell retold; rethink rethought;
    rewrite rewrote rewritten; ride rode ridden; ring rang rung; rise rose risen; run ran;
    see saw seen; seek sought; sell sold; send sent; sew sewn; shake shook shaken;
    shine shone; shoot shot; show shown; shrink shrank shrunk; sing sang sung;
    sink sank sunk; sit sat; slay slew slain; sleep slept; slide slid; sling slung;
    sneak snuck; sow sown; speak spoke spoken; speed sped; spell spelt; spend spent;
    spill spilt; spin spun; spit spat; spring sprang sprung; stand stood;
    steal stole stolen; stick stuck; sting stung; stink stank stunk; stride strode;
    strike struck stricken; string strung; strive strove striven; swear swore sworn;
    sweep swept; swell swollen; swim swam swum; swing swung; take took taken; teach taught;
    tear tore torn; tell told; think thought; throw threw thrown; tread trod trodden;
    undergo underwent undergone; understand understood; undertake undertook undertaken;
    undo undid undone; uphold upheld; wake woke woken; wear wore worn; weave wove woven;
    weep wept; win won; withdraw withdrew withdrawn; withhold withheld; withstand withstood;
    wring wrung; write wrote written
"""
#: Each of those past forms, and the verb it is a form of ("won": "win").
_PAST_FORMS = {
    form: verb
    for entry in _IRREGULAR_VERBS.split(";")
    for verb, *forms in (entry.split(),)
    for form in forms
}


#: Those verbs whose "ing" is their own, not an ending ("sting": "stings", "stung").
_ING_VERBS = frozenset(verb for verb in _PAST_FORMS.values() if verb.endswith("ing"))


def _verb_stem(word: str) -> str:
    """A verb without its ending, the same for all its forms, irregular ones too ("win",
    "wins", "won"; "sue", "sued", "suing"; "bring", "brings", "brought")."""
    word = word.lower()
    verb = _PAST_FORMS.get(word, word)
    return verb if verb in _ING_VERBS else _stem(verb)


def _same_verb(word: str, other: str) -> bool:
    """Whether two words are forms of one verb, read as regular ones or through
    ``_IRREGULAR_VERBS``: "found" is a past of "find" and the verb of "founded", "fell" a
    past of "fall" and the verb of "felled", so either reading may be the one meant."""
    return _stem(word) == _stem(other) or _verb_stem(word) == _verb_stem(other)


def _stands_unnegated(text: str, words: str, negations: Sequence[Cue]) -> bool:
    """Whether ``words`` stand in ``text`` without a negation of its own just before them
    ("passengers" in "None of the passengers" has one: "No passengers" is no flip)."""
    for position in _whole_word(text, words):
        if not negations or not _NEGATION().search(text, max(0, position - 30), position):
            return True
    return False


#: Prefixes that negate a word ("unarmed", "illegal") when ``_negates`` says so; "non-"
#: ("non-violent") is tried on any word in ``_opposites``.
_NEGATIVE_PREFIXES = ("un", "in", "il", "im", "ir", "dis")
#: Opposites that say "not" without a prefix.
_ANTONYM_PAIRS: tuple[str, ...] = (
    "guilty innocent",
    "approved rejected",
    "approve reject",
    "approves rejects",
    "approving rejecting",
    # Verdicts and rulings: "was convicted" -> "was acquitted", "bail was refused" -> "granted".
    "conviction acquittal",
    "convictions acquittals",
    "granted denied",
    "granted refused",
    "granted rejected",
    "upheld rejected",
    "upheld dismissed",
    "upheld quashed",
    "upheld overturned",
    # Outcomes and directions: "survived" -> "died", "won" -> "lost", "rose" -> "fell".
    "alive dead",
    "winner loser",
    "winners losers",
    "profit loss",
    "profits losses",
    "gains losses",
    "positive negative",
    # Backing as a noun: "broad support" -> "broad opposition", "supporters" -> "opponents".
    "support opposition",
    "supporters opponents",
    # Around an unchanged figure: "closed up 3.2%" -> "closed down 3.2%", "0.4% lower".
    "up down",
    "higher lower",
    "beat missed",
    "beating missing",
    "lowest highest",
    "low high",
    "open closed",
    "true false",
    "succeeded failed",
    "passed failed",
)
#: Verbs that say the opposite of each other, form for form (the base form, "-s", the past,
#: "-ing"; a base form or an "-ing" is often a noun or an adjective that says the same: "a
#: fall in prices", "the close of trading", "an open door"). A form of one against another
#: form of the other ("closed" -> "opens") is a change of tense too, and not read as a flip.
_OPPOSITE_VERBS = (
    # One or the other: not the one is the other ("did not win" is "lost").
    ("open opens opened opening", "close closes closed closing"),
    ("reopen reopens reopened reopening", "close closes closed closing"),
    ("open opens opened opening", "shut shuts shut shutting"),
    ("win wins won winning", "lose loses lost losing"),
    ("accept accepts accepted accepting", "reject rejects rejected rejecting"),
    ("convict convicts convicted convicting", "acquit acquits acquitted acquitting"),
    ("survive survives survived surviving", "die dies died dying"),
    # The rest: "did not raise rates" need not be "lowered" them.
    ("raise raises raised raising", "lower lowers lowered lowering"),
    ("lift lifts lifted lifting", "impose imposes imposed imposing"),
    ("support supports supported supporting", "oppose opposes opposed opposing"),
)
_ANTONYM_PAIRS += tuple(
    f"{a} {b}"
    for one, other in _OPPOSITE_VERBS
    for a, b in zip(one.split(), other.split(), strict=True)
)
#: Moves up and down, in each form ("jumped" -> "slumped", "a rise" -> "a fall"): any of
#: one against any of the other in the same form is a flip; a past participle counts as a
#: past ("has risen" -> "has fallen").
_MOVES = (
    (
        "rose risen climbed jumped gained rallied surged soared increased grew grown advanced",
        "fell fallen dropped slipped slumped declined tumbled plunged sank sunk decreased "
        "dipped slid lost shrank shrunk",
    ),
    (
        "rises climbs jumps gains rallies surges soars increases grows advances",
        "falls drops slips slumps declines tumbles plunges sinks decreases dips slides loses "
        "shrinks",
    ),
    (
        "rise climb jump gain rally surge soar increase grow",
        "fall drop slip slump decline tumble plunge sink decrease dip slide lose shrink",
    ),
    (
        "rising climbing jumping gaining rallying surging soaring increasing growing advancing",
        "falling dropping slipping slumping declining tumbling plunging sinking decreasing "
        "dipping sliding losing shrinking",
    ),
)
_ANTONYM_PAIRS += tuple(
    f"{up} {down}" for ups, downs in _MOVES for up in ups.split() for down in downs.split()
)


#: The base forms of the verbs of one or the other (the first seven of ``_OPPOSITE_VERBS``),
#: which a negation stands before ("did not win"): not the one says the other in any form.
_EITHER_OR_VERBS = frozenset(forms.split()[0] for pair in _OPPOSITE_VERBS[:7] for forms in pair)


def _antonym_table(pairs: Iterable[str]) -> dict[str, frozenset[str]]:
    """Each word of the pairs ("won lost") with its opposites, in one pass over them."""
    opposites: dict[str, set[str]] = {}
    for pair in pairs:
        a, b = pair.split()
        opposites.setdefault(a, set()).add(b)
        opposites.setdefault(b, set()).add(a)
    return {word: frozenset(words) for word, words in opposites.items()}


_ANTONYMS = _antonym_table(_ANTONYM_PAIRS)
#: Opposites with a middle: the verbs after the first seven of ``_OPPOSITE_VERBS``, the
#: moves up and down, backing as a noun. Not the one is not the other ("will not raise
#: rates" -> "will lower rates", "did not rise" -> "will fall" flip).
_MIDDLE_OPPOSITES = _antonym_table(
    (
        *(
            f"{a} {b}"
            for one, other in _OPPOSITE_VERBS[7:]
            for a, b in zip(one.split(), other.split(), strict=True)
        ),
        *(f"{up} {down}" for ups, downs in _MOVES for up in ups.split() for down in downs.split()),
        "support opposition",
        "supporters opponents",
    )
)
_NEGATED_WORD = lazy_pattern(r"[a-z][a-z'-]*")
_ANTONYM_WORDS = frozenset(_ANTONYMS)
#: A word with a negative prefix, the rest of it in group 1, in words joined by spaces (the
#: space first: a regex that starts with a character searches faster).
_PREFIXED = lazy_pattern(rf" (?:{'|'.join(_NEGATIVE_PREFIXES)})([a-z]{{3,}})")


def _may_flip_by_prefix(differing: set[str], joined: str, texts: tuple[str, str]) -> bool:
    """Whether the differing words (lower case; ``joined``: them joined by spaces) hold a
    word and its negative ("armed", "unarmed"), or opposites ("guilty", "innocent"), or a
    word whose opposite stands in both of ``texts`` (the two sentences): a cheap test before
    reading places."""
    if "non" in differing:
        return True
    if not _ANTONYM_WORDS.isdisjoint(differing):
        for word in _ANTONYM_WORDS.intersection(differing):
            opposites = _ANTONYMS[word]
            if not opposites.isdisjoint(differing):
                return True
            # "open and closed" -> "closed and closed": the opposite was there already, so no
            # word set says it differs; nor its count, when it stood twice ("rose in London
            # but fell in Paris, where bonds also fell" -> "fell in Paris and fell in London,
            # as did bonds"). Reading places tells a flip from a clause that went.
            if any(_whole_word(texts[1].lower(), o) for o in opposites):
                return True
    # The same for a word and its negative ("armed ... and unarmed" -> "unarmed ... and
    # unarmed").
    for word in differing.intersection(_PREFIX_OPPOSITES):
        if _whole_word(texts[1].lower(), _PREFIX_OPPOSITES[word]):
            return True
    # (A regex over the words joined finds the prefixed ones faster than a loop over them.)
    return not differing.isdisjoint(_PREFIXED().findall(" " + joined))


def _prefix_flips(old: str, new: str, sentence: int) -> list[Change]:
    """Negations written into a word: "was armed" -> "was unarmed", "found guilty" ->
    "found innocent"; the two words must follow the same word ("a" and "an" alike). A word
    that still stands with the words that followed it took no opposite: its clause moved
    ("Sales rose in France and fell in Spain" -> "Sales fell in Spain and rose in France");
    nor did one whose clause was dropped, its opposite's moving up (``_clause_dropped``)."""
    places_old, places_new = _word_places(old), _word_places(new)
    lower_old, lower_new = old.lower(), new.lower()
    changes: list[Change] = []
    # Counted: "found guilty of fraud, was found innocent of theft" -> "... found guilty of
    # theft" turned one of two, though "found guilty" stood on each side.
    # In reading order: a set's order changes with the hash seed, and so did the changes'.
    gone = sorted(places_old - places_new, key=lambda place: (lower_old.find(place[1]), place))
    for before, word in gone:
        if word in _HEDGE_TRIGGERS:
            continue  # "likely" -> "unlikely", "confirmed" -> "unconfirmed": hedges
        # The opposite that comes first in the new text (a set's order changes with the
        # hash seed: "upheld" -> "quashed ... dismissed" told either).
        for other in sorted(_opposites(word), key=lambda w: (lower_new.find(w), w)):
            if (
                places_new[before, other] > places_old[before, other]
                and other not in _HEDGE_TRIGGERS
                and not _coordinated(word, other, lower_old, lower_new)
                and not _other_sense(word, lower_old, before)
                and not _other_sense(other, lower_new, before)
                and not _stands_with_what_followed(word, lower_old, lower_new, before)
                and not _clause_dropped(word, other, (lower_old, lower_new), before)
            ):
                detail = _describe("changed", "negation flipped", word, other)
                changes.append(_change("negation", "changed", word, other, sentence, detail))
                break
    return changes


#: Opening and closing, in the forms of ``_OPPOSITE_VERBS``.
_OPEN_CLOSE = frozenset(
    word for one, other in _OPPOSITE_VERBS[:3] for word in (*one.split(), *other.split())
)
#: What after opening or closing gives it a sense with no opposite there: "opened fire",
#: "closing in on", and a market's open and close told by its move ("opened higher" ->
#: "closed higher", "closed down 2%": another time of the day, not the opposite), a word of
#: degree or the size of the move before it ("closed sharply lower", "opened 2% higher",
#: "closed up $12"), or where it stood ("closed in the red", "opened at a record high",
#: "closed above 7,000", "closed the session up 1%"). A time or a level alone is no sign:
#: "The gates open at noon" -> "close at noon" flips.
_OPEN_CLOSE_SENSE = lazy_pattern(
    r"\s+(?:fire|in\s+on"
    r"|(?:the\s+(?:session|day|week|month|year)\s+)?"
    r"(?:(?:sharply|slightly|mostly|nearly|almost|marginally|modestly|broadly|firmly|solidly"
    r"|steeply|largely|little|just|well|about|around|some|over|a\s+touch)\s+)?"
    r"(?:[$€£¥]?[\d.,]+\s*(?:%|per\s*cent|percent|points?|cents?|pence)?\s+)?"
    r"(?:higher|lower|flat|unchanged|changed|mixed|weaker|stronger|firmer|softer"
    r"|(?:up|down)\s+(?:by\s+)?[$€£¥]?[\d.,]+"
    r"|in\s+(?:the\s+)?(?:red|green|black|negative|positive)"
    r"|at\s+(?:a\s+)?(?:record|fresh|new)\s+(?:high|low)"
    r"|(?:above|below)\s+[$€£¥]?\d))\b"
)
#: "close" the adjective: "close to a deal", "close by"; not the verb before whom a road
#: closes to or a time ("close to traffic", "close by 5pm").
_NEAR_SENSE = lazy_pattern(
    r"\s+(?:to|by)\b(?!\s+(?:the\s+)?(?:traffic|public|visitors|vehicles|cars|lorries|trucks"
    r"|shipping|pedestrians|cyclists|tourists|spectators|fans|new\s|\d))"
)
#: Words after which "close" is the verb: "will close to traffic", "set to close".
_VERB_BEFORE = _wordset("will would can could may might must shall should to do does did")
#: Words after which "close" is the adjective ("a close race", "remains close", "very close
#: friends"): near, or narrow, never the opposite of "open" ("a close contest" -> "an open
#: contest" is no flip; "the close" of trading is the noun, and is).
_CLOSE_ADJECTIVE_AFTER = _wordset(
    "a is are was were be been being remain remains remained remaining stay stays stayed "
    "seem seems seemed look looks looked appear appears appeared very too so as fairly "
    "extremely relatively remarkably increasingly uncomfortably dangerously"
)


def _other_sense(word: str, text: str, before: str) -> bool:
    """Whether ``word``, where it stands after ``before`` in ``text`` (lower case), has a
    sense that its opposites do not share (see ``_OPEN_CLOSE_SENSE``)."""
    if word not in _OPEN_CLOSE:
        return False
    if word == "close" and before in _CLOSE_ADJECTIVE_AFTER:
        return True
    for at in _whole_word(text, word):
        if _word_before(text, at) != before:
            continue
        end = at + len(word)
        if _OPEN_CLOSE_SENSE().match(text, end) or (
            word == "close" and before not in _VERB_BEFORE and _NEAR_SENSE().match(text, end)
        ):
            return True
    return False


def _coordinated(word: str, other: str, old: str, new: str) -> bool:
    """Whether ``word`` and its opposite are joined by "and" or "or" in both texts (lower
    case), in either order, and stand as often elsewhere in each: "open and closed
    hearings" -> "closed and open hearings" says the same of the same thing, the pair only
    turned round; "..., and the archive will be open" -> "... closed" is a flip all the same."""
    joined = [
        f"{first} {joiner} {second}"
        for first, second in ((word, other), (other, word))
        for joiner in ("and", "or")
    ]
    elsewhere = []
    for text in (old, new):
        if not any(_whole_word(text, phrase) for phrase in joined):
            return False
        for phrase in joined:
            text = text.replace(phrase, " ")
        elsewhere.append((len(_whole_word(text, word)), len(_whole_word(text, other))))
    return elsewhere[0] == elsewhere[1]


#: What ends the words that follow a word in its clause: a mark, or a word that opens
#: another clause ("rose in France" in "rose in France and fell in Spain").
_CLAUSE_MARK = lazy_pattern(r"[,;:()\"]|\.(?!\d)")
_CLAUSE_OPENERS = _wordset("and but or while whereas although though as after before when")
#: Words that join two verbs of one subject ("rose in France and fell in Spain").
_VERB_JOINERS = _wordset("and but or while whereas yet then")
#: How many words after a word are read.
_FOLLOWING_WORDS = 8
#: How many words an aside set off by commas or dashes may have ("however", "as the finance
#: chief had warned"): a mark further off is read as ending a clause.
_ASIDE_WORDS = 12
#: What an aside cannot hold: a mark that ends a clause, or a bracket or a quotation.
_NOT_IN_ASIDE = frozenset(';:()"')
#: Dashes that set an aside off once spaced (normalising writes them all so).
_ASIDE_DASHES = frozenset(["-", "--"])
#: Words with an opposite that make a run of words a clause, not an aside: all but "up"
#: and "down", mostly the particles of other verbs ("which traders had bid up").
_CLAUSE_WORDS = _ANTONYM_WORDS - _wordset("up down")


def _stands_with_what_followed(word: str, own: str, other: str, before: str) -> bool:
    """Whether ``word`` (a verb or an adjective), where it stood after ``before`` in ``own``,
    stands in ``other`` with the words that followed it (both lower case), after "and",
    "but" or a comma on one side, the
    verb of a subject that has two ("Sales rose in France and fell in Spain" -> "Sales fell
    in Spain and rose in France"): what it says is said of the same thing, its clause only
    moved. The words that follow on one side start those of the other ("rose in France" and
    "rose in France last quarter"), a content word among them; nothing after it is no sign,
    nor another subject before it ("oil rose 2% and gas fell 2%" -> "oil fell 2% and gas
    rose 2%")."""
    # Only where it went from: a twin that stayed says nothing of it ("fell in London and
    # fell in Paris" -> "rose in London and fell in Paris").
    followed = [
        (_words_following(own, at + len(word)), _after_joiner(own, at))
        for at in _whole_word(own, word)
        if _word_before(own, at) == before
    ]
    for at in _whole_word(other, word):
        there, joined = _words_following(other, at + len(word)), _after_joiner(other, at)
        for here, joined_here in followed:
            shared = min(len(here), len(there))
            if (
                (joined or joined_here)
                and here[:shared] == there[:shared]
                and not _CONTEXT_SKIP.issuperset(here[:shared])
            ):
                return True
    return False


def _clause_dropped(word: str, other: str, texts: tuple[str, str], before: str) -> bool:
    """Whether ``word``'s clause went rather than ``word`` turned into ``other``, its opposite,
    which now stands where it stood after ``before`` (``texts``: the two sentences, lower
    case): ``other`` came there only as its own clause moved up ("Shares rose in London but
    fell in Paris, where bonds also fell" -> "Shares fell in Paris, as did bonds" says nothing
    of London), or it stands as often on each side and ``word`` nowhere now ("Prices rose in
    May, then fell" -> "Prices fell"), and the other way round. Not when the words that
    followed ``word`` follow ``other`` now ("rose in France and fell in Spain" -> "fell in
    Spain and fell in France")."""
    old, new = texts
    followed = [
        _words_following(old, at + len(word))
        for at in _whole_word(old, word)
        if _word_before(old, at) == before
    ]
    for at in _whole_word(new, other):
        there = _words_following(new, at + len(other))
        for here in followed:
            shared = min(len(here), len(there))
            if here[:shared] == there[:shared] and not _CONTEXT_SKIP.issuperset(here[:shared]):
                return False
    if _stands_with_what_followed(other, new, old, before):
        return True
    # (Counted as whole words with their hyphens: "non-violent" holds no "violent".)
    words_old, words_new = _NEGATED_WORD().findall(old), _NEGATED_WORD().findall(new)
    came, went = set(words_new).difference(words_old), set(words_old).difference(words_new)
    # Unless another opposite came or went with it: "Gold rose, and silver fell" -> "Gold
    # fell, and silver slipped" flips.
    if word not in words_new and words_old.count(other) == words_new.count(other):
        return came.isdisjoint(_opposites(word))
    # The other way round: a clause came, its opposite before the word that stays ("Prices
    # fell" -> "Prices rose in May, then fell").
    if other not in words_old and words_old.count(word) == words_new.count(word):
        return went.isdisjoint(_opposites(other))
    return False


def _word_before(text: str, start: int) -> str:
    """The word before ``start`` in lower-case ``text`` as ``_word_places`` reads it ("" at
    the start)."""
    words = _NEGATED_WORD().findall(text, max(0, start - 40), start)
    return ("a" if words[-1] == "an" else words[-1]) if words else ""


def _words_following(text: str, end: int) -> list[str]:
    """The words after ``end`` in its clause (see ``_CLAUSE_MARK``), at most
    ``_FOLLOWING_WORDS``, past an aside that opens there ("fell, as expected, in Spain":
    "in Spain")."""
    end = _past_aside(text, end)
    clause = _CLAUSE_MARK().split(text[end : end + 80], 1)[0]
    words: list[str] = []
    for word in clause.split()[:_FOLLOWING_WORDS]:
        if word in _CLAUSE_OPENERS:
            break
        words.append(word)
    return words


def _after_joiner(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows "and", "but" or another of ``_VERB_JOINERS``,
    or a comma, with no subject of its own between: "rose in France and fell", "rose in
    France, fell", "and, by contrast, fell". An aside set off by commas or dashes is passed
    over, and what stands before it is read: in "; costs, however, fell" and "and costs -
    as the finance chief had warned - fell" it is a new subject, and the verb is that
    subject's."""
    before = text[max(0, start - 150) : start].split()
    if not before:
        return False
    last = before[-1]
    closing = "," if last.endswith(",") and last[:-1] not in _ANTONYM_WORDS else last
    if closing == "," or closing in _ASIDE_DASHES:
        opening = _aside_opening(before, closing)
        if opening is not None:
            # What stands before the aside: the word the comma ends, or the one before a dash.
            if closing == ",":
                last = before[opening][:-1]
            else:
                last = before[opening - 1] if opening else ""
    return last in _VERB_JOINERS or last.endswith(",")


def _aside_opening(words: list[str], closing: str) -> int | None:
    """Where the aside that the last of ``words`` closes opens: the index of the word that
    ends with its opening comma, or of its opening dash; none when one of ``_CLAUSE_WORDS``,
    a clause mark or more than ``_ASIDE_WORDS`` words come first, which make it a clause
    ("In May, sales rose in France, fell")."""
    for opening in range(len(words) - 2, max(-1, len(words) - 2 - _ASIDE_WORDS), -1):
        word = words[opening]
        if word.endswith(",") if closing == "," else word == closing:
            return opening
        if word in _CLAUSE_WORDS or not _NOT_IN_ASIDE.isdisjoint(word):
            return None
    return None


def _past_aside(text: str, end: int) -> int:
    """Where the words after ``end`` go on past an aside that opens there, set off by commas
    or spaced dashes ("fell, as expected, in Spain": at "in"); ``end`` when none does."""
    if text.startswith(",", end):
        opening = end + 1
        closing = text.find(",", opening, opening + 150)
        # Not the comma of a figure ("fell, by 1,000 units, in Spain"); none found is none
        # (a search from -1 would start again at the text's first comma, and never end).
        while (
            closing != -1
            and text[closing - 1 : closing].isdigit()
            and text[closing + 1 : closing + 2].isdigit()
        ):
            closing = text.find(",", closing + 1, opening + 150)
        mark = ","
    elif text.startswith((" - ", " -- "), end):
        mark = " - " if text.startswith(" - ", end) else " -- "
        opening = end + len(mark)
        closing = text.find(mark, opening, opening + 150)
    else:
        return end
    if closing == -1:
        return end
    aside = text[opening:closing].split()
    if (
        not aside
        or len(aside) > _ASIDE_WORDS
        or not _CLAUSE_WORDS.isdisjoint(aside)
        or not _NOT_IN_ASIDE.isdisjoint(text[opening:closing])
    ):
        return end
    return closing + len(mark)


def _word_places(text: str) -> Counter[tuple[str, str]]:
    """Each word of a text (lower case, hyphens kept) with the word before it, and how often
    the two stand so."""
    words = _NEGATED_WORD().findall(text.lower())
    return Counter(("a" if b == "an" else b, w) for b, w in zip(["", *words], words, strict=False))


def _opposites(word: str) -> list[str]:
    """The words that say the opposite of ``word``: it without a negative prefix, it with
    one, or its antonym."""
    found = [p + word for p in (*_NEGATIVE_PREFIXES, "non-") if _negates(p + word)]
    for prefix in (*_NEGATIVE_PREFIXES, "non-"):
        stem = word[len(prefix) :]
        if word.startswith(prefix) and len(stem) >= 3 and _negates(word):
            found.append(stem)
    found.extend(_ANTONYMS.get(word, ()))
    return found


def _negates(prefixed: str) -> bool:
    """Whether a word's negative-looking prefix negates the rest ("unsure", "distrust"):
    always for "non-" ("non-violent"), else only for ``_PREFIX_NEGATIONS`` in any of their
    forms ("distrusted")."""
    if prefixed.startswith("non-"):
        return True
    root = _root(prefixed)
    return bool({prefixed, root, root + "e"} & _PREFIX_NEGATIONS)


def _root(word: str) -> str:
    """A word without its ending ("formed" -> "form"), to look it up in a short list."""
    for ending in ("ing", "ed", "es", "s", "d"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


#: Common words whose negative prefix says "not" the rest, mostly adjectives and
#: participles. Listed, not guessed from the prefix: most prefixed words are other words
#: ("inform", "discover"), say more than "not" ("infamous", "invaluable"), or name another
#: thing ("unemployment" is no negated "employment", nor "unofficial figures" a flip).
_PREFIX_NEGATIONS = _wordset(
    """
    unarmed unsafe illegal unlawful unsure distrust uncounted unconscious unclear unknown
    unidentified unaware unable unfair unjustified unwarranted unfounded unpaid unharmed
    unhurt uninjured uncharged unaccompanied unopposed uncontested undisputed unresponsive
    unstable untrue unfit unhappy unpopular unqualified unregulated unlicensed uninsured
    unvaccinated unemployed unconstitutional unacceptable unsuccessful unavailable
    unreliable unconfirmed unverified unlikely unprovoked unsecured unpublished unsigned
    unsolved unresolved untested untreated undetected unreported unaffected unnamed
    unauthorised unauthorized unsupervised unprotected uninhabited unoccupied unattended
    unannounced unsustainable unsanitary unreasonable unnecessary unwilling unwelcome
    incompetent inaccurate incorrect incomplete inadequate insufficient ineffective
    inactive invalid ineligible inappropriate incapable inconsistent inconclusive
    insecure intolerable inaccessible inconvenient indecisive illegitimate illegible
    irresponsible irregular irrelevant irreversible immoral impossible impractical
    impartial imperfect immature immobile dishonest disloyal disagree disapprove dislike
    disobey disqualify dissatisfied disconnected disorganised disorganized disabled
    """
)
#: Each of those words and the word it negates, both ways ("unarmed": "armed", "armed":
#: "unarmed").
_PREFIX_OPPOSITES = {
    pair[i]: pair[1 - i]
    for word in _PREFIX_NEGATIONS
    for prefix in _NEGATIVE_PREFIXES
    if word.startswith(prefix) and len(word) - len(prefix) >= 3
    for pair in ((word, word[len(prefix) :]),)
    for i in (0, 1)
}


def _said_in_a_word(cue: Cue, other: str) -> bool:
    """Whether the other version says what a negation says in one word: "not armed" and
    "unarmed", "not clear" and "unclear", "not guilty" and "innocent", and one of two
    outcomes in any form ("did not win" and "lost"); not an opposite with a middle ("did not
    raise rates" and "lower rates", ``_MIDDLE_OPPOSITES``)."""
    negated = cue.text.rsplit(" ", 1)[-1].lower()
    if cue.group in ("deny", "refuse") or negated == cue.text.lower():
        return False
    lower = other.lower()
    middle = _MIDDLE_OPPOSITES.get(negated, frozenset())
    opposites = [word for word in _opposites(negated) if word not in middle]
    if negated in _EITHER_OR_VERBS:
        stems = {_verb_stem(word) for word in opposites}

        def says_it(word: str) -> bool:
            return _verb_stem(word) in stems

    else:

        def says_it(word: str) -> bool:
            return word.lower() in opposites

    # Where the negated word stood, past auxiliaries: "The team did not win the final" /
    # "The team has lost the final".
    for anchor in cue.before:
        reached, word = anchor, _word_after(other, anchor)
        for _ in range(3):
            if word.lower() not in _BEFORE_ITS_VERB:
                break
            reached = f"{reached} {word}"
            word = _word_after(other, reached)
        if word and says_it(word):
            return True
    # Elsewhere only when the word itself is not said too: "did not win a seat in the north"
    # / "won a seat in the north but lost two in the south" says it won, of another seat
    # lost.
    words = _NEGATED_WORD().findall(lower)
    if _verb_stem(negated) in {_verb_stem(word) for word in words}:
        return False
    return any(says_it(word) for word in words)


def _cue_in_place(a: Cue, b: Cue) -> bool:
    """Whether two negations stand in one place of two versions of a sentence: after the
    same word, or saying the same thing without them."""
    return bool(set(a.before) & set(b.before)) or (
        bool(a.counterpart) and a.counterpart == b.counterpart
    )


#: The next word, past a comma ("Harris, 52, admitted": the word after "52").
_WORD_AFTER_COMMA = lazy_pattern(r"[\s,]*([\w'-]+)")


def _word_after(text: str, anchor: str) -> str:
    """The word that follows ``anchor`` in ``text`` ("" when the anchor is not there)."""
    if not anchor:
        return ""
    for position in _whole_word(text, anchor):
        following = _WORD_AFTER_COMMA().match(text, position + len(anchor))
        if following and following.start(1) > position + len(anchor):
            return following.group(1)
    return ""


def _cue_changes(
    kind: Literal["hedge", "negation"],
    old: Sequence[Cue],
    new: Sequence[Cue],
    sentence: int,
    texts: tuple[str, str] | None = None,
    implicit: tuple[Sequence[Cue], Sequence[Cue]] = ((), ()),
) -> list[Change]:
    """``texts``: the two sentences, when both versions have one; ``implicit``: then the
    implicit negatives of each ("avoid using"), read with the negations."""
    if kind == "negation" and texts is not None:
        return _negation_flips(old, new, texts, sentence, implicit)
    rest_old, rest_new = _drop_twins(old, new, lambda a, b: a.group == b.group)
    if kind == "negation":
        return _negation_change(rest_old, rest_new, None, sentence)
    changes: list[Change] = []
    while rest_old and rest_new:
        o, n = rest_old.pop(0), rest_new.pop(0)
        changes.append(
            _change(
                kind,
                "changed",
                o.text,
                n.text,
                sentence,
                _describe("changed", "hedge", o.text, n.text),
            )
        )
    changes += [
        _change(
            kind, "removed", c.text, None, sentence, _describe("removed", "hedge", c.text, None)
        )
        for c in rest_old
    ]
    changes += [
        _change(kind, "added", None, c.text, sentence, _describe("added", "hedge", None, c.text))
        for c in rest_new
    ]
    return changes


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
    old_lower, new_lower = old_text.casefold(), new_text.casefold()
    # Written without full stops on one side, "U.S." is found on the other as "us".
    if any("." in n for n in old):
        old_lower = _undotted(old_lower)
    if any("." in n for n in new):
        new_lower = _undotted(new_lower)
    old_keys = [_name_key(n) for n in old]
    new_keys = [_name_key(n) for n in new]
    removed = [
        n for n, key in zip(old, old_keys, strict=True) if not _name_kept(key, new_lower, new_keys)
    ]
    added = [
        n for n, key in zip(new, new_keys, strict=True) if not _name_kept(key, old_lower, old_keys)
    ]
    if removed or added:
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


#: Numbers worth listing when a whole sentence arrives or leaves: all but ranks, which
#: are mostly "the first time" and the like.
_CARRIED_NUMBERS = frozenset(
    {"count", "money", "percent", "range", "fraction", "vague", "date", "time", "year"}
)


def _carried(
    prepared: _Prepared, action: ChangeAction, sentence: int, quotes_only: bool = False
) -> list[Change]:
    """What an added or removed sentence brought or took away: quotes, numbers (not ranks),
    negations and named sources. Hedges and names are left out (nearly every sentence has
    some, and listing them would bury what matters), and so are attributions when the
    sentence holds a quote: the quote change names its speaker. ``quotes_only``: the
    sentence's whole paragraph came or went, which the paragraph diff already shows; only
    a quote is worth repeating then."""
    # A kind the sentence holds none of gives no change: it is not looked at.
    changes: list[Change] = []
    if prepared.quotes:
        changes += _quote_changes(*_one_side(prepared.quotes, action), sentence)
    if quotes_only:
        return changes
    numbers = tuple(n for n in _numbers(prepared.norm) if n.kind in _CARRIED_NUMBERS)
    if numbers:
        changes += _number_changes(*_one_side(numbers, action), sentence)
    negations = _negations(prepared.masked)
    if negations:
        changes += _cue_changes("negation", *_one_side(negations, action), sentence)
    if not prepared.quotes:
        attributions = tuple(a for a in _attributions(prepared.masked) if a.source)
        if attributions:
            changes += _attribution_changes(*_one_side(attributions, action), sentence)
    return changes


_Item = TypeVar("_Item")


def _one_side(
    items: Sequence[_Item], action: ChangeAction
) -> tuple[Sequence[_Item], Sequence[_Item]]:
    """``items`` as the old side of a change (removed) or as the new side (added)."""
    return (items, ()) if action == "removed" else ((), items)


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


def compare_sentences(old: str | None, new: str | None, sentence: int = 0) -> tuple[Change, ...]:
    """Meaning-level changes between two sentence texts (``None``: added or removed)."""
    return tuple(_sort(_compare(old, new, False, False, sentence)))


def top_changes(
    titles: tuple[str, str, Sequence[WordOp]] | None, standfirsts: tuple[str, str] | None
) -> tuple[tuple[Change, ...], tuple[Change, ...]]:
    """The meaning-level changes of an edited headline (its two texts and word diff) and of
    an edited standfirst, each ``None`` when it was not edited; ``sentence`` is -1."""
    title_changes = headline_changes(*titles) if titles else ()
    standfirst_changes = compare_sentences(*standfirsts, -1) if standfirsts else ()
    return title_changes, standfirst_changes


def headline_changes(
    old: str | None, new: str | None, words: Sequence[WordOp] = ()
) -> tuple[Change, ...]:
    """Meaning-level changes between two headlines (``words``: their word diff, if known),
    with ``sentence`` -1: they belong to no sentence block. A headline on one side only is
    an extraction difference, not an edit: nothing. Names are left out when either headline
    is in Title Case, where every word looks like one."""
    if not old or not new or old == new:
        return ()
    source = _headline_source_change(old, new)
    if source is not None:
        return (source,)
    old_title, new_title = _title_case(old), _title_case(new)
    if not (old_title or new_title):
        return tuple(_sort(_compare(old, new, False, False, -1, words)))
    # Capitals say nothing there: the verbs and sources of "..., Police Say" are read in
    # lower case, as a headline in sentence case writes them; quotes keep their letters.
    cased = _compare(
        _sentence_case(old) if old_title else old,
        _sentence_case(new) if new_title else new,
        False,
        False,
        -1,
    )
    quotes = [c for c in _compare(old, new, False, False, -1, words) if c.kind == "quote"]
    changes = [_as_written(c, old, new) for c in cased if c.kind not in ("name", "quote")]
    return tuple(_sort(changes + quotes))


def rewritten_headline_changes(
    old: str, new: str, words: Sequence[WordOp] = ()
) -> tuple[Change, ...]:
    """The figures of a headline rewritten on one page over time ("Bus plunges off mountain
    road near Castellan, killing 12" -> "Bus crash near Castellan kills 14"): too unlike to
    read as an edit, yet its figure is still the page's own, changed. Only a figure changed
    for one of the same kind that counts the same thing, or no thing named, is kept: the
    rest of a rewrite is new words, not edits ("$4m budget" -> "after 3 years" is none)."""
    kept: list[Change] = []
    olds, news = sentence_facets(old).numbers, sentence_facets(new).numbers
    for change in headline_changes(old, new, words):
        if change.kind != "number" or change.action != "changed":
            continue
        before = next((n for n in olds if n.phrase == change.old), None)
        after = next((n for n in news if n.phrase == change.new), None)
        if before is None or after is None or before.kind != after.kind:
            continue
        nouns = {_after(n.sentence, n.span[1])[1].lower() for n in (before, after)} - {""}
        if len({_singular(noun) for noun in nouns}) < 2:
            kept.append(change)
    return tuple(kept)


#: A headline that names its source before a colon ("Police: gunman acted alone").
_HEADLINE_SOURCE = lazy_pattern(r"^([^:\"\u201c]{2,40}):\s+(\S.*)$")


#: What stands before a headline's colon that is a label, not a source.
_HEADLINE_LABELS = frozenset(
    [
        *_wordset(
            "live latest analysis opinion comment explainer watch video exclusive breaking "
            "update updated factbox timeline review editorial obituary letters photos"
        ),
        "as it happened",
        "in pictures",
        "q&a",
    ]
)


def _headline_source_change(old: str, new: str) -> Change | None:
    """The source before a headline's colon, swapped while the rest stays ("Police: ..." ->
    "Witnesses: ..."): headlines say "X said" that way. Only a swap: a label that comes or
    goes ("Live:", "Analysis:") is no source."""
    a, b = _HEADLINE_SOURCE().match(old), _HEADLINE_SOURCE().match(new)
    if a is None or b is None or a.group(2).casefold() != b.group(2).casefold():
        return None
    if a.group(1).casefold() == b.group(1).casefold() or not _HEADLINE_LABELS.isdisjoint(
        (a.group(1).casefold(), b.group(1).casefold())
    ):
        return None
    was, now = f"{a.group(1)}:", f"{b.group(1)}:"
    return _change(
        "attribution", "changed", was, now, -1, _describe("changed", "attribution", was, now)
    )


def _as_written(change: Change, old: str, new: str) -> Change:
    """A change found in sentence case, with its words as the headlines write them."""
    was, now = _written(change.old, old), _written(change.new, new)
    if (was, now) == (change.old, change.new):
        return change
    detail = change.detail
    if was != change.old:
        detail = detail.replace(f'"{change.old}"', f'"{was}"', 1)
    if now != change.new:
        detail = detail.replace(f'"{change.new}"', f'"{now}"', 1)
    return Change(change.kind, change.action, was, now, change.severity, change.sentence, detail)


def _written(value: str | None, headline: str) -> str | None:
    """``value`` as ``headline`` writes it, whatever its case ("police say" in "..., Police
    Say" is "Police Say")."""
    if not value:
        return value
    # Searched in the headline itself: lowering it can change its length ("İ" is two
    # characters in lower case), and positions found in one would not fit the other.
    found = re.search(re.escape(value), headline, re.IGNORECASE)
    return found.group() if found else value


def _sentence_case(headline: str) -> str:
    """A Title Case or all-capitals headline in sentence case: every word after the first in
    lower case, but for abbreviations in a headline that has lower case ("US", "NHS")."""
    first, _, rest = headline.partition(" ")
    if headline.upper() == headline:
        return f"{first[:1]}{first[1:].lower()} {rest.lower()}".rstrip()
    words = [w if len(w) > 1 and w.isupper() else w.lower() for w in rest.split(" ")]
    return " ".join([first, *words]).rstrip()


def _title_case(headline: str) -> bool:
    """Whether every longer word after the first is capitalised ("Storm Cuts Power to Kerrow"
    but not "Storm cuts power to Kerrow"), short words and prepositions aside."""
    words = [
        w
        for w in headline.split()[1:]
        if len(w) > 3 and w[0].isalpha() and w.lower() not in _TITLE_CASE_SMALL
    ]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


#: Words some title-case styles leave in lower case.
_TITLE_CASE_SMALL = _wordset("from with into onto over upon about after amid than that through")


_HAS_DIGIT = lazy_pattern(r"\d")
# Numbers stay whole ("4.5" and "5.4" share their digits but differ).
_DIFF_TOKEN = lazy_pattern(r"\d+(?:[.,:]\d+)*|[\w']+|[^\w\s]")
#: Words whose appearance or disappearance can change a number.
_NUMBER_TRIGGERS = (
    _NUMBER_WORD_TOKENS
    | _MONTH_TOKENS
    | _WEEKDAY_TOKENS
    | _NAMED_TIMES
    | _MONEY_TOKENS
    | _PERCENT_TOKENS
    | _FRACTION_TOKENS
    | _ORDINAL_TOKENS
    | _VAGUE_TOKENS
    | _TIMES_TOKENS
    | frozenset(["a.m", "p.m", "am", "pm", "cent", "$", "£", "€", "¥", "₹", "%"])
    # "10 a.m." -> "10 p.m." and "$3.5m" -> "$3.5bn" differ only in these letters ("a" is
    # too common a word to gate on, and "p" differs whenever it does).
    | frozenset(["p", "m", "mn", "bn", "tn", "k", "trillion"])
    # Bounds: "more than 100" -> "nearly 100" (the common "about", "some" only soften).
    | _wordset("than over under least upwards excess nearly almost fewer up many")
    | frozenset(["minus", "no"])  # "minus 5C" -> "5C"; "no more than 12" -> "more than 12"
    | frozenset(_EU_MONTHS)  # "3 marzo" -> "3 maggio"
)


_SIGNED_FIGURE = lazy_pattern(r"(?<![\w.,])(?<!\d )-[$£€¥₹]?\.?\d")


def _minus_before_figure(old: str, new: str) -> bool:
    """Whether either sentence has a figure with a minus sign ("-5C"), which can be the only
    difference ("fell to -5C" -> "fell to 5C")."""
    return bool(_SIGNED_FIGURE().search(old) or _SIGNED_FIGURE().search(new))


#: How far (in characters) a source can stand from its verb.
_SOURCE_REACH = 140


@lru_cache(maxsize=8192)
def _verb_positions(masked: str) -> tuple[int, ...]:
    """Where reporting verbs stand in a sentence."""
    lower = masked.lower()
    present = _ATTRIBUTION_TRIGGERS & _token_set(lower)
    if not present:  # most sentences
        return ()
    return tuple(p for word in present for p in _whole_word(lower, word))


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


def _compare(
    old: str | None,
    new: str | None,
    old_open: bool,
    new_open: bool,
    sentence: int,
    words: Sequence[WordOp] = (),
    whole_paragraph: bool = False,
    capitals_inside: _MidSentenceCapitals | None = None,
) -> list[Change]:
    if old is None and new is None:
        return []
    if old is None:
        return _carried(_prepare(new or "", new_open), "added", sentence, whole_paragraph)
    if new is None:
        return _carried(_prepare(old, old_open), "removed", sentence, whole_paragraph)
    a, b = _prepare(old, old_open), _prepare(new, new_open)
    if a.norm == b.norm:
        return []
    # Only the facets that the differing words can touch are extracted: a facet whose
    # words are the same on both sides cannot have changed.
    if words:  # the aligner's word diff already says which words differ
        joined = " ".join(f"{w.old} {w.new}" for w in words if w.op != "equal")
        differing = set(_DIFF_TOKEN().findall(joined if joined.isascii() else normalize(joined)))
    else:
        list_a, list_b = _DIFF_TOKEN().findall(a.norm), _DIFF_TOKEN().findall(b.norm)
        differing = set(list_a) ^ set(list_b)
        if not differing:  # the same words, some a different number of times
            counts_a, counts_b = Counter(list_a), Counter(list_b)
            differing = set((counts_a - counts_b) + (counts_b - counts_a))
    joined = " ".join(differing)
    lowered = joined.lower()  # the differing words lowered, as the space keeps them apart
    lower = set(lowered.replace("'", " ").split())
    if differing:
        lower.update(lowered.split(" "))
    changes: list[Change] = []
    # The same words in another order can swap two numbers ("rose to 3.5% from 3.2%").
    if (
        not differing
        or _HAS_DIGIT().search(joined)
        or lower & _NUMBER_TRIGGERS
        or ("-" in differing and _minus_before_figure(a.norm, b.norm))
    ):
        numbers = _number_changes(_numbers(a.norm), _numbers(b.norm), sentence)
        changes += [c for c in numbers if not _one_as_a(c, a.norm, b.norm)] if numbers else []
        if numbers and (lower & _ARTICLES or lower & _DURATION_WORDS):
            read = (_from_article(c, a.norm, b.norm) for c in changes)
            changes = [c for c in read if c is not None]
    if a.quotes or b.quotes:
        changes += _quote_changes(a.quotes, b.quotes, sentence)
    # (The same words in another order can move a negation from one clause to another.)
    negation_words = not differing or "n't" in joined or lower & _NEGATION_TRIGGERS
    # A negation counts when polarity changes outside quotes and overall: one that only moved
    # into or out of a quotation ('"I regret nothing"' -> 'he had no regrets') did not flip.
    implicit_words = not differing or not _IMPLICIT_TRIGGERS.isdisjoint(lower)
    if negation_words or implicit_words:
        masked_a, masked_b = _negations(a.masked), _negations(b.masked)
        implicit = (
            (_implicit_negations(a.masked), _implicit_negations(b.masked))
            if implicit_words
            else ((), ())
        )
        # Two flips the opposite way leave the count alone: look when both sides hold one.
        if (
            (masked_a and masked_b)
            or len(_negations(a.norm)) != len(_negations(b.norm))
            or implicit[0]
            or implicit[1]
        ):
            changes += _cue_changes(
                "negation", masked_a, masked_b, sentence, (a.masked, b.masked), implicit
            )
    # (The same words in another order can turn a word into its opposite: "rose in France
    # and fell in Spain" -> "fell in France and rose in Spain".)
    if not differing or _may_flip_by_prefix(lower, lowered, (a.masked, b.masked)):
        # "unclear" is a negation cue as well: its flip is found once already; so is a word
        # of a flip told with its words ("bill failed to pass" -> "bill passed": not "failed"
        # -> "passed" again).
        told = [
            (c.old.lower().split(), c.new.lower().split())
            for c in changes
            if c.kind == "negation" and c.old and c.new
        ]
        changes += [
            c
            for c in _prefix_flips(a.masked, b.masked, sentence)
            if c not in changes and not any(c.old in was and c.new in now for was, now in told)
        ]
    # (The same words in another order can swap who says what: "Israel said Hamas ..." ->
    # "Hamas said Israel ...".)
    if (
        not differing
        or lower & _ATTRIBUTION_TRIGGERS
        or _near_attribution(a.masked, lower)
        or _near_attribution(b.masked, lower)
    ):
        changes += _attribution_changes(
            _attributions(a.masked), _attributions(b.masked), sentence, (a.masked, b.masked)
        )
    # The same words with two parties traded round a verb: who did what to whom ("Arsenal
    # beat Chelsea" -> "Chelsea beat Arsenal"). Round a reporting verb the attribution
    # change above tells it already; the names that traded places are told by the swap.
    swap = None
    if swaps.may_swap(a.masked, b.masked, lower) and not any(
        c.kind == "attribution" for c in changes
    ):
        swap = swaps.role_swap(a.masked, b.masked)
        if swap is not None:
            detail = _describe("changed", swap.what, swap.was, swap.now)
            changes.append(_change("roles", "changed", swap.was, swap.now, sentence, detail))
    if lower & _HEDGE_DIFF_TRIGGERS:
        everywhere = Counter(c.group for c in _hedges(a.norm))
        everywhere.subtract(c.group for c in _hedges(b.norm))
        moved = {group for group, count in everywhere.items() if count}
        hedges_a = [c for c in _hedges(a.masked) if c.group in moved]
        hedges_b = [c for c in _hedges(b.masked) if c.group in moved]
        # "did not win" -> "could have won": what did not happen, as "should have won" says.
        for hedges, own, other in ((hedges_a, a.masked, b.masked), (hedges_b, b.masked, a.masked)):
            if any(c.text.lower() == "could" for c in hedges) and _unreal_could(own, other):
                hedges.remove(next(c for c in hedges if c.text.lower() == "could"))
        changes += _cue_changes("hedge", hedges_a, hedges_b, sentence)
    # A capitalised word that differs, other than the one opening either sentence, may be
    # a name.
    capitals = [t for t in differing if t[:1].isupper() or t[1:2].isupper()]
    if capitals and swap is None:
        first_words = {_opener(a.norm), _opener(b.norm)}
        if any(t not in first_words for t in capitals):
            changes += _name_changes(_names(a.norm), _names(b.norm), a.norm, b.norm, sentence)
        elif differing == first_words and len(first_words) == 2:
            # The first word of a longer name ("Sara Lindqvist" -> "Sarah Lindqvist") is
            # read with its name; a lone opener needs more to be one.
            named = _name_changes(_names(a.norm), _names(b.norm), a.norm, b.norm, sentence)
            inside = capitals_inside or _MidSentenceCapitals((a.norm, b.norm))
            changes += named or _opener_change(a.norm, b.norm, sentence, inside)
    return _once(changes) if len(changes) > 1 else changes


_ARTICLE = lazy_pattern(r"\b(?:a|an)\b", re.IGNORECASE)


def _one_as_a(change: Change, old: str, new: str) -> bool:
    """Whether a "one" that came or went was written as "a" instead ("One witness said" ->
    "A witness said"): the other version holds more of "a" and "an" than its own."""
    if change.action == "changed":
        return False
    removed = change.action == "removed"
    text, here, there = (change.old, old, new) if removed else (change.new, new, old)
    if not text or text.split(" ", 1)[0].lower() != "one":
        return False
    return len(_ARTICLE().findall(there)) > len(_ARTICLE().findall(here))


_ARTICLES = frozenset(["a", "an"])
#: Lengths of time in seconds: "12 months" and "a year" are one duration.
_DURATION_SECONDS = {
    "second": 1,
    "minute": 60,
    "hour": 3_600,
    "day": 86_400,
    "week": 604_800,
    "fortnight": 1_209_600,
    "month": 2_629_800,
    "year": 31_557_600,
    "decade": 315_576_000,
}
_DURATION_WORDS = frozenset([*_DURATION_SECONDS, *(f"{unit}s" for unit in _DURATION_SECONDS)])
_A_DURATION = lazy_pattern(rf"\ban? ({'|'.join(_DURATION_SECONDS)})\b", re.IGNORECASE)


def _duration(phrase: str | None) -> float | None:
    """The length of time, in seconds, that a number phrase ("12 months", "a year") tells."""
    counted = (phrase or "").rsplit(" ", 1)
    unit = _DURATION_SECONDS.get(_singular(counted[-1].lower()))
    if unit is None:
        return None
    if len(counted) == 2 and counted[0].lower() in _ARTICLES:
        return float(unit)
    number = _phrase_number(phrase)
    return None if number is None or number.value is None else number.value * unit


def _same_duration(was: str | None, now: str | None) -> bool:
    """Whether two number phrases tell one length of time ("12 months", "one year")."""
    length = _duration(was)
    return length is not None and length == _duration(now)


def _from_article(change: Change, old: str, new: str) -> Change | None:
    """A number that came in place of "a" or "an" before the noun it counts ("within an
    hour" -> "within three hours") changed it: the article said one. The same length of
    time in another unit ("12 months" -> "a year") is no change: ``None``. Else ``change``."""
    if change.kind != "number":
        return change
    if change.action == "changed":
        return None if _same_duration(change.old, change.new) else change
    removed = change.action == "removed"
    phrase, there = (change.old, new) if removed else (change.new, old)
    here = old if removed else new
    counted = (phrase or "").rsplit(" ", 1)
    if len(counted) < 2 or not counted[1].isalpha():
        return change
    noun = _singular(counted[1].lower())
    article = re.compile(rf"\ban? {re.escape(noun)}\b", re.IGNORECASE)
    found = article.search(there)
    if found is None and noun in _DURATION_SECONDS:
        # "12 months" -> "a year": a length of time in another unit.
        found = _A_DURATION().search(there)
        if found is not None and _A_DURATION().search(here):
            return change  # that unit is in this version as well: not the one it became
        if found is not None and _same_duration(phrase, found.group(0)):
            return None
    elif found is not None and article.search(here):
        return change  # "an hour" is still in this version
    if found is None:
        return change  # no "an hour" in the other version
    was, now = (phrase, found.group(0)) if removed else (found.group(0), phrase)
    return _change(
        "number", "changed", was, now, change.sentence, _describe("changed", "number", was, now)
    )


def _once(changes: list[Change]) -> list[Change]:
    """Each edit once, under its most telling kind: "confirmed" -> "denied" is a negation
    flip, not also an attribution change when the source stayed; a name changed, added or
    removed inside a source is told by the attribution change that shows the source."""
    attributions = [c for c in changes if c.kind == "attribution"]
    if not attributions:
        return changes
    flips = [c for c in changes if c.kind == "negation" and c.action == "changed"]
    told = [a for a in attributions if not any(_verb_flipped(a, f) for f in flips)]
    return [
        c
        for c in changes
        if (c.kind != "attribution" or c in told)
        and not (c.kind == "name" and any(_within(c, a) for a in told))
    ]


def _verb_flipped(attribution: Change, flip: Change) -> bool:
    """Whether an attribution changed only by the verb a negation flip already shows
    ("Varga confirmed" -> "Varga denied", flip "confirmed" -> "denied"), or went or came
    with it ("The company reported" gone, flip "reported" -> "did not report")."""
    was, now, flip_was, flip_now = attribution.old, attribution.new, flip.old, flip.new
    if not (flip_was and flip_now):
        return False
    if not (was and now):
        # Gone or come with the flip of its own verb ("reported" -> "did not report"), not
        # with a verb that says something else ("denies" -> "accepts").
        if _stem(flip_was.split()[-1].lower()) != _stem(flip_now.split()[-1].lower()):
            return False
        return bool(_whole_word(was, flip_was) if was else _whole_word(now or "", flip_now))
    if not (_whole_word(was, flip_was) and _whole_word(now, flip_now)):
        return False
    return was.replace(flip_was, "", 1) == now.replace(flip_now, "", 1)


def _within(name: Change, attribution: Change) -> bool:
    """Whether a name change lies inside the sources an attribution change shows, as whole
    words: "Lee" -> "Kim" is not inside "a Leeds spokesman" -> "a Kimberley spokesman"."""
    return (name.old is None or bool(_whole_word(attribution.old or "", name.old))) and (
        name.new is None or bool(_whole_word(attribution.new or "", name.new))
    )


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


def _sort(changes: Iterable[Change]) -> list[Change]:
    return sorted(changes, key=lambda c: (c.severity, c.sentence, _KIND_ORDER[c.kind]))


# --------------------------------------------------------------------------------------------
# A whole comparison


def _opens_inside_quote(document: Document, paragraph: int, sentence: int) -> bool:
    """Whether earlier sentences of the paragraph left a double quotation open."""
    if sentence == 0:
        return False
    earlier = "".join(document.paragraphs[paragraph].sentences[:sentence])
    if earlier.isascii():
        return earlier.count('"') % 2 == 1
    return sum(earlier.count(mark) for mark in _DOUBLE_MARKS) % 2 == 1


def _block_text(document: Document, indices: Sequence[tuple[int, int]]) -> tuple[str | None, bool]:
    if not indices:
        return None, False
    paragraph, first = indices[0]
    if len(indices) == 1:  # nearly every block: no join needed
        return document.paragraphs[paragraph].sentences[first], _opens_inside_quote(
            document, paragraph, first
        )
    text = join_sentences(document.paragraphs[p].sentences[s] for p, s in indices)
    return text, _opens_inside_quote(document, paragraph, first)


def _whole_paragraph(document: Document, paragraph: int, alone: set[tuple[int, int]]) -> bool:
    """Whether every sentence of a paragraph came or went on its own."""
    count = len(document.paragraphs[paragraph].sentences)
    return all((paragraph, s) in alone for s in range(count))


# It builds thousands of small records that form no reference cycles: the cyclic collector
# would walk them (and every cache) for nothing. `compare` already runs it inside a pause.
@paused_gc()
def meaning_changes(
    old: Document, new: Document, sentences: Sequence[SentenceBlock]
) -> tuple[Change, ...]:
    """Every meaning-level change of a comparison, most severe first, then reading order.
    ``sentences`` are the aligned sentence blocks; each change points at its block."""
    found = ChangeCollector(old, new)
    for index, block in enumerate(sentences):
        if block.differs:
            found.add(index, block)
    return found.changes()


class ChangeCollector:
    """The meaning-level changes of a comparison, fed its sentence blocks that differ one by
    one as alignment makes them (the facets worker gets them so), in any order. ``early``:
    read sentences that came or went alone as they come, though a paragraph added or removed
    as a whole will report only their quotes (see ``changes``), so that little is left for
    the end."""

    def __init__(self, old: Document, new: Document, early: bool = False) -> None:
        self.old = old
        self.new = new
        self.early = early
        self.found: list[Change] = []
        #: Blocks of sentences that came or went alone (see ``changes``), and the changes of
        #: those read early.
        self.alone: list[tuple[int, SentenceBlock]] = []
        self.alone_found: dict[int, list[Change]] = {}
        #: For reading early: in each version, the paragraphs that may have come or gone
        #: whole (none of their sentences is in the other version, and no block has paired
        #: one yet), and the blocks of theirs whose quotes only were read (see ``add``).
        self.maybe_whole: tuple[set[int], set[int]] = (set(), set())
        self.quotes_only: dict[int, SentenceBlock] = {}
        self.quotes_only_in: dict[tuple[int, int], list[int]] = {}  # by (version, paragraph)
        if early:
            texts = [{s for p in d.paragraphs for s in p.sentences} for d in (old, new)]
            self.maybe_whole = (_unshared(old, texts[1]), _unshared(new, texts[0]))
        self.capitals = _MidSentenceCapitals(
            sentence
            for document in (old, new)
            for paragraph in document.paragraphs
            for sentence in paragraph.sentences
        )

    def add(self, index: int, block: SentenceBlock) -> None:
        """Find the changes of block ``index`` of the comparison's sentence blocks."""
        if not (block.a and block.b):
            self.alone.append((index, block))
            if self.early:
                # A sentence of a paragraph that came or went whole reports only its quotes
                # (see ``changes``): while that may be so, only those are read.
                version = 0 if block.a else 1
                paragraphs = {p for p, _ in block.a or block.b}
                whole = paragraphs <= self.maybe_whole[version]
                self.alone_found[index] = self._alone_changes(index, block, whole)
                if whole:
                    self.quotes_only[index] = block
                    for p in paragraphs:
                        self.quotes_only_in.setdefault((version, p), []).append(index)
            return
        if self.early and not (
            self.maybe_whole[0].isdisjoint(p for p, _ in block.a)
            and self.maybe_whole[1].isdisjoint(p for p, _ in block.b)
        ):
            self._not_whole(block)
        old_text, old_open = _block_text(self.old, block.a)
        new_text, new_open = _block_text(self.new, block.b)
        self.found += _compare(
            old_text, new_text, old_open, new_open, index, block.words, False, self.capitals
        )

    @paused_gc()
    def changes(self) -> tuple[Change, ...]:
        """Every change found, most severe first, then in reading order."""
        # A paragraph all of whose sentences came or went alone was wholly added or removed,
        # which only the last block can tell, and the paragraph diff already shows what it
        # held: only its quotes are told again.
        alone_old = {ps for _, b in self.alone if not b.b for ps in b.a}
        alone_new = {ps for _, b in self.alone if not b.a for ps in b.b}
        for index, block in self.alone:
            if block.a:
                whole = all(_whole_paragraph(self.old, p, alone_old) for p, _ in block.a)
            else:
                whole = all(_whole_paragraph(self.new, p, alone_new) for p, _ in block.b)
            early = self.alone_found.get(index)
            if early is None or (index in self.quotes_only and not whole):
                self.found += self._alone_changes(index, block, whole)
            else:  # what a whole paragraph's sentence reports comes first: its quotes
                self.found += [c for c in early if c.kind == "quote"] if whole else early
        if self.alone and any(c.kind == "number" and c.action != "changed" for c in self.found):
            self.found = self._without_moved_numbers()
        self.alone, self.alone_found, self.quotes_only, self.quotes_only_in = [], {}, {}, {}
        return tuple(_sort(self.found))

    def _not_whole(self, paired: SentenceBlock) -> None:
        """Read all of what came or went alone in the paragraphs of ``paired``, a block of
        sentences found in both versions: those paragraphs did not come or go whole."""
        for version, indices in enumerate((paired.a, paired.b)):
            for p, _ in indices:
                self.maybe_whole[version].discard(p)
                for index in self.quotes_only_in.pop((version, p), ()):
                    block = self.quotes_only.pop(index, None)
                    if block is not None:
                        self.alone_found[index] = self._alone_changes(index, block, False)

    def _without_moved_numbers(self) -> list[Change]:
        """``found`` less the figures that only moved between a sentence that came or went
        alone and the reworded sentence next to it ("Another 30 are missing." merged into
        its neighbour): that number was there all along, in both versions."""
        dropped: set[int] = set()  # positions in ``found``
        by_block: dict[int, list[int]] = {}
        for position, change in enumerate(self.found):
            if change.kind == "number" and change.action != "changed":
                by_block.setdefault(change.sentence, []).append(position)
        lone = {index for index, _ in self.alone}
        # Blocks in reading order, so that the outcome does not hang on the order they came in.
        for index, block in sorted(self.alone, key=lambda item: item[0]):
            # Most lone sentences have no neighbour whose figures came or went: their own
            # figures (read only here when their whole paragraph came or went) are not read.
            neighbours = [n for n in (index - 1, index + 1) if n not in lone and n in by_block]
            if not neighbours:
                continue
            gone = bool(block.a)
            text, opens = _block_text(self.old, block.a) if gone else _block_text(self.new, block.b)
            assert text is not None
            carried = [
                n for n in _numbers(_prepare(text, opens).norm) if n.kind in _CARRIED_NUMBERS
            ]
            # The neighbour gains what the lone sentence took away, or the reverse; one that
            # came or went alone too had nothing carried over into it.
            wanted = "added" if gone else "removed"
            for neighbour in neighbours:
                for position in by_block[neighbour]:
                    change = self.found[position]
                    if position in dropped or change.action != wanted:
                        continue
                    value = _phrase_number(change.new if gone else change.old)
                    match = next((n for n in carried if value and _moved(n, value)), None)
                    if match is None:
                        continue
                    carried.remove(match)
                    dropped.add(position)
                    # The lone sentence's own report of that figure goes too.
                    phrase = match.phrase
                    dropped.update(
                        p
                        for p in by_block.get(index, ())
                        if (self.found[p].old if gone else self.found[p].new) == phrase
                    )
        return [c for position, c in enumerate(self.found) if position not in dropped]

    def _alone_changes(self, index: int, block: SentenceBlock, whole: bool) -> list[Change]:
        if block.a:
            text, opens = _block_text(self.old, block.a)
            return _compare(text, None, opens, False, index, (), whole)
        text, opens = _block_text(self.new, block.b)
        return _compare(None, text, False, opens, index, (), whole)


# --------------------------------------------------------------------------------------------
# Figures across a rewritten passage


#: Numbers a rewritten passage may restate: what a changed toll or sum is.
_FACING_KINDS = frozenset({"count", "money", "percent"})
#: Words after a figure that point back at a noun rather than name one ("23 others").
_POINTING = frozenset({"", "other", "more", "them"})
#: Nouns that count people in a toll, whatever befell them.
_PEOPLE = _POINTING | {"people", "person"}
#: What befell those a figure counts, by the words round it: "killing 12 people" and "14
#: people were killed" tell one toll, "23 people were injured" another.
_OUTCOMES = (
    ("dead", ("kill", "dead", "die", "died", "death", "fatal", "perish")),
    ("hurt", ("injur", "wound", "hurt")),
    ("missing", ("missing",)),
    ("held", ("arrest", "detain")),
)
#: What ends a figure's clause when looking for its outcome.
_OUTCOME_CLAUSE_END = lazy_pattern(r"[,;:()\u2014]|\band\b|\bwhen\b|\bwhile\b|\d")


def _outcome(number: Number) -> str:
    """What befell those a figure counts (``dead``, ``hurt``...), from the words of its own
    clause just before and after it, or ""."""
    text, (start, end) = number.sentence, number.span
    before = _OUTCOME_CLAUSE_END().split(text[max(0, start - 40) : start])[-1]
    after = _OUTCOME_CLAUSE_END().split(text[end : end + 50], 1)[0]
    words = _CONTEXT_WORD().findall(before)[-2:] + _CONTEXT_WORD().findall(after)[:4]
    return next((outcome for word in words if (outcome := _outcome_word(word.lower()))), "")


def _outcome_word(low: str) -> str:
    """What a word says befell people ("killed": ``dead``), or ""."""
    return next((outcome for outcome, stems in _OUTCOMES if low.startswith(stems)), "")


def _counted_noun(number: Number) -> str:
    """The noun a figure counts, within its clause ("$2.4 million, the county engineer
    said" counts no "county")."""
    text, end = number.sentence, number.span[1]
    clause = end + len(_OUTCOME_CLAUSE_END().split(text[end:], 1)[0])
    return _singular(_after(text[:clause], end)[1].lower())


def _restated(a: Number, b: Number) -> bool:
    """Whether two figures of the same value on the two sides of a rewritten passage are one
    figure restated: the same noun, or one that only points back ("23 others"), and nothing
    else befell them ("12 killed" is no "12 injured")."""
    if not same_number(a, b):
        return False
    nouns = {_counted_noun(a), _counted_noun(b)}
    outcomes = {_outcome(a), _outcome(b)} - {""}
    return (len(nouns) == 1 or bool(nouns & _POINTING)) and len(outcomes) < 2


def _facing_key(number: Number) -> tuple[str, str, str, str] | None:
    """What a figure must share with one on the other side of a rewritten passage to be
    the same figure changed: its kind, unit, the noun it counts (a count must name one) and
    what befell them; ``None``: it cannot be told apart."""
    noun, outcome = _counted_noun(number), _outcome(number)
    if number.kind == "count" and outcome and (noun in _PEOPLE or _outcome_word(noun)):
        # "injuring 23 others", "25 were injured" and "25 people hurt" count one toll.
        noun = "people"
    if number.kind == "count" and noun in _POINTING:
        return None
    return number.kind, number.unit, noun, outcome


#: Words that tell of another event than the one told before ("in a separate crash").
_ANOTHER = _wordset("separate another second unrelated similar elsewhere")
_FACING_WORD = lazy_pattern(r"[a-z]+")
#: A year, or a time past named without one ("last year", "two years ago").
_PAST = lazy_pattern(
    r"\b(?:1[89]|20)\d\d\b|\blast (?:year|month|decade|summer|winter|spring|autumn)\b"
    r"|\b\w+ (?:years|months|decades) ago\b"
)


def _of_another_event(a: Number, b: Number) -> bool:
    """Whether two figures facing each other across a rewritten passage may count two
    events: a sentence says so ("a separate crash"), or they name different days ("on
    Monday" and "on Friday") or years ("in 2019", "last year")."""
    words = [set(_FACING_WORD().findall(n.sentence.lower())) for n in (a, b)]
    if any(w & _ANOTHER for w in words):
        return True
    # A past event recalled ("the worst since 2019, when 14 people died", "last year's
    # floods killed 14"): the two name other years or times past.
    past = [set(_PAST().findall(n.sentence.lower())) for n in (a, b)]
    if past[0] != past[1]:
        return True
    days = [w & _WEEKDAY_TOKENS for w in words]
    return all(days) and days[0].isdisjoint(days[1])


#: A paragraph block as the facing figures need it: its op and its paragraphs on each side.
PlainBlock = tuple[str, Sequence[int], Sequence[int]]


def _gaps(blocks: Sequence[PlainBlock], sentences: Mapping[int, SentenceBlock]) -> list[list[int]]:
    """The sentence blocks that came or went alone, grouped by the passage they face each
    other across: a run of them next to each other, or in one run of paragraphs removed
    and added with nothing kept between."""
    lone = sorted(i for i, s in sentences.items() if s.differs and not (s.a and s.b))
    parent = {i: i for i in lone}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[root(i)] = root(j)

    for i in lone:
        if i + 1 in parent:
            join(i, i + 1)
    run = 0
    runs: dict[tuple[int, int], int] = {}  # (version, paragraph) -> run of removed/added
    for op, a, b in blocks:
        if op not in ("removed", "added"):
            run += 1
            continue
        runs.update({(0, p): run for p in a})
        runs.update({(1, p): run for p in b})
    first: dict[int, int] = {}
    for i in lone:
        s = sentences[i]
        version, (paragraph, _) = (0, s.a[0]) if s.a else (1, s.b[0])
        where = runs.get((version, paragraph))
        if where is not None:
            join(i, first.setdefault(where, i))
    groups: dict[int, list[int]] = {}
    for i in lone:
        groups.setdefault(root(i), []).append(i)
    return [
        g
        for g in groups.values()
        if any(sentences[i].a for i in g) and any(sentences[i].b for i in g)
    ]


def facing_number_changes(
    old: Document,
    new: Document,
    blocks: Sequence[PlainBlock],
    sentences: Mapping[int, SentenceBlock],
    changes: Sequence[Change],
) -> tuple[Change, ...]:
    """``changes`` read again across passages rewritten too heavily to pair: sentences
    removed and added that face each other in one gap of the alignment. A figure on both
    sides with the same value and noun is no "number added" or "removed"; one counting the
    same thing (the same kind, unit, noun and outcome: "killing 12 people" and "14 people
    were killed"), the only one of its kind left on each side, changed value. ``blocks``:
    the paragraph blocks' ops and paragraphs; ``sentences``: the sentence blocks that
    differ, by index (the worker has only those)."""
    gaps = _gaps(blocks, sentences)
    if not gaps:
        return tuple(changes)
    english = all((d.language or "en").lower().startswith("en") for d in (old, new))
    dropped: set[tuple[int, str, str]] = set()  # (block, action, phrase)
    added: list[Change] = []
    for gap in gaps:
        sides: tuple[list[tuple[int, Number]], list[tuple[int, Number]]] = ([], [])
        for index in gap:
            block = sentences[index]
            document, indices, side = (old, block.a, 0) if block.a else (new, block.b, 1)
            text, opens = _block_text(document, indices)
            assert text is not None
            for number in _numbers(_prepare(text, opens).norm):
                if number.kind in _FACING_KINDS and number.value is not None:
                    sides[side].append((index, number))
        if not (sides[0] and sides[1]):
            continue
        # The same figure restated: neither added nor removed.
        left_new = list(sides[1])
        left_old: list[tuple[int, Number]] = []
        for index, number in sides[0]:
            match = next((item for item in left_new if _restated(number, item[1])), None)
            if match is None:
                left_old.append((index, number))
                continue
            left_new.remove(match)
            dropped.add((index, "removed", number.phrase))
            dropped.add((match[0], "added", match[1].phrase))
        if not english:
            continue  # what befell those counted is read in English words only
        by_key: tuple[dict[tuple[str, str, str, str], list[tuple[int, Number]]], ...] = ({}, {})
        for side, items in enumerate((left_old, left_new)):
            for item in items:
                found = _facing_key(item[1])
                if found is not None:
                    by_key[side].setdefault(found, []).append(item)
        for facing, olds in by_key[0].items():
            news = by_key[1].get(facing, [])
            if len(olds) != 1 or len(news) != 1:
                continue  # two of one kind on a side: which changed into which is a guess
            (o_index, o), (n_index, n) = olds[0], news[0]
            if same_number(o, n) or _of_another_event(o, n):
                continue
            was, now = o.phrase, n.phrase
            dropped.add((o_index, "removed", was))
            dropped.add((n_index, "added", now))
            added.append(
                _change(
                    "number", "changed", was, now, n_index, _describe("changed", "number", was, now)
                )
            )
    kept = [
        c
        for c in changes
        if not (
            c.kind == "number"
            and c.action != "changed"
            and (c.sentence, c.action, c.old if c.action == "removed" else c.new) in dropped
        )
    ]
    return tuple(_sort(kept + added))


def _unshared(document: Document, held: set[str]) -> set[int]:
    """The paragraphs of ``document`` none of whose sentences are ``held`` (the sentences of
    the other version): those that may have come or gone whole."""
    return {
        p for p, paragraph in enumerate(document.paragraphs) if held.isdisjoint(paragraph.sentences)
    }


def _moved(lone: Number, there: Number) -> bool:
    """Whether a figure of a lone sentence may be the one its neighbour gained or lost: the
    same value, and the same noun counted when both phrases name one ("30 people" and "30")."""
    if not same_number(lone, there):
        return False
    nouns = {_after(n.sentence, n.span[1])[1].lower() for n in (lone, there)}
    return len(nouns - {""}) < 2 or len({_singular(noun) for noun in nouns}) == 1


def _phrase_number(phrase: str | None) -> Number | None:
    """The number a number change's phrase ("At least nine people") tells."""
    numbers = _numbers(_prepare(phrase, False).norm) if phrase else ()
    return numbers[0] if numbers else None


def prefetch(old: Document, new: Document, stop: Callable[[], bool]) -> None:
    """Extract into the caches ``meaning_changes`` reads the facets of every sentence found
    in one version only (a sentence found in both is compared with nothing), until ``stop()``
    says the aligned blocks are ready (see compare/facets_worker.py). Sentences are taken in
    the order their blocks will come (both versions from the top), and what most
    comparisons read first; what only some read (names, hedges, the words around numbers)
    after."""
    texts = [{s for p in d.paragraphs for s in p.sentences} for d in (old, new)]
    one_sided = [
        _prepare(text, _opens_inside_quote(document, p, s))
        for p in range(max(len(old.paragraphs), len(new.paragraphs)))
        for document, other in ((old, texts[1]), (new, texts[0]))
        if p < len(document.paragraphs)
        for s, text in enumerate(document.paragraphs[p].sentences)
        if text not in other
    ]
    for read in (_read_often, _read_sometimes):
        for prepared in one_sided:
            if stop():
                return
            read(prepared)


def _read_often(prepared: _Prepared) -> None:
    """What the comparison of most sentences reads (see ``prefetch``)."""
    _numbers(prepared.norm)
    _attributions(prepared.masked)
    _verb_positions(prepared.masked)
    _negations(prepared.masked)


def _read_sometimes(prepared: _Prepared) -> None:
    """What the comparison of some sentences reads (see ``prefetch``)."""
    _names(prepared.norm)
    _hedges(prepared.masked)
    _hedges(prepared.norm)
    _negations(prepared.norm)
    for number in _numbers(prepared.norm):
        _context(number.sentence, *number.span)
        _counted_after(number.sentence, number.span[1])
    for attribution in _attributions(prepared.masked):
        _source_key(attribution.source)
    for quote in prepared.quotes:
        _quote_key(quote.text)


# compare.swaps reads the word lists above: imported once they stand (an import inside the
# function would run for every sentence pair).
from compare import swaps  # noqa: E402
