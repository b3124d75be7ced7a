"""Counts stated in a sentence: the number, the qualifier that bounds it and the noun it counts.

Rules need to compare "at least 545 parents" with "more than 3,000 children", so each number is
turned into an `Interval` of the values its wording allows. Years, day numbers of dates, times,
ordinals and numbers glued into identifiers ("COVID-19", "I-95") are not counts and are skipped.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel
from text_to_num import text2num

from checker.models import Interval

__all__ = ["Quantity", "find_quantities"]


class Quantity(BaseModel):
    """One number expression; `unit_start`/`unit_end` are None when the unit is only implied ("$")."""

    start: int
    end: int
    value: float | int
    interval: Interval
    qualifier: str | None
    unit: str | None
    unit_start: int | None
    unit_end: int | None
    text: str
    kind: Literal["level", "change"] = "level"
    negated: bool = False
    share_of: str | None = None


SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
CURRENCIES = {"$": "dollars", "£": "pounds", "€": "euros"}
VAGUE: dict[str, tuple[int, int]] = {
    "dozens": (24, 143),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "tens of thousands": (20000, 99999),
    "hundreds of thousands": (200000, 999999),
    "millions": (2000000, 999999999),
    "billions": (2000000000, 999999999999),
}
QUALIFIERS = {
    "exactly": "exactly", "precisely": "exactly",
    "at least": "at-least", "no fewer than": "at-least", "a minimum of": "at-least",
    "more than": "more-than", "over": "more-than", "above": "more-than", "upwards of": "more-than",
    "in excess of": "more-than",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "about": "about", "approximately": "about", "roughly": "about", "around": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "~": "about",
    "up to": "up-to", "as many as": "up-to", "at most": "up-to", "no more than": "up-to",
    "not more than": "up-to",
    "fewer than": "fewer-than", "less than": "fewer-than", "under": "fewer-than", "below": "fewer-than",
}
# Noun-phrase heuristic for the unit: modifiers skipped before the counted noun, and function
# words (prepositions, conjunctions, determiners, pronouns, auxiliaries, adverbs) that end it.
ADJECTIVES = frozenset({
    "migrant", "new", "additional", "unaccompanied", "separated", "undocumented", "more", "other",
    "such", "total", "estimated", "immigrant", "foreign", "young",
})
STOP_WORDS = frozenset("""
    of in at on by for from to with without into onto under over about after before during since until
    through across between among per than as like near toward towards against within along upon via
    and or but nor so yet while because if when where whether
    the a an this that these those their his her its our your my who which whom whose what
    they them he she it we you i
    is are was were be been being am have has had do does did will would can could may might must
    shall should remain remains remained say said says
    still also now already only just even ago here there not never each apiece
""".split())
IRREGULAR_PLURALS = {"children": "child", "people": "person", "women": "woman", "men": "man"}

_ONES = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
         r"|sixteen|seventeen|eighteen|nineteen")
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SCALE_WORDS = r"hundred|thousand|million|billion|trillion"
_WORD = rf"(?:(?:{_TENS})(?:-(?:{_ONES}))?|{_ONES}|(?:{_SCALE_WORDS})(?:\s+and(?=\s+(?:{_TENS}|{_ONES})\b))?)"
_WORDNUM = (rf"(?:\ba\s+(?=(?:{_SCALE_WORDS})\b)|\b(?=(?:{_TENS}|{_ONES})\b))"
            rf"{_WORD}\b(?:(?:\s+|-){_WORD}\b)*(?!-?\w)")
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_NUM = rf"(?:[$£€]\s?)?{_DIGITS}(?:\s+(?:thousand|million|billion|trillion)\b)?|{_WORDNUM}"
_NUMBER = re.compile(
    rf"""\b(?P<vague>tens\s+of\s+thousands|hundreds\s+of\s+thousands
                    |dozens|hundreds|thousands|millions|billions)\b(?:\s+of\b)?
        |\bbetween\s+(?P<r1>{_NUM})\s+and\s+(?P<r2>{_NUM})
        |(?P<r3>{_NUM})(?:\s*[-–—]\s*|\s+to\s+)(?P<r4>{_NUM})
        |(?P<dz>\ba|{_NUM})\s+dozen\b(?!s)
        |(?P<single>{_NUM})""",
    re.IGNORECASE | re.VERBOSE,
)
_SINGLE = re.compile(_NUM, re.IGNORECASE)
_NUM_PARTS = re.compile(
    rf"(?:[$£€]\s?)?(?P<digits>{_DIGITS})(?:\s+(?P<scale>thousand|million|billion|trillion))?",
    re.IGNORECASE,
)
_QUALIFIER = re.compile(
    r"(?:\b(?P<q>" + "|".join(r"\s+".join(map(re.escape, q.split())) for q in QUALIFIERS if q != "~")
    + r")\s+|(?P<tilde>~)\s*)$",
    re.IGNORECASE,
)
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?")
_MONTH_BEFORE = re.compile(rf"{_MONTH}\s+$")
_MONTH_AFTER = re.compile(rf"\s+(?:of\s+)?{_MONTH}")
_CLOCK_AFTER = re.compile(r"\s*(?:[ap]\.m\.|[ap]m\b)", re.IGNORECASE)
_NUMBER_SIGN = re.compile(r"(?:\bNo\.|#)\s*$")
_PERCENT = re.compile(r"\s*(?P<unit>%|percent\b|per\s+cent\b)", re.IGNORECASE)
_TOKEN = re.compile(r"\s*(?:(?P<word>[A-Za-z][A-Za-z'’-]*)|\S)")
_POSSESSIVE = re.compile(r"['’]s?$")
MAX_UNIT_WORDS = 4


def singular(word: str) -> str:
    """The singular of a counted noun, so that "parent" and "parents" name one unit."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _participle(word: str) -> bool:
    """-ed/-ing words: modifiers before the noun ("detained migrants"), a verb after it."""
    return len(word) > 3 and word.endswith(("ed", "ing")) and not word.endswith("eed")


def _number(raw: str) -> Decimal | None:
    """The value of one number as written: digits (with "$" and a scale word) or number words."""
    parts = _NUM_PARTS.fullmatch(raw)
    if parts:
        scale = SCALES[parts["scale"].lower()] if parts["scale"] else 1
        return Decimal(parts["digits"].replace(",", "")) * scale
    words = re.sub(r"\s+", " ", raw.lower())
    words = "one " + words[2:] if words.startswith("a ") else words
    try:
        return Decimal(text2num(words, "en"))
    except ValueError:
        return None


def _plain(value: Decimal) -> float | int:
    return int(value) if value == value.to_integral_value() else float(value)


def _year_like(raw: str) -> bool:
    return bool(re.fullmatch(r"\d{4}", raw)) and 1800 <= int(raw) <= 2100


def _glued(text: str, start: int, end: int) -> bool:
    """Whether the number is part of a word, identifier, ordinal, time or numbered label."""
    before, after = text[max(0, start - 2):start], text[end:end + 2]
    if text[start] not in CURRENCIES and before[-1:].isalnum():
        return True
    if len(before) == 2 and before[1] in "-/.:" and before[0].isalnum():
        return True
    if after[:1].isalnum() or (len(after) == 2 and after[0] in "-/:" and after[1].isalnum()):
        return True
    return bool(_CLOCK_AFTER.match(text, end) or _NUMBER_SIGN.search(text[max(0, start - 6):start]))


def _day_of_date(text: str, start: int, end: int, raw: str) -> bool:
    if not re.fullmatch(r"\d{1,2}", raw):
        return False
    return bool(_MONTH_BEFORE.search(text[max(0, start - 12):start]) or _MONTH_AFTER.match(text, end))


def _unit(text: str, pos: int, units: Sequence[str]) -> tuple[str, int, int, bool] | None:
    """The counted noun after `pos`: (unit, start, end, whether it is one of `units`).

    Scans up to MAX_UNIT_WORDS words, skipping ADJECTIVES (and -ed/-ing modifiers) before the
    noun and stopping at punctuation, a STOP_WORDS word, an -ed/-ing word after the noun or a
    possessive. A `units` word wins; otherwise the first lower-case plural, else the last noun.
    """
    wanted = {singular(u.lower()): u for u in units}
    run: list[tuple[str, int, int]] = []
    for _ in range(MAX_UNIT_WORDS):
        token = _TOKEN.match(text, pos)
        if token is None or token["word"] is None:
            break
        pos = token.end()
        word = token["word"]
        possessive = _POSSESSIVE.search(word)
        if possessive:
            word = word[: possessive.start()]
        lower = word.lower()
        start = token.start("word")
        if singular(lower) in wanted:
            return wanted[singular(lower)], start, start + len(word), True
        if lower in STOP_WORDS or (run and _participle(lower)):
            break
        if not run and (lower in ADJECTIVES or _participle(lower)):
            continue
        run.append((lower, start, start + len(word)))
        if possessive:
            break
    if not run:
        return None
    plural = [w for w in run if text[w[1]].islower() and singular(w[0]) != w[0] and w[0] != "news"]
    head = plural[0] if plural else run[-1]
    return head[0], head[1], head[2], False


def _interval(value: Decimal, qualifier: str | None) -> Interval:
    n, inf = float(value), math.inf
    low, high, low_open, high_open = {
        None: (n, n, False, False),
        "exactly": (n, n, False, False),
        "at-least": (n, inf, False, True),
        "more-than": (n, inf, True, True),
        "nearly": (float(value * 9 / 10), n, False, True),
        "about": (float(value * 9 / 10), float(value * 11 / 10), False, False),
        "up-to": (0.0, n, False, False),
        "fewer-than": (0.0, n, False, True),
    }[qualifier]
    return Interval(low=low, high=high, low_open=low_open, high_open=high_open)


def _qualifier(text: str, start: int) -> tuple[str | None, int]:
    """The canonical qualifier written just before `start`, and where it begins."""
    window = max(0, start - 40)
    found = _QUALIFIER.search(text[window:start])
    if found is None:
        return None, start
    key = "~" if found["tilde"] else " ".join(found["q"].lower().split())
    return QUALIFIERS[key], window + found.start()


def _build(
    text: str, span: tuple[int, int], low: Decimal, high: Decimal | None, *,
    units: Sequence[str], currency: str | None = None, needs_unit: bool = False,
) -> Quantity | None:
    """A Quantity for text[span], a range if `high` is set; `needs_unit`: only if a `units` word follows."""
    start, end = span
    percent = _PERCENT.match(text, end)
    found = (("percent", percent.start("unit"), percent.end("unit"), True) if percent
             else _unit(text, end, units))
    if needs_unit and not (found and found[3]):
        return None
    qualifier: str | None = "range"
    if high is None:
        qualifier, start = _qualifier(text, start)
        interval = _interval(low, qualifier)
    else:
        interval = Interval(low=float(low), high=float(high))
    unit, unit_start, unit_end = found[:3] if found else (None, None, None)
    if currency and not (found and found[3]):
        unit, unit_start, unit_end = CURRENCIES[currency], None, None
    return Quantity(start=start, end=end, value=_plain(low), interval=interval, qualifier=qualifier,
                    unit=unit, unit_start=unit_start, unit_end=unit_end, text=text[start:end])


def _single(text: str, start: int, end: int, units: Sequence[str]) -> Quantity | None:
    raw = text[start:end]
    value = _number(raw)
    if value is None or _glued(text, start, end) or _day_of_date(text, start, end, raw):
        return None
    currency = raw[0] if raw[0] in CURRENCIES else None
    needs_unit = _year_like(raw) or raw.lower() == "one"
    return _build(text, (start, end), value, None, units=units, currency=currency, needs_unit=needs_unit)


def _range(text: str, match: re.Match[str], first: str, second: str, units: Sequence[str]) -> Quantity | None:
    """A numeric range; a scale word on the second number also scales the first ("2 to 3 million")."""
    raw1, raw2 = match[first], match[second]
    low, high = _number(raw1), _number(raw2)
    if low is None or high is None:
        return None
    parts1, parts2 = _NUM_PARTS.fullmatch(raw1), _NUM_PARTS.fullmatch(raw2)
    if parts1 and parts2 and parts2["scale"] and not parts1["scale"]:
        if Decimal(parts1["digits"].replace(",", "")) < Decimal(parts2["digits"].replace(",", "")):
            low *= SCALES[parts2["scale"].lower()]
    start, end = match.start(), match.end()
    if low >= high or _glued(text, match.start(first), end):
        return None
    if _day_of_date(text, match.start(first), match.end(first), raw1):
        return None
    currency = next((raw[0] for raw in (raw1, raw2) if raw[0] in CURRENCIES), None)
    return _build(text, (start, end), low, high, units=units, currency=currency,
                  needs_unit=_year_like(raw1) and _year_like(raw2))


def find_quantities(text: str, units: Sequence[str] = ()) -> list[Quantity]:
    """Every count stated in `text` (a sentence), in text order; `units` are the nouns wanted."""
    found: list[Quantity] = []
    pos = 0
    while (match := _NUMBER.search(text, pos)) is not None:
        pos = match.end()
        quantity: Quantity | None
        if match["vague"]:
            low, high = VAGUE[" ".join(match["vague"].lower().split())]
            quantity = _build(text, match.span(), Decimal(low), Decimal(high), units=units)
        elif match["r1"]:
            quantity = _range(text, match, "r1", "r2", units)
        elif match["r3"]:
            quantity = _range(text, match, "r3", "r4", units)
            if quantity is None:  # not a range ("2021-01", "from 300 to 200"): read the first number alone
                first = _SINGLE.match(text, match.start())
                assert first is not None
                pos = first.end()
                quantity = _single(text, first.start(), first.end(), units)
        elif match["dz"]:
            count = Decimal(1) if match["dz"].lower() == "a" else _number(match["dz"])
            quantity = None if count is None or _glued(text, *match.span()) else _build(
                text, match.span(), count * 12, None, units=units)
        else:
            quantity = _single(text, match.start(), match.end(), units)
        if quantity is not None:
            found.append(quantity)
    return found
