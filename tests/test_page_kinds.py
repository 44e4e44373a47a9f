"""Page kinds that the outlet pages (tests/data/outlets) first showed wrong, each rule on a
page cut down to what it needs (fictional): a Next.js page whose HTML shows a teaser, bylines
with a label before the reporter's link, Korean bylines, stamps and sign-offs, boxes that
sell an app or hold a player, a date under a byline under a dek, a transcript's speakers and
a press release's boilerplate."""

from __future__ import annotations

import json

from compare.extract import extract
from compare.extract.metadata import stamp_only
from compare.extract.pipeline import APP_DATA_WARNING
from compare.model import Document, Provenance, Snapshot

LEDE = (
    "The county's only maternity unit will stop delivering babies on June 1, leaving "
    "expectant parents a drive of up to 70 minutes to the nearest hospital, its owner said."
)
REST = [
    "The unit delivered 212 babies last year, fewer than half the number it needs to keep "
    "obstetric staff trained and on call around the clock, the health system said.",
    "County commissioners called an emergency meeting for Thursday and said they would ask "
    "the state to review the decision before the unit closes its doors.",
    "The hospital will keep its emergency department open, and ambulance crews are being "
    "trained to handle births on the road, a spokesperson said on Tuesday.",
]


def extracted(html: str) -> Document:
    return extract(
        Snapshot(
            content=html.encode("utf-8"),
            kind="html",
            provenance=Provenance(spec="page", encoding="utf-8"),
        )
    )


def page(body: str, head: str = "", lang: str = "en") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta property="og:title" content="Maternity unit to close">'
        f"{head}</head><body>{body}</body></html>"
    )


def story(*paragraphs: str) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def next_page(data: object) -> str:
    return page(
        "<main><h1>Maternity unit to close</h1>"
        f'<div class="body"><p>{LEDE}</p><div class="skeleton"></div></div>'
        '<div class="newsletter"><p>Start every day with the news that matters. Sign up.</p>'
        "</div></main>"
        f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'
    )


def test_a_next_js_teaser_is_read_whole_from_the_data_it_is_drawn_from() -> None:
    # The page shows the lede; the data holds it with the rest, an advert slot and a
    # related story's card among the paragraphs, and the site's menu elsewhere.
    body = [{"type": "paragraph", "content": [{"type": "text", "text": LEDE}]}]
    body += [{"type": "ad", "slot": "mid-article-1"}]
    body += [{"type": "paragraph", "content": [{"type": "text", "text": t}]} for t in REST]
    body.insert(2, {"type": "related", "headline": "Rural hospitals brace for cuts", "url": "/x"})
    data = {
        "props": {
            "pageProps": {
                "story": {"body": body, "updatedAt": "2026-02-10T17:05:00.000Z"},
                "nav": [{"label": "News and sport"}, {"label": "Opinion and comment"}],
            }
        }
    }
    doc = extracted(next_page(data))
    assert [p.text for p in doc.paragraphs] == [LEDE, *REST]
    assert doc.warnings == (APP_DATA_WARNING,)
    assert doc.modified == "2026-02-10T17:05:00.000Z"  # beside the paragraphs in the data


def test_a_next_js_body_kept_as_markup_is_read_by_its_paragraphs() -> None:
    markup = "".join(f"<p>{t}</p>" for t in [LEDE, *REST])
    doc = extracted(next_page({"props": {"pageProps": {"article": {"html": markup}}}}))
    assert [p.text for p in doc.paragraphs] == [LEDE, *REST]


def test_page_data_that_holds_no_paragraph_the_page_shows_is_not_read() -> None:
    # Another story's text in the data (a "next article" preloaded): not this page's.
    other = [
        f"Another story entirely, paragraph {n}, about the harbour wall repairs." for n in "12"
    ]
    html = page(
        f"<main><h1>Maternity unit to close</h1>{story(LEDE, *REST)}</main>"
        '<script id="__NEXT_DATA__" type="application/json">'
        f"{json.dumps({'props': {'next': {'paragraphs': other}}})}</script>"
    )
    doc = extracted(html)
    assert [p.text for p in doc.paragraphs] == [LEDE, *REST]
    assert doc.warnings == ()


def byline_page(byline: str, lang: str) -> str:
    return page(
        f'<article><h1>Maternity unit to close</h1><div class="author">{byline}</div>'
        f"{story(LEDE, *REST)}</article>",
        lang=lang,
    )


def test_a_label_before_the_link_to_the_reporters_page_is_no_part_of_her_name() -> None:
    # "بقلم:" ("by the pen of"): trafilatura drops the colon and keeps the word.
    html = byline_page('بقلم: <a href="/author/salma-alhaddad">سلمى الحداد</a>', "ar")
    assert extracted(html).authors == ("سلمى الحداد",)


def test_the_one_link_of_a_byline_box_names_the_reporter_whatever_its_address() -> None:
    # "/muhabir/" is Turkish for a reporter's page, which no address rule knows.
    html = byline_page('Haber: <a href="/muhabir/elif-karaca">Elif Karaca</a>', "tr")
    assert extracted(html).authors == ("Elif Karaca",)


KO_LEDE = (
    "새들시 도시철도 2호선을 동림역에서 남포신도시까지 잇는 연장 사업이 국토교통부 "
    "예비타당성 조사를 통과했다. 새들시는 2031년 개통을 목표로 기본설계에 착수할 계획이다."
)
KO_REST = (
    "연장 구간은 총 9.6㎞로, 정거장 7곳이 새로 들어선다. 사업비는 4200억 원으로 국비 60%, "
    "시비 40%로 충당한다. 시는 하루 평균 3만2000명이 이용할 것으로 내다봤다."
)


def korean_page(updated: str) -> str:
    return page(
        "<h1>새들시 도시철도 2호선 연장 확정</h1>"
        '<div class="byline"><span class="writer">김서연 기자</span></div>'
        f'<ul class="info"><li>입력 2026.03.04 09:12</li><li>수정 {updated}</li></ul>'
        f'<article class="article-body">{story(KO_LEDE, KO_REST)}'
        "<p>김서연 기자 seoyeon@hanbit.example</p>"
        "<p>&lt;저작권자 © 한빛일보, 무단전재 및 재배포 금지&gt;</p></article>",
        head='<meta name="author" content="김서연 기자">'
        '<meta property="article:published_time" content="2026-03-04T09:12:00+09:00">',
        lang="ko",
    )


def test_a_korean_byline_without_its_role_and_its_sign_off_and_notice_out_of_the_text() -> None:
    doc = extracted(korean_page("2026.03.04 15:47"))
    assert doc.authors == ("김서연",)
    assert [p.text for p in doc.paragraphs] == [KO_LEDE, KO_REST]


def test_an_update_stamped_beside_the_publication_under_another_label() -> None:
    assert extracted(korean_page("2026.03.04 15:47")).modified == "2026-03-04T15:47:00+09:00"
    # An "update" before the publication is no update.
    assert extracted(korean_page("2026.03.03 08:00")).modified is None


def test_a_stamps_date_written_year_first_with_dots() -> None:
    assert stamp_only("2026.03.04 09:12") == ("2026-03-04T09:12", None)
    assert stamp_only("2026.3.4 09:12") is None  # "2026.3.4" is no such date


def test_short_boxes_that_sell_an_app_or_hold_a_player_go() -> None:
    html = page(
        "<article><h1>Maternity unit to close</h1>"
        '<div class="player-wrap"><button>Play video</button><p class="fallback">This video '
        "can not be played. To play this video you need to enable JavaScript.</p></div>"
        f"{story(LEDE, REST[0])}"
        '<div class="promo-card"><p>Get health alerts on your phone. Download the app.</p>'
        '<a href="/app">Get the app</a></div>'
        f"{story(*REST[1:])}</article>"
    )
    assert [p.text for p in extracted(html).paragraphs] == [LEDE, *REST]


def test_a_box_named_promo_that_holds_the_story_stays() -> None:
    # A layout's name, not an advert's: more than a few lines is the story.
    html = page(
        '<article><h1>Maternity unit to close</h1><div class="promo-layout">'
        f"{story(LEDE, *REST)}<button>Share</button></div></article>"
    )
    assert [p.text for p in extracted(html).paragraphs] == [LEDE, *REST]


def test_a_date_line_after_the_byline_box_goes_under_a_dek() -> None:
    dek = "Inspectors found cracking in two beams. Here is what it means for drivers."
    html = page(
        f'<h1>Maternity unit to close</h1><p class="dek">{dek}</p>'
        '<p class="byline">By <a href="/people/d-pruitt">Deshawn Pruitt</a></p>'
        f'<p class="stamp">June 2, 2026</p><div class="body">{story(LEDE, *REST)}</div>',
        head=f'<meta name="description" content="{dek}">',
    )
    texts = [p.text for p in extracted(html).paragraphs]
    assert "June 2, 2026" not in texts
    assert texts[-4:] == [LEDE, *REST]


def test_a_transcripts_speaker_heads_the_line_and_its_time_code_goes() -> None:
    lines = [("0:00", "NIAMH GALBRAITH:", LEDE), ("0:18", "CALUM REID, WESTMARA FERRIES:", REST[0])]
    lines += [("0:41", "NIAMH GALBRAITH:", text) for text in REST[1:]]
    transcript = "".join(
        f'<div class="line"><span class="time">{time}</span><span class="speaker">{who}</span>'
        f"<p>{text}</p></div>"
        for time, who, text in lines
    )
    html = page(f"<main><h1>Maternity unit to close</h1><section>{transcript}</section></main>")
    texts = [p.text for p in extracted(html).paragraphs]
    assert texts == [f"{who} {text}" for _, who, text in lines]


RELEASE_LD = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
    '"NewsArticle", "headline": "Maternity unit to close", "author": {"@type": '
    '"{kind}", "name": "Larchmont Health Inc."}}</script>'
)
BOILERPLATE = [
    "<p><b>About Larchmont Health</b></p>",
    "<p>Larchmont Health runs six hospitals across the Plains. For more information, visit "
    "www.larchmont.example.</p>",
    "<p><b>Forward-Looking Statements</b></p>",
    "<p>This release contains forward-looking statements. Actual results may differ.</p>",
]
CONTACT = "<p>Media Contact:<br>Laurel Finch<br>press@larchmont.example<br>+1 412-555-0148</p>"


def test_a_press_release_loses_its_issuers_about_section_contact_and_source_line() -> None:
    html = page(
        f"<h1>Maternity unit to close</h1><div class='release'>{story(LEDE, *REST)}"
        f"{''.join(BOILERPLATE)}{CONTACT}<p>SOURCE Larchmont Health Inc.</p></div>",
        head=RELEASE_LD.replace("{kind}", "Organization"),
    )
    assert [p.text for p in extracted(html).paragraphs] == [LEDE, *REST]


def test_the_source_line_alone_names_the_issuer() -> None:
    html = page(
        f"<h1>Maternity unit to close</h1><div class='release'>{story(LEDE, *REST)}"
        f"{''.join(BOILERPLATE)}<p>SOURCE Larchmont Health Inc.</p></div>"
    )
    assert [p.text for p in extracted(html).paragraphs] == [LEDE, *REST]


def test_a_news_storys_about_section_stays() -> None:
    # Written by a person, not issued by the organisation it is about: its own text.
    html = page(
        f"<h1>Maternity unit to close</h1><div class='body'>{story(LEDE, *REST)}"
        f"{''.join(BOILERPLATE[:2])}</div>",
        head=RELEASE_LD.replace("{kind}", "Person"),
    )
    texts = [p.text for p in extracted(html).paragraphs]
    assert texts[-2:] == ["About Larchmont Health", texts[-1]]
    assert texts[-1].startswith("Larchmont Health runs six hospitals")


def test_only_a_link_whose_address_spells_its_text_names_a_person() -> None:
    from lxml.html import fragment_fromstring

    from compare.extract.metadata import _named_by_address

    def named(link: str) -> bool:
        return _named_by_address(fragment_fromstring(link))

    assert named('<a href="/muhabir/elif-karaca">Elif Karaca</a>')
    assert named('<a href="https://x.example/yazar/ılgın-şahin-42/">Ilgın Şahin</a>')
    assert not named('<a href="/news/politics">Politics</a>')
    assert not named('<a href="/muhabir/elif-karaca">Ekonomi Masası</a>')


def test_a_player_card_of_links_in_a_sports_story_stays() -> None:
    card = (
        '<div class="player-card"><p>Top scorer: <a href="/players/ana-ruiz">Ana Ruiz</a>, '
        "23 goals in 30 games.</p></div>"
    )
    html = page(f"<article><h1>Maternity unit to close</h1>{story(LEDE, *REST)}{card}</article>")
    texts = [p.text for p in extracted(html).paragraphs]
    assert texts[-1] == "Top scorer: Ana Ruiz, 23 goals in 30 games."


def test_a_label_and_a_link_alone_on_a_line_is_a_related_story_in_any_language() -> None:
    related = '<p><strong>עוד בנושא:</strong> <a href="/a">תושבי רחוב הרצל נגד העבודות</a></p>'
    html = page(
        f"<article><h1>Maternity unit to close</h1>{story(LEDE, REST[0])}{related}"
        f"{story(*REST[1:])}</article>"
    )
    assert [p.text for p in extracted(html).paragraphs] == [LEDE, *REST]


def test_a_sentence_with_a_colon_and_a_link_stays() -> None:
    said = (
        'The report says: <a href="/report.pdf">the unit cannot be staffed safely</a>, and '
        "the board agreed with it on Monday."
    )
    html = page(f"<article><h1>Maternity unit to close</h1>{story(LEDE, said, *REST)}</article>")
    texts = [p.text for p in extracted(html).paragraphs]
    assert texts[1].startswith("The report says: the unit cannot be staffed safely")


def test_stamps_side_by_side_give_the_time_of_a_day_found_alone_and_the_update() -> None:
    # htmldate finds the day; the stamps say when on it, and when it was updated.
    html = page(
        "<article><h1>Maternity unit to close</h1>"
        '<div class="dates"><span>Publicerad 12 mars 2026 kl. 07.15</span> '
        "<span>Uppdaterad 12 mars 2026 kl. 11.40</span></div>"
        f"{story(LEDE, *REST)}</article>",
        lang="sv",
    )
    doc = extracted(html)
    assert (doc.published, doc.modified) == ("2026-03-12T07:15", "2026-03-12T11:40")
