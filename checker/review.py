"""Review verdicts, kept by finding fingerprint in a plain JSON file that a team keeps in git.

The file is sorted and indented, one object per fingerprint, so each verdict is a small hunk in a
diff. Every change is a read-modify-write under a lock followed by an atomic replace
(`checker.files.write_atomic`): two runs at once lose nothing, and a writer killed mid-write
leaves the previous file whole. Entries whose finding no longer appears are reported as stale and
kept, never dropped.
"""

from __future__ import annotations

import getpass
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, ValidationError

from checker.errors import ProblemError
from checker.files import NotRegularFile, read_regular, write_atomic
from checker.locking import locked
from checker.models import CheckResult, Finding, Problem, Review, ReviewStatus

DEFAULT_REVIEWS = Path(".checker") / "reviews.json"
VERSION = 1
STATUSES: tuple[ReviewStatus, ...] = ("open", "confirmed", "dismissed")


class StoredReview(Review):
    """A verdict as the file keeps it, with the rule and message it was given on, so that a stale
    entry still says what it was about."""

    model_config = ConfigDict(extra="forbid")

    rule: str | None = None
    message: str | None = None

    def review(self) -> Review:
        return Review(status=self.status, note=self.note, by=self.by, at=self.at)


FileError = ProblemError
"""A reviews or baseline file that cannot be used, as the one-line problem to print."""


MAX_FILE_BYTES = 64_000_000
"""A reviews or baseline file is refused above this size: 200,000 verdicts take about 50 MB."""
MAX_DEPTH = 32
"""The files are three levels deep; a file nested deeper than this is refused before parsing."""
MAX_DIGITS = 30
"""No number in these files is longer (the version is 1); a longer one is refused, not converted."""

# Every JSON string (a key when a colon follows) and every bracket, in one left-to-right pass:
# outside strings JSON has no quotes, so the scan never loses step.
_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"(\s*:)?|[\[\]{}]')
_HIGH = r"\\u[dD][89abAB][0-9a-fA-F]{2}"
_LOW = r"\\u[dD][c-fC-F][0-9a-fA-F]{2}"
_LONE_SURROGATE = re.compile(rf"{_HIGH}(?!{_LOW})|(?<!{_HIGH}){_LOW}")


class _LongNumber(ValueError):
    def __init__(self, digits: str) -> None:
        super().__init__(digits)
        self.digits = digits


def _number(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _LongNumber(text)
    return int(text)


def _float(text: str) -> float:
    if len(text) > MAX_DIGITS + 10:
        raise _LongNumber(text)
    return float(text)


def _scan(text: str, where: str, kind: str) -> dict[str, int]:
    """The line of each key's first occurrence, in one pass; a `FileError` when nesting is too deep."""
    lines: dict[str, int] = {}
    depth, line, last = 0, 1, 0
    for token in _TOKENS.finditer(text):
        char = token.group(0)[0]
        if char == '"':
            if token.group(1) is None:
                continue
            line += text.count("\n", last, token.start())
            last = token.start()
            raw = token.group(0)
            key = raw[1:raw.rindex('"')]
            if "\\" in key:
                try:
                    key = json.loads(f'"{key}"')
                except ValueError:
                    continue
            lines.setdefault(key, line)
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line += text.count("\n", last, token.start())
                raise FileError(Problem(file=where, line=line, message=f"{kind} is nested more than {MAX_DEPTH} deep",
                                        hint="restore it from git, or remove it to start afresh"))
        else:
            depth -= 1
    return lines


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, max(offset, 0)) + 1


def _no_lone_surrogates(text: str, where: str, kind: str) -> None:
    """Refuse a `\\ud800`-style escape that is half a pair: no encoder could write it out again."""
    found = _LONE_SURROGATE.search(text)
    if found is not None:
        raise FileError(Problem(file=where, line=_line_at(text, found.start()),
                                message=f"{kind} holds {found.group(0)}, half of a UTF-16 surrogate pair",
                                hint="remove the escape or fix the character"))


def _read_text(path: Path, kind: str, missing_ok: bool) -> str | None:
    where = str(path)
    try:
        raw = read_regular(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        if missing_ok:
            return None
        raise FileError(Problem(file=where, message=f"no such {kind}", hint="check the path")) from None
    except NotRegularFile as exc:
        raise FileError(Problem(file=where, message=f"cannot use {kind}: {exc}",
                                hint="give the path of a JSON file")) from None
    except OSError as exc:
        raise FileError(Problem(file=where, message=f"cannot read {kind}: {exc.strerror or exc}",
                                hint="check its permissions, or restore it from git")) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileError(Problem(file=where, line=raw.count(b"\n", 0, exc.start) + 1,
                                message=f"{kind} is not UTF-8", hint="restore it from git")) from None


def read_keyed(path: Path, section: str, kind: str, missing_ok: bool = True
               ) -> tuple[dict[str, Any], dict[str, int]]:
    """The `section` mapping of a `{"version": 1, section: {FINGERPRINT: ...}}` file, and each key's line.

    Every way the file can be wrong is a `FileError` naming the file and line, never a traceback;
    the whole file is read once and scanned once (linear in its size).
    """
    where = str(path)
    text = _read_text(Path(path), kind, missing_ok)
    if text is None:
        return {}, {}
    lines = _scan(text, where, kind)
    try:
        data = json.loads(text, parse_int=_number, parse_float=_float)
    except json.JSONDecodeError as exc:
        raise FileError(Problem(file=where, line=exc.lineno, column=exc.colno,
                                message=f"{kind} is not valid JSON: {exc.msg}",
                                hint="fix it by hand, or restore it from git")) from None
    except _LongNumber as exc:
        raise FileError(Problem(file=where, line=_line_at(text, text.find(exc.digits)),
                                message=f"{kind} holds a number of {len(exc.digits):,} characters",
                                hint="no value in it is longer than a few digits; restore it from git")) from None
    except (RecursionError, ValueError) as exc:  # pragma: no cover - the scan and hooks catch these first
        raise FileError(Problem(file=where, line=1, message=f"{kind} cannot be read: {exc}",
                                hint="restore it from git")) from None
    _no_lone_surrogates(text, where, kind)
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get(section), dict):
        raise FileError(Problem(file=where, line=1,
                                message=f'{kind} must be {{"version": {VERSION}, "{section}": {{FINGERPRINT: ...}}}}',
                                hint="restore it from git, or remove it to start afresh"))
    return data[section], lines


def _stamp(path: Path) -> tuple[int, int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


@dataclass
class Reviews:
    """The verdicts of one reviews file, by fingerprint, with the line each stands on."""

    path: Path
    entries: dict[str, StoredReview] = field(default_factory=dict)
    lines: dict[str, int | None] = field(default_factory=dict)
    stamp: tuple[int, int, int, int] | None = None
    """The file's device, inode, size and mtime when read: a write reuses this load if they still hold."""

    def get(self, fingerprint: str) -> Review:
        entry = self.entries.get(fingerprint)
        return entry.review() if entry else Review()


def load_reviews(path: Path) -> Reviews:
    """The reviews in `path`; a file that does not exist yet holds none."""
    stamp = _stamp(Path(path))
    section, lines = read_keyed(Path(path), "reviews", "reviews file")
    reviews = Reviews(Path(path), stamp=stamp)
    for fingerprint, entry in section.items():
        line = lines.get(fingerprint)
        try:
            reviews.entries[fingerprint] = StoredReview.model_validate(entry)
        except ValidationError as exc:
            first = exc.errors()[0]
            key = ".".join(map(str, first["loc"])) or "entry"
            raise FileError(Problem(file=str(path), line=line, message=f"review {fingerprint}: {key}: {first['msg']}",
                                    hint="status is one of " + ", ".join(STATUSES))) from None
        reviews.lines[fingerprint] = line
    return reviews


def dumps(reviews: Reviews) -> str:
    """The file's text: fingerprints sorted, one field a line, so diffs show exactly what changed."""
    body = {fp: entry.model_dump() for fp, entry in sorted(reviews.entries.items())}
    return json.dumps({"version": VERSION, "reviews": body}, indent=2, ensure_ascii=False) + "\n"


def login() -> str:
    """Who is reviewing when `--by` does not say: the login name."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def set_review(path: Path, fingerprint: str, status: ReviewStatus | None = None, note: str | None = None,
               by: str | None = None, finding: Finding | None = None,
               loaded: Reviews | None = None) -> StoredReview:
    """Record a verdict (or only a note: `status=None` keeps the one there) and save it at once.

    `loaded` is the file as already read: it is used again when the file has not changed since
    (same inode, size and mtime), so that a `review set` reads the file once; otherwise the file is
    read again under the lock, and no other writer's verdict is lost. A file that cannot be read or
    written is a `FileError`: the verdict was not saved.
    """
    try:
        with locked(path):
            if loaded is not None and loaded.stamp is not None and loaded.stamp == _stamp(Path(path)):
                reviews = loaded
            else:
                reviews = load_reviews(path)
            old = reviews.entries.get(fingerprint) or StoredReview()
            entry = StoredReview(
                status=status or old.status, note=old.note if note is None else (note or None),
                by=by or login(), at=now(),
                rule=finding.rule if finding else old.rule, message=finding.message if finding else old.message)
            reviews.entries[fingerprint] = entry
            write_atomic(path, dumps(reviews))
            reviews.stamp = _stamp(Path(path))
    except OSError as exc:
        raise FileError(Problem(file=str(path), message=f"cannot save the verdict: {exc.strerror or exc}",
                                hint="check that the folder is writable")) from None
    return entry


def apply_reviews(result: CheckResult, reviews: Reviews) -> CheckResult:
    """The result with every finding carrying its review (`open` when no one has judged it)."""
    findings = [f.model_copy(update={"review": reviews.get(f.fingerprint)}) for f in result.findings]
    return result.model_copy(update={"findings": findings})


def stale(result: CheckResult, reviews: Reviews) -> list[Problem]:
    """A warning for each verdict whose finding this run did not produce; the entry stays in the file."""
    current = {f.fingerprint for f in result.findings}
    problems = []
    for fingerprint, entry in sorted(reviews.entries.items()):
        if fingerprint in current:
            continue
        what = ", ".join(filter(None, [entry.rule, entry.status]))
        problems.append(Problem(
            file=str(reviews.path), line=reviews.lines.get(fingerprint), level="warning",
            message=f"stale review {fingerprint} ({what}): no such finding in this run",
            hint="its sides' statements changed, their sources were not checked, or it was recorded before "
                 "fingerprints named a finding's two sides; the verdict is kept"))
    return problems


def resolve(prefix: str, fingerprints: Iterable[str]) -> str:
    """The one fingerprint starting with `prefix`; a `ValueError` saying why when there is none or several."""
    matches = sorted({fp for fp in fingerprints if fp.startswith(prefix.lower())})
    if not prefix or not matches:
        raise ValueError(f"no finding has a fingerprint starting with '{prefix}'")
    if len(matches) > 1:
        raise ValueError(f"fingerprint prefix '{prefix}' is ambiguous: " + ", ".join(matches))
    return matches[0]
