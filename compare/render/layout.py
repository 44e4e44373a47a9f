"""What the reading views share: the comparison as a reader sees it (:func:`as_read`, for
every view and history's summaries), which paragraph blocks to show, their labels, the
sentence pieces of a reworded block, and how invisible characters are shown. Used by the
terminal and Markdown renderers, and the HTML report for the first.

Pure functions of a :class:`Comparison`; no styling or escaping for a medium here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from compare.model import Block, Change, Comparison, Document, SentenceBlock, WordOp
from compare.text import join_sentences, sentence_gap
from compare.worddiff import _change_kind

#: Invisible characters a page can use to hide an edit or reorder text on screen: the
#: reading views show their names instead (``⟨ZWSP⟩``), so they can neither act nor hide.
INVISIBLE_NAMES = {
    "\u200b": "ZWSP",
    "\u2060": "WJ",
    "\ufeff": "BOM",
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
}
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f" + "".join(INVISIBLE_NAMES) + "]")


def as_read(c: Comparison) -> Comparison:
    """The comparison as the reading views show it: a split or merge that changed no word,
    ``reworded`` and ``cosmetic`` in the data (issue 3 scores every split or merge as
    reworded), is an unchanged block there, labelled split or merged, and counted so; the
    paragraphs past a partial version's end (``Summary.unshown``), removed or added in the
    data, are counted apart, as ``unshown``, with their sentences."""
    paragraphs, sentences = dict(c.summary.paragraphs), dict(c.summary.sentences)
    blocks = tuple(_read(block, paragraphs) for block in c.blocks)
    sentence_blocks = tuple(_read(block, sentences) for block in c.sentences)
    if c.summary.unshown:
        _count_unshown(c, paragraphs, sentences)
    if paragraphs == c.summary.paragraphs and sentences == c.summary.sentences:
        return c
    summary = replace(c.summary, paragraphs=paragraphs, sentences=sentences, breaks_only=0)
    return replace(c, blocks=blocks, sentences=sentence_blocks, summary=summary)


_AnyBlock = TypeVar("_AnyBlock", Block, SentenceBlock)


def _count_unshown(c: Comparison, paragraphs: dict[str, int], sentences: dict[str, int]) -> None:
    unshown = [c.blocks[index] for index in c.summary.unshown]
    sides = {i for block in unshown for i in block.a}, {i for block in unshown for i in block.b}
    for counts, blocks in (
        (paragraphs, unshown),
        (sentences, [s for s in c.sentences if s.stands_in(*sides)]),
    ):
        for block in blocks:
            counts[block.op] -= 1
            counts["unshown"] = counts.get("unshown", 0) + 1


def unshown_label(block: Block) -> str:
    """The label of a block of ``Summary.unshown``: ``old ¶ 8, past the end of NEW's text:
    not shown there, not deleted``."""
    where = f"old ¶ {paragraph_numbers(block.a)}" if block.a else f"¶ {paragraph_numbers(block.b)}"
    return f"{where}, {unshown_tag(block)}"


def unshown_tag(block: Block) -> str:
    """What :func:`unshown_label` says of the block, without where it stands."""
    if block.op == "removed":
        return "past the end of NEW's text: not shown there, not deleted"
    return "past the end of OLD's text: not shown there, not new"


def no_change_line(c: Comparison) -> str:
    """What a view says when the comparison found no difference (``summary.changed`` is
    false): none beyond cosmetic ones, or only in the credit lines, or none in what both
    versions show."""
    if c.summary.credits_only:
        return "Only a credit line changed: who worked on the story, not what it says."
    if c.summary.unshown:
        return "No differences beyond cosmetic ones in what both versions show."
    return "No differences beyond cosmetic ones."


def _read(block: _AnyBlock, counts: dict[str, int]) -> _AnyBlock:
    if block.op != "reworded" or not block.cosmetic:
        return block
    counts["reworded"] -= 1
    counts["equal"] = counts.get("equal", 0) + 1
    if isinstance(block, SentenceBlock):
        return replace(block, op="equal", similarity=1.0, words=())
    return replace(block, op="equal", similarity=1.0)


def reveal(text: str) -> str:
    """``text`` safe to show: invisible formatting characters named (``⟨RLO⟩``), tabs and
    line breaks made spaces, other control characters (ANSI escapes included) dropped."""

    def name(match: re.Match[str]) -> str:
        char = match.group()
        if char in INVISIBLE_NAMES:
            return f"⟨{INVISIBLE_NAMES[char]}⟩"
        return " " if char in "\t\n\r" else ""

    return _INVISIBLE.sub(name, text)


#: The left-to-right mark: a letter of no width that sets the direction around it.
LRM = "\u200e"
#: The letters written right to left: Hebrew, Arabic, Syriac, Thaana, N'Ko and their
#: presentation forms.
RTL_LETTER = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def in_reading_order(line: str) -> str:
    """An English line round quoted values (`quote altered: "…" → "…"`, a byline's "A → B")
    that stays in reading order where the values are written right to left: Unicode's bidi
    algorithm, which browsers and some terminals apply, made the arrow between two Arabic
    or Hebrew values part of one right-to-left run, so that NEW's value read first, then
    "→", then OLD's, and the place after it ("(¶ 2)") was pulled in. A left-to-right mark
    each side of the arrow, and one at the end, keep each value in its place."""
    if not RTL_LETTER.search(line):
        return line
    return line.replace(" → ", f"{LRM} → {LRM}") + LRM


#: Counts shown in summaries, in this order, with their human names.
COUNT_NAMES: tuple[tuple[str, str], ...] = (
    ("equal", "unchanged"),
    ("reworded", "reworded"),
    ("added", "added"),
    ("removed", "removed"),
    ("unshown", "past the other version's end"),
    ("moved", "moved"),
)


@dataclass(frozen=True)
class Gap:
    """A run of unchanged paragraph blocks left out of a view."""

    paragraphs: int
    """How many NEW paragraphs the run holds."""


@dataclass(frozen=True)
class Piece:
    """One sentence of a reworded paragraph, as word steps."""

    ops: tuple[WordOp, ...]
    """The sentence's word diff; ``equal`` steps for an unchanged sentence."""
    moved: bool
    """The sentence came from (or went to) another paragraph or place."""
    paragraph: int = -1
    """The paragraph it sits in on the side shown (-1: the same as the sentence before), so
    a split or merged block can break its lines where its paragraphs break."""
    link: str = ""
    """Where the sentence went or came from when that is another paragraph block: ``moved
    to ¶ 3`` / ``moved from old ¶ 1``, or ``now in ¶ 3`` / ``was in old ¶ 1`` for a
    sentence that kept its place in the reading order; empty otherwise."""

    def gap(self) -> str:
        """What goes between this sentence and the next one shown: a space, or nothing
        after a Chinese or Japanese sentence (see :func:`compare.text.sentence_gap`)."""
        if self.moved or self.link or not self.ops:
            return " "  # a pointer follows the sentence
        last = self.ops[-1]
        return sentence_gap(last.new or last.old)


_Part = TypeVar("_Part")


def paragraph_breaks(
    parts: Iterable[tuple[Piece, _Part]],
) -> Iterator[tuple[bool, str, Piece, _Part]]:
    """Each sentence piece with what a view made of it, after what goes before it: whether a
    paragraph break does (it sits in another paragraph than the last piece before it that
    named one, so a split or merged block breaks where its paragraphs break; never before
    the first), and if not, the gap after the piece before (:meth:`Piece.gap`)."""
    paragraph = -1
    gap = " "
    for piece, part in parts:
        yield -1 != paragraph != piece.paragraph != -1, gap, piece, part
        if piece.paragraph != -1:
            paragraph = piece.paragraph
        gap = piece.gap()


def shared_spaces(old: str, new: str) -> tuple[str, str, str, str]:
    """A replaced pair split as (spaces both sides start with, the rest of ``old``, the rest
    of ``new``, spaces both sides end with). A space only one side has is part of the change
    (" — " -> ", " has a space before the dash only in the old text), so showing it once
    outside the marks would put a space where neither version has one ("plan , a")."""
    end = 0
    while end < min(len(old), len(new)) and _same_space(old[-1 - end], new[-1 - end]):
        end += 1
    trail = old[len(old) - end :]
    old, new = old[: len(old) - end], new[: len(new) - end]
    start = 0
    while start < min(len(old), len(new)) and _same_space(old[start], new[start]):
        start += 1
    return old[:start], old[start:], new[start:], trail


def _same_space(a: str, b: str) -> bool:
    return a == b and a.isspace()


def _spaces_only(kind: str, old: str, new: str) -> bool:
    """Whether a change (``kind``, of ``old`` into ``new``) has a side that is only spaces
    once the spaces both sides share are set aside ("long term" -> "long-term" is " " ->
    "-"): a mark around a space shows nothing, and the views printed it unmarked or left it
    out."""
    if kind == "replace":
        _, old, new, _ = shared_spaces(old, new)
    return (bool(old) and old.isspace()) or (bool(new) and new.isspace())


_LAST_WORD = re.compile(r"\S+$")
_FIRST_WORD = re.compile(r"^\S+")
_SPACES = re.compile(r"\s+")


def widened(ops: Sequence[WordOp]) -> Sequence[WordOp]:
    """The word steps as the reading views mark them: a change that is spaces on one side
    (with nothing or a mark on the other) is widened over the words it touches on both
    sides, as ``git diff --word-diff`` does: ``[-long term-]{+long-term+}``, ``[-\u00a3
    4m-]{+\u00a34m+}``, not ``long {+-+}term`` (a text neither version has) or the space
    unmarked. An unchanged step whose sides differ (keyed alike: ``" - 48"`` and ``"-48"``,
    ``"term ,"`` and ``"term,"``) has the words that differ made a change first: a unified
    view draws an unchanged step once, and drew NEW's text for both ("[-52-]{+52 -48+}" read
    "52 in favour" for OLD). So OLD's steps always spell OLD and NEW's spell NEW, and each
    unchanged step is the same text on both sides; but a sentence with no change at all is
    left as it is (it reads as NEW's text, as an unchanged paragraph does). The data's steps
    are left as they are."""
    if all(op.op == "equal" for op in ops):
        return ops
    if not any(
        not _same_spacing(op.old, op.new)
        if op.op == "equal"
        else _spaces_only(op.op, op.old, op.new)
        for op in ops
    ):
        return ops
    steps: list[list[str]] = []
    for step_op in ops:
        if step_op.op == "equal" and not _same_spacing(step_op.old, step_op.new):
            steps += _apart(step_op.old, step_op.new)
        else:
            # (An unchanged step whose sides differ only in a quote's or a dash's style keeps
            # it unmarked, as a cosmetic difference is: its words stand alike on both sides.)
            steps.append([step_op.op, step_op.old, step_op.new])
    for k, step in enumerate(steps):
        if step[0] == "equal" or not _spaces_only(*step):
            continue
        # (Every unchanged step has its spaces in the same places on both sides: a word cut
        # off one side is the same word of the other.)
        if k and steps[k - 1][0] == "equal":
            before = steps[k - 1]
            cuts = [_last_word_start(side) for side in before[1:]]
            step[1], step[2] = before[1][cuts[0] :] + step[1], before[2][cuts[1] :] + step[2]
            before[1], before[2] = before[1][: cuts[0]], before[2][: cuts[1]]
        if k + 1 < len(steps) and steps[k + 1][0] == "equal":
            after = steps[k + 1]
            cuts = [_first_word_end(side) for side in after[1:]]
            step[1], step[2] = step[1] + after[1][: cuts[0]], step[2] + after[2][: cuts[1]]
            after[1], after[2] = after[1][cuts[0] :], after[2][cuts[1] :]
    out: list[WordOp] = []
    for op, old, new in steps:
        if not old and not new:
            continue  # an unchanged word now in the change
        if op != "equal" and out and out[-1].op != "equal":
            old, new = out[-1].old + old, out[-1].new + new
            out.pop()
        if op != "equal":
            op = _change_kind(old, new)
        out.append(WordOp(op, old, new))  # type: ignore[arg-type]
    return out


def _same_spacing(old: str, new: str) -> bool:
    """Whether the two sides of an unchanged step have their spaces in the same places, word
    for word (they differ, if at all, in a quote's, a dash's or an apostrophe's style)."""
    return old == new or (
        old.split() != [] != new.split()
        and len(old.split()) == len(new.split())
        and old[:1].isspace() == new[:1].isspace()
        and old[-1:].isspace() == new[-1:].isspace()
        and [len(gap) for gap in _SPACES.findall(old)] == [len(gap) for gap in _SPACES.findall(new)]
    )


def _last_word_start(text: str) -> int:
    found = _LAST_WORD.search(text)
    return found.start() if found else len(text)


def _first_word_end(text: str) -> int:
    found = _FIRST_WORD.search(text)
    return found.end() if found else 0


def _apart(old: str, new: str) -> list[list[str]]:
    """An unchanged step whose sides differ, as the text both start with, the whole words
    that differ (a change) and the text both end with; the cuts fall between words on both
    sides, so no mark splits a word."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    while start and not (_between_words(old, start) and _between_words(new, start)):
        start -= 1
    end = 0
    room = min(len(old), len(new)) - start
    while end < room and old[-1 - end] == new[-1 - end]:
        end += 1
    while end and not (_between_words(old, len(old) - end) and _between_words(new, len(new) - end)):
        end -= 1
    steps = [["equal", old[:start], new[:start]]]
    middle = old[start : len(old) - end], new[start : len(new) - end]
    steps.append([_change_kind(*middle), *middle])
    steps.append(["equal", old[len(old) - end :], new[len(new) - end :]])
    return [step for step in steps if step[1] or step[2]]


def _between_words(text: str, at: int) -> bool:
    """Whether a cut at ``at`` splits no word of ``text``."""
    return at in (0, len(text)) or text[at - 1].isspace() or text[at].isspace()


def is_change(block: Block) -> bool:
    """Whether a block is worth showing on its own (not a plain unchanged paragraph)."""
    return block.op != "equal" or block.moved


def visible(blocks: tuple[Block, ...], context: int) -> list[tuple[int, Block] | Gap]:
    """The blocks to show with their indices: every change, ``context`` unchanged blocks on
    each side of it, and a :class:`Gap` for each run of unchanged blocks left out."""
    keep = [False] * len(blocks)
    for i, block in enumerate(blocks):
        if is_change(block):
            for j in range(max(0, i - context), min(len(blocks), i + context + 1)):
                keep[j] = True
    rows: list[tuple[int, Block] | Gap] = []
    hidden = 0
    for i, block in enumerate(blocks):
        if keep[i]:
            if hidden:
                rows.append(Gap(hidden))
                hidden = 0
            rows.append((i, block))
        else:
            # NEW's paragraphs, as the HTML report's fold counts them: a merge that changed
            # no word is one (it counted OLD's two).
            hidden += len(block.b) or len(block.a) or 1
    if hidden:
        rows.append(Gap(hidden))
    return rows


def paragraph_numbers(indices: tuple[int, ...]) -> str:
    """1-based paragraph numbers for people: ``3``, ``3–4``, ``3, 5``."""
    numbers = [i + 1 for i in indices]
    if len(numbers) > 1 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(str(n) for n in numbers)


def block_label(block: Block, moved: str = "moved") -> str:
    """Where a block sits and what happened to it: ``¶ 3 → ¶ 4, reworded, moved``
    (``moved`` is the word to use for a move)."""
    if not block.b:
        where = f"old ¶ {paragraph_numbers(block.a)}"
    elif not block.a or block.a == block.b:
        where = f"¶ {paragraph_numbers(block.b)}"
    else:
        where = f"¶ {paragraph_numbers(block.a)} → ¶ {paragraph_numbers(block.b)}"
    what = [{"equal": "unchanged"}.get(block.op, block.op)]
    if len(block.b) > 1 and block.a:
        what.append("split")
    if len(block.a) > 1 and block.b:
        what.append("merged")
    if block.moved:
        what.append(moved)
    return f"{where}, {', '.join(what)}"


#: What a reworded block whose words all stayed is called beside its label.
REORDERED = "same words, reordered"
#: What stands around a word that does not make it another: "said," is "said".
_AROUND_WORDS = ".,;:!?\"'“”‘’«»()[]"


def reordered(c: Comparison, block: Block) -> bool:
    """Whether a reworded block holds the same words in another order, case and
    punctuation aside ("in Leeds on Friday" / "on Friday in Leeds", "Three men were
    arrested, police said." / "Police said three men were arrested."): told apart for the
    reader, who need not look for a changed word. (Asked of the blocks a view shows.)"""
    if block.op != "reworded":
        return False
    old = _words(" ".join(paragraphs_text(c.old, block.a)))
    new = _words(" ".join(paragraphs_text(c.new, block.b)))
    # (The same words in the same order: only punctuation changed, nothing moved.)
    return old != new and sorted(old) == sorted(new)


def _words(text: str) -> list[str]:
    """The words of a text, case and the punctuation around them aside; what is inside a
    word stays ("$5m", "-5C", "1,200" are other words than "£5m", "5C", "1.200")."""
    return [w for w in (w.strip(_AROUND_WORDS) for w in text.casefold().split()) if w]


def paragraphs_text(document: Document, indices: tuple[int, ...]) -> list[str]:
    """The texts of the given paragraphs (indices out of range are skipped, not fatal)."""
    return [document.paragraphs[i].text for i in indices if 0 <= i < len(document.paragraphs)]


def sentence_text(document: Document, where: tuple[tuple[int, int], ...]) -> str:
    """The sentences at ``(paragraph, sentence)`` positions, joined as in their paragraph."""
    parts = []
    for p, s in where:
        if 0 <= p < len(document.paragraphs) and 0 <= s < len(document.paragraphs[p].sentences):
            parts.append(document.paragraphs[p].sentences[s])
    return join_sentences(parts)


def sentence_ops(comparison: Comparison, block: SentenceBlock) -> tuple[WordOp, ...]:
    """The word steps of one sentence block, whatever its operation."""
    old = sentence_text(comparison.old, block.a)
    new = sentence_text(comparison.new, block.b)
    if block.op == "equal":
        return (WordOp("equal", old, new),)
    if block.op == "added":
        return (WordOp("insert", "", new),)
    if block.op == "removed":
        return (WordOp("delete", old, ""),)
    return block.words or (WordOp("replace", old, new),)


def paragraph_parts(
    ops: Sequence[WordOp], sentences: Sequence[tuple[int, str]], side: str
) -> list[tuple[int, tuple[WordOp, ...]]]:
    """A sentence block's word steps cut where its sentences on ``side`` (``old`` or
    ``new``; ``(paragraph, text)`` in order) change paragraph: one part per paragraph, in
    order, each spelling that paragraph's sentences on ``side``. A sentence split across a
    paragraph break (or two merged across one) is then drawn in each paragraph, not the
    whole of it in the first. The other side's words go with the part in which their step
    starts (a deletion before the insertion that follows it), so the parts still spell the
    other side in order. One paragraph: one part, the steps as they are."""
    paragraphs = list(dict.fromkeys(p for p, _ in sentences))
    if len(paragraphs) < 2:
        return [(paragraphs[0] if paragraphs else -1, tuple(ops))]
    # Where each paragraph's sentences stand in the side's joined text (join_sentences).
    spans: list[list[int]] = []
    paragraphs = []
    at = 0
    for k, (p, text) in enumerate(sentences):
        if k and p == sentences[k - 1][0]:
            spans[-1][1] = at + len(text)
        else:
            spans.append([at, at + len(text)])
            paragraphs.append(p)
        at += len(text) + len(sentence_gap(text))
    mine = 0 if side == "old" else 1
    steps: list[list[str]] = []
    changed = any(op.op != "equal" for op in ops)
    for op in ops:
        if op.op == "equal" and op.old != op.new and changed:
            steps += _apart(op.old, op.new)  # (both sides then cut at one place)
        else:
            steps.append([op.op, op.old, op.new])
    if "".join(step[1 + mine] for step in steps) != join_sentences(t for _, t in sentences):
        return [(paragraphs[0], tuple(ops))]  # (steps that do not spell it: no cut)
    parts: list[list[list[str]]] = [[] for _ in spans]
    position = 0
    for kind, *texts in steps:
        text, other = texts[mine], texts[1 - mine]
        # The part the step starts in (a step that starts in the gap between two
        # paragraphs starts in the first: what it takes out goes before the break).
        first = max(k for k, (start, _) in enumerate(spans) if start <= position or not k)
        placed = False
        for k, (start, end) in enumerate(spans):
            lo, hi = max(start, position), min(end, position + len(text))
            if lo >= hi:
                continue
            piece = text[lo - position : hi - position]
            if kind == "equal" and texts[0] == texts[1]:
                parts[k].append(["equal", piece, piece])
                continue
            theirs = other if k == first else ""
            if theirs and position + len(text) > end:
                theirs = theirs.rstrip()  # (the step goes on past the break, which spaces it)
            placed = placed or k == first
            parts[k].append(["change", theirs, piece] if mine else ["change", piece, theirs])
        if other and not placed and not (kind == "equal" and texts[0] == texts[1]):
            parts[first].append(["change", other, ""] if mine else ["change", "", other])
        position += len(text)
    out = []
    for p, part in zip(paragraphs, parts, strict=True):
        cleaned = []
        for kind, old, new in part:
            if kind != "equal":
                kind = _change_kind(old, new)
            cleaned.append(WordOp(kind, old, new))  # type: ignore[arg-type]
        out.append((p, tuple(cleaned)))
    return out


class Pieces:
    """Finds the sentences of each paragraph block, computed once per comparison.

    A sentence belongs, on the NEW side, to the block holding its first NEW paragraph and,
    on the OLD side, to the block holding its first OLD paragraph, so a sentence moved to
    another paragraph shows on both sides in a side-by-side view, and in a unified view
    struck where it was and again where it went, each end pointing at the other.

    A sentence split across a paragraph break that is also a break between blocks (or two
    merged across one) belongs to each block it stands in on that side, which shows its
    part (:func:`paragraph_parts`), pointing at the rest (``continues in ¶ 2``,
    ``continued from ¶ 1``); the other side's whole sentence says where it went or came
    from (``split into ¶ 1–2``, ``merged from old ¶ 1–2``), and a unified view strikes
    the OLD part of a merge that now stands in another block (``merged into ¶ 1``).
    """

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self._old_owner: dict[int, int] = {}
        self._new_owner: dict[int, int] = {}
        for i, block in enumerate(comparison.blocks):
            for p in block.a:
                self._old_owner.setdefault(p, i)
            for p in block.b:
                self._new_owner.setdefault(p, i)
        self._old: dict[int, list[SentenceBlock]] = {}
        self._new: dict[int, list[SentenceBlock]] = {}
        self._parts: dict[tuple[int, str], list[tuple[int, tuple[WordOp, ...]]]] = {}
        for sentence in comparison.sentences:
            for where, owner, found in (
                (sentence.a, self._old_owner, self._old),
                (sentence.b, self._new_owner, self._new),
            ):
                for holder in dict.fromkeys(owner[p] for p, _ in where if p in owner):
                    found.setdefault(holder, []).append(sentence)
        for index, sentences in self._new.items():
            sentences.sort(key=self._new_order(index))

    def _new_order(self, index: int) -> Callable[[SentenceBlock], tuple[int, int]]:
        return lambda sentence: self._first(sentence.b, self._new_owner, index)

    @staticmethod
    def _first(
        where: tuple[tuple[int, int], ...], owner: dict[int, int], index: int
    ) -> tuple[int, int]:
        """The first of ``where`` in block ``index`` (the first of all when none is)."""
        return next((key for key in where if owner.get(key[0]) == index), where[0])

    def _spans(self, sentence: SentenceBlock, side: str) -> bool:
        """Whether the sentence stands in paragraphs of two blocks on ``side``."""
        where, owner = (
            (sentence.a, self._old_owner) if side == "old" else (sentence.b, self._new_owner)
        )
        return len({owner.get(p) for p, _ in where}) > 1

    def _parts_of(self, sentence: SentenceBlock, side: str) -> list[tuple[int, tuple[WordOp, ...]]]:
        key = (id(sentence), side)
        if key not in self._parts:
            document = self.comparison.old if side == "old" else self.comparison.new
            where = sentence.a if side == "old" else sentence.b
            texts = [(p, sentence_text(document, ((p, s),))) for p, s in where]
            self._parts[key] = paragraph_parts(sentence_ops(self.comparison, sentence), texts, side)
        return self._parts[key]

    def _went_to(self, sentence: SentenceBlock, index: int) -> str:
        """``moved to ¶ 3`` when the OLD sentence of block ``index`` is now in another
        block (``merged into ¶ 3`` for a part of a merge), else empty."""
        if not sentence.b or any(self._new_owner.get(p, index) == index for p, _ in sentence.b):
            return ""
        if self._spans(sentence, "old"):
            return f"merged into ¶ {sentence.b[0][0] + 1}"
        return f"{'moved to' if sentence.moved else 'now in'} ¶ {sentence.b[0][0] + 1}"

    def _came_from(self, sentence: SentenceBlock, index: int) -> str:
        """``moved from old ¶ 1`` when the NEW sentence of block ``index`` was in another
        block, else empty."""
        if not sentence.a or any(self._old_owner.get(p, index) == index for p, _ in sentence.a):
            return ""
        return f"{'moved from' if sentence.moved else 'was in'} old ¶ {sentence.a[0][0] + 1}"

    def _spread(self, sentence: SentenceBlock, side: str) -> str:
        """``split into ¶ 1–2`` for an OLD sentence whose NEW text stands in two blocks,
        ``merged from old ¶ 1–2`` for a NEW one whose OLD text does; else empty."""
        other = "new" if side == "old" else "old"
        if not self._spans(sentence, other):
            return ""
        where = sentence.b if side == "old" else sentence.a
        numbers = paragraph_numbers(tuple(dict.fromkeys(p for p, _ in where)))
        return f"split into ¶ {numbers}" if side == "old" else f"merged from old ¶ {numbers}"

    def _continued(
        self, parts: list[tuple[int, tuple[WordOp, ...]]], k: int, side: str, index: int
    ) -> str:
        """``continued from ¶ 1`` / ``continues in ¶ 2`` for part ``k`` of a sentence cut
        at a break between blocks; empty where its neighbour part is in block ``index``
        (the paragraph break shows there)."""
        owner = self._old_owner if side == "old" else self._new_owner
        prefix = "old ¶" if side == "old" else "¶"
        said = []
        if k and owner.get(parts[k - 1][0]) != index:
            said.append(f"continued from {prefix} {parts[k - 1][0] + 1}")
        if k + 1 < len(parts) and owner.get(parts[k + 1][0]) != index:
            said.append(f"continues in {prefix} {parts[k + 1][0] + 1}")
        return ", ".join(said)

    def _pieces(
        self,
        sentences: list[SentenceBlock],
        side: str,
        index: int,
        gone: dict[int, str] | None = None,
    ) -> list[Piece]:
        pieces = []
        owner = self._old_owner if side == "old" else self._new_owner
        for s in sentences:
            if gone and id(s) in gone:
                # Struck where it stood: its OLD words in this block, pointing where it went.
                for p, ops in self._parts_of(s, "old"):
                    if self._old_owner.get(p) == index:
                        text = "".join(op.old for op in ops)
                        pieces.append(
                            Piece((WordOp("delete", text, ""),), s.moved, link=gone[id(s)])
                        )
                continue
            where = s.a if side == "old" else s.b
            # (Only a sentence in two paragraphs is cut: most are in one, their words drawn
            # whole without being looked up twice.)
            if len({p for p, _ in where}) > 1 and len(parts := self._parts_of(s, side)) > 1:
                # Cut where its paragraphs break on this side: the parts in this block.
                for k, (p, ops) in enumerate(parts):
                    if owner.get(p) == index:
                        link = self._continued(parts, k, side, index)
                        pieces.append(Piece(ops, s.moved, p, link))
                continue
            paragraph = where[0][0] if where else -1
            link = self._went_to(s, index) if side == "old" else self._came_from(s, index)
            link = self._spread(s, side) or link
            pieces.append(Piece(sentence_ops(self.comparison, s), s.moved, paragraph, link))
        return pieces

    def unified(self, index: int) -> list[Piece]:
        """The sentences of block ``index`` in NEW's order, with removed sentences and those
        that went to another block struck where they stood; ``[]`` when the comparison has
        no sentence blocks for it."""
        merged: list[SentenceBlock] = list(self._new.get(index, []))
        gone: dict[int, str] = {}  # id() of a sentence that went to another block: where
        previous: SentenceBlock | None = None
        for sentence in sorted(
            self._old.get(index, []), key=lambda s: self._first(s.a, self._old_owner, index)
        ):
            went_to = self._went_to(sentence, index)
            if not sentence.b or went_to:
                # It goes right after its OLD predecessor (or first).
                at = _position(merged, previous) + 1 if previous is not None else 0
                merged.insert(at, sentence)
                if went_to:
                    gone[id(sentence)] = went_to
            if any(s is sentence for s in merged):
                previous = sentence
        return self._pieces(merged, "new", index, gone)

    def whole(self, index: int) -> list[Piece]:
        """The sentences of an added block ``index`` in NEW's order, or of a removed one in
        OLD's order, when one of them came from or went to another block, so that both
        ends of a move are marked; ``[]`` otherwise (the block reads as one text)."""
        if self.comparison.blocks[index].op == "removed":
            if any(self._went_to(s, index) for s in self._old.get(index, [])):
                return self.old_side(index)
        elif any(self._came_from(s, index) for s in self._new.get(index, [])):
            return self.new_side(index)
        return []

    def old_side(self, index: int) -> list[Piece]:
        """The OLD sentences of block ``index`` in OLD's order."""
        ordered = sorted(
            self._old.get(index, []), key=lambda s: self._first(s.a, self._old_owner, index)
        )
        return self._pieces(ordered, "old", index)

    def new_side(self, index: int) -> list[Piece]:
        """The NEW sentences of block ``index`` in NEW's order."""
        return self._pieces(self._new.get(index, []), "new", index)


def _position(items: list[SentenceBlock], item: SentenceBlock) -> int:
    return next(i for i, candidate in enumerate(items) if candidate is item)


def block_ops(comparison: Comparison, block: Block) -> tuple[WordOp, ...]:
    """A whole block as one word step, for blocks without sentence detail."""
    old = " ".join(paragraphs_text(comparison.old, block.a))
    new = " ".join(paragraphs_text(comparison.new, block.b))
    if block.op == "equal":
        return (WordOp("equal", old, new),)
    if not new:
        return (WordOp("delete", old, ""),)
    if not old:
        return (WordOp("insert", "", new),)
    return (WordOp("replace", old, new),)


def count_line(counts: dict[str, int]) -> str:
    """``3 reworded, 1 added, 12 unchanged; 1 of them moved`` (zero counts left out, ``none``
    when empty). A moved paragraph is also reworded or unchanged: listed as a kind of its
    own ("3 reworded, 1 moved, 4 unchanged"), it read as an eighth paragraph of seven."""
    kinds = [(key, name) for key, name in COUNT_NAMES[1:] if key != "moved"]
    parts = [f"{counts[key]} {name}" for key, name in kinds if counts.get(key)]
    if counts.get("equal"):
        parts.append(f"{counts['equal']} unchanged")
    line = ", ".join(parts) or "none"
    if counts.get("moved"):
        line += f"; {counts['moved']} of them moved"
    return line


def percent_value(similarity: float) -> int:
    """``87``; never 100 for texts that differ, nor 0 for texts that share something."""
    value = round(similarity * 100)
    if value == 100 and similarity < 1:
        return 99
    if value == 0 and similarity > 0:
        return 1
    return value


def percent(similarity: float) -> str:
    """``87%``, as :func:`percent_value` rounds it."""
    return f"{percent_value(similarity)}%"


def key_changes(comparison: Comparison) -> list[tuple[Change, str]]:
    """The meaning-level changes to list, each with where it is (see
    :func:`change_paragraph`): newsroom notes first, then the headline's and the
    standfirst's, then the text's."""
    located = [(c, change_paragraph(comparison, c.sentence)) for c in comparison.changes]
    return [
        *(item for item in located if item[0].kind == "note"),
        *((change, "headline") for change in comparison.title_changes),
        *((change, "standfirst") for change in comparison.standfirst_changes),
        *(item for item in located if item[0].kind != "note"),
    ]


def change_paragraph(comparison: Comparison, sentence: int) -> str:
    """``¶ 4`` for the paragraph a meaning change sits in (NEW's numbering when it has one)."""
    if not 0 <= sentence < len(comparison.sentences):
        return ""
    block = comparison.sentences[sentence]
    if block.b:
        return f"¶ {block.b[0][0] + 1}"
    if block.a:
        return f"old ¶ {block.a[0][0] + 1}"
    return ""


def byline_change(comparison: Comparison) -> tuple[str, str] | None:
    """Both versions name their authors and the names differ (a reporter added to the
    byline, or taken off it): ``("A", "A, B")``. Order and case alone are no change."""
    old, new = comparison.old.authors, comparison.new.authors
    if not old or not new or {a.casefold() for a in old} == {a.casefold() for a in new}:
        return None
    return ", ".join(old), ", ".join(new)


def dates(document: Document) -> str:
    """``published 2026-05-24, modified 2026-05-25`` or empty."""
    parts = []
    if document.published:
        parts.append(f"published {document.published}")
    if document.modified and document.modified != document.published:
        parts.append(f"modified {document.modified}")
    return ", ".join(parts)
