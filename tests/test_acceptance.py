"""The seeds acceptance file, asserted in full: every finding, and no false alarm."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.models import Finding, Mention

ACCEPTANCE = yaml.safe_load((Path(__file__).parent / "acceptance_seeds.yaml").read_text(encoding="utf-8"))


def _cited(finding: Finding, source: str, contains: str) -> Mention | None:
    return next((m for m in finding.mentions if Path(m.source).name == source and contains in m.sentence), None)


def _findings_citing(findings: list[Finding], sentences: list[dict]) -> list[Finding]:
    return [f for f in findings
            if all(_cited(f, s["source"], s["sentence_contains"]) for s in sentences)]


@pytest.mark.parametrize("expected", ACCEPTANCE["findings"], ids=lambda e: e["name"])
def test_expected_finding(seeds_result, expected):
    matches = _findings_citing(seeds_result.findings, expected["cites"])
    assert len(matches) == 1, f"{expected['name']}: {len(matches)} findings cite all its sentences"
    finding = matches[0]
    assert finding.verdict == expected["expect"]
    assert finding.type == expected["kind"]
    if "reasons" in expected:
        assert set(finding.reasons) == set(expected["reasons"])
    for cite in expected["cites"]:
        mention = _cited(finding, cite["source"], cite["sentence_contains"])
        assert mention is not None
        if "value" in cite:
            assert mention.value == cite["value"]
        if "unit" in cite:
            assert mention.unit == cite["unit"]
        if "as_of" in cite:
            assert mention.as_of == cite["as_of"]
        if "speaker_contains" in cite:
            assert mention.speaker and any(s.lower() in mention.speaker.lower() for s in cite["speaker_contains"]), \
                f"speaker {mention.speaker!r} is none of {cite['speaker_contains']}"


@pytest.mark.parametrize("pair", ACCEPTANCE["non_findings"], ids=lambda e: e["name"])
def test_non_finding(seeds_result, pair):
    for finding in _findings_citing(seeds_result.findings, pair["sources"]):
        assert pair.get("allow") == "apparent", f"{pair['name']}: false alarm {finding.message}"
        assert finding.verdict == "apparent"
        assert "different-scope" in finding.reasons


def test_no_other_findings(seeds_result):
    """Every finding is an expected one, or an apparent one the acceptance file allows."""
    allowed = [e["cites"] for e in ACCEPTANCE["findings"]]
    allowed += [p["sources"] for p in ACCEPTANCE["non_findings"] if p.get("allow") == "apparent"]
    for finding in seeds_result.findings:
        assert any(_findings_citing([finding], sentences) for sentences in allowed), \
            f"unexpected finding: {finding.rule}: {finding.message}"


def test_seeds_load_cleanly(seeds_result):
    assert seeds_result.problems == []
    assert seeds_result.stats.sources == 3
