"""Option choices built from the models' value lists, so a new verdict or status is named once."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Any, get_args

from checker.config import FORMAT_NAMES
from checker.models import ReviewStatus, Verdict


def choices(name: str, values: Iterable[str]) -> Any:
    """A `str` Enum whose members are `values`, for a typer option (`Level.apparent.value == "apparent"`)."""
    return Enum(name, {value: value for value in values}, type=str)


VERDICTS: tuple[str, ...] = get_args(Verdict)
STATUSES: tuple[str, ...] = get_args(ReviewStatus)

Format = choices("Format", FORMAT_NAMES)
Level = choices("Level", VERDICTS)
FailOn = choices("FailOn", (*VERDICTS, "never"))
Status = choices("Status", STATUSES)
ListStatus = choices("ListStatus", (*STATUSES, "stale"))
