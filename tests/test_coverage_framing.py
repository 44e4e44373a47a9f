"""Words chosen: outlets that carry one claim but name a group, a government, an act or a
place with words of different groups ("Protesters blocked" / "Rioters blocked", "the
government" / "the regime") are told so in every coverage view, per claim, with the outlets
on each side: no fact disputed, a framing chosen. Stories written for this project."""

from __future__ import annotations

import json

import jsonschema
from markdown_it import MarkdownIt
from test_multi import doc

from compare import compare_many
from compare.model import Document
from compare.multi import Coverage
from compare.render.coverage_html import render_coverage
from compare.render.coverage_json import coverage
from compare.render.coverage_text import coverage_markdown, coverage_text
from compare.schema import load_schema

#: The opening each outlet writes: the same claim, the crowd named three ways.
OPENINGS = {
    "Wire": "Protesters blocked the ring road outside Velmar's parliament for six hours "
    "on Saturday, halting buses and delivery lorries.",
    "Gazette": "Demonstrators blocked the ring road outside Velmar's parliament for six "
    "hours on Saturday, halting buses and delivery lorries.",
    "Courier": "Rioters blocked the ring road outside Velmar's parliament for six hours on "
    "Saturday, halting buses and delivery lorries.",
    "Ledger": "A crowd blocked the ring road outside Velmar's parliament for six hours on "
    "Saturday, halting buses and delivery lorries.",
}
REST = (
    "Police said 14 people were arrested after windows were broken at two shops near the square.",
    "The interior ministry said the road reopened shortly before midnight.",
)


def outlets(openings: dict[str, str], order: tuple[str, ...] | None = None) -> list[Document]:
    return [doc(openings[site], *REST, site=site) for site in order or tuple(openings)]


def sides(cov: Coverage, claim: int = 0) -> list[tuple[str, dict[str, str]]]:
    """Each group chosen with the outlets (by name) and the word each wrote."""
    (chosen,) = cov.claims[claim].framing
    return [
        (choice.group, {cov.labels[d]: word for d, word in choice.words})
        for choice in chosen.choices
    ]


def test_outlets_that_name_the_crowd_another_way_are_told_apart() -> None:
    cov = compare_many(outlets(OPENINGS))
    first = cov.claims[0]
    assert len(first.outlets) == 4
    assert not first.disagreements  # no fact disputed
    (chosen,) = first.framing
    assert chosen.family == "crowd"
    # "A crowd" names it with no word of the family: the Ledger stands on no side.
    assert sides(cov) == [
        ("protester", {"Wire": "Protesters", "Gazette": "Demonstrators"}),
        ("rioter", {"Courier": "Rioters"}),
    ]
    assert cov.framed == (first,)
    assert all(not c.framing for c in cov.claims[1:])


def test_the_sides_do_not_depend_on_the_order_of_the_outlets() -> None:
    seen = []
    for order in (
        ("Wire", "Gazette", "Courier", "Ledger"),
        ("Courier", "Ledger", "Gazette", "Wire"),
        ("Ledger", "Courier", "Wire", "Gazette"),
    ):
        cov = compare_many(outlets(OPENINGS, order))
        claim = next(c for c in cov.claims if c.framing)
        seen.append(sides(cov, cov.claims.index(claim)))
    assert seen[0] == seen[1] == seen[2]


def test_words_of_one_group_or_all_alike_are_told_nothing() -> None:
    # "protesters" / "demonstrators" are one group: no entry, no section, no count.
    same_group = {site: OPENINGS[site] for site in ("Wire", "Gazette", "Ledger")}
    alike = {site: OPENINGS["Courier"] for site in ("Wire", "Gazette", "Courier")}
    for openings in (same_group, alike):
        cov = compare_many(outlets(openings))
        assert all(not c.framing for c in cov.claims)
        assert "Words chosen" not in coverage_text(cov, width=200)
        assert "framed differently" not in coverage_markdown(cov)
        assert "Words chosen" not in render_coverage(cov, generated_at="2026-06-01T09:00:00Z")


def test_a_word_inside_a_quotation_is_the_speakers() -> None:
    quoted = (
        'Police said "rioters" blocked the ring road outside Velmar\'s parliament for six '
        "hours on Saturday, halting buses and delivery lorries."
    )
    openings = {"Wire": OPENINGS["Wire"], "Gazette": OPENINGS["Gazette"], "Courier": quoted}
    cov = compare_many(outlets(openings))
    assert len(cov.claims[0].outlets) == 3
    assert all(not c.framing for c in cov.claims)


def test_an_outlet_that_names_both_stands_on_no_side() -> None:
    both = (
        "Protesters and rioters blocked the ring road outside Velmar's parliament for six "
        "hours on Saturday, halting buses and delivery lorries."
    )
    openings = {
        "Wire": OPENINGS["Wire"],
        "Gazette": both,
        "Courier": OPENINGS["Courier"],
    }
    cov = compare_many(outlets(openings))
    assert sides(cov) == [("protester", {"Wire": "Protesters"}), ("rioter", {"Courier": "Rioters"})]


GOVERNMENT = (
    "The government in Orsk cut mobile internet across the northern provinces on Monday, "
    "residents and two telecom engineers said."
)
REGIME = (
    "The regime in Orsk cut mobile internet across the northern provinces on Monday, "
    "residents and two telecom engineers said."
)
AUTHORITIES = (
    "Authorities in Orsk cut mobile internet across the northern provinces on Monday, "
    "residents and two telecom engineers said."
)
LATER = (
    "Service returned in the provincial capital by Tuesday morning, according to the "
    "operator Telvani.",
    "Rights groups said at least 30 journalists could not file reports during the outage.",
)


def test_the_government_and_the_regime_in_every_view() -> None:
    cov = compare_many(
        [
            doc(GOVERNMENT, *LATER, site="Wire"),
            doc(REGIME, *LATER, site="Gazette"),
            doc(AUTHORITIES, *LATER, site="Courier"),
        ]
    )
    assert sides(cov) == [
        ("government", {"Wire": "government", "Courier": "Authorities"}),
        ("regime", {"Gazette": "regime"}),
    ]
    text = coverage_text(cov, width=200)
    assert "1 framed differently" in text.splitlines()[0]
    assert "Words chosen" in text
    line = 'c1 rulers: "government", "authorities" (A Wire, C Courier) / "regime" (B Gazette)'
    assert line in text
    row = next(line for line in text.splitlines() if line.startswith("c1  The "))
    assert row.endswith("~ ✓ ~") or row.endswith("✓ ~ ~") or row.endswith("~ ~ ✓"), row
    assert not row.endswith("!")  # no fact disputed

    markdown = coverage_markdown(cov)
    assert "## Words chosen" in markdown
    assert "1 framed differently" in markdown.splitlines()[0]

    data = json.loads(coverage(cov, "2026-06-01T09:00:00Z"))
    jsonschema.Draft202012Validator(load_schema("coverage")).validate(data)
    assert data["claims"][0]["framing"] == [
        {
            "family": "rulers",
            "choices": [
                {
                    "group": "government",
                    "words": [{"doc": 0, "word": "government"}, {"doc": 2, "word": "Authorities"}],
                },
                {"group": "regime", "words": [{"doc": 1, "word": "regime"}]},
            ],
        }
    ]
    assert data["claims"][1]["framing"] == []

    page = render_coverage(cov, generated_at="2026-06-01T09:00:00Z")
    assert "Words chosen" in page
    assert '<span class="ctag">words chosen</span>' in page
    assert (
        "rulers: “<bdi>government</bdi>”, “<bdi>authorities</bdi>” — <bdi>Wire</bdi>, "
        "<bdi>Courier</bdi>; “<bdi>regime</bdi>” — <bdi>Gazette</bdi>"
    ) in page
    assert "1 framed differently" in page


def test_outlets_words_and_names_are_inert_in_markdown_and_html() -> None:
    hostile = "[Gazette](https://example.test/x) *<img src=x onerror=alert(1)>*"
    cov = compare_many(
        [
            doc(GOVERNMENT, *LATER, site="Wire"),
            doc(REGIME, *LATER, site=hostile),
            doc(AUTHORITIES, *LATER, site="Courier"),
        ]
    )
    assert cov.framed
    markdown = coverage_markdown(cov)
    section = markdown.split("## Words chosen")[1].split("\n## ")[0]
    html = MarkdownIt("commonmark").render(section)
    assert "<a " not in html and "<img" not in html and "<em>" not in html
    assert "[Gazette](https://example.test/x)" in html  # shown as written
    page = render_coverage(cov, generated_at="2026-06-01T09:00:00Z")
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


RESCUE = (
    "Coastguard boats brought 212 {} ashore at Port Salvi on Thursday after their boat lost "
    "power, the coastguard said."
)
RESCUED = (
    "Most of those rescued were taken to a reception centre in the town of Marra.",
    "The regional governor asked the interior ministry for more beds and doctors.",
)


def test_three_outlets_three_words_for_the_people_rescued() -> None:
    words = {"Wire": "migrants", "Gazette": "refugees", "Courier": "illegal immigrants"}
    cov = compare_many([doc(RESCUE.format(w), *RESCUED, site=s) for s, w in words.items()])
    assert sides(cov) == [
        ("migrant", {"Wire": "migrants"}),
        ("refugee", {"Gazette": "refugees"}),
        ("illegal immigrant", {"Courier": "illegal immigrants"}),
    ]
    line = 'c1 migrants: "migrants" (A Wire) / "refugees" (B Gazette) / "illegal immigrants" (C'
    assert line in coverage_text(cov, width=200)


def test_a_sentence_inside_a_quotation_opened_before_it_is_the_speakers() -> None:
    # The Courier's sentence carries the claim inside the coastguard's quotation, opened in
    # the sentence before it and closed in the one after: it holds no quotation mark, and
    # its "illegal immigrants" is the speaker's word.
    quoted = (
        '"We did what the sea asks of us. '
        + RESCUE.format("illegal immigrants").replace(", the coastguard said.", ".")
        + ' Every one of them is safe," the coastguard said.'
    )
    cov = compare_many(
        [
            doc(RESCUE.format("migrants"), *RESCUED, site="Wire"),
            doc(RESCUE.format("refugees"), *RESCUED, site="Gazette"),
            doc(quoted, *RESCUED, site="Courier"),
        ]
    )
    claim = next(c for c in cov.claims if c.framing)
    assert "illegal immigrants" in claim.member(2).text  # type: ignore[union-attr]
    (chosen,) = claim.framing
    assert [(c.group, c.outlets) for c in chosen.choices] == [("migrant", (0,)), ("refugee", (1,))]


def test_the_same_words_in_another_order_stand_on_no_side() -> None:
    # "legal and illegal migrants" / "illegal and legal migrants" read as "illegal migrants"
    # / "migrants": the same words, no framing (as pairwise).
    cov = compare_many(
        [
            doc(RESCUE.format("legal and illegal migrants"), *RESCUED, site="Wire"),
            doc(RESCUE.format("illegal and legal migrants"), *RESCUED, site="Gazette"),
            doc(RESCUE.format("legal and illegal migrants"), *RESCUED, site="Courier"),
        ]
    )
    assert len(cov.claims[0].outlets) == 3
    assert all(not c.framing for c in cov.claims)
