"""``python -m compare`` and the ``storydiff`` script run the storydiff command."""

from __future__ import annotations

import atexit
import gc
import os
import sys
from collections.abc import Callable
from functools import partial
from types import ModuleType
from typing import TYPE_CHECKING, Any

from compare.gcpause import paused_gc

if TYPE_CHECKING:
    from compare.model import Comparison, Document


def main() -> None:
    """Load the two files of a comparison (when an early worker was forked for them), then
    the command line; run it, and leave without tearing the heap down. A comparison of two
    local files asked for with nothing but how to show it runs without the command line
    (see ``_fast_request``)."""
    # typer, click and the CLI make ~100k objects that live as long as the process. Loaded
    # with the collector paused and frozen at once, they are never walked: not while they
    # load (9M instructions of --version's 261M), nor in each full collection and at exit
    # after (26M).
    code: str | int | None = 0
    try:
        with paused_gc():
            request = _fast_request(sys.argv[1:])
            files = _start_facets_worker(sys.argv[1:])
            preloaded, compared = _preload(files, sys.argv[1:], request)
            if request is None:
                from compare.cli import main as run
            else:
                from compare.compare_command import CompareFormat, run_alone

                if "format" in request:
                    request["format"] = CompareFormat(request["format"])
                run = partial(run_alone, request)
            gc.freeze()
        run(preloaded, compared)
    except SystemExit as stop:
        code = stop.code
    except KeyboardInterrupt:  # as the files preload or the command line loads
        from compare.errors import ExitCode

        print("storydiff: interrupted", file=sys.stderr)
        code = int(ExitCode.INTERRUPTED)
    finally:
        if "compare.facets_worker" in sys.modules:  # one no comparison took (an error...)
            sys.modules["compare.facets_worker"].stop_early()
    _leave(code)


#: The options of ``compare`` that ``_fast_request`` reads: each one's keyword of
#: ``run_compare`` (compare/compare_command.py), and how its value is read (None: a flag).
_FAST_OPTIONS: dict[str, tuple[str, Callable[[str], object] | None]] = {
    "-f": ("format", str),
    "--format": ("format", str),
    "-o": ("output_given", str),
    "--output": ("output_given", str),
    "--width": ("width", int),  # int(): what click's INT does with the text
    "--md-limit": ("md_limit", int),
    "--no-color": ("no_color", None),
    "--exit-zero": ("exit_zero", None),
}


#: The values of ``--format`` (compare_command.CompareFormat's: that module is not imported
#: to read them; a value missing here only sends its command the slower way, through typer).
_FORMATS = ("text", "json", "md", "html")


def _fast_request(args: list[str]) -> dict[str, object] | None:
    """The keywords of ``run_compare`` when ``args`` (``--debug`` perhaps, then ``compare``
    and the rest) ask for the default comparison of two local files, shown as the options of
    ``_FAST_OPTIONS`` say, each given once and read as the command line reads it (an option
    and its value apart or, for a long one, ``--name=value``). Then the command runs without
    typer and click loaded (~100M instructions, ~20 ms). None for anything else, or for
    anything the command line may read otherwise or refuse (an unknown or repeated option,
    ``--``, ``-fjson``, a value that starts with "-", a format it does not know, a width
    that is no integer, stdin, a URL, a stored version, an empty or blank source): the
    command line reads those, and
    says what is wrong in its words."""
    debug = bool(args) and args[0] == "--debug"
    args = args[1:] if debug else args
    if not args or args[0] != "compare":
        return None
    if any(name[:1] == "_" and name.endswith("_COMPLETE") for name in os.environ):
        return None  # _STORYDIFF_COMPLETE=...: typer's shell completion answers, not compare
    request: dict[str, object] = {"debug": debug}
    sources = []
    rest = iter(args[1:])
    for arg in rest:
        if not arg.startswith("-"):
            sources.append(arg)
            continue
        name, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name not in _FAST_OPTIONS or _FAST_OPTIONS[name][0] in request:
            return None
        keyword, read = _FAST_OPTIONS[name]
        if read is None:
            if equals:  # --no-color=yes: a usage error
                return None
            request[keyword] = True
            continue
        if not equals:
            value = next(rest, "")
        if not value or (value.startswith("-") and value != "-"):
            return None
        if keyword == "format" and value not in _FORMATS:
            return None
        try:
            request[keyword] = read(value)
        except ValueError:
            return None
    if len(sources) != 2 or any(
        name == "-" or "@" in name or "://" in name or not name.strip() for name in sources
    ):
        return None  # (an empty one, an unset shell variable: the command line says so)
    request["sources"] = sources
    return request


#: Options of ``compare`` whose value names a file that is no source.
_FILE_OPTIONS = ("-o", "--output", "--db")


def _start_facets_worker(args: list[str]) -> list[str]:
    """For a comparison of two big local files, fork the facets worker now, ~40 ms before
    the documents are loaded, so that it has its module imported and its patterns compiled
    when they are (see ``start_early`` in compare/facets_worker.py); the local files it was
    forked for (none when it was not). A guess from the arguments, before the command line
    is loaded to read them: a wrong one costs a fork, never a difference in the output."""
    while args and args[0].startswith("-"):  # --debug
        args = args[1:]
    if len(args) < 3 or args[0] != "compare" or "--matrix" in args:
        return []
    _import_dataclasses_without_inspect()
    from compare import facets_worker

    facets_worker.process_ends_after_comparison()  # (its worker is not waited for as it ends)
    return (
        facets_worker.start_early(
            [arg for i, arg in enumerate(args[1:], 1) if args[i - 1] not in _FILE_OPTIONS]
        )
        or []
    )


class _InspectOnUse(ModuleType):
    """Stands for the inspect module in the one module that imports it while it stands in
    sys.modules (dataclasses): its first attribute asked for imports the real module, which
    answers that and every later one."""

    def __getattr__(self, name: str) -> Any:
        import inspect

        return getattr(inspect, name)


def _import_dataclasses_without_inspect() -> None:
    """Import dataclasses without importing inspect, where neither is imported yet.

    dataclasses imports inspect (with ast, dis and tokenize: ~35M instructions, ~6 ms, the
    most costly import before the facets worker is forked) only to write the signature of
    a dataclass without a docstring into its ``__doc__``; storydiff's all have one, and a
    comparison uses inspect nowhere else. The stand-in is in sys.modules only while
    dataclasses imports: any other ``import inspect`` gets the real module, and so does
    dataclasses the first time it uses inspect. (Measured by instructions: tests check that
    dataclasses works as before and that inspect stays unloaded.)"""
    if "dataclasses" in sys.modules or "inspect" in sys.modules:
        return
    sys.modules["inspect"] = _InspectOnUse("inspect")
    try:
        import dataclasses  # noqa: F401
    finally:
        if isinstance(sys.modules.get("inspect"), _InspectOnUse):
            del sys.modules["inspect"]


def _preload(
    files: list[str], args: list[str], request: dict[str, object] | None = None
) -> tuple[tuple[tuple[str, Document], ...], Comparison | None]:
    """The two files a worker was forked for, loaded with the default options and handed
    to it before the command line is loaded (``compare.cli.main`` takes them, or
    ``compare.compare_command.run_alone`` without it: see ``_fast_request``), so that the
    worker starts on them sooner (through typer, its import and the command's parsing,
    ~100M instructions, then come while it works). And when ``request`` (``_fast_request``'s:
    the typer path, ``--open`` or an option given twice, gets none) asks for nothing but
    their default comparison, that comparison too: the worker then follows the alignment's
    reworded pairs ~20 ms sooner. The compare
    command uses what it is given only for the sources it is given, in order, read and
    compared with the same options (else it loads and compares anew, and a worker handed
    other documents is stopped): a wrong guess costs time, never a difference in the
    output. What fails here is left for the command to do again, and report. Not for a
    third source (a URL: outlets compared claim by claim), nor for the help."""
    if len(files) != 2 or any(name == "-" or "@" in name for name in files):
        return (), None  # stdin can be read once; "@" may name a stored version
    if "--help" in args or any("://" in arg for arg in args):
        return (), None
    from compare import facets_worker, load
    from compare.model import LoadOptions

    try:
        old, new = (load(name, LoadOptions()) for name in files)
        facets_worker.prepare(old, new)
    except Exception:  # (Ctrl-C: main tells it as the command does)
        return (), None
    preloaded = ((files[0], old), (files[1], new))
    if request is None or request["sources"] != files:
        return preloaded, None
    return preloaded, _compared_ahead(old, new, request)


def _compared_ahead(old: Document, new: Document, request: dict[str, object]) -> Comparison | None:
    """The default comparison of the two preloaded documents, made before the command runs;
    while it waits for the worker's answer, this process writes the documents' JSON for a
    JSON report. None when it fails (the command tries again)."""
    from compare import compare, facets_worker
    from compare.model import CompareOptions

    output = str(request.get("output_given") or "")
    if request.get("format", "json" if output.lower().endswith(".json") else "") == "json":
        facets_worker.while_waiting(partial(_write_ahead, old, new))
    try:
        return compare(old, new, CompareOptions())
    except Exception:  # (Ctrl-C: main tells it as the command does)
        return None


def _write_ahead(old: Document, new: Document, *made: object) -> None:
    """Write the documents' JSON, and that of what the comparison has ``made`` (as the
    compare command would have it written), while this process waits for the worker's
    answer to the comparison made ahead (importing the command only then)."""
    from compare.compare_command import write_ahead

    write_ahead(old, new, *made)


def _leave(code: str | int | None) -> None:
    """End the process as ``sys.exit(code)`` would, minus the interpreter's teardown.

    Freeing every module and object one by one took 15-21 ms after a 2,000-paragraph
    comparison, for memory the kernel takes back at once. What the teardown does that
    matters is done here: exit handlers run and the standard streams are flushed. Every file
    the commands write is closed (and renamed into place) before they return. Where a
    thread is still running, or a stream cannot be flushed, the usual exit does it all, as
    it would have (it waits for the thread; it reports the stream's error)."""
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        sys.exit(code)
    atexit._run_exitfuncs()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except Exception:
        sys.exit(code)
    if code is None:
        code = 0
    elif not isinstance(code, int):  # sys.exit("message") prints it and exits with 1
        print(code, file=sys.stderr, flush=True)
        code = 1
    os._exit(code)


if __name__ == "__main__":
    main()
