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
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import pathspec

from checker.models import Problem

SKIPPED_FOLDERS = frozenset({"__pycache__", "__pypackages__", "node_modules", "site-packages"})
"""Folders never read, besides hidden ones (`.git`, `.venv`, `.cache`, `.checker`, ...)."""
STDIN = "-"


@dataclass
class Selection:
    """What to leave out of the folders walked."""

    exclude: Sequence[str] = ()
    no_ignore: bool = False
    _specs: dict[Path, pathspec.GitIgnoreSpec | None] = field(default_factory=dict, repr=False)
    _chains: dict[str, list[tuple[Path, pathspec.GitIgnoreSpec]]] = field(default_factory=dict, repr=False)

    def excluded(self, path: Path, top: Path) -> bool:
        """Whether an `--exclude` glob matches `path` (below the folder `top` given)."""
        if not self.exclude:
            return False
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
        for folder, spec in self._chain(absolute.parent):
            relative = absolute.relative_to(folder).as_posix() + ("/" if is_dir else "")
            if spec.match_file(relative):
                return True
        return False

    def _chain(self, parent: Path) -> list[tuple[Path, pathspec.GitIgnoreSpec]]:
        """The ignore files that apply in `parent`: its own and those of the folders above it, up to
        the repository root; found once per folder, not once per file."""
        key = str(parent)
        if key not in self._chains:
            chain = []
            for folder in (parent, *parent.parents):
                spec = self._spec(folder)
                if spec is not None:
                    chain.append((folder, spec))
                if (folder / ".git").exists():
                    break
            self._chains[key] = chain
        return self._chains[key]

    def skips(self, path: Path, top: Path, is_dir: bool) -> bool:
        """Whether a walk of the folder `top` leaves out `path`: hidden, a cache, excluded or ignored."""
        if path.name.startswith(".") or (is_dir and path.name in SKIPPED_FOLDERS):
            return True
        return self.excluded(path, top) or self.ignored(path, is_dir)


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
