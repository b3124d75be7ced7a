"""Deciding where a rule's statements conflict: versions, and findings between versions.

Statements that say the same thing (the rule type's canonical statement, with unit, as-of period
and scope) are one *version*. Versions with the same unit, period and scope are *comparable*:
two of them that cannot both hold are a contradiction; two that differ but are reconciled by a
bound or rounding are apparent. Comparable groups are joined into a tree — neighbours in time
within a unit and scope, then each scope and unit to the main one at the nearest time — and a
clash across a link is apparent, explained by what differs (unit, time, scope). Each version
takes part in a bounded number of findings, so findings grow linearly with versions, and the
work is sorting and bisecting, never every version against every other.

The engine asks the rule type (`checker.rules.base.RuleBase`) what a statement is and how two
compare; it never branches on the type.
"""

from __future__ import annotations

import bisect
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator

from checker.models import Finding, Mention, Reason, Verdict, Version
from checker.rules import Rule

REASON_ORDER: tuple[Reason, ...] = ("different-unit", "different-time", "different-scope", "bound", "rounding",
                                    "altered-quote", "misattributed")
PAIRWISE_LIMIT = 30
"""Comparable versions a type without intervals (stance, periods) is compared all-pairs within; past it,
neighbours in the type's order only."""

Context = tuple[str, str, str]
"""(unit, scope, period) of a version: versions of one context are comparable."""


def period(as_of: str | None) -> str:
    """The as-of period statements are compared in: the month, or the year when that is all there is."""
    return (as_of or "")[:7]


def _time_ordinal(time: str) -> float:
    """Months since year 0, for "nearest in time"; a year alone stands at its middle; unknown first."""
    if not time:
        return float("-inf")
    year = int(time[:4]) if time[:4].isdigit() else 0
    return year * 12 + (int(time[5:7]) - 1 if len(time) >= 7 and time[5:7].isdigit() else 5.5)


def context_of(version: Version) -> Context:
    return (version.unit or "").lower(), (version.scope or "").lower(), version.as_of or ""


def version_key(rule: Rule, mention: Mention) -> str:
    """The canonical statement of a mention, with the context it is compared in."""
    time = period(mention.as_of) if rule.timed else ""
    return "|".join((rule.canonical(mention), (mention.unit or "").lower(), time, (mention.scope or "").lower()))


def versions_of(rule: Rule, mentions: Iterable[Mention]) -> list[Version]:
    """The rule's mentions grouped into versions, each citing its mentions in source order."""
    grouped: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        grouped[version_key(rule, mention)].append(mention)
    versions = []
    for key, cited in grouped.items():
        cited.sort(key=lambda m: (m.source, m.start, m.span_start))
        first = cited[0]
        versions.append(Version(
            rule=rule.id, key=key, statement=first.statement, value=first.value, interval=first.interval,
            qualifier=first.qualifier, unit=first.unit, as_of=period(first.as_of) if rule.timed else None,
            scope=first.scope, stance=first.stance, mentions=cited))
    main = rule.main_unit().lower()
    versions.sort(key=lambda v: ((v.unit or "").lower() != main, context_of(v), rule.order(v), v.key))
    return versions


def fingerprint(rule_id: str, sides: Iterable[Version]) -> str:
    """A finding's stable id: the rule and the canonical statements of its sides, never the sentences.

    A new source repeating a version joins it and changes nothing; changing what a side states
    changes it.
    """
    digest = hashlib.sha256(rule_id.encode())
    for key in sorted({side.key for side in sides}):
        digest.update(b"\x00" + key.encode())
    return digest.hexdigest()[:16]


Pair = tuple[Version, Version, Verdict, list[Reason]]


def _clashes_within(rule: Rule, versions: list[Version]) -> Iterator[Pair]:
    """Conflicts among comparable versions: each version's nearest clash above and below, and
    neighbours that a bound or rounding reconciles."""
    found = [rule.bounds(v) for v in versions]
    bounds = [b for b in found if b is not None]
    if len(bounds) < len(found):
        yield from _pairwise(rule, versions)
        return
    by_low = sorted(range(len(versions)), key=lambda i: bounds[i])
    lows = [bounds[i][0] for i in by_low]
    by_high = sorted(range(len(versions)), key=lambda i: bounds[i][1])
    highs = [bounds[i][1] for i in by_high]
    for i, version in enumerate(versions):
        low, high = bounds[i]
        for j in by_low[bisect.bisect_left(lows, high):]:  # nearest wholly above
            if j != i and rule.compare(version, versions[j])[0] == "clash":
                yield version, versions[j], "contradiction", []
                break
        for j in reversed(by_high[:bisect.bisect_right(highs, low)]):  # nearest wholly below
            if j != i and rule.compare(version, versions[j])[0] == "clash":
                yield versions[j], version, "contradiction", []
                break
    for i, j in zip(by_low, by_low[1:]):
        outcome, reasons = rule.compare(versions[i], versions[j])
        if outcome == "compatible" and reasons:
            yield versions[i], versions[j], "apparent", reasons


def _agreements(rule: Rule, version: Version, versions: list[Version]) -> int:
    """How many of a few versions say what `version` says (0 past PAIRWISE_LIMIT, to stay linear)."""
    if len(versions) > PAIRWISE_LIMIT:
        return 0
    return sum(1 for other in versions if other is not version and rule.compare(version, other)[0] != "clash")


def _pairwise(rule: Rule, versions: list[Version]) -> Iterator[Pair]:
    """Comparable versions without intervals: every pair (up to PAIRWISE_LIMIT, then neighbours), or, for
    a type that compares against a reference, each version against the weightiest one."""
    ordered = sorted(versions, key=rule.order)
    if not rule.all_pairs:
        reference = max(ordered, key=lambda v: (len(v.sources), _agreements(rule, v, ordered), rule.weight(v)))
        pairs = [(reference, v) for v in ordered if v is not reference]
    elif len(ordered) <= PAIRWISE_LIMIT:
        pairs = [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:]]
    else:
        pairs = list(zip(ordered, ordered[1:]))
    for a, b in pairs:
        outcome, reasons = rule.compare(a, b)
        if outcome == "clash":
            yield a, b, "contradiction", reasons
        elif outcome == "compatible" and reasons:
            yield a, b, "apparent", reasons


def _across(rule: Rule, earlier: list[Version], later: list[Version]) -> Iterator[Pair]:
    """Each version of `later` against the nearest (in the type's order) of `earlier`: apparent when
    they clash, explained by what differs between their contexts."""
    ordered = sorted(earlier, key=rule.order)
    keys = [rule.order(v) for v in ordered]
    for version in later:
        at = bisect.bisect_left(keys, rule.order(version))
        near = [ordered[k] for k in (at - 1, at) if 0 <= k < len(ordered)]
        nearest = min(near, key=lambda v: abs(rule.order(v) - rule.order(version)))
        outcome, _ = rule.compare(nearest, version)
        if outcome != "clash":
            continue
        a, b = context_of(nearest), context_of(version)
        dimensions: tuple[tuple[Reason, bool], ...] = (
            ("different-unit", a[0] != b[0]), ("different-time", a[2] != b[2]), ("different-scope", a[1] != b[1]))
        reasons = [reason for reason, differs in dimensions if differs]
        yield nearest, version, "apparent", reasons


def _links(rule: Rule, contexts: dict[Context, list[Version]]) -> Iterator[tuple[Context, Context]]:
    """The tree joining comparable groups: neighbours in time within a (unit, scope), then each scope to
    its unit's main scope and each unit to the rule's main unit, at the nearest time."""
    chains: dict[tuple[str, str], list[Context]] = defaultdict(list)
    for context in contexts:
        chains[context[:2]].append(context)
    for chain in chains.values():
        chain.sort(key=lambda c: _time_ordinal(c[2]))
        yield from zip(chain, chain[1:])
    if not chains:
        return
    scope_rank = {name.lower(): i for i, name in enumerate(rule.scopes)}
    units = sorted({unit for unit, _ in chains}, key=lambda u: (u != rule.main_unit().lower(), u))
    main_unit = units[0]

    def root(unit: str) -> tuple[str, str]:
        return min((c for c in chains if c[0] == unit), key=lambda c: (c[1] != "", scope_rank.get(c[1], 99), c[1]))

    for unit, scope in sorted(chains):
        if (unit, scope) != root(unit):
            parent = root(unit)
        elif unit != main_unit:
            parent = (main_unit, scope) if (main_unit, scope) in chains else root(main_unit)
        else:
            continue
        yield _nearest_pair(chains[parent], chains[(unit, scope)])


def _nearest_pair(parent: list[Context], child: list[Context]) -> tuple[Context, Context]:
    """The contexts of two chains nearest in time (the later one on a tie)."""
    times = [_time_ordinal(c[2]) for c in parent]
    best: tuple[float, float, Context, Context] | None = None
    for context in child:
        t = _time_ordinal(context[2])
        at = bisect.bisect_left(times, t)
        for k in (at - 1, at):
            if 0 <= k < len(parent):
                gap = abs(times[k] - t) if times[k] != t else 0.0
                candidate = (gap, -max(times[k], t), parent[k], context)
                if best is None or candidate[:2] < best[:2]:
                    best = candidate
    assert best is not None
    return best[2], best[3]


def _message(verdict: Verdict, reasons: list[Reason], sides: list[Version]) -> str:
    shown = " vs ".join(side.label() for side in sides)
    if verdict == "contradiction":
        why = f" ({', '.join(r.replace('-', ' ') for r in reasons)})" if reasons else ""
        return f"Contradiction{why}: {shown}"
    return f"Apparent ({', '.join(r.replace('-', ' ') for r in reasons)}): {shown}"


def conflicts(rule: Rule, versions: list[Version]) -> list[Finding]:
    """The findings among one rule's versions: contradictions within comparable groups, apparent ones
    within them (bound, rounding) and across the links between them."""
    contexts: dict[Context, list[Version]] = defaultdict(list)
    for version in versions:
        contexts[context_of(version)].append(version)
    pairs: list[Pair] = []
    for group in contexts.values():
        if len(group) > 1:
            pairs += _clashes_within(rule, group)
    for earlier, later in _links(rule, contexts):
        pairs += _across(rule, contexts[earlier], contexts[later])
    findings: dict[str, Finding] = {}
    for a, b, verdict, reasons in pairs:
        sides = sorted((a, b), key=lambda v: (v.as_of or "", rule.order(v)))  # a tie keeps the reference first
        print_id = fingerprint(rule.id, sides)
        if print_id in findings:
            continue
        ordered = [r for r in REASON_ORDER if r in reasons]
        findings[print_id] = Finding(
            rule=rule.id, type=rule.type, title=rule.title, verdict=verdict, reasons=ordered,
            severity=rule.severity, fingerprint=print_id, message=_message(verdict, ordered, sides), sides=sides,
            highlights=rule.highlights(*sides))
    return list(findings.values())


def compare(rules: Iterable[Rule], mentions: Iterable[Mention]) -> tuple[list[Finding], list[Version]]:
    """Findings for every rule (contradictions first, then by rule), and every version of every rule."""
    by_rule: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_rule[mention.rule].append(mention)
    findings: list[Finding] = []
    all_versions: list[Version] = []
    for rule in rules:
        versions = versions_of(rule, by_rule.get(rule.id, []))
        all_versions += versions
        findings += conflicts(rule, versions)
    findings.sort(key=finding_order)
    return findings, all_versions


def finding_order(finding: Finding) -> tuple[bool, str, list[tuple[str, str]]]:
    """Where a finding goes in the report: contradictions first, then by rule and sides. The sort is
    stable, so rules compared apart and merged with it come out as when compared together."""
    return finding.verdict != "contradiction", finding.rule, [(s.as_of or "", s.key) for s in finding.sides]
