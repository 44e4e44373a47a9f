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


# 6. A sentence split (or merged) across a paragraph break.

LEDE = (
    "A lorry overturned on the A61 near Barnsley on Monday morning, and its driver was"
    " arrested at the scene after failing a breath test."
)
LEDE_HEAD = "A lorry overturned on the A61 near Barnsley on Monday morning."
LEDE_TAIL = "Its driver was arrested at the scene after failing a breath test, police said."
ROAD = "The road was closed in both directions for six hours while the load was cleared."
REPAIR = "Highways officials said the barrier would be repaired this week."


def split_pair(tmp_path: Path) -> tuple[Path, Path]:
    """One OLD sentence that NEW ends ¶ 1 with and opens ¶ 2 with (the reviewer's pair)."""
    return (
        story(tmp_path, "one.txt", LEDE, ROAD, REPAIR),
        story(tmp_path, "two.txt", LEDE_HEAD, f"{LEDE_TAIL} {ROAD}", REPAIR),
    )


def unmarked(text: str) -> str:
    for mark in ("[-", "-]", "{+", "+}"):
        text = text.replace(mark, "")
    return text


def without(text: str, mark: str, closing: str) -> str:
    """``text`` without the runs between ``mark`` and ``closing``."""
    while mark in text:
        start = text.index(mark)
        text = text[:start] + text[text.index(closing, start) + len(closing) :]
    return text


def bodies(output: str) -> dict[str, str]:
    """The unified text view's blocks: label -> body, its lines joined."""
    found: dict[str, str] = {}
    label = ""
    for line in output.splitlines():
        if line.startswith(("~ ¶", "  ¶")) and ("reworded" in line or line.strip()[2:].isdigit()):
            label = line[2:].split(",")[0]
            found[label] = ""
        elif label and line[:2] in ("~ ", "  ") and line.strip():
            found[label] = (found[label] + " " + line[2:]).strip()
        else:
            label = "" if not line.strip() else label
    return found


def test_the_text_view_draws_each_half_of_a_split_in_its_paragraph(tmp_path: Path) -> None:
    old, new = split_pair(tmp_path)
    shown = bodies(run(old, new, "--no-color", "--width", "119"))
    first, second = shown["¶ 1"], shown["¶ 2"]
    assert first == (
        "A lorry overturned on the A61 near Barnsley on Monday morning[-, and its-]{+.+}"
        " (continues in ¶ 2)"
    )
    assert second.startswith("{+Its+} driver was arrested at the scene after failing a breath")
    assert "(continued from ¶ 1)" in second
    # Each row's NEW reading (unchanged + inserted, pointers aside) is its NEW paragraph.
    for body, paragraph in ((first, LEDE_HEAD), (second, f"{LEDE_TAIL} {ROAD}")):
        read = without(without(body, "[-", "-]"), " (contin", ")")
        assert unmarked(read) == paragraph


def test_the_side_by_side_view_draws_each_half_in_its_paragraph(tmp_path: Path) -> None:
    old, new = split_pair(tmp_path)
    out = run(old, new, "--no-color", "--width", "230")
    rows = [line.split("│") for line in out.splitlines() if "│" in line]
    left = {k: " ".join(r[0].strip() for r in rows[k + 1 : k + 4]) for k in range(len(rows))}
    right = {k: " ".join(r[1].strip() for r in rows[k + 1 : k + 4]) for k in range(len(rows))}
    one = next(k for k, r in enumerate(rows) if r[1].strip().startswith("~ ¶ 1"))
    two = next(k for k, r in enumerate(rows) if r[1].strip().startswith("~ ¶ 2"))
    assert right[one].startswith("A lorry overturned on the A61 near Barnsley on Monday morning")
    assert "driver" not in right[one].split("~ ¶ 2")[0]
    assert "(continues in ¶ 2)" in right[one]
    assert right[two].startswith("{+Its+} driver was arrested")
    assert "(continued from ¶ 1)" in right[two]
    assert left[one].startswith(unmarked(LEDE[:20]))
    assert "(split into ¶ 1–2)" in left[one]


def test_markdown_draws_each_half_in_its_paragraph(tmp_path: Path) -> None:
    old, new = split_pair(tmp_path)
    out = run(old, new, "-f", "md")
    one = out.split("#### ¶ 1, reworded")[1].split("####")[0]
    two = out.split("#### ¶ 2, reworded")[1].split("> *¶ 3*")[0]
    assert "driver" not in one and "*(continues in ¶ 2)*" in one
    assert two.strip().startswith("**Its** driver was arrested")
    assert "*(continued from ¶ 1)*" in two
    assert "A lorry" not in two


def _cells(html: str, kind: str) -> list[str]:
    return html.split(f'<div class="cell {kind}">')[1:]


def test_the_html_unified_cell_draws_only_its_paragraphs_half(tmp_path: Path) -> None:
    old, new = split_pair(tmp_path)
    out = tmp_path / "out.html"
    run(old, new, "-f", "html", "-o", out)
    html = out.read_text(encoding="utf-8")
    first, second = _cells(html, "uni")[:2]
    assert "driver" not in first.split("</div>")[1]
    assert ">continues in ¶ 2</a>" in first
    assert "A lorry" not in second.split("</div>")[1]  # (it repeated OLD ¶ 1's sentence)
    assert "Its</ins> driver was arrested" in second
    assert ">continued from ¶ 1</a>" in second
    assert ">split into ¶ 1–2</a>" in _cells(html, "old")[0]
    assert ">continued from ¶ 1</a>" in _cells(html, "new")[1]


def test_a_merge_across_a_break_is_drawn_in_each_old_paragraph(tmp_path: Path) -> None:
    two, one = split_pair(tmp_path)  # NEW merges OLD's two sentences either side of a break
    old, new = one, two
    shown = bodies(run(old, new, "--no-color", "--width", "119"))
    assert shown["¶ 1"].endswith("[-, police said-]. (merged from old ¶ 1–2)")
    assert shown["¶ 2"] == (f"[-{LEDE_TAIL}-] (merged into ¶ 1) {ROAD}")
    out = run(old, new, "--no-color", "--width", "230")
    rows = [line.split("│") for line in out.splitlines() if "│" in line]
    two_at = next(k for k, r in enumerate(rows) if r[0].strip().startswith("~ ¶ 2"))
    assert rows[two_at + 1][0].strip().startswith("[-Its-] driver was arrested")
    one_at = next(k for k, r in enumerate(rows) if r[0].strip().startswith("~ ¶ 1"))
    assert "(continues in old ¶ 2)" in " ".join(r[0] for r in rows[one_at : one_at + 3])
    md = run(old, new, "-f", "md")
    assert f"~~{LEDE_TAIL}~~ *(merged into ¶ 1)* {ROAD}" in md
    page = tmp_path / "merge.html"
    run(old, new, "-f", "html", "-o", page)
    html = page.read_text(encoding="utf-8")
    assert ">continued from old ¶ 1</a>" in _cells(html, "old")[1]
    assert ">merged from old ¶ 1–2</a>" in _cells(html, "new")[0]
    assert ">merged into ¶ 1</a>" in _cells(html, "uni")[1]


def test_a_split_inside_one_block_breaks_where_its_paragraphs_do(tmp_path: Path) -> None:
    old = story(tmp_path, "one.txt", f"{LEDE} {ROAD}", REPAIR)
    new = story(tmp_path, "two.txt", LEDE_HEAD, f"{LEDE_TAIL} {ROAD}", REPAIR)
    out = run(old, new, "--no-color", "--width", "119")
    assert (
        "~ A lorry overturned on the A61 near Barnsley on Monday morning[-, and its-]{+.+}\n" in out
    )
    assert "\n~ {+Its+} driver was arrested" in out
    assert "(continue" not in out  # (the break shows; both halves are in this block)
    md = run(old, new, "-f", "md")
    assert "morning<del>, and its</del>**.**\n\n**Its** driver" in md


_SENTENCES = st.lists(
    st.lists(
        st.sampled_from(["Its", "driver", "was", "held", ",", "police", "said"]),
        min_size=1,
        max_size=4,
    ),
    min_size=2,
    max_size=4,
)


@settings(max_examples=300, deadline=None)
@given(_SENTENCES, st.integers(1, 3), st.lists(st.integers(0, 40), max_size=4))
def test_paragraph_parts_spell_each_paragraph(
    words: list[list[str]], cut: int, edits: list[int]
) -> None:
    from compare.render.layout import paragraph_parts
    from compare.text import join_sentences
    from compare.worddiff import word_diff

    sentences = [" ".join(w) + "." for w in words]
    cut = min(cut, len(sentences) - 1)
    many = [(0 if k < cut else 1, text) for k, text in enumerate(sentences)]
    one = join_sentences(sentences)
    edited = list(one)
    for at in edits:
        del edited[at % len(edited)]
    other = "".join(edited).strip() or "x"
    for side in ("new", "old"):
        old, new = (other, one) if side == "new" else (one, other)
        parts = paragraph_parts(word_diff(old, new), many, side)
        assert [p for p, _ in parts] == [0, 1]
        for p, ops in parts:
            mine = "".join(op.new if side == "new" else op.old for op in ops)
            assert mine == join_sentences(t for q, t in many if q == p)
        # The other side in order, part after part (its spaces at the break aside).
        theirs = "".join(op.old if side == "new" else op.new for _, ops in parts for op in ops)
        assert "".join(theirs.split()) == "".join(other.split())
