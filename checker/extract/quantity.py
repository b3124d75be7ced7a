"""A stated figure as the readers give it: value, the interval its wording allows, qualifier, unit.

Shared by the figure reader (`numbers`) and the proportion reader (`shares`), so that "about
two-thirds" and "about 3,000" are bounded by the same qualifier rules.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

from checker.models import Interval
from checker.text import folded

__all__ = ["QUALIFIERS", "Quantity", "interval_of", "plain", "qualifier_before"]


class Quantity(BaseModel):
    """One number expression; `unit_start`/`unit_end` are None when the unit is only implied ("$").

    `kind` tells an amount of change ("grew by $12.4 billion") from a level; `negated` marks a
    count the sentence says did not happen ("has not contacted the owners of 212 homes").
    """

    model_config = ConfigDict(frozen=True)  # shared by the rules reading one sentence (`find_quantities`)

    start: int
    end: int
    value: float | int
    interval: Interval
    qualifier: str | None
    unit: str | None
    unit_start: int | None
    unit_end: int | None
    text: str
    kind: Literal["level", "change"] = "level"
    negated: bool = False
    share_of: str | None = None
    """For a proportion (`unit` "percent"): the counted noun of the whole, when written."""


QUALIFIERS = {
    "exactly": "exactly", "precisely": "exactly",
    "no less than": "at-least", "not less than": "at-least", "as many as": "up-to",
    "just over": "more-than", "well over": "more-than", "slightly more than": "more-than",
    "a little over": "more-than", "just above": "more-than", "upward of": "more-than", "north of": "more-than",
    "just shy of": "nearly", "greater than": "more-than", "larger than": "more-than", "higher than": "more-than",
    "less than or equal to": "up-to", "fewer than or equal to": "up-to", "greater than or equal to": "at-least",
    "more than or equal to": "at-least", "slightly less than": "fewer-than", "a maximum of": "up-to",
    "as much as": "up-to",
    "at least": "at-least", "no fewer than": "at-least", "a minimum of": "at-least",
    "more than": "more-than", "over": "more-than", "above": "more-than", "upwards of": "more-than",
    "in excess of": "more-than",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "about": "about", "approximately": "about", "roughly": "about", "around": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "~": "about",
    "up to": "up-to", "at most": "up-to", "no more than": "up-to",
    "not more than": "up-to",
    "fewer than": "fewer-than", "less than": "fewer-than", "under": "fewer-than", "below": "fewer-than",
}
_QUALIFIER = re.compile(
    r"(?:\b(?P<q>" + "|".join(r"\s+".join(map(re.escape, q.split())) for q in QUALIFIERS if q != "~")
    + r")\s+|(?P<tilde>~)\s*)$",
    re.IGNORECASE,
)


def plain(value: Decimal) -> float | int:
    return int(value) if value == value.to_integral_value() else float(value)


def interval_of(value: Decimal, qualifier: str | None) -> Interval:
    n, inf = float(value), math.inf
    low, high, low_open, high_open = {
        None: (n, n, False, False),
        "exactly": (n, n, False, False),
        "at-least": (n, inf, False, True),
        "more-than": (n, inf, True, True),
        "nearly": (float(value * 9 / 10), n, False, True),
        "about": (float(value * 9 / 10), float(value * 11 / 10), False, False),
        "up-to": (0.0, n, False, False),
        "fewer-than": (0.0, n, False, True),
    }[qualifier]
    return Interval(low=low, high=high, low_open=low_open, high_open=high_open)


def qualifier_before(text: str, start: int) -> tuple[str | None, int]:
    """The canonical qualifier written just before `start`, and where it begins."""
    window = max(0, start - 40)
    found = _QUALIFIER.search(text[window:start])
    if found is None:
        return None, start
    key = "~" if found["tilde"] else folded(found["q"])
    return QUALIFIERS[key], window + found.start()
