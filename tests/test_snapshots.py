"""What the dashboard looks like, compared with SVG snapshots (pytest-textual-snapshot) at 80x24 and 120x40.

A change to the layout shows here as a picture to look at; `pytest --snapshot-update` takes the new pictures after
looking at them (the report pytest writes shows the old and new side by side).
"""

import json
import random

import pytest

from core.store import Store
from tui.app import BriefApp

pytest.importorskip("pytest_textual_snapshot")

WORDS = ("council", "harbour", "bridge", "ferry", "repairs", "engineers", "budget", "tunnel", "river", "school",
         "union", "strike", "port", "police", "flood", "mayor", "traffic", "vote")


@pytest.fixture
def app(tmp_path):
    rng = random.Random(7)
    folder = tmp_path / "articles"
    folder.mkdir()
    records = []
    for n in range(24):
        sentences = [" ".join(rng.choice(WORDS) for _ in range(10)).capitalize() + "." for _ in range(12)]
        records.append({"id": f"s{n}", "title": f"Story {n}: the {' '.join(rng.sample(WORDS, 5))}",
                        "source": ("Harbour Herald", "Bay Bulletin", "Wire")[n % 3],
                        "published": f"2024-03-{1 + n:02d}", "url": f"https://example.org/{n}",
                        "text": f"“We waited three hours,” said Ana Ruiz on Tuesday. {' '.join(sentences)}"})
    (folder / "batch.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    return BriefApp([str(folder)], store=Store(tmp_path / "db.sqlite"))


async def settled(pilot) -> None:
    app = pilot.app
    for _ in range(400):
        await pilot.pause(0.05)
        model = app.model
        if model.loaded and app.list_screen.settle is None and len(model.corpus) == len(model.articles) > 0:
            break
    await app.workers.wait_for_complete()
    # the status line says how long extraction took: a fixed 3 s here, so the picture does not follow the machine
    app.model.extraction_started(now=0.0)
    app.model.finished(now=3.0)
    app.list_screen.update_status()
    await pilot.pause(0.3)


def test_the_list_at_80x24(app, snap_compare):
    assert snap_compare(app, terminal_size=(80, 24), run_before=settled)


def test_the_article_screen_at_80x24(app, snap_compare):
    async def read(pilot):
        await settled(pilot)
        await pilot.press("j", "enter")
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=(80, 24), run_before=read)


def test_the_list_beside_its_panes_at_120x40(app, snap_compare):
    async def flag_and_move(pilot):
        await settled(pilot)
        await pilot.press("space", "t", *"ports", "enter")
        await settled(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=flag_and_move)


def test_the_article_screen_timeline_at_120x40(app, snap_compare):
    async def timeline(pilot):
        await settled(pilot)
        await pilot.press("enter", "tab", "tab", "tab")
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=(120, 40), run_before=timeline)


def test_the_batch_timeline_at_80x24(tmp_path, snap_compare):
    """The batch's timeline: each entry on its own lines cut to the width, the highlighted one wrapped whole
    under its indent. One source per date, so the picture does not follow the order extraction finished in."""
    folder = tmp_path / "dated"
    folder.mkdir()
    records = [{"id": f"d{day}", "title": f"Harbour council, day {day} of the bridge hearings",
                "published": "2024-03-28",
                "text": f"The harbour council met on {day} March 2024 to weigh the cost of mending the old bridge, "
                        "which engineers had inspected twice before the hearings began."}
               for day in range(1, 9)]
    (folder / "batch.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    app = BriefApp([str(folder)], store=Store(tmp_path / "db.sqlite"))

    async def timeline(pilot):
        await settled(pilot)
        await pilot.press("2")
        for _ in range(100):
            await pilot.pause(0.05)
            if pilot.app.screen.rows is not None:
                break
        await pilot.press("j")
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=(80, 24), run_before=timeline)
