"""Pathological markup, whitespace and tokens outside the extractors' rules, and the size the extractors read
(issue 19, 6). The time of each is in `python -m bench.run pathological`; these check what comes out, on inputs
that took from seconds to minutes before (at these sizes), so a return of the quadratic path shows as a stall."""

from core.article import EXTRACTED_CHARS, Article
from core.ingest import load_bytes
from core.ingest.html_text import MAX_ATTRIBUTES, html_to_text, tame_markup
from core.keyphrases import scoring_text
from core.pipeline import extract


def articles(data: str, suffix: str):
    return [i for i in load_bytes(data.encode(), "x" + suffix, suffix) if isinstance(i, Article)]


def test_html_to_text_keeps_its_rules():
    assert html_to_text("<div>a<br>b<!-- c -->d<?pi x?>e</div>") == "a\nbde"
    assert html_to_text("<p>One</p><p>Two &amp; three</p><script>x<y</script>after") == "One\nTwo & three\nafter"
    assert html_to_text("AT&amp;T says a < b") == "AT&T says a < b"
    assert html_to_text("<ul><li>a</li><li>b</li></ul>tail") == "a\nb\ntail"
    assert html_to_text("") == html_to_text("   ") == html_to_text("<?") == ""


def test_control_characters_survive_the_parse_for_the_sanitizer():
    assert html_to_text("<p>a\x1b[31mred\x00</p>") == "a\x1b[31mred\x00"
    [article] = articles("<p>Body \x1b[31mred\x1b[0m text about the harbour.</p>" * 3, ".html")
    assert "\x1b" not in article.text and "[31m" not in article.text


def test_unterminated_tags_and_processing_instructions_read_as_no_text():
    assert html_to_text("<p>Lead.</p>" + "<a " * 53_000) == "Lead."
    assert html_to_text("<p>Lead.</p>" + "<?" * 400_000) == "Lead."


def test_an_element_with_100k_attributes_loses_them_and_keeps_its_text():
    html = "<html><body><p " + " ".join(f"a{i}=x" for i in range(100_000)) + ">The harbour text.</p></body></html>"
    assert tame_markup(html) == "<html><body><p>The harbour text.</p></body></html>"
    assert html_to_text(html) == "The harbour text."
    [article] = articles(html, ".html")
    assert article.text.strip() == "The harbour text."


def test_a_tag_with_few_long_attributes_is_kept():
    tag = '<img src="data:image/png;base64,' + "A" * 10_000 + '" alt="x">'
    assert tame_markup(tag) == tag
    many = "<p " + " ".join(f"a{i}=x" for i in range(MAX_ATTRIBUTES - 1)) + " " + "b" * 4096 + ">"
    assert tame_markup(many) == many  # exactly the limit


def test_runs_of_spaces_and_huge_tokens_reach_yake_folded():
    assert scoring_text(None, "word" + " " * 100_000 + "end.") == "word" + " " * 100_000 + "end."
    assert scoring_text(None, "a  \n \n  b\nc") == "a b c"
    assert scoring_text(None, "lead " + "x" * 5_000_000 + " tail") == "lead   tail"


def test_an_article_over_the_extracted_size_is_read_in_part_and_says_so():
    text = "The council voted to close the harbour bridge. " * (EXTRACTED_CHARS // 40)
    [article] = articles(text, ".txt")
    assert article.caveat == f"only the first {EXTRACTED_CHARS:,} of its {len(text):,} characters are extracted"
    briefing = extract(article)
    assert briefing.article.text == text  # the whole text is kept and shown
    assert all(k.phrase for k in briefing.keyphrases)
    assert max(t.end for t in briefing.timeline) <= EXTRACTED_CHARS if briefing.timeline else True
    assert max((q.end for q in briefing.quotes), default=0) <= EXTRACTED_CHARS
