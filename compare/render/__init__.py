"""Renderers: each turns model objects into one output format and never reads files or clocks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compare.model import Document

#: GitHub refuses a comment, issue or pull-request description longer than this; Markdown
#: reports stop short of it unless told otherwise (``--md-limit``).
GITHUB_LIMIT = 65_536


def fitting(sizes: Iterable[int], budget: int) -> int:
    """How many leading items, of these sizes in characters, fit in ``budget``."""
    used = count = 0
    for size in sizes:
        used += size
        if used > budget:
            break
        count += 1
    return count


def shown_name(name: str) -> str:
    """``name`` as a report or message can show it: a file name that is not valid UTF-8
    (Python holds its bytes as lone surrogates, ``caf\\udce9.txt``) with each such byte
    written ``\\xe9``, as Python escapes bytes (``caf\\xe9.txt``). JSON and UTF-8 cannot carry
    the bytes themselves: orjson refused the report, a UTF-8 terminal the text."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "".join(
            f"\\x{ord(char) - 0xDC00:02x}"
            if "\udc80" <= char <= "\udcff"
            else f"\\u{ord(char):04x}"
            if "\ud800" <= char <= "\udfff"
            else char
            for char in name
        )
    return name


def shown_document(document: Document) -> Document:
    """``document`` with its source named as :func:`shown_name` shows it: the same document
    for any name UTF-8 can carry (all but file names in another encoding)."""
    spec = document.provenance.spec
    shown = shown_name(spec)
    if shown == spec:
        return document
    from dataclasses import replace

    return replace(document, provenance=replace(document.provenance, spec=shown))
