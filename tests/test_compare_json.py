"""The JSON comparison output and its schema, storydiff.compare/1."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from comparison_samples import ferry, long_story, unchanged
from hypothesis import given, settings
from hypothesis import strategies as st

from compare import compare, load
from compare.model import Block, CompareOptions
from compare.render import json as render_json
from compare.schema import load_schema

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = load_schema("compare")
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def rebuilt(ops: list[dict[str, str]], side: str) -> str:
    return "".join(op[side] for op in ops)


def test_hand_built_comparisons_validate(validator: jsonschema.Draft202012Validator) -> None:
    for comparison in (ferry(), long_story(), unchanged()):
        validator.validate(json.loads(render_json.comparison(comparison, "2026-05-24T10:00:00Z")))


def test_a_documents_warning_is_in_its_json_and_leads_the_summarys(
    validator: jsonschema.Draft202012Validator,
) -> None:
    sample = ferry()
    old = replace(sample.old, warnings=("the text comes from structured data",))
    data = json.loads(render_json.comparison(compare(old, sample.new), "2026-05-24T10:00:00Z"))
    validator.validate(data)
    assert data["documents"]["old"]["warnings"] == ["the text comes from structured data"]
    assert "warnings" not in data["documents"]["new"]
    assert data["summary"]["warnings"][0] == "OLD: the text comes from structured data"


def test_top_level_shape_and_values() -> None:
    data = json.loads(render_json.comparison(ferry(), "2026-05-24T10:00:00Z"))
    assert data["schema"] == "storydiff.compare/1"
    assert data["generated_at"] == "2026-05-24T10:00:00Z"
    assert data["documents"]["old"]["source"]["spec"] == "v1.txt"
    assert data["documents"]["new"]["paragraphs"][4]["text"].startswith("Survivors")
    assert [b["op"] for b in data["alignment"]] == [
        "equal",
        "reworded",
        "equal",
        "removed",
        "equal",
        "added",
        "equal",
    ]
    assert data["alignment"][2] == {
        "op": "equal",
        "a": [4],
        "b": [2],
        "similarity": 1.0,
        "moved": True,
        "cosmetic": False,
    }
    assert data["sentences"][4]["a"] == [[2, 0]] and data["sentences"][4]["b"] == []
    assert data["changes"] == [
        {
            "kind": "number",
            "action": "changed",
            "old": "Twelve",
            "new": "Fourteen",
            "severity": 1,
            "sentence": 1,
            "detail": 'death toll: "Twelve" → "Fourteen"',
        }
    ]
    assert data["summary"]["changed"] is True
    assert data["summary"]["paragraphs"]["moved"] == 1
    assert data["options"]["threshold"] == 0.5


def test_word_ops_rebuild_both_sentences() -> None:
    comparison = ferry()
    data = json.loads(render_json.comparison(comparison))
    reworded = data["sentences"][1]
    assert rebuilt(reworded["words"], "old") == comparison.old.paragraphs[1].sentences[0]
    assert rebuilt(reworded["words"], "new") == comparison.new.paragraphs[1].sentences[0]
    assert rebuilt(data["title"], "old") == comparison.old.title
    assert rebuilt(data["title"], "new") == comparison.new.title


def test_generated_at_is_left_out_when_not_given() -> None:
    data = json.loads(render_json.comparison(ferry()))
    assert "generated_at" not in data


def test_missing_counts_are_zero_and_extra_counts_kept() -> None:
    from dataclasses import replace

    comparison = unchanged()
    odd = replace(
        comparison,
        summary=replace(comparison.summary, paragraphs={"equal": 1, "split": 2}),
    )
    counts = render_json.comparison_dict(odd)["summary"]["paragraphs"]
    assert counts == {"equal": 1, "reworded": 0, "added": 0, "removed": 0, "moved": 0, "split": 2}


def test_schema_rejects_what_it_should(validator: jsonschema.Draft202012Validator) -> None:
    good = render_json.comparison_dict(ferry(), "2026-05-24T10:00:00Z")
    broken: list[dict[str, Any]] = []
    for mutate in (
        lambda d: d["alignment"][0].update(op="shuffled"),
        lambda d: d["sentences"][0].update(a=[[0]]),
        lambda d: d["changes"][0].update(severity=7),
        lambda d: d.update(generated_at="yesterday"),
        lambda d: d["summary"].pop("changed"),
        lambda d: d.update(extra=True),
    ):
        data = json.loads(json.dumps(good))
        mutate(data)
        broken.append(data)
    for data in broken:
        assert not validator.is_valid(data)


def test_same_comparison_gives_identical_bytes() -> None:
    assert render_json.comparison(ferry(), "2026-05-24T10:00:00Z") == render_json.comparison(
        ferry(), "2026-05-24T10:00:00Z"
    )


def write(path: Path, paragraphs: list[str]) -> str:
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return str(path)


BODY = [
    "The Larchfield library will reopen on Monday after a two-week closure caused by a burst "
    "pipe in the children's reading room, the city said on Friday afternoon.",
    "Repairs cost 48,000 dollars, according to the parks and libraries department, which said "
    "the insurance claim was still being reviewed by the city's lawyers.",
    "The reading room will stay shut until the end of the month while new carpet is laid and "
    "the shelving is checked for damp by an outside contractor.",
    "Library cards that expired during the closure will be renewed automatically, and late "
    "fees for the two weeks have been waived for every borrower in the city.",
]


def test_real_comparison_validates_and_indexes_point_at_text(
    tmp_path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    new_body = list(BODY)
    new_body[1] = new_body[1].replace("48,000", "52,000")
    del new_body[2]
    new_body.append(
        "A temporary desk in the town hall lobby will lend books until the library reopens, "
        "the department said."
    )
    old = load(write(tmp_path / "old.txt", BODY))
    new = load(write(tmp_path / "new.txt", new_body))
    data = json.loads(render_json.comparison(compare(old, new), "2026-05-24T10:00:00Z"))
    validator.validate(data)
    # The documents inside are exactly what `extract --format json` gives (its own schema).
    document_schema = jsonschema.Draft202012Validator(load_schema("document"))
    for side in ("old", "new"):
        document_schema.validate(data["documents"][side])
    ops = {b["op"] for b in data["alignment"]}
    assert {"reworded", "removed", "added"} <= ops
    for block in data["sentences"]:
        for p, s in block["a"]:
            assert data["documents"]["old"]["paragraphs"][p]["sentences"][s]
        for p, s in block["b"]:
            assert data["documents"]["new"]["paragraphs"][p]["sentences"][s]
        if block["op"] == "reworded" and block["words"]:
            (p, s), (q, t) = block["a"][0], block["b"][0]
            assert rebuilt(block["words"], "old") == old.paragraphs[p].sentences[s]
            assert rebuilt(block["words"], "new") == new.paragraphs[q].sentences[t]


def test_fixture_versions_validate(validator: jsonschema.Draft202012Validator) -> None:
    story = FIXTURES / "updated-council-vote"
    old = load(str(story / "v1.html"))
    new = load(str(story / "v4.html"))
    options = CompareOptions(detect_moves=False)
    data = json.loads(render_json.comparison(compare(old, new, options)))
    validator.validate(data)
    assert data["options"]["detect_moves"] is False
    assert data["summary"]["changed"] is True
    assert data["documents"]["new"]["site_name"] == "The Larchfield Sentinel"


def test_output_is_what_the_standard_library_would_write() -> None:
    """orjson writes the JSON for speed; the text must match json.dumps's compact UTF-8 form,
    so tools that diff or hash our output see no change. Hostile text included: quotes,
    backslashes, control characters, line separators, emoji and right-to-left marks."""
    story = FIXTURES / "hostile"
    for old_name, new_name in (("v1.html", "v2.html"), ("rtl-v1.html", "rtl-v2.html")):
        result = compare(load(str(story / old_name)), load(str(story / new_name)))
        data = render_json.comparison_dict(result, "2026-11-26T00:00:00Z")
        data["extra"] = [
            'a "quoted" \\ path\t\x00\x1f\x7f\u2028\u2029 \U0001f4f0 \u200f',
            0.1,
            0.9032,
        ]
        expected = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        assert render_json.dumps(data) == expected


def test_records_written_directly_read_as_the_plain_data() -> None:
    """comparison() lets orjson write paragraphs, blocks and changes as records; the text
    must be exactly the JSON of comparison_dict(), also when similarities are not rounded
    (then the blocks go through dicts)."""
    import dataclasses

    story = FIXTURES / "updated-council-vote"
    real = compare(load(str(story / "v1.html")), load(str(story / "v4.html")))
    assert real.changes and any(b.words for b in real.sentences)
    unrounded = dataclasses.replace(
        real,
        blocks=tuple(dataclasses.replace(b, similarity=b.similarity / 3) for b in real.blocks),
        sentences=tuple(dataclasses.replace(b, similarity=1) for b in real.sentences),
    )
    for c in (real, unrounded, ferry(), long_story(), unchanged()):
        text = render_json.comparison(c, "2026-11-26T00:00:00Z")
        assert text == render_json.dumps(render_json.comparison_dict(c, "2026-11-26T00:00:00Z"))
    assert '"similarity":1,' not in render_json.comparison(unrounded)


def test_title_changes_are_changes_without_a_sentence(
    validator: jsonschema.Draft202012Validator,
) -> None:
    import dataclasses

    from compare.model import Change

    change = Change("number", "changed", "twelve dead", "fourteen dead", 1, -1, "twelve -> 14")
    c = dataclasses.replace(ferry(), title_changes=(change,))
    data = json.loads(render_json.comparison(c))
    validator.validate(data)
    assert data["title_changes"] == [
        {
            "kind": "number",
            "action": "changed",
            "old": "twelve dead",
            "new": "fourteen dead",
            "severity": 1,
            "detail": "twelve -> 14",
        }
    ]
    # The same keys, in the same order, as a change in the body but for "sentence".
    body = render_json.comparison_dict(dataclasses.replace(c, changes=(change,)))["changes"][0]
    assert list(body) == ["kind", "action", "old", "new", "severity", "sentence", "detail"]
    assert {k: v for k, v in body.items() if k != "sentence"} == data["title_changes"][0]
    data["title_changes"][0]["sentence"] = -1
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)


_SIMILARITIES = st.lists(
    st.one_of(
        st.sampled_from([1.0, 0.0, -0.0, 0.9412, 0.94125, 1, 0, True, float("nan")]),
        st.floats(),
        st.floats(0, 1).map(lambda value: round(value, 4)),
    ),
    max_size=8,
)


@settings(max_examples=2000, deadline=None)
@given(_SIMILARITIES)
def test_records_are_written_as_is_exactly_when_every_similarity_is_a_rounded_float(
    similarities: list[float],
) -> None:
    """_written_as_is checks each distinct similarity once; it agrees with checking each."""
    blocks = [Block("equal", (), (), similarity) for similarity in similarities]
    assert render_json._written_as_is(blocks) == all(
        type(s) is float and s == round(s, 4) for s in similarities
    )
