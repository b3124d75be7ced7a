"""The attribution patterns speakers are read with: who says, in which frame, and what is no speaker.

A speaker is a name or a role ("a senior official", "the report", "a court filing"), never a
fragment ("and", "as you", "despite what ..."), nor anything holding blanked-out quotation.
"""

from __future__ import annotations

import re

__all__ = ["VERBS", "clean", "own_attribution", "quote_attribution"]

VERBS = (
    "said|says|say|told|tells|tell|reported|reports|denied|denies|insisted|insists|noted|notes|continued|"
    "added|adds|stated|states|wrote|writes|claimed|claims|clarified|clarifies|suggested|suggests|showed|shows|"
    "found|finds|announced|announces|argued|argues|explained|explains|confirmed|confirms|acknowledged|"
    "testified|warned|warns|maintained|maintains|asserted|asserts|alleged|alleges|revealed|reveals|"
    "pushed\\s+back|disputed|disputes|rejected|rejects|countered|counters|responded|replied|conceded|admitted|"
    "estimated|estimates|predicted|cautioned|emphasized|stressed|pointed\\s+out|recalled|declared|posted|"
    "tweeted|concluded|concludes|projected|disclosed|indicated|complained|urged|observed|remarked|promised|"
    "vowed|pledged|contended|contends|informed|assured|recounted|agreed|predicts|show|find|suggest|indicate|"
    "allege|warn|confirm|argue|contend|insist|add|believe|acknowledge|admit|concede|maintain|assert|write|"
    "explain|predict|"
    "put\\s+the\\s+(?:number|figure|"
    "count|total|toll)"
)
_NAME = r"[A-Za-z][\w.'’&-]*"
_NP = rf"(?P<who>{_NAME}(?:\s{_NAME}){{0,8}}?)"
_ADVERB = r"(?:\s+\w+ly)?(?:\s+(?:had|has|have|also|later|then|quickly|again|previously|once))*"
_APPOSITIVE = rf"(?:\s*,\s*(?P<apposition>(?![^,]*\b(?:{VERBS})\b)[^,.;:\"“”]{{1,80}}),)?"
"""`Flores, a Justice Department spokeswoman, said` or `The Times, citing internal emails, reported`:
words with no verb of saying between the speaker and the verb; `The report, the OIG said, found`
is the OIG speaking, not the report."""
_WHEN = r"(?:\s+(?:on\s+|late\s+|early\s+)?\w+day|\s+(?:last|this)\s+\w+|\s+(?:yesterday|today|earlier|later))?"
_ACCORDING_TO = r"(?i:according\s+to)"
_ACCORDING_END = r"(?=\s*(?:[,.;]|$|\s+(?:released|published|by|on|in|who|which|that)\b))"
_OPENER = (r"(?:(?:In|On|At|During|After|Before|Since|Following|Speaking|Asked|Meanwhile|However|Still|Separately|"
           r"Later|Earlier|Also|But|And|Yet|Instead|Now|Then|Today|Yesterday|Last|Addressing|Responding|Writing|"
           r"Elsewhere|Overall|Nationally|Locally|Previously)\b[^,\"“”]{0,80},\s+)*"
           r"(?:(?:And|But|Yet|So|Still|Meanwhile|However|Also|Now)\s+(?!\w+\s*,))?")
_LEADING = re.compile(rf"^\W*{_OPENER}{_NP}{_APPOSITIVE}{_ADVERB}\s+(?:{VERBS})\b")
_AFTER_OPENER = re.compile(rf"^\W*[A-Z][^,\"“”]{{0,40}},\s+(?=(?:the|a|an)\s){_NP}{_ADVERB}\s+(?:{VERBS})\b")
"""Any short opener before a subject with an article: `A month on, the county said`, `By then, a
spokesman said`; tried after the rest, so `Flores, a spokeswoman, said` stays Flores."""
_TRAILING = re.compile(rf",\s*{_NP}{_APPOSITIVE}{_ADVERB}\s+(?:{VERBS})\b[^,]*$")
_TRAILING_INVERTED = re.compile(rf",\s*(?:{VERBS})\s+{_NP}\W*$")
_PARENTHETICAL = re.compile(rf",\s*{_NP}{_ADVERB}\s+(?:{VERBS}){_WHEN}\s*,")
"""`The policy, officials said, is over` and `..., a senior official said on Thursday, a day after ...`."""
_INVERTED_MID = re.compile(rf",\s*(?:{VERBS})\s+{_NP}\s*(?:,|$)")
_ACCORDING = re.compile(rf"\b{_ACCORDING_TO}\s+{_NP}{_ACCORDING_END}")
_IN_STATEMENT = re.compile(rf"\b(?:[Ii]n|[Ii]n\s+its)\s+(?:a\s+)?statement\b[^,]*?,\s*{_NP}\s+(?:{VERBS})\b")
_AFTER_QUOTE = re.compile(rf"^\s*,?\s*{_NP}{_APPOSITIVE}{_ADVERB}\s+(?:{VERBS})\b")
_AFTER_QUOTE_INVERTED = re.compile(
    rf"^\s*,?\s*(?:{VERBS})\s+{_NP}(?=\s*[,.;:]|\s*$|\s+(?:at|in|on|during|after|before|while|from)\s)")
_AFTER_QUOTE_ACCORDING = re.compile(rf"^\s*,?\s*{_ACCORDING_TO}\s+{_NP}{_ACCORDING_END}")
_AFTER_QUOTE_LATER = re.compile(rf"^[^.;!?]{{1,80}}?,\s*{_NP}{_ADVERB}\s+(?:{VERBS})\b")
"""`"Nothing has changed" in the schedule, Ortiz wrote`: more words after the quote, then the name."""
_BEFORE_QUOTE = re.compile(rf"{_NP}{_ADVERB}\s+(?:{VERBS})(?:\s+\w+){{0,3}}\s*[,:]?\s*$")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt|Co|Mt))"
                           r"(?<!\b(?:Mrs|Gov|Sen|Rep|Gen|Col|Sgt|Inc|Ltd))(?<!\b(?:Corp|Prof|Dept))[.;!?]\s")
"""A sentence end before a quote; not the period of an initial or "U.S.", a title ("Dr.", "Sen.")
or a company ("Acme Corp.")."""

_INVERTED = frozenset({_TRAILING_INVERTED, _INVERTED_MID, _AFTER_QUOTE_INVERTED})
ARTICLES = ("the ", "a ", "an ")
ORG_WORDS = frozenset("""
    department ministry agency post times office institute court council police service inc corp university
    commission authority committee association company news bureau report statement filing study survey data
    government city county state administration board group team hospital school network center centre fund
    union party campaign coalition organization organisation journal tribune herald reuters press chamber
    foundation
""".split())
"""Words that make a speaker an institution: "it" may stand for one, "he" or "she" may not."""
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "who", "which"})
FRAGMENTS = frozenset("""
    and or but nor as despite while if because so what which that when where how why although though after
    before since until unless even also then there here nothing everything something anything what's
    whether than like with without about into from for of to in on at by not no yes the a an
""".split())
AUXILIARIES = frozenset("would will could can may might must should shall to not did do does".split())
"""Words a speaker never ends with: "the plan would add 40 officers" names no one."""
TIME_WORDS = re.compile(
    r"\s+(?:last|this|next|on|earlier|later)?\s*(?:week|month|year|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|today|yesterday)\b.*$", re.IGNORECASE)
_NAME_PREFIX = re.compile(
    r"^(?P<name>(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*)\s+(?:(?:of|at|from|with|for)\s+the\s|in\s+[A-Z])")
"""A person's name before the institution they belong to: "Maria Lopez of the Urban Institute";
not "Board of Supervisors" or "Department of Transportation", which are the name."""
_ROLE_SHAPE = re.compile(
    r"(?:[A-Z][\w.'’&-]*(?:\s+|$))+.*|(?:[a-z][\w'’-]*\s+){1,3}(?:[A-Z][\w.'’-]*(?:\s+|$))+"
    r"|(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*"
    r"(?:\s+(?:of|at|for|from|with|in|on)\s+\S+(?:\s+\S+){0,4})?")
"""What may follow an inverted "said": a name, or a role of up to three words and its institution
("said a spokeswoman for the agency"), not a clause ("said the ossuary violates safety standards")."""
_PROPER_NAME = re.compile(r"(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*")
QUOTES = '"“”'


def clean(who: str) -> str | None:
    """The speaker as reported: no article, no trailing time words, a person's name without the
    institution after it ("Maria Lopez of the Urban Institute"); None for pronouns and fragments."""
    who = TIME_WORDS.sub("", who.strip(" ,.;:"))
    if "  " in who or not who:
        return None
    lowered = who.lower()
    for article in ARTICLES:
        if lowered.startswith(article):
            who = who[len(article):]
            break
    named = _NAME_PREFIX.match(who)
    if named and named["name"].split()[-1].lower() not in ORG_WORDS:
        who = named["name"]
    words = who.lower().split()
    if not words or who.lower() in PRONOUNS or words[0] in FRAGMENTS or words[-1] in AUXILIARIES or len(words) > 9:
        return None
    return who


def _with_apposition(found: re.Match[str]) -> str | None:
    """The speaker of a match: the name in an apposition to a role ("The head coach, Dana Ruiz,")."""
    apposition = found.groupdict().get("apposition")
    who = clean(found["who"])
    if who and found.re in _INVERTED and not _ROLE_SHAPE.fullmatch(who):
        return None
    role = who is None or any(word[0].islower() for word in who.split())
    if apposition and _PROPER_NAME.fullmatch(apposition.strip()) and role:
        return clean(apposition)
    return who


def quote_attribution(paragraph: str, span: tuple[int, int]) -> str | None:
    """The speaker named right after a quote's close or right before its open."""
    after = paragraph[span[1] + 1: span[1] + 160]
    after = _SENTENCE_END.split(re.split(r"[" + QUOTES + "]", after, maxsplit=1)[0], maxsplit=1)[0]
    for pattern in (_AFTER_QUOTE_ACCORDING, _AFTER_QUOTE, _AFTER_QUOTE_INVERTED, _AFTER_QUOTE_LATER):
        found = pattern.match(after)
        if found and (who := _with_apposition(found)):
            return who
    before = paragraph[max(0, span[0] - 160): span[0]]
    before = re.split(r"[" + QUOTES + "]", before)[-1]
    before = _SENTENCE_END.split(before)[-1]
    found = _BEFORE_QUOTE.search(before)
    if found and (who := clean(found.group("who"))):
        return who
    return None


def own_attribution(sentence: str) -> str | None:
    """A speaker an unquoted sentence names itself."""
    for pattern in (_ACCORDING, _IN_STATEMENT, _LEADING, _PARENTHETICAL, _TRAILING, _INVERTED_MID,
                    _TRAILING_INVERTED, _AFTER_OPENER):
        found = pattern.search(sentence)
        if found and (who := _with_apposition(found)):
            return who
    return None


def pronoun_attribution(sentence: str) -> str | None:
    """The pronoun that attributes an unquoted sentence ("..., he said"), lower-cased, if any."""
    for pattern in (_LEADING, _PARENTHETICAL, _TRAILING, _TRAILING_INVERTED):
        found = pattern.search(sentence)
        if found and found["who"].lower() in ("he", "she", "they", "it"):
            return found["who"].lower()
    return None
