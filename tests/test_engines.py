"""`--jobs`, the automatic pool and `--engine dask` give the report of one process, byte for byte."""

from __future__ import annotations

import io
import json
import os
import sys
import threading
from pathlib import Path

import distributed
import pytest
from rich.console import Console
from typer.testing import CliRunner

from checker import engines
from checker.cli import app
from checker.cli.progress import ProgressBar
from tests.test_golden import report


@pytest.fixture()
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of a few sources, so that a small corpus is spread over every worker."""
    monkeypatch.setattr(engines, "BATCH_BYTES", 20_000)
    monkeypatch.setattr(engines, "FOUND_BATCH_BYTES", 20_000)


def test_jobs_give_the_report_of_one_process(tmp_path: Path, small_batches: None) -> None:
    assert report(tmp_path, "many-rules", jobs=2) == report(tmp_path, "many-rules", jobs=1)


def test_workers_fork_only_while_no_other_thread_runs(tmp_path: Path, small_batches: None) -> None:
    """Forked with one thread (no second import); spawned while another runs, with the same report."""
    alone = threading.active_count() == 1 and sys.version_info >= (3, 11)
    assert engines._start_method().get_start_method() == ("fork" if alone else "spawn")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert engines._start_method().get_start_method() == "spawn"
        assert report(tmp_path, "many-rules", jobs=2) == report(tmp_path, "many-rules", jobs=1)
    finally:
        stop.set()
        other.join()


def test_the_automatic_pool_starts_part_way_and_changes_nothing(tmp_path: Path, small_batches: None,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engines, "AUTO_SERIAL_BYTES", 100_000)
    started: list[int] = []
    pool = engines.ProcessPoolExecutor
    monkeypatch.setattr(engines, "ProcessPoolExecutor", lambda jobs, **kw: started.append(jobs) or pool(jobs, **kw))
    assert report(tmp_path, "dense", jobs=None) == report(tmp_path, "dense", jobs=1)
    assert started == [engines.default_jobs()] if engines.default_jobs() > 1 else started == []


def test_dask_cluster_gives_the_local_report(tmp_path: Path, small_batches: None) -> None:
    local = report(tmp_path, "sparse")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        on_cluster = report(tmp_path, "sparse", engine="dask", scheduler=cluster.scheduler_address)
    assert on_cluster == local
    assert json.loads(local)["findings"]


def test_progress_bar_shows_files_size_and_statements() -> None:
    out = io.StringIO()
    bar = ProgressBar(Console(file=out, force_terminal=True, width=120), delay=0)
    bar(3, 2_500_000, 7)
    bar.progress.refresh()
    bar.stop()
    shown = out.getvalue()
    assert "3 files" in shown and "2.5 MB" in shown and "7 statements" in shown


def test_no_progress_bar_when_standard_error_is_no_terminal(tmp_path: Path) -> None:
    seeds = Path(__file__).parent.parent / "seeds"
    rules = Path(__file__).parent.parent / "rules"
    result = CliRunner().invoke(app, ["check", str(seeds), "--rules", str(rules), "--format", "json", "--jobs", "2"])
    assert result.exit_code == 1, result.output
    assert result.stderr == ""


def test_workers_read_the_files_and_say_their_problems_in_the_order_of_one_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files are read where they are matched; problems of the walk, the manifest and the reading come
    back in the order a serial run says them, and a file that cannot be read is no source."""
    from checker import check

    monkeypatch.setattr(engines, "FOUND_BATCH_BYTES", 200)
    folder = tmp_path / "sources"
    for n in range(30):
        sub = folder / f"part{n % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        body = f"The county said {n} homes flooded.\n" * 8
        (sub / f"{n:02}.txt").write_bytes(body.encode() + (b"caf\xe9\n" if n % 4 == 0 else b""))
        (sub / f"{n:02}-front.md").write_text("---\npublished: not a date\n---\nText.\n" if n % 5 == 0 else "Text.\n")
    (folder / "part1" / "sources.yaml").write_text("04.txt: {outlet: A, outlet: B}\nzz.txt: [\n")
    os.mkfifo(folder / "part2" / "pipe.txt")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "homes.yaml").write_text("id: homes\ntitle: Homes flooded\ntype: quantity\nabout: [homes]\nunit: homes\n")
    one, two = check(folder, rules, jobs=1), check(folder, rules, jobs=2)
    assert [p.model_dump() for p in two.problems] == [p.model_dump() for p in one.problems]
    assert {"not a regular file" in p.message for p in one.problems} == {True, False}
    assert len(one.problems) > 10 and one.stats.sources == two.stats.sources == 60
    assert [f.fingerprint for f in two.findings] == [f.fingerprint for f in one.findings]
