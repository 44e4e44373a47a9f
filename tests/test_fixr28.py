"""fixr28: the reading views spell both versions when an unchanged step's sides differ in
spacing (review 28 item 5), and a sentence split or merged across a paragraph break is drawn
in its own paragraphs (item 6)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from compare.cli import app
from compare.model import WordOp
from compare.render import markdown
from compare.render import text as text_view
from compare.render.html import side_fragments, unified_fragments
from compare.render.layout import widened


def story(tmp_path: Path, name: str, *paragraphs: str) -> Path:
    path = tmp_path / name
    path.write_text("\n\n".join(("Story", *paragraphs)) + "\n", encoding="utf-8")
    return path


def run(*args: str | Path) -> str:
    result = CliRunner().invoke(app, ["compare", *map(str, args)])
    assert result.exit_code in (0, 1), result.output
    return result.output


STEADY = "The council met on Tuesday evening to discuss the plan for the river."


# 5. An unchanged step whose sides differ in spacing.

VOTE = (
    WordOp("equal", "The vote was 52", "The vote was 52"),
    WordOp("insert", "", " "),
    WordOp("equal", " - 48 in favour.", "-48 in favour."),
)
LONG_TERM = (
    WordOp("equal", "In the long", "In the long"),
    WordOp("replace", " ", "-"),
    WordOp("equal", "term , the mayor said.", "term, the mayor said."),
)


def test_a_spaced_minus_keeps_both_versions_in_the_text_view() -> None:
    writer = text_view._Writer(color=False)
    assert writer.ops(VOTE).plain == "The vote was [-52 - 48-]{+52 -48+} in favour."
    assert writer.ops(VOTE, "old").plain == "The vote was [-52 - 48-] in favour."
    assert writer.ops(VOTE, "new").plain == "The vote was {+52 -48+} in favour."


def test_a_kept_comma_is_not_shown_inserted() -> None:
    writer = text_view._Writer(color=False)
    assert writer.ops(LONG_TERM).plain == "In the [-long term ,-]{+long-term,+} the mayor said."
    assert markdown.inline(LONG_TERM) == "In the ~~long term ,~~**long-term,** the mayor said."
    assert unified_fragments(LONG_TERM) == [
        ("", "In the "),
        ("del", "long term ,"),
        ("", " "),
        ("ins", "long-term,"),
        ("", " the mayor said."),
    ]


def test_the_views_read_both_versions_of_the_reviewers_pairs(tmp_path: Path) -> None:
    for old, new, unified, md in (
        (
            "The vote was 52 - 48 in favour of the plan.",
            "The vote was 52 -48 in favour of the plan.",
            "The vote was [-52 - 48-]{+52 -48+} in favour of the plan.",
            "The vote was ~~52 - 48~~**52 -48** in favour of the plan.",
        ),
        (
            "In the long term , the mayor said, the bridge will be replaced.",
            "In the long-term, the mayor said, the bridge will be replaced.",
            "In the [-long term ,-]{+long-term,+} the mayor said, the bridge will be replaced.",
            "In the ~~long term ,~~**long-term,** the mayor said, the bridge will be replaced.",
        ),
    ):
        a = story(tmp_path, "a.txt", old, STEADY)
        b = story(tmp_path, "b.txt", new, STEADY)
        assert f"~ {unified}" in run(a, b, "--no-color", "--width", "100")
        wide = run(a, b, "--no-color", "--width", "170")
        left, right = unified.split("[-")[0], unified.split("{+")[1].split("+}")[0]
        assert left in wide and right in wide
        row = next(line for line in wide.splitlines() if line.startswith(left))
        old_side, new_side = row.split("│")
        assert old_side.replace("[-", "").replace("-]", "").strip() == old
        assert new_side.replace("{+", "").replace("+}", "").strip() == new
        assert md in run(a, b, "-f", "md")


_WORDS = ["vote", "52", "48", "-", "term", ",", "«", "£", "4m", "said", "."]


@st.composite
def _spaced(draw: st.DrawFn) -> tuple[str, str]:
    """One run of words written twice, with spaces put in or left out between them."""
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5))
    gaps = st.sampled_from(["", " ", "  "])
    old = new = ""
    for k, word in enumerate(words):
        if k:
            old += draw(gaps)
            new += draw(gaps)
        old, new = old + word, new + word
    return (draw(gaps) + old + draw(gaps), draw(gaps) + new + draw(gaps))


@st.composite
def _step(draw: st.DrawFn) -> WordOp:
    kind = draw(st.sampled_from(["equal", "spaced", "insert", "delete", "replace", "spaces"]))
    old, new = draw(_spaced())
    if kind == "equal":
        return WordOp("equal", old, old)
    if kind == "spaced":
        return WordOp("equal", old, new)
    if kind == "insert":
        return WordOp("insert", "", new)
    if kind == "delete":
        return WordOp("delete", old, "")
    if kind == "replace":
        return WordOp("replace", old, draw(_spaced())[1])
    spaces = draw(st.sampled_from(["", " ", "  "]))
    return WordOp("replace", spaces, "-") if draw(st.booleans()) else WordOp("insert", "", " ")


@settings(max_examples=600, deadline=None)
@given(st.lists(_step(), min_size=1, max_size=6))
def test_widened_steps_spell_both_versions_and_draw_each_unchanged_step_once(
    ops: list[WordOp],
) -> None:
    old, new = "".join(op.old for op in ops), "".join(op.new for op in ops)
    shown = widened(ops)
    assert "".join(op.old for op in shown) == old
    assert "".join(op.new for op in shown) == new
    if all(op.op == "equal" for op in ops):
        return  # an unchanged sentence reads as NEW's text, as an unchanged paragraph does
    for op in shown:
        if op.op == "equal":
            assert op.old == op.new
    # What each view draws for OLD (unchanged + deleted) spells OLD, and for NEW (unchanged
    # + inserted) NEW: the HTML sides, the HTML unified stream, and the text view's.
    assert "".join(t for _, t in side_fragments(ops, "old")) == old
    assert "".join(t for _, t in side_fragments(ops, "new")) == new
    stream = unified_fragments(ops)
    drawn_stream = [
        (mark, t)
        for k, (mark, t) in enumerate(stream)
        # (the space put between a deletion and its insertion is no one's text)
        if not (
            mark == ""
            and t == " "
            and 0 < k < len(stream) - 1
            and stream[k - 1][0] == "del"
            and stream[k + 1][0] == "ins"
        )
    ]
    assert "".join(t for mark, t in drawn_stream if mark != "ins") == old
    assert "".join(t for mark, t in drawn_stream if mark != "del") == new
    writer = text_view._Writer(color=False)
    for side, text in (("old", old), ("new", new)):
        drawn = writer.ops(ops, side).plain
        for mark in ("[-", "-]", "{+", "+}"):
            drawn = drawn.replace(mark, "")
        assert drawn == text.replace("\t", " ")
