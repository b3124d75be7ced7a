"""Quotations compared across sources: altered words and misattribution flagged, editors' conventions not."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker import check
from checker.cli import app
from checker.extract.quotations import comparable_words, differing_words, quotations, same_remark, same_words
from checker.quotes import check_quotes

SOURCES = Path(__file__).parent / "quote_sources"
runner = CliRunner()


@pytest.mark.parametrize(("a", "b"), [
    ("We need to act now.", "we need to act now"),  # capitalisation and punctuation
    ("[W]e need to act now", "We need to act now"),  # a bracketed letter
    ("We need to ... act now", "We need to take a breath and act now"),  # an ellipsis
    ("We need [the council] to act now", "We need them to act now"),  # a bracketed phrase for words replaced
    ("need to act now", "We need to act now, she said"),  # a fragment quoted whole
])
def test_accepted_conventions_are_the_same_words(a: str, b: str) -> None:
    assert same_words(comparable_words(a), comparable_words(b))


@pytest.mark.parametrize(("a", "b"), [
    ("We need to take the budget away from them", "We need to take away the budget from them"),
    ("Nobody was hurt in the fire at the depot", "Nobody was hurt in the blaze at the depot"),
    ("The bridge will reopen before the summer", "The bridge will reopen after the summer"),
])
def test_altered_words_are_one_remark_but_not_the_same_words(a: str, b: str) -> None:
    wa, wb = comparable_words(a), comparable_words(b)
    assert same_remark(wa, wb) and not same_words(wa, wb)


def test_unrelated_quotations_are_not_one_remark() -> None:
    assert not same_remark(comparable_words("including the whereabouts of children separated as a result"),
                           comparable_words("As a result, more than 3,000 children were separated from families"))


def test_differing_words_are_found_on_both_sides() -> None:
    a, b = "Nobody was hurt in the fire", "Nobody was hurt in the blaze"
    marks_a, marks_b = differing_words(a, b)
    assert [a[s:e] for s, e in marks_a] == ["fire"] and [b[s:e] for s, e in marks_b] == ["blaze"]


def test_quotations_skip_scare_quotes_and_find_long_ones() -> None:
    text = 'The mayor called it "a budget for the few" and said "the council has lost our trust."'
    assert [q.text for q in quotations(text)] == ["a budget for the few", "the council has lost our trust."]
    assert quotations('The "zero tolerance" policy') == []


def test_checker_quotes_flags_altered_and_misattributed_quotations_only() -> None:
    result = check_quotes([SOURCES])
    assert result.problems == []
    got = sorted((f.reasons, [[Path(n).name for n in s.sources] for s in f.sides]) for f in result.findings)
    assert got == [
        (["altered-quote"], [["herald.txt", "ledger.txt"], ["wire.txt"]]),  # "blaze" for "fire"
        (["altered-quote"], [["herald.txt", "post.txt", "wire.txt"], ["ledger.txt"]]),  # "take away the budget"
        (["misattributed"], [["herald.txt"], ["wire.txt"]]),  # Vidal's words given to Stein
    ]
    blaze = next(f for f in result.findings if "wire.txt" in {Path(m.source).name for m in f.mentions}
                 and f.reasons == ["altered-quote"])
    texts = {(Path(h.source).name, Path(h.source).read_text(encoding="utf-8")[h.start:h.end]) for h in blaze.highlights}
    assert texts == {("herald.txt", "fire"), ("ledger.txt", "fire"), ("wire.txt", "blaze")}


def test_quote_findings_take_reviews_and_every_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["quotes", str(SOURCES), "--format", "json"])
    assert result.exit_code == 1, result.output
    first = result.stdout.split('"fingerprint": "')[1][:16]
    assert runner.invoke(app, ["review", "set", first, "--status", "dismissed", "--by", "ana",
                               "--rules", str(Path(__file__).parent.parent / "rules")]).exit_code == 2  # no rule's
    reviews = tmp_path / "reviews.json"
    from checker.review import set_review
    set_review(reviews, first, "dismissed", "same remark", "ana")
    text = runner.invoke(app, ["quotes", str(SOURCES), "--reviews", str(reviews)])
    assert first not in text.stdout and "1 dismissed finding(s) not shown" in text.stderr
    for fmt, marker in (("markdown", "**blaze**"), ("html", "<mark>blaze</mark>")):
        assert marker in runner.invoke(app, ["quotes", str(SOURCES), "--format", fmt]).stdout


def test_a_quote_rule_compares_its_remark(tmp_path: Path) -> None:
    rule = tmp_path / "mayor-library.yaml"
    rule.write_text("id: mayor-library\ntitle: The mayor on the library budget\ntype: quote\n"
                    "about: [library, budget]\nspeaker: Mayor Hale\n", encoding="utf-8")
    result = check([SOURCES], [rule])
    assert [(f.verdict, f.reasons) for f in result.findings] == [("contradiction", ["altered-quote"])]
    [finding] = result.findings
    assert [[Path(n).name for n in side.sources] for side in finding.sides] == [
        ["herald.txt", "post.txt", "wire.txt"], ["ledger.txt"]]
