"""Whether a statement affirms or denies a stance rule's claim.

Fuzzy similarity cannot see negation ("no change" scores like "change"), so the stance is the
polarity of the matched phrase, turned round by each negation that governs it from outside the
phrase: a negator just before it in the same clause, a negator inside the matched text that the
phrase itself lacks, or a denial verb earlier in the sentence ("denied the report that ...").
"""

from __future__ import annotations

import re

from checker.models import Stance

NEGATORS = frozenset({"not", "no", "never", "neither", "nor", "without", "hardly", "nobody", "none", "cannot"})
DENIAL_VERBS = frozenset({
    "denied", "denies", "deny", "denying", "disputed", "disputes", "dispute", "rejected", "rejects",
    "refuted", "refutes", "dismissed", "dismisses", "contradicted", "contradicts",
})
WINDOW = 5
_TOKEN = re.compile(r"[a-z]+n't|[a-z]+|[,;:\"()]")
"""Words, with a contraction's "n't" kept on its word ("isn't", "can't", "won't"), and clause marks."""
NOT_NEGATING = frozenset({"only", "just", "merely", "simply"})
"""Words after which "not" does not negate: "not only ... but also"."""


def _negations(tokens: list[str]) -> int:
    count = 0
    for i, token in enumerate(tokens):
        if token in NEGATORS or token.endswith("n't"):
            if token == "not" and i + 1 < len(tokens) and tokens[i + 1] in NOT_NEGATING:
                continue
            count += 1
    return count


def stance_of(form: str, span: tuple[int, int], phrase_form: str, polarity: Stance) -> Stance:
    """The stance of the statement whose phrase (polarity `polarity`) matched `form[span]`."""
    before = _TOKEN.findall(form[: span[0]])
    window: list[str] = []
    for token in reversed(before):
        if token in ",;:\"()" or len(window) == WINDOW:
            break
        window.append(token)
    flips = _negations(window[::-1])
    flips += max(0, _negations(_TOKEN.findall(form[span[0]:span[1]])) - _negations(_TOKEN.findall(phrase_form)))
    flips += sum(1 for t in before if t in DENIAL_VERBS)
    if flips % 2 == 0:
        return polarity
    return "deny" if polarity == "affirm" else "affirm"
