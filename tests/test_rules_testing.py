"""`checker rules test`: examples and test-case files, pass/fail per test, diffs, exit codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.models import Mention
from checker.rules.expect import field_matches
from tests.conftest import RULES

runner = CliRunner()
CASES = Path(__file__).parent / "rule_cases"

RULE = """\
id: beds
title: Beds the shelter has
type: quantity
about: [shelter]
unit: beds
examples:
  - text: The shelter has 120 beds.
    expect: {value: 120, unit: beds}
  - text: The shelter has 120 beds.
    expect: {value: 999, qualifier: about, unit: beds}
  - text: The shelter has 120 beds.
    expect: none
  - text: The shelter is closed.
    expect: {value: 120}
  - text: The library has 40 beds.
    expect: {value: 40}
"""


def run(*args: str):
    return runner.invoke(app, ["rules", "test", *args])


def test_every_shipped_rule_passes_its_examples():
    result = run(str(RULES))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    passes = [line for line in result.stdout.splitlines() if line.startswith("PASS ")]
    assert len(passes) >= 2 * len(list(RULES.glob("*.yaml")))
    assert "0 failed" in result.stdout


def test_shipped_rules_pass_the_multi_sentence_cases():
    result = run(str(RULES), str(CASES))
    assert result.exit_code == 0, result.output
    assert re.search(r"^PASS .*rule_cases/parents-not-located\.yaml:\d+: parents-not-located "
                     r"parents_and_children_across_two_sources", result.stdout, re.M)


def test_a_wrong_example_fails_with_a_readable_diff(tmp_path: Path):
    (tmp_path / "beds.yaml").write_text(RULE)
    result = run(str(tmp_path))
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert f"PASS {tmp_path / 'beds.yaml'}:7: beds example 1: The shelter has 120 beds." in out
    assert f"FAIL {tmp_path / 'beds.yaml'}:9: beds example 2: The shelter has 120 beds." in out
    assert ("    - value: 999\n    + value: 120\n"
            "    - qualifier: about\n    + qualifier: null\n      unit: beds\n") in out
    assert "    - (no statement)\n    + value: 120, unit: beds" in out
    assert ("    - value: 120\n    + (no statement)\n"
            "      sentence 'The shelter is closed.': matched, but no quantity value for the rule was read in it\n"
            ) in out
    assert ("    - value: 40\n    + (no statement)\n"
            "      sentence 'The library has 40 beds.': lacks the about word(s) 'shelter'\n") in out
    assert "    (read from 'The shelter has 120 beds.')" in out
    assert "1 test passed, 4 failed (1 rule); in each diff, - is what was expected and + what was found" in out


def test_a_failure_names_the_exclude_phrase_that_removed_the_sentence(tmp_path: Path):
    rule = RULE.split("examples:")[0] + (
        "exclude: [field hospital]\nexamples:\n"
        "  - text: The shelter and the field hospital have 120 beds.\n    expect: {value: 120}\n"
        "  - text: The shelter has beds. The shelter opened.\n    expect: {value: 120}\n")
    (tmp_path / "beds.yaml").write_text(rule)
    out = run(str(tmp_path / "beds.yaml")).stdout
    assert ("sentence 'The shelter and the field hospital have 120 beds.': "
            "removed by exclude phrase 'field hospital'") in out
    assert "sentence 'The shelter has beds.': matched, but no quantity value" in out
    assert "sentence 'The shelter opened.': matched, but no quantity value" in out


def test_quiet_shows_only_failures(tmp_path: Path):
    (tmp_path / "beds.yaml").write_text(RULE)
    result = run("--quiet", str(tmp_path))
    assert "PASS" not in result.stdout and result.stdout.count("FAIL") == 4


def test_a_wrong_case_fails_with_a_diff_per_statement(tmp_path: Path):
    (tmp_path / "cases.yaml").write_text(
        (CASES / "parents-not-located.yaml").read_text()
        .replace("{value: 545, qualifier: at-least, unit: parents, as_of: 2020-10}", "{value: 554, as_of: 2020-10}")
        .replace("finding: {verdict: apparent}", "finding: {verdict: contradiction}"))
    result = run(str(RULES / "parents-not-located.yaml"), str(tmp_path))
    assert result.exit_code == 1, result.output
    assert "      statement 1:\n    - value: 554\n    + value: 545\n      as_of: 2020-10\n" in result.stdout
    assert "    - verdict: contradiction\n    + verdict: apparent\n" in result.stdout


def test_a_case_file_for_an_unknown_rule_exits_2(tmp_path: Path):
    (tmp_path / "cases.yaml").write_text("rule: no-such-rule\na_case:\n  text: Something.\n  expect: none\n")
    result = run(str(RULES), str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path / 'cases.yaml'}:1:1: error: no rule 'no-such-rule' among the rules given" in result.stderr


def test_a_broken_case_file_names_its_lines(tmp_path: Path):
    (tmp_path / "cases.yaml").write_text("rule: parents-not-located\na_case:\n  txt: Something.\n  expect:\n"
                                         "    - {valu: 3}\n")
    result = run(str(RULES), str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path / 'cases.yaml'}:3:3: error: unknown key 'txt' (did you mean 'text'?)" in result.stderr
    assert f"{tmp_path / 'cases.yaml'}:5:8: error: unknown key 'valu' (did you mean 'value'?)" in result.stderr


def test_a_rule_without_examples_is_a_warning(tmp_path: Path):
    (tmp_path / "x.yaml").write_text("id: x\ntitle: t\ntype: date\nabout: [report]\n")
    result = run(str(tmp_path))
    assert result.exit_code == 0
    assert f"{tmp_path / 'x.yaml'}:1:5: warning: rule has no examples" in result.stderr


def test_the_checker_failing_on_an_example_fails_it_without_a_traceback(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr("checker.rule_tests.mentions_in_text", broken)
    (tmp_path / "beds.yaml").write_text(RULE)
    result = run(str(tmp_path))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "! the checker failed on this text: ZeroDivisionError: boom" in result.stdout


def test_a_stance_rule_needs_no_about_words(tmp_path: Path):
    (tmp_path / "x.yaml").write_text("id: x\ntitle: t\ntype: stance\naffirm: [the library will close]\nexamples:\n"
                                     "  - text: The mayor said the library will close.\n"
                                     "    expect: {stance: affirm, speaker: mayor}\n")
    result = run(str(tmp_path))
    assert result.exit_code == 0, result.output


def _mention(**fields) -> Mention:
    return Mention(rule="r", source="s", line=1, start=0, end=1, sentence="s", span_start=0, span_end=1, **fields)


@pytest.mark.parametrize(("name", "expected", "got", "ok"), [
    ("value", 3000, 3000.0, True),
    ("value", "3,000", 3000, True),
    ("value", 3000, 3001, False),
    ("value", "2021-01-14", "2021-01-14", True),
    ("value", "2021-01", "2021-01-14", False),
    ("speaker", "official", "an unnamed Border Patrol Official", True),
    ("speaker", "official", None, False),
    ("speaker", "spokesperson", "Sarah Isgur Flores", False),
    ("qualifier", "about", "about", True),
    ("qualifier", None, "about", False),
    ("as_of", "2020-10", "2020-10", True),
])
def test_fields_compare_loosely_where_sensible(name, expected, got, ok):
    assert field_matches(name, expected, _mention(**{name: got}).__getattribute__(name)) is ok


def test_a_failure_says_which_side_won_when_both_match(tmp_path: Path):
    (tmp_path / "library.yaml").write_text(
        "id: library\ntitle: The library will close\ntype: stance\nabout: [library]\n"
        "affirm: [the library will close]\ndeny: [the library will stay open]\nexamples:\n"
        "  - text: The mayor said the library will close, but the council said the library will stay open.\n"
        "    expect: {stance: affirm}\n", encoding="utf-8")
    out = run(str(tmp_path / "library.yaml")).stdout
    assert ("deny phrase 'the library will stay open' (100) won over affirm phrase 'the library will close' (100): "
            "the longer phrase, on a tie") in out
