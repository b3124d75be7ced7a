"""An exclusive lock on a folder for read-modify-write of a file in it, on POSIX and on Windows.

On POSIX the folder itself is locked with `flock`: the file in it is replaced by a rename, so a
lock on the file would be a lock on a file no longer in use, and the lock goes when the process
does, even on SIGKILL. Where there is no `fcntl` (Windows), a `.lock` file in the folder is locked
through `filelock`, which the operating system also releases when the process dies.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from checker.files import target_of

fcntl: ModuleType | None
try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

LOCK_NAME = ".lock"


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folder of `path` (made if missing) while the block runs; a symlink's
    target's folder, since that is where the file is replaced."""
    folder = target_of(Path(path)).parent
    folder.mkdir(parents=True, exist_ok=True)
    if fcntl is None:
        from filelock import FileLock

        with FileLock(str(folder / LOCK_NAME)):
            yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
