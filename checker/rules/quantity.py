"""`type: quantity` — a count or amount that sources should agree on.

A quantity rule reads the number a statement gives for the claim, with its qualifier
("at least 545" is 545 or more; "about 3,000" allows rounding), the thing counted and the date
the count is as of. Of the numbers in a matched sentence, the one counting the rule's unit
nearest the matched phrase is taken; a sentence with no such number is no statement, and a
negated count ("has not contacted the owners of 212 homes") or a change ("grew by 12") is none
either. The statement is the interval of values its wording allows; two statements of the same
unit, time and scope clash when their intervals do not overlap, and are reconciled by a bound
or rounding when they overlap but differ. Statements of different units clash when their
numbers differ, since the units make them look comparable when they are not.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, ClassVar, Literal

from pydantic import Field

from checker.extract import as_of, build_mention, distance
from checker.extract.dates import find_dates
from checker.extract.numbers import Quantity, find_quantities, may_hold_figure, singular
from checker.models import Interval, Mention, PhraseMatch, Reason, Sentence, Source, Version
from checker.rules.base import Outcome, RuleBase

BOUND_QUALIFIERS = frozenset({"at-least", "more-than", "up-to", "fewer-than", "nearly", "range"})
ROUNDING_QUALIFIERS = frozenset({"about"})


def number_text(value: float | int) -> str:
    """A number as a reader writes it: 3,000 or 2.5; never an overflow, whatever its size."""
    if isinstance(value, float):
        if math.isinf(value) or math.isnan(value):
            return "∞" if value > 0 else "-∞" if value < 0 else "?"
        if value.is_integer() and abs(value) < 1e18:
            return f"{int(value):,}"
        return f"{value:,.6g}" if abs(value) >= 1e18 else f"{value:,}"
    if abs(value) < 10**18:
        return f"{value:,}"
    digits = str(abs(value))
    return f"{'-' if value < 0 else ''}{digits[0]}.{digits[1:4]}e{len(digits) - 1}"


def describe_figure(mention: Mention) -> str:
    """`at least 545 parents`, `200–999 children`."""
    if mention.interval is not None and mention.qualifier == "range":
        return f"{mention.interval.describe()} {mention.unit or ''}".strip()
    if not isinstance(mention.value, (int, float)):
        return str(mention.value)
    qualifier = (mention.qualifier or "").replace("-", " ")
    return " ".join(filter(None, [qualifier, number_text(mention.value), mention.unit]))


def interval_of(item: Mention | Version) -> Interval:
    if item.interval is not None:
        return item.interval
    value = float(item.value) if isinstance(item.value, (int, float)) else math.nan
    return Interval(low=value, high=value)


def canonical_interval(mention: Mention) -> str:
    i = interval_of(mention)
    return f"{i.low!r},{i.high!r},{int(i.low_open)}{int(i.high_open)}"


def compare_figures(a: Version, b: Version) -> tuple[Outcome, list[Reason]]:
    """Intervals of one unit clash when apart and are reconciled when they overlap; different units
    clash when the numbers differ."""
    ia, ib = interval_of(a), interval_of(b)
    if ia == ib:
        return "same", []
    if (a.unit or "").lower() != (b.unit or "").lower():
        return "clash", []
    if not ia.overlaps(ib):
        return "clash", []
    qualifiers = {a.qualifier, b.qualifier}
    reasons: list[Reason] = []
    if qualifiers & BOUND_QUALIFIERS:
        reasons.append("bound")
    if qualifiers & ROUNDING_QUALIFIERS:
        reasons.append("rounding")
    return "compatible", reasons


def figure_order(version: Version) -> float:
    i = interval_of(version)
    if math.isinf(i.high):
        return i.low
    return (i.low + i.high) / 2


def figure_bounds(version: Version) -> tuple[float, float]:
    i = interval_of(version)
    return i.low, i.high


class FigureRule(RuleBase):
    """What rules whose statements are numbers share (quantity, share): an interval is the statement,
    and intervals compare by overlap."""

    def canonical(self, mention: Mention) -> str:
        return canonical_interval(mention)

    def compare(self, a: Version, b: Version) -> tuple[Outcome, list[Reason]]:
        return compare_figures(a, b)

    def order(self, version: Version) -> float:
        return figure_order(version)

    def bounds(self, version: Version) -> tuple[float, float]:
        return figure_bounds(version)

    def may_state(self, passage_form: str) -> bool:
        return may_hold_figure(passage_form)


class QuantityRule(FigureRule):
    """A count or amount.

    Fields:
      unit: the thing counted (parents); numbers counting something else are ignored unless
        listed in related_units.
      related_units: other counted things kept as statements about the claim but flagged
        different-unit ("parents of 628 children" counts children).
      unit_synonyms: other words for the unit or a related unit, read as that unit
        ({children: [kids, minors]}).
    """

    type: Literal["quantity"]
    unit: str = Field(min_length=1)
    related_units: list[str] = Field(default_factory=list)
    unit_synonyms: dict[str, list[str]] = Field(default_factory=dict)

    reports: ClassVar[frozenset[str]] = frozenset({"value", "qualifier", "unit", "as_of", "speaker", "scope"})
    sample: ClassVar[dict[str, Any]] = {
        "title": "Beds the shelter has",
        "unit": "beds", "related_units": ["cots"], "unit_synonyms": {}, "about": ["shelter"],
        "phrases": ["beds available"],
        "examples": [
            {"text": "The shelter has 120 beds available.", "expect": {"value": 120, "unit": "beds"}},
            {"text": "The shelter opened in May.", "expect": "none"},
        ],
    }

    def main_unit(self) -> str:
        return self.unit

    def units(self) -> Sequence[str]:
        return [self.unit, *self.related_units]

    def _unit_named(self, word: str) -> str | None:
        """The rule's unit (or related unit) that `word` names, singular or plural or as a synonym."""
        lowered = singular(word.lower())
        for unit in self.units():
            names = [unit, *self.unit_synonyms.get(unit, [])]
            if any(singular(name.lower()) == lowered or name.lower() == word.lower() for name in names):
                return unit
        return None

    def _pick(self, sentence: Sentence, match: PhraseMatch) -> tuple[Quantity, str] | None:
        """The number that counts the rule's unit (or a related one) nearest the matched phrase."""
        words = [*self.units(), *(w for names in self.unit_synonyms.values() for w in names)]
        best: tuple[int, int, Quantity, str] | None = None
        for quantity in find_quantities(sentence.text, words):
            if quantity.unit is None or quantity.negated or quantity.kind != "level":
                continue
            unit = self._unit_named(quantity.unit)
            if unit is None:
                continue
            key = (0 if unit == self.unit else 1, distance(quantity.start, quantity.end, (match.start, match.end)))
            if best is None or key < best[:2]:
                best = (*key, quantity, unit)
        return None if best is None else (best[2], best[3])

    def read(self, source: Source, sentence: Sentence, match: PhraseMatch) -> Mention | None:
        picked = self._pick(sentence, match)
        if picked is None:
            return None
        quantity, unit = picked
        span = (quantity.start, quantity.unit_end or quantity.end)
        dates = find_dates(sentence.text, source.meta.published)
        mention = build_mention(self.id, self.scopes, source, sentence, span, value=quantity.value,
                                interval=quantity.interval, qualifier=quantity.qualifier, unit=unit,
                                as_of=as_of(sentence, dates, span, source))
        return mention.model_copy(update={"statement": describe_figure(mention)})
