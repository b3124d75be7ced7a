"""The JSON Schema kept in schema/rule.schema.json: in step with the models, and agreeing with them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from checker.rules import RULE_TYPES
from checker.guarded_yaml import parse_document
from checker.rules.schema import SCHEMA_FILE, rule_schema, schema_text
from checker.rules.template import packaged_schema, rule_template
from tests.conftest import RULES

ROOT = RULES.parent
SHIPPED = sorted(RULES.glob("*.yaml"))
VALIDATOR = Draft202012Validator(rule_schema())


def _as_editor_sees(value: Any) -> Any:
    """YAML 1.2 (what editors speak) reads 2021-01-14 as text, not as a date."""
    if isinstance(value, dict):
        return {k: _as_editor_sees(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editor_sees(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


def _data(text: str) -> Any:
    return _as_editor_sees(parse_document(text.encode(), "x.yaml").data)


def test_the_schema_file_is_in_step_with_the_models():
    """If this fails, run `checker rules schema -o schema/rule.schema.json`."""
    assert (ROOT / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text()


def test_the_schema_shipped_in_the_package_is_in_step_with_the_models():
    """If this fails, run `checker rules schema -o checker/schema/rule.schema.json`."""
    assert packaged_schema().read_text(encoding="utf-8") == schema_text()


def test_the_schema_is_valid_json_schema():
    Draft202012Validator.check_schema(rule_schema())


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_rules_point_at_the_schema_and_satisfy_it(path: Path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/rule.schema.json"
    assert (path.parent / "../schema/rule.schema.json").resolve() == (ROOT / SCHEMA_FILE).resolve()
    errors = list(VALIDATOR.iter_errors(_data(path.read_text(encoding="utf-8"))))
    assert errors == []


@pytest.mark.parametrize("rule_type", list(RULE_TYPES))
def test_new_rules_satisfy_the_schema(rule_type: str):
    assert list(VALIDATOR.iter_errors(_data(rule_template("x", rule_type)))) == []


@pytest.mark.parametrize("text", [
    "id: x\ntitle: t\ntype: date\ntitel: u\n",
    "id: x\ntitle: t\ntype: number\n",
    "id: x\ntitle: t\ntype: quantity\n",
    "id: x\ntitle: t\ntype: date\nthreshold: 101\n",
    "id: X\ntitle: t\ntype: date\n",
    "id: x\ntitle: t\ntype: date\nexamples: [{text: a, expect: {valu: 1}}]\n",
])
def test_the_schema_rejects_what_the_models_reject(text: str):
    assert not VALIDATOR.is_valid(_data(text))


def test_every_field_has_a_description_for_editors():
    schema = rule_schema()
    for name, definition in schema["$defs"].items():
        for field, prop in definition["properties"].items():
            assert prop.get("description"), f"{name}.{field}"
    assert json.loads(schema_text()) == schema
