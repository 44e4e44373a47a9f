"""pages23's user trial of extraction on more page styles (tests/data/outlets: the
boil-water story's pages, listed in test_outlet_pages.PAIRS), and the fixes it needed: a
subscription wall after a long opening, which trafilatura drops with its box; a wire's
"refiled" note; a print page's byline run into its stamps in a box no class names; an old
table layout whose <title> names the outlet first and whose headline is an <h2>; its line of
links under the story; a footnote's "↩"; and a JavaScript shell with no data to read."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from test_outlet_pages import OUTLETS, document
from typer.testing import CliRunner

from compare import compare, load
from compare.cli import app
from compare.errors import ExtractionError
from compare.extract.chrome import is_chrome
from compare.notes import note_kind

WALL = OUTLETS / "regional-wall"
DATA = OUTLETS.parent

_STORY = "".join(
    f"<p>{text}</p>"
    for text in (
        "About 3,400 homes in Orrin Creek were told to boil their tap water on Tuesday after "
        "a chemical leak forced Pellham Water to shut the town's only treatment works.",
        "The company said a valve on a chlorine dosing tank failed shortly after 5 a.m., and "
        "engineers closed the plant while they checked the supply.",
        "Two workers were taken to hospital with breathing difficulties and were later "
        "released, the county fire service said on Tuesday evening.",
        "Bottled water stations have opened at the leisure centre and the Mill Lane car park, "
        "and the company said it would deliver water to 212 vulnerable customers.",
        "Schools in the town stayed open, but the council said kitchens would serve cold "
        "lunches until the notice was lifted later in the week.",
        "Pellham Water said it expected the notice to remain in place until at least "
        "Thursday while samples were tested at its laboratory in Fenbridge.",
        "The treatment works, built in 1974, was due for a £6.5 million upgrade next year, "
        "and the regulator said it was aware of the incident and making inquiries.",
    )
)
_OFFER = '<div class="offer"><p>Already a subscriber? Log in</p></div>'


def _page(body: str) -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Boil-water notice "
        "for Orrin Creek | Fenbridge Gazette</title></head><body>" + body + "</body></html>"
    )


def test_a_wall_after_a_long_opening_warns_that_the_rest_is_not_shown() -> None:
    # Eight paragraphs above "Subscribe to read the rest of this article": trafilatura drops
    # the wall's box, and the full copy's last paragraphs read as deleted without a word.
    old, new = load(str(WALL / "old.html")), load(str(WALL / "new.html"))
    assert len(new.paragraphs) == 8
    (warning,) = new.warnings
    assert 'subscription wall ("Subscribe to read the rest of this article")' in warning
    c = compare(old, new)
    assert f"NEW: {warning}" in c.summary.warnings
    assert old.warnings == ()
    assert new.partial and not old.partial


def test_a_wall_served_over_http_warns_on_stderr_and_a_short_teaser_is_refused(
    http: HTTPServer,
) -> None:
    for name in ("old", "new", "short"):
        http.expect_request(f"/{name}").respond_with_data(
            (WALL / f"{name}.html").read_bytes(), content_type="text/html; charset=utf-8"
        )
    runner = CliRunner()
    result = runner.invoke(app, ["compare", http.url_for("/old"), http.url_for("/new")])
    assert result.exit_code == 1
    assert "subscription wall" in result.stdout
    result = runner.invoke(app, ["compare", http.url_for("/old"), http.url_for("/short")])
    # Two paragraphs and the wall, which trafilatura keeps: refused, as before.
    assert result.exit_code == 4
    assert "login or subscription page" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "body",
    [
        # An offer in the page's header, beside none of the story's paragraphs.
        f"<header>{_OFFER}</header><article>{_STORY}</article>",
        # An offer between the paragraphs: the story goes on after it.
        f"<article>{_STORY[:600]}{_OFFER}{_STORY[600:]}</article>",
        # An offer in a sidebar after the whole story.
        f"<main><article>{_STORY}</article><aside>{_OFFER}</aside></main>",
        f"<main><article>{_STORY}</article><div class='right-rail'>{_OFFER}</div></main>",
        # The offer written straight into the footer or sidebar, in no box of its own.
        f"<article>{_STORY}</article><footer>Already a subscriber? Log in</footer>",
        f"<article>{_STORY}</article><aside>Subscribe to continue reading</aside>",
        f"<article>{_STORY}</article><footer><a href='/help'>Help</a> Already a subscriber?"
        " Log in</footer>",
    ],
)
def test_an_offer_that_the_story_does_not_stop_at_is_no_wall(body: str, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(_page(body), encoding="utf-8")
    doc = load(str(page))
    assert len(doc.paragraphs) == 7
    assert doc.warnings == ()


@pytest.mark.parametrize(
    "body",
    [
        f"<article>{_STORY}{_OFFER}</article>",
        # The opening in a box of its own, the wall in the next one.
        f"<article><h1>Boil-water notice</h1><div class='free'>{_STORY}</div>{_OFFER}</article>",
    ],
)
def test_the_same_page_with_the_offer_last_in_the_story_warns(body: str, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(_page(body), encoding="utf-8")
    doc = load(str(page))
    assert len(doc.paragraphs) == 7
    assert any("subscription wall" in warning for warning in doc.warnings)


def test_a_wire_note_that_the_story_was_refiled_to_correct_it_is_a_correction() -> None:
    assert note_kind("(This story has been refiled to correct the name of the hospital)") == (
        "correction"
    )
    assert note_kind("(Refiles to fix typo in paragraph 3)") == "correction"
    assert note_kind("(Corrects paragraph 4 to show ...)") == "correction"
    assert note_kind("Refiled claims rose by 4% last year, the insurer said.") is None
    c = compare(document("wire-refile", "old"), document("wire-refile", "new"))
    assert not c.summary.edited_without_note


def test_a_print_pages_byline_run_into_its_stamps_gives_names_and_times() -> None:
    doc = document("print-byline-stamp", "new")
    assert doc.authors == ("Tamsin Oduya",)
    assert doc.published == "2026-11-17T09:30"
    assert doc.modified == "2026-11-17T16:40"


def test_an_outlet_first_title_over_an_h2_headline() -> None:
    doc = document("table-cp1252", "old")
    assert doc.title is not None and doc.title.startswith("Boil-water notice")
    assert doc.site_name == "Fenland Weekly Gazette"
    # Read in the charset its <meta http-equiv> names.
    text = " ".join(p.text for p in doc.paragraphs)
    assert "Lido & café" in text and "£6.5 million" in text
    assert "“We are confident" in text


def test_the_title_stays_when_no_heading_says_the_other_part(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    body = f"<h2>Fenbridge Gazette</h2><article>{_STORY}</article>"
    page.write_text(_page(body).replace(" | ", " - "), encoding="utf-8")
    # The outlet's name is the heading: the headline is the other part, as before.
    assert load(str(page)).title == "Boil-water notice for Orrin Creek"


@pytest.mark.parametrize(
    "line",
    [
        "« Back to news | Email this story | Print",
        "‹ Back to local news",
        "Email this article",
        "For more stories like this, check our news page.",
        "Print | Close",
        "Tap to unmute",
        "Video Unavailable",
        "Comments 56",
        "Previous 1 2 Next",
        "Thank you for subscribing!",
        "Invalid email",
        "Something went wrong, please try again later.",
        "Loading comments...",
        "Advertisement Continue reading below",
    ],
)
def test_tool_and_promo_lines_are_chrome(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "Back to school: pupils return after the boil-water notice",
        "Back to the drawing board for the council",
        "Thank you for subscribing to the scheme, the council's letter said.",
        "Something went wrong, the mayor said.",
        "For more stories like this one, the paper hired 12 reporters and trained them to "
        "read the council's spending data, its editor said.",
    ],
)
def test_story_lines_that_open_alike_are_not(line: str) -> None:
    assert not is_chrome(line)


def test_a_footnotes_back_link_arrow_is_left_out() -> None:
    last = document("longread-dropcap", "old").paragraphs[-1].text
    assert last == (
        "Pellham Water’s annual report for 2025 lists 14 treatment works across the county."
    )


def test_a_javascript_shell_without_data_says_so_in_one_line() -> None:
    result = CliRunner().invoke(app, ["extract", str(DATA / "js-shell.html")])
    assert result.exit_code == 4
    assert result.stderr.count("\n") == 1
    assert "draws its article with JavaScript, which storydiff does not run" in result.stderr


def test_a_comments_noscript_on_a_short_page_is_no_shell(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        _page(
            "<p>Page not found.</p><noscript>Please enable JavaScript to view the comments"
            "</noscript>"
        ),
        encoding="utf-8",
    )
    with pytest.raises(ExtractionError) as raised:
        load(str(page))
    assert "JavaScript" not in str(raised.value)


def test_that_byline_kept_as_the_first_paragraph_is_no_paragraph(tmp_path: Path) -> None:
    # Unclassed, trafilatura keeps the line: it is the byline, and its times are read.
    page = tmp_path / "page.html"
    html = (OUTLETS / "print-byline-stamp" / "new.html").read_text(encoding="utf-8")
    page.write_text(html.replace('<p class="meta">', "<p>"), encoding="utf-8")
    doc = load(str(page))
    assert doc.paragraphs[0].text.startswith("About 3,900 homes")
    assert doc.authors == ("Tamsin Oduya",)
    assert (doc.published, doc.modified) == ("2026-11-17T09:30", "2026-11-17T16:40")


def test_a_paragraph_broken_off_at_the_wall_loses_its_unfinished_sentence() -> None:
    # "Residents said they first learned of the notice from…" above the wall: the next
    # fetch may cut elsewhere, and the half sentence would read as an edit.
    doc = load(str(WALL / "cut.html"))
    assert doc.paragraphs[-1].text.startswith("Schools in the town remained open")
    assert not any("…" in p.text for p in doc.paragraphs)
    assert any("subscription wall" in warning for warning in doc.warnings)
    c = compare(load(str(WALL / "new.html")), doc)
    # The same page fetched again, cut a paragraph earlier: nothing reworded.
    assert c.summary.paragraphs.get("reworded", 0) == 0


def test_a_page_that_names_no_site_takes_it_from_its_title_beside_the_headline(
    tmp_path: Path,
) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>Boil-water notice for Orrin Creek after "
        "chemical leak – Fenland Weekly</title></head><body><h1>Boil-water notice for Orrin "
        f"Creek after chemical leak</h1>{_STORY}</body></html>",
        encoding="utf-8",
    )
    doc = load(str(page))
    assert (doc.title, doc.site_name) == (
        "Boil-water notice for Orrin Creek after chemical leak",
        "Fenland Weekly",
    )


def test_a_print_pages_title_that_is_its_outlets_name_is_no_headline(tmp_path: Path) -> None:
    # No headline above the text to take: the page's headline is unknown, not the outlet.
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>Orrin Creek Chronicle :: Print</title>"
        f"</head><body>{_STORY}</body></html>",
        encoding="utf-8",
    )
    doc = load(str(page))
    assert doc.title is None
    assert doc.site_name == "Orrin Creek Chronicle"
    assert len(doc.paragraphs) == 7


def test_a_download_cut_off_in_the_story_warns_and_loses_its_broken_sentence() -> None:
    # The page's HTML stops at "... opened at the O": no closing tag at its end.
    doc = load(str(WALL / "cut-download.html"))
    assert doc.paragraphs[-1].text.startswith("Two workers were taken")
    assert len(doc.paragraphs) == 4
    assert any("HTML stops in the middle" in warning for warning in doc.warnings)
    assert doc.partial
    c = compare(load(str(WALL / "old.html")), doc)
    assert any("HTML stops in the middle" in warning for warning in c.summary.warnings)
    assert c.summary.paragraphs.get("reworded", 0) == 0


def test_a_page_that_leaves_out_its_end_tags_is_whole(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(_page(_STORY).replace("</body></html>", "\n"), encoding="utf-8")
    doc = load(str(page))
    assert len(doc.paragraphs) == 7
    assert doc.warnings == ()


def test_a_related_cards_byline_and_stamp_under_the_story_are_not_its_own(
    tmp_path: Path,
) -> None:
    page = tmp_path / "page.html"
    card = (
        "<div class='card'><p>Trader told to remove sign after 38 years</p><p>By Harriet "
        "Selwyn | Published: 16 November 2026 14:00</p></div>"
    )
    page.write_text(_page(f"<article>{_STORY}</article>{card}"), encoding="utf-8")
    doc = load(str(page))
    assert doc.authors == ()
    assert doc.published is None


def test_a_video_players_and_a_sign_up_forms_lines_between_paragraphs_go() -> None:
    # "Tap to unmute", "Video Unavailable", "Thank you for subscribing!", "Invalid email"...
    # each in a <p> of its own between the story's paragraphs, as a scrape reads them.
    doc = load(str(OUTLETS / "tabloid-promos" / "widgets.html"))
    assert len(doc.paragraphs) == 9
    assert doc.paragraphs[-1].text.startswith("The treatment works, built in 1974")


def test_a_most_read_box_of_divs_with_a_longer_story_is_not_read_for_the_story() -> None:
    # No <article> on the page: the "Most read" box's story, longer than the boil-water
    # story, was read instead of it.
    doc = load(str(OUTLETS / "most-read-longer" / "divs.html"))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0].startswith("About 3,400 homes")
    assert len(texts) == 9
    assert not any("Padgett" in text for text in texts)


def test_a_box_headed_most_read_that_holds_the_headline_stays(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    body = f"<div><h2>Most read</h2><h1>Boil-water notice for Orrin Creek</h1>{_STORY}</div>"
    page.write_text(_page(body), encoding="utf-8")
    assert len(load(str(page)).paragraphs) == 7


def test_a_tabloid_s_photo_captions_set_as_paragraphs_go(tmp_path: Path) -> None:
    # "PICTURED: ..." in a <p> of its own between the story's paragraphs, as a tabloid sets
    # the caption of each photo: read as paragraphs, each showed as added or removed when
    # the photos changed (left from this suite's first page trial).
    html = (OUTLETS / "tabloid-promos" / "widgets.html").read_text(encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(
        html.replace(
            "<div>PICTURED: Engineers at the works on Tuesday</div>",
            "<p>PICTURED: Engineers at the works on Tuesday</p>"
            "<p>Pictured: Pellham Water's operations director Dana Whitlock</p>",
        ),
        encoding="utf-8",
    )
    texts = [p.text for p in load(str(page)).paragraphs]
    assert len(texts) == 9
    assert not any("ictured" in text for text in texts)
