"""Reading the figures of one sentence: ``Number``, ``_numbers`` (the patterns of
``figure_patterns`` tried where a number can start, each match parsed into a kind, value and
key), the words a figure counts, the bound before it ("more than"), and ``same_number``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from compare.datelines import may_open_dateline, opening_dateline
from compare.facets import abroad
from compare.facets.base import _singular, _token_set, _whole_word, _wordset
from compare.facets.figure_patterns import (
    _AFTER_A,
    _ALL_TIMES,
    _CURRENCY_SIGNS,
    _CURRENCY_WORDS,
    _EU_MONTHS,
    _EU_SCALE_WORDS,
    _EU_SCALES,
    _FEATURE_WORDS,
    _FRACTION_WORDS,
    _LETTER_SIGNS,
    _MONTHS,
    _NUMBER_WORD_TOKENS,
    _ORDINALS,
    _SCALES,
    _SHORT_SCALES,
    _SPARES_COMPILING,
    _START_WORDS,
    _TENS,
    _UNITS,
    _WORD_FORMS,
    _amount_follows,
    _candidates,
    _compiled,
    _features,
    _form_at,
    _Holds,
    _plain_text,
    _spelled_amounts,
)
from compare.model import made
from compare.text import CJK, has_cjk, lazy_pattern

#: The start kinds of a sentence whose numbers all start at a word.
_WORDS_ONLY = frozenset("w")

NumberKind = Literal[
    "count", "money", "percent", "range", "ordinal", "fraction", "vague", "date", "time", "year"
]


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
        if self.kind == "range" and not self.lead and " and " in self.text:
            # "between 20 and 30 people": without its "between" the range reads as two counts
            # ("5-10 people" reads as a range alone).
            between = _BETWEEN().search(self.sentence, 0, self.span[0])
            if between is not None:
                return f"{self.sentence[between.start() : self.span[0]]}{base}"
        return f"{self.lead} {base}" if self.lead else base

    def _counted(self) -> str:
        if self.kind not in ("count", "range", "vague") or self.unit or _span_unit(self.text):
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
        if not _plural(noun.lower()) and not _adjective(noun.lower()):
            # A noun before the one counted: "two bus routes", "three flood warnings".
            compound = _HEAD_NOUN().match(self.sentence, noun_end)
            if compound is not None and _plural(compound.group(1)):
                noun_end = compound.end()
        elif _adjective(noun.lower()):
            # "40 wooden homes" counts homes, not "40 wooden": the phrase goes on to them,
            # past one more adjective ("40 old wooden homes").
            at = noun_end
            for _ in range(2):
                head = _HEAD_NOUN().match(self.sentence, at)
                if head is None:
                    break
                if _plural(head.group(1)):
                    noun_end = head.end()
                    break
                if not _adjective(head.group(1)):
                    # Here too: "three severe flood warnings".
                    compound = _HEAD_NOUN().match(self.sentence, head.end())
                    if compound is not None and _plural(compound.group(1)):
                        noun_end = compound.end()
                    break
                at = head.end()
        # "70 km/h", "70 km an hour", not "70 km" ("40 homes a day" counts homes)
        return self.sentence[start : _per_unit_end(self.sentence, noun_end, noun)].strip()


def _number(
    text: str,
    kind: NumberKind,
    value: float | None,
    key: str,
    unit: str,
    span: tuple[int, int],
    bound: str,
    lead: str,
    sentence: str,
) -> Number:
    """``Number(text, kind, ...)``, the same object, through model.made: a frozen
    dataclass's ``__init__`` sets each field through ``object.__setattr__`` (~13,000
    instructions a number, a sixth of reading one)."""
    return made(
        Number,
        {
            "text": text,
            "kind": kind,
            "value": value,
            "key": key,
            "unit": unit,
            "span": span,
            "bound": bound,
            "lead": lead,
            "sentence": sentence,
        },
    )


def _per_unit_end(sentence: str, end: int, noun: str) -> int:
    """Where what a figure counts, ``noun`` ending at ``end``, ends with the unit it is per
    ("mg/l"; a unit of measure written out: "km an hour")."""
    per = _PER_UNIT().match(sentence, end)
    if per is not None:
        return per.end()
    if noun.lower() not in _MEASURES:
        return end
    lower = sentence[end : end + 12].lower()
    for words in _PER_WORDS:
        if lower.startswith(words) and not lower[len(words) : len(words) + 1].isalpha():
            return end + len(words)
    return end


#: Endings of adjectives that may stand between a figure and what it counts ("40 wooden
#: homes", "12 coastal towns", "three public schools", "two woollen mills"), participles
#: among them ("Two armed officers", "12 striking workers").
_ADJECTIVE_ENDINGS = tuple(_wordset("al ic ous ful ive able ible less ish ary den len ern ed ing"))
#: Adjectives without such an ending.
_ADJECTIVES = _wordset(
    "old young large small big little huge tiny tall high low long short major minor main "
    "senior junior elderly severe serious heavy new fresh further separate"
)


def _adjective(word: str) -> bool:
    return word in _ADJECTIVES or word.endswith(_ADJECTIVE_ENDINGS)


#: The word after such an adjective.
_HEAD_NOUN = lazy_pattern(r"\s+([a-z][a-z-]*)\b(?!')")
#: Plurals that end in no "s".
_PLURALS = _wordset("people children men women police staff cattle sheep fish deer")


def _plural(word: str) -> bool:
    """Whether ``word`` looks like a plural noun: what a figure above one counts."""
    if word in _PLURALS:
        return True
    return (
        word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in _CONTEXT_SKIP
    )


#: The rest of a unit written per another ("km/h", "mg/l").
_PER_UNIT = lazy_pattern(r"/[A-Za-z]+\b")
#: The same written out ("km an hour", "miles per hour").
_PER_WORDS = tuple(
    f" {per} {unit}"
    for per in ("per", "an", "a")
    for unit in ("hour", "minute", "second", "day", "week", "year")
)
# Latin letters with their accents: "112 kilómetros" counts kilómetros, not "kil".
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_CONTEXT_WORD = lazy_pattern(rf"[{_LATIN}][{_LATIN}'-]*")
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


#: Words after which "first", "third" rank something ("the third day", "its fifth win",
#: "finished second", "was ranked fourth").
_ORDINAL_BEFORE = lazy_pattern(
    r"(?:\b(?:the|a|an|its|his|her|their|our|my|your|this|that|every"
    r"|finish(?:ed|es|ing)?|came|comes|coming|placed|ranked|ranks|ranking|seeded)|'s|s')\s+$",
    re.I,
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


# (Cached: a story's figures recur, in each version of a sentence and across sentences; 37
# quantities make the 628 that the 2,000-paragraph pair of benchmarks/speed.py reads.)
@lru_cache(maxsize=4096)
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
        # Each end with its own sign ("fell by $3bn to $41bn") is a rise and a level as a
        # bare pair is; "rose by 2 to 3 per cent" names its unit once, a range.
        signed = bool(g["cur"] and g["cur2"]) or bool(g["pa"] and g["pb"])
        if "to" in joiner and (bare or signed) and _MOVED_BY().search(m.string[: m.start()]):
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
    if name == "part":
        part, *rest = g["part"].lower().replace("-", " ").split()
        numerator, denominator = 1, 2
        if rest:
            numerator = 1 if part == "a" else _UNITS[part]
            denominator = _FRACTION_WORDS[rest[-1]]
        share = numerator / denominator
        unit = g["unit"]
        if unit[0] == "p":  # "percentage point", "per cent", "point"
            unit = _percent_unit(unit)
            return "percent", share, f"{_fmt(share)}{unit}", unit
        # The unit is kept: "half an hour" and "half a day" are not one value.
        unit = _MEASURES.get(unit, unit)
        return "count", share, f"{_fmt(share)}{unit}", unit
    if name == "mixed":
        whole_value = 1.0 if g["span"] else _quantity(g["whole"])
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
        times = _ALL_TIMES[g["times"].lower()]
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
    "fresh former earlier recent "
    # Where or what state the things counted are in: "40 nearby homes" counts homes.
    "nearby neighbouring neighboring surrounding local empty vacant abandoned flooded damaged "
    "rural remote"
)


#: A CJK character, or a comma with no space after it that is not between two digits: a
#: clause comma (，, a comma once normalised), not one of a Latin run's "Smith, 52, said"
#: or "June 3, 2024" (see _numbers).
_CJK_APART = lazy_pattern(rf"[{CJK}]|(?<!\d),(?! )|,(?![\d ])")


def _with_figures(
    numbers: tuple[Number, ...],
    text: str,
    found: Iterable[abroad.Figure],
    sentence: str,
) -> tuple[Number, ...]:
    """``numbers`` and the figures another language's words give (spans into ``text``), in
    the order they stand."""
    extra = tuple(
        Number(text[start:end], kind, value, key, "", (start, end), "", "", sentence)
        for start, end, kind, value, key in found
    )
    return tuple(sorted(numbers + extra, key=lambda number: number.span[0]))


@lru_cache(maxsize=8192)
def _numbers(text: str) -> tuple[Number, ...]:
    found = _read_numbers(text)
    if found and not text.isascii() and has_cjk(text):
        found = _with_cjk_units(found, text)
    if found and ("€" in text or "£" in text or "Euro" in text or "Franken" in text):
        found = _with_currency_after(found, text)
    # A wire's opening dateline ("LONDON, Nov. 24, 2026 (Reuters) -") says when the story
    # was filed, not what happened: a rewrite that drops it changes no date (as the names
    # facet reads no name in it).
    if found and may_open_dateline(text) and (dateline := opening_dateline(text)):
        return tuple(n for n in found if n.span[0] >= dateline.end())
    return found


def _read_numbers(text: str) -> tuple[Number, ...]:
    sentence = text  # what each number keeps, to read its context in
    if has_cjk(text):
        # Figures in Chinese or Japanese ("48亿元", "2026年") are read as if each CJK
        # character stood apart as a word does: a bar in its place (not a space, or
        # "12年300人" would read as 12 300), the same length, so spans stay right in the
        # sentence. So does a comma with no space after it, not between two digits: ，(a
        # comma once normalised) has none, while a Latin run's commas keep theirs.
        text = _CJK_APART().sub("|", text)
    lower = text.lower()
    # Only the words some test below reads: each then looks through a few words, not all.
    tokens = _token_set(lower) & _READ_WORDS
    starts, kinds = _number_starts(text, lower, tokens)
    # Times told from now ("last week", "once a day") first: "once" is no count there.
    relative = _relative_times(text, sentence, lower, tokens) if _tells_relative(tokens) else ()
    if abroad.may_count(lower, tokens) and (language := abroad.language(lower)):
        # Weekdays and shares in another language ("am Montag", "un tiers des élèves").
        relative = _with_figures(relative, text, abroad.figures(text, language), sentence)
    if not sentence.isascii() and (script := abroad.script_figures(sentence)):
        # Weekdays and counts in Arabic or Chinese words ("يوم الاثنين", "六周"), read in the
        # sentence as written (Chinese characters are bars in ``text``).
        relative = _with_figures(relative, sentence, script, sentence)
    if not starts:
        return relative
    ascii_text = text.isascii()
    # (For ASCII text, deleting the digits says whether it holds one faster than a regex.)
    digits = "d" in kinds or (
        len(text.encode().translate(None, _ASCII_DIGITS)) != len(text)
        if ascii_text
        else _HAS_DIGIT().search(text) is not None
    )
    features = _features(lower, tokens, starts, digits, "c" in kinds, ascii_text)
    claimed = bytearray(len(text) + 1)
    found: list[tuple[int, Number]] = []
    for number in relative:
        start, end = number.span
        claimed[start:end] = b"\x01" * (end - start)
        found.append((start, number))
    # A sign takes the word form only if a spelled-out amount can follow it (see
    # _amount_follows, below).
    signed_words = "c" in kinds and bool(features & _Holds.NUMBER_WORD)
    amounts = _spelled_amounts(lower) if signed_words and ascii_text else None
    plain = kinds != _WORDS_ONLY and _plain_text(text, tokens)
    # Each start with the form of the patterns to try there, worked out once (but at a sign:
    # see below).
    tried = [(p, kind, _form_at(kind, ascii_text, plain)) for p, kind in starts]
    for index, name, starts_with, by_sign, test, tested in _candidates(kinds, features):
        for position, kind, forms in tried:
            if kind not in starts_with or claimed[position]:
                continue
            if by_sign and kind != "c" and not text.startswith(_LETTER_SIGNS, position):
                # With no currency word, only a sign opens an amount of money (at a letter:
                # "USD 5"): the word form is not tried at every number word (nor compiled).
                continue
            if (
                kind in tested
                and (forms[index] is None or name not in _SPARES_COMPILING)
                and not test(text, lower, position, kind)
            ):
                # Most starts cannot open this pattern: a cheap test spares them its match,
                # and most sentences its compilation (see _POSITION_TESTS; and
                # _SPARES_COMPILING, the tests that spare only that).
                continue
            if kind == "c" and signed_words and _amount_follows(amounts, name, position):
                # ("range" and "money" at a sign: see _amount_follows)
                forms = _WORD_FORMS
            compiled = forms[index]
            if compiled is None:
                compiled = _compiled(index, forms)
            m = compiled.match(text, position)
            if m is None:
                continue
            start, end = m.span()
            if start == end or 1 in claimed[start:end]:
                continue
            if (
                name == "ratio"
                and start >= 2
                and text[start - 1] == "-"
                and text[start - 2].isdigit()
            ):
                continue  # "won 5-2 in 10 innings": a score's second side, no "2 in 10"
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
                # ("52%-48%": a result's dash after a figure's own sign)
                and (start == 1 or not (text[start - 2].isalnum() or text[start - 2] == "%"))
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
            lead = _bound_before(text, lower if ascii_text else "", start)
            # The words around it are read only when they are needed (see Number.context).
            number = _number(
                words, kind, value, key, unit, (start, end), _BOUNDS[lead.lower()], lead, sentence
            )
            found.append((start, number))
    found.sort(key=lambda item: item[0])
    return tuple([number for _, number in found])


#: What Chinese and Japanese write after a figure: the parts of a date ("2026年5月3日"), an
#: hour ("18时"), a scale ("4.8万", "2.3亿") and the unit or counter ("1200名", "300毫米",
#: "2.3亿元"), longest first.
_CJK_DATE_PARTS = {"年": "y", "月": "m", "日": "d", "号": "d", "號": "d"}
_CJK_HOURS = frozenset("时時点點")
_CJK_SCALES = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}
_CJK_UNITS = (
    *("平方公里", "平方米", "人民币", "毫米", "厘米", "公里", "公斤", "公顷", "美元", "港元"),
    *("日元", "欧元", "英镑", "小时", "分钟", "万元", "亿元"),
    *("カ所", "か所", "ヶ所", "箇所"),
    *"名人个個位辆輛座间間家所起次元円吨噸件台架艘户戶套份岁歲米度床棟階枚匹頭隻機校店社",
)


#: A currency written after its amount, as the papers of Europe write it ("1.200 €", "25 Mio.
#: Euro", "12 Franken"), and its code.
_CURRENCY_AFTER = lazy_pattern(r"\s?(?:(€)|(£)|(Euros?|Franken)\b)")
_CURRENCY_AFTER_CODES = ("EUR", "GBP")
#: A word or a figure after a currency's name ("2 Euro finals", "10 Euro 2028 venues").
_WORD_AFTER = lazy_pattern(r" [^\W_]")


def _with_currency_after(found: tuple[Number, ...], sentence: str) -> tuple[Number, ...]:
    """The counts of ``sentence`` that a currency follows read as amounts of money: "1.200 €"
    is euros as "€1,200" is, and a swap of currencies ("1.200 €" -> "1.200 $"... or "£") is
    a change."""
    out: list[Number] = []
    for number in found:
        after = (
            _CURRENCY_AFTER().match(sentence, number.span[1])
            if number.kind == "count" and number.value is not None
            else None
        )
        if after is None or (
            after.group(3)
            and _WORD_AFTER().match(sentence, after.end())
            and abroad.reads_english(sentence.lower())
        ):
            # English's capital "Euro" before a word is the tournament or the zone: "lost 2
            # Euro finals", "all 10 Euro 2028 venues", "the 20 Euro zone countries".
            out.append(number)
            continue
        if after.group(3):
            unit = "CHF" if after.group(3) == "Franken" else "EUR"
        else:
            unit = _CURRENCY_AFTER_CODES[0 if after.group(1) else 1]
        value = number.value or 0.0
        out.append(
            replace(
                number,
                text=sentence[number.span[0] : after.end()],
                kind="money",
                key=f"{unit}{_fmt(value)}",
                unit=unit,
                span=(number.span[0], after.end()),
            )
        )
    return tuple(out)


def _with_cjk_units(found: tuple[Number, ...], sentence: str) -> tuple[Number, ...]:
    """The figures of a Chinese or Japanese sentence with what is written after them, which
    the patterns read as a word apart (a bar, see ``_read_numbers``): a date's parts as one
    date ("5月6日", not the counts 5 and 6), an hour as a time, a scale multiplied in
    ("4.8万" is 48,000) and the unit or counter kept with the figure ("1200名")."""
    out: list[Number] = []
    index = 0
    while index < len(found):
        number = found[index]
        start, end = number.span
        mark = sentence[end : end + 1]
        if number.kind in ("count", "year") and number.value is not None and mark:
            if not number.text[-1:].isdigit():  # a figure in words ("两个") reads its own
                out.append(number)
                index += 1
                continue
            if mark in _CJK_DATE_PARTS and number.value == int(number.value):
                parts = [(_CJK_DATE_PARTS[mark], int(number.value))]
                last = end + 1
                while index + 1 < len(found):
                    after = found[index + 1]
                    part = sentence[after.span[1] : after.span[1] + 1]
                    if (
                        after.span[0] != last
                        or part not in _CJK_DATE_PARTS
                        or after.value is None
                        or _CJK_DATE_PARTS[part] in dict(parts)
                    ):
                        break
                    parts.append((_CJK_DATE_PARTS[part], int(after.value)))
                    last = after.span[1] + 1
                    index += 1
                if len(parts) > 1 or parts[0][0] != "y":  # a year alone stays a year
                    key = "-".join(f"{name}{value}" for name, value in parts)
                    out.append(
                        replace(
                            number,
                            text=sentence[start:last],
                            kind="date",
                            value=None,
                            key=key,
                            span=(start, last),
                        )
                    )
                    index += 1
                    continue
            elif mark in _CJK_HOURS and number.kind == "count" and number.value < 25:
                out.append(
                    replace(
                        number,
                        text=sentence[start : end + 1],
                        kind="time",
                        value=None,
                        key=f"{int(number.value):02d}:00",
                        span=(start, end + 1),
                    )
                )
                index += 1
                continue
            else:
                value, tail = number.value, end
                if mark in _CJK_SCALES:
                    value, tail = round(value * _CJK_SCALES[mark], 6), end + 1
                unit = next((u for u in _CJK_UNITS if sentence.startswith(u, tail)), "")
                if tail > end or unit:
                    tail += len(unit)
                    out.append(
                        replace(
                            number,
                            text=sentence[start:tail],
                            value=value,
                            key=_fmt(value),
                            span=(start, tail),
                        )
                    )
                    index += 1
                    continue
        out.append(number)
        index += 1
    return tuple(out)


#: Times told from now ("last week", "earlier this month", "next year") and the period a
#: thing is done in ("once a day", "twice weekly", "three times a week": the "a day"). They
#: are found from their words, each read where it stands (a pattern run along every
#: sentence with "this" and "day" in it cost more than all the rest of this reading).
#: The word that opens a time told from now, and the words that open a count of times.
_WHEN_LEADS = _wordset("this last next past")
_TIMES_WORDS = _wordset("once twice thrice times")
_RELATIVE_LEADS = _WHEN_LEADS | _TIMES_WORDS
_RELATIVE_SPANS = _wordset(
    "week weekend fortnight month year decade century day hour minute hourly daily nightly "
    "weekly monthly yearly annually night"
)
#: What may follow such an opening word: the unit of a time told from now, the words that
#: open a period ("once a day") and the period in one word ("twice daily").
_WHEN_UNITS = _wordset("week weekend fortnight month year decade century night")
#: Days told from today, each a time told from now of its own ("yesterday" -> "today").
_DAY_WORDS = _wordset("yesterday today tomorrow tonight")
#: What a capitalised day word names when it is no day ("the Today programme").
_TITLE_NOUNS = _wordset("programme program show newspaper")
_FIRST_LETTER = lazy_pattern(r"[^\W\d_]")
_EVERY_OPENERS = _wordset("a an per every each")
_EVERY_UNITS = _wordset("day week fortnight month year hour minute")
#: Words before "this", "last" or "next" that tell more of when ("earlier this month").
_WHEN_MODIFIERS = ("earlier ", "later ", "early ", "late ")
#: Counts before "times" ("three times a day").
_TIMES_COUNTS = _wordset("two three four five six seven eight nine ten")
#: How far back a count before "times" is looked for (the word before, and its space).
_TIMES_COUNT_REACH = 24
#: The same time written another way: "past week" is "last week", "twice daily" "twice a
#: day".
_RELATIVE_SAME = {"past": "last", "early": "earlier", "late": "later"}
_PER_ADVERB = {"hourly": "hour", "daily": "day", "nightly": "day", "weekly": "week"}
_PER_ADVERB |= {"monthly": "month", "yearly": "year", "annually": "year"}


def _word_after(lower: str, at: int) -> tuple[str, int]:
    """The word of letters after the spaces at ``at``, and where it ends ("" when none)."""
    start = at
    while start < len(lower) and lower[start] == " ":
        start += 1
    if start == at:
        return "", at
    end = start
    while end < len(lower) and lower[end].isalpha():
        end += 1
    if end < len(lower) and (lower[end].isalnum() or lower[end] == "-"):
        return "", at  # "this year-end": another word ("last week's" is the time)
    return lower[start:end], end


def _relative_times(
    text: str, sentence: str, lower: str, tokens: frozenset[str]
) -> tuple[Number, ...]:
    """The times told from now and the periods of frequencies in a sentence, as ``Number``
    mentions of kind date (when) or time (per what), their keys starting with "@"; ``lower``
    and ``tokens``: the text lower-cased and its words."""
    if len(lower) != len(text):
        return ()  # (lower-casing moved the letters: too rare to read)
    found: list[tuple[int, Number]] = []
    for word in tokens & _DAY_WORDS:
        for at in _whole_word(lower, word):
            end = at + len(word)
            if text[at].isupper() and (
                _FIRST_LETTER().search(text, 0, at) or _word_after(lower, end)[0] in _TITLE_NOUNS
            ):
                continue  # a name: "Radio 4's Today programme", "USA Today"
            key = f"@{word}"
            number = Number(text[at:end], "date", None, key, "", (at, end), "", "", sentence)
            found.append((at, number))
    for word in tokens & _WHEN_LEADS:
        for at in _whole_word(lower, word):
            unit, end = _word_after(lower, at + len(word))
            if unit not in _WHEN_UNITS:
                continue
            start, lead = at, _RELATIVE_SAME.get(word, word)
            # ("earlier this year than planned": "earlier ... than" compares, this year is
            # when)
            if not lower.startswith(" than", end):
                for modifier in _WHEN_MODIFIERS:
                    opens = at - len(modifier)
                    if lower.startswith(modifier, opens) and opens >= 0:
                        if opens == 0 or not lower[opens - 1].isalpha():
                            start = opens
                            lead = f"{_RELATIVE_SAME.get(modifier[:-1], modifier[:-1])} {lead}"
                        break
            key = f"@{lead} {unit}"
            number = Number(text[start:end], "date", None, key, "", (start, end), "", "", sentence)
            found.append((start, number))
    for word in tokens & _TIMES_WORDS:
        for at in _whole_word(lower, word):
            if word == "times":
                # The word before, from a window: splitting all that comes before each
                # "times" is quadratic. A lone word filling the window may be cut short.
                before = lower[max(0, at - _TIMES_COUNT_REACH) : at]
                count = before.split()[-1:]
                if at > _TIMES_COUNT_REACH and not before[:1].isspace() and len(before.split()) < 2:
                    continue
                if not count or not (count[0] in _TIMES_COUNTS or count[0].isdigit()):
                    continue
            # How often, apart from how many times ("once", "twice": counts of their own).
            opener, end = _word_after(lower, at + len(word))
            start = end - len(opener)
            if opener in _PER_ADVERB:
                per = _PER_ADVERB[opener]
            elif opener in _EVERY_OPENERS:
                per, end = _word_after(lower, end)
                if per not in _EVERY_UNITS:
                    continue
            else:
                continue
            key = f"@/{per}"
            number = Number(text[start:end], "time", None, key, "", (start, end), "", "", sentence)
            found.append((start, number))
    if not tokens.isdisjoint(_EVERY_LEADS) or not tokens.isdisjoint(_PER_ADVERB):
        found += _every(text, sentence, lower, tokens, {start for start, _ in found})
    found.sort(key=lambda item: item[0])
    return tuple(number for _, number in found)


#: What opens a period with no count of times before it ("every week", "each year").
_EVERY_LEADS = _wordset("every each")
#: How many units "every" spans ("every two hours", "every other day").
_EVERY_COUNTS = {
    word: str(n) for n, word in enumerate(["one", "two", "three", "four", "five", "six"], 1)
}
_EVERY_COUNTS["other"] = "2"


def _every(
    text: str, sentence: str, lower: str, tokens: frozenset[str], taken: set[int]
) -> list[tuple[int, Number]]:
    """How often, with no count of times: "every week", "every two hours", "hourly" alone
    ("runs twice daily" read its "daily" already: ``taken`` holds where such periods start)."""
    found: list[tuple[int, Number]] = []
    for word in tokens & _EVERY_LEADS:
        for at in _whole_word(lower, word):
            unit, end = _word_after(lower, at + len(word))
            if not unit and lower.startswith(" ", end):
                # "every 2 hours": a count in digits, as "every two hours" is in words
                digits = end + 1
                while digits < len(lower) and lower[digits].isdigit():
                    digits += 1
                unit, end = lower[end + 1 : digits], digits
            count = ""
            if unit in _EVERY_COUNTS or unit.isdigit():
                count = _EVERY_COUNTS.get(unit, unit)
                unit, end = _word_after(lower, end)
                unit = unit[:-1] if unit.endswith("s") else ""
            if unit not in _EVERY_UNITS:
                continue
            key = f"@/{count} {unit}" if count and count != "1" else f"@/{unit}"
            number = Number(text[at:end], "time", None, key, "", (at, end), "", "", sentence)
            found.append((at, number))
    for word in tokens & _PER_ADVERB.keys():
        for at in _whole_word(lower, word):
            if at not in taken:
                end = at + len(word)
                key = f"@/{_PER_ADVERB[word]}"
                number = Number(text[at:end], "time", None, key, "", (at, end), "", "", sentence)
                found.append((at, number))
    return found


#: The words whose change can change such a time ("last week" -> "last month").
_RELATIVE_TRIGGERS = _RELATIVE_LEADS | _RELATIVE_SPANS | _wordset("earlier later early late")
_RELATIVE_TRIGGERS |= _DAY_WORDS | _EVERY_LEADS


def _tells_relative(tokens: frozenset[str]) -> bool:
    """Whether a sentence's words can hold a time told from now."""
    if tokens.isdisjoint(_RELATIVE_WORDS):  # (most sentences: one test, not five)
        return False
    return (
        not (tokens.isdisjoint(_RELATIVE_LEADS) or tokens.isdisjoint(_RELATIVE_SPANS))
        or not tokens.isdisjoint(_DAY_WORDS)
        or not tokens.isdisjoint(_EVERY_LEADS)
        or not tokens.isdisjoint(_PER_ADVERB)
    )


#: Every word _tells_relative reads.
_RELATIVE_WORDS = (
    _RELATIVE_LEADS | _RELATIVE_SPANS | _DAY_WORDS | _EVERY_LEADS | frozenset(_PER_ADVERB)
)


def _relative_base(key: str) -> str:
    """A time told from now without "earlier" or "later" ("@this year")."""
    return key.replace("@earlier ", "@").replace("@later ", "@")


@lru_cache(maxsize=4096)
def _relative_keys(text: str) -> tuple[str, ...]:
    """The keys of the times told from now in a sentence, sorted (see ``_relative_times``);
    a tuple, as the cache hands the same value to every caller."""
    lower = text.lower()
    tokens = _token_set(lower)
    if not _tells_relative(tokens):
        return ()
    return tuple(sorted(n.key for n in _relative_times(text, text, lower, tokens)))


_HALF_TIME = lazy_pattern(r"[- ](?:time|term)\b", re.IGNORECASE)
#: The kinds of number a minus sign before the figure makes negative.
_SIGNED_KINDS = frozenset(["count", "percent", "money"])
_MINUS_WORD = lazy_pattern(r"(?<![\w-])minus $", re.IGNORECASE)
_DEGREE_STARTS = frozenset("CF°")
_DEGREES = lazy_pattern(r"°?[CF]\b")
#: A digit that does not continue a figure ("2" but not the "3" of "2.3"), or a currency sign.
#: It opens with a character set, which the search skips along, and looks back from there.
_DIGIT_OR_SIGN = lazy_pattern(r"[\d$£€¥₹](?<![\d.,]\d)")
#: Bytes of ASCII text mapped to "0" for a digit and a space for anything else.
_DIGIT_RUNS = bytes(48 if 48 <= code <= 57 else 32 for code in range(256))
_ASCII_DIGITS = b"0123456789"


def _number_starts(
    text: str, lower: str, tokens: frozenset[str]
) -> tuple[list[tuple[int, str]], frozenset[str]]:
    """Where a number can start, and with what: ``d`` a digit, ``c`` a currency sign (with a
    "US" or "A" prefix), ``w`` a number, month or weekday word, or "a" before "dozen",
    "third", "million"...; then the set of those kinds."""
    starts: dict[int, str] = {}
    if text.isascii():
        # The runs of digits, found in the text with each digit a "0" and all else a space
        # (str.find beats a regex scan, ~13,000 instructions a sentence, many times over):
        # the first digit of each starts a figure but after "." or "," ("2.5", "1,200").
        runs = text.encode().translate(_DIGIT_RUNS)
        position = runs.find(b"0")
        while position != -1:
            if not position or text[position - 1] not in ".,":
                starts[position] = "d"
            end = runs.find(b" ", position)
            position = -1 if end == -1 else runs.find(b"0", end)
        signs = []
        position = text.find("$")
        while position != -1:
            signs.append(position)
            position = text.find("$", position + 1)
    else:
        signs = []
        for m in _DIGIT_OR_SIGN().finditer(text):
            if m.group(0).isdigit():
                starts[m.start()] = "d"
            else:
                signs.append(m.start())
    for position in signs:
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
    if "half" in tokens:  # "an hour and a half" (the "mixed" pattern)
        for word in tokens & _HALF_SPANS:
            for article in ("a ", "an "):
                for position in _whole_word(lower, article + word):
                    starts.setdefault(position, "w")
    if not starts:  # (a third of the sentences)
        return [], _NO_KINDS
    return sorted(starts.items()), frozenset(starts.values())


_NO_KINDS: frozenset[str] = frozenset()


#: Lengths of time that "a" and "and a half" make a figure of ("a year and a half").
_HALF_SPANS = _wordset("minute hour day week month year decade")


def _lone_one(text: str, start: int, end: int) -> bool:
    """'one' as a pronoun ("no one", "one of the few") rather than a count."""
    before = text[max(0, start - 8) : start].lower()
    return before.endswith(("no ", "any", "some", "every", "each")) or text[end:].startswith("-")


def _date_parts(key: str) -> tuple[str, str, str]:
    parts = [*key.split("-"), "", ""][:3]
    return parts[0], parts[1], parts[2]


def _continental_value(number: Number) -> float | None:
    """What a figure written "1.200" is worth where full stops group thousands, or None."""
    # (A cheap test first: most figures hold no ".".)
    if number.value is None or "." not in number.text or not _DOT_GROUPED().search(number.text):
        return None
    return round(number.value * 1000, 6)


#: Units of measure, each with the unit it is written for: "5 miles" and "5 km", "six years"
#: and "six months" are not one figure, though "1,000ft" and "1,000 feet" are.
_MEASURES: dict[str, str] = {
    word: unit
    for unit, words in (
        ("mi", "mile miles mi"),
        ("km", "km kms kilometre kilometres kilometer kilometers"),
        ("m", "metre metres meter meters"),
        ("cm", "cm centimetre centimetres centimeter centimeters"),
        ("mm", "mm millimetre millimetres millimeter millimeters"),
        ("ft", "ft foot feet"),
        ("yd", "yd yds yard yards"),
        ("in", "inch inches"),
        ("kg", "kg kgs kilo kilos kilogram kilograms kilogramme kilogrammes"),
        ("g", "gram grams gramme grammes"),
        ("lb", "lb lbs"),
        ("oz", "oz ounce ounces"),
        ("t", "tonne tonnes ton tons"),
        ("l", "litre litres liter liters"),
        ("gal", "gallon gallons"),
        ("ha", "ha hectare hectares"),
        ("acre", "acre acres"),
        ("mph", "mph"),
        ("km/h", "km/h kph kmh"),
        ("kn", "knot knots"),
        ("s", "second seconds sec secs"),
        ("min", "minute minutes min mins"),
        ("h", "hour hours hr hrs"),
        ("day", "day days"),
        ("week", "week weeks"),
        ("month", "month months"),
        ("year", "year years yr yrs"),
        ("decade", "decade decades"),
        ("century", "century centuries"),
    )
    for word in words.split()
}
#: The word right after a figure ("5 miles", "50mph", "50km/h", "a 12-year sentence").
#: A unit per another, written out: "70 miles per hour" is "70mph", "90 km an hour" "km/h".
_MEASURE_AFTER = lazy_pattern(
    r"-?\s?([A-Za-z]+(?:/[A-Za-z]+)?)\b(?:\s+(?:per|an?)\s+(hour|minute|second|day|week|year)\b)?"
)
_PER_HOUR = {"mi/h": "mph", "km/h": "km/h"}


@lru_cache(maxsize=8192)
def _measure_at(sentence: str, end: int) -> str:
    found = _MEASURE_AFTER().match(sentence, end)
    if found is None:
        return ""
    unit = _MEASURES.get(found.group(1).lower(), "")
    if unit and found.group(2):
        unit = f"{unit}/{_MEASURES[found.group(2).lower()]}"
        return _PER_HOUR.get(unit, unit)
    return unit


def _span_unit(text: str) -> str:
    """The unit of a length of time that holds it ("an hour and a half"), or ""."""
    if not text.endswith(("and a half", "and a quarter")) or text[:1] not in "aA":
        return ""
    words = text.split()
    return _MEASURES.get(words[1].lower(), "") if words[0].lower() in ("a", "an") else ""


#: Units of time in seconds: "25 minutes" and "half an hour" are both lengths of time.
_SECONDS = {
    "s": 1,
    "min": 60,
    "h": 3_600,
    "day": 86_400,
    "week": 604_800,
    "month": 2_629_800,
    "year": 31_557_600,
    "decade": 315_576_000,
    "century": 3_155_760_000,
}


#: The first letters of the words for units of time ("minutes", "hrs", "yr").
_TIME_INITIALS = frozenset("smhdwyc")


def duration(number: Number) -> float | None:
    """The length of time a count tells, in seconds ("25 minutes", "half an hour", "an hour
    and a half"), or None when it counts no unit of time."""
    if number.kind != "count" or number.value is None:
        return None
    unit = number.unit or _span_unit(number.text)
    if not unit:
        end = number.span[1]
        # Most counts are followed by no unit of time: spare them the pattern.
        if number.sentence[end + 1 : end + 2].lower() not in _TIME_INITIALS:
            return None
        unit = _measure_at(number.sentence, end)
    seconds = _SECONDS.get(unit)
    return None if seconds is None else number.value * seconds


def _other_measures(a: Number, b: Number) -> bool:
    """Whether two counts of one value measure in two units ("5 miles" -> "5 km")."""
    if a.kind not in ("count", "range") or b.kind not in ("count", "range"):
        return False
    end_a, end_b = a.span[1], b.span[1]
    if a.sentence[end_a : end_a + 12] == b.sentence[end_b : end_b + 12] and a.text == b.text:
        return False  # most often: the same words follow, so the same unit if any
    unit_a = _span_unit(a.text) or _measure_at(a.sentence, a.span[1])
    unit_b = _span_unit(b.text) or _measure_at(b.sentence, b.span[1])
    return bool(unit_a) and unit_a != (unit_b or unit_a)


#: A bare "10m": read as ten million, but ten metres where the other version says metres.
_SHORT_M = lazy_pattern(r"\d(?:[\d.,]*\d)?m")


def _metres_short(short: Number, long: Number) -> bool:
    """Whether ``short`` is a bare "10m" that ``long`` writes "10 metres" ("10m high")."""
    return (
        short.kind == "count"
        and long.kind == "count"
        and short.value is not None
        and long.value is not None
        and round(short.value / 1_000_000, 6) == long.value
        and _SHORT_M().fullmatch(short.text) is not None
        and _measure_at(long.sentence, long.span[1]) == "m"
    )


#: A figure written with a decimal comma ("1,2", "3,50"): a writer who writes one groups
#: thousands with full stops, so the "1.200" set against it is 1200.
_DECIMAL_COMMA = lazy_pattern(r"(?<![\d.,])\d+,(?:\d{1,2}|\d{4,})(?![\d,.])")


def _grouped_against_decimal_comma(a: Number, b: Number) -> tuple[Number, Number] | None:
    """Of two figures, the one written "1.200" and the one written with a decimal comma
    ("1,2"), or None: alike as English reads them (both 1.2), but the comma says the
    thousands are grouped by full stops ("1.200 Einsätze" -> "1,2 Einsätze" is 1200 -> 1.2;
    "1.200 Millionen" -> "1,2 Milliarden" is one amount)."""
    for comma, stop in ((a, b), (b, a)):
        if (
            "," in comma.text
            and "." in stop.text
            and _DECIMAL_COMMA().search(comma.text)
            and _DOT_GROUPED().search(stop.text)
        ):
            return stop, comma
    return None


def same_number(a: Number, b: Number) -> bool:
    """Whether two mentions have the same value, however they are written, in the same unit
    where both name one."""
    if (read := _grouped_against_decimal_comma(a, b)) is not None:
        grouped, comma = read
        return (
            comma.value is not None
            and _continental_value(grouped) == comma.value
            and not (a.unit and b.unit and a.unit != b.unit)
        )
    if a.key == b.key:
        return not _other_measures(a, b)
    if a.kind == "date" and b.kind == "date":
        ya, ma, da = _date_parts(a.key)
        yb, mb, db = _date_parts(b.key)
        if a.key.startswith("wd") or b.key.startswith("wd"):
            return False
        if a.key[:1] == "@" or b.key[:1] == "@":
            # "later this year" says more of "this year" than another time does, unlike
            # "earlier this year".
            base_a, base_b = _relative_base(a.key), _relative_base(b.key)
            return base_a == base_b and (base_a == a.key or base_b == b.key)
        return ma == mb and da == db and (ya == yb or "?" in (ya, yb))
    loose = {"count", "money", "year"}
    if a.value is not None and a.value == b.value and a.kind in loose and b.kind in loose:
        return not (a.unit and b.unit and a.unit != b.unit) and not _other_measures(a, b)
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
    if _metres_short(a, b) or _metres_short(b, a):
        return True
    if a.kind == "count" and b.kind == "count" and a.value != b.value:
        length = duration(a)  # "30 minutes", "half an hour"
        if length is not None and length == duration(b):
            return True
    # "half" and "50 per cent" are the same share.
    shares = {a.kind, b.kind}
    if shares == {"fraction", "percent"} and a.value is not None and b.value is not None:
        fraction, percent = (a, b) if a.kind == "fraction" else (b, a)
        assert fraction.value is not None and percent.value is not None
        if percent.unit != "%":
            return False
        exact = fraction.value * 100
        # A whole percentage cut short is the same share too ("two-thirds", "66%").
        return abs(exact - percent.value) < 0.5 or percent.value == math.floor(exact)
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


def _bound_before(text: str, lower: str, start: int) -> str:
    """The bounding or softening words right before a number ("more than", "about"), as
    written, or ""; ``lower``: ``text`` lower-cased, if that keeps every position (ASCII
    text; else empty)."""
    opens = max(0, start - 24)
    if lower:  # (most numbers have no such words: one lower-casing the fewer for them)
        low = lower[opens:start].rstrip()
        if not low.endswith(_BOUND_ENDINGS):
            return ""
        before = text[opens : opens + len(low)]
    else:
        before = text[opens:start].rstrip()
        low = before.lower()
        if not low.endswith(_BOUND_ENDINGS):
            return ""
    for ending in _BOUND_ENDINGS:
        at = len(low) - len(ending)
        if low.endswith(ending) and (at == 0 or not low[at - 1].isalpha()):
            if ending == "over" and not _QUARRELS.isdisjoint(low[:at].split()[-1:]):
                return ""
            # A softener ("about") bounds nothing, but is shown with the figure as written.
            return before[at:]
    return ""


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


_HAS_DIGIT = lazy_pattern(r"\d")
#: Every word that ``_numbers`` tests a sentence's words for (_number_starts, the times told
#: from now, another language's figures, the gates and _plain_text): it tests the words of
#: a sentence that are among these (a few), with the same outcome as all its words.
_READ_WORDS = (
    _START_WORDS
    | _AFTER_A
    | _HALF_SPANS
    | frozenset(["half"])
    | _RELATIVE_TRIGGERS
    | frozenset(_PER_ADVERB)
    | abroad._FIGURE_ASCII
    | _FEATURE_WORDS
    | _EU_SCALE_WORDS
)
