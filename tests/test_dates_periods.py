"""find_dates on periods, vague and forward references; choose_as_of and choose_date; hostile input."""

from __future__ import annotations

import time
from datetime import date

import pytest

from checker.extract.dates import choose_as_of, choose_date, find_dates

PUBLISHED = date(2021, 4, 28)  # a Wednesday


def read(text: str, published: date | None = PUBLISHED) -> list[tuple[str, str, bool, str, str]]:
    return [(d.value, d.precision, d.period, d.first.isoformat(), d.last.isoformat())
            for d in find_dates(text, published)]


@pytest.mark.parametrize(("text", "value", "precision", "first", "last"), [
    ("The trial ran from February to August 2019.", "2019-02/2019-08", "month", "2019-02-01", "2019-08-31"),
    ("Inspections ran from February through October 2019.", "2019-02/2019-10", "month", "2019-02-01", "2019-10-31"),
    ("It happened in April and May of 2016.", "2016-04/2016-05", "month", "2016-04-01", "2016-05-31"),
    ("from June through December of 2014", "2014-06/2014-12", "month", "2014-06-01", "2014-12-31"),
    ("between April 2 and May 16, 2019", "2019-04-02/2019-05-16", "day", "2019-04-02", "2019-05-16"),
    ("from November 2017 to March 2018", "2017-11/2018-03", "month", "2017-11-01", "2018-03-31"),
    ("from November to February 2019", "2018-11/2019-02", "month", "2018-11-01", "2019-02-28"),
    ("between 2015 and 2018", "2015/2018", "year", "2015-01-01", "2018-12-31"),
    ("on March 3-9, 2020", "2020-03-03/2020-03-09", "day", "2020-03-03", "2020-03-09"),
    ("in the third quarter of 2020", "2020-07/2020-09", "month", "2020-07-01", "2020-09-30"),
    ("Q4 2019 results", "2019-10/2019-12", "month", "2019-10-01", "2019-12-31"),
    ("Sales rose in the first quarter.", "2021-01/2021-03", "month", "2021-01-01", "2021-03-31"),
    ("Sales fell in the fourth quarter.", "2020-10/2020-12", "month", "2020-10-01", "2020-12-31"),
])
def test_one_period(text: str, value: str, precision: str, first: str, last: str) -> None:
    assert read(text) == [(value, precision, True, first, last)]


@pytest.mark.parametrize(("text", "value", "precision"), [
    ("last week", "2021-04-19/2021-04-25", "week"),
    ("earlier this week", "2021-04-26/2021-05-02", "week"),
    ("earlier this month", "2021-04", "month"),
    ("three years ago", "2018", "year"),
    ("in the spring of 2018", "2018-03/2018-05", "season"),
    ("in spring 2019", "2019-03/2019-05", "season"),
    ("last summer", "2020-06/2020-08", "season"),
    ("this spring", "2021-03/2021-05", "season"),
    ("published on Friday, March 3, 2017", "2017-03-03", "day"),
])
def test_vague_keeps_its_vagueness(text: str, value: str, precision: str) -> None:
    assert [(d.value, d.precision, d.period) for d in find_dates(text, PUBLISHED)] == [(value, precision, False)]


@pytest.mark.parametrize(("text", "value"), [
    ("The park will open on May 12.", "2021-05-12"),
    ("On May 12, the park will open.", "2021-05-12"),
    ("The park opened on May 12.", "2020-05-12"),
    ("The vote is scheduled for Friday.", "2021-04-30"),
    ("The orders will be reviewed on Friday.", "2021-04-30"),
    ("Crews expect full containment by May 10.", "2021-05-10"),
    ("The council met on Friday.", "2021-04-23"),
    ("next month", "2021-05"),
    ("next year", "2022"),
    ("tomorrow", "2021-04-29"),
    ("this September", "2021-09"),
    ("by the end of the year", "2021-12-31"),
    ("The ban will take effect in June.", "2021-06"),
    ("The hearing runs April 30-May 2.", "2021-04-30/2021-05-02"),
    ("The hearing runs May 3-5.", "2021-05-03/2021-05-05"),
    ("Officials said Monday that the park will open on June 1.", "2021-06-01"),
])
def test_forward_references_resolve_forward(text: str, value: str) -> None:
    assert find_dates(text, PUBLISHED)[-1].value == value


@pytest.mark.parametrize(("published", "value"), [
    (date(2021, 1, 8), "2021-03/2021-05"), (date(2019, 7, 25), "2019-03/2019-05")])
def test_this_season_is_this_years(published: date, value: str) -> None:
    assert [d.value for d in find_dates("funding arrived this spring", published)] == [value]


def test_a_price_is_no_day_of_the_month() -> None:
    assert [d.text for d in find_dates("I bought it for $12 December 27", PUBLISHED)] == ["December 27"]


def test_said_on_a_weekday_stays_past_before_a_future_clause() -> None:
    found = find_dates("Officials said on Monday the park will open on June 1.", PUBLISHED)
    assert [d.value for d in found] == ["2021-04-26", "2021-06-01"]


@pytest.mark.parametrize("text", ["prices fall sharply", "they may spring a surprise", "this may be true",
                                  "in the third quarter of the game"])
def test_season_and_month_words_that_are_not_dates(text: str) -> None:
    assert find_dates(text, PUBLISHED) == []


def _as_of(text: str, figure: str, published: date | None = PUBLISHED) -> str | None:
    start = text.index(figure)
    return choose_as_of(text, find_dates(text, published), (start, start + len(figure)), published)


@pytest.mark.parametrize(("text", "figure", "as_of"), [
    ("Data released earlier this month showed 1,200 homes flooded in the five days that ended May 31.",
     "1,200 homes", "2020-05-31"),
    ("Previously, officials had counted 300 homes.", "300 homes", None),
    ("Officials counted 300 homes.", "300 homes", "2021-04-28"),
    ("As of March 1, 4,000 people had registered.", "4,000 people", "2021-03-01"),
    ("From February through October 2019, 812 patients were treated.", "812 patients", "2019-10"),
    ("The curfew was lifted by a 2015 decree, and a court later ordered 40 shops paid.", "40 shops",
     "2021-04-28"),
    ("Visits rose 45% in 2017 to 2.1 million visitors.", "2.1 million", "2017"),
    ("Last week 90 people applied.", "90 people", "2021-04-25"),
    ("Sales reached 4,100 units, up from 3,600 a year earlier.", "3,600", None),
    ("Sales reached 4,100 units, up from 3,600 a year earlier.", "4,100", "2021-04-28"),
    ("Enrollment rose to 900 students in 2021, up from 750 in 2019.", "750", "2019"),
    ("Some 1,400 firefighters are assigned, up from 900 on Friday.", "1,400", "2021-04-28"),
    ("Some 1,400 firefighters are assigned, up from 900 on Friday.", "900", "2021-04-23"),
    ("Prices climbed to $4.10 a gallon in March from $3.20 a year before.", "$3.20", None),
    ("Prices climbed to $4.10 a gallon in March from $3.20 a year before.", "$4.10", "2021-03"),
    ("Enrollment rose to 900 students in 2021, up from 750 in 2019.", "900", "2021"),
])
def test_choose_as_of(text: str, figure: str, as_of: str | None) -> None:
    assert _as_of(text, figure) == as_of


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("The report was published on Friday, March 3, 2017.", "published", "2017-03-03"),
    ("The curfew was lifted by a 2015 decree, and a court later ordered the city to pay.", "court", None),
    ("The curfew was lifted by a 2015 decree, and a court later ordered the city to pay.", "lifted", "2015"),
    ("On Tuesday the agency said the plant closed on April 2.", "closed", "2021-04-02"),
    ("A pilot in 2017 resulted in separations, Thursday's report shows.", "report shows", "2021-04-22"),
    ("The airline said Tuesday that it would resume flights in June.", "resume flights", "2021-06"),
    ("The bridge, which was built in 1932, will be replaced next year.", "replaced", "2022"),
    ("The bridge, which was built in 1932, will be replaced next year.", "built", "1932"),
    ("The report was released on Thursday, April 22.", "released", "2021-04-22"),
])
def test_choose_date(text: str, phrase: str, value: str | None) -> None:
    start = text.index(phrase)
    chosen = choose_date(text, find_dates(text, PUBLISHED), (start, start + len(phrase)))
    assert (chosen.value if chosen else None) == value


@pytest.mark.parametrize(("text", "published", "value"), [
    ("on Feb. 29", date(2017, 3, 22), "2016-02-29"), ("will open on Feb. 29", date(2021, 1, 5), "2024-02-29")])
def test_a_leap_day_finds_its_year(text: str, published: date, value: str) -> None:
    assert [d.value for d in find_dates(text, published)] == [value]


@pytest.mark.parametrize("text", ["on Thursday", "next year", "tomorrow", "next week", "in three days, on Monday"])
def test_last_representable_day_does_not_overflow(text: str) -> None:
    find_dates(text, date(9999, 12, 31))
    find_dates(text, date(1, 1, 1))


def test_many_years_are_read_in_linear_time() -> None:
    def seconds(n: int) -> float:
        text = " ".join(["2019"] * n)
        started = time.perf_counter()
        assert len(find_dates(text, PUBLISHED)) == n
        return time.perf_counter() - started
    small, large = seconds(4000), seconds(16000)
    assert large < 10 * small + 0.5  # quadratic work would be 16 times


@pytest.mark.parametrize(("text", "published", "value"), [
    ("from 0005-01-01 to March", date(999, 5, 1), "0005-01-01/0005-03"),
    ("in March", date(999, 5, 1), "0999-03"),
    ("in the first quarter", date(999, 5, 1), "0999-01/0999-03"),
])
def test_years_before_1000_keep_four_digits(text: str, published: date | None, value: str) -> None:
    assert value in [d.value for d in find_dates(text, published)]


def test_a_pattern_runs_only_on_a_sentence_holding_a_word_it_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each date pattern is tried only where its words stand (folded as a case-blind pattern reads
    them): the dates are those every pattern finds, on generated sentences with the letters
    `re.IGNORECASE` takes for others."""
    import random

    from checker.extract import dates

    words = ("on March 3 , 2020 Sept. 12th 2019-05-01 Q3 2021 the third quarter of 2018 last ſpring early "
             "wınter next Friday THİS week two years ago yesterday TODAY the end of the month Monday "
             "Mondays 1999 2020s since May in may of 2017 Jan 5 5 Jan Augu\u017ft Kelvin \u212a 1990 "
             "$2019 20th 19 - mid-June late fall autumn of 2016 tonight tomorrow a week ago").split()
    rng = random.Random(9)
    sentences = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 14))) for _ in range(4000)]
    gated = [[d.model_dump() for d in dates._dates.__wrapped__(s, PUBLISHED)] for s in sentences]
    monkeypatch.setattr(dates, "_NEEDS", tuple(("",) for _ in dates._CANDIDATES))
    every = [[d.model_dump() for d in dates._dates.__wrapped__(s, PUBLISHED)] for s in sentences]
    assert gated == every
    assert sum(map(len, gated)) > 4000
