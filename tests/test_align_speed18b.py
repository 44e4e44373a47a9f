"""The shortcuts of speedalign18b in alignment and the word diff: each gives what the long
way gives (property-tested), and each is tested for what makes it fast (no call, no
Python-level look-up, nothing set up)."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Container, Mapping, Sequence
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from compare import align, compare
from compare.model import CompareOptions, Document, Paragraph, WordOp
from compare.notes import is_credit_line
from compare.text import split_sentences
from compare.worddiff import word_diff

THRESHOLD = CompareOptions().threshold

_WORDS = st.sampled_from(
    [
        *("the", "council", "said", "bridge", "48,000", "hour-long", "closed", "March"),
        *("Thursday.", "drivers", "ring", "road.", "\u2014", "Reporting", "by", "Ann"),
        *("Lee;", "Editing", "(Reuters)", "not", "never", "U.S.", "caf\u00e9", "12"),
    ]
)
_SENTENCE = st.lists(_WORDS, min_size=1, max_size=9).map(lambda ws: " ".join(ws) + ".")
_PARAGRAPH = st.lists(_SENTENCE, min_size=1, max_size=3).map(" ".join)
_PARAGRAPHS = st.lists(_PARAGRAPH, min_size=1, max_size=7)


def _document(texts: list[str]) -> Document:
    paragraphs = tuple(Paragraph(text, tuple(split_sentences(text))) for text in texts)
    return Document(title="", paragraphs=paragraphs)


@settings(max_examples=150, deadline=None)
@given(_PARAGRAPHS, _PARAGRAPHS, st.booleans())
def test_summary_counts_are_the_counts_of_the_blocks(
    old: list[str], new: list[str], reuse: bool
) -> None:
    """The counts kept as the blocks are made are those counted from the blocks."""
    if reuse:  # mostly the same paragraphs, some moved or edited, as a new version has
        new = [*old[len(old) // 2 :], *new[:2], *old[: len(old) // 2]]
    comparison = compare(_document(old), _document(new), facets=False)
    assert comparison.summary.paragraphs == align._counts(comparison.blocks)
    assert comparison.summary.sentences == align._counts(comparison.sentences)
    assert list(comparison.summary.sentences) == ["equal", "reworded", "added", "removed", "moved"]


def test_summary_counts_are_not_read_from_the_blocks() -> None:
    old = _document(["One two three four.", "Five six seven eight.", "Nine ten eleven."])
    new = _document(["Five six seven eight.", "One two three four.", "Nine ten twelve."])
    with mock.patch.object(align, "_counts", side_effect=AssertionError):
        comparison = compare(old, new, facets=False)
    assert comparison.summary.paragraphs["moved"] == 1
    assert comparison.summary.sentences["reworded"] == 1


def test_sentence_units_are_a_dict_made_on_first_use() -> None:
    """Looked up by dict's own look-up (in C); a unit is made once, on first use."""
    coder = align._Coder()
    units = align._LazyUnits(["One.", "Two.", "One."], coder)
    assert type(units).__getitem__ is dict.__getitem__
    assert len(units) == 3 and dict.__len__(units) == 0  # (none made yet)
    first = units[0]
    with mock.patch.object(coder, "unit", side_effect=AssertionError):
        assert units[0] is first
    assert units[2] is first  # (the coder keeps one unit per text)
    assert [units[k].text for k in range(len(units))] == ["One.", "Two.", "One."]


_IDS = st.lists(st.integers(0, 30), unique=True).map(sorted)


def _neighbours(
    ids_x: Sequence[int],
    ids_y: Sequence[int],
    partner_x: Mapping[int, int],
    taken_y: Container[int],
) -> Callable[[int], Sequence[int]]:
    """The rule _near_pairs follows, unit by unit (align's own until 18b): for a free unit
    of side x, the free units of side y between the same anchors, at most NEIGHBOURS."""
    anchor_x = sorted(partner_x)
    anchor_y_of = [partner_x[x] for x in anchor_x]
    pos_x = align._positions(ids_x)
    pos_y = align._positions(ids_y)

    def neighbours(x: int) -> Sequence[int]:
        k = bisect.bisect_left(anchor_x, x)
        lo = pos_y[anchor_y_of[k - 1]] + 1 if k > 0 else 0
        hi = pos_y[anchor_y_of[k]] if k < len(anchor_x) else len(ids_y)
        if hi <= lo:
            return ()
        lo_x = pos_x[anchor_x[k - 1]] + 1 if k > 0 else 0
        hi_x = pos_x[anchor_x[k]] if k < len(anchor_x) else len(ids_x)
        share = (pos_x[x] - lo_x) / max(hi_x - lo_x, 1)
        start = lo + round(share * (hi - lo)) - align.NEIGHBOURS // 2
        start = max(lo, min(start, hi - align.NEIGHBOURS))
        nearby = ids_y[start : min(hi, start + align.NEIGHBOURS)]
        return [y for y in nearby if y not in taken_y]

    return neighbours


@settings(max_examples=400, deadline=None)
@given(_IDS, _IDS, st.data())
def test_near_pairs_are_each_units_neighbours(
    ids_x: list[int], ids_y: list[int], data: st.DataObject
) -> None:
    """_near_pairs gives each free unit's pairs with what _neighbours gives it, either way."""
    count = min(len(ids_x), len(ids_y))
    anchors = data.draw(st.integers(0, count))
    xs = sorted(data.draw(st.permutations(ids_x))[:anchors])
    ys = data.draw(st.permutations(ids_y))[:anchors]  # (crossing anchors too: moves)
    partner_x = dict(zip(xs, ys, strict=True))
    taken_y = set(ys) | set(data.draw(st.lists(st.sampled_from(ids_y or [0]), max_size=4)))
    free_x = [x for x in ids_x if x not in partner_x]
    window = _neighbours(ids_x, ids_y, partner_x, taken_y)
    expected = [(x, y) for x in free_x for y in window(x)]
    assert align._near_pairs(free_x, ids_x, ids_y, partner_x, taken_y, flip=False) == expected
    flipped = align._near_pairs(free_x, ids_x, ids_y, partner_x, taken_y, flip=True)
    assert flipped == [(y, x) for x, y in expected]


def test_a_long_residue_is_paired_with_its_neighbours() -> None:
    """A residue too large to score whole is paired by position (_near_pairs)."""
    old = [f"Paragraph {k} says word{k} and more{k} about the bridge." for k in range(80)]
    new = [f"Paragraph {k} tells word{k} and more{k} about a bridge." for k in range(80)]
    comparison = compare(_document(old), _document(new), facets=False)
    assert comparison.summary.paragraphs["reworded"] == 80


def test_groups_with_every_unit_paired_are_not_looked_at() -> None:
    """No free unit on either side: no group can grow, and none is looked at."""
    groups = mock.Mock()
    groups.values.side_effect = AssertionError
    partner_a, partner_b = {3: 7, 4: 8}, {7: 3, 8: 4}
    align._grow_groups([], [], groups, partner_a, partner_b, [3, 4], [7, 8], None, THRESHOLD)
    groups.values.assert_not_called()


@settings(max_examples=150, deadline=None)
@given(_PARAGRAPHS, _PARAGRAPHS)
def test_growing_with_every_unit_paired_changes_nothing(old: list[str], new: list[str]) -> None:
    """The long way (every group looked at) leaves groups as they are when no unit is
    free: what returning at once relies on."""
    coder = align._Coder()
    units_a = [coder.unit(text) for text in old]
    units_b = [coder.unit(text) for text in new]
    count = min(len(old), len(new))
    ids_a, ids_b = list(range(count)), list(range(count))
    partner_a = {k: k for k in ids_a}
    partner_b = dict(partner_a)
    groups = {k: align._Group([k], [k], 0.5) for k in ids_a}
    # The long way: one id on each side beyond every unit, free, but never adjacent.
    align._grow_groups(
        units_a,
        units_b,
        groups,
        partner_a,
        partner_b,
        [*ids_a, 10**6],
        [*ids_b, 10**6],
        lambda side, x, y: x != 10**6,
        THRESHOLD,
    )
    assert all(g.a == [k] and g.b == [k] and g.score == 0.5 for k, g in groups.items())


_TEXTS = st.lists(_WORDS, max_size=14).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, _TEXTS)
def test_word_ops_are_the_records_the_dataclass_makes(old: str, new: str) -> None:
    for step in word_diff(old, new):
        assert type(step) is WordOp
        assert step == WordOp(step.op, step.old, step.new)
        assert vars(step) == vars(WordOp(step.op, step.old, step.new))


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXTS, min_size=1, max_size=6))
def test_unit_code_is_its_sentences_codes_joined(texts: list[str]) -> None:
    coder, reference = align._Coder(), align._Coder()
    for text in texts:
        unit = coder.unit(text)
        assert unit.code == "".join(reference.sentence_parts(unit._folded))
        assert "".join(unit._parts) == unit.code


def test_a_one_sentence_unit_is_coded_without_sentence_parts() -> None:
    coder = align._Coder()
    coder.unit("The bridge will close in March.").code  # noqa: B018 (codes the sentence)
    unit = coder.unit("the bridge will close in march")
    with mock.patch.object(align._Coder, "sentence_parts", side_effect=AssertionError):
        assert unit.code == coder.unit("The bridge will close in March.").code
    assert unit._parts == [unit.code]


_CREDITS = st.sampled_from(
    [
        "(Reporting by Ann Lee; Editing by Tom Hale)",
        "Reporting by Ann Lee",
        "The council said the bridge would close in March.",
        "With AFP",
        "",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_CREDITS, min_size=1, max_size=4),
    st.lists(_CREDITS, min_size=1, max_size=4),
    st.sampled_from(["reworded", "added", "removed", "equal"]),
    st.booleans(),
    st.booleans(),
)
def test_credit_lines_only_as_the_long_way(
    old: list[str], new: list[str], op: str, cosmetic: bool, moved: bool
) -> None:
    old_doc, new_doc = _document(old), _document(new)
    a = tuple(range(len(old))) if op != "added" else ()
    b = tuple(range(len(new))) if op != "removed" else ()
    block = align.Block(op, a, b, 0.5, moved, cosmetic)  # type: ignore[arg-type]
    texts = [old[i] for i in a] + [new[j] for j in b]
    expected = (
        op != "equal" and not cosmetic and not moved and all(is_credit_line(t) for t in texts)
    )
    assert align._credit_lines_only(block, old_doc, new_doc) == expected


class _Unread:
    """A paragraph whose text must not be read."""

    @property
    def text(self) -> str:
        raise AssertionError


def test_credit_lines_only_reads_up_to_the_first_paragraph_that_is_not_one() -> None:
    old = mock.Mock(
        paragraphs=[Paragraph("The council said the bridge would close.", ()), _Unread()]
    )
    new = mock.Mock(paragraphs=[_Unread()])
    block = align.Block("reworded", (0, 1), (0,), 0.5)
    assert not align._credit_lines_only(block, old, new)
