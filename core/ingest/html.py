"""Saved web pages: the article's main text and metadata, without navigation, ads and footers.

trafilatura does the boilerplate removal; it leads the published comparisons of main-text extractors and reads
title, date and site name from the page's metadata (OpenGraph, JSON-LD, meta tags).
"""

from __future__ import annotations

from core.ingest.errors import IngestError
from core.ingest.html_text import html_to_text
from core.ingest.record import RawArticle


def parse_html(html: str) -> list[RawArticle]:
    import trafilatura

    if "<" not in html:
        raise IngestError("not HTML: no markup")
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as exc:  # trafilatura and lxml raise many types on broken markup
        raise IngestError(f"malformed HTML ({type(exc).__name__})") from None
    text = (doc.text if doc else None) or html_to_text(html)
    title = doc.title if doc else None
    if not text.strip():
        raise IngestError("no article text in the page")
    first, _, rest = text.partition("\n")
    if title and rest.strip() and first.strip() == title.strip():
        text = rest
    return [RawArticle(
        text=text,
        title=title,
        published=doc.date if doc else None,
        source=(doc.sitename or doc.hostname) if doc else None,
        url=doc.url if doc else None,
    )]
