"""What a figure looks like: number words, scales, currencies, month and weekday names, the
number patterns (dates, times, money, percentages, ranges, counts...) in priority order with
their cheap gates, compiled on first use (``_compiled``), and where each can start.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable, Iterable
from itertools import islice
from typing import NamedTuple

from compare import regex_cache
from compare.facets.base import _SCAN_TOKEN, _token_set, _whole_word, _wordset
from compare.text import lazy_pattern

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
#: The ASCII pieces of those names, as a sentence's words hold them ("märz": "m", "rz").
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
    "au$": "AUD",
    "aus$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "s$": "SGD",
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
#: The signs that open with a letter, as written ("US$", "A$", "USD"; see _CUR_SIGN).
_LETTER_SIGNS = tuple(sign.upper() for sign in _CURRENCY_SIGNS if sign[0].isalpha())
_LETTER_SIGNS += tuple(sorted(_CURRENCY_CODES))
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
#: The two ways to a figure grouped by spaces, an alternative of ``_DIGITS``.
_SPACED_DIGITS = (
    r"|(?:\d{1,3}(?=(?: \d{3})* 0\d\d\b)"
    rf"|{_NOT_AFTER_TWO_NUMBER_WORDS}(?<!\d )\d{{1,3}})(?: \d{{3}})+(?![\d-]|[.,]\d)"
)
_DIGITS_HEAD = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    # Continental figures, where none can be English: thousands grouped by full stops with
    # decimals after a comma ("1.200,50") or in two groups or more ("1.234.567"), and a
    # decimal comma not before three digits ("3,5", "12,50"; "3,500" stays English).
    r"|\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,}(?!\d|[.,]\d)"
    r"|\d+,(?:\d{1,2}|\d{4,})(?![\d,]|\.\d)"
)
_DIGITS_TAIL = r"|\d+(?:\.\d+)?|\.\d+)"
_DIGITS = _DIGITS_HEAD + _SPACED_DIGITS + _DIGITS_TAIL
#: The same without figures grouped by spaces, for a text with no digit, space and digit.
_PLAIN_DIGITS = _DIGITS_HEAD + _DIGITS_TAIL
#: Scales in the papers' languages, after a figure ("3,5 Millionen", "2,3 mil millones",
#: "31 Mio.", "412 mln"), and what each multiplies by ("bilhões" is Brazil's 10**9). French
#: "millions" only after a figure ("12 millions d'euros"): alone English reads it as a vague
#: amount of its own, and after a figure English writes "million".
_EU_SCALES = {
    **dict.fromkeys(("mil millones", "mil milhões", "milliarden", "milliarde", "mrd."), 10**9),
    **dict.fromkeys(("milliards", "milliard", "miliardi", "miliardo", "bilhões"), 10**9),
    **dict.fromkeys(("bilhão", "miljard", "mld", "mld."), 10**9),
    **dict.fromkeys(("millionen", "mio.", "millones", "millón", "milioni", "milione"), 10**6),
    **dict.fromkeys(("milhões", "milhão", "miljoen", "mln", "mln.", "millions"), 10**6),
}
_EU_SCALE = "|".join(
    re.escape(name).replace(r"\ ", r"\s+") for name in sorted(_EU_SCALES, key=len, reverse=True)
)
_SCALE_HEAD = r"(?:\s*(?:million|billion|trillion|thousand)\b|(?:m|mn|bn|k|tn)\b|\s(?:mn|bn|tn)\b"
_SCALE_AFTER = _SCALE_HEAD + rf"|\s(?i:{_EU_SCALE})(?!\w))"
#: The same without the continental scales, for an ASCII text with none of their words.
_PLAIN_SCALE_AFTER = _SCALE_HEAD + ")"
#: The words that open a continental scale in an ASCII text ("mil millones": "mil").
_EU_SCALE_WORDS = frozenset(name.split()[0].rstrip(".") for name in _EU_SCALES if name.isascii())
#: A figure after a name's hyphen is part of the name ("COVID-19", "F-16").
_NOT_AFTER_NAME = r"(?<![A-Za-z]-)"
_QTY_DIGITS = rf"(?<![\w.,/]){_NOT_AFTER_NAME}{_DIGITS}{_SCALE_AFTER}?"
_PLAIN_QTY_DIGITS = rf"(?<![\w.,/]){_NOT_AFTER_NAME}{_PLAIN_DIGITS}{_PLAIN_SCALE_AFTER}?"
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
    r"|(?<=[Ll]ate )|(?<=mid-)|(?<=[Ll]ast )|(?<=[Nn]ext )|(?<=[Tt]his )|(?<=[Ff]rom )"
    # "the end of May", "before May": a preposition before the capital, never the verb
    r"|(?<=\bof )|(?<=[Bb]efore )|(?<=[Aa]fter )|(?<=[Dd]uring )|(?<=[Tt]hrough )"
    # Not "May's" (Theresa May's), nor the person "after May announced", "before May said".
    r"|(?<=[Tt]ill ))May(?!['’]|(?<=ore May|ter May)\s+(?:[a-z]+ed|said|told|was|had|has)\b))\b"
)
_CUR_SIGN = (
    r"(?:US\$|A(?:US?)?\$|CA?\$|NZ\$|HK\$|R\$|S\$|\$|£|€|¥|₹|"
    rf"(?:{'|'.join(sorted(_CURRENCY_CODES))})\s?)"
)
_CUR_WORD = r"(?:" + "|".join(_CURRENCY_WORDS) + r")\b"
_PERCENT = (
    r"(?:\s?%|\s?pc\b|\s(?:per\s?cent|percent)\b|\s(?:percentage\s|basis\s)?points?\b"
    r"|\s?bps?\b"
    # In the papers' languages: "8,5 Prozent", "3 pour cent", "12 por ciento", "5 proc."
    r"|\s(?i:prozent|pour\s?cent|por\s?ciento|per\s?cento|por\s?cento|procent)\b"
    r"|\s(?i:proc)\b\.?)"
)


class _Holds:
    """What a sentence holds that the gates of the number patterns read, one bit each of an
    int (see ``_features``): a sentence's bits are found in one pass over its words, and the
    patterns a set of bits lets through are worked out once for all the sentences that hold
    it (see ``_candidates``), not tested pattern by pattern in each (~15 set tests and gate
    calls a sentence, most of them failing: a tenth of the figures' instructions)."""

    DIGIT = 1 << 0
    """A digit."""
    SIGN = 1 << 1
    """A currency sign (a start of kind "c", see _number_starts)."""
    ASCII = 1 << 2
    """Only ASCII characters (where the position tests apply)."""
    PERCENT_SIGN = 1 << 3
    """A "%"."""
    DASH = 1 << 4
    """A "-" (read only in a sentence with a digit, as COLON, AM_PM and RANGE_HINT)."""
    COLON = 1 << 5
    """A ":"."""
    AM_PM = 1 << 6
    """"a.m" or "p.m"."""
    RANGE_HINT = 1 << 7
    """A match of _RANGE_HINT (sought only where the words do not let "range" through)."""
    PART_HINT = 1 << 8
    """One of _PART_HINTS (sought only with a word of _FRACTION_TOKENS and of _PART_UNITS)."""
    # Then one bit for each set of words (see _WORD_FEATURES).
    MONTH = 1 << 9
    EU_MONTH = 1 << 10
    NAMED_TIME = 1 << 11
    TIME_WORD = 1 << 12
    SCALED_PART = 1 << 13
    BIG_SCALE = 1 << 14
    AND = 1 << 15
    MIXED_PART = 1 << 16
    FRACTION = 1 << 17
    PART_UNIT = 1 << 18
    NUMBER_WORD = 1 << 19
    RANGE_WORD = 1 << 20
    MONEY_WORD = 1 << 21
    CURRENCY_WORD = 1 << 22
    PERCENT_WORD = 1 << 23
    TIMES = 1 << 24
    DOZEN = 1 << 25
    RATIO = 1 << 26
    ORDINAL = 1 << 27
    ORDINAL_SUFFIX = 1 << 28
    VAGUE = 1 << 29
    WEEKDAY = 1 << 30


#: A cheap test of whether a number pattern can match a sentence, on the bits of what it holds
#: (see _Holds): masks each of which must share a bit with them ("a digit, and a month's
#: name": ``(DIGIT, MONTH)``).
_Gate = tuple[int, ...]


def _passes(gate: _Gate, features: int) -> bool:
    """Whether a sentence that holds ``features`` passes ``gate`` (the tests' reference:
    ``_candidates`` has the same test written in)."""
    return all(features & mask for mask in gate)


#: Units of time a part of one is written of ("half an hour", "a quarter of a century").
_PART_SPANS = ("minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century")
#: Measures a part of one is written of too: "half a mile" is 0.5 mile, one figure.
_PART_MEASURES = ("mile", "kilometre", "kilometer", "metre", "meter", "litre", "liter", "tonne")


#: Words that date what follows: a year after one of them is a year before a clause's
#: comma too. (One fixed-width look-behind each, on the year's four digits.)
_DATING_BEFORE_YEAR = (
    "(?:"
    + "|".join(
        rf"(?<=\b[{w[0].upper()}{w[0]}]{w[1:]} \d{{4}})"
        for w in ("in", "since", "by", "until", "till", "from", "before", "after", "during", "of")
    )
    + ")"
)


#: What the second amount of "ratio" is written with, but a figure.
_RATIO_WHOLES = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _patterns(form: str) -> tuple[tuple[str, str, _Gate], ...]:
    """The number patterns in priority order, each with a cheap test of whether it can match.
    ``form``: "words", with spelled-out numbers; "digits", digits only (faster to compile and
    to run); "letter", for a number that starts at a letter of an ASCII text: no figure can
    open it there, so "percent" and "qty" need only their spelled-out amounts (Python
    compiles a regex in Python code: that spares a third of the word form's cost); "plain",
    digits only for an ASCII text with no figure grouped by spaces ("10 000") nor a
    continental scale ("3 Mio."), whose alternatives "range", "money", "percent" and "qty"
    then leave out (half their digit form's cost to compile). They are compiled when first
    used (see ``_compiled``): compiling all of them up front cost more
    than a whole comparison."""
    words = form in ("words", "letter")
    plain = form == "plain"
    qty = _QTY if words else _PLAIN_QTY_DIGITS if plain else _QTY_DIGITS
    first = _WORD_QTY if form == "letter" else qty  # the amount that opens the number
    # A range's second amount follows its joiner: a letter before the hyphen is the first
    # amount's scale or percent ("5m-6m", "2 percent-3 percent"), not a name's ("COVID-19").
    second = qty.replace(_NOT_AFTER_NAME, "")
    assert second != qty, "the range's second amount must drop the name look-behind"
    digits, scale = (_PLAIN_DIGITS, _PLAIN_SCALE_AFTER) if plain else (_DIGITS, _SCALE_AFTER)
    return tuple(
        (name, pattern, gate)
        for name, pattern, gate in (
            (
                "iso",
                r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b",
                (_Holds.DIGIT, _Holds.DASH),
            ),
            (
                "mdy",
                rf"\b(?P<mon>{_MONTH})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"
                rf"(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?",
                (_Holds.DIGIT, _Holds.MONTH),
            ),
            (
                "dmy",
                # The point only after an abbreviation ("3 Sept."), not a full stop.
                rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})\b"
                r"(?:(?<![a-z]{4})(?<!May)(?<!June)(?<!July)\.)?"
                rf"(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?",
                (_Holds.DIGIT, _Holds.MONTH),
            ),
            (
                # A date as German, French, Spanish, Italian, Portuguese, Dutch and Polish
                # write it: "3. März 2026", "3 mars", "3 de marzo de 2026", "3 marca"; and
                # the first of the month: "1er mai", "1º de mayo", "1° maggio".
                "dmy_eu",
                # (º is "o" once normalised.)
                # Not "3 Mars rovers": French writes its month "mars", German "März".
                rf"\b(?P<d>[0-3]?\d)(?:er|º|°|o)?\.?\s+(?:de\s+)?(?!(?-i:Mars)\b)"
                rf"(?P<mon>{_EU_MONTH})\b"
                r"(?:,?\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)\b)?",
                (_Holds.DIGIT, _Holds.EU_MONTH),
            ),
            (
                "my",
                rf"\b(?P<mon>{_MONTH})\s+(?P<y>(?:19|20)\d\d)\b",
                (_Holds.DIGIT, _Holds.MONTH),
            ),
            ("month", _BARE_MONTH, (_Holds.MONTH,)),
            (
                "time",
                # "a.m." keeps its last full stop; "am." ends a sentence and leaves it.
                r"(?<![\d.:])(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap])(?:\.m\b\.?|m\b)"
                r"|(?<![\d.:])(?P<h24>[01]?\d|2[0-3])[:h](?P<mi24>[0-5]\d)(?!\d)"
                r"(?:\s*(?:GMT|UTC|BST|CET))?"
                # Wire style: "0412 GMT".
                r"|(?<![\d.:,])(?P<hm>(?:[01]\d|2[0-3])[0-5]\d)(?=\s*(?:GMT|UTC)\b)"
                r"|\b(?P<named>noon|midday|midnight)\b",
                # Noon, midday or midnight; or a digit, with ":", "a.m", "p.m", "am", "GMT"...
                (
                    _Holds.NAMED_TIME | _Holds.DIGIT,
                    _Holds.NAMED_TIME | _Holds.COLON | _Holds.AM_PM | _Holds.TIME_WORD,
                ),
            ),
            (
                # "half a million", "a quarter of a million", "one and a half million"
                "scaled",
                r"(?:(?P<whole>one|two|three|four|five|six|seven|eight|nine|\d{1,3})\s+and\s+)?"
                r"(?P<part>(?:a|one|two|three)\s+(?:halves|half|thirds?|quarters?)|half)\s+"
                r"(?:of\s+)?(?:a\s+)?(?P<scale>thousand|million|billion|trillion)\b",
                (_Holds.SCALED_PART, _Holds.BIG_SCALE),
            ),
            (
                # "four and a half years", "two and a half per cent", "an hour and a half":
                # one figure
                "mixed",
                rf"\b(?:(?P<whole>{_ONE_TO_NINE}|ten|eleven|twelve|\d{{1,3}})"
                r"|an?\s+(?P<span>minute|hour|day|week|month|year|decade))\s+and\s+"
                rf"(?P<part>a\s+(?:half|quarter))\b(?P<p>{_PERCENT})?",
                (_Holds.AND, _Holds.MIXED_PART),
            ),
            (
                # "a quarter of a percentage point", "half an hour", "half a century": a part
                # of one unit, the same value as "0.25 percentage points", "30 minutes"
                "part",
                # Capitals only where a sentence can open (cheaper to compile than any case).
                # (Sentences are normalised: one space between words.)
                r"\b(?P<part>(?:[Aa]|[Oo]ne|[Tt]wo|[Tt]hree)[ -](?:half|thirds?|quarters?)"
                # A point's part may go without its "a": "a quarter point", "a half-point".
                r"|[Hh]alf)(?: (?:of )?an? |[ -](?=(?:percentage[ -])?point\b))"
                r"(?P<unit>p(?:ercentage[ -]point|er ?cent|oint)"
                rf"|{'|'.join(_PART_SPANS + _PART_MEASURES)})\b",
                (_Holds.FRACTION, _Holds.PART_UNIT, _Holds.PART_HINT),
            ),
            (
                "range",
                rf"(?P<cur>{_CUR_SIGN})?(?P<a>{qty})(?P<pa>{_PERCENT})?\s*(?:-|to|and)\s*"
                rf"(?P<cur2>{_CUR_SIGN})?(?P<b>{second})(?P<pb>{_PERCENT})?"
                rf"(?:\s+(?P<curw>{_CUR_WORD}))?",
                # A number word and "to", "and" or "between"; or a range of figures
                (
                    _Holds.NUMBER_WORD | _Holds.RANGE_HINT,
                    _Holds.RANGE_WORD | _Holds.RANGE_HINT,
                ),
            ),
            (
                "money",
                rf"(?P<cur>{_CUR_SIGN})\s?(?P<q>{digits}(?:{scale}|\s?(?:b)\b)?"
                + (rf"|{_WORDNUM}(?:\s+(?:million|billion|thousand))?" if words else "")
                + rf")|(?P<q2>{qty})\s+(?P<curw>{_CUR_WORD})",
                (_Holds.SIGN | _Holds.MONEY_WORD,),
            ),
            (
                "percent",
                rf"(?P<q>{first})(?P<p>{_PERCENT})",
                (_Holds.PERCENT_SIGN | _Holds.PERCENT_WORD,),
            ),
            (
                "twice",
                rf"\b(?P<times>{'|'.join(_TIMES)}|(?<!\ba )(?<!\bthe )(?:{'|'.join(_TIMES_BEFORE)})"
                rf"(?=\s+(?:{_TIMES_MEASURED})\b|{_TIMES_VERB_AFTER})|once(?={_FREQUENCY}))\b",
                (_Holds.TIMES,),
            ),
            (
                "dozen",
                r"\b(?:(?P<half>half\s+)?a|one|(?P<n>two|three|four|five))\s+dozen\b",
                (_Holds.DOZEN,),
            ),
            (
                # "nine in ten", "1 in 4": a share, like "90%"
                "ratio",
                r"\b(?P<a>one|two|three|four|five|six|seven|eight|nine|\d{1,3})\s+(?:in|out of)\s+"
                rf"(?P<b>{'|'.join(_RATIO_WHOLES)}|\d{{1,4}})\b",
                (_Holds.RATIO,),
            ),
            (
                "fraction",
                r"\b(?:(?P<n>a|one|two|three|four|nine)[\s-]+(?P<f>halves|half|thirds?|quarters?"
                r"|fifths?|tenths?)|(?P<half>half))\b",
                (_Holds.FRACTION,),
            ),
            (
                "ordinal",
                r"(?<![\w.,])(?P<od>\d+)(?:st|nd|rd|th)\b|\b(?P<ow>" + "|".join(_ORDINALS) + r")\b",
                # An ordinal word; or a digit and "st", "nd", "rd" or "th"
                (_Holds.ORDINAL | _Holds.DIGIT, _Holds.ORDINAL | _Holds.ORDINAL_SUFFIX),
            ),
            (
                "vague",
                # "thousands" is an amount wherever it stands; "scores" only before "of".
                # Not after a figure: French "12 millions d'euros" is the figure's scale.
                r"\b(?:(?<![\d]\s)(?P<v>dozens|hundreds|thousands|millions|billions)"
                r"|(?P<v2>scores|tens|dozen)(?=\s+of\b))\b",
                (_Holds.VAGUE,),
            ),
            (
                "year",
                # Before a comma only after a word that dates ("built in 1968, it ...",
                # "Since 1968,"): "The hall seats 1900, and" is a count.
                r"(?<![\w.,$£€-])(?P<y>(?:1[89]|20)\d\d)(?:s\b|(?![\w,]|\.\d)"
                rf"|{_DATING_BEFORE_YEAR}(?=,\D))",
                (_Holds.DIGIT,),
            ),
            (
                "weekday",
                r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
                (_Holds.WEEKDAY,),
            ),
            ("qty", rf"(?P<q>{first})", (_Holds.DIGIT | _Holds.NUMBER_WORD,)),
        )
    )


#: Patterns made only of words, which may start a sentence with a capital.
_ANY_CASE = frozenset(
    {"scaled", "mixed", "twice", "dozen", "ratio", "fraction", "ordinal", "vague", "dmy_eu"}
)
_BIG_SCALES = frozenset(["thousand", "million", "billion", "trillion"])
#: The parts "scaled" ("half a million", "two thirds of a billion") and "mixed" ("four and a
#: half", "an hour and a quarter") are written with (their gates: not "a fifth").
_SCALED_PARTS = _wordset("half halves third thirds quarter quarters")
_MIXED_PARTS = _wordset("half quarter")
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
#: The units a part of one is written of ("half a percentage point", "half an hour").
_PART_UNITS = frozenset(["point", "cent", "percent", *_PART_SPANS, *_PART_MEASURES])
#: What such a part holds, one of these (the pattern is long to compile: it is compiled only
#: for a sentence that can hold one).
_PART_HINTS = (
    *("half a", "of a", "half-a", "half point", "quarter point", "half-point"),
    *("quarter-point", "half percentage", "quarter percentage"),
)
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
#: The same said of a size, before what it is measured against ("nearly double the
#: estimate", "more than triple its budget"), not "a double murder".
_TIMES_BEFORE = {"double": 2.0, "triple": 3.0, "treble": 3.0, "quadruple": 4.0}
_TIMES_MEASURED = r"the|that|its|their|his|her|what|this|those|these|last|previous|a"
#: What follows such a word said as a verb, with nothing measured against ("costs could
#: more than double.", "double by 2030", "double in size"): the clause ends, or a preposition
#: says when, how or to what. (After "a" or "the" it is a noun: "hit a double."; before "as"
#: a verb of its own: "the hall will double as a shelter".)
_TIMES_VERB_AFTER = (
    r"\s*(?:[.,;:!?)]|$)|\s+(?:by|in|over|within|to|from|again|next|after|before|if|unless"
    r"|when|since|until|or|and)\b"
)
#: What makes "once" a count of times: a period it is done in ("once a day", "once
#: weekly"); elsewhere it tells when ("once the vote is held") or of the past.
_FREQUENCY = (
    r"\s+(?:a|an|per|every)\s+(?:day|week|fortnight|month|year|season|hour|minute)\b"
    r"|\s+(?:daily|weekly|monthly|yearly|annually|nightly)\b"
)
_ALL_TIMES = {**_TIMES, **_TIMES_BEFORE, "once": 1.0}
_TIMES_TOKENS = frozenset(_ALL_TIMES)
#: Words that are, or start, a spelled-out number.
_NUMBER_WORD_TOKENS = frozenset([*_UNITS, *_TENS, *_SCALES])
_WITH_WORDS = _patterns("words")
_DIGITS_ONLY = _patterns("digits")
_AT_A_LETTER = _patterns("letter")
_PLAIN = _patterns("plain")


#: Compiled number patterns by index, each form filled in when first needed (a list index is
#: cheaper than a cached call, and there are thousands of lookups in a comparison).
_Forms = list[re.Pattern[str] | None]
_WORD_FORMS: _Forms = [None] * len(_WITH_WORDS)
_DIGIT_FORMS: _Forms = [None] * len(_DIGITS_ONLY)
_LETTER_FORMS: _Forms = [None] * len(_AT_A_LETTER)
_PLAIN_FORMS: _Forms = [None] * len(_PLAIN)
_SOURCES = {id(_WORD_FORMS): _WITH_WORDS, id(_DIGIT_FORMS): _DIGITS_ONLY}
_SOURCES[id(_LETTER_FORMS)] = _AT_A_LETTER
_SOURCES[id(_PLAIN_FORMS)] = _PLAIN


def _compiled(index: int, forms: _Forms) -> re.Pattern[str]:
    """Number pattern ``index`` in one of its forms (``_WORD_FORMS``, ``_DIGIT_FORMS``,
    ``_LETTER_FORMS`` or ``_PLAIN_FORMS``), compiled into that list."""
    compiled = forms[index]
    if compiled is None:
        name, pattern, _ = _SOURCES[id(forms)][index]
        compiled = forms[index] = regex_cache.compile(
            pattern, re.IGNORECASE if name in _ANY_CASE else 0
        )
    return compiled


def _form_at(kind: str, ascii_text: bool, plain: bool) -> _Forms:
    """The form of the number patterns to try at a start of ``kind`` (see _number_starts):
    with spelled-out numbers at a word (at a currency sign, only where a spelled-out amount
    can follow it: figures._numbers asks _amount_follows there); else digits only,
    ``plain`` for a text that can hold no figure grouped by spaces nor continental scale
    (see _plain_text). At a word of an ASCII text (a letter: in other text, lower-casing
    can shift positions) the letter form matches the same, with less to compile (see
    _patterns)."""
    if kind == "w":
        return _LETTER_FORMS if ascii_text else _WORD_FORMS
    return _PLAIN_FORMS if plain else _DIGIT_FORMS


#: Digits mapped to "0", to find a digit, a space and a digit with one test.
_DIGIT_TO_ZERO = bytes.maketrans(b"123456789", b"000000000")


def _plain_text(text: str, tokens: frozenset[str]) -> bool:
    """Whether the plain form of the number patterns matches in ``text`` (``tokens``: its
    words) as their digit form does: it is ASCII (where only a continental scale's ASCII
    spelling can match, and lower-casing keeps positions), with no digit, space and digit
    (no figure grouped by spaces) nor word that opens a continental scale ("mio", "mln")."""
    return (
        text.isascii()
        and b"0 0" not in text.encode().translate(_DIGIT_TO_ZERO)
        and tokens.isdisjoint(_EU_SCALE_WORDS)
    )


#: The words a spelled-out amount opens with (``_WORDNUM``), but "a" ("a million").
_AMOUNT_OPENERS = (*_UNITS, *_TENS)
#: The same, and "a" ("a million").
_AMOUNT_OR_A = (*_AMOUNT_OPENERS, "a")
#: How the words _spelled_amounts reads open: their first three letters ("a" whole).
_AMOUNT_HEADS = frozenset(word[:3] for word in (*_AMOUNT_OR_A, *_CURRENCY_CODE_TOKENS))
_AMOUNT_AFTER_A = ("hundred", "thousand", "million", "billion")
#: How far after the start of "money" its amount can open: its longest sign ("AUS$", or a
#: code and a space), then a space.
_SIGN_REACH = 5


def _spelled_amounts(lower: str) -> list[int]:
    """Where a spelled-out amount can open in an ASCII text, lower-cased ("five", "twenty",
    "a million"), in order. At a currency sign with none after it, the word forms of
    "range" and "money" match as their digit forms do (their words are an alternative tried
    after the figures, and never match), so the word forms need not be compiled (~8 ms):
    most sentences with a sign and a number word have it elsewhere ("$5m, up from four").
    "Money" reads an amount right after its sign, even inside a word ("$fivefold",
    "USDfive"): a word that opens with a number word counts, and one that opens with a
    currency code and then one."""
    if not lower.isascii():  # (never asked: _numbers asks only for ASCII text)
        return [
            run.start() + skip
            for run in _SCAN_TOKEN().finditer(lower)
            for skip in _opens_amount(lower, run.group(), run.end())
        ]
    # Each word read once where it stands, and only one that opens as such a word can (a
    # scan of every word cost ~225,000 instructions a sentence).
    found: list[int] = []
    for word in _token_set(lower):
        if word[:3] in _AMOUNT_HEADS:
            for start in _whole_word(lower, word):
                found.extend(start + skip for skip in _opens_amount(lower, word, start + len(word)))
    found.sort()
    return found


def _opens_amount(lower: str, word: str, end: int) -> list[int]:
    """Where a spelled-out amount opens in ``word`` (ending at ``end`` of ``lower``): at its
    start, or after a currency code that opens it (see _spelled_amounts)."""
    return [
        skip
        for skip in ((0, 3) if word[:3] in _CURRENCY_CODE_TOKENS else (0,))
        if word.startswith(_AMOUNT_OPENERS, skip)
        or (word[skip:] == "a" and _spaces_then(lower, end, _AMOUNT_AFTER_A))
    ]


def _amount_follows(amounts: list[int] | None, name: str, position: int) -> bool:
    """Whether a spelled-out amount can be read by pattern ``name`` ("range" or "money")
    started at ``position`` (``amounts``: see _spelled_amounts; ``None``: anywhere): a
    range's second amount can be anywhere after it, money's amount only after its sign."""
    if amounts is None:
        return True
    if name == "range":
        return bool(amounts) and amounts[-1] >= position
    if name == "money":
        return any(position <= at <= position + _SIGN_REACH for at in amounts)
    return True


def _spaces_then(lower: str, at: int, words: tuple[str, ...]) -> bool:
    """Whether one space or more stand at ``at``, then one of ``words``."""
    end = at
    while end < len(lower) and lower[end].isspace():
        end += 1
    return end > at and lower.startswith(words, end)


#: The words a range's first amount can be written with, its currency, scale and percent
#: sign included ("twenty to thirty", "USD 5 million to", "$5m-", "six per cent to").
_RANGE_OPENING = (
    _NUMBER_WORD_TOKENS
    | _CURRENCY_CODE_TOKENS
    | _wordset("a per cent percent pc percentage basis point points bp bps m mn bn k tn us c nz hk")
    | _EU_SCALE_WORDS
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


def _range_at(text: str, lower: str, position: int, kind: str) -> bool:
    """Whether "range" can match at ``position`` (see _POSITION_TESTS); at a word, only an
    amount or a sign opens one ("five to", "USD 5-", not "million and $5m")."""
    # (The words first: most word starts are months, weekdays, ordinals, and fail there.)
    return (
        kind != "w"
        or lower.startswith(_AMOUNT_OR_A, position)  # "five to", "a million to"
        or text.startswith(_LETTER_SIGNS, position)
    ) and _may_open_range(lower, position)


def _ratio_at(text: str, lower: str, position: int, kind: str) -> bool:
    """Whether "ratio" can match at ``position``: a word or figure, then "in" or "out of",
    then a figure or a number word ("nine in ten", "1 out of 4")."""
    end = _after_word(lower, position)
    if lower.startswith("in", end):
        end += 2
    elif lower.startswith("out", end):
        end = _after_word(lower, _after_word(lower, end))  # "out of"
    else:
        return False
    end = _spaces(lower, end)
    return lower[end : end + 1].isdigit() or lower.startswith(_RATIO_WHOLES, end)


def _mixed_at(text: str, lower: str, position: int, kind: str) -> bool:
    """Whether "mixed" can match at ``position``: a word or figure (or "a", "an" and the
    word after), then "and" ("four and a half", "an hour and a quarter")."""
    end = position
    for _ in range(2):
        word_end = _word_end(lower, end)
        word, end = lower[end:word_end], _spaces(lower, word_end)
        if word not in ("a", "an"):
            break
    return lower.startswith("and", end)


def _scaled_at(text: str, lower: str, position: int, kind: str) -> bool:
    """Whether "scaled" can match at ``position``: a part ("half", "two thirds") within its
    first five words, then "of", "a" or nothing, then a scale ("half a million")."""
    words = [run.group() for run in islice(_SCAN_TOKEN().finditer(lower, position), 8)]
    return any(
        word in _SCALED_PARTS and not _BIG_SCALES.isdisjoint(words[i + 1 : i + 4])
        for i, word in enumerate(words[:5])
    )


def _word_end(lower: str, position: int) -> int:
    """Where the word or figure at ``position`` ends."""
    while position < len(lower) and lower[position].isalnum():
        position += 1
    return position


def _after_word(lower: str, position: int) -> int:
    """Where the spaces after the word or figure at ``position`` end."""
    return _spaces(lower, _word_end(lower, position))


def _spaces(lower: str, position: int) -> int:
    """Where the spaces at ``position`` end."""
    while position < len(lower) and lower[position].isspace():
        position += 1
    return position


#: What the years of "iso" and "my" open with.
_YEAR_OPENERS = ("19", "20")


def _iso_date_at(text: str, lower: str, position: int, kind: str) -> bool:
    """Whether "iso" can match at ``position``: a year, then "-" ("2026-05-24")."""
    return lower.startswith(_YEAR_OPENERS, position) and lower[position + 4 : position + 5] == "-"


def _day_month_at(text: str, lower: str, position: int, kind: str) -> bool:
    """Whether "dmy" can match at ``position``: a day ("3", "3rd"), maybe "of", then a
    month's name, with its capital ("3 March", "3rd of Sept")."""
    end = _after_word(lower, position)
    if lower.startswith("of", end):
        end = _after_word(lower, end)
    return text[end : end + 1] in _MONTH_INITIALS


def _month_year_at(text: str, lower: str, position: int, kind: str) -> bool:
    """Whether "my" can match at ``position``: a month's name, then a year ("March 2026")."""
    return lower.startswith(_YEAR_OPENERS, _after_word(lower, position))


#: What the names of ``_MONTH`` open with.
_MONTH_INITIALS = frozenset("JFMASOND")
#: The month names of "dmy_eu" that an ASCII text can hold.
_EU_MONTH_WORDS = frozenset(name for name in _EU_MONTHS if name.isascii())


def _eu_date_at(text: str, lower: str, position: int, kind: str) -> bool:
    """Whether "dmy_eu" can match at ``position``: a figure, maybe a point, spaces, then a
    month's name, maybe after "de" ("3 mars", "3. Mai", "3 de marzo")."""
    end = position
    while end < len(lower) and lower[end].isdigit():
        end += 1
    if lower.startswith(("er", "º", "°", "o"), end):  # "1er mai", "1º de mayo" ("1o")
        end += 2 if lower.startswith("er", end) else 1
    if lower.startswith(".", end):
        end += 1
    if not lower[end : end + 1].isspace():
        return False
    runs = _SCAN_TOKEN().finditer(lower, end)
    first = next(runs, None)
    if first is not None and first.group() == "de":
        first = next(runs, None)  # (no month is "de")
    return first is not None and first.group() in _EU_MONTH_WORDS


#: Every word of a spelled-out amount (``_WORD_QTY``).
_AMOUNT_WORDS = frozenset([*_UNITS, *_TENS, *_SCALES, "and", "a"])
#: How the words of ``_PERCENT`` open ("per cent", "pc", "points", "basis points", "bps",
#: "prozent", "pour cent", "por ciento", "procent", "proc.").
_PERCENT_OPENERS = ("pc", "per", "basis", "point", "bp", "prozent", "pour", "por", "proc")


def _percent_at(text: str, lower: str, position: int, kind: str) -> bool:
    """Whether "percent" can match at a word (``position``): a spelled-out amount, then "%"
    or a word that opens a percentage ("five per cent", "two percentage points")."""
    if not lower.startswith(_AMOUNT_OR_A, position):
        return False
    previous = position
    for run in _SCAN_TOKEN().finditer(lower, position):
        if "%" in lower[previous : run.start()]:
            return True
        word = run.group()
        if word not in _AMOUNT_WORDS:  # the first word after the amount
            return word.startswith(_PERCENT_OPENERS)
        previous = run.end()
    return "%" in lower[previous:]


#: Cheap tests of whether a number pattern can match at a start of an ASCII text, lower-cased
#: (``lower``; ``kind``: see _number_starts), for patterns long to compile or tried at many
#: starts where they never match, each with the start kinds it tests (the others pass): each
#: test holds wherever its pattern matches, and spares most sentences the pattern.
_POSITION_TESTS: dict[str, tuple[Callable[[str, str, int, str], bool], str]] = {
    "iso": (_iso_date_at, "d"),
    "dmy": (_day_month_at, "d"),
    "my": (_month_year_at, "w"),
    "range": (_range_at, "dcw"),
    "ratio": (_ratio_at, "dw"),
    "mixed": (_mixed_at, "dw"),
    "scaled": (_scaled_at, "dw"),
    "dmy_eu": (_eu_date_at, "d"),
    "percent": (_percent_at, "w"),
}


#: The patterns whose position test only spares compiling them: once compiled (as in the
#: facets worker, which compiles them while it waits), their match fails sooner than the
#: test does, which then goes (measured on the 2,000-paragraph pair of benchmarks/speed.py:
#: 217.5M -> 212.6M instructions to read its 1,282 one-sided sentences' figures; the other
#: tests still pay: "range" costs 3M more without its own).
_SPARES_COMPILING = frozenset(["ratio", "scaled", "my"])


#: What each number pattern can start with: a digit, a currency sign or a word.
_STARTS_WITH = {
    "scaled": "dw",
    "mixed": "dw",
    "part": "w",
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
#: A range between digits ("10-12", "5% to 7%", "$10 to $12m").
#: A figure, maybe a scale or percent word or two ("m", "per cent", "mln", "Mio."), a
#: joiner, then a figure: where a range of figures can be.
_RANGE_HINT = lazy_pattern(r"\d\s*(?:%|[a-z.]+(?:\s[a-z]+)?)?\s*(?:-|to|and)\s*[$£€¥₹]?\d")
_RANGE_WORDS = frozenset(["to", "and", "between"])

#: The bit of each word a gate reads (see _Holds).
_WORD_FEATURES: dict[str, int] = {}
for _bit, _words in (
    (_Holds.MONTH, _MONTH_TOKENS),
    (_Holds.EU_MONTH, _EU_MONTH_STEMS),
    (_Holds.NAMED_TIME, _NAMED_TIMES),
    (_Holds.TIME_WORD, _TIME_TOKENS),
    (_Holds.SCALED_PART, _SCALED_PARTS),
    (_Holds.BIG_SCALE, _BIG_SCALES),
    (_Holds.AND, frozenset(["and"])),
    (_Holds.MIXED_PART, _MIXED_PARTS),
    (_Holds.FRACTION, _FRACTION_TOKENS),
    (_Holds.PART_UNIT, _PART_UNITS),
    (_Holds.NUMBER_WORD, _NUMBER_WORD_TOKENS),
    (_Holds.RANGE_WORD, _RANGE_WORDS),
    (_Holds.MONEY_WORD, _MONEY_TOKENS),
    (_Holds.CURRENCY_WORD, frozenset(_CURRENCY_WORDS)),
    (_Holds.PERCENT_WORD, _PERCENT_TOKENS),
    (_Holds.TIMES, _TIMES_TOKENS),
    (_Holds.DOZEN, frozenset(["dozen"])),
    (_Holds.RATIO, _RATIO_WORDS),
    (_Holds.ORDINAL, _ORDINAL_TOKENS),
    (_Holds.ORDINAL_SUFFIX, _ORDINAL_SUFFIXES),
    (_Holds.VAGUE, _VAGUE_TOKENS),
    (_Holds.WEEKDAY, _WEEKDAY_TOKENS),
):
    for _word in _words:
        _WORD_FEATURES[_word] = _WORD_FEATURES.get(_word, 0) | _bit
_FEATURE_WORDS = frozenset(_WORD_FEATURES)


def _features(
    lower: str,
    tokens: frozenset[str],
    starts: list[tuple[int, str]],
    digits: bool,
    signs: bool,
    ascii_text: bool,
) -> int:
    """What a sentence holds that the gates read, as bits (see _Holds): ``lower``, the
    sentence lower-cased; ``tokens``, its words; ``starts``, where a number can start in it
    (see _number_starts); ``digits``, ``signs`` and ``ascii_text``, whether it holds a
    digit, a currency sign and only ASCII. A bit no gate can read with the others is left
    out, so that fewer sets of bits stand for the same patterns."""
    found = _Holds.DIGIT if digits else 0
    if signs:
        found |= _Holds.SIGN
    if ascii_text:
        found |= _Holds.ASCII
    for word in tokens & _FEATURE_WORDS:
        found |= _WORD_FEATURES[word]
    if "%" in lower:
        found |= _Holds.PERCENT_SIGN
    if digits:
        if "-" in lower:
            found |= _Holds.DASH
        if ":" in lower:
            found |= _Holds.COLON
        if "a.m" in lower or "p.m" in lower:
            found |= _Holds.AM_PM
        words_range = _Holds.NUMBER_WORD | _Holds.RANGE_WORD
        if (
            found & words_range != words_range
            and (not ascii_text or _may_hint_range(lower, starts))
            and _RANGE_HINT().search(lower)
        ):
            found |= _Holds.RANGE_HINT
    part = _Holds.FRACTION | _Holds.PART_UNIT
    if found & part == part and any(hint in lower for hint in _PART_HINTS):
        found |= _Holds.PART_HINT
    return found


#: What stands before the second figure of _RANGE_HINT, but spaces and a sign.
_RANGE_JOINERS = ("-", "to", "and")


def _may_hint_range(lower: str, starts: list[tuple[int, str]]) -> bool:
    """Whether _RANGE_HINT can match an ASCII text, lower-cased (a search costs ~20,000
    instructions, this a tenth of it): its second figure is a start at a digit (see
    _number_starts: "-", "o", "d", a space or "$" before it), with "-", "to" or "and"
    before it, then maybe spaces and a "$"."""
    for position, kind in starts:
        if kind == "d" and position:
            at = position - (lower[position - 1] == "$")
            while at and lower[at - 1].isspace():
                at -= 1
            if lower.endswith(_RANGE_JOINERS, 0, at):
                return True
    return False


class _Candidate(NamedTuple):
    """A number pattern that can match a sentence, and how it is tried there."""

    slot: int
    """Its index in the lists of forms."""
    name: str
    starts_with: str
    """The start kinds it can start at (see _STARTS_WITH)."""
    by_sign: bool
    """Whether it opens only at a sign ("money" in a sentence with no currency word)."""
    test: Callable[[str, str, int, str], bool]
    """Its position test (see _POSITION_TESTS), for ASCII text."""
    tested: str
    """The start kinds the test applies to (none: it has none here)."""


def _any_position(text: str, lower: str, position: int, kind: str) -> bool:
    """The position test of a pattern that has none (never called: it tests no kind)."""
    return True


#: The start kinds a sentence can hold (see _number_starts).
_KINDS = [frozenset(kinds) for kinds in ("", "d", "c", "w", "dc", "dw", "cw", "dcw")]
#: For each set of start kinds, the patterns that can start at one of them, in priority
#: order, with their gates.
_STARTING = {
    kinds: [
        (index, gate)
        for index, (name, _, gate) in enumerate(_WITH_WORDS)
        if not kinds.isdisjoint(_STARTS_WITH[name])
    ]
    for kinds in _KINDS
}
#: Each pattern as a candidate, in ASCII text or not, opening only at a sign or not.
_CANDIDATE = {
    (index, ascii_text, by_sign): _Candidate(
        index,
        name,
        _STARTS_WITH[name],
        name == "money" and by_sign,
        *(_POSITION_TESTS[name] if ascii_text and name in _POSITION_TESTS else (_any_position, "")),
    )
    for index, (name, _, _) in enumerate(_WITH_WORDS)
    for ascii_text in (False, True)
    for by_sign in (False, True)
}
#: For each set of start kinds, the bits the gates of those patterns read, and those that
#: say how they are tried (see _Candidate): the others are dropped before the candidates
#: are looked up, so that fewer sets of bits stand for the same candidates.
_READ_AT = {
    kinds: _Holds.ASCII
    | _Holds.CURRENCY_WORD
    | functools.reduce(operator.or_, (mask for _, gate in starting for mask in gate), 0)
    for kinds, starting in _STARTING.items()
}
#: The candidates for each set of start kinds and bits met (see _candidates).
_GATED: dict[tuple[frozenset[str], int], tuple[_Candidate, ...]] = {}
#: How many sets of start kinds and bits are kept (a comparison meets a few hundred).
_GATED_KEPT = 4096


def _candidates(kinds: frozenset[str], features: int) -> tuple[_Candidate, ...]:
    """The number patterns, in priority order, that can start at a start of one of ``kinds``
    (see _number_starts) in a sentence that holds ``features`` (see _features)."""
    features &= _READ_AT[kinds]
    found = _GATED.get((kinds, features))
    if found is None:
        if len(_GATED) >= _GATED_KEPT:
            _GATED.clear()
        ascii_text = bool(features & _Holds.ASCII)
        by_sign = not features & _Holds.CURRENCY_WORD
        passed = []
        for index, gate in _STARTING[kinds]:
            for mask in gate:  # (a loop: all() and a generator cost more than the gates)
                if not features & mask:
                    break
            else:
                passed.append(_CANDIDATE[index, ascii_text, by_sign])
        found = _GATED[kinds, features] = tuple(passed)
    return found


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
