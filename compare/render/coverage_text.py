"""Terminal and Markdown views of a multi-outlet comparison: the claims x outlets matrix with
✓ (verbatim) / ~ (reworded) / · (absent) marks, then unique claims, omissions, disputed
facts, outlet similarity and text reuse."""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Callable

from compare.multi import Claim, Coverage, Reuse
from compare.render import GITHUB_LIMIT, fitting

MARKS = {"verbatim": "✓", "reworded": "~", "absent": "·"}
LEGEND = "✓ verbatim   ~ reworded   · absent   ! the outlets disagree on a fact"


def outlet_keys(coverage: Coverage) -> dict[int, str]:
    """A short column key per document in the matrix: A, B, C, ..."""
    letters = string.ascii_uppercase
    return {
        doc: letters[i] if i < len(letters) else f"Z{i}" for i, doc in enumerate(coverage.outlets)
    }


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns, with an ellipsis when cut."""
    if _width(text) <= width:
        return text + " " * (width - _width(text))
    out, used = [], 0
    for char in text:
        w = _width(char)
        if used + w > width - 1:
            break
        out.append(char)
        used += w
    return "".join(out) + "…" + " " * (width - used - 1)


def _percent(share: float) -> str:
    return f"{share * 100:.0f} %"


def reuse_sentence(coverage: Coverage, reuse: Reuse, name: Callable[[str], str] = str) -> str:
    """``B reuses 54 % of A's sentences word for word (7 sentences) ...``; ``name`` sets
    an outlet's name in the sentence (the HTML report isolates it for right-to-left names)."""
    source, target = name(coverage.labels[reuse.source]), name(coverage.labels[reuse.target])
    text = (
        f"{target} reuses {_percent(reuse.share_of_source)} of {source}'s sentences word for "
        f"word ({reuse.sentences} sentences, {_percent(reuse.share_of_target)} of its own)"
    )
    if reuse.runs:
        longest = max(run.length for run in reuse.runs)
        text += f"; longest run {longest} sentences in a row"
    if reuse.original is not None:
        text += f"; {name(coverage.labels[reuse.original])} published first"
    return text + "."


def headline(coverage: Coverage) -> str:
    """One line: how many outlets, claims, unique claims and disputes."""
    n = len(coverage.outlets)
    claims = len(coverage.claims)
    shared_by_all = sum(1 for c in coverage.claims if len(c.outlets) == n)
    unique = sum(len(coverage.unique(d)) for d in coverage.outlets)
    disputed = len(coverage.disputed)
    parts = [
        f"{n} outlets",
        f"{claims} claims",
        f"{shared_by_all} carried by all",
        f"{unique} unique to one outlet",
        f"{disputed} with disputed facts",
    ]
    if coverage.set_aside:
        parts.append(f"{len(coverage.set_aside)} input set aside")
    return ", ".join(parts)


def _marks(claim: Claim, coverage: Coverage) -> str:
    return " ".join(MARKS[claim.status(doc)] for doc in coverage.outlets)


def coverage_text(coverage: Coverage, width: int = 100) -> str:
    """The terminal summary."""
    keys = outlet_keys(coverage)
    lines = [f"Coverage: {headline(coverage)}", ""]
    for doc in coverage.outlets:
        document = coverage.documents[doc]
        sentences = sum(len(p.sentences) for p in document.paragraphs)
        when = (document.published or "")[:16].replace("T", " ")
        lines.append(
            f"  {keys[doc]}  {_clip(coverage.labels[doc], 28)} {when:<17}{sentences:>4} sentences"
        )
    for aside in coverage.set_aside:
        lines.append(f"  -  {coverage.labels[aside.doc]}: set aside, {aside.reason}")
    for warning in coverage.warnings:
        lines.append(f"  warning: {warning}")
    lines.append("")
    marks_width = 2 * len(coverage.outlets) - 1
    id_width = max((len(c.id) for c in coverage.claims), default=2)
    text_width = max(20, width - id_width - marks_width - 6)
    header_keys = " ".join(keys[d] for d in coverage.outlets)
    lines.append(f"{'':<{id_width}}  {_clip('claim', text_width)}  {header_keys}")
    for claim in coverage.claims:
        flag = "!" if claim.disagreements else " "
        lines.append(
            f"{claim.id:<{id_width}}  {_clip(claim.text, text_width)}  {_marks(claim, coverage)} "
            f"{flag}".rstrip()
        )
    lines += ["", LEGEND]
    lines += _sections(coverage, keys, markdown=False)
    return "\n".join(lines)


def _sections(coverage: Coverage, keys: dict[int, str], markdown: bool) -> list[str]:
    bullet = "- " if markdown else "  "
    out: list[str] = []

    def title(text: str) -> None:
        out.extend(["", f"## {text}" if markdown else f"{text}:"])

    def name(doc: int) -> str:
        return coverage.labels[doc] if markdown else f"{keys[doc]} {coverage.labels[doc]}"

    if coverage.disputed:
        title("Disputed facts")
        for claim in coverage.disputed:
            for d in claim.disagreements:
                out.append(f"{bullet}{claim.id} {d.kind}: {_named(coverage, d.values)}")
    unique = [(d, coverage.unique(d)) for d in coverage.outlets]
    if any(claims for _, claims in unique):
        title("Only in one outlet")
        for doc, claims in unique:
            if claims:
                out.append(f"{bullet}{name(doc)}: {', '.join(c.id for c in claims)}")
    missing = coverage.all_but_one()
    if missing:
        title("Left out by one outlet")
        for claim, doc in missing:
            out.append(f"{bullet}{claim.id} missing from {name(doc)}")
    if len(coverage.outlets) > 1:
        title("Claims in common (share of claims either carries)")
        docs = coverage.outlets
        if markdown:
            out.append("| | " + " | ".join(coverage.labels[d] for d in docs) + " |")
            out.append("|---" * (len(docs) + 1) + "|")
            for a in docs:
                cells = " | ".join(_percent(coverage.similarity[a][b]) for b in docs)
                out.append(f"| {coverage.labels[a]} | {cells} |")
        else:
            out.append("     " + "".join(f"{keys[d]:>6}" for d in docs))
            for a in docs:
                cells = "".join(f"{_percent(coverage.similarity[a][b]):>6}" for b in docs)
                out.append(f"  {keys[a]}  {cells}")
    if coverage.reuse:
        title("Text reuse")
        for reuse in coverage.reuse:
            out.append(bullet + reuse_sentence(coverage, reuse))
    return out


def _named(coverage: Coverage, values: tuple[tuple[int, str], ...]) -> str:
    groups: dict[str, list[str]] = {}
    for doc, value in values:
        groups.setdefault(value, []).append(coverage.labels[doc])
    return " / ".join(f"{value!r} ({', '.join(names)})" for value, names in groups.items())


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def coverage_markdown(
    coverage: Coverage, snippet: int = 90, limit: int | None = GITHUB_LIMIT
) -> str:
    """A Markdown summary for a pull-request comment or a note. Longer than ``limit``
    characters (GitHub's cap for a comment by default; None for no cap), the claims table
    stops where it must, with a line counting the claims left out."""
    keys = outlet_keys(coverage)
    docs = coverage.outlets
    lines = [f"# Coverage: {headline(coverage)}", ""]
    for doc in docs:
        lines.append(f"- **{keys[doc]}** {_md_cell(coverage.labels[doc])}")
    for aside in coverage.set_aside:
        lines.append(f"- set aside: {_md_cell(coverage.labels[aside.doc])} — {aside.reason}")
    lines += ["", "| claim | " + " | ".join(keys[d] for d in docs) + " |"]
    lines.append("|---" * (len(docs) + 1) + "|")
    rows = []
    for claim in coverage.claims:
        text = claim.text if len(claim.text) <= snippet else claim.text[: snippet - 1] + "…"
        flag = " ⚠" if claim.disagreements else ""
        marks = " | ".join(MARKS[claim.status(d)] for d in docs)
        rows.append(f"| {claim.id}{flag} {_md_cell(text)} | {marks} |")
    tail = ["", LEGEND.replace("!", "⚠"), *_sections(coverage, keys, markdown=True)]
    if limit is not None:
        # Room for the note below; the header and the sections after the table stay whole.
        budget = limit - len("\n".join([*lines, *tail])) - 300
        kept = fitting((len(row) + 1 for row in rows), budget)
        if kept < len(rows):
            rows = [
                *rows[:kept],
                "",
                f"*The table stops here to stay under {limit:,} characters (a GitHub comment "
                f"takes {GITHUB_LIMIT:,}): {len(rows) - kept:,} more claims are not shown. "
                "`--md-limit 0` writes them all; `--format html` shows them with their "
                "wording.*",
            ]
    return "\n".join([*lines, *rows, *tail])
