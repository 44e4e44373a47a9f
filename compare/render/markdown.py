"""GitHub-flavoured Markdown for a comparison: short enough for a pull-request comment.

Article text is untrusted: every Markdown metacharacter in it is escaped, so a hostile page
cannot add links, images, HTML, tables or headings to the report.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Sequence

from compare.model import Block, Change, Comparison, Document, WordOp
from compare.notes import note_alarm_lines, note_marks
from compare.render import GITHUB_LIMIT, fitting
from compare.render.layout import (
    COUNT_NAMES,
    REORDERED,
    Gap,
    Piece,
    Pieces,
    as_read,
    block_label,
    block_ops,
    byline_change,
    dates,
    in_reading_order,
    is_change,
    key_changes,
    no_change_line,
    paragraph_breaks,
    paragraph_numbers,
    paragraphs_text,
    percent,
    reordered,
    reveal,
    shared_spaces,
    unshown_label,
    visible,
    widened,
)

# Characters that start inline markup anywhere: emphasis, code, links and images ([ ]),
# HTML and entities (< > &), tables (|), strikethrough (~), GitHub math ($), mentions (@),
# and # (a heading's closing sequence would eat a trailing one).
_INLINE = re.compile(r"([\\`*_\[\]<>|~$&@#])")
# GitHub turns bare www. and scheme:// addresses into links, even glued to a word before
# them ("Léhttp://", "_www."); break them apart.
_AUTOLINK = re.compile(r"(?i)(www)\.|([a-z][a-z0-9+.-]*):(?=//)")
# Line starts that make headings, lists, quotes, rules or setext underlines.
_BLOCK_START = re.compile(r"^(\s*)([#+=>-]|\d+[.)])")


# GitHub reads @mentions, #123 references and :emoji: codes in the text of the rendered
# HTML, after Markdown has consumed every backslash ("\\@jane" still notifies jane, "\\#12"
# still links issue 12 and posts a "mentioned this" on it); its parser also turns
# "tips@courier.example" into a mailto link whatever the escape, and an entity (&#64;) is the
# same "@" by then. A word joiner (U+2060), which GitHub keeps and draws as nothing, between
# the sign and what follows breaks each pattern: the text reads the same and copies as one
# word, with an invisible character in it (the views name one an article holds, ⟨WJ⟩).
_JOIN = "\u2060"
# "@" after no letter then a name (a mention), or after a word then a domain (an e-mail
# address; "URL@2", a stored version, is neither and stays as written).
_MENTION = re.compile(
    r"(?<!\w)(\\@)(?=[A-Za-z0-9])|(?<=[\w.+-])(\\@)(?=[A-Za-z0-9][A-Za-z0-9-]*\.[A-Za-z0-9])"
)
# "#" before a number: an issue or pull request ("#12", "owner/repo#12").
_REFERENCE = re.compile(r"(\\#)(?=\d)")
# ":" opening an emoji code (":fire:", ":+1:", ":thumbs\\_up:" as escaped): GitHub's names
# are lower case letters, digits, "_", "+" and "-", up to the next ":"; of digits alone
# only ":100:" and ":1234:", so that a time ("10:30:45", "17:05:00Z: the edit") is left whole.
_EMOJI = re.compile(r":(?=((?:[a-z0-9+-]|\\_)+):)")


def _unlinked(escaped: str) -> str:
    """Escaped text whose mentions, issue references, e-mail addresses and emoji codes
    GitHub will not act on (see ``_JOIN``); what it holds already broken stays as it is."""
    # (Each pattern only where its sign is: most text has none, and every line of a report
    # comes here, some twice.)
    if "@" in escaped:
        escaped = _MENTION.sub(lambda m: (m[1] or m[2]) + _JOIN, escaped)
    if "#" in escaped:
        escaped = _REFERENCE.sub(r"\1" + _JOIN, escaped)
    if ":" not in escaped:
        return escaped
    return _EMOJI.sub(
        lambda m: ":" + _JOIN if not m[1].isdigit() or m[1] in ("100", "1234") else ":", escaped
    )


def escape(text: str) -> str:
    """Article text made inert inside a line: every character that could start Markdown or
    HTML markup is backslash-escaped; invisible characters are named, controls dropped;
    mentions, issue references, e-mail addresses and emoji codes broken (``_unlinked``)."""
    text = _INLINE.sub(r"\\\1", reveal(text))
    return _unlinked(_AUTOLINK.sub(lambda m: f"{m[1]}\\." if m[1] else f"{m[2]}\\:", text))


def line(text: str) -> str:
    """An escaped line made safe at the start of a line too (no heading, list or quote)."""
    return _BLOCK_START.sub(
        lambda m: f"{m[1]}\\{m[2]}" if len(m[2]) == 1 else f"{m[1]}{m[2][:-1]}\\{m[2][-1]}", text
    )


# The HTML twin of each mark: GitHub honours ``~~`` and ``**`` only where CommonMark lets
# them open and close (``cracks**, new**`` stays literal text), and these tags anywhere.
_TAGS = {"~~": ("<del>", "</del>"), "**": ("<strong>", "</strong>")}


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] == "P" or (char.isascii() and char in string.punctuation)


def _mark_fits(core: str, before: str, after: str) -> bool:
    """Whether a mark around ``core`` (escaped, unpadded) opens after ``before`` and closes
    before ``after``: punctuation at either edge of ``core`` needs a space, a line end or
    punctuation on the outside of the mark (CommonMark's flanking rules). Symbols such as
    ``£`` count as punctuation inside and not outside, as parsers differ on them."""
    opens = _safe_outside(before) or not _risky_inside(core[0])
    closes = _safe_outside(after) or not _risky_inside(core[-1])
    return opens and closes


def _risky_inside(char: str) -> bool:
    """Whether ``char`` at an edge of a mark's text needs room outside the mark
    (punctuation and symbols do)."""
    return _is_punctuation(char) or unicodedata.category(char)[0] == "S"


def _safe_outside(char: str) -> bool:
    """Whether ``char`` next to a mark, outside it, lets it open or close whatever the text
    inside starts or ends with: a line end (empty), a space or punctuation."""
    return not char or char.isspace() or _is_punctuation(char)


def _marked(core: str, mark: str, before: str, after: str) -> str:
    """``core`` between ``mark``s, or between the mark's HTML tags where the marks would not
    be read as marks."""
    if _mark_fits(core, before, after):
        return f"{mark}{core}{mark}"
    start, end = _TAGS[mark]
    return f"{start}{core}{end}"


def inline(ops: Sequence[WordOp]) -> str:
    """Word steps as one line: ``~~removed~~`` then ``**added**``, unchanged text plain,
    with outer spaces left outside the marks (GitHub only honours ``~~x~~`` and ``**x**``
    when they hug the words)."""
    parts: list[tuple[str, str]] = []  # (mark or "" for plain text, escaped text)

    def wrap(text: str, mark: str) -> None:
        core = text.strip()
        if core:
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
            parts.extend([("", lead), (mark, escape(core)), ("", trail)])
        elif text:  # spaces alone that widened() could not widen: marks cannot hug them
            start, end = _TAGS[mark]
            parts.append(("", f"{start}{text}{end}"))

    for op in widened(ops):  # (a change of spaces alone over the words it touches)
        if op.op == "equal":
            parts.append(("", escape(op.new)))
            continue
        if op.op == "replace":
            lead, old, new, trail = shared_spaces(op.old, op.new)
            if old != old.strip() or new != new.strip():
                # A space only one side has: GitHub cannot strike a space, so one only the
                # old text has is left out and the new text reads right ("plan~~—~~**,** a",
                # not "plan ~~—~~**,** a").
                parts.append(("", escape(lead)))
                wrap(old.strip(), "~~")
                wrap(new, "**")
                parts.append(("", escape(trail)))
                continue
        if op.old:
            wrap(op.old, "~~")
        if op.new:
            wrap(op.new, "**")
    out = ""
    parts = [(mark, text) for mark, text in parts if text]
    for i, (mark, text) in enumerate(parts):
        if not mark:
            out += text
            continue
        # What follows the mark: the line's end, a mark or a tag (punctuation either way,
        # which "<" stands for), or plain text. GitHub's parser reads past a "~~" to the
        # character beyond it ("~~said~~**: 'It**" leaves the ** as text, as "said" sits
        # before it), so next to a struck run the words it strikes are what count.
        if i + 1 == len(parts):
            after = ""
        elif parts[i + 1][0] == "~~":
            after = parts[i + 1][1][0]
        elif parts[i + 1][0]:
            after = "<"
        else:
            after = parts[i + 1][1][0]
        out += _marked(text, mark, out.rstrip("~")[-1:], after)
    # Again on the whole line: an "@" that ends one step and the name that starts the next
    # ("said @" then "jane") meet only here.
    return _unlinked(out)


def _pieces(pieces: Sequence[Piece]) -> str:
    out = ""
    parts = ((piece, inline(piece.ops)) for piece in pieces)
    shown = ((piece, text) for piece, text in parts if text.strip())
    for breaks, gap, piece, text in paragraph_breaks(shown):
        if out:
            out += "\n\n" if breaks else gap  # a paragraph break is a new Markdown paragraph
        if piece.link:
            text += f" *({piece.link})*"
        elif piece.moved:
            text += " *(moved)*"
        out += text
    return "\n\n".join(line(part) for part in out.split("\n\n"))


def _whole(pieces: Sequence[Piece], op: str) -> list[str]:
    """An added or removed block's paragraphs, each sentence struck or bold but one that
    arrived from another block (not new text), with a link after each that came from or
    went to another block."""
    paragraphs: list[list[tuple[str, str, str]]] = []  # runs of (mark, escaped text, link)
    parts = ((piece, _whole_sentence(piece, op)) for piece in pieces)
    for breaks, gap, piece, (shown, text) in paragraph_breaks(parts):
        if not paragraphs or breaks:
            paragraphs.append([])
        runs = paragraphs[-1]
        if runs and runs[-1][0] == shown and not runs[-1][2]:
            runs[-1] = (shown, f"{runs[-1][1]}{gap}{text}", piece.link)
        else:
            runs.append((shown, text, piece.link))
    return [
        " ".join(
            f"{shown}{text}{shown}" + (f" *({link})*" if link else "") for shown, text, link in runs
        )
        for runs in paragraphs
    ]


def _whole_sentence(piece: Piece, op: str) -> tuple[str, str]:
    """The mark of a sentence of an added or removed block (none for one that arrived from
    another block: not new text) and its escaped text; one that arrived reworded shows its
    word diff, as in a reworded block."""
    if op == "added" and piece.link:
        return "", inline(piece.ops)
    words = "".join(step.old if op == "removed" else step.new for step in piece.ops)
    return "~~" if op == "removed" else "**", escape(words)


def _who(document: Document) -> str:
    parts = [f"**{escape(document.label)}**"]
    spec = document.provenance.spec
    if spec and spec != document.label:
        parts.append(f"({escape(spec)})")
    stored = document.provenance.stored_version()
    if stored:  # URL@latest: which version, seen when
        parts.append(escape(stored))
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
    text = in_reading_order(text)
    return f"{text} ({where})" if where else text


def _block(c: Comparison, index: int, block: Block, pieces: Pieces) -> list[str]:
    if index in c.summary.unshown:
        texts = paragraphs_text(c.old, block.a) if block.a else paragraphs_text(c.new, block.b)
        return [f"#### {unshown_label(block)}", "", *(f"> {line(escape(t))}" for t in texts), ""]
    if not is_change(block):
        texts = paragraphs_text(c.new, block.b)
        return [f"> *¶ {paragraph_numbers(block.b)}* · {escape(' '.join(texts))}", ""]
    reordering = f", {REORDERED}" if reordered(c, block) else ""
    lines = [f"#### {block_label(block)}{reordering}", ""]
    if block.op == "reworded":
        found = pieces.unified(index)
        lines.append(line(_pieces(found) if found else inline(block_ops(c, block))))
    elif block.op in ("added", "removed") and (found := pieces.whole(index)):
        lines += [f"> {line(text)}" for text in _whole(found, block.op)]
    elif block.op == "removed":
        lines += [f"> ~~{escape(text)}~~" for text in paragraphs_text(c.old, block.a)]
    elif block.op == "added":
        lines += [f"> **{escape(text)}**" for text in paragraphs_text(c.new, block.b)]
    else:
        lines += [f"> {line(escape(text))}" for text in paragraphs_text(c.new, block.b)]
    return [*lines, ""]


def comparison(c: Comparison, context: int = 2, limit: int | None = GITHUB_LIMIT) -> str:
    """The comparison as GitHub-flavoured Markdown: title, summary table, warnings, key
    changes, then every change with ``context`` unchanged paragraphs around it. Longer than
    ``limit`` characters (GitHub's cap for a comment by default; None for no cap), the key
    changes and the changes stop where they must, with a line saying how many were left
    out; the header and the summary are always whole."""
    c = as_read(c)
    title = c.new.title or c.old.title or "Untitled story"
    lines = [f"## storydiff: {escape(title)}", ""]
    lines += [f"- **OLD** {_who(c.old)}", f"- **NEW** {_who(c.new)}"]
    if c.summary.headline_changed:
        lines.append(f"- **Headline:** {inline(c.title_words)}")
    if c.summary.standfirst_changed:
        lines.append(f"- **Standfirst:** {inline(c.standfirst_words)}")
    byline = byline_change(c)
    if byline:
        lines.append(
            f"- **Byline:** {in_reading_order(f'{escape(byline[0])} → {escape(byline[1])}')}"
        )
    lines.append("")

    summary = c.summary
    lines += ["| | paragraphs | sentences |", "| --- | ---: | ---: |"]
    for key, name in COUNT_NAMES:
        if key == "unshown" and not summary.paragraphs.get(key):
            continue  # (a row of its own only where a version is partial)
        lines.append(
            f"| {name} | {summary.paragraphs.get(key, 0)} | {summary.sentences.get(key, 0)} |"
        )
    lines += ["", f"Similarity: **{percent(summary.similarity)}**", ""]
    if not summary.changed:
        lines += [no_change_line(c), ""]
    for warning in summary.warnings:
        lines += [f"> **Warning:** {escape(warning)}", ""]
    for said in note_alarm_lines(c):
        lines += [f"**{escape(said)}**", ""]
    marks = note_marks(c)

    def owned(ch: Change) -> str:
        mark = marks.get(id(ch))
        if mark is None:
            return ""
        return f" — *in the {mark[1]}*" if mark[0] else f" — *not in the {mark[1]}*"

    keys = [[f"- {_describe(ch, where)}{owned(ch)}"] for ch, where in key_changes(c)]
    rows: list[list[str]] = []  # a gap's row is one line; a change's starts with its heading
    if summary.changed or summary.credits_only or summary.unshown:
        pieces = Pieces(c)
        for row in visible(c.blocks, context):
            if isinstance(row, Gap):
                noun = "paragraph" if row.paragraphs == 1 else "paragraphs"
                rows.append([f"*… {row.paragraphs} unchanged {noun} …*", ""])
            else:
                rows.append(_block(c, row[0], row[1], pieces))
    return _fit(lines, keys, rows, limit)


def _fit(head: list[str], keys: list[list[str]], rows: list[list[str]], limit: int | None) -> str:
    """The header, then as many key changes and change rows as fit in ``limit``
    characters, each list cut short with a line that counts what it leaves out."""
    # Room kept for the two "left out" lines and the headings.
    budget = None if limit is None else limit - len("\n".join(head)) - 600
    kept_keys, kept_rows = keys, rows
    if budget is not None:
        kept_keys = keys[: fitting(map(_size, keys), budget // 2 if rows else budget)]
        used = sum(map(_size, kept_keys))
        kept_rows = rows[: fitting(map(_size, rows), budget - used)]
    lines = list(head)
    if keys:
        lines += ["### Key changes", ""]
        lines += [line for item in kept_keys for line in item]
        if not kept_keys:
            lines.append(f"- *{len(keys):,} key changes, left out for room*")
        elif len(kept_keys) < len(keys):
            lines.append(f"- *… and {len(keys) - len(kept_keys):,} more key changes*")
        lines.append("")
    if rows:
        lines += ["### Changes", ""]
        lines += [line for item in kept_rows for line in item]
        left_out = sum(1 for row in rows[len(kept_rows) :] if row[0].startswith("#"))
        if left_out:
            # A limit the header and summary alone pass (they are always whole) is named
            # as such: "to stay under 300 characters" on a report of 600 was untrue.
            fits = limit is not None and len("\n".join(head)) + 600 <= limit
            why = (
                f"to stay under {limit:,} characters (a GitHub comment takes {GITHUB_LIMIT:,})"
                if fits
                else f"as --md-limit {limit:,} leaves no room past the header and summary"
            )
            more = " more" if any(row[0].startswith("#") for row in kept_rows) else ""
            are = "changed paragraph is" if left_out == 1 else "changed paragraphs are"
            lines += [
                f"*The report stops here {why}: {left_out:,}{more} {are} "
                "not shown. "
                "`--md-limit 0` writes them all; `--format html` shows them side by side.*",
                "",
            ]
    return "\n".join(lines).rstrip("\n") + "\n"


def _size(item: list[str]) -> int:
    """Characters an item's lines take in the report, newlines included."""
    return sum(len(line) + 1 for line in item)
