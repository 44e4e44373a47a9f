"""Plain-text and terminal output."""

from __future__ import annotations

import io
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate
from typing import TYPE_CHECKING

from compare.model import Block, Change, Comparison, Document, WordOp
from compare.notes import note_alarm_lines, note_marks
from compare.render.layout import (
    LRM,
    REORDERED,
    RTL_LETTER,
    Gap,
    Piece,
    Pieces,
    as_read,
    block_label,
    block_ops,
    byline_change,
    count_line,
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
from compare.text import has_cjk, lazy_pattern

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


def document(doc: Document) -> str:
    """A metadata block, then numbered paragraphs."""
    lines: list[str] = []
    fields = [
        ("title", doc.title),
        ("site", doc.site_name),
        ("authors", ", ".join(doc.authors) or None),
        ("published", doc.published),
        ("modified", doc.modified),
        ("url", doc.url),
        ("language", doc.language),
        ("summary", doc.summary),
        ("source", doc.provenance.spec),
        ("words", str(doc.word_count)),
    ]
    # Shown as the comparison view shows text (``reveal``): a page's ANSI escapes and other
    # control characters reached the terminal as they were, to recolour or retitle it.
    for name, value in fields:
        if value:
            lines.append(f"{name + ':':<11}{reveal(value)}")
    lines.append("")
    width = len(str(len(doc.paragraphs)))
    for i, paragraph in enumerate(doc.paragraphs, 1):
        lines.append(f"[{i:>{width}}] {reveal(paragraph.text)}")
    return "\n".join(lines)


# --- Comparison view ------------------------------------------------------------------------

#: Narrowest terminal that gets the side-by-side view.
SIDE_BY_SIDE_MIN_WIDTH = 120

_DELETED = "red strike"
_INSERTED = "green underline"
_REMOVED = "red"
_ADDED = "green"
_MOVED = "cyan"
_MARKERS = {"equal": " ", "reworded": "~", "added": "+", "removed": "-"}
_PARAGRAPH_STYLE = {"equal": "", "reworded": "", "added": _ADDED, "removed": _REMOVED}
#: The side a whole block shows in the side-by-side view.
_SIDES = {"added": "new", "removed": "old"}


class _Writer:
    """Builds ``rich`` text for one view, with colour or with plain-text markers."""

    def __init__(self, color: bool) -> None:
        from rich.text import Text

        self.color = color
        self.Text = Text

    def text(self, value: str = "", style: str = "") -> Text:
        return self.Text(reveal(value), style=style if self.color else "")

    def line(self, line: Text, console: Console) -> str:
        """One wrapped line as a string, with ANSI styles when in colour."""
        if not self.color:
            return line.plain
        from rich.color import ColorSystem

        if not line.spans:  # Text.render leaves out the base style of a span-less text
            style = console.get_style(line.style) if line.style else None
            return (
                style.render(line.plain, color_system=ColorSystem.STANDARD) if style else line.plain
            )
        return "".join(
            seg.style.render(seg.text, color_system=ColorSystem.STANDARD) if seg.style else seg.text
            for seg in line.render(console)
        )

    def deleted(self, value: str) -> Text:
        return self._marked(value, _DELETED, "[-", "-]")

    def inserted(self, value: str) -> Text:
        return self._marked(value, _INSERTED, "{+", "+}")

    def _marked(
        self, value: str, style: str, opening: str, closing: str, spaces_inside: bool = False
    ) -> Text:
        """Changed words: styled in colour, else between wdiff-style markers; the spaces
        around them stay plain so that no underline or marker runs past the words, unless
        ``spaces_inside`` (spaces that are themselves part of the change)."""
        core = value if spaces_inside or value.isspace() else value.strip()
        if not core:
            return self.text(value)
        lead = value[: len(value) - len(value.lstrip())] if core != value else ""
        trail = value[len(value.rstrip()) :] if core != value else ""
        marked = self.text(core, style) if self.color else self.text(f"{opening}{core}{closing}")
        return self.text(lead) + marked + self.text(trail)

    def ops(self, ops: Sequence[WordOp], side: str = "both") -> Text:
        """Word steps inline (``both``), or only one side's text (``old`` or ``new``)."""
        out = self.text()
        for op in widened(ops):  # (a change of spaces alone over the words it touches)
            if op.op == "equal":
                out.append_text(self.text(op.new if side != "old" else op.old))
                continue
            if side == "both" and op.op == "replace":
                lead, old, new, trail = shared_spaces(op.old, op.new)
                out.append_text(self.text(lead))
                out.append_text(self._marked(old, _DELETED, "[-", "-]", spaces_inside=True))
                out.append_text(self._marked(new, _INSERTED, "{+", "+}", spaces_inside=True))
                out.append_text(self.text(trail))
                continue
            if side != "new" and op.old:
                out.append_text(self.deleted(op.old))
            if side != "old" and op.new:
                out.append_text(self.inserted(op.new))
        return out

    def pieces(self, pieces: Sequence[Piece], side: str = "both") -> Text:
        out = self.text()
        parts = ((piece, self.ops(piece.ops, side)) for piece in pieces)
        shown = ((piece, part) for piece, part in parts if part.plain.strip())
        for breaks, gap, piece, part in paragraph_breaks(shown):
            if out.plain:
                out.append("\n" if breaks else gap)
            out.append_text(part)
            if piece.moved or piece.link:
                out.append_text(self.text(_pointer(piece), _MOVED))
        return out

    def whole(self, pieces: Sequence[Piece], op: str, side: str = "both") -> Text:
        """The sentences of an added or removed block in its colour, with a pointer after
        each one that came from or went to another block; one that arrived is not new text,
        so it is not coloured as added. A sentence that moved and was reworded shows its
        word diff: in full where it arrived (``side`` ``both``), or the words of the side
        shown (``old`` or ``new``, side by side), at either end."""
        out = self.text()
        parts = ((piece, self._whole_sentence(piece, op, side)) for piece in pieces)
        for breaks, gap, piece, part in paragraph_breaks(parts):
            if out.plain:
                out.append("\n" if breaks else gap)
            out.append_text(part)
            if piece.link:
                out.append_text(self.text(_pointer(piece), _MOVED))
        return out

    def _whole_sentence(self, piece: Piece, op: str, side: str) -> Text:
        arrived = op == "added" and piece.link
        reworded = piece.link and any(step.op != "equal" for step in piece.ops)
        if reworded and (arrived or side != "both"):
            # Side by side the old column has the words that left, the new one those
            # that arrived; unified, the arrival shows both, like one in a reworded block.
            part = self.ops(piece.ops, side)
            if not arrived and self.color:
                part.stylize_before(_PARAGRAPH_STYLE[op])
            return part
        words = "".join(step.old if op == "removed" else step.new for step in piece.ops)
        return self.text(words, "" if arrived else _PARAGRAPH_STYLE[op])


def _pointer(piece: Piece) -> str:
    """What follows a sentence that moved or changed paragraph: `` (↕ moved)``, `` (↕ moved
    to ¶ 3)``, `` (now in ¶ 3)``: in brackets, so that it does not read as the start of the
    next sentence ("↕ moved from old ¶ 3 Firefighters were ...")."""
    if not piece.moved:
        return f" ({piece.link})"
    return f" (↕ {piece.link})" if piece.link else " (↕ moved)"


def _describe(change: Change) -> str:
    # facets.py writes a full human description into detail; build one only without it.
    if change.detail:
        return change.detail
    if change.action == "added":
        return f"{change.kind} added: {change.new}"
    if change.action == "removed":
        return f"{change.kind} removed: {change.old}"
    return f"{change.kind} changed: {change.old} → {change.new}"


def _header(c: Comparison, out: _Writer, places: dict[int, int] | None = None) -> list[Text]:
    """The header's lines; where a key change's place starts ("  (old ¶ 4)", which wrapping
    keeps in one piece) goes into ``places``, by the line's ``id``."""
    lines: list[Text] = []
    for role, doc in (("OLD", c.old), ("NEW", c.new)):
        line = out.text(f"{role}  ", "bold")
        line.append_text(out.text(doc.label, "bold"))
        spec = doc.provenance.spec
        details = [f"({spec})"] if spec and spec != doc.label else []
        if doc.provenance.stored_version():  # URL@latest: which version, seen when
            details.append(doc.provenance.stored_version() or "")
        if dates(doc):
            details.append(dates(doc))
        if details:
            line.append_text(out.text("  " + "  ".join(details), "dim"))
        lines.append(line)
    if c.summary.headline_changed:
        line = out.text("Headline: ", "bold")
        line.append_text(out.ops(c.title_words))
        lines.append(line)
    elif c.new.title or c.old.title:
        lines.append(out.text("Headline: ", "bold") + out.text(c.new.title or c.old.title or ""))
    if c.summary.standfirst_changed:
        line = out.text("Standfirst: ", "bold")
        line.append_text(out.ops(c.standfirst_words))
        lines.append(line)
    byline = byline_change(c)
    if byline:
        changed = in_reading_order(f"{byline[0]} → {byline[1]}")
        lines.append(out.text("Byline: ", "bold") + out.text(changed))
    summary = c.summary
    lines.append(out.text(f"Similarity {percent(summary.similarity)}", "bold"))
    lines.append(out.text(f"Paragraphs: {count_line(summary.paragraphs)}"))
    lines.append(out.text(f"Sentences:  {count_line(summary.sentences)}"))
    if not summary.changed:
        lines.append(out.text(no_change_line(c), "green"))
    for warning in summary.warnings:
        lines.append(out.text(f"⚠ warning: {warning}", "yellow"))
    keys = key_changes(c)
    if keys:
        lines.append(out.text())
        lines.append(out.text("Key changes", "bold"))
        marks = note_marks(c)
        for change, where in keys:
            described = in_reading_order(_describe(change))
            line = out.text(f"  • {described}", "bold" if change.severity == 1 else "")
            if where:
                if places is not None:
                    places[id(line)] = len(line.plain)
                line.append_text(out.text(f"  ({where})", "dim"))
            if (mark := marks.get(id(change))) is not None:
                owned, label = mark
                said = f"  — in the {label}" if owned else f"  — not in the {label}"
                line.append_text(out.text(said, "green" if owned else "yellow"))
            lines.append(line)
        for said in note_alarm_lines(c):
            lines.append(out.text(f"  {said}", "yellow"))
    return lines


def _label_style(block: Block) -> str:
    if block.op in ("added", "removed"):
        return _PARAGRAPH_STYLE[block.op]
    return "bold" if is_change(block) else "dim"


def _label(c: Comparison, block: Block, out: _Writer) -> Text:
    if not is_change(block):
        if len(block.a) != len(block.b):  # split or merged, no word changed
            return out.text(f"  {block_label(block)}", "dim")
        return out.text(f"  ¶ {paragraph_numbers(block.b)}", "dim")
    label = block_label(block, moved="↕ moved") + _reworded_label(c, block)
    style = _label_style(block)
    return out.text(f"{_MARKERS[block.op]} {label}", style)


def _reworded_label(c: Comparison, block: Block) -> str:
    """How alike a reworded block's sides are, and whether only the order changed."""
    if block.op != "reworded":
        return ""
    label = f" · {percent(block.similarity)} similar"
    return f"{label} · {REORDERED}" if reordered(c, block) else label


def _unified_body(c: Comparison, index: int, pieces: Pieces, out: _Writer) -> Text:
    block = c.blocks[index]
    if block.op == "reworded":
        found = pieces.unified(index)
        return out.pieces(found) if found else out.ops(block_ops(c, block))
    if block.op != "equal" and (found := pieces.whole(index)):
        return out.whole(found, block.op)
    doc, where = (c.old, block.a) if block.op == "removed" else (c.new, block.b)
    return _paragraphs(out, paragraphs_text(doc, where), _PARAGRAPH_STYLE[block.op])


def _paragraphs(out: _Writer, texts: list[str], style: str) -> Text:
    """Paragraphs of one block, each on lines of its own: a split one shows as split (the
    text itself has its line breaks made spaces by ``reveal``)."""
    joined = out.text()
    for i, paragraph in enumerate(texts):
        if i:
            joined.append("\n")
        joined.append_text(out.text(paragraph, style))
    return joined


#: Marks that close a phrase in Chinese or Japanese, which never start a line there.
_NO_LINE_START = frozenset("、。，．：；！？）］｝〕〉》」』】〙〗’”…‥・")


def _wrap(text: Text, console: Console, width: int) -> list[Text]:
    """``text`` wrapped to ``width`` cells, as rich wraps it; but rich folds an unspaced
    Chinese or Japanese run at any character, so a line could start with "，" or "。": the
    character before such a mark goes down with it, as CJK typesetting does."""
    if not has_cjk(text.plain):
        return list(text.wrap(console, width))
    lines: list[Text] = []
    for line in text.split(allow_blank=True):
        for part in line.divide(_cjk_breaks(line.plain, width)):
            part.rstrip_end(width)
            part.truncate(width)  # a space past the edge, measured in cells
            lines.append(part)
    return lines


def _cjk_breaks(plain: str, width: int) -> list[int]:
    """Where rich breaks ``plain`` into lines of ``width`` cells (two at least, so that a wide
    character fits a line), but a break before a closing mark moves back a character, and
    the lines after it are broken again.
    Breaking resumes at the moved break rather than rewrapping the whole rest, so a long
    unspaced paragraph takes time in proportion to its length."""
    words = _words(plain)
    breaks: list[int] = []
    ahead = _rich_breaks(plain, words, 0, width)
    while (cut := next(ahead, None)) is not None:
        line_start = breaks[-1] if breaks else 0
        kept = cut
        while kept - 1 > line_start and plain[kept] in _NO_LINE_START:
            kept -= 1
        # Nor inside a run of Latin letters or digits ("[-1200-]", "COVID-19"): the run
        # goes down whole, if it is short and does not fill the line from its start.
        run = kept
        while run > line_start and kept - run < _LATIN_RUN and _latin(plain[run - 1]):
            run -= 1
        if run > line_start and run < kept and _latin(plain[kept]) and kept - run < _LATIN_RUN:
            kept = run
        breaks.append(kept)
        if kept != cut:
            ahead = _rich_breaks(plain, words, kept, width)
    return breaks


#: The longest run of Latin letters or digits kept whole on a Chinese or Japanese line.
_LATIN_RUN = 16


def _latin(character: str) -> bool:
    """A character of a Latin word or figure, or a diff's mark around it ("[-", "{+")."""
    return " " < character < "\u2e80" and not character.isspace()


#: A word as rich wraps it: any spaces before it (at the start of the text), its
#: characters, then the spaces after it. Compiled on first use: only CJK text needs it.
_WORD = lazy_pattern(r"\s*(\S+)\s*")


def _words(plain: str) -> tuple[list[int], list[int]]:
    """Where each word of ``plain`` ends without its trailing spaces, and with them."""
    found = list(_WORD().finditer(plain))
    return [m.end(1) for m in found], [m.end() for m in found]


def _rich_breaks(
    plain: str, words: tuple[list[int], list[int]], begin: int, width: int
) -> Iterator[int]:
    """The breaks rich's wrapping puts in ``plain[begin:]``, as indexes into ``plain``,
    found one at a time so that the caller can stop after any of them. Each line is filled
    with whole words; a word wider than a line starts a new one and is cut at the last
    character that fits, line after line (rich's "fold")."""
    from rich.cells import cell_len, chop_cells

    text_ends, ends = words
    first = bisect_right(ends, begin)  # the word ``begin`` is in
    if first < len(ends) and begin >= text_ends[first]:
        first += 1  # in the spaces after a word, which go with the next one
    start, used = begin, 0  # where the next word starts; the cells the line holds so far
    for k in range(first, len(ends)):
        text_end, end = text_ends[k], ends[k]
        size = _cells_up_to(plain, start, text_end, width)
        if size <= width - used:
            used += cell_len(plain[start:end])
        elif size <= width:
            yield start
            used = cell_len(plain[start:end])
        else:
            if start != begin:
                yield start
            piece = start  # where the line being cut starts
            window = width + 1
            while True:
                stop = min(end, piece + window)
                lines = chop_cells(plain[piece:stop], width)
                starts = list(accumulate(map(len, lines[:-1]), initial=piece))
                if stop == end:
                    yield from starts[1:]
                    used = cell_len(lines[-1])
                    break
                if starts[-1] == piece:  # not one whole line in the window yet
                    window *= 2
                    continue
                # The window's last line may be cut short by the window, but where it
                # starts is where a line starts in the whole word.
                yield from starts[1:]
                piece, window = starts[-1], width + 1
        start = end


def _cells_up_to(plain: str, start: int, end: int, limit: int) -> int:
    """The cells ``plain[start:end]`` takes, or a number over ``limit`` if it takes more,
    measuring no more of it than is needed to tell."""
    from rich.cells import cell_len

    window = limit + 1
    while True:
        stop = min(end, start + window)
        size = cell_len(plain[start:stop])
        if size > limit or stop == end:  # a longer text never takes fewer cells
            return size
        window *= 2


def _gap_text(gap: Gap, out: _Writer) -> Text:
    noun = "paragraph" if gap.paragraphs == 1 else "paragraphs"
    return out.text(f"… {gap.paragraphs} unchanged {noun} …", "dim italic")


def _unified(c: Comparison, console: Console, out: _Writer, context: int) -> list[Text]:
    lines: list[Text] = []
    pieces = Pieces(c)
    # The gutter and the body make the width: 22 columns at --width 20 were soft-wrapped by
    # the terminal, their gutter marks lost.
    body_width = max(18, console.width - 2)
    for row in visible(c.blocks, context):
        lines.append(out.text())
        if isinstance(row, Gap):
            lines += _fitted(out.text("  ") + _gap_text(row, out), console, out)
            continue
        index, block = row
        if index in c.summary.unshown:
            lines += _fitted(out.text(f"· {unshown_label(block)}", "dim"), console, out)
            texts = paragraphs_text(*((c.old, block.a) if block.a else (c.new, block.b)))
            body = _paragraphs(out, texts, "dim")
            lines += [out.text("· ", "dim") + line for line in _wrap(body, console, body_width)]
            continue
        lines += _fitted(_label(c, block, out), console, out)
        marker = "↕" if block.op == "equal" and block.moved else _MARKERS[block.op]
        gutter = out.text(
            f"{marker} ", _PARAGRAPH_STYLE[block.op] or (_MOVED if block.moved else "")
        )
        if block.op in ("added", "removed"):
            # Its body carries its own colour, and the gutter's would also paint a sentence
            # in it that came from another block, which is not added text.
            gutter = out.text() + gutter
        body = _unified_body(c, index, pieces, out)
        lines += [gutter + line for line in _wrap(body, console, body_width)]
    return lines


def _fitted(label: Text, console: Console, out: _Writer) -> list[Text]:
    """A block's label on as many lines as the width takes, the lines after the first under
    its mark ("~ ", "· "), as the side-by-side view wraps its labels: "· old ¶ 4, past the
    end of NEW's text: not shown there, not deleted" ran 67 cells past a width of 40."""
    if label.cell_len <= console.width:
        return [label]
    mark, words = label[:2], label[2:]
    lines = _wrap(words, console, max(18, console.width - 2))
    return [mark + lines[0], *(out.text("  ") + line for line in lines[1:])]


def _side_by_side(c: Comparison, console: Console, out: _Writer, context: int) -> list[str]:
    # Laid out by hand on rendered strings rather than with a rich Table, which measures
    # every cell several times and made a 500-paragraph story take seconds.
    from rich.cells import cell_len

    column = (console.width - 3) // 2
    rule = out.line(out.text(" │ ", "dim"), console)
    # A terminal that lays out right-to-left text (VTE, Konsole, mlterm) reads the rule
    # between two Arabic or Hebrew cells as part of one right-to-left run and swaps the
    # columns, NEW on the left: a left-to-right mark each side of it keeps them in place.
    rtl_rule = f"{LRM}{rule}{LRM}"

    def row(left: list[Text], right: list[Text]) -> list[str]:
        blank = out.text()
        lines = []
        for i in range(max(len(left), len(right))):
            a = left[i] if i < len(left) else blank
            b = right[i] if i < len(right) else blank
            pad = " " * max(0, column - cell_len(a.plain))
            between = rtl_rule if RTL_LETTER.search(a.plain) or RTL_LETTER.search(b.plain) else rule
            lines.append(out.line(a, console) + pad + between + out.line(b, console))
        return lines

    heads = [
        out.text(_cut_middle(f"{role} · {doc.label}", column), "bold")
        for role, doc in (("OLD", c.old), ("NEW", c.new))
    ]
    lines = row([heads[0]], [heads[1]])
    lines.append(out.line(out.text("─" * column + "─┼─" + "─" * column, "dim"), console))
    pieces = Pieces(c)
    for item in visible(c.blocks, context):
        if isinstance(item, Gap):
            lines += row([out.text()], [out.text()])
            lines += row([_gap_text(item, out)], [_gap_text(item, out)])
            continue
        index, block = item
        if index in c.summary.unshown:
            where, doc = (block.a, c.old) if block.a else (block.b, c.new)
            texts = _wrap(_paragraphs(out, paragraphs_text(doc, where), "dim"), console, column)
            side = [
                out.text(),
                *_wrap(out.text(f"· {unshown_label(block)}", "dim"), console, column),
                *texts,
            ]
            lines += row(side, [out.text()]) if block.a else row([out.text()], side)
            continue
        if block.op == "reworded":
            old_pieces, new_pieces = pieces.old_side(index), pieces.new_side(index)
            whole = block_ops(c, block)
            old_text = out.pieces(old_pieces, "old") if old_pieces else out.ops(whole, "old")
            new_text = out.pieces(new_pieces, "new") if new_pieces else out.ops(whole, "new")
        elif block.op != "equal" and (found := pieces.whole(index)):
            # An added block has no OLD side and a removed one no NEW side.
            old_text = new_text = out.whole(found, block.op, _SIDES[block.op])
        else:
            style = _PARAGRAPH_STYLE[block.op]
            old_text = _paragraphs(out, paragraphs_text(c.old, block.a), style)
            new_text = _paragraphs(out, paragraphs_text(c.new, block.b), style)
        left, right = [out.text()], [out.text()]
        how = _reworded_label(c, block)  # (one label's tail for both sides)
        if block.a:
            left += [_side_label(block, block.a, how, out), *_wrap(old_text, console, column)]
        if block.b:
            right += [_side_label(block, block.b, how, out), *_wrap(new_text, console, column)]
        lines += row(left, right)
    return lines


def _cut_middle(label: str, width: int) -> str:
    """``label`` in ``width`` cells, cut in the middle when it is wider: two versions' paths
    and addresses differ at their ends ("…/24/story.html", "…/25/story.html", "?v=2"), which
    a cut at the end left looking the same."""
    from rich.cells import cell_len

    if cell_len(label) <= width:
        return label
    room = max(0, width - 1)  # the "…"
    head_room = room // 3
    head, used = "", 0
    for char in label:
        if used + cell_len(char) > head_room:
            break
        head, used = head + char, used + cell_len(char)
    tail, used = "", used
    for char in reversed(label[len(head) :]):
        if used + cell_len(char) > room:
            break
        tail, used = char + tail, used + cell_len(char)
    return f"{head}…{tail}"


def _side_label(block: Block, where: tuple[int, ...], how: str, out: _Writer) -> Text:
    """The label over one side of a block; ``how``: :func:`_reworded_label`'s tail."""
    what = "" if block.op == "equal" else f" {block.op}"
    if block.op == "equal" and len(block.a) != len(block.b):
        what = " split" if len(block.b) > len(block.a) else " merged"
    label = f"{_MARKERS[block.op]} ¶ {paragraph_numbers(where)}{what}"
    if block.moved:
        label += " ↕ moved"
    label += how
    style = _label_style(block)
    return out.text(label, style)


def comparison(c: Comparison, *, width: int, color: bool, context: int) -> str:
    """The terminal view of a comparison: a header, then the changes with ``context``
    unchanged paragraphs around each, side by side when ``width`` allows, else unified.

    Without ``color`` the result is plain text that marks words as ``[-deleted-]`` and
    ``{+inserted+}``, for pagers, pipes and readers who cannot see colour.
    """
    from rich.console import Console

    console = Console(
        file=io.StringIO(),
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
        soft_wrap=False,
    )
    c = as_read(c)
    out = _Writer(color)
    head: list[Text] = []
    places: dict[int, int] = {}
    for line in _header(c, out, places):
        # Continuation lines hang under the text, clear of the OLD/NEW and • gutters; a
        # line set in under the key changes ("  NEW changes these facts ...") keeps its
        # own margin.
        plain = line.plain
        indent = 4 if plain.startswith("  • ") else 2 if plain.startswith("  ") else 5
        room = max(10, width - indent)  # (20 at --width 20 drew 25 columns)
        parts = _wrap(line, console, room)
        start = places.get(id(line))
        place = line[start:] if start is not None else None
        if place is not None and len(parts) > 1 and place.cell_len <= room:
            # The place goes whole to a line of its own rather than "(old ¶" / "4)".
            parts = _wrap(line[:start], console, room)
            last = parts[-1]
            if last.cell_len + place.cell_len > room:
                parts.append(place[2:])
            else:
                parts[-1] = last + place
        for i, part in enumerate(parts):
            head.append(out.text(" " * indent) + part if i else part)
    # Every line is wrapped already; each is rendered once, with no second wrapping pass.
    lines = [out.line(line, console) for line in head]
    if width >= SIDE_BY_SIDE_MIN_WIDTH:
        lines.append("")
        lines += _side_by_side(c, console, out, context)
    else:
        lines += [out.line(line, console) for line in _unified(c, console, out, context)]
    return "\n".join(map(_trimmed, lines)).strip("\n")


#: A colour code (SGR): a styled line's last space came before its closing ESC[0m, where
#: rstrip() could not reach it.
_COLOUR_CODE = re.compile(r"\x1b\[[0-9;]*m")


def _trimmed(line: str) -> str:
    """``line`` without spaces at its end, in colour too: the colour codes that close it are
    peeled off one by one from the end, the spaces before each dropped (a pattern looking
    ahead over spaces and codes backtracked over a side-by-side row's padding: seconds for
    a long story at 250 columns)."""
    line = line.rstrip()
    if "\x1b" not in line:
        return line
    codes: list[str] = []
    while line.endswith("m"):
        start = line.rfind("\x1b[")
        if start < 0 or not _COLOUR_CODE.fullmatch(line, start):
            break
        codes.append(line[start:])
        line = line[:start].rstrip(" \t")
    return line + "".join(reversed(codes))
