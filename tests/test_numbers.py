"""find_quantities: values, qualifiers, intervals, units and what is not a count."""

from __future__ import annotations

import math

import pytest

from checker.extract.numbers import Quantity, find_quantities

INF = math.inf


def one(text: str, units: tuple[str, ...] = ()) -> Quantity:
    found = find_quantities(text, units)
    assert len(found) == 1, found
    return found[0]


def bounds(q: Quantity) -> tuple[float, float, bool, bool]:
    return q.interval.low, q.interval.high, q.interval.low_open, q.interval.high_open


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("545 parents were missing", 545, "parents"),
    ("3,000 children", 3000, "children"),
    ("1,234,567 voters", 1234567, "voters"),
    ("a rise of 1.5 points", 1.5, "points"),
    ("$227 million", 227000000, "dollars"),
    ("$500 in fines", 500, "dollars"),
    ("1.5 billion people", 1500000000, "people"),
    ("2.3 million jobs", 2300000, "jobs"),
    ("two million refugees", 2000000, "refugees"),
    ("five hundred forty-five parents", 545, "parents"),
    ("five hundred and forty-five parents", 545, "parents"),
    ("Twelve families", 12, "families"),
    ("twenty-one children", 21, "children"),
    ("a hundred people", 100, "people"),
    ("a dozen reporters", 12, "reporters"),
    ("two dozen guards", 24, "guards"),
    ("40% of parents", 40, "percent"),
    ("40 percent of parents", 40, "percent"),
    ("forty per cent", 40, "percent"),
    ("2000 people", 2000, "people"),
])
def test_values(text: str, value: float, unit: str) -> None:
    q = one(text, ("people",))
    assert q.value == value and type(q.value) is type(value)
    assert q.unit == unit


@pytest.mark.parametrize(("text", "qualifier", "interval"), [
    ("545 parents", None, (545, 545, False, False)),
    ("exactly 545 parents", "exactly", (545, 545, False, False)),
    ("precisely 545 parents", "exactly", (545, 545, False, False)),
    ("at least 545 parents", "at-least", (545, INF, False, True)),
    ("no fewer than 545 parents", "at-least", (545, INF, False, True)),
    ("a minimum of 545 parents", "at-least", (545, INF, False, True)),
    ("more than 3,000 children", "more-than", (3000, INF, True, True)),
    ("over 3,000 children", "more-than", (3000, INF, True, True)),
    ("above 3,000 children", "more-than", (3000, INF, True, True)),
    ("upwards of 3,000 children", "more-than", (3000, INF, True, True)),
    ("in excess of 3,000 children", "more-than", (3000, INF, True, True)),
    ("nearly 3,000 children", "nearly", (2700, 3000, False, True)),
    ("almost 3,000 children", "nearly", (2700, 3000, False, True)),
    ("close to 3,000 children", "nearly", (2700, 3000, False, True)),
    ("just under 3,000 children", "nearly", (2700, 3000, False, True)),
    ("about 3,000 beds", "about", (2700, 3300, False, False)),
    ("approximately 3,000 beds", "about", (2700, 3300, False, False)),
    ("roughly 3,000 beds", "about", (2700, 3300, False, False)),
    ("around 3,000 beds", "about", (2700, 3300, False, False)),
    ("some 3,000 beds", "about", (2700, 3300, False, False)),
    ("an estimated 3,000 beds", "about", (2700, 3300, False, False)),
    ("estimated 3,000 beds", "about", (2700, 3300, False, False)),
    ("~3,000 beds", "about", (2700, 3300, False, False)),
    ("up to 300 beds", "up-to", (0, 300, False, False)),
    ("as many as 300 beds", "up-to", (0, 300, False, False)),
    ("at most 300 beds", "up-to", (0, 300, False, False)),
    ("no more than 300 beds", "up-to", (0, 300, False, False)),
    ("fewer than 300 beds", "fewer-than", (0, 300, False, True)),
    ("less than 300 beds", "fewer-than", (0, 300, False, True)),
    ("under 300 beds", "fewer-than", (0, 300, False, True)),
    ("below 300 beds", "fewer-than", (0, 300, False, True)),
    ("More Than 300 beds", "more-than", (300, INF, True, True)),
    ("more than $5 million", "more-than", (5000000, INF, True, True)),
    ("about a dozen beds", "about", (10.8, 13.2, False, False)),
])
def test_qualifiers(text: str, qualifier: str | None, interval: tuple[float, float, bool, bool]) -> None:
    q = one(text)
    assert q.qualifier == qualifier
    assert bounds(q) == pytest.approx(interval)
    assert q.start == 0 and q.text == text[: q.end]


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("dozens of families", 24, 143, "families"),
    ("hundreds of children", 200, 999, "children"),
    ("thousands of migrants", 2000, 9999, "migrants"),
    ("tens of thousands of people", 20000, 99999, "people"),
    ("millions of dollars", 2000000, 999999999, "dollars"),
    ("between 200 and 300 people", 200, 300, "people"),
    ("200 to 300 people", 200, 300, "people"),
    ("200-300 people", 200, 300, "people"),
    ("200–300 people", 200, 300, "people"),
    ("between 2 and 3 million people", 2000000, 3000000, "people"),
    ("between two and three hundred people", 2, 300, "people"),
    ("$2-$3 billion", 2000000000, 3000000000, "dollars"),
])
def test_ranges(text: str, low: float, high: float, unit: str) -> None:
    q = one(text)
    assert q.qualifier == "range"
    assert bounds(q) == (low, high, False, False)
    assert q.value == low and q.unit == unit


@pytest.mark.parametrize("text", [
    "in 2018 the policy changed",
    "a 2019 funding shortfall",
    "since the 2016 election",
    "from 2018 to 2020",
    "in 2018-2019",
    "on Jan. 14 officials said",
    "on June 20, 2018 officials said",
    "on 14 January they met",
    "the 5 March meeting",
    "at 3:30 p.m.",
    "at 3 p.m.",
    "the 2nd and 21st of the month",
    "the first and twenty-first century",
    "the U.S.-Mexico border",
    "COVID-19 cases",
    "along I-95",
    "No. 5 on the list",
    "One of the officials said",
    "one of the parents",
    "a 3-year-old boy",
    "on 2021-01-14",
    "",
])
def test_not_quantities(text: str) -> None:
    assert find_quantities(text, ("parents", "people")) == []


@pytest.mark.parametrize(("text", "units", "value", "unit"), [
    ("in 2018 people fled", ("people",), 2018, "people"),
    ("one parent was found", ("parents",), 1, "parents"),
    ("one migrant child was found", ("children",), 1, "children"),
    ("1 child was found", (), 1, "child"),
])
def test_kept_only_with_a_unit(text: str, units: tuple[str, ...], value: int, unit: str) -> None:
    q = one(text, units)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(("text", "units", "unit", "written"), [
    ("545 parents separated from their children", (), "parents", "parents"),
    ("545 parents separated from their children", ("parents", "children"), "parents", "parents"),
    ("628 migrant children", (), "children", "children"),
    ("628 unaccompanied migrant children", ("Children",), "Children", "children"),
    ("about 3,000 beds.", (), "beds", "beds"),
    ("280 families", (), "families", "families"),
    ("280 families", ("family",), "family", "families"),
    ("3 families", ("families",), "families", "families"),
    ("1 child", ("children",), "children", "child"),
    ("5 people", ("person",), "person", "people"),
    ("40 feet", ("foot",), "foot", "feet"),
    ("12 wolves", ("wolf",), "wolf", "wolves"),
    ("3,000 hospital beds were needed", (), "beds", "beds"),
    ("3,000 detained migrants", (), "migrants", "migrants"),
    ("300 children remain missing", (), "children", "children"),
    ("300 children still separated", (), "children", "children"),
    ("12 new cases reported", (), "cases", "cases"),
    ("200 Texas residents", (), "residents", "residents"),
    ("200 Americans died", (), "americans", "Americans"),
    ("300 families’ children", ("children",), "families", "families"),
    ("300 children's parents", (), "children", "children"),
    ("300 were deported", (), None, None),
    ("300 of the parents", ("parents",), "parents", "parents"),
    ("$5 million in aid", (), "dollars", None),
    ("$5 million grants", ("grants",), "grants", "grants"),
    ("5 million dollars", (), "dollars", "dollars"),
])
def test_units(text: str, units: tuple[str, ...], unit: str | None, written: str | None) -> None:
    q = one(text, units)
    assert q.unit == unit
    assert (None if q.unit_start is None else text[q.unit_start:q.unit_end]) == written


def test_implied_unit_has_no_span() -> None:
    q = one("a $227 million shortfall")
    assert (q.unit, q.unit_start, q.unit_end) == ("dollars", None, None)


def test_curly_quotes() -> None:
    text = "“At least 545 parents’ whereabouts are unknown,” and ‘about 3,000 beds’ were short."
    first, second = find_quantities(text)
    assert (first.value, first.qualifier, first.unit, first.text) == (545, "at-least", "parents", "At least 545")
    assert (second.value, second.qualifier, second.unit) == (3000, "about", "beds")
    assert text[first.start:first.end] == first.text


def test_offsets_and_order() -> None:
    text = "Officials said 12 children and more than 300 parents, plus hundreds of others."
    found = find_quantities(text)
    assert [q.value for q in found] == [12, 300, 200]
    for q in found:
        assert text[q.start:q.end] == q.text
        if q.unit_start is not None:
            assert text[q.unit_start:q.unit_end].lower() == q.unit


SOURCE_CASES = [
    (
        "At least 545 parents separated from their children at the U.S.-Mexico border under the "
        "now-reversed policy could not be located as of October.",
        (),
        [(545, "at-least", "parents", (545, INF, False, True))],
    ),
    (
        "A court filing last month showed that parents of 628 migrant children separated at the "
        "U.S.-Mexico border through the zero-tolerance policy remain missing.",
        ("parents", "children"),
        [(628, None, "children", (628, 628, False, False))],
    ),
    (
        "As a result, more than 3,000 children were separated from their families and issues regarding "
        "reuniting children with their parents remain as of this date.",
        (),
        [(3000, "more-than", "children", (3000, INF, True, True))],
    ),
    (
        "It also underscores how little was done to address logistical concerns from the start, which "
        "left hundreds of children still separated.",
        (),
        [(200, "range", "children", (200, 999, False, False))],
    ),
    (
        "the implementation of the zero-tolerance policy would result in a 2019 funding shortfall of "
        "$227 million and a shortage of about 3,000 beds.",
        (),
        [(227000000, None, "dollars", (227000000, 227000000, False, False)),
         (3000, "about", "beds", (2700, 3300, False, False))],
    ),
    (
        "resulting in the separation of approximately 280 families",
        (),
        [(280, "about", "families", (252, 308, False, False))],
    ),
]


@pytest.mark.parametrize(("text", "units", "expected"), SOURCE_CASES)
def test_source_sentences(text: str, units: tuple[str, ...], expected: list[tuple]) -> None:
    found = find_quantities(text, units)
    got = [(q.value, q.qualifier, q.unit, bounds(q)) for q in found]
    assert [g[:3] for g in got] == [e[:3] for e in expected]
    for (_, _, _, interval), (*_, want) in zip(got, expected):
        assert interval == pytest.approx(want)
