"""HTML report: render time, file size and time to open in headless chromium, beside
difflib.HtmlDiff on the same pair.

    .venv/bin/python benchmarks/report.py [--paragraphs 2000] [--runs 5] [--no-browser]

The pair is a synthetic fictional story (seeded, so every run is the same): NEW rewords
about one paragraph in twelve, drops and adds one in a hundred and moves a few. The
comparison itself is made once and not timed: this measures the renderers only.
"""

from __future__ import annotations

import argparse
import difflib
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from compare import compare
from compare.model import Document, Paragraph
from compare.render.html import render_comparison
from compare.text import split_sentences

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))

LINES = (
    "council harbour river police said officials residents on Tuesday the a of to and in",
    "was were had been would could after before during report vote budget school road",
    "bridge flood water power week month year people homes families workers engineers",
    "mayor minister spokesperson statement inquiry rescue crews hospital station market",
    "north south east west quay lane street district town village county region",
)
WORDS = " ".join(LINES).split()


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    if rng.random() < 0.3:
        words.insert(rng.randint(1, len(words) - 1), str(rng.randint(2, 900)))
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))


def reword(text: str, rng: random.Random) -> str:
    words = text.split()
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(words))
        words[i] = rng.choice(WORDS) + ("." if words[i].endswith(".") else "")
    return " ".join(words)


def story_pair(paragraphs: int, seed: int = 7) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    old = [paragraph(rng) for _ in range(paragraphs)]
    new: list[str] = []
    for text in old:
        roll = rng.random()
        if roll < 0.01:
            continue
        new.append(reword(text, rng) if roll < 0.09 else text)
        if rng.random() < 0.01:
            new.append(paragraph(rng))
    for _ in range(max(1, paragraphs // 400)):
        new.insert(rng.randrange(len(new)), new.pop(rng.randrange(len(new))))
    return old, new


def document(texts: list[str], title: str) -> Document:
    return Document(
        paragraphs=tuple(Paragraph(t, tuple(split_sentences(t))) for t in texts),
        title=title,
        site_name="The Benchmark Gazette",
        language="en",
    )


def best_and_median(timings: list[float]) -> str:
    return f"{min(timings) * 1000:8.1f} {statistics.median(timings) * 1000:8.1f}"


def open_times(paths: list[Path], runs: int) -> list[tuple[list[float], list[float]]]:
    """For each page: seconds from ``goto`` until it is ready as Playwright sees it (our
    script has set ``data-ready``; the load event for a page without it), and seconds
    from navigation start to DOMContentLoaded as the page itself measures it (the
    report's script runs at the end of the body, before that event)."""
    from chromium import launch
    from playwright.sync_api import sync_playwright

    results: list[tuple[list[float], list[float]]] = [([], []) for _ in paths]
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for _ in range(runs):
            for i, path in enumerate(paths):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                start = time.perf_counter()
                page.goto(path.as_uri(), wait_until="load")
                page.wait_for_function(
                    "!document.querySelector('.toolbar') || "
                    "document.documentElement.dataset.ready === 'true'"
                )
                results[i][0].append(time.perf_counter() - start)
                in_page = page.evaluate(
                    "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
                )
                results[i][1].append(in_page / 1000)
                page.close()
        browser.close()
    return results


#: Pairwise fixture stories: short real-length stories, where the inlined CSS and JS weigh most.
FIXTURE_PAIRS = [
    ("updated-council-vote/v1.html", "updated-council-vote/v4.html"),
    ("wire-harbour-fire/wire.html", "wire-harbour-fire/outlet-b.html"),
    ("liveblog-storm/v1.html", "liveblog-storm/v2.html"),
]


def fixture_sizes() -> None:
    """Report size against difflib.HtmlDiff for the fixture stories."""
    from compare import load

    print(f"\n{'fixture pair':<58} {'¶':>4} {'KiB':>6} {'difflib':>8} {'ratio':>6}")
    for old_path, new_path in FIXTURE_PAIRS:
        comparison = compare(
            load(str(ROOT / "fixtures" / old_path)), load(str(ROOT / "fixtures" / new_path))
        )
        ours = len(render_comparison(comparison, generated_at="x").encode())
        theirs = len(
            difflib.HtmlDiff()
            .make_file(
                [p.text for p in comparison.old.paragraphs],
                [p.text for p in comparison.new.paragraphs],
            )
            .encode()
        )
        name = f"{old_path} → {Path(new_path).name}"
        paragraphs = len(comparison.old.paragraphs)
        print(
            f"{name:<58} {paragraphs:>4} {ours / 1024:6.1f} {theirs / 1024:8.1f} "
            f"{ours / theirs:5.2f}x"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paragraphs", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true", help="skip the chromium timings")
    parser.add_argument(
        "--fixtures", action="store_true", help="also compare sizes on the fixture stories"
    )
    args = parser.parse_args()

    old_texts, new_texts = story_pair(args.paragraphs)
    started = time.perf_counter()
    comparison = compare(document(old_texts, "Old"), document(new_texts, "New"))
    aligned = time.perf_counter() - started

    ours: list[float] = []
    ours_cpu: list[float] = []
    html = ""
    for _ in range(args.runs):
        started, cpu = time.perf_counter(), time.process_time()
        html = render_comparison(comparison, generated_at="2026-01-01T00:00:00Z")
        ours.append(time.perf_counter() - started)
        ours_cpu.append(time.process_time() - cpu)

    theirs: list[float] = []
    theirs_cpu: list[float] = []
    baseline = ""
    for _ in range(args.runs):
        started, cpu = time.perf_counter(), time.process_time()
        baseline = difflib.HtmlDiff().make_file(old_texts, new_texts, "old", "new")
        theirs.append(time.perf_counter() - started)
        theirs_cpu.append(time.process_time() - cpu)

    size, base_size = len(html.encode()), len(baseline.encode())
    changed = sum(1 for b in comparison.blocks if b.op != "equal" or b.moved)
    print(
        f"{len(old_texts)} → {len(new_texts)} paragraphs, {changed} changed blocks "
        f"(aligned once in {aligned * 1000:.0f} ms, not counted); best of {args.runs}\n"
    )
    print(f"{'render':<28} {'wall ms':>8} {'cpu ms':>8} {'size KiB':>9} {'vs difflib':>10}")
    for name, wall, cpu, bytes_ in (
        ("storydiff html", ours, ours_cpu, size),
        ("difflib.HtmlDiff.make_file", theirs, theirs_cpu, base_size),
    ):
        print(
            f"{name:<28} {min(wall) * 1000:8.1f} {min(cpu) * 1000:8.1f} "
            f"{bytes_ / 1024:9.0f} {bytes_ / base_size:9.2f}x"
        )

    if not args.no_browser:
        with tempfile.TemporaryDirectory() as folder:
            paths = [Path(folder) / name for name in ("sd.html", "difflib.html", "empty.html")]
            paths[0].write_text(html, encoding="utf-8")
            paths[1].write_text(baseline, encoding="utf-8")
            paths[2].write_text("<!DOCTYPE html><title>empty</title><p>empty", encoding="utf-8")
            timings = open_times(paths, args.runs)
        print(f"\n{'open in headless chromium':<28} {'wall ms':>8} {'median':>8} {'in-page':>8}")
        names = ("storydiff html (ready)", "difflib.HtmlDiff (loaded)", "an empty page (the floor)")
        for name, (wall, in_page) in zip(names, timings, strict=True):
            print(f"{name:<28} {best_and_median(wall)} {min(in_page) * 1000:8.1f}")
    if args.fixtures:
        fixture_sizes()
    return 0


if __name__ == "__main__":
    sys.exit(main())
