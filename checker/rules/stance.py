"""`type: stance` — a yes/no claim that sources affirm or deny.

A sentence is about the claim when it has the `about` words and one of the `affirm` or `deny`
phrases matches it (fuzzy); the phrase's side is the statement's stance. A negation outside the
matched phrase ("did not", "never", "no longer") or a denial verb governing it ("denied the
report that ...") turns the stance round; a negation inside the phrase is part of it. Fuzzy
matching cannot see negation, so this is done separately. An affirmation and a denial of the
same claim, at the same time and in the same scope, are a contradiction.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from checker.rules.base import Phrase, RuleBase


class StanceRule(RuleBase):
    """A yes/no claim.

    Fields:
      affirm: phrases that state the claim ("suspending prosecutions of adults").
      deny: phrases that state its opposite ("no change to the zero tolerance policy").
    """

    type: Literal["stance"]
    affirm: list[Phrase] = Field(min_length=1)
    deny: list[Phrase] = Field(default_factory=list)

    def match_phrases(self) -> list[str]:
        return [*self.affirm, *self.deny]

    @field_validator("phrases", "patterns")
    @classmethod
    def _sides_only(cls, values: list[str]) -> list[str]:
        """A stance needs a side, which only `affirm` and `deny` phrases give."""
        if values:
            raise ValueError("a stance rule matches with its affirm and deny phrases; "
                             "move these there")
        return values
