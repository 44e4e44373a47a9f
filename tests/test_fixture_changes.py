"""Planted meaning changes in the fixture stories are reported, with the right values, and
nothing is invented.

Each fixtures/<story>/expected.json lists, per pair of versions, the meaning changes planted
in it (``changes``: kind, action, old, new). Every planted number, quote, attribution, hedge,
negation, roles and status change must be in ``Comparison.changes`` with the same kind and
action and matching values; planted name changes must be reported as name changes of some action, or
as the changed source of an attribution that holds them.
No number, quote or negation change may be reported that was not planted, except numbers
and negations that arrive or leave with a wholly added or removed sentence (the stories
list those as added or removed text, not as changes; see fixtures/README.md).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from compare import compare, load
from compare.facets import same_number, sentence_facets
from compare.model import Change, Comparison, Document
from compare.text import normalize

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
STRICT = ("number", "quote", "attribution", "hedge", "negation", "roles", "status", "framing")


def cases() -> list[tuple[str, dict[str, object]]]:
    found = []
    for expected in sorted(FIXTURES.glob("*/expected.json")):
        for case in json.loads(expected.read_text(encoding="utf-8")).get("comparisons", []):
            if "changes" in case:
                found.append((expected.parent.name, case))
    return found


@cache
def document(story: str, page: str) -> Document:
    return load(str(FIXTURES / story / page))


@cache
def comparison(story: str, old: str, new: str) -> Comparison:
    return compare(document(story, old), document(story, new))


def words(value: str) -> set[str]:
    return set(re.findall(r"[\w'$£€%.]+", normalize(value).casefold().replace("...", " ")))


def same_value(kind: str, planted: str | None, reported: str | None) -> bool:
    """Planted and reported values agree: both absent, the same number, or one's words
    within the other's ("said" in "Mr Okafor said")."""
    if planted is None or reported is None:
        return planted is None and reported is None
    if kind == "number":
        a, b = sentence_facets(planted).numbers, sentence_facets(reported).numbers
        if a and b:
            return same_number(a[0], b[0])
    pw, rw = words(planted), words(reported)
    return bool(pw and rw) and (pw <= rw or rw <= pw)


def matches(planted: dict[str, str | None], change: Change) -> bool:
    return (
        change.kind == planted["kind"]
        and change.action == planted["action"]
        and same_value(change.kind, planted.get("old"), change.old)
        and same_value(change.kind, planted.get("new"), change.new)
    )


CASES = cases()
IDS = [f"{story}:{case['old']}->{case['new']}" for story, case in CASES]


def test_the_fixtures_plant_every_strict_kind() -> None:
    planted = {c["kind"] for _, case in CASES for c in case["changes"]}  # type: ignore[attr-defined]
    assert set(STRICT) <= planted


@pytest.mark.parametrize(("story", "case"), CASES, ids=IDS)
def test_planted_changes_are_reported(story: str, case: dict[str, object]) -> None:
    c = comparison(story, str(case["old"]), str(case["new"]))
    for planted in case["changes"]:  # type: ignore[attr-defined]
        if planted["kind"] in STRICT:
            got = [(x.kind, x.action, x.old, x.new) for x in c.changes]
            assert any(matches(planted, ch) for ch in c.changes), f"not reported: {planted}; {got}"
        else:  # names: a name change, or the change of the source the name is in (one
            # edit is told once, under the attribution that shows the source:
            # compare.facets.comparing._once)
            assert any(
                ch.kind in ("name", "attribution")
                and same_value("name", planted.get("old"), ch.old or planted.get("old"))
                and same_value("name", planted.get("new"), ch.new or planted.get("new"))
                for ch in c.changes
            ), f"name change not reported: {planted}"


@pytest.mark.parametrize(("story", "case"), CASES, ids=IDS)
def test_no_unplanted_number_quote_or_negation_change(story: str, case: dict[str, object]) -> None:
    c = comparison(story, str(case["old"]), str(case["new"]))
    planted = case["changes"]
    for change in c.changes:
        if change.kind not in ("number", "quote", "negation"):
            continue
        whole_sentence = c.sentences[change.sentence].op in ("added", "removed")
        if whole_sentence and change.kind != "quote":
            continue
        assert any(matches(p, change) for p in planted), (  # type: ignore[attr-defined]
            f"reported but not planted: {(change.kind, change.action, change.old, change.new)}"
        )


@pytest.mark.parametrize(("story", "case"), CASES, ids=IDS)
def test_each_change_points_at_a_sentence_that_holds_it(
    story: str, case: dict[str, object]
) -> None:
    c = comparison(story, str(case["old"]), str(case["new"]))
    for change in c.changes:
        block = c.sentences[change.sentence]
        side, value = (c.old, change.old) if change.old is not None else (c.new, change.new)
        indices = block.a if change.old is not None else block.b
        text = normalize(" ".join(side.paragraphs[p].sentences[s] for p, s in indices)).casefold()
        assert value is not None
        first_word = re.findall(r"[\w']+", normalize(value).casefold())[0]
        assert first_word in text, (change, text)
    severities = [ch.severity for ch in c.changes]
    assert severities == sorted(severities)


# -- the changes in every output ---------------------------------------------------------------

COUNCIL = FIXTURES / "updated-council-vote"


def run_compare(*args: str) -> str:
    from typer.testing import CliRunner

    from compare.cli import app

    result = CliRunner().invoke(
        app, ["compare", str(COUNCIL / "v1.html"), str(COUNCIL / "v4.html"), *args]
    )
    assert result.exit_code == 1, result.output  # differences found
    return result.stdout


def test_changes_in_json_follow_the_schema() -> None:
    import jsonschema

    data = json.loads(run_compare("--format", "json"))
    schema = json.loads((FIXTURES.parent / "compare/schema/compare.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    got = {(c["kind"], c["action"], c["old"], c["new"]) for c in data["changes"]}
    assert ("number", "changed", "12 people", "14 people") in got
    assert ("negation", "changed", "did review", "did not review") in got
    assert ("hedge", "added", None, "allegedly") in got
    for change in data["changes"]:
        assert 0 <= change["sentence"] < len(data["sentences"])


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_key_changes_head_the_terminal_and_markdown_views(fmt: str) -> None:
    out = run_compare("--format", fmt, "--no-color") if fmt == "text" else run_compare("-f", fmt)
    assert "Key changes" in out
    keys = out[out.index("Key changes") :]
    for value in ('"12 people" → "14 people"', '"did not review"', "allegedly", "claimed"):
        assert value in keys, value
    # Listed before the text itself, most severe (numbers, quotes, negations) first.
    assert keys.index("12 people") < keys.index("allegedly")


def test_key_changes_in_the_html_report_link_to_their_rows(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    run_compare("-o", str(report))
    html = report.read_text("utf-8")
    keys = html[html.index("Key changes") :]
    links = re.findall(r'<span class="kind">([^<]+)</span>\s*<a href="#(b[\w-]+)"', keys)
    kinds = [kind for kind, _ in links]
    assert {"Number changed", "Quote removed", "Negation changed", "Hedge added"} <= set(kinds)
    for _, anchor in links:
        assert f'id="{anchor}"' in html
    # Each affected row carries a badge naming what changed in meaning there.
    for kind, anchor in links:
        start = html.index(f'id="{anchor}"')
        row = html[start : html.find('class="row', start)]
        assert "meaning: " in row and kind.split()[0].lower() in row, anchor
