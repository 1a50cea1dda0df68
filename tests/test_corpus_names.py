"""One person's names across a batch are one speaker and one keyphrase in the batch views, when the batch makes
that unambiguous (issue 16). Every sentence here is written for the test."""

from core.corpus import KeyphraseIndex, SpeakerIndex, person_groups
from core.keyphrases import Keyphrase
from core.names import NameBook
from core.quotes import find_quotes
from core.text import Document


def quotes(text: str):
    return find_quotes(Document(text), NameBook(text))


def speakers_of(batch: dict[str, str]) -> SpeakerIndex:
    index = SpeakerIndex()
    for key, text in batch.items():
        index.add(key, quotes(text))
    return index


BATCH = {
    "a": "Donald Trump said the wall would be paid for.",
    "b": "Donald J. Trump said the tariffs would stay.",
    "c": "The rally was loud, Trump said.",
    "d": "Hillary Clinton said the plan was reckless.",
    "e": "Clinton said she would debate him again.",
}


def test_one_persons_names_are_one_speaker():
    index = speakers_of(BATCH)
    assert index.speakers() == [("Donald Trump", 3, 3), ("Hillary Clinton", 2, 2)]
    assert [a.article for a in index.quotes_of("Trump")] == ["a", "b", "c"]
    assert [a.article for a in index.quotes_of("Donald Trump")] == ["a", "b", "c"]
    assert index.names_of("Trump") == ("Donald Trump", "Donald J. Trump", "Trump")


def test_the_batch_is_grouped_once_for_all_its_speakers_and_again_after_a_change(monkeypatch):
    import core.corpus

    index = speakers_of(BATCH)
    calls = []
    monkeypatch.setattr(core.corpus, "person_groups", lambda names: calls.append(1) or person_groups(names))
    people = index.people()
    assert [(p.name, p.names) for p in people] == [("Donald Trump", ("Donald Trump", "Donald J. Trump", "Trump")),
                                                   ("Hillary Clinton", ("Hillary Clinton", "Clinton"))]
    assert [index.names_of(p.name) for p in people] == [p.names for p in people]
    assert [a.article for a in index.quotes_of("Clinton")] == ["d", "e"]
    assert len(calls) == 1
    index.add("f", quotes("Bill Clinton said the foundation did nothing wrong."))
    assert index.names_of("Clinton") == ("Clinton",)  # two Clintons now: the last name alone is no one's
    assert len(calls) == 2


def test_a_last_name_two_people_share_stays_apart():
    index = speakers_of({**BATCH, "f": "Bill Clinton said the foundation did nothing wrong."})
    rows = {name: (n, articles) for name, n, articles in index.speakers()}
    assert rows["Hillary Clinton"] == (1, 1) and rows["Bill Clinton"] == (1, 1) and rows["Clinton"] == (1, 1)
    assert [a.article for a in index.quotes_of("Clinton")] == ["e"]
    index.remove("f")  # the batch changes: the ambiguity goes with the article that made it
    assert ("Hillary Clinton", 2, 2) in index.speakers()


def test_two_middle_names_are_two_people():
    groups = person_groups(["George W. Bush", "George H. W. Bush", "George Bush", "Bush"])
    assert len({groups["George W. Bush"], groups["George H. W. Bush"], groups["George Bush"], groups["Bush"]}) == 4
    groups = person_groups(["George W. Bush", "George Bush", "Bush", "President George W. Bush"])
    assert len(set(groups.values())) == 1


def test_places_and_organizations_are_not_people():
    groups = person_groups(["New York", "York", "North Korea", "Korea", "the White House", "House"])
    assert len(set(groups.values())) == 6


def test_one_persons_names_are_one_keyphrase():
    index = KeyphraseIndex()
    index.add("a", [Keyphrase("Donald Trump", 1.0), Keyphrase("border wall", 0.5)])
    index.add("b", [Keyphrase("Trump", 1.0), Keyphrase("border wall", 0.8)])
    index.add("c", [Keyphrase("Donald J. Trump", 1.0), Keyphrase("Trump", 0.9)])
    index.add("d", [Keyphrase("Hillary Clinton", 1.0)])
    index.add("e", [Keyphrase("Clinton", 1.0)])
    recurring = {r.phrase: (r.articles, r.forms) for r in index.recurring()}
    assert recurring == {"Donald Trump": (("a", "b", "c"), ("Donald J. Trump", "Trump")),
                         "border wall": (("a", "b"), ()),
                         "Hillary Clinton": (("d", "e"), ("Clinton",))}
    assert index.articles_with("Trump") == ("a", "b", "c")
    index.add("f", [Keyphrase("Melania Trump", 1.0)])  # now "Trump" could be either of two people
    assert {r.phrase: r.articles for r in index.recurring()}["Donald Trump"] == ("a", "c")
    assert index.articles_with("Trump") == ("b", "c")


async def test_the_speakers_view_shows_one_row_per_person_with_its_other_names(tmp_path):
    import json

    from core.store import Store
    from tests.test_app import rendered, settled, until
    from tui.app import BriefApp
    from tui.corpus import CorpusScreen

    folder = tmp_path / "batch"
    folder.mkdir()
    stories = [{"id": key, "title": f"Story {key}", "published": "2024-03-08", "text": text}
               for key, text in BATCH.items()]
    (folder / "batch.jsonl").write_text("\n".join(json.dumps(s) for s in stories))
    app = BriefApp([str(folder)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(120, 30)) as pilot:
        await settled(app, pilot)
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, CorpusScreen)
                    and "Donald Trump" in rendered(app.screen.query_one("#corpus-entries")))
        rows = rendered(app.screen.query_one("#corpus-entries")).splitlines()
        assert rows[0] == "Donald Trump  3 quotes in 3 articles  also Donald J. Trump, Trump"
        assert rows[1] == "Hillary Clinton  2 quotes in 2 articles  also Clinton"
        await pilot.press("enter")  # every quote of the person, under all their names
        await until(pilot, lambda: "What Donald Trump said" in str(app.screen.query_one("#corpus-title").render()))
        assert rendered(app.screen.query_one("#corpus-entries")).count("Story ") == 3


def test_a_title_is_no_part_of_the_name_a_person_is_shown_by():
    index = KeyphraseIndex()
    index.add("a", [Keyphrase("President Barack Obama", 1.0)])
    index.add("b", [Keyphrase("President Barack Obama", 1.0)])
    index.add("c", [Keyphrase("President Obama", 1.0)])
    index.add("d", [Keyphrase("Barack Obama", 1.0)])
    [obama] = index.recurring()
    assert (obama.phrase, obama.articles) == ("Barack Obama", ("a", "b", "c", "d"))
    assert obama.forms == ("President Barack Obama", "President Obama")
