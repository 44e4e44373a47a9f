"""Review 26's findings 8 and J (meaning) and 5 (pipeline): a quote's holders in another
outlet are looked up in an index, not over every quote for each sentence of its claim;
"-ation" is cut only from nouns of an act whose verb is the stem ("evacuation" /
"evacuated", not "location" / "located"); a live page's pinned "Key points" box spans
its heading and its points, so a point put in is no update come in and a point taken out
hides none that came in. The stories are written for these tests."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from test_multi import doc
from test_ops23 import counting
from test_ops26 import _live_page

from compare import compare, load, multi
from compare.claimwords import _stem
from compare.model import Document
from compare.multi import compare_many

# --- 8: a quote's holders found through an index ------------------------------------

_SPEAKERS = ["Ines Caldow", "Tomas Brell", "Ada Fenwick", "Rui Okafor"]
_WORDS = [
    "storm",
    "pier",
    "harbour",
    "crews",
    "night",
    "waves",
    "boats",
    "wall",
    "town",
    "tide",
    "road",
    "council",
]


def _quote_heavy(outlets: int, paragraphs: int) -> list[Document]:
    """Outlets quoting the same speakers in the same few words, shuffled."""
    rng = random.Random(26)
    quotes = [" ".join(rng.choice(_WORDS) for _ in range(8)).capitalize() for _ in range(60)]
    docs = []
    for outlet in range(outlets):
        lines = [
            f'{_SPEAKERS[i % 4]} said on day {i}: "{quotes[(i * 7 + outlet) % len(quotes)]}."'
            for i in range(paragraphs)
        ]
        rng.shuffle(lines)
        docs.append(doc(*lines, site=f"Outlet {outlet}"))
    return docs


def test_following_quotes_compares_each_quote_with_few_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = counting(monkeypatch, multi, "_quoted_alike")
    coverage = compare_many(_quote_heavy(3, 150))
    assert coverage.claims
    # 450 quotes: all of another outlet's quotes for each sentence of a quote's claim was
    # over 60,000 comparisons; the quotes that share a run of three words are a few each.
    assert len(calls) < 20 * 450, len(calls)


def test_a_short_quote_still_follows_the_longer_one_that_holds_its_words() -> None:
    lede = "A storm surge tore away part of Quillan pier in Dunmarsh on Saturday night."
    a = doc(
        lede,
        'Harbourmaster Ines Caldow said the pier had been "badly undermined" by the waves. '
        '"It was a terrible night and the crews were out until dawn," she said.',
        site="Anchor",
    )
    b = doc(lede, 'Harbourmaster Ines Caldow said: "It was a terrible night."', site="Beacon")
    coverage = compare_many([a, b])
    (claim,) = {
        c.id: c for c in coverage.claims for m in c.members if m.doc == 1 and "terrible" in m.text
    }.values()
    assert any(m.doc == 0 and "until dawn" in m.text for m in claim.members)


# --- J: "-ation" cut only from an act's noun ------------------------------------------


@pytest.mark.parametrize(
    ("noun", "other"),
    [
        ("formation", "format"),
        ("location", "located"),
        ("population", "populated"),
        ("situation", "situated"),
        ("vacation", "vacated"),
        ("operations", "operated"),
    ],
)
def test_a_noun_of_its_own_is_not_the_verb_it_ends_like(noun: str, other: str) -> None:
    assert _stem(noun) != _stem(other)


@pytest.mark.parametrize(
    ("noun", "verb"),
    [
        ("evacuation", "evacuated"),
        ("evacuations", "evacuating"),
        ("investigation", "investigating"),
        ("donation", "donated"),
        ("relocation", "relocated"),
        ("deliberation", "deliberating"),
    ],
)
def test_an_act_told_as_a_noun_is_still_its_verb(noun: str, verb: str) -> None:
    assert _stem(noun) == _stem(verb)


# --- 5: the pinned box's extent --------------------------------------------------------

_POINTS = ["Ferries cancelled for the day", "Gusts of up to 80mph on the coast"]


def _live_warnings(
    tmp_path: Path, old: tuple[list[str], list[str]], new: tuple[list[str], list[str]]
) -> list[str]:
    old_page, new_page = tmp_path / "old.html", tmp_path / "new.html"
    old_page.write_text(_live_page(*old), encoding="utf-8")
    new_page.write_text(_live_page(*new), encoding="utf-8")
    warnings = compare(load(str(old_page)), load(str(new_page))).summary.warnings
    return [w for w in warnings if "drops its oldest updates" in w]


def test_a_key_point_put_in_is_no_update_come_in(tmp_path: Path) -> None:
    # The oldest update fell off and none came in; the box has one point more.
    warnings = _live_warnings(
        tmp_path,
        (["u3", "u4", "u5"], _POINTS),
        (["u3", "u4"], ["Three schools closed early", *_POINTS]),
    )
    assert warnings == []


def test_a_key_point_taken_out_hides_no_update_that_came_in(tmp_path: Path) -> None:
    warnings = _live_warnings(
        tmp_path, (["u3", "u4", "u5"], _POINTS), (["u1", "u2", "u3", "u4"], _POINTS[1:])
    )
    assert len(warnings) == 1
    assert warnings[0].startswith(
        "NEW no longer shows OLD's last 2 paragraphs and has 4 new paragraphs above those"
    )


def test_a_key_point_put_in_is_not_counted_among_the_updates_that_came_in(
    tmp_path: Path,
) -> None:
    warnings = _live_warnings(
        tmp_path,
        (["u3", "u4", "u5"], _POINTS),
        (["u1", "u2", "u3", "u4"], [*_POINTS, "Three schools closed early"]),
    )
    assert len(warnings) == 1
    assert "has 4 new paragraphs above those it kept" in warnings[0], warnings


def test_updates_under_a_box_of_long_points_are_still_updates_come_in(tmp_path: Path) -> None:
    # Points as long as an update's text: the box read from its text ends at its first
    # point, but it is kept whole on top, and the two updates below it came in.
    points = [
        "The Met Office has an amber warning for wind in force along the whole coast until "
        "nine tonight, with gusts of up to 80mph expected on high ground.",
        "All ferries to the Tarrow Isles are cancelled for the rest of the day and the "
        "operator says it will decide on tomorrow's sailings at seven in the morning.",
    ]
    warnings = _live_warnings(
        tmp_path, (["u3", "u4", "u5"], points), (["u1", "u2", "u3", "u4"], points)
    )
    assert len(warnings) == 1
    assert "has 4 new paragraphs above those it kept" in warnings[0], warnings
