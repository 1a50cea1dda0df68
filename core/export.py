"""Briefings as a Markdown document an analyst can send on.

Article text is untrusted: every field is escaped so that a title cannot open a heading, a link or raw HTML.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from core.briefing import Briefing
from core.quotes import Quote
from core.review import Review
from core.timex_words import document_date, readable_timex

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
_LINE_START = re.compile(r"^(\s*)([-=>]|\d+[.)])", re.MULTILINE)


# GFM's extended autolinks turn a bare "http://", "www." or "name@host" in plain text into a live link: a
# backslash stops the first two; an email is found after escapes are undone, so an (invisible) HTML comment
# splits it instead.
_SCHEME = re.compile(r"(?<=[A-Za-z])(?=://)")
_WWW = re.compile(r"(?i)(?<![\w.-])(www)\.")
_EMAIL_AT = re.compile(r"@")  # every one: "mailto:@x.org" and "http@.http" were linked too


def md_text(text: str) -> str:
    """Inline Markdown that shows the text literally: specials escaped, line breaks folded, no autolink."""
    escaped = _MARKDOWN_SPECIALS.sub(r"\\\1", " ".join(text.split()))
    escaped = _EMAIL_AT.sub("<!-- -->@", _WWW.sub(r"\1\\.", _SCHEME.sub("\\\\", escaped)))
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def briefing_markdown(
    briefings: Sequence[Briefing],
    reviews: dict[str, Review] | None = None,
    *,
    today: date | None = None,
) -> str:
    day = (today or date.today()).isoformat()
    count = f"{len(briefings)} article{'s' if len(briefings) != 1 else ''}"
    parts = [f"# Briefing, {day}\n\n{count}\n"]
    for briefing in briefings:
        review = (reviews or {}).get(briefing.article.content_hash)
        parts.append(article_markdown(briefing, review))
    return "\n".join(parts)


def article_markdown(briefing: Briefing, review: Review | None = None) -> str:
    """One article's section: metadata, BLUF, key points, notable quotes, timeline, and the analyst's note and tags."""
    a = briefing.article
    lines = [f"## {md_text(a.title or a.id)}", ""]
    meta = [md_text(x) for x in (a.source, document_date(a.published)) if x]
    if a.url:
        meta.append(f"<{a.url}>" if _is_plain_url(a.url) else md_text(a.url))
    if meta:
        lines += [" · ".join(meta), ""]
    if review and (review.tags or review.status != "new"):
        tags = ", ".join(f"`{t.replace('`', '')}`" for t in review.tags)
        lines += [f"Status: {review.status}" + (f" · Tags: {tags}" if tags else ""), ""]
    summary = briefing.summary
    if summary.bluf:
        lines += [f"**Bottom line:** {md_text(summary.bluf)}", ""]
    if summary.key_points:
        lines += ["**Key points:**", ""] + [f"- {md_text(p)}" for p in summary.key_points] + [""]
    quotes = [q for q in briefing.quotes if q.speaker][:_NOTABLE_QUOTES]
    if quotes:
        lines += ["**Quotes:**", ""]
        lines += [_quote_line(q) for q in quotes] + [""]
    # each line once: an article often names one date twice in a sentence ("Monday ... that Monday")
    dated = list(dict.fromkeys(f"- {md_text(readable_timex(t.value, t.type, t.mod))}: {md_text(t.sentence)}"
                               for t in briefing.timeline if t.resolved))[:_TIMELINE_ENTRIES]
    if dated:
        lines += ["**Timeline:**", "", *dated, ""]
    if briefing.keyphrases:
        lines += ["**Keyphrases:** " + ", ".join(md_text(k.phrase) for k in briefing.keyphrases), ""]
    if review and review.note.strip():
        lines += ["**Analyst's note:**", ""] + [f"> {md_text(line)}" for line in review.note.strip().split("\n")]
        lines.append("")
    return "\n".join(lines)


def _quote_line(quote: Quote) -> str:
    words = quote.quoted_words  # never the attribution inside an interrupted quotation
    said = f"“{md_text(words)}”" if quote.kind != "reported" else md_text(words)
    cue = f" ({md_text(quote.cue)})" if quote.cue else ""
    return f"- **{md_text(quote.speaker or '')}**{cue}: {said}"


_NOTABLE_QUOTES = 5
_TIMELINE_ENTRIES = 8


def _is_plain_url(url: str) -> bool:
    return re.fullmatch(r"https?://[^\s<>`]+", url) is not None
