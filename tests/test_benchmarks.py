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


#: The hand-written sets (benchmarks/data/alignment-hand*.md): pairs, and the F1 floors of
#: links, added, removed, reworded and moved. They have no target (see the README: each was
#: scored blind, then tuned on, but the fourth); the floors are the figures after the
#: twenty-fourth session's fixes less a margin, so that a change that loses what they won
#: shows here. The fourth set is held out: nothing was tuned on it, and its floor is its
#: last score less a margin.
HAND_SETS = {
    "alignment-hand.md": (23, (0.98, 0.94, 0.91, 0.97, 0.92)),
    "alignment-hand-2.md": (18, (0.99, 0.97, 0.99, 0.985, 0.99)),
    "alignment-hand-3.md": (20, (0.975, 0.94, 0.94, 0.96, 0.9)),
    "alignment-hand-4.md": (20, (0.985, 0.985, 0.95, 0.98, 0.99)),
    # Blind when first scored (session 25): 0.982 / 0.963 / 0.923 / 0.973 / 0.930; then
    # tuned on (SHARED_ALONE_*): 0.986 / 0.975 / 0.939 / 0.978 / 0.930; a line at the same
    # end of its place (session 28): 0.987 / 0.981 / 0.947 / 0.981 / 0.977.
    "alignment-hand-5.md": (20, (0.985, 0.975, 0.94, 0.975, 0.97)),
    # Blind when first scored (session 26): 0.975 / 0.947 / 0.930 / 0.967 / 0.897; then
    # tuned on (SHARED_GROWN_MIN_COMMON): 0.977 / 0.952 / 0.936 / 0.970 / 0.911.
    "alignment-hand-6.md": (20, (0.97, 0.945, 0.93, 0.965, 0.9)),
    # Blind when first scored (session 27), and held out since, as set 4 (its misses are
    # never listed): 0.994 / 0.989 / 0.984 / 0.991 / 0.970.
    "alignment-hand-7.md": (20, (0.99, 0.985, 0.98, 0.985, 0.965)),
    # Blind when first scored (session 28, at its start and mid-session alike), and held out
    # as sets 4 and 7: 0.982 / 0.987 / 0.917 / 0.976 / 0.954.
    "alignment-hand-8.md": (20, (0.98, 0.985, 0.915, 0.975, 0.95)),
}


@pytest.mark.parametrize("name", sorted(HAND_SETS))
def test_hand_labelled_sets_keep_their_scores_and_beat_difflib(name: str) -> None:
    pairs, floors = HAND_SETS[name]
    data = str(BENCHMARKS / "data" / name)
    out = run("alignment_hand.py", "--data", data)
    assert out.startswith(f"{pairs} hand-labelled pairs")
    rows = {
        line.split()[0]: [float(x) for x in line.split()[1:7]] for line in out.splitlines()[3:8]
    }
    assert list(rows) == ["links", "added", "removed", "reworded", "moved"]
    for (kind, row), floor in zip(rows.items(), floors, strict=True):
        assert row[2] >= floor, (kind, row)
        assert row[2] > row[5], (kind, row)  # beats difflib
    assert f"{pairs} pairs" in run("alignment_hand.py", "--data", data, "--lint").splitlines()[-1]


def test_facets_meet_every_target() -> None:
    out = run("facets.py", "--check")
    assert "held-out  storydiff" in out


def test_coverage_groups_claims_and_sets_decoys_aside() -> None:
    # A small speed run: the targets checked are the labelled stories' F1 and the decoys.
    out = run("coverage.py", "--outlets", "3", "--paragraphs", "10", "--runs", "1")
    assert "targets (F1 >= 0.9, decoys set aside, < 1 s): met" in out
