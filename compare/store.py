"""The version store: one SQLite file that keeps every version of every tracked story.

Stories are keyed by canonical URL and remember every URL seen for them. A version is the
extracted document (as JSON), the raw page (zlib) and a content hash of the normalised
headline and text; a new version is stored only when that hash changes, so a cosmetic edit
(whitespace, quote style, dashes, a trailing stop) only moves the previous version's
last-seen time and is counted. When the hash changes, the version's raw page is read again
as this storydiff reads pages (see ``Reader``): a page that reads the same now was not
edited, only read differently by an upgraded storydiff, and its stored document is updated
to the new reading instead of a new version being filed. Every fetch attempt is recorded,
failed ones included.

Versions are numbered in the order they were first seen, so importing older captures from
the Wayback Machine slots them in before the ones tracked since. Every write is one
``BEGIN IMMEDIATE`` transaction in WAL mode: a process killed at any moment leaves the
file consistent, and two processes writing at once wait for each other instead of failing
or storing the same version twice.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl, quote, unquote_plus, urlencode, urlsplit

from compare.errors import InputError, NotStoredError, StoreError, StoreLockedError
from compare.model import Document, Paragraph, Provenance
from compare.text import lazy_pattern, normalize, unsplit_url

#: The schema this storydiff writes; ``PRAGMA user_version`` holds the file's.
SCHEMA_VERSION = 5

#: The outcome of one observation of a page.
Outcome = Literal["new", "unchanged", "cosmetic", "reread", "not-modified", "suspect", "failed"]

#: Seconds a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT = 60.0

#: Milliseconds of each wait for another writer, between which Ctrl-C is heard.
_BUSY_STEP_MS = 50

#: Tries to create or open a store that other runs are creating or removing at once.
_OPEN_ATTEMPTS = 5

# Index i upgrades a file from schema i to i + 1. Never edit a released step: add one.
_MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT
    );
    CREATE TABLE story_urls (
        url TEXT PRIMARY KEY,
        story_id INTEGER NOT NULL REFERENCES stories(id)
    );
    CREATE TABLE versions (
        id INTEGER PRIMARY KEY,
        story_id INTEGER NOT NULL REFERENCES stories(id),
        content_hash TEXT NOT NULL,
        title TEXT,
        word_count INTEGER NOT NULL,
        document TEXT NOT NULL,
        raw BLOB,
        raw_sha256 TEXT,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        cosmetic_changes INTEGER NOT NULL DEFAULT 0,
        source TEXT NOT NULL,
        archive_url TEXT,
        changes TEXT
    );
    CREATE INDEX versions_by_time ON versions (story_id, first_seen, id);
    CREATE TABLE pending (
        story_id INTEGER PRIMARY KEY REFERENCES stories(id),
        content_hash TEXT NOT NULL,
        document TEXT NOT NULL,
        raw BLOB,
        raw_sha256 TEXT,
        seen_at TEXT NOT NULL,
        source TEXT NOT NULL,
        archive_url TEXT
    );
    CREATE TABLE fetches (
        id INTEGER PRIMARY KEY,
        story_id INTEGER REFERENCES stories(id),
        url TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        status INTEGER,
        bytes INTEGER,
        error TEXT,
        outcome TEXT NOT NULL,
        version_id INTEGER REFERENCES versions(id)
    );
    CREATE INDEX fetches_by_story ON fetches (story_id, fetched_at);
    CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        checked_at TEXT
    );
    CREATE TABLE feed_items (
        feed_url TEXT NOT NULL REFERENCES feeds(url),
        url TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        PRIMARY KEY (feed_url, url)
    );
    """,
    # 1 -> 2: content_hash covers the standfirst; Store._migrate recomputes the stored ones,
    # or the next fetch of every story with a standfirst would store it again unchanged.
    "",
    # 2 -> 3: content_hash reads the text across paragraph breaks; recomputed likewise.
    "",
    # 3 -> 4: a feed item's guid, so that an item whose link changes stays one story;
    # Store._migrate adds the column (unless a file marked older already has it).
    "",
    # 4 -> 5: the address a fetch found the story moved to (a redirect, a new canonical
    # link) when its text was unchanged and no version was stored; Store._migrate adds it.
    "",
)

# Read in lower case: "2026-05-24t10:00z".
_SELECTOR = re.compile(
    r"^(?:first|latest|-?\d+"
    r"|\d{4}-\d\d-\d\d(?:[t ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?(?:z|[+-]\d\d:?\d\d)?)$"
)
_TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$", re.I)


def utc_now() -> str:
    """The current time as stored: ISO 8601 UTC with milliseconds, so that two fetches in
    the same second still sort in the order they happened."""
    return format_time(datetime.now(timezone.utc))


def format_time(moment: datetime) -> str:
    """A datetime as stored (``2026-05-24T10:00:00.000Z``); naive means UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


#: An ISO 8601 date, or date and time, with an optional offset: the forms parse_time reads.
_ISO_TIME = lazy_pattern(
    r"(\d{4}-\d\d-\d\d)(?:T(\d\d:\d\d(?::\d\d)?)(?:\.(\d+))?)?(Z|[+-]\d\d:?\d\d)?",
    re.IGNORECASE,
)


def parse_time(text: str) -> datetime:
    """An ISO 8601 date or time as a UTC datetime: ``2026-05-24``, ``2026-05-24T10:00``,
    with seconds and a fraction, and with ``Z`` or an offset (``+02:00``, ``+0200``). A date
    with an offset is its midnight there (``2026-05-24+02:00`` is 2026-05-23T22:00Z); naive
    times are taken as UTC."""
    # Python 3.11's fromisoformat alone would take the "+" of "2026-05-24+02:00" for the
    # separator of a time, 02:00 UTC, and 3.10's refuses "+0200": the parts are read here.
    match = _ISO_TIME().fullmatch(text.strip().replace(" ", "T", 1))
    moment = None
    if match:
        day, clock, fraction, offset = match.groups()
        offset = (offset or "").upper().replace("Z", "+00:00")
        if offset and ":" not in offset:
            offset = f"{offset[:3]}:{offset[3:]}"
        micro = f".{(fraction + '00000')[:6]}" if fraction else ""
        try:
            moment = datetime.fromisoformat(f"{day}T{clock or '00:00'}{micro}{offset}")
        except ValueError:  # a day, hour or offset out of range
            moment = None
    if moment is None:
        raise InputError(
            f"not a date or time: {text!r}",
            "use ISO 8601, such as 2026-05-24, 2026-05-24T10:00 or 2026-05-24T10:00+02:00",
        )
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def canonical_url(url: str) -> str:
    """The key a URL is filed under: its :func:`shown_url`, with the query's encoding made
    one (``a,b`` and ``a%2Cb`` are one key)."""
    try:
        scheme, host, path, query = _url_parts(url)
    except ValueError:  # no URL urlsplit can read ("http://[::1"): the address as given
        return url.strip()
    return unsplit_url(scheme, host, path, urlencode(parse_qsl(query, keep_blank_values=True)))


def shown_url(url: str) -> str:
    """A URL as track lines and errors show it, one form for both: scheme and host
    lower-cased, no fragment, no default port and no tracking parameters (utm_*, fbclid,
    ...); the rest of the query as written. It finds the story as the URL given does."""
    try:
        scheme, host, path, query = _url_parts(url)
    except ValueError:  # as canonical_url
        return url.strip()
    return unsplit_url(scheme, host, path, query)


def address_key(url: str) -> str:
    """A fetched URL as one page's address: its :func:`canonical_url`, http and https
    alike (a feed's link with its utm_* tags is the page's own address)."""
    return canonical_url(url).split("://", 1)[-1]


def _url_parts(url: str) -> tuple[str, str, str, str]:
    """Scheme, host (and port), path and query, less tracking parameters, of ``url``."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 address keeps its brackets ("http://[::1]:8780/")
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:  # no port we can read ("http://::1:8780/"): the address as given
        port, host = None, parts.netloc.lower()
    if port and not (
        (parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)
    ):
        host = f"{host}:{port}"
    # Each parameter's name read as parse_qsl reads it ("utm%5Fsource" too); the others
    # kept as written, so that what is shown is what was given.
    query = "&".join(
        part
        for part in parts.query.split("&")
        if part and not _TRACKING_PARAMS.match(unquote_plus(part.partition("=")[0]))
    )
    return parts.scheme.lower(), host, parts.path or "/", query


def content_hash(document: Document) -> str:
    """Hash of the normalised headline, standfirst and text. Equal for versions that differ
    only cosmetically: whitespace, quote style, dashes, invisible characters, full stops at
    the ends of sentences, and where the paragraphs break: an advert's box dropped into a
    paragraph splits it in two, in one fetch and not the next, and no word changed."""
    digest = hashlib.sha256()
    standfirst = (document.standfirst,) if document.standfirst else ()
    for part in (document.title or "", *standfirst):
        digest.update(_hash_key(part).encode("utf-8"))
        digest.update(b"\x00")
    # A sentence's end inside the text read across the breaks (each paragraph's last stop is
    # gone already) is dropped, so that "rose. Then" as one paragraph hashes as "rose" and
    # "Then" as two do; align._joined reads split and merged paragraphs the same way.
    text = " ".join(_hash_key(p.text) for p in document.paragraphs).replace(". ", " ")
    digest.update(text.encode("utf-8"))
    return digest.hexdigest()


def _hash_key(text: str) -> str:
    return re.sub(r"\s*-\s*", " - ", normalize(text)).rstrip(" .")


def document_to_json(document: Document) -> str:
    """A document as stored: the JSON contract of ``render.json.document_dict``, plus the
    conditional-request validators that contract leaves out."""
    from compare.render.json import document_dict

    data = document_dict(document)
    data["source"]["etag"] = document.provenance.etag
    data["source"]["last_modified"] = document.provenance.last_modified
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def document_from_dict(data: dict[str, Any]) -> Document:
    """The reverse of ``render.json.document_dict``: plain data back into a Document.
    Derived fields (``word_count``) are ignored; missing optional ones take their defaults."""
    source = data.get("source") or {}
    provenance = Provenance(
        spec=source.get("spec") or "",
        url=source.get("url"),
        fetched_at=source.get("fetched_at"),
        status=source.get("status"),
        content_type=source.get("content_type"),
        encoding=source.get("encoding"),
        sha256=source.get("sha256") or "",
        etag=source.get("etag"),
        last_modified=source.get("last_modified"),
    )
    return Document(
        paragraphs=tuple(
            Paragraph(p["text"], tuple(p.get("sentences") or (p["text"],)))
            for p in data.get("paragraphs") or ()
        ),
        title=data.get("title"),
        authors=tuple(data.get("authors") or ()),
        site_name=data.get("site_name"),
        published=data.get("published"),
        modified=data.get("modified"),
        url=data.get("url"),
        language=data.get("language"),
        description=data.get("description"),
        summary=data.get("summary"),
        provenance=provenance,
        warnings=tuple(data.get("warnings") or ()),
        live=bool(data.get("live")),
        partial=bool(data.get("partial")),
    )


def default_db_path() -> Path:
    """Where the store lives unless --db or STORYDIFF_DB say otherwise."""
    from platformdirs import user_data_path

    return user_data_path("storydiff", appauthor=False) / "versions.db"


def resolve_db_path(db: Path | str | None = None) -> Path:
    """The database to use: ``db`` if given, else $STORYDIFF_DB, else the default."""
    if db:
        return Path(db).expanduser()
    env = os.environ.get("STORYDIFF_DB")
    return Path(env).expanduser() if env else default_db_path()


@dataclass(frozen=True)
class Story:
    """One tracked story."""

    id: int
    """Row id."""
    url: str
    """The canonical URL it is filed under."""
    created_at: str
    """When it was first stored."""
    etag: str | None
    """ETag of the latest full fetch, for the next conditional request."""
    last_modified: str | None
    """Last-Modified of the latest full fetch."""


@dataclass(frozen=True)
class VersionInfo:
    """One stored version, without its document: what ``history`` lists."""

    id: int
    """Row id."""
    number: int
    """1-based, in the order versions were first seen."""
    first_seen: str
    """When this text was first seen (fetch time, or the archive's capture time)."""
    last_seen: str
    """When it was last seen unchanged."""
    title: str | None
    """The headline."""
    word_count: int
    """Words in the body."""
    changes: dict[str, Any] | None
    """Change summary against the previous version; ``None`` for the first."""
    cosmetic_changes: int
    """Cosmetic-only edits seen while this version was current."""
    source: str
    """``fetch`` or ``wayback``."""
    archive_url: str | None
    """The archive's page for an imported capture."""


@dataclass(frozen=True)
class Observation:
    """What the store made of one fetched page."""

    story: Story
    """The story it was filed under."""
    outcome: Outcome
    """``new``, ``unchanged``, ``cosmetic``, ``reread`` (the same text, read differently by
    this storydiff: the stored document was updated), ``not-modified`` or ``suspect``
    (held back)."""
    version: VersionInfo | None
    """The version now current at that time (the new one, or the one seen again); for a late
    answer read differently, the earlier version that took the new reading."""
    previous: VersionInfo | None = None
    """For a new version, the one before it."""


#: Computes the change summary between two consecutive versions (plain data for JSON).
Summarizer = Callable[[Document, Document], dict[str, Any]]

#: Reads a stored raw page again as this storydiff reads pages: given the document stored
#: with it (for its provenance) and its bytes, the readings worth trying, best first; none
#: when it cannot be read. The store stays free of the HTML stack: track.py passes one.
Reader = Callable[[Document, bytes], Iterator[Document]]

#: Readings of stored pages taken before a write transaction (see ``Store._read_ahead``),
#: by ``_row_key``: the reading, and whether it matched the page just fetched.
_Readings = dict[tuple[Any, ...], tuple[Document | None, bool]]


#: Stored documents read at a time when an upgrade recomputes their hashes.
_REHASH_BATCH = 500


class Store:
    """An open version store. Not shared between threads; open one per process."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path,
        *,
        created: bool = False,
        new_folders: tuple[Path, ...] = (),
    ) -> None:
        self.connection = connection
        self.path = path
        self.created = created
        """This process created the file: only it may remove it (see :meth:`remove_if_unused`)."""
        self.new_folders = new_folders
        """The folders this process made for the file, deepest first."""
        self._data_version: int | None = None
        """SQLite's count of the commits other connections made, when last asked."""

    # ---- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls, db: Path | str | None = None, *, create: bool = True, read_only: bool = False
    ) -> Store:
        """Open (and create or upgrade) the store at ``db`` (see :func:`resolve_db_path`).
        ``read_only`` opens an existing store for reading alone: it is never created,
        upgraded or written, so it may sit in a folder this user cannot write to."""
        path = resolve_db_path(db)
        if path.is_dir():
            raise StoreError(
                f"{path} is a folder, not a database file",
                f"give a file name, such as {path / 'versions.db'}",
            )
        if path.exists() and not path.is_file():
            # SQLite waits forever on a named pipe, and on a device fails in "disk I/O error".
            raise StoreError(
                f"{path} is not a file but a device, pipe or socket",
                "give a database file, such as versions.db, with --db or STORYDIFF_DB",
            )
        if not path.exists() and (read_only or not create):
            raise StoreError(
                f"no version store at {path}",
                "track a story first, or point --db or STORYDIFF_DB at your database",
            )
        if read_only:
            return cls._open_read_only(path)
        for _ in range(_OPEN_ATTEMPTS):
            created, folders = _create_file(path) if create else (False, ())
            before = _identity(path)
            store = cls(_connect(path), path, created=created, new_folders=folders)
            try:
                store._prepare()
            except BaseException as error:
                store.close()
                if isinstance(error, StoreError) and _identity(path) != before:
                    continue  # SQLite refuses to write to a removed file: see below
                raise
            if before is not None and _identity(path) == before:
                return store
            # Another run removed the file it had made while this one opened it (see
            # remove_if_unused): what would be written here would be lost. Open it again.
            store.close()
        raise StoreError(
            f"cannot open {path}: other processes keep removing it",
            "run again once they have finished, or use another --db",
        )

    @classmethod
    def _open_read_only(cls, path: Path) -> Store:
        uri = f"file:{quote(str(path.resolve()))}?mode=ro"
        try:
            return cls._checked(path, uri)
        except StoreError as error:
            code = getattr(error.__cause__, "sqlite_errorcode", None)
            if not isinstance(code, int) or code & 0xFF not in (SQLITE_READONLY, SQLITE_CANTOPEN):
                raise
        # A WAL file read where its -shm cannot be created (a read-only folder): no writer
        # can be at work there either, so SQLite may read it as immutable, but then it
        # would pass over what a -wal file left there holds: the latest versions.
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size:
            raise StoreError(
                f"cannot read {path} here: its latest changes are in {wal.name}, which SQLite "
                "reads only in a folder it may write to",
                "copy the database with its -wal file to a writable folder and use that",
            )
        return cls._checked(path, uri + "&immutable=1")

    @classmethod
    def _checked(cls, path: Path, uri: str) -> Store:
        store = cls(_connect(path, uri), path)
        try:
            store._check_schema()
        except BaseException:
            store.close()
            raise
        return store

    def _check_schema(self) -> None:
        """Refuse a file from a newer storydiff, an empty one and a foreign database."""
        with self._errors():
            found = self.connection.execute("PRAGMA user_version").fetchone()[0]
            tables = self.connection.execute(
                "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            ).fetchone()[0]
        self._refuse_newer(found)
        if found == 0:
            raise StoreError(
                f"{self.path} is an SQLite database, but not a storydiff store"
                if tables
                else f"{self.path} is empty: no story was ever stored in it",
                "choose another file with --db",
            )

    def _refuse_newer(self, schema: int) -> None:
        if schema > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer storydiff (schema {schema}; "
                f"this one reads up to {SCHEMA_VERSION})",
                "upgrade storydiff, or use another database with --db",
            )

    def _prepare(self) -> None:
        with self._errors():
            found = self.connection.execute("PRAGMA user_version").fetchone()[0]
            self._refuse_newer(found)
            self._use_wal()
            if found < SCHEMA_VERSION:
                self._migrate()

    def _use_wal(self) -> None:
        """Switch the file to WAL mode. The switch needs the file to itself and SQLite does
        not wait for that, so two processes creating one database at once retry here."""
        deadline = time.monotonic() + BUSY_TIMEOUT
        while True:
            try:
                if self.connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self.connection.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error).lower() or time.monotonic() > deadline:
                    raise
            time.sleep(0.05)

    def _migrate(self) -> None:
        with self.transaction():
            found = self.connection.execute("PRAGMA user_version").fetchone()[0]
            if (
                found == 0
                and self.connection.execute(
                    "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                ).fetchone()[0]
            ):
                raise StoreError(
                    f"{self.path} is an SQLite database, but not a storydiff store",
                    "choose another file with --db",
                )
            for step in range(found, SCHEMA_VERSION):
                for statement in _MIGRATIONS[step].split(";"):
                    if statement.strip():
                        self.connection.execute(statement)
            if 1 <= found < 3:
                for table in ("versions", "pending"):
                    self._rehash(table)
            if not self._has_column("feed_items", "guid"):
                self.connection.execute("ALTER TABLE feed_items ADD COLUMN guid TEXT")
            if not self._fetches_know_moves():
                self.connection.execute("ALTER TABLE fetches ADD COLUMN moved_to TEXT")
            self.connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _fetches_know_moves(self) -> bool:
        """Whether the file's fetches record ``moved_to`` (schema 5): an older file opened
        read-only (history, timeline, export) is read without it."""
        return self._has_column("fetches", "moved_to")

    def _has_column(self, table: str, column: str) -> bool:
        """Whether the file's ``table`` has ``column`` (one a later schema added)."""
        rows = self.connection.execute(f"PRAGMA table_info({table})")
        return any(row[1] == column for row in rows)

    def _rehash(self, table: str) -> None:
        """Recompute every stored content hash of ``table``, a batch of documents at a time:
        a store of 100,000 versions would not fit in memory read at once."""
        last = -1
        while rows := self.connection.execute(
            f"SELECT rowid, document FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT ?",
            (last, _REHASH_BATCH),
        ).fetchall():
            self.connection.executemany(
                f"UPDATE {table} SET content_hash = ? WHERE rowid = ?",
                [(content_hash(_decode(text)), rowid) for rowid, text in rows],
            )
            last = rows[-1][0]

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()

    def remove_if_unused(self) -> bool:
        """Close the store, and remove its file (and the folders made for it, when left
        empty) if this process created it, nothing was stored in it and no other process
        has it open: what a run that failed before storing anything leaves behind."""
        db = self.connection
        try:
            if not self.created or not self.is_empty():
                return False
            db.execute("PRAGMA busy_timeout = 0")
            # Leaving WAL mode needs the file to itself: it fails while another process
            # has it open. Then an EXCLUSIVE transaction keeps every other process from
            # reading or writing it until it is gone; one that opened it meanwhile sees it
            # was removed and opens it again (Store.open).
            if db.execute("PRAGMA journal_mode = DELETE").fetchone()[0] != "delete":
                return False
            db.execute("BEGIN EXCLUSIVE")
            try:
                unused = self.is_empty()  # again: another run may have come and gone
                if unused:
                    for suffix in ("", "-wal", "-shm", "-journal"):
                        Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            finally:
                db.execute("ROLLBACK")
            if not unused:
                db.execute("PRAGMA journal_mode = WAL")
                return False
        except (sqlite3.Error, StoreError):
            return False
        finally:
            self.close()
        for folder in self.new_folders:
            try:
                folder.rmdir()  # only while empty: never another run's files
            except OSError:
                break
        return True

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- plumbing ------------------------------------------------------------------------

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise store_error(error, self.path) from error

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: taken at once (IMMEDIATE), committed whole or not at all."""
        with self._errors():
            self._begin()
            try:
                yield self.connection
                self.connection.execute("COMMIT")
            except BaseException:
                # SQLite has already rolled back after some errors (a full disk, say).
                if self.connection.in_transaction:
                    self.connection.execute("ROLLBACK")
                raise

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting up to BUSY_TIMEOUT for another process's write in short
        steps: SQLite's own wait does not return for signals, so Ctrl-C would go unheard
        for as long as the other process held the lock."""
        deadline = time.monotonic() + BUSY_TIMEOUT
        self.connection.execute(f"PRAGMA busy_timeout = {_BUSY_STEP_MS}")
        try:
            while True:
                try:
                    self.connection.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as error:
                    if not _is_busy(error) or time.monotonic() > deadline:
                        raise
                time.sleep(_BUSY_STEP_MS / 1000)
        finally:
            self.connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")

    def _one(self, sql: str, params: tuple[Any, ...] = ()) -> sqlite3.Row | None:
        with self._errors():
            row: sqlite3.Row | None = self.connection.execute(sql, params).fetchone()
            return row

    # ---- stories -------------------------------------------------------------------------

    def find_story(self, url: str) -> Story | None:
        """The story ``url`` was seen for, by any of its URLs."""
        row = self._one(
            "SELECT s.* FROM story_urls u JOIN stories s ON s.id = u.story_id WHERE u.url = ?",
            (canonical_url(url),),
        )
        return _story(row) if row else None

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified to send with a fetch of ``url``: its story's, only
        when the story's last fetch that read a page was of ``url`` too. A story reached
        by two addresses (its page and an AMP or a syndicated copy) keeps one pair, which
        the other address's server would judge: the copy's later Last-Modified made the
        page itself answer 304, and the page was taken to hold the copy's text."""
        story = self.find_story(url)
        if story is None or not (story.etag or story.last_modified):
            return None, None
        row = self._one(
            "SELECT url FROM fetches WHERE story_id = ? AND outcome != 'failed' "
            "ORDER BY fetched_at DESC, id DESC LIMIT 1",
            (story.id,),
        )
        if row is None or canonical_url(row[0]) != canonical_url(url):
            return None, None
        return story.etag, story.last_modified

    def require_story(self, url: str) -> Story:
        """Like :meth:`find_story`, with a clear error when the URL was never stored."""
        story = self.find_story(url)
        if story is None:
            # Tracked, but every fetch failed (a 404 from the start): say so, rather than
            # tell the user to run the `track` they ran.
            # The URLs `history` lists as never fetched, found the same way (by canonical URL).
            key = canonical_url(url)
            failed = next((e for e in self.never_fetched() if e["url"] == key), None)
            if failed is not None:
                error = failed["error"] or "no reason recorded"
                attempts = "fetch" if failed["attempts"] == 1 else f"{failed['attempts']} fetches"
                raise NotStoredError(
                    f"no stored versions of {url} in {self.path}: its {attempts} since "
                    f"{failed['first_tried'][:16].replace('T', ' ')} failed "
                    f"(last: {error.split(' — ')[0]})",
                    "check the URL; if the article was taken down, `storydiff wayback URL` "
                    "imports the copies the Wayback Machine kept",
                )
            near = self._near_story(url)
            if near is not None:
                raise NotStoredError(
                    f"no stored versions of {url} in {self.path}, but it holds {near.url}",
                    "pass that address, or run `storydiff track URL` to follow this one as "
                    "a story of its own",
                )
            raise NotStoredError(
                f"no stored versions of {url} in {self.path}",
                "run `storydiff track URL` or `storydiff wayback URL` first",
            )
        return story

    def _near_story(self, url: str) -> Story | None:
        """The story filed under an address that differs from ``url`` only as a pasted
        address often does: http or https, with or without www., a trailing slash,
        index.html, or a query; ``None`` when there is none."""
        try:
            parts = urlsplit(canonical_url(url))
        except ValueError:  # no URL urlsplit can read ("http://[::1"), nor one near it
            return None
        if parts.scheme not in ("http", "https"):
            return None
        bare = parts.netloc.removeprefix("www.")
        path = parts.path.removesuffix("index.html").removesuffix("index.htm").rstrip("/")
        keys = {
            unsplit_url(scheme, host, tail, query)
            for scheme in ("https", "http")
            for host in (bare, f"www.{bare}")
            for tail in (path or "/", f"{path}/", f"{path}/index.html")
            for query in {parts.query, ""}
        }
        keys.discard(canonical_url(url))
        if not keys:
            return None
        marks = ", ".join("?" * len(keys))
        row = self._one(
            "SELECT s.* FROM story_urls u JOIN stories s ON s.id = u.story_id"
            f" WHERE u.url IN ({marks}) ORDER BY s.id LIMIT 1",
            tuple(sorted(keys)),
        )
        return _story(row) if row else self._misspelt_story(canonical_url(url))

    def _misspelt_story(self, url: str) -> Story | None:
        """The story filed under an address on the same site that differs from ``url`` by a
        letter or two, or that ``url`` is the start of (a slug cut short when pasted or
        typed: ".../marrow-creek-lea"); ``None`` when there is none."""
        import difflib

        parts = urlsplit(url)
        site = f"%://{parts.netloc.removeprefix('www.')}/%"
        with self._errors():
            rows = self.connection.execute(
                "SELECT url FROM story_urls WHERE url LIKE ? OR url LIKE ? LIMIT 5000",
                (site, site.replace("://", "://www.", 1)),
            ).fetchall()
        stored = [r[0] for r in rows]
        longer = [u for u in stored if u.startswith(url) and len(u) - len(url) <= 3]
        close = longer or difflib.get_close_matches(url, stored, n=1, cutoff=0.95)
        return self.find_story(close[0]) if close else None

    def is_empty(self) -> bool:
        """Whether nothing was ever stored in it: no story, no fetch, no feed."""
        with self._errors():
            row = self.connection.execute(
                "SELECT EXISTS (SELECT 1 FROM stories) OR EXISTS (SELECT 1 FROM fetches)"
                " OR EXISTS (SELECT 1 FROM feeds)"
            ).fetchone()
        return not row[0]

    def stories(self) -> list[Story]:
        """Every story, oldest first."""
        with self._errors():
            rows = self.connection.execute("SELECT * FROM stories ORDER BY id").fetchall()
        return [_story(r) for r in rows]

    def urls_before(self, story: Story) -> Iterator[str]:
        """The URLs of the stories filed before ``story``, newest first, read as they are
        asked for: a caller looking for one stops there."""
        with self._errors():
            rows = self.connection.execute(
                "SELECT url FROM stories WHERE id < ? ORDER BY id DESC", (story.id,)
            )
            try:
                for (url,) in rows:
                    yield url
            finally:
                rows.close()

    def overview(self) -> list[dict[str, Any]]:
        """Every story, oldest first, with what ``history`` with no URL lists: its URL, the
        latest headline, how many versions and when the first and the latest were first
        seen (``None`` for a story whose every version is still held as suspect)."""
        with self._errors():
            rows = self.connection.execute(
                "SELECT s.id, s.url, count(v.id) AS versions, min(v.first_seen) AS first_seen,"
                " max(v.last_seen) AS last_seen, (SELECT title FROM versions w"
                " WHERE w.story_id = s.id ORDER BY w.first_seen DESC, w.id DESC LIMIT 1)"
                " AS title FROM stories s LEFT JOIN versions v ON v.story_id = s.id"
                " GROUP BY s.id ORDER BY s.id"
            ).fetchall()
        return [dict(r) for r in rows]

    def never_fetched(self) -> list[dict[str, Any]]:
        """The URLs tracked as articles whose every fetch failed, so no story holds them
        (``history`` with no URL lists them as failing), first tried first: the canonical
        URL, how many attempts, the first and the last, and the last one's status and error.
        A feed's failures are left out once it was read; one never read cannot be told apart."""
        with self._errors():
            rows = self.connection.execute(
                "SELECT url, fetched_at, status, error FROM fetches WHERE story_id IS NULL"
                " AND outcome = 'failed' AND url NOT IN (SELECT url FROM feeds)"
                " ORDER BY fetched_at, id"
            ).fetchall()
            filed = {r[0] for r in self.connection.execute("SELECT url FROM story_urls")}
        found: dict[str, dict[str, Any]] = {}
        for row in rows:
            key = canonical_url(row["url"])
            if key in filed:  # fetched under another address since
                continue
            entry = found.setdefault(
                key, {"url": key, "attempts": 0, "first_tried": row["fetched_at"]}
            )
            entry["attempts"] += 1
            entry.update(last_tried=row["fetched_at"], status=row["status"], error=row["error"])
        return list(found.values())

    def story_urls(self, story: Story) -> list[str]:
        """Every URL seen for a story."""
        with self._errors():
            rows = self.connection.execute(
                "SELECT url FROM story_urls WHERE story_id = ? ORDER BY url", (story.id,)
            ).fetchall()
        return [r[0] for r in rows]

    def _file_story(self, urls: list[str], when: str) -> Story:
        """Inside a transaction: the story for these URLs (the first is the key when new)."""
        keys = list(dict.fromkeys(canonical_url(u) for u in urls if u))
        db = self.connection
        row = None
        for key in keys:
            row = db.execute(
                "SELECT s.* FROM story_urls u JOIN stories s ON s.id = u.story_id WHERE u.url = ?",
                (key,),
            ).fetchone()
            if row:
                break
        if row is None:
            story_id = db.execute(
                "INSERT INTO stories (url, created_at) VALUES (?, ?)", (keys[0], when)
            ).lastrowid
            row = db.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        for key in keys:
            db.execute(
                "INSERT OR IGNORE INTO story_urls (url, story_id) VALUES (?, ?)", (key, row["id"])
            )
        return _story(row)

    # ---- writing -------------------------------------------------------------------------

    def observe(
        self,
        urls: list[str],
        document: Document,
        raw: bytes,
        seen_at: str,
        *,
        fetched_url: str | None = None,
        sent_at: str | None = None,
        status: int | None = 200,
        source: str = "fetch",
        archive_url: str | None = None,
        summarize: Summarizer | None = None,
        shrink_limit: float = 0.5,
        reread: Reader | None = None,
        moved_to: str | None = None,
    ) -> Observation:
        """File one successfully extracted page, seen at ``seen_at``, under its story.
        ``moved_to`` is the story's new address when the page says it moved (recorded
        with the fetch: a move with no edit to the text stores no version).

        ``urls`` are the URLs it is known by, the canonical one first; ``fetched_url`` is
        the one fetched (the last of ``urls`` when not given), and ``sent_at`` when its
        request went out, to tell a late answer from a revert. Stores a new
        version only when the headline or normalised text differs from the version current
        at that time; a text under ``shrink_limit`` of that version's length is held as
        suspect until the next observation confirms it. The fetch is recorded too.

        With ``reread``, a page whose hash differs from a stored version's is first checked
        against that version's raw page read again now: when that reading hashes the same,
        the page did not change, only how storydiff reads it, and the version keeps its
        number, first-seen time and raw page, with the new reading as its document
        (outcome ``reread``).
        """
        key = content_hash(document)
        raw_sha = hashlib.sha256(raw).hexdigest()
        # Stored pages are read again before the write lock is taken: an extraction takes
        # seconds on a big page, and every other storydiff writing to the file would wait.
        readings = self._read_ahead(urls, document, key, seen_at, sent_at, reread)
        with self.transaction() as db:
            story = self._file_story(urls, seen_at)
            if document.provenance.etag or document.provenance.last_modified:
                # Only validators that are firm reach here (sources._validators).
                db.execute(
                    "UPDATE stories SET etag = ?, last_modified = ? WHERE id = ?",
                    (document.provenance.etag, document.provenance.last_modified, story.id),
                )
            observation = self._place(
                story,
                document,
                raw,
                raw_sha,
                key,
                seen_at,
                sent_at,
                source,
                archive_url,
                summarize,
                shrink_limit,
                reread,
                readings,
            )
            if observation.outcome == "suspect":
                # Forget the validators, so the next fetch is a full one that can confirm it.
                db.execute(
                    "UPDATE stories SET etag = NULL, last_modified = NULL WHERE id = ?",
                    (story.id,),
                )
            self._record(
                story.id,
                fetched_url or urls[-1],
                seen_at,
                status,
                len(raw),
                None,
                observation.outcome,
                observation.version.id if observation.version else None,
                moved_to,
            )
        return observation

    def _place(
        self,
        story: Story,
        document: Document,
        raw: bytes,
        raw_sha: str,
        key: str,
        seen_at: str,
        sent_at: str | None,
        source: str,
        archive_url: str | None,
        summarize: Summarizer | None,
        shrink_limit: float,
        reread: Reader | None = None,
        readings: _Readings | None = None,
    ) -> Observation:
        db = self.connection
        before, after, earlier, pending = self._neighbours(story.id, seen_at, sent_at)
        if pending is not None:
            db.execute("DELETE FROM pending WHERE story_id = ?", (story.id,))
        readings = readings if readings is not None else {}

        def again(row: sqlite3.Row | None, refresh: bool = True) -> tuple[Document | None, bool]:
            return self._reread(row, document, key, reread, readings, refresh=refresh)

        # Each is read again only when its hash differs (rare): one extraction more.
        before_now, reread_before = again(before)
        if before is not None and (before["content_hash"] == key or reread_before):
            cosmetic = raw_sha != before["raw_sha256"] and source == "fetch"
            db.execute(
                "UPDATE versions SET last_seen = max(last_seen, ?), "
                "cosmetic_changes = cosmetic_changes + ? WHERE id = ?",
                (seen_at, int(cosmetic), before["id"]),
            )
            outcome: Outcome = (
                "reread" if reread_before else "cosmetic" if cosmetic else "unchanged"
            )
            return Observation(story, outcome, self._info(before["id"]))
        after_now, reread_after = again(after)
        if after is not None and (after["content_hash"] == key or reread_after):
            # Seen earlier than we knew (an older capture, or a slower concurrent fetch).
            db.execute("UPDATE versions SET first_seen = ? WHERE id = ?", (seen_at, after["id"]))
            outcome = "reread" if reread_after else "unchanged"
            return Observation(story, outcome, self._info(after["id"]))
        if earlier is not None and before is not None:
            # This request went out before the current version's answer arrived, so its
            # page may be the older one: the text before it again is a late answer, not
            # a revert.
            reread_earlier = again(earlier)[1]
            if earlier["content_hash"] == key or reread_earlier:
                # A reading refreshed the earlier version: the event names it, not the
                # current one, which was not touched.
                named = earlier if reread_earlier else before
                outcome = "reread" if reread_earlier else "unchanged"
                return Observation(story, outcome, self._info(named["id"]))
        first_seen = seen_at
        if pending is not None and (
            pending["content_hash"] == key or again(pending, refresh=False)[1]
        ):
            first_seen = min(seen_at, pending["seen_at"])
        elif before is not None and document.word_count < shrink_limit * (
            before_now.word_count if before_now is not None else before["word_count"]
        ):
            db.execute(
                "INSERT INTO pending (story_id, content_hash, document, raw, raw_sha256, "
                "seen_at, source, archive_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    story.id,
                    key,
                    document_to_json(document),
                    zlib.compress(raw),
                    raw_sha,
                    seen_at,
                    source,
                    archive_url,
                ),
            )
            return Observation(story, "suspect", self._info(before["id"]))
        # A real edit seen by an upgraded storydiff: summarised against this storydiff's
        # reading of the version before, so that what it reads differently is left out.
        previous_doc = (before_now or _decode(before["document"])) if before is not None else None
        changes = (
            summarize(previous_doc, document) if summarize and previous_doc is not None else None
        )
        version_id = db.execute(
            "INSERT INTO versions (story_id, content_hash, title, word_count, document, raw, "
            "raw_sha256, first_seen, last_seen, source, archive_url, changes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                story.id,
                key,
                document.title,
                document.word_count,
                document_to_json(document),
                zlib.compress(raw),
                raw_sha,
                first_seen,
                seen_at,
                source,
                archive_url,
                json.dumps(changes) if changes is not None else None,
            ),
        ).lastrowid
        assert version_id is not None
        if after is not None and summarize is not None:
            db.execute(
                "UPDATE versions SET changes = ? WHERE id = ?",
                (
                    json.dumps(summarize(document, after_now or _decode(after["document"]))),
                    after["id"],
                ),
            )
        return Observation(
            story,
            "new",
            self._info(version_id),
            self._info(before["id"]) if before is not None else None,
        )

    def _neighbours(
        self, story_id: int, seen_at: str, sent_at: str | None
    ) -> tuple[sqlite3.Row | None, ...]:
        """The rows a page seen at ``seen_at`` is compared with: the version current then,
        the one after it, the one before that (only for a request sent before the current
        version was first seen: its answer may be late) and the held suspect."""
        db = self.connection
        before = db.execute(
            "SELECT * FROM versions WHERE story_id = ? AND first_seen <= ? "
            "ORDER BY first_seen DESC, id DESC LIMIT 1",
            (story_id, seen_at),
        ).fetchone()
        after = db.execute(
            "SELECT * FROM versions WHERE story_id = ? AND first_seen > ? "
            "ORDER BY first_seen, id LIMIT 1",
            (story_id, seen_at),
        ).fetchone()
        earlier = None
        if before is not None and sent_at is not None and sent_at < before["first_seen"]:
            earlier = db.execute(
                "SELECT * FROM versions WHERE story_id = ? AND (first_seen < ? OR "
                "(first_seen = ? AND id < ?)) ORDER BY first_seen DESC, id DESC LIMIT 1",
                (story_id, before["first_seen"], before["first_seen"], before["id"]),
            ).fetchone()
        pending = db.execute("SELECT * FROM pending WHERE story_id = ?", (story_id,)).fetchone()
        return before, after, earlier, pending

    def _read_ahead(
        self,
        urls: list[str],
        document: Document,
        key: str,
        seen_at: str,
        sent_at: str | None,
        reread: Reader | None,
    ) -> _Readings:
        """Outside any transaction: this storydiff's readings of the stored pages
        :meth:`_place` will compare ``document`` with, in its order, up to the first that
        matches. Inside, a row found changed meanwhile (another process wrote) is read
        there again."""
        if reread is None:
            return {}
        with self._errors():
            story = None
            for url in dict.fromkeys(canonical_url(u) for u in urls if u):
                if (story := self.find_story(url)) is not None:
                    break
            if story is None:
                return {}
            rows = self._neighbours(story.id, seen_at, sent_at)
        readings: _Readings = {}
        for row in rows:
            if row is None:
                continue
            if row["content_hash"] == key:
                break
            readings[_row_key(row)] = reading = _reading(row, document, key, reread)
            if reading[1]:
                break
        return readings

    def _reread(
        self,
        row: sqlite3.Row | None,
        document: Document,
        key: str,
        reread: Reader | None,
        readings: _Readings,
        *,
        refresh: bool = True,
    ) -> tuple[Document | None, bool]:
        """This storydiff's reading of the raw page stored in ``row`` (a version, or the
        pending page) when its stored hash differs from ``key`` (see :func:`_reading`),
        taken from ``readings`` when the row is as it was then, and whether that reading
        hashes ``key``: then the text did not change, only how storydiff reads it, and a
        version's document, headline, length and hash take that reading (``refresh``), so
        the next comparison is like for like; its raw page and first-seen time stay."""
        if reread is None or row is None or row["content_hash"] == key:
            return None, False
        found = readings.get(_row_key(row))
        if found is None:  # changed since it was read ahead: rare, so read it here
            found = _reading(row, document, key, reread)
        reading, same = found
        if same and refresh and reading is not None:
            self.connection.execute(
                "UPDATE versions SET content_hash = ?, title = ?, word_count = ?, document = ? "
                "WHERE id = ?",
                (key, reading.title, reading.word_count, document_to_json(reading), row["id"]),
            )
        return found

    def not_modified(self, url: str, seen_at: str, *, status: int = 304) -> Observation:
        """Record a 304 answer: the latest version is still current."""
        with self.transaction() as db:
            story = self._file_story([url], seen_at)
            latest = db.execute(
                "SELECT id FROM versions WHERE story_id = ? ORDER BY first_seen DESC, id DESC "
                "LIMIT 1",
                (story.id,),
            ).fetchone()
            # A 304 answers the validators of the stored version, so any suspect is refuted.
            db.execute("DELETE FROM pending WHERE story_id = ?", (story.id,))
            if latest is not None:
                db.execute(
                    "UPDATE versions SET last_seen = max(last_seen, ?) WHERE id = ?",
                    (seen_at, latest["id"]),
                )
            self._record(
                story.id,
                url,
                seen_at,
                status,
                0,
                None,
                "not-modified",
                latest["id"] if latest else None,
            )
        return Observation(
            story, "not-modified", self._info(latest["id"]) if latest is not None else None
        )

    def record_failure(
        self,
        url: str,
        seen_at: str,
        error: str,
        *,
        status: int | None = None,
        size: int = 0,
        feed: bool = False,
    ) -> None:
        """Record a fetch or extraction that failed; nothing else changes. A ``feed``'s
        failure belongs to no story, even when its URL is also a tracked article's."""
        with self.transaction() as db:
            row = None
            if not feed:
                row = db.execute(
                    "SELECT story_id FROM story_urls WHERE url = ?", (canonical_url(url),)
                ).fetchone()
            self._record(row[0] if row else None, url, seen_at, status, size, error, "failed", None)

    def _record(
        self,
        story_id: int | None,
        url: str,
        seen_at: str,
        status: int | None,
        size: int,
        error: str | None,
        outcome: str,
        version_id: int | None,
        moved_to: str | None = None,
    ) -> None:
        self.connection.execute(
            "INSERT INTO fetches (story_id, url, fetched_at, status, bytes, error, outcome, "
            "version_id, moved_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (story_id, url, seen_at, status, size, error, outcome, version_id, moved_to),
        )

    # ---- feeds ---------------------------------------------------------------------------

    def feed_validators(self, feed_url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified of a feed's last full fetch."""
        row = self._one("SELECT etag, last_modified FROM feeds WHERE url = ?", (feed_url,))
        return (row[0], row[1]) if row else (None, None)

    def note_feed(
        self,
        feed_url: str,
        checked_at: str,
        *,
        title: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        items: list[str] | None = None,
        guids: list[str | None] | None = None,
    ) -> list[str]:
        """Record a feed check and its items (with their guids, when the feed gives them);
        return the item URLs not seen in it before. An item listed under a guid seen before
        with another link (a headline's new slug) moves to its new link, and the story of
        its old one takes the new link as one of its URLs: the old link is not followed as
        an article taken down, nor the new one filed as another story."""
        fresh: list[str] = []
        items = items or []
        marks = [*(guids or [])[: len(items)], *[None] * (len(items) - len(guids or []))]
        moved = _moved_items(items, marks)
        with self.transaction() as db:
            db.execute(
                "INSERT INTO feeds (url, title, etag, last_modified, checked_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
                "title = coalesce(excluded.title, title), "
                "etag = coalesce(excluded.etag, etag), "
                "last_modified = coalesce(excluded.last_modified, last_modified), "
                "checked_at = excluded.checked_at",
                (feed_url, title, etag, last_modified, checked_at),
            )
            for item, moved_guid in moved.items():
                self._move_item(feed_url, item, moved_guid)
            for item, guid in zip(items, marks, strict=True):
                added = db.execute(
                    "INSERT OR IGNORE INTO feed_items (feed_url, url, first_seen, guid) "
                    "VALUES (?, ?, ?, ?)",
                    (feed_url, item, checked_at, guid),
                ).rowcount
                if added:
                    fresh.append(item)
                elif guid:
                    db.execute(
                        "UPDATE feed_items SET guid = ? WHERE feed_url = ? AND url = ?",
                        (guid, feed_url, item),
                    )
        return fresh

    def _move_item(self, feed_url: str, url: str, guid: str) -> None:
        """Inside a transaction: the feed's item ``guid`` is now linked to ``url``."""
        db = self.connection
        rows = db.execute(
            "SELECT url FROM feed_items WHERE feed_url = ? AND guid = ? AND url != ?",
            (feed_url, guid, url),
        ).fetchall()
        for (old,) in rows:
            if canonical_url(old) == canonical_url(url):
                continue
            # The new link keeps the item's first appearance, so --follow counts from then.
            db.execute(
                "UPDATE OR IGNORE feed_items SET url = ? WHERE feed_url = ? AND url = ?",
                (url, feed_url, old),
            )
            db.execute("DELETE FROM feed_items WHERE feed_url = ? AND url = ?", (feed_url, old))
            story = db.execute(
                "SELECT story_id FROM story_urls WHERE url = ?", (canonical_url(old),)
            ).fetchone()
            if story is not None:  # unless the new link is some story's already
                db.execute(
                    "INSERT OR IGNORE INTO story_urls (url, story_id) VALUES (?, ?)",
                    (canonical_url(url), story[0]),
                )

    def feed_items_since(self, feed_url: str, since: str) -> list[str]:
        """Item URLs of a feed first seen at or after ``since``, oldest first."""
        with self._errors():
            rows = self.connection.execute(
                "SELECT url FROM feed_items WHERE feed_url = ? AND first_seen >= ? "
                "ORDER BY first_seen, url",
                (feed_url, since),
            ).fetchall()
        return [r[0] for r in rows]

    # ---- reading -------------------------------------------------------------------------

    def _info(self, version_id: int) -> VersionInfo:
        row = self.connection.execute(
            "SELECT v.*, (SELECT count(*) FROM versions w WHERE w.story_id = v.story_id AND "
            "(w.first_seen < v.first_seen OR (w.first_seen = v.first_seen AND w.id <= v.id))) "
            "AS number FROM versions v WHERE v.id = ?",
            (version_id,),
        ).fetchone()
        return _info(row, row["number"])

    def history(self, story: Story) -> list[VersionInfo]:
        """Every version of a story, oldest first, numbered from 1."""
        with self._errors():
            rows = self.connection.execute(
                "SELECT id, first_seen, last_seen, title, word_count, changes, "
                "cosmetic_changes, source, archive_url FROM versions WHERE story_id = ? "
                "ORDER BY first_seen, id",
                (story.id,),
            ).fetchall()
        return [_info(row, n) for n, row in enumerate(rows, 1)]

    def document(self, version: VersionInfo, reread: Reader | None = None) -> Document:
        """The stored document of a version; with ``reread``, its stored page as this
        storydiff reads it (see :func:`_current_reading`)."""
        row = self._one("SELECT document, raw FROM versions WHERE id = ?", (version.id,))
        if row is None:
            raise StoreError(f"version {version.number} is gone from {self.path}", "")
        return _current_reading(row, reread)

    def documents(
        self, story: Story, reread: Reader | None = None
    ) -> list[tuple[VersionInfo, Document]]:
        """Every version of a story with its document, oldest first (``reread`` as for
        :meth:`document`)."""
        with self._errors():
            rows = self.connection.execute(
                "SELECT * FROM versions WHERE story_id = ? ORDER BY first_seen, id", (story.id,)
            ).fetchall()
        return [(_info(row, n), _current_reading(row, reread)) for n, row in enumerate(rows, 1)]

    def raw(self, version: VersionInfo) -> bytes:
        """The raw page a version was extracted from."""
        row = self._one("SELECT raw FROM versions WHERE id = ?", (version.id,))
        return zlib.decompress(row[0]) if row and row[0] is not None else b""

    def select(self, story: Story, selector: str) -> VersionInfo:
        """One version by selector: ``N`` (1-based), ``-N`` (from the end: ``-1`` is the
        latest), ``first``, ``latest``, or an ISO date or time (the version current then)."""
        versions = self.history(story)
        if not versions:
            raise NotStoredError(f"{story.url} has no stored versions", "track it first")
        wanted = selector.strip().lower()
        if wanted in ("first", "latest"):
            return versions[0] if wanted == "first" else versions[-1]
        if re.fullmatch(r"-?\d+", wanted):
            index = int(wanted)
            if index == 0 or abs(index) > len(versions):
                raise NotStoredError(
                    f"{story.url} has no version {selector}",
                    f"it has versions 1 to {len(versions)} (see `storydiff history URL`)",
                )
            return versions[index - 1 if index > 0 else index]
        moment = format_time(parse_time(selector))
        current = [v for v in versions if v.first_seen <= moment]
        if not current:
            raise NotStoredError(
                f"no version of {story.url} had been seen by {selector}",
                f"the first was seen at {versions[0].first_seen}",
            )
        return current[-1]

    def fetches(self, story: Story) -> list[dict[str, Any]]:
        """Every fetch attempt recorded for a story, oldest first; ``moved_to`` is None in a
        file from before it was recorded."""
        with self._errors():
            moved = "moved_to" if self._fetches_know_moves() else "NULL AS moved_to"
            rows = self.connection.execute(
                f"SELECT fetched_at, url, status, bytes, error, outcome, version_id, {moved} "
                "FROM fetches WHERE story_id = ? ORDER BY fetched_at, id",
                (story.id,),
            ).fetchall()
        return [dict(r) for r in rows]

    def last_move(self, story: Story, since: str) -> str | None:
        """The address the latest fetch after ``since`` that found the story moved found it
        at, or None (and in a file from before moves were recorded)."""
        if not self._fetches_know_moves():
            return None
        row = self._one(
            "SELECT moved_to FROM fetches WHERE story_id = ? AND fetched_at > ? AND "
            "moved_to IS NOT NULL ORDER BY fetched_at DESC, id DESC LIMIT 1",
            (story.id, since),
        )
        return str(row[0]) if row is not None else None

    def last_read_at(self, story: Story) -> str | None:
        """The address the latest fetch that read the story asked for (not one that failed),
        or None when none did."""
        row = self._one(
            "SELECT url FROM fetches WHERE story_id = ? AND outcome != 'failed' "
            "ORDER BY fetched_at DESC, id DESC LIMIT 1",
            (story.id,),
        )
        return str(row[0]) if row is not None else None

    def fetched_from(self, story: Story, version: VersionInfo) -> str | None:
        """The address of the fetch that stored ``version`` (None when none stored it: an
        archive capture)."""
        row = self._one(
            "SELECT url FROM fetches WHERE story_id = ? AND version_id = ? AND outcome = 'new' "
            "ORDER BY fetched_at, id LIMIT 1",
            (story.id, version.id),
        )
        return str(row[0]) if row is not None else None

    def written_elsewhere(self) -> bool:
        """Whether another connection (another storydiff) committed to the file since this
        was last asked; true the first time. What this connection wrote does not count."""
        with self._errors():
            (version,) = self.connection.execute("PRAGMA data_version").fetchone()
        changed = version != self._data_version
        self._data_version = version
        return bool(changed)

    def failing(
        self, story: Story, before: str | None = None, url: str | None = None
    ) -> list[dict[str, Any]]:
        """The fetches of a story that failed since the last one that did not, oldest
        first: empty while the page answers, the run of failures once it is gone. With
        ``before`` (a fetch time) and ``url``, the run of that address's fetches that ended
        just before it: what a page read again at ``before`` came back from (an old address
        of the story that keeps failing is not the page read)."""
        end = before or "~"  # after any ISO time
        same = "" if url is None else " AND url = ?"
        addresses = () if url is None else (url,)
        with self._errors():
            rows = self.connection.execute(
                "SELECT fetched_at, url, status, error FROM fetches WHERE story_id = ? "
                f"AND outcome = 'failed' AND fetched_at < ?{same} AND fetched_at > coalesce(("
                "SELECT max(fetched_at) FROM fetches WHERE story_id = ? AND outcome != "
                f"'failed' AND fetched_at < ?{same}), '') ORDER BY fetched_at, id",
                (story.id, end, *addresses, story.id, end, *addresses),
            ).fetchall()
        return [dict(r) for r in rows]

    def export(self, story: Story) -> dict[str, Any]:
        """Everything stored for a story, as plain data (schema ``storydiff.story/1``)."""
        from compare.render.json import document_dict

        numbers = {}
        versions = []
        for info, document in self.documents(story):
            numbers[info.id] = info.number
            raw = self.raw(info)
            versions.append(
                {
                    "number": info.number,
                    "first_seen": info.first_seen,
                    "last_seen": info.last_seen,
                    "source": info.source,
                    "archive_url": info.archive_url,
                    "cosmetic_changes": info.cosmetic_changes,
                    "changes": info.changes,
                    "document": document_dict(document),
                    "raw": raw.decode(document.provenance.encoding or "utf-8", errors="replace"),
                }
            )
        fetches = self.fetches(story)
        for fetch in fetches:
            fetch["version"] = numbers.get(fetch.pop("version_id"))
        return {
            "schema": "storydiff.story/1",
            "url": story.url,
            "urls": self.story_urls(story),
            "created_at": story.created_at,
            "versions": versions,
            "fetches": fetches,
        }

    def counts(self) -> dict[str, int]:
        """How many stories, versions and fetches the store holds."""
        with self._errors():
            return {
                table: self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("stories", "versions", "fetches")
            }


def _moved_items(items: list[str], guids: list[str | None]) -> dict[str, str]:
    """Item URL -> guid, for the guids a feed lists under one link alone (a feed that gives
    every item the same guid, or one guid two links, says nothing about moves)."""
    links: dict[str, set[str]] = {}
    for item, guid in zip(items, guids, strict=True):
        if guid:
            links.setdefault(guid, set()).add(canonical_url(item))
    return {
        item: guid
        for item, guid in zip(items, guids, strict=True)
        if guid and len(links[guid]) == 1
    }


def split_version_spec(spec: str) -> tuple[str, str] | None:
    """``URL@selector`` into its parts, or ``None`` when ``spec`` is not a stored-version spec
    (an @ inside a URL, as in ``https://example.org/@alice``, is left alone)."""
    if not spec.startswith(("http://", "https://")) or "@" not in spec:
        return None
    url, selector = spec.rsplit("@", 1)
    return (url, selector) if _SELECTOR.match(selector.strip().lower()) else None


def resolve_version_spec(
    spec: str, db: Path | str | None = None, reread: Reader | None = None
) -> Document | None:
    """The stored document ``URL@N`` (or ``@first``, ``@latest``, ``@-1``, ``@<ISO date>``)
    names, or ``None`` when ``spec`` is not such a spec; with ``reread``, its stored page as
    this storydiff reads it (see :func:`_current_reading`). The document's provenance spec
    is ``spec`` itself, so reports name the version as the user did."""
    parts = split_version_spec(spec)
    if parts is None:
        _refuse_unknown_selector(spec, db)
        return None
    url, selector = parts
    with Store.open(db, read_only=True) as store:
        story = store.require_story(url)
        version = store.select(story, selector)
        document = store.document(version, reread)
    provenance = replace(
        document.provenance, spec=spec, version=version.number, first_seen=version.first_seen
    )
    return replace(document, provenance=provenance)


# SQLite's primary result codes. Python 3.11 names them in sqlite3 and sets
# ``sqlite_errorcode`` on errors; on 3.10 only the message tells.
SQLITE_BUSY, SQLITE_READONLY, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN = 5, 8, 11, 13, 14
SQLITE_NOTADB = 26


def _refuse_unknown_selector(spec: str, db: Path | str | None) -> None:
    """Raise :class:`NotStoredError` for ``URL@foo`` when the store holds ``URL``: the user
    meant a version, and fetching "URL@foo" only reported the site's 404. An @ in a URL the
    store does not hold (``https://example.org/@alice``) is left to the fetch, as before."""
    if not spec.startswith(("http://", "https://")) or "@" not in spec:
        return
    url, selector = spec.rsplit("@", 1)
    try:
        netloc = urlsplit(url).netloc
    except ValueError:  # no URL ("http://[::1@2"): the fetch says so
        return
    if "/" in selector or not netloc:
        return  # the @ is in the URL's path or its user part: https://site/@alice/post
    try:
        path = resolve_db_path(db)
        if not path.is_file():
            return
        with Store.open(path, read_only=True) as store:
            story = store.find_story(url)
    except StoreError:
        return  # no store to read: the fetch says what it finds
    if story is not None:
        raise NotStoredError(
            f"@{selector} is not a version (use @N, @latest, @first or @DATE)",
            f"`storydiff history {url}` lists the versions stored",
        )


def store_error(error: sqlite3.Error, path: Path) -> StoreError:
    """An SQLite failure as a one-line StoreError that says what to do."""
    text = str(error).lower()
    extended = getattr(error, "sqlite_errorcode", None)
    code = extended & 0xFF if isinstance(extended, int) else None
    if code == SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return StoreError(
            f"cannot write to {path}: the database is read-only",
            "check the permissions of the file and its folder, or use another --db",
        )
    if code == SQLITE_FULL or "disk is full" in text or "database or disk is full" in text:
        return StoreError(
            f"cannot write to {path}: the disk is full",
            "free some space, or move the database elsewhere with --db",
        )
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB) or ("not a database" in text or "malformed" in text):
        return StoreError(
            f"{path} is corrupted or is not a storydiff database",
            "restore it from a backup, or choose another file with --db",
        )
    if code == SQLITE_BUSY or "locked" in text or "busy" in text:
        return StoreLockedError(
            f"{path} stayed locked by another process for over {BUSY_TIMEOUT:.0f} s",
            "let the other storydiff finish, then try again",
        )
    if code == SQLITE_CANTOPEN or "unable to open" in text:
        return StoreError(
            f"cannot open {path}", "check that its folder exists and is writable, or use --db"
        )
    return StoreError(f"the version store {path} failed: {error}", "run again with --debug")


def _is_busy(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF == SQLITE_BUSY
    return "locked" in str(error).lower() or "busy" in str(error).lower()


def _create_file(path: Path) -> tuple[bool, tuple[Path, ...]]:
    """Create ``path`` empty, with the folders it needs, unless it exists. Returns whether
    this process created it (O_EXCL: of several processes creating one store at once,
    exactly one did) and the folders it made, deepest first."""
    made: list[Path] = []
    for _ in range(_OPEN_ATTEMPTS):
        missing = []
        folder = path.parent
        while not folder.exists() and folder != folder.parent:
            missing.append(folder)
            folder = folder.parent
        for folder in reversed(missing):
            try:
                folder.mkdir()
                if folder not in made:  # made again after another run removed it
                    made.insert(0, folder)
            except FileExistsError:
                pass  # made by another process just now: not ours to remove
            except OSError as error:
                raise StoreError(
                    f"cannot create the folder {folder}: {error.strerror}",
                    "choose another location with --db",
                ) from None
        try:
            # SQLite's own mode for new databases; an empty file is an empty database.
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            return True, tuple(made)
        except FileNotFoundError:
            continue  # another run removed the empty folder just now: make it again
        except OSError:
            break  # it exists (or a symlink to a file not made yet), or SQLite will say why
    return False, tuple(made)


def _identity(path: Path) -> tuple[int, int] | None:
    """Which file ``path`` names now, or ``None`` when there is none."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _connect(path: Path, uri: str | None = None) -> sqlite3.Connection:
    """Open ``path``, or the SQLite ``uri`` naming it (to pass open flags)."""
    try:
        connection = sqlite3.connect(
            uri or path,
            timeout=BUSY_TIMEOUT,
            isolation_level=None,
            check_same_thread=False,
            uri=uri is not None,
        )
        connection.row_factory = sqlite3.Row
        # FULL: a committed version survives a power cut, not only a killed process.
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA foreign_keys=ON")
    except sqlite3.Error as error:
        raise store_error(error, path) from error
    return connection


def _row_key(row: sqlite3.Row) -> tuple[Any, ...]:
    """What a stored row read ahead must still be for its reading to hold (a version's id
    and hash, or the held suspect's story, hash and time)."""
    columns = row.keys()  # (`in row` would search its values)
    if "id" in columns:
        return ("version", row["id"], row["content_hash"], row["raw_sha256"])
    return ("pending", row["story_id"], row["content_hash"], row["seen_at"])


def _reading(
    row: sqlite3.Row, document: Document, key: str, reread: Reader
) -> tuple[Document | None, bool]:
    """The reading of ``row``'s raw page that hashes ``key``, with True; else the reading
    nearest ``document``, with False: an edit is then summarised (and its shrink measured)
    against what this storydiff reads, not against a character set it tells better now.
    ``(None, False)`` without a raw page, or when it cannot be read."""
    if row["raw"] is None:
        return None, False
    try:
        raw = zlib.decompress(row["raw"])
        stored = _decode(row["document"])
    except (zlib.error, ValueError, KeyError, TypeError):
        return None, False
    words = _words(document)
    best: tuple[float, Document] | None = None
    for reading in reread(stored, raw):
        if content_hash(reading) == key:
            return reading, True
        near = _nearness(_words(reading), words)
        if best is None or near > best[0]:  # a tie keeps the first (the stored charset)
            best = (near, reading)
    return (best[1] if best else None), False


def _current_reading(row: sqlite3.Row, reread: Reader | None) -> Document:
    """``row``'s stored page as this storydiff reads it, with the provenance stored with it:
    versions stored by different releases then compare like for like (a pull quote an older
    release kept is not "removed" from the next version). The stored document when there
    is no ``reread``, no stored page, or the page cannot be read now."""
    stored = _decode(row["document"])
    if reread is None or row["raw"] is None:
        return stored
    try:
        raw = zlib.decompress(row["raw"])
    except zlib.error:
        return stored
    return next(reread(stored, raw), stored)


def _words(document: Document) -> Counter[str]:
    return Counter(
        word
        for text in (document.title or "", *(p.text for p in document.paragraphs))
        for word in text.split()
    )


def _nearness(a: Counter[str], b: Counter[str]) -> float:
    """Words two readings share, over their length (Dice): extra text counts against."""
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 1.0


def _decode(text: str) -> Document:
    return document_from_dict(json.loads(text))


def _story(row: sqlite3.Row) -> Story:
    return Story(row["id"], row["url"], row["created_at"], row["etag"], row["last_modified"])


def _info(row: sqlite3.Row, number: int) -> VersionInfo:
    return VersionInfo(
        id=row["id"],
        number=number,
        first_seen=row["first_seen"],
        last_seen=row["last_seen"],
        title=row["title"],
        word_count=row["word_count"],
        changes=json.loads(row["changes"]) if row["changes"] else None,
        cosmetic_changes=row["cosmetic_changes"],
        source=row["source"],
        archive_url=row["archive_url"],
    )
