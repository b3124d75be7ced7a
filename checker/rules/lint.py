"""What would quietly never work in a rule that validates: said at load time, with the line.

Only passages holding a rule's keywords are read, so a rule without any finds nothing; an example
expecting what its rule type never reports fails whatever the text says; an id that is not
its file's name leaves the rule hard to find (`checker rules validate` says so: `id_problems`). (Patterns are matched
case-insensitively, so their case is never a problem.)
"""

from __future__ import annotations

from pathlib import PurePath

from checker.guarded_yaml import Document
from checker.models import Problem
from checker.rules.base import RuleBase


def _keyword_problems(rule: RuleBase, doc: Document) -> list[Problem]:
    if rule.keywords():
        return []
    return [doc.problem("the rule has no about words or phrases, so it can find no sentence",
                        hint="add about words: patterns are tried only on sentences these pick")]


def id_problems(rule: RuleBase, doc: Document) -> list[Problem]:
    """The file name is the rule's id (docs/rules.md): a rule whose id is not its file's stem is hard to find."""
    name = PurePath(doc.name)
    if name.suffix not in (".yaml", ".yml") or name.stem == rule.id:
        return []
    return [doc.problem(f"id '{rule.id}' does not match the file name '{name.name}'", ("id",), level="warning",
                        hint=f"rename the file to {rule.id}{name.suffix}, or change the id to '{name.stem}'")]


def _example_problems(rule: RuleBase, doc: Document) -> list[Problem]:
    problems = []
    reports = rule.reports
    units = list(rule.units())
    for i, example in enumerate(rule.examples):
        if example.expect == "none":
            continue
        at = ("examples", i, "expect")
        for name in sorted(example.expect.model_fields_set - reports):
            problems.append(doc.problem(f"a {rule.type} rule reports no {name}", at + (name,), key=True,
                                        hint="expect only " + ", ".join(sorted(reports)), level="warning"))
        scope, unit = example.expect.scope, example.expect.unit
        if scope is not None and scope not in rule.scopes:
            problems.append(doc.problem(f"no scope '{scope}' in this rule's scopes", at + ("scope",),
                                        hint="scopes: " + (", ".join(rule.scopes) or "none"), level="warning"))
        if unit is not None and units and unit not in units:
            problems.append(doc.problem(f"unit '{unit}' is neither the rule's unit nor a related unit",
                                        at + ("unit",), hint="units: " + ", ".join(units), level="warning"))
    return problems


def never_works(rule: RuleBase, doc: Document) -> list[Problem]:
    """The problems of a valid rule that would make it, or its examples, fail without saying why."""
    return _keyword_problems(rule, doc) + _example_problems(rule, doc)
