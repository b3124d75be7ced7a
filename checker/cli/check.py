"""`checker check`: read sources, apply rules, report the conflicts."""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from dataclasses import dataclass
from typing import Annotated, NoReturn, TypeVar

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


Paths = Annotated[list[Path] | None, typer.Argument(
    help="Source files or folders (.txt, .md; folders are read recursively). Default: seeds/.", show_default=False)]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Report format.")]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to FILE.")]
MinLevelOption = Annotated[Level, typer.Option("--min-level", help="Show findings at or above this level.")]
FailOnOption = Annotated[FailOn, typer.Option(
    "--fail-on", help="Exit 1 when a shown finding is at or above this level.")]
ColorOption = Annotated[bool | None, typer.Option(
    "--color/--no-color", help="Colour the text report. Default: when writing to a terminal.", show_default=False)]
ReviewsOption = Annotated[Path | None, typer.Option(
    "--reviews", help=f"Reviews file whose verdicts findings carry. Default: {DEFAULT_REVIEWS} if it exists.",
    show_default=False)]
ShowDismissedOption = Annotated[bool, typer.Option(
    "--show-dismissed", help="Show dismissed findings in text and Markdown and count them in the exit code.")]
BaselineOption = Annotated[Path | None, typer.Option(
    "--baseline", help="Report only findings not in this baseline file.", show_default=False)]
WriteBaselineOption = Annotated[Path | None, typer.Option(
    "--write-baseline", help="Write every current finding to FILE as a baseline; they are then not reported.",
    show_default=False)]
StatementsOption = Annotated[bool, typer.Option(
    "--statements", help="Also list every version with its statements, agreeing or not "
    "(text and JSON; HTML always has them).")]


@dataclass
class View:
    """How a result is shown and what the exit code counts: the options `check` and `quotes` share."""

    output_format: Format = Format.text
    output: Path | None = None
    min_level: Level = Level.apparent
    fail_on: FailOn = FailOn.contradiction
    color: bool | None = None
    reviews_path: Path | None = None
    show_dismissed: bool = False
    baseline: Path | None = None
    write_baseline_to: Path | None = None
    statements: bool = False


def present(produce: Callable[[], CheckResult], view: View) -> NoReturn:
    """Produce the result (after the reviews and baseline files are known to be usable), apply reviews and
    baseline, print the report, and exit with the code the view asks for."""
    in_use = view.reviews_path or (DEFAULT_REVIEWS if DEFAULT_REVIEWS.is_file() else None)
    reviews = or_exit(load_reviews, in_use) if in_use else None
    known = or_exit(read_baseline, view.baseline) if view.baseline else set()
    result = produce()
    if reviews is not None:
        result.problems += stale(result, reviews)
        result = apply_reviews(result, reviews)
    print_problems(result.problems)
    if view.write_baseline_to is not None:
        _write_baseline(view.write_baseline_to, result)
        known |= {f.fingerprint for f in result.findings}
    result, baselined = new_findings(result, known)
    if baselined:
        _note(f"{baselined} finding(s) in the baseline not shown")
    shown = at_or_above(result, view.min_level.value)
    counted = shown if view.show_dismissed else _undismissed(shown)
    if view.output_format.value in HUMAN_FORMATS:
        if hidden := len(shown.findings) - len(counted.findings):
            _note(f"{hidden} dismissed finding(s) not shown (--show-dismissed shows them)")
        shown = counted
    if view.output_format is Format.text:
        use_color = sys.stdout.isatty() and view.output is None if view.color is None else view.color
        text = render_text(shown, color=use_color, statements=view.statements)
    elif view.output_format is Format.json:
        text = render_json(shown, statements=view.statements)
    else:
        text = FORMATS[view.output_format.value](shown)
    emit(text, view.output)
    if result.has_errors:
        raise typer.Exit(EXIT_INPUT)
    fail_on = view.fail_on
    if fail_on is not FailOn.never and any(LEVELS[f.verdict] >= LEVELS[fail_on.value] for f in counted.findings):
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)


def check_command(
    paths: Paths = None,
    rules: Annotated[list[Path] | None, typer.Option(
        "--rules", "-r", help="Rule file or folder; repeat for more. Default: rules/.", show_default=False)] = None,
    output_format: FormatOption = Format.text,
    output: OutputOption = None,
    min_level: MinLevelOption = Level.apparent,
    fail_on: FailOnOption = FailOn.contradiction,
    color: ColorOption = None,
    reviews_path: ReviewsOption = None,
    show_dismissed: ShowDismissedOption = False,
    baseline: BaselineOption = None,
    write_baseline_to: WriteBaselineOption = None,
    statements: StatementsOption = False,
) -> None:
    """Check sources against rules and report where they disagree.

    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 bad input
    (a rule, source, reviews or baseline file that could not be read; the rest is still checked).
    """
    view = View(output_format, output, min_level, fail_on, color, reviews_path, show_dismissed, baseline,
                write_baseline_to, statements)
    present(lambda: check(paths or [Path("seeds")], rules or [Path("rules")]), view)
