"""The batch timeline view (key 2) at 10,000 events against the same view at 100, in the same run, headless at
80x24: the time from the view's rows being ready to its first rows on screen, until every row is in its list, and
what a key costs once it is whole. A view whose cost follows what is on screen has a ratio near 1 on each."""

from __future__ import annotations

import asyncio
import threading
import time

from rich.text import Text

SENTENCE = ("The harbour council met on {day} March to weigh the cost of mending the old bridge, which engineers had "
            "inspected twice before the vote; the mayor said the bridge would stay shut until the repairs were done.")


def timeline_like_rows(count: int):
    """Rows shaped as the timeline view's (a date in words and its value, the sentence, the sources), each with
    an action, as tui/corpus.py's timeline_rows gives them."""
    rows = []
    for n in range(count):
        text = Text(f"Tue {1 + n % 28} March 2024", style="bold")
        text.append(f"  2024-03-{1 + n % 28:02d}\n  ", style="dim")
        text.append(SENTENCE.format(day=1 + n % 28))
        text.append(f"\n  2 sources: Harbour council day {n}, Bridge shut {n}", style="dim")
        rows.append((text, lambda: None))
    return rows




async def _measure(count: int, keys: int = 20) -> tuple[float, float, float]:
    from textual.app import App

    from tui.corpus import CorpusScreen

    rows = timeline_like_rows(count)
    app = App()
    async with app.run_test(size=(80, 24)) as pilot:
        start = time.perf_counter()
        screen = CorpusScreen("Timeline of the batch", lambda: rows, threading.RLock(), None)  # type: ignore[arg-type]
        app.push_screen(screen)
        entries = None
        while True:
            await asyncio.sleep(0.001)
            if screen.rows is not None:
                entries = screen.query_one("#corpus-entries")
                if entries.entry_count > 0:
                    break
        await pilot.pause()  # painted
        first = time.perf_counter() - start
        while entries.entry_count < count:
            await asyncio.sleep(0.001)
        whole = time.perf_counter() - start
        await pilot.pause()
        begin = time.perf_counter()
        for _ in range(keys):
            await pilot.press("pagedown")
        key = (time.perf_counter() - begin) / keys
    return first, whole, key


def bench_batch_view(articles=None, large: int = 10_000, small: int = 100) -> dict[str, float]:
    few = min((asyncio.run(_measure(small)) for _ in range(3)), key=lambda m: m[1])
    many = min((asyncio.run(_measure(large)) for _ in range(3)), key=lambda m: m[1])
    return {f"{small} first rows s": few[0], f"{large} first rows s": many[0],
            f"{small} whole s": few[1], f"{large} whole s": many[1],
            f"{small} key ms": 1000 * few[2], f"{large} key ms": 1000 * many[2],
            "whole ratio": many[1] / few[1], "key ratio": many[2] / few[2]}
