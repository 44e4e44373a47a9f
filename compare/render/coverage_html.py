"""The multi-outlet HTML report: claims x outlets, one self-contained, accessible file.

Rows are claims, columns are outlets; each cell shows the outlet's wording with its word
differences from the claim's representative wording, and an outlet that does not carry
the claim gets a plainly empty cell. Filters show the claims unique to one outlet, the
disputed facts, the quotes and the omissions; a heat map shows how many claims each pair of
outlets has in common, and links to the pairwise side-by-side reports, which the caller
writes as files in the same folder (see :func:`pair_reports`).

It shares the look of the pairwise report (``static/report.css``) and its safety rules:
every string from a page is escaped, no markup, link or script from a source survives, and
the Content-Security-Policy allows exactly the inline CSS and JS blocks by their hash.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from compare.model import CompareOptions
from compare.multi import Claim, ClaimMember, Coverage, Disagreement, as_told
from compare.render.coverage_text import (
    NOTE_NAMES,
    chosen_words,
    headline,
    note_where,
    notes_shown,
    outlet_keys,
    reuse_sentence,
)

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"

#: Heat-map shades: similarity is shown in ten steps (and always as a number too).
SHADES = 10


@dataclass(frozen=True)
class OutletView:
    """One column of the matrix."""

    doc: int
    """Index into ``Coverage.documents``."""
    key: str
    """The column key: A, B, C, ..."""
    label: str
    """The outlet's name."""
    title: str
    """Its headline."""
    published: str | None
    """Its publication date as the page gives it."""
    url: str | None
    """Its http(s) URL, else ``None``."""
    host: str
    """The URL's host without ``www.``, shown as the link text."""
    sentences: int
    """Sentences in its article."""
    claims: int
    """Claims it carries."""
    unique: int
    """Claims only it carries."""
    lang: str | None
    """The article's language tag."""
    pairs: tuple[tuple[str, str, str], ...] = ()
    """(key, label, link) of the side-by-side report with each other outlet."""
    notes: str = ""
    """Its newsroom notes in a few words ("a correction"), or empty."""
    published_html: Markup | None = None
    """The date as shown: the day and the time to the minute, each kept whole (a printed
    card broke "2026-04-14 19:40" at a hyphen); a date in other words as the page gives it."""


@dataclass(frozen=True)
class CellView:
    """One outlet's take on one claim."""

    key: str
    """The outlet's column key."""
    label: str
    """The outlet's name (for screen readers)."""
    status: str
    """``verbatim``, ``reworded`` or ``absent``."""
    html: Markup
    """The outlet's wording, marked against the claim's wording."""
    where: str
    """Where it stands in the outlet's article (¶ 3)."""
    representative: bool
    """This is the wording shown for the claim."""
    disputed: str
    """What this outlet states differently, or empty."""
    shared: bool
    """A merged or split sentence carries the claim."""
    lang: str | None = None
    """The outlet's language tag, for screen readers and hyphenation."""


@dataclass(frozen=True)
class RowView:
    """One claim."""

    id: str
    """The claim id, also the row's anchor."""
    html: Markup
    """The claim's representative wording."""
    cells: tuple[CellView, ...]
    """One per outlet in the matrix."""
    tags: tuple[str, ...]
    """Short notes: only in one outlet, missing from one, disputed, quote."""
    unique_to: str
    """The key of the only outlet carrying it, else empty."""
    missing: str
    """Keys of the outlets that leave it out, space-separated."""
    disputed: bool
    """Some outlets state a fact differently."""
    quote: bool
    """Some outlet quotes someone directly."""
    agent: Markup | None = None
    """Who did harm, named by some outlets and left out by others, in words."""
    framing: tuple[Markup, ...] = ()
    """Each thing the outlets name with words of different groups, in words."""
    hedge: Markup | None = None
    """Which outlets hedge the claim and which state it flatly, in words."""
    disputes: tuple[tuple[str, Markup], ...] = ()
    """Each disagreement as its label ("number") and its sides (HTML: the outlets' names and
    words escaped): the matrix shows them after each other, the summary sets the claim's
    wording between them."""


@dataclass(frozen=True)
class NoteView:
    """One newsroom note: what an outlet says of its own article."""

    key: str
    """The outlet's column key."""
    label: str
    """The outlet's name."""
    kind: str
    """``a correction``, ``an update``, ...: as a sentence says it."""
    where: str
    """Where it stands in the outlet's article (¶ 15)."""
    text: str
    """The note, its paragraphs run together."""
    claims: tuple[str, ...]
    """The claims that hold it (an update that carries news), else none."""
    lang: str | None = None
    """The outlet's language tag."""


@dataclass(frozen=True)
class HeatCell:
    """One cell of the similarity heat map."""

    value: str
    """The share in per cent, as text (“54”; the template adds the sign)."""
    shade: int
    """0..10: how dark the cell is."""
    href: str | None
    """The pairwise report of the two outlets, when written."""
    label: str
    """The two outlets' names."""
    diagonal: bool
    """An outlet against itself."""


def _safe_url(url: str | None) -> str | None:
    return url if url and re.match(r"https?://", url, re.IGNORECASE) else None


def _date_html(published: str | None) -> Markup:
    from compare.render.html import date_html  # (it shows what is no date as text)

    if not published:
        return Markup("")
    iso = re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d", published)
    return date_html(iso.group(0) if iso else published)


def _host(url: str | None) -> str:
    from urllib.parse import urlparse

    return (urlparse(url).hostname or "").removeprefix("www.") if url else ""


def _cell_html(member: ClaimMember, representative: str) -> Markup:
    from compare.render.html import fragments_html, text_html, unified_fragments
    from compare.worddiff import word_diff

    # A wire's dateline ("OSKAVA, Teravia (Pellar Wire) —") says who filed the story, not
    # what happened, and claims are grouped without it: a rewrite that drops it should
    # not open every cell with it struck through. The cell's own dateline stays as text.
    lead = _dateline(member.text)
    text = member.text[len(lead) :]
    ops = word_diff(representative[len(_dateline(representative)) :], text)
    if member.text == representative or not any(op.op == "equal" for op in ops):
        # A sentence rewritten from scratch reads best as itself, not struck through whole.
        return text_html(member.text)
    return fragments_html([("", lead), *unified_fragments(ops)] if lead else unified_fragments(ops))


def _dateline(sentence: str) -> str:
    """The dateline a sentence opens with, or ""."""
    from compare.datelines import opening_dateline

    found = opening_dateline(sentence)
    return found.group(0) if found else ""


def _row(claim: Claim, coverage: Coverage, keys: dict[int, str]) -> RowView:
    from compare.render.html import text_html

    disputed_by: dict[int, str] = {}
    for d in claim.disagreements:
        counts: dict[str, int] = {}
        for _, value in d.values:
            counts[value] = counts.get(value, 0) + 1
        majority = max(counts, key=lambda v: counts[v])
        own = dict(d.words)
        for doc, value in d.values:
            if value != majority:
                disputed_by[doc] = f"{d.label}: {as_told(own.get(doc, value))[0]}"
    cells: list[CellView] = []
    for doc in coverage.outlets:
        members = [m for m in claim.members if m.doc == doc]
        label = coverage.labels[doc]
        if not members:
            cells.append(CellView(keys[doc], label, "absent", Markup(""), "", False, "", False))
            continue
        member = members[0]
        representative = doc == claim.representative
        # Both halves of a sentence the outlet split in two show in its cell, in the
        # outlet's reading order (the half that holds the claim's place may come second).
        html = Markup(" ").join(
            text_html(m.text) if representative and m is member else _cell_html(m, claim.text)
            for m in sorted(members, key=lambda m: (m.paragraph, m.sentence))
        )
        cells.append(
            CellView(
                key=keys[doc],
                label=label,
                status=member.status,
                html=html,
                where=f"¶ {member.paragraph + 1}",
                representative=representative,
                disputed=disputed_by.get(doc, ""),
                shared=any(m.shared for m in members),
                lang=coverage.documents[doc].language,
            )
        )
    carried = len(claim.outlets)
    unique_to = keys[claim.outlets[0]] if carried == 1 and len(coverage.outlets) > 1 else ""
    missing = [d for d in coverage.outlets if claim.member(d) is None]
    tags: list[str] = []
    if unique_to:
        tags.append(f"only in {coverage.labels[claim.outlets[0]]}")
    elif len(missing) == 1 and len(coverage.outlets) > 2:
        tags.append(f"missing from {coverage.labels[missing[0]]}")
    if claim.disagreements:
        tags.append("disputed")
    if claim.agent is not None:
        tags.append("who did it left out")
    if claim.framing:
        tags.append("words chosen")
    if claim.hedge is not None:
        tags.append("hedged")
    if claim.quote:
        tags.append("quote")
    return RowView(
        id=claim.id,
        html=text_html(claim.text),
        cells=tuple(cells),
        tags=tuple(tags),
        unique_to=unique_to,
        missing=" ".join(keys[d] for d in missing),
        disputed=bool(claim.disagreements),
        quote=claim.quote,
        disputes=tuple((d.label, _sides(coverage, d)) for d in claim.disagreements),
        agent=None if claim.agent is None else _agent_told(coverage, claim),
        framing=_words_told(coverage, claim),
        hedge=None if claim.hedge is None else _hedge_told(coverage, claim),
    )


def _hedge_told(coverage: Coverage, claim: Claim) -> Markup:
    """'hedged: “reportedly” — Courier; stated flatly — Wire, Gazette'."""
    hedge = claim.hedge
    assert hedge is not None
    hedged = "; ".join(
        f"“{_isolated(words)}” — {_isolated(coverage.labels[doc])}" for doc, words in hedge.hedged
    )
    flat = ", ".join(_isolated(coverage.labels[d]) for d in hedge.flat)
    return Markup(f"hedged: {hedged}; stated flatly — {flat}")


def _words_told(coverage: Coverage, claim: Claim) -> tuple[Markup, ...]:
    """'rulers: “government”, “authorities” — Wire, Courier; “regime” — Gazette' per family."""
    told = []
    for chosen in claim.framing:
        said = "; ".join(
            ", ".join(f"“{_isolated(word)}”" for word in chosen_words(choice))
            + f" — {', '.join(_isolated(coverage.labels[d]) for d in choice.outlets)}"
            for choice in chosen.choices
        )
        told.append(Markup(f"{chosen.family}: {said}"))
    return tuple(told)


def _agent_told(coverage: Coverage, claim: Claim) -> Markup:
    """'who did it: “Police shot a man” — Wire, Gazette; left out: “A man was shot” — Courier'."""
    agent = claim.agent
    assert agent is not None
    named = ", ".join(_isolated(coverage.labels[d]) for d in agent.named)
    left_out = ", ".join(_isolated(coverage.labels[d]) for d in agent.left_out)
    return Markup(
        f"who did it: “{_isolated(agent.named_words)}” — {named}; left out: "
        f"“{_isolated(agent.left_out_words)}” — {left_out}"
    )


def _isolated(text: str) -> str:
    """``text`` escaped in a ``<bdi>``: an Arabic or Hebrew outlet's name or figure set in an
    English sentence would otherwise reorder the words around it ("“12” — <Arabic name>"
    shown beside the other outlet's name)."""
    return str(Markup("<bdi>{}</bdi>").format(text))


def _told(words: str) -> str:
    """A side's words as the page shows them: quoted, but for a negation's side that has
    none (multi.as_told)."""
    text, quoted = as_told(words)
    return f"“{_isolated(text)}”" if quoted else _isolated(text)


def _sides(coverage: Coverage, disagreement: Disagreement) -> Markup:
    """A disagreement's sides, each wording with the outlets that use it ("“four cracks” —
    Wire, Gazette; “four fractures” — Metro / “three cracks” — Ledger"). Each side is a
    ``stance`` span (report.css has ``side``), which the page sets on a line of its own:
    run together, the " / " between the sides was lost among the "; " and the commas of a
    side's outlets (the slash stays for screen readers and for copying)."""
    said = '<span class="vs"> / </span>'.join(
        '<span class="stance">'
        + "; ".join(
            f"{_told(words)} — {', '.join(_isolated(coverage.labels[d]) for d in docs)}"
            for words, docs in side
        )
        + "</span>"
        for side in disagreement.sides()
    )
    return Markup(said)


def pair_name(stem: str, coverage: Coverage, a: int, b: int) -> str:
    """The file name of the pairwise report of documents ``a`` and ``b``."""
    keys = outlet_keys(coverage)
    return f"{stem}-{keys[a]}{keys[b]}.html"


def render_coverage(
    coverage: Coverage,
    *,
    generated_at: str,
    template_dir: Path | None = None,
    pair_href: Callable[[int, int], str] | None = None,
) -> str:
    """The self-contained HTML report of a coverage. ``pair_href(a, b)`` gives the link to
    the pairwise report of documents ``a`` and ``b`` (``a`` before ``b`` in input order);
    without it the report has no pairwise links. ``generated_at`` is printed in the footer:
    the renderer never reads the clock."""

    from compare import __version__
    from compare.render.html import _environment, csp_hash, render_template, static_text

    keys = outlet_keys(coverage)
    # The pairwise report's environment (the same folders): its template compiles once per
    # process, not once per report (half of a coverage report's render time).
    env = _environment(template_dir)
    css = static_text("report.css", template_dir) + "\n" + static_text("coverage.css", template_dir)
    js = static_text("nav.js", template_dir) + "\n" + static_text("coverage.js", template_dir)
    policy = (
        "default-src 'none'; "
        f"style-src {csp_hash(css)}; script-src {csp_hash(js)}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    outlets = []
    for doc in coverage.outlets:
        document = coverage.documents[doc]
        outlets.append(
            OutletView(
                doc=doc,
                key=keys[doc],
                label=coverage.labels[doc],
                title=document.title or "",
                published=document.published,
                url=_safe_url(document.url or document.provenance.url),
                host=_host(document.url or document.provenance.url),
                sentences=sum(len(p.sentences) for p in document.paragraphs),
                claims=sum(1 for c in coverage.claims if c.member(doc) is not None),
                unique=len(coverage.unique(doc)),
                lang=document.language,
                pairs=tuple(
                    (keys[other], coverage.labels[other], pair_href(*sorted((doc, other))))
                    for other in coverage.outlets
                    if other != doc and pair_href is not None
                ),
                notes=", ".join(NOTE_NAMES[note.kind] for note in coverage.notes_of(doc)),
                published_html=_date_html(document.published),
            )
        )
    notes = [
        NoteView(
            key=keys[note.doc],
            label=coverage.labels[note.doc],
            kind=NOTE_NAMES[note.kind],
            where=note_where(note),
            text=" ".join(note.text.split()),
            claims=note.claims,
            lang=coverage.documents[note.doc].language,
        )
        for note in notes_shown(coverage)
    ]
    heat: list[tuple[OutletView, list[HeatCell]]] = []
    for row in outlets:
        cells = []
        for col in outlets:
            value = coverage.similarity[row.doc][col.doc]
            diagonal = row.doc == col.doc
            a, b = sorted((row.doc, col.doc))
            cells.append(
                HeatCell(
                    value=f"{value * 100:.0f}",
                    shade=0 if diagonal else round(value * SHADES),
                    href=pair_href(a, b) if pair_href is not None and not diagonal else None,
                    label=f"{row.label} and {col.label}",
                    diagonal=diagonal,
                )
            )
        heat.append((row, cells))
    rows = [_row(claim, coverage, keys) for claim in coverage.claims]
    # The report is named after the outlet that shares the most claims with the others
    # (the claims' order, by shared sentences, mostly follows it too), not the one with
    # the most claims: a rewrite that
    # adds a local angle has the most and would title the report with its side story.
    spine = max(
        coverage.outlets,
        key=lambda d: (
            sum(1 for c in coverage.claims if len(c.outlets) > 1 and c.member(d) is not None),
            -d,
        ),
    )
    title = coverage.documents[spine].title or "Coverage"
    if coverage.headline_figures_differ:
        # One outlet's headline would title the report with its side of a disputed figure
        # ("… kills 12" against "Fourteen dead"): the report is named by what it is, and
        # each headline is shown as its outlet's.
        title = ""
    context: dict[str, Any] = {
        "title": title,
        "headlines": [
            (coverage.labels[d], coverage.documents[d].title)
            for d in coverage.outlets
            if coverage.documents[d].title
        ],
        "lang": coverage.documents[spine].language or "en",
        "headline": headline(coverage),
        "outlets": outlets,
        "rows": rows,
        "heat": heat,
        # Only the names come from the pages, and _isolated escapes them.
        "reuse": [Markup(reuse_sentence(coverage, r, _isolated)) for r in coverage.reuse],
        "set_aside": [
            (coverage.labels[s.doc], coverage.documents[s.doc].title or "", s.plain_reason)
            for s in coverage.set_aside
        ],
        "warnings": list(coverage.warnings),
        "notes": notes,
        "disputed": [r for r in rows if r.disputed],
        "agents": [r for r in rows if r.agent is not None],
        "framed": [r for r in rows if r.framing],
        "hedged": [r for r in rows if r.hedge is not None],
        "pairs": pair_href is not None,
        "generated_at": generated_at,
        "version": __version__,
        "css": Markup(css),
        "js": Markup(js),
        "csp": policy,
    }
    return render_template(env, "coverage.html.j2", context, template_dir)


def pair_reports(
    coverage: Coverage,
    *,
    stem: str,
    generated_at: str,
    template_dir: Path | None = None,
    options: CompareOptions | None = None,
    back_href: str | None = None,
) -> dict[str, str]:
    """File name -> HTML of the pairwise report of every two outlets in the matrix, compared
    with ``options``. OLD is the one published first when the dates tell, else the earlier
    input. ``back_href`` (relative, URL-quoted) links each back to the coverage report."""
    from compare import compare
    from compare.multi import published_first
    from compare.render.html import render_comparison

    reports: dict[str, str] = {}
    docs = coverage.outlets
    for i, a in enumerate(docs):
        for b in docs[i + 1 :]:
            old, new = coverage.documents[a], coverage.documents[b]
            if published_first(old, new) == 1:
                old, new = new, old
            comparison = compare(old, new, options)
            reports[pair_name(stem, coverage, a, b)] = render_comparison(
                comparison,
                generated_at=generated_at,
                template_dir=template_dir,
                back_href=back_href,
            )
    return reports
