"""What would quietly never work in a rule that validates: said at load time, with the line.

Only passages holding a rule's keywords are read, so a rule without any finds nothing; sentences
are matched in lower case, so an upper-case pattern never matches; an example expecting what its
rule type never reports fails whatever the text says.
"""

from __future__ import annotations

import re

from checker.models import Problem
from checker.rules.date import DateRule
from checker.guarded_yaml import Document
from checker.rules.quantity import QuantityRule
from checker.rules.stance import StanceRule

REPORTS: dict[str, frozenset[str]] = {
    "quantity": frozenset({"value", "qualifier", "unit", "as_of", "speaker", "scope"}),
    "stance": frozenset({"stance", "as_of", "speaker", "scope"}),
    "date": frozenset({"value", "as_of", "speaker", "scope"}),
}
"""What a statement found by each rule type can say, and so what its examples may expect."""
_UPPER_LITERAL = re.compile(r"(?<!\\)[A-Z]")

AnyRule = QuantityRule | StanceRule | DateRule


def _keyword_problems(rule: AnyRule, doc: Document) -> list[Problem]:
    if rule.keywords():
        return []
    return [doc.problem("the rule has no about words or phrases, so it can find no sentence",
                        hint="add about words: patterns are tried only on sentences these pick")]


def _pattern_problems(rule: AnyRule, doc: Document) -> list[Problem]:
    return [doc.problem("pattern has upper-case letters, but sentences are matched in lower case", ("patterns", i),
                        hint="write it in lower case, or start it with (?i)", level="warning")
            for i, pattern in enumerate(rule.patterns)
            if _UPPER_LITERAL.search(pattern) and not pattern.startswith("(?i)")]


def _example_problems(rule: AnyRule, doc: Document) -> list[Problem]:
    problems = []
    reports = REPORTS[rule.type]
    units = [rule.unit, *rule.related_units] if isinstance(rule, QuantityRule) else []
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


def never_works(rule: AnyRule, doc: Document) -> list[Problem]:
    """The problems of a valid rule that would make it, or its examples, fail without saying why."""
    return _keyword_problems(rule, doc) + _pattern_problems(rule, doc) + _example_problems(rule, doc)
