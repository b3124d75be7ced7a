#!/usr/bin/env python3
"""Accuracy of the four readers on labelled news-style sentences: per field, per half, every miss.

    python bench/accuracy/run.py              # dev.yaml and heldout.yaml
    python bench/accuracy/run.py heldout.yaml # one file

Each file holds cases per reader (figures, dates, as_of, speakers, stance); see README.md.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from checker.extract.dates import choose_as_of, choose_date, find_dates
from checker.extract.numbers import Quantity, find_quantities
from checker.extract.speakers import named_speaker
from checker.extract.stance import stance_of
from checker.text import line_starts, match_form, paragraph_bounds, sentences

HERE = Path(__file__).resolve().parent
Case = dict[str, Any]
Check = tuple[str, object, object]
"""(field, expected, got)."""


def _published(case: Case) -> date | None:
    value = case.get("published")
    return value if isinstance(value, date) else None


def _pick(found: list[Quantity], text: str, figure: str, unit: str | None) -> Quantity | None:
    """The quantity read at the labelled figure, a share when the label is a percentage."""
    at = text.index(figure)
    overlapping = [q for q in found if q.start <= at + len(figure) and at <= q.end]
    preferred = [q for q in overlapping if (q.unit == "percent") == (unit == "percent")]
    pool = preferred or overlapping
    return pool[0] if pool else None


def figures(case: Case) -> Iterator[Check]:
    q = _pick(find_quantities(case["text"], case.get("units", [])), case["text"], case["figure"], case.get("unit"))
    yield "value", case["value"], None if q is None else q.value
    yield "qualifier", case["qualifier"], None if q is None else q.qualifier
    yield "unit", case["unit"], None if q is None else q.unit
    for extra in ("kind", "negated", "share_of"):
        if extra in case:
            yield extra, case[extra], None if q is None else getattr(q, extra)


def dates(case: Case) -> Iterator[Check]:
    text, found = case["text"], find_dates(case["text"], _published(case))
    if "phrase" in case:
        at = text.index(case["phrase"])
        chosen = choose_date(text, found, (at, at + len(case["phrase"])))
    else:
        chosen = found[0] if found else None
    got = None if chosen is None else (chosen.value, chosen.precision)
    yield "date+precision", (case["value"], case["precision"]) if case["value"] else None, got


def as_of(case: Case) -> Iterator[Check]:
    text = case["text"]
    at = text.index(case["figure"])
    got = choose_as_of(text, find_dates(text, _published(case)), (at, at + len(case["figure"])), _published(case))
    yield "as-of", case["as_of"], got


def speakers(case: Case) -> Iterator[Check]:
    text = case["text"]
    position = text.index(case["at"])
    start, end = paragraph_bounds(text, position)
    sentence = next(s for s in sentences(text, start, end, line_starts(text)) if s.start <= position < s.end)
    yield "speaker", case["speaker"], named_speaker(text, sentence, position)


def stance(case: Case) -> Iterator[Check]:
    form = match_form(case["text"])
    phrase = match_form(case["phrase"])
    at = form.index(phrase)
    yield "stance", case["stance"], stance_of(form, (at, at + len(phrase)), phrase, case["polarity"])


READERS: dict[str, Callable[[Case], Iterator[Check]]] = {
    "figures": figures, "dates": dates, "as_of": as_of, "speakers": speakers, "stance": stance,
}


def score(path: Path) -> tuple[dict[str, list[bool]], list[str]]:
    """Right/wrong per field, and a line for every miss."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    results: dict[str, list[bool]] = defaultdict(list)
    misses: list[str] = []
    for reader, read in READERS.items():
        for case in cases.get(reader, []):
            try:
                checks = list(read(case))
            except Exception as error:  # a crash is a miss of every field, not the end of the bench
                checks = [("crash", None, repr(error))]
            for field, expected, got in checks:
                right = expected == got
                results[field].append(right)
                if not right:
                    misses.append(f"  {field}: expected {expected!r}, got {got!r} | {case['text']!r}")
    return results, misses


def main(argv: list[str]) -> int:
    paths = [HERE / name for name in (argv or ["dev.yaml", "heldout.yaml"])]
    for path in paths:
        results, misses = score(path)
        total = sum(len(v) for v in results.values())
        print(f"{path.name}: {sum(sum(v) for v in results.values())}/{total} checks right")
        for field, marks in results.items():
            print(f"  {field:<15} {sum(marks) / len(marks):6.1%}  ({sum(marks)}/{len(marks)})")
        print(f"misses ({len(misses)}):" if misses else "misses: none")
        print("\n".join(misses))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
