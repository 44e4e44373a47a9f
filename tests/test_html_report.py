"""The HTML report: structure, escaping, the Content-Security-Policy, hostile pages,
determinism, languages, template overrides and the colour contrast of both themes."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from browser.story import build, sample_comparison
from comparison_samples import RIVER, split_up
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from compare import compare, load
from compare.cli import app
from compare.errors import InputError
from compare.model import (
    Block,
    Change,
    Comparison,
    Document,
    Paragraph,
    Provenance,
    SentenceBlock,
    Summary,
    WordOp,
)
from compare.render import json as render_json
from compare.render import markdown as render_markdown
from compare.render import text as render_text
from compare.render.html import (
    STATIC,
    cut_fragments,
    fragments_html,
    render_comparison,
    side_fragments,
)
from compare.schema import load_schema
from compare.text import split_sentences
from compare.worddiff import word_diff

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
HOSTILE = FIXTURES / "hostile"
AT = "2026-03-04T15:01:00Z"


class Page(HTMLParser):
    """Every element with its attributes, the text outside script/style, and the contents
    of script and style elements."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._in: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag in self.raw:
            self._in = tag
            self.raw[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.raw[self._in][-1] += data
        else:
            self.text.append(data)

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.elements if tag == name]

    def by_id(self, element_id: str) -> dict[str, str | None]:
        (found,) = [attrs for _, attrs in self.elements if attrs.get("id") == element_id]
        return found


def render(comparison: Comparison | None = None, **kwargs: object) -> str:
    return render_comparison(comparison or sample_comparison(), generated_at=AT, **kwargs)  # type: ignore[arg-type]


def row_html(html: str, anchor: str) -> str:
    """The markup of one row, from its opening tag to the next row or fold."""
    start = html.index(f'id="{anchor}"')
    end = re.compile(r'<div class="row |<details|</section>').search(html, start + 1)
    assert end is not None
    return html[start : end.start()]


# --------------------------------------------------------------------------- structure


def test_every_block_is_one_row_with_an_anchor() -> None:
    comparison = sample_comparison()
    page = Page(render(comparison))
    rows = [attrs for _, attrs in page.elements if "row" in (attrs.get("class") or "").split()]
    ids = [attrs["id"] for attrs in rows]
    assert len(ids) == len(set(ids))
    blocks = [i for i in ids if i and not i.endswith("-was")]
    assert blocks == [f"b{n}" for n in range(1, len(comparison.blocks) + 1)]


def test_reworded_row_shows_word_level_changes_on_each_side() -> None:
    html = render()
    row = row_html(html, "b1")
    old, new = row.split('<div class="cell new">')[0], row.split('<div class="cell new">')[1]
    assert '<del><span class="vh" dir="ltr">removed: </span>12</del>' in old
    assert "<ins>" not in old
    assert (
        '<ins><span class="vh" dir="ltr">added: </span>at least 14</ins>'
        in new.split('class="cell uni"')[0]
    )
    assert "reworded · 80% alike" in row
    unified = row.split('class="cell uni"')[1]
    assert unified.index("12</del>") < unified.index("at least 14</ins>")


def test_a_word_diff_that_does_not_spell_the_sentences_is_redone() -> None:
    comparison = sample_comparison()
    first = next(i for i, b in enumerate(comparison.sentences) if b.op == "reworded")
    broken = replace(comparison.sentences[first], words=(WordOp("replace", "x", "y"),))
    sentences = list(comparison.sentences)
    sentences[first] = broken
    html = render(replace(comparison, sentences=tuple(sentences)))
    assert '<del><span class="vh" dir="ltr">removed: </span>12</del>' in row_html(html, "b1")
    assert ">x</del>" not in html and ">y</ins>" not in html


def test_warnings_come_first_in_the_summary() -> None:
    comparison = sample_comparison()
    warned = replace(
        comparison,
        summary=replace(comparison.summary, warnings=("NEW has 30% of OLD's words: <check>",)),
    )
    html = render(warned)
    note = html.split('<div class="warnings" role="note">')[1].split("</div>")[0]
    assert "NEW has 30% of OLD&#39;s words: &lt;check&gt;" in note
    assert html.index("warnings") < html.index('<table class="counts">')


def test_unified_cell_strikes_a_dropped_sentence_where_it_stood() -> None:
    old = ["Police closed the road. Two lorries were stuck. The road reopened at noon."]
    new = ["Police closed the road. The road reopened at 2 p.m."]
    html = render(build(old, new, [("reworded", (0,), (0,), False)]))
    unified = row_html(html, "b1").split('class="cell uni"')[1]
    assert (
        unified.index("Police closed the road.")
        < unified.index("Two lorries were stuck.</del>")
        < unified.index("noon</del>")
        < unified.index("2 p.m</ins>")
    )


def test_every_mark_has_a_label_for_screen_readers() -> None:
    html = render()
    for tag, label in (("ins", "added: "), ("del", "removed: ")):
        opened = re.findall(rf"<{tag}>(.{{0,60}})", html)
        assert opened
        assert all(o.startswith(f'<span class="vh" dir="ltr">{label}</span>') for o in opened)


def test_a_sentence_moved_to_another_paragraph_links_both_ways() -> None:
    old = Document(
        paragraphs=(
            Paragraph("Rain fell. Roads flooded.", ("Rain fell.", "Roads flooded.")),
            Paragraph("Schools shut.", ("Schools shut.",)),
        )
    )
    new = Document(
        paragraphs=(
            Paragraph("Rain fell.", ("Rain fell.",)),
            Paragraph("Schools shut. Roads flooded.", ("Schools shut.", "Roads flooded.")),
        )
    )
    comparison = Comparison(
        old=old,
        new=new,
        blocks=(Block("reworded", (0,), (0,), 0.6), Block("reworded", (1,), (1,), 0.6)),
        sentences=(
            SentenceBlock("equal", ((0, 0),), ((0, 0),), 1.0),
            SentenceBlock("equal", ((0, 1),), ((1, 1),), 1.0, moved=True),
            SentenceBlock("equal", ((1, 0),), ((1, 0),), 1.0),
        ),
        summary=Summary({"reworded": 2}, {"equal": 3, "moved": 1}, 0.8),
    )
    html = render(comparison)
    first, second = row_html(html, "b1"), row_html(html, "b2")
    moved = (
        '<span class="mv"><span class="vh" dir="ltr">moved sentence: </span>Roads flooded.</span>'
    )
    assert moved + ' <a class="mvlink" href="#b2">to ¶ 2</a>' in first.split("cell new")[0]
    assert moved + ' <a class="mvlink" href="#b1">from old ¶ 1</a>' in second.split("cell new")[1]


def test_a_sentence_that_changed_paragraph_in_order_is_linked_at_both_ends() -> None:
    # Not a move (the order held), but the sentence left its row: as the text view says
    # "(now in ¶ 2)" and "(was in old ¶ 1)", each end links to the other.
    from test_render_text import sentence_to_next_paragraph_in_order

    html = render(sentence_to_next_paragraph_in_order())
    first, second = row_html(html, "b1"), row_html(html, "b2")
    sentence = "Repairs are expected to take two weeks."
    assert sentence + ' <a class="mvlink" href="#b2">now in ¶ 2</a>' in first.split("cell new")[0]
    assert sentence + ' <a class="mvlink" href="#b1">was in old ¶ 1</a>' in second


def test_a_move_is_shown_where_it_was_and_where_it_went_with_links_both_ways() -> None:
    html = render()
    page = Page(html)
    destination, origin = row_html(html, "b2"), row_html(html, "b2-was")
    assert '<a href="#b2-was">moved from old ¶ 12 ↓</a>' in destination
    assert '<a href="#b2">moved to ¶ 2 ↑</a>' in origin
    assert "moved" in (page.by_id("b2")["class"] or "").split()
    # The origin sits between the paragraphs that surrounded it in OLD (¶ 11 and ¶ 13).
    order = [attrs.get("id") for _, attrs in page.elements if attrs.get("id", "").startswith("b")]  # type: ignore[union-attr]
    assert order.index("b2-was") == order.index("b12") + 1


def test_split_is_one_row_and_added_removed_have_an_empty_cell_opposite() -> None:
    html = render()
    split = row_html(html, "b4")
    assert "split into 2 paragraphs" in split
    assert split.count('<p dir="auto">') == 3  # one old paragraph, two new ones
    removed, added = row_html(html, "b17"), row_html(html, "b18")
    assert '<div class="cell new empty"><span class="vh">Not in the new version</span>' in removed
    assert '<div class="cell old empty"><span class="vh">Not in the old version</span>' in added
    page = Page(html)
    assert "op-removed" in (page.by_id("b17")["class"] or "").split()
    assert "op-added" in (page.by_id("b18")["class"] or "").split()


def test_a_cosmetic_difference_is_noted_but_not_a_change() -> None:
    comparison = sample_comparison()
    blocks = list(comparison.blocks)
    blocks[4] = replace(blocks[4], cosmetic=True)
    html = render(replace(comparison, blocks=tuple(blocks)))
    assert "only spacing, quotes or punctuation differ" in row_html(html, "b5")
    assert "chg" not in (Page(html).by_id("b5")["class"] or "").split()


def test_a_paragraph_split_with_no_word_changed_is_called_a_split() -> None:
    texts, document = RIVER, split_up
    split = [texts[0], *split_sentences(texts[1]), texts[2]]
    html = render(compare(document(texts), document(split)))
    summary = html.split('class="diff"')[0]
    # Not "Moved" (it stayed put), nor "only spacing, quotes or punctuation differ".
    assert '<span class="kind">Split</span>' in summary
    assert '<span class="kind">Moved</span>' not in summary
    assert "split into 2 paragraphs" in html
    assert "only spacing, quotes or punctuation differ" not in html


def test_long_runs_of_unchanged_paragraphs_are_folded_with_a_count() -> None:
    html = render()
    folds = re.findall(r'<details class="fold">\s*<summary>([^<]*)</summary>', html)
    assert folds == ["Show 4 unchanged paragraphs (¶ 8–11)"]
    inside = html.split('<details class="fold">')[1].split("</details>")[0]
    assert inside.count('class="row ') == 4
    # Changed rows and their context are never folded.
    assert 'class="row op-equal"' not in inside.replace('class="row op-equal u-new"', "")


def test_summary_counts_similarity_and_key_changes_link_to_rows() -> None:
    html = render()
    page = Page(html)
    text = " ".join(page.text)
    assert "87% similar." in text
    assert "Key changes" in text
    links = [a["href"] for a in page.tags("a") if (a.get("href") or "").startswith("#b")]
    assert "#b1" in links and "#b3" in links
    counts = html.split('<table class="counts">')[1].split("</table>")[0]
    assert re.search(r"<th scope=\"row\">Paragraphs</th>(<td[^>]*>\d+</td>){5}", counts)


def test_what_changed_comes_before_the_versions_and_its_key_changes_before_the_counts() -> None:
    """Opened on a phone, the report showed the headline and two cards of metadata: what
    changed, and how much, came two screens down. The summary follows the headline now,
    and its key changes come before the table of counts the gist already states."""
    html = render()
    title = html.index("<h1>")
    summary = html.index('<section class="card summary"')
    cards = html.index('<header class="versions"')
    assert title < summary < cards < html.index('id="diff"')
    assert html.index("Key changes</h3>") < html.index('<table class="counts">') < cards
    # Still one h1, the story's headline, and the cards' h2s after the summary's.
    page = Page(html)
    assert len(page.tags("h1")) == 1
    headings = re.findall(r"<h([1-3])[ >]", html)
    assert headings[0] == "1" and "1" not in headings[1:]


def test_a_screen_reader_finds_every_part_by_its_headings_and_the_key_changes_as_a_list() -> None:
    """The aligned text was a region with a label and no heading: a screen reader's list of
    headings went from the two versions to nothing. The key changes' list has its bullets
    removed, which takes its list role away in Safari: it is said again."""
    html = render()
    headings = [
        (level, unescape(re.sub(r"<[^>]+>", "", text)).strip())
        for level, text in re.findall(r"<h([1-3])[^>]*>(.*?)</h\1>", html, re.S)
    ]
    assert [level for level, _ in headings if level == "2"] == ["2"] * 4
    assert [name for level, name in headings if level == "2"] == [
        "What changed",
        "Old The Harwick Courier",
        "New The Harwick Courier",
        "The text, aligned paragraph by paragraph",
    ]
    assert '<section class="diff" id="diff" aria-labelledby="diff-title">' in html
    assert all(ol.get("role") == "list" for ol in Page(html).tags("ol"))


@pytest.mark.parametrize(
    ("stamp", "shown"),
    [
        (
            "2026-05-19T19:20:00+01:00",
            '<span class="whole">2026-05-19</span> <span class="whole">19:20:00+01:00</span>',
        ),
        (
            "2026-03-04T15:01:00Z",
            '<span class="whole">2026-03-04</span> <span class="whole">15:01:00Z</span>',
        ),
        ("2026-05-19", "2026-05-19"),
    ],
)
def test_a_date_shows_its_day_and_time_apart_and_keeps_the_stamp_for_machines(
    stamp: str, shown: str
) -> None:
    """A stamp with a zone offset is wider than a phone's column, and broke at a hyphen
    ("2026-05-" over "19T19:20:00+01:00"): the day and the time are set apart by a space
    and each kept whole; the <time> element keeps the ISO stamp."""
    comparison = sample_comparison()
    new = replace(comparison.new, published=stamp)
    html = render(replace(comparison, new=new))
    assert f'<time datetime="{stamp}">{shown}</time>' in html


def test_a_story_that_changed_is_never_called_100_percent_similar() -> None:
    """Five changed paragraphs in a 160-paragraph investigation rounded to "100% similar."
    in the report while the terminal and Markdown said 99%: a reader took the headline
    number to mean nothing changed."""
    base = sample_comparison()
    for value, shown in ((0.997, "99% similar."), (0.003, "1% similar."), (1.0, "100% similar.")):
        comparison = replace(base, summary=replace(base.summary, similarity=value))
        assert shown in " ".join(Page(render(comparison)).text)
    # A long paragraph with one word changed is no "100% alike" either.
    blocks = [replace(b, similarity=0.998) if b.op == "reworded" else b for b in base.blocks]
    html = render(replace(base, blocks=blocks))
    assert "99% alike" in html and "100% alike" not in html


def test_headline_changes_lead_the_key_changes_and_badge_the_headline() -> None:
    headline = Change("number", "changed", "Twelve", "Fourteen", 1, -1, "number changed")
    html = render(replace(sample_comparison(), title_changes=(headline,)))
    page = Page(html)
    keys = html.split('<ol class="keys"')[1].split("</ol>")[0]
    first = keys.split("<li>")[1]
    assert '<a href="#headline-new">headline</a>' in first and "Twelve" in first
    assert page.by_id("headline-new") and page.by_id("headline-old")
    header = html.split('id="headline-new"')[1].split("</dt>")[0]
    assert '<span class="flag meaning">meaning: number</span>' in header
    # The badge says what the NEW headline means; the OLD card is only flagged.
    old_header = html.split('id="headline-old"')[1].split("</dt>")[0]
    assert '<span class="flag">changed</span>' in old_header and "meaning" not in old_header


def test_a_headline_changed_only_in_case_is_not_flagged_but_its_diff_shows() -> None:
    old, new = "Floods kill 12 in Harwick", "FLOODS KILL 12 IN HARWICK"
    c = compare(
        Document(paragraphs=(Paragraph("Text.", ("Text.",)),), title=old),
        Document(paragraphs=(Paragraph("Text.", ("Text.",)),), title=new),
    )
    assert not c.summary.headline_changed
    html = render(c)
    for side in ("old", "new"):
        header = html.split(f'id="headline-{side}"')[1].split("</dd>")[0]
        assert "changed" not in header.split("</dt>")[0]
        assert "<del" in header or "<ins" in header
    assert "The headline changed." not in html
    reworded = replace(c.new, title="Floods kill 14 in Harwick")
    html = render(compare(c.old, reworded))
    header = html.split('id="headline-new"')[1].split("</dt>")[0]
    assert '<span class="flag">changed</span>' in header
    assert "The headline changed." in html


def test_a_changed_standfirst_is_flagged_with_its_meaning_and_linked_from_key_changes() -> None:
    body = (Paragraph("Text.", ("Text.",)),)
    old = Document(paragraphs=body, title="Floods in Harwick", summary="Twelve people died.")
    new = replace(old, summary="Fourteen people died.")
    c = compare(old, new)
    assert c.summary.standfirst_changed and c.summary.changed
    html = render(c)
    keys = html.split('<ol class="keys"')[1].split("</ol>")[0]
    assert '<a href="#standfirst-new">standfirst</a>' in keys and "Twelve" in keys
    header = html.split('id="standfirst-new"')[1].split("</dt>")[0]
    assert '<span class="flag meaning">meaning: number</span>' in header
    assert "The standfirst changed." in html
    assert "The standfirst changed." not in render(compare(old, old))


def test_largest_changes_fill_the_list_when_no_meaning_changes_were_found() -> None:
    html = render(replace(sample_comparison(), changes=()))
    keys = html.split('<ol class="keys"')[1].split("</ol>")[0]
    assert "Largest changes" in html
    assert keys.count("<li>") >= 4
    assert 'href="#b18"' in keys and 'href="#b17"' in keys


def test_a_long_list_of_key_changes_folds_after_ten() -> None:
    base = sample_comparison()
    html = render(replace(base, changes=base.changes * 7))
    shown, rest = html.split('<details class="more"><summary>4 more</summary>')
    assert shown.split('<ol class="keys"')[1].count("<li>") == 10
    assert '<ol class="keys" role="list" start="11">' in rest
    assert rest.split("</details>")[0].count("<li>") == 4


def test_marks_cover_words_not_the_spaces_around_them() -> None:
    html = render()
    assert "killing <del>" in html and "</del> people" in html
    assert not re.search(r"<(ins|del)><span class=\"vh\"[^>]*>[^<]*</span>\s", html)


def test_only_long_reports_skip_off_screen_layout() -> None:
    assert 'class="no-js">' in render()
    texts = [f"Paragraph number {i} of a long story." for i in range(320)]
    spec = [("equal", (i,), (i,), False) for i in range(320)]
    assert 'class="no-js long">' in render(build(texts, texts, spec))


def test_header_shows_metadata_and_word_diffs_of_what_changed() -> None:
    page = Page(render())
    text = " ".join(page.text)
    for value in ("The Harwick Courier", "Mara Lind", "280", "293 (+13)"):
        assert value in text
    # A date as a reader reads it, its ISO stamp for machines.
    assert re.search(r"2026-03-04 +14:05:00Z", text)
    assert {"datetime": "2026-03-04T14:05:00Z"} in page.tags("time")
    (link, _) = [a for a in page.tags("a") if (a.get("href") or "").startswith("https://")]
    assert link["rel"] == "noopener noreferrer"
    html = render()
    assert '<ins><span class="vh" dir="ltr">added: </span>, Tom Okafor</ins>' in html
    assert (
        '<del><span class="vh" dir="ltr">removed: </span>Floods kill 12 in Harwick as river '
        "bursts its banks</del>" in html
    )


# --------------------------------------------------------------------------- safety


def test_csp_allows_only_the_reports_own_inline_style_and_script() -> None:
    html = render()
    page = Page(html)
    (meta,) = [m for m in page.tags("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    policy = dict(
        (part.split()[0], part.split()[1:]) for part in (meta["content"] or "").split("; ")
    )
    (style,), (script,) = page.raw["style"], page.raw["script"]

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert policy["default-src"] == ["'none'"]
    assert policy["style-src"] == [digest(style)]
    assert policy["script-src"] == [digest(script)]
    assert policy["img-src"] == ["data:"]
    assert "unsafe-inline" not in (meta["content"] or "")
    # The policy must come before anything it governs.
    assert html.index("Content-Security-Policy") < html.index("<style>")


def test_static_files_make_no_requests() -> None:
    css = (STATIC / "report.css").read_text()
    js = (STATIC / "report.js").read_text()
    assert "@import" not in css
    assert all(u.startswith("data:") for u in re.findall(r"url\(\s*['\"]?([^)'\"]*)", css))
    for call in ("fetch(", "XMLHttpRequest", "localStorage", "import(", "WebSocket", "innerHTML"):
        assert call not in js


def hostile_pages() -> list[tuple[str, str]]:
    return [("v1.html", "v2.html"), ("rtl-v1.html", "rtl-v2.html")]


@pytest.fixture(scope="module", params=hostile_pages(), ids=lambda p: p[0])
def hostile_report(request: pytest.FixtureRequest) -> tuple[Comparison, str]:
    old, new = request.param
    comparison = compare(load(str(HOSTILE / old)), load(str(HOSTILE / new)))
    return comparison, render(comparison)


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "a", "nav", "div", "button", "span",
    "main", "header", "h1", "h2", "h3", "section", "dl", "dt", "dd", "time", "p", "strong",
    "ul", "li", "table", "caption", "thead", "tbody", "tr", "th", "td", "ol", "ins", "del",
    "details", "summary", "footer", "script", "bdi", "kbd",
}  # fmt: skip


def test_no_markup_from_a_hostile_page_reaches_the_report(
    hostile_report: tuple[Comparison, str],
) -> None:
    _, html = hostile_report
    page = Page(html)
    assert {tag for tag, _ in page.elements} <= ALLOWED_TAGS
    assert len(page.tags("script")) == 1 and len(page.tags("style")) == 1
    for tag, attrs in page.elements:
        assert not [name for name in attrs if name.startswith("on")], tag
        assert "src" not in attrs and "style" not in attrs, tag
        href = attrs.get("href")
        if href is not None:
            assert href.startswith("#") or re.match(r"https?://", href), href
    assert "javascript:" not in " ".join(a.get("href") or "" for a in page.tags("a"))


def test_hostile_text_is_shown_as_text(hostile_report: tuple[Comparison, str]) -> None:
    comparison, html = hostile_report
    text = "".join(Page(html).text)
    if comparison.new.language != "en":
        return
    assert '<script>alert("booked")</script>' in text
    assert "<img src=x onerror=alert(document.cookie)>" in text
    assert "</script><!-- so that everything after it vanished" in text
    assert "Llan" + "gollen" * 1666 in text
    assert "☕🌊👨‍👩‍👧" in text and "港の景色がすばらしい。" in text
    assert "&lt;script&gt;alert(&#34;booked&#34;)&lt;/script&gt;" in html


def test_bidi_overrides_and_zero_width_characters_are_shown_not_obeyed(
    hostile_report: tuple[Comparison, str],
) -> None:
    comparison, html = hostile_report
    for char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\ufeff":
        assert char not in html
    if comparison.new.language == "en":
        assert (
            '<span class="cc" title="hidden character U+202E (right-to-left override)">RLO</span>'
            in html
        )
        assert (
            "in"
            + '<span class="cc" title="hidden character U+200B (zero width space)">ZWSP</span>'
            + "side"
            in html
        )


def test_text_carries_its_language_and_direction(hostile_report: tuple[Comparison, str]) -> None:
    comparison, html = hostile_report
    page = Page(html)
    (root,) = page.tags("html")
    assert root["lang"] == comparison.new.language
    cells = html.split('<section class="diff"')[1].split("</main>")[0]
    assert cells.count("<p>") == 0 and cells.count('<p dir="auto">') >= len(
        comparison.new.paragraphs
    )
    if comparison.new.language == "ar":
        # The report's own words are English and say so.
        for tag in ("nav", "footer"):
            assert page.tags(tag)[0]["lang"] == "en"


HOSTILE_ALPHABET = "ab <>&\"'/=-!?.;:`\u202e\u200bé中ع😀"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(HOSTILE_ALPHABET, min_size=1, max_size=40), min_size=2, max_size=4),
    st.text(HOSTILE_ALPHABET, min_size=1, max_size=40),
)
def test_any_text_stays_text(paragraphs: list[str], title: str) -> None:
    texts = [" ".join(t.split()) or "x" for t in paragraphs]
    changed = [*texts[:-1], texts[-1] + " <b>added</b>"]
    spec = [("equal", (i,), (i,), False) for i in range(len(texts) - 1)]
    spec.append(("reworded", (len(texts) - 1,), (len(texts) - 1,), False))
    html = render(build(texts, changed, spec, old_meta={"title": title}))
    page = Page(html)
    reader = Page(re.sub(r'<span class="vh"[^>]*>[^<]*</span>', "", html))
    assert {tag for tag, _ in page.elements} <= ALLOWED_TAGS
    assert len(page.tags("script")) == 1 and len(page.tags("style")) == 1
    assert "\u202e" not in html and "\u200b" not in html
    shown = "".join(reader.text).replace("RLO", "\u202e").replace("ZWSP", "\u200b")
    for text in texts:
        assert text in shown


def test_unsafe_urls_and_markup_in_metadata_are_not_links_or_markup() -> None:
    meta: dict[str, object] = {
        "title": "</title><script>alert(1)</script>",
        "authors": ('"><svg onload=alert(1)>',),
        "url": "javascript:alert(1)",
        "site_name": "<b>Outlet</b>",
        "provenance": Provenance(spec="a.html"),
    }
    text = ["A sentence about the <iframe> tag.", "Another sentence."]
    comparison = build(
        text,
        text,
        [("equal", (0,), (0,), False), ("equal", (1,), (1,), False)],
        old_meta=meta,
        new_meta={**meta, "url": "JAVASCRIPT:x"},
    )
    html = render(comparison)
    page = Page(html)
    assert [tag for tag, _ in page.elements if tag in ("svg", "b", "script", "iframe")] == [
        "script"
    ]
    assert not [a for a in page.tags("a") if "javascript" in (a.get("href") or "").lower()]
    assert "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<title>storydiff: &lt;/title&gt;&lt;script&gt;" in html


def cell_paragraphs(html: str, side: str) -> Counter[str]:
    """The plain text of every paragraph in one side's cells, skipping where-it-was rows."""
    body = html.split('<section class="diff"')[1].split("</section>")[0]
    found: Counter[str] = Counter()
    for chunk in re.split(r'(?=<div class="row )', body)[1:]:
        if "op-moved-away" in chunk.split(">", 1)[0]:
            continue
        cell = re.search(
            rf'<div class="cell {side}"[^>]*>.*?<div class="txt">(.*?)</div></div>', chunk
        )
        if cell is None:
            continue
        inner = re.sub(r'<p class="tag".*?</p>', "", cell.group(1))
        inner = re.sub(
            r'<span class="vh"[^>]*>[^<]*</span>| <a class="mvlink"[^>]*>[^<]*</a>', "", inner
        )
        for paragraph in re.findall(r'<p dir="auto">(.*?)</p>', inner):
            found[unescape(re.sub(r"<[^>]+>", "", paragraph))] += 1
    return found


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("updated-council-vote/v1.html", "updated-council-vote/v4.html"),
        ("wire-harbour-fire/wire.html", "wire-harbour-fire/outlet-a.html"),
        ("hostile/v1.html", "hostile/v2.html"),
    ],
)
def test_every_paragraph_of_both_versions_is_shown_once_with_its_exact_text(
    old: str, new: str
) -> None:
    comparison = compare(load(str(FIXTURES / old)), load(str(FIXTURES / new)))
    html = render(comparison)
    for side, document in (("old", comparison.old), ("new", comparison.new)):
        expected = Counter(p.text for p in document.paragraphs)
        shown = cell_paragraphs(html, side)
        shown = Counter(
            {
                k.replace("RLO", "\u202e").replace("PDF", "\u202c").replace("ZWSP", "\u200b"): v
                for k, v in shown.items()
            }
        )
        assert shown == expected, side
    # The unified cell, read without its deletions, is the NEW text.
    body = html.split('<section class="diff"')[1]
    for chunk in re.split(r'(?=<div class="row )', body)[1:]:
        if "u-own" not in chunk.split(">", 1)[0]:
            continue
        new_cell = cell_text(chunk, "new", drop="")
        assert " ".join(cell_text(chunk, "uni", drop="del").split()) == " ".join(new_cell.split())


def cell_text(row: str, side: str, drop: str) -> str:
    cell = re.search(rf'<div class="cell {side}"[^>]*>.*?<div class="txt">(.*?)</div></div>', row)
    assert cell is not None
    inner = re.sub(r'<p class="tag".*?</p>| <a class="mvlink"[^>]*>[^<]*</a>', "", cell.group(1))
    if drop:
        inner = re.sub(rf"<{drop}>.*?</{drop}>", "", inner)
    inner = re.sub(r'<span class="vh"[^>]*>[^<]*</span>', "", inner)
    return unescape(re.sub(r"<[^>]+>", " ", inner))


# --------------------------------------------------------------------------- output


def test_same_input_gives_the_same_bytes_and_the_time_is_passed_in() -> None:
    first, second = render(), render()
    assert first == second
    other = render_comparison(sample_comparison(), generated_at="2030-01-01T00:00:00Z")
    assert other.replace("2030-01-01T00:00:00Z", AT) == first


def test_templates_can_be_overridden_and_stay_escaped(tmp_path: Path) -> None:
    (tmp_path / "_summary.html.j2").write_text(
        '<section class="mine">{{ r.old.label }} / {{ "<b>" }}</section>\n', encoding="utf-8"
    )
    (tmp_path / "report.css").write_text("body { color: red; }\n", encoding="utf-8")
    html = render(template_dir=tmp_path)
    assert '<section class="mine">The Harwick Courier / &lt;b&gt;</section>' in html
    assert "What changed" not in html
    page = Page(html)
    assert page.raw["style"] == ["body { color: red; }\n"]
    style_hash = base64.b64encode(hashlib.sha256(b"body { color: red; }\n").digest()).decode()
    (meta,) = [m for m in page.tags("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert f"style-src 'sha256-{style_hash}';" in (meta["content"] or "")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("_summary.html.j2", "{% if %}"),
        ("_summary.html.j2", "{{ r.no_such_field }}"),
        ("report.js", "var a = '</script>';"),
    ],
)
def test_a_broken_override_is_a_one_line_input_error(
    tmp_path: Path, name: str, content: str
) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        render(template_dir=tmp_path)
    assert caught.value.hint and "\n" not in caught.value.one_line()


@pytest.mark.parametrize("name", ["_summary.html.j2", "report.css"])
def test_an_override_that_is_not_utf8_is_a_one_line_input_error(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes("/* Résumé */".encode("latin-1"))
    with pytest.raises(InputError) as caught:
        render(template_dir=tmp_path)
    # A static file is named; a template only by its folder (jinja does not say which).
    where = f"a template in {tmp_path}" if name.endswith(".j2") else str(tmp_path / name)
    assert caught.value.one_line() == f"{where} is not UTF-8 text — save it as UTF-8"


def test_cli_writes_the_report_with_the_format_from_the_extension(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = CliRunner().invoke(
        app, ["compare", str(HOSTILE / "v1.html"), str(HOSTILE / "v2.html"), "-o", str(target)]
    )
    assert result.exit_code == 1, result.output
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert 'class="row op-reworded' in html


# --------------------------------------------------------------------------- helpers


def test_cut_fragments_splits_a_word_diff_at_sentence_boundaries() -> None:
    ops = (
        WordOp("equal", "Two ", "Two "),
        WordOp("replace", "died. Three", "died; three"),
        WordOp("equal", " were hurt.", " were hurt."),
    )
    old = side_fragments(ops, "old")
    assert cut_fragments(old, ["Two died.", "Three were hurt."]) == [
        [("", "Two "), ("del", "died.")],
        [("del", "Three"), ("", " were hurt.")],
    ]
    assert cut_fragments(old, ["Something else."]) == []


def test_marks_in_chinese_or_japanese_text_sit_flush() -> None:
    # Padding would read as a space between unspaced characters: a mark that holds or
    # touches one gets the class that drops it; Latin marks keep theirs (no class).
    def opening_tags(fragments: list[tuple[str, str]]) -> list[str]:
        return re.findall(r"<(?:ins|del|span class=\"mv)[^>]*>", str(fragments_html(fragments)))

    assert opening_tags([("", "明年"), ("ins", "五"), ("", "月通车")]) == ['<ins class="cjk">']
    assert opening_tags([("", "总投资"), ("del", "48"), ("", "亿元")]) == ['<del class="cjk">']
    assert opening_tags([("", "总投资 "), ("del", "48"), ("", " yuan")]) == ["<del>"]
    assert opening_tags([("mv", "工程已完工。")]) == ['<span class="mv cjk">']
    assert opening_tags([("", "Two "), ("del", "died"), ("", ", 中")]) == ["<del>"]
    assert opening_tags([("", "Two "), ("ins", "died "), ("mv", "Moved.")]) == [
        "<ins>",
        '<span class="mv">',
    ]
    css = (STATIC / "report.css").read_text(encoding="utf-8")
    assert "ins.cjk, del.cjk, .mv.cjk { padding: 0; }" in css


def test_word_ops_rebuild_both_sides_and_read_as_one_replacement() -> None:
    ops = word_diff("Floods kill 12 in Harwick", "Harwick floods: death toll rises to 14")
    assert "".join(o.old for o in ops) == "Floods kill 12 in Harwick"
    assert "".join(o.new for o in ops) == "Harwick floods: death toll rises to 14"
    assert len([o for o in ops if o.op != "equal"]) <= 2


# --------------------------------------------------------------------------- contrast


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """The WCAG 2 contrast ratio of two #rrggbb colours."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def theme_blocks() -> dict[str, dict[str, str]]:
    css = (STATIC / "report.css").read_text()
    blocks = re.findall(r"(:root[^{]*)\{([^}]*)\}", css)

    def variables(body: str) -> dict[str, str]:
        return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;", body))

    light = variables(blocks[0][1])
    dark = [
        variables(body) for selector, body in blocks if "dark" in selector or "light" in selector
    ]
    assert len(dark) == 2 and dark[0] == dark[1], "the two dark blocks must be identical"
    return {"light": light, "dark": dark[0]}


TEXT_PAIRS = [
    ("fg", "bg"), ("fg", "card"), ("fg", "bar-bg"), ("muted", "bg"), ("muted", "card"),
    ("muted", "bar-bg"), ("link", "bg"), ("link", "card"), ("bg", "fg"),
    ("ins-fg", "ins-bg"), ("del-fg", "del-bg"), ("mv-fg", "mv-bg"), ("rw-fg", "rw-bg"),
    ("warn-fg", "warn-bg"), ("ins-fg", "bg"), ("del-fg", "bg"), ("mv-fg", "bg"), ("rw-fg", "bg"),
    ("ins-fg", "card"), ("del-fg", "card"), ("rw-fg", "card"),
]  # fmt: skip


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_text_colours_meet_wcag_aa_in_both_themes(theme: str) -> None:
    colours = theme_blocks()[theme]
    for fg, bg in TEXT_PAIRS:
        ratio = contrast(colours[fg], colours[bg])
        assert ratio >= 4.5, f"{theme}: --{fg} on --{bg} is {ratio:.2f}:1"
    # Every -fg colour is checked against its own -bg.
    for name in colours:
        if name.endswith("-fg"):
            assert (name, name[:-3] + "-bg") in TEXT_PAIRS


#: Marks that are not text: WCAG 2.2's 1.4.11 asks 3:1 against what they sit on.
MARK_PAIRS = [
    ("current", "bg"), ("current", "card"), ("focus", "bg"), ("focus", "card"),
    ("focus", "bar-bg"),
]  # fmt: skip


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_focus_ring_and_the_current_change_ring_stand_out_in_both_themes(theme: str) -> None:
    """The light theme's ring round the change moved to was a pale yellow at 1.55:1."""
    colours = theme_blocks()[theme]
    for mark, bg in MARK_PAIRS:
        ratio = contrast(colours[mark], colours[bg])
        assert ratio >= 3, f"{theme}: --{mark} on --{bg} is {ratio:.2f}:1"


def test_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_a_headline_date_is_flagged_as_a_date() -> None:
    body = (Paragraph("Text.", ("Text.",)),)
    old = Document(paragraphs=body, title="Route 9 closed after water main break")
    new = replace(old, title="Route 9 closed until Friday after water main break")
    header = render(compare(old, new)).split('id="headline-new"')[1].split("</dt>")[0]
    assert '<span class="flag meaning">meaning: date</span>' in header


def test_an_agent_dropped_is_named_so_in_every_view() -> None:
    def story(second: str) -> Document:
        texts = ("The march began peacefully at noon.", second)
        return Document(tuple(Paragraph(p, tuple(split_sentences(p))) for p in texts))

    c = compare(
        story("Police shot a man near the station on Tuesday, witnesses said."),
        story("A man was shot near the station on Tuesday, witnesses said."),
    )
    assert [(ch.kind, ch.action, ch.old, ch.new) for ch in c.changes] == [
        ("roles", "removed", "Police shot a man", "A man was shot")
    ]
    said = 'agent dropped: "Police shot a man" → "A man was shot"'
    assert said in render_text.comparison(c, width=120, color=False, context=2)
    assert said in render_markdown.comparison(c)
    page = render(c)
    assert '<span class="kind">Agent dropped</span>' in page
    assert "meaning: agent" in page  # the row's badge
    # The summary counts the rest as the table does (it said "(1 paragraph in all)").
    assert "Paragraphs: 1 reworded, 1 unchanged." in page
    data = json.loads(render_json.comparison(c, "2026-05-24T10:00:00Z"))
    jsonschema.Draft202012Validator(load_schema("compare")).validate(data)
    assert data["changes"][0]["action"] == "removed"


def test_a_role_swap_is_named_roles_swapped_in_every_view() -> None:
    def story(second: str) -> Document:
        texts = ("The bridge closed in May for repairs.", second)
        return Document(tuple(Paragraph(p, tuple(split_sentences(p))) for p in texts))

    c = compare(
        story("The city sued the contractor over the delays."),
        story("The contractor sued the city over the delays."),
    )
    assert [(ch.kind, ch.old, ch.new) for ch in c.changes] == [
        ("roles", "The city sued the contractor", "The contractor sued the city")
    ]
    said = 'roles swapped: "The city sued the contractor" → "The contractor sued the city"'
    assert said in render_text.comparison(c, width=120, color=False, context=2)
    assert said in render_markdown.comparison(c)
    page = render(c)
    assert '<span class="kind">Roles swapped</span>' in page
    assert "meaning: roles" in page  # the row's badge
    data = json.loads(render_json.comparison(c, AT))
    assert data["changes"][0]["kind"] == "roles"
    jsonschema.Draft202012Validator(load_schema("compare")).validate(data)
