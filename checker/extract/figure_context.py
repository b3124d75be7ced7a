"""What the words around a figure say of it: a change or a level, negated, and a counted noun
written elsewhere in the sentence ("put the number of flooded homes at 1,200").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.extract.nouns import find_unit

__all__ = ["change_before", "is_change", "is_negated", "noun_before", "noun_of_whole"]

_CHANGE_VERBS = (r"rose|risen|rise|rising|grew|grown|grow|growing|increased|increase|increasing|climbed|jumped|surged|"
                 r"soared|fell|fallen|falling|dropped|declined|decreased|slipped|sank|plunged|tumbled|gained|lost|"
                 r"shed|added|cut|slashed|reduced|boosted|raised|lowered|swelled|shrank|edged|ticked")
_CHANGE_BEFORE = re.compile(
    rf"(?:\b(?:{_CHANGE_VERBS})(?:\s+(?:up|down|sharply|slightly|steadily|again|further))?(?:\s+by)?"
    r"|\b(?:increase|rise|drop|decline|decrease|fall|gain|loss|jump|cut|reduction|growth|surge)s?\s+of"
    r"|\b(?:up|down)(?!\s+to)|\b(?:an?\s+)?(?:additional|further|extra|another))\s+"
    r"(?:(?:an?\s+)?(?:additional|further|extra|another)\s+)?$",
    re.IGNORECASE,
)
_CHANGE_AFTER = re.compile(
    r"\s*(?:%|percent|per\s+cent)?(?:\s+|-)(?:increase|rise|jump|drop|decline|decrease|gain|cut|reduction|growth|"
    r"surge|fall|hike)\b", re.IGNORECASE)
_FROM_CHANGE = re.compile(rf"\b(?:{_CHANGE_VERBS}|by)\s+(?:\w+\s+)?(?:from\s+)?$", re.IGNORECASE)
_NEGATOR = re.compile(
    r"\b(?:not|never|no\s+longer|yet\s+to|failed\s+to|\w+n['’]t)\b"
    r"(?!\s+(?:only|just|all|even|least|more|less|fewer))",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\b(?:and|but|while|which|who|although|though|because)\b", re.IGNORECASE)
_COUNT_OF = re.compile(r"\b(?:number|numbers|count|total|tally|toll|ranks)\s+of\s+", re.IGNORECASE)
_WHOLE = re.compile(r"\s*(?:out\s+)?of\s+(?:(?:the|these|those|its|their|all(?:\s+the)?|his|her|our)\b)?\s*",
                    re.IGNORECASE)


def _clause_before(window: str) -> str:
    """The end of `window` (the words before a figure) after its last clause break."""
    breaks = list(_CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end():] if breaks else window


def is_change(text: str, start: int, end: int) -> bool:
    """Whether the figure is an amount of change ("grew by $12.4 billion", "a 45% rise") not a level."""
    return bool(_CHANGE_BEFORE.search(text[max(0, start - 40):start]) or _CHANGE_AFTER.match(text, end))


def change_before(text: str, start: int) -> bool:
    """Whether a change verb stands just before `start`: "grew by 2 to 5" is a change and a level,
    "rose from 300 to 450" two levels, never one range."""
    return bool(_FROM_CHANGE.search(text[max(0, start - 40):start]))


def is_negated(text: str, start: int, reach: int = 80) -> bool:
    """Whether a negation in the figure's own clause governs it ("has not contacted ... 212 homes").
    The clause is looked for only when the words before the figure hold a negation at all (a negation
    in the clause is one in those words, and most figures have none)."""
    window = text[max(0, start - reach):start]
    low = window.lower()
    if window.isascii() and not ("not" in low or "n't" in low or "never" in low or "longer" in low or "yet" in low
                                 or "failed" in low):
        return False  # no word `_NEGATOR` finds (beyond ASCII, its case-blind letters are more)
    return bool(_NEGATOR.search(window)) and bool(_NEGATOR.search(_clause_before(window)))


def noun_of_whole(text: str, pos: int, units: Sequence[str]) -> tuple[str, int, int, bool] | None:
    """The counted noun of "of the [230] evacuated residents" starting at `pos`, if written there."""
    whole = _WHOLE.match(text, pos)
    if whole is None or whole.end() == pos:
        return None
    after = re.match(r"(?:\d[\d,.]*|[a-z]+-?[a-z]*)\s+(?=[A-Za-z])", text[whole.end():])
    found = find_unit(text, whole.end(), units)
    if found is None and after:
        found = find_unit(text, whole.end() + after.end(), units)
    return found


def noun_before(text: str, start: int, units: Sequence[str]) -> tuple[str, int, int, bool] | None:
    """A wanted noun named by "the number of X ... at N" earlier in the figure's clause."""
    window_start = max(0, start - 120)
    hits = list(_COUNT_OF.finditer(text, window_start, start))
    if not hits or re.search(r"(?<!\d)(?!(?:19|20)\d\d\b)\d|[;.]\s", text[hits[-1].end():start]):
        return None
    found = find_unit(text, hits[-1].end(), units)
    return found if found and found[3] else None
