#!/usr/bin/env python3
"""Double each formerly quadratic input and print how much longer it takes: linear work stays near 2.

    python bench/quadratic.py            # the sizes of the issue (a few minutes)
    python bench/quadratic.py --quick    # a tenth of them

Each case runs in-process on generated input (tests/hostile/cases.py) at n and 2n; the figure is
seconds(2n) / seconds(n). Peak memory of the whole run is printed at the end.
"""

from __future__ import annotations

import argparse
import resource
from functools import partial
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.review import load_reviews  # noqa: E402
from checker.manifest import read_manifest  # noqa: E402
from tests.hostile import cases  # noqa: E402


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    scale = 0.1 if parser.parse_args().quick else 1.0
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        counter = iter(range(10**6))
        source = cases.text_checker(root)

        def reviews(n: int) -> None:
            path = root / f"r{n}.json"
            path.write_text(cases.reviews_text(n), encoding="utf-8")
            load_reviews(path)

        def manifest(n: int) -> None:
            folder = root / f"m{next(counter)}"
            folder.mkdir()
            (folder / "sources.yaml").write_text(cases.manifest(n), encoding="utf-8")
            read_manifest(folder)

        work = [
            ("reviews file (verdicts)", 10_000, reviews),
            ("one long line (sentences)", 20_000, lambda n: source(cases.long_line(n))),
            ("paragraph without sentence end (words)", 500_000, lambda n: source(cases.long_paragraph(n))),
            ("manifest (entries)", 50_000, manifest),
            ("dates in one sentence (years)", 20_000, lambda n: source(cases.many_years(n))),
            ("statements in one paragraph", 2_000, lambda n: source(cases.many_statements(n))),
            ("quote marks (characters)", 1_000_000, lambda n: source(cases.quote_marks(n))),
        ]
        width = max(len(name) for name, _, _ in work) + 2
        print(f"{'case':<{width}}{'n':>10}{'s(n)':>9}{'s(2n)':>9}{'ratio':>7}")
        for name, n, action in work:
            n = max(int(n * scale), 10)
            small, large = timed(partial(action, n)), timed(partial(action, 2 * n))
            print(f"{name:<{width}}{n:>10,}{small:>9.2f}{large:>9.2f}{large / max(small, 1e-9):>7.2f}", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
