"""Two dashboards on one store, and a store that cannot be read: no note or tag is lost without a word
(issue 19, 8)."""

import json

import pytest
from conftest import notices

from core.review import merge_notes, merge_tags
from core.store import Store, open_for_browsing
from tui import cli
from tui.app import BriefApp
from tui.screens import NoteScreen

RECORDS = [{"id": "bridge", "title": "Harbour bridge closes", "published": "2024-03-05",
            "text": "The council voted to close the harbour bridge for repairs."}]


def test_a_note_changed_since_it_was_read_is_kept_with_mine(tmp_path):
    a, b = Store(tmp_path / "db.sqlite"), Store(tmp_path / "db.sqlite")
    assert a.set_note("h", "A's note", expected="") == "A's note"
    assert b.set_note("h", "B's note", expected="") == "A's note\n\nB's note"  # B read "" before A saved
    assert a.review("h").note == "A's note\n\nB's note"
    assert a.set_note("h", "A's note\n\nB's note, edited", expected="A's note\n\nB's note") == (
        "A's note\n\nB's note, edited")


def test_tags_merge_three_ways(tmp_path):
    a, b = Store(tmp_path / "db.sqlite"), Store(tmp_path / "db.sqlite")
    a.set_tags("h", ["ports", "old"])
    assert a.set_tags("h", ["ports", "old", "urgent"], expected=("old", "ports")) == ("old", "ports", "urgent")
    # B read ("old", "ports") before A added "urgent"; B removes "old" and adds "bridges"
    assert b.set_tags("h", ["ports", "bridges"], expected=("old", "ports")) == ("bridges", "ports", "urgent")


@pytest.mark.parametrize(("read", "current", "mine", "kept"), [
    ("", "", "mine", "mine"), ("old", "old", "new", "new"), ("", "theirs", "mine", "theirs\n\nmine"),
    ("", "theirs", "theirs and more", "theirs and more"), ("x", "x y", "x", "x y")])
def test_merge_notes(read, current, mine, kept):
    assert merge_notes(read, current, mine) == kept


def test_merge_tags_keeps_both_sides_changes():
    assert merge_tags(("a", "b"), ("a", "b", "c"), ("b", "d")) == ("b", "c", "d")


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "batch.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS))
    return folder


async def loaded(app, pilot):
    for _ in range(200):
        await pilot.pause(0.05)
        if app.model.loaded and app.articles and all(a.key in app.model.corpus for a in app.articles):
            return


async def test_b_opened_before_a_saved_keeps_both_notes(folder, tmp_path):
    db = tmp_path / "db.sqlite"
    b = BriefApp([str(folder)], store=Store(db))
    async with b.run_test(size=(80, 24), notifications=True) as pilot:
        await loaded(b, pilot)
        content_hash = b.articles[0].content_hash
        Store(db).set_note(content_hash, "A wrote this first")  # dashboard A, after B listed the articles
        await pilot.press("a")
        assert isinstance(b.screen, NoteScreen)
        assert b.screen.query_one("#note-text").text == "A wrote this first"  # B reads what is there now
        b.screen.query_one("#note-text").text = ""
        Store(db).set_note(content_hash, "A changed it while B typed")
        await pilot.press(*"B's own")
        await pilot.press("ctrl+s")
        await pilot.pause()
        messages = notices(b)
        assert any("another brief had changed it since you opened it: both are kept" in m for m in messages)
    assert Store(db).review(content_hash).note == "A changed it while B typed\n\nB's own"


def test_an_unreadable_database_is_a_stand_in_that_saves_nothing(tmp_path):
    db = tmp_path / "db.sqlite"
    with Store(db) as store:
        store.set_note("h", "x" * 5000)
    db.write_bytes(db.read_bytes()[: len(db.read_bytes()) // 2])  # truncated
    store, problem = open_for_browsing(db)
    assert store.stand_in_for == str(db) and "nothing will be saved" in problem


async def test_saves_into_a_stand_in_never_claim_success_and_are_printed_at_exit(folder, tmp_path, capsys):
    db = tmp_path / "db.sqlite"
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # corrupt
    store, problem = open_for_browsing(db)
    app = BriefApp([str(folder)], store=store, store_problem=problem)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await loaded(app, pilot)
        await pilot.press("a", *"precious", "ctrl+s")
        await pilot.press("space")
        await pilot.pause()
        messages = notices(app)
        assert "note saved" not in messages
        assert any("not saved: the database cannot be read" in m for m in messages)
        assert "2 unsaved" in str(app.list_screen.query_one("#status").render())
        assert app.model.book.reviews[app.articles[0].content_hash].note == "precious"  # still shown this session
    capsys.readouterr()
    assert cli._report_unsaved(app, app.retry_unsaved()) is True
    err = capsys.readouterr().err
    assert "not saved: the database cannot be read; these changes were not saved:" in err
    assert "note on Harbour bridge closes:\nprecious\n" in err and "flagged: Harbour bridge closes" in err
