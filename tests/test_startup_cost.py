"""What a `storydiff compare` of two plain-text files leaves out of its start: each is a
behaviour that keeps the run short, checked as behaviour (never by the clock)."""

import subprocess
import sys
from pathlib import Path

STORY = (
    "The harbour authority will keep ferry fares frozen until spring, its chair said.\n\n"
    "Operators had asked for a rise of four percent to cover the cost of fuel.\n\n"
    "The council meets again on Tuesday to hear from residents of the islands.\n"
)


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return done.stdout


def _story_files(tmp_path: Path) -> tuple[str, str]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(STORY, encoding="utf-8")
    new.write_text(STORY.replace("four percent", "six percent"), encoding="utf-8")
    return str(old), str(new)


def test_a_compare_builds_only_the_compare_command(tmp_path: Path) -> None:
    old, new = _story_files(tmp_path)
    code = (
        "import sys, typer.main\n"
        "built = []\n"
        "make = typer.main.get_command_from_info\n"
        "def recorded(*args, **kw):\n"
        "    info = args[0] if args else kw['command_info']\n"
        "    built.append(info.name or info.callback.__name__)\n"
        "    return make(*args, **kw)\n"
        "typer.main.get_command_from_info = recorded\n"
        "from compare.cli import main\n"
        f"sys.argv = ['storydiff', 'compare', '-f', 'json', {old!r}, {new!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as end:\n"
        "    assert end.code == 1, end.code\n"
        "print(built, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert "six percent" in done.stdout  # the report was made
    assert done.stderr.strip().splitlines()[-1] == "['compare']"


def test_the_help_lists_every_command_as_typer_builds_them() -> None:
    # The command line builds its commands on demand; its help says what typer's own does.
    def help_of(run: str) -> str:
        code = (
            "import sys, typer.main\n"
            "from compare.cli import app, main\n"
            "sys.argv = ['storydiff', '--help']\n"
            "try:\n"
            f"    {run}\n"
            "except SystemExit as end:\n"
            "    assert end.code == 0, end.code\n"
        )
        return _run(code)

    shown = help_of("main()")
    assert shown == help_of("typer.main.get_command(app)()")
    for command in ("extract", "compare", "track", "watch", "wayback", "history", "timeline"):
        assert f"  {command} " in shown
