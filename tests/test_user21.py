"""user21: a demanding user's session (a journalist tracking stealth edits of one story
over a day, an analyst comparing four outlets' coverage of a dam evacuation) on pages
written for it. Each test failed before its fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from history_pages import TITLE, article_html, versions
from pytest_httpserver import HTTPServer
from test_coverage5 import _disputes
from test_history4 import FAST, Answers, Recorder
from werkzeug import Response

from compare import compare, load
from compare.extract import extract
from compare.extract.metadata import without_role_after
from compare.model import Document, Paragraph, Provenance
from compare.render.timeline import render_story
from compare.sources import stored_snapshot
from compare.store import Store
from compare.text import split_sentences
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


_BUS_STORY = (
    "Single bus fares across Northgate will rise by 18% from April, the region's largest "
    "operator has confirmed.",
    "Greyline Buses said a single adult ticket would go up from £2.20 to £2.60, and a weekly "
    "pass from £18 to £21.",
    "The company blamed rising fuel and wage costs and the end of a government cap on fares.",
    "Councillor Ray Ahmed said the council would ask Greyline to delay the rise until summer.",
)
_BUS_CORRECTION = (
    "<p><strong>Correction, 27 November:</strong> An earlier version of this article said a "
    "weekly pass would rise to £22. It will rise to £21.</p>"
)


def _bus_page(before_body: str = "", after_body: str = "", after_article: str = "") -> str:
    """An outlet's page: the story's paragraphs in a body box, with boxes beside it."""
    body = "".join(f"<p>{p}</p>" for p in _BUS_STORY)
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Bus fares to rise "
        "by 18% | Northgate Evening Post</title></head><body><nav><a href='/'>Home</a> "
        "<a href='/news'>News</a></nav><main><article><h1>Bus fares to rise by 18% in "
        "April</h1><div class='author'>By Sam Oduya</div><div class='share'><a>Share</a> "
        f"<a>Comments</a></div>{before_body}<div class='article-body'>{body}</div>"
        f"{after_body}</article>{after_article}<section class='most-read'><h2>Most read</h2>"
        "<ol><li><a href='/a'>Man charged after stabbing</a></li></ol></section></main>"
        "</body></html>"
    )


@pytest.mark.parametrize(
    ("where", "page"),
    [
        (
            "after the body",
            _bus_page(after_body=f"<div class='correction'>{_BUS_CORRECTION}</div>"),
        ),
        (
            "after the article",
            _bus_page(after_article=f"<aside class='correction-box'>{_BUS_CORRECTION}</aside>"),
        ),
        (
            "under a heading",
            _bus_page(
                after_body=f"<div class='article-notes'><h3>Corrections</h3>{_BUS_CORRECTION}</div>"
            ),
        ),
        (
            "in a footer of tags",
            _bus_page(
                after_body=f"<footer class='article-footer'>{_BUS_CORRECTION}<p>Topics: "
                "<a href='/t/buses'>Buses</a> <a href='/t/northgate'>Northgate</a></p></footer>"
            ),
        ),
    ],
)
def test_a_correction_appended_beside_the_story_box_is_kept(
    tmp_path: Path, where: str, page: str
) -> None:
    # The correction a newsroom appends in a box of its own after the body's box was lost:
    # trafilatura read only the body's box, and adding it was no edit at all.
    old, new = tmp_path / "old.html", tmp_path / "new.html"
    old.write_text(_bus_page(), "utf-8")
    new.write_text(page, "utf-8")
    document = load(str(new))
    texts = [p.text for p in document.paragraphs]
    assert texts[:4] == list(_BUS_STORY), where
    assert texts[4].startswith("Correction, 27 November: An earlier version"), where
    assert len(texts) == 5
    comparison = compare(load(str(old)), document)
    assert [(c.kind, c.action) for c in comparison.changes][:1] == [("note", "added")]


def test_an_update_note_just_above_the_story_box_is_kept_in_its_place() -> None:
    note = (
        "<div class='update-note'><p>Update: This story was updated at 13:05 with a response "
        "from the council and new fare figures.</p></div>"
    )
    document = extract(
        stored_snapshot(
            _bus_page(before_body=note).encode(), Provenance("a.html", content_type="text/html")
        )
    )
    texts = [p.text for p in document.paragraphs]
    assert texts[0].startswith("Update: This story was updated at 13:05")
    assert texts[1:] == list(_BUS_STORY)


def test_a_job_set_after_the_name_in_a_byline_box_is_no_part_of_it() -> None:
    # The box set the name, its job and a Follow button in a row: the byline read "Sam
    # Oduya Transport Reporter" in every view (a job in lower case was already dropped).
    box = (
        "<div class='author-box'><a href='/authors/sam-oduya'>Sam Oduya</a> "
        "<span>Transport Reporter</span> <button>Follow</button></div>"
    )
    page = _bus_page().replace("<div class='author'>By Sam Oduya</div>", box)
    document = extract(
        stored_snapshot(page.encode(), Provenance("a.html", content_type="text/html"))
    )
    assert document.authors == ("Sam Oduya",)
    # A surname that is a job's word stays, with no beat word before it.
    assert without_role_after("Ben Writer") == "Ben Writer"
    assert without_role_after("Sam Oduya Senior Political Reporter") == "Sam Oduya"


@pytest.mark.parametrize(
    ("status", "hint"),
    [
        (500, "the server failed; try again later"),
        (403, "the page may need a login or block robots"),
    ],
)
def test_a_tracked_page_the_server_fails_or_refuses_gives_no_advice_to_pass_a_file(
    httpserver: HTTPServer, tmp_path: Path, status: int, hint: str
) -> None:
    # track's line said "check the URL, or save the page from a browser and pass the
    # file" of a 500 — a file track cannot take, and a URL that was right.
    httpserver.expect_request("/news/ferry").respond_with_data("Oops", status=status)
    url = httpserver.url_for("/news/ferry")
    with Store.open(tmp_path / "v.db") as store:
        recorder = Recorder()
        summary = track([url], store, FAST, recorder)
    assert (summary.failed, summary.exit_code) == (1, 3)
    detail = recorder.events[-1].detail
    assert detail.endswith(f" — {hint}"), detail
    assert "pass the file" not in detail


def test_compare_of_a_page_the_server_fails_says_to_try_again_later(httpserver: HTTPServer) -> None:
    from compare import sources
    from compare.errors import FetchError

    httpserver.expect_request("/news/ferry").respond_with_data("Oops", status=500)
    with pytest.raises(FetchError) as caught:
        sources.fetch_url(httpserver.url_for("/news/ferry"), FAST.load)
    assert caught.value.hint.startswith("the server failed; try again later")


def test_a_missing_file_named_nearly_as_one_in_its_folder_is_suggested(tmp_path: Path) -> None:
    # "no such file: v1.htm — check the path" left the user to find the typo; a space
    # pasted after the name read "no such file: v1.html" of a file that was there.
    from compare.errors import InputError

    (tmp_path / "v1.html").write_text("<p>The story.</p>", "utf-8")
    for typed in ("v1.htm", "V1.html", "v1.html "):
        with pytest.raises(InputError) as caught:
            load(str(tmp_path / typed))
        assert caught.value.hint.startswith(f"did you mean {tmp_path / 'v1.html'}?"), typed
    assert "'" + str(tmp_path / "v1.html ") + "'" in caught.value.message
    # Nothing near: the hint as before.
    with pytest.raises(InputError) as caught:
        load(str(tmp_path / "m2.html"))
    assert caught.value.hint == "check the path (or give an http(s):// URL)"


def test_a_stored_story_whose_address_was_mistyped_is_named(tmp_path: Path) -> None:
    # A slug cut short or a letter off was "no stored versions of … — run `storydiff track
    # URL` first", though the store held the story under the address meant.
    from compare.errors import NotStoredError

    url = "https://example.org/news/local/marrow-creek-leak"
    with Store.open(tmp_path / "v.db") as store:
        page = article_html(TITLE, versions()[0][1]).encode()
        store.observe(
            [url],
            extract(stored_snapshot(page, Provenance(url, url=url))),
            page,
            "2026-11-27T10:00:00Z",
        )
        for typed in (url[:-1], url.replace("creek", "creak")):
            with pytest.raises(NotStoredError) as caught:
                store.require_story(typed)
            assert caught.value.message.endswith(f", but it holds {url}"), typed
        with pytest.raises(NotStoredError) as caught:
            store.require_story("https://example.org/news/local/harbour-fire")
        assert "but it holds" not in caught.value.message


def test_a_text_files_opening_sentence_that_ends_in_a_quote_is_no_headline(
    tmp_path: Path,
) -> None:
    # A plain text copy opening on a quoted sentence of 25 words or fewer ('… at risk."')
    # took it for the headline: an edit of it showed as the headline changed and ¶ 1 added.
    opening = (
        'Halden Chemicals chief executive Rhona Kell said on Friday: "We have no plans to '
        'close the Marrow Creek plant, and no jobs are at risk."'
    )
    rest = (
        "The company ignored two warnings from inspectors about the corroded valve in 2025, "
        "according to documents seen by the Courier.\n\nKell said the firm would pay for an "
        "independent review of safety at all three of its sites in the county."
    )
    path = tmp_path / "story.txt"
    path.write_text(f"{opening}\n\n{rest}\n", "utf-8")
    document = load(str(path))
    assert document.title is None
    assert document.paragraphs[0].text == opening
    # A headline that ends in a quote with no full stop in it stays one.
    path.write_text(f'Plant boss: "No jobs at risk"\n\n{opening}\n\n{rest}\n', "utf-8")
    assert load(str(path)).title == 'Plant boss: "No jobs at risk"'


def test_a_wire_headlines_version_marker_is_no_changed_figure(tmp_path: Path) -> None:
    # "UPDATE 1-Chemical leak …" -> "UPDATE 2-Chemical leak …" was 'number: "1" → "2"
    # (headline)', "NEW changes these facts without … a note" and an undated edit.
    from compare.facets import headline_changes

    pages = []
    for n in (1, 2):
        title = f"UPDATE {n}-Bus fares to rise by 18% in April"
        page = _bus_page().replace("Bus fares to rise by 18% in April", title, 1)
        path = tmp_path / f"v{n}.html"
        path.write_text(page.replace("<title>Bus fares to rise by 18%", f"<title>{title}"), "utf-8")
        pages.append(load(str(path)))
    assert pages[1].title == "UPDATE 2-Bus fares to rise by 18% in April"
    comparison = compare(*pages)
    assert comparison.summary.headline_changed
    assert comparison.title_changes == () and comparison.changes == ()
    assert not comparison.summary.edited_without_note
    # A figure of the headline itself is still read.
    (change,) = headline_changes(
        "REFILE-UPDATE 1-Leak forces evacuation of 300 homes",
        "UPDATE 2-Leak forces evacuation of 450 homes",
    )
    assert (change.old, change.new) == ("300 homes", "450 homes")


def test_a_coverage_reports_side_by_side_pair_calls_itself_two_outlets() -> None:
    # Each pair of outlets the coverage report links to was headed "Two versions
    # compared", as if the second outlet's story were an edit of the first's.
    from compare import compare_many
    from compare.render.coverage_html import pair_reports
    from compare.render.html import render_comparison

    story = [p.replace("Greyline", "Greyline Buses") for p in _BUS_STORY]
    docs = [
        Document(
            paragraphs=tuple(Paragraph(p, tuple(split_sentences(p))) for p in story),
            site_name=site,
            provenance=Provenance(spec=f"{site}.txt"),
        )
        for site in ("Post", "Echo", "Wire")
    ]
    reports = pair_reports(
        compare_many(docs), stem="bus", generated_at="2026-11-28T00:00:00Z", back_href="bus.html"
    )
    assert len(reports) == 3
    for html in reports.values():
        assert '<span class="kicker">Two outlets compared</span>' in html
    alone = render_comparison(compare(docs[0], docs[1]), generated_at="2026-11-28T00:00:00Z")
    assert '<span class="kicker">Two versions compared</span>' in alone


def test_a_page_that_moves_its_modified_time_on_without_an_edit_says_so(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    # "Updated 18:40" with nothing changed read only "the page around the article changed
    # (adverts, links, menus)": the newsroom's claim of an update went unsaid.
    paragraphs = versions()[0][1]

    def dated(modified: str) -> Response:
        meta = f"<meta property='article:modified_time' content='{modified}'>"
        page = article_html(TITLE, paragraphs).replace("</head>", meta + "</head>")
        return Response(page, content_type="text/html")

    httpserver.expect_request("/news/ferry").respond_with_handler(
        Answers(dated("2026-11-27T15:12:00Z"), dated("2026-11-27T18:40:00Z"))
    )
    url = httpserver.url_for("/news/ferry")
    with Store.open(tmp_path / "v.db") as store:
        assert track([url], store, FAST).new == 1
        recorder = Recorder()
        assert track([url], store, FAST, recorder).unchanged == 1
    (event,) = recorder.events
    assert event.outcome == "cosmetic"
    assert event.detail.endswith(
        "its last-modified time moved on, 2026-11-27T15:12:00Z → 2026-11-27T18:40:00Z, with no "
        "edit to the text"
    ), event.detail


def test_a_tracked_page_now_drawn_by_javascript_gives_no_advice_to_save_a_file(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    # A redesign that draws the article with JavaScript failed with extract's "open it in
    # a browser, save it … and pass the saved file", which track cannot take.
    shell = (
        "<html><head><title>Ferry</title></head><body><div id='__next'></div>"
        '<script id="__NEXT_DATA__" type="application/json">{"props": {}}</script>'
        "</body></html>"
    )
    httpserver.expect_request("/news/ferry").respond_with_handler(
        Answers(
            Response(article_html(TITLE, versions()[0][1]), content_type="text/html"),
            Response(shell, content_type="text/html"),
        )
    )
    url = httpserver.url_for("/news/ferry")
    with Store.open(tmp_path / "v.db") as store:
        assert track([url], store, FAST).new == 1
        recorder = Recorder()
        assert track([url], store, FAST, recorder).exit_code == 4
    detail = recorder.events[-1].detail
    assert "JavaScript" in detail and "saved file" not in detail, detail
    assert detail.endswith("— held back, not stored as an edit: the version stored before is kept")


def test_stored_versions_compared_as_outlets_are_named_by_their_numbers() -> None:
    # `compare URL@1 URL@3 URL@5` named the three "The Riverton Courier (1)", "(2)" and
    # "(3)": "(2)" was version 3.
    from compare.multi import outlet_labels

    def stored(version: int | None) -> Document:
        return Document(
            paragraphs=(),
            site_name="The Riverton Courier",
            provenance=Provenance(spec=f"https://example.org/leak@{version}", version=version),
        )

    assert outlet_labels([stored(1), stored(3), stored(5)]) == (
        "The Riverton Courier (v1)",
        "The Riverton Courier (v3)",
        "The Riverton Courier (v5)",
    )
    # Pages that are no stored versions are numbered in order, as before.
    assert outlet_labels([stored(None), stored(None)]) == (
        "The Riverton Courier (1)",
        "The Riverton Courier (2)",
    )


def test_told_to_do_something_is_an_order_not_an_attribution() -> None:
    # A standfirst's "Residents told to leave as fumes spread …" rewritten gave
    # 'attribution removed: "Residents told"', as if the residents had said something.
    from compare.facets import compare_sentences, sentence_facets

    assert sentence_facets("Residents told to leave as fumes spread overnight").attributions == ()
    old = "Residents told to leave as fumes spread from the Halden Chemicals site overnight"
    new = "Residents were advised to leave after a leak at the Halden Chemicals site"
    # (The order told as advice is a hedge: "advised to", played down. No attribution.)
    assert [(c.kind, c.new) for c in compare_sentences(old, new)] == [("hedge", "advised to")]
    # Who told whom is still a source.
    (said,) = sentence_facets("The mayor told reporters the bridge would reopen").attributions
    assert (said.lemma, said.source) == ("tell", "The mayor")


def test_a_correction_giving_the_old_and_new_figure_in_two_sentences_marks_the_change(
    tmp_path: Path,
) -> None:
    # "An earlier version … said a weekly pass would rise to £22. It will rise to £21." left
    # the £22 -> £21 change unmarked: in the key changes as if the newsroom had not owned up.
    old, new = tmp_path / "old.html", tmp_path / "new.html"
    story = _bus_page()
    old.write_text(story.replace("from £18 to £21", "from £18 to £22"), "utf-8")
    new.write_text(
        _bus_page(after_body=f"<div class='correction'>{_BUS_CORRECTION}</div>"), "utf-8"
    )
    comparison = compare(load(str(old)), load(str(new)))
    (number,) = [c for c in comparison.changes if c.kind == "number"]
    assert (number.old, number.new) == ("£22", "£21")
    assert comparison.summary.noted and not comparison.summary.edited_without_note
    # A note that gives only one of the two values speaks of no change by that alone.
    other = _BUS_CORRECTION.replace("It will rise to £21.", "The council has asked for a delay.")
    new.write_text(_bus_page(after_body=f"<div class='correction'>{other}</div>"), "utf-8")
    assert not compare(load(str(old)), load(str(new))).summary.noted


@pytest.mark.parametrize(
    ("note", "kind"),
    [
        ("A previous version of this article said a weekly pass would cost £22.", "correction"),
        ("* This story has been corrected to show the price of a weekly pass.", "correction"),
        ("[Correction] A weekly pass will cost £21, not £22.", "correction"),
        ("We have amended this article to correct the price of a weekly pass.", "correction"),
        ("Updated at 3.15pm to add comment from Greyline Buses.", "update"),
    ],
)
def test_common_ways_of_writing_a_note_are_read_as_notes(note: str, kind: str) -> None:
    # Each was read as a plain paragraph: adding it was "1 added", not "correction added".
    from compare.notes import note_kind

    assert note_kind(note) == kind


@pytest.mark.parametrize(
    "text",
    [
        "Updated 13:05, 27 NOV 2026",
        "Updated at 3.15pm",
        "We have amended our forecast for next year, the bank said.",
        "* Prices include VAT.",
        "The app was updated to add a dark mode, the company said.",
    ],
)
def test_lines_like_notes_that_are_none_stay_text(text: str) -> None:
    from compare.notes import note_kind

    assert note_kind(text) is None


def test_history_shows_the_words_that_changed_in_headlines_alike_up_to_the_cut() -> None:
    # "Chemical leak at Marrow Creek plant forces evac…" for versions 1, 2 and 3: the
    # headline changed from 300 homes to 450 past the cut, and the table hid it.
    from compare.render.timeline import MIN_HEADLINE, _columns, _headlines_shown

    old = "Chemical leak at Marrow Creek plant forces evacuation of 300 homes"
    new = old.replace("300", "450")
    other = "Marrow Creek leak: 540 homes evacuated as inquiry is ordered"
    shown = _headlines_shown([old, new, new, other], MIN_HEADLINE)
    assert shown[0].endswith("… evacuation of 300 homes"), shown
    assert shown[1] == shown[2] and shown[1].endswith("… evacuation of 450 homes")
    assert shown[0].startswith("Chemical leak at")
    assert shown[3] == "Marrow Creek leak: 540 homes evacuated as inqui…"
    assert all(_columns(title) <= MIN_HEADLINE for title in shown)
    # Cut at a word's end, at any width.
    for limit in range(MIN_HEADLINE, 58):
        cut = _headlines_shown([old, new], limit)[0]
        assert " … " in cut and _columns(cut) <= limit, (limit, cut)
        assert set(cut.split(" … ")[0].split()) <= set(old.split()), (limit, cut)


_PASTED = """Environment
Chemical leak at Marrow Creek plant forces evacuation of 300 homes
Residents told to leave as fumes spread from the Halden Chemicals site overnight
By Ines Varga, Environment Correspondent
Friday 27 November 2026 8:02 am
Share on Facebook
Share on X
Email

About 300 homes near the Halden Chemicals plant at Marrow Creek were evacuated early on
Friday after a storage tank leaked chlorine gas, fire officials said.

Crews were called to the site on Quarry Lane shortly after 3 a.m. when workers reported a
strong smell near the loading bay.
"""


def test_a_pages_header_copied_from_a_browser_into_a_text_file_is_read_line_by_line(
    tmp_path: Path,
) -> None:
    # Its lines were joined as one hard-wrapped paragraph: "Environment Chemical leak …
    # Share on Facebook Share on X Email" was ¶ 1, with no headline and no byline, and a
    # new headline in the next copy was an edit of that paragraph.
    path = tmp_path / "pasted.txt"
    path.write_text(_PASTED, "utf-8")
    document = load(str(path))
    assert document.title == "Chemical leak at Marrow Creek plant forces evacuation of 300 homes"
    assert document.authors == ("Ines Varga",)
    texts = [p.text for p in document.paragraphs]
    assert (
        texts[0]
        == "Residents told to leave as fumes spread from the Halden Chemicals site overnight"
    )
    assert texts[1].startswith("About 300 homes near") and texts[1].endswith("officials said.")
    assert not any("Share on" in t for t in texts)
    # A hard-wrapped paragraph's lines are still one paragraph.
    assert texts[2].endswith("reported a strong smell near the loading bay.")


def test_a_headline_and_a_short_line_under_it_in_a_text_file_are_not_one_title(
    tmp_path: Path,
) -> None:
    # Two lines at the top were read as one wrapped headline: "Village fete raises record sum
    # for hospice Door Prize Winners Named". "Door" would have fitted on the first line.
    body = (
        "The annual fete at Little Ashby raised more than 4,000 pounds for the county "
        "hospice on Saturday, organisers said. Hundreds of visitors came despite the rain."
    )
    path = tmp_path / "fete.txt"
    path.write_text(
        f"Village fete raises record sum for hospice\nDoor Prize Winners Named\n\n{body}\n"
    )
    document = load(str(path))
    assert document.title == "Village fete raises record sum for hospice"
    assert [p.text for p in document.paragraphs] == ["Door Prize Winners Named", body]
    # A headline wrapped where the text wraps stays one.
    wrapped = "Village fete at Little Ashby raises a record sum for the county hospice\nafter rain"
    narrow = (
        "The annual fete at Little Ashby raised more than 4,000 pounds for the\ncounty hospice."
    )
    path.write_text(f"{wrapped}\n\n{narrow}\n")
    document = load(str(path))
    assert document.title == wrapped.replace("\n", " ")
    wrapped = "Village fete at Little Ashby raises a record sum for the\nCounty Hospice"
    path.write_text(f"{wrapped}\n\n{narrow}\n")
    assert load(str(path)).title == wrapped.replace("\n", " ")
    # A headline broken in two where the text has no wrapped paragraph to tell a width by:
    # written alike (title case both), or stopping on a word that leads on (review23).
    for wrapped in (
        "Man Charged After Crash That Killed Two\nPedestrians On Busy High Street",
        "Tributes paid to teenager who died after\nOtley crash",
    ):
        path.write_text(f"{wrapped}\n\n{body}\n")
        assert load(str(path)).title == wrapped.replace("\n", " ")
    # In a hard-wrapped text, the second line's first word would not have fitted: a wrap.
    wrapped = "Village fete at Little Ashby raises a record sum for county hospice\nAppeal Fund"
    body_wrapped = (
        "The annual fete raised more than 4,000 pounds for the county hospice on\nSaturday."
    )
    path.write_text(f"{wrapped}\n\n{body_wrapped}\n")
    assert load(str(path)).title == wrapped.replace("\n", " ")
    # Where it would have fitted, the lines are apart.
    path.write_text(f"Village fete raises record sum\nDoor Prize Winners Named\n\n{body_wrapped}\n")
    assert load(str(path)).title == "Village fete raises record sum"


def test_a_first_fetch_of_no_article_gives_track_no_advice_to_pass_a_saved_copy(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    # "— pass the article's own URL, or a saved copy of the full page": track takes no file.
    front = "<html><body><h1>Local news</h1>" + "".join(
        f"<h3><a href='/{n}'>Story number {n} of the day</a></h3>" for n in range(6)
    )
    httpserver.expect_request("/local").respond_with_data(front, content_type="text/html")
    url = httpserver.url_for("/local")
    with Store.open(tmp_path / "v.db") as store:
        recorder = Recorder()
        assert track([url], store, FAST, recorder).exit_code == 4
    detail = recorder.events[-1].detail
    assert detail.startswith(f"no article text found in {url}: "), detail
    assert "saved" not in detail and "pass the article's own URL" in detail


def test_an_update_notice_over_the_headline_in_the_storys_article_is_kept() -> None:
    notice = (
        "<div class='article-notice'><p>Update: This article was updated at 13:05 with new "
        "fare figures from Greyline Buses.</p></div>"
    )
    page = _bus_page().replace("<article><h1>", f"<article>{notice}<h1>")
    document = extract(
        stored_snapshot(page.encode(), Provenance("a.html", content_type="text/html"))
    )
    texts = [p.text for p in document.paragraphs]
    assert texts[0].startswith("Update: This article was updated at 13:05"), texts
    assert texts[1:] == list(_BUS_STORY)
    # A reader's comment in the article that opens like a note stays out.
    comment = (
        "<section class='comments'><h2>Comments (1)</h2><div class='comment'><p>Correction: "
        "the fare cap was set in Westminster, not by the council, as everyone knows.</p>"
        "</div></section>"
    )
    page = _bus_page(after_body=comment)
    document = extract(
        stored_snapshot(page.encode(), Provenance("a.html", content_type="text/html"))
    )
    assert [p.text for p in document.paragraphs] == list(_BUS_STORY)
