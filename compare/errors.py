"""One exception hierarchy. Each error knows its exit code and a hint that says how to fix it.

Exit codes follow diff(1): 0 no differences, 1 differences, 2 trouble; more specific above;
and the shell's 128 + signal number for a run stopped by a signal.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """The process exit codes; the README has the same table."""

    OK = 0
    """Success; for ``compare``, no differences beyond cosmetic ones."""
    DIFFERENCES = 1
    """``compare`` found differences."""
    INPUT = 2
    """Usage or input error: missing or unreadable file, binary or non-HTML content, empty input,
    a charset browsers refuse to decode."""
    FETCH = 3
    """Fetching a URL failed: DNS, refused, timeout, HTTP error after retries, body too large."""
    NO_ARTICLE = 4
    """No article text could be extracted (an index page, a login wall)."""
    STORE = 5
    """The version store could not be used (newer schema, corrupt file, read-only, disk full)."""
    INTERRUPTED = 130
    """Stopped by Ctrl-C (SIGINT): what was stored before stays, the rest was not done."""
    TERMINATED = 143
    """Stopped by SIGTERM (``kill``, a service manager), as for Ctrl-C."""
    BROKEN_PIPE = 141
    """The reader of the standard output went away (``storydiff ... | head -1``): the status
    of a process ended by SIGPIPE, as diff(1) and other tools end there."""


class StorydiffError(Exception):
    """Base class: a failure the user can act on."""

    exit_code: ExitCode = ExitCode.INPUT

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def one_line(self) -> str:
        """``<what happened> — <how to fix it>`` on one line."""
        text = self.message if not self.hint else f"{self.message} — {self.hint}"
        return " ".join(text.split())


class InputError(StorydiffError):
    """Bad usage or an unusable local input."""

    exit_code = ExitCode.INPUT


class TimeOrDurationError(InputError):
    """A value that is neither an ISO 8601 time nor a duration (``--until 18:00``). The
    command line names the option it was given to; ``value`` is what was given."""

    def __init__(self, value: str) -> None:
        super().__init__(
            f"{value} is neither a time nor a duration",
            "give a date and time (ISO 8601, such as 2026-05-24T18:00, UTC unless it says Z "
            "or an offset) or a duration such as 8h",
        )
        self.value = value


class FetchError(StorydiffError):
    """A URL could not be fetched."""

    exit_code = ExitCode.FETCH

    def __init__(self, message: str, hint: str = "", *, status: int | None = None) -> None:
        super().__init__(message, hint)
        self.status = status
        """The HTTP status of the server's answer, when it answered with an error."""


class ExtractionError(StorydiffError):
    """The page holds no article text."""

    exit_code = ExitCode.NO_ARTICLE


class TeaserError(ExtractionError):
    """The page shows only a teaser above a login or subscription wall."""

    def __init__(self, message: str, hint: str = "", *, words: int) -> None:
        super().__init__(message, hint)
        self.words = words
        """How many words of prose the teaser shows."""


class StoreError(StorydiffError):
    """The version store failed."""

    exit_code = ExitCode.STORE


class NotStoredError(StoreError):
    """The store works but holds no such story or version (``URL@7`` of four, a URL never
    tracked): the user's request, not the store, is at fault."""

    exit_code = ExitCode.INPUT


class StoreLockedError(StoreError):
    """Another process held the store's write lock for longer than storydiff waits."""
