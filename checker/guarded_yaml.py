"""Guarded YAML (rule files, case files, source metadata): keeps every node's position, refuses what could hurt.

Aliases are refused outright (an alias "billion laughs" bomb passes `yaml.safe_load`), nesting
and file size are bounded, and every value remembers its line and column so that a pydantic
error can point at the spot in the file. Events come from libyaml when it is there (five times
faster than pure Python, which keeps a file at the size limit well under a second); composing
stays in Python so that aliases and depth are checked before anything is built.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from checker.errors import ProblemError
from checker.models import Problem

try:
    CParser: Any = importlib.import_module("yaml._yaml").CParser
except ImportError:  # pragma: no cover - PyYAML wheels ship libyaml
    CParser = None

MAX_BYTES = 100_000
"""A rule is a few kilobytes; at this size even a file of nothing but one-character items parses in
well under a second."""
MAX_PROBLEMS = 50
"""Per file: past this many, one more problem says how many were left out."""
MAX_DEPTH = 50
PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{kind}" for kind in ("str", "int", "float", "bool", "null", "timestamp",
                                                                 "seq", "map"))
"""The tags plain YAML resolves to; an explicit other tag (`!!python/...`, `!!binary`, `!!set`) is refused."""
STR_TAG = "tag:yaml.org,2002:str"

Location = tuple[int, int]
"""1-based (line, column)."""
DataPath = tuple[str | int, ...]
"""Keys and list indexes from the top of a document down to one value."""


class RuleFileError(ProblemError):
    """A rule file that cannot be read as YAML; carries the problem to report."""


def syntax_hint(message: str, lines: list[str], line: int | None) -> str | None:
    """What to do about a YAML parser message, for the mistakes people make most (docs/rules.md,
    "Common mistakes"): a tab, a colon inside a value, a key indented as if it belonged to the
    line above, list items or keys out of line."""
    text = lines[line - 1] if line and line <= len(lines) else ""
    above = next((lines[n] for n in range((line or 1) - 2, -1, -1) if lines[n].strip()), "") if line else ""
    if "single document" in message:
        return "one rule per file"
    if "tab" in message or "\t" in text.split("#")[0]:
        return "YAML indents with spaces only: replace the tab with spaces"
    if "mapping values are not allowed" in message:
        indent = len(text) - len(text.lstrip(" "))
        above_indent = len(above) - len(above.lstrip(" "))
        if indent > above_indent and not above.rstrip().endswith(":"):
            return "bad indentation: this key is indented under a line that already has a value; line it up"
        return "a value holding ': ' needs quotes: key: 'He said: no'"
    if "expected key" in message or "expected <block end>" in message or "expected ',' or" in message:
        return "bad indentation: keys of one mapping, and items of one list, start in the same column"
    return None


@dataclass
class Document:
    """A rule file's data, where each part of it stands, and what was wrong but not fatal."""

    name: str
    data: Any
    lines: list[str]
    locations: dict[DataPath, Location] = field(default_factory=dict)
    key_locations: dict[DataPath, Location] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def resolve(self, loc: tuple[str | int, ...]) -> DataPath:
        """The data path of a pydantic error location, less its union tags ("quantity", "fields")."""
        path: DataPath = ()
        for part in loc:
            if path + (part,) in self.locations:
                path += (part,)
        return path

    def locate(self, path: DataPath, *, key: bool = False) -> Location:
        """The position of `path` (of its key, if asked), or of its nearest ancestor that has one."""
        if key and path in self.key_locations:
            return self.key_locations[path]
        while path and path not in self.locations:
            path = path[:-1]
        return self.locations.get(path, (1, 1))

    def excerpt(self, line: int | None) -> str | None:
        return self.lines[line - 1] if line is not None and 0 < line <= len(self.lines) else None

    def capped(self, problems: list[Problem], total: int | None = None) -> list[Problem]:
        """`problems` in line order, at most `MAX_PROBLEMS` of them, so a runaway file cannot flood the output.

        `total` counts problems found but not turned into `Problem`s, when there were too many to bother.
        """
        total = max(total or 0, len(problems))
        problems = sorted(problems, key=lambda p: (p.line or 0, p.column or 0))
        if total <= MAX_PROBLEMS:
            return problems
        rest = Problem(file=self.name, line=problems[MAX_PROBLEMS].line, column=problems[MAX_PROBLEMS].column,
                       message=f"{total - MAX_PROBLEMS} more problems in this file are not shown",
                       hint="fix these first")
        return problems[:MAX_PROBLEMS] + [rest]

    def problem(self, message: str, path: DataPath = (), *, key: bool = False, hint: str | None = None,
                level: Literal["error", "warning"] = "error") -> Problem:
        """A problem pointing at `path` in this document (at its key, if asked)."""
        line, column = self.locate(path, key=key)
        return Problem(file=self.name, line=line, column=column, message=message, hint=hint,
                       level=level, excerpt=self.excerpt(line))


class _Guard:
    """Refuses aliases and deep nesting while composing, before any node is built."""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        depth = getattr(self, "_depth", 0) + 1
        refused = None
        if self.check_event(yaml.AliasEvent):  # type: ignore[attr-defined]
            refused = "aliases (*name) are not allowed in rule files; write the value out"
        elif depth > MAX_DEPTH:
            refused = f"nesting deeper than {MAX_DEPTH} levels is not allowed in rule files"
        if refused:
            raise yaml.MarkedYAMLError(None, None, refused, self.peek_event().start_mark)  # type: ignore[attr-defined]
        self._depth = depth
        try:
            return super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self._depth = depth - 1


class SafeYamlLoader(_Guard, yaml.SafeLoader):
    """A pure-Python safe loader that refuses aliases and deep nesting."""


if CParser is not None:
    class _FastLoader(_Guard, Composer, CParser, SafeConstructor, Resolver):
        """libyaml's parser under Python's (guarded) composer."""

        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    GuardedLoader: type = _FastLoader
else:  # pragma: no cover
    GuardedLoader = SafeYamlLoader


def _problem(file: str, message: str, line: int | None = None, column: int | None = None,
             hint: str | None = None, excerpt: str | None = None) -> Problem:
    return Problem(file=file, line=line, column=column, message=message, hint=hint, excerpt=excerpt)


def _first_line(exc: Exception) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0]


def read_document(path: Path, display: str | None = None) -> Document:
    """Parse one rule file into a `Document`, or raise `RuleFileError` naming file and line."""
    name = display or str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise RuleFileError(_problem(name, f"cannot read rule file: {exc.strerror or exc}", 1)) from None
    if len(raw) > MAX_BYTES:
        raise RuleFileError(_problem(name, f"rule file is larger than the limit of {MAX_BYTES:,} bytes", 1, 1,
                                     "one rule per file; a rule is rarely more than a few kilobytes"))
    return parse_document(raw, name)


def parse_document(raw: bytes, name: str) -> Document:
    """Parse the bytes of a rule file (see `read_document`)."""
    if b"\x00" in raw:
        raise RuleFileError(_problem(name, "rule file is binary, not YAML text", 1, 1, "save it as UTF-8 text"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[start: exc.start].decode("utf-8", "replace")) + 1
        excerpt = raw[start:].split(b"\n", 1)[0].decode("utf-8", "replace")
        raise RuleFileError(_problem(name, "rule file is not UTF-8 text", line, column, "save it as UTF-8",
                                     excerpt)) from None
    lines = text.splitlines()
    loader = GuardedLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise RuleFileError(_problem(name, "rule file is empty", 1, 1, "see `checker rules new` for a template"))
        document = Document(name=name, data=None, lines=lines)
        document.data = _to_python(node, (), document, loader)
        return document
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at_line = mark.line + 1 if mark else None
        at_column = mark.column + 1 if mark else None
        message = " ".join(str(part).rstrip(":") for part in (exc.context, exc.problem) if part) or "invalid YAML"
        hint = syntax_hint(message, lines, at_line)
        raise RuleFileError(_problem(name, f"YAML syntax: {message}", at_line, at_column, hint,
                                     lines[at_line - 1] if at_line and at_line <= len(lines) else None)) from None
    except yaml.reader.ReaderError as exc:
        # libyaml counts this position in bytes of UTF-8, the Python reader in characters
        before = text.encode()[: exc.position].decode(errors="replace") if CParser else text[: exc.position]
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        char = chr(exc.character) if isinstance(exc.character, int) else exc.character
        raise RuleFileError(_problem(name, f"YAML: character {char!r} is not allowed in YAML text",
                                     line, column, None, lines[line - 1] if line <= len(lines) else None)) from None
    except yaml.YAMLError as exc:
        raise RuleFileError(_problem(name, f"YAML: {_first_line(exc)}", 1)) from None
    except RecursionError:
        raise RuleFileError(_problem(name, "YAML nesting is too deep", 1)) from None
    finally:
        loader.dispose()


def _to_python(node: yaml.Node, path: DataPath, doc: Document, constructor: SafeConstructor) -> Any:
    """Build plain data from `node`, noting where each value and key stands."""
    doc.locations[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if node.tag not in PLAIN_TAGS:
        line = node.start_mark.line + 1
        raise RuleFileError(_problem(doc.name, f"cannot read value: the YAML tag {node.tag!r} is not allowed in rule "
                                     "files", line, node.start_mark.column + 1, "remove the !tag",
                                     doc.excerpt(line)))
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            where = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key_node, yaml.ScalarNode):
                doc.problems.append(_problem(doc.name, "mapping keys must be plain words", *where,
                                             excerpt=doc.excerpt(where[0])))
                continue
            key = key_node.value
            if key in result:
                first = doc.key_locations[path + (key,)][0]
                doc.problems.append(_problem(doc.name, f"key '{key}' appears twice (first on line {first})", *where,
                                             "keep one; the first is used", doc.excerpt(where[0])))
                continue
            doc.key_locations[path + (key,)] = where
            result[key] = _to_python(value_node, path + (key,), doc, constructor)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, path + (i,), doc, constructor) for i, item in enumerate(node.value)]
    if node.tag == STR_TAG:
        return node.value
    try:
        return constructor.yaml_constructors[node.tag](constructor, node)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        line = node.start_mark.line + 1
        reason = getattr(exc, "problem", None) or _first_line(exc)
        raise RuleFileError(_problem(doc.name, f"cannot read value: {reason}", line, node.start_mark.column + 1,
                                     excerpt=doc.excerpt(line))) from None
