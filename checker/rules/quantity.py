"""`type: quantity` — a count or amount that sources should agree on.

A quantity rule reads the number a statement gives for the claim, with its qualifier
("at least 545" is 545 or more; "about 3,000" allows rounding), the thing counted and the date
the count is as of. Two statements disagree when their values cannot both hold; the difference
is *apparent* when a different unit, time or scope explains it, or a bound or rounding makes
them compatible.

unit: the thing counted ("parents"). Numbers counting something else are ignored unless listed
  in `related_units`.
related_units: other counted things kept as statements about the claim but flagged
  `different-unit` ("parents of 628 children" counts children).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from checker.rules.base import RuleBase


class QuantityRule(RuleBase):
    type: Literal["quantity"]
    unit: str = Field(min_length=1)
    related_units: list[str] = Field(default_factory=list)
