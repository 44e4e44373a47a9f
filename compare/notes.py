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

from compare.model import Block, Change, ChangeAction, Document, SentenceBlock
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
