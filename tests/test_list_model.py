"""The list model and the review book, driven directly: no terminal, no Pilot."""

import pytest

from core.article import Article, content_hash
from core.store import Store, StoreError
from tui.list_model import ArticleListModel, Query
from tui.review_book import ReviewBook


def article(key, title, published=None, source=None, text="Some text."):
    return Article(key, title, source, None, published, text, None, content_hash(title, text + key))


@pytest.fixture
def model(tmp_path):
    book = ReviewBook(Store(tmp_path / "db.sqlite"))
    listed = ArticleListModel(book)
    listed.set_articles([article("a", "Bridge closes", "2024-03-05", "Herald", "The bridge closed."),
                         article("b", "Ferry late", "2024-03-04", "Bulletin", "Fog delayed the ferry."),
                         article("c", "Tunnel opens", "2024-03-06", None, "The tunnel opened.")], {})
    return listed


def keys(articles):
    return [a.id for a in articles]


def test_newest_first_and_the_other_sorts(model):
    assert keys(model.visible()) == ["c", "a", "b"]
    model.next_sort()
    assert model.sort_by == "source" and keys(model.visible()) == ["c", "b", "a"]  # no source sorts first
    model.next_sort()
    assert keys(model.visible()) == ["a", "b", "c"]
    model.book.set_status([model.articles[1]], "flagged")
    model.next_sort()
    assert model.sort_by == "status" and keys(model.visible())[0] == "b"


def test_search_words_source_tags_and_notes(model):
    a, b, _ = model.articles
    model.book.set_tags(a, ["infrastructure", "ports"])
    model.book.set_note(b, "ask the captain")
    model.review_changed(a)
    model.review_changed(b)
    model.search("bulletin")
    assert keys(model.visible()) == ["b"]
    model.search("captain")
    assert keys(model.visible()) == ["b"]
    model.search("#ports")
    assert keys(model.visible()) == ["a"]
    model.search("#infra bridge")  # a tag's beginning, and a word
    assert keys(model.visible()) == ["a"]
    model.search("#ports ferry")
    assert keys(model.visible()) == []
    model.search("")
    assert len(model.visible()) == 3
    assert Query.parse("#a b  #c") == Query(("b",), ("a", "c"))


def test_status_filter_counts_and_next_new(model):
    a, b, c = model.articles
    model.book.set_status([a], "read")
    model.next_status_filter()
    assert model.status_filter == "new" and keys(model.visible()) == ["c", "b"]
    assert model.counts()["new"] == 2
    listed = [c, a, b]
    assert model.next_new(listed, 0, 1).id == "b"
    assert model.next_new(listed, 2, 1).id == "c"  # wraps round
    assert model.next_new(listed, 0, -1).id == "b"
    model.book.set_status([b, c], "read")
    assert model.next_new(listed, 0, 1) is None


def test_groups_fold_and_act_together(model):
    a, b, c = model.articles
    assert model.set_groups({a.key: (a.key, b.key), b.key: (a.key, b.key), "gone": ("gone", a.key)})
    assert keys(model.visible()) == ["c", "a"] and model.similar_counts() == {a.key: 1}
    assert keys(model.acted_on(a)) == ["a", "b"]
    assert model.toggle_group(a) and keys(model.visible()) == ["c", "a", "b"]
    assert keys(model.acted_on(a)) == ["a"]
    assert not model.toggle_group(c)
    assert not model.set_groups({a.key: (a.key, b.key), b.key: (a.key, b.key)})  # unchanged


def test_flagged_are_exported_in_list_order(model):
    a, b, _ = model.articles
    model.book.set_status([b, a], "flagged")
    assert keys(model.flagged_in_order()) == ["a", "b"]
    model.next_sort()  # source: Bulletin before Herald
    assert keys(model.flagged_in_order()) == ["b", "a"]


def test_progress_counts_and_estimates_once_timed(model):
    assert model.progress(now=99.0) is None  # nothing is being extracted before extraction starts
    model.extraction_started(now=100.0)
    progress = model.progress(now=101.0)
    assert (progress.done, progress.total, progress.per_second, progress.seconds_left) == (0, 3, None, None)
    assert str(progress) == "preparing 3 articles"  # neither extracted nor cached yet: which it is is not known
    from core.pipeline import extract

    model.arrived(extract(model.articles[0]))
    progress = model.progress(now=104.0)
    assert progress.done == 1 and progress.per_second == pytest.approx(0.25)
    assert progress.seconds_left == pytest.approx(8.0)
    assert str(progress) == "extracting 1/3 · 0.2/s · 8s left"
    assert model.finished(now=104.0) is None
    for a in model.articles[1:]:
        model.arrived(extract(a))
    assert model.progress(now=105.0) is None
    assert model.finished(now=131.0) == "extracted 3 in 31 s"
    assert model.finished(now=200.0) == "extracted 3 in 31 s"  # the time it took, not the time since


def test_briefings_read_from_the_cache_are_not_counted_as_extracting(model):
    from dataclasses import replace

    from core.pipeline import extract

    cached = [replace(extract(a), from_cache=True) for a in model.articles]
    model.extraction_started(now=100.0)
    model.arrived(cached[0])
    assert str(model.progress(now=101.0)) == "1 from cache"
    model.arrived(cached[1])
    model.arrived(extract(model.articles[2]))  # the one article the cache did not have
    assert model.progress(now=103.0) is None
    assert model.finished(now=103.0) == "extracted 1 in 3 s · 2 from cache"

    reopened = ArticleListModel(model.book)
    reopened.set_articles(model.articles, {})
    reopened.extraction_started(now=0.0)
    reopened.arrived(cached[0])
    progress = reopened.progress(now=3.0)
    assert str(progress) == "1 from cache" and progress.finished_part == pytest.approx(1 / 3)
    for briefing in cached[1:]:
        reopened.arrived(briefing)
    assert reopened.finished(now=3.0) == "3 from cache"
    # a cold batch with one cached: the count is of what is being extracted
    partial = ArticleListModel(model.book)
    partial.set_articles(model.articles, {})
    partial.extraction_started(now=0.0)
    partial.arrived(cached[0])
    partial.arrived(extract(model.articles[1]))
    assert str(partial.progress(now=1.0)) == "extracting 1/2 · 1 from cache"


def test_the_status_line_puts_what_is_wanted_first_and_the_sort_last(model):
    model.loaded = True
    model.search("bridge")
    parts = model.status_parts(1, "extracting 2/3 · 1.5/s · 1s left")
    assert parts == ["1 of 3 articles", "3 new", "0 flagged", "search: bridge", "extracting 2/3 · 1.5/s · 1s left",
                     "sort: date"]
    # at 80 columns, where the line is cut, the time left is shown
    model.search("")
    assert "left" in " · ".join(model.status_parts(3, "extracting 211/300 · 4.6/s · 26s left"))[:80]


def test_undo_several_steps_each_written_to_the_store(tmp_path):
    store = Store(tmp_path / "db.sqlite")
    book = ReviewBook(store)
    a, b = article("a", "A"), article("b", "B")
    book.set_status([a], "flagged")
    book.set_status([a, b], "read", label="all read")
    book.set_tags(b, ["x"])
    book.set_note(a, "first note")
    book.set_status([b], "read", record=False)  # unchanged, and not a step
    assert [s.label for s in book.steps] == ["flagged", "all read", "tags", "note"]
    assert book.undo().label == "note" and store.review(a.content_hash).note == ""
    assert book.undo().label == "tags" and store.review(b.content_hash).tags == ()
    assert book.undo().label == "all read"
    assert (store.review(a.content_hash).status, store.review(b.content_hash).status) == ("flagged", "new")
    assert book.undo().label == "flagged" and store.review(a.content_hash).status == "new"
    assert book.undo() is None


def test_a_refused_write_waits_and_goes_with_the_next(tmp_path):
    store = Store(tmp_path / "db.sqlite")
    book = ReviewBook(store)
    a = article("a", "A")
    real = store.set_note

    def full(*args, **kwargs):
        raise StoreError("the disk is full")

    store.set_note = full
    assert not book.set_note(a, "kept") and book.failure == "the disk is full"
    assert book.review(a).note == "kept" and len(book.unsaved) == 1
    store.set_note = real
    assert book.set_status([a], "flagged")
    assert book.unsaved == {} and store.review(a.content_hash).note == "kept"
