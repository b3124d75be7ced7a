"""What every report says about a statement besides its sentence: who said it, where, when.

Shared by the text, Markdown, HTML, SARIF and GitHub reports, so they all name a statement the
same way: "Sarah Isgur Flores, per the Raw Story article of 2018-06-21", its article's title,
its url, and its place (`seeds/000_x.txt:6`, a line of the extracted text for HTML and PDF).
"""

from __future__ import annotations

from checker.formats import is_extracted
from checker.models import Mention, Version


def article(mention: Mention) -> str | None:
    """`the Raw Story article of 2018-06-21` (or without outlet or date when unknown); None when neither is."""
    if not (mention.outlet or mention.published):
        return None
    text = f"the {mention.outlet} article" if mention.outlet else "the article"
    return f"{text} of {mention.published.isoformat()}" if mention.published else text


def attribution(mention: Mention) -> str:
    """Who said it, per which article: `Flores, per the Raw Story article of 2018-06-21`.

    When no one else is named, the outlet speaks: `Raw Story, 2018-06-21`.
    """
    where = article(mention)
    speaker = mention.speaker
    if speaker and mention.outlet and speaker != mention.outlet and mention.speaker_kind != "outlet":
        return f"{speaker}, per {where}" if where else speaker
    if mention.outlet:
        return f"{mention.outlet}, {mention.published.isoformat()}" if mention.published else mention.outlet
    if speaker:
        return f"{speaker}, per {where}" if where else speaker
    return where or "unknown speaker"


def location(mention: Mention) -> str:
    """`seeds/000_x.txt:6`, with `(extracted text)` after it for an HTML or PDF source."""
    place = f"{mention.source}:{mention.line}"
    return f"{place} (extracted text)" if is_extracted(mention.source) else place


def outlets(version: Version) -> list[str]:
    """The outlets (else source names) of a version's statements, each once, in order."""
    return list(dict.fromkeys(m.outlet or m.source for m in version.mentions))


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def safe_url(url: str | None) -> str | None:
    """`url` when it is an http(s) address a report may link to; a source's other schemes
    (`javascript:`, `data:`) are never linked."""
    if url and url.strip().lower().startswith(("http://", "https://")) and not any(c in url for c in "\n\r\"'<> "):
        return url.strip()
    return None


def source_label(mention: Mention) -> str:
    """A source as a reader names it: `Raw Story, 2018-06-21`, else its file name."""
    if mention.outlet:
        return f"{mention.outlet}, {mention.published.isoformat()}" if mention.published else mention.outlet
    return mention.source
