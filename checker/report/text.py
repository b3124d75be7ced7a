"""The default report: findings grouped by rule, each statement with its span highlighted.

Source text reaches the terminal only through `rich.text.Text` objects, never as markup, so a
source holding `[bold]` or escape sequences prints as the characters it holds.
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from checker.compare import describe
from checker.models import CheckResult, Finding, Mention, Review

VERDICT_STYLE = {"contradiction": "bold red", "apparent": "bold yellow"}
REVIEW_STYLE = {"confirmed": "bold green", "dismissed": "bold", "open": "bold"}
REASON_WORDS = {
    "different-unit": "they count different things",
    "different-time": "they speak of different times",
    "different-scope": "they cover different scopes",
    "bound": "a bound (at least, more than, up to) makes them compatible",
    "rounding": "rounding (about, approximately) makes them compatible",
}


def printable(text: str) -> str:
    """Source text with control characters made visible, so it cannot steer the terminal."""
    return "".join(c if c.isprintable() else " " if c.isspace() else f"\\x{ord(c):02x}" for c in text)


def mention_text(mention: Mention, facts: bool = True) -> Group:
    """Where a mention stands, who says it and (unless a column header says it) what, and its sentence
    with the span highlighted."""
    head = Text()
    head.append(f"{printable(mention.source)}:{mention.line}", style="cyan")
    head.append("  ")
    head.append(printable(mention.speaker or "unknown speaker"), style="bold")
    if facts:
        head.append(f"  {printable(describe(mention))}", style="magenta")
        if mention.as_of:
            head.append(f"  as of {mention.as_of}", style="dim")
        if mention.scope:
            head.append(f"  scope: {printable(mention.scope)}", style="dim")
    body = Text(printable(mention.sentence))
    start = mention.span_start - mention.start
    end = mention.span_end - mention.start
    if 0 <= start < end <= len(mention.sentence):
        body.stylize("bold underline", start, end)
    return Group(head, Padding(body, (0, 0, 0, 4), expand=False))


def review_text(review: Review | None) -> Text | None:
    """`CONFIRMED by ana 2021-01-14T09:30:00Z: note`, for a finding someone has judged or annotated."""
    if review is None or (review.status == "open" and not review.note):
        return None
    line = Text()
    line.append(review.status.upper(), style=REVIEW_STYLE[review.status])
    if review.by:
        line.append(f" by {printable(review.by)}")
    if review.at:
        line.append(f" {printable(review.at)}", style="dim")
    if review.note:
        line.append(": " + printable(review.note), style="italic")
    return line


def finding_head(finding: Finding) -> list[Text | Padding]:
    """The verdict line, why the statements do or do not clash, and the review if there is one."""
    title = Text()
    title.append(finding.verdict.upper(), style=VERDICT_STYLE[finding.verdict])
    title.append(f"  {finding.rule}", style="bold")
    title.append(f"  {printable(finding.title)}  [{finding.severity}]  #{finding.fingerprint}", style="dim")
    if finding.verdict == "apparent":
        why = Text(f"Explained: {'; '.join(REASON_WORDS[r] for r in finding.reasons)}.", style="yellow")
    else:
        why = Text("These statements cannot all hold as stated.", style="red")
    parts: list[Text | Padding] = [title, Padding(why, (0, 0, 0, 2), expand=False)]
    if (review := review_text(finding.review)) is not None:
        parts.append(Padding(review, (0, 0, 0, 2), expand=False))
    return parts


def finding_text(finding: Finding) -> Group:
    mentions = (Padding(mention_text(m), (0, 0, 0, 2), expand=False) for m in finding.mentions)
    return Group(*finding_head(finding), *mentions)


Side = tuple[str, str | None, str | None]


def sides(finding: Finding) -> dict[Side, list[Mention]]:
    """The mentions grouped by what they state (statement, as-of, scope): the sides of the conflict."""
    grouped: dict[Side, list[Mention]] = {}
    for mention in finding.mentions:
        grouped.setdefault((describe(mention), mention.as_of, mention.scope), []).append(mention)
    return grouped


def side_by_side(finding: Finding) -> Table:
    """The statements in columns, one per side, so that the conflict reads across."""
    grouped = sides(finding)
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, padding=(0, 1))
    for statement, as_of, scope in grouped:
        header = Text(printable(statement), style="bold magenta")
        if as_of:
            header.append(f"  as of {as_of}", style="dim")
        if scope:
            header.append(f"  scope: {printable(scope)}", style="dim")
        table.add_column(header, ratio=1, vertical="top")
    table.add_row(*(Group(*(part for m in mentions for part in (mention_text(m, facts=False), Text())))
                    for mentions in grouped.values()))
    return table


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
