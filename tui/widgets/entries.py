"""A pane of choosable entries (timeline dates, quotes): enter on one opens the reader at its place."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class EntryList(OptionList):
    """Options are Text (never markup); each remembers the text offset it points at."""

    class Chosen(Message):
        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)
        self._offsets: list[int | None] = []

    def show_entries(self, entries: list[tuple[Text, int | None]]) -> None:
        """The entries, the first that can be chosen highlighted."""
        self.clear_options()
        self._offsets = [offset for _, offset in entries]
        self.add_options([Option(prompt, disabled=offset is None) for prompt, offset in entries])
        first = next((i for i, offset in enumerate(self._offsets) if offset is not None), None)
        if first is not None:
            self.highlighted = first

    def show_text(self, text: Text) -> None:
        self.show_entries([(text, None)])

    def show_pending(self) -> None:
        self.show_text(Text("extracting…", style="italic dim"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        offset = self._offsets[event.option_index] if event.option_index < len(self._offsets) else None
        if offset is not None:
            self.post_message(self.Chosen(offset))
