"""A small web on 127.0.0.1 for the fetch tests: feeds of every dialect, article pages, and the misbehaviour a feed
reader meets on the open web. Started by the tests, on a free port, only on the loopback address; every request's
path and headers are logged so a test can assert what brief sent.
"""

from __future__ import annotations

import gzip
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PARAGRAPH = ("The harbour authority said on Tuesday that the old swing bridge would close for a year of repairs, "
             "after engineers found corrosion in the main span that had spread far faster than expected. ")


def story_page(number: int) -> bytes:
    """A full article (about 2,400 characters in four paragraphs) inside navigation and a footer."""
    paragraphs = "".join(f"<p>Story {number}, part {n}. {PARAGRAPH * 3}</p>" for n in range(1, 5))
    return (f"<!DOCTYPE html><html><head><title>Story {number} | Harbour Herald</title>"
            f'<meta property="og:title" content="Story {number}"><meta property="og:site_name" '
            f'content="Harbour Herald"></head><body><nav>Home | World | Sport</nav><article><h1>Story {number}</h1>'
            f"{paragraphs}</article><footer>Copyright Harbour Herald</footer></body></html>").encode()


def rss2(base: str, items: int = 2, tag: str = "") -> bytes:
    entries = "".join(
        f"<item><title>Item {n}{tag}</title><link>{base}/story/{n}</link><guid>rss-{n}</guid>"
        f"<pubDate>Sun, 05 Jan 2025 21:3{n % 10}:00 -0500</pubDate>"
        f"<description>Summary of item {n}.</description></item>" for n in range(1, items + 1))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Herald</title>'
            f"<link>{base}/</link>{entries}</channel></rss>").encode()


def atom(base: str) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Port Bulletin'
            f'</title><entry><title>Ferry delayed</title><link href="{base}/story/3"/><id>tag:port,2025:1</id>'
            f"<updated>2025-01-06T08:00:00+09:00</updated><summary>The ferry was delayed.</summary></entry>"
            f"</feed>").encode()


def rss091(base: str) -> bytes:
    return (f'<?xml version="1.0"?><rss version="0.91"><channel><title>Web Tips</title><link>{base}/</link>'
            f"<description>Tips</description><language>en</language><item><title>Bold</title>"
            f"<link>{base}/missing</link><description>Wrap a word in &lt;b&gt; to make it bold.</description>"
            f"</item></channel></rss>").encode()


def json_feed(base: str) -> bytes:
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Technology", "items": [
        {"id": "j-1", "url": f"{base}/story/4", "title": "Chip plant opens", "summary": "A chip plant opened.",
         "date_published": "2025-01-06T10:00:00-05:00"}]}).encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: LocalWeb

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        self.server.record(self.path, {name.lower(): value for name, value in self.headers.items()})
        base = self.server.base
        routes = {
            "/rss2.xml": lambda: self._conditional(rss2(base), "application/rss+xml"),
            "/atom.xml": lambda: self._send(200, atom(base), "application/atom+xml"),
            "/rss091.xml": lambda: self._send(200, rss091(base), "application/rss+xml"),
            "/feed.json": lambda: self._send(200, json_feed(base), "application/feed+json"),
            "/moved": lambda: self._send(301, b"", "text/html", {"Location": "/story/1"}),
            "/to-file": lambda: self._send(302, b"", "text/html", {"Location": "file:///etc/passwd"}),
            "/flaky.xml": self._flaky,
            "/never": self._never_ending,
            "/huge": self._huge,
            "/gzip.xml": self._gzipped,
            "/slow": self._slow,
            "/escape": lambda: self._send(418, b"", "text/plain", reason="\x1b]0;owned\x07\x1b[2J teapot"),
        }
        if self.path in self.server.custom:
            body, media = self.server.custom[self.path]
            self._send(200, body, media)
        elif self.path in routes:
            routes[self.path]()
        elif self.path.startswith("/story/") and self.path[7:].isdigit():
            self._send(200, story_page(int(self.path[7:])), "text/html; charset=utf-8")
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, status: int, body: bytes, media: str, headers: dict[str, str] | None = None,
              reason: str | None = None) -> None:
        self.send_response(status, reason)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _conditional(self, body: bytes, media: str) -> None:
        etag, modified = '"v1"', "Sun, 05 Jan 2025 22:00:00 GMT"
        if self.headers.get("If-None-Match") == etag or self.headers.get("If-Modified-Since") == modified:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self._send(200, body, media, {"ETag": etag, "Last-Modified": modified})

    def _flaky(self) -> None:
        if self.server.count("/flaky.xml") == 1:
            self._send(500, b"try again", "text/plain")
        else:
            self._send(200, rss2(self.server.base, items=1), "application/rss+xml")

    def _never_ending(self) -> None:
        """Headers, then a byte every tenth of a second, for at most 30 s (the server's own bound)."""
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        ends = time.monotonic() + 30
        try:
            while time.monotonic() < ends and not self.server.stopping.is_set():
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass  # the client gave up, as it should
        self.close_connection = True

    def _huge(self) -> None:
        """A megabyte with no Content-Length: only counting what arrives can stop it."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            for _ in range(64):
                self.wfile.write(b"<p>" + b"x" * 16381)
        except OSError:
            pass
        self.close_connection = True

    def _slow(self) -> None:
        """A page that takes 0.3 s, counting how many are being answered at once."""
        self.server.in_flight(+1)
        try:
            time.sleep(0.3)
            self._send(200, story_page(9), "text/html")
        finally:
            self.server.in_flight(-1)

    def _gzipped(self) -> None:
        body = gzip.compress(rss2(self.server.base, items=1, tag=" (gzip)"))
        self._send(200, body, "application/rss+xml", {"Content-Encoding": "gzip"})


class LocalWeb(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.log: list[tuple[str, dict[str, str]]] = []
        self._log_lock = threading.Lock()
        self.stopping = threading.Event()
        self.custom: dict[str, tuple[bytes, str]] = {}  # path -> (body, media type), set by a test
        self.answering = self.most_answering = 0
        self.base = f"http://127.0.0.1:{self.server_address[1]}"
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    def in_flight(self, change: int) -> None:
        with self._log_lock:
            self.answering += change
            self.most_answering = max(self.most_answering, self.answering)

    def record(self, path: str, headers: dict[str, str]) -> None:
        with self._log_lock:
            self.log.append((path, headers))

    def count(self, path: str) -> int:
        with self._log_lock:
            return sum(1 for p, _ in self.log if p == path)

    def requests_to(self, path: str) -> list[dict[str, str]]:
        with self._log_lock:
            return [h for p, h in self.log if p == path]

    def __enter__(self) -> LocalWeb:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)
