"""The file `checker rules new` writes: every field with its documentation, and working examples.

The comments are the models' field docs, so the template says what docs/rules.md says; the
values are a small made-up claim whose examples pass, so a new rule validates and tests
cleanly before it is edited (tests/test_rules_cli.py checks both for every type).
"""

from __future__ import annotations

import os
import textwrap
from importlib import resources
from pathlib import Path
from typing import Any

from checker.rules import RULE_TYPES
from checker.rules.base import field_docs, field_order
from checker.rules.schema import SCHEMA_FILE
from checker.rules.show import flow

COMMON: dict[str, Any] = {"patterns": [], "exclude": [], "scopes": {}, "threshold": 85, "severity": "medium"}


def packaged_schema() -> Path:
    """The rule schema shipped inside the package (`checker/schema/rule.schema.json`)."""
    return Path(str(resources.files("checker.schema").joinpath("rule.schema.json")))


def schema_reference(directory: Path) -> str:
    """Where a rule file in `directory` finds its schema: the path from there to the repository's
    schema file when the command runs in this repository, else the schema shipped in the package
    (as a `file:` URI, which yaml-language-server reads wherever the rule lives)."""
    schema = Path(SCHEMA_FILE)
    if schema.is_file():
        return Path(os.path.relpath(schema.resolve(), directory.resolve())).as_posix()
    return packaged_schema().resolve().as_uri()


def _comment(name: str, doc: str) -> list[str]:
    return textwrap.wrap(f"{name}: {doc}", width=98, initial_indent="# ", subsequent_indent="#   ",
                         break_on_hyphens=False)


def _examples(examples: list[dict[str, Any]]) -> list[str]:
    lines = ["examples:"]
    for example in examples:
        lines += [f"  - text: {flow(example['text'])}", f"    expect: {flow(example['expect'])}"]
    return lines


def rule_template(rule_id: str, rule_type: str, schema_ref: str | None = None) -> str:
    """A rule file for `rule_id` of `rule_type` that validates and passes its examples as written."""
    model = RULE_TYPES[rule_type]
    docs = field_docs(model)
    values = {"id": rule_id, "type": rule_type, **COMMON, **model.sample}
    lines = [f"# yaml-language-server: $schema={schema_ref}"] if schema_ref else []
    lines += [f"# A {rule_type} rule; see docs/rules.md. Replace the sample claim with yours, then run",
              "# `checker rules validate` and `checker rules test`.", ""]
    for name in field_order(model):
        lines += _comment(name, docs[name])
        if name in model.unused:
            lines.append(f"#   (a {rule_type} rule does not use {name}.)")
        elif name == "examples":
            lines += _examples(values[name])
        else:
            lines.append(f"{name}: {flow(values[name])}")
    return "\n".join(lines) + "\n"
