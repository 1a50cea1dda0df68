"""One article the extractors fail on is one line naming it, and the rest of the batch goes on (issue 19, 2)."""

import pytest

from core.article import Article, content_hash
from core.pipeline import ExtractionError, ExtractionFailure, extract_many, extract_or_failure, iter_extract


def article(text, published=None, title="T") -> Article:
    return Article(id=text[:8] if isinstance(text, str) else "x", title=title, source=None, url=None,
                   published=published, text=text, path=f"{title}.txt",
                   content_hash=content_hash(title, str(text)))


GOOD = [article(f"The council voted on the harbour bridge for the {n}th time.", title=f"good{n}") for n in range(9)]
BROKEN = article(None, title="broken")  # a text that is no string: Document() raises TypeError


def test_an_error_in_extract_is_this_articles_failure():
    failure = extract_or_failure(BROKEN)
    assert isinstance(failure, ExtractionFailure)
    assert str(failure).startswith("broken.txt (broken): not extracted: TypeError")
    assert "\n" not in str(failure)


@pytest.mark.parametrize("workers", [1, 2])
def test_the_rest_of_the_batch_goes_on(workers):
    failures = []
    batch = [*GOOD[:4], BROKEN, *GOOD[4:]]
    briefings = extract_many(batch, workers=workers, on_failure=failures.append)
    assert [b.article.title for b in briefings] == [a.title for a in GOOD]
    assert [f.article.title for f in failures] == ["broken"]
    streamed = list(iter_extract(batch, workers=workers, on_failure=lambda f: None))
    assert len(streamed) == len(GOOD)


def test_without_a_listener_the_failure_is_raised_not_dropped():
    with pytest.raises(ExtractionError, match="broken"):
        extract_many([GOOD[0], BROKEN])


def test_an_extreme_anchor_date_is_never_a_traceback():
    """0001-01-01 and 9999-12-31 with relative expressions overflowed the date arithmetic of the timeline."""
    failures = []
    text = "Two years ago the deal was signed; next year and in 300 years it ends, the minister said yesterday."
    batch = [article(text, "0001-01-01", "low"), GOOD[0], article(text, "9999-12-31", "high")]
    briefings = extract_many(batch, on_failure=failures.append)
    assert GOOD[0].title in [b.article.title for b in briefings]
    assert len(briefings) + len(failures) == 3
