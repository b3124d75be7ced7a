"""Verdicts and reasons from mentions built by hand, one case a row."""

from __future__ import annotations

import math

import pytest

from checker.compare import compare, compare_rule, fingerprint
from checker.models import Interval, Mention
from checker.rules import DateRule, QuantityRule, StanceRule

COUNT = QuantityRule(id="count", title="Count", type="quantity", unit="parents", related_units=["children"])
STANCE = StanceRule(id="claim", title="Claim", type="stance", affirm=["it happened"])
WHEN = DateRule(id="when", title="When", type="date", phrases=["released"])

BOUNDS = {
    None: lambda n: (n, n, False, False),
    "at-least": lambda n: (n, math.inf, False, False),
    "more-than": lambda n: (n, math.inf, True, False),
    "about": lambda n: (0.9 * n, 1.1 * n, False, False),
    "up-to": lambda n: (0, n, False, False),
    "fewer-than": lambda n: (0, n, False, True),
}


def quantity(value: float, qualifier: str | None = None, unit: str = "parents", as_of: str = "2020-10",
             scope: str | None = None, source: str = "a.txt") -> Mention:
    low, high, low_open, high_open = BOUNDS[qualifier](value)
    return Mention(rule="count", source=source, line=1, start=0, end=10, sentence=f"{qualifier} {value} {unit}",
                   span_start=0, span_end=5, value=value, qualifier=qualifier, unit=unit, as_of=as_of, scope=scope,
                   interval=Interval(low=low, high=high, low_open=low_open, high_open=high_open))


def stance(value: str, as_of: str = "2018-06-21", source: str = "a.txt", scope: str | None = None) -> Mention:
    return Mention(rule="claim", source=source, line=1, start=0, end=10, sentence=f"says {value} {as_of}",
                   span_start=0, span_end=5, stance=value, as_of=as_of, scope=scope)


def when(value: str, source: str = "a.txt") -> Mention:
    return Mention(rule="when", source=source, line=1, start=0, end=10, sentence=f"on {value}", span_start=0,
                   span_end=5, value=value, as_of=value)


CASES = [
    ("same value agrees", COUNT, [quantity(545), quantity(545, source="b.txt")], None, []),
    ("different values clash", COUNT, [quantity(545), quantity(600)], "contradiction", []),
    ("at least reconciles", COUNT, [quantity(545, "at-least"), quantity(600)], "apparent", ["bound"]),
    ("more than is open", COUNT, [quantity(545, "more-than"), quantity(545)], "contradiction", []),
    ("up to reconciles", COUNT, [quantity(600, "up-to"), quantity(545)], "apparent", ["bound"]),
    ("fewer than clashes above", COUNT, [quantity(500, "fewer-than"), quantity(545)], "contradiction", []),
    ("about reconciles", COUNT, [quantity(3000, "about"), quantity(2900)], "apparent", ["rounding"]),
    ("about is not elastic", COUNT, [quantity(3000, "about"), quantity(2000)], "contradiction", []),
    ("different unit and time", COUNT, [quantity(545, "at-least"), quantity(628, unit="children", as_of="2020-12")],
     "apparent", ["different-unit", "different-time"]),
    ("different time", COUNT, [quantity(545, as_of="2020-10"), quantity(628, as_of="2020-12")],
     "apparent", ["different-time"]),
    ("same month is the same time", COUNT, [quantity(545, as_of="2020-10-01"), quantity(628, as_of="2020-10-30")],
     "contradiction", []),
    ("different scope", COUNT, [quantity(3000, "more-than", scope="total"), quantity(200, scope="still")],
     "apparent", ["different-scope"]),
    ("a clash in one bucket wins", COUNT,
     [quantity(545), quantity(600), quantity(700, as_of="2021-01")], "contradiction", []),
    ("affirm and deny clash", STANCE, [stance("affirm"), stance("deny", source="b.txt")], "contradiction", []),
    ("same speaker source still compared", STANCE, [stance("affirm"), stance("deny")], "contradiction", []),
    ("stances over time", STANCE, [stance("affirm"), stance("deny", as_of="2021-01-14")], "apparent",
     ["different-time"]),
    ("stances agree", STANCE, [stance("affirm"), stance("affirm", source="b.txt")], None, []),
    ("same date", WHEN, [when("2021-01-14"), when("2021-01-14", source="b.txt")], None, []),
    ("dates at common precision agree", WHEN, [when("2021-01"), when("2021-01-14")], None, []),
    ("different dates clash", WHEN, [when("2021-01-14"), when("2021-01-07")], "contradiction", []),
]


@pytest.mark.parametrize(("name", "rule", "mentions", "verdict", "reasons"), CASES, ids=[c[0] for c in CASES])
def test_verdicts(name, rule, mentions, verdict, reasons):
    finding = compare_rule(rule, mentions)
    if verdict is None:
        assert finding is None
        return
    assert finding is not None
    assert (finding.verdict, finding.reasons) == (verdict, reasons)
    assert len(finding.mentions) == len(mentions)


def test_fingerprint_ignores_positions_and_changes_with_the_statement():
    moved = quantity(545).model_copy(update={"start": 500, "end": 510, "line": 40})
    assert fingerprint("count", [quantity(545), quantity(600)]) == fingerprint("count", [moved, quantity(600)])
    assert fingerprint("count", [quantity(545), quantity(600)]) != fingerprint("count", [quantity(545), quantity(601)])


def test_findings_are_ordered_contradictions_first():
    findings = compare([COUNT, STANCE], [quantity(545, "at-least"), quantity(600), stance("affirm"), stance("deny")])
    assert [(f.rule, f.verdict) for f in findings] == [("claim", "contradiction"), ("count", "apparent")]


def test_many_mentions_are_one_finding():
    mentions = [quantity(500 + i % 7, source=f"s{i}.txt") for i in range(5000)]
    finding = compare_rule(COUNT, mentions)
    assert finding is not None and finding.verdict == "contradiction" and len(finding.mentions) == 5000
