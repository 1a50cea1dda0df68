import pytest

from core.corpus import merged_timeline
from core.text import Document
from core.timeline import find_timeline

FRIDAY = "1998-02-13"  # a Friday


def tagged(text: str, published: str | None = FRIDAY) -> list[tuple[str, str, str]]:
    found = find_timeline(Document(text), published)
    for e in found:
        assert text[e.start:e.end] == e.text
    return sorted(((e.text, e.type, e.value) for e in found), key=lambda t: text.index(t[0]))


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The deal closed on Aug. 2, 1998.", ("Aug. 2, 1998", "DATE", "1998-08-02")),
    ("It opened on 2 August 1998 in Paris.", ("2 August 1998", "DATE", "1998-08-02")),
    ("The filing is dated 08/02/1998.", ("08/02/1998", "DATE", "1998-08-02")),
    ("Prices peaked in the mid-1990s.", ("the mid-1990s", "DATE", "199")),
    ("The 1980s were kinder to the firm.", ("The 1980s", "DATE", "198")),
    ("Sales fell in fiscal 1997.", ("fiscal 1997", "DATE", "1997")),
    ("Profit rose in the third quarter.", ("the third quarter", "DATE", "1997-Q3")),
    ("The vote is in March.", ("March", "DATE", "1998-03")),
    ("The market fell last week.", ("last week", "DATE", "1998-W06")),
    ("The plant closed two years ago.", ("two years ago", "DATE", "1996")),
    ("The vote is next month.", ("next month", "DATE", "1998-03")),
    ("Demand rose earlier this year.", ("earlier this year", "DATE", "1998")),
    ("The company recently hired staff.", ("recently", "DATE", "PAST_REF")),
    ("The board is now divided.", ("now", "DATE", "PRESENT_REF")),
    ("Talks lasted for three days.", ("three days", "DURATION", "P3D")),
    ("The siege went on for a decade.", ("a decade", "DURATION", "P10Y")),
    ("Rescuers worked for 24 hours.", ("24 hours", "DURATION", "PT24H")),
    ("The board meets every week.", ("every week", "SET", "P1W")),
    ("Dividends are paid annually.", ("annually", "SET", "P1Y")),
    ("The club meets every Monday.", ("every Monday", "SET", "XXXX-WXX-1")),
    ("The quake struck at 3:45 p.m. EST.", ("3:45 p.m. EST", "TIME", "1998-02-13T15:45")),
    ("The vote was on Tuesday morning.", ("Tuesday morning", "TIME", "1998-02-10TMO")),
    ("The leaders meet tonight.", ("tonight", "TIME", "1998-02-13TNI")),
    ("Shares fell yesterday.", ("yesterday", "DATE", "1998-02-12")),
])
def test_every_common_news_form(sentence, expected):
    assert expected in tagged(sentence)


def test_weekday_resolves_by_tense_on_both_sides_of_the_anchor():
    assert tagged("The minister resigned on Wednesday.") == [("Wednesday", "DATE", "1998-02-11")]
    assert tagged("The minister will resign on Wednesday.") == [("Wednesday", "DATE", "1998-02-18")]
    # published on a Friday, "Friday" is that day, not the week before
    assert tagged("The minister resigned on Friday.") == [("Friday", "DATE", "1998-02-13")]
    assert tagged("The minister will resign on Friday.") == [("Friday", "DATE", "1998-02-13")]


def test_no_anchor_keeps_placeholders_never_a_guess():
    assert tagged("Shares fell yesterday and will rise next month.", published=None) == [
        ("yesterday", "DATE", "XXXX-XX-XX"), ("next month", "DATE", "XXXX-XX")]
    assert tagged("The minister resigned on Friday.", published=None) == [("Friday", "DATE", "XXXX-WXX-5")]
    assert tagged("The deal closed on Aug. 2, 1998.", published=None) == [("Aug. 2, 1998", "DATE", "1998-08-02")]


def test_year_boundaries():
    assert tagged("Sales slumped last December.", published="1999-01-10") == [
        ("last December", "DATE", "1998-12")]
    assert tagged("The talks began on Dec. 28.", published="1999-01-04") == [("Dec. 28", "DATE", "1998-12-28")]
    assert tagged("The plant will reopen in January.", published="1998-11-20") == [("January", "DATE", "1999-01")]
    assert tagged("Markets were calm last week.", published="1999-01-02") == [("last week", "DATE", "1998-W52")]


def test_spans_without_prepositions_or_punctuation():
    assert [t[0] for t in tagged("Since Monday, and on Jan. 5, and until 1997, nothing changed.")] == [
        "Monday", "Jan. 5", "1997"]


@pytest.mark.parametrize("text", [
    "Theresa May met the ministers.",
    "They march to the square and may stay.",
    "He writes for the Sunday Times.",
    "The army sent 1,998 troops to the border.",
    "The bill passed by a 4-3 vote.",
    "The 52-year-old driver was unhurt.",
    "Prices fall when supply rises.",
])
def test_false_friends_are_not_dates(text):
    assert tagged(text) == []


def test_each_entry_carries_its_sentence_and_the_timeline_is_chronological():
    text = "The company was founded in 1990. It expects growth next year. It recently cut staff."
    found = find_timeline(Document(text), FRIDAY)
    assert [(e.text, e.sentence) for e in found] == [
        ("1990", "The company was founded in 1990."),
        ("next year", "It expects growth next year."),
        ("recently", "It recently cut staff."),
    ]


def test_merged_timeline_across_articles():
    a = find_timeline(Document("The bridge closed on Monday. Repairs will start in March."), FRIDAY)
    b = find_timeline(Document("The bridge closed on Monday. Officials were surprised."), FRIDAY)
    merged = merged_timeline([("a", a), ("b", b)])
    assert [(e.value, e.sentence, e.articles) for e in merged] == [
        ("1998-02-09", "The bridge closed on Monday.", ("a", "b")),
        ("1998-03", "Repairs will start in March.", ("a",)),
    ]


def test_a_sentence_that_never_ends_is_cut_around_each_date():
    from core.timeline.tagger import EVENT_MAX_CHARS

    text = "The talks went on and on and " * 100 + "ended on Monday and " + "resumed and " * 100
    [monday] = find_timeline(Document(text), FRIDAY)
    assert monday.text == "Monday" and "ended on Monday and" in monday.sentence
    assert monday.sentence.startswith("… ") and monday.sentence.endswith(" …")
    assert len(monday.sentence) <= EVENT_MAX_CHARS + 4
    assert all(w in text.split() or w == "…" for w in monday.sentence.split())  # whole words only


def test_the_verb_nearest_a_date_decides_its_side_of_the_anchor():
    thursday, friday = "2013-05-02", "2013-05-03"
    # "had said late Thursday" in a Friday's article is the day before, though the sentence speaks of the future
    assert ("late Thursday", "DATE", "2013-05-02") in tagged(
        "Prosecutors had said late Thursday that the trial will open soon.", friday)
    # "by Saturday" after "expected to" is ahead
    assert tagged("Forecasters expected to see lower temperatures by Saturday.", thursday) == [
        ("Saturday", "DATE", "2013-05-04")]
    # "said Sunday" is the Sunday before even where a later clause says "will"
    assert ("Sunday", "DATE", "2013-04-28") in tagged("The mayor said Sunday that the city will rebuild.", friday)
    # a date without its year right after a past verb is the one before the anchor
    assert tagged("The company was fined on June 8 for the spill.", friday) == [("June 8", "DATE", "2012-06-08")]
    # and a date ahead of the anchor stays ahead when its verb is no past one ("payable Dec. 7")
    assert tagged("The board declared a dividend, payable Dec. 7.", "1989-10-27") == [
        ("Dec. 7", "DATE", "1989-12-07")]
    # "had filed by Wednesday" is a deadline already past
    assert ("Wednesday", "DATE", "2013-05-01") in tagged("Two members had filed reports by Wednesday.", thursday)
    # a date a change takes effect from, a loan runs through, or a plan "is to" happen on is ahead
    assert tagged("The board named a new chairman, effective Feb. 1.", "1989-10-26") == [
        ("Feb. 1", "DATE", "1990-02-01")]
    assert tagged("Lenders extended loans through January.", "1989-10-30") == [("January", "DATE", "1990-01")]
    assert tagged("The stock is to resume trading Tuesday.", friday) == [("Tuesday", "DATE", "2013-05-07")]
    # a name ending in -ed is no past verb: "United States" does not pull "would be traveling" into the past
    assert tagged("He said the father would be traveling to the United States Thursday.", "2000-04-05") == [
        ("Thursday", "DATE", "2000-04-06")]
    # a past perfect far from the deadline, in another clause, does not make it past
    assert ("February", "DATE", "1990-02") in tagged(
        "The sale, which had been expected for a long while now, is part of a plan to pay the loan by February.",
        "1989-10-30")


@pytest.mark.parametrize("text", [
    "About three-quarters of the voters stayed home.",
    "A quarter of the staff left.",
    "The plant was previously owned by the state.",
    "She entered a second rehab center in March.",
    "It was a second professional victory for the boxer.",
    "The Daily News reported the arrest.",
    "The Weekly Standard ran the story.",
    "He came away with a second-place finish in the caucus.",
    "She said so on Harbour Radio Daily last night.",
])
def test_ordinals_shares_and_names_are_no_time(text):
    assert all(kind not in ("DURATION", "SET") and value != "PAST_REF" for _, kind, value in tagged(text))


@pytest.mark.parametrize("text", [
    "Thousands joined the annual March for Life in the capital.",
    "She led the March of the Mothers through the square.",
    "The sheriff met him in his 30s, she said.",
    "The poster showed a still from High Noon.",
    "For the farmers, high noon has come.",
    "The senator told 60 Minutes he would run.",
    "Reporters from Happy Days magazine called.",
    "They led the Spring of Life protests.",
    "She told the programme This Morning about her plans.",
    "Prices may fall again.",
])
def test_names_and_ages_are_no_time(text):
    assert tagged(text) == []


def test_a_month_after_in_or_before_a_lower_case_word_is_still_one():
    assert tagged("Sales of health care fell in March for Acme.") == [("March", "DATE", "1997-03")]
    assert tagged("The rally is set for March for health.") == [("March", "DATE", "1998-03")]


def test_a_time_of_day_is_on_the_day_its_sentence_names():
    # published on a Saturday, the blast of "Friday" was the day before, its clock time too
    assert tagged("The blast came at about 10:35 a.m. (0735 GMT) Friday, witnesses said.", "1998-02-14") == [
        ("about 10:35 a.m.", "TIME", "1998-02-13T10:35"), ("0735 GMT", "TIME", "1998-02-13T07:35Z"),
        ("Friday", "DATE", "1998-02-13")]
    assert ("18:00 UTC", "TIME", "1998-02-10T18:00Z") in tagged(
        "The jet made its first flight Tuesday in Seattle at 18:00 UTC.")
    # with no day in its sentence it stays on the anchor's
    assert tagged("The jet landed on Tuesday. The crew left at 6 p.m.") == [
        ("Tuesday", "DATE", "1998-02-10"), ("6 p.m.", "TIME", "1998-02-13T18:00")]


def test_since_puts_a_date_behind_the_anchor():
    # "since March" in an August story is this March; "since Oct. 23" in a May story last October's
    assert tagged("The carrier has been on patrol since March and will return.", "1990-08-15") == [
        ("March", "DATE", "1990-03")]
    assert tagged("Police have searched for him since Oct. 23.", "1999-05-06") == [("Oct. 23", "DATE", "1998-10-23")]
    assert tagged("Nobody has seen her since Monday, and she will be missed.") == [("Monday", "DATE", "1998-02-09")]
    assert tagged("Police have looked for him since shortly after the Oct. 23 shooting.", "1999-05-06") == [
        ("Oct. 23", "DATE", "1998-10-23")]


def test_a_participle_after_a_determiner_is_no_past_verb():
    # "the reduced dividend", "a still unspecified date": adjectives, so a date a few months ahead stays ahead
    assert tagged("The reduced dividend is payable Jan. 2.", "1989-10-26") == [("Jan. 2", "DATE", "1990-01-02")]
    assert tagged("It would be paid on a still unspecified date in January.", "1989-10-26") == [
        ("January", "DATE", "1990-01")]
    assert tagged("The firm reduced its dividend in January.", "1989-10-26") == [("January", "DATE", "1989-01")]
    # "this" before a verb is a pronoun, and "was" no participle
    assert tagged("This happened on Wednesday.") == [("Wednesday", "DATE", "1998-02-11")]
    assert tagged("His was the vote on Wednesday.") == [("Wednesday", "DATE", "1998-02-11")]


def test_plans_for_is_a_noun_set_for_a_participle():
    # "vacation plans for the trip" says nothing of the future; "set for" and "plans to" do
    assert tagged("On Friday, when she set aside vacation plans for the trip, aides wept.", "1998-08-17") == [
        ("Friday", "DATE", "1998-08-14")]
    assert tagged("The vote is set for Friday.", "1998-08-17") == [("Friday", "DATE", "1998-08-21")]
    assert tagged("The team plans to leave on Thursday.", "1998-09-30") == [("Thursday", "DATE", "1998-10-01")]


@pytest.mark.parametrize(("text", "published", "expected"), [
    # "last fall" in June is the year before's: this year's has not begun
    ("He was shot last fall.", "1999-06-07", ("last fall", "DATE", "1998-FA")),
    ("The strike began last spring.", "1989-10-26", ("last spring", "DATE", "1989-SP")),
    ("The dam burst last summer.", "1998-07-20", ("last summer", "DATE", "1997-SU")),
    ("Snow fell last winter.", "1998-12-20", ("last winter", "DATE", "1997-WI")),
    ("Talks resume next summer.", "1998-07-20", ("next summer", "DATE", "1999-SU")),
    ("Talks resume next spring.", "1998-01-20", ("next spring", "DATE", "1998-SP")),
    ("Talks resume next winter.", "1998-10-20", ("next winter", "DATE", "1998-WI")),
])
def test_last_and_next_season_are_the_nearest_over_or_not_begun(text, published, expected):
    assert tagged(text, published) == [expected]


def test_a_second_of_time_is_still_one():
    assert tagged("The lights went out for a second or two.") == [("a second", "DURATION", "PT1S")]
    assert tagged("Newspapers are printed daily.") == [("daily", "SET", "P1D")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Rebels shelled the town over the weekend.", ("the weekend", "DATE", "1998-W06-WE")),
    ("Earlier in the day the army withdrew.", ("the day", "DATE", "1998-02-13")),
    ("The ferry sank at 0737 GMT.", ("0737 GMT", "TIME", "1998-02-13T07:37Z")),
    ("The strike begins at 14:00 Greek time.", ("14:00 Greek time", "TIME", "1998-02-13T14:00")),
    ("The decree of 08.07.2012 stands.", ("08.07.2012", "DATE", "2012-07-08")),
])
def test_forms_once_missed(text, expected):
    assert tagged(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("June 13, 2013 4:59 PM EDT", ("June 13, 2013 4:59 PM EDT", "TIME", "2013-06-13T16:59")),
    ("PUBLISHED: THURSDAY, MAY 2, 2013, 1:32 PM", ("THURSDAY, MAY 2, 2013, 1:32 PM", "TIME", "2013-05-02T13:32")),
    ("Fri., May. 3, 2013 11:45 AM PDT", ("Fri., May. 3, 2013 11:45 AM PDT", "TIME", "2013-05-03T11:45")),
])
def test_a_timestamp_is_one_time_on_its_own_date(text, expected):
    assert tagged(text, "2013-05-06") == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("The strike lasted nearly two years.", ("nearly two years", "DURATION", "P2Y")),
    ("Talks resume early next year.", ("early next year", "DATE", "1999")),
    ("The shooting happened late yesterday.", ("late yesterday", "DATE", "1998-02-12")),
    ("It will be done by the end of November.", ("the end of November", "DATE", "1998-11")),
    ("The minister resigned last Wednesday.", ("last Wednesday", "DATE", "1998-02-04")),
    ("The eight-year war ended.", ("eight-year", "DURATION", "P8Y")),
    ("He won the eight-year term.", ("eight-year term", "DURATION", "P8Y")),
    ("The fund grew over a ten-year period.", ("a ten-year period", "DURATION", "P10Y")),
    ("Repairs take two to three weeks.", ("two to three weeks", "DURATION", "P2W")),
    ("The talks were set for the week of March 6.", ("the week of March 6", "DATE", "1998-W10")),
    ("The bands march each July.", ("each July", "SET", "XXXX-07")),
    ("Three days later the rebels left.", ("Three days", "DURATION", "P3D")),
    ("Wars were common in the past.", ("the past", "DATE", "PAST_REF")),
    ("The polls will close at 10 p.m. Wednesday.", ("10 p.m. Wednesday", "TIME", "1998-02-18T22:00")),
])
def test_spans_are_drawn_as_timeml_draws_them(text, expected):
    assert tagged(text) == [expected]


@pytest.mark.parametrize(("text", "published", "expected"), [
    # an earnings report's year-ago period is the reported quarter a year before
    ("Third-quarter profit rose 5% from the year-ago quarter.", "1989-11-02", ("the year-ago quarter", "DATE",
                                                                              "1988-Q3")),
    ("Sales for the full year rose.", FRIDAY, ("the full year", "DATE", "1998")),
    ("Net income for the year ended June 30 fell.", FRIDAY, ("the year", "DURATION", "P1Y")),
    ("The deal should close by year-end.", FRIDAY, ("year-end", "DATE", "1998")),
    ("He was arrested in July last year.", FRIDAY, ("July last year", "DATE", "1997-07")),
    ("The index fell 2% to end the day at 7,114.", FRIDAY, ("the day", "DATE", "1998-02-13")),
])
def test_report_periods(text, published, expected):
    assert expected in tagged(text, published)


def test_a_programme_named_for_a_week_is_no_week():
    assert tagged('He spoke on ABC\'s "This Week" program.') == []


def test_quarters_are_counted_in_quarters_and_a_share_is_none():
    assert tagged("The firm lost money for two straight quarters of losses.") == [
        ("two straight quarters", "DURATION", "P2Q")]
    assert tagged("Losses mounted over the past three quarters.") == [("the past three quarters", "DURATION", "P3Q")]
    assert tagged("Two-thirds of voters and three quarters of the staff stayed.") == []
    # a year before "quarter" names that year's quarter, it counts none
    assert all(kind != "DURATION" for _, kind, _ in tagged("Profit fell from the 1996 quarter."))


def test_a_range_after_between_is_two_ends():
    assert tagged("The case will take between 60 and 90 days.") == [("90 days", "DURATION", "P90D")]
    assert ("two to three weeks", "DURATION", "P2W") not in tagged("The wait is between two to three weeks.")


def test_a_half_of_something_else_is_no_half_year():
    assert tagged("He scored in the second half of the game.") == []
    assert ("the first half", "DATE", "1998-H1") in tagged("Sales rose in the first half of the year.")


def test_a_matter_of_days_is_no_span_and_a_couple_needs_no_article():
    assert tagged("A deal is a matter of days away.") == []
    assert tagged("Rates will rise over the next couple of years.") == [
        ("the next couple of years", "DURATION", "P2Y")]


def test_a_date_given_before_is_taken_up_again():
    assert tagged("She fled in June 1996 and returned later that year.") == [
        ("June 1996", "DATE", "1996-06"), ("later that year", "DATE", "1996")]
    assert ("the same day", "DATE", "1998-02-10") in tagged(
        "The strike began on Tuesday. Talks broke down the same day.")
    # a year before the month or the report's quarter named before it
    assert ("the same month a year ago", "DATE", "1997-01") in tagged(
        "Car sales fell 35% in January from the same month a year ago.")
    assert ("the comparable period last year", "DATE", "1996-Q3") in tagged(
        "In the third quarter, profit rose from the comparable period last year.")
    # with no date before it, its unit's placeholder; "that year's" belongs to a noun, "that day" alone to a manner
    assert tagged("Imports fell that year.") == [("that year", "DATE", "XXXX")]
    assert tagged("Funds sold the shares they bought that day.") == []


def test_a_clock_time_in_words_is_on_the_day_named_beside_it():
    assert tagged("He will leave at 4 in the morning (4 a.m. EDT Thursday).", "2000-04-05") == [
        ("4 in the morning", "TIME", "2000-04-06T04:00"), ("4 a.m. EDT Thursday", "TIME", "2000-04-06T04:00")]
    assert tagged("The judge sees him at midday.") == [("midday", "TIME", "1998-02-13T12:00")]
    assert tagged("The judge sees him at midday Thursday.") == [("midday Thursday", "TIME", "1998-02-12T12:00")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Growth looks weak in the short term.", [("the short term", "DATE", "FUTURE_REF")]),
    ("The plant is safe for the long term.", [("the long term", "DATE", "FUTURE_REF")]),
    ("Rates stay low for the foreseeable future.", []),
    ("Crime fell through the nineties.", [("the nineties", "DATE", "199")]),
    ("He is in his forties.", []),
    ("It is an 11th century temple.", [("11th century", "DATE", "10")]),
])
def test_undated_futures_spelled_decades_and_centuries(text, expected):
    assert tagged(text) == expected


def test_a_datelines_date_dates_the_lead_after_it():
    text = "A headline about the port\n\nLISBON, March 4 (Reuters) - Dockers walked out at dawn. Ships waited."
    found = find_timeline(Document(text), FRIDAY)
    assert [(e.text, e.sentence) for e in found] == [("March 4", "Dockers walked out at dawn.")]


def test_a_dateline_ending_its_line_keeps_its_own_line():
    text = "A headline about the port\n\nLISBON, March 4 (Reuters) -\nDockers walked out at dawn."
    found = find_timeline(Document(text), FRIDAY)
    assert [(e.text, e.sentence) for e in found] == [("March 4", "LISBON, March 4 (Reuters) -")]


def test_a_month_of_that_year_is_in_the_year_given_before():
    assert ("early June of that year", "DATE", "1992-06") in tagged(
        "He ran in 1992. The primaries ended in early June of that year.")
