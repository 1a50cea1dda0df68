"""Closed classes of English words: the grammar around names and verbs rather than the content."""

from __future__ import annotations

AUXILIARIES = frozenset(
    "is are was were be been being will would can could should must may might has have had do does did "
    "won't can't didn't doesn't isn't wasn't aren't weren't hasn't haven't wouldn't shouldn't".split())
COORDINATORS = ("and", "but", "or", "so", "yet")
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them", "us", "me"})
# Pronouns that stand for people without naming them ("Everyone agreed", "You said it yourself")
PEOPLE_PRONOUNS = frozenset("you everyone everybody nobody anyone anybody someone somebody none neither either".split())
QUANTIFIERS = frozenset("one two three four five six seven eight nine ten several many few all both each every "
                        "some any no other these those such".split())
# Prepositions: a speaker never opens on one ("In nearby Decatur, the plant is ... said"), and a report that opens on
# one with no verb after it is a phrase of when and where ("said in an interview")
PREPOSITIONS = frozenset("in on at for with from by after before during since until into about over under across "
                         "through amid among without despite to of upon than via per like unlike toward towards "
                         "within beyond".split())
# Determiners: a word after one is a noun or its adjective ("a written statement"), and a speaker never ends on one
DETERMINERS = frozenset("the a an this that these those his her their its our my your".split())
ARTICLES = ("the", "a", "an")
# Words that open a subordinate clause: a lead-in before the subject ("When the vote came, she said ...") or a
# clause's connective, never part of a speaker
SUBORDINATORS = frozenset("after before when while as if because since although though once until unless whether "
                          "whereas".split())
# Sentence adverbs standing alone between commas: an aside, not who someone is (", however,")
ASIDES = frozenset("however meanwhile too also though instead nonetheless nevertheless moreover furthermore therefore "
                   "again still indeed then later earlier".split())
