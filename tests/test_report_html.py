"""`--format html` as text: one self-contained file, escaped, with summary, filters and timelines.

What it does in a browser is tested in tests/test_report_html_browser.py.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.report import FORMATS
from checker.report.html import render_html
from checker.report.timeline import charted, timeline_svg
from tests.findings import sample_result, write_corpus


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(sample_result(reviews=True))


def test_self_contained(page: str) -> None:
    assert page.startswith("<!doctype html>")
    assert not re.search(r"""\b(src|href)\s*=|@import|url\(|<link\b""", page.split("<main>")[0])
    assert not re.search(r"""<(script|link|img|iframe)\b[^>]*\b(src|href)=""", page)
    assert "default-src 'none'" in page  # nothing may be fetched, even by mistake
    assert page.count("<script>") == 1 and page.count("<style>") == 1


def test_source_text_is_escaped(page: str) -> None:
    assert "<script>window" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;window.__pwned = 2&quot;&gt;" in page
    assert "evil&lt;script&gt;.txt" in page
    assert "Families &lt;b&gt;remaining&lt;/b&gt;" in page


def test_summary_counts_by_verdict_status_and_rule(page: str) -> None:
    summary = page[page.index('<section id="summary">'):page.index("</section>")]
    cells = dict(re.findall(r'<tr><td>([^<]+)</td><td class="count">(\d+)</td></tr>', summary))
    assert cells == {"contradiction": "2", "apparent": "1", "open": "1", "confirmed": "1", "dismissed": "1",
                     "families-remaining": "1", "parents-not-located": "1", "prosecutions-suspended": "1"}


def test_filters_cover_every_verdict_rule_status_and_source(page: str) -> None:
    for name in ("verdict", "rule", "status", "source"):
        assert f'<select data-filter="{name}"' in page
    for source in ("axios.txt", "nbc.txt", "post.txt", "doj.txt", "plain.txt", "evil&lt;script&gt;.txt"):
        assert f'<option value="{source}">' in page
    assert page.count('<article class="finding') == 3
    assert 'data-status="dismissed"' in page and 'data-status="confirmed"' in page


def test_statements_side_by_side_with_spans_marked(page: str) -> None:
    assert '<mark>At least 545 parents</mark> could not be located' in page
    assert page.count('<section class="side">') == 6


def test_a_timeline_for_each_quantity_claim() -> None:
    result = sample_result()
    parents, stance, _ = result.findings
    svg = timeline_svg(parents)
    assert svg.startswith("<svg") and svg.count('<circle class="point"') == len(charted(parents)) == 2
    assert "≥545 parents" in svg and "628 parents" in svg
    assert ">2020-10<" in svg and ">2020-12<" in svg
    assert timeline_svg(stance) == ""
    page = render_html(result)
    assert page.count('<figure class="timeline">') == 2  # the two quantity findings, not the stance one


def test_check_writes_one_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert FORMATS["html"] is render_html
    sources, rules = write_corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "report.html"
    done = CliRunner().invoke(app, ["check", str(sources), "--rules", str(rules), "--format", "html", "-o", str(out)])
    assert done.exit_code == 1 and done.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert "Families in the pilot" in text and "<svg" in text


def test_smoke_on_the_seeds(seeds_result) -> None:
    page = render_html(seeds_result)
    assert page.count('<article class="finding') == len(seeds_result.findings)


def test_a_statements_section_lists_every_version(seeds_result):
    page = render_html(seeds_result)
    section = page[page.index('<section id="statements">'):]
    assert "<h2>Statements</h2>" in section
    for version in seeds_result.versions:
        assert escape(version.statement) in section
    assert "about 280 families" in section  # a version that conflicts with nothing is shown too
