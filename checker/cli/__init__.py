"""The `checker` command: a thin shell over the library (`checker.check` and friends)."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from checker import __version__
from checker.cli.check import check_command
from checker.cli.review import review_app
from checker.cli.rules import app as rules_app

app = typer.Typer(
    name="checker",
    help="Find where sources disagree about the claims you describe as YAML rules.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.command("check")(check_command)
app.add_typer(review_app, name="review")
app.add_typer(rules_app, name="rules", help="Write and check rules: validate, test, list, show, new, schema.")


def _version(show: bool) -> None:
    if show:
        typer.echo(f"checker {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Find where sources disagree about the claims you describe as YAML rules."""


def main() -> None:
    """Console-script entry point.

    Bad input is reported by the commands themselves (exit 2); anything that still escapes is a
    bug in checker, reported in one line (exit 3) unless CHECKER_DEBUG asks for the traceback.
    """
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("checker: interrupted\n")
        raise SystemExit(130) from None
    except Exception as exc:
        if os.environ.get("CHECKER_DEBUG"):
            raise
        sys.stderr.write(f"checker: internal error: {type(exc).__name__}: {exc} "
                         "(a bug in checker; set CHECKER_DEBUG=1 for the traceback and report it)\n")
        raise SystemExit(3) from None
