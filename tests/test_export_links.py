"""Bare URLs and emails in exported fields are text, not live links, in a GFM renderer (issue 19, 10)."""

import re

import cmarkgfm
from hypothesis import given, settings
from hypothesis import strategies as st

from core.export import md_text

CASES = ["see http://evil.example/x now", "HTTPS://evil.example", "ftp://files.example/a", "www.evil.com",
         "WWW.Evil.org/path", "mail ana.ruiz+news@evil.example today", "xmpp:agent@evil.example",
         "mailto:agent@evil.example", "[click](http://evil.example)", "<http://evil.example>",
         "<a href='http://evil.example'>x</a>", "![img](http://evil.example/p.png)"]


def rendered(text: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(md_text(text))


def test_no_field_becomes_a_link_or_raw_html():
    for case in CASES:
        html = rendered(case)
        assert "<a " not in html and "<img" not in html, (case, html)


def test_what_shows_is_the_text():
    for case in CASES:
        shown = re.sub(r"<!--.*?-->", "", rendered(case))
        shown = re.sub(r"</?p>", "", shown).strip()
        shown = shown.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
        assert shown == case


WORDS = st.sampled_from(["http", "https", "ftp", "www", "://", ".", "@", "com", "evil", "a", "_", "-", "+", " ",
                         "[", "]", "(", ")", "<", ">", ":", "/", "mailto:", "x.org", "\\", "`", "*"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=20).map("".join))
def test_no_mix_of_link_parts_becomes_a_link(text):
    assert "<a " not in rendered(text)
