"""stance_of: clause scope of denials, denial frames, negators over lists, negated verbs of saying."""

from __future__ import annotations

import pytest

from checker.extract.stance import stance_of
from checker.text import match_form


def stance(sentence: str, phrase: str, polarity: str = "affirm") -> str:
    form = match_form(sentence)
    start = form.index(match_form(phrase))
    return stance_of(form, (start, start + len(phrase)), match_form(phrase), polarity)


@pytest.mark.parametrize(("sentence", "phrase", "expected"), [
    # a denial verb governs its own clause
    ("The ministry denied the plan had changed and said inspections would continue.", "plan had changed", "deny"),
    ("The ministry denied the plan had changed and said inspections would continue.", "inspections would continue",
     "affirm"),
    ("The firm rejected claims that it cut wages; it confirmed the plant would close.", "plant would close",
     "affirm"),
    ("The firm disputed reports that it cut wages, but the plant will close.", "plant will close", "affirm"),
    # denial frames
    ("Two agencies pushed back against a report that the dam was leaking.", "dam was leaking", "deny"),
    ("The mayor disputed reports that the dam was leaking.", "dam was leaking", "deny"),
    ("The mayor called the story that the dam was leaking false.", "dam was leaking", "deny"),
    ("The utility rejected claims that the dam was leaking.", "dam was leaking", "deny"),
    ("There is no truth to reports that the dam was leaking, officials said.", "dam was leaking", "deny"),
    ("It is not true that the dam was leaking.", "dam was leaking", "deny"),
    # negators
    ("Nothing suggests the dam was leaking.", "dam was leaking", "deny"),
    ("The dam is no longer leaking.", "leaking", "deny"),
    ("None of the engineers found the dam leaking.", "dam leaking", "deny"),
    ("The company faces no fines, charges or penalties.", "penalties", "deny"),
    ("The company faces no fines, charges or penalties.", "charges", "deny"),
    ("The company faces fines, charges and penalties.", "penalties", "affirm"),
    # a negated verb of saying is not a denial of what follows
    ("Police never said the suspect had confessed.", "suspect had confessed", "affirm"),
    ("Police did not say the suspect had confessed.", "suspect had confessed", "affirm"),
])
def test_scope(sentence: str, phrase: str, expected: str) -> None:
    assert stance(sentence, phrase) == expected


def test_a_denial_in_a_leading_subordinate_clause_governs_nothing_after_it() -> None:
    from checker.extract.stance import stance_of
    from checker.text import match_form

    form = match_form("Even though the mayor disputed it, the bridge will reopen in May.")
    at = form.index("the bridge will reopen")
    assert stance_of(form, (at, at + len("the bridge will reopen")), "the bridge will reopen", "affirm") == "affirm"


def test_no_doubt_and_without_question_affirm() -> None:
    from checker.extract.stance import stance_of
    from checker.text import match_form

    for text in ("Without question the bridge will reopen.", "No doubt the bridge will reopen."):
        form = match_form(text)
        at = form.index("the bridge will reopen")
        assert stance_of(form, (at, at + len("the bridge will reopen")), "the bridge will reopen", "affirm") == "affirm"
