"""What would quietly never work in a rule that validates: said at load time, with the line.

Only passages holding a rule's keywords are read, so a rule without any finds nothing; sentences
are matched in lower case, so an upper-case pattern never matches; an example expecting what its
rule type never reports fails whatever the text says.
"""

from __future__ import annotations

import re

from checker.guarded_yaml import Document
from checker.models import Problem
from checker.rules.base import RuleBase

_UPPER_LITERAL = re.compile(r"(?<!\\)[A-Z]")



def _keyword_problems(rule: RuleBase, doc: Document) -> list[Problem]:
    if rule.keywords():
        return []
    return [doc.problem("the rule has no about words or phrases, so it can find no sentence",
                        hint="add about words: patterns are tried only on sentences these pick")]


def _pattern_problems(rule: RuleBase, doc: Document) -> list[Problem]:
    return [doc.problem("pattern has upper-case letters, but sentences are matched in lower case", ("patterns", i),
                        hint="write it in lower case, or start it with (?i)", level="warning")
            for i, pattern in enumerate(rule.patterns)
            if _UPPER_LITERAL.search(pattern) and not pattern.startswith("(?i)")]


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
    return _keyword_problems(rule, doc) + _pattern_problems(rule, doc) + _example_problems(rule, doc)
