"""The review walk's keys: several at once, arrows, back; Ctrl-C; one screen per finding; its help."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from checker import check
from checker.cli import app, walk as walk_module
from tests.conftest import RULES, SEEDS


def test_fast_typing_and_arrow_keys_are_keys_not_errors():
    assert walk_module.split_keys("cd") == ["c", "d"]
    assert walk_module.split_keys("\x1b[D") == ["b"] and walk_module.split_keys("\x1b[C") == ["s"]
    assert walk_module.split_keys("\x1b[5~") == [] and walk_module.split_keys("\x1bOD") == ["b"]


def _walk(keys: list[str | BaseException], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    findings = check(SEEDS, RULES).findings
    pressed = iter(keys)

    def key() -> str:
        k = next(pressed)
        if isinstance(k, BaseException):
            raise k
        return k

    monkeypatch.setattr(walk_module, "read_key", key)
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100, highlight=False, markup=False)
    walk_module.walk(findings, tmp_path / "reviews.json", "ana", [SEEDS], console=console)
    return out.getvalue()


def test_back_goes_to_the_previous_finding_and_each_finding_gets_a_fresh_screen(tmp_path, monkeypatch):
    out = _walk(["s", "b", "c", "q"], tmp_path, monkeypatch)
    assert out.count("Finding 1 of 4") == 2 and out.count("\x1b[2J") == 4  # 1, 2, back to 1, 2
    assert "1 confirmed, 0 dismissed, 0 skipped; 3 still open" in out


def test_ctrl_c_ends_with_the_summary_and_a_newline(tmp_path, monkeypatch):
    out = _walk(["d", KeyboardInterrupt()], tmp_path, monkeypatch)
    assert "\n0 confirmed, 1 dismissed, 0 skipped; 3 still open" in out.replace("\x1b[1m", "")


def test_review_help_shows_the_walk_options():
    help_text = CliRunner().invoke(app, ["review", "--help"], env={"COLUMNS": "200"}).stdout
    assert "--by" in help_text and "--reviews" in help_text and "--min-level" in help_text
