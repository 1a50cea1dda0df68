"""What names a work (a show, a book, a film) in news copy: a title in quotation marks after one of these words is the
work's name ("told MSNBC's “Morning Joe”", "his 2002 book, “Make Your Kid a Millionaire”"), not words anyone said."""

from __future__ import annotations

import re

WORK_NOUNS = frozenset("book books film films movie documentary show shows program programme series episode column "
                       "song album magazine ad ads spot segment broadcast podcast play novel memoir".split())
# The small words a title leaves in lower case ("Contract with America", "Face the Nation")
TITLE_SMALL_WORDS = frozenset("of the a an and with to in on for at by or from vs. vs".split())
# What stands right before a title's opening mark: a possessive ("CBS's", "MSNBC’s"), "of" ("an episode of"), "in",
# "titled" or "named", or a noun of a work ("the documentary", "his book,")
BEFORE_A_TITLE = re.compile(
    rf"(?:[’']s|\b(?:of|on|in|In|titled|named|entitled|{'|'.join(sorted(WORK_NOUNS))}),?)\s*$")
