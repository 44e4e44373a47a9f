"""The coverage report as received by an editor who did not run storydiff: opened from an
e-mail on a phone or a laptop, read with the keyboard or a screen reader, printed."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from test_coverage_received import _hostile
from test_report_browser import open_report

from compare import compare_many, load
from compare.render.coverage_html import render_coverage

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture(scope="module")
def bridge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bridge story as `make demo` compares it: five outlets, three disputed facts, one
    input set aside (the warning above the disputes)."""
    sources = sorted((FIXTURES / "multi-bridge-closure").glob("*.html"))
    path = tmp_path_factory.mktemp("received") / "bridge.html"
    coverage = compare_many([load(str(p)) for p in sources])
    path.write_text(render_coverage(coverage, generated_at="2026-11-28T07:00:00Z"))
    return path


@pytest.mark.parametrize(("width", "height"), [(375, 812), (1280, 800)], ids=["phone", "laptop"])
def test_the_first_screen_says_what_the_outlets_disagree_on(
    browser: Any, bridge: Path, artifacts: Path, width: int, height: int
) -> None:
    """The five outlets' cards came first: on a laptop they filled the first screen, on a
    phone the first three, and the disputed facts were below them."""
    context, page, _ = open_report(browser, bridge, viewport={"width": width, "height": height})
    heading = page.get_by_role("heading", name="Facts the outlets disagree on")
    assert heading.bounding_box()["y"] + 20 < height
    bottoms = page.eval_on_selector_all(
        ".disputes > li", "items => items.map(i => i.getBoundingClientRect().bottom)"
    )
    assert len(bottoms) == 3
    first = page.locator(".disputes > li").first.bounding_box()
    assert first["y"] + 60 < height  # at least its label and the claim's first line
    # On a phone the filters' names are shortened on screen to leave room: whole for a
    # screen reader.
    button = page.get_by_role("button", name="Disputed facts", exact=True)
    shown = button.locator(".wide").bounding_box()["width"] > 1
    assert shown is (width > 800)
    if width > 800:  # every disputed fact in view
        assert max(bottoms) <= height
    assert (
        page.locator(".outlets").bounding_box()["y"] > page.locator(".summary").bounding_box()["y"]
    )
    # What each fact is about: the claim's wording, whole for screen readers, cut to the
    # label's line on a laptop and to two lines of its own on a phone.
    about = page.locator(".disputes > li .about").last
    assert about.text_content().startswith("The bridge opened in 1964")
    label = page.locator(".disputes > li > a").last.bounding_box()
    lines = about.evaluate("a => Math.round(a.getBoundingClientRect().height)")
    line_height = about.evaluate("a => parseFloat(getComputedStyle(a).lineHeight)")
    if width > 800:
        assert abs(about.bounding_box()["y"] - label["y"]) < 6 and lines <= line_height + 1
    else:
        assert about.bounding_box()["y"] > label["y"] + 10 and lines <= 2 * line_height + 1
    page.screenshot(path=str(artifacts / f"coverage-received-first-{width}.png"))
    context.close()


def test_each_side_of_a_disputed_fact_reads_on_a_line_of_its_own(
    browser: Any, bridge: Path
) -> None:
    """ "“four cracks” — Tessel Valley Courier, The Harbor Gazette, Metro Evening News,
    Northline Wire / “three cracks” — The Daily Ledger" ran on as one line: the slash
    between the sides was lost among the commas, most of all in the matrix's narrow box."""
    context, page, _ = open_report(browser, bridge, viewport={"width": 375, "height": 812})
    for selector in (".disputes > li", "#c1 .dispute"):
        box = page.locator(selector).first
        sides = box.locator(".stance")
        assert sides.count() == 2
        first, second = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
        assert second["y"] >= first["y"] + first["height"] - 1
        assert abs(second["x"] - first["x"]) < 1
        assert "three cracks" in sides.nth(1).inner_text()
        # The slash is not seen, but screen readers and a copied line keep it.
        assert box.locator(".vs").bounding_box()["width"] <= 1
        assert box.locator(".vs").text_content() == " / "
    context.close()


@pytest.mark.parametrize(("width", "shown"), [(1280, True), (375, False)], ids=["laptop", "phone"])
def test_next_and_previous_go_from_claim_to_claim_with_a_ring(
    browser: Any, bridge: Path, width: int, shown: bool
) -> None:
    """The report had no way from claim to claim but Tab through every link of every
    card and heat-map cell. Next and Previous (j and k, shown on a laptop) walk the claims
    the filter shows, ring the one reached, and on a phone only their row stays on top,
    above the outlets' names."""
    context, page, _ = open_report(browser, bridge, viewport={"width": width, "height": 800})
    nxt = page.get_by_role("button", name="Next", exact=True)
    assert nxt.get_attribute("aria-keyshortcuts") == "j"
    assert nxt.locator("kbd").is_visible() is shown
    for _ in range(3):
        page.keyboard.press("j")
    assert page.locator(".position").inner_text() == "Claim 3 of 20"
    assert page.evaluate("document.activeElement.id") == "c3"
    ring = page.eval_on_selector(
        "tr.current",
        "r => { const s = getComputedStyle(r); return [s.outlineStyle, s.outlineWidth,"
        " s.outlineColor]; }",
    )
    assert ring == ["solid", "3px", "rgb(176, 120, 0)"]  # --current, 3.6:1 on the page
    box = page.locator("#c3").bounding_box()
    assert 0 <= box["y"] < 800
    if not shown:
        row = page.locator(".toolbar .group.nav").bounding_box()
        assert row["y"] == 0  # stuck to the top
        head = page.locator(".matrix thead th").first.bounding_box()
        assert head["y"] >= row["height"] - 1  # the outlets' names under it, not hidden
    page.keyboard.press("k")
    assert page.locator(".position").inner_text() == "Claim 2 of 20"
    # Enter on Next keeps the focus on the button, so pressing it again goes on.
    page.get_by_role("button", name="Disputed facts").click()
    page.evaluate("window.scrollTo(0, 0)")  # from the top: c1, then c11
    nxt.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.dataset.action") == "next"
    assert page.locator(".position").inner_text() == "Claim 2 of 3"
    assert page.locator("tr.current").get_attribute("id") == "c11"
    context.close()


def test_a_cell_an_outlet_left_empty_shows_its_dash_in_the_dark_theme(
    browser: Any, bridge: Path
) -> None:
    """The hatching is 1.25:1 against the dark page: an empty cell and a short one looked
    alike. The dash is the muted text colour, 5.8:1 on the hatching."""
    context, page, _ = open_report(browser, bridge, color_scheme="dark")
    cell = page.locator(".matrix td.absent").first
    dash = cell.evaluate(
        "c => { const s = getComputedStyle(c, '::before'); return [s.content, s.color]; }"
    )
    assert dash == ['"—" / ""', "rgb(168, 165, 158)"]  # --muted, 5.8:1 on the hatching
    assert cell.evaluate("c => c.getBoundingClientRect().height") > 20
    snapshot = page.locator("#c3").aria_snapshot()
    assert "not carried by" in snapshot and "—" not in snapshot
    context.close()


def test_a_screen_reader_finds_the_tables_by_name_and_the_headings_in_order(
    browser: Any, bridge: Path
) -> None:
    context, page, _ = open_report(browser, bridge)
    assert page.get_by_role("table", name="Claims by outlet").count() == 1
    assert page.get_by_role("table", name="Claims in common").count() == 1
    assert page.get_by_role("region", name="The outlets").count() == 1
    levels = page.eval_on_selector_all(
        "h1, h2, h3", "hs => hs.map(h => [Number(h.tagName[1]), h.textContent.trim()])"
    )
    assert levels[0][0] == 1 and levels[1] == [2, "What to look at"]
    assert all(b[0] <= a[0] + 1 for a, b in itertools.pairwise(levels)), levels
    links = page.locator(".disputes > li > a")
    assert [links.nth(i).get_attribute("href") for i in range(3)] == ["#c1", "#c11", "#c15"]
    assert page.get_by_role("link", name="claim c1", exact=True).count() == 1
    # Heard as one sentence: the label, the claim, then each side ("... span. : “four" ran
    # the claim's full stop into a colon).
    heard = page.locator(".disputes > li").first.aria_snapshot()
    assert "beneath its eastern span. The outlets say: “four cracks” — Tessel Valley" in heard
    assert "Northline Wire / “three cracks” — The Daily Ledger" in heard
    context.close()


def test_printed_the_outlets_addresses_are_whole_and_no_claim_is_ringed(
    browser: Any, bridge: Path
) -> None:
    """On paper the card said "tesselcourier.org" (the link held the rest) and kept the
    side-by-side keys, links to files the reader of the paper does not have."""
    context, page, _ = open_report(browser, bridge, viewport={"width": 718, "height": 1000})
    page.keyboard.press("j")
    page.emulate_media(media="print")
    urls = page.locator(".outlet dd a[href^='https://']")
    assert urls.count() == 5
    for i in range(5):
        link = urls.nth(i)
        assert link.inner_text() == link.get_attribute("href")
        assert link.evaluate("a => a.scrollWidth <= a.parentElement.clientWidth + 1")
    # Under its label, the card's width: beside it, 80 px, it ran ten lines.
    assert all(
        box["width"] > 150
        for box in page.eval_on_selector_all(
            ".outlet .full",
            "fs => fs.map(f => f.parentElement.parentElement.getBoundingClientRect())",
        )
    )
    # A date breaks between the day and the time, never at its hyphens ("2026-04-" over
    # "14 19:40" in a card a third of A4 wide).
    parts = page.eval_on_selector_all(
        ".outlet time",
        """times => times.map(t => [...t.querySelectorAll('.whole')].map(part => {
            const text = document.createRange();
            text.selectNodeContents(part);
            return text.getClientRects().length;
        }))""",
    )
    assert parts == [[1, 1]] * 5, parts
    assert not page.locator(".outlet .pairs").first.is_visible()
    assert page.eval_on_selector("tr.current", "r => getComputedStyle(r).outlineStyle") == "none"
    context.close()


def test_hostile_pages_stay_text_and_the_report_asks_for_nothing(
    browser: Any, tmp_path: Path
) -> None:
    """Script tags, onerror handlers and javascript: links in a headline, a byline and a
    body: none runs, none is a link, nothing is fetched."""
    paths = [_hostile(tmp_path, n, f) for n, f in (("a", "4"), ("b", "4"), ("c", "5"))]
    report = tmp_path / "report.html"
    report.write_text(
        render_coverage(
            compare_many([load(str(p)) for p in paths]), generated_at="2026-11-28T07:00:00Z"
        )
    )
    dialogs: list[str] = []
    context, page, log = open_report(browser, report)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.keyboard.press("j")
    page.get_by_role("button", name="Disputed facts").click()
    assert dialogs == [] and log.errors == []
    assert log.requests == [report.as_uri()]
    hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
    assert hrefs and all(h.startswith("#") for h in hrefs), hrefs
    assert page.locator("img, iframe, object, embed").count() == 0
    assert "<script>" in page.locator("h1").inner_text()  # shown as text
    context.close()


@pytest.mark.parametrize("width", [375, 320])
def test_on_a_phone_each_outlets_column_is_read_whole_beside_the_claims(
    browser: Any, bridge: Path, artifacts: Path, width: int
) -> None:
    """Beside the 13rem claim column an outlet's column (195 px) had 143 px of a 375 px
    screen: its wording was cut at the edge wherever the matrix was scrolled. Each column
    is now the width left beside the claims, and a swipe stops at the next outlet."""
    context = browser.new_context(
        viewport={"width": width, "height": 812}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(bridge.as_uri())
    page.wait_for_selector("html[data-ready='true']")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    scroller = page.locator("#matrix .scroller")
    view = scroller.evaluate("s => s.clientWidth")
    heads = page.eval_on_selector_all(
        "#matrix thead th", "ths => ths.map(t => t.getBoundingClientRect().width)"
    )
    claims, outlets = heads[0], heads[1:]
    assert len(outlets) == 5 and claims >= 150
    assert all(abs(claims + w - view) <= 1 for w in outlets), (claims, outlets, view)
    # A short swipe's worth of scrolling settles with the second outlet whole in view.
    scroller.evaluate("s => s.scrollBy(60, 0)")
    page.wait_for_function(
        "() => document.querySelector('#matrix .scroller').scrollLeft > 0", timeout=2000
    )
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    second = page.locator("#matrix thead th").nth(2).bounding_box()
    box = scroller.bounding_box()
    assert abs(second["x"] - (box["x"] + claims)) <= 1, (second, box, claims)
    page.locator("#c2").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / f"coverage-received-matrix-{width}.png"))
    context.close()
