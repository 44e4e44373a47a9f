"""review16: findings on 7e72aca..21fd2c4 (each fails on 21fd2c4). Invented text."""

from __future__ import annotations

import json

from test_page_kinds import LEDE, REST, extracted, story

from compare.extract import extract
from compare.model import Document, Provenance, Snapshot

# ------------------------------------------------------------------------ extraction helpers


def _page(body: str, head: str = "") -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta property="og:title" content="Maternity unit to close">'
        f"{head}</head><body><main><h1>Maternity unit to close</h1>{body}</main></body></html>"
    )


def _news_article_ld(**fields: object) -> str:
    """The page's JSON-LD: a NewsArticle with the story's headline and ``fields``."""
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Maternity unit to close",
        **fields,
    }
    return f'<script type="application/ld+json">{json.dumps(article)}</script>'


def _next_data(data: object) -> str:
    return f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'


# ------------------------------------------------ a5a1cdb / 16c0255: extract/appdata.py


def test_review16_a_next_js_page_showing_its_whole_story_is_not_read_from_inline_markup() -> None:
    # The page's HTML shows every paragraph; its data holds the same paragraphs as HTML
    # strings, one with a link. app_body keys that item with its tags ("a href data"), so
    # the list is "not all shown", and the data's text replaces the page's: the paragraph
    # reads 'The unit delivered <a href="/data">212 babies</a> ...' and the document warns
    # that the page's HTML shows only part of the story. Expected: the page as shown, no
    # warning, no markup in the text.
    linked = REST[0].replace("212 babies", '<a href="/data">212 babies</a>')
    items = [{"type": "paragraph", "html": t} for t in (LEDE, linked, *REST[1:])]
    data = {"props": {"pageProps": {"article": {"blocks": items}}}}
    doc = extracted(_page(f"<article>{story(LEDE, linked, *REST[1:])}</article>{_next_data(data)}"))
    assert [p.text for p in doc.paragraphs] == [LEDE, *REST]
    assert doc.warnings == ()


OTHER = [
    "Ambulance crews in the county will carry new birthing kits from next month, the "
    "regional service said on Wednesday.",
    "The kits include warming blankets and cord clamps, and every crew will take a half-day "
    "course on roadside births.",
    "Paramedics said they had delivered four babies on the road in the past year, two of "
    "them on the coast road in winter.",
    "The service said the kits cost about 40,000 pounds in all and were paid for from a "
    "charity grant.",
    "A union representative said crews welcomed the training but were worried about longer "
    "journeys to hospital.",
    "The regional service said it would review response times in the county after the "
    "maternity unit closes.",
]
BACKGROUND = (
    "The hospital, opened in 1971, is the only one in the county with a maternity unit and "
    "serves about 90,000 people."
)


def test_review16_a_next_js_page_is_not_read_as_the_next_story_in_its_data() -> None:
    # The page shows its whole story; its data holds that story and, prefetched for the
    # reader's next scroll, a longer follow-up that reuses the same background paragraph
    # word for word (as outlets do). app_body takes the longest list the page "vouches for"
    # by one shown paragraph, so the page is read as the OTHER story (and takes its
    # updatedAt as its own modified time), with the app-data warning. Expected: the page's
    # own five paragraphs, no warning, no modified time.
    own = [LEDE, *REST, BACKGROUND]
    data = {
        "props": {
            "pageProps": {
                "story": {"body": [{"type": "paragraph", "text": t} for t in own]},
                "nextStory": {
                    "headline": "Ambulances to carry birthing kits",
                    "body": [
                        {"type": "paragraph", "text": t}
                        for t in [*OTHER[:3], BACKGROUND, *OTHER[3:]]
                    ],
                    "updatedAt": "2026-03-01T09:00:00Z",
                },
            }
        }
    }
    doc = extracted(_page(f"<article>{story(*own)}</article>{_next_data(data)}"))
    assert [p.text for p in doc.paragraphs] == own
    assert doc.warnings == ()
    assert doc.modified is None


# ------------------------------------------------------- 202b48c: page._drop_call_boxes


def test_review16_a_newsletter_posts_items_are_its_story() -> None:
    # A newsletter post (a page kind this range set out to read) sets each item in a box
    # classed "newsletter-item" with a link to the full story. _drop_call_boxes drops every
    # such box of 50 words or fewer that holds a link, so the whole post goes and extraction
    # fails ("no article text found"); before 202b48c the four items were read. Expected:
    # the items' paragraphs.
    items = [
        "The county's only maternity unit will stop delivering babies on June 1, its owner "
        "said on Monday. <a href='/a'>Read the full story</a>.",
        "Commissioners will ask the state to review the decision at an emergency meeting on "
        "Thursday. <a href='/b'>Here is what they said</a>.",
        "The unit delivered 212 babies last year, fewer than half the number it needs to "
        "keep staff trained. <a href='/c'>Our analysis</a>.",
        "Ambulance crews are being trained to handle births on the road, a spokesperson "
        "said. <a href='/d'>More on the plan</a>.",
    ]
    body = "".join(f'<div class="newsletter-item"><p>{item}</p></div>' for item in items)
    doc = extracted(_page(f"<article>{body}</article>"))
    assert len(doc.paragraphs) == 4
    assert doc.paragraphs[0].text.startswith("The county's only maternity unit")


def test_review16_a_lede_box_classed_promo_is_the_story() -> None:
    # The story's lede in a box its CMS classes "article-promo" (the text used to promote
    # the story elsewhere), holding a link to the owner's page: _drop_call_boxes takes it for
    # an app's or newsletter's call box (a "promo" word, a link, under 50 words) and the
    # story loses its first paragraph. Kept before 202b48c. Expected: the lede kept.
    lede = LEDE.replace(
        "its owner said", "its owner, <a href='/org/halden'>Halden Health</a>, said"
    )
    doc = extracted(
        _page(f'<article><div class="article-promo"><p>{lede}</p></div>{story(*REST)}</article>')
    )
    assert doc.paragraphs[0].text.startswith("The county's only maternity unit")


# ------------------------------------------------ b5ca5d9: cleanup._is_labelled_link


def test_review16_a_correction_or_update_note_that_links_is_no_related_story() -> None:
    # "Correction: <a>An earlier version of this story ...</a>" and "Update: <a>...</a>" are
    # a label and a link, so _is_labelled_link drops them as related stories' lines. They
    # are the newsroom's notes on the story (what storydiff's notes read) and were kept
    # before b5ca5d9. Expected: both kept.
    update = (
        '<p>Update: <a href="/council-vote">Commissioners voted on Thursday night to ask the '
        "state to review the closure</a></p>"
    )
    correction = (
        '<p>Correction: <a href="/corrections">An earlier version of this story gave the '
        "wrong date for the closure</a>.</p>"
    )
    doc = extracted(
        _page(f"<article>{story(LEDE, REST[0])}{update}{correction}{story(*REST[1:])}</article>")
    )
    texts = [p.text for p in doc.paragraphs]
    assert any(t.startswith("Update: Commissioners voted") for t in texts)
    assert any(t.startswith("Correction: An earlier version") for t in texts)


# ------------------------------------------------ 2d13cff / 6fd469d: metadata._stamps_beside


def test_review16_a_timetable_in_the_story_gives_no_publication_time_nor_update() -> None:
    # The page gives its publication day only (JSON-LD "2026-03-04", "Published 4 March
    # 2026"). The story lists the hospital's timetable as items "Consultation 4 March 2026
    # 10:00" / "Decision 30 April 2026 17:00": _stamps_beside takes the first item on the
    # publication day for the stamp (published 2026-03-04T10:00) and the next for an update
    # (modified 2026-04-30T17:00, weeks after the page was fetched). Before 2d13cff: published
    # 2026-03-04, modified None. Expected: the same.
    head = _news_article_ld(datePublished="2026-03-04")
    timetable = (
        "<p>The timetable the hospital gave:</p><ul><li>Consultation 4 March 2026 10:00</li>"
        "<li>Decision 30 April 2026 17:00</li></ul>"
    )
    doc = extracted(
        _page(
            '<div class="meta"><span>Published 4 March 2026</span></div>'
            f"<article>{story(LEDE, REST[0])}{timetable}{story(*REST[1:])}</article>",
            head,
        )
    )
    assert doc.published == "2026-03-04"
    assert doc.modified is None


# ------------------------------------------- dac3298: cleanup._without_release_boilerplate


def test_review16_a_news_story_by_its_outlet_keeps_its_about_the_town_section() -> None:
    # News sites often name the outlet itself as JSON-LD's author (an Organization: "Halden
    # Gazette"), which the press-release rule reads as a release's issuer. A local story's
    # subheading "About Halden" (the town the paper is named after) is then "About <the
    # issuer>" because the issuer's name starts with it (name.startswith(about)), and it and
    # everything after it go: three of the story's paragraphs. Kept before dac3298.
    # Expected: every paragraph kept (only an "About" heading naming the issuer whole, on a
    # page that is a release, should end the text).
    head = _news_article_ld(author={"@type": "Organization", "name": "Halden Gazette"})
    town = (
        "Halden is a market town of 14,000 people on the coast road, forty miles from the "
        "county hospital."
    )
    doc = extracted(
        _page(
            f"<article>{story(LEDE, REST[0])}<h2>About Halden</h2>{story(town, *REST[1:])}"
            "</article>",
            head,
        )
    )
    texts = [p.text for p in doc.paragraphs]
    assert town in texts
    assert texts[-1] == REST[2]


# ------------------------------------------------------------- fix16e: appdata.app_body's walk


def _state(levels: int, per_level: int) -> dict[str, object]:
    """A site's state nested ``levels`` deep, each level a list of small rich-text items."""
    top: dict[str, object] = {"type": "group"}
    node = top
    for level in range(levels):
        child: dict[str, object] = {"type": "group"}
        node["children"] = [
            {
                "type": "card",
                "children": [{"type": "text", "text": f"Card {level}-{n}: a line of menu text."}],
            }
            for n in range(per_level)
        ] + [child]
        node = child
    return top


def test_review16_page_data_is_walked_once_however_deep() -> None:
    # app_body read every item of every list by walking the item's subtree again, so data
    # nested d lists deep was read d times over (the reviewer measured 5.3 s for 5.6 MB 30
    # deep). Walked once, four times the levels (and items) take about four times the work,
    # not sixteen.
    from lxml import html as lxml_html
    from timing import in_units

    from compare.extract.appdata import app_body

    def units(levels: int) -> float:
        data = {
            "props": {
                "pageProps": {
                    "story": {"body": [LEDE, *REST]},
                    "state": _state(levels, 300),
                }
            }
        }
        tree = lxml_html.fromstring(_page(f"<p>{LEDE}</p>{_next_data(data)}"))
        drawn, spent = in_units(lambda: app_body(tree), repeat=3)
        assert drawn is not None and drawn.body.split("\n\n") == [LEDE, *REST]
        return spent

    units(2)  # warm up
    small, large = units(5), units(20)
    # Linear: ~4x. Walking each list's subtree again was ~16x.
    assert large < 8 * max(small, 1.0) + 20


def test_review16_a_page_showing_a_long_story_is_not_read_from_its_data() -> None:
    # A page whose HTML shows a story longer than any teaser has its data left unread,
    # however much of the site's state the data holds.
    from lxml import html as lxml_html

    from compare.extract.appdata import app_body

    long_story = [f"{p} ({n})" for n in range(6) for p in (LEDE, *REST)]
    data = {"props": {"pageProps": {"story": {"body": [*long_story, "One more paragraph."]}}}}
    tree = lxml_html.fromstring(_page(f"<article>{story(*long_story)}</article>{_next_data(data)}"))
    assert app_body(tree) is None


# ------------------------------------------------------ fix16e: metadata._stamps_beside's bounds


def _timetable_page(decision: str) -> str:
    head = _news_article_ld(datePublished="2026-03-04")
    timetable = f"<ul><li>Consultation 4 March 2026 10:00</li><li>Decision {decision}</li></ul>"
    return _page(f"<article>{story(LEDE, REST[0])}{timetable}{story(*REST[1:])}</article>", head)


def test_review16_a_timetable_below_the_storys_text_is_not_the_pages_stamps() -> None:
    # Its two dates a week apart: only their place (in the story's box, below its
    # paragraphs) says they are the story's, not the page's.
    doc = extracted(_timetable_page("11 March 2026 17:00"))
    assert (doc.published, doc.modified) == ("2026-03-04", None)


def test_review16_stamps_under_a_long_standfirst_in_the_storys_box_are_the_pages() -> None:
    dek = (
        "The health system says it cannot staff the unit safely, and commissioners will ask "
        "the state to step in before the doors close."
    )
    html = _page(
        f'<article><p class="dek">{dek}</p><ul class="info"><li>Posted 4 March 2026 10:00</li>'
        f"<li>Revised 4 March 2026 17:00</li></ul>{story(LEDE, *REST)}</article>",
        _news_article_ld(datePublished="2026-03-04"),
    )
    doc = extracted(html)
    assert (doc.published, doc.modified) == ("2026-03-04T10:00", "2026-03-04T17:00:00")


def test_review16_an_update_stamped_after_the_page_was_fetched_is_no_update() -> None:
    # Stamps side by side above the story, the second dated after the fetch: a schedule's
    # line ("Hearing"), not the page's update.
    html = _page(
        '<ul class="info"><li>Posted 4 March 2026 10:00</li><li>Hearing 6 March 2026 '
        f"17:00</li></ul><article>{story(LEDE, *REST)}</article>",
        _news_article_ld(datePublished="2026-03-04"),
    )

    def fetched(at: str | None) -> Document:
        return extract(
            Snapshot(
                content=html.encode("utf-8"),
                kind="html",
                provenance=Provenance(spec="page", encoding="utf-8", fetched_at=at),
            )
        )

    assert fetched("2026-03-05T08:00:00Z").modified is None
    assert fetched("2026-03-07T08:00:00Z").modified == "2026-03-06T17:00:00"


# ------------------------------------------- fix16e: cleanup._without_release_boilerplate


def test_review16_an_about_heading_must_name_the_issuer_whole() -> None:
    # A contact line makes the page look like a release, but "About Halden" does not name
    # "Halden Gazette": the section is the story's.
    head = _news_article_ld(author={"@type": "Organization", "name": "Halden Gazette"})
    town = "Halden is a market town of 14,000 people on the coast road, forty miles away."
    html = _page(
        f"<article>{story(LEDE, REST[0])}<h2>About Halden</h2>{story(town, *REST[1:])}"
        "<p>Tips: newsdesk@halden.example</p></article>",
        head,
    )
    texts = [p.text for p in extracted(html).paragraphs]
    assert town in texts
    assert REST[2] in texts


def test_review16_a_chinese_next_js_teaser_is_read_from_its_data() -> None:
    # Unspaced Chinese was one "word" a paragraph, so no paragraph shown vouched for a list.
    from lxml import html as lxml_html

    from compare.extract.appdata import app_body

    lede = (
        "市政府周二宣布，城北唯一的产科病房将于六月一日停止接生，"
        "孕妇最远需要驾车七十分钟前往最近的医院。"
    )
    rest = [
        "该病房去年接生二百一十二名婴儿，不到维持产科人员培训和全天候值班所需数量的一半。",
        "县议员周四召开紧急会议，表示将要求省政府在病房关闭前重新审查这一决定。",
    ]
    data = {"props": {"pageProps": {"story": {"body": [lede, *rest]}}}}
    tree = lxml_html.fromstring(_page(f"<p>{lede}</p>{_next_data(data)}"))
    drawn = app_body(tree)
    assert drawn is not None and drawn.body.split("\n\n") == [lede, *rest]
