"""Markup in the command palette, and themes and keys in the config that cannot be used (issue 19, 3 and 10)."""

import json

import pytest
from conftest import notices
from textual.command import CommandPalette

from core.store import Store
from tui.app import BriefApp
from tui.cli import _dashboard_actions
from tui.config import load_config
from tui.theming import load_themes

RECORDS = [
    {"id": "wire", "title": "Wire [/] story about the port", "source": "Wire [/]", "published": "2024-03-05",
     "text": "The port reopened after the strike ended."},
    {"id": "click", "title": "[@click=app.bell]Reuters[/] harbour", "source": "[@click=app.quit]x[/]",
     "text": "The harbour bridge closed for repairs."},
    {"id": "plain", "title": "Ferry delayed by fog", "source": "[b]Bay[/b]", "text": "Fog delayed the ferry."},
]


@pytest.fixture
def app(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "batch.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS))
    return BriefApp([str(folder)], store=Store(tmp_path / "db.sqlite"))


async def palette_search(app, pilot, query: str) -> list[str]:
    await pilot.press("ctrl+p", *query)
    await pilot.pause(0.6)
    palette = app.screen
    assert isinstance(palette, CommandPalette)
    options = palette.query_one("CommandList")
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


@pytest.mark.parametrize(("query", "expected"), [
    ("Wire [/]", "Wire [/] story about the port"), ("[/]", "Wire [/] story about the port"),
    ("click", "[@click=app.bell]Reuters[/] harbour")])
async def test_markup_in_titles_and_sources_is_found_and_shown_literally(app, query, expected):
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.model.loaded and app.articles:
                break
        prompts = await palette_search(app, pilot, query)
        assert app.is_running
        assert any(expected in p for p in prompts), prompts
        if query == "click":
            assert any("[@click=app.quit]x[/]" in p for p in prompts)  # the help line, literally
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert app.is_running and app.list_screen.table.current.title == expected


async def test_a_source_in_markup_is_literal_in_the_help_line(app):
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.model.loaded and app.articles:
                break
        prompts = await palette_search(app, pilot, "Ferry")
        assert any("[b]Bay[/b]" in p for p in prompts), prompts


def write_theme(folder, name: str, body: str) -> None:
    (folder / f"{name}.toml").write_text(body)


@pytest.mark.parametrize(("body", "reason"), [
    ('name = "[/]"\nprimary = "#ff0000"\n', "a theme's name holds letters"),
    ('name = "x"\nprimary = "#ff0000"\nvariables = "x"\n', "variables must be a table"),
    ('name = "x"\nprimary = "#ff0000"\n[variables]\n"block-cursor-background" = "notacolor"\n', "must be a colour"),
    ('name = "x"\nprimary = "#ff0000"\n[variables]\n"footer-key-foreground" = "}}} {"\n', "must be a colour"),
    ('name = "x"\nprimary = "#ff0000"\n[variables]\n"block-cursor-text-style" = "bold {"\n', "text style words"),
    ('name = "x"\nprimary = "#ff0000"\n[variables]\nnonsense = "red"\n', "no such variable"),
    ('name = "x"\nprimary = "#ff0000"\n[variables]\n"block-cursor-background" = 3\n', "must be a string"),
])
async def test_a_theme_that_cannot_be_used_is_reported_and_the_default_used(tmp_path, isolated_dirs, body, reason):
    themes = isolated_dirs / "config" / "brief" / "themes"
    themes.mkdir(parents=True)
    write_theme(themes, "bad", body)
    _, problems = load_themes([themes])
    assert len(problems) == 1 and reason in str(problems[0])
    app = BriefApp([str(tmp_path)], store=Store(tmp_path / "db.sqlite"), theme="x")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause(0.3)
        assert app.theme == "brief-dark"
        assert any(reason in shown for shown in notices(app))
        await pilot.press("ctrl+p", *"theme")  # the theme list opens with every usable theme
        await pilot.pause(0.5)
        assert app.is_running


def test_a_good_variable_is_kept(tmp_path):
    write_theme(tmp_path, "good", 'name = "good one"\nprimary = "#ff0000"\n[variables]\n'
                '"block-cursor-background" = "#00ff00"\n"block-cursor-text-style" = "bold underline"\n'
                '"block-cursor-foreground" = "auto 87%"\n')
    [theme], problems = load_themes([tmp_path])
    assert problems == [] and theme.variables["block-cursor-text-style"] == "bold underline"


def test_nonsense_key_names_and_clashing_keys_are_reported(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[keys]\ntoggle_dismiss = "ctrl+foo"\nmark_unread = "zz top"\nnote = "Z"\ntags = "Z"\n'
                    'toggle_flag = "q"\nhelp = "f1,ctrl+shift+h"\nsort = "+"\n')
    config, problems = load_config(path, _dashboard_actions())
    assert config.keys == {"note": "Z", "help": "f1,ctrl+shift+h"}
    assert [p.split(": ", 1)[1].split(":", 1)[0] for p in problems] == [
        "keys.toggle_dismiss", "keys.mark_unread", "keys.sort", "keys.tags", "keys.toggle_flag"]
    assert "'ctrl+foo' is no key name" in problems[0]
    assert "'Z' is already the key of note; kept the default" in problems[3]
    assert "'q' is already the key of quit" in problems[4]


def test_swapped_keys_are_no_clash(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[keys]\nfirst = "G"\nlast = "g"\ntoggle_flag = "q"\nquit = "Q"\n')
    config, problems = load_config(path, _dashboard_actions())
    assert problems == [] and config.keys == {"first": "G", "last": "g", "toggle_flag": "q", "quit": "Q"}
