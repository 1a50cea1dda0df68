"""One article's extraction results, and the only place that knows the JSON contract (extract.schema.json)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from core.actors import Actor
from core.article import Article
from core.keyphrases import Keyphrase
from core.quotes import Quote
from core.summary import Assessment, Summary
from core.timeline import TimeExpression


@dataclass(frozen=True, slots=True)
class Briefing:
    article: Article
    extractor_version: str
    keyphrases: tuple[Keyphrase, ...] = ()
    timeline: tuple[TimeExpression, ...] = ()
    quotes: tuple[Quote, ...] = ()
    summary: Summary = field(default_factory=Summary.empty)
    # read back from the store rather than extracted now: the dashboard says "from cache", not "extracting",
    # for these; no part of the result, so a cached briefing equals the one extracted
    from_cache: bool = field(default=False, compare=False)

    def analysis_json(self) -> dict[str, Any]:
        """The extracted part, without the article's own fields: what the cache stores."""
        return {
            "keyphrases": [{"phrase": k.phrase, "score": k.score} for k in self.keyphrases],
            "timeline": [asdict(t) for t in self.timeline],
            "quotes": [_quote_json(q) for q in self.quotes],
            "summary": {
                "bluf": self.summary.bluf,
                "key_points": list(self.summary.key_points),
                "assessments": [asdict(a) for a in self.summary.assessments],
                "sources": list(self.summary.sources),
                "actors": [{**asdict(a), "aliases": list(a.aliases)} for a in self.summary.actors],
            },
        }

    def to_json(self) -> dict[str, Any]:
        a = self.article
        return {
            "id": a.id, "title": a.title, "source": a.source, "url": a.url, "published": a.published,
            "text": a.text, **self.analysis_json(), "extractor_version": self.extractor_version,
        }

    @classmethod
    def from_analysis(cls, article: Article, extractor_version: str, analysis: dict[str, Any]) -> Briefing:
        """Rebuild a cached briefing (marked from_cache); the inverse of analysis_json."""
        keyphrases = tuple(Keyphrase(k["phrase"], k["score"]) for k in analysis.get("keyphrases", []))
        quotes = tuple(Quote(**{**q, "parts": tuple((start, end) for start, end in q.get("parts", ()))})
                       for q in analysis.get("quotes", []))
        s = analysis.get("summary") or {}
        summary = Summary(
            bluf=s.get("bluf", ""),
            key_points=tuple(s.get("key_points", ())),
            assessments=tuple(Assessment(**a) for a in s.get("assessments", ())),
            sources=tuple(s.get("sources", ())),
            actors=tuple(Actor(a["name"], a["kind"], a["mentions"], tuple(a.get("aliases", ())))
                         for a in s.get("actors", ())),
        )
        timeline = tuple(TimeExpression(**t) for t in analysis.get("timeline", []))
        return cls(article, extractor_version, keyphrases, timeline, quotes, summary, from_cache=True)


def _quote_json(quote: Quote) -> dict[str, Any]:
    """A quote as the contract has it: `parts` only where the quotation is interrupted by its attribution."""
    found = asdict(quote)
    if quote.parts:
        found["parts"] = [list(part) for part in quote.parts]
    else:
        del found["parts"]
    return found
