"""Matching: aligning phrases, which sentences a rule speaks about, the keyword scan, and whole mentions."""

from __future__ import annotations

from datetime import date

import pytest

from checker.match import KeywordIndex, align, match_sentence, mentions_in_text
from checker.models import Sentence
from checker.rules import DateRule, QuantityRule, StanceRule
from checker.text import match_form

PUBLISHED = date(2021, 1, 14)


def sentence(text: str) -> Sentence:
    return Sentence(start=0, end=len(text), line=1, paragraph_start=0, paragraph_end=len(text), text=text)


def aligned(phrase: str, text: str, threshold: int = 85) -> str | None:
    """The words of `text` that `phrase` aligns with, or None."""
    form = match_form(text)
    found = align(match_form(phrase), form, threshold)
    if found is None:
        return None
    score, start, end = found
    assert threshold <= score <= 100
    return text[start:end]


def quantity(**fields) -> QuantityRule:
    return QuantityRule(**{"id": "parents-not-located", "title": "Parents not located", "type": "quantity",
                           "unit": "parents", **fields})


def stance(**fields) -> StanceRule:
    return StanceRule(**{"id": "prosecutions-suspended", "title": "Prosecutions suspended", "type": "stance",
                         **fields})


# --- align ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("phrase", "text", "span"), [
    ("could not be located", "At least 545 parents could not be located as of October.", "could not be located"),
    ("backing off plans to criminally prosecute all parents",
     "Border Patrol was backing off the administration's plans to criminally prosecute all parents who cross.",
     "backing off the administration's plans to criminally prosecute all parents"),
    ("suspending prosecutions of adults",
     "We are suspending all the prosecutions of adults in families.", "suspending all the prosecutions of adults"),
    ("funding shortfall", "a 2019 funding shortfall of $227 million", "funding shortfall"),
    ("zero tolerance policy", "the zero-tolerance policy", "zero-tolerance policy"),
    # the span covers whole words: an opening quote before the first word is not part of it
    ('"zero tolerance" policy', "the \u201czero tolerance\u201d policy", "zero tolerance\u201d policy"),
    ("we're suspending prosecutions", "\u201cWe\u2019re suspending prosecutions,\u201d he said.",
     "We\u2019re suspending prosecutions"),
])
def test_align_finds_the_span(phrase: str, text: str, span: str) -> None:
    assert aligned(phrase, text) == span


@pytest.mark.parametrize(("phrase", "text"), [
    ("backing off plans to criminally prosecute all parents",
     "Border Patrol was backing off the administration's plans to criminally charge all parents."),
    ("could not be located", "At least 545 parents could be located as of October."),
    ("funding shortfall", "a 2019 funding gap of $227 million"),
    ("suspending prosecutions of adults", "The weather was mild in El Paso on Monday."),
])
def test_align_rejects_a_phrase_missing_a_distinctive_word(phrase: str, text: str) -> None:
    assert aligned(phrase, text) is None


# --- match_sentence ------------------------------------------------------------------------------

@pytest.mark.parametrize(("about", "text", "matches"), [
    ("parents", "545 parents could not be located.", True),
    ("parents", "Each parent could not be located.", True),
    ("parents,located", "545 parents could not be located.", True),
    ("parents,located", "545 parents were not found.", False),
    ("prosecut", "The prosecution of 5 parents was suspended.", True),
    ("prosecut", "They prosecuted 5 parents.", True),
    ("prosecuted", "The prosecutions of 5 parents stopped.", True),
    ("separated", "The separation of 5 parents.", True),
    ("prosecut", "5 parents were separated.", False),
    ("children,separated", "Children were separated from 5 parents.", True),
    ("children,separated", "5 parents met their children.", False),
    ("zero tolerance", "Under zero tolerance, 5 parents were charged.", True),
    ("zero tolerance", "Under the zero-tolerance policy, 5 parents were charged.", True),
    ("zero-tolerance", "Under the zero-tolerance policy, 5 parents were charged.", True),
    ("zero-tolerance", "Under zero tolerance, 5 parents were charged.", True),
    ("prosecute", "They prosecuted 5 parents.", True),
    ("prosecute", "They are prosecuting 5 parents.", True),
])
def test_about_needs_every_word_by_stem(about: str, text: str, matches: bool) -> None:
    """`about` holds the rule's about words, comma-separated."""
    rule = quantity(about=about.split(","))
    assert (match_sentence(rule, sentence(text)) is not None) is matches


@pytest.mark.parametrize(("exclude", "text", "matches"), [
    ([], "545 parents could not be located but were later reunited.", True),
    (["were later reunited"], "545 parents could not be located but were later reunited.", False),
    (["were later reunited"], "545 parents could not be located.", True),
    (["Were Later Reunited"], "545 parents could not be located but were later reunited.", False),
])
def test_exclude(exclude: list[str], text: str, matches: bool) -> None:
    rule = quantity(about=["parents"], phrases=["could not be located"], exclude=exclude)
    assert (match_sentence(rule, sentence(text)) is not None) is matches


@pytest.mark.parametrize(("text", "span"), [
    ("There was a shortage of about 3,000 beds.", "shortage of about 3"),
    ("There was a SHORTAGE OF 3,000 beds.", "SHORTAGE OF 3"),
    ("There were 3,000 beds short.", "beds short"),
    ("The shelter added 3,000 beds.", None),
])
def test_patterns_are_tried_when_no_phrase_matches(text: str, span: str | None) -> None:
    rule = QuantityRule(id="usms-bed-shortage", title="Beds", type="quantity", about=["beds"], unit="beds",
                        phrases=["beds short"], patterns=[r"shortage of (about )?\d"])
    found = match_sentence(rule, sentence(text))
    assert (None if found is None else text[found.start:found.end]) == span
    if found is not None and span != "beds short":
        assert found.phrase is None


@pytest.mark.parametrize(("threshold", "text", "matches"), [
    (85, "545 parents could not be located.", True),
    (100, "545 parents could not be located.", True),
    (100, "545 parents could not be locate.", False),
    (60, "545 parents could not be locate.", True),
    (85, "545 parents were never found.", False),
])
def test_threshold(threshold: int, text: str, matches: bool) -> None:
    rule = quantity(about=["parents"], phrases=["could not be located"], threshold=threshold)
    assert (match_sentence(rule, sentence(text)) is not None) is matches


def test_about_alone_takes_the_whole_sentence() -> None:
    text = "545 parents could not be located."
    found = match_sentence(quantity(about=["parents"]), sentence(text))
    assert found is not None and (found.start, found.end) == (0, len(text))


@pytest.mark.parametrize(("text", "phrase", "polarity"), [
    ("\u201cWe\u2019re suspending prosecutions of adults,\u201d an official said.",
     "we're suspending prosecutions of adults", "affirm"),
    ("There has been no change to the Department\u2019s zero\u2013tolerance policy to prosecute adults.",
     "no change to the Department's zero-tolerance policy to prosecute adults", "deny"),
    ("The \u201czero tolerance\u201d prosecutions won\u2019t stop.", "\"zero tolerance\" prosecutions won't stop",
     "deny"),
])
def test_curly_quotes_in_the_source_match_straight_quotes_in_the_phrase(text: str, phrase: str,
                                                                       polarity: str) -> None:
    sides = {"affirm": [phrase], "deny": []} if polarity == "affirm" else {"affirm": ["other words"],
                                                                           "deny": [phrase]}
    found = match_sentence(stance(about=["prosecut"], **sides), sentence(text))
    assert found is not None
    assert (found.phrase, found.polarity) == (phrase, polarity)
    assert match_form(text[found.start:found.end]) == match_form(phrase).strip('"')


# --- KeywordIndex --------------------------------------------------------------------------------

RULES = [
    quantity(id="parents-not-located", about=["parents"], phrases=["could not be located"]),
    stance(id="prosecutions-suspended", about=["prosecut"], affirm=["suspending prosecutions of adults"]),
    DateRule(id="report-release-day", title="Report day", type="date", phrases=["report released"]),
]

PARAGRAPHS = [
    "A headline about the weather",
    "At least 545 parents could not be located.",
    "Nothing of interest here; the sky is blue.",
    "The report released Thursday found prosecutions of parents rose.",
    "Officials are suspending PROSECUTIONS of adults.",
    "The Reporters met on Monday.",
]


def test_passages_hold_keywords_and_their_rules() -> None:
    text = "\n\n".join(PARAGRAPHS)
    found = {text[start:end]: rules for (start, end), rules in KeywordIndex(RULES).passages(text).items()}
    assert found == {
        PARAGRAPHS[1]: {"parents-not-located"},
        PARAGRAPHS[3]: {"parents-not-located", "prosecutions-suspended", "report-release-day"},
        PARAGRAPHS[4]: {"prosecutions-suspended"},
        PARAGRAPHS[5]: {"report-release-day"},
    }


def test_passages_bounds_are_paragraphs() -> None:
    text = "First line about parents.\nSecond line of it.\n\nUnrelated.\n\nMore on parents."
    spans = sorted(KeywordIndex(RULES[:1]).passages(text))
    assert [text[s:e] for s, e in spans] == ["First line about parents.\nSecond line of it.", "More on parents."]


def test_no_keywords_no_passages() -> None:
    assert not KeywordIndex(RULES).passages("The sky is blue.\n\nThe sea is green.")
    assert not KeywordIndex([]).passages("545 parents could not be located.")


def test_curly_apostrophe_in_the_source_matches_a_straight_one_in_about() -> None:
    rule = QuantityRule(id="families-separated", title="Families", type="quantity",
                        about=["administration's"], unit="families")
    text = "The administration\u2019s policy separated 280 families."
    assert KeywordIndex([rule]).passages(text)
    assert [m.value for m in mentions_in_text(rule, text)] == [280]


# --- mentions_in_text ----------------------------------------------------------------------------

def test_quantity_mention() -> None:
    rule = quantity(about=["parents"], phrases=["could not be located"], related_units=["children"])
    text = "Headline\n\nAt least 545 parents could not be located as of October, officials said."
    mentions = mentions_in_text(rule, text, published=PUBLISHED, outlet="Axios", name="axios.txt")
    assert len(mentions) == 1
    m = mentions[0]
    assert (m.rule, m.source, m.line) == ("parents-not-located", "axios.txt", 3)
    assert (m.value, m.qualifier, m.unit, m.as_of, m.speaker) == (545, "at-least", "parents", "2020-10",
                                                                  "officials")
    assert text[m.start:m.end] == m.sentence
    assert text[m.span_start:m.span_end] == "At least 545 parents"


def test_stance_mentions() -> None:
    rule = stance(about=["prosecut"], affirm=["suspending prosecutions of adults"],
                  deny=["no change to the zero tolerance policy to prosecute adults"])
    text = ("\u201cWe\u2019re suspending prosecutions of adults,\u201d an unnamed official tells the publication."
            "\n\nThe agency is not suspending prosecutions of adults.\n\n"
            '"There has been no change to the Department\'s zero tolerance policy to prosecute adults," '
            "Sarah Isgur Flores said.\n\nThe weather was mild.")
    mentions = mentions_in_text(rule, text, published=PUBLISHED, outlet="Raw Story")
    assert [(m.line, m.stance, m.speaker) for m in mentions] == [
        (1, "affirm", "unnamed official"),
        (3, "deny", "Raw Story"),
        (5, "deny", "Sarah Isgur Flores"),
    ]
    assert all(m.as_of == "2021-01-14" for m in mentions)
    assert text[mentions[0].span_start:mentions[0].span_end] == "suspending prosecutions of adults"


def test_date_mention() -> None:
    rule = DateRule(id="report-release-day", title="Report day", type="date", about=["report"],
                    phrases=["report released"])
    text = "According to a report released Thursday by the Inspector General, the policy was chaotic."
    mentions = mentions_in_text(rule, text, published=PUBLISHED, outlet="Axios")
    assert [(m.value, m.as_of, m.speaker) for m in mentions] == [("2021-01-14", "2021-01-14", "report")]
    assert text[mentions[0].span_start:mentions[0].span_end] == "Thursday"


@pytest.mark.parametrize("text", [
    "The report released by the agency was long.",
    "Officials said the report released little news.\n\n",
    "The report released 545 pages.",
])
def test_no_mention_without_a_value(text: str) -> None:
    rule = DateRule(id="report-release-day", title="Report day", type="date", about=["report"],
                    phrases=["report released"])
    # the keyword scan and the phrase both take the sentence, so it is extraction that finds no date
    assert KeywordIndex([rule]).passages(text)
    assert match_sentence(rule, sentence(text.strip())) is not None
    assert mentions_in_text(rule, text, published=PUBLISHED) == []


def test_zero_tolerance_about_word_end_to_end() -> None:
    rule = QuantityRule(id="families-separated", title="Families", type="quantity", about=["zero-tolerance"],
                        unit="families")
    for text in ("The zero-tolerance policy separated 280 families.",
                 "The zero tolerance policy separated 280 families."):
        assert [m.value for m in mentions_in_text(rule, text)] == [280], text


def _every_window(phrase_form: str, form: str, threshold: int) -> tuple[float, int, int] | None:
    """`align` as specified: every window of as many to three more words scored, the first best kept."""
    from rapidfuzz import fuzz

    from checker.match import _ALIGN_WORD, WORD_SIMILARITY
    words = [(m.start(), m.end()) for m in _ALIGN_WORD.finditer(form)]
    phrase_words = _ALIGN_WORD.findall(phrase_form)
    if not words or not phrase_words or fuzz.partial_ratio(phrase_form, form) < min(threshold, 60):
        return None
    texts = [form[s:e] for s, e in words]
    weights = [len(w) for w in phrase_words]
    similar = [[fuzz.ratio(p, t, score_cutoff=WORD_SIMILARITY) / 100 for t in texts] for p in phrase_words]
    best: tuple[float, int, int, int] | None = None
    for width in range(min(len(phrase_words), len(words)), min(len(phrase_words) + 4, len(words) + 1)):
        for first in range(len(words) - width + 1):
            score = 100 * sum(w * max(row[first:first + width]) for w, row in zip(weights, similar)) / sum(weights)
            if score >= threshold and (best is None or score > best[0]):
                best = (score, width, words[first][0], words[first + width - 1][1])
    return None if best is None else (best[0], best[2], best[3])


def test_align_scores_only_windows_that_can_win_and_finds_what_every_window_finds() -> None:
    import random

    from checker.match import align
    vocab = ("the report was released parents separated border policy denied deny washington post justice "
             "department officials said not never children families zero tolerance of the a").split()
    rng = random.Random(5)
    found = 0
    for _ in range(3000):
        phrase = " ".join(rng.choice(vocab) for _ in range(rng.randint(1, 7)))
        sentence = " ".join(rng.choice([*vocab, "releases", "separate", "report's"]) for _ in range(rng.randint(1, 50)))
        threshold = rng.choice([50, 60, 70, 80, 85, 90, 100])
        expected = _every_window(phrase, sentence, threshold)
        assert align(phrase, sentence, threshold) == expected, (phrase, sentence, threshold)
        found += expected is not None
    assert found > 300


def test_a_stem_begins_a_token_exactly_when_a_token_of_the_passage_starts_with_it() -> None:
    """The passage check finds about stems with `str.find` as the sorted passage tokens would."""
    import random
    import re

    from checker.match import _begins_a_token, _starts_a_word

    rng = random.Random(5)
    alphabet = ["a", "b", "ab", "ba", "'", " ", "_", "-", "é", "1", ".", "\n", "ß"]
    for _ in range(20_000):
        form = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        tokens = sorted(set(re.findall(r"[\w']+", form)))
        stem = "".join(rng.choice(["a", "b", "ab", "'", "é", "1"]) for _ in range(rng.randint(1, 3)))
        assert _begins_a_token(form, stem) == _starts_a_word(tokens, stem), (form, stem)


@pytest.mark.parametrize("programs", [1, 3])
def test_an_ascii_text_scanned_as_bytes_gives_the_hits_of_the_text(programs: int,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    if programs > 1:  # several RE2 programs, each hit kept at its longest
        monkeypatch.setattr(KeywordIndex, "MAX_PROGRAM_CHARS", 12)
    rules = [QuantityRule(id="beds", title="Beds", type="quantity", about=["beds", "hospital"], unit="beds"),
             StanceRule(id="deny", title="Denial", type="stance", about=["department"], affirm=["confirmed"],
                        deny=["denied"])]
    index = KeywordIndex(rules)
    assert (len(index.patterns) > 1) == (programs > 1)
    text = ("The hospital added 40 beds. The Department denied it; hospitals' bed counts vary.\n\n"
            "Departments of HOSPITALS and bedrooms.")
    ascii_hits = [(at, word.decode() if isinstance(word, bytes) else word) for at, word in index._hits(text)]
    assert ascii_hits and all(isinstance(word, bytes) for _, word in index._hits(text))
    unicode_hits = list(index._hits(text + "é"))  # not ASCII: scanned as characters
    assert all(isinstance(word, str) for _, word in unicode_hits) and ascii_hits == unicode_hits
    assert index.passages(text) == index.passages(text + "\n\né")


def test_a_passage_word_similarity_scores_only_words_of_a_length_that_can_reach_the_cutoff() -> None:
    """A passage's word similarity (`similar_to`) skips words too long or short to be similar, and an
    exact word: it finds what scoring every word of the passage finds."""
    import random

    from rapidfuzz import fuzz, process

    from checker.match import WORD_SIMILARITY, PassageWords

    rng = random.Random(7)
    alphabet = "abcdeé's-"
    for _ in range(4000):
        words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))) for _ in range(rng.randint(0, 30))]
        passage = PassageWords(" ".join(words)).best
        for _ in range(5):
            word = (rng.choice(words) if words and rng.random() < 0.3
                    else "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))))
            hit = process.extractOne(word, passage.words, scorer=fuzz.ratio, score_cutoff=WORD_SIMILARITY)
            assert passage.similar_to(word) == (0.0 if hit is None else hit[1] / 100), (word, passage.words)


def test_a_phrase_reaches_the_threshold_exactly_when_its_bound_does() -> None:
    """`PassageWords.reaches` stops looking words up once the phrase cannot reach the threshold, and
    says what the full bound says."""
    import random

    from checker.match import PassageWords

    vocab = ("the report was released parents separated border policy denied washington post justice "
             "department officials said never children families zero tolerance of a abattoir").split()
    rng = random.Random(11)
    reached = 0
    for _ in range(3000):
        form = match_form(" ".join(rng.choice([*vocab, "releases", '"policy', "(parents)"])
                                   for _ in range(rng.randint(1, 60))))
        phrase = match_form(" ".join(rng.choice([*vocab, "abattoirs", "tolerated"]) for _ in range(rng.randint(1, 6))))
        threshold = rng.choice([50, 60, 70, 80, 85, 90, 100])
        early, full = PassageWords(form), PassageWords(form)
        assert early.reaches(phrase, threshold) == (full.bound(phrase) >= threshold), (phrase, form, threshold)
        reached += full.bound(phrase) >= threshold
    assert 300 < reached < 2700


def test_rules_sharing_about_words_and_phrases_find_what_each_finds_alone() -> None:
    """A sentence looks up an about word or a phrase once for all its rules: each rule's mentions are
    those it finds checked alone."""
    from checker.match import match_source
    from checker.models import Source, SourceMeta

    text = ("The Department denied it had separated 545 parents, officials said.\n\n"
            "The department said on Tuesday that it had separated 628 parents and never denied it.\n\n"
            "Parents were separated, 300 of them, the department confirmed.")
    rules = [quantity(about=["parents"], phrases=["separated parents"]),
             quantity(id="parents-separated", about=["parents"], phrases=["separated parents", "department said"],
                      threshold=70),
             stance(about=["department"], affirm=["the department confirmed"], deny=["department denied"]),
             StanceRule(id="denial", title="Denial", type="stance", about=["department", "parents"],
                        affirm=["department said"], deny=["department denied", "never denied"], threshold=70)]
    source = Source(name="a.txt", path="a.txt", text=text, meta=SourceMeta(published=PUBLISHED))
    together = match_source(source, KeywordIndex(rules))
    alone = sorted((m for rule in rules for m in match_source(source, KeywordIndex([rule]))),
                   key=lambda m: (m.start, m.rule))  # in a sentence, rules go by id
    assert together and len({m.rule for m in together}) == 4
    assert [m.model_dump() for m in together] == [m.model_dump() for m in alone]


def test_a_passage_is_let_go_when_done_without_the_cycle_collector() -> None:
    """What a passage's bound looked up holds no reference back to it: its word lists go with it."""
    import gc
    import weakref

    from checker.match import PassageWords

    gc.disable()
    try:
        passage = PassageWords(match_form("The department said 545 parents could not be located."))
        assert passage.reaches(match_form("parents could not be found"), 85) is False
        assert passage.best.words
        gone = weakref.ref(passage)
        del passage
        assert gone() is None
    finally:
        gc.enable()
