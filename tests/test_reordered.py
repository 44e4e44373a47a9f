"""A reworded paragraph that holds the same words in another order ("in Leeds on Friday" /
"on Friday in Leeds", "..., police said." / "Police said ...") is labelled so in the
views, so that a reader need not hunt for a changed word. Stories written for this project."""

from __future__ import annotations

from compare import CompareOptions, compare
from compare.model import Document, Paragraph
from compare.render.html import render_comparison
from compare.render.layout import REORDERED, reordered
from compare.render.markdown import comparison as comparison_markdown
from compare.render.text import comparison as comparison_text
from compare.text import split_sentences

OLD = (
    "Three men were arrested after the match at Dunmore Park, police said.",
    "The council met in Leeds on Friday to approve the stadium budget.",
    "The stadium will reopen next week after repairs to the roof.",
)
NEW = (
    "Police said three men were arrested after the match at Dunmore Park.",
    "The council met on Friday in Leeds to approve the stadium budget.",
    "The stadium will reopen next month after repairs to the roof.",
)


def document(texts: tuple[str, ...], name: str) -> Document:
    return Document(
        paragraphs=tuple(Paragraph(t, tuple(split_sentences(t))) for t in texts), title=name
    )


def test_the_same_words_in_another_order_are_told_apart_from_a_changed_word() -> None:
    c = compare(document(OLD, "old.txt"), document(NEW, "new.txt"), CompareOptions())
    assert [b.op for b in c.blocks] == ["reworded"] * 3
    assert [reordered(c, b) for b in c.blocks] == [True, True, False]
    text = comparison_text(c, width=100, color=False, context=2)
    labels = [line for line in text.splitlines() if line.startswith("~ ¶")]
    assert [REORDERED in line for line in labels] == [True, True, False]
    wide = comparison_text(c, width=160, color=False, context=2)
    assert sum(REORDERED in line for line in wide.splitlines()) == 2
    headings = [line for line in comparison_markdown(c).splitlines() if line.startswith("####")]
    assert [REORDERED in line for line in headings] == [True, True, False]
    assert f"alike · {REORDERED}" in render_comparison(c, generated_at="2026-06-01T09:00Z")
    changed = compare(document(OLD[2:], "a.txt"), document(NEW[2:], "b.txt"), CompareOptions())
    assert REORDERED not in render_comparison(changed, generated_at="2026-06-01T09:00Z")


def test_only_reworded_blocks_are_reordered() -> None:
    same = compare(document(OLD, "a.txt"), document(OLD, "b.txt"), CompareOptions())
    assert not any(reordered(same, b) for b in same.blocks)
    # A word that came or went is no reordering, even beside words that moved.
    grown = (*NEW[:1], "The council met on Friday in Leeds to approve the new stadium budget.")
    c = compare(document(OLD[:2], "a.txt"), document(grown, "b.txt"), CompareOptions())
    assert [reordered(c, b) for b in c.blocks] == [True, False]


def test_a_symbol_or_a_figure_written_otherwise_is_a_changed_word() -> None:
    # Words of letters alone made "$5m" and "£5m" one word: "same words, reordered" beside
    # the key change "number: $5m -> £5m" (review23).
    for old, new in (
        (
            "The council paid $5m for the land, officials said.",
            "The council paid £5m for the land, officials said.",
        ),
        (
            "Temperatures fell to 5C in Carrow, forecasters said.",
            "Temperatures fell to -5C in Carrow, forecasters said.",
        ),
        (
            "The firm sold 1,200 pounds of fish, it said.",
            "The firm sold 1.200 pounds of fish, it said.",
        ),
        # Punctuation alone changed: nothing moved.
        (
            "The council, officials said, paid for the land.",
            "The council officials said paid for the land.",
        ),
    ):
        c = compare(document((old,), "a.txt"), document((new,), "b.txt"), CompareOptions())
        assert [b.op for b in c.blocks] == ["reworded"], (old, new)
        assert not reordered(c, c.blocks[0]), (old, new)
