"""Readers of what a sentence says — numbers, dates, speakers, stance — and the parts every rule type shares.

Each reader lives in its own module and knows nothing of rules; a rule type
(`checker.rules.<type>`) asks them for its statement's value and then `build_mention` adds who
says it, where, its scope and its source's metadata.
"""

from __future__ import annotations

import re

from checker.extract.asof import choose_as_of
from checker.extract.dates import DateMention
from checker.extract.speakers import named_speaker
from checker.models import Mention, Sentence, Source, SpeakerKind
from checker.text import match_form

__all__ = ["as_of", "build_mention", "distance", "scope_of"]


def distance(start: int, end: int, near: tuple[int, int]) -> int:
    """Characters between `start..end` and the span `near`; 0 when they overlap."""
    if end < near[0]:
        return near[0] - end
    if start > near[1]:
        return start - near[1]
    return 0


def as_of(sentence: Sentence, dates: list[DateMention], near: tuple[int, int], source: Source) -> str | None:
    """The date a statement speaks as of (`checker.extract.asof.choose_as_of`): a date of its clause,
    else publication; None when it speaks of an earlier, undated time."""
    return choose_as_of(sentence.text, dates, near, source.meta.published)


def scope_of(scopes: dict[str, list[str]], form: str, span: tuple[int, int]) -> str | None:
    """The scope whose words stand nearest the statement's value or phrase."""
    best: tuple[int, str] | None = None
    for name, words in scopes.items():
        for word in words:
            for hit in re.finditer(rf"\b{re.escape(match_form(word))}\b", form):
                gap = distance(hit.start(), hit.end(), span)
                if best is None or gap < best[0]:
                    best = (gap, name)
    return None if best is None else best[1]


def _speaker(source: Source, sentence: Sentence, position: int) -> tuple[str | None, SpeakerKind | None]:
    named = named_speaker(source.text, sentence, position)
    if named:
        return named, "named"
    outlet = source.meta.outlet
    return (outlet, "outlet") if outlet else (None, None)


def build_mention(rule_id: str, scopes: dict[str, list[str]], source: Source, sentence: Sentence,
                  span: tuple[int, int], **fields: object) -> Mention:
    """The mention of a statement whose value or phrase stands at `span` (sentence offsets)."""
    position = sentence.start + span[0]
    speaker, kind = _speaker(source, sentence, position)
    meta = source.meta
    return Mention(
        rule=rule_id, source=source.name, line=sentence.line, start=sentence.start, end=sentence.end,
        sentence=sentence.text, span_start=position, span_end=sentence.start + span[1],
        speaker=speaker, speaker_kind=kind, scope=scope_of(scopes, match_form(sentence.text), span),
        outlet=meta.outlet, published=meta.published, title=meta.title, url=meta.url,
        **fields,  # type: ignore[arg-type]
    )
