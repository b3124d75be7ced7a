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
