"""Disputed facts quote each outlet in its own words: an outlet on the side of "About 2,300
people" that wrote "Around 2,300 residents" is shown with its words, not the other's (a
misquote in a report shared with the outlets). Stories written for this project."""

from __future__ import annotations

import json

import jsonschema
from test_multi import doc

from compare import compare_many
from compare.render.coverage_html import render_coverage
from compare.render.coverage_json import coverage
from compare.render.coverage_text import coverage_markdown, coverage_text
from compare.schema import load_schema

LEDES = {
    "Wire": "About 2,300 people were evacuated from the Riverside district of Marlow on "
    "Monday after the River Tam burst its banks, the county council said.",
    "Gazette": "Around 2,300 residents were evacuated from the Riverside district of Marlow "
    "on Monday after the River Tam burst its banks, the county council said.",
    "Courier": "About 3,000 people were evacuated from the Riverside district of Marlow on "
    "Monday after the River Tam burst its banks, the county council said.",
}
REST = (
    "The council opened three rest centres in schools and said the water would peak on Tuesday.",
    "Fire crews rescued drivers from cars trapped on the Eastgate road.",
)


def test_each_outlet_on_a_side_is_quoted_in_its_own_words() -> None:
    cov = compare_many([doc(lede, *REST, site=site) for site, lede in LEDES.items()])
    (disputed,) = cov.disputed
    (d,) = disputed.disagreements
    # The Gazette agrees with the Wire (same side) but wrote its own words.
    assert dict(d.values)[1] == dict(d.values)[0] == "About 2,300 people"
    assert d.words == ((1, "Around 2,300 residents"),)
    assert d.sides() == [
        [("About 2,300 people", [0]), ("Around 2,300 residents", [1])],
        [("About 3,000 people", [2])],
    ]
    expected = (
        "'About 2,300 people' (Wire), 'Around 2,300 residents' (Gazette) / "
        "'About 3,000 people' (Courier)"
    )
    assert f"number: {expected}" in coverage_text(cov, width=300)
    assert expected in coverage_markdown(cov)
    assert "About 2,300 people (Wire), Around 2,300 residents (Gazette) / About 3,000" in d.detail
    page = render_coverage(cov, generated_at="2026-06-01T09:00:00Z")
    # Each side in a span the page sets on a line of its own; the slash between them is
    # kept for screen readers and copying (test_coverage_received).
    assert (
        '<span class="stance">“<bdi>About 2,300 people</bdi>” — <bdi>Wire</bdi>; '
        "“<bdi>Around 2,300 residents</bdi>” — <bdi>Gazette</bdi></span>"
        '<span class="vs"> / </span>'
        '<span class="stance">“<bdi>About 3,000 people</bdi>” — <bdi>Courier</bdi></span>'
    ) in page
    data = json.loads(coverage(cov, "2026-06-01T09:00:00Z"))
    jsonschema.validate(data, load_schema("coverage"))
    values = data["claims"][0]["disagreements"][0]["values"]
    assert values[1] == {"doc": 1, "value": "About 2,300 people", "words": "Around 2,300 residents"}
    assert "words" not in values[0] and "words" not in values[2]


def test_outlets_that_word_a_side_alike_are_listed_together() -> None:
    ledes = dict(LEDES, Gazette=LEDES["Wire"])
    cov = compare_many([doc(lede, *REST, site=site) for site, lede in ledes.items()])
    (d,) = cov.disputed[0].disagreements
    assert d.words == ()
    assert "'About 2,300 people' (Wire, Gazette) / 'About 3,000 people' (Courier)" in (
        coverage_text(cov, width=300)
    )


def test_an_outlets_own_words_count_the_same_thing_and_case_is_no_other_wording() -> None:
    # "Two firefighters" was quoted for an outlet that wrote "two people" further on: the
    # first figure of the same value, whatever it counted (review23).
    ledes = {
        "Wire": "Two people died and two firefighters were hurt in a blaze at a warehouse in "
        "Otley on Monday, the fire service said.",
        "Gazette": "Two firefighters were hurt and two people died in a blaze at a warehouse "
        "in Otley on Monday, the fire service said.",
        "Courier": "Three people died and two firefighters were hurt in a blaze at a warehouse "
        "in Otley on Monday, the fire service said.",
    }
    cov = compare_many([doc(lede, *REST, site=site) for site, lede in ledes.items()])
    (d,) = cov.disputed[0].disagreements
    assert d.words == ()  # its "two people" is the Wire's "Two people" but for a capital
    assert "'Two people' (Wire, Gazette) / 'Three people' (Courier)" in coverage_text(
        cov, width=300
    )
    # The same words but for a capital are no other wording.
    ledes = dict(LEDES, Gazette=LEDES["Wire"].replace("About 2,300", "Officials said about 2,300"))
    cov = compare_many([doc(lede, *REST, site=site) for site, lede in ledes.items()])
    (d,) = cov.disputed[0].disagreements
    assert d.words == ()


def test_a_negation_dispute_shows_the_negating_words_not_the_models_labels() -> None:
    # It read "'negative (would not appeal)' (Wire, Gazette) / 'affirmative' (Courier)".
    full = "Venkov was sentenced on Tuesday, and his lawyer said he would not appeal the verdict."
    flipped = "Venkov was sentenced on Tuesday, and his lawyer said he would appeal the verdict."
    cov = compare_many(
        [
            doc(text, *REST, site=site)
            for site, text in (("Wire", full), ("Gazette", full), ("Courier", flipped))
        ]
    )
    told = "'would not appeal' (Wire, Gazette) / says it without a negation (Courier)"
    assert f"negation: {told}" in coverage_text(cov, width=300)
    assert told in coverage_markdown(cov)
    page = render_coverage(cov, generated_at="2026-06-01T09:00:00Z")
    assert "“<bdi>would not appeal</bdi>”" in page and "affirmative" not in page
    # The JSON keeps the values a pipeline reads.
    values = json.loads(coverage(cov, "2026-06-01T09:00:00Z"))["claims"][0]["disagreements"][0]
    assert {v["value"] for v in values["values"]} == {"negative (would not appeal)", "affirmative"}
