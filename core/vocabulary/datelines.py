"""The place and agency a wire story opens with, which are no part of its first sentence: "WASHINGTON ― ",
"ORLANDO, Fla. (Reuters) - ", "LOS ANGELES -- ", "NAIROBI, Kenya (AP) _ ", "BERLIN (dpa) - ", "(CNN) -- ",
"(CNN)", and UPI's with the day: "HEMPSTEAD, N.Y., Sept. 26 (UPI) -- ".

One pattern for every reader: the sentence splitter skips it at a paragraph's start, the summary strips it from
a sentence's start (a dateline glued after a byline on the same line). A colon is no separator: after capitals
it as often ends a transcript's speaker ("TAPPER: ") or a kicker ("EXCLUSIVE: "), which the quotes read."""

from __future__ import annotations

import re

from core.vocabulary.calendar import MONTH

# The place in capitals ("ST. LOUIS", "N'DJAMENA"), and after a comma a state or country of up to three words.
_PLACE = r"[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+)*"
_REGION = r",[ \t]+[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2}"
# The day a wire dates its copy with, after the place and region ("Sept. 26", "June 3").
_DAY = rf",[ \t]+{MONTH}[ \t]+\d{{1,2}}"
# An agency after a place may be any short bracket ("(dpa)", "(AP Photo)"); one standing alone opens the text,
# so it must read as a name, every word capitalized ("(CNN)", not "(Editor note)").
_AGENCY_AFTER_PLACE = r"\([A-Za-z][\w.&'’ \t-]{0,29}\)"
_AGENCY_ALONE = r"\([A-Z][\w.&]*(?:[ \t]+[A-Z][\w.&]*)*\)"
# A dash of any kind, or the underscore of older wire copy.
_SEPARATOR = r"[-–—―_]{1,2}"

# What follows the dateline opens a sentence: a capital, a digit or an opening quote.
DATELINE = re.compile(
    rf"[ \t]*(?:{_PLACE}(?:{_REGION})?(?:{_DAY})?(?:[ \t]+{_AGENCY_AFTER_PLACE})?[ \t]*{_SEPARATOR}[ \t]+"
    rf"|{_AGENCY_ALONE}[ \t]*(?:{_SEPARATOR}[ \t]*)?)(?=[\"'“‘`A-Z0-9])")
