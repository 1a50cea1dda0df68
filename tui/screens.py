"""Modal screens: help, the note editor, tags, and a yes/no question."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea


class HelpScreen(ModalScreen[None]):
    """Every key of the app, read from its bindings so the help never disagrees with them."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        text = Text("Keys\n\n", style="bold")
        for keys, description in self.rows:
            text.append(f"{keys:>16}  ", style="bold")
            text.append(f"{description}\n")
        text.append("\nescape or ? closes this help", style="dim")
        with Vertical(classes="dialog"):
            yield Static(text)


class NoteScreen(ModalScreen[str | None]):
    """A multi-line note; ctrl+s saves, escape cancels (the note in the store stays as it was)."""

    BINDINGS = [Binding("ctrl+s", "save", "Save", priority=True), Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, note: str) -> None:
        super().__init__()
        self.note_title = title
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(f"Note on: {self.note_title}", style="bold"))
            yield TextArea(self.note, id="note-text")
            yield Static(Text("ctrl+s save · escape cancel", style="dim"))

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PromptScreen(ModalScreen[str | None]):
    """One line of input: tags, or a yes/no answer."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, value: str = "") -> None:
        super().__init__()
        self.question = question
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question, style="bold"))
            yield Input(self.value, id="prompt-input")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
