"""Fetching feeds and pages from a local web (tests/local_web.py, on 127.0.0.1): every dialect, full text from each
item's page, and the open web's misbehaviour, each asserted from what the server saw or what brief returned."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import run_brief
from local_web import LocalWeb, rss2

from core.fetch import Fetcher, FetchError, FetchPolicy, user_agent
from core.fetch_articles import fetch_all
from core.store import FeedState

QUICK = FetchPolicy(connect_timeout=2, total_timeout=2, max_bytes=256 * 1024, retries=1, backoff=0.05)


@pytest.fixture(autouse=True)
def no_proxy_from_the_machine(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "all_proxy",
                 "no_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def web():
    with LocalWeb() as server:
        yield server


@pytest.fixture
def fetcher():
    with Fetcher(QUICK) as client:
        yield client


def one(web, fetcher, path, state=None):
    [result] = fetch_all([web.base + path], fetcher, states={web.base + path: state} if state else None)
    return result


def test_rss2_items_get_the_full_text_of_their_pages_and_keep_the_feeds_metadata(web, fetcher):
    result = one(web, fetcher, "/rss2.xml")
    assert result.error is None and result.is_feed and result.problems == ()
    first, second = result.articles
    assert (first.title, first.source, first.url) == ("Item 1", "Harbour Herald", f"{web.base}/story/1")
    assert first.published == "2025-01-05T21:31:00-05:00"
    assert first.text.startswith("Story 1, part 1. The harbour authority said on Tuesday")
    assert "Home | World" not in first.text and "Copyright" not in first.text
    assert first.caveat is None and second.text.startswith("Story 2, part 1.")
    assert [item.key for item in result.items] == ["rss-1", "rss-2"]
    assert web.count("/story/1") == web.count("/story/2") == 1


def test_user_agent_names_brief_and_its_version(web, fetcher):
    one(web, fetcher, "/rss2.xml")
    agents = {headers["user-agent"] for _, headers in web.log}
    assert agents == {user_agent()}
    assert user_agent().startswith("brief/0.") or user_agent().startswith("brief/1.")


@pytest.mark.parametrize(("path", "title", "source", "page"), [
    ("/atom.xml", "Ferry delayed", "Port Bulletin", "/story/3"),
    ("/feed.json", "Chip plant opens", "Technology", "/story/4"),
])
def test_atom_and_json_feed(web, fetcher, path, title, source, page):
    [article] = one(web, fetcher, path).articles
    assert (article.title, article.source, article.url) == (title, source, web.base + page)
    assert article.text.startswith(f"Story {page[-1]}, part 1.")


def test_atom_date_keeps_its_zone(web, fetcher):
    [article] = one(web, fetcher, "/atom.xml").articles
    assert article.published == "2025-01-06T08:00:00+09:00"


def test_rss091_item_whose_page_cannot_be_had_keeps_its_summary_marked(web, fetcher):
    result = one(web, fetcher, "/rss091.xml")
    [article] = result.articles
    assert article.text == "Wrap a word in <b> to make it bold."
    assert article.caveat == "the feed's summary only: the page could not be fetched (HTTP 404 Not Found)"
    assert [str(p) for p in result.problems] == [f"{web.base}/missing: HTTP 404 Not Found"]


def test_a_page_gives_its_article(web, fetcher):
    result = one(web, fetcher, "/story/7")
    [article] = result.articles
    assert not result.is_feed
    assert (article.title, article.source, article.url) == ("Story 7", "Harbour Herald", f"{web.base}/story/7")


def test_a_page_behind_a_301(web, fetcher):
    [article] = one(web, fetcher, "/moved").articles
    assert article.title == "Story 1"
    assert web.count("/moved") == 1 and web.count("/story/1") == 1


def test_second_fetch_is_conditional_and_gets_a_304(web, fetcher):
    first = one(web, fetcher, "/rss2.xml")
    assert (first.etag, first.last_modified) == ('"v1"', "Sun, 05 Jan 2025 22:00:00 GMT")
    state = FeedState(first.etag, first.last_modified, {i.key: i.summary_hash for i in first.items})
    second = one(web, fetcher, "/rss2.xml", state)
    assert second.not_modified and second.articles == [] and second.error is None
    initial, conditional = web.requests_to("/rss2.xml")
    assert "if-none-match" not in initial and "if-modified-since" not in initial
    assert conditional["if-none-match"] == '"v1"'
    assert conditional["if-modified-since"] == "Sun, 05 Jan 2025 22:00:00 GMT"
    assert web.count("/story/1") == 1  # no page fetched again


def test_unchanged_items_of_a_changed_feed_are_not_fetched_again(web, fetcher):
    first = one(web, fetcher, "/rss2.xml")
    state = FeedState(None, None, {first.items[0].key: first.items[0].summary_hash})  # the server sends all
    second = one(web, fetcher, "/rss2.xml", state)
    assert [item.key for item in second.items] == ["rss-2"]
    assert web.count("/story/1") == 1 and web.count("/story/2") == 2


def test_a_500_then_a_success_is_retried(web, fetcher):
    result = one(web, fetcher, "/flaky.xml")
    assert result.error is None and [a.title for a in result.articles] == ["Item 1"]
    assert web.count("/flaky.xml") == 2


def test_a_response_that_never_ends_times_out(web):
    policy = FetchPolicy(connect_timeout=1, total_timeout=1, retries=0)
    started = time.monotonic()
    with Fetcher(policy) as client:
        result = one(web, client, "/never")
    assert "not finished within 1 s" in result.error
    assert time.monotonic() - started < 10


def test_a_response_over_the_limit_is_refused(web, fetcher):
    result = one(web, fetcher, "/huge")
    assert result.error == "over the limit of 0.2 MB"


def test_a_redirect_to_a_file_url_is_refused(web, fetcher):
    result = one(web, fetcher, "/to-file")
    assert result.error == "only http and https URLs are fetched, not file: (redirected to file:///etc/passwd)"
    assert result.articles == []


def test_a_file_url_is_never_fetched(fetcher):
    with pytest.raises(FetchError, match="only http and https"):
        fetcher.get("file:///etc/passwd")


def test_gzip_is_asked_for_and_decoded(web, fetcher):
    [article] = one(web, fetcher, "/gzip.xml").articles
    assert article.title == "Item 1 (gzip)"
    assert "gzip" in web.requests_to("/gzip.xml")[0]["accept-encoding"]


class _Proxy(BaseHTTPRequestHandler):
    """A forward proxy that answers every request itself, so a test can see that the request came through it."""

    def do_GET(self):
        self.server.seen.append(self.path)
        body = rss2("http://feeds.example", items=1, tag=" (via proxy)")
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_proxy_from_the_environment(monkeypatch):
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), _Proxy)
    proxy.seen = []
    thread = threading.Thread(target=proxy.serve_forever, daemon=True)
    thread.start()
    try:
        monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{proxy.server_address[1]}")
        with Fetcher(FetchPolicy(total_timeout=5, retries=0)) as client:
            response = client.get("http://feeds.example/news.xml")
        assert b"(via proxy)" in response.content
        assert proxy.seen == ["http://feeds.example/news.xml"]
    finally:
        proxy.shutdown()
        proxy.server_close()
        thread.join(timeout=5)



def test_a_servers_reason_phrase_reaches_no_terminal_raw(web, fetcher):
    result = one(web, fetcher, "/escape")
    assert result.error == "HTTP 418 teapot"
    assert "\x1b" not in result.error and "\x07" not in result.error


def test_brief_extract_fetches_urls_beside_files(web, tmp_path):
    (tmp_path / "local.txt").write_text("The council met on Monday to discuss the harbour bridge.")
    result = run_brief("extract", "--no-cache", str(tmp_path / "local.txt"), web.base + "/rss2.xml",
                       web.base + "/to-file")
    assert result.returncode == 1
    import json

    briefings = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [b["title"] for b in briefings][1:] == ["Item 1", "Item 2"]
    assert briefings[1]["source"] == "Harbour Herald" and briefings[1]["text"].startswith("Story 1, part 1.")
    assert result.stderr.decode().splitlines() == [
        f"brief: {web.base}/to-file: only http and https URLs are fetched, not file: (redirected to "
        f"file:///etc/passwd)"]


@pytest.mark.parametrize(("connections", "per_host", "most"), [(8, 2, 2), (3, 6, 3)])
def test_connections_are_bounded_in_all_and_per_host(web, connections, per_host, most):
    from concurrent.futures import ThreadPoolExecutor

    with Fetcher(FetchPolicy(max_connections=connections, per_host=per_host, retries=0)) as client, \
            ThreadPoolExecutor(max_workers=10) as pool:
        responses = list(pool.map(lambda _: client.get(web.base + "/slow"), range(10)))
    assert [r.status for r in responses] == [200] * 10
    assert web.most_answering == most
