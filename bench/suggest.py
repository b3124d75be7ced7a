#!/usr/bin/env python3
"""How fast `checker suggest` reads a corpus next to `checker check`, and how many planted discrepancies
it ranks in its top 10 and top 30.

    python bench/suggest.py                      # 50 MB x 100 rules, seed 1 (the check's corpus)
    python bench/suggest.py --megabytes 5        # a quick one

1. Speed: on the corpus `bench/run.py` generates, runs `checker check` with its 100 rules and
   `checker suggest --top 30` (each in a child process) and prints MB/s of both and their ratio;
   the target is suggest at no less than half the speed of check.
2. Recall: writes a story corpus of its own (`bench/out/suggest-story/`): articles from many
   outlets about one story, in which a fixed set of claims — counts of different things, and
   two events' dates — are stated differently by several outlets, among filler and figures that
   agree or stand alone. It runs `checker suggest --top 30` there and prints how many of the planted
   discrepancies (the ones a careful reader lists) appear in the top 10 and the top 30: a planted
   claim appears when one suggestion's versions hold two of its disagreeing figures.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import run  # noqa: E402  (the corpus the check benchmark uses)

MB = 1_000_000
OUTLETS = ["Daily Ledger", "State Wire", "Valley Courier", "Public Radio", "County Gazette", "Evening Post",
           "Metro Tribune", "River Times"]
CLAIMS = [  # noun, context, figures the outlets give (the first is the one most report)
    ("homes", "were flooded in the lower town", [1200, 1450, 1800]),
    ("residents", "were evacuated from the river district", [3400, 4100]),
    ("bridges", "were closed by the county engineers", [14, 9]),
    ("shelters", "opened across the valley", [22, 31]),
    ("volunteers", "signed up with the relief agency", [650, 900]),
    ("schools", "stayed closed after the storm", [17, 12]),
    ("roads", "were washed out near the dam", [40, 55]),
    ("businesses", "applied for emergency loans", [310, 480]),
]
EVENTS = [  # event, how the outlets put it, dates they give (ISO) and how they write them
    ("report", "The flood damage report was released on", {"2023-03-03": "March 3, 2023",
                                                            "2023-03-06": "March 6, 2023"}),
    ("order", "The governor signed the emergency order on", {"2023-02-27": "February 27, 2023",
                                                              "2023-02-24": "February 24, 2023"}),
]
AGREED = [("trucks", "brought drinking water", 60), ("pumps", "were sent from the capital", 25)]
FILLER = ["The council met on Monday to discuss the recovery plan.",
          "Officials urged residents to boil water until further notice.",
          "The weather service expects drier days later in the week.",
          "Local churches collected blankets and canned food.",
          "Insurance adjusters began visiting the worst-hit streets."]


def write_story(folder: Path, seed: int = 7) -> list[tuple[str | None, list[object]]]:
    """A story corpus with planted discrepancies; returns (unit, disagreeing values) for each claim
    (no unit for a date)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = []
    for i in range(40):
        outlet = OUTLETS[i % len(OUTLETS)]
        paragraphs = [rng.choice(FILLER)]
        for noun, context, figures in rng.sample(CLAIMS, 3):
            figure = figures[0] if rng.random() < 0.5 else rng.choice(figures)
            paragraphs.append(f"Officials said {figure:,} {noun} {context}, according to {outlet}.")
        _, words, dates = rng.choice(EVENTS)
        paragraphs.append(f"{words} {rng.choice(list(dates.values()))}.")
        noun, context, figure = rng.choice(AGREED)
        paragraphs.append(f"In all, {figure} {noun} {context}.")
        paragraphs.append(f"A spokesman said {rng.randint(2, 9)} hours of overtime were approved.")
        paragraphs += rng.sample(FILLER, 2)
        name = f"{i:03d}.txt"
        (folder / name).write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        manifest.append(f"{name}: {{outlet: {outlet}, published: 2023-03-{1 + i % 27:02d}}}")
    (folder / "sources.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return [*((noun, list(figures)) for noun, _, figures in CLAIMS),
            *((None, list(dates)) for _, _, dates in EVENTS)]


def timed(command: list[str], cwd: Path) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed (exit {done.returncode}):\n{done.stderr}")
    return time.perf_counter() - started, done.stdout


def recall(data: dict, claims: list[tuple[str | None, list[object]]], top: int) -> int:
    found = 0
    for noun, figures in claims:
        for suggestion in data["suggestions"][:top]:
            values = {v["value"] for v in suggestion["versions"] if v.get("unit") == noun}
            if len(values & set(figures)) >= 2:
                found += 1
                break
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=50)
    parser.add_argument("--rules", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("bench/out"))
    args = parser.parse_args(argv)
    args.corpus, args.rules_dir = None, None
    corpus, rules = run.ensure_corpus(args)
    size = run.corpus_bytes(corpus) / MB
    python = [sys.executable, "-m", "checker"]
    check_s, _ = timed([*python, "check", str(corpus.resolve()), "--rules", str(rules.resolve()), "--format", "json",
                        "--fail-on", "never", "--no-ignore"], args.out)
    suggest_s, _ = timed([*python, "suggest", str(corpus.resolve()), "--top", "30", "--json", "--no-ignore"], args.out)
    print(f"corpus              {size:.2f} MB ({corpus})")
    print(f"check, {args.rules} rules    {check_s:7.2f} s  {size / check_s:6.2f} MB/s")
    print(f"suggest --top 30    {suggest_s:7.2f} s  {size / suggest_s:6.2f} MB/s  "
          f"({check_s / suggest_s:.2f}x the speed of check; target >= 0.5)")
    story = args.out / "suggest-story"
    claims = write_story(story)
    _, out = timed([*python, "suggest", str(story.resolve()), "--top", "30", "--json", "--no-ignore"], args.out)
    data = json.loads(out)
    print(f"story corpus        {len(list(story.glob('*.txt')))} articles, {len(claims)} planted discrepancies")
    print(f"in the top 10       {recall(data, claims, 10)} of {len(claims)}")
    print(f"in the top 30       {recall(data, claims, 30)} of {len(claims)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
