"""More page kinds other trials found read wrong, each on a page written for the test
(fictional stories): a short page trafilatura gave glued into one paragraph, a comment
section classed only "talkbacks", Arabic date stamps, Nuxt's page data, and others."""

from __future__ import annotations

from compare.extract import extract
from compare.model import Document, Provenance, Snapshot


def extracted(html: str) -> Document:
    return extract(
        Snapshot(
            content=html.encode("utf-8"),
            kind="html",
            provenance=Provenance(spec="page", encoding="utf-8"),
        )
    )


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
