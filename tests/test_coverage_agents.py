"""Who did harm, named by some outlets and left out by others ("Police shot a man" / "A man
was shot"), is told in every coverage view: no fact disputed, a story told without its
doer. Stories written for this project."""

from __future__ import annotations

import json

import jsonschema
from test_multi import doc

from compare import compare_many
from compare.model import Document
from compare.render.coverage_html import render_coverage
from compare.render.coverage_json import coverage
from compare.render.coverage_text import coverage_markdown, coverage_text
from compare.schema import load_schema

ACTIVE = "Police shot a man near Eastgate station on Tuesday evening after reports of a knife."
PASSIVE = "A man was shot near Eastgate station on Tuesday evening after reports of a knife."
REST = (
    "The station was closed for four hours while officers searched the area and trains stopped.",
    "The police watchdog said it would send investigators to the scene on Wednesday.",
)


def outlets(*openings: str) -> list[Document]:
    sites = ("Wire", "Gazette", "Courier", "Ledger")[: len(openings)]
    return [doc(opening, *REST, site=site) for opening, site in zip(openings, sites, strict=True)]


def test_outlets_that_leave_out_who_shot_are_named_apart_from_those_that_say() -> None:
    cov = compare_many(outlets(ACTIVE, ACTIVE, PASSIVE))
    first = cov.claims[0]
    assert first.agent is not None
    assert (first.agent.named, first.agent.left_out) == ((0, 1), (2,))
    assert (first.agent.named_words, first.agent.left_out_words) == (
        "Police shot a man",
        "A man was shot",
    )
    assert not first.disagreements  # no fact disputed
    assert all(c.agent is None for c in cov.claims[1:])

    line = 'c1 named by A Wire, B Gazette ("Police shot a man"); left out by C Courier'
    text = coverage_text(cov, width=200)
    assert "Who did it, named and left out" in text
    assert line in text
    assert "named by Wire, Gazette" in coverage_markdown(cov)
    data = json.loads(coverage(cov, "2026-05-24T10:00:00Z"))
    jsonschema.Draft202012Validator(load_schema("coverage")).validate(data)
    assert data["claims"][0]["agent"] == {
        "named": [0, 1],
        "left_out": [2],
        "named_words": "Police shot a man",
        "left_out_words": "A man was shot",
    }
    assert data["claims"][1]["agent"] is None
    page = render_coverage(cov, generated_at="2026-05-24T10:00:00Z")
    assert "Who did it, named and left out" in page
    assert "who did it: “" in page and "left out: “" in page
    assert '<span class="ctag">who did it left out</span>' in page


def test_outlets_that_all_name_or_all_leave_out_the_doer_are_told_nothing() -> None:
    for openings in ((ACTIVE, ACTIVE, ACTIVE), (PASSIVE, PASSIVE, PASSIVE)):
        cov = compare_many(outlets(*openings))
        assert all(c.agent is None for c in cov.claims)
        assert "Who did it" not in coverage_text(cov, width=200)


BY_POLICE = (
    "A man was shot by police near Eastgate station on Tuesday evening after reports of a knife."
)


def test_the_sides_do_not_depend_on_the_order_of_the_outlets() -> None:
    # (review21: read only against the representative, an outlet that says "by police" was
    # put among those that leave it out, and the sides changed with the input order.)
    openings = {"Wire": ACTIVE, "Gazette": PASSIVE, "Courier": BY_POLICE}
    for order in (("Wire", "Gazette", "Courier"), ("Gazette", "Courier", "Wire")):
        documents = [doc(openings[site], *REST, site=site) for site in order]
        cov = compare_many(documents)
        agent = cov.claims[0].agent
        assert agent is not None
        named = {cov.labels[d] for d in agent.named}
        left_out = {cov.labels[d] for d in agent.left_out}
        assert (named, left_out) == ({"Wire", "Courier"}, {"Gazette"}), order


def test_an_outlet_with_another_word_order_that_names_nobody_leaves_it_out() -> None:
    # (review21: read only in pairs, "A man was shot on Tuesday evening near ..." stood on
    # neither side.)
    reordered = "A man was shot on Tuesday evening near Eastgate station after reports of a knife."
    cov = compare_many(
        [
            doc(ACTIVE, *REST, site="Wire"),
            doc(PASSIVE, *REST, site="Gazette"),
            doc(reordered, *REST, site="Herald"),
        ]
    )
    agent = cov.claims[0].agent
    assert agent is not None
    assert ({cov.labels[d] for d in agent.named}, {cov.labels[d] for d in agent.left_out}) == (
        {"Wire"},
        {"Gazette", "Herald"},
    )
