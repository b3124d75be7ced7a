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
from collections.abc import Iterable, Iterator
from datetime import date

import re2
from pydantic import BaseModel
from rapidfuzz import fuzz, process

from checker.extract.numbers import IRREGULAR_PLURALS
from checker.models import Mention, PhraseMatch, Sentence, Source, SourceMeta
from checker.rules import Rule
from checker.rules.base import RE2_OPTIONS
from checker.text import MAX_SENTENCE, blocks, line_starts, match_form, paragraph_bounds, sentences

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

    def _hits(self, form: str) -> Iterable[tuple[int, str | bytes]]:
        """(offset, word) of every keyword hit, in text order, over all programs. An ASCII text is
        scanned as bytes, which RE2 reads without converting each hit's offsets to characters (half
        the time); the words are then bytes."""
        text: str | bytes = form.encode("ascii") if form.isascii() else form
        if len(self.patterns) == 1:
            return ((hit.start(), hit.group(0)) for hit in self.patterns[0].finditer(text))
        found: dict[int, str | bytes] = {}
        for pattern in self.patterns:
            for hit in pattern.finditer(text):
                if hit.start() not in found or len(hit.group(0)) > len(found[hit.start()]):
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
        known: dict[str | bytes, set[str]] = {}
        for at, word in self._hits(match_form(text)):
            if not bounds[0] <= at < bounds[1]:
                if not paragraph[0] <= at < paragraph[1]:
                    paragraph = paragraph_bounds(text, at)
                    pieces = blocks(text, *paragraph)
                    piece_starts = [p[0] for p in pieces]
                bounds = pieces[max(bisect.bisect_right(piece_starts, at) - 1, 0)]
            rules = known.get(word)
            if rules is None:
                rules = known[word] = self.rules_for(word if isinstance(word, str) else word.decode("ascii"))
            result[bounds] |= rules
        return result


@functools.lru_cache(maxsize=4096)
def _term(term: str) -> tuple[str, list[str], list[str]]:
    """A term's match form, its words and their stems: made once per term, not per sentence."""
    term_form = match_form(term)
    parts = _WORD.findall(term_form)
    return term_form, parts, [stem(p) for p in parts]


def _starts_a_word(words: list[str], prefix: str) -> bool:
    """Whether a word of sorted `words` starts with `prefix`: the first word not before it does if any."""
    at = bisect.bisect_left(words, prefix)
    return at < len(words) and words[at].startswith(prefix)


def _begins_a_token(form: str, stem: str) -> bool:
    """Whether a `_WORD` token of `form` starts with `stem` (itself of word characters): a place where
    `form` holds the stem right after a character no token holds. A few `str.find` calls, where
    tokenising a passage that is then checked for one or two stems would cost a regex pass."""
    at = form.find(stem)
    while at != -1:
        if at == 0 or not _WORD.match(form, at - 1):
            return True
        at = form.find(stem, at + 1)
    return False


def _has_word(words: list[str], sentence_form: str, term: str) -> bool:
    """Every word of `term` occurs in the sentence (by stem), or the term matches it as a phrase;
    `words` are the sentence's, sorted."""
    term_form, parts, stems = _term(term)
    if all(_starts_a_word(words, s) for s in stems):
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
    phrase_words = _phrase_words(phrase_form)
    if not words or not phrase_words or fuzz.partial_ratio(phrase_form, form) < min(threshold, 60):
        return None
    texts = [form[s:e] for s, e in words]
    weights = [len(w) for w in phrase_words]
    total = sum(weights)
    # for each phrase word, the sentence words fuzzily equal to it (few): {position: similarity}
    similar = [{at: score / 100 for _, score, at in process.extract(
        p, texts, scorer=fuzz.ratio, score_cutoff=WORD_SIMILARITY, limit=None)} for p in phrase_words]
    if 100 * sum(w * max(row.values(), default=0.0) for w, row in zip(weights, similar)) / total < threshold:
        return None  # no window can do better than every word at its best
    size, count = len(phrase_words), len(words)
    rows = [[row.get(at, 0.0) for at in range(count)] for row in similar]
    hits = sorted({at for row in similar for at in row})
    best: tuple[float, int, int, int] | None = None
    for width in range(min(size, count), min(size + 4, count + 1)):
        # a window holding no similar word scores 0: only those holding one are scored, in order
        starts = sorted({f for at in hits for f in range(max(0, at - width + 1), min(at, count - width) + 1)})
        for first in starts:
            last = first + width
            cover = sum(w * max(row[first:last]) for w, row in zip(weights, rows))
            score = 100 * cover / total
            if score >= threshold and (best is None or score > best[0]):
                best = (score, width, words[first][0], words[last - 1][1])
    return None if best is None else (best[0], best[2], best[3])


def phrase_alignments(rule: Rule, form: str, threshold: int) -> Iterator[tuple[tuple[float, int], PhraseMatch]]:
    """Each of the rule's phrases that matches `form`, with its rank: the score, then the phrase's length
    (the more specific phrase wins a tie). The best is the match; `checker rules test` shows the contest."""
    for phrase, polarity in rule.phrase_candidates():
        phrase_form = _term(phrase)[0]
        found = align(phrase_form, form, threshold)
        if found is not None:
            yield (found[0], len(phrase_form)), PhraseMatch(start=found[1], end=found[2], phrase=phrase,
                                                            polarity=polarity)


def _best_phrase(rule: Rule, form: str, threshold: int) -> PhraseMatch | None:
    """The span of the best-matching phrase in `form`, with its polarity for stance rules."""
    best = max(phrase_alignments(rule, form, threshold), key=lambda ranked: ranked[0], default=None)
    found_match = best[1] if best is not None else None
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
    return _check(rule, form, sorted(set(_WORD.findall(form))))


def _check(rule: Rule, form: str, words: list[str]) -> SentenceCheck:
    """`check_sentence` on a sentence's match form and words, which a caller makes once per sentence."""
    missing = [term for term in rule.about if not _has_word(words, form, term)]
    if missing:
        return SentenceCheck.model_construct(missing=missing, matched=None, excluded_by=None)
    excluded = next((t for t in rule.exclude if fuzz.partial_ratio(_term(t)[0], form) >= rule.threshold), None)
    if excluded is not None:
        return SentenceCheck.model_construct(excluded_by=excluded, matched=None, missing=[])
    if not (rule.phrase_candidates() or rule.patterns):
        return SentenceCheck.model_construct(matched=PhraseMatch(start=0, end=len(form)), missing=[],
                                             excluded_by=None)
    return SentenceCheck.model_construct(matched=_best_phrase(rule, form, rule.threshold), missing=[],
                                         excluded_by=None)


def match_sentence(rule: Rule, sentence: Sentence) -> PhraseMatch | None:
    """Whether `sentence` is about the rule's claim: the matched span (sentence offsets) and polarity."""
    return check_sentence(rule, sentence).matched


@functools.lru_cache(maxsize=4096)
def _required_stems(term: str) -> tuple[str, ...]:
    """The stems a passage must hold for `term` to occur in one of its sentences: a one-word term's
    stem; nothing for a longer one, which may also match fuzzily."""
    parts = _WORD.findall(match_form(term))
    return (stem(parts[0]),) if len(parts) == 1 else ()


def may_match(rule: Rule, passage_form: str, passage_words: PassageWords | None = None) -> bool:
    """Whether a passage can hold a sentence the rule matches: if not, it is never segmented for the
    rule. A one-word about term must start a word of the passage, and (`phrase_bound`) the best any
    sentence of it could score against one of the rule's phrases must reach the threshold."""
    if not all(_begins_a_token(passage_form, s) for term in rule.about for s in _required_stems(term)):
        return False
    if rule.patterns or not rule.phrase_candidates():
        return True
    words = passage_words or PassageWords(passage_form)
    return words.whole or any(phrase_bound(_term(p)[0], words) >= rule.threshold for p, _ in rule.phrase_candidates())


_CORE = re.compile(r"[^\W_](?:.*[^\W_])?")
_UNBROKEN = re.compile(rf"\S{{{MAX_SENTENCE // 2}}}")


class PassageWords:
    """The words a passage's sentences can be made of, for an upper bound on `align` before segmenting.

    A sentence's words are the passage's, except that a sentence may begin or end inside one (a
    quote mark or bracket left to the neighbour): each word's core without its outer punctuation is
    kept too. `whole` says no bound holds (a word so long that sentences may be cut inside it).
    """

    def __init__(self, passage_form: str):
        self.best: dict[str, float] = {}
        self._form = passage_form

    @functools.cached_property
    def words(self) -> list[str]:
        """Made when a phrase bound is first asked for: most passages fail on their about words first."""
        words = set(_ALIGN_WORD.findall(self._form))
        words |= {core.group(0) for w in words
                  if not (w[0].isalnum() and w[-1].isalnum()) and (core := _CORE.search(w))}
        return list(words)

    @functools.cached_property
    def whole(self) -> bool:
        return _UNBROKEN.search(self._form) is not None

    def similarity(self, phrase_word: str) -> float:
        """The highest `align` word similarity any word of the passage has with `phrase_word`."""
        found = self.best.get(phrase_word)
        if found is None:
            hit = process.extractOne(phrase_word, self.words, scorer=fuzz.ratio, score_cutoff=WORD_SIMILARITY)
            found = self.best[phrase_word] = 0.0 if hit is None else hit[1] / 100
        return found


@functools.lru_cache(maxsize=8192)
def _phrase_words(phrase_form: str) -> tuple[str, ...]:
    """A phrase's words as `align` splits them: once per phrase, not once per passage."""
    return tuple(_ALIGN_WORD.findall(phrase_form))


def phrase_bound(phrase_form: str, words: PassageWords) -> float:
    """An upper bound on `align`'s score for any sentence of the passage: each phrase word counted
    with its best similarity anywhere, computed as `align` computes a window's score."""
    phrase_words = _phrase_words(phrase_form)
    if not phrase_words:
        return 0.0
    cover = sum(len(p) * words.similarity(p) for p in phrase_words)
    return 100 * cover / sum(len(p) for p in phrase_words)


def match_source(source: Source, index: KeywordIndex) -> list[Mention]:
    """Every mention of every rule in one source, in text order. A passage is segmented only when a
    rule can match in it (`may_match`), and each sentence is tried only with those rules, its match
    form and words made once."""
    mentions: list[Mention] = []
    starts: list[int] | None = None
    for (start, end), found in sorted(index.passages(source.text).items()):
        if end <= source.body_start:
            continue
        form = match_form(source.text[start:end])
        words = PassageWords(form)
        rules = [index.rules[r] for r in sorted(found)
                 if index.rules[r].may_state(form) and may_match(index.rules[r], form, words)]
        if not rules:
            continue
        starts = starts or line_starts(source.text)
        for sentence in sentences(source.text, max(start, source.body_start), end, starts):
            sentence_form = match_form(sentence.text)
            sentence_words = sorted(set(_WORD.findall(sentence_form)))
            for rule in rules:
                matched = _check(rule, sentence_form, sentence_words).matched
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
