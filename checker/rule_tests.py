"""Running rules' examples and test-case files: what `checker rules test` reports.

Each example is run through the same matching and extraction as `checker check`
(`mentions_in_text`), and its outcome says where it stands in its file, whether it passed and,
if not, the difference between what was expected and what was found.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel

from checker.compare import compare
from checker.match import SentenceWords, check_sentence, mentions_in_text, phrase_alignments
from checker.models import Mention, Problem
from checker.rules import LoadedRules, Rule, read_documents, rule_files, rules_from_documents
from checker.rules.base import Example
from checker.rules.cases import Case, CaseFile, is_case_file, parse_case_file
from checker.rules.expect import NO_STATEMENT, closest, field_diff, mismatches, unexpected
from checker.guarded_yaml import Document
from checker.text import line_starts, match_form, sentences


class Outcome(BaseModel):
    """One example or case: where it is, whether it passed, and the difference if not."""

    file: str
    line: int
    rule: str
    name: str
    text: str
    passed: bool
    diff: list[str] = []


class Suite(BaseModel):
    """Everything `checker rules test` ran, and the files it could not use."""

    outcomes: list[Outcome] = []
    problems: list[Problem] = []
    rules: int = 0

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.passed]


def _quoted(text: str) -> str:
    return repr(_short(text))


def why_nothing(rule: Rule, text: str) -> list[str]:
    """For each sentence of `text`: whether it matched the rule and what was read, or what ruled it out."""
    lines = []
    for sentence in sentences(text, 0, len(text), line_starts(text)):
        check = check_sentence(rule, sentence)
        where = f"  sentence {_quoted(sentence.text)}"
        if check.missing:
            lines.append(f"{where}: lacks the about word(s) {', '.join(map(repr, check.missing))}")
        elif check.excluded_by is not None:
            lines.append(f"{where}: removed by exclude phrase {check.excluded_by!r}")
        elif check.matched is None:
            lines.append(f"{where}: has the about words, but no phrase or pattern matched "
                         f"at threshold {rule.threshold}")
        else:
            phrase = f" phrase {check.matched.phrase!r}" if check.matched.phrase else ""
            lines.append(f"{where}: matched{phrase}, but no {rule.type} value for the rule was read in it")
    return lines or ["  (the text holds no sentence)"]


def example_diff(rule: Rule, example: Example, mentions: Sequence[Mention]) -> list[str]:
    """The difference between an example's expectation and the statements found; empty when it passes."""
    if example.expect == "none":
        return [] if not mentions else [f"- {NO_STATEMENT}", *map(unexpected, mentions)]
    best = closest(example.expect, mentions)
    if best is not None and not mismatches(example.expect, best):
        return []
    lines = field_diff(example.expect, best)
    if best is None:
        lines += why_nothing(rule, example.text)
    else:
        of_many = f"; the closest of {len(mentions)}" if len(mentions) > 1 else ""
        lines.append(f"  (read from {_quoted(best.sentence)}{of_many})")
        if (contest := phrase_contest(rule, best.sentence)) is not None:
            lines.append(f"  ({contest})")
    return lines


def phrase_contest(rule: Rule, sentence: str) -> str | None:
    """When phrases of both sides of a stance rule match a sentence, which won and why: the higher
    score, and on a tie the longer (more specific) phrase, as matching decides."""
    best: dict[str, tuple[tuple[float, int], str]] = {}
    for rank, found in phrase_alignments(rule, SentenceWords(match_form(sentence)), rule.threshold):
        side = found.polarity
        if side is not None and found.phrase is not None and (side not in best or rank > best[side][0]):
            best[side] = (rank, found.phrase)
    if len(best) < 2:
        return None
    ranked = sorted(best.items(), key=lambda kv: kv[1][0], reverse=True)
    (won, ((score, _), phrase)), (lost, ((other_score, _), other)) = ranked
    how = "the higher score" if score != other_score else "the longer phrase, on a tie"
    return (f"{won} phrase {phrase!r} ({score:.0f}) won over {lost} phrase {other!r} ({other_score:.0f}): "
            f"{how}; negation then decides the stance")


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 70 else flat[:69] + "…"


def run_examples(rule: Rule, doc: Document) -> list[Outcome]:
    """Every example of one rule, each an `Outcome`; the checker failing on one fails just that one."""
    outcomes = []
    for i, example in enumerate(rule.examples):
        line = doc.locate(("examples", i))[0]
        try:
            mentions = mentions_in_text(rule, example.text, example.published, example.outlet)
            diff = example_diff(rule, example, mentions)
        except Exception as exc:  # noqa: BLE001 - a checker bug shows as a failed example, not a traceback
            diff = [f"! the checker failed on this text: {type(exc).__name__}: {exc}"]
        outcomes.append(Outcome(file=doc.name, line=line, rule=rule.id, name=f"example {i + 1}",
                                text=_short(example.text), passed=not diff, diff=diff))
    return outcomes


def case_diff(rule: Rule, name: str, case: Case) -> list[str]:
    """The difference between a case's expectations and what the rule finds in its sources."""
    mentions: list[Mention] = []
    for source in case.all_sources(name):
        mentions += mentions_in_text(rule, source.text, source.published, source.outlet, name=source.name or name)
    wanted = [] if case.expect == "none" else case.expect
    lines: list[str] = []
    for i in range(max(len(wanted), len(mentions))):
        if i >= len(wanted):
            lines.append(unexpected(mentions[i]))
        elif i >= len(mentions):
            lines += [f"  statement {i + 1}:", *field_diff(wanted[i], None)]
        elif mismatches(wanted[i], mentions[i]) or (wanted[i].source and wanted[i].source != mentions[i].source):
            lines += [f"  statement {i + 1}:", *field_diff(wanted[i], mentions[i])]
            if wanted[i].source and wanted[i].source != mentions[i].source:
                lines += [f"- source: {wanted[i].source}", f"+ source: {mentions[i].source}"]
    if lines or case.finding is None:
        return lines
    findings, _ = compare([rule], mentions)
    if case.finding == "none":
        return ["- finding: none", *(f"+ finding: {f.verdict}: {f.message}" for f in findings)] if findings else []
    got = findings[0] if findings else None
    if got is None:
        return [f"- finding: {case.finding.verdict}", "+ finding: none"]
    diff = []
    if got.verdict != case.finding.verdict:
        diff += [f"- verdict: {case.finding.verdict}", f"+ verdict: {got.verdict}"]
    if case.finding.reasons is not None and set(got.reasons) != set(case.finding.reasons):
        diff += [f"- reasons: {sorted(case.finding.reasons)}", f"+ reasons: {sorted(got.reasons)}"]
    return diff


def run_cases(rule: Rule, cases: CaseFile) -> list[Outcome]:
    outcomes = []
    for name, case in cases.cases.items():
        try:
            diff = case_diff(rule, name, case)
        except Exception as exc:  # noqa: BLE001 - as in run_examples
            diff = [f"! the checker failed on this case: {type(exc).__name__}: {exc}"]
        text = case.text or " | ".join(s.text for s in case.sources or [])
        outcomes.append(Outcome(file=cases.file, line=cases.lines[name], rule=rule.id, name=name,
                                text=_short(text), passed=not diff, diff=diff))
    return outcomes


def load_suite(paths: list[Path]) -> tuple[LoadedRules, list[CaseFile]]:
    """The rules and the case files under `paths`, told apart by content; problems in `LoadedRules`."""
    files, problems = rule_files(paths)
    docs: list[Document] = []
    case_files: list[CaseFile] = []
    for doc in read_documents(files, problems):
        if not is_case_file(doc):
            docs.append(doc)
            continue
        found, case_problems = parse_case_file(doc)
        problems += case_problems
        if found is not None:
            case_files.append(found)
    loaded = rules_from_documents(docs, problems)
    for found in case_files:
        if found.rule not in loaded.files:
            loaded.problems.append(Problem(file=found.file, line=found.rule_line, column=1,
                                           message=f"no rule '{found.rule}' among the rules given",
                                           hint="pass the rules folder too: checker rules test rules/ CASES/"))
    loaded.problems.sort(key=lambda p: p.file)
    return loaded, case_files


def run_suite(paths: list[Path]) -> Suite:
    """Run every example of every rule under `paths`, and every case of the case files there."""
    loaded, case_files = load_suite(paths)
    suite = Suite(problems=list(loaded.problems), rules=len(loaded.rules))
    by_id = {rule.id: rule for rule in loaded.rules}
    for rule in loaded.rules:
        doc = loaded.documents[rule.id]
        if not rule.examples:
            suite.problems.append(doc.problem("rule has no examples", ("id",), level="warning",
                                              hint="add examples so that `checker rules test` can check it"))
        suite.outcomes += run_examples(rule, doc)
    for cases in case_files:
        if cases.rule in by_id:
            suite.outcomes += run_cases(by_id[cases.rule], cases)
    suite.problems.sort(key=lambda p: p.file)
    return suite
