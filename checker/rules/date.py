"""`type: date` — when something happened (a report's release, a policy's start).

The date nearest the matched phrase is read from the statement ("released Thursday", "in April
2018") and resolved against the source's publication date; a sentence without a date is no
statement. The date's precision (year, month, day) is kept, and two dates disagree only when
they differ at the precision both give.
"""

from __future__ import annotations

from typing import Literal

from checker.rules.base import RuleBase


class DateRule(RuleBase):
    """A date; a date rule has only the fields every rule has."""

    type: Literal["date"]
