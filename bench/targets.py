#!/usr/bin/env python3
"""Every speed and memory target of `checker check` in one run, beside the previous release's figures.

    python bench/targets.py                      # all targets (generates the corpora on first use)
    python bench/targets.py --scale 10 50 200    # the memory scaling, in MB (1000 for the 1 GB target)
    python bench/targets.py --record FILE        # also write the figures as JSON (how previous.json is made)

Each check runs as `python -m checker check ... --format json` in a child process; its wall time and
peak RSS are that child's own (`os.wait4`). CPU seconds are the child's user + system time, so
"per core" throughput is MB / CPU seconds. `--checker DIR` runs the checker found in DIR instead
(PYTHONPATH), which is how the previous release's figures in `previous.json` were measured.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402  (bench/ is not a package)

MB = make_corpus.MB
PREVIOUS = HERE / "previous.json"
DENSE = {"rules": 8, "keyword_rate": 0.33}
"""The dense story corpus: 8 rules, one paragraph in three names one of them."""


def corpus(out: Path, megabytes: float, rules: int, keyword_rate: float = 0.03) -> tuple[Path, Path]:
    """A generated corpus and its rules, made once per setting."""
    base = out / f"targets-{megabytes:g}mb-{rules}r-k{keyword_rate:g}"
    info = base / "corpus" / make_corpus.INFO
    wanted = {"megabytes": megabytes, "rules": rules, "keyword_rate": keyword_rate,
              "generator_version": make_corpus.GENERATOR_VERSION}
    try:
        current = all(json.loads(info.read_text()).get(k) == v for k, v in wanted.items())
    except (OSError, ValueError):
        current = False
    if not current:
        print(f"  generating {megabytes:g} MB x {rules} rules ...", file=sys.stderr, flush=True)
        make_corpus.generate(megabytes, rules, 1, base / "corpus", base / "rules", keyword_rate=keyword_rate,
                             quiet=True)
    return base / "corpus", base / "rules"


def run(args: argparse.Namespace, sources: Path, rules: Path, *extra: str) -> dict[str, float]:
    """One check in a child: wall and CPU seconds, peak RSS (MB), and the report's bytes."""
    report = args.out / "targets-report.json"
    report.unlink(missing_ok=True)
    command = [sys.executable, "-m", "checker", "check", str(sources.resolve()), "--rules", str(rules.resolve()),
               "--format", "json", "--output", str(report.resolve()), "--fail-on", "never", "--no-ignore", *extra]
    env = dict(os.environ, PYTHONPATH=str(args.checker)) if args.checker else None
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=args.out, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"checker failed: {' '.join(command)}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024,
            "report": len(report.read_bytes())}


def median_run(args: argparse.Namespace, sources: Path, rules: Path, *extra: str) -> dict[str, float]:
    runs = [run(args, sources, rules, *extra) for _ in range(args.repeat)]
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def startup(args: argparse.Namespace) -> float:
    env = dict(os.environ, PYTHONPATH=str(args.checker)) if args.checker else None
    times = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "checker", "--version"], env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure(args: argparse.Namespace) -> dict[str, float]:
    figures: dict[str, float] = {}
    dense = corpus(args.out, args.dense_mb, DENSE["rules"], DENSE["keyword_rate"])
    mb = args.dense_mb
    one = median_run(args, *dense, "--jobs", "1") if args.jobs else median_run(args, *dense)
    figures["dense MB/s per core"] = mb / one["cpu"]
    if args.jobs:
        two = median_run(args, *dense, "--jobs", "2")
        figures["--jobs 2 speed-up"] = one["wall"] / two["wall"]
    one_job = ("--jobs", "1") if args.jobs else ()
    for rules in (100, 500, 2000):
        sparse = corpus(args.out, 50, rules)
        result = median_run(args, *sparse, *one_job)
        figures[f"sparse 50 MB x {rules} rules MB/s per core"] = 50 / result["cpu"]
        figures[f"sparse 50 MB x {rules} rules CPU s"] = result["cpu"]
    figures["2,000 rules / 100 rules time"] = (figures["sparse 50 MB x 2000 rules CPU s"]
                                               / figures["sparse 50 MB x 100 rules CPU s"])
    for megabytes in args.scale:
        figures[f"peak RSS MB at {megabytes:g} MB"] = run(args, *corpus(args.out, megabytes, 100), *one_job)["rss"]
    figures["start-up s"] = startup(args)
    return figures


TARGETS = {"dense MB/s per core": (">=", 10), "sparse 50 MB x 500 rules MB/s per core": (">=", 25),
           "2,000 rules / 100 rules time": ("<=", 3), "--jobs 2 speed-up": (">=", 1.7), "start-up s": ("<", 0.15)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--dense-mb", type=float, default=20, help="size of the dense story corpus in MB")
    parser.add_argument("--scale", type=float, nargs="*", default=[10, 50, 200])
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the median is shown")
    parser.add_argument("--checker", type=Path, help="run the checker package found in this folder")
    parser.add_argument("--no-jobs", dest="jobs", action="store_false", help="for a checker without --jobs")
    parser.add_argument("--record", type=Path, help="write the figures to this JSON file")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    figures = measure(args)
    previous = json.loads(PREVIOUS.read_text())["figures"] if PREVIOUS.is_file() else {}
    width = max(map(len, figures))
    print(f"{'figure':<{width}}  {'previous':>9}  {'now':>9}  target")
    for name, value in figures.items():
        before = previous.get(name)
        sign, goal = TARGETS.get(name, ("", ""))
        if "peak RSS" in name:
            sign, goal = "<", 200
        shown = f"{before:9.2f}" if before is not None else f"{'-':>9}"
        print(f"{name:<{width}}  {shown}  {value:9.2f}  {sign} {goal}")
    if args.record:
        args.record.write_text(json.dumps({"figures": figures}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
