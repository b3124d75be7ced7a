"""A rule as loaded, for `checker rules show`: every field, defaults filled in, and where each came from."""

from __future__ import annotations

from typing import Any

import yaml

from checker.rules import Rule
from checker.rules.base import field_order
from checker.guarded_yaml import Document

WIDTH = 98


def _loaded_values(rule: Rule) -> dict[str, Any]:
    """Every field's value; examples only with what they set, since an unset expectation is unchecked."""
    values = rule.model_dump(mode="json")
    values["examples"] = [example.model_dump(mode="json", exclude_unset=True) for example in rule.examples]
    return values


def flow(value: Any) -> str:
    """A value as one line of YAML (`[a, b]`, `{value: 120}`, `'2020-03-03'`)."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10**6)
    return text.removesuffix("...\n").strip()


def _dump(name: str, value: Any) -> list[str]:
    """`name: value` as YAML lines: on one line when it fits, else in block style."""
    line = f"{name}: {flow(value)}"
    if len(line) <= WIDTH or not isinstance(value, (list, dict)):
        return [line]
    nested = isinstance(value, dict) or any(isinstance(item, (list, dict)) for item in value)
    text = yaml.safe_dump({name: value}, default_flow_style=None if nested else False, sort_keys=False,
                          allow_unicode=True, width=WIDTH)
    return text.rstrip("\n").split("\n")


def origins(rule: Rule, doc: Document) -> dict[str, str]:
    """For each field, `line N` when the file sets it there, else `default`."""
    return {name: f"line {doc.key_locations[(name,)][0]}" if (name,) in doc.key_locations else "default"
            for name in type(rule).model_fields}


def describe_rule(rule: Rule, doc: Document) -> str:
    """The rule as YAML, each field followed by a comment saying where its value came from."""
    where = origins(rule, doc)
    lines = [f"# {rule.id}, as loaded from {doc.name}; `default` marks a value the file leaves out"]
    values = _loaded_values(rule)
    for name in field_order(type(rule)):
        text = _dump(name, values[name])
        lines.append(f"{text[0]}  # {where[name]}")
        lines += text[1:]
    return "\n".join(lines) + "\n"
