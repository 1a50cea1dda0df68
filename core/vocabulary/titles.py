"""Titles and honorifics: the words that stand before a name without being part of it ("President", "Sen.",
"Mrs."). A speaker's title becomes their role; an honorific says only how to address them."""

from __future__ import annotations

TITLES = frozenset(
    "mr mrs ms miss dr prof president vice sen senator rep representative gov governor gen general lt col colonel "
    "capt captain sgt adm admiral secretary minister chancellor premier prime king queen prince princess pope "
    "judge justice mayor chairman chairwoman chair ambassador commissioner director chief leader sheikh rev "
    "former acting deputy candidate nominee spokesman spokeswoman sir lady lord officer detective inspector "
    "attorney speaker state foreign defense defence interior finance sec".split())
# Only forms of address, never a role: "Mr. Rubio" has no role "Mr.".
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss"})
MALE_TITLES = frozenset("mr king prince sir lord sheikh".split())
FEMALE_TITLES = frozenset("mrs ms miss queen princess lady".split())
# Titles written abbreviated with a full stop before a name ("Lt. Gen. Mick Bednarek"), as they are capitalized:
# that full stop ends neither the name nor the sentence.
ABBREVIATED_TITLES = ("Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "St", "Jr", "Sr",
                      "Prof", "Capt", "Adm", "Rev", "Pres")
