"""The reviews file: its shape, corrupt files, stale entries, and writes that lose nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker.review import (
    FileError,
    apply_reviews,
    dumps,
    load_reviews,
    resolve,
    set_review,
    stale,
)
from tests.findings import sample_result

ROOT = Path(__file__).resolve().parent.parent


def test_a_verdict_is_kept_with_who_when_and_what(tmp_path: Path) -> None:
    path = tmp_path / ".checker" / "reviews.json"
    finding = sample_result().findings[0]
    entry = set_review(path, finding.fingerprint, "dismissed", "different units", "ana", finding)
    assert (entry.status, entry.note, entry.by, entry.rule) == ("dismissed", "different units", "ana", finding.rule)
    assert entry.at and entry.at.endswith("Z")
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["version"] == 1
    assert stored["reviews"][finding.fingerprint] == {
        "status": "dismissed", "note": "different units", "by": "ana", "at": entry.at, "rule": finding.rule,
        "message": finding.message}


def test_by_defaults_to_the_login_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOGNAME", "reviewer-from-env")
    assert set_review(tmp_path / "r.json", "abc", "confirmed").by == "reviewer-from-env"


def test_a_note_alone_keeps_the_status_and_a_status_keeps_the_note(tmp_path: Path) -> None:
    path = tmp_path / "reviews.json"
    set_review(path, "abc", "confirmed", None, "ana")
    assert set_review(path, "abc", None, "seen the filing", "bo").status == "confirmed"
    entry = set_review(path, "abc", "dismissed", None, "bo")
    assert (entry.status, entry.note) == ("dismissed", "seen the filing")
    assert set_review(path, "abc", None, "", "bo").note is None


def test_the_file_is_sorted_and_diffs_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "reviews.json"
    set_review(path, "ffff", "confirmed", "z", "ana")
    set_review(path, "0000", "dismissed", "a", "ana")
    before = path.read_text(encoding="utf-8").splitlines()
    set_review(path, "8888", "open", None, "ana")
    after = path.read_text(encoding="utf-8").splitlines()
    assert list(json.loads("\n".join(after))["reviews"]) == ["0000", "8888", "ffff"]
    assert set(before) <= set(after)  # adding a verdict only adds lines
    assert path.read_text(encoding="utf-8") == dumps(load_reviews(path))
    assert path.read_text(encoding="utf-8").endswith("}\n")


@pytest.mark.parametrize(("text", "line", "words"), [
    ('{"version": 1,\n "reviews": {\n  "abc": {"status": "confirmed",}\n }\n}\n', 3, "not valid JSON"),
    ('{"version": 1, "reviews": {\n"abc": {"status": "confirmed"},\n"def": {"status": "maybe"}}}\n', 3, "status"),
    ('{"version": 1, "reviews": {\n"abc": {"status": "open", "colour": "red"}}}\n', 2, "colour"),
    ('["not", "a", "mapping"]\n', 1, "must be"),
    ('{"version": 7, "reviews": {}}\n', 1, "must be"),
])
def test_a_corrupt_file_is_one_line_naming_file_and_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = tmp_path / "reviews.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileError) as caught:
        load_reviews(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}") and words in message and "\n" not in message


def test_a_missing_file_holds_no_reviews(tmp_path: Path) -> None:
    assert load_reviews(tmp_path / "nowhere" / "reviews.json").entries == {}


def test_findings_carry_their_review_and_unjudged_ones_are_open(tmp_path: Path) -> None:
    result = sample_result()
    path = tmp_path / "reviews.json"
    set_review(path, result.findings[1].fingerprint, "confirmed", "yes", "ana")
    reviewed = apply_reviews(result, load_reviews(path))
    assert [f.review.status for f in reviewed.findings] == ["open", "confirmed", "open"]  # type: ignore[union-attr]
    assert reviewed.findings[1].review.model_dump(exclude={"at"}) == {"status": "confirmed", "note": "yes", "by": "ana"}  # type: ignore[union-attr]


def test_a_verdict_whose_finding_is_gone_is_stale_and_kept(tmp_path: Path) -> None:
    result = sample_result()
    path = tmp_path / "reviews.json"
    set_review(path, result.findings[0].fingerprint, "confirmed", None, "ana", result.findings[0])
    set_review(path, "0123456789abcdef", "dismissed", None, "ana")
    reviews = load_reviews(path)
    [warning] = stale(result, reviews)
    assert warning.level == "warning"
    assert warning.one_line().startswith(f"{path}:{reviews.lines['0123456789abcdef']}: warning: stale review "
                                         "0123456789abcdef (dismissed)")
    assert "0123456789abcdef" in load_reviews(path).entries


def test_a_unique_prefix_is_enough() -> None:
    fingerprints = ["414a6c6a7ae75f26", "4d956ec6dad46672", "923e94c2d5858f07"]
    assert resolve("41", fingerprints) == "414a6c6a7ae75f26"
    assert resolve("923E", fingerprints) == "923e94c2d5858f07"
    with pytest.raises(ValueError, match="ambiguous"):
        resolve("4", fingerprints)
    with pytest.raises(ValueError, match="no finding"):
        resolve("zz", fingerprints)
    with pytest.raises(ValueError, match="no finding"):
        resolve("", fingerprints)


WRITER = """
import sys
from checker.review import set_review
path, worker = sys.argv[1], sys.argv[2]
for i in range(int(sys.argv[3])):
    set_review(path, f"{worker}-{i:03d}", "confirmed", f"note {i}", f"worker {worker}")
"""


def test_writers_in_parallel_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "reviews.json"
    workers, each = 6, 15
    processes = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(w), str(each)], cwd=ROOT)
                 for w in range(workers)]
    assert [p.wait(timeout=120) for p in processes] == [0] * workers
    entries = load_reviews(path).entries
    assert len(entries) == workers * each
    assert {e.by for e in entries.values()} == {f"worker {w}" for w in range(workers)}


KILLED_WRITER = """
import os, sys, time
from pathlib import Path
import checker.files
from checker.review import set_review

def fsync_then_hang(fd):
    Path(sys.argv[2]).write_text("writing")  # the new text is in the temporary file, not yet renamed
    time.sleep(60)

checker.files.os.fsync = fsync_then_hang
set_review(sys.argv[1], "killed-mid-write", "dismissed", "never lands", "victim")
"""


def test_a_writer_killed_mid_write_leaves_the_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "reviews.json"
    set_review(path, "kept", "confirmed", "before the crash", "ana")
    before = path.read_bytes()
    started = tmp_path / "started"
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(path), str(started)], cwd=ROOT)
    deadline = time.monotonic() + 60
    while not started.exists():
        assert writer.poll() is None and time.monotonic() < deadline, "the writer never reached its write"
        time.sleep(0.02)
    assert any(p.name.endswith(".tmp") for p in tmp_path.iterdir())  # it was mid-write
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=10)
    assert path.read_bytes() == before
    assert list(load_reviews(path).entries) == ["kept"]
    set_review(path, "after", "open", None, "ana")  # the killed writer's lock went with it
    assert sorted(load_reviews(path).entries) == ["after", "kept"]


def test_the_file_is_readable_by_the_team(tmp_path: Path) -> None:
    path = tmp_path / "reviews.json"
    old = os.umask(0o022)
    try:
        set_review(path, "abc", "confirmed", None, "ana")
        assert path.stat().st_mode & 0o777 == 0o644
        path.chmod(0o664)
        set_review(path, "def", "dismissed", None, "ana")
        assert path.stat().st_mode & 0o777 == 0o664
    finally:
        os.umask(old)
