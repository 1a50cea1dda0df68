"""Every action of the dashboard in one table: its id, default keys, label, help line and the screens it applies to.

The screens' bindings, the help screen, the footer, the command palette and the validation of config.toml's [keys]
are all read from this table, so a key remapped in the config shows the same everywhere and a new action is one
row (as newsboat's table of operations and harlequin's actions registry do).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.binding import Binding

LIST, ARTICLE, CORPUS, APP = "list", "article", "corpus", "app"
WHERE_TITLES = {LIST: "The list", ARTICLE: "Reading an article", CORPUS: "Batch views", APP: "Everywhere"}


@dataclass(frozen=True, slots=True)
class Action:
    id: str  # the binding id, and the name config.toml's [keys] remaps
    keys: str  # default keys, Textual key names, comma separated
    label: str  # the footer's and the palette's short name
    help: str  # the help screen's line
    where: tuple[str, ...]  # the screens it applies to
    action: str = ""  # the Textual action it runs; the id when empty
    footer: bool = False  # shown in the footer
    palette: bool = True  # offered in the command palette (pure movement keys are not)

    @property
    def run(self) -> str:
        return self.action or self.id


ACTIONS: tuple[Action, ...] = (
    Action("cursor_down", "j,down", "Down", "next article", (LIST,), palette=False),
    Action("cursor_up", "k,up", "Up", "previous article", (LIST,), palette=False),
    Action("first", "g,home", "First", "first article", (LIST,), palette=False),
    Action("last", "G,end", "Last", "last article", (LIST,), palette=False),
    Action("page_down", "pagedown", "Page down", "a page down the list", (LIST,), palette=False),
    Action("page_up", "pageup", "Page up", "a page up the list", (LIST,), palette=False),
    Action("open", "enter", "Read", "read the article (marks it read)", (LIST,), footer=True),
    Action("next_unread", "n", "Next new", "next new article (in a searched text: the next hit)", (LIST, ARTICLE)),
    Action("previous_unread", "N", "Prev new", "previous new article (in a searched text: the previous hit)",
           (LIST, ARTICLE)),
    Action("toggle_flag", "space", "Flag", "flag or unflag, then the next article (a folded group: all its copies)",
           (LIST,), footer=True),
    Action("flag_reading", "f", "Flag", "flag or unflag the article being read", (ARTICLE,), footer=True),
    Action("toggle_dismiss", "x", "Dismiss", "dismiss or restore, then the next article", (LIST, ARTICLE),
           footer=True),
    Action("mark_unread", "u", "Unread", "mark unread", (LIST, ARTICLE)),
    Action("mark_all_read", "A", "All read", "mark every listed article read", (LIST,)),
    Action("undo", "ctrl+z", "Undo", "undo the last review change (status, all read, tags, note)", (LIST, ARTICLE)),
    Action("note", "a", "Note", "note (ctrl+s saves)", (LIST, ARTICLE)),
    Action("tags", "t", "Tags", "tags, comma separated", (LIST, ARTICLE)),
    Action("filter", "slash", "Search", "search title, text, keyphrases, speakers, tags, notes, source; #tag filters "
           "by tag", (LIST,), footer=True),
    Action("clear_search", "escape", "Clear", "clear the search and a batch view's phrase filter, and hide the box",
           (LIST,)),
    Action("status_filter", "f", "Status", "status filter (all, new, flagged, read, dismissed)", (LIST,)),
    Action("sort", "S", "Sort", "sort (date, source, title, status)", (LIST,)),
    Action("toggle_similar", "s", "Similar", "show or fold the near-duplicates of a story", (LIST,)),
    Action("open_url", "o", "Open link", "open the article's link in the browser", (LIST, ARTICLE)),
    Action("copy_url", "y", "Copy link", "copy the article's link to the clipboard (works over SSH)", (LIST, ARTICLE)),
    Action("export", "e", "Export", "export the flagged articles as Markdown, in list order", (LIST,)),
    Action("rescan", "r", "Rescan", "rescan the inputs for new files", (LIST,)),
    Action("fetch_feeds", "R", "Fetch", "fetch the subscribed feeds, a line per feed, while the list stays usable",
           (LIST,)),
    Action("problems", "p", "Problems", "inputs that could not be read, feeds that failed, thin texts, and why",
           (LIST,)),
    Action("corpus_articles", "1", "Articles", "back to the articles (clears a phrase filter)", (LIST, CORPUS),
           action="corpus('articles')"),
    Action("corpus_timeline", "2", "Timeline", "the merged timeline of the batch", (LIST, CORPUS),
           action="corpus('timeline')"),
    Action("corpus_speakers", "3", "Speakers", "the speakers of the batch", (LIST, CORPUS),
           action="corpus('speakers')"),
    Action("corpus_keyphrases", "4", "Phrases", "the keyphrases the batch shares", (LIST, CORPUS),
           action="corpus('keyphrases')"),
    Action("entry_down", "j,down", "Down", "next entry", (CORPUS,), action="entry('cursor_down')", palette=False),
    Action("entry_up", "k,up", "Up", "previous entry", (CORPUS,), action="entry('cursor_up')", palette=False),
    Action("entry_first", "g,home", "First", "first entry", (CORPUS,), action="entry('first')", palette=False),
    Action("entry_last", "G,end", "Last", "last entry", (CORPUS,), action="entry('last')", palette=False),
    Action("entry_page_down", "pagedown", "Page down", "a page down the entries", (CORPUS,),
           action="entry('page_down')", palette=False),
    Action("entry_page_up", "pageup", "Page up", "a page up the entries", (CORPUS,), action="entry('page_up')",
           palette=False),
    Action("choose", "enter", "Open", "open the entry: the article at that place, the speaker's quotes, or the "
           "list of the articles sharing the phrase", (CORPUS,), action="entry('select')", footer=True),
    Action("scroll_down", "j,down", "Down", "scroll down", (ARTICLE,), palette=False),
    Action("scroll_up", "k,up", "Up", "scroll up", (ARTICLE,), palette=False),
    Action("scroll_page_down", "space,pagedown", "Page down", "a page down", (ARTICLE,), palette=False),
    Action("scroll_page_up", "pageup", "Page up", "a page up", (ARTICLE,), palette=False),
    Action("scroll_top", "g,home", "Top", "to the top", (ARTICLE,), palette=False),
    Action("scroll_bottom", "G,end", "Bottom", "to the end", (ARTICLE,), palette=False),
    Action("next_pane", "tab", "Pane", "next pane (text, summary, keyphrases, timeline, quotes)", (ARTICLE,),
           footer=True),
    Action("previous_pane", "shift+tab", "Prev pane", "previous pane", (ARTICLE,)),
    Action("search_text", "slash", "Find", "search the article's text; n and N go to the next and previous hit",
           (ARTICLE,)),
    Action("close", "q,escape", "Back", "back to the list, where it was", (ARTICLE, CORPUS), footer=True),
    Action("help", "question_mark", "Help", "this help", (APP,), footer=True),
    Action("command_palette", "ctrl+p", "Palette", "command palette: every action, themes, jump to an article",
           (APP,), palette=False),
    Action("quit", "q", "Quit", "quit (where q is not back)", (APP,), footer=True),
    Action("interrupt", "ctrl+c", "Quit", "quit at once, from anywhere but a text being typed", (APP,),
           action="quit", palette=False),
)

BY_ID = {action.id: action for action in ACTIONS}


def actions_for(where: str) -> list[Action]:
    return [action for action in ACTIONS if where in action.where]


def bindings_for(where: str) -> list[Binding | tuple[str, str] | tuple[str, str, str]]:
    """Textual bindings for one screen; each carries its action's id, so App.set_keymap remaps it. (Textual is
    imported here, not above: config validation reads the table from `brief extract`, which imports no Textual.)"""
    from textual.binding import Binding

    return [Binding(action.keys, action.run, action.label, show=action.footer, id=action.id)
            for action in actions_for(where)]


def keys_of(action: Action, keymap: Mapping[str, str]) -> list[str]:
    """The keys that run an action now: the config's, else the defaults."""
    return [key.strip() for key in keymap.get(action.id, action.keys).split(",") if key.strip()]
