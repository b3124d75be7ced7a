"""`checker rules validate | list | show | new | schema` through typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.rules import RULE_TYPES, load_rules
from tests.conftest import RULES

runner = CliRunner()
ROOT = RULES.parent


def run(*args: str):
    return runner.invoke(app, list(args))


def test_validate_passes_the_shipped_rules():
    result = run("rules", "validate", str(RULES))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "8 rules and 0 case files valid; 0 errors, 0 warnings" in result.stdout


def test_validate_reports_every_problem_not_only_the_first(tmp_path: Path):
    (tmp_path / "a.yaml").write_text("id: a\ntitle: t\ntype: quantity\nunit: u\nthreshold: 200\nsevrity: high\n"
                                     "examples:\n  - text: x\n    expect: {valeu: 3}\n")
    (tmp_path / "b.yaml").write_text("id: b\ntitle: t\ntype: stence\n")
    result = run("rules", "validate", str(tmp_path))
    assert result.exit_code == 2
    heads = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert [h.split(": error: ")[0] for h in heads] == [
        f"{tmp_path / 'a.yaml'}:5:12", f"{tmp_path / 'a.yaml'}:6:1", f"{tmp_path / 'a.yaml'}:9:14",
        f"{tmp_path / 'b.yaml'}:3:7"]
    assert "did you mean 'severity'?" in heads[1]
    assert "did you mean 'value'?" in heads[2]
    assert ("unknown rule type 'stence' (did you mean 'stance'? "
            "type must be one of: quantity, stance, date, share, quote)") in heads[3]


def test_validate_warns_about_examples_that_cannot_pass(tmp_path: Path):
    (tmp_path / "a.yaml").write_text("id: a\ntitle: t\ntype: quantity\nunit: beds\nabout: [beds]\nexamples:\n"
                                     "  - text: x\n    expect: {value: 3, stance: affirm, unit: cots, scope: total}\n")
    result = run("rules", "validate", str(tmp_path))
    assert result.exit_code == 0
    assert "warning: a quantity rule reports no stance" in result.stderr
    assert "warning: unit 'cots' is neither the rule's unit nor a related unit" in result.stderr
    assert "warning: no scope 'total' in this rule's scopes" in result.stderr


def test_validate_refuses_a_rule_that_can_find_nothing(tmp_path: Path):
    (tmp_path / "a.yaml").write_text("id: a\ntitle: t\ntype: date\npatterns: ['released on']\n")
    result = run("rules", "validate", str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path / 'a.yaml'}:1:1: error: the rule has no about words or phrases" in result.stderr


def test_upper_case_patterns_validate_cleanly_and_match(tmp_path: Path):
    (tmp_path / "a.yaml").write_text("id: a\ntitle: t\ntype: quantity\nunit: reports\nabout: [report]\n"
                                     "patterns: ['\\d+ Reports']\n")
    result = run("rules", "validate", str(tmp_path))
    assert result.exit_code == 0
    assert "warning" not in result.stderr
    from checker.match import mentions_in_text
    from checker.rules import parse_rule
    rule, _ = parse_rule(tmp_path / "a.yaml")
    assert [m.value for m in mentions_in_text(rule, "They filed 12 reports in May.")] == [12]


def test_validate_a_missing_path_exits_2(tmp_path: Path):
    result = run("rules", "validate", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'nope'}: error: no such rule file or folder" in result.stderr


def test_list_shows_id_type_title_and_file():
    result = run("rules", "list", str(RULES))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "TYPE", "TITLE", "FILE"]
    row = next(line for line in lines if line.startswith("parents-not-located "))
    assert row.split()[1] == "quantity"
    assert "Separated parents who could not be located" in row
    assert row.endswith(str(RULES / "parents-not-located.yaml"))
    assert len(lines) == 1 + len(load_rules([RULES]).rules)


def test_show_fills_in_defaults_and_says_where_each_came_from():
    result = run("rules", "show", "parents-not-located", "--rules", str(RULES))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "id: parents-not-located  # line 2" in lines
    assert "threshold: 85  # default" in lines
    assert "patterns: []  # default" in lines
    assert "severity: high  # line 13" in lines
    assert "related_units: [children]  # line 12" in lines


def test_show_an_unknown_id_suggests_the_nearest(tmp_path: Path):
    result = run("rules", "show", "parents-not-locatd", "--rules", str(RULES))
    assert result.exit_code == 2
    assert "no rule 'parents-not-locatd' (did you mean 'parents-not-located'?)" in result.stderr


@pytest.mark.parametrize("rule_type", list(RULE_TYPES))
def test_new_writes_a_commented_rule_that_validates_and_passes(tmp_path: Path, rule_type: str):
    folder = tmp_path / "rules"
    result = run("rules", "new", f"my-{rule_type}", "--type", rule_type, "--dir", str(folder))
    assert result.exit_code == 0, result.output
    path = folder / f"my-{rule_type}.yaml"
    text = path.read_text()
    for name in RULE_TYPES[rule_type].model_fields:
        assert f"# {name}: " in text, name
    assert run("rules", "validate", str(folder)).exit_code == 0
    tested = run("rules", "test", str(folder))
    assert tested.exit_code == 0, tested.output
    assert "0 failed" in tested.stdout


def test_new_points_at_the_schema_from_the_rules_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(ROOT)
    folder = tmp_path / "nested"
    assert run("rules", "new", "x", "--type", "date", "--dir", str(folder)).exit_code == 0
    first = (folder / "x.yaml").read_text().splitlines()[0]
    schema = first.removeprefix("# yaml-language-server: $schema=")
    assert (folder / schema).resolve() == (ROOT / "schema" / "rule.schema.json").resolve()


def test_new_outside_this_repository_points_at_the_schema_shipped_in_the_package(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    assert run("rules", "new", "x", "--type", "date").exit_code == 0
    first = (tmp_path / "rules" / "x.yaml").read_text().splitlines()[0]
    uri = first.removeprefix("# yaml-language-server: $schema=")
    assert uri.startswith("file:///") or uri.startswith("file:/")
    from urllib.parse import unquote, urlparse
    shipped = Path(unquote(urlparse(uri).path))
    assert shipped.is_file()
    assert shipped.read_text(encoding="utf-8") == (ROOT / "schema" / "rule.schema.json").read_text(encoding="utf-8")


def test_new_refuses_bad_ids_existing_files_and_taken_ids(tmp_path: Path):
    bad = run("rules", "new", "Not Kebab", "--type", "date", "--dir", str(tmp_path))
    assert bad.exit_code == 2 and "is not a valid rule id" in bad.stderr
    assert run("rules", "new", "one", "--type", "date", "--dir", str(tmp_path)).exit_code == 0
    again = run("rules", "new", "one", "--type", "stance", "--dir", str(tmp_path))
    assert again.exit_code == 2 and "file already exists" in again.stderr
    (tmp_path / "one.yaml").rename(tmp_path / "renamed.yaml")
    taken = run("rules", "new", "one", "--type", "date", "--dir", str(tmp_path))
    assert taken.exit_code == 2 and f"rule id 'one' is taken by {tmp_path / 'renamed.yaml'}" in taken.stderr
    assert not (tmp_path / "one.yaml").exists()


def test_new_needs_a_known_type(tmp_path: Path):
    result = run("rules", "new", "x", "--type", "number", "--dir", str(tmp_path))
    assert result.exit_code == 2
    assert not (tmp_path / "x.yaml").exists()


def test_schema_prints_the_schema_kept_in_the_repo(tmp_path: Path):
    result = run("rules", "schema")
    assert result.exit_code == 0
    assert result.stdout == (ROOT / "schema" / "rule.schema.json").read_text(encoding="utf-8")
    assert json.loads(result.stdout)["title"] == "checker rule"
    out = tmp_path / "rule.schema.json"
    assert run("rules", "schema", "--output", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8") == result.stdout


@pytest.mark.parametrize(("text", "hint"), [
    ("id: a\ntitle: He said: no\ntype: date\n", "a value holding ': ' needs quotes"),
    ("id: a\n\ttitle: t\ntype: date\n", "YAML indents with spaces only"),
    ("id: a\ntitle: t\n  type: date\n", "bad indentation"),
    ("id: a\nabout:\n  - x\n - y\n", "bad indentation"),
], ids=["colon-in-value", "tab", "key-indented-under-a-value", "items-out-of-line"])
def test_yaml_syntax_errors_get_the_hints_the_guide_promises(tmp_path: Path, text: str, hint: str):
    (tmp_path / "a.yaml").write_text(text)
    result = run("rules", "validate", str(tmp_path))
    assert result.exit_code == 2
    assert f"({hint}" in result.stderr


def test_an_id_that_is_not_the_file_name_is_reported(tmp_path: Path):
    (tmp_path / "a.yaml").write_text("id: b\ntitle: t\ntype: date\nabout: [report]\n")
    result = run("rules", "validate", str(tmp_path))
    assert result.exit_code == 0
    assert f"{tmp_path / 'a.yaml'}:1:5: warning: id 'b' does not match the file name 'a.yaml'" in result.stderr
