"""Framing: another word for a group, a government, an act or a place (facets/framing.py)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from compare import compare
from compare.facets import compare_sentences
from compare.model import Document, Paragraph
from compare.render import json as render_json
from compare.render import markdown as render_markdown
from compare.render import text as render_text
from compare.render.html import render_comparison
from compare.schema import load_schema
from compare.text import split_sentences


def framing(old: str, new: str) -> list[tuple[str | None, str | None]]:
    return [(c.old, c.new) for c in compare_sentences(old, new) if c.kind == "framing"]


@pytest.mark.parametrize(
    ("old", "new", "was", "now"),
    [
        (
            "Protesters clashed with police outside parliament on Tuesday evening.",
            "Rioters clashed with police outside parliament on Tuesday evening.",
            "Protesters",
            "Rioters",
        ),
        (
            "The government denied that troops had fired on the crowd near the square.",
            "The regime denied that troops had fired on the crowd near the square.",
            "government",
            "regime",
        ),
        (
            "Fighters seized two villages north of the city overnight, residents said.",
            "Terrorists seized two villages north of the city overnight, residents said.",
            "Fighters",
            "Terrorists",
        ),
        (
            "Militants fired rockets at the border post on Sunday, the army said.",
            "Fighters fired rockets at the border post on Sunday, the army said.",
            "Militants",
            "Fighters",
        ),
        (
            "About 40 migrants were found in the back of a lorry at the port.",
            "About 40 illegal immigrants were found in the back of a lorry at the port.",
            "migrants",
            "illegal immigrants",
        ),
        (
            "The charity said the refugees had walked for three days to reach the camp.",
            "The charity said the migrants had walked for three days to reach the camp.",
            "refugees",
            "migrants",
        ),
        (
            "Two aid workers were killed in the town on Friday, the agency said.",
            "Two aid workers were murdered in the town on Friday, the agency said.",
            "killed",
            "murdered",
        ),
        (
            "The settlement lies in the occupied West Bank, south of Nablus.",
            "The settlement lies in the disputed West Bank, south of Nablus.",
            "occupied",
            "disputed",
        ),
        (
            "Anti-abortion campaigners gathered outside the court on Monday.",
            "Pro-life campaigners gathered outside the court on Monday.",
            "Anti-abortion",
            "Pro-life",
        ),
        (
            "Police said the protest had been peaceful until late in the evening.",
            "Police said the riot had been peaceful until late in the evening.",
            "protest",
            "riot",
        ),
    ],
)
def test_another_word_for_the_same_group_is_a_framing_change(
    old: str, new: str, was: str, now: str
) -> None:
    assert framing(old, new) == [(was, now)]
    assert framing(new, old) == [(now, was)]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # Words of one group name the group the same way.
        (
            "Protesters marched to the town hall on Saturday afternoon.",
            "Demonstrators marched to the town hall on Saturday afternoon.",
        ),
        (
            "The government said the talks would resume in the spring.",
            "The authorities said the talks would resume in the spring.",
        ),
        (
            "Undocumented immigrants queued outside the office on Monday.",
            "Undocumented migrants queued outside the office on Monday.",
        ),
        # One or many of the same word.
        (
            "A protester was arrested near the station on Friday night.",
            "Several protesters were arrested near the station on Friday night.",
        ),
        # A word that only came frames nothing by itself: both are told.
        (
            "Protesters gathered outside the embassy on Sunday.",
            "Protesters and rioters gathered outside the embassy on Sunday.",
        ),
        # The speaker's words: a quote change, not the outlet's framing.
        (
            'The minister said: "These protesters want change." She left at noon.',
            'The minister said: "These rioters want change." She left at noon.',
        ),
        # Part of another word.
        (
            "Anti-government protesters gathered in the square on Monday.",
            "Anti-regime protesters gathered in the square on Monday.",
        ),
        # A death told without a killer is who did it (roles), not framing.
        (
            "Two aid workers were killed in the town on Friday.",
            "Two aid workers died in the town on Friday.",
        ),
        # The same words in another order.
        (
            "The report counted legal and illegal migrants in the region.",
            "The report counted illegal and legal migrants in the region.",
        ),
        # Everyday words left out: a month, a verb.
        (
            "Shares rally in March as the market recovers.",
            "Shares surge in March as the market recovers.",
        ),
    ],
)
def test_no_framing_change(old: str, new: str) -> None:
    assert framing(old, new) == []
    assert framing(new, old) == []


def test_a_headline_framing_change_is_told() -> None:
    old = Document(paragraphs=(), title="Protesters clash with police outside parliament")
    new = Document(paragraphs=(), title="Rioters clash with police outside parliament")
    changes = compare(old, new).title_changes
    assert [(c.kind, c.old, c.new) for c in changes] == [("framing", "Protesters", "Rioters")]


def test_another_source_altogether_is_an_attribution_change() -> None:
    # (A source named another way is framing alone: the junta case below.)
    old, new = "The Treasury said the plan would work.", "The government said the plan would work."
    assert [c.kind for c in compare_sentences(old, new)] == ["attribution"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # A source named with another word of one group is the same source, named the
        # same way (facets-blind23.jsonl).
        (
            "The administration said it would appeal the ruling.",
            "The government said it would appeal the ruling.",
        ),
        (
            "Protesters said they would return on Sunday.",
            "Demonstrators said they would return on Sunday.",
        ),
    ],
)
def test_a_source_named_by_one_group_two_ways_is_no_change(old: str, new: str) -> None:
    assert compare_sentences(old, new) == ()
    assert compare_sentences(new, old) == ()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # One framing group, but not one body: "the authorities" are often the police;
        # activists and campaigners are not protesters.
        (
            "The authorities said the road would stay closed.",
            "The government said the road would stay closed.",
        ),
        (
            "Activists said they would return on Sunday.",
            "Protesters said they would return on Sunday.",
        ),
        (
            "Campaigners said they would return on Sunday.",
            "Protesters said they would return on Sunday.",
        ),
    ],
)
def test_a_source_named_by_another_body_of_one_group_is_an_attribution_change(
    old: str, new: str
) -> None:
    assert [c.kind for c in compare_sentences(old, new)] == ["attribution"]
    assert [c.kind for c in compare_sentences(new, old)] == ["attribution"]


def test_framing_is_told_in_every_view_and_validates() -> None:
    def story(first: str) -> Document:
        texts = (first, "The march began peacefully at noon and ended at the square.")
        return Document(tuple(Paragraph(p, tuple(split_sentences(p))) for p in texts))

    c = compare(
        story("Protesters blocked the bridge for two hours on Tuesday, police said."),
        story("Rioters blocked the bridge for two hours on Tuesday, police said."),
    )
    assert [(ch.kind, ch.action, ch.severity) for ch in c.changes] == [("framing", "changed", 2)]
    said = 'framing: "Protesters" → "Rioters"'
    assert said in render_text.comparison(c, width=120, color=False, context=2)
    assert said in render_markdown.comparison(c)
    page = render_comparison(c, generated_at="2026-11-28T00:00:00Z")
    assert '<span class="kind">Framing changed</span>' in page
    assert "meaning: framing" in page
    data = json.loads(render_json.comparison_bytes(c))
    jsonschema.Draft202012Validator(load_schema("compare")).validate(data)
    assert [ch["kind"] for ch in data["changes"]] == ["framing"]


def test_every_schema_lists_every_kind_of_change() -> None:
    # A kind added to the model and left out of a schema fails validation for pipelines.
    from typing import get_args, get_type_hints

    from compare.model import Change

    kinds = set(get_args(get_type_hints(Change)["kind"]))
    assert {"framing", "status"} <= kinds
    for name in ("compare", "track-event"):
        text = json.dumps(load_schema(name))
        enums = [
            set(found)
            for found in (json.loads(f"[{m}]") for m in _kind_enums(text))
            if "number" in found
        ]
        assert enums and all(enum == kinds for enum in enums), name


def test_the_facets_kinds_are_the_models_but_note() -> None:
    # facets.base keeps its own Literal of the kinds it makes; one added to the model and
    # not there (or the other way round) fails here, with its severity.
    from typing import get_args

    from compare.facets.base import SEVERITY, ChangeKind
    from compare.model import ChangeKind as ModelKind

    assert set(get_args(ChangeKind)) == set(get_args(ModelKind)) - {"note"}
    assert set(get_args(ChangeKind)) <= set(SEVERITY)


def _kind_enums(text: str) -> list[str]:
    import re

    return re.findall(r'"kind": \{"enum": \[([^\]]*)\]', text)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # The word that went and the one that came in its place, not the first of each
        # group in the sentence (review22).
        (
            "Protesters gathered outside his office on Friday, and police said two "
            "protesters were arrested.",
            "Protesters gathered outside his office on Friday, and police said two "
            "rioters were arrested.",
            [("protesters", "rioters")],
        ),
        # Words that name something else where they stand.
        (
            "The Treasury said the new tax regime would raise £2bn a year.",
            "The Treasury said the new tax rules would raise £2bn a year.",
            [],
        ),
        (
            "Under the new regime at Old Trafford, the club has won two trophies.",
            "Under the new leadership at Old Trafford, the club has won two trophies.",
            [],
        ),
        (
            "Fans occupied the pitch after the penalty decision.",
            "Fans ran onto the pitch after the disputed penalty decision.",
            [],
        ),
        (
            "City killed off the game with a third goal after the break.",
            "City completed the massacre with a third goal after the break.",
            [],
        ),
        (
            "Farmers said 3,000 sheep were killed after the outbreak.",
            "Farmers said 3,000 sheep were slaughtered after the outbreak.",
            [],
        ),
        (
            "The Refugee Council said 40 people had arrived overnight.",
            "Migrant Help said 40 people had arrived overnight.",
            [],
        ),
        # One word went from one place and the other came to another: no stand-in.
        (
            "Two people were killed in the crash near Leeds.",
            "Two people died in the crash near Leeds, and a driver has been charged with murder.",
            [],
        ),
        # A compound's first half frames as the word does.
        (
            "Government-backed militias seized the town.",
            "Regime-backed militias seized the town.",
            [("Government", "Regime")],
        ),
        # A source named another way is framing, not a change of who said it.
        (
            "The junta said protesters had attacked soldiers.",
            "The government said rioters had attacked soldiers.",
            [("junta", "government"), ("protesters", "rioters")],
        ),
    ],
)
def test_framing_reads_the_word_in_its_place(
    old: str, new: str, expected: list[tuple[str, str]]
) -> None:
    assert framing(old, new) == expected


def test_a_place_that_loses_its_framing_word_is_a_framing_change() -> None:
    def told(old: str, new: str) -> list[tuple[str, str, str | None, str | None]]:
        return [(c.kind, c.action, c.old, c.new) for c in compare_sentences(old, new)]

    with_word = "Troops raided a refugee camp in the occupied West Bank on Monday."
    without = "Troops raided a refugee camp in the West Bank on Monday."
    assert told(with_word, without) == [("framing", "removed", "occupied", None)]
    assert told(without, with_word) == [("framing", "added", None, "occupied")]
    assert told("The occupied territories remain tense.", "The territories remain tense.") == [
        ("framing", "removed", "occupied", None)
    ]
    # Not a place: a building taken, a word of another family gone.
    assert told("The hall was occupied by students.", "The hall was taken by students.") == []
    assert told("Police met the protesters at noon.", "Police met them at noon.") == []


# facets23: plain words for people that a loaded word stands in for (facets-blind23.jsonl).


@pytest.mark.parametrize(
    ("old", "new", "was", "now"),
    [
        (
            "A crowd gathered outside the police station after the arrests.",
            "A mob gathered outside the police station after the arrests.",
            "crowd",
            "mob",
        ),
        (
            "Fans threw flares onto the pitch after the final whistle.",
            "Rioters threw flares onto the pitch after the final whistle.",
            "Fans",
            "Rioters",
        ),
        (
            "Supporters clashed with police outside the ground before kick-off.",
            "Hooligans clashed with police outside the ground before kick-off.",
            "Supporters",
            "Hooligans",
        ),
        (
            "Police said about 40 people had crossed the border overnight.",
            "Police said about 40 illegal immigrants had crossed the border overnight.",
            "people",
            "illegal immigrants",
        ),
        (
            "Two men were killed in the air strike, the army said.",
            "Two militants were killed in the air strike, the army said.",
            "men",
            "militants",
        ),
    ],
)
def test_a_plain_word_for_people_loaded_is_a_framing_change(
    old: str, new: str, was: str, now: str
) -> None:
    assert framing(old, new) == [(was, now)]
    assert framing(new, old) == [(now, was)]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # A plain word and the family's plainest group: what they are, not a frame.
        ("A crowd gathered outside the embassy.", "Protesters gathered outside the embassy."),
        ("About 40 people arrived overnight.", "About 40 migrants arrived overnight."),
        ("Two men were seen near the border.", "Two fighters were seen near the border."),
        # Plain words alone, or another sense of one.
        ("The crowd cheered as the team arrived.", "The fans cheered as the team arrived."),
        ("People queued outside the bakery.", "Customers queued outside the bakery."),
        (
            "The fans in the stadium's cooling system failed during the heatwave.",
            "The fans in the stadium's cooling system broke down during the heatwave.",
        ),
        (
            "The restaurant's crowd-pleasing menu changes every season.",
            "The restaurant's popular menu changes every season.",
        ),
        # The plain word kept beside the loaded one that came: both are told.
        (
            "A crowd gathered outside the embassy.",
            "A crowd and a mob gathered outside the embassy.",
        ),
        # The loaded word inside a quotation: the speaker's.
        (
            'Police said the crowd had been calm. "It was a mob," one officer said.',
            'Police said the crowd had been calm. "It was a crowd," one officer said.',
        ),
    ],
)
def test_no_framing_change_from_a_plain_word(old: str, new: str) -> None:
    assert framing(old, new) == []
    assert framing(new, old) == []
