"""A user-trial's findings: a server that trickles its page held a fetch for as long as it
pleased (--timeout is each read's, and a chunk a second never reaches it), and an empty
source on compare's fast path read as the current folder."""

from __future__ import annotations

import os
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compare import sources
from compare.__main__ import _fast_request
from compare.cli import app
from compare.errors import FetchError
from compare.model import LoadOptions
from compare.sources import DEADLINE_TIMEOUTS, fetch_url
from compare.store import Store

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPH = (
    b"<p>The harbour board met on Thursday evening to settle the winter timetable for the "
    b"island ferries, and agreed to keep the early crossing for another season.</p>\n"
)
#: --timeout in these tests: a fetch may take DEADLINE_TIMEOUTS times it (1 s).
TIMEOUT = 0.25
#: How long a trickling server keeps sending when nothing stops the fetch.
TRICKLE_SECONDS = 8.0


class Trickle:
    """A local HTTP server that answers every request slowly: ``how`` is "body" (the
    headers at once, then a paragraph every ``every`` seconds) or "headers" (the status
    line, then a header line every ``every`` seconds), for ``seconds`` in all."""

    def __init__(
        self,
        how: str = "body",
        seconds: float = TRICKLE_SECONDS,
        every: float = 0.05,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.how, self.seconds, self.every, self.tls = how, seconds, every, tls
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.requests: list[bytes] = []
        self.stopped = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, path: str = "/story", scheme: str = "http") -> str:
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    def _accept(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            if self.tls is not None:
                conn = self.tls.wrap_socket(conn, server_side=True)
            self.requests.append(conn.recv(65536))
            conn.sendall(b"HTTP/1.1 200 OK\r\n")
            end = time.monotonic() + self.seconds
            if self.how == "headers":
                n = 0
                while time.monotonic() < end and not self.stopped.is_set():
                    conn.sendall(b"X-Pad-%d: slowly\r\n" % n)
                    n += 1
                    time.sleep(self.every)
            conn.sendall(b"Content-Type: text/html\r\nConnection: close\r\n\r\n")
            conn.sendall(b"<html><head><title>Ferries</title></head><body><article>")
            conn.sendall(b"<h1>Winter ferry timetable settled</h1>")
            n = 0
            while time.monotonic() < end and not self.stopped.is_set():
                conn.sendall(PARAGRAPH.replace(b"season", b"season (%d)" % n))
                n += 1
                time.sleep(self.every)
            conn.sendall(b"</article></body></html>")
        except OSError:
            pass  # the client gave up: what the tests want
        finally:
            conn.close()

    def close(self) -> None:
        self.stopped.set()
        self.listener.close()


@pytest.fixture
def trickle() -> Iterator[Trickle]:
    server = Trickle()
    yield server
    server.close()


def _local_page(folder: Path) -> Path:
    page = folder / "other.html"
    body = b"".join(PARAGRAPH.replace(b"season", b"year %d" % i) for i in range(6))
    page.write_bytes(
        b"<html><head><title>Ferries</title></head><body><article>"
        b"<h1>Winter ferry timetable</h1>" + body + b"</article></body></html>"
    )
    return page


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS"):
        env.pop(name, None)
    return env


def _storydiff(cwd: Path, *args: str) -> tuple[str, str, int, float]:
    began = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "compare", *args],
        capture_output=True,
        cwd=cwd,
        env=_env(),
        timeout=60,
        check=False,
    )
    elapsed = time.monotonic() - began
    return done.stdout.decode(), done.stderr.decode("utf-8", "replace"), done.returncode, elapsed


def _says_too_slow(line: str) -> None:
    assert "127.0.0.1 had not sent the whole page after 1 s" in line, line
    assert f"({DEADLINE_TIMEOUTS} times --timeout 0.25)" in line, line
    assert "raise --timeout" in line, line


@pytest.mark.parametrize("how", ["body", "headers"])
def test_a_trickling_server_ends_the_fetch_at_its_deadline(how: str) -> None:
    # A chunk (or a header line) every 0.05 s never lets a 0.25 s read timeout pass: the
    # fetch took as long as the server kept sending (the user's: 101 s for --timeout 5).
    server = Trickle(how)
    try:
        began = time.monotonic()
        with pytest.raises(FetchError) as info:
            fetch_url(server.url(), LoadOptions(read_timeout=TIMEOUT, retries=0))
        elapsed = time.monotonic() - began
    finally:
        server.close()
    assert DEADLINE_TIMEOUTS * TIMEOUT - 0.1 < elapsed < DEADLINE_TIMEOUTS * TIMEOUT + 1.5
    _says_too_slow(f"{info.value} — {info.value.hint}")


def test_a_slow_page_that_arrives_within_the_deadline_is_read() -> None:
    # Chunks for 0.4 s of the 1 s a fetch may take: the page, whole.
    server = Trickle(seconds=0.4)
    try:
        snapshot = fetch_url(server.url(), LoadOptions(read_timeout=TIMEOUT, retries=0))
    finally:
        server.close()
    assert snapshot.content.endswith(b"</article></body></html>")
    assert snapshot.content.count(b"<p>") > 3


def test_compare_with_a_trickling_server_fails_with_one_line_and_writes_nothing(
    trickle: Trickle, tmp_path: Path
) -> None:
    other = _local_page(tmp_path)
    for output in ("report.json", "report.html"):
        stdout, stderr, code, elapsed = _storydiff(
            tmp_path, "compare", trickle.url(), str(other), "--timeout", "0.25", "-o", output
        )
        assert code == 3, stderr
        assert elapsed < TRICKLE_SECONDS - 2, elapsed
        assert stdout == ""
        lines = stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("storydiff: error: "), lines
        _says_too_slow(lines[0])
        assert not (tmp_path / output).exists()
        assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_extract_with_a_trickling_server_fails_with_one_line(trickle: Trickle) -> None:
    result = CliRunner().invoke(app, ["extract", trickle.url(), "--timeout", "0.25"])
    assert result.exit_code == 3, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, lines
    _says_too_slow(lines[0])


def test_track_records_a_trickling_server_as_a_failed_fetch(
    trickle: Trickle, tmp_path: Path
) -> None:
    db = tmp_path / "v.db"
    began = time.monotonic()
    result = CliRunner().invoke(
        app, ["track", trickle.url(), "--db", str(db), "--timeout", "0.25", "--delay", "0"]
    )
    assert time.monotonic() - began < TRICKLE_SECONDS - 2
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output
    with Store.open(db) as store:
        failed = store.never_fetched()
    assert [(f["url"], f["attempts"]) for f in failed] == [(trickle.url(), 1)]
    _says_too_slow(str(failed[0]["error"]))


def test_the_deadline_holds_through_a_proxy_from_the_environment(
    trickle: Trickle, monkeypatch: pytest.MonkeyPatch
) -> None:
    # httpx sends through HTTP_PROXY with a transport of its own (a mount): it too keeps to
    # the deadline. The proxy here is the trickling server; nothing leaves the machine.
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", trickle.url(""))
    monkeypatch.setenv("http_proxy", trickle.url(""))
    began = time.monotonic()
    with pytest.raises(FetchError) as info:
        fetch_url("http://news.invalid/story", LoadOptions(read_timeout=TIMEOUT, retries=0))
    assert time.monotonic() - began < TRICKLE_SECONDS - 2
    assert trickle.requests and trickle.requests[0].startswith(b"GET http://news.invalid/story")
    assert "news.invalid had not sent the whole page after 1 s" in str(info.value)


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl makes the test certificate")
def test_the_deadline_holds_over_tls_and_a_page_within_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each https fetch's TLS handshake and reads go through the deadline's stream.
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    made = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
    made += ["-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)]
    subprocess.run(
        ["openssl", *made],
        check=True,
        capture_output=True,
    )
    served = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    served.load_cert_chain(cert, key)
    trusted = ssl.create_default_context(cafile=str(cert))
    monkeypatch.setattr(sources, "_tls_context", lambda: trusted)
    options = LoadOptions(read_timeout=TIMEOUT, retries=0)
    for seconds, whole in ((0.3, True), (TRICKLE_SECONDS, False)):
        server = Trickle(seconds=seconds, tls=served)
        began = time.monotonic()
        try:
            if whole:
                page = fetch_url(server.url(scheme="https"), options).content
                assert page.endswith(b"</article></body></html>")
            else:
                with pytest.raises(FetchError) as info:
                    fetch_url(server.url(scheme="https"), options)
                _says_too_slow(f"{info.value} — {info.value.hint}")
        finally:
            server.close()
        assert time.monotonic() - began < TRICKLE_SECONDS - 2


@pytest.mark.parametrize(
    "args",
    [
        ("a.html", ""),
        ("", "a.html"),
        ("a.html", "", "-f", "json"),
        ("-f", "json", "", "a.html"),
        ("a.html", " "),
    ],
)
def test_an_empty_source_on_the_fast_path_is_the_usage_error_typer_gives(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    # `storydiff compare a.html "$NEW"` with NEW unset said "error: is a directory — pass
    # one of the files inside it" (the current folder): the fast path, which answers a
    # comparison of two local files without typer, took "" for a path.
    _local_page(tmp_path).rename(tmp_path / "a.html")
    assert _fast_request(["compare", *args]) is None
    stdout, stderr, code, _ = _storydiff(tmp_path, "compare", *args)
    assert code == 2
    assert stdout == ""
    assert stderr.splitlines() == [
        "storydiff: error: the SOURCE given is empty ('') — give a file's path, an http(s) "
        "URL or - for stdin"
    ]


def test_the_timeout_help_names_the_deadline() -> None:
    result = CliRunner().invoke(app, ["extract", "--help"], env={"COLUMNS": "200"})
    assert f"a whole fetch may take {DEADLINE_TIMEOUTS} times this" in result.output


def test_connecting_keeps_to_its_own_timeout_and_the_deadline_counts_from_the_connection() -> None:
    # A server slow to accept (a full listen backlog) was cut short at 4x --timeout and
    # called a slow sender ("raise --timeout"), where --connect-timeout 8 was given.
    import time

    from compare.sources import _Deadline, _DeadlineBackend

    asked: list[float | None] = []

    class SlowToAccept:
        def connect_tcp(self, host: str, port: int, timeout: float | None = None) -> object:
            asked.append(timeout)
            time.sleep(0.3)
            return object()

    deadline = _Deadline(0.2)
    deadline.start()
    _DeadlineBackend(SlowToAccept(), deadline).connect_tcp("127.0.0.1", 1, timeout=8.0)
    assert asked == [8.0]  # the connect timeout as given, not the deadline's time left
    assert deadline._at - time.monotonic() > 0.1  # the page's time starts once connected
