"""Reading sources: files and folders of `.txt`/`.md`, their metadata, and their sentences.

Sources stream one at a time so memory stays bounded by what is kept, not by the corpus. Text is
decoded once; every offset elsewhere indexes into that decoded text. Sentences are made only for
the passages a rule's keywords point at (see `checker.match`), never for the whole text.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from checker.files import MAX_SOURCE_BYTES, NotRegularFile, kind_of, read_regular
from checker.formats import CONVERTED_SUFFIXES, PageMeta, convert
from checker.manifest import Entry, ManifestReader, load_yaml, yaml_problem
from checker.models import Problem, Source, SourceMeta
from checker.text import MAX_PARAGRAPH, MAX_SENTENCE, only_paragraphs, overlong

TEXT_SUFFIXES = (".txt", ".md")
SOURCE_SUFFIXES = TEXT_SUFFIXES + CONVERTED_SUFFIXES
META_KEYS = frozenset(SourceMeta.model_fields)
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
_UTF8_BOM = b"\xef\xbb\xbf"
_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
              (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))

def decode(raw: bytes, name: str) -> tuple[str | None, Problem | None]:
    """Decode a file's bytes: UTF-8 (BOM or not) or UTF-16/32 with a BOM; else a legacy encoding with a
    warning; binary is refused."""
    for bom, encoding in _WIDE_BOMS:
        if raw.startswith(bom):
            try:
                return _normalize_newlines(raw[len(bom):].decode(encoding)), None
            except UnicodeDecodeError as exc:
                return None, Problem(file=name, message=f"cannot decode file as {encoding}: {exc.reason}",
                                     hint="convert it to UTF-8")
    if b"\x00" in raw[:8192]:
        return None, Problem(file=name, level="warning", message="binary file skipped",
                             hint="only .txt and .md text files are read")
    if raw.startswith(_UTF8_BOM):
        raw = raw[len(_UTF8_BOM):]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = _line_at(raw, exc.start)
        for encoding in FALLBACK_ENCODINGS:
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            return _normalize_newlines(text), Problem(
                file=name, line=line, level="warning", message=f"not UTF-8; read as {encoding}",
                hint="convert the file to UTF-8 to be sure of its characters")
        return None, Problem(file=name, line=line, message="cannot decode file", hint="convert it to UTF-8")
    return _normalize_newlines(text), None


def _line_at(raw: bytes, offset: int) -> int:
    """The 1-based line of byte `offset`, counting CRLF, LF and a lone CR each as one line break."""
    head = raw[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date_like(value: Any) -> bool:
    """A date, or text written as one (YYYY-MM-DD, checked by pydantic next): never a bare number,
    which pydantic would read as seconds since 1970."""
    if isinstance(value, (date, datetime)):
        return True
    return isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()) is not None


def _meta(data: dict[str, tuple[Any, str, int | None]]) -> tuple[SourceMeta, list[Problem]]:
    """Metadata from `key: (value, file, line)`; each problem points at the line that gave the value.

    A bad value is reported and dropped; the other values are kept.
    """
    known: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, (value, file, line) in data.items():
        if key not in META_KEYS:
            problems.append(Problem(file=file, line=line, level="warning",
                                    message=f"unknown metadata key '{key}' ignored",
                                    hint="known keys: " + ", ".join(sorted(META_KEYS))))
            continue
        if key == "published" and not _date_like(value):
            problems.append(Problem(file=file, line=line, message=f"metadata 'published': {str(value)[:40]!r} is not a date",
                                    hint="published takes a date such as 2021-01-14"))
            continue
        known[key] = value.date() if isinstance(value, datetime) else value
    try:
        return SourceMeta.model_validate(known), problems
    except ValidationError as exc:
        bad: set[str] = set()
        for error in exc.errors():
            key = str(error["loc"][0]) if error["loc"] else ""
            bad.add(key)
            # pydantic names the field, and every field validated came from `data`
            _, file, line = data[key] if key in data else (None, next(iter(data.values()))[1], None)
            problems.append(Problem(file=file, line=line, message=f"metadata '{key}': {error['msg']}",
                                    hint="published takes a date such as 2021-01-14" if key == "published" else None))
        try:
            meta = SourceMeta.model_validate({k: v for k, v in known.items() if k not in bad})
        except ValidationError:  # pragma: no cover - every failing key was dropped
            meta = SourceMeta()
        return meta, problems


_FRONT_OPEN = re.compile(r"---[ \t]*(?:\n|$)")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def _header(text: str, name: str) -> tuple[dict[str, tuple[Any, str, int | None]], int, list[Problem]]:
    """Metadata at the top of a source: YAML front matter between `---` lines, or `# key: value` lines.

    Returns `key: (value, file, line)`, the offset where the body starts, and problems.
    """
    opening = _FRONT_OPEN.match(text)
    if opening and opening.end() < len(text):
        closing = _FRONT_CLOSE.search(text, opening.end())
        if closing is not None:
            body = text.find("\n", closing.end())
            body = len(text) if body == -1 else body + 1
            try:
                data, lines, duplicates = load_yaml(text[opening.end():closing.start()], name, 2)
            except yaml.YAMLError as exc:
                return {}, body, [yaml_problem(exc, name, 2, "front matter",
                                                "fix the block between the --- lines")]
            except (RecursionError, ValueError, TypeError, OverflowError) as exc:
                return {}, body, [Problem(file=name, line=2, message=f"front matter cannot be read: {exc}",
                                          hint="fix the block between the --- lines")]
            if data is None:
                return {}, body, duplicates
            if isinstance(data, dict):
                return {str(k): (v, name, lines.get((str(k),), 0) + 2) for k, v in data.items()}, body, duplicates
            return {}, body, [Problem(file=name, line=2, level="warning",
                                      message="front matter ignored: it is not a mapping of key: value")]
        else:
            problem = Problem(file=name, line=1, level="warning",
                              message="front matter opened by --- on line 1 is never closed: read as text, "
                                      "its metadata ignored",
                              hint="end it with a line of ---")
            header, pos, problems = _hash_header(text, name)
            return header, pos, [problem, *problems]
    return _hash_header(text, name)


def _hash_header(text: str, name: str) -> tuple[dict[str, tuple[Any, str, int | None]], int, list[Problem]]:
    """`# key: value` lines at the top of a source."""
    header: dict[str, tuple[Any, str, int | None]] = {}
    pos = 0
    line = 1
    while text.startswith("# ", pos):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        key, sep, value = text[pos + 2:end].partition(":")
        if not sep or key.strip().lower() not in META_KEYS:
            break
        header[key.strip().lower()] = (value.strip(), name, line)
        pos = end + 1
        line += 1
    return header, min(pos, len(text)), []


def relative_name(path: Path, base: Path) -> str:
    """`path` named from `base`, the folder given (its own name when it was given itself)."""
    try:
        shown = path.relative_to(base).as_posix()
    except ValueError:
        shown = path.as_posix()
    return safe_name(shown)


def safe_name(name: str) -> str:
    """A path as text every encoder takes: the bytes of a file name that is not valid UTF-8 (which
    Python keeps as lone surrogates) shown as `\\xff`."""
    if not _SURROGATES.search(name):
        return name
    return _SURROGATES.sub(lambda m: f"\\x{ord(m.group(0)) - 0xDC00:02x}", name)


_SURROGATES = re.compile("[\ud800-\udfff]")


def _kind(mode: int) -> str:
    return kind_of(mode)


Skip = Callable[[Path, bool], bool]
"""Whether to leave out a path (and whether it is a folder) found walking: `checker.selection`."""


def _walk(folder: Path, seen: set[tuple[int, int]], skip: Skip | None) -> Iterator[tuple[Path, int] | Problem]:
    """The source files under `folder`, in sorted order, listed one folder at a time (never the whole
    tree at once); a folder that cannot be listed, or an entry that is no regular file, is a warning.
    What `skip` leaves out is not read nor warned about."""
    try:
        # names only: a DirEntry (with the stat it caches) per file would cost a kilobyte each
        with os.scandir(folder) as listing:
            names = sorted(entry.name for entry in listing)
    except OSError as exc:
        yield Problem(file=safe_name(str(folder)), level="warning",
                      message=f"folder skipped: cannot list it: {exc.strerror or exc}",
                      hint="check its permissions" if isinstance(exc, PermissionError) else "check the path")
        return
    for name in names:
        entry_path = os.path.join(folder, name)
        path = Path(entry_path)
        try:
            info = os.stat(entry_path)
        except OSError as exc:
            if Path(name).suffix.lower() in SOURCE_SUFFIXES or not os.path.islink(entry_path):
                yield Problem(file=safe_name(entry_path), level="warning",
                              message=f"skipped: cannot read it: {exc.strerror or exc}", hint="check the path")
            continue
        is_dir = stat.S_ISDIR(info.st_mode)
        if skip is not None and skip(path, is_dir):
            continue
        if is_dir:
            if (info.st_dev, info.st_ino) in seen:
                continue  # a symlink back up the tree
            seen.add((info.st_dev, info.st_ino))
            yield from _walk(path, seen, skip)
            seen.discard((info.st_dev, info.st_ino))
        elif Path(name).suffix.lower() in SOURCE_SUFFIXES:
            if stat.S_ISREG(info.st_mode):
                yield path, info.st_size
            else:
                yield Problem(file=safe_name(entry_path), level="warning",
                              message=f"skipped: it is {_kind(info.st_mode)}, not a regular file",
                              hint="sources are regular .txt and .md files")


def source_files(paths: list[Path], skip: Callable[[Path, Path, bool], bool] | None = None
                 ) -> Iterator[tuple[Path, Path, int] | Problem]:
    """`(file, folder given, size)` for every source under `paths`, sorted; problems for paths that yield nothing.
    `skip(path, folder given, is_dir)` leaves out what a walk finds; a file named is always read."""
    for path in paths:
        try:
            info = path.stat()
        except FileNotFoundError:
            yield Problem(file=safe_name(str(path)), message="no such file or folder", hint="check the path")
            continue
        except OSError as exc:
            yield Problem(file=safe_name(str(path)), message=f"cannot read it: {exc.strerror or exc}",
                          hint="check its permissions" if isinstance(exc, PermissionError) else "check the path")
            continue
        if stat.S_ISDIR(info.st_mode):
            found = False
            top = path
            walk_skip = None if skip is None else (lambda found, is_dir, top=top: skip(found, top, is_dir))
            for item in _walk(path, {(info.st_dev, info.st_ino)}, walk_skip):
                if isinstance(item, Problem):
                    yield item
                else:
                    found = True
                    yield item[0], path, item[1]
            if not found:
                yield Problem(file=safe_name(str(path)), message="no sources in this folder (.txt, .md, .html, .pdf; "
                              "hidden, ignored and excluded files left out)",
                              hint="pass a folder or files holding the articles to check; --no-ignore reads ignored ones")
        elif stat.S_ISREG(info.st_mode):
            yield path, path.parent, info.st_size
        else:
            yield Problem(file=safe_name(str(path)), message=f"it is {_kind(info.st_mode)}, not a regular file",
                          hint="pass .txt or .md files, or folders of them")


def _overlong_warnings(text: str, start: int, where: str) -> Iterator[Problem]:
    """A warning for the first paragraph and the first sentence too long to be read whole."""
    paragraph, sentence = overlong(text, start)
    if paragraph is not None:
        yield Problem(file=where, line=text.count("\n", 0, paragraph[0]) + 1, level="warning",
                      message=f"paragraph of {paragraph[1]:,} characters is read in pieces of {MAX_PARAGRAPH:,}",
                      hint="separate paragraphs with blank lines; a statement across a cut may be missed")
    if sentence is not None:
        yield Problem(file=where, line=text.count("\n", 0, sentence[0]) + 1, level="warning",
                      message=f"{sentence[1]:,} characters without a sentence end are cut into sentences "
                              f"of {MAX_SENTENCE:,}",
                      hint="a statement across a cut may be missed")


@dataclass(frozen=True)
class Found:
    """A source file found by the walk, with what its folder's manifest says of it, not read yet: all
    a worker process needs to read it (`read_found`)."""

    file: str
    """where to open it"""
    path: str
    """the path problems name and the source keeps (`-` read from standard input: `<stdin>`)"""
    name: str
    listed: Entry
    """its manifest entry"""
    size: int
    """its size in bytes, as the walk found it"""
    before: tuple[Problem, ...] = ()
    """problems said before it is read (its name, its manifest entry), in order"""
    paragraphs: frozenset[int] = frozenset()
    """when given, only the statements of the paragraphs holding one of these offsets are read
    (`only_paragraphs`, `in_paragraphs`)"""


def find_sources(paths: list[Path], skip: Callable[[Path, Path, bool], bool] | None = None,
                 named: Callable[[Path, Path], str] = relative_name) -> Iterator[Found | Problem]:
    """Every source file under `paths`, sorted, with its manifest entry, and the problems of the walk in
    between (those after the last file, the rest of each manifest's, at the end); `skip` as for
    `source_files`; each source's name is `named(file, folder given)`."""
    manifests: dict[Path, ManifestReader] = {}
    for item in source_files(paths, skip):
        if isinstance(item, Problem):
            yield item
            continue
        file, base, size = item
        where = safe_name(str(file))  # problems name the file as the user can open it
        before: list[Problem] = []
        if where != str(file):
            before.append(Problem(file=where, level="warning", message="file name is not valid UTF-8: its bytes are "
                                  "shown as \\xNN", hint="rename the file"))
        if file.parent not in manifests:
            manifests[file.parent] = ManifestReader(file.parent)
        listed, problems = manifests[file.parent].entry(file.name)
        yield Found(str(file), str(file), named(file, base), listed, size, (*before, *problems))
    for reader in manifests.values():
        yield from reader.finish()


def read_found(found: Found) -> tuple[Source | None, list[Problem]]:
    """The source `found`, read and decoded (None when it cannot be), with its problems in the order
    said: those it was `found` with first."""
    problems = list(found.before)
    where = safe_name(found.path)
    file = Path(found.file)
    try:
        raw = read_regular(file, MAX_SOURCE_BYTES)
    except NotRegularFile as exc:
        problems.append(Problem(file=where, line=1, message=f"source skipped: {exc}",
                                hint="split it into smaller files" if "limit" in str(exc) else "sources are regular files"))
        return None, problems
    except OSError as exc:
        problems.append(Problem(file=where, message=f"cannot read source: {exc.strerror or exc}",
                                hint="check permissions"))
        return None, problems
    page: PageMeta = {}
    if file.suffix.lower() in CONVERTED_SUFFIXES:  # .html, .pdf: checker.formats
        text, problem, page = convert(file, raw, where)
    else:
        text, problem = decode(raw, where)
    del raw  # the decoded text is all that is kept while the source is checked
    if problem:
        problems.append(problem)
    if text is None:
        return None, problems
    header, body_start, found_problems = _header(text, where)
    problems += found_problems
    problems += _overlong_warnings(text, body_start, where)
    meta, found_problems = _meta({**page, **found.listed, **header})
    problems += found_problems
    if found.paragraphs:
        text = only_paragraphs(text, found.paragraphs)
    # every field is already of its type (meta validated above): no copy of the text through pydantic
    source = Source.model_construct(name=found.name, path=found.path, text=text, meta=meta, body_start=body_start)
    return source, problems


def read_each(items: Iterable[Found | Problem]) -> Iterator[Source | Problem]:
    """Each found file read in turn, its problems and then the source, with the other problems in between."""
    for item in items:
        if isinstance(item, Problem):
            yield item
            continue
        source, problems = read_found(item)
        yield from problems
        if source is not None:
            yield source


def load_sources(paths: list[Path], skip: Callable[[Path, Path, bool], bool] | None = None,
                 named: Callable[[Path, Path], str] = relative_name) -> Iterator[Source | Problem]:
    """Every source under `paths`, one at a time, with problems (warnings or errors) in between: what
    `find_sources` finds, each read by `read_found`."""
    return read_each(find_sources(paths, skip, named))
