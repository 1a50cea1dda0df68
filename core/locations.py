"""Where brief keeps things: the store, the config, the seed articles it ships with.

platformdirs gives each platform's conventional folders (XDG on Linux), which is where SSH users look.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "brief"
_HERE = Path(__file__).resolve().parent


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def database_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--db`, else `BRIEF_DB`, else brief.sqlite in the user data dir."""
    chosen = explicit or os.environ.get("BRIEF_DB")
    return Path(chosen).expanduser() if chosen else data_dir() / "brief.sqlite"


def subscriptions_path() -> Path:
    """The feeds subscribed to, as newsboat keeps them: a `urls` file in the user config dir."""
    return config_dir() / "urls"


def seeds_dir() -> Path:
    """The seed corpus: inside the installed package, or at the top of a source checkout."""
    return _shipped(_HERE / "seeds", _HERE.parent / "seeds")


def _shipped(*candidates: Path) -> Path:
    return next((c for c in candidates if c.is_dir()), candidates[-1])
