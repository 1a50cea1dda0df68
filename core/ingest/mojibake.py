"""Double-encoded text repaired: `PeÃ±a Nieto` back to `Peña Nieto`.

Scrapers and CMS exports often decode UTF-8 as Windows-1252 and encode it again; the bytes are valid UTF-8, so
decoding cannot catch it. ftfy recognises the patterns such round trips leave and undoes only those: it is
configured here to fix encodings and nothing else (quotes stay curly, widths, ligatures, HTML entities, line
breaks and control characters stay as written; control characters are sanitize's job), so text that is not
mojibake comes back unchanged, character for character.

ftfy weighs every text with a large regular expression, which made it most of the time of reading a batch
(14.6 of 19 s for 10,000 articles with curly quotes). A text is handed to it only when it holds what a UTF-8
character decoded in one of the single-byte encodings ftfy undoes always leaves: a lead byte's character followed
by a continuation byte's (or the U+FFFD a lossy decode put there). Without such a pair ftfy has nothing to undo.

Some sources store the mojibake decomposed: "Ã" as A and a combining tilde (U+0303), which ftfy, told not to
normalize, does not take for the "Ã" of a double encoding. So a character with combining marks that composes to one of
those characters is composed before the search; the composition is kept only where ftfy then repairs something
(a text that was not mojibake comes back as written, decomposed characters and all).
"""

from __future__ import annotations

import re
import unicodedata

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-125x codecs named below)
from ftfy import TextFixerConfig, fix_text
from ftfy.chardata import CHARMAP_ENCODINGS

_ENCODING_ONLY = TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_c1_controls=False, fix_latin_ligatures=False,
    fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False,
    remove_control_chars=False, normalization=None, explain=False)


def _decoded_chars(first: int, last: int) -> frozenset[str]:
    """The characters the bytes first..last decode to in any of ftfy's encodings."""
    chars = {bytes([b]).decode(e, errors="ignore") for e in CHARMAP_ENCODINGS for b in range(first, last + 1)}
    return frozenset(chars - {""})


def _decoded(first: int, last: int) -> str:
    """The same characters as a regex class body."""
    return "".join(re.escape(c) for c in sorted(_decoded_chars(first, last)))


def _signature() -> re.Pattern[str]:
    """A UTF-8 lead byte's character (0xC2-0xF4) then a continuation byte's (0x80-0xBF), in any of the encodings
    (one pair of classes, which the regex engine scans for quickly, rather than one pair per encoding); the C1
    controls (a sloppy decode keeps unmapped bytes as them) and U+FFFD count as continuations."""
    return re.compile(f"[{_decoded(0xC2, 0xF4)}][{_decoded(0x80, 0xBF)}\u0080-\u009f\ufffd]")


_SIGNATURE = _signature()

_SIGNATURE_CHARS = _decoded_chars(0x80, 0xF4)

# combining diacritical marks, and a character with the marks after it: what NFD makes of "Ã", "Š" or "΅"
_COMBINING_MARK = re.compile("[\u0300-\u036f]")
_DECOMPOSED = re.compile("[^\u0300-\u036f][\u0300-\u036f]+")


def _composed(decomposed: re.Match[str]) -> str:
    """The character composed where it composes to one of a double encoding's trace, else as written."""
    composed = unicodedata.normalize("NFC", decomposed.group())
    return composed if composed in _SIGNATURE_CHARS else decomposed.group()


def repair_mojibake(text: str) -> str:
    if text.isascii():
        return text
    candidate = _DECOMPOSED.sub(_composed, text) if _COMBINING_MARK.search(text) else text
    if _SIGNATURE.search(candidate) is None:
        return text
    repaired = fix_text(candidate, _ENCODING_ONLY)
    return text if repaired == candidate else repaired
