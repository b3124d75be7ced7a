"""Reading sources: files and folders of `.txt`/`.md`, their metadata, and their sentences.

Sources stream one at a time so memory stays bounded by what is kept, not by the corpus. Text is
decoded once; every offset elsewhere indexes into that decoded text. Sentences are made only for
the passages a rule's keywords point at (see `checker.match`), never for the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from yaml.constructor import SafeConstructor

from checker.formats import CONVERTED_SUFFIXES, PageMeta, convert
from checker.guarded_yaml import GuardedLoader
from checker.models import Problem, Source, SourceMeta

SOURCE_SUFFIXES = (".txt", ".md")
MANIFEST = "sources.yaml"
MAX_SOURCE_BYTES = 200_000_000
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


class _MetaLoader(GuardedLoader):  # type: ignore[misc, valid-type]
    """The rules' guarded loader (libyaml's parser when present: a 12,000-line manifest is read
    several times faster), reading a timestamp that is no real date (2021-02-30) as text.

    PyYAML raises a bare ValueError for such a date; kept as text, it reaches pydantic, which
    reports it against the line of its key.
    """


def _timestamp(loader: SafeConstructor, node: yaml.ScalarNode) -> Any:
    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


_MetaLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def _load_yaml(text: str) -> tuple[Any, dict[tuple[str, ...], int]]:
    """Safe YAML (no aliases, bounded nesting): the data, and the 0-based line of each key one or two levels down."""
    loader = _MetaLoader(text)
    try:
        node = loader.get_single_node()
        data = None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()
    lines: dict[tuple[str, ...], int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            lines[(str(key.value),)] = key.start_mark.line
            if isinstance(value, yaml.MappingNode):
                for inner, _ in value.value:
                    if isinstance(inner, yaml.ScalarNode):
                        lines[(str(key.value), str(inner.value))] = inner.start_mark.line
    return data, lines


def _yaml_problem(exc: yaml.YAMLError, file: str, first_line: int, what: str, hint: str) -> Problem:
    """A YAML error as a problem; `first_line` is the file line the YAML text starts on."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    parts = [str(part).rstrip(":") for part in (getattr(exc, "context", None), getattr(exc, "problem", None)) if part]
    reason = " ".join(parts) if parts else str(exc).splitlines()[0]
    reason = reason.replace(" in rule files", "")
    return Problem(file=file, line=mark.line + first_line if mark else first_line,
                   column=mark.column + 1 if mark else None, message=f"{what} is not valid YAML: {reason}", hint=hint)


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
                data, lines = _load_yaml(text[opening.end():closing.start()])
            except yaml.YAMLError as exc:
                return {}, body, [_yaml_problem(exc, name, 2, "front matter",
                                                "fix the block between the --- lines")]
            except (RecursionError, ValueError, TypeError, OverflowError) as exc:
                return {}, body, [Problem(file=name, line=2, message=f"front matter cannot be read: {exc}",
                                          hint="fix the block between the --- lines")]
            if data is None:
                return {}, body, []
            if isinstance(data, dict):
                return {str(k): (v, name, lines.get((str(k),), 0) + 2) for k, v in data.items()}, body, []
            return {}, body, [Problem(file=name, line=2, level="warning",
                                      message="front matter ignored: it is not a mapping of key: value")]
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


def _manifest(folder: Path) -> tuple[dict[str, dict[str, tuple[Any, str, int | None]]], list[Problem]]:
    """The `sources.yaml` of a folder: for each file name, `key: (value, manifest, line)`."""
    path = folder / MANIFEST
    if not path.is_file():
        return {}, []
    name = str(path)
    try:
        data, lines = _load_yaml(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [Problem(file=name, line=1, message=f"cannot read manifest: {exc}", hint="save it as UTF-8")]
    except yaml.YAMLError as exc:
        return {}, [_yaml_problem(exc, name, 1, "manifest", "fix it or remove it")]
    except (RecursionError, ValueError, TypeError, OverflowError) as exc:
        return {}, [Problem(file=name, line=1, message=f"manifest cannot be read: {exc}", hint="fix it or remove it")]
    data = data or {}
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        return {}, [Problem(file=name, line=1, message="manifest must map file names to metadata",
                            hint="e.g. `article.txt: {outlet: Axios, published: 2021-01-14}`")]
    return {str(k): {str(key): (value, name, lines.get((str(k), str(key)), lines.get((str(k),), 0)) + 1)
                     for key, value in v.items()}
            for k, v in data.items()}, []


def _display(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def source_files(paths: list[Path]) -> Iterator[tuple[Path, Path] | Problem]:
    """`(file, base)` for every source under `paths`, sorted; problems for paths that yield nothing."""
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in SOURCE_SUFFIXES and p.is_file())
            if not files:
                yield Problem(file=str(path), message="no .txt or .md sources in this folder",
                              hint="pass a folder or files holding the articles to check")
            for file in files:
                yield file, path
        elif path.is_file():
            yield path, path.parent
        else:
            yield Problem(file=str(path), message="no such file or folder", hint="check the path")


def load_sources(paths: list[Path]) -> Iterator[Source | Problem]:
    """Every source under `paths`, one at a time, with problems (warnings or errors) in between."""
    manifests: dict[Path, dict[str, dict[str, Any]]] = {}
    for item in source_files(paths):
        if isinstance(item, Problem):
            yield item
            continue
        file, base = item
        name = _display(file, base)
        where = str(file)  # problems name the file as the user can open it
        if file.parent not in manifests:
            manifests[file.parent], problems = _manifest(file.parent)
            yield from problems
        try:
            size = file.stat().st_size
            if size > MAX_SOURCE_BYTES:
                yield Problem(file=where, line=1, message=f"source is {size:,} bytes, over the {MAX_SOURCE_BYTES:,} limit",
                              hint="split it into smaller files")
                continue
            raw = file.read_bytes()
        except OSError as exc:
            yield Problem(file=where, message=f"cannot read source: {exc.strerror or exc}", hint="check permissions")
            continue
        page: PageMeta = {}
        if file.suffix.lower() in CONVERTED_SUFFIXES:  # .html, .pdf: checker.formats
            text, problem, page = convert(file, raw, where)
        else:
            text, problem = decode(raw, where)
        if problem:
            yield problem
        if text is None:
            continue
        header, body_start, problems = _header(text, where)
        yield from problems
        data = {**page, **manifests[file.parent].get(file.name, {}), **header}
        meta, problems = _meta(data)
        yield from problems
        yield Source(name=name, path=str(file), text=text, meta=meta, body_start=body_start)
