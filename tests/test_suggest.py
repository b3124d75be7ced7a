"""`checker suggest`: candidate claims found with no rules, and draft rules that reproduce them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from checker import check
from checker.cli import app
from checker.suggest import figures_in, suggest
from tests.conftest import SEEDS

runner = CliRunner()
STORY = Path(__file__).parent.parent / "docs" / "story" / "sources"


def test_figures_carry_their_noun_the_whole_they_name_and_context():
    [figure] = figures_in("A court filing showed that parents of 628 migrant children remain missing.", "a.txt")
    assert (figure.noun, set(figure.wholes)) == ("child", {"parent"})
    assert "filing" in figure.context and "parent" not in figure.context
    [money] = figures_in("It faces a funding shortfall of $227 million.", "a.txt")
    assert money.noun == "dollar" and not money.counted


def test_on_the_seeds_the_parent_and_child_counts_and_the_bed_and_funding_figures_are_suggested():
    result = suggest([SEEDS], top=10)
    [first, *rest] = result.suggestions
    assert (first.rule.unit, first.rule.related_units) == ("parents", ["children"])
    assert {v.statement for v in first.versions} >= {"at least 545 parents", "628 children"}
    assert any(f.verdict == "apparent" and set(f.reasons) == {"different-unit", "different-time"}
               for f in first.findings)
    statements = {v.statement for s in rest for v in s.versions}
    assert "about 3,000 beds" in statements and "227,000,000 dollars" in statements


def test_the_story_count_is_the_top_suggestion_with_its_conflicts():
    [first, *_] = suggest([STORY], top=5).suggestions
    assert first.rule.unit == "homes" and len(first.sources) == 7
    assert [f.verdict for f in first.findings].count("contradiction") >= 1


def test_drafts_validate_pass_their_tests_and_give_the_same_findings(tmp_path: Path):
    drafts = tmp_path / "drafts"
    result = runner.invoke(app, ["suggest", str(SEEDS), "--out", str(drafts), "--top", "6"])
    assert result.exit_code == 0, result.output
    files = sorted(drafts.glob("*.yaml"))
    assert len(files) == 6 and "wrote 6 draft rule(s)" in result.stderr
    assert runner.invoke(app, ["rules", "validate", str(drafts)]).exit_code == 0
    tested = runner.invoke(app, ["rules", "test", str(drafts)])
    assert tested.exit_code == 0 and "0 failed" in tested.stdout, tested.stdout
    checked = check([SEEDS], [drafts])
    suggested = suggest([SEEDS], top=6)
    assert sorted(f.fingerprint for f in checked.findings) == sorted(
        f.fingerprint for s in suggested.suggestions for f in s.findings)


def test_json_and_a_missing_path():
    result = runner.invoke(app, ["suggest", str(SEEDS), "/no/such/folder", "--json"])
    assert result.exit_code == 2
    assert "/no/such/folder: error: no such file or folder" in result.stderr
    assert '"suggestions"' in result.stdout


def test_jobs_give_the_same_suggestions():
    one = runner.invoke(app, ["suggest", str(STORY), "--json", "--jobs", "1"])
    two = runner.invoke(app, ["suggest", str(STORY), "--json", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0 and one.stdout == two.stdout


def _dated_story(folder: Path) -> Path:
    """Three outlets on one story: the report's release dated differently, the order's signing alike."""
    folder.mkdir()
    texts = {
        "a.txt": "The county's flood report was released on March 3, 2023. The governor signed the order in May 2023.",
        "b.txt": "The flood report was released on March 6, 2023, officials said. Crews cleared the roads.",
        "c.txt": "The agency released the flood report on March 3, 2023. The governor signed the order in May 2023.",
    }
    for name, text in texts.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    (folder / "sources.yaml").write_text("a.txt: {outlet: Ledger, published: 2023-03-10}\n"
                                         "b.txt: {outlet: Courier, published: 2023-03-11}\n"
                                         "c.txt: {outlet: Wire, published: 2023-06-01}\n", encoding="utf-8")
    return folder


def test_events_tied_to_dates_are_candidates_with_their_disagreement(tmp_path: Path):
    folder = _dated_story(tmp_path / "story")
    result = suggest([folder], top=5)
    by_id = {s.rule.id: s for s in result.suggestions}
    report = by_id["report-released"]
    assert report.rule.type == "date" and report.rule.phrases == ["report released"]
    assert {v.value for v in report.versions} == {"2023-03-03", "2023-03-06"}
    assert [f.verdict for f in report.findings] == ["contradiction"]
    assert "order-signed" not in by_id  # two sources give it the same date: nothing to check
    assert result.suggestions[0].rule.id == "report-released"


def test_date_drafts_validate_pass_their_tests_and_give_the_same_findings(tmp_path: Path):
    folder = _dated_story(tmp_path / "story")
    drafts = tmp_path / "drafts"
    assert runner.invoke(app, ["suggest", str(folder), "--out", str(drafts)]).exit_code == 0
    assert (drafts / "report-released.yaml").is_file()
    assert runner.invoke(app, ["rules", "validate", str(drafts)]).exit_code == 0
    tested = runner.invoke(app, ["rules", "test", str(drafts)])
    assert tested.exit_code == 0 and "0 failed" in tested.stdout, tested.stdout
    checked = check([folder], [drafts])
    assert sorted(f.fingerprint for f in checked.findings) == sorted(
        f.fingerprint for s in suggest([folder]).suggestions for f in s.findings)


def test_a_figure_each_source_states_several_of_is_a_kind_not_a_claim(tmp_path: Path):
    # every source tells of several votes, each with its own "members absent"; two outlets differ on one count
    for n in range(12):
        votes = " ".join(f"The measure on item {k} passed 8 to 2, with {1 + (n + k) % 3} members absent.\n\n"
                         for k in range(3))
        (tmp_path / f"{n:02}.txt").write_text(votes + f"The shelter took in {40 if n % 2 else 55} refugees.\n")
    suggested = {s.rule.unit for s in suggest([tmp_path], top=10).suggestions}
    assert "refugees" in suggested and "members" not in suggested


def test_a_draft_reads_the_paragraphs_of_its_figures_as_the_whole_text_gives_them():
    from checker.text import only_paragraphs

    text = ("Mayor Ana Ortiz spoke at noon.\n\nNothing here.\n\nShe said 40 homes flooded.\n\n"
            "More words.\n\nThe county said 55 homes flooded.\n")
    kept = only_paragraphs(text, frozenset({text.index("40")}))
    assert len(kept) == len(text) and kept.count("\n") == text.count("\n")
    assert "Nothing here." in kept and "She said 40 homes flooded." in kept
    assert "Mayor" not in kept and "More words" not in kept and "55" not in kept


def test_a_source_on_standard_input_is_read_in_both_passes():
    text = "The county said 40 homes flooded on Monday.\n\nThe mayor said 55 homes flooded.\n"
    result = runner.invoke(app, ["suggest", "-", "--json"], input=text)
    assert result.exit_code == 0, result.output
    [suggestion] = json.loads(result.stdout)["suggestions"]
    assert {v["statement"] for v in suggestion["versions"]} == {"40 homes", "55 homes"}
    assert {s for v in suggestion["versions"] for s in v["sources"]} == {"<stdin>"}


def test_a_draft_reads_each_statement_with_the_speaker_check_gives_it(tmp_path: Path):
    """The paragraph before a figure's is read again only for whom "he said" names: a statement in it
    (whose own paragraph before is not read again) is left to `checker check`, never read wrong."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text("Mayor John Smith spoke to reporters on Monday.\n\n"
                                   "He said twelve homes were flooded in the valley.\n\n"
                                   "The storm flooded 40 homes in the valley, officials said.\n")
    (sources / "b.txt").write_text("The storm flooded 45 homes in the valley, officials said.\n")
    drafts = tmp_path / "drafts"
    assert runner.invoke(app, ["suggest", str(sources), "--out", str(drafts)]).exit_code == 0
    checked = {(m.sentence, m.speaker) for v in check([sources], [drafts]).versions for m in v.mentions}
    suggested = {(m.sentence, m.speaker) for s in suggest([sources]).suggestions for v in s.versions
                 for m in v.mentions}
    assert suggested and suggested <= checked
