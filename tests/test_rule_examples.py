"""Every example of every shipped rule, and every case of the shipped case files, as its own test."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.rule_tests import Outcome, run_suite
from tests.conftest import RULES

CASES = Path(__file__).parent / "rule_cases"
SUITE = run_suite([RULES, CASES])


def _id(outcome: Outcome) -> str:
    return f"{Path(outcome.file).name}:{outcome.line}:{outcome.name}"


def test_the_suite_loads_cleanly() -> None:
    assert [p.one_line() for p in SUITE.problems] == []
    assert {Path(o.file).parent.name for o in SUITE.outcomes} == {"rules", "rule_cases"}


@pytest.mark.parametrize("outcome", SUITE.outcomes, ids=_id)
def test_example_or_case(outcome: Outcome) -> None:
    assert outcome.passed, "\n".join([f"{outcome.file}:{outcome.line}: {outcome.rule} {outcome.name}", *outcome.diff])
