"""user22: an international desk's stories — French, Spanish, German, Italian, Portuguese,
Arabic, Hebrew and Chinese pages and texts — read as a new user would. Every page and
sentence here was written for these tests."""

from __future__ import annotations

from compare import compare
from compare.extract import extract
from compare.model import Document, Paragraph, Provenance, Snapshot
from compare.notes import note_kind
from compare.text import split_sentences


def doc(*paragraphs: str, title: str = "Story") -> Document:
    return Document(
        paragraphs=tuple(Paragraph(p, tuple(split_sentences(p))) for p in paragraphs),
        title=title,
        site_name="desk.example",
    )


def extracted(html: str) -> Document:
    return extract(
        Snapshot(
            content=html.encode("utf-8"),
            kind="html",
            provenance=Provenance(spec="page", encoding="utf-8"),
        )
    )


# --- An Arabic correction, and Arabic's question mark -------------------------------------

AR_LEDE = "أعلنت وزارة الداخلية يوم الثلاثاء ارتفاع حصيلة ضحايا الفيضانات إلى {} قتيلاً و45 جريحاً."
AR_REST = "هل ستكفي المساعدات؟ يقول السكان إن الدعم لم يصل بعد."


def test_an_arabic_correction_is_a_note_not_an_edit_without_one() -> None:
    # Before, the views said "NEW changes these facts without adding or changing a
    # correction or update note" beside the very correction the newsroom added.
    note = "تصحيح: ذكرت نسخة سابقة من هذا التقرير أن عدد القتلى 12، والصحيح 14."
    c = compare(doc(AR_LEDE.format(12), AR_REST), doc(AR_LEDE.format(14), AR_REST, note))
    assert c.changes[0].kind == "note"
    assert c.changes[0].action == "added"
    assert c.changes[0].detail.startswith("correction added")
    assert not c.summary.edited_without_note


def test_hebrew_and_russian_labels_are_notes_and_their_words_in_a_sentence_are_not() -> None:
    assert note_kind("תיקון: בגרסה קודמת של הכתבה נכתב כי 12 בני אדם נהרגו.") == "correction"
    assert note_kind("עדכון: המשטרה פתחה מחדש את הכביש.") == "update"
    assert note_kind("Исправление: в предыдущей версии статьи была указана другая дата.") == (
        "correction"
    )
    assert note_kind("تصحيح الأخطاء جزء من عمل الصحفي.") is None  # "correcting errors is ..."
    assert note_kind("Обновление системы займёт час.") is None


def test_an_arabic_question_ends_its_sentence() -> None:
    assert split_sentences(AR_REST) == ["هل ستكفي المساعدات؟", "يقول السكان إن الدعم لم يصل بعد."]
