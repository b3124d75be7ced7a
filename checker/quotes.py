"""`checker quotes`: every quotation in the sources, the same remark grouped, altered and misattributed
ones flagged — with no rule.

Quotations are indexed by runs of three of their words, so only quotations sharing such a run are
ever compared (a run common to many quotations, a stock phrase, is not used); quotations joined
by shared runs are one remark. Each remark is compared as a `type: quote` rule compares its
statements, so findings, fingerprints, reviews and baselines work as for any rule.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from checker.compare import conflicts, versions_of
from checker.extract.quotations import GAP, QUOTE_MARKS, comparable_words, quotations, same_remark
from checker.models import CheckResult, Finding, Mention, Problem, RuleInfo, Source, Stats, Version
from checker.rules.quote import QuoteRule, quote_mention
from checker.pipeline import each_source
from checker.selection import Selection
from checker.text import line_starts, sentences

RULE = QuoteRule(id="quotations", title="One remark, quoted across sources", type="quote", severity="medium")
SHINGLE = 3
COMMON_RUN = 50
"""A run of words shared by more quotations than this is a stock phrase, not evidence of one remark."""


def quotation_mentions(source: Source) -> list[Mention]:
    """Every quotation of a source as a statement, with the sentence it starts in."""
    text = source.text
    found: list[Mention] = []
    starts: list[int] | None = None
    position = source.body_start
    while position < len(text):
        end = text.find("\n\n", position)
        end = len(text) if end == -1 else end
        if any(mark in text[position:end] for mark in QUOTE_MARKS):
            quotes = quotations(text, position, end)
            if quotes:
                starts = starts or line_starts(text)
                spans = sentences(text, position, end, starts)
                for quote in quotes:
                    sentence = next((s for s in spans if s.start <= quote.start < s.end + 1), spans[0])
                    found.append(quote_mention(RULE.id, source, sentence, quote))
        position = end + 2
    return found


def remarks(mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Quotations grouped into remarks: joined when they share a run of SHINGLE words."""
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    runs: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        words = [w for w in comparable_words(str(mention.value)) if w != GAP]
        for k in range(len(words) - SHINGLE + 1):
            runs[tuple(words[k:k + SHINGLE])].append(i)
    for members in runs.values():
        if 1 < len(members) <= COMMON_RUN:
            for other in members[1:]:
                parent[find(other)] = find(members[0])
    groups: dict[int, list[Mention]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        groups[find(i)].append(mention)
    split = [remark for group in groups.values() if len(group) > 1 for remark in _same_remarks(group)]
    return [remark for remark in split if len(remark) > 1]


def _same_remarks(group: list[Mention]) -> list[list[Mention]]:
    """A group joined by shared runs, split into remarks: each quotation joins the first remark it is
    the same remark as (word for word or altered)."""
    found: list[tuple[list[str], list[Mention]]] = []
    for mention in group:
        words = comparable_words(str(mention.value))
        home = next((members for first, members in found if same_remark(first, words)), None)
        if home is None:
            found.append((words, [mention]))
        else:
            home.append(mention)
    return [members for _, members in found]


def check_quotes(paths: Sequence[Path | str] | Path | str, selection: Selection | None = None) -> CheckResult:
    """Findings among every quotation of the sources under `paths`; versions of remarks quoted twice or more."""
    started = time.perf_counter()
    mentions: list[Mention] = []
    problems: list[Problem] = []
    count = 0
    for source in each_source(paths, selection, problems):
        count += 1
        mentions += quotation_mentions(source)
    findings: list[Finding] = []
    versions: list[Version] = []
    for remark in remarks(mentions):
        remark_versions = versions_of(RULE, remark)
        if len(remark_versions) > 1:
            versions += remark_versions
            findings += conflicts(RULE, remark_versions)
    findings.sort(key=lambda f: [(s.sources, s.key) for s in f.sides])
    stats = Stats(sources=count, rules=0, mentions=len(mentions), seconds=round(time.perf_counter() - started, 3))
    info = RuleInfo(id=RULE.id, title=RULE.title, type=RULE.type, severity=RULE.severity)
    return CheckResult(findings=findings, versions=versions, problems=problems, stats=stats, rules=[info])
