"""The one exception type for input that cannot be used: it carries the problem to report."""

from __future__ import annotations

from checker.models import Problem


class ProblemError(Exception):
    """Bad input (a rule, reviews, baseline or config file), as the one-line problem to print."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.one_line())
        self.problem = problem
