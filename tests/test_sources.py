"""Reading inputs: local files, stdin and URLs served by a canned server on 127.0.0.1."""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import json
import os
import random
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner
from werkzeug import Request, Response

from compare import __version__, load
from compare.cli import app
from compare.errors import ExitCode, ExtractionError, FetchError, InputError
from compare.extract import extract
from compare.model import LoadOptions
from compare.sources import (
    _REFUSED_LABELS,
    _WHATWG_LABELS,
    _codec_name,
    _declared_codec,
    fetch_url,
    read,
)

FIXED = datetime(2026, 5, 24, 10, 0, 0, tzinfo=timezone.utc)
FAST = LoadOptions(retries=2, backoff=0.01, read_timeout=5, connect_timeout=2)

PAGE = (
    "<!doctype html><html><head><title>Bridge reopens</title></head><body><article>"
    "<h1>Harbour bridge reopens after repairs</h1>"
    "<p>The Eastgate bridge reopened on Tuesday after six weeks of repairs, the city said.</p>"
    "<p>Officials said the work cost 4.2 million and finished two days early.</p>"
    "</article></body></html>"
)
CYRILLIC_PAGE = (
    "<html><head>{meta}<title>Мост открыт</title></head><body><article>"
    "<p>Мост через залив снова открыт после ремонта, сообщили в мэрии во вторник.</p>"
    "<p>Работы обошлись в 4,2 миллиона рублей и закончились на два дня раньше срока.</p>"
    "</article></body></html>"
)
JAPANESE_PAGE = (
    "<html><head><title>橋が再開</title></head><body><article>"
    "<p>港の橋が六週間の修理を終えて火曜日に再開したと市が発表した。</p>"
    "<p>費用は四百二十万円で、予定より二日早く完了した。</p>"
    "</article></body></html>"
)

STORY_TEXT = (
    "The Eastgate bridge reopened on Tuesday after six weeks of repairs, the city council said "
    "in a statement, ending a detour that had added half an hour to many commutes.\n\n"
    "Officials said the work cost 4.2 million and finished two days ahead of schedule. Crews "
    "replaced the expansion joints, resurfaced both lanes and repainted the railings.\n\n"
    '"We are grateful for the patience of everyone who uses the crossing," the council\'s '
    "transport lead, Marta Okafor, told reporters at the reopening.\n"
)


def clock() -> datetime:
    return FIXED


@pytest.fixture
def server(httpserver_ipv4: HTTPServer) -> HTTPServer:
    return httpserver_ipv4


# ---- URLs -----------------------------------------------------------------------------------


def test_fetch_records_provenance_and_sends_our_user_agent(server: HTTPServer) -> None:
    server.expect_request(
        "/story", headers={"User-Agent": f"storydiff/{__version__}"}
    ).respond_with_data(
        PAGE,
        content_type="text/html; charset=utf-8",
        headers={"ETag": '"v1"', "Last-Modified": "Mon, 18 May 2026 08:00:00 GMT"},
    )
    snapshot = read(server.url_for("/story"), FAST, clock=clock)
    p = snapshot.provenance
    assert snapshot.kind == "html"
    assert snapshot.text() == PAGE
    assert p.spec == server.url_for("/story")
    assert p.url == server.url_for("/story")
    assert (p.status, p.content_type, p.encoding) == (200, "text/html", "utf-8")
    assert p.fetched_at == "2026-05-24T10:00:00Z"
    assert p.sha256 == hashlib.sha256(PAGE.encode()).hexdigest()
    assert (p.etag, p.last_modified) == ('"v1"', "Mon, 18 May 2026 08:00:00 GMT")


def test_user_agent_can_be_overridden(server: HTTPServer) -> None:
    server.expect_request("/ua", headers={"User-Agent": "newsroom-bot/2"}).respond_with_data(
        PAGE, content_type="text/html"
    )
    snapshot = read(server.url_for("/ua"), LoadOptions(user_agent="newsroom-bot/2"))
    assert snapshot.provenance.status == 200


def test_redirect_chain_records_the_final_url(server: HTTPServer) -> None:
    server.expect_request("/a").respond_with_data("", 301, headers={"Location": "/b"})
    server.expect_request("/b").respond_with_data("", 302, headers={"Location": "/final"})
    server.expect_request("/final").respond_with_data(PAGE, content_type="text/html")
    snapshot = read(server.url_for("/a"), FAST)
    assert snapshot.provenance.spec == server.url_for("/a")
    assert snapshot.provenance.url == server.url_for("/final")
    assert snapshot.provenance.status == 200


def stub(target: str, delay: str = "0", wrap: str = "") -> str:
    meta = f'<meta http-equiv="Refresh" content="{delay}; URL={target}">'
    if wrap:
        meta = f"<{wrap}>{meta}</{wrap}>"
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>Redirecting</title></head><body>"
        f'<p>If you are not redirected, <a href="{target}">click here</a>.</p></body></html>'
    )


def test_a_meta_refresh_stub_is_followed(server: HTTPServer) -> None:
    # A moved article's old address often answers 200 with a stub that sends browsers on.
    server.expect_request("/old").respond_with_data(stub("/new"), content_type="text/html")
    server.expect_request("/new").respond_with_data(PAGE, content_type="text/html")
    snapshot = read(server.url_for("/old"), FAST)
    assert snapshot.provenance.spec == server.url_for("/old")
    assert snapshot.provenance.url == server.url_for("/new")
    assert "Harbour bridge reopens" in snapshot.text()


@pytest.mark.parametrize(
    "page",
    [
        stub("/new", delay="300"),  # a page that reloads itself later
        stub("/unsupported", wrap="noscript"),  # for browsers without JavaScript
        PAGE.replace("<head>", '<head><meta http-equiv="refresh" content="0">'),
        PAGE.replace("<head>", '<head><meta http-equiv="refresh" content="0; url=/page">'),
    ],
)
def test_a_refresh_that_is_no_redirect_is_not_followed(server: HTTPServer, page: str) -> None:
    server.expect_request("/page").respond_with_data(page, content_type="text/html")
    snapshot = read(server.url_for("/page"), FAST)
    assert snapshot.provenance.url == server.url_for("/page")


CHALLENGE = (
    "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
    "<h1>Checking your browser before accessing the site.</h1>"
    '<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script>'
    "<noscript>Enable JavaScript and cookies to continue</noscript></body></html>"
)


@pytest.mark.parametrize("status", [403, 503, 429])
def test_a_bot_check_is_named_and_not_retried(server: HTTPServer, status: int) -> None:
    # "the server is busy or failing; try again later" after three tries misled: no retry
    # gets past the challenge.
    server.expect_request("/story").respond_with_data(
        CHALLENGE, status=status, content_type="text/html"
    )
    with pytest.raises(FetchError, match="with a bot check") as caught:
        read(server.url_for("/story"), FAST)
    assert "save it" in caught.value.hint
    assert len(server.log) == 1


def test_a_bot_check_served_as_a_page_is_named(server: HTTPServer) -> None:
    server.expect_request("/story").respond_with_data(CHALLENGE, content_type="text/html")
    with pytest.raises(FetchError, match="with a bot check"):
        read(server.url_for("/story"), FAST)


def test_a_page_that_loads_the_challenge_script_is_read(server: HTTPServer) -> None:
    script = '<script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script>'
    server.expect_request("/story").respond_with_data(
        PAGE.replace("</body>", script + "</body>"), content_type="text/html"
    )
    assert "Harbour bridge reopens" in read(server.url_for("/story"), FAST).text()


ABOUT_BOT_CHECKS = (
    "<!DOCTYPE html><html><head><title>Access denied: the web's robot tests are failing "
    "humans</title></head><body><article><h1>Access denied: the web's robot tests are "
    "failing humans</h1>"
    + "".join(
        f"<p>{p}</p>"
        for p in (
            "Readers of the Eastgate library's catalogue met a grey page on Monday that said "
            '"Checking your browser before accessing the site" and then never moved on.',
            "The library said a CAPTCHA service it had added in March to stop scrapers had "
            "blocked some 4,200 visitors in a week, most of them using older phones.",
            "Security checks of this kind ask a visitor to pick out traffic lights or bicycles, "
            "or run a hidden test in the browser, before the page itself is shown.",
            "Maren Ostby, who runs the catalogue, said the library would switch the check off "
            "for readers who sign in, and would review the service at the end of the month.",
            "Advocates for blind readers said the puzzles were a barrier and asked the city to "
            "publish how many visitors the service turns away each week.",
        )
    )
    + "</article></body></html>"
)


def test_an_article_about_bot_checks_is_read(server: HTTPServer) -> None:
    # Its headline and a quoted sentence are what challenge pages say; its prose is not.
    server.expect_request("/story").respond_with_data(ABOUT_BOT_CHECKS, content_type="text/html")
    document = extract(read(server.url_for("/story"), FAST))
    assert "Checking your browser before accessing" in document.paragraphs[0].text


def test_a_meta_refresh_loop_is_a_fetch_error(server: HTTPServer) -> None:
    server.expect_request("/a").respond_with_data(stub("/b"), content_type="text/html")
    server.expect_request("/b").respond_with_data(stub("/a"), content_type="text/html")
    with pytest.raises(FetchError, match="redirected more than"):
        read(server.url_for("/a"), FAST)


def test_a_meta_refresh_address_is_read_as_a_browser_reads_it(server: HTTPServer) -> None:
    # The attribute's "&amp;" is one "&": fetched as written, the address was another page.
    server.expect_request("/new", query_string="id=7&page=1").respond_with_data(
        PAGE, content_type="text/html"
    )
    server.expect_request("/old").respond_with_data(
        stub("/new?id=7&amp;page=1"), content_type="text/html"
    )
    snapshot = read(server.url_for("/old"), FAST)
    assert snapshot.provenance.url == server.url_for("/new") + "?id=7&page=1"
    assert "Harbour bridge reopens" in snapshot.text()


def test_meta_refreshes_and_http_redirects_share_one_budget(server: HTTPServer) -> None:
    # --max-redirects 2: one HTTP redirect, a refresh, and another HTTP redirect are three.
    server.expect_request("/a").respond_with_data("", 302, headers={"Location": "/b"})
    server.expect_request("/b").respond_with_data(stub("/c"), content_type="text/html")
    server.expect_request("/c").respond_with_data("", 302, headers={"Location": "/d"})
    server.expect_request("/d").respond_with_data(PAGE, content_type="text/html")
    with pytest.raises(FetchError, match="redirected more than 2 times"):
        read(server.url_for("/a"), LoadOptions(retries=0, max_redirects=2))
    snapshot = read(server.url_for("/a"), LoadOptions(retries=0, max_redirects=3))
    assert snapshot.provenance.url == server.url_for("/d")


@pytest.mark.parametrize("target", ["file:///etc/passwd", "javascript:go()", "data:text/html,x"])
def test_a_meta_refresh_to_another_scheme_is_not_followed_and_said_so(
    server: HTTPServer, target: str
) -> None:
    server.expect_request("/old").respond_with_data(stub(target), content_type="text/html")
    snapshot = read(server.url_for("/old"), FAST)
    assert snapshot.provenance.url == server.url_for("/old")
    with pytest.raises(ExtractionError, match="not a web address storydiff follows") as caught:
        extract(snapshot)
    assert target in caught.value.one_line() and "\n" not in caught.value.one_line()


def test_a_saved_refresh_stub_names_the_address_and_fetches_nothing(
    server: HTTPServer, tmp_path: Path
) -> None:
    # A file is read as it is: the address it sends browsers to is named, never fetched.
    saved = tmp_path / "old.html"
    saved.write_text(stub(server.url_for("/new")))
    result = CliRunner().invoke(app, ["extract", str(saved)])
    code, err = result.exit_code, result.stderr
    assert code == ExitCode.NO_ARTICLE
    assert f"it is a redirect page that sends the browser on to {server.url_for('/new')}" in err
    assert "pass that address" in err and len(err.strip().splitlines()) == 1
    assert not server.log


def test_redirect_loop_over_the_limit_is_a_fetch_error(server: HTTPServer) -> None:
    server.expect_request("/loop").respond_with_data("", 302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="redirected more than 3 times") as info:
        read(server.url_for("/loop"), LoadOptions(max_redirects=3))
    assert info.value.exit_code == ExitCode.FETCH
    assert len(server.log) == 4  # the first request and three redirects


def test_404_is_a_fetch_error_with_a_hint(server: HTTPServer) -> None:
    server.expect_request("/gone").respond_with_data("not here", 404)
    with pytest.raises(FetchError) as info:
        read(server.url_for("/gone"), FAST)
    line = info.value.one_line()
    assert line.startswith(f"the server answered 404 Not Found for {server.url_for('/gone')}")
    assert "check the URL" in line
    assert len(server.log) == 1  # a 404 is not retried


def test_503_then_200_is_retried(server: HTTPServer) -> None:
    server.expect_ordered_request("/busy").respond_with_data("busy", 503)
    server.expect_ordered_request("/busy").respond_with_data(PAGE, content_type="text/html")
    waits: list[float] = []
    snapshot = fetch_url(server.url_for("/busy"), FAST, sleep=waits.append)
    assert snapshot.provenance.status == 200
    assert waits == [0.01]
    server.check_assertions()


def test_backoff_doubles_and_gives_up_after_the_retries(server: HTTPServer) -> None:
    server.expect_request("/down").respond_with_data("down", 503)
    waits: list[float] = []
    options = LoadOptions(retries=3, backoff=0.5)
    with pytest.raises(FetchError, match=r"503 Service Unavailable .* after 3 retries"):
        fetch_url(server.url_for("/down"), options, sleep=waits.append)
    assert waits == [0.5, 1.0, 2.0]
    assert len(server.log) == 4


@pytest.mark.parametrize("retry_after", ["0", "1"])
def test_429_honours_retry_after_seconds(server: HTTPServer, retry_after: str) -> None:
    server.expect_ordered_request("/limited").respond_with_data(
        "slow down", 429, headers={"Retry-After": retry_after}
    )
    server.expect_ordered_request("/limited").respond_with_data(PAGE, content_type="text/html")
    started = time.monotonic()
    snapshot = fetch_url(server.url_for("/limited"), LoadOptions(backoff=30))
    elapsed = time.monotonic() - started
    assert snapshot.provenance.status == 200
    # Retry-After wins over the 30 s backoff, and it is really waited for.
    assert float(retry_after) <= elapsed < 15


def test_retry_after_as_an_http_date_is_waited_for_or_named(server: HTTPServer) -> None:
    server.expect_ordered_request("/date").respond_with_data(
        "later", 503, headers={"Retry-After": "Sun, 24 May 2026 10:00:20 GMT"}
    )
    server.expect_ordered_request("/date").respond_with_data(PAGE, content_type="text/html")
    server.expect_ordered_request("/date").respond_with_data(
        "much later", 503, headers={"Retry-After": "Mon, 25 May 2026 10:00:00 GMT"}
    )
    waits: list[float] = []
    fetch_url(server.url_for("/date"), FAST, clock=clock, sleep=waits.append)
    # A day is more than storydiff waits (60 s): asking again within a minute would only
    # be refused again, so it is the answer, and it says when to try again.
    with pytest.raises(FetchError, match=r"asks not to be asked again for 24 h") as info:
        fetch_url(server.url_for("/date"), FAST, clock=clock, sleep=waits.append)
    assert info.value.hint == "try again after 2026-05-25 10:00 UTC"
    assert waits == [20.0]


def test_slow_server_hits_the_read_timeout(server: HTTPServer) -> None:
    def slow(request: Request) -> Response:
        time.sleep(0.6)
        return Response(PAGE, content_type="text/html")

    server.expect_request("/slow").respond_with_handler(slow)
    # The page would arrive after 0.6 s: an error proves the client gave up first.
    with pytest.raises(FetchError, match=r"stopped sending for more than 0\.2 s") as info:
        read(server.url_for("/slow"), LoadOptions(read_timeout=0.2, retries=0))
    assert "--timeout" in info.value.hint
    time.sleep(0.5)  # let the single-threaded server finish before the next test


def test_oversized_streamed_body_is_refused(server: HTTPServer) -> None:
    def endless(request: Request) -> Response:
        chunks: Iterator[bytes] = (b"<p>" + b"x" * 4096 + b"</p>" for _ in range(100))
        return Response(chunks, content_type="text/html")  # no Content-Length

    server.expect_request("/huge").respond_with_handler(endless)
    with pytest.raises(FetchError, match="larger than 50 kB") as info:
        read(server.url_for("/huge"), LoadOptions(max_bytes=50_000))
    assert "--max-bytes" in info.value.hint


def test_content_length_over_the_cap_is_refused_early(server: HTTPServer) -> None:
    server.expect_request("/big").respond_with_data(b"a" * 60_000, content_type="text/html")
    with pytest.raises(FetchError, match="larger than 50 kB"):
        read(server.url_for("/big"), LoadOptions(max_bytes=50_000))


def test_an_image_served_as_the_page_is_an_input_error(server: HTTPServer) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    server.expect_request("/photo").respond_with_data(png, content_type="image/png")
    with pytest.raises(InputError, match="is image/png, not a web page") as info:
        read(server.url_for("/photo"), FAST)
    assert info.value.exit_code == ExitCode.INPUT


def test_binary_body_with_a_vague_content_type_is_an_input_error(server: HTTPServer) -> None:
    server.expect_request("/file").respond_with_data(
        b"%PDF-1.7\n%\xe2\xe3\n", content_type="application/octet-stream"
    )
    with pytest.raises(InputError, match="a PDF document"):
        read(server.url_for("/file"), FAST)


def test_an_html_document_served_as_text_plain_is_read_as_html(server: HTTPServer) -> None:
    # A misconfigured server: the article, not its markup as words ("<!doctype html> ...").
    paragraphs = STORY_TEXT.split("\n\n")
    page = "<!DOCTYPE html><html><head><title>Bridge reopens</title></head><body><article>"
    page += "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>"
    server.expect_request("/as-text").respond_with_data(
        "\ufeff\n<!-- cached -->\n" + page, content_type="text/plain; charset=utf-8"
    )
    snapshot = read(server.url_for("/as-text"), FAST)
    assert snapshot.kind == "html"
    assert [p.text for p in extract(snapshot).paragraphs] == [p.strip() for p in paragraphs]


def test_text_plain_that_only_mentions_markup_stays_text(server: HTTPServer) -> None:
    text = "How to write <html> by hand.\n\n" + STORY_TEXT
    server.expect_request("/text").respond_with_data(text, content_type="text/plain")
    assert read(server.url_for("/text"), FAST).kind == "text"


def test_charset_from_the_content_type_header(server: HTTPServer) -> None:
    body = CYRILLIC_PAGE.format(meta="").encode("windows-1251")
    server.expect_request("/ru").respond_with_data(
        body, content_type="text/html; charset=windows-1251"
    )
    snapshot = read(server.url_for("/ru"), FAST)
    assert snapshot.provenance.encoding == "cp1251"
    assert "Мост через залив" in snapshot.text()


def test_charset_from_a_meta_tag_only(server: HTTPServer) -> None:
    page = CYRILLIC_PAGE.format(
        meta='<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    )
    server.expect_request("/ru-meta").respond_with_data(
        page.encode("windows-1251"), content_type="text/html"
    )
    snapshot = read(server.url_for("/ru-meta"), FAST)
    assert snapshot.provenance.encoding == "cp1251"
    assert "обошлись в 4,2 миллиона" in snapshot.text()


def test_html5_meta_charset(server: HTTPServer) -> None:
    page = CYRILLIC_PAGE.format(meta='<meta charset="koi8-r">')
    server.expect_request("/koi").respond_with_data(page.encode("koi8-r"), content_type="text/html")
    assert read(server.url_for("/koi"), FAST).provenance.encoding == "koi8-r"


def test_latin1_label_is_read_as_windows_1252(server: HTTPServer) -> None:
    # Browsers do the same: pages labelled latin-1 are full of cp1252 curly quotes.
    body = "<p>The mayor called it \u201cunacceptable\u201d \u2014 and left.</p>".encode("cp1252")
    server.expect_request("/latin").respond_with_data(
        body, content_type="text/html; charset=ISO-8859-1"
    )
    snapshot = read(server.url_for("/latin"), FAST)
    assert snapshot.provenance.encoding == "cp1252"
    assert "\u201cunacceptable\u201d \u2014" in snapshot.text()


@pytest.mark.parametrize(
    ("content_type", "meta"),
    [
        ("text/html; charset=iso-8859-1", ""),
        ("text/html; charset=windows-1252", ""),
        ("text/html", '<meta charset="latin-1">'),
        ("text/html; charset=ISO-8859-15", ""),
        ("text/html; charset=latin9", ""),
        ("text/html; charset=l9", ""),
        ("text/html", '<meta charset="iso8859-15">'),
        ("text/html", '<meta charset="latin9">'),
        ("text/html; charset=latin1", ""),
        ("text/html; charset=x-cp1252", ""),
        ("text/html", '<meta charset="US-ASCII">'),
        ("text/html", '<meta charset="iso885915">'),
    ],
)
def test_utf8_labelled_a_western_single_byte_charset_is_read_as_utf8(
    server: HTTPServer, content_type: str, meta: str
) -> None:
    # A mislabelled server would otherwise turn every "café" into "cafÃ©": a false edit of
    # every accented name in a tracked story.
    page = f"<html><head>{meta}</head><body><p>Zoë opened a café in Señora Ruiz's street.</p>"
    server.expect_request("/mislabelled").respond_with_data(
        page.encode("utf-8"), content_type=content_type
    )
    snapshot = read(server.url_for("/mislabelled"), FAST)
    assert snapshot.provenance.encoding == "utf-8"
    assert "Zoë opened a café in Señora" in snapshot.text()


def test_latin1_page_that_is_not_utf8_keeps_its_label(server: HTTPServer) -> None:
    body = "<p>Zoë opened a café.</p>".encode("cp1252")
    server.expect_request("/real-latin").respond_with_data(
        body, content_type="text/html; charset=iso-8859-1"
    )
    snapshot = read(server.url_for("/real-latin"), FAST)
    assert snapshot.provenance.encoding == "cp1252"
    assert "Zoë opened a café." in snapshot.text()


LATIN9_LABELS = ["iso-8859-15", "ISO_8859-15", "iso8859-15", "latin9", "l9", "csisolatin9"]
# The euro sign is where latin-9 and latin-1 differ; é and ë are in both.
CAFE = "Zoë's café charges 3 € for a coffee."


@pytest.mark.parametrize("label", LATIN9_LABELS)
def test_utf8_labelled_latin9_in_a_file_is_read_as_utf8(tmp_path: Path, label: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(f'<html><head><meta charset="{label}"></head><p>{CAFE}</p>'.encode())
    snapshot = read(str(path), LoadOptions())
    assert snapshot.provenance.encoding == "utf-8"
    assert CAFE in snapshot.text()


@pytest.mark.parametrize("label", [*LATIN9_LABELS, "iso885915"])
def test_a_latin9_page_keeps_its_label(server: HTTPServer, label: str) -> None:
    server.expect_request("/latin9").respond_with_data(
        f"<p>{CAFE}</p>".encode("iso8859-15"), content_type=f"text/html; charset={label}"
    )
    snapshot = read(server.url_for("/latin9"), FAST)
    assert snapshot.provenance.encoding == "iso8859-15"
    assert CAFE in snapshot.text()


def test_cli_extracts_a_utf8_page_labelled_latin9(server: HTTPServer) -> None:
    story = STORY_TEXT.replace("Marta Okafor", "Zoë Müller").split("\n\n")
    body = "".join(f"<p>{paragraph}</p>" for paragraph in story)
    server.expect_request("/story").respond_with_data(
        f"<html><body><article>{body}</article></body></html>".encode(),
        content_type="text/html; charset=iso-8859-15",
    )
    result = CliRunner().invoke(app, ["extract", "--format", "json", server.url_for("/story")])
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)[0]
    assert document["source"]["encoding"] == "utf-8"
    assert "lead, Zoë Müller, told" in document["paragraphs"][2]["text"]


def test_unknown_declared_charset_falls_back_to_the_meta_tag(server: HTTPServer) -> None:
    page = CYRILLIC_PAGE.format(meta='<meta charset="windows-1251">')
    server.expect_request("/bogus").respond_with_data(
        page.encode("windows-1251"), content_type="text/html; charset=no-such-charset"
    )
    assert read(server.url_for("/bogus"), FAST).provenance.encoding == "cp1251"


def test_shift_jis_page(server: HTTPServer) -> None:
    server.expect_request("/ja").respond_with_data(
        JAPANESE_PAGE.encode("shift_jis"), content_type="text/html; charset=Shift_JIS"
    )
    snapshot = read(server.url_for("/ja"), FAST)
    assert snapshot.provenance.encoding == "cp932"
    assert "港の橋が六週間の修理を終えて" in snapshot.text()


# Each page holds characters that only the codec browsers use for its label decodes right.
CURLY = "The mayor called it \u201cunacceptable\u201d \u2014 and left."
CHINESE = "港口大桥周二重新开放，工程师王镕说维修提前两天完成。"  # 镕 is GBK, not GB2312
KOREAN = "다리 옆 식당은 화요일부터 똠얌꿍을 다시 판다."  # 똠 is cp949, not EUC-KR
JAPANESE = "㈱港湾建設が橋の修理を請け負った。"  # ㈱ is an NEC special character (cp932)
CANTONESE = "條橋星期二重新開放㗎。"  # 㗎 is in Big5-HKSCS, not Big5
TURKISH = "Belediye \u201cköprü yeniden açıldı\u201d dedi."  # the quotes are windows-1254
THAI = "สะพานเปิดอีกครั้ง \u201cวันอังคาร\u201d"  # the quotes are windows-874, not TIS-620
POLISH = "Most został ponownie otwarty we wtorek, ogłosił ratusz w Łodzi."
RUSSIAN = "Мост через залив снова открыт после ремонта, сообщили в мэрии."
# Short texts, which a guess gets wrong (big5, cp1252, cp932) when a label is passed over.
CHINESE_SHORT = "王镕说"
JAPANESE_SHORT = "理由は①と②"
POLISH_SHORT = "Ratusz w Łodzi: most otwarty."
THAI_SHORT = "สะพาน \u201cใหม่\u201d"


@pytest.mark.parametrize(
    ("content_type", "meta", "text", "codec"),
    [
        ("text/html; charset=x-cp1252", "", CURLY, "cp1252"),
        ("text/html; charset=gb2312", "", CHINESE, "gb18030"),
        ("text/html", '<meta charset="x-gbk">', CHINESE_SHORT, "gb18030"),
        ("text/html", '<meta charset=" GB_2312-80">', CHINESE_SHORT, "gb18030"),
        ("text/html; charset=euc-kr", "", KOREAN, "cp949"),
        (
            "text/html",
            '<meta http-equiv="Content-Type" content="text/html; charset=ks_c_5601-1987">',
            KOREAN,
            "cp949",
        ),
        ("text/html; charset=shift_jis", "", JAPANESE, "cp932"),
        ("text/html", '<meta charset="x-sjis">', JAPANESE_SHORT, "cp932"),
        ("text/html; charset=big5", "", CANTONESE, "big5hkscs"),
        ("text/html; charset=iso-8859-9", "", TURKISH, "cp1254"),
        ("text/html", '<meta charset="TIS-620">', THAI, "cp874"),
        ("text/html; charset=dos-874", "", THAI_SHORT, "cp874"),
        ("text/html; charset=iso88592", "", POLISH, "iso8859-2"),
        ("text/html", '<meta charset="csisolatin2">', POLISH_SHORT, "iso8859-2"),
        ("text/html; charset=x-mac-cyrillic", "", RUSSIAN, "mac-cyrillic"),
        # The header wins over a stale <meta>, as in a browser.
        ("text/html; charset=x-unicode20utf8", '<meta charset="windows-1251">', RUSSIAN, "utf-8"),
    ],
)
def test_declared_charsets_are_read_as_browsers_read_them(
    server: HTTPServer, content_type: str, meta: str, text: str, codec: str
) -> None:
    page = f"<html><head>{meta}</head><body><article><p>{text}</p></article></body></html>"
    server.expect_request("/labelled").respond_with_data(
        page.encode(codec), content_type=content_type
    )
    snapshot = read(server.url_for("/labelled"), FAST)
    assert snapshot.provenance.encoding == codec
    assert text in snapshot.text()


def test_every_whatwg_label_resolves_to_a_python_codec() -> None:
    for label, codec in _WHATWG_LABELS.items():
        # The codec's own name: the checks for mislabelled UTF-8 compare names.
        assert codecs.lookup(codec).name == codec, label
        assert _declared_codec(f" \t{label.upper()}\n", "page") == codec, label
    assert not _REFUSED_LABELS & _WHATWG_LABELS.keys()


REFUSED = [
    ("text/html; charset=iso-2022-kr", ""),
    ("text/html; charset=ISO-2022-CN", ""),
    ("text/html; charset=iso-2022-cn-ext", ""),
    ("text/html", '<meta charset="hz-gb-2312">'),
    ("text/html", '<meta http-equiv="Content-Type" content="text/html; charset=csiso2022kr">'),
]


@pytest.mark.parametrize(("content_type", "meta"), REFUSED)
def test_a_charset_browsers_refuse_to_decode_is_an_input_error(
    server: HTTPServer, content_type: str, meta: str
) -> None:
    page = f"<html><head>{meta}</head><body><p>The bridge reopened on Tuesday.</p></body></html>"
    server.expect_request("/refused").respond_with_data(page, content_type=content_type)
    with pytest.raises(InputError, match="an encoding browsers refuse to decode") as info:
        read(server.url_for("/refused"), FAST)
    assert info.value.exit_code == ExitCode.INPUT


def test_a_saved_page_in_a_refused_charset_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(b'<meta charset="iso-2022-kr"><p>The bridge reopened on Tuesday.</p>')
    with pytest.raises(InputError, match="declares the charset iso-2022-kr"):
        read(str(path), LoadOptions())


def test_cli_refused_charset_exits_2_with_one_line(server: HTTPServer) -> None:
    server.expect_request("/refused").respond_with_data(
        "<p>The bridge reopened on Tuesday.</p>", content_type="text/html; charset=hz-gb-2312"
    )
    url = server.url_for("/refused")
    result = CliRunner().invoke(app, ["extract", url])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"storydiff: error: {url} declares the charset hz-gb-2312, an encoding browsers refuse "
        "to decode — convert the page to UTF-8 (iconv), change its charset to utf-8 and pass "
        "the file"
    ]


def test_a_meta_that_says_utf16_means_utf8(server: HTTPServer) -> None:
    # A <meta> could be read only because the bytes are ASCII-based: browsers read UTF-8.
    page = '<html><head><meta charset="utf-16"></head><p>Zoë opened a café.</p></html>'
    server.expect_request("/utf16-meta").respond_with_data(
        page.encode("cp1252"), content_type="text/html"
    )
    assert read(server.url_for("/utf16-meta"), FAST).provenance.encoding == "utf-8"


def test_undeclared_charset_is_guessed(server: HTTPServer) -> None:
    body = CYRILLIC_PAGE.format(meta="").encode("windows-1251")
    server.expect_request("/guess").respond_with_data(body, content_type="text/html")
    snapshot = read(server.url_for("/guess"), FAST)
    assert "Мост через залив" in snapshot.text()


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("windows-1251", "Мост через залив"),
        ("koi8-r", "Мост через залив"),
        ("iso-8859-2", "Most przez zatokę"),
        ("windows-1253", "Η γέφυρα"),
    ],
)
def test_utf8_labelled_a_single_byte_charset_in_a_file_is_read_as_utf8(
    tmp_path: Path, label: str, text: str
) -> None:
    # A site that moved to UTF-8 and kept its old <meta>: "Мост" came out as "РњРѕСЃС‚".
    page = f'<html><head><meta charset="{label}"></head><body><p>{text} открыт.</p>'
    path = tmp_path / "moved.html"
    path.write_bytes(page.encode("utf-8"))
    snapshot = read(str(path), FAST)
    assert snapshot.provenance.encoding == "utf-8"
    assert text in snapshot.text()


def test_a_windows_1251_page_keeps_its_label(tmp_path: Path) -> None:
    path = tmp_path / "real.html"
    path.write_bytes(CYRILLIC_PAGE.format(meta='<meta charset="windows-1251">').encode("cp1251"))
    snapshot = read(str(path), FAST)
    assert snapshot.provenance.encoding == "cp1251"
    assert "Мост через залив" in snapshot.text()


@pytest.mark.parametrize("meta", ["", '<meta charset="windows-1251">'])
def test_a_utf8_header_on_a_page_utf8_garbles_is_passed_over(server: HTTPServer, meta: str) -> None:
    # An old CMS's cp1251 page behind a server that adds "charset=utf-8" to everything: read
    # as labelled, every letter was a replacement character, and the exit status 0.
    body = CYRILLIC_PAGE.format(meta=meta).encode("windows-1251")
    server.expect_request("/mislabelled").respond_with_data(
        body, content_type="text/html; charset=utf-8"
    )
    snapshot = read(server.url_for("/mislabelled"), FAST)
    assert snapshot.provenance.encoding == "cp1251"
    assert "Мост через залив" in snapshot.text()


# Longer texts, as on a page: a guess needs some to go on.
KOREAN_STORY = (
    "다리 옆 식당은 화요일부터 똠얌꿍을 다시 판다. 시청은 다리가 6주간의 수리를 마치고 "
    "다시 열렸다고 밝혔다. 상인들은 손님이 돌아올 것으로 기대한다."
)
JAPANESE_STORY = (
    "株式会社㈱港湾建設が橋の修理を請け負った。市によると、工事は六週間かかり、費用は"
    "①設計と②施工に分けて支払われる。港の関係者は「予定より早く終わった」と話した。"
)


def test_an_undeclared_charset_is_guessed_as_the_superset_browsers_use(
    server: HTTPServer,
) -> None:
    # The guess names cp949 first and gb18030 second; the preference for the charsets web
    # pages use knew euc_kr but not cp949, and read Korean as Chinese.
    page = f"<html><body><article><p>{KOREAN_STORY}</p></article></body></html>"
    server.expect_request("/ko").respond_with_data(page.encode("cp949"), content_type="text/html")
    snapshot = read(server.url_for("/ko"), FAST)
    assert snapshot.provenance.encoding == "cp949"
    assert KOREAN_STORY in snapshot.text()


def test_an_undeclared_euc_jp_page_is_read_as_japanese(server: HTTPServer) -> None:
    # The guess names euc_jis_2004 first, then Big5, gb18030 or cp949; only those were
    # among the charsets web pages use, and the Japanese came out as Chinese or Korean.
    story = "市長は記者会見で「地域医療の拠点にしたい」と話した。"
    page = f"<html><body><article><p>{story}</p></article></body></html>"
    server.expect_request("/ja").respond_with_data(page.encode("euc_jp"), content_type="text/html")
    snapshot = read(server.url_for("/ja"), FAST)
    assert snapshot.provenance.encoding == "euc_jp"
    assert story in snapshot.text()


def test_an_undeclared_western_page_is_read_as_windows_1252_when_the_guess_is_a_tie(
    server: HTTPServer,
) -> None:
    # Spanish text fits cp1250 as well as cp1252 by the guess's measures, and cp1250 came
    # first: "años" was read as "ańos". Browsers fall back to windows-1252.
    story = (
        "«Lo hemos perdido todo. Treinta años de trabajo en una noche», decía Rosario Vidal, "
        "dueña de una frutería. El alcalde anunció que habilitará una carpa en la plaza para "
        "que los comerciantes sigan vendiendo en cuestión de días."
    )
    page = f'<html lang="es"><body><article><p>{story}</p></article></body></html>'
    server.expect_request("/es").respond_with_data(page.encode("cp1252"), content_type="text/html")
    snapshot = read(server.url_for("/es"), FAST)
    assert snapshot.provenance.encoding == "cp1252"
    assert story in snapshot.text()


@pytest.mark.parametrize(
    ("lang", "story"),
    [
        ("hu", "A rendőrség szerint a gyanúsítottat hétfőn őrizetbe vették a piacon."),
        ("", "A rendőrség szerint a gyanúsítottat hétfőn őrizetbe vették a piacon."),
        ("pl", "Burmistrz powiedział, że targowisko zostanie otwarte w przyszłym tygodniu."),
        ("ro", "Primarul a spus că piaţa va fi redeschisă săptămâna viitoare, după anchetă."),
    ],
)
def test_a_central_european_page_keeps_its_guess_when_windows_1252_fits_as_well(
    tmp_path: Path, lang: str, story: str
) -> None:
    # The preference for windows-1252 on a tie is for languages written in it: Hungarian in
    # cp1250 fits it as well, and "rendőrség" became "rendõrség".
    attribute = f' lang="{lang}"' if lang else ""
    path = tmp_path / "page.html"
    page = f"<html{attribute}><head><title>Piac</title></head><body><article><p>{story}</p>"
    path.write_bytes((page + "</article></body></html>").encode("cp1250"))
    snapshot = read(str(path), LoadOptions())
    assert snapshot.provenance.encoding == "cp1250"
    assert story in snapshot.text()


# Made-up local news. Czech in ISO-8859-2 and windows-1250 differs in š ť ž Š Ť Ž (0xb9,
# 0xbb, 0xbe ... read in windows-1250 as ą » ľ); ISO-8859-2 has no „“ quotes.
CZECH_STORY = (
    "Starostka města Ústí nad Labem ve středu oznámila, že oprava mostu přes řeku potrvá "
    "nejméně šest týdnů. Podle ní se náklady vyšplhají na čtyřicet milionů korun. Řidiči "
    "musí počítat s objížďkami a tramvaje budou jezdit jen do zastávky Střekov. Šéf "
    "dopravního podniku žádá cestující o trpělivost a slibuje posílené autobusy."
)
CZECH_SHORT = "Hasiči zasahovali u požáru skladu v Plzni. Škoda se odhaduje na šest milionů."
SLOVAK_SHORT = "Primátor oznámil, že most otvoria po šiestich týždňoch; vodiči čakajú zápchy."
ICELANDIC_SHORT = "Borgarstjórinn tilkynnti á miðvikudag að brúin yrði opnuð aftur eftir sex vikur."
CZECH_POLICE = "Policie vyšetřuje nehodu, při které se srazila dvě auta. Řidič utrpěl zranění."
SWEDISH_SHORT = "Polisen utreder olyckan där två bilar krockade. Föraren skadades lindrigt."
LATVIAN_SHORT = "Policija izmeklē negadījumu, kurā sadūrās divas automašīnas."
TURKISH_STORIES = [
    "Yağışlı hava nedeniyle İstanbul'da bazı yollar kapandı, trafik sıkışıklığı yaşandı.",
    "Valilik, okulların perşembe günü tatil edileceğini duyurdu. Fırtına uyarısı sürüyor.",
    "Şehir merkezindeki yangın iki saat sonra söndürüldü; ölen ya da yaralanan olmadı.",
    "İzmir'de törende konuşan bakan, limanın genişletilmesi için ihale açılacağını söyledi.",
    "İstanbul'da sağanak yağış nedeniyle bazı ilçelerde su baskınları yaşandı.",
]


@pytest.mark.parametrize(
    ("lang", "story", "codec"),
    [
        ("cs", CZECH_STORY, "iso8859-2"),
        ("", CZECH_STORY, "iso8859-2"),
        ("cs", CZECH_SHORT, "iso8859-2"),
        ("", CZECH_SHORT, "iso8859-2"),
        ("cs-CZ", CZECH_SHORT, "cp1250"),
        ("", CZECH_SHORT, "cp1250"),
        ("", SLOVAK_SHORT, "iso8859-2"),
        ("cs", CZECH_POLICE, "iso8859-2"),
        ("", CZECH_POLICE, "iso8859-2"),
        ("", SWEDISH_SHORT, "cp1252"),
        ("lv", LATVIAN_SHORT, "cp1257"),
        ("", ICELANDIC_SHORT, "cp1252"),
        *[(lang, story, "cp1254") for story in TURKISH_STORIES for lang in ("tr", "")],
    ],
)
def test_an_undeclared_latin_page_is_read_in_the_charset_whose_letters_fit_its_language(
    tmp_path: Path, lang: str, story: str, codec: str
) -> None:
    # The guess fits these as well in several charsets and put the wrong one first: Czech
    # in ISO-8859-2 was read as windows-1250 ("šest" as "ąest", "že" as "ľe") or
    # ISO-8859-14, Czech in windows-1250 as windows-1252 ("Hasiči" as "Hasièi"), Turkish
    # in windows-1254 as windows-1250 ("şehir" as "ţehir", "günü" right but "yağış" as
    # "yađýţ") or windows-1252 ("yaðýþ", letters of Icelandic, but its rare ones), Slovak
    # in ISO-8859-2 and Icelandic, Swedish or Latvian as windows-1250; and the guess may
    # name no ISO-8859-2 for Czech at all.
    attribute = f' lang="{lang}"' if lang else ""
    path = tmp_path / "page.html"
    title = {"cp1254": "Haberler", "cp1257": "Ziņas"}.get(codec, "Zprávy")
    page = f"<html{attribute}><head><title>{title}</title></head><body><article><p>{story}</p>"
    path.write_bytes((page + "</article></body></html>").encode(codec))
    snapshot = read(str(path), LoadOptions())
    assert snapshot.provenance.encoding == codec
    assert story in snapshot.text()


def test_a_guess_is_named_by_the_codec_browsers_decode_it_with() -> None:
    assert _codec_name("shift_jis") == "cp932"
    assert _codec_name("euc_kr") == "cp949"
    assert _codec_name("big5") == "big5hkscs"
    assert _codec_name("gbk") == "gb18030"
    assert _codec_name("latin_1") == "cp1252"
    assert _codec_name("ascii") == "cp1252"
    assert _codec_name("iso8859_9") == "cp1254"
    assert _codec_name("euc_jis_2004") == "euc_jp"
    assert _codec_name("shift_jisx0213") == "cp932"
    assert _codec_name("johab") == "johab"  # not in the standard: Python's own
    assert _codec_name("no-such-charset") is None


def test_an_undeclared_shift_jis_page_with_nec_symbols_is_read_as_japanese(
    tmp_path: Path,
) -> None:
    # The guess names only UTF-16 (Chinese-looking nonsense, passed over), and UTF-8 would
    # make it replacement characters and "no article text"; browsers read it as cp932.
    path = tmp_path / "page.html"
    path.write_bytes(
        f"<html><body><article><p>{JAPANESE_STORY}</p></article></body></html>".encode("cp932")
    )
    snapshot = read(str(path), LoadOptions())
    assert snapshot.provenance.encoding == "cp932"
    assert JAPANESE_STORY in snapshot.text()


def test_an_undeclared_iso_2022_jp_page_is_read_as_japanese(tmp_path: Path) -> None:
    # Seven-bit, so valid UTF-8 as well: read so, the Japanese was escape codes and Latin
    # letters ("$B3t<02q<R").
    story = "市長は記者会見で「地域医療の拠点にしたい」と話した。費用は四百二十万円だった。"
    path = tmp_path / "page.html"
    path.write_bytes(
        f"<html><body><article><p>{story}</p></article></body></html>".encode("iso2022_jp")
    )
    snapshot = read(str(path), LoadOptions())
    assert snapshot.provenance.encoding == "iso2022_jp"
    assert story in snapshot.text()


def test_an_unrecognised_charset_is_an_input_error_not_garbled_text(tmp_path: Path) -> None:
    # Bytes no charset reads, all through the page: UTF-8 would make them replacement
    # characters and "no article text".
    rng = random.Random(3)
    words = [
        "The",
        "council",
        "voted",
        "on",
        "the",
        "harbour",
        "budget",
        "after",
        "a",
        "long",
        "debate",
    ]
    garbled = b" ".join(
        word.encode() + bytes(rng.randrange(0x80, 0x100) for _ in range(2)) for word in words * 20
    )
    path = tmp_path / "page.html"
    path.write_bytes(b"<html><body><article><p>" + garbled + b"</p></article></body></html>")
    with pytest.raises(InputError, match="its charset could not be recognised") as info:
        read(str(path), LoadOptions())
    assert info.value.exit_code == ExitCode.INPUT
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert '<meta charset="...">' in result.stderr


def test_a_page_with_one_damaged_stretch_is_still_read(tmp_path: Path) -> None:
    # 128 bytes no charset reads (a corrupt chunk) in an English page: the guess gives
    # nothing, but the rest of the page is plain ASCII and must be read, not refused.
    path = tmp_path / "page.html"
    story = "The council approved the harbour budget on Tuesday after a long debate. " * 4
    path.write_bytes(
        f"<html><body><article><p>{story}</p>".encode()
        + bytes(range(0x80, 0x100))
        + f"<p>{story}</p></article></body></html>".encode()
    )
    assert story.strip() in read(str(path), LoadOptions()).text()


def test_gzip_content_encoding_is_undone_and_hashed_decoded(server: HTTPServer) -> None:
    server.expect_request("/gz").respond_with_data(
        gzip.compress(PAGE.encode()),
        content_type="text/html; charset=utf-8",
        headers={"Content-Encoding": "gzip"},
    )
    snapshot = read(server.url_for("/gz"), FAST)
    assert snapshot.content == PAGE.encode()
    assert snapshot.provenance.sha256 == hashlib.sha256(PAGE.encode()).hexdigest()


def test_conditional_request_answered_304(server: HTTPServer) -> None:
    server.expect_request("/cond", headers={"If-None-Match": '"v7"'}).respond_with_data(
        "", 304, headers={"ETag": '"v7"'}
    )
    snapshot = fetch_url(server.url_for("/cond"), FAST, {"If-None-Match": '"v7"'}, clock=clock)
    assert snapshot.provenance.status == 304
    assert snapshot.content == b""
    assert snapshot.provenance.etag == '"v7"'
    assert snapshot.provenance.fetched_at == "2026-05-24T10:00:00Z"


def test_connection_refused_is_a_fetch_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match="refused the connection") as info:
        read(f"http://127.0.0.1:{port}/story", FAST)
    assert info.value.exit_code == ExitCode.FETCH


def test_dns_failure_is_a_fetch_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)  # no real lookup ever leaves
    with pytest.raises(FetchError, match=r"could not find the server news\.invalid") as info:
        read("https://news.invalid/story", FAST)
    assert "spelling" in info.value.hint


def test_connect_timeout_is_a_fetch_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def silent(*args: object, **kwargs: object) -> object:
        raise TimeoutError("timed out")

    monkeypatch.setattr(socket, "create_connection", silent)
    with pytest.raises(FetchError, match=r"connecting to 127\.0\.0\.1 timed out after 2 s") as info:
        read("http://127.0.0.1:9/story", FAST)
    assert "--connect-timeout" in info.value.hint


def test_empty_body_is_an_input_error(server: HTTPServer) -> None:
    server.expect_request("/blank").respond_with_data(" \n ", content_type="text/html")
    with pytest.raises(InputError, match=r"the server sent an empty page \(only whitespace\)"):
        read(server.url_for("/blank"), FAST)


@pytest.mark.parametrize("spec", ["ftp://example.org/story.html", "file:///tmp/story.html"])
def test_unsupported_schemes_are_input_errors(spec: str) -> None:
    with pytest.raises(InputError, match="unsupported address"):
        read(spec, FAST)


@pytest.mark.parametrize("spec", ["http://", "https:///story", "http://[::1/story"])
def test_malformed_urls_are_input_errors(spec: str) -> None:
    with pytest.raises(InputError, match="is not a valid"):
        read(spec, FAST)


# ---- files and stdin ------------------------------------------------------------------------


def test_html_gz_file(tmp_path: Path) -> None:
    path = tmp_path / "story.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode()))
    saved = datetime(2026, 5, 20, 8, 30, tzinfo=timezone.utc).timestamp()
    os.utime(path, (saved, saved))
    snapshot = read(str(path), LoadOptions(), clock=clock)
    assert snapshot.kind == "html"
    assert snapshot.content == PAGE.encode()
    p = snapshot.provenance
    assert (p.url, p.status, p.content_type) == (None, None, "text/html")
    # A saved page was "fetched" when it was written, so reports of it are reproducible.
    assert p.fetched_at == "2026-05-20T08:30:00Z"
    assert p.sha256 == hashlib.sha256(PAGE.encode()).hexdigest()


def test_gzip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + b" " * 2_000_000))
    with pytest.raises(InputError, match="unpacks to more than 1 MB"):
        read(str(path), LoadOptions(max_bytes=1_000_000))


@pytest.mark.parametrize(
    ("name", "kind", "content_type"),
    [
        ("story.md", "markdown", "text/markdown"),
        ("story.markdown", "markdown", "text/markdown"),
        ("story.txt", "text", "text/plain"),
        ("story.htm", "html", "text/html"),
    ],
)
def test_kind_from_the_file_name(tmp_path: Path, name: str, kind: str, content_type: str) -> None:
    path = tmp_path / name
    path.write_text("# Bridge reopens\n\nThe Eastgate bridge reopened on Tuesday.\n")
    snapshot = read(str(path), LoadOptions())
    assert (snapshot.kind, snapshot.provenance.content_type) == (kind, content_type)
    assert snapshot.provenance.encoding == "utf-8"


def test_a_whole_page_saved_as_txt_is_read_as_the_page(tmp_path: Path) -> None:
    # As on stdin (review22): its words are not "<!DOCTYPE html> <html> <p>".
    path = tmp_path / "saved.txt"
    path.write_text(PAGE)
    assert read(str(path), LoadOptions()).kind == "html"
    assert read(str(path), LoadOptions(kind="text")).kind == "text"  # --kind text
    # A text that only mentions markup stays text.
    path.write_text("How to write <html> by hand.\n\nThe bridge reopened on Tuesday.")
    assert read(str(path), LoadOptions()).kind == "text"


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "saved.page").write_text(PAGE)
    (tmp_path / "notes").write_text("The bridge reopened. Officials were pleased.")
    assert read(str(tmp_path / "saved.page"), LoadOptions()).kind == "html"
    assert read(str(tmp_path / "notes"), LoadOptions()).kind == "text"


def test_kind_option_wins(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text(PAGE)
    assert read(str(path), LoadOptions(kind="text")).kind == "text"


def test_legacy_encoded_text_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    text = "Мост через залив снова открыт после ремонта, сообщили в мэрии во вторник."
    path.write_bytes(text.encode("windows-1251"))
    snapshot = read(str(path), LoadOptions())
    assert snapshot.provenance.encoding not in (None, "utf-8")
    assert snapshot.text() == text


def test_utf8_page_with_a_stray_latin1_byte_stays_utf8(tmp_path: Path) -> None:
    # One name pasted from a Windows-1252 source into a UTF-8 page: the rest of the page
    # must not be read in a legacy charset (every "é" turned into mojibake).
    text = (
        "<html><body><article><h1>Café owner fined for late-night crème brûlée</h1>"
        "<p>The café in the square was fined £500 for serving crème brûlée after hours.</p>"
        "<p>Its owner, {name} Müller, said he would appeal against the decision.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "story.html"
    path.write_bytes(text.replace("{name}", "José").encode().replace("José".encode(), b"Jos\xe9"))
    snapshot = read(str(path), LoadOptions())
    assert snapshot.provenance.encoding == "utf-8"
    assert snapshot.text() == text.replace("{name}", "Jos\ufffd")


def test_reading_a_local_file_loads_no_network_code(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY_TEXT, encoding="utf-8")
    code = (
        "import sys\n"
        "from compare.model import LoadOptions\n"
        "from compare.sources import read\n"
        f"snapshot = read({str(path)!r}, LoadOptions())\n"
        f"assert snapshot.provenance.sha256 == {hashlib.sha256(path.read_bytes()).hexdigest()!r}\n"
        "modules = ('ssl', 'httpx', 'email.utils', 'charset_normalizer', 'http.client')\n"
        "loaded = [m for m in modules if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_utf8_bom_is_dropped_on_decoding(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"\xef\xbb\xbfThe bridge reopened.")
    snapshot = read(str(path), LoadOptions())
    assert snapshot.provenance.encoding == "utf-8-sig"
    assert snapshot.text() == "The bridge reopened."


def test_stdin_is_read_and_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(PAGE.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    snapshot = read("-", LoadOptions())
    assert snapshot.kind == "html"
    assert snapshot.content == PAGE.encode()
    assert snapshot.provenance.spec == "-"
    assert snapshot.provenance.url is None


def test_stdin_from_a_terminal_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal(io.BytesIO(b"")))
    with pytest.raises(InputError, match="nothing is piped in"):
        read("-", LoadOptions())


def test_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    with pytest.raises(InputError, match="standard input is empty"):
        read("-", LoadOptions())


@pytest.mark.parametrize(
    ("content", "what"),
    [
        (b"%PDF-1.4\n1 0 obj\n", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "a WebP image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"),
        (b"story text\x00\x01\x02 more", "looks binary"),
    ],
)
def test_binary_files_are_refused(tmp_path: Path, content: bytes, what: str) -> None:
    path = tmp_path / "story.html"
    path.write_bytes(content)
    with pytest.raises(InputError, match=what) as info:
        read(str(path), LoadOptions())
    assert info.value.hint


@pytest.mark.parametrize(
    ("content", "what"), [(b"", "is empty"), (b" \n\t\r\n", "only whitespace")]
)
def test_empty_files_are_refused(tmp_path: Path, content: bytes, what: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=what):
        read(str(path), LoadOptions())


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file") as info:
        read(str(tmp_path / "nope.html"), LoadOptions())
    assert "check the path" in info.value.hint


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read(str(tmp_path), LoadOptions())


def test_file_over_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("word " * 300)
    with pytest.raises(InputError, match="larger than 1 kB"):
        read(str(path), LoadOptions(max_bytes=1000))


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text")

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError, match="permission denied") as info:
        read(str(path), LoadOptions())
    assert "permissions" in info.value.hint


# ---- the CLI --------------------------------------------------------------------------------


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def test_cli_missing_file_exits_2_with_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "missing.html")])
    assert result.exit_code == 2
    lines = _error_lines(result.stderr)
    assert len(lines) == 1
    assert lines[0].startswith("storydiff: error: no such file")
    assert "Traceback" not in result.output


def test_cli_binary_file_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.7\n")
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 2
    assert _error_lines(result.stderr) == [
        f"storydiff: error: {path} is a PDF document, not a web page or text — "
        "pass an HTML page, a .txt or a .md file"
    ]


def test_cli_http_404_exits_3(server: HTTPServer) -> None:
    server.expect_request("/missing").respond_with_data("no", 404)
    result = CliRunner().invoke(app, ["extract", server.url_for("/missing")])
    assert result.exit_code == 3
    lines = _error_lines(result.stderr)
    assert len(lines) == 1
    assert lines[0].startswith("storydiff: error: the server answered 404 Not Found")
    assert "Traceback" not in result.output


def test_cli_good_sources_print_when_one_fails(tmp_path: Path, server: HTTPServer) -> None:
    good = tmp_path / "story.txt"
    good.write_text(STORY_TEXT)
    server.expect_request("/gone").respond_with_data("gone", 410)
    result = CliRunner().invoke(app, ["extract", server.url_for("/gone"), str(good)])
    assert result.exit_code == 3
    assert "The Eastgate bridge reopened on Tuesday" in result.stdout
    lines = _error_lines(result.stderr)
    assert len(lines) == 1
    assert lines[0].startswith("storydiff: error: the server answered 410 Gone")


@pytest.mark.parametrize(
    ("codec", "bom", "encoding"),
    [
        ("utf-16-le", b"", "utf-16-le"),
        ("utf-16-be", b"", "utf-16-be"),
        ("utf-16-le", b"\xff\xfe", "utf-16"),
        ("utf-16-be", b"\xfe\xff", "utf-16"),
    ],
)
def test_utf16_text_is_read_with_or_without_a_bom(
    tmp_path: Path, codec: str, bom: bytes, encoding: str
) -> None:
    text = "The ferry café at Port Ellen reopened on Monday.\r\nIts owners said 40 jobs returned."
    path = tmp_path / "story.txt"
    path.write_bytes(bom + text.encode(codec))
    snapshot = read(str(path), LoadOptions())
    assert snapshot.provenance.encoding == encoding
    assert snapshot.text() == text


@pytest.mark.parametrize(
    "content",
    [
        b"S\x00t\x00o\x00r\x00y\x00A\xd8",  # UTF-16 shape ending in a lone surrogate
        b"S\x00t\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",  # mostly NUL: not text
        b"S\x00t\x00o\x00r\x00y\x00!",  # an odd number of bytes
    ],
)
def test_bytes_shaped_like_utf16_that_are_not_text_are_still_binary(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match="looks binary"):
        read(str(path), LoadOptions())


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_html_on_stdin_is_sniffed_as_html(
    monkeypatch: pytest.MonkeyPatch, codec: str
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode(codec))))
    snapshot = read("-", LoadOptions())
    assert snapshot.kind == "html"
    assert snapshot.text().lstrip("\ufeff") == PAGE


@pytest.mark.parametrize(
    "label", ["base64", "rot13", "hex", "undefined", "unicode_escape", "utf-32"]
)
def test_a_charset_no_browser_reads_text_with_is_ignored(tmp_path: Path, label: str) -> None:
    # Python knows these names, but they are no web page's encoding: the bytes are read as
    # if no charset were declared (here UTF-8), not decoded into garbage or a traceback.
    page = tmp_path / "page.html"
    body = "".join(
        f"<p>The café on Quay Street reopened on Tuesday after {n} weeks of roof repairs, the "
        "owner said, and neighbours queued for coffee before the doors opened at seven.</p>"
        for n in ("three", "four", "five", "six")
    )
    page.write_bytes(
        f'<html><head><meta charset="{label}"><title>Café reopens</title></head>'
        f"<body><article><h1>Café reopens</h1>{body}</article></body></html>".encode()
    )
    doc = load(str(page))
    assert doc.title == "Café reopens" and "café on Quay Street" in doc.paragraphs[0].text


def test_a_retry_after_written_as_a_float_is_read() -> None:
    # review17: "120.0" was ignored (only whole seconds or an HTTP date were read), so the
    # retries fell back on storydiff's own short back-off against the server's wish.
    from datetime import datetime, timezone

    from compare.sources import _parse_retry_after

    def clock() -> datetime:
        return datetime(2026, 11, 27, 10, 0, tzinfo=timezone.utc)

    assert _parse_retry_after("120.0", clock) == 120.0
    assert _parse_retry_after("7", clock) == 7.0
    assert _parse_retry_after("soon", clock) is None


def test_a_source_name_too_long_for_the_system_is_one_line(tmp_path: Path) -> None:
    # Path.exists() raises ENAMETOOLONG rather than saying no: "unexpected OSError".
    name = str(tmp_path / ("x" * 300) / "a.txt")
    with pytest.raises(InputError, match=r"^cannot read .*: File name too long$"):
        read(name, LoadOptions())
    with pytest.raises(InputError, match=r"^unsupported address foo://x+: storydiff reads"):
        read("foo://" + "x" * 300, LoadOptions())


def test_a_link_to_no_file_says_so(tmp_path: Path) -> None:
    # (pipe21: a link to itself read "no such file", though the name was there.)
    loop, dangling = tmp_path / "loop.html", tmp_path / "dangling.html"
    loop.symlink_to(loop)
    dangling.symlink_to(tmp_path / "gone.html")
    for link in (loop, dangling):
        with pytest.raises(InputError) as caught:
            load(str(link))
        assert caught.value.message.startswith(f"{link} is a link to no file (it points to ")
        assert caught.value.exit_code == 2


def test_a_one_byte_cap_is_said_in_the_singular(tmp_path: Path) -> None:
    page = tmp_path / "story.txt"
    page.write_text("A council voted on the budget.", encoding="utf-8")
    with pytest.raises(InputError, match=r"larger than 1 byte$"):
        load(str(page), LoadOptions(max_bytes=1))
