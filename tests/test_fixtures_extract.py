"""Every page of every fixture story goes through ``storydiff extract --format json`` and is
checked against its fixtures/<story>/expected.json: exit code, metadata, the snippets that
must be in the body and those that must not, and the summary where one is given."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from compare.cli import app
from compare.schema import load_schema

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def fixture_pages() -> list[tuple[str, str, dict[str, Any]]]:
    pages = []
    for expected in sorted(FIXTURES.glob("*/expected.json")):
        story = json.loads(expected.read_text(encoding="utf-8"))
        for name, page in sorted(story.get("pages", {}).items()):
            pages.append((expected.parent.name, name, page))
    return pages


PAGES = fixture_pages()


def squash(text: str) -> str:
    return " ".join(text.split())


def test_fixtures_are_found() -> None:
    assert len(PAGES) >= 10
    for story, name, _ in PAGES:
        assert (FIXTURES / story / name).is_file(), f"{story}/{name} is listed but missing"


@pytest.mark.parametrize(
    ("story", "name", "expected"), PAGES, ids=[f"{s}/{n}" for s, n, _ in PAGES]
)
def test_fixture_page(story: str, name: str, expected: dict[str, Any]) -> None:
    result = CliRunner().invoke(app, ["extract", "--format", "json", str(FIXTURES / story / name)])
    assert result.exit_code == expected.get("exit_code", 0), result.stderr
    if result.exit_code:
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1
        return
    (document,) = json.loads(result.stdout)
    jsonschema.Draft202012Validator(load_schema("document")).validate(document)

    meta = expected.get("metadata", {})
    for key in ("title", "site_name", "language"):
        if key in meta:
            assert document[key] == meta[key], key
    if "authors" in meta:
        assert document["authors"] == meta["authors"]
    if "published" in meta:
        assert (document["published"] or "")[:10] == meta["published"][:10]

    # One paragraph per line, so that no snippet matches across a paragraph break.
    body = "\n".join([document["summary"] or ""] + [p["text"] for p in document["paragraphs"]])
    everything = "\n".join([document["title"] or "", body])
    missing = [s for s in expected.get("must_include", []) if squash(s) not in body]
    assert not missing, f"article text lost: {missing}"
    leaked = [s for s in expected.get("must_exclude", []) if squash(s) in everything]
    assert not leaked, f"page chrome kept: {leaked}"
    if "summary" in expected:
        assert document["summary"] == squash(expected["summary"])
        first = document["paragraphs"][0]["text"]
        assert first != document["summary"]
