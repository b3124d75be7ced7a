"""checker: find where sources disagree about the claims you describe as YAML rules.

    >>> from checker import check
    >>> result = check(["seeds"], ["rules"])
    >>> [f.verdict for f in result.findings]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from checker.models import CheckResult, Finding, Mention, Problem, Source
    from checker.pipeline import check, check_sources

__all__ = ["CheckResult", "Finding", "Mention", "Problem", "Source", "check", "check_sources"]
__version__ = "0.1.0"

_HOMES = {"CheckResult": "checker.models", "Finding": "checker.models", "Mention": "checker.models",
          "Problem": "checker.models", "Source": "checker.models",
          "check": "checker.pipeline", "check_sources": "checker.pipeline"}


def __getattr__(name: str) -> Any:
    """The library's names, imported on first use: `checker` itself starts without loading them, so
    the command can catch a Ctrl-C pressed while they load."""
    if name not in _HOMES:
        raise AttributeError(f"module 'checker' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_HOMES[name]), name)
    globals()[name] = value
    return value
