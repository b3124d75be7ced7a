"""Helpers the commands share: printing problems, writing output, exiting."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import typer

from checker.files import write_atomic
from checker.models import Problem
from checker.rules.problems import printable, render_problem

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def print_problems(problems: Iterable[Problem], *, excerpts: bool = False) -> None:
    """Each problem on one line of standard error: `FILE:LINE:COL: level: message (hint)`.

    With `excerpts`, each is followed by the offending line and a caret under the spot. Control
    characters from a hostile file are shown as `?`.
    """
    for problem in problems:
        typer.echo(render_problem(problem) if excerpts else printable(problem.one_line()), err=True)


def emit(text: str, output: Path | None) -> None:
    """Write a report to `output` (atomically) or to standard output."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_atomic(output, text)
    except OSError as exc:
        typer.echo(f"{output}: error: cannot write output: {exc.strerror or exc} (choose another --output)", err=True)
        raise typer.Exit(EXIT_INPUT) from None
