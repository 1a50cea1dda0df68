"""Keys from the terminal, read leniently: bytes that are not UTF-8 (a stray 0x9b pasted from a Windows-1252
document, a terminal set to Latin-1) become U+FFFD instead of stopping the dashboard.

Textual's Linux driver decodes what the terminal sends with a strict UTF-8 decoder, so one such byte raised
UnicodeDecodeError in its input thread and the app died with the note being typed. The driver looks the decoder
factory up in its module at the moment it starts reading, so handing it one whose decoders replace bad bytes
changes nothing else; where the driver is another (Windows), there is nothing to change.
"""

from __future__ import annotations

import codecs
from functools import partial


def read_keys_leniently() -> None:
    """Make the terminal driver replace undecodable input bytes with U+FFFD; call before the app runs."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # no such driver on this platform
        return
    if hasattr(linux_driver, "getincrementaldecoder"):
        linux_driver.getincrementaldecoder = _lenient_decoder_factory


def _lenient_decoder_factory(encoding: str) -> partial[codecs.IncrementalDecoder]:
    return partial(codecs.getincrementaldecoder(encoding), errors="replace")
