"""`type: stance` — a yes/no claim that sources affirm or deny.

affirm: phrases that state the claim ("suspending prosecutions of adults").
deny: phrases that state its opposite ("no change to the zero tolerance policy").

A negation outside the matched phrase ("did not", "never", "no longer") or a denial verb
governing it ("denied the report that ...") turns the stance round; a negation inside the
phrase is part of it. Fuzzy matching cannot see negation, so this is done separately.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from checker.rules.base import RuleBase


class StanceRule(RuleBase):
    type: Literal["stance"]
    affirm: list[str] = Field(min_length=1)
    deny: list[str] = Field(default_factory=list)
