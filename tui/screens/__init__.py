"""The dashboard's screens: the list, the article, the batch views, help, problems and the dialogs."""

from tui.screens.dialogs import NoteScreen, PromptScreen

__all__ = ["NoteScreen", "PromptScreen"]
