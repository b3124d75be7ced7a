"""`type: date` — when something happened (a report's release, a policy's start), or how long it lasted.

The date nearest the matched phrase is read from the statement ("released Thursday", "in April
2018") and resolved against the source's publication date; a sentence without a date is no
statement. A date keeps the precision it is written with (year, month, week, season, day), and a
span ("from February through October 2019", "between April 2 and May 16") is read as a period.
Two dates agree when they agree at the precision both give ("November 2018" and "November 7,
2018"); two periods agree when their starts agree and their ends agree; a date agrees with a
period it falls in. When the articles were published does not matter: dates are not compared
per as-of period.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar, Literal

from checker.extract import build_mention
from checker.extract.asof import choose_date
from checker.extract.calendar import day_range as calendar_days
from checker.extract.dates import find_dates
from checker.models import Mention, PhraseMatch, Reason, Sentence, Source, Version
from checker.rules.base import Outcome, RuleBase

PERIOD = "period"
"""The qualifier of a statement that gives a span, not a single date."""

Days = tuple[int, int]
"""An inclusive range of day ordinals (`date.toordinal`)."""


def day_range(iso: str) -> Days | None:
    """The days an ISO date (YYYY, YYYY-MM, YYYY-MM-DD) or interval (A/B) covers; None when unreadable."""
    if "/" in iso:
        start, _, end = iso.partition("/")
        a, b = day_range(start), day_range(end)
        return None if a is None or b is None else (a[0], b[1])
    try:
        parts = [int(p) for p in iso.split("-")]
        if not 1 <= len(parts) <= 3:
            return None
        first, last = calendar_days(*parts)
    except (ValueError, OverflowError):
        return None
    return first.toordinal(), last.toordinal()


def _overlap(a: Days | None, b: Days | None) -> bool:
    return a is not None and b is not None and a[0] <= b[1] and b[0] <= a[1]


def _ends(version: Version) -> tuple[Days | None, Days | None]:
    first, _, last = str(version.value).partition("/")
    return day_range(first), day_range(last or first)


def describe_date(mention: Mention) -> str:
    value = str(mention.value)
    if mention.qualifier == PERIOD and "/" in value:
        start, _, end = value.partition("/")
        return f"from {start} to {end}"
    return value


class DateRule(RuleBase):
    """A date or a period; a date rule has only the fields every rule has."""

    type: Literal["date"]

    timed: ClassVar[bool] = False
    reports: ClassVar[frozenset[str]] = frozenset({"value", "qualifier", "as_of", "speaker", "scope"})
    sample: ClassVar[dict[str, Any]] = {
        "title": "When the library opened",
        "about": ["library"], "phrases": ["library opened"],
        "examples": [
            {"text": "The library opened on March 3, 2020.", "expect": {"value": date(2020, 3, 3)}},
            {"text": "The library is large.", "expect": "none"},
        ],
    }

    def read(self, source: Source, sentence: Sentence, match: PhraseMatch) -> Mention | None:
        when = choose_date(sentence.text, find_dates(sentence.text, source.meta.published), (match.start, match.end))
        if when is None:
            return None
        published = source.meta.published
        mention = build_mention(self.id, self.scopes, source, sentence, (when.start, when.end), value=when.value,
                                qualifier=PERIOD if when.period else None,
                                as_of=published.isoformat() if published else None)
        return mention.model_copy(update={"statement": describe_date(mention)})

    def canonical(self, mention: Mention) -> str:
        return f"{mention.value}{'|' + PERIOD if mention.qualifier == PERIOD else ''}"

    def compare(self, a: Version, b: Version) -> tuple[Outcome, list[Reason]]:
        if a.value == b.value and a.qualifier == b.qualifier:
            return "same", []
        if a.qualifier == PERIOD and b.qualifier == PERIOD:
            (a_start, a_end), (b_start, b_end) = _ends(a), _ends(b)
            agree = _overlap(a_start, b_start) and _overlap(a_end, b_end)
        else:
            agree = _overlap(day_range(str(a.value)), day_range(str(b.value)))
        return ("compatible" if agree else "clash"), []

    def order(self, version: Version) -> float:
        days = day_range(str(version.value))
        return (days[0] + days[1]) / 2 if days else 0.0

    def bounds(self, version: Version) -> tuple[float, float] | None:
        if version.qualifier == PERIOD:
            return None
        days = day_range(str(version.value))
        return (float(days[0]), float(days[1])) if days else None
