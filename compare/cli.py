"""The storydiff command: parse options, call the library, render, map errors to exit codes.

Each command stays thin: it builds one options object, calls one library function and
turns library errors into one-line messages with their exit codes.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, TypeVar

import typer

from compare import __version__
from compare.errors import ExitCode, InputError, StorydiffError

app = typer.Typer(
    name="storydiff",
    help="Compare versions of a news story: what was added, removed, reworded or moved.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

_state = {"debug": False}
T = TypeVar("T")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"storydiff {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the full traceback when something fails.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Compare versions of a news story: what was added, removed, reworded or moved."""
    _state["debug"] = debug


def fail(error: StorydiffError) -> NoReturn:
    """Print ``storydiff: error: <what> — <fix>`` to stderr and exit with the error's code."""
    report(error)
    raise typer.Exit(int(error.exit_code))


def report(error: BaseException) -> int:
    """Print one error line (and the traceback with --debug); return its exit code."""
    if _state["debug"]:
        traceback.print_exception(error, file=sys.stderr)
    if isinstance(error, StorydiffError):
        typer.echo(f"storydiff: error: {error.one_line()}", err=True)
        return int(error.exit_code)
    typer.echo(
        f"storydiff: error: unexpected {type(error).__name__}: {error} — "
        "run again with --debug and report the traceback",
        err=True,
    )
    return int(ExitCode.INPUT)


def guarded(fn: Callable[[], T]) -> T:
    """Run ``fn``; turn any failure into a one-line error and its exit code."""
    try:
        return fn()
    except (typer.Exit, typer.Abort):
        raise
    except KeyboardInterrupt:
        typer.echo("storydiff: interrupted", err=True)
        raise typer.Exit(130) from None
    except Exception as error:
        raise typer.Exit(report(error)) from None


class ExtractFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def extract(
    sources: Annotated[
        list[str], typer.Argument(help="Files (.html, .html.gz, .txt, .md), URLs, or - for stdin.")
    ],
    format: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="text or json.")
    ] = ExtractFormat.text,
    timeout: Annotated[
        float, typer.Option(help="Seconds to wait for a server's bytes (read timeout).")
    ] = 30.0,
    connect_timeout: Annotated[
        float, typer.Option(help="Seconds to wait for a connection.")
    ] = 10.0,
    max_bytes: Annotated[int, typer.Option(help="Largest page accepted, in bytes.")] = 20_000_000,
) -> None:
    """Extract the article from each source and print it (metadata and numbered paragraphs)."""
    from compare import load
    from compare.model import Document, LoadOptions

    options = LoadOptions(
        read_timeout=timeout, connect_timeout=connect_timeout, max_bytes=max_bytes
    )
    documents: list[Document] = []
    exit_code = 0
    for spec in sources:
        try:
            documents.append(load(spec, options))
        except Exception as error:
            code = report(error)
            exit_code = exit_code or code
    if format is ExtractFormat.json:
        from compare.render import json as render_json

        if documents:
            typer.echo(render_json.documents(documents))
    else:
        from compare.render import text as render_text

        for i, document in enumerate(documents):
            if i:
                typer.echo()
            typer.echo(render_text.document(document))
    if exit_code:
        raise typer.Exit(exit_code)


def write_atomic(path: Path, data: str) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: never half a file."""
    import os
    import tempfile

    path = path.expanduser()
    if path.parent and not path.parent.exists():
        raise InputError(
            f"cannot write {path}: folder {path.parent} does not exist",
            "create it or choose another path",
        )
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main() -> None:
    """Entry point of the console script."""
    app()
