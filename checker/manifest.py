"""Source metadata in YAML: the `sources.yaml` manifest of a folder, and the loader front matter uses.

A manifest may list hundreds of thousands of files. `ManifestReader` reads it along with the
folder's sorted listing, one entry at a time, so that memory does not grow with it; a manifest
whose file names are not in sorted order is read once into an index of the files present.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from checker.files import MAX_SOURCE_BYTES, read_regular
from checker.guarded_yaml import GuardedLoader
from checker.models import Problem

MANIFEST = "sources.yaml"


class _MetaLoader(GuardedLoader):
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


def load_yaml(text: str, name: str = "", first_line: int = 1) -> tuple[Any, dict[tuple[str, ...], int], list[Problem]]:
    """Safe YAML (no aliases, bounded nesting): the data, the 0-based line of each key one or two levels
    down, and an error for each key given twice at those levels (the first is kept, as in rule files)."""
    loader = _MetaLoader(text)
    try:
        node = loader.get_single_node()
        data = None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()
    lines: dict[tuple[str, ...], int] = {}
    problems: list[Problem] = []

    def keys(mapping: yaml.MappingNode, outer: tuple[str, ...]) -> Iterator[tuple[str, yaml.Node]]:
        for key, value in mapping.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            where = (*outer, str(key.value))
            if where in lines:
                problems.append(
                    Problem(
                        file=name,
                        line=key.start_mark.line + first_line,
                        column=key.start_mark.column + 1,
                        message=f"key '{key.value}' appears twice (first on line {lines[where] + first_line})",
                        hint="keep one; the first is used",
                    )
                )
                continue
            lines[where] = key.start_mark.line
            yield str(key.value), value

    if isinstance(node, yaml.MappingNode):
        for key, value in keys(node, ()):
            if isinstance(value, yaml.MappingNode):
                for _ in keys(value, (key,)):
                    pass
    if problems and isinstance(data, dict):
        data = _first_wins(node, data)
    return data, lines, problems


def _first_wins(node: yaml.MappingNode, data: dict[Any, Any]) -> dict[Any, Any]:
    """`data` as if each duplicated key (top level or one down) kept its first value, not its last."""
    loader = _MetaLoader("")
    try:
        result: dict[Any, Any] = {}
        for key, value in node.value:
            name = loader.construct_object(key, deep=True)
            if name in result:
                continue
            if isinstance(value, yaml.MappingNode):
                inner: dict[Any, Any] = {}
                for k, v in value.value:
                    inner_name = loader.construct_object(k, deep=True)
                    if inner_name not in inner:
                        inner[inner_name] = loader.construct_object(v, deep=True)
                result[name] = inner
            else:
                result[name] = loader.construct_object(value, deep=True)
        return result
    finally:
        loader.dispose()


def yaml_problem(exc: yaml.YAMLError, file: str, first_line: int, what: str, hint: str) -> Problem:
    """A YAML error as a problem; `first_line` is the file line the YAML text starts on."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    parts = [str(part).rstrip(":") for part in (getattr(exc, "context", None), getattr(exc, "problem", None)) if part]
    reason = " ".join(parts) if parts else str(exc).splitlines()[0]
    reason = reason.replace(" in rule files", "")
    return Problem(
        file=file,
        line=mark.line + first_line if mark else first_line,
        column=mark.column + 1 if mark else None,
        message=f"{what} is not valid YAML: {reason}",
        hint=hint,
    )


Entries = dict[str, dict[str, tuple[Any, str, int | None]]]
"""A manifest: for each file name, `key: (value, manifest, 1-based line)`."""


class _NotAMapping(Exception):
    """The manifest is no mapping of file names to metadata: `load_yaml` says what it is instead."""


Entry = dict[str, tuple[Any, str, int | None]]
Keyed = tuple[str, Entry, int, list[Problem]]
"""A manifest entry as streamed: its file name, metadata, line, and the problems inside it."""


def _stream(text: str, name: str) -> Generator[Keyed, None, None]:
    """The manifest's entries one at a time, in the order written, never the whole YAML tree (what
    SafeConstructor keeps per node is dropped after each). Raises `_NotAMapping`, or a YAML error."""
    loader = _MetaLoader(text)
    del text  # libyaml keeps its own copy: a manifest is held once, not twice
    try:
        loader.get_event()  # stream start
        if loader.check_event(yaml.StreamEndEvent):
            return
        loader.get_event()  # document start
        if not loader.check_event(yaml.MappingStartEvent):
            raise _NotAMapping
        loader.get_event()
        while not loader.check_event(yaml.MappingEndEvent):
            key_node = _node(loader, 0)
            value_node = _mapping(loader) or _node(loader, 0)
            file = str(loader.construct_object(key_node, deep=True))
            if not isinstance(value_node, yaml.MappingNode):
                raise _NotAMapping
            problems: list[Problem] = []
            entry = _entry(loader, value_node, name, problems)
            loader.constructed_objects = {}
            yield file, entry, key_node.start_mark.line + 1, problems
        loader.get_event()  # mapping end
        loader.get_event()  # document end
        if not loader.check_event(yaml.StreamEndEvent):
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                None,
                "but found another document",
                loader.peek_event().start_mark,
            )
    finally:
        loader.dispose()


def _node(loader: Any, depth: int) -> yaml.Node:
    """The next node, inside `depth` levels of the manifest's entries: a scalar with no anchor made
    straight from its event, as the composer would make it (most of a manifest; several times
    faster); anything else composed by the guarded composer, which refuses aliases and deep nesting."""
    if loader.check_event(yaml.ScalarEvent):
        event = loader.peek_event()
        if event.anchor is None:
            loader.get_event()
            tag = event.tag
            if tag is None or tag == "!":
                tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
            return yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
    loader._depth = depth
    try:
        return loader.compose_node(None, None)
    finally:
        loader._depth = 0


def _mapping(loader: Any) -> yaml.MappingNode | None:
    """An entry's mapping made from its events, its keys and values by `_node`; None
    when the next node is no mapping without an anchor, for `_node` to compose."""
    if not loader.check_event(yaml.MappingStartEvent) or loader.peek_event().anchor is not None:
        return None
    start = loader.get_event()
    tag = start.tag
    if tag is None or tag == "!":
        tag = loader.resolve(yaml.MappingNode, None, start.implicit)
    pairs: list[tuple[yaml.Node, yaml.Node]] = []
    while not loader.check_event(yaml.MappingEndEvent):
        key = _node(loader, 1)
        pairs.append((key, _node(loader, 1)))
    end = loader.get_event()
    return yaml.MappingNode(tag, pairs, start.start_mark, end.end_mark, flow_style=start.flow_style)


def _twice(name: str, file: str, line: int, first: int) -> Problem:
    return Problem(
        file=name,
        line=line,
        column=1,
        message=f"key '{file}' appears twice (first on line {first})",
        hint="keep one; the first is used",
    )


def _manifest_entries(text: str, name: str, present: set[str]) -> tuple[Entries, list[Problem]] | None:
    """A manifest read one entry at a time: only the entries of files `present` in its folder are
    kept (a manifest of 200,000 files is a few times its size in memory, not forty). None when it is
    no mapping of file names, for the caller to say what is wrong with it."""
    entries: Entries = {}
    seen: dict[str, int] = {}
    """the line of every file name, to name the first when one is given twice"""
    problems: list[Problem] = []
    try:
        for file, entry, line, inside in _stream(text, name):
            if file in seen:
                problems.append(_twice(name, file, line, seen[file]))
                continue
            seen[file] = line
            problems += inside
            if file in present:
                entries[file] = entry
    except _NotAMapping:
        return None
    return entries, problems


_TOP_KEY = re.compile(r"^([^\s#\-\"'{\[?&*!|>%@`][^\n]*?):(?=[ \t]|$)", re.MULTILINE)
_ODD_TOP = re.compile(r"^[\"'{\[?&*!|>%@`-]", re.MULTILINE)
"""A line at the top level that `_TOP_KEY` cannot read as a file name (quoted, flow style, a list)."""


def keys_in_order(text: str) -> bool:
    """Whether a manifest's file names stand in sorted order, each once, as written at the start of
    lines (the usual block style): then it can be read along with the sorted listing."""
    if _ODD_TOP.search(text):
        return False
    previous: str | None = None
    for key in _TOP_KEY.finditer(text):
        name = key.group(1).strip()
        if previous is not None and name <= previous:
            return False
        previous = name
    return True


_UNREADABLE = (OSError, yaml.YAMLError, RecursionError, ValueError, TypeError, OverflowError)
"""What reading and parsing a manifest can raise (UnicodeDecodeError is a ValueError)."""


def _unreadable(exc: BaseException, name: str) -> Problem:
    """The problem that says why a manifest cannot be read."""
    if isinstance(exc, (OSError, UnicodeDecodeError)):
        return Problem(file=name, line=1, message=f"cannot read manifest: {exc}", hint="save it as UTF-8")
    if isinstance(exc, yaml.YAMLError):
        return yaml_problem(exc, name, 1, "manifest", "fix it or remove it")
    return Problem(file=name, line=1, message=f"manifest cannot be read: {exc}", hint="fix it or remove it")


class ManifestReader:
    """A folder's manifest, read along with the folder's listing: the walk asks for its files in
    sorted order, and each question parses the manifest only as far as that file's name, keeping
    nothing of the entries passed. Memory stays flat however many files it lists. A manifest whose
    file names are not in sorted order (`keys_in_order`), or whose files are asked for out of
    order, is read into an index of the files present, as `read_manifest` does; a problem found
    is said once. An error part-way leaves the entries before it applied."""

    def __init__(self, folder: Path):
        self._folder = folder
        self._name = str(folder / MANIFEST)
        self._index: Entries | None = None
        self._pending: list[Problem] = []
        self._said = 0
        self._current: Keyed | None = None
        self._last: tuple[str, int] | None = None
        """the last file name read from the manifest, with its line"""
        self._asked = ""
        path = folder / MANIFEST
        if not path.is_file():
            self._index = {}
            return
        try:
            text = read_regular(path, MAX_SOURCE_BYTES).decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            self._index = {}
            self._pending.append(_unreadable(exc, self._name))
            return
        if not keys_in_order(text):
            self._index, self._pending = read_manifest(folder, text)
            return
        self._entries = _stream(text, self._name)

    def _say(self, problems: list[Problem]) -> None:
        self._pending += problems
        self._said += len(problems)

    def _fall_back(self) -> None:
        """Index the files present, saying only the problems not said yet."""
        self._entries.close()
        self._index, problems = read_manifest(self._folder)
        self._pending += problems[self._said :]

    def _next(self) -> Keyed | None:
        """The next entry of a file not given before; None at the end (or after an error, said)."""
        while True:
            try:
                keyed = next(self._entries)
            except StopIteration:
                return None
            except _NotAMapping:
                self._fall_back()
                return None
            except _UNREADABLE as exc:
                self._index = {}
                self._pending.append(_unreadable(exc, self._name))
                return None
            file, _, line, inside = keyed
            if self._last is not None and file == self._last[0]:
                self._say([_twice(self._name, file, line, self._last[1])])
                continue
            if self._last is not None and file < self._last[0]:
                self._fall_back()
                return None
            self._last = (file, line)
            self._say(inside)
            return keyed

    def entry(self, file: str) -> tuple[Entry, list[Problem]]:
        """The metadata the manifest gives `file` (empty if none), and problems found on the way."""
        if self._index is None and file < self._asked:
            self._fall_back()
        self._asked = file
        while self._index is None:
            if self._current is None:
                self._current = self._next()
                if self._current is None:
                    if self._index is None:
                        self._index = {}
                    break
            if self._current[0] < file:
                self._current = None
                continue
            found = self._current[1] if self._current[0] == file else {}
            if found:
                self._current = None
            return found, self._take()
        assert self._index is not None
        return self._index.get(file, {}), self._take()

    def finish(self) -> list[Problem]:
        """Problems in the rest of the manifest, after the folder's last file."""
        while self._index is None and (self._current is not None or self._next() is not None):
            self._current = None
        return self._take()

    def _take(self) -> list[Problem]:
        problems, self._pending = self._pending, []
        return problems


def _entry(
    loader: Any, mapping: yaml.MappingNode, name: str, problems: list[Problem]
) -> dict[str, tuple[Any, str, int | None]]:
    """One manifest entry's metadata, each value with the line of its key; a key given twice keeps the first."""
    entry: dict[str, tuple[Any, str, int | None]] = {}
    for key_node, value_node in mapping.value:
        key = sys.intern(str(loader.construct_object(key_node, deep=True)))  # the same few keys each entry
        line = key_node.start_mark.line + 1
        if key in entry:
            problems.append(
                Problem(
                    file=name,
                    line=line,
                    column=key_node.start_mark.column + 1,
                    message=f"key '{key}' appears twice (first on line {entry[key][2]})",
                    hint="keep one; the first is used",
                )
            )
            continue
        entry[key] = (loader.construct_object(value_node, deep=True), name, line)
    return entry


def read_manifest(folder: Path, text: str | None = None) -> tuple[Entries, list[Problem]]:
    """The `sources.yaml` of a folder (`text`, when already read): for each file present, `key:
    (value, manifest, line)`."""
    path = folder / MANIFEST
    if text is None and not path.is_file():
        return {}, []
    name = str(path)
    try:
        text = read_regular(path, MAX_SOURCE_BYTES).decode("utf-8-sig") if text is None else text
        streamed = _manifest_entries(text, name, set(os.listdir(folder)))
        if streamed is not None:
            return streamed
        data, lines, duplicates = load_yaml(text, name)
    except _UNREADABLE as exc:
        return {}, [_unreadable(exc, name)]
    data = data or {}
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        return {}, [
            Problem(
                file=name,
                line=1,
                message="manifest must map file names to metadata",
                hint="e.g. `article.txt: {outlet: Axios, published: 2021-01-14}`",
            )
        ]
    return {
        str(k): {
            str(key): (value, name, lines.get((str(k), str(key)), lines.get((str(k),), 0)) + 1)
            for key, value in v.items()
        }
        for k, v in data.items()
    }, duplicates
