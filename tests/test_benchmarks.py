"""The quality benchmarks meet their issues' targets on the project's labelled data.

Each runs as a user would run it, with its own ``--check`` (or exit status), so a change
that costs quality fails here and not months later in a closing note: calling a split that
changed no word "equal" once took alignment's reworded F1 from 0.999 to 0.69 unseen.
Speed is measured in the benchmarks; the coverage check's "under 1 s" is met here many
times over (a 3 x 10 run takes ~15 ms).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def run(script: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.mark.parametrize("seed", ["7", "1"])
def test_alignment_meets_every_target(seed: str) -> None:
    out = run("alignment.py", "--seed", seed, "--check")
    rows = [line.split() for line in out.splitlines() if line.endswith(" ok")]
    assert [row[0] for row in rows] == ["links", "added", "removed", "reworded", "moved"]


def test_hand_labelled_alignment_pairs_score_and_lint_clean_of_format_errors() -> None:
    # The hand-written pairs have no target (they were scored blind, see the README); the
    # floor below is the figure after the twenty-third session's fixes, so a change that
    # loses what they won shows here.
    out = run("alignment_hand.py")
    rows = {
        line.split()[0]: [float(x) for x in line.split()[1:7]] for line in out.splitlines()[3:8]
    }
    assert list(rows) == ["links", "added", "removed", "reworded", "moved"]
    floors = {"links": 0.975, "added": 0.93, "removed": 0.885, "reworded": 0.965, "moved": 0.92}
    for kind, floor in floors.items():
        assert rows[kind][2] >= floor, (kind, rows[kind])
    assert "23 pairs" in run("alignment_hand.py", "--lint").splitlines()[-1]


def test_second_hand_labelled_set_keeps_its_scores() -> None:
    # alignment-hand-2.md is an independent set, labelled and committed before storydiff
    # ran on it (blind F1 links 0.953, added 0.874, removed 0.844, reworded 0.938, moved
    # 0.833); align23c then fixed four of its misses (0.974 / 0.922 / 0.900 / 0.965 /
    # 0.957). The floors are those less a margin, so a change that loses them shows here:
    # floors, not targets.
    data = str(BENCHMARKS / "data" / "alignment-hand-2.md")
    out = run("alignment_hand.py", "--data", data)
    assert out.startswith("18 hand-labelled pairs")
    rows = {
        line.split()[0]: [float(x) for x in line.split()[1:7]] for line in out.splitlines()[3:8]
    }
    assert list(rows) == ["links", "added", "removed", "reworded", "moved"]
    floors = {"links": 0.97, "added": 0.91, "removed": 0.89, "reworded": 0.955, "moved": 0.94}
    for kind, floor in floors.items():
        assert rows[kind][2] >= floor, (kind, rows[kind])
        assert rows[kind][2] > rows[kind][5], (kind, rows[kind])  # beats difflib
    assert "18 pairs" in run("alignment_hand.py", "--data", data, "--lint").splitlines()[-1]


def test_facets_meet_every_target() -> None:
    out = run("facets.py", "--check")
    assert "held-out  storydiff" in out


def test_coverage_groups_claims_and_sets_decoys_aside() -> None:
    # A small speed run: the targets checked are the labelled stories' F1 and the decoys.
    out = run("coverage.py", "--outlets", "3", "--paragraphs", "10", "--runs", "1")
    assert "targets (F1 >= 0.9, decoys set aside, < 1 s): met" in out
