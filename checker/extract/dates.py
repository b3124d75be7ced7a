"""Dates a sentence speaks of, at the precision the text gives, for telling apart "as of" times.

A regex finds candidate spans (so dateparser never guesses dates out of ordinary words) and
dateparser resolves each relative to the publication date: "October" in a January 2021 article
is October 2020, "last month" is December 2020.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

import dateparser
from pydantic import BaseModel

__all__ = ["DateMention", "find_dates"]

Precision = Literal["year", "month", "day"]


class DateMention(BaseModel):
    """One date in a sentence; `value` is "YYYY", "YYYY-MM" or "YYYY-MM-DD" as precise as written."""

    start: int
    end: int
    text: str
    value: str
    precision: Precision
    as_of: bool


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MON = rf"(?:{_MONTHS}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_NUMBER_WORDS = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"

# (kind, pattern): the kind says which precision the span carries and what it needs to resolve.
_CANDIDATES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b\d{4}-\d{2}-\d{2}\b")),
    ("day", re.compile(rf"\b{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?")),
    ("day", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?")),
    ("month-year", re.compile(rf"\b{_MON},?\s+(?:of\s+)?{_YEAR}")),
    ("month", re.compile(rf"\b(?:{_MONTHS})\b")),
    ("year", re.compile(rf"(?<![\w$£€.,]){_YEAR}(?![\w%]|[,.]\d|\s*percent)")),
    ("relative", re.compile(
        rf"(?i:\b(?:(?:earlier\s+)?this|last)\s+(?:month|year)\b|\blast\s+week\b|\byesterday\b|\btoday\b"
        rf"|\b(?:\d+|{_NUMBER_WORDS})\s+(?:day|week|month|year)s?\s+ago\b)")),
    ("weekday", re.compile(rf"\b(?:{_WEEKDAYS})\b")),
)
_HAS_YEAR = re.compile(r"\d{4}")
_AS_OF = re.compile(r"\b(?:as\s+of|as\s+at|by|through|until|since)\s+$", re.IGNORECASE)
# "May" and "March" are also a modal and a verb: alone they count only after one of these words.
_AMBIGUOUS_MONTHS = frozenset({"May", "March"})
_MONTH_CONTEXT = re.compile(
    r"\b(?:in|of|since|by|as\s+of|until|last|this|early|late|mid|through|from|during)[\s-]+$", re.IGNORECASE
)
_EARLIER = re.compile(r"^earlier\s+", re.IGNORECASE)
_SETTINGS = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}


@lru_cache(maxsize=4096)
def _parse(span: str, base: datetime | None) -> datetime | None:
    """dateparser on one candidate span; cached because sentences of a source share `base`."""
    settings: dict[str, object] = dict(_SETTINGS)
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return dateparser.parse(span, languages=["en"], settings=settings)


def _precision(kind: str, span: str) -> Precision:
    if kind in ("iso", "day", "weekday"):
        return "day"
    if kind in ("month", "month-year"):
        return "month"
    if kind == "year":
        return "year"
    lowered = span.lower()
    return "month" if "month" in lowered else "year" if "year" in lowered else "day"


def _needs_published(kind: str, span: str) -> bool:
    """Whether the span only means something relative to the publication date."""
    return kind in ("month", "relative", "weekday") or (kind == "day" and not _HAS_YEAR.search(span))


def _resolve(text: str, start: int, end: int, kind: str, published: date | None) -> DateMention | None:
    span = text[start:end]
    if published is None and _needs_published(kind, span):
        return None
    before = text[max(0, start - 12):start]
    if kind == "month" and span in _AMBIGUOUS_MONTHS and not _MONTH_CONTEXT.search(before):
        return None
    base = datetime.combine(published, datetime.min.time()) if published else None
    if kind == "weekday" and base is not None:
        base += timedelta(days=1)  # so a weekday equal to the publication's is that day, not a week before
    parsed = _parse(_EARLIER.sub("", span), base)
    if parsed is None:
        return None
    precision = _precision(kind, span)
    value = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}[precision]
    return DateMention(start=start, end=end, text=span, value=parsed.strftime(value), precision=precision,
                       as_of=bool(_AS_OF.search(before)))


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date in `text`, in text order, without overlaps (the longest span wins)."""
    candidates = [(m.start(), m.end(), kind) for kind, pattern in _CANDIDATES for m in pattern.finditer(text)]
    candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
    chosen: list[DateMention] = []
    for start, end, kind in candidates:
        if any(start < d.end and d.start < end for d in chosen):
            continue
        mention = _resolve(text, start, end, kind, published)
        if mention is not None:
            chosen.append(mention)
    return sorted(chosen, key=lambda d: d.start)
