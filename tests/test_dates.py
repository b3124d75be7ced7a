"""find_dates: every written form, its precision, resolution against the publication date, as-of."""

from __future__ import annotations

from datetime import date

import pytest

from checker.extract.dates import DateMention, find_dates

PUBLISHED = date(2021, 1, 14)  # a Thursday


def values(text: str, published: date | None = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(d.text, d.value, d.precision) for d in find_dates(text, published)]


@pytest.mark.parametrize(("text", "span", "value", "precision"), [
    ("on January 14, 2021 the report came out", "January 14, 2021", "2021-01-14", "day"),
    ("on Jan. 14, 2021 the report came out", "Jan. 14, 2021", "2021-01-14", "day"),
    ("on Sept. 3, 2019 the report came out", "Sept. 3, 2019", "2019-09-03", "day"),
    ("on 14 January 2021 the report came out", "14 January 2021", "2021-01-14", "day"),
    ("on 2021-01-14 the report came out", "2021-01-14", "2021-01-14", "day"),
    ("on June 20, 2018, officials said", "June 20, 2018", "2018-06-20", "day"),
    ("on Jan. 14 officials said", "Jan. 14", "2021-01-14", "day"),
    ("on Jan. 15 officials said", "Jan. 15", "2020-01-15", "day"),
    ("on June 20 officials said", "June 20", "2020-06-20", "day"),
    ("on the 3rd of March", "3rd of March", "2020-03-03", "day"),
    ("located in October.", "October", "2020-10", "month"),
    ("located in January.", "January", "2021-01", "month"),
    ("October was cold", "October", "2020-10", "month"),
    ("in October 2020 they met", "October 2020", "2020-10", "month"),
    ("in Oct. 2020 they met", "Oct. 2020", "2020-10", "month"),
    ("in November 2018, after", "November 2018", "2018-11", "month"),
    ("in May 2019 they met", "May 2019", "2019-05", "month"),
    ("in May they met", "May", "2020-05", "month"),
    ("since March the count rose", "March", "2020-03", "month"),
    ("in mid-March the count rose", "March", "2020-03", "month"),
    ("in 2018 the policy", "2018", "2018", "year"),
    ("a 2019 funding shortfall", "2019", "2019", "year"),
    ("(1999)", "1999", "1999", "year"),
    ("a court filing last month showed", "last month", "2020-12", "month"),
    ("Last month a court ruled", "Last month", "2020-12", "month"),
    ("this month", "this month", "2021-01", "month"),
    ("earlier this month", "earlier this month", "2021-01", "month"),
    ("last year", "last year", "2020", "year"),
    ("this year", "this year", "2021", "year"),
    ("earlier this year", "earlier this year", "2021", "year"),
    ("last week", "last week", "2021-01-04/2021-01-10", "week"),
    ("yesterday", "yesterday", "2021-01-13", "day"),
    ("today", "today", "2021-01-14", "day"),
    ("3 days ago", "3 days ago", "2021-01-11", "day"),
    ("two weeks ago", "two weeks ago", "2020-12-28/2021-01-03", "week"),
    ("five months ago", "five months ago", "2020-08", "month"),
    ("a year ago", "a year ago", "2020", "year"),
    ("2 years ago", "2 years ago", "2019", "year"),
    ("said Thursday in a report", "Thursday", "2021-01-14", "day"),
    ("Thursday's report", "Thursday", "2021-01-14", "day"),
    ("Thursday’s report", "Thursday", "2021-01-14", "day"),
    ("on Wednesday", "Wednesday", "2021-01-13", "day"),
    ("on Friday", "Friday", "2021-01-08", "day"),
])
def test_forms(text: str, span: str, value: str, precision: str) -> None:
    assert values(text) == [(span, value, precision)]
    mention = find_dates(text, PUBLISHED)[0]
    assert text[mention.start:mention.end] == mention.text


@pytest.mark.parametrize(("text", "published", "value"), [
    ("Thursday", date(2021, 1, 14), "2021-01-14"),  # same weekday: the publication day itself
    ("Thursday", date(2018, 6, 22), "2018-06-21"),  # a Friday: the day before
    ("Thursday", date(2018, 6, 20), "2018-06-14"),  # a Wednesday: the week before
    ("Monday", date(2018, 6, 18), "2018-06-18"),
    ("December", date(2021, 1, 14), "2020-12"),
    ("in December", date(2020, 12, 31), "2020-12"),
    ("last month", date(2021, 3, 31), "2021-02"),
])
def test_relative_to_publication(text: str, published: date, value: str) -> None:
    assert [d.value for d in find_dates(text, published)] == [value]


@pytest.mark.parametrize("text", [
    "last month",
    "this year",
    "yesterday",
    "3 days ago",
    "said Thursday",
    "in October",
    "on Jan. 14",
])
def test_relative_needs_publication(text: str) -> None:
    assert find_dates(text, None) == []


def test_absolute_without_publication() -> None:
    assert values("in 2018 and on June 20, 2018 and in November 2018", None) == [
        ("2018", "2018", "year"), ("June 20, 2018", "2018-06-20", "day"), ("November 2018", "2018-11", "month"),
    ]


@pytest.mark.parametrize("text", [
    "Officials May decide later.",
    "May the best one win.",
    "They may come in may.",
    "March on, they said.",
    "Protesters march in the streets.",
    "a $2019 bill",
    "2,019 people",
    "20190 items",
    "the 2010s",
    "a 2019% rise",
    "",
])
def test_not_dates(text: str) -> None:
    assert find_dates(text, PUBLISHED) == []


@pytest.mark.parametrize(("text", "as_of"), [
    ("could not be located as of October.", True),
    ("as at June 2020", True),
    ("by October", True),
    ("through March", True),
    ("until May 2019", True),
    ("since 2018", True),
    ("As of last month", True),
    ("in October", False),
    ("last month", False),
])
def test_as_of(text: str, as_of: bool) -> None:
    (mention,) = find_dates(text, PUBLISHED)
    assert mention.as_of is as_of


def test_longest_span_wins_and_text_order() -> None:
    text = "Filed June 20, 2018, revised Thursday, in 2019 and as of October 2020."
    found = find_dates(text, PUBLISHED)
    assert [d.text for d in found] == ["June 20, 2018", "Thursday", "2019", "October 2020"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert found[-1].as_of


SOURCE_CASES = [
    (
        "At least 545 parents separated from their children at the U.S.-Mexico border under the "
        "now-reversed policy could not be located as of October.",
        [("October", "2020-10", "month", True)],
    ),
    (
        "A court filing last month showed that parents of 628 migrant children separated at the "
        "U.S.-Mexico border through the zero-tolerance policy remain missing.",
        [("last month", "2020-12", "month", False)],
    ),
    (
        "the implementation of the zero-tolerance policy would result in a 2019 funding shortfall of "
        "$227 million and a shortage of about 3,000 beds.",
        [("2019", "2019", "year", False)],
    ),
    (
        "Jan. 14 (UPI) -- Jeff Sessions pushed for a zero-tolerance policy along the border despite concerns "
        "about family separations, the Officer of Inspector General said Thursday in a report.",
        [("Jan. 14", "2021-01-14", "day", False), ("Thursday", "2021-01-14", "day", False)],
    ),
    (
        "Sessions resigned in November 2018, after the two butted heads over the separation policy.",
        [("November 2018", "2018-11", "month", False)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SOURCE_CASES)
def test_source_sentences(text: str, expected: list[tuple[str, str, str, bool]]) -> None:
    found: list[DateMention] = find_dates(text, PUBLISHED)
    assert [(d.text, d.value, d.precision, d.as_of) for d in found] == expected
