"""`--format markdown`: a table of findings, then each finding's quoted statements with their sources,
ready to paste into an editor's note or a pull request.

Source text is untrusted: `escape` makes it show as the characters it holds, whatever the renderer
(no tables broken by `|`, no HTML let through, no code spans or links opened).
"""

from __future__ import annotations

import re

from checker.models import CheckResult, Finding, Mention
from checker.report.common import attribution, location, safe_url

_SPECIAL = re.compile(r"([\\`*_\[\]|#!~])")
_SPACE = re.compile(r"\s+")


def escape(text: str) -> str:
    """Text as Markdown that shows it literally, on one line."""
    text = _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _status(finding: Finding) -> str:
    return finding.review.status if finding.review else "open"


def _quote(mention: Mention) -> str:
    """The sentence as a quote, the part carrying the value or stance in bold."""
    sentence = mention.sentence
    start, end = mention.span_start - mention.start, mention.span_end - mention.start
    span = sentence[start:end].strip() if 0 <= start < end <= len(sentence) else ""
    if not span:
        return escape(sentence.strip())
    start = sentence.index(span, start)
    end = start + len(span)
    return f"{escape(sentence[:start])}**{escape(span)}**{escape(sentence[end:])}".strip()


def _mention(mention: Mention) -> list[str]:
    facts = ", ".join(filter(None, [escape(mention.statement), mention.as_of and f"as of {mention.as_of}",
                                    mention.scope and f"scope: {escape(mention.scope)}"]))
    who, url = escape(attribution(mention)), safe_url(mention.url)
    title = escape(f"“{mention.title}”") if mention.title else ""
    title = f"[{title or escape(url)}](<{url}>)" if url else title  # checker.report.common: http(s) only
    where = ", ".join(filter(None, [who, title, escape(location(mention))]))
    return [f"> {_quote(mention)}", ">", f"> — {where} ({facts})", ""]


def _section(number: int, finding: Finding) -> list[str]:
    lines = [f"### {number}. {finding.verdict}: {escape(finding.title)}", "",
             f"Rule `{finding.rule}`, severity {finding.severity}, fingerprint `{finding.fingerprint}`"
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
            lines += _mention(mention)
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
            lines.append(f"| {number} | {finding.verdict} | {finding.rule} | {finding.severity} | {_status(finding)} "
                         f"| {statements} | `{finding.fingerprint}` |")
        lines.append("")
    for number, finding in enumerate(result.findings, 1):
        lines += _section(number, finding)
    return "\n".join(lines).rstrip("\n") + "\n"
