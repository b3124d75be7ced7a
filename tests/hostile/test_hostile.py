"""Every case of the hostile-input issue: each asserts the exit code, the one-line message and that no
traceback is printed. Timings live in `bench/quadratic.py`; what is checked here for the formerly
quadratic inputs is the number of Python steps when the input doubles (deterministic, not timed)."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from tests.hostile import cases

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _own_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def run(*args: str, code: int | set[int] | None = None):
    """`checker ARGS` in-process: never an exception other than an exit, never a traceback."""
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    allowed = {0, 1, 2} if code is None else {code} if isinstance(code, int) else code
    assert result.exit_code in allowed, result.output
    return result


def cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    """`python -m checker ARGS` in a child process (for what only a process shows: its stderr fd, signals)."""
    done = subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, timeout=timeout,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}, **kwargs)
    assert b"Traceback" not in done.stderr + done.stdout
    assert done.returncode in (0, 1, 2), done.stderr
    return done


def corpus(root: Path) -> tuple[Path, Path]:
    sources = root / "src"
    sources.mkdir(parents=True, exist_ok=True)
    (sources / "a.txt").write_text("# outlet: Daily\n# published: 2020-05-01\n\nThe pilot separated 280 families.\n",
                                   encoding="utf-8")
    (sources / "b.txt").write_text("# outlet: Weekly\n# published: 2020-05-02\n\nThe pilot separated 300 families.\n",
                                   encoding="utf-8")
    return sources, cases.rules(root / "rules")


def one_line(output: str, *parts: str) -> str:
    """The single line of `output` holding every part, in the `FILE[:LINE]: level: message` form."""
    lines = [line for line in output.splitlines() if all(part in line for part in parts)]
    assert len(lines) == 1, output
    assert ": error: " in lines[0] or ": warning: " in lines[0] or lines[0].startswith("error: "), lines[0]
    return lines[0]


# --- Output paths -------------------------------------------------------------------------------

def test_output_through_a_symlink_updates_its_target(tmp_path: Path) -> None:
    sources, rules = corpus(tmp_path)
    target = tmp_path / "kept" / "report.json"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "report.json"
    link.symlink_to(target)
    run("check", str(sources), "--rules", str(rules), "-f", "json", "-o", str(link), code=1)
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["findings"]


def test_baseline_and_reviews_through_symlinks_update_their_targets(tmp_path: Path) -> None:
    sources, rules = corpus(tmp_path)
    (tmp_path / "real").mkdir()
    baseline, reviews = tmp_path / "baseline.json", tmp_path / "reviews.json"
    baseline.symlink_to(tmp_path / "real" / "baseline.json")  # dangling: the target is created
    reviews.symlink_to(tmp_path / "real" / "reviews.json")
    run("check", str(sources), "--rules", str(rules), "--write-baseline", str(baseline), code=0)
    assert baseline.is_symlink() and "findings" in (tmp_path / "real" / "baseline.json").read_text(encoding="utf-8")
    listed = json.loads(run("review", "list", str(sources), "--rules", str(rules), "--json",
                            "--reviews", str(reviews)).stdout)
    run("review", "set", listed[0]["fingerprint"], "--status", "confirmed", str(sources), "--rules", str(rules),
        "--reviews", str(reviews), "--by", "ana", code=0)
    assert reviews.is_symlink()
    assert listed[0]["fingerprint"] in (tmp_path / "real" / "reviews.json").read_text(encoding="utf-8")


def _read_fifo(path: Path, into: list[bytes]) -> threading.Thread:
    def reader() -> None:
        with open(path, "rb") as handle:
            into.append(handle.read())
    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("command", [["check", "SRC", "--rules", "RULES", "-f", "json", "-o", "OUT"],
                                     ["rules", "schema", "-o", "OUT"],
                                     ["check", "SRC", "--rules", "RULES", "--write-baseline", "OUT"]])
def test_a_fifo_is_written_through_not_replaced(tmp_path: Path, command: list[str]) -> None:
    sources, rules = corpus(tmp_path)
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    thread = _read_fifo(fifo, got)
    args = [{"SRC": str(sources), "RULES": str(rules), "OUT": str(fifo)}.get(a, a) for a in command]
    run(*args)
    thread.join(10)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert got and got[0].strip().startswith(b"{")


def test_a_device_is_written_through_not_replaced(tmp_path: Path) -> None:
    sources, rules = corpus(tmp_path)
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("creating a device node needs root")
    run("check", str(sources), "--rules", str(rules), "-o", str(device), code=1)
    assert stat.S_ISCHR(device.lstat().st_mode)


def test_dash_is_standard_output(tmp_path: Path) -> None:
    sources, rules = corpus(tmp_path)
    result = run("check", str(sources), "--rules", str(rules), "-f", "json", "-o", "-", code=1)
    assert json.loads(result.stdout)["findings"] and not (tmp_path / "-").exists()


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash")
def test_process_substitution_gets_the_report(tmp_path: Path) -> None:
    sources, rules = corpus(tmp_path)
    script = (f'"{sys.executable}" -m checker check {sources} --rules {rules} -f json -o >(cat > {tmp_path}/got.json);'
              " code=$?; wait; sleep 0.2; exit $code")
    done = subprocess.run(["bash", "-c", script], capture_output=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    assert json.loads((tmp_path / "got.json").read_text(encoding="utf-8"))["findings"]


# --- Exit 3 on user data --------------------------------------------------------------------------

def test_a_309_digit_figure_is_described(tmp_path: Path) -> None:
    sources, rules = corpus(tmp_path)
    (sources / "b.txt").write_text("The pilot separated " + "9" * 309 + " families.\n", encoding="utf-8")
    result = cli("check", str(sources), "--rules", str(rules), "--format", "json")
    assert result.returncode in (0, 1) and b"internal error" not in result.stderr


def test_a_million_digit_figure(tmp_path: Path) -> None:
    sources, rules = corpus(tmp_path)
    (sources / "b.txt").write_text("The pilot separated " + "9" * 1_000_000 + " families.\n", encoding="utf-8")
    result = cli("check", str(sources), "--rules", str(rules))
    assert result.returncode in (0, 1) and b"internal error" not in result.stderr


def test_published_at_the_end_of_time_with_a_weekday(tmp_path: Path) -> None:
    sources, rules = corpus(tmp_path)
    (sources / "b.txt").write_text("# published: 9999-12-31\n\nOn Monday the pilot separated 300 families.\n",
                                   encoding="utf-8")
    result = cli("check", str(sources), "--rules", str(rules))
    assert result.returncode in (0, 1) and b"internal error" not in result.stderr


def test_letters_a_case_blind_pattern_takes_for_others(tmp_path: Path) -> None:
    """ſ for s, ı and İ for i: the words they spell are read, in check and in suggest."""
    sources, rules = corpus(tmp_path)
    (sources / "b.txt").write_text("# published: 2020-05-02\n\nLaſt ſunday the pilot ſeparated almoſt 300 families, "
                                   "half a mıllion dollars in ſeptember, late ſpring, two thırds of them.\n",
                                   encoding="utf-8")
    for command in (["check", str(sources), "--rules", str(rules)], ["suggest", str(sources)]):
        result = run(*command)
        assert "internal error" not in result.output


@pytest.mark.parametrize("value", ["0", "1700000000", "yes", "2021-02-30"])
def test_published_must_be_a_date(tmp_path: Path, value: str) -> None:
    sources, rules = corpus(tmp_path)
    (sources / "c.txt").write_text("The pilot separated 300 families.\n", encoding="utf-8")
    (sources / "sources.yaml").write_text(f"c.txt: {{published: {value}}}\n", encoding="utf-8")
    result = run("check", str(sources), "--rules", str(rules), code=2)
    assert one_line(result.stderr, "sources.yaml:1:", "published").count("error")


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    sources, rules = corpus(tmp_path)
    name = os.fsdecode(b"bad\xff.txt")
    (sources / name).write_text("The pilot separated 290 families.\n", encoding="utf-8")
    result = run("check", str(sources), "--rules", str(rules), "-f", "json", "-o", "report.json", code=1)
    assert "bad\\xff.txt" in one_line(result.stderr, "not valid UTF-8")
    assert "bad\\\\xff.txt" in Path("report.json").read_text(encoding="utf-8")
    run("check", str(sources), "--rules", str(rules), "-f", "markdown", code=1)


@pytest.mark.parametrize("option", ["--note", "--by"])
def test_note_and_by_with_invalid_bytes(tmp_path: Path, option: str) -> None:
    sources, rules = corpus(tmp_path)
    result = cli("review", "set", "0", "--status", "confirmed", str(sources), "--rules", str(rules),
                 option.encode() + b"=caf\xe9")
    assert result.returncode == 2
    assert f"{option} is not valid UTF-8".encode() in result.stderr
    assert not Path(".checker/reviews.json").exists()


@pytest.mark.parametrize("content, message", [
    ('{"version": 1, "reviews": {"0123456789abcdef": {"status": "open", "note": "\\ud800"}}}', "surrogate"),
    ('{"version": 1, "reviews": {"0123456789abcdef": {"status": "open", "note": "\\udc00x"}}}', "surrogate"),
    (cases.nested(100_000), "nested"),
    ('{"version": 1, "reviews": {"a": ' + "9" * 5000 + "}}", "number of 5,000"),
    ('{"version": 1, "reviews": {"a": 1.' + "9" * 5000 + "}}", "number"),
])
def test_hostile_reviews_files(tmp_path: Path, content: str, message: str) -> None:
    sources, rules = corpus(tmp_path)
    Path("reviews.json").write_text(content, encoding="utf-8")
    result = run("check", str(sources), "--rules", str(rules), "--reviews", "reviews.json", code=2)
    assert one_line(result.stderr, "reviews.json:1:", message)
    result = run("review", "list", str(sources), "--rules", str(rules), "--reviews", "reviews.json", code=2)
    assert one_line(result.stderr, "reviews.json:1:", message)


@pytest.mark.parametrize("content, message", [
    (cases.nested(100_000, "findings"), "nested"),
    ('{"version": 1, "findings": {"a": ' + "9" * 5000 + "}}", "number of 5,000"),
])
def test_hostile_baselines(tmp_path: Path, content: str, message: str) -> None:
    sources, rules = corpus(tmp_path)
    Path("baseline.json").write_text(content, encoding="utf-8")
    result = run("check", str(sources), "--rules", str(rules), "--baseline", "baseline.json", code=2)
    assert one_line(result.stderr, "baseline.json:1:", message)


def test_a_tree_deeper_than_the_path_limit(tmp_path: Path) -> None:
    sources, rules = corpus(tmp_path)
    fd = os.open(sources, os.O_RDONLY)
    try:
        for _ in range(25):  # 25 x 201 characters: past PATH_MAX
            os.mkdir("d" * 200, dir_fd=fd)
            inner = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
    finally:
        os.close(fd)
    result = run("check", str(sources), "--rules", str(rules), code=1)
    assert one_line(result.stderr, "File name too long", "warning")
    assert "2 source(s)" in result.stdout


def test_a_pattern_that_only_compiles_case_sensitively(tmp_path: Path) -> None:
    rule = tmp_path / "rule.yaml"
    rule.write_text(cases.PILOT_RULE + "patterns: ['" + "k{1000}" * 140 + "']\n", encoding="utf-8")
    result = run("rules", "validate", str(rule), code=2)
    assert "RE2 cannot compile" in result.stderr


def _phrase_rules(folder: Path, count: int, phrase_chars: int) -> Path:
    folder.mkdir()
    for i in range(count):
        words = " ".join(f"w{i}x{j:05d}" for j in range(phrase_chars // 10))
        (folder / f"r{i}.yaml").write_text(
            f"id: r{i}\ntitle: t\ntype: stance\nabout: [pilot]\naffirm: ['{words}']\ndeny: ['not {i}']\n",
            encoding="utf-8")
    return folder


def test_keywords_too_many_for_one_re2_program_and_no_re2_log(tmp_path: Path) -> None:
    sources, _ = corpus(tmp_path)
    rules = _phrase_rules(tmp_path / "big", 20, 97_000)
    done = cli("check", str(sources), "--rules", str(rules))
    assert done.returncode == 0, done.stderr
    assert b"DFA out of memory" not in done.stderr and b"re2" not in done.stderr.lower()


def test_five_thousand_rules_print_no_re2_log(tmp_path: Path) -> None:
    sources, _ = corpus(tmp_path)
    rules = _phrase_rules(tmp_path / "many", 5000, 40)
    done = cli("check", str(sources), "--rules", str(rules))
    assert done.returncode == 0 and b"DFA" not in done.stderr, done.stderr[-2000:]


def test_a_terminal_that_is_not_utf8(tmp_path: Path) -> None:
    sources, rules = corpus(tmp_path)
    (sources / "c.txt").write_text("# outlet: Caf\u00e9 \u2603\n\nThe pilot separated 310 families, \u00e9t\u00e9.\n",
                                   encoding="utf-8")
    for fmt in ("text", "markdown", "json"):
        done = cli("check", str(sources), "--rules", str(rules), "-f", fmt, env={"PYTHONIOENCODING": "ascii"})
        assert done.returncode == 1
        done.stdout.decode("ascii")


def test_ctrl_c_while_starting(tmp_path: Path) -> None:
    code = ("import builtins, sys\n"
            "real = builtins.__import__\n"
            "def fake(name, *args, **kwargs):\n"
            "    if name == 'typer':\n"
            "        raise KeyboardInterrupt\n"
            "    return real(name, *args, **kwargs)\n"
            "builtins.__import__ = fake\n"
            "sys.argv = ['checker', 'rules', 'list']\n"
            "from checker.cli import main\n"
            "main()\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 130
    assert done.stderr.decode().strip() == "checker: interrupted"


# --- Hangs and silent skips -------------------------------------------------------------------------

@pytest.mark.parametrize("option", ["--reviews", "--baseline"])
@pytest.mark.parametrize("what", ["fifo", "zero", "folder"])
def test_only_regular_files_as_reviews_or_baseline(tmp_path: Path, option: str, what: str) -> None:
    sources, rules = corpus(tmp_path)
    path = {"fifo": tmp_path / "r.fifo", "zero": Path("/dev/zero"), "folder": tmp_path / "r.json"}[what]
    if what == "fifo":
        os.mkfifo(path)
    elif what == "folder":
        path.mkdir()
    result = run("check", str(sources), "--rules", str(rules), option, str(path), code=2)
    kind = {"fifo": "FIFO", "zero": "character device", "folder": "folder"}[what]
    assert one_line(result.stderr, str(path), kind)


def test_an_oversized_reviews_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("checker.review.MAX_FILE_BYTES", 1000)
    sources, rules = corpus(tmp_path)
    Path("reviews.json").write_text(cases.reviews_text(20), encoding="utf-8")
    result = run("check", str(sources), "--rules", str(rules), "--reviews", "reviews.json", code=2)
    assert one_line(result.stderr, "reviews.json", "over the 1,000 limit")


def _unreadable(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """`path` as a user without the right to read it sees it (tests run as root, who may read anything)."""
    real_scandir, real_stat = os.scandir, Path.stat

    def scandir(target=".", *args):
        if Path(target) == path:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(target, *args)

    def path_stat(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "stat", path_stat)


def test_an_unreadable_subfolder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources, rules = corpus(tmp_path)
    (sources / "locked").mkdir()
    (sources / "locked" / "c.txt").write_text("The pilot separated 1 families.\n", encoding="utf-8")
    _unreadable(monkeypatch, sources / "locked")
    result = run("check", str(sources), "--rules", str(rules), code=1)
    assert one_line(result.stderr, str(sources / "locked"), "Permission denied", "warning")
    assert "2 source(s)" in result.stdout


def test_an_unreadable_rules_subfolder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources, rules = corpus(tmp_path)
    (rules / "locked").mkdir()
    _unreadable(monkeypatch, rules / "locked")
    result = run("check", str(sources), "--rules", str(rules))
    assert one_line(result.stderr, "locked", "Permission denied")


def test_an_unreadable_path_on_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources, rules = corpus(tmp_path)
    locked = tmp_path / "locked.txt"
    locked.write_text("x", encoding="utf-8")
    _unreadable(monkeypatch, locked)
    result = run("check", str(locked), str(sources), "--rules", str(rules), code=2)
    assert one_line(result.stderr, f"{locked}: error:", "Permission denied")
    assert "2 source(s)" in result.stdout


@pytest.mark.parametrize("what", ["fifo", "device", "folder"])
def test_a_special_file_named_txt(tmp_path: Path, what: str) -> None:
    sources, rules = corpus(tmp_path)
    odd = sources / "x.txt"
    if what == "fifo":
        os.mkfifo(odd)
    elif what == "device":
        try:
            os.mknod(odd, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        except PermissionError:
            pytest.skip("creating a device node needs root")
    else:
        odd.mkdir()
        (odd / "c.txt").write_text("The pilot separated 300 families.\n", encoding="utf-8")
    result = run("check", str(sources), "--rules", str(rules), code=1)
    if what == "folder":
        assert "3 source(s)" in result.stdout  # a folder is a folder, whatever its name
        return
    kind = {"fifo": "FIFO", "device": "character device"}[what]
    assert one_line(result.stderr, "x.txt", kind, "warning")
    result = run("check", str(odd), str(sources / "a.txt"), "--rules", str(rules), code=2)
    assert one_line(result.stderr, "x.txt: error:", kind)
    assert "1 source(s)" in result.stdout


def test_unclosed_front_matter_is_a_warning(tmp_path: Path) -> None:
    sources, rules = corpus(tmp_path)
    (sources / "c.md").write_text("---\noutlet: Daily\npublished: 2020-05-03\n\nThe pilot separated 5 families.\n",
                                  encoding="utf-8")
    result = run("check", str(sources), "--rules", str(rules), code=1)
    assert one_line(result.stderr, "c.md:1: warning:", "never closed")


def test_duplicate_file_keys_in_a_manifest(tmp_path: Path) -> None:
    sources, rules = corpus(tmp_path)
    (sources / "sources.yaml").write_text("a.txt: {outlet: One}\nb.txt: {outlet: Two}\na.txt: {outlet: Three}\n",
                                          encoding="utf-8")
    result = run("check", str(sources), "--rules", str(rules), "-f", "json", code=2)
    assert one_line(result.stderr, "sources.yaml:3:1: error:", "'a.txt' appears twice (first on line 1)")


# --- Quadratic work: Python steps when the input doubles ------------------------------------------

def steps(action) -> int:
    """How many Python lines and calls `action()` runs: a deterministic stand-in for its time."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        count += 1
        return tracer

    sys.settrace(tracer)
    try:
        action()
    finally:
        sys.settrace(None)
    return count


def doubling_ratio(make, run_on, n: int) -> float:
    small, large = make(n), make(2 * n)
    return steps(lambda: run_on(large)) / steps(lambda: run_on(small))


def test_reviews_file_loading_is_linear(tmp_path: Path) -> None:
    from checker.review import load_reviews

    def write(n: int) -> Path:
        path = tmp_path / f"r{n}.json"
        path.write_text(cases.reviews_text(n), encoding="utf-8")
        return path

    assert doubling_ratio(write, load_reviews, 500) < 2.3
    path = write(1000)
    text = path.read_text(encoding="utf-8")
    assert load_reviews(path).lines["00000000000003e7"] == text.count("\n", 0, text.find('"00000000000003e7":')) + 1


def test_review_set_reads_the_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.review as review

    sources, rules = corpus(tmp_path)
    fingerprint = json.loads(run("check", str(sources), "--rules", str(rules), "-f", "json").stdout)
    fingerprint = fingerprint["findings"][0]["fingerprint"]
    Path("reviews.json").write_text(cases.reviews_text(10), encoding="utf-8")
    reads = []
    real = review.read_keyed
    monkeypatch.setattr(review, "read_keyed", lambda *a, **k: reads.append(a) or real(*a, **k))
    run("review", "set", fingerprint, "--status", "dismissed", str(sources), "--rules", str(rules),
        "--reviews", "reviews.json", code=0)
    assert len(reads) == 1
    assert json.loads(Path("reviews.json").read_text(encoding="utf-8"))["reviews"][fingerprint]["status"] == "dismissed"


def test_a_long_line_is_linear_and_warned(tmp_path: Path) -> None:
    from checker.match import KeywordIndex
    from checker.rules import parse_rule
    from checker.text import line_starts, sentences

    assert doubling_ratio(cases.long_line, lambda text: sentences(text, 0, len(text), line_starts(text)), 300) < 2.3
    rule, _ = parse_rule(cases.rules(tmp_path / "rules") / "pilot-families.yaml")
    index = KeywordIndex([rule])
    assert doubling_ratio(cases.long_line, index.passages, 5_000) < 2.3


def test_a_long_paragraph_without_sentence_end_is_linear_and_warned(tmp_path: Path) -> None:
    from checker.text import MAX_PARAGRAPH, MAX_SENTENCE, line_starts, sentences

    text = cases.long_paragraph(30_000)
    found = sentences(text, 0, len(text), line_starts(text))
    assert max(len(s.text) for s in found) <= MAX_SENTENCE
    assert "".join(s.text for s in found).replace(" ", "") == text.replace(" ", "")
    sources, rules = corpus(tmp_path)
    (sources / "c.txt").write_text(cases.long_paragraph(2 * MAX_PARAGRAPH // 6), encoding="utf-8")
    result = run("check", str(sources), "--rules", str(rules), code=1)
    assert one_line(result.stderr, "c.txt:1: warning:", "paragraph of")
    assert one_line(result.stderr, "c.txt:1: warning:", "without a sentence end")
    assert doubling_ratio(cases.long_paragraph, cases.text_checker(tmp_path), 4_000) < 2.4


def test_a_big_manifest_is_linear(tmp_path: Path) -> None:
    from checker.manifest import read_manifest

    def write(n: int) -> Path:
        folder = tmp_path / f"m{n}"
        folder.mkdir()
        (folder / "sources.yaml").write_text(cases.manifest(n), encoding="utf-8")
        return folder

    assert doubling_ratio(write, read_manifest, 300) < 2.3


def test_many_dates_in_one_sentence_is_linear() -> None:
    from checker.extract.dates import find_dates

    assert doubling_ratio(cases.many_years, lambda text: find_dates(text, None), 400) < 2.4


def test_speakers_of_many_statements_in_one_paragraph_is_linear(tmp_path: Path) -> None:
    assert doubling_ratio(cases.many_statements, cases.text_checker(tmp_path), 100) < 2.4


def test_quote_pairing_over_many_quote_marks_is_linear(tmp_path: Path) -> None:
    assert doubling_ratio(cases.quote_marks, cases.text_checker(tmp_path), 20_000) < 2.4


# --- Terminal and Markdown escaping ----------------------------------------------------------------

def test_markdown_escapes_control_characters_and_bare_urls(tmp_path: Path) -> None:
    sources, rules = corpus(tmp_path)
    (sources / "sources.yaml").write_text('b.txt: {outlet: "Weekly\\e[2J\\a", title: "T\\x9b31m"}\n', encoding="utf-8")
    (sources / "b.txt").write_text("The pilot separated 300 families, \x1bc\x0e\x07\x9b31m see https://evil.example "
                                   "and www.evil.example or a@b.example.\n", encoding="utf-8")
    out = run("check", str(sources), "--rules", str(rules), "-f", "markdown", code={0, 1}).stdout
    assert not any(ord(c) < 32 and c != "\n" or 0x7f <= ord(c) <= 0x9f for c in out)
    assert "https://" not in out and "www.evil" not in out and "a@b" not in out
    assert "https\\://evil.example" in out and "www\\.evil.example" in out


def test_review_list_escapes_what_the_reviews_file_holds(tmp_path: Path) -> None:
    sources, rules = corpus(tmp_path)
    fingerprint = json.loads(run("check", str(sources), "--rules", str(rules), "-f", "json").stdout)
    fingerprint = fingerprint["findings"][0]["fingerprint"]
    hostile = "\x1b]52;c;ZXZpbA==\x07\x1b[2J\x9b31m"
    Path("reviews.json").write_text(json.dumps({"version": 1, "reviews": {fingerprint: {
        "status": "confirmed", "note": hostile, "by": hostile, "at": hostile, "rule": hostile}}}), encoding="utf-8")
    for args in (["review", "list"], ["review", "list", "--json"], ["check"]):
        out = run(*args, str(sources), "--rules", str(rules), "--reviews", "reviews.json").stdout
        assert not any(c in out for c in "\x1b\x07\x9b"), args
