"""Baselines: adopt checker on a corpus with known conflicts, then see only what is new."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.baseline import new_findings, read_baseline, write_baseline
from checker.cli import app
from checker.review import FileError
from tests.findings import sample_result, write_corpus

runner = CliRunner()


@pytest.fixture(autouse=True)
def _own_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run where no `.checker/reviews.json` can change what is reported."""
    monkeypatch.chdir(tmp_path)


def run(*args: str):
    return runner.invoke(app, list(args))


def test_a_baseline_holds_every_finding_sorted(tmp_path: Path) -> None:
    result = sample_result()
    path = tmp_path / "baseline.json"
    write_baseline(path, result)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert list(data["findings"]) == sorted(f.fingerprint for f in result.findings)
    first = result.findings[0]
    assert data["findings"][first.fingerprint] == {"rule": first.rule, "message": first.message}
    assert read_baseline(path) == {f.fingerprint for f in result.findings}


def test_only_findings_outside_the_baseline_are_kept() -> None:
    result = sample_result()
    kept, left_out = new_findings(result, {result.findings[0].fingerprint, "not-a-finding"})
    assert [f.fingerprint for f in kept.findings] == [f.fingerprint for f in result.findings[1:]]
    assert left_out == 1


@pytest.mark.parametrize(("text", "line"), [("{\n  \"version\": 1,\n  \"findings\": [\n", 4), ("[]", 1)])
def test_a_broken_baseline_names_file_and_line(tmp_path: Path, text: str, line: int) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileError, match=f"^{path}:{line}"):
        read_baseline(path)


def test_adopt_then_see_only_what_is_new(tmp_path: Path) -> None:
    sources, rules = write_corpus(tmp_path)
    baseline = tmp_path / "baseline.json"
    adopted = run("check", str(sources), "--rules", str(rules), "--write-baseline", str(baseline), "--format", "json")
    assert adopted.exit_code == 0, adopted.output
    assert "wrote 2 finding(s) to baseline" in adopted.stderr
    assert json.loads(adopted.stdout)["findings"] == []
    assert len(read_baseline(baseline)) == 2

    quiet = run("check", str(sources), "--rules", str(rules), "--baseline", str(baseline), "--format", "json")
    assert quiet.exit_code == 0
    assert json.loads(quiet.stdout)["findings"] == []
    assert "2 finding(s) in the baseline not shown" in quiet.stderr

    (rules / "pilot-budget.yaml").write_text(
        "id: pilot-budget\ntitle: The pilot's budget\ntype: quantity\nabout: [budget]\nunit: dollars\n",
        encoding="utf-8")
    (sources / "c.txt").write_text("The pilot budget was $2 million.\n", encoding="utf-8")
    (sources / "d.txt").write_text("The pilot budget was $3 million.\n", encoding="utf-8")
    new = run("check", str(sources), "--rules", str(rules), "--baseline", str(baseline), "--format", "json")
    assert new.exit_code == 1
    assert [f["rule"] for f in json.loads(new.stdout)["findings"]] == ["pilot-budget"]


def test_a_missing_or_broken_baseline_is_exit_2(tmp_path: Path) -> None:
    sources, rules = write_corpus(tmp_path)
    missing = run("check", str(sources), "--rules", str(rules), "--baseline", str(tmp_path / "nope.json"))
    assert missing.exit_code == 2
    assert missing.stderr.splitlines() == [f"{tmp_path / 'nope.json'}: error: no such baseline (check the path)"]
    (tmp_path / "bad.json").write_text("{oops", encoding="utf-8")
    broken = run("check", str(sources), "--rules", str(rules), "--baseline", str(tmp_path / "bad.json"))
    assert broken.exit_code == 2 and broken.stderr.startswith(f"{tmp_path / 'bad.json'}:1:2: error:")
    assert "Traceback" not in broken.output
