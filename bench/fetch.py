"""`brief fetch` of 50 feeds of 20 items each, every item's page fetched for its full text, from a server on
127.0.0.1 that answers each request after 50 ms (a remote server's round trip and think time; a loopback server
answers in microseconds, which would time nothing but the parsing).

Measured in the same run: the same feeds fetched concurrently (the default policy: 8 connections, 6 per host) and
one request after another (a policy of one connection), each into a store of its own; the most connections the
server saw open at once; then a second fetch with nothing new, which must send only conditional requests.
Bars: concurrent at least 4 times faster, at most 8 connections, the second fetch under a second.
"""

from __future__ import annotations

import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FEEDS, ITEMS, LATENCY = 50, 20, 0.05
_PARAGRAPH = ("The port authority said on Tuesday that the swing bridge would close for a year of repairs, after "
              "engineers found corrosion in the main span that had spread far faster than anyone expected. ")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        server: _SlowWeb = self.server  # type: ignore[assignment]
        conditional = "If-None-Match" in self.headers
        server.note_request(conditional)
        time.sleep(LATENCY)
        parts = self.path.strip("/").split("/")
        if parts[0] == "feed" and len(parts) == 2:
            if self.headers.get("If-None-Match") == '"same"':
                self._send(304, b"", "application/rss+xml")
                return
            self._send(200, _feed(server.base, int(parts[1])), "application/rss+xml")
        elif parts[0] == "page" and len(parts) == 3:
            self._send(200, _page(int(parts[1]), int(parts[2])), "text/html; charset=utf-8")
        else:
            self._send(404, b"", "text/plain")

    def _send(self, status: int, body: bytes, media: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        if status in (200, 304) and media == "application/rss+xml":
            self.send_header("ETag", '"same"')
        self.end_headers()
        self.wfile.write(body)


def _feed(base: str, feed: int) -> bytes:
    items = "".join(f"<item><title>Feed {feed} story {n}</title><link>{base}/page/{feed}/{n}</link>"
                    f"<guid>f{feed}-{n}</guid><pubDate>Tue, 07 Jan 2025 09:{n:02d}:00 -0500</pubDate>"
                    f"<description>Summary of story {n}.</description></item>" for n in range(ITEMS))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet {feed}</title>{items}</channel>'
            f"</rss>").encode()


def _page(feed: int, item: int) -> bytes:
    paragraphs = "".join(f"<p>Feed {feed}, story {item}, part {n}. {_PARAGRAPH * 2}</p>" for n in range(5))
    return (f"<!DOCTYPE html><html><head><title>Story {item}</title></head><body><nav>Home | World</nav>"
            f"<article><h1>Story {item}</h1>{paragraphs}</article><footer>Outlet {feed}</footer></body></html>"
            ).encode()


class _SlowWeb(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.base = f"http://127.0.0.1:{self.server_address[1]}"
        self._lock = threading.Lock()
        self.open_now = self.open_most = self.requests = self.conditional = 0

    def process_request(self, request, client_address) -> None:
        with self._lock:
            self.open_now += 1
            self.open_most = max(self.open_most, self.open_now)
        super().process_request(request, client_address)

    def shutdown_request(self, request) -> None:
        with self._lock:
            self.open_now -= 1
        super().shutdown_request(request)

    def note_request(self, conditional: bool) -> None:
        with self._lock:
            self.requests += 1
            self.conditional += conditional

    def reset(self) -> None:
        with self._lock:
            self.open_most = self.open_now
            self.requests = self.conditional = 0


def _timed_fetch(urls: list[str], store_path: Path, policy) -> tuple[float, list]:
    from core.fetch import Fetcher
    from core.fetch_articles import refresh
    from core.store import Store

    with Store(store_path) as store, Fetcher(policy) as fetcher:
        start = time.perf_counter()
        results = refresh(store, urls, fetcher)
        return time.perf_counter() - start, results


def bench_fetch(_articles=None) -> dict[str, float]:
    from core.fetch import FetchPolicy

    server = _SlowWeb()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        urls = [f"{server.base}/feed/{n}" for n in range(FEEDS)]
        with tempfile.TemporaryDirectory() as folder:
            concurrent, results = _timed_fetch(urls, Path(folder) / "concurrent.sqlite", FetchPolicy())
            most_open = server.open_most
            stored = sum(len(r.items) for r in results)
            failed = sum(r.error is not None for r in results) + sum(len(r.problems) for r in results)
            server.reset()
            again, _ = _timed_fetch(urls, Path(folder) / "concurrent.sqlite", FetchPolicy())
            again_requests, again_conditional = server.requests, server.conditional
            server.reset()
            one_by_one, _ = _timed_fetch(urls, Path(folder) / "sequential.sqlite",
                                         FetchPolicy(max_connections=1, per_host=1))
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    return {"items stored": stored, "failures": failed, "one-by-one s": one_by_one, "concurrent s": concurrent,
            "speed-up": one_by_one / concurrent, "most connections open": most_open,
            "second fetch s": again, "second fetch requests": again_requests,
            "of them conditional": again_conditional}
