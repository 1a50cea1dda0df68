"""A cold batch (issue 18): the time from starting the dashboard on 300 articles it has never seen to the end of
their extraction, against `brief extract --workers 2` of the same batch in the same run; and what the start
method costs: the first screen, and the first result in a fresh process under fork, forkserver and spawn.

    python -m bench.run cold_batch
    BRIEF_BENCH_BEFORE=48babc0 python -m bench.run cold_batch   # also the first screen of that commit's code
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

from bench.first_screen import _time_to_text
from bench.synthetic import write_batch

ROOT = Path(__file__).resolve().parent.parent
BRIEF = Path(sys.executable).with_name("brief")

_FIRST_RESULT = """
import multiprocessing, sys, time
from core.article import Article
from core.pipeline import extract
def main():
    start = time.perf_counter()
    context = multiprocessing.get_context(sys.argv[1])
    if sys.argv[1] == "forkserver":
        context.set_forkserver_preload(["core.warm"])
    with context.Pool(1) as pool:
        pool.apply(extract, (Article("a", "t", None, None, None, "Officials said so on Monday.", None, "h"),))
        first = time.perf_counter() - start
        pool.map(extract, [Article(str(n), "t", None, None, None, f"Officials said {n} on Monday.", None, str(n))
                           for n in range(8)])
    print(first)
if __name__ == "__main__":
    main()
"""


def bench_cold_batch(articles=None, count: int = 300) -> dict[str, float]:
    if shutil.which("tmux") is None:
        return {}
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        batch = write_batch(work / "cold.jsonl", count)
        start = time.perf_counter()
        subprocess.run([str(BRIEF), "extract", str(batch), "--workers", "2", "--db", str(work / "extract.sqlite")],
                       check=True, capture_output=True)
        figures["brief extract --workers 2 s"] = time.perf_counter() - start
        dashboard = _time_to_text(f"BRIEF_DB={work / 'dashboard.sqlite'} {BRIEF} {batch}", f"extracted {count}",
                                  timeout=900)
        figures["dashboard start to extracted s"] = dashboard
        figures["ratio"] = dashboard / figures["brief extract --workers 2 s"]
        seeds_db = work / "seeds.sqlite"
        seeds = ROOT / "seeds"
        _time_to_text(f"BRIEF_DB={seeds_db} {BRIEF} {seeds}", "article")  # builds the store
        figures["first screen s"] = min(_time_to_text(f"BRIEF_DB={seeds_db} {BRIEF} {seeds}", "article")
                                        for _ in range(3))
        before = os.environ.get("BRIEF_BENCH_BEFORE")
        if before:
            old = _checkout(before, work / "before")
            command = (f"PYTHONPATH={old} BRIEF_DB={work / 'old.sqlite'} {sys.executable} -c "
                       f"'import sys; from tui.cli import main; sys.exit(main())' {seeds}")
            _time_to_text(command, "article")
            figures[f"first screen at {before} s"] = min(_time_to_text(command, "article") for _ in range(3))
        script = work / "first_result.py"
        script.write_text(_FIRST_RESULT)
        for method in ("fork", "forkserver", "spawn"):
            out = subprocess.run([sys.executable, str(script), method], capture_output=True, text=True, check=True,
                                 cwd=ROOT)
            figures[f"first result under {method} s"] = float(out.stdout)
    return figures


def _checkout(revision: str, into: Path) -> Path:
    """core/ and tui/ of a revision, unpacked from git (nothing of it is committed or installed)."""
    archive = subprocess.run(["git", "archive", revision, "core", "tui"], cwd=ROOT, capture_output=True,
                             check=True).stdout
    into.mkdir()
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into
