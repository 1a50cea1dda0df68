"""Which side of the anchor a date without its year, or a weekday, falls on: the verb that governs it decides."""

import pytest

from core.text import Document
from core.timeline import find_timeline

FRIDAY = "1998-02-13"  # a Friday


def value(text: str, span: str, published: str = FRIDAY) -> str:
    return next(e.value for e in find_timeline(Document(text), published) if e.text == span)


@pytest.mark.parametrize(("text", "span", "published", "expected"), [
    # the present perfect looks back
    ("The group has held three rallies in November.", "November", "1998-06-10", "1997-11"),
    ("The senator has also been raising money, including on Tuesday night.", "Tuesday night", FRIDAY,
     "1998-02-10TNI"),
    # but what it sets or schedules may lie ahead, so it is never the verb right before a date
    ("The board has set March 10 as the deadline.", "March 10", "1998-03-02", "1998-03-10"),
    ("The prosecutor has scheduled a news conference Thursday.", "Thursday", FRIDAY, "1998-02-19"),
    # a modal before a bare verb speaks of what is to come; "could not" of what was
    ("Ms. Ortiz must win in November to keep her seat.", "November", "1998-04-20", "1998-11"),
    ("The strike could hit the ports in November.", "November", "1998-04-20", "1998-11"),
    ("Guards could not stop the fire on Tuesday.", "Tuesday", FRIDAY, "1998-02-10"),
    ("The scandal may have an impact in November.", "November", "1998-05-20", "1998-11"),
    ("Any ruling can be overturned if a rival is elected in November.", "November", "1998-01-10", "1998-11"),
    ("Can she win over new voters in November?", "November", "1998-03-10", "1998-11"),
    ("He did not play the spoiler he could have Tuesday.", "Tuesday", FRIDAY, "1998-02-10"),
    ("He says he would release the files on Friday.", "Friday", "1998-02-12", "1998-02-13"),
    # a verb past a conjunction or a comma belongs to the next clause
    ("The ministry issued stern and repeated warnings on Tuesday that strikes could follow.", "Tuesday", FRIDAY,
     "1998-02-10"),
    ("While union members are expected to back her in November, she has not changed her pitch.", "November",
     "1998-06-10", "1998-11"),
    # a participle after a present "be" is a passive of now, no past
    ("Two candidates hope to survive until the votes are counted March 15.", "March 15", FRIDAY, "1998-03-15"),
    ("The appeal will go on when the case is heard in May in the circuit court.", "May", "1998-03-29", "1998-05"),
    # "to be" after "seemed" says what someone was, not what is to come
    ("The mayor seemed to be of two minds on Tuesday night when he spoke.", "Tuesday night", FRIDAY,
     "1998-02-10TNI"),
    # "through" with a verb that looks back ends a span that has run; "until" with one is still a deadline
    ("Turnout fell in the states that have held primaries through Tuesday.", "Tuesday", FRIDAY, "1998-02-10"),
    ("Results were tallied through Wednesday afternoon.", "Wednesday afternoon", FRIDAY, "1998-02-11TAF"),
    ("The dock strike ran through Tuesday.", "Tuesday", FRIDAY, "1998-02-10"),
    ("Officials have given the family until Tuesday to sign.", "Tuesday", FRIDAY, "1998-02-17"),
    ("The bank extended the loan through Tuesday.", "Tuesday", FRIDAY, "1998-02-17"),
])
def test_the_governing_verb_decides_the_side_of_the_anchor(text, span, published, expected):
    assert value(text, span, published) == expected


@pytest.mark.parametrize(("text", "span", "published", "expected"), [
    ("Officials said they believed the leak was meant to sway the Nov. 3 election.", "Nov. 3", "1998-07-30",
     "1998-11-03"),
    ("Voters said they were already weary of November's general election.", "November", "1998-07-30", "1998-11"),
    # more than five months ahead, the past verb still decides
    ("Investigators said they found evidence in the October shooting.", "October", "1998-04-20", "1997-10"),
    # and so does a verb right before it, or "since"
    ("Police have searched for him since the Oct. 23 shooting.", "Oct. 23", "1998-05-06", "1997-10-23"),
    # a month that is no adjective is read in its verb's tense
    ("Officials said the vote was held in November.", "November", "1998-07-30", "1997-11"),
])
def test_a_month_before_its_noun_is_not_moved_back_a_year_by_a_distant_past_verb(text, span, published, expected):
    assert value(text, span, published) == expected


@pytest.mark.parametrize(("text", "span", "published", "expected"), [
    # an intention or a likelihood looks ahead of the moment it is told at
    ("Voters said they are less likely to back the party in November.", "November", "1998-04-20", "1998-11"),
    ("The crew planned to leave the port on Thursday for the coast.", "Thursday", "1998-02-11", "1998-02-12"),
    ("He said he planned to visit before January.", "January", "1998-05-11", "1999-01"),
    # but after a date a past intention is that day's telling
    ("On Tuesday, the ministry planned to send more aid.", "Tuesday", FRIDAY, "1998-02-10"),
])
def test_an_intention_looks_ahead_of_its_telling(text, span, published, expected):
    assert value(text, span, published) == expected


def test_a_month_after_a_possessive_is_the_nearest_whatever_the_verb():
    assert value("The union will not back her after her March remarks.", "March", "1998-06-10") == "1998-03"
