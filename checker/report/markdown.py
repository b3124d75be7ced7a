"""`--format markdown`: a table of findings, then each finding's quoted statements with their sources,
ready to paste into an editor's note or a pull request.

Source text is untrusted: `escape` makes it show as the characters it holds, whatever the renderer
(no tables broken by `|`, no HTML let through, no code spans or links opened).
"""

from __future__ import annotations

import re

from checker.models import CheckResult, Finding, Highlight, Mention
from checker.report.common import attribution, location, safe_url
from checker.report.text import marks_in

_SPECIAL = re.compile(r"([\\`*_\[\]|#!~@])")
_SPACE = re.compile(r"\s+")
_BARE_URL = re.compile(r"(?i)\b([a-z][a-z0-9+.-]{1,31}):(?=//)|\b(www)\.")


def _visible(char: str) -> str:
    return char if char.isprintable() else f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def escape(text: str) -> str:
    """Text as Markdown that shows it literally, on one line.

    Control characters (a terminal reset, a bell, an 8-bit CSI) show as `\\x1b`; `@`, the colon of
    `https://` and the dot of `www.` are escaped, so no renderer makes a live link or mention of them.
    """
    text = _SPACE.sub(" ", text)
    if not text.isprintable():
        text = "".join(map(_visible, text))
    text = _SPECIAL.sub(r"\\\1", text)
    text = _BARE_URL.sub(lambda m: f"{m.group(1)}\\:" if m.group(1) else f"{m.group(2)}\\.", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _status(finding: Finding) -> str:
    return finding.review.status if finding.review else "open"


def _quote(mention: Mention, highlights: list[Highlight]) -> str:
    """The sentence as a quote, the words the sides differ in — or else the part carrying the value or
    stance — in bold."""
    sentence = mention.sentence
    marks = marks_in(mention, highlights)
    start, end = mention.span_start - mention.start, mention.span_end - mention.start
    if not marks and 0 <= start < end <= len(sentence):
        marks = [(start, end)]
    out, cursor = [], 0
    for low, high in sorted(marks):
        part = sentence[low:high].strip()
        if low < cursor or not part:
            continue
        low = sentence.index(part, low)
        out += [escape(sentence[cursor:low]), f"**{escape(part)}**"]
        cursor = low + len(part)
    return ("".join(out) + escape(sentence[cursor:])).strip()


def _mention(mention: Mention, highlights: list[Highlight]) -> list[str]:
    facts = ", ".join(filter(None, [escape(mention.statement), mention.as_of and f"as of {escape(mention.as_of)}",
                                    mention.scope and f"scope: {escape(mention.scope)}"]))
    who, url = escape(attribution(mention)), safe_url(mention.url)
    title = escape(f"“{mention.title}”") if mention.title else ""
    title = f"[{title or escape(url)}](<{url}>)" if url else title  # checker.report.common: http(s) only
    where = ", ".join(filter(None, [who, title, escape(location(mention))]))
    return [f"> {_quote(mention, highlights)}", ">", f"> — {where} ({facts})", ""]


def _section(number: int, finding: Finding) -> list[str]:
    lines = [f"### {number}. {finding.verdict}: {escape(finding.title)}", "",
             f"Rule `{escape(finding.rule)}`, severity {finding.severity}, fingerprint `{finding.fingerprint}`"
             + (f", reasons: {', '.join(finding.reasons)}" if finding.reasons else "") + ".", "",
             escape(finding.message), ""]
    if finding.review and (finding.review.status != "open" or finding.review.note):
        by = f" by {escape(finding.review.by)}" if finding.review.by else ""
        note = f": {escape(finding.review.note)}" if finding.review.note else ""
        lines += [f"**Review:** {finding.review.status}{by}{note}", ""]
    for side in finding.sides:
        count = len(side.sources)
        lines += [f"**{escape(side.statement)}**"
                  + "".join(f", {part}" for part in (side.as_of and f"as of {side.as_of}",
                                                     side.scope and f"scope: {escape(side.scope)}") if part)
                  + f" ({count} source{'s' if count != 1 else ''}):", ""]
        for mention in side.mentions:
            lines += _mention(mention, finding.highlights)
    return lines


def render_markdown(result: CheckResult) -> str:
    counts = {v: sum(1 for f in result.findings if f.verdict == v) for v in ("contradiction", "apparent")}
    lines = ["# Findings", "",
             f"{counts['contradiction']} contradiction(s), {counts['apparent']} apparent; "
             f"{result.stats.sources} source(s), {result.stats.rules} rule(s).", ""]
    if result.findings:
        lines += ["| # | Verdict | Rule | Severity | Review | Statements | Fingerprint |",
                  "| --- | --- | --- | --- | --- | --- | --- |"]
        for number, finding in enumerate(result.findings, 1):
            statements = " vs ".join(escape(side.statement) for side in finding.sides)
            lines.append(f"| {number} | {finding.verdict} | {escape(finding.rule)} | {finding.severity} "
                         f"| {_status(finding)} "
                         f"| {statements} | `{finding.fingerprint}` |")
        lines.append("")
    for number, finding in enumerate(result.findings, 1):
        lines += _section(number, finding)
    return "\n".join(lines).rstrip("\n") + "\n"
