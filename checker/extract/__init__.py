"""Working out what a matched sentence says: value, qualifier, unit, as-of, speaker, stance, scope.

Each part lives in its own module (numbers, dates, speakers, stance); this one puts them together
into a `Mention` for one rule and one sentence.
"""

from __future__ import annotations

import re

from checker.extract.dates import DateMention, find_dates
from checker.extract.numbers import Quantity, find_quantities, singular
from checker.extract.speakers import speaker_of
from checker.extract.stance import stance_of
from checker.models import Mention, PhraseMatch, Sentence, Source
from checker.rules import DateRule, QuantityRule, Rule, StanceRule
from checker.text import match_form

__all__ = ["extract_mention", "find_dates", "find_quantities", "same_unit"]


def same_unit(a: str, b: str) -> bool:
    """Whether two counted nouns name the same thing, singular or plural."""
    a, b = a.lower(), b.lower()
    return a == b or singular(a) == singular(b)


def _distance(start: int, end: int, match: PhraseMatch) -> int:
    if end < match.start:
        return match.start - end
    if start > match.end:
        return start - match.end
    return 0


def _pick_quantity(rule: QuantityRule, sentence: Sentence, match: PhraseMatch) -> tuple[Quantity, str] | None:
    """The number that counts the rule's unit (or a related one) nearest the matched phrase."""
    units = [rule.unit, *rule.related_units]
    best: tuple[int, int, Quantity, str] | None = None
    for quantity in find_quantities(sentence.text, units):
        if quantity.unit is None:
            continue
        unit = next((u for u in units if same_unit(u, quantity.unit)), None)
        if unit is None:
            continue
        key = (0 if unit == rule.unit else 1, _distance(quantity.start, quantity.end, match))
        if best is None or key < best[:2]:
            best = (*key, quantity, unit)
    return None if best is None else (best[2], best[3])


def _as_of(dates: list[DateMention], near: tuple[int, int], source: Source) -> str | None:
    """The date a statement speaks as of: an "as of" date, else the nearest date, else publication."""
    marked = [d for d in dates if d.as_of]
    pool = marked or dates
    if pool:
        span = PhraseMatch(start=near[0], end=near[1])
        return min(pool, key=lambda d: _distance(d.start, d.end, span)).value
    return source.meta.published.isoformat() if source.meta.published else None


def _scope(rule: Rule, form: str, span: tuple[int, int]) -> str | None:
    """The scope whose words stand nearest the statement's value or phrase."""
    best: tuple[int, str] | None = None
    here = PhraseMatch(start=span[0], end=span[1])
    for name, words in rule.scopes.items():
        for word in words:
            for hit in re.finditer(rf"\b{re.escape(match_form(word))}\b", form):
                distance = _distance(hit.start(), hit.end(), here)
                if best is None or distance < best[0]:
                    best = (distance, name)
    return None if best is None else best[1]


def extract_mention(rule: Rule, source: Source, sentence: Sentence, match: PhraseMatch) -> Mention | None:
    """The mention `sentence` makes of `rule`, or None when it states no value for it."""
    form = match_form(sentence.text)
    dates = find_dates(sentence.text, source.meta.published)
    fields: dict[str, object] = {}
    span = (match.start, match.end)
    if isinstance(rule, QuantityRule):
        picked = _pick_quantity(rule, sentence, match)
        if picked is None:
            return None
        quantity, unit = picked
        span = (quantity.start, quantity.unit_end or quantity.end)
        fields = {"value": quantity.value, "interval": quantity.interval, "qualifier": quantity.qualifier,
                  "unit": unit, "as_of": _as_of(dates, span, source)}
    elif isinstance(rule, DateRule):
        if not dates:
            return None
        when = min(dates, key=lambda d: _distance(d.start, d.end, match))
        span = (when.start, when.end)
        fields = {"value": when.value, "as_of": _as_of([], span, source)}
    elif isinstance(rule, StanceRule):
        assert match.polarity is not None and match.phrase is not None
        fields = {"stance": stance_of(form, span, match_form(match.phrase), match.polarity),
                  "as_of": _as_of(dates, span, source)}
    position = sentence.start + span[0]
    return Mention(
        rule=rule.id, source=source.name, line=sentence.line, start=sentence.start, end=sentence.end,
        sentence=sentence.text, span_start=position, span_end=sentence.start + span[1],
        speaker=speaker_of(source.text, sentence, position, source.meta.outlet),
        scope=_scope(rule, form, span), **fields,
    )
