"""user20: a demanding new user's session (a journalist tracking stealth edits, an analyst
comparing outlets) on pages written for it. Each test failed before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_coverage5 import _disputes


def test_a_figure_each_sentence_gives_under_another_noun_is_no_dispute() -> None:
    # The wire gives the 37 with no noun ("injuring 37"), the rewrite as "Thirty-seven
    # people were injured"; the 412 people aboard became "more than 400 passengers". The
    # claim showed '412 people' / 'Thirty-seven people' as a disputed figure.
    wire = (
        "A passenger ferry carrying 412 people ran aground off Skellig Point early on "
        "Wednesday, injuring 37, the coastguard said."
    )
    rewrite = (
        "Thirty-seven people were injured when a ferry carrying more than 400 passengers "
        "and crew ran aground off Skellig Point in the early hours of Wednesday."
    )
    assert _disputes(wire, wire, rewrite) == []
    # A figure the other sentence gives nowhere is still a dispute.
    thirty = rewrite.replace("Thirty-seven", "Thirty-one")
    assert _disputes(wire, wire, thirty) != []


def test_a_wire_dateline_with_its_date_or_two_hyphens_names_no_one() -> None:
    # A rewrite that drops the wire's dateline removed "names" LONDON and Reuters when the
    # dateline gave its date and year ("LONDON, Nov. 24, 2026 (Reuters) -"), its day before
    # the month ("PARIS, 24 Nov (AFP) -") or two hyphens for its dash, as plain-text wire
    # copy does ("TOKYO (Kyodo) --").
    from compare.datelines import opening_dateline
    from compare.facets import compare_sentences

    story = "The Bank of Westmark cut interest rates to 4.25% on Thursday, its second this year."
    for dateline in (
        "LONDON, Nov. 24, 2026 (Reuters) - ",
        "PARIS, 24 Nov (AFP) - ",
        "TOKYO (Kyodo) -- ",
        "BEIJING, Nov 24 (Xinhua) -- ",
    ):
        found = opening_dateline(dateline + story)
        assert found is not None and found.group() == dateline
        names = [c for c in compare_sentences(dateline + story, story) if c.kind == "name"]
        assert names == [], dateline
    # A figure after the comma that is no date, and an aside between two double hyphens,
    # open no dateline.
    assert opening_dateline("NASA, 24 hours later - it said the launch was off.") is None
    assert opening_dateline("NATO -- the alliance -- said it would meet on Monday.") is None


def test_an_agency_credited_in_a_dated_dateline_explains_reuse() -> None:
    from compare.multi import _AGENCY_DATELINE

    found = _AGENCY_DATELINE().match("LONDON, Nov. 24, 2026 (Reuters) - Britain said ...")
    assert found is not None and found["agency"] == "Reuters"


def test_a_404_then_a_takedown_notice_are_two_rows_of_the_timeline(tmp_path: Path) -> None:
    # The page answered 404, then came back as a notice that the article was removed: the
    # timeline made one run of both, badged "not found" beside the notice's words, and its
    # header said the page was "not found" now, not taken down.
    import re

    from depot_story import GONE, URL, P, observe, page

    from compare.render.timeline import render_story
    from compare.store import Store

    notice = f'{URL} now says the article was removed ("Removed."): it was probably taken down'
    with Store.open(tmp_path / "v.db") as store:
        full = page("Fire at Oldwick grain depot", P, "2026-11-24T09:30:00Z")
        observe(store, tmp_path, full, "2026-11-24T09:35:00.000Z")
        store.record_failure(URL, "2026-11-24T11:10:00.000Z", GONE, status=404)
        store.record_failure(URL, "2026-11-24T11:40:00.000Z", notice, status=200)
        html = render_story(store, store.require_story(URL), generated_at="2026-11-25T00:00:00Z")
    rows = re.findall(r'<tr[^>]*id="failed-[^"]*".*?</tr>', html, re.S)
    badges = [re.search(r'<span class="flag gone">([^<]*)</span>', row) for row in rows]
    assert [b.group(1) for b in badges if b] == ["not found", "taken down"]
    header = re.search(r'<p class="meta gone-now".*?</p>', html, re.S)
    assert header is not None and "taken down" in header.group(0), header


def test_the_timeline_names_the_address_a_version_came_from_when_it_changed(
    tmp_path: Path,
) -> None:
    # A story reached by its page and by its AMP copy: the copy, which lags the page,
    # "removed" the correction the page had added, and the timeline gave no sign that
    # version came from another address.
    import re
    from dataclasses import replace

    from depot_story import CORRECTION, URL, P, page

    from compare import load
    from compare.model import CompareOptions, Provenance
    from compare.render.timeline import render_story
    from compare.store import Store
    from compare.track import summarizer

    amp = URL + "/amp"

    def observe(store: Store, html: str, at: str, fetched: str) -> None:
        path = tmp_path / f"page-{at[11:13]}{at[14:16]}.html"
        path.write_text(html, encoding="utf-8")
        document = replace(
            load(str(path)),
            url=URL,
            provenance=Provenance(spec=fetched, url=fetched, status=200, encoding="utf-8"),
        )
        store.observe(
            [URL, fetched],
            document,
            html.encode(),
            at,
            fetched_url=fetched,
            summarize=summarizer(CompareOptions()),
        )

    title = "Fire at Oldwick grain depot"
    with Store.open(tmp_path / "v.db") as store:
        observe(store, page(title, P, "2026-11-24T09:30:00Z"), "2026-11-24T09:35:00.000Z", URL)
        corrected = page(title, [*P, CORRECTION], "2026-11-24T10:30:00Z")
        observe(store, corrected, "2026-11-24T10:35:00.000Z", URL)
        observe(store, page(title, P, "2026-11-24T09:30:00Z"), "2026-11-24T11:35:00.000Z", amp)
        html = render_story(store, store.require_story(URL), generated_at="2026-11-25T00:00:00Z")
    shown = re.findall(r'<span class="from"[^>]*>from ([^<]*)</span>', html)
    assert shown == [URL, amp]


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["extract", ""], "SOURCE"),
        (["compare", "old.html", ""], "SOURCE"),
        (["track", ""], "URL"),
        (["watch", ""], "FEED"),
        (["history", ""], "URL"),
        (["timeline", ""], "URL"),
        (["export", ""], "URL"),
    ],
)
def test_an_empty_argument_is_a_usage_error_that_says_so(
    tmp_path: Path, command: list[str], said: str
) -> None:
    # A shell variable left unset (`storydiff compare "$OLD" new.html`) gave "error: is a
    # directory — pass one of the files inside it" (the current folder) or "no stored
    # versions of in …".
    from typer.testing import CliRunner

    from compare.cli import app

    result = CliRunner(env={"STORYDIFF_DB": str(tmp_path / "none.db")}).invoke(app, command)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert lines == [lines[0]] and f"the {said} given is empty ('')" in lines[0], lines
    assert not (tmp_path / "none.db").exists()


def test_a_span_of_time_after_over_is_no_bound_and_no_dispute() -> None:
    # "over four years" is during four years: facets read "over" as a bound and set it
    # against "a four-year period" as a disputed figure.
    four = (
        "Martin Cole, 34, of Oakfield, transferred the money into his own accounts over four "
        "years while working as finance manager at Brightsteps, Ridgeway Crown Court heard."
    )
    period = (
        "Martin Cole, from Oakfield, moved the money into his own bank accounts over a "
        "four-year period, the court was told."
    )
    assert _disputes(four, four, period) == []
    # Another span is still a dispute.
    assert _disputes(four, four, period.replace("four-year", "five-year")) != []


def test_the_parts_of_one_whole_are_disputed_not_the_whole() -> None:
    # "close two of its five centres" / "close three of its centres": facets pair the five
    # with the three, and the dispute read 'five centres' / 'three', leaving out the outlet
    # that also said two.
    whole = "The charity said it had been forced to close two of its five centres."
    three = "The charity said it had been forced to close three of its centres."
    two = "The charity said it had been forced to close two of its centres."
    assert _disputes(whole, three, two) == ["two (S0, S2) / three (S1)"]
    assert _disputes(whole, two, two) == []


def test_history_tables_line_up_chinese_and_japanese_headlines() -> None:
    # A Chinese headline takes two columns a character: padded and cut by characters, it
    # pushed the URL (list of stories) and the changes (history URL) out of line.
    import unicodedata

    from compare.render.timeline import history_table, stories_table
    from compare.store import Story, VersionInfo

    def column_of(line: str, text: str) -> int:
        before = line[: line.index(text)]
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in before)

    titles = [
        "东湖跨江大桥将于明年三月通车，市民期待已久的工程进入最后阶段",
        "Bridge to open in March",
    ]
    versions = [
        VersionInfo(
            id=n,
            number=n,
            first_seen=f"2026-11-2{n}T10:00:00.000Z",
            last_seen=f"2026-11-2{n}T10:00:00.000Z",
            title=title,
            word_count=200,
            changes=None,
            cosmetic_changes=0,
            source="fetch",
            archive_url=None,
        )
        for n, title in enumerate(titles, 1)
    ]
    story = Story(
        id=1,
        url="https://news.example/bridge",
        created_at="2026-11-21T10:00:00.000Z",
        etag=None,
        last_modified=None,
    )
    lines = history_table(story, versions, width=80).splitlines()[2:]
    assert len({column_of(line, "first version") for line in lines}) == 1, lines
    stories = [
        {"versions": 1, "first_seen": v.first_seen, "last_seen": v.last_seen, "title": v.title}
        | {"url": f"https://news.example/{v.number}"}
        for v in versions
    ]
    lines = stories_table(Path("v.db"), stories, width=100).splitlines()[2:]
    assert len({column_of(line, "https://") for line in lines}) == 1, lines


def test_a_feed_item_linking_to_no_web_page_is_no_failure(tmp_path: Path) -> None:
    # An outlet's feed that lists a "javascript:" or "mailto:" link among its stories made
    # every `watch` run fail with exit 2 and listed those links as failing URLs for ever.
    from history_pages import article_html, versions
    from pytest_httpserver import HTTPServer
    from test_history4 import FAST, RSS
    from werkzeug import Response

    from compare.store import Store
    from compare.track import watch

    with HTTPServer(host="127.0.0.1") as http, Store.open(tmp_path / "v.db") as store:
        items = "".join(
            f"<item><title>{n}</title><link>{link}</link></item>"
            for n, link in enumerate(("javascript:void(0)", "mailto:desk@courier.example", "/a"))
        )
        http.expect_request("/feed.rss").respond_with_response(
            Response(RSS.format(items=items), content_type="application/rss+xml")
        )
        http.expect_request("/a").respond_with_response(
            Response(article_html(*versions()[0]), content_type="text/html")
        )
        summary = watch([http.url_for("/feed.rss")], store, FAST)
        assert (summary.new, summary.failed, summary.exit_code) == (1, 0, 0)
        assert store.never_fetched() == []


def test_outlets_whose_names_start_alike_are_told_apart_in_the_terminal() -> None:
    # Eleven regional editions named "The Ashbourne Evening Chronicle and Advertiser (…)"
    # were each shown as "The Ashbourne Evening Chron…": no way to tell A from K.
    from test_multi import doc

    from compare import compare_many
    from compare.render.coverage_text import coverage_text

    lede = "A ferry carrying {} people ran aground off Skellig Point early on Wednesday."
    editions = ("North", "South", "East")
    coverage = compare_many(
        [
            doc(
                lede.format(400 + i),
                "All passengers were taken off by lifeboat within three hours.",
                site=f"The Ashbourne Evening Chronicle and Advertiser ({edition} edition)",
            )
            for i, edition in enumerate(editions)
        ]
    )
    for width in (100, 60):
        lines = coverage_text(coverage, width=width).splitlines()
        legend = [line for line in lines if line[:5] in ("  A  ", "  B  ", "  C  ")][:3]
        shown = [line[5:].split("  ")[0] for line in legend]
        assert len(set(shown)) == 3, legend
        assert all(edition in " ".join(legend) for edition in editions), legend


def test_a_copy_s_validators_are_not_sent_to_the_page_itself(tmp_path: Path) -> None:
    # The page and a syndicated (or AMP) copy whose canonical link names the page are one
    # story, which kept one ETag/Last-Modified: the copy's, later, sent to the page made it
    # answer 304, and the page was taken to hold the copy's shorter text from then on.
    from email.utils import parsedate_to_datetime

    from history_pages import article_html, versions
    from pytest_httpserver import HTTPServer
    from test_history4 import FAST
    from werkzeug import Request, Response

    from compare.store import Store
    from compare.track import Listener, TrackEvent, track

    title, paragraphs = versions()[2]
    page_modified = "Mon, 23 Nov 2026 09:00:00 GMT"

    class Recorder(Listener):
        def __init__(self) -> None:
            self.events: list[TrackEvent] = []

        def event(self, event: TrackEvent) -> None:
            self.events.append(event)

    with HTTPServer(host="127.0.0.1") as http, Store.open(tmp_path / "v.db") as store:
        page_url = http.url_for("/news/ferry")

        def page(request: Request) -> Response:
            since = request.headers.get("If-Modified-Since")
            if since and parsedate_to_datetime(since) >= parsedate_to_datetime(page_modified):
                return Response(status=304)
            html = article_html(title, paragraphs, canonical=page_url)
            return Response(
                html, content_type="text/html", headers={"Last-Modified": page_modified}
            )

        def copy(request: Request) -> Response:
            html = article_html(title, paragraphs[:-1], canonical=page_url)
            headers = {"Last-Modified": "Tue, 24 Nov 2026 09:00:00 GMT"}
            return Response(html, content_type="text/html", headers=headers)

        http.expect_request("/news/ferry").respond_with_handler(page)
        http.expect_request("/partner/ferry").respond_with_handler(copy)
        track([page_url], store, FAST)
        track([http.url_for("/partner/ferry")], store, FAST)
        recorder = Recorder()
        track([page_url], store, FAST, recorder)
        (event,) = recorder.events
        assert event.outcome != "not-modified"
        story = store.require_story(page_url)
        latest = store.history(story)[-1]
        assert latest.word_count == store.history(story)[0].word_count


def test_a_label_naming_its_source_another_way_names_that_source(tmp_path: Path) -> None:
    # "--label Herald=./herald.html" for the source "herald.html" was taken for a bare
    # name and given to the first outlet not yet named (the wire was called
    # "Herald=./herald.html"); one naming no source at all is a usage error.
    import os

    from compare.coverage_report import parse_labels
    from compare.errors import InputError

    for name in ("wire.html", "gazette.html", "herald.html"):
        (tmp_path / name).write_text("<p>x</p>", encoding="utf-8")
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        sources = ["wire.html", "gazette.html", "herald.html"]
        labels = ["Gazette=gazette.html", "Herald=./herald.html"]
        assert parse_labels(labels, sources) == (None, "Gazette", "Herald")
        absolute = [f"Wire={tmp_path / 'wire.html'}"]
        assert parse_labels(absolute, sources) == ("Wire", None, None)
        with pytest.raises(InputError, match="names no source"):
            parse_labels(["Herald=./nope.html"], sources)
        # A bare name with "=" in it is still a name, in order.
        assert parse_labels(["Sky=News"], sources) == ("Sky=News", None, None)
    finally:
        os.chdir(here)
