"""Deciding where a rule's mentions disagree, and whether the disagreement is real.

Mentions are put in buckets of comparable statements: same unit, same as-of period (month), same
scope. Inside a bucket, statements that cannot both hold (intervals that do not overlap, an
affirmation and a denial, two different dates) are a *contradiction*. Differences that a bucket
boundary explains (unit, time, scope), or that a qualifier makes compatible (bound, rounding), are
*apparent*. Every step is a pass over the mentions, so cost grows with their number, not its square.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from checker.models import Finding, Interval, Mention, Reason, Verdict
from checker.rules import DateRule, QuantityRule, Rule, StanceRule
from checker.text import match_form

BOUND_QUALIFIERS = frozenset({"at-least", "more-than", "up-to", "fewer-than", "nearly", "range"})
ROUNDING_QUALIFIERS = frozenset({"about"})
DIMENSIONS: tuple[tuple[str, Reason], ...] = (
    ("unit", "different-unit"), ("period", "different-time"), ("scope", "different-scope"))


def period(as_of: str | None) -> str:
    """The as-of period statements are compared in: the month, or the year when that is all there is."""
    return (as_of or "")[:7]


def _key(mention: Mention, dimension: str) -> str:
    if dimension == "period":
        return period(mention.as_of)
    return str(getattr(mention, dimension) or "").lower()


def _bucket(mention: Mention) -> tuple[str, str, str]:
    return _key(mention, "unit"), _key(mention, "period"), _key(mention, "scope")


def _intervals_clash(intervals: list[Interval]) -> bool:
    """Whether some two intervals do not overlap: the highest low against the lowest high."""
    highest_low = max(intervals, key=lambda i: (i.low, i.low_open))
    lowest_high = min(intervals, key=lambda i: (i.high, not i.high_open))
    return not highest_low.overlaps(lowest_high)


def _dates_clash(values: Iterable[str]) -> bool:
    """Whether two dates differ at the precision both give (2021-01 and 2021-01-14 agree)."""
    distinct = set(values)
    return any(len({v[:width] for v in distinct if len(v) >= width}) > 1 for width in (4, 7, 10))


def _statement(mention: Mention) -> tuple[object, ...]:
    """What a mention states, apart from who and where."""
    return mention.value, mention.qualifier, mention.stance


def _quantity_bucket_reasons(mentions: list[Mention]) -> tuple[bool, set[Reason]]:
    intervals = [m.interval or Interval(low=float(m.value), high=float(m.value)) for m in mentions]  # type: ignore[arg-type]
    if _intervals_clash(intervals):
        return True, set()
    reasons: set[Reason] = set()
    if len({_statement(m) for m in mentions}) > 1:
        qualifiers = {m.qualifier for m in mentions}
        if qualifiers & BOUND_QUALIFIERS:
            reasons.add("bound")
        if qualifiers & ROUNDING_QUALIFIERS:
            reasons.add("rounding")
    return False, reasons


def _bucket_verdict(rule: Rule, mentions: list[Mention]) -> tuple[bool, set[Reason]]:
    """Whether the statements of one bucket clash, or which qualifiers reconcile them."""
    if isinstance(rule, QuantityRule):
        return _quantity_bucket_reasons(mentions)
    if isinstance(rule, StanceRule):
        return len({m.stance for m in mentions}) > 1, set()
    return _dates_clash(str(m.value) for m in mentions), set()


def fingerprint(rule_id: str, mentions: Iterable[Mention]) -> str:
    """A stable id for a finding: the rule and the cited statements' words, not their positions.

    Moving text, adding unrelated sources or retitling the rule keeps it; changing a cited
    statement changes it.
    """
    statements = sorted({(m.source, " ".join(match_form(m.sentence).split())) for m in mentions})
    digest = hashlib.sha256(rule_id.encode())
    for source, sentence in statements:
        digest.update(b"\x00" + source.encode() + b"\x00" + sentence.encode())
    return digest.hexdigest()[:16]


def describe(mention: Mention) -> str:
    """A mention's statement in a few words: `at least 545 parents` or `deny`."""
    if mention.stance:
        return mention.stance
    if mention.interval is not None and mention.qualifier == "range":
        return f"{mention.interval.describe()} {mention.unit or ''}".strip()
    if isinstance(mention.value, (int, float)):
        value = f"{mention.value:,.0f}" if float(mention.value).is_integer() else f"{mention.value:,}"
        qualifier = (mention.qualifier or "").replace("-", " ")
        return " ".join(filter(None, [qualifier, value, mention.unit]))
    return str(mention.value)


def _message(verdict: Verdict, reasons: list[Reason], mentions: list[Mention]) -> str:
    seen: dict[tuple[object, ...], Mention] = {}
    for mention in mentions:
        seen.setdefault((_statement(mention), _bucket(mention)), mention)
    sides = [f"{describe(m)} ({', '.join(filter(None, [m.speaker, m.as_of]))})" for m in seen.values()]
    shown = " vs ".join(sides[:3]) + (f" and {len(sides) - 3} more" if len(sides) > 3 else "")
    if verdict == "contradiction":
        return f"Contradiction: {shown}"
    return f"Apparent ({', '.join(r.replace('-', ' ') for r in reasons)}): {shown}"


def compare_rule(rule: Rule, mentions: list[Mention]) -> Finding | None:
    """The finding for one rule's mentions, or None when they all agree."""
    if len({_statement(m) for m in mentions}) < 2:
        return None
    buckets: dict[tuple[str, str, str], list[Mention]] = defaultdict(list)
    for mention in mentions:
        buckets[_bucket(mention)].append(mention)
    clash = False
    reasons: set[Reason] = set()
    for bucket in buckets.values():
        bucket_clash, bucket_reasons = _bucket_verdict(rule, bucket)
        clash |= bucket_clash
        reasons |= bucket_reasons
    for dimension, reason in DIMENSIONS:
        if len({_key(m, dimension) for m in mentions}) > 1:
            reasons.add(reason)
    if clash:
        verdict: Verdict = "contradiction"
        ordered: list[Reason] = []
    else:
        verdict = "apparent"
        ordered = [r for r in ("different-unit", "different-time", "different-scope", "bound", "rounding")
                   if r in reasons]
        if not ordered:
            return None
    cited = sorted(mentions, key=lambda m: (m.source, m.start, m.span_start))
    return Finding(
        rule=rule.id, type=rule.type, title=rule.title, verdict=verdict, reasons=ordered,
        severity=rule.severity, fingerprint=fingerprint(rule.id, cited),
        message=_message(verdict, ordered, cited), mentions=cited,
    )


def compare(rules: Iterable[Rule], mentions: Iterable[Mention]) -> list[Finding]:
    """Findings for every rule, contradictions first, then by rule id."""
    by_rule: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_rule[mention.rule].append(mention)
    findings = [f for rule in rules if (f := compare_rule(rule, by_rule.get(rule.id, [])))]
    return sorted(findings, key=lambda f: (f.verdict != "contradiction", f.rule))
