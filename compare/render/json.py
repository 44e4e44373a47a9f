"""JSON output. Every shape here has a JSON Schema in ``compare/schema/``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from compare.model import Document, Provenance


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
    return {
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
        "paragraphs": [
            {"text": p.text, "sentences": list(p.sentences)} for p in document.paragraphs
        ],
    }


def dumps(data: Any) -> str:
    """Deterministic, readable JSON."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def documents(docs: Sequence[Document]) -> str:
    """A JSON array of documents in input order."""
    return dumps([document_dict(d) for d in docs])
