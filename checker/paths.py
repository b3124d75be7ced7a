"""How paths are shown: relative to the folder the command runs in, absolute when outside it.

So `seeds/000_x.txt:6` opens from where the command ran, and two folders holding the same file
names stay apart. SARIF wants paths relative to the repository root instead (`repository_root`).
"""

from __future__ import annotations

import os
from pathlib import Path


def display_path(path: Path | str, cwd: Path | None = None) -> str:
    """`path` relative to `cwd` (default: the current folder) when inside it, else absolute; with `/`."""
    here = (cwd or Path.cwd()).resolve()
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(here).as_posix()
    except ValueError:
        return absolute.as_posix()


def repository_root(start: Path | None = None) -> Path | None:
    """The nearest folder at or above `start` (default: the current folder) holding `.git`."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return None
