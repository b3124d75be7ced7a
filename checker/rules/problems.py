"""Turning what went wrong in a rule file into problems a person can act on, and showing them.

Each pydantic error becomes one `Problem` at the line and column of the offending key or value,
with a hint where one helps: the key that was probably meant, the valid rule types, the quotes
YAML needed. `render_problem` prints it with the offending line and a caret under the spot.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from rapidfuzz import process

from checker.models import Problem
from checker.rules.base import Example, Expected, RuleBase, field_docs
from checker.guarded_yaml import MAX_PROBLEMS, DataPath, Document

MAX_EXCERPT = 100
ID_HINT = "lower-case words and digits joined by hyphens: parents-not-located"

ModelsAt = Callable[[DataPath], list[type[BaseModel]]]
"""The models that may validate the mapping at a data path (several when the type is unknown)."""


def rule_models_at(path: DataPath, rule_types: dict[str, type[RuleBase]], rule_type: Any) -> list[type[BaseModel]]:
    """`ModelsAt` for a rule file of type `rule_type` (any type, when that is not a known one)."""
    if len(path) == 0:
        return [rule_types[rule_type]] if rule_type in rule_types else list(rule_types.values())
    if len(path) == 2 and path[0] == "examples":
        return [Example]
    if len(path) == 3 and path[0] == "examples" and path[2] == "expect":
        return [Expected]
    return []


def _unknown_key_hint(key: str, known: list[str]) -> str | None:
    best = process.extractOne(key, sorted(set(known)), score_cutoff=60) if known else None
    if best:
        return f"did you mean '{best[0]}'?"
    return "known keys: " + ", ".join(dict.fromkeys(known)) if known else None


def _field_hint(path: DataPath, models_at: ModelsAt) -> str | None:
    """The documentation of the field at `path`, as a reminder of what it takes."""
    while path and isinstance(path[-1], int):
        path = path[:-1]
    if not path:
        return None
    for model in models_at(path[:-1]):
        doc = field_docs(model).get(str(path[-1]))
        if doc:
            return f"{path[-1]}: {doc}"
    return None


def _dotted(path: DataPath) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def error_problems(errors: Iterable[ErrorDetails], doc: Document, models_at: ModelsAt,
                   prefix: DataPath = ()) -> list[Problem]:
    """One problem per pydantic error (of a model validating `doc` at `prefix`), at its key or value."""
    problems = []
    for item in errors:
        path = doc.resolve(prefix + tuple(item["loc"]))
        inner, kind = path[len(prefix):], item["type"]
        if kind == "extra_forbidden":
            key = str(item["loc"][-1])
            known = [name for model in models_at(inner[:-1]) for name in model.model_fields]
            problems.append(doc.problem(f"unknown key '{key}'", path, key=True, hint=_unknown_key_hint(key, known)))
            continue
        if kind == "missing":
            key = str(item["loc"][-1])
            hint = _field_hint(inner + (key,), models_at)
            problems.append(doc.problem(f"missing required key '{key}'", path, hint=hint))
            continue
        message, hint = item["msg"].removeprefix("Value error, "), None
        if kind == "string_type" and isinstance(item.get("input"), (bool, int, float, date)):
            hint = f"YAML read this as {type(item['input']).__name__} {item['input']!r}; put the text in quotes"
        elif kind == "string_pattern_mismatch" and inner == ("id",):
            message, hint = "id must be kebab-case", ID_HINT
        elif kind == "literal_error" and inner[:1] == ("examples",) and inner[-1:] == ("expect",):
            message, hint = "expect must be none or a mapping", "expect: none, or expect: {value: 545, unit: parents}"
        elif kind != "value_error":
            hint = _field_hint(inner, models_at)
        where = _dotted(inner)
        problems.append(doc.problem(f"{where}: {message}" if where else message, path, hint=hint))
    return problems


def _type_problem(doc: Document, rule_types: dict[str, type[RuleBase]]) -> Problem:
    got = doc.data.get("type")
    valid = "type must be one of: " + ", ".join(rule_types)
    if "type" not in doc.data:
        return doc.problem("missing required key 'type'", hint=valid)
    best = process.extractOne(str(got), list(rule_types), score_cutoff=60)
    hint = f"did you mean '{best[0]}'? {valid}" if best else valid
    return doc.problem(f"unknown rule type {got!r}", ("type",), hint=hint)


def validation_problems(error: ValidationError, doc: Document,
                        rule_types: dict[str, type[RuleBase]]) -> list[Problem]:
    """The problems of a rule file that failed validation: the rule-level ones, then the rest."""
    rule_type = doc.data.get("type")
    rule_type = rule_type if isinstance(rule_type, str) else None
    problems, rest = [], []
    for item in error.errors()[: MAX_PROBLEMS + 1]:  # the rest are only counted (`Document.capped`)
        path = doc.resolve(tuple(item["loc"]))
        owners = [name for name, model in rule_types.items() if path and path[-1] in model.model_fields]
        if item["type"] in ("union_tag_invalid", "union_tag_not_found") and not path:
            problems.append(_type_problem(doc, rule_types))
        elif item["type"] == "extra_forbidden" and len(path) == 1 and (owners or path[0] == "rule"):
            hint = (f"'{path[0]}' belongs to {' and '.join(owners)} rules; this is a {rule_type} rule" if owners
                    else "this looks like a rule test-case file; keep those outside the rules folder")
            problems.append(doc.problem(f"unknown key '{path[0]}'", path, key=True, hint=hint))
        else:
            rest.append(item)
    return problems + error_problems(rest, doc, partial(rule_models_at, rule_types=rule_types, rule_type=rule_type))


def printable(text: str) -> str:
    """Control characters shown as `?`, so a hostile file cannot drive the terminal."""
    return "".join(c if c.isprintable() or c == "\t" else "?" for c in text)


def render_problem(problem: Problem) -> str:
    """`FILE:LINE:COL: level: message (hint)`, then the offending line and a caret under the spot.

    A long line is cut to a window around the column, so a one-line file of a megabyte shows as
    one screen line.
    """
    head = printable(problem.one_line())
    if problem.excerpt is None or problem.line is None:
        return head
    line = problem.excerpt
    column = problem.column - 1 if problem.column else None
    start = max(0, min(column or 0, len(line)) - MAX_EXCERPT // 2) if len(line) > MAX_EXCERPT else 0
    shown = line[start: start + MAX_EXCERPT]
    prefix, suffix = ("…" if start else ""), ("…" if start + MAX_EXCERPT < len(line) else "")
    gutter = f"{problem.line:>5} | "
    lines = [head, gutter + prefix + printable(shown).expandtabs(4) + suffix]
    if column is not None:
        offset = len(prefix) + len(printable(shown[: column - start]).expandtabs(4))
        lines.append(" " * (len(gutter) - 2) + "| " + " " * offset + "^")
    return "\n".join(lines)
