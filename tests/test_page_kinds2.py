"""More page kinds other trials found read wrong, each on a page written for the test
(fictional stories): a short page trafilatura gave glued into one paragraph, a comment
section classed only "talkbacks", Arabic date stamps, Nuxt's page data, and others."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import NamedTuple

import pytest
from test_page_kinds import extracted

from compare.extract.pipeline import APP_DATA_WARNING
from compare.model import Document


def texts(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs]


def page(body: str, head: str = "", lang: str = "en", rtl: bool = False) -> str:
    direction = ' dir="rtl"' if rtl else ""
    return (
        f'<!DOCTYPE html><html lang="{lang}"{direction}><head><meta charset="utf-8">'
        f"{head}</head><body>{body}</body></html>"
    )


def story(*paragraphs: str) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


# A four-sentence Hebrew brief (34 words; 48 in English): a water main burst in a town.
HE_BRIEF = [
    "צינור מים ראשי התפוצץ הבוקר ברחוב הזית במרכז העיר.",
    "מאות דיירים נותרו ללא מים במשך כמה שעות.",
    "צוותי התאגיד עבדו במקום עד שעות הצהריים.",
    "לדברי התאגיד, אספקת המים תחודש במלואה עד הערב.",
]
# A short English brief (41 words, under 250 characters).
EN_BRIEF = [
    "A fox got into the town hall on Monday and hid in the mayor's office for an hour.",
    "Staff left the door open and it ran off into the park.",
    "No one was hurt, the clerk said.",
    "The hall will fit a new lock on the side gate this week.",
]


def short_page(title: str, paragraphs: list[str], lang: str = "en") -> str:
    return page(
        f'<main><article><h1>{title}</h1><p class="byline">By Noa Ferber</p>'
        f"{story(*paragraphs)}</article></main>",
        f'<title>{title}</title><meta name="author" content="Noa Ferber">',
        lang,
        rtl=lang == "he",
    )


def test_a_short_page_keeps_its_paragraphs_without_headline_and_byline() -> None:
    # Below 250 characters trafilatura took its reading to have failed and gave the
    # whole <article> as one paragraph: "Fox in the town hall By Noa Ferber A fox got ...".
    doc = extracted(short_page("Fox in the town hall", EN_BRIEF))
    assert texts(doc) == EN_BRIEF
    assert doc.title == "Fox in the town hall"
    assert doc.authors == ("Noa Ferber",)


def test_a_short_hebrew_page_keeps_its_paragraphs_and_is_an_article() -> None:
    # 34 words of Hebrew say what 48 of English do: the page is not refused for too
    # little prose once its headline and byline are no longer glued to the text.
    doc = extracted(short_page("פיצוץ צינור ברחוב הזית", HE_BRIEF, "he"))
    assert texts(doc) == HE_BRIEF
    assert doc.title == "פיצוץ צינור ברחוב הזית"


# A Hebrew story of four paragraphs: a market's stalls move while its square is rebuilt.
HE_STORY = [
    "השוק העירוני יעבור בחודש הבא למגרש החניה שליד תחנת האוטובוסים, כך הודיעה העירייה "
    "אתמול. הדוכנים יפעלו שם עד שתסתיים בניית הכיכר החדשה.",
    "לדברי העירייה, העבודות בכיכר יימשכו כשמונה חודשים ויעלו כ-12 מיליון שקל. הסוחרים "
    "יקבלו הנחה של חצי מדמי השכירות בתקופה הזו.",
    "יושב ראש ועד הסוחרים, אבי נחום, אמר כי המעבר יפגע בפרנסה של עשרות משפחות, "
    "ודרש מהעירייה לפרסם תוכנית חניה לקונים.",
    "העירייה השיבה כי יוקצו מאה מקומות חניה חינם בימי שישי, וכי שלטי הכוונה יוצבו "
    "בכניסות לעיר כבר בשבוע הבא.",
]


def he_story_page(after: str) -> str:
    return page(
        "<main><article><h1>השוק העירוני עובר למגרש החניה</h1>"
        f'<div class="text">{story(*HE_STORY)}</div>{after}</article></main>',
        "<title>השוק העירוני עובר למגרש החניה</title>",
        "he",
        rtl=True,
    )


TALKBACKS = [
    '<div class="tb"><b>רותי מהמושבה</b><p>סוף סוף מישהו חשב על החניה.</p></div>',
    '<div class="tb"><b>יעקב</b><p>שמונה חודשים? זה ייקח שנתיים לפחות.</p></div>',
]


@pytest.mark.parametrize(
    "comments",
    [
        TALKBACKS[0],  # one comment shown, its name and words the box's two children
        "".join(TALKBACKS),
        "<ol>" + "".join(f"<li>{c}</li>" for c in TALKBACKS) + "</ol>",
    ],
)
def test_a_talkback_section_named_only_by_the_sites_word_goes(comments: str) -> None:
    # "talkbacks", Israeli sites' word for readers' comments, tells trafilatura nothing:
    # its heading "תגובות (23)" and the comments read as the story's last paragraphs.
    talkbacks = f'<div class="talkbacks"><h3>תגובות (23)</h3>{comments}</div>'
    assert texts(extracted(he_story_page(talkbacks))) == HE_STORY


def test_comments_under_a_heading_that_counts_them_go_whatever_its_word() -> None:
    # No class, no word a list knows: a heading with a count over items that each start
    # with a name and carry a time and reply and like buttons.
    views = (
        '<section class="x9f"><h3>Vos avis (2)</h3>'
        '<div class="c1"><strong>Lina R.</strong><time datetime="2026-03-12T11:02">11:02</time>'
        "<p>Enfin une décision sur le parking du marché.</p><button>Répondre</button>"
        "<button>12</button></div>"
        '<div class="c1"><strong>Paul</strong><time datetime="2026-03-12T11:40">11:40</time>'
        "<p>Huit mois, on en reparlera dans deux ans.</p><button>Répondre</button>"
        "<button>3</button></div></section>"
    )
    assert texts(extracted(he_story_page(views))) == HE_STORY


def test_a_counted_box_of_named_items_without_a_time_or_button_stays() -> None:
    # A factbox of dates and what happens then: named items under a count, but nothing a
    # comment carries besides its words.
    dates = [
        "מרץ: הדוכנים עוברים למגרש החניה הזמני שליד התחנה המרכזית.",
        "נובמבר: הכיכר החדשה נפתחת והשוק חוזר למקומו הקבוע במרכז העיר.",
    ]
    box = (
        '<div class="facts"><h3>מועדים (2)</h3>'
        + "".join(f"<div><b>{d.split(':')[0]}</b><p>{d.split(': ')[1]}</p></div>" for d in dates)
        + "</div>"
    )
    got = texts(extracted(he_story_page(box)))
    assert got[: len(HE_STORY)] == HE_STORY
    assert any("הכיכר החדשה נפתחת" in t for t in got[len(HE_STORY) :])


# An Arabic story of three paragraphs: a town's bakeries get flour at a fixed price.
AR_STORY = [
    "أعلنت بلدية وادي الزيتون اليوم أن المخابز في المدينة ستحصل على الطحين بسعر ثابت حتى "
    "نهاية العام، بعد ارتفاع سعر الخبز مرتين خلال الشهرين الماضيين.",
    "وقال رئيس البلدية، سامر الخوري، إن القرار يشمل ثمانية وعشرين مخبزاً، وإن البلدية "
    "ستدفع الفرق من ميزانية الطوارئ التي أقرها المجلس الأسبوع الماضي.",
    "ورحب أصحاب المخابز بالخطوة، لكنهم طالبوا بزيادة الكميات المخصصة لكل مخبز قبل شهر "
    "رمضان، حين يرتفع الطلب على الخبز والحلويات.",
]


def ar_page(meta_line: str) -> str:
    return page(
        "<main><article><h1>طحين بسعر ثابت لمخابز وادي الزيتون</h1>"
        f'<div class="meta"><span class="by">بقلم: ليلى حداد</span>{meta_line}</div>'
        f"{story(*AR_STORY)}</article></main>",
        "<title>طحين بسعر ثابت لمخابز وادي الزيتون</title>",
        "ar",
        rtl=True,
    )


def test_an_arabic_stamp_with_egyptian_months_and_arabic_indic_digits_is_read() -> None:
    doc = extracted(
        ar_page(
            '<span class="date">نُشر في: الأحد ١٥ نوفمبر ٢٠٢٦ - ٠٩:١٠ صباحاً</span>'
            '<span class="upd">آخر تحديث: الأحد ١٥ نوفمبر ٢٠٢٦ - ٠٣:٤٥ مساءً</span>'
        )
    )
    assert texts(doc) == AR_STORY
    assert (doc.published, doc.modified) == ("2026-11-15T09:10", "2026-11-15T15:45")


def test_an_arabic_stamp_with_levantine_months_is_read() -> None:
    # "كانون الثاني" is January in Syria, Lebanon, Jordan and Iraq; "آذار/مارس" names
    # March by both calendars' names.
    doc = extracted(ar_page("<p>نشر بتاريخ: 7 كانون الثاني 2026 الساعة 18:20</p>"))
    assert doc.published == "2026-01-07T18:20"
    doc = extracted(ar_page("<p>تاريخ النشر: الجمعة 20 آذار/مارس 2026م، 11:05 ص</p>"))
    assert doc.published == "2026-03-20T11:05"


def test_an_update_stamped_in_a_box_of_its_own_beside_the_publication() -> None:
    # Two spans of one box, each a stamp line: the second is the update.
    body = (
        "<main><article><h1>Maternity unit to close</h1>"
        '<div class="meta"><span class="by">By Ada Mensah</span>'
        '<span class="date">Published: Thursday 12 March 2026 - 10:30 am</span>'
        '<span class="upd">Last updated: Thursday 12 March 2026 - 02:05 pm</span></div>'
        + story(
            "The county's only maternity unit will stop delivering babies on June 1, its "
            "owner said, leaving parents a drive of up to 70 minutes to the next hospital.",
            "The unit delivered 212 babies last year, fewer than half the number it needs to "
            "keep obstetric staff trained and on call around the clock, the owner said.",
        )
        + "</article></main>"
    )
    doc = extracted(page(body))
    assert (doc.published, doc.modified) == ("2026-03-12T10:30", "2026-03-12T14:05")


# A story of four paragraphs: a ferry line cuts its winter crossings.
FERRY = [
    "The ferry line between Oldhaven and the island of Marrow will run four crossings a "
    "day this winter instead of seven, its operator said on Monday, citing fuel costs.",
    "Islanders said the first boat, at 9.15am, left too late for anyone working a morning "
    "shift on the mainland, and that the last one back, at 4pm, left too early.",
    "The operator said it would review the timetable in February and that freight sailings "
    "for the island's shop and school would not change.",
    "The council's transport committee will ask the operator to appear before it in "
    "December, its chair, Morag Eilean, said in a statement.",
]


class Reactive(NamedTuple):
    value: object


def devalue(root: object) -> list[object]:
    """``root`` as Nuxt writes its page data: a list of entries that refer to one another
    by index, the first a reactive wrapper of the value."""
    entries: list[object] = [["ShallowReactive", 1]]

    def add(value: object) -> int:
        at = len(entries)
        entries.append(None)
        if isinstance(value, Reactive):
            entries[at] = ["Reactive", add(value.value)]
        elif isinstance(value, dict):
            entries[at] = {key: add(item) for key, item in value.items()}
        elif isinstance(value, list):
            entries[at] = [add(item) for item in value]
        else:
            entries[at] = value
        return at

    add(root)
    return entries


def nuxt_page(data: object, shown: int = 1) -> str:
    return page(
        "<main><h1>Ferry cuts winter crossings</h1>"
        f'<div class="body">{story(*FERRY[:shown])}<div class="skeleton"></div></div></main>'
        '<script type="application/json" id="__NUXT_DATA__" data-ssr="true">'
        f"{json.dumps(data)}</script>",
        "<title>Ferry cuts winter crossings</title>",
    )


def test_a_nuxt_teaser_is_read_whole_from_the_data_it_is_drawn_from() -> None:
    blocks: list[object] = [{"type": "paragraph", "text": text} for text in FERRY]
    blocks.insert(2, {"type": "ad", "slot": "mid-1"})
    story_data = {"blocks": blocks, "updatedAt": "2026-11-02T16:40:00Z", "at": ["Date", "x"]}
    data = devalue(
        {
            "data": Reactive({"story-ferry": story_data}),
            "state": {"menu": ["News", "Sport", "Weather and travel"]},
        }
    )
    data.append(["Date", "2026-11-02T16:40:00.000Z"])
    assert isinstance(data[1], dict)
    data[1]["published"] = len(data) - 1  # a typed value, left out
    data[1]["missing"] = -1  # undefined
    doc = extracted(nuxt_page(data))
    assert texts(doc) == FERRY
    assert doc.warnings == (APP_DATA_WARNING,)
    assert doc.modified == "2026-11-02T16:40:00Z"


def test_nuxt_data_that_refers_in_a_circle_or_outside_itself_is_not_read() -> None:
    for loop in ("circle", "outside"):
        data = devalue({"data": {"blocks": [{"type": "paragraph", "text": t} for t in FERRY]}})
        data.append([len(data) if loop == "circle" else 10_000])
        assert isinstance(data[2], dict)
        data[2]["loop"] = len(data) - 1
        doc = extracted(nuxt_page(data, shown=2))
        assert texts(doc) == FERRY[:2]
        assert doc.warnings == ()


def test_a_story_in_a_frame_written_into_the_page_is_read() -> None:
    # <iframe srcdoc="...">: the page itself is a menu and a footer around the frame.
    framed = (
        "<!doctype html><html><body><article><h1>Ferry cuts winter crossings</h1>"
        '<p class="byline">By Ines Harker</p>' + story(*FERRY[:3]) + "</article></body></html>"
    )
    body = (
        '<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>'
        f'<main><iframe title="story" srcdoc="{html.escape(framed)}"></iframe></main>'
        "<footer><p>© 2026 Oldhaven Courier</p></footer>"
    )
    head = (
        '<meta property="og:site_name" content="Oldhaven Courier">'
        '<meta property="article:published_time" content="2026-11-02T08:00:00Z">'
    )
    doc = extracted(page(body, head))
    assert texts(doc) == FERRY[:3]
    assert doc.title == "Ferry cuts winter crossings"
    assert doc.authors == ("Ines Harker",)
    assert (doc.site_name, doc.published) == ("Oldhaven Courier", "2026-11-02T08:00:00Z")
    assert doc.provenance.spec == "page"


# A Persian story of three paragraphs: a library opens on Fridays.
FA_STORY = [
    "کتابخانه مرکزی شهر از هفته آینده روزهای جمعه نیز باز خواهد بود و ساعت کار آن در "
    "روزهای دیگر هفته تا ساعت ۲۰ تمدید می‌شود.",
    "مدیر کتابخانه گفت این تصمیم پس از درخواست دانشجویان و دانش‌آموزانی گرفته شد که "
    "در روزهای تعطیل جایی برای مطالعه ندارند.",
    "به گفته او، هزینه این طرح از بودجه شهرداری پرداخت می‌شود و دست کم تا پایان سال "
    "ادامه خواهد داشت.",
]


def fa_page(meta_line: str) -> str:
    return page(
        "<main><article><h1>کتابخانه مرکزی جمعه‌ها هم باز است</h1>"
        f'<div class="meta"><span class="author">نویسنده: سارا نیکپور</span>{meta_line}</div>'
        f"{story(*FA_STORY)}</article></main>",
        "<title>کتابخانه مرکزی جمعه‌ها هم باز است</title>",
        "fa",
        rtl=True,
    )


def test_a_persian_byline_without_its_label_and_a_solar_hijri_stamp_in_persian_digits() -> None:
    # 12 Aban 1405 is 3 November 2026; the update under "آخرین به‌روزرسانی" (last update).
    doc = extracted(
        fa_page(
            '<span class="date">تاریخ انتشار: ۱۲ آبان ۱۴۰۵ - ۰۹:۱۵</span>'
            '<span class="upd">آخرین به‌روزرسانی: سه‌شنبه ۱۲ آبان ۱۴۰۵ ساعت ۱۴:۳۰</span>'
        )
    )
    assert texts(doc) == FA_STORY
    assert doc.authors == ("سارا نیکپور",)
    assert (doc.published, doc.modified) == ("2026-11-03T09:15", "2026-11-03T14:30")


def test_solar_hijri_days_at_the_turn_of_the_year_and_of_the_half() -> None:
    from compare.extract.metadata import _arabic_stamp_in_english

    days = {
        "۲۹ اسفند ۱۴۰۲": "19 March 2024",  # 1402 is a common year
        "۱ فروردین ۱۴۰۳": "20 March 2024",
        "۳۰ اسفند ۱۴۰۳": "20 March 2025",  # 1403 is a leap year
        "۱ فروردین ۱۴۰۴": "21 March 2025",
        "۳۱ شهریور ۱۴۰۵": "22 September 2026",
        "۱ مهر ۱۴۰۵": "23 September 2026",
        "۱ دی ۱۴۰۲": "22 December 2023",
        "۱ فروردین ۱۳۹۹": "20 March 2020",
    }
    for shown, day in days.items():
        assert _arabic_stamp_in_english(f"انتشار: {shown}") == f"Published: {day}"
    # No such day: left as it was, and so read as no date.
    assert "jalali12" in _arabic_stamp_in_english("۳۰ اسفند ۱۴۰۲")


def test_a_web_storys_screens_keep_their_headings() -> None:
    # <amp-story>: trafilatura read only each screen's <p>; its heading went.
    screens = [("Fewer boats", FERRY[0]), ("Who is hit", FERRY[1]), ("What next", FERRY[3])]
    body = (
        '<amp-story standalone title="Ferry cuts winter crossings" publisher="Oldhaven Courier">'
        '<amp-story-page id="cover"><amp-story-grid-layer template="vertical">'
        "<h1>Ferry cuts winter crossings</h1><p>By Ines Harker</p>"
        "</amp-story-grid-layer></amp-story-page>"
        + "".join(
            f'<amp-story-page id="s{i}"><amp-story-grid-layer template="vertical">'
            f"<h2>{heading}</h2><p>{text}</p></amp-story-grid-layer></amp-story-page>"
            for i, (heading, text) in enumerate(screens)
        )
        + '<amp-story-page id="last"><amp-story-grid-layer template="vertical"><h2>Freight</h2>'
        '</amp-story-grid-layer><amp-story-page-attachment layout="nodisplay">'
        f"<p>{FERRY[2]}</p></amp-story-page-attachment></amp-story-page></amp-story>"
    )
    doc = extracted(page(body, '<meta property="og:title" content="Ferry cuts winter crossings">'))
    assert texts(doc) == [*(t for screen in screens for t in screen), "Freight", FERRY[2]]
    assert doc.authors == ("Ines Harker",)


def test_a_section_of_the_storys_responses_each_under_a_name_stays() -> None:
    # "Responses" names comments, but with no count and nothing a comment carries besides
    # its words, the parties' answers under it are the story's.
    said = [
        "השוק העירוני: נגיש את עמדתנו לעירייה עוד השבוע ונבקש פגישה דחופה.",
        "ועד השכונה: אנחנו מברכים על ההחלטה ומקווים שהעבודות יסתיימו בזמן.",
    ]
    box = "<h3>Responses</h3>" + "".join(
        f"<div><b>{s.split(':')[0]}</b><p>{s.split(': ')[1]}</p></div>" for s in said
    )
    got = texts(extracted(he_story_page(f"<section>{box}</section>")))
    assert got[: len(HE_STORY)] == HE_STORY
    assert any("נגיש את עמדתנו" in t for t in got[len(HE_STORY) :])


def test_the_rail_pages_talkbacks_go_without_their_id() -> None:
    # tests/data/outlets/he-rail without the id="comments" that told trafilatura.
    source = Path(__file__).parent / "data" / "outlets" / "he-rail" / "old.html"
    got = texts(extracted(source.read_text("utf-8").replace(' id="comments"', "")))
    assert not any("תגובות" in t or "כרגיל" in t for t in got)
    assert got[-1].startswith("הקו האדום צפוי לשרת")
