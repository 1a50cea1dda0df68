"""Saved web pages: the article's main text and metadata, without navigation, ads and footers.

trafilatura does the boilerplate removal; it leads the published comparisons of main-text extractors and reads
title, date and site name from the page's metadata (OpenGraph, JSON-LD, meta tags). Its guesses are checked
against the page's own OpenGraph and Twitter tags wherever they read as no headline (a CMS name such as
`escenic`, the site's name) or as the wrong field (a syndicated page whose "site name" is the headline).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.ingest.errors import IngestError
from core.ingest.html_text import html_to_text, tame_markup
from core.ingest.record import RawArticle
from core.ingest.sanitize import sanitize

# Below this many characters an extraction is rarely the article: a caption, a teaser before a paywall, the
# shell of a page its scripts would have filled. The text is kept, with a caveat saying so.
THIN_CHARS = 500
_HEADLINE_WORDS = 3  # a page title of this many words or more reads as a headline, one word as a label


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What the page says about itself, read before trafilatura cleans the tree."""

    headline: str | None  # og:title, else twitter:title
    site_name: str | None  # og:site_name


def parse_html(html: str) -> list[RawArticle]:
    import trafilatura

    if "<" not in html:
        raise IngestError("not HTML: no markup")
    # escape sequences out before the parse: lxml drops the ESC and keeps the rest ("[31m") as text
    html = sanitize(html)
    try:
        tree = trafilatura.load_html(tame_markup(html))
        meta = _page_meta(tree)
        extracted = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False,
                                                include_tables=False) if tree is not None else None
        doc = None if isinstance(extracted, dict) else extracted  # a Document: as_dict is off
    except Exception as exc:  # trafilatura and lxml raise many types on broken markup
        raise IngestError(f"malformed HTML ({type(exc).__name__})") from None
    text = (doc.text if doc else None) or html_to_text(html)
    if not text.strip():
        raise IngestError("no article text in the page")
    hostname = doc.hostname if doc else None
    title = _title(doc.title if doc else None, meta, (doc.sitename if doc else None), hostname)
    source = _source((doc.sitename or hostname) if doc else None, title, meta, hostname)
    first, _, rest = text.partition("\n")
    if title and rest.strip() and first.strip() == title.strip():
        text = rest
    return [RawArticle(
        text=text,
        title=title,
        published=doc.date if doc else None,
        source=source,
        url=doc.url if doc else None,
        caveat=thin_caveat(text),
    )]


def thin_caveat(text: str) -> str | None:
    size = len(text.strip())
    if size >= THIN_CHARS:
        return None
    return f"text is only {size} characters: likely a paywall, a gallery or a script-built page"


def _page_meta(tree: Any) -> PageMeta:  # an lxml tree, or None
    if tree is None:
        return PageMeta(None, None)

    def first(*names: str) -> str | None:
        for name in names:
            for element in tree.xpath(f'//meta[@property="{name}" or @name="{name}"][@content]'):
                value = " ".join(element.get("content", "").split())
                if value:
                    return value
        return None

    return PageMeta(headline=first("og:title", "twitter:title"), site_name=first("og:site_name"))


def _same(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _title(guess: str | None, meta: PageMeta, site_name: str | None, hostname: str | None) -> str | None:
    """The extractor's title, unless it is generic (the site's name, or a single word where the page's own tags
    hold a headline that does not contain it) and the page offers a headline."""
    if not meta.headline or _same(guess, meta.headline):
        return guess
    generic = not guess or _same(guess, site_name) or _same(guess, meta.site_name) or _same(guess, hostname) \
        or (len(guess.split()) == 1 and len(meta.headline.split()) >= _HEADLINE_WORDS
            and guess.casefold() not in meta.headline.casefold())
    return meta.headline if generic else guess


def _source(guess: str | None, title: str | None, meta: PageMeta, hostname: str | None) -> str | None:
    """The extractor's site name, unless it has none or it is the headline (syndicated pages name the story as
    publisher); then the page's og:site_name, else the host the page came from."""
    if guess and not (_same(guess, title) or _same(guess, meta.headline)):
        return guess
    for candidate in (meta.site_name, hostname):
        if candidate and not _same(candidate, title):
            return candidate
    return None
