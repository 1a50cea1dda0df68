"""The brief dashboard's App: themes, the keymap, help and the palette from the actions table, and the list screen.

Everything else belongs to a screen (tui/screens/): the list screen owns the list, its keys and the background work
that fills it; the article screen owns reading. The state they share, the list model and the review book, are
plain classes (tui/list_model.py, tui/review_book.py) with no Textual in them.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand

from core.article import Article
from core.ingest import DEFAULT_MAX_BYTES
from core.ingest.sanitize import sanitize, sanitize_field
from core.pipeline import ExtractionPool, default_workers, extraction_pool
from core.store import Store, StoreError
from tui.actions import APP, WHERE_TITLES, Action, actions_for, bindings_for, keys_of
from tui.commands import ArticleCommands
from tui.keys_ahead import KeysInFlight
from tui.list_model import ArticleListModel
from tui.review_book import ReviewBook
from tui.screens.help import HelpScreen
from tui.screens.list import ListScreen
from tui.theming import DEFAULT_THEME, load_themes

# how keys read in help and the palette (Textual's names for the rest)
KEY_LABELS = {"slash": "/", "question_mark": "?", "down": "↓", "up": "↑", "pagedown": "PgDn", "pageup": "PgUp",
              "escape": "esc", "home": "Home", "end": "End"}


EXIT_GRACE = 1.5  # seconds a shutdown asked for by a signal may take before the process ends regardless


def key_label(key: str) -> str:
    return KEY_LABELS.get(key, key)


class BriefApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "brief"
    COMMANDS = App.COMMANDS | {ArticleCommands}
    BINDINGS = bindings_for(APP)

    def __init__(self, paths: Sequence[str], *, store: Store, max_bytes: int = DEFAULT_MAX_BYTES,
                 export_dir: str | os.PathLike | None = None, theme: str | None = None,
                 keymap: dict[str, str] | None = None, notices: Sequence[str] = (),
                 watch: float | None = None, store_problem: str | None = None, feeds: Sequence[str] = (),
                 stdin: bytes | None = None, pool: ExtractionPool | None = None) -> None:
        super().__init__()
        self.store = store
        # extraction runs in these processes, never on a thread of this one (it would hold the interpreter lock
        # the screen needs); started on first use, killed on every way out (q, ctrl+c, SIGTERM, SIGHUP)
        self.pool: ExtractionPool = pool or extraction_pool(default_workers())
        self.store_problem = store_problem  # why the store cannot save, when it cannot
        self.book = ReviewBook(store)
        # what is typed in an open note or tags editor and not yet saved, by editor: printed at exit if the app
        # ends (a crash, a kill) with the editor still open
        self.drafts: dict[int, tuple[str, str]] = {}
        self.model = ArticleListModel(self.book)
        self.notices = list(notices)
        self.preferred_theme = theme
        self.keymap = dict(keymap or {})
        self.list_screen = ListScreen(self.model, list(paths), self.pool, max_bytes=max_bytes,
                                      export_dir=Path(export_dir) if export_dir else Path.cwd(), watch=watch,
                                      feeds=list(feeds), stdin=stdin)
        self._theme_saved: str | None = None
        self.keys_in_flight = KeysInFlight()

    async def on_event(self, event: events.Event) -> None:
        """A key typed ahead of the screen it was meant for is sent again to that screen (tui/keys_ahead.py)."""
        if isinstance(event, events.Key):
            if not event.is_forwarded:
                self.keys_in_flight.sent(event, self.screen, self.focused)
            elif self.keys_in_flight.missed(event, self.screen, self.focused):
                self.post_message(self.keys_in_flight.again(event))
                return
        await super().on_event(event)

    # what the command line reads after the app has run
    @property
    def articles(self) -> list[Article]:
        return self.model.articles

    @property
    def problems(self):
        return self.model.problems

    @property
    def unsaved(self):
        return self.book.unsaved

    def retry_unsaved(self) -> str | None:
        return self.book.retry_unsaved()

    def notify(self, message: str, *, title: str = "", **kwargs) -> None:
        """Every notification, cleaned as article text is: messages quote file names, config keys and library
        errors, any of which may carry an escape sequence (a feed's declared encoding, a folder's name)."""
        kwargs["markup"] = False
        super().notify(sanitize(str(message)), title=sanitize_field(title) or "", **kwargs)

    def on_mount(self) -> None:
        themes, problems = load_themes()
        for theme in themes:
            self.register_theme(theme)
        chosen = self._saved_theme() or self.preferred_theme or DEFAULT_THEME
        if chosen not in self.available_themes:
            self.notify(f"no theme named {chosen!r}; using {DEFAULT_THEME}", severity="warning", markup=False)
            chosen = DEFAULT_THEME
        self._theme_saved = chosen  # the start-up choice is not a choice to remember
        if chosen in self.available_themes:
            self.theme = chosen
        if self.keymap:
            self.set_keymap(self.keymap)
        for problem in problems:
            self.notify(str(problem), title="theme not loaded", severity="warning", markup=False)
        for notice in self.notices:
            self.notify(notice, title="config", severity="warning", markup=False, timeout=10)
        if self.store_problem:
            self.notify(self.store_problem, title="database", severity="error", markup=False, timeout=15)
        loop = asyncio.get_running_loop()
        for ending in (signal.SIGTERM, signal.SIGHUP):  # a kill, or the SSH connection closing
            with suppress(ValueError, RuntimeError, NotImplementedError, AttributeError):
                loop.add_signal_handler(ending, self._ended_by_signal)
        self.push_screen(self.list_screen)

    def _ended_by_signal(self) -> None:
        """SIGTERM, or SIGHUP when the SSH connection closed. Every review change is in the store already; the
        app is asked to exit, and if its shutdown cannot finish (writing to a terminal that is gone can leave it
        spinning) the process ends anyway after EXIT_GRACE seconds, so none is left behind."""
        self.stop_background()
        watchdog = threading.Timer(EXIT_GRACE, os._exit, args=(1,))
        watchdog.daemon = True
        watchdog.start()
        self.exit()

    async def action_quit(self) -> None:
        self.stop_background()
        self.exit()

    def on_unmount(self) -> None:
        self.stop_background()

    def stop_background(self) -> None:
        """Kill the extraction processes now; the threads waiting on them return, and what was extracted is in the
        store already (saved as it came). Quitting never waits for a batch to finish."""
        self.pool.close()
        self.list_screen.stop_background()

    def watch_theme(self, theme: str) -> None:
        """A theme chosen from the command palette is remembered for the next start."""
        if self._theme_saved is not None and theme != self._theme_saved:  # None: not started
            self._theme_saved = theme
            if not self.book.save(("", "theme"), f"theme {theme}", lambda: self.store.set_setting("theme", theme)):
                self.notify(f"{self.book.failure}; the theme is not remembered", severity="warning", markup=False)

    def _saved_theme(self) -> str | None:
        try:
            return self.store.setting("theme")
        except StoreError:
            return None

    # ------------------------------------------------------------------ keys, help and the palette

    def keys_shown(self, action: Action) -> str:
        """An action's keys as they are mapped now, for help and the palette."""
        return " / ".join(key_label(key) for key in keys_of(action, self.keymap))

    def help_sections(self, where: str) -> list[tuple[str, list[tuple[str, str]]]]:
        return [(WHERE_TITLES[place], [(self.keys_shown(a), a.help) for a in actions_for(place)])
                for place in (where, APP)]

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.help_sections(getattr(self.screen, "WHERE", "list"))))

    def get_system_commands(self, screen):
        """The palette offers every action of the screen it was opened over, with its key as mapped now."""
        yield from super().get_system_commands(screen)
        where = getattr(screen, "WHERE", None)
        if where is None:
            return
        for action in actions_for(where) + actions_for(APP):
            if action.palette:
                target = self if APP in action.where else screen
                yield SystemCommand(action.help[:1].upper() + action.help[1:], f"key: {self.keys_shown(action)}",
                                    lambda action=action, target=target: target.run_action(action.run))

    def jump_to(self, article: Article) -> None:
        """From the palette: the article selected in the list, whatever screen was on top."""
        while self.screen is not self.list_screen and self.list_screen in self.screen_stack:
            self.pop_screen()
        self.list_screen.jump_to(article)
