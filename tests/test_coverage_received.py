"""The coverage report as received by an editor who did not run storydiff: what the outlets
disagree on comes first, a disputed fact's sides are told apart, every mark is more than a
colour, the claims can be walked with the keyboard and the outlets' addresses are on paper.
Plain HTML-string checks; tests/browser/test_coverage_received_browser.py looks at the page.
Stories written for this project."""

from __future__ import annotations

import re
from pathlib import Path

from test_coverage_own_words import LEDES, REST
from test_multi import doc

from compare import compare_many, load
from compare.render.coverage_html import render_coverage

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ONLY_COURIER = "A school in Eastgate will stay closed until Thursday, its head teacher said."


def _page() -> str:
    documents = [doc(lede, *REST, site=site) for site, lede in LEDES.items()]
    courier = documents[2]
    documents[2] = doc(*(p.text for p in courier.paragraphs), ONLY_COURIER, site="Courier")
    return render_coverage(compare_many(documents), generated_at="2026-11-28T07:00:00Z")


def test_what_the_outlets_disagree_on_comes_before_the_outlets_cards() -> None:
    """Five outlets' cards filled a laptop's first screen and a phone's first three: the
    disputed facts were below them."""
    page = _page()
    assert page.index('<p class="gist">') < page.index("Facts the outlets disagree on")
    assert page.index("Facts the outlets disagree on") < page.index('<ol class="outlets">')
    assert page.index('<ol class="outlets">') < page.index('id="matrix"')
    # The cards are a region of their own, named, now that the header holds only the title.
    assert '<section class="outlets-wrap" aria-label="The outlets">' in page


def test_each_side_of_a_disputed_fact_is_a_span_of_its_own_in_the_summary_and_the_matrix() -> None:
    page = _page()
    sides = (
        '<span class="stance">“<bdi>About 2,300 people</bdi>” — <bdi>Wire</bdi>; '
        "“<bdi>Around 2,300 residents</bdi>” — <bdi>Gazette</bdi></span>"
        '<span class="vs"> / </span>'
        '<span class="stance">“<bdi>About 3,000 people</bdi>” — <bdi>Courier</bdi></span>'
    )
    assert page.count(sides) == 2  # the summary's line and the claim's own
    # The summary's link names the claim for a screen reader's list of links ("c1" alone),
    # and the line says what the fact is about ("About 3,000 people" of what?): the claim's
    # wording between the label and the sides.
    line = page.split('<ul class="keys disputes">')[1].split("</ul>")[0].strip()
    assert line == (
        '<li><a href="#c1"><span class="vh">claim </span>c1</a> <span class="what" dir="auto">'
        'number: <span class="about" dir="auto">About 2,300 people were evacuated from the '
        "Riverside district of Marlow on Monday after the River Tam burst its banks, the county "
        f'council said.</span><span class="vh"> The outlets say: </span>{sides}</span></li>'
    )


def test_a_cell_an_outlet_left_empty_shows_a_dash_and_names_the_outlet() -> None:
    """Told by the hatching alone, which is faint in the dark theme and flat on paper."""
    page = _page()
    absent = re.findall(r'<td class="mc absent">(.*?)</td>', page)
    assert absent == [
        f'<span class="vh">not carried by {name}</span>' for name in ("Wire", "Gazette")
    ]
    # The dash is the style sheet's, silent for screen readers (the hidden text speaks).
    assert '.matrix td.absent::before { content: "—"; content: "—" / "";' in page
    legend = page.split('<p class="legend">')[1].split("</p>")[0]
    assert '<span class="mark absent" aria-hidden="true">—</span> empty' in legend


def test_previous_and_next_claim_are_buttons_with_their_keys_shown() -> None:
    page = _page()
    toolbar = page.split('<nav class="toolbar"')[1].split("</nav>")[0]
    assert 'data-action="prev" title="Previous claim (k)" aria-keyshortcuts="k"' in toolbar
    assert 'data-action="next" title="Next claim (j)" aria-keyshortcuts="j"' in toolbar
    assert (
        '<kbd aria-hidden="true">j</kbd>' in toolbar
        and '<kbd aria-hidden="true">k</kbd>' in toolbar
    )
    # The position is said once, in the row that stays on screen.
    assert toolbar.count('role="status"') == 1
    assert toolbar.index('data-action="next"') < toolbar.index('role="status"')


def test_the_tables_are_named_by_their_headings() -> None:
    page = _page()
    assert '<table aria-labelledby="matrix-title" class="matrix n-3">' in page
    assert '<table aria-labelledby="heat-title" class="heatmap">' in page
    assert page.count('<th scope="row" class="claimcol">') == 4
    assert page.count('<th scope="col"><span class="key">') == 3


def test_an_outlets_address_is_whole_for_paper_and_a_script_address_is_not_linked(
    tmp_path: Path,
) -> None:
    story = FIXTURES / "multi-bridge-closure"
    names = ("wire.html", "courier.html", "gazette.html")
    page = render_coverage(
        compare_many([load(str(story / name)) for name in names]),
        generated_at="2026-11-28T07:00:00Z",
    )
    link = re.search(r'<dt>URL</dt><dd><a href="([^"]+)"[^>]*>(.*?)</a>', page)
    assert link is not None
    url, text = link.groups()
    # The day and the time each kept whole, so a narrow card breaks between them.
    assert (
        '<time datetime="2026-04-14T14:05:00Z"><span class="whole">2026-04-14</span> '
        '<span class="whole">14:05</span></time>'
    ) in page
    assert url.startswith("https://") and "/" in url.removeprefix("https://")
    assert text == f'<span class="host">{url.split("/")[2].removeprefix("www.")}</span>' + (
        f'<span class="full">{url}</span>'
    )


def _hostile(folder: Path, name: str, figure: str) -> Path:
    path = folder / f"{name}.html"
    path.write_text(
        "<!DOCTYPE html><html lang='en'><head>"
        f"<title>Flood <script>alert('t')</script> closes road {name}</title>"
        f"<meta property='og:site_name' content='{name} &lt;img src=x onerror=alert(1)&gt;'>"
        "<meta name='author' content='&lt;a href=&quot;javascript:alert(1)&quot;&gt;J&lt;/a&gt;'>"
        "<link rel='canonical' href='javascript:alert(2)'></head><body><article>"
        "<h1>Flood &lt;script&gt;alert('h')&lt;/script&gt; closes "
        "<a href='javascript:alert(3)'>road</a></h1>"
        "<p class='byline'>By <a href='javascript:alert(4)'>Jane &lt;img src=x "
        "onerror=alert(5)&gt; Doe</a></p>"
        "<p>About 2,300 people <img src='http://127.0.0.1:9/x.png' onerror='alert(6)'> were "
        "evacuated from the Riverside district of Marlow on Monday after the river burst its "
        "banks &lt;script&gt;alert(7)&lt;/script&gt;, the council said.</p>"
        "<p>The council opened three rest centres in schools and said the water would peak on "
        "Tuesday <a href='javascript:alert(8)'>more</a>.</p><script>alert(9)</script>"
        f"<p>Fire crews rescued {figure} drivers from cars trapped on the Eastgate road, "
        "officials said on Monday evening.</p>"
        "<iframe src='http://127.0.0.1:9/'></iframe></article></body></html>",
        encoding="utf-8",
    )
    return path


def test_hostile_headlines_bylines_and_bodies_are_inert_text(tmp_path: Path) -> None:
    paths = [_hostile(tmp_path, n, f) for n, f in (("a", "4"), ("b", "4"), ("c", "5"))]
    page = render_coverage(
        compare_many([load(str(p)) for p in paths]), generated_at="2026-11-28T07:00:00Z"
    )
    assert page.count("<script") == 1  # the report's own
    assert "javascript:" not in page.lower()
    assert not re.search(r"<(img|iframe|a\s[^>]*onerror)", page, re.IGNORECASE)
    assert " onerror=" not in page.replace("onerror=alert(1)&gt;", "").replace(
        "onerror=alert(5)&gt;", ""
    )
    assert "&lt;script&gt;alert(&#39;h&#39;)&lt;/script&gt;" in page  # shown, as text
    # The disputed figure reads in the summary with each outlet's name escaped.
    assert "“<bdi>4 drivers</bdi>”" in page and "&lt;img src=x onerror=alert(1)&gt;" in page


def test_a_date_in_words_is_shown_as_the_page_gives_it() -> None:
    """Every "T" became a space ("Tuesday" read " uesday") and the date was cut at 16
    letters, its year lost."""
    documents = [
        doc(lede, *REST, site=site, published="Tuesday 14 April 2026")
        for site, lede in LEDES.items()
    ]
    page = render_coverage(compare_many(documents), generated_at="2026-11-28T07:00:00Z")
    assert '<time datetime="Tuesday 14 April 2026">Tuesday 14 April 2026</time>' in page
