#!/usr/bin/env python3
"""Score the readers on the public English specs of microsoft/Recognizers-Text (MIT), read from
../shared/eval/recognizers-text/ (never copied here), on the cases inside what the readers claim.

    python bench/accuracy/recognizers.py [--specs DIR] [--misses N]

Claimed: figures written in digits (with thousands commas, decimals, a scale word or a glued
"m"/"bn") or in English number words, percentages, dollars/pounds/euros, the bounds of "more
than"/"at least"/"up to"/"between ... and ..." ranges; dates with a capitalised month name, ISO
dates, four-digit years, weekdays, "yesterday"/"today"/"tomorrow", "last/this/next week/month/
year", "N days ago", seasons, and periods joining those. Everything else is skipped and counted
by reason (times of day, durations, holidays, numeric day/month forms, fractions, ordinals, ...).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from checker.extract.dates import find_dates
from checker.extract.numbers import find_quantities, singular

SPECS = Path(__file__).resolve().parents[3] / "shared" / "eval" / "recognizers-text"
Case = dict[str, Any]
Outcome = tuple[str, bool | None, str]
"""(expected text, right or None when skipped, skip reason or what was read, with the input)."""

_WORDS = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
          r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
          r"thousand|million|billion|trillion|a|and|dozen)")
_NUMBER_FORM = re.compile(
    rf"(?i:\$?\s?\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\$?\s?\d+(?:\.\d+)?)(?:\s*(?:thousand|million|billion|trillion|"
    rf"m|bn))?|(?i:{_WORDS}(?:[\s-]+{_WORDS})*)"
)
_RANGE_FORM = re.compile(
    r"(?i:(?:more|greater|larger|bigger|higher|fewer|less|smaller|lower)\s+than|over|above|under|below|"
    r"at\s+least|at\s+most|up\s+to|no\s+(?:more|less|fewer)\s+than|between)\s+\S.*|[\d,.]+\s*(?:-|to)\s*[\d,.]+"
)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr" \
         r"|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19|20)\d\d"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE_FORM = re.compile(
    rf"(?i:(?:from|between|in|on|the)\s+)?(?:{_WEEKDAY},?\s+)?"
    rf"(?:{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?|{_FULL_MONTH}(?:,?\s+(?:of\s+)?{_YEAR})?|{_MONTH},?\s+{_YEAR}"
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?|{_YEAR}(?:-\d\d-\d\d)?"
    rf"|(?i:last|this|next)\s+(?:(?i:week|month|year)|{_WEEKDAY})|{_WEEKDAY}|(?i:yesterday|today|tomorrow)"
    rf"|(?i:(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:day|week|month|year)s?\s+ago)"
    rf"|(?i:(?:the\s+)?(?:spring|summer|fall|autumn|winter)(?:\s+of)?)\s+{_YEAR})"
    rf"(?:\s*(?i:-|to|through|until|and)\s*(?i:the\s+)?(?:{_MONTH}(?:\s+{_DAY})?(?:,?\s+(?:of\s+)?{_YEAR})?"
    rf"|{_DAY}(?:,?\s+{_YEAR})?|{_YEAR}))?",
)
"""Month and weekday names as news writes them, capitalised, an abbreviated month only with its day;
the connecting words in any case."""
VAGUE = frozenset({"week", "month", "season", "year"})
"""A vague date ("a month ago") is right when the spec's exact day lies inside it: the reader keeps
the vagueness the text has instead of inventing a day."""
_GLUED = re.compile(r"\w[-/.:+]\d|\d[-/.:]\w|\d,\s\d")
"""Digits glued to others by punctuation ("192.168.1.2", "5/17/2018", "SCP-173", "1, 234")."""
_CURRENCIES = {"Dollar": "dollars", "Pound": "pounds", "British pound": "pounds", "Euro": "euros"}


def _load(specs: Path, name: str) -> list[Case]:
    return json.loads((specs / name).read_text(encoding="utf-8-sig"))


def _overlapping(found: list[Any], start: int, end: int) -> list[Any]:
    return [q for q in found if q.start <= end and start <= q.end]


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _number_cases(case: Case) -> Iterator[Outcome]:
    found = find_quantities(case["Input"])
    for result in case["Results"]:
        text, kind = result["Text"], result.get("Resolution", {}).get("subtype", "")
        if kind not in ("integer", "decimal") or not _NUMBER_FORM.fullmatch(text.strip()):
            yield text, None, f"form not claimed ({kind or 'other'})"
            continue
        if _GLUED.search(case["Input"][max(0, result["Start"] - 2):result["End"] + 3]):
            yield text, None, "part of an identifier, date, address or phone number: no count"
            continue
        got = _overlapping(found, result["Start"], result["End"])
        value = float(result["Resolution"]["value"])
        yield text, any(_same(q.value, value) for q in got), f"{[q.value for q in got]} in {case['Input']!r}"


def _percent_cases(case: Case) -> Iterator[Outcome]:
    found = find_quantities(case["Input"])
    for result in case["Results"]:
        text = result["Text"]
        if not re.fullmatch(r"[\d.,\s]+\s*(?:%|percent|per\s+cent)", text, re.IGNORECASE):
            yield text, None, "percentage not in digits"
            continue
        value = float(result["Resolution"]["value"].rstrip("%"))
        got = [q for q in _overlapping(found, result["Start"], result["End"]) if q.unit == "percent"]
        yield text, any(_same(q.value, value) for q in got), f"{[q.value for q in got]} in {case['Input']!r}"


def _currency_cases(case: Case) -> Iterator[Outcome]:
    found = find_quantities(case["Input"])
    for result in case["Results"]:
        text, resolution = result["Text"], result.get("Resolution", {})
        unit = _CURRENCIES.get(resolution.get("unit", ""))
        written = case["Input"][result["Start"]:result["End"] + 1]
        if resolution.get("unit") == "United States dollar" and re.search(r"USD|US\s?\$", written):
            unit = "dollars"  # the code in capitals, or "US$": what the reader claims of US dollars
        if unit is None or resolution.get("value") is None:
            yield text, None, f"currency not claimed ({resolution.get('unit')})"
            continue
        if re.search(r"cents?\b|pence|\d\s*(?:dollars?|pounds?|euros?)\s+\d", text, re.IGNORECASE):
            yield text, None, "amount in two units (dollars and cents)"
            continue
        got = _overlapping(found, result["Start"], result["End"])
        value = float(resolution["value"])
        right = any(_same(q.value, value) and q.unit and singular(q.unit) == singular(unit) for q in got)
        yield text, right, f"{[(q.value, q.unit) for q in got]} in {case['Input'][:80]!r}"


def _interval(value: str) -> tuple[float, float, bool, bool] | None:
    """A spec's "(30,)" or "[20,100)" as (low, high, low_open, high_open)."""
    found = re.fullmatch(r"([\[(])\s*([-\d.]*)\s*,\s*([-\d.]*)\s*([\])])", value)
    if found is None:
        return None
    low = float(found[2]) if found[2] else 0.0
    high = float(found[3]) if found[3] else float("inf")
    return low, high, found[1] == "(" and low != 0.0, found[4] == ")" and high != float("inf")


def _bounds(interval: Any) -> tuple[float, float, bool, bool]:
    """An interval as the specs write it: no openness at an unbounded end."""
    low, high = interval.low, interval.high
    return low, high, interval.low_open and low != 0.0, interval.high_open and high != float("inf")


def _closed(bounds: tuple[float, float, bool, bool]) -> tuple[float, float, bool, bool]:
    """The specs end a plain range open ("1000-5000" is [1000,5000)); the reader reads it closed, as
    news means it: the same bounds count as right either way."""
    return bounds[0], bounds[1], bounds[2], False


def _range_cases(case: Case) -> Iterator[Outcome]:
    found = find_quantities(case["Input"])
    for result in case["Results"]:
        text = result["Text"]
        wanted = _interval(result["Resolution"]["value"])
        numbers = re.findall(r"\d[\d,.]*", text)
        if wanted is None or not _RANGE_FORM.fullmatch(text.strip()) or len(numbers) > 2 or "-" in text[:1] \
                or (len(numbers) == 2 and not re.search(r"\bbetween\b|\d\s*(?:-|to)\s*\d", text)):
            yield text, None, "range form not claimed (symbols, two bounds, negatives, words)"
            continue
        got = _overlapping(found, result["Start"], result["End"])
        right = any(_bounds(q.interval) in (wanted, _closed(wanted)) for q in got)
        yield text, right, f"{[(q.interval.low, q.interval.high, q.qualifier) for q in got]} in {case['Input']!r}"


def _reference(case: Case) -> date:
    """The spec's reference date; 2016-11-07, the one most cases use, where none is given."""
    return date.fromisoformat(case.get("Context", {}).get("ReferenceDateTime", "2016-11-07")[:10])


def _days(resolution: dict[str, str]) -> set[tuple[date, date]]:
    """The day ranges a resolution may mean: the specs end day ranges on the last day written
    ("Oct. 2 to October 22") but months and weeks on the day after ("Jan" ends on February 1)."""
    if "date" in resolution:
        day = date.fromisoformat(resolution["date"])
        return {(day, day)}
    start, end = date.fromisoformat(resolution["startDate"]), date.fromisoformat(resolution["endDate"])
    return {(start, end), (start, end - timedelta(days=1))}


def _date_cases(case: Case) -> Iterator[Outcome]:
    text = case["Input"]
    found = find_dates(text, _reference(case))
    for result in case["Results"]:
        written = result["Text"]
        value = result.get("Value", {})
        if not _DATE_FORM.fullmatch(text[result["Start"]:result["Start"] + result["Length"]].strip()):
            yield written, None, "date form not claimed (times, holidays, numeric or lower-case forms, durations)"
            continue
        if "FutureResolution" not in value or not value["FutureResolution"]:
            yield written, None, "no resolution given"
            continue
        allowed = _days(value["FutureResolution"]) | _days(value["PastResolution"])
        got = _overlapping(found, result["Start"], result["Start"] + result["Length"])
        right = any((d.first, d.last) in allowed or (d.precision in VAGUE and any(
            d.first <= a and b <= d.last for a, b in allowed)) for d in got)
        yield written, right, f"{[(d.text, d.value) for d in got]} in {text!r} of {_reference(case)}"


def _model_cases(case: Case) -> Iterator[Outcome]:
    """DateTimeModel: its date and date-range results only (its times, durations and sets lie outside)."""
    text = case["Input"]
    found = find_dates(text, _reference(case))
    for result in case["Results"]:
        written, kind = result["Text"], result.get("TypeName", "")
        if kind not in ("datetimeV2.date", "datetimeV2.daterange"):
            yield written, None, f"not a date ({kind.removeprefix('datetimeV2.') or 'other'})"
            continue
        if not _DATE_FORM.fullmatch(text[result["Start"]:result["End"] + 1].strip()):
            yield written, None, "date form not claimed (times, holidays, numeric or lower-case forms, durations)"
            continue
        allowed: set[tuple[date, date]] = set()
        for value in result["Resolution"]["values"]:
            try:
                if "value" in value:
                    allowed |= _days({"date": value["value"]})
                elif "start" in value and "end" in value:
                    allowed |= _days({"startDate": value["start"], "endDate": value["end"]})
            except ValueError:  # "not resolved"
                continue
        if not allowed:
            yield written, None, "no resolution given"
            continue
        got = _overlapping(found, result["Start"], result["End"] + 1)
        right = any((d.first, d.last) in allowed or (d.precision in VAGUE and any(
            d.first <= a and b <= d.last for a, b in allowed)) for d in got)
        yield written, right, f"{[(d.text, d.value) for d in got]} in {text!r} of {_reference(case)}"


def _extractor_cases(case: Case) -> Iterator[Outcome]:
    text = case["Input"]
    found = find_dates(text, date(2016, 11, 7))
    for result in case["Results"]:
        written = text[result["Start"]:result["Start"] + result["Length"]]
        if not _DATE_FORM.fullmatch(written.strip()):
            yield written, None, "date form not claimed (times, holidays, numeric or lower-case forms, durations)"
            continue
        got = _overlapping(found, result["Start"], result["Start"] + result["Length"])
        yield written, bool(got), f"{[d.text for d in got]} in {text!r}"


SUITES: dict[str, tuple[str, Callable[[Case], Iterator[Outcome]]]] = {
    "numbers (value)": ("NumberModel.json", _number_cases),
    "percentages (value)": ("PercentModel.json", _percent_cases),
    "currencies (value+unit)": ("CurrencyModel.json", _currency_cases),
    "number ranges (interval)": ("NumberRangeModel.json", _range_cases),
    "dates (day range)": ("DateParser.json", _date_cases),
    "date periods (day range)": ("DatePeriodParser.json", _date_cases),
    "dates found (span)": ("DateExtractor.json", _extractor_cases),
    "date periods found (span)": ("DatePeriodExtractor.json", _extractor_cases),
    "date model (day range)": ("DateTimeModel.json", _model_cases),
}
SKIPPED_FILES: dict[str, str] = {}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--specs", type=Path, default=SPECS)
    parser.add_argument("--misses", type=int, default=8, help="misses to list per suite")
    args = parser.parse_args()
    for title, (name, read) in SUITES.items():
        outcomes = [o for case in _load(args.specs, name) for o in read(case)]
        scored = [o for o in outcomes if o[1] is not None]
        right = sum(1 for o in scored if o[1])
        share = f"{right / len(scored):6.1%}" if scored else "   n/a"
        print(f"{title:<27} {share}  ({right}/{len(scored)} scored, {len(outcomes) - len(scored)} skipped) {name}")
        for reason, count in Counter(o[2] for o in outcomes if o[1] is None).most_common():
            print(f"    skipped {count:>4}: {reason}")
        for text, _, got in [o for o in scored if not o[1]][: args.misses]:
            print(f"    miss: {text!r} -> {got}")
    for name, why in SKIPPED_FILES.items():
        print(f"not scored: {name}: {why}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
