"""A one-line input that escape closes: its own binding, so escape never reaches the screen's keys beneath it."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class LineInput(Input):
    BINDINGS = [Binding("escape", "cancel", "Close", show=False)]

    @dataclass
    class Cancelled(Message):
        input: LineInput

    def action_cancel(self) -> None:
        self.value = ""
        self.display = False
        self.post_message(self.Cancelled(self))
