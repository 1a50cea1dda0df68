"""Imported by the forkserver before it forks any extraction worker (core/worker_pool.py): one small article is
extracted here so every lexicon the extractors load on first use (word forms, word frequencies, names, places) is
in memory once, and each worker forked afterwards starts with it, shared copy-on-write, instead of spending about
2.5 s loading it again. Importing this module has that effect, and one more: the forkserver, and so every worker it
forks, runs at a lower priority (nice 5), so that extracting in the background never takes the processor from the
screen the analyst is typing into; alone on a machine it makes no difference."""

import contextlib
import os

from core.article import Article
from core.pipeline import extract

_SAMPLE = ("Officials in Geneva said on Tuesday that talks would resume next week. “We expect progress,” said "
           "Maria Okafor, a spokesperson for the agency. Analysts warned that the deal could collapse by March.")

with contextlib.suppress(OSError, AttributeError):  # no nice() on Windows
    os.nice(5)
extract(Article("warm", "Talks to resume", None, None, "2025-01-07", _SAMPLE, None, "warm"))
