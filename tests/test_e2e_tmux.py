"""The installed `brief` in a real terminal (tmux at 80x24), read off the screen as a person would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

BRIEF = Path(sys.executable).with_name("brief")
pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    def __init__(self, name: str, command: list[str], env: dict[str, str]) -> None:
        self.name = name
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)
        subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "80", "-y", "24",
                        f"env {exports} {' '.join(command)}; sleep 30"], check=True)

    def screen(self) -> str:
        return subprocess.run(["tmux", "capture-pane", "-t", self.name, "-p"], capture_output=True,
                              text=True).stdout

    def wait_for(self, text: str, timeout: float = 15) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


@pytest.fixture
def terminal(request):
    opened: list[Terminal] = []

    def open_terminal(*args: str, env: dict[str, str]) -> Terminal:
        term = Terminal(f"brief-e2e-{os.getpid()}-{request.node.name[:20]}-{len(opened)}", [str(BRIEF), *args], env)
        opened.append(term)
        return term

    yield open_terminal
    for term in opened:
        term.close()


def test_browse_flag_quit_and_the_flag_is_there_next_time(tmp_path, terminal):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: Harbour bridge closes\nsource: Herald\ndate: 2024-03-05\n---\n"
                                 "The city council voted to close the harbour bridge for repairs.")
    (folder / "b.md").write_text("---\ntitle: Ferry delayed by fog\nsource: Bulletin\ndate: 2024-03-06\n---\n"
                                 "Thick fog delayed the morning ferry across the bay for three hours.")
    env = {"BRIEF_DB": str(tmp_path / "db.sqlite"), "TERM": "xterm-256color"}
    term = terminal(str(folder), env=env)
    screen = term.wait_for("Ferry delayed by fog")
    assert "Harbour bridge closes" in screen and "2 articles" in screen
    assert "space Flag" in screen
    term.keys("Enter")  # the newest first: its own screen, its text
    term.wait_for("Thick fog delayed")
    assert "Summary" in term.wait_for("q Back")
    term.keys("Tab")
    term.wait_for("BLUF")
    term.keys("q")
    screen = term.wait_for("1 new")  # reading it marked it read
    term.keys("j", "Space")
    term.wait_for("1 flagged")
    term.keys("q")
    _wait_closed(term)

    again = terminal(str(folder), env=env)
    screen = again.wait_for("1 flagged")
    flagged_row = next(line for line in screen.splitlines() if "Harbour bridge closes" in line)
    assert "★" in flagged_row
    other_row = next(line for line in screen.splitlines() if "Ferry delayed by fog" in line)
    assert "★" not in other_row and "●" not in other_row  # read, not flagged


def test_the_article_screen_scrolls_and_all_read_marks_the_list(tmp_path, terminal):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(30):
        lines = "\n\n".join(f"Line {i} of story {n}: the council met about the {n}th bridge." for i in range(60))
        (folder / f"s{n:02d}.md").write_text(f"---\ntitle: Story number {n:02d}\ndate: 2024-03-{1 + n % 28:02d}\n"
                                             f"---\nOpening of story {n:02d}.\n\n{lines}\n\nClosing of story {n:02d}.")
    term = terminal(str(folder), env={"BRIEF_DB": str(tmp_path / "db.sqlite"), "TERM": "xterm-256color"})
    screen = term.wait_for("30 new")
    rows = [line for line in screen.splitlines() if "Story number" in line]
    assert len(rows) >= 18  # the list takes the screen at 80x24
    term.keys("Enter")
    first = next(line.strip() for line in term.wait_for("Opening of story").splitlines() if "Story number" in line)
    term.keys("G")
    term.wait_for("Closing of story")
    term.keys("g")
    term.wait_for("Opening of story")
    term.keys("n")  # the next new article, without going back
    deadline = time.monotonic() + 10
    while first in term.screen() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert first not in term.screen() and "Opening of story" in term.screen()
    term.keys("Escape")
    term.wait_for("28 new")
    term.keys("A")
    screen = term.wait_for("0 new")
    assert not any("●" in line for line in screen.splitlines() if "Story number" in line)
    term.keys("C-z")
    term.wait_for("28 new")
    term.keys("q")
    _wait_closed(term)


def _wait_closed(term: Terminal) -> None:
    deadline = time.monotonic() + 10
    while "articles" in term.screen() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert "articles" not in term.screen()


@pytest.mark.parametrize("env_extra", [
    {"TERM": "screen-256color"},
    {"TERM": "tmux-256color"},
    {"TERM": "xterm-256color", "NO_COLOR": "1"},
    {"TERM": "xterm", "TEXTUAL_COLOR_SYSTEM": "standard"},
], ids=["screen-256color", "tmux-256color", "no-color", "16-colours"])
def test_terminals_and_colour_modes_show_status_and_text(tmp_path, terminal, env_extra):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: Harbour bridge closes\ndate: 2024-03-05\n---\n"
                                 "The city council voted to close the harbour bridge for repairs.")
    term = terminal(str(folder), "--no-mouse", env={"BRIEF_DB": str(tmp_path / "db.sqlite"), **env_extra})
    screen = term.wait_for("Harbour bridge closes")
    row = next(line for line in screen.splitlines() if "Harbour bridge closes" in line)
    assert "●" in row and "2024-03-05" in row
    term.keys("Space")
    row = next(line for line in term.wait_for("1 flagged").splitlines() if "Harbour bridge closes" in line)
    assert "★" in row


def test_newer_database_is_browsed_and_unsaved_changes_are_printed_at_exit(tmp_path, terminal):
    from conftest import database_from_a_newer_brief

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: Harbour bridge closes\ndate: 2024-03-05\n---\n"
                                 "The city council voted to close the harbour bridge for repairs.")
    db = database_from_a_newer_brief(tmp_path / "db.sqlite")
    term = terminal(str(folder), env={"BRIEF_DB": str(db), "TERM": "xterm-256color"})
    term.wait_for("read-only database")
    term.wait_for("Harbour bridge closes")
    term.keys("Space")
    term.wait_for("1 unsaved")
    term.keys("q")
    screen = term.wait_for("these changes were not saved")
    assert "flagged: Harbour bridge closes" in screen


def test_subscribe_to_a_local_feed_fetch_with_R_and_read_an_article(tmp_path, terminal):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from local_web import LocalWeb, rss2

    env = {"BRIEF_DB": str(tmp_path / "db.sqlite"), "TERM": "xterm-256color",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "HTTP_PROXY": "", "HTTPS_PROXY": "", "ALL_PROXY": "", "http_proxy": "", "https_proxy": ""}
    with LocalWeb() as web:
        web.custom["/desk.xml"] = (rss2(web.base, items=1), "application/rss+xml")
        subscribed = subprocess.run([str(BRIEF), "subscribe", web.base + "/desk.xml"], capture_output=True,
                                    env={**os.environ, **env}, timeout=60)
        assert subscribed.returncode == 0, subscribed.stderr
        term = terminal(env=env)  # nothing fetched yet: the seed article
        term.wait_for("1 article")
        term.keys("R")
        term.wait_for("feed 1 of 1", timeout=30)  # the feed's line, as it completes
        assert "2 articles" in term.wait_for("Item 1", timeout=30)
        term.keys("g", "Enter")
        term.wait_for("Story 1, part 1.", timeout=15)
        assert web.count("/story/1") == 1
        term.keys("q", "q")
        requests = len(web.log)
        again = terminal(env=env)  # now the store holds the feed's article: brief alone opens it, fetching nothing
        screen = again.wait_for("Item 1")
        assert "1 article" in screen and "Kim Jong-un" not in screen
        assert len(web.log) == requests
