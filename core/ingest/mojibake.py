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
"""

from __future__ import annotations

import re

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-125x codecs named below)
from ftfy import TextFixerConfig, fix_text
from ftfy.chardata import CHARMAP_ENCODINGS

_ENCODING_ONLY = TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_c1_controls=False, fix_latin_ligatures=False,
    fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False,
    remove_control_chars=False, normalization=None, explain=False)


def _decoded(first: int, last: int) -> str:
    """The characters the bytes first..last decode to in any of ftfy's encodings, as a regex class body."""
    chars = {bytes([b]).decode(e, errors="ignore") for e in CHARMAP_ENCODINGS for b in range(first, last + 1)}
    return "".join(re.escape(c) for c in sorted(chars - {""}))


def _signature() -> re.Pattern[str]:
    """A UTF-8 lead byte's character (0xC2-0xF4) then a continuation byte's (0x80-0xBF), in any of the encodings
    (one pair of classes, which the regex engine scans for quickly, rather than one pair per encoding); the C1
    controls (a sloppy decode keeps unmapped bytes as them) and U+FFFD count as continuations."""
    return re.compile(f"[{_decoded(0xC2, 0xF4)}][{_decoded(0x80, 0xBF)}\u0080-\u009f\ufffd]")


_SIGNATURE = _signature()


def repair_mojibake(text: str) -> str:
    if text.isascii() or _SIGNATURE.search(text) is None:
        return text
    return fix_text(text, _ENCODING_ONLY)
