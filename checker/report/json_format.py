"""The findings JSON contract (`--format json`, version 2) that other tools read.

`checker/schema/findings.schema.json` (shipped in the package) is its JSON Schema and README's
"The JSON format" section describes it; a test validates real output against the schema. The
output holds no timings, so the same input gives byte-identical output. Keep it stable: add
fields, never rename or remove them.
"""

from __future__ import annotations

import json
import math
from typing import Any

from checker.models import CheckResult, Finding, Interval, Mention, Problem, Version

VERSION = 2


def _number(value: float | int | str | None) -> float | int | str | None:
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        if value.is_integer() and abs(value) < 2**63:
            return int(value)
    return value


def interval_json(interval: Interval | None) -> dict[str, Any] | None:
    """An interval; an unbounded end is null ("at least 545" is low 545, high null)."""
    if interval is None:
        return None
    return {"low": _number(interval.low), "high": _number(interval.high),
            "low_open": interval.low_open, "high_open": interval.high_open}


def mention_json(mention: Mention) -> dict[str, Any]:
    return {
        "source": mention.source, "line": mention.line, "start": mention.start, "end": mention.end,
        "span_start": mention.span_start, "span_end": mention.span_end, "sentence": mention.sentence,
        "statement": mention.statement, "value": _number(mention.value), "interval": interval_json(mention.interval),
        "qualifier": mention.qualifier, "unit": mention.unit, "as_of": mention.as_of, "scope": mention.scope,
        "stance": mention.stance, "speaker": mention.speaker, "speaker_kind": mention.speaker_kind,
        "outlet": mention.outlet, "published": mention.published.isoformat() if mention.published else None,
        "title": mention.title, "url": mention.url,
    }


def version_json(version: Version) -> dict[str, Any]:
    return {
        "rule": version.rule, "key": version.key, "statement": version.statement, "value": _number(version.value),
        "interval": interval_json(version.interval), "qualifier": version.qualifier, "unit": version.unit,
        "as_of": version.as_of, "scope": version.scope, "stance": version.stance, "sources": version.sources,
        "mentions": [mention_json(m) for m in version.mentions],
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    """A finding as the contract has it; `review` is added only when a reviews file is in use."""
    data: dict[str, Any] = {
        "fingerprint": finding.fingerprint, "rule": finding.rule, "type": finding.type, "title": finding.title,
        "verdict": finding.verdict, "reasons": list(finding.reasons), "severity": finding.severity,
        "message": finding.message, "sides": [version_json(side) for side in finding.sides],
        "highlights": [h.model_dump() for h in finding.highlights],
    }
    if finding.review is not None:
        data["review"] = finding.review.model_dump()
    return data


def problem_json(problem: Problem) -> dict[str, Any]:
    return {"file": problem.file, "line": problem.line, "column": problem.column, "level": problem.level,
            "message": problem.message, "hint": problem.hint}


def result_json(result: CheckResult, statements: bool = False) -> dict[str, Any]:
    """The whole report; `statements` adds every version of every rule."""
    verdicts = [f.verdict for f in result.findings]
    data: dict[str, Any] = {
        "version": VERSION,
        "summary": {"sources": result.stats.sources, "rules": result.stats.rules, "mentions": result.stats.mentions,
                    "versions": len(result.versions), "contradictions": verdicts.count("contradiction"),
                    "apparent": verdicts.count("apparent")},
        "rules": [info.model_dump() for info in result.rules],
        "findings": [finding_json(f) for f in result.findings],
        "problems": [problem_json(p) for p in result.problems],
    }
    if statements:
        data["statements"] = [version_json(v) for v in result.versions]
        data["excluded"] = [e.model_dump() for e in result.exclusions]
    return data


def render_json(result: CheckResult, statements: bool = False) -> str:
    return json.dumps(result_json(result, statements), indent=2, ensure_ascii=False) + "\n"
