"""The data passed between pipeline stages.

Every stage (sources, rules, match, extract, compare, report, review) takes and returns these
pydantic models and nothing else, so a notebook can run any stage on its own.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Verdict = Literal["contradiction", "apparent"]
Reason = Literal["different-unit", "different-time", "different-scope", "bound", "rounding", "altered-quote",
                 "misattributed"]
Stance = Literal["affirm", "deny"]
Severity = Literal["low", "medium", "high"]
ReviewStatus = Literal["open", "confirmed", "dismissed"]

REASONS: tuple[str, ...] = ("different-unit", "different-time", "different-scope", "bound", "rounding",
                             "altered-quote", "misattributed")


class Problem(BaseModel):
    """Something wrong with the user's input: a bad rule, an unreadable source, a bad option."""

    model_config = ConfigDict(frozen=True)

    file: str
    line: int | None = None
    column: int | None = None
    message: str
    hint: str | None = None
    level: Literal["error", "warning"] = "error"
    excerpt: str | None = Field(default=None, description="the offending line, for a caret display")

    def one_line(self) -> str:
        """`FILE:LINE:COL: level: message (hint)` — the form every error is printed in."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.level}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class SourceMeta(BaseModel):
    """What is known about a source besides its text."""

    outlet: str | None = None
    published: date | None = None
    title: str | None = None
    url: str | None = None


class Source(BaseModel):
    """One document as read: decoded text (offsets index into it) and its metadata."""

    name: str = Field(description="path as shown to the user, relative to the folder given")
    path: str = Field(description="path on disk")
    text: str
    meta: SourceMeta = SourceMeta()
    body_start: int = Field(default=0, description="offset where the text after any header starts")


class Sentence(BaseModel):
    """A sentence of a source: `source.text[start:end]`, with its 1-based line."""

    start: int
    end: int
    line: int
    paragraph_start: int
    paragraph_end: int
    text: str


class PhraseMatch(BaseModel):
    """Where a rule matched inside a sentence (offsets into the sentence) and with which phrase."""

    start: int
    end: int
    phrase: str | None = None
    polarity: Stance | None = None


class Interval(BaseModel):
    """The set of values a quantity statement allows ("at least 545" is [545, inf))."""

    model_config = ConfigDict(frozen=True)

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def overlaps(self, other: Interval) -> bool:
        if self.low > other.high or other.low > self.high:
            return False
        if self.low == other.high and (self.low_open or other.high_open):
            return False
        if other.low == self.high and (other.low_open or self.high_open):
            return False
        return True

    @property
    def is_point(self) -> bool:
        return self.low == self.high and not (self.low_open or self.high_open)

    def describe(self) -> str:
        def fmt(x: float) -> str:
            if math.isinf(x):
                return "∞"
            return f"{x:,.0f}" if x == int(x) else f"{x:,}"

        if self.is_point:
            return fmt(self.low)
        if not (self.low_open or self.high_open or math.isinf(self.high)):
            return f"{fmt(self.low)}–{fmt(self.high)}"
        left = "(" if self.low_open else "["
        right = ")" if self.high_open or math.isinf(self.high) else "]"
        return f"{left}{fmt(self.low)}, {fmt(self.high)}{right}"


SpeakerKind = Literal["named", "outlet"]


class Mention(BaseModel):
    """One statement about a rule's claim, with what it says, who says it and where it was published."""

    rule: str
    source: str
    line: int
    start: int = Field(description="offset of the sentence in the source text")
    end: int
    sentence: str
    span_start: int = Field(description="offset of the part that carries the value or stance")
    span_end: int
    value: float | int | str | None = None
    interval: Interval | None = None
    qualifier: str | None = None
    unit: str | None = None
    as_of: str | None = Field(default=None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    speaker: str | None = None
    speaker_kind: SpeakerKind | None = Field(
        default=None, description="named: the text names who says it; outlet: no one is named, so the outlet")
    stance: Stance | None = None
    scope: str | None = None
    statement: str = Field(default="", description="what it says, in a few words: `at least 545 parents`")
    outlet: str | None = None
    published: date | None = None
    title: str | None = None
    url: str | None = None


class Version(BaseModel):
    """Statements of one rule that say the same thing, from every source that makes them.

    `key` is the canonical statement (value or interval, unit, as-of period, scope; stance; date):
    what fingerprints are made of, so a new source repeating a version changes no fingerprint.
    """

    rule: str
    key: str
    statement: str
    value: float | int | str | None = None
    interval: Interval | None = None
    qualifier: str | None = None
    unit: str | None = None
    as_of: str | None = Field(default=None, description="the as-of period the version is compared in")
    scope: str | None = None
    stance: Stance | None = None
    mentions: list[Mention]

    @property
    def sources(self) -> list[str]:
        """The sources making this statement, each once, in order."""
        return list(dict.fromkeys(m.source for m in self.mentions))

    def label(self) -> str:
        """`at least 545 parents (Axios, as of 2020-10)`: the version as a reader names it."""
        who = list(dict.fromkeys(m.speaker or m.outlet or m.source for m in self.mentions))
        shown = ", ".join(who[:2]) + (f" and {len(who) - 2} more" if len(who) > 2 else "")
        parts = [shown, f"as of {self.as_of}" if self.as_of else None, f"scope {self.scope}" if self.scope else None]
        return f"{self.statement} ({'; '.join(p for p in parts if p)})"


class Review(BaseModel):
    """A person's verdict on a finding, kept by fingerprint in the reviews file (see `checker.review`)."""

    status: ReviewStatus = "open"
    note: str | None = None
    by: str | None = None
    at: str | None = Field(default=None, description="when, as UTC ISO 8601: 2021-01-14T09:30:00Z")


class RuleInfo(BaseModel):
    """What reports tell about a rule that ran, whether or not it found anything (SARIF lists them all)."""

    id: str
    title: str
    type: str
    severity: Severity
    file: str | None = Field(default=None, description="the rule file, as the user named it")


class Highlight(BaseModel):
    """A part of a source a finding points at besides the statements' spans: the words two quotations differ in."""

    source: str
    start: int
    end: int


class Finding(BaseModel):
    """A conflict between versions of one rule: its sides, the verdict on them and what explains it.

    A contradiction's sides cannot both hold as stated; an apparent finding's sides differ in a
    way a different unit, time or scope, a bound or rounding explains.
    """

    rule: str
    type: str
    title: str
    verdict: Verdict
    reasons: list[Reason]
    severity: Severity
    fingerprint: str
    message: str
    sides: list[Version]
    highlights: list[Highlight] = Field(default=[], description="words the sides differ in (quotations)")
    review: Review | None = Field(default=None, description="set when a reviews file is in use")

    @property
    def mentions(self) -> list[Mention]:
        """Every statement the finding cites, side by side."""
        return [m for side in self.sides for m in side.mentions]


class Exclusion(BaseModel):
    """A sentence a rule's `exclude` phrase removed: no statement, shown so a rule writer sees why."""

    rule: str
    source: str
    line: int
    sentence: str
    phrase: str


class Stats(BaseModel):
    sources: int = 0
    rules: int = 0
    mentions: int = 0
    seconds: float = 0.0


class CheckResult(BaseModel):
    """Everything one `checker check` run produced."""

    findings: list[Finding] = []
    versions: list[Version] = Field(default=[], description="every version of every rule, agreeing or not")
    exclusions: list[Exclusion] = Field(default=[], description="sentences `exclude` removed, when asked for")
    problems: list[Problem] = []
    stats: Stats = Stats()
    rules: list[RuleInfo] = []

    @property
    def has_errors(self) -> bool:
        return any(p.level == "error" for p in self.problems)
