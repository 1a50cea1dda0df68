import json
import os
from pathlib import Path

import pytest

from core.article import content_hash
from core.ingest import ingest
from core.ingest.titles import derive_title

BODY = ("The city council voted on Tuesday to close the old harbour bridge for repairs. "
        "Engineers said the “main span” had corroded faster than expected.\n"
        "Traffic will be diverted through the eastern tunnel until the spring.")


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def one(path: Path):
    loaded = ingest([path])
    assert loaded.problems == []
    assert len(loaded.articles) == 1
    return loaded.articles[0]


def problems_of(path: Path) -> list[str]:
    loaded = ingest([path])
    assert loaded.articles == []
    return [str(p) for p in loaded.problems]


# ---------------------------------------------------------------- text and Markdown

def test_text_file(tmp_path):
    article = one(write(tmp_path, "bridge.txt", BODY))
    assert article.text == BODY
    assert article.title == "The city council voted on Tuesday to close the old harbour bridge for repairs"
    assert article.content_hash == content_hash(article.title, BODY)
    assert article.id == article.content_hash[:16]
    assert article.published is None and article.source is None


def test_text_file_with_headline_first_line(tmp_path):
    article = one(write(tmp_path, "a.txt", "Harbour bridge to close\n\n" + BODY))
    assert article.title == "Harbour bridge to close"


def test_a_saved_files_name_dates_it_when_its_text_does_not(tmp_path):
    dated = tmp_path / "2020-01-31"
    dated.mkdir()
    assert one(write(dated, "herald_2024-03-05_bridge.txt", BODY)).published == "2024-03-05"
    assert one(write(dated, "bridge.txt", BODY)).published is None  # a folder's date is not the file's
    assert one(write(tmp_path, "herald_2024-02-30_bridge.txt", BODY)).published is None  # no such day
    front = "---\ntitle: Bridge closes\ndate: 2024-03-04\n---\n" + BODY
    assert one(write(tmp_path, "herald_2024-03-05_bridge.md", front)).published == "2024-03-04"  # the text's own
    dump = write(tmp_path, "2024-03-05.jsonl", json.dumps({"id": "a", "text": BODY}))
    assert one(dump).published is None  # many articles in one file: its name dates none of them


def test_markdown_front_matter(tmp_path):
    source = ('---\ntitle: "Bridge closes"\ndate: 2024-03-05\nsource: Harbour Herald\n'
              "url: https://example.org/bridge\n---\n" + BODY)
    article = one(write(tmp_path, "a.md", source))
    assert (article.title, article.published, article.source, article.url) == (
        "Bridge closes", "2024-03-05", "Harbour Herald", "https://example.org/bridge")
    assert article.text == BODY


def test_markdown_front_matter_values_over_several_lines(tmp_path):
    source = ('---\ntitle: "Council shuts the harbour bridge;\n  repairs to take a year"\n'
              "source: Harbour\n  Herald\ntags:\n  - ports\ndate: 2024-03-05\n---\n" + BODY)
    article = one(write(tmp_path, "a.md", source))
    assert (article.title, article.source, article.published) == (
        "Council shuts the harbour bridge; repairs to take a year", "Harbour Herald", "2024-03-05")


def test_markdown_heading_gives_title(tmp_path):
    article = one(write(tmp_path, "a.md", "# Bridge *closes*\n\n" + BODY))
    assert article.title == "Bridge *closes*"
    assert article.text.startswith("# Bridge")


def test_markdown_unclosed_front_matter_is_text(tmp_path):
    article = one(write(tmp_path, "a.md", "---\ntitle: x\n" + BODY))
    assert article.text.startswith("---\ntitle: x\n")


# ---------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html><html><head><title>Bridge closes | Harbour Herald</title>
<meta property="og:title" content="Harbour bridge closes for repairs">
<meta property="og:site_name" content="Harbour Herald">
<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">
<link rel="canonical" href="https://example.org/bridge"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li>Subscribe now</li></ul></nav>
<article><h1>Harbour bridge closes for repairs</h1>
<p>The city council voted on Tuesday to close the old harbour bridge for repairs, after engineers said the
“main span” had corroded faster than anyone expected during the last inspection.</p>
<p>Traffic will be diverted through the eastern tunnel until the spring, the council said in a statement
published on its website on Tuesday evening.</p></article>
<footer>© 2024 Harbour Herald. All rights reserved. Cookie settings.</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    article = one(write(tmp_path, "bridge.html", PAGE))
    assert article.title == "Harbour bridge closes for repairs"
    assert article.source == "Harbour Herald"
    assert article.url == "https://example.org/bridge"
    assert article.published == "2024-03-05"
    assert "“main span” had corroded" in article.text
    for boilerplate in ("Subscribe now", "Cookie settings", "All rights reserved", "Home"):
        assert boilerplate not in article.text


def test_html_malformed_still_yields_text(tmp_path):
    broken = "<html><body><div><p>The council voted <b>to close <i>the bridge, officials said on Monday in a " \
             "statement that ran to several paragraphs of careful legal language about the repairs.<p>More"
    article = one(write(tmp_path, "broken.htm", broken))
    assert "The council voted" in article.text


def test_html_without_text_is_a_problem(tmp_path):
    assert problems_of(write(tmp_path, "empty.html", "<html><body><script>x()</script></body></html>")) == [
        f"{tmp_path / 'empty.html'}: no article text in the page"]


# ---------------------------------------------------------------- JSON and JSON Lines

def test_json_object(tmp_path):
    record = {"id": "a1", "title": "Bridge", "body": BODY, "date": "2024-03-05", "source": "Herald",
              "link": "https://example.org/b"}
    article = one(write(tmp_path, "a.json", json.dumps(record)))
    assert (article.id, article.title, article.text, article.published, article.source, article.url) == (
        "a1", "Bridge", BODY, "2024-03-05", "Herald", "https://example.org/b")


def test_json_array_and_text_kept_exactly(tmp_path):
    texts = ["First\u00a0story:  “quoted”  text\twith tabs.\n\nSecond paragraph.", "Another one, café."]
    write(tmp_path, "a.json", json.dumps([{"content": t} for t in texts]))
    loaded = ingest([tmp_path])
    assert [a.text for a in loaded.articles] == texts


def test_headline_only_records_kept_apart(tmp_path):
    lines = [json.dumps({"title": t}) for t in ("Bridge closes", "Ferry delayed")]
    loaded = ingest([write(tmp_path, "heads.jsonl", "\n".join(lines))])
    assert [(a.title, a.text) for a in loaded.articles] == [("Bridge closes", ""), ("Ferry delayed", "")]
    assert loaded.articles[0].content_hash != loaded.articles[1].content_hash
    # never silently: the row is marked partial, and the problems view says where and why
    assert loaded.articles[1].caveat == "line 2: no text (none of the fields text, body, content), the headline only"
    assert not loaded.problems


def test_a_file_named_with_a_suffix_brief_does_not_read_gets_a_line(tmp_path):
    named = write(tmp_path, "notes.dat", "A line of notes.\nAnother line.")
    assert problems_of(named) == [f"{named}: .dat is not a format brief reads (.txt, .md, .html, .json, .jsonl, "
                                  ".xml); rename it .txt to read it as text"]
    write(tmp_path, "story.txt", BODY)
    assert ingest([tmp_path]).problems == []  # a folder's walk passes it by quietly
    page = write(tmp_path, "story.php", "<html><body><article><p>The harbour bridge closed on Tuesday for repairs "
                                        "after engineers found corrosion.</p></article></body></html>")
    assert one(page).text.startswith("The harbour bridge closed")  # its content is a format: read as that


def test_same_text_under_two_ids_is_two_records_but_a_copied_file_is_one(tmp_path):
    lines = [json.dumps({"id": i, "text": BODY}) for i in ("wire-1", "wire-2")]
    write(tmp_path, "a/ids.jsonl", "\n".join(lines))
    write(tmp_path, "b/one.txt", BODY)
    write(tmp_path, "c/copy.txt", BODY)
    assert [a.id for a in ingest([tmp_path]).articles] == ["wire-1", "wire-2", content_hash(
        "The city council voted on Tuesday to close the old harbour bridge for repairs", BODY)[:16]]


def test_json_news_api_source_object(tmp_path):
    record = {"text": BODY, "source": {"id": "h", "name": "Harbour Herald"}}
    assert one(write(tmp_path, "a.json", json.dumps(record))).source == "Harbour Herald"


def test_a_jsonl_line_cut_inside_a_string_says_so_whole(tmp_path):
    path = write(tmp_path, "cut.jsonl", json.dumps({"id": "1", "text": "One story."}) + '\n{"id": "2", "text": "Cut\n')
    [problem] = ingest([path]).problems
    assert problem.reason == "line 2: invalid JSON at column 21: Unterminated string"


def test_jsonl_bad_lines_reported_and_rest_loaded(tmp_path):
    lines = [json.dumps({"id": "1", "text": "One story about the bridge."}), "{not json",
             json.dumps({"id": "3", "source": "no text, no title"}), json.dumps({"id": "4", "text": ["a", "list"]}),
             json.dumps(["not", "an", "object"]), json.dumps({"id": "6", "text": "Another story here."})]
    path = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    loaded = ingest([path])
    assert [a.id for a in loaded.articles] == ["1", "6"]
    reasons = [p.reason for p in loaded.problems]
    assert reasons == [
        "line 2: invalid JSON at column 2: Expecting property name enclosed in double quotes",
        "line 3: no text (one of the fields text, body, content) and no title",
        "line 4: the text field holds an array, not a string",
        "line 5: expected an object, found an array",
    ]
    assert all(p.path == str(path) for p in loaded.problems)


def test_json_malformed_and_wrong_shapes(tmp_path):
    assert problems_of(write(tmp_path, "a.json", '{"text": "x",')) == [
        f"{tmp_path / 'a.json'}: invalid JSON at line 1 column 14: Expecting property name enclosed in double quotes"]
    assert problems_of(write(tmp_path, "b.json", "42")) == [
        f"{tmp_path / 'b.json'}: JSON holds a int, not an object or an array of objects"]
    assert problems_of(write(tmp_path, "c.json", json.dumps({"text": "x", "title": {"a": 1}}))) == [
        f"{tmp_path / 'c.json'}: the field 'title' holds an object, not a string"]


def test_json_deep_nesting_is_a_problem(tmp_path):
    path = write(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000)
    [problem] = problems_of(path)
    assert "nested too deeply" in problem


# ---------------------------------------------------------------- feeds

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Herald</title><link>https://example.org</link>
<item><title>Bridge closes</title><link>https://example.org/1</link><guid>urn:1</guid>
<pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
<description>&lt;p&gt;The council voted to &lt;b&gt;close&lt;/b&gt; the bridge.&lt;/p&gt;
&lt;p&gt;Repairs follow.&lt;/p&gt;</description></item>
<item><title>Tunnel opens</title><link>https://example.org/2</link>
<pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate><description>The eastern tunnel opened to traffic.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Port Bulletin</title>
<entry><title>Ferry delayed</title><link href="https://example.org/ferry"/><id>tag:x,2024:1</id>
<updated>2024-03-07T08:00:00Z</updated>
<content type="html">&lt;p&gt;The morning ferry was delayed by fog.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_items(tmp_path):
    loaded = ingest([write(tmp_path, "herald.rss", RSS)])
    assert loaded.problems == []
    first, second = loaded.articles
    assert (first.title, first.url, first.source, first.id) == ("Bridge closes", "https://example.org/1",
                                                                "Harbour Herald", "urn:1")
    assert first.published == "2024-03-05T09:30:00+00:00"
    assert first.text == "The council voted to close the bridge.\nRepairs follow."
    assert second.text == "The eastern tunnel opened to traffic."


def test_atom_entry(tmp_path):
    article = one(write(tmp_path, "port.atom", ATOM))
    assert (article.title, article.source, article.url) == ("Ferry delayed", "Port Bulletin",
                                                            "https://example.org/ferry")
    assert article.published == "2024-03-07T08:00:00+00:00"
    assert article.text == "The morning ferry was delayed by fog."


def test_feed_detected_by_content(tmp_path):
    loaded = ingest([write(tmp_path, "feed.txt", RSS)])
    assert [a.title for a in loaded.articles] == ["Bridge closes", "Tunnel opens"]


def test_malformed_feed(tmp_path):
    [problem] = problems_of(write(tmp_path, "bad.xml", "<rss><channel><title>x</title>"))
    assert problem.startswith(f"{tmp_path / 'bad.xml'}: ")


def test_feed_entity_expansion_refused(tmp_path):
    laughs = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
              "<rss><channel><title>t</title><item><title>&b;</title><description>&b;</description></item>"
              "</channel></rss>")
    [problem] = problems_of(write(tmp_path, "laughs.xml", laughs))
    assert "entity" in problem


# ---------------------------------------------------------------- folders, cleaning, errors

def test_folder_recursive_sorted_hidden_skipped_and_duplicates_once(tmp_path):
    write(tmp_path, "b.txt", "Second story about a ferry.")
    write(tmp_path, "a/inner.md", "First story about a bridge.")
    write(tmp_path, "c/copy.txt", "Second story about a ferry.")
    write(tmp_path, ".hidden/x.txt", "Hidden.")
    write(tmp_path, "notes.csv", "a,b")
    loaded = ingest([tmp_path])
    assert [a.text for a in loaded.articles] == ["First story about a bridge.", "Second story about a ferry."]
    assert loaded.problems == []


def test_control_characters_and_escapes_stripped_from_every_field(tmp_path):
    record = {"title": "Big\x1b[2J news\x07", "text": "Body\x1b]0;pwned\x07 text\u202e here\r\nend",
              "source": "\x1b[31mHerald", "url": "https://x\x00.org"}
    article = one(write(tmp_path, "a.json", json.dumps(record)))
    assert (article.title, article.text, article.source, article.url) == (
        "Big news", "Body text\ufffd here\nend", "Herald", "https://x.org")  # the override marked, not hidden


def test_missing_paths_empty_binary_and_broken_links_each_one_line(tmp_path):
    good = write(tmp_path, "good.txt", BODY)
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "dangling.txt")
    loaded = ingest([tmp_path, tmp_path / "missing.txt"])
    assert [a.text for a in loaded.articles] == [good.read_text()]
    assert sorted(str(p) for p in loaded.problems) == sorted([
        f"{tmp_path / 'dangling.txt'}: broken symbolic link",
        f"{tmp_path / 'empty.txt'}: empty file",
        f"{tmp_path / 'image.txt'}: binary file (NUL bytes), not text",
        f"{tmp_path / 'missing.txt'}: no such file or directory",
    ])


def test_symlink_loop_ends(tmp_path):
    write(tmp_path, "d/a.txt", BODY)
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    assert len(ingest([tmp_path]).articles) == 1


def test_size_limit(tmp_path):
    path = write(tmp_path, "big.txt", "word " * 1000)
    [problem] = ingest([path], max_bytes=1000).problems
    assert "over the size limit" in problem.reason


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", BODY)

    def refuse(*args, **kwargs):  # chmod 0 does not stop root, who runs CI
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("core.ingest.open", refuse, raising=False)
    assert problems_of(path) == [f"{path}: permission denied"]


def test_file_name_with_newline_and_escape_is_one_line(tmp_path):
    path = write(tmp_path, "bad\nname\x1b[31m.txt", "")
    [problem] = problems_of(path)
    assert "\n" not in problem and "\x1b" not in problem


@pytest.mark.parametrize(("text", "title"), [
    ("Short headline\nBody text follows here.", "Short headline"),
    ("One long first sentence that goes on and on about the harbour bridge and the council and the repairs "
     "that will take until the spring. Second.", "One long first sentence that goes on and on about the harbour "
                                                 "bridge and the council and…"),
    ("", None),
    # an abbreviation ends no sentence: the title is not cut at it
    ("Rep. Ann Lee to back the harbour plan.\n\nBody text follows here.", "Rep. Ann Lee to back the harbour plan"),
    ("Council sets date for the N.Y. harbour vote. Body text follows.", "Council sets date for the N.Y. harbour vote"),
])
def test_derived_titles(text, title):
    assert derive_title(text) == title


def test_folder_without_articles_is_reported(tmp_path):
    write(tmp_path, "data.csv", "a,b")
    assert [str(p) for p in ingest([tmp_path]).problems] == [f"{tmp_path}: no article files in this folder"]


def test_json_lone_surrogate_escape_is_replaced(tmp_path):
    article = one(write(tmp_path, "s.json", '{"title": "Bad \\ud800 title", "text": "Text \\udc00 here."}'))
    assert (article.title, article.text) == ("Bad title", "Text \ufffd here.")


# ---------------------------------------------------------------- hostile and broken input, one case a test

def test_200_mb_text_file_is_skipped_with_the_limit_named(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:  # sparse: 200 MB on paper, no time or disk spent writing it
        f.truncate(200 * 2**20)
    write(tmp_path, "small.txt", BODY)
    loaded = ingest([tmp_path])
    assert [a.title for a in loaded.articles] == [one(tmp_path / "small.txt").title]
    assert [str(p) for p in loaded.problems] == [
        f"{huge}: 200 MB is over the size limit of 50 MB (raise it with --max-size, or max_size in config.toml)"]
    assert ingest([huge], max_bytes=300 * 2**20).problems[0].reason != loaded.problems[0].reason


@pytest.mark.parametrize("field", ["id", "title", "text", "source", "url", "published"])
@pytest.mark.parametrize("value", [{"a": 1}, ["x"], True])
def test_json_wrong_type_in_any_field_is_one_line_naming_it(tmp_path, field, value):
    record = {"id": "r1", "title": "Bridge", "text": BODY, "source": "Herald", "url": "https://e.org/1",
              "published": "2024-03-05", field: value}
    if field == "source" and isinstance(value, dict):  # a news API's source object: its name, here none
        record["source"] = {"name": ["x"]}
    path = write(tmp_path, "r.jsonl", json.dumps(record) + "\n" + json.dumps({"text": "The next story."}) + "\n")
    loaded = ingest([path])
    assert [a.text for a in loaded.articles] == ["The next story."]
    [problem] = loaded.problems
    assert str(problem).startswith(f"{path}: line 1: the ") and problem.reason.count("\n") == 0
    assert f"'{field}'" in problem.reason or (field == "text" and "text field" in problem.reason)


def test_json_numbers_in_string_fields_are_read_as_text(tmp_path):
    record = {"id": 42, "title": 1984, "text": BODY, "published": "2024-03-05"}
    article = one(write(tmp_path, "n.json", json.dumps(record)))
    assert (article.id, article.title) == ("42", "1984")


def test_truncated_json_lines_keeps_the_whole_lines(tmp_path):
    lines = [json.dumps({"id": str(i), "text": f"Story number {i} about the harbour."}) for i in range(3)]
    data = "\n".join(lines)
    path = write(tmp_path, "cut.jsonl", data[: len(data) - 12])  # the last record cut off mid-string
    loaded = ingest([path])
    assert [a.id for a in loaded.articles] == ["0", "1"]
    [problem] = loaded.problems
    assert problem.reason.startswith("line 3: invalid JSON")


def test_truncated_json_file_is_one_problem(tmp_path):
    data = json.dumps([{"text": BODY}, {"text": BODY + " Again."}])
    [problem] = problems_of(write(tmp_path, "cut.json", data[:-20]))
    assert problem.startswith(f"{tmp_path / 'cut.json'}: invalid JSON at line 1")


def test_truncated_html_keeps_the_text_before_the_cut(tmp_path):
    page = ("<!doctype html><html><head><title>Harbour bridge to close</title></head><body><article>"
            f"<h1>Harbour bridge to close</h1><p>{BODY}</p><p>Officials said the repairs would take a yea")
    article = one(write(tmp_path, "cut.html", page + "r.</p></article></body></html>"[:3]))
    assert article.title == "Harbour bridge to close"
    assert "The city council voted on Tuesday" in article.text


def test_feed_external_entity_refused_and_nothing_read(tmp_path):
    secret = write(tmp_path, "secret.txt", "TOP SECRET")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
           "<rss><channel><title>t</title><item><title>&xxe;</title><description>&xxe;</description></item>"
           "</channel></rss>")
    [problem] = problems_of(write(tmp_path, "xxe.rss", xxe))
    assert "entity" in problem and "TOP SECRET" not in problem


def test_billion_laughs_refused_quickly_whatever_the_suffix(tmp_path):
    levels = ['<!ENTITY l0 "lol">'] + [f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    bomb = (f'<?xml version="1.0"?><!DOCTYPE rss [{"".join(levels)}]>'
            "<rss><channel><title>t</title><item><title>&l9;</title><description>&l9;</description></item>"
            "</channel></rss>")
    for name in ("bomb.xml", "bomb.txt", "bomb.atom"):
        [problem] = problems_of(write(tmp_path, name, bomb))
        assert "entity" in problem
