"""Make untrusted text safe to show in a terminal while keeping every printable character where it was.

Article text reaches a terminal (the TUI passes ESC through) and Markdown exports, so escape sequences go and
control characters and bidi overrides become U+FFFD; curly quotes, non-breaking spaces and accents stay, so offsets
stay true.
"""

from __future__ import annotations

import re

# ECMA-48 sequences, both in their 7-bit (ESC ...) and 8-bit (C1) forms:
# OSC/DCS/SOS/PM/APC strings run to a terminator (BEL or ST) or, if never terminated, to the end of the line.
_STRING_SEQUENCE = r"(?:\x1b[\]P^_X]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
_CSI_SEQUENCE = r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
_OTHER_ESCAPE = r"\x1b[ -/]*[0-~]?"
_ESCAPES = re.compile(f"{_STRING_SEQUENCE}|{_CSI_SEQUENCE}|{_OTHER_ESCAPE}")

# C0 controls except tab and newline, DEL, C1 controls, the bidi embedding/override/isolate controls
# (U+202A-U+202E, U+2066-U+2069) that can make text display in another order than it reads, and lone surrogates
# (a JSON "\ud800" escape) that no terminal or file can encode.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


REPLACEMENT = "\ufffd"


def sanitize(text: str, replacement: str = REPLACEMENT) -> str:
    """Newlines to `\\n`, escape sequences out, and each other control character replaced by U+FFFD.

    Replaced, not removed, so that offsets into the text stay those of the source: a stray C1 byte in mojibake
    ("FranÃ\\x83Â§ois") would otherwise shift every offset after it by one."""
    text = normalize_newlines(text)
    if _CONTROLS.search(text) is None:  # every escape sequence starts with a control character
        return text
    return _CONTROLS.sub(replacement, _ESCAPES.sub("", text))


def sanitize_field(value: object) -> str | None:
    """A one-line metadata field (title, source, url): sanitized, whitespace runs folded, empty to None."""
    if value is None:
        return None
    text = " ".join(sanitize(str(value), replacement="").split())
    return text or None
