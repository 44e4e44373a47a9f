"""Version history speed: tracking many articles through many edits, and `history` on a
large store. Prints two tables, each next to named baselines run in the same process.

    python benchmarks/history.py                 # 50 articles x 20 versions, 100,000-row store
    python benchmarks/history.py --articles 10 --versions 5 --rows 10000   # a quick look

Tracking: a local server serves ARTICLES fictional articles; each fetch of an article gets
its next version (one paragraph reworded or added per edit), so ARTICLES x VERSIONS rounds of
`track` store ARTICLES x VERSIONS versions, each diffed against the one before.
Baselines, on the same pages: storydiff without the change summary (store only), and the
NewsDiffs-era approach, the raw HTML kept per fetch with a difflib line diff and no
extraction (one reused HTTP connection, no politeness, nothing normalised).

History: a store of ROWS versions (stories of 20 versions, plus one story of 5,000) built
with the real schema; `history` is timed through the library (open, find the story, list
its versions, format the table) and end to end as a command. Baseline: the same query
without the (story, first seen) index.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.model import LoadOptions  # noqa: E402
from compare.render.timeline import history_table  # noqa: E402
from compare.store import Store  # noqa: E402
from compare.track import TrackOptions, track  # noqa: E402

TOWNS = ["Marrowby", "Eastholm", "Kirkwick", "Dunmere", "Saltby", "Orrin Bay", "Hallow Cross"]
TOPICS = ["ferry terminal", "school roof", "harbour wall", "bus depot", "library", "market hall"]


def article(index: int, version: int) -> str:
    """Article ``index`` at edit ``version``: each edit rewords one paragraph or adds one."""
    town = TOWNS[index % len(TOWNS)]
    topic = TOPICS[index % len(TOPICS)]
    paragraphs = [
        f"The council of {town} voted on Tuesday to close the old {topic} after years of "
        f"losses, officials said, in a decision that split the chamber {7 + index % 3} to 4.",
        f"Officials said {12 + index % 9} workers would move to new posts by the end of June "
        "and that no jobs would be lost, a promise the union said it would hold them to.",
        f'"We lose a piece of the town," said a resident who has lived near the {topic} '
        "for thirty years and spoke at the three-hour meeting.",
        f"The deputy mayor said the {topic} cost {1 + index % 4}.2 million crowns a year to "
        "keep open, money the council wants for roads and the new clinic.",
        "Opponents said they would gather signatures for a referendum before the summer.",
        "The council will publish the full minutes of the meeting next week.",
    ]
    for edit in range(1, version + 1):
        if edit % 3 == 0:
            paragraphs.append(
                f"Update {edit}: a spokesperson said {edit * 3} more residents had written "
                "to the council since the vote."
            )
        else:
            slot = edit % len(paragraphs)
            paragraphs[slot] = paragraphs[slot].rstrip(".") + f", according to update {edit}."
    title = f"{town} votes to close {topic}" + (" after protests" if version >= 10 else "")
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}"
        "</title></head><body><nav><a href='/'>Home</a> <a href='/local'>Local</a></nav>"
        f"<article><h1>{escape(title)}</h1>{body}</article><footer>The Courier</footer>"
        "</body></html>"
    )


class Newsroom:
    """Serves ``article(i, n)`` where n counts the fetches of article i."""

    def __init__(self, articles: int, versions: int) -> None:
        self.versions = versions
        self.fetches = [0] * articles
        self.lock = threading.Lock()

    def reset(self) -> None:
        with self.lock:
            self.fetches = [0] * len(self.fetches)

    def page(self, index: int) -> bytes:
        with self.lock:
            version = min(self.fetches[index], self.versions - 1)
            self.fetches[index] += 1
        return article(index, version).encode()


def serve(newsroom: Newsroom) -> tuple[str, object]:
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes: without this, Nagle's algorithm and
        # delayed ACKs stall every request on a kept-alive connection by ~40 ms.
        disable_nagle_algorithm = True

        def do_GET(self) -> None:
            body = newsroom.page(int(self.path.rsplit("/", 1)[-1]))
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


def bench_tracking(
    articles: int, versions: int, folder: Path
) -> list[tuple[str, float, float, int]]:
    newsroom = Newsroom(articles, versions)
    base, _ = serve(newsroom)
    urls = [f"{base}/story/{i}" for i in range(articles)]
    options = TrackOptions(host_delay=0.0, concurrency=4, load=LoadOptions(retries=0))
    rows = []

    newsroom.reset()
    with Store.open(folder / "track.db") as store:
        started, cpu = time.perf_counter(), time.process_time()
        for _ in range(versions):
            track(urls, store, options)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        rows.append(("storydiff track (store + diff)", seconds, cpu, store.counts()["versions"]))

    newsroom.reset()
    with Store.open(folder / "plain.db") as store:
        import compare.track as tracking

        original = tracking.summarizer
        tracking.summarizer = lambda options: lambda old, new: {}  # type: ignore[assignment]
        try:
            started, cpu = time.perf_counter(), time.process_time()
            for _ in range(versions):
                track(urls, store, options)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        finally:
            tracking.summarizer = original
        rows.append(
            ("storydiff track, no change summary", seconds, cpu, store.counts()["versions"])
        )

    newsroom.reset()
    rows.append(raw_difflib_baseline(urls, versions, folder / "raw.db"))
    return rows


def per_page_costs(samples: int = 50) -> list[tuple[str, float]]:
    """Where tracking's time goes, per page, each step timed alone (median)."""
    import httpx

    from compare import compare, sources
    from compare.extract import extract
    from compare.model import CompareOptions

    newsroom = Newsroom(1, 2)
    base, _ = serve(newsroom)
    load = LoadOptions(retries=0)

    def median_of(step: object) -> float:
        times = []
        for _ in range(samples):
            started = time.perf_counter()
            step()  # type: ignore[operator]
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    snapshot = sources.fetch_url(f"{base}/story/0", load)
    old = extract(snapshot)
    new = extract(sources.fetch_url(f"{base}/story/0", load))
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "c.db") as store:
        counter = iter(range(10**6))

        def commit() -> None:
            n = next(counter)
            store.record_failure(f"{base}/x", f"2026-01-01T00:00:{n:06d}Z", "timing")

        return [
            (
                "sources.fetch_url (one client per call, shared TLS context)",
                median_of(lambda: sources.fetch_url(f"{base}/story/0", load)),
            ),
            (
                "baseline: an httpx.Client with its own TLS context",
                median_of(lambda: httpx.Client().close()),
            ),
            ("extract", median_of(lambda: extract(snapshot))),
            (
                "compare (the change summary)",
                median_of(lambda: compare(old, new, CompareOptions())),
            ),
            ("one store transaction (synchronous=FULL)", median_of(commit)),
        ]


def raw_difflib_baseline(
    urls: list[str], versions: int, path: Path
) -> tuple[str, float, float, int]:
    """Every fetch's raw HTML stored when its bytes changed, with a difflib line diff."""
    import httpx

    db = sqlite3.connect(path)
    db.execute("CREATE TABLE pages (url TEXT, fetched REAL, html BLOB, diff TEXT)")
    last: dict[str, str] = {}
    stored = 0
    started, cpu = time.perf_counter(), time.process_time()
    with httpx.Client() as client:
        for _ in range(versions):
            for url in urls:
                html = client.get(url).text
                if last.get(url) == html:
                    continue
                old = last.get(url, "").replace("><", ">\n<").splitlines()
                diff = "\n".join(difflib.unified_diff(old, html.replace("><", ">\n<").splitlines()))
                with db:
                    db.execute(
                        "INSERT INTO pages VALUES (?, ?, ?, ?)",
                        (url, time.time(), zlib.compress(html.encode()), diff),
                    )
                last[url] = html
                stored += 1
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    db.close()
    return ("baseline: raw HTML + difflib, no extraction", seconds, cpu, stored)


def build_store(path: Path, rows: int, big_story: int) -> str:
    """A store of ``rows`` versions with the real schema; returns a 20-version story's URL."""
    with Store.open(path):
        pass
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous=OFF")
    document = json.dumps(
        {"title": "t", "paragraphs": [{"text": "Words " * 40, "sentences": ["Words " * 40]}]}
    )
    raw = zlib.compress(article(1, 3).encode())
    changes = json.dumps({"title_changed": False, "paragraphs": {"reworded": 1}, "meaning": {}})
    stories = [("big", big_story)] + [(str(i), 20) for i in range((rows - big_story) // 20)]
    with db:
        for name, count in stories:
            url = f"https://courier.example/local/{name}"
            story = db.execute(
                "INSERT INTO stories (url, created_at) VALUES (?, '2026-01-01T00:00:00.000Z')",
                (url,),
            ).lastrowid
            db.execute("INSERT INTO story_urls VALUES (?, ?)", (url, story))
            db.executemany(
                "INSERT INTO versions (story_id, content_hash, title, word_count, document, raw, "
                "raw_sha256, first_seen, last_seen, source, changes) "
                "VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, 'fetch', ?)",
                [
                    (
                        story,
                        f"{name}-{n}",
                        f"Headline {n} of story {name}",
                        240,
                        document,
                        raw,
                        f"2026-01-01T00:00:{n:06d}Z",
                        f"2026-01-01T00:00:{n:06d}Z",
                        changes,
                    )
                    for n in range(count)
                ],
            )
    db.close()
    return f"https://courier.example/local/{len(stories) // 2}"


def time_history(path: Path, url: str, repeats: int = 21) -> float:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        with Store.open(path, create=False) as store:
            story = store.require_story(url)
            history_table(story, store.history(story))
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def bench_history(rows: int, folder: Path) -> list[tuple[str, float]]:
    path = folder / "big.db"
    big = min(5000, rows // 4)
    url = build_store(path, rows, big)
    big_url = "https://courier.example/local/big"
    results = [
        ("history, 20-version story (library, median of 21)", time_history(path, url)),
        (
            f"history, {big:,}-version story (library)",
            time_history(path, big_url),
        ),
    ]
    env = {**os.environ, "STORYDIFF_DB": str(path)}
    samples = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "compare", "history", url],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        samples.append(time.perf_counter() - started)
    results.append(("storydiff history URL (command, with startup)", statistics.median(samples)))
    db = sqlite3.connect(path)
    db.execute("DROP INDEX versions_by_time")
    db.commit()
    db.close()
    results.append(("baseline: same, without the (story, time) index", time_history(path, url)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--versions", type=int, default=20)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        total = args.articles * args.versions
        print(
            f"Tracking {args.articles} articles through {args.versions} versions "
            f"({total:,} fetches, served locally)"
        )
        print(f"{'run':<46} {'seconds':>8} {'CPU s':>7} {'versions':>9} {'ms/version':>11}")
        print("-" * 85)
        for name, seconds, cpu, stored in bench_tracking(args.articles, args.versions, folder):
            per = 1000 * seconds / max(stored, 1)
            print(f"{name:<46} {seconds:>8.1f} {cpu:>7.1f} {stored:>9,} {per:>11.1f}")
        print()
        print("Where the time goes, per page (median of 50)")
        print(f"{'step':<52} {'ms':>8}")
        print("-" * 61)
        for name, seconds in per_page_costs():
            print(f"{name:<52} {1000 * seconds:>8.1f}")
        print()
        print(f"History on a store of {args.rows:,} versions")
        print(f"{'run':<52} {'ms':>8}")
        print("-" * 61)
        for name, seconds in bench_history(args.rows, folder):
            print(f"{name:<52} {1000 * seconds:>8.1f}")


if __name__ == "__main__":
    main()
