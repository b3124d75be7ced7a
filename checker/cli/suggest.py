"""`checker suggest`: candidate claims where the sources disagree, found with no rules."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from checker.cli.check import ExcludeOption, JobsOption, NoIgnoreOption, PathsOption, inputs, project_config
from checker.cli.output import EXIT_INPUT, EXIT_OK, emit, print_problems
from checker.files import write_atomic
from checker.report.suggestions import render_suggestions_json, render_suggestions_text
from checker.selection import Selection
from checker.suggest import draft_text, suggest


def suggest_command(
    paths: PathsOption = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Write each candidate as a draft rule DIR/<id>.yaml, to edit and keep.", show_default=False)
    ] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="How many candidates to show.")] = 10,
    json_format: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to FILE.")] = None,
    exclude: ExcludeOption = None,
    no_ignore: NoIgnoreOption = False,
    jobs: JobsOption = None,
) -> None:
    """Find what to check before writing a rule: figures that sources state differently.

    Figures with the same counted noun in similar words are one candidate claim; each is run as a
    draft rule, so what is shown is what `checker check --rules DIR` finds with the drafts
    written by --out. Exit codes: 0 done; 2 bad input (the rest is still read).
    """
    sources, _ = inputs(paths, None, project_config())
    result = suggest(sources, top=top, selection=Selection(exclude=exclude or [], no_ignore=no_ignore), jobs=jobs)
    print_problems(result.problems)
    text = (render_suggestions_json(result) if json_format
            else render_suggestions_text(result, color=sys.stdout.isatty() and output is None))
    emit(text, output)
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
            for suggestion in result.suggestions:
                write_atomic(out / f"{suggestion.rule.id}.yaml", draft_text(suggestion.rule))
        except OSError as exc:
            typer.echo(f"{out}: error: cannot write draft rules: {exc.strerror or exc} (choose another --out)",
                       err=True)
            raise typer.Exit(EXIT_INPUT) from None
        typer.echo(f"checker: wrote {len(result.suggestions)} draft rule(s) to {out}", err=True)
    raise typer.Exit(EXIT_INPUT if any(p.level == "error" for p in result.problems) else EXIT_OK)
