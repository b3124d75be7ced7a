"""`checker quotes`: quotations compared across sources with no rule — altered and misattributed ones."""

from __future__ import annotations

from checker.cli.check import (
    BaselineOption, ColorOption, ExcludeOption, FailOnOption, MinLevelOption, NoIgnoreOption, OutputFormatOption,
    OutputOption, PathsOption, Quiet, ReviewsPathOption, ShowDismissedOption, StatementsOption, Verbose,
    WriteBaselineToOption, run)
from checker.quotes import check_quotes


def quotes_command(
    paths: PathsOption = None,
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
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Find quotations of one remark that differ across sources: altered words, or other speakers.

    Capitalisation, punctuation, brackets ("[W]e") and ellipses are accepted conventions, never a
    finding. Findings take reviews and baselines like any other. Exit codes as for `checker check`.
    """
    run(lambda sources, _rules, selection, _select, _ignore: check_quotes(sources, selection),
        rules=None, select=None, ignore=None, **locals())
