"""HTML fragments (feed item bodies, pages the article extractor gives up on) to plain paragraphs.

lxml's parser (libxml2, in C) reads the markup: Python's html.parser rescans an unterminated tag or processing
instruction to the end of the input each time it meets one, so `<a ` or `<?` repeated over 100 KB took minutes.
"""

from __future__ import annotations

import re

_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
    "table", "section", "article", "header", "footer", "figure", "figcaption", "hr", "dd", "dt",
}
_SKIPPED = {"script", "style", "noscript", "template", "head", "svg", "nav", "iframe", "object"}
_SPACES = re.compile(r"(?<![ \t\u00a0])[ \t\u00a0]*\n[ \t\u00a0\n]*")  # from a run's start only: linear
_RUN = re.compile(r"[ \t\n]+")
# characters libxml2 refuses in a document: C0 controls but tab, newline and return, and lone surrogates. Each is
# carried through the parse as a private-use character and put back, so the sanitizer still sees (and removes)
# an escape sequence whole instead of a stray "[31m".
_UNPARSABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
_CARRIED = 0xF0000


# A start tag with thousands of attributes costs libxml2 (and trafilatura after it) time quadratic in their
# number (each is checked against the others for duplicates): one element of 100k attributes took minutes. Only
# tags this long are looked at, and their attributes dropped when there are more than any page needs.
_LONG_START_TAG = re.compile(r"<([A-Za-z][\w:.-]*)(\s[^<>]{4096,})>")
_ATTRIBUTE = re.compile(r"\s[^\s=<>]+")
MAX_ATTRIBUTES = 256


def tame_markup(html: str) -> str:
    """The markup with the attributes of any element holding over MAX_ATTRIBUTES of them dropped."""

    def tamed(match: re.Match[str]) -> str:
        many = sum(1 for _ in zip(_ATTRIBUTE.finditer(match.group(2)), range(MAX_ATTRIBUTES + 1), strict=False))
        return f"<{match.group(1)}>" if many > MAX_ATTRIBUTES else match.group(0)

    return _LONG_START_TAG.sub(tamed, html)


def html_to_text(html: str) -> str:
    """Block elements become line breaks, runs of blank lines fold to one, inline markup disappears."""
    from lxml import etree
    from lxml import html as lxml_html

    if not html.strip():
        return ""
    carried = tame_markup(html)
    carried = _UNPARSABLE.sub(lambda m: chr(_CARRIED + ord(m.group(0)) % 0x10000), carried)
    try:
        root = lxml_html.document_fromstring(carried)
    except (etree.ParserError, ValueError):  # nothing but markup that holds no element
        return ""
    etree.strip_tags(root, etree.Comment, etree.ProcessingInstruction)  # the walk skips them, tails and all
    parts: list[str] = []
    skipping = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):  # iterative: 100k-deep markup is fine
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _SKIPPED:
                skipping += 1
            elif tag in _BLOCKS:
                parts.append("\n")
            if tag and not skipping and element.text:
                parts.append(_RUN.sub(" ", element.text))
        else:
            if tag in _SKIPPED:
                skipping = max(0, skipping - 1)
            elif tag in _BLOCKS:
                parts.append("\n")
            if not skipping and element.tail:
                parts.append(_RUN.sub(" ", element.tail))
    text = _SPACES.sub("\n", "".join(parts)).strip()
    return _CARRIED_BACK.sub(_put_back, text) if max(text, default="") >= chr(_CARRIED) else text


_CARRIED_BACK = re.compile("[\U000f0000-\U000f001f\U000fd800-\U000fdfff]")


def _put_back(match: re.Match[str]) -> str:
    code = ord(match.group(0)) - _CARRIED
    return chr(code) if code < 0x20 else "\ufffd"  # a surrogate comes back as the mark the sanitizer gives it
