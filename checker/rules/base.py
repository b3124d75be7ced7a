"""Fields every rule type shares, and rule examples."""

from __future__ import annotations

from datetime import date
from typing import Literal

import re2
from pydantic import BaseModel, ConfigDict, Field, field_validator

from checker.models import Severity, Stance


class Expected(BaseModel):
    """What a rule example expects the checker to read from its text (fields left out are not checked)."""

    model_config = ConfigDict(extra="forbid")

    value: float | int | str | None = None
    qualifier: str | None = None
    unit: str | None = None
    as_of: str | None = None
    stance: Stance | None = None
    speaker: str | None = None
    scope: str | None = None

    @field_validator("value", "as_of", mode="before")
    @classmethod
    def _dates_as_text(cls, value: object) -> object:
        """YAML reads `2021-01-14` as a date; the checker reports dates as ISO text."""
        return value.isoformat() if isinstance(value, date) else value


class Example(BaseModel):
    """A sentence (or short passage) and what the rule should make of it; `expect: none` means no mention."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    expect: Literal["none"] | Expected
    published: date | None = Field(default=None, description="publication date for relative dates")
    outlet: str | None = None


class RuleBase(BaseModel):
    """Shared fields.

    id: unique kebab-case name; the file should be `<id>.yaml`.
    title: the claim in a few words, shown with every finding.
    about: words that must all occur (any inflection, fuzzy) for a sentence to be about the claim.
    phrases: phrases of which one must match (fuzzy, rapidfuzz partial ratio >= threshold).
    patterns: RE2 regular expressions, an alternative to phrases for exact wording.
    exclude: phrases that rule a sentence out even when it matches.
    scopes: named scopes and the words that put a statement in one ("still separated" vs "total").
    threshold: how close (0-100) a phrase must match; 85 by default.
    severity: low, medium or high; carried into every finding.
    examples: sentences with the result expected, run by `checker rules test`.
    """

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="unique kebab-case id")
    title: str = Field(min_length=1)
    about: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    scopes: dict[str, list[str]] = Field(default_factory=dict)
    threshold: int = Field(default=85, ge=50, le=100)
    severity: Severity = "medium"
    examples: list[Example] = Field(default_factory=list)

    @field_validator("patterns")
    @classmethod
    def _patterns_compile(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re2.compile(pattern)
            except re2.error as exc:
                raise ValueError(f"pattern {pattern!r} is not a valid RE2 expression: {exc}") from None
        return patterns

    @field_validator("about", "phrases", "exclude")
    @classmethod
    def _no_blank_words(cls, words: list[str]) -> list[str]:
        if any(not w.strip() for w in words):
            raise ValueError("entries must not be blank")
        return words

    def keywords(self) -> list[str]:
        """Words whose presence in raw text makes a passage worth segmenting for this rule."""
        if self.about:
            return list(self.about)
        words = [w for phrase in self.phrases for w in phrase.split() if len(w) > 3]
        return words or list(self.phrases)
