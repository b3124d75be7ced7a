"""Plain-text helpers every stage shares: the match form, line numbers, paragraphs, sentences.

Nothing here knows about rules or sources; offsets always index into the text given.
"""

from __future__ import annotations

import bisect

import syntok.segmenter as segmenter

from checker.models import Sentence

# One-to-one replacements, so that matching sees curly and straight quotes alike without
# shifting any offset. Applied with str.replace: str.translate with a mapping goes character by
# character in Python's slow path once a text holds any non-ASCII character.
_MATCH_REPLACEMENTS = tuple({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "-": " ", "\u2010": " ", "\u2011": " ", "\u2012": " ", "\u2013": " ", "\u2014": " ",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
}.items())


def match_form(text: str) -> str:
    """Text as matching sees it: lower case, straight quotes, hyphens as spaces; same length and offsets."""
    folded = text
    for old, new in _MATCH_REPLACEMENTS:
        if old in folded:
            folded = folded.replace(old, new)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    # "İ".lower() is "i" plus a combining dot: keep the "i" so that offsets do not move.
    return "".join(c.lower()[0] for c in folded)


def line_starts(text: str) -> list[int]:
    """Offsets at which each line starts, for turning offsets into 1-based line numbers."""
    starts = [0]
    find = text.find
    pos = find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts


def line_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset)


def paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    """The blank-line-delimited paragraph around `offset`."""
    start = text.rfind("\n\n", 0, offset)
    start = 0 if start == -1 else start + 2
    end = text.find("\n\n", offset)
    return start, len(text) if end == -1 else end


def sentences(text: str, start: int, end: int, starts: list[int]) -> list[Sentence]:
    """Split `text[start:end]` into sentences with offsets into `text`.

    syntok handles abbreviations ("U.S.") and quotes; a line break also ends a sentence, since
    headlines, captions and list items stand on lines of their own.
    """
    result: list[Sentence] = []
    line_start = start
    while line_start < end:
        line_end = text.find("\n", line_start, end)
        if line_end == -1:
            line_end = end
        chunk = text[line_start:line_end]
        if chunk.strip():
            for paragraph in segmenter.analyze(chunk):
                for tokens in paragraph:
                    if not tokens:
                        continue
                    s = line_start + tokens[0].offset
                    e = line_start + tokens[-1].offset + len(tokens[-1].value)
                    result.append(Sentence(start=s, end=e, line=line_of(starts, s),
                                           paragraph_start=start, paragraph_end=end, text=text[s:e]))
        line_start = line_end + 1
    return result
