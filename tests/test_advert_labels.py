"""An advert slot's label in a story whose paragraphs are lines apart (``<br><br>``) is no
part of the story, and still parts the paragraphs around it (pages written for this
project)."""

from __future__ import annotations

import pytest
from test_extract import snapshot

from compare.extract import extract

PARAGRAPHS = (
    "Dockworkers at the Port of Ellis stayed off the job for a third day on Thursday after "
    "overnight talks with terminal operators broke up without a deal, union officials said.",
    "The Ellis Terminal Operators Association said it had offered a 4.5% raise in each of the "
    "next three years and a guarantee of no layoffs tied to automation through 2029.",
    "Shipping analysts estimated the stoppage was delaying about $120 million in cargo a day, "
    "with at least 22 vessels anchored offshore on Thursday morning.",
    "No new talks had been scheduled as of Thursday afternoon, a union spokesman said.",
)


def page(between: str) -> str:
    """A story told in lines apart, with ``between`` set between its second and third."""
    first, second, third, fourth = PARAGRAPHS
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        "<title>Port strike enters third day | Coastline Herald</title>"
        "<meta property='og:site_name' content='Coastline Herald'></head><body>"
        "<header><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav></header>"
        "<div class='story'><h1>Port strike enters third day as talks stall</h1>"
        "<div class='byline'>By Dana Whitlock, Business Reporter</div><div class='body'>\n"
        f"{first}<br><br>\n{second}{between}{third}<br><br>\n{fourth}\n</div></div>"
        "<aside><h3>Most read</h3><ul><li><a href='/a'>Ferry fares to rise</a></li>"
        "<li><a href='/b'>New mayor sworn in</a></li></ul></aside>"
        "<footer>© 2026 Coastline Herald. All rights reserved.</footer></body></html>"
    )


@pytest.mark.parametrize(
    "between",
    [
        "<br><br>\n<div class='ad'>Advertisement</div>\n",  # read into the next paragraph
        "\n<div class='ad'>Advertisement</div>\n",  # the only break: joined both paragraphs
        "\n<div class='slot'><div class='label'>ADVERTISEMENT</div></div>\n",
        "\n<aside>Story continues below advertisement</aside>\n",
        "\n<div>Anzeige</div>\n",
    ],
)
def test_an_advert_label_in_running_text_is_dropped_and_parts_the_paragraphs(
    between: str,
) -> None:
    document = extract(snapshot(page(between)))
    assert [p.text for p in document.paragraphs] == list(PARAGRAPHS)


def test_a_box_of_real_text_an_inline_ad_and_a_label_with_more_stay() -> None:
    story = (
        "<div class='ad'>The Ad Council said the campaign would run through May.</div>\n"
        "<p>A spokesman for the <span>Ad</span> Council declined to comment.</p>\n"
    )
    document = extract(snapshot(page(f"<br><br>\n{story}<br><br>\n")))
    text = " ".join(p.text for p in document.paragraphs)
    assert "The Ad Council said the campaign would run through May." in text
    assert "A spokesman for the Ad Council declined to comment." in text


def test_an_advertising_label_between_paragraphs_is_chrome() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])
    body += "<p>Advertising</p>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])
    page = (
        "<!doctype html><html><head><meta charset='utf-8'><title>Port strike</title></head>"
        f"<body><article><h1>Port strike enters third day</h1><div class='entry-content'>{body}"
        "</div></article></body></html>"
    )
    assert [p.text for p in extract(snapshot(page)).paragraphs] == list(PARAGRAPHS)
