"""The first thing an analyst does every morning: the installed `brief` on a few hundred articles it has never
seen, at 80x24 in tmux. Extraction must run to the end, and quitting at any moment must leave no process behind."""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from test_e2e_tmux import BRIEF, Terminal

from bench.synthetic import write_batch

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

EXTRACTION_TIMEOUT = 420  # generous: 300 articles take about 20 s on two idle cores


def _brief_pid(marker: str, timeout: float = 15) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for pid in _pids():
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if any(marker.encode() in part for part in cmdline) and any(b"brief" in p for p in cmdline[:2]):
                return pid
        time.sleep(0.1)
    raise AssertionError(f"no brief process for {marker}")


def _cmdline(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")[:-1]
    except OSError:
        return []


def _pids() -> list[int]:
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def _descendants(root: int) -> set[int]:
    """Every living process under root (the forkserver and the extraction workers)."""
    parents: dict[int, int] = {}
    for pid in _pids():
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        parents[pid] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {root}
    while frontier:
        children = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= children
        frontier = children
    return found


def _alive(pids: set[int]) -> set[int]:
    living = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            living.add(pid)
    return living


def _wait_gone(pids: set[int], timeout: float) -> float:
    start = time.monotonic()
    while _alive(pids) and time.monotonic() - start < timeout:
        time.sleep(0.05)
    return time.monotonic() - start


@pytest.fixture
def cold(tmp_path):
    batch = write_batch(tmp_path / "morning-cold-batch.jsonl", 300)
    opened: list[Terminal] = []

    def open_brief(name: str) -> tuple[Terminal, int, set[int]]:
        env = {"BRIEF_DB": str(tmp_path / f"{name}.sqlite"), "TERM": "xterm-256color"}
        term = Terminal(f"brief-cold-{name}", [str(BRIEF), str(batch)], env)
        opened.append(term)
        pid = _brief_pid(str(batch))
        term.wait_for("300 articles")
        deadline = time.monotonic() + 30  # the forkserver and the workers under brief
        while len(_descendants(pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        return term, pid, _descendants(pid)

    yield open_brief
    for term in opened:
        term.close()


def test_a_cold_batch_of_300_is_extracted_to_the_end_and_quitting_leaves_nothing(cold, tmp_path):
    term, pid, children = cold("full")
    assert children, "extraction runs in processes of its own"
    screen = term.wait_for("extracted 300", timeout=EXTRACTION_TIMEOUT)
    assert "extracting" not in screen
    rows = [line for line in screen.splitlines() if "Courier" in line]
    assert len(rows) >= 18  # a row each, none folded: the batch holds no near-duplicates
    # at 80 columns the keyphrases are on the article's screen, not on its row; the keys go in at once, as a
    # typist ahead of the screen sends them (the list's own "Keyphrases" heading is no sign the article is open)
    term.keys("Enter", "Tab", "Tab")
    scores = [line for line in term.wait_for("1.00").splitlines() if re.search(r"█+\s+[01]\.\d\d \w", line)]
    assert len(scores) >= 5, term.screen()
    term.keys("q")
    term.wait_for("extracted 300")
    term.keys("q")
    took = _wait_gone({pid} | _descendants(pid) | children, timeout=10)
    assert not _alive({pid} | children), "a brief process was left behind"
    assert took < 2.5, f"quitting took {took:.1f} s"
    with sqlite3.connect(tmp_path / "full.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM extractions").fetchone()[0] == 300


@pytest.mark.parametrize("how", ["q", "ctrl+c", "SIGTERM", "SIGHUP"])
def test_quitting_three_seconds_into_extraction_exits_at_once_and_keeps_what_finished(cold, tmp_path, how):
    term, pid, children = cold(how.lower().replace("+", "-"))
    term.wait_for("extracting")
    time.sleep(3)
    shown = re.search(r"extracting (\d+)/300", term.screen())
    done_on_screen = int(shown.group(1)) if shown else 300
    everything = {pid} | _descendants(pid) | children
    if how == "q":
        term.keys("q")
    elif how == "ctrl+c":
        term.keys("C-c")
    else:
        os.kill(pid, getattr(signal, how))
    took = _wait_gone(everything, timeout=10)
    assert not _alive(everything), f"left behind after {how}: {_alive(everything)}"
    assert took < 2.5, f"exiting on {how} took {took:.1f} s"
    screen = term.screen()
    assert "Traceback" not in screen, screen
    with sqlite3.connect(tmp_path / f"{how.lower().replace('+', '-')}.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = db.execute("SELECT COUNT(*) FROM extractions").fetchone()[0]
    assert kept >= done_on_screen, f"{done_on_screen} were shown extracted, {kept} kept"


def test_a_feed_piped_into_brief_is_listed_and_the_keyboard_works(tmp_path):
    feed = tmp_path / "wire.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        '<item><title>Harbour bridge closes for repairs</title><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>'
        '<description>The city council voted to close the harbour bridge for repairs.</description></item>'
        '<item><title>Ferry delayed by fog</title><pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate>'
        '<description>Thick fog delayed the morning ferry across the bay for three hours.</description></item>'
        '</channel></rss>')
    term = Terminal("brief-piped", ["cat", str(feed), "|", "env", f"BRIEF_DB={tmp_path / 'db.sqlite'}",
                                    "TERM=xterm-256color", str(BRIEF), "-"], {})
    try:
        screen = term.wait_for("Ferry delayed by fog")
        [pid] = [pid for pid in _pids() if _cmdline(pid)[1:] == [str(BRIEF), "-"]]
        everything = {pid} | _descendants(pid)
        assert "Harbour bridge closes" in screen and "2 articles" in screen
        term.keys("j", "Enter")  # keys from the terminal, not from the pipe
        term.wait_for("The city council voted")
        term.keys("q")
        term.wait_for("Ferry delayed by fog")
        term.keys("q")
        _wait_gone(everything, timeout=10)
        assert not _alive(everything)
        assert "articles" not in term.screen()
    finally:
        term.close()
