"""The library entry point: `check()` runs every stage, as `checker check` does."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from checker.compare import compare
from checker.match import KeywordIndex, match_source
from checker.models import CheckResult, Mention, Problem, RuleInfo, Stats
from checker.rules import Rule, load_rules
from checker.sources import load_sources


def check_sources(source_paths: Sequence[Path], rules: Sequence[Rule]) -> CheckResult:
    """Check the sources under `source_paths` against already loaded `rules`.

    Sources are read one at a time and dropped once matched, so memory holds mentions, not texts.
    """
    started = time.perf_counter()
    index = KeywordIndex(rules)
    mentions: list[Mention] = []
    problems: list[Problem] = []
    count = 0
    for item in load_sources(list(source_paths)):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        count += 1
        mentions.extend(match_source(item, index))
    findings, versions = compare(rules, mentions)
    stats = Stats(sources=count, rules=len(rules), mentions=len(mentions),
                  seconds=round(time.perf_counter() - started, 3))
    infos = [RuleInfo(id=r.id, title=r.title, type=r.type, severity=r.severity) for r in rules]
    return CheckResult(findings=findings, versions=versions, problems=problems, stats=stats, rules=infos)


def check(source_paths: Sequence[Path | str], rule_paths: Sequence[Path | str] = ("rules",)) -> CheckResult:
    """Load the rules under `rule_paths` and check the sources under `source_paths`.

    Rule files that do not load are reported in `problems`; the others are still used.
    """
    loaded = load_rules([Path(p) for p in rule_paths])
    result = check_sources([Path(p) for p in source_paths], loaded.rules)
    result.problems[:0] = loaded.problems
    for info in result.rules:
        info.file = loaded.files.get(info.id)
    return result
