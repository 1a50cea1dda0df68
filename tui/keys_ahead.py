"""Keys typed ahead of a screen reach that screen.

The app sends each key it reads to the widget then focused (or to the screen, when nothing is focused yet), and
checks the key's bindings only when the key comes back up to it. Keys typed in one burst ("a" and then a note; "t",
tags and enter; anything typed quickly over a slow link) are all sent before the first of them comes back up and
pushes its dialog, and a dialog's editor takes focus only once the dialog is drawn: the other keys came back up
past a screen no longer on top, or from a screen with nothing focused, and were lost (a note typed ahead of its
editor never reached it). So were the words typed right after "/": the search box takes focus once the keys read
before were sent on, so they went to the list as its commands. The app notes where it sent each key; a key that
comes back up after another screen was pushed over that one, or after focus moved, is sent again, to what is there
now, in the order typed.
"""

from __future__ import annotations

from collections import deque

from textual import events
from textual.screen import Screen
from textual.widget import Widget

_REMEMBERED = 256  # keys in flight at once: far more than a burst holds


class KeysInFlight:
    def __init__(self) -> None:
        self._sent: deque[tuple[events.Key, Screen, Widget | None]] = deque(maxlen=_REMEMBERED)

    def sent(self, key: events.Key, screen: Screen, focused: Widget | None) -> None:
        self._sent.append((key, screen, focused))

    def missed(self, key: events.Key, screen: Screen, focused: Widget | None) -> bool:
        """The key, back up at the app, was typed for a screen or a widget that was not there when it was sent:
        another screen is on top, or focus moved (the search box a "/" just opened)."""
        for sent, sent_to, sent_focused in reversed(self._sent):
            if sent is key:
                return sent_to is not screen or sent_focused is not focused
        return False

    @staticmethod
    def again(key: events.Key) -> events.Key:
        return events.Key(key.key, key.character)
