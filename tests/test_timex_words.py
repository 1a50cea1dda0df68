import pytest

from core.timex_words import readable_timex


@pytest.mark.parametrize(("value", "kind", "words"), [
    ("198", "DATE", "the 1980s"),
    ("19", "DATE", "the 1900s"),
    ("PRESENT_REF", "DATE", "now"),
    ("PAST_REF", "DATE", "the past"),
    ("P8M", "DURATION", "8 months"),
    ("P1D", "DURATION", "1 day"),
    ("PT3H", "DURATION", "3 hours"),
    ("PXY", "DURATION", "years"),
    ("P2DE", "DURATION", "2 decades"),
    ("2016-W36", "DATE", "week 36, 2016"),
    ("2016-W36-WE", "DATE", "the weekend of week 36, 2016"),
    ("TNI", "TIME", "tonight"),
    ("2016-07-25", "DATE", "Mon 25 July 2016"),
    ("2016-07-25TMO", "TIME", "the morning of Mon 25 July 2016"),
    ("2016-07-25T15:45", "TIME", "15:45, Mon 25 July 2016"),
    ("2016-07", "DATE", "July 2016"),
    ("2016", "DATE", "2016"),
    ("2016-Q3", "DATE", "the third quarter of 2016"),
    ("2016-SU", "DATE", "summer 2016"),
    ("XXXX-07-25", "DATE", "25 July"),
    ("XXXX-WXX-1", "DATE", "Monday"),
    ("XXXX-WXX-1", "SET", "every Monday"),
    ("P1W", "SET", "every week"),
])
def test_values_read_as_words(value, kind, words):
    assert readable_timex(value, kind) == words


@pytest.mark.parametrize("value", ["", "garbage", "2016-13", "2016-02-30", "2016-W", "PQQ"])
def test_unknown_forms_are_shown_as_they_are(value):
    assert readable_timex(value) == value


@pytest.mark.parametrize(("value", "kind", "mod", "words"), [
    ("P8M", "DURATION", "APPROX", "about 8 months"),
    ("P30D", "DURATION", "MORE_THAN", "more than 30 days"),
    ("P2Y", "DURATION", "EQUAL_OR_LESS", "at most 2 years"),
    ("2016-07-25T15:00", "TIME", "APPROX", "about 15:00, Mon 25 July 2016"),
    ("2014", "DATE", "LESS_THAN", "2014"),  # "nearly two years ago": less than a year says nothing
    ("garbage", "DURATION", "APPROX", "garbage"),  # a value without words keeps no qualifier
])
def test_a_modifier_qualifies_the_words(value, kind, mod, words):
    assert readable_timex(value, kind, mod) == words


@pytest.mark.parametrize("published, dashboard, document", [
    ("2024-03-05", "2024-03-05", "Tue 5 March 2024"),
    ("2024-03-05T21:30:00-05:00", "2024-03-05", "Tue 5 March 2024"),  # the day the source wrote, in its zone
    (None, "", ""),
])
def test_a_publication_date_is_shown_one_way_in_the_dashboard_and_one_in_the_export(published, dashboard,
                                                                                      document):
    from core.timex_words import dashboard_date, document_date

    assert dashboard_date(published) == dashboard
    assert document_date(published) == document
