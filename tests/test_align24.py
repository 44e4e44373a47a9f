"""Alignment by content words kept in any order, the labelling rule of the hand-written pairs
(benchmarks/data/alignment-hand*.md) that Indel, counting words in one order, misses:
free paragraphs that keep half the shorter's content words pair (align.py's
``SHARED_IN_PLACE``), a split or merge grows by a neighbour the partner's rest keeps so,
and a paragraph folded into one that is not its neighbour is merged into it
(``FOLDED_SHARE``). Then what review24 found they must not pair: a quote replaced, the same
names and place written afresh, a fold on names and dates alone."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from test_align23 import AROUND, blocks, both_ways, doc
from typer.testing import CliRunner

from compare import compare
from compare.cli import app
from compare.model import CompareOptions
from compare.schema import load_schema

LEDE = (
    "Foot-and-mouth disease has been confirmed in cattle at a farm near Wexcombe, the"
    " agriculture ministry said on Tuesday, and a 10km control zone has been set up."
)
TURNED = (
    "The agriculture ministry confirmed foot-and-mouth disease in a herd of 300 beef"
    " cattle on Tuesday."
)


def test_a_lede_turned_from_passive_to_active_and_cut_is_reworded() -> None:
    """Well under the threshold in one word order, and no clause of three words kept, but
    seven of the nine content words of the shorter kept."""
    c = both_ways(doc(LEDE, *AROUND), doc(TURNED, *AROUND))
    assert ("reworded", (0,), (0,)) in blocks(c)
    assert c.blocks[0].similarity < 0.5
    assert not [b for b in c.blocks if b.op in ("added", "removed")]


def test_a_quote_cut_from_a_paragraph_of_reported_speech_is_reworded() -> None:
    """A second outlet keeps only the quote, its words changed a little, the speaker named
    after it: the shorter keeps all its content words but one."""
    old = doc(
        AROUND[0],
        "Engineers will use ultrasound to find out how deep the cracks go, the harbour master,"
        ' Ewan Tull, said. "We will not reopen this quay until we are certain it is safe,"'
        " he said.",
        *AROUND[1:],
    )
    new = doc(
        AROUND[0],
        '"We will not reopen the quay until we are sure it is safe," said harbour master'
        " Ewan Tull.",
        *AROUND[1:],
    )
    assert ("reworded", (1,), (1,)) in blocks(both_ways(old, new))


def test_a_stricter_threshold_asks_for_the_words_in_their_order() -> None:
    old, new = doc(LEDE, *AROUND), doc(TURNED, *AROUND)
    strict = compare(old, new, CompareOptions(threshold=0.8, facets=False))
    assert ("removed", (0,), ()) in blocks(strict)
    assert ("added", (), (0,)) in blocks(strict)


def test_a_moved_paragraph_must_keep_more_of_its_words() -> None:
    """In its place, half the content words make a pair; moved to the end of the story
    past kept paragraphs, they do not (the paragraphs it passed might be its partner as
    well as it)."""
    old_text = (
        "Rail services between Dunmore and the coast were suspended after a landslip near"
        " Carrow, the operator said."
    )
    half = (
        "A landslip near Carrow has closed the line to the coast, and buses will replace"
        " trains all week, the operator said."
    )
    in_place = both_ways(doc(AROUND[0], old_text, *AROUND[1:]), doc(AROUND[0], half, *AROUND[1:]))
    assert ("reworded", (1,), (1,)) in blocks(in_place)
    moved = both_ways(doc(AROUND[0], old_text, *AROUND[1:]), doc(*AROUND, half))
    assert ("removed", (1,), ()) in blocks(moved)
    assert ("added", (), (4,)) in blocks(moved)


def test_a_paragraph_moved_that_kept_most_of_its_words_is_reworded_and_moved() -> None:
    old_text = (
        "Attendance at Kelby Academy, which has 1,100 pupils aged 11 to 18, fell to 89% last"
        " year, below the national average."
    )
    new_text = (
        "Attendance fell to 89% last year, below the national average, and the academy must"
        " now report to inspectors every term."
    )
    c = both_ways(doc(old_text, *AROUND), doc(*AROUND, new_text))
    (block,) = [b for b in c.blocks if b.a == (0,)]
    assert (block.op, block.b, block.moved) == ("reworded", (4,), True)


def test_a_list_item_named_in_a_new_lede_is_no_continuation() -> None:
    """A short text whose words are all in a paragraph more than twice as long: a book on
    the shortlist named in the lede saying it won. It must keep three quarters of them."""
    old = doc(
        "Six novels are on the shortlist for the Lantern Prize, to be awarded on Thursday.",
        "Harvest Moon by Ada Kerr (Fenwick Press)",
        *AROUND,
    )
    new = doc(
        "Harvest Moon, the first novel by Ada Kerr, has won the Lantern Prize: a story of two"
        " sisters running a ferry across the Tay in the 1950s.",
        *AROUND,
    )
    c = both_ways(old, new)
    assert ("removed", (1,), ()) in blocks(c)


def test_two_paragraphs_keeping_half_the_words_of_one_pair_with_neither() -> None:
    """Which of two rewrites continues the paragraph the words do not tell."""
    old = doc(AROUND[0], LEDE, *AROUND[1:])
    new = doc(
        AROUND[0],
        TURNED,
        "On Tuesday a 10km zone was set up around Wexcombe, where the agriculture ministry"
        " confirmed foot-and-mouth disease in cattle.",
        *AROUND[1:],
    )
    c = both_ways(old, new)
    assert not [b for b in c.blocks if b.op == "reworded" and b.a == (1,)]


def test_a_figure_moved_from_a_removed_lede_into_the_reworded_paragraph_after_it() -> None:
    """NEW's second paragraph continues OLD's (now paired, reworded) and gains the injured
    from OLD's lede, which another outlet's lede replaced: the figure restated is no
    number added, and the toll raised is still told as changed."""
    old = doc(
        "A coach plunged off a mountain road near Vellano early on Thursday, killing 12 people"
        " and injuring 23 others, regional officials said.",
        "The coach, operated by the private firm Corsa Lines, was carrying 41 passengers to the"
        " coast when it left the road on a sharp bend and fell about 60 metres.",
        *AROUND,
    )
    new = doc(
        "At least 14 people were killed when a coach carrying 41 passengers went into a ravine"
        " near Vellano on Thursday, hospital officials said.",
        "The coach, run by Corsa Lines, left the road on a sharp bend and fell around 60"
        " metres, officials said. Twenty-three people were injured.",
        *AROUND,
    )
    c = compare(old, new)
    assert ("reworded", (1,), (1,)) in blocks(c)
    numbers = [ch.detail for ch in c.changes if ch.kind == "number"]
    assert numbers == ['number: "12 people" → "At least 14 people"']


def test_a_paragraph_merged_into_its_neighbour_keeping_its_words_in_another_order() -> None:
    """A match report's next-day version folds the penalty line into the comeback
    paragraph below it: the penalty's words are kept but not in their order, so the rest
    of the merged paragraph pairs with it only by its content words."""
    old = doc(
        AROUND[0],
        "Brennock's second penalty stretched the lead to 20-7 early in the second half.",
        "Strand's penalty and a try from number eight Ben Achterberg, converted by Strand,"
        " brought the Hawks to 20-17 with 15 minutes left.",
        *AROUND[1:],
    )
    new = doc(
        AROUND[0],
        "Brennock's second penalty made it 20-7, but Strand's penalty and a converted try from"
        " number eight Ben Achterberg brought the Hawks within three points with 15 minutes"
        " left.",
        *AROUND[1:],
    )
    assert ("reworded", (1, 2), (1,)) in blocks(both_ways(old, new))


FOLDED_OLD = [
    "The actor Callum Reyes has been banned from driving for 18 months after admitting"
    " drink-driving at Hawley Magistrates' Court.",
    "A breath test showed 61 micrograms of alcohol in 100 millilitres of breath.",
    "Reyes left court without speaking to reporters.",
    "He has played the detective Sam Keel in Blackwater Row since the series began in 2019.",
    "He is married to the theatre director Holly Winn, with whom he has a daughter.",
    "The programme's producer, Eastlight Pictures, declined to comment.",
]
FOLDED_NEW = [
    "TV detective Callum Reyes has been banned from driving for 18 months after admitting"
    " drink-driving at Hawley Magistrates' Court.",
    "A breath test showed 61 micrograms of alcohol in 100 millilitres of breath.",
    "Reyes has played Keel in Blackwater Row since the series began in 2019.",
    "Reyes, who is married to theatre director Holly Winn, left court without a word.",
    "The programme's producer, Eastlight Pictures, declined to comment.",
]


def test_a_paragraph_folded_into_one_two_paragraphs_away_is_merged_into_it() -> None:
    """The "left court" line went, all but two words, into the marriage paragraph two
    below (the show paragraph between stays its own): a merge whose parts are no
    neighbours, not the line removed."""
    c = both_ways(doc(*FOLDED_OLD), doc(*FOLDED_NEW))
    assert ("reworded", (2, 4), (3,)) in blocks(c)
    # Scored on words like every group (it was scored on letters: 0.61).
    (merge,) = [b for b in c.blocks if b.a == (2, 4)]
    assert merge.similarity == 0.5
    assert not [b for b in c.blocks if b.op in ("added", "removed")]


def test_a_merge_of_paragraphs_apart_is_written_in_every_format(tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("\n\n".join(FOLDED_OLD), encoding="utf-8")
    new.write_text("\n\n".join(FOLDED_NEW), encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(app, ["compare", "-f", "json", str(old), str(new)])
    assert out.exit_code == 1, out.output
    data = json.loads(out.output)
    jsonschema.Draft202012Validator(load_schema("compare")).validate(data)
    assert {"op": "reworded", "a": [2, 4], "b": [3]}.items() <= next(
        b for b in data["alignment"] if b["a"] == [2, 4]
    ).items()
    for form in ("text", "md", "html"):
        shown = runner.invoke(app, ["compare", "-f", form, "--no-color", str(old), str(new)])
        assert shown.exit_code == 1, (form, shown.output)
        assert "without speaking to reporters" in shown.output
        assert "left court without a word" in shown.output
        if form == "html":  # the merged paragraphs named as they are, not as a range
            assert "¶ 3, 5" in shown.output and "¶ 3–5" not in shown.output


# Found by review24: what the rules above must not pair.
AROUND_COUNCIL = [
    "The council met on Monday evening at the town hall in Brackwell.",
    "Residents queued outside for an hour before the doors opened.",
    "The next meeting is scheduled for March.",
]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # A quote replaced by another from the same person, the attribution kept.
        (
            '"We will not close Brackwell library while I am mayor," said Mayor Dana Whitlock,'
            " adding that the council budget for 2025 was secure.",
            '"The council budget for 2025 cannot carry Brackwell library forever," Mayor Dana'
            " Whitlock said, warning of cuts.",
        ),
        # Half the shorter's content words kept, but they are the names, the place and the
        # day, and 0.20 of the words in order: another paragraph.
        (
            "Residents of Mill Lane in Brackwell were evacuated to the Kelby leisure centre"
            " overnight, the council said.",
            "The council said the Kelby leisure centre, used as a shelter in 2019, would stay"
            " open while Mill Lane in Brackwell was pumped dry.",
        ),
    ],
)
def test_a_paragraph_replaced_in_its_place_is_removed_and_added(before: str, after: str) -> None:
    old = doc(*AROUND_COUNCIL[:2], before, AROUND_COUNCIL[2])
    new = doc(*AROUND_COUNCIL[:2], after, AROUND_COUNCIL[2])
    c = both_ways(old, new)
    assert ("removed", (2,), ()) in blocks(c)
    assert ("added", (), (2,)) in blocks(c)


def test_a_paragraph_sharing_only_names_and_dates_is_not_folded_in() -> None:
    old = doc(
        AROUND_COUNCIL[0],
        "Jonah Pell, 34, was charged with the murder of Carla Voss.",
        AROUND_COUNCIL[1],
        "Pell had been arrested at his Mill Lane flat in Brackwell on June 3.",
        AROUND_COUNCIL[2],
    )
    new = doc(
        AROUND_COUNCIL[0],
        "Jonah Pell, 34, was charged with the murder of Carla Voss, who lived at Mill Lane in"
        " Brackwell and was last seen June 3.",
        AROUND_COUNCIL[1],
        "Police said they were not looking for anyone else.",
        AROUND_COUNCIL[2],
    )
    c = both_ways(old, new)
    assert ("removed", (3,), ()) in blocks(c)


def test_a_group_grown_backwards_takes_a_folded_paragraph() -> None:
    """A merge grown from its later paragraph is kept under that one's index: folding a
    third paragraph into it raised KeyError."""
    old = doc(
        AROUND_COUNCIL[0],
        "Jonah Pell, 34, was charged on Friday with murdering Carla Voss.",
        "He will appear at Kelby Crown Court on Monday.",
        "A neighbour on Mill Lane in Brackwell, who asked not to be named, said police had"
        " never been called to the flat before June 3.",
        AROUND_COUNCIL[2],
    )
    new = doc(
        AROUND_COUNCIL[0],
        "Jonah Pell, 34, was charged on Friday with murdering Carla Voss. He was arrested at his"
        " flat on Mill Lane in Brackwell on June 3 after a neighbour called police. He will"
        " appear at Kelby Crown Court on Monday.",
        AROUND_COUNCIL[2],
    )
    assert ("reworded", (1, 2, 3), (1,)) in blocks(both_ways(old, new))


MARRIED = "Reyes is married to the theatre director Holly Winn, with whom he has a daughter."
SILENT = "Outside court Reyes said nothing to the reporters waiting."
THANKS = "The magistrates were thanked by Reyes for their great kindness."


@pytest.mark.parametrize(
    ("folded", "merged"),
    [([SILENT], (1, 3)), ([THANKS], (1, 3)), ([SILENT, THANKS], (1,))],
)
def test_a_paragraph_wanted_by_two_folded_ones_takes_neither(
    folded: list[str], merged: tuple[int, ...]
) -> None:
    """Each of two paragraphs apart went into the marriage paragraph: alone, each is merged
    into it; both at once, which went there is no longer told, and neither is (whichever
    version is OLD)."""
    old = doc(AROUND[0], MARRIED, AROUND[1], folded[0], AROUND[2], *folded[1:], AROUND[3])
    new = doc(
        AROUND[0],
        f"{MARRIED} He thanked the magistrates for their great kindness and walked past the"
        " waiting reporters outside court saying nothing.",
        *AROUND[1:],
    )
    c = both_ways(old, new)
    assert ("reworded", merged, (1,)) in blocks(c)
