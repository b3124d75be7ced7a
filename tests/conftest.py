"""Shared fixtures: the project root, the seeds and the shipped rules."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULES = ROOT / "rules"


@pytest.fixture(scope="session")
def seeds_result():
    from checker import check

    return check([SEEDS], [RULES])
