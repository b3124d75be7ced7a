"""checker: find where sources disagree about the claims you describe as YAML rules.

    >>> from checker import check
    >>> result = check(["seeds"], ["rules"])
    >>> [f.verdict for f in result.findings]
"""

from checker.models import CheckResult, Finding, Mention, Problem, Source
from checker.pipeline import check, check_sources

__all__ = ["CheckResult", "Finding", "Mention", "Problem", "Source", "check", "check_sources"]
__version__ = "0.1.0"
