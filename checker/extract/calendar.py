"""The date model shared by the date readers, and the calendar arithmetic they need.

A `DateMention` carries both the written precision (`value`, as precise as the text) and the
inclusive day range the text allows (`first`..`last`), so that "November 2018" and
"November 12, 2018" agree, and a vague "last week" never turns into a false exact day.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict

__all__ = ["DateMention", "Precision", "day_range", "month_end", "render", "season_range", "week_range"]

Precision = Literal["year", "season", "month", "week", "day"]

SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
"""The first month of each season (meteorological seasons; winter runs December to February)."""


class DateMention(BaseModel):
    """One date or period of a sentence.

    `value` is "YYYY", "YYYY-MM" or "YYYY-MM-DD" as precise as written, or an ISO 8601 interval
    ("2019-02/2019-10") for a period, a week and a season; `first`/`last` are the days it allows.
    """

    model_config = ConfigDict(frozen=True)  # shared by the rules reading one sentence (`find_dates`)

    start: int
    end: int
    text: str
    value: str
    precision: Precision
    as_of: bool
    first: date
    last: date
    period: bool = False


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def day_range(year: int, month: int | None = None, day: int | None = None) -> tuple[date, date]:
    """The days of a year, a month or one day."""
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if day is None:
        return date(year, month, 1), month_end(year, month)
    return date(year, month, day), date(year, month, day)


def week_range(day: date) -> tuple[date, date]:
    """Monday..Sunday of the ISO week holding `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def season_range(season: str, year: int) -> tuple[date, date]:
    """The months of a season starting in `year` ("winter of 2018" is December 2018 to February 2019)."""
    first = SEASONS[season]
    end_year, end_month = (year + 1, 2) if first == 12 else (year, first + 2)
    return date(year, first, 1), month_end(end_year, end_month)


def _month(day: date) -> str:
    """"YYYY-MM", the year in four digits (`%Y` leaves years before 1000 short on some platforms)."""
    return day.isoformat()[:7]


def render(first: date, last: date, precision: Precision) -> str:
    """The ISO text of a span at its precision: a single date, or an interval for weeks and seasons."""
    if precision == "day":
        return first.isoformat()
    if precision == "month":
        return _month(first)
    if precision == "year":
        return first.isoformat()[:4]
    if precision == "season":
        return f"{_month(first)}/{_month(last)}"
    return f"{first.isoformat()}/{last.isoformat()}"
