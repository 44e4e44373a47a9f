"""Tracking against a local server that misbehaves as news sites do: a compressed page cut
short, a cookie-consent wall served instead of the article, a Retry-After of an hour, a
takedown notice in place of the story, a feed item whose link changes. Each outcome must
be what a researcher following stealth edits needs: nothing lost, no false version, and a
one-line reason."""

from __future__ import annotations

import gzip
import re
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from history_pages import TITLE, article_html, versions
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from compare.model import LoadOptions
from compare.store import Store
from compare.track import Listener, TrackEvent, TrackOptions, track, watch

FAST = TrackOptions(host_delay=0.0, load=LoadOptions(retries=0, read_timeout=5))


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


CONSENT_WALL = (
    "<!DOCTYPE html><html><head><title>Marrowby Courier</title></head><body>"
    "<div class='consent'><h1>We value your privacy</h1><p>We and our 612 partners use "
    "cookies and similar technologies to store and access information on your device, to "
    "personalise ads and content, measure ads and content, and to develop and improve "
    "products. You can accept or manage your choices below, including your right to object "
    "where legitimate interest is used.</p><p>With your permission we and our partners may "
    "use precise geolocation data and identification through device scanning.</p>"
    "<button>Accept all</button> <button>Manage options</button></div></body></html>"
)
CONSENT_BANNER = (
    "<div class='cmp'><p>We and our partners use cookies to personalise ads. Accept all or "
    "manage your choices in our privacy settings.</p><button>Accept all</button>"
    "<button>Reject all</button></div>"
)


def test_a_cookie_consent_wall_served_instead_of_the_story_is_a_failed_fetch(
    http: HTTPServer, store: Store
) -> None:
    # Read as an article, the wall was held as a suspect shrink and, served again, stored
    # as version 2 headlined "We value your privacy", the story "removed".
    wall = Response(CONSENT_WALL, content_type="text/html; charset=utf-8")
    http.expect_request("/news/ferry").respond_with_handler(Answers(page(), wall, wall))
    url = http.url_for("/news/ferry")
    assert track([url], store, FAST).new == 1
    recorder = Recorder()
    for _ in range(2):
        summary = track([url], store, FAST, recorder)
        assert (summary.new, summary.suspect, summary.exit_code) == (0, 0, 3)
    assert recorder.events[0].detail.startswith(
        f"{url} answered with a cookie-consent page, not the article — "
    )
    story = store.require_story(url)
    assert [v.title for v in store.history(story)] == [TITLE]
    held = store.connection.execute("SELECT count(*) FROM pending").fetchone()[0]
    assert held == 0


def test_a_short_story_under_a_consent_banner_is_still_read(http: HTTPServer, store: Store) -> None:
    brief = article_html(TITLE, versions()[0][1][:2]).replace("<body>", "<body>" + CONSENT_BANNER)
    http.expect_request("/news/brief").respond_with_data(brief, content_type="text/html")
    assert track([http.url_for("/news/brief")], store, FAST).new == 1


def test_a_retry_after_of_an_hour_fails_at_once_saying_when_to_try_again(
    http: HTTPServer, store: Store
) -> None:
    # Each retry waited the longest wait (60 s), so a "come back in an hour" cost three
    # minutes before the same refusal, which said only "try again later".
    busy = Answers(Response("slow down", status=429, headers={"Retry-After": "3600"}), page())
    http.expect_request("/news/ferry").respond_with_handler(busy)
    url = http.url_for("/news/ferry")
    options = TrackOptions(host_delay=0.0, load=LoadOptions(retries=3, read_timeout=5))
    recorder = Recorder()
    started = time.monotonic()
    summary = track([url], store, options, recorder)
    assert time.monotonic() - started < 10
    assert (summary.failed, summary.exit_code, len(busy.requests)) == (1, 3, 1)
    detail = recorder.events[0].detail
    assert detail.startswith(
        f"the server answered 429 Too Many Requests for {url} and asks not to be asked again "
        "for 1 h (Retry-After) — try again after "
    )
    assert detail.endswith(" UTC")


def test_a_polling_run_leaves_a_host_alone_for_as_long_as_its_retry_after_says(
    http: HTTPServer, store: Store
) -> None:
    busy = Answers(Response("slow down", status=429, headers={"Retry-After": "3600"}), page())
    http.expect_request("/news/ferry").respond_with_handler(busy)
    urls = [http.url_for("/news/ferry")]
    options = replace(FAST, every=0.2, until=datetime.now(timezone.utc) + timedelta(seconds=1.5))
    summary = track(urls, store, options)
    assert summary.rounds >= 3
    assert (summary.failed, len(busy.requests)) == (1, 1)


def notice_page(*paragraphs: str, title: str = "Story removed") -> Response:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return Response(
        "<!DOCTYPE html><html><head><title>Marrowby Courier</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article>"
        "<footer>© Marrowby Courier</footer></body></html>",
        content_type="text/html; charset=utf-8",
    )


@pytest.mark.parametrize(
    "notice",
    [
        # Too short to be read as an article: it was "no article text found in ...: pass
        # the article's own URL, or a saved copy of the full page".
        notice_page("This article has been <b>removed</b> for legal reasons."),
        # Long enough to be read as one: held as a shrink, then stored as version 2, the
        # story's every paragraph "removed".
        notice_page(
            "This article has been removed following a complaint from one of the people "
            "named in it. The Marrowby Courier is reviewing the story and the way it was "
            "reported, and apologises for any distress that it may have caused to readers.",
            "If you have questions about this decision, please contact our readers' editor "
            "at the address given on our contact page, or write to us at the harbour office.",
            title=TITLE,
        ),
    ],
    ids=["short", "read-as-an-article"],
)
def test_a_takedown_notice_in_place_of_the_story_is_recorded_as_a_takedown(
    http: HTTPServer, store: Store, notice: Response
) -> None:
    http.expect_request("/news/ferry").respond_with_handler(Answers(page(), notice))
    url = http.url_for("/news/ferry")
    assert track([url], store, FAST).new == 1
    recorder = Recorder()
    for _ in range(2):
        summary = track([url], store, FAST, recorder)
        assert (summary.new, summary.suspect, summary.failed, summary.exit_code) == (0, 0, 1, 4)
    detail = recorder.events[-1].detail
    assert detail.startswith(f'{url} now says the article was removed ("This article has been ')
    assert detail.endswith('"): it was probably taken down — the version stored before is kept')
    story = store.require_story(url)
    assert [v.title for v in store.history(story)] == [TITLE]
    assert store.failing(story)[-1]["error"] == detail


def test_a_story_that_reports_a_removal_is_a_story() -> None:
    from compare.track import _removal_notice

    story = (
        "The council said the post had been removed from its website on Monday after "
        "residents complained. " * 12
    )
    assert _removal_notice(story) is None
    assert _removal_notice("Sorry\nThe page you were looking for is no longer available") == (
        "The page you were looking for is no longer available"
    )


RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Marrowby Courier</title>'
    "<link>/</link>{items}</channel></rss>"
)


def test_a_feed_item_whose_link_changes_stays_one_story(http: HTTPServer, store: Store) -> None:
    # The newsroom gives the story a new slug; the feed lists it under its old guid with the
    # new link, and the old address redirects there. The new link, fetched first, was filed
    # as a second story, and the first one's history stopped there.
    old, new = "/news/ferry-vote", "/news/ferry-terminal-closes"
    moved = {"yes": False}

    def feed(request: Request) -> Response:
        link = new if moved["yes"] else old
        items = f"<item><title>Ferry</title><link>{link}</link><guid>courier-4411</guid></item>"
        return Response(RSS.format(items=items), content_type="application/rss+xml")

    def old_page(request: Request) -> Response:
        if moved["yes"]:
            return Response(status=301, headers={"Location": http.url_for(new)})
        return Response(article_html(*versions()[0], canonical=old), content_type="text/html")

    http.expect_request("/local.rss").respond_with_handler(feed)
    http.expect_request(old).respond_with_handler(old_page)
    http.expect_request(new).respond_with_handler(
        lambda request: Response(
            article_html(*versions()[1], canonical=new), content_type="text/html"
        )
    )
    feed_url = http.url_for("/local.rss")
    assert watch([feed_url], store, FAST).new == 1
    moved["yes"] = True
    recorder = Recorder()
    summary = watch([feed_url], store, FAST, recorder)
    assert (summary.new, summary.failed) == (1, 0)
    assert len(store.stories()) == 1
    story = store.require_story(http.url_for(new))
    assert story == store.require_story(http.url_for(old))
    assert len(store.history(story)) == 2
    # The old link is no longer followed as an item of its own.
    assert [e.url for e in recorder.events] == [http.url_for(new)]


def test_a_feed_that_gives_every_item_one_guid_moves_nothing(
    http: HTTPServer, store: Store
) -> None:
    links = ["/news/a", "/news/b"]
    items = "".join(f"<item><link>{link}</link><guid>1</guid></item>" for link in links)
    http.expect_request("/one.rss").respond_with_data(
        RSS.format(items=items), content_type="application/rss+xml"
    )
    for link in links:
        http.expect_request(link).respond_with_data(
            article_html(*versions()[0], canonical=link), content_type="text/html"
        )
    assert watch([http.url_for("/one.rss")], store, FAST).new == 2
    assert watch([http.url_for("/one.rss")], store, FAST).unchanged == 2
    assert len(store.stories()) == 2


def test_a_schema_3_store_gains_the_feed_items_guid(tmp_path: Path) -> None:
    import sqlite3

    from compare.store import SCHEMA_VERSION

    path = tmp_path / "v.db"
    Store.open(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("ALTER TABLE feed_items DROP COLUMN guid")
        connection.execute("PRAGMA user_version = 3")
    with Store.open(path) as store:
        columns = [r[1] for r in store.connection.execute("PRAGMA table_info(feed_items)")]
        assert "guid" in columns
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_fetch_where_only_the_page_around_the_article_changed_says_so(
    http: HTTPServer, store: Store
) -> None:
    # "cosmetic changes only" said the same of new adverts and related links around an
    # unchanged text as of curly quotes in the text itself.
    title, paragraphs = versions()[0]
    chrome = article_html(title, paragraphs).replace(
        "<footer>", "<aside><h2>Related</h2><a href='/b'>Bridge repairs delayed</a></aside><footer>"
    )
    retyped = [p.replace('"', "\u201c", 1).replace('"', "\u201d", 1) for p in paragraphs]
    answers = Answers(
        page(),
        Response(chrome, content_type="text/html"),
        Response(article_html(title, retyped), content_type="text/html"),
    )
    http.expect_request("/news/ferry").respond_with_handler(answers)
    url = http.url_for("/news/ferry")
    assert track([url], store, FAST).new == 1
    recorder = Recorder()
    track([url], store, FAST, recorder)
    track([url], store, FAST, recorder)
    assert [(e.outcome, e.detail) for e in recorder.events] == [
        ("cosmetic", "only the page around the article changed (adverts, links, menus)"),
        ("cosmetic", "cosmetic changes only"),
    ]
    assert len(store.history(store.require_story(url))) == 1


def test_a_connection_closed_before_the_page_was_complete_says_so(store: Store) -> None:
    import socket
    import threading

    body = article_html(*versions()[0]).encode()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def answer_half() -> None:
        connection, _ = listener.accept()
        connection.recv(65_536)
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n"
        connection.sendall(head % len(body) + body[:700])
        connection.close()

    thread = threading.Thread(target=answer_half, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/news/ferry"
    recorder = Recorder()
    try:
        assert track([url], store, FAST, recorder).exit_code == 3
    finally:
        thread.join(5)
        listener.close()
    assert recorder.events[0].detail == (
        f"127.0.0.1 closed the connection before the page was complete (700 of {len(body)} "
        "bytes) — try again later: half a page is not read as the article"
    )


def test_a_not_found_page_served_as_200_is_recorded_as_a_takedown(
    http: HTTPServer, store: Store
) -> None:
    soft = notice_page(
        "Sorry, we couldn't find that page. Try our home page.", title="Page not found"
    )
    http.expect_request("/news/ferry").respond_with_handler(Answers(page(), soft))
    url = http.url_for("/news/ferry")
    assert track([url], store, FAST).new == 1
    recorder = Recorder()
    assert track([url], store, FAST, recorder).exit_code == 4
    assert recorder.events[0].detail == (
        f'{url} now shows a not-found page ("Page not found"): it was probably taken down — '
        "the version stored before is kept"
    )


def test_an_edit_that_adds_a_removal_to_a_short_story_is_a_version(
    http: HTTPServer, store: Store
) -> None:
    title, paragraphs = versions()[0]
    brief = paragraphs[:2]
    edited = [*brief, "The post has been removed from the council's website, a spokesman said."]
    http.expect_request("/news/brief").respond_with_handler(
        Answers(
            Response(article_html(title, brief), content_type="text/html"),
            Response(article_html(title, edited), content_type="text/html"),
        )
    )
    url = http.url_for("/news/brief")
    assert track([url], store, FAST).new == 1
    assert track([url], store, FAST).new == 1


#: A headline of two words: its teaser is read as one paragraph with the headline and the
#: byline in it, and the wall's line is lost, so the extractor cannot tell it is walled.
SHORT_TITLE = "Ferry closes"


def walled_page(title: str, paragraphs: list[str]) -> str:
    """A news page whose story stops at a subscription wall."""
    wall = "Subscribe to continue reading. Already a subscriber? Log in."
    return article_html(title, [*paragraphs, wall])


def test_a_page_that_turns_paywalled_is_held_back_not_stored_as_an_edit(
    http: HTTPServer, store: Store
) -> None:
    # The teaser was held once as a suspect shrink and, the wall served again (a wall
    # stays), stored as version 2: the story's last paragraphs "removed".
    paragraphs = versions()[0][1]
    whole = Response(article_html(SHORT_TITLE, paragraphs), content_type="text/html")
    teaser = Response(walled_page(SHORT_TITLE, paragraphs[:1]), content_type="text/html")
    http.expect_request("/news/ferry").respond_with_handler(Answers(whole, teaser))
    url = http.url_for("/news/ferry")
    assert track([url], store, FAST).new == 1
    recorder = Recorder()
    for _ in range(2):
        summary = track([url], store, FAST, recorder)
        assert (summary.new, summary.suspect, summary.failed, summary.exit_code) == (0, 0, 1, 4)
    detail = recorder.events[-1].detail
    assert re.fullmatch(
        rf"{re.escape(url)} now shows only \d+ of the story's \d+ words, above a subscription "
        r'wall \("Subscribe to continue reading\."\) — held back, not stored as an edit: the '
        "version stored before is kept",
        detail,
    ), detail
    assert [v.title for v in store.history(store.require_story(url))] == [SHORT_TITLE]


def test_a_walled_page_whose_text_is_not_the_storys_opening_is_left_to_the_shrink_rule(
    http: HTTPServer, store: Store
) -> None:
    # A wall on the page says nothing of a text that is not the story's: a rewrite cut
    # short on a walled site is held as a shrink and, confirmed, stored as before.
    from compare import sources
    from compare.model import Document, Paragraph, Provenance
    from compare.track import _Run

    whole = Response(article_html(SHORT_TITLE, versions()[0][1]), content_type="text/html")
    http.expect_request("/news/ferry").respond_with_handler(Answers(whole))
    url = http.url_for("/news/ferry")
    assert track([url], store, FAST).new == 1
    text = (
        "Marrowby's ferry will keep sailing for another year after the harbour board found "
        "the money the council could not, a board member said on Friday."
    )
    rewrite = Document(paragraphs=(Paragraph(text, (text,)),), title=SHORT_TITLE)
    provenance = Provenance(spec=url, url=url, content_type="text/html", encoding="utf-8")
    snapshot = sources.stored_snapshot(walled_page(SHORT_TITLE, [text]).encode(), provenance)
    run = _Run(store, FAST, None)
    try:
        assert run._walled(url, run._versions([url]), rewrite, snapshot) is None
        lead = versions()[0][1][0]
        teaser = Document(paragraphs=(Paragraph(lead, (lead,)),), title=SHORT_TITLE)
        assert run._walled(url, run._versions([url]), teaser, snapshot) is not None
    finally:
        run.close(False)
