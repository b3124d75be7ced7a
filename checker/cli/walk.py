"""The interactive part of `checker review`: one finding at a time, one key per answer.

Each answer is written to the reviews file before anything else happens, so quitting, a crash or
a closed terminal loses nothing. Source text reaches the terminal only as rich `Text`, never as
markup, with control characters made visible.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import typer
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from checker.models import Finding, Mention, ReviewStatus, Source
from checker.report.text import finding_head, printable, side_by_side
from checker.review import set_review
from checker.paths import display_path
from checker.pipeline import read_sources
from checker.text import line_starts

KEYS = "[c]onfirm  [d]ismiss  [s]kip  [b]ack  [n]ote  [o]pen source  [q]uit > "
ARROWS = {"\x1b[D": "b", "\x1b[A": "b", "\x1b[C": "s", "\x1b[B": "s"}
"""Left and up go back a finding, right and down skip it; other escape sequences are ignored."""
_pending: list[str] = []
VERDICTS: dict[str, ReviewStatus] = {"c": "confirmed", "d": "dismissed"}


def split_keys(typed: str) -> list[str]:
    """The keys in one read from the terminal: fast typing gives several, an arrow key an escape
    sequence (one key; an unknown sequence none)."""
    keys: list[str] = []
    i = 0
    while i < len(typed):
        if typed[i] == "\x1b":
            j = i + 1
            if j < len(typed) and typed[j] in "[O":
                j += 1
                while j < len(typed) and not typed[j].isalpha() and typed[j] != "~":
                    j += 1
                j += 1
            sequence = typed[i:j].replace("\x1bO", "\x1b[")
            if sequence in ARROWS:
                keys.append(ARROWS[sequence])
            i = j
            continue
        keys.append(typed[i].lower())
        i += 1
    return keys


def read_key() -> str:
    """One key press on a terminal; the first character of a line when input is piped (scripts, tests).
    The end of input (Ctrl-D) quits; Ctrl-C raises KeyboardInterrupt."""
    if sys.stdin.isatty():
        while not _pending:
            try:
                _pending.extend(split_keys(typer.getchar()))
            except EOFError:
                return "q"
        return _pending.pop(0)
    line = sys.stdin.readline()
    return line.strip()[:1].lower() if line else "q"


def _line(text: str, begin: int, end: int, mentions: list[Mention]) -> Text:
    """One source line, the parts of it that are statements in reverse video."""
    line, cursor = Text(), begin
    for mention in mentions:
        low, high = max(mention.start, cursor), min(mention.end, end)
        if low < high:
            line.append(printable(text[cursor:low]))
            line.append(printable(text[low:high]), style="reverse")
            cursor = high
    line.append(printable(text[cursor:end]))
    return line


def source_context(source: Source, mentions: list[Mention], around: int = 2) -> Group:
    """The lines around each statement of one source, numbered; windows that meet are shown once."""
    text, starts = source.text, line_starts(source.text)
    mentions = sorted(mentions, key=lambda m: m.start)
    shown = sorted({n for m in mentions for n in range(max(m.line - around, 1), min(m.line + around, len(starts)) + 1)})
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", style="dim")
    table.add_column(style="dim")
    table.add_column()
    for previous, number in zip([None, *shown], shown, strict=False):
        if previous is not None and number != previous + 1:
            table.add_row("…", "", "")
        end = starts[number] - 1 if number < len(starts) else len(text)
        table.add_row(str(number), "│", _line(text, starts[number - 1], end, mentions))
    return Group(Text(printable(source.name), style="cyan"), table, Text())


def _show_sources(console: Console, finding: Finding, paths: list[Path]) -> None:
    """Read the finding's sources (only those) and show its statements in their surroundings."""
    by_source: dict[str, list[Mention]] = {}
    for mention in finding.mentions:
        by_source.setdefault(mention.source, []).append(mention)
    found = {display_path(s.path): s for s in read_sources(paths)
             if isinstance(s, Source) and display_path(s.path) in by_source}
    for name, mentions in by_source.items():
        console.print(source_context(found[name], mentions) if name in found else
                      Text(f"{printable(name)}: cannot be read any more", style="red"))


def _judge(console: Console, finding: Finding, path: Path, by: str | None, paths: list[Path]) -> str:
    """Ask for a verdict until one is given; every answer is saved before the next question."""
    while True:
        console.print(Text(KEYS, style="bold"), end="")
        key = read_key()
        console.print(Text(printable(key)))
        if key in VERDICTS:
            set_review(path, finding.fingerprint, VERDICTS[key], None, by, finding)
            console.print(Text(f"{VERDICTS[key]}: saved to {path}", style="green"))
            return VERDICTS[key]
        if key in ("s", "q", "b"):
            return {"s": "skipped", "q": "quit", "b": "back"}[key]
        if key == "n":
            try:
                note = typer.prompt("Note", default="", show_default=False).strip()
            except typer.Abort:
                return "quit"
            if note:
                set_review(path, finding.fingerprint, None, note, by, finding)
                console.print(Text(f"note saved to {path}", style="green"))
        elif key == "o":
            _show_sources(console, finding, paths)
        elif key.strip():
            console.print(Text(f"no such key: {printable(key)!r} (c, d, s, b, n, o or q)", style="yellow"))


def walk(findings: list[Finding], path: Path, by: str | None, paths: list[Path],
         console: Console | None = None) -> None:
    """Show each finding, statements side by side, and take a verdict on it; the screen is
    cleared for each finding on a terminal. `b` goes back one finding; Ctrl-C ends the walk with
    its summary, like `q`."""
    console = console or Console(highlight=False, markup=False, emoji=False)
    if not findings:
        console.print(Text(f"No open findings: every finding has a verdict in {path}."))
        return
    answers: dict[str, str] = {}
    number = 0
    try:
        while number < len(findings):
            finding = findings[number]
            if console.is_terminal:
                console.clear()
            console.rule(Text(f"Finding {number + 1} of {len(findings)}"))
            console.print(Group(*finding_head(finding)))
            console.print(side_by_side(finding))
            answer = _judge(console, finding, path, by, paths)
            if answer == "quit":
                break
            if answer == "back":
                number = max(number - 1, 0)
                continue
            answers[finding.fingerprint] = answer
            number += 1
    except KeyboardInterrupt:
        console.print()
    counts = Counter(answers.values())
    still_open = len(findings) - counts["confirmed"] - counts["dismissed"]
    console.print(Text(f"{counts['confirmed']} confirmed, {counts['dismissed']} dismissed, "
                       f"{counts['skipped']} skipped; {still_open} still open. Verdicts are kept in {path}.",
                       style="bold"))
