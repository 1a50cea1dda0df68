"""The user's config file: `config.toml` in the user config dir.

    theme = "brief-light"            # a theme's name (themes/ and the config dir's themes/)
    database = "~/briefs.sqlite"     # the store, unless --db or BRIEF_DB say otherwise
    export_dir = "~/briefings"       # where `e` writes briefings
    max_size = 50                    # MB; larger input files are skipped with a line saying so
    [keys]                           # action = "key[,key]": remap any key of the help screen
    toggle_flag = "f"

A file that cannot be used gives one clear line naming the file and the line, and brief goes on with defaults.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.ingest import size_limit
from core.locations import config_dir

_KNOWN = {"theme", "database", "export_dir", "max_size", "keys"}


@dataclass(frozen=True)
class Config:
    theme: str | None = None
    database: str | None = None
    export_dir: str | None = None
    max_size: float | None = None  # MB
    keys: dict[str, str] = field(default_factory=dict)


def config_path() -> Path:
    return config_dir() / "config.toml"


def load_config(path: Path | None = None, actions: set[str] | dict[str, str] | None = None) -> tuple[
        Config, list[str]]:
    """The config and the problems found in it; defaults wherever it says nothing usable. actions are the
    dashboard's, as names, or as a dict of name to default key (then a key given to two actions is found too)."""
    path = path or config_path()
    if not path.exists():
        return Config(), []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return Config(), [f"{path}: cannot read: {exc}"]
    except tomllib.TOMLDecodeError as exc:
        return Config(), [f"{path}: {exc}; using the defaults"]
    problems = [f"{path}: unknown setting {key!r} (known: {', '.join(sorted(_KNOWN))})"
                for key in data if key not in _KNOWN]
    values: dict[str, Any] = {}  # checked key by key above Config's own types
    for key in ("theme", "database", "export_dir"):
        if key in data:
            if isinstance(data[key], str):
                values[key] = data[key]
            else:
                problems.append(f"{path}: {key} must be a string")
    if "max_size" in data:
        size = data["max_size"]
        try:
            size_limit(size if isinstance(size, int | float) else None)
            values["max_size"] = float(size)
        except ValueError as exc:
            problems.append(f"{path}: max_size: {exc}; using the default")
    keys: dict[str, str] = {}
    if isinstance(data.get("keys", {}), dict):
        for action, keyspec in data.get("keys", {}).items():
            if not isinstance(keyspec, str) or not keyspec.strip():
                problems.append(f"{path}: keys.{action} must be a key name such as \"f\" or \"ctrl+f\"")
            elif actions is not None and action not in actions:
                problems.append(f"{path}: keys.{action}: no such action (one of {', '.join(sorted(actions))})")
            elif unknown := [k for k in _key_list(keyspec) if not is_key_name(k)]:
                problems.append(f"{path}: keys.{action}: {unknown[0][:40]!r} is no key name (such as \"f\", "
                                f"\"ctrl+f\", \"f5\", \"pageup\", \"question_mark\"); kept the default")
            else:
                keys[action] = keyspec.strip()
        if isinstance(actions, dict):
            problems += _clashes(keys, actions, path)
    else:
        problems.append(f"{path}: [keys] must be a table")
    return Config(keys=keys, **values), problems


_MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}


def _key_list(keyspec: str) -> list[str]:
    from textual.keys import _character_to_key

    return [_character_to_key(k) if len(k) == 1 else k for k in (k.strip() for k in keyspec.split(","))]


def is_key_name(key: str) -> bool:
    """A key Textual can bind: modifiers, then a character, a named key (f5, pageup) or a character's name."""
    from textual.keys import Keys, key_to_character

    *modifiers, last = key.split("+")
    if not last or not set(modifiers) <= _MODIFIERS:
        return False
    return (len(last) == 1 and last.isprintable()) or last in {k.value for k in Keys} or \
        key_to_character(last) is not None


def _clashes(keys: dict[str, str], defaults: dict[str, str], path: Path) -> list[str]:
    """Two actions on one key of one screen would leave one of them unreachable: a remap onto a key another
    action of a screen it applies to keeps is reported and dropped (that action keeps its default). The screens
    come from the actions table; the same key may mean different things on different screens."""
    from tui.actions import APP, BY_ID, WHERE_TITLES

    def screens(action: str) -> tuple[str, ...]:
        where = BY_ID[action].where if action in BY_ID else ("",)
        return tuple(WHERE_TITLES) if APP in where else where  # an app-wide key is a key on every screen

    screens_of = {a: screens(a) for a in {*defaults, *keys}}
    problems = []
    owner: dict[tuple[str, str], str] = {}
    kept = [(a, d) for a, d in defaults.items() if a not in keys]  # keys left as they were come first
    for action, keyspec in kept + list(keys.items()):
        for key in _key_list(keyspec):
            for screen in screens_of[action]:
                owner.setdefault((screen, key), action)
    for action in list(keys):
        taken = [(key, owner[screen, key]) for key in _key_list(keys[action]) for screen in screens_of[action]
                 if owner.get((screen, key), action) != action]
        if taken:
            key, other = taken[0]
            problems.append(f"{path}: keys.{action}: {key!r} is already the key of {other}; kept the default")
            del keys[action]
    return problems
