import pytest

from core.text import Document


def sentences(text: str) -> list[str]:
    doc = Document(text)
    return [doc.sentence_text(s) for s in doc.sentences]


@pytest.mark.parametrize("text, first", [
    ("WASHINGTON ― The Obama administration said Tuesday it would expand programs.", "The Obama administration"),
    ("ORLANDO, Fla. (Reuters) - President Barack Obama met survivors.", "President Barack Obama"),
    ("LOS ANGELES --  ''The stories begin.''", "''The stories begin"),
    ("NEW YORK (AP) — Stocks fell.", "Stocks fell"),
    ("(CNN) -- Police said little.", "Police said"),
    ("(CNN)Police said little.", "Police said"),
])
def test_a_wire_dateline_is_no_part_of_the_first_sentence(text, first):
    assert sentences(text)[0].startswith(first)


@pytest.mark.parametrize("text", [
    "US-China talks - a primer.",
    "NATO - the alliance said so.",
    "I - for one - agree.",
    "(Editor note) Hello there.",
])
def test_text_that_only_looks_like_a_dateline_keeps_its_opening(text):
    assert sentences(text)[0] == text


def test_doubled_apostrophes_of_wire_copy_open_a_sentence():
    text = "He said he was building a clubhouse. ''Without it, golf would be in trouble,'' he said."
    assert sentences(text) == ["He said he was building a clubhouse.",
                               "''Without it, golf would be in trouble,'' he said."]


@pytest.mark.parametrize("text, first", [
    ("NAIROBI, Kenya (AP) _ Heavy rains flooded the capital.", "Heavy rains"),
    ("CAGUAS, Puerto Rico (AP)_ Kidnappers kept their promise.", "Kidnappers kept"),
    ("BERLIN (dpa) - The chancellor spoke.", "The chancellor"),
    ("HEMPSTEAD, N.Y., Sept. 26 (UPI) -- The candidates met for their first debate.", "The candidates"),
    ("WASHINGTON, June 3 (UPI) — Officials said little.", "Officials said"),
])
def test_older_wire_datelines_with_an_underscore_are_skipped_too(text, first):
    assert sentences(text)[0].startswith(first)


def test_a_dateline_is_only_read_at_the_start_and_a_speaker_label_is_none():
    assert sentences("Talks in LONDON - the capital - went on.") == ["Talks in LONDON - the capital - went on."]
    assert sentences("TAPPER: Do you think so?")[0].startswith("TAPPER: ")
