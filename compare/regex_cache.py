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

The file is an index (each pattern's place in it) and the programs after it, mapped into
memory rather than read: a run unpacks the index and the programs it uses, never the
rest. Programs of patterns an older storydiff had stay in the file until it outgrows
``KEEP_BYTES``; then a save keeps first what its own run used.

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
import struct
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    import mmap

#: A saved program: the flags the pattern ends up with (its inline ones included), the
#: engine's code, the number of groups less one, and the group names both ways.
_Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

#: Programs beyond which no more are saved: the patterns storydiff compiles come from its
#: own code (~400), so a cache this big means something else is adding to it.
MAX_PROGRAMS = 4096
#: Bytes beyond which a cache file is not read.
MAX_BYTES = 16 * 1024 * 1024
#: Bytes of programs beyond which a save drops those its run did not use, oldest saved
#: first. storydiff's own patterns take ~2 MB; each version that changes one adds its
#: new program (one of them is 250 KB), so without a limit a user's cache grew with every
#: upgrade, and so did every run's reading of it.
KEEP_BYTES = 4 * 1024 * 1024

_Saved = dict[tuple[str, int], bytes | memoryview]

#: The cache file's programs, each marshalled alone (a view of the mapped file): a run
#: unpacks only those it needs.
_saved: _Saved | None = None  # read on the first pattern
_made: dict[tuple[str, int], _Program] = {}  # compiled in this process, not yet saved
#: The saved programs this process has used.
_used: set[tuple[str, int]] = set()
#: What a cache file starts with (the version of its layout), then the index's length.
_MAGIC = b"storydiff-regex-1\n"
_INDEX_LENGTH = struct.Struct("<Q")


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
            compiled = _engine(pattern, marshal.loads(saved))
        except Exception:  # a program this Python's engine does not take: compile anew
            del _saved[key]
        else:
            _used.add(key)
            return compiled
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
            programs = _kept({**_read(), **made}, _used | made.keys())
            handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                _write(programs, out)
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


def _read() -> _Saved:
    """The programs in the cache file, or none when there is no file or it is not one."""
    path = _path()
    if path is None:
        return {}
    try:
        with open(path, "rb") as cache:
            status = os.fstat(cache.fileno())
            if not _trusted(status) or not 0 < status.st_size <= MAX_BYTES:
                return {}
            data = _mapped(cache)
        view = memoryview(data)
        start = len(_MAGIC) + _INDEX_LENGTH.size
        if view[: len(_MAGIC)] != _MAGIC:
            return {}
        (length,) = _INDEX_LENGTH.unpack(view[len(_MAGIC) : start])
        index = marshal.loads(view[start : start + length])
    except (OSError, ValueError, EOFError, TypeError, struct.error, MemoryError):
        return {}  # (MemoryError: an index that claims billions of items)
    # A file of more programs than storydiff has patterns is not its own: it is read as
    # none, and the next save replaces it.
    if not isinstance(index, dict) or len(index) > MAX_PROGRAMS:
        return {}
    start += length
    try:
        saved: _Saved = {key: view[start + at : start + end] for key, (at, end) in index.items()}
    except (TypeError, ValueError):
        return {}
    return saved


def _mapped(cache: BinaryIO) -> bytes | mmap.mmap:
    """The file's bytes: mapped into memory where a mapped file may still be replaced (a
    save renames a new file over it), so that only the pages of the programs used are read;
    else read whole."""
    try:
        import mmap
    except ImportError:  # (a platform without it)
        return cache.read()
    if os.name != "posix":
        return cache.read()
    return mmap.mmap(cache.fileno(), 0, access=mmap.ACCESS_READ)


def _kept(programs: _Saved, used: set[tuple[str, int]]) -> _Saved:
    """``programs`` in the order to save them, the ``used`` ones last; within
    ``KEEP_BYTES``, the others dropped from the first (those no save has used for longest)."""
    ordered = {key: program for key, program in programs.items() if key not in used}
    spare = sum(map(len, programs.values())) - KEEP_BYTES
    for key in list(ordered):
        if spare <= 0:
            break
        spare -= len(ordered.pop(key))
    ordered.update((key, programs[key]) for key in programs if key in used)
    return ordered


def _write(programs: _Saved, out: BinaryIO) -> None:
    """Write the cache file: ``_MAGIC``, the index's length, the index (each key's program
    as its start and end past the index), then the programs."""
    index = {}
    at = 0
    for key, program in programs.items():
        index[key] = (at, at + len(program))
        at += len(program)
    packed = marshal.dumps(index)
    out.write(_MAGIC + _INDEX_LENGTH.pack(len(packed)) + packed)
    for program in programs.values():
        out.write(program)


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
    # (".index": the layout of _write; a storydiff that wrote one marshalled dict kept
    # ".marshal", and the two would throw each other's file away on every run.)
    return os.path.join(folder, f"regex-{version}.index")
