"""Extraction quality: storydiff's extractor against plain ``trafilatura.extract``, same run.

``python benchmarks/extraction.py DIR [--check]`` scores a folder in the layout of the public
article-extraction-benchmark (DIR/html/<id>.html.gz, and DIR/ground-truth.json mapping
id -> {"articleBody", "url"}): precision, recall and F1 over word 4-gram shingles (lower-cased
word tokens, counted as a multiset) per document, averaged over documents. ``--check`` exits 1
when storydiff scores below the baseline on any document.

``python benchmarks/extraction.py --fixtures`` scores the fixtures' expected.json snippets:
the share of must_include snippets kept, of must_exclude snippets left out, and of no-article
pages refused.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.errors import ExtractionError  # noqa: E402
from compare.extract import extract  # noqa: E402
from compare.model import Provenance, Snapshot  # noqa: E402

#: An extractor under test: (html, url) -> (title, body text); body "" when it finds none.
Extractor = Callable[[str, str | None], tuple[str, str]]

_WORD = re.compile(r"\w+")


def storydiff(html: str, url: str | None) -> tuple[str, str]:
    """storydiff's extraction; the summary counts as body text (it was on the page once)."""
    snapshot = Snapshot(html.encode("utf-8"), "html", Provenance(spec=url or "", url=url))
    try:
        document = extract(snapshot)
    except ExtractionError:
        return "", ""
    parts = [document.summary or ""] + [p.text for p in document.paragraphs]
    return document.title or "", "\n".join(p for p in parts if p)


def trafilatura_baseline(html: str, url: str | None) -> tuple[str, str]:
    """Plain ``trafilatura.extract`` with its default settings: the baseline."""
    import trafilatura

    return "", trafilatura.extract(html, url=url) or ""


EXTRACTORS: dict[str, Extractor] = {
    "storydiff": storydiff,
    "trafilatura": trafilatura_baseline,
}


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Word n-grams of lower-cased word tokens, with their counts."""
    tokens = _WORD.findall(text.lower())
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


@dataclass(frozen=True)
class Score:
    """Shingle overlap of one extraction with its ground truth."""

    precision: float
    """Share of the extracted shingles that are in the ground truth."""
    recall: float
    """Share of the ground-truth shingles that were extracted."""

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def score(truth: str, predicted: str) -> Score:
    """Multiset shingle matching; an empty extraction scores 0 unless the truth is empty."""
    expected, found = shingles(truth), shingles(predicted)
    tp = sum((expected & found).values())
    fp = sum(found.values()) - tp
    fn = sum(expected.values()) - tp
    if fp == fn == 0:
        return Score(1.0, 1.0)
    return Score(tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0)


def read_html(path: Path) -> str:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("utf-8", errors="replace")


@dataclass(frozen=True)
class FolderResult:
    """Per-document scores of every extractor on one benchmark folder."""

    ids: tuple[str, ...]
    """Document ids in order."""
    scores: dict[str, tuple[Score, ...]]
    """Extractor name -> one score per document."""
    seconds: dict[str, float]
    """Extractor name -> total extraction time."""

    def mean(self, name: str, attr: str) -> float:
        return statistics.fmean(getattr(s, attr) for s in self.scores[name])

    def worse(self, name: str, baseline: str) -> list[tuple[str, float, float]]:
        """Documents where ``name`` scores a lower F1 than ``baseline``."""
        pairs = zip(self.ids, self.scores[name], self.scores[baseline], strict=True)
        return [(i, a.f1, b.f1) for i, a, b in pairs if a.f1 < b.f1 - 1e-9]


def score_folder(folder: Path, extractors: dict[str, Extractor] | None = None) -> FolderResult:
    """Run every extractor over DIR/html/<id>.html.gz and score it against ground-truth.json."""
    extractors = extractors or EXTRACTORS
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ids = tuple(sorted(truth))
    pages = {i: read_html(folder / "html" / f"{i}.html.gz") for i in ids}
    scores: dict[str, tuple[Score, ...]] = {}
    seconds: dict[str, float] = {}
    for name, run in extractors.items():
        run(pages[ids[0]], truth[ids[0]].get("url"))  # warm up: imports are not extraction
        started = time.perf_counter()
        bodies = [run(pages[i], truth[i].get("url"))[1] for i in ids]
        seconds[name] = time.perf_counter() - started
        scores[name] = tuple(
            score(truth[i].get("articleBody", ""), b) for i, b in zip(ids, bodies, strict=True)
        )
    return FolderResult(ids, scores, seconds)


def print_folder(folder: Path, result: FolderResult) -> None:
    print(f"Extraction quality on {folder} ({len(result.ids)} documents, word 4-gram shingles)")
    print()
    header = (
        f"{'extractor':<13} {'precision':>9} {'recall':>7} {'F1/doc':>7} {'F1(P,R)':>8} {'s':>6}"
    )
    print(header)
    print("-" * len(header))
    for name in result.scores:
        precision, recall = result.mean(name, "precision"), result.mean(name, "recall")
        pooled = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(
            f"{name:<13} {precision:>9.3f} {recall:>7.3f} {result.mean(name, 'f1'):>7.3f} "
            f"{pooled:>8.3f} {result.seconds[name]:>6.1f}"
        )
    print()
    print("F1/doc: mean of per-document F1; F1(P,R): F1 of mean precision and mean recall,")
    print("as the public benchmark reports it.")
    if len(result.ids) <= 40:
        print()
        names = list(result.scores)
        print(f"{'document':<28}" + "".join(f" {n:>12}" for n in names))
        for index, doc_id in enumerate(result.ids):
            cells = "".join(f" {result.scores[n][index].f1:>12.3f}" for n in names)
            print(f"{doc_id[:28]:<28}{cells}")
    worse = result.worse("storydiff", "trafilatura")
    print()
    print(
        f"storydiff F1 >= trafilatura on {len(result.ids) - len(worse)} of "
        f"{len(result.ids)} documents"
    )
    for doc_id, ours, theirs in worse:
        print(f"  worse: {doc_id}  {ours:.3f} < {theirs:.3f}")


@dataclass(frozen=True)
class FixtureResult:
    """Snippet scores of one extractor over every fixture page."""

    kept: int
    """must_include snippets found in the body."""
    included: int
    """must_include snippets in all."""
    left_out: int
    """must_exclude snippets absent from title and body."""
    excluded: int
    """must_exclude snippets in all."""
    refused: int
    """No-article pages (exit code 4) on which nothing was extracted."""
    no_article: int
    """No-article pages in all."""
    misses: tuple[str, ...]
    """A line per snippet lost or chrome kept."""


def score_fixtures(fixtures: Path, run: Extractor) -> FixtureResult:
    kept = included = left_out = excluded = refused = no_article = 0
    misses: list[str] = []
    for expected_path in sorted(fixtures.glob("*/expected.json")):
        story = json.loads(expected_path.read_text(encoding="utf-8"))
        for name, page in sorted(story.get("pages", {}).items()):
            html = read_html(expected_path.parent / name)
            title, body = run(html, None)
            label = f"{expected_path.parent.name}/{name}"
            if page.get("exit_code", 0):
                no_article += 1
                refused += not body.strip()
                if body.strip():
                    misses.append(f"{label}: extracted text from a page with no article")
                continue
            flat = " ".join(body.split())
            everything = " ".join(f"{title} {body}".split())
            for snippet in page.get("must_include", []):
                included += 1
                found = " ".join(snippet.split()) in flat
                kept += found
                if not found:
                    misses.append(f"{label}: lost {snippet[:70]!r}")
            for snippet in page.get("must_exclude", []):
                excluded += 1
                leaked = " ".join(snippet.split()) in everything
                left_out += not leaked
                if leaked:
                    misses.append(f"{label}: kept {snippet[:70]!r}")
    return FixtureResult(kept, included, left_out, excluded, refused, no_article, tuple(misses))


def print_fixtures(fixtures: Path, results: dict[str, FixtureResult]) -> None:
    print(f"Fixture snippets in {fixtures}")
    print()
    header = f"{'extractor':<13} {'kept':>14} {'chrome out':>14} {'no-article refused':>19}"
    print(header)
    print("-" * len(header))

    def share(a: int, b: int) -> str:
        return f"{a}/{b} {a / b:.3f}" if b else "-"

    for name, r in results.items():
        print(
            f"{name:<13} {share(r.kept, r.included):>14} {share(r.left_out, r.excluded):>14} "
            f"{share(r.refused, r.no_article):>19}"
        )
    for name, r in results.items():
        if r.misses:
            print()
            print(f"{name}:")
            for miss in r.misses:
                print(f"  {miss}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "folder", nargs="?", type=Path, help="benchmark folder (html/, ground-truth.json)"
    )
    parser.add_argument("--fixtures", action="store_true", help="score the fixtures' snippets")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if storydiff is below the baseline anywhere"
    )
    args = parser.parse_args(argv)
    if args.fixtures:
        fixtures = ROOT / "fixtures"
        results = {name: score_fixtures(fixtures, run) for name, run in EXTRACTORS.items()}
        print_fixtures(fixtures, results)
        ours, theirs = results["storydiff"], results["trafilatura"]
        worse = ours.kept < theirs.kept or ours.left_out < theirs.left_out
        return 1 if args.check and worse else 0
    if args.folder is None:
        parser.error("give a benchmark folder or --fixtures")
    result = score_folder(args.folder)
    print_folder(args.folder, result)
    return 1 if args.check and result.worse("storydiff", "trafilatura") else 0


if __name__ == "__main__":
    sys.exit(main())
