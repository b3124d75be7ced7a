"""The library entry point: `check()` runs every stage, as `checker check` does."""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from checker.compare import compare
from checker.engines import Done, match_local
from checker.paths import display_path
from checker.models import CheckResult, Mention, Problem, RuleInfo, Source, Stats
from checker.rules import Rule, load_rules
from checker.selection import STDIN, Selection, select_rules
from checker.sources import load_sources, safe_name

STDIN_NAME = "<stdin>"


def _paths(paths: Sequence[Path | str] | Path | str) -> list[Path]:
    """A path, or a sequence of them: `check("seeds")` is one folder, not five one-letter paths."""
    if isinstance(paths, (str, Path)):
        return [Path(paths)]
    return [Path(p) for p in paths]


def _shown(file: Path, _: Path) -> str:
    return safe_name(display_path(file))


def _read(files: list[Path], selection: Selection) -> Iterator[Source | Problem]:
    """`load_sources` over `files` (one call, so each folder's manifest is read once), with `-`
    read from standard input as one `.txt` source."""
    if STDIN not in map(str, files):
        yield from load_sources(files, selection.skips, _shown)
        return
    for file in files:
        if str(file) != STDIN:
            yield from _read([file], selection)
            continue
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "stdin.txt"
            copy.write_bytes(sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode())
            for item in load_sources([copy]):
                if isinstance(item, Source):
                    yield item.model_copy(update={"name": STDIN_NAME, "path": STDIN_NAME})
                else:
                    yield item.model_copy(update={"file": STDIN_NAME})


def read_sources(source_paths: Sequence[Path | str] | Path | str,
                 selection: Selection | None = None) -> Iterator[Source | Problem]:
    """Every source under `source_paths`, one at a time, as every command reads them: folders walked as
    `checker.selection` says, `-` from standard input, each named by its path from the current folder."""
    yield from _read(_paths(source_paths), selection or Selection())


def each_source(source_paths: Sequence[Path | str] | Path | str, selection: Selection | None,
                problems: list[Problem]) -> Iterator[Source]:
    """`read_sources`, with the problems put in `problems` as they come: for callers that want the sources."""
    for item in read_sources(source_paths, selection):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            yield item


Progress = Callable[[int, int, int], None]
"""Told after each batch of sources is matched: the sources, characters and statements it held."""


def check_sources(source_paths: Sequence[Path | str] | Path | str, rules: Sequence[Rule],
                  selection: Selection | None = None, *, jobs: int | None = 1, engine: str = "local",
                  scheduler: str | None = None, progress: Progress | None = None) -> CheckResult:
    """Check the sources under `source_paths` against already loaded `rules`.

    Sources are read one at a time and dropped once matched, so memory holds mentions, not texts.
    Each is named by its path from the current folder (absolute when outside it).
    Folders are walked as `checker.selection` says (`.gitignore`, hidden folders, `--exclude`).
    `jobs` processes match them (None: one per core for a large corpus; see `checker.engines`), or
    with `engine="dask"` the workers of the Dask cluster at `scheduler` (a local one when None);
    either way the result is that of one process.
    """
    started = time.perf_counter()
    rules = list(rules)
    problems: list[Problem] = []
    count = 0

    def sources() -> Iterator[Source]:
        nonlocal count
        for item in read_sources(source_paths, selection):
            if isinstance(item, Problem):
                problems.append(item)
            else:
                count += 1
                yield item

    def collect(done: Iterable[Done]) -> list[Mention]:
        mentions: list[Mention] = []
        for batch in done:
            mentions += batch.mentions
            if progress is not None:
                progress(batch.sources, batch.characters, len(batch.mentions))
        return mentions

    if engine == "dask":
        from checker.dask_engine import DaskEngine

        cluster = DaskEngine(scheduler)
        try:
            mentions = collect(cluster.match(sources(), rules))
            findings, versions = cluster.compare(rules, mentions)
        finally:
            cluster.close()
    else:
        mentions = collect(match_local(sources(), rules, jobs))
        findings, versions = compare(rules, mentions)
    stats = Stats(sources=count, rules=len(rules), mentions=len(mentions),
                  seconds=round(time.perf_counter() - started, 3))
    infos = [RuleInfo(id=r.id, title=r.title, type=r.type, severity=r.severity) for r in rules]
    return CheckResult(findings=findings, versions=versions, problems=problems, stats=stats, rules=infos)


def check(source_paths: Sequence[Path | str] | Path | str, rule_paths: Sequence[Path | str] | Path | str = ("rules",),
          *, selection: Selection | None = None, select: Sequence[str] = (),
          ignore: Sequence[str] = (), jobs: int | None = 1, engine: str = "local", scheduler: str | None = None,
          progress: Progress | None = None) -> CheckResult:
    """Load the rules under `rule_paths` and check the sources under `source_paths`.

    Each is a path or a sequence of paths (`check("seeds", "rules")` works). `select`/`ignore`
    choose rules by id (globs); `jobs`, `engine`, `scheduler` and `progress` are as for
    `check_sources`. Rule files that do not load are reported in `problems`; the
    others are still used.
    """
    loaded = load_rules(_paths(rule_paths))
    rules, chosen = select_rules(loaded.rules, select, ignore)
    result = check_sources(source_paths, rules, selection, jobs=jobs, engine=engine, scheduler=scheduler,
                           progress=progress)
    result.problems[:0] = loaded.problems + chosen
    for info in result.rules:
        info.file = loaded.files.get(info.id)
    return result
