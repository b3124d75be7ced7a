"""Hostile inputs, as generators shared by the tests here and `bench/quadratic.py`.

Each function writes (or returns) one input of a given size; doubling `n` doubles the input.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import count
from pathlib import Path

PILOT_RULE = ("id: pilot-families\ntitle: Families in the pilot\ntype: quantity\nabout: [families]\n"
              "phrases: [pilot separated]\nunit: families\n")
PILOT_STANCE = ("id: pilot-ended\ntitle: The pilot ended\ntype: stance\nabout: [pilot]\n"
                "affirm: [the pilot ended]\ndeny: [the pilot continues]\n")


def rules(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pilot-families.yaml").write_text(PILOT_RULE, encoding="utf-8")
    (folder / "pilot-ended.yaml").write_text(PILOT_STANCE, encoding="utf-8")
    return folder


def text_checker(folder: Path) -> Callable[[str], None]:
    """A function that checks each text it is given as a new source in `folder`, with `rules`."""
    from checker import check

    rule_folder = rules(folder / "rules")
    numbers = count()

    def check_text(text: str) -> None:
        path = folder / f"s{next(numbers)}.txt"
        path.write_text(text, encoding="utf-8")
        check([path], [rule_folder])

    return check_text


def reviews_text(n: int) -> str:
    """A reviews file of `n` verdicts, as `checker review set` writes it."""
    body = {f"{i:016x}": {"status": "confirmed", "note": f"note {i}", "by": "ana", "at": "2021-01-14T09:30:00Z",
                          "rule": "pilot-families", "message": "280 vs 300 families"} for i in range(n)}
    return json.dumps({"version": 1, "reviews": body}, indent=2) + "\n"


def nested(depth: int, section: str = "reviews") -> str:
    return f'{{"version": 1, "{section}": {{"a": {"[" * depth}{"]" * depth}}}}}'


def long_line(n: int) -> str:
    """`n` sentences on one line, each a statement."""
    return "The pilot separated 280 families, officials said. " * n


def long_paragraph(n: int) -> str:
    """`n` words about the pilot without any sentence end."""
    return "the pilot separated families and " * (n // 5 + 1)


def manifest(n: int) -> str:
    return "".join(f"{i:06d}.txt: {{outlet: Daily {i}, published: 2020-05-01}}\n" for i in range(n))


def many_years(n: int) -> str:
    """One sentence naming `n` years."""
    return "The pilot separated 280 families in " + ", ".join(str(1000 + i % 1000) for i in range(n)) + "."


def many_statements(n: int) -> str:
    """One paragraph of `n` statements, each with a quote and an attribution."""
    return " ".join(f'"The pilot separated {200 + i % 50} families," Ana Ruiz said.' for i in range(n))


def quote_marks(n: int) -> str:
    """`n` characters of quote marks around ten quoted statements."""
    statements = " ".join('"The pilot separated 280 families," Ana Ruiz said.' for _ in range(10))
    return '"' * n + " " + statements
