"""The library entry point: `check()` runs every stage, as `checker check` does."""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

from checker.compare import compare
from checker.engines import Done, Read, match_found
from checker.models import CheckResult, Mention, Problem, RuleInfo, Source, Stats
from checker.paths import display_path
from checker.rules import Rule, load_rules
from checker.selection import STDIN, Selection, select_rules
from checker.sources import Found, find_sources, read_each, safe_name

STDIN_NAME = "<stdin>"


def _paths(paths: Sequence[Path | str] | Path | str) -> list[Path]:
    """A path, or a sequence of them: `check("seeds")` is one folder, not five one-letter paths."""
    if isinstance(paths, (str, Path)):
        return [Path(paths)]
    return [Path(p) for p in paths]


def _shown(file: Path, _: Path) -> str:
    return safe_name(display_path(file))


def _found(files: list[Path], selection: Selection, stack: ExitStack) -> Iterator[Found | Problem]:
    """`find_sources` over `files` (one call, so each folder's manifest is read once), with `-` copied
    from standard input to a temporary file that `stack` removes, found as `<stdin>`."""
    if STDIN not in map(str, files):
        yield from find_sources(files, selection.skips, _shown)
        return
    for file in files:
        if str(file) != STDIN:
            yield from _found([file], selection, stack)
            continue
        copy = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "stdin.txt"
        copy.write_bytes(sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode())
        for item in find_sources([copy]):
            if isinstance(item, Found):
                yield replace(item, path=STDIN_NAME, name=STDIN_NAME)
            else:
                yield item.model_copy(update={"file": STDIN_NAME})


def found_sources(source_paths: Sequence[Path | str] | Path | str, selection: Selection | None, stack: ExitStack,
                  rest: list[Problem]) -> Iterator[Found]:
    """The source files under `source_paths` as `read_sources` finds them, not read yet (for workers to
    read: `checker.sources.read_found`), each carrying the problems said since the one before, so that
    they come back in order from whichever worker reads it; those after the last go to `rest`.
    Standard input is copied to a file that `stack` removes."""
    said: list[Problem] = []
    for item in _found(_paths(source_paths), selection or Selection(), stack):
        if isinstance(item, Problem):
            said.append(item)
        else:
            yield replace(item, before=(*said, *item.before)) if said else item
            said = []
    rest += said


def read_sources(source_paths: Sequence[Path | str] | Path | str,
                 selection: Selection | None = None) -> Iterator[Source | Problem]:
    """Every source under `source_paths`, one at a time, as every command reads them: folders walked as
    `checker.selection` says, `-` from standard input, each named by its path from the current folder."""
    with ExitStack() as stack:
        yield from read_each(_found(_paths(source_paths), selection or Selection(), stack))


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

    def told(batch: Done, found: int) -> None:
        if progress is not None:
            progress(batch.sources, batch.characters, found)

    mentions: list[Mention] = []
    if engine == "dask":
        from checker.dask_engine import DaskEngine

        cluster = DaskEngine(scheduler)
        try:
            for batch in cluster.match(sources(), rules):  # read here, sent as text
                mentions += batch.mentions
                told(batch, len(batch.mentions))
            findings, versions = cluster.compare(rules, mentions)
        finally:
            cluster.close()
    else:
        rest: list[Problem] = []
        with ExitStack() as stack:  # files are read where they are matched
            for batch in match_found(found_sources(source_paths, selection, stack, rest), rules, jobs):
                read: Read = batch.mentions
                mentions += read.mentions
                problems += read.problems
                count += read.sources
                told(batch, len(read.mentions))
        problems += rest
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
