"""Fingerprints, which verdicts are kept by, on real sources and a real rule in a tmp folder.

Stable when unrelated text moves, when other sources are added and when the rule is retitled;
changed when a conflicting statement changes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import check
from tests.conftest import PILOT_RULE

A = "# outlet: Daily\n# published: 2020-05-01\n\nThe pilot separated 280 families, officials said.\n"
B = "# outlet: Weekly\n# published: 2020-05-02\n\nThe pilot separated 300 families.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "pilot-families.yaml").write_text(PILOT_RULE, encoding="utf-8")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "src" / "b.txt").write_text(B, encoding="utf-8")
    return tmp_path


def _fingerprint(root: Path) -> str:
    result = check([root / "src"], [root / "rules"])
    assert result.problems == []
    [finding] = result.findings
    assert finding.verdict == "contradiction"
    return finding.fingerprint


def test_unrelated_text_moving_keeps_it(corpus: Path) -> None:
    before = _fingerprint(corpus)
    moved = A.replace("\n\nThe pilot", "\n\nA new opening paragraph about the weather.\n\nAnother one.\n\nThe pilot")
    (corpus / "src" / "a.txt").write_text(moved + "\nA closing paragraph.\n", encoding="utf-8")
    (corpus / "src" / "b.txt").write_text(B.replace("The pilot separated", "\n\n\nThe pilot separated"),
                                          encoding="utf-8")
    after = check([corpus / "src"], [corpus / "rules"]).findings[0]
    assert after.mentions[0].line != 4  # the statement did move
    assert after.fingerprint == before


def test_adding_other_sources_keeps_it(corpus: Path) -> None:
    before = _fingerprint(corpus)
    (corpus / "src" / "c.txt").write_text("The weather was fine in El Paso all week.\n", encoding="utf-8")
    (corpus / "src" / "d.md").write_text("# outlet: Monthly\n\nOfficials met families in May.\n", encoding="utf-8")
    result = check([corpus / "src"], [corpus / "rules"])
    assert result.stats.sources == 4
    assert _fingerprint(corpus) == before


def test_retitling_the_rule_keeps_it(corpus: Path) -> None:
    before = _fingerprint(corpus)
    retitled = PILOT_RULE.replace("title: Families in the pilot", "title: How many families the 2017 pilot separated")
    (corpus / "rules" / "pilot-families.yaml").write_text(retitled.replace("severity: high", "severity: low"),
                                                           encoding="utf-8")
    finding = check([corpus / "src"], [corpus / "rules"]).findings[0]
    assert finding.title.startswith("How many") and finding.severity == "low"
    assert finding.fingerprint == before


def test_changing_a_conflicting_statement_changes_it(corpus: Path) -> None:
    before = _fingerprint(corpus)
    (corpus / "src" / "b.txt").write_text(B.replace("300", "310"), encoding="utf-8")
    assert _fingerprint(corpus) != before


# A story that grows: a monthly count reported by more and more outlets.
COUNT_RULE = """\
id: homes-flooded
title: Homes flooded
type: quantity
about: [homes, flooded]
unit: homes
"""


def _article(outlet: str, published: str, sentence: str) -> str:
    return f"# outlet: {outlet}\n# published: {published}\n\n{sentence}\n"


STORY = {
    "a.txt": _article("Daily", "2021-03-02", "Officials said 1,200 homes flooded as of March 1."),
    "b.txt": _article("Weekly", "2021-03-05", "The agency said 1,500 homes flooded as of March 3."),
    "c.txt": _article("Gazette", "2021-05-02", "By May 1, 2,100 homes flooded, the agency said."),
}


def _story(root: Path, files: dict[str, str]) -> dict[str, tuple[str, list[str]]]:
    (root / "rules").mkdir(exist_ok=True)
    (root / "rules" / "homes-flooded.yaml").write_text(COUNT_RULE, encoding="utf-8")
    (root / "src").mkdir(exist_ok=True)
    for name, text in files.items():
        (root / "src" / name).write_text(text, encoding="utf-8")
    result = check([root / "src"], [root / "rules"])
    assert result.problems == []
    return {f.fingerprint: (f.verdict, [side.statement for side in f.sides]) for f in result.findings}


def test_a_new_article_repeating_a_known_figure_changes_no_fingerprint(tmp_path: Path) -> None:
    before = _story(tmp_path, STORY)
    assert sorted(before.values()) == [
        ("apparent", ["1,500 homes", "2,100 homes"]), ("contradiction", ["1,200 homes", "1,500 homes"])]
    repeat = _article("Tribune", "2021-03-04", "About 1,500 homes flooded as of March 3, the Tribune found.")
    exact = _article("Herald", "2021-03-06", "As of March 3, 1,500 homes flooded.")
    after = _story(tmp_path, {"d.txt": exact, "e.txt": repeat.replace("About ", "")})
    assert after == before


def test_a_version_between_two_neighbours_replaces_only_the_finding_that_joined_them(tmp_path: Path) -> None:
    before = _story(tmp_path, STORY)
    april = _article("Courier", "2021-04-02", "Some 1,800 homes flooded as of April 1, officials said.")
    after = _story(tmp_path, {"f.txt": april.replace("Some ", "")})
    gone = set(before) - set(after)
    assert [before[fp] for fp in gone] == [("apparent", ["1,500 homes", "2,100 homes"])]
    assert sorted(after[fp] for fp in set(after) - set(before)) == [
        ("apparent", ["1,500 homes", "1,800 homes"]), ("apparent", ["1,800 homes", "2,100 homes"])]


def test_changing_what_a_statement_says_changes_the_fingerprints_it_takes_part_in(tmp_path: Path) -> None:
    before = _story(tmp_path, STORY)
    after = _story(tmp_path, {"c.txt": STORY["c.txt"].replace("2,100", "2,300")})
    assert len(set(before) & set(after)) == 1  # the March contradiction does not involve c.txt
    assert sorted(after.values())[0] == ("apparent", ["1,500 homes", "2,300 homes"])
