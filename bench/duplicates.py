"""Near-duplicate grouping measured on a batch built here: news articles and light rewrites of them (a wire
story as several outlets run it: a new lead, a sentence cut, words swapped, a dateline added), mixed with the other
articles. Prints pairwise precision and recall of the grouping."""

from __future__ import annotations

import random
import re
from itertools import combinations

from core.article import Article

_SWAPS = {"said": "stated", "announced": "said", "officials": "authorities", "people": "residents",
          "government": "administration", "on Monday": "Monday", "percent": "per cent", "about": "around",
          "more than": "over", "told": "informed"}
_DATELINES = ("WASHINGTON (AP) — ", "LONDON (Reuters) - ", "NEW YORK — ", "By a staff reporter\n")


def rewrite(text: str, rng: random.Random) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    if len(sentences) > 4 and rng.random() < 0.6:
        del sentences[rng.randrange(1, len(sentences))]  # an outlet cuts a sentence
    if len(sentences) > 3 and rng.random() < 0.5:
        i = rng.randrange(1, len(sentences) - 1)
        sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
    out = " ".join(sentences)
    for old, new in _SWAPS.items():
        if rng.random() < 0.5:
            out = out.replace(old, new)
    if rng.random() < 0.5:
        out = rng.choice(_DATELINES) + out
    if rng.random() < 0.3:
        out += " This story has been updated."
    return out


def build_batch(articles: list[Article], seed: int = 7) -> tuple[list[tuple[str, str]], dict[str, int]]:
    rng = random.Random(seed)
    batch, story = [], {}
    for number, article in enumerate(articles):
        batch.append((f"{number}", article.text))
        story[f"{number}"] = number
        for copy in range(rng.choice((0, 0, 1, 2, 3))):
            key = f"{number}-copy{copy}"
            batch.append((key, rewrite(article.text, rng)))
            story[key] = number
    rng.shuffle(batch)
    return batch, story


def bench_duplicates(articles) -> dict[str, float]:
    from core.duplicates import DuplicateIndex

    long_enough = [a for a in articles if len(a.text.split()) > 120][:150]
    batch, story = build_batch(long_enough)
    index = DuplicateIndex()
    for key, text in batch:
        index.add(key, text)
    group = {}
    for number, g in enumerate(index.groups()):
        for key in g.keys:
            group[key] = number
    predicted = {(a, b) for a, b in combinations(sorted(story), 2) if a in group and group.get(b) == group[a]}
    actual = {(a, b) for a, b in combinations(sorted(story), 2) if story[a] == story[b]}
    hits = len(predicted & actual)
    return {"articles": float(len(batch)), "pairs": float(len(actual)),
            "precision": hits / len(predicted) if predicted else 0.0, "recall": hits / len(actual) if actual else 0.0}
