"""The compare command after its command line is read: check the output, choose the format,
load and compare the sources (or take what compare/__main__.py loaded and compared before),
render, write stdout or ``-o``, and exit as diff(1) does.

Without typer or click: ``compare.cli.compare_command`` declares the command's options and
calls ``run_compare``; a comparison of two local files asked for with nothing but how to
show it (compare/__main__.py's ``_fast_request``) calls it without loading the command
line (typer and click: ~100M instructions, ~20 ms of the process)."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compare.errors import ExitCode, InputError
from compare.exits import (
    debug,
    emit,
    end_if_stdout_failed,
    fail,
    guarded,
    leave_interrupted,
    say,
    stop_on_sigterm,
)
from compare.gcpause import paused_gc
from compare.output import (
    html_bytes,
    is_stream_or_device,
    names_folder,
    output_path,
    refuse_database,
    refuse_folder,
    refuse_read_only,
    write_atomic,
)
from compare.render import GITHUB_LIMIT, shown_document, shown_name

if TYPE_CHECKING:  # the model is imported when the command needs it
    from compare.model import CompareOptions, Comparison, Document, LoadOptions


class CompareFormat(str, Enum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"


#: The file name extension of each report format, for the names hints suggest.
_SUFFIX = {"text": "txt", "json": "json", "md": "md", "html": "html"}

#: The report format an --output file name implies when --format is not given.
FORMAT_BY_SUFFIX = {
    ".txt": CompareFormat.text,
    ".json": CompareFormat.json,
    ".md": CompareFormat.md,
    ".markdown": CompareFormat.md,
    ".html": CompareFormat.html,
    ".htm": CompareFormat.html,
}


def _load_pair(
    sources: list[str], options: LoadOptions, load: Callable[..., Document]
) -> tuple[Document, Document]:
    """OLD and NEW: the documents compare/__main__.py loaded ahead for these two sources
    (handed on by ``run_to_the_end``) when they read as they would with these options (the
    same documents then, read once), else loaded now."""
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


def _compared_before(old: Document, new: Document, options: CompareOptions) -> Comparison | None:
    """The comparison compare/__main__.py made ahead (handed on by ``run_to_the_end``), when
    it is of these documents (the very ones) with these options: see
    ``compare.__main__._compared_ahead``."""
    global _compared
    compared, _compared = _compared, None
    if compared is None or compared.old is not old or compared.new is not new:
        return None
    return compared if compared.options == options else None


def write_ahead(old: Document, new: Document, *made: Any) -> None:
    """Import the JSON writer and write the documents' JSON, and that of what the comparison
    has ``made`` (its blocks and sentence blocks), while the facets worker finds the changes
    (see ``compare.render.json.write_ahead``): ~8 ms less after it answers. Not for sources
    named in bytes UTF-8 cannot carry: they are renamed after comparing."""
    from compare.render import json as render_json

    if shown_document(old) is old and shown_document(new) is new:
        render_json.write_ahead(old, new, *made)


def utc_now() -> str:
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


def check_made_format(output: Path, made: CompareFormat, command: str) -> None:
    """Refuse an ``-o`` name whose extension promises another format than the one
    ``command`` writes: `timeline -o story.md` filled story.md with HTML, and `compare -o
    x.json -f html` x.json."""
    kinds = {"text": "a text file", "json": "a JSON file", "md": "a Markdown file"}
    implied = FORMAT_BY_SUFFIX.get(output.suffix.lower())
    if implied is not None and implied is not made:
        kind = kinds.get(implied.value, "an HTML file")
        raise InputError(
            f"{command} writes {made.value.upper()}, and {output} names {kind}",
            f"name it {output.with_suffix('.' + _SUFFIX[made.value])}",
        )


def _compare_format(
    given: CompareFormat | None, output: Path | None, open_report: bool
) -> CompareFormat:
    """--format wins; else the --output extension; else HTML for --open, text otherwise."""
    chosen = given
    if chosen is None and output is not None and output.suffix:
        chosen = FORMAT_BY_SUFFIX.get(output.suffix.lower())
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


def run_compare(
    sources: list[str],
    *,
    threshold: float = 0.5,
    no_moves: bool = False,
    context: int = 2,
    format: CompareFormat | None = None,
    output_given: str | None = None,
    exit_zero: bool = False,
    md_limit: int = GITHUB_LIMIT,
    no_color: bool = False,
    width: int | None = None,
    template_dir: Path | None = None,
    open_report: bool = False,
    matrix: bool = False,
    label: list[str] | None = None,
    force: bool = False,
    timeout: float = 30.0,
    connect_timeout: float = 10.0,
    max_bytes: int = 20_000_000,
    db: Path | None = None,
) -> None:
    """The compare command with its options read (their defaults are the command line's:
    see ``compare.cli.compare_command`` for what each means). Returns when the versions do
    not differ (or with ``exit_zero``); else ends in ``SystemExit``: 1 when they differ, as
    diff(1), and an error's code after its one line on stderr."""
    from compare.model import CompareOptions, LoadOptions

    # SIGTERM as Ctrl-C (the README's exit table says so): `-o`'s temporary file is removed.
    stop_on_sigterm()
    guarded(
        lambda: _check_compare_options(
            threshold, context, md_limit, width, timeout, connect_timeout, max_bytes
        )
    )
    generated_at = guarded(utc_now)
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
    twice = _given_twice(sources) if matrix or len(sources) > 2 else None
    if twice:
        # Two outlets' columns of one page would agree on everything.
        fail(InputError(f"{twice} is given twice", "give each outlet's page once"))
    output = output_path(output_given)
    # A folder's name says no format ("-o reports.v2/"): its error below says what it is.
    named = None if output_given is not None and names_folder(output_given) else output
    chosen = guarded(lambda: _compare_format(format, named, open_report))
    if output_given is not None and output is not None:
        _check_output(output_given, sources, f"report.{_SUFFIX[chosen.value]}")
        if format is not None and named is not None:
            # A --format the name contradicts, as `extract` refuses it: `-o x.json -f html`
            # filled x.json with HTML.
            guarded(lambda: check_made_format(named, chosen, "compare"))
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
    def run() -> tuple[str | bytes | tuple[bytes, ...], bool]:
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
                        facets_worker.while_waiting(partial(write_ahead, old, new))
                comparison = compare(old, new, options)
        finally:  # a worker start_early forked or prepare started that no alignment took
            facets_worker.stop_early()
        if any(pair_names) or not shown:
            comparison = _renamed(comparison, pair_names)
        same = _same_source(sources, comparison)
        if same:
            from dataclasses import replace

            warnings = (same, *comparison.summary.warnings)
            comparison = replace(comparison, summary=replace(comparison.summary, warnings=warnings))
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
    rendered: str | bytes | tuple[bytes, ...]
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
            output=None if output is None or is_stream_or_device(output) else output,
            generated_at=generated_at,
            load=load_options,
            width=text_view(output, no_color, width)[1],
            template_dir=template_dir,
            md_limit=md_limit or None,
            compare=options,
        )
        result = guarded(lambda: run_coverage(request))
        if chosen is not CompareFormat.text:
            # The report says why without the option (the HTML goes to editors, the JSON
            # to scripts): the one who ran the command hears how to keep it.
            for aside in result.coverage.set_aside:
                say(
                    f"storydiff: warning: set aside {result.coverage.labels[aside.doc]}: "
                    f"it {aside.reason}"
                )
        rendered, changed, pair_files = result.report, result.changed, result.files
    else:
        rendered, changed = guarded(run)
    if output is None and open_report:
        import hashlib
        import tempfile

        whole = _whole(rendered)
        data = whole if isinstance(whole, bytes) else whole.encode()
        digest = hashlib.sha256(data).hexdigest()[:12]
        output = Path(tempfile.gettempdir()) / f"storydiff-{digest}.html"
    if output is None:
        if chosen is CompareFormat.html and isinstance(rendered, str):
            rendered = html_bytes(rendered)
        emit(rendered)  # bytes (JSON) go to the binary stream as they are
    else:
        target = output
        whole = _whole(rendered)
        text = whole + b"\n" if isinstance(whole, bytes) else whole + "\n"
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
            say(
                f"storydiff: wrote {shown_name(str(target))} and "
                f"{plural(len(names), 'side-by-side report')} beside it ({shown_name(span)})"
            )
        else:
            say(f"storydiff: wrote {shown_name(str(target))}")
        if open_report:
            import webbrowser

            if not webbrowser.open(target.resolve().as_uri()):
                say("storydiff: found no web browser to open it")
    if changed and not exit_zero:
        raise SystemExit(int(ExitCode.DIFFERENCES))


def _warn_unused_templates(template_dir: Path) -> None:
    """Say which files in --template-dir replace nothing (a misnamed override, such as
    report.html for report.html.j2), and the names that do: they were ignored unsaid."""
    from compare.render.html import override_names, unused_overrides

    unused = unused_overrides(template_dir)
    if unused:
        names = ", ".join(unused)
        say(
            f"storydiff: warning: --template-dir {template_dir}: {names} "
            f"{'replaces' if len(unused) == 1 else 'replace'} no file of the report — "
            f"an override takes the name of the file it replaces: {', '.join(override_names())}"
        )


def _renamed(comparison: Comparison, names: tuple[str | None, ...]) -> Comparison:
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


def _same_source(sources: list[str], comparison: Comparison) -> str | None:
    """A warning when OLD and NEW are one source given twice (``a.html a.html``, a file
    and a link to it, ``URL@2 URL@2``) or two files of identical bytes: "no differences"
    alone read as a finding about two versions, when there was only one. ``None`` when
    the two read differently (a URL fetched twice may have changed between the fetches)."""
    old, new = comparison.old.provenance, comparison.new.provenance
    identical = bool(old.sha256) and old.sha256 == new.sha256
    if not identical and (old.sha256 or new.sha256):
        return None
    if _same_file(sources[0], sources[1]):
        return f"OLD and NEW are the same file ({shown_name(sources[1])})"
    if sources[0] == sources[1]:
        return f"OLD and NEW are the same source ({shown_name(sources[1])} given twice)"
    if identical:
        return (
            f"OLD and NEW are identical byte for byte ({shown_name(sources[0])} and "
            f"{shown_name(sources[1])})"
        )
    return None


def _given_twice(sources: list[str]) -> str | None:
    """The first source given again, as written or as another name of the same local file
    (``./wire.html``, a link to it), or None."""
    for i, later in enumerate(sources):
        for earlier in sources[:i]:
            if later == earlier or _same_file(earlier, later):
                return later
    return None


def _same_file(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` name one local file (the same path, or one linked to the
    other)."""
    if "-" in (a, b) or "://" in a or "://" in b:
        return False
    try:
        return Path(a).expanduser().is_file() and Path(a).expanduser().samefile(
            Path(b).expanduser()
        )
    except (OSError, ValueError):
        return False


def _check_output(given: str, sources: list[str], name: str) -> None:
    """Refuse, before any work, an output that is a folder or one of the sources: the
    report would replace the saved page it was made from."""
    output = Path(given)
    target = output.expanduser()
    guarded(lambda: refuse_folder(given, name))
    guarded(lambda: refuse_database(given))
    guarded(lambda: refuse_read_only(output))
    if not target.exists():
        return  # a file not written yet is none of the sources
    for spec in sources:
        source = Path(spec).expanduser()
        if spec == "-" and _stdin_is(target):
            fail(
                InputError(
                    f"cannot write the report to {shown_name(str(output))}: it is the source - "
                    "(standard input is read from it)",
                    "choose another --output file",
                )
            )
        if spec != "-" and source.is_file() and target.samefile(source):
            fail(
                InputError(
                    f"cannot write the report to {output}: it is the source {spec}",
                    "choose another --output file",
                )
            )


def _stdin_is(target: Path) -> bool:
    """Whether standard input is read from the file ``target`` (``- -o b.txt < b.txt``:
    the report replaced the version it was made from)."""
    import os
    import stat

    try:
        given = os.fstat(sys.stdin.fileno())
        return stat.S_ISREG(given.st_mode) and os.path.samestat(given, target.stat())
    except (AttributeError, OSError, ValueError):  # no stdin, or one with no descriptor
        return False


def _whole(rendered: str | bytes | tuple[bytes, ...]) -> str | bytes:
    """A report in one piece, as a file takes it (stdout takes JSON piece by piece)."""
    return b"".join(rendered) if isinstance(rendered, tuple) else rendered


def _render_comparison(
    comparison: Comparison,
    chosen: CompareFormat,
    generated_at: str,
    output: Path | None,
    no_color: bool,
    width: int | None,
    template_dir: Path | None,
    md_limit: int,
) -> str | bytes | tuple[bytes, ...]:
    """The report in the chosen format (JSON as the pieces of its UTF-8 bytes: see
    ``render_json.comparison_pieces``); colour and width only matter for the text view."""
    if chosen is CompareFormat.json:
        from compare.render import json as render_json

        return render_json.comparison_pieces(comparison, generated_at)
    if chosen is CompareFormat.md:
        from compare.render import markdown

        limit = md_limit or None
        return markdown.comparison(comparison, comparison.options.context, limit).rstrip("\n")
    if chosen is CompareFormat.html:
        return html_report(comparison, generated_at, template_dir)
    from compare.render import text as render_text

    color, columns = text_view(output, no_color, width)
    return render_text.comparison(
        comparison, width=columns, color=color, context=comparison.options.context
    )


def html_report(comparison: Comparison, generated_at: str, template_dir: Path | None = None) -> str:
    """The side-by-side HTML report of a pairwise comparison, as ``compare -o x.html``
    writes it but for its final newline, which the writer adds: ``track --report-dir``
    writes it too."""
    try:
        from compare.render.html import render_comparison
    except ImportError as error:
        raise InputError(
            f"the HTML report is not available ({error})", "use --format text, json or md"
        ) from error
    html: str = render_comparison(comparison, generated_at=generated_at, template_dir=template_dir)
    return html.rstrip("\n")


def stored_pair(old_spec: str, new_spec: str, load_options: LoadOptions) -> Comparison:
    """Two stored versions (``URL@2``, ``URL@3``) loaded and compared as ``storydiff
    compare URL@2 URL@3`` compares them, with its default options and its warning for one
    source given twice: what ``track --report-dir`` reports."""
    from compare import compare, load
    from compare.model import CompareOptions

    old, new = load(old_spec, load_options), load(new_spec, load_options)
    return with_same_source_warning([old_spec, new_spec], compare(old, new, CompareOptions()))


def with_same_source_warning(sources: list[str], comparison: Comparison) -> Comparison:
    """``comparison`` of ``sources`` with the warning ``compare`` gives when they are one
    source given twice (see :func:`_same_source`) first among its warnings."""
    from dataclasses import replace

    same = _same_source(sources, comparison)
    if same:
        warnings = (same, *comparison.summary.warnings)
        comparison = replace(comparison, summary=replace(comparison.summary, warnings=warnings))
    return comparison


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
    if width is not None and width < _NARROWEST:
        raise InputError(
            f"--width {width} is too narrow for the report", f"give {_NARROWEST} columns or more"
        )
    check_not_too_wide(width)
    check_load_options(timeout, connect_timeout, max_bytes)


def check_load_options(timeout: float, connect_timeout: float, max_bytes: int) -> None:
    check_timeout("--timeout", timeout, "30")
    check_timeout("--connect-timeout", connect_timeout, "10")
    if max_bytes < 1:
        raise InputError(
            f"--max-bytes {max_bytes} accepts no page",
            "give the largest page in bytes, such as 20000000",
        )


#: The longest wait an option takes, in seconds: a day. Longer ones (inf, 1e10) overflowed
#: the clock a socket waits on: "unexpected OverflowError".
LONGEST_WAIT = 86_400
#: The widest text view: wider than any terminal, and far from the integers that overflow.
_WIDEST = 10_000


def check_timeout(option: str, seconds: float, example: str) -> None:
    # Written "not >" so that nan is refused too.
    if not seconds > 0:
        raise InputError(
            f"{option} {seconds:g} leaves no time for a server to answer",
            f"give the seconds to wait, such as {example}",
        )
    if seconds > LONGEST_WAIT:
        raise InputError(
            f"{option} {seconds:g} is longer than a day",
            f"give the seconds to wait, such as {example} (at most {LONGEST_WAIT})",
        )


def check_not_too_wide(width: int | None) -> None:
    if width is not None and width > _WIDEST:
        raise InputError(
            f"--width {width} is wider than any terminal", f"give at most {_WIDEST} columns"
        )


def text_view(output: Path | None, no_color: bool, width: int | None) -> tuple[bool, int]:
    """Colour on a terminal (or with FORCE_COLOR), never with --no-color, NO_COLOR or a file,
    nor on a terminal that says it takes none (TERM=dumb: an editor's shell, as git, grep and
    rich read it) unless FORCE_COLOR asks; width from --width, else the terminal (COLUMNS),
    else 100 for files."""
    import os
    import shutil

    # (No stdout at all when the shell closed it: `storydiff compare a b >&-`.)
    stdout_tty = sys.stdout is not None and sys.stdout.isatty()
    stdout_tty = stdout_tty and os.environ.get("TERM") != "dumb"
    to_terminal = output is None and (stdout_tty or bool(os.environ.get("FORCE_COLOR")))
    color = to_terminal and not no_color and not os.environ.get("NO_COLOR")
    columns = width or (shutil.get_terminal_size((100, 24)).columns if output is None else 100)
    # COLUMNS=99999999999999999999 overflowed the renderer's integers; a terminal narrower
    # than --width takes (COLUMNS=10) gets the narrowest view, as --width 20 draws it.
    columns = max(min(columns, _WIDEST), _NARROWEST)
    return color, columns


#: The fewest columns the text view is drawn in (--width refuses fewer).
_NARROWEST = 20


#: Whether this process ends when its command does (``run_to_the_end``), so that what the
#: command made need never be walked by the cycle collector (not so under a test's CliRunner).
_process_ends_with_command = False
#: What a command made that such a process keeps until it ends (see ``run_compare``).
_kept_to_the_end: list[object] = []


#: Documents ``compare.__main__`` loaded before the command line (with the default load
#: options), as (source, document) in the order of the sources: see ``_load_pair``.
_preloaded: tuple[tuple[str, Document], ...] = ()
#: Their comparison with the default options, made before the command line too: see
#: ``_compared_before``.
_compared: Comparison | None = None


def run_to_the_end(
    command: Callable[[], None],
    preloaded: tuple[tuple[str, Document], ...] = (),
    compared: Comparison | None = None,
) -> None:
    """Run ``command`` (the command line, or ``run_compare`` itself) as the work of the whole
    process, given what ``compare.__main__.main`` may have loaded (``preloaded``) and
    compared with the default options (``compared``) before."""
    global _process_ends_with_command, _preloaded, _compared
    _process_ends_with_command = True
    _preloaded, _compared = preloaded, compared
    # What a command run before in this process kept (a test's): only the last is kept.
    _kept_to_the_end.clear()
    try:
        command()
    finally:
        _preloaded, _compared = (), None  # for this command only: files may change
        # Nor is a command run after this one (a test's, under CliRunner) kept to the end.
        _process_ends_with_command = False
        # Nor what the command made: the collection at exit would walk every object of the
        # comparison, only for the process to end (19M at 2,000 paragraphs).
        gc.freeze()


def run_alone(
    request: dict[str, object],
    preloaded: tuple[tuple[str, Document], ...] = (),
    compared: Comparison | None = None,
) -> None:
    """``run_compare(**request)`` as the whole process's work, without the command line
    (see compare/__main__.py's ``_fast_request``), ending as the command line ends it: Ctrl-C
    in one line, a stdout that cannot take the report as ``emit`` ends it (``_OneLineUsage``
    in compare/cli.py does the same around every command)."""
    debug["on"] = bool(request.pop("debug", False))

    def command() -> None:
        try:
            run_compare(**request)  # type: ignore[arg-type]
        except KeyboardInterrupt:  # outside ``guarded``: as the report goes to stdout
            leave_interrupted()
        except OSError as error:
            end_if_stdout_failed(error)
            raise

    run_to_the_end(command, preloaded, compared)
