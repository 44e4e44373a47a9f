"""A press-freedom group's unattended `watch --report-dir --jsonl` (ops review 22): what a
bot reading the stream and a person reading the reports must be able to rely on across a
Ctrl-C and a restart. Pages are short stories written for these tests, served from
127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from test_track import FAST
from werkzeug import Request, Response

from compare.publish import event_dict
from compare.store import Store
from compare.track import Listener, TrackEvent, track

FILLER = (
    "Shopkeepers along the harbour road pulled down their shutters early, and the buses "
    "to the old bridge were sent the long way round while the square stayed closed."
)


def clashes(dead: str, who: str) -> str:
    """A short story of a night of clashes in the invented town of Dunmere."""
    paragraphs = [
        f"At least {dead} people died on Tuesday when {who} clashed with police outside "
        "the Dunmere town hall, officials said on Wednesday morning.",
        "An officer has been charged after a man was struck near the fountain in the "
        "square, prosecutors in the district confirmed.",
        FILLER,
        "The interior ministry said an inquiry would report within three weeks and that "
        "the square would stay closed until Friday at the earliest.",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Deadly clashes in Dunmere"
        f"</title></head><body><article><h1>Deadly clashes in Dunmere</h1>{body}</article>"
        "</body></html>"
    )


class SwappablePage:
    def __init__(self, html: str, status: int = 200) -> None:
        self.html, self.status = html, status

    def __call__(self, request: Request) -> Response:
        return Response(self.html, status=self.status, content_type="text/html; charset=utf-8")


class Heard(Listener):
    def __init__(self) -> None:
        self.events: list[TrackEvent] = []

    def event(self, event: TrackEvent) -> None:
        self.events.append(event)


def test_a_ctrl_c_while_a_report_is_written_still_gives_the_report_and_its_event(
    http: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The version is committed before its report is made: a Ctrl-C then used to leave it
    # stored with no report and no --jsonl line, and the restarted watch, finding it
    # stored, gave neither ever after. The signal now waits for the two, then stops the run.
    page = SwappablePage(clashes("seven", "protesters"))
    http.expect_request("/news/clashes").respond_with_handler(page)
    url = http.url_for("/news/clashes")
    reports = tmp_path / "reports"
    options = replace(FAST, report_dir=reports, key_changes=True)
    import compare.compare_command as compare_command

    rendered = compare_command.html_report

    def ctrl_c_meanwhile(comparison: Any, generated_at: str) -> str:
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C, while the report is being made
        return rendered(comparison, generated_at)

    with Store.open(tmp_path / "v.db") as store:
        assert track([url], store, options).new == 1
        page.html = clashes("nine", "rioters")
        monkeypatch.setattr(compare_command, "html_report", ctrl_c_meanwhile)
        heard = Heard()
        summary = track([url], store, options, heard)
        assert summary.interrupted and summary.new == 1
        assert len(store.history(store.require_story(url))) == 2
    written = sorted(p.name for p in reports.iterdir())
    assert written == ["127.0.0.1-" + str(http.port) + "-clashes-v1-v2.html"], written
    [event] = heard.events
    told = event_dict(event)
    assert (told["outcome"], told["version"], told["previous_version"]) == ("new", 2, 1)
    assert told["report"] == str(reports / written[0])
    assert any(c["new"] == "rioters" for c in told["changes"]), told["changes"]
    # The handler is Python's again: a Ctrl-C now is a KeyboardInterrupt as before.
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


REMOVED = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Removed</title></head><body>"
    "<h1>This article has been removed</h1><p>This article has been removed for legal "
    "reasons.</p></body></html>"
)


def test_a_takedown_undone_is_told_as_the_page_coming_back(
    http: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A page 404s, then shows a removal notice, then is back as it was: the fetch that read
    # it again was a bare `unchanged`, which a bot (and the quiet lines of a watch, which
    # hide unchanged fetches) could not tell from any other; a takedown undone is news.
    import jsonschema
    from typer.testing import CliRunner

    from compare.cli import _TrackView, app
    from compare.schema import load_schema

    original = clashes("seven", "protesters")
    page = SwappablePage(original)
    http.expect_request("/news/clashes").respond_with_handler(page)
    url = http.url_for("/news/clashes")
    command = ["track", url, "--db", str(tmp_path / "v.db"), "--delay", "0", "--jsonl"]
    runner = CliRunner()
    lines: list[dict[str, Any]] = []
    for html, status, code in (
        (original, 200, 0),
        ("<h1>Not Found</h1>", 404, 3),
        (REMOVED, 200, 4),
        (REMOVED, 200, 4),
        (original, 200, 0),
        (original, 200, 0),
    ):
        page.html, page.status = html, status
        result = runner.invoke(app, command)
        assert result.exit_code == code, result.stderr
        lines.extend(json.loads(line) for line in result.stdout.splitlines())
    validator = jsonschema.Draft202012Validator(load_schema("track-event"))
    for line in lines:
        validator.validate(line)
    outcomes = [line["outcome"] for line in lines]
    assert outcomes == ["new", "failed", "failed", "failed", "unchanged", "unchanged"]
    returned, after = lines[4], lines[5]
    assert returned["back"] == {"failure": "taken down", "since": lines[1]["time"], "fetches": 3}
    assert returned["summary"].startswith("back after taken down: 3 failed fetches since ")
    assert "back" not in after and after["summary"] == "", "only the first fetch back says so"
    assert "back" not in lines[0] and all("back" not in line for line in lines[1:4])

    # The lines for people of a watch, which hide unchanged fetches, show this one.
    view = _TrackView(quiet_unchanged=True)
    capsys.readouterr()
    for line in lines:
        view.event(
            TrackEvent(
                line["url"],
                line["outcome"],
                line["time"],
                version=line["version"],
                detail=line["summary"],
                back=line.get("back"),
            )
        )
    shown = capsys.readouterr().out.splitlines()
    assert len(shown) == 3 + 1, shown  # v1, the 404, the notice (once), and back
    assert "unchanged" in shown[-1] and "back after taken down" in shown[-1]


def test_an_old_address_that_keeps_failing_does_not_make_the_page_come_back_each_round(
    http: HTTPServer, tmp_path: Path
) -> None:
    # A story reached by two addresses (its page and an old slug the site now 404s): each
    # round the old one fails and the page reads. The page never went away, so no round
    # says it came back.
    page = clashes("seven", "protesters").replace(
        "<head>", f"<head><link rel='canonical' href='{http.url_for('/news/clashes')}'>"
    )
    http.expect_request("/news/clashes").respond_with_data(page, content_type="text/html")
    http.expect_request("/news/old-slug").respond_with_data(
        page, content_type="text/html", status=200
    )
    url, old = http.url_for("/news/clashes"), http.url_for("/news/old-slug")
    with Store.open(tmp_path / "v.db") as store:
        track([url, old], store, FAST)  # both addresses join the one story
        http.clear()
        http.expect_request("/news/clashes").respond_with_data(page, content_type="text/html")
        http.expect_request("/news/old-slug").respond_with_data("gone", status=404)
        heard = Heard()
        for _ in range(3):
            track([old, url], store, FAST, heard)
    outcomes = [(e.url.rsplit("/", 1)[-1], e.outcome, e.back) for e in heard.events]
    assert outcomes == [("old-slug", "failed", None), ("clashes", "unchanged", None)] * 3
