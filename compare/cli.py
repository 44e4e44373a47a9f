"""The storydiff command: parse options, call the library, render, map errors to exit codes.

Each command stays thin: it builds one options object, calls one library function and
turns library errors into one-line messages with their exit codes.

How a command ends (one-line errors, exit codes, Ctrl-C, a closed stdout) is in
compare/exits.py, where ``-o`` goes in compare/output.py, and what ``compare`` does once its
options are read in compare/compare_command.py: none of them loads typer, so that a
comparison of two local files can run without the command line (compare/__main__.py).

Unlike the other modules, this one does not use ``from __future__ import annotations``:
typer reads the annotations of every command at each start, and as strings each one has to
be evaluated again: 50M instructions (10-15 ms) per run. So the option types are defined
before use.
"""

import contextlib
import math
import sys
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from compare import __version__, exits
from compare.compare_command import (
    LONGEST_WAIT,
    CompareFormat,
    check_load_options,
    check_made_format,
    check_not_too_wide,
    run_compare,
    run_to_the_end,
    text_view,
    utc_now,
)
from compare.errors import ExitCode, InputError, TimeOrDurationError
from compare.exits import (
    emit,
    end_if_stdout_failed,
    fail,
    guarded,
    leave_interrupted,
    report,
    say,
)
from compare.output import (
    html_bytes,
    output_path,
    refuse_database,
    refuse_folder,
    write_atomic,
)
from compare.render import GITHUB_LIMIT, shown_document, shown_name

if TYPE_CHECKING:  # the model is imported when a command needs it, not for --help
    from compare.model import Comparison, Document
    from compare.multi import LeftOut


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
            leave_interrupted()
        except Exception as error:
            _raise_usage(error)


def _raise_usage(error: Exception) -> NoReturn:
    """Re-raise ``error``; a usage error first prints its one line and becomes exit 2, and
    so does a stdout that cannot take the help or the version (``--help > /dev/full``: it
    was a traceback); a reader of stdout that went away ends the run quietly."""
    end_if_stdout_failed(error)
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
    say(f"storydiff: error: {message[:1].lower()}{message[1:]} — see `{command} --help`")
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
    typer.Option(
        "--timeout",
        help="Seconds to wait for a server's bytes (read timeout); a whole fetch may take "
        "4 times this.",
    ),
]
ConnectTimeoutOption = Annotated[
    float, typer.Option("--connect-timeout", help="Seconds to wait for a connection.")
]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", help="Largest page accepted, in bytes.")
]
ReportDirOption = Annotated[
    Path | None,
    typer.Option(
        "--report-dir",
        metavar="DIR",
        help="Write the HTML report of each new version against the one before into DIR "
        "(host-slug-vN-vM.html).",
    ),
]
JsonlOption = Annotated[
    bool,
    typer.Option(
        "--jsonl",
        help="One JSON object per fetch on stdout (schema storydiff.track-event/1) instead "
        "of the lines for people.",
    ),
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
    exits.debug["on"] = debug


def _url_argument(spec: str, always: bool = False, name: str | None = "URL") -> str:
    """A URL as given on the command line with its bytes that are not UTF-8 (Python holds
    them as lone surrogates) percent-encoded, as a browser sends them (``/caf%E9``): they
    ended every command that fetches or looks a URL up in "unexpected UnicodeEncodeError".
    Only a spec with ``://`` unless ``always``: a file's name must stay as it is to be read.
    An empty argument ``name`` (a shell variable left unset: ``storydiff compare "$OLD"
    new.html``) is a usage error: it was read as the current folder ("error: is a
    directory") or as a URL of no words ("no stored versions of in …")."""
    if name is not None and not spec.strip():
        hint = {
            "SOURCE": "give a file's path, an http(s) URL or - for stdin",
            "FEED": "give the feed's http(s) URL",
        }.get(name, "give the article's http(s) URL")
        fail(InputError(f"the {name} given is empty ('')", hint))
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
    format_given: Annotated[
        ExtractFormat | None,
        typer.Option(
            "--format", "-f", help="text or json. Default: json for an -o that ends in .json."
        ),
    ] = None,
    output_given: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="<path>",
            help="Write here instead of stdout (- is stdout); a run that loads nothing leaves "
            "it as it was.",
        ),
    ] = None,
    timeout: TimeoutOption = 30.0,
    connect_timeout: ConnectTimeoutOption = 10.0,
    max_bytes: MaxBytesOption = 20_000_000,
    db: DbOption = None,
) -> None:
    """Extract the article from each source and print it (metadata and numbered paragraphs)."""
    sources = [_url_argument(spec, name="SOURCE") for spec in sources]
    from compare import load
    from compare.model import Document, LoadOptions

    output = output_path(output_given)  # `-o -` is stdout, as for compare
    format = format_given or ExtractFormat.text
    if output_given is not None and output is not None:
        given, target = output_given, output
        if format_given is None and target.suffix.lower() == ".json":
            format = ExtractFormat.json
        made = CompareFormat.json if format is ExtractFormat.json else CompareFormat.text
        guarded(lambda: refuse_folder(given, "v1.json" if made is CompareFormat.json else "v1.txt"))
        guarded(lambda: refuse_database(given))
        guarded(lambda: check_made_format(target, made, "extract"))
    guarded(lambda: check_load_options(timeout, connect_timeout, max_bytes))
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
            say(f"storydiff: warning: {shown_name(spec)}: {warning}")
    if format is ExtractFormat.json:
        from compare.render import json as render_json

        shown = [render_json.documents(documents)] if documents else []
    else:
        from compare.render import text as render_text

        shown = [("\n" if i else "") + render_text.document(d) for i, d in enumerate(documents)]
    if output is not None:
        # Whole or not at all: `extract URL -f json > v1.json` left an empty v1.json when the
        # fetch failed, in place of the version saved before.
        if shown:
            data = "\n".join(shown) + "\n"
            guarded(lambda: write_atomic(output, data))
    else:
        for part in shown:
            emit(part)
    if exit_code:
        raise SystemExit(exit_code)


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
            "rather than reworded (pairs that keep a whole sentence, or a split or merge, "
            "stay reworded: see the README).",
        ),
    ] = 0.5,
    no_moves: Annotated[
        bool,
        typer.Option(
            "--no-moves",
            help="Do not look for moved paragraphs or sentences (a reordered story still "
            "counts as changed, exit 1, with a warning).",
        ),
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
    given = [_url_argument(spec, name="SOURCE") for spec in sources]
    run = partial(
        run_compare,
        given,
        threshold=threshold,
        no_moves=no_moves,
        context=context,
        format=format,
        output_given=output_given,
        exit_zero=exit_zero,
        md_limit=md_limit,
        no_color=no_color,
        width=width,
        template_dir=template_dir,
        open_report=open_report,
        matrix=matrix,
        label=label,
        force=force,
        timeout=timeout,
        connect_timeout=connect_timeout,
        max_bytes=max_bytes,
        db=db,
    )
    if matrix or len(given) > 2:
        _coverage_leaving_out(run)
    else:
        run()


def _coverage_leaving_out(run: Callable[[], None]) -> None:
    """Run a comparison of outlets, which carries on without a source that fails to load
    while two or more load (compare/coverage_report.py): warn of each one left out on
    stderr as the loads end, and once the report is written, end with the first one's exit
    code (3 fetch, 4 no article, 2 input) rather than 0 or 1, so that a script notices. A
    failure of the run itself (a report that cannot be written, Ctrl-C) ends as it would."""
    from compare.coverage_report import hearing_of_left_out

    left_out: list[LeftOut] = []

    def heard(sources: "tuple[LeftOut, ...]") -> None:
        for one in sources:
            say(f"storydiff: warning: {one.warning}")
        left_out.extend(sources)

    with hearing_of_left_out(heard):
        try:
            run()
        except SystemExit as stop:
            # 0 or 1 only says whether the outlets differ; any other code (a report that
            # could not be written, Ctrl-C) is the worse news, and stands.
            if not left_out or stop.code not in (None, 0, int(ExitCode.DIFFERENCES)):
                raise
    if left_out:
        raise SystemExit(left_out[0].exit_code)


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
        if (
            self.quiet_unchanged
            and event.outcome in ("unchanged", "not-modified", "cosmetic", "reread")
            and event.back is None  # a page back after failing (a takedown undone) is news
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
        report = f"; report: {shown_name(event.report)}" if event.report else ""
        typer.echo(f"{line}  {event.detail}{report}".rstrip())
        self.report_failed(event)

    def report_failed(self, event: Any) -> None:
        if event.report_error:
            say(
                f"storydiff: warning: {event.report_error} — version {event.version} is "
                "stored; `storydiff compare` makes its report later"
            )

    def waiting(self, seconds: float) -> None:
        self.progress.stop()

    def round_skipped(self, reason: str) -> None:
        self.progress.stop()
        say(f"storydiff: round skipped: {reason} — the next round tries again")

    def feed_empty(self, feed_url: str) -> None:
        if feed_url not in self.empty_feeds:  # once a run, not every polling round
            self.empty_feeds.add(feed_url)
            say(f"storydiff: {feed_url} lists no items yet")

    def no_captures(self, url: str, archive: str, dated: bool) -> None:
        from compare.store import shown_url

        dates = " in the dates asked for (--from, --to)" if dated else ""
        say(f"storydiff: the archive at {archive} holds no capture of {shown_url(url)}{dates}")

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
        say(f"storydiff: {', '.join(parts)}{ending}")
        if summary.renumbered:
            say(
                "storydiff: older captures were filed before versions stored earlier, "
                f"so {_renumbering(summary.renumbered)} (to keep a citation stable, cite a "
                "version by time: URL@ followed by its first-seen time from history)"
            )


class _JsonlView(_TrackView):
    """``--jsonl``: every fetch as one JSON line on stdout (compare/publish.py), flushed at
    once for the program reading it; messages and the totals stay on stderr."""

    def __init__(self) -> None:
        super().__init__(quiet_unchanged=False)

    def event(self, event: Any) -> None:
        from compare.publish import event_dict
        from compare.render.json import dumps

        if self.task is not None:
            self.progress.advance(self.task)
        typer.echo(dumps(event_dict(event)))
        sys.stdout.flush()
        self.report_failed(event)


def _renumbering(pairs: Sequence[tuple[int, int]]) -> str:
    """How versions were renumbered, briefly: "version 2 is now 5", "versions 1-3 are now
    4-6" (one shift for a run of versions), or the first few moves of a mixed renumbering."""
    (first, moved_first), (last, moved_last) = pairs[0], pairs[-1]
    shifts = {now - was for was, now in pairs}
    if len(shifts) == 1 and last - first == len(pairs) - 1:
        if first == last:
            return f"version {first} is now {moved_first}"
        return f"versions {first}-{last} are now {moved_first}-{moved_last}"
    shown = ", ".join(f"{was} is now {now}" for was, now in pairs[:4])
    rest = f" and {len(pairs) - 4} more moved" if len(pairs) > 4 else ""
    return f"version {shown}{rest}"


def _track_options(
    every: str | None,
    until: str | None,
    delay: float,
    concurrency: int,
    timeout: float,
    connect_timeout: float = 10.0,
    max_bytes: int = 20_000_000,
    report_dir: Path | None = None,
    jsonl: bool = False,
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
    if delay > LONGEST_WAIT:  # (time.sleep overflowed: "unexpected OverflowError")
        raise InputError(
            f"--delay {delay:g} is longer than a day",
            f"give the seconds between two requests, at most {LONGEST_WAIT}",
        )
    check_load_options(timeout, connect_timeout, max_bytes)
    if concurrency < 1:
        raise InputError(
            f"--concurrency {concurrency} leaves no request in flight",
            "give how many requests may run at once, 1 or more",
        )
    if report_dir is not None:
        _check_report_dir(report_dir)
    return TrackOptions(
        load=LoadOptions(
            read_timeout=timeout, connect_timeout=connect_timeout, max_bytes=max_bytes
        ),
        every=interval,
        until=stop,
        host_delay=delay,
        concurrency=concurrency,
        report_dir=report_dir,
        key_changes=jsonl,
    )


def _check_report_dir(report_dir: Path) -> None:
    """Refuse, before any store is opened, a --report-dir that is a file (the reports
    would go nowhere, each with a warning), and a SOURCE_DATE_EPOCH the reports cannot
    carry. A folder not there yet is made with the first report."""
    from compare.compare_command import utc_now as report_time
    from compare.output import refuse_unwritable

    refuse_unwritable(str(report_dir))
    path = report_dir.expanduser()
    if path.exists() and not path.is_dir():
        raise InputError(
            f"--report-dir {report_dir} is a file, not a folder",
            "give a folder for the reports (it is made if it is not there)",
        )
    report_time()


def _run_tracking(
    run: Callable[[Any, Any], Any], db: Path | None, quiet: bool, jsonl: bool = False
) -> None:
    import os

    from compare.store import Store

    def go() -> tuple[int, bool]:
        view = _JsonlView() if jsonl else _TrackView(quiet)
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

    # Polling ends cleanly on SIGTERM as on Ctrl-C: the transaction in progress rolls back,
    # and the exit status says which signal it was.
    exits.stop_on_sigterm()
    code, interrupted = guarded(go)
    if interrupted:
        # Everything fetched is filed and the store is closed. A fetch still in flight
        # would hold the exit until its timeout (and a second Ctrl-C would break into
        # that wait with a traceback), so leave without waiting for it. The status tells
        # a script the run did not finish, whatever failed before.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(exits.interrupted["exit_code"])
    if code:
        raise SystemExit(code)


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
    report_dir: ReportDirOption = None,
    jsonl: JsonlOption = False,
    db: DbOption = None,
) -> None:
    """Fetch articles now (and --every interval), store a new version whenever the text or
    headline changed, and say what changed."""
    urls = [_url_argument(url) for url in urls]
    from compare.track import track as track_urls

    options = guarded(
        lambda: _track_options(
            every,
            until,
            delay,
            concurrency,
            timeout,
            connect_timeout,
            max_bytes,
            report_dir,
            jsonl,
        )
    )
    _run_tracking(
        lambda store, view: track_urls(urls, store, options, view),
        db,
        quiet=every is not None,
        jsonl=jsonl,
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
    report_dir: ReportDirOption = None,
    jsonl: JsonlOption = False,
    db: DbOption = None,
) -> None:
    """Read feeds, track every article they list, and print new and changed articles as
    they happen."""
    feeds = [_url_argument(feed, name="FEED") for feed in feeds]
    from dataclasses import replace

    from compare.track import parse_duration
    from compare.track import watch as watch_feeds

    def watch_options() -> Any:
        options = _track_options(
            every,
            until,
            delay,
            concurrency,
            timeout,
            connect_timeout,
            max_bytes,
            report_dir,
            jsonl,
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
    _run_tracking(
        lambda store, view: watch_feeds(feeds, store, options, view), db, quiet=True, jsonl=jsonl
    )


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
    report_dir: ReportDirOption = None,
    jsonl: JsonlOption = False,
    db: DbOption = None,
) -> None:
    """Import an article's Wayback Machine captures as versions, at their capture times."""
    url, archive = _url_argument(url), _url_argument(archive, name=None)
    from compare.store import parse_time
    from compare.track import WaybackOptions
    from compare.track import wayback as import_captures

    options = guarded(
        lambda: _track_options(
            None, None, delay, 2, timeout, connect_timeout, max_bytes, report_dir, jsonl
        )
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
        jsonl=jsonl,
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
    url = url if url is None else _url_argument(url, always=True)
    from compare.render import timeline
    from compare.store import Store

    if width is not None and width < 20:
        fail(InputError(f"--width {width} is too narrow for the table", "give 20 columns or more"))
    guarded(lambda: check_not_too_wide(width))
    columns = text_view(None, True, width)[1]

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
            fetches = store.fetches(story)
            elsewhere = timeline.fetched_elsewhere(story, versions, fetches)
            moved = timeline.moves(versions, fetches)
        if format is HistoryFormat.json:
            return timeline.history_json(story, versions, failing, elsewhere, moved)
        return timeline.history_table(story, versions, failing, columns, elsewhere, moved)

    emit(guarded(run))


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
    output = output_path(output_given)
    if output_given is not None and output is not None:
        given, path = output_given, output
        guarded(lambda: refuse_folder(given, "timeline.html"))
        guarded(lambda: refuse_database(given))
        guarded(lambda: check_made_format(path, CompareFormat.html, "timeline"))

    def run() -> tuple[Path | None, str]:
        with Store.open(db, read_only=True) as store:
            story = store.require_story(url)
            html = render_timeline.render_story(
                store,
                story,
                generated_at=utc_now(),
            )
        if to_stdout:
            return None, html
        target = output or Path("reports") / f"timeline-{story.id}.html"
        write_atomic(target, html)  # which makes reports/ (or -o's folders) when missing
        return target, html

    written, html = guarded(run)
    if written is None:
        emit(html_bytes(html))
    else:
        say(f"storydiff: wrote {shown_name(str(written))}")


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

    output = output_path(output_given)  # `-o -` is stdout, as for compare
    if output_given is not None and output is not None:
        given, target = output_given, output
        guarded(lambda: refuse_folder(given, "story.json"))
        guarded(lambda: refuse_database(given))
        guarded(lambda: check_made_format(target, CompareFormat.json, "export"))
    data = guarded(run)
    if output is not None:
        guarded(lambda: write_atomic(output, data + "\n"))
    else:
        emit(data)


def main(
    preloaded: tuple[tuple[str, "Document"], ...] = (), compared: "Comparison | None" = None
) -> None:
    """Run the command line; ``compare.__main__.main`` loads it (and freezes what the
    imports made) first, and may have loaded the two sources of a comparison
    (``preloaded``) and compared them with the default options (``compared``)."""
    run_to_the_end(lambda: _command_line()(), preloaded, compared)
