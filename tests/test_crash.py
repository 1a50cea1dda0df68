"""kill -9 at the worst moments: the database is consistent afterwards, finished work is kept, the rest resumes."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from conftest import ROOT

from core.locations import seeds_dir
from core.store import Store

SEED = next(seeds_dir().glob("*.txt")).read_text(encoding="utf-8")


def _rows(db, sql: str) -> list[tuple]:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()
    except sqlite3.OperationalError:  # not created yet
        return []


def _wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_kill_during_extraction_keeps_finished_work_and_resumes(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(160):  # distinct texts, each a full article's work
        (folder / f"{i:03}.txt").write_text(f"Report {i}\n\n{SEED}\nFiled as report number {i}.\n", encoding="utf-8")
    db = tmp_path / "brief.sqlite"
    command = [sys.executable, "-m", "tui", "extract", "--workers", "1", "--db", str(db), str(folder)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _wait_for(lambda: _rows(db, "SELECT count(*) FROM extractions") not in ([], [(0,)]))
    process.send_signal(signal.SIGKILL)
    process.wait(30)

    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]
    kept = dict(_rows(db, "SELECT content_hash, rowid FROM extractions"))
    assert 0 < len(kept) < 160

    result = subprocess.run(command, capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr
    briefings = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(briefings) == 160 and all(len(b["keyphrases"]) == 10 for b in briefings)
    after = dict(_rows(db, "SELECT content_hash, rowid FROM extractions"))
    assert len(after) == 160
    # what was finished before the kill was read from the cache, not computed and written again
    assert {h: after[h] for h in kept} == kept


_NOTE_WRITER = """
import sys
from core.store import Store
store = Store(sys.argv[1])
store.set_status("other", "flagged")
store.set_note("other", "written before")
print("ready", flush=True)
i = 0
while True:
    store.set_note("h", f"note {i} " + "x" * (i % 5000))
    print(i, flush=True)
    i += 1
"""


def test_kill_while_saving_notes_leaves_the_last_saved_note(tmp_path):
    db = tmp_path / "brief.sqlite"
    for attempt in range(3):  # a kill at three different moments of the write loop
        process = subprocess.Popen([sys.executable, "-c", _NOTE_WRITER, str(db)], stdout=subprocess.PIPE,
                                   text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert process.stdout.readline() == "ready\n"
        for _ in range(50 + 97 * attempt):
            last = int(process.stdout.readline())
        os.kill(process.pid, signal.SIGKILL)
        process.wait(30)
        printed = [int(line) for line in process.stdout.read().split()]
        last = max([last, *printed])

        assert _rows(db, "PRAGMA integrity_check") == [("ok",)]
        with Store(db) as store:
            note = store.review("h").note
            number = int(note.split()[1])
            # the last write reported as done is there, or the one after it if that committed before the kill
            assert number in (last, last + 1)
            assert note == f"note {number} " + "x" * (number % 5000)
            assert store.review("other").status == "flagged" and store.review("other").note == "written before"
