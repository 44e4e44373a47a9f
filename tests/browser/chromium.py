"""Launch Debian's chromium headless through Playwright: never a downloaded browser.

Used by the browser tests, the README screenshot and the report benchmark."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def executable() -> str:
    """The chromium binary: $STORYDIFF_CHROMIUM, else /usr/bin/chromium. Fails loudly when
    it is missing, so a machine without it never passes the browser tests by skipping."""
    path = os.environ.get("STORYDIFF_CHROMIUM") or "/usr/bin/chromium"
    if not Path(path).is_file():
        raise RuntimeError(
            f"chromium not found at {path}: install Debian's chromium package "
            "(apt-get install chromium) or set STORYDIFF_CHROMIUM"
        )
    return path


def launch(playwright: Any) -> Any:
    """A headless chromium browser."""
    return playwright.chromium.launch(executable_path=executable(), args=ARGS)
