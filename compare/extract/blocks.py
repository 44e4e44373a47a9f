"""What every kind of input becomes: blocks (``Block``) with the input's ``Metadata``, and
what clean-up hands on (``Cleaned``); word helpers shared by the other modules."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, NamedTuple

from compare.model import Paragraph, _Record
from compare.text import (
    CJK_CHARACTER,
    clean_whitespace,
    lazy_pattern,
    normalize,
    split_clean_sentences,
)

if TYPE_CHECKING:
    from dataclasses import dataclass as record

    from lxml.html import HtmlElement
else:
    from compare.model import record  # (see there; type checkers see the dataclass)

#: What a block was in its source; headings and list items are not prose.
Role = Literal["p", "head", "item", "quote", "code", "cell"]


class BylineLine(NamedTuple):
    """The text of a short box the page's markup classes as a byline ("Ledger staff"), and
    the ``<p>``s elsewhere on the page that read the same (the story's own words, which
    stay): how many, and how many of them come before the box."""

    text: str
    copies: int = 0
    before: int = 0


# Not frozen: a frozen dataclass's __init__ sets each field through object.__setattr__,
# which made a block cost three times as much, and a long plain text makes thousands.
# Nothing changes a block once made; dataclasses.replace makes a new one. Its methods are
# written out, as the dataclass would write them: it compiled them at every start (~3.5M
# instructions before a comparison's documents are handed to the facets worker).
@dataclass(init=False, repr=False, eq=False)
class Block:
    """One paragraph-sized piece of a page before clean-up."""

    text: str
    """The text, whitespace collapsed."""
    role: Role = "p"
    """What the block was in the source."""
    link_chars: int = 0
    """How many of its characters were link text (HTML only)."""

    def __init__(self, text: str, role: Role = "p", link_chars: int = 0) -> None:
        self.text = text
        self.role = role
        self.link_chars = link_chars

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return (self.text, self.role, self.link_chars) == (
                other.text,
                other.role,
                other.link_chars,
            )
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # (mutable, so unhashable: as the dataclass)

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}(text={self.text!r}, role={self.role!r}, "
            f"link_chars={self.link_chars!r})"
        )

    @property
    def link_share(self) -> float:
        """The share of the text that was inside links."""
        return self.link_chars / len(self.text) if self.text else 0.0


# _Record: see there (the generated methods of these two cost 5M instructions a start).
@record(frozen=True, eq=False, repr=False)
class Metadata(_Record):
    """What a page says about itself, before clean-up."""

    title: str | None = None
    """The headline."""
    authors: tuple[str, ...] = ()
    """One name per item."""
    site_name: str | None = None
    """The outlet."""
    published: str | None = None
    """Publication date, ISO 8601 where possible."""
    modified: str | None = None
    """Last-modified date, ISO 8601 where possible."""
    url: str | None = None
    """The canonical URL."""
    language: str | None = None
    """A BCP 47 tag."""
    description: str | None = None
    """The meta description."""
    repeated_standfirst: str | None = None
    """The standfirst as the page shows it, when its body shows it twice (HTML only)."""
    quote_boxes: frozenset[str] = frozenset()
    """The words (``_key``) of each short ``<blockquote>`` or box classed as a pull quote,
    which trafilatura may give as a plain paragraph (HTML only)."""
    shown_standfirst: str | None = None
    """The line the page shows under its headline, classed as one ("dek", "standfirst",
    ``itemprop="description"``...), before the story begins (HTML only)."""
    sure_standfirst: bool = False
    """``shown_standfirst``'s box is classed by a word that names nothing but a standfirst
    ("standfirst", "dek", "strapline"; not "summary", "intro" or "lead", which may class the
    lede): the extractor's copy of it as the story's first paragraph is that standfirst."""
    label_above_headline: str | None = None
    """The section's label set alone just above the headline ("Cidades"), HTML only."""
    structured_body: str | None = None
    """JSON-LD ``articleBody``, paragraphs separated by blank lines (HTML only)."""
    structured_description: str | None = None
    """JSON-LD ``description`` of the article (HTML only): the standfirst of a page whose
    text is ``structured_body`` and which has no meta description."""
    app_body: str | None = None
    """The story's paragraphs from the data a JavaScript framework draws the page from
    (Next.js's ``__NEXT_DATA__``, Nuxt's ``__NUXT_DATA__``), where the page's HTML shows only
    some of them (HTML only)."""
    issuers: tuple[str, ...] = ()
    """The organisations JSON-LD names as the article's author (a press release's issuer),
    HTML only."""
    body_unseen: bool = False
    """The blocks are ``structured_body``, which the page does not show (HTML only)."""
    live: bool = False
    """The page is a live blog: JSON-LD ``LiveBlogPosting``, or a feed of time-stamped
    ``<article>`` updates, newest first, or oldest first on a page named live (:func:`_live_feed`,
    :func:`_newest_first`, :func:`_live_in_order`)."""
    not_free: bool = False
    """The page's JSON-LD says the article is for subscribers (``isAccessibleForFree``)."""
    wall: str | None = None
    """The line of a subscription wall set right after the story's paragraphs, in their box
    ("Subscribe to read the rest of this article"): the page shows only the opening."""
    wall_box: str | None = None
    """The whole text of the wall's own box, its line, offer and links ("Subscribe from just
    £1 a week. Already a subscriber? Log in"): a block of its words only is no story text."""
    pager: str | None = None
    """The story's pager, when it says the story goes on at another page ("Page 1 of 2",
    a "Next page" link): only this page is read."""
    byline_lines: tuple[BylineLine, ...] = ()
    """Each short box the page's markup classes as a byline (``<span class="by">``): such a
    line in the body is metadata, not story text (HTML only)."""
    under_bylines: frozenset[str] = frozenset()
    """The lines split off the paragraph of a byline, which were under its names (a role,
    a handle, a stamp): no story text when no sentence comes before them (HTML only)."""


@record(frozen=True, eq=False, repr=False)
class Cleaned(_Record):
    """The result of the clean-up pass."""

    blocks: tuple[Block, ...]
    """The article body, every text whitespace-clean (:func:`clean_up` makes it so)."""
    title: str | None
    """The headline without breadcrumbs."""
    summary: str | None = None
    """The standfirst that had been repeated as the first paragraph."""
    paywalled: bool = False
    """A subscription or login prompt was seen."""
    dropped: tuple[str, ...] = ()
    """The text of every block that was removed, in the order the rules removed them."""
    byline: tuple[str, ...] = ()
    """The names of a byline paragraph ("By Anna Ortiz") found in the body."""
    ascii_words: Mapping[str, int] = field(default_factory=dict, compare=False)
    """The words of each ASCII text clean-up saw, which it counts anyway: counting a long
    text's spaces costs more than the rest of its checks, and :func:`check_article`
    counts the same again (it counts the other texts itself)."""
    stamp: tuple[str | None, str | None] = (None, None)
    """Published and modified, from a byline that runs into its date stamp ("By Mara
    Oyelaran · 12 November 2026 · Updated 14 November 2026"), for a page whose metadata has
    none (plain text, Markdown)."""


@lru_cache(maxsize=8192)
def _paragraph(text: str) -> Paragraph:
    """A paragraph split into sentences, once per process: versions of a story share most
    paragraphs, so each shared one is split only once (the records are immutable)."""
    return Paragraph(text, tuple(split_clean_sentences(text)))


#: The whitespace-clean ASCII paragraphs that clean-up kept as too long for any of its
#: rules, and their words. Versions of a story share most paragraphs: a later version's
#: are known clean to ``text_blocks`` and kept by ``clean_up`` without being read again
#: (~7,000 instructions a paragraph: ~12M for the second of two 2,000-paragraph versions).
LONG_PARAGRAPHS: dict[str, int] = {}
#: Past this many, those of earlier versions are forgotten (a long-running process); and
#: none longer than a long paragraph is kept, so the memory stays a few MB at most.
_MOST_LONG_PARAGRAPHS = 8192
_LONGEST_REMEMBERED = 2000


#: What joins a data table's cells in a row's paragraph.
_CELL_SEPARATOR = " | "
_MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    r"july|august|september|october|november|december"
)
_WEEKDAYS = r"mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTH_OR_DAY = f"{_MONTHS}|{_WEEKDAYS}"


_SENTENCE_END = (".", "!", "?", ":", ";", "。", "！", "？", "؟", "।", "…")


def _word_count(text: str, clean: bool = False) -> int:
    """Words in the text: whitespace-separated tokens, and about a word per 1.5 characters of
    unspaced Chinese or Japanese. ``clean`` says the text is whitespace-clean: one space
    between words."""
    words = text.count(" ") + 1 if clean and text else len(text.split())
    if text.isascii():
        return words
    # Chinese and Japanese are written without spaces: count their characters instead.
    return words + 2 * len(CJK_CHARACTER().findall(text)) // 3


def _is_sentence(text: str, words: int | None = None) -> bool:
    """Reads as prose: several words and a sentence-ending mark. ``words`` is
    :func:`_word_count` of ``text`` when the caller has it already."""
    if text.rstrip(" \"'”’)»」』")[-1:] not in _SENTENCE_END:
        return False
    return (_word_count(text) if words is None else words) >= 6


#: The fewest words of sentences a text needs to be an article (see ``check_article``).
MIN_PROSE_WORDS = 40
#: Hebrew and Arabic letters: these languages write articles, prepositions and conjunctions
#: into the word ("ו", "ה", "ב"; "ال", "و", "ب"), so a story has about a quarter fewer words
#: than it has in English (a four-sentence Hebrew brief: 34 words, 48 in English).
_HEBREW_ARABIC = lazy_pattern(r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


def min_prose_words(texts: list[str]) -> int:
    """The fewest words of sentences ``texts`` need to be an article: fewer for a text
    mostly in Hebrew or Arabic letters."""
    text = "".join(texts)
    letters = sum(c.isalpha() for c in text)
    if letters and len(_HEBREW_ARABIC().findall(text)) * 2 > letters:
        return MIN_PROSE_WORDS * 3 // 4
    return MIN_PROSE_WORDS


_WORD = lazy_pattern(r"\w+(?:['’]\w+)*")


def _words(text: str) -> list[str]:
    return _WORD().findall(normalize(text).casefold())


def _key(text: str) -> str:
    return " ".join(_words(text))


def _near(a: str, b: str, ratio: float = 0.85) -> bool:
    """Nearly the same words in the same order."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    # The ratio is at most this (every word of the shorter side matched), computed alike.
    # Below it, nothing is matched: nor is difflib imported, for most texts (~3M
    # instructions of a plain-text load).
    if 2.0 * min(len(wa), len(wb)) / (len(wa) + len(wb)) < ratio:
        return False
    from difflib import SequenceMatcher

    return SequenceMatcher(None, wa, wb, autojunk=False).ratio() >= ratio


def _covers(short: str, long: str, share: float = 0.9, min_words: int = 8) -> bool:
    """``short`` appears nearly verbatim inside ``long`` (it is at least ``min_words`` long)."""
    ws, wl = _words(short), _words(long)
    if len(ws) < min_words or not wl:
        return False
    # Matching pairs equal words one to one: at most the words both have, repeats counted
    # (and below that, no need to match: see _near).
    if sum((Counter(ws) & Counter(wl)).values()) < share * len(ws):
        return False
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, ws, wl, autojunk=False)
    matched = sum(m.size for m in matcher.get_matching_blocks())
    return matched >= share * len(ws)


def _short_text(element: HtmlElement, most: int) -> str | None:
    """The whitespace-clean text of ``element``, or ``None`` as soon as its raw text passes
    ``most`` characters twice over (clean text is shorter): reading all of every container
    of a big page, nested deep, tripled its extraction time."""
    pieces: list[str] = []
    size = 0
    for piece in element.itertext():
        pieces.append(piece)
        size += len(piece.strip())  # the indentation between tags goes when cleaned
        if size > 2 * most:  # generous: runs of spaces inside a piece go too
            return None
    text = clean_whitespace("".join(pieces))
    return text if len(text) <= most else None


# A byline's opening word: here, not with the byline rules in metadata, as clean-up tries it
# on every short line, and a plain text with no byline then imports no metadata reader.
_BY = lazy_pattern(r"^\s*(?:(?:written|words|story)\s+)?by[:\s]+", re.IGNORECASE)
# "By" and "Author:" in other languages, at the head of a byline already known to be one:
# "Por Lucía Fernández", "Par Claire Dubois", "Автор: Ольга Степанова" (trafilatura drops
# the colon). Italian "di" only in lower case ("di Marco Bellini"): trafilatura capitalises
# it, and "Di Marco" is a surname.
_BY_ABROAD = lazy_pattern(
    r"^\s*(?:(?:(?i:por|par|von|door|av|af|przez|autor[ae]?s?|auteure?s?|texte?o?|автор(?:ы)?"
    # Arabic "بقلم" (by the pen of), Persian "نویسنده" (writer) and "به قلم", Hebrew "מאת".
    r"|текст|بقلم|نویسنده|نويسنده|به[\s\u200c]?قلم|מאת)|di(?=\s+[A-Z]))(?:\s*:\s*|\s+))(?=\w)"
)
