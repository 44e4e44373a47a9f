"""Multi-outlet coverage: claim grouping quality on labelled stories, and speed.

Quality. Each labelled story folder (fixtures/multi-* unless others are given) has a
labels.json that says which outlet sentence carries which claim
and which page is a decoy (the same topic on another day). A "same claim" link is a pair of
sentences from two outlets that carry one claim; we score the links storydiff makes against
the labelled ones (precision, recall, F1, micro-averaged over the stories), and check that
the decoy, and only the decoy, is set aside. Sentences the labels do not mention (a credit
line) are left out of the scoring. More labelled events in the same format, written
for later sessions, are in benchmarks/data/coverage-* (roof, rate, derailment, verdict,
layoffs): give their folders to score them.

Baselines, run in the same process on the same sentences:

- exact: sentences that are equal once normalised (what a hash-based diff would find);
- fuzzy: rapidfuzz token_set_ratio >= 70 over all cross-outlet sentence pairs, best match
  per outlet pair, joined transitively (what a naive fuzzy matcher would find).

Rewrites. Each article of benchmarks/data/articles.md and four rewrites of it (reworded,
clauses trimmed, attribution moved, sentences dropped, merged and added, a figure changed,
paragraphs swapped), with every sentence's claims known by construction; same scoring.

Speed. A synthetic story of 60 paragraphs x 4 sentences is rewritten by 10 outlets (drops,
rewording, changed figures, added sentences, reordered paragraphs); we time
``compare_many`` in-process (best of 5, wall and CPU time) and score its links against the
known truth, next to an all-pairs baseline (rapidfuzz ``extractOne`` of every sentence over
every other outlet's sentences, token_set_ratio >= 70).

    python benchmarks/coverage.py [--outlets 10] [--paragraphs 60] [--seed 11] [--runs 5]
                                  [--verbose] [STORY_FOLDER ...]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compare import load
from compare.model import Document, Paragraph
from compare.multi import CoverageOptions, compare_many
from compare.text import match_key, normalize, split_sentences

ROOT = Path(__file__).resolve().parent.parent
TARGET_F1 = 0.90
TARGET_SECONDS = 1.0

#: (doc, paragraph, sentence)
Ref = tuple[int, int, int]
Link = tuple[Ref, Ref]


@dataclass
class Score:
    """Counts of true positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[Link], gold: set[Link]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def links_of(groups: Iterable[Iterable[Ref]]) -> set[Link]:
    """Every cross-document pair inside each group."""
    found: set[Link] = set()
    for group in groups:
        for a, b in combinations(sorted(set(group)), 2):
            if a[0] != b[0]:
                found.add((a, b))
    return found


def scored(groups: Iterable[Iterable[Ref]], labelled: set[Ref]) -> set[Link]:
    """The links between labelled sentences."""
    return {link for link in links_of(groups) if link[0] in labelled and link[1] in labelled}


def locate(document: Document, doc: int, snippet: str) -> Ref | None:
    """The sentence of ``document`` that contains ``snippet`` (or, failing that, the one the
    snippet's first words open); ``None`` when extraction lost it."""
    key = " ".join(normalize(snippet).casefold().split())
    sentences = [
        (p, s, " ".join(normalize(text).casefold().split()))
        for p, paragraph in enumerate(document.paragraphs)
        for s, text in enumerate(paragraph.sentences)
    ]
    for p, s, text in sentences:
        if key in text:
            return (doc, p, s)
    # A snippet that runs across a sentence boundary the splitter drew differently.
    head = " ".join(key.split()[:5])
    for p, s, text in sentences:
        if head in text:
            return (doc, p, s)
    return None


def all_refs(documents: Sequence[Document], keep: Iterable[int]) -> list[tuple[Ref, str]]:
    return [
        ((d, p, s), text)
        for d in keep
        for p, paragraph in enumerate(documents[d].paragraphs)
        for s, text in enumerate(paragraph.sentences)
    ]


def exact_baseline(documents: Sequence[Document], keep: Sequence[int]) -> list[list[Ref]]:
    groups: dict[str, list[Ref]] = {}
    for ref, text in all_refs(documents, keep):
        groups.setdefault(match_key(text), []).append(ref)
    return list(groups.values())


Side = list[tuple[Ref, str]]


def linked_groups(
    documents: Sequence[Document],
    keep: Sequence[int],
    best_links: Callable[[Side, Side], Iterable[tuple[Ref, Ref]]],
) -> list[list[Ref]]:
    """Groups of sentences joined transitively by the links ``best_links`` finds between the
    sentences of every two kept outlets (each sentence with its best match, if any)."""
    refs = all_refs(documents, keep)
    parent = {ref: ref for ref, _ in refs}

    def find(x: Ref) -> Ref:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_doc: dict[int, Side] = {}
    for ref, text in refs:
        by_doc.setdefault(ref[0], []).append((ref, text))
    for a, b in combinations(keep, 2):
        for ref, other in best_links(by_doc.get(a, []), by_doc.get(b, [])):
            parent[find(ref)] = find(other)
    groups: dict[Ref, list[Ref]] = {}
    for ref, _ in refs:
        groups.setdefault(find(ref), []).append(ref)
    return list(groups.values())


def fuzzy_baseline(documents: Sequence[Document], keep: Sequence[int]) -> list[list[Ref]]:
    from rapidfuzz import fuzz

    def best_links(left: Side, right: Side) -> Iterable[tuple[Ref, Ref]]:
        for ref, text in left:
            best = max(
                ((fuzz.token_set_ratio(text, other), oref) for oref, other in right),
                default=(0.0, ref),
            )
            if best[0] >= 70:
                yield ref, best[1]

    return linked_groups(documents, keep, best_links)


def fixture_quality(
    folders: Sequence[Path], verbose: bool
) -> tuple[dict[str, Score], list[tuple[str, bool, str]]]:
    """Score every labelled story folder (``labels.json``: ``claims`` as claim id ->
    {file: sentence snippet}; optional ``outlets`` in input order and ``decoy``)."""
    scores = {"storydiff": Score(), "exact": Score(), "fuzzy": Score()}
    decoys: list[tuple[str, bool, str]] = []
    for folder in folders:
        labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
        decoy_name: str | None = labels.get("decoy")
        files: list[str] = labels.get("outlets") or sorted(
            {name for members in labels["claims"].values() for name in members}
            | ({decoy_name} if decoy_name else set())
        )
        documents = [load(str(folder / name)) for name in files]
        coverage = compare_many(documents, CoverageOptions())
        decoy = files.index(decoy_name) if decoy_name else None
        set_aside = sorted(s.doc for s in coverage.set_aside)
        ok = set_aside == ([decoy] if decoy is not None else [])
        decoys.append((folder.name, ok, ", ".join(files[d] for d in set_aside) or "none"))
        keep = [d for d in range(len(files)) if d != decoy]
        gold_groups: list[list[Ref]] = []
        labelled: set[Ref] = set()
        lost = 0
        for members in labels["claims"].values():
            group: list[Ref] = []
            for name, snippet in members.items():
                if files.index(name) not in keep:
                    continue
                ref = locate(documents[files.index(name)], files.index(name), snippet)
                if ref is None:
                    lost += 1
                else:
                    group.append(ref)
            labelled.update(group)
            gold_groups.append(group)
        if lost:
            print(f"  {folder.name}: {lost} labelled sentences not found in the extracted text")
        gold = links_of(gold_groups)

        predicted_groups = [
            [(m.doc, m.paragraph, m.sentence) for m in c.members] for c in coverage.claims
        ]
        predicted = scored(predicted_groups, labelled)
        scores["storydiff"].add(predicted, gold)
        scores["exact"].add(scored(exact_baseline(documents, keep), labelled), gold)
        scores["fuzzy"].add(scored(fuzzy_baseline(documents, keep), labelled), gold)
        if verbose:
            texts = {ref: t for ref, t in all_refs(documents, keep)}
            for a, b in sorted(predicted - gold):
                print(f"  false link: {texts[a][:70]!r} ~ {texts[b][:70]!r}")
            for a, b in sorted(gold - predicted):
                print(f"  missed:     {texts[a][:70]!r} ~ {texts[b][:70]!r}")
    return scores, decoys


# ---------------------------------------------------------------------------------------
# Rewrites of real-looking articles: every outlet's sentence knows its claims

ARTICLES = Path(__file__).parent / "data" / "articles.md"
#: Newsroom rewording: each phrase may become the other in a rewrite.
REWORDING = {
    "said": "told reporters",
    "about": "around",
    "more than": "over",
    "people": "residents",
    "after": "following",
    "began": "started",
    "company": "firm",
    "would": "will",
    "expected": "set",
    "closed": "shut",
    "because of": "due to",
    "several": "a number of",
    "on Thursday": "on Thursday morning",
    "officials": "authorities",
    "warned": "cautioned",
    "announced": "said",
}
#: Sentences only one outlet has: two per rewrite, never shared between outlets.
OWN_SENTENCES = [
    "The details could not be independently verified.",
    "Our correspondent at the scene described long queues.",
    "A spokesperson declined to comment further when contacted on Thursday evening.",
    "Readers can follow updates on our live page.",
    "Similar incidents were reported in the region two years ago.",
    "Local opposition politicians demanded an inquiry.",
    "The union representing the staff has called an emergency meeting.",
    "Shares in rival firms were little changed in early trading.",
]


def _reword(sentence: str, rng: random.Random) -> str:
    for old, new in REWORDING.items():
        if f" {old} " in sentence and rng.random() < 0.7:
            sentence = sentence.replace(f" {old} ", f" {new} ", 1)
    # Trim a relative clause or an aside between commas.
    if rng.random() < 0.4:
        aside = r", (?:which|who|where|when|although|but)[^,]{5,80},"
        sentence = re.sub(aside, "", sentence, count=1)
    # Drop what follows the last comma when it is a trailing detail.
    if rng.random() < 0.2 and sentence.count(",") >= 2:
        sentence = sentence[: sentence.rindex(",")] + "."
    # "X, the agency said." -> "The agency said X."
    m = re.match(r"^(.{20,}), ((?:the |a )?[\w.' ]{2,40}?) (said|says|added)\.$", sentence)
    if m and rng.random() < 0.6:
        claim, source, verb = m.groups()
        sentence = f"{source[0].upper()}{source[1:]} {verb} {claim[0].lower()}{claim[1:]}."
    return sentence


def _change_figure(sentence: str, rng: random.Random) -> str:
    m = re.search(r"\b\d{2,}\b", sentence)
    if not m:
        return sentence
    changed = str(int(m.group()) + rng.randint(1, 9))
    return sentence[: m.start()] + changed + sentence[m.end() :]


def rewrites(outlets: int, seed: int) -> list[tuple[list[Document], list[list[Ref]]]]:
    """Per article of benchmarks/data/articles.md: the original and ``outlets - 1``
    rewrites (reworded, clauses trimmed, attribution moved, sentences dropped, merged,
    added, a figure changed, paragraphs swapped), with the true claim of every sentence."""
    if outlets > len(OWN_SENTENCES) // 2 + 1:
        raise ValueError(f"at most {len(OWN_SENTENCES) // 2 + 1} outlets: add own sentences")
    rng = random.Random(seed)
    stories = []
    for chunk in ARTICLES.read_text(encoding="utf-8").split("\n# "):
        body = chunk.split("\n", 1)[1]
        paragraphs = [split_sentences(p) for p in body.split("\n\n") if p.strip()]
        truth: dict[tuple[int, int], list[Ref]] = {}
        documents: list[Document] = []
        for d in range(outlets):
            order = list(range(len(paragraphs)))
            if d:
                i = rng.randrange(len(order) - 1)
                order[i], order[i + 1] = order[i + 1], order[i]
            paras: list[Paragraph] = []
            for p in order:
                pieces: list[tuple[str, list[tuple[int, int]]]] = []
                for s, sentence in enumerate(paragraphs[p]):
                    if d and rng.random() < 0.15:
                        continue
                    text = _reword(sentence, rng) if d else sentence
                    if d and rng.random() < 0.05:
                        text = _change_figure(text, rng)
                    if d and pieces and rng.random() < 0.1 and pieces[-1][0].endswith("."):
                        # Two sentences become one.
                        last, ids = pieces.pop()
                        text = f"{last[:-1]}, and {text[0].lower()}{text[1:]}"
                        pieces.append((text, [*ids, (p, s)]))
                        continue
                    pieces.append((text, [(p, s)]))
                if d and rng.random() < 0.1:
                    pieces.append((rng.choice(OWN_SENTENCES[2 * d - 2 : 2 * d]), []))
                if not pieces:
                    continue
                for k, (_, ids) in enumerate(pieces):
                    for claim in ids:
                        truth.setdefault(claim, []).append((d, len(paras), k))
                texts = [t for t, _ in pieces]
                paras.append(Paragraph(" ".join(texts), tuple(texts)))
            documents.append(Document(paragraphs=tuple(paras), site_name=f"Outlet {d + 1}"))
        stories.append((documents, list(truth.values())))
    return stories


def rewrite_quality(outlets: int, seed: int) -> dict[str, Score]:
    scores = {"storydiff": Score(), "exact": Score(), "fuzzy": Score()}
    for documents, truth in rewrites(outlets, seed):
        gold = links_of(truth)
        keep = list(range(len(documents)))
        coverage = compare_many(documents, CoverageOptions(force=True))
        predicted = links_of(
            [(m.doc, m.paragraph, m.sentence) for m in c.members] for c in coverage.claims
        )
        scores["storydiff"].add(predicted, gold)
        scores["exact"].add(links_of(exact_baseline(documents, keep)), gold)
        scores["fuzzy"].add(links_of(fuzzy_baseline(documents, keep)), gold)
    return scores


# ---------------------------------------------------------------------------------------
# Synthetic outlets for the speed run

SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "ra",
    "tu",
    "vo",
    "sel",
    "dan",
    "mer",
    "lin",
    "tor",
    "bra",
    "gus",
    "fen",
    "hal",
    "pim",
    "quo",
    "rin",
    "sta",
    "vek",
    "wol",
]
FILLER = tuple(
    [
        "the",
        "of",
        "to",
        "in",
        "and",
        "a",
        "for",
        "on",
        "that",
        "with",
        "as",
        "at",
        "by",
        "from",
        "was",
        "were",
        "has",
        "said",
        "it",
        "its",
    ]
)


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))))
    return sorted(words)


def _sentence(rng: random.Random, vocabulary: list[str], weights: list[float]) -> list[str]:
    out: list[str] = []
    for _ in range(rng.randint(14, 26)):
        if rng.random() < 0.4:
            out.append(rng.choice(FILLER))
        else:
            out.extend(rng.choices(vocabulary, cum_weights=weights))
    if rng.random() < 0.3:
        out.insert(rng.randint(0, len(out)), str(rng.randint(2, 5000)))
    out[0] = out[0].capitalize()
    return out


def synthetic(outlets: int, paragraphs: int, seed: int) -> tuple[list[Document], list[list[Ref]]]:
    """``outlets`` rewrites of one base story, and the true claim groups."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng, 6000)
    rng.shuffle(vocabulary)
    # Zipf-like word frequencies: a few words are common, most are rare, as in news text.
    weights = list(accumulate(1 / (rank + 10) for rank in range(len(vocabulary))))
    base = [[_sentence(rng, vocabulary, weights) for _ in range(4)] for _ in range(paragraphs)]
    truth: dict[tuple[int, int], list[Ref]] = {}
    documents: list[Document] = []
    for d in range(outlets):
        order = list(range(paragraphs))
        for _ in range(paragraphs // 10):
            i, j = rng.randrange(paragraphs), rng.randrange(paragraphs)
            order[i], order[j] = order[j], order[i]
        paras: list[Paragraph] = []
        for p in order:
            texts: list[str] = []
            for s, words in enumerate(base[p]):
                if d and rng.random() < 0.15:
                    continue
                words = list(words)
                if d and rng.random() < 0.5:
                    for _ in range(rng.randint(1, 4)):
                        words[rng.randrange(len(words))] = rng.choice(vocabulary[:400])
                if d and rng.random() < 0.05:
                    words = [str(int(w) + 1) if w.isdigit() else w for w in words]
                truth.setdefault((p, s), []).append((d, len(paras), len(texts)))
                texts.append(" ".join(words) + ".")
            if d and rng.random() < 0.1:
                texts.append(" ".join(_sentence(rng, vocabulary, weights)) + ".")
            if texts:
                # Sentences given as written: the truth must not depend on the splitter.
                paras.append(Paragraph(" ".join(texts), tuple(texts)))
        documents.append(Document(paragraphs=tuple(paras), site_name=f"Outlet {d + 1}"))
    return documents, list(truth.values())


def all_pairs_baseline(documents: Sequence[Document]) -> list[list[Ref]]:
    """Every sentence against every sentence of every other outlet with rapidfuzz's
    ``extractOne`` (token_set_ratio >= 70), best match per outlet, joined transitively."""
    from rapidfuzz import fuzz, process

    def best_links(left: Side, right: Side) -> Iterable[tuple[Ref, Ref]]:
        choices = [t for _, t in right]
        for ref, text in left:
            best = process.extractOne(text, choices, scorer=fuzz.token_set_ratio, score_cutoff=70)
            if best is not None:
                yield ref, right[best[2]][0]

    return linked_groups(documents, range(len(documents)), best_links)


@dataclass
class Timing:
    """One method on the synthetic outlets."""

    name: str
    wall: float
    cpu: float
    score: Score


def speed(outlets: int, paragraphs: int, seed: int, runs: int) -> tuple[list[Timing], int]:
    documents, truth = synthetic(outlets, paragraphs, seed)
    gold = links_of(truth)
    timings: list[Timing] = []

    def storydiff() -> list[list[Ref]]:
        coverage = compare_many(documents)
        return [[(m.doc, m.paragraph, m.sentence) for m in c.members] for c in coverage.claims]

    for name, method, repeat in (
        ("storydiff", storydiff, runs),
        ("all-pairs", lambda: all_pairs_baseline(documents), 1),
    ):
        wall = cpu = float("inf")
        groups: list[list[Ref]] = []
        for _ in range(repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            groups = method()
            wall = min(wall, time.perf_counter() - start)
            cpu = min(cpu, time.process_time() - start_cpu)
        score = Score()
        score.add(links_of(groups), gold)
        timings.append(Timing(name, wall, cpu, score))
    sentences = sum(len(p.sentences) for d in documents for p in d.paragraphs)
    return timings, sentences


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--outlets", type=int, default=10)
    parser.add_argument("--paragraphs", type=int, default=60)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--runs", type=int, default=5, help="timed runs; the best counts")
    parser.add_argument("--verbose", action="store_true", help="list false and missed links")
    parser.add_argument(
        "stories",
        nargs="*",
        type=Path,
        help="labelled story folders (default: fixtures/multi-*)",
    )
    args = parser.parse_args()

    folders = args.stories or sorted(ROOT.glob("fixtures/multi-*"))
    scores, decoys = fixture_quality(folders, args.verbose)
    print(f"Same-claim links on {len(folders)} labelled stories (micro-averaged)")
    print(f"{'method':<12}{'precision':>10}{'recall':>8}{'F1':>7}")
    for name, score in scores.items():
        print(f"{name:<12}{score.precision:>10.3f}{score.recall:>8.3f}{score.f1:>7.3f}")
    print()
    print("Same-claim links on rewrites of benchmarks/data/articles.md (5 outlets each)")
    print(f"{'method':<12}{'precision':>10}{'recall':>8}{'F1':>7}")
    for name, score in rewrite_quality(5, args.seed).items():
        print(f"{name:<12}{score.precision:>10.3f}{score.recall:>8.3f}{score.f1:>7.3f}")
    print()
    print("Decoy detection")
    for story, ok, found in decoys:
        print(f"  {story:<32}{'ok' if ok else 'WRONG':<7}set aside: {found}")
    print()
    timings, sentences = speed(args.outlets, args.paragraphs, args.seed, args.runs)
    load = os.getloadavg()[0]
    print(
        f"Speed: {args.outlets} outlets x {args.paragraphs} paragraphs ({sentences} sentences), "
        f"in-process, best of {args.runs} (the baseline runs once); load average {load:.1f} "
        f"on {os.cpu_count()} cores"
    )
    print(f"{'method':<12}{'wall ms':>9}{'cpu ms':>8}{'precision':>11}{'recall':>8}{'F1':>7}")
    for t in timings:
        print(
            f"{t.name:<12}{t.wall * 1000:>9.0f}{t.cpu * 1000:>8.0f}{t.score.precision:>11.3f}"
            f"{t.score.recall:>8.3f}{t.score.f1:>7.3f}"
        )
    seconds = timings[0].wall
    passed = (
        scores["storydiff"].f1 >= TARGET_F1
        and all(ok for _, ok, _ in decoys)
        and seconds < TARGET_SECONDS
    )
    print(
        f"\ntargets (F1 >= {TARGET_F1}, decoys set aside, < {TARGET_SECONDS:.0f} s): "
        f"{'met' if passed else 'NOT met'}"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
