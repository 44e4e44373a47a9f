"""Hand-built comparisons of a fictional story, for renderer tests that must not depend on
the aligner's choices."""

from __future__ import annotations

from compare.model import (
    Block,
    Change,
    Comparison,
    Document,
    Paragraph,
    Provenance,
    SentenceBlock,
    Summary,
    WordOp,
)

OLD_PARAGRAPHS = [
    ["A ferry carrying 40 passengers sank off Port Ellery on Tuesday night."],
    ["Twelve people died, the coastguard said.", "Rescue boats searched until dawn."],
    ["The ferry operator declined to comment."],
    ["The vessel was built in 1998 and refitted last year."],
    ["Weather was calm at the time, according to the harbour master."],
    ["An inquiry will open next week."],
]
DETAIL = 'death toll: "Twelve" → "Fourteen"'
NEW_PARAGRAPHS = [
    ["A ferry carrying 40 passengers sank off Port Ellery on Tuesday night."],
    ["Fourteen people died, the coastguard said.", "Rescue boats searched until dawn."],
    ["Weather was calm at the time, according to the harbour master."],
    ["The vessel was built in 1998 and refitted last year."],
    ["Survivors were taken to St Brendan's Hospital."],
    ["An inquiry will open next week."],
]


def document(
    paragraphs: list[list[str]], *, title: str | None, spec: str, site: str | None = None
) -> Document:
    return Document(
        paragraphs=tuple(Paragraph(" ".join(p), tuple(p)) for p in paragraphs),
        title=title,
        site_name=site,
        published="2026-05-24",
        provenance=Provenance(spec=spec, sha256="0" * 64),
    )


#: Three paragraphs of a flood story, the second of two sentences: split in two with no
#: word changed, it is a cosmetic split.
RIVER = [
    "The river rose two metres overnight and flooded the lower town.",
    "Police closed the bridge at dawn. Schools in the valley will stay shut on Monday.",
    "The council said it would meet again on Tuesday to review the defences.",
]


def split_up(paragraphs: list[str]) -> Document:
    """A document of ``paragraphs``, each split into sentences as loading does."""
    from compare.text import split_sentences

    return Document(paragraphs=tuple(Paragraph(p, tuple(split_sentences(p))) for p in paragraphs))


def ferry(
    *,
    old_title: str = "Ferry sinks off Port Ellery",
    new_title: str = "Ferry capsizes off Port Ellery",
    old_paragraphs: list[list[str]] | None = None,
    new_paragraphs: list[list[str]] | None = None,
    warnings: tuple[str, ...] = (),
    changes: bool = True,
) -> Comparison:
    """Old ¶2 reworded (a number), old ¶3 removed, old ¶5 moved up, new ¶5 added."""
    old = document(old_paragraphs or OLD_PARAGRAPHS, title=old_title, spec="v1.txt")
    new = document(new_paragraphs or NEW_PARAGRAPHS, title=new_title, spec="v2.txt")
    blocks = (
        Block("equal", (0,), (0,), 1.0),
        Block("reworded", (1,), (1,), 0.9),
        Block("equal", (4,), (2,), 1.0, moved=True),
        Block("removed", (2,), (), 0.0),
        Block("equal", (3,), (3,), 1.0),
        Block("added", (), (4,), 0.0),
        Block("equal", (5,), (5,), 1.0),
    )
    sentences = (
        SentenceBlock("equal", ((0, 0),), ((0, 0),), 1.0),
        SentenceBlock(
            "reworded",
            ((1, 0),),
            ((1, 0),),
            0.8,
            words=(
                WordOp("replace", "Twelve", "Fourteen"),
                WordOp(
                    "equal",
                    " people died, the coastguard said.",
                    " people died, the coastguard said.",
                ),
            ),
        ),
        SentenceBlock("equal", ((1, 1),), ((1, 1),), 1.0),
        SentenceBlock("equal", ((4, 0),), ((2, 0),), 1.0, moved=True),
        SentenceBlock("removed", ((2, 0),), (), 0.0),
        SentenceBlock("equal", ((3, 0),), ((3, 0),), 1.0),
        SentenceBlock("added", (), ((4, 0),), 0.0),
        SentenceBlock("equal", ((5, 0),), ((5, 0),), 1.0),
    )
    title_words = (
        WordOp("equal", "Ferry ", "Ferry "),
        WordOp("replace", old_title.split()[1], new_title.split()[1]),
        WordOp("equal", " off Port Ellery", " off Port Ellery"),
    )
    return Comparison(
        old=old,
        new=new,
        blocks=blocks,
        sentences=sentences,
        summary=Summary(
            paragraphs={"equal": 4, "reworded": 1, "added": 1, "removed": 1, "moved": 1},
            sentences={"equal": 5, "reworded": 1, "added": 1, "removed": 1, "moved": 1},
            similarity=0.82,
            warnings=warnings,
            headline_changed=old_title != new_title,
        ),
        title_words=title_words,
        changes=(Change("number", "changed", "Twelve", "Fourteen", 1, 1, DETAIL),)
        if changes
        else (),
    )


def long_story(length: int = 30, changed_at: int = 15) -> Comparison:
    """``length`` paragraphs, all unchanged except one reworded in the middle."""
    old = [[f"Paragraph {i} of the council budget story stays the same."] for i in range(length)]
    new = [list(p) for p in old]
    new[changed_at] = [f"Paragraph {changed_at} of the council budget story was rewritten."]
    blocks = tuple(
        Block("reworded", (i,), (i,), 0.7) if i == changed_at else Block("equal", (i,), (i,), 1.0)
        for i in range(length)
    )
    sentences = tuple(
        SentenceBlock(
            "reworded",
            ((i, 0),),
            ((i, 0),),
            0.7,
            words=(
                WordOp(
                    "equal",
                    f"Paragraph {i} of the council budget story ",
                    f"Paragraph {i} of the council budget story ",
                ),
                WordOp("replace", "stays the same", "was rewritten"),
                WordOp("equal", ".", "."),
            ),
        )
        if i == changed_at
        else SentenceBlock("equal", ((i, 0),), ((i, 0),), 1.0)
        for i in range(length)
    )
    return Comparison(
        old=document(old, title="Council budget", spec="old.txt", site="Harbour Gazette"),
        new=document(new, title="Council budget", spec="new.txt", site="Harbour Gazette"),
        blocks=blocks,
        sentences=sentences,
        summary=Summary(
            paragraphs={"equal": length - 1, "reworded": 1, "added": 0, "removed": 0, "moved": 0},
            sentences={"equal": length - 1, "reworded": 1, "added": 0, "removed": 0, "moved": 0},
            similarity=0.97,
        ),
        title_words=(WordOp("equal", "Council budget", "Council budget"),),
    )


def unchanged() -> Comparison:
    """Two identical one-paragraph versions."""
    text = [["The library reopens on Monday after a two-week closure."]]
    old = document(text, title="Library reopens", spec="a.txt")
    new = document(text, title="Library reopens", spec="b.txt")
    return Comparison(
        old=old,
        new=new,
        blocks=(Block("equal", (0,), (0,), 1.0),),
        sentences=(SentenceBlock("equal", ((0, 0),), ((0, 0),), 1.0),),
        summary=Summary(
            paragraphs={"equal": 1, "reworded": 0, "added": 0, "removed": 0, "moved": 0},
            sentences={"equal": 1, "reworded": 0, "added": 0, "removed": 0, "moved": 0},
            similarity=1.0,
        ),
        title_words=(WordOp("equal", "Library reopens", "Library reopens"),),
    )
