import json

import pytest
from textual.widgets import Static

from core.store import Store
from tui.app import BriefApp
from tui.widgets.article_list import ArticleList
from tui.widgets.keyphrases import KeyphrasesPane
from tui.widgets.quotes import QuotesPane
from tui.widgets.summary import SummaryPane
from tui.widgets.timeline import TimelinePane


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    records = [
        {"id": "1", "title": "Harbour bridge closes", "source": "Harbour Herald", "published": "2024-03-05",
         "text": "The city council voted to close the harbour bridge for repairs. Engineers found corrosion "
                 "in the main span of the harbour bridge."},
        {"id": "2", "title": "[b]bold[/b] [@click=app.quit]x[/] [IMPORTANT]", "source": "[red]Wire[/red]",
         "published": "2024-03-06", "text": "Markup in a title must show literally, [bold]not styled[/bold]."},
    ]
    (folder / "batch.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    return folder


async def loaded(app, pilot):
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def cell_texts(table: ArticleList, row: int) -> list[str]:
    return [cell.plain for cell in table.get_row_at(row)]


def rendered(widget) -> str:
    """The text a widget shows: a Static's own, or the body of a pane."""
    if not isinstance(widget, Static):
        widget = widget.query_one(".pane-body", Static)
    return str(widget.render())


async def test_lists_articles_and_shows_the_selected_one(corpus, tmp_path):
    app = BriefApp([str(corpus)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        table = app.query_one(ArticleList)
        assert table.row_count == 2
        assert cell_texts(table, 0) == ["2024-03-05", "Harbour Herald", "Harbour bridge closes"]
        assert "The city council voted" in rendered(app.query_one("#reader-body"))
        assert "harbour bridge" in rendered(app.query_one(KeyphrasesPane)).lower()
        assert "BLUF" in rendered(app.query_one(SummaryPane))
        assert "The city council voted to close the harbour bridge" in rendered(app.query_one(SummaryPane))
        await pilot.press("j")
        await loaded(app, pilot)
        assert table.current.id == "2"
        assert "Markup in a title must show literally, [bold]not styled[/bold]." in rendered(
            app.query_one("#reader-body"))
        await pilot.press("k")
        assert table.current.id == "1"


async def test_the_four_panes_show_the_briefing(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "story.json").write_text(
        '{"title": "Flood", "published": "2024-03-08", "text": "Rivers rose on Tuesday across the valley. '
        '\u201cWe lost everything,\u201d said Ana Ruiz, a farmer. Officials said the water would fall by Sunday."}')
    app = BriefApp([str(folder)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        timeline = rendered(app.query_one(TimelinePane))
        assert "2024-03-05" in timeline and "Rivers rose on Tuesday across the valley." in timeline
        quotes = rendered(app.query_one(QuotesPane))
        assert "Ana Ruiz, a farmer" in quotes and "We lost everything" in quotes and "Officials" in quotes


async def test_markup_in_fields_shows_literally(corpus, tmp_path):
    app = BriefApp([str(corpus)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(120, 30)) as pilot:
        await loaded(app, pilot)
        table = app.query_one(ArticleList)
        assert cell_texts(table, 1)[1:] == ["[red]Wire[/red]", "[b]bold[/b] [@click=app.quit]x[/] [IMPORTANT]"]
        await pilot.press("j")
        await loaded(app, pilot)
        assert "[b]bold[/b] [@click=app.quit]x[/] [IMPORTANT]" in rendered(app.query_one("#reader-heading"))
        assert app.is_running


async def test_unreadable_inputs_are_reported_not_fatal(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    app = BriefApp([str(tmp_path)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        assert app.query_one(ArticleList).row_count == 0
        assert "1 could not be read" in rendered(app.query_one("#status"))
    assert [p.reason for p in app.problems] == ["empty file"]


async def test_wide_layout_puts_list_beside_panes(corpus, tmp_path):
    app = BriefApp([str(corpus)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        table, panes = app.query_one(ArticleList), app.query_one("#detail")
        assert panes.region.y >= table.region.bottom
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        assert panes.region.x >= table.region.right and panes.region.y < table.region.bottom


async def test_q_quits(corpus, tmp_path):
    app = BriefApp([str(corpus)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
