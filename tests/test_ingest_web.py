"""What ingest gets from the web's formats: feed dates with their zone, JSON Feed, page titles and sources from the
page's own tags, thin pages, plain-text RSS 0.91, script never a title, JSON Lines publishers, mojibake.

Every file here is written for the test (issue 17's defects, one class each).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.ingest import ingest
from core.pipeline import extract


def write(folder: Path, name: str, content: str) -> Path:
    path = folder / name
    path.write_text(content, encoding="utf-8")
    return path


def articles_of(path: Path):
    loaded = ingest([path])
    assert loaded.problems == [], [str(p) for p in loaded.problems]
    return loaded.articles


# ---------------------------------------------------------------- feed dates keep their zone

ZONED_RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Seoul talks</title><link>https://example.org/seoul</link><guid>s1</guid>
<pubDate>Mon, 06 Jan 2025 08:00:00 +0900</pubDate>
<description>Negotiators met in Seoul today to discuss the border.</description></item>
<item><title>Budget vote</title><link>https://example.org/budget</link><guid>b1</guid>
<pubDate>Sun, 05 Jan 2025 21:30:00 -0500</pubDate>
<description>Senators said today that the budget vote will be held on Sunday next week.</description></item>
</channel></rss>"""


def test_feed_timestamps_keep_their_offset(tmp_path):
    seoul, budget = articles_of(write(tmp_path, "wire.rss", ZONED_RSS))
    assert seoul.published == "2025-01-06T08:00:00+09:00"  # UTC would be the evening before
    assert budget.published == "2025-01-05T21:30:00-05:00"  # UTC would be Monday


def test_relative_dates_resolve_against_the_local_date_of_publication(tmp_path):
    seoul, budget = articles_of(write(tmp_path, "wire.rss", ZONED_RSS))
    assert [(t.text, t.value) for t in extract(seoul).timeline] == [("today", "2025-01-06")]
    assert ("today", "2025-01-05") in [(t.text, t.value) for t in extract(budget).timeline]


def test_atom_dates_keep_their_offset(tmp_path):
    atom = """<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
<entry><title>Evening update</title><id>tag:x,2025:1</id><published>2025-01-05T21:30:00-05:00</published>
<updated>2025-01-06T09:00:00-05:00</updated><content type="html">&lt;p&gt;The evening update.&lt;/p&gt;</content>
</entry></feed>"""
    [article] = articles_of(write(tmp_path, "desk.atom", atom))
    assert article.published == "2025-01-05T21:30:00-05:00"


# ---------------------------------------------------------------- JSON Feed


def _json_feed(version: str, items: list) -> str:
    return json.dumps({"version": f"https://jsonfeed.org/version/{version}", "title": "Technology",
                       "home_page_url": "https://example.org/tech", "items": items})


@pytest.mark.parametrize("version", ["1", "1.1"])
def test_json_feed_gives_one_article_per_item(tmp_path, version):
    author = {"authors": [{"name": "A. Writer"}]} if version == "1.1" else {"author": {"name": "A. Writer"}}
    items = [
        {"id": "n-1", "url": "https://example.org/chips", "title": "Chip plant opens",
         "content_html": "<p>The chip plant opened on Monday.</p><p>It employs 2,000 people.</p>",
         "date_published": "2025-01-06T10:00:00-05:00", **author},
        {"id": 2, "external_url": "https://example.org/rockets", "title": "Rocket test delayed",
         "content_text": "The rocket test was delayed by wind.", "date_modified": "2025-01-07T08:00:00Z"},
        {"id": "n-3", "url": "https://example.org/satellite", "summary": "A satellite reached orbit."},
    ]
    chips, rockets, satellite = articles_of(write(tmp_path, "npr.json", _json_feed(version, items)))
    assert (chips.title, chips.source, chips.url, chips.id) == ("Chip plant opens", "Technology",
                                                                "https://example.org/chips", "n-1")
    assert chips.text == "The chip plant opened on Monday.\nIt employs 2,000 people."
    assert chips.published == "2025-01-06T10:00:00-05:00"
    assert (rockets.id, rockets.url, rockets.text) == ("2", "https://example.org/rockets",
                                                       "The rocket test was delayed by wind.")
    assert rockets.published == "2025-01-07T08:00:00+00:00"
    assert satellite.text == "A satellite reached orbit."
    assert all(a.title != "Technology" for a in (chips, rockets, satellite))


def test_json_feed_bad_items_are_one_line_each(tmp_path):
    path = write(tmp_path, "feed.json", _json_feed("1.1", ["not an object", {"id": "x", "title": "Kept"}]))
    loaded = ingest([path])
    assert [a.title for a in loaded.articles] == ["Kept"]
    assert [str(p) for p in loaded.problems] == [f"{path}: item 1: expected an object"]


def test_json_feed_recognised_by_content_on_stdin_style_input(tmp_path):
    from core.ingest import load_bytes

    data = _json_feed("1", [{"id": "1", "title": "From a pipe", "content_text": "Piped text."}]).encode()
    [article] = load_bytes(data, "<stdin>")
    assert (article.title, article.source) == ("From a pipe", "Technology")


# ---------------------------------------------------------------- page titles and sources

BODY_HTML = ("<p>The city council voted on Tuesday to close the old harbour bridge for repairs, after engineers "
             "found that the main span had corroded far faster than anyone had expected it to.</p>"
             "<p>Traffic will be diverted through the eastern tunnel until the spring, the council said, and "
             "the ferries across the harbour will run every twenty minutes from the first of the month.</p>"
             "<p>Shopkeepers on the quay said the closure would cost them trade through the winter, and asked "
             "the council for help with their rents until the bridge reopens.</p>")
HEADLINE = "Harbour bridge to close for a year of repairs"


def test_generic_page_title_gives_way_to_og_title(tmp_path):
    # The CMS names itself in the title tags; the headline is only in og:title (which this template puts after
    # the body has begun, where trafilatura does not look).
    page = (f'<!DOCTYPE html><html><head><title>escenic</title><meta name="title" content="escenic"></head>'
            f'<body><div class="banner">Subscribe</div><meta property="og:title" content="{HEADLINE}">'
            f'<meta property="og:site_name" content="The Daily Courier"><article>{BODY_HTML}</article>'
            f'</body></html>')
    [article] = articles_of(write(tmp_path, "courier.html", page))
    assert article.title == HEADLINE
    assert article.source == "The Daily Courier"


def test_title_equal_to_the_site_name_gives_way_to_og_title(tmp_path):
    page = (f'<!DOCTYPE html><html><head><title>The Daily Courier</title>'
            f'<meta name="application-name" content="The Daily Courier"></head><body>'
            f'<meta name="twitter:title" content="{HEADLINE}"><article>{BODY_HTML}</article></body></html>')
    [article] = articles_of(write(tmp_path, "courier.html", page))
    assert article.title == HEADLINE


def test_syndicated_page_whose_publisher_is_the_headline_gets_its_host_as_source(tmp_path):
    page = (f'<!DOCTYPE html><html><head><title>{HEADLINE}</title>'
            f'<link rel="canonical" href="https://www.msn.com/en-gb/news/uk/harbour-bridge/ar-AA1xyz">'
            f'<meta property="og:title" content="{HEADLINE}">'
            f'<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle", '
            f'"headline": "{HEADLINE}", "publisher": {{"@type": "Organization", "name": "{HEADLINE}"}}}}</script>'
            f'</head><body><article><h1>{HEADLINE}</h1>{BODY_HTML}</article></body></html>')
    [article] = articles_of(write(tmp_path, "msn.html", page))
    assert article.title == HEADLINE
    assert article.source == "msn.com"


def test_a_page_with_good_metadata_keeps_it(tmp_path):
    page = (f'<!DOCTYPE html><html><head><title>{HEADLINE} | The Daily Courier</title>'
            f'<meta property="og:title" content="{HEADLINE}"><meta property="og:site_name" '
            f'content="The Daily Courier"></head><body><article><h1>{HEADLINE}</h1>{BODY_HTML}</article>'
            f'</body></html>')
    [article] = articles_of(write(tmp_path, "courier.html", page))
    assert (article.title, article.source, article.caveat) == (HEADLINE, "The Daily Courier", None)


# ---------------------------------------------------------------- thin extractions


def test_thin_page_is_kept_with_a_caveat(tmp_path):
    caption = ("Crowds gather on the quay as the last ferry of the season leaves the harbour on Sunday evening, "
               "watched by families from the old town.")
    page = (f'<!DOCTYPE html><html><head><title>In pictures: the last ferry</title></head><body>'
            f'<div id="gallery" data-src="/api/gallery/123"></div><figure><img src="1.jpg">'
            f'<figcaption>{caption}</figcaption></figure></body></html>')
    [article] = articles_of(write(tmp_path, "gallery.html", page))
    assert caption in article.text
    assert article.caveat == (f"text is only {len(article.text)} characters: likely a paywall, a gallery or a "
                              f"script-built page")


# ---------------------------------------------------------------- RSS 0.91 plain text, script never a title

RSS_091 = """<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Web Tips</title><link>http://example.org/</link><description>Tips</description>
<language>en-us</language>
<item><title>Bold text</title><link>http://example.org/1</link>
<description>Wrap a word in &lt;b&gt; and &lt;/b&gt; to make it bold; a link starts with
&lt;a href="page.html"&gt;.</description></item>
<item><link>http://example.org/2</link>
<description>&lt;script&gt;trackVisit("tips");&lt;/script&gt;
Comments start with two slashes in most languages.</description></item>
</channel></rss>"""


def test_rss_091_descriptions_are_plain_text(tmp_path):
    bold, _ = articles_of(write(tmp_path, "tips.rss", RSS_091))
    assert bold.text == 'Wrap a word in <b> and </b> to make it bold; a link starts with\n<a href="page.html">.'


def test_script_text_in_a_plain_description_is_never_the_title(tmp_path):
    _, comments = articles_of(write(tmp_path, "tips.rss", RSS_091))
    assert comments.title == "Comments start with two slashes in most languages"


def test_script_feed_titles_are_no_titles(tmp_path):
    rss = """<rss version="2.0"><channel><title>T</title>
<item><title>window.dataLayer = window.dataLayer || [];</title>
<description>The ferry sailed at noon.</description></item>
<item><title>&lt;script&gt;alert("x")&lt;/script&gt;</title><description>The bridge opened.</description></item>
<item><title>googletag.cmd.push(function() { googletag.display("ad"); });</title>
<description>The tunnel closed for the night.</description></item>
</channel></rss>"""
    titles = [a.title for a in articles_of(write(tmp_path, "t.rss", rss))]
    assert titles == ["The ferry sailed at noon", "The bridge opened", "The tunnel closed for the night"]


def test_atom_text_content_is_plain_text(tmp_path):
    atom = """<feed xmlns="http://www.w3.org/2005/Atom"><title>Docs</title>
<entry><title>Tables</title><id>t1</id><content type="text">Use &lt;table&gt; for tabular data only.</content></entry>
</feed>"""
    [article] = articles_of(write(tmp_path, "docs.atom", atom))
    assert article.text == "Use <table> for tabular data only."


# ---------------------------------------------------------------- JSON Lines publisher, mojibake


def test_json_lines_publisher_is_the_source(tmp_path):
    lines = [{"title": "Port reopens", "text": "The port reopened.", "publisher": "Harbour Herald"},
             {"title": "Ferry late", "text": "The ferry was late.", "publisher": {"name": "Coast Wire"}},
             {"title": "Both", "text": "Both fields.", "source": "Own Source", "publisher": "Other"}]
    path = write(tmp_path, "dump.jsonl", "\n".join(json.dumps(line) for line in lines))
    assert [a.source for a in articles_of(path)] == ["Harbour Herald", "Coast Wire", "Own Source"]


def test_double_encoded_text_is_repaired(tmp_path):
    record = {"title": "PeÃ±a Nieto visits SÃ£o Paulo",
              "text": "President Enrique PeÃ±a Nieto said the talks were â€œproductiveâ€\x9d.",
              "source": "El PaÃ\xads"}
    [article] = articles_of(write(tmp_path, "dump.json", json.dumps(record)))
    assert article.title == "Peña Nieto visits São Paulo"
    assert article.text == "President Enrique Peña Nieto said the talks were “productive”."
    assert article.source == "El País"


def test_text_that_is_not_mojibake_is_unchanged(tmp_path):
    text = ("The café’s owner, naïve as ever, said “ﬁne” — at 5 °C, with ½ price and Ｆｕｌｌｗｉｄｔｈ letters; "
            "the Zürich office (Ø 3 m) agreed.\u00a0Done &amp; dusted.")
    [article] = articles_of(write(tmp_path, "clean.json", json.dumps({"title": "Clean", "text": text})))
    assert article.text == text
