"""Theme files (TOML, one Textual Theme each) from the shipped themes/ folder and the user's config dir."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.color import Color, ColorParseError
from textual.css.constants import VALID_STYLE_FLAGS
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
    if _THEME_NAME.fullmatch(name) is None:  # Textual's theme picker reads names as markup: `[/]` crashed it
        raise ValueError(f"a theme's name holds letters, digits, spaces and - _ . only, not {name[:40]!r}")
    colours: dict[str, Any] = {key: str(data[key]) for key in _FIELDS if key in data}
    for value in colours.values():
        Color.parse(value)
    variables = _variables(data.get("variables", {}))
    return Theme(name=name, dark=bool(data.get("dark", True)), variables=variables, **colours)


_THEME_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}")
_COLOUR_KEYWORDS = re.compile(r"(?:auto|initial|transparent)(?: \d{1,3}%)?")


def _variables(raw: object) -> dict[str, str]:
    """A theme's [variables], each checked against what Textual's CSS will parse it as: a bad one (`variables =
    "x"`, a colour that is no colour, a value that breaks the stylesheet) kept the dashboard from opening. Raises
    ValueError naming the variable, so the theme is reported and the default used."""
    if not isinstance(raw, dict):
        raise ValueError("variables must be a table of name = \"value\" lines")
    known = Theme(name="-", primary="#000000").to_color_system().generate()
    variables = {}
    for name, value in raw.items():
        if name not in known:
            raise ValueError(f"variables: no such variable {name[:40]!r}")
        if not isinstance(value, str):
            raise ValueError(f"variables: {name} must be a string")
        if name.endswith("-style"):
            if not value.split() or not set(value.split()) <= VALID_STYLE_FLAGS:
                raise ValueError(f"variables: {name} must be text style words such as \"bold underline\"")
        elif _COLOUR_KEYWORDS.fullmatch(value) is None:
            try:
                Color.parse(value)
            except ColorParseError:
                raise ValueError(f"variables: {name} must be a colour such as \"#ff8700\"") from None
        variables[name] = value
    return variables
