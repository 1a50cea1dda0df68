"""The mojibake repair hands a text to ftfy only when it holds a double-encoding's trace, and that shortcut never
changes a result: whatever the text, the repair equals ftfy's own on it."""

from ftfy import fix_text
from ftfy.chardata import CHARMAP_ENCODINGS
from hypothesis import given, settings
from hypothesis import strategies as st

from core.ingest.mojibake import _ENCODING_ONLY, repair_mojibake

# letters, curly quotes and dashes, accents, Cyrillic, Greek, CJK, emoji: what news text holds
_NEWS_CHARS = st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"))


@settings(max_examples=300, deadline=None)
@given(st.text(_NEWS_CHARS, max_size=60), st.sampled_from(CHARMAP_ENCODINGS))
def test_text_double_encoded_in_any_encoding_ftfy_undoes_is_repaired_as_ftfy_would(text, encoding):
    mangled = text.encode("utf-8").decode(encoding, errors="replace")
    assert repair_mojibake(mangled) == fix_text(mangled, _ENCODING_ONLY)


@settings(max_examples=300, deadline=None)
@given(st.text(_NEWS_CHARS, max_size=60))
def test_any_text_comes_back_as_ftfy_would_give_it(text):
    assert repair_mojibake(text) == fix_text(text, _ENCODING_ONLY)


def test_a_double_encoded_name_is_repaired_and_curly_quotes_are_left_alone():
    assert repair_mojibake("PeÃ±a Nieto said itâ€™s fine") == "Peña Nieto said it’s fine"
    assert repair_mojibake("It’s “fine” — café, Ελλάδα, Москва") == "It’s “fine” — café, Ελλάδα, Москва"
