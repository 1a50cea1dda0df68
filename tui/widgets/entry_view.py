"""The entries of a batch view (the batch's timeline, speakers, shared keyphrases, a speaker's quotes): a list that
costs what is on screen, at 10,000 entries as at ten.

Textual's OptionList wraps every option it is given to measure its height, on the UI thread: the timeline of a
batch of 10,000 events took seconds to be whole even given a hundred at a time. Here, as toolong draws its
millions of lines, the widget keeps the entries and draws only the lines on screen (the line API, render_line).
No entry is wrapped to be measured: each is shown on as many lines as its text has, each line cut to the width
with an ellipsis, so heights are known from the text alone; the highlighted entry alone is wrapped whole, so the
full sentence of the date or quote the cursor is on can be read. Keys are the batch view screen's.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from rich.segment import Segment
from rich.style import Style
from rich.text import Span, Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

_MAX_CACHED_ENTRIES = 500  # entries whose drawn lines are kept, a few screens' worth


class EntryView(ScrollView, can_focus=True):
    """Entries of Text (never markup), each choosable or not; enter on a choosable one posts Chosen."""

    DEFAULT_CSS = """
    EntryView {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        & > .entry-view--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .entry-view--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """
    COMPONENT_CLASSES = {"entry-view--cursor"}

    class Chosen(Message):
        """Enter (or a click on the highlighted entry) on a choosable entry: its index."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._texts: list[Text] = []
        self._choosable: list[bool] = []
        self._tops: list[int] = [0]  # the first line of each entry, collapsed, and the end of the last
        self.highlighted: int | None = None
        self._expanded: list[Strip] = []  # the highlighted entry's lines, wrapped whole
        self._drawn: dict[tuple[int, int], list[Strip]] = {}  # (entry, width) -> its collapsed lines

    # ------------------------------------------------------------------ contents

    def show_entries(self, entries: list[tuple[Text, bool]]) -> None:
        """Replace the entries: (text, choosable). The first choosable one is highlighted. Costs a count of each
        text's line breaks, no wrapping or measuring."""
        self._texts = [text for text, _ in entries]
        self._choosable = [choosable for _, choosable in entries]
        self._tops = [0, *accumulate(text.plain.count("\n") + 1 for text in self._texts)]
        self._drawn.clear()
        self.highlighted = None
        self._expanded = []
        first = next((i for i, choosable in enumerate(self._choosable) if choosable), None)
        if first is not None:
            self._highlight(first)
        self._resize()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def show_text(self, text: Text) -> None:
        """A line in place of entries (the view is being gathered)."""
        self.show_entries([(text, False)])

    @property
    def entry_count(self) -> int:
        return len(self._texts)

    @property
    def texts(self) -> list[Text]:
        """The entries' texts, in order."""
        return list(self._texts)

    # ------------------------------------------------------------------ geometry

    def _collapsed_height(self, index: int) -> int:
        return self._tops[index + 1] - self._tops[index]

    def _extra(self) -> int:
        """Lines the highlighted entry takes beyond its collapsed height."""
        if self.highlighted is None:
            return 0
        return len(self._expanded) - self._collapsed_height(self.highlighted)

    def entry_top(self, index: int) -> int:
        """The first line of an entry in the whole list, as drawn now."""
        top = self._tops[index]
        return top + self._extra() if self.highlighted is not None and index > self.highlighted else top

    def entry_height(self, index: int) -> int:
        return len(self._expanded) if index == self.highlighted else self._collapsed_height(index)

    def entry_at(self, y: int) -> tuple[int, int] | None:
        """(entry, its line) at line y of the whole list, or None past the end."""
        if self.highlighted is not None:
            start = self._tops[self.highlighted]
            if start <= y < start + len(self._expanded):
                return self.highlighted, y - start
            if y >= start + len(self._expanded):
                y -= self._extra()
        if y < 0 or y >= self._tops[-1]:
            return None
        index = bisect_right(self._tops, y) - 1
        return index, y - self._tops[index]

    def _resize(self) -> None:
        self.virtual_size = Size(0, self._tops[-1] + self._extra())

    # ------------------------------------------------------------------ the cursor

    def _highlight(self, index: int) -> None:
        old, self.highlighted = self.highlighted, index
        self._expanded = self._wrapped(index) if self.size.width else self._collapsed(index, 0)
        self._resize()
        if old is not None:
            self.refresh()
        self._scroll_to_highlight()

    def move_to(self, index: int, step: int = 1) -> None:
        """Highlight the entry at index, or the nearest choosable one in the direction of `step`."""
        if not self._texts:
            return
        index = max(0, min(index, len(self._texts) - 1))
        found = self._choosable_from(index, step)
        if found is None:
            found = self._choosable_from(index, -step)
        if found is not None and found != self.highlighted:
            self._highlight(found)
            self.refresh()

    def _choosable_from(self, index: int, step: int) -> int | None:
        while 0 <= index < len(self._texts):
            if self._choosable[index]:
                return index
            index += step
        return None

    def _scroll_to_highlight(self) -> None:
        if self.highlighted is None or not self.size.height:
            return
        top, height = self.entry_top(self.highlighted), self.entry_height(self.highlighted)
        visible = self.scrollable_content_region.height
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif top + height > self.scroll_y + visible:
            self.scroll_to(y=min(top, top + height - visible), animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        self.move_to((self.highlighted if self.highlighted is not None else -1) + 1, 1)

    def action_cursor_up(self) -> None:
        self.move_to((self.highlighted if self.highlighted is not None else 1) - 1, -1)

    def action_first(self) -> None:
        self.move_to(0, 1)

    def action_last(self) -> None:
        self.move_to(len(self._texts) - 1, -1)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, step: int) -> None:
        """A screenful on: the entry a page's height below (or above) the highlighted one's first line."""
        if self.highlighted is None:
            return
        y = self.entry_top(self.highlighted) + step * max(1, self.scrollable_content_region.height - 1)
        found = self.entry_at(max(0, y))
        index = found[0] if found is not None else len(self._texts) - 1
        if index == self.highlighted:
            index += step
        self.move_to(index, step)

    def action_select(self) -> None:
        if self.highlighted is not None and self._choosable[self.highlighted]:
            self.post_message(self.Chosen(self.highlighted))

    def on_click(self, event: events.Click) -> None:
        """A click highlights the entry; a click on the highlighted entry chooses it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        found = self.entry_at(round(self.scroll_y) + offset.y)
        if found is None:
            return
        if found[0] == self.highlighted:
            self.action_select()
        else:
            self.move_to(found[0])

    # ------------------------------------------------------------------ drawing

    def on_resize(self, event: events.Resize) -> None:
        self._drawn.clear()
        if self.highlighted is not None:
            self._expanded = self._wrapped(self.highlighted)
        self._resize()
        self._scroll_to_highlight()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn.clear()
        if self.highlighted is not None and self.size.width:
            self._expanded = self._wrapped(self.highlighted)

    def on_focus(self) -> None:
        self._redraw_highlight()

    def on_blur(self) -> None:
        self._redraw_highlight()

    def _redraw_highlight(self) -> None:
        if self.highlighted is not None:
            self._expanded = self._wrapped(self.highlighted) if self.size.width else self._expanded
            top = self.entry_top(self.highlighted) - round(self.scroll_y)
            self.refresh(Region(0, top, self.size.width, len(self._expanded)))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        found = self.entry_at(round(self.scroll_y) + y)
        if found is None:
            return Strip.blank(width, self.rich_style)
        index, line = found
        lines = self._expanded if index == self.highlighted else self._collapsed(index, width)
        return lines[line] if line < len(lines) else Strip.blank(width, self.rich_style)

    def _collapsed(self, index: int, width: int) -> list[Strip]:
        """The entry's lines as its text breaks them, each cut to the width with an ellipsis."""
        drawn = self._drawn.get((index, width))
        if drawn is None:
            if len(self._drawn) > _MAX_CACHED_ENTRIES:
                self._drawn.clear()
            base = self.rich_style
            drawn = []
            for part in on_cursor(self._texts[index]).split("\n", allow_blank=True):
                part.truncate(max(width, 1), overflow="ellipsis", pad=True)
                drawn.append(self._strip(part.render(self.app.console), width, base))
            self._drawn[(index, width)] = drawn
        return drawn

    def _wrapped(self, index: int) -> list[Strip]:
        """The highlighted entry whole, in the cursor's colours alone (its own dim and colours would read poorly
        on them): each of its lines wrapped at the width, under the line's own indent (a timeline entry's sentence
        and sources are indented under its date)."""
        width = self.scrollable_content_region.width or self.size.width
        over = self.rich_style + self.get_component_rich_style("entry-view--cursor")
        drawn = []
        for part in on_cursor(self._texts[index]).split("\n", allow_blank=True):
            indent = len(part.plain) - len(part.plain.lstrip(" "))
            if indent >= width // 2:
                indent = 0
            body = part[indent:]
            for line in body.wrap(self.app.console, max(width - indent, 1), overflow="fold"):
                line = Text(" " * indent, end="").append_text(line) if indent else line
                drawn.append(self._strip(line.render(self.app.console), width, self.rich_style, over))
        return drawn or [Strip.blank(width, over)]

    @staticmethod
    def _strip(segments, width: int, base: Style, over: Style | None = None) -> Strip:
        return Strip(list(Segment.apply_style(segments, base, over))).adjust_cell_length(width, over or base)


def on_cursor(text: Text) -> Text:
    """The text with only its weight and slant: no colour and no dimming, as the article list's cursor row."""
    kept = Text(text.plain, end="")
    for span in [Span(0, len(text), text.style), *text.spans]:
        style = Style.parse(span.style) if isinstance(span.style, str) else span.style
        if style.bold or style.italic:
            kept.stylize(Style(bold=style.bold, italic=style.italic), span.start, span.end)
    return kept
