"""What the facets worker reads before the aligned blocks come (facets.prefetch): it guesses
which sentences will pair up and compares them, and a block that pairs them with the same
words differing takes those changes. A guess may be wrong; the changes never are."""

from __future__ import annotations

import pytest

from compare import compare
from compare.facets import ChangeCollector, clear_caches, meaning_changes, prefetch
from compare.facets import document as facets_document
from compare.model import Change, CompareOptions, Document, Paragraph, SentenceBlock, WordOp
from compare.text import split_sentences

OLD = [
    "The council met on Tuesday. It voted 7-2 to approve the budget.",
    "Mayor Ana Ruiz said the plan would cost $4.5 million. She did not give a date.",
    'Residents were angry. "We were never asked," said Tom Hale, who lives nearby.',
    "Police said 12 people were injured in the crash. Two of them are in hospital.",
    "The bridge will close for three weeks. Drivers should use the ring road instead.",
    "Arsenal beat Chelsea 2-1 on Saturday. The win lifts them to third.",
    "The company confirmed the report. Its shares rose 3% in early trading.",
    "The storm is expected to reach the coast by Friday. Schools may close.",
    "A spokesman for the mayor declined to comment. The council will meet again in May.",
    "Officials reportedly found 40 homes flooded. The river rose two metres overnight.",
    "The museum reopened after five years. About 2,000 visitors came on the first day.",
    "The union claimed that 300 jobs were at risk. The firm said the figure was wrong.",
]
NEW = [
    "The council met on Tuesday. It voted 6-3 to approve the budget.",
    "Mayor Ana Ruiz said the plan would cost $5 million. She did give a date.",
    'Residents were angry. "We were not asked," said Tom Hale, who lives nearby.',
    "The museum reopened after five years. About 2,500 visitors came on the first day.",
    "Police said 14 people were injured in the crash. Two of them are in hospital.",
    "The bridge will close for four weeks. Drivers should use the ring road instead.",
    "Chelsea beat Arsenal 2-1 on Saturday. The win lifts them to third.",
    "The company denied the report. Its shares fell 3% in early trading.",
    "The storm is expected to reach the coast by Thursday. Schools will close.",
    "A new paragraph says the ferry will stop on Monday. Nobody was hurt.",
    "Officials found 45 homes flooded. The river rose three metres overnight.",
    "The union said that 300 jobs were at risk. The firm said the figure was the wrong one.",
]


def document(paragraphs: list[str]) -> Document:
    return Document(tuple(Paragraph(p, tuple(split_sentences(p))) for p in paragraphs))


def test_guessed_pairs_follow_the_paragraphs_found_in_order() -> None:
    old = document(["A one. A two.", "B one.", "C one. C two.", "E one.", "D one.", "G one."])
    # B reworded, C moved to the end with its second sentence reworded, D gone, F added.
    new = document(["A one. A 2.", "B 1.", "E one.", "F one.", "G one.", "C one. C 2."])
    pairs, unpaired = facets_document._guessed_pairs(old, new)
    texts = [(a, b) for (a, _), (b, _) in pairs]
    # A, C, E and G share a sentence each (C out of order); B faces B between A and E; D
    # and F face each other between E and G (a guess, which costs nothing but time).
    assert sorted(texts) == [
        ("A two.", "A 2."),
        ("B one.", "B 1."),
        ("C two.", "C 2."),
        ("D one.", "F one."),
    ]
    assert unpaired == []


def test_guessed_pairs_leave_sentences_that_cannot_be_paired_one_for_one() -> None:
    old = document(["A one. A two.", "B one.", "C one."])
    new = document(["A one. A 2. A 3.", "C one."])
    pairs, unpaired = facets_document._guessed_pairs(old, new)
    assert pairs == []
    assert [text for text, _ in unpaired] == ["A two.", "A 2.", "A 3.", "B one."]


def test_in_order_keeps_the_longest_run_in_order() -> None:
    pairs = [(0, 0), (1, 90), (2, 2), (3, 3), (4, 1), (5, 5)]
    assert facets_document._in_order(pairs) == [(0, 0), (2, 2), (3, 3), (5, 5)]
    assert facets_document._in_order([]) == []


def _changes(old: Document, new: Document, prefetched: bool) -> tuple[Change, ...]:
    clear_caches()
    aligned = compare(old, new, CompareOptions(facets=False))
    blocks = tuple((b.op, b.a, b.b) for b in aligned.blocks)
    if not prefetched:
        return meaning_changes(old, new, aligned.sentences, blocks)
    found = ChangeCollector(old, new, early=True)
    prefetch(old, new, lambda: False)
    for index, block in enumerate(aligned.sentences):
        if block.differs:
            found.add(index, block)
    return found.changes(blocks)


def test_prefetched_comparisons_change_no_change(monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = document(OLD), document(NEW)
    taken: list[tuple[str, str, bool, bool]] = []
    changes = facets_document._FORESEEN.changes

    class Watched(dict):  # type: ignore[type-arg]
        def pop(self, key: object, default: object = None) -> object:
            if key in self:
                taken.append(key)  # type: ignore[arg-type]
            return super().pop(key, default)

    monkeypatch.setattr(facets_document._FORESEEN, "changes", Watched(changes))
    expected = _changes(old, new, prefetched=False)
    assert expected and not taken
    assert _changes(old, new, prefetched=True) == expected
    assert len(taken) > 5  # most blocks took what prefetch found


def _block(old: str, new: str, words: tuple[WordOp, ...]) -> SentenceBlock:
    return SentenceBlock("reworded", ((0, 0),), ((0, 0),), 0.5, False, False, words)


def test_a_block_takes_foreseen_changes_only_for_its_documents_and_its_differing_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    was, now = "Police said 12 people were hurt.", "Police said 14 people were hurt."
    old, new = document([was]), document([now])
    marker = Change("number", "changed", "x", "y", 1, 0, "foreseen")
    foreseen = facets_document._Foreseen()
    foreseen.documents = (old, new)
    monkeypatch.setattr(facets_document, "_FORESEEN", foreseen)
    same_words = (WordOp("equal", "Police said", "Police said"), WordOp("replace", "12", "14"))
    other_words = (WordOp("replace", "Police said 12", "Police said 14"),)

    def found(o: Document, n: Document, words: tuple[WordOp, ...]) -> tuple[Change, ...]:
        foreseen.changes[(was, now, False, False)] = ({"12", "14"}, [marker])
        collector = ChangeCollector(o, n, early=True)
        collector.add(7, _block(was, now, words))
        return collector.changes()

    # Other documents with the same sentences: compared anew.
    assert found(document([was]), document([now]), same_words)[0].detail != "foreseen"
    # Other words differing ("said" too): compared anew.
    assert found(old, new, other_words)[0].detail != "foreseen"
    # The same: taken, as block 7.
    assert found(old, new, same_words) == (marker.__class__(*_fields(marker, sentence=7)),)


def _fields(change: Change, sentence: int) -> tuple[object, ...]:
    return (
        change.kind,
        change.action,
        change.old,
        change.new,
        change.severity,
        sentence,
        change.detail,
    )
