"""The quote rules' bounded searches find what a plain search of the whole sentence finds (issue 19, 6): the
content-first attribution is tried only at commas near a cue and an end, the reports a speaker goes on to are
sought once per clause, and a pronoun looks only at the referents it fits. Timing is in bench/pathological.py."""

from hypothesis import given, settings
from hypothesis import strategies as st

from core.names import NameBook
from core.quotes import find_quotes
from core.quotes.patterns import named_patterns
from core.quotes.reported import _content_first
from core.text import Document

# pieces of attribution, shuffled into sentences the rules were written for and sentences they never saw
_PIECES = ["said", "Kim", "Ana Ruiz", "a scholar", "the officials", "he", ",", ";", ".", "who", "added", "told",
           "reporters", "on Friday", "according to", "“", "”", "in Seoul", "a", "quipped", "that", "--", "said,"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_content_first_tried_at_some_commas_finds_what_a_search_of_every_position_finds(pieces):
    sentence = "The plan will fail" + "".join(p if p in ",;." else " " + p for p in pieces) + "."
    expected = named_patterns()["content_first"].search(sentence)
    found = _content_first(sentence)
    assert (found and (found.start(), found.groupdict())) == (expected and (expected.start(), expected.groupdict()))


def test_a_content_first_attribution_after_a_long_sentence_is_still_found():
    sentence = "The plan, " + "which the ministry drafted in March, " * 60 + "will fail, Kim Lee, a scholar, said."
    m = _content_first(sentence)
    assert m is not None and m.group("speaker") == "Kim Lee" and m.group("role") == "a scholar"


def test_a_speaker_who_goes_on_to_report_again_and_again_keeps_every_report():
    text = "Kim said the plan would fail" + ", adding that it would cost more" * 40 + "."
    found = find_quotes(Document(text), NameBook(text))
    assert len(found) == 41 and {q.speaker for q in found} == {"Kim"}
    assert [q.cue for q in found[1:]] == ["adding"] * 40


def test_a_pronoun_names_the_last_person_it_fits_however_many_it_does_not():
    text = "Mr. Kim said that the port would open. " * 50 + "Ms. Ana Ruiz left. She said that it would not."
    found = find_quotes(Document(text), NameBook(text))
    assert found[-1].speaker == "Ana Ruiz"


def test_a_pronoun_with_no_referent_it_fits_names_no_one():
    text = "Mr. Kim said that the port would open. " * 50 + "She said that it would not."
    found = find_quotes(Document(text), NameBook(text))
    assert found[-1].text == "it would not" and found[-1].speaker is None
