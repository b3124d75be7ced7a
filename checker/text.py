"""Plain-text helpers every stage shares: the match form, line numbers, paragraphs, sentences.

Nothing here knows about rules or sources; offsets always index into the text given.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

import syntok.segmenter as segmenter

from checker.models import Sentence

_FOLD = str.maketrans({"İ": "i", "ı": "i"})


def folded(written: str) -> str:
    """Words as a table of words spells them, whatever case a case-blind pattern matched them in
    ("Tens of  thousands", "thouſands", "fırst"): `re.IGNORECASE` takes ſ for s and ı, İ for i."""
    return " ".join(written.translate(_FOLD).casefold().split())

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
SENTENCES_KEPT = 64
"""Readings kept for the next rule that asks (a sentence's dates, its figures for a set of units, the
speaker at a place in it): the rules matching a sentence read it in turn."""
_SEGMENT_WINDOW = 4 * MAX_SENTENCE
"""Characters given to syntok at once: a longer line is segmented window by window."""


def paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    """The blank-line-delimited paragraph around `offset` (whatever its length; see `blocks`)."""
    start = text.rfind("\n\n", 0, offset)
    start = 0 if start == -1 else start + 2
    end = text.find("\n\n", offset)
    return start, len(text) if end == -1 else end


def previous_paragraph(text: str, start: int) -> tuple[int, int] | None:
    """The paragraph before the one starting at `start`, blank lines between passed over; None at the top."""
    end = len(text[:start].rstrip())
    if end == 0:
        return None
    before = text.rfind("\n\n", 0, end)
    return 0 if before == -1 else before + 2, end


def only_paragraphs(text: str, offsets: frozenset[int]) -> str:
    """`text` with every paragraph blanked (spaces; line breaks kept, so offsets and lines stay) but
    those holding one of `offsets` and the one before each, which is all a statement there is read
    from (the one before: who "he said" stands for): they read exactly as in the whole text. The one
    before is context only: its own statements are not (`in_paragraphs`), as what they are read
    from may be blanked."""
    kept: list[tuple[int, int]] = []
    for at in sorted(offsets):
        if kept and at < kept[-1][1]:
            continue
        start, end = paragraph_bounds(text, at)
        before = previous_paragraph(text, start)
        kept.append((start if before is None else before[0], end))
    pieces: list[str] = []
    done = 0
    for start, end in kept:
        pieces += [_blank(text[done:max(done, start)]), text[max(done, start):end]]
        done = max(done, end)
    pieces.append(_blank(text[done:]))
    return "".join(pieces)


def in_paragraphs(text: str, at: int, offsets: frozenset[int]) -> bool:
    """Whether the paragraph around `at` holds one of `offsets`: a statement `only_paragraphs` reads."""
    start, end = paragraph_bounds(text, at)
    return any(start <= offset < end for offset in offsets)


def _blank(text: str) -> str:
    return "\n".join(" " * len(line) for line in text.split("\n"))


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
"""Lines made only of these characters are candidates for the fast path."""
_ENDS = re.compile(r"[.!?]+")
_LAST_WORD = re.compile(r"(\w+)$")
_CLOSING_QUOTES = frozenset("\"”'’")
_OPENING_QUOTES = frozenset("\"“'‘")
_BRACKETS = re.compile(r"[()]")
_DECIMAL_END = re.compile(r"\d\.$")
_FIRST_WORD = re.compile(r"\w+")
_JOINERS = frozenset(("-", "—", "–", "/"))
_WORD_OPENERS = frozenset(("", " ", "$", "\"", "“", "'", "‘", "(")) | _JOINERS
_ROMAN = re.compile(r"[IVXLCDM]+")
_START = re.compile(r"\s*[A-Za-z0-9$\"“'‘]")
_SYNTOK_SPLITS = re.compile(r';\s*[^a-z\s]|\)\s*[^a-z\s,.;:!?)]|\((?<=\S\()|\([^A-Za-z0-9$]|\)(?<=[^\w%]\))|%\w'
                            r'|\$(?<=[^\s(“"‘]\$)|"(?<=[^\s(\[“"‘]")\w')
"""Where syntok also ends a sentence (a semicolon or closing bracket before anything but a lower-case word)
or may (a bracket not opening a word)."""
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr no vs gen gov sen rep inc co corp ltd jan feb mar apr jun jul aug sep sept oct nov dec "
    "mt ft lt col sgt capt prof rev est fig vol op al etc".split())
"""Words a period may follow without ending a sentence: a plain line holding one goes to syntok."""


def _brackets_close(chunk: str) -> bool:
    """Whether every "(" of `chunk` is closed before the next one opens (syntok splits before an
    unclosed bracket)."""
    depth = 0
    for mark in _BRACKETS.finditer(chunk):
        depth += 1 if mark.group(0) == "(" else -1
        if depth not in (0, 1):
            return False
    return depth == 0


def plain_sentences(chunk: str) -> list[tuple[int, int]] | None:
    """The sentences of a plain line, as syntok would give them, or None when the line is not plain.

    A line is plain when it starts with a word, a figure or an opening quote, holds only letters,
    digits, spaces and ordinary punctuation with its brackets closed, and every run of `.`, `!` or
    `?` but a decimal point ends a whole word (not "U.S.", not a single letter, an abbreviation, a
    roman numeral or a decimal figure), may be followed by one closing quote, and then by the
    line's end or a capitalised word, perhaps after an opening quote. Such a line splits after each
    run and its closing quote; syntok gives the same sentences (tests/test_text_fast.py compares
    the two on generated, fuzzed and real text), several times slower.
    """
    if (not _PLAIN.fullmatch(chunk) or not _START.match(chunk) or not _brackets_close(chunk)
            or _SYNTOK_SPLITS.search(chunk)):
        return None
    spans: list[tuple[int, int]] = []
    start = len(chunk) - len(chunk.lstrip())
    for run in _ENDS.finditer(chunk):
        end = run.end()
        if run.group(0) == "." and chunk[end:end + 1].isdigit() and chunk[run.start() - 1:run.start()].isdigit():
            continue  # a decimal point, as in "$32.8 million"
        if chunk[end:end + 1] in _CLOSING_QUOTES:
            end += 1
        rest = chunk[end:]
        if rest[:1].strip():
            return None  # a period inside a token
        before = chunk[run.start() - 1:run.start()]
        if before == "%":
            pass  # "rose 5%." ends like a word
        elif not before.isalnum():
            return None  # "left ." or "no". ": syntok's call
        else:
            found = _LAST_WORD.search(chunk, 0, run.start())
            assert found is not None  # the character before the run is a word's
            word, at = found.group(1), found.start()
            if len(word) == 1 or not (word.islower() or word.istitle() or word.isupper() or word.isdigit()):
                return None  # "J." or "x?", and mixed case as in "iPhone.": syntok's call
            if _DECIMAL_END.match(chunk, max(at - 2, 0), at):
                return None  # after "$2.25" syntok does not always end the sentence
            opener = chunk[at - 1:at]
            if opener not in _WORD_OPENERS or (opener in _JOINERS and not chunk[at - 2:at - 1].isalpha()):
                return None  # the end of a longer token, as in "5%The." or "1.5%-rise?"
            if _ROMAN.fullmatch(word):
                return None  # "World War II." does not end a sentence for syntok
            if "." in run.group(0) and word.lower() in ABBREVIATIONS:
                return None
        following = rest.lstrip()
        if following:
            next_word = _FIRST_WORD.match(following, 1 if following[0] in _OPENING_QUOTES else 0)
            if next_word is None or not next_word.group(0)[0].isupper() or not next_word.group(0).isalpha():
                return None  # syntok's call
        spans.append((start, end))
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
    paragraph = None
    at = start if len(text) - start > MAX_PARAGRAPH else len(text)  # a short text has no long paragraph
    while paragraph is None and at < len(text):
        end = text.find("\n\n", at)
        end = len(text) if end == -1 else end
        if end - at > MAX_PARAGRAPH:
            paragraph = (at, end - at)
        at = end + 2
    for line_start, line_end in _long_lines(text, start):
        last = line_start
        for mark in _SENTENCE_END.finditer(text, line_start, line_end):
            if mark.start() - last > MAX_SENTENCE:
                return paragraph, (last, mark.start() - last)
            last = mark.end()
        if line_end - last > MAX_SENTENCE:
            return paragraph, (last, line_end - last)
    return paragraph, None


def _long_lines(text: str, start: int) -> Iterator[tuple[int, int]]:
    """The lines from `start` on longer than `MAX_SENTENCE`: the only ones that can hold a stretch
    too long for one sentence (found by the regex engine, not by a loop over every line)."""
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    if end - start > MAX_SENTENCE:
        yield start, end
    for line in _LONG_LINE.finditer(text, end):
        line_end = text.find("\n", line.start())
        yield line.start(), len(text) if line_end == -1 else line_end


_SENTENCE_END = re.compile(r"[.!?\n]+")
_LONG_LINE = re.compile(rf"^[^\n]{{{MAX_SENTENCE + 1}}}", re.MULTILINE)
_TERMINAL = re.compile(r"[.!?]")
