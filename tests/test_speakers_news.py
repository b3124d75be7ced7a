"""named_speaker on news attributions: appositives, openers, frames, quotes then words then the
name, pronouns, fragments; and reading each paragraph once."""

from __future__ import annotations

import time

import pytest

from checker.extract.speakers import named_speaker, speaker_of
from checker.models import Sentence
from checker.text import line_starts, paragraph_bounds, sentences


def named(text: str, at: str) -> str | None:
    position = text.index(at)
    start, end = paragraph_bounds(text, position)
    sentence = next(s for s in sentences(text, start, end, line_starts(text)) if s.start <= position < s.end)
    return named_speaker(text, sentence, position)


@pytest.mark.parametrize(("text", "at", "who"), [
    # appositives and titles without an article
    ("Kevin Park, the commissioner of the port authority, said the berths would reopen.", "berths", "Kevin Park"),
    ("Kevin Park, commissioner of the port authority, said the berths would reopen.", "berths", "Kevin Park"),
    ("The team's head coach, Dana Ruiz, said the season was over.", "season", "Dana Ruiz"),
    ("The season is over, said Maria Lopez of the Urban Institute in Washington.", "season", "Maria Lopez"),
    ("The talks had stalled, a senior official at the State Department said on Thursday, a day after the vote.",
     "talks", "senior official at the State Department"),
    # openers before the subject
    ("Meanwhile, the mayor said the bridge would close.", "bridge", "mayor"),
    ("In an interview on Sunday, the mayor said the bridge would close.", "bridge", "mayor"),
    ("On Tuesday, two agencies pushed back against claims that the bridge would close.", "bridge", "two agencies"),
    ("And the city said the road would reopen.", "road", "city"),
    # verbs and frames
    ("The driver told investigators that the brakes failed.", "brakes", "driver"),
    ("The Times, citing internal emails, reported that the plant would close.", "plant", "Times"),
    ("In a statement, the ministry denied the plant would close.", "plant", "ministry"),
    ("The union disputed that the plant would close.", "plant", "union"),
    ("The road will reopen in May, according to the transport department.", "road", "transport department"),
    ("A court filing showed that 300 homes flooded.", "homes", "court filing"),
    ("Records show the firm ignored the warnings.", "warnings", "Records"),
    ('"The wind is our enemy," said battalion chief Tom Reyes at a Monday briefing.', "wind",
     "battalion chief Tom Reyes"),
    ("The law, opponents argue, will drive up rents.", "rents", "opponents"),
    ("Gomez said the plan would add 40 officers. She added that taxes would not rise.", "taxes", "Gomez"),
    ("The city would add 40 officers under the plan. It said costs would rise.", "costs", "city"),
    ("The verdict will be appealed, Johnson's lawyer, Ann Cole, said.", "verdict", "Ann Cole"),
    ('"This is a responsible plan," said council member Rita Gomez, who chairs the panel.', "responsible",
     "council member Rita Gomez"),
    ('In an email, a spokesperson for Acme Corp. said the company "takes safety seriously."', "takes safety",
     "spokesperson for Acme Corp"),
    ('Maria Alvarez leads the agency.\n\n"We are stretched thin," she said. "But we will manage."', "manage",
     "Maria Alvarez"),
    ("Lee, who has lived on the street for 30 years, said the river rose fast.", "river", "Lee"),
    # a quote, more words, then the name
    ('"Nothing has changed" in the schedule, Ortiz wrote in an email.', "Nothing", "Ortiz"),
    # pronouns: the nearest fitting speaker of the paragraph or the one before
    ('Ana Ortiz runs the depot. "Nothing has changed," she said.', "Nothing", "Ana Ortiz"),
    ("Ana Ortiz said the depot was open.\n\nThe schedule has not changed, she added.", "schedule", "Ana Ortiz"),
    ("The ministry said the depot was open. Officials said more. The plan stands, it added.", "plan", "ministry"),
    # an institution's name keeps its "of"; an inverted "said" takes a name or a role, not a clause
    ("According to the Westbury County Board of Supervisors, the plan is dead.", "plan",
     "Westbury County Board of Supervisors"),
    ("The Linden Chamber of Commerce said the plan is dead.", "plan", "Linden Chamber of Commerce"),
    ("The plan is dead, said a spokeswoman for the agency.", "plan", "spokeswoman for the agency"),
    ("The plan is over, said the ossuary violates safety standards.", "plan", None),
    ('"We are done," says Ms. Lee.', "done", "Ms. Lee"),
    # fragments are no speaker
    ("As you know, the road is closed.", "road", None),
    ("Despite what officials said, the road is closed.", "road", None),
    ("The road is closed.", "road", None),
])
def test_named_speaker(text: str, at: str, who: str | None) -> None:
    assert named(text, at) == who


def _statement(text: str, start: int, length: int) -> Sentence:
    return Sentence(start=start, end=start + length, line=1, paragraph_start=0, paragraph_end=len(text),
                    text=text[start:start + length])


def test_many_statements_in_one_paragraph_read_it_once() -> None:
    unit = "The policy was suspended, he said. "

    def seconds(n: int) -> float:
        text = unit * n
        started = time.perf_counter()
        for k in range(0, n, n // 500):
            speaker_of(text, _statement(text, k * len(unit), len(unit) - 1), k * len(unit) + 5, "Outlet")
        return time.perf_counter() - started
    small, large = seconds(4000), seconds(16000)
    assert large < 8 * small + 0.5  # re-reading the paragraph per statement would be 16 times


def test_quote_pairing_is_linear() -> None:
    def seconds(n: int) -> float:
        text = '"' * n + ' "The policy is over." ' * 10
        started = time.perf_counter()
        for k in range(10):
            at = n + k * 23
            assert speaker_of(text, _statement(text, at, 22), at + 3, "Outlet") == "Outlet"
        return time.perf_counter() - started
    small, large = seconds(100_000), seconds(400_000)
    assert large < 8 * small + 0.5


def test_any_short_opener_before_a_subject_with_an_article() -> None:
    from checker.extract.attribution import own_attribution

    assert own_attribution("A month on, the county said 1,800 homes were flooded.") == "county"
    assert own_attribution("By then, a spokesman said the count was 40.") == "spokesman"
    assert own_attribution("Flores, a spokeswoman, said no change was made.") == "Flores"
    assert own_attribution("Despite the rain, the parade went ahead.") is None
