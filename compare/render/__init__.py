"""Renderers: each turns model objects into one output format and never reads files or clocks."""

from __future__ import annotations

from collections.abc import Iterable

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
