"""Joining adjacent dates into one period: "from February through October 2019" is one span.

A range or pair takes its year from where the year is written ("February to August 2019" is
2019-02..2019-08, never the publication year), so the year is shared before either end resolves.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from checker.extract.calendar import DateMention, Precision

__all__ = ["Atom", "join_periods"]


@dataclass
class Atom:
    """One date as written, before it is resolved; `fixed` is set for relative forms ("last week")."""

    start: int
    end: int
    kind: str
    year: int | None
    month: int | None
    as_of: bool
    day: int | None = None
    day2: int | None = None
    season: str | None = None
    quarter: int | None = None
    mod: str | None = None
    future: bool = False
    fixed: tuple[date, date, Precision] | None = None


_JOINABLE = frozenset({"iso", "day", "month", "year", "season"})
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till|into)\s*", re.IGNORECASE)
_AND_GAP = re.compile(r",?\s*and\s*", re.IGNORECASE)
_OPENER = re.compile(r"\b(?P<word>from|between)\s+(?:(?:early|late|mid)[\s-]+)?$", re.IGNORECASE)

Make = Callable[[Atom], DateMention | None]


def _period(text: str, a: Atom, b: Atom) -> tuple[bool, int]:
    """Whether `a` and `b` form one period, and where its span starts (at "from"/"between")."""
    if a.kind not in _JOINABLE or b.kind not in _JOINABLE or a.fixed or b.fixed:
        return False, a.start
    gap = text[a.end:b.start]
    opener = _OPENER.search(text[max(0, a.start - 16):a.start])
    start = a.start - (len(text[max(0, a.start - 16):a.start]) - opener.start()) if opener else a.start
    if _RANGE_GAP.fullmatch(gap):
        return True, start
    if _AND_GAP.fullmatch(gap):
        between = bool(opener and opener["word"].lower() == "between")
        months = a.kind == b.kind == "month" and a.year is None
        return between or months, start
    return False, start


def _share_year(a: Atom, b: Atom, make: Make) -> None:
    """Give the end without a year the other's year, a year earlier or later when it must be."""
    if a.year is None and b.year is not None and a.kind != "year":
        a.year = b.year
        first, second = make(a), make(b)
        if first and second and first.first > second.first:
            a.year -= 1
    elif a.year is None and b.year is None and a.kind != "year" and b.kind != "year":
        first = make(a)  # the start, which stands by the verb whose tense places the period
        if first is not None:
            b.year = first.first.year
            second = make(b)
            if second and second.first < first.first:
                b.year += 1
    elif b.year is None and a.year is not None and b.kind != "year":
        b.year = a.year
        first, second = make(a), make(b)
        if first and second and second.first < first.first:
            b.year += 1


def _join(text: str, start: int, first: DateMention, second: DateMention) -> DateMention:
    value = f"{first.value.split('/')[0]}/{second.value.split('/')[-1]}"
    return DateMention(start=start, end=second.end, text=text[start:second.end], value=value,
                       precision=second.precision, as_of=first.as_of, first=first.first, last=second.last,
                       period=True)


def join_periods(text: str, atoms: list[Atom], published: date | None, make: Make) -> list[DateMention]:
    """The mentions of `atoms` (in text order), with each joinable pair made one period."""
    found: list[DateMention] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None:
            joined, start = _period(text, a, b)
            if joined or (_AND_GAP.fullmatch(text[a.end:b.start]) and a.kind in _JOINABLE and b.kind in _JOINABLE):
                _share_year(a, b, make)
            if joined:
                first, second = make(a), make(b)
                if first and second and first.first <= second.last:
                    found.append(_join(text, start, first, second))
                    i += 2
                    continue
        mention = make(a)
        if mention is not None:
            found.append(mention)
        i += 1
    return found
