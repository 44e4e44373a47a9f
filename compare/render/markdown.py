"""GitHub-flavoured Markdown for a comparison: short enough for a pull-request comment.

Article text is untrusted: every Markdown metacharacter in it is escaped, so a hostile page
cannot add links, images, HTML, tables or headings to the report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from compare.model import Block, Change, Comparison, Document, WordOp
from compare.render.layout import (
    COUNT_NAMES,
    Gap,
    Piece,
    Pieces,
    block_label,
    block_ops,
    change_paragraph,
    dates,
    headline_changed,
    is_change,
    paragraph_numbers,
    paragraphs_text,
    percent,
    reveal,
    visible,
)

# Characters that start inline markup anywhere: emphasis, code, links and images ([ ]),
# HTML and entities (< > &), tables (|), strikethrough (~), GitHub math ($), mentions (@),
# and # (a heading's closing sequence would eat a trailing one).
_INLINE = re.compile(r"([\\`*_\[\]<>|~$&@#])")
# GitHub turns bare www. and scheme:// addresses into links; break them apart.
_AUTOLINK = re.compile(r"(?i)\b(www)\.|\b([a-z][a-z0-9+.-]*):(?=//)")
# Line starts that make headings, lists, quotes, rules or setext underlines.
_BLOCK_START = re.compile(r"^(\s*)([#+=>-]|\d+[.)])")


def escape(text: str) -> str:
    """Article text made inert inside a line: every character that could start Markdown or
    HTML markup is backslash-escaped; invisible characters are named, controls dropped."""
    text = _INLINE.sub(r"\\\1", reveal(text))
    return _AUTOLINK.sub(lambda m: f"{m[1]}\\." if m[1] else f"{m[2]}\\:", text)


def line(text: str) -> str:
    """An escaped line made safe at the start of a line too (no heading, list or quote)."""
    return _BLOCK_START.sub(
        lambda m: f"{m[1]}\\{m[2]}" if len(m[2]) == 1 else f"{m[1]}{m[2][:-1]}\\{m[2][-1]}", text
    )


def _wrap(text: str, mark: str) -> str:
    """``mark`` around the words of ``text``, with its outer spaces left outside the marks
    (GitHub only honours ``~~x~~`` and ``**x**`` when they hug the words)."""
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{mark}{escape(core)}{mark}{trail}"


def inline(ops: Sequence[WordOp]) -> str:
    """Word steps as one line: ``~~removed~~`` then ``**added**``, unchanged text plain."""
    parts = []
    for op in ops:
        if op.op == "equal":
            parts.append(escape(op.new))
            continue
        if op.old:
            parts.append(_wrap(op.old, "~~"))
        if op.new:
            parts.append(_wrap(op.new, "**"))
    return "".join(parts)


def _pieces(pieces: Sequence[Piece]) -> str:
    out = ""
    paragraph = -1
    for piece in pieces:
        text = inline(piece.ops)
        if not text.strip():
            continue
        if out:
            # A split or merged block breaks where its paragraphs break (a new paragraph).
            out += "\n\n" if -1 != paragraph != piece.paragraph != -1 else " "
        paragraph = piece.paragraph if piece.paragraph != -1 else paragraph
        out += text + (" *(moved)*" if piece.moved else "")
    return "\n\n".join(line(part) for part in out.split("\n\n"))


def _who(document: Document) -> str:
    parts = [f"**{escape(document.label)}**"]
    spec = document.provenance.spec
    if spec and spec != document.label:
        parts.append(f"({escape(spec)})")
    when = dates(document)
    if when:
        parts.append(escape(when))
    return " · ".join(parts)


def _describe(change: Change, where: str) -> str:
    # facets.py writes a full human description into detail; build one only without it.
    kind = f"**{change.kind}**"
    if change.detail:
        text = escape(change.detail)
    elif change.action == "added":
        text = f"{kind} added: **{escape(change.new or '')}**"
    elif change.action == "removed":
        text = f"{kind} removed: ~~{escape(change.old or '')}~~"
    else:
        text = f"{kind} changed: ~~{escape(change.old or '')}~~ → **{escape(change.new or '')}**"
    return f"{text} ({where})" if where else text


def _block(c: Comparison, index: int, block: Block, pieces: Pieces) -> list[str]:
    if not is_change(block):
        texts = paragraphs_text(c.new, block.b)
        return [f"> *¶ {paragraph_numbers(block.b)}* · {escape(' '.join(texts))}", ""]
    lines = [f"#### {block_label(block)}", ""]
    if block.op == "reworded":
        found = pieces.unified(index)
        lines.append(line(_pieces(found) if found else inline(block_ops(c, block))))
    elif block.op == "removed":
        lines += [f"> ~~{escape(text)}~~" for text in paragraphs_text(c.old, block.a)]
    elif block.op == "added":
        lines += [f"> **{escape(text)}**" for text in paragraphs_text(c.new, block.b)]
    else:
        lines += [f"> {line(escape(text))}" for text in paragraphs_text(c.new, block.b)]
    return [*lines, ""]


def comparison(c: Comparison, context: int = 2) -> str:
    """The comparison as GitHub-flavoured Markdown: title, summary table, warnings, key
    changes, then every change with ``context`` unchanged paragraphs around it."""
    title = c.new.title or c.old.title or "Untitled story"
    lines = [f"## storydiff: {escape(title)}", ""]
    lines += [f"- **OLD** {_who(c.old)}", f"- **NEW** {_who(c.new)}"]
    if headline_changed(c):
        lines.append(f"- **Headline:** {inline(c.title_words)}")
    lines.append("")

    summary = c.summary
    lines += ["| | paragraphs | sentences |", "| --- | ---: | ---: |"]
    for key, name in COUNT_NAMES:
        lines.append(
            f"| {name} | {summary.paragraphs.get(key, 0)} | {summary.sentences.get(key, 0)} |"
        )
    lines += ["", f"Similarity: **{percent(summary.similarity)}**", ""]
    if not summary.changed:
        lines += ["No differences beyond cosmetic ones.", ""]
    for warning in summary.warnings:
        lines += [f"> **Warning:** {escape(warning)}", ""]

    if c.changes:
        lines += ["### Key changes", ""]
        lines += [f"- {_describe(ch, change_paragraph(c, ch.sentence))}" for ch in c.changes]
        lines.append("")

    if summary.changed:
        lines += ["### Changes", ""]
        pieces = Pieces(c)
        for row in visible(c.blocks, context):
            if isinstance(row, Gap):
                noun = "paragraph" if row.paragraphs == 1 else "paragraphs"
                lines += [f"*… {row.paragraphs} unchanged {noun} …*", ""]
            else:
                lines += _block(c, row[0], row[1], pieces)
    return "\n".join(lines).rstrip("\n") + "\n"
