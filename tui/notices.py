"""What the dashboard's toasts say about inputs that could not be read and articles that were not extracted: one
short toast for a whole load, naming the files, never one per problem.

At 80x24 a toast is 40 columns wide, so a full path and its reason took four or five rows, and a folder with four
bad files stacked toasts over half the list (and over the status line). The problems view (`p`) keeps every
path and reason; a toast only says which inputs, and where to read why. Plain functions, no Textual.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import PurePath

from core.ingest import Problem
from core.pipeline import ExtractionFailure

NAMES_SHOWN = 3  # input names a grouped toast lists before "and N more"


def short_name(path: str) -> str:
    """The file's own name (the folder was named on the command line); a URL or <stdin> as it is."""
    if "://" in path or path.startswith("<"):
        return path
    return PurePath(path).name or path


def problems_notice(problems: Sequence[Problem], key: str) -> tuple[str, str]:
    """(title, message) of the one toast for the inputs a load could not read; `key` opens the problems view.

    One problem: its file and reason, as `p` has them but with the file's name alone. Several: how many, and the
    files' names (a file with several bad lines once, with their count: "dump.jsonl (2)")."""
    if len(problems) == 1:
        problem = problems[0]
        return "not loaded", f"{short_name(problem.path)}: {problem.reason}"
    by_file = Counter(short_name(p.path) for p in problems)
    names = [f"{name} ({count})" if count > 1 else name for name, count in by_file.items()]
    return f"{len(problems)} could not be read ({key} shows why)", ", ".join(_first_few(names))


def failures_notice(failures: Sequence[ExtractionFailure], key: str) -> tuple[str, str]:
    """(title, message) of the one toast for the articles the extractors failed on since the last such toast."""
    if len(failures) == 1:
        failure = failures[0]
        name = failure.article.title or short_name(failure.article.path or failure.article.id)
        return "not extracted", f"{name}: {failure.reason}"
    names = [f.article.title or short_name(f.article.path or f.article.id) for f in failures]
    return f"{len(failures)} articles not extracted ({key} shows why)", "; ".join(_first_few(names))


def _first_few(names: list[str]) -> list[str]:
    """The first NAMES_SHOWN names and how many more (never "1 more": that one is named instead)."""
    if len(names) <= NAMES_SHOWN + 1:
        return names
    return [*names[:NAMES_SHOWN], f"{len(names) - NAMES_SHOWN} more"]
