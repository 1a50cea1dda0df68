"""Double-encoded text repaired: `PeÃ±a Nieto` back to `Peña Nieto`.

Scrapers and CMS exports often decode UTF-8 as Windows-1252 and encode it again; the bytes are valid UTF-8, so
decoding cannot catch it. ftfy recognises the patterns such round trips leave and undoes only those: it is
configured here to fix encodings and nothing else (quotes stay curly, widths, ligatures, HTML entities, line
breaks and control characters stay as written; control characters are sanitize's job), so text that is not
mojibake comes back unchanged, character for character.
"""

from __future__ import annotations

from ftfy import TextFixerConfig, fix_text

_ENCODING_ONLY = TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_c1_controls=False, fix_latin_ligatures=False,
    fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False,
    remove_control_chars=False, normalization=None, explain=False)


def repair_mojibake(text: str) -> str:
    if text.isascii():
        return text
    return fix_text(text, _ENCODING_ONLY)
