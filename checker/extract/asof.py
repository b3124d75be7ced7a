"""Which date a figure or phrase speaks as of, and which date a date rule reads.

A date belongs to its own clause: "The curfew was lifted by a 2015 decree, and a court later
ordered ..." gives the court order no 2015. Within the clause an "as of" date ("as of May 31",
"the five days that ended May 31") wins over the date a report was released; a period speaks as
of its end. A clause without a date speaks as of the publication, unless it says the figure was
an earlier one ("Previously, officials had counted 300").
"""

from __future__ import annotations

import re
from datetime import date

from checker.extract.calendar import DateMention

__all__ = ["choose_as_of", "choose_date", "clause_bounds"]

_CLAUSE_BREAK = re.compile(
    r";|,?\s+(?:but|whereas|while)\s+|,\s+(?:and|although|though|yet|even\s+as)\s+|\s+--?\s+|\s+—\s+|:\s+"
)
_RELATIVE = re.compile(r",\s+(?:which|who|whose|where)\b[^,;.]*,")
_SAID_WHEN = re.compile(
    r"\b(?:said|says|told\s+\w+|announced|reported|confirmed|stated|wrote|added)\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE)
"""A date of the saying ("said Monday that ..."), which a date rule reads only when nothing else dates the phrase."""
_RELEASE = re.compile(r"\b(?:released|published|issued|filed|posted|updated|dated)\s+(?:on\s+)?$", re.IGNORECASE)
_EARLIER_FIGURE = re.compile(
    r"\b(?:previously|initially|originally|formerly|at\s+first|once|earlier\s+estimates?|"
    r"had\s+(?!(?:more|fewer|less|about|some|only|nearly|over|just|at|no|a|an|the|its|their|his|her|our|"
    r"roughly|around|almost|up)\b|\d)(?:\w+ly\s+)?\w+)\b",
    re.IGNORECASE,
)
_VAGUE = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                    "today", "yesterday", "tomorrow", "tonight"})
"""Words that date a phrase less exactly than a date written beside them ("on Friday, March 3")."""


_FROM_EARLIER = re.compile(
    r"\b(?:(?:up|down|rising|falling|rose|fell|grew|dropped|climbed|increased|decreased)\s+from|compared\s+(?:with|to)"
    r"|versus|vs\.)\s+$", re.IGNORECASE)
"""A figure compared with as an earlier one: "4,100, up from 3,600 a year earlier"."""


_FROM = re.compile(r"\bfrom\s+$")
_CHANGE = re.compile(r"\b(?:rose|fell|grew|dropped|climbed|increased|decreased|jumped|slipped|declined)\b")


_OF_EARLIER = re.compile(r"\bfrom\s+[$£€]?\d[\d,.]*(?:\s+[a-z]+){0,2}\s+(?:on\s+|in\s+)?$")
"""A date that dates the earlier figure before it ("up from 900 on Friday"), not the current one."""


def clause_bounds(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The offsets of the clause holding `span`: between the clause breaks around it. A relative
    clause (", which opened in 1987,") is a clause of its own, broken off at both commas."""
    breaks = [found.span() for found in _CLAUSE_BREAK.finditer(text)]
    for found in _RELATIVE.finditer(text):
        breaks += [(found.start(), found.start() + 1), (found.end() - 1, found.end())]
    start, end = 0, len(text)
    for b_start, b_end in sorted(breaks):
        if b_end <= span[0]:
            start = max(start, b_end)
        elif b_start >= span[1]:
            end = min(end, b_start)
    return start, end


def _distance(mention: DateMention, span: tuple[int, int]) -> int:
    return max(mention.start - span[1], span[0] - mention.end, 0)


def _in_clause(text: str, dates: list[DateMention], span: tuple[int, int]) -> list[DateMention]:
    start, end = clause_bounds(text, span)
    return [d for d in dates if start <= d.start and d.end <= end]


def _end(mention: DateMention) -> str:
    """The date a span speaks as of: a period's, week's or season's end, at the precision written."""
    if mention.period or mention.precision == "season":
        return mention.value.split("/")[-1]
    if mention.precision == "week":
        return mention.last.isoformat()
    return mention.value


def choose_as_of(text: str, dates: list[DateMention], span: tuple[int, int], published: date | None) -> str | None:
    """The as-of date ("YYYY", "YYYY-MM" or "YYYY-MM-DD") of the figure or phrase at `text[span]`.

    None when the clause speaks of an earlier, undated time, or nothing dates it at all.
    """
    pool = _in_clause(text, dates, span)
    clause_start = clause_bounds(text, span)[0]
    if _FROM_EARLIER.search(text[max(0, span[0] - 30):span[0]]) or (
            _FROM.search(text, clause_start, span[0]) and _CHANGE.search(text, clause_start, span[0])):
        # "up from 3,600 a year earlier": only a date right after the figure dates it
        after = [d for d in pool if 0 <= d.start - span[1] <= 12]
        return _end(after[0]) if after else None
    pool = [d for d in pool if not _OF_EARLIER.search(text, max(0, d.start - 40), d.start)]
    if pool:
        def key(d: DateMention) -> tuple[bool, bool, int]:
            released = bool(_RELEASE.search(text[max(0, d.start - 16):d.start]))
            return not d.as_of, released, _distance(d, span)
        return _end(min(pool, key=key))
    if _EARLIER_FIGURE.search(text, clause_start, span[0]) or published is None:
        return None
    return published.isoformat()


def choose_date(text: str, dates: list[DateMention], span: tuple[int, int]) -> DateMention | None:
    """The date a date rule reads: the nearest in the matched phrase's clause; a weekday or a
    relative word gives way to an explicit date written right beside it ("on Thursday, Jan. 14")."""
    pool = sorted(_in_clause(text, dates, span),
                  key=lambda d: (bool(_SAID_WHEN.search(text[max(0, d.start - 24):d.start])), _distance(d, span)))
    if not pool:
        return None
    nearest = pool[0]
    if nearest.text.split()[0].lower() in _VAGUE:
        beside = [d for d in pool[1:] if d.text.split()[0].lower() not in _VAGUE
                  and re.fullmatch(r"[\s,(]*(?:on\s+)?", text[min(d.end, nearest.end):max(d.start, nearest.start)])]
        return beside[0] if beside else nearest
    return nearest
