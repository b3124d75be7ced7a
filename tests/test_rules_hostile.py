"""Hostile and broken rule files: each one exits 2 fast, names its file and line, never a traceback.

Every case goes through `checker rules validate`; the whole lot, put in one folder with a good
rule, also goes through `checker check`, which must report the same problems and still check.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.match import mentions_in_text
from checker.models import Problem
from checker.rules import load_rules, parse_rule
from checker.guarded_yaml import MAX_BYTES, MAX_PROBLEMS
from checker.rules.problems import render_problem
from tests.conftest import SEEDS

runner = CliRunner()

GOOD = "id: good\ntitle: A good rule\ntype: date\nabout: [report]\n"
BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8))

# name: (file content, expected 1-based line of the problem, a phrase the message must hold)
HOSTILE: dict[str, tuple[bytes, int, str]] = {
    "syntax": (b"id: [unclosed\ntitle: x\ntype: date\n", 2, "YAML syntax"),
    "tab-indent": (b"id: x\ntitle: t\ntype: date\nabout:\n\t- a\n", 5, "YAML syntax"),
    "unknown-key": (b"id: x\ntitel: t\ntype: date\n", 2, "did you mean 'title'?"),
    "wrong-type": (b"id: x\ntitle: t\ntype: date\nthreshold: high\n", 4, "threshold"),
    "unknown-type": (b"id: x\ntitle: t\ntype: quantiy\n", 3, "type must be one of: quantity, stance, date"),
    "missing-type": (b"id: x\ntitle: t\n", 1, "missing required key 'type'"),
    "empty": (b"", 1, "empty"),
    "only-comments": (b"# nothing here\n", 1, "empty"),
    "list-not-mapping": (b"- id: x\n- title: t\n", 1, "not a list"),
    "mapping-not-list": (b"id: x\ntitle: t\ntype: date\nexamples:\n  text: a\n", 5, "examples"),
    "scalar-not-list": (b"id: x\ntitle: t\ntype: date\nabout: report\n", 4, "about"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1, "binary"),
    "not-utf8": (b"id: x\ntitle: caf\xe9\ntype: date\n", 2, "not UTF-8"),
    "utf16": ("id: x\ntitle: t\n".encode("utf-16"), 1, "binary"),
    "billion-laughs": (BOMB.encode(), 2, "aliases"),
    "merge-key-alias": (b"base: &b {title: t}\nid: x\n<<: *b\ntype: date\n", 3, "aliases"),
    "deep-flow": (b"id: " + b"[" * 5000 + b"]" * 5000 + b"\n", 1, "nesting"),
    "deep-block": (b"- " * 5000 + b"x\n", 1, "nesting"),
    "deep-mapping": (b"a: {" * 5000 + b"}" * 5000 + b"\n", 1, "nesting"),
    "huge": (b"id: x\n" + b"# padding\n" * 5_000_000, 1, "larger than the limit"),
    "two-documents": (b"id: x\n---\nid: y\n", 2, "one rule per file"),
    "duplicate-key": (b"id: x\ntitle: t\ntitle: u\ntype: date\n", 3, "appears twice"),
    "control-character": (b"id: x\ntitle: \"a\x1b[31mred\"\ntype: date\n", 2, "not allowed"),
    "control-after-accents": (f'id: x\ntitle: "{"é" * 20}\x07"\ntype: date\n'.encode(), 2, "not allowed"),
    "python-tag": (b"id: !!python/object/apply:os.system [echo hi]\ntitle: t\ntype: date\n", 1, "cannot read value"),
    "bad-date": (b"id: x\ntitle: t\ntype: date\nexamples:\n  - text: a\n    published: 2021-13-45\n    expect: none\n",
                 6, "cannot read value"),
    "lookahead-pattern": (b"id: x\ntitle: t\ntype: date\npatterns:\n  - 'ok'\n  - '(?=released) on'\n", 6, "RE2"),
    "backreference-pattern": (b"id: x\ntitle: t\ntype: date\npatterns: ['(a)\\1']\n", 4, "RE2"),
    "huge-repeat-pattern": (b"id: x\ntitle: t\ntype: date\npatterns: ['((a{100}){100}){100}']\n", 4, "RE2"),
    "bad-id": (b"id: Not Kebab\ntitle: t\ntype: date\n", 1, "kebab-case"),
    "blank-phrase": (b"id: x\ntitle: t\ntype: stance\nabout: [a]\naffirm:\n  - ok\n  - ' '\n", 7, "must not be blank"),
    "blank-about": (b"id: x\ntitle: t\ntype: date\nabout: [report, '']\n", 4, "must not be blank"),
    "stance-without-sides": (b"id: x\ntitle: t\ntype: stance\nphrases: [a]\n", 1, "missing required key 'affirm'"),
}


def _no_traceback(result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_rule_file_exits_2_naming_file_and_line(tmp_path: Path, name: str):
    content, line, phrase = HOSTILE[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(content)
    result = runner.invoke(app, ["rules", "validate", str(tmp_path)])
    assert result.exit_code == 2, result.output
    _no_traceback(result)
    assert re.search(rf"^{re.escape(str(path))}:{line}(:\d+)?: error: .*{re.escape(phrase)}", result.stderr, re.M), \
        result.stderr


def test_a_file_just_under_the_size_limit_is_still_read(tmp_path: Path):
    """The densest YAML there is (one-character items) at the size limit."""
    items = "1," * ((MAX_BYTES - 40) // 2)
    (tmp_path / "dense.yaml").write_text(f"id: x\ntitle: t\ntype: date\nabout: [{items}]\n")
    result = runner.invoke(app, ["rules", "validate", str(tmp_path)])
    assert result.exit_code == 2
    assert "larger than the limit" not in result.stderr


def test_a_runaway_file_reports_a_bounded_number_of_problems(tmp_path: Path):
    (tmp_path / "dups.yaml").write_text("id: x\ntitle: t\ntype: date\nabout: [a]\n" + "id: y\n" * 5000)
    result = runner.invoke(app, ["rules", "validate", str(tmp_path)])
    assert result.exit_code == 2
    heads = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(heads) == MAX_PROBLEMS + 1
    assert heads[0].startswith(f"{tmp_path / 'dups.yaml'}:5:1: error: key 'id' appears twice (first on line 1)")
    assert "4950 more problems in this file are not shown" in heads[-1]


def test_duplicate_ids_name_both_files(tmp_path: Path):
    (tmp_path / "a.yaml").write_text("id: same\ntitle: t\ntype: date\nabout: [report]\n")
    (tmp_path / "b.yaml").write_text("# another\nid: same\ntitle: u\ntype: date\nabout: [report]\n")
    result = runner.invoke(app, ["rules", "validate", str(tmp_path)])
    assert result.exit_code == 2
    _no_traceback(result)
    assert f"{tmp_path / 'b.yaml'}:2:5: error: duplicate rule id 'same': {tmp_path / 'a.yaml'}:1 has it too" \
        in result.stderr


def test_validate_shows_the_line_and_a_caret(tmp_path: Path):
    (tmp_path / "x.yaml").write_text("id: x\ntitle: t\ntype: date\nseverty: high\n")
    result = runner.invoke(app, ["rules", "validate", str(tmp_path)])
    assert result.stderr.splitlines()[:3] == [
        f"{tmp_path / 'x.yaml'}:4:1: error: unknown key 'severty' (did you mean 'severity'?)",
        "    4 | severty: high",
        "      | ^",
    ]


def test_a_pattern_built_to_backtrack_is_accepted_and_ends(tmp_path: Path):
    """RE2 accepts `(x+x+)+y` and never backtracks on it (bench/hostile.py times this)."""
    path = tmp_path / "backtrack.yaml"
    path.write_text("id: backtrack\ntitle: t\ntype: date\nabout: [report]\npatterns: ['(x+x+)+y']\n")
    rule, problems = parse_rule(path)
    assert problems == [] and rule is not None
    assert mentions_in_text(rule, "The report said " + "x" * 100_000 + ".") == []


def test_load_rules_reports_every_problem_of_every_file(tmp_path: Path):
    (tmp_path / "a.yaml").write_text("id: a\ntitel: t\ntype: date\nthreshold: 5\nabout: [yes]\n")
    (tmp_path / "b.yaml").write_text("id: [\n")
    (tmp_path / "c.yaml").write_text(GOOD)
    loaded = load_rules([tmp_path])
    assert [r.id for r in loaded.rules] == ["good"]
    where = [(Path(p.file).name, p.line) for p in loaded.problems]
    assert where == [("a.yaml", 1), ("a.yaml", 2), ("a.yaml", 4), ("a.yaml", 5), ("b.yaml", 2)]


@pytest.fixture()
def hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    for name, (content, _, _) in HOSTILE.items():
        (folder / f"{name}.yaml").write_bytes(content)
    (folder / "good.yaml").write_text(GOOD)
    return folder


def _problem_lines(text: str) -> set[str]:
    return {line for line in text.splitlines() if re.match(r"^\S.*:\d+(:\d+)?: (error|warning): ", line)}


def test_check_reports_the_same_problems_as_validate_and_exits_2(hostile_folder: Path):
    validated = runner.invoke(app, ["rules", "validate", str(hostile_folder)])
    checked = runner.invoke(app, ["check", str(SEEDS), "--rules", str(hostile_folder), "--format", "json"])
    assert checked.exit_code == 2
    _no_traceback(checked)
    assert _problem_lines(checked.stderr) == _problem_lines(validated.stderr)
    for name, (_, line, _) in HOSTILE.items():
        assert f"{hostile_folder / name}.yaml:{line}" in checked.stderr, name
    assert '"findings"' in checked.stdout


@pytest.mark.parametrize("command", [["test"], ["list"], ["show", "good", "--rules"]])
def test_other_rules_commands_survive_a_hostile_folder(hostile_folder: Path, command: list[str]):
    result = runner.invoke(app, ["rules", *command, str(hostile_folder)])
    _no_traceback(result)
    assert result.exit_code == (0 if command[0] == "show" else 2), result.output


def test_the_excerpt_is_safe_for_a_terminal_and_cut_to_a_window():
    bell = Problem(file="f.yaml", line=2, column=5, message="m", excerpt="\tab\x1b[31mcd")
    assert render_problem(bell).splitlines()[1:] == ["    2 |     ab?[31mcd", "      |        ^"]
    line = "x" * 4999 + "!" + "y" * 5000
    long = render_problem(Problem(file="f.yaml", line=1, column=5000, message="m", excerpt=line))
    excerpt, caret = long.splitlines()[1:]
    assert len(excerpt) < 120 and excerpt[caret.index("^")] == "!"
