"""`checker check` through typer's runner: formats, levels, exit codes, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from checker.cli import app
from tests.conftest import PILOT_RULE, RULES, SEEDS

runner = CliRunner()


@pytest.fixture(autouse=True)
def _own_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run where no `.checker/reviews.json` adds `review` to the JSON these tests hold to the contract."""
    monkeypatch.chdir(tmp_path)


SCHEMA_FILE = Path(__file__).parent.parent / "checker" / "schema" / "findings.schema.json"
FINDINGS_SCHEMA = json.loads(SCHEMA_FILE.read_text("utf-8"))


def cited(data: dict) -> list[dict]:
    """Every mention a findings JSON cites."""
    return [m for finding in data["findings"] for side in finding["sides"] for m in side["mentions"]]


def run(*args: str):
    return runner.invoke(app, list(args))


def test_json_matches_the_contract():
    result = run("check", str(SEEDS), "--rules", str(RULES), "--format", "json", "--statements")
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    jsonschema.validate(data, FINDINGS_SCHEMA)
    assert list(data) == ["version", "summary", "rules", "findings", "problems", "statements", "excluded"]
    assert data["version"] == 2
    assert data["summary"]["sources"] == 3 and data["summary"]["versions"] == len(data["statements"])
    titles = {r["id"]: r["title"] for r in data["rules"]}
    assert titles["parents-not-located"] == "Separated parents who could not be located"
    for finding in data["findings"]:
        assert len(finding["sides"]) == 2
    axios = next(m for m in cited(data) if m["source"] == (SEEDS / "001_8c36c7995ecb0c4b.txt").as_posix())
    assert (axios["outlet"], axios["published"]) == ("Axios", "2021-01-14")


def test_json_problems_are_the_ones_printed(tmp_path):
    (tmp_path / "bad.yaml").write_text("id: bad\ntitle: Bad\ntype: nope\n", encoding="utf-8")
    result = run("check", str(SEEDS), "--rules", str(RULES), "--rules", str(tmp_path / "bad.yaml"), "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    jsonschema.validate(data, FINDINGS_SCHEMA)
    [problem] = data["problems"]
    assert problem["file"].endswith("bad.yaml") and problem["line"] == 3
    assert "unknown rule type" in problem["message"] and "unknown rule type" in result.stderr


def test_json_offsets_index_the_source_text():
    data = json.loads(run("check", str(SEEDS), "--rules", str(RULES), "--format", "json").stdout)
    for mention in cited(data):
        text = (SEEDS / mention["source"]).read_text(encoding="utf-8")
        assert text[mention["start"]:mention["end"]] == mention["sentence"]
        assert mention["start"] <= mention["span_start"] < mention["span_end"] <= mention["end"]
        assert text.count("\n", 0, mention["start"]) + 1 == mention["line"]


def test_output_is_deterministic():
    first = run("check", str(SEEDS), "--rules", str(RULES), "--format", "json", "--statements").stdout
    second = run("check", str(SEEDS), "--rules", str(RULES), "--format", "json", "--statements").stdout
    assert first == second and "seconds" not in first


def test_text_report_shows_both_sides():
    result = run("check", str(SEEDS), "--rules", str(RULES), "--no-color")
    assert "CONTRADICTION" in result.stdout and "APPARENT" in result.stdout
    assert "000_c809df64c129ba37.txt:16" in result.stdout
    assert "Sarah Isgur Flores" in result.stdout
    assert "at least 545 parents" in result.stdout
    assert "they count different things" in result.stdout


def test_min_level_hides_apparent_and_fail_on_sets_exit(tmp_path):
    shown = run("check", str(SEEDS), "--rules", str(RULES), "--format", "json", "--min-level", "contradiction")
    assert {f["verdict"] for f in json.loads(shown.stdout)["findings"]} == {"contradiction"}
    assert run("check", str(SEEDS), "--rules", str(RULES), "--fail-on", "never").exit_code == 0
    apparent_only = run("check", str(SEEDS / "001_8c36c7995ecb0c4b.txt"), str(SEEDS / "002_a7613cb33c941bf4.txt"),
                        "--rules", str(RULES), "--format", "json")
    assert apparent_only.exit_code == 0
    assert run("check", str(SEEDS / "001_8c36c7995ecb0c4b.txt"), str(SEEDS / "002_a7613cb33c941bf4.txt"),
               "--rules", str(RULES), "--fail-on", "apparent").exit_code == 1


def test_output_file(tmp_path):
    out = tmp_path / "report" / "findings.json"
    result = run("check", str(SEEDS), "--rules", str(RULES), "--format", "json", "--output", str(out))
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == 2


def test_new_rule_needs_only_a_yaml_file(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "pilot-families.yaml").write_text(PILOT_RULE, encoding="utf-8")
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.md").write_text("# outlet: Daily\n# published: 2020-05-01\n\n"
                                  "The pilot separated 280 families, officials said.\n", encoding="utf-8")
    (sources / "b.txt").write_text("---\noutlet: Weekly\npublished: 2020-05-02\n---\n"
                                   "The pilot separated 300 families.\n", encoding="utf-8")
    result = run("check", str(sources), "--rules", str(rules), "--format", "json")
    assert result.exit_code == 1, result.output
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["rule"] == "pilot-families" and finding["verdict"] == "contradiction"
    assert [(m["source"], m["value"], m["speaker"], m["speaker_kind"]) for side in finding["sides"]
            for m in side["mentions"]] == [("sources/a.md", 280, "officials", "named"),
                                           ("sources/b.txt", 300, "Weekly", "outlet")]


def test_bad_rule_and_bad_source_exit_2_and_the_rest_is_checked(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "pilot-families.yaml").write_text(PILOT_RULE, encoding="utf-8")
    (rules / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text("The pilot separated 280 families.\n", encoding="utf-8")
    (sources / "b.txt").write_text("The pilot separated 300 families.\n", encoding="utf-8")
    (sources / "c.txt").write_bytes(b"\x00\x01binary\x00")
    result = run("check", str(sources), "--rules", str(rules), "--format", "json")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    errors = result.stderr.splitlines()
    assert any(line.startswith(f"{rules / 'broken.yaml'}:3:") for line in errors), errors
    assert any(line.startswith(f"{sources / 'c.txt'}:") and "binary" in line for line in errors), errors
    assert len(json.loads(result.stdout)["findings"]) == 1


def test_empty_folder_and_missing_path(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("check", str(tmp_path / "empty"), str(tmp_path / "missing"), "--rules", str(RULES))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert any("empty" in line and "no sources in this folder" in line for line in lines)
    assert any("missing" in line and "no such file" in line for line in lines)


def test_bad_option_is_exit_2():
    assert run("check", "--format", "yaml").exit_code == 2


def test_python_dash_m_entry_point():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "checker", "--version"], capture_output=True, text=True,
                          cwd=Path(__file__).parent.parent, check=False)
    assert done.returncode == 0 and done.stdout.startswith("checker ")


def test_statements_lists_every_version_agreeing_or_not():
    result = run("check", str(SEEDS), "--rules", str(RULES), "--statements")
    head = result.stdout.split("CONTRADICTION")[0]
    assert head.startswith("Statements\n")
    assert "el-paso-pilot-size" in head and "about 280 families  as of 2021-01  (1 source)" in head
    assert "2021-01-14  (2 sources)" in head  # the release day both articles give: one version
    assert "Statements" not in run("check", str(SEEDS), "--rules", str(RULES)).stdout


def test_statements_name_the_sentences_an_exclude_phrase_removed(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "pilot-families.yaml").write_text(PILOT_RULE + "exclude: [field office]\n", encoding="utf-8")
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "a.txt").write_text("The pilot separated 280 families.\n\n"
                                   "The pilot separated 90 families at the field office.\n", encoding="utf-8")
    text = run("check", str(sources), "--rules", str(rules), "--statements").stdout
    assert "pilot-families  excluded  " in text and "by 'field office': The pilot separated 90 families" in text
    data = json.loads(run("check", str(sources), "--rules", str(rules), "--statements", "--format", "json").stdout)
    jsonschema.validate(data, FINDINGS_SCHEMA)
    [excluded] = data["excluded"]
    assert (excluded["rule"], excluded["line"], excluded["phrase"]) == ("pilot-families", 3, "field office")


def test_version_answers_without_importing_the_command_tree():
    import subprocess
    import sys

    from checker import __version__

    code = ("import sys; sys.argv = ['checker', '--version']; from checker.cli import main; main(); "
            "assert 'typer' not in sys.modules and 'pydantic' not in sys.modules, 'imported'")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == run("--version").stdout == f"checker {__version__}\n"
