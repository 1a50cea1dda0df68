"""The dashboard driven by Pilot, as an analyst drives it: keys in, what the screens show out.

Tests read the app through its public parts (the list model, the review book, the screens and their widgets),
never through private attributes.
"""

import json
import os
import random
import stat
from datetime import date

import pytest
from textual import events
from textual.geometry import Region
from textual.widgets import OptionList, Static

from core.store import Store
from tui.app import BriefApp
from tui.corpus import CorpusScreen
from tui.screens.article import ArticleScreen
from tui.screens.dialogs import NoteScreen, PromptScreen
from tui.screens.help import HelpScreen
from tui.screens.list import ListScreen
from tui.screens.problems import ProblemsScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.entry_view import EntryView
from tui.widgets.panes import PaneTabs
from tui.widgets.reader import Reader

RECORDS = [
    {"id": "bridge", "title": "Harbour bridge closes", "source": "Harbour Herald", "published": "2024-03-05",
     "url": "https://example.org/bridge",
     "text": "The city council voted to close the harbour bridge for repairs. Engineers found corrosion in the main "
             "span of the harbour bridge."},
    {"id": "markup", "title": "[b]bold[/b] [@click=app.quit]x[/] [IMPORTANT]", "source": "[red]Wire[/red]",
     "published": "2024-03-06", "text": "Markup in a title must show literally, [bold]not styled[/bold]."},
    {"id": "ferry", "title": "Ferry delayed by fog", "source": "Bay Bulletin", "published": "2024-03-04",
     "text": "Thick fog delayed the morning ferry. “We waited three hours,” said Ana Ruiz, a commuter."},
]


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "batch.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS))
    return folder


def make_app(corpus, tmp_path, **kwargs) -> BriefApp:
    return BriefApp([str(corpus)], store=Store(tmp_path / "db.sqlite"), export_dir=tmp_path, **kwargs)


async def settled(app, pilot):
    """Until the inputs are read, every article extracted, and the grid caught up with the selection."""
    for _ in range(200):
        await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        model = app.model
        if model.loaded and app.list_screen.settle is None and all(a.key in model.corpus for a in model.articles):
            break
    await app.workers.wait_for_complete()
    await pilot.pause()


async def until(pilot, condition, timeout: float = 5.0) -> None:
    """Until the condition holds (a screen change or a worker's result), so a loaded machine does not fail a
    test that a fixed pause would."""
    for _ in range(int(timeout / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition()


def table(app) -> ArticleList:
    return app.list_screen.table


def cells(app, row: int) -> list[str]:
    return [cell.plain for cell in table(app).row_cells(row)]


def rendered(widget) -> str:
    """The text a widget shows: a Static's own, the body of a pane, or the options of an entry list."""
    if isinstance(widget, OptionList):
        return "\n".join(str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count))
    if isinstance(widget, EntryView):
        return "\n".join(text.plain for text in widget.texts)
    if not isinstance(widget, Static):
        widget = widget.query_one(".pane-body", Static)
    return str(widget.render())


def status_line(app) -> str:
    return str(app.list_screen.query_one("#status", Static).render())


def toasts(app) -> str:
    return "\n".join(str(toast.render()) for toast in app.screen.query("Toast"))


def ids(app) -> list[str]:
    return [a.id for a in table(app).articles()]


def status_of(app, article_id: str) -> str:
    return app.model.status(next(a for a in app.articles if a.id == article_id))


async def test_lists_articles_newest_first_and_reads_one_on_its_own_screen(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        assert isinstance(app.screen, ListScreen)
        assert ids(app) == ["markup", "bridge", "ferry"]
        assert cells(app, 1)[:4] == ["● ", "2024-03-05", "Harbour Herald", "Harbour bridge closes"]
        assert "harbour bridge" in cells(app, 1)[4].lower()  # its top keyphrases
        await pilot.press("j", "enter")
        assert isinstance(app.screen, ArticleScreen)
        assert "The city council voted" in rendered(app.screen.query_one("#reader-body"))
        tabs = app.screen.query_one(PaneTabs)
        await pilot.press("tab")  # a pane is drawn when it is shown
        await until(pilot, lambda: "The city council voted to close the harbour bridge" in rendered(
            tabs.pane("summary")))
        await pilot.press("tab")
        await until(pilot, lambda: "harbour bridge" in rendered(tabs.pane("keyphrases")).lower())
        await pilot.press("q")
        assert isinstance(app.screen, ListScreen) and table(app).current.id == "bridge"
        assert not app.list_screen.query_one("#progress").display  # everything extracted: no progress bar


async def test_the_list_takes_the_screen_and_the_title_most_of_its_width(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        listed = table(app)
        assert listed.region.height - 1 >= 18  # article rows under the header
        assert listed.column_widths(listed.scrollable_content_region.width)[3] >= 45
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert listed.column_widths(listed.scrollable_content_region.width)[3] >= 45
        assert listed.region.height - 1 >= 34


async def test_columns_without_data_take_no_space(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "one.txt").write_text("Bridge closes\n\nThe bridge closed for repairs today.")
    app = BriefApp([str(folder)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        listed = table(app)
        widths = listed.column_widths(listed.scrollable_content_region.width)
        assert widths[1] == 0 and widths[2] == 0  # no dates, no sources
        assert widths[3] >= 45 and widths[3] + widths[4] >= 70  # title and keyphrases share what is left


async def test_tags_and_a_note_mark_show_on_the_row(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("t", *"ports, infra", "enter")
        await pilot.press("a", *"check this", "ctrl+s")
        await pilot.pause()
        assert cells(app, 0)[0] == "●✎"
        assert "#infra #ports" in cells(app, 0)[3]


async def test_tags_stay_in_sight_on_a_row_whose_title_is_too_long(tmp_path):
    folder = tmp_path / "long"
    folder.mkdir()
    title = "Council Announces the Plans It and the Harbour Board Have Made for Repairing the Bridge Next Spring"
    (folder / "a.json").write_text(json.dumps({"title": title, "published": "2024-03-05", "source": "Herald",
                                               "text": "The council announced its plans for the bridge."}))
    app = make_app(folder, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("t", *"ports, infra", "enter")
        await until(pilot, lambda: "#infra #ports" in table(app).render_line(1).text)
        drawn = table(app).render_line(1).text
        assert "Council Announces" in drawn and "…" in drawn


async def test_the_four_panes_show_the_briefing_beside_the_list_at_wide_widths(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(app, pilot)
        await pilot.press("G")
        await settled(app, pilot)
        grid = app.list_screen.query_one("#grid")
        assert all(p.region.x >= table(app).region.right for p in grid.query(".grid-pane"))
        quotes = rendered(grid.pane("quotes"))
        assert "Ana Ruiz, a commuter" in quotes and "We waited three hours" in quotes
        timeline = rendered(grid.pane("timeline"))
        assert "3 hours" in timeline and "PT3H" in timeline and "unresolved" not in timeline


async def test_markup_in_fields_shows_literally(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settled(app, pilot)
        assert cells(app, 0)[2:4] == ["[red]Wire[/red]", "[b]bold[/b] [@click=app.quit]x[/] [IMPORTANT]"]
        await pilot.press("enter")
        assert "[b]bold[/b] [@click=app.quit]x[/] [IMPORTANT]" in rendered(app.screen.query_one("#reader-heading"))
        assert "[bold]not styled[/bold]" in rendered(app.screen.query_one("#reader-body"))
        assert app.is_running


async def test_navigation_keys(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("G")
        assert table(app).current.id == "ferry"
        await pilot.press("g")
        assert table(app).current.id == "markup"
        await pilot.press("down", "down", "up")
        assert table(app).current.id == "bridge"
        await pilot.press("pagedown")
        assert table(app).current.id == "ferry"
        await pilot.press("pageup")
        assert table(app).current.id == "markup"


async def test_reading_marks_read_and_flag_and_dismiss_move_on(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("enter", "q")  # read "markup"
        assert status_of(app, "markup") == "read" and cells(app, 0)[0] == "  "
        await pilot.press("j", "space")
        assert status_of(app, "bridge") == "flagged" and cells(app, 1)[0] == "★ "
        assert table(app).current.id == "ferry"  # flagging moved on
        await pilot.press("x")
        assert status_of(app, "ferry") == "dismissed" and cells(app, 2)[0] == "✗ "
        await pilot.press("u")
        assert status_of(app, "ferry") == "new"
        await pilot.press("k", "space")
        assert status_of(app, "bridge") == "read"  # unflagged
        await pilot.press("g", "n")
        assert table(app).current.id == "bridge" if status_of(app, "bridge") == "new" else "ferry"
        statuses = {h: r.status for h, r in app.store.reviews().items()}
        assert sorted(statuses.values()) == ["new", "read", "read"]


async def test_next_and_previous_new_article(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("x", "g")  # markup dismissed
        await pilot.press("n")
        assert table(app).current.id == "bridge"
        await pilot.press("n")
        assert table(app).current.id == "ferry"
        await pilot.press("N")
        assert table(app).current.id == "bridge"


async def test_the_article_screen_scrolls_cycles_panes_and_steps_through_new_articles(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    for name, day in (("one", "03"), ("two", "02"), ("three", "01")):
        words = random.Random(name).choices(["valley", "farm", "river", "dam", "road", "mill", "school", "bridge",
                                             "market", "storm", "harvest", "council"], k=12 * 80)
        paragraphs = [" ".join(words[i * 12:(i + 1) * 12]).capitalize() + "." for i in range(80)]
        (folder / f"{name}.json").write_text(json.dumps({"id": name, "title": f"Story {name}",
                                                         "published": f"2024-03-{day}",
                                                         "text": "\n\n".join(paragraphs)}))
    app = BriefApp([str(folder)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("enter")
        screen = app.screen
        reader = screen.query_one(Reader)
        await pilot.press("j", "j", "down")
        assert reader.scroll_y == 3
        await pilot.press("k")
        assert reader.scroll_y == 2
        await pilot.press("space")
        paged = reader.scroll_y
        assert paged > 10
        await pilot.press("pagedown")
        assert reader.scroll_y > paged
        await pilot.press("pageup")
        assert reader.scroll_y == paged
        await pilot.press("G")
        assert reader.scroll_y == reader.max_scroll_y
        await pilot.press("g")
        assert reader.scroll_y == 0
        tabs = screen.query_one(PaneTabs)
        seen = [tabs.active]
        for _ in range(5):
            await pilot.press("tab")
            seen.append(tabs.active)
        assert seen == ["tab-text", "tab-summary", "tab-keyphrases", "tab-timeline", "tab-quotes", "tab-text"]
        await pilot.press("n")  # the next new article, on the same screen
        assert app.screen is screen and screen.article.id == "two" and status_of(app, "two") == "read"
        await pilot.press("N")
        assert screen.article.id == "three"  # "one" is read: the previous new one wraps round
        await pilot.press("escape")
        assert isinstance(app.screen, ListScreen) and table(app).current.id == "three"


async def test_dismissing_the_article_being_read_shows_the_next_new_one(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("enter")
        first = app.screen.article
        await pilot.press("x")
        assert status_of(app, first.id) == "dismissed"
        assert isinstance(app.screen, ArticleScreen) and app.screen.article.id == ids(app)[1]
        await pilot.press("x", "x")  # the second dismissed, then the last: no new one is left, so it stays
        last = app.screen.article
        assert last.id == ids(app)[2] and status_of(app, last.id) == "dismissed"
        await pilot.press("x")  # restored, and read on
        assert app.screen.article is last and status_of(app, last.id) == "read"


async def test_mark_all_read_and_undo_several_steps_persisted(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settled(app, pilot)
        await pilot.press("space")  # markup flagged
        await pilot.press("t", *"ports", "enter")  # on bridge
        await pilot.press("A")
        assert [status_of(app, i) for i in ("markup", "bridge", "ferry")] == ["flagged", "read", "read"]
        await pilot.press("ctrl+z")
        assert [status_of(app, i) for i in ("markup", "bridge", "ferry")] == ["flagged", "new", "new"]
        await pilot.press("ctrl+z")
        bridge = next(a for a in app.articles if a.id == "bridge")
        assert app.model.book.review(bridge).tags == ()
        await pilot.press("ctrl+z")
        assert status_of(app, "markup") == "new"
        assert {r.status for r in app.store.reviews().values()} <= {"new"}
        assert app.store.review(bridge.content_hash).tags == ()
        await pilot.press("ctrl+z")
        assert "nothing to undo" in toasts(app)


async def test_open_and_copy_the_link(corpus, tmp_path, monkeypatch):
    opened = []
    monkeypatch.delenv("BROWSER", raising=False)
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settled(app, pilot)
        await pilot.press("o")
        assert opened == [] and "no link" in toasts(app)
        await pilot.press("j", "o", "y")
        assert opened == ["https://example.org/bridge"]
        assert app.clipboard == "https://example.org/bridge"
        await pilot.press("enter", "y")
        assert app.clipboard == "https://example.org/bridge"


async def test_search_status_filter_and_sort(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("slash")
        assert app.list_screen.query_one("#filter").has_focus
        await pilot.press(*"corrosion")
        assert ids(app) == ["bridge"]
        await pilot.press("escape")
        assert ids(app) == ["markup", "bridge", "ferry"]
        await pilot.press("slash", *"ana ruiz", "enter")  # a speaker, found through the quotes
        assert ids(app) == ["ferry"]
        await pilot.press("slash", "escape")
        await pilot.press("slash", *"bay bulletin", "enter")  # the source
        assert ids(app) == ["ferry"]
        await pilot.press("slash", "escape")
        await pilot.press("g", "j", "space")  # flag "bridge"
        await pilot.press("f", "f")  # all -> new -> flagged
        assert app.model.status_filter == "flagged" and ids(app) == ["bridge"]
        await pilot.press("f", "f", "f")
        assert app.model.status_filter == "all"
        await pilot.press("S")
        assert app.model.sort_by == "source" and ids(app) == ["markup", "ferry", "bridge"]  # "[red]", Bay, Harbour
        await pilot.press("S")
        assert app.model.sort_by == "title" and ids(app) == ["markup", "ferry", "bridge"]  # "[b]..." sorts first
        await pilot.press("S")
        assert app.model.sort_by == "status" and ids(app)[0] == "bridge"


async def test_escape_in_the_list_clears_a_search_and_hides_its_box(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        box = app.list_screen.query_one("#filter")
        await pilot.press("slash", *"corrosion", "enter")  # the search stays, the list has the keys
        assert ids(app) == ["bridge"] and box.display and table(app).has_focus
        await pilot.press("escape")
        assert ids(app) == ["markup", "bridge", "ferry"] and not box.display and table(app).has_focus
        await pilot.press("slash", "escape")  # escape in the box closes it too
        assert not box.display


async def test_jumping_to_an_article_a_search_hid_scrolls_the_list_to_it(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    records = [{"id": f"a{i:02}", "title": f"Story {i:02} about the harbour", "published": f"2024-03-{1 + i % 28:02}",
                "text": f"Story {i} tells of the harbour and its ferries."} for i in range(60)]
    (folder / "batch.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    app = make_app(folder, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        target = table(app).articles()[-1]  # the oldest, at the bottom of the list
        await pilot.press("slash", *"story 03", "enter")
        assert target not in table(app).articles()
        app.jump_to(target)  # what the palette does
        await pilot.pause()
        await until(pilot, lambda: table(app).current is target)
        visible = table(app).scrollable_content_region.height - 1
        assert table(app).scroll_y <= table(app).cursor_row < table(app).scroll_y + visible
        assert not app.list_screen.query_one("#filter").display


async def test_search_finds_tags_and_notes_and_hash_filters_by_tag(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("G", "t", *"maritime, weather", "enter")
        await pilot.press("g", "a", *"ask the engineers", "ctrl+s")
        await pilot.press("slash", *"engineers", "enter")
        assert ids(app) == ["markup", "bridge"]  # the note, and the text
        await pilot.press("slash", "escape", "slash", *"#maritime", "enter")
        assert ids(app) == ["ferry"]
        await pilot.press("slash", "escape", "slash", *"#weather fog", "enter")
        assert ids(app) == ["ferry"]
        await pilot.press("slash", "escape", "slash", *"#weather bridge", "enter")
        assert ids(app) == []
        assert "search: #weather bridge" in status_line(app)


async def test_searching_the_text_of_an_article(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    paragraphs = [f"Paragraph {i} tells of the valley and its farms." for i in range(80)]
    paragraphs[30] += " The dam burst."
    paragraphs[70] += " Another dam was built."
    (folder / "s.json").write_text(json.dumps({"title": "Flood", "text": "\n\n".join(paragraphs)}))
    app = BriefApp([str(folder)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("enter", "slash", *"dam", "enter")
        reader = app.screen.query_one(Reader)
        await until(pilot, lambda: reader.scroll_y > 30)
        first = reader.scroll_y
        assert "hit 1 of 2" in str(app.screen.query_one("#article-status", Static).render())
        await pilot.press("n")
        await until(pilot, lambda: reader.scroll_y > first + 40)
        await pilot.press("N")
        await until(pilot, lambda: reader.scroll_y == first)
        assert isinstance(app.screen, ArticleScreen)


async def test_note_and_tags_persist_across_two_runs(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("j", "a")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"Check the", "enter", *"engineers")
        await pilot.press("ctrl+s")
        await pilot.press("t", *"ports, infrastructure", "enter")
        await pilot.press("space")
    again = make_app(corpus, tmp_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await settled(again, pilot)
        bridge = next(a for a in again.articles if a.id == "bridge")
        review = again.model.book.review(bridge)
        assert (review.status, review.tags, review.note) == (
            "flagged", ("infrastructure", "ports"), "Check the\nengineers")
        assert cells(again, 1)[0] == "★✎"


async def test_escape_cancels_a_note_without_losing_the_saved_one(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("a", *"kept", "ctrl+s")
        await pilot.press("a", *" and discarded", "escape")
        markup = next(a for a in app.articles if a.id == "markup")
        assert app.store.review(markup.content_hash).note == "kept"


async def test_export_in_list_order_then_asks_before_overwriting(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    target = tmp_path / f"briefing-{date.today().isoformat()}.md"
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("G", "space", "e")
        await settled(app, pilot)
        text = target.read_text(encoding="utf-8")
        assert "## Ferry delayed by fog" in text and "Harbour bridge" not in text
        assert "**Ana Ruiz**" in text and "Status: flagged" in text and "Mon 4 March 2024" in text
        assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_umask()
        await pilot.press("g", "space", "e")
        await pilot.pause()
        await pilot.press("n", "enter")  # do not overwrite
        await settled(app, pilot)
        assert "\\[b\\]bold" not in target.read_text(encoding="utf-8")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("y", "enter")
        await settled(app, pilot)
        exported = target.read_text(encoding="utf-8")
        assert "\\[b\\]bold\\[/b\\]" in exported and "## Ferry delayed by fog" in exported
        assert exported.index("\\[b\\]bold") < exported.index("## Ferry")  # newest first, as listed


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


async def test_export_with_nothing_flagged_asks_and_creates_the_folder(corpus, tmp_path):
    folder = tmp_path / "not" / "yet"
    app = BriefApp([str(corpus)], store=Store(tmp_path / "db.sqlite"), export_dir=folder)
    target = folder / f"briefing-{date.today().isoformat()}.md"
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("e")
        assert isinstance(app.screen, PromptScreen) and "Export the 3 listed articles" in str(
            app.screen.query_one(Static).render())
        await pilot.press("n", "enter")
        await settled(app, pilot)
        assert not target.exists()
        await pilot.press("e", "y", "enter")
        await settled(app, pilot)
        text = target.read_text(encoding="utf-8")
        assert text.index("\\[b\\]bold") < text.index("## Harbour bridge") < text.index("## Ferry")


def help_text(app) -> str:
    """The help as drawn, every line of it (it scrolls)."""
    text = app.screen.query_one("#help-text", Static)
    return "\n".join(strip.text for strip in text.render_lines(Region(0, 0, text.size.width, text.size.height)))


async def test_help_scrolls_and_lists_every_key_of_the_screen(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = help_text(app)
        for key, words in (("space", "flag or unflag"), ("A", "mark every listed"), ("ctrl+z", "undo"),
                           ("o", "open the article's link"), ("p", "could not be read"), ("q", "quit"),
                           ("ctrl+p", "command palette")):
            assert any(key in line and words in line for line in shown.splitlines()), key
        # a description too long for its line goes on beside the keys, not under them
        [ending] = [line for line in shown.splitlines() if "the next hit)" in line]
        assert ending.startswith(" " * 18), ending
        scroller = app.screen.query_one("#help")
        await pilot.press("space")
        assert scroller.scroll_y > 0  # longer than the screen, and it scrolls
        await pilot.press("G")
        assert scroller.scroll_y == scroller.max_scroll_y > 0
        await pilot.press("g")
        assert scroller.scroll_y == 0
        await pilot.press("escape")
        await pilot.press("enter", "question_mark")
        shown = help_text(app)
        assert "Reading an article" in shown and "next pane" in shown


async def test_a_remapped_key_shows_in_help_footer_and_palette(corpus, tmp_path):
    app = make_app(corpus, tmp_path, keymap={"toggle_flag": "F"})
    async with app.run_test(size=(100, 24)) as pilot:
        await settled(app, pilot)
        footer = app.list_screen.query_one("Footer")
        keys = [str(item.render()) for item in footer.query("FooterKey")]
        assert any("F" in k and "Flag" in k for k in keys) and not any("space" in k for k in keys)
        await pilot.press("F")
        assert status_of(app, "markup") == "flagged"
        await pilot.press("question_mark")
        shown = help_text(app)
        line = next(line for line in shown.splitlines() if "flag or unflag, then" in line)
        assert line.split()[0] == "F"
        await pilot.press("escape", "ctrl+p", *"flag or unflag")
        await pilot.pause(0.5)
        palette = str(app.screen.query_one("CommandList").get_option_at_index(0).prompt)
        assert "key: F" in palette


async def test_problems_are_listed_by_a_key_and_the_palette(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "broken.json").write_text("{not json")
    app = BriefApp([str(tmp_path)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        assert table(app).row_count == 0
        assert "2 could not be read" in status_line(app)
        await pilot.press("p")
        assert isinstance(app.screen, ProblemsScreen)
        shown = rendered(app.screen.query_one("#problems"))
        assert "empty.txt" in shown and "empty file" in shown and "broken.json" in shown
        await pilot.press("escape", "ctrl+p", *"inputs that could not")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ProblemsScreen))
    assert "empty file" in {p.reason for p in app.problems}


async def test_a_load_with_several_bad_files_is_one_short_toast_at_80x24(tmp_path):
    """A toast each, a full path and its reason in 40 columns, covered half the list at 80x24; now one toast of
    two rows names the files, and p says why. A headline with no text is kept, marked, and said in p."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("The harbour bridge closed on Tuesday for repairs.")
    (folder / "empty.txt").write_text("")
    (folder / "noise.txt").write_bytes(b"\0" * 100)
    (folder / "scan.md").write_bytes(b"\0" * 100)
    (folder / "dump.jsonl").write_text("\n".join([json.dumps({"text": "Fog delayed the ferry on Monday."}),
                                                 '{"text": "cut', "[1, 2]", json.dumps({"title": "Only a headline"})]))
    app = BriefApp([str(folder)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await until(pilot, lambda: app.model.loaded and bool(app.screen.query("Toast")))
        await pilot.pause(0.2)
        shown = list(app.screen.query("Toast"))
        assert len(shown) == 1 and shown[0].region.height <= 2
        assert toasts(app).startswith("5 could not be read (p shows why)")
        assert "dump.jsonl (2), empty.txt, noise.txt, scan.md" in toasts(app)
        await settled(app, pilot)
        row = next(r for r in range(table(app).row_count) if "Only a headline" in cells(app, r)[3])
        assert "◌ partial" in cells(app, row)[3]
        await pilot.press("p")
        assert "line 4: no text (none of the fields text, body, content), the headline only" in rendered(
            app.screen.query_one("#problems"))


async def test_wide_layout_puts_list_beside_panes(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        assert app.list_screen.query_one("#grid").region.width == 0
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        await settled(app, pilot)
        grid = app.list_screen.query_one("#grid")
        assert all(r.region.x >= table(app).region.right for r in grid.query(".grid-pane"))
        assert "markup" in rendered(grid.pane("keyphrases")).lower()
        await pilot.press("enter")
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ListScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert table(app).current.id == "markup" and table(app).region.height > 0


async def test_q_quits(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_reader_marks_quotes_keyphrases_and_dates(tmp_path):
    from tui.widgets.reader import highlighted

    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "s.json").write_text(json.dumps({
        "title": "Flood", "published": "2024-03-08",
        "text": "The river flooded the valley on Tuesday. “We lost everything,” said Ana Ruiz, a farmer."}))
    app = BriefApp([str(folder)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(app, pilot)
        briefing = app.model.briefing(app.articles[0])
        text = highlighted(app.articles[0].text, briefing)
        styles = {text.plain[span.start:span.end]: str(span.style) for span in text.spans}
        assert "underline" in styles["Tuesday"]
        assert "italic" in styles["We lost everything"]
        assert any("bold" in style for phrase, style in styles.items() if "valley" in phrase.lower()
                   or "river" in phrase.lower() or "ana ruiz" in phrase.lower())


def on_screen(reader: Reader) -> str:
    """The lines of the article's text the reader shows now."""
    body = reader.query_one("#reader-body", Static)
    top = round(reader.scroll_y) - reader.query_one("#reader-heading", Static).outer_size.height
    lines = body.render_lines(Region(0, max(0, top), body.size.width, reader.size.height))
    return "\n".join(strip.text for strip in lines)


async def test_choosing_a_quote_or_a_date_opens_the_text_at_its_place(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    paragraph = " ".join(f"Sentence number {i} describes the valley and its farms in some detail." for i in range(6))
    (folder / "s.json").write_text(json.dumps({
        "title": "Flood", "published": "2024-03-08",
        "text": "\n\n".join([paragraph] * 9 + ["“We lost everything,” said Ana Ruiz, a farmer, on Tuesday."]
                            + [paragraph] * 4)}))
    app = BriefApp([str(folder)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("enter", "tab", "tab", "tab", "tab")
        tabs = app.screen.query_one(PaneTabs)
        assert tabs.active == "tab-quotes"
        await pilot.press("down", "enter")
        reader = app.screen.query_one(Reader)
        await until(pilot, lambda: "We lost everything" in on_screen(reader))
        assert tabs.active == "tab-text"
        assert "We lost everything" in "\n".join(on_screen(reader).splitlines()[:3])  # at the top, not the end
        await pilot.press("g", "shift+tab", "shift+tab")  # the timeline: Tuesday
        assert tabs.active == "tab-timeline"
        await pilot.press("down", "enter")
        await until(pilot, lambda: "on Tuesday" in on_screen(reader))


def type_ahead(app, *keys: str) -> None:
    """Keys as a fast typist or a slow SSH link delivers them: all queued at once, none waiting for the screen the
    one before opens (Pilot's press waits for the app to be idle between keys)."""
    named = {"enter": "\r", "tab": "\t", "space": " "}
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else named.get(key)))


async def test_keys_typed_ahead_of_the_article_screen_reach_it(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        type_ahead(app, "enter", "tab", "tab")  # the first opening composes the screen
        await until(pilot, lambda: isinstance(app.screen, ArticleScreen)
                    and app.screen.query_one(PaneTabs).active == "tab-keyphrases")
        for _ in range(10):  # and it stays there: no late echo of a focus sets the tabs back
            await pilot.pause(0.05)
        assert app.screen.query_one(PaneTabs).active == "tab-keyphrases"
        type_ahead(app, "q", "down", "enter", "tab", "tab", "tab")  # the kept screen, another article
        await until(pilot, lambda: isinstance(app.screen, ArticleScreen)
                    and app.screen.query_one(PaneTabs).active == "tab-timeline")
        for _ in range(10):
            await pilot.pause(0.05)
        assert app.screen.query_one(PaneTabs).active == "tab-timeline"
        assert app.screen.article.id == ids(app)[1]


async def test_a_note_and_tags_typed_ahead_of_their_dialogs_are_saved(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        article = table(app).current
        # the note typed before its editor is drawn, and ctrl+s right after the last letter
        type_ahead(app, "a", *"Check the", "enter", *"engineers", "ctrl+s")
        await until(pilot, lambda: app.model.book.review(article).note == "Check the\nengineers")
        await pilot.pause(0.3)
        assert app.drafts == {}  # saved, so nothing for the exit report to call unsaved
        # tags typed before their prompt is drawn; a note typed into the drawn editor of the next article, saved
        # at once
        type_ahead(app, "t", *"ports, roads", "enter")
        await until(pilot, lambda: app.model.book.review(article).tags == ("ports", "roads"))
        await pilot.press("j", "a")
        await until(pilot, lambda: isinstance(app.screen, NoteScreen))
        type_ahead(app, *"Call", "space", *"them", "ctrl+s")
        following = table(app).current
        await until(pilot, lambda: app.model.book.review(following).note == "Call them")
        assert not isinstance(app.screen, (NoteScreen, PromptScreen))
        assert app.model.book.review(article).note == "Check the\nengineers"


async def test_words_typed_right_after_slash_are_the_search_not_commands(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        # "e" would export and "r" rescan had they reached the list before the box took focus
        type_ahead(app, "slash", *"fer")
        await until(pilot, lambda: app.list_screen.query_one("#filter").value == "fer")
        assert ids(app) == ["ferry"] and app.screen is app.list_screen
        await pilot.press("enter", "enter")  # out of the box, then open the ferry story
        await until(pilot, lambda: isinstance(app.screen, ArticleScreen))
        type_ahead(app, "slash", *"fog", "enter")  # the article's own search, typed in one burst too
        await until(pilot, lambda: app.screen.hits != [])
        assert app.screen.query_one("#find").value == "fog"


async def test_a_search_typed_in_bursts_after_one_that_found_nothing_neither_acts_nor_crashes(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        type_ahead(app, "slash", *"zzqq", "enter")
        await until(pilot, lambda: ids(app) == [])
        type_ahead(app, "escape")
        await until(pilot, lambda: len(ids(app)) == 3)
        # the keys reached the list as commands before the box had focus, and one of them crashed the app
        type_ahead(app, "slash", *"Rampages", "enter")
        await until(pilot, lambda: app.list_screen.query_one("#filter").value == "Rampages")
        assert app.screen_stack[-1] is app.list_screen and ids(app) == []


async def test_rescan_picks_up_new_files(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("j", "space")
        (corpus / "late.md").write_text("---\ntitle: Late story\ndate: 2024-03-09\n---\nA late story arrived.")
        await pilot.press("r")
        await settled(app, pilot)
        assert table(app).articles()[0].title == "Late story"  # the newest, listed first
        assert len(app.articles) == 4
        assert status_of(app, "bridge") == "flagged"


async def test_command_palette_jumps_to_an_article_and_runs_actions(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"ferry")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert table(app).current.id == "ferry"
        await pilot.press("ctrl+p", *"flag or unflag")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert status_of(app, "ferry") == "flagged"


@pytest.fixture
def batch(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    filler = " ".join(f"Sentence {i} describes the harbour and its boats." for i in range(60))
    stories = [
        {"id": "a", "title": "Bridge closes", "published": "2024-03-08",
         "text": "The harbour bridge closed on Tuesday for repairs. “It is unsafe,” said Mayor Ana Ruiz. "
                 "Engineers inspected the harbour bridge."},
        {"id": "b", "title": "Bridge shut", "published": "2024-03-08",
         "text": f"The harbour bridge closed on Tuesday for repairs. {filler} Ana Ruiz said the city had no "
                 "choice. Traffic now uses the tunnel under the harbour bridge."},
        {"id": "c", "title": "Ferry late", "published": "2024-03-07",
         "text": "Fog delayed the ferry on Wednesday. Captain Omar Haddad said radar failed."},
    ]
    (folder / "batch.jsonl").write_text("\n".join(json.dumps(s) for s in stories))
    return folder


async def test_corpus_views_timeline_speakers_and_keyphrases(batch, tmp_path):
    app = BriefApp([str(batch)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(app, pilot)
        await pilot.press("2")
        assert isinstance(app.screen, CorpusScreen)
        timeline = rendered(app.screen.query_one("#corpus-entries"))
        assert timeline.count("The harbour bridge closed on Tuesday for repairs.") == 1  # one event, two sources
        assert "2 sources" in timeline and "Tue 5 March 2024" in timeline and "2024-03-05" in timeline
        await pilot.press("3", "enter")  # keys typed as the view opens are its own: Ana Ruiz's quotes
        await until(pilot, lambda: "What Ana Ruiz said" in str(app.screen.query_one("#corpus-title").render()))
        await pilot.press("down", "enter")  # the second quote: opens its article at the place
        await until(pilot, lambda: isinstance(app.screen, ArticleScreen))
        assert app.screen.article.id == "b"
        reader = app.screen.query_one(Reader)
        await until(pilot, lambda: reader.scroll_y > 5)  # at the quote, far down the text
        await pilot.press("escape")
        assert table(app).current.id == "b"
        await pilot.press("4")
        phrases = rendered(app.screen.query_one("#corpus-entries"))
        assert "2 articles" in phrases
        await pilot.press("enter")
        await pilot.pause()
        assert sorted(ids(app)) == ["a", "b"]
        await pilot.press("1")
        assert sorted(ids(app)) == ["a", "b", "c"]


async def test_near_duplicates_fold_under_one_row_and_act_together(tmp_path):
    from tests.test_duplicates import OTHER, REWRITE, STORY

    folder = tmp_path / "wire"
    folder.mkdir()
    for name, title, text in (("a", "Bridge closes", STORY), ("b", "Bridge to shut", REWRITE),
                              ("c", "Ferry late", OTHER)):
        (folder / f"{name}.json").write_text(json.dumps({"id": name, "title": title, "text": text}))
    app = BriefApp([str(folder)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(app, pilot)
        await settled(app, pilot)
        assert ids(app) == ["a", "c"]
        assert "+1 similar" in cells(app, 0)[3]
        await pilot.press("space")  # on the folded row: the whole story
        assert [app.model.status(a) for a in app.articles] == ["flagged", "flagged", "new"]
        await pilot.press("g", "s")
        assert ids(app) == ["a", "b", "c"]
        await pilot.press("j", "space")  # expanded: one copy alone
        assert [app.model.status(a) for a in app.articles] == ["flagged", "read", "new"]
        await pilot.press("g", "s")
        assert ids(app) == ["a", "c"]


async def test_watch_picks_up_new_files_by_itself(corpus, tmp_path):
    app = make_app(corpus, tmp_path, watch=0.2)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        (corpus / "late.md").write_text("---\ntitle: Late story\ndate: 2024-03-09\n---\nA late story arrived.")
        await until(pilot, lambda: len(app.articles) == 4)
        assert "Late story" in [a.title for a in table(app).articles()]


async def test_full_disk_keeps_changes_waiting_and_saves_them_when_space_returns(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settled(app, pilot)
        pages = app.store._db.execute("PRAGMA page_count").fetchone()[0]
        app.store._db.execute(f"PRAGMA max_page_count = {pages}")  # the disk fills up
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("TextArea").insert("x" * 200_000)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "not saved: the disk is full" in toasts(app) and "1 change waiting" in toasts(app)
        assert "1 unsaved" in status_line(app)
        current = table(app).current
        assert app.model.book.review(current).note == "x" * 200_000  # still shown

        app.store._db.execute("PRAGMA max_page_count = 1073741823")  # space freed
        await pilot.press("space")  # the next change saves the waiting note too
        await pilot.pause()
        assert app.unsaved == {}
        assert "unsaved" not in status_line(app)
    with Store(tmp_path / "db.sqlite") as store:
        assert store.review(current.content_hash).note == "x" * 200_000
        assert store.review(current.content_hash).status == "flagged"


async def test_database_of_a_newer_brief_is_browsed_read_only(corpus, tmp_path):
    from conftest import database_from_a_newer_brief

    from core.store import open_for_browsing

    store, problem = open_for_browsing(database_from_a_newer_brief(tmp_path / "db.sqlite"))
    app = BriefApp([str(corpus)], store=store, store_problem=problem)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settled(app, pilot)
        assert ids(app) == ["markup", "bridge", "ferry"]  # listed, extracted, shown
        assert "harbour bridge" in cells(app, 1)[4].lower()
        assert "newer brief" in toasts(app)
        assert "read-only database" in status_line(app)
        await pilot.press("space")
        await pilot.pause()
        assert "not saved: the database is read-only" in toasts(app)
        assert len(app.unsaved) == 1
    store.close()


async def test_reopening_lists_the_remembered_articles_before_reading_a_file(corpus, tmp_path, monkeypatch):
    import threading

    import tui.screens.list

    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("j", "space")  # the bridge story flagged
        await settled(app, pilot)

    release = threading.Event()
    real_ingest = tui.screens.list.ingest

    def slow_ingest(*args, **kwargs):
        release.wait(10)
        return real_ingest(*args, **kwargs)

    monkeypatch.setattr(tui.screens.list, "ingest", slow_ingest)
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if table(app).row_count:
                break
        assert not app.model.loaded  # no file read yet
        assert ids(app) == ["markup", "bridge", "ferry"]
        assert cells(app, 1)[0] == "★ "
        assert "reading the inputs" in status_line(app)
        release.set()
        await settled(app, pilot)
        assert ids(app) == ["markup", "bridge", "ferry"] and app.model.loaded


async def test_a_publication_date_reads_the_same_in_the_list_the_reader_and_the_palette(tmp_path):
    """One form of a publication date on the dashboard: the list showed the day, the reader and the palette the
    source's whole timestamp."""
    from textual.command import CommandPalette

    folder = tmp_path / "dated"
    folder.mkdir()
    (folder / "one.json").write_text(json.dumps({"title": "Tunnel opens", "published": "2024-03-05T21:30:00-05:00",
                                                 "source": "Herald", "text": "The tunnel opened on Tuesday."}))
    app = make_app(folder, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(app, pilot)
        assert cells(app, 0)[1] == "2024-03-05"
        await pilot.press("ctrl+p", *"Tunnel")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await until(pilot, lambda: "Herald · 2024-03-05" in str(palette.query_one(OptionList).get_option_at_index(0)
                                                                 .prompt))
        assert "21:30" not in str(palette.query_one(OptionList).get_option_at_index(0).prompt)
        await pilot.press("escape", "escape")
        await until(pilot, lambda: isinstance(app.screen, ListScreen))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ArticleScreen))
        heading = str(app.screen.query_one("#reader-heading", Static).render())
        assert "Herald · 2024-03-05" in heading and "21:30" not in heading


async def test_a_cached_reopen_says_from_cache_and_never_extracting(corpus, tmp_path):
    """The second opening of a batch reads every briefing from the store: the status line says so, and at no
    moment counts them as being extracted (it said "extracting 0/300", then "extracted 300")."""
    app = make_app(corpus, tmp_path)
    async with app.run_test() as pilot:
        await settled(app, pilot)
        assert "extracted 3 in" in status_line(app)
    reopened = make_app(corpus, tmp_path)
    seen = set()
    async with reopened.run_test() as pilot:
        for _ in range(200):
            seen.add(status_line(reopened))
            if reopened.model.loaded and all(a.key in reopened.model.corpus for a in reopened.model.articles):
                break
            await pilot.pause(0.01)
        await settled(reopened, pilot)
        seen.add(status_line(reopened))
        assert not [line for line in seen if "extract" in line], seen
        assert "3 from cache" in status_line(reopened)
        assert not reopened.list_screen.query_one("#progress").display


async def test_a_changed_input_replaces_the_remembered_list(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
    records = [dict(r) for r in RECORDS[:2]] + [{"id": "tunnel", "title": "Tunnel opens", "published": "2024-03-07",
                                                  "text": "The eastern tunnel opened to traffic on Thursday."}]
    (corpus / "batch.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        assert ids(app) == ["tunnel", "markup", "bridge"]
        assert "Tunnel opens" in cells(app, 0)[3]


async def test_results_arriving_behind_a_corpus_view_are_kept(corpus, tmp_path, monkeypatch):
    import threading

    import tui.screens.list

    release = threading.Event()
    real = tui.screens.list.iter_extract

    def held(*args, **kwargs):
        release.wait(10)
        yield from real(*args, **kwargs)

    monkeypatch.setattr(tui.screens.list, "iter_extract", held)
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.model.loaded)
        # the background extraction has started and waits
        await until(pilot, lambda: "preparing 3 articles" in status_line(app))
        await pilot.press("2")
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.model.corpus) == 3
        await pilot.press("escape")
        await settled(app, pilot)
        assert "harbour bridge" in cells(app, 1)[4].lower()
        assert "extracting" not in status_line(app)


async def test_results_arriving_while_the_app_closes_are_dropped_quietly(corpus, tmp_path):
    from tui.messages import BriefingsArrived

    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        briefing = app.model.briefing(app.articles[0])
        digest = app.model.corpus.digests[app.articles[0].key]
    app.list_screen.post_message(BriefingsArrived([(briefing, digest)]))  # a batch landing after the screen is gone


@pytest.fixture
def dated_batch(tmp_path):
    """Enough dated events and speakers that each batch view is longer than an 80x24 screen."""
    folder = tmp_path / "dated"
    folder.mkdir()
    names = ("Ana Ruiz", "Omar Haddad", "Lena Park", "Tomas Berg", "Mira Costa")
    stories = [{"id": f"d{day}", "title": f"Harbour council day {day}", "published": "2024-03-28",
                "text": f"The harbour council met on {day} March 2024 to weigh the cost of mending the old bridge, "
                        f"which engineers had inspected twice. {names[day % 5]} said on {day} March 2024 that the "
                        "harbour bridge would stay shut."}
               for day in range(1, 16)]
    (folder / "batch.jsonl").write_text("\n".join(json.dumps(s) for s in stories))
    return folder


async def test_the_speakers_view_groups_the_batch_once_and_q_acts_while_a_view_is_built(dated_batch, tmp_path,
                                                                                        monkeypatch):
    import threading

    import core.corpus
    import tui.screens.list

    calls = []
    real_groups = core.corpus.person_groups
    monkeypatch.setattr(core.corpus, "person_groups", lambda names: calls.append(1) or real_groups(names))
    app = BriefApp([str(dated_batch)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("3")
        await until(pilot, lambda: "Mira Costa" in rendered(app.screen.query_one("#corpus-entries")))
        assert len(calls) == 1  # the batch grouped once for the view, not once more for each speaker's row
        await pilot.press("q")

        release, finished = threading.Event(), threading.Event()
        real_rows = tui.screens.list.speaker_rows

        def slow_rows(*args):
            release.wait(5)
            rows = real_rows(*args)
            finished.set()
            return rows

        monkeypatch.setattr(tui.screens.list, "speaker_rows", slow_rows)
        await pilot.press("3")
        assert isinstance(app.screen, CorpusScreen)
        await pilot.press("q")  # acted on while the rows are still being built
        assert isinstance(app.screen, ListScreen) and not finished.is_set()
        release.set()
        await app.workers.wait_for_complete()


async def test_batch_views_fit_80x24_with_their_footer_and_move_with_j_and_k(dated_batch, tmp_path):
    from textual.geometry import Region
    from textual.widgets import Footer

    app = BriefApp([str(dated_batch)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        for view in ("2", "3", "4"):
            await pilot.press(view)
            entries = app.screen.query_one("#corpus-entries", EntryView)
            await until(pilot, lambda entries=entries: entries.entry_count > 1)
            assert view != "2" or entries.virtual_size.height > 2 * entries.size.height  # the timeline: pages long
            for keys in ((), ("end",), ("pagedown", "pagedown")):
                await pilot.press(*keys)
                screen = app.screen
                assert screen.max_scroll_y == 0 and screen.max_scroll_x == 0, (view, keys)  # the screen never scrolls
                assert screen.query_one("#corpus-title").region.y == 0
                assert screen.query_one(Footer).region == Region(0, 23, 80, 1)
                assert entries.region.y == 1 and entries.region.bottom == 23
                assert entries.max_scroll_x == 0  # long lines wrap within the width
        await pilot.press("g", "j", "j")
        assert entries.highlighted == 2
        await pilot.press("k")
        assert entries.highlighted == 1


async def test_a_long_view_is_whole_at_once_and_keys_typed_as_it_opens_act(dated_batch, tmp_path):
    """The entries draw only what is on screen: every event is in the list as soon as the rows are built (the
    option list was given a hundred at a time), each on its lines cut to the width but the highlighted one, which
    is wrapped whole."""
    app = BriefApp([str(dated_batch)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        events = app.model.corpus.timeline.events()
        await pilot.press("2", "j")  # typed as the view opens: acted on once its rows are shown
        entries = app.screen.query_one("#corpus-entries", EntryView)
        await until(pilot, lambda: entries.entry_count == len(events))
        assert entries.highlighted == 1
        assert rendered(entries).count(" source: ") == len(events)
        long = next(i for i, event in enumerate(events) if i > 1 and len(event.sentence) > 80)  # over a line at 80
        await pilot.press(*["j"] * (long - 1))
        assert entries.highlighted == long
        await pilot.pause()
        lines = [strip.text for strip in (entries.render_line(y) for y in range(entries.size.height))]
        sentence = events[long].sentence
        highlighted = " ".join(" ".join(lines).split())
        assert " ".join(sentence.split()) in highlighted  # the highlighted entry whole
        assert any(line.rstrip().endswith("…") for line in lines)  # the others cut to the width
