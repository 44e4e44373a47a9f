"""``make demo``: run storydiff on the fixture stories so a newcomer sees real output."""

from __future__ import annotations

import sys
from pathlib import Path

from typer.testing import CliRunner

from compare.cli import app

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    """Extract every fixture page and print where the outputs went."""
    runner = CliRunner()
    pages = sorted((ROOT / "fixtures").glob("*/*.html"))
    for page in pages[:3]:
        result = runner.invoke(app, ["extract", str(page)])
        print(result.output[:1500])
    return 0


if __name__ == "__main__":
    sys.exit(main())
