"""`checker check`: read sources, apply rules, report the conflicts."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from checker.cli.output import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, emit, print_problems
from checker.models import CheckResult
from checker.pipeline import check
from checker.report import render_json, render_text

LEVELS = {"apparent": 1, "contradiction": 2}


class Format(str, Enum):
    text = "text"
    json = "json"


class Level(str, Enum):
    apparent = "apparent"
    contradiction = "contradiction"


class FailOn(str, Enum):
    apparent = "apparent"
    contradiction = "contradiction"
    never = "never"


def _at_or_above(result: CheckResult, level: str) -> CheckResult:
    kept = [f for f in result.findings if LEVELS[f.verdict] >= LEVELS[level]]
    return result.model_copy(update={"findings": kept})


def check_command(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Source files or folders (.txt, .md; folders are read recursively). Default: seeds/.",
        show_default=False)] = None,
    rules: Annotated[list[Path] | None, typer.Option(
        "--rules", "-r", help="Rule file or folder; repeat for more. Default: rules/.", show_default=False)] = None,
    output_format: Annotated[Format, typer.Option("--format", "-f", help="Report format.")] = Format.text,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to FILE.")] = None,
    min_level: Annotated[Level, typer.Option(
        "--min-level", help="Show findings at or above this level.")] = Level.apparent,
    fail_on: Annotated[FailOn, typer.Option(
        "--fail-on", help="Exit 1 when a shown finding is at or above this level.")] = FailOn.contradiction,
    color: Annotated[bool | None, typer.Option(
        "--color/--no-color", help="Colour the text report. Default: when writing to a terminal.",
        show_default=False)] = None,
) -> None:
    """Check sources against rules and report where they disagree.

    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 bad input
    (a rule or source that could not be read; the rest is still checked and reported).
    """
    result = check(paths or [Path("seeds")], rules or [Path("rules")])
    shown = _at_or_above(result, min_level.value)
    print_problems(result.problems)
    if output_format is Format.json:
        text = render_json(shown)
    else:
        use_color = sys.stdout.isatty() and output is None if color is None else color
        text = render_text(shown, color=use_color)
    emit(text, output)
    if result.has_errors:
        raise typer.Exit(EXIT_INPUT)
    if fail_on is not FailOn.never and any(LEVELS[f.verdict] >= LEVELS[fail_on.value] for f in shown.findings):
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)
