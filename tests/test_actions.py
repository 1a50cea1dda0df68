"""The actions table is the one source of the keys: the README, the config's validation and each screen's
bindings all agree with it."""

import re
from collections import Counter
from pathlib import Path

from tui.actions import ACTIONS, APP, ARTICLE, BY_ID, CORPUS, LIST, WHERE_TITLES, bindings_for
from tui.app import key_label
from tui.config import load_config

README = Path(__file__).resolve().parent.parent / "README.md"


def readme_key_rows() -> list[tuple[str, str, str]]:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("| keys | what | where |"):].split("\n\n", 1)[0].splitlines()[2:]
    return [tuple(cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]) for row in table]


def test_the_readme_key_table_is_the_actions_table():
    expected = [(" / ".join(f"`{key_label(k)}`" for k in a.keys.split(",")), a.help,
                 ", ".join(WHERE_TITLES[w].lower() for w in a.where)) for a in ACTIONS]
    assert readme_key_rows() == expected


def test_ids_are_unique_and_no_key_means_two_things_on_one_screen():
    assert len(BY_ID) == len(ACTIONS)
    for where in (LIST, ARTICLE, CORPUS):
        keys = Counter(key for b in bindings_for(where) for key in b.key.split(","))
        assert [k for k, n in keys.items() if n > 1] == [], where


def test_every_action_runs_something_on_its_screen():
    from tui.app import BriefApp
    from tui.corpus import CorpusScreen
    from tui.screens.article import ArticleScreen
    from tui.screens.list import ListScreen

    owners = {LIST: ListScreen, ARTICLE: ArticleScreen, CORPUS: CorpusScreen, APP: BriefApp}
    for action in ACTIONS:
        name = action.run.split("(")[0]
        for where in action.where:
            assert hasattr(owners[where], f"action_{name}"), (action.id, where)


def test_config_keys_are_checked_against_the_table(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[keys]\ntoggle_flag = "F"\nmark_all_read = "ctrl+a"\nfly = "f"\n')
    config, problems = load_config(path, set(BY_ID))
    assert config.keys == {"toggle_flag": "F", "mark_all_read": "ctrl+a"}
    assert len(problems) == 1 and "keys.fly: no such action" in problems[0]
