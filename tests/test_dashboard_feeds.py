"""The dashboard on subscribed feeds: opened from the store with no fetch, `R` fetching with a line per feed while
the list stays usable, feeds that failed and partial texts in the problems view."""

from __future__ import annotations

import pytest
from local_web import LocalWeb, rss2
from test_app import cells, ids, rendered, settled, until

from core.fetch import Fetcher, FetchPolicy
from core.fetch_articles import refresh
from core.locations import subscriptions_path
from core.store import Store
from core.subscriptions import Subscription, subscribe
from tui.app import BriefApp
from tui.screens.problems import ProblemsScreen


@pytest.fixture(autouse=True)
def no_proxy_from_the_machine(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def web():
    with LocalWeb() as server:
        yield server


async def test_subscribed_feeds_open_from_the_store_and_R_fetches_what_is_new(web, tmp_path):
    desk, tips, broken = web.base + "/desk.xml", web.base + "/rss091.xml", web.base + "/to-file"
    web.custom["/desk.xml"] = (rss2(web.base, items=1), "application/rss+xml")
    subscribe(subscriptions_path(), [Subscription(desk), Subscription(tips), Subscription(broken)])
    store = Store(tmp_path / "db.sqlite")
    with Fetcher(FetchPolicy(retries=0)) as fetcher:
        refresh(store, [desk, tips, broken], fetcher)
    requests_before = len(web.log)

    app = BriefApp([], store=store, export_dir=tmp_path, feeds=[desk, tips, broken])
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(app, pilot)
        assert len(web.log) == requests_before  # opened from the store: nothing fetched
        assert len(ids(app)) == 2
        rows = {cells(app, row)[3] for row in range(2)}
        assert "Item 1" in rows and "Bold  ◌ partial" in rows

        web.custom["/desk.xml"] = (rss2(web.base, items=2), "application/rss+xml")
        await pilot.press("R")
        await pilot.press("j")  # the list answers while the fetch runs
        await until(pilot, lambda: "Item 2" in {a.title for a in app.articles}, timeout=20)
        await settled(app, pilot)
        assert web.count("/story/2") == 1 and web.count("/story/1") == 1  # only the new item's page

        await pilot.press("p")
        assert isinstance(app.screen, ProblemsScreen)
        shown = rendered(app.screen.query_one("#problems"))
        assert f"{broken}\n  last fetch failed: only http and https URLs are fetched, not file:" in shown
        assert "Bold: the feed's summary only: the page could not be fetched (HTTP 404 Not Found)" in shown
    store.close()
