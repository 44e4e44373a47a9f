"""Snapshot -> Document: HTML through trafilatura; plain text and Markdown."""

from __future__ import annotations

from compare.errors import ExtractionError
from compare.model import Document, Paragraph, Snapshot
from compare.text import clean_whitespace, split_sentences


def extract(snapshot: Snapshot) -> Document:
    """Extract the article of one snapshot."""
    text = snapshot.text()
    if snapshot.kind == "html":
        import trafilatura

        text = trafilatura.extract(text) or ""
    blocks = [clean_whitespace(b) for b in text.replace("\r\n", "\n").split("\n")]
    paragraphs = tuple(Paragraph(b, tuple(split_sentences(b))) for b in blocks if b)
    if not paragraphs:
        raise ExtractionError(f"no article text in {snapshot.provenance.spec}", "")
    return Document(paragraphs=paragraphs, provenance=snapshot.provenance)
