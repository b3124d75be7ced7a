"""The command tree of `checker`, imported by `checker.cli.main` once it is ready to catch a Ctrl-C."""

from __future__ import annotations

from typing import Annotated

import typer

from checker import __version__
from checker.cli.check import check_command
from checker.cli.quotes import quotes_command
from checker.cli.review import review_app
from checker.cli.rules import app as rules_app
from checker.cli.suggest import suggest_command

app = typer.Typer(
    name="checker",
    help="Find where sources disagree about the claims you describe as YAML rules.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.command("check")(check_command)
app.command("suggest")(suggest_command)
app.command("quotes")(quotes_command)
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
