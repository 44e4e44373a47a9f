"""The side-by-side HTML report: one self-contained, accessible file per comparison.

The report is built in two steps. This module turns a :class:`Comparison` into a small
view model (rows of cells whose inner markup is built here, escaping every string), and
the Jinja templates in ``templates/`` lay it out. The CSS and JS in ``static/`` are real
files inlined at render time; the Content-Security-Policy allows exactly those two
inline blocks by their sha256 hash, so no markup a source page smuggled into its text
could ever run, load or style anything.
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from markupsafe import Markup

from compare.errors import InputError
from compare.model import Block, Change, Comparison, Document, SentenceBlock, WordOp
from compare.notes import (
    beyond_note_line,
    note_marks,
    undated_line,
    without_note_line,
)
from compare.render.layout import (
    REORDERED,
    as_read,
    count_line,
    key_changes,
    no_change_line,
    paragraph_numbers,
    paragraph_parts,
    percent,
    percent_value,
    reordered,
    unshown_tag,
    widened,
)
from compare.text import has_cjk, join_sentences, plural, sentence_gap
from compare.worddiff import word_diff

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"

#: How one stretch of text is marked: plain, inserted, deleted or moved (a sentence); ``a``
#: is a link to where a moved sentence went or came from, its text ``"#anchor\nlabel"``.
Mark = Literal["", "ins", "del", "mv", "a"]
Side = Literal["old", "new"]
Fragment = tuple[Mark, str]

# Characters that reorder or hide text. They are shown as visible markers, never emitted:
# a bidi override from a hostile page must not reverse the report around it, and a
# zero-width space must not hide an edit. ZWJ/ZWNJ and LRM/RLM stay (scripts need them).
_HIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)
_HIDDEN_NAMES = {
    "\u200b": "ZWSP",
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2060": "WJ",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
    "\ufeff": "BOM",
}
_LABELS: dict[Mark, str] = {"ins": "added: ", "del": "removed: ", "mv": "moved sentence: "}
#: Each mark's opening tag: as it is, and flush (the ``cjk`` class) for Chinese or Japanese
#: text, whose words have no spaces for padding to stand in for.
_TAGS: dict[tuple[Mark, bool], str] = {
    ("ins", False): "<ins>",
    ("ins", True): '<ins class="cjk">',
    ("del", False): "<del>",
    ("del", True): '<del class="cjk">',
    ("mv", False): '<span class="mv">',
    ("mv", True): '<span class="mv cjk">',
}
#: The tag and the label screen readers announce, built once. The label's own ``dir`` keeps
#: its English out of the paragraph's ``dir="auto"``: an Arabic paragraph that opens with a
#: change was otherwise laid out left to right, "removed:" being its first strong letters.
_OPENINGS = {
    key: f'{tag}<span class="vh" dir="ltr">{_LABELS[key[0]]}</span>' for key, tag in _TAGS.items()
}
_CLOSINGS: dict[Mark, str] = {"ins": "</ins>", "del": "</del>", "mv": "</span>"}


def _hidden_marker(match: re.Match[str]) -> str:
    char = match.group(0)
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "control character").lower()
    short = _HIDDEN_NAMES.get(char, code)
    return f'<span class="cc" title="hidden character {code} ({name})">{short}</span>'


def _text(text: str) -> str:
    # Plain str replaces: the report escapes ~100,000 strings for a long story, and
    # building Markup objects for each would triple the render time.
    escaped = (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )
    if _HIDDEN.search(escaped):
        escaped = _HIDDEN.sub(_hidden_marker, escaped)
    return escaped


def text_html(text: str) -> Markup:
    """Escape ``text`` for HTML and show invisible control characters as markers."""
    return Markup(_text(text))


_ISO_DATE_TIME = re.compile(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d\S*)")


def date_html(value: str) -> Markup:
    """An ISO date and time as a reader sees it: the day, a space, the time, each kept whole.
    With a zone offset ("2026-05-19T19:20:00+01:00") the stamp is wider than a phone's
    column, and it broke at a hyphen ("2026-05-" over "19T19:20:00+01:00")."""
    match = _ISO_DATE_TIME.fullmatch(value)
    if not match:
        return text_html(value)
    day, time = (_text(part) for part in match.groups())
    return Markup(f'<span class="whole">{day}</span> <span class="whole">{time}</span>')


def fragments_html(fragments: Iterable[Fragment]) -> Markup:
    """Escaped markup for marked fragments; neighbours with the same mark are merged."""
    return Markup(_fragments(fragments))


def _fragments(fragments: Iterable[Fragment]) -> str:
    merged: list[Fragment] = []
    for mark, text in fragments:
        if not text:
            continue
        if merged and merged[-1][0] == mark and mark != "a":
            merged[-1] = (mark, merged[-1][1] + text)
        else:
            merged.append((mark, text))
    # Only text beyond ASCII can hold a Chinese or Japanese character (see below).
    ascii_only = all(text.isascii() for _, text in merged)
    out: list[str] = []
    for i, (mark, text) in enumerate(merged):
        if mark == "":
            out.append(_text(text))
            continue
        if mark == "a":
            href, label = text.split("\n", 1)
            out.append(f' <a class="mvlink" href="{_text(href)}">{_text(label)}</a>')
            continue
        # Spaces at the edges of an edit stay outside the mark, so the underline or
        # strike-through covers words only.
        core = text.strip()
        if not core:
            out.append(_text(text))
            continue
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        # A mark's padding would read as a space between Chinese or Japanese characters:
        # a mark that starts or ends with one, or touches one, sits flush.
        cjk = False
        if not ascii_only:
            before = lead[-1:] or (merged[i - 1][1][-1:] if i else "")
            after = trail[:1] or (merged[i + 1][1][:1] if i + 1 < len(merged) else "")
            cjk = has_cjk(before + core[0] + core[-1] + after)
        out.append(f"{lead}{_OPENINGS[mark, cjk]}{_text(core)}{_CLOSINGS[mark]}{trail}")
    return "".join(out)


def _with_separators(pieces: Sequence[list[Fragment]]) -> list[Fragment]:
    """Join sentence fragments with single spaces (none after a Chinese or Japanese
    sentence); a space between two stretches with the same mark takes that mark, so a
    wholly added paragraph is one unbroken insertion. (A move link ends in a paragraph
    number, so a space follows it too.)"""
    out: list[Fragment] = []
    for piece in pieces:
        if out and piece and sentence_gap(out[-1][1]):
            mark = out[-1][0] if out[-1][0] == piece[0][0] else ""
            out.append((mark, " "))
        out.extend(piece)
    return out


def side_fragments(ops: Sequence[WordOp], side: Side) -> list[Fragment]:
    """One side of a word diff: OLD shows deletions, NEW shows insertions."""
    out: list[Fragment] = []
    for op in widened(ops):  # (a change of spaces alone over the words it touches)
        if op.op == "equal":
            out.append(("", op.old if side == "old" else op.new))
        elif side == "old" and op.op in ("delete", "replace"):
            out.append(("del", op.old))
        elif side == "new" and op.op in ("insert", "replace"):
            out.append(("ins", op.new))
    return out


def unified_fragments(ops: Sequence[WordOp]) -> list[Fragment]:
    """Both sides of a word diff in one stream, deletions before their insertions."""
    out: list[Fragment] = []
    for op in widened(ops):  # (a change of spaces alone over the words it touches)
        if op.op == "equal":
            out.append(("", op.new))
            continue
        out.append(("del", op.old))
        if op.old and op.new and not op.old[-1].isspace() and not op.new[0].isspace():
            out.append(("", " "))  # "12 at least 14", not "12at least 14"
        out.append(("ins", op.new))
    return out


def cut_fragments(fragments: Sequence[Fragment], texts: Sequence[str]) -> list[list[Fragment]]:
    """Split one side's fragments into its sentences (as :func:`join_sentences` joins them).

    Returns an empty list when the fragments do not spell the sentences, so the caller
    can fall back to plain text instead of showing a wrong diff."""
    if "".join(t for _, t in fragments) != join_sentences(texts):
        return []
    spans: list[tuple[int, int]] = []
    start = 0
    for text in texts:
        spans.append((start, start + len(text)))
        start += len(text) + len(sentence_gap(text))
    pieces: list[list[Fragment]] = [[] for _ in texts]
    offset = 0
    index = 0
    for mark, text in fragments:
        end = offset + len(text)
        while index < len(spans) and spans[index][1] <= offset and spans[index][1] < end:
            index += 1
        for i in range(index, len(spans)):
            lo, hi = spans[i]
            if lo >= end:
                break
            part = text[max(lo, offset) - offset : min(hi, end) - offset]
            if part:
                pieces[i].append((mark, part))
        offset = end
    return pieces


def _span(numbers: Sequence[int]) -> str:
    """``(3,)`` -> ``"¶ 4"``; ``(3, 4)`` -> ``"¶ 4–5"``; ``(2, 4)`` -> ``"¶ 3, 5"`` (a merge of
    paragraphs apart; people count from one)."""
    return f"¶ {paragraph_numbers(tuple(sorted(set(numbers))))}" if numbers else ""


def _range(numbers: Sequence[int]) -> str:
    """``"¶ 5–18"``: from the first of ``numbers`` to the last, whatever stands between."""
    lo, hi = min(numbers) + 1, max(numbers) + 1
    return f"¶ {lo}" if lo == hi else f"¶ {lo}–{hi}"


# --------------------------------------------------------------------------- view model


@dataclass(frozen=True)
class Cell:
    """One side of a row."""

    label: str
    """The paragraph numbers on this side (``¶ 4``), empty for the empty cell."""
    html: Markup
    """The paragraphs, escaped and marked up."""
    lang: str | None = None
    """A ``lang`` attribute when this side's language differs from the page's."""


@dataclass(frozen=True)
class Link:
    """A link from one row to another (a move's two ends)."""

    href: str
    """The anchor, with its ``#``."""
    text: str
    """What the link says (``moved to ¶ 12``)."""


@dataclass(frozen=True)
class Row:
    """One aligned block: a row of the side-by-side view."""

    anchor: str
    """The element id, for permalinks (``b12``; ``b12-was`` for where a move came from)."""
    kind: str
    """``equal``, ``reworded``, ``added``, ``removed``, ``moved-away`` or ``unshown`` (past
    the end of a partial version: ``Summary.unshown``)."""
    tag: str
    """What happened, in words (``reworded · 82% alike``); empty for unchanged rows."""
    old: Cell | None
    """The OLD side; ``None`` when the paragraph is only in NEW."""
    new: Cell | None
    """The NEW side; ``None`` when the paragraph is only in OLD."""
    unified: Markup | None = None
    """Both sides in one track-changes stream, for rows where neither side alone will do."""
    link: Link | None = None
    """The other end of a move."""
    moved: bool = False
    """The paragraph moved."""
    cosmetic: bool = False
    """Equal except for whitespace, quote style or punctuation."""

    @property
    def cells(self) -> tuple[tuple[str, Cell | None], ...]:
        """The cells in document order: OLD, NEW and, when there is one, the unified one."""
        if self.unified is None:
            return (("old", self.old), ("new", self.new))
        label = self.new.label if self.new is not None else ""
        return (("old", self.old), ("new", self.new), ("uni", Cell(label, self.unified)))

    @property
    def note(self) -> str:
        """A remark on an unchanged row whose text differs only in form (the template shows
        a row's tag instead when it has one: a split or merge that changed no word)."""
        return "only spacing, quotes or punctuation differ" if self.cosmetic else ""

    @property
    def changed(self) -> bool:
        """Whether next/previous change stops here (not past a partial version's end: no
        change is known there)."""
        if self.kind == "unshown":
            return False
        return self.kind != "equal" or self.moved or bool(self.tag)

    @property
    def classes(self) -> str:
        """CSS classes that the filters, the unified view and navigation use."""
        names = ["row", f"op-{self.kind}"]
        if self.changed:
            names.append("chg")
        if self.moved:
            names.append("moved")
        if self.kind == "moved-away":
            names.append("ghost")
        if self.cosmetic:
            names.append("cosmetic")
        if self.unified is not None:
            names.append("u-own")
        elif self.new is not None:
            names.append("u-new")
        else:
            names.append("u-old")
        return " ".join(names)


@dataclass(frozen=True)
class Fold:
    """A run of unchanged rows, collapsed until the reader opens it."""

    rows: tuple[Row, ...]
    """The hidden rows."""
    label: str
    """``Show 14 unchanged paragraphs (¶ 5–18)``."""


@dataclass(frozen=True)
class Field:
    """One line of metadata in a version card."""

    name: str
    """What it is (``Byline``)."""
    html: Markup
    """The value, with this side's half of a word diff when it changed."""
    changed: bool
    """Whether it differs between the versions."""
    machine: str | None = None
    """A ``datetime`` attribute for dates, or an http(s) ``href`` for URLs."""
    kind: str = "text"
    """``text``, ``date``, ``url``, ``headline`` or ``standfirst``."""
    meaning: str = ""
    """For the headline and standfirst: the kinds of meaning change in them ("number,
    negation"), if any."""

    @property
    def stop(self) -> bool:
        """Whether next/previous change stops here (a changed headline or standfirst;
        the template marks only the NEW card's)."""
        return self.changed and self.kind in ("headline", "standfirst")


@dataclass(frozen=True)
class Version:
    """A version card in the header."""

    role: str
    """``Old`` or ``New``."""
    label: Markup
    """The outlet or the input as given, escaped."""
    fields: tuple[Field, ...]
    """Its metadata."""
    lang: str | None
    """A ``lang`` attribute for its text, when known and different from the page's."""


@dataclass(frozen=True)
class KeyChange:
    """One line of the summary's key-changes list."""

    href: str
    """The anchor of the row it is in."""
    where: str
    """The paragraph it is in (``¶ 7``)."""
    kind: str
    """``Number``, ``Quote``, ... or ``Reworded``, ``Added``, ``Removed``, ``Moved``."""
    html: Markup
    """The change: old struck through, new underlined, or a snippet."""


@dataclass(frozen=True)
class Report:
    """Everything the templates need."""

    title: str
    """The page title: the headline without invisible characters (``<title>`` holds no markup)."""
    headline: Markup
    """The headline, escaped, invisible characters shown."""
    lang: str
    """The page's ``lang``: NEW's language, else OLD's, else ``en``."""
    ui_lang: str | None
    """``en`` when the page's language is not English (the report's own words are)."""
    old: Version
    """The OLD card."""
    new: Version
    """The NEW card."""
    headline_changed: bool
    """Whether the headline changed, as the summary says."""
    standfirst_changed: bool
    """Whether the standfirst changed, as the summary says."""
    sentence: str
    """What changed, in one sentence."""
    similarity: int
    """Overall similarity, percent."""
    counts: tuple[tuple[str, dict[str, int]], ...]
    """(``Paragraphs`` | ``Sentences``, counts by operation)."""
    warnings: tuple[Markup, ...]
    """Things the reader should know first."""
    key_changes: tuple[KeyChange, ...]
    """The changes to look at first."""
    key_from_facets: bool
    """Whether the key changes are meaning-level changes (else the largest edits)."""
    without_note: str
    """:func:`notes.without_note_line` when the summary says so, else empty."""
    beyond_note: str
    """:func:`notes.beyond_note_line`: NEW's note leaves changes out, else empty."""
    undated: str
    """:func:`notes.undated_line`: NEW's page dates no edit, else empty."""
    body: tuple[Row | Fold, ...]
    """Rows and folds in reading order."""
    change_count: int
    """How many places next/previous stop at."""
    header_stops: bool
    """Whether Next/Previous stop at the NEW card's changed headline and standfirst: when
    no paragraph changed, so a headline-only change is no "0 changes" with a dead Next
    (with paragraph changes the headline leads the key changes, at the top of the page)."""
    generated_at: str
    """When the report was rendered (passed in, never read from the clock)."""
    version: str
    """storydiff's version."""
    long: bool
    """Many rows: the browser lays out only those near the screen."""


#: Rows above which the report asks the browser to skip laying out off-screen rows.
LONG_REPORT = 300
#: Key changes listed before the rest are folded away.
KEY_CHANGES_SHOWN = 10

COUNT_KEYS = ("equal", "reworded", "added", "removed", "moved")


def _paragraph_keys(
    old: Sequence[tuple[int, int]], new: Sequence[tuple[int, int]]
) -> list[tuple[Side, int]]:
    """The paragraphs that (paragraph, sentence) indices on each side fall in."""
    keys: list[tuple[Side, int]] = [("old", p) for p, _ in old]
    keys.extend(("new", p) for p, _ in new)
    return keys


class _Builder:
    """Builds the view model of one comparison."""

    def __init__(self, comparison: Comparison) -> None:
        self.c = comparison
        self.docs: dict[Side, Document] = {"old": comparison.old, "new": comparison.new}
        self.where: dict[Side, dict[tuple[int, int], int]] = {"old": {}, "new": {}}
        for index, block in enumerate(comparison.sentences):
            for key in block.a:
                self.where["old"][key] = index
            for key in block.b:
                self.where["new"][key] = index
        self.cuts: dict[tuple[int, Side], list[list[Fragment]]] = {}
        self.plain: dict[str, str] = {}
        self.ops: dict[int, tuple[WordOp, ...]] = {}
        self.anchor: dict[Side, dict[int, str]] = {"old": {}, "new": {}}
        for number, paragraphs in enumerate(comparison.blocks, 1):
            for p in paragraphs.a:
                self.anchor["old"][p] = f"b{number}"
            for p in paragraphs.b:
                self.anchor["new"][p] = f"b{number}"
        lang = comparison.new.language or comparison.old.language or "en"
        self.lang = lang
        self.side_lang: dict[Side, str | None] = {
            side: doc.language if doc.language and doc.language != lang else None
            for side, doc in self.docs.items()
        }

    # ---------------------------------------------------------------- sentences

    def _texts(self, side: Side, keys: Sequence[tuple[int, int]]) -> list[str]:
        paragraphs = self.docs[side].paragraphs
        return [paragraphs[p].sentences[s] for p, s in keys]

    def _ops(self, index: int) -> tuple[WordOp, ...]:
        """A sentence block's word diff; when its parts do not spell the two sides (a
        contract the aligner keeps, but a report must never show wrong text), a fresh
        diff of the sentences instead."""
        if index not in self.ops:
            block = self.c.sentences[index]
            old = join_sentences(self._texts("old", block.a))
            new = join_sentences(self._texts("new", block.b))
            words = block.words
            if "".join(w.old for w in words) != old or "".join(w.new for w in words) != new:
                words = word_diff(old, new)
            self.ops[index] = words
        return self.ops[index]

    def _reworded(self, index: int, side: Side, key: tuple[int, int]) -> list[Fragment]:
        block = self.c.sentences[index]
        keys = block.a if side == "old" else block.b
        if (index, side) not in self.cuts:
            self.cuts[index, side] = cut_fragments(
                side_fragments(self._ops(index), side), self._texts(side, keys)
            )
        pieces = self.cuts[index, side]
        text = self._texts(side, [key])[0]
        return pieces[keys.index(key)] if pieces else [("", text)]

    def _sentence(self, side: Side, p: int, s: int, text: str) -> list[Fragment]:
        index = self.where[side].get((p, s))
        if index is None:
            return [("", text)]
        block = self.c.sentences[index]
        if block.op == "equal":
            fragments: list[Fragment] = [("mv" if block.moved else "", text)]
        elif block.op == "reworded":
            fragments = list(self._reworded(index, side, (p, s)))
        else:
            fragments = [("ins" if side == "new" else "del", text)]
        link = self._move_link(block, side, p)
        return [*fragments, link] if link else fragments

    def _move_link(self, block: SentenceBlock, side: Side, p: int) -> Fragment | None:
        """A link to the other end of a sentence that moved to another row, or went there
        in order (``now in ¶ 2``, as the text view says); for one split or merged across a
        break between rows, to the rest of it (``continues in ¶ 2``, ``continued from
        ¶ 1``) or, on its whole side, to where it went or came from (``split into ¶ 1–2``,
        ``merged from old ¶ 1–2``)."""
        if not (block.a and block.b):
            return None
        other_side: Side = "new" if side == "old" else "old"
        mine = list(dict.fromkeys(q for q, _ in (block.a if side == "old" else block.b)))
        theirs = list(dict.fromkeys(q for q, _ in (block.b if side == "old" else block.a)))
        here = self.anchor[side].get(p)
        prefix = "old " if side == "old" else ""
        if len({self.anchor[side].get(q) for q in mine}) > 1 and p in mine:
            k = mine.index(p)
            for q, said in (
                (mine[k - 1] if k else None, "continued from"),
                (mine[k + 1] if k + 1 < len(mine) else None, "continues in"),
            ):
                if q is not None and self.anchor[side].get(q) != here:
                    return ("a", f"#{self.anchor[side].get(q)}\n{said} {prefix}{_span([q])}")
            return None
        if len({self.anchor[other_side].get(q) for q in theirs}) > 1:
            target = next(
                (
                    self.anchor[other_side][q]
                    for q in theirs
                    if self.anchor[other_side].get(q) not in (None, here)
                ),
                None,
            )
            numbers = paragraph_numbers(tuple(theirs))
            label = f"split into ¶ {numbers}" if side == "old" else f"merged from old ¶ {numbers}"
            return ("a", f"#{target}\n{label}") if target else None
        if side == "old":
            other = block.b[0][0]
            went = "to" if block.moved else "now in"
            target, label = self.anchor["new"].get(other), f"{went} {_span([other])}"
        else:
            other = block.a[0][0]
            came = "from" if block.moved else "was in"
            target, label = self.anchor["old"].get(other), f"{came} old {_span([other])}"
        if target is None or target == here:
            return None
        return ("a", f"#{target}\n{label}")

    def _spread(self, block: SentenceBlock) -> bool:
        """Whether a sentence block stands in two rows on one side."""
        old = {self.anchor["old"].get(q) for q, _ in block.a}
        new = {self.anchor["new"].get(q) for q, _ in block.b}
        return len(old) > 1 or len(new) > 1

    def _struck(self, key: tuple[int, int]) -> list[Fragment]:
        """An OLD sentence struck where it stood in a unified cell, with a link to the row
        it was merged into when it and the rest of its NEW sentence stand in another row
        (``merged into ¶ 1``)."""
        struck: list[Fragment] = [("del", self._texts("old", [key])[0])]
        index = self.where["old"].get(key)
        if index is None:
            return struck
        block = self.c.sentences[index]
        if block.b and len({self.anchor["old"].get(q) for q, _ in block.a}) > 1:
            target = self.anchor["new"].get(block.b[0][0])
            if target and target != self.anchor["old"].get(key[0]):
                struck.append(("a", f"#{target}\nmerged into {_span([block.b[0][0]])}"))
        return struck

    def _part(self, index: int, p: int) -> list[Fragment]:
        """The unified word diff of sentence block ``index`` in NEW paragraph ``p``: the
        part in ``p`` of one split across a paragraph break, else all of it."""
        block = self.c.sentences[index]
        ops = self._ops(index)
        if len({q for q, _ in block.b}) > 1:
            texts = list(zip([q for q, _ in block.b], self._texts("new", block.b), strict=True))
            parts = dict(paragraph_parts(ops, texts, "new"))
            ops = parts.get(p, ops)
        return unified_fragments(ops)

    def paragraph(self, side: Side, p: int, plain: bool) -> str:
        paragraph = self.docs[side].paragraphs[p]
        if plain:
            # Unchanged paragraphs appear on both sides: escape each text once.
            body = self.plain.get(paragraph.text) or self.plain.setdefault(
                paragraph.text, _text(paragraph.text)
            )
        else:
            pieces = [
                self._sentence(side, p, s, text) for s, text in enumerate(paragraph.sentences)
            ]
            body = _fragments(_with_separators(pieces))
        return f'<p dir="auto">{body}</p>'

    def cell(self, side: Side, paragraphs: Sequence[int], plain: bool) -> Cell | None:
        if not paragraphs:
            return None
        html = Markup("".join([self.paragraph(side, p, plain) for p in paragraphs]))
        return Cell(_span(paragraphs), html, self.side_lang[side])

    def unified(self, block: Block) -> Markup:
        """A row's two sides in one stream: NEW's sentences in order, each reworded one as
        its word diff, and sentences only in OLD struck through where they stood."""
        old_keys = [
            (p, s) for p in block.a for s in range(len(self.docs["old"].paragraphs[p].sentences))
        ]
        old_index = [self.where["old"].get(key) for key in old_keys]
        in_new = {
            self.where["new"].get((p, s))
            for p in block.b
            for s in range(len(self.docs["new"].paragraphs[p].sentences))
        }
        i = 0
        shown: set[tuple[int, int]] = set()
        paragraphs: list[list[list[Fragment]]] = []
        for p in block.b:
            pieces: list[list[Fragment]] = []
            for s, text in enumerate(self.docs["new"].paragraphs[p].sentences):
                index = self.where["new"].get((p, s))
                if index is not None and index in old_index[i:]:
                    while old_index[i] != index:
                        if old_index[i] not in in_new:
                            pieces.append(self._struck(old_keys[i]))
                        i += 1
                    while i < len(old_keys) and old_index[i] == index:
                        i += 1
                else:
                    # Deletions at this point come before what was put in their place.
                    while i < len(old_keys) and old_index[i] not in in_new:
                        pieces.append(self._struck(old_keys[i]))
                        i += 1
                if index is None:
                    pieces.append([("", text)])
                    continue
                sentence = self.c.sentences[index]
                link = self._move_link(sentence, "new", p)
                if sentence.op == "equal":
                    pieces.append(
                        [("mv" if sentence.moved else "", text), *([link] if link else [])]
                    )
                elif sentence.op == "added":
                    pieces.append([("ins", text)])
                elif (index, p) not in shown:
                    # (A sentence split across a paragraph break: its part in each; a link
                    # to the rest where that is another row, or to a merge's other row.)
                    shown.add((index, p))
                    spread = self._spread(sentence)
                    pieces.append([*self._part(index, p), *([link] if link and spread else [])])
            paragraphs.append(pieces)
        rest = [
            key
            for key, index in zip(old_keys[i:], old_index[i:], strict=True)
            if index not in in_new
        ]
        if rest and paragraphs:
            paragraphs[-1].extend(self._struck(key) for key in rest)
        return Markup(
            "".join(
                [
                    f'<p dir="auto">{_fragments(_with_separators(pieces))}</p>'
                    for pieces in paragraphs
                ]
            )
        )

    # ---------------------------------------------------------------- rows

    def rows(self) -> list[Row]:
        rows: list[Row] = []
        ghosts: list[tuple[int, Row]] = []
        unshown = set(self.c.summary.unshown)
        for number, block in enumerate(self.c.blocks, 1):
            anchor = f"b{number}"
            if number - 1 in unshown:
                rows.append(self.unshown_row(block, anchor))
                continue
            row = self.row(block, anchor)
            if block.moved and block.a and block.b:
                ghost = Row(
                    anchor=f"{anchor}-was",
                    kind="moved-away",
                    tag="",
                    old=self.cell("old", block.a, plain=True),
                    new=None,
                    link=Link(f"#{anchor}", f"moved to {_span(block.b)}"),
                    moved=True,
                )
                ghosts.append((min(block.a), ghost))
                row = replace(row, link=Link(f"#{anchor}-was", f"moved from old {_span(block.a)}"))
            rows.append(row)
        return self._place_ghosts(rows, ghosts)

    def _place_ghosts(self, rows: list[Row], ghosts: list[tuple[int, Row]]) -> list[Row]:
        """Put where-it-was rows before the first row (not itself moved) that comes later in
        OLD, so they sit between the paragraphs that surrounded them."""
        if not ghosts:
            return rows
        firsts: list[int | None] = []
        for row, block in zip(rows, self.c.blocks, strict=True):
            firsts.append(min(block.a) if block.a and not row.moved else None)
        placed: dict[int, list[Row]] = {}
        for old_index, ghost in sorted(ghosts, key=lambda g: g[0]):
            at = next(
                (i for i, first in enumerate(firsts) if first is not None and first > old_index),
                len(rows),
            )
            placed.setdefault(at, []).append(ghost)
        out: list[Row] = []
        for i, row in enumerate(rows):
            out.extend(placed.get(i, ()))
            out.append(row)
        out.extend(placed.get(len(rows), ()))
        # Point each end of a move at the other, with an arrow saying which way to look.
        position = {row.anchor: i for i, row in enumerate(out)}
        for i, row in enumerate(out):
            if row.link is not None:
                target = position[row.link.href[1:]]
                arrow = "↓" if target > i else "↑"
                out[i] = replace(row, link=Link(row.link.href, f"{row.link.text} {arrow}"))
        return out

    def meaning_kinds(self, block: Block) -> list[str]:
        """The kinds of meaning change (facets.py) inside a paragraph block, in key order."""
        if not hasattr(self, "_meaning"):
            self._meaning: dict[tuple[Side, int], list[str]] = {}
            for change in self.c.changes:
                if not 0 <= change.sentence < len(self.c.sentences):
                    continue
                sentence = self.c.sentences[change.sentence]
                for key in _paragraph_keys(sentence.a, sentence.b):
                    kinds = self._meaning.setdefault(key, [])
                    if change.label not in kinds:
                        kinds.append(change.label)
        found: list[str] = []
        for key in _paragraph_keys([(p, 0) for p in block.a], [(p, 0) for p in block.b]):
            found.extend(k for k in self._meaning.get(key, []) if k not in found)
        return found

    def unshown_row(self, block: Block, anchor: str) -> Row:
        """A paragraph past the end of a partial version (``Summary.unshown``): shown plain,
        under what it is, as neither removed nor added."""
        tag = unshown_tag(block)
        old = self.cell("old", block.a, plain=True) if block.a else None
        new = self.cell("new", block.b, plain=True) if block.b else None
        return Row(anchor=anchor, kind="unshown", tag=tag, old=old, new=new)

    def row(self, block: Block, anchor: str) -> Row:
        plain = block.op == "equal"
        old = self.cell("old", block.a, plain)
        new = self.cell("new", block.b, plain)
        tag = ""
        if block.op == "reworded":
            tag = f"reworded · {percent(block.similarity)} alike"
            if reordered(self.c, block):
                tag += f" · {REORDERED}"
        elif block.op in ("added", "removed"):
            tag = block.op
        if len(block.a) > 1 and block.b:
            tag = f"merged from {len(block.a)} paragraphs" + (f" · {tag}" if tag else "")
        elif len(block.b) > 1 and block.a:
            tag = f"split into {len(block.b)} paragraphs" + (f" · {tag}" if tag else "")
        meaning = self.meaning_kinds(block)
        if meaning:  # the row's badge: what changed in meaning here (see Key changes)
            tag = (f"{tag} · " if tag else "") + "meaning: " + ", ".join(meaning)
        needs_unified = block.op == "reworded" or (block.a and block.b and block.op != "equal")
        return Row(
            anchor=anchor,
            kind=block.op,
            tag=tag,
            old=old,
            new=new,
            unified=self.unified(block) if needs_unified else None,
            moved=block.moved,
            cosmetic=block.cosmetic,
        )

    def body(self, rows: list[Row]) -> list[Row | Fold]:
        """Fold runs of unchanged rows farther than ``options.context`` from any change."""
        context = max(0, self.c.options.context)
        near = [False] * len(rows)
        for i, row in enumerate(rows):
            if row.changed:
                for j in range(max(0, i - context), min(len(rows), i + context + 1)):
                    near[j] = True
        out: list[Row | Fold] = []
        run: list[Row] = []

        def flush() -> None:
            if len(run) >= 3:
                numbers = [int(r.anchor[1:]) for r in run]
                new_numbers = [p for r in run for p in (self.c.blocks[int(r.anchor[1:]) - 1].b)]
                where = f" ({_range(new_numbers)})" if new_numbers else ""
                # NEW's paragraphs, as the range gives them (a split one counts twice).
                count = len(new_numbers) or len(numbers)
                label = f"Show {plural(count, 'unchanged paragraph')}{where}"
                out.append(Fold(tuple(run), label))
            else:
                out.extend(run)
            run.clear()

        for i, row in enumerate(rows):
            if not row.changed and not near[i] and row.kind != "unshown":  # (never "unchanged")
                run.append(row)
            else:
                flush()
                out.append(row)
        flush()
        return out

    # ---------------------------------------------------------------- header and summary

    def versions(self) -> tuple[Version, Version]:
        old, new = self.c.old, self.c.new
        title_ops = self.c.title_words or word_diff(old.title or "", new.title or "")
        values = [
            ("Headline", old.title, new.title, "headline", title_ops),
            # URL@latest names no number: which stored version it is, first seen when.
            *(
                [
                    (
                        "Stored",
                        old.provenance.stored_version(),
                        new.provenance.stored_version(),
                        "stored",
                        None,
                    )
                ]
                if old.provenance.version is not None or new.provenance.version is not None
                else []
            ),
            ("Standfirst", old.standfirst, new.standfirst, "standfirst", self.c.standfirst_words),
            (
                "Byline",
                ", ".join(old.authors) or None,
                ", ".join(new.authors) or None,
                "text",
                None,
            ),
            ("Published", old.published, new.published, "date", None),
            ("Modified", old.modified, new.modified, "date", None),
            ("URL", old.url, new.url, "url", None),
            ("Fetched", old.provenance.fetched_at, new.provenance.fetched_at, "date", None),
        ]
        cards: dict[Side, list[Field]] = {"old": [], "new": []}
        # The headline and standfirst: whether the summary counts them changed, and the
        # meaning changes found in them.
        summary = self.c.summary
        counted = {"headline": summary.headline_changed, "standfirst": summary.standfirst_changed}
        found = {"headline": self.c.title_changes, "standfirst": self.c.standfirst_changes}
        for name, a, b, kind, ops in values:
            differs = a != b and name not in ("Fetched", "Stored")
            changed = differs
            if kind in counted and a and b:
                # As the summary says: a change of case alone is no change (its diff shows).
                changed = counted[kind]
            pair: tuple[tuple[Side, str | None], ...] = (("old", a), ("new", b))
            for side, value in pair:
                if value is None:
                    none = Markup('<span class="none">—</span>')
                    cards[side].append(Field(name, none, changed, None, "text"))
                    continue
                if differs and kind in ("text", "headline", "standfirst") and a and b:
                    html = fragments_html(side_fragments(ops or word_diff(a, b), side))
                elif kind == "date":
                    html = date_html(value)
                else:
                    html = text_html(value)
                machine = value if kind == "date" else None
                if kind == "url":
                    machine = value if re.match(r"https?://", value, re.IGNORECASE) else None
                meaning = ""
                if kind in found and side == "new":
                    meaning = ", ".join(dict.fromkeys(change.label for change in found[kind]))
                cards[side].append(Field(name, html, changed, machine, kind, meaning))
        words_old, words_new = old.word_count, new.word_count
        delta = words_new - words_old
        cards["old"].append(Field("Words", text_html(f"{words_old:,}"), False))
        change = f" ({delta:+,})" if delta else ""
        cards["new"].append(Field("Words", text_html(f"{words_new:,}{change}"), bool(delta)))
        return (
            Version("Old", text_html(old.label), tuple(cards["old"]), self.side_lang["old"]),
            Version("New", text_html(new.label), tuple(cards["new"]), self.side_lang["new"]),
        )

    def sentence(self) -> str:
        counts = self.c.summary.paragraphs
        if not any(counts.get(key) for key in ("reworded", "added", "removed", "unshown", "moved")):
            return "No differences in the article text beyond cosmetic ones."
        # Counted as the text view counts them: the unchanged too ("(8 paragraphs in all)"
        # read as the story's length), and a moved paragraph once, among them.
        credits = "" if self.c.summary.changed else " " + no_change_line(self.c)
        return f"Paragraphs: {count_line(counts)}.{credits}"

    def key_changes(self, rows: list[Row]) -> tuple[list[KeyChange], bool]:
        anchors: dict[tuple[Side, int], str] = {}
        for row, block in zip(
            (r for r in rows if r.kind != "moved-away"), self.c.blocks, strict=True
        ):
            for p in block.a:
                anchors["old", p] = row.anchor
            for p in block.b:
                anchors["new", p] = row.anchor
        keys = key_changes(self.c)  # in the order every view lists them
        if keys:
            marks = note_marks(self.c)
            return [
                self._facet(
                    change,
                    anchors,
                    where if where in ("headline", "standfirst") else "",
                    marks.get(id(change)),
                )
                for change, where in keys
            ], True
        scored = []
        for row, block in zip(
            (r for r in rows if r.kind != "moved-away"), self.c.blocks, strict=True
        ):
            if not row.changed:
                continue
            size = sum(len(self.docs["old"].paragraphs[p].text) for p in block.a) + sum(
                len(self.docs["new"].paragraphs[p].text) for p in block.b
            )
            weight = 1 - block.similarity if block.op != "equal" else 0.2
            scored.append((weight * size, row, block))
        scored.sort(key=lambda item: -item[0])
        return [self._largest(row, block) for _, row, block in scored[:6]], False

    def _facet(
        self,
        change: Change,
        anchors: dict[tuple[Side, int], str],
        card: str = "",
        mark: tuple[bool, str] | None = None,
    ) -> KeyChange:
        sentence: SentenceBlock | None = (
            self.c.sentences[change.sentence]
            if 0 <= change.sentence < len(self.c.sentences)
            else None
        )
        anchor, where = "", ""
        if card:  # the NEW card's headline or standfirst, with its word diff
            anchor, where = f"{card}-new", card
        elif sentence is not None and sentence.b:
            anchor, where = anchors.get(("new", sentence.b[0][0]), ""), _span([sentence.b[0][0]])
        elif sentence is not None and sentence.a:
            anchor, where = (
                anchors.get(("old", sentence.a[0][0]), ""),
                "old " + _span([sentence.a[0][0]]),
            )
        pieces: list[Fragment] = []
        if change.old:
            pieces.append(("del", change.old))
        if change.old and change.new:
            pieces.append(("", " → "))
        if change.new:
            pieces.append(("ins", change.new))
        html = fragments_html(pieces)
        if change.kind == "paragraph" and ': "' in change.detail:
            # What the paragraph held that NEW no longer states ("which held ...").
            held = change.detail.split(': "', 1)[0].split(", ", 1)[-1]
            html += Markup(' <span class="detail">') + text_html(held) + Markup("</span>")
        elif change.detail and not (
            (change.old or "") in change.detail and (change.new or "") in change.detail
        ):
            html += Markup(' <span class="detail">') + text_html(change.detail) + Markup("</span>")
        if mark is not None:  # owned up to, or changed beside a note that does not speak of it
            owned, label = mark
            kind, words = ("noted", "in the") if owned else ("beyond-note", "not in the")
            html += Markup(f' <span class="{kind}">{words} ') + text_html(label) + Markup("</span>")
        # "Correction added"; a change of roles or status says what happened ("Roles
        # swapped", "Direction reversed", "Agent dropped", "Charge changed").
        if change.kind in ("roles", "status") and ":" in change.detail:
            kind = change.detail.split(":", 1)[0].capitalize()
        else:
            action = "swapped" if change.kind == "roles" else change.action
            kind = f"{change.label.capitalize()} {action}"
        return KeyChange(f"#{anchor}" if anchor else "", where, kind, html)

    def _largest(self, row: Row, block: Block) -> KeyChange:
        where = _span(block.b) if block.b else "old " + _span(block.a)
        if block.op == "reworded":
            return KeyChange(f"#{row.anchor}", where, "Reworded", self._first_edit(block))
        side: Side = "new" if block.b else "old"
        text = self.docs[side].paragraphs[(block.b or block.a)[0]].text
        mark: Mark = {"added": "ins", "removed": "del"}.get(block.op, "")  # type: ignore[assignment]
        kind = block.op.capitalize()
        if block.op == "equal":  # moved, or split or merged with no word changed
            kind = "Moved" if block.moved else "Split" if len(block.b) > 1 else "Merged"
        if block.op == "equal":
            where = f"old {_span(block.a)} → {_span(block.b)}"
        return KeyChange(f"#{row.anchor}", where, kind, fragments_html([(mark, _clip(text, 140))]))

    def _first_edit(self, block: Block) -> Markup:
        """The first edited sentence of a block: a reworded one as its word diff, else an
        added, removed or moved one; else the start of the paragraph."""
        for side in ("new", "old"):
            for p in block.b if side == "new" else block.a:
                sentences = self.docs[side].paragraphs[p].sentences
                for s, text in enumerate(sentences):
                    index = self.where[side].get((p, s))
                    if index is None:
                        continue
                    sentence = self.c.sentences[index]
                    if sentence.op == "equal" and not sentence.moved:
                        continue
                    if sentence.op == "reworded":
                        return fragments_html(unified_fragments(self._ops(index)))
                    return fragments_html(self._sentence(side, p, s, text))
        side_docs = self.docs["new"] if block.b else self.docs["old"]
        return text_html(_clip(side_docs.paragraphs[(block.b or block.a)[0]].text, 140))

    def build(self, generated_at: str, version: str) -> Report:
        rows = self.rows()
        old, new = self.versions()
        keys, from_facets = self.key_changes(rows)
        summary = self.c.summary
        title = self.c.new.title or self.c.old.title or "Untitled story"
        row_changes = sum(1 for r in rows if r.changed)
        return Report(
            title=_HIDDEN.sub("", title),
            headline=text_html(title),
            lang=self.lang,
            ui_lang="en" if not self.lang.lower().startswith("en") else None,
            old=old,
            new=new,
            headline_changed=summary.headline_changed,
            standfirst_changed=summary.standfirst_changed,
            sentence=self.sentence(),
            similarity=percent_value(summary.similarity),
            counts=(("Paragraphs", summary.paragraphs), ("Sentences", summary.sentences)),
            warnings=tuple(text_html(w) for w in summary.warnings),
            key_changes=tuple(keys),
            key_from_facets=from_facets,
            without_note=without_note_line(self.c),
            beyond_note=beyond_note_line(self.c),
            undated=undated_line(self.c),
            body=tuple(self.body(rows)),
            change_count=row_changes or sum(1 for f in new.fields if f.stop),
            header_stops=not row_changes,
            generated_at=generated_at,
            version=version,
            long=len(rows) > LONG_REPORT,
        )


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------- rendering


def static_text(name: str, template_dir: Path | None) -> str:
    """A static file, from the template folder when it has one of that name; a file that
    is not UTF-8 or would end its inlined block is an InputError naming it."""
    for folder in (template_dir, STATIC):
        if folder is not None and (folder / name).is_file():
            try:
                text = (folder / name).read_text(encoding="utf-8")
            except UnicodeDecodeError:
                raise InputError(f"{folder / name} is not UTF-8 text", "save it as UTF-8") from None
            closing = "</style" if name.endswith(".css") else "</script"
            if closing in text.lower():
                raise InputError(
                    f"{folder / name} contains {closing}, which would end the inlined block",
                    "remove it from the file",
                )
            return text
    raise FileNotFoundError(name)


def override_names() -> tuple[str, ...]:
    """The names a file in ``--template-dir`` may take to replace a packaged one: the
    templates, then the CSS and JS."""
    return tuple(
        path.name
        for folder in (TEMPLATES, STATIC)
        for path in sorted(folder.iterdir())
        if path.is_file() and not path.name.startswith(".")
    )


def unused_overrides(template_dir: Path) -> tuple[str, ...]:
    """The files in ``template_dir`` that replace nothing: no packaged file has their name
    (``report.html`` for ``report.html.j2``, ``style.css``), and no override includes them
    by name. Read by name only, they were silently ignored."""
    known = set(override_names())
    try:
        files = sorted(
            path
            for path in template_dir.iterdir()
            if path.is_file() and not path.name.startswith(".")
        )
    except OSError:
        return ()  # what cannot be listed cannot be read either: the render says so
    used = [path for path in files if path.name in known]
    others = [path for path in files if path.name not in known]
    # A file an override includes ("{% include '_mine.html.j2' %}"), or one that file does:
    # named in quotes, or "header.html.j2" would be read as included by "_header.html.j2".
    texts = [_text_of(path) for path in used if path.suffix == ".j2"]
    while True:
        reached = [
            path
            for path in others
            if any(f'"{path.name}"' in text or f"'{path.name}'" in text for text in texts)
        ]
        if not reached:
            break
        others = [path for path in others if path not in reached]
        texts = [_text_of(path) for path in reached]
    return tuple(path.name for path in others)


def _text_of(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def csp_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline block."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


_ENVIRONMENTS: dict[Path | None, Any] = {}


def _environment(template_dir: Path | None) -> Any:
    """One Jinja environment per template folder, so templates compile once per process."""
    if template_dir not in _ENVIRONMENTS:
        import jinja2

        folders = [str(template_dir)] if template_dir is not None else []
        _ENVIRONMENTS[template_dir] = jinja2.Environment(
            loader=jinja2.FileSystemLoader([*folders, str(TEMPLATES)]),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            undefined=jinja2.StrictUndefined,
        )
    return _ENVIRONMENTS[template_dir]


def render_template(env: Any, name: str, context: dict[str, Any], template_dir: Path | None) -> str:
    """Template ``name`` rendered; an override in ``template_dir`` that is not UTF-8 or
    does not work is a one-line InputError, not a traceback."""
    import jinja2

    try:
        html: str = env.get_template(name).render(context)
    except UnicodeDecodeError:
        raise InputError(
            f"a template in {template_dir} is not UTF-8 text", "save it as UTF-8"
        ) from None
    except jinja2.TemplateError as error:
        where = (
            f"{error.filename}:{error.lineno}: "
            if isinstance(error, jinja2.TemplateSyntaxError)
            else ""
        )
        raise InputError(
            f"the HTML report's template failed: {where}{error}",
            "fix the template in --template-dir, or leave it out to use the packaged one",
        ) from error
    except Exception as error:
        if template_dir is None:
            raise  # the packaged templates' own failure: a bug to report
        # An override's expression that fails as Python ({{ 1/0 }}): "unexpected ...".
        raise InputError(
            f"the HTML report's template failed: {type(error).__name__}: {error}",
            "fix the template in --template-dir, or leave it out to use the packaged one",
        ) from error
    return html


def render_comparison(
    comparison: Comparison,
    *,
    generated_at: str,
    template_dir: Path | None = None,
    back_href: str | None = None,
) -> str:
    """The self-contained HTML report of one comparison.

    ``generated_at`` is printed in the footer (the renderer never reads the clock), so the
    same comparison always gives the same bytes. Templates and static files found in
    ``template_dir`` replace the packaged ones of the same name. ``back_href`` (relative,
    URL-quoted) links back to the coverage report this one is a pair of."""
    from compare import __version__

    env = _environment(template_dir)
    css = static_text("report.css", template_dir)
    js = static_text("nav.js", template_dir) + "\n" + static_text("report.js", template_dir)
    policy = (
        "default-src 'none'; "
        f"style-src {csp_hash(css)}; script-src {csp_hash(js)}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    report = _Builder(as_read(comparison)).build(generated_at, __version__)
    context: dict[str, Any] = {
        "r": report,
        "css": Markup(css),
        "js": Markup(js),
        "csp": policy,
        # (A column for paragraphs past a partial version's end only where there are any.)
        "count_keys": (*COUNT_KEYS[:4], "unshown", "moved")
        if comparison.summary.unshown
        else COUNT_KEYS,
        "keys_shown": KEY_CHANGES_SHOWN,
        "back_href": back_href,
    }
    return render_template(env, "report.html.j2", context, template_dir)
