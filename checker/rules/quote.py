"""`type: quote` — a remark quoted across sources, which should be quoted alike and of the same person.

A sentence with the `about` words that holds a quotation (of four words or more) is a statement:
the quoted words and whom the text attributes them to. Quotations are compared after the
conventions an editor accepts — capitalisation, punctuation, brackets for inserted or changed
letters ("[W]e"), an ellipsis or a bracketed phrase for a cut — so those never make a finding.
Two quotations of one remark whose words still differ are an **altered quotation**; the same
words attributed to different people are a **misattribution**. Both are contradictions, shown with
the differing words highlighted. Quotations of unrelated remarks that share the about words are
not compared. Quotations are not compared per as-of period.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from checker.extract import build_mention, distance
from checker.extract.quotations import (
    GAP, Quotation, comparable_words, differing_words, quotations, same_remark, same_speaker, same_words)
from checker.models import Highlight, Mention, PhraseMatch, Reason, Sentence, Source, Version
from checker.rules.base import Outcome, RuleBase

SHOWN_WORDS = 12


def describe_quote(text: str) -> str:
    words = text.split()
    return "“" + " ".join(words[:SHOWN_WORDS]) + ("…" if len(words) > SHOWN_WORDS else "") + "”"


def quote_mention(rule_id: str, source: Source, sentence: Sentence, quote: Quotation) -> Mention:
    """The statement a quotation makes: its words, and whom the text gives them to."""
    span = (max(quote.start, sentence.start) - sentence.start, min(quote.end, sentence.end) - sentence.start)
    mention = build_mention(rule_id, {}, source, sentence, span, value=quote.text)
    said = describe_quote(quote.text) + (f" — {mention.speaker}" if mention.speaker_kind == "named" else "")
    # the quotation's own offsets, which may run past the sentence: highlights index into them
    return mention.model_copy(update={"span_start": quote.start, "span_end": quote.end, "statement": said})


def quote_key(words: list[str], speaker: str | None) -> str:
    """The words and who says them, by the speaker's last word: "Mayor Tom Hale" and "Hale" are one person."""
    last = (speaker or "").lower().split()
    return " ".join(words) + "|" + (last[-1] if last else "")


def compare_quotes(a: Version, b: Version) -> tuple[Outcome, list[Reason]]:
    """Altered when one remark is worded differently; misattributed when its words are given to another."""
    words_a, words_b = comparable_words(str(a.value)), comparable_words(str(b.value))
    speaker_a, speaker_b = a.mentions[0].speaker, b.mentions[0].speaker
    if not same_remark(words_a, words_b):
        return "compatible", []
    reasons: list[Reason] = [] if same_words(words_a, words_b) else ["altered-quote"]
    if not same_speaker(speaker_a, speaker_b):
        reasons.append("misattributed")
    return ("clash" if reasons else "same"), reasons


def quote_highlights(a: Version, b: Version) -> list[Highlight]:
    """The words each side's quotations have that the other side's lack."""
    marks: list[Highlight] = []
    first_a, first_b = a.mentions[0], b.mentions[0]
    for mention, other in [*((m, first_b) for m in a.mentions), *((m, first_a) for m in b.mentions)]:
        mine, _ = differing_words(str(mention.value), str(other.value))
        marks += [Highlight(source=mention.source, start=mention.span_start + s, end=mention.span_start + e)
                  for s, e in mine]
    return marks


class QuoteRule(RuleBase):
    """A remark someone made.

    Fields:
      speaker: who made the remark (Flores), shown with the rule; quotations of the remark attributed
        to someone else are flagged misattributed against those that name the speaker.
    """

    type: Literal["quote"]
    speaker: str | None = None

    timed: ClassVar[bool] = False
    all_pairs: ClassVar[bool] = False
    reports: ClassVar[frozenset[str]] = frozenset({"value", "speaker"})
    sample: ClassVar[dict[str, Any]] = {
        "title": "The mayor on the library",
        "about": ["library"], "phrases": [], "speaker": "the mayor",
        "examples": [
            {"text": '"We will keep the library open all summer," the mayor said.',
             "expect": {"value": "We will keep the library open all summer,", "speaker": "mayor"}},
            {"text": "The library opened in May.", "expect": "none"},
        ],
    }

    def read(self, source: Source, sentence: Sentence, match: PhraseMatch) -> Mention | None:
        found = quotations(source.text, sentence.paragraph_start, sentence.paragraph_end)
        here = [q for q in found if q.start < sentence.end and sentence.start < q.end]
        near = (sentence.start + match.start, sentence.start + match.end)
        quote = min(here, key=lambda q: distance(q.start, q.end, near), default=None)
        return None if quote is None else quote_mention(self.id, source, sentence, quote)

    def canonical(self, mention: Mention) -> str:
        return quote_key(comparable_words(str(mention.value)), mention.speaker)

    def compare(self, a: Version, b: Version) -> tuple[Outcome, list[Reason]]:
        return compare_quotes(a, b)

    def order(self, version: Version) -> float:
        """The most cited quotation first."""
        return -float(len(version.sources))

    def weight(self, version: Version) -> tuple[float, ...]:
        """Between quotations equally cited and agreed with: the rule's speaker's, then uncut words."""
        speaker = version.mentions[0].speaker
        named = bool(self.speaker and speaker and same_speaker(self.speaker, speaker))
        return (float(named), float(GAP not in comparable_words(str(version.value))), float(len(str(version.value))))

    def highlights(self, a: Version, b: Version) -> list[Highlight]:
        return quote_highlights(a, b)
