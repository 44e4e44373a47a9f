"""Plain-text and terminal output."""

from __future__ import annotations

from compare.model import Document


def document(doc: Document) -> str:
    """A metadata block, then numbered paragraphs."""
    lines: list[str] = []
    fields = [
        ("title", doc.title),
        ("site", doc.site_name),
        ("authors", ", ".join(doc.authors) or None),
        ("published", doc.published),
        ("modified", doc.modified),
        ("url", doc.url),
        ("language", doc.language),
        ("summary", doc.summary),
        ("source", doc.provenance.spec),
        ("words", str(doc.word_count)),
    ]
    for name, value in fields:
        if value:
            lines.append(f"{name + ':':<11}{value}")
    lines.append("")
    width = len(str(len(doc.paragraphs)))
    for i, paragraph in enumerate(doc.paragraphs, 1):
        lines.append(f"[{i:>{width}}] {paragraph.text}")
    return "\n".join(lines)
