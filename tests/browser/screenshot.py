"""The README's screenshot: a fixture story's report in headless chromium.

    .venv/bin/python tests/browser/screenshot.py [OUTPUT.png]

Uses the same chromium launcher as the browser tests (Debian's chromium, never a
downloaded browser)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from chromium import launch

from compare import compare, load
from compare.render.html import render_comparison

ROOT = Path(__file__).resolve().parents[2]
OLD = ROOT / "fixtures" / "wire-harbour-fire" / "wire.html"
NEW = ROOT / "fixtures" / "wire-harbour-fire" / "outlet-b.html"


def main() -> int:
    from playwright.sync_api import sync_playwright

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "report.png"
    html = render_comparison(
        compare(load(str(OLD)), load(str(NEW))), generated_at="2026-03-04T12:00:00Z"
    )
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        page_path = Path(folder) / "report.html"
        page_path.write_text(html, encoding="utf-8")
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 1500}, color_scheme="light")
        page.goto(page_path.as_uri())
        page.wait_for_selector("html[data-ready='true']")
        page.screenshot(path=str(target))
        browser.close()
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
