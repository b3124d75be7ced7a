"""The JSON Schema of rule files, from the pydantic models, so that editors check and complete them.

Shipped rules start with `# yaml-language-server: $schema=../schema/rule.schema.json`; that file
is `schema_text()` written out (tests/test_rules_schema.py keeps it in step with the models).
Descriptions come from the models' docstrings, the same text as docs/rules.md and the hints.
"""

from __future__ import annotations

import inspect
import json
from typing import Any

from pydantic import BaseModel

from checker.rules import RULE_ADAPTER, RULE_TYPES
from checker.rules.base import Example, Expected, field_docs

SCHEMA_FILE = "schema/rule.schema.json"
"""Where the schema is kept in the repository, relative to its root."""
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _summary(model: type) -> str:
    return inspect.cleandoc(model.__doc__ or "").split("\n\n")[0].replace("\n", " ")


def rule_schema() -> dict[str, Any]:
    """The JSON Schema of one rule file."""
    schema = RULE_ADAPTER.json_schema()
    kinds: list[type[BaseModel]] = [*RULE_TYPES.values(), Example, Expected]
    models = {model.__name__: model for model in kinds}
    for name, definition in schema.get("$defs", {}).items():
        model = models.get(name)
        if model is None:
            continue
        definition["description"] = _summary(model)
        docs = field_docs(model)
        for field, prop in definition.get("properties", {}).items():
            if field in docs:
                prop["description"] = docs[field]
    return {"$schema": DIALECT, "title": "checker rule",
            "description": "One claim that sources may disagree about; see docs/rules.md.", **schema}


def schema_text() -> str:
    """The schema as written to `SCHEMA_FILE` and printed by `checker rules schema`."""
    return json.dumps(rule_schema(), indent=2, ensure_ascii=False) + "\n"
