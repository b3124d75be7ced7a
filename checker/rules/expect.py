"""Comparing what an example expects with the statements a rule found, and showing the difference.

Only the fields an example names are checked. `value` compares as a number when both sides are
numbers (3000 = 3000.0 = "3,000"), else as text (dates are ISO text); `speaker` passes when the
expected words occur in the speaker found, in any case; the rest must be equal.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from checker.models import Mention
from checker.rules.base import Expected

NO_STATEMENT = "(no statement)"


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace(",", ""))
        except ValueError:
            return None
    return None


def field_matches(name: str, expected: object, got: object) -> bool:
    """Whether one expected field agrees with what was found."""
    if expected is None or got is None:
        return expected is None and got is None
    if name == "speaker":
        return str(expected).casefold() in str(got).casefold()
    if name == "value":
        a, b = _number(expected), _number(got)
        if a is not None and b is not None:
            return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return str(expected) == str(got)


def checked_fields(expected: Expected) -> list[str]:
    """The fields an expectation names, in the model's order."""
    return [name for name in Expected.model_fields if name in expected.model_fields_set]


def mismatches(expected: Expected, mention: Mention) -> list[str]:
    return [name for name in checked_fields(expected)
            if not field_matches(name, getattr(expected, name), getattr(mention, name, None))]


def show(value: object) -> str:
    """A value as it would be written in YAML."""
    if value is None:
        return "null"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def summary(mention: Mention, fields: Sequence[str] = ()) -> str:
    """The fields of a statement worth showing: those asked for, or all that were found."""
    names = fields or ("value", "qualifier", "unit", "as_of", "stance", "speaker", "scope")
    return ", ".join(f"{name}: {show(getattr(mention, name, None))}" for name in names
                     if fields or getattr(mention, name, None) is not None)


def closest(expected: Expected, mentions: Sequence[Mention]) -> Mention | None:
    """The statement that disagrees with `expected` in the fewest fields."""
    return min(mentions, key=lambda m: len(mismatches(expected, m)), default=None)


def field_diff(expected: Expected, mention: Mention | None) -> list[str]:
    """`  field: value` where they agree, `- field: expected` / `+ field: got` where they do not."""
    fields = checked_fields(expected)
    if mention is None:
        return [f"- {name}: {show(getattr(expected, name))}" for name in fields] + [f"+ {NO_STATEMENT}"]
    lines = []
    for name in fields:
        want, got = getattr(expected, name), getattr(mention, name, None)
        if field_matches(name, want, got):
            lines.append(f"  {name}: {show(got)}")
        else:
            lines += [f"- {name}: {show(want)}", f"+ {name}: {show(got)}"]
    return lines


def unexpected(mention: Mention) -> str:
    """A statement that no expectation asked for, as a `+` line of a diff."""
    return f"+ {summary(mention)}  (line {mention.line}: {mention.sentence.strip()[:60]!r})"
