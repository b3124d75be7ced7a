"""Proportions written as words or as a part of a whole: "a third", "two-thirds", "one in four",
"41 of the 230". Each is read as a percentage, so it compares with "nearly 15 percent".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from checker.extract.figure_context import is_negated, noun_of_whole
from checker.extract.nouns import find_unit
from checker.extract.quantity import Quantity, interval_of, plain, qualifier_before
from checker.text import folded

__all__ = ["Share", "compared_units", "find_shares", "part_of_whole", "parts_of_wholes", "written_shares"]

_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())} | {"a": 1, "an": 1}
_PARTS = {"half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
          "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_SMALL_WORDS = "|".join(sorted(_SMALL, key=len, reverse=True))
_FRACTION = re.compile(
    rf"\b(?:(?P<num>{_SMALL_WORDS})[\s-]+)?(?P<part>half|halves|(?:third|quarter|fourth|fifth|sixth|seventh|eighth"
    rf"|ninth|tenth)s?)\b(?P<of>\s+of\b)?",
    re.IGNORECASE,
)
_IN_EVERY = re.compile(
    rf"(?<![\d,.])\b(?P<num>\d{{1,3}}|{_SMALL_WORDS})\s+(?:in|out\s+of)\s+(?:every\s+)?"
    rf"(?P<den>\d{{1,4}}|a\s+hundred|a\s+thousand|(?!an?\b){_SMALL_WORDS})\b(?!\s*(?:%|percent|[,.]\d))",
    re.IGNORECASE,
)
_OF_A_SCALE = re.compile(r"\s+(?:of\s+)?an?\s+(?:thousand|million|billion|trillion)\b", re.IGNORECASE)
_OF_THE = re.compile(r"(?:^|[.;,]\s*)[Oo]f\s+(?:(?:the|these|those|all)\b)?\s*$")
_ARTICLE = re.compile(r"\s+(?:the|those|these|its|their|all)\b", re.IGNORECASE)
_WHOLE_GAP = re.compile(r"\s+(?:out\s+)?of\s+(?:(?:the|these|those|all(?:\s+the)?)\b)?\s*", re.IGNORECASE)
_ORDINAL_BEFORE = re.compile(r"\b(?:the|first|second|third|fourth|last|final|latter|former|next)\s+$", re.IGNORECASE)


@dataclass
class Share:
    """A written proportion: `percent` exact, `noun_at` where its whole's noun may be written."""

    start: int
    end: int
    percent: Decimal
    noun_at: int


def _count(word: str) -> int | None:
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return {"a hundred": 100, "a thousand": 1000}.get(word, _SMALL.get(word))


def find_shares(text: str) -> list[Share]:
    """Fractions ("two-thirds of", "half the") and "N in M" proportions, in text order."""
    shares: list[Share] = []
    for found in _FRACTION.finditer(text):
        part = folded(found["part"])
        if _OF_A_SCALE.match(text, found.end("part")):
            continue  # "half a million" is a count
        num = _count(found["num"]) if found["num"] else None
        if num is None and part == "half" and re.match(r"\s+(?:of\s+)?(?:the|all|its|their|those)\b",
                                                      text[found.end("part"):]):
            num = 1  # "half the residents", "more than half of"
        if _ORDINAL_BEFORE.search(text[max(0, found.start() - 10):found.start()]) or num is None:
            continue
        alone = re.match(r"\s*(?:[.,;)]|$)", text[found.end("part"):])
        if found["of"] is None and part != "half" and not (num >= 2 and part.endswith("s")) and not alone:
            continue  # "a third round" is an ordinal
        denominator = _PARTS[part.rstrip("s") if part != "halves" else "half"]
        if num >= denominator and part != "halves":
            continue
        end = found.end("part")
        shares.append(Share(found.start(), end, Decimal(num) * 100 / denominator, end))
    for found in _IN_EVERY.finditer(text):
        num, den = _count(found["num"]), _count(found["den"])
        if num is None or not den or num >= den or (1800 <= den <= 2100):
            continue
        shares.append(Share(found.start(), found.end(), Decimal(num) * 100 / den, found.end()))
    return sorted(shares, key=lambda s: s.start)


def part_of_whole(part: Decimal, whole: Decimal) -> Decimal | None:
    """The share `part` is of `whole` ("41 of the 230"), in percent; None when it is no share."""
    if whole <= 0 or part > whole:
        return None
    return part * 100 / whole


def share_quantity(text: str, start: int, end: int, percent: Decimal, share_of: str | None) -> Quantity:
    """A proportion as a percentage: the value rounded to two places, the interval exact."""
    qualifier, start = qualifier_before(text, start)
    return Quantity(start=start, end=end, value=plain(round(percent, 2)), interval=interval_of(percent, qualifier),
                    qualifier=qualifier, unit="percent", unit_start=None, unit_end=None, text=text[start:end],
                    negated=is_negated(text, start), share_of=share_of)


def written_shares(text: str, units: Sequence[str]) -> list[Quantity]:
    found = []
    for share in find_shares(text):
        article = _ARTICLE.match(text, share.noun_at)
        noun_at = article.end() if article else share.noun_at
        whole = noun_of_whole(text, share.noun_at, units) or find_unit(text, noun_at, units)
        found.append(share_quantity(text, share.start, share.end, share.percent, whole[0] if whole else None))
    return found


def parts_of_wholes(text: str, found: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """ "41 of the 230 patients" and "Of the 420 families still waiting, 95 ...": the part gets the
    whole's noun, and the share it is of the whole is added. The figures, each part with its noun,
    and the shares."""
    found = list(found)
    shares = []
    neighbours = range(len(found) - 1)
    for at_part, at_whole, reverse in [(i, i + 1, False) for i in neighbours] + [(i + 1, i, True) for i in neighbours]:
        part, whole = found[at_part], found[at_whole]
        gap = text[whole.end:part.start] if reverse else text[part.end:whole.start]
        if reverse:
            gap_ok = bool(_OF_THE.search(text[:whole.start]) and re.fullmatch(r"[^.;,]*,\s*", text[
                (whole.unit_end or whole.end):part.start]))
        else:
            gap_ok = bool(_WHOLE_GAP.fullmatch(gap))
        if not gap_ok or whole.unit in (None, "percent") or part.unit not in (None, whole.unit):
            continue
        if part.unit is None:
            part = found[at_part] = part.model_copy(update={"unit": whole.unit})
        value = part_of_whole(Decimal(str(part.value)), Decimal(str(whole.value)))
        if value is not None:
            shares.append(share_quantity(text, part.start, whole.unit_end or whole.end, value, whole.unit))
    return found, shares


_COMPARED = re.compile(r"\b(?:up|down|rising|falling|compared\s+with|compared\s+to|versus|vs\.)\s+(?:from\s+)?$",
                       re.IGNORECASE)


def compared_units(text: str, found: list[Quantity]) -> list[Quantity]:
    """A figure compared with another takes its noun: "4,100 units, up from 3,600"."""
    found = list(found)
    for i in range(1, len(found)):
        before, figure = found[i - 1], found[i]
        if figure.unit is None and before.unit and _COMPARED.search(text[before.end:figure.start]):
            found[i] = figure.model_copy(update={"unit": before.unit})
    return found
