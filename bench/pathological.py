"""Pathological inputs outside the extractors' own rules (issue 19, 6): markup that libxml2 or html.parser chew
on, whitespace and tokens that regular expressions or YAKE's tokenizer chew on, and an article over the size the
extractors read. Each goes through ingest and extraction as `brief extract` runs it, in a fresh process of its
own, timed against plain YAKE on the same input (markup and all) in that process, with the process's peak
resident memory. An article is read by the extractors up to core.article.EXTRACTED_CHARS; YAKE reads it all.

All inputs are generated here, never committed."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence

from core.article import Article


def _news_text(chars: int) -> str:
    from core.locations import seeds_dir

    paragraph = next(seeds_dir().glob("*.txt")).read_text(encoding="utf-8")
    return (paragraph + "\n\n") * (chars // len(paragraph) + 1)


PATHOLOGICAL: dict[str, tuple[str, str]] = {  # label: (suffix, how to make it)
    "100k spaces": (".txt", "'word' + ' ' * 100_000 + 'end.'"),
    "'a, ' x 33k": (".txt", "'a, ' * 33_000"),
    # the quote rules' own (100 KB each): a comma before every cue, a cue after every comma, a quotation
    # interrupted by its attribution again and again, a pronoun speaker in every other sentence
    "appositions 100 KB": (".txt", "'Kim, a, said ' * 7_700"),
    "'said, ' x 17k": (".txt", "'said, ' * 17_000"),
    "interrupted quotes 100 KB": (".txt", "'“A,” she said. “B” ' * 5_000"),
    "pronoun speakers 100 KB": (".txt", "'Kim said that x. He said that y. ' * 3_000"),
    "100k attributes": (".html", "'<html><body><p ' + ' '.join(f'a{i}=x' for i in range(100_000)) + '>Text.</p>'"),
    "'<a ' x 53k": (".html", "'<html><body><p>Text.</p>' + '<a ' * 53_000"),
    "'<?' x 400k": (".html", "'<html><body><p>Text.</p>' + '<?' * 400_000"),
    "one-line HTML 2 MB": (".html", "'<html><body>' + '<p>word and another word</p>' * 75_000"),
    "5 MB token": (".txt", "'x' * 5_000_000"),
    "news text 1.2 MB": (".txt", "_news_text(1_200_000)"),
}

_RUN_ONE = """
import json, resource, sys, time
from bench.pathological import _news_text
from bench.run import plain_yake
from core.article import Article
from core.ingest import load_bytes
from core.pipeline import extract_or_failure

suffix, source = sys.argv[1], sys.argv[2]
data = eval(source).encode()
plain_yake(Article("w", None, None, None, None, "Warm up the lexicons.", None, "w"))
extract_or_failure(Article("w", None, None, None, None, "Warm up the lexicons.", None, "w"))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
items = list(load_bytes(data, "input" + suffix, suffix))
articles = [i for i in items if isinstance(i, Article)]
results = [extract_or_failure(a) for a in articles]
ours = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
text = data.decode()  # the input as it came: what plain YAKE would be given
start = time.perf_counter()
plain_yake(Article("y", None, None, None, None, text, None, "y"))
yake = time.perf_counter() - start
print(json.dumps({"ms": ours * 1000, "yake ms": yake * 1000, "peak MB": peak / 1024,
                  "grew MB": (peak - before) / 1024, "chars": sum(len(a.extracted_part().text) for a in articles),
                  "failed": sum(type(r).__name__ == "ExtractionFailure" for r in results)}))
"""


def run_one(label: str) -> dict[str, float]:
    suffix, source = PATHOLOGICAL[label]
    done = subprocess.run([sys.executable, "-c", _RUN_ONE, suffix, source], capture_output=True, text=True,
                          timeout=900, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def bench_pathological(articles: Sequence[Article]) -> dict[str, float]:
    """Per text: brief's ms (ingest and extraction), plain YAKE's ms on the same text, their ratio, and the peak
    resident memory of the process in MB (`articles` is not used)."""
    figures: dict[str, float] = {}
    for label in PATHOLOGICAL:
        found = run_one(label)
        figures[f"{label} ms"] = found["ms"]
        figures[f"{label} yake ms"] = found["yake ms"]
        figures[f"{label} ratio"] = found["ms"] / max(found["yake ms"], 0.001)
        figures[f"{label} peak MB"] = found["peak MB"]
        print(f"  {label:22s} brief {found['ms']:9.0f} ms  plain YAKE {found['yake ms']:9.0f} ms  "
              f"peak {found['peak MB']:6.0f} MB (+{found['grew MB']:.0f})  {found['chars']:,} chars read",
              flush=True)
    return figures
