"""`type: quantity` — a count or amount that sources should agree on.

A quantity rule reads the number a statement gives for the claim, with its qualifier
("at least 545" is 545 or more; "about 3,000" allows rounding), the thing counted and the date
the count is as of. Of the numbers in a matched sentence, the one counting the rule's unit
nearest the matched phrase is taken; a sentence with no such number is no statement. Two
statements disagree when their values cannot both hold; the difference is *apparent* when a
different unit, time or scope explains it, or a bound or rounding makes them compatible.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from checker.rules.base import RuleBase


class QuantityRule(RuleBase):
    """A count or amount.

    Fields:
      unit: the thing counted (parents); numbers counting something else are ignored unless
        listed in related_units.
      related_units: other counted things kept as statements about the claim but flagged
        different-unit ("parents of 628 children" counts children).
    """

    type: Literal["quantity"]
    unit: str = Field(min_length=1)
    related_units: list[str] = Field(default_factory=list)
