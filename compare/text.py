"""Text utilities shared by every stage: normalisation, sentence splitting, tokens."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from itertools import chain
from typing import TypeGuard

from compare import regex_cache


def lazy_pattern(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A getter that compiles ``pattern`` on first use. Python compiles a regex in Python
    code, so a module that compiled every pattern at import, those of rare cases included,
    would pay for all of them on every run (and a pattern compiled by an earlier run is
    read from the cache: compare/regex_cache.py)."""

    @cache
    def compiled() -> re.Pattern[str]:
        return regex_cache.compile(pattern, flags)

    return compiled


#: The heading of a box that sums the story up above or beside it ("Key points:"): kept by
#: extraction (compare/extract/page.py) and, on a live page, pinned above the feed (align).
SUMMARY_LABEL = r"key (?:points|facts|takeaways)|at a glance|what we know(?: so far)?"
SUMMARY_HEADING = lazy_pattern(rf"\s*(?:{SUMMARY_LABEL})\s*:?\s*", re.IGNORECASE)


_QUOTES = str.maketrans(
    {
        # Apostrophe look-alikes typed for one: the modifier letter apostrophe, the acute
        # accent of Spanish and German keyboards (NFKC would make it a space and an accent),
        # the modifier letter prime and the reversed prime ("doesn\u02bct" is "doesn't").
        "\u02bc": "'",
        "\u00b4": "'",
        "\u02b9": "'",
        "\u2035": "'",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2039": "'",  # the single guillemets of French and Swiss papers
        "\u203a": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2026": "...",
    }
)
# Zero-width and bidirectional control characters: invisible, never meaningful for matching.
INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad"
_INVISIBLE = lazy_pattern(f"[{INVISIBLE}]")
# A backtick between two letters is an apostrophe ("doesn`t"); elsewhere it is code.
_BACKTICK_APOSTROPHE = lazy_pattern(r"(?<=[^\W\d_])`(?=[^\W\d_])")
# Characters NFKC would make ordinary digits, which they are not: 10\u00b3 is 1,000, not
# 103, and 2\u00bd is two and a half, not 21\u20442. Kept as they are (superscripts,
# subscripts and vulgar fractions).
_NOT_FOLDED = lazy_pattern(
    "([\u00b2\u00b3\u00b9\u00bc-\u00be\u2070\u2074-\u2079\u2080-\u2089\u2150-\u215f\u2189])"
)

#: The combining marks (Unicode categories Mn, Mc and Me) of the Latin diacritics, Cyrillic,
#: Hebrew points, Arabic harakat, the vowel signs and viramas of the Indic scripts, Thai,
#: Lao, Tibetan, Myanmar and Khmer, and the kana voicing marks, which Python's \w leaves
#: out: a word goes on over them ("\u092e\u0902\u0924\u094d\u0930\u0940" is one word,
#: not six pieces). Computed with unicodedata (14.0); where two ranges had only word
#: characters or unassigned code points between them they are one range, so some ranges
#: hold letters (\w anyway). Punctuation such as the danda (U+0964) is not in them.
COMBINING_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
    "\u0900-\u0963\u0981-\u09e3\u09fe-\u0a75\u0a81-\u0ae3\u0afa-\u0b63\u0b82-\u0bd7"
    "\u0c00-\u0c63\u0c81-\u0c83\u0cbc-\u0d4d\u0d57-\u0d63\u0d81-\u0df3"
    "\u0e31-\u0e3a\u0e47-\u0e4e\u0eb1-\u0ecd"
    "\u0f18\u0f19\u0f35\u0f37\u0f39\u0f3e-\u0f84\u0f86-\u0fbc\u0fc6"
    "\u102b-\u103e\u1056-\u109d\u17b4-\u17d3\u17dd"
    "\u1ab0-\u1ace\u1dc0-\u1dff\u20d0-\u20f0\u3099\u309a\ufe20-\ufe2f"
)
# What a word goes on over after its first character: word characters, combining marks and
# the invisible characters set inside words (a soft hyphen, a zero-width space or joiner:
# "infra\u00adstructure" is one word, compared as "infrastructure").
_WORD_GOES_ON = f"\\w{COMBINING_MARKS}{INVISIBLE}"
# The marks that join two runs of word characters into one word ("1,000", "don't", and
# the apostrophe look-alikes normalize() reads as one: "doesn\u00b4t", "doesn`t").
_IN_WORD_MARKS = ".,'\u2019\u00b4`\u2035"
_WORD = rf"\w[{_WORD_GOES_ON}]*(?:[{_IN_WORD_MARKS}]\w[{_WORD_GOES_ON}]*)*"
# (Lazy: loading a plain text tokenizes nothing before its documents go to the facets
# worker; its compile is ~1.7M instructions.)
_TOKEN = lazy_pattern(r"\s+|" + _WORD + r"|[^\w\s]", re.UNICODE)

# Chinese and Japanese are written without spaces between words, so each character of
# their scripts is a word of its own: to the sentence splitter, the aligner's word codes,
# the word diff's tokens and word counts. Korean is written with spaces and needs nothing;
# Thai, also unspaced, is not covered (its words need a dictionary).
CJK = (
    "\u3005-\u3007"  # 々 〆 〇
    "\u3041-\u3096\u309d-\u309f"  # Hiragana
    "\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff"  # Katakana (not the middle dot ・)
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"  # Han
    "\uff66-\uff9f"  # half-width Katakana
)
#: One CJK character.
CJK_CHARACTER = lazy_pattern(f"[{CJK}]")


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds a Chinese or Japanese character; free for ASCII text."""
    return not text.isascii() and CJK_CHARACTER().search(text) is not None


# The words of a text that may hold CJK: each CJK character alone, and runs of other word
# characters, with the combining marks they go on over, joined by single marks ("1,000",
# "don't"). (The aligner's shortcut, compare.align._words, finds the same.)
_OTHER_RUN = f"[^\\W{CJK}](?:[^\\W{CJK}]|[{COMBINING_MARKS}])*"
_CJK_WORDS = f"[{CJK}]|{_OTHER_RUN}(?:[.,'\u2019](?:[^\\W{CJK}]|[{COMBINING_MARKS}])+)*"
# The same for the word diff's tokens, with the invisible characters a word goes on over
# too (_WORD_GOES_ON).
_CJK_OTHER_WORD = f"[^\\W{CJK}](?:[^\\W{CJK}]|[{COMBINING_MARKS}{INVISIBLE}])*"
_CJK_TOKEN = lazy_pattern(
    rf"\s+|[{CJK}][{COMBINING_MARKS}{INVISIBLE}]*"
    rf"|{_CJK_OTHER_WORD}(?:[{_IN_WORD_MARKS}]{_CJK_OTHER_WORD})*|[^\w\s]"
)
#: One word of a text that may hold Chinese or Japanese (see ``_CJK_WORDS``).
CJK_WORD = lazy_pattern(_CJK_WORDS)
_CJK_PIECE = lazy_pattern(rf"\S*[{CJK}]\S*")


def word_count(text: str) -> int:
    """Words in ``text``: what spaces separate, but a piece holding Chinese or Japanese
    counts each of their characters as a word, and its other words besides (the usual way
    to count them): "新大桥耗资48亿元。" is 8 words."""
    # In whitespace-clean text (extracted paragraphs) every space separates two words, and
    # counting spaces costs a fraction of splitting into words.
    words = text.count(" ") + 1 if text and is_clean(text) else len(text.split())
    if has_cjk(text):
        for piece in _CJK_PIECE().findall(text):
            words += len(CJK_WORD().findall(piece)) - 1
    return words


def is_web_url(url: str | None) -> TypeGuard[str]:
    """Whether ``url`` is an absolute http(s) address, in any case."""
    return url is not None and url[:8].lower().startswith(("http://", "https://"))


def readable_url(url: str | None) -> bool:
    """Whether ``url`` can be read as an address: urlsplit takes it, its port is in range,
    and an http(s) one names a host ("http://[::1/x", "http://a:99999/", "https:///a" do
    not, and ended commands in "unexpected ValueError")."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url or "")
        return parts.port != 0 and (bool(parts.hostname) or not is_web_url(url))
    except ValueError:
        return False


def unsplit_url(scheme: str, host: str, path: str, query: str = "") -> str:
    """An address from its parts, as ``urlunsplit`` makes it (no fragment), but still naming
    the same place when it has no host and its path starts with ``//``: urlunsplit before
    Python 3.12.4 dropped the empty host's ``//``, so ``file:////etc/passwd`` came out as
    ``file://etc/passwd`` and ``http:////etc/passwd`` as ``http://etc/passwd``, both naming
    a host ``etc``."""
    from urllib.parse import urlunsplit

    if host or not path.startswith("//"):
        return urlunsplit((scheme, host, path, query, ""))
    return f"{scheme}:" * bool(scheme) + "//" + path + f"?{query}" * bool(query)


def same_outlet(a: str, b: str) -> bool:
    """Whether two site names name one outlet: the same name in any case, or one with
    " News" after it ("BBC", "BBC News"); not "The Times" and "The Times of India"."""
    short, long = sorted((a.strip().casefold(), b.strip().casefold()), key=len)
    return bool(short) and (long == short or long == f"{short} news")


def plural(count: int, word: str) -> str:
    """``count`` and ``word``, with an s unless the count is one: "1 paragraph", "3 words"."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def clean_whitespace(text: str) -> str:
    """Collapse runs of whitespace (including non-breaking spaces) to one space and strip."""
    # str.split() splits on exactly the characters str.isspace() accepts, as \s does.
    return " ".join(text.split())


#: Every character str.split() splits on but the space and the line break.
ODD_WHITESPACE = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_ODD_ASCII_WHITESPACE = "\n" + "".join(c for c in ODD_WHITESPACE if c.isascii())


def is_clean(text: str) -> bool:
    """True only when ``clean_whitespace(text) == text`` (single spaces, none at the edges),
    found without building anything. Extracted text nearly always is, so callers check this
    before re-joining. Non-ASCII text with any unprintable character counts as not clean."""
    if text.isascii():
        # _ODD_ASCII_WHITESPACE, a memchr each, written out: an ``in`` costs half of what
        # a call of __contains__ through map() does (is_clean runs for every text aligned).
        if (
            "\n" in text
            or "\t" in text
            or "\r" in text
            or "\x0b" in text
            or "\x0c" in text
            or "\x1c" in text
            or "\x1d" in text
            or "\x1e" in text
            or "\x1f" in text
        ):
            return False
    elif not text.isprintable():  # a printable text holds no whitespace but the space
        return False
    return "  " not in text and text[:1] != " " and text[-1:] != " "


def normalize(text: str) -> str:
    """Canonical form for comparing: NFKC, straight quotes, one dash, no invisible characters,
    single spaces. Case is kept; see :func:`match_key`."""
    if not text.isascii():  # NFKC, quotes, dashes and invisibles are all beyond ASCII
        # Quotes first too: NFKC would make a double prime two primes and an acute accent
        # a space and a combining accent.
        text = text.translate(_QUOTES)
        if not unicodedata.is_normalized("NFKC", text):
            text = _nfkc(text).translate(_QUOTES)  # (and "\u2034" is three primes after it)
        text = _INVISIBLE().sub("", text)
    if "`" in text:
        text = _BACKTICK_APOSTROPHE().sub("'", text)
    return text if is_clean(text) else " ".join(text.split())


def _nfkc(text: str) -> str:
    """NFKC of ``text``, but for the superscript and subscript digits it holds, which stay
    as they are between the pieces, and its vulgar fractions (``_NOT_FOLDED``), written as a
    fraction is typed: "2\u00bd" is "2 1/2", as a story typed without the sign has it."""
    if not _NOT_FOLDED().search(text):
        return unicodedata.normalize("NFKC", text)
    pieces = _NOT_FOLDED().split(text)  # odd places: the characters kept
    pieces[::2] = [unicodedata.normalize("NFKC", piece) for piece in pieces[::2]]
    for k in range(1, len(pieces), 2):
        if unicodedata.decomposition(pieces[k]).startswith("<fraction>"):  # (not "\u00b3")
            typed = unicodedata.normalize("NFKC", pieces[k]).replace("\u2044", "/")
            pieces[k] = f" {typed}" if pieces[k - 1][-1:].isdecimal() else typed
    return "".join(pieces)


def fold(text: str) -> str:
    """Normalised and case-folded: the form words are compared in."""
    return normalize(text).casefold()


#: Characters a dash, hyphen or minus sign is typed with: exactly those fold() makes "-".
DASHES = frozenset(
    "-\u2010\u2011\u2012\u2013\u2014\u2015\u207b\u208b\u2212\ufe31\ufe32\ufe58\ufe63\uff0d"
)
#: Dashes that are never hyphens, even closed up ("plan\u2014a").
CLOSED_DASHES = frozenset("\u2014\u2015\ufe31\ufe58")
#: Dashes that may be hyphens or minus signs: all but the em dashes.
MINUS_SIGNS = DASHES - CLOSED_DASHES
#: What a dash between clauses is compared as, however it is typed and spaced.
DASH_KEY = " - "


def is_clause_dash(run: str, space_before: bool, space_after: bool, digit_after: bool) -> bool:
    """Whether ``run`` (one or more :data:`DASHES`) is a dash between clauses: two or more,
    an em dash, or one with a space on either side. A single hyphen between two characters is
    part of a word ("well-known", "2010-2015"), and one right before a digit is a minus sign,
    even after a space ("fell to -5C"). :func:`match_key` and the word diff both ask this."""
    if digit_after and run in MINUS_SIGNS:
        return False
    return space_before or space_after or len(run) > 1 or run in CLOSED_DASHES


def is_range_dash(run: str, digit_before: bool, space_after: bool, digit_next: bool) -> bool:
    """Whether ``run`` is a dash between two numbers, keyed as a range closed up ("10-15"):
    a lone dash that may be a hyphen with a space after it and perhaps one before it ("10 -
    15", "3 \u2013 1", as some house styles space a range or a score), or an em dash or a
    run of dashes, spaced or not ("300 \u2014 200", "300 -- 200"). A spaced dash between
    numbers may be a range or a clause dash, so it keys alike with either: "300 \u2013 200
    of them" and "300 \u2014 200 of them" are one text (review 28 item 4), as "10 - 15" and
    "10-15" are. ``digit_next``: the text after the dash, and the space after it if any,
    starts with a digit. A lone dash closed up is left as typed ("10-15", "10\u201315" fold
    alike), and one with a space only before it is a minus sign ("2015 -5C"), as
    :func:`is_clause_dash` says. :func:`match_key` and the word diff both ask this first."""
    if not (digit_before and digit_next):
        return False
    return space_after if run in MINUS_SIGNS else True


_ANY_DASH = re.escape("".join(sorted(DASHES)))
_CLAUSE_DASH_SHAPE = lazy_pattern(
    rf"\s[{_ANY_DASH}]|[{_ANY_DASH}]\s|[{_ANY_DASH}]{{2}}|[{''.join(sorted(CLOSED_DASHES))}]"
)


def may_hold_clause_dash(text: str) -> bool:
    """False when no run of dashes in ``text`` can be a dash between clauses (none spaced,
    doubled or em), so callers can skip looking: most hyphens are in words ("well-known")."""
    return _CLAUSE_DASH_SHAPE().search(text) is not None


# (Doubled, so that an em dash is not read as a lone hyphen once folded.)
_SPACED_CLOSED_DASHES = str.maketrans(dict.fromkeys(CLOSED_DASHES, " -- "))
# Once folded every dash is "-": each run of them with the spaces around it, skipping the
# lone hyphens closed up in words, which is_clause_dash would keep anyway.
_DASH_RUN = lazy_pattern(r"(?=\s+-|--|-\s)(\s*)(-+)(\s*)")


def _clause_dash_key(match: re.Match[str]) -> str:
    before, run, after = match.groups()
    start, end = match.start(), match.end()
    text = match.string
    digit_after = text[end : end + 1].isdecimal()
    if is_range_dash(run, start > 0 and text[start - 1].isdecimal(), bool(after), digit_after):
        return "-"
    digit_after = digit_after and not after
    if is_clause_dash(run, bool(before), bool(after), digit_after):
        return DASH_KEY
    return match.group()


def match_key(text: str, folded: str | None = None, keep_case: bool = False) -> str:
    """The form two texts share when they differ only cosmetically: normalised, case-folded,
    without the full stop that closes it and with every dash between clauses written alike
    ("plan \u2014 a", "plan\u2014a", "plan -- a"). ``folded`` is :func:`fold` of ``text``
    (:func:`normalize` with ``keep_case``) when the caller has it already. Texts are paired
    by this key; ``keep_case`` gives :func:`cosmetic_key`."""
    form = normalize if keep_case else fold
    key = form(text) if folded is None else folded
    if "-" in key:
        if not text.isascii() and any(dash in text for dash in CLOSED_DASHES):
            key = form(text.translate(_SPACED_CLOSED_DASHES))
        if " -" in key or "- " in key or "--" in key:
            key = _DASH_RUN().sub(_clause_dash_key, key)
    return without_closing_stop(key)


def cosmetic_key(text: str) -> str:
    """:func:`match_key` with the case kept: two texts paired by their key differ only
    cosmetically when this is the same too. "help us" -> "help US", "a polish firm" -> "a
    Polish firm" and German "in Maßen" -> "in Massen" (casefold() makes ß "ss") are edits."""
    return match_key(text, keep_case=True)


def without_closing_stop(key: str) -> str:
    """A normalised text without the one full stop that closes it, inside a closing quote
    too ('was "final."' is 'was "final"'), and without closing spaces; an ellipsis ("wait
    and see...") stays: a sentence that trails off is not one that ends."""
    key = key.rstrip(" ")
    if key[-1:] == ".":
        return key if key[-2:-1] == "." else key[:-1]
    if key[-2:-1] == "." and key[-1:] in "\"'" and key[-3:-2] != ".":
        return key[:-2] + key[-1]
    return key


def tokenize(text: str, clean: bool | None = None) -> list[str]:
    """Word, punctuation and whitespace tokens; ``"".join(tokenize(t)) == t`` always.
    ``clean`` is :func:`is_clean` of ``text`` when the caller has it already. Each CJK
    character is a token of its own."""
    if has_cjk(text):
        return _CJK_TOKEN().findall(text)
    if not (is_clean(text) if clean is None else clean):
        return _TOKEN().findall(text)
    # The same tokens for less than half the work: most words are letters and digits only
    # (one \w+ token), or that plus one closing mark; the regex only sees the rest.
    tokens: list[str] = []
    findall = _TOKEN().findall
    for word in text.split(" "):
        if word.isalnum():  # isalnum() is \w without the underscore
            tokens.append(word)
        elif word[:-1].isalnum() and word[-1] != "_" and word[-1] < "\u00ad":  # "said,"
            # (Not a combining mark or an invisible character, which a word goes on over.)
            tokens.append(word[:-1])
            tokens.append(word[-1])
        else:
            tokens.extend(findall(word))
        tokens.append(" ")
    tokens.pop()
    return tokens


# Sentence splitting. The paragraph is cut into words at its spaces; only words ending in
# terminal punctuation (perhaps followed by closing quotes or brackets) are judged, with a
# few set look-ups, so 500 paragraphs take milliseconds. Sentences end at a space, except
# after a Chinese or Japanese full stop, exclamation or question mark, which needs none:
# join_sentences() puts the sentences back together, a space between two unless the first
# ends in one of those marks.
# Arabic's question mark (Persian and Urdu write it too) and Urdu's full stop end one too.
_MARKS = ".!?\u2026\u3002\uff01\uff1f\u061f\u06d4"
_CLOSERS = "\"'\u201d\u2019\u00bb\u300d\u300f)]\uff09"
# 。！？, and what may close a sentence after them: _CLOSERS and 》〉】〕］｝.
_CJK_MARKS = "\u3002\uff01\uff1f"
_CJK_CLOSERS = _CLOSERS + "\u300b\u3009\u3011\u3015\uff3d\uff5d"
# German closes a quote with the marks English opens one with ("„Nein.“ Er", "»Nein.« Er"),
# and French with ›; right after a mark they can only close (Chinese opens with “ after 。,
# so not for CJK marks).
_CLOSERS += "\u201c\u00ab\u2039\u203a"
_CJK_SENTENCE_TAIL = frozenset(_CJK_MARKS + _CJK_CLOSERS)
# No sentence starts with these: after a mark (and its closers, passed over first), another
# mark, a comma, colon or ellipsis goes on with it.
_CJK_GOES_ON = _CJK_MARKS + "\u3001\uff0c\uff1a\uff1b,:;\u2026"
_MAY_END = _MARKS + _CLOSERS
# Skipped before looking at the first letter of the next sentence.
_OPENERS = "\"'\u201c\u2018\u201e\u00ab\u300c\u300e([\uff08\u00bf\u00a1-\u2013\u2014*"


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def title_case(line: str) -> bool:
    """Whether every longer word after the first is capitalised ("Storm Cuts Power to Kerrow",
    "Door Prize Winners Named"; not "Storm cuts power to Kerrow"), short words and the
    prepositions some title-case styles leave in lower case aside."""
    words = [
        w
        for w in line.split()[1:]
        if len(w) > 3 and w[0].isalpha() and w.lower() not in _TITLE_CASE_SMALL
    ]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


#: Words some title-case styles leave in lower case.
_TITLE_CASE_SMALL = _word_set("from with into onto over upon about after amid than that through")


#: Nouns for people, singular and plural, in lower case: who a figure may count ("two
#: witnesses were in critical condition", compare.multi), and, their plurals capitalised,
#: who may open a sentence after a street's "St." ("on Main St. Witnesses said").
PEOPLE_NOUNS = _word_set(
    "people person persons victim victims passenger passengers worker workers resident "
    "residents child children kid kids adult adults man men woman women boy boys girl girls "
    "baby babies infant infants teenager teenagers teen teens youth youths student students "
    "pupil pupils patient patients soldier soldiers troops officer officers police "
    "firefighter firefighters civilian civilians tourist tourists visitor visitors "
    "pedestrian pedestrians cyclist cyclists motorist motorists driver drivers rider riders "
    "crew crews member members staff employee employees miner miners climber climbers hiker "
    "hikers swimmer swimmers fan fans spectator spectators guest guests customer customers "
    "shopper shoppers worshipper worshippers migrant migrants refugee refugees prisoner "
    "prisoners inmate inmates protester protesters protestor protestors demonstrator "
    "demonstrators survivor survivors relative relatives official officials journalist "
    "journalists rescuer rescuers volunteer volunteers player players athlete athletes pilot "
    "pilots sailor sailors fisherman fishermen farmer farmers villager villagers local locals "
    "bystander bystanders occupant occupants commuter commuters traveller travellers traveler "
    "travelers pilgrim pilgrims guard guards nurse nurses doctor doctors medic medics "
    "paramedic paramedics teacher teachers neighbour neighbours neighbor neighbors citizen "
    "citizens evacuee evacuees detainee detainees attendee attendees trainee trainees "
    "witness witnesses authorities investigator investigators deputy deputies trooper "
    "troopers detective detectives engineer engineers parent parents"
)


def slug(text: str) -> str:
    """``text`` as an address spells it, lower-case ASCII letters, digits and hyphens:
    "Ilgın Şahin" -> "ilgin-sahin", "café" -> "cafe"; a letter or mark with no ASCII form is
    left out, not made a hyphen ("straße" -> "strae", "don’t" -> "dont", as report names
    were spelt before this function served them)."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("İ", "I"))
    bare = folded.encode("ascii", "ignore").decode().lower()
    return _NOT_IN_SLUG().sub("-", bare).strip("-")


_NOT_IN_SLUG = lazy_pattern(r"[^a-z0-9]+")


#: Kin, singular and plural, in lower case: people a story names by whose they are ("a man
#: and his son", "the victim's mother").
KIN = _word_set(
    "son sons daughter daughters husband husbands wife wives partner partners mother "
    "mothers father fathers brother brothers sister sisters friend friends grandson "
    "grandsons granddaughter granddaughters grandmother grandfather colleague colleagues"
)


_ELLIPSIS_MARKS = frozenset(".\u2026")
# Never end a sentence before a capital: titles and words that always have something after them.
_ALWAYS_FOLLOWED = _word_set(
    "Mr Mrs Ms Messrs Mme Mlle Dr Prof Gov Govs Sen Sens Rep Reps Gen Col Lt Sgt Capt "
    "Maj Cpl Pvt Adm Cmdr Cdr Rev Hon Pres Supt Det Insp Atty Amb Fr Gens vs v e.g i.e "
    "approx Approx cf viz ca Mt Ft Pt "
    # Bodies a story abbreviates before their name ("the Env. Agency"; not "Govt." nor
    # "Con.", which end sentences: "... lay with the Govt. Ministers", "Tom Ray, Con.").
    "Env Dept Univ Assn Natl Intl "
    # Russian: named after, street, square, avenue, professor, academician, saint.
    "им ул пл просп пр проф акад св "
    # Titles and words that are always followed, in the languages of Europe's papers:
    # German, Spanish and Portuguese, French ("52 av. J.-C."), Italian, Dutch, Polish.
    "bzw vgl ggf evtl inkl zzgl sog bspw Hr Hrn Dipl Ing Str einschl exkl ehem geb bzgl "
    "Sra Sras Sres Srta Dña Dra Lic Avda Excmo Exmo Profa Cía aprox Profª Drª Srª "
    "MM Mgr av apr Pr env "
    "sig sigg dott prof avv ing geom "
    "dhr mevr bijv mw drs ir "
    "ul tzw np mgr inż płk ks św dr im"
)
# Abbreviations only before a number ("No. 10", "p. 5"); elsewhere ordinary words ("No.").
_BEFORE_NUMBER = _word_set(
    "No Nos no nos Art Vol vol p pp Fig fig para Para ch Ch Sec sec Nr nr Nrn godz ok "
    # Spanish: article, number, page ("el art. 23", "la calle núm. 5", "pág. 12").
    "art arts núm Núm núms pág Pág págs "
    # German and French: paragraph, telephone; chapter.
    "Abs Tel chap"
)
# "art." is Spanish "artículo" only after an article or a preposition ("el art. 23", "según
# los arts. 4 y 5"): English "music and art. 2026 will ..." ends its sentence.
_SPANISH_ART = _word_set("art arts")
_BEFORE_SPANISH_ART = _word_set("el los al del según segun en y o e ni su sus dicho dichos")
_MONTHS = _word_set("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec janv févr juil déc")
# Can end a sentence or sit inside one ("Acme Co. said" / "Acme Co. The firm"); see below.
_AMBIGUOUS = _word_set("St Jr Sr Inc Ltd Corp Co Bros Plc Ave Rd Blvd etc al usw Mio Mrd Tsd")
# Of those, German's: a German word after them starts a sentence ("Birnen usw. Dann ging").
_GERMAN_AMBIGUOUS = _word_set("usw Mio Mrd Tsd")
# A company's form in the papers' languages ("Aguas del Sur S.A."): an article after it opens
# a sentence ("S.A. Las obras empezarán"), as "The" does after "Inc.".
_COMPANY_FORMS = _word_set("S.A S.L S.p.A S.r.l S.A.S S.A.U Ltda")
_ARTICLES = _word_set("El La Los Las Le Les Il Lo Gli Os As Un Una Une Der Die Das Ein Eine")
# A street's name abbreviated after it ("Main St.", "Fifth Ave.", "42nd St."), and the
# words that, after one, open a new sentence: people and crews in the plural, as a story
# reports them ("on Main St. Authorities said"). Never the next word of a name ("Main St.
# Bridge", "Elm St. Elementary"), nor a saint's after "St." ("St. Louis", "Mount St. Helens").
_STREETS = _word_set("St Ave Rd Blvd")
_CLAUSE_SUBJECTS = frozenset(
    word.capitalize() for word in PEOPLE_NOUNS if word.endswith("s") and not word.endswith("ss")
) | _word_set("Nobody Everyone Someone")
# "St." in capitals, which a wire dateline's place may open with ("ST. LOUIS (AP) —").
_CAPITAL_SAINTS = _word_set("ST STE")
# What a dateline may say before its saint ("PORT ST. LUCIE", "SAULT STE. MARIE") and the
# place's name after it, which a comma or a bracket ends ("LOUIS (AP)", "PAUL PARK, Minn."),
# or, in a paper's own dateline, a dash or a colon ("LOUIS — The city's ...", "LOUIS: ...").
_DATELINE_HEAD = lazy_pattern(r"(?:[A-Z][A-Z'’-]* ){0,2}")
_DATELINE_SAINTS_PLACE = lazy_pattern(
    r"[A-Z][A-Z'’.-]*(?: [A-Z][A-Z'’.-]*){0,3}(?:,| \(| ?[—–]| - |:)"
)
# Letters with dots inside: U.S, U.K, a.m, p.m, D.C, Ph.D (the final dot is matched apart).
_DOTTED = regex_cache.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
# Words that commonly open a sentence. After an ambiguous abbreviation a capitalised word
# from this list starts a new sentence ("in the U.S. The"), any other capitalised word is
# taken as part of a name or date and does not ("the U.S. Senate", "at 9 a.m. Monday",
# "Acme Co. Chief"). That favours one-sentence-too-long over a sentence cut in half,
# which would break alignment worse.
_STARTERS = _word_set(
    "The A An He She It They We I You His Her Its Their Our My Your This That These Those "
    "There Here But And Or So Yet In On At By For From With Without After Before During When "
    "While Where What Who Why How If As Although Though Because Since Until Some Many Most "
    "Several Few All Both Each Every No None One Two Three Four Five Last Next Earlier Later "
    "Meanwhile However Still Also Then Now Instead Other Such Only Even Today Yesterday "
    "Tomorrow According Under Over Despite Among Officials Police Is Are Was Were Do Does Did "
    "Will Would Can Could Should Has Have Had Must"
)
# '"Are we safe?" Ms. Rivera asked.' - the attribution after a quoted question continues it.
_SPEECH_VERBS = _word_set(
    "said says asked asks added adds shouted shouts told tells replied replies wrote writes "
    "cried yelled wondered"
)
# Stripped from a following word before looking it up.
_TRAILING = "\"'\u201d\u2019\u00bb)].,;:!?"


def _is_camel_case(word: str) -> bool:
    rest = word[1:]
    # islower() rules most words out at C speed: it is true only without upper-case letters.
    return word[:1].islower() and not rest.islower() and any(c.isupper() for c in rest)


def _is_abbreviation(word: str) -> bool:
    return (
        word in _ALWAYS_FOLLOWED
        or word in _BEFORE_NUMBER
        or word in _MONTHS
        or word in _AMBIGUOUS
        or len(word) == 1
        or _DOTTED.fullmatch(word) is not None
    )


# A wire dateline's place: the town in capitals and its state or province abbreviated
# ("HOLLOWAY, Mont. (AP) — ...", "SALEM, Ore. — ..."): no sentence ends at its full stop.
_DATELINE_PLACE = regex_cache.compile(r"[A-Z][A-Z.'’ -]*, (?:[A-Z][a-z]{0,4}\.)+(?= )")


def _dateline_end(text: str) -> int:
    """Where the dateline that opens ``text`` ends (its last full stop), or -1."""
    place = _DATELINE_PLACE.match(text) if text[:1].isupper() else None
    return place.end() - 1 if place and place.end() <= 40 else -1


def _is_letter_abbreviation(word: str) -> bool:
    """A letter and a full stop, as in "z. B." (a capital after it is an initial)."""
    return len(word) == 2 and word[1] == "." and word[0].isalpha()


# Months as German writes them after an ordinal ("3. März"); those that are also English
# words or names ("by 15. April Jones said") only in a date ("Sonntag, 3. Mai", "3. Mai 2026").
_ORDINAL_MONTHS = _word_set("Januar Jänner Februar Feber März Oktober Dezember Mär Okt Dez")
_NAME_MONTHS = _word_set(
    "April Mai Juni Juli August September November Jan Feb Apr Aug Sep Sept Nov"
)
_YEAR = lazy_pattern(r"\d{4}\b")
# Words before a German ordinal ("am 3. März", "der 2. Weltkrieg", "im 3. Quartal").
_BEFORE_ORDINAL = _word_set(
    "am vom zum zur im beim ins der dem den des die das Am Vom Zum Im Beim Der Die Das "
    "bis ab seit Bis Ab Seit einschl. inkl. ca."
)


# Words that open a German sentence and are no noun an ordinal counts: after "am 3." or
# "Platz 3." one of them starts the next sentence ("Er kam am 3. Das war gut.").
_GERMAN_STARTERS = _word_set(
    "Der Die Das Dem Den Des Ein Eine Einen Er Sie Es Wir Ich Ihr Man Dann Doch Aber Und "
    "Oder Auch Am Im In An Auf Aus Bei Bis Mit Nach Seit Von Vor Zum Zur Um Über Unter "
    "Gegen Ohne Für Während Nun Jetzt Heute Gestern Morgen Damals So Da Dort Hier Dies "
    "Diese Dieser Dieses Zudem Außerdem Laut Wie Was Wer Wo Warum Als Wenn Weil Ob Dass "
    "Trotzdem Damit Denn Zwar Alle Viele Keine Kein Einige Mehrere Beide Schon Nur Erst "
    "Danach Dabei Dazu Deshalb Daher Insgesamt Allerdings Sein Seine Ihre Unser Jeder "
    "Jede Jedes Zunächst Später Inzwischen Bislang Bisher Immerhin Stattdessen"
)
# A figure after these labels a place in a list, not a rank: "auf Platz 3. Die Grünen".
_BEFORE_CARDINAL = _word_set(
    "Platz Rang Nummer Nr Seite Kapitel Artikel Paragraf Paragraph Absatz Punkt Gruppe "
    "Gleis Bahn Stufe Teil Folge Staffel Runde Tor"
)
# Words of German and of no other language much written with it (not "die", "war", "am",
# which English has; not "en", "de", "van", Dutch's): two of them make a text German.
_GERMAN_WORDS = _word_set(
    "der das und ist nicht ein eine einen einem einer dem mit wurde wurden sich auf für im "
    "er sie wir hat haben auch bei nach noch wird werden nur aber oder kam ich vom zum zur "
    "beim dass sind seit gegen über unter sei waren hatte"
)


@lru_cache(maxsize=64)
def _is_german(text: str) -> bool:
    """Whether ``text`` reads as German: two words only German has (asked only at a rare
    place, a figure or a weekday's abbreviation before a capital)."""
    found = 0
    for word in text.lower().split(" "):
        if word.strip(_TRAILING) in _GERMAN_WORDS:
            found += 1
            if found == 2:
                return True
    return False


def _word_before(text: str, start: int) -> str:
    """The word before the one at ``start`` (which a space precedes), or ""."""
    return text[text.rfind(" ", 0, start - 1) + 1 : start - 1] if start else ""


def _is_ordinal(text: str, start: int, following: str) -> bool:
    """Whether the figure ending at the full stop after ``text[start:]`` is an ordinal: a day
    before a month, a figure after an article or a preposition that takes one, or, in a
    German text, any figure before a noun ("Er wurde 3. Sieger"); but a word that opens a
    sentence starts one ("Er kam am 3. Das war gut.")."""
    month = following.rstrip(_TRAILING)
    if month in _ORDINAL_MONTHS:
        return True
    before = _word_before(text, start)
    if month in _NAME_MONTHS:
        year_at = start + text[start:].find(following) + len(following) + 1
        if before.endswith(",") or _YEAR().match(text, year_at):
            return True
    if month in _GERMAN_STARTERS or month in _STARTERS:
        return False
    if before in _BEFORE_ORDINAL:
        return True
    return before not in _BEFORE_CARDINAL and month.isalpha() and _is_german(text)


# German weekdays abbreviated ("am Mo. Abend", "Di. 14 Uhr"): no sentence ends after one in
# German text. "So" and "Do" are words too ("So. Jetzt geht's los."): those only after a
# word that takes a day, or before a time or a part of the day.
_GERMAN_WEEKDAYS = _word_set("Mo Di Mi Do Fr Sa So")
_BEFORE_WEEKDAY = _word_set("am Am ab Ab bis vom von jeden jeweils und oder sowie")
_PART_OF_DAY = _word_set(
    "Abend Morgen Mittag Nachmittag Vormittag Nacht Früh Frühe Abends Morgens Uhr"
)


def _is_german_weekday(text: str, start: int, word: str, following: str) -> bool:
    """Whether ``word`` (before its full stop at ``text[start + len(word)]``) is a German
    weekday's abbreviation."""
    if word not in _GERMAN_WEEKDAYS or not _is_german(text):
        return False
    after = following.rstrip(_TRAILING)
    if after in _GERMAN_STARTERS:  # "von Mo. bis So. Der Eintritt ist frei."
        return False
    if word not in ("So", "Do"):
        return True
    before = _word_before(text, start)
    return before in _BEFORE_WEEKDAY or after in _PART_OF_DAY or after[:1].isdigit()


def _is_boundary(text: str, end: int) -> bool:
    """Whether the sentence ends at ``text[end]`` (a mark or a closer, followed by a space)."""
    start = text.rfind(" ", 0, end) + 1
    if text[end] == "." and text[end - 1] not in _MAY_END:  # most ends: a word and a stop
        stem, marks, closers = text[start:end], ".", False
    else:
        token = text[start : end + 1]
        body = token.rstrip(_CLOSERS)
        stem = body.rstrip(_MARKS)
        marks, closers = body[len(stem) :], len(body) < len(token)
        if not marks:  # 'the "Eastgate" plan', '(Reuters)'
            return False
    next_space = text.find(" ", end + 2)
    following = text[end + 2 : next_space if next_space >= 0 else len(text)].lstrip(_OPENERS)
    if not following:
        return True
    first = following[0]
    if first in _ELLIPSIS_MARKS:  # the rest of a spaced ellipsis (". . .")
        return False
    if following in _SPACED_CLOSERS:  # French: "« Non. » Le" ends after the », see there
        return False
    word = stem.lstrip(_OPENERS)
    if "'" in word or "\u2019" in word:  # a title after an elided article: "L'avv. Verdi"
        title = word.rpartition("\u2019" if "\u2019" in word else "'")[2]
        word = title if title in _ALWAYS_FOLLOWED else word
    if first.islower():
        # A lowercase word continues the sentence ("etc. and", "9 a.m. on", '"Why?" she
        # asked', "wait... what"), except a camel-case brand after a full stop that ends an
        # ordinary word: "Sales fell. iPhone owners complained."
        return (
            marks == "."
            and not closers
            and _is_camel_case(following)
            and not _is_abbreviation(word)
        )
    if marks != ".":
        if closers and ("?" in marks or "!" in marks):
            words = text[end + 2 :].split(" ", 4)[:4]
            after = [w.strip(_TRAILING).lstrip(_OPENERS) for w in words]
            for n in range(1, len(after)):
                if after[n] in _SPEECH_VERBS:
                    return not all(w[:1].isupper() for w in after[:n])
        return True
    if closers:  # 'said "no." Then' - a closing quote or bracket after the stop settles it
        return True
    if not word:
        return True
    if word == "EE":  # Spanish "EE. UU."; not the English network: "switched to EE. The"
        return following.rstrip(_TRAILING) != "UU"
    if word in _ALWAYS_FOLLOWED:
        # But German's Friday ("bis Fr. Der Eintritt ist frei"), not "Fr. Müller" (Frau).
        return word == "Fr" and following.rstrip(_TRAILING) in _GERMAN_STARTERS and _is_german(text)
    if len(word) == 1 and word.isupper():  # an initial: "J. K. Rowling", "George W. Bush"
        return False
    if len(word) == 1 and (
        _is_letter_abbreviation(following)
        or (start > 0 and _is_letter_abbreviation(_word_before(text, start)))
    ):
        return False  # German letter by letter: "z. B. Schulen", "u. a. Vertreter"
    if word.isdigit() and len(word) <= 3 and _is_ordinal(text, start, following):
        return False  # a German ordinal: "am 3. März", "im 3. Quartal", "3. Sieger"
    if len(word) == 2 and _is_german_weekday(text, start, word, following):
        return False  # "am Mo. Abend"
    if word in _BEFORE_NUMBER and (
        word not in _SPANISH_ART
        or _word_before(text, start).lower() in _BEFORE_SPANISH_ART
        or stem[:1] in _OPENERS  # "(art. 23)"
        or _word_before(text, start).endswith(",")  # "el Código Penal, art. 14 bis,"
    ):
        return not first.isdigit()
    if word in _CAPITAL_SAINTS:
        # A dateline's saint in capitals ("ST. DENIS, France (Wire) —", "ST. LOUIS (AP) —",
        # "PORT ST. LUCIE, Fla."): only at the head of the paragraph, and only before a
        # name in capitals that a comma, a bracket, a dash or a colon ends ("ST. LOUIS —
        # The city's ..."). A street is no saint: "CLOSED: ELM ST. DETOURS ARE IN PLACE.",
        # "Police closed MAIN ST. AUTHORITIES said".
        return not (
            _DATELINE_HEAD().fullmatch(text, 0, start)
            and _DATELINE_SAINTS_PLACE().match(text, end + 2)
        )
    if word in _MONTHS or word in _AMBIGUOUS or ("." in word and _DOTTED.fullmatch(word)):
        if first.isdigit():  # "Sept. 11", "U.S. 101"
            return False
        if word in _STREETS and following in _CLAUSE_SUBJECTS:
            return _after_street_name(text, start, end)
        opener = following.rstrip(_TRAILING)
        return (
            opener in _STARTERS
            or (word in _GERMAN_AMBIGUOUS and opener in _GERMAN_STARTERS and _is_german(text))
            or (word in _COMPANY_FORMS and opener in _ARTICLES)
        )
    # A German street and its number, "in der Hauptstr. 5", go on.
    return not (first.isdigit() and word.endswith("str") and len(word) > 4)


def _after_street_name(text: str, start: int, end: int) -> bool:
    """Whether the street's abbreviation at ``text[start:end]`` follows its name ("Main
    St.", "42nd St.") and the plural after it has a verb in lower case after it: "Main St.
    Authorities said" ends a sentence; "Main St. Residents Association" does not."""
    before = _word_before(text, start)
    if not (before[:1].isupper() or before[:1].isdigit()) or before in _STARTERS:
        return False
    after = text[end + 2 :].split(" ", 2)
    return len(after) > 1 and after[1][:1].islower()


# Where a word ends in a mark or a closer and another word follows are the places
# _is_boundary judges; most are settled here first, at C speed. After closers alone ('the
# "Eastgate" plan') it never ends a sentence, nor before a word in lower case without a
# capital (only a camel-case brand starts one in lower case): those places are not judged.
_BEFORE_A_WORD = r"(?= )(?! [a-z][!-@\[-~]*(?: |$))"  # [!-@\[-~]: printable ASCII but A-Z


def _not_after_full_stop(words: frozenset[str]) -> str:
    """Look-behinds failing right after any of ``words`` and a full stop: one per length,
    as a look-behind has one width."""
    return "".join(
        f"(?<!(?:{'|'.join(sorted(w for w in words if len(w) == length))})\\.)"
        for length in sorted({len(w) for w in words})
    )


# A full stop after three lower-case letters and before a capital (perhaps behind quotes or
# a bracket) always ends a sentence, unless the word is one of these abbreviations: it is no
# initial, no dotted "U.S" and none of _is_boundary's other exceptions.
_LOWER_ENDED_ABBREVIATIONS = frozenset(
    word
    for word in _ALWAYS_FOLLOWED | _MONTHS | _AMBIGUOUS
    # (Three lower-case ASCII letters, told without compiling "[a-z]{3}" at every start.)
    if len(tail := word[-3:]) == 3 and tail.isascii() and tail.isalpha() and tail.islower()
)
# Full stops, the commonest mark, found by one search; the "stop" group matches where that
# settles it. (Made optional by an empty alternative, not by "?": the same matches, but a
# group under "?" makes each full stop's match ~370 instructions dearer in re's engine.)
_FULL_STOP = regex_cache.compile(
    rf"\.[{re.escape(_CLOSERS)}]*{_BEFORE_A_WORD}"
    rf"(?:(?P<stop>(?<=[a-z]{{3}}\.){_not_after_full_stop(_LOWER_ENDED_ABBREVIATIONS)}"
    r"(?= [\"'(\[]*[A-Z]))|)"
)
_CLOSERS_BEFORE_A_WORD = regex_cache.compile(rf"[{re.escape(_CLOSERS)}]*{_BEFORE_A_WORD}")
_OTHER_MARKS = _MARKS.replace(".", "")
_ASCII_OTHER_MARKS = "".join(c for c in _OTHER_MARKS if c.isascii())


_SPACED_CLOSERS = frozenset(["\u00bb", "\u203a"])
_SPACED_CLOSER = lazy_pattern(r"(?<=[.!?\u2026]) [\u00bb\u203a](?= )")


def _boundaries(
    text: str, stops: Iterable[re.Match[str]] | None = None
) -> tuple[list[int], list[int]]:
    """Where sentences end: the index of each one's last character, in order, for those a
    space follows; and for those ending at a CJK mark with none after it. ``stops``:
    ``_FULL_STOP.finditer(text)``, when the caller has begun reading it."""
    ends: list[int] = []
    unsettled: list[int] = []
    unspaced: list[int] = []
    for stop in _FULL_STOP.finditer(text) if stops is None else stops:
        (ends if stop.lastgroup else unsettled).append(stop.end() - 1)
    # Other marks are rare: a str.find (memchr) pass for each is cheaper than a search,
    # and an ``in`` first cheaper still, as it is no method call.
    for mark in _ASCII_OTHER_MARKS if text.isascii() else _OTHER_MARKS:
        if mark not in text:
            continue
        at = text.find(mark)
        while at >= 0:
            if closers := _CLOSERS_BEFORE_A_WORD.match(text, at + 1):
                unsettled.append(closers.end() - 1)
            elif mark in _CJK_MARKS and (end := _unspaced_cjk_end(text, at)) is not None:
                unspaced.append(end)
            at = text.find(mark, at + 1)
    if unsettled:
        ends.extend(end for end in unsettled if _is_boundary(text, end))
        ends.sort()
    if "\u00bb" in text or "\u203a" in text:
        # French spaces its closing guillemet: "« Non. » Le ministre" ends after the », as
        # "«Non.» Le" would, once the space is taken out.
        for closer in _SPACED_CLOSER().finditer(text):
            at = closer.start()
            if _is_boundary(text[:at] + text[at + 1 :], at):
                ends.append(at + 1)
        ends.sort()
    if ends and ends[0] < 40 and (dateline := _dateline_end(text)) >= ends[0]:
        ends = [end for end in ends if end > dateline]
    return ends, unspaced


# Words a paragraph may open with as a sentence of their own, a reply or a label, in the
# languages whose papers open with a place alone ("Oberwalden. Der Neubau ...").
_ONE_WORD_SENTENCES = frozenset(
    word
    for words in (
        "yes no okay ok stop sorry wow again finally update correction",
        "ja nein nee doch danke genau richtig falsch gut stopp achtung bitte hallo korrektur",
        "oui non merci bon si sí gracias bueno vale grazie",
        # Words a story opens with for effect, or the day it is: no place.
        "weiter endlich zunächst schluss ende aus vorbei genug immerhin trotzdem jetzt nun",
        "heute gestern morgen damals unglaublich nachtrag eilmeldung aktualisierung",
        "montag dienstag mittwoch donnerstag freitag samstag sonntag sonnabend",
        "enfin bref ensuite alors attention hier demain maintenant",
        "lundi mardi mercredi jeudi vendredi samedi dimanche",
        "ahora hoy ayer mañana basta atención actualización",
        "lunes martes miércoles jueves viernes sábado domingo",
    )
    for word in words.split()
)
# What may come before the place's name ("Bad Oberwalden.", "St. Georgen.").
_PLACE_PREFIXES = frozenset({"Bad", "Sankt", "St.", "San", "Santa", "Saint", "Le", "La"})


def with_dateline(sentences: list[str]) -> list[str]:
    """The sentences of a story's first paragraph with a dateline that is a place's name
    alone kept with the sentence after it, as German and Austrian papers write it
    ("Oberwalden. Der Neubau des Rathauses ..."), and as ``"LONDON — ..."`` is one sentence.
    Only the first paragraph's first sentence is a dateline; elsewhere a word alone ("Nein.")
    is a sentence. Joined, the sentences are the same text."""
    if len(sentences) < 2 or not _is_place_alone(sentences[0]):
        return sentences
    following = sentences[1]
    if not following[:1].isupper() or following.count(" ") < 2:
        return sentences
    return [f"{sentences[0]} {following}", *sentences[2:]]


def _is_place_alone(sentence: str) -> bool:
    """``"Oberwalden."``, ``"Frankfurt/Main."``, ``"Bad Oberwalden."``: capitalised words of
    letters (joined by hyphens or a slash) and a full stop, not a reply ("Nein.")."""
    if not sentence.endswith(".") or len(sentence) > 40:
        return False
    words = sentence[:-1].split(" ")
    if len(words) == 2 and words[0] in _PLACE_PREFIXES:
        words = words[1:]
    if len(words) != 1 or words[0].casefold() in _ONE_WORD_SENTENCES:
        return False
    pieces = re.split(r"[-/]", words[0])
    return all(piece.isalpha() and piece[0].isupper() for piece in pieces)


def _unspaced_cjk_end(text: str, at: int) -> int | None:
    """Where the sentence ends when the CJK mark at ``at`` has no space after it
    ("开通。工程"), if it ends there: after 。 and any closers, or after ！？ without closers.
    A quote goes on with what is said after it, as '"Go!" she shouted' does: 「行くぞ！」と
    叫んだ, “为什么？”她问道, and in Japanese any quote followed by kana (「…。」と述べた),
    in Chinese one followed by who said it (“…。”负责人王强说。)."""
    end = at
    while end + 1 < len(text) and text[end + 1] in _CJK_CLOSERS:
        end += 1
    following = text[end + 1 : end + 2]
    if following in ("", " ") or following in _CJK_GOES_ON:
        return None
    if end > at and (
        text[at] != "\u3002" or "\u3041" <= following <= "\u309f" or _speaker_after(text, end + 1)
    ):
        return None
    return end


#: How a Chinese attribution after a quote ends: "王强说", "他表示", "负责人介绍".
_SAID = ("说", "說", "说道", "說道", "表示", "称", "稱", "指出", "介绍", "介紹", "强调", "強調")


def _speaker_after(text: str, start: int) -> bool:
    """Whether a short clause naming who spoke follows a quote's close at ``start``, up to
    its full stop: "省防汛办负责人王强说。" (not "随后离开了会场。", a sentence of its own)."""
    stop = text.find("\u3002", start, start + 24)
    return stop > start and "\uff0c" not in text[start:stop] and text[start:stop].endswith(_SAID)


def sentence_gap(sentence: str) -> str:
    """What goes between ``sentence`` and the next one of its paragraph: a space, or
    nothing after a CJK mark (perhaps with closers), as Chinese and Japanese are written."""
    if sentence[-1:] not in _CJK_SENTENCE_TAIL:  # nearly every sentence: one look-up
        return " "
    return "" if sentence.rstrip(_CJK_CLOSERS)[-1:] in _CJK_MARKS else " "


def join_sentences(sentences: Iterable[str]) -> str:
    """Sentences of a paragraph, in order, as one text: :func:`split_sentences` undone.
    (A space after a CJK mark is not put back: Chinese and Japanese write none there.)"""
    out: list[str] = []
    for sentence in sentences:
        if out:
            out.append(sentence_gap(out[-1]))
        out.append(sentence)
    return "".join(out)


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences. :func:`join_sentences` rebuilds ``text`` from them
    after :func:`clean_whitespace` (always, but for a space after a CJK mark: see there)."""
    return split_clean_sentences(text if is_clean(text) else clean_whitespace(text))


def split_clean_sentences(text: str) -> list[str]:
    """:func:`split_sentences` of a text that :func:`clean_whitespace` would leave as it is
    (every extracted paragraph), without checking that it is."""
    if not text:
        return []
    stops: Iterable[re.Match[str]] | None = None
    sentences: list[str] = []
    start = 0
    if text.isascii() and "!" not in text and "?" not in text:
        # Most paragraphs: full stops alone, each settled by the search (see _FULL_STOP),
        # the first beyond a dateline's reach (see _boundaries). Their sentences are cut
        # as the stops are found, in one loop, where _boundaries' loop, its look for the
        # other marks, and the loop over the ends cost ~3,000 instructions more a
        # paragraph. At the first stop the search leaves to _is_boundary, _boundaries
        # takes over, with the stops read so far.
        read: list[re.Match[str]] = []
        found = _FULL_STOP.finditer(text)
        for stop in found:
            end = stop.end()  # the space after the sentence
            if not stop.lastgroup or (not sentences and end <= 40):
                stops = chain(read, [stop], found)
                sentences, start = [], 0
                break
            read.append(stop)
            sentences.append(text[start:end])
            start = end + 1
        else:
            sentences.append(text[start:])
            return sentences
    # Words are separated by exactly one space, so sentences are slices: each is followed
    # by a space, but one ending at a CJK mark with none after it.
    ends, unspaced = _boundaries(text, stops)
    if unspaced:
        no_space = set(unspaced)  # a set: a long Chinese paragraph has thousands
        for end in sorted(ends + unspaced):
            sentences.append(text[start : end + 1])
            start = end + 1 if end in no_space else end + 2
    else:  # nearly every paragraph: a space after each sentence
        for end in ends:
            sentences.append(text[start : end + 1])
            start = end + 2
    sentences.append(text[start:])
    return sentences
