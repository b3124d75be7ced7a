"""The counted noun of a figure: which word a number counts, singular or plural.

A noun-phrase heuristic, not a parser: modifiers before the counted noun are skipped and the
first function word ends it, so "545 parents separated from their children" counts parents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["ADJECTIVES", "IRREGULAR_PLURALS", "STOP_WORDS", "find_unit", "singular"]

# Noun-phrase heuristic for the unit: modifiers skipped before the counted noun, and function
# words (prepositions, conjunctions, determiners, pronouns, auxiliaries, adverbs) that end it.
ADJECTIVES = frozenset({
    "migrant", "new", "additional", "unaccompanied", "separated", "undocumented", "more", "other",
    "such", "total", "estimated", "immigrant", "foreign", "young",
})
STOP_WORDS = frozenset("""
    of in at on by for from to with without into onto under over about after before during since until
    through across between among per than as like near toward towards against within along upon via
    and or but nor so yet while because if when where whether
    the a an this that these those their his her its our your my who which whom whose what
    they them he she it we you i
    is are was were be been being am have has had do does did will would can could may might must
    shall should remain remains remained say said says
    still also now already only just even ago here there not never each apiece
    goes comes makes takes gets seems means needs wants
""".split())
IRREGULAR_PLURALS = {"children": "child", "people": "person", "women": "woman", "men": "man"}
COUNTED_IRREGULARS = IRREGULAR_PLURALS | {
    "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife",
    "knives": "knife", "thieves": "thief", "shelves": "shelf", "wolves": "wolf", "calves": "calf",
    "criteria": "criterion", "phenomena": "phenomenon", "police": "police", "staff": "staff",
}
"""Irregular plurals of counted nouns; keyword matching (`checker.match`) stems with the first four only."""
_WORD_AFTER = re.compile(r"\s*([A-Za-z][A-Za-z'’-]*)")
"""The next word; no match when the next thing is punctuation, a digit or the end."""
_POSSESSIVE_ENDS = ("'", "’", "'s", "’s")
MAX_UNIT_WORDS = 4


def singular(word: str) -> str:
    """The singular of a counted noun, so that "parent" and "parents" name one unit."""
    if word in COUNTED_IRREGULARS:
        return COUNTED_IRREGULARS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _participle(word: str) -> bool:
    """-ed/-ing words: modifiers before the noun ("detained migrants"), a verb after it."""
    return len(word) > 3 and word.endswith(("ed", "ing")) and not word.endswith("eed")


def find_unit(text: str, pos: int, units: Sequence[str]) -> tuple[str, int, int, bool] | None:
    """The counted noun after `pos`: (unit, start, end, whether it is one of `units`).

    Scans up to MAX_UNIT_WORDS words, skipping ADJECTIVES (and -ed/-ing modifiers) before the
    noun and stopping at punctuation, a STOP_WORDS word, an -ed/-ing word after the noun or a
    possessive. A `units` word wins; otherwise the first lower-case plural, else the last noun.
    """
    wanted = {singular(u.lower()): u for u in units}
    run: list[tuple[str, int, int]] = []
    for _ in range(MAX_UNIT_WORDS):
        token = _WORD_AFTER.match(text, pos)
        if token is None:
            break
        pos = token.end()
        word = token[1]
        possessive = word.endswith(_POSSESSIVE_ENDS)
        if possessive:
            word = word[:-1] if word[-1] in "'’" else word[:-2]
        lower = word.lower()
        start = token.start(1)
        if wanted and singular(lower) in wanted:
            return wanted[singular(lower)], start, start + len(word), True
        if lower in STOP_WORDS or (run and _participle(lower)):
            break
        if not run and (lower in ADJECTIVES or _participle(lower)):
            continue
        run.append((lower, start, start + len(word)))
        if possessive:
            break
    if not run:
        return None
    plural = [w for w in run if text[w[1]].islower() and singular(w[0]) != w[0] and w[0] != "news"]
    head = plural[0] if plural else run[-1]
    return head[0], head[1], head[2], False

