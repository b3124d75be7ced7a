"""Baselines: the findings a corpus already had when checker was adopted, so a run shows only new ones.

A baseline is the same kind of sorted, diff-friendly file as the reviews file, keyed by
fingerprint, with each finding's rule and message so that a person reading it knows what is in it.
"""

from __future__ import annotations

import json
from pathlib import Path

from checker.files import write_atomic
from checker.models import CheckResult
from checker.review import VERSION, read_keyed


def write_baseline(path: Path, result: CheckResult) -> None:
    """Write every finding of `result` as the baseline (atomically)."""
    body = {f.fingerprint: {"rule": f.rule, "message": f.message}
            for f in sorted(result.findings, key=lambda f: f.fingerprint)}
    write_atomic(path, json.dumps({"version": VERSION, "findings": body}, indent=2, ensure_ascii=False) + "\n")


def read_baseline(path: Path) -> set[str]:
    """The fingerprints in a baseline; a missing or broken file is a `checker.review.FileError`."""
    section, _ = read_keyed(Path(path), "findings", "baseline", missing_ok=False)
    return set(section)


def new_findings(result: CheckResult, baseline: set[str]) -> tuple[CheckResult, int]:
    """The result without the findings in `baseline`, and how many were left out."""
    kept = [f for f in result.findings if f.fingerprint not in baseline]
    return result.model_copy(update={"findings": kept}), len(result.findings) - len(kept)
