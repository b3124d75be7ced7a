"""`type: date` — when something happened (a report's release, a policy's start).

The date is read from the statement ("released Thursday", "in April 2018") and resolved against
the source's publication date; its precision (year, month, day) is kept, and two dates disagree
only when they differ at the precision both give.
"""

from __future__ import annotations

from typing import Literal

from checker.rules.base import RuleBase


class DateRule(RuleBase):
    type: Literal["date"]
