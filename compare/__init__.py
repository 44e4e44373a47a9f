"""storydiff: compare versions of a news story.

Heavy modules (trafilatura, httpx, rapidfuzz) are imported only when used, so that
``storydiff --help`` is instant and plain-text inputs never load the HTML extractor. The
model's dataclasses too (making them costs 55M instructions, a sixth of ``--version``):
their names are served from compare.model on first use.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from compare.gcpause import paused_gc

if TYPE_CHECKING:
    from compare.model import (
        Block,
        Change,
        CompareOptions,
        Comparison,
        Document,
        LoadOptions,
        Paragraph,
        Provenance,
        SentenceBlock,
        Snapshot,
        Summary,
        WordOp,
    )
    from compare.multi import Claim, ClaimMember, Coverage, CoverageOptions

#: Names from compare.model and compare.multi, imported on first use (their dataclasses
#: cost import time).
_MODEL = (
    "Block",
    "Change",
    "CompareOptions",
    "Comparison",
    "Document",
    "LoadOptions",
    "Paragraph",
    "Provenance",
    "SentenceBlock",
    "Snapshot",
    "Summary",
    "WordOp",
)
_MULTI = ("Claim", "ClaimMember", "Coverage", "CoverageOptions")

__version__ = "0.1.0"

__all__ = [
    "Block",
    "Change",
    "Claim",
    "ClaimMember",
    "CompareOptions",
    "Comparison",
    "Coverage",
    "CoverageOptions",
    "Document",
    "LoadOptions",
    "Paragraph",
    "Provenance",
    "SentenceBlock",
    "Snapshot",
    "Summary",
    "WordOp",
    "__version__",
    "compare",
    "compare_many",
    "load",
    "read",
]


def read(source: str, options: LoadOptions | None = None, **overrides: Any) -> Snapshot:
    """Read a path, ``-`` (stdin) or an http(s) URL into a :class:`Snapshot`."""
    from compare import sources
    from compare.model import LoadOptions

    return sources.read(source, _options(LoadOptions, options, overrides))


def load(source: str, options: LoadOptions | None = None, **overrides: Any) -> Document:
    """Read ``source`` and extract its article into a :class:`Document`. ``URL@N`` (also
    ``@first``, ``@latest``, ``@-1``, ``@2026-05-24T10:00``) is a version from the store."""
    from compare import extract, sources
    from compare.model import LoadOptions

    options = _options(LoadOptions, options, overrides)
    if "@" in source:  # only then can it name a stored version: the store is not imported
        from compare.store import resolve_version_spec
        from compare.track import reader

        stored = resolve_version_spec(source, options.db, reader(options))
        if stored is not None:
            return stored
    snapshot = sources.read(source, options)
    with paused_gc():  # see compare/gcpause.py
        return extract.extract(snapshot)


def compare(
    old: Document | str,
    new: Document | str,
    options: CompareOptions | None = None,
    *,
    db: str | os.PathLike[str] | None = None,
    **overrides: Any,
) -> Comparison:
    """Align two documents (or sources ``load`` accepts) at paragraph, sentence and word level.

    ``db`` is the version store that ``URL@N`` sources are read from, as in
    ``load(spec, db=PATH)``: ``compare("URL@1", "URL@latest", db="news.db")``; without it,
    ``$STORYDIFF_DB``, else the default store. ``overrides`` set fields of
    :class:`CompareOptions` (``threshold=0.6``)."""
    from compare.align import align_documents
    from compare.model import CompareOptions, Document

    where = _store(db)
    old_doc = old if isinstance(old, Document) else load(old, **where)
    new_doc = new if isinstance(new, Document) else load(new, **where)
    return align_documents(old_doc, new_doc, _options(CompareOptions, options, overrides))


def compare_many(
    documents: Sequence[Document | str],
    options: CoverageOptions | None = None,
    *,
    db: str | os.PathLike[str] | None = None,
    **overrides: Any,
) -> Coverage:
    """Group several outlets' versions of one story (documents, or sources ``load`` accepts,
    fetched concurrently) into claims: who carries what, who leaves what out, who disagrees.
    ``db`` is the version store ``URL@N`` sources are read from, as for :func:`compare`."""
    from compare import multi
    from compare.model import Document, LoadOptions

    specs = [d for d in documents if isinstance(d, str)]
    loaded = iter(multi.load_many(specs, LoadOptions(**_store(db))) if specs else [])
    docs = [d if isinstance(d, Document) else next(loaded) for d in documents]
    return multi.compare_many(docs, _options(multi.CoverageOptions, options, overrides))


def __getattr__(name: str) -> Any:
    if name in _MODEL:
        from compare import model

        return getattr(model, name)
    if name in _MULTI:
        from compare import multi

        return getattr(multi, name)
    raise AttributeError(f"module 'compare' has no attribute {name!r}")


def _store(db: str | os.PathLike[str] | None) -> dict[str, Any]:
    """``load``'s keyword for the version store, when one is given."""
    return {} if db is None else {"db": os.fspath(db)}


def _options(cls: Any, given: Any, overrides: dict[str, Any]) -> Any:
    from dataclasses import replace

    base = given if given is not None else cls()
    return replace(base, **overrides) if overrides else base
