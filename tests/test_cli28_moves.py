"""`--no-moves` on a reordered story: no block is marked moved, but the story is not
"unchanged": the paragraphs out of OLD's order count in ``summary.changed`` (exit 1), and a
warning says what --no-moves leaves unshown."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from compare.cli import app
from compare.schema import load_schema

PARAGRAPHS = [
    "A flood barrier failed at Marrow Creek on Sunday night, the county engineer said.",
    "Water reached the ground floors of about thirty houses on the lower road by midnight.",
    "The barrier was installed eleven years ago and inspected last spring, records show.",
    "Residents were moved to the village hall, where volunteers served soup until dawn.",
    "The engineer said a pump had stopped working before the water rose past the gate.",
    "An inquiry will report to the county council before the end of next month.",
]


def write(path: Path, paragraphs: list[str]) -> str:
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return str(path)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner(env={"NO_COLOR": "1", "COLUMNS": None}).invoke(app, ["compare", *args])
    return result.exit_code, result.stdout


def reordered(tmp_path: Path) -> tuple[str, str]:
    moved = [PARAGRAPHS[0], PARAGRAPHS[4], *PARAGRAPHS[1:4], PARAGRAPHS[5]]
    return write(tmp_path / "a.txt", PARAGRAPHS), write(tmp_path / "a_mv.txt", moved)


def test_a_reordered_story_differs_with_no_moves(tmp_path: Path) -> None:
    old, new = reordered(tmp_path)
    code, text = run(old, new, "--no-moves")
    assert code == 1
    assert "No differences beyond cosmetic ones" not in text
    assert "another order" in text and "--no-moves" in text
    code, out = run(old, new, "--no-moves", "-f", "json")
    assert code == 1
    data = json.loads(out)
    jsonschema.validate(data, load_schema("compare"))
    assert data["summary"]["changed"] is True
    assert data["summary"]["out_of_order"] == 1
    # No move is marked: that is what --no-moves leaves out.
    assert data["summary"]["paragraphs"]["moved"] == 0
    assert not any(block.get("moved") for block in data["alignment"])
    code, md = run(old, new, "--no-moves", "-f", "md")
    assert code == 1 and "another order" in md


def test_with_moves_the_move_is_shown_and_no_count_is_added(tmp_path: Path) -> None:
    old, new = reordered(tmp_path)
    code, out = run(old, new, "-f", "json")
    data = json.loads(out)
    assert code == 1 and data["summary"]["paragraphs"]["moved"] == 1
    assert "out_of_order" not in data["summary"]
    assert not any("another order" in w for w in data["summary"]["warnings"])


def test_same_order_with_no_moves_is_still_no_difference(tmp_path: Path) -> None:
    old = write(tmp_path / "a.txt", PARAGRAPHS)
    new = write(tmp_path / "b.txt", [p.replace("  ", " ") for p in PARAGRAPHS])
    code, text = run(old, new, "--no-moves")
    assert code == 0
    assert "No differences beyond cosmetic ones" in text
    # An edit in place is a difference as before.
    edited = write(tmp_path / "c.txt", [*PARAGRAPHS[:5], PARAGRAPHS[5].replace("next", "this")])
    code, out = run(old, edited, "--no-moves", "-f", "json")
    assert code == 1 and "out_of_order" not in json.loads(out)["summary"]
