"""The multi-outlet HTML report in headless chromium: it loads offline with no errors, the
filters show exactly the claims they name, empty cells are plainly empty, the heat map links
to working pairwise reports, and the page stays usable on a phone and in the dark theme."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from compare import Coverage, compare_many, load
from compare.cli import app

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
STORY = FIXTURES / "multi-bridge-closure"


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Coverage]:
    """The bridge story's report and its pairwise views, written by the command."""
    folder = tmp_path_factory.mktemp("coverage")
    sources = sorted(str(p) for p in STORY.glob("*.html"))
    result = CliRunner().invoke(
        app, ["compare", *sources, "-o", str(folder / "bridge report.html")]
    )
    assert result.exit_code == 1, result.stderr
    return folder / "bridge report.html", compare_many([load(s) for s in sources])


@pytest.fixture()
def page(browser: Any, written: tuple[Path, Coverage]) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.errors = []
    page.requests = []
    page.on(
        "console", lambda m: page.errors.append(m.text) if m.type in ("error", "warning") else None
    )
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: page.requests.append(r.url))
    page.goto(written[0].as_uri())
    page.wait_for_selector("html[data-ready='true']")
    yield page
    context.close()


def shown(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "tr.claim", "rows => rows.filter(r => r.checkVisibility()).map(r => r.id)"
    )


def test_loads_offline_with_no_errors(page: Any, written: tuple[Path, Coverage]) -> None:
    assert page.errors == []
    assert all(url.startswith("file://") for url in page.requests)
    assert len(shown(page)) == len(written[1].claims)
    assert page.locator(".position").inner_text() == f"{len(written[1].claims)} claims"


def test_filters_show_exactly_the_claims_they_name(
    page: Any, written: tuple[Path, Coverage]
) -> None:
    coverage = written[1]
    page.get_by_role("button", name="Disputed facts").click()
    assert shown(page) == [c.id for c in coverage.disputed]
    assert page.locator(".position").inner_text() == f"{len(coverage.disputed)} claims"
    page.get_by_role("button", name="Quotes").click()
    assert shown(page) == [c.id for c in coverage.claims if c.quote]
    page.get_by_role("button", name="Left out somewhere").click()
    every = len(coverage.outlets)
    assert shown(page) == [c.id for c in coverage.claims if len(c.outlets) < every]
    for doc in coverage.outlets:
        label = coverage.labels[doc]
        button = page.get_by_role("button", name=f"Only in {label}", exact=False)
        if not coverage.unique(doc):  # nothing of its own to show: no filter to press
            assert button.is_disabled()
            continue
        button.click()
        assert button.get_attribute("aria-pressed") == "true"
        assert shown(page) == [c.id for c in coverage.unique(doc)]
    page.get_by_role("button", name="All claims").click()
    assert len(shown(page)) == len(coverage.claims)


def test_filters_work_from_the_keyboard(page: Any, written: tuple[Path, Coverage]) -> None:
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # Previous
    page.keyboard.press("Tab")  # Next
    page.keyboard.press("Tab")  # All claims
    page.keyboard.press("Tab")  # Disputed facts
    assert page.evaluate("document.activeElement.textContent") == "Disputed facts"
    page.keyboard.press("Enter")
    assert shown(page) == [c.id for c in written[1].disputed]


def test_empty_cells_are_plainly_empty_and_named_for_screen_readers(
    page: Any, written: tuple[Path, Coverage]
) -> None:
    coverage = written[1]
    absent = sum(len(coverage.outlets) - len(c.outlets) for c in coverage.claims)
    cells = page.locator("td.absent")
    assert cells.count() == absent
    # Nothing shows but the hatching and the style sheet's dash (the hatching is faint in
    # the dark theme and flat on paper); only a screen reader hears whose cell it is.
    seen = cells.evaluate_all(
        "cells => cells.map(c => [c.children.length, c.firstElementChild.className,"
        " c.firstElementChild.textContent, c.textContent])"
    )
    for children, kind, hidden, text in seen:
        assert (children, kind) == (1, "vh")
        assert hidden == text.strip()
        assert hidden.startswith("not carried by ")


def test_changed_words_are_marked_in_the_cells(page: Any) -> None:
    # The Daily Ledger's "three cracks" against "four cracks" in the first claim.
    row = page.locator("tr.claim").first
    assert "three" in " ".join(row.locator("td.disputed ins").all_inner_texts())
    assert row.locator("td.disputed .flag").inner_text() == "disputed"


def test_word_changes_can_be_hidden_to_read_each_outlet_plainly(
    page: Any, written: tuple[Path, Coverage]
) -> None:
    coverage = written[1]
    claim = coverage.claims[0]
    (dispute,) = claim.disagreements
    outlet = next(doc for doc, value in dispute.values if "three" in value)
    column = coverage.outlets.index(outlet) + 2  # after the claim column, counted from 1
    cell = page.locator(f"tr.claim >> nth=0 >> td:nth-child({column}) .wording")
    marked = cell.inner_text()
    button = page.get_by_role("button", name="Word changes")
    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    plain = cell.inner_text()
    # Only the outlet's own words remain: nothing struck through, no "added:" labels.
    assert cell.locator("del").first.is_hidden()
    assert " ".join(plain.split()) == claim.member(outlet).text  # type: ignore[union-attr]
    assert len(plain) < len(marked)
    button.click()
    assert cell.locator("del").first.is_visible()


def test_a_link_to_a_hidden_claim_shows_it(page: Any, written: tuple[Path, Coverage]) -> None:
    coverage = written[1]
    page.get_by_role("button", name="Disputed facts").click()
    hidden = next(c.id for c in coverage.claims if not c.disagreements)
    page.evaluate(f"window.location.hash = '{hidden}'")
    page.wait_for_function(f"document.getElementById('{hidden}').checkVisibility()")
    assert page.locator(f"#{hidden}").get_attribute("class") == "claim current"


def test_heat_map_links_open_the_pairwise_reports(
    page: Any, written: tuple[Path, Coverage]
) -> None:
    coverage = written[1]
    links = page.locator(".heatmap a")
    n = len(coverage.outlets)
    assert links.count() == n * (n - 1)
    # Each outlet card links to its side-by-side report with every other outlet too.
    cards = page.locator(".outlet .pairs a")
    assert cards.count() == n * (n - 1)
    assert set(cards.evaluate_all("a => a.map(x => x.href)")) == set(
        links.evaluate_all("a => a.map(x => x.href)")
    )
    links.first.click()
    page.wait_for_selector("html[data-ready='true']")
    assert page.url.endswith("-AB.html")
    assert page.locator(".row").count() > 0
    assert page.errors == []


def test_phone_width_scrolls_the_matrix_not_the_page(
    browser: Any, written: tuple[Path, Coverage], artifacts: Path
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(written[0].as_uri())
    page.wait_for_selector("html[data-ready='true']")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    scroller = page.locator("#matrix .scroller")
    assert scroller.evaluate("s => s.scrollWidth > s.clientWidth")
    page.screenshot(path=str(artifacts / "coverage-phone.png"))
    context.close()


def in_view(page: Any, selector: str, width: int) -> list[str]:
    """The texts of the ``selector`` elements that reach past ``width`` or off the left."""
    return page.eval_on_selector_all(
        selector,
        f"""els => els.filter(e => {{
            const box = e.getBoundingClientRect();
            return box.left < 0 || box.right > {width};
        }}).map(e => e.textContent)""",
    )


def test_at_320_px_the_heat_map_fits_with_the_outlets_named_for_screen_readers(
    browser: Any, written: tuple[Path, Coverage], artifacts: Path
) -> None:
    # The rows' outlet names made the five-outlet heat map 550 px wide: it scrolled
    # sideways on every phone. Keys name the rows there, as they name the columns.
    context = browser.new_context(viewport={"width": 320, "height": 700}, is_mobile=True)
    page = context.new_page()
    page.goto(written[0].as_uri())
    page.wait_for_selector("html[data-ready='true']")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    scroller = page.locator(".heat .scroller")
    assert scroller.evaluate("s => s.scrollWidth <= s.clientWidth")
    assert in_view(page, ".heatmap th, .heatmap td", 320) == []
    labels = written[1].labels
    names = page.locator(".heatmap tbody th").all_text_contents()
    assert [" ".join(n.split()[1:]) for n in names] == [labels[d] for d in written[1].outlets]
    assert (
        f'rowheader "A {labels[written[1].outlets[0]]}"' in page.locator(".heatmap").aria_snapshot()
    )
    page.locator(".heat").screenshot(path=str(artifacts / "coverage-heat-320.png"))
    context.close()


def test_at_320_px_a_side_by_side_reports_counts_fit_turned_on_their_side(
    browser: Any, written: tuple[Path, Coverage], artifacts: Path
) -> None:
    # Five columns of counts needed 350 px: "removed" and "moved" were cut off at the edge
    # of a 320-pixel screen, to be scrolled to. On a phone the kinds of block are rows.
    context = browser.new_context(viewport={"width": 320, "height": 700}, is_mobile=True)
    page = context.new_page()
    page.goto(written[0].with_name(f"{written[0].stem}-AB.html").as_uri())
    page.wait_for_selector("html[data-ready='true']")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.locator(".summary .scroll").evaluate("s => s.scrollWidth <= s.clientWidth")
    assert in_view(page, ".counts th, .counts td", 320) == []
    # Each kind's counts sit on its line, under "Paragraphs" and "Sentences".
    tops = page.eval_on_selector_all(
        ".counts th, .counts td",
        "cells => cells.map(c => Math.round(c.getBoundingClientRect().top))",
    )
    assert tops[:6] == tops[6:12] == tops[12:18] and len(set(tops[:6])) == 6
    # Still a table with its headers for a screen reader.
    tree = page.locator(".counts").aria_snapshot()
    assert 'rowheader "Paragraphs"' in tree and 'columnheader "removed"' in tree
    page.locator(".summary .scroll").screenshot(path=str(artifacts / "coverage-counts-320.png"))
    context.close()


def test_dark_theme_switches_colours(page: Any, artifacts: Path) -> None:
    before = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.get_by_role("button", name="Dark theme").click()
    after = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert before != after
    assert page.get_by_role("button", name="Dark theme").get_attribute("aria-pressed") == "true"
    page.screenshot(path=str(artifacts / "coverage-dark.png"), full_page=True)


CONTRAST = """els => els.map(el => {
  // rgb(r, g, b) from most colours; color(srgb r g b) in 0..1 from color-mix().
  const rgb = s => {
    const v = s.match(/[\\d.]+/g).slice(0, 3).map(Number);
    return s.startsWith("color(") ? v.map(x => x * 255) : v;
  };
  const lum = c => {
    const [r, g, b] = c.map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  let node = el, bg = null;
  while (node && !bg) {
    const c = getComputedStyle(node).backgroundColor;
    if (!/^rgba\\(0, 0, 0, 0\\)$|^transparent$/.test(c)) bg = c;
    node = node.parentElement;
  }
  const a = lum(rgb(getComputedStyle(el).color)), b = lum(rgb(bg));
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
})"""


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_heat_map_and_marks_meet_wcag_aa(page: Any, theme: str) -> None:
    page.evaluate(f"document.documentElement.setAttribute('data-theme', '{theme}')")
    for selector in (".heatmap td a", ".mark", ".dispute", ".ctag", ".key", ".rep"):
        ratios = page.locator(selector).evaluate_all(CONTRAST)
        assert ratios, selector
        assert min(ratios) >= 4.5, (selector, min(ratios))


def test_arabic_outlet_names_in_a_dispute_stay_beside_their_own_figure(
    browser: Any, tmp_path: Path
) -> None:
    # "“12” — <Arabic name>, <Arabic name>; “14” — <Arabic name>" unisolated: the bidi
    # algorithm ran the names and the second figure together, and "12" showed beside the
    # outlet that said 14.
    from compare.model import Document, Paragraph, Provenance
    from compare.render.coverage_html import render_coverage
    from compare.text import split_sentences

    def outlet(site: str, dead: int) -> Document:
        paragraphs = [
            f"لقي {dead} شخصا حتفهم وأصيب 23 آخرون عندما سقطت حافلة تقل 41 راكبا في واد قرب "
            "بلدة كاستيلان صباح الخميس.",
            "وقالت الشرطة إنها فتحت تحقيقا وإن السائق بين القتلى.",
        ]
        return Document(
            paragraphs=tuple(Paragraph(p, tuple(split_sentences(p))) for p in paragraphs),
            site_name=site,
            language="ar",
            provenance=Provenance(spec=f"{dead}.html"),
        )

    names = ["وكالة الأنباء", "صحيفة الشمال", "جريدة الوادي"]
    coverage = compare_many([outlet(names[0], 12), outlet(names[1], 14), outlet(names[2], 12)])
    path = tmp_path / "ar.html"
    path.write_text(render_coverage(coverage, generated_at="2026-11-20T00:00:00Z"), "utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(path.as_uri())
    # Left to right, as the English sentence reads: the 12 and its two outlets, then on a
    # line of its own (each side has one) the 14 and the outlet that gave it.
    boxes = page.eval_on_selector(
        ".disputes .what",
        """(line, words) => words.map(w => {
            const range = document.createRange();
            const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                if (n.parentElement.closest('.about')) continue;  // the claim's wording
                const at = n.data.indexOf(w);
                if (at >= 0) {
                    range.setStart(n, at);
                    range.setEnd(n, at + w.length);
                    const box = range.getBoundingClientRect();
                    return [box.left, box.top];
                }
            }
            return null;
        })""",
        ["12", names[0], names[2], "14", names[1]],
    )
    assert None not in boxes, boxes
    lefts = [left for left, _ in boxes]
    assert lefts[:3] == sorted(lefts[:3]) and lefts[3:] == sorted(lefts[3:]), boxes
    assert boxes[3][1] > boxes[2][1] and abs(lefts[3] - lefts[0]) < 1, boxes
    context.close()


@pytest.mark.parametrize("width", [1366, 1024, 390])
def test_the_outlets_names_stay_in_view_above_a_claim_far_down_the_matrix(
    browser: Any, written: tuple[Path, Coverage], width: int
) -> None:
    # Read down to the tenth claim, the column heads that say which outlet is which had
    # scrolled away with the first rows.
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    page.goto(written[0].as_uri())
    page.wait_for_selector("html[data-ready='true']")
    last = page.locator("tr.claim").nth(9)
    last.scroll_into_view_if_needed()
    # Two frames: the scroll event (which places the heads) comes with the next one.
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    head = page.locator("#matrix thead th").nth(1).bounding_box()
    row = last.bounding_box()
    assert head is not None and row is not None
    assert head["y"] >= 0 and head["y"] + head["height"] < row["y"] + row["height"], (head, row)
    # And nothing paints over it: the header is what the browser finds at its centre.
    found = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('thead') !== null",
        [head["x"] + head["width"] / 2, head["y"] + head["height"] / 2],
    )
    assert found
    context.close()


@pytest.mark.parametrize("count", [6, 10])
def test_at_320_px_a_heat_map_of_many_outlets_fits_readably(
    browser: Any, tmp_path: Path, artifacts: Path, count: int
) -> None:
    # Six outlets or more scrolled inside the heat map's box at 320 px ("100 %" needs more
    # than the ~22 px a cell has): the cells drop the per cent sign there (the note names
    # the unit, screen readers still hear it) and shrink to their figures.
    from compare.multi import CoverageOptions
    from compare.render.coverage_html import render_coverage

    kept = [p for p in sorted(STORY.glob("*.html")) if "archive" not in p.name]
    documents = [load(str(kept[i % len(kept)])) for i in range(count)]
    labels = tuple(f"Outlet number {i + 1}" for i in range(count))
    coverage = compare_many(documents, CoverageOptions(labels=labels, force=True))
    path = tmp_path / "many.html"
    path.write_text(
        render_coverage(coverage, generated_at="2026-01-01T00:00:00Z", pair_href=lambda a, b: "#"),
        encoding="utf-8",
    )
    for width in (320, 1366):
        context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=True)
        page = context.new_page()
        page.goto(path.as_uri())
        page.wait_for_selector("html[data-ready='true']")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.locator(".heat .scroller").evaluate("s => s.scrollWidth <= s.clientWidth")
        assert in_view(page, ".heatmap th, .heatmap td", width) == []
        cells = page.locator(".heatmap tbody td")
        assert cells.count() == count * count
        # Each figure whole on one line inside its cell, in type a phone can read.
        assert (
            cells.evaluate_all(
                "cs => cs.filter(c => c.scrollWidth > c.clientWidth || c.getClientRects().length"
                " !== 1 || c.getBoundingClientRect().height > 40).length"
            )
            == 0
        )
        assert float(cells.first.evaluate("c => parseFloat(getComputedStyle(c).fontSize)")) >= 11
        sign = page.locator(".heatmap td a .pct").first.evaluate(
            "s => s.getBoundingClientRect().width"
        )
        unit = page.locator(".heat .note").inner_text()
        if width == 320:
            assert sign <= 1 and "(in per cent)" in unit
            page.locator(".heat").screenshot(path=str(artifacts / f"coverage-heat-{count}-320.png"))
        else:
            assert sign > 5 and "per cent" not in unit
        # A screen reader hears the outlets and the unit either way.
        tree = page.locator(".heatmap").aria_snapshot()
        assert re.search(r"Outlet number 1 and Outlet number 2: \d+ %", tree), tree
        context.close()


def test_printed_report_is_small_and_still_marks_what_an_outlet_left_out(
    page: Any, tmp_path: Path
) -> None:
    """Hatched cells printed as one bitmap each: a PDF of tens of megabytes, too big to
    mail. In print an absent cell is a flat tint, drawn as a rectangle."""
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.stat().st_size < 2_000_000
    page.emulate_media(media="print")
    tint = page.eval_on_selector(".matrix td.absent", "td => getComputedStyle(td).backgroundColor")
    assert tint not in ("rgba(0, 0, 0, 0)", "transparent")


def test_outlet_keys_print_dark_on_paper(page: Any) -> None:
    """The keys were light letters on a dark chip; printers drop the chip."""
    page.emulate_media(media="print")
    colours = page.eval_on_selector_all(
        ".heatmap thead .key, .outlets .key",
        "ks => ks.map(k => [getComputedStyle(k).color, getComputedStyle(k).backgroundColor])",
    )
    assert colours and all(
        fg == "rgb(29, 29, 27)" and bg == "rgba(0, 0, 0, 0)" for fg, bg in colours
    ), colours


def test_outlet_cards_print_side_by_side_on_a4(page: Any) -> None:
    """A4 is narrower than the 800 px where the cards stack one per line: they filled
    the first page."""
    page.set_viewport_size({"width": 718, "height": 1000})
    page.emulate_media(media="print")
    tops = page.eval_on_selector_all(
        ".outlets > *", "cs => cs.map(c => Math.round(c.getBoundingClientRect().top))"
    )
    assert len(tops) >= 4 and tops[0] == tops[1]


# ---- newsroom notes: a correction shown as what it is, apart from the claims

_BREAK = (
    "A water main broke under Harlow Avenue before dawn on Tuesday, flooding two blocks.",
    "About 2,100 households lost water service, the utilities department said.",
    "Crews expect to finish the repair by Wednesday evening.",
)
_NOTE_CORRECTION = (
    "Correction: An earlier version of this article misstated the number of households that "
    "lost water service. It was about 2,100, not 1,200."
)
_NOTE_UPDATE = "Update (3 p.m.): Police have reopened one lane of Harlow Avenue."


@pytest.fixture(scope="module")
def noted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Coverage]:
    """Three outlets: one carries a correction, one an update that is news."""
    from compare.model import Document, Paragraph, Provenance
    from compare.render.coverage_html import render_coverage
    from compare.text import split_sentences

    def outlet(site: str, *paragraphs: str) -> Document:
        return Document(
            paragraphs=tuple(Paragraph(p, tuple(split_sentences(p))) for p in paragraphs),
            site_name=site,
            provenance=Provenance(spec=f"{site}.txt"),
        )

    coverage = compare_many(
        [
            outlet("The Lakeshore Ledger", *_BREAK, _NOTE_CORRECTION),
            outlet("Associated Wire", *_BREAK, "Police reopened one lane of Harlow Avenue."),
            outlet("WKTV 6 News", *_BREAK, _NOTE_UPDATE),
        ]
    )
    path = tmp_path_factory.mktemp("notes") / "notes.html"
    path.write_text(render_coverage(coverage, generated_at="2026-05-01T12:00:00Z"), "utf-8")
    return path, coverage


def test_newsroom_notes_are_a_section_of_their_own_reached_by_heading_and_keyboard(
    browser: Any, noted: tuple[Path, Coverage], artifacts: Path
) -> None:
    path, coverage = noted
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_selector("html[data-ready='true']")
    assert errors == []
    heading = page.get_by_role("heading", name="Newsroom notes", level=2)
    assert heading.is_visible()
    items = page.locator(".newsroom li").all_inner_texts()
    claim = coverage.notes[1].claims[0]
    assert [" ".join(i.split()) for i in items] == [
        f"A The Lakeshore Ledger carries a correction (¶ 4): {_NOTE_CORRECTION}",
        f"C WKTV 6 News carries an update (¶ 4), counted as claim {claim}: {_NOTE_UPDATE}",
    ]
    # The note's words are quoted (<q>: the marks come from the browser).
    quotes = page.locator(".newsroom q").first.evaluate(
        "q => [getComputedStyle(q, '::before').content, getComputedStyle(q, '::after').content]"
    )
    assert all(mark not in ("none", "normal", '""') for mark in quotes), quotes
    # A screen reader hears the outlet's name once: the key beside it is hidden from it.
    tree = page.locator(".newsroom").aria_snapshot()
    assert "The Lakeshore Ledger carries a correction" in tree and "A The Lakeshore" not in tree
    # The correction is no claim: the Ledger has nothing "only in" it.
    assert page.get_by_role(
        "button", name="Only in The Lakeshore Ledger", exact=False
    ).is_disabled()
    assert "Correction" not in " ".join(page.locator("tr.claim").all_inner_texts())
    # The outlet's card names its note and leads to the section.
    card = page.locator(".outlet").first
    card.get_by_role("link", name="a correction").click()
    page.wait_for_url("**#notes-title")
    bar = page.locator(".toolbar").evaluate("b => b.getBoundingClientRect().bottom")
    assert heading.evaluate("h => h.getBoundingClientRect().top") >= bar  # not under it
    # The update's claim link is reached from the keyboard and shows its row, whatever
    # filter hid it.
    page.get_by_role("button", name="Disputed facts").click()
    link = page.locator(f".newsroom a[href='#{claim}']")
    link.focus()
    page.keyboard.press("Enter")
    page.locator(f"#{claim}").wait_for(state="visible")
    page.screenshot(path=str(artifacts / "coverage-notes.png"), full_page=True)
    context.close()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_newsroom_notes_meet_wcag_aa_and_fit_a_phone(
    browser: Any, noted: tuple[Path, Coverage], theme: str
) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 700}, is_mobile=True)
    page = context.new_page()
    page.goto(noted[0].as_uri())
    page.wait_for_selector("html[data-ready='true']")
    page.evaluate(f"document.documentElement.setAttribute('data-theme', '{theme}')")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert in_view(page, ".newsroom li", 320) == []
    for selector in (".newsroom li", ".newsroom q", ".newsroom a", ".notes .note"):
        ratios = page.locator(selector).evaluate_all(CONTRAST)
        assert ratios and min(ratios) >= 4.5, (selector, ratios)
    context.close()
