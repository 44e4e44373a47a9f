"""Publish each change as tracking finds it: the side-by-side HTML report of every new
version against the one before (``--report-dir``), and one JSON event per fetch for a bot
to read (``--jsonl``, schema ``storydiff.track-event/1``).

``track.py`` calls :func:`publish_change` for a new version that has one before it, and the
command line turns each :class:`~compare.track.TrackEvent` into a line with
:func:`event_dict`. The report is the one ``storydiff compare URL@2 URL@3 -o x.html``
writes: the same comparison and renderer (``compare_command.stored_pair`` and
``html_report``), written whole or not at all (``output.write_atomic``). The comparison
tracking made to summarise the new version is that one (:func:`as_stored_pair`): the two
versions are not read and compared again.
"""

from __future__ import annotations

import hashlib
import re
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from compare.errors import StorydiffError
from compare.text import slug as slugged

if TYPE_CHECKING:
    from compare.model import Change, Comparison, LoadOptions
    from compare.store import Store, Story
    from compare.track import TrackEvent

#: The schema every ``--jsonl`` line follows.
TRACK_EVENT_SCHEMA = "storydiff.track-event/1"

#: The longest host and slug kept in a report's file name: a name stays readable and far
#: below the 255 bytes a file system allows.
_HOST_LIMIT = 60
_SLUG_LIMIT = 60

#: Path segments that say nothing of the story (``/news/ferry/index.html``).
_EMPTY_SEGMENTS = frozenset(("index", "amp", "article", "story", "news", "default"))


@dataclass(frozen=True)
class PublishedChange:
    """What was made of one new version with a version before it."""

    key_changes: tuple[dict[str, Any], ...] = ()
    """The changes that alter meaning, as the compare JSON gives them (headline's first)."""
    report: str | None = None
    """The report written, when ``--report-dir`` wrote one."""
    error: str | None = None
    """Why the report (or the comparison) could not be made: one line."""


def report_base(url: str) -> str:
    """A story's part of its reports' file names: ``host-slug`` of its canonical URL, in
    lower-case letters, digits, dots and hyphens only (``example.org-ferry-fares-rise``),
    cut to a sane length. ``www.`` is left out; a last part with no word in it is joined to
    the one before that has (``/politics/12345``: ``politics-12345``); no path, the host
    alone."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    with suppress(UnicodeError):  # 例え.jp as xn--r8jz45g.jp: folded, it was only "jp"
        host = host.encode("idna").decode("ascii")
    if parts.port:
        host = f"{host}-{parts.port}"
    host = re.sub(r"\.{2,}", ".", re.sub(r"[^a-z0-9.-]+", "-", host.lower()))
    host = host[:_HOST_LIMIT].strip(".-") or "story"
    segments = [unquote(s) for s in parts.path.split("/") if s]
    if segments:
        segments[-1] = re.sub(r"\.(s?html?|php|aspx?|jsp)$", "", segments[-1], flags=re.I)
    slugs = [slugged(s) for s in segments]
    slugs = [s for s in slugs if s and s not in _EMPTY_SEGMENTS]
    slug = slugs[-1] if slugs else ""
    worded = [s for s in slugs if re.search(r"[a-z]", s)]
    if slug and not re.search(r"[a-z]", slug) and worded:
        slug = f"{worded[-1]}-{slug}"  # /politics/12345: an id alone says little
    if len(slug) > _SLUG_LIMIT:  # cut at a word's end where there is one
        cut = slug[: _SLUG_LIMIT + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut[:_SLUG_LIMIT]
    return f"{host}-{slug}" if slug else host


def report_name(
    store: Store, story: Story, old: int, new: int, bases: dict[int, str] | None = None
) -> str:
    """The file name of the report of ``story``'s version ``old`` -> ``new``:
    ``example.org-ferry-fares-rise-v2-v3.html``. A story whose base name another story filed
    before it already has gets a short hash of its URL too (``-3f9a2c``), so the two never
    write over each other's reports; a story keeps its name as others are filed after it.

    ``bases`` keeps each story's base once found (stories filed later never change it):
    a run that reports a story again reads no other story for it."""
    base = bases.get(story.id) if bases is not None else None
    if base is None:
        base = report_base(story.url)
        # Only the stories filed before it, and only until one has its base.
        if any(report_base(url) == base for url in store.urls_before(story)):
            base = f"{base}-{hashlib.sha256(story.url.encode()).hexdigest()[:6]}"
        if bases is not None:
            bases[story.id] = base
    return f"{base}-v{old}-v{new}.html"


def publish_change(
    store: Store,
    story: Story,
    old: int,
    new: int,
    *,
    load: LoadOptions,
    report_dir: Path | None,
    generated_at: str,
    compared: Comparison | None = None,
    bases: dict[int, str] | None = None,
) -> PublishedChange:
    """Compare ``story``'s versions ``old`` and ``new`` as ``storydiff compare URL@old
    URL@new`` does, write its HTML report into ``report_dir`` (when given), and give its key
    changes. ``compared`` is the comparison tracking made of the two to summarise the new
    version: taken for the report's when it is the same (see :func:`as_stored_pair`), so
    that the versions are not read and compared again. ``bases`` as for
    :func:`report_name`. A report that cannot be written is told in ``error``, not raised:
    the version is stored, and tracking goes on."""
    from dataclasses import replace

    from compare.compare_command import html_report, stored_pair

    specs = f"{story.url}@{old}", f"{story.url}@{new}"
    try:
        comparison = (
            as_stored_pair(store, story, old, new, compared) if compared is not None else None
        )
        if comparison is None:
            comparison = stored_pair(*specs, replace(load, db=str(store.path)))
    except StorydiffError as error:
        return PublishedChange(error=f"cannot compare versions {old} and {new}: {error.message}")
    changes = key_changes(comparison)
    if report_dir is None:
        return PublishedChange(changes)
    from compare.output import write_atomic

    path = report_dir / report_name(store, story, old, new, bases)
    try:
        write_atomic(path, html_report(comparison, generated_at) + "\n")
    except StorydiffError as error:
        return PublishedChange(changes, error=error.message)
    return PublishedChange(changes, report=str(path))


def as_stored_pair(
    store: Store, story: Story, old: int, new: int, compared: Comparison
) -> Comparison | None:
    """``compared``, the comparison of a new version ``new`` (as fetched) with the version
    ``old`` before it that tracking made to summarise it, as ``compare_command.stored_pair``
    would make it again from ``URL@old`` and ``URL@new``: its documents named so. The same
    comparison, since the store read OLD's page again as ``URL@old`` reads it, and NEW's
    page is the one just read; ``None`` where that may not hold: made with other compare
    options, or OLD read in another character set than the one stored with it (the page just
    fetched told another)."""
    from dataclasses import replace

    from compare.compare_command import with_same_source_warning
    from compare.model import CompareOptions

    if compared.options != CompareOptions():
        return None
    versions = {v.number: v for v in store.history(story)}
    before, after = versions.get(old), versions.get(new)
    if before is None or after is None:
        return None
    if compared.old.provenance.encoding != store.document(before).provenance.encoding:
        return None
    named = [
        replace(
            document,
            provenance=replace(
                document.provenance,
                spec=f"{story.url}@{info.number}",
                version=info.number,
                first_seen=info.first_seen,
            ),
        )
        for document, info in ((compared.old, before), (compared.new, after))
    ]
    return with_same_source_warning(
        [f"{story.url}@{old}", f"{story.url}@{new}"], replace(compared, old=named[0], new=named[1])
    )


def key_changes(comparison: Comparison) -> tuple[dict[str, Any], ...]:
    """The changes that alter meaning, in the headline, the standfirst and the text, each
    with where it is (``in``) and the fields the compare JSON gives it."""
    found: list[dict[str, Any]] = []
    for where, changes in (
        ("headline", comparison.title_changes),
        ("standfirst", comparison.standfirst_changes),
        ("text", comparison.changes),
    ):
        found.extend(_change(where, change) for change in changes)
    return tuple(found)


def _change(where: str, change: Change) -> dict[str, Any]:
    return {
        "in": where,
        "kind": change.kind,
        "action": change.action,
        "old": change.old,
        "new": change.new,
        "severity": change.severity,
        "detail": change.detail,
    }


def event_dict(event: TrackEvent) -> dict[str, Any]:
    """One fetch as a ``--jsonl`` line's object (schema ``storydiff.track-event/1``)."""
    from compare.store import shown_url

    data: dict[str, Any] = {
        "schema": TRACK_EVENT_SCHEMA,
        "time": event.at,
        "url": shown_url(event.url),
        "story": event.story,
        "outcome": event.outcome,
        "first": event.first,
        "version": event.version,
        "previous_version": event.previous,
        "headline": event.title,
    }
    if event.previous_title is not None:
        data["previous_headline"] = event.previous_title
    data["summary"] = event.detail
    if event.back is not None:
        data["back"] = dict(event.back)
    changes = event.changes or {}
    if event.outcome == "new" and event.previous is not None:
        paragraphs = changes.get("paragraphs") or {}
        data["headline_changed"] = bool(changes.get("title_changed"))
        data["edited_without_note"] = bool(changes.get("edited_without_note"))
        data["counts"] = {
            k: int(paragraphs.get(k, 0)) for k in ("added", "removed", "reworded", "moved")
        }
        data["changes"] = list(event.key_changes)
        if event.report is not None:
            data["report"] = event.report
        if event.report_error is not None:
            data["report_error"] = event.report_error
    if event.outcome == "failed":
        if event.kept is not None:
            data["kept"] = {"version": event.kept[0], "headline": event.kept[1]}
        data["error"] = event.detail
        data["failure"] = failure_kind(event.detail, event.status)
        data["status"] = event.status
        data["exit_code"] = event.exit_code
    return data


def failure_kind(error: str, status: int | None) -> str:
    """``not found``, ``taken down``, ``paywalled`` or ``fetch failed``: as the timeline
    badges a failed fetch."""
    from compare.render.timeline import gap_kind

    return gap_kind({"error": error, "status": status})[1]
