"""The `checker` command: a thin shell over the library (`checker.check` and friends)."""

from __future__ import annotations

import os
import sys
from typing import Any


def __getattr__(name: str) -> Any:
    """`app`, the command tree, imported on first use (see `checker.cli.commands`): importing typer,
    pydantic and the rest happens inside `main`, where a Ctrl-C is caught."""
    if name == "app":
        from checker.cli.commands import app

        return app
    raise AttributeError(f"module 'checker.cli' has no attribute {name!r}")


def _tolerant_streams() -> None:
    """Standard output and error never fail on a character: a terminal whose encoding is not
    UTF-8 (`PYTHONIOENCODING=ascii`, a C locale) gets `\\u00e9`-style escapes instead of an
    encoding error, and so does a lone surrogate from a file name that is not valid UTF-8."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # pragma: no cover - a stream already in use, or closed
                pass


def main() -> None:
    """Console-script entry point.

    Bad input is reported by the commands themselves (exit 2); anything that still escapes is a
    bug in checker, reported in one line (exit 3) unless CHECKER_DEBUG asks for the traceback.
    """
    try:
        _tolerant_streams()
        if sys.argv[1:] == ["--version"]:
            # answered before the command tree (typer, pydantic, the rules) is imported: 0.7 s of imports
            from checker import __version__

            sys.stdout.write(f"checker {__version__}\n")
            return
        __getattr__("app")()
    except KeyboardInterrupt:
        sys.stderr.write("checker: interrupted\n")
        raise SystemExit(130) from None
    except Exception as exc:
        if os.environ.get("CHECKER_DEBUG"):
            raise
        sys.stderr.write(f"checker: internal error: {type(exc).__name__}: {exc} "
                         "(a bug in checker; set CHECKER_DEBUG=1 for the traceback and report it)\n")
        raise SystemExit(3) from None
