"""Finding the sentences that speak about each rule's claim.

Raw text is scanned once, with one RE2 expression holding every rule's keywords; only the
paragraphs that hold a keyword are segmented into sentences, and each of their sentences is
scored only against the rules whose keywords it holds. Nothing is scored against every rule.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

import re2
from pydantic import BaseModel
from rapidfuzz import fuzz

from checker.extract.numbers import IRREGULAR_PLURALS
from checker.models import Mention, PhraseMatch, Sentence, Source, SourceMeta
from checker.rules import Rule
from checker.rules.base import RE2_OPTIONS
from checker.text import blocks, line_starts, match_form, paragraph_bounds, sentences

_SUFFIXES = ("ations", "ation", "ions", "ion", "ies", "ing", "ed", "es", "s", "y")
_WORD = re.compile(r"[\w']+")
WORD_SIMILARITY = 80
_ALIGN_WORD = re.compile(r"[^\s\"(),;:.!?]+")


def stem(word: str) -> str:
    """A crude stem: enough to let "separated" find "separation" and "parent" find "parents"."""
    word = word.lower()
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    # "prosecute" must find "prosecuting" and "prosecution" too.
    return word[:-1] if word.endswith("e") and len(word) >= 6 else word


class KeywordIndex:
    """One compiled scan for all rules' keywords, and which rules each keyword stem serves.

    The stems go into as few RE2 programs as hold them: each program is capped at
    `MAX_PROGRAM_CHARS` of alternatives, so thousands of rules or very long phrases make several
    programs rather than one RE2 cannot build, and RE2 logs nothing to standard error.
    """

    MAX_PROGRAM_CHARS = 20_000
    MAX_MEM = 256 << 20

    def __init__(self, rules: Iterable[Rule]):
        self.rules = {rule.id: rule for rule in rules}
        self.by_stem: dict[str, set[str]] = defaultdict(set)
        for rule in self.rules.values():
            for keyword in rule.keywords():
                for word in _WORD.findall(match_form(keyword)):
                    self.by_stem[stem(word)].add(rule.id)
        self.lengths = sorted({len(s) for s in self.by_stem}, reverse=True)
        options = re2.Options()
        options.log_errors = False
        options.max_mem = self.MAX_MEM
        self.patterns = []
        group: list[str] = []
        size = 0
        for word in sorted(self.by_stem, key=len, reverse=True):
            escaped = re2.escape(word)
            if group and size + len(escaped) > self.MAX_PROGRAM_CHARS:
                self.patterns.append(self._compile(group, options))
                group, size = [], 0
            group.append(escaped)
            size += len(escaped) + 1
        if group:
            self.patterns.append(self._compile(group, options))
        self.pattern = self.patterns[0] if len(self.patterns) == 1 else None

    @staticmethod
    def _compile(alternatives: list[str], options: re2.Options) -> re2._Regexp:
        return re2.compile(rf"(?i)\b(?:{'|'.join(alternatives)})\w*", options)

    def rules_for(self, word: str) -> set[str]:
        word = word.lower()
        found: set[str] = set()
        for length in self.lengths:
            found |= self.by_stem.get(word[:length], set())
        return found

    def _hits(self, form: str) -> Iterable[tuple[int, str]]:
        """(offset, word) of every keyword hit, in text order, over all programs."""
        if len(self.patterns) == 1:
            return ((hit.start(), hit.group(0)) for hit in self.patterns[0].finditer(form))
        found: dict[int, str] = {}
        for pattern in self.patterns:
            for hit in pattern.finditer(form):
                if len(hit.group(0)) > len(found.get(hit.start(), "")):
                    found[hit.start()] = hit.group(0)
        return sorted(found.items())

    def passages(self, text: str) -> dict[tuple[int, int], set[str]]:
        """Paragraphs holding any keyword, with the rules whose keywords they hold.

        A paragraph longer than `checker.text.MAX_PARAGRAPH` counts as its pieces (`blocks`), each a
        passage of its own. The scan reads the match form, so curly apostrophes and hyphens in the
        text meet the keywords as straight apostrophes and spaces; offsets are the same as in `text`.
        """
        result: dict[tuple[int, int], set[str]] = defaultdict(set)
        if not self.patterns:
            return result
        paragraph = bounds = (-1, -1)
        pieces: list[tuple[int, int]] = []
        piece_starts: list[int] = []
        known: dict[str, set[str]] = {}
        for at, word in self._hits(match_form(text)):
            if not bounds[0] <= at < bounds[1]:
                if not paragraph[0] <= at < paragraph[1]:
                    paragraph = paragraph_bounds(text, at)
                    pieces = blocks(text, *paragraph)
                    piece_starts = [p[0] for p in pieces]
                bounds = pieces[max(bisect.bisect_right(piece_starts, at) - 1, 0)]
            rules = known.get(word)
            if rules is None:
                rules = known[word] = self.rules_for(word)
            result[bounds] |= rules
        return result


def _has_word(words: set[str], sentence_form: str, term: str) -> bool:
    """Every word of `term` occurs in the sentence (by stem), or the term matches it as a phrase."""
    term_form = match_form(term)
    parts = _WORD.findall(term_form)
    stems = [stem(p) for p in parts]
    if all(any(w.startswith(s) for w in words) for s in stems):
        return True
    return len(parts) > 1 and fuzz.partial_ratio(term_form, sentence_form) >= 90


def align(phrase_form: str, form: str, threshold: int) -> tuple[float, int, int] | None:
    """Where `phrase_form` best matches `form`, word by word: (score, start, end) or None.

    The score of a window of the sentence's words is how much of the phrase (by characters) it
    covers with fuzzily equal words (rapidfuzz ratio >= 80). Windows as long as the phrase or up
    to three words longer are tried, so extra words inside ("the administration's plans") are
    forgiven but a missing distinctive word is not. The span covers whole words, which the
    stance logic relies on.
    """
    words = [(m.start(), m.end()) for m in _ALIGN_WORD.finditer(form)]
    phrase_words = _ALIGN_WORD.findall(phrase_form)
    if not words or not phrase_words or fuzz.partial_ratio(phrase_form, form) < min(threshold, 60):
        return None
    texts = [form[s:e] for s, e in words]
    weights = [len(w) for w in phrase_words]
    total = sum(weights)
    similar = [[fuzz.ratio(p, t, score_cutoff=WORD_SIMILARITY) / 100 for t in texts] for p in phrase_words]
    size = len(phrase_words)
    best: tuple[float, int, int, int] | None = None
    for width in range(min(size, len(words)), min(size + 4, len(words) + 1)):
        for first in range(len(words) - width + 1):
            cover = sum(w * max(row[first:first + width]) for w, row in zip(weights, similar))
            score = 100 * cover / total
            if score >= threshold and (best is None or score > best[0]):
                best = (score, width, words[first][0], words[first + width - 1][1])
    return None if best is None else (best[0], best[2], best[3])


def _best_phrase(rule: Rule, form: str, threshold: int) -> PhraseMatch | None:
    """The span of the best-matching phrase in `form`, with its polarity for stance rules."""
    candidates = rule.phrase_candidates()
    best: tuple[float, int] | None = None
    found_match: PhraseMatch | None = None
    for phrase, polarity in candidates:
        phrase_form = match_form(phrase)
        found = align(phrase_form, form, threshold)
        if found is None:
            continue
        if best is None or (found[0], len(phrase_form)) > best:
            best = (found[0], len(phrase_form))
            found_match = PhraseMatch(start=found[1], end=found[2], phrase=phrase, polarity=polarity)
    if found_match is None:
        for pattern in rule.patterns:
            hit = _compiled(pattern).search(form)
            if hit:
                return PhraseMatch(start=hit.start(), end=hit.end())
    return found_match


@functools.lru_cache(maxsize=1024)
def _compiled(pattern: str) -> re2._Regexp:
    """A rule's RE2 pattern, compiled once and case-insensitive like the rest of matching."""
    return re2.compile("(?i)" + pattern, RE2_OPTIONS)


class SentenceCheck(BaseModel):
    """How a sentence fared against a rule: the match, or the first step that ruled it out."""

    matched: PhraseMatch | None = None
    missing: list[str] = []
    """about words the sentence lacks"""
    excluded_by: str | None = None
    """the exclude phrase that removed it"""


def check_sentence(rule: Rule, sentence: Sentence) -> SentenceCheck:
    """Match `sentence` against the rule step by step: about words, exclude phrases, then phrases."""
    form = match_form(sentence.text)
    words = set(_WORD.findall(form))
    missing = [term for term in rule.about if not _has_word(words, form, term)]
    if missing:
        return SentenceCheck(missing=missing)
    excluded = next((t for t in rule.exclude if fuzz.partial_ratio(match_form(t), form) >= rule.threshold), None)
    if excluded is not None:
        return SentenceCheck(excluded_by=excluded)
    if not (rule.phrase_candidates() or rule.patterns):
        return SentenceCheck(matched=PhraseMatch(start=0, end=len(form)))
    return SentenceCheck(matched=_best_phrase(rule, form, rule.threshold))


def match_sentence(rule: Rule, sentence: Sentence) -> PhraseMatch | None:
    """Whether `sentence` is about the rule's claim: the matched span (sentence offsets) and polarity."""
    return check_sentence(rule, sentence).matched


@functools.lru_cache(maxsize=4096)
def _word_start(word_stem: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w']){re.escape(word_stem)}")


@functools.lru_cache(maxsize=4096)
def _required_stems(term: str) -> tuple[str, ...]:
    """The stems a passage must hold for `term` to occur in one of its sentences: a one-word term's
    stem; nothing for a longer one, which may also match fuzzily."""
    parts = _WORD.findall(match_form(term))
    return (stem(parts[0]),) if len(parts) == 1 else ()


def may_match(rule: Rule, passage_form: str) -> bool:
    """Whether a passage can hold a sentence with all of the rule's about words: if not, it is never
    segmented for the rule (a one-word about term must start a word of the passage)."""
    return all(_word_start(s).search(passage_form) for term in rule.about for s in _required_stems(term))


def match_source(source: Source, index: KeywordIndex) -> list[Mention]:
    """Every mention of every rule in one source, in text order. A passage is segmented only when a
    rule can match in it (`may_match`), and each sentence is tried only with those rules."""
    mentions: list[Mention] = []
    starts: list[int] | None = None
    for (start, end), found in sorted(index.passages(source.text).items()):
        if end <= source.body_start:
            continue
        form = match_form(source.text[start:end])
        rule_ids = [rule_id for rule_id in sorted(found) if may_match(index.rules[rule_id], form)]
        if not rule_ids:
            continue
        starts = starts or line_starts(source.text)
        for sentence in sentences(source.text, max(start, source.body_start), end, starts):
            for rule_id in rule_ids:
                rule = index.rules[rule_id]
                matched = match_sentence(rule, sentence)
                if matched is None:
                    continue
                mention = rule.read(source, sentence, matched)
                if mention is not None:
                    mentions.append(mention)
    return mentions


def mentions_in_text(rule: Rule, text: str, published: date | None = None, outlet: str | None = None,
                     name: str = "<example>") -> list[Mention]:
    """The mentions one rule finds in a piece of text: what `checker rules test` checks examples with."""
    source = Source(name=name, path=name, text=text, meta=SourceMeta(outlet=outlet, published=published))
    return match_source(source, KeywordIndex([rule]))
