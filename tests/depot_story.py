"""A breaking story for the timeline report (helper report5): five versions of an invented
depot fire with a headline change, an undated edit (a figure changed under the same
modified time), a correction note, two 404s, a paywall teaser, and source text that looks
like markup. Used by tests/test_report5.py and tests/browser/test_timeline_browser.py."""

from __future__ import annotations

from dataclasses import replace
from html import escape
from pathlib import Path

from compare import load
from compare.model import CompareOptions, Document, Provenance
from compare.store import Store
from compare.track import summarizer

URL = "https://herald.example/news/depot-fire"
#: Source text that looks like markup: it must be shown as text, never run.
HOSTILE_TITLE = 'Four hurt in Oldwick depot blaze <img src=x onerror="alert(2)">'
HOSTILE_QUOTE = '"<script>alert(1)</script> was on the sign," she added.'
P = [
    "A fire broke out on Tuesday morning at the Kestrel Mills grain depot in Oldwick, "
    "sending a column of smoke over the river district.",
    "Four people were taken to hospital, the fire service said. Crews from three "
    "stations were at the scene by 9 am.",
    '"We heard a bang and then the roof was gone," said Mira Halden, who runs a bakery '
    f"across the road. {HOSTILE_QUOTE}",
]
THREE = [P[0], P[1].replace("Four people", "Three people"), P[2]]
CORRECTION = (
    "Correction: An earlier version of this story said four people were taken to "
    "hospital. Three were."
)
GONE = f"the server answered 404 Not Found for {URL}"
WALL = f"{URL} now shows only 42 of the story's 99 words, above a subscription wall"


def page(title: str, paragraphs: list[str], modified: str) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)} | Oldwick Herald</title>"
        "<meta property='article:published_time' content='2026-11-24T09:05:00Z'>"
        f"<meta property='article:modified_time' content='{modified}'>"
        "<meta property='og:site_name' content='Oldwick Herald'></head><body>"
        f"<article><h1>{escape(title)}</h1><p class='byline'>By Jo Brandt</p>{body}"
        "</article></body></html>"
    )


def observe(store: Store, folder: Path, html: str, at: str) -> str:
    path = folder / f"page-{at[11:13]}{at[14:16]}.html"
    path.write_text(html, encoding="utf-8")
    document: Document = load(str(path))
    document = replace(
        document, url=URL, provenance=Provenance(spec=URL, url=URL, status=200, encoding="utf-8")
    )
    summarize = summarizer(CompareOptions())
    return store.observe([URL], document, html.encode(), at, summarize=summarize).outcome


def build(store: Store, folder: Path) -> None:
    """The story's fetches, 09:10 to 15:50 on one day."""
    t1, t3 = "Fire at Oldwick grain depot", "Three hurt in Oldwick depot blaze"
    observe(store, folder, page(t1, P[:2], "2026-11-24T09:05:00Z"), "2026-11-24T09:10:00.000Z")
    observe(
        store, folder, page(HOSTILE_TITLE, P, "2026-11-24T09:30:00Z"), "2026-11-24T09:35:00.000Z"
    )
    # The stealth edit: a figure changed under the same modified time.
    observe(
        store,
        folder,
        page(HOSTILE_TITLE, THREE, "2026-11-24T09:30:00Z"),
        "2026-11-24T10:20:00.000Z",
    )
    store.record_failure(URL, "2026-11-24T11:10:00.000Z", GONE, status=404)
    store.record_failure(URL, "2026-11-24T11:25:00.000Z", GONE, status=404)
    corrected = [*THREE, CORRECTION]
    observe(store, folder, page(t3, corrected, "2026-11-24T12:10:00Z"), "2026-11-24T12:15:00.000Z")
    store.record_failure(URL, "2026-11-24T12:30:00.000Z", WALL, status=200)
    observe(
        store,
        folder,
        page(t3 + "; cause unknown", corrected, "2026-11-24T15:00:00Z"),
        "2026-11-24T15:50:00.000Z",
    )
