"""The storydiff command: parse options, call the library, render, map errors to exit codes.

Each command stays thin: it builds one options object, calls one library function and
turns library errors into one-line messages with their exit codes.

Unlike the other modules, this one does not use ``from __future__ import annotations``:
typer reads the annotations of every command at each start, and as strings each one has to
be evaluated again: 50M instructions (10-15 ms) per run. So the option types are defined
before use.
"""

import contextlib
import errno
import gc
import math
import sys
import traceback
from collections.abc import Callable, Iterator, MutableMapping
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from compare import __version__
from compare.errors import ExitCode, InputError, StorydiffError, TimeOrDurationError
from compare.gcpause import paused_gc
from compare.render import GITHUB_LIMIT, shown_document, shown_name

if TYPE_CHECKING:  # the model is imported when a command needs it, not for --help
    from compare.model import CompareOptions, Comparison, Document, LoadOptions


class _OneLineUsage(TyperGroup):
    """Usage errors (an unknown option, a missing argument, a bad choice) as one line, as
    every other error: click printed four (the usage, "Try … --help", a blank, "Error: …").
    Found by their shape, not their class: typer 0.28 keeps click's classes in a private
    module (``typer._click``), and older typers use click's own."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except Exception as error:
            _raise_usage(error)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # Ctrl-C outside ``guarded`` (as a report goes to stdout): typer ended it with
            # 130 and no word, as if the run had finished.
            typer.echo("storydiff: interrupted", err=True)
            raise typer.Exit(_interrupted["exit_code"]) from None
        except Exception as error:
            _raise_usage(error)


def _raise_usage(error: Exception) -> NoReturn:
    """Re-raise ``error``; a usage error first prints its one line and becomes exit 2, and
    so does a stdout that cannot take the help or the version (``--help > /dev/full``: it
    was a traceback); a reader of stdout that went away ends the run quietly."""
    if isinstance(error, OSError) and error.errno in _WRITE_ERRORS:
        _stdout_failed(error)
    usage = getattr(error, "exit_code", None) == 2 and callable(
        getattr(error, "format_message", None)
    )
    if not usage or type(error).__name__ == "NoArgsIsHelpError":  # the help, as asked
        raise error
    context = getattr(error, "ctx", None)
    command = "storydiff"
    if context is not None and context.parent is not None:
        command = f"storydiff {context.info_name}"
    message = shown_name(str(error.format_message()).rstrip("."))  # type: ignore[attr-defined]
    typer.echo(
        f"storydiff: error: {message[:1].lower()}{message[1:]} — see `{command} --help`",
        err=True,
    )
    raise typer.Exit(2) from None


class _ReadableUsage(TyperCommand):
    """A usage line with the arguments' metavars as given (`compare [OPTIONS] SOURCE...`):
    typer 0.28 wrapped each required one in braces and named it by its parameter
    (`{sources}...`), which reads as a set to choose from."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument) and param.metavar:
                pieces.append(param.metavar if param.required else f"[{param.metavar}]")
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces


class _CommandsOnDemand(MutableMapping[str, Any]):
    """The app's subcommands by name, in the order they were declared, each built when it is
    first looked up: building one reads its function's signature and makes its options, and
    a run needs only the one it runs (the other seven cost 15M instructions, ~2 ms, of every
    start). ``--help`` and a mistyped name's suggestions still see every name."""

    def __init__(self, declared: list[Any], build: Callable[[Any], Any]) -> None:
        self._declared = {
            info.name or typer.main.get_command_name(info.callback.__name__): info
            for info in declared
        }
        self._build = build
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        command = self._built.get(name)
        if command is None:
            command = self._built[name] = self._build(self._declared[name])
        return command

    def __setitem__(self, name: str, command: Any) -> None:
        self._declared.setdefault(name, None)
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._declared[name]
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._declared)

    def __len__(self) -> int:
        return len(self._declared)


def _command_line() -> TyperGroup:
    """What ``app()`` runs, each subcommand built on demand (see _CommandsOnDemand). Tests
    that hand ``app`` to typer's CliRunner get every command built, as typer builds it."""
    declared = app.registered_commands
    app.registered_commands = []  # typer builds the group, callback and all, without them
    try:
        group = typer.main.get_group(app)
    finally:
        app.registered_commands = declared
    group.commands = _CommandsOnDemand(
        declared,
        partial(
            typer.main.get_command_from_info,
            pretty_exceptions_short=app.pretty_exceptions_short,
            rich_markup_mode=app.rich_markup_mode,
        ),
    )
    return group


app = typer.Typer(
    cls=_OneLineUsage,
    name="storydiff",
    help="Compare versions of a news story: what was added, removed, reworded or moved.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

_state = {"debug": False}
#: The exit status of a run stopped by a signal: Ctrl-C's, unless SIGTERM's handler ran.
_interrupted = {"exit_code": int(ExitCode.INTERRUPTED)}
T = TypeVar("T")

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="The version store (SQLite). Default: $STORYDIFF_DB, else versions.db in the "
        "user data folder.",
    ),
]
EveryOption = Annotated[
    str | None,
    typer.Option(
        "--every",
        metavar="<duration>",
        help="Keep polling at this interval (90s, 30m, 2h, 1d) until Ctrl-C.",
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(
        "--until",
        metavar="<time|duration>",
        help="Stop polling at this ISO time, or after this duration (8h).",
    ),
]
DelayOption = Annotated[
    float, typer.Option("--delay", help="Seconds between two requests to the same host.")
]
ConcurrencyOption = Annotated[
    int, typer.Option("--concurrency", help="Requests in flight at once (one per host).")
]
# The fetch errors' hints name these ("raise --max-bytes"): every command that fetches has
# them, read the same in each one's --help.
TimeoutOption = Annotated[
    float,
    typer.Option("--timeout", help="Seconds to wait for a server's bytes (read timeout)."),
]
ConnectTimeoutOption = Annotated[
    float, typer.Option("--connect-timeout", help="Seconds to wait for a connection.")
]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", help="Largest page accepted, in bytes.")
]


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
        # (A file name not in UTF-8 with its bytes escaped, as the reports show it.)
        typer.echo(f"storydiff: error: {shown_name(error.one_line())}", err=True)
        return int(error.exit_code)
    if isinstance(error, MemoryError):
        # Huge input: one sentence of 300,000 words asked the word diff for gigabytes.
        typer.echo(
            "storydiff: error: ran out of memory: the input is too large to compare — pass "
            "the article alone (its text in a .txt file), or a smaller page",
            err=True,
        )
        return int(ExitCode.INPUT)
    typer.echo(
        f"storydiff: error: unexpected {type(error).__name__}: "
        f"{shown_name(' '.join(str(error).split()))} — "
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
        raise typer.Exit(_interrupted["exit_code"]) from None
    except Exception as error:
        if _stdout_closed(error):  # `storydiff track URL | head -1`
            _leave_closed_stdout()
        raise typer.Exit(report(error)) from None


def _stdout_closed(error: BaseException) -> bool:
    """Whether ``error`` is stdout's reader gone (``| head -1``), not another pipe's (the
    facets worker's)."""
    import select

    if not isinstance(error, OSError) or error.errno != errno.EPIPE:
        return False
    try:
        poll = select.poll()
        poll.register(sys.stdout.fileno(), select.POLLOUT)
        return any(events & (select.POLLERR | select.POLLHUP) for _, events in poll.poll(0))
    except (AttributeError, OSError, ValueError):  # no such stream (a test's runner)
        return False


def _silence_stdout() -> None:
    """Point stdout at /dev/null: what is still buffered would fail again as the process
    ends, with a second message."""
    import os

    with contextlib.suppress(AttributeError, OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _leave_closed_stdout() -> NoReturn:
    """End quietly when stdout's reader went away, with the status of a process ended by
    SIGPIPE (141, as diff(1) in ``diff a b | head -1``): typer's exit 1 said "the versions
    differ" for a compare of identical files, and a write it missed ended in 0."""
    _silence_stdout()
    raise typer.Exit(int(ExitCode.BROKEN_PIPE))


def _url_argument(spec: str, always: bool = False) -> str:
    """A URL as given on the command line with its bytes that are not UTF-8 (Python holds
    them as lone surrogates) percent-encoded, as a browser sends them (``/caf%E9``): they
    ended every command that fetches or looks a URL up in "unexpected UnicodeEncodeError".
    Only a spec with ``://`` unless ``always``: a file's name must stay as it is to be read."""
    if not (always or "://" in spec) or shown_name(spec) == spec:
        return spec
    return "".join(
        f"%{ord(char) - 0xDC00:02X}" if "\udc80" <= char <= "\udcff" else char for char in spec
    )


class ExtractFormat(str, Enum):
    text = "text"
    json = "json"


@app.command(cls=_ReadableUsage)
def extract(
    sources: Annotated[
        list[str],
        typer.Argument(
            metavar="SOURCE...", help="Files (.html, .html.gz, .txt, .md), URLs, or - for stdin."
        ),
    ],
    format: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="text or json.")
    ] = ExtractFormat.text,
    timeout: TimeoutOption = 30.0,
    connect_timeout: ConnectTimeoutOption = 10.0,
    max_bytes: MaxBytesOption = 20_000_000,
    db: DbOption = None,
) -> None:
    """Extract the article from each source and print it (metadata and numbered paragraphs)."""
    sources = [_url_argument(spec) for spec in sources]
    from compare import load
    from compare.model import Document, LoadOptions

    guarded(lambda: _check_load_options(timeout, connect_timeout, max_bytes))
    options = LoadOptions(
        read_timeout=timeout,
        connect_timeout=connect_timeout,
        max_bytes=max_bytes,
        db=str(db) if db else None,  # where URL@N versions are read from, as in compare
    )
    documents: list[Document] = []
    exit_code = 0
    for spec in sources:
        try:
            documents.append(shown_document(load(spec, options)))
        except Exception as error:
            code = report(error)
            exit_code = exit_code or code
            continue
        for warning in documents[-1].warnings:
            typer.echo(f"storydiff: warning: {shown_name(spec)}: {warning}", err=True)
    if format is ExtractFormat.json:
        from compare.render import json as render_json

        if documents:
            _emit(render_json.documents(documents))
    else:
        from compare.render import text as render_text

        for i, document in enumerate(documents):
            _emit(("\n" if i else "") + render_text.document(document))
    if exit_code:
        raise typer.Exit(exit_code)


class CompareFormat(str, Enum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"


#: The file name extension of each report format, for the names hints suggest.
_SUFFIX = {"text": "txt", "json": "json", "md": "md", "html": "html"}

#: The report format an --output file name implies when --format is not given.
_FORMAT_BY_SUFFIX = {
    ".txt": CompareFormat.text,
    ".json": CompareFormat.json,
    ".md": CompareFormat.md,
    ".markdown": CompareFormat.md,
    ".html": CompareFormat.html,
    ".htm": CompareFormat.html,
}


def _load_pair(
    sources: list[str], options: "LoadOptions", load: Callable[..., "Document"]
) -> tuple["Document", "Document"]:
    """OLD and NEW: the documents ``main`` was given for these two sources when they read
    as they would with these options (the same documents then, read once), else loaded now."""
    global _preloaded
    preloaded, _preloaded = _preloaded, ()
    if preloaded and [name for name, _ in preloaded] == sources:
        from compare.model import LoadOptions

        default = LoadOptions()
        # Local files (no URL, stdin nor URL@N is preloaded) read alike whatever the timeouts
        # and the store, and under any cap at least the one they were read under.
        if options.kind == default.kind and options.max_bytes >= default.max_bytes:
            return preloaded[0][1], preloaded[1][1]
    return load(sources[0], options), load(sources[1], options)


def _compared_before(
    old: "Document", new: "Document", options: "CompareOptions"
) -> "Comparison | None":
    """The comparison ``main`` was given, when it is of these documents (the very ones)
    with these options: see ``compare.__main__._compared_ahead``."""
    global _compared
    compared, _compared = _compared, None
    if compared is None or compared.old is not old or compared.new is not new:
        return None
    return compared if compared.options == options else None


def _write_ahead(old: "Document", new: "Document") -> None:
    """Import the JSON writer and write the documents' JSON, while the facets worker finds
    the changes (see ``compare.render.json.write_ahead``): ~5 ms less after it answers.
    Not for sources named in bytes UTF-8 cannot carry: they are renamed after comparing."""
    from compare.render import json as render_json

    if shown_document(old) is old and shown_document(new) is new:
        render_json.write_ahead(old, new)


def _utc_now() -> str:
    """Now in UTC, ISO 8601; SOURCE_DATE_EPOCH pins it for reproducible reports."""
    import os
    from datetime import datetime, timezone

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    try:
        # Set but not digits ("1.7e9", "2026-05-24") is refused, as the reproducible-builds
        # spec asks: read as unset, the report silently carried the time of the run.
        if epoch and not epoch.isdigit():
            raise ValueError(epoch)
        moment = (
            datetime.fromtimestamp(int(epoch), timezone.utc)
            if epoch
            else datetime.now(timezone.utc)
        )
    except (OverflowError, OSError, ValueError):
        raise InputError(
            f"SOURCE_DATE_EPOCH={epoch} is not a time storydiff can use",
            "set it to seconds since 1970-01-01 (before the year 10000), or unset it",
        ) from None
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _compare_format(
    given: CompareFormat | None, output: Path | None, open_report: bool
) -> CompareFormat:
    """--format wins; else the --output extension; else HTML for --open, text otherwise."""
    chosen = given
    if chosen is None and output is not None and output.suffix:
        chosen = _FORMAT_BY_SUFFIX.get(output.suffix.lower())
        if chosen is None:
            raise InputError(
                f"cannot tell the report format from the extension of {output}",
                "use .txt, .json, .md or .html, or add --format",
            )
    if chosen is None:
        chosen = CompareFormat.html if open_report else CompareFormat.text
    if open_report and chosen is not CompareFormat.html:
        raise InputError("--open shows HTML reports", "drop --open or use --format html")
    return chosen


@app.command("compare", cls=_ReadableUsage)
def compare_command(
    sources: Annotated[
        list[str],
        typer.Argument(
            metavar="SOURCE...",
            help="OLD then NEW: files (.html, .txt, .md), URLs, or - for stdin.",
        ),
    ],
    threshold: Annotated[
        float,
        typer.Option(
            help="Similarity (0-1) below which a paragraph pair counts as removed + added "
            "rather than reworded.",
        ),
    ] = 0.5,
    no_moves: Annotated[
        bool, typer.Option("--no-moves", help="Do not look for moved paragraphs or sentences.")
    ] = False,
    context: Annotated[
        int,
        typer.Option(help="Unchanged paragraphs shown around each change (text, md)."),
    ] = 2,
    format: Annotated[
        CompareFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="text, json, md or html. Default: from the --output extension, else text.",
        ),
    ] = None,
    output_given: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="<path>",
            help="Write the report to this file instead of stdout (- is stdout).",
        ),
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 on success even when the versions differ.")
    ] = False,
    md_limit: Annotated[
        int,
        typer.Option(
            help="Markdown: the most characters to write (GitHub's limit for a comment); "
            "0 for no limit.",
        ),
    ] = GITHUB_LIMIT,
    no_color: Annotated[
        bool,
        typer.Option(
            "--no-color",
            help="Plain text marking [-deleted-] and {+inserted+} words (also with NO_COLOR "
            "set or when stdout is not a terminal).",
        ),
    ] = False,
    width: Annotated[
        int | None,
        typer.Option(
            help="Columns for the text view, 20 or more (default: the terminal's; side by side "
            "≥ 120)."
        ),
    ] = None,
    template_dir: Annotated[
        Path | None,
        typer.Option(
            exists=True, file_okay=False, help="Templates that override the HTML report's."
        ),
    ] = None,
    open_report: Annotated[
        bool, typer.Option("--open", help="Open the HTML report in a web browser.")
    ] = False,
    matrix: Annotated[
        bool, typer.Option("--matrix", help="The multi-outlet view (always used for 3+ sources).")
    ] = False,
    label: Annotated[
        list[str] | None,
        typer.Option(
            "--label",
            metavar="<name>",
            help="The outlet's name, once per source in order, or NAME=SOURCE; with two "
            "sources it names OLD and NEW (and is the JSON site_name). Default: the page's "
            "site name.",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Multi-outlet view: keep inputs that look like a different story."
        ),
    ] = False,
    timeout: TimeoutOption = 30.0,
    connect_timeout: ConnectTimeoutOption = 10.0,
    max_bytes: MaxBytesOption = 20_000_000,
    db: DbOption = None,
) -> None:
    """Compare two versions of a story: what was added, removed, reworded or moved, and which
    changes alter meaning. With three or more sources (or --matrix), compare outlets claim by
    claim: who carries what, who leaves what out, where their facts disagree. Exit status as
    diff(1): 0 no differences, 1 differences, 2+ trouble.
    """
    sources = [_url_argument(spec) for spec in sources]
    from compare.model import CompareOptions, LoadOptions

    guarded(
        lambda: _check_compare_options(
            threshold, context, md_limit, width, timeout, connect_timeout, max_bytes
        )
    )
    generated_at = guarded(_utc_now)
    load_options = LoadOptions(
        read_timeout=timeout,
        connect_timeout=connect_timeout,
        max_bytes=max_bytes,
        db=str(db) if db else None,  # where URL@N versions are read from
    )
    options = CompareOptions(threshold=threshold, detect_moves=not no_moves, context=context)
    if len(sources) < 2:
        fail(InputError("compare needs two sources", "give OLD and NEW: storydiff compare a b"))
    if sources.count("-") > 1:
        fail(InputError("stdin (-) can be read only once", "save one version to a file first"))
    twice = [spec for spec in dict.fromkeys(sources) if sources.count(spec) > 1]
    if twice and (matrix or len(sources) > 2):
        # Two outlets' columns of one page would agree on everything.
        fail(InputError(f"{twice[0]} is given twice", "give each outlet's page once"))
    output = _output_path(output_given)
    # A folder's name says no format ("-o reports.v2/"): its error below says what it is.
    named = None if output_given is not None and _names_folder(output_given) else output
    chosen = guarded(lambda: _compare_format(format, named, open_report))
    if output_given is not None and output is not None:
        _check_output(output_given, sources, f"report.{_SUFFIX[chosen.value]}")
    if template_dir is not None and chosen is not CompareFormat.html:
        fail(InputError("--template-dir applies to HTML reports", "add --format html or -o x.html"))
    if template_dir is not None:
        _warn_unused_templates(template_dir)

    # Checked before any page is loaded: a wrong count should not wait for the network.
    pair_names: tuple[str | None, ...] = ()
    if label and not matrix and len(sources) == 2:
        from compare.coverage_report import parse_labels

        pair_names = tuple(
            name and shown_name(name) for name in guarded(lambda: parse_labels(label, sources))
        )

    # Collection stays paused until the report is made: resumed as alignment returns, it
    # would walk every object of the comparison (~50M instructions at 2,000 paragraphs).
    @paused_gc()
    def run() -> tuple[str | bytes, bool]:
        from compare import compare, facets_worker, load

        try:
            old, new = _load_pair(sources, load_options, load)
            # Sources named in bytes UTF-8 cannot carry are renamed after comparing (the
            # documents the worker was handed stay the ones compared).
            shown = shown_document(old) is old and shown_document(new) is new
            comparison = _compared_before(old, new, options)
            if comparison is None:
                if options.facets:  # the facets worker gets them before alignment's imports
                    facets_worker.prepare(old, new)
                    if chosen is CompareFormat.json and not any(pair_names):  # (labels: copies)
                        facets_worker.while_waiting(partial(_write_ahead, old, new))
                comparison = compare(old, new, options)
        finally:  # a worker start_early forked or prepare started that no alignment took
            facets_worker.stop_early()
        if any(pair_names) or not shown:
            comparison = _renamed(comparison, pair_names)
        rendered = _render_comparison(
            comparison, chosen, generated_at, output, no_color, width, template_dir, md_limit
        )
        if _process_ends_with_command:
            # The comparison lives until the process ends: frozen, it is not walked by the
            # collection that resuming the collector sets off (~10 ms at 2,000 paragraphs);
            # kept, it is not freed object by object as this function returns (~2 ms), for
            # memory the process gives back whole as it ends (compare/__main__.py's _leave).
            gc.freeze()
            _kept_to_the_end.append(comparison)
        return rendered, comparison.summary.changed

    pair_files: tuple[tuple[Path, str], ...] = ()
    rendered: str | bytes
    if matrix or len(sources) > 2:
        from compare.coverage_report import CoverageRequest, run_coverage

        if output is None and open_report:
            import tempfile

            output = Path(tempfile.mkdtemp(prefix="storydiff-")) / "coverage.html"
        request = CoverageRequest(
            sources=tuple(sources),
            labels=tuple(label or ()),
            force=force,
            format=chosen.value,
            # Side-by-side reports go beside a file, not "beside" a device or a stream
            # (-o /dev/stdout wrote /dev/stdout-AB.html, and so on, into /dev).
            output=None if output is None or _is_stream_or_device(output) else output,
            generated_at=generated_at,
            load=load_options,
            width=_text_view(output, no_color, width)[1],
            template_dir=template_dir,
            md_limit=md_limit or None,
            compare=options,
        )
        result = guarded(lambda: run_coverage(request))
        rendered, changed, pair_files = result.report, result.changed, result.files
    else:
        rendered, changed = guarded(run)
    if output is None and open_report:
        import hashlib
        import tempfile

        data = rendered if isinstance(rendered, bytes) else rendered.encode()
        digest = hashlib.sha256(data).hexdigest()[:12]
        output = Path(tempfile.gettempdir()) / f"storydiff-{digest}.html"
    if output is None:
        if chosen is CompareFormat.html and isinstance(rendered, str):
            rendered = _html_bytes(rendered)
        _emit(rendered)  # bytes (JSON) go to the binary stream as they are
    else:
        target = output
        text = rendered + b"\n" if isinstance(rendered, bytes) else rendered + "\n"
        # The side-by-side reports first, and the one that links to them last: a failed
        # write leaves no report whose links lead nowhere.
        for pair_path, _ in pair_files:
            if pair_path.expanduser().is_dir():
                fail(
                    InputError(
                        f"cannot write {pair_path}, a side-by-side report of {target}: "
                        "it is a folder",
                        "move it away, or name the report otherwise with -o",
                    )
                )
        for pair_path, pair_html in pair_files:
            guarded(partial(write_atomic, pair_path, pair_html))
        guarded(lambda: write_atomic(target, text))
        if pair_files:
            # They may replace files of those names: say so, and where.
            from compare.text import plural

            names = [path.name for path, _ in pair_files]
            span = names[0] if len(names) == 1 else f"{names[0]} … {names[-1]}"
            typer.echo(
                f"storydiff: wrote {shown_name(str(target))} and "
                f"{plural(len(names), 'side-by-side report')} beside it ({shown_name(span)})",
                err=True,
            )
        else:
            typer.echo(f"storydiff: wrote {shown_name(str(target))}", err=True)
        if open_report:
            import webbrowser

            if not webbrowser.open(target.resolve().as_uri()):
                typer.echo("storydiff: found no web browser to open it", err=True)
    if changed and not exit_zero:
        raise typer.Exit(int(ExitCode.DIFFERENCES))


def _warn_unused_templates(template_dir: Path) -> None:
    """Say which files in --template-dir replace nothing (a misnamed override, such as
    report.html for report.html.j2), and the names that do: they were ignored unsaid."""
    from compare.render.html import override_names, unused_overrides

    unused = unused_overrides(template_dir)
    if unused:
        names = ", ".join(unused)
        typer.echo(
            f"storydiff: warning: --template-dir {template_dir}: {names} "
            f"{'replaces' if len(unused) == 1 else 'replace'} no file of the report — "
            f"an override takes the name of the file it replaces: {', '.join(override_names())}",
            err=True,
        )


def _renamed(comparison: "Comparison", names: tuple[str | None, ...]) -> "Comparison":
    """OLD and NEW named by --label, as outlets are in the multi-outlet view, and their
    sources as reports can show them (``shown_document``). Applied after comparing, so the
    names change only what the reports call the versions."""
    from dataclasses import replace

    old_name, new_name = names or (None, None)
    old, new = shown_document(comparison.old), shown_document(comparison.new)
    return replace(
        comparison,
        old=replace(old, site_name=old_name or old.site_name),
        new=replace(new, site_name=new_name or new.site_name),
    )


def _output_path(given: str | None) -> Path | None:
    """``-o`` as a path; ``None`` for stdout (no ``-o``, or ``-o -``)."""
    return None if given is None or given == "-" else Path(given)


def _names_folder(given: str) -> bool:
    """An ``-o`` that names a folder: one that exists, or a path ending in a slash."""
    import os

    return given.endswith(("/", os.sep)) or Path(given).expanduser().is_dir()


def _refuse_folder(given: str, name: str) -> None:
    """Refuse, before any work, an ``-o`` that names a folder: one that exists, or a path
    ending in a slash, which Path drops (``-o newdir/`` wrote a file named newdir).
    ``name`` is the file name the hint suggests in it."""
    import os

    folder = Path(given)
    if folder.expanduser().is_dir():
        raise _folder_error(folder, name)
    if _names_folder(given):
        raise InputError(
            f"cannot write {given}: a path ending in {os.sep} names a folder",
            f"give a file name, such as {folder / name}",
        )


def _refuse_database(given: str) -> None:
    """Refuse, before any work, an ``-o`` that is an SQLite database: `export URL -o
    news.db` (or `timeline`, or a `compare` of stored versions) replaced the version store
    it read, every version in it lost, with the report."""
    target = Path(given).expanduser()
    if not target.is_file():
        return
    try:
        with open(target, "rb") as file:
            head = file.read(16)
    except OSError:
        return  # what cannot be read is not known to be a store: the write says what it finds
    if head == b"SQLite format 3\x00":
        raise InputError(
            f"cannot write {given}: it is an SQLite database (a version store?), which the "
            "output would replace",
            "choose another file with -o",
        )


def _check_output(given: str, sources: list[str], name: str) -> None:
    """Refuse, before any work, an output that is a folder or one of the sources: the
    report would replace the saved page it was made from."""
    output = Path(given)
    target = output.expanduser()
    guarded(lambda: _refuse_folder(given, name))
    guarded(lambda: _refuse_database(given))
    if not target.exists():
        return  # a file not written yet is none of the sources
    for spec in sources:
        source = Path(spec).expanduser()
        if source.is_file() and target.samefile(source):
            fail(
                InputError(
                    f"cannot write the report to {output}: it is the source {spec}",
                    "choose another --output file",
                )
            )


def _folder_error(path: Path, name: str = "report.html") -> InputError:
    return InputError(
        f"cannot write {path}: it is a folder", f"give a file name, such as {path / name}"
    )


def _render_comparison(
    comparison: "Comparison",
    chosen: CompareFormat,
    generated_at: str,
    output: Path | None,
    no_color: bool,
    width: int | None,
    template_dir: Path | None,
    md_limit: int,
) -> str | bytes:
    """The report in the chosen format (JSON as UTF-8 bytes); colour and width only matter
    for the text view."""
    if chosen is CompareFormat.json:
        from compare.render import json as render_json

        return render_json.comparison_bytes(comparison, generated_at)
    if chosen is CompareFormat.md:
        from compare.render import markdown

        limit = md_limit or None
        return markdown.comparison(comparison, comparison.options.context, limit).rstrip("\n")
    if chosen is CompareFormat.html:
        try:
            from compare.render.html import render_comparison
        except ImportError as error:
            raise InputError(
                f"the HTML report is not available ({error})", "use --format text, json or md"
            ) from error
        html: str = render_comparison(
            comparison, generated_at=generated_at, template_dir=template_dir
        )
        return html.rstrip("\n")
    from compare.render import text as render_text

    color, columns = _text_view(output, no_color, width)
    return render_text.comparison(
        comparison, width=columns, color=color, context=comparison.options.context
    )


def _check_compare_options(
    threshold: float,
    context: int,
    md_limit: int,
    width: int | None,
    timeout: float,
    connect_timeout: float,
    max_bytes: int,
) -> None:
    """Refuse values that make no sense, in one line each (typer's ``min=`` takes three)."""
    # Negated, so that nan is refused too.
    if not 0 <= threshold <= 1:
        raise InputError(
            f"--threshold {threshold:g} is not a similarity",
            "give a number from 0 to 1, such as 0.5",
        )
    if context < 0:
        raise InputError(
            f"--context {context} is not a number of paragraphs", "give 0 or more, such as 2"
        )
    if md_limit < 0:
        raise InputError(
            f"--md-limit {md_limit} is not a length",
            "give the most characters to write, or 0 for no limit",
        )
    if width is not None and width < 20:
        raise InputError(f"--width {width} is too narrow for the report", "give 20 columns or more")
    _check_not_too_wide(width)
    _check_load_options(timeout, connect_timeout, max_bytes)


def _check_load_options(timeout: float, connect_timeout: float, max_bytes: int) -> None:
    _check_timeout("--timeout", timeout, "30")
    _check_timeout("--connect-timeout", connect_timeout, "10")
    if max_bytes < 1:
        raise InputError(
            f"--max-bytes {max_bytes} accepts no page",
            "give the largest page in bytes, such as 20000000",
        )


#: The longest wait an option takes, in seconds: a day. Longer ones (inf, 1e10) overflowed
#: the clock a socket waits on: "unexpected OverflowError".
_LONGEST_WAIT = 86_400
#: The widest text view: wider than any terminal, and far from the integers that overflow.
_WIDEST = 10_000


def _check_timeout(option: str, seconds: float, example: str) -> None:
    # Written "not >" so that nan is refused too.
    if not seconds > 0:
        raise InputError(
            f"{option} {seconds:g} leaves no time for a server to answer",
            f"give the seconds to wait, such as {example}",
        )
    if seconds > _LONGEST_WAIT:
        raise InputError(
            f"{option} {seconds:g} is longer than a day",
            f"give the seconds to wait, such as {example} (at most {_LONGEST_WAIT})",
        )


def _check_not_too_wide(width: int | None) -> None:
    if width is not None and width > _WIDEST:
        raise InputError(
            f"--width {width} is wider than any terminal", f"give at most {_WIDEST} columns"
        )


def _text_view(output: Path | None, no_color: bool, width: int | None) -> tuple[bool, int]:
    """Colour on a terminal (or with FORCE_COLOR), never with --no-color, NO_COLOR or a file;
    width from --width, else the terminal (COLUMNS), else 100 for files."""
    import os
    import shutil

    # (No stdout at all when the shell closed it: `storydiff compare a b >&-`.)
    stdout_tty = sys.stdout is not None and sys.stdout.isatty()
    to_terminal = output is None and (stdout_tty or bool(os.environ.get("FORCE_COLOR")))
    color = to_terminal and not no_color and not os.environ.get("NO_COLOR")
    columns = width or (shutil.get_terminal_size((100, 24)).columns if output is None else 100)
    # COLUMNS=99999999999999999999 overflowed the renderer's integers.
    columns = min(columns, _WIDEST)
    return color, columns


# ---- version history: track, watch, wayback, history, timeline, export ----------------------


class _TrackView:
    """Shows tracking as it happens: one line per page on stdout, a progress bar on stderr
    when it is a terminal, and the totals at the end."""

    def __init__(self, quiet_unchanged: bool) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.quiet_unchanged = quiet_unchanged
        console = Console(stderr=True)
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        )
        self.task: Any = None
        self.empty_feeds: set[str] = set()
        self.failing: dict[str, str] = {}
        """URL -> the failure last shown for it, while it keeps failing so."""

    def round_started(self, label: str, total: int) -> None:
        if self.task is not None:
            self.progress.remove_task(self.task)
        self.progress.start()
        self.task = self.progress.add_task(label, total=total)

    def event(self, event: Any) -> None:
        if self.task is not None:
            self.progress.advance(self.task)
        if self.quiet_unchanged and event.outcome in (
            "unchanged",
            "not-modified",
            "cosmetic",
            "reread",
        ):
            self.failing.pop(event.url, None)
            return
        if self.quiet_unchanged:
            # A page taken down fails every round of a watch that runs for days: its line
            # shows once, and again only when the failure changes or follows a recovery.
            if event.outcome == "failed" and self.failing.get(event.url) == event.detail:
                return
            if event.outcome == "failed":
                self.failing[event.url] = event.detail
            else:
                self.failing.pop(event.url, None)
        from compare.store import shown_url

        version = f"v{event.version}" if event.version else "-"
        outcome = "new story" if event.first else event.outcome
        # Times are stored in UTC, which the line says; the address without its utm_*,
        # which only cluttered the line, as the error beside it shows it.
        when = f"{event.at[:19].replace('T', ' ')} UTC"
        line = f"{when}  {outcome:<12} {version:>4}  {shown_url(event.url)}"
        typer.echo(f"{line}  {event.detail}".rstrip())

    def waiting(self, seconds: float) -> None:
        self.progress.stop()

    def round_skipped(self, reason: str) -> None:
        self.progress.stop()
        typer.echo(f"storydiff: round skipped: {reason} — the next round tries again", err=True)

    def feed_empty(self, feed_url: str) -> None:
        if feed_url not in self.empty_feeds:  # once a run, not every polling round
            self.empty_feeds.add(feed_url)
            typer.echo(f"storydiff: {feed_url} lists no items yet", err=True)

    def no_captures(self, url: str, archive: str) -> None:
        from compare.store import shown_url

        typer.echo(
            f"storydiff: the archive at {archive} holds no capture of {shown_url(url)}", err=True
        )

    def finish(self, summary: Any) -> None:
        from compare.text import plural

        self.progress.stop()
        parts = [
            plural(summary.new, "new version"),
            f"{summary.unchanged} unchanged",
            f"{summary.failed} failed",
        ]
        if summary.suspect:
            parts.append(f"{summary.suspect} held as suspect")
        if summary.skipped:
            parts.append(plural(summary.skipped, "round") + " skipped (store locked)")
        ending = " (interrupted)" if summary.interrupted else ""
        typer.echo(f"storydiff: {', '.join(parts)}{ending}", err=True)


def _stop_on_sigterm() -> None:
    """End polling cleanly on SIGTERM as on Ctrl-C: the transaction in progress rolls back,
    and the exit status says which signal it was."""
    import signal

    _interrupted["exit_code"] = int(ExitCode.INTERRUPTED)  # a run before may have set it

    def interrupt(signum: int, frame: object) -> None:
        _interrupted["exit_code"] = int(ExitCode.TERMINATED)
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def _track_options(
    every: str | None,
    until: str | None,
    delay: float,
    concurrency: int,
    timeout: float,
    connect_timeout: float = 10.0,
    max_bytes: int = 20_000_000,
) -> Any:
    from datetime import datetime, timezone

    from compare.model import LoadOptions
    from compare.track import TrackOptions, parse_duration, parse_until

    interval = parse_duration(every) if every else None
    if interval is not None and interval <= 0:
        raise InputError(
            f"--every {every} would poll without a pause", "give an interval such as 90s, 30m or 2h"
        )
    now = datetime.now(timezone.utc)
    try:
        stop = parse_until(until, now) if until else None
    except TimeOrDurationError as error:  # named for the option it was given to
        raise InputError(f"--until {error.message}", error.hint) from None
    # Without --every there is one round, which --until cannot stop: `track URL --until 8h`
    # fetched once and ended, as if it were following the story for eight hours.
    if stop is not None and interval is None:
        raise InputError(
            f"--until {until} ends a polling run, and without --every there is none",
            "add how often to fetch, such as --every 30m, or drop --until",
        )
    if stop is not None and stop <= now:
        raise InputError(
            f"--until {until} has already passed",
            "give a time to come (ISO 8601, UTC unless it says Z or an offset) or a duration "
            "such as 8h",
        )
    # Written "not ... <" so that nan (and inf, which no clock can wait) is refused too.
    if not 0 <= delay < math.inf:
        raise InputError(
            f"--delay {delay:g} is not a pause", "give the seconds between two requests, 0 or more"
        )
    if delay > _LONGEST_WAIT:  # (time.sleep overflowed: "unexpected OverflowError")
        raise InputError(
            f"--delay {delay:g} is longer than a day",
            f"give the seconds between two requests, at most {_LONGEST_WAIT}",
        )
    _check_load_options(timeout, connect_timeout, max_bytes)
    if concurrency < 1:
        raise InputError(
            f"--concurrency {concurrency} leaves no request in flight",
            "give how many requests may run at once, 1 or more",
        )
    return TrackOptions(
        load=LoadOptions(
            read_timeout=timeout, connect_timeout=connect_timeout, max_bytes=max_bytes
        ),
        every=interval,
        until=stop,
        host_delay=delay,
        concurrency=concurrency,
    )


def _run_tracking(run: Callable[[Any, Any], Any], db: Path | None, quiet: bool) -> None:
    import os

    from compare.store import Store

    def go() -> tuple[int, bool]:
        view = _TrackView(quiet)
        with Store.open(db) as store:
            try:
                summary = run(store, view)
            except BaseException:
                # A run that failed before storing anything (an archive query that failed,
                # a URL that is not http) leaves behind no store (nor folder) it made.
                with contextlib.suppress(Exception):  # the run's error is the one to tell
                    store.remove_if_unused()
                raise
        view.finish(summary)
        return int(summary.exit_code), summary.interrupted

    _stop_on_sigterm()
    code, interrupted = guarded(go)
    if interrupted:
        # Everything fetched is filed and the store is closed. A fetch still in flight
        # would hold the exit until its timeout (and a second Ctrl-C would break into
        # that wait with a traceback), so leave without waiting for it. The status tells
        # a script the run did not finish, whatever failed before.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_interrupted["exit_code"])
    if code:
        raise typer.Exit(code)


@app.command(cls=_ReadableUsage)
def track(
    urls: Annotated[list[str], typer.Argument(metavar="URL...", help="Article URLs to follow.")],
    every: EveryOption = None,
    until: UntilOption = None,
    delay: DelayOption = 2.0,
    concurrency: ConcurrencyOption = 4,
    timeout: TimeoutOption = 30.0,
    connect_timeout: ConnectTimeoutOption = 10.0,
    max_bytes: MaxBytesOption = 20_000_000,
    db: DbOption = None,
) -> None:
    """Fetch articles now (and --every interval), store a new version whenever the text or
    headline changed, and say what changed."""
    urls = [_url_argument(url) for url in urls]
    from compare.track import track as track_urls

    options = guarded(
        lambda: _track_options(
            every, until, delay, concurrency, timeout, connect_timeout, max_bytes
        )
    )
    _run_tracking(
        lambda store, view: track_urls(urls, store, options, view), db, quiet=every is not None
    )


@app.command(cls=_ReadableUsage)
def watch(
    feeds: Annotated[list[str], typer.Argument(metavar="FEED...", help="RSS or Atom feed URLs.")],
    every: EveryOption = None,
    until: UntilOption = None,
    follow: Annotated[
        str,
        typer.Option(
            metavar="<duration>",
            help="Keep tracking an article this long after it first appeared in a feed.",
        ),
    ] = "3d",
    delay: DelayOption = 2.0,
    concurrency: ConcurrencyOption = 4,
    timeout: TimeoutOption = 30.0,
    connect_timeout: ConnectTimeoutOption = 10.0,
    max_bytes: MaxBytesOption = 20_000_000,
    db: DbOption = None,
) -> None:
    """Read feeds, track every article they list, and print new and changed articles as
    they happen."""
    feeds = [_url_argument(feed) for feed in feeds]
    from dataclasses import replace

    from compare.track import parse_duration
    from compare.track import watch as watch_feeds

    def watch_options() -> Any:
        options = _track_options(
            every, until, delay, concurrency, timeout, connect_timeout, max_bytes
        )
        # 0 would drop each article the moment it leaves the feed, which --follow is for.
        seconds = parse_duration(follow)
        if seconds <= 0:
            raise InputError(
                f"--follow {follow} keeps no article once it leaves the feed",
                "give how long to keep tracking an article, such as 12h or 3d",
            )
        return replace(options, follow=seconds)

    options = guarded(watch_options)
    _run_tracking(lambda store, view: watch_feeds(feeds, store, options, view), db, quiet=True)


@app.command(cls=_ReadableUsage)
def wayback(
    url: Annotated[
        str, typer.Argument(metavar="URL", help="The article URL whose captures to import.")
    ],
    since: Annotated[
        str | None,
        typer.Option("--from", metavar="<date>", help="Only captures from this date (ISO 8601)."),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option("--to", metavar="<date>", help="Only captures up to this date (ISO 8601)."),
    ] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many captures.")] = None,
    archive: Annotated[
        str,
        typer.Option(
            envvar="STORYDIFF_WAYBACK", metavar="<url>", help="Base URL of the Wayback Machine."
        ),
    ] = "https://web.archive.org",
    delay: DelayOption = 1.0,
    timeout: TimeoutOption = 60.0,
    connect_timeout: ConnectTimeoutOption = 10.0,
    max_bytes: MaxBytesOption = 20_000_000,
    db: DbOption = None,
) -> None:
    """Import an article's Wayback Machine captures as versions, at their capture times."""
    url, archive = _url_argument(url), _url_argument(archive)
    from compare.store import parse_time
    from compare.track import WaybackOptions
    from compare.track import wayback as import_captures

    options = guarded(
        lambda: _track_options(None, None, delay, 2, timeout, connect_timeout, max_bytes)
    )
    if limit is not None and limit < 1:
        fail(
            InputError(
                f"--limit {limit} would import no capture",
                "give how many captures to import, 1 or more, or leave --limit out for all",
            )
        )
    archive_options = guarded(
        lambda: WaybackOptions(
            archive=archive,
            since=parse_time(since) if since else None,
            until=parse_time(to) if to else None,
            limit=limit,
        )
    )
    _run_tracking(
        lambda store, view: import_captures(url, store, options, archive_options, view),
        db,
        quiet=False,
    )


class HistoryFormat(str, Enum):
    text = "text"
    json = "json"


@app.command(cls=_ReadableUsage)
def history(
    url: Annotated[
        str | None,
        typer.Argument(
            metavar="URL",
            help="A tracked article URL (any URL it was seen at). Without it, every story "
            "the store holds: URL, headline, versions, first and last seen.",
        ),
    ] = None,
    format: Annotated[
        HistoryFormat, typer.Option("--format", "-f", help="text or json.")
    ] = HistoryFormat.text,
    width: Annotated[
        int | None,
        typer.Option(
            "--width", help="Columns of the text table. Default: the terminal's (COLUMNS)."
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """List the stored versions of an article: number, first seen, headline, words, and what
    changed against the previous one. Without a URL, list the stories the store holds."""
    url = url and _url_argument(url, always=True)
    from compare.render import timeline
    from compare.store import Store

    if width is not None and width < 20:
        fail(InputError(f"--width {width} is too narrow for the table", "give 20 columns or more"))
    guarded(lambda: _check_not_too_wide(width))
    columns = _text_view(None, True, width)[1]

    def run() -> str:
        with Store.open(db, read_only=True) as store:
            if url is None:
                stories, unfetched = store.overview(), store.never_fetched()
                if format is HistoryFormat.json:
                    return timeline.stories_json(store.path, stories, unfetched)
                return timeline.stories_table(store.path, stories, columns, unfetched)
            story = store.require_story(url)
            versions = store.history(story)
            failing = store.failing(story)
        if format is HistoryFormat.json:
            return timeline.history_json(story, versions, failing)
        return timeline.history_table(story, versions, failing, columns)

    _emit(guarded(run))


@app.command(cls=_ReadableUsage)
def timeline(
    url: Annotated[str, typer.Argument(metavar="URL", help="A tracked article URL.")],
    output_given: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="<path>",
            help="Where to write the HTML report (- is stdout). Default: "
            "reports/timeline-N.html in the current folder (N numbers the story in the store).",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Write one self-contained HTML report: the versions on a timeline, the headline history
    and every consecutive change."""
    url = _url_argument(url, always=True)
    from compare.render import timeline as render_timeline
    from compare.store import Store

    # `-o -` is stdout, as for compare: it made a file named "-" in the current folder.
    to_stdout = output_given == "-"
    output = _output_path(output_given)
    if output_given is not None and output is not None:
        given, path = output_given, output
        guarded(lambda: _refuse_folder(given, "timeline.html"))
        guarded(lambda: _refuse_database(given))
        guarded(lambda: _check_made_format(path, CompareFormat.html, "timeline"))

    def run() -> tuple[Path | None, str]:
        with Store.open(db, read_only=True) as store:
            story = store.require_story(url)
            html = render_timeline.render_story(
                store,
                story,
                generated_at=_utc_now(),
            )
        if to_stdout:
            return None, html
        target = output or Path("reports") / f"timeline-{story.id}.html"
        write_atomic(target, html)  # which makes reports/ (or -o's folders) when missing
        return target, html

    written, html = guarded(run)
    if written is None:
        _emit(_html_bytes(html))
    else:
        typer.echo(f"storydiff: wrote {shown_name(str(written))}", err=True)


class ExportFormat(str, Enum):
    json = "json"


@app.command(cls=_ReadableUsage)
def export(
    url: Annotated[str, typer.Argument(metavar="URL", help="A tracked article URL.")],
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="json.")] = (
        ExportFormat.json
    ),
    output_given: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", metavar="<path>", help="Write here instead of stdout (- is stdout)."
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Dump everything stored for an article: its URLs, every version (document and raw page)
    and every fetch attempt."""
    url = _url_argument(url, always=True)
    from compare.render.json import dumps
    from compare.store import Store

    def run() -> str:
        with Store.open(db, read_only=True) as store:
            return dumps(store.export(store.require_story(url)))

    output = _output_path(output_given)  # `-o -` is stdout, as for compare
    if output_given is not None and output is not None:
        given, target = output_given, output
        guarded(lambda: _refuse_folder(given, "story.json"))
        guarded(lambda: _refuse_database(given))
        guarded(lambda: _check_made_format(target, CompareFormat.json, "export"))
    data = guarded(run)
    if output is not None:
        guarded(lambda: write_atomic(output, data + "\n"))
    else:
        _emit(data)


def _emit(data: str | bytes) -> None:
    """Print a command's output on stdout. A stdout that cannot take it (a full disk behind
    ``> report.json``) is one line and exit 2: it was a traceback and exit 1, which for
    compare says "the versions differ". A reader that went away (EPIPE) ends the run quietly
    with 141 (see ``_leave_closed_stdout``)."""
    import os

    if sys.stdout is None:  # closed by the shell (`>&-`): it was "unexpected AttributeError"
        fail(
            InputError(
                "cannot write to standard output: it is closed",
                "drop the >&- that closed it, or write the output to a file with > or -o",
            )
        )
    try:
        fd: int | None = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # no descriptor: a test's runner
        fd = None
    stream = getattr(sys.stdout, "buffer", None)
    try:
        if isinstance(data, str):
            if fd is None and stream is None:
                typer.echo(data)
                return
            data = _encoded(data)
        sys.stdout.flush()
        if fd is None:
            assert stream is not None
            stream.write(data)
            stream.write(b"\n")
            stream.flush()
        else:
            # Written straight to the descriptor: a buffered write of megabytes that a reader
            # leaving cut short returned as if all were written, and the run went on to
            # exit 0 or 1. As it was, the report is not copied to add the line break (a
            # 2,000-paragraph JSON report is 4.7 MB).
            for chunk in (data, b"\n"):
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fd, view) :]
    except OSError as error:
        _stdout_failed(error, closed=error.errno == errno.EPIPE)


#: The errors of a write to a stream that cannot take it.
_WRITE_ERRORS = frozenset({errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def _stdout_failed(error: OSError, closed: bool | None = None) -> NoReturn:
    """End a run whose stdout failed: quietly with 141 when its reader went away (``closed``,
    else asked of the stream), else in one line and exit 2 (a full disk behind ``> x``)."""
    if closed or (closed is None and _stdout_closed(error)):
        _leave_closed_stdout()
    _silence_stdout()
    fail(
        InputError(
            f"cannot write to standard output: {error.strerror or error}",
            "free some space where it goes, or send it somewhere else",
        )
    )


def _html_bytes(html: str) -> bytes:
    """An HTML report as written to a file: UTF-8, as its ``<meta charset>`` says, whatever
    stdout's encoding (to a stdout in Latin-1 it was written Latin-1, "caf\\xe9")."""
    return html.encode("utf-8", "replace")


def _encoded(text: str) -> bytes:
    """``text`` in stdout's encoding (UTF-8 but in an old locale), what it cannot encode as
    ``?``: it ended in "unexpected UnicodeEncodeError". Not stripped of colour, as typer's
    echo did when stdout is no terminal: the text report is coloured only when it should be
    (FORCE_COLOR in a pipe, which echo undid)."""
    import codecs

    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    with contextlib.suppress(LookupError):
        if codecs.lookup(encoding).name == "ascii":
            # A stream Python took for ASCII (PYTHONIOENCODING=ascii, PYTHONUTF8=0 in the C
            # locale) is misconfigured: UTF-8, as typer's echo (click) wrote it, not "?".
            encoding = "utf-8"
    try:
        return text.encode(encoding, getattr(sys.stdout, "errors", None) or "strict")
    except UnicodeEncodeError:
        return text.encode(encoding, "replace")


def _check_made_format(output: Path, made: "CompareFormat", command: str) -> None:
    """Refuse an ``-o`` name whose extension promises another format than the only one
    ``command`` writes: `timeline -o story.md` filled story.md with HTML."""
    kinds = {"text": "a text file", "json": "a JSON file", "md": "a Markdown file"}
    implied = _FORMAT_BY_SUFFIX.get(output.suffix.lower())
    if implied is not None and implied is not made:
        kind = kinds.get(implied.value, "an HTML file")
        raise InputError(
            f"{command} writes {made.value.upper()}, and {output} names {kind}",
            f"name it {output.with_suffix('.' + made.value)}",
        )


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: never half a file.
    Through a symbolic link, the file it names is written; a terminal, pipe or device
    (``-o /dev/stdout``) is written straight into. A path that cannot be written is an
    :class:`InputError`, and what was there before is left as it was."""
    import os
    import tempfile

    path = path.expanduser()
    if path.is_dir():
        raise _folder_error(path)
    payload = data if isinstance(data, bytes) else data.encode("utf-8")
    stream = _open_stream(path)
    if stream is not None:
        # -o /dev/stdout, /dev/stderr, /dev/fd/N: the stream the shell opened, at its place
        # (">> log" appends). Resolved, it is the file behind it, and a rename would replace
        # that file, or an open() cut it short.
        try:
            while payload:
                payload = payload[os.write(stream, payload) :]
        except OSError as error:
            # -o /dev/stdout whose reader went away (`| head -1`) ends as a bare stdout's
            # does: quietly, with 141 (it was "cannot write" and exit 2).
            if error.errno == errno.EPIPE and _stdout_closed(error):
                _leave_closed_stdout()
            raise _write_error(path, error) from None
        return
    if path.exists() and not path.is_file():
        # Renaming over it would put a plain file in its place: as root, even in /dev.
        try:
            with open(path, "wb") as device:
                device.write(payload)
        except OSError as error:
            raise _write_error(path, error) from None
        return
    try:
        target = path.resolve() if path.is_symlink() else path
    except (OSError, RuntimeError):  # a loop of links
        raise InputError(
            f"cannot write {path}: its symbolic links go round in a loop",
            "choose another path with -o",
        ) from None
    if target.parent.exists() and not target.parent.is_dir():
        # mkstemp's "Not a directory" left the reader to find which part of the path.
        raise InputError(
            f"cannot write {path}: {target.parent} is a file, not a folder",
            "choose another path with -o",
        )
    if not target.parent.exists():
        # `-o reports/v2.html` as the README shows it, in a folder with no reports/ yet:
        # made, as `timeline` makes its default reports/ folder.
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise InputError(
                f"cannot write {path}: cannot create the folder {target.parent}: "
                f"{error.strerror or error}",
                "choose another path with -o",
            ) from None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise _write_error(path, error) from None
    try:
        # mkstemp's files are private (0600): give the report the mode of the file it
        # replaces, or what the umask gives any new file, so it can be shared as before.
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~umask)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, target)
    except BaseException as error:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _write_error(path, error) from None
        raise


def _is_stream_or_device(path: Path) -> bool:
    """Whether ``write_atomic`` writes ``path`` straight into (see there), not as a file."""
    path = path.expanduser()
    return _open_stream(path) is not None or (path.exists() and not path.is_file())


def _open_stream(path: Path) -> int | None:
    """The file descriptor that ``path`` names, for /dev/stdout, /dev/stderr, /dev/fd/N and
    /proc/self/fd/N, if it is open; else ``None``."""
    import os

    name = path.as_posix()
    if name in ("/dev/stdout", "/dev/stderr"):
        fd = 1 if name == "/dev/stdout" else 2
    elif name.startswith(("/dev/fd/", "/proc/self/fd/")) and name.rsplit("/", 1)[1].isdigit():
        fd = int(name.rsplit("/", 1)[1])
    else:
        return None
    try:
        os.fstat(fd)
    except OSError:
        return None
    return fd


def _write_error(path: Path, error: OSError) -> InputError:
    return InputError(
        f"cannot write {path}: {error.strerror or error}",
        "choose another path with -o, somewhere you can write and with room to spare",
    )


#: Whether this process ends when its command does (``main``), so that what the command
#: made need never be walked by the cycle collector (not so under a test's CliRunner).
_process_ends_with_command = False
#: What a command made that such a process keeps until it ends (see ``compare_command``).
_kept_to_the_end: list[object] = []


#: Documents ``compare.__main__`` loaded before the command line (with the default load
#: options), as (source, document) in the order of the sources: see ``_load_pair``.
_preloaded: tuple[tuple[str, "Document"], ...] = ()
#: Their comparison with the default options, made before the command line too: see
#: ``_compared_before``.
_compared: "Comparison | None" = None


def main(
    preloaded: tuple[tuple[str, "Document"], ...] = (), compared: "Comparison | None" = None
) -> None:
    """Run the command line; ``compare.__main__.main`` loads it (and freezes what the
    imports made) first, and may have loaded the two sources of a comparison
    (``preloaded``) and compared them with the default options (``compared``)."""
    global _process_ends_with_command, _preloaded, _compared
    _process_ends_with_command = True
    _preloaded, _compared = preloaded, compared
    # What a command run before in this process kept (a test's): only the last is kept.
    _kept_to_the_end.clear()
    try:
        _command_line()()
    finally:
        _preloaded, _compared = (), None  # for this command only: files may change
        # Nor is a command run after this one (a test's, under CliRunner) kept to the end.
        _process_ends_with_command = False
        # Nor what the command made: the collection at exit would walk every object of the
        # comparison, only for the process to end (19M at 2,000 paragraphs).
        gc.freeze()
