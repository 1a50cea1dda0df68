"""Every text on the list's cursor row reads at 4.5:1 or better in every shipped theme (WCAG AA), measured from
the colours the row is drawn in."""

import json

import pytest

from core.store import Store
from tui.app import BriefApp
from tui.theming import load_themes


def luminance(colour) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = colour
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(fg, bg) -> float:
    high, low = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("focused", [True, False], ids=["list focused", "focus elsewhere"])
async def test_the_cursor_row_has_enough_contrast_in_every_shipped_theme(tmp_path, focused):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "s.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"title": "Harbour bridge closes for repairs", "source": "Herald", "published": "2024-03-05",
         "text": "The city council voted to close the harbour bridge for repairs. Engineers found corrosion."},
        {"title": "Ferry delayed by fog", "source": "Bulletin", "published": "2024-03-04",
         "text": "Thick fog delayed the morning ferry across the bay."}]))
    app = BriefApp([str(folder)], store=Store(tmp_path / "db.sqlite"))
    themes, problems = load_themes()
    assert problems == [] and len(themes) >= 3
    async with app.run_test(size=(160, 24)) as pilot:  # wide enough that every column, keyphrases too, is drawn
        for _ in range(100):
            await pilot.pause(0.05)
            if len(app.model.corpus) == 2:
                break
        listed = app.list_screen.table
        if not focused:  # the panes beside the list (tab), a dialog: the cursor row is drawn blurred
            app.set_focus(None)
            await pilot.pause()
            assert not listed.has_focus
        for status in ("new", "flagged", "dismissed", "read"):
            app.model.book.set_status([listed.current], status)
            listed.set_review(listed.current, app.model.book.review(listed.current))
            for theme in themes:
                app.theme = theme.name
                await pilot.pause()
                strip = listed.render_line(1 + listed.cursor_row)
                texts = [s for s in strip if s.text.strip()]
                assert any("Harbour" in s.text for s in texts)
                for segment in texts:
                    style = segment.style
                    assert not style.dim, (theme.name, segment.text)
                    ratio = contrast(style.color.get_truecolor(), style.bgcolor.get_truecolor())
                    assert ratio >= 4.5, (theme.name, status, segment.text, round(ratio, 2))


async def test_the_highlighted_batch_view_entry_has_enough_contrast_in_every_shipped_theme(tmp_path):
    """The highlighted entry of a batch view (key 2) is drawn in the cursor's colours alone, as the list's row."""
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "s.jsonl").write_text(json.dumps(
        {"title": "Harbour bridge closes", "published": "2024-03-05",
         "text": "The city council voted on Tuesday to close the harbour bridge for repairs."}))
    app = BriefApp([str(folder)], store=Store(tmp_path / "db.sqlite"))
    themes, _ = load_themes()
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if len(app.model.corpus) == 1:
                break
        await pilot.press("2")
        for _ in range(100):
            await pilot.pause(0.05)
            if getattr(app.screen, "rows", None):
                break
        entries = app.screen.query_one("#corpus-entries")
        for theme in themes:
            app.theme = theme.name
            await pilot.pause()
            texts = [s for y in range(3) for s in entries.render_line(y) if s.text.strip()]
            assert any("harbour bridge" in s.text for s in texts)
            for segment in texts:
                assert not segment.style.dim, (theme.name, segment.text)
                ratio = contrast(segment.style.color.get_truecolor(), segment.style.bgcolor.get_truecolor())
                assert ratio >= 4.5, (theme.name, segment.text, round(ratio, 2))
