"""Rendering a `CheckResult` for people and for other tools."""

from __future__ import annotations

from collections.abc import Callable

from checker.models import CheckResult
from checker.report.github import render_github
from checker.report.html import render_html
from checker.report.json_format import render_json
from checker.report.markdown import render_markdown
from checker.report.sarif import render_sarif
from checker.report.text import render_text

Renderer = Callable[[CheckResult], str]
FORMATS: dict[str, Renderer] = {"text": render_text, "json": render_json, "markdown": render_markdown,
                                "sarif": render_sarif, "html": render_html, "github": render_github}

__all__ = ["FORMATS", "Renderer", "render_github", "render_html", "render_json", "render_markdown", "render_sarif",
           "render_text"]
