"""What the facets worker reads before the aligned blocks come (facets.prefetch): a guess, which
must never change a change, and which leaves out what comparisons hardly ever read."""

from __future__ import annotations

from compare import compare
from compare.facets import ChangeCollector, clear_caches, figures, meaning_changes, prefetch
from compare.model import Change, CompareOptions, Document, Paragraph
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


def test_prefetch_changes_no_change() -> None:
    old, new = document(OLD), document(NEW)
    expected = _changes(old, new, prefetched=False)
    assert expected
    assert _changes(old, new, prefetched=True) == expected


def test_prefetch_reads_the_figures_but_not_the_words_round_them() -> None:
    # Comparisons hardly ever ask for them (2 of 1,458 figures on the speed pair), and they
    # cost an eighth of the prefetch.
    old, new = document(OLD), document(NEW)
    clear_caches()
    prefetch(old, new, lambda: False)
    assert figures._numbers.cache_info().currsize > 10
    assert figures._context.cache_info().currsize == 0
    assert figures._counted_after.cache_info().currsize == 0
