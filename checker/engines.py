"""Where the matching runs: in this process, in a pool of local processes (`--jobs`), or on a Dask
cluster (`--engine dask`).

Sources found here, in order, are sent out in batches — as files for local workers to read
(`match_found`, `FOUND_BATCH_BYTES`), or read here and sent as text to a Dask cluster (`BATCH_BYTES`); their
mentions come back batch by batch in the order sent, so every engine gives the mentions, and so the
report, of a serial run. At most a few batches per worker are in flight, so memory stays bounded by them.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from multiprocessing.context import BaseContext
from typing import Any, NamedTuple

from checker.compare import finding_order
from checker.match import KeywordIndex, match_source
from checker.models import Finding, Mention, Problem, Source, Version
from checker.rules import Rule
from checker.sources import Found, read_found
from checker.text import in_paragraphs

BATCH_BYTES = 1_000_000
"""Characters of text per batch sent to a worker: enough that sending costs little beside matching."""
FOUND_BATCH_BYTES = 250_000
"""Bytes of files per batch a worker reads itself: sending their names costs nothing, and small batches
keep every worker busy to the end."""
AUTO_SERIAL_BYTES = 8_000_000
"""With no `--jobs`, text matched in this process before a pool is started: a small corpus is done
before worker processes would have started."""
IN_FLIGHT = 3
"""Batches per worker sent ahead."""


Item = Any
"""What a batch holds: `Source`s read here, or `Found` files for a worker to read."""


def _size(item: Item) -> int:
    """The characters of a source's text (for a file not read yet, its bytes)."""
    return item.size if isinstance(item, Found) else len(item.text)


def _characters(batch: list[Item]) -> int:
    return sum(map(_size, batch))


def batches(sources: Iterable[Item], size: int | None = None) -> Iterator[list[Item]]:
    """Consecutive sources in lists of about `size` (`BATCH_BYTES`) characters of text, one source at least."""
    size = size or BATCH_BYTES
    batch: list[Item] = []
    held = 0
    for source in sources:
        batch.append(source)
        held += _size(source)
        if held >= size:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


class Done(NamedTuple):
    """One batch done: how many sources and characters it held, and what came of it (for matching,
    their mentions in order)."""

    sources: int
    characters: int
    mentions: Any


def match_batch(index: KeywordIndex, batch: list[Source]) -> list[Mention]:
    return [mention for source in batch for mention in match_source(source, index)]


class Read(NamedTuple):
    """What came of a batch of found files: their mentions, their problems in order, how many were read."""

    mentions: list[Mention]
    problems: list[Problem]
    sources: int


def read_and_match(index: KeywordIndex, batch: list[Found]) -> Read:
    """Each file of a batch read (`read_found`) and matched, here or in a worker."""
    mentions: list[Mention] = []
    problems: list[Problem] = []
    count = 0
    for found in batch:
        source, said = read_found(found)
        problems += said
        if source is not None:
            count += 1
            found_here = match_source(source, index)
            if found.paragraphs:
                found_here = [m for m in found_here if in_paragraphs(source.text, m.start, found.paragraphs)]
            mentions += found_here
    return Read(mentions, problems, count)


def _done(batch: list[Item], result: Any) -> Done:
    return Done(len(batch), _characters(batch), result)


def ordered(submit: Callable[[list[Item]], Any], work: Iterable[list[Item]], ahead: int) -> Iterator[Done]:
    """Each batch's mentions in the order the batches come, with at most `ahead` of them in flight;
    `submit` returns a future (`result()` gives the mentions)."""
    pending: deque[tuple[Any, int, int]] = deque()

    def oldest() -> Done:
        future, count, characters = pending.popleft()
        return Done(count, characters, future.result())

    for batch in work:
        pending.append((submit(batch), len(batch), _characters(batch)))
        if len(pending) >= ahead:
            yield oldest()
    while pending:
        yield oldest()


_INDEX: KeywordIndex | None = None


def _start_worker(rules: list[Rule]) -> None:
    global _INDEX
    _INDEX = KeywordIndex(rules)


def _read_and_match_in_worker(batch: list[Found]) -> Read:
    assert _INDEX is not None, "the pool's initializer builds the index"
    return read_and_match(_INDEX, batch)


def _start_method() -> BaseContext:
    """How worker processes start: forked on Linux while this process runs no other thread (nothing
    to import again, which on two cores is the difference between 1.4 and 1.6 times faster);
    spawned otherwise — with the progress bar's thread running, or on macOS, forking is unsafe.
    From Python 3.11 a forking pool starts all its workers at once, before its own thread."""
    if sys.platform == "linux" and sys.version_info >= (3, 11) and threading.active_count() == 1:
        return get_context("fork")
    return get_context("spawn")


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def map_batches(sources: Iterable[Item], jobs: int | None, here: Callable[[list[Item]], Any],
                there: Callable[[list[Item]], Any], initializer: Callable[..., None] | None = None,
                initargs: tuple[Any, ...] = (), size: int | None = None,
                serial: int | None = None) -> Iterator[Done]:
    """`here(batch)` for each batch in this process when `jobs` is 1, else `there(batch)` in `jobs`
    processes started with `initializer(*initargs)` (None: as many as there are cores, once the corpus
    turns out larger than `serial` bytes, `AUTO_SERIAL_BYTES` by default); results in the order of the
    batches, each of about `size` characters (`batches`). `there` and `initializer` are module-level
    functions, which a spawned process can import."""
    work = batches(sources, size)
    if jobs is None:
        jobs = default_jobs()
        done = 0
        for batch in work:
            result = _done(batch, here(batch))
            yield result
            done += result.characters
            if done >= (AUTO_SERIAL_BYTES if serial is None else serial):
                break
    if jobs <= 1:
        yield from (_done(batch, here(batch)) for batch in work)
        return
    with ProcessPoolExecutor(jobs, mp_context=_start_method(), initializer=initializer,
                             initargs=initargs) as pool:
        yield from ordered(lambda batch: pool.submit(there, batch), work, jobs * IN_FLIGHT)


def match_found(found: Iterable[Found], rules: list[Rule], jobs: int | None) -> Iterator[Done]:
    """`Read`s of found files, batch by batch: each read and matched where its batch goes, so that with
    `jobs` processes the reading is shared out as well."""
    index = KeywordIndex(rules)
    return map_batches(found, jobs, lambda batch: read_and_match(index, batch), _read_and_match_in_worker,
                       _start_worker, (rules,), FOUND_BATCH_BYTES)


def compare_by_rule(results: Iterable[tuple[list[Finding], list[Version]]]) -> tuple[list[Finding], list[Version]]:
    """Per-rule comparisons, in rule order, merged into what `compare` gives for all rules at once."""
    findings: list[Finding] = []
    versions: list[Version] = []
    for rule_findings, rule_versions in results:
        findings += rule_findings
        versions += rule_versions
    findings.sort(key=finding_order)
    return findings, versions

