"""Any text in: every extractor gives a valid result, offsets inside the text, no exception."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.article import Article, content_hash
from core.ingest import load_bytes
from core.ingest.sanitize import sanitize
from core.pipeline import extract

NEWSY = st.text(
    alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?-'\"“”‘’()\n"))
    | st.characters(), max_size=400)
WORDS = st.lists(st.sampled_from(
    ["said", "Kim", "Jong-un", "he", "she", "“", "”", '"', "Monday", "last", "week", "May", "1998", "ago", "two",
     "years", "according", "to", "the", "Agency", "told", "that", ",", ".", "\n", "President", "Trump", "Seoul",
     "every", "quarter", "third", "3:45", "p.m.", "Mr.", "’s", "(AP)", "_", "WASHINGTON", "—", "''", "believes",
     ";", "<tweet id=\"1\">", "47%", "continued:", "who", "laughed", "and", "(R)", "About", "Lt.", " - ", ", ,",
     "NEW YORK (AP) —", "(CNN)", "adding that"]),
    max_size=80).map(" ".join)
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(text: str, published: str | None) -> None:
    clean = sanitize(text)
    article = Article("p", None, None, None, published, clean, None, content_hash(None, clean))
    briefing = extract(article).to_json()
    json.dumps(briefing)
    for item in briefing["timeline"] + briefing["quotes"]:
        assert 0 <= item["start"] <= item["end"] <= len(clean)
        assert clean[item["start"]:item["end"]] == item["text"]
    assert all(q["text"].strip() for q in briefing["quotes"])  # a quote always quotes something
    for keyphrase in briefing["keyphrases"]:
        assert 0 <= keyphrase["score"] <= 1
    assert len(briefing["summary"]["bluf"].split()) <= 46


@SETTINGS
@given(NEWSY, st.sampled_from([None, "1998-02-13", "2024-12-31"]))
def test_any_text_gives_a_valid_briefing(text, published):
    check(text, published)


@SETTINGS
@given(WORDS, st.sampled_from([None, "1998-02-13"]))
def test_news_shaped_word_salad_gives_a_valid_briefing(text, published):
    check(text, published)


@SETTINGS
@given(st.binary(max_size=600), st.sampled_from(["", ".txt", ".md", ".html", ".json", ".jsonl", ".xml"]))
def test_any_bytes_ingest_to_articles_or_one_line_problems(data, suffix):
    for item in load_bytes(data, "f", suffix):
        if hasattr(item, "reason"):
            assert "\n" not in str(item) and "\x1b" not in str(item)
        else:
            assert "\x1b" not in item.text and "\x1b" not in (item.title or "")
