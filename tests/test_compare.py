"""Versions and findings from mentions built by hand, one case a row."""

from __future__ import annotations

import math

import pytest

from checker.compare import compare, fingerprint, versions_of
from checker.models import Finding, Interval, Mention
from checker.rules import DateRule, QuantityRule, ShareRule, StanceRule
from checker.rules.date import PERIOD

COUNT = QuantityRule(id="count", title="Count", type="quantity", unit="parents", related_units=["children"],
                     scopes={"total": ["in all"], "still": ["still"]})
STANCE = StanceRule(id="claim", title="Claim", type="stance", affirm=["it happened"])
WHEN = DateRule(id="when", title="When", type="date", phrases=["released"])
SHARE = ShareRule(id="share", title="Share", type="share", about=["patients"])

BOUNDS = {
    None: lambda n: (n, n, False, False),
    "at-least": lambda n: (n, math.inf, False, False),
    "more-than": lambda n: (n, math.inf, True, False),
    "about": lambda n: (0.9 * n, 1.1 * n, False, False),
    "up-to": lambda n: (0, n, False, False),
    "fewer-than": lambda n: (0, n, False, True),
}


def quantity(value: float, qualifier: str | None = None, unit: str = "parents", as_of: str = "2020-10",
             scope: str | None = None, source: str = "a.txt", rule: str = "count") -> Mention:
    low, high, low_open, high_open = BOUNDS[qualifier](value)
    return Mention(rule=rule, source=source, line=1, start=0, end=10, sentence=f"{qualifier} {value} {unit}",
                   span_start=0, span_end=5, value=value, qualifier=qualifier, unit=unit, as_of=as_of, scope=scope,
                   interval=Interval(low=low, high=high, low_open=low_open, high_open=high_open),
                   statement=f"{qualifier or ''} {value} {unit}".strip())


def stance(value: str, as_of: str = "2018-06-21", source: str = "a.txt", scope: str | None = None) -> Mention:
    return Mention(rule="claim", source=source, line=1, start=0, end=10, sentence=f"says {value} {as_of}",
                   span_start=0, span_end=5, stance=value, as_of=as_of, scope=scope, statement=value)


def when(value: str, source: str = "a.txt", period: bool = False, published: str = "2021-01-20") -> Mention:
    return Mention(rule="when", source=source, line=1, start=0, end=10, sentence=f"on {value}", span_start=0,
                   span_end=5, value=value, as_of=published, qualifier=PERIOD if period else None, statement=value)


def findings_of(rule, mentions) -> list[Finding]:
    return compare([rule], mentions)[0]


def verdicts(findings: list[Finding]) -> list[tuple[str, list[str], list[str]]]:
    return [(f.verdict, f.reasons, [s.statement for s in f.sides]) for f in findings]


CASES = [
    ("same value agrees", COUNT, [quantity(545), quantity(545, source="b.txt")], []),
    ("different values clash", COUNT, [quantity(545), quantity(600)], [("contradiction", [])]),
    ("at least reconciles", COUNT, [quantity(545, "at-least"), quantity(600)], [("apparent", ["bound"])]),
    ("more than is open", COUNT, [quantity(545, "more-than"), quantity(545)], [("contradiction", [])]),
    ("up to reconciles", COUNT, [quantity(600, "up-to"), quantity(545)], [("apparent", ["bound"])]),
    ("fewer than clashes above", COUNT, [quantity(500, "fewer-than"), quantity(545)], [("contradiction", [])]),
    ("about reconciles", COUNT, [quantity(3000, "about"), quantity(2900)], [("apparent", ["rounding"])]),
    ("about is not elastic", COUNT, [quantity(3000, "about"), quantity(2000)], [("contradiction", [])]),
    ("different unit and time", COUNT, [quantity(545, "at-least"), quantity(628, unit="children", as_of="2020-12")],
     [("apparent", ["different-unit", "different-time"])]),
    ("different time", COUNT, [quantity(545, as_of="2020-10"), quantity(628, as_of="2020-12")],
     [("apparent", ["different-time"])]),
    ("compatible over time is no finding", COUNT, [quantity(545, "at-least", as_of="2020-10"),
                                                   quantity(628, as_of="2020-12")], []),
    ("same month is the same time", COUNT, [quantity(545, as_of="2020-10-01"), quantity(628, as_of="2020-10-30")],
     [("contradiction", [])]),
    ("different scope", COUNT, [quantity(3000, "more-than", scope="total"), quantity(200, scope="still")],
     [("apparent", ["different-scope"])]),
    ("affirm and deny clash", STANCE, [stance("affirm"), stance("deny", source="b.txt")], [("contradiction", [])]),
    ("same source still compared", STANCE, [stance("affirm"), stance("deny")], [("contradiction", [])]),
    ("stances over time", STANCE, [stance("affirm"), stance("deny", as_of="2021-01-14")],
     [("apparent", ["different-time"])]),
    ("stances agree", STANCE, [stance("affirm"), stance("affirm", source="b.txt")], []),
    ("same date", WHEN, [when("2021-01-14"), when("2021-01-14", source="b.txt")], []),
    ("dates at common precision agree", WHEN, [when("2021-01"), when("2021-01-14")], []),
    ("a month and a day in it agree whenever published", WHEN,
     [when("2018-11", published="2018-11-09"), when("2018-11-07", published="2019-03-01")], []),
    ("different dates clash", WHEN, [when("2021-01-14"), when("2021-01-07")], [("contradiction", [])]),
    ("a vague week agrees with a day in it", WHEN, [when("2018-06-11/2018-06-17"), when("2018-06-14")], []),
    ("periods with the same ends agree", WHEN,
     [when("2019-02/2019-10", period=True), when("2019-02-01/2019-10-31", period=True)], []),
    ("periods with other ends clash", WHEN,
     [when("2019-02/2019-10", period=True), when("2019-03/2019-10", period=True)], [("contradiction", [])]),
    ("a date inside a period agrees", WHEN, [when("2019-02/2019-10", period=True), when("2019-05")], []),
    ("a date outside a period clashes", WHEN, [when("2019-02/2019-10", period=True), when("2019-12")],
     [("contradiction", [])]),
]


@pytest.mark.parametrize(("name", "rule", "mentions", "expected"), CASES, ids=[c[0] for c in CASES])
def test_verdicts(name, rule, mentions, expected):
    got = findings_of(rule, mentions)
    assert [(f.verdict, f.reasons) for f in got] == expected
    for finding in got:
        assert len(finding.sides) == 2


def test_statements_that_agree_are_one_version_citing_every_source():
    versions = versions_of(COUNT, [quantity(120, source=f"s{i}.txt") for i in range(3)] + [quantity(140)])
    assert [(v.statement, v.sources) for v in versions] == [
        ("120 parents", ["s0.txt", "s1.txt", "s2.txt"]), ("140 parents", ["a.txt"])]


def test_neighbours_in_time_only():
    """120 -> 140 -> 133 -> 129 over four months: three apparent findings, not six."""
    mentions = [quantity(v, as_of=m) for v, m in ((120, "2020-10"), (140, "2020-11"), (133, "2020-12"),
                                                  (129, "2021-01"))]
    got = findings_of(COUNT, mentions)
    assert [(f.verdict, [s.as_of for s in f.sides]) for f in got] == [
        ("apparent", ["2020-10", "2020-11"]), ("apparent", ["2020-11", "2020-12"]),
        ("apparent", ["2020-12", "2021-01"])]
    assert all(f.reasons == ["different-time"] for f in got)


def test_a_misread_elsewhere_does_not_change_the_explained_findings():
    good = [quantity(120, as_of="2020-10"), quantity(140, as_of="2020-11")]
    before = findings_of(COUNT, good)
    misread = quantity(9, as_of="2020-10", source="z.txt")
    after = findings_of(COUNT, [*good, misread])
    assert before[0].fingerprint in {f.fingerprint for f in after}
    kept = next(f for f in after if f.fingerprint == before[0].fingerprint)
    assert kept.verdict == "apparent" and kept.reasons == ["different-time"]
    [clash] = [f for f in after if f.verdict == "contradiction"]
    assert sorted(s.statement for s in clash.sides) == ["120 parents", "9 parents"]


def test_agreeing_statements_stay_out_of_a_contradiction():
    got = findings_of(COUNT, [quantity(120, source="a.txt"), quantity(120, source="b.txt"), quantity(150)])
    [clash] = got
    assert clash.verdict == "contradiction"
    assert [s.statement for s in clash.sides] == ["120 parents", "150 parents"]
    assert clash.sides[0].sources == ["a.txt", "b.txt"]


def test_every_clashing_version_is_in_a_contradiction_and_findings_stay_linear():
    values = list(range(100, 200, 2))
    got = findings_of(COUNT, [quantity(v) for v in values])
    assert all(f.verdict == "contradiction" and len(f.sides) == 2 for f in got)
    assert len(got) < 2 * len(values)
    assert {s.statement for f in got for s in f.sides} == {f"{v} parents" for v in values}


def test_a_clash_hidden_behind_a_bound_is_still_reported():
    """fewer than 110 and 120 clash although an `at least 100` overlaps both."""
    got = findings_of(COUNT, [quantity(100, "at-least"), quantity(110, "fewer-than"), quantity(120)])
    clashes = [sorted(s.statement for s in f.sides) for f in got if f.verdict == "contradiction"]
    assert clashes == [["120 parents", "fewer-than 110 parents"]]


def test_scopes_compare_at_the_nearest_time():
    mentions = [quantity(628, as_of="2020-12", scope="still"), quantity(300, as_of="2021-01", scope="still"),
                quantity(3000, "more-than", as_of="2021-01", scope="total")]
    got = findings_of(COUNT, mentions)
    scope_findings = [f for f in got if "different-scope" in f.reasons]
    assert [[s.statement for s in f.sides] for f in scope_findings] == [["300 parents", "more-than 3000 parents"]]
    assert scope_findings[0].reasons == ["different-scope"]


def test_fingerprint_is_the_sides_statements():
    a = versions_of(COUNT, [quantity(545), quantity(600)])
    moved = versions_of(COUNT, [quantity(545).model_copy(update={"start": 500, "line": 40, "sentence": "x"}),
                                quantity(600, source="z.txt")])
    assert fingerprint("count", a) == fingerprint("count", moved)
    other = versions_of(COUNT, [quantity(545), quantity(601)])
    assert fingerprint("count", a) != fingerprint("count", other)


def test_findings_are_ordered_contradictions_first():
    findings, _ = compare([COUNT, STANCE], [quantity(545, "at-least"), quantity(600), stance("affirm"),
                                             stance("deny")])
    assert [(f.rule, f.verdict) for f in findings] == [("claim", "contradiction"), ("count", "apparent")]


def test_many_mentions_of_few_versions():
    mentions = [quantity(500 + i % 7, source=f"s{i}.txt") for i in range(5000)]
    findings, versions = compare([COUNT], mentions)
    assert len(versions) == 7 and sum(len(v.mentions) for v in versions) == 5000
    assert all(f.verdict == "contradiction" for f in findings) and len(findings) == 6


def test_shares_compare_as_shares():
    def share(value: float, qualifier: str | None = None) -> Mention:
        return quantity(value, qualifier, unit="percent", rule="share")
    assert verdicts(findings_of(SHARE, [share(25), share(25.0)])) == []
    assert [f.verdict for f in findings_of(SHARE, [share(15, "about"), share(25)])] == ["contradiction"]
    assert [(f.verdict, f.reasons) for f in findings_of(SHARE, [share(15, "about"), share(14)])] == [
        ("apparent", ["rounding"])]
