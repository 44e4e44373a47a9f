"""Tracking against a local server that misbehaves as news sites do: a compressed page cut
short, a cookie-consent wall served instead of the article, a Retry-After of an hour, a
takedown notice in place of the story, a feed item whose link changes. Each outcome must
be what a researcher following stealth edits needs: nothing lost, no false version, and a
one-line reason."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest
from history_pages import TITLE, article_html, versions
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from compare.model import LoadOptions
from compare.store import Store
from compare.track import Listener, TrackEvent, TrackOptions, track

FAST = TrackOptions(host_delay=0.0, load=LoadOptions(retries=0, read_timeout=5))


@pytest.fixture(scope="module")
def server() -> Iterator[HTTPServer]:
    with HTTPServer(host="127.0.0.1", port=0) as running:
        yield running


@pytest.fixture
def http(server: HTTPServer) -> Iterator[HTTPServer]:
    server.clear()
    yield server
    server.clear()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "v.db") as opened:
        yield opened


class Recorder(Listener):
    def __init__(self) -> None:
        self.events: list[TrackEvent] = []

    def event(self, event: TrackEvent) -> None:
        self.events.append(event)


class Answers:
    """Serves its answers in turn, one per request; the last one stays."""

    def __init__(self, *answers: Response) -> None:
        self.answers = answers
        self.requests: list[Request] = []

    def __call__(self, request: Request) -> Response:
        self.requests.append(request)
        return self.answers[min(len(self.requests), len(self.answers)) - 1]


def page(status: int = 200, **headers: str) -> Response:
    return Response(
        article_html(*versions()[0]),
        status=status,
        content_type="text/html; charset=utf-8",
        headers=headers,
    )


def gzipped(body: bytes) -> Response:
    return Response(
        body, headers={"Content-Encoding": "gzip", "Content-Type": "text/html; charset=utf-8"}
    )


def test_a_gzip_body_cut_short_is_a_failed_fetch_not_a_version_with_its_end_deleted(
    http: HTTPServer, store: Store
) -> None:
    # httpx inflates what came and says nothing: the first two thirds of the page read
    # as the article with its last paragraphs removed, stored as version 2.
    whole = gzip.compress(article_html(*versions()[0]).encode())
    http.expect_request("/news/ferry").respond_with_handler(
        Answers(gzipped(whole), gzipped(whole[: len(whole) * 2 // 3]), gzipped(whole))
    )
    url = http.url_for("/news/ferry")
    assert track([url], store, FAST).new == 1
    recorder = Recorder()
    summary = track([url], store, FAST, recorder)
    assert (summary.new, summary.suspect, summary.failed, summary.exit_code) == (0, 0, 1, 3)
    assert "sent a truncated page: its gzip body stopped short" in recorder.events[0].detail
    # The whole page again is the version stored: nothing was filed in between.
    assert track([url], store, FAST).unchanged == 1
    story = store.require_story(url)
    assert [v.title for v in store.history(story)] == [TITLE]
    assert [f["outcome"] for f in store.fetches(story)] == ["new", "failed", "unchanged"]


def test_a_gzip_body_that_inflates_past_the_size_cap_is_refused_as_too_large(
    http: HTTPServer, store: Store
) -> None:
    bomb = gzip.compress(b"<p>" + b"a" * 3_000_000)
    http.expect_request("/news/bomb").respond_with_handler(Answers(gzipped(bomb)))
    options = TrackOptions(host_delay=0.0, load=LoadOptions(retries=0, max_bytes=1_000_000))
    recorder = Recorder()
    assert track([http.url_for("/news/bomb")], store, options, recorder).exit_code == 3
    assert "is larger than 1 MB" in recorder.events[0].detail
