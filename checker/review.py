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
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, ValidationError

from checker.errors import ProblemError
from checker.files import write_atomic
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


def _line_of(text: str, key: str) -> int | None:
    at = text.find(json.dumps(key) + ":")
    return None if at == -1 else text.count("\n", 0, at) + 1


def read_keyed(path: Path, section: str, kind: str, missing_ok: bool = True) -> tuple[dict[str, Any], str]:
    """The `section` mapping of a `{"version": 1, section: {FINGERPRINT: ...}}` file, and its text.

    Every way the file can be wrong is a `FileError` naming the file and line, never a traceback.
    """
    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        if missing_ok:
            return {}, ""
        raise FileError(Problem(file=where, message=f"no such {kind}", hint="check the path")) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FileError(Problem(file=where, message=f"cannot read {kind}: {exc}",
                                hint="check its permissions, or restore it from git")) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileError(Problem(file=where, line=exc.lineno, column=exc.colno,
                                message=f"{kind} is not valid JSON: {exc.msg}",
                                hint="fix it by hand, or restore it from git")) from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get(section), dict):
        raise FileError(Problem(file=where, line=1,
                                message=f'{kind} must be {{"version": {VERSION}, "{section}": {{FINGERPRINT: ...}}}}',
                                hint="restore it from git, or remove it to start afresh"))
    return data[section], text


@dataclass
class Reviews:
    """The verdicts of one reviews file, by fingerprint, with the line each stands on."""

    path: Path
    entries: dict[str, StoredReview] = field(default_factory=dict)
    lines: dict[str, int | None] = field(default_factory=dict)

    def get(self, fingerprint: str) -> Review:
        entry = self.entries.get(fingerprint)
        return entry.review() if entry else Review()


def load_reviews(path: Path) -> Reviews:
    """The reviews in `path`; a file that does not exist yet holds none."""
    section, text = read_keyed(Path(path), "reviews", "reviews file")
    reviews = Reviews(Path(path))
    for fingerprint, entry in section.items():
        line = _line_of(text, fingerprint)
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
               by: str | None = None, finding: Finding | None = None) -> StoredReview:
    """Record a verdict (or only a note: `status=None` keeps the one there) and save it at once.

    A file that cannot be read or written is a `FileError`: the verdict was not saved.
    """
    try:
        with locked(path):
            reviews = load_reviews(path)
            old = reviews.entries.get(fingerprint) or StoredReview()
            entry = StoredReview(
                status=status or old.status, note=old.note if note is None else (note or None),
                by=by or login(), at=now(),
                rule=finding.rule if finding else old.rule, message=finding.message if finding else old.message)
            reviews.entries[fingerprint] = entry
            write_atomic(path, dumps(reviews))
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
