"""Sources that are not plain text: `.html` articles and `.pdf` documents, turned into text.

The text checked is the extracted text, so a statement's offsets and line numbers refer to it,
not to the HTML or PDF bytes (the reports say "line N of the extracted text"). Extraction needs
the optional extras: `pip install 'checker[html]'` (trafilatura, the library the field uses to
find an article's main text and its metadata) and `pip install 'checker[pdf]'` (pypdf, pure
Python). Without them, such a file is an error naming the extra to install.

A page's title, date and site name become the source's `title`, `published` and `outlet` when
the page has them; a `sources.yaml` manifest entry or a header in the text wins over them.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

from checker.models import Problem

HTML_SUFFIXES = (".html", ".htm")
PDF_SUFFIXES = (".pdf",)
CONVERTED_SUFFIXES = HTML_SUFFIXES + PDF_SUFFIXES
"""Suffixes whose files are turned into text here rather than decoded as they are."""

PageMeta = dict[str, tuple[Any, str, int | None]]
"""Metadata as the source reader takes it: `key: (value, file, line)`."""

_BLANK_RUNS = re.compile(r"\n{3,}")


def is_extracted(name: str) -> bool:
    """Whether a source of this name is text extracted from HTML or PDF (its lines are the text's)."""
    return Path(name).suffix.lower() in CONVERTED_SUFFIXES


def convert(path: Path, raw: bytes, where: str) -> tuple[str | None, Problem | None, PageMeta]:
    """The text of an HTML or PDF file, a problem (a warning when some text was still read), and
    whatever metadata the file holds."""
    if path.suffix.lower() in HTML_SUFFIXES:
        return html_text(raw, where)
    return pdf_text(raw, where)


def _missing(where: str, extra: str, module: str) -> Problem:
    return Problem(
        file=where,
        message=f"reading {Path(where).suffix} files needs {module}",
        hint=f"pip install 'checker[{extra}]'",
    )


def html_text(raw: bytes, where: str) -> tuple[str | None, Problem | None, PageMeta]:
    """The main text of an HTML article (no menus, footers or scripts) and its metadata."""
    try:
        import trafilatura
    except ImportError:
        return None, _missing(where, "html", "trafilatura"), {}
    try:
        found = trafilatura.bare_extraction(raw.decode("utf-8", "replace"), with_metadata=True, include_comments=False)
    except Exception as exc:  # noqa: BLE001 - a page trafilatura cannot parse is a bad source, not a crash
        return None, Problem(file=where, message=f"cannot read HTML: {exc}", hint="save the article as text"), {}
    data: dict[str, Any] = {}
    if found is not None:
        data = found if isinstance(found, dict) else found.as_dict()
    text = (data.get("text") or "").strip()
    if not text:
        problem = Problem(
            file=where,
            level="warning",
            message="no article text found in the HTML page",
            hint="save the article's text as .txt, or check the page is the article itself",
        )
        return None, problem, {}
    meta: PageMeta = {}
    for key, field in (("title", "title"), ("outlet", "sitename"), ("url", "url")):
        if data.get(field):
            meta[key] = (str(data[field]), where, None)
    published = _date(data.get("date"))
    if published is not None:
        meta["published"] = (published, where, None)
    # one paragraph a block, as in a .txt source
    return _BLANK_RUNS.sub("\n\n", text.replace("\n", "\n\n")) + "\n", None, meta


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def pdf_text(raw: bytes, where: str) -> tuple[str | None, Problem | None, PageMeta]:
    """The text layer of a PDF, page after page; a PDF without one (a scan) is a warning."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return None, _missing(where, "pdf", "pypdf"), {}
    try:
        reader = PdfReader(io.BytesIO(raw))
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        info = reader.metadata
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types for broken files
        return None, Problem(file=where, message=f"cannot read PDF: {exc}", hint="check the file is a whole PDF"), {}
    text = "\n\n".join(page for page in pages if page)
    if not text.strip():
        problem = Problem(
            file=where,
            level="warning",
            message=f"PDF has no text layer ({len(pages)} page(s) of images?); nothing was checked in it",
            hint="run OCR on it (e.g. ocrmypdf) and check the result",
        )
        return None, problem, {}
    meta: PageMeta = {}
    if info is not None and info.title:
        meta["title"] = (str(info.title), where, None)
    return _BLANK_RUNS.sub("\n\n", text) + "\n", None, meta
