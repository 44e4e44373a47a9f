"""The terminal view: TERM=dumb gets no colour; the unified view's block labels fit the
width."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from test_cli28_moves import PARAGRAPHS, write


def on_a_terminal(*args: str, env: dict[str, str], cwd: Path) -> bytes:
    """What ``storydiff`` writes to a terminal (a pseudo-terminal) with ``env``."""
    main, other = os.openpty()
    clean = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    code = "from compare.__main__ import main; import sys; sys.argv[0] = 'storydiff'; main()"
    with subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=other,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        cwd=cwd,
        env={**clean, "STORYDIFF_CACHE_DIR": "", **env},
    ) as process:
        os.close(other)
        out = b""
        while True:
            try:
                piece = os.read(main, 65536)
            except OSError:  # (Linux: EIO once the other end is closed)
                break
            if not piece:
                break
            out += piece
        process.wait(timeout=120)
    os.close(main)
    return out


def test_term_dumb_gets_no_colour(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", PARAGRAPHS)
    write(tmp_path / "b.txt", [*PARAGRAPHS[:5], "The inquiry was dropped last week."])
    args = ("compare", "a.txt", "b.txt", "--width", "80")
    assert b"\x1b[" in on_a_terminal(*args, env={"TERM": "xterm-256color"}, cwd=tmp_path)
    dumb = on_a_terminal(*args, env={"TERM": "dumb"}, cwd=tmp_path)
    assert b"\x1b[" not in dumb
    assert b"+ The inquiry was dropped last week." in dumb
    # Asked for, colour is still given.
    forced = on_a_terminal(*args, env={"TERM": "dumb", "FORCE_COLOR": "1"}, cwd=tmp_path)
    assert b"\x1b[" in forced


def test_unified_view_lines_fit_narrow_widths() -> None:
    from dataclasses import replace

    from rich.cells import cell_len
    from test_multi import doc

    from compare import compare
    from compare.render import text as render_text

    opening = [
        "The ferry service to Gull Island will stop for the winter, the harbour board said.",
        "Commuters who rely on the morning sailing were told to use the bus link instead.",
        "The board said the timetable would be reviewed before the spring season starts.",
        "Fares on the remaining sailings will rise by 12 percent from the first of March.",
    ]
    tail = ["Local councillor Priya Okafor said the decision was taken without asking anyone."]
    old = doc(*opening, *tail)
    edited = [*opening[:3], opening[3].replace("12 percent", "14 percent")]
    new = replace(doc(*edited), partial=True)
    c = compare(old, new)
    assert c.summary.unshown
    for width in (20, 24, 40, 60):
        shown = render_text.comparison(c, width=width, color=False, context=0)
        lines = shown.splitlines()
        wide = [line for line in lines if cell_len(line) > width]
        assert not wide, (width, wide)
        # The labels keep their marks, and read whole once joined.
        joined = " ".join(line.strip() for line in lines)
        assert "past the end of NEW's text: not shown there, not deleted" in joined
        assert any(line.startswith("~ ¶ 4") for line in lines)
        assert any(line.startswith("· old ¶ 5") for line in lines)


def test_coloured_lines_end_without_spaces() -> None:
    import re

    from test_multi import doc

    from compare import compare
    from compare.render import text as render_text

    old = doc(
        "Twelve people were hurt when a bus left the road near Hollin Cross on Friday, "
        "the police said, and 12 of them were taken to hospital in the town that evening.",
        "The driver, who was not hurt, said the brakes had failed as the bus came down the "
        "hill towards the bridge over the river.",
    )
    new = doc(
        "Fourteen people were hurt when a bus left the road near Hollin Cross on Friday, "
        "the police said, and 14 of them were taken to hospital in the town that evening.",
        "The driver, who was hurt, said the brakes had failed as the bus came down the "
        "hill towards the old bridge over the river.",
    )
    c = compare(old, new)
    ended_in_space = []
    for width in range(40, 120):
        shown = render_text.comparison(c, width=width, color=True, context=2)
        assert "\x1b[" in shown
        for line in shown.splitlines():
            plain = re.sub(r"\x1b\[[0-9;]*m", "", line)
            if plain != plain.rstrip():
                ended_in_space.append((width, line))
    assert not ended_in_space, ended_in_space[:3]
