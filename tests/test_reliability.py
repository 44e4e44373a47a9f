"""The store under stress: a tracker killed with SIGKILL mid-run, two trackers on one
database at once, a full disk and a read-only file. Real `python -m compare track`
processes fetch from a local server whose pages change between fetches."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from history_pages import BASE, TITLE, article_html
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from compare.errors import ExitCode, StoreError
from compare.model import LoadOptions
from compare.store import Store
from compare.track import TrackOptions, track

ROOT = Path(__file__).resolve().parent.parent
FAST = TrackOptions(host_delay=0.0, load=LoadOptions(retries=0, read_timeout=5))


class Newsroom:
    """Articles whose text moves on by itself: per fetch, or every ``period`` seconds."""

    def __init__(self, period: float | None = None) -> None:
        self.period = period
        self.times: list[float] = []
        self.fetches: dict[str, int] = {}
        self.lock = threading.Lock()

    def state(self, path: str) -> int:
        with self.lock:
            count = self.fetches.get(path, 0)
            self.fetches[path] = count + 1
            self.times.append(time.monotonic())
        if self.period is None:
            return count
        return int((self.times[-1] - self.times[0]) / self.period)

    def states(self) -> int:
        """How many states the timed pages went through while they were fetched."""
        assert self.period is not None
        return int((self.times[-1] - self.times[0]) / self.period) + 1

    def __call__(self, request: Request) -> Response:
        n = self.state(request.path)
        update = f"Update {n}: the council said the count of objections had reached {100 + n}."
        return Response(
            article_html(f"{TITLE} (update {n})", [*BASE, update]),
            content_type="text/html; charset=utf-8",
        )


@pytest.fixture
def newsroom_server() -> Iterator[tuple[HTTPServer, Newsroom]]:
    yield from _serve(Newsroom())


@pytest.fixture
def timed_server() -> Iterator[tuple[HTTPServer, Newsroom]]:
    yield from _serve(Newsroom(period=0.4))


def _serve(newsroom: Newsroom) -> Iterator[tuple[HTTPServer, Newsroom]]:
    with HTTPServer(host="127.0.0.1", port=0, threaded=True) as server:
        for i in range(3):
            server.expect_request(f"/story/{i}").respond_with_handler(newsroom)
        yield server, newsroom


def tracker(db: Path, urls: list[str], *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "compare", "track", *urls, "--db", str(db), "--delay", "0", *extra],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def committed_versions(db: Path, table: str = "versions") -> int:
    if not db.exists():
        return 0
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0
    finally:
        connection.close()


def check_consistent(db: Path) -> dict[int, list[str]]:
    """Integrity, references and contents; returns the version texts per story."""
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    dangling = connection.execute(
        "SELECT count(*) FROM fetches f LEFT JOIN versions v ON v.id = f.version_id "
        "WHERE f.version_id IS NOT NULL AND v.id IS NULL"
    ).fetchone()[0]
    assert dangling == 0
    texts: dict[int, list[str]] = {}
    hashes: dict[int, list[str]] = {}
    for story, digest, document, raw in connection.execute(
        "SELECT story_id, content_hash, document, raw FROM versions "
        "ORDER BY story_id, first_seen, id"
    ):
        paragraphs = json.loads(document)["paragraphs"]
        assert b"Update" in zlib.decompress(raw)
        texts.setdefault(story, []).append(paragraphs[-1]["text"])
        hashes.setdefault(story, []).append(digest)
    for story, seen in hashes.items():
        assert len(seen) == len(set(seen)), f"story {story} holds a version twice"
    connection.close()
    return texts


def wait_for(condition: object, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError("timed out waiting")


def test_sigkill_mid_run_loses_nothing_committed(
    newsroom_server: tuple[HTTPServer, Newsroom], tmp_path: Path
) -> None:
    server, _ = newsroom_server
    db = tmp_path / "v.db"
    urls = [server.url_for(f"/story/{i}") for i in range(3)]
    seen_before_kill = 0
    for target in (3, 8):  # kill twice, at different depths, on the same database
        process = tracker(db, urls, "--every", "0.05s")
        try:
            wait_for(lambda t=target: committed_versions(db) >= t, timeout=90)
            time.sleep(0.03 * target % 0.1)  # land the kill anywhere in a write
            seen_before_kill = committed_versions(db)
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=10)
        assert process.returncode == -signal.SIGKILL
        assert committed_versions(db) >= seen_before_kill
        check_consistent(db)
    # The database keeps working: a new run appends after what survived.
    with Store.open(db) as store:
        before = store.counts()["versions"]
        assert track(urls, store, FAST).new == 3
        assert store.counts()["versions"] == before + 3
    texts = check_consistent(db)
    for story_texts in texts.values():
        numbers = [int(t.split(":")[0].split()[-1]) for t in story_texts]
        assert numbers == sorted(numbers), "versions are in the order they were fetched"


def test_two_trackers_on_one_database_neither_fail_nor_duplicate(
    timed_server: tuple[HTTPServer, Newsroom], tmp_path: Path
) -> None:
    server, newsroom = timed_server
    db = tmp_path / "v.db"
    urls = [server.url_for(f"/story/{i}") for i in range(3)]
    processes = [tracker(db, urls, "--every", "0.1s", "--until", "5s") for _ in range(2)]
    outputs = [p.communicate(timeout=60) for p in processes]
    for process, (_, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err.decode()
        assert b"error" not in err and b" 0 failed" in err
    texts = check_consistent(db)
    assert len(texts) == 3
    for story_texts in texts.values():
        numbers = [int(t.split(":")[0].split()[-1]) for t in story_texts]
        assert numbers == sorted(numbers)
        assert 1 <= len(story_texts) <= newsroom.states()
    assert sum(len(t) for t in texts.values()) > 3, "the pages changed while tracked"
    # Both processes fetched every page many times, and every fetch was recorded once.
    with Store.open(db) as store:
        assert store.counts()["fetches"] == sum(newsroom.fetches.values())


def test_disk_full_is_a_clear_error_and_rolls_back(
    newsroom_server: tuple[HTTPServer, Newsroom], tmp_path: Path
) -> None:
    server, _ = newsroom_server
    url = server.url_for("/story/0")
    with Store.open(tmp_path / "v.db") as store:
        assert track([url], store, FAST).new == 1
        pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
        # No room for one more page: what a full disk looks like to SQLite.
        store.connection.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StoreError, match="the disk is full") as caught:
            track([url], store, FAST)
        assert caught.value.exit_code == ExitCode.STORE
        assert "free some space" in caught.value.hint
        assert store.counts()["versions"] == 1
    check_consistent(tmp_path / "v.db")


def _unprivileged() -> list[str]:
    """A command prefix that runs without root's power to write read-only files."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    assert setpriv, "the read-only tests need setpriv (util-linux) when run as root"
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def test_read_only_database_is_a_clear_error(
    newsroom_server: tuple[HTTPServer, Newsroom],
) -> None:
    server, _ = newsroom_server
    url = server.url_for("/story/0")
    folder = Path(tempfile.mkdtemp(prefix="storydiff-ro-"))
    try:
        db = folder / "v.db"
        with Store.open(db) as store:
            track([url], store, FAST)
        db.chmod(0o444)
        command = [*_unprivileged(), sys.executable, "-m", "compare", "track", url, "--db", str(db)]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=60)
        code, err = result.returncode, result.stderr.decode()
        assert code == ExitCode.STORE, err
        assert "read-only" in err and "Traceback" not in err
        assert err.startswith("storydiff: error: ")
    finally:
        shutil.rmtree(folder)


def test_ctrl_c_during_a_slow_fetch_ends_at_once_with_what_was_filed(
    newsroom_server: tuple[HTTPServer, Newsroom], tmp_path: Path
) -> None:
    server, _ = newsroom_server
    asked, release = threading.Event(), threading.Event()

    def hanging(request: Request) -> Response:
        asked.set()
        release.wait(30)  # a server that stops answering
        return Response("late", content_type="text/html")

    # On a host of its own: the tracker asks one host one thing at a time, so on the same
    # host the hanging page could hold up the story (it did, when its worker won the race).
    other_host = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    other_host.expect_request("/hanging").respond_with_handler(hanging)
    db = tmp_path / "v.db"
    with other_host:
        urls = [server.url_for("/story/0"), other_host.url_for("/hanging")]
        process = tracker(db, urls, "--every", "30s", "--timeout", "30")
        try:
            wait_for(lambda: asked.is_set() and committed_versions(db) == 1, timeout=30)
            process.send_signal(signal.SIGINT)
            # Before, the exit waited for the hanging fetch's 30 s timeout, and a second
            # Ctrl-C in that wait printed a traceback.
            _, err = process.communicate(timeout=5)
        finally:
            release.set()
            process.kill()
            process.wait()
    # Not 0: a script must tell a run cut short from one that finished.
    assert process.returncode == ExitCode.INTERRUPTED == 130, err.decode()
    assert err.decode().endswith("1 new version, 0 unchanged, 0 failed (interrupted)\n")
    assert b"Traceback" not in err
    assert len(check_consistent(db)) == 1


def test_sigterm_ends_a_polling_run_with_its_own_status_and_what_was_filed(
    newsroom_server: tuple[HTTPServer, Newsroom], tmp_path: Path
) -> None:
    # How a service manager or `kill` stops a tracker: a page fails first, so the status
    # is the signal's even after a failure (a cut-short run is the news).
    server, _ = newsroom_server
    server.expect_request("/gone").respond_with_data("gone", status=410)
    db = tmp_path / "v.db"
    process = tracker(db, [server.url_for("/story/0"), server.url_for("/gone")], "--every", "30s")
    try:
        # Both pages are filed: the tracker waits for the next round.
        wait_for(lambda: committed_versions(db, "fetches") == 2, timeout=30)
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=10)
    finally:
        process.kill()
        process.wait()
    assert process.returncode == ExitCode.TERMINATED == 143, err.decode()
    assert err.decode() == "storydiff: 1 new version, 0 unchanged, 1 failed (interrupted)\n"
    assert len(check_consistent(db)) == 1


def test_history_export_and_compare_read_a_store_in_a_read_only_folder(
    newsroom_server: tuple[HTTPServer, Newsroom],
) -> None:
    # An archived copy, or a share mounted read-only: reading must not need to write.
    server, _ = newsroom_server
    url = server.url_for("/story/0")
    folder = Path(tempfile.mkdtemp(prefix="storydiff-ro-"))
    try:
        db = folder / "v.db"
        with Store.open(db) as store:
            track([url], store, FAST)
            track([url], store, FAST)
        db.chmod(0o444)
        folder.chmod(0o555)
        for args in (
            ["history", url],
            ["export", url],
            ["compare", f"{url}@1", f"{url}@2", "--format", "json", "--exit-zero"],
        ):
            command = [*_unprivileged(), sys.executable, "-m", "compare", *args, "--db", str(db)]
            result = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=60)
            assert result.returncode == 0, result.stderr.decode()
            assert result.stdout.strip()
        assert sorted(p.name for p in folder.iterdir()) == ["v.db"]
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def test_ctrl_c_while_another_process_holds_the_lock_ends_at_once(
    newsroom_server: tuple[HTTPServer, Newsroom], tmp_path: Path
) -> None:
    server, newsroom = newsroom_server
    db = tmp_path / "v.db"
    Store.open(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer, in the middle of a long write
    process = tracker(db, [server.url_for("/story/0")])
    try:
        wait_for(lambda: newsroom.fetches, timeout=30)
        time.sleep(0.5)  # the page is fetched: the tracker now waits for the lock
        process.send_signal(signal.SIGINT)
        # SQLite's own wait did not return for the signal: the tracker went on waiting
        # until the lock was released, or for a minute.
        _, err = process.communicate(timeout=5)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        process.kill()
        process.wait()
    assert process.returncode == ExitCode.INTERRUPTED, err.decode()
    assert err.decode().endswith("0 new versions, 0 unchanged, 0 failed (interrupted)\n")
    assert committed_versions(db) == 0


def test_a_store_whose_latest_changes_are_in_its_wal_file_is_not_read_stale(
    newsroom_server: tuple[HTTPServer, Newsroom], tmp_path: Path
) -> None:
    # A copy taken while a tracker ran: the last version is still in v.db-wal. In a
    # read-only folder SQLite cannot read that file, and reading v.db alone would show
    # the history without it, as if it were complete.
    server, _ = newsroom_server
    url = server.url_for("/story/0")
    with Store.open(tmp_path / "v.db") as store:
        track([url], store, FAST)
        track([url], store, FAST)
    live = sqlite3.connect(tmp_path / "v.db", isolation_level=None)
    live.execute("PRAGMA wal_autocheckpoint = 0")
    live.execute("UPDATE versions SET title = 'Written last' WHERE id = 2")
    folder = Path(tempfile.mkdtemp(prefix="storydiff-ro-"))
    try:
        for name in ("v.db", "v.db-wal"):
            shutil.copy(tmp_path / name, folder / name)
        live.close()
        folder.chmod(0o555)
        command = [
            *_unprivileged(),
            *[sys.executable, "-m", "compare", "history", url, "--db", str(folder / "v.db")],
        ]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=60)
        err = result.stderr.decode()
        assert result.returncode == ExitCode.STORE, result.stdout.decode()
        assert "its latest changes are in v.db-wal" in err and len(err.splitlines()) == 1
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)
