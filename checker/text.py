"""Plain-text helpers every stage shares: the match form, line numbers, paragraphs, sentences.

Nothing here knows about rules or sources; offsets always index into the text given.
"""

from __future__ import annotations

import bisect
import re

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


MAX_PARAGRAPH = 50_000
"""Characters of a paragraph read as one: a longer one is read in pieces of at most this size, cut
at a line break, a sentence end or a space, so that the work per statement stays bounded."""
MAX_SENTENCE = 3_000
"""Characters of a sentence: a longer one (a line without a sentence end) is cut at a space."""
_SEGMENT_WINDOW = 4 * MAX_SENTENCE
"""Characters given to syntok at once: a longer line is segmented window by window."""


def paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    """The blank-line-delimited paragraph around `offset` (whatever its length; see `blocks`)."""
    start = text.rfind("\n\n", 0, offset)
    start = 0 if start == -1 else start + 2
    end = text.find("\n\n", offset)
    return start, len(text) if end == -1 else end


def _cut(text: str, start: int, end: int, size: int) -> int:
    """Where to end a piece of `text[start:end]` of at most `size` characters: after the last line
    break, else sentence end, else space in its second half; else at `size` exactly."""
    if end - start <= size:
        return end
    low, high = start + size // 2, start + size
    for mark in ("\n", ". ", "? ", "! ", " "):
        at = text.rfind(mark, low, high)
        if at != -1:
            return at + len(mark)
    return high


def blocks(text: str, start: int, end: int, size: int = MAX_PARAGRAPH) -> list[tuple[int, int]]:
    """`text[start:end]` as consecutive pieces of at most `size` characters (one piece when it fits)."""
    pieces = []
    while start < end:
        cut = _cut(text, start, end, size)
        pieces.append((start, cut))
        start = cut
    return pieces or [(start, end)]


_PLAIN = re.compile(r"[A-Za-z0-9 ,;:'’‘\-—–$%&/.!?\"“”()]*")
"""Lines made only of these characters (a quote or bracket counts only inside a sentence: one next to a
sentence end sends the line to syntok)."""
_ENDS = re.compile(r"[.!?]+")
_LAST_WORD = re.compile(r"(\w+)$")
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr no vs gen gov sen rep inc co corp ltd jan feb mar apr jun jul aug sep sept oct nov dec "
    "mt ft lt col sgt capt prof rev est fig vol op al etc".split())
"""Words a period may follow without ending a sentence: a plain line holding one goes to syntok."""


def plain_sentences(chunk: str) -> list[tuple[int, int]] | None:
    """The sentences of a plain line, as syntok would give them, or None when the line is not plain.

    A line is plain when it holds only letters, digits, spaces and ordinary punctuation, and every
    run of `.`, `!` or `?` ends a word and is followed by the line's end or by a capital (never a
    period inside a word, as in "U.S." or "3.5", never one after a single letter or an
    abbreviation). Such a line splits after each run; syntok gives the same sentences
    (tests/test_text_fast.py compares the two on generated and real text), several times slower.
    """
    if not _PLAIN.fullmatch(chunk):
        return None
    spans: list[tuple[int, int]] = []
    start = len(chunk) - len(chunk.lstrip())
    for run in _ENDS.finditer(chunk):
        rest = chunk[run.end():]
        if rest[:1].strip():
            return None  # a period inside a token
        word = _LAST_WORD.search(chunk, 0, run.start())
        if "." in run.group(0) and (word is None or len(word.group(1)) == 1 or word.group(1).lower() in ABBREVIATIONS):
            return None
        following = rest.lstrip()
        if following and not following[0].isupper():
            return None  # syntok's call
        spans.append((start, run.end()))
        start = len(chunk) - len(following)
    tail = chunk[start:].rstrip()
    if tail:
        spans.append((start, start + len(tail)))
    return spans


def sentences(text: str, start: int, end: int, starts: list[int]) -> list[Sentence]:
    """Split `text[start:end]` into sentences with offsets into `text`.

    syntok handles abbreviations ("U.S.") and quotes; a line break also ends a sentence, since
    headlines, captions and list items stand on lines of their own. A line longer than
    `_SEGMENT_WINDOW` is segmented in windows, and a sentence longer than `MAX_SENTENCE` is cut
    at spaces, so that the work stays linear in the length of the text.
    """
    result: list[Sentence] = []
    line_start = start
    while line_start < end:
        line_end = text.find("\n", line_start, end)
        if line_end == -1:
            line_end = end
        long_line = line_end - line_start > _SEGMENT_WINDOW
        for w_start, w_end in blocks(text, line_start, line_end, _SEGMENT_WINDOW):
            chunk = text[w_start:w_end]
            if not chunk.strip():
                continue
            if long_line and not _TERMINAL.search(chunk):
                # a window of an overlong line with no sentence end is one sentence: syntok would
                # only spend its time finding that out
                lead = len(chunk) - len(chunk.lstrip())
                spans = [(w_start + lead, w_start + len(chunk.rstrip()))]
            elif (plain := plain_sentences(chunk)) is not None:
                spans = [(w_start + s, w_start + e) for s, e in plain]
            else:
                spans = [(w_start + tokens[0].offset, w_start + tokens[-1].offset + len(tokens[-1].value))
                         for paragraph in segmenter.analyze(chunk) for tokens in paragraph if tokens]
            for s, e in spans:
                for piece_start, piece_end in blocks(text, s, e, MAX_SENTENCE):
                    piece_end = len(text[piece_start:piece_end].rstrip()) + piece_start
                    if piece_end > piece_start:
                        # offsets and text made here are valid by construction: no validation per sentence
                        result.append(Sentence.model_construct(
                            start=piece_start, end=piece_end, line=line_of(starts, piece_start),
                            paragraph_start=start, paragraph_end=end, text=text[piece_start:piece_end]))
        line_start = line_end + 1
    return result


def overlong(text: str, start: int = 0) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The first paragraph longer than `MAX_PARAGRAPH` and the first stretch of more than `MAX_SENTENCE`
    characters without a sentence end or line break, each as (offset, length): what will be cut."""
    paragraph = sentence = None
    at = start
    while paragraph is None and at < len(text):
        end = text.find("\n\n", at)
        end = len(text) if end == -1 else end
        if end - at > MAX_PARAGRAPH:
            paragraph = (at, end - at)
        at = end + 2
    last = start
    for mark in _SENTENCE_END.finditer(text, start):
        if mark.start() - last > MAX_SENTENCE:
            sentence = (last, mark.start() - last)
            break
        last = mark.end()
    else:
        if len(text) - last > MAX_SENTENCE:
            sentence = (last, len(text) - last)
    return paragraph, sentence


_SENTENCE_END = re.compile(r"[.!?\n]+")
_TERMINAL = re.compile(r"[.!?]")
