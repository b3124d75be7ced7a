"""A progress bar on standard error for long checks: files, MB, statements found and time left.

Shown only when standard error is a terminal, not with `-q`, and only once a check has run for
`DELAY` seconds, so that short runs and piped output stay as they were.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

from checker.selection import Selection
from checker.sources import source_files

DELAY = 1.5
"""Seconds a check runs before its bar appears."""


class ProgressBar:
    """Told of each batch matched (`checker.pipeline.Progress`); the total size is found by a walk in
    a thread of its own, so the bar has a time left once it is known."""

    def __init__(self, console: Console, delay: float = DELAY) -> None:
        self.progress = Progress(
            TextColumn("checking"), BarColumn(), TextColumn("{task.fields[files]:,} files"),
            TextColumn("{task.fields[shown]}"), TextColumn("{task.fields[statements]:,} statements"),
            TimeRemainingColumn(), console=console, transient=True)
        self.task: TaskID = self.progress.add_task("check", total=None, files=0, statements=0, shown="0 MB")
        self.started = time.monotonic()
        self.delay = delay
        self.shown = False
        self.done = 0

    def measure(self, paths: list[Path], selection: Selection) -> None:
        """Find the total size of the sources, in the background."""
        threading.Thread(target=self._measure, args=(paths, selection), daemon=True).start()

    def _measure(self, paths: list[Path], selection: Selection) -> None:
        total = 0
        for item in source_files([p for p in paths if str(p) != "-"], selection.skips):
            if isinstance(item, tuple):
                total += item[2]
        self.progress.update(self.task, total=max(total, 1))

    def __call__(self, sources: int, characters: int, statements: int) -> None:
        self.done += characters
        task = self.progress.tasks[0]
        total = f" / {task.total / 1e6:,.1f}" if task.total else ""
        self.progress.update(self.task, advance=characters, files=task.fields["files"] + sources,
                             statements=task.fields["statements"] + statements,
                             shown=f"{self.done / 1e6:,.1f}{total} MB")
        if not self.shown and time.monotonic() - self.started >= self.delay:
            self.shown = True
            self.progress.start()

    def stop(self) -> None:
        if self.shown:
            self.progress.stop()
