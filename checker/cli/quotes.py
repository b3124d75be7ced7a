"""`checker quotes`: quotations compared across sources with no rule — altered and misattributed ones."""

from __future__ import annotations

from pathlib import Path

from checker.cli.check import (
    BaselineOption, ColorOption, FailOn, FailOnOption, Format, FormatOption, Level, MinLevelOption, OutputOption,
    Paths, ReviewsOption, ShowDismissedOption, StatementsOption, View, WriteBaselineOption, present)
from checker.quotes import check_quotes


def quotes_command(
    paths: Paths = None,
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
    """Find quotations of one remark that differ across sources: altered words, or other speakers.

    Capitalisation, punctuation, brackets ("[W]e") and ellipses are accepted conventions, never a
    finding. Findings take reviews and baselines like any other. Exit codes as for `checker check`.
    """
    view = View(output_format, output, min_level, fail_on, color, reviews_path, show_dismissed, baseline,
                write_baseline_to, statements)
    present(lambda: check_quotes(paths or [Path("seeds")]), view)
