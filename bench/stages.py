#!/usr/bin/env python3
"""Time the stages of `checker.check` without a profiler's overhead.

    python bench/stages.py bench/out/corpus-50mb-100r-s1      # a folder holding corpus/ and rules/
    python bench/stages.py --corpus seeds --rules rules

Wraps a few of the pipeline's functions with timers (in this process only; the checker's code is
not changed) and prints the time spent in each, against the whole `checker.check` call. Stages
overlap where one calls another (find_dates runs inside a rule type's `read`). A function that has
been renamed or moved is skipped with a note, since these are internal names.
"""

from __future__ import annotations

import argparse
import collections
import functools
import importlib
import time
from pathlib import Path

STAGES = [
    ("checker.manifest", "_stream", "sources.yaml manifest (YAML)"),
    ("checker.match", "sentences", "sentence segmentation (syntok)"),
    ("checker.match", "match_sentence", "match_sentence (about words, phrases)"),
    ("checker.rules.quantity", "QuantityRule.read", "reading quantities"),
    ("checker.rules.stance", "StanceRule.read", "reading stances"),
    ("checker.rules.date", "DateRule.read", "reading dates"),
    ("checker.rules.share", "ShareRule.read", "reading shares"),
    ("checker.rules.quantity", "find_dates", "  find_dates, inside quantities"),
    ("checker.match", "KeywordIndex.passages", "keyword scan (RE2)"),
    ("checker.pipeline", "compare", "compare"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, help="a generated folder holding corpus/ and rules/")
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--rules", type=Path)
    args = parser.parse_args()
    corpus = args.corpus or (args.folder / "corpus" if args.folder else None)
    rules = args.rules or (args.folder / "rules" if args.folder else Path("rules"))
    if corpus is None:
        parser.error("give a generated folder or --corpus")

    spent: dict[str, float] = collections.defaultdict(float)
    calls: collections.Counter[str] = collections.Counter()

    def timed(label: str, func):  # type: ignore[no-untyped-def]
        @functools.wraps(func)
        def wrapper(*a, **k):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            try:
                return func(*a, **k)
            finally:
                spent[label] += time.perf_counter() - started
                calls[label] += 1
        return wrapper

    for module_name, attribute, label in STAGES:
        owner = importlib.import_module(module_name)
        *path, name = attribute.split(".")
        for part in path:
            owner = getattr(owner, part, None)
        if owner is None or not hasattr(owner, name):
            print(f"(skipped {module_name}.{attribute}: not found)")
            continue
        setattr(owner, name, timed(label, getattr(owner, name)))

    from checker.pipeline import check
    from checker.selection import Selection

    started = time.perf_counter()
    result = check([corpus], [rules], selection=Selection(no_ignore=True))  # bench/out is git-ignored
    total = time.perf_counter() - started
    print(f"checker.check: {total:.2f} s; {result.stats.sources:,} sources, {result.stats.rules} rules, "
          f"{result.stats.mentions:,} mentions, {len(result.findings)} findings")
    for label, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {label:42s} {seconds:7.2f} s  {100 * seconds / total:5.1f} %  ({calls[label]:,} calls)")
    inside = sum(v for k, v in spent.items() if not k.startswith(" "))
    print(f"  {'everything else (reading, decoding, models)':42s} {total - inside:7.2f} s  "
          f"{100 * (total - inside) / total:5.1f} %")


if __name__ == "__main__":
    main()
