"""Every message that quotes input and everything a user types is cleaned as article text is (issue 19, 4)."""

import json
import os
import re

import pytest
from conftest import notices, run_brief
from textual import events

from core.ingest import Problem, load_bytes
from core.review import clean_note, clean_tags
from core.store import Store
from tui.app import BriefApp
from tui.screens.dialogs import NoteScreen, PromptScreen

HOSTILE = {
    "RIS": "\x1bc", "leave alternate screen": "\x1b[?1049l", "OSC 0 title": "\x1b]0;owned\x07",
    "OSC 52 clipboard": "\x1b]52;c;cm0gLXJmIH4=\x07", "C1 CSI": "\x9b?1049l", "C1 OSC": "\x9d0;owned\x9c",
    "BEL": "\x07", "BS": "\x08", "DEL": "\x7f", "bidi override": "\u202e", "bidi isolate": "\u2066",
    "NEL": "\x85",
}
ALL = "".join(HOSTILE.values())
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def assert_clean(text: str) -> None:
    found = UNSAFE.findall(text)
    assert not found, f"control characters reach the terminal: {found!r} in {text!r}"


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_problem_is_clean_whatever_it_quotes(name):
    problem = Problem(f"dir{HOSTILE[name]}/a.xml", f"malformed feed: document declared as {HOSTILE[name]}x")
    assert_clean(str(problem))
    assert "\n" not in str(problem) and str(problem).endswith("declared as x")


def test_a_feed_declaring_an_escape_as_its_encoding_is_reported_clean():
    for sequence in HOSTILE.values():
        feed = (f'<?xml version="1.0" encoding="{sequence}"?><rss version="2.0"><channel><title>W</title>'
                "<item><title>T</title><description>Body text here.</description></item></channel></rss>")
        for item in load_bytes(feed.encode("utf-8", "surrogateescape"), "a.xml", ".xml"):
            assert_clean(str(item) if isinstance(item, Problem) else item.title + item.text)


def test_an_empty_folder_named_with_escapes_is_one_clean_line(tmp_path):
    folder = tmp_path / f"empty{ALL}"
    folder.mkdir()
    result = run_brief("extract", "--no-cache", os.fsdecode(folder))
    assert result.returncode == 1
    err = result.stderr.decode()
    assert_clean(err)
    assert err.count("\n") == 1 and "no article files in this folder" in err


def test_config_key_names_and_values_are_reported_clean(tmp_path, isolated_dirs):
    config = isolated_dirs / "config" / "brief"
    config.mkdir(parents=True)
    escaped = "".join(f"\\u{ord(c):04x}" for c in ALL)
    (config / "config.toml").write_text(f'"bad{escaped}" = 1\ntheme = 3\n[keys]\n"fly{escaped}" = "f"\n')
    result = run_brief("export", "-o", "-")
    err = result.stderr.decode()
    assert_clean(err)
    assert "unknown setting" in err and len(err.splitlines()) == 2


def test_notes_and_tags_are_cleaned_before_they_are_kept():
    assert clean_note(f"line one{ALL}\n\tline two") .count("\n") == 1
    assert_clean(clean_note(f"line one{ALL}\n\tline two").replace("\t", ""))
    assert clean_tags([f"ports{ALL}", "ports", "\x1b[31mred"]) == ("ports", "red")


@pytest.fixture
def app(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps({"title": "Bridge", "text": "The bridge closed for repairs."}))
    return BriefApp([str(folder)], store=Store(tmp_path / "db.sqlite"), export_dir=tmp_path)


async def test_pasted_notes_and_tags_never_keep_an_escape(app):
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.model.loaded and app.articles:
                break
        await pilot.press("a")
        assert isinstance(app.screen, NoteScreen)
        area = app.screen.query_one("#note-text")
        area.post_message(events.Paste(f"pasted{ALL}\nsecond line"))
        await pilot.pause(0.1)
        assert_clean(area.text)
        await pilot.press("ctrl+s")
        await pilot.press("t")
        assert isinstance(app.screen, PromptScreen)
        field = app.screen.query_one("#prompt-input")
        field.post_message(events.Paste(f"urgent{ALL}, ports"))
        await pilot.pause(0.1)
        assert_clean(field.value)
        await pilot.press("enter")
        await pilot.pause(0.1)
        review = app.store.review(app.articles[0].content_hash)
        assert review.note.startswith("pasted") and review.note.endswith("\nsecond line")
        assert_clean(review.note)
        assert review.tags == ("ports", "urgent")
        app.notify(f"a message quoting {ALL}", title=f"title{ALL}")
        await pilot.pause(0.1)
        assert any("a message quoting" in shown for shown in notices(app))
        for shown in notices(app):
            assert_clean(shown)


async def test_no_articles_in_a_folder_named_with_escapes_shows_clean(tmp_path):
    folder = tmp_path / f"empty{ALL}"
    folder.mkdir()
    app = BriefApp([os.fsdecode(folder)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.model.loaded:
                break
        await pilot.pause(0.1)
        shown = app.list_screen.table.render_line(1).text  # the list's first row says why it is empty
        assert "no articles in" in shown
        assert_clean(shown)
        for shown in notices(app):
            assert_clean(shown)
