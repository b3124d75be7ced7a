"""`type: stance` — a yes/no claim that sources affirm or deny.

A sentence is about the claim when it has the `about` words and one of the `affirm` or `deny`
phrases matches it (fuzzy); the phrase's side is the statement's stance. A negation outside the
matched phrase ("did not", "never", "no longer") or a denial verb governing it ("denied the
report that ...") turns the stance round; a negation inside the phrase is part of it. Fuzzy
matching cannot see negation, so this is done separately. An affirmation and a denial of the
same claim, at the same time and in the same scope, are a contradiction.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import Field, field_validator

from checker.extract import as_of, build_mention
from checker.extract.dates import find_dates
from checker.extract.stance import stance_of
from checker.models import Mention, PhraseMatch, Reason, Sentence, Source, Stance, Version
from checker.rules.base import Outcome, Phrase, RuleBase
from checker.text import match_form


class StanceRule(RuleBase):
    """A yes/no claim.

    Fields:
      affirm: phrases that state the claim ("suspending prosecutions of adults").
      deny: phrases that state its opposite ("no change to the zero tolerance policy").
    """

    type: Literal["stance"]
    affirm: list[Phrase] = Field(min_length=1)
    deny: list[Phrase] = Field(default_factory=list)

    reports: ClassVar[frozenset[str]] = frozenset({"stance", "as_of", "speaker", "scope"})
    unused: ClassVar[frozenset[str]] = frozenset({"phrases", "patterns"})
    sample: ClassVar[dict[str, Any]] = {
        "title": "The library will close",
        "affirm": ["the library will close"], "deny": ["the library will stay open"], "about": ["library"],
        "examples": [
            {"text": "The mayor said the library will close in June.",
             "expect": {"stance": "affirm", "speaker": "mayor"}},
            {"text": "The library will not close, the council said.", "expect": {"stance": "deny"}},
            {"text": "The library hosted a book fair.", "expect": "none"},
        ],
    }

    def phrase_candidates(self) -> list[tuple[str, Stance | None]]:
        sides: list[tuple[str, Stance | None]] = [(p, "affirm") for p in self.affirm]
        return sides + [(p, "deny") for p in self.deny]

    def read(self, source: Source, sentence: Sentence, match: PhraseMatch) -> Mention | None:
        if match.polarity is None or match.phrase is None:
            return None
        span = (match.start, match.end)
        stance = stance_of(match_form(sentence.text), span, match_form(match.phrase), match.polarity)
        dates = find_dates(sentence.text, source.meta.published)
        return build_mention(self.id, self.scopes, source, sentence, span, stance=stance, statement=stance,
                             as_of=as_of(sentence, dates, span, source))

    def canonical(self, mention: Mention) -> str:
        return mention.stance or ""

    def compare(self, a: Version, b: Version) -> tuple[Outcome, list[Reason]]:
        return ("same" if a.stance == b.stance else "clash"), []

    def order(self, version: Version) -> float:
        return 0.0 if version.stance == "affirm" else 1.0

    @field_validator("phrases", "patterns")
    @classmethod
    def _sides_only(cls, values: list[str]) -> list[str]:
        """A stance needs a side, which only `affirm` and `deny` phrases give."""
        if values:
            raise ValueError("a stance rule matches with its affirm and deny phrases; "
                             "move these there")
        return values
