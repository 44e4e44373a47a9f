"""The HTML report in headless chromium: it loads offline with no errors and no requests,
and navigation, folds, filters, the dark theme and the unified view work."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
from story import build

from compare import compare, load
from compare.render.html import render_comparison

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@dataclass
class Log:
    """What a page did besides rendering."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    answered: list[str] = field(default_factory=list)


def open_report(browser: Any, path: Path, **options: Any) -> tuple[Any, Any, Log]:
    context = browser.new_context(
        viewport=options.pop("viewport", {"width": 1280, "height": 900}), **options
    )
    page = context.new_page()
    log = Log()
    page.on(
        "console", lambda m: log.errors.append(m.text) if m.type in ("error", "warning") else None
    )
    page.on("pageerror", lambda e: log.errors.append(str(e)))
    page.on("request", lambda r: log.requests.append(r.url))
    page.on("requestfailed", lambda r: log.failed.append(f"{r.url} {r.failure}"))
    page.on("response", lambda r: log.answered.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_selector("html[data-ready='true']")
    return context, page, log


def visible_ids(page: Any, selector: str = ".row") -> list[str]:
    return page.eval_on_selector_all(
        selector, "rows => rows.filter(r => r.checkVisibility()).map(r => r.id)"
    )


def test_loads_offline_with_no_errors_and_no_requests(
    browser: Any, sample_report: Path, tmp_path: Path, artifacts: Path
) -> None:
    hostile = tmp_path / "hostile.html"
    comparison = compare(
        load(str(FIXTURES / "hostile/v1.html")), load(str(FIXTURES / "hostile/v2.html"))
    )
    hostile.write_text(
        render_comparison(comparison, generated_at="2026-05-22T17:00:00Z"), encoding="utf-8"
    )
    for path in (sample_report, hostile):
        context, page, log = open_report(browser, path)
        assert log.errors == []
        assert log.requests == [path.as_uri()]
        assert page.evaluate("document.documentElement.classList.contains('no-js')") is False
        page.screenshot(
            path=str(artifacts / f"browser-{path.stem.replace(' ', '-')}.png"), full_page=True
        )
        # No page could run script in the report: nothing but ours set a global.
        assert page.evaluate("typeof window.alert") == "function"
        context.close()


def test_the_policy_blocks_any_script_style_or_image_that_got_in(
    browser: Any, sample_report: Path
) -> None:
    context, page, log = open_report(browser, sample_report)
    ran = page.evaluate(
        """() => {
            const script = document.createElement('script');
            script.textContent = 'window.injected = true';
            document.body.appendChild(script);
            const style = document.createElement('style');
            style.textContent = 'body { display: none }';
            document.head.appendChild(style);
            const image = document.createElement('img');
            image.src = 'https://images.example.net/pixel.png';
            document.body.appendChild(image);
            return window.injected === true;
        }"""
    )
    assert ran is False
    assert page.evaluate("getComputedStyle(document.body).display") == "block"
    page.wait_for_timeout(200)
    # Chromium announces the image request, then refuses it under the policy.
    assert [u for u in log.answered if not u.startswith("file:")] == []
    assert [f for f in log.failed if "pixel.png" in f and "csp" in f]
    assert any("Content Security Policy" in e for e in log.errors)
    context.close()


def test_next_and_previous_change_move_to_the_right_block(
    browser: Any, sample_report: Path
) -> None:
    context, page, _ = open_report(browser, sample_report)
    changes = visible_ids(page, ".row.chg")
    assert changes[:4] == ["b1", "b2", "b3", "b4"] and changes[-2:] == ["b17", "b18"]
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "b1"
    page.keyboard.press("j")
    page.get_by_role("button", name="Next").click()
    assert page.evaluate("document.activeElement.id") == "b3"
    assert page.locator(".position").inner_text() == f"Change 3 of {len(changes)}"
    page.keyboard.press("k")
    assert page.evaluate("document.querySelector('.row.current').id") == "b2"
    assert page.url.endswith("#b2")
    # The change is scrolled to just below the sticky toolbar, not under it.
    top = page.evaluate("document.getElementById('b2').getBoundingClientRect().top")
    bar = page.evaluate("document.querySelector('.toolbar').getBoundingClientRect().bottom")
    assert bar <= top <= bar + 30
    for _ in range(len(changes)):
        page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "b18"
    # Controls are reachable by keyboard: Tab lands on the skip link, then the toolbar.
    page.reload()
    page.wait_for_selector("html[data-ready='true']")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "prev"
    context.close()


def test_next_pressed_from_the_keyboard_keeps_going(browser: Any, sample_report: Path) -> None:
    """Enter on Next used to move the focus into the change, so the next Enter did nothing
    and Shift+Tab led into the summary: the button keeps the focus, the row is marked."""
    context, page, _ = open_report(browser, sample_report)
    changes = visible_ids(page, ".row.chg")
    page.get_by_role("button", name="Next").focus()
    for _ in range(3):
        page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.dataset.action") == "next"
    assert page.evaluate("document.querySelector('.row.current').id") == changes[2]
    assert page.locator(".position").inner_text() == f"Change 3 of {len(changes)}"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.dataset.action") == "prev"
    assert page.evaluate("document.querySelector('.row.current').id") == changes[1]
    context.close()


def test_every_control_is_reachable_with_the_tab_key(browser: Any, sample_report: Path) -> None:
    context, page, _ = open_report(browser, sample_report)
    page.evaluate("document.querySelectorAll('button, summary').forEach((e, i) => e.dataset.k = i)")
    controls = set(page.eval_on_selector_all("button, summary", "es => es.map(e => e.dataset.k)"))
    reached: set[str] = set()
    for _ in range(200):
        page.keyboard.press("Tab")
        key = page.evaluate("document.activeElement.dataset.k")
        if key is not None:
            reached.add(key)
        if reached == controls:
            break
    assert reached == controls
    names = page.eval_on_selector_all("button", "es => es.map(e => e.textContent.trim())")
    assert all(names)
    context.close()


def test_folds_expand_in_place_and_filters_show_the_right_rows(
    browser: Any, sample_report: Path
) -> None:
    context, page, _ = open_report(browser, sample_report)
    folded = ["b7", "b8", "b9", "b10"]
    assert not set(folded) & set(visible_ids(page))
    page.get_by_text("Show 4 unchanged paragraphs").click()
    assert set(folded) <= set(visible_ids(page))
    page.get_by_text("Show 4 unchanged paragraphs").click()
    assert not set(folded) & set(visible_ids(page))
    page.get_by_role("button", name="Show all").click()
    assert set(folded) <= set(visible_ids(page))

    page.get_by_role("button", name="Added", exact=True).click()
    assert visible_ids(page) == ["b18"]
    page.get_by_role("button", name="Removed", exact=True).click()
    assert visible_ids(page) == ["b17"]
    page.get_by_role("button", name="Reworded", exact=True).click()
    assert visible_ids(page) == ["b1", "b3"]
    page.get_by_role("button", name="Moved", exact=True).click()
    assert visible_ids(page) == ["b2", "b2-was"]
    page.get_by_role("button", name="Changes", exact=True).click()
    assert visible_ids(page) == visible_ids(page, ".row.chg")
    assert "b5" not in visible_ids(page) and "b4" in visible_ids(page)
    assert (
        page.get_by_role("button", name="Changes", exact=True).get_attribute("aria-pressed")
        == "true"
    )
    page.get_by_role("button", name="All", exact=True).click()
    assert "b5" in visible_ids(page)
    # A permalink into a fold opens it.
    page.get_by_role("button", name="Show all").click()
    page.evaluate("location.hash = '#b9'")
    page.wait_for_function("document.getElementById('b9').checkVisibility()")
    context.close()


def test_dark_theme_and_unified_view_render(
    browser: Any, sample_report: Path, artifacts: Path
) -> None:
    context, page, log = open_report(browser, sample_report, color_scheme="dark")
    background = "getComputedStyle(document.body).backgroundColor"
    assert page.evaluate(background) == "rgb(21, 23, 27)"
    assert page.get_by_role("button", name="Dark theme").get_attribute("aria-pressed") == "true"
    page.screenshot(path=str(artifacts / "browser-dark.png"), full_page=True)
    page.get_by_role("button", name="Dark theme").click()
    assert page.evaluate(background) == "rgb(251, 250, 247)"

    page.get_by_role("button", name="Unified view").click()
    assert page.is_visible("#b1 .cell.uni") and not page.is_visible("#b1 .cell.old")
    assert page.is_visible("#b18 .cell.new") and page.is_visible("#b17 .cell.old")
    assert page.is_visible("#b5 .cell.new") and not page.is_visible("#b5 .cell.old")
    assert page.get_by_role("button", name="Unified view").get_attribute("aria-pressed") == "true"
    page.screenshot(path=str(artifacts / "browser-unified.png"), full_page=True)
    assert log.errors == []
    context.close()

    # Below 800 px the unified view is the default.
    context, page, _ = open_report(browser, sample_report, viewport={"width": 600, "height": 900})
    assert page.evaluate("document.documentElement.dataset.view") == "unified"
    page.screenshot(path=str(artifacts / "browser-narrow.png"), full_page=True)
    context.close()


@pytest.mark.parametrize("width", [600, 390])
def test_the_toolbar_wraps_on_a_narrow_screen_with_every_control_in_view(
    browser: Any, sample_report: Path, artifacts: Path, width: int
) -> None:
    context, page, _ = open_report(browser, sample_report, viewport={"width": width, "height": 900})
    bar = page.locator(".toolbar")
    assert bar.evaluate("t => t.scrollWidth <= t.clientWidth")
    for control in page.locator(".toolbar button, .toolbar .position").all():
        box = control.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # Below 800 px the bar has no box of its own (see report.css): its groups are shown.
    bottom = page.evaluate(
        "Math.max(...[...document.querySelectorAll('.toolbar > *')]"
        ".map(g => g.getBoundingClientRect().bottom))"
    )
    page.screenshot(
        path=str(artifacts / f"browser-toolbar-{width}.png"),
        clip={"x": 0, "y": 0, "width": width, "height": bottom},
    )
    context.close()


@pytest.mark.parametrize("width", [390, 320])
def test_on_a_phone_each_date_takes_one_line_beside_its_label(
    browser: Any, sample_report: Path, width: int
) -> None:
    # The labels' column took 9rem of a 390-pixel screen, and a date broke at its hyphens
    # ("2026-11-" over "20T08:15:00Z"), which reads as two values; at 320 pixels, with the
    # labels' column narrowed, a date still broke in three: there the label goes above.
    context, page, _ = open_report(browser, sample_report, viewport={"width": width, "height": 900})
    # The text's own height: the grid stretches a <dd> to a label of two lines.
    dates = page.eval_on_selector_all(
        ".field.date dd",
        """dds => dds.map(d => {
            const text = document.createRange();
            text.selectNodeContents(d);
            const lines = text.getBoundingClientRect().height
                / parseFloat(getComputedStyle(d).lineHeight);
            return [d.textContent, lines];
        })""",
    )
    assert len(dates) >= 4
    assert [text for text, lines in dates if lines > 1.5] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


@pytest.mark.parametrize("width", [1280, 900])
def test_both_cells_of_every_row_start_at_the_same_height(
    browser: Any, sample_report: Path, width: int
) -> None:
    context, page, _ = open_report(browser, sample_report, viewport={"width": width, "height": 900})
    page.get_by_role("button", name="Show all").click()
    tops = page.eval_on_selector_all(
        ".row",
        """rows => rows.map(r => [r.id,
            r.querySelector('.cell.old').getBoundingClientRect().top,
            r.querySelector('.cell.new').getBoundingClientRect().top])""",
    )
    assert len(tops) >= 19
    uneven = [(row, old, new) for row, old, new in tops if abs(old - new) > 1]
    assert uneven == []
    context.close()


def test_chinese_marks_sit_flush_and_latin_marks_keep_their_padding(
    browser: Any, sample_report: Path, tmp_path: Path, artifacts: Path
) -> None:
    chinese = tmp_path / "zh.html"
    folder = FIXTURES / "zh-bridge-opening"
    comparison = compare(load(str(folder / "v1.html")), load(str(folder / "v2.html")))
    chinese.write_text(
        render_comparison(comparison, generated_at="2026-09-16T08:00:00Z"), encoding="utf-8"
    )
    paddings = """marks => marks.map(m => {
        const style = getComputedStyle(m);
        return [style.paddingLeft, style.paddingRight];
    })"""
    context, page, _ = open_report(browser, chinese)
    marks = page.eval_on_selector_all(".row ins, .row del", paddings)
    assert marks and all(pad == ["0px", "0px"] for pad in marks)
    page.locator(".row ins").first.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "browser-zh-marks.png"))
    context.close()
    context, page, _ = open_report(browser, sample_report)
    marks = page.eval_on_selector_all(".row ins, .row del", paddings)
    assert marks and all(left != "0px" and right != "0px" for left, right in marks)
    context.close()


def test_a_long_report_navigates_to_a_far_change_with_its_cells_aligned(
    browser: Any, tmp_path: Path
) -> None:
    old = [
        f"Paragraph {i} of a long story about the harbour, told at some length." for i in range(600)
    ]
    new = [*old[:550], "Paragraph 550 of a long story about the quay, told at length.", *old[551:]]
    spec = [("equal", (i,), (i,), False) for i in range(600)]
    spec[550] = ("reworded", (550,), (550,), False)
    path = tmp_path / "long.html"
    path.write_text(render_comparison(build(old, new, spec), generated_at="x"), encoding="utf-8")
    context, page, log = open_report(browser, path)
    assert page.evaluate("document.documentElement.classList.contains('long')")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "b551"
    old_top, new_top, height = page.evaluate(
        """[...document.querySelectorAll('#b551 .cell.old, #b551 .cell.new')]
            .map(c => c.getBoundingClientRect().top)
            .concat(document.querySelector('#b551 .cell.new p:last-child').offsetHeight)"""
    )
    assert abs(old_top - new_top) <= 1 and height > 10
    assert log.errors == []
    context.close()


def test_print_shows_everything_without_the_toolbar(browser: Any, sample_report: Path) -> None:
    context, page, _ = open_report(browser, sample_report)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert not page.is_visible(".toolbar")
    assert page.is_visible("#b9")
    context.close()


def test_print_on_a4_paper_drops_the_toolbar(browser: Any, sample_report: Path) -> None:
    """A4 prints about 720 px wide, below the 800 px where the bar turns display: contents
    so its first row sticks; its buttons printed on the first page."""
    context, page, _ = open_report(browser, sample_report)
    page.set_viewport_size({"width": 718, "height": 1000})
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert not page.is_visible(".toolbar button")
    assert page.is_visible("#b9")
    # The two version cards stay side by side on paper, as on a wide screen.
    tops = page.eval_on_selector_all(
        ".versions > .card", "cs => cs.map(c => Math.round(c.getBoundingClientRect().top))"
    )
    assert len(tops) == 2 and tops[0] == tops[1]
    context.close()


@pytest.mark.parametrize("chosen", [False, True], ids=["system-dark", "dark-button"])
def test_a_dark_theme_prints_dark_text(browser: Any, sample_report: Path, chosen: bool) -> None:
    """Printers drop the page's background: the dark theme's near-white text printed
    white on white. Paper gets the light palette, whatever the screen shows."""
    context, page, _ = open_report(browser, sample_report, color_scheme="dark")
    if chosen:  # a reader on a light system who pressed "Dark theme"
        page.emulate_media(color_scheme="light")
        page.get_by_role("button", name="Dark theme").click()
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(232, 230, 225)"
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(29, 29, 27)"
    text = page.eval_on_selector("#b9 .txt", "e => getComputedStyle(e).color")
    assert text in ("rgb(29, 29, 27)", "rgb(90, 88, 83)")  # --fg or --muted of the light theme
    context.close()


def test_the_timeline_sets_each_changes_two_version_cards_side_by_side(
    browser: Any, tmp_path: Path
) -> None:
    # The timeline spaces its stacked cards apart; the NEW card, which follows the OLD one
    # in its row, must not be pushed down below it.
    from compare.render.timeline import render_story
    from compare.store import Store

    url = "https://courier.example/local/ferry"
    pages = [load(str(FIXTURES / f"updated-council-vote/v{n}.html")) for n in (1, 2)]
    with Store.open(tmp_path / "v.db") as store:
        for n, doc in enumerate(pages):
            store.observe([url], replace(doc, url=url), b"<p></p>", f"2026-05-24T1{n}:00:00.000Z")
        html = render_story(store, store.require_story(url), generated_at="2026-05-25T00:00:00Z")
    path = tmp_path / "timeline.html"
    path.write_text(html, encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(path.as_uri())
    boxes = page.eval_on_selector_all(
        ".change .versions",
        """rows => rows.map(r => [...r.querySelectorAll(':scope > .card')]
            .map(c => c.getBoundingClientRect()).map(b => [b.top, b.height]))""",
    )
    assert boxes and all(len(cards) == 2 for cards in boxes)
    assert [(old, new) for old, new in boxes if old != new] == []
    context.close()


ARABIC = [
    "افتتح وزير المياه يوم الأحد محطة جديدة لتحلية مياه البحر بطاقة 120 ألف متر مكعب يوميًا.",
    "وقال الوزير إن المحطة ستغطي احتياجات نحو 400 ألف نسمة من مياه الشرب في المدينة.",
    "وبلغت تكلفة المشروع 85 مليون دينار، وتم تنفيذه خلال ثلاث سنوات.",
]


def test_an_arabic_paragraph_that_opens_with_a_change_reads_right_to_left(
    browser: Any, tmp_path: Path, artifacts: Path
) -> None:
    # The hidden "removed: " label was the first strong text its dir="auto" saw.
    pages = []
    for name, first_word in (("old", "وقال"), ("new", "وزعم")):
        body = "".join(f"<p>{p.replace('وقال', first_word)}</p>" for p in ARABIC)
        path = tmp_path / f"{name}.html"
        path.write_text(
            f'<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>محطة تحلية</title>'
            f"</head><body><article><h1>افتتاح محطة تحلية</h1>{body}</article></body></html>",
            encoding="utf-8",
        )
        pages.append(load(str(path)))
    report = tmp_path / "ar.html"
    comparison = compare(pages[0], pages[1])
    report.write_text(render_comparison(comparison, generated_at="2026-06-01T08:00:00Z"))
    context, page, _ = open_report(browser, report)
    directions = page.eval_on_selector_all(
        ".row .txt p[dir='auto']", "ps => ps.map(p => getComputedStyle(p).direction)"
    )
    assert len(directions) >= 6 and set(directions) == {"rtl"}
    page.screenshot(path=str(artifacts / "browser-ar-rtl.png"))
    context.close()


def test_the_timeline_fits_a_phone_with_readable_times_on_its_axis(
    browser: Any, tmp_path: Path, artifacts: Path
) -> None:
    # On a 360 px phone the version table pushed the page sideways (versions a second apart
    # show their times to the millisecond), and the axis's end times, SVG text scaled down
    # with the axis, were 4 px high.
    from compare.render.timeline import render_story
    from compare.store import Store

    url = "https://courier.example/local/ferry"
    pages = [load(str(FIXTURES / f"updated-council-vote/v{n}.html")) for n in (1, 2, 3)]
    with Store.open(tmp_path / "v.db") as store:
        for n, doc in enumerate(pages):
            store.observe([url], replace(doc, url=url), b"<p></p>", f"2026-05-24T10:00:0{n}.{n}50Z")
        html = render_story(store, store.require_story(url), generated_at="2026-05-25T00:00:00Z")
    path = tmp_path / "timeline.html"
    path.write_text(html, encoding="utf-8")
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(path.as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    heights = page.eval_on_selector_all(
        ".axis :is(text, .ticks span)", "ts => ts.map(t => t.getBoundingClientRect().height)"
    )
    # The two end times, and each version's number (report5: the axis is drawn in per cent).
    assert len(heights) == 2 + len(pages) and min(heights) >= 10, heights
    page.screenshot(path=str(artifacts / "timeline-phone.png"))
    context.close()


def test_on_a_phone_the_sticky_bar_keeps_one_row_of_navigation(
    browser: Any, sample_report: Path, artifacts: Path
) -> None:
    # At 390 px the wrapped toolbar stuck ~150 of 800 px over the text on every scroll: only
    # Previous, Next and the position stay; the filters and views scroll away with the page.
    context, page, _ = open_report(browser, sample_report, viewport={"width": 390, "height": 800})
    page.evaluate("window.scrollTo(0, 1500)")
    page.wait_for_timeout(100)
    covered = page.evaluate(
        """() => Math.max(0, ...[...document.querySelectorAll('.toolbar *')]
            .filter(e => getComputedStyle(e).position === 'sticky')
            .concat([document.querySelector('.toolbar')])
            .map(e => e.getBoundingClientRect())
            .filter(b => b.top < 1 && b.bottom > 0).map(b => b.bottom))"""
    )
    assert covered <= 56, covered
    for name in ("Previous", "Next"):
        box = page.get_by_role("button", name=name).bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= covered
    page.screenshot(path=str(artifacts / "browser-phone-scrolled.png"))
    # Next still brings a change into view below the bar, not under it.
    page.get_by_role("button", name="Next").click()
    row = page.locator(".row.current")
    box = row.bounding_box()
    assert box is not None and covered <= box["y"] < 800, (box, covered)
    # The controls that scrolled away are all there at the top, each in view, and the bar
    # is still the page's navigation landmark.
    page.evaluate("window.scrollTo(0, 0)")
    for control in page.locator(".toolbar button").all():
        box = control.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.get_by_role("navigation", name="Report controls").count() == 1
    page.screenshot(path=str(artifacts / "browser-phone-top.png"))
    context.close()


def test_the_timeline_version_table_shows_what_changed_on_a_phone(
    browser: Any, tmp_path: Path, artifacts: Path
) -> None:
    # At 390 px the "What changed" column was cut at the card's edge (the table scrolled
    # sideways inside its card, with no sign that more was there).
    from compare.model import CompareOptions
    from compare.render.timeline import render_story
    from compare.store import Store
    from compare.track import summarizer

    url = "https://courier.example/local/ferry"
    pages = [load(str(FIXTURES / f"updated-council-vote/v{n}.html")) for n in (1, 2, 3, 4)]
    # A long word and times to the second widen the five columns past a phone's card.
    title = "Larchfield councillors overwhelmingly approve stormwater infrastructure levy"
    pages[3] = replace(pages[3], title=title)
    with Store.open(tmp_path / "v.db") as store:
        for n, doc in enumerate(pages):
            store.observe(
                [url],
                replace(doc, url=url),
                b"<p></p>",
                f"2026-05-24T10:00:0{n}.{n}50Z",
                summarize=summarizer(CompareOptions()),
            )
        html = render_story(store, store.require_story(url), generated_at="2026-05-25T00:00:00Z")
    path = tmp_path / "timeline.html"
    path.write_text(html, encoding="utf-8")
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(path.as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    table = page.locator(".history")
    table.scroll_into_view_if_needed()
    cut = table.evaluate(
        """t => {
            const card = t.closest('.card') || t.parentElement;
            const edge = Math.min(
                card.getBoundingClientRect().right, t.getBoundingClientRect().right);
            return [...t.querySelectorAll('td, th')]
                .filter(c => c.getBoundingClientRect().right > edge + 1)
                .map(c => c.textContent.trim());
        }"""
    )
    assert cut == [], cut
    assert table.evaluate("t => t.scrollWidth <= t.clientWidth + 1")
    summaries = table.locator("td:last-child").all_inner_texts()
    assert any("reworded" in s or "added" in s for s in summaries), summaries
    table.screenshot(path=str(artifacts / "timeline-phone-table.png"))
    context.close()
