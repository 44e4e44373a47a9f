"""Fixes from a user trial (helper timeline20): the timeline's axis when Wayback captures
are days older than the tracked versions, file URLs shown as they are, and a comparison of
a page with itself that says so."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from depot_story import URL, P, build, page

from compare import load
from compare.model import Provenance
from compare.render.timeline import _layout, render_story
from compare.store import Store

CAPTURES = ("2026-11-10T08:00:00.000Z", "2026-11-14T08:00:00.000Z")


def _captured_then_tracked(store: Store, folder: Path) -> None:
    """Two Wayback captures 10 and 14 days before the depot story's tracked afternoon
    (five versions and three failed fetches between 09:10 and 15:50)."""
    for at, paragraphs in zip(CAPTURES, (P[:2], P[1::-1]), strict=True):
        html = page("Fire", paragraphs, at[:19] + "Z")
        path = folder / f"capture-{at[8:10]}.html"
        path.write_text(html, encoding="utf-8")
        document = replace(
            load(str(path)), url=URL, provenance=Provenance(spec=URL, url=URL, status=200)
        )
        store.observe(
            [URL],
            document,
            html.encode(),
            at,
            source="wayback",
            archive_url=f"https://web.archive.org/web/{at[:10].replace('-', '')}/{URL}",
        )
    build(store, folder)


def uneven_report(folder: Path) -> Path:
    """The timeline report of ``_captured_then_tracked``'s story, written in ``folder``."""
    with Store.open(folder / "v.db") as store:
        _captured_then_tracked(store, folder)
        html = render_story(store, store.require_story(URL), generated_at="2026-11-25T00:00:00Z")
    path = folder / "uneven.html"
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def uneven(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return uneven_report(tmp_path_factory.mktemp("uneven"))


def test_long_waits_are_breaks_in_the_axis_named_with_their_length(uneven: Path) -> None:
    html = uneven.read_text(encoding="utf-8")
    assert html.count('class="break"') == 2
    assert ">4 days</text>" in html and ">10 days</text>" in html
    assert "a long wait, drawn shorter than its time" in html


def test_layout_keeps_time_order_and_a_minimum_gap() -> None:
    day = 86400.0
    times = [0.0, 4 * day, 14 * day, *(14 * day + m * 60 for m in (70, 95, 140, 190, 205))]
    xs, breaks = _layout(times)
    assert xs == sorted(xs) and xs[0] == 20 and xs[-1] == pytest.approx(980, abs=0.1)
    assert min(b - a for a, b in pairwise(xs)) >= 60 - 0.1
    assert [b.words for b in breaks] == ["4 days", "10 days"]
    # Within the tracked afternoon, a longer wait stays longer.
    tracked = [b - a for a, b in pairwise(xs[2:])]
    assert tracked[0] > tracked[3] or tracked[0] == pytest.approx(60, abs=0.1)
    # Evenly spread times stay in proportion; equal times are told apart; one is centred.
    assert _layout([0.0, 10.0, 20.0]) == ([20.0, 500.0, 980.0], [])
    assert _layout([5.0, 5.0])[0] == [20.0, 980.0]
    assert _layout([5.0]) == ([500.0], [])
    # Too many to keep 60 apart: as far apart as the axis allows, in order.
    many, _ = _layout([0.0, *(1000 * day + i for i in range(30))])
    assert min(b - a for a, b in pairwise(many)) >= 960 / 30 - 0.1


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("file:///etc/passwd", "file:///etc/passwd"),
        ("FILE:/etc/passwd", "file:///etc/passwd"),
        ("file:////etc/passwd", "file:////etc/passwd"),
        ("http:////etc/passwd", "http:////etc/passwd"),
        ("http:////etc/passwd?utm_source=x&a=b", "http:////etc/passwd?a=b"),
        ("https://News.example/a?b=1#c", "https://news.example/a?b=1"),
    ],
)
def test_an_address_is_shown_and_filed_naming_the_same_place(given: str, shown: str) -> None:
    # An empty host before a path starting with // was dropped: file:////etc/passwd was
    # shown as file://etc/passwd and http:////etc/passwd as http://etc/passwd, naming a host
    # "etc", and the store filed the second under that other address.
    from urllib.parse import urlsplit

    from compare.store import canonical_url, shown_url

    assert shown_url(given) == shown
    assert canonical_url(given) == shown
    for url in (shown_url(given), canonical_url(given)):
        assert urlsplit(url).hostname == urlsplit(given).hostname
        assert urlsplit(url).path == urlsplit(given).path


def test_track_names_a_hostless_address_as_given(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from compare.cli import app

    db = str(tmp_path / "v.db")
    # Refused before any fetch (no host to ask), named as given, not as "http://etc/...";
    # nothing is stored (it was a failing URL, listed for ever).
    result = CliRunner().invoke(app, ["track", "http:////etc/passwd", "--db", db])
    assert result.exit_code == 2
    assert "http:////etc/passwd names no host" in result.output
    assert "http://etc/" not in result.output
    listed = CliRunner().invoke(app, ["history", "--db", db])
    assert "passwd" not in listed.output


FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "updated-council-vote"


def _compare(*args: str) -> Any:
    from typer.testing import CliRunner

    from compare.cli import app

    return CliRunner().invoke(app, ["compare", *args])


def test_a_page_compared_with_itself_says_so_and_exits_0(tmp_path: Path) -> None:
    # "No differences beyond cosmetic ones." alone read as a finding about two versions.
    page = str(FIXTURE / "v1.html")
    result = _compare(page, page)
    assert result.exit_code == 0, result.output
    assert "No differences beyond cosmetic ones." in result.output
    assert f"warning: OLD and NEW are the same file ({page})" in " ".join(result.output.split())
    # The same file under another name, or through a link, is still one file.
    link = tmp_path / "link.html"
    link.symlink_to(page)
    assert "are the same file" in _compare(page, str(link)).output
    for fmt, said in (("md", "OLD and NEW are the same file"), ("html", "OLD and NEW are")):
        shown = _compare(page, page, "-f", fmt)
        assert shown.exit_code == 0 and said in shown.output, fmt


def test_two_copies_of_one_page_are_said_to_be_identical(tmp_path: Path) -> None:
    import json

    import jsonschema

    from compare.schema import load_schema

    copy = tmp_path / "copy.html"
    copy.write_bytes((FIXTURE / "v1.html").read_bytes())
    result = _compare(str(FIXTURE / "v1.html"), str(copy), "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    jsonschema.Draft202012Validator(load_schema("compare")).validate(data)
    assert data["summary"]["warnings"][0] == (
        f"OLD and NEW are identical byte for byte ({FIXTURE / 'v1.html'} and {copy})"
    )
    # Two versions: no such warning, and exit 1 as before.
    other = _compare(str(FIXTURE / "v1.html"), str(FIXTURE / "v2.html"), "-f", "json")
    assert other.exit_code == 1
    assert not any("OLD and NEW" in w for w in json.loads(other.output)["summary"]["warnings"])
