"""Counts stated in a sentence: the number, the qualifier that bounds it and the noun it counts.

Rules need to compare "at least 545 parents" with "more than 3,000 children", so each number is
turned into an `Interval` of the values its wording allows. Years, day numbers of dates, times,
ordinals and numbers glued into identifiers ("COVID-19", "I-95") are not counts and are skipped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from decimal import Decimal

from text_to_num import text2num

from checker.extract.figure_context import change_before, is_change, is_negated, noun_before, noun_of_whole
from checker.extract.nouns import IRREGULAR_PLURALS, find_unit, singular
from checker.extract.quantity import Quantity, interval_of, plain, qualifier_before
from checker.extract.shares import compared_units, parts_of_wholes, written_shares
from checker.models import Interval
from checker.text import SENTENCES_KEPT, folded

__all__ = ["IRREGULAR_PLURALS", "Quantity", "day_of_date", "figure_value", "find_quantities", "may_hold_figure",
           "singular"]

SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
PARTS = {"half": Decimal("0.5"), "a": Decimal("0.25"), "three": Decimal("0.75")}
"""The part of a scale word in "half a million", "a quarter of a million", "three quarters of a billion"."""
CURRENCIES = {"$": "dollars", "£": "pounds", "€": "euros"}
CURRENCY_CODES = {"USD": "dollars", "GBP": "pounds", "EUR": "euros"}
"""Codes written before or after an amount ("EUR 125 million", "350 GBP"), in capitals only."""
_CODE = "(?-i:USD|GBP|EUR)"
VAGUE: dict[str, tuple[int, int]] = {
    "dozens": (24, 143),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "tens of thousands": (20000, 99999),
    "hundreds of thousands": (200000, 999999),
    "millions": (2000000, 999999999),
    "tens of millions": (20000000, 99999999),
    "hundreds of millions": (200000000, 999999999),
    "tens of billions": (20000000000, 99999999999),
    "billions": (2000000000, 999999999999),
}
_ONES = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
         r"|sixteen|seventeen|eighteen|nineteen")
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SCALE_WORDS = r"hundred|thousand|million|billion|trillion"
_WORD = rf"(?:(?:{_TENS})(?:-(?:{_ONES}))?|{_ONES}|(?:{_SCALE_WORDS})(?:\s+and(?=\s+(?:{_TENS}|{_ONES})\b))?)"
_WORDNUM = (rf"(?:\ba\s+(?=(?:{_SCALE_WORDS})\b)|\b(?=(?:{_TENS}|{_ONES})\b))"
            rf"{_WORD}\b(?:(?:\s+|-){_WORD}\b)*(?!-?\w)")
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SUFFIX = r"(?:bn|mn|tn|[mMkK])(?!\w)"
"""Glued scale letters of headline English: "$8.2M", "4.7m", "$2.3bn"."""
_NUM = (rf"(?:[$£€]\s?|\b{_CODE}\s?)?(?:(?<![\w.])[-−])?{_DIGITS}"
        rf"(?:{_SUFFIX}|\s+(?:thousand|million|billion|trillion)\b)?(?:\s?[€£](?!\w)|\s?{_CODE}\b(?![-/:]\w))?|{_WORDNUM}")
_NUMBER = re.compile(
    rf"""\b(?P<part>half|a\s+quarter\s+of|three\s+quarters\s+of)\s+an?\s+(?P<whole>thousand|million|billion|trillion)\b
        |\b(?P<vague>(?:tens|hundreds)\s+of\s+(?:thousands|millions)|tens\s+of\s+billions
                    |dozens|hundreds|thousands|millions|billions)\b(?:\s+of\b)?
        |\bbetween\s+(?P<r1>{_NUM})\s+and\s+(?P<r2>{_NUM})
        |(?P<r3>{_NUM})(?:\s*[-–—]\s*|\s+to\s+)(?P<r4>{_NUM})
        |(?P<dz>\ba|{_NUM})\s+dozen\b(?!s)
        |(?P<single>{_NUM})""",
    re.IGNORECASE | re.VERBOSE,
)
_SINGLE = re.compile(_NUM, re.IGNORECASE)
_NUMBER_WORDS = (rf"zero|{_ONES}|{_TENS}|tens|(?:hundred|thousand|million|billion|trillion|dozen)s?|half|halves"
                 r"|(?:third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)s?")
_NUMBER_WORD = re.compile(
    rf"(?=[{''.join(sorted(set(re.findall(r'(?:^|[|(:])([a-z])', _NUMBER_WORDS))))}])\b(?:{_NUMBER_WORDS})\b",
    re.IGNORECASE)
"""A number word or a fraction; the lookahead on their first letters spares the alternation at most places."""
_DIGIT = re.compile(r"\d")


@functools.lru_cache(maxsize=16)
def may_hold_figure(text: str) -> bool:
    """Whether `text` holds what `find_quantities` needs to find anything in it: a digit, a number word,
    a fraction. Asked once per passage, not once per rule of the passage (the passage is the same
    string for each); digits first, as most figures in news are written in them."""
    return _DIGIT.search(text) is not None or _NUMBER_WORD.search(text) is not None


_CANDIDATE = re.compile(
    rf"[$£€\-−\d]|\b(?:a|half|between|tens|hundreds|dozens|thousands|millions|billions|{_ONES}|{_TENS}|{_CODE})",
    re.IGNORECASE)
"""Where a `_NUMBER` match can start: jumping between these and matching there finds what a search
would, without trying the whole pattern at every character."""
_NUM_PARTS = re.compile(
    rf"(?:[$£€]\s?|{_CODE}\s?)?(?P<sign>[-−])?(?P<digits>{_DIGITS})"
    rf"(?:(?P<suffix>{_SUFFIX})|\s+(?P<scale>thousand|million|billion|trillion))?(?:\s?[€£]|\s?{_CODE})?",
    re.IGNORECASE,
)
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?")
_MONTH_BEFORE = re.compile(rf"{_MONTH}\s+$")
_MONTH_AFTER = re.compile(rf"\s+(?:of\s+)?{_MONTH}")
_CLOCK_AFTER = re.compile(r"\s*(?:[ap]\.m\.|[ap]m\b)", re.IGNORECASE)
_NUMBER_SIGN = re.compile(r"(?:\bNo\.|#)\s*$")
_PERCENT = re.compile(r"\s*(?P<unit>%|percent\b|per\s+cent\b)", re.IGNORECASE)
_PLUS = re.compile(r"-plus\b|\+(?![\d\w])", re.IGNORECASE)
_COMPOUND = re.compile(r"-(?P<noun>[a-z]{3,})\b(?!-)")
"""A figure made an adjective: "a 140-page report" counts pages."""
NOT_COMPOUND = frozenset({"old", "plus", "fold", "odd", "something", "year", "strong"})
_SUFFIX_SCALE = {"k": 10**3, "m": 10**6, "mn": 10**6, "bn": 10**9, "tn": 10**12}
MAX_DIGITS = 30
"""More significant digits than any count states; longer digit runs are not read as figures."""


def vague_range(written: str) -> tuple[int, int] | None:
    """The range of a vague figure as written ("hundreds of thousands")."""
    return VAGUE.get(folded(written))


def figure_value(raw: str) -> Decimal | None:
    """The value of one number as written: digits (with "$" and a scale word) or number words."""
    if raw.isdecimal():  # the commonest case, read without the pattern (and rounded as it would be)
        return +Decimal(raw) if len(raw.lstrip("0")) <= MAX_DIGITS else None
    parts = _NUM_PARTS.fullmatch(raw)
    if parts:
        digits = parts["digits"].replace(",", "")
        if len(digits.lstrip("0.")) > MAX_DIGITS:
            return None
        scale = (SCALES[folded(parts["scale"])] if parts["scale"]
                 else _SUFFIX_SCALE[parts["suffix"].lower()] if parts["suffix"] else 1)
        return Decimal(digits) * scale * (-1 if parts["sign"] else 1)
    words = folded(raw)
    words = "one " + words[2:] if words.startswith("a ") else words
    head, trillion, tail = words.partition("trillion")  # beyond what text2num reads
    try:
        value = Decimal(text2num(head.strip(" -"), "en")) * 10**12 if trillion else Decimal(text2num(words, "en"))
        if trillion and tail.strip(" -"):
            value += text2num(tail.strip(" -").removeprefix("and "), "en")
    except ValueError:
        return None
    return value if value.adjusted() < MAX_DIGITS else None


_CODE_AFTER = re.compile(rf"\s?{_CODE}$")


def _bare(raw: str) -> str:
    """A number without the currency code written after it: "2020 EUR" may be a year, "May 5 EUR" a
    day ("EUR 2020", like "$2020", is money)."""
    return _CODE_AFTER.sub("", raw)


def _year_like(raw: str) -> bool:
    raw = _bare(raw)
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


def day_of_date(text: str, start: int, end: int, raw: str) -> bool:
    """Whether the number `raw` at text[start:end] is the day of a date ("May 5", "5 of May")."""
    if len(raw) > 2 or not raw.isdecimal():  # one or two digits, as `\d{1,2}` reads them
        return False
    before = text[max(0, start - 12):start]
    # a month's name has a capital, and a space comes between it and the day
    return bool(before != before.lower() and _MONTH_BEFORE.search(before)
                or text[end:end + 1].isspace() and _MONTH_AFTER.match(text, end))


def _currency(*raws: str) -> str | None:
    """The currency written before or after any of the numbers ("$5", "5 €", "EUR 125"), as its noun."""
    for raw in raws:
        for written in (raw[0], raw[-1], raw[:3], raw[-3:]):
            found = CURRENCIES.get(written) or CURRENCY_CODES.get(written)
            if found:
                return found
    return None


def _counted(text: str, span: tuple[int, int], units: Sequence[str], percent: re.Match[str] | None,
             elsewhere: bool) -> tuple[str, int | None, int | None, bool] | None:
    """The counted noun: right after the figure, else of its whole ("318 of the evacuated residents"),
    else named before it ("the number of flooded homes ... at 1,200") when `elsewhere`."""
    if percent:
        return "percent", percent.start("unit"), percent.end("unit"), True
    start, end = span
    found = find_unit(text, end, units)
    if elsewhere and not (found and found[3]):
        wanted = noun_of_whole(text, end, units) or (noun_before(text, start, units) if units else None)
        if wanted and (found is None or wanted[3]):
            found = wanted
    return found


def _build(
    text: str, span: tuple[int, int], low: Decimal, high: Decimal | None, *,
    units: Sequence[str], currency: str | None = None, needs_unit: bool = False,
    qualifier_after: str | None = None, unit_override: tuple[str, int, int] | None = None,
) -> Quantity | None:
    """A Quantity for text[span], a range if `high` is set; `needs_unit`: only if a `units` word follows."""
    start, end = span
    percent = _PERCENT.match(text, end)
    found = ((*unit_override, False) if unit_override
             else _counted(text, span, units, percent, elsewhere=not needs_unit))
    if needs_unit and not (found and found[3]):
        return None
    qualifier: str | None = "range"
    if high is None:
        qualifier, start = qualifier_before(text, start)
        qualifier = qualifier_after or qualifier
        interval = interval_of(low, qualifier)
    else:
        interval = Interval(low=float(low), high=float(high))
    unit, unit_start, unit_end = found[:3] if found else (None, None, None)
    if currency and not (found and found[3]):
        unit, unit_start, unit_end = currency, None, None
    share_of = None
    if percent:
        whole = noun_of_whole(text, percent.end(), units)
        share_of = whole[0] if whole else None
    figure_start = span[0]
    return Quantity(start=start, end=end, value=plain(low), interval=interval, qualifier=qualifier,
                    unit=unit, unit_start=unit_start, unit_end=unit_end, text=text[start:end],
                    kind="change" if is_change(text, start, end) else "level",
                    negated=is_negated(text, min(start, figure_start)), share_of=share_of)


def _single(text: str, start: int, end: int, units: Sequence[str]) -> Quantity | None:
    raw = text[start:end]
    value = figure_value(raw)
    if value is None or day_of_date(text, start, end, _bare(raw)):
        return None
    plus, compound = _PLUS.match(text, end), _COMPOUND.match(text, end)
    override = None
    if compound and compound["noun"] not in NOT_COMPOUND and re.fullmatch(r"[\d,.]+", raw):
        noun = compound["noun"]
        override = (noun[:-1] + "ies" if noun.endswith("y") else noun + "s", compound.start("noun"), compound.end())
    elif _glued(text, start, end) and not plus:
        return None
    needs_unit = _year_like(raw) or raw.lower() == "one"
    quantity = _build(text, (start, plus.end() if plus else end), value, None, units=units,
                      currency=_currency(raw), needs_unit=needs_unit and not override,
                      qualifier_after="at-least" if plus else None, unit_override=override)
    return quantity


def _range(text: str, match: re.Match[str], first: str, second: str, units: Sequence[str]) -> Quantity | None:
    """A numeric range; a scale word on the second number also scales the first ("2 to 3 million").

    Not a range: "rose 45% in 2017 to 2.1 million" (a year and a count) or "grew by 12 to 310"
    (a change and the level it reached)."""
    raw1, raw2 = match[first], match[second]
    low, high = figure_value(raw1), figure_value(raw2)
    if low is None or high is None or _year_like(raw1) != _year_like(raw2.strip()):
        return None
    if change_before(text, match.start()):
        return None
    parts1, parts2 = _NUM_PARTS.fullmatch(raw1), _NUM_PARTS.fullmatch(raw2)
    if parts1 and parts2 and parts2["scale"] and not parts1["scale"]:
        if Decimal(parts1["digits"].replace(",", "")) < Decimal(parts2["digits"].replace(",", "")):
            low *= SCALES[folded(parts2["scale"])]
    start, end = match.start(), match.end()
    if low >= high or _glued(text, match.start(first), end):
        return None
    if day_of_date(text, match.start(first), match.end(first), _bare(raw1)):
        return None
    return _build(text, (start, end), low, high, units=units, currency=_currency(raw1, raw2),
                  needs_unit=_year_like(raw1) and _year_like(raw2))


def find_quantities(text: str, units: Sequence[str] = ()) -> list[Quantity]:
    """Every count stated in `text` (a sentence), in text order; `units` are the nouns wanted.

    Proportions ("a third", "one in four", "41 of the 230") come out as percentages."""
    return list(_quantities(text, tuple(units)))


@functools.lru_cache(maxsize=SENTENCES_KEPT)
def _quantities(text: str, units: tuple[str, ...]) -> tuple[Quantity, ...]:
    """`find_quantities`, kept for the last sentences read: the rules counting the same nouns in one
    sentence ask in turn."""
    found: list[Quantity] = []
    shares = written_shares(text, units)
    taken = [(q.start, q.end) for q in shares]
    pos = 0
    while (candidate := _CANDIDATE.search(text, pos)) is not None:
        match = _NUMBER.match(text, candidate.start())
        if match is None:
            pos = candidate.start() + 1
            continue
        pos = match.end()
        if any(a < match.end() and match.start() < b for a, b in taken):
            continue
        quantity: Quantity | None
        if match["part"]:  # "half a million"
            scale = SCALES[folded(match["whole"])] * PARTS[folded(match["part"].split()[0])]
            quantity = _build(text, match.span(), Decimal(scale), None, units=units)
        elif match["vague"]:
            vague = vague_range(match["vague"])
            quantity = None if vague is None else _build(text, match.span(), Decimal(vague[0]), Decimal(vague[1]),
                                                         units=units)
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
            count = Decimal(1) if match["dz"].lower() == "a" else figure_value(match["dz"])
            quantity = None if count is None or _glued(text, *match.span()) else _build(
                text, match.span(), count * 12, None, units=units)
        else:
            quantity = _single(text, match.start(), match.end(), units)
        if quantity is not None:
            found.append(quantity)
    found, of_wholes = parts_of_wholes(text, compared_units(text, found))
    return tuple(sorted(found + shares + of_wholes, key=lambda q: (q.start, q.unit == "percent")))
