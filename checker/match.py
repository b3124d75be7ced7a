"""Finding the sentences that speak about each rule's claim.

Raw text is scanned once, with one RE2 expression holding every rule's keywords; only the
paragraphs that hold a keyword are segmented into sentences, and each of their sentences is
scored only against the rules whose keywords it holds. Nothing is scored against every rule.
"""

from __future__ import annotations

import bisect
import functools
import operator
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
    stance logic relies on. Of windows that score alike, the shortest and then the first wins.
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
    most = 100 * sum(w * max(row.values(), default=0.0) for w, row in zip(weights, similar)) / total
    if most < threshold:
        return None  # no window can do better than every word at its best
    size, count = len(phrase_words), len(words)
    # a phrase word with no similar word adds nothing to any window (and adding 0.0 changes no sum)
    live = [(w, [row.get(at, 0.0) for at in range(count)]) for w, row in zip(weights, similar) if row]
    hits = sorted({at for row in similar for at in row})

    def scored(width: int) -> Iterator[tuple[float, int]]:
        """The score of each window `width` words wide that holds a similar word (none holding
        none can score), in order, with its first word."""
        for first in sorted({f for at in hits for f in range(max(0, at - width + 1), min(at, count - width) + 1)}):
            last = first + width
            yield 100 * sum(w * max(row[first:last]) for w, row in live) / total, first

    widths = range(min(size, count), min(size + 4, count + 1))
    # a window lies inside one of the widest, which covers as much of the phrase or more: the best
    # score is theirs, unless a narrower window reaches `most` first, which nothing passes
    best = None
    for score, first in scored(widths[0]):
        if score == most:
            best = (score, widths[0], first)
            break
    if best is None:
        top = max((score for score, _ in scored(widths[-1])), default=-1.0)
        if top < threshold:
            return None
        best = next((score, width, first) for width in widths for score, first in scored(width) if score == top)
    score, width, first = best
    return score, words[first][0], words[first + width - 1][1]


class SentenceWords:
    """A sentence in match form and its sorted words, made once for all its rules, with what they
    have found in it: rules that share about words or phrases (several claims about one subject,
    one claim as a count and as a stance) look each up once."""

    __slots__ = ("form", "words", "_has", "_aligned")

    def __init__(self, form: str):
        self.form = form
        self.words = sorted(set(_WORD.findall(form)))
        self._has: dict[str, bool] = {}
        self._aligned: dict[tuple[str, int], tuple[float, int, int] | None] = {}

    def has_word(self, term: str) -> bool:
        """`_has_word` for the sentence."""
        found = self._has.get(term)
        if found is None:
            found = self._has[term] = _has_word(self.words, self.form, term)
        return found

    def aligned(self, phrase_form: str, threshold: int) -> tuple[float, int, int] | None:
        """`align` for the sentence."""
        key = (phrase_form, threshold)
        if key not in self._aligned:
            self._aligned[key] = align(phrase_form, self.form, threshold)
        return self._aligned[key]


def phrase_alignments(rule: Rule, sentence: SentenceWords,
                      threshold: int) -> Iterator[tuple[tuple[float, int], PhraseMatch]]:
    """Each of the rule's phrases that matches the sentence, with its rank: the score, then the phrase's
    length (the more specific phrase wins a tie). The best is the match; `checker rules test` shows the
    contest."""
    for phrase, polarity in rule.phrase_candidates():
        phrase_form = _term(phrase)[0]
        found = sentence.aligned(phrase_form, threshold)
        if found is not None:
            yield (found[0], len(phrase_form)), PhraseMatch(start=found[1], end=found[2], phrase=phrase,
                                                            polarity=polarity)


def _best_phrase(rule: Rule, sentence: SentenceWords, threshold: int) -> PhraseMatch | None:
    """The span of the best-matching phrase in the sentence, with its polarity for stance rules."""
    best = max(phrase_alignments(rule, sentence, threshold), key=lambda ranked: ranked[0], default=None)
    found_match = best[1] if best is not None else None
    if found_match is None:
        for pattern in rule.patterns:
            hit = _compiled(pattern).search(sentence.form)
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
    return _check(rule, SentenceWords(match_form(sentence.text)))


def _check(rule: Rule, sentence: SentenceWords) -> SentenceCheck:
    """`check_sentence` on a sentence's words, which a caller makes once for all its rules."""
    form = sentence.form
    missing = [term for term in rule.about if not sentence.has_word(term)]
    if missing:
        return SentenceCheck.model_construct(missing=missing, matched=None, excluded_by=None)
    excluded = next((t for t in rule.exclude if fuzz.partial_ratio(_term(t)[0], form) >= rule.threshold), None)
    if excluded is not None:
        return SentenceCheck.model_construct(excluded_by=excluded, matched=None, missing=[])
    if not (rule.phrase_candidates() or rule.patterns):
        return SentenceCheck.model_construct(matched=PhraseMatch(start=0, end=len(form)), missing=[],
                                             excluded_by=None)
    return SentenceCheck.model_construct(matched=_best_phrase(rule, sentence, rule.threshold), missing=[],
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
    rule. A one-word about term must start a word of the passage, and (`PassageWords.reaches`) the best
    any sentence of it could score against one of the rule's phrases must reach the threshold."""
    words = passage_words or PassageWords(passage_form)
    if not all(words.begins_a_token(s) for term in rule.about for s in _required_stems(term)):
        return False
    if rule.patterns or not rule.phrase_candidates():
        return True
    return words.whole or any(words.reaches(_term(p)[0], rule.threshold) for p, _ in rule.phrase_candidates())


_CORE = re.compile(r"[^\W_](?:.*[^\W_])?")
_UNBROKEN = re.compile(rf"\S{{{MAX_SENTENCE // 2}}}")


class PassageWords:
    """The words a passage's sentences can be made of, for an upper bound on `align` before segmenting.

    A sentence's words are the passage's, except that a sentence may begin or end inside one (a
    quote mark or bracket left to the neighbour): each word's core without its outer punctuation is
    kept too. `whole` says no bound holds (a word so long that sentences may be cut inside it).
    """

    def __init__(self, passage_form: str):
        self.best = _Similarities(passage_form)
        """each phrase word asked for, with its best similarity to a word of the passage"""
        self._form = passage_form
        self._bounds: dict[str, float] = {}
        self._begins: dict[str, bool] = {}

    @functools.cached_property
    def whole(self) -> bool:
        return _UNBROKEN.search(self._form) is not None

    def begins_a_token(self, stem: str) -> bool:
        """`_begins_a_token` for the passage: the rules of an about word ask it once."""
        found = self._begins.get(stem)
        if found is None:
            found = self._begins[stem] = _begins_a_token(self._form, stem)
        return found

    def bound(self, phrase_form: str) -> float:
        """An upper bound on `align`'s score for any sentence of the passage: each phrase word counted
        with its best similarity anywhere, computed as `align` computes a window's score."""
        found = self._bounds.get(phrase_form)
        if found is None:
            phrase_words, weights, total, _ = _phrase_weights(phrase_form)
            cover = sum(map(operator.mul, weights, map(self.best.__getitem__, phrase_words)))
            found = self._bounds[phrase_form] = 100 * cover / total if total else 0.0
        return found

    def reaches(self, phrase_form: str, threshold: int) -> bool:
        """`bound(phrase_form) >= threshold`, its words looked up longest first until what is left of
        the phrase cannot make up for the part not covered (by a margin float sums cannot cross)."""
        if phrase_form not in self._bounds:
            phrase_words, weights, total, longest_first = _phrase_weights(phrase_form)
            best, lost = self.best, 0.0
            for i in longest_first:
                lost += weights[i] * (1 - best[phrase_words[i]])
                if 100 * (total - lost) < (threshold - BOUND_MARGIN) * total:
                    return False
        return self.bound(phrase_form) >= threshold


BOUND_MARGIN = 1e-6
"""How far below the threshold an early `reaches` must find a phrase's best case: float sums of a few
words err by far less."""


@functools.lru_cache(maxsize=256)
def _similar_lengths(size: int) -> tuple[int, int]:
    """The shortest and longest a word can be to have a similarity of `WORD_SIMILARITY` with a word of
    `size` letters: the ratio of words `a` and `b` is at most `100 * (1 - |len(a) - len(b)| / (len(a) + len(b)))`."""
    allowed = [n for n in range(1, 3 * size + 2) if 100 * abs(n - size) <= (100 - WORD_SIMILARITY) * (n + size)]
    return (allowed[0], allowed[-1]) if allowed else (size, size)


class _Similarities(dict[str, float]):
    """Phrase words with their best `align` word similarity to a word of a passage (`similar_to`),
    each found when first looked up."""

    def __init__(self, passage_form: str):
        super().__init__()
        self._form = passage_form

    def __missing__(self, phrase_word: str) -> float:
        found = self[phrase_word] = self.similar_to(phrase_word)
        return found

    @functools.cached_property
    def _word_set(self) -> set[str]:
        """Made when a phrase bound is first asked for: most passages fail on their about words first."""
        words = set(_ALIGN_WORD.findall(self._form))
        words |= {core.group(0) for w in words
                  if not (w[0].isalnum() and w[-1].isalnum()) and (core := _CORE.search(w))}
        return words

    @functools.cached_property
    def words(self) -> list[str]:
        """The passage's words, shortest first."""
        return sorted(self._word_set, key=len)

    def similar_to(self, phrase_word: str) -> float:
        """The highest `align` word similarity a word of the passage has with `phrase_word`: 1 for a
        word of the passage, else found among the words of a length that allows one."""
        if phrase_word in self._word_set:
            return 1.0
        shortest, longest = _similar_lengths(len(phrase_word))
        words = self.words
        near = words[bisect.bisect_left(words, shortest, key=len):bisect.bisect_right(words, longest, key=len)]
        hit = process.extractOne(phrase_word, near, scorer=fuzz.ratio, score_cutoff=WORD_SIMILARITY)
        return 0.0 if hit is None else hit[1] / 100


@functools.lru_cache(maxsize=8192)
def _phrase_words(phrase_form: str) -> tuple[str, ...]:
    """A phrase's words as `align` splits them: once per phrase, not once per passage."""
    return tuple(_ALIGN_WORD.findall(phrase_form))


@functools.lru_cache(maxsize=8192)
def _phrase_weights(phrase_form: str) -> tuple[tuple[str, ...], tuple[int, ...], int, tuple[int, ...]]:
    """A phrase's words, their lengths (how much of the phrase each covers), the sum of those, and
    the words' places longest first."""
    words = _phrase_words(phrase_form)
    weights = tuple(len(w) for w in words)
    return words, weights, sum(weights), tuple(sorted(range(len(words)), key=lambda i: -weights[i]))


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
            sentence_words = SentenceWords(match_form(sentence.text))
            for rule in rules:
                matched = _check(rule, sentence_words).matched
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
