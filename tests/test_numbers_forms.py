"""find_quantities on news forms: nouns written elsewhere, levels and changes, shares, written
forms, qualifiers, negated counts, and figures too long to be counts."""

from __future__ import annotations

import math
from datetime import date

import pytest

from checker.extract.dates import find_dates
from checker.extract.numbers import Quantity, find_quantities
from checker.suggest import figures_in

INF = math.inf


def by_unit(text: str, units: tuple[str, ...], unit: str) -> list[Quantity]:
    return [q for q in find_quantities(text, units) if q.unit == unit]


@pytest.mark.parametrize(("text", "unit", "value"), [
    ("Officials put the number of flooded homes at 1,200.", "homes", 1200),
    ("The count of missing hikers is now 14.", "hikers", 14),
    ("The total of stranded drivers rose to 310 by noon.", "drivers", 310),
    ("The number of open beds was cut down to 38.", "beds", 38),
    ("318 of the evacuated residents have returned.", "residents", 318),
    ("The number of homes in 2018 was 300.", "homes", 300),
])
def test_noun_written_elsewhere(text: str, unit: str, value: int) -> None:
    assert [q.value for q in by_unit(text, (unit,), unit)] == [value]


def test_a_figure_compared_with_takes_its_noun() -> None:
    found = find_quantities("Sales reached 4,100 units, up from 3,600 a year earlier.", ("units",))
    assert [(q.value, q.unit) for q in found] == [(4100, "units"), (3600, "units")]


def test_of_the_whole_then_the_part() -> None:
    found = find_quantities("Of the 420 families still waiting, 95 are believed to have left.", ("families",))
    counts = [(q.value, q.unit) for q in found if q.unit != "percent"]
    assert counts == [(420, "families"), (95, "families")]
    (share,) = [q for q in found if q.unit == "percent"]
    assert (share.value, share.share_of) == (22.62, "families")


@pytest.mark.parametrize(("text", "unit", "expected"), [
    ("Visits rose 45% in 2017 to 2.1 million visitors.", "visitors", [(2100000, "level")]),
    ("Deposits grew by $12.4 billion to $310.8 billion.", "dollars",
     [(12400000000, "change"), (310800000000, "level")]),
    ("Sales fell by 300 units to 1,900 units.", "units", [(300, "change"), (1900, "level")]),
    ("The agency added 250 inspectors last year.", "inspectors", [(250, "change")]),
    ("There was an increase of 40 beds.", "beds", [(40, "change")]),
    ("An additional 40 officers will patrol.", "officers", [(40, "change")]),
    ("The city has 40 beds.", "beds", [(40, "level")]),
])
def test_levels_and_changes(text: str, unit: str, expected: list[tuple[int, str]]) -> None:
    assert [(q.value, q.kind) for q in by_unit(text, (unit,), unit)] == expected


def test_a_percentage_change_before_the_level() -> None:
    first, second = find_quantities("Visits rose 45% in 2017 to 2.1 million visitors.", ("visitors",))
    assert (first.unit, first.kind, second.value) == ("percent", "change", 2100000)


@pytest.mark.parametrize(("text", "value", "unit", "qualifier"), [
    ("a $8.2M grant", 8200000, "dollars", None),
    ("4.7m people", 4700000, "people", None),
    ("a $2.3bn deal", 2300000000, "dollars", None),
    ("a £4.1m fund", 4100000, "pounds", None),
    ("a fee of 5 € each", 5, "euros", None),
    ("one trillion dollars", 10**12, "dollars", None),
    ("twenty-one trillion dollars", 21 * 10**12, "dollars", None),
    ("2,000-plus people", 2000, "people", "at-least"),
    ("a 140-page report", 140, "pages", None),
    ("a change of -1.3%", -1.3, "percent", None),
    ("tens of millions of people", 20000000, "people", "range"),
    ("dozens of people", 24, "people", "range"),
    ("half a million people", 500000, "people", None),
    ("a quarter of a million dollars", 250000, "dollars", None),
    ("a fine of EUR 125 million", 125000000, "euros", None),
    ("bonds worth USD 3.2 billion", 3200000000, "dollars", None),
    ("a fee of 350 GBP", 350, "pounds", None),
    ("more than EUR 5m in fines", 5000000, "euros", "more-than"),
    ("a price of 115USD", 115, "dollars", None),
])
def test_written_forms(text: str, value: float, unit: str, qualifier: str | None) -> None:
    (q,) = find_quantities(text)
    assert (q.value, q.unit, q.qualifier) == (value, unit, qualifier)


def test_currency_codes_are_capitals() -> None:
    """A code is the currency only in capitals: "eur" is no euro."""
    assert [q.unit for q in find_quantities("the eur 5 note")] == ["note"]


@pytest.mark.parametrize("text", ["On May 5 EUR ministers met.", "In 2020 EUR rates fell.",
                                  "The 2019 USD bond matured."])
def test_a_code_after_a_year_or_a_day_makes_no_amount(text: str) -> None:
    assert find_quantities(text) == []


def test_a_code_in_a_pair_of_codes_is_left_to_the_unit() -> None:
    assert [(q.value, q.unit) for q in find_quantities("It cost 5 USD/EUR.")] == [(5, "usd")]


@pytest.mark.parametrize(("text", "value", "low", "high", "qualifier", "share_of"), [
    ("A third of the patients left.", 33.33, 100 / 3, 100 / 3, None, "patients"),
    ("about two-thirds of those owners", 66.67, 60.0, 200 / 3 * 1.1, "about", "owners"),
    ("one in four Americans", 25, 25.0, 25.0, None, "americans"),
    ("nearly 15 percent of the patients", 15, 13.5, 15.0, "nearly", "patients"),
    ("half the residents", 50, 50.0, 50.0, None, "residents"),
    ("About one-third of the budget goes to schools.", 33.33, 30.0, 100 / 3 * 1.1, "about", "budget"),
    ("Prices were cut by a third.", 33.33, 100 / 3, 100 / 3, None, None),
    ("three out of five voters", 60, 60.0, 60.0, None, "voters"),
])
def test_shares(text: str, value: float, low: float, high: float, qualifier: str | None,
                share_of: str | None) -> None:
    (q,) = [q for q in find_quantities(text) if q.unit == "percent"]
    assert (q.value, q.qualifier, q.share_of) == (value, qualifier, share_of)
    assert q.interval.low == pytest.approx(low) and q.interval.high == pytest.approx(high)


def test_a_figure_before_in_a_is_no_share() -> None:
    (q,) = find_quantities("The charity raised £250,000 in a month.")
    assert (q.value, q.unit) == (250000, "pounds")


def test_part_of_a_numbered_whole() -> None:
    found = find_quantities("41 of the 230 patients died", ("patients",))
    assert [(q.value, q.unit) for q in found] == [(41, "patients"), (17.83, "percent"), (230, "patients")]
    assert found[1].interval.low == pytest.approx(4100 / 230) and found[1].share_of == "patients"


@pytest.mark.parametrize("text", ["in the second half of the year", "a third round of talks", "the first quarter"])
def test_ordinals_are_not_shares(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(("text", "qualifier", "bounds"), [
    ("no less than thirty people", "at-least", (30, INF)),
    ("no more than thirty people", "up-to", (0, 30)),
    ("just over 400 people", "more-than", (400, INF)),
    ("just under 400 people", "nearly", (360, 400)),
    ("upwards of 300 people", "more-than", (300, INF)),
    ("as many as 50 people", "up-to", (0, 50)),
    ("roughly 50 people", "about", (45, 55)),
])
def test_qualifiers_read_the_right_way_round(text: str, qualifier: str, bounds: tuple[float, float]) -> None:
    (q,) = find_quantities(text)
    assert q.qualifier == qualifier
    assert (q.interval.low, q.interval.high) == pytest.approx(bounds)


@pytest.mark.parametrize(("text", "negated"), [
    ("The city has still not contacted the owners of 212 homes.", True),
    ("The agency never reached 40 families.", True),
    ("The city has yet to inspect 90 homes.", True),
    ("The city contacted the owners of 212 homes.", False),
    ("The city did not comment, but it contacted 212 homes.", False),
    ("The city contacted not more than 212 homes.", False),
])
def test_negated_counts(text: str, negated: bool) -> None:
    (q,) = [q for q in find_quantities(text, ("homes", "families")) if q.unit != "percent"]
    assert q.negated is negated


@pytest.mark.parametrize("digits", [31, 400, 1_000_000])
def test_overlong_figures_are_not_read(digits: int) -> None:
    assert find_quantities("9" * digits + " people") == []


def test_a_figure_near_the_limit_is_read() -> None:
    (q,) = find_quantities("9" * 29 + " dollars")
    assert q.interval.high < INF


def test_a_text_with_a_figure_always_holds_what_may_hold_one() -> None:
    """The paragraph pre-check of quantity and share rules never drops a text the reader finds a figure in."""
    import yaml
    from pathlib import Path

    from checker.extract.numbers import find_quantities, may_hold_figure
    from checker.text import match_form

    folder = Path(__file__).parent.parent / "bench" / "accuracy"
    texts = [case["text"] for name in ("dev.yaml", "heldout.yaml")
             for cases in yaml.safe_load((folder / name).read_text(encoding="utf-8")).values() for case in cases]
    texts += ["A third of them left.", "Two-thirds voted.", "One in four stayed.", "Half a million came.",
              "Dozens were hurt.", "Tens of thousands marched.", "a quarter of the budget"]
    for text in texts:
        if find_quantities(text):
            assert may_hold_figure(match_form(text)), text
    assert not may_hold_figure(match_form("The council met on Monday to discuss the plan."))


CASE_BLIND = ["thouſands of people", "mıllions of people", "half a mıllion people", "5 thouſand homes",
              "two thırds of homes", "two halveſ", "the fırst quarter of 2020", "ſome ten dollars",
              "precısely 300 homes", "Leſſ than eleven homeſ", "next ſpring", "late ſpring of 2021",
              "ſeptember 2021", "THE ORDER WAS SİGNED NEXT fRİDAY", "this ſunday", "ſeven days ago",
              "the day before yeſterday", "laſt week", "ſix homes", "Twenty-ſeven homes"]


@pytest.mark.parametrize("text", CASE_BLIND)
def test_letters_a_case_blind_pattern_takes_for_others_are_read(text: str) -> None:
    """`re.IGNORECASE` takes ſ for s and ı, İ for i: the words it matched are looked up all the same
    (before, a KeyError ended the run)."""
    assert [*find_quantities(text), *find_dates(text, date(2020, 5, 5))]
    find_dates(text, None)
    figures_in(text, "source")
