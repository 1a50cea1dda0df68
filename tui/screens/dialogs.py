"""Modal screens: the note editor, and one line of input (tags, a yes/no question)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from core.ingest.sanitize import sanitize


class NoteArea(TextArea):
    """A TextArea whose pasted text is cleaned as article text is: a paste is the one way bytes reach an editor
    unparsed, and a note is shown on the terminal and written to the export."""

    async def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # the base class's handler would insert the raw text as well
        await super()._on_paste(events.Paste(sanitize(event.text)))
        event.stop()


class CleanInput(Input):
    """An Input whose pasted text is cleaned as one-line fields are (tags): controls dropped, not marked."""

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()
        super()._on_paste(events.Paste(sanitize(event.text, replacement="")))
        event.stop()


def keep_draft(screen: ModalScreen, label: str | None, initial: str, text: str) -> None:
    """What the user has typed and not yet saved, held by the app while the editor is open: if the dashboard
    dies with the editor open (a crash, a kill from the terminal), the exit report prints it, so it is not lost."""
    drafts = getattr(screen.app, "drafts", None)
    if drafts is None or label is None or getattr(screen, "closed", False):
        return  # a change the editor posted before its save is read after it: the text is saved, no draft
    if text == initial:
        drafts.pop(id(screen), None)
    else:
        drafts[id(screen)] = (label, text)


def drop_draft(screen: ModalScreen) -> None:
    drafts = getattr(screen.app, "drafts", None)
    if drafts is not None:
        drafts.pop(id(screen), None)


class Dialog(ModalScreen[str | None]):
    """A dialog around one entry (ENTRY: the note's editor, the prompt's input) that answers with its text; keys
    typed before the entry has focus reach it all the same (tui/keys_ahead.py)."""

    ENTRY: ClassVar[type[TextArea] | type[Input]]
    closed = False  # dismissed: answered or cancelled, so what it holds is no draft any more

    def entry(self) -> TextArea | Input:
        return self.query_one(self.ENTRY)

    def on_mount(self) -> None:
        self.entry().focus()

    def dismiss(self, result=None):
        self.closed = True
        drop_draft(self)
        return super().dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteScreen(Dialog):
    """A multi-line note; ctrl+s saves, escape cancels (the note in the store stays as it was)."""

    BINDINGS = [Binding("ctrl+s", "save", "Save", priority=True), Binding("escape", "cancel", "Cancel")]
    ENTRY = NoteArea

    def __init__(self, title: str, note: str) -> None:
        super().__init__()
        self.note_title = title
        self.note = note

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        keep_draft(self, f"note on {self.note_title} (being typed):", self.note, event.text_area.text)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(f"Note on: {self.note_title}", style="bold"))
            yield NoteArea(self.note, id="note-text")
            yield Static(Text("ctrl+s save · escape cancel", style="dim"))

    def action_save(self) -> None:
        """Saves once the keys typed before ctrl+s are in the text. ctrl+s is a priority binding, run when the app
        reads the key, while the keys before it may still wait in this screen's queue (typed ahead of the editor)
        and then in the editor's: the save waits its turn in both."""
        self.call_later(lambda: self.entry().call_later(self.call_later, self._save))

    def _save(self) -> None:
        self.dismiss(self.query_one(NoteArea).text)


class PromptScreen(Dialog):
    """One line of input: tags, or a yes/no answer. With a draft_label, what is typed is kept as a draft."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    ENTRY = CleanInput

    def __init__(self, question: str, value: str = "", draft_label: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.draft_label = draft_label

    def on_input_changed(self, event: Input.Changed) -> None:
        keep_draft(self, self.draft_label, self.value, event.value)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question, style="bold"))
            yield CleanInput(self.value, id="prompt-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)
