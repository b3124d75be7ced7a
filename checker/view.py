"""What a run shows and what makes it fail: the policy `checker check` applies, for notebooks too.

    >>> from checker import check
    >>> from checker.view import view
    >>> shown = view(check("seeds", "rules"), reviews=".checker/reviews.json", min_level="contradiction")
    >>> shown.result.findings, shown.fails("contradiction")

Reviews put a `review` on every finding and add a warning for each stale verdict; a baseline
leaves out the findings it holds; `min_level` the findings below it; dismissed findings are left
out of reports a person reads as a list (text, Markdown, GitHub annotations) unless
`show_dismissed`, and never count towards failing unless `show_dismissed`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from checker.baseline import new_findings, read_baseline
from checker.models import CheckResult, Finding
from checker.review import Reviews, apply_reviews, load_reviews, stale

LEVELS = {"apparent": 1, "contradiction": 2}
"""Verdicts by rank; `fail-on never` is above them all."""
HUMAN_FORMATS = ("text", "markdown", "github")
"""Formats a person reads as a list: dismissed findings are left out of them unless asked for."""


def at_or_above(result: CheckResult, level: str) -> CheckResult:
    """The result with only the findings at or above `level`."""
    kept = [f for f in result.findings if LEVELS[f.verdict] >= LEVELS[level]]
    return result.model_copy(update={"findings": kept})


def _dismissed(finding: Finding) -> bool:
    return finding.review is not None and finding.review.status == "dismissed"


@dataclass
class View:
    """A result as shown (`result`), what counts towards failing (`counted`), and what was left out."""

    result: CheckResult
    counted: CheckResult
    baselined: int = 0
    dismissed_hidden: int = 0

    def fails(self, fail_on: str) -> bool:
        """Whether a counted finding is at or above `fail_on` (`never`: never)."""
        if fail_on == "never":
            return False
        return any(LEVELS[f.verdict] >= LEVELS[fail_on] for f in self.counted.findings)


def reviewed(result: CheckResult, reviews: Reviews | Path | str | None) -> CheckResult:
    """Every finding with its review, and a warning for each stale verdict (reviews file or loaded reviews)."""
    if reviews is None:
        return result
    if not isinstance(reviews, Reviews):
        reviews = load_reviews(Path(reviews))
    result = result.model_copy(update={"problems": result.problems + stale(result, reviews)})
    return apply_reviews(result, reviews)


def view(
    result: CheckResult,
    *,
    reviews: Reviews | Path | str | None = None,
    baseline: Collection[str] | Path | str | None = None,
    min_level: str = "apparent",
    show_dismissed: bool = False,
    report_format: str = "text",
) -> View:
    """What `checker check` shows of `result` and counts for its exit code.

    `reviews` and `baseline` are files (or already read: `Reviews`, a set of fingerprints); an
    unusable file is a `checker.errors.ProblemError`.
    """
    result = reviewed(result, reviews)
    known = read_baseline(Path(baseline)) if isinstance(baseline, (str, Path)) else set(baseline or ())
    result, baselined = new_findings(result, known)
    shown = at_or_above(result, min_level)
    counted = shown
    if not show_dismissed:
        counted = shown.model_copy(update={"findings": [f for f in shown.findings if not _dismissed(f)]})
    hidden = 0
    if report_format in HUMAN_FORMATS:
        hidden = len(shown.findings) - len(counted.findings)
        shown = counted
    return View(result=shown, counted=counted, baselined=baselined, dismissed_hidden=hidden)
