"""`checker review`: judge findings one by one in the terminal, or set and list verdicts from scripts.

`checker review [PATH...]` walks the open findings (it is `checker review walk`); `set` and `list`
are for scripts. Every verdict goes straight to the reviews file (see `checker.review`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from checker.cli.check import Quiet, Say, Verbose, at_or_above, inputs, or_exit, project_config
from checker.cli.choices import Level, ListStatus, Status
from checker.cli.output import EXIT_INPUT, EXIT_OK
from checker.cli.walk import walk
from checker.models import CheckResult
from checker.report.text import printable
from checker.pipeline import check
from checker.review import DEFAULT_REVIEWS, Reviews, apply_reviews, load_reviews, resolve, set_review, stale


class _WalkByDefault(TyperGroup):
    """Arguments that do not start with a command name go to `walk`: `checker review seeds --rules r`."""

    ignore_unknown_options = True  # leave walk's options to walk

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in self.commands:
            return "walk", self.commands["walk"], args
        return super().resolve_command(ctx, args)


review_app = typer.Typer(cls=_WalkByDefault, invoke_without_command=True, add_completion=False,
                         context_settings={"help_option_names": ["-h", "--help"]})


Paths = Annotated[list[Path] | None, typer.Argument(
    help="Source files or folders, as for `checker check`. Default: `sources` from the config, else seeds/.",
    show_default=False)]
Rules = Annotated[list[Path] | None, typer.Option(
    "--rules", "-r", help="Rule file or folder; repeat for more. Default: `rules` from the config, else rules/.",
    show_default=False)]
ReviewsPath = Annotated[Path | None, typer.Option(
    "--reviews", help=f"The reviews file. Default: `reviews` from the config, else {DEFAULT_REVIEWS}.",
    show_default=False)]
By = Annotated[str | None, typer.Option("--by", help="Who judges. Default: your login name.", show_default=False)]


_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _terminal_safe_json(text: str) -> str:
    """JSON whose strings carry no character that drives a terminal: json.dumps escapes only the
    C0 controls, so DEL, the 8-bit controls (an 8-bit CSI) and bidi overrides are escaped here."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _valid_text(option: str, value: str | None) -> None:
    """Exit 2 when an option's value holds bytes that are not UTF-8 (Python keeps them as lone
    surrogates, which no file or terminal could take)."""
    if value is not None and _SURROGATE.search(value):
        typer.echo(f"error: {option} is not valid UTF-8 text (give it as UTF-8)", err=True)
        raise typer.Exit(EXIT_INPUT)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _settings(paths: list[Path] | None, rules: list[Path] | None, reviews_path: Path | None
              ) -> tuple[list[Path], list[Path], Path]:
    """Sources, rules and reviews file: the command line's, else the project config's, else the defaults."""
    config = project_config()
    sources, rule_paths = inputs(paths, rules, config)
    configured = config.paths([config.settings.reviews]) if config.settings.reviews else []
    return sources, rule_paths, reviews_path or (configured[0] if configured else DEFAULT_REVIEWS)


def _reviewed(sources: list[Path], rules: list[Path], path: Path, say: Say | None = None
              ) -> tuple[CheckResult, Reviews]:
    """Check the sources and put each finding's review on it; stale verdicts are reported, not dropped."""
    say = say or Say()
    reviews = or_exit(load_reviews, path)
    result = check(sources, rules)
    say.detail(f"{result.stats.sources} source(s), {result.stats.rules} rule(s), reviews in {path}")
    say.problems(result.problems + stale(result, reviews))
    return apply_reviews(result, reviews), reviews


@review_app.callback()
def review_root(ctx: typer.Context) -> None:
    """Judge findings: `checker review [PATH...] [--rules DIR] [--by NAME] [--reviews FILE]
    [--min-level apparent|contradiction]` walks the open ones one by one (it is `checker review
    walk`; see `checker review walk --help`); `set` and `list` are for scripts."""
    if ctx.invoked_subcommand is None:
        walk_command()


@review_app.command("walk")
def walk_command(paths: Paths = None, rules: Rules = None, reviews_path: ReviewsPath = None,
                 by: By = None, min_level: Annotated[Level, typer.Option(
                     "--min-level", help="Walk findings at or above this level.")] = Level.apparent,
                 quiet: Quiet = False, verbose: Verbose = False) -> None:
    """Walk the open findings one by one; one key judges each, and every answer is saved at once.

    Keys: c confirm, d dismiss, s skip, n add a note, o open the sources around the statements, q quit.
    """
    _valid_text("--by", by)
    sources, rule_paths, reviews_file = _settings(paths, rules, reviews_path)
    result, _ = _reviewed(sources, rule_paths, reviews_file, Say(quiet, verbose))
    todo = [f for f in at_or_above(result, min_level.value).findings if f.review and f.review.status == "open"]
    or_exit(lambda path: walk(todo, path, by, sources), reviews_file)
    raise typer.Exit(EXIT_INPUT if result.has_errors else EXIT_OK)


@review_app.command("set")
def set_command(
    fingerprint: Annotated[str, typer.Argument(help="The finding's fingerprint, or a unique prefix of it.")],
    status: Annotated[Status, typer.Option("--status", help="The verdict.")],
    paths: Paths = None,
    note: Annotated[str | None, typer.Option("--note", help="Why; replaces the note there.")] = None,
    by: By = None, rules: Rules = None, reviews_path: ReviewsPath = None,
) -> None:
    """Record a verdict on one finding (or on a stale verdict, to change it)."""
    _valid_text("--note", note)
    _valid_text("--by", by)
    sources, rule_paths, reviews_path = _settings(paths, rules, reviews_path)
    result, reviews = _reviewed(sources, rule_paths, reviews_path)
    findings = {f.fingerprint: f for f in result.findings}
    try:
        found = resolve(fingerprint, [*findings, *reviews.entries])
    except ValueError as exc:
        typer.echo(f"error: {exc} (see `checker review list`)", err=True)
        raise typer.Exit(EXIT_INPUT) from None
    entry = or_exit(lambda path: set_review(path, found, status.value, note, by, findings.get(found), reviews),
                    reviews_path)
    typer.echo(printable(f"{found} {entry.status} by {entry.by} at {entry.at}"))


def _rows(result: CheckResult, reviews: Reviews) -> list[dict[str, Any]]:
    rows = [{"fingerprint": f.fingerprint, "status": f.review.status if f.review else "open", "verdict": f.verdict,
             "rule": f.rule, **(f.review.model_dump(exclude={"status"}) if f.review else {})} for f in result.findings]
    current = {f.fingerprint for f in result.findings}
    rows += [{"fingerprint": fp, "status": e.status, "verdict": "stale", "rule": e.rule, "by": e.by, "at": e.at,
              "note": e.note} for fp, e in sorted(reviews.entries.items()) if fp not in current]
    return rows


@review_app.command("list")
def list_command(
    paths: Paths = None, rules: Rules = None, reviews_path: ReviewsPath = None,
    status: Annotated[ListStatus | None, typer.Option(
        "--status", help="Only findings with this status; `stale` lists verdicts whose finding is gone.",
        show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array instead of lines.")] = False,
) -> None:
    """Every finding with its verdict, one a line, tab-separated:
    fingerprint, status, verdict (or `stale`), rule, by, at, note."""
    sources, rule_paths, reviews_path = _settings(paths, rules, reviews_path)
    result, reviews = _reviewed(sources, rule_paths, reviews_path)
    rows = _rows(result, reviews)
    if status is ListStatus.stale:
        rows = [r for r in rows if r["verdict"] == "stale"]
    elif status is not None:
        rows = [r for r in rows if r["status"] == status.value and r["verdict"] != "stale"]
    if as_json:
        typer.echo(_terminal_safe_json(json.dumps(rows, indent=2, ensure_ascii=False)))
    for row in [] if as_json else rows:
        fields = [row.get(k) or "" for k in ("fingerprint", "status", "verdict", "rule", "by", "at", "note")]
        typer.echo("\t".join(printable(" ".join(str(f).split())) for f in fields))
    raise typer.Exit(EXIT_INPUT if result.has_errors else EXIT_OK)

