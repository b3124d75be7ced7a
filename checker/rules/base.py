"""Fields every rule type shares, and rule examples.

Each model's docstring documents its fields as `name: text` lines under "Fields:"; `field_docs`
reads them back so that the JSON Schema, the `checker rules new` template, the error hints and
docs/rules.md all say the same thing (tests/test_rules_docs.py keeps them in step).
"""

from __future__ import annotations

import inspect
import re
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

import re2
from pydantic import AfterValidator, BaseModel, ConfigDict, Discriminator, Field, Tag, field_validator

from checker.models import Highlight, Mention, PhraseMatch, Reason, Sentence, Severity, Source, Stance, Version

if TYPE_CHECKING:
    from collections.abc import Sequence

RE2_OPTIONS = re2.Options()
RE2_OPTIONS.log_errors = False  # the error goes into the Problem; RE2's own log would be noise
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_FIELD_LINE = re.compile(r"^  (\w+): (.*)$")
_CONTINUATION = re.compile(r"^ {4,}(\S.*)$")


def field_docs(model: type[BaseModel]) -> dict[str, str]:
    """The `name: text` entries under "Fields:" in the docstrings of `model` and its bases."""
    docs: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        in_fields, last = False, None
        for line in inspect.cleandoc(cls.__dict__.get("__doc__") or "").splitlines():
            if line.strip() == "Fields:":
                in_fields = True
            elif in_fields and (found := _FIELD_LINE.match(line)):
                last = found.group(1)
                docs[last] = found.group(2)
            elif in_fields and last and (more := _CONTINUATION.match(line)):
                docs[last] += " " + more.group(1)
            elif line.strip():
                in_fields, last = False, None
    return docs


def field_order(model: type[BaseModel]) -> list[str]:
    """The order fields are shown in: id, title and type, the type's own fields, then the shared ones."""
    head = ["id", "title", "type"]
    own = [name for name in model.model_fields if name not in RuleBase.model_fields and name not in head]
    return head + own + [name for name in RuleBase.model_fields if name not in head]


def _re2_compiles(pattern: str) -> str:
    """Patterns run on untrusted text, so only RE2's linear-time syntax is accepted. The pattern is
    compiled the way matching uses it (`checker.match._compiled`): case-insensitively."""
    try:
        re2.compile("(?i)" + pattern, RE2_OPTIONS)
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise ValueError(f"RE2 cannot compile {pattern!r}: {reason} "
                         "(RE2 has no backreferences or lookaround; repeats go up to {1000})") from None
    return pattern


Pattern = Annotated[str, AfterValidator(_re2_compiles)]


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("must not be blank")
    return text


Phrase = Annotated[str, AfterValidator(_not_blank)]
Outcome = Literal["same", "compatible", "clash"]
"""How two versions compare: they say the same, they differ but can both hold, or they cannot."""


class Expected(BaseModel):
    """What an example expects the rule to read from its text; fields left out are not checked.

    Fields:
      value: the number (3000, 227000000) or, for a date rule, the date (2021-01-14, 2018-04,
        2018); numbers compare numerically.
      qualifier: how the number is bounded: exactly, at-least, more-than, nearly, about, up-to,
        fewer-than, or range (a span or a vague "hundreds").
      unit: the thing counted, as the rule names it (its unit or one of its related_units).
      as_of: the date the statement speaks as of: YYYY, YYYY-MM or YYYY-MM-DD.
      stance: affirm or deny.
      speaker: who makes the statement; passes when it occurs in the speaker found, in any case.
      scope: the name of the scope (one of the rule's scopes) the statement falls in.
    """

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


def _expect_tag(value: object) -> str:
    """`expect: none` (or a misspelling of it) is text; anything else should be a mapping."""
    return "none" if value is None or isinstance(value, str) else "fields"


class Example(BaseModel):
    """A sentence (or short passage) and what the rule should make of it.

    Fields:
      text: the sentence or short passage to run the rule on.
      expect: none when the rule must find nothing in the text, else the fields the statement
        it finds must have (value, qualifier, unit, as_of, stance, speaker, scope).
      published: the publication date that relative dates ("Thursday", "last month") resolve
        against.
      outlet: who speaks when the text quotes no one else.
    """

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    expect: Annotated[
        Annotated[Literal["none"], Tag("none")] | Annotated[Expected, Tag("fields")],
        Discriminator(_expect_tag),
    ]
    published: date | None = None
    outlet: str | None = None


class RuleBase(BaseModel):
    """A claim that sources may disagree about.

    Fields:
      id: unique kebab-case name (parents-not-located); the file is named <id>.yaml.
      title: the claim in a few words, shown with every finding.
      type: what the rule reads from a statement: quantity, stance, date, share or quote.
      about: words that must all occur in a sentence (any inflection) for it to be about the
        claim; they also pick the paragraphs worth reading.
      phrases: phrases of which one must match the sentence (fuzzy, at least threshold);
        leave out to take every sentence that has the about words.
      patterns: RE2 regular expressions tried when no phrase matches, for exact wording.
      exclude: phrases that rule a sentence out even when it matches.
      scopes: named scopes and the words that put a statement in one; statements in different
        scopes are compared as apparent (different-scope), never as contradictions.
      threshold: how closely (50-100) a phrase must match the sentence; 85 by default.
      severity: low, medium or high; carried into every finding.
      examples: sentences with the result expected, run by `checker rules test`.
    """

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1)
    about: list[Phrase] = Field(default_factory=list)
    phrases: list[Phrase] = Field(default_factory=list)
    patterns: list[Pattern] = Field(default_factory=list)
    exclude: list[Phrase] = Field(default_factory=list)
    scopes: dict[str, list[str]] = Field(default_factory=dict)
    threshold: int = Field(default=85, ge=50, le=100)
    severity: Severity = "medium"
    examples: list[Example] = Field(default_factory=list)

    if TYPE_CHECKING:
        type: str  # each type's own model declares it as a literal, the union's discriminator

    timed: ClassVar[bool] = True
    """Whether statements are compared per as-of period (a count changes over time; a date does not)."""
    all_pairs: ClassVar[bool] = True
    """Whether comparable versions without intervals are compared all pairs, or each against the
    weightiest (`weight`) only, which keeps findings linear when every version may clash with every other."""
    reports: ClassVar[frozenset[str]] = frozenset()
    """What a statement of this type says, and so what its examples may expect."""
    unused: ClassVar[frozenset[str]] = frozenset()
    """Fields the type has but does not use: `checker rules new` shows them as comments only."""
    sample: ClassVar[dict[str, Any]] = {}
    """A small made-up claim with passing examples: what `checker rules new` writes."""

    def phrase_candidates(self) -> list[tuple[str, Stance | None]]:
        """The phrases a sentence is matched with, each with the side it takes (stance rules only)."""
        return [(phrase, None) for phrase in self.phrases]

    def match_phrases(self) -> list[str]:
        """The phrases a sentence is matched with."""
        return [phrase for phrase, _ in self.phrase_candidates()]

    def keywords(self) -> list[str]:
        """Words whose presence in raw text makes a passage worth segmenting for this rule."""
        if self.about:
            return list(self.about)
        phrases = self.match_phrases()
        words = [w for phrase in phrases for w in phrase.split() if len(w) > 3]
        return words or phrases

    def main_unit(self) -> str:
        """The unit other units are compared against ("" for types that count nothing)."""
        return ""

    def units(self) -> Sequence[str]:
        """The units an example may expect."""
        return ()

    def read(self, source: Source, sentence: Sentence, match: PhraseMatch) -> Mention | None:
        """The statement a matched sentence makes about the claim, or None when it states nothing."""
        raise NotImplementedError

    def canonical(self, mention: Mention) -> str:
        """What the statement says, apart from unit, time and scope, as stable text (fingerprints use it)."""
        raise NotImplementedError

    def compare(self, a: Version, b: Version) -> tuple[Outcome, list[Reason]]:
        """How two versions' statements compare, and which of bound or rounding reconciles them."""
        raise NotImplementedError

    def order(self, version: Version) -> float:
        """Where a version stands among others, so that "nearest" means something (a value, a day)."""
        return 0.0

    def bounds(self, version: Version) -> tuple[float, float] | None:
        """The interval a version allows, when clashing means not overlapping; None to compare pairwise."""
        return None

    def weight(self, version: Version) -> tuple[float, ...]:
        """How much a version counts as the reference others are compared with: by default, its sources."""
        return (len(version.sources), -self.order(version))

    def may_state(self, passage_form: str) -> bool:
        """Whether a passage (in match form) can hold a statement of this type at all; if not, it is not
        segmented for the rule. A type whose statements need a figure says no when there is none."""
        return True

    def highlights(self, a: Version, b: Version) -> list[Highlight]:
        """Parts of the sources a finding between `a` and `b` should point at besides their spans."""
        return []
