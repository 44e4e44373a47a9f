"""JSON output. Every shape here has a JSON Schema in ``compare/schema/``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson

from compare.gcpause import paused_gc
from compare.model import Block, Change, Comparison, Document, Provenance, SentenceBlock, WordOp


def provenance_dict(provenance: Provenance) -> dict[str, Any]:
    """The provenance of a document as plain data."""
    return {
        "spec": provenance.spec,
        "url": provenance.url,
        "fetched_at": provenance.fetched_at,
        "status": provenance.status,
        "content_type": provenance.content_type,
        "encoding": provenance.encoding,
        "sha256": provenance.sha256,
    }


def document_dict(document: Document) -> dict[str, Any]:
    """A document as plain data (schema ``storydiff.document/1``)."""
    return _document_data(document, records=False)


#: Documents, and tuples of blocks, written ahead by :func:`write_ahead`, by id (each with
#: what was written, so that the id of one gone is never taken for another's).
_written: dict[int, tuple[object, bytes]] = {}


def write_ahead(
    old: Document,
    new: Document,
    blocks: Sequence[Block] | None = None,
    sentences: Sequence[SentenceBlock] | None = None,
) -> None:
    """Write the JSON of the two documents now (and of the comparison's ``blocks`` and
    ``sentences``, tuples it will hold), for the comparison of them written later to take as
    it is (:func:`comparison_pieces`): most of a comparison's JSON, written while the command
    waits for the facets worker (compare/compare_command.py) rather than after it. Those of
    an earlier call are dropped: the JSON written ahead is for the next report."""
    _written.clear()
    for document in (old, new):
        _written[id(document)] = (document, _dumps_bytes(_document_data(document, records=True)))
    for made in (blocks, sentences):
        if isinstance(made, tuple) and _written_as_is(made):
            _written[id(made)] = (made, _dumps_bytes(made))


def _ahead(made: object) -> bytes | None:
    """The JSON of ``made`` written ahead, taken (see :func:`write_ahead`)."""
    ahead = _written.pop(id(made), None)
    return ahead[1] if ahead is not None and ahead[0] is made else None


def _document_data(document: Document, records: bool) -> dict[str, Any]:
    """``records``: leave the paragraphs as Paragraph records, which orjson writes as the
    same objects (see :func:`comparison`). ``warnings`` is written only when there are any,
    and ``live`` and ``partial`` only when true, as documents written before they were
    added lack them."""
    data = {
        "title": document.title,
        "url": document.url,
        "site_name": document.site_name,
        "authors": list(document.authors),
        "published": document.published,
        "modified": document.modified,
        "language": document.language,
        "description": document.description,
        "summary": document.summary,
        "word_count": document.word_count,
        "source": provenance_dict(document.provenance),
        "paragraphs": document.paragraphs
        if records
        else [{"text": p.text, "sentences": list(p.sentences)} for p in document.paragraphs],
    }
    if document.warnings:
        data["warnings"] = list(document.warnings)
    if document.live:
        data["live"] = True
    if document.partial:
        data["partial"] = True
    return data


def dumps(data: Any) -> str:
    """Deterministic, compact UTF-8 JSON (pipe through ``jq .`` to read it): what
    ``json.dumps(data, ensure_ascii=False, separators=(",", ":"))`` writes, but orjson takes
    15 ms where the standard library takes 60-90 ms for a 2,000-paragraph comparison. (Only a
    float under 1e-4, such as ``--threshold 0.00001``, is spelt otherwise: 0.00001, not 1e-05.)"""
    return _dumps_bytes(data).decode()


def _dumps_bytes(data: Any) -> bytes:
    """:func:`dumps` as the UTF-8 bytes it is written as; every JSON writer here uses it."""
    return orjson.dumps(data)


def documents(docs: Sequence[Document]) -> str:
    """A JSON array of documents in input order."""
    return dumps([document_dict(d) for d in docs])


#: The schema name written into comparison output; compare/schema/compare.json describes it.
COMPARE_SCHEMA = "storydiff.compare/1"

#: Counts every summary carries, zero when absent, in this order.
_COUNT_KEYS = ("equal", "reworded", "added", "removed", "moved")


def word_ops(ops: Sequence[WordOp]) -> list[dict[str, str]]:
    """Word diff steps as plain data."""
    return [{"op": op.op, "old": op.old, "new": op.new} for op in ops]


def _counts(counts: dict[str, int]) -> dict[str, int]:
    """The five standard counts first, then anything else the aligner reported."""
    data = {key: int(counts.get(key, 0)) for key in _COUNT_KEYS}
    data.update({key: int(counts[key]) for key in sorted(counts) if key not in data})
    return data


def _similarity(value: float) -> float:
    # Four places are plenty for people and keep the output stable across platforms.
    return round(float(value), 4)


def _written_as_is(blocks: Sequence[Block] | Sequence[SentenceBlock]) -> bool:
    """Whether orjson may write these records as they are: their fields are the JSON's keys
    in the same order, so only the similarities need checking (floats, to four places)."""
    similarities = [b.similarity for b in blocks]
    # Rounding is slow and most similarities are 1.0 or 0.0: each value is checked once.
    return set(map(type, similarities)) <= {float} and all(
        value == round(value, 4) for value in set(similarities)
    )


def _made_bytes(made: Sequence[Block] | Sequence[SentenceBlock]) -> bytes:
    """The JSON of a comparison's blocks or sentence blocks: written ahead, or now from the
    records themselves where they are written as is (:func:`_written_as_is`), else from
    their plain data."""
    ahead = _ahead(made)
    if ahead is not None:
        return ahead
    if _written_as_is(made):
        return _dumps_bytes(made)
    if made and isinstance(made[0], SentenceBlock):
        return _dumps_bytes(_sentences_data(made))  # type: ignore[arg-type]
    return _dumps_bytes(_blocks_data(made))  # type: ignore[arg-type]


def _blocks_data(blocks: Sequence[Block]) -> list[dict[str, Any]]:
    return [
        {
            "op": block.op,
            "a": list(block.a),
            "b": list(block.b),
            "similarity": _similarity(block.similarity),
            "moved": block.moved,
            "cosmetic": block.cosmetic,
        }
        for block in blocks
    ]


def _sentences_data(sentences: Sequence[SentenceBlock]) -> list[dict[str, Any]]:
    return [
        {
            "op": block.op,
            "a": [list(pair) for pair in block.a],
            "b": [list(pair) for pair in block.b],
            "similarity": _similarity(block.similarity),
            "moved": block.moved,
            "cosmetic": block.cosmetic,
            "words": word_ops(block.words) if block.words else [],
        }
        for block in sentences
    ]


def _change_dict(change: Change, sentence: bool = True) -> dict[str, Any]:
    """A change as plain data; ``sentence``: with the index of its sentence block."""
    data: dict[str, Any] = {
        "kind": change.kind,
        "action": change.action,
        "old": change.old,
        "new": change.new,
        "severity": change.severity,
    }
    if sentence:
        data["sentence"] = change.sentence
    data["detail"] = change.detail
    return data


def comparison_dict(c: Comparison, generated_at: str | None = None) -> dict[str, Any]:
    """A pairwise comparison as plain data (schema ``storydiff.compare/1``)."""
    return _comparison_data(c, generated_at, records=False)


def _comparison_data(c: Comparison, generated_at: str | None, records: bool) -> dict[str, Any]:
    """``records``: leave changes as the frozen records they are, which orjson writes
    exactly as the plain data would read, and the documents, blocks and sentence blocks out
    (see :func:`comparison_pieces`)."""
    data: dict[str, Any] = {"schema": COMPARE_SCHEMA}
    if generated_at is not None:
        data["generated_at"] = generated_at
    if not records:  # (comparison_pieces writes them, in this place)
        data["documents"] = {
            "old": _document_data(c.old, False),
            "new": _document_data(c.new, False),
        }
        data["alignment"] = _blocks_data(c.blocks)
        data["sentences"] = _sentences_data(c.sentences)
    data["title"] = word_ops(c.title_words)
    data["changes"] = c.changes if records else [_change_dict(change) for change in c.changes]
    # Headline changes belong to no sentence block: no "sentence" key.
    data["title_changes"] = [_change_dict(change, sentence=False) for change in c.title_changes]
    data["standfirst"] = word_ops(c.standfirst_words)
    data["standfirst_changes"] = [
        _change_dict(change, sentence=False) for change in c.standfirst_changes
    ]
    data["summary"] = {
        "changed": c.summary.changed,
        "headline_changed": c.summary.headline_changed,
        "standfirst_changed": c.summary.standfirst_changed,
        "edited_without_note": c.summary.edited_without_note,
        "undated_edit": c.summary.undated_edit,
        "noted": [{"change": change, "note": note} for change, note in c.summary.noted],
        "noted_title": [{"change": ch, "note": note} for ch, note in c.summary.noted_title],
        "noted_standfirst": [
            {"change": ch, "note": note} for ch, note in c.summary.noted_standfirst
        ],
        "similarity": _similarity(c.summary.similarity),
        "paragraphs": _counts(c.summary.paragraphs),
        "breaks_only": c.summary.breaks_only,
        "credits_only": c.summary.credits_only,
        "unshown": list(c.summary.unshown),
        "sentences": _counts(c.summary.sentences),
        "warnings": list(c.summary.warnings),
    }
    if c.summary.out_of_order:
        # Only with --no-moves on a reordered story: every other JSON stays as it was.
        data["summary"]["out_of_order"] = c.summary.out_of_order
    if c.summary.changed_beyond_note:
        # Only where a note leaves changes out: every other comparison's JSON stays as it was.
        data["summary"] |= {
            "changed_beyond_note": True,
            "beyond_note": list(c.summary.beyond_note),
            "beyond_note_title": list(c.summary.beyond_note_title),
            "beyond_note_standfirst": list(c.summary.beyond_note_standfirst),
        }
    data["options"] = {
        "threshold": c.options.threshold,
        "sentence_threshold": c.options.sentence_threshold,
        "detect_moves": c.options.detect_moves,
        "context": c.options.context,
        "shrink_warning": c.options.shrink_warning,
        "facets": c.options.facets,
    }
    return data


def comparison(c: Comparison, generated_at: str | None = None) -> str:
    """A pairwise comparison as a JSON document (schema ``storydiff.compare/1``): the JSON
    of :func:`comparison_dict`, written without building its ~10,000 dicts for a long story
    (orjson writes the frozen records directly; 10 ms instead of 40 ms at 2,000 paragraphs)."""
    return comparison_bytes(c, generated_at).decode()


def comparison_bytes(c: Comparison, generated_at: str | None = None) -> bytes:
    """:func:`comparison` as the UTF-8 bytes it is written as (the CLI writes the pieces they
    are joined from, :func:`comparison_pieces`, as they are: no decode and encode of a
    2,000-paragraph report's 4.7 MB, ~15 ms, nor a copy)."""
    return b"".join(comparison_pieces(c, generated_at))


@paused_gc()
def comparison_pieces(c: Comparison, generated_at: str | None = None) -> tuple[bytes, ...]:
    """:func:`comparison_bytes` in the pieces it joins: each document's JSON (written ahead,
    most of the report: 3.5 MB of 4.7 at 2,000 paragraphs) and that of the blocks and the
    sentence blocks (most of the rest) as they are, between the JSON of the rest. Written to
    stdout piece by piece, the report is never copied into one whole (a new 4.7 MB, a page
    fault for each 4 KB of it: ~3 ms)."""
    data = _comparison_data(c, generated_at, records=True)
    head = {key: data.pop(key) for key in ("schema", "generated_at") if key in data}
    # The blocks' and sentences' JSON (written ahead: 1 MB at 2,000 paragraphs) are pieces
    # of their own too: in the rest's JSON they were copied three times (into orjson's
    # output, its slice and the join: ~750 page faults after the worker's answer).
    return (
        _dumps_bytes(head)[:-1] + b',"documents":{"old":',
        _document_bytes(c.old),
        b',"new":',
        _document_bytes(c.new),
        b'},"alignment":',
        _made_bytes(c.blocks),
        b',"sentences":',
        _made_bytes(c.sentences),
        b"," + _dumps_bytes(data)[1:],
    )


def _document_bytes(document: Document) -> bytes:
    """The JSON of :func:`_document_data` with records: written ahead, or now."""
    ahead = _ahead(document)
    return ahead if ahead is not None else _dumps_bytes(_document_data(document, records=True))
