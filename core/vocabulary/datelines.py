"""The place and agency a wire story opens with, which are no part of its first sentence: "WASHINGTON ― ",
"ORLANDO, Fla. (Reuters) - ", "LOS ANGELES -- ", "(CNN) -- ", "(CNN)"."""

from __future__ import annotations

import re

_AGENCY = r"\([A-Z][\w.&]*(?:[ \t]+[A-Z][\w.&]*)*\)"
# At a paragraph's start, before the first sentence: the place in capitals, an optional state or country after
# a comma, an optional agency, and a dash; or the agency alone. What follows opens a sentence.
DATELINE = re.compile(
    rf"[ \t]*(?:[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+)*(?:,[ \t]+[A-Z][A-Za-z.]+(?:[ \t]+[A-Z][A-Za-z.]+)?)?"
    rf"(?:[ \t]+{_AGENCY})?[ \t]+(?:--|―|—|–|-)[ \t]+|{_AGENCY}[ \t]*(?:(?:--|―|—|–|-)[ \t]*)?)(?=[\"'“‘`A-Z0-9])")
# What a summary line strips from a sentence's start, looser than DATELINE because the line is shown, not
# split: the underscore and colon of older wire copy ("NAIROBI, Kenya (AP) _ ") and any agency in brackets.
DATELINE_AT_SENTENCE_START = re.compile(
    r"^(?:[A-Z][A-Z .,'’-]{1,60}(?:,\s*[A-Z][\w .'-]{1,40})?\s*(?:\([^)]{1,30}\))?\s*(?:[-–—―_]{1,2}|:)\s+"
    r"|\([A-Z][\w .]{1,30}\)\s*[-–—―_]{1,2}\s+)")
