"""JSON output of a multi-outlet comparison (schema ``storydiff.coverage/1``)."""

from __future__ import annotations

from typing import Any

from compare.multi import Coverage, Disagreement
from compare.render.json import document_dict, dumps

COVERAGE_SCHEMA = "storydiff.coverage/1"


def coverage_dict(coverage: Coverage, generated_at: str | None = None) -> dict[str, Any]:
    """A coverage as plain data. Document indices (``doc``) are positions in ``documents``;
    ``paragraph`` and ``sentence`` index that document's paragraphs and their sentences."""
    data: dict[str, Any] = {"schema": COVERAGE_SCHEMA}
    if generated_at is not None:
        data["generated_at"] = generated_at
    data["documents"] = [
        {**document_dict(document), "label": label, "in_matrix": i in coverage.outlets}
        for i, (document, label) in enumerate(zip(coverage.documents, coverage.labels, strict=True))
    ]
    data["outlets"] = list(coverage.outlets)
    data["changed"] = coverage.changed
    data["set_aside"] = [
        {"doc": s.doc, "similarity": s.similarity, "reason": s.reason} for s in coverage.set_aside
    ]
    data["claims"] = [
        {
            "id": claim.id,
            "text": claim.text,
            "representative": claim.representative,
            "outlets": list(claim.outlets),
            "members": [
                {
                    "doc": m.doc,
                    "paragraph": m.paragraph,
                    "sentence": m.sentence,
                    "text": m.text,
                    "status": m.status,
                    "similarity": m.similarity,
                    "shared": m.shared,
                }
                for m in claim.members
            ],
            "disagreements": [
                {
                    "kind": d.kind,
                    "subject": d.subject,
                    "values": _values(d),
                    "detail": d.detail,
                }
                for d in claim.disagreements
            ],
            "quote": claim.quote,
            "agent": None
            if claim.agent is None
            else {
                "named": list(claim.agent.named),
                "left_out": list(claim.agent.left_out),
                "named_words": claim.agent.named_words,
                "left_out_words": claim.agent.left_out_words,
            },
            "framing": [
                {
                    "family": chosen.family,
                    "choices": [
                        {
                            "group": choice.group,
                            "words": [{"doc": doc, "word": word} for doc, word in choice.words],
                        }
                        for choice in chosen.choices
                    ],
                }
                for chosen in claim.framing
            ],
            "hedge": None
            if claim.hedge is None
            else {
                "hedged": [{"doc": doc, "words": words} for doc, words in claim.hedge.hedged],
                "flat": list(claim.hedge.flat),
            },
        }
        for claim in coverage.claims
    ]
    data["matrix"] = [[claim.status(doc) for doc in coverage.outlets] for claim in coverage.claims]
    data["unique"] = [
        {"doc": doc, "claims": [c.id for c in coverage.unique(doc)]} for doc in coverage.outlets
    ]
    data["all_but_one"] = [
        {"claim": claim.id, "missing": doc} for claim, doc in coverage.all_but_one()
    ]
    data["similarity"] = [list(row) for row in coverage.similarity]
    data["reuse"] = [
        {
            "source": r.source,
            "target": r.target,
            "sentences": r.sentences,
            "share_of_source": r.share_of_source,
            "share_of_target": r.share_of_target,
            "original": r.original,
            "runs": [
                {"source": list(run.source), "target": list(run.target), "length": run.length}
                for run in r.runs
            ],
        }
        for r in coverage.reuse
    ]
    data["warnings"] = list(coverage.warnings)
    if coverage.left_out:  # (absent when every source loaded, as before it was added)
        data["left_out"] = [
            {"source": one.source, "error": one.error, "exit_code": one.exit_code}
            for one in coverage.left_out
        ]
    data["notes"] = [
        {
            "doc": note.doc,
            "kind": note.kind,
            "paragraphs": list(note.paragraphs),
            "text": note.text,
            "claims": list(note.claims),
        }
        for note in coverage.notes
    ]
    options = coverage.options
    data["options"] = {
        "claim_threshold": options.claim_threshold,
        "support": options.support,
        "reuse_ratio": options.reuse_ratio,
        "min_shared": options.min_shared,
        "force": options.force,
        "facets": options.facets,
    }
    return data


def coverage(coverage: Coverage, generated_at: str | None = None) -> str:
    """A coverage as a JSON document (schema ``storydiff.coverage/1``)."""
    return dumps(coverage_dict(coverage, generated_at))


def _values(disagreement: Disagreement) -> list[dict[str, object]]:
    """Each outlet's side (``value``), with its own ``words`` where it states the side's
    value otherwise ("Around 2,300 residents" on the side of "About 2,300 people")."""
    own = dict(disagreement.words)
    return [
        {"doc": doc, "value": value, **({"words": own[doc]} if doc in own else {})}
        for doc, value in disagreement.values
    ]
