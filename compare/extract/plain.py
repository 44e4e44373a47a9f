"""Plain text and Markdown inputs: paragraphs, headings, lists, tables and front matter as
blocks, without importing any HTML library."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from compare.extract.blocks import (
    _CELL_SEPARATOR,
    _SENTENCE_END,
    LONG_PARAGRAPHS,
    Block,
    Metadata,
    Role,
)
from compare.extract.chrome import is_chrome
from compare.text import ODD_WHITESPACE, _word_set, clean_whitespace, lazy_pattern, title_case

#: The header lines of ``storydiff extract``'s text view (compare/render/text.py's
#: ``document``), by name: the Metadata field each gives, None for what is not the story's.
_VIEW_FIELDS = {
    "title": "title",
    "site": "site_name",
    "authors": "authors",
    "published": "published",
    "modified": "modified",
    "url": "url",
    "language": "language",
    "summary": "shown_standfirst",
    "source": None,  # the page it was extracted from, not this file
    "words": None,
}
_VIEW_HEADER = lazy_pattern(r"([a-z]+):\s+(\S.*)")
_VIEW_PARAGRAPH = lazy_pattern(r"\[ *(\d+)\] (.+)")


def extract_view_blocks(text: str) -> tuple[list[Block], Metadata] | None:
    """The paragraphs and metadata of the text view ``storydiff extract`` prints (a header
    of ``title:`` ... ``words:`` lines, a blank line, then ``[1] paragraph`` lines), saved
    with ``storydiff extract page.html > v1.txt``: read as any text, its header was a
    paragraph ("words: 176" -> "213" a changed number) and every "[6]" -> "[7]" a number
    changed. The view shows no description and no live flag: ``-f json`` keeps all. None
    for any other text."""
    if not text.startswith(tuple(f"{name}:" for name in _VIEW_FIELDS)):
        return None  # (most texts: one look)
    header, _, body = text.replace("\r\n", "\n").partition("\n\n")
    fields: dict[str, str] = {}
    for line in header.split("\n"):
        found = _VIEW_HEADER().fullmatch(line)
        if found is None or found[1] not in _VIEW_FIELDS or found[1] in fields:
            return None
        fields[found[1]] = found[2].strip()
    paragraphs = []
    for number, line in enumerate(body.strip("\n").split("\n"), 1):
        found = _VIEW_PARAGRAPH().fullmatch(line)
        if found is None or int(found[1]) != number:
            return None
        paragraphs.append(Block(clean_whitespace(found[2])))
    if "words" not in fields or not paragraphs:
        return None
    meta: dict[str, Any] = {
        key: fields[name] for name, key in _VIEW_FIELDS.items() if key and name in fields
    }
    if "authors" in meta:
        meta["authors"] = tuple(meta["authors"].split(", "))
    return paragraphs, Metadata(**meta)


def text_blocks(text: str) -> list[Block]:
    """Blank-line-separated blocks; single newlines inside a block become spaces."""
    if "\r" in text:  # one quick look saves two slow replacements on a long text
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text:  # a memchr; replace counts by a slower scan first (6.8M at 848 KB)
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
            if (LONG_PARAGRAPHS and chunk in LONG_PARAGRAPHS) or (
                spaced and "  " not in chunk and chunk[:1] != " " and chunk[-1:] != " "
            ):
                cleaned = chunk
            else:
                cleaned = clean_whitespace(chunk)
            if cleaned:
                blocks.append(Block(cleaned))
            continue
        lines = [line for line in chunk.split("\n") if line.strip()]
        if _lines_apart(lines) or (
            len(lines) == 2 and not blocks and _pair_apart(lines, _wrap_width(chunks[1:]))
        ):
            # A page's header copied from a browser (kicker, headline, standfirst, byline,
            # date, share buttons), a line each: no hard-wrapped paragraph.
            blocks.extend(Block(cleaned) for line in lines if (cleaned := clean_whitespace(line)))
            continue
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


def _lines_apart(lines: Sequence[str]) -> bool:
    """Whether the lines of one block are items of their own, not a paragraph wrapped: none
    runs on into the next (which would open in lower case, or follow a comma or a hyphen),
    and some stop well short of the longest, as a wrapped paragraph's lines do only at its
    end; and one at most ends a sentence (a paragraph per line is
    :func:`_one_paragraph_per_line`'s, for a text with no blank line)."""
    stripped = [line.strip() for line in lines]
    if len(lines) >= 2 and is_chrome(stripped[0]) and _short_items(stripped[1:]):
        # A list under a page's label ("Related topics" over "Eastport", "Transport"), as a
        # copy from a browser gives it: it was one paragraph, "Related topics Eastport
        # Transport", which no rule reads as chrome.
        return True
    if len(lines) < 3:
        return False
    longest = max(map(len, stripped))
    return (
        not any(line[:1].islower() for line in stripped[1:])
        and not any(line[-1:] in ",;-–" for line in stripped[:-1])
        and sum(line.rstrip("\"'”’)»")[-1:] in _SENTENCE_END for line in stripped) <= 1
        and sum(len(line) < 0.6 * longest for line in stripped[:-1]) >= 2
    )


#: Words a headline does not stop on: a line that does was wrapped.
_LEADING_ON = _word_set(
    """a an the of for to in on at and or but with by from as into after before over under
    near amid about against during without who that which whose its his her their"""
)


def _wrap_width(chunks: Sequence[str]) -> int:
    """The width a text is hard-wrapped at: the widest line of its paragraphs of several
    lines; 0 for a text whose paragraphs are a line each (no width to tell a wrap by)."""
    return max(
        (len(line) for chunk in chunks if "\n" in chunk for line in chunk.split("\n")), default=0
    )


def _pair_apart(lines: Sequence[str], width: int) -> bool:
    """Whether the two lines that open a text are a headline and the line under it, not a
    headline wrapped ("Village fete raises record sum for hospice" over "Door Prize Winners
    Named"): short, the second opening in capitals, the first not stopping on a word that
    leads into more ("for the", "died after"); and, in a text hard-wrapped at ``width``,
    the second's first word would have fitted on the first line, where a wrap would have
    put it, or, in one that is not (``width`` 0), one line is in title case and the other
    not (a headline's two lines are written alike)."""
    first, second = (line.strip() for line in lines)
    if not (
        _short_items((first, second))
        and second[:1].isupper()
        and first.rsplit(None, 1)[-1].lower() not in _LEADING_ON
    ):
        return False
    if width:
        return len(first) + 1 + len(second.split(None, 1)[0]) <= width
    return title_case(first) != title_case(second)


def _short_items(lines: Sequence[str]) -> bool:
    """Whether ``lines`` are a list's items (tags, other stories' headlines): a dozen words at
    most each, none ending a sentence."""
    return all(
        line.count(" ") < 12
        and not line[:1].islower()  # a wrapped paragraph's lines run on
        and line[-1:] not in ",;-–"
        and line.rstrip("\"'”’)»")[-1:] not in _SENTENCE_END
        for line in lines
    )


def _one_paragraph_per_line(chunk: str) -> bool:
    lines = [line.strip() for line in chunk.split("\n") if line.strip()]
    ended = sum(line.rstrip("\"'”’)»")[-1:] in _SENTENCE_END for line in lines)
    return len(lines) >= 3 and ended * 4 >= len(lines) * 3


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
    # (Here, not with this module: a plain text needs no metadata reader.)
    from compare.extract.metadata import normalize_date, normalize_language, split_authors

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
_EMPHASIS = lazy_pattern(
    r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"
    r"|(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"
    r"|(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"
    r"|~~(?=\S)(.+?)(?<=\S)~~"
)
_CODE_SPAN = lazy_pattern(r"(`+)(.+?)\1")


def strip_inline_markdown(text: str) -> str:
    """Inline Markdown to plain text: images dropped, links to their text, no emphasis."""
    from compare.extract.metadata import _TAG  # (not for plain text: see _front_matter)

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
