"""`--engine dask`: the stages of a check on a Dask cluster (`pip install 'checker[dask]'`).

Batches of sources go to the workers as futures and their mentions come back in order (see
`checker.engines`); then each rule's mentions are compared on the cluster, one task per rule, and
the results merged as `compare` orders them. The report is the one a local run makes. Workers need
checker installed, in the version of the client; sources are read by the client and sent.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator

from checker.compare import compare
from checker.engines import IN_FLIGHT, Done, batches, compare_by_rule, default_jobs, match_batch, ordered
from checker.match import KeywordIndex
from checker.models import Finding, Mention, Source, Version
from checker.rules import Rule

_INDEXES: dict[str, KeywordIndex] = {}
"""Each worker's keyword index per check (by its token), built on its first batch."""


def _match_on_worker(token: str, rules: list[Rule], batch: list[Source]) -> list[Mention]:
    index = _INDEXES.get(token)
    if index is None:
        _INDEXES.clear()
        index = _INDEXES[token] = KeywordIndex(rules)
    return match_batch(index, batch)


def _compare_rule(rule: Rule, mentions: list[Mention]) -> tuple[list[Finding], list[Version]]:
    return compare([rule], mentions)


class DaskEngine:
    """A client of the cluster at `scheduler`, or of a local cluster of processes when it is None."""

    def __init__(self, scheduler: str | None = None) -> None:
        from distributed import Client, LocalCluster

        self.cluster = None
        if scheduler is None:
            self.cluster = LocalCluster(n_workers=default_jobs(), threads_per_worker=1, processes=True,
                                        host="127.0.0.1", dashboard_address=None)
            scheduler = self.cluster.scheduler_address
        self.client = Client(scheduler)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def match(self, sources: Iterable[Source], rules: list[Rule]) -> Iterator[Done]:
        token = uuid.uuid4().hex
        shared = self.client.scatter({"rules": rules}, broadcast=True)["rules"]
        ahead = max(sum(self.client.nthreads().values()), 1) * IN_FLIGHT
        yield from ordered(lambda batch: self.client.submit(_match_on_worker, token, shared, batch, pure=False),
                           batches(sources), ahead)

    def compare(self, rules: list[Rule], mentions: list[Mention]) -> tuple[list[Finding], list[Version]]:
        by_rule: dict[str, list[Mention]] = defaultdict(list)
        for mention in mentions:
            by_rule[mention.rule].append(mention)
        used = [rule for rule in rules if rule.id in by_rule]
        futures = self.client.map(_compare_rule, used, [by_rule[rule.id] for rule in used], pure=False)
        return compare_by_rule(self.client.gather(futures))
