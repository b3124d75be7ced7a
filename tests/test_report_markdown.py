"""`--format markdown`: a table, then each finding's quoted statements; source text shown literally."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from checker.cli import app
from checker.report import FORMATS
from checker.report.markdown import escape, render_markdown
from tests.findings import sample_result, write_corpus


def test_a_table_row_per_finding_then_quoted_statements() -> None:
    result = sample_result(reviews=True)
    text = render_markdown(result)
    lines = text.splitlines()
    header = lines.index("| # | Verdict | Rule | Severity | Review | Statements | Fingerprint |")
    rows = lines[header + 2:header + 2 + len(result.findings)]
    assert [row.split(" | ")[2] for row in rows] == [f.rule for f in result.findings]
    assert all(row.count(" | ") == 6 and row.endswith("|") for row in rows)  # no cell split by a source's `|`
    assert rows[0].split(" | ")[5] == "at least 545 parents vs 628 parents"
    assert rows[1].split(" | ")[4] == "confirmed"
    assert "> At least 545 parents could not be located as of October." not in text  # the span is bold
    assert "> **At least 545 parents** could not be located as of October." in text
    assert "> — Axios, axios.txt:11 (at least 545 parents, as of 2020-10)" in text
    assert "**Review:** confirmed by ana: checked with DOJ" in text


def test_source_text_is_escaped() -> None:
    text = render_markdown(sample_result(reviews=True))
    assert "<script>" not in text and "<img" not in text and "<b>" not in text
    assert "&lt;script&gt;window.\\_\\_pwned = 1&lt;/script&gt;" in text
    assert "\\| \\`rm -rf\\` \\*\\*loud\\*\\* \\[bold red\\]styled\\[/\\]" in text
    assert escape("a|b`c`<d>\nnext") == "a\\|b\\`c\\`&lt;d&gt; next"


def test_registered_and_written_by_check(tmp_path: Path, monkeypatch) -> None:
    assert FORMATS["markdown"] is render_markdown
    monkeypatch.chdir(tmp_path)
    sources, rules = write_corpus(tmp_path)
    out = tmp_path / "note.md"
    result = CliRunner().invoke(app, ["check", str(sources), "--rules", str(rules), "--format", "markdown",
                                      "--output", str(out)])
    assert result.exit_code == 1 and result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Findings\n") and "| 1 | contradiction | pilot-families |" in text


def test_smoke_on_the_seeds(seeds_result) -> None:
    text = render_markdown(seeds_result)
    assert text.startswith("# Findings")
    assert text.count("\n### ") == len(seeds_result.findings)
