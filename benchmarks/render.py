"""Renderer speed: each comparison format against difflib's text and HTML diffs, in one run.

The same synthetic pairs as ``speed.py`` (news-like paragraphs, ~10 % reworded, 5 % added,
5 % removed, 2 % moved). For each size it aligns once, then times, in-process:

- the terminal view, unified (80 columns) and side by side (160), plain and coloured;
- Markdown (context 2) and JSON;
- the HTML report, when ``compare.render.html`` is installed;
- the baselines over the same paragraphs: ``difflib.unified_diff`` (paragraphs as lines)
  and ``difflib.HtmlDiff().make_file``;

and the alignment itself, to show what share of a ``storydiff compare`` run rendering takes.
Times are CPU time of this process (steadier than wall time on a shared machine), best of
``--repeat`` runs.

    python benchmarks/render.py [--sizes 100,500,2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import difflib
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import document, make_pair

from compare import compare
from compare.model import Comparison
from compare.render import json as render_json
from compare.render import markdown, text

GENERATED_AT = "2026-05-24T10:00:00Z"


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def renderers(c: Comparison) -> dict[str, Callable[[], str]]:
    found: dict[str, Callable[[], str]] = {
        "text 80": lambda: text.comparison(c, width=80, color=False, context=2),
        "text 80 colour": lambda: text.comparison(c, width=80, color=True, context=2),
        "text 160": lambda: text.comparison(c, width=160, color=False, context=2),
        "markdown": lambda: markdown.comparison(c, context=2),
        "json": lambda: render_json.comparison(c, GENERATED_AT),
    }
    try:
        from compare.render.html import render_comparison
    except ImportError:
        return found
    found["html report"] = lambda: render_comparison(c, generated_at=GENERATED_AT)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sizes", default="100,500,2000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    table: dict[str, dict[int, float]] = {}
    for n in sizes:
        old, new = make_pair(n)
        doc_a, doc_b = document(old), document(new)
        comparison = compare(doc_a, doc_b)
        table.setdefault("(alignment: compare)", {})[n] = best(
            lambda: compare(doc_a, doc_b),  # noqa: B023
            args.repeat,
        )
        for name, render in renderers(comparison).items():
            table.setdefault(name, {})[n] = best(render, args.repeat)
        table.setdefault("baseline difflib.unified_diff", {})[n] = best(
            lambda: "\n".join(difflib.unified_diff(old, new, lineterm="")),  # noqa: B023
            args.repeat,
        )
        table.setdefault("baseline difflib.HtmlDiff", {})[n] = best(
            lambda: difflib.HtmlDiff().make_file(old, new),  # noqa: B023
            max(1, args.repeat - 1),
        )
    print(f"{'CPU ms, best of ' + str(args.repeat):<32}", end="")
    print("".join(f"{str(n) + ' ¶':>12}" for n in sizes))
    for name, times in table.items():
        print(f"{name:<32}" + "".join(f"{times[n] * 1000:>12.1f}" for n in sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
