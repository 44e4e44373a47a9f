"""user21: a demanding user's session (a journalist tracking stealth edits of one story
over a day, an analyst comparing four outlets' coverage of a dam evacuation) on pages
written for it. Each test failed before its fix."""

from __future__ import annotations

import re
from pathlib import Path

from history_pages import TITLE, article_html, versions
from pytest_httpserver import HTTPServer
from test_coverage5 import _disputes
from test_history4 import FAST, Answers, Recorder
from werkzeug import Response

from compare.render.timeline import render_story
from compare.store import Store
from compare.track import track


def test_a_day_one_outlet_gives_as_at_least_that_day_is_no_dispute() -> None:
    # A brief dropped the wire's "at least": "closed until at least Monday" / "closed until
    # Monday" was a disputed date ('at least Monday' / 'Monday') in every coverage view,
    # though "at least 30" / "30" is one figure.
    wire = (
        "Three schools in Lower Orvane and Fennick will be closed until at least Monday, "
        "and emergency shelters have been set up in the town of Brask."
    )
    brief = "Schools in Lower Orvane and Fennick are closed until Monday."
    assert _disputes(wire, wire, brief) == []
    # Another day is still disputed, with or without the hedge.
    tuesday = brief.replace("Monday", "Tuesday")
    assert _disputes(wire, wire, tuesday) != []
    assert _disputes(wire, wire, wire.replace("Monday", "Tuesday")) != []


def test_a_tracked_page_cut_to_a_short_teaser_above_a_wall_is_named_so(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    # A teaser too short to read as an article at all (under 150 words above "Subscribe to
    # continue reading") failed with extract's advice, "pass the article's own URL, or a
    # saved copy of the full page", to the article's own URL, and the timeline badged it
    # "fetch failed", not "paywalled" as it does a longer teaser.
    paragraphs = versions()[0][1]
    wall = (
        "<div class='paywall'><h2>Subscribe to continue reading</h2>"
        "<p>Get unlimited access for just £1 a week.</p></div>"
    )
    teaser = article_html(TITLE, paragraphs[:1]).replace("</article>", wall + "</article>")
    httpserver.expect_request("/news/ferry").respond_with_handler(
        Answers(
            Response(article_html(TITLE, paragraphs), content_type="text/html"),
            Response(teaser, content_type="text/html"),
            Response(article_html(TITLE, ["Loading…"]), content_type="text/html"),
        )
    )
    url = httpserver.url_for("/news/ferry")
    with Store.open(tmp_path / "v.db") as store:
        assert track([url], store, FAST).new == 1
        recorder = Recorder()
        summary = track([url], store, FAST, recorder)
        assert (summary.failed, summary.exit_code) == (1, 4)
        detail = recorder.events[-1].detail
        assert detail.startswith(f"{url} now shows only a "), detail
        assert "-word teaser above a subscription wall" in detail
        assert detail.endswith(
            " — held back, not stored as an edit: the version stored before is kept"
        )
        assert "article's own URL" not in detail
        # Any page of no article says what is kept, not what to pass instead.
        summary = track([url], store, FAST, recorder)
        assert (summary.failed, summary.exit_code) == (1, 4)
        detail = recorder.events[-1].detail
        assert detail.startswith(f"no article text found in {url}: "), detail
        assert detail.endswith(
            " — held back, not stored as an edit: the version stored before is kept"
        )
        story = store.require_story(url)
        html = render_story(store, story, generated_at="2026-11-28T00:00:00Z")
    assert "paywalled" in html and html.count("fetch failed") == 1


def test_a_takedown_the_site_undid_says_the_page_was_back_in_the_timeline(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    # Taken down, then restored as it was: the fetch that read it again stores no version
    # and made no row, so the timeline's last row read "taken down" with nothing after it.
    paragraphs = versions()[0][1]
    whole = Response(article_html(TITLE, paragraphs), content_type="text/html")
    notice = Response(
        "<html><body><h1>Removed</h1><p>This article has been removed for legal reasons.</p>"
        "</body></html>",
        content_type="text/html",
    )
    httpserver.expect_request("/news/ferry").respond_with_handler(Answers(whole, notice, whole))
    url = httpserver.url_for("/news/ferry")
    with Store.open(tmp_path / "v.db") as store:
        for outcome in ("new", "failed", "unchanged"):
            assert getattr(track([url], store, FAST), outcome) == 1
        html = render_story(store, store.require_story(url), generated_at="2026-11-28T00:00:00Z")
    (row,) = re.findall(r'<tr class="gap gone".*?</tr>', html, re.S)
    assert "taken down" in row
    assert re.search(r"Read again at <time>[^<]+</time>: the page was back, unchanged\.", row)


def test_a_takedown_that_stays_says_nothing_of_a_page_back(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    notice = Response(
        "<html><body><h1>Removed</h1><p>This article has been removed for legal reasons.</p>"
        "</body></html>",
        content_type="text/html",
    )
    whole = Response(article_html(TITLE, versions()[0][1]), content_type="text/html")
    httpserver.expect_request("/news/ferry").respond_with_handler(Answers(whole, notice))
    url = httpserver.url_for("/news/ferry")
    with Store.open(tmp_path / "v.db") as store:
        track([url], store, FAST)
        track([url], store, FAST)
        html = render_story(store, store.require_story(url), generated_at="2026-11-28T00:00:00Z")
    assert "taken down" in html and "Read again" not in html
