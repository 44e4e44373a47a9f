"""The name pattern, rewritten to open with the capital it matches (the search skips to one
in C), finds the very spans the pattern that opened with a lookahead did (kept here as the
reference)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from compare.facets.names import _NAME, _NAME_WORD

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "data"
REFERENCE = re.compile(
    rf"(?=[A-Z])(?<![\w'])(?:{_NAME_WORD})"
    rf"(?:\s+(?:(?:of|de|la|le|van|von|der|den|del|da|di|du|al|bin|ibn)"
    rf"(?:\s+the)?\s+)?(?:{_NAME_WORD}))*"
)
TRICKY = [
    "McDonald and O'Neill met U.S. officials at the U.N. on Monday.",
    "Mcx, Mac and MacLeod; O'Brien's dog; 'Tis the season.",
    "A.B.C. news, X. and l'Hôpital Xavier near x'Y z -Abe (Jean-Luc Picard).",
    "Ludwig van Beethoven and Osama bin Laden; Catherine de la Rue of the Louvre.",
    "ÉCOLE Émile Zola, ΑΘΗΝΑ, Ärzte ohne Grenzen",
    "",
]


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def test_the_name_pattern_finds_what_the_reference_finds() -> None:
    texts = list(TRICKY)
    for name in ("facets.jsonl", "facets-edits.jsonl", "facets-agents.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            pair = json.loads(line)
            texts += [t for t in (pair["old"], pair["new"]) if t]
    texts += (DATA / "articles.md").read_text(encoding="utf-8").splitlines()
    assert len(texts) > 2000
    for text in texts:
        assert spans(_NAME(), text) == spans(REFERENCE, text), text
