"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

A contradiction is an `::error`, an apparent finding a `::warning`, each on the file and line of
its first statement, its message naming both sides with who said them. Values are escaped as the
runner wants (`%`, CR and LF; also `:` and `,` in properties), so source text cannot end the
command early or start another.
"""

from __future__ import annotations

from checker.models import CheckResult, Finding, Version
from checker.report.common import attribution

LEVELS = {"contradiction": "error", "apparent": "warning"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _side(version: Version) -> str:
    who = "; ".join(dict.fromkeys(attribution(m) for m in version.mentions))
    return f"{version.statement} ({who})"


def annotation(finding: Finding) -> str:
    """One workflow command for a finding."""
    first = finding.mentions[0]
    properties = ",".join(
        [
            f"file={_property(first.source)}",
            f"line={first.line}",
            f"title={_property(f'{finding.verdict}: {finding.title} [{finding.rule}]')}",
        ]
    )
    message = f"{finding.message}\n" + "\n".join(f"- {_side(side)}" for side in finding.sides)
    message += f"\nfingerprint {finding.fingerprint}"
    return f"::{LEVELS[finding.verdict]} {properties}::{_data(message)}"


def render_github(result: CheckResult) -> str:
    """Every finding with a statement as an annotation, then a one-line summary."""
    lines = [annotation(f) for f in result.findings if f.mentions]
    counts = {v: sum(1 for f in result.findings if f.verdict == v) for v in LEVELS}
    lines.append(f"checker: {counts['contradiction']} contradiction(s), {counts['apparent']} apparent")
    return "\n".join(lines) + "\n"
