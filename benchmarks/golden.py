"""Guard for speed work: snapshot every output before a change, check it is identical after.

It records the extracted Document of every fixture page and extraction sample, the JSON of
every pairwise comparison of the pages in each fixture folder, and the documents and JSON
comparisons (default options, and moves off with a lower threshold) of the speed
benchmark's 20-, 500- and 2,000-paragraph pairs. Takes ~5 s.

    python benchmarks/golden.py write [--file PATH]   # before the change
    python benchmarks/golden.py check [--file PATH]   # after it: exit 1 on any difference

``--worker`` finds every comparison's meaning changes in the facets worker
(compare/facets_worker.py), forced on whatever the size or the machine's load; checked
against a snapshot written without it, it shows the worker changes nothing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import tempfile
from pathlib import Path

from speed import make_pair

from compare import compare, load
from compare.errors import StorydiffError
from compare.model import CompareOptions
from compare.render import json as render_json

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = Path(tempfile.gettempdir()) / "storydiff-golden.json"


def outputs(workdir: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    pages = sorted(
        [
            *ROOT.glob("fixtures/*/*.html"),
            *ROOT.glob("fixtures/*/*.txt"),
            *(ROOT / "benchmarks/data/extraction-sample").glob("*"),
        ]
    )
    docs = {}
    for page in pages:
        name = str(page.relative_to(ROOT))
        try:
            docs[page] = load(str(page))
            out[f"doc:{name}"] = repr(docs[page])
        except StorydiffError as error:
            out[f"doc:{name}"] = f"error: {error}"
    for folder in sorted(ROOT.glob("fixtures/*/")):
        loaded = [p for p in pages if p.parent == folder and p in docs]
        for old, new in itertools.permutations(loaded, 2):
            key = f"compare:{old.relative_to(ROOT)}:{new.relative_to(ROOT)}"
            out[key] = render_json.comparison(compare(docs[old], docs[new]), "T")
    for size in (20, 500, 2000):
        paths = []
        for side, paragraphs in zip(("old", "new"), make_pair(size), strict=True):
            path = workdir / f"{side}-{size}.txt"
            path.write_text("\n\n".join(paragraphs), encoding="utf-8")
            os.utime(path, (0, 0))  # fetched_at is the file's time: keep it fixed
            paths.append(path)
        a, b = load(str(paths[0])), load(str(paths[1]))
        out[f"doc:speed-old-{size}"], out[f"doc:speed-new-{size}"] = repr(a), repr(b)
        out[f"compare:speed-{size}"] = render_json.comparison(compare(a, b), "T")
        other = CompareOptions(detect_moves=False, threshold=0.3)
        out[f"compare:speed-{size}-other"] = render_json.comparison(compare(a, b, other), "T")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=("write", "check"))
    parser.add_argument("--file", type=Path, default=DEFAULT)
    parser.add_argument("--worker", action="store_true", help="force the facets worker")
    args = parser.parse_args()
    if args.worker:
        from compare import facets_worker

        facets_worker.MIN_CHANGED_PARAGRAPHS = 1
        facets_worker._running_tasks = lambda: 1  # as if every other core stood idle
    # The same paths every run: a document's provenance holds its path.
    workdir = Path(tempfile.gettempdir()) / "storydiff-golden-pairs"
    workdir.mkdir(exist_ok=True)
    now = outputs(workdir)
    if args.action == "write":
        args.file.write_text(json.dumps(now), encoding="utf-8")
        print(f"wrote {len(now)} outputs to {args.file}")
        return 0
    before = json.loads(args.file.read_text(encoding="utf-8"))
    differ = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    print(f"checked {len(before)} outputs against {args.file}: {len(differ)} differ")
    for key in differ[:20]:
        print(f"  {key}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
