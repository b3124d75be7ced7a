"""`checker check`: read sources, apply rules, report the conflicts."""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from checker.baseline import new_findings, read_baseline, write_baseline
from checker.cli.output import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, emit, print_problems
from checker.models import CheckResult
from checker.pipeline import check
from checker.report import FORMATS, render_json, render_text
from checker.review import DEFAULT_REVIEWS, FileError, apply_reviews, load_reviews, stale

LEVELS = {"apparent": 1, "contradiction": 2}
T = TypeVar("T")
HUMAN_FORMATS = ("text", "markdown")
"""Formats a person reads as a list: dismissed findings are left out of them unless asked for."""


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    sarif = "sarif"
    html = "html"


class Level(str, Enum):
    apparent = "apparent"
    contradiction = "contradiction"


class FailOn(str, Enum):
    apparent = "apparent"
    contradiction = "contradiction"
    never = "never"


def at_or_above(result: CheckResult, level: str) -> CheckResult:
    kept = [f for f in result.findings if LEVELS[f.verdict] >= LEVELS[level]]
    return result.model_copy(update={"findings": kept})


def _undismissed(result: CheckResult) -> CheckResult:
    kept = [f for f in result.findings if not (f.review and f.review.status == "dismissed")]
    return result.model_copy(update={"findings": kept})


def or_exit(load: Callable[[Path], T], path: Path) -> T:
    """`load(path)`, or exit 2 with its one-line error when a reviews or baseline file is unusable."""
    try:
        return load(path)
    except FileError as exc:
        print_problems([exc.problem])
        raise typer.Exit(EXIT_INPUT) from None


def _note(text: str) -> None:
    typer.echo(f"checker: {text}", err=True)


def _write_baseline(path: Path, result: CheckResult) -> None:
    try:
        write_baseline(path, result)
    except OSError as exc:
        typer.echo(f"{path}: error: cannot write baseline: {exc.strerror or exc} (choose another path)", err=True)
        raise typer.Exit(EXIT_INPUT) from None
    _note(f"wrote {len(result.findings)} finding(s) to baseline {path}")


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
    reviews_path: Annotated[Path | None, typer.Option(
        "--reviews", help=f"Reviews file whose verdicts findings carry. Default: {DEFAULT_REVIEWS} if it exists.",
        show_default=False)] = None,
    show_dismissed: Annotated[bool, typer.Option(
        "--show-dismissed", help="Show dismissed findings in text and Markdown and count them in the exit code.")
    ] = False,
    baseline: Annotated[Path | None, typer.Option(
        "--baseline", help="Report only findings not in this baseline file.", show_default=False)] = None,
    write_baseline_to: Annotated[Path | None, typer.Option(
        "--write-baseline", help="Write every current finding to FILE as a baseline; they are then not reported.",
        show_default=False)] = None,
    statements: Annotated[bool, typer.Option(
        "--statements", help="Also list every version of every rule with its statements, agreeing or not "
        "(text and JSON; HTML always has them).")] = False,
) -> None:
    """Check sources against rules and report where they disagree.

    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 bad input
    (a rule, source, reviews or baseline file that could not be read; the rest is still checked).
    """
    in_use = reviews_path or (DEFAULT_REVIEWS if DEFAULT_REVIEWS.is_file() else None)
    reviews = or_exit(load_reviews, in_use) if in_use else None
    known = or_exit(read_baseline, baseline) if baseline else set()
    result = check(paths or [Path("seeds")], rules or [Path("rules")])
    if reviews is not None:
        result.problems += stale(result, reviews)
        result = apply_reviews(result, reviews)
    print_problems(result.problems)
    if write_baseline_to is not None:
        _write_baseline(write_baseline_to, result)
        known |= {f.fingerprint for f in result.findings}
    result, baselined = new_findings(result, known)
    if baselined:
        _note(f"{baselined} finding(s) in the baseline not shown")
    shown = at_or_above(result, min_level.value)
    counted = shown if show_dismissed else _undismissed(shown)
    if output_format.value in HUMAN_FORMATS:
        if hidden := len(shown.findings) - len(counted.findings):
            _note(f"{hidden} dismissed finding(s) not shown (--show-dismissed shows them)")
        shown = counted
    if output_format is Format.text:
        use_color = sys.stdout.isatty() and output is None if color is None else color
        text = render_text(shown, color=use_color, statements=statements)
    elif output_format is Format.json:
        text = render_json(shown, statements=statements)
    else:
        text = FORMATS[output_format.value](shown)
    emit(text, output)
    if result.has_errors:
        raise typer.Exit(EXIT_INPUT)
    if fail_on is not FailOn.never and any(LEVELS[f.verdict] >= LEVELS[fail_on.value] for f in counted.findings):
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)

