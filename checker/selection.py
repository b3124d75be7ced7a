"""Which sources and which rules a run takes.

Folders are walked here, like ruff and Semgrep walk them: `.gitignore` files (and
`.git/info/exclude`) are respected unless `no_ignore`; hidden folders and files (`.git`,
`.venv`, ...) and caches (`__pycache__`, `node_modules`, ...) are skipped; `--exclude GLOB`
leaves out more (a glob matches a path below a folder given, or any part of it: `drafts`,
`*.draft.md`, `archive/2019/*`). A file named on the command line is always read, whatever
the ignore rules say. Rules are chosen by id with `--select` and `--ignore` (globs too).
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import pathspec

from checker.formats import CONVERTED_SUFFIXES
from checker.models import Problem

TEXT_SUFFIXES = (".txt", ".md")
SOURCE_SUFFIXES = TEXT_SUFFIXES + CONVERTED_SUFFIXES
SKIPPED_FOLDERS = frozenset({"__pycache__", "__pypackages__", "node_modules", "site-packages"})
"""Folders never read, besides hidden ones (`.git`, `.venv`, `.cache`, `.checker`, ...)."""
STDIN = "-"


@dataclass
class Selection:
    """What to leave out of the folders walked."""

    exclude: Sequence[str] = ()
    no_ignore: bool = False
    _specs: dict[Path, pathspec.GitIgnoreSpec | None] = field(default_factory=dict, repr=False)

    def excluded(self, path: Path, top: Path) -> bool:
        """Whether an `--exclude` glob matches `path` (below the folder `top` given)."""
        relative = PurePosixPath(path.relative_to(top).as_posix())
        for glob in self.exclude:
            glob = glob.rstrip("/")
            if fnmatch.fnmatch(relative.as_posix(), glob) or relative.match(glob):
                return True
            if any(fnmatch.fnmatch(part, glob) for part in relative.parts):
                return True
        return False

    def _spec(self, folder: Path) -> pathspec.GitIgnoreSpec | None:
        if folder not in self._specs:
            lines: list[str] = []
            for name in (".gitignore", ".git/info/exclude"):
                file = folder / name
                if file.is_file():
                    try:
                        lines += file.read_text(encoding="utf-8", errors="replace").splitlines()
                    except OSError:
                        pass
            self._specs[folder] = pathspec.GitIgnoreSpec.from_lines(lines) if lines else None
        return self._specs[folder]

    def ignored(self, path: Path, is_dir: bool) -> bool:
        """Whether a `.gitignore` in any folder above `path` (up to the repository root) ignores it."""
        if self.no_ignore:
            return False
        absolute = Path(os.path.abspath(path))
        for folder in absolute.parents:
            spec = self._spec(folder)
            if spec is not None:
                relative = absolute.relative_to(folder).as_posix() + ("/" if is_dir else "")
                if spec.match_file(relative):
                    return True
            if (folder / ".git").exists():
                break
        return False

    def files(self, folder: Path) -> list[Path]:
        """The source files under `folder`, sorted, without what is hidden, cached, ignored or excluded."""
        found: list[Path] = []
        for root, dirs, names in os.walk(folder):
            here = Path(root)
            dirs[:] = sorted(
                d
                for d in dirs
                if not d.startswith(".")
                and d not in SKIPPED_FOLDERS
                and not self.excluded(here / d, folder)
                and not self.ignored(here / d, True)
            )
            for name in names:
                path = here / name
                if name.startswith(".") or path.suffix.lower() not in SOURCE_SUFFIXES:
                    continue
                if self.excluded(path, folder) or self.ignored(path, False):
                    continue
                found.append(path)
        return sorted(found)


def expand(paths: Iterable[Path | str], selection: Selection | None = None) -> tuple[list[Path], list[Problem]]:
    """Files to read for `paths` (files as given, folders walked), and a problem for each path
    that gives none. `-` (standard input) is passed through as it is."""
    selection = selection or Selection()
    files: list[Path] = []
    problems: list[Problem] = []
    for item in paths:
        path = Path(item)
        if str(item) == STDIN:
            files.append(Path(STDIN))
        elif path.is_dir():
            found = selection.files(path)
            if not found:
                problems.append(
                    Problem(
                        file=str(path),
                        message="no sources in this folder (.txt, .md, .html, .pdf; hidden, ignored and "
                        "excluded files left out)",
                        hint="pass a folder or files holding the articles to check; --no-ignore reads ignored ones",
                    )
                )
            files += found
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(file=str(path), message="no such file or folder", hint="check the path"))
    return files, problems


def select_rules(
    rules: Sequence[Any], select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> tuple[list[Any], list[Problem]]:
    """The rules whose id matches a `select` glob (all when none is given) and no `ignore` glob;
    a warning for each glob that matches no rule, which is most likely a typo."""
    ids = [rule.id for rule in rules]
    problems = [
        Problem(
            file=f"--{option}",
            level="warning",
            message=f"no rule id matches '{glob}'",
            hint="see `checker rules list` for the ids",
        )
        for option, globs in (("select", select), ("ignore", ignore))
        for glob in globs
        if not fnmatch.filter(ids, glob)
    ]
    kept = [
        rule
        for rule in rules
        if (not select or any(fnmatch.fnmatchcase(rule.id, g) for g in select))
        and not any(fnmatch.fnmatchcase(rule.id, g) for g in ignore)
    ]
    return kept, problems
