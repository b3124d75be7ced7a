"""Rules: the claims a user cares about, one YAML file each, validated by pydantic models."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, Field, TypeAdapter, ValidationError
from rapidfuzz import process

from checker.models import Problem
from checker.rules.base import Example, Expected, RuleBase
from checker.rules.date import DateRule
from checker.rules.loader import Document, RuleFileError, read_document
from checker.rules.quantity import QuantityRule
from checker.rules.stance import StanceRule

Rule = Annotated[QuantityRule | StanceRule | DateRule, Field(discriminator="type")]
RULE_TYPES: dict[str, type[RuleBase]] = {"quantity": QuantityRule, "stance": StanceRule, "date": DateRule}
_RULE_ADAPTER: TypeAdapter[Any] = TypeAdapter(Rule)

__all__ = [
    "DateRule", "Example", "Expected", "QuantityRule", "Rule", "RuleBase", "RULE_TYPES", "StanceRule",
    "LoadedRules", "load_rules", "parse_rule", "rule_files",
]


class LoadedRules(BaseModel):
    """The rules that loaded, where each came from, and the problems of those that did not."""

    rules: list[Rule] = []
    files: dict[str, str] = {}
    problems: list[Problem] = []


def rule_files(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """The `.yaml`/`.yml` files under `paths`, sorted; a path that does not exist is a problem."""
    found: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            problems.append(Problem(file=str(path), message="no such rule file or folder",
                                    hint="pass --rules with a folder of rule YAML files"))
    if not found and not problems:
        problems.append(Problem(file=", ".join(map(str, paths)), message="no rule files (*.yaml) found",
                                hint="add a rule with `checker rules new ID --type quantity`"))
    return found, problems


def _validation_problems(error: ValidationError, doc: Document, name: str) -> list[Problem]:
    problems = []
    for item in error.errors():
        loc = tuple(item["loc"])
        if loc and loc[0] in RULE_TYPES and doc.data.get("type") == loc[0]:
            loc = loc[1:]
        kind = item["type"]
        hint = None
        if kind == "extra_forbidden":
            key = str(loc[-1])
            line, column = doc.locate(loc, key=True)
            message = f"unknown key '{key}'"
            rule_type = RULE_TYPES.get(doc.data.get("type")) if isinstance(doc.data, dict) else None
            known = list(rule_type.model_fields) if rule_type and len(loc) == 1 else []
            best = process.extractOne(key, known, score_cutoff=60) if known else None
            if best:
                hint = f"did you mean '{best[0]}'?"
        elif kind == "union_tag_invalid" or kind == "union_tag_not_found":
            line, column = doc.locate(("type",))
            got = doc.data.get("type") if isinstance(doc.data, dict) else None
            message = f"unknown rule type {got!r}" if got is not None else "missing key 'type'"
            hint = "type must be one of: " + ", ".join(RULE_TYPES)
        elif kind == "missing":
            line, column = doc.locate(loc[:-1])
            message = f"missing required key '{loc[-1]}'"
        else:
            line, column = doc.locate(loc)
            where = ".".join(map(str, loc))
            message = f"{where}: {item['msg']}" if where else item["msg"]
        problems.append(Problem(file=name, line=line, column=column, message=message, hint=hint,
                                excerpt=doc.excerpt(line)))
    return problems


def parse_rule(path: Path, display: str | None = None) -> tuple[Any | None, list[Problem]]:
    """Load one rule file: the rule, or the problems that stop it (each with file:line:col)."""
    name = display or str(path)
    try:
        doc = read_document(path, name)
    except RuleFileError as exc:
        return None, [exc.problem]
    if not isinstance(doc.data, dict):
        kind = type(doc.data).__name__
        return None, [Problem(file=name, line=1, column=1, message=f"a rule file holds a mapping, not a {kind}",
                              hint="start with `id:`, `title:` and `type:` keys", excerpt=doc.excerpt(1))]
    try:
        return _RULE_ADAPTER.validate_python(doc.data), []
    except ValidationError as exc:
        return None, _validation_problems(exc, doc, name)


def load_rules(paths: list[Path]) -> LoadedRules:
    """Load every rule under `paths`; problems of one file never stop the others."""
    files, problems = rule_files(paths)
    loaded = LoadedRules(problems=problems)
    for path in files:
        rule, file_problems = parse_rule(path)
        loaded.problems.extend(file_problems)
        if rule is None:
            continue
        if rule.id in loaded.files:
            line, column = 1, 1
            loaded.problems.append(Problem(file=str(path), line=line, column=column,
                                           message=f"duplicate rule id '{rule.id}', also in {loaded.files[rule.id]}",
                                           hint="give each rule its own id"))
            continue
        loaded.files[rule.id] = str(path)
        loaded.rules.append(rule)
    return loaded
