"""A comparison of outlets carries on without a source that fails to load (a 404, a page
with no article, a missing file) while two or more load: the report names it, a warning on
stderr names it, and the command ends with its exit code once the report is written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from test_multi import FIXTURES, run

from compare.render.coverage_json import coverage_dict
from compare.render.coverage_text import coverage_markdown
from compare.schema import load_schema

OUTLETS = FIXTURES / "multi-hospital-ransomware"
NAMES = ["atlas.html", "record.html", "signal.html"]
#: A page with a login form and no article (exit 4 when compared alone).
LOGIN_WALL = Path(__file__).resolve().parent / "data" / "login-wall.html"


def _serve(httpserver: Any, *names: str) -> list[str]:
    """The outlets' pages served from the local test server, a login wall at /login.html;
    /moved.html and /gone.html answer 404."""
    for name in names:
        httpserver.expect_request(f"/{name}").respond_with_data(
            (OUTLETS / name).read_bytes(), content_type="text/html; charset=utf-8"
        )
    httpserver.expect_request("/login.html").respond_with_data(
        LOGIN_WALL.read_bytes(), content_type="text/html; charset=utf-8"
    )
    for gone in ("/moved.html", "/gone.html"):
        httpserver.expect_request(gone).respond_with_data("Not Found", status=404)
    return [httpserver.url_for(f"/{name}") for name in names]


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("storydiff: warning: ")]


def test_three_outlets_and_a_404_give_the_report_of_three_and_exit_3(
    httpserver: Any, tmp_path: Path
) -> None:
    urls = _serve(httpserver, *NAMES)
    moved = httpserver.url_for("/moved.html")
    out = tmp_path / "coverage.json"
    result = run(urls[0], moved, *urls[1:], "-o", str(out))
    assert result.exit_code == 3, result.stderr
    (warning,) = _warnings(result.stderr)
    assert warning.startswith(f"storydiff: warning: left out {moved}: ")
    assert "404" in warning
    assert "error" not in result.stderr  # a warning, not the error that ended the run
    # The file is whole: written before the command ends with the fetch's code.
    data = json.loads(out.read_text("utf-8"))
    jsonschema.validate(data, load_schema("coverage"))
    assert len(data["documents"]) == 3
    assert [d["source"]["spec"] for d in data["documents"]] == urls
    assert data["left_out"] == [
        {"source": moved, "error": warning.split(": ", 3)[3], "exit_code": 3}
    ]
    assert data["warnings"][0] == f"left out {moved}: {data['left_out'][0]['error']}"
    assert any(len(c["outlets"]) == 3 for c in data["claims"])


def test_the_left_out_source_is_named_in_every_format(httpserver: Any, tmp_path: Path) -> None:
    urls = _serve(httpserver, *NAMES)
    moved = httpserver.url_for("/moved.html")
    for fmt in ("text", "md"):
        result = run(*urls, moved, "-f", fmt, "--width", "400")
        assert result.exit_code == 3, result.stderr
        assert f"warning: left out {moved}: " in result.stdout
    out = tmp_path / "bridge.html"
    result = run(*urls, moved, "-o", str(out))
    assert result.exit_code == 3, result.stderr
    html = out.read_text("utf-8")
    assert html.rstrip().endswith("</html>")
    assert f"<li>left out {moved}: " in html
    # The side-by-side reports of the three that loaded were written beside it.
    assert len(list(tmp_path.glob("bridge-*.html"))) == 3
    assert "side-by-side reports beside it" in result.stderr


def test_exit_zero_does_not_hide_a_source_left_out(httpserver: Any) -> None:
    urls = _serve(httpserver, *NAMES)
    result = run(*urls, httpserver.url_for("/moved.html"), "--exit-zero")
    assert result.exit_code == 3, result.stderr


def test_two_failing_of_three_end_as_before_with_nothing_written(
    httpserver: Any, tmp_path: Path
) -> None:
    (url,) = _serve(httpserver, NAMES[0])
    gone = [httpserver.url_for("/moved.html"), httpserver.url_for("/gone.html")]
    out = tmp_path / "coverage.html"
    result = run(url, *gone, "-o", str(out))
    assert result.exit_code == 3
    assert result.stdout == ""
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("storydiff: error: ") and "moved.html" in line  # the first one's
    assert not list(tmp_path.iterdir())


def test_a_page_with_no_article_is_left_out_with_exit_4(httpserver: Any) -> None:
    urls = _serve(httpserver, *NAMES)
    login = httpserver.url_for("/login.html")
    result = run(*urls, login, "-f", "json")
    assert result.exit_code == 4, result.stderr
    (warning,) = _warnings(result.stderr)
    assert warning.startswith(f"storydiff: warning: left out {login}: no article text found")
    data = json.loads(result.stdout)
    assert [(x["source"], x["exit_code"]) for x in data["left_out"]] == [(login, 4)]


def test_several_left_out_are_each_named_and_the_first_ones_code_ends_it(
    httpserver: Any, tmp_path: Path
) -> None:
    urls = _serve(httpserver, *NAMES)
    missing = str(tmp_path / "no-such-page.html")
    login, moved = httpserver.url_for("/login.html"), httpserver.url_for("/moved.html")
    result = run(urls[0], missing, login, *urls[1:], moved, "-f", "json")
    assert result.exit_code == 2, result.stderr  # the missing file's, given first
    assert [w.split(": ", 3)[2] for w in _warnings(result.stderr)] == [
        f"left out {missing}",
        f"left out {login}",
        f"left out {moved}",
    ]
    data = json.loads(result.stdout)
    assert [x["exit_code"] for x in data["left_out"]] == [2, 4, 3]
    assert len(data["documents"]) == 3


def test_a_label_follows_its_source_when_another_is_left_out(httpserver: Any) -> None:
    urls = _serve(httpserver, *NAMES)
    moved = httpserver.url_for("/moved.html")
    labels = ["--label", "Atlas", "--label", "Moved", "--label", "Record", "--label", "Signal"]
    result = run(urls[0], moved, *urls[1:], *labels, "-f", "json")
    assert result.exit_code == 3, result.stderr
    assert [d["label"] for d in json.loads(result.stdout)["documents"]] == [
        "Atlas",
        "Record",
        "Signal",
    ]


def test_a_usage_error_still_ends_at_once(httpserver: Any) -> None:
    urls = _serve(httpserver, *NAMES)
    result = run(*urls, httpserver.url_for("/moved.html"), "--width", "5")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert not httpserver.log  # nothing was fetched


def test_fewer_than_two_loaded_raise_the_first_failure_in_input_order(tmp_path: Path) -> None:
    from compare.multi import load_available

    good = str(OUTLETS / NAMES[0])
    with pytest.raises(Exception, match="no-such-a"):
        load_available([good, str(tmp_path / "no-such-a.html"), str(tmp_path / "no-such-b")])
    loaded, left_out = load_available([good, str(tmp_path / "x.html"), str(OUTLETS / NAMES[1])])
    assert [i for i, _ in loaded] == [0, 2]
    assert [(one.source, one.exit_code) for one in left_out] == [(str(tmp_path / "x.html"), 2)]


def test_a_coverage_with_a_source_left_out_renders_and_validates() -> None:
    from dataclasses import replace

    from compare import compare_many, load
    from compare.multi import LeftOut

    coverage = compare_many([load(str(OUTLETS / name)) for name in NAMES])
    one = LeftOut("https://example.org/moved", "HTTP 404 Not Found — check the URL", 3)
    coverage = replace(coverage, left_out=(one,), warnings=(one.warning, *coverage.warnings))
    data = coverage_dict(coverage, "2026-05-01T12:00:00Z")
    jsonschema.validate(data, load_schema("coverage"))
    assert data["left_out"][0]["exit_code"] == 3
    assert "- warning: left out https://example.org/moved: HTTP 404" in coverage_markdown(coverage)
    # Without one, the JSON is as it was.
    assert "left_out" not in coverage_dict(replace(coverage, left_out=()))
