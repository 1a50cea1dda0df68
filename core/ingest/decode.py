"""Bytes to text: byte-order mark, then UTF-8, then a charset detector.

Saved pages and old wire copy come in cp1252, Latin-1 and UTF-16; guessing wrong garbles every quote mark,
so the detector only runs when the cheap, certain answers fail.
"""

from __future__ import annotations

import codecs
import re

from core.ingest.errors import IngestError

_BINARY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTERS = re.compile(r"[A-Za-z]")
_WESTERN = set("€‚„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ") | {chr(c) for c in range(0xA0, 0x100)}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes) -> str:
    """Decode a file's bytes, or raise IngestError saying why the file is not text."""
    if not data.strip():
        raise IngestError("empty file")
    text = _decode(data)
    if _looks_binary(text):
        raise IngestError("binary file, not text")
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    return "\x00" in sample or len(_BINARY_CONTROLS.findall(sample)) > 0.05 * len(sample)


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise IngestError(f"invalid {encoding} after its byte-order mark at byte {exc.start}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data[:8192]:
        raise IngestError("binary file (NUL bytes), not text")
    western = _western(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise IngestError("binary file or unknown text encoding")
    return str(best)


def _western(data: bytes) -> str | None:
    """Windows-1252, the legacy encoding of most non-UTF-8 news in Western languages, when the text reads as it.

    Detectors weigh every code page alike and can pick cp775 for English with curly quotes; cp1252 is accepted
    only when each non-ASCII character is a Latin letter or typographic mark and such characters are a minority
    of the letters (Cyrillic or Greek read as cp1252 is almost all accented letters).
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = _NON_ASCII.findall(text)
    if any(ch not in _WESTERN for ch in high):
        return None
    letters = sum(ch.isalpha() for ch in high)
    ascii_letters = len(_ASCII_LETTERS.findall(text))
    return text if letters <= 0.2 * max(ascii_letters, 1) else None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL in every other byte of ASCII text; decode it only when that pattern holds."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) > 0.8 * len(zeros):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None
