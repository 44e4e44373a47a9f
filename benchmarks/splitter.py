"""Sentence splitter: compare.text.split_sentences against pysbd (the baseline).

Three measurements, printed as one table:

1. speed on 500 generated news-like paragraphs (~60 words each);
2. agreement with pysbd on those paragraphs (identical splits, boundary precision/recall/F1
   with pysbd as the reference);
3. accuracy of both against the hand-labelled gold set in benchmarks/data/sentences.jsonl.

Run: .venv/bin/python benchmarks/splitter.py   (--paragraphs N, --repeat N)
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compare.text import clean_whitespace, split_sentences

GOLD = Path(__file__).parent / "data" / "sentences.jsonl"
Splitter = Callable[[str], list[str]]

# Fictional building blocks for generated copy; the tricky parts (titles, initials, U.S.,
# times, decimals, quotes, company suffixes) appear at roughly news-wire frequency.
_PEOPLE = [
    "Mr. Halloran",
    "Dr. Amara Osei",
    "Gov. Linda Marsh",
    "Sen. Tomas Reyes",
    "Prof. Helen Greaves",
    "Col. Irina Vasquez",
    "J. R. Okonkwo",
    "Charles T. Mbeki-Hall",
    "Ms. Adeyemi",
    "the mayor",
    "a council spokeswoman",
]
_ORGS = [
    "Brightwater Inc.",
    "Ridgeline Corp.",
    "Fenwick & Co.",
    "the U.S. Treasury",
    "the U.N. refugee agency",
    "the transport ministry",
    "Castlemoor Holdings Ltd.",
    "the port authority",
]
_PLACES = ["Eastgate", "Northbridge", "the valley", "the harbour district", "Marston", "the U.K."]
_VERBS = ["said", "told reporters", "wrote in a statement", "confirmed", "warned"]
_NUMBERS = ["3.4 per cent", "$2.75 a share", "14 people", "1.2 million", "61.2%", "about 900 jobs"]
_TIMES = [
    "at 3 a.m. on Sunday",
    "shortly after 10.30 p.m.",
    "on Sept. 14",
    "by Dec. 1",
    "on Monday",
]
_QUOTES = [
    '"We will rebuild," {who} said.',
    "\u201cWhere were the inspectors?\u201d asked {who}.",
    'The report was "deeply flawed," according to {who}.',
    "{who} called the claim \u201csimply false.\u201d",
]


def _sentence(rng: random.Random) -> str:
    who, org, place = rng.choice(_PEOPLE), rng.choice(_ORGS), rng.choice(_PLACES)
    number, when, verb = rng.choice(_NUMBERS), rng.choice(_TIMES), rng.choice(_VERBS)
    forms = [
        f"{org} {verb} that {number} had been affected in {place} {when}.",
        f"{who} {verb} the figure had risen to {number}.",
        f"The work in {place} cost {number}, {who} {verb}.",
        f"Officials from {org} met {who} {when} to discuss the closure.",
        rng.choice(_QUOTES).format(who=who),
        f"Was the warning from {org} ignored?",
        f"Residents in {place} waited {when}, and some left before the announcement.",
        f"The inquiry, led by {who}, is due to report {when}.",
    ]
    sentence = rng.choice(forms).replace("..", ".")  # "10.30 p.m.." at a sentence end
    first = next(i for i, c in enumerate(sentence) if c.isalpha())
    return sentence[:first] + sentence[first].upper() + sentence[first + 1 :]


def news_paragraphs(count: int, seed: int = 7, words: int = 60) -> list[str]:
    """``count`` paragraphs of fictional news copy, each about ``words`` words long."""
    rng = random.Random(seed)
    paragraphs = []
    for _ in range(count):
        sentences: list[str] = []
        while sum(len(s.split()) for s in sentences) < words:
            sentences.append(_sentence(rng))
        paragraphs.append(" ".join(sentences))
    return paragraphs


def boundaries(text: str, sentences: Sequence[str]) -> set[int]:
    """Character offsets in ``text`` where a sentence other than the first begins."""
    found: set[int] = set()
    position = 0
    for sentence in sentences:
        piece = sentence.strip()
        if not piece:
            continue
        start = text.find(piece, position)
        if start < 0:  # a splitter that rewrote the text: skip rather than guess
            continue
        if start > 0:
            found.add(start)
        position = start + len(piece)
    return found


@dataclass
class Scores:
    """Identical splits and boundary precision/recall/F1 against a reference."""

    identical: float
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def score(
    texts: Sequence[str], predicted: Sequence[list[str]], reference: Sequence[list[str]]
) -> Scores:
    same = tp = n_pred = n_ref = 0
    for text, pred, ref in zip(texts, predicted, reference, strict=True):
        got, want = boundaries(text, pred), boundaries(text, ref)
        same += got == want
        tp += len(got & want)
        n_pred += len(got)
        n_ref += len(want)
    return Scores(
        identical=same / len(texts),
        precision=tp / n_pred if n_pred else 1.0,
        recall=tp / n_ref if n_ref else 1.0,
    )


def timed(splitter: Splitter, texts: Sequence[str], repeat: int) -> tuple[float, list[list[str]]]:
    """Best wall time over ``repeat`` runs, and the splits of the last run."""
    best = float("inf")
    result: list[list[str]] = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = [splitter(t) for t in texts]
        best = min(best, time.perf_counter() - started)
    return best, result


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3, help="timing runs; the best counts")
    args = parser.parse_args(argv)

    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    systems: dict[str, Splitter] = {
        "storydiff": split_sentences,
        "pysbd 0.3": lambda t: list(segmenter.segment(t)),
    }

    texts = [clean_whitespace(t) for t in news_paragraphs(args.paragraphs)]
    words = sum(len(t.split()) for t in texts)
    gold_rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    gold_texts = [" ".join(row["sentences"]) for row in gold_rows]
    gold = [list(row["sentences"]) for row in gold_rows]

    timings: dict[str, float] = {}
    splits: dict[str, list[list[str]]] = {}
    for name, splitter in systems.items():
        timings[name], splits[name] = timed(splitter, texts, args.repeat)
    agreement = score(texts, splits["storydiff"], splits["pysbd 0.3"])
    on_gold = {
        name: score(gold_texts, [splitter(t) for t in gold_texts], gold)
        for name, splitter in systems.items()
    }

    print(f"{args.paragraphs} generated paragraphs, {words} words; best of {args.repeat} runs")
    print(f"gold set: {len(gold_rows)} hand-labelled paragraphs, {sum(map(len, gold))} sentences\n")
    header = (
        f"{'splitter':<11} {'time':>9} {'per para':>9} {'gold exact':>11}"
        f" {'gold P':>7} {'gold R':>7} {'gold F1':>8}"
    )
    print(header)
    print("-" * len(header))
    for name in systems:
        g = on_gold[name]
        print(
            f"{name:<11} {timings[name] * 1000:>7.1f}ms {timings[name] * 1e6 / len(texts):>7.0f}us"
            f" {g.identical:>11.1%} {g.precision:>7.3f} {g.recall:>7.3f} {g.f1:>8.3f}"
        )
    print(
        f"\nspeed-up: {timings['pysbd 0.3'] / timings['storydiff']:.0f}x"
        f"\nagreement with pysbd on the generated paragraphs: {agreement.identical:.1%} split"
        f" identically; boundaries P {agreement.precision:.3f} R {agreement.recall:.3f}"
        f" F1 {agreement.f1:.3f} (pysbd as reference)"
    )
    for name in systems:
        misses = [
            (row["id"], row["tag"])
            for row, text in zip(gold_rows, gold_texts, strict=True)
            if systems[name](text) != row["sentences"]
            and boundaries(text, systems[name](text)) != boundaries(text, row["sentences"])
        ]
        print(f"{name} gold misses: {', '.join(f'#{i} {tag}' for i, tag in misses) or 'none'}")


if __name__ == "__main__":
    main()
