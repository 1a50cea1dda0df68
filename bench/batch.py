"""Batch-scale benchmarks: the pipeline against plain YAKE, 2 workers against 1, and a 10,000-article store
reopened (first screen, cached extraction, keystrokes, opening an article, memory). Every figure is printed beside
its bar. `store` alone is `python -m bench.run store`; BRIEF_BENCH_STORE_SIZE sets its article count (10,000 is
what the bars are for; the first extraction of them takes about four minutes on two cores)."""

from __future__ import annotations

import asyncio
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from core.article import Article, content_hash


def variants(articles: list[Article], count: int, seed: int = 3) -> list[Article]:
    """`count` distinct articles made from real ones: sentences reordered and trimmed, each its own id."""
    rng = random.Random(seed)
    made = []
    while len(made) < count:
        base = articles[len(made) % len(articles)]
        sentences = re.split(r"(?<=[.!?])\s+", base.text)
        rng.shuffle(sentences)
        text = " ".join(sentences[: max(3, len(sentences) - rng.randrange(0, 3))])
        title = f"{base.title or 'Story'} #{len(made)}"
        made.append(Article(f"v{len(made)}", title, f"Outlet {len(made) % 40}", None,
                            f"2024-{1 + len(made) % 12:02d}-{1 + len(made) % 28:02d}", text, None,
                            content_hash(title, text)))
    return made


def distinct_articles(articles: list[Article], count: int, seed: int = 5) -> list[Article]:
    """`count` articles that are not near-duplicates of one another (each mixes sentences of several real ones),
    for measuring a list of that many rows: variants() of 200 stories fold into 200 rows of similar copies."""
    rng = random.Random(seed)
    pool = [re.split(r"(?<=[.!?])\s+", a.text) for a in articles]
    made = []
    for n in range(count):
        sentences = [s for source in rng.sample(pool, 4) for s in rng.sample(source, min(5, len(source)))]
        rng.shuffle(sentences)
        text = " ".join(sentences)
        title = f"{articles[n % len(articles)].title or 'Story'} #{n}"
        made.append(Article(f"d{n}", title, f"Outlet {n % 40}", None, f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
                            text, None, content_hash(title, text)))
    return made


def bench_pipeline(articles: list[Article]) -> dict[str, float]:
    """Bar: 1.6 times plain YAKE (issue 16), the two timed on the same articles in the same run."""
    from bench.run import against_yake
    from core.pipeline import extract

    return against_yake("whole pipeline", extract, articles)


def bench_workers(articles: list[Article], count: int = 1000) -> dict[str, float]:
    from core.pipeline import extract_many

    batch = variants(articles, count)
    extract_many(batch[:16], workers=1)  # warm the parent's imports
    start = time.perf_counter()
    one = extract_many(batch, workers=1)
    t1 = time.perf_counter() - start
    start = time.perf_counter()
    two = extract_many(batch, workers=2)
    t2 = time.perf_counter() - start
    same = [b.to_json() for b in one] == [b.to_json() for b in two]
    return {"articles": float(count), "1 worker s": t1, "2 workers s": t2, "speed-up (bar 1.7)": t1 / t2,
            "identical": float(same)}


def bench_large_store(articles: list[Article], count: int | None = None) -> dict[str, float]:
    """A store of `count` extracted articles, then: brief extract of all of them from the cache, and the
    dashboard opened on them once (which remembers the listing) and then reopened, each in a child process: first
    screen, keystroke latency, opening an article, peak memory."""
    from core.pipeline import default_workers, extract_many
    from core.store import Store

    count = count or int(os.environ.get("BRIEF_BENCH_STORE_SIZE", "10000"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "batch"
        folder.mkdir()
        batch = distinct_articles(articles, count)
        import json

        with open(folder / "batch.jsonl", "w", encoding="utf-8") as f:
            for a in batch:
                f.write(json.dumps({"id": a.id, "title": a.title, "source": a.source, "published": a.published,
                                    "text": a.text}) + "\n")
        db = Path(tmp) / "db.sqlite"
        from core.ingest import ingest

        loaded = ingest([folder]).articles
        start = time.perf_counter()
        with Store(db) as store:
            store.put_articles(loaded)
            extract_many(loaded, workers=default_workers(), store=store)
        fill = time.perf_counter() - start
        brief = Path(sys.executable).with_name("brief")
        start = time.perf_counter()
        subprocess.run([str(brief), "extract", "--db", str(db), "-o", str(Path(tmp) / "out.jsonl"), str(folder)],
                       check=True, capture_output=True)
        cached_ms = 1000 * (time.perf_counter() - start) / count
        opened = []  # the first opening reads the inputs and remembers them; the bars are for the reopening
        for _ in range(2):
            probe = subprocess.run([sys.executable, "-c", _PROBE, str(folder), str(db), str(count)],
                                   capture_output=True, text=True, check=True)
            opened.append(dict(line.split("=", 1) for line in probe.stdout.split() if "=" in line))
        first, figures = opened
    return {"articles": float(count), "first extraction s": fill,
            "cached brief extract ms/article (bar 5)": cached_ms,
            "first opening of the inputs to first screen s": float(first["first_screen"]),
            "reopen to first screen s (bar 1.5)": float(figures["first_screen"]),
            "keystroke to screen update, background running, median ms (bar 16)": float(figures["update_busy_ms"]),
            "keystroke to screen update, idle, median ms (bar 16)": float(figures["update_idle_ms"]),
            "Pilot.press median ms": float(figures["press_ms"]),
            "Pilot.press median ms, minimal one-table app (the harness's floor)": float(figures["press_floor_ms"]),
            "peak memory MB (bar 400)": float(figures["peak_mb"]),
            "enter to the article screen drawn, median ms (bar 50)": float(figures["open_ms"]),
            "q back to the list drawn, median ms (bar 50)": float(figures["close_ms"])}


# Runs in a child process so its peak memory is the dashboard's own. Two keystroke figures: Pilot.press as it
# is (it sleeps in 20 ms steps until the process looks idle, so it cannot read below 40 ms: the minimal app
# shows that floor), and the time from the key reaching the app to the screen update being written, which is
# what the user waits for, measured on the same Pilot-driven app.
_PROBE = r"""
import time
start = time.perf_counter()
import asyncio, statistics, sys, resource
from textual import events
from textual.app import App
from textual.widgets import DataTable
from core.store import Store
from tui.app import BriefApp

class Minimal(App):
    def compose(self):
        yield DataTable(cursor_type="row")
    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("n")
        for i in range(300):
            table.add_row(str(i))
        table.focus()

def peak_mb():
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, so a child started by a large benchmark
    # process would report that process's peak as its own
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

async def presses(app, pilot, count):
    times = []
    for i in range(count):  # down and up in turn: a short list has no bottom to stop at
        t = time.perf_counter()
        await pilot.press("jk"[i % 2])
        times.append(1000 * (time.perf_counter() - t))
    return statistics.median(times)

async def updates(app, count, gap=0.03):
    # key sent to the app -> the next screen update written (rendered as a terminal would get it)
    written = []
    display = app._display
    def hooked(screen, renderable):
        if renderable is not None:
            renderable.render_segments(app.console)
            written.append(time.perf_counter())
        display(screen, renderable)
    app._display = hooked
    times = []
    for i in range(count):
        seen = len(written)
        t = time.perf_counter()
        key = "jk"[i % 2]
        app._driver.send_message(events.Key(key, key))
        while len(written) == seen:
            await asyncio.sleep(0.0005)
        times.append(1000 * (written[seen] - t))
        await asyncio.sleep(gap)
    app._display = display
    return statistics.median(times)

async def open_close(app, count, gap=0.05):
    # enter on the list -> the article screen drawn; q -> the list drawn again: each from the key sent to the
    # first screen update written after the screen changed
    from tui.screens.article import ArticleScreen
    written = []
    display = app._display
    def hooked(screen, renderable):
        if renderable is not None:
            renderable.render_segments(app.console)
            written.append((time.perf_counter(), type(app.screen)))
        display(screen, renderable)
    app._display = hooked
    opened, closed = [], []
    for _ in range(count):
        for key, want, times in (("enter", ArticleScreen, opened), ("q", None, closed)):
            seen = len(written)
            t = time.perf_counter()
            app._driver.send_message(events.Key(key, "\r" if key == "enter" else key))
            while True:
                drawn = [w for w in written[seen:] if (w[1] is want if want else w[1] is not ArticleScreen)]
                if drawn:
                    break
                await asyncio.sleep(0.0005)
            times.append(1000 * (drawn[0][0] - t))
            await asyncio.sleep(gap)
    app._display = display
    return statistics.median(opened), statistics.median(closed)

async def main():
    app = BriefApp([sys.argv[1]], store=Store(sys.argv[2]))
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.list_screen.table
        # every article listed and the list drawn (near-duplicates may fold into fewer rows than articles)
        while len(app.model.articles) < int(sys.argv[3]) or table.row_count == 0:
            await pilot.pause(0.01)
        first = time.perf_counter() - start
        busy = await updates(app, 200)  # while the background decodes and indexes the stored briefings
        pressed = await presses(app, pilot, 200)
        await app.workers.wait_for_complete()
        idle = await updates(app, 200)
        opening, closing = await open_close(app, 30)
    peak = peak_mb()
    minimal = Minimal()
    async with minimal.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        floor = await presses(minimal, pilot, 200)
    print(f"first_screen={first:.3f} update_busy_ms={busy:.2f} update_idle_ms={idle:.2f} "
          f"press_ms={pressed:.2f} press_floor_ms={floor:.2f} peak_mb={peak:.0f} "
          f"open_ms={opening:.2f} close_ms={closing:.2f}")

asyncio.run(main())
"""


def bench_batch(articles: list[Article]) -> dict[str, float]:
    figures = {}
    for name, run in (("pipeline", bench_pipeline), ("workers", bench_workers), ("store", bench_large_store)):
        for key, value in run(articles).items():
            figures[f"{name}: {key}"] = value
    figures["this process peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


if __name__ == "__main__":
    from bench.corpus import news_articles

    for k, v in bench_batch(news_articles(200)).items():
        print(f"{k}: {v:.3f}")
    asyncio.run(asyncio.sleep(0))
