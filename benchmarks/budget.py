"""Where the whole-process time goes at 2,000 paragraphs, against difflib.HtmlDiff's.

Issue 3 asks for the whole ``storydiff compare --format json`` process on the 2,000-paragraph
pair in at most half the time of a Python process running ``difflib.HtmlDiff().make_file``.
This prints, from one run with the processes taken in turn (so the machine's swings fall on
all of them alike), what each layer of that process costs as a share of HtmlDiff's time:

- ``python -c pass``: the interpreter starting and stopping;
- read + split + JSON: the least any Python tool could do with the pair (read both files,
  split paragraphs and sentences, write them as JSON; no alignment);
- ``storydiff --version``: start-up with the CLI's imports;
- ``storydiff compare OLD COPY``: the same with both files loaded, paired and written
  (nothing reworded: no fuzzy matching, word diff or facets);
- ``storydiff compare OLD NEW``: the real run.

    python benchmarks/budget.py [--rounds 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from speed import DIFFLIB_SCRIPT, make_pair, run_process

LEAST_WORK = """
import json, re, sys
split = re.compile(r"(?<=[.!?])\\s+(?=[A-Z])").split
docs = []
for path in sys.argv[1:3]:
    paragraphs = open(path, encoding="utf-8").read().split("\\n\\n")
    docs.append({"paragraphs": [{"text": p, "sentences": split(p)} for p in paragraphs]})
sys.stdout.write(json.dumps({"documents": docs}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        # As in speed.py: the CLI gets a bytecode cache and a regex cache of its own, filled
        # before timing.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp, "pycache"))
        env["STORYDIFF_CACHE_DIR"] = str(Path(tmp, "regex-cache"))
        warm_up = "import compare.cli, compare.align, compare.extract, compare.facets, orjson"
        subprocess.run([python, "-c", warm_up], env=env, check=True)
        old, new = make_pair(2000)
        a, b, same = Path(tmp, "old.txt"), Path(tmp, "new.txt"), Path(tmp, "same.txt")
        a.write_text("\n\n".join(old), encoding="utf-8")
        b.write_text("\n\n".join(new), encoding="utf-8")
        same.write_bytes(a.read_bytes())
        storydiff = [python, "-m", "compare"]
        fill = [*storydiff, "compare", "-f", "json", str(a), str(b)]
        subprocess.run(fill, env=env, stdout=subprocess.DEVNULL, check=False)
        runs = {
            "python -c pass": [python, "-c", "pass"],
            "read + split + JSON": [python, "-c", LEAST_WORK, str(a), str(b)],
            "storydiff --version": [*storydiff, "--version"],
            "storydiff compare OLD COPY": [*storydiff, "compare", "-f", "json", str(a), str(same)],
            "storydiff compare OLD NEW": [*storydiff, "compare", "-f", "json", str(a), str(b)],
            "difflib.HtmlDiff process": [python, "-c", DIFFLIB_SCRIPT, str(a), str(b)],
        }
        times: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(args.rounds):
            for name, argv in runs.items():
                times[name].append(run_process(argv, 1, env)[0])
    html = statistics.median(times["difflib.HtmlDiff process"])
    print(f"{'process (2,000 paragraphs)':<28} {'median':>9} {'best':>9} {'/ HtmlDiff':>11}")
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"{name:<28} {median * 1000:>6.0f} ms {min(values) * 1000:>6.0f} ms "
            f"{median / html:>10.2f}x"
        )
    print(f"\ntarget: the real run at most 0.5x, {html * 500:.0f} ms here ({args.rounds} rounds)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
