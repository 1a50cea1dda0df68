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


def load_config(path: Path | None = None, actions: set[str] | None = None) -> tuple[Config, list[str]]:
    """The config and the problems found in it; defaults wherever it says nothing usable."""
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
    values: dict[str, object] = {}
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
            else:
                keys[action] = keyspec.strip()
    else:
        problems.append(f"{path}: [keys] must be a table")
    return Config(keys=keys, **values), problems
