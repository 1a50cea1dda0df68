from dataclasses import replace

from core.ingest import ingest
from core.ingest.titles import derive_title
from core.locations import seeds_dir
from core.names import NameBook
from core.quotes import find_quotes
from core.summary import BLUF_MAX_WORDS, KEY_POINTS, summarize
from core.text import Document


def summary_of(text: str, title: str | None = None):
    doc = Document(text)
    names = NameBook(text)
    return summarize(doc, find_quotes(doc, names), names, title)


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
    assert len(summary.key_points) == KEY_POINTS[1] == 2


def test_bluf_skips_datelines_and_bylines():
    text = ("By Jane Doe\n"
            "NAIROBI, Kenya (AP) _ Heavy rains flooded the capital on Monday, cutting power to thousands of homes "
            "in the eastern districts. "
            "Officials opened three shelters. The river rose two metres overnight. Schools closed across the city. "
            "Forecasters expect more rain this week.")
    summary = summary_of(text)
    assert summary.bluf == ("Heavy rains flooded the capital on Monday, cutting power to thousands of homes in the "
                            "eastern districts.")
    assert summary.key_points == ("Officials opened three shelters.", "The river rose two metres overnight.")


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
    assert summary.key_points == ("Rescuers reached the valley by boat.", "Twelve villages were evacuated.")


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
    assert len(summary.key_points) == 2
    assert summary.key_points[0].startswith("The blaze started in a warehouse")
    positions = [text.index(point) for point in summary.key_points]
    assert positions == sorted(positions)


LEAD = ("The city council voted on Tuesday to close the old harbour bridge to cars from June, after engineers "
        "found cracks in two of its piers.")
REST = ("\n\nThe bridge carries 40,000 vehicles a day. Repairs will take a year and cost about $30 million, the "
        "council said. Buses will use a temporary ferry link.")


def test_bluf_is_never_the_title_the_text_opens_with():
    title = "Council shuts harbour bridge as cracks are found in its piers"
    # the title as its own first line (a .txt file, PolNeAR), with or without a closing full stop
    for opening in (f"{title}\n\n", f"{title}.\n\n"):
        assert summary_of(opening + LEAD + REST, title).bluf == LEAD
    # from a web page, the headline glued onto the lead in one paragraph
    assert summary_of(f"{title} {LEAD}{REST}", title).bluf == LEAD


def test_bluf_skips_lines_that_read_as_headlines_when_no_title_is_given():
    for headline in ("Council Shuts Harbour Bridge After Cracks Found In Piers.",  # Title Case
                     "Bridge Closes. Drivers Face Long Detours.",  # Title Case, two sentences
                     "Council shuts harbour bridge after cracks found in piers.",  # no article, no auxiliary
                     "Mayor: the bridge had to close for everyone's safety.",  # a label in front
                     "Council shuts the harbour bridge",  # no full stop, a sentence follows
                     "Harbour bridge will close to cars.",  # short, and the lead says it again at length
                     ):
        assert summary_of(f"{headline}\n\n{LEAD}{REST}").bluf == LEAD, headline
    # a headline, a deck and a label before the story
    deck = "Engineers found cracks in two piers; repairs will take a year.\n\nANALYSIS.\n\n"
    assert summary_of(f"Harbour Bridge To Close\n\n{deck}{LEAD}{REST}").bluf == LEAD
    # a Markdown file's heading
    assert summary_of(f"# Mayor: “We will shut the bridge for a year.”\n\n{LEAD}{REST}").bluf == LEAD
    # a column's name between the headline and the story, as a newspaper's archive gives it
    for column in ("Letters From the Harbour.", "The Waterfront.", "Civic Life."):
        assert summary_of(f"Bridge shuts for a year;\n{column}\n\nABSTRACT.\n\n{LEAD}{REST}").bluf == LEAD, column


def test_a_headline_written_as_a_sentence_is_known_by_the_lead_after_it():
    """A .txt file's first line, a plain sentence, is its headline when the paragraph after it answers it as a
    lead answers a headline, whether or not a title was derived from that line."""
    leads = {
        # the lead names the headline's person in full: a story's first mention is its longest
        "Okafor says the bridge must close before the winter storms.":
            "Harbour commissioner Ada Okafor told the council on Tuesday that the old bridge would not survive "
            "another winter of storms.",
        "Is Okafor finally winning the argument over the bridge?":  # a question, and a dateline opens the lead
            "PORT ELLEN, June 3 (AP) — Ada Okafor has argued for a year that the harbour bridge must close.",
        "Commuters are losing patience with the ferry.":  # a label between the headline and the story
            "ABSTRACT.",
    }
    for headline, lead in leads.items():
        story = f"{headline}\n\n{lead}\n\n{LEAD}{REST}"
        expected = LEAD if lead == "ABSTRACT." else lead.split(" — ")[-1]
        for title in (None, derive_title(story)):
            assert summary_of(story, title).bluf == expected, (headline, title)
    # a short lead whose next paragraph names its subject shorter, as a story goes on, stays the lead
    short = "Ada Okafor wants the harbour bridge closed before winter."
    text = f"{short}\n\nOkafor told the council on Tuesday that the piers would not survive the storms.{REST}"
    assert summary_of(text, derive_title(text)).bluf == short


def test_a_short_lead_sentence_is_not_taken_for_a_headline():
    lead = "Police are questioning a council member over claims she paid voters with cake."
    text = (f"{lead}\n\nThe member handed out slices at a market in her ward on Saturday, witnesses said.\n\n"
            "Election law bans gifts of food or drink to voters.")
    assert summary_of(text).bluf == lead
    # a sentence that a page layout broke across two lines stays whole
    broken = ("Several hundred supporters of both clubs left their seats empty at the stadium for the first ten "
              "minutes of their lunchtime\n\nLeague match, in a protest against ticket prices.")
    assert summary_of(broken + REST).bluf == " ".join(broken.split())
    # a title ingest derived from the text (a file without one) is that lead sentence, not a headline
    assert summary_of(text, derive_title(text)).bluf == lead
    # a short first sentence with a verb in lower case is news, not a column's name
    assert summary_of(f"The bridge closed.\n\n{LEAD}{REST}").bluf == "The bridge closed."
    # the only paragraph is the story, whatever it looks like
    assert summary_of("Bridge Closes After Cracks Are Found.").bluf == "Bridge Closes After Cracks Are Found."


def test_a_demonym_names_a_country_or_state_never_a_town_one_letter_off():
    text = (f"{LEAD}\n\nRepublican leaders on the council backed the closure, and a Russian engineering firm will "
            f"do the repairs. Republican members asked for a ferry link.{REST}")
    kinds = {actor.name: actor.kind for actor in summary_of(text).actors}
    assert kinds.get("Russia") == "place", kinds
    assert "Republica" not in kinds, kinds


def test_a_word_only_written_before_a_noun_is_no_actor():
    text = (f"{LEAD}\n\nRepublican leaders and Democratic members agreed. The Kenyan engineers who found the cracks "
            f"said Kenya had seen the same fault. Harbour Authority staff will run the ferry, the Harbour Authority "
            f"said.{REST}")
    names = {actor.name for actor in summary_of(text).actors}
    assert {"Kenya", "Harbour Authority"} <= names, names
    assert not {"Republican", "Democratic", "Kenyan"} & names, names


def test_no_actor_is_a_pronoun_or_a_section_label():
    text = (f"LETTERS.\n\n{LEAD}\n\nI’m worried about the detour, said Ana Ruiz, a commuter. I'm not alone, "
            f"she said.{REST}")
    names = {actor.name for actor in summary_of(text).actors}
    assert "Ana Ruiz" in names
    assert not {"I’m", "I'm", "LETTERS"} & names, names


def test_a_short_aside_is_never_a_key_point():
    for aside in ("That is not new.", "Take a listen.", "They got crushed."):
        summary = summary_of(f"{LEAD}\n\n{aside}{REST}")
        assert aside not in summary.key_points and summary.key_points, aside


def test_the_pages_own_notices_are_never_key_points():
    notices = ("To view the full story, please subscribe to the Harbour Gazette.",
               "Read more: Five bridges that closed this year.",
               "(Reporting by Jane Roe; Editing by Tom Poe)",
               "Copyright 2024 The Associated Press. All rights reserved.",
               "This material may not be published, broadcast, rewritten or redistributed.",
               "Sign up for our morning newsletter.",
               '<tweet tweet-id="783499116076687360"><tweet/>.')
    text = LEAD + " " + " ".join(notices) + REST
    summary = summary_of(text)
    lines = [summary.bluf, *summary.key_points]
    assert not any(notice in line for notice in notices for line in lines), lines
    assert summary.key_points == ("The bridge carries 40,000 vehicles a day.",
                                  "Repairs will take a year and cost about $30 million, the council said.")
    # a prompt that the layout ran into a sentence is cut from it, the sentence kept
    glued = summary_of(f"{LEAD}\n\nScroll down for video The bridge carries 40,000 vehicles a day.\n\nBuses will "
                       "use a temporary ferry link.")
    assert glued.key_points[0] == "The bridge carries 40,000 vehicles a day."
    # markup a source left around a sentence is stripped from it
    tagged = summary_of(f'{LEAD}\n\n<tweet id="77115" author="@port">The bridge carries 40,000 vehicles a day.'
                        "</tweet>\n\nBuses will use a temporary ferry link.")
    assert tagged.key_points[0] == "The bridge carries 40,000 vehicles a day."


def test_key_points_prefer_the_report_to_first_person_quotation():
    text = (f"{LEAD} The bridge carries 40,000 vehicles a day. \"I have crossed it every day for thirty years and "
            "we will miss it,\" one driver said. Repairs will take a year.")
    assert summary_of(text).key_points == ("The bridge carries 40,000 vehicles a day.", "Repairs will take a year.")


def test_assessment_holders_are_names_or_groups_never_fragments():
    text = ("The port reopened on Monday. Maria Lopez, an economist at the bank, believes trade will recover "
            "slowly.")
    doc, names = Document(text), NameBook(text)
    quotes = find_quotes(doc, names)
    assert [a.holder for a in summarize(doc, quotes, names).assessments] == ["Maria Lopez"]
    for fragment, kept in (("and", False), ("hosts", False), ("ignorants", False), ("officials", True),
                           ("state media", True), ("Analysts", True)):
        changed = [replace(q, speaker=fragment) for q in quotes]
        holders = [a.holder for a in summarize(doc, changed, names).assessments]
        assert holders == ([fragment] if kept else []), fragment


def test_names_are_read_from_the_story_not_the_headline_it_opens_with():
    """A Title Case headline reads as one long name: it must become no actor and no speaker."""
    from core.article import Article, content_hash
    from core.pipeline import extract

    title = "Mayor Ana Ruiz Just Closed The Harbour Bridge For Good"
    text = (f"{title}\n\nMayor Ana Ruiz closed the harbour bridge on Tuesday after engineers found corrosion. "
            "Harbour Traders, a shopkeepers' group, said the closure would cost them dearly. "
            "“We were not asked,” said Tom Bell, who runs a ferry.")
    briefing = extract(Article("a", title, None, None, "2024-03-05", text, None, content_hash(title, text)))
    actors = [actor.name for actor in briefing.summary.actors]
    assert "Ana Ruiz" in actors and not any("Just" in name or "Closed" in name for name in actors)
    assert {q.speaker for q in briefing.quotes} == {"Harbour Traders", "Tom Bell"}


def test_an_acronym_keeps_its_last_full_stop():
    text = (f"{LEAD}\n\nThe U.S. embassy offered engineers. Officials in Washington, D.C. said the U.S. would pay "
            f"for a ferry.{REST}")
    names = {actor.name for actor in summary_of(text).actors}
    assert {"U.S.", "D.C."} <= names, names
    assert not {"U.S", "D.C"} & names, names


def test_two_names_joined_by_and_are_two_actors_and_no_ones_full_name():
    text = (f"{LEAD}\n\nTwo councillors, Ada Moreno and Tomas Lind, voted against. Moreno and Lind said the ferry "
            f"would be too slow. Lind said he would appeal, and Moreno agreed. Drivers from Leeds and Bradford will "
            f"queue longest. Harland and Wolff built the ferry.{REST}")
    summary = summary_of(text)
    mentions = {actor.name: actor.mentions for actor in summary.actors}
    assert mentions.get("Ada Moreno", 0) >= 3 and mentions.get("Tomas Lind", 0) >= 3, mentions
    assert {"Leeds", "Bradford", "Harland and Wolff"} <= set(mentions), mentions
    assert not {"Moreno and Lind", "Leeds and Bradford"} & set(mentions), mentions
    # a surname said on its own is the person, never the pair it was once part of
    assert {q.speaker for q in summary_quotes(text) if q.text.startswith("he would appeal")} == {"Tomas Lind"}


def summary_quotes(text: str):
    doc = Document(text)
    return find_quotes(doc, NameBook(text))
