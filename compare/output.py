"""Where a command's report goes when it is given ``-o``: refused before any work when it
names a folder or a version store, then written whole or not at all (``write_atomic``).

Without typer or click, as compare/exits.py: see there."""

from __future__ import annotations

import errno
from pathlib import Path

from compare.errors import InputError
from compare.exits import leave_closed_stdout, stdout_closed


def output_path(given: str | None) -> Path | None:
    """``-o`` as a path; ``None`` for stdout (no ``-o``, or ``-o -``)."""
    return None if given is None or given == "-" else Path(given)


def names_folder(given: str) -> bool:
    """An ``-o`` that names a folder: one that exists, or a path ending in a slash."""
    import os

    return given.endswith(("/", os.sep)) or _is_folder(Path(given).expanduser())


def _is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; one the system cannot look up (a name too long) is
    none: ``refuse_unwritable`` says why it cannot be written."""
    try:
        return path.is_dir()
    except OSError:
        return False


def refuse_unwritable(given: str) -> None:
    """Refuse, before any work, an ``-o`` the system cannot even look up: a name longer
    than it allows, a folder on the way that cannot be entered (it was "unexpected
    OSError", or a traceback from ``compare``). One that is not there yet is written."""
    path = Path(given).expanduser()
    try:
        path.stat()
    except OSError as error:
        if error.errno not in (errno.ENOENT, errno.ENOTDIR, errno.ELOOP):
            raise _write_error(path, error) from None


def refuse_folder(given: str, name: str) -> None:
    """Refuse, before any work, an ``-o`` that names a folder: one that exists, or a path
    ending in a slash, which Path drops (``-o newdir/`` wrote a file named newdir).
    ``name`` is the file name the hint suggests in it."""
    import os

    if not given:  # (Path("") is ".": "cannot write .: it is a folder" said nothing of why)
        raise InputError("-o names no file: it is empty", f"give a file name, such as {name}")
    refuse_unwritable(given)
    folder = Path(given)
    if _is_folder(folder.expanduser()):
        raise folder_error(folder, name)
    if given.endswith(("/", os.sep)):  # (what names_folder adds)
        raise InputError(
            f"cannot write {given}: a path ending in {os.sep} names a folder",
            f"give a file name, such as {folder / name}",
        )


def refuse_database(given: str) -> None:
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


def folder_error(path: Path, name: str = "report.html") -> InputError:
    return InputError(
        f"cannot write {path}: it is a folder", f"give a file name, such as {path / name}"
    )


def html_bytes(html: str) -> bytes:
    """An HTML report as written to a file: UTF-8, as its ``<meta charset>`` says, whatever
    stdout's encoding (to a stdout in Latin-1 it was written Latin-1, "caf\\xe9")."""
    return html.encode("utf-8", "replace")


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: never half a file.
    Through a symbolic link, the file it names is written; a terminal, pipe or device
    (``-o /dev/stdout``) is written straight into. A path that cannot be written is an
    :class:`InputError`, and what was there before is left as it was."""
    import os
    import tempfile

    path = path.expanduser()
    if path.is_dir():
        raise folder_error(path)
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
            if error.errno == errno.EPIPE and stdout_closed(error):
                leave_closed_stdout()
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
    refuse_read_only(path, target)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=_temp_prefix(target.name), suffix=".tmp", dir=target.parent
        )
    except OSError as error:
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            # The file may well be writable: it is the folder that cannot take the
            # temporary file it is written to first ("Permission denied" sent the reader to
            # the file).
            folder = target.parent
            raise InputError(
                f"cannot write {path}: {error.strerror or error}: the folder {folder} is not "
                "writable (the report is written beside the file first, then renamed into "
                "place)",
                f"make the folder writable (chmod u+w {folder}) or choose another path with -o",
            ) from None
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


#: The longest name part a temporary file takes from the file it stands for, in bytes: with
#: its dot, random letters and ".tmp" it stays within the 255 bytes a name may have (a
#: 245-byte -o name that fits was refused as "File name too long").
_TEMP_NAME_BYTES = 100


def _temp_prefix(name: str) -> str:
    """The start of the temporary file's name: a dot (hidden), the name, or its first
    ``_TEMP_NAME_BYTES`` bytes when it is longer, and a dot."""
    import os

    encoded = os.fsencode(name)
    if len(encoded) > _TEMP_NAME_BYTES:
        name = os.fsdecode(encoded[:_TEMP_NAME_BYTES])  # (a character cut in two: its bytes)
    return f".{name}."


def refuse_read_only(path: Path, target: Path | None = None) -> None:
    """Refuse a report over a file its permissions keep from being written (``chmod -w``,
    as `cp` and the shell's ``>`` refuse it): the rename that writes a report whole ignores
    the file's mode, and replaced it. ``target``: the file ``path`` names through its
    links. What root may write (as cp does) is written."""
    import os

    target = target if target is not None else path.expanduser()
    try:
        if not target.is_file() or os.access(target, os.W_OK):
            return
    except OSError:
        return  # what cannot be looked at: the write says what it finds
    raise InputError(
        f"cannot write {path}: the file is read-only",
        f"make it writable (chmod u+w {path}) if it may be replaced, or choose another path "
        "with -o",
    )


def is_stream_or_device(path: Path) -> bool:
    """Whether ``write_atomic`` writes ``path`` straight into (see there), not as a file."""
    path = path.expanduser()
    return _open_stream(path) is not None or (path.exists() and not path.is_file())


def _open_stream(path: Path) -> int | None:
    """The file descriptor that ``path`` names, for /dev/stdout, /dev/stderr, /dev/fd/N and
    /proc/self/fd/N, if it is open; else ``None``."""
    import os

    name = path.as_posix()
    if name.startswith("//"):  # "//dev/stdout" is /dev/stdout (which Path keeps apart)
        name = "/" + name.lstrip("/")
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
