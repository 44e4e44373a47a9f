"""``make demo``: run storydiff on the fixture stories so a newcomer sees real output.

Each step is the very command a user would type, printed before it runs.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
REPORTS = ROOT / "reports"

#: (name, OLD, NEW): the pairwise reports the demo renders.
PAIRS = [
    ("council-vote-v1-v4", "updated-council-vote/v1.html", "updated-council-vote/v4.html"),
    ("council-vote-v2-v3", "updated-council-vote/v2.html", "updated-council-vote/v3.html"),
    ("police-shooting", "police-shooting-update/v1.html", "police-shooting-update/v2.html"),
    ("fare-protest", "fare-protest-update/v1.html", "fare-protest-update/v2.html"),
    (
        "harbour-fire-wire-vs-ledger",
        "wire-harbour-fire/wire.html",
        "wire-harbour-fire/outlet-b.html",
    ),
    (
        "harbour-fire-wire-vs-gazette",
        "wire-harbour-fire/wire.html",
        "wire-harbour-fire/outlet-a.html",
    ),
    ("storm-liveblog", "liveblog-storm/v1.html", "liveblog-storm/v2.html"),
    # Hostile pages: markup, scripts and bidi tricks in the text, shown inert and escaped.
    ("hostile-booking-site", "hostile/v1.html", "hostile/v2.html"),
    ("hostile-rtl-arabic", "hostile/rtl-v1.html", "hostile/rtl-v2.html"),
]


def storydiff(*args: str, show: bool = True) -> int:
    """Run ``storydiff ARGS`` as a user would; print the command first."""
    shown = " ".join(
        shlex.quote(str(Path(a).relative_to(ROOT)) if a.startswith(str(ROOT)) else a) for a in args
    )
    print(f"\n$ storydiff {shown}", flush=True)
    result = subprocess.run(
        [sys.executable, "-m", "compare", *args],
        stdout=None if show else subprocess.DEVNULL,
        check=False,
    )
    return result.returncode


def track_demo(written: list[Path]) -> int:
    """Serve the council story from 127.0.0.1, swap in each of its four versions between
    `storydiff track` runs, then show `history` and write the timeline report."""
    import os
    import shutil
    import tempfile
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)

        class Quiet(SimpleHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                """The demo's output is storydiff's; the server stays silent."""

        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/council.html"
        db = ["--db", str(site / "versions.db"), "--delay", "0"]
        page = site / "council.html"
        for step in range(1, 5):
            shutil.copyfile(FIXTURES / f"updated-council-vote/v{step}.html", page)
            # A new Last-Modified each time, so the server's 304s stay truthful.
            os.utime(page, (1_780_000_000 + step * 600, 1_780_000_000 + step * 600))
            failures += storydiff("track", url, *db) != 0
        failures += storydiff("history", url, *db[:2]) != 0
        target = REPORTS / "council-vote-timeline.html"
        failures += storydiff("timeline", url, *db[:2], "-o", str(target)) != 0
        server.shutdown()
        if target.exists():
            written.append(target)
    return failures


def main() -> int:
    """Render the fixture stories into reports/ and print where they went."""
    REPORTS.mkdir(exist_ok=True)
    written: list[Path] = []
    failures = 0

    # 1. The extracted article, as `storydiff extract` prints it.
    failures += storydiff("extract", str(FIXTURES / "updated-council-vote/v1.html")) not in (0,)

    # 2. A comparison in the terminal.
    old, new = (str(FIXTURES / p) for p in PAIRS[0][1:])
    failures += storydiff("compare", old, new, "--width", "140") not in (0, 1)

    # 3. Reports: HTML, JSON and Markdown for each pair.
    for name, old_path, new_path in PAIRS:
        for extension in ("html", "json", "md"):
            target = REPORTS / f"{name}.{extension}"
            code = storydiff(
                "compare", str(FIXTURES / old_path), str(FIXTURES / new_path), "-o", str(target)
            )
            failures += code not in (0, 1)
            if target.exists():
                written.append(target)

    # 4. Several outlets' coverage of one event, claim by claim; the HTML report links to
    #    the pairwise views written beside it.
    outlets = sorted(str(p) for p in (FIXTURES / "multi-bridge-closure").glob("*.html"))
    failures += storydiff("compare", *outlets, "--width", "140") not in (0, 1)
    for extension in ("html", "json"):
        target = REPORTS / f"coverage-bridge.{extension}"
        failures += storydiff("compare", *outlets, "-o", str(target)) not in (0, 1)
        if target.exists():
            written.append(target)

    # 5. Version history: track the council story from a local server while it is edited.
    failures += track_demo(written)

    print("\nReports written:")
    for path in written:
        print(f"  {path.relative_to(ROOT)}")
    print("\nOpen the .html files in a browser; they work offline and from file://.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
