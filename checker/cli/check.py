"""`checker check`: read sources, apply rules, report the conflicts.

Settings come from the command line, else the project config (`checker.config`), else the
defaults; what is shown and what fails is `checker.view`, the same policy a notebook gets.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from checker.baseline import read_baseline, write_baseline
from checker.cli.choices import FailOn, Format, Level
from checker.cli.progress import ProgressBar
from checker.cli.output import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, emit, print_problems
from checker.config import Config, load_config
from checker.errors import ProblemError
from checker.models import CheckResult, Problem
from checker.pipeline import check
from checker.report import FORMATS, render_json, render_text
from checker.review import DEFAULT_REVIEWS, FileError
from checker.exclusions import exclusions
from checker.rules import load_rules
from checker.selection import Selection, select_rules
from checker.view import at_or_above, reviewed, view

__all__ = ["FailOn", "Format", "Level", "at_or_above", "check_command", "or_exit"]

T = TypeVar("T")
SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".json": "json", ".sarif": "sarif", ".md": "markdown",
                  ".markdown": "markdown", ".txt": "text"}
"""The format `--output FILE` implies by its suffix."""
DEFAULT_SOURCES = Path("seeds")
DEFAULT_RULES = Path("rules")
TEXT_WIDTH = 100
"""The text report's width when it is not written to a terminal (files, pipes: the same bytes each time)."""


def or_exit(load: Callable[[Path], T], path: Path) -> T:
    """`load(path)`, or exit 2 with its one-line error when a reviews or baseline file is unusable."""
    try:
        return load(path)
    except FileError as exc:
        print_problems([exc.problem])
        raise typer.Exit(EXIT_INPUT) from None


def project_config() -> Config:
    """The project config that applies here, or exit 2 naming what is wrong in it."""
    try:
        return load_config()
    except ProblemError as exc:
        print_problems([exc.problem])
        raise typer.Exit(EXIT_INPUT) from None


def inputs(paths: list[Path] | None, rules: list[Path] | None, config: Config) -> tuple[list[Path], list[Path]]:
    """Sources and rules: the command line's, else the config's, else `seeds/` and `rules/`.

    With none of them and no `seeds/` folder here, exit 2 saying what to do, in one line.
    """
    sources = paths or config.paths(config.settings.sources)
    if not sources:
        if not DEFAULT_SOURCES.is_dir():
            typer.echo("checker: error: no sources to check (name them: `checker check PATH...`, or set "
                       "`sources` under [tool.checker] in pyproject.toml or in checker.toml)", err=True)
            raise typer.Exit(EXIT_INPUT)
        sources = [DEFAULT_SOURCES]
    return sources, rules or config.paths(config.settings.rules) or [DEFAULT_RULES]


def use_color(color: bool | None, output: Path | None) -> bool:
    """Colour when asked; else on a terminal, unless NO_COLOR is set (https://no-color.org)."""
    if color is not None:
        return color
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def text_width(output: Path | None) -> int:
    """The terminal's width (or $COLUMNS) when the report goes to a terminal; else 100."""
    if output is None and (sys.stdout.isatty() or os.environ.get("COLUMNS")):
        return max(shutil.get_terminal_size((TEXT_WIDTH, 24)).columns, 40)
    return TEXT_WIDTH


def report_format(given: Any, output: Path | None, configured: str | None) -> str:
    """`--format`, else the `--output` suffix's format, else the config's, else text; a `--format`
    that contradicts the suffix is an error (exit 2), not a text report in `report.html`."""
    implied = SUFFIX_FORMATS.get(output.suffix.lower()) if output is not None else None
    if given is not None:
        if implied is not None and implied != given.value:
            typer.echo(f"{output}: error: --format {given.value} but the file name says {implied} "
                       f"(name the file for its format, or drop --format)", err=True)
            raise typer.Exit(EXIT_INPUT)
        return str(given.value)
    return implied or configured or "text"


class Say:
    """Notes on standard error, as `-q`/`-v` ask: quiet shows errors only, verbose adds what was read."""

    def __init__(self, quiet: bool = False, verbose: bool = False) -> None:
        self.quiet, self.verbose = quiet, verbose

    def note(self, text: str) -> None:
        if not self.quiet:
            typer.echo(f"checker: {text}", err=True)

    def detail(self, text: str) -> None:
        if self.verbose and not self.quiet:
            typer.echo(f"checker: {text}", err=True)

    def problems(self, problems: list[Problem]) -> None:
        print_problems([p for p in problems if p.level == "error" or not self.quiet])


def _write_baseline(path: Path, result: CheckResult, say: Say) -> None:
    try:
        write_baseline(path, result)
    except OSError as exc:
        typer.echo(f"{path}: error: cannot write baseline: {exc.strerror or exc} (choose another path)", err=True)
        raise typer.Exit(EXIT_INPUT) from None
    say.note(f"wrote {len(result.findings)} finding(s) to baseline {path}")


Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors on standard error; no notes.")]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Also say which config, sources and rules were used.")]


Produce = Callable[[list[Path], list[Path], Selection, Sequence[str], Sequence[str]], CheckResult]
"""What a command checks: (sources, rule paths, selection, select, ignore) to a result."""


PathsOption = Annotated[list[Path] | None, typer.Argument(
    help="Source files or folders (.txt, .md, .html, .pdf; folders are read recursively; - reads standard "
         "input). Default: `sources` from the config, else seeds/.", show_default=False)]
RulesOption = Annotated[list[Path] | None, typer.Option(
    "--rules", "-r", help="Rule file or folder; repeat for more. Default: `rules` from the config, else rules/.",
    show_default=False)]
OutputFormatOption = Annotated[Format | None, typer.Option(
    "--format", "-f", help="Report format. Default: from the --output suffix, else the config, else text.",
    show_default=False)]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to FILE.")]
MinLevelOption = Annotated[Level | None, typer.Option(
    "--min-level", help="Show findings at or above this level. Default: apparent.", show_default=False)]
FailOnOption = Annotated[FailOn | None, typer.Option(
    "--fail-on", help="Exit 1 when a shown finding is at or above this level. Default: contradiction.",
    show_default=False)]
ColorOption = Annotated[bool | None, typer.Option(
    "--color/--no-color", help="Colour the text report. Default: on a terminal, unless NO_COLOR is set.",
    show_default=False)]
ReviewsPathOption = Annotated[Path | None, typer.Option(
    "--reviews", help=f"Reviews file whose verdicts findings carry. Default: {DEFAULT_REVIEWS} if it exists.",
    show_default=False)]
ShowDismissedOption = Annotated[bool, typer.Option(
    "--show-dismissed", help="Show dismissed findings in text and Markdown and count them in the exit code.")]
BaselineOption = Annotated[Path | None, typer.Option(
    "--baseline", help="Report only findings not in this baseline file.", show_default=False)]
WriteBaselineToOption = Annotated[Path | None, typer.Option(
    "--write-baseline", help="Write every current finding to FILE as a baseline; they are then not reported.",
    show_default=False)]
StatementsOption = Annotated[bool, typer.Option(
    "--statements", help="Also list every version of every rule with its statements, agreeing or not "
    "(text and JSON; HTML always has them).")]
ExcludeOption = Annotated[list[str] | None, typer.Option(
    "--exclude", help="Leave out files and folders matching GLOB; repeat for more.", metavar="GLOB",
    show_default=False)]
NoIgnoreOption = Annotated[bool, typer.Option(
    "--no-ignore", help="Read files that .gitignore ignores too.")]
SelectOption = Annotated[list[str] | None, typer.Option(
    "--select", help="Run only the rules with these ids (globs); repeat for more.", metavar="ID",
    show_default=False)]
JobsOption = Annotated[int | None, typer.Option(
    "--jobs", "-j", min=1, help="Processes that match sources (default: one per core for a large corpus).",
    show_default=False)]
EngineOption = Annotated[str, typer.Option(
    "--engine", help="local, or dask: run the check on a Dask cluster (pip install 'checker[dask]').")]
SchedulerOption = Annotated[str | None, typer.Option(
    "--scheduler", help="With --engine dask: the scheduler's address (default: a local cluster).",
    metavar="ADDRESS", show_default=False)]
IgnoreOption = Annotated[list[str] | None, typer.Option(
    "--ignore", help="Do not run the rules with these ids (globs); repeat for more.", metavar="ID",
    show_default=False)]


def check_command(
    paths: PathsOption = None,
    rules: RulesOption = None,
    output_format: OutputFormatOption = None,
    output: OutputOption = None,
    min_level: MinLevelOption = None,
    fail_on: FailOnOption = None,
    color: ColorOption = None,
    reviews_path: ReviewsPathOption = None,
    show_dismissed: ShowDismissedOption = False,
    baseline: BaselineOption = None,
    write_baseline_to: WriteBaselineToOption = None,
    statements: StatementsOption = False,
    exclude: ExcludeOption = None,
    no_ignore: NoIgnoreOption = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
    jobs: JobsOption = None,
    engine: EngineOption = "local",
    scheduler: SchedulerOption = None,
) -> None:
    """Check sources against rules and report where they disagree.

    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 bad input
    (a rule, source, reviews or baseline file that could not be read; the rest is still checked).
    """
    given = dict(locals())
    if engine not in ("local", "dask"):
        raise typer.BadParameter("choose local or dask", param_hint="--engine")
    bar = progress_bar(quiet)

    def produce(sources: list[Path], rule_paths: list[Path], selection: Selection, chosen: Sequence[str],
                left_out: Sequence[str]) -> CheckResult:
        if bar is not None:
            bar.measure(sources, selection)
        try:
            result = check(sources, rule_paths, selection=selection, select=chosen, ignore=left_out, jobs=jobs,
                           engine=engine, scheduler=scheduler, progress=bar)
        finally:
            if bar is not None:
                bar.stop()
        if statements:  # what each rule read, and what its exclude phrases kept it from reading
            used, _ = select_rules(load_rules(rule_paths).rules, chosen, left_out)
            result.exclusions = exclusions(sources, used, selection)
        return result

    run(produce, **{k: v for k, v in given.items() if k not in ("jobs", "engine", "scheduler")})


def progress_bar(quiet: bool) -> ProgressBar | None:
    """A progress bar when standard error is a terminal and notes are wanted."""
    if quiet or not sys.stderr.isatty():
        return None
    return ProgressBar(Console(stderr=True))


def run(produce: Produce, *, paths: list[Path] | None, rules: list[Path] | None, output_format: Format | None,
        output: Path | None, min_level: Level | None, fail_on: FailOn | None, color: bool | None,
        reviews_path: Path | None, show_dismissed: bool, baseline: Path | None, write_baseline_to: Path | None,
        statements: bool, exclude: list[str] | None, no_ignore: bool, select: list[str] | None,
        ignore: list[str] | None, quiet: bool, verbose: bool) -> None:
    """Settings from the command line, else the config; the result of `produce`; the view; the report; the exit."""
    say = Say(quiet, verbose)
    config = project_config()
    settings = config.settings
    if config.file is not None:
        say.detail(f"config: {config.file}")
    fmt = report_format(output_format, output, settings.format)
    sources, rule_paths = inputs(paths, rules, config)
    configured_reviews = config.paths([settings.reviews]) if settings.reviews else None
    in_use = reviews_path or (configured_reviews[0] if configured_reviews else None) or (
        DEFAULT_REVIEWS if DEFAULT_REVIEWS.is_file() else None)
    selection = Selection(exclude=[*settings.exclude, *(exclude or [])], no_ignore=no_ignore or settings.no_ignore)
    known = or_exit(read_baseline, baseline) if baseline else set()
    try:
        result = produce(sources, rule_paths, selection, select or settings.select, ignore or settings.ignore)
        say.detail(f"{result.stats.sources} source(s) from {', '.join(map(str, sources))}; "
                   f"{result.stats.rules} rule(s) from {', '.join(map(str, rule_paths))}")
        result = reviewed(result, in_use)
    except ProblemError as exc:
        print_problems([exc.problem])
        raise typer.Exit(EXIT_INPUT) from None
    say.problems(result.problems)
    if write_baseline_to is not None:
        _write_baseline(write_baseline_to, result, say)
        known |= {f.fingerprint for f in result.findings}
    level = min_level.value if min_level is not None else settings.min_level or "apparent"
    shown = view(result, baseline=known, min_level=level, show_dismissed=show_dismissed, report_format=fmt)
    if shown.baselined:
        say.note(f"{shown.baselined} finding(s) in the baseline not shown")
    if shown.dismissed_hidden:
        say.note(f"{shown.dismissed_hidden} dismissed finding(s) not shown (--show-dismissed shows them)")
    if fmt == "text":
        text = render_text(shown.result, color=use_color(color, output), width=text_width(output),
                           statements=statements)
    elif fmt == "json":
        text = render_json(shown.result, statements=statements)
    else:
        text = FORMATS[fmt](shown.result)
    emit(text, output)
    if result.has_errors:
        raise typer.Exit(EXIT_INPUT)
    failing = fail_on.value if fail_on is not None else settings.fail_on or "contradiction"
    raise typer.Exit(EXIT_FINDINGS if shown.fails(failing) else EXIT_OK)

