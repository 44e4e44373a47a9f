"""Snapshot -> Document: HTML through trafilatura; plain text and Markdown.

Every kind of input becomes a list of blocks (one per paragraph, heading, list item or
quote) plus whatever metadata the input carries; one clean-up pass then removes what
extractors leave behind (page chrome, a repeated standfirst, breadcrumbs glued to the
headline) and a last check refuses pages that hold no article at all.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urljoin, urlsplit

from compare.errors import ExtractionError
from compare.model import Document, MediaKind, Paragraph, Snapshot
from compare.notes import NOTE_START, is_credit_line
from compare.text import (
    CJK,
    CJK_CHARACTER,
    ODD_WHITESPACE,
    clean_whitespace,
    has_cjk,
    is_clean,
    is_web_url,
    lazy_pattern,
    normalize,
    split_clean_sentences,
    split_sentences,
    with_dateline,
    word_count,
)

if TYPE_CHECKING:
    from lxml.html import HtmlElement


#: What a block was in its source; headings and list items are not prose.
Role = Literal["p", "head", "item", "quote", "code", "cell"]


# Not frozen: a frozen dataclass's __init__ sets each field through object.__setattr__,
# which made a block cost three times as much, and a long plain text makes thousands.
# Nothing changes a block once made; dataclasses.replace makes a new one.
@dataclass
class Block:
    """One paragraph-sized piece of a page before clean-up."""

    text: str
    """The text, whitespace collapsed."""
    role: Role = "p"
    """What the block was in the source."""
    link_chars: int = 0
    """How many of its characters were link text (HTML only)."""

    @property
    def link_share(self) -> float:
        """The share of the text that was inside links."""
        return self.link_chars / len(self.text) if self.text else 0.0


@dataclass(frozen=True)
class Metadata:
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
    structured_body: str | None = None
    """JSON-LD ``articleBody``, paragraphs separated by blank lines (HTML only)."""
    body_unseen: bool = False
    """The blocks are ``structured_body``, which the page does not show (HTML only)."""
    live: bool = False
    """The page is a live blog: JSON-LD ``LiveBlogPosting``, or a feed of time-stamped
    ``<article>`` updates, newest first, or oldest first on a page named live (:func:`_live_feed`,
    :func:`_newest_first`, :func:`_live_in_order`)."""
    not_free: bool = False
    """The page's JSON-LD says the article is for subscribers (``isAccessibleForFree``)."""
    byline_lines: tuple[str, ...] = ()
    """The text of each short box the page's markup classes as a byline (``<span
    class="by">``): such a line in the body is metadata, not story text (HTML only)."""


@dataclass(frozen=True)
class Cleaned:
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


@lru_cache(maxsize=8192)
def _paragraph(text: str) -> Paragraph:
    """A paragraph split into sentences, once per process: versions of a story share most
    paragraphs, so each shared one is split only once (the records are immutable)."""
    return Paragraph(text, tuple(split_clean_sentences(text)))


def _lede(paragraph: Paragraph) -> Paragraph:
    """The story's first paragraph, whose first sentence may be a dateline: the place alone
    ("Oberwalden. Der Neubau ..."), which is no sentence of its own."""
    sentences = with_dateline(list(paragraph.sentences))
    if len(sentences) == len(paragraph.sentences):
        return paragraph
    return Paragraph(paragraph.text, tuple(sentences))


#: Said of a text read from the page's JSON-LD and not from what the page shows: a page rendered
#: by JavaScript, or one behind a login wall, whose structured data an editor may not update.
STRUCTURED_BODY_WARNING = (
    "the text comes from the page's structured data (JSON-LD articleBody), not from the page "
    "as readers see it, and may be out of date"
)


#: Said of a text read from a JSON-LD articleBody that stops short: a teaser the site cut for
#: readers without a subscription ("... the first two paragraphs …"), not the whole story.
CUT_SHORT_WARNING = (
    "the page's structured data (JSON-LD articleBody) stops short, with an ellipsis or in the "
    "middle of a sentence: the text is only the opening of the article, its unfinished last "
    "sentence is left out, and what follows cannot be compared"
)


def extract(snapshot: Snapshot) -> Document:
    """Extract the article of one snapshot; raise ExtractionError when there is none."""
    source = snapshot.text()
    _refuse_data(snapshot.kind, source, snapshot.provenance.spec)
    if snapshot.kind == "html":
        blocks, meta = html_blocks(
            source,
            snapshot.provenance.url,
            snapshot.provenance.fetched_at,
            snapshot.provenance.spec,
        )
    elif snapshot.kind == "markdown":
        blocks, meta = markdown_blocks(source)
    else:
        blocks, meta = text_blocks(source), Metadata()
    infer_title = snapshot.kind == "text" or (snapshot.kind == "markdown" and not meta.title)
    cleaned = clean_up(blocks, meta, infer_title=infer_title, clean=True)
    unseen = meta.body_unseen
    if unseen and (whole := _without_cut_end(cleaned, meta)) is not None:
        cleaned = whole  # trafilatura gave articleBody itself, cut short
    try:
        check_article(cleaned, snapshot.provenance.spec, snapshot.kind, source)
    except ExtractionError as error:
        fallback = _from_structured_body(meta, snapshot.provenance.spec)
        if fallback is not None and cleaned.paywalled and _prose_of(fallback) <= _prose_of(cleaned):
            # A teaser above a wall, and a body cut shorter still: the page shows more of
            # the story than the body, and refusing it says why.
            fallback = None
        if fallback is None:
            raise _refresh_stub_error(snapshot) or error from None
        cleaned, unseen = fallback, True
    else:
        if (cleaned.paywalled or meta.not_free) and (
            whole := _teaser_of(cleaned, meta, snapshot.provenance.spec)
        ):
            cleaned, unseen = whole, True
    warnings: tuple[str, ...] = ()
    if unseen:
        warnings = (STRUCTURED_BODY_WARNING,)
        if meta.structured_body and _ends_cut(meta.structured_body):
            warnings += (CUT_SHORT_WARNING,)
    paragraphs = [_paragraph(b.text) for b in cleaned.blocks]
    lede = next((i for i, b in enumerate(cleaned.blocks) if b.role == "p"), None)
    # English papers set a dateline off with a dash ("LONDON —"), never a full stop: there
    # a word alone opening the story ("Boom.") is a sentence. So it is on a page that does
    # not say its language (plain text, Markdown, a bare HTML page): English, most of them.
    language = meta.language or "en"
    if lede is not None and not language.startswith("en"):
        paragraphs[lede] = _lede(paragraphs[lede])
    return Document(
        paragraphs=tuple(paragraphs),
        title=cleaned.title,
        authors=meta.authors or cleaned.byline,
        site_name=meta.site_name,
        published=meta.published,
        modified=meta.modified,
        url=meta.url or snapshot.provenance.url,
        language=meta.language,
        description=meta.description,
        summary=cleaned.summary,
        provenance=snapshot.provenance,
        warnings=warnings,
        live=meta.live,
    )


# The root of an RSS, RDF or Atom feed, after an XML declaration, stylesheet or comments.
_FEED_ROOT = lazy_pattern(
    r"\ufeff?\s*(?:(?:<\?xml[^>]*>|<!--.*?-->)\s*)*<(?:rss|feed|rdf:RDF)\b", re.DOTALL
)


def _refuse_data(kind: MediaKind, source: str, spec: str) -> None:
    """A feed or JSON data is no article: say what it is, not that it "holds no article"
    (a feed's item titles once read as a page of headlines, JSON as one paragraph)."""
    if kind == "html" and _FEED_ROOT().match(source[:4096]):
        raise ExtractionError(
            f"{spec} is an RSS or Atom feed, not an article",
            f"`storydiff watch {spec}` follows every article it lists; pass one article's URL "
            "to extract or compare",
        )
    if kind == "text" and source.lstrip("\ufeff \t\r\n")[:1] in ("{", "["):
        import json

        try:
            json.loads(source)
        except ValueError:
            return
        raise ExtractionError(
            f"{spec} is JSON data, not an article", "pass the address of the article's web page"
        )


def _from_structured_body(meta: Metadata, spec: str) -> Cleaned | None:
    """Pages rendered by JavaScript often carry the whole text only in JSON-LD articleBody
    (without its last sentence when that is cut short: :func:`_without_cut_end`)."""
    if not meta.structured_body:
        return None
    cleaned = clean_up(text_blocks(meta.structured_body), meta, clean=True)
    cleaned = _without_cut_end(cleaned, meta) or cleaned
    try:
        check_article(cleaned, spec)
    except ExtractionError:
        return None
    return cleaned


def _teaser_of(cleaned: Cleaned, meta: Metadata, spec: str) -> Cleaned | None:
    """The whole article from JSON-LD articleBody, when the page behind a subscription wall
    shows only its opening: every paragraph shown is in the body, which has more (a body
    cut short just after them has no more once its half sentence is gone). Only behind a
    wall: elsewhere a longer body that holds the text shown is the old text that the
    editors cut, and the cut is the change to report."""
    whole = _from_structured_body(meta, spec)
    if whole is None or len(whole.blocks) <= len(cleaned.blocks):
        return None
    body = [_key(b.text) for b in whole.blocks]
    shown = [_key(b.text) for b in cleaned.blocks]
    return whole if all(any(k in b for b in body) for k in shown) else None


def _prose_of(cleaned: Cleaned) -> int:
    """The words of the sentences among a text's blocks."""
    return sum(
        count
        for b in cleaned.blocks
        if _is_sentence(b.text, count := _word_count(b.text, clean=True))
    )


# How a teaser cut from the story ends: an ellipsis ("…", "...", "[…]", "(...)"), perhaps
# with a link's "Read more" after it.
_CUT_END = lazy_pattern(
    r"(?:\.{3}|…|[(\[](?:\.{3}|…)[)\]])\s*"
    r"(?:read more|continue reading|weiterlesen|lire la suite|leer más|leggi tutto)?[\s>»→]*$",
    re.IGNORECASE,
)


_CLOSING_MARKS = "\"'”’»)]"


def _ends_cut(text: str) -> bool:
    """Whether a text (a JSON-LD articleBody) stops short: its last sentence ends in an
    ellipsis, or in the middle (six words or more, no closing mark, a last word in lower
    case: "... the council said it would"). A credit line ("mit Material von dpa",
    "Reporting by Jane Doe") or a quote that trails off ('"We will see..."') does not."""
    text = text.rstrip()
    last = text[text.rfind("\n") + 1 :].strip()
    if _CUT_END().search(last[-30:]):
        return True
    if last[-1:] in _SENTENCE_END or last[-1:] in _CLOSING_MARKS or is_credit_line(last):
        return False
    words = last.split()
    tail = words[-1] if words else ""
    return len(words) >= 6 and (tail[:1].islower() or tail[-1:] in ",;–—-")


def _without_cut_end(cleaned: Cleaned, meta: Metadata) -> Cleaned | None:
    """``cleaned`` (read from articleBody) without the unfinished sentence it ends with when
    the body stops short (:func:`_ends_cut`): the next fetch may cut elsewhere, and the
    half sentence read as a change; None when the body ends whole."""
    if not cleaned.blocks or not meta.structured_body or not _ends_cut(meta.structured_body):
        return None
    last = cleaned.blocks[-1]
    if not _ends_cut(last.text):
        return None  # the clean-up took the end away
    # The text before the ellipsis (and a "Read more" after it); its last sentence, unless
    # it is finished ("... this week. […]"), is the one cut.
    ellipsis = _CUT_END().search(last.text)
    kept = last.text[: ellipsis.start()].rstrip() if ellipsis else last.text
    if kept.rstrip(_CLOSING_MARKS)[-1:] not in _SENTENCE_END:
        kept = kept[: len(kept) - len(split_clean_sentences(kept)[-1])].rstrip()
    blocks = list(cleaned.blocks[:-1])
    if kept:
        blocks.append(replace(last, text=kept))
    return replace(
        cleaned, blocks=tuple(blocks), dropped=(*cleaned.dropped, last.text[len(kept) :])
    )


# --------------------------------------------------------------------------- plain text


def text_blocks(text: str) -> list[Block]:
    """Blank-line-separated blocks; single newlines inside a block become spaces."""
    if "\r" in text:  # one quick look saves two slow replacements on a long text
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\f", "\n\n")
    # Without any whitespace but spaces and line breaks in the text, a one-line chunk is
    # clean unless it holds two spaces in a row or starts or ends with one.
    spaced = not any(space in text for space in ODD_WHITESPACE)
    chunks = re.split(r"\n[ \t\u00a0]*\n", text.strip())
    if len(chunks) == 1 and _one_paragraph_per_line(chunks[0]):
        # No blank line anywhere, yet the lines end in full stops: a paragraph per line
        # (a copy from a browser), not one hard-wrapped paragraph.
        chunks = chunks[0].split("\n")
    blocks: list[Block] = []
    for chunk in chunks:
        if "\n" not in chunk:  # most paragraphs: one line, often clean already
            if spaced and "  " not in chunk and chunk[:1] != " " and chunk[-1:] != " ":
                cleaned = chunk
            else:
                cleaned = clean_whitespace(chunk)
            if cleaned:
                blocks.append(Block(cleaned))
            continue
        lines = [line for line in chunk.split("\n") if line.strip()]
        # Scraped text often keeps a chrome line ("back to top") glued above the headline:
        # give leading and trailing chrome lines blocks of their own so clean-up sees them.
        head: list[str] = []
        tail: list[str] = []
        # Not the lines of a hard-wrapped paragraph: a wrapped first line is as long as the
        # rest, and a wrapped last line continues a sentence ("the most\npopular.").
        while (
            len(lines) > 1
            and is_chrome(lines[0])
            and len(lines[0]) < 0.6 * max(len(line) for line in lines[1:])
            and not lines[1].lstrip()[:1].islower()
        ):
            head.append(lines.pop(0))
        while (
            len(lines) > 1
            and is_chrome(lines[-1])
            and lines[-2].rstrip("\"'”’)»")[-1:] in _SENTENCE_END
        ):
            tail.insert(0, lines.pop())
        for part in [*head, " ".join(lines), *tail]:
            if cleaned := clean_whitespace(part):
                blocks.append(Block(cleaned))
    return blocks


def _one_paragraph_per_line(chunk: str) -> bool:
    lines = [line.strip() for line in chunk.split("\n") if line.strip()]
    ended = sum(line.rstrip("\"'”’)»")[-1:] in _SENTENCE_END for line in lines)
    return len(lines) >= 3 and ended * 4 >= len(lines) * 3


# --------------------------------------------------------------------------- Markdown

_FENCE = lazy_pattern(r"^\s{0,3}(`{3,}|~{3,})")
_ATX = lazy_pattern(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = lazy_pattern(r"^\s{0,3}(=+|-+)\s*$")
_RULE = lazy_pattern(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_BULLET = lazy_pattern(r"^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+")
_QUOTE_MARK = lazy_pattern(r"^\s{0,3}>\s?")
_REF_DEF = lazy_pattern(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_FOOTNOTE_DEF = lazy_pattern(r"^\s{0,3}\[\^[^\]]+\]:\s*(\S.*)")
_FIGURE = lazy_pattern(r"\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+(?:([*_])[^*_].*\1\s*)?$")
_TABLE_RULE = lazy_pattern(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_FRONT_KEYS = {
    "title": "title",
    "author": "authors",
    "authors": "authors",
    "site": "site_name",
    "site_name": "site_name",
    "date": "published",
    "published": "published",
    "modified": "modified",
    "updated": "modified",
    "url": "url",
    "canonical": "url",
    "lang": "language",
    "language": "language",
    "description": "description",
}


def markdown_blocks(text: str) -> tuple[list[Block], Metadata]:
    """Blocks of a Markdown document with markup stripped, and its front matter."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    meta, lines = _front_matter(lines)
    blocks: list[Block] = []
    pending: list[str] = []
    pending_role: Role = "p"

    def flush() -> None:
        nonlocal pending, pending_role
        raw = " ".join(pending)
        # An image and the emphasised line under it are a figure and its caption, which a
        # page's <figcaption> is too: no paragraph of the story.
        content = "" if _FIGURE().match(raw) else clean_whitespace(strip_inline_markdown(raw))
        if content:
            blocks.append(Block(content, pending_role))
        pending, pending_role = [], "p"

    fence: str | None = None
    code: list[str] = []
    first_h1: str | None = None
    in_table = False  # a row per block, as an HTML page's data table gives
    for index, line in enumerate(lines):
        if fence is not None:
            if line.strip().startswith(fence):
                body = clean_whitespace(" ".join(code))
                if body:
                    blocks.append(Block(body, "code"))
                fence, code = None, []
            else:
                code.append(line)
            continue
        opened = _FENCE().match(line)
        if opened:
            flush()
            fence = opened.group(1)
            continue
        next_line = lines[index + 1] if index + 1 < len(lines) else ""
        if not line.strip():
            flush()
            in_table = False
        elif len(pending) == 1 and _is_table_rule(line, pending[0]):
            # The rule under a table's header row: the header and each row below are rows.
            blocks.append(Block(_markdown_row(pending[0]), "cell"))
            pending, in_table = [], True
        elif in_table and "|" in line:
            if row := _markdown_row(line):
                blocks.append(Block(row, "cell"))
        elif atx := _ATX().match(line):
            flush()
            before = len(blocks)
            pending, pending_role = [atx.group(2)], "head"
            flush()
            if atx.group(1) == "#" and first_h1 is None and len(blocks) > before:
                first_h1 = blocks[-1].text
        elif _SETEXT().match(line) and pending and pending_role == "p":
            before = len(blocks)
            pending_role = "head"
            flush()
            if line.strip().startswith("=") and first_h1 is None and len(blocks) > before:
                first_h1 = blocks[-1].text
        elif note := _FOOTNOTE_DEF().match(line):
            # "[^1]: Minutes of the board meeting.": the note, as a page lists its notes.
            flush()
            pending, pending_role = [note.group(1)], "item"
        elif _RULE().match(line) or _REF_DEF().match(line) or _TABLE_RULE().match(line):
            flush()
        elif _BULLET().match(line):
            flush()
            pending, pending_role = [_BULLET().sub("", line, count=1)], "item"
        elif _QUOTE_MARK().match(line):
            if pending_role != "quote":
                flush()
                pending_role = "quote"
            inner = _QUOTE_MARK().sub("", line, count=1)
            if inner.strip():
                pending.append(inner)
            else:
                flush()
                pending_role = "quote"
        else:
            # A heading underline belongs to this line; anything else continues the block.
            if _SETEXT().match(next_line) and pending and not _RULE().match(next_line):
                flush()
            pending.append(line.strip(" |") if "|" in line else line)
    if fence is not None and code:
        blocks.append(Block(clean_whitespace(" ".join(code)), "code"))
    flush()
    if not meta.title and first_h1:
        meta = replace(meta, title=first_h1)
    return blocks, meta


_RULE_CELL = lazy_pattern(r"\s*:?-+:?\s*")


def _is_table_rule(line: str, header: str) -> bool:
    """Whether ``line`` is the rule under a table's header row: a cell of hyphens (a colon
    at either end allowed) under each of the header's two cells or more ("--|--",
    "| :--- | ---: |"). A line of hyphens under a line with a pipe in it is a heading's."""
    cells = line.strip().strip("|").split("|")
    return (
        "|" in header
        and len(cells) >= 2
        and len(cells) == len(header.strip().strip("|").split("|"))
        and all(_RULE_CELL().fullmatch(cell) for cell in cells)
    )


def _markdown_row(line: str) -> str:
    """A Markdown table row's cells joined as :func:`_data_rows` joins an HTML table's."""
    cells = (clean_whitespace(strip_inline_markdown(cell)) for cell in line.strip(" |").split("|"))
    return _CELL_SEPARATOR.join(cell for cell in cells if cell)


def _front_matter(lines: list[str]) -> tuple[Metadata, list[str]]:
    """Read a leading ``---`` YAML-style block of simple ``key: value`` lines."""
    if not lines or lines[0].strip() != "---":
        return Metadata(), lines
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        return Metadata(), lines
    values: dict[str, Any] = {}
    for line in lines[1:end]:
        key, sep, value = line.partition(":")
        target = _FRONT_KEYS.get(key.strip().lower())
        value = value.strip().strip("\"'")
        if not sep or not target or not value:
            continue
        if target == "authors":
            values[target] = split_authors(value.strip("[]"))
        elif target == "language":
            values[target] = normalize_language(value)
        elif target in ("published", "modified"):
            values[target] = normalize_date(value)
        else:
            values[target] = value
    return Metadata(**values), lines[end + 1 :]


_IMAGE = lazy_pattern(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_LINK = lazy_pattern(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_FOOTNOTE_REF = lazy_pattern(r"\[\^[^\]\s]+\]")
_AUTOLINK = lazy_pattern(r"<((?:https?|mailto):[^>\s]+)>")
_TAG = lazy_pattern(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->")
_EMPHASIS = lazy_pattern(
    r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"
    r"|(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"
    r"|(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"
    r"|~~(?=\S)(.+?)(?<=\S)~~"
)
_CODE_SPAN = lazy_pattern(r"(`+)(.+?)\1")


def strip_inline_markdown(text: str) -> str:
    """Inline Markdown to plain text: images dropped, links to their text, no emphasis."""
    # Escaped characters are literal: park them where no pattern can match them.
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!>|<])", lambda m: chr(0xE000 + ord(m[1])), text)
    text = _IMAGE().sub("", text)
    text = _FOOTNOTE_REF().sub("", text)  # "landowners.[^1]": the mark of a note
    text = _LINK().sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)
    text = _AUTOLINK().sub(r"\1", text)
    text = _TAG().sub("", text)
    text = _CODE_SPAN().sub(lambda m: m.group(2).strip(), text)
    for _ in range(3):  # nested emphasis such as ***bold italic***
        text = _EMPHASIS().sub(lambda m: next(g for g in m.groups()[1:] if g is not None), text)
    return re.sub("[\ue000-\ue07f]", lambda m: chr(ord(m[0]) - 0xE000), text)


# --------------------------------------------------------------------------- HTML


def html_blocks(
    html: str, url: str | None = None, fetched_at: str | None = None, spec: str = ""
) -> tuple[list[Block], Metadata]:
    """Run trafilatura and turn its XML body into blocks; read the page's metadata."""
    import trafilatura

    tree = _parse_html(html, spec)
    if tree is None:
        return [], Metadata()
    _keep_notes(tree)
    _drop_embeds(tree)
    _keep_factboxes(tree)
    _drop_chrome_tables(tree)
    _drop_comment_threads(tree)
    _unlink_permalinks(tree)
    page = _page_metadata(tree, url)
    if "live" in page:
        _entries_as_sections(tree, _declared_feed(tree))
    elif feed := _live_feed(tree):
        # Declared a plain NewsArticle, yet built as a live blog: one <article> per update;
        # or a story told in dated sections ("What we know"), which is read the same way
        # but is no live blog: its sections follow the clock, a live blog's go against it.
        if _newest_first(feed) or _live_in_order(tree, feed, page.get("url") or url):
            page["live"] = "yes"
        _entries_as_sections(tree, feed)
    else:
        _drop_inner_cards(tree)
    byline_lines = _byline_lines(tree)  # before trafilatura, which may prune the tree
    # htmldate refuses dates after max_date; tie it to the snapshot, not the clock.
    max_date = fetched_at[:10] if fetched_at else "2100-01-01"
    result = trafilatura.bare_extraction(
        tree,
        url=url,
        config=_config(tree),
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        # Only dates the page states in its markup or URL: the extensive search guesses
        # from copyright lines and related-story dates.
        date_extraction_params={
            "original_date": True,
            "extensive_search": False,
            "max_date": max_date,
        },
    )
    found = result if result is not None and not isinstance(result, dict) else None
    blocks = list(_body_blocks(found.body)) if found is not None else []
    blocks = _mark_links(blocks, tree)

    def pick(name: str) -> Any:
        return getattr(found, name, None) if found is not None else None

    description = page.get("description") or pick("description")
    description = clean_whitespace(description) if description else None
    site_name = page.get("site_name") or pick("sitename")
    title = _without_site_name(
        clean_whitespace(page.get("title") or pick("title") or ""), site_name
    )
    language = normalize_language(page.get("language") or pick("language"))
    author = pick("author") or ""
    tag = "" if author else page.get("author", "")  # read when trafilatura drops it
    japanese = has_cjk(author or tag) and is_japanese(language, (b.text for b in blocks))
    if has_cjk(tag):
        # trafilatura drops an unspaced "王小明" or "記者王小明／台北報導"; but the tag may
        # also hold the outlet ("人民网") or an editor's or copyright line.
        names = split_authors(tag, japanese)
        if names and all(_cjk_personal_name(name, site_name) for name in names):
            author = "、".join(names)
    is_person = _people_of(tree, page)
    names = split_authors(author, japanese, is_person)
    page_text = _unescaped(html) if names else ""
    # The outlet named as the author (<meta name="author" content="The Daily Sentinel">)
    # gives way to the byline the page shows, as a name nowhere on the page does.
    outlet = (site_name or "").casefold()
    bare: list[str] = []  # the page without addresses, made when first asked
    shown = tuple(
        name for name in names if name.casefold() != outlet and _in_page(name, page_text, bare)
    )
    stated = published = normalize_date(page.get("published"))
    if published is None and (date := pick("date")):
        published = _own_date(tree, str(date), max_date, pick("url") or url)
    # The stamp the page shows ("Published: 08:00, 24 November 2026 | Updated: 11:42, ...")
    # gives the times that a date found elsewhere lacks, and the update.
    # What settles a stamp's "04/02/2026" before the page's language does (WordPress says
    # "en-US" on day-first sites too): the date the metadata states, else htmldate's when
    # something machine-readable says the same day.
    known = stated or _confirmed(tree, published, (page.get("url"), pick("url"), url))
    shown_published, shown_modified = _shown_stamp(tree, language, known)
    if known is None and _swapped(published, shown_published):
        # htmldate read the stamp's "04/02/2026" the other way round: one line, one reading.
        published = shown_published
    published = _with_time(published, shown_published)
    modified = _with_time(normalize_date(page.get("modified")), shown_modified)
    meta = Metadata(
        title=_shown_headline(tree, title, site_name) or None,
        authors=_shown_byline(tree, shown, mangled=shown != names, is_person=is_person),
        site_name=site_name,
        published=published,
        modified=modified,
        url=page.get("url") or pick("url") or url,
        language=language,
        description=description,
        repeated_standfirst=_repeated_standfirst(tree, description),
        structured_body=_plain_body(page.get("body")),
        live="live" in page,
        not_free="not_free" in page,
        byline_lines=byline_lines,
    )
    if meta.structured_body and _key(" ".join(b.text for b in blocks)) == _key(
        meta.structured_body
    ):
        # trafilatura fell back to articleBody itself, as one block, or the page shows the
        # same text: keep its paragraphs, and say where they came from if the page has none.
        blocks = text_blocks(meta.structured_body)
        meta = replace(meta, body_unseen=not _shown(tree, meta.structured_body))
    return blocks, meta


def _shown(tree: HtmlElement, body: str) -> bool:
    """Whether the page shows every paragraph of ``body`` outside its scripts. The page's
    words are read with its pieces of text both joined (a drop cap: "<b>T</b>he") and
    spaced (a heading glued to a paragraph: "cut</h1><p>The"); a paragraph's first and last
    words, which may be glued to a neighbour's, are left out."""
    pieces = tree.xpath(
        "//body//text()[not(ancestor::script or ancestor::style or ancestor::template)]"
    )
    joined, spaced = f" {_key(''.join(pieces))} ", f" {_key(' '.join(pieces))} "
    for paragraph in body.split("\n\n"):
        words = _words(paragraph)
        inner = f" {' '.join(words[1:-1] if len(words) > 2 else words)} "
        if inner.strip() and inner not in joined and inner not in spaced:
            return False
    return True


#: How deep libxml2 reads in its "huge" mode; past it, it drops the rest of the page.
_HUGE_DEPTH = 2048


def _config(tree: HtmlElement) -> Any:
    """trafilatura's settings for the page: its own, but for a page whose title or headline
    is in Chinese or Japanese (see :func:`_cjk_config`)."""
    from trafilatura.settings import DEFAULT_CONFIG

    title = tree.findtext(".//title") or ""
    headline = tree.find(".//h1")
    if has_cjk(title) or (headline is not None and has_cjk(headline.text_content())):
        return _cjk_config()
    return DEFAULT_CONFIG


@lru_cache(maxsize=1)
def _cjk_config() -> Any:
    """Below 250 characters of text trafilatura takes its extraction to have failed and
    falls back to the page's whole text in one paragraph, headline and byline included.
    250 characters of Chinese or Japanese say as much as ~100 words of English, and a short
    news item says less: for them, 80 characters."""
    from copy import deepcopy

    from trafilatura.settings import DEFAULT_CONFIG

    config = deepcopy(DEFAULT_CONFIG)
    config["DEFAULT"]["min_extracted_size"] = "80"
    return config


#: trafilatura parses every page with one parser, whose error log is its last parse's: held
#: from a parse until its log is read, so that pages loaded at once (``multi``) never read
#: each other's.
_SHARED_PARSER = threading.Lock()


def _parse_html(html: str, spec: str) -> HtmlElement | None:
    """The page's tree. libxml2 stops at 256 nested elements and silently drops everything
    deeper; only then (its error log says so) is the page parsed again in "huge" mode."""
    from trafilatura.utils import HTML_PARSER, load_html, repair_faulty_html

    with _SHARED_PARSER:
        tree = load_html(html)
        too_deep = tree is not None and _hit_depth_limit(HTML_PARSER)
    if not too_deep:
        return tree
    import lxml.html

    parser = lxml.html.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )
    repaired = repair_faulty_html(html, html[:50].lower())
    deep_tree = lxml.html.fromstring(repaired.encode("utf-8", "surrogatepass"), parser=parser)
    if _hit_depth_limit(parser):
        raise ExtractionError(
            f"cannot read {spec or 'the input'}: the page nests elements more than "
            f"{_HUGE_DEPTH:,} deep, and everything deeper would be lost",
            "copy the article's text into a .txt file and pass that",
        )
    return deep_tree


def _hit_depth_limit(parser: Any) -> bool:
    return any("Excessive depth" in error.message for error in parser.error_log)


#: The heading of a box that sums the story up above or beside it ("Key points:").
_SUMMARY_LABEL = r"key (?:points|facts|takeaways)|at a glance|what we know(?: so far)?"
_SUMMARY_HEADING = lazy_pattern(rf"\s*(?:{_SUMMARY_LABEL})\s*:?\s*", re.IGNORECASE)
# Not "\b": the box's text runs the heading into the first point ("At a glanceSix ...").
_SUMMARY_START = lazy_pattern(rf"^\s*(?:{_SUMMARY_LABEL})", re.IGNORECASE)


def _keep_notes(tree: HtmlElement) -> None:
    """Keep the boxes the newsroom writes into the story: a correction or an update note,
    and a "Key points" summary. trafilatura drops <aside> and <footer>, and any box whose
    class or id says "footer", "meta", "banner" and the like, as page chrome, and with them
    the edit a reader most wants to see. Those tags become plain <div>s and those boxes
    lose their class and id. A note is a sentence or more, not an "Updated 14:55" stamp; a
    box of many paragraphs is not a note box."""
    note, heading = NOTE_START(), _SUMMARY_HEADING()

    # Up from each piece of text that opens a note or is a summary's heading, through the
    # boxes it opens.
    def opens(piece: str | None) -> re.Pattern[str] | None:
        """How the boxes around this piece of text must start, if it opens any."""
        if not piece:
            return None
        if note.match(piece):
            return note
        return _SUMMARY_START() if len(piece) < 40 and heading.fullmatch(piece) else None

    openers: list[tuple[HtmlElement, re.Pattern[str]]] = []
    for element in tree.iter():
        if start := opens(element.text):
            openers.append((element, start))
        if (start := opens(element.tail)) and (parent := element.getparent()) is not None:
            openers.append((parent, start))
    seen: set[HtmlElement] = set()
    for opener, start in openers:
        for box in (opener, *opener.iterancestors()):
            if box in seen:
                break  # judged from an earlier opener, and so were the boxes around it
            seen.add(box)
            text = box.text_content()
            words = word_count(text)  # each Chinese or Japanese character is a word
            if not start.match(text) or words > 150:
                break
            if box.tag not in ("div", "section", "p", "aside", "footer") or words < 8:
                continue
            if box.tag in ("aside", "footer"):
                box.tag = "div"
            elif box.tag == "div" and not any(child.tag in _BLOCK_TAGS for child in box):
                box.tag = "p"  # trafilatura reads text straight in a <div> as layout
            for name in ("class", "id"):
                box.attrib.pop(name, None)


_BLOCK_TAGS = frozenset({"p", "div", "section", "ul", "ol", "table", "blockquote", "h2", "h3"})


# Embedded posts from social networks, and AMP's ads, embeds and widgets. A post's text is
# someone else's, and whether a fetch shows it (the placeholder before the script runs) or
# an empty frame (after) is chance: left in, it shows up as an edit that nobody made.
_EMBED_CLASSES = frozenset(
    {
        "twitter-tweet",
        "twitter-video",
        "instagram-media",
        "tiktok-embed",
        "bluesky-embed",
        "mastodon-embed",
        "text-post-media",
        "reddit-embed-bq",
        "fb-post",
    }
)
_AMP_EMBED = lazy_pattern(
    r"amp-(?:ad|embed|sticky-ad|auto-ads|analytics|pixel|sidebar|consent|user-notification|"
    r"[a-z-]*social[a-z-]*|twitter|instagram|facebook[a-z-]*|tiktok|bluesky|mastodon|threads|"
    r"reddit|pinterest|gist|youtube|vimeo|dailymotion|brightcove|jwplayer|iframe|"
    r"video-iframe|soundcloud|spotify)"
)


def _drop_embeds(tree: HtmlElement) -> None:
    """Remove social posts embedded in the story, AMP's ads, embeds and widgets, and the
    marks that point to a footnote."""
    doomed = [
        element
        for element in tree.iter()
        if isinstance(element.tag, str)
        and (
            (element.tag.startswith("amp-") and _AMP_EMBED().fullmatch(element.tag))
            or (
                element.tag in ("blockquote", "div")
                and not _EMBED_CLASSES.isdisjoint(element.get("class", "").split())
            )
            or (element.tag == "sup" and _is_note_mark(element))
        )
    ]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()  # keeps the text that follows it


#: Words of a class or id that make a box page chrome, for the tables and the <article>s in
#: it: a ticker, a sidebar, an advert, a "Most read" list, a menu, related stories, readers'
#: comments. (Not "widget": page builders call the article body one, "elementor-widget";
#: nor "weather", a widget's name in the sidebar, a section's on the story.)
_CHROME_BOX_WORDS = frozenset(
    word
    for words in (
        "ticker tickers sidebar promo promos advert advertisement ad ads sponsor sponsored",
        "trending popular mostread menu nav navigation newsletter",
        "related recommended recommendations teaser teasers outbrain taboola",
        "comment comments replies discussion",
    )
    for word in words.split()
)
_CLASS_WORD = lazy_pattern(r"[a-z]+")
_CAMEL_HUMP = lazy_pattern(r"(?<=[a-z])(?=[A-Z])")
_TOPIC_CLASS = lazy_pattern(r"(?:category|tag|topic|section)[-_]", re.IGNORECASE)


def _data_table(table: HtmlElement) -> bool:
    """Whether a table holds data, not layout: two rows or more of two cells or more, and
    no paragraphs in it."""
    rows = [row for row in table.iter("tr") if len(row.findall("td") + row.findall("th")) >= 2]
    return len(rows) >= 2 and next(table.iter("p"), None) is None


def _keep_factboxes(tree: HtmlElement) -> None:
    """Keep a factbox set between the story's paragraphs that holds a data table (a
    results box classed "story-sidebar", an ``<aside>`` of figures): trafilatura drops any
    box whose class says "sidebar", and :func:`_drop_chrome_tables` a table in one, and the
    figures with them. A factbox sits in the story's flow (two paragraphs of prose beside
    it), its table is no list of links, and no other chrome word names it ("related",
    "most-read", "promo"): it loses its class and id, an ``<aside>`` becomes a ``<div>``. A
    page's sidebar beside the story, and a box of related links in it, stay chrome."""
    headline_boxes: set[HtmlElement] | None = None  # made when first asked
    for table in list(tree.iter("table")):
        # Most tables stand in no box named as chrome: one look at their ancestors first.
        if not any(
            box.tag in _CHROME_TAGS or _classed_chrome(box) for box in table.iterancestors()
        ):
            continue
        if not _data_table(table) or _is_link_table(table):
            continue
        if headline_boxes is None:
            headline_boxes = _headline_boxes(tree)
        # The boxes around the table, up to the one that stands in the story's flow.
        boxes: list[HtmlElement] = []
        for box in table.iterancestors():
            if box.tag in ("body", "html") or box in headline_boxes:
                boxes = []
                break
            boxes.append(box)
            if _in_story_flow(box):
                break
        else:
            boxes = []
        chrome = [box for box in boxes if box.tag in _CHROME_TAGS or _classed_chrome(box)]
        if not chrome or any(
            box.tag in ("nav", "header", "footer") or not _only_a_sidebar(box) for box in chrome
        ):
            continue
        for box in chrome:
            if box.tag == "aside":
                box.tag = "div"
            for name in ("class", "id"):
                box.attrib.pop(name, None)


def _in_story_flow(box: HtmlElement) -> bool:
    """Whether ``box`` stands among the story's paragraphs: two siblings of prose."""
    parent = box.getparent()
    if parent is None:
        return False
    prose = 0
    for sibling in parent:
        if sibling is not box and sibling.tag == "p":
            prose += _is_sentence(clean_whitespace(sibling.text_content()))
            if prose >= 2:
                return True
    return False


def _only_a_sidebar(box: HtmlElement) -> bool:
    """Whether the only chrome word of a box's class or id is "sidebar" (or none, an
    ``<aside>``): a factbox set beside the text, not related stories or an advert."""
    classes = [c for c in box.get("class", "").split() if not _TOPIC_CLASS().match(c)]
    names = _CAMEL_HUMP().sub("-", f"{' '.join(classes)} {box.get('id', '')}").lower()
    words = set(_CLASS_WORD().findall(names.replace("most-read", "mostread")))
    return words & _CHROME_BOX_WORDS <= {"sidebar"}


def _drop_chrome_tables(tree: HtmlElement) -> None:
    """Remove the data tables that are page chrome before trafilatura reads the page: a
    market ticker or a "Most read" table inside the article's box would otherwise reach the
    text, now that data tables are kept (:func:`_data_rows`), and change at every fetch.
    Chrome is a table in a chrome box (:func:`_is_chrome_box`), or one mostly of links.
    Layout tables (fewer than two rows of two cells, or paragraphs in them) are left alone."""
    doomed = []
    page_words: list[int] = []  # the page's prose, counted once, when first asked
    for table in tree.iter("table"):
        rows = [row for row in table.iter("tr") if len(row.findall("td") + row.findall("th")) >= 2]
        if len(rows) < 2 or next(table.iter("p"), None) is not None:
            continue
        if _is_link_table(table) or any(
            _is_chrome_box(node) and not _holds_the_story(node, page_words)
            for node in table.iterancestors()
        ):
            doomed.append(table)
    for table in doomed:
        if table.getparent() is not None:
            table.drop_tree()


def _holds_the_story(box: HtmlElement, page_words: list[int]) -> bool:
    """Whether a box holds most of the page's prose: the story's, whatever its class says
    ("story-body has-ads", the headline above it). ``page_words`` caches the page's count."""
    if not page_words:
        page_words.append(_prose_words(box.getroottree().getroot()))
    return _prose_words(box) * 2 > page_words[0]


def _is_link_table(table: HtmlElement) -> bool:
    """Whether a table is a list of links: mostly link text, and its links are headlines
    ("Dam cracks widen at Holloway reservoir", a "Most read" table) or it has no text
    besides them and rank numbers (a menu). A results table whose candidates' names are links
    has its votes unlinked, and is data."""
    text = len(clean_whitespace(table.text_content()))
    anchors = [clean_whitespace(a.text_content()) for a in table.iter("a")]
    if sum(map(len, anchors)) * 5 <= text * 3:
        return False
    headlines = sum(len(a) for a in anchors if _word_count(a) >= 4)
    if headlines * 2 >= sum(map(len, anchors)):
        return True
    for cell in table.iter("td", "th"):
        if next(cell.iter("table"), None) is not None:
            continue
        unlinked = clean_whitespace(" ".join(_unlinked_text(cell)))
        if unlinked and not unlinked.rstrip(".").isdigit():
            return False
    return True


def _is_chrome_box(node: HtmlElement) -> bool:
    """Whether a box around a table is page chrome: a <nav>, <aside>, <header> or <footer>,
    or classed as one. The page's body, and a box that holds the headline, are not: that is
    a layout class ("has-sidebar") on the wrapper of the story itself."""
    if node.tag in ("body", "html"):
        return False
    return (node.tag in _CHROME_TAGS or _classed_chrome(node)) and next(
        node.iter("h1"), None
    ) is None


def _classed_chrome(node: HtmlElement) -> bool:
    """Whether a word of the element's class or id names page chrome ("market-ticker",
    "relatedStories", "most-read"). A class naming the story's category or tag
    ("category-comment", the opinion section) says nothing of the box."""
    classes = [c for c in node.get("class", "").split() if not _TOPIC_CLASS().match(c)]
    names = _CAMEL_HUMP().sub("-", f"{' '.join(classes)} {node.get('id', '')}").lower()
    # "popular-vote" is an election's result; "popular-posts", a list of other stories.
    names = names.replace("most-read", "mostread").replace("popular-vote", "popularvote")
    words = _CLASS_WORD().findall(names)
    return not _CHROME_BOX_WORDS.isdisjoint(words)


def _is_note_mark(sup: HtmlElement) -> bool:
    """A footnote's mark: a short ``<sup>`` ("1", "[2]", "*") that links within the page.
    Left in, it glued itself to the sentence ("landowners.1") and a renumbered note read
    as a changed figure. "m<sup>2</sup>" links nowhere and stays."""
    text = (sup.text_content() or "").strip()
    return len(text) <= 5 and any(
        (link.get("href") or "").startswith("#") for link in sup.iter("a")
    )


def _entries_as_sections(tree: HtmlElement, entries: list[HtmlElement]) -> None:
    """A live blog that makes each update an ``<article>``: trafilatura takes one of them
    for the story and only scraps of the others, without their headings or the summary
    pinned above them. As ``<section>``s they are one feed. Their class goes too: trafilatura
    takes the first box classed "post" or "entry" (an update's, then) for the story; but not
    a class that tells trafilatura a teaser is chrome ("related-card"). Of the page's other
    ``<article>``s, a teaser card goes (trafilatura would take the first ``<article>`` left
    for the story, or the cards' text with the feed); one around the feed stays; any other
    (a pinned post) becomes a section too."""
    if len(entries) < 2:
        return
    feed = set(entries)
    for article in list(tree.iter("article")):
        if article in feed:
            article.tag = "section"
            if not _classed_chrome(article):
                article.attrib.pop("class", None)
        elif any(inner in feed for inner in article.iterdescendants()):
            # The live blog's own box, around the headline and the feed: trafilatura takes
            # it for the story whole; made a section, the updates' headings were lost.
            continue
        elif _is_card(article, feed):
            article.drop_tree()
        else:
            article.tag = "section"


def _is_card(article: HtmlElement, feed: set[HtmlElement], read_more: bool = False) -> bool:
    """Whether an ``<article>`` beside a live feed is another story's teaser: classed as one
    ("related-card"), or with a heading that is a link; never one that holds the headline
    or an update. With ``read_more``, off a live blog, also a few lines and a "Read more"
    link (on one, a short update may end so)."""
    if next(article.iter("h1"), None) is not None or any(
        inner in feed for inner in article.iterdescendants("article")
    ):
        return False
    return (
        _classed_chrome(article)
        or _has_linked_heading(article)
        or (read_more and _reads_more(article) and _prose_words(article) < _CARD_WORDS)
    )


#: The most words of prose a teaser card holds besides its "Read more" link.
_CARD_WORDS = 60


def _reads_more(box: HtmlElement) -> bool:
    """Whether ``box`` has a "Read more" link, a card's to its story."""
    return any(_READ_MORE().fullmatch(clean_whitespace(a.text_content())) for a in box.iter("a"))


def _sibling_articles(tree: HtmlElement) -> dict[HtmlElement, list[HtmlElement]]:
    """The page's ``<article>``s grouped by the element that holds them, in page order: a
    live feed's updates, a row of cards, a thread of comments are siblings."""
    groups: dict[HtmlElement, list[HtmlElement]] = {}
    for article in tree.iter("article"):
        if (parent := article.getparent()) is not None:
            groups.setdefault(parent, []).append(article)
    return groups


def _unlink_permalinks(tree: HtmlElement) -> None:
    """Make plain text of the links on the headings of a live blog's updates, each to the
    update's own place on the page ("#update-3", "/live/floods?post=3"): they are no
    teasers' links to other stories, which the rules for feeds and cards look for. A
    permalink is a link to a fragment or a query of the page, or one of sibling
    ``<article>``s' heading links that all go to one path."""
    groups = _sibling_articles(tree)
    for entries in groups.values():
        links = [
            a
            for entry in entries
            for heading in entry.iter("h2", "h3", "h4")
            for a in (*heading.iter("a"), *(x for x in heading.iterancestors() if x.tag == "a"))
        ]
        paths = {urlsplit(a.get("href", "")).path for a in links}
        shared = len(entries) >= 2 and len(links) >= 2 and len(paths) == 1
        for a in links:
            if shared or a.get("href", "").startswith(("#", "?")):
                a.drop_tag()


def _drop_inner_cards(tree: HtmlElement) -> None:
    """Remove other stories' teaser cards set inside the story's own ``<article>`` (a "Read
    more" box below the text, a card between its paragraphs), or in a row of them beside it:
    trafilatura reads them as the story's. A card is an ``<article>`` classed as one, with
    a heading that links away or a "Read more" link (:func:`_is_card`; a live blog's
    permalinks are plain text by now: :func:`_unlink_permalinks`)."""
    doomed = [
        article
        for article in tree.iter("article")
        if any(outer.tag == "article" for outer in article.iterancestors())
        and _is_card(article, set(), read_more=True)
    ]
    # Beside the story, a row of two cards or more: left, trafilatura may take the first
    # for the story.
    groups = _sibling_articles(tree)
    for entries in groups.values():
        if len(entries) >= 2 and all(_is_card(entry, set(), read_more=True) for entry in entries):
            doomed.extend(entries)
    for article in doomed:
        if article.getparent() is not None:
            article.drop_tree()


def _declared_feed(tree: HtmlElement) -> list[HtmlElement]:
    """The updates of a page that says it is a live blog: its largest group of sibling
    ``<article>``s outside page chrome, not all teaser cards, or, without one, every
    ``<article>`` but the cards."""
    groups = _sibling_articles(tree)
    feeds = [
        entries
        for box, entries in groups.items()
        if len(entries) >= 2
        and not any(_is_chrome_box(n) for n in (box, *box.iterancestors()))
        and not all(_is_card(entry, set()) for entry in entries)
    ]
    if feeds:
        return max(feeds, key=len)
    return [article for article in tree.iter("article") if not _is_card(article, set())]


_STAMP_CLASS = lazy_pattern(r"time|stamp", re.IGNORECASE)
_CHROME_TAGS = ("aside", "nav", "footer", "header")
_OUTSIDE_PROSE = frozenset({"a", *_CHROME_TAGS})


def _live_feed(tree: HtmlElement) -> list[HtmlElement] | None:
    """The updates of a live blog that does not say it is one (JSON-LD ``NewsArticle``) but
    makes each update an ``<article>``: three or more sibling ``<article>``s, each stamped
    with a time and holding prose of its own, none with the page's ``<h1>`` or a linked
    heading (a story beside its teasers), outside page chrome, related stories and readers'
    comments (:func:`_is_chrome_box`), that together hold most of the page's prose, no one
    of them most of theirs. A story's "Related" cards fail one of these; a missed feed is
    only extracted as it was before."""
    groups = _sibling_articles(tree)
    feeds = [entries for entries in groups.values() if len(entries) >= 3]
    if not feeds:
        return None
    page_words = _prose_words(tree)
    for entries in feeds:
        box = entries[0].getparent()
        if any(_is_chrome_box(node) for node in (box, *box.iterancestors())) or any(
            _classed_chrome(entry) for entry in entries
        ):
            continue
        # An update may end "Read more" to a story of its own; a row of cards all do.
        if not all(_is_update(entry) for entry in entries) or sum(
            map(_reads_more, entries)
        ) * 2 >= len(entries):
            continue
        words = [_prose_words(entry) for entry in entries]
        # Most of the page's prose, and no entry most of the feed's (a story among cards).
        if sum(words) * 2 >= page_words and max(words) * 2 <= sum(words):
            return entries
    return None


_TIME_OF_DAY = lazy_pattern(r"T\d\d:\d\d|\b\d{1,2}[:.]\d\d\b|\b\d{1,2}\s*[ap]\.?m\b|\bago\b", re.I)


def _newest_first(entries: list[HtmlElement]) -> bool:
    """Whether a feed's updates read as a live blog's: most stamped with a time of day,
    and the times they say in their markup not in the order of the clock (a timeline's)."""
    if not _mostly_timed(entries):
        return False
    stamps = [
        value
        for entry in entries
        if (time := next(entry.iter("time"), None)) is not None
        and (value := time.get("datetime", "").strip())
    ]
    return len(stamps) < 2 or stamps != sorted(stamps) or len(set(stamps)) < len(stamps)


#: What names a live blog in its headline ("Floods: live updates", "Live: ...", "... – live",
#: "as it happened", "im Liveticker", "en direct") or its address ("/live/", "liveblog").
_LIVE_NAME = lazy_pattern(
    r"\blive(?:\s+|-)?(?:updates?|blog|coverage|reports?|text|commentary|ticker)\b|"
    r"^\s*live\b\s*[:|–—-]|[:|–—-]\s*live\s*(?:$|[|–—-])|\bas it happened\b|"
    r"\b(?:liveblog|liveticker|newsticker)|\ben direct\b|\ben (?:directo|vivo)\b|"
    r"\bin diretta\b|\bao vivo\b",
    re.IGNORECASE,
)
# A segment of the address: "/live/...", "/liveblog/...", ".../floods-live-updates", not
# "/live-music-venue-closes".
_LIVE_PATH = lazy_pattern(
    r"/(?:live|liveblog|live-?blog|liveticker|live-?updates?)(?:/|$)|"
    r"-(?:live|liveblog|live-?updates?)(?:/|$|\.html?$)",
    re.IGNORECASE,
)
_LIVE_CLASS_WORDS = frozenset({"live", "liveblog", "liveticker", "livefeed"})


def _live_in_order(tree: HtmlElement, entries: list[HtmlElement], url: str | None) -> bool:
    """Whether a feed whose updates run in the clock's order (oldest first, as some live
    blogs and most sports commentaries run) is a live blog and no story told in dated
    sections: most updates stamped with a time of day, and the page names itself one, in
    its headline, its address or the class of the feed's boxes ("liveblog", "live-post")."""
    if not _mostly_timed(entries):
        return False
    titles = [tree.findtext(".//title") or "", *(h1.text_content() for h1 in tree.iter("h1"))]
    titles += [str(v) for v in tree.xpath('//meta[@property="og:title"]/@content')]
    if any(_LIVE_NAME().search(clean_whitespace(title)) for title in titles):
        return True
    if url and _LIVE_PATH().search(urlsplit(url).path):
        return True
    for node in (entries[0], *entries[0].iterancestors()):
        names = _CAMEL_HUMP().sub("-", f"{node.get('class', '')} {node.get('id', '')}").lower()
        if not _LIVE_CLASS_WORDS.isdisjoint(_CLASS_WORD().findall(names)):
            return True
    return False


def _mostly_timed(entries: list[HtmlElement]) -> bool:
    """Whether most of a feed's updates say a time of day (in a stamp or their opening)."""
    timed = 0
    for entry in entries:
        times = [t for t in entry.iter("time") if isinstance(t.tag, str)]
        said = " ".join([t.get("datetime", "") for t in times] + [entry.text_content()[:200]])
        timed += bool(_TIME_OF_DAY().search(said))
    return timed * 2 >= len(entries)


#: A heading over readers' comments: "Comments (3)", "12 comments", "Join the discussion".
_COMMENTS_HEADING = lazy_pattern(
    r"(?:\d+\s+)?(?:readers?[’']?\s+)?(?:comments?|replies|responses|kommentare|commentaires|"
    r"comentarios)(?:\s*\(?\d+\)?)?|(?:join|start) the (?:discussion|conversation)|"
    r"(?:leave|post|add) a (?:comment|reply)|what (?:readers|you) (?:say|think)|"
    r"what do (?:readers|you) think|have your say",
    re.IGNORECASE,
)


def _drop_comment_threads(tree: HtmlElement) -> None:
    """Remove readers' comments laid out as sibling ``<article>``s, each with a time, under
    a heading that says so ("Comments (3)"): trafilatura keeps them unless a class tells
    it, and with the story short they read as a live blog's updates."""
    groups = _sibling_articles(tree)
    for box, entries in groups.items():
        entries = [e for e in entries if next(e.iter("h1"), None) is None]
        if len(entries) < 2 or not _under_comments_heading(box, entries[0]):
            continue
        for entry in entries:
            entry.drop_tree()


def _under_comments_heading(box: HtmlElement, first: HtmlElement) -> bool:
    """Whether a heading over ``first`` (in ``box`` before it, or just before ``box``) names
    readers' comments."""
    before = [first.getprevious(), box.getprevious()]
    for element in before:
        if element is not None and isinstance(element.tag, str):
            text = clean_whitespace(element.text_content()).strip(" :")
            if len(text) <= 40 and _COMMENTS_HEADING().fullmatch(text):
                return True
    return False


def _is_update(entry: HtmlElement) -> bool:
    """Whether an ``<article>`` reads as one update of a live blog: a time stamp, a
    sentence of its own outside links, no ``<h1>`` and no heading that is a link."""
    stamped = any(
        element.tag == "time"
        or (
            _STAMP_CLASS().search(element.get("class", ""))
            and any(c.isdigit() for c in element.text_content())
        )
        for element in entry.iter()
        if isinstance(element.tag, str)
    )
    if not stamped or next(entry.iter("h1"), None) is not None or _has_linked_heading(entry):
        return False
    return _prose_words(entry) > 0


_READ_MORE = lazy_pattern(
    r"(?:read|see) (?:more|the full story|full story|on)|full story|continue reading|more\W*",
    re.IGNORECASE,
)


def _has_linked_heading(box: HtmlElement) -> bool:
    """Whether a heading in ``box`` is a link, or inside one: a card pointing to a story."""
    return any(
        next(heading.iter("a"), None) is not None
        or any(a.tag == "a" for a in heading.iterancestors())
        for heading in box.iter("h2", "h3", "h4")
    )


def _prose_words(root: HtmlElement) -> int:
    """The words of the sentences in ``root``'s paragraphs, outside links and page chrome."""
    words = 0
    for paragraph in root.iter("p"):
        node = paragraph.getparent()
        while node is not None and node is not root and node.tag not in _OUTSIDE_PROSE:
            node = node.getparent()
        if node is not None and node is not root:
            continue
        text = clean_whitespace(" ".join(_unlinked_text(paragraph)))
        if _is_sentence(text):
            words += _word_count(text)
    return words


def _unlinked_text(element: HtmlElement) -> Iterator[str]:
    if element.text:
        yield element.text
    for child in element:
        if isinstance(child.tag, str) and child.tag != "a":
            yield from _unlinked_text(child)
        if child.tail:
            yield child.tail


_CRUMBS = lazy_pattern(r"^(?:[\w&'’. -]{1,30}[›»>]\s*)+(?=\w)")


_LOGO = lazy_pattern(r"logo|brand|masthead|site-?(?:name|title)", re.IGNORECASE)


def _shown_headline(tree: HtmlElement, title: str, site_name: str | None) -> str:
    """The page's one ``<h1>`` when it reads as another wording of ``title``, else ``title``:
    editors rewrite the headline shown and often leave og:title (the SEO headline) as it was.
    An ``<h1>`` that is the site's name, or shares no word with the title, is not it."""
    # A template that sets its logo in an <h1> has two: the site's name is not a headline.
    outlet = (site_name or "").casefold()
    h1s = [
        text
        for h1 in tree.iter("h1")
        if (text := clean_whitespace(h1.text_content()))
        and text.casefold() != outlet
        and not _LOGO().search(" ".join(h1.get(a, "") for a in ("class", "id")))
    ]
    if len(h1s) != 1 or not title:
        return title
    # Section names before a chevron ("Local › Dam cracks widen") are a breadcrumb trail.
    shown = _CRUMBS().sub("", strip_breadcrumbs(h1s[0], title))
    words = _words(shown)
    if (
        _key(shown).endswith(_key(title))
        or _same_headline(shown, title)
        or shown == site_name
        or not 3 <= len(words) <= 40
    ):
        return title
    shared = {w for w in words if len(w) >= 4} & set(_words(title))
    return shown if shared else title


#: A person's name in Chinese or Japanese characters: not ending as an outlet's or a desk's
#: does ("人民网", "新华社", "新闻中心").
_CJK_PERSON = lazy_pattern(rf"^[{CJK}々]{{2,6}}$(?<![网網社报報台站部局会會])(?<!新闻|新聞|中心)")
#: Words a notice or a role holds, and a name does not.
_NOTICE_WORDS = ("编辑", "編輯", "版权", "版權", "转载", "轉載", "记者", "記者", "本报", "本報")


def _cjk_personal_name(name: str, site_name: str | None) -> bool:
    """Whether a Chinese or Japanese author tag's name reads as a person's: two to six
    characters, not the site's name, nor an outlet's or a notice's ("人民网", "新华社",
    "责任编辑：张三", "版权所有")."""
    return (
        name != site_name
        and bool(_CJK_PERSON().match(name))
        and not any(word in name for word in _NOTICE_WORDS)
    )


def _unescaped(html: str) -> str:
    """The page's markup with its character references, and JSON-LD's ("Luc\\u00eda"),
    read: what :func:`_in_page` searches."""
    from html import unescape

    text = unescape(html)
    return _JSON_ESCAPE().sub(_unescape_json, text) if "\\u" in text else text


def _in_page(name: str, page: str, bare: list[str]) -> bool:
    """Whether the page (:func:`_unescaped`) has ``name`` in it, in its text or a tag's
    attribute, whatever the case and the tags or spaces between its words; or each of its
    words, outside addresses (JSON-LD's "givenName": "Ana", "familyName": "Ruiz"; ``bare``
    keeps the page without them).
    trafilatura makes names of what follows a byline's names: "By Ana Ruiz |
    aruiz@herald.com" gave "Aruiz Com" beside her, and "Email aruiz com"; such a "name" is
    nowhere on the page but in an address. Chinese and Japanese names are taken as they
    are: they stand without spaces round them."""
    if has_cjk(name):
        return True
    words = [re.escape(word) for word in name.split()]
    found = re.compile(r"(?<!\w)" + r"(?:\s|<[^>]*>)+".join(words) + r"(?!\w)", re.IGNORECASE)
    if found.search(page):
        return True
    if not bare:  # made once for all of a byline's names: the page may be megabytes
        bare.append(_ADDRESSES().sub(" ", page))
    return all(re.search(rf"(?<!\w){word}(?!\w)", bare[0], re.IGNORECASE) for word in words)


# E-mail addresses, URLs, host names and handles: where trafilatura's made-up names come from.
_ADDRESSES = lazy_pattern(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?:)?//[^\s\"'<>]+|(?<![\w.@])@\w+"
    r"|[\w-]+(?:\.[\w-]+)+"
)


_JSON_ESCAPE = lazy_pattern(r"\\u([0-9a-fA-F]{4})")


def _unescape_json(found: re.Match[str]) -> str:
    return chr(int(found[1], 16))


def _shown_byline(
    tree: HtmlElement,
    authors: tuple[str, ...],
    mangled: bool = False,
    is_person: Callable[[str], bool] | None = None,
) -> tuple[str, ...]:
    """The names of the byline the page shows ("By Ana Ruiz and Tom Okafor") when they are
    the metadata's authors and more, else the metadata's: an author meta tag often keeps the
    first reporter alone after another joins the story, and a byline that gains or loses a
    name is an edit worth seeing. ``mangled`` says that names trafilatura read from the
    byline were dropped as nowhere on the page: the byline's own names then stand, when
    they include the ones kept."""
    if not authors and not mangled:
        # trafilatura already read the page's byline, if it has one; but not a byline in
        # another language in a box its templates name ("firma", "signature", "autore").
        return _byline_abroad(tree)
    # The first box that reads as a byline only ("By ..."; an avatar's or a "Written by"
    # label's box comes before it): later ones are other stories' (a "Related" card's).
    for box in tree.xpath("//*[contains(@class, 'byline')]"):
        words = box.xpath(".//text()[not(ancestor::button or ancestor::script)]")
        text = clean_whitespace(" ".join(str(word) for word in words))
        if _BY().match(text) and 2 < len(text.split()) <= 20:
            break
    else:
        return authors
    names = split_authors(text, is_person=is_person)
    kept = {a.casefold() for a in authors}
    found = {n.casefold() for n in names}
    return names if kept < found or (mangled and kept <= found and names) else authors


# A class that marks a byline box: "by", "byline", "story-byline", "author", "author-name".
_BYLINE_CLASS = lazy_pattern(r"by|.*byline.*|(?:[\w-]+-)?authors?(?:-name)?|writer")


def _byline_lines(tree: HtmlElement) -> tuple[str, ...]:
    """The text of each box classed as a byline, a short line and no sentence ("Ledger
    staff", "By Ana Ruiz"): trafilatura keeps some as the story's first paragraph. Not a
    line that a paragraph of the page also reads: the story's own words stay."""
    lines: list[str] = []
    for box in tree.xpath("//*[@class]"):
        if box.tag in ("body", "html", "article", "main", "section", "header"):
            continue
        classes = box.get("class", "").lower().split()
        if not any(_BYLINE_CLASS().fullmatch(word) for word in classes):
            continue
        words = box.xpath(".//text()[not(ancestor::button or ancestor::script)]")
        text = clean_whitespace(" ".join(str(word) for word in words))
        count = len(text.split())
        if not 0 < count <= 12 or _is_sentence(text, count) or text in lines:
            continue
        paragraphs = tree.xpath("//p[normalize-space() = $text]", text=text)
        inside = {box, *box.iterancestors()}  # a <p> that is, or holds, the box itself
        if any(p not in inside and box not in p.iterancestors() for p in paragraphs):
            continue
        lines.append(text)
        if len(lines) == 4:  # the story's bylines come first; later ones are cards'
            break
    return tuple(lines)


#: Words of a byline box's class in the templates of continental papers.
# Matched within a class ("autor" holds Italian "autore" too).
_BYLINE_BOXES = ("firma", "signature", "autor", "auteur", "author")


def _byline_abroad(tree: HtmlElement) -> tuple[str, ...]:
    """The names of a byline in another language ("Por Inés Valcárcel | EFE · 03/03/2026")
    in a box classed as one, or none."""
    test = " or ".join(f"contains(@class, '{word}')" for word in _BYLINE_BOXES)
    for box in tree.xpath(f"//*[{test}]"):
        words = box.xpath(".//text()[not(ancestor::button or ancestor::script)]")
        text = clean_whitespace(" ".join(str(word) for word in words))
        if _BY_ABROAD().match(text) and 2 < len(text.split()) <= 20:
            return split_authors(text)
    return ()


def _plain_body(body: str | None) -> str | None:
    """JSON-LD articleBody as blank-line-separated plain text (some sites put HTML in it)."""
    if not body or not body.strip():
        return None
    # An embed's script or style is code, not words of the article: it went as text, glued
    # to the paragraph after it ("alert(2)We are being asked ...").
    body = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", "\n", body)
    text = re.sub(
        r"<\s*(?:br|/?p|/?h\d|/?li|/?blockquote|/?div)\b[^>]*>", "\n", body, flags=re.IGNORECASE
    )
    from html import unescape

    text = unescape(_TAG().sub("", text))
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _without_site_name(title: str, site_name: str | None) -> str:
    """``"Port strike halts exports | Meridian Wire"`` -> ``"Port strike halts exports"``."""
    if site_name:
        for separator in (" | ", " - ", " – ", " — ", " :: ", " · "):
            if title.endswith(separator + site_name) and len(title) > len(separator + site_name):
                return title[: -len(separator + site_name)].rstrip()
    return title


def _repeated_standfirst(tree: HtmlElement, description: str | None) -> str | None:
    """The description's text when two separate paragraphs of the body show it."""
    if not description or len(description.split()) < 8:
        return None
    size = len(description)
    copies = [
        text
        for element in tree.iter("p")
        if abs(len(text := clean_whitespace(element.text_content())) - size) <= size // 5
        and _near(text, description, 0.9)
    ]
    return copies[-1] if len(copies) >= 2 else None


_CONTAINERS = {"p", "head", "list", "item", "quote", "table", "code", "div", "section"}
_ROLES: dict[str, Role] = {"head": "head", "quote": "quote", "code": "code"}


def _body_blocks(body: Any) -> Iterator[Block]:
    """One block per paragraph, heading, list item and quote of trafilatura's XML body."""
    if body is None:
        return
    if body.text and body.text.strip():
        yield Block(clean_whitespace(body.text))
    for child in body:
        tag = child.tag
        if tag == "list":
            yield from _list_blocks(child)
        elif tag == "table":
            yield from _table_blocks(child)
        elif tag == "quote" and any(c.tag in _CONTAINERS for c in child):
            yield from _body_blocks(child)
        elif tag in ("graphic", "lb"):
            pass
        elif tag in ("div", "section") and any(c.tag in _CONTAINERS for c in child):
            yield from _body_blocks(child)
        elif tag == "p" and any(c.tag == "head" for c in child):
            # A box of a badge, a heading and a time ("LIVE", the headline, "Last updated
            # 10:20") that trafilatura made one paragraph: the heading stands apart.
            yield from _body_blocks(child)
        else:
            yield from _element_blocks(child, _ROLES.get(tag, "p"))
        if child.tail and child.tail.strip():
            yield Block(clean_whitespace(child.tail))


def _list_blocks(element: Any) -> Iterator[Block]:
    for item in element:
        if item.tag != "item":
            continue
        if any(c.tag in ("p", "head", "quote", "table") for c in item):
            # A card: headline and teaser are blocks of their own, not one glued line.
            yield from _body_blocks(item)
            continue
        nested = [c for c in item if c.tag == "list"]
        yield from _element_blocks(item, "item", skip=("list",))
        for sub in nested:
            yield from _list_blocks(sub)


def _table_blocks(element: Any) -> Iterator[Block]:
    """A table's cells as paragraphs when the cells read as prose (layout tables); a cell
    holding paragraphs or headings (an article laid out in a table) gives those. Else its
    rows, when it holds data (see :func:`_data_rows`)."""
    cells = [(b, c) for c in element.iter("cell", "td", "th") for b in _element_blocks(c, "cell")]
    long_cells = [(b, c) for b, c in cells if _word_count(b.text) >= 15 and _is_sentence(b.text)]
    if cells and len(long_cells) * 2 >= len(cells):
        done: set[int] = set()
        for block, cell in long_cells:
            if not any(child.tag in _CELL_BLOCKS for child in cell):
                yield block
            elif id(cell) not in done:
                done.add(id(cell))
                yield from _body_blocks(cell)
    elif rows := list(_data_rows(element)):
        yield from rows
    else:
        # The whole page laid out in a table, the story in one cell among short ones (the
        # masthead, the menu, the weather): that cell's paragraphs, whatever the others hold.
        taken: list[Any] = []
        for cell in element.iter("cell", "td", "th"):
            if any(outer in taken for outer in cell.iterancestors()) or not any(
                child.tag in _CELL_BLOCKS and _word_count(" ".join(child.itertext())) >= 15
                for child in cell
            ):
                continue
            taken.append(cell)
            yield from _body_blocks(cell)


_CELL_BLOCKS = frozenset({"p", "head", "list", "quote"})
#: A data table's cell is a figure or a label: longer, the table lays the page out.
_DATA_CELL_WORDS = 30
#: What joins a data table's cells in a row's paragraph.
_CELL_SEPARATOR = " | "


def _data_rows(table: Any) -> Iterator[Block]:
    """A data table's rows (results, figures, a timetable) as paragraphs, their cells joined
    by " | ": a figure that changes in one ("1,102" -> "1,112" votes) is an edit a reader
    wants reported. A table with two rows or more of two cells or more holds data; one of a
    cell a row, or whose cells hold paragraphs, lists, tables or long text, lays a page out
    and gives none. (Tables in page chrome are gone before: :func:`_drop_chrome_tables`.)"""
    rows: list[list[str]] = []
    for row in table:
        if row.tag != "row":
            continue
        texts = []
        for cell in row:
            if any(child.tag in _CELL_BLOCKS or child.tag == "table" for child in cell.iter()):
                return
            text = clean_whitespace(" ".join(block.text for block in _element_blocks(cell, "cell")))
            if _word_count(text) > _DATA_CELL_WORDS:
                return
            if text:
                texts.append(text)
        if texts:
            rows.append(texts)
    if sum(len(texts) >= 2 for texts in rows) >= 2 and not _is_byline_table(rows):
        for texts in rows:
            yield Block(_CELL_SEPARATOR.join(texts), "cell")


#: A cell that labels a story's byline or its date in an old template's table.
_META_LABEL = lazy_pattern(
    r"(?:by|author|authors|written by|posted|posted on|published|updated|share|print|email)"
    r"\s*:?",
    re.IGNORECASE,
)
_MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    r"july|august|september|october|november|december"
)
_WEEKDAYS = r"mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTH_OR_DAY = f"{_MONTHS}|{_WEEKDAYS}"
# "March 3, 2026", "Tue 3 Mar 2026 10:12 GMT", "03/03/2026", "10:12 am", "3pm": a date or a
# time alone, not a figure ("24", "1,102").
_DATE_CELL = lazy_pattern(
    rf"(?=.*(?:\b(?:{_MONTH_OR_DAY})\b|\d:\d\d|\d[/.-]\d+[/.-]\d|\d\s*[ap]\.?m\b))"
    rf"(?:(?:\d{{1,4}}(?:st|nd|rd|th)?|{_MONTH_OR_DAY}|[ap]\.?m\.?|at|gmt|bst|utc|[ecmp][sd]?t)"
    r"[\s,./:-]*)+",
    re.IGNORECASE,
)


def _is_byline_table(rows: list[list[str]]) -> bool:
    """Whether a table of short cells lays out a story's byline, date and sharing buttons
    (an old template's "By Jane Doe | March 3, 2026 | Share"), which is no data: a cell of
    it is a byline, a label or a button, and most of its cells are those or a date."""
    cells = [cell for texts in rows for cell in texts]
    is_date = [bool(_DATE_CELL().fullmatch(cell)) for cell in cells]
    # A date is no mark, though a date stamp alone is chrome on a page ("Tue 10 March"): a
    # fixtures table is dates and matches.
    marks = [
        not date
        and bool(_BYLINE().fullmatch(cell) or _META_LABEL().fullmatch(cell) or is_chrome(cell))
        for cell, date in zip(cells, is_date, strict=True)
    ]
    return any(marks) and (sum(marks) + sum(is_date)) * 2 >= len(cells)


_BREAK = "\x00"
_PARAGRAPH_BREAK = lazy_pattern(f"{_BREAK}\\s*{_BREAK}[\\s{_BREAK}]*")


def _element_blocks(element: Any, role: Role, skip: tuple[str, ...] = ()) -> list[Block]:
    """The text of one element; old templates separate paragraphs with ``<br><br>`` only,
    so two line breaks in a row start a new block and one is a space."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tag == "lb":
                parts.append(_BREAK)
            elif child.tag not in skip:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    chunks = _PARAGRAPH_BREAK().split("".join(parts))
    texts = (clean_whitespace(chunk.replace(_BREAK, " ")) for chunk in chunks)
    return [Block(text, role) for text in texts if text]


_LINK_WORD = lazy_pattern(r"\w+")


def _mark_links(blocks: list[Block], tree: HtmlElement) -> list[Block]:
    """Count each block's characters that are the text of a link on the page (trafilatura
    drops link markup on some paths, so the page's own anchors are the reference)."""
    anchors = {clean_whitespace(a.text_content()) for a in tree.iter("a")}
    # Anchors by their word sequence, and the lengths that occur after each first word pair,
    # so a block is scanned once per word instead of once per anchor.
    by_words: dict[tuple[str, ...], list[tuple[str, int]]] = {}
    lengths: dict[tuple[str, str], set[int]] = {}
    for anchor in anchors:
        found = list(_LINK_WORD().finditer(anchor))
        if len(found) >= 2:
            sequence = tuple(m.group() for m in found)
            by_words.setdefault(sequence, []).append((anchor, found[0].start()))
            lengths.setdefault((sequence[0], sequence[1]), set()).add(len(sequence))
    marked = []
    for block in blocks:
        text = block.text
        if text in anchors:
            marked.append(replace(block, link_chars=len(text)))
            continue
        covered = bytearray(len(text))  # overlapping anchors count once
        matches = list(_LINK_WORD().finditer(text))
        tokens = [m.group() for m in matches]
        for i in range(len(tokens) - 1):
            for size in lengths.get((tokens[i], tokens[i + 1]), ()):
                for anchor, offset in by_words.get(tuple(tokens[i : i + size]), ()):
                    start = matches[i].start() - offset
                    if start >= 0 and text.startswith(anchor, start):
                        covered[start : start + len(anchor)] = b"\x01" * len(anchor)
        marked.append(replace(block, link_chars=sum(covered)))
    return marked


_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "liveblogposting",
    "webpage",
    "report",
}


def _page_metadata(tree: HtmlElement, url: str | None = None) -> dict[str, str]:
    """What trafilatura does not give: dates with their time, modified date, language, and
    the canonical link resolved against the page's URL (``url``, the fetched one)."""
    found: dict[str, str] = {}

    def meta(*names: str, dated: bool = False) -> str | None:
        for name in names:
            for attr in ("property", "name", "itemprop"):
                for value in tree.xpath(f'//meta[@{attr}="{name}"]/@content'):
                    text = str(value).strip()
                    if text and (not dated or normalize_date(text)):
                        return text
        return None

    def put(key: str, value: str | None) -> None:
        if value and key not in found:
            found[key] = value

    put("author", meta("author", "dc.creator", "article:author"))
    for item in _json_ld(tree):
        kind = item.get("@type")
        # "NewsArticle", or its full name "https://schema.org/NewsArticle".
        kinds = [
            k.rsplit("/", 1)[-1].lower()
            for k in (kind if isinstance(kind, list) else [kind])
            if isinstance(k, str)
        ]
        if not any(k in _ARTICLE_TYPES for k in kinds):
            continue
        for key, name in (("published", "datePublished"), ("modified", "dateModified")):
            if isinstance(item.get(name), str):
                put(key, item[name])
        if isinstance(item.get("inLanguage"), str):
            found.setdefault("ld_language", item["inLanguage"])
        if isinstance(item.get("articleBody"), str):
            put("body", item["articleBody"])
        if people := _json_ld_people(item.get("author")):
            put("people", "\n".join(people))
        if "liveblogposting" in kinds:
            found["live"] = "yes"
        if item.get("isAccessibleForFree") in (False, "False", "false"):
            found["not_free"] = "yes"
    put(
        "published",
        meta(
            "article:published_time",
            "og:article:published_time",
            "datePublished",
            "parsely-pub-date",
            "sailthru.date",
            "pubdate",
            "publishdate",
            "publish-date",
            "dcterms.created",
            "dc.date",
            dated=True,
        ),
    )
    put(
        "modified",
        meta(
            "article:modified_time",
            "og:article:modified_time",
            "og:updated_time",
            "dateModified",
            "dcterms.modified",
            "last-modified",
            dated=True,
        ),
    )
    headline_boxes: set[HtmlElement] | None = None
    for attr in ("dateModified", "datePublished"):
        for element in tree.xpath(f'//*[@itemprop="{attr}"][@datetime]'):
            if headline_boxes is None:
                headline_boxes = _headline_boxes(tree)
            if _teaser_box(element, headline_boxes) is None:  # no related story's card's
                put("modified" if attr == "dateModified" else "published", element.get("datetime"))
    put("title", meta("og:title"))
    put("site_name", meta("og:site_name"))
    put("description", meta("description", "og:description"))
    languages = [str(v) for v in tree.xpath("/html/@lang | /html/@xml:lang")]
    put("language", next((v for v in languages if v.strip()), None))
    for value in tree.xpath('//meta[@http-equiv="content-language"]/@content'):
        put("language", str(value))
    put("language", meta("og:locale", "language", "content-language"))
    put("language", found.pop("ld_language", None))
    base = _base_url(tree, url, meta("og:url"))
    for value in tree.xpath('//link[@rel="canonical"]/@href'):
        href = str(value).strip()
        if href and not is_web_url(href) and base:
            href = urljoin(base, href)  # "/news/x", as AMP pages often give it
        if is_web_url(href):
            put("url", href)
    return found


def _headline_boxes(tree: HtmlElement) -> set[HtmlElement]:
    """Every element that holds an ``<h1>``: the story's boxes, up to the page's body."""
    return {box for h1 in tree.iter("h1") for box in h1.iterancestors()}


def _teaser_box(element: HtmlElement, headline_boxes: set[HtmlElement]) -> HtmlElement | None:
    """The box of another story that ``element`` (a date) sits in, if any: a card that
    points away, by a heading that is a link, a headline that is one ("Winter ferry
    timetable cuts two sailings" in a "Most read" list), or a link around it. Not a box for
    being an ``<aside>`` or classed "sidebar": the story's own date may sit in one. Looked
    for only below the boxes that hold the headline (``headline_boxes``)."""
    for box in element.iterancestors():
        if box.tag in ("body", "html") or box in headline_boxes:
            return None
        if box.tag == "a" or _has_linked_heading(box) or _links_a_headline(box):
            # A card says a few lines; a box with more prose holds the story (a page with no
            # <h1>, a subheading linked in the text).
            return box if _prose_words(box) <= _CARD_WORDS else None
    return None


def _links_a_headline(box: HtmlElement) -> bool:
    """Whether ``box`` has a link of four words or more that is not to a person's page (a
    long name in a byline): another story's headline."""
    return any(
        _word_count(clean_whitespace(a.text_content())) >= 4
        and not _AUTHOR_PAGE().search(urlsplit(a.get("href") or "").path)
        for a in box.iter("a")
    )


def _own_date(tree: HtmlElement, found: str, max_date: str, url: str | None) -> str | None:
    """The story's date when the one trafilatura found (``found``) is only a related
    story's, as a ``<time>`` in a teaser card says it (a card's date above the story's own
    on the page, or the story's date given only in its text): the date read again from the
    page without those cards; else ``found``."""
    day = found[:10]
    headline_boxes = _headline_boxes(tree)
    teasers: list[HtmlElement] = []
    teaser_days: set[str] = set()
    for time in tree.iter("time"):
        if (stamp := normalize_date(time.get("datetime"))) is None:
            continue
        if (box := _teaser_box(time, headline_boxes)) is None:
            if stamp[:10] == day:
                return found  # the story's own <time> says it
        else:
            teasers.append(box)
            teaser_days.add(stamp[:10])
    if day not in teaser_days:
        return found
    from copy import deepcopy

    from htmldate import find_date

    # The cards go from a copy of the page (found by path): all of them, or the next
    # card's date would be taken.
    pruned = deepcopy(tree)
    original, copy = tree.getroottree(), pruned.getroottree()
    twins = [twin for box in teasers for twin in copy.xpath(original.getpath(box))]
    for twin in twins:  # found first: a card dropped renumbers its siblings' paths
        if twin.getparent() is not None:
            twin.drop_tree()
    own = find_date(pruned, original_date=True, extensive_search=False, max_date=max_date, url=url)
    return str(own) if own else None


_MONTH_NUMBERS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for name in names
}
_STAMP_KEY = lazy_pattern(
    r"\b(?:first published|published|posted|last updated|last modified|updated|modified)\b",
    re.IGNORECASE,
)
_STAMP_DAY = lazy_pattern(
    rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?P<m1>{_MONTHS})\.?,?\s+(?P<y1>\d{{4}})\b|"
    rf"\b(?P<m2>{_MONTHS})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})\b|"
    r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y3>\d{4})\b|"
    r"\b(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2})\b",
    re.IGNORECASE,
)
_STAMP_TIME = lazy_pattern(
    r"\b(?P<h>\d{1,2})(?:[:.](?P<min>\d\d))?\s*(?:(?P<half>[ap])\.?m\b\.?|(?=[:.]?\d*\s*"
    r"(?:gmt|utc|bst|cet|cest|[ecmp][sd]t)\b)|(?<=\d[:.]\d\d))"
    r"(?:\s*(?P<zone>gmt|utc|bst|cet|cest|[ecmp][sd]t)\b)?",
    re.IGNORECASE,
)
_ZONES = {
    "gmt": "Z",
    "utc": "Z",
    "bst": "+01:00",
    "cet": "+01:00",
    "cest": "+02:00",
    "est": "-05:00",
    "edt": "-04:00",
    "cst": "-06:00",
    "cdt": "-05:00",
    "mst": "-07:00",
    "mdt": "-06:00",
    "pst": "-08:00",
    "pdt": "-07:00",
}


def _shown_stamp(
    tree: HtmlElement, language: str | None, known: str | None = None
) -> tuple[str | None, str | None]:
    """The published and updated date-times of the first stamp line the page shows for the
    story ("Published: 08:00, 24 November 2026 | Updated: 11:42, 24 November 2026",
    "Last updated: 24/11/2026 11:42", "Updated 11.42 GMT"), not a related story's card's.
    ``known`` is the publication date the page's metadata states, which settles whether
    "04/02/2026" is day or month first when nothing on the line does."""
    # Only the boxes around a piece of text with a stamp's word in it, and of those only
    # the short ones: reading every container's whole text made a big page, nested deep,
    # three times slower to extract.
    starts: list[HtmlElement] = []
    for piece in tree.xpath(_STAMP_WORD_XPATH):
        element = piece.getparent()
        if piece.is_tail and element is not None:
            element = element.getparent()
        starts.append(element)
    seen: set[HtmlElement] = set()  # boxes judged already, in either pass
    found = _first_stamp(tree, starts, seen, language, known)
    if found is None:
        # The word split by a tag ("Pub<b>lished</b>"): no piece of text holds it whole,
        # but the text of the box around the tag does. Asked only when nothing else is.
        boxes = tree.xpath(_SPLIT_STAMP_WORD_XPATH)
        found = _first_stamp(tree, boxes, seen, language, known)
    return found or (None, None)


def _first_stamp(
    tree: HtmlElement,
    starts: Iterable[HtmlElement],
    seen: set[HtmlElement],
    language: str | None,
    known: str | None,
) -> tuple[str | None, str | None] | None:
    """The dates of the first stamp line among ``starts`` and the boxes around them, or
    ``None`` when none reads as the story's stamp (see :func:`_shown_stamp`)."""
    headline_boxes: set[HtmlElement] | None = None
    for element in starts:
        boxes: list[tuple[HtmlElement, str]] = []  # innermost first
        while element is not None and element not in seen and element.tag not in _PAGE_TAGS:
            seen.add(element)
            if (text := _short_text(element, 160)) is None:
                break  # its boxes are longer still
            boxes.append((element, text))
            element = element.getparent()
        for element, text in reversed(boxes):  # in the page's order: the outer box first
            if element.tag not in _STAMP_TAGS:
                continue
            if not _STAMP_KEY().search(text) or not _STAMP().search(text):
                continue
            if not _DATELINE().fullmatch(text.strip(_EDGE_PUNCT)):
                continue
            if headline_boxes is None:
                headline_boxes = _headline_boxes(tree)
            if _teaser_box(element, headline_boxes) is not None:
                continue
            return _stamp_parts(text, (language or "").lower() == "en-us", known)
    return None


_STAMP_TAGS = {"p", "div", "span", "time", "li", "header", "section", "small"}
_PAGE_TAGS = {"body", "html", "head"}
_LOWER = "translate(., 'ABCDEFGHILMOPSTU', 'abcdefghilmopstu')"
# Text with a word of _STAMP_KEY in it, found by lxml itself.
_STAMP_WORD_XPATH = (
    f"//body//text()[contains({_LOWER}, 'publish') or contains({_LOWER}, 'updated') or "
    f"contains({_LOWER}, 'posted') or contains({_LOWER}, 'modified')]"
)

# The box of an inline tag (<b>, <span>) whose text, the tag's with it, has such a word.
_INLINE_TAG = "self::b or self::strong or self::i or self::em or self::span or self::u"
_SPLIT_STAMP_WORD_XPATH = f"//body//*[{_INLINE_TAG}]/parent::*[{{}}]".format(
    " or ".join(
        f"contains(translate(string(.), 'ABCDEFGHILMOPSTU', 'abcdefghilmopstu'), '{word}')"
        for word in ("publish", "updated", "posted", "modified")
    )
)


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


def _stamp_parts(text: str, month_first: bool, known: str | None) -> tuple[str | None, str | None]:
    """Published and modified of one stamp line. Its numeric dates ("03/31/2026") are read
    one way for the whole line: a part above 12 settles the order, else the publication
    date the metadata states (``known``), else the page's language (``month_first``); an
    update that would then fall before the publication is read the other way, or dropped."""
    keys = list(_STAMP_KEY().finditer(text))
    parts = [
        (key[0].lower(), text[key.end() : keys[i + 1].start() if i + 1 < len(keys) else len(text)])
        for i, key in enumerate(keys)
    ]
    numeric = [(int(f["a"]), int(f["b"])) for f in _STAMP_DAY().finditer(text) if f["y3"]]
    settled = True
    if any(a > 12 for a, _ in numeric):
        month_first = False
    elif any(b > 12 for _, b in numeric):
        month_first = True
    else:
        settled = not numeric

    def read(month_first: bool) -> tuple[str | None, str | None]:
        return _stamp_dates(parts, month_first)

    published, modified = read(month_first)
    if not settled:
        other = read(not month_first)
        day, other_day = (published or "")[:10], (other[0] or "")[:10]
        if known and known[:10] in (day, other_day):
            flip = known[:10] == other_day != day  # the metadata's date says which
        else:
            flip = _before(modified, published) and not _before(other[1], other[0])
        if flip:
            published, modified = other
    if _before(modified, published):
        modified = None  # no reading makes sense of it
    return published, modified


def _stamp_dates(parts: list[tuple[str, str]], month_first: bool) -> tuple[str | None, str | None]:
    published: tuple[str | None, str | None] = (None, None)
    modified: tuple[str | None, str | None] = (None, None)
    for key, part in parts:
        day = time = None
        if found := _STAMP_DAY().search(part):
            if (day := _stamp_day(found, month_first)) is None:
                continue  # "30 February": no date, and its time is of no day
            part = part[: found.start()] + " " + part[found.end() :]
        if found := _STAMP_TIME().search(part):
            hour, minute = int(found["h"]), int(found["min"] or 0)
            if found["half"]:
                hour = hour % 12 + (12 if found["half"].lower() == "p" else 0)
            if hour < 24 and minute < 60:
                zone = _ZONES.get((found["zone"] or "").lower(), "")
                time = f"{hour:02d}:{minute:02d}{zone}"
        if "updated" in key or "modified" in key:
            modified = modified[0] or day, modified[1] or time
        else:
            published = published[0] or day, published[1] or time
    if modified[0] is None and modified[1] is not None:
        # An update that gives only its time ("Updated 09:10 GMT"): pages show it so when
        # it was today, which is the day published only if it is later than the
        # publication's time; otherwise its day is unknown (today is when the page was
        # seen, not a day it says), so is the update.
        if published[1] is None or _minutes(modified[1], published[1]) > 0:
            modified = published[0], modified[1]
        else:
            modified = None, None

    def iso(day: str | None, time: str | None) -> str | None:
        return None if day is None else f"{day}T{time}" if time else day

    return iso(*published), iso(*modified)


def _minutes(late: str, early: str) -> int:
    """How many minutes the time ``late`` ("11:42Z", "09:10-05:00", "08:00") is after
    ``early`` on the same day. Zones count only when both say one: a line that says its
    zone once ("Published 08:00 | Updated 11:42 GMT") means one zone for the page."""

    def clock(time: str, zone: bool) -> int:
        minutes = int(time[:2]) * 60 + int(time[3:5])
        if zone and len(time) == 11:  # "-05:00": UTC is five hours later
            offset = int(time[6:8]) * 60 + int(time[9:11])
            minutes -= offset if time[5] == "+" else -offset
        return minutes

    zoned = bool(late[5:] and early[5:])
    return clock(late, zoned) - clock(early, zoned)


def _before(modified: str | None, published: str | None) -> bool:
    """Whether a stamp's update is dated before its publication: by day, or by time on the
    same day."""
    if not modified or not published:
        return False
    if modified[:10] != published[:10]:
        return modified[:10] < published[:10]
    late, early = modified[11:], published[11:]
    return bool(late and early) and _minutes(late, early) < 0


def _stamp_day(found: re.Match[str], month_first: bool) -> str | None:
    from datetime import date

    if found["y1"] or found["y2"]:
        year = int(found["y1"] or found["y2"])
        month = _MONTH_NUMBERS[(found["m1"] or found["m2"]).lower()]
        day = int(found["d1"] or found["d2"])
    elif found["y3"]:
        a, b, year = int(found["a"]), int(found["b"]), int(found["y3"])
        day, month = (b, a) if month_first else (a, b)
    else:
        year, month, day = int(found["y4"]), int(found["m4"]), int(found["d4"])
    try:
        return date(year, month, day).isoformat()  # not "30 February"
    except ValueError:
        return None


# A date in a story's address: "/2026/02/04/", "/2026-02-04-".
_URL_DAY = lazy_pattern(r"(?<!\d)(\d{4})[/-](\d{2})[/-](\d{2})(?!\d)")


def _confirmed(tree: HtmlElement, found: str | None, urls: tuple[Any, ...]) -> str | None:
    """``found`` (htmldate's date) when a ``<time datetime>`` outside related stories'
    cards, or the page's address, says the same day: then it was read from the markup,
    not guessed from the shown "04/02/2026" that the stamp reads on its own."""
    if not found:
        return None
    day = found[:10]
    for url in urls:
        date = _URL_DAY().search(urlsplit(url).path) if isinstance(url, str) else None
        if date and "-".join(date.groups()) == day:
            return found
    headline_boxes: set[HtmlElement] | None = None
    for time in tree.iter("time"):
        if (stamp := normalize_date(time.get("datetime"))) is None or stamp[:10] != day:
            continue
        if headline_boxes is None:
            headline_boxes = _headline_boxes(tree)
        if _teaser_box(time, headline_boxes) is None:
            return found
    return None


def _swapped(found: str | None, shown: str | None) -> bool:
    """Whether two dates are one another's day and month swapped (2026-02-04, 2026-04-02)."""
    if not found or not shown or found[:10] == shown[:10]:
        return False
    return found[:4] == shown[:4] and found[5:7] == shown[8:10] and found[8:10] == shown[5:7]


def _with_time(found: str | None, shown: str | None) -> str | None:
    """The date found in the page's metadata, or the one its stamp shows when that adds
    the time of the same day or there was none."""
    if shown is None:
        return found
    if found is None or ("T" not in found and shown[:10] == found[:10]):
        return shown
    return found


def _base_url(tree: HtmlElement, url: str | None, og_url: str | None) -> str | None:
    """What a relative link on the page is relative to: its ``<base href>`` (itself
    relative to the fetched URL), else the page's ``og:url``, else the fetched URL. ``None``
    for a saved page that says none of these: its relative links lead nowhere known."""
    for href in tree.xpath("//base/@href"):
        resolved = urljoin(url or "", str(href).strip())
        if is_web_url(resolved):
            return resolved
    for candidate in (og_url, url):
        if is_web_url(candidate):
            return candidate
    return None


def _json_ld_people(author: Any) -> list[str]:
    """The names of a JSON-LD ``author`` value's people (``@type`` Person)."""
    authors = author if isinstance(author, list) else [author]
    return [
        name
        for a in authors
        if isinstance(a, dict)
        and (a.get("@type") == "Person" or a.get("@type") == ["Person"])
        and isinstance(name := a.get("name"), str)
    ]


def _json_ld(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    import json

    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(str(script))
        except ValueError:
            continue
        yield from _json_objects(data)


def _json_objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _json_objects(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _json_objects(data["@graph"])


_ISO_DATE = lazy_pattern(
    r"^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?"
)


def normalize_date(value: str | None) -> str | None:
    """An ISO 8601 date or date-time as the page gave it (``T`` separator, ``+01:00``)."""
    if not value:
        return None
    match = _ISO_DATE().match(value.strip())
    if not match:
        return None
    day, time, zone = match.groups()
    if not time:
        return str(day)
    if zone and zone != "Z" and ":" not in zone:
        zone = f"{zone[:3]}:{zone[3:]}"
    return f"{day}T{time}{zone or ''}"


def normalize_language(value: str | None) -> str | None:
    """``en_GB`` or ``EN-gb`` -> ``en-GB``; ``None`` for anything that is not a tag."""
    if not value:
        return None
    tag = value.strip().split(",")[0].strip().replace("_", "-")
    parts = tag.split("-")
    if not re.fullmatch(r"[A-Za-z]{2,3}", parts[0]):
        return None
    out = [parts[0].lower()]
    out += [p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p for p in parts[1:] if p]
    return "-".join(out)


_BY = lazy_pattern(r"^\s*(?:(?:written|words|story)\s+)?by[:\s]+", re.IGNORECASE)
# "By" and "Author:" in other languages, at the head of a byline already known to be one:
# "Por Lucía Fernández", "Par Claire Dubois", "Автор: Ольга Степанова" (trafilatura drops
# the colon). Not Italian "di", which trafilatura capitalises: "Di Marco" is a surname.
_BY_ABROAD = lazy_pattern(
    r"^\s*(?:(?i:por|par|von|door|av|af|przez|autor[ae]?s?|auteure?s?|texte?o?|автор(?:ы)?"
    r"|текст)(?:\s*:\s*|\s+))(?=\w)"
)
# A dot between spaces separates ("Anna Ortiz · 5 min read"); one inside a name
# ("阿卜杜拉·买买提") does not. "and" in Spanish, French, German, Dutch and Russian too
# ("Lucía Fernández y Marcos Gil"), in lower case between spaces ("Y. Chen" is an initial);
# not "e", which Portuguese names hold ("Sousa e Silva"). Dutch "en" only before a name of
# two words or more: in Spanish and French it is "in" ("Lucía Fernández en Madrid").
_AUTHOR_SPLIT = lazy_pattern(
    r"\s*(?:;|,|\band\b|(?<=\s)(?-i:y|et(?!\s+al\b)|und|en(?=\s+\S+\s+\w)|и)(?=\s)|&|\||"
    r"(?<=\s)[·•](?=\s)|、|，|；)\s*",
    re.IGNORECASE,
)
#: A place after a name, in Spanish or French: "Lucía Fernández en Madrid".
_IN_PLACE = lazy_pattern(r"\s+(?-i:en)\s+\S+$")
# What a byline carries besides names: a date or time, a reading time ("By Anna Ortiz |
# Updated 3 hours ago", "· 5 min read", "| March 4, 2026") and a job title, which is beat
# words before a title ("Anna Ortiz, Health correspondent", "Staff Writer"). Whole parts
# only, and a name before the title makes it a name: "Ben Writer", "Mary Reporter".
_NOT_A_NAME = lazy_pattern(
    r".*\d.*|(?:first |last )?(?:published|updated|posted|modified)\b.*|"
    # The same stamps in the papers' languages: "Von Jonas Wehrhahn | Stand: 03.03.2026".
    r"(?:(?:zuletzt )?aktualisiert|stand|veröffentlicht|publié|mis à jour|actualizado|"
    r"publicado|aggiornato|pubblicato|atualizado|bijgewerkt|gepubliceerd|aktualizacja|"
    r"opublikowano)\b.*|"
    r"(?:(?:senior|chief|deputy|staff|special|political|politics|health|business|economics"
    r"|science|crime|transport|education|environment|foreign|home|sports?|arts|security"
    r"|technology|legal|local|city|court|data|news|investigations)\s+)*"
    r"(?:correspondent|reporter|editor|writer|columnist|contributor|journalist|producer"
    r"|photographer|critic)s?"
    # A contact's label: "By Ana Ruiz | Twitter: @aruiz" ("Twitter" is no second author).
    r"|e-?mail|twitter|x|facebook|instagram|threads|bluesky|linkedin|mastodon|"
    # What trafilatura leaves of a date beside the names ("| Feb. 12, 2026" gave "Feb");
    # not the months that are names too (May, June, April, August).
    r"(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?|"
    r"january|february|march|july|september|october|november|december",
    re.IGNORECASE,
)

# An outlet, a wire or a desk credited beside the reporters ("Rafael Oyelaran, Continental
# Press", "Ana Ruiz; Reuters", "Metro Staff", "Our Correspondent"): no person. A newspaper's
# name ends in words that are also surnames (Emily Post, Tom Herald), so those count only
# after "The" ("The Herald", "The Hollin Vale Echo"), after a paper's word ("Lakeside Evening
# Post", not "Mary Ann Post") or in a name of four words or more.
_WIRES = (
    r"reuters|ap|afp|upi|pa|dpa|efe|ansa|kyodo|xinhua|tass|aap|anp|bloomberg|"
    r"associated press|press association|agence france-presse"
)
_ORGANISATION = lazy_pattern(
    rf"(?:the\s+)?(?:{_WIRES})(?:\s+(?:media|news|wires?))?|"
    r".*\b(?:press|news|newswire|agency|agencies|wires?|media|services?|broadcasting|network|"
    r"newspapers?|staff|desk|bureau|correspondents|reporters|contributors|"
    r"presse|agentur|redaktion|nachrichten|agencia|agence|redacci[oó]n|r[ée]daction)"
    r"(?:\s+(?:correspondent|reporter|writer|editor)s?)?|"
    r"our\s+(?:own\s+)?(?:\w+\s+)?(?:correspondent|reporter)s?|"
    r"(?:the\s+(?:\S.*\s)?|\S+\s+\S+\s+\S.*\s|.*\b(?:evening|morning|daily|sunday|weekly|county)\s)"
    r"(?:times|post|herald|tribune|gazette|journal|chronicle|"
    r"telegraph|courier|observer|bulletin|express|mail|mirror|standard|guardian|echo|star|"
    r"record|register|sun|daily|weekly|magazine|review|globe|argus|sentinel|examiner)",
    re.IGNORECASE,
)

# A Chinese or Japanese byline names the role, and often the outlet, before the names:
# "临江日报记者 周晓梅", "本报记者 张伟 通讯员 李娜", "（记者 王强）", "文/李明". Not 記者会見.
# A word that says what kind of reporter, not who (新人記者, 見習い記者, as 特約記者 or
# 实习记者), is part of the role: a name before the role cannot be told from it by its
# shape, so the common ones are listed.
_CJK_ROLE = (
    r"(?:(?:特约|特約|实习|實習|新人|見習い|若手|ベテラン|女性|男性)?(?:记者|記者)"
    r"|通讯员|通訊員|实习生|實習生)(?![会會])|[文图圖]\s*[/／]"
)
# The role is set off from the names (a space, a colon, or the slash of 文/), so that
# "记者表示欢迎", a sentence, is not read as the byline of 表示欢迎.
_CJK_OUTLET_ROLE = (
    rf"[（(【\[]?[^\s\d（(【\[，,。：:、]{{0,10}}?(?:{_CJK_ROLE})"
    r"(?:\s*[:：]\s*|\s+|(?<=[/／])\s*|$)"
)
_CJK_NAME = rf"[{CJK}](?:[{CJK}]|·(?=[{CJK}])){{1,4}}"
_CJK_NAMES = rf"{_CJK_NAME}(?:\s*[、，,\s]\s*{_CJK_NAME})*"
# What may follow the names: a closing bracket, and a date after a space or a separator.
_CJK_AFTER_NAMES = r"[）)】\]]?(?:\s*[·•|｜]\s*(?:\d.*)?|\s+\d.*)?"
_CJK_BYLINE = lazy_pattern(
    rf"{_CJK_OUTLET_ROLE}{_CJK_NAMES}(?:\s*(?:{_CJK_ROLE})\s*[:：]?\s*{_CJK_NAMES})*"
    + _CJK_AFTER_NAMES
)
_CJK_ROLES = lazy_pattern(rf"^{_CJK_OUTLET_ROLE}|(?:{_CJK_ROLE})\s*[:：]?")
_CJK_BYLINE_END = lazy_pattern(_CJK_AFTER_NAMES + "$")
# The Taiwanese byline that says where the story was reported from, and its simplified
# twin: "記者王小明／台北報導", "〔記者王小明、李大華／綜合報導〕", "记者 王小明 北京报道",
# after an outlet or not ("中央社記者王小明／台北報導"). Spaced rather than slashed, the
# place ends the byline: "他对记者 王小明 说北京报道不实" is a sentence. On NFKC keys: the
# slash is ASCII.
_REPORTED_PLACE = rf"[{CJK}]{{1,8}}[报報][导導道]"
_REPORTED_FROM = (
    r"[〔【\[(]?(?:[^\s\d〔【\[(/、,。:]{1,10}?)?[记記]者\s*"
    rf"(?P<reported>{_CJK_NAME}(?:、{_CJK_NAME})*)"
    rf"(?:\s*/\s*{_REPORTED_PLACE}|\s+{_REPORTED_PLACE}(?![{CJK}]))[〕】\])]?"
)
_REPORTED_FROM_LINE = lazy_pattern(_REPORTED_FROM)


def _without_by(name: str) -> str:
    """A byline's name without its "By", in English or another language; a foreign one only
    before two words at least and never after an English one: "By Von Miller" is a name."""
    bare = _BY().sub("", name, count=1)
    if bare != name:
        return bare
    abroad = _BY_ABROAD().sub("", name, count=1)
    return abroad if len(abroad.split()) >= 2 else name


def split_authors(
    byline: str, japanese: bool = False, is_person: Callable[[str], bool] | None = None
) -> tuple[str, ...]:
    """``"By Anna Ortiz and Ben Ko"`` -> ``("Anna Ortiz", "Ben Ko")``;
    ``"本报记者 张伟 李娜 · 9月15日"`` -> ``("张伟", "李娜")``. ``japanese`` says the page is
    Japanese (see :func:`is_japanese`): ``"記者 山田 花子"`` -> ``("山田 花子",)``.
    ``is_person`` says whether the page marks a name as a person's (:func:`_people_of`):
    then "Frank Press" beside "Ana Ruiz" is a reporter, not a wire (see ``_PAPER_NAME``)."""
    cjk = has_cjk(byline)
    if cjk:
        if reported := _REPORTED_FROM_LINE().fullmatch(normalize(byline.strip())):
            byline = reported["reported"]  # the names, not the place: "記者王小明／台北報導"
        byline = _CJK_BYLINE_END().sub("", byline.strip(), count=1)
    names: list[str] = []
    for part in _AUTHOR_SPLIT().split(byline):
        for name in _cjk_names(part, japanese) if cjk else (part,):
            name = _WITH_WIRES().sub("", clean_whitespace(_without_by(name))).strip(" .")
            name = _IN_PLACE().sub("", name)
            if (
                name
                and "@" not in name
                and "://" not in name
                and not _NOT_A_NAME().fullmatch(name)
                and name not in names
            ):
                names.append(name)
    # An outlet or a wire beside reporters' names is no author; alone, it is the byline.
    # Beside a capitalised name, a part in lower case is a job, not a person: "Claire Dubois,
    # envoyée spéciale". (All in lower case, a byline stays: it may be set so.)
    all_lower = all(map(_in_lower_case, names))
    people = tuple(
        name
        for name in names
        if (
            not _ORGANISATION().fullmatch(name)
            or (is_person is not None and _PAPER_NAME().fullmatch(name) and is_person(name))
        )
        and not _OUTLET_INITIALS().fullmatch(name)
        and (all_lower or not _in_lower_case(name))
    )
    if not people and len(names) == 2 and names[1].casefold() in _GENERIC_CREDITS:
        # "Staff and agencies" is one credit, not two authors.
        credit = re.search(rf"{re.escape(names[0])}\s+and\s+{re.escape(names[1])}", byline)
        if credit:
            return (credit[0],)
    return people or tuple(names)


# A person's name whose surname is a word outlets are named with ("Frank Press", "Emily
# Post", "Tom Herald"): told from an outlet's only by the page's markup (:func:`_people_of`),
# and never a wire's ("Canadian Press", "United Press").
_PAPER_NAME = lazy_pattern(
    r"(?!(?i:the|canadian|united|associated|free)\b)[A-Z][a-z'’-]+"
    r"(?:\s+[A-Z]\.)?\s+(?:Press|News|Post|Times|Herald|Star|Sun|Mail|Standard|Echo|Record|"
    r"Globe|Express|Mirror|Review|Journal|Courier|Bulletin|Register|Examiner|Observer)"
)
#: The address of a person's page on a news site: "/authors/frank-press", "/people/ana-ruiz/".
_AUTHOR_PAGE = lazy_pattern(
    r"/(?:authors?|autor(?:es|en)?|auteurs?|autore|people|profiles?|staff|reporters?|"
    r"journalists?|writers?|contributors?|team)/[\w.%-]+/?$",
    re.IGNORECASE,
)


def _people_of(tree: HtmlElement, page: Mapping[str, str]) -> Callable[[str], bool]:
    """Whether the page marks a name as a person's: an author of ``@type`` Person in its
    JSON-LD (``page["people"]``), or the text of a link to a person's page on the site. The
    names are gathered when first asked."""
    known: list[set[str]] = []

    def is_person(name: str) -> bool:
        if not known:
            people = {n.casefold() for n in page.get("people", "").split("\n") if n}
            for link in tree.iter("a"):
                if _AUTHOR_PAGE().search(urlsplit(link.get("href") or "").path):
                    people.add(clean_whitespace(link.text_content()).casefold())
            known.append(people)
        return name.casefold() in known[0]

    return is_person


def _in_lower_case(name: str) -> bool:
    """Whether ``name`` has letters of a cased script and no capital among them (Arabic or
    Chinese, which have no case, never is)."""
    return name == name.lower() and name != name.upper()


# "Ana Ruiz, BBC", "Tom Bell, KXTV": a broadcaster's or a paper's initials, no person's name.
_OUTLET_INITIALS = lazy_pattern(r"(?:the\s+)?[A-Z]{2,6}")
_GENERIC_CREDITS = frozenset({"agencies", "agency", "wires", "wire services", "news agencies"})
# "Ana Ruiz with agencies": the reporter, helped by the wires.
# "Camille Ferrand (avec AFP)", "Lea Brandt (dpa/AFP)", "Inés Valcárcel con EFE": the wire
# credited beside the name, in brackets or after "with" in any of the papers' languages.
_WITH_WIRES = lazy_pattern(
    r"\s+with\s+(?:agencies|wires|wire services)\s*$|\s*\([^()]{1,40}\)\s*$|"
    r"\s+(?:avec|con|mit|com|met|z)\s+(?:l')?(?:afp|ap|efe|dpa|reuters|ansa|lusa|anp|pap|"
    r"agences?|agencias?|agenturen|agência|agências)\b.*$",
    re.IGNORECASE,
)


def _cjk_names(part: str, japanese: bool) -> list[str]:
    """The names in one part of a Chinese or Japanese byline: after a role, spaces separate
    names ("本报记者 张伟 李娜"), but in Japanese they also separate a surname from a given
    name ("記者 山田 花子"); a role after a name, as Japanese puts it, follows the name
    ("北浜新報 山田花子記者"); without one the part is a name as it stands ("佐野 美咲")."""
    part = part.strip(_CJK_BRACKETS)
    if suffixed := _CJK_NAME_ROLE().fullmatch(part):
        return [suffixed["name"]]
    if not _CJK_ROLES().search(part):
        return [part]
    names: list[str] = []
    for after_role in _CJK_ROLES().split(part):
        pieces = after_role.strip(_CJK_BRACKETS).split()
        names += _surname_and_given(pieces) if japanese else pieces
    return names


def _surname_and_given(pieces: list[str]) -> list[str]:
    """Japanese names of spaced pieces: a surname and a given name are 1-3 characters each,
    so two such pieces in a row are one name ("山田 花子"); a longer piece is a name whole."""
    names: list[str] = []
    while pieces:
        if len(pieces) >= 2 and len(pieces[0]) <= 3 and len(pieces[1]) <= 3:
            names.append(f"{pieces[0]} {pieces[1]}")
            pieces = pieces[2:]
        else:
            names.append(pieces[0])
            pieces = pieces[1:]
    return names


# Hiragana and Katakana: Chinese has neither.
_KANA = lazy_pattern("[\u3041-\u3096\u30a1-\u30fa]")
_HIRAGANA = lazy_pattern("[\u3041-\u3096]")


def is_japanese(language: str | None, texts: Iterable[str]) -> bool:
    """Whether a page is Japanese: its stated language says so, or, when it states none, its
    text holds kana. Chinese and Japanese share the Han characters of a byline."""
    if language:
        return language.split("-")[0] == "ja"
    return any(_KANA().search(text) for text in texts)


_CJK_BRACKETS = " （）()【】[]"
# The shortest name the role can follow, so 山田花子特約記者 is 山田花子, not 山田花子特約;
# not an outlet ("本报记者", "临江日报记者" with no name after them name nobody), nor the
# start of a longer role (特约记者 alone names nobody, not 特约).
_CJK_NAME_ROLE = lazy_pattern(
    rf"(?:\S+\s+)?(?P<name>(?!本|(?:{_CJK_ROLE})$)[{CJK}](?:[{CJK}]|·(?=[{CJK}])){{1,5}}?)"
    rf"(?<![报報社台网網刊闻聞])(?:{_CJK_ROLE})"
)


# --------------------------------------------------------------------------- clean-up

_CHROME_EXACT = lazy_pattern(
    r"(?:back to top|top|skip to (?:main )?content|skip advertisement|loading|"
    r"related|related (?:articles?|stories|content|news|coverage|topics|links|reading)|"
    r"more on this (?:story|topic)|more stories|more news|see also|recommended|"
    r"recommended (?:for you|stories|articles|reading)|"
    r"you (?:may|might) also (?:like|be interested in)|"
    r"read (?:more|next|also)|editor'?s'? picks?|top stories|"
    r"trending|trending (?:now|stories|news)|"
    r"most (?:read|popular|viewed|shared)|latest(?: news| stories)?|popular|"
    r"public reaction|reactions?|comments?|\d+ comments?|show comments|leave a (?:comment|reply)|"
    r"join the (?:conversation|discussion)|advertisement|advert|ad|sponsored(?: content)?|promoted|"
    r"(?:story|article) continues (?:below|after)(?: (?:this )?advertisement)?|"
    r"continue reading(?: below| the main story)?|"
    # Newsletter and sharing furniture of some big outlets' templates.
    r"(?:skip past|after) newsletter promotion|reuse this content|"
    r"explore more on (?:these|this) topics?|send any friend a story|give this article|"
    # Counters, which every fetch moves on: "Read 212 comments", "1,204 shares".
    r"(?:read|view|see|show)(?: all)? [\d,.]+k? comments?|[\d,.]+k? (?:shares?|views?|reads?)|"
    r"this (?:story|article|post) has been (?:shared|viewed|read) [\d,.]+k? times|"
    r"share|share (?:this|the) (?:article|story|page|post)|share this|"
    r"share (?:on|via|to) (?:facebook|twitter|x|linkedin|whatsapp|email|e-mail|reddit|telegram)|"
    r"(?:facebook|twitter|linkedin|whatsapp|email|print|copy link|copied)(?: \w+)?|"
    r"listen(?: to this article)?|\d+ min(?:ute)?s? read|subscribe(?: now)?|sign in|log in|"
    r"listen\s*[·•|-]?\s*\d+ min(?:ute)?s?|comments? \(\d+\)|bookmark|"
    r"newsletter|newsletters|newsletter sign-?up|topics|tags|all rights reserved|"
    r"(?:advertisement\s*[·•|-]?\s*)?scroll to continue(?: with content)?|"
    r"listen to (?:this )?(?:article|story)|\d+ min(?:ute)?s? listen|"
    r"(?:save|gift|print)(?: this)?(?: article| story| page)?|"
    r"(?:play|watch) (?:video|now)|purchase licensing rights|opens new tab|"
    r"(?:sign|log) in to (?:comment|reply)|follow(?: topics?| this (?:topic|author))?|"
    r"this (?:article|story) is (?:more than|over) (?:\d+|an?|one) (?:years?|months?) old|"
    # A live blog's "5 mins ago" beside each entry, which every fetch moves on.
    r"(?:about |around )?(?:\d+|an?|one) ?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|"
    r"d|days?|wks?|weeks?|mos?|months?) ago|just now|"
    # A gallery's counter and buttons: "1 of 6", "Photo 2 of 12", "View all 6 photos".
    r"(?:(?:photo|image|picture|slide)s? )?\d+ (?:of|/) \d+|"
    r"(?:previous|next)(?: (?:photo|image|picture|slide))?|"
    r"view (?:all )?(?:\d+ )?(?:photos|images|pictures)|(?:photo |image |picture )?gallery|"
    r"bolet[ií]n(?: (?:diario|semanal))?|live(?: updates| coverage| blog)?|"
    # A label over a story that comes and goes with the news: "BREAKING", "Developing".
    r"breaking(?: news)?|developing(?: story)?|just in|"
    # Ads and share buttons in Russian and Arabic.
    r"реклама|поделиться|إعلان|شارك(?: المقال| الخبر)?|"
    # Ads, "read also" labels, share buttons, comment counters and reading times in German,
    # French, Spanish, Italian, Portuguese, Dutch and Polish.
    r"anzeige|publicité|publicidad|pubblicità|publicidade|advertentie|reklama|werbung|"
    r"(?:à )?lire aussi|te puede interesar|lee también|leggi anche|(?:leia|veja) também|"
    r"lees ook|(?:czytaj|zobacz) (?:też|także|również)|lesen sie auch|mehr zum thema|"
    r"(?:artikel )?teilen|partager(?: l'article)?|compartir|condividi|compartilhar|partilhar|"
    r"delen|udostępnij|"
    r"(?:kommentare|commentaires|comentarios|commenti|comentários|reacties|komentarze|"
    r"réagir) \(\d+\)|"
    r"(?:lesezeit|lecture|tiempo de lectura|tempo di lettura|tempo de leitura|leestijd|"
    r"czas czytania)\s*:?\s*\d+ min(?:\.|uten|uti|utos|uty|ut)?|"
    r"\d+ min(?:\.|uten|uti|utos|uty|ut)? (?:lesezeit|de lecture|de lectura|di lettura|"
    r"de leitura|leestijd|czytania))",
    re.IGNORECASE,
)
_CHROME_PREFIX = lazy_pattern(
    r"(?:(?:read|see|also read|watch|listen|related|more)(?: more| also)?\s*:.*|"
    # "ALSO READ | Fares to rise", "Read next - Fares to rise"
    r"(?:also read|read (?:also|more|next)|must read|don't miss)\s*(?::|\||[-–—] ).*|"
    r"read more (?:about|on|from)\b.*|"
    r"(?:click|tap) here (?:to|for)\b.*|"
    r"follow (?:us|@\S+|[\w.&'-]+(?: [\w.&'-]+){0,3}) on\b.*|"
    r"(?:sign up|subscribe|register)\b.{0,80}\bnewsletters?\b.*|"
    r"(?:get|receive) (?:our|the) .{0,60}newsletters?\b.*|"
    r"enter your e-?mail\b.*|"
    r"(?:get|receive|have) .{0,60}\b(?:in|to|straight to) your inbox\b.*|"
    # "Want the top stories in your inbox? Sign up here"
    r".{0,80}\b(?:newsletters?|inbox)\b.{0,40}[?:!.]\s*sign up(?: here| now| today)?|"
    # "Don't miss the latest stories - sign up to our newsletter"
    r".{0,60}\s[-\u2013\u2014|]\s*(?:sign up|subscribe)\b.{0,60}\bnewsletters?\b.*|"
    r"(?:join|follow) (?:us on|our (?:[\w-]+ ){0,2}(?:whatsapp|telegram|google news))\b.*|"
    r"download (?:the|our) (?:[\w&'’-]+ ){0,4}app(?: (?:now|today|here|for free|"
    r"for (?:[\w-]+ ){0,3}(?:alerts|updates|notifications)))?|"
    r".{0,80}\bunsubscribe at any time\b.*|"
    r"comments (?:are|have been) (?:closed|disabled)\b.*|"
    r"(?:image|media|video) (?:caption|source|copyright)\b.*|"
    r"(?:©|copyright ©?)\s*\d{4}\b.*|"
    # The sign makes a notice without a year one too; the bare word opens sentences.
    r"(?:copyright )?©\s*\w.{0,80}|"
    r"(?:topics|tags)\s*:.*|"
    # A gallery's heading: "Gallery: Orchard Row after the flood".
    r"(?:(?:photo |image |picture )?gallery|in pictures)\s*:.*|"
    # "Read also" lines in Spanish, German, French, Portuguese and Italian.
    r"(?:lee|lea|leer) (?:también|tambien|más|mas)\s*:.*|(?:te|le) puede interesar\s*:.*|"
    r"lesen sie (?:auch|mehr)\s*:.*|mehr zum thema\s*:.*|auch interessant\s*:.*|"
    r"(?:à )?lire (?:aussi|également|la suite)\s*:.*|voir aussi\s*:.*|"
    r"(?:leia|veja) (?:também|mais)\s*:.*|leggi anche\s*:.*|"
    r"lees ook\s*:.*|(?:czytaj|zobacz) (?:też|także|również)\s*:.*|"
    # Tags, and newsletter offers, in those languages and in Dutch and Polish.
    r"(?:etiquetas|schlagw(?:orte|örter)|stichw(?:orte|örter)|mots[- ]clés|argomenti|"
    r"tópicos|trefwoorden|tagi)\s*:.*|"
    r"(?:suscríbete|suscribete|apúntate|regístrate|abonnieren sie|melden sie sich|"
    r"inscrivez-vous|abonnez-vous|iscriviti|registrati|inscreva-se|assine|cadastre-se|"
    r"schrijf je in|meld je aan|abonneer je|zapisz się|subskrybuj)\b.{0,80}"
    r"\b(?:newsletter\w*|boletín|boletim|nieuwsbrief)\b.*|"
    r".{0,40}\bnewsletter\b.{0,40}\b(?:abonnieren|anmelden|bestellen)\b.*|"
    # Russian and Arabic: "Читайте также: ...", "Фото: Иван Петров", "اقرأ أيضاً: ...".
    r"(?:читайте|смотрите) (?:также|еще|ещё)(?:\s*:.*)?|фото\s*:.{0,60}|"
    r"подписывайтесь на (?:наш|нас)\b.{0,60}|"
    r"اقرأ (?:أيضا|أيضاً|ايضا|المزيد)(?:\s*:.*)?|"
    r"our standards\s*:.*|privacy notice\s*:.*|(?:video|caption)\s*:.*|"
    # A credit alone: "AP Photo/Jane Doe", "Getty Images", "Jane Doe/AFP via Getty Images".
    r"(?:[\w.'’ -]{1,40}/)?(?:ap|afp|epa|pa)(?: photo| images| wire)?(?:/[\w.'’ ,-]{1,40})?|"
    r"(?:[\w.'’ -]{1,40}/)?(?:(?:afp|ap) via )?getty images(?:/[\w.'’ -]{1,40})?)",
    re.IGNORECASE,
)


def _offer(opener: str, sign_up: str, place: str) -> str:
    """A newsletter offer in one language: the line opens with the offer ("Recibe ...") or
    holds a sign-up verb, and names where the news will go ("en tu correo")."""
    return (
        rf"(?:{opener})\b.{{0,80}}\b(?:{place})\b.*|"
        rf"(?=.*\b(?:{sign_up})\b).{{0,80}}\b(?:{place})\b.*"
    )


# A newsletter or text-alert offer: "Recibe cada mañana en tu correo ...", "Jeden Morgen die
# wichtigsten Nachrichten - kostenlos in Ihr Postfach", "Get storm alerts: text STORM to
# 55501. Message and data rates may apply". A story says the same words in passing ("Si
# recibes este mensaje en tu correo, no pinches ...", advierte la Policía), so the offer
# must open the line or ask the reader to sign up, and _REPORTED keeps quotes out.
_INBOX_OFFER = lazy_pattern(
    _offer(
        r"recibe|suscríbete|apúntate|regístrate|"
        r"(?:cada (?:mañana|día|semana|tarde|noche)|todas las (?:mañanas|semanas|noches)),?"
        r" (?:las|los|lo|el|nuestr[oa]s?) (?:noticias|titulares|más|mejor|resumen|boletín)",
        r"suscríbete|apúntate|regístrate|suscribirme|date de alta",
        r"en tu (?:correo|email|e-mail|bandeja de entrada)",
    )
    + "|"
    + _offer(
        r"(?:jeden (?:morgen|abend|tag)|jede woche|täglich|wöchentlich),? (?:die|alle|unsere|das)"
        r" (?:wichtigsten|neuesten|besten|aktuellen|top)|"
        r"(?:abonnieren|bestellen|erhalten) sie|melden sie sich",
        r"abonnieren|anmelden|registrieren",
        r"in (?:ihr|dein) postfach",
    )
    + "|"
    + _offer(
        r"recevez|inscrivez-vous|abonnez-vous|"
        r"(?:chaque (?:matin|soir|jour|semaine)|tous les (?:matins|soirs|jours)),?"
        r" (?:l'essentiel|les (?:infos|actualités|titres|meilleurs)|notre|nos)",
        r"inscrivez-vous|abonnez-vous|je m'inscris",
        r"dans votre boîte (?:mail|e-mail|de réception)",
    )
    # An order to the reader ("text STORM to 55501", "Get ... alerts", "Download our app"),
    # at the start or after a short lead ("Want alerts?", "For traffic alerts,"), then the
    # disclaimer, which ends its sentence: "... may apply to the alerts" is reporting, and
    # "Residents can text FLOOD to 55501" reports the service.
    + r"|(?:[^.!?]{0,60}[,.!?:]\s*)?(?:text|txt|get|receive|download|sign up|subscribe)\b"
    r"[^.!?]{0,80}[.!]\s*(?:message|msg) (?:and|&) data rates may apply(?:[.;!]\s.*|[.!])?|"
    r"(?:message|msg) (?:and|&) data rates may apply(?:[.;!]\s.*)?",
    re.IGNORECASE,
)
# What a story's sentence has and an offer has not: a quotation or a speaker.
_REPORTED = lazy_pattern(
    r"\"|\b(?:said|says|told|warned|added|according to|"
    r"dijo|dice|advierte|advirtió|afirma|afirmó|explica|explicó|señala|señaló|asegura|"
    r"aseguró|añadió|indicó|informó|según|"
    r"sagte|sagt|erklärte|erklärt|warnt|warnte|warnen|rät|raten|riet|betonte|laut|"
    r"so (?:der|die|ein|eine)|"
    r"a déclaré|a dit|a expliqué|a averti|a prévenu|a ajouté|a précisé|a-t-(?:il|elle)|"
    r"déclare|explique|prévient|affirme|avertit|avertissent|alerte|selon)\b",
    re.IGNORECASE,
)
# Photo credits and sponsor lines: a label, then a name or two.
_CREDIT = lazy_pattern(
    r"\(?(?:(?:(?:photo|photograph|picture|pic|image|illustration|graphic|credit|foto|bild|"
    r"fotografía|fotografia)(?:s)?(?: by| credit)?\s*:|fot\.)"
    r"(?P<names>.{0,60})|(?:supported|sponsored|presented) by(?: [\w&'’-]+){0,4})",
    re.IGNORECASE,
)
# A caption that ends in its credit: "Tolley Hill quarry. Photo: Dale Merriweather".
_CREDIT_TAIL = lazy_pattern(
    r"(?:[.!?]\s+|\s\()((?:photo|photograph|picture|pic|image|credit)s?(?: by| credit)?\s*:"
    r"[^()]{1,60})\)?$",
    re.IGNORECASE,
)
# A wire photo's caption, which ends in the agency's credit: "FILE - Parents fill the hall,
# Feb. 10, 2026. (AP Photo/Jane Doe, File)", "... (Reuters/Jane Doe)", "(Photo by Jane Doe)".
_WIRE_CAPTION = lazy_pattern(
    r".{0,600}\((?:(?:ap|afp|epa|pa) photo(?:/[^()]{1,60})?"
    r"|(?:ap|afp|reuters|epa|pa|getty images)/[^()]{1,60}|photo (?:by|courtesy of) [^()]{1,60})\)",
    re.IGNORECASE | re.DOTALL,
)
# The words a credit holds besides names ("Anna Ortiz for The Ledger", "AP Photo/File",
# "courtesy of the family"); any other lower-case word makes the line a sentence: "Credit:
# Moody's cut the city's rating." is reporting.
_CREDIT_WORDS = frozenset(
    str.split(
        "for via and of the by courtesy handout file supplied staff pool photo photos image "
        "images picture pictures photographer family archive archives screenshot screengrab "
        "istock istockphoto dpa"
    )
)
_CREDIT_SEPARATORS = lazy_pattern(r"[\s/,;:&|()+.-]+")


def _is_credit(key: str) -> bool:
    """A photo credit or a sponsor line: after the label, names only."""
    found = _CREDIT().fullmatch(key)
    if found is None or not found["names"]:
        return found is not None
    return all(
        word[:1].isupper() or word[:1].isdigit() or word.casefold() in _CREDIT_WORDS
        for word in _CREDIT_SEPARATORS().split(found["names"])
        if word
    )


# "Sign up for The Ledger Daily": a promo heading that need not say "newsletter".
_SIGN_UP = lazy_pattern(r"(?:sign up|subscribe)(?: now)? (?:for|to)\b[^.]*", re.IGNORECASE)
# A cookie notice opens by saying that the site uses cookies; "We found cookies on 40 sites"
# is reporting.
_COOKIES = lazy_pattern(
    r"(?:we(?: and our partners)? use cookies|(?:this|our) (?:web)?site uses cookies|"
    r"[\w .&'’-]{1,40} and (?:our|its) partners use cookies|"
    r"by (?:using|continuing to (?:use|browse|visit)) (?:this|our) (?:web)?site)\b"
    r".*\b(?:accept|agree|consent|policy|settings|preferences|choices|experience)\b",
    re.IGNORECASE,
)
_PAYWALL = lazy_pattern(
    r"(?:subscribe|sign up|log in|sign in|register)\b.{0,40}\b(?:to (?:continue|keep|read)|"
    r"for (?:full|unlimited) access)|already (?:a )?(?:subscriber|member)|"
    r"(?:this|the) (?:article|story|content) is (?:only )?(?:available )?(?:exclusively )?"
    r"(?:for|to) (?:subscribers|members|premium)|subscribers only|to continue reading|"
    r"create a free account|premium (?:article|content)|you(?:'ve| have) reached your .{0,30}limit|"
    # "Already have an account? Log in"; not "... with the utility? Call ...".
    r"continue reading with\b|already have an account\W*(?:(?:log|sign) in\b|login\b|$)|"
    r"(?:enjoy|get) unlimited (?:digital )?access"
    r"(?: to (?:[\w-]+ ){0,2}(?:news|journalism|reporting|articles|stories|content)\b| for\b|$)|"
    r"(?:get|unlock) (?:unlimited|full) access|unlock this (?:article|story)|"
    # The same walls in German, French, Spanish, Italian, Portuguese, Dutch and Polish.
    r"(?:dieser|der) (?:artikel|beitrag|inhalt) ist (?:nur )?(?:exklusiv )?für "
    r"(?:\w+-)?abonnent|(?:jetzt )?weiterlesen mit\b|sie haben bereits ein abo|"
    r"cet article est réservé aux abonnés|la suite est réservée aux abonnés|déjà abonné|"
    r"abonnez-vous pour lire la suite|il vous reste \d+ ?% de cet article à lire|"
    r"este (?:contenido|artículo) es (?:exclusivo )?para (?:suscriptores|socios)|"
    r"¿?ya eres suscriptor|ya soy suscriptor|suscríbete para (?:seguir|continuar) leyendo|"
    r"questo articolo è riservato agli abbonati|sei già abbonato|"
    r"abbonati per continuare a leggere|este conteúdo é exclusivo para assinantes|"
    r"já é assinante|assine para continuar lendo|dit artikel is (?:alleen )?voor abonnees|"
    r"ben je al abonnee|word abonnee om verder te lezen|"
    r"ten artykuł jest dostępny (?:tylko )?dla (?:prenumeratorów|subskrybentów)|"
    r"masz już (?:subskrypcję|prenumeratę)",
    re.IGNORECASE,
)
# Reader call-outs: a question to the reader and a way to reach the newsroom ("Do you work
# at the depot? Get in touch: tips@...", "Have you been affected? Share your story"), or the
# invitation alone ("Contact the reporter at ..."). From the start of the line, to the
# newsroom ("us", the reporter, an address), and with no attribution: "Have you seen this
# man? Call police on 101." and "Get in touch with your councillor, campaigners said." are
# reporting.
_READER_QUESTION = (
    r"(?:(?:do|did|does|are|were|have|has|had|can|could|would|will|is|was)\s+(?:you|anyone)\b"
    r"[^?]{0,120}|(?:got|have)\s+(?:a|any)\s+(?:news\s+)?(?:story|tip|information|question)s?\b"
    r"[^?]{0,60}|(?:news\s+)?tips?)\?\s*"
)
_NEWSROOM = r"(?:us|the (?:reporter|author|writer|newsroom|news ?desk|editor|team)s?|\S+@\S+)"
_ADDRESS = r"\s*[:(]?\s*(?:(?:at|on|via)\s+)?\S+@\S+"
_YOUR_STORY = (
    r"(?:share|send us|tell us) your (?:story|stories|experiences?|views|thoughts|pictures"
    r"|photos|videos|tips?)"
)
_TO_NEWSROOM = (
    r"(?:(?:contact|e-?mail|write to|reach|call|message|get in touch with|speak to|talk to) "
    rf"{_NEWSROOM}(?=[\s:,(.]|$)|get in touch{_ADDRESS}|e-?mail \S+@\S+|"
    rf"{_YOUR_STORY}(?: with us\b|{_ADDRESS}))"
)
_UNATTRIBUTED = r"(?!.*\b(?:said|says|told|urged|asked|added|wrote)\b)"
# After a question to the reader, a bare invitation is one too ("Share your story").
_CALLOUT = lazy_pattern(
    rf"(?:{_READER_QUESTION}){{0,2}}{_TO_NEWSROOM}{_UNATTRIBUTED}.*|"
    rf"(?:{_READER_QUESTION}){{1,2}}(?:(?:get in touch|{_YOUR_STORY})\s*[:.]?"
    rf"|(?:tell us|let us know)\b{_UNATTRIBUTED}.*)",
    re.IGNORECASE,
)
# The words a call-out opens with: the rest of the text is read only after one of them.
_CALLOUT_OPENERS = frozenset(
    str.split(
        "do did does are were have has had can could would will is was got news tip tips "
        "contact email e-mail write reach call message get speak talk share send"
    )
)
# A subscription offer standing alone: a price for a period ("Only $1 for 3 months", "Just
# £1 a week", "Try 6 months for £1"), not a sentence about one.
_PRICE = r"(?:[$£€]\s?\d+(?:[.,]\d\d)?|\d+(?:[.,]\d\d)?\s?€)"
_PER = r"(?:\s*(?:a|an|per|/|every)\s*(?:day|week|month|year|wk|mo))"
_PERIOD = (
    r"(?:(?:the|your) )?(?:first )?(?:(?:\d+|one|two|three|four|six|twelve) )?"
    r"(?:days?|weeks?|months?|years?)"
)
_OFFER = lazy_pattern(
    r"(?:(?:only|just|now|from|(?:try|get|subscribe|join)(?: us| now| today)?(?: for)?)\s+)*"
    rf"(?:{_PRICE}{_PER}?(?: for {_PERIOD})?|{_PERIOD} for {_PRICE}{_PER}?)"
    r"(?:[.,;]?\s*(?:then .{1,30}|cancel any ?time|billed .{1,30}))*",
    re.IGNORECASE,
)
# "Published 06:45 BST | Updated 11:20 BST": a second stamp may follow a bar or a dot;
# American pages write "10:00 a.m. PT Feb. 17, 2026".
_DATE_WORD = (
    r"\d+(?:st|nd|rd|th|am|pm|h)?|ago|[ap]\.m|an?|hours?|minutes?|mins?|days?|"
    r"weeks?|(?:last )?updated|published|modified|"
    r"am|pm|gmt|bst|utc|cet|cest|est|edt|pst|pdt|[ecmp]t|cdt|mdt|"
    rf"{_MONTHS}|{_WEEKDAYS}"
)
_DATELINE = lazy_pattern(
    # Bare too: "Updated" whose time a script fills in.
    r"(?:first )?(?:published|updated|last updated|posted|modified)(?: on| at)?"
    rf"(?:[\s,:.+/|·•-]+(?:{_DATE_WORD}))*",
    re.IGNORECASE,
)
# The same stamp in German, French, Spanish, Italian, Portuguese, Dutch and Polish, with a
# figure in it ("Zuletzt aktualisiert: 03.03.2026, 14:30 Uhr", "Mis à jour le 03/03/2026 à
# 13h40", "Actualizado: 03/03/2026 - 14:30 h"): every update moves it on.
_FOREIGN_DATE_WORD = (
    r"\d+(?:h\d*|\.)?|am|um|uhr|le|à|el|a las|il|alle|ore|em|às|op|om|dnia|o|godz|h|de|del|"
    r"di|do|da|van|januar|jänner|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|"
    r"mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|"
    r"abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|gennaio|"
    r"febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|"
    r"março|maio|junho|julho|setembro|outubro|novembro|dezembro|januari|februari|maart|mei|"
    r"augustus|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|"
    r"października|listopada|grudnia|april|august|september|november|december"
)
_FOREIGN_DATELINE = lazy_pattern(
    r"(?=.*\d)(?:(?:zuletzt )?aktualisiert|veröffentlicht|erstellt|stand|publié|mis à jour|"
    r"modifié|actualizado|publicado|actualización|aggiornato|pubblicato|atualizado|"
    r"atualização|bijgewerkt|gepubliceerd|aktualizacja|zaktualizowano|opublikowano)"
    rf"(?:[\s,:.+/|·•()-]+(?:{_FOREIGN_DATE_WORD}))*",
    re.IGNORECASE,
)
# A stamp that opens with the date: "Thursday 2 April 2026 7:00 am (Updated 12:40 pm)",
# "March 4, 2026 at 9:12 a.m. EST", "04/02/2026 07:00". Only stamp words, and a time or a
# weekday beside a date among them: "May" or "Sunday 12" alone is no stamp, nor is a
# timeline's "March 4, 2026", whose date is the story's.
_DATE_FIRST = lazy_pattern(
    rf"(?:{_DATE_WORD})(?:[\s,:.+/|·•()-]+(?:{_DATE_WORD}|at|on|posted))*\)?",
    re.IGNORECASE,
)
_STAMP = lazy_pattern(
    r"\d{1,2}[:.]\d\d|\d\s*[ap]\.?m\b|^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\W+(?=.*\d{4})",
    re.IGNORECASE,
)
# Section markers after which a page lists other stories, not this one.
_SECTION_MARKER = lazy_pattern(
    r"(?:related|related \w+|more (?:on this|stories|news|from)\b.*|read (?:more|next|also)|"
    r"see also|recommended.*|you (?:may|might) also.*|editor'?s'? picks?|top stories|"
    r"trending.*|most (?:read|popular|viewed|shared)|latest.*|popular|public reaction|"
    r"topics|tags)",
    re.IGNORECASE,
)
_EDGE_PUNCT = " \t:.!›»→>…|·•-–—*#"

# Chinese (simplified and traditional) and Japanese page furniture. Keys are NFKC, so
# full-width brackets, colons and commas arrive in their ASCII forms; a character class
# such as [关關] takes the simplified and the traditional form of one word.
_CJK_MARKER_WORDS = (
    r"相[关關](?:阅读|閱讀|新[闻聞]|[报報][道导導])|延伸[阅閱][读讀]|推[荐薦][阅閱][读讀]|"
    r"猜你喜[欢歡]|[热熱][门門]文章|[热熱][点點]新[闻聞]|"
    r"関連(?:記事|ニュース)|あわせて読みたい|人気記事|アクセスランキング"
)
# Markers after which a page lists other stories ("【相关阅读】").
_CJK_MARKER = lazy_pattern(rf"[【\[]?(?:{_CJK_MARKER_WORDS})[】\]]?")
_CJK_WIDGET = (
    r"(?:分享|收藏|打印|列印|印刷|[发發]表[评評][论論]|[评評][论論]|シェア(?:する)?|"
    r"この記事をシェアする|ツイート|コメント(?:する)?)(?: ?\(?\d+\)?)?|\d+ ?条[评評][论論]"
)
_CJK_COPYRIGHT = (
    r"版[权權]所有(?![人者])|违者必究|違者必究|"
    r"(?:未[经經](?:授[权權]|许可|許可|允许|允許),? ?)?(?:不得|禁止|严禁|嚴禁|请勿|請勿)"
    r"(?:转载|轉載|复制|複製)|"
    r"無断(?:転載|複製|転用)(?:・(?:転載|複製|転用))*(?:を禁(?:じます|止します|ず)|禁止)"
)
# Credit lines: the editor's and the proofreader's, and the story's source ("来源：新华社").
_CJK_CREDIT = (
    r"(?:责任编辑|責任編輯|责编|責編|编辑|編輯|編集|校对|校對|来源|來源|出处|出處|出典) ?: ?"
    r"[^\s:()\[\]【】。,]{1,12}"
)
_CJK_CHROME = lazy_pattern(
    # Ad labels.
    r"[【\[]?(?:广告|廣告|広告|PR|推广|推廣|スポンサーリンク)[】\]]?|"
    # A marker, or one naming the story it links to ("相关阅读：东湖区老旧小区改造启动").
    rf"[【\[]?(?:{_CJK_MARKER_WORDS})[】\]]?(?: ?[:|] ?.+)?|"
    # Share, comment and print buttons, one or a row of them; "分享到：微信 微博".
    rf"分享到.{{0,60}}|(?:{_CJK_WIDGET})(?:[ |/・]+(?:{_CJK_WIDGET}))*|"
    # "临江日报社版权所有 未经授权不得转载", "記事の無断転載を禁じます。"
    rf"(?:© ?)?[^\s,。、]{{0,20}}?(?:{_CJK_COPYRIGHT})(?:[ ,。.;、]*(?:{_CJK_COPYRIGHT}))*[。.]?"
    r"(?: ?©.{0,40})?|(?:Copyright|COPYRIGHT) .{1,40}|"
    # The credit lines at the foot of a Chinese story: "【责任编辑：王五】", "(来源：新华社)".
    rf"[【\[(]?{_CJK_CREDIT}(?: {_CJK_CREDIT})*[】\])]?"
)


def _chrome_key(text: str, clean: bool = False) -> str:
    """The text as the chrome rules read it; ``clean`` says ``text`` is already
    whitespace-clean, which makes ASCII text its own normal form."""
    if not (clean and text.isascii()):
        text = normalize(text)
    return text.strip(_EDGE_PUNCT).replace("’", "'")


def _key_words(key: str) -> int:
    """Words of a key for the rules' length limits. Chinese and Japanese count a word per
    character, so a long unspaced paragraph is never taken for a one-word line."""
    if not key.isascii():
        return word_count(key)
    # normalize leaves single spaces between words and the strip none at the ends.
    return key.count(" ") + 1 if key else 0


def is_chrome(text: str) -> bool:
    """Whether a whole paragraph is page furniture: a short, pattern-matching line."""
    key = _chrome_key(text)
    return _is_chrome_key(key, _key_words(key))


#: The most words a chrome rule reads.
_LONGEST_CHROME = 50


def _is_chrome_key(key: str, count: int) -> bool:
    if count == 0:
        return True
    if count > _LONGEST_CHROME:  # longer than any rule below allows
        return False
    if count <= 8 and _CHROME_EXACT().fullmatch(key):
        return True
    # "PR" ("【PR】") standing alone is a Japanese ad label; the other CJK rules need a CJK
    # character (an English "COPYRIGHT PRESS ..." line is not theirs to judge).
    if (
        count <= 30
        and (key.strip("[]【】") == "PR" or has_cjk(key))
        and _CJK_CHROME().fullmatch(key)
    ):
        return True
    if count <= 20 and _CHROME_PREFIX().fullmatch(key):
        return True
    if count <= 20 and _INBOX_OFFER().fullmatch(key) and not _REPORTED().search(key):
        return True
    if count <= 6 and _SIGN_UP().fullmatch(key):
        return True
    if count <= 8 and _is_credit(key):
        return True
    # A caption that ends in its credit (see _CREDIT_TAIL and _WIRE_CAPTION).
    if count <= 40 and (tail := _CREDIT_TAIL().search(key)) and _is_credit(tail.group(1)):
        return True
    if key.endswith(")") and _WIRE_CAPTION().fullmatch(key):
        return True
    if count <= 20 and (
        _DATELINE().fullmatch(key)
        or (_DATE_FIRST().fullmatch(key) and _STAMP().search(key))
        or _FOREIGN_DATELINE().fullmatch(key)
    ):
        return True
    if count <= 14 and ("$" in key or "£" in key or "€" in key) and _OFFER().fullmatch(key):
        return True
    if (
        count <= 40
        and key.split(" ", 1)[0].rstrip("?:").casefold() in _CALLOUT_OPENERS
        and _CALLOUT().fullmatch(key)
    ):
        return True
    if count <= 50 and _COOKIES().match(key):
        return True
    # Anchored at the start: "He was already a member of the party" is an article sentence.
    return count <= 25 and bool(_PAYWALL().match(key)) and not _is_long_sentence(key, count)


def _is_long_sentence(key: str, count: int) -> bool:
    # An article sentence that happens to mention subscribers: long and a full sentence.
    return count > 18 and key[-1:] in ".!?\"'" and key[:1].isupper()


def _is_section_marker(key: str) -> bool:
    if has_cjk(key):
        return bool(_CJK_MARKER().fullmatch(key))
    return _key_words(key) <= 6 and bool(_SECTION_MARKER().fullmatch(key))


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
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio() >= ratio


def _covers(short: str, long: str, share: float = 0.9, min_words: int = 8) -> bool:
    """``short`` appears nearly verbatim inside ``long`` (it is at least ``min_words`` long)."""
    ws, wl = _words(short), _words(long)
    if len(ws) < min_words or not wl:
        return False
    matcher = SequenceMatcher(None, ws, wl, autojunk=False)
    matched = sum(m.size for m in matcher.get_matching_blocks())
    return matched >= share * len(ws)


_GLUED = lazy_pattern(r"^((?:[A-Z][a-z]+){2,})(?=[A-Z][a-z])")


def strip_breadcrumbs(line: str, title: str | None = None) -> str:
    """``"WorldAsiaRussia does not..."`` -> ``"Russia does not..."``: section names glued to a
    headline. With a known title, any glued prefix before it goes; without one, only a run
    of two or more glued capitalised words (so "McDonald's" or "YouTube" stay)."""
    line = clean_whitespace(line)
    if title and line != title and line.endswith(title):
        prefix = line[: -len(title)]
        if re.fullmatch(r"[A-Z][\w&'’. -]*[\w&'’.]", prefix):
            return title
    match = _GLUED().match(line)
    return line[match.end() :] if match else line


def _same_headline(text: str, title: str) -> bool:
    key, title_key = _key(strip_breadcrumbs(text, title)), _key(title)
    if not key or not title_key:
        return False
    if key == title_key or _key(strip_breadcrumbs(title, text)) == key:
        return True  # the same, or the title is this line with section names glued on
    # "<headline> | Site" in <title> against the bare headline in the body, or the reverse.
    return title_key.startswith(key + " ") and len(key.split()) >= 4


def _looks_like_headline(block: Block) -> bool:
    return (
        1 <= _word_count(block.text) <= 25
        and block.text.rstrip()[-1:] not in ".:;,。：；，"
        and not block.text.lower().startswith("by ")
    )


def clean_up(
    blocks: Iterable[Block], meta: Metadata, *, infer_title: bool = False, clean: bool = False
) -> Cleaned:
    """Remove page chrome, a repeated standfirst and headline copies; find the title.
    ``clean`` says every block's text is whitespace-clean already, as the ``*_blocks``
    functions here make it; otherwise each is checked and cleaned."""
    kept: list[Block] = []
    dropped: list[str] = []
    paywalled = False
    marker_at: int | None = None
    byline: tuple[str, ...] = ()
    byline_line = ""  # the paragraph the byline's names come from
    japanese_bylines: list[Block] = []
    ascii_words: dict[str, int] = {}
    for block in blocks:
        text = block.text
        if not (clean or is_clean(text)):
            text = clean_whitespace(text)
            block = replace(block, text=text)
        if not text:
            continue
        # Each rule below has a word limit; long paragraphs, most of them, skip them all.
        words = text.count(" ") + 1
        key = _chrome_key(text, clean=True)
        # An ASCII key is the text less edge punctuation; losing one character (a full
        # stop, mostly) loses no word unless it was the only one.
        trimmed = len(text) - len(key)
        if text.isascii():
            ascii_words[text] = words
            key_words = words if key and trimmed <= 1 else _key_words(key)
        else:
            key_words = _key_words(key)
        if key_words > _LONGEST_CHROME and words > 40:  # past every limit below: kept
            kept.append(block)
            continue
        if block.role == "cell" and _CELL_SEPARATOR in text:
            # A data table's row, vetted with its table (_data_rows): "Tue 10 March | Eastmoor
            # v Harrow Vale | 7:45pm" is a fixture, not a date stamp.
            kept.append(block)
            continue
        if words <= 25 and _PAYWALL().match(key):
            paywalled = True
        names = _byline_names(text, meta.authors) if words <= 12 else None
        if names is None and text in meta.byline_lines:
            # A line the markup calls a byline, which need not open with "By" ("Ledger
            # staff", "Ana Ruiz"): read as if it did; a staff credit names no one, and a
            # role after the name ("Ana Ruiz, Transport correspondent") is no name.
            by = text if _BY().match(text) else f"By {text}"
            names = _byline_names(by, meta.authors)
            if names is None:
                named = _BYLINE().match(by)
                role = named is not None and _ROLE_SEPARATOR().match(by, named.end())
                names = split_authors(named[0]) if named and role else ()
        if names and not byline:
            byline, byline_line = names, text
        tagline = words <= 40 and _is_tagline(text, meta.authors)
        if _is_chrome_key(key, key_words) or names is not None or tagline:
            dropped.append(text)
            if _is_section_marker(key):
                marker_at = len(kept)
        else:
            # "山田花子記者" is a byline if the page is Japanese, which the end tells.
            if (
                names is None
                and words <= 12
                and len(text) <= 40
                and has_cjk(text)
                and _cjk_name_before_role(text)
            ):
                japanese_bylines.append(block)
            kept.append(block)

    # Only now is the whole page seen: on a Japanese page "山田花子記者" is a byline, and a
    # byline's spaced names are one name ("記者 山田 花子").
    if (japanese_bylines or has_cjk(byline_line)) and is_japanese(
        meta.language, (b.text for b in kept)
    ):
        for block in japanese_bylines:
            kept.remove(block)
            dropped.append(block.text)
            byline_line = byline_line or block.text
        byline = _byline_names(byline_line, meta.authors, japanese=True) or byline
    elif not byline:
        byline = _dateline_names(kept)
    kept, tail = _drop_trailing_teasers(kept, marker_at)
    dropped.extend(tail)
    # A heading kept for a section's name ("More from Carrick") over other stories' cards.
    for at in range(len(kept) - 1, 0, -1):
        if kept[at].role == "head" and _is_section_marker(_chrome_key(kept[at].text, clean=True)):
            if _cards(kept[at + 1 :]):
                dropped.extend(b.text for b in kept[at:])
                kept = kept[:at]
            break
    if any(b.role == "quote" for b in kept):
        pull_quotes = _pull_quotes(kept)
        dropped.extend(b.text for b in pull_quotes)
        kept = [b for b in kept if b not in pull_quotes]

    title = strip_breadcrumbs(meta.title) if meta.title else None
    if title is None and infer_title and len(kept) >= 2 and _looks_like_headline(kept[0]):
        title = strip_breadcrumbs(kept[0].text)
    if title:
        # Headline copies sit at the top: the <h1>, or the breadcrumb-glued line above it.
        while kept and kept[0].role != "quote" and _same_headline(kept[0].text, title):
            copy = kept.pop(0).text
            dropped.append(copy)
            if meta.title is None and strip_breadcrumbs(copy) == copy:
                title = copy  # the clean copy keeps the page's own typography
        for i in range(min(2, len(kept))):
            if kept[i].role == "head" and _same_headline(kept[i].text, title):
                dropped.append(kept.pop(i).text)
                if i == 1 and _is_kicker(kept[0].text):
                    # The label above the headline ("Interview", "Exclusive", "Analysis"):
                    # the section's, not a paragraph of the story.
                    dropped.append(kept.pop(0).text)
                break

    summary = _standfirst(kept)
    if summary is not None:
        dropped.append(kept.pop(0).text)
    if meta.repeated_standfirst:
        # The page shows the description twice (a dek above the body and an intro
        # paragraph): keep it once; any copy that survived at the top goes.
        summary = summary or meta.repeated_standfirst
        while kept and kept[0].role == "p" and _near(kept[0].text, meta.repeated_standfirst, 0.9):
            dropped.append(kept.pop(0).text)
    return Cleaned(
        tuple(kept), title or None, summary, paywalled, tuple(dropped), byline, ascii_words
    )


def _is_kicker(text: str) -> bool:
    """A label of three words at most, no sentence: what sits above a headline."""
    return len(text.split()) <= 3 and not text.rstrip().endswith(_SENTENCE_END)


#: A pull quote is a few words lifted from the text; a longer quotation is a passage.
_PULL_QUOTE_WORDS = range(4, 31)


def _pull_quotes(kept: list[Block]) -> list[Block]:
    """Quote blocks that repeat, word for word, a run of words of another paragraph: pull
    quotes, set in large type beside the text they come from."""
    texts = [f" {_key(b.text)} " for b in kept if b.role != "quote"]
    return [
        b
        for b in kept
        if b.role == "quote"
        and _key_words(key := _key(b.text)) in _PULL_QUOTE_WORDS
        and any(f" {key} " in text for text in texts)
    ]


_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:(?:van|von|de|da|del|der|la|le|bin|al)\s+)?[A-Z][\w'’.-]*){1,3}"
# "By Anna Ortiz and Ben Ko": capitalised names only, so "By the river" stays.
_BYLINE = lazy_pattern(
    rf"(?:(?:[Ww]ritten|[Ww]ords|[Ss]tory) )?[Bb]y:?\s+{_NAME}(?:\s*(?:,|&|\band\b)\s*{_NAME})*"
)
# "By Metro 9 News Staff", "From staff reports": a byline that names no one.
_STAFF_BYLINE = lazy_pattern(
    r"(?i:by|from):?\s+(?:(?i:the)\s+)?(?:[A-Z0-9][\w&'’.-]*\s+){0,4}"
    r"(?i:staff|news services|wire services)"
    r"(?:\s+(?:and|&)\s+(?i:(?:wire|news) (?:services|reports)))?(?:\s+(?i:reports?))?"
)
# "Anna Ortiz | Health Correspondent": what may follow a known author's name in a byline.
_ROLE_SEPARATOR = lazy_pattern(r"\s*[|,·•–—-]\s*\w")


# "Dana Whitlock covers transit for The Metro Ledger. Reach her at dana@…": the reporter's
# note at the foot of a story.
_TAGLINE = lazy_pattern(
    rf"(?P<name>{_NAME}) (?:covers|writes about|reports on) [^.]{{1,100}}\."
    r"(?P<contact> (?:[Rr]each|[Cc]ontact|[Ee]-?mail|[Ff]ollow) (?:her|him|them)\b.*)?"
)


def _is_tagline(text: str, authors: tuple[str, ...]) -> bool:
    """A reporter's tagline: it gives a way to reach them, or names the article's author."""
    found = _TAGLINE().fullmatch(text)
    return found is not None and (bool(found["contact"]) or found["name"] in authors)


def _cjk_name_before_role(text: str) -> str | None:
    """The name of a Japanese byline that puts the role after it ("山田花子記者",
    "（山田花子記者）"), else None; a "name" with hiragana in it is words (a caption such as
    "会見する山田記者")."""
    bare = _CJK_BYLINE_END().sub("", text, count=1).strip(_CJK_BRACKETS)
    suffixed = _CJK_NAME_ROLE().fullmatch(bare)
    if suffixed and not _HIRAGANA().search(suffixed["name"]):
        return suffixed["name"]
    return None


def _byline_names(
    text: str, authors: tuple[str, ...], japanese: bool = False
) -> tuple[str, ...] | None:
    """The names of a byline paragraph, or None when the paragraph is not one. ``japanese``
    as for :func:`split_authors`. The caller asks only of short paragraphs (12 words at
    most): a byline is never longer."""
    if has_cjk(text) and len(text) <= 40:
        dateline = _reporter_dateline(text)
        if dateline is not None and dateline[1] == len(normalize(text)):
            return dateline[0]  # the dateline alone: "【ワシントン＝山田花子】"
        if _CJK_BYLINE().fullmatch(text):
            return split_authors(text, japanese)
        # Japanese puts the role after the name (see _cjk_name_before_role).
        name = _cjk_name_before_role(text)
        # Unbracketed, only on a Japanese page: on a Chinese one "中国记者" is a caption.
        if name and (japanese or text.lstrip()[:1] in "（(【["):
            return (name,)
    # "Por Rafael Quintela — Rio Claro · 03/03/2026 10h00": "By" in another language
    # makes a byline of a line that names the page's authors, as "By" does (see below).
    if not _BY().match(text) and not (authors and _BY_ABROAD().match(text)):
        # A known author's name, then their role: not a sentence about them.
        for author in authors:
            if text.startswith(author) and _ROLE_SEPARATOR().match(text, len(author)):
                return None if _is_sentence(text) else (author,)
        return None
    names = split_authors(text)
    # "By Anna Ortiz | Updated 3 hours ago" is a byline; "By Anna Ortiz's count, ..." is not.
    if authors and (
        set(names) <= set(authors) or (all(a in text for a in authors) and not _is_sentence(text))
    ):
        return names
    if _BYLINE().fullmatch(text.strip()):
        return names
    return () if _STAFF_BYLINE().fullmatch(text.strip(" .")) else None


# A Chinese dateline glued to the first paragraph names its reporters in brackets:
# "本报讯（记者 周晓梅）", "新华社北京3月5日电（记者 张伟）". Keys are NFKC, so the
# brackets are ASCII here.
_CJK_DATELINE = lazy_pattern(
    rf"[^\s,。:()]{{1,20}}?[讯訊电電]\s*\((?P<byline>{_CJK_OUTLET_ROLE}{_CJK_NAMES}"
    rf"(?:\s*(?:{_CJK_ROLE})\s*:?\s*{_CJK_NAMES})*)\)"
)


# Datelines that name the reporter after the place, on NFKC keys: Japanese
# "【ワシントン＝山田花子】"; Taiwanese "記者王小明／台北報導" and its simplified twin (see
# _REPORTED_FROM) and the Central News Agency's "（中央社記者王小明台北5日電）". Not a
# credit such as "【写真＝山田花子】", a photograph's: its first word is no place.
_REPORTER_DATELINE = lazy_pattern(
    rf"【(?!写真|図|表|動画|イラスト)[^\s【】=]{{1,12}}=(?P<ja>[{CJK}A-Za-z、 ]{{1,20}})】"
    rf"|{_REPORTED_FROM}"
    rf"|\(中央社記者(?P<cna>[{CJK}、]{{3,40}}?)\d{{1,2}}日專?電\)"
)
# "【ワシントン＝共同】", "【パリ＝AFP時事】": a news agency's dispatch names no reporter,
# as "LONDON (Reuters)" names no author.
_NEWS_AGENCY = lazy_pattern(
    r"(?:(?:共同|時事)(?:通信)?|ロイター|AP|AFP|新華社?|聯合(?:ニュース)?|中央社"
    r"|ブルームバーグ|ダウ・ジョーンズ|NQN)+"
)


def _reporter_dateline(text: str) -> tuple[tuple[str, ...], int] | None:
    """The reporters a dateline of :data:`_REPORTER_DATELINE` at the start of ``text``
    names (none for an agency), and where in ``text``'s NFKC key it ends; None when the
    text opens with no such dateline."""
    found = _REPORTER_DATELINE().match(normalize(text[:60]))
    if found is None:
        return None
    if found["ja"] is not None:
        if _NEWS_AGENCY().fullmatch(found["ja"].strip()):
            return (), found.end()
        if _HIRAGANA().search(found["ja"]):  # words, not a name
            return None
        return split_authors(found["ja"], japanese=True), found.end()
    if found["reported"] is not None:
        return split_authors(found["reported"]), found.end()
    # The CNA's names run into the place: a Taiwanese name is mostly three characters
    # (a surname and a two-character given name) and a place at least two.
    *names, last = found["cna"].split("、")
    cut = 3 if len(last) >= 5 else 2
    return (*names, last[:cut]), found.end()


def _dateline_names(kept: list[Block]) -> tuple[str, ...]:
    """The reporters a Chinese, Taiwanese or Japanese dateline names at the start of the
    story's first paragraphs (the dateline stays in the text, as an English
    "LONDON (Reuters) -" does)."""
    for block in kept[:3]:
        if not has_cjk(block.text[:40]):
            continue
        if found := _CJK_DATELINE().match(normalize(block.text[:60])):
            return split_authors(found["byline"])
        if reporters := _reporter_dateline(block.text):
            return reporters[0]
    return ()


def _drop_trailing_teasers(
    kept: list[Block], marker_at: int | None
) -> tuple[list[Block], list[str]]:
    """After a "Related" or "Most read" marker a page lists other stories: when every block
    from the marker to the end is a teaser (a headline or a link, never a sentence), the
    whole run goes; when other lines follow (a contact line), the two or more links right
    after the marker go. Link-only list items at the very end go too."""
    cut = len(kept)
    if marker_at is not None and (
        all(_is_teaser(b) for b in kept[marker_at:]) or _cards(kept[marker_at + 1 :])
    ):
        cut = marker_at
    elif marker_at is not None:
        end = marker_at
        while end < len(kept) and kept[end].link_share >= 0.8:
            end += 1
        if end - marker_at >= 2:
            links = [b.text for b in kept[marker_at:end]]
            kept, tail = _drop_trailing_teasers(kept[:marker_at] + kept[end:], None)
            return kept, links + tail
    while cut > 0 and kept[cut - 1].role == "item" and kept[cut - 1].link_share >= 0.8:
        cut -= 1
    if cut == 0:  # never empty the page here: check_article reports it properly
        return kept, []
    return kept[:cut], [b.text for b in kept[cut:]]


def _cards(run: list[Block]) -> bool:
    """Whether a run of blocks is two teaser cards or more and nothing else: each a linked
    headline and at most one paragraph under it (the card's standfirst)."""
    linked, standfirst_due = 0, False
    for block in run:
        if block.link_share >= 0.8 and _is_teaser(block):
            linked, standfirst_due = linked + 1, True
        elif standfirst_due and block.role == "p":
            standfirst_due = False
        else:
            return False
    return linked >= 2


def _is_teaser(block: Block) -> bool:
    """A pointer to another story: mostly link text, or a headline-like line."""
    if _is_sentence(block.text) and block.link_share < 0.8:
        return False
    return block.link_share >= 0.5 or _looks_like_headline(block)


_NUMBER = lazy_pattern(r"\d+(?:[.,]\d+)*")


def _same_numbers(a: str, b: str) -> bool:
    """The numbers of the shorter text all appear in the longer one."""
    short, long = sorted((a, b), key=len)
    return set(_NUMBER().findall(short)) <= set(_NUMBER().findall(long))


def _standfirst(kept: list[Block]) -> str | None:
    """The first paragraph, when it is a standfirst that the page then repeats. One that
    only the description repeats stays, whatever the page classes it ("summary", "dek"):
    the description is metadata, not a second copy, often written from the lede and left
    stale, so one version would lose the paragraph and the next keep it, and the edit
    between them would go unreported (as would the lede in coverage)."""
    if len(kept) < 2 or kept[0].role not in ("p", "quote"):
        return None
    first, second = kept[0].text, kept[1].text
    first_sentences = split_sentences(first) or [first]
    second_sentences = split_sentences(second) or [second]
    opening, next_opening = first_sentences[0], second_sentences[0]
    repeated = _near(opening, next_opening) or (
        _covers(next_opening, opening) and _covers(opening, next_opening, share=0.6)
    )
    # A repeat carries the same figures; parallel paragraphs ("item 1", "item 2") do not.
    if repeated and _same_numbers(opening, next_opening):
        return first
    return None


# --------------------------------------------------------------------------- the check

_MIN_PROSE_WORDS = 40


def _refresh_stub_error(snapshot: Snapshot) -> ExtractionError | None:
    """A page with no article that only sends the browser on (a meta refresh): a saved
    redirect stub, which names the address to read instead (a file's stub is not followed:
    reading a file never goes on to the network), or a fetched one whose refresh storydiff
    does not follow (javascript:, data:, file:)."""
    from compare.sources import meta_refresh_target

    target = meta_refresh_target(snapshot)
    if target is None:
        return None
    shown = "".join(c for c in target if c.isprintable())
    shown = shown if len(shown) <= 120 else shown[:119] + "…"
    where = snapshot.provenance.spec or "the input"
    if shown.lower().startswith(("http://", "https://")):
        return ExtractionError(
            f"no article text found in {where}: it is a redirect page that sends the "
            f"browser on to {shown}",
            "pass that address, or a saved copy of the page it leads to",
        )
    return ExtractionError(
        f"no article text found in {where}: it only sends the browser on to {shown}, "
        "which is not a web address storydiff follows",
        "open the page in a browser, save the article it shows, and pass the file",
    )


def check_article(cleaned: Cleaned, spec: str, kind: MediaKind = "html", source: str = "") -> None:
    """Refuse pages with no article: too little prose, mostly links, or a login wall.
    ``source`` is the page itself, searched only to explain too little prose."""
    known = cleaned.ascii_words
    # A data table's rows ("4 | Carrick Rovers | 24 | 44") are neither prose nor headlines:
    # counted, a league table under a short report made it an index page.
    blocks = [
        b
        for b in cleaned.blocks
        if b.role != "cell" or _word_count(b.text, clean=True) >= 16 or _is_sentence(b.text)
    ]
    counts = [known.get(b.text) or _word_count(b.text, clean=True) for b in blocks]
    total = sum(counts)
    link_counts = [b.link_chars for b in blocks]
    link_chars = sum(link_counts)
    linked = any(link_counts)  # else every link share is 0: plain text and Markdown
    # Prose: sentences, or items too long to be headlines (unpunctuated bullet points);
    # their word counts.
    prose = [
        count
        for b, count in zip(blocks, counts, strict=True)
        if (count >= 16 or _is_sentence(b.text, count)) and not (linked and b.link_share >= 0.5)
    ]
    prose_words = sum(prose)
    hint = "pass the article's own URL, or a saved copy of the full page"
    where = spec or "the input"
    if total == 0:
        raise ExtractionError(
            f"no article text found in {where}: nothing on the page reads as an article", hint
        )
    # Without links (plain text, Markdown) the share of link text is 0 and there are no
    # cards: no need to add up the characters, nor to sort the counts for a median.
    chars = (sum(len(b.text) for b in blocks) or 1) if linked else 1
    link_only = [b for b in blocks if b.link_share >= 0.8] if linked else []
    # A section front: headline links, each with at most a one-line teaser.
    cards = (
        len(link_only) >= 4
        and len(link_only) * 4 >= len(blocks)
        and (sorted(prose) or [0])[len(prose) // 2] < 15  # the median teaser
    )
    if link_chars / chars >= 0.5 or cards or (total >= 60 and prose_words < 0.3 * total):
        raise ExtractionError(
            f"no article text found in {where}: it looks like an index page "
            "(mostly links and headlines)",
            hint,
        )
    if cleaned.paywalled and prose_words < 150:
        raise ExtractionError(
            f"no article text found in {where}: it looks like a login or subscription page "
            f"(only a {prose_words}-word teaser)",
            hint,
        )
    if prose_words < _MIN_PROSE_WORDS:
        if kind != "html":
            hint = f"give the full article text (at least {_MIN_PROSE_WORDS} words of sentences)"
        raise ExtractionError(
            f"no article text found in {where}: only {_prose_count(prose_words, total)}"
            + _repeats_reason(blocks, source),
            hint,
        )


def _prose_count(prose_words: int, total: int) -> str:
    """How little text there is: "14 words of prose"; for a page of words but no sentences
    ("<p>hi</p>") the words it has, not a bare "0 words of prose" that reads as none."""
    words = f"{total:,} word{'s' if total != 1 else ''}"
    if prose_words == total:
        return f"{words} of prose"
    if prose_words == 0:
        return f"{words} and no sentence"
    return f"{words}, {prose_words:,} of them in sentences"


def _repeats_reason(blocks: Sequence[Block], source: str) -> str:
    """Why a page full of text has little prose: the extractor keeps a paragraph once, so a
    page that repeats one paragraph all the way down has only that paragraph's words."""
    sentences = (b.text for b in blocks if b.role == "p" and _is_sentence(b.text))
    repeats = max((source.count(text) for text in sentences), default=0)
    if repeats < 3:
        return ""
    return f", because the page repeats one paragraph {repeats:,} times and a repeat counts once"
