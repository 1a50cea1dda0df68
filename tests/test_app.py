import json
from datetime import date

import pytest
from textual.widgets import Input, OptionList, Static, TabbedContent

from core.store import Store
from tui.app import BriefApp
from tui.screens import HelpScreen, NoteScreen
from tui.widgets.article_list import ArticleList

RECORDS = [
    {"id": "bridge", "title": "Harbour bridge closes", "source": "Harbour Herald", "published": "2024-03-05",
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
    """Until the inputs are read, every article extracted, and the panes caught up with the selection."""
    for _ in range(200):
        await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        if app.loaded and app._settle is None and all(a.key in app.corpus for a in app.articles):
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


def cells(table: ArticleList, row: int) -> list[str]:
    return [cell.plain for cell in table.row_cells(row)]


def rendered(widget) -> str:
    """The text a widget shows: a Static's own, the body of a pane, or the options of an entry list."""
    if isinstance(widget, OptionList):
        return "\n".join(str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count))
    if not isinstance(widget, Static):
        widget = widget.query_one(".pane-body", Static)
    return str(widget.render())


def ids(app) -> list[str]:
    return [a.id for a in app.query_one(ArticleList).articles()]


async def test_lists_articles_newest_first_and_shows_the_selected_one(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        table = app.query_one(ArticleList)
        assert ids(app) == ["markup", "bridge", "ferry"]
        assert cells(table, 1)[:4] == ["●", "2024-03-05", "Harbour Herald", "Harbour bridge closes"]
        assert "harbour bridge" in cells(table, 1)[4].lower()  # its top keyphrases
        await pilot.press("j")
        await settled(app, pilot)
        assert table.current.id == "bridge"
        assert "The city council voted" in rendered(app.query_one("#reader-body"))
        assert "harbour bridge" in rendered(app.query_one("#detail KeyphrasesPane")).lower()
        assert "The city council voted to close the harbour bridge" in rendered(app.query_one("#detail SummaryPane"))
        await pilot.press("k")
        assert table.current.id == "markup"
        assert not app.query_one("#progress").display  # everything extracted: no progress bar


async def test_the_four_panes_show_the_briefing(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(app, pilot)
        await pilot.press("G")
        await settled(app, pilot)
        quotes = rendered(app.query_one("#grid QuotesPane"))  # 120 columns: the grid is on screen
        assert "Ana Ruiz, a commuter" in quotes and "We waited three hours" in quotes
        timeline = rendered(app.query_one("#grid TimelinePane"))
        assert "PT3H" in timeline and "three hours" in timeline and "unresolved" not in timeline


async def test_markup_in_fields_shows_literally(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settled(app, pilot)
        table = app.query_one(ArticleList)
        assert cells(table, 0)[2:4] == ["[red]Wire[/red]", "[b]bold[/b] [@click=app.quit]x[/] [IMPORTANT]"]
        assert "[b]bold[/b] [@click=app.quit]x[/] [IMPORTANT]" in rendered(app.query_one("#reader-heading"))
        assert "[bold]not styled[/bold]" in rendered(app.query_one("#reader-body"))
        assert app.is_running


async def test_navigation_keys(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        table = app.query_one(ArticleList)
        await pilot.press("G")
        assert table.current.id == "ferry"
        await pilot.press("g")
        assert table.current.id == "markup"
        await pilot.press("down", "down", "up")
        assert table.current.id == "bridge"
        await pilot.press("pagedown")
        assert table.current.id == "ferry"
        await pilot.press("pageup")
        assert table.current.id == "markup"


async def test_review_keys_and_next_unread(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        table = app.query_one(ArticleList)
        await pilot.press("enter")  # read "markup"
        assert app.query_one(TabbedContent).active == "tab-article"
        assert app._status(table.current) == "read" and cells(table, 0)[0] == " "
        await pilot.press("j", "space")
        assert app._status(table.current) == "flagged" and cells(table, 1)[0] == "★"
        await pilot.press("space")
        assert app._status(table.current) == "read"
        await pilot.press("x")
        assert app._status(table.current) == "dismissed" and cells(table, 1)[0] == "✗"
        await pilot.press("u")
        assert app._status(table.current) == "new"
        await pilot.press("g", "n")
        assert table.current.id == "bridge"
        await pilot.press("n")
        assert table.current.id == "ferry"
        await pilot.press("N")
        assert table.current.id == "bridge"
        statuses = {h: r.status for h, r in app.store.reviews().items()}
        assert sorted(statuses.values()) == ["new", "read"]


async def test_tab_cycles_panes(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        tabs = app.query_one(TabbedContent)
        seen = [tabs.active]
        for _ in range(5):
            await pilot.press("tab")
            seen.append(tabs.active)
        assert seen == ["tab-summary", "tab-keyphrases", "tab-timeline", "tab-quotes", "tab-article", "tab-summary"]


async def test_filter_status_filter_and_sort(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("slash")
        assert app.query_one("#filter", Input).has_focus
        await pilot.press(*"corrosion")
        assert ids(app) == ["bridge"]
        await pilot.press("escape")
        assert ids(app) == ["markup", "bridge", "ferry"]
        await pilot.press("slash", *"ana ruiz", "enter")  # a speaker, found through the quotes
        assert ids(app) == ["ferry"]
        await pilot.press("slash", "escape")
        await pilot.press("g", "j", "space")  # flag "bridge"
        await pilot.press("f", "f")  # all -> new -> flagged
        assert app.status_filter == "flagged" and ids(app) == ["bridge"]
        await pilot.press("f", "f", "f")
        assert app.status_filter == "all"
        await pilot.press("o")
        assert app.sort_by == "source" and ids(app) == ["markup", "ferry", "bridge"]  # "[red]", Bay, Harbour
        await pilot.press("o")
        assert app.sort_by == "title" and ids(app) == ["markup", "ferry", "bridge"]  # "[b]..." sorts first
        await pilot.press("o")
        assert app.sort_by == "status" and ids(app)[0] == "bridge"


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
        review = again.reviews[bridge.content_hash]
        assert (review.status, review.tags, review.note) == (
            "flagged", ("infrastructure", "ports"), "Check the\nengineers")
        assert cells(again.query_one(ArticleList), 1)[0] == "★"


async def test_escape_cancels_a_note_without_losing_the_saved_one(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("a", *"kept", "ctrl+s")
        await pilot.press("a", *" and discarded", "escape")
        markup = next(a for a in app.articles if a.id == "markup")
        assert app.store.review(markup.content_hash).note == "kept"


async def test_export_flagged_then_asks_before_overwriting(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    target = tmp_path / f"briefing-{date.today().isoformat()}.md"
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("G", "space", "e")
        await settled(app, pilot)
        text = target.read_text(encoding="utf-8")
        assert "## Ferry delayed by fog" in text and "Harbour bridge" not in text
        assert "**Ana Ruiz**" in text and "Status: flagged" in text
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


async def test_help_lists_the_keys(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 40)) as pilot:
        await settled(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = str(app.screen.query_one(Static).render())
        for key in ("n / N", "space", "enter", "ctrl+p", "export"):
            assert key in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_unreadable_inputs_are_reported_not_fatal(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    app = BriefApp([str(tmp_path)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        assert app.query_one(ArticleList).row_count == 0
        assert "1 could not be read" in str(app.query_one("#status", Static).render())
    assert [p.reason for p in app.problems] == ["empty file"]


async def test_wide_layout_puts_list_beside_panes(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        table, panes = app.query_one(ArticleList), app.query_one("#detail")
        assert panes.region.y >= table.region.bottom
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        grid = [p.region for p in app.query(".grid-pane")]
        assert len(grid) == 4 and all(r.x >= table.region.right for r in grid)
        assert len({r.x for r in grid}) == 2 and len({r.y for r in grid}) == 2  # two columns, two rows
        gridded = rendered(app.query_one("#grid KeyphrasesPane"))
        assert "markup" in gridded.lower()
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one("#reader").region.width > 0 and app.query_one("#grid").region.width == 0
        await pilot.press("escape")
        await pilot.pause()
        assert app.query_one("#grid").region.width > 0
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.query_one(ArticleList).current.id == "markup" and app.query_one(ArticleList).region.height > 0


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
        briefing = app.briefing(app.articles[0])
        text = highlighted(app.articles[0].text, briefing)
        styles = {text.plain[span.start:span.end]: str(span.style) for span in text.spans}
        assert "underline" in styles["Tuesday"]
        assert "italic" in styles["We lost everything"]
        assert any("bold" in style for phrase, style in styles.items() if "valley" in phrase.lower()
                   or "river" in phrase.lower() or "ana ruiz" in phrase.lower())


async def test_choosing_a_quote_opens_the_reader_at_its_place(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    filler = " ".join(f"Sentence number {i} describes the valley and its farms in some detail." for i in range(60))
    (folder / "s.json").write_text(json.dumps({
        "title": "Flood", "published": "2024-03-08",
        "text": filler + "\n“We lost everything,” said Ana Ruiz, a farmer, on Tuesday."}))
    app = BriefApp([str(folder)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("tab", "tab", "tab")
        assert app.query_one(TabbedContent).active == "tab-quotes"
        quotes = app.query_one("#detail QuotesPane")
        quotes.focus()
        await pilot.press("down", "enter")
        reader = app.query_one("#reader")
        await until(pilot, lambda: reader.scroll_y > 10)
        assert app.query_one(TabbedContent).active == "tab-article"


async def test_rescan_picks_up_new_files(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("j", "space")
        (corpus / "late.md").write_text("---\ntitle: Late story\ndate: 2024-03-09\n---\nA late story arrived.")
        await pilot.press("r")
        await settled(app, pilot)
        assert app.query_one(ArticleList).articles()[0].title == "Late story"  # the newest, listed first
        assert len(app.articles) == 4
        bridge = next(a for a in app.articles if a.id == "bridge")
        assert app._status(bridge) == "flagged"


async def test_command_palette_jumps_to_an_article_and_runs_actions(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"ferry")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(ArticleList).current.id == "ferry"
        await pilot.press("ctrl+p", *"flag or unflag")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app._status(app.query_one(ArticleList).current) == "flagged"


@pytest.fixture
def batch(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    stories = [
        {"id": "a", "title": "Bridge closes", "published": "2024-03-08",
         "text": "The harbour bridge closed on Tuesday for repairs. “It is unsafe,” said Mayor Ana Ruiz. "
                 "Engineers inspected the harbour bridge."},
        {"id": "b", "title": "Bridge shut", "published": "2024-03-08",
         "text": "The harbour bridge closed on Tuesday for repairs. Ana Ruiz said the city had no choice. "
                 "Traffic now uses the tunnel under the harbour bridge."},
        {"id": "c", "title": "Ferry late", "published": "2024-03-07",
         "text": "Fog delayed the ferry on Wednesday. Captain Omar Haddad said radar failed."},
    ]
    (folder / "batch.jsonl").write_text("\n".join(json.dumps(s) for s in stories))
    return folder


async def test_corpus_views_timeline_speakers_and_keyphrases(batch, tmp_path):
    from tui.corpus import CorpusScreen

    app = BriefApp([str(batch)], store=Store(tmp_path / "db.sqlite"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(app, pilot)
        await pilot.press("2")
        assert isinstance(app.screen, CorpusScreen)
        timeline = rendered(app.screen.query_one("#corpus-entries"))
        assert timeline.count("The harbour bridge closed on Tuesday for repairs.") == 1  # one event, two sources
        assert "2 sources" in timeline and "2024-03-05" in timeline
        await pilot.press("3")
        speakers = rendered(app.screen.query_one("#corpus-entries"))
        assert "Ana Ruiz  2 quotes in 2 articles" in speakers
        await pilot.press("enter")  # Ana Ruiz: her quotes
        await pilot.pause()
        assert "What Ana Ruiz said" in str(app.screen.query_one("#corpus-title", Static).render())
        await pilot.press("down", "enter")  # the second quote: opens its article at the place
        await until(pilot, lambda: not isinstance(app.screen, CorpusScreen))
        assert app.query_one(ArticleList).current.id == "b"
        await pilot.press("escape", "4")
        phrases = rendered(app.screen.query_one("#corpus-entries"))
        assert "harbour bridge" in phrases.lower() and "2 articles" in phrases
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
        assert "+1 similar" in cells(app.query_one(ArticleList), 0)[3]
        await pilot.press("space")  # on the folded row: the whole story
        assert [app._status(a) for a in app.articles] == ["flagged", "flagged", "new"]
        await pilot.press("s")
        assert ids(app) == ["a", "b", "c"]
        await pilot.press("j", "space")  # expanded: one copy alone
        assert [app._status(a) for a in app.articles] == ["flagged", "read", "new"]
        await pilot.press("s")
        assert ids(app) == ["a", "c"]


async def test_watch_picks_up_new_files_by_itself(corpus, tmp_path):
    app = make_app(corpus, tmp_path, watch=0.2)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        (corpus / "late.md").write_text("---\ntitle: Late story\ndate: 2024-03-09\n---\nA late story arrived.")
        await until(pilot, lambda: len(app.articles) == 4)
        assert "Late story" in [a.title for a in app.query_one(ArticleList).articles()]


async def test_full_disk_keeps_changes_waiting_and_saves_them_when_space_returns(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        pages = app.store._db.execute("PRAGMA page_count").fetchone()[0]
        app.store._db.execute(f"PRAGMA max_page_count = {pages}")  # the disk fills up
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("TextArea").insert("x" * 200_000)
        await pilot.press("ctrl+s")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("not saved: the disk is full" in m and "1 change waiting" in m for m in messages)
        assert "1 unsaved" in str(app.query_one("#status", Static).render())
        assert app.reviews[app.query_one(ArticleList).current.content_hash].note == "x" * 200_000  # still shown

        app.store._db.execute("PRAGMA max_page_count = 1073741823")  # space freed
        await pilot.press("space")  # the next change saves the waiting note too
        await pilot.pause()
        assert app.unsaved == {}
        assert "unsaved" not in str(app.query_one("#status", Static).render())
        current = app.query_one(ArticleList).current
    with Store(tmp_path / "db.sqlite") as store:
        assert store.review(current.content_hash).note == "x" * 200_000
        assert store.review(current.content_hash).status == "flagged"


async def test_database_of_a_newer_brief_is_browsed_read_only(corpus, tmp_path):
    from conftest import database_from_a_newer_brief

    from core.store import open_for_browsing

    store, problem = open_for_browsing(database_from_a_newer_brief(tmp_path / "db.sqlite"))
    app = BriefApp([str(corpus)], store=store, store_problem=problem)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        assert ids(app) == ["markup", "bridge", "ferry"]  # listed, extracted, shown
        assert "harbour bridge" in cells(app.query_one(ArticleList), 1)[4].lower()
        assert any("newer brief" in n.message for n in app._notifications)
        assert "read-only database" in str(app.query_one("#status", Static).render())
        await pilot.press("space")
        await pilot.pause()
        assert any("not saved: the database is read-only" in n.message for n in app._notifications)
        assert len(app.unsaved) == 1
    store.close()


async def test_reopening_lists_the_remembered_articles_before_reading_a_file(corpus, tmp_path, monkeypatch):
    import threading

    import tui.app

    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("j", "space")  # the bridge story flagged
        await settled(app, pilot)

    release = threading.Event()
    real_ingest = tui.app.ingest

    def slow_ingest(*args, **kwargs):
        release.wait(10)
        return real_ingest(*args, **kwargs)

    monkeypatch.setattr(tui.app, "ingest", slow_ingest)
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if app.query_one(ArticleList).row_count:
                break
        assert not app.loaded  # no file read yet
        assert ids(app) == ["markup", "bridge", "ferry"]
        assert cells(app.query_one(ArticleList), 1)[0] == "★"
        assert "reading the inputs" in str(app.query_one("#status", Static).render())
        release.set()
        await settled(app, pilot)
        assert ids(app) == ["markup", "bridge", "ferry"] and app.loaded


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
        assert "Tunnel opens" in cells(app.query_one(ArticleList), 0)[3]


async def test_results_arriving_behind_a_corpus_view_are_kept(corpus, tmp_path, monkeypatch):
    import threading

    import tui.app

    release = threading.Event()
    real = tui.app.iter_extract

    def held(*args, **kwargs):
        release.wait(10)
        yield from real(*args, **kwargs)

    monkeypatch.setattr(tui.app, "iter_extract", held)
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.loaded:
                break
        await pilot.pause(0.3)  # the background extraction has started and waits
        await pilot.press("2")
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.corpus) == 3
        await pilot.press("escape")
        await settled(app, pilot)
        assert "harbour bridge" in cells(app.query_one(ArticleList), 1)[4].lower()
        assert "extracting" not in str(app.query_one("#status", Static).render())


async def test_results_arriving_while_the_app_closes_are_dropped_quietly(corpus, tmp_path):
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        briefing = app.briefing(app.articles[0])
        digest = app.corpus.digests[app.articles[0].key]
    app._arrived([(briefing, digest)])  # a background batch landing after the screen is gone
    app._update_status_line()
