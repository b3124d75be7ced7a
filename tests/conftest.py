"""Shared fixtures: the project root, the seeds and the shipped rules."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULES = ROOT / "rules"

# A rule written on the spot, as a user adds a claim: no code, one YAML file.
PILOT_RULE = """\
id: pilot-families
title: Families in the pilot
type: quantity
about: [families]
phrases: [pilot separated]
unit: families
severity: high
"""


@pytest.fixture(scope="session")
def seeds_result():
    from checker import check

    return check([SEEDS], [RULES])
