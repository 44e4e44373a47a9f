"""review20: read-through of the session's speed changes since 54d52da (early facets worker,
subcommands built on demand, model._Record, lazy extract names and source patterns, the
number patterns' pre-tests and plain form).

No difference was found between main and 54d52da in what those changes compute. The review
found an older bug, fixed beside these tests: a range whose two amounts carry a scale or a
percent word and are joined by a bare hyphen ("5m-6m") lost its second figure, so a change
to that figure was never reported. The last test guards the early worker's hand-over.
"""

from __future__ import annotations

import marshal
from dataclasses import replace
from pathlib import Path

import pytest

from compare import load
from compare.facets import compare_sentences
from compare.facets.figures import _numbers
from compare.facets_worker import _document, _plain_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("About 5m-6m people fled the city.", "About 5m-9m people fled the city."),
        (
            "About 5 million-6 million people fled the city.",
            "About 5 million-9 million people fled the city.",
        ),
        (
            "Growth of 2 percent-3 percent is expected.",
            "Growth of 2 percent-5 percent is expected.",
        ),
        (
            "Growth of 2 per cent-3 per cent is expected.",
            "Growth of 2 per cent-5 per cent is expected.",
        ),
        ("The plan costs 5bn-6bn euros.", "The plan costs 5bn-9bn euros."),
        ("Rates rose 5 bps-6 bps.", "Rates rose 5 bps-9 bps."),
        ("Es waren 5 mln-6 mln Euro.", "Es waren 5 mln-9 mln Euro."),
    ],
)
def test_a_changed_upper_figure_of_a_hyphen_joined_scaled_range_is_reported(
    old: str, new: str
) -> None:
    """A range written with a scale or a percent word on both amounts and a bare hyphen
    between them ("5m-6m", "5 million-6 million", "2 percent-3 percent", "5 mln-6 mln") is
    read whole: its second amount is no name's figure ("COVID-19"), though a letter stands
    before the hyphen. A change to it is a number change, as in "5-6 million"."""
    assert compare_sentences(old, new), [n.text for n in _numbers(old)]


@pytest.mark.parametrize(
    "sentence",
    ["About 5m-6m people fled the city.", "About 5 million-6 million people fled the city."],
)
def test_a_hyphen_joined_scaled_range_is_read_as_one_range(sentence: str) -> None:
    """The whole range is one figure ("5m-6m": 5 to 6 million), as "5-6 million" and "5
    million to 6 million" are, not "5m" alone (a count)."""
    found = [(n.text, n.kind) for n in _numbers(sentence)]
    assert any(kind == "range" for _, kind in found), found


def _fixture_documents() -> list[Path]:
    # The section front is an index page: it has no article to hand over.
    return sorted(p for p in FIXTURES.glob("*/*.html") if p.parent.name != "section-front")


@pytest.mark.parametrize("page", _fixture_documents(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_document_handed_to_the_early_worker_comes_back_equal(page: Path) -> None:
    """Guard (passes): the documents the early worker gets through shared memory
    (``_plain_document`` -> marshal -> ``_document``) equal the originals, every field
    (dates, authors, language, summary, warnings, provenance...) with the same types; their
    paragraphs, handed over as their sentences, give the same texts and sentences
    (tests/test_facets_worker_handover.py)."""
    document = load(str(page))
    back = _document(marshal.loads(marshal.dumps(_plain_document(document))))
    assert [(p.text, p.sentences) for p in back.paragraphs] == [
        (p.text, p.sentences) for p in document.paragraphs
    ]
    assert replace(back, paragraphs=document.paragraphs) == document
    assert back.provenance == document.provenance
    for name in document.__dataclass_fields__:
        if name != "paragraphs":
            assert type(getattr(back, name)) is type(getattr(document, name)), name
