"""A coloured line is trimmed of the spaces at its end, before its closing colour codes too,
by peeling the codes off (compare/render/text.py ``_trimmed``). A pattern that looked ahead
over spaces and codes did the same, but backtracked over a side-by-side row's padding:
review 28 of the session's changes, 60 s for a long story at 400 columns (now 0.5 s; the
figures are in the closing note and benchmarks/README.md, "Renderers")."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from compare.render.text import _trimmed

# What the line should keep: the spaces at its end, among and before the colour codes that
# close it, are dropped; everything else stays (a reference, fine on short lines).
_ENDING_SPACES = re.compile(r"[ \t]+(?=(?:\x1b\[[0-9;]*m|[ \t])*$)")

PIECES = st.sampled_from(
    ["a", "b ", " ", "  ", "\t", "\x1b[1m", "\x1b[0m", "\x1b[31;1m", "│", "x y", "m"]
)


@given(st.lists(PIECES, max_size=14))
def test_trimmed_drops_only_the_spaces_at_the_end(pieces: list[str]) -> None:
    line = "".join(pieces)
    expected = line.rstrip()
    if "\x1b" in expected:
        expected = _ENDING_SPACES.sub("", expected)
    assert _trimmed(line) == expected


def test_a_padded_row() -> None:
    row = "old text" + " " * 300 + "\x1b[0m  │ new text" + " " * 300 + "\x1b[0m" + " " * 5
    assert _trimmed(row) == "old text" + " " * 300 + "\x1b[0m  │ new text\x1b[0m"


def test_a_quote_style_inside_a_changed_sentence_stays_unmarked() -> None:
    # Widening a change of spaces cuts an unchanged step's sides apart only where their
    # spaces differ; a step that differs in a quote's or a dash's style alone stays one
    # unchanged step, as review 28's item 6 asked ("mix_curly": only "not" is marked).
    from compare.model import WordOp
    from compare.render.layout import widened

    ops = (
        WordOp("equal", "\u201cWe are ", '"We are '),
        WordOp("delete", "not ", ""),
        WordOp(
            "equal", "ready,\u201d the mayor\u2019s aide said.", "ready,\" the mayor's aide said."
        ),
    )
    assert list(widened(ops)) == list(ops)
    # Spaces apart on the two sides: cut, so that each side reads as written.
    spaced = (
        WordOp("equal", "The vote was 52 - 48", "The vote was 52 -48"),
        WordOp("replace", " in", " for"),
    )
    drawn = widened(spaced)
    assert "".join(w.old for w in drawn) == "The vote was 52 - 48 in"
    assert "".join(w.new for w in drawn) == "The vote was 52 -48 for"
    assert all(w.old == w.new for w in drawn if w.op == "equal")
