"""One article's extraction results, and the only place that knows the JSON contract (extract.schema.json)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from core.article import Article
from core.keyphrases import Keyphrase
from core.quotes import Quote


@dataclass(frozen=True, slots=True)
class Briefing:
    article: Article
    extractor_version: str
    keyphrases: tuple[Keyphrase, ...] = ()
    timeline: tuple = field(default=())
    quotes: tuple[Quote, ...] = ()

    def analysis_json(self) -> dict:
        """The extracted part, without the article's own fields: what the cache stores."""
        return {
            "keyphrases": [{"phrase": k.phrase, "score": k.score} for k in self.keyphrases],
            "timeline": [],
            "quotes": [asdict(q) for q in self.quotes],
            "summary": {"bluf": "", "key_points": [], "assessments": [], "sources": [], "actors": []},
        }

    def to_json(self) -> dict:
        a = self.article
        return {
            "id": a.id, "title": a.title, "source": a.source, "url": a.url, "published": a.published,
            "text": a.text, **self.analysis_json(), "extractor_version": self.extractor_version,
        }

    @classmethod
    def from_analysis(cls, article: Article, extractor_version: str, analysis: dict) -> Briefing:
        """Rebuild a cached briefing; the inverse of analysis_json."""
        keyphrases = tuple(Keyphrase(k["phrase"], k["score"]) for k in analysis.get("keyphrases", []))
        quotes = tuple(Quote(**q) for q in analysis.get("quotes", []))
        return cls(article, extractor_version, keyphrases, quotes=quotes)
