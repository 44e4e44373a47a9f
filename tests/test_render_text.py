"""The terminal view of a comparison: unified and side by side, with and without colour."""

from __future__ import annotations

import random
import re
from dataclasses import replace

import pytest
from comparison_samples import (
    NEW_PARAGRAPHS,
    OLD_PARAGRAPHS,
    RIVER,
    document,
    ferry,
    long_story,
    split_up,
    unchanged,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare import compare
from compare.model import Block, Change, Comparison, Document, Paragraph, SentenceBlock, WordOp
from compare.render import markdown as md
from compare.render import text
from compare.text import split_sentences

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def render(comparison: object = None, **kwargs: object) -> str:
    options: dict[str, object] = {"width": 80, "color": False, "context": 2}
    options.update(kwargs)
    return text.comparison(comparison or ferry(), **options)  # type: ignore[arg-type]


def test_plain_unified_marks_words_and_paragraphs() -> None:
    out = render()
    assert "\x1b" not in out
    assert "[-Twelve-]{+Fourteen+} people died" in out
    assert "Headline: Ferry [-sinks-]{+capsizes+} off Port Ellery" in out
    lines = out.splitlines()
    assert "- The ferry operator declined to comment." in lines
    assert "+ Survivors were taken to St Brendan's Hospital." in lines
    assert any(line.startswith("↕ Weather was calm") for line in lines)
    assert any("↕ moved" in line for line in lines)
    assert "- old ¶ 3, removed" in lines
    assert "+ ¶ 5, added" in lines


def test_header_has_summary_and_key_changes() -> None:
    out = render(ferry(warnings=("NEW is much shorter than OLD",)))
    assert "OLD  v1.txt" in out and "NEW  v2.txt" in out
    assert "published 2026-05-24" in out
    assert "Similarity 82%" in out
    assert "Paragraphs: 1 reworded, 1 added, 1 removed, 4 unchanged; 1 of them moved" in out
    assert "warning: NEW is much shorter than OLD" in out
    assert "Key changes" in out
    assert '  • death toll: "Twelve" → "Fourteen"  (¶ 2)' in out.splitlines()


def test_key_changes_left_out_when_there_are_none() -> None:
    assert "Key changes" not in render(ferry(changes=False))


def test_lines_fit_the_width() -> None:
    for width in (60, 80, 119, 140, 200):
        out = render(width=width)
        assert max(len(line) for line in out.splitlines()) <= width


def test_side_by_side_from_120_columns() -> None:
    narrow, wide = render(width=119), render(width=120)
    assert "OLD · v1.txt" not in narrow
    assert re.search(r"OLD · v1\.txt\s+│ NEW · v2\.txt", wide)
    row = next(line for line in wide.splitlines() if "[-Twelve-]" in line)
    # The deletion on the left, the insertion on the right of the same row.
    assert row.index("[-Twelve-]") < row.index("{+Fourteen+}")
    assert "{+" not in row[: row.index("{+Fourteen+}")]
    assert "Survivors were taken" in wide and "declined to comment" in wide


def test_colour_styles_instead_of_markers() -> None:
    out = render(color=True)
    assert ANSI.search(out)
    plain = ANSI.sub("", out)
    assert "[-" not in plain and "{+" not in plain
    assert "TwelveFourteen people died" in plain
    # Deleted words red and struck through, inserted words green and underlined.
    assert re.search(r"\x1b\[[0-9;]*9;31mTwelve", out)
    assert re.search(r"\x1b\[[0-9;]*4;32mFourteen", out)


def test_colour_in_side_by_side_too() -> None:
    out = render(color=True, width=140)
    assert re.search(r"\x1b\[[0-9;]*9;31mTwelve", out)
    assert "[-Twelve-]" not in out


def test_unchanged_runs_collapse_to_context() -> None:
    out = render(long_story(30, 15), context=2)
    assert "… 13 unchanged paragraphs …" in out
    assert "… 12 unchanged paragraphs …" in out
    for number in (13, 14, 16, 17):
        assert f"Paragraph {number} of the" in out
    assert "Paragraph 12 of the" not in out and "Paragraph 18 of the" not in out
    zero = render(long_story(30, 15), context=0)
    assert "… 15 unchanged paragraphs …" in zero and "… 14 unchanged paragraphs …" in zero
    assert "Paragraph 14 of the" not in zero


def test_a_fold_counts_news_paragraphs_across_a_merge_that_changed_no_word() -> None:
    # OLD's first two paragraphs are NEW's first, every word kept: one NEW paragraph.
    first, second, _, last = (p.text for p in MUSEUM_OLD.paragraphs)
    old = museum(first, second, last)
    new = museum(f"{first} {second}", last.replace("apologised", "apologised again"))
    comparison = compare(old, new)
    # The data calls the merge reworded (cosmetic); the views, unchanged.
    assert comparison.summary.paragraphs["reworded"] == 2
    assert comparison.summary.breaks_only == 1
    assert "… 1 unchanged paragraph …" in render(comparison, context=0)
    assert "*… 1 unchanged paragraph …*" in md.comparison(comparison, context=0)
    # A split counts NEW's two, as before.
    assert "… 2 unchanged paragraphs …" in render(compare(new, old), context=0)


def test_no_differences_says_so() -> None:
    out = render(unchanged())
    assert "No differences beyond cosmetic ones." in out
    assert "… 1 unchanged paragraph …" in out


def test_hostile_text_cannot_drive_the_terminal() -> None:
    paragraphs = [list(p) for p in NEW_PARAGRAPHS]
    paragraphs[4] = ["[bold red]Survivors[/] \x1b[2J\x1b]0;pwned\x07 were \u202etaken home."]
    out = render(ferry(new_paragraphs=paragraphs), color=True)
    assert "\x1b[2J" not in out and "\x1b]0;" not in out and "\u202e" not in out
    assert "were ⟨RLO⟩taken home." in ANSI.sub("", out)
    assert "[bold red]Survivors[/]" in ANSI.sub("", out)


def test_sentence_moved_between_paragraphs_shows_where_it_went() -> None:
    base = ferry()
    # Old ¶2's second sentence now closes new ¶4 ("The vessel ..."): the aligner calls
    # ¶2 reworded and the sentence moved.
    old = OLD_PARAGRAPHS
    new = [list(p) for p in NEW_PARAGRAPHS]
    new[1] = [new[1][0]]
    new[3] = [*new[3], "Rescue boats searched until dawn."]
    comparison = ferry(old_paragraphs=old, new_paragraphs=new)
    sentences = list(base.sentences)
    sentences[2] = SentenceBlock("equal", ((1, 1),), ((3, 1),), 1.0, moved=True)
    blocks = list(base.blocks)
    blocks[4] = Block("reworded", (3,), (3,), 0.7)
    comparison = replace(comparison, sentences=tuple(sentences), blocks=tuple(blocks))
    out = render(comparison, width=200)
    row = next(line for line in out.splitlines() if "The vessel" in line)
    assert "Rescue boats searched until dawn. (↕" in row
    unified = render(comparison)
    joined = unified.replace("\n~ ", " ")
    assert "refitted last year. Rescue boats searched until dawn. (↕ moved" in joined


def museum(*paragraphs: str) -> Document:
    return Document(
        paragraphs=tuple(Paragraph(p, tuple(split_sentences(p))) for p in paragraphs),
        title="Museum shuts east wing",
    )


# Old ¶1 loses its second sentence, reworded, to the end of old ¶2, which moves below ¶3.
MUSEUM_OLD = museum(
    "The museum closed its east wing on Friday after a pipe burst above the gallery. "
    "Repairs are expected to take two weeks.",
    "Visitors were told to use the north entrance while the wing is shut.",
    "A curator said staff had moved 40 paintings to storage overnight.",
    "The museum apologised for the inconvenience.",
)
MUSEUM_NEW = museum(
    "The museum closed its east wing on Friday after a pipe burst above the gallery.",
    "A curator said staff had moved 45 paintings to storage overnight.",
    "Visitors were told to use the north entrance while the wing is shut. "
    "Repairs are expected to take three weeks.",
    "The museum apologised for the inconvenience.",
)


def test_sentence_that_left_for_another_paragraph_is_struck_where_it_was() -> None:
    out = render(compare(MUSEUM_OLD, MUSEUM_NEW)).replace("\n~ ", " ")
    assert (
        "¶ 1, reworded · 81% similar The museum closed its east wing on Friday after a pipe "
        "burst above the gallery. [-Repairs are expected to take two weeks.-] (↕ moved to ¶ 3)\n"
    ) in out
    assert "Repairs are expected to take [-two-]{+three+} weeks. (↕ moved from old ¶ 1)\n" in out


def test_side_by_side_points_both_ends_of_a_sentence_that_changed_paragraph() -> None:
    rows = render(compare(MUSEUM_OLD, MUSEUM_NEW), width=300).splitlines()
    assert any("Repairs are expected to take [-two-] weeks. (↕ moved to ¶ 3) " in r for r in rows)
    assert any(r.endswith("{+three+} weeks. (↕ moved from old ¶ 1)") for r in rows)


def sentence_to_next_paragraph_in_order() -> Comparison:
    """A sentence that left the end of paragraph 1 for the start of paragraph 2: the order
    held, so it did not move (the HTML report's tests use it too)."""
    old = museum(MUSEUM_OLD.paragraphs[0].text, MUSEUM_OLD.paragraphs[1].text)
    new = museum(
        MUSEUM_NEW.paragraphs[0].text,
        "Repairs are expected to take two weeks. " + MUSEUM_OLD.paragraphs[1].text,
    )
    comparison = compare(old, new)
    assert not any(s.moved for s in comparison.sentences)
    return comparison


def test_sentence_that_changed_paragraph_in_order_points_without_a_move() -> None:
    comparison = sentence_to_next_paragraph_in_order()
    out = render(comparison).replace("\n~ ", " ")
    assert "[-Repairs are expected to take two weeks.-] (now in ¶ 2)\n" in out
    assert "similar Repairs are expected to take two weeks. (was in old ¶ 1) Visitors" in out


def test_removed_sentence_stays_where_it_stood() -> None:
    comparison = ferry()
    new = [list(p) for p in NEW_PARAGRAPHS]
    new[1] = ["Fourteen people died, the coastguard said."]
    sentences = list(comparison.sentences)
    sentences[2] = SentenceBlock("removed", ((1, 1),), (), 0.0)
    comparison = replace(
        ferry(new_paragraphs=new),
        sentences=tuple(sentences),
    )
    out = render(comparison, width=100)
    assert (
        "{+Fourteen+} people died, the coastguard said. [-Rescue boats searched until dawn.-]"
        in (out)
    )


def test_reworded_block_without_sentences_falls_back_to_whole_paragraphs() -> None:
    comparison = replace(ferry(), sentences=())
    out = render(comparison)
    assert "[-Twelve people died, the coastguard said." in out
    assert "{+Fourteen people died" in out


def test_change_in_a_removed_sentence_points_at_old_paragraph() -> None:
    comparison = replace(
        ferry(),
        changes=(Change("quote", "removed", "declined to comment", None, 1, 4),),
    )
    assert "quote removed: declined to comment  (old ¶ 3)" in render(comparison)


def test_insert_only_ops_keep_spaces_outside_markers() -> None:
    comparison = ferry()
    sentences = list(comparison.sentences)
    sentences[1] = replace(
        sentences[1],
        words=(
            WordOp("replace", "Twelve", "Fourteen"),
            WordOp("insert", "", " more"),
            WordOp(
                "equal", " people died, the coastguard said.", " people died, the coastguard said."
            ),
        ),
    )
    out = render(replace(comparison, sentences=tuple(sentences)))
    assert "[-Twelve-]{+Fourteen+} {+more+} people died" in out


def test_deterministic() -> None:
    for kwargs in ({}, {"width": 150}, {"color": True}):
        assert render(**kwargs) == render(**kwargs)


def test_changes_without_detail_are_described_from_their_values() -> None:
    comparison = replace(
        ferry(),
        changes=(
            Change("number", "changed", "Twelve", "Fourteen", 1, 1),
            Change("hedge", "added", None, "reportedly", 2, 1),
        ),
    )
    lines = render(comparison).splitlines()
    assert "  • number changed: Twelve → Fourteen  (¶ 2)" in lines
    assert "  • hedge added: reportedly  (¶ 2)" in lines


def test_long_header_lines_hang_under_their_text() -> None:
    quote = " ".join(["a long removed quotation"] * 12)
    comparison = replace(ferry(), changes=(Change("quote", "removed", quote, None, 1, 4),))
    lines = render(comparison, width=60).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("  • quote removed"))
    assert re.match(r"    \w", lines[start + 1])


def test_long_labels_are_cut_to_their_column() -> None:
    comparison = ferry()
    long_spec = "/very/long/folder/" * 10 + "v1.txt"
    old = replace(comparison.old, provenance=replace(comparison.old.provenance, spec=long_spec))
    out = render(replace(comparison, old=old), width=130)
    assert max(len(line) for line in out.splitlines()) <= 130
    # Cut in the middle: the file's name, where two versions' paths differ, stays.
    assert "OLD · /very/long/" in out and "…" in out
    heading = next(line for line in out.splitlines() if line.startswith("OLD · "))
    assert heading.split(" │ ")[0].rstrip().endswith("/very/long/folder/v1.txt")


def test_colour_marks_removed_and_added_paragraphs_in_both_layouts() -> None:
    for width in (80, 140):
        out = render(color=True, width=width)
        assert re.search(r"\x1b\[31m(- )?(\x1b\[0m\x1b\[31m)?The ferry operator declined", out)
        assert re.search(r"\x1b\[32m(\+ )?(\x1b\[0m\x1b\[32m)?Survivors were taken", out)


POOL = [
    "The council met on Tuesday to discuss the harbour budget for next year.",
    "Residents complained about the noise from the new ferry terminal at night.",
    "A spokesperson for the port authority said the figures were still being checked.",
    "Fishing crews have asked for a meeting with the mayor before the end of the month.",
    "The coastguard station on the north quay will close for repairs in the spring.",
    "Two schools in the old town reported flooding after the storm on Sunday evening.",
    "Police said nobody was hurt when a crane toppled onto an empty warehouse roof.",
    "The regional newspaper first reported the plan in an article published last week.",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    old_picks=st.lists(st.integers(0, len(POOL) - 1), min_size=3, max_size=8, unique=True),
    new_picks=st.lists(st.integers(0, len(POOL) - 1), min_size=3, max_size=8, unique=True),
    reword=st.booleans(),
    width=st.sampled_from([60, 80, 130]),
)
def test_every_added_and_removed_paragraph_is_shown(
    old_picks: list[int], new_picks: list[int], reword: bool, width: int
) -> None:
    from comparison_samples import document

    from compare import compare

    old_texts = [POOL[i] for i in old_picks]
    new_texts = [POOL[i] for i in new_picks]
    if reword:
        new_texts[0] = new_texts[0].replace("the", "a", 1)
    old = document([[t] for t in old_texts], title="Harbour", spec="a.txt")
    new = document([[t] for t in new_texts], title="Harbour", spec="b.txt")
    comparison = compare(old, new)
    out = text.comparison(comparison, width=width, color=False, context=0)
    assert max(len(line) for line in out.splitlines()) <= width
    # Unified body lines start with a two-character gutter ("- ", "+ ", "~ ", "  ").
    flat = " ".join(" ".join(line[2:] for line in out.splitlines()).split())
    for block in comparison.blocks:
        if block.op == "removed":
            shown = [old_texts[i] for i in block.a]
        elif block.op == "added":
            shown = [new_texts[i] for i in block.b]
        else:
            continue
        for paragraph in shown:
            if width < 120:
                assert paragraph in flat
            else:  # wrapped into a column: every word is there
                assert all(word in out for word in paragraph.split())


SPLIT_OLD = [
    [
        "The budget includes money for a new ferry terminal and for repairs to the north quay.",
        "Work on the terminal is due to start in the spring and finish before next summer.",
    ],
]
SPLIT_NEW = [
    ["The budget includes money for a new ferry terminal and for repairs to the north quay."],
    ["Work on the new terminal is due to start in the spring and finish before next summer."],
]


def split_comparison() -> Comparison:
    from comparison_samples import document

    from compare import compare

    old = document(SPLIT_OLD, title="Budget", spec="a.txt")
    new = document(SPLIT_NEW, title="Budget", spec="b.txt")
    return compare(old, new)


def test_split_paragraphs_break_where_new_paragraphs_break() -> None:
    comparison = split_comparison()
    assert [(b.a, b.b) for b in comparison.blocks] == [((0,), (0, 1))]
    lines = render(comparison, width=100).splitlines()
    assert any(line.startswith("~ ¶ 1 → ¶ 1–2, reworded, split") for line in lines)
    first = (
        "~ The budget includes money for a new ferry terminal and for repairs to the north quay."
    )
    assert first in lines
    assert any(line.startswith("~ Work on the {+new+} terminal") for line in lines)
    wide = render(comparison, width=130).splitlines()
    assert any(
        line.endswith("│ Work on the {+new+} terminal is due to start in the spring and")
        for line in wide
    )


def test_colour_marks_cover_words_not_the_spaces_around_them() -> None:
    comparison = ferry()
    sentences = list(comparison.sentences)
    sentences[1] = replace(
        sentences[1],
        words=(
            WordOp("replace", "Twelve", "Fourteen"),
            WordOp("insert", "", " more "),
            WordOp(
                "equal", "people died, the coastguard said.", "people died, the coastguard said."
            ),
        ),
    )
    out = render(replace(comparison, sentences=tuple(sentences)), color=True)
    assert re.search(r"\x1b\[[0-9;]*4;32mmore\x1b\[0m people died", out)


def test_layout_helpers() -> None:
    from compare.render import layout

    assert layout.paragraph_numbers((2,)) == "3"
    assert layout.paragraph_numbers((2, 3, 4)) == "3–5"
    assert layout.paragraph_numbers((2, 5)) == "3, 6"
    assert (
        layout.block_label(Block("reworded", (2,), (3, 4), 0.8)) == "¶ 3 → ¶ 4–5, reworded, split"
    )
    assert layout.block_label(Block("reworded", (2, 3), (1,), 0.8, moved=True)) == (
        "¶ 3–4 → ¶ 2, reworded, merged, moved"
    )
    assert layout.block_label(Block("removed", (6,), (), 0.0)) == "old ¶ 7, removed"
    assert [layout.percent(x) for x in (0.0, 0.001, 0.5, 0.996, 1.0)] == [
        "0%",
        "1%",
        "50%",
        "99%",
        "100%",
    ]
    blocks = tuple(Block("equal", (i,), (i,), 1.0) for i in range(6))
    assert layout.visible(blocks, 2) == [layout.Gap(6)]
    changed = (*blocks[:3], Block("added", (), (3,), 0.0), *blocks[3:])
    rows = layout.visible(changed, 1)
    assert rows[0] == layout.Gap(2) and rows[-1] == layout.Gap(2)
    assert [index for index, _ in rows[1:-1]] == [2, 3, 4]  # type: ignore[misc]


def test_a_dash_replaced_by_a_comma_adds_no_space() -> None:
    old = "The plan \u2014 a bold one \u2014 was approved by the council."
    new = "The plan, a bold one, was approved by the council."
    out = render(compare(museum(old), museum(new)))
    assert "The plan[- \u2014-]{+,+} a bold one[- \u2014-]{+,+} was approved" in out
    removed = render(compare(museum(old), museum("The plan a bold one was approved.")))
    assert "The plan[- \u2014-] a bold one[- \u2014-] was" in removed


def test_a_removed_minus_sign_adds_no_space() -> None:
    old, new = "Temperatures fell to -5C overnight.", "Temperatures fell to 5C overnight."
    assert "fell to [---]5C overnight" in render(compare(museum(old), museum(new)))


# Old ¶1's second sentence ends up inside an added ¶3 (finding4); read NEW -> OLD, it leaves
# a removed paragraph for the end of ¶1.
LIBRARY_OLD = museum(
    "The library reopened its reading room on Monday after a month of repairs. "
    "The work cost 80,000 pounds.",
    "Readers queued outside from early morning to see the restored ceiling.",
)
LIBRARY_NEW = museum(
    "The library reopened its reading room on Monday after a month of repairs.",
    "Readers queued outside from early morning to see the restored ceiling.",
    "Some trustees questioned the spending. The work cost 80,000 pounds. "
    "They said the money was needed for new books.",
)


def test_sentence_moved_into_an_added_paragraph_is_marked_at_both_ends() -> None:
    comparison = compare(LIBRARY_OLD, LIBRARY_NEW)
    assert [b.op for b in comparison.blocks] == ["reworded", "equal", "added"]
    out = render(comparison).replace("\n~ ", " ").replace("\n+ ", " ")
    assert "[-The work cost 80,000 pounds.-] (↕ moved to ¶ 3)" in out
    assert (
        "¶ 3, added Some trustees questioned the spending. The work cost 80,000 pounds. "
        "(↕ moved from old ¶ 1) They said"
    ) in out
    rows = render(comparison, width=300).splitlines()
    assert any(
        r.endswith(
            "The work cost 80,000 pounds. (↕ moved from old ¶ 1) They said the money was "
            "needed for new books."
        )
        for r in rows
    )
    # In colour the arrival is not painted as added text.
    coloured = render(comparison, color=True, width=300)
    added = next(line for line in coloured.splitlines() if "trustees" in line)
    assert added[: added.index("The work cost")].endswith("\x1b[0m ")


# Old ¶2 is removed, and its second sentence now closes ¶2 (was ¶3): finding4b.
LIBRARY_CUT_OLD = museum(
    LIBRARY_NEW.paragraphs[0].text,
    LIBRARY_NEW.paragraphs[2].text,
    LIBRARY_NEW.paragraphs[1].text,
)
LIBRARY_CUT_NEW = museum(
    LIBRARY_NEW.paragraphs[0].text,
    LIBRARY_NEW.paragraphs[1].text + " The work cost 80,000 pounds.",
)


def test_sentence_moved_out_of_a_removed_paragraph_is_marked_at_both_ends() -> None:
    comparison = compare(LIBRARY_CUT_OLD, LIBRARY_CUT_NEW)
    assert [b.op for b in comparison.blocks] == ["equal", "removed", "reworded"]
    out = render(comparison).replace("\n~ ", " ").replace("\n- ", " ")
    assert "ceiling. The work cost 80,000 pounds. (↕ moved from old ¶ 2)" in out
    assert (
        "old ¶ 2, removed Some trustees questioned the spending. The work cost 80,000 "
        "pounds. (↕ moved to ¶ 2) They said"
    ) in out


# LIBRARY_OLD -> LIBRARY_NEW with the moved sentence also reworded (finding4 of round 4).
LIBRARY_REWORDED_NEW = museum(
    *(paragraph.text for paragraph in LIBRARY_NEW.paragraphs[:2]),
    LIBRARY_NEW.paragraphs[2].text.replace("80,000", "95,000"),
)


def test_reworded_sentence_moved_into_an_added_paragraph_shows_its_word_diff() -> None:
    comparison = compare(LIBRARY_OLD, LIBRARY_REWORDED_NEW)
    assert [b.op for b in comparison.blocks] == ["reworded", "equal", "added"]
    out = render(comparison).replace("\n~ ", " ").replace("\n+ ", " ")
    assert "[-The work cost 80,000 pounds.-] (↕ moved to ¶ 3)" in out
    assert "The work cost [-80,000-]{+95,000+} pounds. (↕ moved from old ¶ 1) They said" in out
    rows = render(comparison, width=300).splitlines()
    # Side by side each column has its own side's words.
    assert any("cost [-80,000-] pounds. (↕ moved to ¶ 3) " in r for r in rows)
    assert any(
        r.endswith(
            "cost {+95,000+} pounds. (↕ moved from old ¶ 1) They said the money "
            "was needed for new books."
        )
        for r in rows
    )


def test_reworded_sentence_moved_out_of_a_removed_paragraph_shows_its_word_diff() -> None:
    comparison = compare(LIBRARY_REWORDED_NEW, LIBRARY_OLD)
    assert [b.op for b in comparison.blocks] == ["reworded", "equal", "removed"]
    out = render(comparison).replace("\n~ ", " ").replace("\n- ", " ")
    # The sentence keeps its place in the reading order, so it points without a move.
    assert "The work cost [-95,000-]{+80,000+} pounds. (was in old ¶ 3)" in out
    rows = render(comparison, width=300).splitlines()
    removed = next(r for r in rows if "trustees" in r)
    assert "spending. The work cost [-95,000-] pounds. (now in ¶ 1) They said" in removed
    assert "cost {+80,000+} pounds. (was in old ¶ 3)" in "".join(rows)
    # In colour the departure keeps the removed colour around its struck words.
    coloured = render(comparison, color=True, width=300)
    removed = next(line for line in coloured.splitlines() if "trustees" in line)
    assert "\x1b[31mThe work cost \x1b[0m" in removed
    assert "95,000" in removed and "{+" not in removed


def test_a_headline_changed_in_case_only_is_no_change_here_either() -> None:
    # The summary (exit status, JSON, HTML) does not count it: the text view must not show
    # it as an edit either, but the headline as it stands.
    paragraphs = (Paragraph("Rain closed the coast road.", ("Rain closed the coast road.",)),)
    old = Document(paragraphs, title="Coast road closed by rain")
    new = Document(paragraphs, title="Coast Road Closed by Rain")
    c = compare(old, new)
    assert not c.summary.headline_changed and not c.summary.changed
    out = render(c)
    assert "Headline: Coast Road Closed by Rain" in out
    assert "[-" not in out and "{+" not in out


def test_a_chinese_line_never_starts_with_a_closing_mark() -> None:
    # rich folds an unspaced run at any character; the character before "，" or "。" goes
    # down with it instead.
    old = document([["工程总投资四十八亿元，由市城建集团负责建设。"]], title="大桥", spec="v1")
    new = document([["工程总投资五十二亿元，由市城建集团负责建设。"]], title="大桥", spec="v2")
    comparison = compare(old, new)
    carried = 0
    for width in range(22, 160):
        lines = text.comparison(comparison, width=width, color=False, context=1).splitlines()
        starts = [cell.strip(" ~") for line in lines for cell in line.split(" │ ")]
        assert [cell for cell in starts if cell.startswith(("，", "。"))] == [], width
        carried += any(cell.startswith(("元，", "设。")) for cell in starts)
    assert carried  # some of the widths tried would have started a line with the mark


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        (("Ana Ruiz",), ("Ana Ruiz", "Tom Okafor"), "Byline: Ana Ruiz → Ana Ruiz, Tom Okafor"),
        (("Ana Ruiz", "Tom Okafor"), ("Tom Okafor",), "Byline: Ana Ruiz, Tom Okafor → Tom Okafor"),
        (("Ana Ruiz", "Tom Okafor"), ("tom okafor", "Ana Ruiz"), None),  # order and case
        ((), ("Ana Ruiz",), None),  # one side names nobody: an extraction difference
    ],
)
def test_a_byline_change_is_shown_in_the_header(
    old: tuple[str, ...], new: tuple[str, ...], shown: str | None
) -> None:
    c = ferry()
    c = replace(c, old=replace(c.old, authors=old), new=replace(c.new, authors=new))
    header = render(c, width=120).split("Similarity")[0]
    markdown = md.comparison(c).split("| |")[0]
    if shown is None:
        assert "Byline" not in header and "Byline" not in markdown
    else:
        assert shown in header
        assert f"- **{shown.replace(': ', ':** ', 1)}" in markdown


def _breaks_rewrapping_the_rest(plain: str, width: int) -> list[int]:
    """The CJK line breaking as it was first written, kept to check the faster one against:
    after each moved break it has rich break the whole rest of the paragraph again."""
    from rich._wrap import divide_line

    breaks = divide_line(plain, width)
    i = 0
    while i < len(breaks):
        start, cut = breaks[i - 1] if i else 0, breaks[i]
        while cut - 1 > start and plain[cut] in text._NO_LINE_START:
            cut -= 1
        # A short Latin run goes down whole (user22).
        run = cut
        while run > start and cut - run < text._LATIN_RUN and text._latin(plain[run - 1]):
            run -= 1
        if start < run < cut and text._latin(plain[cut]) and cut - run < text._LATIN_RUN:
            cut = run
        if cut != breaks[i]:
            breaks[i:] = [cut, *(cut + rest for rest in divide_line(plain[cut:], width))]
        i += 1
    return breaks


def _random_paragraph(pick: random.Random) -> str:
    """Chinese and Japanese runs, closing and opening marks, English words, spaces of several
    kinds, and now and then a wide or zero-width oddity."""
    closing = "".join(sorted(text._NO_LINE_START))
    pieces = [
        lambda: "".join(
            pick.choices(
                "工程总投资四十八亿元由市城建集团负责建设記者東京都でカタナ", k=pick.randint(1, 24)
            )
        ),
        lambda: "".join(pick.choices(closing, k=pick.choice([1, 1, 1, 2, 3]))),
        lambda: pick.choice("（「『《“"),
        lambda: "".join(
            pick.choices("abcdefghijklmnopqrstuvwxyz0123456789.,;:!?-'\"()", k=pick.randint(1, 30))
        ),
        lambda: pick.choice([" ", " ", "  ", "   ", "\u3000", "\t", "\u00a0"]),
        # An emoji, a joined emoji, a combining mark, a half-width katakana, a zero-width space.
        lambda: pick.choice(
            ["👍", "👨\u200d👩", "❤\ufe0f", "e\u0301", "ｱ", "\u200b", "\u200d", "Ａ"]
        ),
    ]
    weights = [30, 15, 4, 20, 15, 3]
    count = pick.choice([3, 10, 30, 60, 150])
    return "".join(piece() for piece in pick.choices(pieces, weights, k=count))


def test_chinese_lines_break_where_rewrapping_the_rest_broke_them() -> None:
    # Breaking resumes at a moved break instead of rewrapping the rest of the paragraph: the
    # lines must come out the same, styles and all, over a few thousand random paragraphs.
    from unittest import mock

    from rich._wrap import divide_line
    from rich.console import Console
    from rich.text import Text

    pick = random.Random(7)
    moved = 0
    for case in range(2000):
        plain = _random_paragraph(pick)
        width = pick.randint(10, 200) if case % 6 else pick.randint(2, 30)
        breaks = _breaks_rewrapping_the_rest(plain, width)
        assert text._cjk_breaks(plain, width) == breaks, (plain, width)
        moved += breaks != divide_line(plain, width)
        if case % 5:
            continue
        styled = Text(plain + "。")  # a CJK character, so that _wrap breaks it as CJK
        for _ in range(pick.randint(0, 4)):
            start = pick.randint(0, len(plain))
            styled.stylize(pick.choice(["red strike", "green", "bold"]), start, start + 9)
        console = Console(width=width, color_system=None)
        lines = [line.markup for line in text._wrap(styled, console, width)]
        with mock.patch.object(text, "_cjk_breaks", _breaks_rewrapping_the_rest):
            assert lines == [line.markup for line in text._wrap(styled, console, width)]
    assert moved > 500  # a break moved: the part whose breaking changed


def test_a_long_chinese_paragraph_wraps_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # Counted, not timed: how many characters rich measures. Rewrapping the rest after each
    # moved break measured each character once per line: 1,000 times for "字。" × 2,000 at
    # width 10 (× 5,000 took 12.7 s), 350 times for the mixed paragraph; now 3 at most.
    import rich.cells

    measured = 0
    measure = rich.cells.get_character_cell_size

    def counting(*args: str) -> int:
        nonlocal measured
        measured += 1
        return measure(*args)

    monkeypatch.setattr(rich.cells, "get_character_cell_size", counting)
    pick = random.Random(1).choice
    for sentences in (500, 2000):
        mixed = "".join(
            pick("记者王小明北京报导今天的天气") + pick(["", "", "，", "」。"])
            for _ in range(sentences)
        )
        for paragraph in ("字。" * sentences, mixed):
            for width in (10, 21, 58):
                measured = 0
                text._cjk_breaks(paragraph, width)
                assert measured <= 4 * len(paragraph), (sentences, width)


def test_a_split_that_changed_no_word_says_so_in_both_views() -> None:
    texts, document = RIVER, split_up
    # An edit in the paragraph before, so that the split one is shown as its context.
    edited = compare(
        document([texts[0].replace("two", "three"), texts[1], texts[2]]),
        document([texts[0], *split_sentences(texts[1]), texts[2]]),
    )
    assert [(b.op, b.cosmetic) for b in edited.blocks] == [
        ("reworded", False),
        ("reworded", True),
        ("equal", False),
    ]
    unified = text.comparison(edited, width=80, color=False, context=5)
    assert "Paragraphs: 1 reworded" in unified
    assert "¶ 2 → ¶ 2–3, unchanged, split" in unified
    wide = text.comparison(edited, width=140, color=False, context=5)
    assert "¶ 2 split" in wide and "¶ 2–3 split" in wide
    # NEW's side breaks where its paragraphs do.
    lines = [line.rstrip() for line in unified.splitlines()]
    assert "  Police closed the bridge at dawn." in lines
    right = [line.split("│")[-1].strip() for line in wide.splitlines() if "│" in line]
    assert "Police closed the bridge at dawn." in right
