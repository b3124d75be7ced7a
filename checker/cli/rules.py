"""`checker rules`: write and check rules — validate, test, list, show, new, schema.

A thin shell over `checker.rules`: loading, running examples, the template and the schema all
live in the library. Exit codes: 0 all well; 1 an example or case failed (`test`); 2 bad input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rapidfuzz import process

from checker.cli.output import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, emit, print_problems
from checker.files import write_atomic
from checker.models import Problem
from checker.rules import RULE_TYPES, load_rules
from checker.rules.base import ID_PATTERN
from checker.rules.lint import id_problems
from checker.rules.problems import ID_HINT, printable
from checker.rules.schema import schema_text
from checker.rules.show import describe_rule
from checker.rules.template import rule_template, schema_reference
from checker.rule_tests import load_suite, run_suite

app = typer.Typer(no_args_is_help=True, context_settings={"help_option_names": ["-h", "--help"]})

RuleType = Enum("RuleType", {name: name for name in RULE_TYPES}, type=str)  # type: ignore[misc]
DEFAULT_RULES = Path("rules")
Paths = Annotated[list[Path] | None, typer.Argument(
    help="Rule files or folders (folders are read recursively). Default: rules/.", show_default=False)]


def _errors(problems: Sequence[Problem]) -> int:
    return sum(1 for p in problems if p.level == "error")


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@app.command("validate")
def validate(paths: Paths = None) -> None:
    """Check rule files, and rule test-case files, reporting every problem with its line.

    Exit codes: 0 no errors (warnings are shown); 2 some file has an error.
    """
    loaded, case_files = load_suite(paths or [DEFAULT_RULES])
    loaded.problems += [p for rule in loaded.rules for p in id_problems(rule, loaded.documents[rule.id])]
    loaded.problems.sort(key=lambda p: p.file)
    print_problems(loaded.problems, excerpts=True)
    errors, warnings = _errors(loaded.problems), len(loaded.problems) - _errors(loaded.problems)
    found = f"{_count(len(loaded.rules), 'rule')} and {_count(len(case_files), 'case file')} valid"
    typer.echo(f"{found}; {_count(errors, 'error')}, {_count(warnings, 'warning')}")
    raise typer.Exit(EXIT_INPUT if errors else EXIT_OK)


@app.command("test")
def run_tests(
    paths: Paths = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Show only what fails.")] = False,
) -> None:
    """Run every rule's examples, and any rule test-case files given; a diff for each failure.

    Exit codes: 0 all pass; 1 some example or case fails; 2 a rule or case file is wrong.
    """
    suite = run_suite(paths or [DEFAULT_RULES])
    print_problems(suite.problems, excerpts=True)
    for outcome in suite.outcomes:
        if outcome.passed and quiet:
            continue
        status = "PASS" if outcome.passed else "FAIL"
        typer.echo(printable(f"{status} {outcome.file}:{outcome.line}: {outcome.rule} {outcome.name}: {outcome.text}"))
        for line in outcome.diff:
            typer.echo(printable(f"    {line}"))
    failed = len(suite.failed)
    legend = "; in each diff, - is what was expected and + what was found" if failed else ""
    typer.echo(f"{_count(len(suite.outcomes) - failed, 'test')} passed, {failed} failed "
               f"({_count(suite.rules, 'rule')}){legend}")
    if _errors(suite.problems):
        raise typer.Exit(EXIT_INPUT)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


@app.command("list")
def list_rules(paths: Paths = None) -> None:
    """List the rules: id, type, title and file. Exit 2 when some rule file has an error."""
    loaded = load_rules(paths or [DEFAULT_RULES])
    print_problems(loaded.problems)
    rows = [("ID", "TYPE", "TITLE", "FILE")]
    rows += sorted((r.id, r.type, r.title, loaded.files[r.id]) for r in loaded.rules)
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        typer.echo(printable("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[3]))
    raise typer.Exit(EXIT_INPUT if _errors(loaded.problems) else EXIT_OK)


@app.command("show")
def show(
    rule_id: Annotated[str, typer.Argument(metavar="ID", help="The rule's id.")],
    rules: Annotated[list[Path] | None, typer.Option(
        "--rules", "-r", help="Rule file or folder; repeat for more. Default: rules/.", show_default=False)] = None,
) -> None:
    """Show a rule as loaded: every field, with defaults filled in and the line each value came from."""
    paths = rules or [DEFAULT_RULES]
    loaded = load_rules(paths)
    if rule_id not in loaded.files:
        print_problems(loaded.problems)
        best = process.extractOne(rule_id, list(loaded.files), score_cutoff=60)
        hint = f"did you mean '{best[0]}'?" if best else "see `checker rules list`"
        print_problems([Problem(file=", ".join(map(str, paths)), message=f"no rule '{rule_id}'", hint=hint)])
        raise typer.Exit(EXIT_INPUT)
    print_problems([p for p in loaded.problems if p.file == loaded.files[rule_id]], excerpts=True)
    rule = next(r for r in loaded.rules if r.id == rule_id)
    text = describe_rule(rule, loaded.documents[rule_id])
    emit("".join(printable(line) + "\n" for line in text.splitlines()), None)
    raise typer.Exit(EXIT_OK)


def _cannot_create(rule_id: str, path: Path) -> Problem | None:
    """Why `path` cannot become the rule `rule_id`: a bad id, a file in the way, an id taken."""
    if not re.fullmatch(ID_PATTERN, rule_id):
        return Problem(file=str(path), message=f"'{rule_id}' is not a valid rule id", hint=ID_HINT)
    if path.exists():
        return Problem(file=str(path), message="file already exists", hint="choose another id, or edit that file")
    taken = load_rules([path.parent]).files if path.parent.is_dir() else {}
    if rule_id in taken:
        return Problem(file=str(path), message=f"rule id '{rule_id}' is taken by {taken[rule_id]}",
                       hint="choose another id")
    return None


@app.command("new")
def new(
    rule_id: Annotated[str, typer.Argument(metavar="ID", help="The new rule's id, kebab-case.")],
    rule_type: Annotated[RuleType, typer.Option("--type", "-t", help="What the rule reads.")],
    directory: Annotated[Path, typer.Option("--dir", "-d", help="Folder to write ID.yaml in.")] = DEFAULT_RULES,
) -> None:
    """Write DIR/ID.yaml: a rule with every field explained and examples that pass, to edit."""
    path = directory / f"{rule_id}.yaml"
    problem = _cannot_create(rule_id, path)
    if problem is None:
        try:
            write_atomic(path, rule_template(rule_id, rule_type.value, schema_reference(directory)))
        except OSError as exc:
            problem = Problem(file=str(path), message=f"cannot write rule file: {exc.strerror or exc}")
    if problem is not None:
        print_problems([problem])
        raise typer.Exit(EXIT_INPUT)
    typer.echo(f"wrote {path}: a {rule_type.value} rule with a sample claim and examples; edit it, then run "
               f"`checker rules validate {directory}` and `checker rules test {directory}`")


@app.command("schema")
def schema(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the schema to FILE.")] = None,
) -> None:
    """Print the JSON Schema of rule files, for editors (yaml-language-server) to check and complete them."""
    emit(schema_text(), output)
