"""Reading rule files: YAML that keeps every node's position, and refuses what could hurt.

Aliases are refused outright (an alias "billion laughs" bomb passes `yaml.safe_load`), nesting
and file size are bounded, and every value remembers its line and column so that a pydantic
error can point at the spot in the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from checker.models import Problem

MAX_BYTES = 1_000_000
MAX_DEPTH = 50

Location = tuple[int, int]
"""1-based (line, column)."""


class RuleFileError(Exception):
    """A rule file that cannot be read as YAML; carries the problem to report."""

    def __init__(self, problem: Problem):
        super().__init__(problem.one_line())
        self.problem = problem


@dataclass
class Document:
    """A rule file's data and where each part of it stands (keyed by the path into the data)."""

    data: Any
    lines: list[str]
    locations: dict[tuple[str | int, ...], Location] = field(default_factory=dict)
    key_locations: dict[tuple[str | int, ...], Location] = field(default_factory=dict)

    def locate(self, path: tuple[str | int, ...], *, key: bool = False) -> Location:
        """The position of `path`, or of its nearest ancestor that has one."""
        table = self.key_locations if key else self.locations
        while path:
            if path in table:
                return table[path]
            if path in self.locations:
                return self.locations[path]
            path = path[:-1]
        return self.locations.get((), (1, 1))

    def excerpt(self, line: int) -> str | None:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else None


class SafeYamlLoader(yaml.SafeLoader):
    """A safe loader that refuses aliases and deep nesting while composing."""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                None, None, "aliases (*name) are not allowed in rule files; write the value out", event.start_mark
            )
        depth = getattr(self, "_depth", 0) + 1
        if depth > MAX_DEPTH:
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                None, None, f"nesting deeper than {MAX_DEPTH} levels is not allowed in rule files", event.start_mark
            )
        self._depth = depth
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth = depth - 1


def _problem(file: str, message: str, line: int | None = None, column: int | None = None,
             hint: str | None = None, excerpt: str | None = None) -> Problem:
    return Problem(file=file, line=line, column=column, message=message, hint=hint, excerpt=excerpt)


def read_document(path: Path, display: str | None = None) -> Document:
    """Parse one rule file into a `Document`, or raise `RuleFileError` naming file and line."""
    name = display or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise RuleFileError(_problem(name, f"rule file is {size:,} bytes; the limit is {MAX_BYTES:,}",
                                         1, 1, "split it or remove what is not a rule"))
        raw = path.read_bytes()
    except OSError as exc:
        raise RuleFileError(_problem(name, f"cannot read rule file: {exc.strerror or exc}", 1)) from None
    if b"\x00" in raw:
        raise RuleFileError(_problem(name, "rule file is binary, not YAML text", 1, 1))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise RuleFileError(_problem(name, "rule file is not UTF-8 text", line, None,
                                     "save it as UTF-8")) from None
    lines = text.splitlines()
    try:
        node = yaml.compose(text, Loader=SafeYamlLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        message = " ".join(filter(None, [exc.context, exc.problem])) or "invalid YAML"
        raise RuleFileError(_problem(name, f"YAML syntax: {message}", line, column,
                                     excerpt=lines[line - 1] if line and line <= len(lines) else None)) from None
    except yaml.YAMLError as exc:
        raise RuleFileError(_problem(name, f"YAML: {exc}", 1)) from None
    except RecursionError:
        raise RuleFileError(_problem(name, "YAML nesting is too deep", 1)) from None
    if node is None:
        raise RuleFileError(_problem(name, "rule file is empty", 1, 1, "see `checker rules new` for a template"))
    document = Document(data=None, lines=lines)
    document.data = _to_python(node, (), document, name)
    return document


def _to_python(node: yaml.Node, path: tuple[str | int, ...], doc: Document, name: str) -> Any:
    doc.locations[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                line = key_node.start_mark.line + 1
                raise RuleFileError(_problem(name, "mapping keys must be plain words", line,
                                             key_node.start_mark.column + 1, excerpt=doc.excerpt(line)))
            key = key_node.value
            if key in result:
                line = key_node.start_mark.line + 1
                raise RuleFileError(_problem(name, f"key '{key}' appears twice", line,
                                             key_node.start_mark.column + 1, excerpt=doc.excerpt(line)))
            doc.key_locations[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _to_python(value_node, path + (key,), doc, name)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, path + (i,), doc, name) for i, item in enumerate(node.value)]
    constructor = yaml.SafeLoader(" ")
    try:
        return constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        line = node.start_mark.line + 1
        raise RuleFileError(_problem(name, f"cannot read value: {exc}", line, node.start_mark.column + 1,
                                     excerpt=doc.excerpt(line))) from None
    finally:
        constructor.dispose()
