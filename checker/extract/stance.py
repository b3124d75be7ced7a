"""Whether a statement affirms or denies a stance rule's claim.

Fuzzy similarity cannot see negation ("no change" scores like "change"), so the stance is the
polarity of the matched phrase, turned round by each negation that governs it from outside the
phrase: a negator just before it in the same clause (reaching over a list: "no fines, charges or
penalties"), a negator inside the matched text that the phrase itself lacks, or a denial verb or
frame earlier in the same clause ("denied the report that ...", "pushed back against claims
that ...", "called reports that ... false"). A denial governs its own clause only: "denied the
plan had changed and said inspections would continue" affirms the inspections. A negated verb of
saying states nothing ("Police never said the suspect had confessed") and turns nothing round.
"""

from __future__ import annotations

import re

from checker.models import Stance

NEGATORS = frozenset({"not", "no", "never", "neither", "nor", "without", "hardly", "nobody", "none", "cannot",
                      "nothing"})
DENIAL_VERBS = frozenset({
    "denied", "denies", "deny", "denying", "disputed", "disputes", "dispute", "rejected", "rejects",
    "refuted", "refutes", "dismissed", "dismisses", "contradicted", "contradicts",
})
REPORTING_VERBS = frozenset({
    "say", "said", "says", "saying", "claim", "claimed", "claims", "state", "stated", "confirm", "confirmed",
    "announce", "announced", "report", "reported", "suggest", "suggested", "tell", "told", "indicate", "indicated",
    "mention", "mentioned", "allege", "alleged", "write", "wrote",
})
AUXILIARIES = frozenset({"did", "do", "does", "has", "have", "had", "ever", "even", "once", "actually", "publicly"})
WINDOW = 5
SUBJECT_NEGATORS = frozenset({"none", "nobody", "nothing"})
"""Negators that govern their whole clause from the subject ("None of the engineers found ...")."""
LIST_SEGMENT = 3
LIST_WORDS = frozenset({"or", "and", "nor"})
"""How many words a list item between commas may have for a negation to reach over it."""
_TOKEN = re.compile(r"[a-z]+n't|[a-z]+|[,;:\"()]")
"""Words, with a contraction's "n't" kept on its word ("isn't", "can't", "won't"), and clause marks."""
NOT_NEGATING = frozenset({"only", "just", "merely", "simply"})
"""Words after which "not" does not negate: "not only ... but also"."""
IDIOMS = {"without": frozenset({"doubt", "question", "fail", "exception"}), "no": frozenset({"doubt", "question"})}
"""Negators that affirm before these words: "without doubt", "no doubt the hospital will close"."""
_CLAUSE_BREAK = re.compile(
    r"^\W*(?:although|though|even\s+though|while|whereas|despite|if)\b[^,;]*,"  # a leading subordinate clause
    r"|[;.]\s|\b(?:but|while|although|whereas)\b|\band\s+(?:(?:he|she|it|they|officials?)\s+)?"
    r"(?:said|says|added|insisted|confirmed|stressed|noted|announced|promised|pledged|vowed|agreed|acknowledged|"
    r"admitted|conceded|argued|explained|warned)\b"
)
_DENIAL_FRAME = re.compile(
    r"\bpushed\s+back\s+(?:against|on)\b|\bno\s+truth\s+(?:to|in)\b|\b(?:not\s+true|untrue|false)\s+that\b"
    r"|\bbrushed\s+(?:aside|off)\b|\btook\s+issue\s+with\b|\bwithout\s+(?:merit|basis)\b"
)
_LISTED = re.compile(r"\s*(?:,|\bor\b|\band\b|\bnor\b)\s*[a-z]")
"""A phrase followed by more list items ("no fines, charges or penalties" matched at "charges")."""
_CALLED = re.compile(r"\b(?:called|labell?ed|described)\b")
_CALLED_FALSE = re.compile(
    r"[^;.]*?\b(?:false|untrue|inaccurate|baseless|unfounded|wrong|fabricated|fake|misleading|nonsense|"
    r"incorrect|groundless)\b"
)


def _governs_saying(tokens: list[str], i: int) -> bool:
    """Whether the negator at `tokens[i]` negates a verb of saying ("never said", "did not claim")."""
    for token in tokens[i + 1:i + 4]:
        if token in REPORTING_VERBS:
            return True
        if token not in AUXILIARIES:
            return False
    return False


def _negations(tokens: list[str], following: list[str] = ()) -> int:  # type: ignore[assignment]
    """The negators among `tokens` (read on into `following`) that do not negate a verb of saying."""
    context = tokens + list(following)
    count = 0
    for i, token in enumerate(tokens):
        if token in NEGATORS or token.endswith("n't"):
            after = context[i + 1] if i + 1 < len(context) else ""
            if (token == "not" and after in NOT_NEGATING) or after in IDIOMS.get(token, ()):
                continue
            if _governs_saying(context, i):
                continue
            count += 1
    return count


def _window(before: list[str], listed: bool) -> list[str]:
    """The words just before the phrase in its clause, reaching back over the items of a list
    (`listed`: the phrase itself is followed by more items)."""
    window: list[str] = ["or"] if listed else []
    segment, limit = 0, WINDOW
    for token in reversed(before):
        if token == "," and segment <= LIST_SEGMENT and any(t in LIST_WORDS for t in window):
            segment, limit = 0, limit + LIST_SEGMENT
            continue
        if token in ",;:\"()" or len(window) >= limit:
            break
        window.append(token)
        segment += 1
    return window[::-1][:-1] if listed else window[::-1]


def _clause_start(form: str, end: int) -> int:
    start = 0
    for found in _CLAUSE_BREAK.finditer(form, 0, end):
        start = found.end()
    return start


def stance_of(form: str, span: tuple[int, int], phrase_form: str, polarity: Stance) -> Stance:
    """The stance of the statement whose phrase (polarity `polarity`) matched `form[span]`."""
    clause_start = _clause_start(form, span[0])
    clause = form[clause_start:span[0]]
    frames = list(_DENIAL_FRAME.finditer(clause))
    unframed = form[:clause_start] + _DENIAL_FRAME.sub(lambda m: " " * len(m.group()), clause)
    before = _TOKEN.findall(clause)
    listed = bool(_LISTED.match(form, span[1]))
    window = _window(_TOKEN.findall(unframed), listed)
    flips = _negations(window, _TOKEN.findall(form[span[0]:span[1]]))
    flips += max(0, _negations(_TOKEN.findall(form[span[0]:span[1]])) - _negations(_TOKEN.findall(phrase_form)))
    flips += sum(1 for t in before if t in DENIAL_VERBS)
    flips += len(frames)
    flips += sum(1 for t in before[: max(0, len(before) - len(window))] if t in SUBJECT_NEGATORS)
    if _CALLED.search(clause) and _CALLED_FALSE.match(form, span[1]):
        flips += 1
    if flips % 2 == 0:
        return polarity
    return "deny" if polarity == "affirm" else "affirm"
