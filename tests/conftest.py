"""Shared fixtures: every test gets its own store and config dirs, never the user's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT.parent / "shared" / "contract" / "extract.schema.json"


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("BRIEF_DB", str(home / "brief.sqlite"))
    return home


@pytest.fixture
def schema_validator():
    from jsonschema import Draft202012Validator

    if not SCHEMA.exists():
        pytest.skip(f"the contract is not beside this checkout ({SCHEMA})")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def run_brief(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The CLI in a fresh interpreter, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "tui", *args], input=stdin, capture_output=True, cwd=cwd,
                          timeout=120)


def database_from_a_newer_brief(path: Path) -> Path:
    """An empty store whose schema version is one past what this brief knows, as a newer brief would leave it."""
    import sqlite3

    from core.store import SCHEMA_VERSION, Store

    Store(path).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    return path


def notices(app) -> list[str]:
    """The notifications on screen now, as the analyst reads them: each toast's rendered title and message
    (queried by Textual's type name, so the test reads what is drawn, not the app's private list)."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]
