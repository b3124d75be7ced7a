"""Reading sources: files and folders of `.txt`/`.md`, their metadata, and their sentences.

Sources stream one at a time so memory stays bounded by what is kept, not by the corpus. Text is
decoded once; every offset elsewhere indexes into that decoded text. Sentences are made only for
the passages a rule's keywords point at (see `checker.match`), never for the whole text.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import syntok.segmenter as segmenter
import yaml
from pydantic import ValidationError

from checker.models import Problem, Sentence, Source, SourceMeta
from checker.rules.loader import SafeYamlLoader

SOURCE_SUFFIXES = (".txt", ".md")
MANIFEST = "sources.yaml"
MAX_SOURCE_BYTES = 200_000_000
META_KEYS = frozenset(SourceMeta.model_fields)
FALLBACK_ENCODINGS = ("cp1252", "latin-1")

# One-to-one replacements, so that matching sees curly and straight quotes alike without
# shifting any offset.
_MATCH_TABLE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "-": " ", "\u2010": " ", "\u2011": " ", "\u2012": " ", "\u2013": " ", "\u2014": " ",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
})


def match_form(text: str) -> str:
    """Text as matching sees it: lower case, straight quotes, hyphens as spaces; same length and offsets."""
    folded = text.translate(_MATCH_TABLE)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in folded)


def line_starts(text: str) -> list[int]:
    """Offsets at which each line starts, for turning offsets into 1-based line numbers."""
    starts = [0]
    find = text.find
    pos = find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts


def line_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset)


def paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    """The blank-line-delimited paragraph around `offset`."""
    start = text.rfind("\n\n", 0, offset)
    start = 0 if start == -1 else start + 2
    end = text.find("\n\n", offset)
    return start, len(text) if end == -1 else end


def sentences(text: str, start: int, end: int, starts: list[int]) -> list[Sentence]:
    """Split `text[start:end]` into sentences with offsets into `text`.

    syntok handles abbreviations ("U.S.") and quotes; a line break also ends a sentence, since
    headlines, captions and list items stand on lines of their own.
    """
    result: list[Sentence] = []
    line_start = start
    while line_start < end:
        line_end = text.find("\n", line_start, end)
        if line_end == -1:
            line_end = end
        chunk = text[line_start:line_end]
        if chunk.strip():
            for paragraph in segmenter.analyze(chunk):
                for tokens in paragraph:
                    if not tokens:
                        continue
                    s = line_start + tokens[0].offset
                    e = line_start + tokens[-1].offset + len(tokens[-1].value)
                    result.append(Sentence(start=s, end=e, line=line_of(starts, s),
                                           paragraph_start=start, paragraph_end=end, text=text[s:e]))
        line_start = line_end + 1
    return result


def decode(raw: bytes, name: str) -> tuple[str | None, Problem | None]:
    """Decode a file's bytes: UTF-8 (BOM or not); else a legacy encoding with a warning; binary is refused."""
    if b"\x00" in raw[:8192]:
        return None, Problem(file=name, level="warning", message="binary file skipped",
                             hint="only .txt and .md text files are read")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
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


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _meta(data: dict[str, Any], name: str, line: int | None) -> tuple[SourceMeta, list[Problem]]:
    known = {k: v for k, v in data.items() if k in META_KEYS}
    problems = [Problem(file=name, line=line, level="warning", message=f"unknown metadata key '{k}' ignored",
                        hint="known keys: " + ", ".join(sorted(META_KEYS)))
                for k in data if k not in META_KEYS]
    try:
        return SourceMeta.model_validate(known), problems
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(map(str, first["loc"]))
        problems.append(Problem(file=name, line=line, message=f"metadata '{key}': {first['msg']}",
                                hint="published takes a date such as 2021-01-14"))
        return SourceMeta(), problems


def _header(text: str, name: str) -> tuple[dict[str, Any], int, list[Problem]]:
    """Metadata at the top of a source: YAML front matter between `---` lines, or `# key: value` lines."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            body = text.find("\n", end + 4)
            body = len(text) if body == -1 else body + 1
            try:
                data = yaml.load(text[4:end], Loader=SafeYamlLoader)
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                line = mark.line + 2 if mark else 1
                return {}, body, [Problem(file=name, line=line, message="front matter is not valid YAML",
                                          hint="fix the block between the --- lines")]
            if isinstance(data, dict):
                return data, body, []
            return {}, body, [Problem(file=name, line=1, level="warning",
                                      message="front matter ignored: it is not a mapping of key: value")]
    data: dict[str, Any] = {}
    pos = 0
    while text.startswith("# ", pos):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        key, sep, value = text[pos + 2:end].partition(":")
        if not sep or key.strip().lower() not in META_KEYS:
            break
        data[key.strip().lower()] = value.strip()
        pos = end + 1
    return data, pos, []


def _manifest(folder: Path, base: Path) -> tuple[dict[str, dict[str, Any]], list[Problem]]:
    path = folder / MANIFEST
    if not path.is_file():
        return {}, []
    name = _display(path, base)
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=SafeYamlLoader) or {}
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [Problem(file=name, line=1, message=f"cannot read manifest: {exc}", hint="save it as UTF-8")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return {}, [Problem(file=name, line=mark.line + 1 if mark else 1, column=mark.column + 1 if mark else None,
                            message=f"manifest is not valid YAML: {getattr(exc, 'problem', None) or exc}",
                            hint="fix it or remove it")]
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        return {}, [Problem(file=name, line=1, message="manifest must map file names to metadata",
                            hint="e.g. `article.txt: {outlet: Axios, published: 2021-01-14}`")]
    return {str(k): v for k, v in data.items()}, []


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
        if file.parent not in manifests:
            manifests[file.parent], problems = _manifest(file.parent, base)
            yield from problems
        try:
            size = file.stat().st_size
            if size > MAX_SOURCE_BYTES:
                yield Problem(file=name, line=1, message=f"source is {size:,} bytes, over the {MAX_SOURCE_BYTES:,} limit",
                              hint="split it into smaller files")
                continue
            raw = file.read_bytes()
        except OSError as exc:
            yield Problem(file=name, message=f"cannot read source: {exc.strerror or exc}", hint="check permissions")
            continue
        text, problem = decode(raw, name)
        if problem:
            yield problem
        if text is None:
            continue
        header, body_start, problems = _header(text, name)
        yield from problems
        data = {**manifests[file.parent].get(file.name, {}), **header}
        meta, problems = _meta(data, name, 1)
        yield from problems
        yield Source(name=name, path=str(file), text=text, meta=meta, body_start=body_start)
