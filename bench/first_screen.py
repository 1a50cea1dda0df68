"""Time from launching `brief` to its first screen, in a real terminal (tmux, 80x24), against a minimal Textual app
launched the same way in the same run."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_MINIMAL_APP = """
from textual.app import App
from textual.widgets import Static
class Minimal(App):
    def compose(self):
        yield Static("minimal app ready")
Minimal().run()
"""


def _time_to_text(command: str, text: str, timeout: float = 20) -> float:
    session = f"brief-bench-{time.monotonic_ns()}"
    start = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "80", "-y", "24", command], check=True)
    try:
        while time.perf_counter() - start < timeout:
            screen = subprocess.run(["tmux", "capture-pane", "-t", session, "-p"], capture_output=True,
                                    text=True).stdout
            if text in screen:
                return time.perf_counter() - start
            time.sleep(0.01)
        raise RuntimeError(f"{text!r} never appeared")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def bench_first_screen(articles=None, repeats: int = 5) -> dict[str, float]:
    if shutil.which("tmux") is None:
        return {}
    brief = Path(sys.executable).with_name("brief")
    with tempfile.TemporaryDirectory() as tmp:
        minimal = Path(tmp) / "minimal.py"
        minimal.write_text(_MINIMAL_APP)
        db = Path(tmp) / "db.sqlite"
        _time_to_text(f"BRIEF_DB={db} {brief}", "article")  # first run: builds the store and the cache
        ours = min(_time_to_text(f"BRIEF_DB={db} {brief}", "BLUF") for _ in range(repeats))
        baseline = min(_time_to_text(f"{sys.executable} {minimal}", "minimal app ready") for _ in range(repeats))
    return {"minimal Textual app s": baseline, "brief on seeds, panes filled s": ours, "ratio": ours / baseline}
