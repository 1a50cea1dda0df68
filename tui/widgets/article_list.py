"""The article list: one row per article, as fast at 10,000 rows as at ten.

A line-API widget rather than a DataTable: it keeps the articles and draws only the rows on screen, each row's
line cached until that article changes, so listing a batch costs nothing per row and moving the cursor redraws
two lines. (A DataTable builds and measures every cell of every row up front: 0.4 s for 10,000 articles.)

The title takes most of the width: a column no listed article fills takes none, and keyphrases are drawn only
where the title keeps at least TITLE_MIN characters. The cursor's row is drawn in the cursor's colours alone (no
dim or coloured cells on it), so every text on it has the theme's cursor contrast. Keys are the list screen's.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from core.article import Article
from core.review import Review
from core.timex_words import dashboard_date

# A mark per review status that still reads without colour (NO_COLOR, 16-colour terminals).
STATUS_MARKS = {"new": ("●", "bold"), "read": (" ", ""), "flagged": ("★", "bold yellow"),
                "dismissed": ("✗", "dim")}
NOTE_MARK = "✎"
HEADINGS = (" ", "Date", "Source", "Title", "Keyphrases")
DATE_WIDTH = 10
SOURCE_MAX = 14
TITLE_MIN = 45  # the title keeps at least this much before keyphrases get a column
KEYPHRASES_MIN = 16
_MAX_CACHED_LINES = 2000


class ArticleList(ScrollView, can_focus=True):
    """Rows keyed by Article.key; every cell is a Text, so titles are never read as markup."""

    DEFAULT_CSS = """
    ArticleList {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        & > .article-list--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .article-list--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .article-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """
    COMPONENT_CLASSES = {"article-list--header", "article-list--cursor"}
    class Selected(Message):
        """The highlighted article changed."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    class Opened(Message):
        """Enter on an article: read it."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._rows: list[Article] = []
        self._index: dict[str, int] = {}  # article key -> row
        self._reviews: dict[str, Review] = {}
        self._keyphrases: dict[str, Sequence[str]] = {}
        self._similar: dict[str, int] = {}
        self._lines: dict[str, tuple[tuple, Strip]] = {}  # article key -> ((width, cursor, focus), drawn row)
        self.empty_text = ""  # shown under the header when no article is listed
        self._has_dates = False
        self._source_width = 0
        self.cursor_row = 0

    # ------------------------------------------------------------------ contents

    def show(self, articles: Sequence[Article], reviews: dict[str, Review],
             keyphrases: dict[str, Sequence[str]] | None = None, similar: dict[str, int] | None = None) -> None:
        """Replace the rows, keeping the cursor on the same article where it is still listed; `similar` counts
        the near-duplicates folded under an article's row."""
        current = self.current
        self._rows = list(articles)
        self._index = {a.key: row for row, a in enumerate(self._rows)}
        self._reviews = dict(reviews)  # the list's own copy: set_status changes it, not the caller's
        self._keyphrases = dict(keyphrases or {})
        self._similar = dict(similar or {})
        self._has_dates = any(a.published for a in self._rows)
        self._source_width = min(SOURCE_MAX, max((len(a.source or "") for a in self._rows), default=0))
        self._lines.clear()
        self.virtual_size = Size(0, len(self._rows) + 1)
        row = self._index.get(current.key, 0) if current is not None else 0
        self.cursor_row = -1  # so that placing it announces the article, as a new list needs
        self.move_cursor(row=row, announce=current is None or self.current_at(row) is not current)
        self.refresh()

    def set_review(self, article: Article, review: Review) -> None:
        if article.key in self._index:
            self._reviews[article.content_hash] = review
            self._redraw(article.key)

    def set_keyphrases(self, article: Article, phrases: Sequence[str]) -> None:
        if article.key in self._index:
            self._keyphrases[article.key] = phrases
            self._redraw(article.key)

    def _redraw(self, key: str) -> None:
        self._lines.pop(key, None)
        self.refresh_line(self._index[key] + 1)

    def articles(self) -> list[Article]:
        """The listed articles in row order."""
        return list(self._rows)

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def current(self) -> Article | None:
        return self.current_at(self.cursor_row)

    def current_at(self, row: int) -> Article | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_cells(self, row: int, title_width: int | None = None) -> list[Text]:
        """The cells of one row as drawn before truncation: status and note marks, date, source, title (with its
        tags, the title shortened to fit `title_width` with them), keyphrases."""
        article = self._rows[row]
        review = self._reviews.get(article.content_hash, Review())
        return [status_cell(review), Text(dashboard_date(article.published), style="dim"),
                Text(article.source or ""), title_cell(article, review, self._similar.get(article.key, 0), title_width),
                keyphrases_cell(self._keyphrases.get(article.key, ()))]

    # ------------------------------------------------------------------ the cursor

    def select(self, article: Article) -> None:
        """The cursor on the article, scrolled to once the list is laid out: right after the rows changed (the
        filters that hid it cleared) the old height would stop the scroll short."""
        if article.key in self._index:
            self.move_cursor(row=self._index[article.key])
            self.call_after_refresh(self._scroll_to_cursor)

    def move_cursor(self, *, row: int, announce: bool = True) -> None:
        if not self._rows:
            self.cursor_row = 0
            return
        row = max(0, min(row, len(self._rows) - 1))
        if row == self.cursor_row:
            return
        old, self.cursor_row = self.cursor_row, row
        if 0 <= old < len(self._rows):
            self.refresh_line(old + 1)
        self.refresh_line(row + 1)
        self._scroll_to_cursor()
        if announce:
            self.post_message(self.Selected(self._rows[row]))

    def _scroll_to_cursor(self) -> None:
        """Keep the cursor's row between the header and the bottom edge."""
        visible = max(1, self.scrollable_content_region.height - 1)
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self.cursor_row - 1)

    def action_page_down(self) -> None:
        self.move_cursor(row=self.cursor_row + max(1, self.scrollable_content_region.height - 2))

    def action_page_up(self) -> None:
        self.move_cursor(row=self.cursor_row - max(1, self.scrollable_content_region.height - 2))

    def action_first(self) -> None:
        self.move_cursor(row=0)

    def action_last(self) -> None:
        self.move_cursor(row=len(self._rows) - 1)

    def action_open(self) -> None:
        if (article := self.current) is not None:
            self.post_message(self.Opened(article))

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor to the row; a click on the cursor's row opens it."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        row = round(self.scroll_y) + offset.y - 1
        if row == self.cursor_row:
            self.action_open()
        elif 0 <= row < len(self._rows):
            self.move_cursor(row=row)

    # ------------------------------------------------------------------ drawing

    def on_resize(self, event: events.Resize) -> None:
        self._lines.clear()
        self.virtual_size = Size(0, len(self._rows) + 1)
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()

    def on_focus(self) -> None:
        self.refresh_line(self.cursor_row + 1)

    def on_blur(self) -> None:
        self.refresh_line(self.cursor_row + 1)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            header = self.get_component_rich_style("article-list--header")
            return self._draw([Text(h) for h in HEADINGS], width, base + header)
        row = round(self.scroll_y) + y - 1
        if not 0 <= row < len(self._rows):
            if row == 0 and self.empty_text:
                return self._draw_plain(Text(self.empty_text, style="italic"), width, base)
            return Strip.blank(width, base)
        article = self._rows[row]
        is_cursor = row == self.cursor_row
        drawn_as = (width, is_cursor, self.has_focus)
        cached = self._lines.get(article.key)
        if cached is not None and cached[0] == drawn_as:
            return cached[1]
        if len(self._lines) > _MAX_CACHED_LINES:
            self._lines.clear()
        cells = self.row_cells(row, self.column_widths(width)[3])
        style = None
        if is_cursor:
            style = base + self.get_component_rich_style("article-list--cursor")
            cells = [on_cursor(cell) for cell in cells]
        line = self._draw(cells, width, base, style)
        self._lines[article.key] = (drawn_as, line)
        return line

    def _draw(self, cells: list[Text], width: int, base: Style, over: Style | None = None) -> Strip:
        line = Text(no_wrap=True, end="")
        for cell, cell_width in zip(cells, self.column_widths(width), strict=True):
            if cell_width <= 0:
                continue
            cell = cell.copy()
            cell.truncate(cell_width, overflow="ellipsis", pad=True)
            line.append_text(cell)
            line.append(" ")
        segments = list(Segment.apply_style(line.render(self.app.console), base, over))
        return Strip(segments).adjust_cell_length(width, over or base)

    def _draw_plain(self, text: Text, width: int, base: Style) -> Strip:
        text = text.copy()
        text.truncate(width, overflow="ellipsis", pad=True)
        return Strip(list(Segment.apply_style(text.render(self.app.console), base))).adjust_cell_length(width, base)

    def column_widths(self, width: int) -> tuple[int, ...]:
        """Status, date and source as wide as their content needs (none when no article has one); the title takes
        the rest, and gives keyphrases a column only when it keeps TITLE_MIN characters."""
        fixed = [2, DATE_WIDTH if self._has_dates else 0, self._source_width]
        rest = width - sum(fixed) - sum(1 for w in fixed if w) - 1
        if rest - TITLE_MIN - 1 < KEYPHRASES_MIN:
            return (*fixed, max(rest, 0), 0)
        keyphrases = min(rest - TITLE_MIN - 1, rest * 2 // 5)
        return (*fixed, rest - keyphrases - 1, keyphrases)

    def refresh_line(self, y: int) -> None:
        """Redraw the line of virtual row `y` (the header is row 0), if it is on screen."""
        top = round(self.scroll_y)
        if y == 0 or top < y <= top + self.scrollable_content_region.height:
            self.refresh(Region(0, y - top if y else 0, self.size.width, 1))


CAVEAT_MARK = "◌"


def status_cell(review: Review) -> Text:
    mark, style = STATUS_MARKS.get(review.status, (" ", ""))
    text = Text(mark, style=style)
    text.append(NOTE_MARK if review.note.strip() else " ")
    return text


def title_cell(article: Article, review: Review, similar: int = 0, width: int | None = None) -> Text:
    """The title and what is marked after it: tags, near-duplicates, a caveat. In a column `width` wide the title
    is the part shortened, so the marks stay in sight (a tag set on a long title showed nowhere at 80 columns)."""
    marks = Text()
    if review.tags:
        marks.append("  " + " ".join(f"#{tag}" for tag in review.tags), style="italic")
    if similar:
        marks.append(f"  +{similar} similar", style="italic dim")
    if article.caveat:  # a thin page, a feed summary whose page failed: p says which and why
        marks.append(f"  {CAVEAT_MARK} partial", style="italic dim")
    text = Text(article.title or article.id, style={"new": "bold", "dismissed": "dim strike",
                                                    "flagged": "bold"}.get(review.status, ""))
    room = (width or 0) - marks.cell_len
    if marks and width is not None and text.cell_len > room >= width // 2:
        text.truncate(room, overflow="ellipsis")
    text.append_text(marks)
    return text


def on_cursor(cell: Text) -> Text:
    """A cell for the cursor's row: its text and weight, none of its colours or dimming."""
    plain = Text(cell.plain, style="bold" if "bold" in str(cell.style) else "")
    if "strike" in str(cell.style):
        plain.stylize("strike")
    return plain


def keyphrases_cell(phrases: Sequence[str]) -> Text:
    return Text(", ".join(phrases[:3]), style="dim")
