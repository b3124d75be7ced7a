"""Dates a sentence speaks of, at the precision the text gives, for telling apart "as of" times.

Regexes find candidate spans (so no date is guessed out of ordinary words) and each is resolved
against the publication date: "October" in a January 2021 article is October 2020, "last month"
is December 2020, and "will open on May 12" in an article of April 28 is the coming May 12.
Adjacent dates joined by "to", "through" or "and" become one period (`periods.join_periods`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from checker.extract.asof import choose_as_of, choose_date
from checker.extract.calendar import DateMention, Precision, day_range, render, season_range, week_range
from checker.extract.periods import Atom, join_periods
from checker.text import SENTENCES_KEPT, folded

__all__ = ["DateMention", "Precision", "choose_as_of", "choose_date", "find_dates"]

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MON = rf"(?:{_MONTHS}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_NUMBER_WORDS = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WD = rf"(?:(?P<wd>{_WEEKDAYS}),?\s+)?"
_SEASON = r"spring|summer|fall|autumn|winter"

# (kind, pattern): the kind says which precision the span carries and how it resolves.
_CANDIDATES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("day", re.compile(rf"\b{_WD}(?P<mon>{_MON})\s+(?P<d>{_DAY})"
                       rf"(?:\s*(?:-|–|to|through)\s*(?P<d2>{_DAY}))?(?:,?\s+(?P<y>{_YEAR}))?")),
    ("day", re.compile(rf"(?<![$£€\d.,]\s)(?<![$£€\d.,])\b{_WD}(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MON})"
                       rf"(?:,?\s+(?P<y>{_YEAR}))?")),
    ("month", re.compile(rf"\b(?P<mon>{_MON}),?\s+(?:of\s+)?(?P<y>{_YEAR})")),
    ("month", re.compile(rf"\b(?:(?P<mod>this|last|next)\s+)?(?P<mon>{_MONTHS})\b", re.IGNORECASE)),
    ("season", re.compile(rf"(?i:\b(?:(?P<mod>this|last|next|the)\s+)?(?:(?:early|late)\s+)?(?P<season>{_SEASON})"
                          rf"\b(?:,?\s+(?:of\s+)?(?P<y>{_YEAR}))?)")),
    ("quarter", re.compile(rf"(?i:\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b"
                           rf"(?:,?\s+(?:of\s+)?(?P<y>{_YEAR})|(?!\s+of\s+(?:the|a|an|this|that|its|their|play)\b)))")),
    ("quarter", re.compile(rf"\bQ(?P<q>[1-4])\s+(?P<y>{_YEAR})")),
    ("year", re.compile(rf"(?<![\w$£€.,])(?P<y>{_YEAR})(?![\w%]|[,.]\d|\s*percent)")),
    ("relative", re.compile(
        rf"(?i:\b(?:(?:earlier|later|early|late)\s+)?(?P<mod>this|last|next)\s+(?P<unit>week|month|year)\b"
        rf"|\b(?P<word>yesterday|today|tonight|tomorrow)\b"
        rf"|\b(?P<n>\d+|{_NUMBER_WORDS})\s+(?P<ago>day|week|month|year)s?\s+ago\b"
        rf"|\b(?:the\s+)?end\s+of\s+(?P<endmod>the|this|next)\s+(?P<endunit>week|month|year)\b"
        rf"|\b(?P<wmod>last|next|this)\s+(?P<wday>{_WEEKDAYS}))")),
    ("weekday", re.compile(rf"\b(?P<wday>{_WEEKDAYS})\b")),
)
_MONTH_STARTS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_NEEDS: tuple[tuple[str, ...], ...] = (
    ("-",), _MONTH_STARTS, _MONTH_STARTS, _MONTH_STARTS, _MONTH_STARTS, tuple(_SEASON.split("|")), ("quarter",),
    ("q",), ("19", "20"), ("this", "last", "next", "yesterday", "today", "tonight", "tomorrow", "ago", "end"),
    ("day",))
"""For each of `_CANDIDATES`, words of which a match holds one, in the sentence folded as a case-blind
pattern reads it (`folded`): a pattern is run only on a sentence that holds one."""
_QUARTERS = {"first": 1, "1st": 1, "1": 1, "second": 2, "2nd": 2, "2": 2, "third": 3, "3rd": 3, "3": 3,
             "fourth": 4, "4th": 4, "4": 4}
_MONTH_NUMBER = {m[:3].lower(): i for i, m in enumerate(_MONTHS.split("|"), 1)}
_WEEKDAY_NUMBER = {d.lower(): i for i, d in enumerate(_WEEKDAYS.split("|"))}
_COUNTS = {w: i for i, w in enumerate(_NUMBER_WORDS.split("|")[2:], 1)} | {"a": 1, "an": 1}
_AS_OF = re.compile(r"\b(?:as\s+of|as\s+at|by|through|until|since|(?:ended|ending|ends)(?:\s+on)?)\s+$",
                    re.IGNORECASE)
# "May" and "March" are also a modal and a verb: alone they count only after one of these words.
_AMBIGUOUS_MONTHS = frozenset({"may", "march"})
_CONTEXT = re.compile(
    r"\b(?:in|of|since|by|as\s+of|until|last|this|early|late|mid|through|from|during|to|and|between)[\s-]+$",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall"
    r"|(?:is|are)\s+(?:set|scheduled|expected|due|slated|planned|poised|going)\s+(?:to|for|on)"
    r"|plans?\s+to|planning\s+to|intends?\s+to|aims?\s+to|expects?|anticipates?|upcoming|coming|later\s+this)\b",
    re.IGNORECASE,
)
_SCHEDULED = re.compile(
    r"\b(?:runs|opens|starts|begins|closes|meets|resumes|returns|kicks\s+off|takes\s+place)(?:\s+(?:on|from))?\s+$",
    re.IGNORECASE,
)
"""A present tense that schedules: "The hearing runs Jan. 5-7" speaks of days to come."""
_REPORTED_FUTURE = re.compile(
    r"\b(?:said|says|announced|told\s+\w+|expects?|expected|hopes?|hoped)\b[^.;]{0,40}\bwould\b", re.IGNORECASE)
"""The future of a report: "said Tuesday that it would resume flights in March"."""
_PAST_BEFORE = re.compile(r"\b(?:said|says|told|(?<!\bbe\s)(?<!\bbeen\s)(?!scheduled|planned|expected|slated)\w+ed)"
                          r"\s+(?:on\s+|last\s+)?$", re.IGNORECASE)
"""A past verb just before the date ("closed on May 2"); not a passive to come ("will be reviewed on")."""
_CLAUSE_START = re.compile(r"(?:^|[.;:!?]\s+|,\s+)(?:on\s+|in\s+|by\s+)?$", re.IGNORECASE)


def _future(text: str, start: int, end: int) -> bool:
    """Whether the clause around a date speaks of what is to come ("will open on May 12")."""
    before = re.split(r"[.;!?]\s", text[max(0, start - 80):start])[-1]
    if _PAST_BEFORE.search(before):
        return False
    if _FUTURE.search(before) or _SCHEDULED.search(before) or _REPORTED_FUTURE.search(before):
        return True
    if _CLAUSE_START.search(text[max(0, start - 8):start]):
        after = re.split(r"[.;!?]|\bsaid\b|\btold\b", text[end:end + 60])[0]
        return bool(_FUTURE.search(after))
    return False


def _nearest_day(month: int, day: int, published: date, future: bool) -> date:
    """The day of that month and day nearest the publication, on the side the tense points to."""
    step = 1 if future else -1
    for shift in range(9):  # February 29 may lie up to eight years off
        try:
            candidate = date(published.year + step * shift, month, day)
        except ValueError:
            continue
        if (candidate >= published) if future else (candidate <= published):
            return candidate
    raise ValueError(f"no {month}-{day} near {published}")


def _month_year(month: int, published: date, mod: str | None, future: bool) -> int:
    if mod == "this":
        return published.year
    if mod == "last":
        return published.year if month < published.month else published.year - 1
    if mod == "next":
        return published.year if month > published.month else published.year + 1
    if future:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _season(season: str, published: date, mod: str | None, future: bool) -> tuple[date, date]:
    """The season of that name nearest the publication, on the side the modifier or tense points to."""
    base = season_range(season, published.year)
    if mod == "this":  # this year's; a winter that began last December is this winter
        return season_range(season, published.year - 1) if season == "winter" and published.month <= 2 else base
    if base[0] > published:
        base = season_range(season, published.year - 1) if mod != "next" and not future else base
    elif mod == "next" or (future and base[1] < published):
        base = season_range(season, published.year + 1)
    if mod == "last" and base[0] <= published <= base[1]:
        base = season_range(season, base[0].year - 1)
    return base


def _weekday(name: str, published: date, mod: str | None, future: bool) -> date:
    offset = (_WEEKDAY_NUMBER[folded(name)] - published.weekday()) % 7
    if mod == "next" or (mod is None and future) or mod == "this":
        return published + timedelta(days=offset if mod != "next" or offset else 7)
    back = (published.weekday() - _WEEKDAY_NUMBER[folded(name)]) % 7
    return published - timedelta(days=back or (7 if mod == "last" else 0))


def _relative(g: dict[str, str | None], published: date) -> tuple[date, date, Precision]:
    if g["word"]:
        word = folded(g["word"])
        shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        day = published + timedelta(days=shift)
        return day, day, "day"
    if g["wday"]:
        day = _weekday(g["wday"], published, folded(g["wmod"]) if g["wmod"] else None, False)
        return day, day, "day"
    if g["ago"]:
        number = g["n"] or ""
        count, unit = _COUNTS.get(folded(number)) if not number.isdigit() else int(number), folded(g["ago"])
        return _back(published, count or 0, unit)
    unit = folded(g["unit"] or g["endunit"] or "")
    mod = folded(g["mod"] or g["endmod"] or "")
    step = {"last": -1, "next": 1}.get(mod, 0)
    first, last, precision = _back(published, -step, unit)
    if g["endunit"]:
        return last, last, "day"
    return first, last, precision


def _back(published: date, count: int, unit: str) -> tuple[date, date, Precision]:
    """The day, week, month or year `count` units before the publication (after, if negative)."""
    if unit == "day":
        day = published - timedelta(days=count)
        return day, day, "day"
    if unit == "week":
        return (*week_range(published - timedelta(weeks=count)), "week")
    if unit == "month":
        index = published.year * 12 + published.month - 1 - count
        return (*day_range(index // 12, index % 12 + 1), "month")
    return (*day_range(published.year - count), "year")


def _atom(text: str, match: re.Match[str], kind: str, published: date | None) -> Atom | None:
    """The date a candidate names, or None when it is no date (a modal "may", "prices fall")."""
    g = match.groupdict()
    start, end = match.span()
    before = text[max(0, start - 12):start]
    year = int(g["y"]) if g.get("y") else None
    month = _MONTH_NUMBER[folded(g["mon"])[:3]] if g.get("mon") else None
    if kind == "month" and year is None and not g.get("mod") and folded(g["mon"]) in _AMBIGUOUS_MONTHS \
            and not _CONTEXT.search(before):
        return None
    if kind == "month" and not g["mon"][0].isupper():  # "this may be", "they may come in may"
        return None
    if kind == "season" and year is None and not (g.get("mod") or _CONTEXT.search(before)):
        return None
    as_of = bool(_AS_OF.search(text[max(0, start - 16):start]))
    atom = Atom(start, end, kind, year, month, as_of)
    if kind == "iso":
        atom.day = int(g["d"])
        atom.month = int(g["m"])
    elif kind == "day":
        atom.day, atom.day2 = int(re.match(r"\d+", g["d"])[0]), None  # type: ignore[index]
        if g.get("d2"):
            atom.day2 = int(re.match(r"\d+", g["d2"])[0])  # type: ignore[index]
    elif kind == "season":
        atom.season, atom.mod = folded(g["season"]), folded(g["mod"] or "") or None
    elif kind == "quarter":
        atom.quarter = _QUARTERS[folded(g["q"])]
    elif kind == "month":
        atom.mod = folded(g.get("mod") or "") or None
    if year is None and kind != "iso":
        if published is None:
            return None
        atom.future = _future(text, start, end)
        try:
            if kind == "weekday":
                day = _weekday(g["wday"], published, None, atom.future)
                atom.fixed = (day, day, "day")
            elif kind == "relative":
                atom.fixed = _relative(g, published)
        except (ValueError, OverflowError):  # a day before year 1 or after 9999
            return None
    return atom


def resolve(atom: Atom, published: date | None) -> tuple[date, date, Precision] | None:
    """The days an atom allows, using a year it borrowed from its period partner when it has one."""
    if atom.fixed is not None:
        return atom.fixed
    year = atom.year
    if atom.kind == "year":
        return (*day_range(year), "year") if year else None
    if atom.kind == "quarter":
        assert atom.quarter is not None
        if year is None:
            assert published is not None
            started = date(published.year, 3 * atom.quarter - 2, 1) <= published
            year = published.year if started or atom.future else published.year - 1
        return day_range(year, 3 * atom.quarter - 2)[0], day_range(year, 3 * atom.quarter)[1], "month"
    if atom.kind == "season":
        assert atom.season is not None
        if year is not None:
            return (*season_range(atom.season, year), "season")
        assert published is not None
        return (*_season(atom.season, published, atom.mod, atom.future), "season")
    assert atom.month is not None
    if year is None:
        assert published is not None
        if atom.day is not None:
            year = _nearest_day(atom.month, atom.day, published, atom.future).year
        else:
            year = _month_year(atom.month, published, atom.mod, atom.future)
    if atom.day is None:
        return (*day_range(year, atom.month), "month")
    first = day_range(year, atom.month, atom.day)[0]
    last = day_range(year, atom.month, atom.day2)[0] if atom.day2 else first
    return first, last, "day"


def _mention(text: str, atom: Atom, published: date | None) -> DateMention | None:
    try:
        resolved = resolve(atom, published)
    except (ValueError, OverflowError):  # February 30, or a year past 9999
        return None
    if resolved is None:
        return None
    first, last, precision = resolved
    period = (last > first and precision == "day") or atom.kind == "quarter"
    if atom.kind == "quarter":
        value = render(first, last, "season")  # months from and to, as a season's
    elif period:
        value = f"{first.isoformat()}/{last.isoformat()}"
    else:
        value = render(first, last, precision)
    return DateMention(start=atom.start, end=atom.end, text=text[atom.start:atom.end], value=value,
                       precision=precision, as_of=atom.as_of, first=first, last=last, period=period)


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date and period in `text`, in text order, without overlaps (the longest span wins)."""
    return list(_dates(text, published))


@lru_cache(maxsize=SENTENCES_KEPT)
def _dates(text: str, published: date | None) -> tuple[DateMention, ...]:
    """`find_dates`, kept for the last sentences read: every rule that reads one asks."""
    words = folded(text)
    candidates = [(m, kind) for (kind, pattern), needs in zip(_CANDIDATES, _NEEDS, strict=True)
                  if any(word in words for word in needs) for m in pattern.finditer(text)]
    candidates.sort(key=lambda c: (c[0].start() - c[0].end(), c[0].start()))
    taken = bytearray(len(text) + 1)
    atoms: list[Atom] = []
    for match, kind in candidates:
        start, end = match.span()
        if any(taken[start:end]):
            continue
        atom = _atom(text, match, kind, published)
        if atom is not None:
            atoms.append(atom)
            taken[start:end] = b"\x01" * (end - start)
    atoms.sort(key=lambda a: a.start)
    return tuple(join_periods(text, atoms, published, lambda a: _mention(text, a, published)))
