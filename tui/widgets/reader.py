"""The reader: an article's metadata and full text, with keyphrases highlighted, quotes marked in their speaker's
colour and dates underlined; it can scroll to a given place (a timeline entry or a quote chosen in a pane)."""

from __future__ import annotations

import re

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from core.article import Article
from core.briefing import Briefing
from core.timex_words import dashboard_date

# Speaker colours that stay apart on dark and light backgrounds; with NO_COLOR the italics still mark quotes.
SPEAKER_COLOURS = ("cyan", "magenta", "green", "yellow", "blue", "red")


class Reader(VerticalScroll, can_focus=True):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._body = Text()

    def compose(self):
        yield Static(id="reader-heading")
        yield Static(id="reader-body")

    def show(self, article: Article | None, briefing: Briefing | None = None, keep_place: bool = False) -> None:
        """The article's heading and text; `keep_place` leaves the scroll where it is (the briefing arrived while
        the analyst was reading)."""
        heading = Text()
        self._body = Text()
        if article is not None:
            heading.append(article.title or article.id, style="bold")
            meta = " · ".join(x for x in (article.source, dashboard_date(article.published), article.url) if x)
            if meta:
                heading.append("\n" + meta, style="dim")
            self._body = highlighted(article.text, briefing)
        self.query_one("#reader-heading", Static).update(heading)
        self.query_one("#reader-body", Static).update(self._body)
        if not keep_place:
            self.scroll_home(animate=False)

    def mark(self, offsets: list[int], length: int) -> None:
        """Show the hits of a search in the text in reverse video."""
        body = self._body.copy()
        for offset in offsets:
            body.stylize("reverse", offset, offset + length)
        self.query_one("#reader-body", Static).update(body)

    def scroll_to_offset(self, text: str, offset: int, waits: int = 10) -> None:
        """Scroll so the line holding character `offset` of the text is the second on screen (the line before it
        gives the context). The text is wrapped as the body wraps it, word by word at its width; before the body
        is laid out (its tab just shown) it has no width yet, and the scroll waits for the layout."""
        body = self.query_one("#reader-body", Static)
        width = body.content_region.width
        if width <= 0:
            if waits:
                self.call_after_refresh(self.scroll_to_offset, text, offset, waits - 1)
            return
        # a mark where the offset is, so the last wrapped line is the one holding it
        lines = len(Text(text[:offset] + "\u2588").wrap(self.app.console, width))
        heading = self.query_one("#reader-heading", Static).outer_size.height
        self.scroll_to(y=max(0, heading + lines - 2), animate=False)


def highlighted(text: str, briefing: Briefing | None) -> Text:
    """The article text with its findings marked; never parsed as markup."""
    result = Text(text)
    if briefing is None:
        return result
    colours: dict[str, str] = {}
    for quote in briefing.quotes:
        colour = colours.setdefault(quote.speaker or "", SPEAKER_COLOURS[len(colours) % len(SPEAKER_COLOURS)])
        for start, end in quote.parts or ((quote.start, quote.end),):  # the attribution inside is not the quote
            result.stylize(f"italic {colour}", start, end)
    for keyphrase in briefing.keyphrases:
        for m in re.finditer(rf"(?<!\w){re.escape(keyphrase.phrase)}(?!\w)", text, re.IGNORECASE):
            result.stylize("bold", m.start(), m.end())
    for entry in briefing.timeline:
        result.stylize("underline", entry.start, entry.end)
    return result
