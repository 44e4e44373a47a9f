"""Session 26's new-user review, findings 8, 9, 10, 14(a) and 14(d): a live page's pinned
summary no longer hides the updates that pushed its oldest off the page; a walled fetch
held back says what the part it shows changed; `history` names the address a version was
fetched from, and `track` warns of a copy older than the latest version; `compare -o`
refuses a name whose extension contradicts `--format`; `history --width` is used. The
stories are written for these tests and served from 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

from pytest_httpserver import HTTPServer
from test_publish import SwappablePage
from typer.testing import CliRunner

from compare import compare, load
from compare.cli import app
from compare.render.timeline import history_table
from compare.store import Store, Story, VersionInfo


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# ---- 8. a live page's pinned summary ----------------------------------------------------------

_UPDATES = {
    "u1": (
        "Ferry service suspended",
        "The Tarrow Isles ferry will not sail again today, its operator said, after a second "
        "mooring line snapped at the Kelsby pier this afternoon.",
    ),
    "u2": (
        "Coastguard on scene",
        "Two coastguard teams are at the harbour wall and have asked people to stay off the "
        "promenade while waves break over the railings.",
    ),
    "u3": (
        "Gusts reach 80mph",
        "The weather station on Corran Head recorded a gust of 80mph shortly after noon, the "
        "strongest in the town since the storm of the winter before last.",
    ),
    "u4": (
        "Schools close early",
        "Three primary schools in Kelsby sent pupils home at lunchtime, and the council said "
        "all its libraries would shut at two o'clock.",
    ),
    "u5": (
        "Power cut in the old town",
        "About 1,200 homes in the old town lost power when a tree came down across a line on "
        "Mill Brae; engineers hope to reconnect them by evening.",
    ),
}


def _live_page(updates: list[str], points: list[str]) -> str:
    feed = "".join(
        f'<article class="live-update" id="{key}"><header><time datetime="2026-03-0{i}T12:00Z">'
        f"{i} hours ago</time><h2>{_UPDATES[key][0]}</h2></header><p>{_UPDATES[key][1]}</p>"
        '<div class="share"><a href="#">Copy link</a></div></article>'
        for i, key in enumerate(updates, 1)
    )
    items = "".join(f"<li>{point}</li>" for point in points)
    box = f'<div class="key-points"><h2>Key points</h2><ul>{items}</ul></div>' if points else ""
    ld = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "Storm Idris batters Kelsby: live",
        "datePublished": "2026-03-04T07:00:00Z",
        "coverageStartTime": "2026-03-04T07:00:00Z",
    }
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Storm Idris batters Kelsby: live | The Kelsby Post</title>"
        '<meta property="og:site_name" content="The Kelsby Post">'
        f'<script type="application/ld+json">{json.dumps(ld)}</script></head><body>'
        "<main><h1>Storm Idris batters Kelsby: live</h1>"
        f"{box}"
        f'<div class="live-feed">{feed}</div></main></body></html>'
    )


def test_new_updates_under_a_pinned_summary_explain_the_oldest_ones_gone(
    tmp_path: Path,
) -> None:
    points = ["Ferries cancelled for the day", "Gusts of up to 80mph on the coast"]
    old_page, new_page = tmp_path / "old.html", tmp_path / "new.html"
    old_page.write_text(_live_page(["u3", "u4", "u5"], points), encoding="utf-8")
    # Two updates came in at the top of the feed, under the box; the oldest one fell off.
    new_page.write_text(_live_page(["u1", "u2", "u3", "u4"], points), encoding="utf-8")
    old, new = load(str(old_page)), load(str(new_page))
    assert old.live and new.live
    assert new.paragraphs[0].text == "Key points"  # the box is read, above the feed
    warnings = compare(old, new).summary.warnings
    assert any(
        "NEW no longer shows OLD's last 2 paragraphs and has 4 new paragraphs above those it "
        "kept" in warning
        for warning in warnings
    ), warnings


def test_an_update_put_in_among_those_kept_is_still_no_update_come_in(tmp_path: Path) -> None:
    # No summary box: the paragraphs kept on top are the feed's newest, and one is put in
    # below them (review10's case, newest first): no update came in above those kept.
    old_page, new_page = tmp_path / "old.html", tmp_path / "new.html"
    old_page.write_text(_live_page(["u1", "u3", "u4", "u5"], []), encoding="utf-8")
    new_page.write_text(_live_page(["u1", "u2", "u3", "u4"], []), encoding="utf-8")
    warnings = compare(load(str(old_page)), load(str(new_page))).summary.warnings
    assert not any("drops its oldest updates" in warning for warning in warnings), warnings


# ---- 9. what a walled fetch held back changed above its wall ---------------------------------

_OPENING = [
    "PELLINGHAM — A dockside crane collapsed onto a cargo ship at Pellingham harbour on "
    "Tuesday morning, injuring two workers and closing the east quay, the port authority said.",
    "The crane, operated by {firm}, was lifting steel coils when its boom buckled shortly "
    "after 7 a.m. Both workers were taken to Pellingham Royal Infirmary with leg injuries.",
    "Harbour master Ewan Brodie said the quay would stay shut while engineers checked the "
    "other two cranes on it. Ships due to berth there this week have been sent to the west "
    "quay instead, which he said would cause some delays to deliveries.",
    "The Health and Safety Executive has been told and will send inspectors to the harbour "
    "on Wednesday. A spokesperson said it was too early to say what had caused the collapse "
    "or whether the crane had been inspected recently.",
    "The port's chief executive, Morwenna Hale, said the company was shocked and would "
    "help the inquiry in every way it could. She said the two men were in a stable "
    "condition and that their families had been told.",
]
_REST = [
    "Dock workers gathered at the gates at lunchtime. One, who asked not to be named, said "
    "staff had raised concerns about the crane's brakes twice in the last year.",
    "The cargo ship, the Marten Star, was carrying timber from the Baltic. Its captain said "
    "the deck was dented but the hull was not breached and no fuel had leaked.",
    "Local councillor Imogen Fairlie called for a full inquiry and said the harbour's "
    "cranes were among the oldest still working on this stretch of coast.",
    "The east quay handles about a third of the port's cargo, most of it timber and steel "
    "for firms in the town's industrial estate.",
]


def _crane_page(url: str, firm: str, walled: bool) -> str:
    paragraphs = [p.format(firm=firm) for p in _OPENING] + ([] if walled else _REST)
    wall = (
        '<div class="paywall"><h3>Subscribe to read the rest of this article</h3>'
        '<p>Already a subscriber? <a href="/login">Log in</a></p></div>'
        if walled
        else ""
    )
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        "<title>Crane collapses onto ship at Pellingham harbour | The Pellingham Echo</title>"
        '<meta property="og:site_name" content="The Pellingham Echo">'
        f'<meta name="description" content="Two hurt as {firm} crane buckles on the east quay">'
        '<meta property="article:published_time" content="2026-04-07T09:00:00Z">'
        f'<link rel="canonical" href="{url}"></head><body><main><article>'
        "<h1>Crane collapses onto ship at Pellingham harbour</h1>"
        f'<p class="standfirst">Two hurt as {firm} crane buckles on the east quay</p>'
        f'<div class="article-body">{body}{wall}</div></article></main></body></html>'
    )


def _walled_after_whole(http: HTTPServer, tmp_path: Path, firm: str) -> tuple[str, str, int, str]:
    """The crane story tracked whole, then fetched again behind a wall naming ``firm``: the
    page's URL, the store, and the second track's exit code and output."""
    url = http.url_for("/news/crane.html")
    page = SwappablePage(_crane_page(url, "Ostler Shipping", walled=False))
    http.expect_request("/news/crane.html").respond_with_handler(page)
    db = str(tmp_path / "v.db")
    assert run("track", url, "--db", db, "--delay", "0")[0] == 0
    page.html = _crane_page(url, firm, walled=True)
    code, out, _ = run("track", url, "--db", db, "--delay", "0")
    return url, db, code, out


def test_a_walled_fetch_held_back_says_what_the_part_shown_changed(
    http: HTTPServer, tmp_path: Path
) -> None:
    url, db, code, out = _walled_after_whole(http, tmp_path, "Varrick Lines")
    assert code == 4  # held back, as before: a wall is no edit
    line = " ".join(out.split())
    assert "held back, not stored as an edit" in line
    assert "the part shown differs from version 1:" in line
    assert 'name: "Ostler Shipping" → "Varrick Lines"' in line
    assert "past the other version's end" not in line  # the end not shown is no edit
    with Store.open(Path(db), read_only=True) as store:
        story = store.require_story(url)
        assert len(store.history(story)) == 1  # nothing stored as a version
        [failed] = store.failing(story)
    assert "the part shown differs from version 1" in failed["error"]  # recorded
    code, out, _ = run("history", url, "--db", db)
    assert "the part shown differs from version 1" in " ".join(out.split())


def test_a_walled_fetch_that_shows_the_stored_opening_says_nothing_more(
    http: HTTPServer, tmp_path: Path
) -> None:
    _, _, code, out = _walled_after_whole(http, tmp_path, "Ostler Shipping")
    assert code == 4
    assert "held back" in out
    assert "differs" not in out


# ---- 10. a lagging copy of the page at another address ---------------------------------------

_CORRECTION = (
    "Correction: An earlier version of this article said the crane was operated by Ostler "
    "Shipping. It is operated by Varrick Lines."
)


def _copy_page(canonical: str, firm: str, modified: str | None, note: bool) -> str:
    page = _crane_page(canonical, firm, walled=False)
    if modified:
        page = page.replace(
            "</head>", f'<meta property="article:modified_time" content="{modified}"></head>'
        )
    if note:
        page = page.replace(
            "</article>", f'<div class="correction-note"><p>{_CORRECTION}</p></div></article>'
        )
    return page


def _track_copy(http: HTTPServer, tmp_path: Path, copy_modified: str | None) -> tuple[str, str]:
    """The page tracked with its correction, then its AMP copy that lags it, then the page
    again: the store and the page's URL."""
    url = http.url_for("/news/crane.html")
    amp = http.url_for("/news/amp/crane.html")
    http.expect_request("/news/crane.html").respond_with_data(
        _copy_page(url, "Varrick Lines", "2026-04-08T10:00:00Z", note=True),
        content_type="text/html; charset=utf-8",
    )
    http.expect_request("/news/amp/crane.html").respond_with_data(
        _copy_page(url, "Ostler Shipping", copy_modified, note=False),
        content_type="text/html; charset=utf-8",
    )
    db = str(tmp_path / "v.db")
    for address in (url, amp, url):
        assert run("track", address, "--db", db, "--delay", "0")[0] == 0
    return db, url


def _warnings(db: str, url: str) -> list[list[str]]:
    with Store.open(Path(db), read_only=True) as store:
        versions = store.history(store.require_story(url))
    return [list((v.changes or {}).get("warnings", [])) for v in versions]


def test_history_names_the_address_a_version_came_from(http: HTTPServer, tmp_path: Path) -> None:
    db, url = _track_copy(http, tmp_path, "2026-04-07T12:00:00Z")
    amp = http.url_for("/news/amp/crane.html")
    code, out, _ = run("history", url, "--db", db, "--width", "400")
    assert code == 0
    rows = out.splitlines()[2:]
    assert len(rows) == 3
    assert f"[from {amp}]" in rows[1]
    assert "[from" not in rows[0] and "[from" not in rows[2]
    code, out, _ = run("history", url, "--db", db, "--format", "json")
    assert [v["fetched_from"] for v in json.loads(out)["versions"]] == [None, amp, None]


def test_a_copy_older_than_the_latest_version_is_warned_of(
    http: HTTPServer, tmp_path: Path
) -> None:
    db, url = _track_copy(http, tmp_path, "2026-04-07T12:00:00Z")
    _, copy, again = _warnings(db, url)
    assert copy[0].startswith(f"fetched from {http.url_for('/news/amp/crane.html')}, not from")
    assert "2026-04-07T12:00:00Z, before 2026-04-08T10:00:00Z" in copy[0]
    assert "probably a copy that lags the page, not an edit" in copy[0]
    # The comparison's own "NEW says it was modified …" is not said twice.
    assert not any(w.startswith("NEW says it was") for w in copy)
    assert again[0].startswith("compared with version 2, fetched from")


def test_a_copy_without_dates_that_lacks_the_latest_correction_is_warned_of(
    http: HTTPServer, tmp_path: Path
) -> None:
    db, url = _track_copy(http, tmp_path, None)
    copy = _warnings(db, url)[1]
    assert "it lacks the correction version 1 has" in copy[0]


# ---- 14(a). compare -o refuses a name that contradicts --format -------------------------------


def test_compare_refuses_an_output_name_that_contradicts_the_format(tmp_path: Path) -> None:
    old_page, new_page = tmp_path / "old.html", tmp_path / "new.html"
    old_page.write_text(_live_page(["u3", "u4", "u5"], []), encoding="utf-8")
    new_page.write_text(_live_page(["u2", "u3", "u4"], []), encoding="utf-8")
    report = tmp_path / "x.json"
    code, _, err = run("compare", str(old_page), str(new_page), "-o", str(report), "-f", "html")
    assert code == 2
    assert err == (
        f"storydiff: error: compare writes HTML, and {report} names a JSON file — name it "
        f"{tmp_path / 'x.html'}\n"
    )
    assert not report.exists()
    # As extract refuses it, with the same exit code.
    saved = tmp_path / "y.json"
    code_extract, _, err_extract = run("extract", str(old_page), "-o", str(saved), "-f", "text")
    assert (code_extract, err_extract.split(" and ")[0]) == (
        2,
        "storydiff: error: extract writes TEXT,",
    )
    # A name that agrees, or says no format, is written.
    for name, fmt in (("x.html", "html"), ("x.out", "md")):
        code, _, _ = run(
            "compare", str(old_page), str(new_page), "-o", str(tmp_path / name), "-f", fmt
        )
        assert code == 1 and (tmp_path / name).exists()


# ---- 14(d). history's --width -----------------------------------------------------------------


def test_history_headlines_take_the_width_given_beside_a_long_warning() -> None:
    story = Story(1, "https://example.org/news/ferry", "2026-05-01T10:00:00.000Z", None, None)
    headline = "Tarrow Isles ferry suspended after second mooring line snaps at Kelsby"
    warning = "NEW says it was modified 2026-05-01T09:00:00Z, before OLD " + "x" * 200

    def version(number: int, changes: dict[str, object] | None) -> VersionInfo:
        seen = f"2026-05-01T1{number}:00:00.000Z"
        return VersionInfo(number, number, seen, seen, headline, 300, changes, 0, "fetch", None)

    versions = [
        version(1, None),
        version(2, {"paragraphs": {"reworded": 1}, "warnings": [warning]}),
        version(3, {"paragraphs": {"reworded": 2}}),
    ]
    table = history_table(story, versions, width=250)
    assert table.count(headline) == 3, table  # whole: the warning runs on past the width
    # Narrow, the headline is still cut to what the width leaves.
    assert headline not in history_table(story, versions, width=100)
