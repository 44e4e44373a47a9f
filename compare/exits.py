"""How a command ends: one-line errors with their exit codes, the Ctrl-C message, a stdout
whose reader went away (141), and a command's output on stdout.

Without typer or click (an exit is a ``SystemExit`` with its code): the compare command of
two local files runs without loading the command line (compare/__main__.py), and every
command of ``compare.cli`` ends through these, so that both end alike.
"""

from __future__ import annotations

import contextlib
import errno
import sys
from collections.abc import Callable
from typing import NoReturn, TypeVar

from compare.errors import ExitCode, InputError, StorydiffError
from compare.render import shown_name

T = TypeVar("T")

#: ``--debug``: a failure shows its traceback too.
debug = {"on": False}
#: The exit status of a run stopped by a signal: Ctrl-C's, unless SIGTERM's handler ran.
interrupted = {"exit_code": int(ExitCode.INTERRUPTED)}


def say(message: str) -> None:
    """``message`` as one line on stderr, as click's ``echo(..., err=True)`` wrote it (the
    commands' messages went through it): nothing without a stderr; control characters
    written as escapes (``one_line``); UTF-8 on a stream Python took for ASCII (the
    messages' "—" was a UnicodeEncodeError there)."""
    stream = sys.stderr
    if stream is None:  # closed by the shell (`2>&-`)
        return
    line = one_line(message) + "\n"
    encoding = getattr(stream, "encoding", None) or "ascii"
    binary = getattr(stream, "buffer", None)
    if binary is not None and _is_ascii(encoding):
        stream.flush()
        binary.write(line.encode("utf-8", "replace"))
        binary.flush()
        return
    stream.write(line)
    stream.flush()


#: What a message must not write as it is: C0 and C1 controls, DEL and the bidi overrides.
_CONTROLS = "[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"


def one_line(message: str) -> str:
    """``message`` with each control character written as Python escapes it (``\\x1b``,
    ``\\n``): a file name from a download or an archive holding ESC[2J cleared the screen,
    OSC set the title, and a newline broke the one-line error in two."""
    import re

    if not re.search(_CONTROLS, message):
        return message
    return re.sub(_CONTROLS, lambda m: repr(m.group())[1:-1], message)


def _is_ascii(encoding: str) -> bool:
    import codecs

    try:
        return codecs.lookup(encoding).name == "ascii"
    except LookupError:
        return False


def fail(error: StorydiffError) -> NoReturn:
    """Print ``storydiff: error: <what> — <fix>`` to stderr and exit with the error's code."""
    report(error)
    raise SystemExit(int(error.exit_code))


def report(error: BaseException) -> int:
    """Print one error line (and the traceback with --debug); return its exit code."""
    if debug["on"]:
        import traceback  # (~4M instructions a run that needs no traceback is spared)

        traceback.print_exception(error, file=sys.stderr)
    if isinstance(error, StorydiffError):
        # (A file name not in UTF-8 with its bytes escaped, as the reports show it.)
        say(f"storydiff: error: {shown_name(error.one_line())}")
        return int(error.exit_code)
    if isinstance(error, MemoryError):
        # Huge input: one sentence of 300,000 words asked the word diff for gigabytes.
        say(
            "storydiff: error: ran out of memory: the input is too large to compare — pass "
            "the article alone (its text in a .txt file), or a smaller page"
        )
        return int(ExitCode.INPUT)
    say(
        f"storydiff: error: unexpected {type(error).__name__}: "
        f"{shown_name(' '.join(str(error).split()))} — "
        "run again with --debug and report the traceback"
    )
    return int(ExitCode.INPUT)


def guarded(fn: Callable[[], T]) -> T:
    """Run ``fn``; turn any failure into a one-line error and its exit code."""
    try:
        return fn()
    except KeyboardInterrupt:
        leave_interrupted()
    except Exception as error:
        if stdout_closed(error):  # `storydiff track URL | head -1`
            leave_closed_stdout()
        raise SystemExit(report(error)) from None


def leave_interrupted() -> NoReturn:
    """End a run stopped by Ctrl-C (or SIGTERM, see ``interrupted``) in one line, wherever
    the interrupt landed: in ``guarded``, or outside it as the report goes to stdout."""
    say("storydiff: interrupted")
    raise SystemExit(interrupted["exit_code"]) from None


def stop_on_sigterm() -> None:
    """Take SIGTERM (``kill``, a service manager, a CI timeout) as Ctrl-C from here on: the
    run stops through ``KeyboardInterrupt``, so that what it was doing cleans up (a report
    half written to its temporary file is removed) and it ends in one line, with 143. Left
    to its default, SIGTERM killed ``compare -o`` mid-write and left ``.NAME.tmp`` files.
    Only in the main thread, where Python runs signal handlers."""
    import signal

    interrupted["exit_code"] = int(ExitCode.INTERRUPTED)  # a run before may have set it

    def interrupt(signum: int, frame: object) -> None:
        interrupted["exit_code"] = int(ExitCode.TERMINATED)
        raise KeyboardInterrupt

    with contextlib.suppress(ValueError):  # (another thread than the main one: none taken)
        signal.signal(signal.SIGTERM, interrupt)


def end_if_stdout_failed(error: BaseException) -> None:
    """End the run as ``stdout_failed`` says when ``error`` is a write that stdout could not
    take (a reader gone, a full disk), outside ``emit``: the help or the version (typer
    writes them), a report written through a stream. Returns for any other error."""
    if isinstance(error, OSError) and error.errno in WRITE_ERRORS:
        stdout_failed(error)


def stdout_closed(error: BaseException) -> bool:
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


def silence_stdout() -> None:
    """Point stdout at /dev/null: what is still buffered would fail again as the process
    ends, with a second message."""
    import os

    with contextlib.suppress(AttributeError, OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def leave_closed_stdout() -> NoReturn:
    """End quietly when stdout's reader went away, with the status of a process ended by
    SIGPIPE (141, as diff(1) in ``diff a b | head -1``): typer's exit 1 said "the versions
    differ" for a compare of identical files, and a write it missed ended in 0."""
    silence_stdout()
    raise SystemExit(int(ExitCode.BROKEN_PIPE))


def emit(data: str | bytes | tuple[bytes, ...]) -> None:
    """Print a command's output on stdout (bytes in pieces: see
    ``render_json.comparison_pieces``). A stdout that cannot take it (a full disk behind
    ``> report.json``) is one line and exit 2: it was a traceback and exit 1, which for
    compare says "the versions differ". A reader that went away (EPIPE) ends the run quietly
    with 141 (see ``leave_closed_stdout``)."""
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
            if fd is None and stream is None:  # a text-only stream (io.StringIO)
                sys.stdout.write(data + "\n")
                sys.stdout.flush()
                return
            data = _encoded(data)
        pieces = (*data, b"\n") if isinstance(data, tuple) else (data, b"\n")
        sys.stdout.flush()
        if fd is None:
            assert stream is not None
            for piece in pieces:
                stream.write(piece)
            stream.flush()
        else:
            # Written straight to the descriptor: a buffered write of megabytes that a reader
            # leaving cut short returned as if all were written, and the run went on to
            # exit 0 or 1. As it was, the report is not copied to add the line break (a
            # 2,000-paragraph JSON report is 4.7 MB).
            for piece in pieces:
                view = memoryview(piece)
                while view:
                    view = view[os.write(fd, view) :]
    except OSError as error:
        stdout_failed(error, closed=error.errno == errno.EPIPE)


#: The errors of a write to a stream that cannot take it.
WRITE_ERRORS = frozenset({errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def stdout_failed(error: OSError, closed: bool | None = None) -> NoReturn:
    """End a run whose stdout failed: quietly with 141 when its reader went away (``closed``,
    else asked of the stream), else in one line and exit 2 (a full disk behind ``> x``)."""
    if closed or (closed is None and stdout_closed(error)):
        leave_closed_stdout()
    silence_stdout()
    fail(
        InputError(
            f"cannot write to standard output: {error.strerror or error}",
            "free some space where it goes, or send it somewhere else",
        )
    )


def _encoded(text: str) -> bytes:
    """``text`` in stdout's encoding (UTF-8 but in an old locale), what it cannot encode as
    ``?``: it ended in "unexpected UnicodeEncodeError". Not stripped of colour, as typer's
    echo did when stdout is no terminal: the text report is coloured only when it should be
    (FORCE_COLOR in a pipe, which echo undid)."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    if _is_ascii(encoding):
        # A stream Python took for ASCII (PYTHONIOENCODING=ascii, PYTHONUTF8=0 in the C
        # locale) is misconfigured: UTF-8, as typer's echo (click) wrote it, not "?".
        encoding = "utf-8"
    try:
        return text.encode(encoding, getattr(sys.stdout, "errors", None) or "strict")
    except UnicodeEncodeError:
        return text.encode(encoding, "replace")
