"""Subscriptions as newsboat's urls file, OPML in and out, and `brief fetch` against the local web."""

from __future__ import annotations

import pytest
from conftest import run_brief
from local_web import LocalWeb, rss2

from core.locations import subscriptions_path
from core.store import Store
from core.subscriptions import Subscription, read_opml, read_subscriptions, subscribe, to_opml, unsubscribe


@pytest.fixture(autouse=True)
def no_proxy_from_the_machine(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def web():
    with LocalWeb() as server:
        yield server


def test_urls_file_as_newsboat_writes_it(tmp_path):
    urls = tmp_path / "urls"
    urls.write_text('# my feeds\nhttps://a.example/feed.xml world "long reads"\nquery:unread:unread = "yes"\n'
                    'https://b.example/rss "unclosed\n')
    read = read_subscriptions(urls)
    assert read.feeds == [Subscription("https://a.example/feed.xml", ("world", "long reads"))]
    assert read.problems == [
        f"{urls}: line 3: query:unread:unread: not fetched (brief fetches http and https feeds only)",
        f"{urls}: line 4: No closing quotation"]
    added = subscribe(urls, [Subscription("https://c.example/atom", ("tech", "two words")),
                             Subscription("https://a.example/feed.xml", ("again",))])
    assert [f.url for f in added] == ["https://c.example/atom"]
    assert urls.read_text().endswith("\nhttps://c.example/atom tech 'two words'\n")
    assert read_subscriptions(urls).feeds[-1] == Subscription("https://c.example/atom", ("tech", "two words"))
    assert unsubscribe(urls, "https://a.example/feed.xml")
    assert not unsubscribe(urls, "https://a.example/feed.xml")
    assert urls.read_text().startswith("# my feeds\nquery:unread")


def test_opml_import_takes_folders_and_categories_as_tags_and_export_reads_back():
    opml = b"""<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
<outline text="World"><outline text="Wire" type="rss" xmlUrl="https://w.example/rss" category="news,/daily"/>
<outline text="Asia"><outline text="Seoul" xmlUrl="https://s.example/atom"/></outline></outline>
<outline text="Loose" xmlUrl="https://l.example/feed.json"/></body></opml>"""
    feeds = read_opml(opml, "in.opml")
    assert feeds == [Subscription("https://w.example/rss", ("World", "news", "daily")),
                     Subscription("https://s.example/atom", ("World", "Asia")),
                     Subscription("https://l.example/feed.json", ())]
    exported = to_opml(feeds, {"https://w.example/rss": "Wire & Co"})
    assert 'text="Wire &amp; Co"' in exported
    assert read_opml(exported.encode(), "out.opml") == [Subscription(f.url, tuple(t for t in f.tags))
                                                         for f in feeds]


def test_opml_with_entities_is_refused():
    from core.subscriptions import SubscriptionError

    bomb = b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body></body></opml>'
    with pytest.raises(SubscriptionError, match="not accepted"):
        read_opml(bomb, "bomb.opml")


def test_subscribe_unsubscribe_and_list_from_the_command_line(tmp_path):
    result = run_brief("subscribe", "https://a.example/feed.xml", "https://b.example/rss", "--tag", "world")
    assert result.returncode == 0
    assert result.stderr.decode().splitlines() == ["brief: subscribed to https://a.example/feed.xml",
                                                   "brief: subscribed to https://b.example/rss"]
    assert subscriptions_path().read_text() == "https://a.example/feed.xml world\nhttps://b.example/rss world\n"
    assert run_brief("subscribe", "file:///etc/passwd").returncode == 1
    listed = run_brief("subscriptions")
    assert listed.stdout.decode() == "https://a.example/feed.xml world\nhttps://b.example/rss world\n"
    assert b'xmlUrl="https://b.example/rss"' in run_brief("subscriptions", "--opml").stdout
    assert run_brief("unsubscribe", "https://a.example/feed.xml").returncode == 0
    assert run_brief("unsubscribe", "https://a.example/feed.xml").returncode == 1
    assert run_brief("subscriptions").stdout.decode() == "https://b.example/rss world\n"
    opml = tmp_path / "in.opml"
    opml.write_text('<opml version="2.0"><body><outline text="Tech"><outline xmlUrl="https://t.example/rss"/>'
                    "</outline></body></opml>")
    assert run_brief("subscribe", "--opml", str(opml)).returncode == 0
    assert run_brief("subscriptions").stdout.decode().splitlines()[-1] == "https://t.example/rss Tech"


def test_brief_fetch_one_line_per_feed_stores_items_and_records_failures(web, isolated_dirs):
    feeds = [web.base + "/rss2.xml", web.base + "/atom.xml", web.base + "/to-file"]
    assert run_brief("subscribe", *feeds).returncode == 0
    first = run_brief("fetch")
    assert first.returncode == 1
    assert first.stdout.decode().splitlines() == [
        f"{web.base}/rss2.xml: 2 new", f"{web.base}/atom.xml: 1 new",
        f"{web.base}/to-file: failed: only http and https URLs are fetched, not file: (redirected to "
        f"file:///etc/passwd)"]
    with Store(isolated_dirs / "brief.sqlite") as store:
        titles = [a.title for a in store.feed_articles(feeds)]
        states = store.feed_states()
    assert titles == ["Item 1", "Item 2", "Ferry delayed"]
    assert states[web.base + "/to-file"].error.startswith("only http and https")
    assert states[web.base + "/rss2.xml"].title == "Harbour Herald"

    second = run_brief("fetch")
    assert second.stdout.decode().splitlines()[:2] == [f"{web.base}/rss2.xml: nothing new",
                                                       f"{web.base}/atom.xml: nothing new"]
    assert web.requests_to("/rss2.xml")[-1]["if-none-match"] == '"v1"'
    # the Atom feed sends no validators, so it is fetched again in full, but its unchanged item's page is not
    assert "if-none-match" not in web.requests_to("/atom.xml")[-1]
    assert web.count("/story/1") == 1 and web.count("/story/3") == 1


def test_an_edited_story_keeps_its_review_state(web, tmp_path):
    from core.fetch import Fetcher, FetchPolicy
    from core.fetch_articles import refresh

    url = web.base + "/desk.xml"
    web.custom["/desk.xml"] = (rss2(web.base, items=1), "application/rss+xml")
    with Store(tmp_path / "s.sqlite") as store, Fetcher(FetchPolicy(retries=0)) as fetcher:
        refresh(store, [url], fetcher)
        [before] = store.feed_articles([url])
        store.set_status(before.content_hash, "flagged")
        store.set_note(before.content_hash, "follow this one")
        web.custom["/desk.xml"] = (rss2(web.base, items=1, tag=" (updated)"), "application/rss+xml")
        [result] = refresh(store, [url], fetcher)
        assert [item.key for item in result.items] == ["rss-1"]
        after = [a for a in store.feed_articles([url]) if a.title == "Item 1 (updated)"]
        assert len(after) == 1 and after[0].content_hash != before.content_hash
        review = store.review(after[0].content_hash)
        assert (review.status, review.note) == ("flagged", "follow this one")
