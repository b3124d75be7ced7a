"""Checker in a project of its own: config, selection, inputs, paths, formats and CLI conventions."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker import check
from checker.cli import app
from checker.cli.choices import FailOn, Format, Level, ListStatus, Status
from checker.config import FORMAT_NAMES
from checker.models import ReviewStatus, Verdict
from checker.report import FORMATS
from checker.view import view
from tests.conftest import PILOT_RULE, RULES, SEEDS

runner = CliRunner()


def run(*args: str, **kwargs):
    return runner.invoke(app, list(args), **kwargs)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A newsroom's folder: articles/ with two conflicting sources, claims/ with one rule."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "pilot-families.yaml").write_text(PILOT_RULE, encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("---\noutlet: Daily\npublished: 2020-05-01\ntitle: Pilot count\n"
                                    "url: https://daily.example/pilot\n---\n"
                                    "Officials said the pilot separated 280 families.\n", encoding="utf-8")
    (articles / "b.txt").write_text("---\noutlet: Weekly\npublished: 2020-05-02\n---\n"
                                    "The pilot separated 300 families.\n", encoding="utf-8")
    return tmp_path


def _json(result) -> dict:
    return json.loads(result.stdout)


def _sources(data: dict) -> set[str]:
    return {m["source"] for f in data["findings"] for side in f["sides"] for m in side["mentions"]}


# --- configuration -----------------------------------------------------------------------------

def test_pyproject_config_is_found_from_a_subfolder_and_options_win(project: Path, monkeypatch):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.checker]\nsources = ["articles"]\n'
                                            'rules = ["claims"]\nformat = "json"\nfail-on = "never"\n')
    (project / "sub").mkdir()
    monkeypatch.chdir(project / "sub")
    result = run("check")
    assert result.exit_code == 0, result.output  # fail-on never
    assert {Path(s).name for s in _sources(_json(result))} == {"a.txt", "b.txt"}
    result = run("check", "--fail-on", "contradiction", "--format", "text")
    assert result.exit_code == 1 and result.stdout.startswith("CONTRADICTION")


def test_checker_toml_and_a_bad_key(project: Path):
    (project / "checker.toml").write_text('sources = ["articles"]\nrules = ["claims"]\nmin-level = "contradiction"\n'
                                          'exclude = ["b.txt"]\n')
    result = run("check", "--format", "json")
    assert result.exit_code == 0, result.output  # b.txt excluded: nothing to conflict with
    (project / "checker.toml").write_text('sources = ["articles"]\nsourcs = ["x"]\n')
    bad = run("check")
    assert bad.exit_code == 2
    assert f"{project / 'checker.toml'}:2: error: unknown config key 'sourcs'" in bad.stderr


def test_no_config_and_no_seeds_says_what_to_do_in_one_line(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "checker check PATH" in result.stderr and "[tool.checker]" in result.stderr


# --- selection ---------------------------------------------------------------------------------

def test_gitignore_hidden_folders_and_exclude(project: Path):
    (project / ".git").mkdir()
    (project / ".gitignore").write_text("articles/b.txt\n")
    (project / "articles" / ".cache").mkdir()
    (project / "articles" / ".cache" / "c.txt").write_text("The pilot separated 999 families.\n")
    (project / "articles" / "__pycache__").mkdir()
    (project / "articles" / "__pycache__" / "d.txt").write_text("The pilot separated 998 families.\n")
    checked = run("check", "articles", "--rules", "claims", "--format", "json", "--statements")
    versions = {v["statement"] for v in _json(checked)["statements"]}
    assert versions == {"280 families"}
    everything = run("check", "articles", "--rules", "claims", "--format", "json", "--statements", "--no-ignore")
    assert {v["statement"] for v in _json(everything)["statements"]} == {"280 families", "300 families"}
    excluded = run("check", "articles", "--rules", "claims", "--format", "json", "--statements", "--no-ignore",
                   "--exclude", "a.*")
    assert {v["statement"] for v in _json(excluded)["statements"]} == {"300 families"}


def test_select_and_ignore_rule_ids():
    assert {i.id for i in check(SEEDS, RULES, select=["parents-*"]).rules} == {"parents-not-located"}
    ignored = check(SEEDS, RULES, ignore=["parents-not-located"])
    assert "parents-not-located" not in {i.id for i in ignored.rules} and len(ignored.rules) == 7
    typo = check(SEEDS, RULES, select=["nope"])
    assert [p.message for p in typo.problems] == ["no rule id matches 'nope'"]


# --- inputs: HTML, PDF, standard input ---------------------------------------------------------

ARTICLE_HTML = """<html><head><title>Pilot count - The Daily</title>
<meta property="og:site_name" content="The Daily"><meta name="date" content="2020-05-03">
<meta property="og:url" content="https://daily.example/pilot"></head>
<body><nav>Home | News | Sport</nav><article><h1>Pilot count</h1>
<p>Officials said the pilot separated 310 families, far more than first reported last spring.</p>
<p>The agency did not answer questions about how the families were counted in the pilot.</p></article>
<footer>Copyright The Daily</footer></body></html>"""


def test_an_html_article_gives_its_main_text_and_metadata(project: Path):
    (project / "articles" / "c.html").write_text(ARTICLE_HTML, encoding="utf-8")
    data = _json(run("check", "articles", "--rules", "claims", "--format", "json", "--statements"))
    html = [m for v in data["statements"] for m in v["mentions"] if m["source"].endswith("c.html")]
    assert [(m["value"], m["outlet"], m["published"], m["title"], m["url"]) for m in html] == [
        (310, "The Daily", "2020-05-03", "Pilot count", "https://daily.example/pilot")]
    assert "Home | News" not in html[0]["sentence"]
    text = run("check", "articles", "--rules", "claims").stdout
    assert "articles/c.html:" in text and "(extracted text)" in text


def _pdf(text: str | None) -> bytes:
    """A one-page PDF whose page shows `text` (None: a page with no text layer)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode() if text else b""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def test_a_pdf_is_read_and_a_pdf_without_text_is_a_warning(project: Path):
    (project / "articles" / "c.pdf").write_bytes(_pdf("The pilot separated 320 families."))
    (project / "articles" / "scan.pdf").write_bytes(_pdf(None))
    result = run("check", "articles", "--rules", "claims", "--format", "json", "--statements")
    assert result.exit_code == 1
    values = {m["value"] for v in _json(result)["statements"] for m in v["mentions"] if m["source"].endswith(".pdf")}
    assert values == {320}
    assert "articles/scan.pdf: warning: PDF has no text layer" in result.stderr


def test_standard_input_is_a_source(project: Path):
    result = run("check", "-", "articles/a.txt", "--rules", "claims", "--format", "json",
                 input="# outlet: Wire\n# published: 2020-05-01\nThe pilot separated 350 families.\n")
    assert result.exit_code == 1
    assert _sources(_json(result)) == {"<stdin>", "articles/a.txt"}


# --- paths and who said it ---------------------------------------------------------------------

def test_paths_are_relative_to_the_current_folder_and_same_names_stay_apart(project: Path):
    (project / "other").mkdir()
    (project / "other" / "a.txt").write_text("The pilot separated 400 families.\n")
    data = _json(run("check", "articles", "other", "--rules", "claims", "--format", "json"))
    assert {"articles/a.txt", "other/a.txt"} <= _sources(data)
    outside = _json(run("check", str(SEEDS), "--rules", str(RULES), "--format", "json"))
    assert all(Path(s).is_absolute() and Path(s).is_file() for s in _sources(outside))


def test_every_report_names_outlet_date_title_and_url(project: Path):
    args = ("check", "articles", "--rules", "claims")
    text = run(*args).stdout
    assert "Officials, per the Daily article of 2020-05-01" in text
    assert "“Pilot count”" in text and "https://daily.example/pilot" in text and "Weekly, 2020-05-02" in text
    markdown = run(*args, "--format", "markdown").stdout
    assert "Officials, per the Daily article of 2020-05-01" in markdown
    assert "[“Pilot count”](<https://daily.example/pilot>)" in markdown
    html = run(*args, "--format", "html").stdout
    assert '<a href="https://daily.example/pilot" rel="noreferrer noopener">“Pilot count”</a>' in html
    sarif = json.loads(run(*args, "--format", "sarif").stdout)
    result = sarif["runs"][0]["results"][0]
    messages = [loc["message"]["text"] for loc in result["locations"] + result["relatedLocations"]]
    assert any("per the Daily article of 2020-05-01" in m and "Pilot count" in m for m in messages)
    github = run(*args, "--format", "github").stdout
    assert github.startswith("::error file=articles/a.txt,line=")
    assert "Weekly, 2020-05-02" in github


def test_sarif_locations_are_relative_to_the_repository_root(project: Path, monkeypatch):
    (project / ".git").mkdir()
    monkeypatch.chdir(project / "articles")
    sarif = json.loads(run("check", ".", "--rules", "../claims", "--format", "sarif").stdout)
    run_ = sarif["runs"][0]
    location = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "articles/a.txt", "uriBaseId": "SRCROOT"}
    assert run_["originalUriBaseIds"]["SRCROOT"]["uri"] == project.resolve().as_uri() + "/"


def test_the_html_timeline_legend_names_outlets(project: Path):
    html = run("check", "articles", "--rules", "claims", "--format", "html").stdout
    legend = re.findall(r'<text class="legend"[^>]*>([^<]*)</text>', html)
    assert set(legend) == {"Daily, 2020-05-01", "Weekly, 2020-05-02"}


# --- CLI conventions ---------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "expected"), [
    ("report.html", "<!doctype html>"), ("report.json", '{\n  "version": 2'),
    ("report.sarif", '{\n  "$schema"'), ("report.md", "# Findings")])
def test_the_output_suffix_picks_the_format(project: Path, name: str, expected: str):
    assert run("check", "articles", "--rules", "claims", "-o", name).exit_code == 1
    assert (project / name).read_text(encoding="utf-8").startswith(expected)


def test_a_format_that_contradicts_the_suffix_is_an_error(project: Path):
    result = run("check", "articles", "--rules", "claims", "-o", "report.html", "--format", "json")
    assert result.exit_code == 2 and "--format json but the file name says html" in result.stderr
    assert not (project / "report.html").exists()


def test_no_color_is_honoured(project: Path, monkeypatch):
    from checker.cli import check as check_cli

    monkeypatch.setattr(check_cli.sys.stdout, "isatty", lambda: True, raising=False)
    assert check_cli.use_color(None, None) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert check_cli.use_color(None, None) is False
    assert check_cli.use_color(True, None) is True  # an explicit --color wins
    result = run("check", "articles", "--rules", "claims", "--color", env={"NO_COLOR": "1"})
    assert "\x1b[" in result.stdout
    walked = run("review", "articles", "--rules", "claims", input="s\n", env={"NO_COLOR": "1"})
    assert "\x1b[" not in walked.stdout


def test_the_text_report_wraps_to_the_terminal_width(project: Path):
    narrow = run("check", "articles", "--rules", "claims", env={"COLUMNS": "50"}).stdout
    assert max(map(len, narrow.splitlines())) <= 50
    wide = run("check", "articles", "--rules", "claims", env={"COLUMNS": "160"}).stdout
    assert max(map(len, wide.splitlines())) > 50


def test_quiet_and_verbose(project: Path):
    (project / "articles" / "bad.bin.txt").write_bytes(b"\x00\x01")
    loud = run("check", "articles", "--rules", "claims", "-v")
    assert "warning: binary file skipped" in loud.stderr and "checker: 3 source(s)" not in loud.stderr
    assert "source(s) from articles" in loud.stderr
    quiet = run("check", "articles", "--rules", "claims", "-q")
    assert quiet.stderr == "" and quiet.exit_code == 1


def test_completion_can_be_installed():
    result = run("--help")
    assert "--install-completion" in result.stdout


def test_option_choices_come_from_the_models():
    from typing import get_args

    assert [m.value for m in Level] == list(get_args(Verdict))
    assert [m.value for m in FailOn] == [*get_args(Verdict), "never"]
    assert [m.value for m in Status] == list(get_args(ReviewStatus))
    assert [m.value for m in ListStatus] == [*get_args(ReviewStatus), "stale"]
    assert [m.value for m in Format] == list(FORMAT_NAMES) and set(FORMAT_NAMES) == set(FORMATS)


def test_pre_commit_hook_is_declared():
    import yaml

    hooks = yaml.safe_load((RULES.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "checker" and hooks[0]["entry"].startswith("checker check")


# --- the library -------------------------------------------------------------------------------

def test_check_takes_plain_strings():
    result = check(str(SEEDS), str(RULES))
    assert result.stats.sources == 3 and result.stats.rules == 8 and not result.problems


def test_a_notebook_gets_what_the_cli_shows(project: Path):
    store = project / "reviews.json"
    listed = run("review", "list", "articles", "--rules", "claims", "--reviews", str(store))
    fingerprint = listed.stdout.split("\t")[0]
    assert run("review", "set", fingerprint, "--status", "dismissed", "articles", "--rules", "claims",
               "--reviews", str(store)).exit_code == 0
    cli = run("check", "articles", "--rules", "claims", "--reviews", str(store), "--format", "markdown")
    shown = view(check("articles", "claims"), reviews=store, report_format="markdown")
    assert shown.result.findings == [] and cli.exit_code == 0 and not shown.fails("contradiction")
    kept = view(check("articles", "claims"), reviews=store, report_format="json")
    assert [f.review.status for f in kept.result.findings] == ["dismissed"]
