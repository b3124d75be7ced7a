"""The findings JSON contract (`--format json`, version 1) that other tools read."""

from __future__ import annotations

import json
from typing import Any

from checker.models import CheckResult, Finding, Mention

VERSION = 1


def _number(value: float | int | str | None) -> float | int | str | None:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def mention_json(mention: Mention) -> dict[str, Any]:
    return {
        "source": mention.source, "line": mention.line, "start": mention.start, "end": mention.end,
        "sentence": mention.sentence, "value": _number(mention.value), "qualifier": mention.qualifier,
        "unit": mention.unit, "as_of": mention.as_of, "speaker": mention.speaker, "stance": mention.stance,
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    """A finding as the contract has it; `review` is added only when a reviews file is in use."""
    data: dict[str, Any] = {
        "rule": finding.rule, "type": finding.type, "verdict": finding.verdict, "reasons": list(finding.reasons),
        "severity": finding.severity, "fingerprint": finding.fingerprint, "message": finding.message,
        "mentions": [mention_json(m) for m in finding.mentions],
    }
    if finding.review is not None:
        data["review"] = finding.review.model_dump()
    return data


def result_json(result: CheckResult) -> dict[str, Any]:
    return {
        "version": VERSION,
        "findings": [finding_json(f) for f in result.findings],
        "stats": result.stats.model_dump(),
    }


def render_json(result: CheckResult) -> str:
    return json.dumps(result_json(result), indent=2, ensure_ascii=False) + "\n"
