"""Views of a story's stored history: the ``history`` table (text or JSON) and the timeline
report, one self-contained HTML file with the versions on a time axis, the headline's
history and every consecutive change rendered as the pairwise report renders it.

Each change section is the pairwise report's own ``<main>`` (version cards, summary and the
aligned text), with its element ids prefixed so that twenty of them can share one page.
The report's stylesheet is reused; the timeline adds a few rules of its own, and the CSP
allows exactly that one inline stylesheet, as the pairwise report does.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

from markupsafe import Markup

from compare.model import CompareOptions, Document, LoadOptions
from compare.store import Store, Story, VersionInfo, address_key
from compare.text import plural

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"

_MAIN = re.compile(r'<main id="top">\s*(.*?)\s*</main>', re.S)
_IDS = re.compile(r'\b(id|aria-labelledby|aria-describedby|for)="([^"#]+)"')
_HREFS = re.compile(r'\bhref="#([^"]*)"')
_HEADINGS = re.compile(r"<(/?)h([1-4])\b")


def short_time(stored: str) -> str:
    """``2026-05-24T10:00:00.000Z`` as ``2026-05-24 10:00``."""
    return stored[:16].replace("T", " ")


def time_format(stamps: Sequence[str]) -> Callable[[str], str]:
    """How to show these stored times so that no two look the same: to the minute
    (``2026-05-24 10:00``), else to the second (``10:00:05``), else to the millisecond
    (``10:00:05.250``). Versions fetched a few seconds apart are common when tracking."""
    for length in (16, 19, 23):
        if len({s[:length] for s in stamps}) == len(stamps):
            break
    return lambda stored: stored[:length].replace("T", " ")


#: Headlines are never clipped shorter than this, however narrow the terminal.
MIN_HEADLINE = 48


def fetched_elsewhere(
    story: Story, versions: list[VersionInfo], fetches: list[dict[str, Any]]
) -> dict[int, str]:
    """The address each fetched version was first fetched from, by version number, for
    those not fetched from the address the story is tracked at: its own URL when any
    version came from it, else the one most came from. An AMP copy that lags the page
    "removes" the correction the page added; `history` did not say it came from there."""
    first = _first_fetched(fetches)
    urls = {v.number: first[v.id] for v in versions if v.source == "fetch" and v.id in first}
    # (One page's address written two ways, "?utm_source=rss" or http for https, is one.)
    keys = {number: address_key(url) for number, url in urls.items()}
    if len(set(keys.values())) < 2:
        return {}
    counts = Counter(keys.values())
    own = address_key(story.url) if story.url else None
    usual = own if own in counts else counts.most_common(1)[0][0]
    return {number: urls[number] for number, key in keys.items() if key != usual}


def moves(
    versions: list[VersionInfo], fetches: list[dict[str, Any]]
) -> dict[int, list[tuple[str, str]]]:
    """The new addresses the story was found at (a new slug, a redirect), as (time, URL),
    by the number of the version current then: a move that changed no word of the text
    stores no version, so without them `history` never named the story's new address."""
    numbers = {v.id: v.number for v in versions}
    found: dict[int, list[tuple[str, str]]] = {}
    for fetch in fetches:
        number = numbers.get(fetch.get("version_id"))  # type: ignore[arg-type]
        if fetch.get("moved_to") and number is not None:
            found.setdefault(number, []).append((fetch["fetched_at"], fetch["moved_to"]))
    return found


def moved_words(moved: Sequence[tuple[str, str]], when: Callable[[str], str]) -> str:
    """``moved to URL (2026-06-02 12:00)``, for each move, as history and the timeline say
    it."""
    return "; ".join(f"moved to {url} ({when(at)})" for at, url in moved)


def _first_fetched(fetches: list[dict[str, Any]]) -> dict[int, str]:
    """The address each version was first fetched from, by version id."""
    first: dict[int, str] = {}
    for fetch in fetches:
        if fetch.get("version_id") is not None and fetch.get("outcome") == "new":
            first.setdefault(fetch["version_id"], fetch["url"])
    return first


def history_table(
    story: Story,
    versions: list[VersionInfo],
    failing: list[dict[str, Any]] | None = None,
    width: int = 100,
    elsewhere: dict[int, str] | None = None,
    moved: dict[int, list[tuple[str, str]]] | None = None,
) -> str:
    """The versions of a story as a plain-text table for the terminal, and a last line
    when its latest fetches failed (``failing``, see :meth:`Store.failing`): a page taken
    down shows no new version, so the table alone would not tell.

    Headlines get the columns that ``width`` leaves after the others (at least
    :data:`MIN_HEADLINE`): a headline's edits are what a reader looks for first. A version
    fetched from another address than the story's (``elsewhere``, see
    :func:`fetched_elsewhere`) names it after its changes, and the new addresses the story
    was found at while it was current (``moved``, see :func:`moves`) after that."""
    from compare.track import describe_changes

    rows = [("#", "first seen (UTC)", "words", "headline", "changes")]
    when = time_format([v.first_seen for v in versions])
    for v in versions:
        note = describe_changes(v.changes)
        if elsewhere and v.number in elsewhere:  # first: a copy's lag reads as edits
            note = f"[from {elsewhere[v.number]}] {note}"
        if v.cosmetic_changes:
            note += f" (+{v.cosmetic_changes} cosmetic)"
        if v.source != "fetch":
            note += f" [{v.source}]"
        if moved and v.number in moved:
            note += f"; {moved_words(moved[v.number], when)}"
        rows.append((str(v.number), when(v.first_seen), str(v.word_count), v.title or "", note))
    fixed = sum(max(len(row[i]) for row in rows) + 2 for i in range(3))
    # A change summary too long to fit beside even the shortest headline (a warning's
    # sentence) runs past the width whatever the headlines get: it leaves them the width
    # the others leave (the shortest's, when none fits). Counted, one such row cut every
    # headline to 48 at --width 250.
    notes = [len(row[4]) for row in rows[1:]]
    fits = [n for n in notes if fixed + MIN_HEADLINE + 2 + n <= width] or [min(notes, default=0)]
    limit = max(MIN_HEADLINE, width - fixed - 2 - max(fits))
    shown = _headlines_shown([row[3] for row in rows[1:]], limit)
    rows = [
        rows[0],
        *((*row[:3], title, row[4]) for row, title in zip(rows[1:], shown, strict=True)),
    ]
    widths = [max(_columns(row[i]) for row in rows) for i in range(4)]
    lines = [f"{story.url} — {plural(len(versions), 'version')}"]
    for row in rows:
        number, seen, words, title, note = row
        lines.append(
            f"{number:>{widths[0]}}  {seen:<{widths[1]}}  {words:>{widths[2]}}  "
            f"{_pad(title, widths[3])}  {note}".rstrip()
        )
    if failing:
        since = short_time(failing[0]["fetched_at"])
        count = (
            f"the last fetch, at {since},"
            if len(failing) == 1
            else f"the last {len(failing)} fetches, since {since},"
        )
        lines.append(f"{count} failed: {failing[-1]['error']}")
    return "\n".join(lines)


def history_json(
    story: Story,
    versions: list[VersionInfo],
    failing: list[dict[str, Any]] | None = None,
    elsewhere: dict[int, str] | None = None,
    moved: dict[int, list[tuple[str, str]]] | None = None,
) -> str:
    """The versions of a story as JSON (schema ``storydiff.history/1``), with the latest
    fetches that failed (``failing``, as the text table's last line says), the address
    of each fetched from another than the story's (``elsewhere``) and the new addresses
    the story was found at while each was current (``moved``)."""
    from compare.render.json import dumps
    from compare.track import describe_changes

    return dumps(
        {
            "schema": "storydiff.history/1",
            "url": story.url,
            "failing": [
                {k: f.get(k) for k in ("fetched_at", "url", "status", "error")}
                for f in failing or []
            ],
            "versions": [
                {
                    "number": v.number,
                    "first_seen": v.first_seen,
                    "last_seen": v.last_seen,
                    "title": v.title,
                    "word_count": v.word_count,
                    "source": v.source,
                    "archive_url": v.archive_url,
                    "fetched_from": (elsewhere or {}).get(v.number),
                    "cosmetic_changes": v.cosmetic_changes,
                    "changes": v.changes,
                    "summary": describe_changes(v.changes),
                    "moved": [
                        {"fetched_at": at, "url": url}
                        for at, url in (moved or {}).get(v.number, [])
                    ],
                }
                for v in versions
            ],
        }
    )


def stories_table(
    db: Path,
    stories: list[dict[str, Any]],
    width: int = 100,
    never_fetched: Sequence[dict[str, Any]] = (),
) -> str:
    """Every story a store holds (see :meth:`Store.overview`) as a plain-text table: the
    URL to pass to ``history``, ``timeline`` or ``compare URL@N`` comes last, whole. Then
    the URLs no fetch ever succeeded for (:meth:`Store.never_fetched`), which have no story,
    marked as failing."""
    if not stories:
        if never_fetched:
            return _never_fetched_lines(f"{db} holds no stories yet", never_fetched)
        return f"{db} holds no stories yet: run `storydiff track URL` to follow one"
    rows = [("versions", "first seen (UTC)", "last seen (UTC)", "headline", "URL")]
    for s in stories:
        seen = [short_time(s[k]) if s[k] else "-" for k in ("first_seen", "last_seen")]
        rows.append((str(s["versions"]), *seen, s["title"] or "", s["url"]))
    fixed = sum(max(len(row[i]) for row in rows) + 2 for i in range(3))
    urls = max(len(row[4]) for row in rows)
    limit = max(24, width - fixed - 2 - urls)
    rows = [(*row[:3], _clip(row[3], limit), row[4]) for row in rows]
    widths = [max(_columns(row[i]) for row in rows) for i in range(4)]
    count = "1 story" if len(stories) == 1 else f"{len(stories)} stories"
    lines = [f"{db} — {count}"]
    for versions, first, last, title, url in rows:
        lines.append(
            f"{versions:>{widths[0]}}  {first:<{widths[1]}}  {last:<{widths[2]}}  "
            f"{_pad(title, widths[3])}  {url}"
        )
    return _never_fetched_lines("\n".join(lines), never_fetched)


def _never_fetched_lines(table: str, never_fetched: Sequence[dict[str, Any]]) -> str:
    if not never_fetched:
        return table
    lines = [
        table,
        "",
        f"failing — never fetched successfully ({plural(len(never_fetched), 'URL')}):",
    ]
    for u in never_fetched:
        answer = f", last answered {u['status']}" if u["status"] else ""
        lines.append(
            f"  {plural(u['attempts'], 'attempt')}, last {short_time(u['last_tried'])}{answer}"
            f"  {u['url']}"
        )
    return "\n".join(lines)


def stories_json(
    db: Path, stories: list[dict[str, Any]], never_fetched: Sequence[dict[str, Any]] = ()
) -> str:
    """Every story a store holds as JSON (schema ``storydiff.stories/1``), and the URLs no
    fetch ever succeeded for, as ``failing``."""
    from compare.render.json import dumps

    keys = ("id", "url", "title", "versions", "first_seen", "last_seen")
    data: dict[str, Any] = {
        "schema": "storydiff.stories/1",
        "db": str(db),
        "stories": [{k: s[k] for k in keys} for s in stories],
    }
    if never_fetched:
        data["failing"] = list(never_fetched)
    return dumps(data)


@dataclass(frozen=True)
class Point:
    """One version on the timeline."""

    number: int
    """The version number."""
    anchor: str
    """The id of its change section (or of the first version's card)."""
    when: str
    """First seen, for people."""
    machine: str
    """First seen, for the ``datetime`` attribute."""
    x: float
    """Position on the axis, 0..1000."""
    title: str
    """The headline."""
    words: int
    """Words in the body."""
    summary: str
    """What changed against the previous version."""
    source: str
    """``fetch`` or ``wayback``."""
    archive_url: str | None
    """The archive's page for an imported capture."""
    flags: tuple[tuple[str, str], ...] = ()
    """What a reader looks for first, as (class, words): ``("undated", "undated edit")``,
    ``("nonote", "no note")``, ``("note", "correction added")``, ``("headline", "headline
    changed")``."""
    label: str = ""
    """Whether its change section or the first version's card: for the axis's title."""
    row: int = 0
    """The line of its number under the axis: 1 when it would touch the one before's."""
    fetched_from: str | None = None
    """The address it was first fetched from, when the story's versions came from more
    than one (an AMP copy that lags the page: its "correction removed" is the copy's)."""


@dataclass(frozen=True)
class Gap:
    """A run of failed fetches between versions (or after the last): the page was gone,
    walled or unreadable, and no version was stored. Without them a takedown that lasted
    an hour looked like an hour of no news."""

    anchor: str
    """The id of its row in the version table."""
    kind: str
    """``gone`` (404, 410 or a takedown notice), ``paywall`` or ``failed``."""
    words: str
    """``not found``, ``taken down``, ``paywalled``, ``fetch failed``."""
    count: int
    """How many fetches in the run."""
    since: str
    """The first, for people."""
    until: str
    """The last, for people (the same as ``since`` for one fetch)."""
    machine: str
    """The first, for the ``datetime`` attribute."""
    x: float
    """Position of the first on the axis, 0..1000."""
    error: str
    """What the last fetch of the run said."""
    ending: str = ""
    """The last, for the axis's end (stored time)."""
    end_x: float | None = None
    """Position of the last on the axis, when it came later than the first: the rule is
    marked from the one to the other, and the axis runs on to it (it stopped at the first,
    as if the page had been read again then)."""
    back: str = ""
    """When a fetch after the run read the page again and found the last version
    unchanged (which makes no row of its own), for people; else "". Without it a takedown
    the site undid read as the story's last word."""
    back_at: str = ""
    """The story's new address, when the fetch that read it again found it moved there."""


@dataclass(frozen=True)
class Headline:
    """One headline the story carried, and the versions that carried it."""

    versions: str
    """``1–3``, ``4``."""
    since: str
    """When it first appeared."""
    html: Markup
    """The headline, with its word diff against the one before."""


@dataclass(frozen=True)
class Section:
    """One consecutive change, rendered as the pairwise report renders it."""

    anchor: str
    """The section's id."""
    heading: str
    """``Version 2 → 3``."""
    when: str
    """When the newer version was first seen."""
    body: Markup
    """The pairwise report's main content, ids prefixed."""
    previous: str | None = None
    """The section before's id, for the links between sections."""
    following: str | None = None
    """The section after's id."""
    flags: tuple[tuple[str, str], ...] = ()
    """The newer version's marks (see :class:`Point`)."""


def _flags(comparison: Any) -> tuple[tuple[str, str], ...]:
    """The marks a version gets in the table and on the axis, from its comparison with the
    version before: an edit the page does not date, facts changed without a note, a
    correction or update note, a new headline. Words, not colour alone, say which. (Only
    facts the story already gave and NEW changes count as "no note": news NEW adds, such
    as a breaking story's new quote, owes none; see ``notes.edited_without_note``.)"""
    summary = comparison.summary
    flags: list[tuple[str, str]] = []
    if summary.undated_edit:
        flags.append(("undated", "undated edit"))
    if summary.edited_without_note:
        flags.append(("nonote", "no note"))
    for change in comparison.changes:
        if change.kind == "note":
            words = f"{change.label} {change.action}"
            if ("note", words) not in flags:
                flags.append(("note", words))
    if summary.headline_changed:
        flags.append(("headline", "headline changed"))
    return tuple(flags)


def gap_kind(fetch: dict[str, Any]) -> tuple[str, str]:
    """What a failed fetch means to a reader: the page gone, behind a wall, or not read."""
    error = (fetch.get("error") or "").lower()
    if "subscription wall" in error:
        return "paywall", "paywalled"
    # A 404 or 410 says the page is not there, not why: sites answer so for a story whose
    # address changed too. Only the page's own notice says it was taken down.
    if fetch.get("status") in (404, 410) or "not-found page" in error:
        return "gone", "not found"
    if "says the article was removed" in error:  # (track's words for a takedown notice)
        return "gone", "taken down"
    return "failed", "fetch failed"


#: The outcomes of a fetch that read the page and stored no new version.
_READ_UNCHANGED = frozenset(("unchanged", "cosmetic", "reread", "not-modified"))


#: Advice in a stored error that only someone at the command line can take ("find its
#: new address and track that", "`storydiff wayback URL` imports ...", "--force").
_CLI_ADVICE = re.compile(r"`|\s--[a-z]|\btrack (?:that|it|this)\b|\bstorydiff\b|\bpass the\b")


def for_readers(error: str) -> str:
    """A stored fetch error as the timeline, a report for editors, shows it: what happened,
    and of the advice after the dash only what needs no command line ("any versions stored
    before are kept"). A report shared with a newsroom told it to "track" an address."""
    message, dash, hint = error.partition(" — ")
    kept = [part for part in hint.split("; ") if part.strip() and not _CLI_ADVICE.search(part)]
    return f"{message} — {'; '.join(kept)}" if dash and kept else message


def _gaps(fetches: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The runs of consecutive failed fetches of one kind and badge, oldest first: a 404
    then the page's own takedown notice are two rows, each badged as its fetches were (one
    run showed "not found" beside the notice's words)."""
    runs: list[list[dict[str, Any]]] = []
    last: tuple[str, str] | None = None
    for fetch in fetches:
        if fetch.get("outcome") != "failed":
            last = None
            continue
        kind = gap_kind(fetch)
        if kind == last:
            runs[-1].append(fetch)
        else:
            runs.append([fetch])
        last = kind
    return runs


def render_story(
    store: Store,
    story: Story,
    *,
    generated_at: str,
    options: CompareOptions | None = None,
    template_dir: Path | None = None,
) -> str:
    """The timeline report of one stored story. ``generated_at`` goes in the footer: the
    renderer never reads the clock."""

    from compare import __version__, compare
    from compare.render.html import (
        _environment,
        csp_hash,
        fragments_html,
        render_comparison,
        render_template,
        text_html,
    )
    from compare.track import reader

    # Every version as this storydiff reads its page, so an upgrade makes no phantom edits.
    entries = store.documents(story, reader(LoadOptions()))
    fetches = store.fetches(story) if entries else []
    runs = _gaps(fetches)
    when = time_format(
        [info.first_seen for info, _ in entries] + [f["fetched_at"] for r in runs for f in r]
    )
    sections: list[Section] = []
    flags: dict[int, tuple[tuple[str, str], ...]] = {}
    for (old_info, old), (new_info, new) in pairwise(entries):
        # Compared as stored, labelled after: a label in place of the site name made two
        # addresses of one site read as two outlets' pages, whose edits owe no note, so a
        # story moved to a new slug lost its "without a note" finding here alone.
        comparison = compare(old, new, options)
        comparison = replace(
            comparison, old=_named(old, old_info, when), new=_named(new, new_info, when)
        )
        flags[new_info.number] = _flags(comparison)
        page = render_comparison(comparison, generated_at=generated_at, template_dir=template_dir)
        sections.append(
            Section(
                anchor=f"v{new_info.number}",
                heading=f"Version {old_info.number} → {new_info.number}",
                when=when(new_info.first_seen),
                body=Markup(_prefixed(_main_of(page), f"v{new_info.number}-")),
                previous=sections[-1].anchor if sections else f"v{old_info.number}",
                flags=flags[new_info.number],
            )
        )
    # Each section links to the next as well as the one before.
    sections = [
        replace(s, following=sections[i + 1].anchor if i + 1 < len(sections) else None)
        for i, s in enumerate(sections)
    ]
    points, gaps, breaks = _points(entries, when, flags, runs, fetches)
    points = _fetched_from(points, entries, fetches)
    rows: list[Point | Gap] = sorted([*points, *gaps], key=lambda r: r.machine)
    css = "\n".join(_static(name, template_dir) for name in ("report.css", "timeline.css"))
    # One environment per template folder (the pairwise report's): the timeline's template
    # compiled on every call took half its render time.
    env = _environment(template_dir)
    latest = entries[-1][1] if entries else None
    context: dict[str, Any] = {
        "story": story,
        "urls": store.story_urls(story),
        "title": (latest.title if latest else None) or story.url,
        "lang": (latest.language if latest else None) or "en",
        "points": points,
        "gaps": gaps,
        "breaks": breaks,
        "rows": rows,
        # The page is gone or walled now only when no fetch after the last failed run read
        # it (a fetch that found it unchanged makes no row of its own).
        "gone_now": gaps[-1]
        if gaps and gaps[-1].kind != "failed" and fetches[-1].get("outcome") == "failed"
        else None,
        "headlines": _headlines(entries, when, fragments_html, text_html),
        "sections": sections,
        # The axis ends at the latest time on it: a version, or a failed run's last fetch.
        "axis_end": max(
            [(p.machine, p.when) for p in points] + [(g.ending, g.until) for g in gaps],
            default=(None, None),
        )[1],
        "first": points[0] if points else None,
        "second": sections[0].anchor if sections else None,
        "css": Markup(css),
        "csp": f"default-src 'none'; style-src {csp_hash(css)}; img-src data:; "
        "base-uri 'none'; form-action 'none'",
        "generated_at": generated_at,
        "version": __version__,
    }
    return render_template(env, "timeline.html.j2", context, template_dir)


def _named(document: Document, info: VersionInfo, when: Callable[[str], str]) -> Document:
    """A stored document labelled by its version, for the pairwise cards."""
    label = f"Version {info.number} · {when(info.first_seen)}"
    return replace(document, site_name=label)


def _with_note_flag(
    info: VersionInfo, flags: dict[int, tuple[tuple[str, str], ...]]
) -> dict[str, Any] | None:
    """``info``'s stored change summary; one stored before ``edited_without_note`` was kept
    takes the flag from the comparison made here (``flags``), so that the summary and the
    marks beside it agree (``history``, which compares nothing, says it was not checked)."""
    changes = info.changes
    if changes is None or "edited_without_note" in changes or info.number not in flags:
        return changes
    return {**changes, "edited_without_note": ("nonote", "no note") in flags[info.number]}


def _points(
    entries: list[tuple[VersionInfo, Document]],
    when: Callable[[str], str],
    flags: dict[int, tuple[tuple[str, str], ...]],
    runs: list[list[dict[str, Any]]],
    fetches: list[dict[str, Any]],
) -> tuple[list[Point], list[Gap], list[Break]]:
    """The versions and the runs of failed fetches, placed on one axis, and the breaks in
    it (see :func:`_layout`)."""
    from compare.track import describe_changes

    if not entries:
        return [], [], []
    moved = moves([info for info, _ in entries], fetches)
    times = [_seconds(info.first_seen) for info, _ in entries]
    starts = [_seconds(run[0]["fetched_at"]) for run in runs]
    # A run of failed fetches lasts until its last: the axis goes on to it.
    lasting = [i for i, run in enumerate(runs) if run[-1]["fetched_at"] > run[0]["fetched_at"]]
    ends = [_seconds(runs[i][-1]["fetched_at"]) for i in lasting]
    xs, breaks = _layout([*times, *starts, *ends])
    end_xs = dict(zip(lasting, xs[len(entries) + len(runs) :], strict=True))
    points: list[Point] = []
    for (info, document), x in zip(entries, xs, strict=False):
        # Numbers closer than 6 % of the axis (20 px on a phone) take turns on two lines.
        row = 1 - points[-1].row if points and x - points[-1].x < 60 else 0
        points.append(
            Point(
                number=info.number,
                anchor=f"v{info.number}",
                when=when(info.first_seen),
                machine=info.first_seen,
                x=x,
                title=document.title or "(no headline)",
                words=info.word_count,
                summary="; ".join(
                    filter(
                        None,
                        (
                            describe_changes(_with_note_flag(info, flags)),
                            moved_words(moved.get(info.number, []), when),
                        ),
                    )
                ),
                source=info.source,
                archive_url=info.archive_url,
                flags=flags.get(info.number, ()),
                label="the first version"
                if info is entries[0][0]
                else f"its changes from version {info.number - 1}",
                row=row,
            )
        )
    gaps = []
    after = {f["fetched_at"]: later for f, later in pairwise(fetches)}
    for i, (run, x) in enumerate(
        zip(runs, xs[len(entries) : len(entries) + len(runs)], strict=True)
    ):
        kind, words = gap_kind(run[0])
        following = after.get(run[-1]["fetched_at"])
        back = (
            when(following["fetched_at"])
            if following is not None and following.get("outcome") in _READ_UNCHANGED
            else ""
        )
        # Back at a new address: a story re-slugged while it was down, not the page as it was.
        back_at = (following or {}).get("moved_to") or "" if back else ""
        gaps.append(
            Gap(
                anchor=f"failed-{run[0]['fetched_at'].replace(':', '').replace('.', '')}",
                kind=kind,
                words=words,
                count=len(run),
                since=when(run[0]["fetched_at"]),
                until=when(run[-1]["fetched_at"]),
                machine=run[0]["fetched_at"],
                x=x,
                error=for_readers(run[-1].get("error") or ""),
                ending=run[-1]["fetched_at"],
                end_x=end_xs.get(i),
                back=back,
                back_at=back_at,
            )
        )
    return points, gaps, breaks


#: The axis runs from 20 to 980 of 1000.
_AXIS = 960.0
#: The least room between two neighbours on the axis: 6 % of its width, 20 px on a
#: phone, where a marker is 16 px wide.
_MIN_GAP = 60.0
#: The room a long wait takes when drawn shorter than its time (a break in the rule).
_BREAK = 90.0
#: A wait this many times the median wait between neighbours is drawn as a break.
_LONG = 10.0


@dataclass(frozen=True)
class Break:
    """A long wait between two neighbours on the axis, drawn shorter than its time so that
    the others keep room: Wayback captures days older than the tracked versions squeezed
    the versions of one afternoon into one blot."""

    x: float
    """Its middle on the axis, 0..1000."""
    words: str
    """How long the wait was: ``4 days``, ``9 hours``."""


def _layout(times: Sequence[float]) -> tuple[list[float], list[Break]]:
    """Where each of ``times`` goes on the axis (0..1000), and the breaks drawn in it.

    In proportion to time, unless two neighbours would come closer than :data:`_MIN_GAP`:
    then each wait longer than :data:`_LONG` times the median wait is a break of
    :data:`_BREAK`, and the waits left share the rest in proportion to their length, none
    shorter than the minimum gap (fewer when there are too many to fit). Order is kept;
    equal times are told apart."""
    if not times:
        return [], []
    if len(times) == 1:
        return [500.0], []
    order = sorted(range(len(times)), key=lambda i: times[i])
    waits = [times[b] - times[a] for a, b in pairwise(order)]
    span = sum(waits)
    least = min(_MIN_GAP, _AXIS / len(waits))
    lengths = [_AXIS * w / span for w in waits] if span else [_AXIS / len(waits)] * len(waits)
    breaks: set[int] = set()
    if min(lengths) < least - 1e-9:
        median = sorted(waits)[len(waits) // 2]
        # (No break when the median wait is none: versions stored in one second.)
        breaks = {i for i, w in enumerate(waits) if median > 0 and w > _LONG * median}
        room = (
            _BREAK if len(breaks) * _BREAK + (len(waits) - len(breaks)) * least <= _AXIS else least
        )
        kept = [i for i in range(len(waits)) if i not in breaks]
        shares = _shares([waits[i] for i in kept], _AXIS - room * len(breaks), least)
        lengths = [room] * len(waits)
        for i, length in zip(kept, shares, strict=True):
            lengths[i] = length
    xs = [0.0] * len(times)
    at = 20.0
    xs[order[0]] = at
    for i, length in enumerate(lengths):
        at += length
        xs[order[i + 1]] = round(at, 1)
    marks = [
        Break(round(xs[order[i]] + lengths[i] / 2, 1), _duration(waits[i])) for i in sorted(breaks)
    ]
    return xs, marks


def _shares(waits: Sequence[float], total: float, least: float) -> list[float]:
    """``total`` shared among ``waits`` in proportion to them, none less than ``least``
    (``total`` is at least ``least`` each)."""
    if not waits:
        return []
    ranked = sorted(waits)
    fixed = 0
    while fixed < len(ranked):
        rest = sum(ranked[fixed:])
        scale = (total - fixed * least) / rest if rest > 0 else 0.0
        if ranked[fixed] * scale >= least:
            return [max(least, w * scale) for w in waits]
        fixed += 1
    return [total / len(waits)] * len(waits)


def _duration(seconds: float) -> str:
    """A wait in words, roughly: ``4 days``, ``9 hours``, ``45 minutes``."""
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= 2 * size:
            return plural(round(seconds / size), unit)
    return plural(round(seconds), "second")


def _fetched_from(
    points: list[Point],
    entries: list[tuple[VersionInfo, Document]],
    fetches: list[dict[str, Any]],
) -> list[Point]:
    """``points`` with the address each version was first fetched from, when the fetched
    versions came from more than one: on the first and on each that came from another
    address than the version before (archive captures name their archive page)."""
    first = _first_fetched(fetches)
    urls = {info.number: first.get(info.id) for info, _ in entries if info.source == "fetch"}
    # (One page's address written two ways is one, as `history` reads it: fetched_elsewhere.)
    if len({address_key(u) for u in urls.values() if u}) < 2:
        return points
    named: list[Point] = []
    shown: str | None = None  # (the address_key of the last address named)
    for point in points:
        url = urls.get(point.number)
        key = address_key(url) if url else None
        named.append(replace(point, fetched_from=url if key and key != shown else None))
        shown = key or shown
    return named


def _headlines(
    entries: list[tuple[VersionInfo, Document]],
    when: Callable[[str], str],
    fragments_html: Any,
    text_html: Any,
) -> list[Headline]:
    """Each run of versions with the same headline, the change from the one before marked."""
    from compare.render.html import unified_fragments
    from compare.worddiff import word_diff

    runs: list[tuple[str, list[VersionInfo]]] = []
    for info, document in entries:
        title = document.title or ""
        if runs and runs[-1][0] == title:
            runs[-1][1].append(info)
        else:
            runs.append((title, [info]))
    out = []
    previous: str | None = None
    for title, infos in runs:
        numbers = f"{infos[0].number}" + (f"–{infos[-1].number}" if len(infos) > 1 else "")
        if previous is None:
            html = text_html(title or "(no headline)")
        else:
            html = fragments_html(unified_fragments(word_diff(previous, title)))
        out.append(Headline(numbers, when(infos[0].first_seen), html))
        previous = title
    return out


def _main_of(page: str) -> str:
    match = _MAIN.search(page)
    return match.group(1) if match else ""


def _prefixed(html: str, prefix: str) -> str:
    """Give every id (and every in-page link to one) a prefix, so sections do not clash,
    and move headings two levels down. Source text reaches this markup escaped, so these
    patterns only ever match markup."""
    html = _IDS.sub(lambda m: f'{m.group(1)}="{prefix}{m.group(2)}"', html)
    html = _HREFS.sub(lambda m: f'href="#{prefix}{m.group(1)}"', html)
    # Two levels down: the page's h1 is the story and each section's h2 its change.
    return _HEADINGS.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 2}", html)


def _static(name: str, template_dir: Path | None) -> str:
    for folder in (template_dir, STATIC):
        if folder is not None and (folder / name).is_file():
            text = (folder / name).read_text(encoding="utf-8")
            if "</style" in text.lower():
                raise ValueError(f"{name} must not contain </style")
            return text
    raise FileNotFoundError(name)


def _seconds(stored: str) -> float:
    return datetime.fromisoformat(stored.replace("Z", "+00:00")).timestamp()


def _columns(text: str) -> int:
    """The terminal columns ``text`` takes: two for a wide character (Chinese, Japanese,
    Korean), none for a combining mark. Counted in characters, a Chinese headline took
    twice its share and pushed the URL or change column out of line."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def _headlines_shown(titles: Sequence[str], limit: int) -> list[str]:
    """Each headline cut to ``limit`` columns; where two in a row differ only past the cut
    ("… forces evacuation of 300 homes" / "… of 450 homes"), both are cut in the middle so
    that the words that changed show. A run of one headline is shown one way."""
    runs: list[tuple[str, int]] = []  # (headline, how many versions in a row carry it)
    for title in titles:
        if runs and runs[-1][0] == title:
            runs[-1] = (title, runs[-1][1] + 1)
        else:
            runs.append((title, 1))
    shown: list[str] = []
    for i, (title, count) in enumerate(runs):
        cut = _clip(title, limit)
        for other in (runs[i - 1][0] if i else None, runs[i + 1][0] if i + 1 < len(runs) else None):
            if other is None or _clip(other, limit) != cut:
                continue  # the cut tells them apart (or there is no neighbour)
            differ = next(
                (k for k, (a, b) in enumerate(zip(title, other, strict=False)) if a != b),
                min(len(title), len(other)),
            )
            cut = _clip_around(title, limit, differ)
            break
        shown.extend([cut] * count)
    return shown


def _clip_around(text: str, limit: int, at: int) -> str:
    """``text`` cut to ``limit`` columns in the middle, so that what follows ``at`` shows:
    its start, "…", and its end from a word or two before ``at``."""
    start = text.rfind(" ", 0, max(0, at - 12)) + 1
    tail = text[start:]
    room = limit - _columns(tail) - 3  # " … "
    if room < 8:  # too little of the start to tell: the end alone, cut
        return "…" + _clip(tail, limit - 1)
    head = text[:start].rstrip()
    if _columns(head) > room:  # cut at a word's end: "Chemical leak at", not "… at Marro"
        head = _clip(head, room + 1).removesuffix("…")
        head = head[: head.rfind(" ")] if " " in head else head
    return head.rstrip() + " … " + tail


def _clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` columns, with an ellipsis when cut."""
    if _columns(text) <= limit:
        return text
    kept, used = [], 1
    for char in text:
        used += _columns(char)
        if used > limit:
            break
        kept.append(char)
    return "".join(kept).rstrip() + "…"


def _pad(text: str, width: int) -> str:
    """``text`` filled with spaces to ``width`` columns."""
    return text + " " * max(0, width - _columns(text))
