"""Review 28, items 2, 3 and 4.

2. A repeated line of the text (six words or more) holds order only to break ties: copies
   of it set elsewhere never make the story's own paragraphs, which kept their order,
   moved (align.py ``_copies_kept``, ``_left_copies``). A line the CMS moved up a paragraph
   each time marked the paragraphs it passed moved (exit 1), and a promo line set every
   fourth paragraph instead of every third marked 500 of 3,000 paragraphs moved.
3. ``--no-moves`` counts as out of order exactly the pairs move detection would mark moved
   (a page's short repeated line, paired anywhere, is none).
4. A spaced dash between two numbers may be a range or a clause dash: it keys alike with a
   closed range and with an em dash there (text.py ``is_range_dash``, worddiff.py
   ``_between_numbers``).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_align import POOL, covered, doc, mirrored
from typer.testing import CliRunner

from compare import CompareOptions, compare
from compare.cli import app
from compare.model import Comparison
from compare.text import match_key
from compare.worddiff import word_diff

HEADLINE = "Harbour fire"
STORY = [
    "Firefighters were called to the warehouse on Dock Road at 3am on Tuesday.",
    "Police said a 34-year-old man had been arrested on suspicion of arson.",
    "The fire spread to two neighbouring units before it was brought under control.",
    "The council said the road would stay closed until Friday.",
    "Anyone with information is asked to call 101.",
    "It is the third fire in the area this year, residents said.",
]
COMMENT = "The Courier has contacted Harbour Holdings for comment."
SMOKE = "Smoke over the bay"
LINE = "Police said the investigation was continuing."
BEGAN = "The fire began at 3am and spread quickly through the building."
ARRESTED = "Two men were arrested on Monday."


def write(path: Path, paragraphs: list[str]) -> str:
    path.write_text("\n\n".join([HEADLINE, *paragraphs]) + "\n", encoding="utf-8")
    return str(path)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner(env={"NO_COLOR": "1", "COLUMNS": None}).invoke(app, ["compare", *args])
    return result.exit_code, result.stdout


def moved_texts(c: Comparison) -> list[str]:
    return [c.old.paragraphs[b.a[0]].text for b in c.blocks if b.moved]


# The reviewer's hold1/hold2: each copy of the "for comment" line one paragraph higher.
HOLD_OLD = [*STORY[:3], COMMENT, *STORY[3:5], COMMENT, STORY[5]]
HOLD_NEW = [*STORY[:2], COMMENT, *STORY[2:4], COMMENT, *STORY[4:]]
# The reviewer's nomv1/nomv2: a short page line, paired anywhere.
NOMV_OLD = [STORY[0], SMOKE, STORY[1], STORY[2], SMOKE, STORY[3], STORY[4]]
NOMV_NEW = [STORY[0], STORY[1], SMOKE, STORY[2], STORY[3], STORY[4], SMOKE]
# r8: the line said twice, its second copy in place; the first and the paragraph after it
# swapped.
R8_OLD = [LINE, BEGAN, ARRESTED, LINE]
R8_NEW = [BEGAN, LINE, ARRESTED, LINE]


# --- item 2 ------------------------------------------------------------------------------


def test_a_line_the_page_moved_up_moves_no_paragraph() -> None:
    old, new = doc(*HOLD_OLD, title=HEADLINE), doc(*HOLD_NEW, title=HEADLINE)
    for c in (compare(old, new), compare(new, old)):
        assert moved_texts(c) == []
        assert not c.summary.changed
        assert c.summary.sentences["moved"] == 0


def test_the_command_says_nothing_moved(tmp_path: Path) -> None:
    a, b = write(tmp_path / "hold1.txt", HOLD_OLD), write(tmp_path / "hold2.txt", HOLD_NEW)
    code, out = run(a, b, "--no-color")
    assert code == 0
    assert "moved" not in out
    code, out = run(a, b, "-f", "json")
    assert code == 0
    assert json.loads(out)["summary"]["paragraphs"]["moved"] == 0


def test_a_line_said_twice_with_a_copy_in_place_still_tells_a_swap(tmp_path: Path) -> None:
    # The story's two paragraphs kept their order: the copy of the line is what moved, and
    # the swap is still a move (exit 1), as 6f5c337 meant.
    old, new = doc(*R8_OLD, title="Fire"), doc(*R8_NEW, title="Fire")
    c = compare(old, new)
    assert moved_texts(c) == [LINE]
    assert [(b.a, b.b) for b in c.blocks if b.moved] == [((0,), (1,))]
    assert c.summary.changed
    back = compare(new, old)
    assert moved_texts(back) == [LINE]
    mirrored(c, back)
    code, _ = run(write(tmp_path / "r8_old.txt", R8_OLD), write(tmp_path / "r8_new.txt", R8_NEW))
    assert code == 1


def _paragraph(rng: random.Random, k: int) -> str:
    words = ["harbour", "council", "river", "bridge", "warehouse", "ferry", "market", "quay"]
    names = ["Alder", "Birch", "Cedar", "Damson", "Elm", "Fir", "Gorse", "Hazel", "Ivy"]
    return (
        f"{rng.choice(names)} {' '.join(rng.choice(words) for _ in range(9))} {k} "
        f"and {rng.choice(words)} {k * 7 + 3}."
    )


PROMO = "Sign up for our free morning newsletter to get the news first."


def test_a_promo_line_set_every_fourth_paragraph_instead_of_every_third() -> None:
    rng = random.Random(28)
    story = [_paragraph(rng, k) for k in range(3000)]
    old = [x for k, p in enumerate(story) for x in ([p, PROMO] if k % 3 == 0 else [p])]
    new = [x for k, p in enumerate(story) for x in ([p, PROMO] if k % 4 == 1 else [p])]
    c = compare(doc(*old), doc(*new))
    assert not [t for t in moved_texts(c) if t != PROMO]  # was 0 here too
    assert c.summary.paragraphs["moved"] == 0  # it was 500: copies of the promo line
    assert c.summary.sentences["moved"] == 0
    assert c.summary.paragraphs["equal"] == 3000 + 750
    assert c.summary.paragraphs["removed"] == 250


@st.composite
def a_story_and_its_repeated_line_set_elsewhere(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """The story's paragraphs in the same order on both sides; a line of six words or more
    repeated among them (twice or three times), at places drawn anew for each side."""
    story = draw(st.lists(st.sampled_from(POOL[:12]), min_size=2, max_size=8, unique=True))
    line = draw(st.sampled_from([COMMENT, PROMO, POOL[12]]))
    sides = []
    for _ in range(2):
        side = list(story)
        for _ in range(draw(st.integers(2, 3))):
            side.insert(draw(st.integers(0, len(side))), line)
        sides.append(side)
    return sides[0], sides[1]


@settings(max_examples=200, deadline=None)
@given(a_story_and_its_repeated_line_set_elsewhere())
def test_copies_never_move_paragraphs_that_kept_their_order(
    pair: tuple[list[str], list[str]],
) -> None:
    old, new = pair
    for a, b in ((old, new), (new, old)):
        c = compare(doc(*a), doc(*b))
        covered(c)
        story = set(a) - {COMMENT, PROMO, POOL[12]}
        assert not [t for t in moved_texts(c) if t in story]
        moved_sentences = [s.a for s in c.sentences if s.moved and s.a]
        assert not [x for x in moved_sentences if c.old.paragraphs[x[0][0]].text in story]


# --- item 3 ------------------------------------------------------------------------------


def test_no_moves_counts_no_page_line_paired_anywhere(tmp_path: Path) -> None:
    a, b = write(tmp_path / "nomv1.txt", NOMV_OLD), write(tmp_path / "nomv2.txt", NOMV_NEW)
    assert run(a, b, "--no-color")[0] == 0
    code, out = run(a, b, "--no-color", "--no-moves")
    assert code == 0
    assert "another order" not in out and "No differences beyond cosmetic ones" in out
    code, out = run(a, b, "--no-moves", "-f", "json")
    assert code == 0
    assert "out_of_order" not in json.loads(out)["summary"]


def test_no_moves_counts_what_move_detection_marks(tmp_path: Path) -> None:
    # The line the page moved up (now moving nothing) and r8 (the copy moved): the same
    # pairs out of order as marked moved.
    for old, new, count in ((HOLD_OLD, HOLD_NEW, 0), (R8_OLD, R8_NEW, 1)):
        c = compare(doc(*old), doc(*new), CompareOptions(detect_moves=False))
        assert c.summary.out_of_order == count
        assert c.summary.paragraphs["moved"] == 0
        assert compare(doc(*old), doc(*new)).summary.paragraphs["moved"] == count
    a, b = write(tmp_path / "r8_old.txt", R8_OLD), write(tmp_path / "r8_new.txt", R8_NEW)
    code, out = run(a, b, "--no-color", "--no-moves")
    assert code == 1
    assert "old ¶ 1 is ¶ 2 in NEW" in " ".join(out.split())


@settings(max_examples=150, deadline=None)
@given(a_story_and_its_repeated_line_set_elsewhere(), st.randoms(use_true_random=False))
def test_out_of_order_is_what_would_be_moved(
    pair: tuple[list[str], list[str]], rng: random.Random
) -> None:
    old, new = pair
    if rng.random() < 0.5:  # a paragraph of the story moved too
        new = list(new)
        new.insert(rng.randrange(len(new)), new.pop(rng.randrange(len(new))))
    if rng.random() < 0.5:
        new = [SMOKE if rng.random() < 0.3 else p for p in new] + [SMOKE]
        old = [*old[:1], SMOKE, *old[1:]]
    off = compare(doc(*old), doc(*new), CompareOptions(detect_moves=False))
    on = compare(doc(*old), doc(*new))
    assert off.summary.out_of_order == on.summary.paragraphs["moved"]
    assert off.summary.changed == on.summary.changed


# --- item 4 ------------------------------------------------------------------------------

DASH_OLD = "The plant employed 300 \u2013 200 of them in Leeds \u2013 until it closed in 2019."
DASH_NEW = "The plant employed 300 \u2014 200 of them in Leeds \u2014 until it closed in 2019."
MEETING = "The council met on Tuesday evening to discuss the plan for the river."


def test_a_clause_dash_between_numbers_restyled_is_cosmetic(tmp_path: Path) -> None:
    a = tmp_path / "dash1.txt"
    b = tmp_path / "dash2.txt"
    a.write_text(f"Story\n\n{DASH_OLD}\n\n{MEETING}\n", encoding="utf-8")
    b.write_text(f"Story\n\n{DASH_NEW}\n\n{MEETING}\n", encoding="utf-8")
    code, out = run(str(a), str(b), "--no-color")
    assert code == 0
    assert "No differences beyond cosmetic ones" in out
    c = compare(doc(DASH_OLD, MEETING), doc(DASH_NEW, MEETING))
    assert [(b.op, b.cosmetic) for b in c.blocks] == [("equal", True), ("equal", False)]
    assert not c.summary.changed


def alike(old: str, new: str) -> bool:
    """Whether the texts key alike, checked to agree with the word diff both ways."""
    same = match_key(old) == match_key(new)
    for x, y in ((old, new), (new, old)):
        assert same == all(op.op == "equal" for op in word_diff(x, y)), (x, y)
    return same


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("The plant employed 300 - 200 of them.", "The plant employed 300 -- 200 of them."),
        (
            "It opened in 1950 - 12 years before the war.",
            "It opened in 1950\u201412 years before the war.",
        ),
        ("Arsenal won 3 \u2013 1 on Saturday.", "Arsenal won 3 \u2014 1 on Saturday."),
        ("Arsenal won 3 - 1 on Saturday.", "Arsenal won 3 \u2014 1 on Saturday."),
        ("The plant employed 300 \u2013 200 of them.", "The plant employed 300--200 of them."),
    ],
)
def test_a_dash_between_numbers_keys_alike_in_any_style(old: str, new: str) -> None:
    assert alike(old, new)
    second = "Work is due to start in the spring. It will take two years."
    c = compare(doc(old, second), doc(new, second))
    assert [(b.op, b.cosmetic) for b in c.blocks] == [("equal", True), ("equal", False)]
    assert not c.summary.changed


RANGES = ["10-15", "10 - 15", "10\u201315", "10 \u2013 15", "10 \u2014 15", "10\u201415"]


def test_ranges_however_typed_key_alike() -> None:
    for old in RANGES:
        for new in RANGES:
            assert alike(f"Between {old} people were hurt.", f"Between {new} people were hurt.")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("It fell from 5 -5C overnight.", "It fell from 5-5C overnight."),  # a minus sign
        ("Between 10-15 people were hurt.", "Between 10 15 people were hurt."),
        ("Between 10-15 people were hurt.", "Between 1015 people were hurt."),
        ("A well-known harbour plan.", "A well - known harbour plan."),
        ("The plan \u2014 2 of them.", "The plan 2 of them."),
    ],
)
def test_other_dashes_still_differ(old: str, new: str) -> None:
    assert not alike(old, new)
