"""Extreme dates, huge JSON numbers and nonsense sizes wherever they enter: one line each, the rest goes on
(issue 19, 2 and 10)."""

import json

import pytest
from conftest import run_brief

from core.ingest import load_bytes
from core.ingest.dates import read_date
from tui.config import load_config

EXTREME = ["0001-01-01", "9999-12-31", "0000-00-00T00:00:00Z"]
BODY = "Two years ago the council voted; next year and in 300 years it ends, the minister said yesterday."


def loaded(data: str, name: str):
    items = list(load_bytes(data.encode(), name, "." + name.rsplit(".", 1)[1]))
    problems = [str(i) for i in items if hasattr(i, "reason")]
    articles = [i for i in items if not hasattr(i, "reason")]
    return articles, problems


@pytest.mark.parametrize("value", EXTREME)
def test_published_on_the_command_line_is_refused_with_a_reason(tmp_path, value):
    (tmp_path / "a.txt").write_text(BODY)
    result = run_brief("extract", "--no-cache", "--published", value, str(tmp_path / "a.txt"))
    assert result.returncode == 2
    assert result.stdout == b""
    last = result.stderr.decode().splitlines()[-1]
    assert last.startswith("brief extract: error: argument --published: published date") and value in last
    assert "Traceback" not in result.stderr.decode()


@pytest.mark.parametrize("value", EXTREME)
def test_front_matter_json_and_feed_dates_out_of_range_are_left_out_with_a_line(value):
    markdown = f"---\ntitle: T\ndate: {value}\n---\n{BODY}\n"
    record = json.dumps({"title": "T", "text": BODY, "published": value})
    rss_date = {"0001-01-01": "Mon, 01 Jan 0001 00:00:00 GMT", "9999-12-31": "Fri, 31 Dec 9999 23:59:59 GMT"}.get(
        value, value)
    feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>T</title>'
            f"<description>{BODY}</description><pubDate>{rss_date}</pubDate></item></channel></rss>")
    for data, name in [(markdown, "a.md"), (record, "a.json"), (record + "\n" + record, "a.jsonl"),
                       (feed, "a.rss")]:
        articles, problems = loaded(data, name)
        assert [a.published for a in articles] == [None] * len(articles) and articles, name
        assert len(problems) == len(articles), name
        assert all("published date" in p and "; left out" in p for p in problems), problems


def test_the_years_accepted():
    assert read_date("1000-01-01") == ("1000-01-01", None)
    assert read_date("8999-12-31T10:00:00Z")[0] == "8999-12-31T10:00:00+00:00"
    assert read_date("0999-12-31")[0] is None and read_date("")[0] is None and read_date("") == (None, None)


def test_extract_goes_on_past_extreme_dates_in_files(tmp_path):
    for n, value in enumerate(EXTREME):
        (tmp_path / f"{n}.md").write_text(f"---\ntitle: T{n}\ndate: {value}\n---\n{BODY}\n")
    (tmp_path / "good.txt").write_text("The council voted to close the harbour bridge.")
    result = run_brief("extract", "--no-cache", str(tmp_path))
    assert result.returncode == 1
    assert len(result.stdout.decode().splitlines()) == 4
    err = result.stderr.decode().splitlines()
    assert len(err) == 3 and all("published date" in line for line in err)


def test_a_json_number_of_5000_digits_is_one_bad_line(tmp_path):
    lines = [json.dumps({"text": "First story about the harbour."}),
             '{"text": "Second", "views": ' + "9" * 5000 + "}",
             json.dumps({"text": "Third story about the ferry."})]
    articles, problems = loaded("\n".join(lines), "a.jsonl")
    assert [a.text for a in articles] == ["First story about the harbour.", "Third story about the ferry."]
    assert problems == ["a.jsonl: line 2: unreadable JSON: Exceeds the limit (4300 digits) for integer string "
                        "conversion: value has 5000 digits"]
    articles, problems = loaded('{"text": "x", "n": ' + "1" * 5000 + "}", "a.json")
    assert articles == [] and len(problems) == 1 and "4300 digits" in problems[0]


@pytest.mark.parametrize("value", ["inf", "1e308", "1e400", "1e-9", "nan", "-1", "0"])
def test_max_size_on_the_command_line_is_refused_with_a_line(tmp_path, value):
    (tmp_path / "a.txt").write_text(BODY)
    result = run_brief("extract", "--no-cache", "--max-size", value, str(tmp_path / "a.txt"))
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.decode().splitlines()[-1] == (
        f"brief extract: error: argument --max-size: '{value}': a size must be a number of megabytes from "
        "0.000001 to 1048576")


@pytest.mark.parametrize("value", ["inf", "1e308", "1e-9", "nan", "-1", "0", "true", '"50"'])
def test_max_size_in_the_config_is_reported_and_the_default_used(tmp_path, value):
    path = tmp_path / "config.toml"
    path.write_text(f"max_size = {value}\n")
    config, problems = load_config(path)
    assert config.max_size is None
    [problem] = problems
    assert problem.startswith(f"{path}: max_size: ") and problem.endswith("; using the default")


def test_a_small_max_size_is_honoured_not_turned_into_the_default(tmp_path):
    (tmp_path / "a.txt").write_text(BODY)
    result = run_brief("extract", "--no-cache", "--max-size", "0.00001", str(tmp_path / "a.txt"))
    assert result.returncode == 1 and "over the size limit" in result.stderr.decode()


def test_database_in_the_config_is_used_by_extract_and_export(tmp_path, monkeypatch):
    from core.store import Store

    monkeypatch.delenv("BRIEF_DB")
    db = tmp_path / "configured.sqlite"
    config = tmp_path / "home" / "config" / "brief"
    config.mkdir(parents=True)
    (config / "config.toml").write_text(f'database = "{db}"\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / "config"))
    (tmp_path / "a.txt").write_text("Harbour bridge closes\n\nThe council voted to close the harbour bridge.")
    assert run_brief("extract", str(tmp_path / "a.txt")).returncode == 0
    with Store(db) as store:
        [article] = store.articles()
        store.set_status(article.content_hash, "flagged")
    result = run_brief("export", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert "## Harbour bridge closes" in result.stdout.decode()


@pytest.mark.parametrize("value", ["inf", "nan", "0", "-5", "1e400", "x"])
def test_watch_seconds_out_of_range_are_refused(value):
    result = run_brief("--watch", value)
    assert result.returncode == 2
    assert result.stderr.decode().splitlines()[-1] == (
        f"brief: error: argument --watch: '{value}': a number of seconds from 0.5 to 86400")
