"""What NEW still states (facets/document.py ``_KeptFacts``, read for the paragraphs OLD drops)
is found with less work, and the same answers: NEW lowered in one piece when it is ASCII;
the places of a figure read in order until one gives it (its spelt-out words only when its
digits do not); a sentence's statuses read only when it holds the words of whom."""

from __future__ import annotations

import pytest
from test_align import doc

import compare.facets.document as document_facets
from compare.facets.document import _KeptFacts, _weighty_facts

NEW = [
    "Two men were arrested on suspicion of arson after the fire at the Calder Street depot.",
    'The İnönü Street warehouse, "where Ms Oduya was arrested on suspicion of theft", lay '
    "empty, police said.",
    "A woman was arrested on suspicion of theft at the Mill Lane site on Tuesday.",
    "Fourteen people were taken to hospital and 14 homes were evacuated, the brigade said.",
]
OLD = [
    "Two men were arrested on suspicion of arson, police said.",
    "Ms Oduya was arrested on suspicion of theft.",
    "The brigade said 14 people were taken to hospital.",
    "Fire crews evacuated 14 homes on the street.",
]


def _kept() -> _KeptFacts:
    return _KeptFacts(doc(*NEW), [])


def test_offsets_in_new_lowered_find_their_sentence() -> None:
    for sentences in (NEW, NEW[:1] + NEW[2:]):  # with "İ", which lowers longer; without
        kept = _KeptFacts(doc(*sentences), [])
        for i, sentence in enumerate(kept.sentences):
            start, end = kept.starts[i], kept.starts[i + 1] - 1
            assert kept.low[start:end] == sentence.lower()
            assert kept._sentence_at(start) == kept._sentence_at(end) == i


def _statuses_held() -> list[tuple[object, frozenset[str]]]:
    old = doc(*OLD)
    return [
        told
        for p in range(len(OLD))
        for held in [_weighty_facts(old, p)]
        if held is not None
        for told in held.statuses
    ]


def test_a_status_is_found_as_when_every_sentence_was_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    held = _statuses_held()
    assert len(held) >= 2
    found = [_kept().status(*told) for told in held]  # type: ignore[arg-type]
    monkeypatch.setattr(_KeptFacts, "_may_hold", lambda self, index, whom: True)
    assert found == [_kept().status(*told) for told in held]  # type: ignore[arg-type]
    # Two men arrested: still told (the first sentence); Ms Oduya's only inside a quote.
    assert found[0] == 2  # (after the title and standfirst)
    assert found[1] is None


def test_a_sentence_without_the_words_of_whom_is_not_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read: list[str] = []
    real = document_facets.statuses

    def statuses(masked: str) -> object:
        read.append(masked)
        return real(masked)

    two_men, oduya = _statuses_held()[:2]
    monkeypatch.setattr(document_facets, "statuses", statuses)
    assert _kept().status(*two_men) == 2  # type: ignore[arg-type]
    assert read == [NEW[0]]
    read.clear()
    assert _kept().status(*oduya) is None  # type: ignore[arg-type]
    # "theft" is in two sentences: only the one with "oduya" in it is read (where it
    # is quoted, and so not whom the status is told of).
    assert len(read) == 1 and read[0].startswith("The İnönü Street warehouse,  Q ")


def test_a_figure_is_found_by_its_digits_before_its_spelt_out_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    looked: list[str] = []
    real = _KeptFacts._with_word

    def with_word(self: _KeptFacts, word: str) -> list[int]:
        looked.append(word)
        return real(self, word)

    monkeypatch.setattr(_KeptFacts, "_with_word", with_word)
    kept = _kept()
    old = doc(*OLD)
    people = _weighty_facts(old, 2)
    homes = _weighty_facts(old, 3)
    assert people is not None and homes is not None
    # "14 homes" is in NEW in digits: "fourteen" is never looked for.
    assert [kept.figure(n) for n in homes.figures] == [5]
    assert looked == []
    # "14 people" is there spelt out only ("Fourteen people"): found after the digits.
    assert [kept.figure(n) for n in people.figures] == [5]
    assert looked == ["fourteen"]


def test_what_new_states_is_not_read_between_outlets_nor_on_a_live_blog(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dataclasses import replace

    from compare import compare, facets_worker

    built: list[object] = []
    real = _KeptFacts.__init__

    def init(self: _KeptFacts, *args: object) -> None:
        built.append(self)
        real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(_KeptFacts, "__init__", init)
    monkeypatch.setattr(facets_worker, "start", lambda old, new: None)  # (in this process)
    old, new = doc(*OLD[1:], OLD[0]), doc(*OLD[1:])  # "Two men were arrested" dropped
    one_page = compare(old, new)
    assert [c.kind for c in one_page.changes if c.kind == "paragraph"] == ["paragraph"]
    assert len(built) == 1
    outlets = compare(
        replace(old, site_name="Dunmore Courier"), replace(new, site_name="Fenwick Post")
    )
    live = compare(replace(old, live=True), replace(new, live=True))
    assert not any(c.kind == "paragraph" for c in (*outlets.changes, *live.changes))
    assert len(built) == 1  # neither comparison read what NEW still states
