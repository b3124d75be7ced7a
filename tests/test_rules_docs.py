"""docs/rules.md, the models' docstrings and the models themselves say the same thing.

Every model field is documented in its docstring (which feeds the schema, the template and the
hints) and in the guide, under its type's section; every rule and case shown in the guide loads
and passes, so that what the guide teaches works.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from checker.cli import app
from checker.rules import RULE_TYPES, RuleBase, field_docs
from checker.rules.base import Example, Expected
from checker.rules.cases import Case, CaseSource, ExpectedFinding, ExpectedStatement
from tests.conftest import RULES

GUIDE_PATH = RULES.parent / "docs" / "rules.md"
GUIDE = GUIDE_PATH.read_text(encoding="utf-8")
MODELS = [*RULE_TYPES.values(), Example, Expected, Case, CaseSource, ExpectedStatement, ExpectedFinding]


def _section(title: str) -> str:
    """The guide's text from the `## title` heading to the next `## ` heading."""
    found = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", GUIDE, re.M | re.S)
    assert found, f"docs/rules.md has no section '## {title}'"
    return found.group(1)


def _table_fields(text: str) -> dict[str, str]:
    """`| `field` | description | example |` rows: field -> description."""
    return {m.group(1): m.group(2) for m in re.finditer(r"^\| `(\w+)` \| (.*?) \|", text, re.M)}


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_field_is_documented_in_the_docstring_and_nothing_else(model):
    docs = field_docs(model)
    assert set(docs) == set(model.model_fields), model.__name__
    assert all(text.strip() for text in docs.values())


def test_shared_fields_are_in_the_guide_as_in_the_docstring():
    table = _table_fields(_section("Fields every rule has"))
    assert set(table) == set(RuleBase.model_fields) | {"type"}
    for name, doc in field_docs(RuleBase).items():
        assert table[name].startswith(doc), name


@pytest.mark.parametrize("rule_type", list(RULE_TYPES))
def test_each_type_has_a_section_with_its_own_fields(rule_type: str):
    model = RULE_TYPES[rule_type]
    section = _section(f"`type: {rule_type}`")
    own = set(model.model_fields) - set(RuleBase.model_fields) - {"type"}
    table = _table_fields(section)
    assert set(table) == own
    docs = field_docs(model)
    for name in own:
        assert table[name].startswith(docs[name]), name
    assert re.search(rf"^type: {rule_type}$", section, re.M), "the section shows a rule of its type"


@pytest.mark.parametrize("model", [Example, Expected], ids=lambda m: m.__name__)
def test_example_fields_are_in_the_testing_section(model):
    table = _table_fields(_section("Testing a rule"))
    for name, doc in field_docs(model).items():
        assert table[name].startswith(doc), name


def test_case_fields_are_in_the_testing_section():
    section = _section("Testing a rule")
    for model in (Case, CaseSource, ExpectedStatement, ExpectedFinding):
        for name in model.model_fields:
            assert f"`{name}`" in section, f"{model.__name__}.{name}"


def _yaml_blocks() -> list[dict]:
    blocks = re.findall(r"```yaml\n(.*?)```", GUIDE, re.S)
    return [data for data in map(yaml.safe_load, blocks) if isinstance(data, dict)]


def test_every_rule_in_the_guide_validates_and_passes(tmp_path: Path):
    rules = [block for block in _yaml_blocks() if "type" in block]
    assert len(rules) >= len(RULE_TYPES)
    for block in rules:
        (tmp_path / f"{block['id']}.yaml").write_text(yaml.safe_dump(block, sort_keys=False))
    result = CliRunner().invoke(app, ["rules", "test", str(tmp_path)])
    assert result.exit_code == 0, result.output


def test_every_case_file_in_the_guide_passes_with_the_shipped_rules(tmp_path: Path):
    cases = [block for block in _yaml_blocks() if "rule" in block]
    assert cases
    for i, block in enumerate(cases):
        (tmp_path / f"cases-{i}.yaml").write_text(yaml.safe_dump(block, sort_keys=False))
    result = CliRunner().invoke(app, ["rules", "test", str(RULES), str(tmp_path)])
    assert result.exit_code == 0, result.output
