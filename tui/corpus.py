"""Corpus views (keys 2-4): the whole batch's merged timeline, its speakers, its recurring keyphrases.

Each is a screen over the article list built from core's corpus indices; choosing an entry goes back to the list
at the article (and place) it came from, or filters the list to the articles that share a phrase.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static

from core.article import Article
from core.corpus import Corpus
from tui.widgets.entries import EntryList


class CorpusScreen(Screen):
    """A titled list of entries; `enter` runs the entry's action."""

    BINDINGS = [Binding("escape,1", "app.pop_screen", "Articles"),
                Binding("2", "app.corpus('timeline')", "Timeline"),
                Binding("3", "app.corpus('speakers')", "Speakers"),
                Binding("4", "app.corpus('keyphrases')", "Keyphrases")]

    def __init__(self, title: str, rows: list[tuple[Text, Callable[[], None] | None]]) -> None:
        super().__init__()
        self.heading = title
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield Static(Text(self.heading, style="bold"), id="corpus-title")
        yield EntryList(id="corpus-entries")
        yield Footer()

    def on_mount(self) -> None:
        entries = self.query_one(EntryList)
        entries.show_entries([(text, index if action else None) for index, (text, action) in enumerate(self.rows)])
        entries.focus()

    def on_entry_list_chosen(self, message: EntryList.Chosen) -> None:
        message.stop()
        action = self.rows[message.offset][1]
        if action is not None:
            action()


def timeline_rows(corpus: Corpus, articles: dict[str, Article], go: Callable[[str, int], None]):
    rows = []
    for event in corpus.timeline.events():
        text = Text(f"{event.value:<14}", style="bold" if event.value[:1].isdigit() else "dim italic")
        text.append(event.sentence)
        sources = ", ".join(_title(articles, k) for k in event.articles[:3])
        more = f" +{len(event.articles) - 3}" if len(event.articles) > 3 else ""
        text.append(f"\n  {len(event.articles)} source{'s' if len(event.articles) != 1 else ''}: {sources}{more}",
                    style="dim")
        first = articles.get(event.articles[0])
        at = max(0, first.text.find(event.sentence[:40])) if first else 0
        rows.append((text, lambda key=event.articles[0], at=at: go(key, at)))
    return rows


def speaker_rows(corpus: Corpus, show_quotes: Callable[[str], None]):
    rows = []
    for speaker, quotes, articles in corpus.speakers.speakers():
        text = Text(speaker, style="bold")
        text.append(f"  {quotes} quote{'s' if quotes != 1 else ''} in {articles} article{'s' if articles != 1 else ''}",
                    style="dim")
        rows.append((text, lambda speaker=speaker: show_quotes(speaker)))
    return rows


def quote_rows(corpus: Corpus, speaker: str, articles: dict[str, Article], go: Callable[[str, int], None]):
    rows = []
    for attributed in corpus.speakers.quotes_of(speaker):
        text = Text(f"{attributed.quote.cue or '-'}: ", style="dim")
        text.append(attributed.quote.text, style="italic" if attributed.quote.kind != "reported" else "")
        text.append(f"\n  {_title(articles, attributed.article)}", style="dim")
        rows.append((text, lambda a=attributed: go(a.article, a.quote.start)))
    return rows


def keyphrase_rows(corpus: Corpus, choose: Callable[[str, tuple[str, ...]], None]):
    rows = []
    for recurring in corpus.keyphrases.recurring():
        text = Text(recurring.phrase, style="bold")
        text.append(f"  {recurring.count} articles", style="dim")
        rows.append((text, lambda r=recurring: choose(r.phrase, r.articles)))
    return rows


def _title(articles: dict[str, Article], key: str) -> str:
    article = articles.get(key)
    return (article.title or article.id) if article else key
