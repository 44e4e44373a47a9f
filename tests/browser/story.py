"""A hand-built comparison of two versions of a fictional story, for the HTML report tests.

The blocks are given explicitly (so the tests know exactly which row is a move, a split or
an addition); the sentence blocks and word diffs are derived from them.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from compare.model import (
    Block,
    Change,
    CompareOptions,
    Comparison,
    Document,
    Paragraph,
    Provenance,
    SentenceBlock,
    Summary,
)
from compare.text import match_key, split_sentences
from compare.worddiff import word_diff

FILLER = [
    "Residents of the Eastbank district said the water had reached the second step of "
    "the library by midnight, and volunteers stacked sandbags along Mill Lane until dawn.",
    "The council's emergency plan, last revised in 2019, sets out three stages of "
    "response; officials said stage two had been declared shortly after eleven.",
    "Bus services between Harwick and the coast were suspended, and the regional rail "
    "operator said trains would run at reduced speed across the Ferry Road bridge.",
    "Schools in the lower town will stay closed on Thursday, the education office said, "
    "while engineers inspect the buildings closest to the river.",
    "Farmers upstream reported flooded fields but no loss of livestock.",
    "The last comparable flood, in 1998, left more than 400 homes without power for a week.",
    "Insurance brokers in the town said they expected claims to rise sharply.",
    "A temporary shelter at the Harwick sports hall had taken in 86 people by morning.",
    "The mayor's office said it would publish an update at six in the evening.",
    "Shopkeepers on Quay Street began clearing mud from their premises on Wednesday.",
    "Volunteers from the rowing club ferried elderly residents to higher ground.",
    "The Environment Agency said river levels were expected to peak overnight.",
]

OLD = [
    "Floodwaters swept through the river town of Harwick on Tuesday night, killing 12 "
    "people and forcing hundreds from their homes. Rescue crews worked through the night.",
    "The River Leme burst its banks shortly after 10 p.m., officials said.",
    "\u201cWe have never seen the water rise this fast,\u201d said Mayor Ellen Voss. "
    "\u201cThe defences were not built for this.\u201d",
    *FILLER[:8],
    "Police said four people were still missing.",
    *FILLER[8:],
    "Critics said the town had ignored warnings about the state of the flood defences.",
]

NEW = [
    "Floodwaters swept through the river town of Harwick on Tuesday night, killing at "
    "least 14 people and forcing hundreds from their homes. Rescue crews worked through the "
    "night.",
    "Police said four people were still missing.",
    "The River Leme burst its banks shortly after 10 p.m., according to the regional "
    "emergency service.",
    "\u201cWe have never seen the water rise this fast,\u201d said Mayor Ellen Voss.",
    "\u201cThe defences were not built for this.\u201d",
    *FILLER[:8],
    *FILLER[8:],
    "The government said on Wednesday it would send army engineers to reinforce the "
    "defences, and promised an inquiry into the response.",
]

# (op, old paragraphs, new paragraphs, moved) in NEW's reading order, removed where they stood.
SPEC: list[tuple[str, tuple[int, ...], tuple[int, ...], bool]] = [
    ("reworded", (0,), (0,), False),
    ("equal", (11,), (1,), True),
    ("reworded", (1,), (2,), False),
    ("equal", (2,), (3, 4), False),
    *[("equal", (3 + i,), (5 + i,), False) for i in range(8)],
    *[("equal", (12 + i,), (13 + i,), False) for i in range(4)],
    ("removed", (16,), (), False),
    ("added", (), (17,), False),
]


def _document(texts: list[str], **meta: object) -> Document:
    paragraphs = tuple(Paragraph(t, tuple(split_sentences(t))) for t in texts)
    return Document(paragraphs=paragraphs, **meta)  # type: ignore[arg-type]


def _sentences(
    old: Document, new: Document, blocks: list[Block]
) -> tuple[list[SentenceBlock], dict[str, int]]:
    out: list[SentenceBlock] = []
    for block in blocks:
        a = [(p, s) for p in block.a for s in range(len(old.paragraphs[p].sentences))]
        b = [(p, s) for p in block.b for s in range(len(new.paragraphs[p].sentences))]
        ta = [old.paragraphs[p].sentences[s] for p, s in a]
        tb = [new.paragraphs[p].sentences[s] for p, s in b]
        matcher = SequenceMatcher(None, ta, tb, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                    out.append(SentenceBlock("equal", (a[i],), (b[j],), 1.0, moved=block.moved))
                continue
            # Pair each new sentence with the most alike old one left, in order.
            pairs: list[tuple[int, int, float]] = []
            start = i1
            for j in range(j1, j2):
                scored = [
                    (SequenceMatcher(None, ta[i], tb[j]).ratio(), i) for i in range(start, i2)
                ]
                if scored and max(scored)[0] >= 0.5:
                    ratio, i = max(scored)
                    pairs.append((i, j, ratio))
                    start = i + 1
            paired_old = {i for i, _, _ in pairs}
            paired_new = {j for _, j, _ in pairs}
            for i in range(i1, i2):
                if i not in paired_old:
                    out.append(SentenceBlock("removed", (a[i],), (), 0.0))
            for i, j, ratio in pairs:
                words = word_diff(ta[i], tb[j])
                out.append(SentenceBlock("reworded", (a[i],), (b[j],), ratio, words=words))
            for j in range(j1, j2):
                if j not in paired_new:
                    out.append(SentenceBlock("added", (), (b[j],), 0.0))
    counts = {
        k: sum(1 for s in out if s.op == k) for k in ("equal", "reworded", "added", "removed")
    }
    counts["moved"] = sum(1 for s in out if s.moved)
    return out, counts


def build(
    old_texts: list[str],
    new_texts: list[str],
    spec: list[tuple[str, tuple[int, ...], tuple[int, ...], bool]],
    *,
    old_meta: dict[str, object] | None = None,
    new_meta: dict[str, object] | None = None,
    changes: tuple[Change, ...] = (),
    warnings: tuple[str, ...] = (),
) -> Comparison:
    """A comparison with the given paragraph blocks."""
    old = _document(old_texts, **(old_meta or {}))
    new = _document(new_texts, **(new_meta or {}))
    blocks = [
        Block(op, a, b, 1.0 if op == "equal" else (0.0 if not (a and b) else 0.8), moved)  # type: ignore[arg-type]
        for op, a, b, moved in spec
    ]
    sentences, sentence_counts = _sentences(old, new, blocks)
    counts = {
        k: sum(1 for b in blocks if b.op == k) for k in ("equal", "reworded", "added", "removed")
    }
    counts["moved"] = sum(1 for b in blocks if b.moved)
    return Comparison(
        old=old,
        new=new,
        blocks=tuple(blocks),
        sentences=tuple(sentences),
        summary=Summary(
            counts,
            sentence_counts,
            0.87,
            warnings,
            headline_changed=bool(old.title and new.title)
            and match_key(old.title or "") != match_key(new.title or ""),
        ),
        options=CompareOptions(),
        title_words=word_diff(str(old.title or ""), str(new.title or "")),
        changes=changes,
    )


def sample_comparison(**overrides: object) -> Comparison:
    """Two versions of a flood story: a changed death toll, a new attribution, a moved
    paragraph, a split quote, a removed paragraph and an added one."""
    old_meta: dict[str, object] = {
        "title": "Floods kill 12 in Harwick as river bursts its banks",
        "authors": ("Mara Lind",),
        "site_name": "The Harwick Courier",
        "published": "2026-03-03T23:40:00Z",
        "modified": "2026-03-03T23:40:00Z",
        "url": "https://courier.example/news/harwick-floods",
        "language": "en",
        "provenance": Provenance(
            spec="old.html",
            url="https://courier.example/news/harwick-floods",
            fetched_at="2026-03-04T06:00:00Z",
        ),
    }
    new_meta: dict[str, object] = {
        **old_meta,
        "title": "Harwick floods: death toll rises to 14 as army is sent in",
        "authors": ("Mara Lind", "Tom Okafor"),
        "modified": "2026-03-04T14:05:00Z",
        "provenance": Provenance(
            spec="new.html",
            url="https://courier.example/news/harwick-floods",
            fetched_at="2026-03-04T15:00:00Z",
        ),
    }
    comparison = build(OLD, NEW, SPEC, old_meta=old_meta, new_meta=new_meta)
    changes = (
        Change(
            "number",
            "changed",
            "12",
            "at least 14",
            1,
            _first_reworded(comparison),
            "12 → at least 14 people killed",
        ),
        Change(
            "attribution",
            "added",
            None,
            "according to the regional emergency service",
            2,
            _first_reworded(comparison, 1),
        ),
    )
    from dataclasses import replace

    return replace(comparison, changes=changes, **overrides)  # type: ignore[arg-type]


def _first_reworded(comparison: Comparison, skip: int = 0) -> int:
    found = [i for i, s in enumerate(comparison.sentences) if s.op == "reworded"]
    return found[skip]
