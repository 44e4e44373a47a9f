"""Compiled regular expressions kept between runs, as Python keeps compiled bytecode.

Python compiles a regex in Python code (its parser and code generator), and a comparison
uses many: a 2,000-paragraph one compiles ~110, ~25 ms in all, most of them in the facets
worker once the documents have come, on the path that decides when the command ends. What
the compiler makes, the list of integers the regex engine runs, depends only on the
pattern, its flags and the Python version. So each program compiled here is saved in the
user's cache folder (``$STORYDIFF_CACHE_DIR``, else ``$XDG_CACHE_HOME/storydiff`` or
``~/.cache/storydiff``; an empty ``STORYDIFF_CACHE_DIR`` keeps none) at the end of the
run, in a file of its own for each Python version, and the next run hands the saved
programs to the engine directly (~0.4 ms for them all).

This uses private parts of the ``re`` module (``re._parser``, ``re._compiler._code`` and
``_sre.compile``). Where they are missing or answer in a way not expected, and where the
cache file cannot be read, written or trusted, patterns are compiled by ``re.compile`` as
always: the cache can save time or cost a compile, never change a pattern.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # (no stubs: the engine re runs patterns on)
import atexit
import contextlib
import marshal
import os
import re
import sys
from collections.abc import Iterator

#: A saved program: the flags the pattern ends up with (its inline ones included), the
#: engine's code, the number of groups less one, and the group names both ways.
_Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

#: Programs beyond which no more are saved: the patterns storydiff compiles come from its
#: own code (~400), so a cache this big means something else is adding to it.
MAX_PROGRAMS = 4096
#: Bytes beyond which a cache file is not read.
MAX_BYTES = 16 * 1024 * 1024

#: The cache file's programs, each marshalled alone: a run reads only those it needs.
_saved: dict[tuple[str, int], bytes] | None = None  # read on the first pattern
_made: dict[tuple[str, int], _Program] = {}  # compiled in this process, not yet saved


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the program saved by an earlier run when there
    is one."""
    global _saved
    flags = int(flags)
    if _saved is None:
        _saved = _read()
    key = (pattern, flags)
    saved = _saved.get(key)
    if saved is not None:
        try:
            return _engine(pattern, marshal.loads(saved))
        except Exception:  # a program this Python's engine does not take: compile anew
            del _saved[key]
    elif key in _made:
        return _engine(pattern, _made[key])
    try:
        program = _program(pattern, flags)
        compiled = _engine(pattern, program)
    except re.error:
        raise
    except Exception:  # no such private parts in this Python
        return re.compile(pattern, flags)
    if len(_saved) + len(_made) < MAX_PROGRAMS:
        if not _made:  # the first to save (save() empties _made: a later one registers again)
            atexit.register(save)
        _made[key] = program
    return compiled


def save() -> None:
    """Add the programs compiled in this process to the cache file: merged with what
    another process saved meanwhile, under a lock (the parent and its facets worker save
    at once), written whole and renamed into place, so a reader never sees half a file.
    Nothing is said when it cannot be written."""
    global _made
    path = _path()
    if not _made or path is None:
        return
    made = {key: marshal.dumps(program) for key, program in _made.items()}
    _made = {}
    temporary = None
    try:
        import tempfile

        os.makedirs(os.path.dirname(path), exist_ok=True)
        with _locked(path):
            programs = {**_read(), **made}
            handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                marshal.dump(programs, out)
            os.replace(temporary, path)
    except (OSError, ValueError):
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


@contextlib.contextmanager
def _locked(path: str) -> Iterator[None]:
    """Held while the cache file is read, merged and replaced (a lock file beside it; no
    lock where the system has no flock)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    with open(f"{path}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _engine(pattern: str, program: _Program) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = program
    compiled: re.Pattern[str] = _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)
    return compiled


def _program(pattern: str, flags: int) -> _Program:
    """What ``re.compile`` hands the engine for ``pattern`` (as re._compiler.compile makes
    it), in types that marshal can save."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    state = parsed.state
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    groupindex = dict(state.groupdict)
    return (int(flags | state.flags), code, state.groups - 1, groupindex, tuple(indexgroup))


def _read() -> dict[tuple[str, int], bytes]:
    """The programs in the cache file, or none when there is no file or it is not one."""
    path = _path()
    if path is None:
        return {}
    try:
        with open(path, "rb") as cache:
            if not _trusted(os.fstat(cache.fileno())):
                return {}
            data = cache.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return {}
        programs = marshal.loads(data)
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    # A file of more programs than storydiff has patterns is not its own: it is read as
    # none, and the next save replaces it.
    if not isinstance(programs, dict) or len(programs) > MAX_PROGRAMS:
        return {}
    return {key: saved for key, saved in programs.items() if isinstance(saved, bytes)}


def _trusted(status: os.stat_result) -> bool:
    """Whether a cache file may be read: this user's, and writable by no one else (what it
    holds is run as the patterns' code, as a .pyc file's is)."""
    if not hasattr(os, "getuid"):
        return True
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


def _path() -> str | None:
    """The cache file of this Python's regex compiler, or None when none is kept."""
    folder = os.environ.get("STORYDIFF_CACHE_DIR")
    if folder is None:
        if sys.platform.startswith("linux"):
            base = os.environ.get("XDG_CACHE_HOME", "")
            if not os.path.isabs(base):  # (a relative one is to be ignored, says XDG)
                home = os.path.expanduser("~")
                if not os.path.isabs(home) or home == "/":  # HOME empty or "/": none kept
                    return None
                base = os.path.join(home, ".cache")
            folder = os.path.join(base, "storydiff")
        else:
            from platformdirs import user_cache_dir

            folder = user_cache_dir("storydiff", appauthor=False)
    magic = getattr(_sre, "MAGIC", None)  # (the engine's code version: none, no cache)
    if not folder or magic is None:
        return None
    version = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{magic}"
    return os.path.join(folder, f"regex-{version}.marshal")
