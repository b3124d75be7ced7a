"""The default report: findings grouped by rule, each statement with its span highlighted.

Source text reaches the terminal only through `rich.text.Text` objects, never as markup, so a
source holding `[bold]` or escape sequences prints as the characters it holds.
"""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.padding import Padding
from rich.text import Text

from checker.compare import describe
from checker.models import CheckResult, Finding, Mention

VERDICT_STYLE = {"contradiction": "bold red", "apparent": "bold yellow"}
REASON_WORDS = {
    "different-unit": "they count different things",
    "different-time": "they speak of different times",
    "different-scope": "they cover different scopes",
    "bound": "a bound (at least, more than, up to) makes them compatible",
    "rounding": "rounding (about, approximately) makes them compatible",
}


def _printable(text: str) -> str:
    """Source text with control characters made visible, so it cannot steer the terminal."""
    return "".join(c if c.isprintable() else " " if c.isspace() else f"\\x{ord(c):02x}" for c in text)


def mention_text(mention: Mention) -> Group:
    """Where a mention stands, who says it and what, and its sentence with the span highlighted."""
    head = Text()
    head.append(f"{mention.source}:{mention.line}", style="cyan")
    head.append("  ")
    head.append(_printable(mention.speaker or "unknown speaker"), style="bold")
    head.append(f"  {describe(mention)}", style="magenta")
    if mention.as_of:
        head.append(f"  as of {mention.as_of}", style="dim")
    if mention.scope:
        head.append(f"  scope: {mention.scope}", style="dim")
    body = Text(_printable(mention.sentence))
    start = mention.span_start - mention.start
    end = mention.span_end - mention.start
    if 0 <= start < end <= len(mention.sentence):
        body.stylize("bold underline", start, end)
    return Group(head, Padding(body, (0, 0, 0, 4), expand=False))


def finding_text(finding: Finding) -> Group:
    title = Text()
    title.append(finding.verdict.upper(), style=VERDICT_STYLE[finding.verdict])
    title.append(f"  {finding.rule}", style="bold")
    title.append(f"  {_printable(finding.title)}  [{finding.severity}]  #{finding.fingerprint}", style="dim")
    parts: list[Text | Group | Padding] = [title]
    if finding.verdict == "apparent":
        why = "; ".join(REASON_WORDS[r] for r in finding.reasons)
        parts.append(Padding(Text(f"Explained: {why}.", style="yellow"), (0, 0, 0, 2), expand=False))
    else:
        parts.append(Padding(Text("These statements cannot all hold as stated.", style="red"), (0, 0, 0, 2),
                             expand=False))
    parts.extend(Padding(mention_text(m), (0, 0, 0, 2), expand=False) for m in finding.mentions)
    return Group(*parts)


def render_text(result: CheckResult, color: bool = False, width: int = 100) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False,
                      emoji=False, markup=False)
    for finding in result.findings:
        console.print(finding_text(finding))
        console.print()
    counts = {v: sum(1 for f in result.findings if f.verdict == v) for v in ("contradiction", "apparent")}
    stats = result.stats
    console.print(Text(
        f"{counts['contradiction']} contradiction(s), {counts['apparent']} apparent; "
        f"{stats.sources} source(s), {stats.rules} rule(s), {stats.mentions} mention(s) in {stats.seconds:.2f}s",
        style="bold"))
    return "".join(line.rstrip(" ") + "\n" for line in buffer.getvalue().splitlines())
