"""Theme files (TOML, one Textual Theme each) from the shipped themes/ folder and the user's config dir."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import Theme

from core.locations import config_dir

DEFAULT_THEME = "brief-dark"
_HERE = Path(__file__).resolve().parent
_FIELDS = ("primary", "secondary", "warning", "error", "success", "accent", "foreground", "background",
           "surface", "panel", "boost")


@dataclass(frozen=True, slots=True)
class ThemeProblem:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def themes_dirs() -> list[Path]:
    """Shipped themes (inside the package, or at the top of a checkout), then the user's, which may override."""
    shipped = next((d for d in (_HERE / "themes", _HERE.parent / "themes") if d.is_dir()), None)
    return [d for d in (shipped, config_dir() / "themes") if d is not None and d.is_dir()]


def load_themes(folders: list[Path] | None = None) -> tuple[list[Theme], list[ThemeProblem]]:
    themes: dict[str, Theme] = {}
    problems: list[ThemeProblem] = []
    for folder in themes_dirs() if folders is None else folders:
        for path in sorted(folder.glob("*.toml")):
            try:
                theme = theme_from_toml(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ColorParseError, ValueError) as exc:
                problems.append(ThemeProblem(path, str(exc)))
                continue
            themes[theme.name] = theme
    return list(themes.values()), problems


def theme_from_toml(source: str) -> Theme:
    data = tomllib.loads(source)
    name, primary = data.get("name"), data.get("primary")
    if not isinstance(name, str) or not isinstance(primary, str):
        raise ValueError("a theme needs a name and a primary colour")
    colours = {key: str(data[key]) for key in _FIELDS if key in data}
    for value in colours.values():
        Color.parse(value)
    variables = {str(k): str(v) for k, v in data.get("variables", {}).items()}
    return Theme(name=name, dark=bool(data.get("dark", True)), variables=variables, **colours)
