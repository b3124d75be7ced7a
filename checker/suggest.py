"""`checker suggest`: what to check before anyone writes a rule.

Sources are read with no rules. Every figure with its counted noun is found (a regex picks the
paragraphs that hold a digit or a number word, and only a window around each figure is read),
with the content words around it. Figures that count the same noun — or name it as the whole
they belong to ("parents of 628 children") — in similar words are one candidate claim. Each
candidate becomes a draft quantity rule, and the drafts are run through the ordinary pipeline,
so the versions and findings shown for a suggestion are exactly what `checker check --rules`
finds with the drafts written by `--out`. Candidates whose sources disagree come first, ranked
by how many sources take part and how far apart their figures are.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from checker.extract.dates import find_dates
from checker.extract.figure_context import is_negated, noun_of_whole
from checker.extract.nouns import STOP_WORDS, find_unit, singular
from checker.extract.numbers import CURRENCIES, day_of_date, figure_value, vague_range
from checker.extract.quantity import QUALIFIERS
from checker.compare import compare
from checker.engines import AUTO_SERIAL_BYTES, FOUND_BATCH_BYTES, map_batches, match_found
from checker.match import mentions_in_text
from checker.models import Finding, Mention, Problem, Version
from checker.pipeline import found_sources
from checker.rules import DateRule, QuantityRule
from checker.rules.base import ID_PATTERN, Example
from checker.rules.show import flow
from checker.selection import Selection
from checker.sources import Found, read_found
from checker.text import match_form

Draft = QuantityRule | DateRule
"""What a candidate claim becomes: a count (from figures) or a date (from dated events)."""

_FIGURE = re.compile(
    r"[$£€\d](?:(?<=[$£€])\s?\d)?\d*(?:,\d{3})*(?:\.\d+)?"
    r"(?:(?:bn|mn|tn|[mMkK])(?!\w)|\s+(?:thousand|million|billion|trillion)\b)?"
    r"(?![\w%€£]|[.,/:-]\w|\s*(?:percent\b|per\s+cent\b|[ap]\.?m\b))", re.IGNORECASE)
"""A figure in digits or money, not followed by a word character, a time or a percentage. The pattern
starts with a character class, so the regex engine skips to each digit or currency sign."""
_GLUED_AFTER = frozenset(".,/:#$£€-")
"""A figure right after one of these (or a letter) is part of a token ("I-95", "3/4", "#5")."""
_VAGUE_FIGURE = re.compile(
    r"[dhtmbDHTMB](?<![\w][dhtmbDHTMB])(?i:(?<=t)ens\s+of\s+(?:thousands|millions|billions)"
    r"|(?<=h)undreds(?:\s+of\s+(?:thousands|millions))?|(?<=d)ozens|(?<=t)housands|(?<=[mb])illions)\s+of\b")
"""\"hundreds of\", \"tens of thousands of\": a word's first letter, then the rest of the word (the same
skipping as `_FIGURE`)."""
_VAGUE_END = re.compile(r"s\s+of\b")
"""How every vague figure ends, in the match form: a literal the regex engine finds fast, around which
`_VAGUE_FIGURE` is then looked for."""
VAGUE_WORD = 12
"""Letters of a vague figure's first word before the "s" of its "s of", at most ("hundreds")."""
_YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")
_START = operator.methodcaller("start")
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=[.!?])[\"”’)]*\s+(?=[\"“(]?[A-Z])|(?<=\n))")
"""A sentence break: end punctuation before a capital, or a line break (one character class first, which
the regex engine skips to)."""
_WORD = re.compile(r"[a-z][a-z'-]+")
_OF_WHOLE = re.compile(r"\b([a-z]+)\s+of\s+(?:the\s+)?$")
WINDOW = 300
"""Characters read on each side of a figure at most: its sentence, found by punctuation."""
CONTEXT_WORDS = 12
MIN_SIMILARITY = 0.2
"""Jaccard similarity of context words at which two figures speak of the same thing."""
MAX_CLUSTERS_TRIED = 25
FIRST_PASS_SERIAL_BYTES = AUTO_SERIAL_BYTES // 4
"""With no `--jobs`, what the first pass reads in this process before starting workers: a byte costs it
about four times what it costs `checker check`."""
RECURRING_VALUES, RECURRING_SHARE = 3, 0.4
"""A candidate with more distinct figures than this, less than this share of them its two commonest, recurs."""
SEVERAL_SHARE, SEVERAL_SOURCES = 0.2, 10
"""A candidate of which this share of its sources, and at least this many, each state several figures recurs."""
NOT_CLAIMS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "time", "decade", "century",
                        "percent", "point", "cent", "am", "pm", "mile", "foot", "inch", "meter", "kilometer"})
"""Counted nouns that measure time or distance around a claim ("three years ago"), not what it counts."""
EXTRA_STOP = frozenset({"percent", "hundred", "thousand", "million", "billion", "dozen", "more", "than", "least",
                        "about", "nearly", "some", "most", "many", "according", "told", "year", "years", "also",
                        "would", "could", "should", "been", "were", "said", "says"}
                       | {word for qualifier in QUALIFIERS for word in qualifier.split()})


@dataclass
class _Figure:
    source: str
    noun: str
    """the counted noun, singular"""
    written: str
    """the counted noun as written"""
    wholes: frozenset[str]
    context: tuple[str, ...]
    """content words, nearest first"""
    counted: bool
    value: float
    at: int
    """where the figure starts in the text read"""

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as a few strings (its words hold no space): from a worker, a figure's tuple and set of
        words cost more to unpickle than the words joined."""
        return (_unpickled, (self.source, self.noun, self.written, " ".join(self.wholes), " ".join(self.context),
                             self.counted, self.value, self.at))


def _unpickled(source: str, noun: str, written: str, wholes: str, context: str, counted: bool, value: float,
               at: int) -> _Figure:
    return _Figure(source, noun, written, frozenset(wholes.split()), tuple(context.split()), counted, value, at)


_ORDER_BITS = 40
_ORDER_MASK = (1 << _ORDER_BITS) - 1
"""A cluster's context words are ranked by `place - (count << _ORDER_BITS)`: fewer words than that come."""


@dataclass(eq=False)
class _Cluster:
    noun: str
    context: Counter[str] = field(default_factory=Counter)
    nouns: Counter[str] = field(default_factory=Counter)
    written: Counter[str] = field(default_factory=Counter)
    sources: dict[str, float | str] = field(default_factory=dict)
    """each source with the first figure it states"""
    several: set[str] = field(default_factory=set)
    """the sources that state more than one figure"""
    values: Counter[float | str] = field(default_factory=Counter)
    """each figure (or, for an event, each date) with how many times it is stated"""
    size: int = 0
    counted: bool = True
    """whether the noun is written as a word (not a currency read from `$`), so it can be an about word"""
    _top: list[str] | None = field(default=None, repr=False)
    """`context.most_common(CONTEXT_WORDS)`, kept up to date by `add` rather than made again"""
    _order: dict[str, int] = field(default_factory=dict, repr=False)
    """where each context word first came: the order of `context`"""
    _in_order: list[str] = field(default_factory=list, repr=False)
    """the context words in that order"""
    _ranked: tuple[list[str], set[str], set[str], set[str]] | None = field(default=None, repr=False)

    def ranked(self) -> tuple[list[str], set[str], set[str], set[str]]:
        """The commonest context words that are not one of its nouns; as a set; the first three as a set;
        its nouns as a set."""
        if self._ranked is None:
            if self._top is None:
                self._top = [w for w, _ in self.context.most_common(CONTEXT_WORDS)]
            ranked = [w for w in self._top if w not in self.nouns]
            self._ranked = (ranked, set(ranked), set(ranked[:3]), set(self.nouns))
        return self._ranked

    def add(self, figure: _Figure) -> None:
        top_before, nouns_before = self._top, len(self.nouns)
        context, order = self.context, self._order
        context.update(figure.context)
        fresh = [w for w in figure.context if w not in order]
        if fresh:
            fresh = list(dict.fromkeys(fresh))  # a word once, whatever made the figure
            order.update(zip(fresh, range(len(order), len(order) + len(fresh))))
            self._in_order += fresh
        top = self._top
        if top is not None:
            # only the figure's words gained: the new commonest are among them and the old commonest,
            # ties in the order the words first came, as `most_common` breaks them; a word counted
            # less than every one of the old commonest cannot pass them
            floor = min(map(context.__getitem__, top)) if len(top) >= CONTEXT_WORDS else 0
            candidates = set(top)
            candidates.update(w for w in figure.context if context[w] >= floor)
            # ranked by one integer each: the count, then where the word first came
            keys = sorted([order[w] - (context[w] << _ORDER_BITS) for w in candidates])[:CONTEXT_WORDS]
            in_order = self._in_order
            self._top = [in_order[key & _ORDER_MASK] for key in keys]
        nouns = self.nouns
        nouns[figure.noun] += 1
        for noun in figure.wholes:
            if noun != figure.noun:
                nouns[noun] += 1
        if self._top is None or self._top != top_before or len(nouns) != nouns_before:
            self._ranked = None  # else what `ranked` says holds: its words and nouns are the same
        self.written[figure.written] += 1
        self.counted = self.counted and figure.counted
        self.state(figure.source, figure.value)

    def state(self, source: str, value: float | str) -> None:
        """Count a figure (or a date) stated by `source`."""
        self._stated_by(source, value)
        self.values[value] += 1
        self.size += 1

    def _stated_by(self, source: str, value: float | str) -> None:
        if self.sources.setdefault(source, value) != value:
            self.several.add(source)

    def merge(self, other: _Cluster) -> None:
        """Take in another cluster's figures (by their counts: no figure is kept)."""
        self._ranked = self._top = None
        self._order, self._in_order = {}, []  # a merged cluster is ranked afresh and grows no more
        self.context.update(other.context)
        self.nouns.update(other.nouns)
        self.written.update(other.written)
        self.counted = self.counted and other.counted
        for source, value in other.sources.items():
            self._stated_by(source, value)
        self.several |= other.several
        self.values.update(other.values)
        self.size += other.size

    def disagrees(self) -> bool:
        """Whether figures from two sources or more differ: worth a draft first."""
        return len(self.sources) > 1 and len(self.values) > 1

    def recurring(self) -> bool:
        """Whether it is a kind of figure that recurs, not one claim on which the sources split: its
        figures scatter over many values (each town's budget, each year's total), or many of its sources
        each state several of them (each vote's "2 members absent"). Not suggested."""
        top_two = sum(n for _, n in self.values.most_common(2))
        several = len(self.several)
        return (len(self.values) > RECURRING_VALUES and top_two < RECURRING_SHARE * self.size
                or several >= SEVERAL_SOURCES and several >= SEVERAL_SHARE * len(self.sources))

    def similarity(self, figure: _Figure, words: set[str], beside: set[str]) -> float:
        """Jaccard similarity of context words (`words`: the figure's context as a set) but for the
        cluster's nouns; a figure naming the cluster's noun as its whole ("parents of 628 children")
        counts that as a shared word."""
        _, top, near, nouns = self._ranked or self.ranked()
        common = len(top & words)  # `top` holds none of the nouns
        union = len(top) + len(words) - len(words & nouns) - common
        shared = common + (1 if self.noun in figure.wholes else 0)
        # the words right beside a figure (`beside`) say most about it ("homes were flooded"): count them twice
        shared += len(beside & near)
        return shared / union if union else 0.0


class Suggestion(BaseModel):
    """A candidate claim: the draft rule, what it reads and where its sources disagree."""

    rule: Draft
    versions: list[Version]
    findings: list[Finding]

    @property
    def sources(self) -> list[str]:
        return sorted({s for v in self.versions for s in v.sources})

    def spread(self) -> float:
        """How far apart the figures are: the largest over the smallest, minus one."""
        values = [float(v.value) for v in self.versions if isinstance(v.value, (int, float)) and v.value > 0]
        return max(values) / min(values) - 1 if len(values) > 1 else 0.0


class Suggestions(BaseModel):
    suggestions: list[Suggestion] = []
    problems: list[Problem] = []
    sources: int = 0


def _content_word(word: str) -> str:
    """A word of context as grouping compares it (singular), or "" for a short or stop word."""
    if len(word) <= 3:
        return ""
    word = singular(word)
    return "" if word in STOP_WORDS or word in EXTRA_STOP else word


_CONTENT: dict[str, str] = {}
"""`_content_word` of the words seen, cleared when it holds `MAX_WORDS_KNOWN`."""
MAX_WORDS_KNOWN = 65_536


def _content_words(window: str) -> list[tuple[int, str]]:
    """The content words of a figure's sentence, singular, with where each starts."""
    known = _CONTENT
    found = []
    for m in _WORD.finditer(window):
        word = m[0]
        content = known.get(word)
        if content is None:
            if len(known) >= MAX_WORDS_KNOWN:
                known.clear()
            content = known[word] = _content_word(word)
        if content:
            found.append((m.start(), content))
    return found


def _context(words: list[tuple[int, str]], at: int, leave_out: frozenset[str]) -> tuple[str, ...]:
    """The first `CONTEXT_WORDS` content words nearest the figure at `at` (of `words`, in text order),
    nearest first, the earlier of two as near: walked outwards from the figure, not sorted."""
    kept: dict[str, None] = {}
    after = bisect.bisect_left(words, (at, ""))
    before = after - 1
    while len(kept) < CONTEXT_WORDS and (before >= 0 or after < len(words)):
        if after >= len(words) or before >= 0 and at - words[before][0] <= words[after][0] - at:
            word = words[before][1]
            before -= 1
        else:
            word = words[after][1]
            after += 1
        if word not in leave_out:
            kept[word] = None
    return tuple(kept)


def _sentence_end(text: str, at: int) -> int:
    """Where the sentence holding `at` ends, found by punctuation, at most `WINDOW` characters on."""
    after = _BOUNDARY.search(text, at, min(len(text), at + WINDOW))
    return after.start() + 1 if after else min(len(text), at + WINDOW)


def _breaks(text: str) -> tuple[list[int], list[int]]:
    """Where each sentence break of `text` starts, and where each ends."""
    spans = [m.span() for m in _BOUNDARY.finditer(text)]
    return [a for a, _ in spans], [b for _, b in spans]


def _sentence_around(breaks: tuple[list[int], list[int]], start: int, end: int, length: int) -> tuple[int, int]:
    """The sentence holding text[start:end], by its breaks (`_breaks`): from the last break before it
    and up to the next after it, at most `WINDOW` characters either side."""
    starts, ends = breaks
    before = bisect.bisect_right(ends, start) - 1
    begin = ends[before] if before >= 0 and ends[before] >= start - WINDOW else max(0, start - WINDOW)
    after = bisect.bisect_left(starts, end)
    stop = min(length, end + WINDOW)
    return begin, starts[after] + 1 if after < len(starts) and starts[after] < stop else stop


def _slug(words: Sequence[str]) -> str:
    """Words as a rule id: lower case, joined by hyphens."""
    return "-".join(re.sub(r"[^a-z0-9]+", "-", w.lower()).strip("-") for w in words)


def _vague_figures(text: str, form: str) -> Iterator[re.Match[str]]:
    """`_VAGUE_FIGURE`'s matches in `text`, looked for only around the "s of"s of its match form `form`:
    from the word holding one, over the next when only a word stands between them ("hundreds of
    thousands of", however wide the spaces)."""
    regions: list[list[int]] = []
    for end in _VAGUE_END.finditer(form):
        if regions and len(form[regions[-1][1]:end.start()].split()) <= 1:
            regions[-1][1] = end.end()
        else:
            regions.append([max(0, end.start() - VAGUE_WORD), end.end()])
    for low, high in regions:
        yield from _VAGUE_FIGURE.finditer(text, low, high)


def _figure_value(text: str, hit: re.Match[str]) -> tuple[str, Decimal | None]:
    """A figure as written and its value; None for a year, the day of a date or what is no number."""
    raw = hit.group(0)
    if hit.re is _VAGUE_FIGURE:
        scale = vague_range(raw.rsplit(maxsplit=1)[0])
        return "", None if scale is None else Decimal(scale[0])
    if len(raw) == 4 and _YEAR.fullmatch(raw) or day_of_date(text, hit.start(), hit.end(), raw):
        return raw, None
    return raw, figure_value(raw)


def figures_in(text: str, source: str) -> list[_Figure]:
    """Every figure written in digits or money with its counted noun in `text`, with its context.

    A first pass over the whole corpus, so it reads only what grouping needs: one regex finds the
    figures, and the noun is the readers' own (`find_unit`, `noun_of_whole`); years, days of dates,
    times, percentages and negated counts are left out. The drafts are then read in full by the
    ordinary pipeline, which is where the versions and findings come from.
    """
    found: list[_Figure] = []
    form = match_form(text)
    breaks: tuple[list[int], list[int]] | None = None
    window_of: tuple[int, int, list[tuple[int, str]]] = (-1, -1, [])
    in_window: dict[int, list[_Figure]] = {}
    vague = list(_vague_figures(text, form))
    hits: Iterable[re.Match[str]] = sorted([*_FIGURE.finditer(text), *vague], key=_START) if vague else \
        list(_FIGURE.finditer(text))
    for hit in hits:
        start = hit.start()
        if start and hit.re is _FIGURE and (text[start - 1] in _GLUED_AFTER or text[start - 1].isalnum()):
            continue
        raw, value = _figure_value(text, hit)
        if value is None:
            continue
        money = raw[:1] in CURRENCIES or raw[-1:] in CURRENCIES
        unit = None if money else find_unit(text, hit.end(), ()) or noun_of_whole(text, hit.end(), ())
        if unit is None and not money:
            continue
        noun_written = CURRENCIES[raw[0] if raw[0] in CURRENCIES else raw[-1]] if unit is None else unit[0]
        noun = singular(noun_written.lower())
        if noun in NOT_CLAIMS or not noun[:1].isalpha() or is_negated(text, start):
            continue
        if not window_of[0] <= start < window_of[1]:
            breaks = breaks or _breaks(text)
            begin, end = _sentence_around(breaks, start, hit.end(), len(text))
            window_of = (begin, end, _content_words(form[begin:end]))
        begin = window_of[0]
        low = max(begin, start - 40)
        whole = _OF_WHOLE.search(form, low, start) if form.find("of", low, start) != -1 else None
        plural = whole.group(1) if whole and singular(whole.group(1)) != whole.group(1) else None
        wholes = frozenset({singular(plural)}) if plural and plural not in STOP_WORDS else frozenset()
        found.append(_Figure(source, noun, noun_written.lower(), wholes,
                             _context(window_of[2], start - begin, wholes | {noun}),
                             counted=unit is not None, value=float(value), at=start))
        in_window.setdefault(begin, []).append(found[-1])
    for figures in in_window.values():
        # what the sentence's other figures count is their context, not this one's ("a shortfall of
        # $227 million and a shortage of 3,000 beds": the money is no bed figure)
        for figure in figures:
            others = {f.noun for f in figures} - {figure.noun}
            if others:
                figure.context = tuple(w for w in figure.context if w not in others)
    return found


_DATE_ANCHOR = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November"
                          r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
"""Where a date tied to an event may start: a month or weekday name (capitalised, so not "may")."""
_EVENT_BEFORE = re.compile(
    r"(?:\b(?i:the|a|an|its|their|this|that)\s+(?:[a-z]+\s+){0,2}?(?P<noun>[a-z]{3,})\s+"
    r"(?:(?:was|were|is|are|had been|has been|have been)\s+)?"
    r"(?P<verb>[a-z]{3,}ed)"
    r"|\b(?P<verb2>[a-z]{3,}ed)\s+(?:the|a|an|its|their|his|her)\s+(?:[a-z]+\s+)?(?P<noun2>[a-z]{3,}))"
    r"\s+(?:(?:on|in|last|this|early|late|since)\s+)?$")
"""An event noun and its verb right before a date: "the report was released on", "signed the order in"."""
_VERB_END = re.compile(r"ed\s")
NOT_EVENTS = frozenset({"said", "added", "noted", "stated", "asked", "reported", "told", "used", "needed", "based",
                        "called", "named", "seemed", "appeared", "expected", "wanted", "tried", "included"})
"""Verbs before a date that tell of speaking or being, not of an event a date belongs to."""
EVENT_WINDOW = 80


@dataclass
class _Event:
    source: str
    noun: str
    verb: str
    value: str
    """the date as the date rule reads it (ISO, at its precision)"""
    at: int


def events_in(text: str, source: str, published: date | None) -> list[_Event]:
    """Every date tied to an event noun ("the report was released on March 3"): the noun, its verb
    and the date, read by the date reader (`find_dates`) from the sentence around it only."""
    found: list[_Event] = []
    for anchor in _DATE_ANCHOR.finditer(text):
        low = max(0, anchor.start() - EVENT_WINDOW)
        if not _VERB_END.search(text, low, anchor.start()):
            continue  # `_EVENT_BEFORE`'s verbs end so; a cheap search where most anchors stop
        event = _EVENT_BEFORE.search(text, low, anchor.start())
        if event is None:
            continue
        noun, verb = (event.group("noun"), event.group("verb")) if event.group("noun") else (
            event.group("noun2"), event.group("verb2"))
        noun = singular(noun)
        if noun in STOP_WORDS or verb in NOT_EVENTS or noun in NOT_CLAIMS:
            continue
        window = text[event.start():_sentence_end(text, anchor.end())]
        dates = [d for d in find_dates(window, published) if d.start == anchor.start() - event.start()]
        if dates:
            found.append(_Event(source, noun, verb, dates[0].value, anchor.start()))
    return found


Stated = tuple[str, int, list[_Figure], list[_Event]]
"""A source's figures and events, with its path and where its body starts (what their offsets count from)."""


def figures_of(batch: list[Found]) -> tuple[list[Problem], int, list[Stated]]:
    """Each file of a batch read, and `figures_in` and `events_in` it: the first pass, run here or in a
    worker. With the problems of the files in order and how many were read."""
    problems: list[Problem] = []
    stated: list[Stated] = []
    for found in batch:
        source, said = read_found(found)
        problems += said
        if source is not None:
            body = source.text[source.body_start:]
            stated.append((source.path, source.body_start, figures_in(body, source.name),
                           events_in(body, source.name, source.meta.published)))
    return problems, len(stated), stated


def event_drafts(events: list[_Event]) -> list[tuple[DateRule, _Cluster]]:
    """A date rule for each event noun and verb stated by any source, with its dates counted as a
    cluster's figures are (so that it is judged and ranked with them)."""
    grouped: dict[tuple[str, str], _Cluster] = {}
    for event in events:
        cluster = grouped.setdefault((event.noun, event.verb), _Cluster(noun=event.noun, counted=False))
        cluster.state(event.source, event.value)
    drafts = []
    for (noun, verb), cluster in grouped.items():
        base = _slug([noun, verb])
        rule = DateRule(id=base if re.match(ID_PATTERN, base) else "event", type="date",
                        title=f"When the {noun} was {verb}", about=[noun], phrases=[f"{noun} {verb}"])
        drafts.append((rule, cluster))
    return drafts


_SIZE = operator.attrgetter("size")


class _Grouping:
    """Figures grouped by noun (a whole they name counts too) and similar context, one figure at a
    time as the first pass finds them; greedy, bounded per figure. The figures are not kept."""

    def __init__(self) -> None:
        self._by_noun: dict[str, list[_Cluster]] = defaultdict(list)

    def add(self, figure: _Figure) -> None:
        by_noun = self._by_noun
        best: tuple[float, _Cluster] | None = None
        words, beside = set(figure.context), set(figure.context[:2])
        for noun in sorted({figure.noun} | figure.wholes) if figure.wholes else (figure.noun,):
            for cluster in by_noun[noun][:MAX_CLUSTERS_TRIED]:
                score = cluster.similarity(figure, words, beside)
                if score >= MIN_SIMILARITY and (best is None or score > best[0]):
                    best = (score, cluster)
        if best is None:
            best = (1.0, _Cluster(noun=figure.noun))
            by_noun[figure.noun].append(best[1])
        best[1].add(figure)
        for noun in figure.wholes:
            if best[1] not in by_noun[noun]:
                by_noun[noun].append(best[1])
        by_noun[figure.noun].sort(key=_SIZE, reverse=True)  # stable, as the sort by size it is

    def clusters(self) -> list[_Cluster]:
        unique = {id(c): c for clusters in self._by_noun.values() for c in clusters}
        return list(unique.values())

    def spread(self) -> Counter[str]:
        """In how many figures' context each word stands: each figure's context went to one cluster."""
        spread: Counter[str] = Counter()
        for cluster in self.clusters():
            spread.update(cluster.context)
        return spread


def _written(noun: str, cluster: _Cluster) -> str:
    """A noun as the sources write it (plural when they do), for the rule's unit."""
    forms = [w for w, _ in cluster.written.most_common() if singular(w) == noun]
    return forms[0] if forms else noun if noun.endswith("s") else noun + "s"


def unique_id(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3` ...: the first that is a valid rule id not in `taken` (then added)."""
    rule_id, n = base, 2
    while rule_id in taken or not re.match(ID_PATTERN, rule_id):
        rule_id, n = f"{base}-{n}", n + 1
    taken.add(rule_id)
    return rule_id


def draft_rule(cluster: _Cluster, taken: set[str], spread: Counter[str]) -> QuantityRule:
    """The quantity rule a candidate becomes: its noun as unit, nouns of the whole ("parents of 628
    children") as related units, and as about word the context word its figures share that is
    rarest elsewhere (`spread`: in how many figures' context each word stands), so the draft reads
    few sentences besides its own."""
    unit = _written(cluster.noun, cluster)
    related = [_written(n, cluster) for n, _ in cluster.nouns.most_common(3) if n != cluster.noun]
    common = [w for w, n in cluster.context.items() if n * 2 >= cluster.size and w not in cluster.nouns]
    most = max((cluster.context[w] for w in common), default=0)
    # the words most of its figures share, the rarest elsewhere first, then the nearest its first figure
    first_seen = {w: i for i, w in enumerate(cluster.context)}
    shared = sorted(common, key=lambda w: (cluster.context[w] < most, spread[w] / cluster.context[w],
                                           first_seen[w]))[:3]
    about = [unit, *shared[:1]] if cluster.counted else shared[:2] or [unit]
    base = _slug(about) or "claim"
    rule_id = unique_id(base, taken)
    title = f"{unit.capitalize()} ({', '.join(shared[:3]) or 'figures'})"
    return QuantityRule(id=rule_id, title=title, type="quantity", about=about, unit=unit, related_units=related)


def _read_keys(rule: Draft) -> list[str]:
    """Under which keys the first pass filed the sources a draft can read statements in."""
    if isinstance(rule, QuantityRule):
        return [singular(unit) for unit in rule.units()]
    return list(rule.phrases)


def with_examples(suggestion: Suggestion, limit: int = 3) -> Draft:
    """The draft with examples taken from the sources' own sentences, each expecting what was read
    from it — kept only when the rule reads the same from the sentence alone."""
    examples: list[Example] = []
    for version in suggestion.versions[:limit]:
        mention = version.mentions[0]
        expect = {"value": mention.value, "unit": mention.unit} if mention.unit else {"value": mention.value}
        example: dict[str, Any] = {"text": mention.sentence, "expect": expect}
        if mention.published:
            example["published"] = mention.published
        read = mentions_in_text(suggestion.rule, mention.sentence, mention.published)
        if any(m.value == mention.value and m.unit == mention.unit for m in read):
            examples.append(Example.model_validate(example))
    return suggestion.rule.model_copy(update={"examples": examples})


def draft_text(rule: Draft) -> str:
    """A draft rule file: the fields a user edits, and examples that pass as written."""
    lines = ["# A draft rule written by `checker suggest`: edit the title, about words and unit, add phrases",
             "# or exclude words, then run `checker rules validate` and `checker rules test`.", ""]
    values = rule.model_dump(mode="json", exclude_defaults=True)
    for name in ("id", "title", "type", "about", "phrases", "unit", "related_units"):
        if name in values:
            lines.append(f"{name}: {flow(values[name])}")
    if rule.examples:
        lines.append("examples:")
        for example in rule.examples:
            lines.append(f"  - text: {flow(example.text)}")
            if example.published:
                lines.append(f"    published: {example.published.isoformat()}")
            expect = example.expect if example.expect == "none" else example.expect.model_dump(
                mode="json", exclude_none=True)
            lines.append(f"    expect: {flow(expect)}")
    return "\n".join(lines) + "\n"


@dataclass
class _FirstPass:
    """What the first pass keeps of a corpus: figures grouped, events, and where each was stated."""

    grouping: _Grouping = field(default_factory=_Grouping)
    events: list[_Event] = field(default_factory=list)
    places: dict[str, dict[str, set[int]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    """for each counted noun (each event), the files that state a figure of it and where: the only
    places a draft can read a statement"""
    problems: list[Problem] = field(default_factory=list)
    sources: int = 0
    found: dict[str, Found] = field(default_factory=dict)
    """every file found, in the order found: what the second pass reads again without a second walk"""


def _first_pass(paths: Sequence[Path | str], selection: Selection | None, jobs: int | None,
                stack: ExitStack) -> _FirstPass:
    first = _FirstPass()
    rest: list[Problem] = []
    found = found_sources(paths, selection, stack, rest)
    for done in map_batches(_noting(found, first.found), jobs, figures_of, figures_of,
                            size=FOUND_BATCH_BYTES, serial=FIRST_PASS_SERIAL_BYTES):
        said, read, batch = done.mentions
        first.problems += said
        first.sources += read
        # grouped here while the workers read the next batches
        for path, body_start, figures, stated in batch:
            first.events += stated
            for figure in figures:
                first.grouping.add(figure)
                first.places[figure.noun][path].add(body_start + figure.at)
            for event in stated:
                first.places[f"{event.noun} {event.verb}"][path].add(body_start + event.at)
    first.problems += rest
    return first


def _noting(found: Iterable[Found], kept: dict[str, Found]) -> Iterator[Found]:
    for item in found:
        kept[item.path] = item
        yield item


def _drafts(first: _FirstPass, top: int) -> list[Draft]:
    """The drafts of the candidates worth reading again: those whose sources disagree, then what one
    source alone states, `top` and a quarter more."""
    # clusters giving one rule are one candidate: judged together (a figure that recurs may be split
    # over several clusters), drafted from the largest
    candidates: dict[tuple[str, ...], tuple[Draft, _Cluster]] = {
        ("date", *rule.phrases): (rule, cluster) for rule, cluster in event_drafts(first.events)}
    spread = first.grouping.spread()
    for cluster in sorted(first.grouping.clusters(), key=lambda c: (-c.size, c.noun)):
        draft = draft_rule(cluster, set(), spread)
        key = (draft.unit, *draft.about)
        if key not in candidates:
            candidates[key] = (draft, _Cluster(noun=cluster.noun))
        candidates[key][1].merge(cluster)
    # a claim several sources agree on is nothing to check (and reading it again would cost the most)
    kept = [c for c in candidates.values() if not c[1].recurring() and (c[1].disagrees() or len(c[1].sources) == 1)]
    kept.sort(key=lambda c: (not c[1].disagrees(), -len(c[1].sources), -c[1].size, c[1].noun))
    taken: set[str] = set()
    return [draft.model_copy(update={"id": unique_id(draft.id, taken)}) for draft, _ in kept[:top + top // 4]]


def _second_pass(drafts: list[Draft], first: _FirstPass, jobs: int | None) -> list[Mention]:
    """The drafts' statements. A draft reads one only where a figure counts its unit or a related one
    (a date rule: where its event is dated), so only the paragraphs holding one are read again, from
    the files the first pass found (standard input from its copy)."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for rule in drafts:
        for noun in _read_keys(rule):
            for path, offsets in first.places[noun].items():
                wanted[path] |= offsets
    again = (replace(item, paragraphs=frozenset(wanted[path]), before=()) for path, item in first.found.items()
             if path in wanted)
    return [mention for done in match_found(again, list(drafts), jobs) for mention in done.mentions.mentions]


def suggest(paths: Sequence[Path | str], top: int = 10, selection: Selection | None = None,
            jobs: int | None = 1) -> Suggestions:
    """Candidate claims in the sources under `paths`, those whose sources disagree first; `jobs` as for
    `checker.check` runs the drafts in that many processes (None: one per core for a large corpus)."""
    with ExitStack() as stack:  # standard input, copied to a file, is read in both passes
        first = _first_pass(paths, selection, jobs, stack)
        drafts = _drafts(first, top)
        mentions = _second_pass(drafts, first, jobs)
    found_findings, versions = compare(list(drafts), mentions)
    by_rule: dict[str, list[Version]] = defaultdict(list)
    for version in versions:
        by_rule[version.rule].append(version)
    findings: dict[str, list[Finding]] = defaultdict(list)
    for finding in found_findings:
        findings[finding.rule].append(finding)
    suggestions = [Suggestion(rule=rule, versions=by_rule[rule.id], findings=findings[rule.id])
                   for rule in drafts if by_rule[rule.id]]
    suggestions.sort(key=lambda s: (not s.findings, -len(s.sources), -s.spread(), s.rule.id))
    chosen = [s.model_copy(update={"rule": with_examples(s)}) for s in suggestions[:top]]
    return Suggestions(suggestions=chosen, problems=first.problems, sources=first.sources)
