"""Who makes a statement.

Quoted words belong to whoever the attribution next to the quote names (`"...," an unnamed
official tells the publication`; `Flores said: "..."`), and a quote without one of its own
belongs to the nearest attributed quote of the same paragraph (a quote running over several
sentences is attributed once). Unquoted sentences name their speaker with "according to X",
"X said that ..." or a trailing ", X said"; "he said" names the nearest fitting speaker of the
paragraph or the one before. Otherwise no one is named, and the outlet speaks.

Each paragraph is read once (quote pairs, named speakers) and kept in a small cache, so that
thousands of statements in one paragraph cost no more than reading it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from checker.extract.quotations import quote_spans
from checker.extract.attribution import (
    ORG_WORDS, VERBS, clean, own_attribution, pronoun_attribution, quote_attribution,
)
from checker.models import Sentence
from checker.text import SENTENCES_KEPT, previous_paragraph

__all__ = ["named_speaker", "speaker_of"]

NEAREST_QUOTES = 40
"""How many quotes either side an unattributed quote looks at for the nearest attributed one."""
_NAMED = re.compile(
    rf"(?:\b(?:[Aa]ccording\s+to|(?:{VERBS}))\s+(?P<after>(?:(?:the|a|an)\s+)?(?:[A-Z][\w.'’-]*\s+){{0,3}}"
    rf"[A-Z][\w.'’-]*)"
    rf"|(?P<before>(?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z][\w.'’-]*|\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z]+\s+){{0,3}}[a-z]+)"
    rf"(?:,[^,\"“”]{{1,80}},)?\s+(?:{VERBS})\b)"
)
"""A speaker named anywhere in a paragraph, for what a later "he said" refers to."""
_PERSON = re.compile(r"(?<![\w.])(?!(?:The|A|An|In|On|At|As|But|And|When|If|After|Before|Since|This|That)\s)"
                     r"[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,2}\b")
"""A person's full name, which "he" or "she" may stand for even when that person spoke no words."""
_SUBJECT = re.compile(r"(?:^|[.!?]\s+)(?:The|A|An)\s+(?P<who>(?:[a-z]+\s+){0,2}?[a-z]+)"
                      r"\s+(?:has|have|had|is|are|was|were|would|will|could|can|\w+ed)\b")
"""The subject of a sentence ("The city would add ..."), which a later "it said" may stand for."""
_QUOTE_PRONOUN = re.compile(rf"^\s*,?\s*(?P<p>he|she|they|it)\s+(?:\w+ly\s+)?(?:{VERBS})\b", re.IGNORECASE)


@dataclass
class _Paragraph:
    """What is read once per paragraph: quote pairs, each quote's attribution when asked, and the
    speakers and persons a pronoun may stand for, when one needs them."""

    text: str
    spans: list[tuple[int, int]]
    opens: list[int]
    attributed: dict[int, str | None] = field(default_factory=dict)

    def attribution(self, i: int) -> str | None:
        if i not in self.attributed:
            self.attributed[i] = quote_attribution(self.text, self.spans[i])
        return self.attributed[i]

    @cached_property
    def named(self) -> list[tuple[int, str]]:
        """Each speaker named in the paragraph, with where."""
        named = []
        for found in _NAMED.finditer(self.text):
            who = clean(found["after"] or found["before"])
            if who:
                named.append((found.start(), who))
        return named

    @cached_property
    def persons(self) -> list[tuple[int, str]]:
        """Each person's full name and sentence subject in the paragraph, with where, in order."""
        persons = [(m.start(), m.group()) for m in _PERSON.finditer(self.text)
                   if not any(w.lower() in ORG_WORDS for w in m.group().split())]
        persons += [(m.start("who"), m["who"]) for m in _SUBJECT.finditer(self.text)]
        return sorted(persons)


@lru_cache(maxsize=16)
def _paragraph(text: str, start: int, end: int) -> _Paragraph:
    paragraph = text[start:end]
    spans = quote_spans(paragraph)
    return _Paragraph(paragraph, spans, [s[0] for s in spans])


def _fits(pronoun: str, who: str) -> bool:
    """Whether a pronoun can stand for a speaker: "he" a person, "it" an institution, "they" either or many."""
    words = who.lower().replace("’", "'").split()
    institution = any(w.strip(".'s") in ORG_WORDS for w in words)
    plural = who[0].islower() and words[-1].endswith("s") and not institution
    if pronoun in ("he", "she"):
        return not institution and not plural
    if pronoun == "it":
        return institution
    return plural or institution


def _previous_paragraph(text: str, sentence: Sentence) -> _Paragraph | None:
    bounds = previous_paragraph(text, sentence.paragraph_start)
    return None if bounds is None else _paragraph(text, *bounds)


def _resolve(text: str, sentence: Sentence, pronoun: str, local: int) -> str | None:
    """The nearest fitting named speaker before `local` in the paragraph, else in the one before;
    failing that, the nearest fitting person or sentence subject named there."""
    index = _paragraph(text, sentence.paragraph_start, sentence.paragraph_end)
    previous = _previous_paragraph(text, sentence)
    for kind in ("named", "persons"):
        here: list[tuple[int, str]] = getattr(index, kind)
        earlier = (here[j] for j in range(bisect.bisect_left(here, (local, "")) - 1, -1, -1))
        for _, who in itertools.chain(earlier, reversed(getattr(previous, kind)) if previous else ()):
            if _fits(pronoun, who):
                return who
    return None


def _quote_speaker(text: str, sentence: Sentence, index: _Paragraph, i: int) -> str | None:
    """Who quote `i` names: its attribution, or the speaker its "she said" stands for."""
    who = index.attribution(i)
    if who is None:
        close = index.spans[i][1]
        pronoun = _QUOTE_PRONOUN.match(index.text[close + 1: close + 40])
        if pronoun:
            who = _resolve(text, sentence, pronoun["p"].lower(), index.spans[i][0])
    return who


def _nearest_attributed(text: str, sentence: Sentence, index: _Paragraph, inside: int) -> str | None:
    """The speaker of quote `inside`, else of the nearest quote around it that names one."""
    left, right = inside - 1, inside + 1
    if (who := _quote_speaker(text, sentence, index, inside)) is not None:
        return who
    origin = index.spans[inside][0]
    for _ in range(2 * NEAREST_QUOTES):
        candidates = [i for i in (left, right) if 0 <= i < len(index.spans) and abs(i - inside) <= NEAREST_QUOTES]
        if not candidates:
            break
        i = min(candidates, key=lambda c: (abs(index.spans[c][0] - origin), index.spans[c][0]))
        if (who := _quote_speaker(text, sentence, index, i)) is not None:
            return who
        left, right = (left - 1, right) if i == left else (left, right + 1)
    return None


_SPOKEN: tuple[str, dict[tuple[int, int, int, int, int], str | None]] = ("", {})
"""The speakers found in the text read last, by sentence and position: the rules reading a sentence
ask in turn. Only that text is held, and it is let go with the next."""


def named_speaker(text: str, sentence: Sentence, position: int) -> str | None:
    """Who says what stands at `position` (an offset into `text`) in `sentence`, when the text names
    someone: a name or a role; None when only the outlet could be said to speak."""
    global _SPOKEN
    held, found = _SPOKEN
    if held is not text:
        found = {}
        _SPOKEN = (text, found)
    key = (sentence.start, sentence.end, sentence.paragraph_start, sentence.paragraph_end, position)
    try:
        return found[key]
    except KeyError:
        if len(found) >= SENTENCES_KEPT:
            found.clear()
        who = found[key] = _named_speaker(text, sentence, position)
        return who


def _named_speaker(text: str, sentence: Sentence, position: int) -> str | None:
    p_start = sentence.paragraph_start
    index = _paragraph(text, p_start, sentence.paragraph_end)
    local = position - p_start
    i = bisect.bisect_left(index.opens, local) - 1
    if i >= 0 and index.spans[i][0] < local < index.spans[i][1]:
        return _nearest_attributed(text, sentence, index, i)
    unquoted = sentence.text
    first = bisect.bisect_left(index.opens, sentence.start - p_start)
    for q_open, q_close in index.spans[first:]:
        if p_start + q_open >= sentence.end:
            break
        if p_start + q_close < sentence.end:
            inner = slice(q_open + p_start - sentence.start, q_close + p_start - sentence.start + 1)
            unquoted = unquoted[: inner.start] + " " * (inner.stop - inner.start) + unquoted[inner.stop:]
    who = own_attribution(unquoted)
    if who is None and (pronoun := pronoun_attribution(unquoted)):
        who = _resolve(text, sentence, pronoun, sentence.start - p_start)
    return who


def speaker_of(text: str, sentence: Sentence, position: int, outlet: str | None) -> str | None:
    """Who says what stands at `position`: the named speaker, else the outlet."""
    return named_speaker(text, sentence, position) or outlet
