"""A feed file is read as a document, whatever it holds: never as a URL to fetch or a file name to open.

feedparser, handed a string, fetches it when it reads as a URL and opens it when it names a file; each form a
feed file could hold is tried here, and each must come out as one problem with the file named, and nothing else
read or contacted.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from core.ingest import ingest

PRIVATE_FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Private Notes</title>
<item><title>PRIVATE item</title><description>Only for me.</description></item></channel></rss>"""


def _only_a_problem(path: Path) -> str:
    loaded = ingest([path])
    assert loaded.articles == [], [a.title for a in loaded.articles]
    [problem] = loaded.problems
    assert problem.path == str(path)
    assert "PRIVATE" not in problem.reason
    return problem.reason


def test_a_file_url_is_not_opened(tmp_path):
    private = tmp_path / "private.xml"
    private.write_text(PRIVATE_FEED, encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_text(private.as_uri(), encoding="utf-8")
    _only_a_problem(feed)


def test_a_relative_file_name_is_not_opened(tmp_path, monkeypatch):
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "x.xml").write_text(PRIVATE_FEED, encoding="utf-8")
    (tmp_path / "here").mkdir()
    feed = tmp_path / "here" / "feed.rss"
    feed.write_text("../secret/x.xml", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "here")
    _only_a_problem(feed)


class _RecordingHandler(BaseHTTPRequestHandler):
    """Serves a feed to anyone who asks, and remembers that they asked."""

    def do_GET(self):
        self.server.requests.append(self.path)
        body = PRIVATE_FEED.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def recording_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _RecordingHandler)
    server.requests = []
    server.timeout = 5
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_an_http_url_is_not_fetched(tmp_path, recording_server):
    port = recording_server.server_address[1]
    feed = tmp_path / "feed.atom"
    feed.write_text(f"http://127.0.0.1:{port}/feed.xml", encoding="utf-8")  # no trailing newline, as in the audit
    _only_a_problem(feed)
    assert recording_server.requests == []


def test_dev_zero_named_in_a_feed_file_is_not_read(tmp_path):
    """Run apart, with its memory bounded: were /dev/zero opened, the read would end in MemoryError, not hang."""
    feed = tmp_path / "zero.xml"
    feed.write_text("/dev/zero", encoding="utf-8")
    script = ("import resource, sys\n"
              "resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))\n"
              "from core.ingest import ingest\n"
              "loaded = ingest([sys.argv[1]])\n"
              "print(len(loaded.articles), len(loaded.problems))\n")
    done = subprocess.run([sys.executable, "-c", script, str(feed)], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "1"]
