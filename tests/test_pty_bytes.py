"""Every byte brief writes to a terminal, recorded through a pty: nothing an article, a file name or a library's
error holds reaches it as an escape sequence or a control character (issue 19, 4)."""

import json
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.store import Store

SEQUENCES = ["\x1bc", "\x1b[?1049l", "\x1b]0;owned\x07", "\x1b]52;c;cm0gLXJmIH4=\x07", "\x9b?1049l",
             "\x9d0;owned\x9c", "\x07", "\x08", "\x7f", "\u202e", "\u2066", "\x85", "\x1bP+q\x1b\\"]
ALL = "".join(SEQUENCES)


def hostile_folder(root: Path) -> Path:
    folder = root / f"in{ALL}put"
    folder.mkdir()
    (folder / f"story{ALL}.txt").write_text(f"Title {ALL} here\n\nThe council {ALL} voted, the mayor said.",
                                            encoding="utf-8")
    (folder / "record.jsonl").write_text(json.dumps({
        "title": f"JSON {ALL}", "source": f"Wire {ALL}", "url": f"http://x/{ALL}", "published": f"2024{ALL}",
        "text": f"“We will {ALL} rebuild,” said Ana {ALL} Ruiz on Monday."}) + "\n{bad " + ALL + "\n",
        encoding="utf-8")
    (folder / "feed.xml").write_text(f'<?xml version="1.0" encoding="{ALL}"?><rss><channel><title>x</title>'
                                     f"<item><title>t</title></item></channel></rss>", encoding="utf-8")
    (folder / "page.html").write_text(f"<html><head><title>Page {ALL}</title></head><body><article><p>"
                                      f"{'Body text about the harbour bridge. ' * 20}{ALL}</p></article></body></html>",
                                      encoding="utf-8")
    (folder / f"empty{ALL}").mkdir()
    return folder


def through_pty(argv: list[str], env: dict[str, str], keys: list[bytes] = (), seconds: float = 60) -> bytes:
    """Run argv with stdin, stdout and stderr on a pty, type the keys (the first once it has drawn for a few
    seconds, then one every half second) and return every byte it wrote until it exits."""
    master, slave = pty.openpty()
    os.set_blocking(master, False)
    process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
                               start_new_session=True)
    os.close(slave)
    written = bytearray()
    deadline = time.monotonic() + seconds
    pending = list(keys)
    next_key = None
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the other side closed
                break
            if not chunk:
                break
            written += chunk
            if next_key is None:
                next_key = time.monotonic() + 4  # the list read and drawn
        if pending and next_key is not None and time.monotonic() >= next_key:
            os.write(master, pending.pop(0))
            next_key = time.monotonic() + 0.5
        if process.poll() is not None and not ready:
            break
    if process.poll() is None:
        process.kill()
    process.wait(10)
    os.close(master)
    return bytes(written)


UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def environment(root: Path) -> dict[str, str]:
    return {**os.environ, "BRIEF_DB": str(root / "db.sqlite"), "XDG_CONFIG_HOME": str(root / "config"),
            "XDG_DATA_HOME": str(root / "data"), "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}


@pytest.mark.parametrize("fmt", ["jsonl", "md"])
def test_brief_extract_writes_no_control_to_a_terminal(tmp_path, fmt):
    folder = hostile_folder(tmp_path)
    written = through_pty([sys.executable, "-m", "tui", "extract", "--format", fmt, "--workers", "1",
                           str(folder), str(folder / f"empty{ALL}")], environment(tmp_path))
    text = written.decode("utf-8")
    assert "Ana" in text and "harbour" in text and text.count("brief: ") >= 3  # the good ones, and the problems
    found = UNSAFE.findall(text.replace("\r\n", "\n").replace("\t", ""))
    assert not found, f"{found!r} reached the terminal"


def test_brief_export_writes_no_control_to_a_terminal(tmp_path):
    folder = hostile_folder(tmp_path)
    env = environment(tmp_path)
    subprocess.run([sys.executable, "-m", "tui", "extract", "--workers", "1", str(folder)], env=env,
                   capture_output=True, timeout=120)
    with Store(tmp_path / "db.sqlite") as store:
        for article in store.articles():
            store.set_status(article.content_hash, "flagged")
            store.set_note(article.content_hash, f"note {ALL} end")
            store.set_tags(article.content_hash, [f"tag{ALL}"])
    written = through_pty([sys.executable, "-m", "tui", "export", "-o", "-"], env)
    text = written.decode("utf-8")
    assert "note" in text and "## " in text
    assert not UNSAFE.findall(text.replace("\r\n", "\n").replace("\t", ""))


def test_the_dashboard_writes_none_of_the_datas_sequences_to_a_terminal(tmp_path):
    """Textual writes escape sequences of its own, so here the data's own are sought: its title change, clipboard
    write, terminal reset, C1 forms and bidi overrides never appear, and the alternate screen is left once, at exit."""
    folder = hostile_folder(tmp_path)
    paste = b"\x1b[200~pasted \x1b]0;owned\x07 \x1bc\xc2\x9b2J\xe2\x80\xae ok\x1b[201~"  # bracketed, in UTF-8
    keys = [b"j", b"a", paste, b"\x13", b"t", paste.replace(b"pasted", b"tag"), b"\r", b"j", b"\r", b"\t",
            b"\x1b", b"\x10", b"JSON", b"\x1b", b"q"]
    written = through_pty([sys.executable, "-m", "tui", str(folder), "--no-mouse"], environment(tmp_path),
                          keys=keys, seconds=60)
    text = written.decode("utf-8", "replace")
    assert "JSON" in text and "Ana" in text, text[-2000:]
    # (a BEL alone is no sign: it ends Textual's own OSC 22)
    for body in ["\x1b]0;owned", "\x1b]52;", "\x1bc", "\x1bP+q", "\x9b", "\x9d", "\x85", "\u202e", "\u2066"]:
        assert body not in text, f"{body!r} reached the terminal"
    assert text.count("\x1b[?1049l") <= 1  # Textual's own, when the app exits
    with Store(tmp_path / "db.sqlite") as store:  # the keys arrived: the note with the pasted text was saved
        reviews = list(store.reviews().values())
    assert any("pasted" in r.note and "owned" in r.note for r in reviews), reviews
    assert not any(UNSAFE.findall(r.note + "".join(r.tags)) for r in reviews)


def test_bytes_the_terminal_sends_that_are_not_utf8_do_not_stop_the_dashboard(tmp_path):
    """A raw 0x9b (a CSI in Latin-1, a quotation mark in Windows-1252) or 0xff typed or pasted raised
    UnicodeDecodeError in the terminal driver and the app died; now the keys after them still work."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: Harbour bridge closes\ndate: 2024-03-05\n---\n"
                                 "The city council voted to close the harbour bridge for repairs.")
    written = through_pty([sys.executable, "-m", "tui", str(folder), "--no-mouse"], environment(tmp_path),
                          keys=[b"\x9b", b"\xff\xfe", b" ", b"q"], seconds=60)
    text = written.decode("utf-8", "replace")
    assert "Traceback" not in text and "UnicodeDecodeError" not in text, text[-2000:]
    with Store(tmp_path / "db.sqlite") as store:
        assert [r.status for r in store.reviews().values()] == ["flagged"]  # space after the bad bytes flagged it
