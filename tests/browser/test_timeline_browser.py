"""The timeline report in headless chromium, as a reader sharing it would use it (helper
report5): markers and numbers on the axis legible on a phone, a jump from the axis or the
table to a change and back, the keyboard, no network, source text that looks like markup
shown as text, and a table that prints its times on one line."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the story module
from depot_story import HOSTILE_QUOTE, HOSTILE_TITLE, URL, build

from compare.render.timeline import render_story
from compare.store import Store


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("timeline")
    with Store.open(folder / "v.db") as store:
        build(store, folder)
        html = render_story(store, store.require_story(URL), generated_at="2026-11-25T00:00:00Z")
    path = folder / "depot timeline.html"
    path.write_text(html, encoding="utf-8")
    return path


def _open(browser: Any, report: Path, width: int, **kw: Any) -> Any:
    context = browser.new_context(viewport={"width": width, "height": 900}, **kw)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("dialog", lambda d: (page.problems.append("dialog " + d.message), d.dismiss()))
    page.on(
        "request",
        lambda r: None if r.url.startswith("file://") else page.problems.append(r.url),
    )
    page.goto(report.as_uri())
    return page


@pytest.fixture()
def desk(browser: Any, report: Path) -> Iterator[Any]:
    page = _open(browser, report, 1280)
    yield page
    page.context.close()


def test_loads_offline_and_shows_markup_looking_text_as_text(desk: Any) -> None:
    assert desk.problems == []
    assert desk.locator("img").count() == 0 and desk.locator("body script").count() == 0
    assert HOSTILE_TITLE in desk.locator("#versions").inner_text()
    assert "<script>alert(1)</script>" in desk.locator("#v2").inner_text()
    assert HOSTILE_QUOTE.split(" was")[0].strip('"') in desk.locator("#v3").inner_text()


def test_on_a_phone_the_axis_markers_and_numbers_keep_a_readable_size(
    browser: Any, report: Path, artifacts: Path
) -> None:
    # The axis scaled with its viewBox: at 390 px each version was a 3 px dot with no
    # number, too small to see, tap or tell from the next.
    page = _open(browser, report, 390)
    sizes = page.eval_on_selector_all(
        ".axis svg.line .mark .dot", "ds => ds.map(d => d.getBoundingClientRect().width)"
    )
    assert len(sizes) == 5 and min(sizes) >= 14, sizes
    numbers = page.eval_on_selector_all(
        ".axis svg.line .mark text",
        "ts => ts.map(t => [t.textContent, t.getBoundingClientRect().height])",
    )
    assert [n for n, _ in numbers] == ["1", "2", "3", "4", "5"]
    assert min(h for _, h in numbers) >= 10, numbers
    crosses = page.locator(".axis svg.line .gap path")
    assert crosses.count() == 2 and crosses.first.bounding_box()["width"] >= 10
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # A failed fetch's row names no words count ("words" was added to its empty cell).
    gap = page.locator("tr.gap").first.inner_text()
    assert "not found" in gap and "words" not in gap
    page.locator(".axis").screenshot(path=str(artifacts / "timeline-axis-390.png"))
    assert page.problems == []
    page.context.close()


def _until_at_top(page: Any, selector: str) -> None:
    """Wait for a smooth scroll to bring ``selector`` to the top (wait_for_function
    evaluates a string, which the report's CSP forbids)."""
    top = None
    for _ in range(60):
        top = page.eval_on_selector(selector, "e => e.getBoundingClientRect().top")
        if abs(top) < 40:
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"{selector} is at {top} px, not at the top")


def test_from_the_table_to_a_change_and_back(desk: Any) -> None:
    desk.locator("#row-v3 td.n a").click()
    assert desk.evaluate("location.hash") == "#v3"
    # (report.css scrolls smoothly: wait for the heading to arrive at the top.)
    _until_at_top(desk, "#v3")
    desk.locator("#v3 .jump a", has_text="Back to the versions").click()
    assert desk.evaluate("location.hash") == "#row-v3"
    _until_at_top(desk, "#row-v3")
    # Next and previous go between the changes without the table.
    desk.locator("#v3 .jump a", has_text="Next change").click()
    assert desk.evaluate("location.hash") == "#v4"


def test_the_axis_works_from_the_keyboard(desk: Any) -> None:
    # Tab from the skip link's place onwards reaches the axis's markers in time order.
    desk.locator("header.story a").first.focus()
    reached = []
    for _ in range(12):
        desk.keyboard.press("Tab")
        reached.append(desk.evaluate("document.activeElement.getAttribute('href')"))
    assert reached[:7] == [
        "#v1",
        "#v2",
        "#v3",
        "#failed-2026-11-24T111000000Z",
        "#v4",
        "#failed-2026-11-24T123000000Z",
        "#v5",
    ], reached
    desk.locator("header.story a").first.focus()
    for _ in range(5):
        desk.keyboard.press("Tab")
    assert desk.evaluate("document.activeElement.getAttribute('href')") == "#v4"
    desk.keyboard.press("Enter")
    assert desk.evaluate("location.hash") == "#v4"


def test_on_a_phone_each_change_reads_in_one_column(browser: Any, report: Path) -> None:
    # The timeline runs no script, so the pairwise report's phone view (chosen by its
    # script, or by its no-JavaScript rules) never applied: two columns of 130 px, a word
    # or two a line.
    page = _open(browser, report, 390)
    widths = page.eval_on_selector_all(
        "#v3 .row",
        "rows => rows.map(r => [...r.children].filter(c => c.checkVisibility())"
        ".map(c => Math.round(c.getBoundingClientRect().width)))",
    )
    assert widths and all(len(w) == 1 and w[0] > 300 for w in widths), widths
    # The reworded paragraph shows both sides' words in its one cell.
    assert "Four" in page.locator("#v3 .row.u-own .cell.uni").first.inner_text()
    page.context.close()


def test_an_archive_capture_is_told_apart_on_the_axis(browser: Any, tmp_path: Path) -> None:
    from depot_story import P, observe, page

    from compare.store import Store as Opened

    with Opened.open(tmp_path / "v.db") as store:
        observe(
            store, tmp_path, page("Fire", P[:2], "2026-11-24T09:05:00Z"), "2026-11-24T09:10:00.000Z"
        )
        html = page("Fire at depot", P, "2026-11-24T09:30:00Z")
        path = tmp_path / "capture.html"
        path.write_text(html, encoding="utf-8")
        from dataclasses import replace

        from compare import load
        from compare.model import Provenance

        document = replace(
            load(str(path)), url=URL, provenance=Provenance(spec=URL, url=URL, status=200)
        )
        store.observe(
            [URL],
            document,
            html.encode(),
            "2026-11-24T10:00:00.000Z",
            source="wayback",
            archive_url="https://web.archive.org/web/20261124100000/" + URL,
        )
        report = tmp_path / "t.html"
        report.write_text(
            render_story(store, store.require_story(URL), generated_at="2026-11-25T00:00:00Z"),
            encoding="utf-8",
        )
    opened = _open(browser, report, 1280)
    fills = opened.eval_on_selector_all(
        ".axis svg.line .mark .dot", "ds => ds.map(d => getComputedStyle(d).fill)"
    )
    assert len(fills) == 2 and fills[0] != fills[1], fills
    assert "archive" in opened.locator(".axis .legend").inner_text()
    opened.context.close()
