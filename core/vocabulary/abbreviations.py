"""Words that end with a full stop without ending the sentence ("Mr.", "Sept.", "Inc.", "U.S."), lower-cased and
without their last full stop. A sentence splitter that misses one cuts "Mr. | Rubio said" in two."""

from __future__ import annotations

from core.vocabulary.calendar import MONTH_ABBREVIATIONS, WEEKDAY_ABBREVIATIONS
from core.vocabulary.titles import ABBREVIATED_TITLES

ABBREVIATIONS = frozenset((
    *(t.lower() for t in ABBREVIATED_TITLES),
    *"cmdr cpl pvt maj hon supt det insp fr".split(),  # titles written abbreviated, seldom before a bare name
    *"inc corp co ltd llc bros dept univ assn".split(),  # organizations
    *"no nos vol vs etc al approx est fig".split(),  # references
    *MONTH_ABBREVIATIONS, *WEEKDAY_ABBREVIATIONS,
    *"ft mt ave blvd rd hwy".split(),  # places
    *"u.s u.k u.n e.u a.m p.m d.c n.y l.a i.e e.g ph.d".split(),  # dotted, kept whole
))
