"""speaker_of: who makes a statement, from quotes and their attributions or the sentence itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.extract.speakers import speaker_of
from checker.text import line_starts, paragraph_bounds, sentences

OUTLET = "The Outlet"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_c809df64c129ba37.txt"


def speaker(text: str, at: str, outlet: str | None = OUTLET) -> str | None:
    """The speaker of the words `at` (their first occurrence) in `text`."""
    position = text.index(at)
    start, end = paragraph_bounds(text, position)
    sentence = next(s for s in sentences(text, start, end, line_starts(text)) if s.start <= position < s.end)
    return speaker_of(text, sentence, position, outlet)


@pytest.mark.parametrize(("text", "at", "who"), [
    # quote, then its attribution
    ('"We are suspending prosecutions of adults," an unnamed official tells the publication.',
     "suspending", "unnamed official"),
    ("\u201cWe\u2019re suspending prosecutions of adults,\u201d an unnamed official tells the publication.",
     "suspending", "unnamed official"),
    ('"The policy is over," the official said Thursday.', "policy", "official"),
    ('"The policy is over," the official told reporters on Thursday.', "policy", "official"),
    ('"The policy is over," Flores, a Justice Department spokeswoman, said.', "policy", "Flores"),
    ('"The policy is over," according to the report.', "policy", "report"),
    # attribution, then the quote
    ('Flores said: "There has been no change to the policy."', "no change", "Flores"),
    ('The report said, "The policy is over."', "policy", "report"),
    ('U.S. Attorney John Smith said: "The policy is over."', "policy", "U.S. Attorney John Smith"),
    # inverted attribution
    ('"There has been no change to the policy," said Sarah Flores.', "no change", "Sarah Flores"),
    ('"The policy is over," said Flores, a Justice Department spokeswoman.', "policy", "Flores"),
    # "according to X"
    ("The policy ended, according to the inspector general.", "policy", "inspector general"),
    ("According to the inspector general, the policy ended.", "policy", "inspector general"),
    ("According to a report released Thursday by the inspector general, the policy ended.", "policy",
     "report"),
    ("The policy ended, according to officials on Monday.", "policy", "officials"),
    # "X reported that", "X quickly denied", and other leading attributions
    ("The Washington Post reported that Border Patrol was backing off.", "backing", "Washington Post"),
    ("A Justice Department spokesperson quickly denied the initial Washington Post report.", "initial",
     "Justice Department spokesperson"),
    ("The mayor said that the policy was suspended.", "suspended", "mayor"),
    ("Officials said the policy was suspended.", "suspended", "Officials"),
    ("In a statement, the department said the policy is over.", "policy", "department"),
    ("Sessions, the former attorney general, said the policy was a mistake.", "policy", "Sessions"),
    ("President Donald Trump had insisted that his policies would remain in place.", "remain",
     "President Donald Trump"),
    # trailing attributions
    ("The policy was suspended, officials said.", "suspended", "officials"),
    ("The policy was suspended, the spokesperson told reporters on Monday.", "suspended", "spokesperson"),
    ("The policy is over, said the spokesperson.", "policy", "spokesperson"),
    ("The policy is over, officials said, adding that more was coming.", "policy", "officials"),
    ("The policy, officials said, is over.", "is over", "officials"),
    ("The report, the OIG said, found the policy flawed.", "policy", "OIG"),
    # scare quotes inside an attributed sentence do not hide the attribution
    ('President Donald Trump had insisted that his "zero tolerance" policies would remain.', "remain",
     "President Donald Trump"),
    # pronouns name no one: fall back to the outlet
    ("The policy was suspended, he said.", "suspended", OUTLET),
    ("They said the policy was suspended.", "suspended", OUTLET),
    ('"The policy is over," she said.', "policy", OUTLET),
    # no attribution at all: the outlet speaks
    ("The policy was suspended in June.", "suspended", OUTLET),
    ("\u201cThe policy is over.\u201d", "policy", OUTLET),
])
def test_speaker_of_sentence(text: str, at: str, who: str) -> None:
    assert speaker(text, at) == who


def test_no_attribution_and_no_outlet() -> None:
    assert speaker("The policy was suspended in June.", "suspended", outlet=None) is None


THREE = ('"The Post never reached out to the Department. Their story is not accurate. There has been no '
         'change to the policy," Sarah Isgur Flores said.')


@pytest.mark.parametrize("at", ["never reached out", "not accurate", "no change"])
def test_quote_of_three_sentences_attributed_once_at_its_end(at: str) -> None:
    assert len(sentences(THREE, 0, len(THREE), line_starts(THREE))) == 3
    assert speaker(THREE, at) == "Sarah Isgur Flores"


LEADING_THREE = 'Flores said: "We never reached out. The story is wrong. Nothing has changed."'


@pytest.mark.parametrize("at", ["never reached out", "story is wrong", "Nothing has changed"])
def test_quote_of_three_sentences_attributed_once_at_its_start(at: str) -> None:
    assert speaker(LEADING_THREE, at) == "Flores"


@pytest.mark.parametrize(("text", "at", "who"), [
    ('"We are done," the mayor said. "The policy is over."', "policy is over", "mayor"),
    ('"We are done," the mayor said. Later, the chief spoke. "The policy is over."', "policy is over", "mayor"),
    ('Flores said: "We are done." "The policy is over," she added.', "policy is over", "Flores"),
    ('"We are done," Flores said. "The policy is over," she added.', "policy is over", "Flores"),
    ('"We are done." "The policy is over," the mayor said.', "We are done", "mayor"),
    # the nearest attributed quote wins
    ('"A," Flores said. "B," the mayor said. "The policy is over."', "policy is over", "mayor"),
    ('"The policy is over." "A," Flores said. "B," the mayor said.', "policy is over", "Flores"),
])
def test_unattributed_quote_takes_nearest_attributed_quote(text: str, at: str, who: str) -> None:
    assert speaker(text, at) == who


def test_attribution_does_not_cross_paragraphs() -> None:
    text = '"We are done," the mayor said.\n\n"The policy is over."'
    assert speaker(text, "policy is over") == OUTLET


@pytest.mark.parametrize(("at", "who"), [
    ("Border Patrol was backing off", "Washington Post"),
    ("suspending prosecutions of adults", "unnamed official"),
    ("until ICE", "unnamed official"),
    ("quickly denied the initial", "Justice Department spokesperson"),
    ("which had suggested the Trump administration", "Justice Department spokesperson"),
    ("never reached out to the Department", "Sarah Isgur Flores"),
    ("Their story is not accurate", "Sarah Isgur Flores"),
    ("no change to the Department", "Sarah Isgur Flores"),
    ("backtracking on the Trump", "senior U.S. Customs and Border Protection official"),
    ("had insisted that his", "President Donald Trump"),
    ("later clarified", "Washington Post"),
    ("With this latest reversal", "Raw Story"),
])
def test_seed_sentences(at: str, who: str) -> None:
    text = SEED.read_text(encoding="utf-8")
    assert speaker(text, at, outlet="Raw Story") == who
