"""Near-duplicates: the same wire story in several outlets, grouped so the list shows it once.

MinHash signatures of word shingles and locality-sensitive hashing (datasketch) find candidate pairs without
comparing every article with every other; a candidate joins a group only if its estimated Jaccard similarity to a
member passes the threshold. Incremental: adding an article costs one signature and one LSH query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

SHINGLE = 3  # words: short enough to survive light rewording, long enough to be specific
NUM_PERM = 128
THRESHOLD = 0.5  # estimated Jaccard of shingle sets; copies with a new lead or a few edits stay above it
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    keys: tuple[str, ...]  # in the order the articles were added: the first stands for the group


class DuplicateIndex:
    def __init__(self, threshold: float = THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, object] = {}
        self._parent: dict[str, str] = {}
        self._order: list[str] = []
        self._rank: dict[str, int] = {}

    def add(self, key: str, text: str) -> None:
        """Index one article; it joins the group of any indexed article it nearly duplicates."""
        if key in self._signatures:
            return
        signature = signature_of(text)
        self._signatures[key] = signature
        self._parent[key] = key
        self._rank[key] = len(self._order)
        self._order.append(key)
        if signature is None:
            return
        for other in self._lsh.query(signature):
            if signature.jaccard(self._signatures[other]) >= self.threshold:
                self._union(other, key)
        self._lsh.insert(key, signature)

    def groups(self) -> list[DuplicateGroup]:
        """Groups of two or more articles, each in insertion order, the earliest group first."""
        members: dict[str, list[str]] = {}
        for key in self._order:
            members.setdefault(self._find(key), []).append(key)
        return [DuplicateGroup(tuple(keys)) for keys in members.values() if len(keys) > 1]

    def group_of(self, key: str) -> tuple[str, ...]:
        root = self._find(key)
        return tuple(k for k in self._order if self._find(k) == root)

    def _find(self, key: str) -> str:
        while self._parent[key] != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=self._rank.__getitem__)
            self._parent[second] = first


def signature_of(text: str) -> Any:  # a datasketch MinHash (untyped), or None
    """The MinHash of the text's word shingles, or None for a text too short to compare."""
    from datasketch import MinHash

    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE + 2:
        return None
    shingles = {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}
    signature = MinHash(num_perm=NUM_PERM)
    signature.update_batch(shingles)
    return signature


def group_texts(items: list[tuple[str, str]], threshold: float = THRESHOLD) -> dict[str, tuple[str, ...]]:
    """Each article key of a group of near-duplicates, mapped to its group; a plain function, so that a batch can
    be grouped in another process while the dashboard keeps the GIL."""
    index = DuplicateIndex(threshold)
    for key, text in items:
        index.add(key, text)
    return {key: group.keys for group in index.groups() for key in group.keys}


def group_inputs(paths: list[str], max_bytes: int) -> dict[str, tuple[str, ...]]:
    """group_texts over the articles the inputs hold, read here: a process grouping a large batch reads the
    files itself rather than being sent every text (30 MB pickled, at 10,000 articles)."""
    from core.ingest import ingest

    return group_texts([(a.key, a.text) for a in ingest(paths, max_bytes=max_bytes).articles])
