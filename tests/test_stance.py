"""stance_of: the polarity of a matched phrase, turned round by the negations that govern it."""

from __future__ import annotations

import pytest

from checker.extract.stance import stance_of
from checker.text import match_form

SUSPEND = "suspending prosecutions of adults"
NO_CHANGE = "no change to the policy"


def stance(sentence: str, matched: str, phrase: str, polarity: str) -> str:
    """The stance when `phrase` (of `polarity`) matched the words `matched` of `sentence`."""
    form = match_form(sentence)
    start = form.index(match_form(matched))
    return stance_of(form, (start, start + len(matched)), match_form(phrase), polarity)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The agency is suspending prosecutions of adults.", "affirm"),
    # a negator just before the phrase
    ("The agency is not suspending prosecutions of adults.", "deny"),
    ("The agency did not begin suspending prosecutions of adults.", "deny"),
    ("The agency never considered suspending prosecutions of adults.", "deny"),
    ("The agency is no longer suspending prosecutions of adults.", "deny"),
    ("The agency isn't suspending prosecutions of adults.", "deny"),
    ("The agency isn\u2019t suspending prosecutions of adults.", "deny"),
    ("The agency won't be suspending prosecutions of adults.", "deny"),
    ("The agency can't keep suspending prosecutions of adults.", "deny"),
    ("The agency cannot keep suspending prosecutions of adults.", "deny"),
    ("The agency doesn't plan on suspending prosecutions of adults.", "deny"),
    ("Neither agency is suspending prosecutions of adults.", "deny"),
    # words that only look like negators
    ("Notably the agency is suspending prosecutions of adults.", "affirm"),
    ("The agency knows it is suspending prosecutions of adults.", "affirm"),
    ("The agency is not only suspending prosecutions of adults.", "affirm"),
    # a negator in another clause does not govern the phrase
    ("Officials did not comment, but the agency is suspending prosecutions of adults.", "affirm"),
    ("The agency, which did not respond, is suspending prosecutions of adults.", "affirm"),
    ("Without more resources, the agency is suspending prosecutions of adults.", "affirm"),
    ("Nothing was said; the agency is suspending prosecutions of adults.", "affirm"),
    ("The agency is suspending prosecutions of adults, it did not say why.", "affirm"),
    # a negator too far before the phrase
    ("No one knew why on that day the agency was suspending prosecutions of adults.", "affirm"),
    # a denial verb earlier in the sentence
    ("The department denied the report that it was suspending prosecutions of adults.", "deny"),
    ("The department disputed claims that the agency was suspending prosecutions of adults.", "deny"),
    ("The spokesperson rejected reports, which said the agency was suspending prosecutions of adults.", "deny"),
    # double negation
    ("The department denied the report that it was not suspending prosecutions of adults.", "affirm"),
    ("The department did not deny that it was suspending prosecutions of adults.", "affirm"),
    ("The department never denied that it was suspending prosecutions of adults.", "affirm"),
    # a negated verb of saying turns nothing round: only the "not" of what follows counts
    ("The agency never said it was not suspending prosecutions of adults.", "deny"),
])
def test_negators_before_the_phrase(sentence: str, expected: str) -> None:
    assert stance(sentence, SUSPEND, SUSPEND, "affirm") == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The agency is not suspending prosecutions of adults.", "affirm"),
    ("The department denied the report that it was suspending prosecutions of adults.", "affirm"),
    ("The department did not deny that it was suspending prosecutions of adults.", "deny"),
])
def test_a_deny_phrase_turns_round_the_same_way(sentence: str, expected: str) -> None:
    assert stance(sentence, SUSPEND, SUSPEND, "deny") == expected


@pytest.mark.parametrize(("sentence", "matched", "expected"), [
    ("The agency is suspending no prosecutions of adults.", "suspending no prosecutions of adults", "deny"),
    ("The agency is suspending not all prosecutions of adults.", "suspending not all prosecutions of adults",
     "deny"),
    ("The agency is suspending all prosecutions of adults.", "suspending all prosecutions of adults", "affirm"),
])
def test_negators_inside_the_span_but_not_the_phrase(sentence: str, matched: str, expected: str) -> None:
    assert stance(sentence, matched, SUSPEND, "affirm") == expected


@pytest.mark.parametrize(("sentence", "matched", "phrase", "expected"), [
    # the phrase's own negation is part of it
    ("There has been no change to the policy.", "no change to the policy", NO_CHANGE, "deny"),
    ("There has been no real change to the policy.", "no real change to the policy", NO_CHANGE, "deny"),
    ("There has not been any change to the policy.", "not been any change to the policy", NO_CHANGE, "deny"),
    ("The spokesperson said there has been no change to the policy.", "no change to the policy", NO_CHANGE,
     "deny"),
    ("The agency will no longer refer parents for prosecution.", "no longer refer parents for prosecution",
     "no longer refer parents for prosecution", "affirm"),
    # a denial phrase that holds the denial verb is not turned round by it
    ("A spokesperson quickly denied the Washington Post report.", "denied the washington post report",
     "denied the Washington Post report", "deny"),
    # negated from outside, the negative phrase turns round
    ("Officials never said there was no change to the policy.", "no change to the policy", NO_CHANGE,
     "deny"),
    ("Officials denied that there had been no change to the policy.", "no change to the policy", NO_CHANGE,
     "affirm"),
])
def test_negation_inside_the_phrase_is_kept(sentence: str, matched: str, phrase: str, expected: str) -> None:
    polarity = "affirm" if phrase.startswith("no longer") else "deny"
    assert stance(sentence, matched, phrase, polarity) == expected
