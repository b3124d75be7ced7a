"""The sentences each rule's `exclude` phrases removed, for `checker check --statements`.

They are no statements, so the findings never see them; a rule writer asking what a rule read
also wants to see what it was kept from reading, and by which phrase. Only the passages holding a
rule's keywords are segmented, as in matching, and only for rules that have `exclude` phrases.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from checker.match import KeywordIndex, check_sentence
from checker.models import Exclusion, Problem
from checker.pipeline import each_source
from checker.rules import Rule
from checker.selection import Selection
from checker.text import line_starts, sentences


def exclusions(source_paths: Sequence[Path | str], rules: Sequence[Rule],
               selection: Selection | None = None) -> list[Exclusion]:
    """Every sentence an `exclude` phrase removed, by rule, in source order."""
    with_exclude = [rule for rule in rules if rule.exclude]
    if not with_exclude:
        return []
    index = KeywordIndex(with_exclude)
    found: list[Exclusion] = []
    problems: list[Problem] = []  # already reported by the check itself
    for source in each_source(source_paths, selection, problems):
        starts: list[int] | None = None
        for (start, end), rule_ids in sorted(index.passages(source.text).items()):
            if end <= source.body_start:
                continue
            starts = starts or line_starts(source.text)
            for sentence in sentences(source.text, max(start, source.body_start), end, starts):
                for rule_id in sorted(rule_ids):
                    phrase = check_sentence(index.rules[rule_id], sentence).excluded_by
                    if phrase is not None:
                        found.append(Exclusion(rule=rule_id, source=source.name, line=sentence.line,
                                               sentence=sentence.text, phrase=phrase))
    return sorted(found, key=lambda e: e.rule)
