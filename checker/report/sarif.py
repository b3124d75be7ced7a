"""`--format sarif`: SARIF 2.1.0, for code-scanning dashboards and editors that read it.

One result per finding: its first statement is the location, the others related locations, each
relative to the repository root (`uriBaseId` SRCROOT, which `originalUriBaseIds` resolves), or
an absolute `file:` URI for a source outside it. Rules
come from the rule files (title, severity, file). A dismissed finding stays in, with an accepted
external suppression, which is how SARIF viewers record a verdict rather than lose the result.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from checker import __version__
from checker.models import CheckResult, Finding, Mention, RuleInfo
from checker.paths import repository_root
from checker.report.common import attribution, safe_url

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"contradiction": "error", "apparent": "warning"}
SEVERITY_LEVELS = {"high": "error", "medium": "warning", "low": "note"}


def _artifact(source: str, root: Path | None) -> dict[str, Any]:
    """The source's location: relative to the repository root, with `uriBaseId` SRCROOT, when it is
    in the repository; else an absolute `file:` URI."""
    absolute = Path(os.path.abspath(source))
    if root is not None:
        try:
            return {"uri": quote(absolute.relative_to(root).as_posix()), "uriBaseId": "SRCROOT"}
        except ValueError:
            pass
    return {"uri": absolute.as_uri()}


def _location(mention: Mention, root: Path | None, index: int | None = None) -> dict[str, Any]:
    who = ", ".join(filter(None, [attribution(mention), mention.as_of and f"as of {mention.as_of}"]))
    title = f"; “{mention.title}”" if mention.title else ""
    url = f" {mention.url}" if safe_url(mention.url) else ""
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": _artifact(mention.source, root),
            "region": {"startLine": mention.line, "charOffset": mention.start,
                       "charLength": mention.end - mention.start, "snippet": {"text": mention.sentence}},
        },
        "message": {"text": f"{mention.statement} ({who}{title}){url}"},
    }
    if index is not None:
        location["id"] = index
    return location


def _rule(info: RuleInfo) -> dict[str, Any]:
    rule: dict[str, Any] = {
        "id": info.id, "name": info.id, "shortDescription": {"text": info.title},
        "fullDescription": {"text": f"Sources disagree about: {info.title} ({info.type} rule)."},
        "defaultConfiguration": {"level": SEVERITY_LEVELS[info.severity]},
        "properties": {"type": info.type, "severity": info.severity, "tags": [info.type]},
    }
    if info.file:
        rule["help"] = {"text": f"The rule is defined in {info.file}."}
        rule["properties"]["file"] = info.file
    return rule


def _result(finding: Finding, index: dict[str, int], root: Path | None) -> dict[str, Any]:
    first, *others = finding.mentions
    result: dict[str, Any] = {
        "ruleId": finding.rule, "ruleIndex": index[finding.rule], "kind": "fail",
        "level": LEVELS[finding.verdict], "message": {"text": finding.message},
        "locations": [_location(first, root)],
        "relatedLocations": [_location(m, root, i) for i, m in enumerate(others, 1)],
        "partialFingerprints": {"checkerFingerprint/v1": finding.fingerprint},
        "properties": {"verdict": finding.verdict, "reasons": list(finding.reasons), "severity": finding.severity,
                       "title": finding.title},
    }
    if finding.review is not None:
        result["properties"]["review"] = finding.review.model_dump()
        if finding.review.status == "dismissed":
            result["suppressions"] = [{"kind": "external", "status": "accepted",
                                       "justification": finding.review.note or "dismissed in review"}]
    return result


def render_sarif(result: CheckResult) -> str:
    infos = {info.id: info for info in result.rules}
    for finding in result.findings:  # a result built by hand may cite rules it does not list
        infos.setdefault(finding.rule, RuleInfo(id=finding.rule, title=finding.title, type=finding.type,
                                                severity=finding.severity))
    index = {rule_id: i for i, rule_id in enumerate(infos)}
    root = repository_root() or Path.cwd().resolve()
    log = {
        "$schema": SCHEMA, "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "checker", "version": __version__,
                                "rules": [_rule(info) for info in infos.values()]}},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"SRCROOT": {"uri": root.as_uri() + "/"}},
            "results": [_result(f, index, root) for f in result.findings if f.mentions],
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
