#!/usr/bin/env python3
"""Time the rule loader on hostile input: every case must be refused (or read) in well under a second.

    python bench/hostile.py

The unit tests check what each case gives (tests/test_rules_hostile.py); this prints how long
each takes, so that a loader change that turns a refusal slow shows here, not as a flaky test.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from checker.match import mentions_in_text
from checker.rules import parse_rule
from checker.guarded_yaml import MAX_BYTES

BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8))

CASES: dict[str, bytes] = {
    "billion laughs (aliases)": BOMB.encode(),
    "5,000 nested flow lists": b"id: " + b"[" * 5000 + b"]" * 5000 + b"\n",
    "5,000 nested block lists": b"- " * 5000 + b"x\n",
    "densest file under the size limit": f"id: x\ntitle: t\ntype: date\nabout: [{'1,' * ((MAX_BYTES - 40) // 2)}]\n"
    .encode(),
    "50 MB file over the size limit": b"id: x\n" + b"# padding\n" * 5_000_000,
    "5,000 duplicate keys": b"id: x\ntitle: t\ntype: date\nabout: [a]\n" + b"id: y\n" * 5000,
}
BACKTRACK_RULE = b"id: backtrack\ntitle: t\ntype: date\nabout: [report]\npatterns: ['(x+x+)+y']\n"


def timed(action) -> tuple[float, object]:
    started = time.perf_counter()
    outcome = action()
    return time.perf_counter() - started, outcome


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        width = max(map(len, CASES)) + 2
        print(f"{'case':<{width}}{'seconds':>8}  outcome")
        for name, content in CASES.items():
            path = Path(folder) / "rule.yaml"
            path.write_bytes(content)
            seconds, (rule, problems) = timed(lambda path=path: parse_rule(path))
            outcome = f"{len(problems)} problem(s): {problems[0].message[:60]}" if problems else "read"
            print(f"{name:<{width}}{seconds:>8.3f}  {outcome}")
        path = Path(folder) / "backtrack.yaml"
        path.write_bytes(BACKTRACK_RULE)
        rule, _ = parse_rule(path)
        text = "The report said " + "x" * 100_000 + "."
        seconds, mentions = timed(lambda: mentions_in_text(rule, text))
        print(f"{'(x+x+)+y over 100,000 x':<{width}}{seconds:>8.3f}  {len(mentions)} mention(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
