"""How paths are shown: relative to the folder the command runs in, absolute when outside it.

So `seeds/000_x.txt:6` opens from where the command ran, and two folders holding the same file
names stay apart. SARIF wants paths relative to the repository root instead (`repository_root`).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path


@functools.lru_cache(maxsize=64)
def _resolved(folder: str) -> str:
    """`folder` with its symbolic links resolved: once per folder, not once per source shown."""
    return str(Path(folder).resolve())


def display_path(path: Path | str, cwd: Path | None = None) -> str:
    """`path` relative to `cwd` (default: the current folder) when inside it, else absolute; with `/`."""
    here = _resolved(str(cwd) if cwd is not None else os.getcwd())
    absolute = os.path.abspath(path)
    if absolute == here:
        return "."
    inside = here.rstrip(os.sep) + os.sep
    shown = absolute[len(inside) :] if absolute.startswith(inside) else absolute
    return shown.replace(os.sep, "/")


def repository_root(start: Path | None = None) -> Path | None:
    """The nearest folder at or above `start` (default: the current folder) holding `.git`."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return None
