"""Rules: the claims a user cares about, one YAML file each, validated by pydantic models.

Loading never stops at the first mistake: every file is read, every problem of every file is
reported with its line and column, and the rules that load are still returned.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, Field, SkipValidation, TypeAdapter, ValidationError

from checker.models import Problem
from checker.rules.base import Example, Expected, RuleBase, field_docs
from checker.rules.date import DateRule
from checker.rules.lint import never_works
from checker.guarded_yaml import Document, RuleFileError, read_document
from checker.rules.problems import validation_problems
from checker.rules.quantity import QuantityRule
from checker.rules.quote import QuoteRule
from checker.rules.share import ShareRule
from checker.rules.stance import StanceRule

Rule = Annotated[QuantityRule | StanceRule | DateRule | ShareRule | QuoteRule, Field(discriminator="type")]
"""Every rule type, each with its model, reading and comparing in `checker.rules.<type>`: the one place
a new type is registered."""
RULE_TYPES: dict[str, type[RuleBase]] = {"quantity": QuantityRule, "stance": StanceRule, "date": DateRule,
                                         "share": ShareRule, "quote": QuoteRule}
RULE_ADAPTER: TypeAdapter[Any] = TypeAdapter(Rule)
__all__ = [
    "DateRule", "Example", "Expected", "QuantityRule", "Rule", "RuleBase", "RULE_TYPES", "QuoteRule", "ShareRule",
    "StanceRule",
    "LoadedRules", "field_docs", "load_rules", "parse_rule", "read_documents", "rule_files", "rule_from_document",
    "rules_from_documents",
]


class LoadedRules(BaseModel):
    """The rules that loaded, where each came from, and the problems of those that did not."""

    rules: list[Rule] = []
    files: dict[str, str] = {}
    problems: list[Problem] = []
    documents: SkipValidation[dict[str, Document]] = Field(default_factory=dict, exclude=True, repr=False)
    """Each loaded rule's parsed file, by rule id: where every key and example stands."""


def _yaml_files(folder: Path, problems: list[Problem]) -> list[Path]:
    """The rule files under `folder`, sorted; a folder that cannot be listed is a warning naming it."""
    def skipped(exc: OSError) -> None:
        problems.append(Problem(file=str(exc.filename or folder), level="warning",
                                message=f"folder skipped: cannot list it: {exc.strerror or exc}",
                                hint="check its permissions"))

    found = []
    for root, folders, names in os.walk(folder, onerror=skipped):
        folders.sort()
        found += [Path(root) / name for name in names if name.endswith((".yaml", ".yml"))]
    return sorted(found)


def rule_files(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """The `.yaml`/`.yml` files under `paths`, sorted; a path that does not exist is a problem."""
    found: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            found.extend(_yaml_files(path, problems))
        elif path.is_file():
            found.append(path)
        else:
            problems.append(Problem(file=str(path), message="no such rule file or folder",
                                    hint="pass a rule file or a folder of rule YAML files"))
    if not found and not problems:
        problems.append(Problem(file=", ".join(map(str, paths)), message="no rule files (*.yaml) found",
                                hint="add a rule with `checker rules new ID --type quantity`"))
    return found, problems


def rule_from_document(doc: Document) -> tuple[Any | None, list[Problem]]:
    """Validate a parsed rule file: the rule, and every problem found in it."""
    problems = list(doc.problems)
    if not isinstance(doc.data, dict):
        kind = "nothing" if doc.data is None else f"a {type(doc.data).__name__}"
        problems.append(doc.problem(f"a rule file holds a mapping of keys to values, not {kind}",
                                    hint="start with `id:`, `title:` and `type:` keys"))
        return None, doc.capped(problems)
    try:
        rule = RULE_ADAPTER.validate_python(doc.data)
    except ValidationError as exc:
        found = validation_problems(exc, doc, RULE_TYPES)
        return None, doc.capped(problems + found, total=len(problems) + exc.error_count())
    problems = doc.capped(problems + never_works(rule, doc))
    return (None if any(p.level == "error" for p in problems) else rule), problems


def parse_rule(path: Path, display: str | None = None) -> tuple[Any | None, list[Problem]]:
    """Load one rule file: the rule, or the problems that stop it (each with file:line:col)."""
    try:
        doc = read_document(path, display)
    except RuleFileError as exc:
        return None, [exc.problem]
    return rule_from_document(doc)


def rules_from_documents(docs: Iterable[Document], problems: Iterable[Problem] = ()) -> LoadedRules:
    """Validate parsed rule files; a second rule with an id already taken is a problem, not a rule."""
    loaded = LoadedRules(problems=list(problems))
    for doc in docs:
        rule, rule_problems = rule_from_document(doc)
        loaded.problems.extend(rule_problems)
        if rule is None:
            continue
        if rule.id in loaded.files:
            first = loaded.documents[rule.id]
            line = first.locate(("id",))[0]
            loaded.problems.append(doc.problem(f"duplicate rule id '{rule.id}': {first.name}:{line} has it too",
                                               ("id",), hint="give each rule its own id"))
            continue
        loaded.files[rule.id] = doc.name
        loaded.documents[rule.id] = doc
        loaded.rules.append(rule)
    return loaded


def read_documents(files: list[Path], problems: list[Problem]) -> Iterator[Document]:
    """Each file parsed, in order; a file that cannot be read adds its problem to `problems`."""
    for path in files:
        try:
            yield read_document(path)
        except RuleFileError as exc:
            problems.append(exc.problem)


def load_rules(paths: list[Path]) -> LoadedRules:
    """Load every rule under `paths`; problems of one file never stop the others."""
    files, problems = rule_files(paths)
    loaded = rules_from_documents(list(read_documents(files, problems)), problems)
    loaded.problems.sort(key=lambda p: p.file)  # stable: each file's problems stay in line order
    return loaded
