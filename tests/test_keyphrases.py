import re

import pytest

from core.article import Article, content_hash
from core.corpus import KeyphraseIndex
from core.ingest import ingest
from core.keyphrases import Keyphrase, find_keyphrases, phrase_key, recase_title
from core.locations import seeds_dir


def article(text: str, title: str | None = None) -> Article:
    return Article("t", title, None, None, None, text, None, content_hash(title, text))


def phrases(text: str, title: str | None = None, top: int = 10) -> list[str]:
    return [k.phrase for k in find_keyphrases(article(text, title), top=top)]


STOPWORD_EDGES = {"the", "a", "an", "of", "to", "in", "on", "and", "or", "for", "has", "have", "is", "was", "that"}

PORT = ("The port authority approved the harbour expansion plan on Monday. Harbour expansion will double the "
        "container terminal, said Maria Okonkwo, the authority's director. Okonkwo said the container terminal "
        "would open in two years. The tank modernisation programme at the naval yard continues, and the Tank "
        "Modernization office said tank modernization costs had risen. Critics of the harbour expansion warned "
        "that the container terminal would harm the estuary. Okonkwo rejected that view. The estuary is home to "
        "rare birds, and the harbour expansion plan includes a bird reserve.")


def test_seed_article_phrases_a_person_would_write_down():
    [seed] = ingest([seeds_dir()]).articles
    found = [k.phrase for k in find_keyphrases(seed)]
    assert found[:2] == ["North Korea", "Kim Jong-un"]
    assert "tank modernization" in found
    for fragment in ("North", "Korea", "Kim", "Jong-un", "North Korean"):
        assert fragment not in found
    for phrase in found:
        words = phrase.lower().split()
        assert words[0] not in STOPWORD_EDGES and words[-1] not in STOPWORD_EDGES, phrase
        assert "’s" not in phrase and "'s" not in phrase and "has called" not in phrase


def test_scores_in_range_best_first_and_top_n():
    found = find_keyphrases(article(PORT), top=4)
    assert len(found) == 4
    scores = [k.score for k in found]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] == 1.0 and all(0 < s <= 1 for s in scores)
    assert len(find_keyphrases(article(PORT), top=2)) == 2
    assert find_keyphrases(article(PORT), top=0) == []


def test_case_spelling_and_inflection_variants_are_one_entry():
    found = phrases(PORT, top=15)
    variants = [p for p in found if phrase_key(p) == phrase_key("tank modernization")]
    assert len(variants) == 1
    keys = [phrase_key(p) for p in found]
    assert len(keys) == len(set(keys))
    assert phrase_key("Tank Modernisations") == phrase_key("tank modernization")


def test_sub_phrases_dropped_and_short_names_shown_in_full():
    found = phrases(PORT, top=15)
    assert "harbour expansion" in [p.lower() for p in found]
    assert "Maria Okonkwo" in found
    assert "Okonkwo" not in found
    for phrase in found:
        for other in found:
            if other != phrase:
                assert not set(phrase_key(phrase)) <= set(phrase_key(other)), (phrase, other)


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_possessives_with_either_apostrophe_never_make_a_phrase(apostrophe):
    text = (f"Korea{apostrophe}s tank factory expanded. The factory{apostrophe}s output doubled as Korea{apostrophe}s "
            f"tank factory hired workers. Officials praised Korea{apostrophe}s tank factory and its output.")
    for phrase in phrases(text):
        assert apostrophe not in phrase and "Korea tank" not in phrase, phrase


def test_hyphenated_words_kept_whole():
    text = ("The army showed self-propelled artillery at the parade. Self-propelled artillery and cutting-edge "
            "tanks rolled past. Analysts said the self-propelled artillery was new.")
    found = phrases(text)
    assert "self-propelled artillery" in [p.lower() for p in found]
    assert not any(re.match(r"(propelled|edge)\b", p.lower()) for p in found)


def test_verb_forms_do_not_end_or_join_phrases():
    text = ("Kim Jong-un has called for upgrades. Kim Jong-un has called for change. Officials announced plans "
            "and the minister declared victory over inflation.")
    for phrase in phrases(text):
        assert not re.search(r"\b(has|called|announced|declared)\b", phrase), phrase


def test_all_caps_title_ranks_like_the_title_in_normal_case():
    body = ("The city council voted on Tuesday to close the harbour bridge for repairs. Engineers found corrosion "
            "in the main span of the harbour bridge. Traffic will use the eastern tunnel while the harbour bridge "
            "is repaired, and the council expects the repairs to take until spring.")
    shouting = phrases(body, "HARBOUR BRIDGE TO CLOSE FOR REPAIRS, COUNCIL SAYS")
    headline = phrases(body, "Harbour Bridge To Close For Repairs, Council Says")
    assert shouting == headline
    assert not any(p.isupper() and len(p) > 4 for p in shouting)
    assert "harbour bridge" in [p.lower() for p in shouting]


def test_recase_title_uses_the_bodys_forms():
    body = "Officials in Seoul said the tank plan was new. The Seoul office of the tank plan opened."
    assert recase_title("SEOUL UNVEILS TANK PLAN", body) == "Seoul unveils tank plan"
    assert recase_title("Seoul unveils a tank plan", body) == "Seoul unveils a tank plan"


def test_empty_and_one_word_texts():
    assert find_keyphrases(article("")) == []
    assert find_keyphrases(article("   \n ")) == []
    assert phrases("Harbour") == ["Harbour"]
    assert phrases("", title="Harbour bridge closes")[0].startswith("Harbour bridge")  # a headline-only item


def test_non_english_text_does_not_crash_and_stays_in_the_text():
    text = ("Le conseil municipal a voté mardi la fermeture du vieux pont du port pour des réparations. Les "
            "ingénieurs ont trouvé de la corrosion dans la travée principale du pont. "
            "Москва объявила о новых переговорах. 北京宣布新的计划。")
    found = find_keyphrases(article(text))
    assert all(isinstance(k, Keyphrase) and 0 < k.score <= 1 for k in found)
    for k in found:
        assert all(word in text for word in k.phrase.split())


def test_corpus_view_counts_and_incremental_update():
    index = KeyphraseIndex()
    index.add("a", [Keyphrase("tank modernisation", 1.0), Keyphrase("Pyongyang", 0.5)])
    index.add("b", [Keyphrase("Tank Modernization", 1.0), Keyphrase("Seoul", 0.4)])
    index.add("c", [Keyphrase("tank modernization", 1.0), Keyphrase("Seoul", 0.9), Keyphrase("drones", 0.2)])
    assert [(r.phrase, r.articles) for r in index.recurring()] == [
        ("tank modernisation", ("a", "b", "c")), ("Seoul", ("b", "c"))]
    assert index.articles_with("TANK MODERNIZATIONS") == ("a", "b", "c")
    assert [r.phrase for r in index.recurring(min_articles=1)] == [
        "tank modernisation", "Seoul", "drones", "Pyongyang"]

    index.add("d", [Keyphrase("drones", 1.0)])
    assert [(r.phrase, r.count) for r in index.recurring()] == [
        ("tank modernisation", 3), ("drones", 2), ("Seoul", 2)]

    index.add("c", [Keyphrase("drones", 1.0)])  # re-extracted: its old phrases leave the index
    assert index.articles_with("Seoul") == ("b",)
    assert [(r.phrase, r.count) for r in index.recurring()] == [("drones", 2), ("tank modernisation", 2)]

    index.remove("d")
    assert index.articles_with("drones") == ("c",)
    assert len(index) == 3
