"""Helpers the commands share: printing problems, writing output, exiting."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import typer

from checker.files import write_atomic
from checker.models import Problem

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def print_problems(problems: Iterable[Problem]) -> None:
    """Each problem on one line of standard error: `FILE:LINE:COL: level: message (hint)`."""
    for problem in problems:
        typer.echo(problem.one_line(), err=True)


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
