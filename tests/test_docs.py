"""Docs that cannot drift: every command has help, is in the README, and so are the exit codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from compare.cli import app
from compare.errors import ExitCode

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands if c.callback)


def test_readme_opens_with_the_two_commands() -> None:
    first_screen = "\n".join(README.splitlines()[:25])
    assert "make demo" in first_screen
    assert "make test" in first_screen


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_documented(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert len(result.output.split("Options")[0].strip()) > 40, "the command needs a description"
    assert re.search(rf"storydiff {command}\b", README), f"README does not show `{command}`"


def test_every_option_has_help() -> None:
    group = typer.main.get_command(app)
    for sub in group.commands.values():  # type: ignore[attr-defined]
        for param in sub.params:
            if param.name != "help":
                assert getattr(param, "help", None), f"{sub.name} {param.name} has no help"


def test_exit_code_table_matches_the_code() -> None:
    rows = dict(re.findall(r"^\| (\d+) \| (.+?) \|$", README, flags=re.MULTILINE))
    assert sorted(int(code) for code in rows) == sorted(int(code) for code in ExitCode)


@pytest.mark.parametrize(
    ("command", "arguments"),
    [
        ("extract", "SOURCE..."),
        ("compare", "SOURCE..."),
        ("track", "URL..."),
        ("watch", "FEED..."),
        ("wayback", "URL"),
        ("history", "[URL]"),
        ("timeline", "URL"),
        ("export", "URL"),
    ],
)
def test_usage_lines_name_the_arguments_readably(command: str, arguments: str) -> None:
    # typer's own metavar read `storydiff compare [OPTIONS] {sources}...`.
    result = CliRunner().invoke(app, [command, "--help"], prog_name="storydiff")
    assert result.exit_code == 0
    usage = result.output.splitlines()[0]
    assert usage == f"Usage: storydiff {command} [OPTIONS] {arguments}", usage
    assert "{" not in result.output.split("Options")[0]


@pytest.mark.parametrize(
    "command", ["extract", "compare", "track", "watch", "wayback", "history", "timeline", "export"]
)
def test_option_placeholders_say_what_to_give(command: str) -> None:
    # typer names a text option's value by its type: "--every <str>" told a reader nothing
    # a duration, a time or a name would.
    result = CliRunner().invoke(app, [command, "--help"], prog_name="storydiff")
    assert result.exit_code == 0
    assert "<str>" not in result.output
