"""Changes in meaning between sentences: numbers, quotes, attributions, hedges, negations, names.

A word diff says that words changed; a reader wants to know that "four sources" became
"three sources", that a quote was trimmed, that "said" became "claimed", that "reportedly"
appeared or that "did" became "did not". This module finds those, offline, with precompiled
regular expressions and no model.

Public API
----------
``sentence_facets(text, open_quote=False) -> Facets``
    What one sentence carries: numbers (with their value and the words they count), quotations
    (with the speaker), attributions (verb and source), hedges, negations and names.
    ``open_quote`` says the sentence starts inside a quotation opened by an earlier sentence
    of its paragraph. Results are cached.
``compare_sentences(old, new, sentence=0) -> tuple[Change, ...]``
    The meaning-level differences between two sentence texts; ``None`` on one side means the
    sentence was added (old is ``None``) or removed (new is ``None``), and then only what it
    carried that a reader cares about is reported: quotes, numbers, negations and (when it
    holds no quote) attributions. Works for any two sentences, so it also tells where two
    outlets' versions of one claim disagree. ``sentence`` is copied into each ``Change``.
``meaning_changes(old, new, sentences) -> tuple[Change, ...]``
    Every change for a whole comparison, given the aligned sentence blocks; most severe first
    (numbers, quotes, negations; then attributions, hedges; then names), then reading order.
``same_number(a, b) -> bool``
    Whether two number mentions ("four", "4"; "$5m", "$5 million"; "May 24", "24 May 2026")
    have the same value.

Conventions: a number that keeps its value but changes how it is written is not a change; a
quote is altered when the words inside the marks differ once quote style, case and edge
punctuation are normalised (trimming with an ellipsis is an alteration); hedges, negations and
attributions are read outside quotations (inside one, the quote change already says it);
numbers are read everywhere. Each facet difference is reported once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from compare.model import Change, Document, SentenceBlock
from compare.text import normalize

NumberKind = Literal[
    "count", "money", "percent", "range", "ordinal", "fraction", "vague", "date", "time", "year"
]
ChangeKind = Literal["number", "quote", "attribution", "hedge", "negation", "name"]
ChangeAction = Literal["changed", "added", "removed"]

#: Severity of each kind of change: 1 is what readers care most about.
SEVERITY: dict[str, int] = {
    "number": 1,
    "quote": 1,
    "negation": 1,
    "attribution": 2,
    "hedge": 2,
    "name": 3,
}


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_KIND_ORDER = {"number": 0, "quote": 1, "negation": 2, "attribution": 3, "hedge": 4, "name": 5}


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
    context: tuple[str, ...] = ()
    """Content words around it (the noun it counts first), lower case, singular."""
    phrase: str = ""
    """The mention with the noun it counts ("four sources"), for display."""


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


@lru_cache(maxsize=8192)
def sentence_facets(text: str, open_quote: bool = False) -> Facets:
    """Extract the facets of one sentence. ``open_quote``: the sentence starts inside a
    quotation opened earlier in its paragraph."""
    norm = normalize(text)
    spans = _quote_spans(norm, open_quote)
    masked = _mask(norm, spans)
    attributions = _attributions(masked)
    speaker = next((a.source for a in attributions if a.source), None)
    quotes = tuple(Quote(norm[s:e].strip(), speaker) for s, e in spans if norm[s:e].strip())
    return Facets(
        numbers=_numbers(norm),
        quotes=quotes,
        attributions=attributions,
        hedges=_hedges(masked),
        negations=_negations(masked),
        names=_names(norm),
    )


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
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_CURRENCY_SIGNS = {
    "$": "USD",
    "us$": "USD",
    "a$": "AUD",
    "c$": "CAD",
    "nz$": "NZD",
    "hk$": "HKD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
}
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

_WORDNUM_ATOM = (
    r"(?:"
    + "|".join(sorted(_TENS, key=len, reverse=True))
    + r")(?:-(?:"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r"))?"
    r"|" + "|".join(sorted(_UNITS, key=len, reverse=True))
)
_WORDNUM = (
    rf"(?i:(?:{_WORDNUM_ATOM})(?:[\s-]+(?:and\s+)?(?:{_WORDNUM_ATOM}|hundred|thousand|million"
    rf"|billion|trillion)\b)*|a\s+(?:hundred|thousand|million|billion)\b(?:\s+and\s+"
    rf"(?:{_WORDNUM_ATOM}))?)"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_SCALE_AFTER = r"(?:\s*(?:million|billion|trillion|thousand)\b|(?:m|mn|bn|k|tn)\b|\s(?:mn|bn|tn)\b)"
_QTY = (
    rf"(?:(?<![\w.,/])(?<![A-Za-z]-){_DIGITS}{_SCALE_AFTER}?"
    rf"|\b(?:{_WORDNUM})\b(?:\s+(?:million|billion|trillion|thousand)\b)?)"
)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_CUR_SIGN = r"(?:US\$|A\$|C\$|NZ\$|HK\$|\$|£|€|¥|₹|(?:USD|EUR|GBP)\s?)"
_CUR_WORD = r"(?:" + "|".join(_CURRENCY_WORDS) + r")\b"
_PERCENT = r"(?:\s?%|\s(?:per\s?cent|percent|pc)\b|\s(?:percentage\s)?points?\b)"

#: Patterns made only of words, which may start a sentence with a capital.
_ANY_CASE = frozenset({"dozen", "fraction", "ordinal", "vague"})
_NUMBER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE if name in _ANY_CASE else 0))
    for name, pattern in (
        ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
        (
            "mdy",
            rf"\b(?P<mon>{_MONTH})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?",
        ),
        (
            "dmy",
            rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})\b\.?(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?",
        ),
        ("my", rf"\b(?P<mon>{_MONTH})\s+(?P<y>(?:19|20)\d\d)\b"),
        (
            "time",
            r"(?<![\d.:])(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap])\.?m\b\.?"
            r"|(?<![\d.:])(?P<h24>[01]?\d|2[0-3])[:.h](?P<mi24>[0-5]\d)(?!\d)(?:\s*(?:GMT|UTC|BST|CET))?"
            r"|\b(?P<named>noon|midday|midnight)\b",
        ),
        (
            "range",
            rf"(?P<cur>{_CUR_SIGN})?(?P<a>{_QTY})(?P<pa>{_PERCENT})?\s*(?:-|to|and)\s*"
            rf"(?P<cur2>{_CUR_SIGN})?(?P<b>{_QTY})(?P<pb>{_PERCENT})?(?:\s+(?P<curw>{_CUR_WORD}))?",
        ),
        (
            "money",
            rf"(?P<cur>{_CUR_SIGN})\s?(?P<q>{_DIGITS}(?:{_SCALE_AFTER}|\s?(?:b)\b)?|{_WORDNUM}(?:\s+(?:million|billion|thousand))?)"
            rf"|(?P<q2>{_QTY})\s+(?P<curw>{_CUR_WORD})",
        ),
        ("percent", rf"(?P<q>{_QTY})(?P<p>{_PERCENT})"),
        ("dozen", r"\b(?:(?P<half>half\s+)?a|one|(?P<n>two|three|four|five))\s+dozen\b"),
        (
            "fraction",
            r"\b(?:(?P<n>a|one|two|three|four|nine)[\s-]+(?P<f>halves|half|thirds?|quarters?"
            r"|fifths?|tenths?)|(?P<half>half))\b",
        ),
        (
            "ordinal",
            r"(?<![\w.,])(?P<od>\d+)(?:st|nd|rd|th)\b|\b(?P<ow>" + "|".join(_ORDINALS) + r")\b",
        ),
        ("vague", r"\b(?P<v>" + "|".join(_VAGUE) + r"|dozen)\b(?=\s+of\b)"),
        ("year", r"(?<![\w.,$£€-])(?P<y>(?:1[89]|20)\d\d)(?:s\b|(?![\w,]|\.\d))"),
        ("weekday", r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
        ("qty", rf"(?P<q>{_QTY})"),
    )
)
# Words that may start a number; sentences with none of these and no digit hold no numbers.
_NUMBER_HINT = re.compile(
    r"\d|\b(?:"
    + "|".join(
        [*_UNITS, *_TENS, *_SCALES, *_ORDINALS, *_FRACTION_WORDS, *_VAGUE, *_WEEKDAYS, *_MONTHS]
    )
    + r"|dozen|noon|midday|midnight)",
    re.IGNORECASE,
)
_CONTEXT_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_CONTEXT_SKIP = _wordset(
    "of the a an and or to in on at by for from than more less about some nearly almost around "
    "roughly approximately least most over under up per cent percent were was are is had have "
    "has been be who which that people's"
)


_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def _word_number(text: str) -> float | None:
    """Value of a spelled-out number ("twenty-five", "a hundred", "two thousand and six")."""
    total = 0.0
    current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", text.lower()):
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
    match = re.match(r"(\.?\d[\d,]*(?:\.\d+)?)\s*([A-Za-z]*)$", text)
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
        base = _quantity(" ".join(words[:-1])) if len(words) > 1 else 1.0
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
    return "pp" if "point" in suffix else "%"


def _currency(sign: str | None, word: str | None) -> str:
    if sign:
        return _CURRENCY_SIGNS.get(sign.strip().lower(), "USD")
    if word:
        return _CURRENCY_WORDS.get(word.lower(), "")
    return ""


def _parse_number(name: str, m: re.Match[str]) -> tuple[NumberKind, float | None, str, str] | None:
    """(kind, value, key, unit) for one match of one of the number patterns."""
    g = m.groupdict()
    if name in ("iso", "mdy", "dmy", "my"):
        month = int(g["m"]) if name == "iso" else _MONTHS[g["mon"][:3].lower()]
        day = int(g["d"]) if g.get("d") else 0
        if name != "my" and not 1 <= day <= 31:
            return None
        if name == "mdy" and g["mon"] == "May" and not g["y"] and m.start() == 0:
            pass  # "May 3" at the start of a sentence is still a date
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
        if "and" in joiner and not _BETWEEN.search(m.string[: m.start()]):
            return None
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
        return "percent", share, f"{_fmt(share)}{unit}", unit
    if name == "fraction":
        if g["half"]:
            return "fraction", 0.5, "0.5", ""
        numerator = _UNITS.get((g["n"] or "a").lower(), 1)
        value = numerator / _FRACTION_WORDS[g["f"].lower()]
        return "fraction", value, _fmt(round(value, 4)), ""
    if name == "ordinal":
        value = float(g["od"]) if g["od"] else float(_ORDINALS[g["ow"].lower()])
        return "ordinal", value, f"#{_fmt(value)}", ""
    if name == "dozen":
        count = 0.5 if g["half"] else _UNITS.get((g["n"] or "one").lower(), 1)
        return "count", count * 12, _fmt(count * 12), ""
    if name == "vague":
        word = g["v"].lower()
        return "vague", None, f"~{word.rstrip('s')}", ""
    count_value = _quantity(g["q"])
    if count_value is None:
        return None
    return "count", count_value, _fmt(count_value), ""


def _context(text: str, start: int, end: int) -> tuple[tuple[str, ...], str]:
    """The content words after (then before) a number, singular and lower case, and the
    word it counts for display."""
    after = [w for w in _CONTEXT_WORD.findall(text[end : end + 60])][:4]
    before = _CONTEXT_WORD.findall(text[max(0, start - 40) : start])[-2:]
    words: list[str] = []
    noun = ""
    for word in after:
        low = word.lower()
        if low in _CONTEXT_SKIP:
            continue
        if not noun and not word[0].isupper():
            noun = word
        words.append(_singular(low))
        if len(words) == 2:
            break
    words += [_singular(w.lower()) for w in before if w.lower() not in _CONTEXT_SKIP]
    return tuple(words), noun


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _numbers(text: str) -> tuple[Number, ...]:
    if not _NUMBER_HINT.search(text):
        return ()
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, Number]] = []
    for name, pattern in _NUMBER_PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if start == end or any(start < e and s < end for s, e in taken):
                continue
            parsed = _parse_number(name, m)
            if parsed is None:
                continue
            kind, value, key, unit = parsed
            words = m.group(0).strip()
            if kind == "count" and words.lower() == "one" and _lone_one(text, start, end):
                continue
            taken.append((start, end))
            context, noun = _context(text, start, end)
            phrase = words
            if kind in ("count", "range", "vague") and noun and unit == "":
                gap = text[end : text.find(noun, end)]
                if len(gap) <= 30 and "," not in gap:
                    phrase = text[start : text.find(noun, end) + len(noun)].strip()
            found.append((start, Number(words, kind, value, key, unit, context, phrase)))
    found.sort(key=lambda item: item[0])
    return tuple(number for _, number in found)


def _lone_one(text: str, start: int, end: int) -> bool:
    """'one' as a pronoun ("no one", "one of the few") rather than a count."""
    before = text[max(0, start - 8) : start].lower()
    return before.endswith(("no ", "any", "some", "every", "each")) or text[end:].startswith("-")


def _date_parts(key: str) -> tuple[str, str, str]:
    parts = [*key.split("-"), "", ""][:3]
    return parts[0], parts[1], parts[2]


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
    return False


def _number_group(number: Number) -> str:
    if number.kind in ("date", "year"):
        return "date"
    if number.kind in ("time", "ordinal"):
        return number.kind
    if number.kind == "percent" or number.unit in ("%", "pp"):
        return "percent"
    return "quantity"


# --------------------------------------------------------------------------------------------
# Quotes


_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[\"-]))'(?=[^\W\d_]|\d(?!0s))")
_SINGLE_CLOSE = re.compile(r"(?<=[^\s'])'(?=$|[\s,.;:!?)\]\"-])")
_CLOSING_CONTEXT = re.compile(r"[,.!?;:]$")


def _quote_spans(text: str, open_quote: bool) -> list[tuple[int, int]]:
    """Character spans of the contents of the outermost quotations."""
    spans: list[tuple[int, int]] = []
    marks = [i for i, ch in enumerate(text) if ch == '"']
    if not marks:
        if open_quote and not _single_spans(text):
            return [(0, len(text))]
    else:
        if len(marks) % 2:
            # One mark is unpaired: a quotation opened in an earlier sentence closes here, or
            # one opened here runs on into the next sentence.
            first = marks[0]
            if open_quote or _CLOSING_CONTEXT.search(text[:first].rstrip()):
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
    if "'" not in text:
        return []
    spans: list[tuple[int, int]] = []
    closes = [m.start() for m in _SINGLE_CLOSE.finditer(text)]
    position = 0
    for opening in _SINGLE_OPEN.finditer(text):
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


_QUOTE_KEY_EDGE = re.compile(r"^[\s\"',.;:!?-]+|[\s\"',.;:!?-]+$")
_WORDS = re.compile(r"[\w']+")


def _quote_key(text: str) -> str:
    return " ".join(_WORDS.findall(_QUOTE_KEY_EDGE.sub("", text.casefold()))) + (
        "..." if "..." in text else ""
    )


def _overlap(a: str, b: str) -> float:
    wa, wb = set(_WORDS.findall(a.casefold())), set(_WORDS.findall(b.casefold()))
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


# --------------------------------------------------------------------------------------------
# Attributions

_VERBS: dict[str, str] = {}
for _lemma, _forms in {
    "say": "say says said saying",
    "tell": "tell tells told telling",
    "report": "reported reports reporting",
    "claim": "claim claims claimed claiming",
    "allege": "allege alleges alleged alleging",
    "cite": "cite cites cited citing",
    "deny": "deny denies denied denying",
    "state": "stated",
    "confirm": "confirm confirms confirmed confirming",
    "announce": "announced announces",
    "insist": "insist insists insisted insisting",
    "admit": "admit admits admitted admitting acknowledged acknowledges conceded concedes",
    "warn": "warned warns warning",
    "argue": "argued argues arguing contended",
    "add": "added adds",
    "note": "noted notes explained explains wrote writes posted tweeted stressed",
    "suggest": "suggested suggests",
    "accuse": "accused accuses",
    "testify": "testified",
    "boast": "boasted",
}.items():
    for _form in _forms.split():
        _VERBS[_form] = _lemma
#: Lemmas that only report speech; swapping one for another does not change meaning.
_NEUTRAL = frozenset({"say", "tell", "state", "add", "note", "report", "according to", "testify"})
_ATTRIBUTION = re.compile(
    r"\b(?P<verb>" + "|".join(sorted(_VERBS, key=len, reverse=True)) + r")\b"
    r"|\b(?P<acc>[Aa]ccording to)\b"
)
_DETERMINERS = _wordset(
    "the a an this that these those such his her their its our my your unconfirmed similar "
    "earlier previous latest new false"
)
_PASSIVE = _wordset("was were been being be is are")
_SKIP_BEFORE_VERB = _wordset(
    "has had have also later earlier previously repeatedly publicly privately would will "
    "then again first initially subsequently once had already separately further "
    "reportedly allegedly"
)
_BOUNDARY = _wordset(
    "that which who whom and but or because as when while after before since if though "
    "although where so Q than"
)
_SOURCE_TOKEN = re.compile(r"[\w$'.-]+|[^\w\s]")
_SOURCE_STOP_AFTER = _wordset(
    "that on in at who which to as after before during when while about said told with "
    "for by from Q"
)
_PRONOUNS = _wordset("he she they it we i you his her their")
_NOT_ATTRIBUTION_AFTER = re.compile(
    r"\s+(?:responsibility|credit|victory|the\s+lives|lives|the\s+title|asylum|a\s+seat|"
    r"seats|missing|dead|killed|injured|wounded|stolen|bail|access|entry|cases|deaths|to\s+be)\b"
)


def _attributions(masked: str) -> tuple[Attribution, ...]:
    found: list[Attribution] = []
    for m in _ATTRIBUTION.finditer(masked):
        if m.group("acc"):
            source = _source_after(masked[m.end() :])
            found.append(Attribution("according to", "according to", source))
            continue
        verb = m.group("verb")
        lemma = _VERBS[verb]
        before_words = masked[max(0, m.start() - 40) : m.start()].split()
        previous = before_words[-1].lower() if before_words else ""
        if previous in _DETERMINERS or previous in _PASSIVE or previous[:1].isdigit():
            continue
        if previous.endswith(("'s", "s'")) and lemma in ("claim", "report", "note"):
            continue
        after = masked[m.end() :]
        if _NOT_ATTRIBUTION_AFTER.match(after):
            continue
        if (
            lemma in ("claim", "report", "note", "cite")
            and verb.endswith("s")
            and previous
            in (
                "",
                "q",
            )
        ):
            continue
        if lemma == "cite":
            found.append(Attribution(verb, lemma, _source_after(after)))
            continue
        prefix = masked[: m.start()]
        if re.search(r"(?:\bQ\s*,?|,)\s*$", prefix) and re.match(
            r"\s+(?:[A-Z]|the\b|a\b|an\b)", after
        ):
            source = _source_after(after)
        else:
            source = _source_before(prefix)
            if source is None and re.search(r"\bQ\s*,?\s*$", prefix) and lemma == "add":
                source = None
        if lemma == "add" and not (source or re.match(r"\s*(?:[,.:;]|that\b|$)", after)):
            continue
        found.append(Attribution(verb, lemma, source))
    return tuple(found)


def _strip_stop(token: str) -> str:
    """A full stop ends a sentence unless it is part of an abbreviation such as "U.S."."""
    return token[:-1] if token.endswith(".") and token.count(".") == 1 else token


def _source_before(prefix: str) -> str | None:
    tokens = _SOURCE_TOKEN.findall(prefix)
    collected: list[str] = []
    skipping = True
    for token in reversed(tokens):
        low = token.lower()
        if skipping and low in _SKIP_BEFORE_VERB:
            continue
        skipping = False
        if not (token[0].isalnum() or token[0] in "$'") or low in _BOUNDARY or token == "Q":
            break
        collected.append(_strip_stop(token))
        if len(collected) == 7:
            break
    collected.reverse()
    while collected and collected[0].lower() in ("on", "in", "at"):
        collected.pop(0)
    return " ".join(collected) or None


def _source_after(after: str) -> str | None:
    collected: list[str] = []
    for token in _SOURCE_TOKEN.findall(after):
        low = token.lower()
        if not (token[0].isalnum() or token[0] in "$'") or (
            collected and low in _SOURCE_STOP_AFTER
        ):
            break
        collected.append(_strip_stop(token))
        if (token.endswith(".") and token.count(".") == 1) or len(collected) == 8:
            break
    while collected and collected[-1].lower() in ("the", "a", "an", "and", "of"):
        collected.pop()
    return " ".join(collected) or None


_SOURCE_NOISE = _wordset("the a an its his her their on in at also") | set(_WEEKDAYS)


def _source_key(source: str | None) -> frozenset[str]:
    if not source:
        return frozenset()
    return frozenset(_singular(w) for w in _WORDS.findall(source.lower()) if w not in _SOURCE_NOISE)


def _same_source(a: str | None, b: str | None) -> bool:
    ka, kb = _source_key(a), _source_key(b)
    if not ka or not kb or ka & _PRONOUNS or kb & _PRONOUNS:
        return True
    return ka <= kb or kb <= ka


def _manner(lemma: str) -> str:
    return "neutral" if lemma in _NEUTRAL else lemma


# --------------------------------------------------------------------------------------------
# Hedges and negations

_MODAL = r"\b(?:may|[Mm]ight|[Cc]ould)\b"
_HEDGE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("reportedly", r"\breportedly\b|\b(?:is|are|was|were)\s+(?:said|reported|rumou?red)\s+to\b"),
    ("reportedly", r"\baccording to (?:media |news |local |press )?reports\b|\bit is reported\b"),
    (
        "allegedly",
        r"\ballegedly\b|\bpurportedly\b|\b(?:the|an|a|his|her|their)\s+(?:alleged|suspected)\b",
    ),
    (
        "unconfirmed",
        r"\bunconfirmed\b|\bunverified\b|\bnot (?:been )?(?:be )?(?:independently )?verified\b",
    ),
    ("sources", r"\bsources (?:say|said|says|told|familiar)\b|\baccording to (?:\w+ )?sources\b"),
    ("sources", r"\bpeople familiar with\b"),
    ("possibility", _MODAL + r"(?!\s+not\s+(?:immediately\s+)?be\s+reached)"),
    ("possibility", r"\b(?:possibly|perhaps|potentially|maybe|possible)\b"),
    ("apparently", r"\b(?:appears?|appeared|seems?|seemed)\s+to\b|\bapparently\b|\bit appears\b"),
    ("likely", r"\b(?:likely|probably|probable)\b"),
    ("unlikely", r"\bunlikely\b"),
    ("believed", r"\b(?:believed|thought|understood|presumed|feared)\s+to\b|\bis understood\b"),
    ("expected", r"\bexpected to\b"),
    ("certain", r"\b(?:certainly|definitely|undoubtedly|clearly|conclusively|without doubt)\b"),
)
# Case-insensitive except the modals, so that the month "May" is not a hedge.
_HEDGES = tuple(
    (group, re.compile(pattern, 0 if pattern.startswith(_MODAL) else re.IGNORECASE))
    for group, pattern in _HEDGE_PATTERNS
)
_HEDGE_HINT = re.compile(
    r"report|alleg|purport|suspect|unconfirm|unverif|verif|sources|familiar|\bmay\b|might|"
    r"could|possib|perhaps|potential|maybe|appear|seem|likely|probabl|believed|thought|"
    r"understood|presumed|feared|expected|certain|definite|undoubted|clearly|conclusive|doubt"
)
_NEGATION = re.compile(
    r"\b(?:(?P<w>[\w']+)\s+)?(?P<cue>not|never|no longer|nobody|nothing|none|neither|nor|"
    r"cannot|denied|denies|deny|denying|refused|refuses|refuse|refusing|declined to|"
    r"no(?=\s+(?:one|\w+))|[\w]+n't)\b",
    re.IGNORECASE,
)
_NEGATION_EXCEPT = re.compile(
    r"^(?:not only|not just|whether or not|if not)$|^no\s*\.?$", re.IGNORECASE
)


def _hedges(masked: str) -> tuple[Cue, ...]:
    if not _HEDGE_HINT.search(masked.lower()):
        return ()
    found: list[tuple[int, Cue]] = []
    taken: list[tuple[int, int]] = []
    for group, pattern in _HEDGES:
        for m in pattern.finditer(masked):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append(m.span())
            found.append((m.start(), Cue(masked[m.start() : m.end()], group)))
    found.sort(key=lambda item: item[0])
    return tuple(cue for _, cue in found)


def _negations(masked: str) -> tuple[Cue, ...]:
    found: list[Cue] = []
    for m in _NEGATION.finditer(masked):
        cue = m.group("cue")
        word = m.group("w") or ""
        low = cue.lower()
        following = masked[m.end() : m.end() + 12].lower()
        if _NEGATION_EXCEPT.match(f"{low} {following.split()[0] if following.split() else ''}"):
            continue
        if low == "not" and word.lower() in ("whether", "if", "or"):
            continue
        if low.startswith(("den", "ref")) and word.lower() in _PASSIVE:
            continue
        if low == "no" and m.start("cue") > 0 and masked[m.start("cue") - 1] == "'":
            continue
        if low.endswith("n't") or low == "cannot":
            group = "not"
        elif low.startswith("den"):
            group = "deny"
        elif low.startswith(("ref", "decl")):
            group = "refuse"
        else:
            group = low
        text = f"{word} {cue}" if word and low in ("not", "never", "no longer") else cue
        found.append(Cue(text, group))
    return tuple(found)


# --------------------------------------------------------------------------------------------
# Names

_NAME_WORD = r"(?:[A-Z]\.){2,}|(?:Mc|Mac|O')?[A-Z][\w'-]*\.?"
_NAME = re.compile(
    rf"(?<![\w'])(?:{_NAME_WORD})(?:\s+(?:(?:of|de|la|le|van|von|der|den|del|da|di|du|al|bin|ibn)"
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
    mr mrs ms dr sir dame president senator governor mayor judge prime chief general
    speaking separately elsewhere overall together finally already again
    """
)
_TITLES = _wordset(
    "mr mr. mrs mrs. ms ms. dr dr. sir dame president senator sen. governor gov. mayor judge "
    "prime minister chief general gen. rep. representative secretary inspector detective "
    "superintendent sergeant officer captain professor prof. lord lady king queen prince "
    "princess pope bishop"
)
_MONTH_WORDS = _wordset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
) | frozenset(_WEEKDAYS)


_NUMBER_WORDS = (
    frozenset(_UNITS) | frozenset(_TENS) | frozenset(_ORDINALS) | frozenset(_FRACTION_WORDS)
) | frozenset((*_VAGUE, "dozen", "half", "a"))


def _names(text: str) -> tuple[str, ...]:
    found: list[str] = []
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        at_start = not text[: m.start()].strip(" \"'([-")
        while words and (
            (at_start or len(words) == 1 or words[0].lower() in _TITLES)
            and (words[0].lower().rstrip(".") in _COMMON or words[0].lower() in _NUMBER_WORDS)
        ):
            words.pop(0)
            at_start = False
        while words and (words[-1].lower().rstrip(".") in _MONTH_WORDS or words[-1] in ("of",)):
            words.pop()
        while words and words[0].lower().rstrip(".") in _MONTH_WORDS:
            words.pop(0)
        if not words:
            continue
        name = " ".join(words).rstrip(".")
        name = re.sub(r"'s?$", "", name)
        if name == "I" or name.lower() in _COMMON or name.lower() in _NUMBER_WORDS or name == "Q":
            continue
        found.append(name)
    return tuple(dict.fromkeys(found))


def _name_key(name: str) -> tuple[str, ...]:
    return tuple(w for w in name.casefold().split() if w not in _TITLES)


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
    """Pairs whose value changed, then unpaired old and new mentions. Mentions with the same
    value on both sides are dropped: rewriting "4" as "four" is not a change."""
    rest_old = list(old)
    rest_new = list(new)
    for number in list(rest_old):
        twin = next((n for n in rest_new if same_number(number, n)), None)
        if twin is not None:
            rest_old.remove(number)
            rest_new.remove(twin)
    pairs: list[tuple[Number, Number]] = []
    # Same group and the same counted noun: "four sources" -> "three sources".
    scored = sorted(
        (
            (-len(set(o.context[:2]) & set(n.context[:2])), i, j)
            for i, o in enumerate(rest_old)
            for j, n in enumerate(rest_new)
            if _number_group(o) == _number_group(n) and set(o.context[:2]) & set(n.context[:2])
        ),
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    for _, i, j in scored:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((rest_old[i], rest_new[j]))
    left_old = [n for i, n in enumerate(rest_old) if i not in used_old]
    left_new = [n for j, n in enumerate(rest_new) if j not in used_new]
    # Otherwise a one-for-one swap of the same sort of number, in reading order.
    for number in list(left_old):
        other = next((n for n in left_new if _number_group(n) == _number_group(number)), None)
        if other is not None:
            left_old.remove(number)
            left_new.remove(other)
            pairs.append((number, other))
    return pairs, left_old, left_new


def _number_changes(old: Facets, new: Facets, sentence: int) -> list[Change]:
    pairs, removed, added = _pair_numbers(old.numbers, new.numbers)
    changes = [
        _change(
            "number",
            "changed",
            o.phrase,
            n.phrase,
            sentence,
            _describe("changed", "number", o.phrase, n.phrase),
        )
        for o, n in pairs
    ]
    changes += [
        _change(
            "number",
            "removed",
            o.phrase,
            None,
            sentence,
            _describe("removed", "number", o.phrase, None),
        )
        for o in removed
    ]
    changes += [
        _change(
            "number",
            "added",
            None,
            n.phrase,
            sentence,
            _describe("added", "number", None, n.phrase),
        )
        for n in added
    ]
    return changes


def _quote_changes(old: Facets, new: Facets, sentence: int) -> list[Change]:
    rest_old = list(old.quotes)
    rest_new = list(new.quotes)
    for quote in list(rest_old):
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


def _attribution_changes(old: Facets, new: Facets, sentence: int) -> list[Change]:
    rest_old = list(old.attributions)
    rest_new = list(new.attributions)
    pairs: list[tuple[Attribution, Attribution]] = []
    # Unchanged first, then the same source with another verb, then the same verb with
    # another source, then whatever is left one for one.
    tests: tuple[Callable[[Attribution, Attribution], bool], ...] = (
        lambda o, n: _manner(o.lemma) == _manner(n.lemma) and _same_source(o.source, n.source),
        lambda o, n: _same_source(o.source, n.source),
        lambda o, n: _manner(o.lemma) == _manner(n.lemma),
        lambda o, n: True,
    )
    for test in tests:
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


def _cue_changes(
    kind: Literal["hedge", "negation"], old: Sequence[Cue], new: Sequence[Cue], sentence: int
) -> list[Change]:
    rest_old = list(old)
    rest_new = list(new)
    for cue in list(rest_old):
        twin = next((c for c in rest_new if c.group == cue.group), None)
        if twin is not None:
            rest_old.remove(cue)
            rest_new.remove(twin)
    if kind == "negation":
        # Polarity is what matters: "did not" -> "never" keeps it, "did" -> "did not" flips it.
        if len(old) == len(new) or not (rest_old or rest_new):
            return []
        if len(new) > len(old):
            text = ", ".join(c.text for c in rest_new) or new[-1].text
            return [
                _change(
                    kind, "added", None, text, sentence, _describe("added", "negation", None, text)
                )
            ]
        text = ", ".join(c.text for c in rest_old) or old[-1].text
        return [
            _change(
                kind, "removed", text, None, sentence, _describe("removed", "negation", text, None)
            )
        ]
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


def _name_changes(
    old: Facets, new: Facets, old_text: str, new_text: str, sentence: int
) -> list[Change]:
    old_words = normalize(old_text).casefold()
    new_words = normalize(new_text).casefold()
    changes: list[Change] = []
    for name in old.names:
        key = _name_key(name)
        if key and key[-1] not in new_words:
            changes.append(
                _change(
                    "name",
                    "removed",
                    name,
                    None,
                    sentence,
                    _describe("removed", "name", name, None),
                )
            )
    for name in new.names:
        key = _name_key(name)
        if key and key[-1] not in old_words:
            changes.append(
                _change(
                    "name", "added", None, name, sentence, _describe("added", "name", None, name)
                )
            )
    return changes


def _carried(facets: Facets, action: ChangeAction, sentence: int) -> list[Change]:
    """What an added or removed sentence brought or took away. Hedges and names are left out:
    every sentence has some, and listing them would bury what matters."""
    empty = Facets()
    old, new = (facets, empty) if action == "removed" else (empty, facets)
    changes = _quote_changes(old, new, sentence) + _number_changes(old, new, sentence)
    changes += _cue_changes("negation", old.negations, new.negations, sentence)
    if not facets.quotes:
        changes += _attribution_changes(old, new, sentence)
    return changes


def compare_sentences(old: str | None, new: str | None, sentence: int = 0) -> tuple[Change, ...]:
    """Meaning-level changes between two sentence texts (``None``: added or removed)."""
    return tuple(_sort(_compare(old, new, False, False, sentence)))


def _compare(
    old: str | None, new: str | None, old_open: bool, new_open: bool, sentence: int
) -> list[Change]:
    if old is None and new is None:
        return []
    if old is None:
        return _carried(sentence_facets(new or "", new_open), "added", sentence)
    if new is None:
        return _carried(sentence_facets(old, old_open), "removed", sentence)
    if old == new or normalize(old) == normalize(new):
        return []
    a = sentence_facets(old, old_open)
    b = sentence_facets(new, new_open)
    changes = _number_changes(a, b, sentence) + _quote_changes(a, b, sentence)
    changes += _cue_changes("negation", a.negations, b.negations, sentence)
    changes += _attribution_changes(a, b, sentence)
    changes += _cue_changes("hedge", a.hedges, b.hedges, sentence)
    changes += _name_changes(a, b, old, new, sentence)
    return changes


def _sort(changes: Iterable[Change]) -> list[Change]:
    return sorted(changes, key=lambda c: (c.severity, c.sentence, _KIND_ORDER[c.kind]))


# --------------------------------------------------------------------------------------------
# A whole comparison


def _opens_inside_quote(document: Document, paragraph: int, sentence: int) -> bool:
    """Whether earlier sentences of the paragraph left a double quotation open."""
    if sentence == 0:
        return False
    earlier = document.paragraphs[paragraph].sentences[:sentence]
    return sum(normalize(s).count('"') for s in earlier) % 2 == 1


def _block_text(document: Document, indices: Sequence[tuple[int, int]]) -> tuple[str | None, bool]:
    if not indices:
        return None, False
    text = " ".join(document.paragraphs[p].sentences[s] for p, s in indices)
    paragraph, first = indices[0]
    return text, _opens_inside_quote(document, paragraph, first)


def meaning_changes(
    old: Document, new: Document, sentences: Sequence[SentenceBlock]
) -> tuple[Change, ...]:
    """Every meaning-level change of a comparison, most severe first, then reading order.
    ``sentences`` are the aligned sentence blocks; each change points at its block."""
    changes: list[Change] = []
    for index, block in enumerate(sentences):
        if block.op == "equal" and not block.cosmetic:
            continue
        old_text, old_open = _block_text(old, block.a)
        new_text, new_open = _block_text(new, block.b)
        changes.extend(_compare(old_text, new_text, old_open, new_open, index))
    return tuple(_sort(changes))
