"""Newsroom notes: the correction, clarification, update or editor's note a page carries.

A reader tracking edits wants to know first whether the newsroom owned up to a change: a
note added, changed or taken down is listed before the meaning changes, and a version that
changes facts without adding or changing a note is said to do so (``Summary.
edited_without_note``). Extraction keeps these notes even where the page files them as
chrome (see ``extract._keep_notes``); this module only reads them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from compare.model import Block, Change, ChangeAction, Comparison, Document, SentenceBlock
from compare.text import lazy_pattern

#: How a note the newsroom adds to the story opens ("Correction, March 4: ...", "Update: ...",
#: "This article was amended on ...", "An earlier version of this story ...").
# The label is set off ("Correction:", "UPDATE, March 4:", "Update (3 p.m.):"), so that
# "Update your browser for ..." or "Correction officers said ..." is no note.
NOTE_START = lazy_pattern(
    r"^\s*(?:(?:correction|clarification|update)s?\s*(?:[:,(\u2013\u2014-]|\d)|"
    r"editor[\u2019']?s[\u2019']? note\b|"
    r"this (?:article|story|report|piece) (?:was|has been) (?:amended|corrected|updated)\b|"
    r"an earlier version of this (?:article|story|report|piece)\b)",
    re.IGNORECASE,
)

#: What the views say when ``Summary.edited_without_note`` is set.
WITHOUT_NOTE = "NEW changes these facts without adding or changing a correction or update note."

#: The longest stretch of a note quoted in a one-line description.
_QUOTED = 160


def note_kind(text: str) -> str | None:
    """``correction``, ``clarification``, ``update`` or ``editor's note`` for a paragraph that
    is a newsroom note, else ``None``."""
    match = NOTE_START().match(text)
    if match is None:
        return None
    opening = match.group(0).strip().casefold()
    if opening.startswith("editor"):
        return "editor's note"
    for kind in ("clarification", "update", "correction"):
        if opening.startswith(kind):
            return kind
    # "This story was updated ..." is an update; "... was amended/corrected ..." and "An
    # earlier version of this story misstated ..." own up to an error.
    return "update" if opening.endswith("updated") else "correction"


def note_changes(
    old: Document,
    new: Document,
    blocks: Sequence[Block],
    sentences: Sequence[SentenceBlock],
) -> tuple[Change, ...]:
    """A ``note`` change for each note added, removed or reworded, in reading order."""
    kinds_a = {i: kind for i, p in enumerate(old.paragraphs) if (kind := note_kind(p.text))}
    kinds_b = {i: kind for i, p in enumerate(new.paragraphs) if (kind := note_kind(p.text))}
    if not kinds_a and not kinds_b:
        return ()
    first_sentence: dict[tuple[str, int], int] = {}
    for index, sentence_block in enumerate(sentences):
        for paragraph, _ in sentence_block.a:
            first_sentence.setdefault(("old", paragraph), index)
        for paragraph, _ in sentence_block.b:
            first_sentence.setdefault(("new", paragraph), index)

    def text(doc: Document, indices: list[int]) -> str:
        return "\n\n".join(doc.paragraphs[i].text for i in indices)

    found: list[Change] = []
    for block in blocks:
        notes_a = [i for i in block.a if i in kinds_a]
        notes_b = [i for i in block.b if i in kinds_b]
        if block.op == "equal" or not (notes_a or notes_b):
            continue
        where = ("new", notes_b[0]) if notes_b else ("old", notes_a[0])
        sentence = first_sentence.get(where, -1)
        if notes_a and notes_b:
            kind = kinds_b[notes_b[0]]
            old_text, new_text = text(old, notes_a), text(new, notes_b)
            detail = f"{kind} changed: {_quoted(old_text)} → {_quoted(new_text)}"
            found.append(_note("changed", old_text, new_text, sentence, detail))
        elif notes_b:
            new_text = text(new, notes_b)
            detail = f"{kinds_b[notes_b[0]]} added: {_quoted(new_text)}"
            found.append(_note("added", None, new_text, sentence, detail))
        else:
            old_text = text(old, notes_a)
            detail = f"{kinds_a[notes_a[0]]} removed: {_quoted(old_text)}"
            found.append(_note("removed", old_text, None, sentence, detail))
    return tuple(found)


#: Words any note may use, which tie it to no sentence in particular.
_NOTE_WORDS = frozenset(
    str.split(
        "earlier version article story report piece misstated misspelled incorrectly wrongly "
        "stated reported said correction clarification update updated amended corrected "
        "editor this that which have been were with from their about also would could after "
        "before when where than them they"
    )
)
_WORD = lazy_pattern(r"[^\W\d_]{4,}")


def noted_changes(
    changes: Sequence[Change], old: Document, new: Document, sentences: Sequence[SentenceBlock]
) -> tuple[tuple[int, int], ...]:
    """``(change, note)`` index pairs into ``changes``: each meaning change that a note
    added or changed in NEW speaks of. A number change is spoken of when the note gives one
    of its values ("It is 20 inches, not 24 inches"); any other change when the note shares
    two words with its sentence that few paragraphs use (the story's topic words, in every
    other paragraph, tie a note to nothing)."""
    notes = [(i, c.new) for i, c in enumerate(changes) if c.kind == "note" and c.new]
    if not notes:
        return ()
    from compare.facets import sentence_facets

    spread: dict[str, int] = {}
    for paragraph in new.paragraphs:
        for stem in _stems(paragraph.text):
            spread[stem] = spread.get(stem, 0) + 1
    rare = {stem for stem, count in spread.items() if count <= 2}
    read = []
    for index, text in notes:
        body = _body(text)
        keys = {number.key for number in sentence_facets(body).numbers}
        read.append((index, keys, _stems(body) & rare))

    pairs = []
    for index, change in enumerate(changes):
        if change.kind == "note":
            continue
        if change.kind == "number":
            phrases = [p for p in (change.old, change.new) if p]
            values = {n.key for p in phrases for n in sentence_facets(p).numbers}
            note = next((i for i, keys, _ in read if values & keys), None)
        else:
            stems = _stems(_sentence_text(change, old, new, sentences))
            note = next((i for i, _, words in read if len(stems & words) >= 2), None)
        if note is not None:
            pairs.append((index, note))
    return tuple(pairs)


def _body(note: str) -> str:
    """A note without its label and the date or time in it ("Correction, 21 November:",
    "Update (3 p.m.):"): that date is when the note was written, not a fact it corrects."""
    label = NOTE_START().match(note)
    body = note[label.end() :] if label else note
    colon = body.find(":")
    return body[colon + 1 :] if 0 <= colon <= 40 else body


def _stems(text: str) -> set[str]:
    """Lower-case words of four letters or more, cut to six ("auditors", "auditor" ->
    "audito"), without those any note uses."""
    words = (w.casefold() for w in _WORD().findall(text))
    return {w[:6] for w in words if w not in _NOTE_WORDS}


def _sentence_text(
    change: Change, old: Document, new: Document, sentences: Sequence[SentenceBlock]
) -> str:
    if not 0 <= change.sentence < len(sentences):
        return ""
    block = sentences[change.sentence]
    doc, places = (new, block.b) if block.b else (old, block.a)
    return " ".join(doc.paragraphs[p].sentences[s] for p, s in places)


def noted_in(comparison: Comparison) -> dict[int, str]:
    """For each change (by ``id``) a note speaks of, the note's label: ``correction``."""
    changes = comparison.changes
    return {id(changes[change]): changes[note].label for change, note in comparison.summary.noted}


def edited_without_note(
    old: Document, new: Document, notes: Sequence[Change], meaning: Sequence[Change]
) -> bool:
    """NEW changes the story's meaning and adds or changes no note, on what reads as one
    page over time (two outlets' stories owe each other no note)."""
    if not meaning or any(note.action != "removed" for note in notes):
        return False
    if old.url and old.url == new.url:
        return True
    # One outlet named two ways ("BBC", "BBC News") is one outlet; text files name none.
    short, long = sorted(((d.site_name or "").strip().casefold() for d in (old, new)), key=len)
    return long.startswith(short)


def _note(
    action: ChangeAction, old: str | None, new: str | None, sentence: int, detail: str
) -> Change:
    return Change(
        kind="note",
        action=action,
        old=old,
        new=new,
        severity=1,
        sentence=sentence,
        detail=detail,
    )


def _quoted(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) > _QUOTED:
        flat = flat[: _QUOTED - 1].rsplit(" ", 1)[0] + "…"
    return f'"{flat}"'
