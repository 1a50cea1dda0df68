import json

from conftest import notices

from core.store import Store
from tui.actions import BY_ID
from tui.app import BriefApp
from tui.config import load_config

ACTIONS = set(BY_ID)


def test_missing_config_gives_defaults(tmp_path):
    config, problems = load_config(tmp_path / "config.toml", ACTIONS)
    assert (config.theme, config.database, config.export_dir, config.keys, problems) == (None, None, None, {}, [])


def test_config_values_read(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "brief-light"\ndatabase = "~/b.sqlite"\nexport_dir = "/tmp/x"\n'
                    '[keys]\ntoggle_flag = "F"\n')
    config, problems = load_config(path, ACTIONS)
    assert problems == []
    assert (config.theme, config.database, config.export_dir, config.keys) == (
        "brief-light", "~/b.sqlite", "/tmp/x", {"toggle_flag": "F"})


def test_bad_config_names_the_file_and_line_and_falls_back(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "brief-light"\nexport_dir = \n')
    config, problems = load_config(path, ACTIONS)
    assert config.theme is None
    [problem] = problems
    assert str(path) in problem and "line 2" in problem


def test_unknown_settings_and_actions_are_named(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('colour = "red"\ntheme = 3\n[keys]\nfly = "f"\ntoggle_flag = ""\nquit = "Q"\n')
    config, problems = load_config(path, ACTIONS)
    assert config.keys == {"quit": "Q"} and config.theme is None
    assert any("unknown setting 'colour'" in p for p in problems)
    assert any("theme must be a string" in p for p in problems)
    assert any("keys.fly: no such action" in p for p in problems)
    assert any("keys.toggle_flag must be a key name" in p for p in problems)


async def test_remapped_key_and_theme_remembered_across_runs(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "one.json").write_text(json.dumps({"title": "Bridge", "text": "The bridge closed for repairs today."}))
    db = tmp_path / "db.sqlite"
    app = BriefApp([str(folder)], store=Store(db), theme="brief-light", keymap={"toggle_flag": "F"})
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.theme == "brief-light"
        await pilot.press("F")
        assert app.model.status(app.articles[0]) == "flagged"
        app.theme = "brief-high-contrast"  # as the command palette's theme picker does
        await pilot.pause()
    again = BriefApp([str(folder)], store=Store(db), theme="brief-light")
    async with again.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert again.theme == "brief-high-contrast"


async def test_unknown_theme_falls_back_with_a_notice(tmp_path):
    app = BriefApp([str(tmp_path)], store=Store(tmp_path / "db.sqlite"), theme="no-such-theme")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert app.theme == "brief-dark"
        assert any("no-such-theme" in shown for shown in notices(app))
