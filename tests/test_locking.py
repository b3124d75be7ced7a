"""The review store's lock: flock on POSIX, a lock file where there is no fcntl (Windows)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from checker import locking
from checker.errors import ProblemError
from checker.guarded_yaml import RuleFileError
from checker.review import FileError


def _exclusive(tmp_path: Path) -> list[str]:
    events: list[str] = []

    def hold(name: str) -> None:
        with locking.locked(tmp_path / "store" / "reviews.json"):
            events.append(f"{name} in")
            time.sleep(0.2)
            events.append(f"{name} out")

    threads = [threading.Thread(target=hold, args=(n,)) for n in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return events


def test_the_lock_is_exclusive(tmp_path: Path) -> None:
    events = _exclusive(tmp_path)
    assert events[0].endswith("in") and events[1] == events[0].replace("in", "out")


def test_without_fcntl_a_lock_file_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(locking, "fcntl", None)
    events = _exclusive(tmp_path)
    assert events[1] == events[0].replace("in", "out")
    assert (tmp_path / "store" / locking.LOCK_NAME).exists()


def test_the_cli_imports_where_there_is_no_fcntl() -> None:
    code = "import sys; sys.modules['fcntl'] = None; import checker.cli, checker.review; print('ok')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "ok", done.stderr


def test_errors_that_carry_a_problem_share_one_type() -> None:
    assert issubclass(RuleFileError, ProblemError) and FileError is ProblemError
