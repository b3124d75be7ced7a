"""`type: share` — a proportion that sources should agree on ("nearly 15 percent of the patients").

A share rule reads the proportion a statement gives — a percentage ("15 percent", "15%"), a
fraction ("two-thirds", "a third"), a ratio ("one in four") or a part of a whole ("41 of the
230") — as a percentage with its qualifier, so that "one in four" and "25%" are one statement
and "nearly 15 percent" is a bound. When the rule names what the share is `of`, a proportion of
something else named in the sentence is not read. Shares compare like quantities: apart at the
same time and scope, a contradiction; reconciled by a bound or rounding, apparent.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import Field

from checker.extract import as_of, build_mention, distance
from checker.extract.dates import find_dates
from checker.extract.numbers import Quantity, find_quantities, singular
from checker.models import Mention, PhraseMatch, Sentence, Source
from checker.rules.quantity import FigureRule, number_text

PERCENT = "percent"


class ShareRule(FigureRule):
    """A proportion, read as a percentage.

    Fields:
      of: words naming the whole the share is of (patients, owners); a share whose whole is named
        and is none of these is not read. Leave out to read any share in a matched sentence.
    """

    type: Literal["share"]
    of: list[str] = Field(default_factory=list)

    reports: ClassVar[frozenset[str]] = frozenset({"value", "qualifier", "unit", "as_of", "speaker", "scope"})
    sample: ClassVar[dict[str, Any]] = {
        "title": "Share of members who voted",
        "about": ["members", "voted"], "phrases": [], "of": ["members"],
        "examples": [
            {"text": "About 40 percent of the members voted.", "expect": {"value": 40, "qualifier": "about"}},
            {"text": "Turnout was 40% of the members who voted.", "expect": {"value": 40}},
            {"text": "The members voted on Tuesday.", "expect": "none"},
        ],
    }

    def main_unit(self) -> str:
        return PERCENT

    def units(self) -> list[str]:
        return [PERCENT]

    def _of_wanted(self, quantity: Quantity) -> bool:
        whole = quantity.share_of
        if not self.of or whole is None:
            return True
        return singular(whole.lower()) in {singular(w.lower()) for w in self.of}

    def read(self, source: Source, sentence: Sentence, match: PhraseMatch) -> Mention | None:
        shares = [q for q in find_quantities(sentence.text, [PERCENT, *self.of])
                  if q.unit == PERCENT and not q.negated and q.kind == "level" and self._of_wanted(q)]
        near = (match.start, match.end)
        share = min(shares, key=lambda q: distance(q.start, q.end, near), default=None)
        if share is None:
            return None
        span = (share.start, share.unit_end or share.end)
        dates = find_dates(sentence.text, source.meta.published)
        qualifier = (share.qualifier or "").replace("-", " ")
        whole = f" of {share.share_of}" if share.share_of else ""
        statement = " ".join(filter(None, [qualifier, f"{number_text(share.value)}%"])) + whole
        return build_mention(self.id, self.scopes, source, sentence, span, value=share.value,
                             interval=share.interval, qualifier=share.qualifier, unit=PERCENT,
                             as_of=as_of(sentence, dates, span, source), statement=statement)
