"""rev22b: the international desk's rules (user22) read against English stories: what they
must leave alone. Every page and sentence here was written for these tests."""

from __future__ import annotations

from compare.extract import extract
from compare.model import Document, Provenance, Snapshot
from compare.text import split_sentences

LIBRARY = [
    "The council voted on Tuesday evening to close the Riverside library at the end of the "
    "summer, ending more than ninety years of lending on the site.",
    "Councillors said the building needed repairs the borough could not afford, and that a "
    "mobile library would visit the estate twice a week instead.",
    "Residents who packed the public gallery booed as the vote was read out, and several said "
    "they would challenge the decision in the courts.",
]


def extracted(html: str) -> Document:
    return extract(
        Snapshot(
            content=html.encode("utf-8"),
            kind="html",
            provenance=Provenance(spec="page", encoding="utf-8"),
        )
    )


def library_page(middle: str) -> str:
    first, *rest = (f"<p>{p}</p>" for p in LIBRARY)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Library to close'
        "</title></head><body><article><h1>Riverside library to close</h1>"
        f"{first}{middle}{''.join(rest)}</article></body></html>"
    )


def test_the_english_network_ee_ends_a_sentence() -> None:
    # "EE" was always followed (for Spanish "EE. UU."), so "switched to EE. The company"
    # was one sentence.
    assert split_sentences("He switched his contract to EE. The company said it would pay.") == [
        "He switched his contract to EE.",
        "The company said it would pay.",
    ]
    assert len(split_sentences("Los migrantes llegaron a EE. UU. el lunes.")) == 1
    assert len(split_sentences("Viajó a EE. UU., según su familia.")) == 1
