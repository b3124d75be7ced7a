"""`--format sarif`: SARIF 2.1.0, validated against the official schema shipped in tests/."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.report.sarif import render_sarif
from tests.findings import sample_result, write_corpus

SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def valid(text: str) -> dict:
    log = json.loads(text)
    errors = sorted(VALIDATOR.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    return log


def test_the_schema_is_the_official_one() -> None:
    assert SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate({"version": "2.1.0", "runs": [{"results": []}]})  # a run needs its tool


def test_one_result_per_finding_first_statement_as_location() -> None:
    result = sample_result(reviews=True)
    log = valid(render_sarif(result))
    [run] = log["runs"]
    assert [r["ruleId"] for r in run["results"]] == [f.rule for f in result.findings]
    for sarif, finding in zip(run["results"], result.findings, strict=True):
        first, *others = finding.mentions
        [location] = sarif["locations"]
        region = location["physicalLocation"]["region"]
        assert (region["startLine"], region["charOffset"], region["snippet"]["text"]) == (
            first.line, first.start, first.sentence)
        related = [r["physicalLocation"]["region"]["startLine"] for r in sarif["relatedLocations"]]
        assert related == [m.line for m in others]
        assert sarif["partialFingerprints"]["checkerFingerprint/v1"] == finding.fingerprint
        assert sarif["level"] == {"contradiction": "error", "apparent": "warning"}[finding.verdict]
        assert run["tool"]["driver"]["rules"][sarif["ruleIndex"]]["id"] == finding.rule
    assert "suppressions" not in run["results"][1]
    assert run["results"][2]["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "<b>rounding</b> | ok"}]


def test_rule_metadata_comes_from_the_rule_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources, rules = write_corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "checker.sarif"
    done = CliRunner().invoke(app, ["check", str(sources), "--rules", str(rules), "--format", "sarif",
                                    "--output", str(out)])
    assert done.exit_code == 1, done.output
    log = valid(out.read_text(encoding="utf-8"))
    driver = log["runs"][0]["tool"]["driver"]
    by_id = {r["id"]: r for r in driver["rules"]}
    assert by_id["pilot-families"]["shortDescription"]["text"] == "Families in the pilot"
    assert by_id["pilot-families"]["properties"]["file"] == str(rules / "pilot-families.yaml")
    assert by_id["pilot-ended"]["properties"]["type"] == "stance"
    assert driver["name"] == "checker"


def test_smoke_on_the_seeds(seeds_result) -> None:
    log = valid(render_sarif(seeds_result))
    assert len(log["runs"][0]["results"]) == len(seeds_result.findings)
    assert len(log["runs"][0]["tool"]["driver"]["rules"]) == seeds_result.stats.rules
