"""review12's findings on bylines over a stamp and on kept sentences (its facets findings are
in test_review12_facets.py): each failed before its fix."""

from __future__ import annotations

import pytest
from test_extract import snapshot as _snapshot
from test_review9_extract import BODY

from compare.extract import extract
from compare.model import MediaKind


@pytest.mark.parametrize(
    "line",
    [
        # A timeline's heading, a section's heading, a Spanish time of year: no bylines.
        "By Christmas Eve, 24 December 2026",
        "By The Numbers | 12 November 2026",
        "Por Semana Santa · 2 abr. 2026",
        "Por Decreto Ley | Madrid · 23 nov. 2026",
    ],
)
@pytest.mark.parametrize("kind", ["markdown", "text"])
def test_a_heading_opening_with_by_and_a_date_is_no_byline(line: str, kind: MediaKind) -> None:
    source = "\n\n".join(["# Library hours cut", line, *BODY])
    doc = extract(_snapshot(source, kind))
    assert doc.authors == ()
    assert doc.published is None
    assert doc.paragraphs[0].text == line


def test_a_long_kept_sentence_without_a_name_still_keeps_its_paragraph() -> None:
    # A paragraph that kept its first sentence (29 words, over a third of each version) and
    # rewrote the rest pairs as reworded (it did before fix10a, similarity 0.45): the sentence
    # is no stock line, though it names no one and holds no number.
    from test_align import L
    from test_align import doc as align_doc

    from compare import compare

    kept = (
        "Residents have complained about noise and dust from the quarry for years, and many "
        "say they were never asked about the plans to extend it onto the hillside."
    )
    old_p = kept + (
        " The operator has apologised, blaming a fault in its crushing machinery, and promised"
        " that quieter equipment would be fitted within weeks. It also offered to pay for"
        " double glazing in the nearest houses and to stop blasting at weekends, when most"
        " people are at home with their children."
    )
    new_p = kept + (
        " A spokesman for the operator declined to comment on the complaints when contacted,"
        " saying only that it met every condition of its permit. Inspectors are due to visit"
        " the site again before the end of the month, and a decision on the extension has"
        " been put off until they report back."
    )
    old, new = align_doc(*L[:3], old_p, *L[3:]), align_doc(*L[:3], new_p, *L[3:])
    for c in (compare(old, new), compare(new, old)):
        assert [b.op for b in c.blocks if b.op != "equal"] == ["reworded"]


def test_a_long_line_opening_with_by_is_read_in_linear_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # One "word" of 8,000 characters ("Ana,Ana,...", 12 words at most: asked whether it is a
    # byline): _byline_over_stamp hands stamp_only the rest of the line after every comma,
    # and stamp_only scans it for a digit before its length check, n * n / 8 characters (at
    # 40,000 characters about 5 s of extraction, 0.07 s before). A count, no clock: the
    # characters stamp_only is given stay a few times the line's.
    import compare.extract.cleanup as cleanup

    given = [0]
    real = cleanup.stamp_only  # type: ignore[attr-defined]

    def counted(text: str, month_first: bool = False) -> tuple[str | None, str | None] | None:
        given[0] += len(text)
        return real(text, month_first)

    monkeypatch.setattr(cleanup, "stamp_only", counted)
    line = "By Mara " + "Ana," * 2000 + " 12 November 2026"
    extract(_snapshot("\n\n".join(["# Library hours cut", line, *BODY]), "text"))
    assert given[0] <= 20 * len(line), given[0]
