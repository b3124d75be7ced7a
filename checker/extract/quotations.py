"""Quotations: the quoted words of a passage, as a reader compares them across sources.

Quoted words are compared after the conventions a careful editor accepts: capitalisation and
punctuation do not count, brackets mark inserted or changed letters ("[W]e" is "We"; a
bracketed phrase stands for words left out or replaced), and an ellipsis marks a cut. So
"[W]e need to ... act" is the same remark as "We need to take time and act"; "we need to take X
away" is an altered version of "we need to take away X".
"""

from __future__ import annotations

import difflib
import re

from pydantic import BaseModel
from rapidfuzz import fuzz

from checker.extract.attribution import QUOTES as QUOTE_MARKS

GAP = "…"
"""The word that stands for a cut: an ellipsis, or a bracketed phrase."""
MIN_WORDS = 4
"""Shorter quoted words are titles or scare quotes ("zero tolerance"), not remarks."""
SAME_REMARK = 85
"""rapidfuzz ratio (of the words, or of the words sorted) at which two quotations are one remark, altered."""
_BRACKETED = re.compile(r"\[([^\[\]]{0,60})\]")
_ELLIPSIS = re.compile(r"\.\s?\.\s?\.|…")
_WORD = re.compile(r"[\w']+|" + GAP)


class Quotation(BaseModel):
    """Quoted words: where they stand (offsets of the words, without the marks) and their comparable form."""

    start: int
    end: int
    text: str
    words: list[str]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Pairs of double quotes in a passage, as (open, close) offsets; one pass over the text."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for match in re.finditer(f"[{QUOTE_MARKS}]", text):
        i, ch = match.start(), match.group(0)
        if ch == "“" or (ch == '"' and opened is None):
            opened = i
        elif opened is not None:
            spans.append((opened, i))
            opened = None
    return spans


def comparable_words(quoted: str) -> list[str]:
    """The words as compared: lower case, no punctuation, a bracketed letter kept, a bracketed phrase or
    an ellipsis a gap."""
    def bracket(match: re.Match[str]) -> str:
        inside = match.group(1)
        return inside if len(inside) <= 2 and inside.isalpha() else f" {GAP} "

    text = _BRACKETED.sub(bracket, quoted.replace("’", "'"))
    text = _ELLIPSIS.sub(f" {GAP} ", text)
    words = [w.lower().strip("'") for w in _WORD.findall(text)]
    collapsed: list[str] = []
    for word in words:
        if word and not (word == GAP and collapsed and collapsed[-1] == GAP):
            collapsed.append(word)
    return collapsed


def quotations(text: str, start: int = 0, end: int | None = None) -> list[Quotation]:
    """Every quotation of at least MIN_WORDS words in `text[start:end]`, offsets into `text`."""
    end = len(text) if end is None else end
    found = []
    for q_open, q_close in quote_spans(text[start:end]):
        inner = text[start + q_open + 1:start + q_close]
        words = comparable_words(inner)
        if len([w for w in words if w != GAP]) >= MIN_WORDS:
            found.append(Quotation(start=start + q_open + 1, end=start + q_close, text=inner, words=words))
    return found


def _in_order(pieces: list[list[str]], words: list[str]) -> bool:
    """Whether each piece occurs in `words`, whole and in order."""
    at = 0
    for piece in pieces:
        size = len(piece)
        while at + size <= len(words) and words[at:at + size] != piece:
            at += 1
        if at + size > len(words):
            return False
        at += size
    return True


def _pieces(words: list[str]) -> list[list[str]]:
    pieces: list[list[str]] = [[]]
    for word in words:
        if word == GAP:
            pieces.append([])
        else:
            pieces[-1].append(word)
    return [p for p in pieces if p]


def same_words(a: list[str], b: list[str]) -> bool:
    """Whether two quotations say the same words: a cut or a bracketed phrase in one stands for any words,
    and a fragment quoted whole is the same words as the remark it is part of."""
    if a == b:
        return True
    plain_a, plain_b = [w for w in a if w != GAP], [w for w in b if w != GAP]
    return _in_order(_pieces(a), plain_b) or _in_order(_pieces(b), plain_a)


def same_remark(a: list[str], b: list[str]) -> bool:
    """Whether two quotations are one remark, word for word or altered: the same words, or nearly the same
    words (reordered, a few changed) at nearly the same length."""
    if same_words(a, b):
        return True
    plain_a, plain_b = [w for w in a if w != GAP], [w for w in b if w != GAP]
    if not plain_a or not plain_b or min(len(plain_a), len(plain_b)) / max(len(plain_a), len(plain_b)) < 0.6:
        return False
    text_a, text_b = " ".join(plain_a), " ".join(plain_b)
    return fuzz.token_sort_ratio(text_a, text_b) >= SAME_REMARK or fuzz.ratio(text_a, text_b) >= SAME_REMARK


def differing_words(a: str, b: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The spans (offsets into `a` and `b`) of the words one quotation has and the other lacks or moves."""
    def spans(text: str) -> list[tuple[str, int, int]]:
        return [(m.group(0).lower(), m.start(), m.end()) for m in re.finditer(r"[\w']+", text)]

    words_a, words_b = spans(a), spans(b)
    matcher = difflib.SequenceMatcher(a=[w for w, _, _ in words_a], b=[w for w, _, _ in words_b], autojunk=False)
    marks_a: list[tuple[int, int]] = []
    marks_b: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        marks_a += [(s, e) for _, s, e in words_a[i1:i2]]
        marks_b += [(s, e) for _, s, e in words_b[j1:j2]]
    return marks_a, marks_b


def same_speaker(a: str | None, b: str | None) -> bool:
    """Whether two attributions name one person ("Flores" and "Sarah Isgur Flores"); unknown agrees."""
    if not a or not b:
        return True
    x, y = a.lower(), b.lower()
    return x == y or x in y or y in x or fuzz.token_set_ratio(x, y) >= 90
