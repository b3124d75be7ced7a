"""Rule test-case files (in the style of sqlfluff's rule cases) for what one sentence cannot show.

A case file names a rule and holds named cases; each gives a passage (`text`) or several
sources (`sources`), every statement the rule must find there, in order, and optionally the
finding those statements must make:

    rule: parents-not-located
    parents_and_children_across_two_sources:
      sources:
        - {name: axios.txt, published: 2021-01-14, text: At least 545 parents could not be located as of October.}
        - {name: upi.txt, published: 2021-01-14, text: Parents of 628 children remain missing as of October.}
      expect:
        - {source: axios.txt, value: 545, qualifier: at-least}
        - {source: upi.txt, value: 628, unit: children}
      finding: {verdict: apparent, reasons: [different-unit]}

See docs/rules.md, "Test-case files".
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, ValidationError, model_validator

from checker.models import Problem, Reason, Verdict
from checker.rules.base import Expected
from checker.guarded_yaml import MAX_PROBLEMS, DataPath, Document
from checker.rules.problems import error_problems


class CaseSource(BaseModel):
    """One source of a case.

    Fields:
      name: the source's name, which expected statements refer to with `source`.
      text: the source's text.
      published: its publication date.
      outlet: who speaks when the text quotes no one else.
    """

    model_config = ConfigDict(extra="forbid")

    name: str | None = None
    text: str = Field(min_length=1)
    published: date | None = None
    outlet: str | None = None


class ExpectedStatement(Expected):
    """A statement a case expects, in the order found (sources in order, then text order).

    Fields:
      source: the name of the source it must come from.
    """

    source: str | None = None


class ExpectedFinding(BaseModel):
    """The finding a case's statements must make.

    Fields:
      verdict: contradiction or apparent.
      reasons: the reasons it must give, in any order (leave out to not check them).
    """

    model_config = ConfigDict(extra="forbid")

    verdict: Verdict
    reasons: list[Reason] | None = None


def _none_or(value: object) -> str:
    return "none" if value is None or isinstance(value, str) else "given"


class Case(BaseModel):
    """One named case.

    Fields:
      text: a passage of several sentences (or give sources instead).
      sources: several sources, each with name, text, published and outlet.
      published: the publication date of text.
      outlet: the outlet of text.
      expect: none, or every statement the rule must find, in order.
      finding: none when the statements must not disagree, else the finding they must make.
    """

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, min_length=1)
    sources: list[CaseSource] | None = Field(default=None, min_length=1)
    published: date | None = None
    outlet: str | None = None
    expect: Annotated[
        Annotated[Literal["none"], Tag("none")] | Annotated[list[ExpectedStatement], Tag("given")],
        Discriminator(_none_or),
    ]
    finding: Annotated[
        Annotated[Literal["none"], Tag("none")] | Annotated[ExpectedFinding, Tag("given")],
        Discriminator(_none_or),
    ] | None = None

    @model_validator(mode="after")
    def _text_or_sources(self) -> Case:
        if (self.text is None) == (self.sources is None):
            raise ValueError("give either text or sources")
        return self

    def all_sources(self, name: str) -> list[CaseSource]:
        """The case's sources; a bare `text` is one source named after the case."""
        if self.sources is not None:
            return [s if s.name else s.model_copy(update={"name": f"source-{i + 1}"})
                    for i, s in enumerate(self.sources)]
        return [CaseSource(name=name, text=self.text or "", published=self.published, outlet=self.outlet)]


class CaseFile(BaseModel):
    """The cases of one file, for one rule."""

    file: str
    rule: str
    rule_line: int
    cases: dict[str, Case] = {}
    lines: dict[str, int] = {}


def is_case_file(doc: Document) -> bool:
    """A mapping with a `rule:` key and no `type:` is a case file; anything else is taken as a rule."""
    return isinstance(doc.data, dict) and "rule" in doc.data and "type" not in doc.data


def _case_models(path: DataPath) -> list[type[BaseModel]]:
    models: dict[DataPath, type[BaseModel]] = {(): Case, ("sources",): CaseSource, ("expect",): ExpectedStatement,
                                               ("finding",): ExpectedFinding}
    shape = tuple(p for p in path if isinstance(p, str))
    return [models[shape]] if shape in models else []


def parse_case_file(doc: Document) -> tuple[CaseFile | None, list[Problem]]:
    """The cases of a case file, and the problems of those that do not validate."""
    problems = list(doc.problems)
    rule = doc.data.get("rule")
    if not isinstance(rule, str):
        problems.append(doc.problem("rule must be the id of the rule the cases test", ("rule",)))
        return None, doc.capped(problems)
    found = CaseFile(file=doc.name, rule=rule, rule_line=doc.locate(("rule",))[0])
    total = len(problems)
    for name, body in doc.data.items():
        if name == "rule":
            continue
        try:
            found.cases[name] = Case.model_validate(body)
            found.lines[name] = doc.locate((name,), key=True)[0]
        except ValidationError as exc:
            total += exc.error_count()
            if len(problems) <= MAX_PROBLEMS:  # past that they are only counted
                problems += error_problems(exc.errors()[: MAX_PROBLEMS + 1], doc, _case_models, prefix=(name,))
    if not found.cases and not problems:
        problems.append(doc.problem("no cases in this file", ("rule",),
                                    hint="add a case: a name, then text and expect"))
    return found, doc.capped(problems, total)
