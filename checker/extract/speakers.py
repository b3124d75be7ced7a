"""Who makes a statement.

Quoted words belong to whoever the attribution next to the quote names (`"...," an unnamed
official tells the publication`; `Flores said: "..."`), and a quote without one of its own
belongs to the nearest attributed quote of the same paragraph (a quote running over several
sentences is attributed once). Unquoted sentences name their speaker with "according to X",
"X said that ..." or a trailing ", X said"; otherwise the outlet speaks.
"""

from __future__ import annotations

import re

from checker.models import Sentence

VERBS = (
    "said|says|say|told|tells|tell|reported|reports|denied|denies|insisted|insists|noted|notes|continued|"
    "added|adds|stated|states|wrote|writes|claimed|claims|clarified|clarifies|suggested|suggests|showed|shows|"
    "found|finds|announced|announces|argued|argues|explained|explains|confirmed|confirms|acknowledged|"
    "testified|warned|warns|maintained|maintains|asserted|asserts|alleged|alleges|revealed|reveals"
)
_NAME = r"[A-Za-z][\w.'’&-]*"
_NP = rf"(?P<who>{_NAME}(?:\s+{_NAME}){{0,8}}?)"
_ADVERB = r"(?:\s+\w+ly)?(?:\s+(?:had|has|have|also|later|then|quickly))*"
_APPOSITIVE = rf"(?:\s*,\s*(?:a|an|the)\s(?![^,]*\b(?:{VERBS})\b)[^,.;:\"“”]{{1,80}},)?"
"""`Flores, a Justice Department spokeswoman, said`: a description (with no verb of saying) between
the name and its verb; `The report, the OIG said, found` is the OIG speaking, not the report."""
_ACCORDING_TO = r"(?i:according\s+to)"
_ACCORDING_END = r"(?=\s*(?:[,.;]|$|\s+(?:released|published|by|on|in|who|which|that)\b))"
_LEADING = re.compile(rf"^\W*{_NP}{_APPOSITIVE}{_ADVERB}\s+(?:{VERBS})\b")
_TRAILING = re.compile(rf",\s*{_NP}{_ADVERB}\s+(?:{VERBS})\b[^,]*$")
_TRAILING_INVERTED = re.compile(rf",\s*(?:{VERBS})\s+{_NP}\W*$")
_PARENTHETICAL = re.compile(rf",\s*{_NP}{_ADVERB}\s+(?:{VERBS})\s*,")
"""`The policy, officials said, is over` and `..., officials said, adding that ...`."""
_ACCORDING = re.compile(rf"\b{_ACCORDING_TO}\s+{_NP}{_ACCORDING_END}")
_AFTER_QUOTE = re.compile(rf"^\s*,?\s*{_NP}{_APPOSITIVE}{_ADVERB}\s+(?:{VERBS})\b")
_AFTER_QUOTE_INVERTED = re.compile(rf"^\s*,?\s*(?:{VERBS})\s+{_NP}(?=\s*[,.;:]|\s*$)")
_AFTER_QUOTE_ACCORDING = re.compile(rf"^\s*,?\s*{_ACCORDING_TO}\s+{_NP}{_ACCORDING_END}")
_BEFORE_QUOTE = re.compile(rf"{_NP}{_ADVERB}\s+(?:{VERBS})(?:\s+\w+){{0,3}}\s*[,:]?\s*$")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St))(?<!\bMrs)[.;!?]\s")
"""A sentence end before a quote; not the period of an initial or "U.S." or a title ("Dr.")."""

ARTICLES = ("the ", "a ", "an ")
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "who", "which"})
TIME_WORDS = re.compile(
    r"\s+(?:last|this|next|on|earlier|later)?\s*(?:week|month|year|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|today|yesterday)\b.*$", re.IGNORECASE)
_QUOTES = '"“”'


def _clean(who: str) -> str | None:
    who = TIME_WORDS.sub("", who.strip(" ,.;:"))
    lowered = who.lower()
    for article in ARTICLES:
        if lowered.startswith(article):
            who = who[len(article):]
            break
    if not who or who.lower() in PRONOUNS:
        return None
    return who


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Pairs of double quotes in a paragraph, as (open, close) offsets."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for i, ch in enumerate(text):
        if ch not in _QUOTES:
            continue
        if ch == "“" or (ch == '"' and opened is None):
            opened = i
        elif opened is not None:
            spans.append((opened, i))
            opened = None
    return spans


def _quote_attribution(paragraph: str, span: tuple[int, int]) -> str | None:
    """The speaker named right after a quote's close or right before its open."""
    after = paragraph[span[1] + 1: span[1] + 160]
    after = re.split(r"[.;!?]|[" + _QUOTES + "]", after, maxsplit=1)[0]
    for pattern in (_AFTER_QUOTE_ACCORDING, _AFTER_QUOTE, _AFTER_QUOTE_INVERTED):
        found = pattern.match(after)
        if found and (who := _clean(found.group("who"))):
            return who
    before = paragraph[max(0, span[0] - 160): span[0]]
    before = re.split(r"[" + _QUOTES + "]", before)[-1]
    before = _SENTENCE_END.split(before)[-1]
    found = _BEFORE_QUOTE.search(before)
    if found and (who := _clean(found.group("who"))):
        return who
    return None


def _own_attribution(sentence: str) -> str | None:
    """A speaker an unquoted sentence names itself."""
    for pattern in (_ACCORDING, _LEADING, _TRAILING, _PARENTHETICAL, _TRAILING_INVERTED):
        found = pattern.search(sentence)
        if found and (who := _clean(found.group("who"))):
            return who
    return None


def speaker_of(text: str, sentence: Sentence, position: int, outlet: str | None) -> str | None:
    """Who says what stands at `position` (an offset into `text`) in `sentence`."""
    p_start, p_end = sentence.paragraph_start, sentence.paragraph_end
    paragraph = text[p_start:p_end]
    spans = _quote_spans(paragraph)
    local = position - p_start
    inside = next((s for s in spans if s[0] < local < s[1]), None)
    if inside is not None:
        for span in sorted(spans, key=lambda s: (abs(s[0] - inside[0]), s[0])):
            who = _quote_attribution(paragraph, span)
            if who:
                return who
        return outlet
    unquoted = sentence.text
    for q_open, q_close in spans:
        if p_start + q_open >= sentence.start and p_start + q_close < sentence.end:
            inner = slice(q_open + p_start - sentence.start, q_close + p_start - sentence.start + 1)
            unquoted = unquoted[: inner.start] + " " * (inner.stop - inner.start) + unquoted[inner.stop:]
    return _own_attribution(unquoted) or outlet
