"""Articles to benchmark on: the shared evaluation news when it sits beside the project (read in place, never
copied), else the seed articles."""

from __future__ import annotations

import json
from pathlib import Path

from core.article import Article, content_hash
from core.ingest import ingest
from core.locations import seeds_dir

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"


def news_articles(limit: int = 200) -> list[Article]:
    files = sorted(EVAL.glob("*/*_dev.jsonl")) + sorted(EVAL.glob("timex/*.jsonl"))
    articles: list[Article] = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                if not doc.get("text"):
                    continue
                title = doc.get("title")
                articles.append(Article(doc["id"], title, None, None, doc.get("dct") or doc.get("published"),
                                        doc["text"], str(path), content_hash(title, doc["text"])))
    if not articles:
        articles = ingest([seeds_dir()]).articles
    step = max(1, len(articles) // limit)
    return articles[::step][:limit]
