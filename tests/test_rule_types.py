"""Rule types: each registered once, with everything the engine asks of it; older rule files still load."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker import check
from checker.cli import app
from checker.rules import RULE_TYPES, RuleBase, load_rules
from tests.conftest import RULES

OLD_RULES = Path(__file__).parent / "old_rules"
ASKED = ("read", "canonical", "compare")
"""What every type must answer itself: the engine never branches on the type."""


@pytest.mark.parametrize("name", sorted(RULE_TYPES))
def test_every_type_answers_what_the_engine_asks(name: str) -> None:
    model = RULE_TYPES[name]
    for method in ASKED:
        assert getattr(model, method) is not getattr(RuleBase, method), f"{name} does not implement {method}"
    assert model.reports, f"{name} says nothing about what its statements report"
    assert model.sample.get("examples"), f"{name} has no sample for `checker rules new`"
    assert model.__module__ == f"checker.rules.{name}", "a type's model, reading and comparing live in one module"


def test_engine_modules_never_name_a_rule_type() -> None:
    package = Path(__file__).parent.parent / "checker"
    engine = [package / "compare.py", package / "match.py", package / "pipeline.py", *package.glob("report/*.py"),
              *package.glob("extract/*.py")]
    for path in engine:
        text = path.read_text(encoding="utf-8")
        for model in RULE_TYPES.values():
            assert model.__name__ not in text, f"{path.name} names {model.__name__}"


@pytest.mark.parametrize("folder", [RULES, OLD_RULES], ids=["shipped", "older"])
def test_rule_files_valid_before_stay_valid_and_pass(folder: Path) -> None:
    loaded = load_rules([folder])
    assert loaded.problems == []
    assert len(loaded.rules) == len(list(folder.glob("*.yaml")))
    result = CliRunner().invoke(app, ["rules", "test", str(folder)])
    assert result.exit_code == 0, result.output


def test_older_rules_read_the_same_statements() -> None:
    source = OLD_RULES.parent / "old_rules_source"
    result = check([source], [OLD_RULES])
    assert result.problems == []
    read = sorted((v.rule, v.statement, len(v.mentions)) for v in result.versions)
    assert read == [
        ("budget-gap", "12,500,000 dollars", 1), ("budget-gap", "13,000,000 dollars", 1),
        ("library-closing", "affirm", 1), ("library-closing", "deny", 1),
        ("library-opened", "2020-03-03", 2),
        ("shelter-beds", "120 beds", 2), ("shelter-beds", "90 beds", 1)]
    assert sorted((f.rule, f.verdict) for f in result.findings) == [
        ("budget-gap", "contradiction"), ("library-closing", "contradiction"), ("shelter-beds", "contradiction")]


def test_a_date_rule_reads_and_compares_periods(tmp_path: Path) -> None:
    rule = tmp_path / "trial-ran.yaml"
    rule.write_text("id: trial-ran\ntitle: When the trial ran\ntype: date\nabout: [trial]\nphrases: [trial ran]\n",
                    encoding="utf-8")
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "a.txt").write_text("# published: 2020-01-10\n\nThe trial ran from February through October 2019.\n")
    (sources / "b.txt").write_text("# published: 2020-03-01\n\nThe trial ran from February 1 to October 31, 2019.\n")
    (sources / "c.txt").write_text("# published: 2021-06-01\n\nThe trial ran from March to October of 2019.\n")
    result = check([sources], [rule])
    assert sorted((v.statement, len(v.sources)) for v in result.versions) == [
        ("from 2019-02 to 2019-10", 1), ("from 2019-02-01 to 2019-10-31", 1), ("from 2019-03 to 2019-10", 1)]
    # the two February–October periods agree at the precision both give; March–October clashes with each
    assert sorted((f.verdict, sorted(s.statement for s in f.sides)) for f in result.findings) == [
        ("contradiction", ["from 2019-02 to 2019-10", "from 2019-03 to 2019-10"]),
        ("contradiction", ["from 2019-02-01 to 2019-10-31", "from 2019-03 to 2019-10"])]


@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("Nearly 15 percent of the patients were readmitted.", 15, "nearly"),
    ("One in four patients were readmitted.", 25, None),
    ("About two-thirds of the patients were readmitted.", 66.67, "about"),
    ("Of the 230 patients, 41 were readmitted.", 17.83, None),
])
def test_a_share_rule_reads_every_way_of_writing_a_share(text: str, value: float, qualifier: str | None) -> None:
    from checker.match import mentions_in_text
    from checker.rules import ShareRule
    rule = ShareRule(id="readmitted", title="Readmitted", type="share", about=["patients", "readmitted"],
                     of=["patients"])
    [mention] = mentions_in_text(rule, text)
    assert (mention.value, mention.qualifier, mention.unit) == (value, qualifier, "percent")


def test_unit_synonyms_are_read_as_their_unit() -> None:
    from checker.match import mentions_in_text
    from checker.rules import QuantityRule
    synonyms = {"children": ["kids", "minors"], "parents": ["adults"]}
    rule = QuantityRule(id="kids", title="Kids", type="quantity", about=["shelter"], unit="children",
                        related_units=["parents"], unit_synonyms=synonyms)
    assert [(m.value, m.unit) for m in mentions_in_text(rule, "The shelter took in 120 kids.")] == [(120, "children")]
    assert [(m.value, m.unit) for m in mentions_in_text(rule, "The shelter housed 14 unaccompanied minors.")] == [
        (14, "children")]
    assert [(m.value, m.unit) for m in mentions_in_text(rule, "The shelter housed 30 adults.")] == [(30, "parents")]
