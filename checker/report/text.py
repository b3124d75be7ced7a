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

from checker.models import CheckResult, Finding, Highlight, Mention, Review, Version
from checker.report.common import attribution, location

VERDICT_STYLE = {"contradiction": "bold red", "apparent": "bold yellow"}
REVIEW_STYLE = {"confirmed": "bold green", "dismissed": "bold", "open": "bold"}
REASON_WORDS = {
    "different-unit": "they count different things",
    "different-time": "they speak of different times",
    "different-scope": "they cover different scopes",
    "bound": "a bound (at least, more than, up to) makes them compatible",
    "rounding": "rounding (about, approximately) makes them compatible",
    "altered-quote": "the quotation's words differ",
    "misattributed": "the same words are attributed to different people",
}


def why_text(finding: Finding) -> str:
    """Why the sides conflict, or what explains them, in one sentence."""
    reasons = "; ".join(REASON_WORDS[r] for r in finding.reasons)
    if finding.verdict == "apparent":
        return f"Explained: {reasons}."
    return f"Contradiction: {reasons}." if reasons else "These statements cannot all hold as stated."


def marks_in(mention: Mention, highlights: list[Highlight]) -> list[tuple[int, int]]:
    """The highlighted parts of a mention's sentence, as offsets into the sentence."""
    return [(h.start - mention.start, h.end - mention.start) for h in highlights
            if h.source == mention.source and mention.start <= h.start < h.end <= mention.end]


def printable(text: str) -> str:
    """Source text with control characters made visible, so it cannot steer the terminal."""
    return "".join(c if c.isprintable() else " " if c.isspace() else f"\\x{ord(c):02x}" for c in text)


def mention_text(mention: Mention, facts: bool = True, title: bool = True,
                 highlights: list[Highlight] | None = None) -> Group:
    """Where a mention stands, who says it per which article and (unless a column header says it)
    what; the article's title and url; and its sentence with the span and `highlights` marked."""
    head = Text()
    head.append(printable(location(mention)), style="cyan")
    head.append("  ")
    head.append(printable(attribution(mention)), style="bold")
    if facts:
        head.append(f"  {printable(mention.statement)}", style="magenta")
        if mention.as_of:
            head.append(f"  as of {mention.as_of}", style="dim")
        if mention.scope:
            head.append(f"  scope: {printable(mention.scope)}", style="dim")
    parts: list[Text | Padding] = [head]
    if title and (mention.title or mention.url):
        source = Text(style="dim")
        if mention.title:
            source.append(printable(f"“{mention.title}”"))
        if mention.url:
            source.append(("  " if mention.title else "") + printable(mention.url), style="underline")
        parts.append(Padding(source, (0, 0, 0, 4), expand=False))
    body = Text(printable(mention.sentence))
    start = mention.span_start - mention.start
    end = mention.span_end - mention.start
    if 0 <= start < end <= len(mention.sentence):
        body.stylize("bold underline", start, end)
    for low, high in marks_in(mention, highlights or []):
        body.stylize("reverse", low, high)
    parts.append(Padding(body, (0, 0, 0, 4), expand=False))
    return Group(*parts)


def version_mentions(version: Version, facts: bool = False, highlights: list[Highlight] | None = None) -> list[Group]:
    """Each statement of a version; an article's title and url only with the first from it."""
    seen: set[str] = set()
    shown = []
    for mention in version.mentions:
        shown.append(mention_text(mention, facts=facts, title=mention.source not in seen, highlights=highlights))
        seen.add(mention.source)
    return shown


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
    why = Text(why_text(finding), style="yellow" if finding.verdict == "apparent" else "red")
    parts: list[Text | Padding] = [title, Padding(why, (0, 0, 0, 2), expand=False)]
    if (review := review_text(finding.review)) is not None:
        parts.append(Padding(review, (0, 0, 0, 2), expand=False))
    return parts


def version_head(version: Version) -> Text:
    """`at least 545 parents  as of 2020-10  scope: total  (2 sources)`."""
    header = Text(printable(version.statement), style="bold magenta")
    if version.as_of:
        header.append(f"  as of {version.as_of}", style="dim")
    if version.scope:
        header.append(f"  scope: {printable(version.scope)}", style="dim")
    count = len(version.sources)
    header.append(f"  ({count} source{'s' if count != 1 else ''})", style="dim")
    return header


def finding_text(finding: Finding) -> Group:
    """The finding's head, then each side (version) with the statements that make it."""
    parts: list[Text | Padding | Group] = [*finding_head(finding)]
    for side in finding.sides:
        parts.append(Padding(version_head(side), (0, 0, 0, 2), expand=False))
        parts += [Padding(m, (0, 0, 0, 4), expand=False) for m in version_mentions(side, highlights=finding.highlights)]
    return Group(*parts)


def side_by_side(finding: Finding) -> Table:
    """The sides in columns, one per version, so that the conflict reads across."""
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, padding=(0, 1))
    for side in finding.sides:
        table.add_column(version_head(side), ratio=1, vertical="top")
    table.add_row(*(Group(*(part for m in version_mentions(side, highlights=finding.highlights)
                            for part in (m, Text())))
                    for side in finding.sides))
    return table


def statements_text(result: CheckResult) -> Group:
    """Every version of every rule with the statements that make it, agreeing or not."""
    parts: list[Text | Padding] = [Text("Statements", style="bold underline")]
    titles = {info.id: info.title for info in result.rules}
    rule = None
    for version in result.versions:
        if version.rule != rule:
            rule = version.rule
            head = Text(f"{rule}", style="bold")
            head.append(f"  {printable(titles.get(rule, ''))}", style="dim")
            parts.append(head)
        parts.append(Padding(version_head(version), (0, 0, 0, 2), expand=False))
        parts += [Padding(m, (0, 0, 0, 4), expand=False) for m in version_mentions(version, facts=True)]
    if not result.versions:
        parts.append(Text("No rule read any statement."))
    for exclusion in result.exclusions:
        line = Text(f"{exclusion.rule}  excluded  ", style="dim")
        line.append(f"{printable(exclusion.source)}:{exclusion.line}", style="cyan")
        line.append(f"  by {printable(exclusion.phrase)!r}: ", style="dim")
        line.append(printable(exclusion.sentence))
        parts.append(line)
    return Group(*parts)


def render_text(result: CheckResult, color: bool = False, width: int = 100, statements: bool = False) -> str:
    """The text report; with `statements`, every version of every rule first."""
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False,
                      emoji=False, markup=False)
    if statements:
        console.print(statements_text(result))
        console.print()
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
