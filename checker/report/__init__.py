"""Rendering a `CheckResult` for people and for other tools."""

from __future__ import annotations

from collections.abc import Callable

from checker.models import CheckResult
from checker.report.json_format import render_json
from checker.report.text import render_text

Renderer = Callable[[CheckResult], str]
FORMATS: dict[str, Renderer] = {"text": render_text, "json": render_json}

__all__ = ["FORMATS", "Renderer", "render_json", "render_text"]
