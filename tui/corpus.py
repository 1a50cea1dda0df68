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

from core.briefing import Briefing
from core.corpus import KeyphraseIndex, SpeakerIndex, merged_timeline
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


def timeline_rows(briefings: dict[str, Briefing], go: Callable[[str, int], None]):
    titles = {key: b.article.title or b.article.id for key, b in briefings.items()}
    rows = []
    for event in merged_timeline((key, b.timeline) for key, b in briefings.items()):
        text = Text(f"{event.value:<14}", style="bold" if event.value[:1].isdigit() else "dim italic")
        text.append(event.sentence)
        sources = ", ".join(titles[k] for k in event.articles[:3])
        more = f" +{len(event.articles) - 3}" if len(event.articles) > 3 else ""
        text.append(f"\n  {len(event.articles)} source{'s' if len(event.articles) != 1 else ''}: {sources}{more}",
                    style="dim")
        first = briefings[event.articles[0]].article
        at = max(0, first.text.find(event.sentence[:40]))
        rows.append((text, lambda key=event.articles[0], at=at: go(key, at)))
    return rows


def speaker_rows(briefings: dict[str, Briefing], show_quotes: Callable[[str], None]):
    index = SpeakerIndex()
    for key, briefing in briefings.items():
        index.add(key, briefing.quotes)
    rows = []
    for speaker, quotes, articles in index.speakers():
        text = Text(speaker, style="bold")
        text.append(f"  {quotes} quote{'s' if quotes != 1 else ''} in {articles} article{'s' if articles != 1 else ''}",
                    style="dim")
        rows.append((text, lambda speaker=speaker: show_quotes(speaker)))
    return rows, index


def quote_rows(index: SpeakerIndex, speaker: str, briefings: dict[str, Briefing], go: Callable[[str, int], None]):
    rows = []
    for attributed in index.quotes_of(speaker):
        title = briefings[attributed.article].article.title or attributed.article
        text = Text(f"{attributed.quote.cue or '-'}: ", style="dim")
        text.append(attributed.quote.text, style="italic" if attributed.quote.kind != "reported" else "")
        text.append(f"\n  {title}", style="dim")
        rows.append((text, lambda a=attributed: go(a.article, a.quote.start)))
    return rows


def keyphrase_rows(briefings: dict[str, Briefing], choose: Callable[[str, tuple[str, ...]], None]):
    index = KeyphraseIndex()
    for key, briefing in briefings.items():
        index.add(key, briefing.keyphrases)
    rows = []
    for recurring in index.recurring():
        text = Text(recurring.phrase, style="bold")
        text.append(f"  {recurring.count} articles", style="dim")
        rows.append((text, lambda r=recurring: choose(r.phrase, r.articles)))
    return rows
