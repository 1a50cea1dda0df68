from core.ingest import ingest
from core.locations import seeds_dir
from core.names import NameBook
from core.quotes import find_quotes
from core.summary import BLUF_MAX_WORDS, summarize
from core.text import Document


def summary_of(text: str):
    doc = Document(text)
    names = NameBook(text)
    return summarize(doc, find_quotes(doc, names), names)


def test_seed_actors_sources_and_assessments():
    [seed] = ingest([seeds_dir()]).articles
    summary = summary_of(seed.text)
    kinds = {a.name: a.kind for a in summary.actors}
    assert {k: kinds.get(k) for k in ("Kim Jong-un", "Yang Moo-jin", "North Korea", "Korean Central News Agency",
                                      "Russia", "Ukraine", "Seoul", "Pyongyang")} == {
        "Kim Jong-un": "person", "Yang Moo-jin": "person", "North Korea": "place",
        "Korean Central News Agency": "organization", "Russia": "place", "Ukraine": "place", "Seoul": "place",
        "Pyongyang": "place"}
    kim = next(a for a in summary.actors if a.name == "Kim Jong-un")
    assert "Kim" in kim.aliases and kim.mentions >= 6
    assert "Yang Moo-jin" in summary.sources
    assert {"Korean Central News Agency", "state media"} & set(summary.sources)
    holders = {(a.holder, a.text.split()[0]) for a in summary.assessments}
    assert ("Analysts", "Analysts") in holders
    assert ("Yang Moo-jin", "He") in holders  # "He believes North Korea’s tank modernization reflects ..."
    assert any(a.holder is None and a.text.startswith("North Korea appears determined") for a in summary.assessments)
    assert summary.bluf.startswith("Kim Jong-un has called for sweeping upgrades")
    assert len(summary.key_points) == 3


def test_bluf_skips_datelines_and_bylines():
    text = ("By Jane Doe\n"
            "NAIROBI, Kenya (AP) _ Heavy rains flooded the capital on Monday, cutting power to thousands of homes "
            "in the eastern districts. "
            "Officials opened three shelters. The river rose two metres overnight. Schools closed across the city. "
            "Forecasters expect more rain this week.")
    summary = summary_of(text)
    assert summary.bluf == ("Heavy rains flooded the capital on Monday, cutting power to thousands of homes in the "
                            "eastern districts.")
    assert summary.key_points == ("Officials opened three shelters.", "The river rose two metres overnight.",
                                  "Schools closed across the city.")


def test_bluf_is_at_most_45_words_and_still_a_sentence():
    long_first = " ".join(["The committee, after weeks of hearings,"] + ["reviewed the budget line by line,"] * 12
                          + ["and approved it."])
    summary = summary_of(long_first + " It goes to a vote on Friday.")
    assert len(summary.bluf.split()) <= BLUF_MAX_WORDS
    assert summary.bluf.endswith("…") and not summary.bluf.endswith(",…")


def test_duplicate_sentences_never_appear_twice():
    text = ("The dam failed on Tuesday after days of rain. The dam failed on Tuesday after days of rain. "
            "Rescuers reached the valley by boat. Rescuers reached the valley by boat on Tuesday. "
            "Twelve villages were evacuated. The army sent helicopters.")
    summary = summary_of(text)
    lines = [summary.bluf, *summary.key_points]
    assert len(lines) == len(set(lines))
    assert summary.key_points == ("Rescuers reached the valley by boat.", "Twelve villages were evacuated.",
                                  "The army sent helicopters.")


def test_assessment_holders_for_each_pattern():
    text = ("The ministry raised rates on Monday. "
            "Analysts suggest that the move will slow lending. "
            "Maria Lopez, an economist at the bank, believes inflation has peaked. "
            "The decision appears designed to calm markets. "
            "The central bank said rates would stay high, according to Reuters.")
    holders = {a.holder: a.text for a in summary_of(text).assessments}
    assert holders["Analysts"].startswith("Analysts suggest")
    assert holders["Maria Lopez"].startswith("Maria Lopez, an economist")
    assert holders[None] == "The decision appears designed to calm markets."
    assert "The ministry raised rates on Monday." not in holders.values()


def test_actors_merged_across_aliases():
    text = ("President Ana Ruiz of Chile met Peter Brandt in Berlin. Ruiz said the talks went well. "
            "Brandt, who leads Siemens Energy, agreed. Ms. Ruiz flew home to Santiago on Friday.")
    actors = {a.name: a for a in summary_of(text).actors}
    assert actors["Ana Ruiz"].kind == "person" and actors["Ana Ruiz"].mentions == 3
    assert set(actors["Ana Ruiz"].aliases) == {"Ruiz"}
    assert actors["Peter Brandt"].mentions == 2
    assert actors["Berlin"].kind == "place" and actors["Chile"].kind == "place"
    assert actors["Siemens Energy"].kind in ("organization", "other")


def test_one_sentence_and_empty_articles():
    one = summary_of("The bridge closed.")
    assert one.bluf == "The bridge closed."
    assert one.key_points == ()
    empty = summary_of("")
    assert (empty.bluf, empty.key_points, empty.assessments, empty.sources, empty.actors) == ("", (), (), (), ())


def test_bluf_is_the_lead_sentence_and_key_points_follow_in_order():
    text = ("Fire broke out. The blaze started in a warehouse near the port on Sunday night and spread to two "
            "neighbouring buildings. Firefighters brought it under control by dawn. Nobody was hurt, the fire "
            "service said. The cause is under investigation. Traffic around the port was diverted for the day.")
    summary = summary_of(text)
    assert summary.bluf == "Fire broke out."
    assert 3 <= len(summary.key_points) <= 5
    assert summary.key_points[0].startswith("The blaze started in a warehouse")
    positions = [text.index(point) for point in summary.key_points]
    assert positions == sorted(positions)
