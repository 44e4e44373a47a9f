"""Follow articles over time: track URLs, watch feeds, import Wayback Machine captures.

Pages are fetched in worker threads, politely (one request at a time per host, a delay
between requests to the same host, conditional requests with the stored ETag and
Last-Modified, Retry-After honoured by ``sources.fetch_url``), and filed into the store
by the calling thread, one transaction per page, so the store sees one writer per process.
"""

from __future__ import annotations

import json
import re
import shlex
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlencode, urljoin, urlsplit

from compare.errors import (
    ExitCode,
    ExtractionError,
    FetchError,
    InputError,
    StoreLockedError,
    StorydiffError,
    TeaserError,
    TimeOrDurationError,
)
from compare.model import Change, CompareOptions, Comparison, Document, LoadOptions, Snapshot
from compare.store import (
    Observation,
    Outcome,
    Reader,
    Store,
    Story,
    Summarizer,
    VersionInfo,
    address_key,
    canonical_url,
    format_time,
    shown_url,
    utc_now,
)
from compare.text import is_web_url, lazy_pattern, readable_url

T = TypeVar("T")

_DURATION = lazy_pattern(r"(\d+(?:\.\d+)?)\s*([smhdw])", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


#: The longest duration taken, in seconds: a hundred years.
_LONGEST = 100 * 365 * 86_400


def parse_duration(text: str) -> float:
    """``30m``, ``2h``, ``1d``, ``1h30m``, ``0.5s`` or plain seconds, as seconds."""
    return _within_reach(_seconds(text), text)


def _seconds(text: str) -> float:
    value = text.strip().lower()
    if re.fullmatch(r"\d+(?:\.\d+)?", value):
        return float(value)
    if not value or _DURATION().sub("", value).strip():
        raise InputError(f"not a duration: {text!r}", "use a number with a unit: 90s, 30m, 2h, 1d")
    return sum(float(n) * _UNIT_SECONDS[unit.lower()] for n, unit in _DURATION().findall(value))


def _within_reach(seconds: float, text: str) -> float:
    """``seconds``, unless a clock or a sleep of that many would overflow (datetime stops at
    the year 9999): 99999999999999999999d ended in an OverflowError's traceback."""
    if seconds > _LONGEST:
        raise InputError(f"too long a duration: {text!r}", "use at most 100 years (36500d)")
    return seconds


def parse_until(text: str, now: datetime) -> datetime:
    """``--until``: an ISO 8601 time, or a duration counted from ``now``. Neither is a
    :class:`TimeOrDurationError`; a date that does not exist (2026-02-30), parse_time's
    InputError."""
    from compare.store import parse_time

    if re.fullmatch(r"\d{4}-\d\d-\d\d.*", text.strip()):
        return parse_time(text)
    try:
        seconds = _seconds(text)
    except InputError:
        # "not a duration: '18:00'" left out that a time is welcome too.
        raise TimeOrDurationError(text) from None
    return now + timedelta(seconds=_within_reach(seconds, text))


@dataclass(frozen=True)
class TrackOptions:
    """How tracking, watching and importing behave; built once by the CLI or the caller."""

    load: LoadOptions = field(default_factory=LoadOptions)
    """How pages are fetched."""
    compare: CompareOptions = field(default_factory=CompareOptions)
    """How consecutive versions are compared for the change summary."""
    every: float | None = None
    """Seconds between the starts of polling rounds; ``None`` fetches once."""
    until: datetime | None = None
    """Stop polling at this time (UTC)."""
    host_delay: float = 2.0
    """Seconds between two requests to the same host."""
    concurrency: int = 4
    """Requests in flight at once (never more than one per host)."""
    shrink_limit: float = 0.5
    """A text shorter than this share of the previous version's is held until confirmed."""
    follow: float = 3 * 86400.0
    """``watch``: seconds an article keeps being tracked after it was first in a feed."""
    report_dir: Path | None = None
    """Write the HTML report of each new version against the one before into this folder
    (see compare/publish.py): a capture ``wayback`` imports as one too."""
    key_changes: bool = False
    """Give each new version's key changes with its event (``--jsonl``): read from the
    comparison its change summary was made from, as its report is (one comparison more
    only where that one is not the report's: other ``compare`` options, or a version before
    read in another character set)."""


@dataclass(frozen=True)
class WaybackOptions:
    """Which Wayback Machine captures to import, and from where."""

    archive: str = "https://web.archive.org"
    """Base URL of the archive (a local server in the tests)."""
    since: datetime | None = None
    """Only captures at or after this time."""
    until: datetime | None = None
    """Only captures at or before this time."""
    limit: int | None = None
    """At most this many captures, oldest first."""


@dataclass(frozen=True)
class TrackEvent:
    """What happened to one URL in one round."""

    url: str
    """The URL as given (or found in a feed, or the archive capture's original)."""
    outcome: Outcome
    """``new``, ``unchanged``, ``cosmetic``, ``reread`` (the same text, read differently by
    this storydiff), ``not-modified``, ``suspect`` or ``failed``."""
    at: str
    """When the page was fetched (the capture time for archive imports)."""
    version: int | None = None
    """The number of the version current afterwards."""
    title: str | None = None
    """Its headline."""
    detail: str = ""
    """What changed, or why it failed."""
    first: bool = False
    """The first version ever stored for this story."""
    exit_code: int = 0
    """For failures, the exit code the error carries."""
    story: str | None = None
    """The canonical URL of the story the page was filed under (a failure's, when known)."""
    previous: int | None = None
    """For a new version, the number of the one before it."""
    previous_title: str | None = None
    """For a new version whose headline changed, the headline before."""
    changes: dict[str, Any] | None = None
    """For a new version, its stored change summary (see ``summarizer``)."""
    status: int | None = None
    """For failures, the HTTP status the server answered with, if any."""
    key_changes: tuple[dict[str, Any], ...] = ()
    """With ``TrackOptions.key_changes`` or ``report_dir``: the new version's changes that
    alter meaning (see ``publish.key_changes``)."""
    report: str | None = None
    """The report ``TrackOptions.report_dir`` got for this new version."""
    report_error: str | None = None
    """Why that report could not be written (one line); the version is stored all the same."""
    kept: tuple[int, str | None] | None = None
    """For a failure of a story with stored versions: the latest's number and headline,
    kept as they were (a bot names the story taken down by them)."""
    back: dict[str, Any] | None = None
    """For a fetch that read the page after one or more failed (a takedown undone, a site
    back up): ``failure`` (the last one's kind, as the timeline badges it), ``since`` (the
    first failed fetch's time) and ``fetches`` (how many failed)."""


@dataclass(frozen=True)
class TrackSummary:
    """Totals for a run of track, watch or wayback."""

    new: int = 0
    """New versions stored (first versions included)."""
    unchanged: int = 0
    """Fetches that found the current version (cosmetic edits, rereads and 304s included)."""
    suspect: int = 0
    """Sudden shrinks held back until confirmed."""
    failed: int = 0
    """Fetches or extractions that failed."""
    rounds: int = 0
    """Polling rounds completed."""
    skipped: int = 0
    """Polling rounds cut short: another process held the store's lock too long."""
    interrupted: bool = False
    """The run was stopped with Ctrl-C (or SIGTERM)."""
    exit_code: int = 0
    """The exit code of the first failure, 0 when none failed."""
    renumbered: tuple[tuple[int, int], ...] = ()
    """(number before, number now) of each version stored before a ``wayback`` run that
    older captures, filed before it, gave a new number: ``URL@N`` cited before names
    another version now."""


class Listener:
    """Receives progress; the CLI shows it. The default listens to nothing."""

    def round_started(self, label: str, total: int) -> None:
        """A round of ``total`` pages begins."""

    def event(self, event: TrackEvent) -> None:
        """One page was filed."""

    def waiting(self, seconds: float) -> None:
        """Nothing to do for ``seconds`` until the next round."""

    def round_skipped(self, reason: str) -> None:
        """A polling round was cut short for ``reason``; the next one tries again."""

    def feed_empty(self, feed_url: str) -> None:
        """A feed was read and lists no items yet."""

    def no_captures(self, url: str, archive: str, dated: bool) -> None:
        """The archive holds no capture of ``url`` (``dated``: in the dates asked for)."""


def _warned(summarize: Summarizer, warning: str) -> Summarizer:
    """``summarize`` with ``warning`` first among the warnings of the summary it makes."""

    def warned(old: Document, new: Document) -> dict[str, Any]:
        summary = summarize(old, new)
        # The comparison's own "NEW says it was modified …, before OLD" says less.
        others = [w for w in summary.get("warnings", []) if not w.startswith("NEW says it was")]
        summary["warnings"] = [warning, *others]
        return summary

    return warned


def _date_order(ours: str | None, theirs: str | None) -> int | None:
    """-1, 0 or 1 as the time ``ours`` is before, at or after ``theirs`` (ISO 8601, UTC
    when they name no zone; by the day when either gives only one), None when either cannot
    be read."""
    from compare.errors import InputError
    from compare.store import parse_time

    if not ours or not theirs:
        return None
    if len(ours) <= 10 or len(theirs) <= 10:
        a, b = ours[:10], theirs[:10]
        return (a > b) - (a < b)
    try:
        x, y = parse_time(ours), parse_time(theirs)
    except InputError:
        return None
    return (x > y) - (x < y)


#: The key changes a held-back fetch's line names (see ``Tracker._shown_part_changes``).
_SHOWN_KEY_CHANGES = 3


#: What a summary stored before ``edited_without_note`` was kept says in its place, where
#: facts changed: whether a note came with them was not checked then.
NOT_CHECKED_FOR_NOTE = "not checked for a note"


def describe_changes(changes: dict[str, Any] | None) -> str:
    """A change summary as stored, in a few words: ``headline changed; 2 reworded, 1 added``."""
    if changes is None:
        return "first version"
    parts: list[str] = []
    if changes.get("title_changed"):
        parts.append("headline changed")
    counts = changes.get("paragraphs") or {}
    edits = [f"{counts[k]} {k}" for k in ("reworded", "added", "removed", "moved") if counts.get(k)]
    if counts.get("unshown"):  # (render.layout.as_read's count: see Summary.unshown)
        edits.append(f"{counts['unshown']} past the other version's end")
    if edits:
        parts.append(", ".join(edits))
    # Summaries stored before notes were read have no "notes" and count none in "meaning".
    parts[:0] = changes.get("notes") or []
    meaning = {k: n for k, n in (changes.get("meaning") or {}).items() if k != "note"}
    if meaning:
        kinds = ", ".join(_kind_count(kind, n) for kind, n in sorted(meaning.items()))
        parts.append(f"meaning: {kinds}")
    if changes.get("undated"):  # the page still gives OLD's time of its last change
        parts.append("undated edit")
    # Facts changed and no note added or changed: what a stealth-edit tracker scans for.
    # Absent from summaries stored before it was kept: unknown, not "noted", where facts
    # changed (the timeline, comparing the versions again, says what it finds).
    if changes.get("edited_without_note"):
        parts.append("no note")
    elif meaning and "edited_without_note" not in changes:
        parts.append(NOT_CHECKED_FOR_NOTE)
    if changes.get("warnings"):
        parts.append("warning: " + "; ".join(changes["warnings"]))
    return "; ".join(parts) or "cosmetic changes only"


def _kind_count(kind: str, count: int) -> str:
    """``2 numbers``, ``1 number``; the kind "roles" (who did what) is "1 role" alone,
    "agent dropped" (who did it, left out: see ``summarizer``) "2 agents dropped", and
    "status" (a person's standing) and "framing" "2 status changes", "1 framing change",
    "paragraph" "1 paragraph removed"; "date" and "time" (numbers that are one) "2 dates"."""
    from compare.text import plural

    if kind.startswith("agent "):  # "agent dropped", "agent named"
        return f"{plural(count, 'agent')} {kind.removeprefix('agent ')}"
    if kind in ("status", "framing"):
        return plural(count, f"{kind} change")
    if kind == "paragraph":  # a paragraph removed whole that held facts of weight
        return f"{plural(count, kind)} removed"
    return plural(count, kind.removesuffix("s") if kind == "roles" else kind)


def _counted_as(change: Change) -> str:
    """The key a change is counted under in a summary's "meaning": its kind, but "date" or
    "time" for a number that is one (``Change.label``)."""
    return change.label if change.kind == "number" else change.kind


def summarizer(
    options: CompareOptions, compared: Callable[[Document, Comparison], None] | None = None
) -> Summarizer:
    """The change summary stored with each version: counts from the pairwise comparison.
    ``compared`` is given each comparison made, with the newer document, so that publishing
    it (``--report-dir``, ``--jsonl``) need not compare the two versions again."""

    def summarize(old: Document, new: Document) -> dict[str, Any]:
        from compare import compare
        from compare.render.layout import as_read

        made = compare(old, new, options)
        if compared is not None:
            compared(new, made)
        # Counted as the reports count them: a split that changed no word is unchanged.
        comparison = as_read(made)
        return {
            "title_changed": (old.title or "") != (new.title or ""),
            "paragraphs": dict(comparison.summary.paragraphs),
            "sentences": dict(comparison.summary.sentences),
            "similarity": round(comparison.summary.similarity, 4),
            # By kind; roles that leave out or name who did it apart ("agent dropped",
            # "agent named", as the reports label them; dates and times apart from numbers,
            # as the reports label them too: "Wednesday" -> "September" is no number).
            "meaning": dict(
                Counter(
                    c.detail.split(":", 1)[0] if c.label == "agent" else _counted_as(c)
                    for c in (
                        *comparison.title_changes,
                        *comparison.standfirst_changes,
                        *comparison.changes,
                    )
                )
            ),
            "warnings": list(comparison.summary.warnings),
            "undated": comparison.summary.undated_edit,
            "edited_without_note": comparison.summary.edited_without_note,
            # "correction added", "update changed": what the newsroom said about the edit.
            "notes": [f"{c.label} {c.action}" for c in comparison.changes if c.kind == "note"],
        }

    return summarize


def reader(options: LoadOptions, encoding: str | None = None) -> Reader:
    """Reads a stored raw page again as a fetched page is read now (see ``Store.observe``):
    with the provenance stored with it (URL, fetch time, content type, character set), then,
    when the page just fetched was decoded with another ``encoding``, with that one, since
    an upgrade may have changed how the character set is told."""

    def reread(stored: Document, raw: bytes) -> Iterator[Document]:
        from compare import sources
        from compare.extract import extract

        encodings = [stored.provenance.encoding]
        if encoding and encoding != stored.provenance.encoding:
            encodings.append(encoding)
        for charset in encodings:
            provenance = replace(stored.provenance, encoding=charset)
            try:
                yield extract(sources.stored_snapshot(raw, provenance, options.kind))
            except Exception:  # a page this storydiff cannot read: filed as before
                continue

    return reread


class HostGate:
    """One request at a time per host, and ``delay`` seconds between them."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._lock = threading.Lock()
        self._hosts: dict[str, tuple[threading.Lock, list[float]]] = {}

    @contextmanager
    def slot(self, url: str) -> Iterator[None]:
        """Hold the host of ``url`` for one request."""
        host = urlsplit(url).netloc.lower()
        with self._lock:
            lock, next_time = self._hosts.setdefault(host, (threading.Lock(), [0.0]))
        with lock:
            wait = next_time[0] - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                yield
            finally:
                next_time[0] = time.monotonic() + self.delay


@dataclass(frozen=True)
class _Fetched:
    """A page fetched and extracted by a worker, or why that failed."""

    url: str
    at: str
    snapshot: Snapshot | None = None
    document: Document | None = None
    error: BaseException | None = None
    sent: str | None = None
    arrival: int = -1
    """Its place among the round's answers, in the order they came (see _Arrivals)."""
    moved: tuple[str, str] | None = None
    """The story's new address and how it was learned ("redirect, canonical link"), when
    the page says it moved since it was last read (see ``Tracker._moved``)."""


class _Arrivals:
    """Stamps a round's answers as they come: the time, and a number counting them in the
    same order (both taken under one lock), so that the pages can be filed, and their lines
    printed, in the order of their times, whichever worker finishes extracting first."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._count = 0

    def stamp(self) -> tuple[str, int]:
        with self._lock:
            number = self._count
            self._count += 1
            return utc_now(), number


def _fetch(
    url: str,
    validators: tuple[str | None, str | None],
    options: LoadOptions,
    gate: HostGate,
    at: str | None = None,
    arrivals: _Arrivals | None = None,
) -> _Fetched:
    from compare import sources
    from compare.extract import extract

    def now() -> tuple[str, int]:
        return (at, -1) if at else arrivals.stamp() if arrivals else (utc_now(), -1)

    headers = {}
    if validators[0]:
        headers["If-None-Match"] = validators[0]
    if validators[1]:
        headers["If-Modified-Since"] = validators[1]
    with gate.slot(url):
        sent = None if at else utc_now()
        try:
            snapshot = sources.fetch_url(url, options, extra_headers=headers)
        except Exception as error:
            failed, arrival = now()
            return _Fetched(url, failed, error=error, arrival=arrival)
        # Seen when the answer arrived: of two fetches racing a change, the one that got
        # the newer page is then the later one, also across processes.
        seen, arrival = now()
    if snapshot.provenance.status == 304:
        return _Fetched(url, seen, snapshot, sent=sent, arrival=arrival)
    final = snapshot.provenance.url or url
    if at is None and _is_home_page(final) and not _is_home_page(url):
        # How sites retire an article: its text must not become the home page's.
        gone = FetchError(
            f"{url} now redirects to the home page {final}: the article was probably "
            "taken down or moved",
            "any versions stored before are kept; find the new address and track that",
        )
        return _Fetched(url, seen, snapshot, error=gone, arrival=arrival)
    try:
        document = extract(snapshot)
    except Exception as error:
        notice = _removal_notice(_visible_text(snapshot))
        failure = _Removed(notice) if notice else _redirected_to_index(url, final, error)
        return _Fetched(url, seen, snapshot, error=failure, arrival=arrival)
    return _Fetched(url, seen, snapshot, document, sent=sent, arrival=arrival)


def _redirected_to_index(url: str, final: str, error: Exception) -> Exception:
    """An article's address that now redirects to a section front (how sites often retire
    an article) said so: it read as the old address being "an index page", which hid the
    redirect. Any other failure is as it was."""
    if (
        not isinstance(error, ExtractionError)
        or isinstance(error, TeaserError)
        or "looks like an index page" not in error.message
        or address_key(final) == address_key(url)
    ):
        return error
    return ExtractionError(
        f"{shown_url(url)} now redirects to {shown_url(final)}, a section front (mostly "
        "links and headlines): the article may have been taken down",
        error.hint,
    )


def _bag(document: Document) -> Counter[str]:
    """A document's words (headline and text), case aside, with their counts."""
    text = " ".join((document.title or "", *(p.text for p in document.paragraphs)))
    return Counter(w.casefold() for w in re.findall(r"\w+", text))


#: A fetch error's advice for `compare` and `extract` to save the page and pass the file,
#: which `track` cannot take.
_FILE_ADVICE = lazy_pattern(
    r"(?:[,;]\s*(?:or\s+)?|^)(?:open the page in a browser, )?"
    r"(?:save (?:it|the page)(?: from a browser)?|download the page),? and pass the file"
)


#: extract's advice for a page of no article that only `extract` and `compare` can take.
_SAVED_COPY_ADVICE = lazy_pattern(
    r"(?:,\s*or\s+a saved copy of the full page|(?:^|[;,]\s*)open it in a browser, save it"
    r"(?: \([^)]*\))? and pass the saved file)"
)


def _without_file_advice(error: FetchError) -> FetchError:
    """A failed fetch in track's record and line without the advice to pass a saved file
    ("the server answered 500 ... — check the URL, or save the page ... and pass the
    file"): a tracked page is fetched again at the next run."""
    hint = _FILE_ADVICE().sub("", error.hint).strip(" ,;") or "try again later"
    return FetchError(error.message, hint, status=error.status)


def _moved_on(old: str | None, new: str | None) -> bool:
    """Whether a page's last-modified time is later than the one stored (not merely
    written another way: "+00:00" for "Z")."""
    from compare.store import parse_time

    if not old or not new or old == new:
        return False
    if _zoned(old) != _zoned(new):  # a date alone, or a local time, against a time in UTC
        return False
    try:
        return parse_time(new) > parse_time(old)
    except InputError:  # not a time parse_time reads
        return False


#: The offset an ISO time ends with (``Z``, ``+02:00``, ``-0500``).
_ZONE = lazy_pattern(r"(?:Z|[+-]\d\d:?\d\d)$", re.IGNORECASE)


def _zoned(stamp: str) -> bool:
    """Whether an ISO time says its offset: parse_time takes one that does not for UTC,
    which a page that gives a date alone need not mean."""
    return _ZONE().search(stamp.strip()) is not None


def _kept(stored: int) -> str:
    return (
        "the version stored before is kept"
        if stored == 1
        else f"the {stored} versions stored before are kept"
    )


#: What a subscription wall says under the teaser it shows.
_WALL = lazy_pattern(
    r"[^.!?\n]*\b(?:subscribe to (?:continue|keep) reading|to continue reading,? "
    r"(?:subscribe|sign in|log in)|already (?:a )?subscriber\?|subscribers only"
    r"|(?:this|the) (?:article|story|content) is (?:only )?(?:available )?(?:to|for) "
    r"(?:subscribers|members)|you(?:'ve| have) reached your (?:free )?(?:article )?limit)"
    r"[^.!?\n]*[.!?]?",
    re.IGNORECASE,
)


def _words_as_written(document: Document) -> tuple[str | None, ...]:
    """A document's headline, standfirst and paragraphs exactly as written: equal when
    only the page around the article changed, not when the text was retyped."""
    return (document.title, document.standfirst, *(p.text for p in document.paragraphs))


class _Removed(Exception):
    """The page now says the article was removed: a takedown notice where the story was."""

    def __init__(self, notice: str) -> None:
        super().__init__(notice)
        self.notice = notice


#: A takedown notice is short; a story that reports a removal ("the post has been removed
#: from the site, the company said") is longer, and stays a story.
_NOTICE_WORDS = 120

_REMOVAL = lazy_pattern(
    r"[^.!?\n]*\b(?:(?:this|the) (?:article|story|page|report|content|post|item)"
    r"(?: you (?:are|were) looking for| you requested)? (?:has|had) been "
    r"(?:removed|taken down|withdrawn|unpublished|deleted|retracted)"
    r"|(?:this|the) (?:article|story|page|report|content|post|item)"
    r"(?: you (?:are|were) looking for| you requested)? (?:is|was) (?:no longer available|"
    r"removed|taken down|withdrawn|unpublished|deleted|retracted)"
    r"|we have (?:removed|withdrawn|unpublished|taken down) (?:this|the) (?:article|story|report)"
    r")\b[^.!?\n]*[.!?]?",
    re.IGNORECASE,
)
# A "soft 404": the site's not-found page served with status 200.
_NOT_FOUND = lazy_pattern(
    r"[^.!?\n]*\b(?:(?:page|article|story) not found|(?:this|the) (?:page|article|story)"
    r"(?: you (?:are|were) looking for)? (?:could not|cannot|can't|couldn't) be found"
    r"|we (?:can't|cannot|couldn't|could not) find (?:that|the|this) (?:page|article|story))"
    r"\b[^.!?\n]*[.!?]?",
    re.IGNORECASE,
)


def _removal_notice(text: str) -> str | None:
    """The sentence by which a short page says its article was removed, or ``None``."""
    if len(text.split()) > _NOTICE_WORDS:
        return None
    found = _REMOVAL().search(text) or _NOT_FOUND().search(text)
    return " ".join(found.group(0).split()) if found else None


def _visible_text(snapshot: Snapshot, limit: int = 65_536) -> str:
    """A page's words outside its tags, scripts and styles (the extractor found no story
    in it; what it shows is read for a notice), or "" when the page is over ``limit``."""
    if len(snapshot.content) > limit:
        return ""
    return _shown_text(snapshot.text())


def _shown_text(html: str) -> str:
    """The words of a page outside its tags, scripts and styles, a line per block."""
    page = re.sub(r"(?is)<(script|style|noscript|template|svg)\b.*?</\1\s*>|<!--.*?-->", " ", html)
    page = re.sub(r"(?i)</?(?:a|b|i|em|strong|span|small|time|u|mark)\b[^>]*>", "", page)
    return re.sub(r"\s*<[^>]*>\s*", "\n", page)  # a block's end ends its sentence


def _wall_lines(shown: str) -> Counter[str]:
    """The wall lines a page's text shows, each with how often."""
    return Counter(" ".join(m.group(0).split()) for m in _WALL().finditer(shown))


#: How many words may stand between the story's last words and the wall under it (a
#: "Subscribe" heading, an offer).
_WALL_REACH = 40
#: What stands between two words of a paragraph in a page's text: spaces, punctuation,
#: character references ("council&#8217;s").
_BETWEEN_WORDS = r"(?:[\W_]|&#?\w+;)+"


def _wall_after_story(shown: str, document: Document) -> re.Match[str] | None:
    """The wall line where the story's text stops on the page: the first within a few
    words after its last paragraph (not one in the site's header). When the paragraph
    is not found as written, the first wall line on the page."""
    paragraphs = [p.text for p in document.paragraphs]
    words: list[str] = []
    while paragraphs and not words:
        # The wall's own line, read into the teaser, is cut off: the story stops before it.
        text = paragraphs.pop()
        inside = _WALL().search(text)
        words = re.findall(r"[^\W_]+", text[: inside.start()] if inside else text)[-6:]
    ends = (
        [m.end() for m in re.finditer(_BETWEEN_WORDS.join(map(re.escape, words)), shown)]
        if words
        else []
    )
    if not ends:
        return _WALL().search(shown)
    for end in ends:
        wall = _WALL().search(shown, end)
        if wall is not None and len(shown[end : wall.start()].split()) <= _WALL_REACH:
            return wall
    return None


class _Run:
    """One track, watch or wayback run: a worker pool, a store and a tally."""

    def __init__(self, store: Store, options: TrackOptions, listener: Listener | None) -> None:
        self.store = store
        self.options = options
        self.listener = listener or Listener()
        self.gate = HostGate(options.host_delay)
        self.pool = ThreadPoolExecutor(max_workers=max(1, options.concurrency))
        self.compared: list[tuple[Document, Comparison]] = []
        """The comparisons the summarizer made while a page was filed, each with its NEW:
        the new version's against the one before is its report's (see _published)."""
        publishing = options.report_dir is not None or options.key_changes
        self.summarize = summarizer(
            options.compare, (lambda *made: self.compared.append(made)) if publishing else None
        )
        self.tally: Counter[str] = Counter()
        self.exit_code = 0
        self.report_bases: dict[int, str] = {}
        """Story id -> the base of its reports' names (see publish.report_name)."""
        self.decoded: dict[int, Document] = {}
        """Stored documents by version id, decoded once for all the checks that filing one
        page makes before it stores anything (see _stored)."""
        self.read_at: dict[str, str] = {}
        """URL -> when this run last read its page (a fetch that did not fail): until a
        fetch of it fails, no failure of it comes between that and its next fetch, unless
        another process filed one (see _back)."""
        self.held: dict[str, datetime] = {}
        """Host -> when its server said it may be asked again (a long Retry-After)."""

    def close(self, interrupted: bool) -> None:
        self.pool.shutdown(wait=not interrupted, cancel_futures=True)

    def summary(self, interrupted: bool) -> TrackSummary:
        return TrackSummary(
            new=self.tally["new"],
            unchanged=self.tally["unchanged"],
            suspect=self.tally["suspect"],
            failed=self.tally["failed"],
            rounds=self.tally["rounds"],
            skipped=self.tally["skipped"],
            interrupted=interrupted,
            exit_code=self.exit_code,
        )

    def submit(self, url: str, arrivals: _Arrivals | None = None) -> Future[_Fetched]:
        """Fetch ``url`` in a worker, conditionally when the store has its validators."""
        validators = self.store.validators(url)
        return self.pool.submit(
            _fetch, url, validators, self.options.load, self.gate, None, arrivals
        )

    def file(
        self,
        fetched: _Fetched,
        *,
        captured: str | None = None,
        archive_url: str | None = None,
    ) -> TrackEvent:
        """Store one fetched page and tell the listener what happened. For an archive
        capture, ``captured`` is the URL it captured and ``archive_url`` its archive page."""
        self.decoded.clear()  # (storing may read a version's page again: see _stored)
        if fetched.error is not None or fetched.snapshot is None:
            error = fetched.error
            # Looked up once: the advice below and the event both name what is kept.
            story = self.store.find_story(fetched.url)
            stored = self.store.history(story) if story else []
            self.read_at.pop(fetched.url, None)
            if isinstance(error, FetchError) and error.status in (404, 410) and not captured:
                error = self._gone(error, len(stored))
            elif isinstance(error, FetchError) and _FILE_ADVICE().search(error.hint):
                error = _without_file_advice(error)
            from compare.sources import RateLimited

            if isinstance(error, RateLimited):
                self.held[_host(fetched.url)] = error.until
            if isinstance(error, ExtractionError) and not captured:
                error = self._unreadable(fetched.url, error, len(stored))
            if isinstance(error, _Removed):
                error = self._removed(fetched.url, error.notice, len(stored))
            message = error.one_line() if isinstance(error, StorydiffError) else repr(error)
            status = fetched.snapshot.provenance.status if fetched.snapshot else None
            if status is None and isinstance(error, FetchError):
                status = error.status  # a 404 or 500 the server answered with
            size = len(fetched.snapshot.content) if fetched.snapshot else 0
            self.store.record_failure(fetched.url, fetched.at, message, status=status, size=size)
            # Recorded: a Ctrl-C now waits until its event is told, as for a new version.
            with _interrupts_held():
                code = int(error.exit_code) if isinstance(error, StorydiffError) else 3
                self.exit_code = self.exit_code or code
                event = TrackEvent(
                    fetched.url,
                    "failed",
                    fetched.at,
                    detail=message,
                    exit_code=code,
                    story=story.url if story else None,
                    status=status,
                    kept=(stored[-1].number, stored[-1].title) if stored else None,
                )
                return self._told(event)
        elif fetched.document is None:
            observed = self.store.not_modified(fetched.url, fetched.at)
            with _interrupts_held():  # (likewise: the 304 is recorded)
                return self._told(self._event(fetched, observed))
        else:
            document = fetched.document
            # (Neither a move nor a lagging copy is asked of an archive capture.)
            moved: tuple[str, str] | None = None
            summarize = self.summarize
            # A page's own address for itself, unless no URL can be read from it (a link
            # to "http://[::1/x" ended the run in "unexpected ValueError").
            own = document.url if readable_url(document.url) else None
            if captured:  # file an archive capture under the page it captured
                archived = urlsplit(fetched.url).netloc
                found = [u for u in (own,) if urlsplit(u or "").netloc != archived]
                found = [u for u in found if not self._another_outlets_copy(u, captured, document)]
                keys = [u for u in (*found, captured) if is_web_url(u)]
            else:
                final = fetched.snapshot.provenance.url or fetched.url
                canonical = own
                if _is_home_page(canonical) and not _is_home_page(final):
                    canonical = None  # a template's canonical link, not this article's
                if self._another_outlets_copy(canonical, final, document):
                    canonical = None  # a partner's copy of the story: not its versions
                keys = [u for u in (canonical, final, fetched.url) if is_web_url(u)]
                notice = self._notice(keys, document)
                if notice is not None:
                    return self.file(replace(fetched, document=None, error=_Removed(notice)))
                story, versions = self._story_versions(keys)
                walled = self._walled(fetched.url, versions, document, fetched.snapshot)
                if walled is None:
                    walled = self._cut_short(fetched.url, versions, document)
                if walled is not None:
                    return self.file(replace(fetched, document=None, error=walled))
                moved = self._moved(
                    story, versions, canonical, final, fetched.url, fetched.snapshot
                )
                if older := self._older_copy(story, versions, fetched.url, document):
                    summarize = _warned(summarize, older)
            self.compared.clear()
            observation = self.store.observe(
                keys,
                document,
                fetched.snapshot.content,
                fetched.at,
                fetched_url=fetched.url,
                sent_at=fetched.sent,
                status=fetched.snapshot.provenance.status,
                source="wayback" if captured else "fetch",
                archive_url=archive_url,
                summarize=summarize,
                shrink_limit=self.options.shrink_limit,
                reread=reader(self.options.load, fetched.snapshot.provenance.encoding),
                moved_to=moved[0] if moved else None,
            )
            # The comparison of the new version with the one before (not the one of the
            # version after it with the new one, made too when a capture came in between).
            compared = next((c for new, c in self.compared if new is document), None)
            self.compared.clear()
            # The version is committed: a Ctrl-C now waits until its report is written and
            # its event told, or the restarted run, finding it stored, would give neither.
            with _interrupts_held():
                event = self._event(replace(fetched, moved=moved), observation)
                if observation.previous is not None and event.outcome == "new":
                    event = self._published(event, observation, compared)
                return self._told(event)

    def _moved(
        self,
        story: Story | None,
        versions: list[VersionInfo],
        canonical: str | None,
        final: str,
        requested: str,
        snapshot: Snapshot,
    ) -> tuple[str, str] | None:
        """The story's new address, and how it was learned, when the page now gives another
        than any it was last read at (see ``_last_addresses``): a story given a new slug,
        often with a 301 from the old one. It read as "only the page around the article
        changed". Never the address just asked for: a page read where it was asked for has
        not moved there (a Wayback import's archive address, a canonical link dropped)."""
        new = canonical or final
        if story is None or not versions or not is_web_url(new):
            return None
        if address_key(new) == address_key(requested):
            return None
        known = self._last_addresses(story, versions)
        if not known or address_key(new) in known:
            return None
        how = [
            *(["redirect"] if address_key(final) != address_key(requested) else []),
            *(["canonical link"] if canonical and self._links(snapshot, canonical) else []),
        ]
        return new, ", ".join(how) or "its address"

    def _last_addresses(self, story: Story, versions: list[VersionInfo]) -> set[str]:
        """The addresses (``address_key``) the story was last read at: the one a move
        recorded since its latest version read live found (that superseded them), else that
        version's final URL and canonical link; and the address its latest fetch asked
        for. An archive capture's addresses are the archive's, not the story's: a story
        known only from captures was at the address they captured."""
        live = [v for v in versions if v.source == "fetch"]
        latest = (live or versions)[-1]
        addresses = [self.store.last_read_at(story)]
        if moved := self.store.last_move(story, since=latest.first_seen):
            addresses.append(moved)
        elif latest.source == "fetch":
            document = self._stored(latest)
            addresses += [document.url, document.provenance.url]
        else:  # the archive's page is ".../web/<time>/<the address captured>"
            addresses.append((latest.archive_url or "").partition("/web/")[2].partition("/")[2])
        return {address_key(a) for a in addresses if a and is_web_url(a)}

    @staticmethod
    def _links(snapshot: Snapshot, canonical: str) -> bool:
        """Whether the page gives ``canonical`` as its canonical link: a document's ``url``
        is the final URL when it gives none. Read again only for a page found moved."""
        if snapshot.kind != "html":
            return False
        from compare.extract.html import page_canonical_link

        link = page_canonical_link(snapshot.text(), snapshot.provenance.url)
        return link is not None and address_key(link) == address_key(canonical)

    def _back(self, story: Story, url: str, at: str) -> dict[str, Any] | None:
        """A page read at ``at`` after the fetches of ``url`` before failed: what it came
        back from (a takedown undone is news to whoever saw it go), else ``None``. Not
        asked of the store for a page this run read last time, when no other process wrote
        to the store since: none failed in between."""
        if self.store.written_elsewhere():
            self.read_at.clear()  # another run may have filed a failure of any of them
        last_read, self.read_at[url] = self.read_at.get(url), at
        if last_read is not None and last_read < at:
            return None
        failed = self.store.failing(story, before=at, url=url)
        if not failed:
            return None
        from compare.publish import failure_kind

        last = failed[-1]
        return {
            "failure": failure_kind(last["error"] or "", last["status"]),
            "since": failed[0]["fetched_at"],
            "fetches": len(failed),
        }

    def _told(self, event: TrackEvent) -> TrackEvent:
        bucket = {"cosmetic": "unchanged", "reread": "unchanged", "not-modified": "unchanged"}.get(
            event.outcome, event.outcome
        )
        self.tally[bucket] += 1
        self.listener.event(event)
        return event

    def _published(
        self, event: TrackEvent, observation: Observation, compared: Comparison | None = None
    ) -> TrackEvent:
        """A new version with ``report_dir`` or ``key_changes``: its report written and its
        key changes found (compare/publish.py), from ``compared``, the comparison its
        summary was made from, when it is the report's. A report that cannot be written leaves the
        version stored and tracking going; the run ends with exit 2 as for an ``-o`` that
        cannot be written, unless something failed before."""
        if self.options.report_dir is None and not self.options.key_changes:
            return event
        from compare.compare_command import utc_now as report_time
        from compare.publish import publish_change

        assert observation.previous is not None and observation.version is not None
        published = publish_change(
            self.store,
            observation.story,
            observation.previous.number,
            observation.version.number,
            load=self.options.load,
            report_dir=self.options.report_dir,
            generated_at=report_time(),
            compared=compared,
            bases=self.report_bases,
        )
        if published.error is not None and self.options.report_dir is not None:
            self.exit_code = self.exit_code or int(ExitCode.INPUT)
        return replace(
            event,
            key_changes=published.key_changes,
            report=published.report,
            report_error=published.error,
        )

    def _gone(self, error: FetchError, stored: int) -> FetchError:
        """A tracked page that answers 404 or 410, with ``stored`` versions: the hint for a
        page given to `compare` (save it and pass the file) does not fit. Once versions are
        stored it is how an article is taken down; before, the address may be wrong, or the
        article gone."""
        if not stored:
            return FetchError(
                error.message,
                "check the URL; if the article was taken down, `storydiff wayback URL` "
                "imports the copies the Wayback Machine kept",
                status=error.status,
            )
        return FetchError(
            f"{error.message}: the article was probably taken down or moved",
            f"{_kept(stored)}; if it moved, find its new address and track that",
            status=error.status,
        )

    def _unreadable(self, url: str, error: ExtractionError, stored: int) -> ExtractionError:
        """A tracked page, with ``stored`` versions, in which extraction found no article:
        the hints for a page given to `extract` ("pass the article's own URL", "save it …
        and pass the saved file") do not fit the article's own URL once versions of it are
        stored, and a teaser above a wall, too short to read as an article at all, is named
        as a longer one is (_walled), so that `timeline` badges it "paywalled"."""
        if error.hint.startswith("held back"):
            return error  # track's own reading of the page (_walled)
        if not stored:
            # A first fetch: what to track instead, not a file to pass (track takes none).
            hint = _SAVED_COPY_ADVICE().sub("", error.hint).strip(" ,;")
            return ExtractionError(
                error.message, hint or "track the address of a page that shows its article"
            )
        kept = "held back, not stored as an edit: " + _kept(stored)
        if isinstance(error, TeaserError):
            return ExtractionError(
                f"{shown_url(url)} now shows only a {error.words}-word teaser above a "
                "subscription wall or a login",
                kept,
            )
        return ExtractionError(error.message, kept)

    def _notice(self, keys: list[str], document: Document) -> str | None:
        """The takedown notice a page read as a short article shows in place of a story
        stored before ("This article has been removed following a complaint ..."), or None.
        Only a text that kept little of the story stored before is read so: a brief that
        grows into a story reporting a removal, or an edit that adds one, stays a version."""
        text = "\n".join((document.title or "", *(p.text for p in document.paragraphs)))
        notice = _removal_notice(text)
        if notice is None:
            return None
        versions = self._versions(keys)
        if not versions:
            return None
        old, new = (
            Counter(w.casefold() for p in d.paragraphs for w in p.text.split())
            for d in (self._stored(versions[-1]), document)
        )
        # A notice replaces the story: most of OLD's words are gone. A story that keeps
        # them and adds a removal to say (a brief grown into its story) is a version.
        kept = sum((old & new).values()) / max(1, sum(old.values()))
        return notice if kept < 0.5 else None

    def _walled(
        self, url: str, versions: list[VersionInfo], document: Document, snapshot: Snapshot
    ) -> ExtractionError | None:
        """A page that now shows a subscription wall and, above it, only part of the story
        stored before (``versions``: the story's): no edit. Held as a shrink, the teaser was
        stored as a version once the wall was served again (a wall stays), the rest of the
        story "removed"."""
        if (
            not versions
            or document.word_count >= versions[-1].word_count * self.options.shrink_limit
        ):
            return None
        shown = _visible_text(snapshot, limit=2_000_000)
        wall = _wall_after_story(shown, document)
        if wall is None:
            return None
        line = " ".join(wall.group(0).split())
        # A wall line the page stored before showed as often is the site's chrome ("Already
        # a subscriber? Sign in" in its header), not a wall the story now stops at.
        earlier = _shown_text(self.store.raw(versions[-1]).decode("utf-8", "replace"))
        if _wall_lines(earlier)[line] >= _wall_lines(shown)[line]:
            return None
        old, new = (_bag(d) for d in (self._stored(versions[-1]), document))
        # The wall's own block, when read into the teaser, is no part of the story.
        block = shown[shown.rfind("\n", 0, wall.start()) + 1 : shown.find("\n", wall.end())]
        new -= Counter(w.casefold() for w in re.findall(r"\w+", block))
        if sum((old & new).values()) < 0.8 * sum(new.values()):
            return None  # what it shows is not the story's opening: a rewrite, wall or not
        return ExtractionError(
            f"{shown_url(url)} now shows only {document.word_count} of the story's "
            f'{versions[-1].word_count} words, above a subscription wall ("{line}")'
            # Only a teaser the extractor read as one (partial): one it did not tell from a
            # whole story may have its headline and byline in its text.
            + (self._shown_part_changes(versions, document) if document.partial else ""),
            "held back, not stored as an edit: " + _kept(len(versions)),
        )

    def _cut_short(
        self, url: str, versions: list[VersionInfo], document: Document
    ) -> ExtractionError | None:
        """A page stored whole that now shows only the story's opening (``Document.partial``:
        a wall after a long opening, a download cut off, a structured body cut short): no
        version. Stored, it hid the story's end from the history: the next whole fetch was
        compared with the cut one, whose end it does not show (past its end: no edit)."""
        if not document.partial:
            return None
        if not versions or self._stored(versions[-1]).partial:
            return None  # (the first fetch, or one cut as the one before: compared as such)
        return ExtractionError(
            f"{shown_url(url)} now shows only the story's opening, {document.word_count} of "
            f"its {versions[-1].word_count} words (a subscription wall, or its download or "
            "body cut short)" + self._shown_part_changes(versions, document),
            "held back, not stored as an edit: " + _kept(len(versions)),
        )

    def _shown_part_changes(self, versions: list[VersionInfo], document: Document) -> str:
        """What the opening a walled or cut page shows (``document``, partial) changed from
        the latest version's (its end, not shown, is no edit: see ``Document.partial``), as
        the track line says a new version's changes, with its key changes; empty when it
        changed nothing. Held back, the edit above a wall (a name in the standfirst) was
        recorded nowhere."""
        from compare.render.layout import as_read, key_changes

        latest = versions[-1]
        stored = self.store.document(latest, reader(self.options.load))
        made: list[Comparison] = []
        # The summary a new version gets, from one comparison, which the key changes read.
        summary = summarizer(self.options.compare, lambda _, c: made.append(c))(stored, document)
        comparison = as_read(made[0])
        if not comparison.summary.changed:
            return ""
        # The wall's own warning and the paragraphs past its end are why it is held back.
        summary["warnings"] = []
        summary["paragraphs"] = {k: n for k, n in summary["paragraphs"].items() if k != "unshown"}
        keys = [change.detail or change.kind for change, _ in key_changes(comparison)]
        shown = "; ".join(keys[:_SHOWN_KEY_CHANGES])
        if len(keys) > _SHOWN_KEY_CHANGES:
            shown += f"; {len(keys) - _SHOWN_KEY_CHANGES} more"
        return (
            f"; the part shown differs from version {latest.number}: "
            + describe_changes(summary)
            + (f" ({shown})" if shown else "")
        )

    def _older_copy(
        self, story: Story | None, versions: list[VersionInfo], address: str, document: Document
    ) -> str | None:
        """A warning for a page fetched from another address than the latest version was
        (an AMP copy whose canonical link is the story's) that is older than that version:
        its page says it was modified before, or it lacks a note the version has and says
        it was modified no later. Such a copy lags the page: stored with no word of it, its
        lag read as the newsroom taking its correction down, and the next fetch of the page
        as putting it back: that one is warned of too. Else None."""
        from compare.notes import notes_in

        if story is None or not versions or versions[-1].source != "fetch":
            return None
        latest = versions[-1]
        before = self.store.fetched_from(story, latest)
        if before is None or address_key(before) == address_key(address):
            return None
        if any(w.startswith("fetched from ") for w in (latest.changes or {}).get("warnings", [])):
            return (
                f"compared with version {latest.number}, fetched from {shown_url(before)}, a "
                "copy that lagged the page: what this one puts back was probably there all along"
            )
        stored = self._stored(latest)
        # Its modified time only: a copy that gives none may have been updated since its
        # publication without saying so.
        order = _date_order(document.modified, stored.modified)
        if order is not None and order < 0:
            why = f"its page says it was modified {document.modified}, before {stored.modified}"
        elif order is None or order == 0:
            texts = {p.text for p in document.paragraphs}
            lacks = [
                kind
                for kind, where in notes_in(stored)
                if any(stored.paragraphs[i].text not in texts for i in where)
            ]
            if not lacks:
                return None
            why = f"it lacks the {lacks[0]} version {latest.number} has"
        else:
            return None
        return (
            f"fetched from {shown_url(address)}, not from {shown_url(before)} as version "
            f"{latest.number} was, and older than it ({why}): probably a copy that lags the "
            "page, not an edit"
        )

    def _another_outlets_copy(
        self, canonical: str | None, address: str, document: Document
    ) -> bool:
        """Whether a page at ``address`` whose canonical link names ``canonical`` on another
        site is another outlet's copy of the story stored there (a syndication partner's,
        often trimmed or retitled), not a version of it: its site name is not the stored
        story's. Filed under the story, its text read as stealth edits of the original."""
        name = _declared_site_name(document)
        if not canonical or not name or _same_site(canonical, address):
            return False
        versions = self._versions([canonical])
        if not versions:
            return False  # nothing stored to tell an outlet from: the link is believed
        stored = _declared_site_name(self._stored(versions[-1]))
        if not stored:
            return False
        return _folded(stored) != _folded(name)

    def _stored(self, version: VersionInfo) -> Document:
        """A version's stored document as the checks before storing read it: decoded once
        (the latest version's was decoded by up to three of them for one fetch)."""
        found = self.decoded.get(version.id)
        if found is None:
            found = self.decoded[version.id] = self.store.document(version)
        return found

    def _versions(self, keys: list[str]) -> list[VersionInfo]:
        return self._story_versions(keys)[1]

    def _story_versions(self, keys: list[str]) -> tuple[Story | None, list[VersionInfo]]:
        """The story stored under the first of ``keys`` that names one, and its versions
        (looked up once for all the checks a fetch goes through)."""
        story = next((s for s in map(self.store.find_story, keys) if s is not None), None)
        return story, self.store.history(story) if story else []

    def _removed(self, url: str, notice: str, stored: int) -> ExtractionError:
        """A page, with ``stored`` versions, that now shows a takedown notice where its
        story was: a failure, said to be a takedown, that keeps what was stored (it was "no
        article text found ... pass the article's own URL"; a longer notice became a
        version of a few words)."""
        kept = (
            "nothing was stored for it before; `storydiff wayback URL` imports the copies the "
            "Wayback Machine kept"
            if not stored
            else _kept(stored)
        )
        said = (
            "shows a not-found page"
            if _NOT_FOUND().fullmatch(notice)
            else "says the article was removed"
        )
        return ExtractionError(
            f'{shown_url(url)} now {said} ("{notice}"): it was probably taken down', kept
        )

    def _event(self, fetched: _Fetched, observation: Observation) -> TrackEvent:
        version: VersionInfo | None = observation.version
        detail = ""
        if observation.outcome == "new" and version is not None:
            detail = describe_changes(version.changes)
        elif observation.outcome == "suspect" and version is not None:
            new_words = fetched.document.word_count if fetched.document else 0
            detail = (
                f"text shrank from {version.word_count} to {new_words} words: held until the "
                "next fetch confirms it"
            )
        elif observation.outcome == "cosmetic" and version is not None:
            stored = self.store.document(version)
            detail = (
                "only the page around the article changed (adverts, links, menus)"
                if fetched.document is not None
                and _words_as_written(fetched.document) == _words_as_written(stored)
                else "cosmetic changes only"
            )
            if fetched.moved is not None:  # the address changed, not the adverts
                detail = "the text is as before" if detail.startswith("only") else detail
            if fetched.document is not None and _moved_on(
                stored.modified, fetched.document.modified
            ):
                # A page that says it was updated and changed nothing a reader can see.
                detail = (
                    f"{detail}; its last-modified time moved on, {stored.modified} → "
                    f"{fetched.document.modified}, with no edit to the text"
                )
        elif observation.outcome == "reread":
            detail = (
                "no edit: this storydiff reads the page differently, so the stored version "
                "now holds the new reading of its saved page"
            )
        if fetched.moved is not None and observation.outcome != "suspect":
            to, how = fetched.moved
            detail = "; ".join(filter(None, (f"moved to {shown_url(to)} ({how})", detail)))
        previous = observation.previous if observation.outcome == "new" else None
        back = self._back(observation.story, fetched.url, fetched.at)
        if back is not None:
            since = back["since"][:19].replace("T", " ")
            came_back = (
                f"back after {back['failure']}: {back['fetches']} failed "
                f"fetch{'es' if back['fetches'] > 1 else ''} since {since} UTC"
            )
            detail = f"{came_back}; {detail}" if detail else came_back
        return TrackEvent(
            fetched.url,
            observation.outcome,
            fetched.at,
            version=version.number if version else None,
            title=version.title if version else None,
            detail=detail,
            first=observation.outcome == "new" and observation.previous is None,
            story=observation.story.url,
            previous=previous.number if previous else None,
            previous_title=(
                previous.title if previous and version and previous.title != version.title else None
            ),
            changes=version.changes if previous and version else None,
            back=back,
        )

    def round(self, label: str, urls: Sequence[str]) -> None:
        """Fetch every URL once and file the results in the order their answers came: the
        lines a round prints then go forward in time (in the URLs' order, a slow site
        listed first printed its later time above a fast one's earlier time), and a story
        reached by two URLs sees its fetches in the order they happened."""
        now = datetime.now(timezone.utc)
        # A host that asked to be left alone (429 with a Retry-After of an hour) is not
        # asked again before then: its pages wait for a later round.
        urls = [u for u in urls if self.held.get(_host(u), now) <= now]
        self.listener.round_started(label, len(urls))
        arrivals = _Arrivals()
        with closing(self.as_they_came(urls, lambda url: self.submit(url, arrivals))) as pages:
            for fetched in pages:
                self.file(fetched)
        self.tally["rounds"] += 1

    def as_they_came(
        self, items: Sequence[str], submit: Callable[[str], Future[_Fetched]]
    ) -> Generator[_Fetched, None, None]:
        """Each item's fetched page in the order the answers came (their ``arrival``), with
        a few fetches running ahead as in ``ahead``. A page whose answer came first may
        still be extracted when a later one is done: it waits for it."""
        from concurrent.futures import FIRST_COMPLETED, wait

        running: set[Future[_Fetched]] = set()
        done: dict[int, _Fetched] = {}
        following = 0

        def collect(block: bool) -> Iterator[_Fetched]:
            nonlocal following
            if running and (block or any(f.done() for f in running)):
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    running.discard(future)
                    fetched = future.result()
                    done[fetched.arrival] = fetched
            if not running and done and following not in done:
                following = min(done)  # unreachable: every stamped answer ends in a page
            while following in done:
                yield done.pop(following)
                following += 1

        try:
            for item in items:
                running.add(submit(item))
                while len(running) + len(done) > 2 * self.options.concurrency:
                    yield from collect(block=True)
                yield from collect(block=False)
            while running or done:
                yield from collect(block=True)
        finally:
            for future in running:  # a round cut short fetches nothing more
                future.cancel()

    def ahead(
        self, items: Sequence[T], submit: Callable[[T], Future[_Fetched]]
    ) -> Generator[tuple[T, _Fetched], None, None]:
        """Each item with its fetched page, in order, with a few fetches running ahead: the
        workers stay busy, and only a few pages wait in memory (an archive may hold
        thousands of captures)."""
        window: deque[tuple[T, Future[_Fetched]]] = deque()
        try:
            for item in items:
                window.append((item, submit(item)))
                if len(window) > 2 * self.options.concurrency:
                    first, future = window.popleft()
                    yield first, future.result()
            while window:
                first, future = window.popleft()
                yield first, future.result()
        finally:
            for _, future in window:  # a round cut short fetches nothing more
                future.cancel()

    def poll(self, label: str, urls: Callable[[], Sequence[str]]) -> TrackSummary:
        """Run rounds every ``options.every`` seconds until ``options.until`` or Ctrl-C."""
        interrupted = False
        try:
            while True:
                started = time.monotonic()
                try:
                    self.round(label, urls())
                except StoreLockedError as error:
                    if self.options.every is None:
                        raise
                    # A long write by another run (a big archive import) must not end a
                    # loop meant to run for days: this round's pages are fetched again at
                    # the next, and the exit status still tells, as for a failed fetch.
                    self.tally["skipped"] += 1
                    self.exit_code = self.exit_code or int(error.exit_code)
                    self.listener.round_skipped(error.message)
                if self.options.every is None:
                    break
                wait = max(0.0, started + self.options.every - time.monotonic())
                until = self.options.until
                if (
                    until is not None
                    and datetime.now(timezone.utc) + timedelta(seconds=wait) > until
                ):
                    break
                self.listener.waiting(wait)
                time.sleep(wait)
        except KeyboardInterrupt:
            interrupted = True
        finally:
            self.close(interrupted)
        return self.summary(interrupted)


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold a Ctrl-C (or a SIGTERM the command line turns into one) until the block ends,
    then raise it as it would have been: for the few steps after a version is committed
    (its report, its ``--jsonl`` line), which must not be half done. Only in the main
    thread, where Python runs signal handlers; a second signal is held as the first."""
    import signal

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[tuple[int, Any]] = []
    before: dict[int, Any] = {}

    def hold(signum: int, frame: Any) -> None:
        held.append((signum, frame))

    for number in (signal.SIGINT, signal.SIGTERM):
        handler = signal.getsignal(number)
        if callable(handler):  # a Python handler (KeyboardInterrupt); not SIG_DFL or SIG_IGN
            before[number] = handler
            signal.signal(number, hold)
    try:
        yield
    finally:
        for restored, handler in before.items():
            signal.signal(restored, handler)
        if held:
            first, frame = held[0]
            before[first](first, frame)


def _distinct(urls: Sequence[str]) -> list[str]:
    """``urls`` without repeats of one page: the same canonical URL (tracking parameters
    and fragments aside) is fetched once per round."""
    first: dict[str, str] = {}
    for url in urls:
        if _has_valid_port(url):  # a feed's link to port 99999 leads nowhere
            first.setdefault(canonical_url(url), url)
    return list(first.values())


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _same_site(one: str, other: str) -> bool:
    """Whether two URLs are on one site: the same host, or one's host within the other's
    ("edition.herald.example" and "herald.example"), "www.", "m." and "amp." aside."""
    hosts = []
    for url in (one, other):
        host = (urlsplit(url).hostname or "").lower()
        for prefix in ("www.", "m.", "amp."):
            host = host.removeprefix(prefix)
        hosts.append(host)
    first, second = hosts
    return first == second or first.endswith("." + second) or second.endswith("." + first)


def _declared_site_name(document: Document) -> str | None:
    """The site name a page gives itself, or None where the extractor fell back on a host
    name ("127.0.0.1:8080", "herald.example"): a page that names no outlet is no other
    outlet's."""
    name = (document.site_name or "").strip()
    if not name or (" " not in name and ("." in name or ":" in name)):
        return None
    for url in (document.url, document.provenance.url):
        with suppress(ValueError):  # (an address urlsplit cannot read names no host)
            if url and urlsplit(url).netloc.lower() == name.lower():
                return None
    return name


def _folded(name: str) -> str:
    return " ".join(name.casefold().split())


def _is_home_page(url: str | None) -> bool:
    """A site's front page: a web URL with no path and no query but tracking parameters."""
    if not is_web_url(url):
        return False
    parts = urlsplit(canonical_url(url))
    return parts.path in ("", "/") and not parts.query


def track(
    urls: Sequence[str],
    store: Store,
    options: TrackOptions | None = None,
    listener: Listener | None = None,
) -> TrackSummary:
    """Fetch each URL, store a new version when its text or headline changed, and repeat
    every ``options.every`` seconds until ``options.until`` or Ctrl-C."""
    _check_urls(urls)
    run = _Run(store, options or TrackOptions(), listener)
    return run.poll("tracking", lambda: _distinct(urls))


def watch(
    feeds: Sequence[str],
    store: Store,
    options: TrackOptions | None = None,
    listener: Listener | None = None,
) -> TrackSummary:
    """Read RSS or Atom feeds, and track every article they list (for ``options.follow``
    seconds after it first appeared), every ``options.every`` seconds."""
    _check_urls(feeds)
    run = _Run(store, options or TrackOptions(), listener)

    def articles() -> list[str]:
        found: list[str] = []
        for feed in dict.fromkeys(feeds):
            found.extend(_read_feed(run, feed))
        return _distinct(found)

    return run.poll("articles", articles)


def _read_feed(run: _Run, feed_url: str) -> list[str]:
    """The article URLs a feed lists now and listed within the follow window."""
    import feedparser

    from compare import sources

    checked_at = utc_now()
    etag, last_modified = run.store.feed_validators(feed_url)
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        with run.gate.slot(feed_url):
            snapshot = sources.fetch_url(feed_url, run.options.load, extra_headers=headers)
    except StorydiffError as error:
        if isinstance(error, FetchError) and error.status in (404, 410):
            error = FetchError(
                error.message,
                "check the feed's address: the site may have moved or retired the feed",
                status=error.status,
            )
        status = error.status if isinstance(error, FetchError) else None
        run.store.record_failure(feed_url, checked_at, error.one_line(), status=status, feed=True)
        run.exit_code = run.exit_code or int(error.exit_code)
        run.tally["failed"] += 1
        run.listener.event(
            TrackEvent(
                feed_url,
                "failed",
                checked_at,
                detail=error.one_line(),
                exit_code=int(error.exit_code),
            )
        )
        return _followed(run, feed_url, checked_at)
    items: list[str] = []
    guids: list[str | None] = []
    title = None
    if snapshot.provenance.status != 304:
        parsed = feedparser.parse(snapshot.content)
        # A feed's version is known from its root element, even when a stray entity
        # (&nbsp; in a description) made the XML ill-formed; a web page or a sitemap has none.
        if not parsed.entries and not parsed.get("version"):
            message = (
                f"{feed_url} is not an RSS or Atom feed — give the site's feed address, or "
                f"follow this one page with `storydiff track {shlex.quote(feed_url)}`"
            )
            run.store.record_failure(feed_url, checked_at, message, feed=True)
            run.exit_code = run.exit_code or 2
            run.tally["failed"] += 1
            run.listener.event(
                TrackEvent(feed_url, "failed", checked_at, detail=message, exit_code=2)
            )
            return _followed(run, feed_url, checked_at)
        if not parsed.entries:
            run.listener.feed_empty(feed_url)
        title = parsed.feed.get("title")
        for entry in parsed.entries:
            link = _entry_link(entry)
            if link:
                try:
                    item = urljoin(snapshot.provenance.url or feed_url, link)
                except ValueError:  # "http://[::1/x": no page to fetch, nor a watch to end
                    continue
                if not is_web_url(item):
                    # "javascript:…", "mailto:…" in an outlet's feed: no article to follow,
                    # and no failure of the watch (it ended every run in exit 2, for ever).
                    continue
                items.append(item)
                guids.append(str(entry["id"]) if entry.get("id") else None)
    run.store.note_feed(
        feed_url,
        checked_at,
        title=title,
        etag=snapshot.provenance.etag,
        last_modified=snapshot.provenance.last_modified,
        items=items,
        guids=guids,
    )
    return list(dict.fromkeys([*items, *_followed(run, feed_url, checked_at)]))


def _followed(run: _Run, feed_url: str, now: str) -> list[str]:
    since = datetime.fromisoformat(now.replace("Z", "+00:00")) - timedelta(
        seconds=run.options.follow
    )
    return run.store.feed_items_since(feed_url, format_time(since))


def _entry_link(entry: Any) -> str | None:
    for link in entry.get("links") or ():
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"])
    link = entry.get("link") or entry.get("id")
    return str(link) if link and is_web_url(str(link)) else None


@dataclass(frozen=True)
class Capture:
    """One Wayback Machine capture, as listed by the CDX API."""

    timestamp: str
    """The capture time as the archive writes it: ``20260524100000``."""
    original: str
    """The URL that was captured."""
    digest: str
    """The archive's content digest of the capture."""

    @property
    def at(self) -> str:
        """The capture time as stored."""
        moment = datetime.strptime(self.timestamp[:14].ljust(14, "0"), "%Y%m%d%H%M%S")
        return format_time(moment.replace(tzinfo=timezone.utc))


def list_captures(url: str, options: LoadOptions, wayback: WaybackOptions) -> list[Capture]:
    """Captures of ``url`` with status 200, one per distinct content digest, oldest first."""
    from compare import sources

    query: dict[str, str] = {
        "url": url,
        "output": "json",
        "fl": "timestamp,original,statuscode,digest,mimetype",
        "filter": "statuscode:200",
        "collapse": "digest",
    }
    if wayback.since:
        query["from"] = wayback.since.strftime("%Y%m%d%H%M%S")
    if wayback.until:
        query["to"] = wayback.until.strftime("%Y%m%d%H%M%S")
    if wayback.limit:
        query["limit"] = str(wayback.limit)
    if not is_web_url(wayback.archive) or not _has_valid_port(wayback.archive):
        # Named as given: the message named the whole CDX query built on it.
        raise InputError(
            f"--archive {wayback.archive} "
            + ("has no valid port" if is_web_url(wayback.archive) else "is not an http(s) URL"),
            "give the base URL of a Wayback Machine CDX API, such as https://web.archive.org "
            "(with --archive or STORYDIFF_WAYBACK)",
        )
    endpoint = f"{wayback.archive.rstrip('/')}/cdx/search/cdx?{urlencode(query)}"
    try:
        snapshot = sources.fetch_url(endpoint, options)
    except FetchError as error:
        if error.status is None:
            if wayback.archive == WaybackOptions.archive:
                raise
            # An archive set aside (often by STORYDIFF_WAYBACK, long forgotten) that cannot
            # be reached: "127.0.0.1 refused the connection — check the URL" sent the user
            # to the article's address, which was never asked for.
            raise FetchError(
                f"the archive at {wayback.archive} could not be reached: {error.message}",
                "check --archive (or STORYDIFF_WAYBACK), or leave it out for "
                f"{WaybackOptions.archive}",
            ) from None
        # The page hint ("check the URL, or save the page") fits no CDX query, whose long
        # address the user never typed.
        hint = (
            "check --archive (or STORYDIFF_WAYBACK): it must be the base URL of a Wayback "
            "Machine CDX API, such as https://web.archive.org"
        )
        if error.status >= 500:
            hint = "the archive may be busy or down: try again later, or " + hint
        raise FetchError(
            f"the archive at {wayback.archive} answered {error.status} to its CDX query for {url}",
            hint,
            status=error.status,
        ) from None
    body = snapshot.content.strip()
    if not body:
        return []
    try:
        rows = json.loads(body)
    except ValueError:
        raise FetchError(
            f"the archive at {wayback.archive} did not answer the CDX query with JSON",
            "check --archive: it must be a Wayback Machine (CDX API) base URL",
        ) from None
    if rows == []:  # what the CDX API answers for an address it holds no capture of
        return []
    try:
        header = [str(name) for name in rows[0]]
        captures = [dict(zip(header, row, strict=False)) for row in rows[1:]]
        found = [
            Capture(c["timestamp"], c["original"], c.get("digest", ""))
            for c in captures
            if str(c.get("statuscode", "200")) in ("200", "-")
        ]
        for capture in found:  # each one's fields as the API writes them, or none is read
            if not all(isinstance(v, str) for v in (capture.original, capture.digest)):
                raise TypeError(capture)
            capture.at  # noqa: B018 (a time it cannot read: "unexpected ValueError")
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        # JSON, but not the rows of captures the CDX API writes (numbers for strings, a
        # time that is no time, no "timestamp" column).
        raise FetchError(
            f"the archive at {wayback.archive} answered the CDX query with JSON that lists "
            "no captures it can have made",
            "check --archive: it must be a Wayback Machine (CDX API) base URL",
        ) from None
    found.sort(key=lambda c: c.timestamp)
    return found[: wayback.limit] if wayback.limit else found


def wayback(
    url: str,
    store: Store,
    options: TrackOptions | None = None,
    archive: WaybackOptions | None = None,
    listener: Listener | None = None,
) -> TrackSummary:
    """Import the Wayback Machine's captures of ``url`` as versions, at their capture times."""
    _check_urls([url])
    options = options or TrackOptions()
    archive = archive or WaybackOptions()
    captures = list_captures(url, options.load, archive)
    numbers_before = _version_numbers(store, url)
    run = _Run(store, options, listener)
    if not captures:  # an address never archived: said, not left to "0 new versions"
        dated = archive.since is not None or archive.until is not None
        run.listener.no_captures(url, archive.archive, dated)
    base = archive.archive.rstrip("/")
    interrupted = False
    try:
        run.listener.round_started("captures", len(captures))

        def replay(capture: Capture) -> Future[_Fetched]:
            page = f"{base}/web/{capture.timestamp}id_/{capture.original}"
            return run.pool.submit(_fetch, page, (None, None), options.load, run.gate, capture.at)

        for capture, fetched in run.ahead(captures, replay):
            run.file(
                fetched,
                captured=url,
                archive_url=f"{base}/web/{capture.timestamp}/{capture.original}",
            )
        run.tally["rounds"] += 1
    except KeyboardInterrupt:
        interrupted = True
    finally:
        run.close(interrupted)
    numbers_now = _version_numbers(store, url) if numbers_before else {}
    renumbered = tuple(
        (number, numbers_now[row])
        for row, number in numbers_before.items()
        if numbers_now.get(row, number) != number
    )
    return replace(run.summary(interrupted), renumbered=renumbered)


def _version_numbers(store: Store, url: str) -> dict[int, int]:
    """The number of each stored version of ``url``'s story, by row id (none when the store
    holds no story for it)."""
    story = store.find_story(url)
    return {} if story is None else {v.id: v.number for v in store.history(story)}


def _check_urls(urls: Sequence[str]) -> None:
    if not urls:
        raise InputError("no URLs given", "pass one or more http(s) URLs")
    for url in urls:
        if not is_web_url(url):
            raise InputError(
                f"{url} is not an http(s) URL", "storydiff tracks web pages: give http(s) URLs"
            )
        if not _names_a_host(url):  # "http:///etc/passwd": kept as a failing URL for ever
            raise InputError(f"{url} names no host", "give the page's full address, with its site")
        if not _has_valid_port(url):
            raise InputError(f"{url} has no valid port", "a port is a number from 1 to 65535")


def _names_a_host(url: str) -> bool:
    try:
        return bool(urlsplit(url).hostname)
    except ValueError:  # "http://[]/x": brackets round no address
        return False


def _has_valid_port(url: str) -> bool:
    try:
        return urlsplit(url).port != 0  # reading it raises ValueError when out of range
    except ValueError:
        return False
