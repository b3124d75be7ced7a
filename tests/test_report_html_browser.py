"""The HTML report in a real headless Chromium: it loads cleanly, filters work, timelines are drawn,
and a hostile source runs nothing.

Debian's chromium, driven by playwright; `tests/setup-browser.sh` installs it. Never skipped: a
machine without the browser fails here with a message saying what to run.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker.report.html import render_html
from tests.findings import sample_result

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is missing: run python -m pip install -e '.[test]'")
    if not CHROMIUM.is_file():
        pytest.fail(f"no browser at {CHROMIUM}: run tests/setup-browser.sh (installs Debian's chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


class Opened:
    """A page showing a report, with everything it logged and every request it made."""

    def __init__(self, browser: Any, html: str, folder: Path) -> None:
        path = folder / "report.html"
        path.write_text(html, encoding="utf-8")
        self.url = path.as_uri()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(self.url)

    def shown(self) -> list[str]:
        return self.page.eval_on_selector_all("article.finding:not([hidden])", "els => els.map(e => e.dataset.rule)")

    def choose(self, name: str, value: str) -> None:
        self.page.select_option(f'select[data-filter="{name}"]', value)


@pytest.fixture
def report(browser: Any, tmp_path: Path) -> Iterator[Opened]:
    opened = Opened(browser, render_html(sample_result(reviews=True)), tmp_path)
    yield opened
    opened.page.close()


def test_loads_with_no_console_error_and_no_network(report: Opened) -> None:
    assert report.page.title() == "checker: 3 finding(s)"
    assert report.page.text_content("#shown") == "3 of 3 shown"
    assert report.errors == []
    assert report.requests == [report.url]


def test_filters_change_what_is_shown(report: Opened) -> None:
    everything = ["parents-not-located", "prosecutions-suspended", "families-remaining"]
    assert report.shown() == everything
    report.choose("verdict", "apparent")
    assert report.shown() == ["families-remaining"]
    assert report.page.text_content("#shown") == "1 of 3 shown"
    report.choose("verdict", "")
    report.choose("status", "confirmed")
    assert report.shown() == ["prosecutions-suspended"]
    report.choose("status", "")
    report.choose("source", "nbc.txt")
    assert report.shown() == ["parents-not-located"]
    report.choose("rule", "families-remaining")
    assert report.shown() == []
    assert report.page.is_visible("article.finding[data-rule='parents-not-located']") is False
    report.choose("source", "")
    report.choose("rule", "")
    assert report.shown() == everything
    assert report.errors == []


def test_the_timeline_is_drawn(report: Opened) -> None:
    charts = report.page.locator("svg.timeline")
    assert charts.count() == 2
    first = charts.first
    box = first.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100
    points = first.locator("circle.point")
    assert points.count() == 2
    for i in range(2):
        dot = points.nth(i).bounding_box()
        assert dot and dot["width"] > 0
    xs = [points.nth(i).bounding_box()["x"] for i in range(2)]  # type: ignore[index]
    assert xs[0] < xs[1]  # October before December: 545 -> 628 reads left to right
    labels = first.locator("text.value").all_text_contents()
    assert labels == ["≥545 parents", "628 parents"]


def test_a_hostile_source_runs_nothing(report: Opened) -> None:
    assert report.page.evaluate("typeof window.__pwned") == "undefined"
    assert report.page.locator("main img").count() == 0
    assert report.page.locator("main script").count() == 0
    hostile = report.page.locator("article.finding[data-rule='families-remaining']")
    text = hostile.inner_text()
    assert "<script>window.__pwned = 1</script>" in text
    assert '<img src=x onerror="window.__pwned = 2">' in text
    assert report.errors == []  # nothing even tried to run and was blocked


def test_the_seeds_report_loads_cleanly(browser: Any, tmp_path: Path, seeds_result) -> None:
    opened = Opened(browser, render_html(seeds_result), tmp_path)
    assert opened.errors == []
    assert len(opened.shown()) == len(seeds_result.findings)
    opened.page.close()
