"""Writing files so that a crash mid-write never leaves a half-written one behind, and reading the
small files a user keeps (reviews, baselines) without ever blocking on a FIFO or a device.

What stands at a path decides how it is written:

- a regular file (or nothing yet) is replaced atomically: a temporary file in the same folder,
  fsync, rename;
- a symlink is followed, and its final target replaced atomically, so the link stays a link
  and the file it points at is the one updated;
- anything else (a FIFO, a character or block device such as `/dev/null` or `/dev/stdout`, a
  process substitution `>(gzip > r.gz)`, which is a pipe under `/dev/fd/`) is written through,
  never replaced;
- `-` is standard output.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

STDOUT = "-"
MAX_SOURCE_BYTES = 200_000_000
"""The largest source or manifest read: a bigger file is skipped with a problem saying so."""


def _mode(path: Path) -> int:
    """The mode the file keeps, or a new file's usual one (0666 less the umask): mkstemp's 0600 would
    leave a shared file, such as the team's reviews file, readable by its writer alone."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def is_stdout(path: Path | str | None) -> bool:
    return path is not None and str(path) == STDOUT


def target_of(path: Path) -> Path:
    """The file a write to `path` lands in: the final target of a symlink chain, else `path` itself.

    A dangling link gives the file it names, which the write then creates.
    """
    path = Path(path)
    if not path.is_symlink():
        return path
    return Path(os.path.realpath(path))


def _special(path: Path) -> bool:
    """Whether something other than a regular file or a folder stands at `path` (after symlinks)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_through(path: Path, text: str) -> None:
    """Write into what is there (a pipe or a device), without truncating what cannot be truncated."""
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def write_atomic(path: Path | str, text: str) -> None:
    """Write `text` to `path`: readers see the old file or the new one, never half of it.

    See the module docstring for symlinks, FIFOs, devices and `-`.
    """
    if is_stdout(path):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    path = Path(path)
    if _special(path):
        _write_through(path, text)
        return
    path = target_of(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name[:100]}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _mode(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):
        directory = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


class NotRegularFile(OSError):
    """A path that exists but is not a regular file (a FIFO, a device, a folder, a socket)."""


def kind_of(mode: int) -> str:
    """What a file of this mode is, in words."""
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path`, refusing anything else and anything over `limit` bytes.

    The file is opened non-blocking, so a FIFO put in its place between the check and the open
    cannot hang the read; the size is checked on the open file, and the read stops at `limit + 1`
    bytes whatever the size said. `FileNotFoundError` when nothing is there; `NotRegularFile`
    saying what is there instead; `OSError` for anything else.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(f"it is {kind_of(info.st_mode)}, not a regular file")
        if info.st_size > limit:
            raise NotRegularFile(f"it is {info.st_size:,} bytes, over the {limit:,} limit")
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise NotRegularFile(f"it grew over the {limit:,}-byte limit while being read")
        return b"".join(chunks)
    finally:
        os.close(fd)
