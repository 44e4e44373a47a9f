"""Speed and memory: storydiff against difflib.HtmlDiff and git's word diff, in one run.

Pairs of 20 to 8,000 paragraphs (~60 words each; ~10 % reworded, 5 % added, 5 % removed,
2 % moved) are made from the project's article text with words shuffled between sentences
so that every paragraph is distinct. For each size it times:

- ``compare`` + JSON in a fresh process that has loaded both files (so without start-up),
  with the meaning-level facets as shipped (a worker finds them on the second core while
  the first aligns, when that pays); what facets add to that time (the same without them
  subtracted); and their CPU time (found in the same process instead);
- the whole ``storydiff compare --format json`` process;
- a Python process running ``difflib.HtmlDiff().make_file`` over the paragraphs;
- ``git diff --no-index --word-diff`` (whole process);

and the peak memory (max RSS) of each process. Times are the best of ``--repeat`` runs.

    python benchmarks/speed.py [--sizes 20,100,500,2000,8000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from compare.model import Document, Paragraph
from compare.text import split_sentences

DATA = Path(__file__).parent / "data" / "articles.md"
DIFFLIB_SCRIPT = """
import difflib, sys
a = open(sys.argv[1], encoding="utf-8").read().split("\\n\\n")
b = open(sys.argv[2], encoding="utf-8").read().split("\\n\\n")
sys.stdout.write(difflib.HtmlDiff().make_file(a, b))
"""

#: One comparison + JSON in a fresh process, as the CLI makes it, timed without start-up and
#: loading: facets "on" (the default: found by a worker on the second core when it pays),
#: "off", or "serial" (found in the same process, which is their CPU cost).
COMPARE_SCRIPT = """
import sys, time
from compare import CompareOptions, compare, facets_worker, load
from compare.render import json as render_json
facets, a, b = sys.argv[1:4]
if facets == "serial":
    facets_worker.MIN_CHANGED_PARAGRAPHS = 10**9
old, new = load(a), load(b)
start = time.perf_counter()
render_json.comparison_bytes(compare(old, new, CompareOptions(facets=facets != "off")))
print(time.perf_counter() - start)
"""


def corpus() -> tuple[list[str], list[str]]:
    text = DATA.read_text(encoding="utf-8")
    body = [line for line in text.splitlines() if line and not line.startswith("#")]
    sentences = [s for line in body for s in split_sentences(line)]
    vocabulary = sorted({w for s in sentences for w in re.findall(r"[A-Za-z]{4,}", s)})
    return sentences, vocabulary


def rare_word(rng: random.Random) -> str:
    """A made-up name: real articles are full of names and figures found nowhere else."""
    syllables = ["ka", "lo", "ven", "mar", "tis", "del", "ru", "sa", "bor", "nia", "quin", "te"]
    return "".join(rng.choice(syllables) for _ in range(3)).capitalize()


def paragraph(rng: random.Random, sentences: list[str], vocabulary: list[str]) -> str:
    """About 60 words of news-like prose, distinct from every other paragraph."""
    out: list[str] = []
    while sum(len(s.split()) for s in out) < 55:
        words = rng.choice(sentences).split()
        for k in range(len(words)):
            if rng.random() < 0.25 and words[k].isalpha():
                words[k] = rng.choice(vocabulary).lower()
            elif rng.random() < 0.05 and words[k].isalpha():
                words[k] = rare_word(rng)
        out.append(" ".join(words))
    return " ".join(out)


def make_pair(n: int, seed: int = 1) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    sentences, vocabulary = corpus()
    old = [paragraph(rng, sentences, vocabulary) for _ in range(n)]
    new: list[str] = []
    for text in old:
        roll = rng.random()
        if roll < 0.05:
            continue  # removed
        if roll < 0.15:
            words = text.split()
            for _ in range(3):
                words[rng.randrange(len(words))] = rng.choice(vocabulary).lower()
            text = " ".join(words)  # reworded
        new.append(text)
        if rng.random() < 0.05:
            new.append(paragraph(rng, sentences, vocabulary))  # added
    for _ in range(max(1, n // 50)):  # moved
        k = rng.randrange(len(new))
        new.insert(rng.randrange(len(new)), new.pop(k))
    return old, new


def document(paragraphs: list[str]) -> Document:
    return Document(tuple(Paragraph(p, tuple(split_sentences(p))) for p in paragraphs))


def run_process(
    argv: list[str], repeat: int, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """Best wall time (s) and peak RSS (MB) of a whole process."""
    times, peak = [], 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            raise SystemExit(
                f"{argv[0]} failed: {proc.stderr.read().decode() if proc.stderr else ''}"
            )
        peak = max(peak, usage.ru_maxrss / 1024)
    return min(times), peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="20,100,500,2000,8000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    storydiff = [sys.executable, "-m", "compare", "compare", "--format", "json"]
    git = shutil.which("git")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        # An installed package has its bytecode compiled (pip does it; the standard library,
        # which difflib runs from, ships it). A source checkout may not: PYTHONDONTWRITEBYTECODE
        # is often set, and then every run would compile our modules again. Give the CLI a
        # bytecode cache of its own and fill it once before timing.
        cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        cached["PYTHONPYCACHEPREFIX"] = str(Path(tmp, "pycache"))
        # The same for its compiled regexes (compare/regex_cache.py): the first runs below
        # fill a cache of its own, and `min` takes the runs that read it. At 2,000
        # paragraphs the CLI is timed without it too, as a first run after an install is.
        cached["STORYDIFF_CACHE_DIR"] = str(Path(tmp, "regex-cache"))
        warm_up = "import compare.cli, compare.align, compare.extract, compare.facets, orjson"
        subprocess.run([sys.executable, "-c", warm_up], env=cached, check=True)
        for n in (int(s) for s in args.sizes.split(",")):
            old, new = make_pair(n)
            a, b = Path(tmp, f"old-{n}.txt"), Path(tmp, f"new-{n}.txt")
            a.write_text("\n\n".join(old), encoding="utf-8")
            b.write_text("\n\n".join(new), encoding="utf-8")

            def in_fresh_process(facets: str) -> float:
                return min(
                    float(
                        subprocess.run(
                            [sys.executable, "-c", COMPARE_SCRIPT, facets, str(a), str(b)],  # noqa: B023
                            env=cached,
                            check=True,
                            capture_output=True,
                            text=True,
                        ).stdout
                    )
                    for _ in range(args.repeat)
                )

            t_api = in_fresh_process("on")
            t_off = in_fresh_process("off")
            t_serial = in_fresh_process("serial")
            t_cli, m_cli = run_process([*storydiff, str(a), str(b)], args.repeat, cached)
            t_html, m_html = run_process(
                [sys.executable, "-c", DIFFLIB_SCRIPT, str(a), str(b)], max(1, args.repeat - 1)
            )
            t_git = float("nan")
            if git:
                t_git, _ = run_process(
                    [git, "diff", "--no-index", "--word-diff", str(a), str(b)], args.repeat
                )
            rows.append(
                (n, t_api, t_api - t_off, t_serial - t_off, t_cli, m_cli, t_html, m_html, t_git)
            )
            if n == 2000:
                # OLD against a copy of itself: every paragraph pairs by its key, no sentence
                # is matched fuzzily, no word diff or facet is found. What is left (start-up,
                # loading, the records, the JSON) is a floor no faster alignment goes below.
                same = Path(tmp, f"same-{n}.txt")
                same.write_bytes(a.read_bytes())
                t_floor, _ = run_process([*storydiff, str(a), str(same)], args.repeat, cached)
                no_cache = {**cached, "STORYDIFF_CACHE_DIR": ""}
                t_uncached, _ = run_process([*storydiff, str(a), str(b)], args.repeat, no_cache)

    print(
        f"{'paragraphs':>10} {'compare+json':>13} {'facets add':>11} {'facets CPU':>11} "
        f"{'storydiff CLI':>14} {'peak MB':>8} {'difflib.HtmlDiff':>17} {'peak MB':>8} "
        f"{'CLI/HtmlDiff':>13} {'git word-diff':>14}"
    )
    for n, t_api, t_add, t_cpu, t_cli, m_cli, t_html, m_html, t_git in rows:
        print(
            f"{n:>10} {t_api * 1000:>10.1f} ms {t_add * 1000:>8.1f} ms {t_cpu * 1000:>8.1f} ms "
            f"{t_cli * 1000:>11.1f} ms {m_cli:>8.1f} {t_html * 1000:>14.1f} ms {m_html:>8.1f} "
            f"{t_cli / t_html:>13.2f} {t_git * 1000:>11.1f} ms"
        )
    by_size = {r[0]: r for r in rows}
    if 2000 in by_size:
        _, _, t_add, t_cpu, t_cli, _, t_html, _, _ = by_size[2000]
        print(
            f"\nfacets at 2,000 paragraphs: they add {t_add * 1000:.0f} ms to the comparison "
            f"(target at most 100 ms); {t_cpu * 1000:.0f} ms when found in the same process"
        )
        summary = (
            f"\nwhole CLI process at 2,000 paragraphs: {t_cli / t_html:.2f}x difflib.HtmlDiff's "
            "(target at most 0.5x)"
        )
        smallest = min(by_size)
        if smallest < 2000:  # a smaller pair's run is start-up and imports, ~no work
            startup = by_size[smallest][4]
            summary += (
                f"; {startup * 1000:.0f} ms of it is start-up (the {smallest}-paragraph run), "
                f"{startup / t_html:.2f}x HtmlDiff's time alone"
            )
        print(summary)
        print(
            f"the same process on OLD and a copy of it (nothing reworded, so no fuzzy matching, "
            f"word diff or facets): {t_floor * 1000:.0f} ms, {t_floor / t_html:.2f}x HtmlDiff's"
        )
        print(
            f"the whole CLI process without its regex cache (every pattern compiled, as on the "
            f"first run): {t_uncached * 1000:.0f} ms, {t_uncached / t_html:.2f}x HtmlDiff's"
        )
    sizes = {r[0]: r[1] for r in rows}
    growth = [
        f"{small}->{big}: x{sizes[big] / sizes[small]:.2f}"
        for small, big in ((500, 2000), (2000, 8000))
        if small in sizes and big in sizes
    ]
    if growth:
        print("\ncompare+json time for 4x the paragraphs (target at most x5):", "  ".join(growth))
    return 0


if __name__ == "__main__":
    sys.exit(main())
