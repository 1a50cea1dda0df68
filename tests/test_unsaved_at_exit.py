"""The dashboard never dies with unsaved work: a crash prints every unsaved note and exits non-zero (issue 19, 2)."""

import json
import re

import pytest
from textual.widgets import Static

from core.store import Store
from tui import cli
from tui.app import BriefApp
from tui.screens.dialogs import NoteScreen, PromptScreen

RECORDS = [{"id": f"a{n}", "title": f"Story {n}", "published": f"2024-03-0{n + 1}",
            "text": f"The harbour council met for the {n}th time and voted on the bridge."} for n in range(3)]


@pytest.fixture
def app(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "batch.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS))
    return BriefApp([str(folder)], store=Store(tmp_path / "db.sqlite"), export_dir=tmp_path)


async def loaded(app, pilot):
    for _ in range(200):
        await pilot.pause(0.05)
        if app.model.loaded and all(a.key in app.model.corpus for a in app.articles):
            return
    raise AssertionError("never loaded")


def toasts(app) -> str:
    return "\n".join(str(toast.render()) for toast in app.screen.query("Toast"))


def crash(app):
    raise RuntimeError("a bug in the dashboard")


async def test_a_crash_with_a_note_being_typed_prints_it_and_fails(app, capsys):
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(app, pilot)
            await pilot.press("a")
            assert isinstance(app.screen, NoteScreen)
            await pilot.press(*"Call the ", "enter", *"engineer")
            app.call_later(crash, app)
            await pilot.pause(0.2)
    assert app.return_code == 1
    capsys.readouterr()
    assert cli._report_unsaved(app, None) is True
    err = capsys.readouterr().err
    assert "what was typed there was not saved" in err
    assert re.search(r"note on Story \d \(being typed\):\nCall the \nengineer\n", err)


async def test_tags_being_typed_are_kept_too_and_a_saved_note_is_no_draft(app, capsys):
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(app, pilot)
            await pilot.press("a", *"saved", "ctrl+s")
            await pilot.press("t", *"ports, bridges")
            assert isinstance(app.screen, PromptScreen)
            app.call_later(crash, app)
            await pilot.pause(0.2)
    capsys.readouterr()  # Textual's traceback
    cli._report_unsaved(app, None)
    err = capsys.readouterr().err
    assert re.search(r"tags on Story \d \(being typed\):\nports, bridges\n", err)
    assert "note on" not in err


async def test_a_cancelled_or_saved_editor_leaves_nothing_to_report(app, capsys):
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await loaded(app, pilot)
        await pilot.press("a", *"dropped", "escape")
        await pilot.press("t", *"kept", "enter")
        assert "tags: kept" in toasts(app)
        assert "unsaved" not in str(app.list_screen.query_one("#status", Static).render())
    assert app.drafts == {} and app.return_code in (None, 0)
    assert cli._report_unsaved(app, None) is False
    assert capsys.readouterr().err == ""


def extract_failing_on_story_1(article):
    """Runs in the extraction processes, which a monkeypatch of this process would not reach."""
    from core.pipeline import extract

    if article.title == "Story 1":
        raise OverflowError("date value out of range")
    return extract(article)


async def test_an_article_the_extractors_fail_on_is_one_notice_and_the_rest_load(tmp_path):
    from core.worker_pool import WorkerPool

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "batch.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS))
    app = BriefApp([str(folder)], store=Store(tmp_path / "db.sqlite"),
                   pool=WorkerPool(extract_failing_on_story_1, 1, seconds=60))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        for _ in range(200):
            await pilot.pause(0.05)
            if app.model.loaded and len(app.model.corpus) == 2 and app.model.failed:
                break
        for _ in range(40):  # the failures of the next half second are told together
            await pilot.pause(0.05)
            messages = [str(toast.render()) for toast in app.screen.query("Toast")]
            if any("not extracted" in m for m in messages):
                break
        assert any("Story 1" in str(p) and "OverflowError" in str(p) for p in app.problems)
        assert [m for m in messages if "not extracted" in m] == [
            "not extracted\nStory 1: extraction failed: OverflowError: date value out of range"]
        assert not app.list_screen.query_one("#progress").display  # 2 extracted + 1 failed: done
        await pilot.press("j", "j", "k")
        assert app.is_running
    assert app.return_code in (None, 0)
