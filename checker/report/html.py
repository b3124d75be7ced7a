"""`--format html`: one self-contained page a reviewer opens in a browser.

A summary, filters (verdict, rule, review status, source), each finding's statements side by side
with the conflicting spans marked, and a timeline for quantity claims. Everything is inline: no
network, no CDN. Sources are untrusted, so every piece of their text goes through `html.escape`,
and a Content-Security-Policy lets only this page's own script and style run, as a second guard.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from html import escape
from importlib.resources import files

from checker.models import CheckResult, Finding, Highlight, Mention, Version
from checker.report.common import attribution, location, safe_url
from checker.report.text import marks_in, why_text
from checker.report.timeline import charted, timeline_svg

STATUSES = ("open", "confirmed", "dismissed")


def _asset(name: str) -> str:
    return files("checker.report").joinpath(name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _status(finding: Finding) -> str:
    return finding.review.status if finding.review else "open"


def _sentence(mention: Mention, highlights: list[Highlight]) -> str:
    """The sentence, escaped, with the words the sides differ in — or else the span that carries the
    value or stance — in `<mark>`."""
    text = mention.sentence
    marks = marks_in(mention, highlights)
    start, end = mention.span_start - mention.start, mention.span_end - mention.start
    if not marks and 0 <= start < end <= len(text):
        marks = [(start, end)]
    out, cursor = [], 0
    for low, high in sorted(marks):
        if low < cursor:
            continue
        out += [escape(text[cursor:low]), f"<mark>{escape(text[low:high])}</mark>"]
        cursor = high
    return "".join(out) + escape(text[cursor:])


def _mention(mention: Mention, highlights: list[Highlight]) -> str:
    who = escape(attribution(mention))
    title = escape(f"“{mention.title}”") if mention.title else ""
    url = safe_url(mention.url)
    if url:
        title = f'<a href="{escape(url)}" rel="noreferrer noopener">{title or escape(url)}</a>'
    where = ", ".join(filter(None, [who, title, escape(location(mention))]))
    return (f'<figure class="mention"><blockquote>{_sentence(mention, highlights)}</blockquote>'
            f"<figcaption>— {where}</figcaption></figure>")


def _version(version: Version, css: str, highlights: list[Highlight] | None = None) -> str:
    """A version: its statement, as-of and scope, and every statement that makes it."""
    count = len(version.sources)
    extra = " ".join(filter(None, [version.as_of and f"as of {version.as_of}",
                                   version.scope and f"scope: {version.scope}",
                                   f"({count} source{'s' if count != 1 else ''})"]))
    return (f'<section class="{css}"><h3>{escape(version.statement)} <small>{escape(extra)}</small></h3>'
            + "".join(_mention(m, highlights or []) for m in version.mentions) + "</section>")


def _statements(result: CheckResult) -> list[str]:
    """Every version of every rule, agreeing or not: what each rule read, from which sentence."""
    titles = {info.id: info.title for info in result.rules}
    parts = ['<section id="statements"><h2>Statements</h2>']
    by_rule: dict[str, list[Version]] = {}
    for version in result.versions:
        by_rule.setdefault(version.rule, []).append(version)
    for rule, versions in by_rule.items():
        parts.append(f'<details class="rule-statements"><summary>{escape(rule)} — {escape(titles.get(rule, ""))}'
                     f" ({len(versions)} version(s))</summary>")
        parts += [_version(v, "version") for v in versions]
        parts.append("</details>")
    if not by_rule:
        parts.append("<p>No rule read any statement.</p>")
    parts.append("</section>")
    return parts


def _finding(finding: Finding) -> str:
    status = _status(finding)
    sources = sorted({m.source for m in finding.mentions})
    why = why_text(finding)
    parts = [
        f'<article class="finding {finding.verdict}" id="f-{escape(finding.fingerprint)}" '
        f'data-verdict="{finding.verdict}" data-rule="{escape(finding.rule)}" data-status="{status}" '
        f'data-sources="{escape(json.dumps(sources))}">',
        f'<h2><span class="badge {finding.verdict}">{finding.verdict}</span> '
        f'<span class="badge {status}">{status}</span> {escape(finding.title)}</h2>',
        f'<p class="why">{escape(why)}</p>',
    ]
    review = finding.review
    if review and (review.status != "open" or review.note):
        by = f" by {escape(review.by)}" if review.by else ""
        at = f" on {escape(review.at)}" if review.at else ""
        note = f": {escape(review.note)}" if review.note else ""
        parts.append(f'<p class="review">{escape(review.status.capitalize())}{by}{at}{note}</p>')
    parts.append('<div class="sides">')
    parts += [_version(side, "side", finding.highlights) for side in finding.sides]
    parts.append("</div>")
    if chart := timeline_svg(finding):
        undated = len(finding.mentions) - len(charted(finding))
        note = f"<figcaption>{undated} statement(s) with no as-of date not drawn</figcaption>" if undated else ""
        parts.append(f'<figure class="timeline">{chart}{note}</figure>')
    parts.append(f'<p class="fingerprint">Rule {escape(finding.rule)} ({finding.severity}) · '
                 f"fingerprint {escape(finding.fingerprint)}</p></article>")
    return "\n".join(parts)


def _table(title: str, counts: dict[str, int]) -> str:
    rows = "".join(f'<tr><td>{escape(k)}</td><td class="count">{v}</td></tr>' for k, v in counts.items())
    return f"<table><thead><tr><th colspan=2>{escape(title)}</th></tr></thead><tbody>{rows}</tbody></table>"


def _select(name: str, label: str, options: list[str]) -> str:
    items = "".join(f'<option value="{escape(o)}">{escape(o)}</option>' for o in options)
    return (f'<label>{label}<select data-filter="{name}" name="{name}">'
            f'<option value="">all</option>{items}</select></label>')


def render_html(result: CheckResult) -> str:
    findings = result.findings
    verdicts = Counter(f.verdict for f in findings)
    statuses = Counter(_status(f) for f in findings)
    rules = Counter(f.rule for f in findings)
    sources = sorted({m.source for f in findings for m in f.mentions})
    style, script = _asset("html.css"), _asset("html.js")
    csp = f"default-src 'none'; style-src {_csp_hash(style)}; script-src {_csp_hash(script)}"
    stats = result.stats
    body = [
        "<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>checker: {len(findings)} finding(s)</title><style>{style}</style></head><body>",
        "<header><h1>Where the sources disagree</h1>",
        f'<p class="stats">{stats.sources} source(s), {stats.rules} rule(s), {stats.mentions} mention(s)</p></header>',
        '<section id="summary">',
        _table("Verdict", {v: verdicts[v] for v in ("contradiction", "apparent")}),
        _table("Review status", {s: statuses[s] for s in STATUSES}),
        _table("Rule", dict(sorted(rules.items()))),
        "</section>",
        '<form id="filters">',
        _select("verdict", "Verdict", ["contradiction", "apparent"]),
        _select("rule", "Rule", sorted(rules)),
        _select("status", "Review status", list(STATUSES)),
        _select("source", "Source", sources),
        '<output id="shown"></output></form>',
        "<main>", *(_finding(f) for f in findings),
        "<p>No findings.</p>" if not findings else "", *_statements(result), "</main>",
        f"<script>{script}</script></body></html>",
    ]
    return "\n".join(part for part in body if part) + "\n"
