"""Publishing speed: `track --report-dir --jsonl` re-fetching one edited story N times.

    python benchmarks/publish.py                  # 20 edits, median of 5 runs
    python benchmarks/publish.py --edits 5 --runs 1   # a quick look

A local server serves the council fixture's versions 2, 3 and 4 in turn, so each fetch
stores a new version, writes its report and finds its key changes. Timed: the `track`
calls alone (the store, the server and the first version are made before), wall and CPU.
Baseline, in the same process: the report made as before ops23, by reading both stored
versions again and comparing them a second time (``publish.as_stored_pair`` refused), so
the difference is what handing the summary's comparison over saves.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import compare  # noqa: E402
from compare import publish  # noqa: E402
from compare.model import LoadOptions  # noqa: E402
from compare.store import Store  # noqa: E402
from compare.track import TrackOptions, track  # noqa: E402

FIXTURE = ROOT / "fixtures" / "updated-council-vote"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=20, help="new versions per run")
    parser.add_argument("--runs", type=int, default=5, help="runs of each (the median is shown)")
    args = parser.parse_args()
    import logging

    from pytest_httpserver import HTTPServer
    from werkzeug import Response

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request

    pages = [(FIXTURE / f"v{n}.html").read_text(encoding="utf-8") for n in (1, 2, 3, 4)]
    served = [pages[0]]
    calls = [0]
    real_compare = compare.compare

    def counted(*given: Any, **options: Any) -> Any:
        calls[0] += 1
        return real_compare(*given, **options)

    compare.compare = counted  # type: ignore[assignment]
    handed_over = publish.as_stored_pair
    rows = []
    with HTTPServer(host="127.0.0.1", port=0) as server:
        server.expect_request("/council.html").respond_with_handler(
            lambda request: Response(served[0], content_type="text/html; charset=utf-8")
        )
        url = server.url_for("/council.html")
        for label, refuse in (
            ("track --report-dir --jsonl (one comparison)", False),
            ("baseline: versions read and compared again", True),
        ):
            publish.as_stored_pair = (lambda *a: None) if refuse else handed_over  # type: ignore[assignment]
            walls, cpus = [], []
            for _ in range(args.runs):
                with tempfile.TemporaryDirectory() as folder:
                    options = TrackOptions(
                        host_delay=0.0,
                        load=LoadOptions(retries=0),
                        report_dir=Path(folder) / "reports",
                        key_changes=True,
                    )
                    with Store.open(Path(folder) / "v.db") as store:
                        served[0] = pages[0]
                        track([url], store, options)
                        calls[0] = 0
                        wall, cpu = time.perf_counter(), time.process_time()
                        for edit in range(args.edits):
                            served[0] = pages[1 + edit % 3]
                            assert track([url], store, options).new == 1
                        walls.append(time.perf_counter() - wall)
                        cpus.append(time.process_time() - cpu)
                    written = len(list((Path(folder) / "reports").iterdir()))
                    assert written == args.edits, written
            rows.append((label, statistics.median(walls), statistics.median(cpus), calls[0]))
    publish.as_stored_pair = handed_over  # type: ignore[assignment]
    compare.compare = real_compare  # type: ignore[assignment]
    print(f"Publishing {args.edits} edits of one story (median of {args.runs} runs)")
    header = f"{'run':<46}{'seconds':>9}{'CPU s':>8}{'compares':>10}{'CPU ms/edit':>13}"
    print(header)
    print("-" * len(header))
    for label, wall, cpu, compares in rows:
        per_edit = 1000 * cpu / args.edits
        print(f"{label:<46}{wall:>9.2f}{cpu:>8.2f}{compares:>10}{per_edit:>13.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
