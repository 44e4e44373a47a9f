"""A person's standing changed (compare/facets/status.py): the charge, the legal stage, the
condition of someone hurt, how someone left or holds a post; one ``status`` change, told once,
in every output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from compare.cli import app
from compare.facets import compare_sentences, headline_changes
from compare.facets.status import statuses
from compare.schema import load_schema
from compare.track import describe_changes


def kinds(old: str, new: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(c.kind, c.action, c.old, c.new) for c in compare_sentences(old, new)]


def status(old: str, new: str) -> list[tuple[str | None, str | None, str]]:
    """The status changes, each as its two phrases and what changed."""
    return [
        (c.old, c.new, c.detail.split(":", 1)[0])
        for c in compare_sentences(old, new)
        if c.kind == "status"
    ]


@pytest.mark.parametrize(
    ("old", "new", "was", "now", "what"),
    [
        # The charge.
        (
            "Police said a 34-year-old man was charged with murder on Friday.",
            "Police said a 34-year-old man was charged with manslaughter on Friday.",
            "charged with murder",
            "charged with manslaughter",
            "charge changed",
        ),
        (
            "A man was charged with murder.",
            "A man was charged with attempted murder.",
            "charged with murder",
            "charged with attempted murder",
            "charge changed",
        ),
        (
            "A man, 34, was arrested on suspicion of murder.",
            "A man, 34, was arrested on suspicion of manslaughter.",
            "arrested on suspicion of murder",
            "arrested on suspicion of manslaughter",
            "charge changed",
        ),
        (
            "He pleaded guilty to manslaughter at Leeds Crown Court.",
            "He pleaded guilty to murder at Leeds Crown Court.",
            "pleaded guilty to manslaughter",
            "pleaded guilty to murder",
            "charge changed",
        ),
        # The legal stage.
        (
            "A 34-year-old man was arrested on Friday, police said.",
            "A 34-year-old man was charged on Friday, police said.",
            "arrested",
            "charged",
            "legal stage changed",
        ),
        (
            "A 34-year-old man was arrested on Friday, police said.",
            "A 34-year-old man was released without charge on Friday, police said.",
            "arrested",
            "released without charge",
            "legal stage changed",
        ),
        (
            "A man was released on bail.",
            "A man was released without charge.",
            "released on bail",
            "released without charge",
            "legal stage changed",
        ),
        (
            "A man, 34, was arrested on suspicion of murder.",
            "A man, 34, was charged with murder.",
            "arrested on suspicion of murder",
            "charged with murder",
            "legal stage changed",
        ),
        (
            "A man was arrested on Friday.",
            "A man was arrested and charged on Friday.",
            "arrested",
            "arrested and charged",
            "legal stage changed",
        ),
        (
            "The former treasurer was charged with fraud in 2024.",
            "The former treasurer was convicted of theft in 2024.",
            "charged with fraud",
            "convicted of theft",
            "legal stage and charge changed",
        ),
        # The condition of someone hurt.
        (
            "The woman was taken to hospital in a critical condition.",
            "The woman was taken to hospital in a stable condition.",
            "in a critical condition",
            "in a stable condition",
            "condition changed",
        ),
        (
            "She remains in a critical condition in hospital.",
            "She remains in a serious but stable condition in hospital.",
            "in a critical condition",
            "in a serious but stable condition",
            "condition changed",
        ),
        (
            "She was critically injured.",
            "She was seriously injured.",
            "critically injured",
            "seriously injured",
            "condition changed",
        ),
        (
            "One man was injured in the attack.",
            "One man died in the attack.",
            "injured",
            "died",
            "condition changed",
        ),
        (
            "One man was injured in the attack.",
            "One man was killed in the attack.",
            "injured",
            "killed",
            "condition changed",
        ),
        (
            "A teenager was stabbed to death in Leeds.",
            "A teenager was stabbed in Leeds.",
            "stabbed to death",
            "stabbed",
            "condition changed",
        ),
        (
            "A man was shot near the station.",
            "A man was shot dead near the station.",
            "shot",
            "shot dead",
            "condition changed",
        ),
        (
            "He suffered life-threatening injuries.",
            "He suffered life-changing injuries.",
            "life-threatening",
            "life-changing",
            "condition changed",
        ),
        # How someone left or holds a post.
        (
            "The minister resigned on Tuesday.",
            "The minister was sacked on Tuesday.",
            "resigned",
            "sacked",
            "how they left changed",
        ),
        (
            "The minister resigned on Tuesday.",
            "The minister was forced to resign on Tuesday.",
            "resigned",
            "forced to resign",
            "how they left changed",
        ),
        (
            "The officer was suspended last week.",
            "The officer was dismissed last week.",
            "suspended",
            "dismissed",
            "how they left changed",
        ),
        (
            "The mayor was suspended on Monday.",
            "The mayor was removed from office on Monday.",
            "suspended",
            "removed",
            "how they left changed",
        ),
        (
            "The acting chief constable said the inquiry would continue.",
            "The chief constable said the inquiry would continue.",
            "acting chief",
            "chief",
            "how they hold the post changed",
        ),
    ],
)
def test_a_status_changed_is_one_change(old: str, new: str, was: str, now: str, what: str) -> None:
    assert status(old, new) == [(was, now, what)]
    (change,) = [c for c in compare_sentences(old, new) if c.kind == "status"]
    assert (change.action, change.severity) == ("changed", 1)
    # Told the other way round, it changes back.
    assert [(c.old, c.new) for c in compare_sentences(new, old) if c.kind == "status"] == [
        (now, was)
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # Only the wording round the status changed.
        ("A man was charged with murder.", "A man has been charged with murder."),
        ("She is in critical condition.", "She is in a critical condition."),
        ("He was jailed for life.", "He was sentenced to life."),
        ("The hostages were freed on Monday.", "The hostages were released on Monday."),
        # A standing is its latest stage: the earlier one told too says no other thing.
        ("A man was charged on Friday.", "A man was arrested and charged on Friday."),
        # "released" says less of "released without charge", not another thing.
        ("A man was released without charge.", "A man was freed."),
        ("A man was released on bail.", "A man was released."),
        (
            "A man was charged with the murder of his wife.",
            "A man was charged with murdering his wife.",
        ),
        # Two words for one status.
        ("The minister was sacked on Tuesday.", "The minister was fired on Tuesday."),
        ("The minister was fired on Tuesday.", "The minister was sacked on Tuesday."),
        ("The minister resigned on Tuesday.", "The minister stepped down on Tuesday."),
        ("The minister stepped down on Tuesday.", "The minister resigned on Tuesday."),
        (
            "He suffered not life-threatening injuries.",
            "He suffered non-life-threatening injuries.",
        ),
        # Another person, not the same one's standing.
        ("A man was charged with murder.", "A woman was charged with manslaughter."),
        # ... however alike the rest (facets-status.jsonl's one extra, scored once).
        (
            "A 23-year-old man was charged with murder, and his brother was arrested.",
            "A 23-year-old woman was charged with manslaughter, and her brother was arrested.",
        ),
        # Not a status: "suspect" -> "killer" is a word for the person.
        ("The suspect fled the scene.", "The gunman fled the scene."),
        # Things, not people: fired at, dismissed a case, hurt a trade, released a statement.
        ("Police fired tear gas at the crowd.", "Police resigned at the crowd."),
        ("The judge dismissed the case on Monday.", "The judge suspended the case on Monday."),
        ("The tariffs hurt exporters.", "The tariffs badly hurt exporters."),
        (
            "Shares in the firm were suspended on Monday.",
            "Shares in the firm were removed from the index on Monday.",
        ),
        (
            "The company released a statement on Friday.",
            "The company issued a statement on Friday.",
        ),
        # The charge's figures are the number change's (and a sentence's).
        ("He was sentenced to four years.", "He was jailed for five years."),
        (
            "A man was charged with two counts of murder.",
            "A man was charged with three counts of murder.",
        ),
    ],
)
def test_wording_round_a_status_is_no_status_change(old: str, new: str) -> None:
    assert status(old, new) == []


CHARGED = "A 22-year-old man from Bradford was charged with {}, police said on Monday."


@pytest.mark.parametrize(
    ("was", "now"),
    [
        # One offence told as a noun, a verb or an adverb, with or without its object.
        ("sexual assault", "sexually assaulting a woman"),
        ("dangerous driving", "driving dangerously"),
        ("GBH", "grievous bodily harm"),
        ("terrorism offences", "terror offences"),
        ("fraud", "fraud offences"),
        ("stealing a car", "car theft"),
        ("robbing a shop", "robbery"),
        ("harassment", "harassing his ex-partner"),
        ("kidnap", "kidnapping"),
        ("drug offences", "drugs offences"),
        ("murdering his father", "the murder of his father"),
    ],
)
def test_one_charge_in_other_words_is_no_change(was: str, now: str) -> None:
    assert status(CHARGED.format(was), CHARGED.format(now)) == []
    assert status(CHARGED.format(now), CHARGED.format(was)) == []


@pytest.mark.parametrize(
    ("was", "now"),
    [
        ("murder", "manslaughter"),
        ("theft", "robbery"),
        ("assault", "rape"),
        ("GBH", "ABH"),
        ("assault", "assault occasioning actual bodily harm"),
        ("murdering his father", "killing his father"),
    ],
)
def test_another_offence_is_a_charge_changed(was: str, now: str) -> None:
    ((_, _, what),) = status(CHARGED.format(was), CHARGED.format(now))
    assert what == "charge changed"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # A duty, a fault, whom something went to: no offence named.
        (
            "The new minister was charged with tackling knife crime across England.",
            "The new minister was charged with tackling violent crime across England.",
        ),
        (
            "The commissioner, who was charged with reforming child protection, resigned.",
            "The commissioner, who was charged with reforming public protection, resigned.",
        ),
        (
            "The figures were released to the public on Tuesday, the ONS said.",
            "The figures were released to tax officials on Tuesday, the ONS said.",
        ),
        ("The data was released to researchers.", "The data was released to the public."),
        (
            "The team were accused of a lack of intent in the second half.",
            "The team were accused of a lack of threat in the second half.",
        ),
    ],
)
def test_a_charge_names_an_offence(old: str, new: str) -> None:
    assert status(old, new) == []


def test_a_non_offence_word_alone_lets_no_pair_through() -> None:
    from compare.facets.status import may_change

    assert not may_change({"public", "researchers", "the"})
    assert not may_change({"knife", "violent"})
    assert may_change({"murder", "manslaughter"})
    assert may_change({"public", "charged"})


@pytest.mark.parametrize(
    ("old", "new", "was", "now"),
    [
        # A charge ends at its offence, not mid-phrase.
        (
            "He was jailed for life for the murder of a teenager.",
            "He was jailed for life for the manslaughter of a teenager.",
            "jailed for life for the murder",
            "jailed for life for the manslaughter",
        ),
        # Offences listed: one added, one of two changed.
        (
            "A man has been charged with murder after a woman was found dead in Leeds.",
            "A man has been charged with murder and robbery after a woman was found dead in Leeds.",
            "charged with murder",
            "charged with murder and robbery",
        ),
        (
            "A man has been charged with robbery and murder after a woman was found dead.",
            "A man has been charged with robbery and manslaughter after a woman was found dead.",
            "charged with robbery and murder",
            "charged with robbery and manslaughter",
        ),
    ],
)
def test_a_charge_is_quoted_to_its_offence(old: str, new: str, was: str, now: str) -> None:
    assert status(old, new) == [(was, now, "charge changed")]


@pytest.mark.parametrize(
    ("old", "new", "told"),
    [
        # A flip the negation rule tells: "was not charged" -> "was charged".
        ("The man was not charged.", "The man was charged.", "negation"),
        (
            "He pleaded guilty to manslaughter.",
            "He pleaded not guilty to manslaughter.",
            "negation",
        ),
        ("He was convicted of murder in 2019.", "He was acquitted of murder in 2019.", "negation"),
        (
            "His injuries are described as life-threatening.",
            "His injuries are described as not life-threatening.",
            "negation",
        ),
        (
            "He suffered non-life-threatening injuries.",
            "He suffered life-threatening injuries.",
            "negation",
        ),
        # A grade of harm the hedges tell ("seriously injured" added or removed).
        ("The man was seriously injured.", "The man was injured.", "hedge"),
        (
            "Three officers were injured in the clash.",
            "Three officers had been seriously injured in the clash.",
            "hedge",
        ),
        # A killing told as a death: the agent dropped (roles) is the change; the dead are dead.
        ("Troops killed 12 civilians.", "12 civilians died.", "roles"),
        # Inside a quotation, the quote change tells it.
        (
            '"He was charged with murder," she said.',
            '"He was charged with manslaughter," she said.',
            "quote",
        ),
    ],
)
def test_a_status_another_rule_tells_is_told_once(old: str, new: str, told: str) -> None:
    found = {kind for kind, *_ in kinds(old, new)}
    assert told in found
    assert "status" not in found


@pytest.mark.parametrize(
    ("old", "new", "was", "now"),
    [
        # A death told as an injury (or back) is a condition changed, not a grade added.
        ("killed", "seriously injured", "killed", "seriously injured"),
        ("seriously injured", "killed", "seriously injured", "killed"),
        ("killed", "badly hurt", "killed", "badly hurt"),
        # One grade for another: the hedge would tell only the grade added.
        ("slightly hurt", "seriously hurt", "slightly hurt", "seriously hurt"),
    ],
)
def test_a_death_or_a_grade_changed_is_the_status_not_a_hedge(
    old: str, new: str, was: str, now: str
) -> None:
    crash = "Two men were {} in the crash on the A1, police said."
    assert kinds(crash.format(old), crash.format(new)) == [("status", "changed", was, now)]


def test_a_grade_added_to_an_injury_stays_a_hedge() -> None:
    crash = "Two men were {} in the crash on the A1, police said."
    assert kinds(crash.format("injured"), crash.format("seriously injured")) == [
        ("hedge", "added", None, "were seriously injured")
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The lawyer, acting on behalf of the family, said the inquiry had failed.",
            "The lawyer, on behalf of the family, said the inquiry had failed.",
        ),
        (
            "Acting on a tip-off, police raided a house in Leeds.",
            "On a tip-off, police raided a house in Leeds.",
        ),
        (
            "Jones was acting in a West End play at the time.",
            "Jones was in a West End play at the time.",
        ),
        ("The acting career of Smith began in 1990.", "The career of Smith began in 1990."),
        (
            "The company published interim results on Tuesday.",
            "The company published results on Tuesday.",
        ),
        (
            "The judge granted an interim injunction on Friday.",
            "The judge granted an injunction on Friday.",
        ),
    ],
)
def test_acting_or_interim_before_no_job_title_is_no_post(old: str, new: str) -> None:
    assert status(old, new) == []


def test_acting_before_a_title_is_a_post_held_for_now() -> None:
    assert status(
        "Acting Prime Minister Jane Doe said the talks would go on.",
        "Prime Minister Jane Doe said the talks would go on.",
    ) == [("Acting Prime Minister", "Prime Minister", "how they hold the post changed")]
    assert status(
        "The interim chief executive, Jane Doe, said profits rose.",
        "The chief executive, Jane Doe, said profits rose.",
    ) == [("interim chief", "chief", "how they hold the post changed")]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # Things suspended or axed: no one left a post.
        ("Flights to Dubai were suspended on Monday.", "Flights to Dubai were axed on Monday."),
        (
            "The bus service was suspended in March, the council said.",
            "The bus service was axed in March, the council said.",
        ),
        # Sport: out for 40, resigned to defeat, beaten by a goal.
        (
            "Root was dismissed for 40 shortly before lunch.",
            "Root retired hurt on 40 shortly before lunch.",
        ),
        (
            "Murray resigned himself to defeat after the third set.",
            "Murray retired after the third set.",
        ),
        (
            "United were hurt by a late goal in Madrid.",
            "United were killed off by a late goal in Madrid.",
        ),
        # A thing's condition, and a good or poor one, is no one's health.
        (
            "The bridge was in a critical condition, engineers said.",
            "The bridge was in a poor condition, engineers said.",
        ),
        (
            "The bridge was in a critical condition, engineers said.",
            "The bridge was in a stable condition, engineers said.",
        ),
    ],
)
def test_a_post_or_condition_of_a_thing_or_a_game_is_no_status(old: str, new: str) -> None:
    assert status(old, new) == []


def test_a_person_beside_a_thing_keeps_their_status() -> None:
    assert status(
        "The driver of the car is in a critical condition.",
        "The driver of the car is in a stable condition.",
    ) == [("in a critical condition", "in a stable condition", "condition changed")]
    assert status(
        "The officer, who had worked on the project, was suspended.",
        "The officer, who had worked on the project, was sacked.",
    ) == [("suspended", "sacked", "how they left changed")]


@pytest.mark.parametrize(
    ("old", "new", "was", "now"),
    [
        (
            "A 30-year-old man was charged with the killing of his neighbour in Hull.",
            "A 30-year-old man was charged with the murder of his neighbour in Hull.",
            "charged with the killing",
            "charged with the murder",
        ),
        (
            "Two men were arrested over the killing of a teenager in Hull last month.",
            "Two men were arrested over the murder of a teenager in Hull last month.",
            "arrested over the killing",
            "arrested over the murder",
        ),
    ],
)
def test_a_charge_changed_is_not_told_again_as_framing(
    old: str, new: str, was: str, now: str
) -> None:
    assert kinds(old, new) == [("status", "changed", was, now)]


def test_framing_outside_a_status_is_still_told() -> None:
    found = kinds(
        "The protesters, who were arrested on Friday, were released on bail.",
        "The rioters, who were arrested on Friday, were charged.",
    )
    assert ("framing", "changed", "protesters", "rioters") in found
    assert ("status", "changed", "released on bail", "charged") in found


@pytest.mark.parametrize(
    ("was", "now"),
    [
        ("in a life-threatening condition", "in a critical condition"),
        ("with life-threatening injuries", "with critical injuries"),
        ("in a stable condition", "in a comfortable condition"),
    ],
)
def test_one_condition_worded_two_ways_is_no_change(was: str, now: str) -> None:
    taken = "A 19-year-old man was taken to hospital {} after the stabbing in Leeds."
    assert status(taken.format(was), taken.format(now)) == []
    assert status(taken.format(now), taken.format(was)) == []


def test_a_stage_said_no_to_is_quoted_with_its_not() -> None:
    assert status("He was not charged.", "He was not arrested.") == [
        ("not charged", "not arrested", "legal stage changed")
    ]
    assert status(
        "He has not been charged with murder.", "He has not been charged with manslaughter."
    ) == [("not been charged with murder", "not been charged with manslaughter", "charge changed")]
    # A "not" come or gone is the negation rule's flip, told once.
    assert [k[0] for k in kinds("The man was not charged.", "The man was arrested.")] == [
        "negation"
    ]


@pytest.mark.parametrize(
    ("old", "new", "was", "now", "what"),
    [
        # Something else left out or added beside the status.
        (
            "A man was charged with murder on Friday.",
            "A man was charged with manslaughter.",
            "charged with murder",
            "charged with manslaughter",
            "charge changed",
        ),
        (
            "West Ham manager Tom Jones, in charge since 2019, resigned on Monday.",
            "West Ham manager Tom Jones was sacked on Monday.",
            "resigned",
            "sacked",
            "how they left changed",
        ),
        # Said actively.
        (
            "Police have charged a man with murder.",
            "Police have charged a man with manslaughter.",
            "charged a man with murder",
            "charged a man with manslaughter",
            "charge changed",
        ),
        (
            "Prosecutors charged the former minister with bribery.",
            "Prosecutors charged the former minister with fraud.",
            "charged the former minister with bribery",
            "charged the former minister with fraud",
            "charge changed",
        ),
        # An offence as a verb.
        (
            "He is accused of murdering his wife.",
            "He is accused of killing his wife.",
            "accused of murdering",
            "accused of killing",
            "charge changed",
        ),
        (
            "The striker was charged by the FA with misconduct.",
            "The striker was charged by the FA with violent conduct.",
            "charged by the FA with misconduct",
            "charged by the FA with violent conduct",
            "charge changed",
        ),
    ],
)
def test_a_status_changed_among_other_edits(
    old: str, new: str, was: str, now: str, what: str
) -> None:
    assert status(old, new) == [(was, now, what)]


def test_another_person_charged_actively_is_no_change() -> None:
    assert (
        status(
            "Police have charged a man with murder.",
            "Police have charged a woman with manslaughter.",
        )
        == []
    )
    assert status("She charged her phone at the station.", "She charged at the station.") == []


def test_a_stage_after_a_charge_is_read() -> None:
    assert status(
        "He was arrested on suspicion of murder and released on bail.",
        "He was arrested on suspicion of murder and released without charge.",
    ) == [
        (
            "arrested on suspicion of murder and released on bail",
            "arrested on suspicion of murder and released without charge",
            "legal stage changed",
        )
    ]


def test_critical_but_stable_is_another_condition() -> None:
    assert status(
        "The patient was in a critical condition.",
        "The patient was in a critical but stable condition.",
    ) == [("in a critical condition", "in a critical but stable condition", "condition changed")]


def test_an_offence_by_its_initials_is_no_name() -> None:
    assert kinds(CHARGED.format("GBH"), CHARGED.format("grievous bodily harm")) == []


def test_a_legal_stage_takes_the_accusation_from_the_hedges() -> None:
    # "accused of" is a hedge on the accused; told as a conviction, the stage changed,
    # and its hedge (the stage's own words) is not told again.
    assert kinds("Two men were accused of theft.", "Two men were convicted of theft.") == [
        ("status", "changed", "accused of theft", "convicted of theft")
    ]
    # Told as a plain fact, it stays a hedge removed.
    assert kinds("Hale is accused of stealing £80,000.", "Hale stole £80,000.") == [
        ("hedge", "removed", "is accused of", None)
    ]


def test_statuses_are_read_in_reading_order_and_joined() -> None:
    found = statuses("A man was arrested and later released on bail; his brother was injured.")
    assert [(s.group, s.stage, s.text) for s in found] == [
        ("legal", "bailed", "arrested and later released on bail"),
        ("condition", "injured", "injured"),
    ]


@pytest.mark.parametrize(
    ("old", "new", "was", "now"),
    [
        (
            "Man charged with murder",
            "Man charged with manslaughter",
            "charged with murder",
            "charged with manslaughter",
        ),
        (
            "Man arrested over stabbing",
            "Man charged over stabbing",
            "arrested over stabbing",
            "charged over stabbing",
        ),
        ("Officer suspended after crash", "Officer sacked after crash", "suspended", "sacked"),
        ("Teen injured in crash", "Teen dies in crash", "injured", "dies"),
        # Title Case: read in sentence case, told as written.
        (
            "Minister Resigns Over Expenses Row",
            "Minister Sacked Over Expenses Row",
            "Resigns",
            "Sacked",
        ),
    ],
)
def test_headlines_without_was(old: str, new: str, was: str, now: str) -> None:
    found = [(c.kind, c.old, c.new, c.sentence) for c in headline_changes(old, new)]
    assert found == [("status", was, now, -1)]


def test_headlines_that_only_reword_give_none() -> None:
    assert headline_changes("Minister sacked over row", "Minister fired over row") == ()
    assert headline_changes("Police fire tear gas", "Police fired tear gas") == ()


# -- every output ---------------------------------------------------------------------------

FILLER = (
    "Detectives said the two had known each other and that no one else was being sought in "
    "connection with the attack, which happened shortly before midnight."
)


def story(tmp_path: Path, name: str, charge: str, condition: str, left: str) -> Path:
    page = tmp_path / f"{name}.txt"
    page.write_text(
        f"Man charged with {charge} after Leeds stabbing\n\n"
        f"A 34-year-old man has been charged with {charge} after a stabbing in Leeds on "
        "Friday, police said.\n\n"
        f"The victim, a 29-year-old woman, was taken to hospital in a {condition} condition.\n\n"
        f"The chief executive of the trust {left} on Monday.\n\n{FILLER}\n",
        encoding="utf-8",
    )
    return page


def run(tmp_path: Path, *args: str) -> str:
    old = story(tmp_path, "old", "murder", "critical", "resigned")
    new = story(tmp_path, "new", "manslaughter", "stable", "was sacked")
    result = CliRunner().invoke(app, ["compare", str(old), str(new), *args])
    assert result.exit_code == 1, result.output  # differences found
    return result.stdout


EXPECTED = [
    ("charge changed", "charged with murder", "charged with manslaughter"),
    ("charge changed", "charged with murder", "charged with manslaughter"),
    ("condition changed", "in a critical condition", "in a stable condition"),
    ("how they left changed", "resigned", "sacked"),
]


def test_json_follows_the_schema(tmp_path: Path) -> None:
    data = json.loads(run(tmp_path, "-f", "json"))
    jsonschema.validate(data, load_schema("compare"))
    changes = [*data["title_changes"], *data["changes"]]
    got = [(c["detail"].split(":")[0], c["old"], c["new"]) for c in changes]
    assert got == EXPECTED
    assert {(c["kind"], c["action"], c["severity"]) for c in changes} == {("status", "changed", 1)}


def test_the_schema_names_the_kind() -> None:
    change = load_schema("compare")["$defs"]["change"]["properties"]
    assert "status" in change["kind"]["enum"]
    assert "status:" in change["kind"]["description"]
    assert "statuses" in change["severity"]["description"]


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_key_changes_in_text_and_markdown(tmp_path: Path, fmt: str) -> None:
    out = run(tmp_path, "-f", fmt, *(["--no-color"] if fmt == "text" else []))
    keys = out[out.index("Key changes") :]
    for what, was, now in EXPECTED:
        assert f'{what}: "{was}" → "{now}"' in keys


def test_key_changes_and_badges_in_the_html_report(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    run(tmp_path, "-o", str(report))
    html = report.read_text("utf-8")
    keys = html[html.index("Key changes") :]
    labels = re.findall(r'<span class="kind">([^<]+)</span>', keys)
    assert labels == [
        "Charge changed",
        "Charge changed",
        "Condition changed",
        "How they left changed",
    ]
    # Each row's badge names what of the status changed.
    for badge in ("meaning: charge", "meaning: condition", "meaning: post"):
        assert badge in html


def test_history_counts_status_changes() -> None:
    # (Summaries as stored now, with the "no note" flag: see test_rev27track.)
    flag = {"edited_without_note": False}
    assert describe_changes({"meaning": {"status": 1}, **flag}) == "meaning: 1 status change"
    assert describe_changes({"meaning": {"number": 1, "status": 2}, **flag}) == (
        "meaning: 1 number, 2 status changes"
    )


# -- coverage: outlets that tell a charge otherwise -------------------------------------------

OUTLET = (
    "Knife attack in Harrowgate\n\n"
    "A 41-year-old man has been {charge} after a woman was stabbed outside a bar in "
    "Harrowgate on Saturday night, police said.\n\n"
    "The victim, who is 36, was taken to St Anne's Hospital, where she remains in a {condition} "
    "condition.\n\n"
    "Officers were called to Mill Lane shortly after 11pm and found the woman with several "
    "stab wounds.\n\n"
    "The man is due to appear before magistrates in Harrowgate on Monday morning.\n\n{own}\n"
)
OWN = (
    "Detectives have appealed for anyone with dashcam footage of the area to come forward.",
    "Neighbours said the street had been quiet in recent months and called the attack shocking.",
    "A cordon remained in place on Sunday as forensic officers searched the area by the bar.",
)


def coverage_of(tmp_path: Path, *told: tuple[str, str]) -> list[Path]:
    pages = []
    for k, (charge, condition) in enumerate(told):
        page = tmp_path / f"outlet{k}.txt"
        page.write_text(OUTLET.format(charge=charge, condition=condition, own=OWN[k]), "utf-8")
        pages.append(page)
    return pages


def test_outlets_that_tell_a_charge_otherwise_disagree(tmp_path: Path) -> None:
    from compare import compare_many, load

    pages = coverage_of(
        tmp_path,
        ("charged with murder", "critical"),
        ("charged with murder", "critical"),
        ("charged with manslaughter", "stable"),
    )
    coverage = compare_many([load(str(p)) for p in pages])
    disputes = [d for claim in coverage.claims for d in claim.disagreements]
    # The charge, not the condition: outlets word a condition many ways.
    assert [(d.kind, d.label, d.values) for d in disputes] == [
        (
            "status",
            "charge",
            (
                (0, "charged with murder"),
                (1, "charged with murder"),
                (2, "charged with manslaughter"),
            ),
        )
    ]
    result = CliRunner().invoke(app, ["compare", *map(str, pages), "-f", "json"])
    data = json.loads(result.stdout)
    jsonschema.validate(data, load_schema("coverage"))
    text = CliRunner().invoke(app, ["compare", *map(str, pages), "-f", "text", "--no-color"])
    assert "charge: 'charged with murder' (outlet0, outlet1) / 'charged with manslaughter'" in (
        text.stdout
    )


def test_outlets_that_word_one_charge_two_ways_agree(tmp_path: Path) -> None:
    from compare import compare_many, load

    pages = coverage_of(
        tmp_path,
        ("charged with murder", "critical"),
        ("charged with the murder of the woman", "critical"),
        ("arrested and charged with murder", "critical"),
    )
    coverage = compare_many([load(str(p)) for p in pages])
    assert len(coverage.claims[0].outlets) == 3  # one claim, compared across all three
    assert [d for claim in coverage.claims for d in claim.disagreements] == []


def test_an_outlet_that_tells_an_earlier_stage_says_less_not_otherwise(tmp_path: Path) -> None:
    from compare import compare_many, load

    def disputes(*told: tuple[str, str]) -> list[tuple[str, str, list[str]]]:
        coverage = compare_many([load(str(p)) for p in coverage_of(tmp_path, *told)])
        return [
            (d.kind, d.label, [v for _, v in d.values])
            for claim in coverage.claims
            for d in claim.disagreements
        ]

    # "arrested" is a stage "arrested and charged" holds: that outlet says less.
    said_less = [("arrested and charged with murder", "critical"), ("arrested", "critical")]
    assert disputes(*said_less) == []
    # "released on bail" is another stage.
    ((kind, label, values),) = disputes(*said_less, ("released on bail", "critical"))
    assert (kind, label, "released on bail" in values) == ("status", "legal stage", True)


# facets23: the misses and false alarms of benchmarks/data/facets-blind23.jsonl.


@pytest.mark.parametrize(
    ("old", "new", "was", "now", "what"),
    [
        # A person named in full, then by surname (an age aside dropped, a title).
        (
            "Daniel Harker, 34, was charged with burglary after the break-in.",
            "Harker was charged with aggravated burglary after the break-in.",
            "charged with burglary",
            "charged with aggravated burglary",
            "charge changed",
        ),
        (
            "Sergeant Rhian Moss, 41, resigned on Friday.",
            "Moss was sacked on Friday.",
            "resigned",
            "sacked",
            "how they left changed",
        ),
        # A person named with another framing word: the framing is told apart.
        (
            "A protester, 19, was charged with affray after the march.",
            "A rioter, 19, was charged with violent disorder after the march.",
            "charged with affray",
            "charged with violent disorder",
            "charge changed",
        ),
        (
            "Priya Nandakumar was convicted of fraud at Southwark Crown Court.",
            "Nandakumar was convicted of false accounting at Southwark Crown Court.",
            "convicted of fraud",
            "convicted of false accounting",
            "charge changed",
        ),
        # An accusation said actively.
        (
            "Prosecutors accused the director of fraud.",
            "Prosecutors accused the director of bribery.",
            "accused the director of fraud",
            "accused the director of bribery",
            "charge changed",
        ),
        (
            "Police accused the protesters of attacking officers outside the town hall.",
            "Police accused the protesters of looting shops outside the town hall.",
            "accused the protesters of attacking",
            "accused the protesters of looting",
            "charge changed",
        ),
        # The condition of someone hurt: in or out of hospital, a verb before a condition.
        (
            "The patient died in hospital, the trust confirmed.",
            "The patient is in hospital, the trust confirmed.",
            "died",
            "is in hospital",
            "condition changed",
        ),
        (
            "The injured climber was in a critical condition last night.",
            "The injured climber was discharged from hospital last night.",
            "in a critical condition",
            "discharged from hospital",
            "condition changed",
        ),
        (
            "A boy who was stabbed in the town centre remains in a stable condition.",
            "A boy who was stabbed in the town centre has died.",
            "in a stable condition",
            "died",
            "condition changed",
        ),
        (
            "The driver was seriously injured in the collision.",
            "The driver suffered minor injuries in the collision.",
            "seriously injured",
            "minor injuries",
            "condition changed",
        ),
        # Posts: expelled, moved to another post, held for good.
        (
            "The party's treasurer was suspended over the missing funds.",
            "The party's treasurer was expelled over the missing funds.",
            "suspended",
            "expelled",
            "how they left changed",
        ),
        (
            "The minister was sacked in the reshuffle.",
            "The minister was moved to the Treasury in the reshuffle.",
            "sacked",
            "moved to the Treasury",
            "how they left changed",
        ),
        (
            "The coach was sacked after the defeat.",
            "The coach was promoted to the role of director after the defeat.",
            "sacked",
            "promoted to the role of director",
            "how they left changed",
        ),
        (
            "The club named Ferro as interim manager on Monday.",
            "The club named Ferro as permanent manager on Monday.",
            "interim manager",
            "permanent manager",
            "how they hold the post changed",
        ),
        # Legal stages: a suspended sentence, a recall to prison.
        (
            "The council leader was jailed for fraud.",
            "The council leader was given a suspended sentence for fraud.",
            "jailed for fraud",
            "given a suspended sentence for fraud",
            "legal stage changed",
        ),
        (
            "Osei has been released from prison.",
            "Osei has been recalled to prison.",
            "released",
            "recalled",
            "legal stage changed",
        ),
        # One status for one of another group, the only one of each.
        (
            "The hostage was freed on Friday after six weeks in captivity.",
            "The hostage was killed on Friday after six weeks in captivity.",
            "freed",
            "killed",
            "condition changed",
        ),
    ],
)
def test_status_changes_the_blind_set_found(
    old: str, new: str, was: str, now: str, what: str
) -> None:
    assert status(old, new) == [(was, now, what)]
    assert [(c.old, c.new) for c in compare_sentences(new, old) if c.kind == "status"] == [
        (now, was)
    ]


def test_a_grade_changed_is_the_status_not_a_hedge_with_another_verb() -> None:
    old = "The driver was seriously injured in the collision."
    new = "The driver suffered minor injuries in the collision."
    assert [k for k, *_ in kinds(old, new)] == ["status"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # Another person, though the surname or the age is the same.
        ("Smith, 34, was charged with theft.", "Jones, 34, was charged with fraud."),
        ("John Smith was charged with theft.", "Mary Smith was charged with fraud."),
        # "accused" with no one accused of an offence.
        (
            "The accused told the court of his fear of the dark.",
            "The accused told the jury of his fear of the dark.",
        ),
        (
            "Police accused the government of failing the victims.",
            "Police accused ministers of failing the victims.",
        ),
        # Still in hospital, worded two ways, or told with how they are.
        ("The patient remains in hospital.", "The patient is still in hospital."),
        (
            "A man who was stabbed in the park is in hospital.",
            "A man who was stabbed in the park is in a stable condition in hospital.",
        ),
        ("The patient was discharged from hospital on Friday.", "The patient left hospital."),
        # Moved, but to no post; expelled, said of no one it was done to.
        (
            "The family was moved to a hotel after the fire.",
            "The family was moved to a shelter after the fire.",
        ),
        ("The shareholders expelled the chairman.", "The shareholders removed the chairman."),
        ("He was given a suspended sentence.", "He was handed a suspended sentence."),
        ("The interim manager praised the players.", "The new manager praised the players."),
    ],
)
def test_no_status_change_the_blind_set_fixes_allow(old: str, new: str) -> None:
    assert status(old, new) == []
    assert status(new, old) == []


def test_a_hospital_stay_beside_a_condition_reads_the_condition() -> None:
    assert status("A man is in hospital in a stable condition.", "A man has died.") == [
        ("is in hospital in a stable condition", "died", "condition changed")
    ]


def test_a_word_that_changes_with_another_lets_no_pair_through_alone() -> None:
    from compare.facets.status import may_change

    # "in hospital", "moved to", "false accounting" change with another status word.
    assert not may_change({"hospital", "home"})
    assert not may_change({"moved", "went"})
    assert not may_change({"accounting", "marketing"})
    assert may_change({"died", "is"})
    assert may_change({"discharged", "critical", "condition"})
    assert may_change({"sacked", "moved", "treasury"})


def test_intensive_care_is_a_critical_condition() -> None:
    # "in intensive care" was no condition: "was in intensive care" -> "died in hospital"
    # told nothing at all.
    assert status(
        "The driver was in intensive care on Sunday, police said.",
        "The driver died in hospital on Sunday, police said.",
    ) == [("was in intensive care", "died", "condition changed")]
    assert status(
        "The boy remains in intensive care, police said.",
        "The boy was discharged, police said.",
    ) == [("remains in intensive care", "discharged", "condition changed")]
    assert status(
        "The driver was in a stable condition, police said.",
        "The driver was being treated in intensive care, police said.",
    ) == [("in a stable condition", "treated in intensive care", "condition changed")]
    # A critical patient in intensive care is told two ways, not changed; a death there is
    # a death.
    assert (
        status("The boy was in a critical condition in hospital.", "The boy was in intensive care.")
        == []
    )
    assert status("The boy died in intensive care.", "The boy died in hospital.") == []


@pytest.mark.parametrize(
    ("old", "new", "was", "now"),
    [
        (
            "A man is in a critical condition after being stabbed.",
            "A man has died after being stabbed.",
            "in a critical condition",
            "died",
        ),
        (
            "A man is in hospital after being stabbed.",
            "A man has died after being stabbed.",
            "is in hospital",
            "died",
        ),
        (
            "A man was arrested.",
            "A man was released after being questioned.",
            "arrested",
            "released",
        ),
    ],
)
def test_after_being_tells_the_cause_not_the_standing(
    old: str, new: str, was: str, now: str
) -> None:
    # "died after being stabbed": died, then; the stabbing came first.
    ((found_was, found_now, _),) = status(old, new)
    assert (found_was, found_now) == (was, now)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("The driver was injured.", "The other driver died."),
        ("A man was arrested.", "Another man was charged."),
        ("A man was arrested.", "A second man was charged."),
        ("The minister resigned.", "The deputy minister was sacked."),
        ("The minister resigned.", "The former minister was sacked."),
        ("The minister resigned.", "The Deputy Minister was sacked."),
        ("The Prime Minister resigned.", "The former Prime Minister was sacked."),
        ("The police officer was injured.", "The other police officer died."),
    ],
)
def test_a_word_that_tells_another_person_is_no_status_change(old: str, new: str) -> None:
    assert status(old, new) == []


def test_more_of_a_name_is_the_same_person() -> None:
    assert status("Smith was arrested.", "John Smith was charged.") == [
        ("arrested", "charged", "legal stage changed")
    ]
    assert status("Daniel Harker, 34, was arrested.", "Harker was charged.") == [
        ("arrested", "charged", "legal stage changed")
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # Let go either way: from custody or from hospital.
        ("The patient was discharged on Friday.", "The patient was released on Friday."),
        ("The prisoner was discharged on Friday.", "The prisoner was released on Friday."),
        # No person's: a jury, a film, data.
        (
            "The jury was discharged after failing to reach a verdict.",
            "The jury was dismissed after failing to reach a verdict.",
        ),
        ("The film was released in 2019.", "The film was shot in 2019."),
        ("The data was released last week.", "The data was suspended last week."),
        # A legal stage and a post may both hold.
        ("The officer was arrested on Friday.", "The officer was suspended on Friday."),
    ],
)
def test_a_status_of_another_group_that_may_also_hold_is_no_change(old: str, new: str) -> None:
    assert status(old, new) == []
    assert status(new, old) == []


def test_a_status_of_another_group_that_cannot_also_hold_is_a_change() -> None:
    assert status("The hostage was freed.", "The hostage was killed.") == [
        ("freed", "killed", "condition changed")
    ]
    assert status("The chairman resigned in May.", "The chairman died in May.") == [
        ("resigned", "died", "condition changed")
    ]
    assert status("Osei was released on Friday.", "Osei was shot dead on Friday.") == [
        ("released", "shot dead", "condition changed")
    ]


def test_accused_before_a_verb_s_words_accuses_no_one() -> None:
    # "accused" then a noun and a verb before "of" is the accused telling of something.
    assert (
        status(
            "The accused woman told jurors of abuse she suffered.",
            "The accused woman told jurors of threats she suffered.",
        )
        == []
    )
    # Whom, then the charge, is read: an article and a noun, a name, a pronoun.
    assert status(
        "Police accused the director of fraud.", "Police accused the director of theft."
    ) == [("accused the director of fraud", "accused the director of theft", "charge changed")]
    assert status(
        "Prosecutors accused Smith's company of fraud.",
        "Prosecutors accused Smith's company of theft.",
    ) == [
        ("accused Smith's company of fraud", "accused Smith's company of theft", "charge changed")
    ]


@pytest.mark.parametrize(
    ("new", "now"),
    [
        ("Police cleared the director of fraud.", "cleared the director of fraud"),
        (
            "Police arrested the director on suspicion of fraud.",
            "arrested the director on suspicion of fraud",
        ),
    ],
)
def test_a_stage_said_actively_of_whom_is_a_legal_stage(new: str, now: str) -> None:
    assert status("Police accused the director of fraud.", new) == [
        ("accused the director of fraud", now, "legal stage changed")
    ]
    # Told once: "Police accused" is the accusation, not a source that went.
    assert [k for k, *_ in kinds("Police accused the director of fraud.", new)] == ["status"]
    # Cleared of no offence is no acquittal.
    assert (
        status("Firefighters cleared the road of debris.", "Firefighters cleared the road of snow.")
        == []
    )


def test_a_post_move_is_quoted_to_the_place_it_names() -> None:
    assert status("Staff were moved to the Leeds office.", "Staff were sacked.") == [
        ("moved to the Leeds office", "sacked", "how they left changed")
    ]
    assert status("She was sacked.", "She was moved to the Home Office.") == [
        ("sacked", "moved to the Home Office", "how they left changed")
    ]


@pytest.mark.parametrize(
    ("old", "new", "was", "now"),
    [
        (
            "His condition is described as stable.",
            "His condition is described as critical.",
            "condition is described as stable",
            "condition is described as critical",
        ),
        (
            "He is in hospital, where his condition is stable.",
            "He is in hospital, where his condition is critical.",
            "condition is stable",
            "condition is critical",
        ),
        (
            "Moss's condition was serious on Friday.",
            "Moss died on Friday.",
            "condition was serious",
            "died",
        ),
    ],
)
def test_a_condition_told_after_the_word_condition(old: str, new: str, was: str, now: str) -> None:
    assert status(old, new) == [(was, now, "condition changed")]


def test_a_condition_told_after_the_word_or_before_it_is_one() -> None:
    assert status("His condition is stable.", "He is in a stable condition.") == []
    assert status("His condition is comfortable.", "His condition is stable.") == []


def test_who_said_it_before_the_person_is_the_same_person() -> None:
    assert status("Police said the driver was injured.", "The driver died.") == [
        ("injured", "died", "condition changed")
    ]
    assert status("Police said John Smith was arrested.", "Smith was charged.") == [
        ("arrested", "charged", "legal stage changed")
    ]
    assert status("Police said the driver was injured.", "The other driver died.") == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("He is in hospital, where his condition is stable.", "He has died."),
        ("His condition is stable.", "He has died."),
        ("Smith's condition is critical.", "Smith has died."),
    ],
)
def test_a_condition_is_its_owner_s(old: str, new: str) -> None:
    # "his condition", "Smith's condition": said of him, of Smith.
    ((_, now, what),) = status(old, new)
    assert (now, what) == ("died", "condition changed")


@pytest.mark.parametrize("whom", ["two men", "seven men", "12 men", "one man", "both men"])
def test_whom_may_open_with_any_figure(whom: str) -> None:
    # rt25: only "two" to "six" opened whom: "arrested seven men on suspicion of fraud" gave
    # an uncharged arrest beside the charged one.
    text = f"Police arrested {whom} on suspicion of fraud."
    assert [(s.stage, s.charge) for s in statuses(text)] == [("arrested", frozenset({"fraud"}))]
