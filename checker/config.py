"""A project's settings: `[tool.checker]` in `pyproject.toml`, or a `checker.toml`.

Found from the current folder upwards, like ruff and sqlfluff find theirs: the nearest folder
holding a `checker.toml`, or a `pyproject.toml` with a `[tool.checker]` table, gives the
settings (a `checker.toml` wins over a `pyproject.toml` in the same folder). Paths in it are
relative to the folder the file is in. Options given on the command line win over it.

    [tool.checker]
    sources = ["articles"]
    rules = ["claims"]
    exclude = ["drafts"]
    fail-on = "apparent"
    min-level = "apparent"
    reviews = ".checker/reviews.json"
    format = "text"
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.errors import ProblemError
from checker.models import Problem, Verdict

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_FILE = "checker.toml"
PYPROJECT = "pyproject.toml"
FORMAT_NAMES = ("text", "json", "markdown", "sarif", "html", "github")
"""Every report format; `checker.report.FORMATS` renders each (a test keeps them the same)."""


class Settings(BaseModel):
    """What a config file may set; each key is also a `checker check` option of the same name."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    sources: list[str] | None = None
    rules: list[str] | None = None
    exclude: list[str] = []
    select: list[str] = []
    ignore: list[str] = []
    no_ignore: bool = Field(default=False, alias="no-ignore")
    fail_on: Literal[Verdict, "never"] | None = Field(default=None, alias="fail-on")
    min_level: Verdict | None = Field(default=None, alias="min-level")
    reviews: str | None = None
    format: Literal[FORMAT_NAMES] | None = None  # type: ignore[valid-type]


class Config(BaseModel):
    """The settings found, and the file and folder they came from (None: no config file)."""

    settings: Settings = Settings()
    file: Path | None = None

    @property
    def folder(self) -> Path:
        return self.file.parent if self.file else Path(".")

    def paths(self, values: list[str] | None) -> list[Path] | None:
        """Config paths as paths from the current folder (they are written relative to the file)."""
        if values is None:
            return None
        return [self.folder / value if self.file else Path(value) for value in values]


def _line(text: str, key: str) -> int | None:
    match = re.search(rf"^\s*{re.escape(key)}\s*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def read_config(path: Path) -> Config:
    """The settings of one config file; a `ProblemError` naming the file and line when they are wrong."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise ProblemError(Problem(file=where, message=f"cannot read config: {exc.strerror or exc}")) from None
    except UnicodeDecodeError:
        raise ProblemError(Problem(file=where, message="config is not UTF-8", hint="save it as UTF-8")) from None
    except tomllib.TOMLDecodeError as exc:
        raise ProblemError(
            Problem(file=where, message=f"config is not valid TOML: {exc}", hint="fix the TOML syntax")
        ) from None
    if path.name == PYPROJECT:
        data = data.get("tool", {}).get("checker", {})
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        key = str(error["loc"][0]) if error["loc"] else ""
        if error["type"] == "extra_forbidden":
            message = f"unknown config key '{key}'"
        else:
            message = f"config '{key}': {error['msg']}"
        known = ", ".join(f.alias or name for name, f in Settings.model_fields.items())
        raise ProblemError(Problem(file=where, line=_line(text, key), message=message, hint=f"keys: {known}")) from None
    return Config(settings=settings, file=path)


def find_config(start: Path | None = None) -> Path | None:
    """The config file that applies in `start` (default: the current folder): the nearest one at or above it."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


def _has_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[tool\.checker\]", text, re.MULTILINE) is not None


def load_config(start: Path | None = None) -> Config:
    """The settings that apply in `start`; empty settings when no config file is found."""
    found = find_config(start)
    if found is None:
        return Config()
    return read_config(found)


__all__ = ["CONFIG_FILE", "Config", "Settings", "find_config", "load_config", "read_config"]
