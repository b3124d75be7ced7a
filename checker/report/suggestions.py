"""How `checker suggest` shows its candidate claims: each with its versions and findings, as text or JSON."""

from __future__ import annotations

import io
import json

from rich.console import Console, Group
from rich.padding import Padding
from rich.text import Text

from checker.report.json_format import finding_json, problem_json, version_json
from checker.report.text import VERDICT_STYLE, mention_text, printable, version_head
from checker.suggest import Suggestion, Suggestions


def suggestion_text(number: int, suggestion: Suggestion) -> Group:
    rule = suggestion.rule
    head = Text(f"{number}. ", style="bold")
    head.append(rule.id, style="bold")
    head.append(f"  {printable(rule.title)}", style="dim")
    head.append(f"  {len(suggestion.sources)} source(s), {len(suggestion.versions)} version(s), "
                f"{len(suggestion.findings)} finding(s)")
    parts: list[Text | Padding] = [head]
    for version in suggestion.versions:
        parts.append(Padding(version_head(version), (0, 0, 0, 2), expand=False))
        parts += [Padding(mention_text(m), (0, 0, 0, 4), expand=False) for m in version.mentions]
    for finding in suggestion.findings:
        line = Text(finding.verdict.upper(), style=VERDICT_STYLE[finding.verdict])
        line.append(f"  {printable(finding.message)}  #{finding.fingerprint}")
        parts.append(Padding(line, (0, 0, 0, 2), expand=False))
    return Group(*parts)


def render_suggestions_text(result: Suggestions, color: bool = False, width: int = 100) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False,
                      emoji=False, markup=False)
    for number, suggestion in enumerate(result.suggestions, 1):
        console.print(suggestion_text(number, suggestion))
        console.print()
    disagreeing = sum(1 for s in result.suggestions if s.findings)
    console.print(Text(f"{len(result.suggestions)} candidate claim(s), {disagreeing} where sources disagree; "
                       f"{result.sources} source(s)", style="bold"))
    return "".join(line.rstrip(" ") + "\n" for line in buffer.getvalue().splitlines())


def render_suggestions_json(result: Suggestions) -> str:
    data = {
        "version": 1,
        "suggestions": [{"rule": s.rule.model_dump(mode="json", exclude={"examples"}), "sources": s.sources,
                         "versions": [version_json(v) for v in s.versions],
                         "findings": [finding_json(f) for f in s.findings]} for s in result.suggestions],
        "problems": [problem_json(p) for p in result.problems],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
