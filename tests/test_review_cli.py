"""`checker check --reviews`, `checker review` (the walk, through scripted input), `review set` and `review list`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.review import load_reviews, set_review
from tests.findings import write_corpus

runner = CliRunner()
FINDING_KEYS = ["fingerprint", "rule", "type", "title", "verdict", "reasons", "severity", "message", "sides",
                "highlights", "review"]


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """`PATH --rules DIR` for a corpus with a contradiction (pilot-families) and an apparent finding
    (pilot-ended), run from an empty working folder so that `.checker/reviews.json` is its own."""
    sources, rules = write_corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    return [str(sources), "--rules", str(rules)]


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def fingerprints(corpus: list[str]) -> dict[str, str]:
    data = json.loads(run("check", *corpus, "--format", "json").stdout)
    return {f["rule"]: f["fingerprint"] for f in data["findings"]}


def test_without_a_reviews_file_the_json_is_unchanged(corpus: list[str]) -> None:
    data = json.loads(run("check", *corpus, "--format", "json").stdout)
    assert [list(f) for f in data["findings"]] == [FINDING_KEYS[:-1]] * 2


def test_with_reviews_every_finding_carries_its_review(corpus: list[str], tmp_path: Path) -> None:
    path = tmp_path / "team" / "reviews.json"
    result = run("check", *corpus, "--format", "json", "--reviews", str(path))
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert [list(f) for f in findings] == [FINDING_KEYS] * 2
    assert all(f["review"] == {"status": "open", "note": None, "by": None, "at": None} for f in findings)
    set_review(path, findings[0]["fingerprint"], "confirmed", "both quoted", "ana")
    findings = json.loads(run("check", *corpus, "--format", "json", "--reviews", str(path)).stdout)["findings"]
    assert findings[0]["review"]["status"] == "confirmed" and findings[0]["review"]["by"] == "ana"
    assert list(findings[0]["review"]) == ["status", "note", "by", "at"]


def test_the_default_reviews_file_is_used_when_it_exists(corpus: list[str]) -> None:
    fp = fingerprints(corpus)["pilot-families"]
    set_review(Path(".checker/reviews.json"), fp, "confirmed", None, "ana")
    data = json.loads(run("check", *corpus, "--format", "json").stdout)
    assert data["findings"][0]["review"]["status"] == "confirmed"


def test_dismissed_findings_leave_the_text_and_the_exit_code(corpus: list[str]) -> None:
    fps = fingerprints(corpus)
    set_review(Path(".checker/reviews.json"), fps["pilot-families"], "dismissed", "typo in b.txt", "ana")
    set_review(Path(".checker/reviews.json"), fps["pilot-ended"], "confirmed", "asked both", "bo")
    result = run("check", *corpus, "--no-color")
    assert result.exit_code == 0
    assert "pilot-families" not in result.stdout
    assert "CONFIRMED by bo" in result.stdout and "asked both" in result.stdout
    assert "1 dismissed finding(s) not shown" in result.stderr
    shown = run("check", *corpus, "--no-color", "--show-dismissed")
    assert shown.exit_code == 1
    assert "DISMISSED by ana" in shown.stdout and "typo in b.txt" in shown.stdout
    data = json.loads(run("check", *corpus, "--format", "json").stdout)
    assert {f["review"]["status"] for f in data["findings"]} == {"dismissed", "confirmed"}


def test_a_stale_verdict_is_reported_and_kept(corpus: list[str]) -> None:
    path = Path(".checker/reviews.json")
    set_review(path, "0123456789abcdef", "confirmed", None, "ana")
    result = run("check", *corpus)
    line = load_reviews(path).lines["0123456789abcdef"]
    assert f"{path}:{line}: warning: stale review 0123456789abcdef" in result.stderr
    assert result.exit_code == 1  # a warning, not an input error
    assert "0123456789abcdef" in load_reviews(path).entries


@pytest.mark.parametrize("command", [["check"], ["review", "list"], ["review"]])
def test_a_corrupt_reviews_file_is_exit_2_and_one_line(corpus: list[str], command: list[str]) -> None:
    path = Path(".checker/reviews.json")
    path.parent.mkdir()
    path.write_text('{"version": 1,\n "reviews": {\n  "abc": {"status": "confirmed",\n', encoding="utf-8")
    result = run(*command, *corpus)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{path}:4:") and "not valid JSON" in line
    assert "Traceback" not in result.output


def test_walk_judges_each_open_finding_and_saves_every_answer(corpus: list[str]) -> None:
    fps = fingerprints(corpus)
    result = run("review", *corpus, "--by", "ana", input="x\nn\nfigures from two days\nc\nd\n")
    assert result.exit_code == 0, result.output
    assert "Finding 1 of 2" in result.stdout and "Finding 2 of 2" in result.stdout
    assert "no such key: 'x'" in result.stdout
    assert "These statements cannot all hold as stated." in result.stdout
    assert "officials" in result.stdout and "Weekly" in result.stdout  # speakers
    assert "280 families" in result.stdout and "300 families" in result.stdout  # values, side by side
    assert "1 confirmed, 1 dismissed, 0 skipped; 0 still open" in result.stdout
    entries = load_reviews(Path(".checker/reviews.json")).entries
    assert (entries[fps["pilot-families"]].status, entries[fps["pilot-families"]].note) == (
        "confirmed", "figures from two days")
    assert entries[fps["pilot-ended"]].status == "dismissed"
    assert {e.by for e in entries.values()} == {"ana"}
    again = run("review", *corpus, input="")
    assert "No open findings" in again.stdout


def test_a_new_source_repeating_a_known_figure_opens_nothing_new(corpus: list[str], tmp_path: Path) -> None:
    assert run("review", *corpus, "--by", "ana", input="c\nc\n").exit_code == 0
    (tmp_path / "sources" / "c.txt").write_text(
        "# outlet: Monthly\n# published: 2020-05-20\n\nThe pilot separated 300 families, a report said.\n",
        encoding="utf-8")
    again = run("review", *corpus, input="")
    assert "No open findings" in again.stdout, again.stdout
    result = run("check", *corpus, "--format", "json")
    sides = [side for f in json.loads(result.stdout)["findings"] for side in f["sides"]]
    assert ["sources/b.txt", "sources/c.txt"] in [side["sources"] for side in sides]  # the repeat joined its version
    assert "stale" not in result.stderr


def test_verdicts_from_an_older_fingerprint_are_stale_with_a_hint_and_kept(corpus: list[str]) -> None:
    path = Path(".checker/reviews.json")
    path.parent.mkdir()
    path.write_text(json.dumps({"version": 1, "reviews": {"414a6c6a7ae75f26": {
        "status": "confirmed", "note": "checked", "by": "ana", "at": "2021-01-15T10:00:00Z",
        "rule": "pilot-families", "message": "Contradiction: 280 families vs 300 families"}}}, indent=2),
        encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    result = run("check", *corpus)
    [warning] = [line for line in result.stderr.splitlines() if "stale review" in line]
    assert warning.startswith(f"{path}:4: warning: stale review 414a6c6a7ae75f26 (pilot-families, confirmed)")
    assert "the verdict is kept" in warning
    assert path.read_text(encoding="utf-8") == before


def test_walk_shows_the_sources_around_the_statements(corpus: list[str]) -> None:
    result = run("review", *corpus, input="o\nq\n")
    assert "a.txt:4" in result.stdout and "b.txt:4" in result.stdout
    assert "2 │ # published: 2020-05-01" in result.stdout  # the lines around, numbered
    assert "6 │ The pilot ended in April." in result.stdout


def test_quitting_or_a_crash_loses_no_answer(corpus: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    fps = fingerprints(corpus)
    result = run("review", *corpus, input="s\nq\n")
    assert "0 confirmed, 0 dismissed, 1 skipped; 2 still open" in result.stdout
    assert not Path(".checker/reviews.json").exists()

    import checker.cli.walk as walk

    shown = walk.side_by_side
    calls = []

    def crash_on_the_second(finding):
        calls.append(finding)
        if len(calls) == 2:
            raise RuntimeError("terminal went away")
        return shown(finding)

    monkeypatch.setattr(walk, "side_by_side", crash_on_the_second)
    crashed = run("review", *corpus, input="c\nc\n")
    assert isinstance(crashed.exception, RuntimeError)
    entries = load_reviews(Path(".checker/reviews.json")).entries
    assert list(entries) == [fps["pilot-families"]] and entries[fps["pilot-families"]].status == "confirmed"


def test_walk_takes_only_open_findings(corpus: list[str]) -> None:
    fps = fingerprints(corpus)
    set_review(Path(".checker/reviews.json"), fps["pilot-families"], "dismissed", None, "ana")
    result = run("review", "walk", *corpus, input="c\n")
    assert "Finding 1 of 1" in result.stdout and "pilot-ended" in result.stdout
    assert "pilot-families" not in result.stdout


def test_review_set_takes_a_unique_prefix(corpus: list[str]) -> None:
    fps = fingerprints(corpus)
    fp = fps["pilot-ended"]
    prefix = next(fp[:n] for n in range(1, 17) if not fps["pilot-families"].startswith(fp[:n]))
    result = run("review", "set", prefix, *corpus, "--status", "dismissed", "--note", "April vs May", "--by", "bo")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{fp} dismissed by bo at ")
    entry = load_reviews(Path(".checker/reviews.json")).entries[fp]
    assert (entry.status, entry.note, entry.by, entry.rule) == ("dismissed", "April vs May", "bo", "pilot-ended")


def test_review_set_refuses_unknown_and_ambiguous_prefixes(corpus: list[str]) -> None:
    unknown = run("review", "set", "zz", *corpus, "--status", "confirmed")
    assert unknown.exit_code == 2 and "no finding has a fingerprint starting with 'zz'" in unknown.stderr
    assert run("review", "set", "", *corpus, "--status", "confirmed").exit_code == 2
    assert run("review", "set", "abc", *corpus, "--status", "maybe").exit_code == 2
    assert not Path(".checker/reviews.json").exists()


def test_review_list_for_scripts(corpus: list[str]) -> None:
    fps = fingerprints(corpus)
    path = Path(".checker/reviews.json")
    set_review(path, fps["pilot-families"], "confirmed", "two\tdays", "ana")
    set_review(path, "0123456789abcdef", "dismissed", None, "bo")
    lines = run("review", "list", *corpus).stdout.splitlines()
    rows = {line.split("\t")[0]: line.split("\t") for line in lines}
    assert rows[fps["pilot-families"]][1:5] == ["confirmed", "contradiction", "pilot-families", "ana"]
    assert rows[fps["pilot-families"]][6] == "two days"
    assert rows[fps["pilot-ended"]][1:4] == ["open", "apparent", "pilot-ended"]
    assert rows["0123456789abcdef"][1:3] == ["dismissed", "stale"]
    assert run("review", "list", *corpus, "--status", "open").stdout.split("\t")[0] == fps["pilot-ended"]
    assert run("review", "list", *corpus, "--status", "stale").stdout.startswith("0123456789abcdef\t")
    data = json.loads(run("review", "list", *corpus, "--status", "confirmed", "--json").stdout)
    assert [(r["fingerprint"], r["note"]) for r in data] == [(fps["pilot-families"], "two\tdays")]


def test_the_terminal_shows_source_text_as_it_is() -> None:
    import io

    from rich.console import Console, Group

    from checker.report.text import finding_head, side_by_side
    from tests.findings import sample_result

    hostile = sample_result().findings[2]
    buffer = io.StringIO()
    Console(file=buffer, width=240, no_color=True).print(Group(*finding_head(hostile), side_by_side(hostile)))
    shown = buffer.getvalue()
    assert "[bold red]styled[/]" in shown and "Families <b>remaining</b>" in shown
    assert "\\x1b[31m" in shown and "\x1b" not in shown  # an escape sequence from a source is made visible


def test_a_verdict_that_cannot_be_saved_is_exit_2(corpus: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.review

    def disk_full(path: Path, text: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(checker.review, "write_atomic", disk_full)
    fp = fingerprints(corpus)["pilot-ended"]
    result = run("review", "set", fp, *corpus, "--status", "confirmed")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        ".checker/reviews.json: error: cannot save the verdict: No space left on device "
        "(check that the folder is writable)"]
    walked = run("review", *corpus, input="c\n")
    assert walked.exit_code == 2 and "cannot save the verdict" in walked.stderr
    assert "Traceback" not in walked.output


def test_review_takes_sources_rules_and_reviews_from_the_project_config(tmp_path: Path, monkeypatch) -> None:
    sources, rules = write_corpus(tmp_path)
    (tmp_path / "checker.toml").write_text(
        f'sources = ["{sources.name}"]\nrules = ["{rules.name}"]\nreviews = "team/reviews.json"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    listed = run("review", "list")
    assert listed.exit_code == 0, listed.output
    assert len(listed.stdout.splitlines()) == 2  # the corpus's two findings, found from the config alone
    first = listed.stdout.split("\t")[0]
    assert run("review", "set", first, "--status", "confirmed", "--by", "ana").exit_code == 0
    assert first in load_reviews(tmp_path / "team" / "reviews.json").entries
    set_review(tmp_path / "team" / "reviews.json", "0123456789abcdef", "confirmed", None, "ana")
    assert "stale review" in run("review", "walk", input="q\n").stderr
    quiet = run("review", "walk", "-q", input="q\n")
    assert "stale review" not in quiet.stderr and quiet.exit_code == 0
    assert "checker: 2 source(s), 2 rule(s)" in run("review", "walk", "-v", input="q\n").stderr
