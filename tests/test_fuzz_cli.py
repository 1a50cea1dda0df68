"""The command line fuzzed end to end: random bytes and structured hostile documents through every format, random
command-line and config values. No traceback, exit status 0, 1 or 2 only, each stderr line one clean line that
starts `brief`. In process (main() as the console script calls it) so hundreds of runs stay within seconds."""

import contextlib
import io
import json
import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.cli import main

SUFFIXES = [".txt", ".md", ".html", ".json", ".jsonl", ".xml", ".rss", ".atom", ".text", ".htm"]
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE_STRINGS = st.sampled_from([
    "\x1bc", "\x1b[?1049l", "\x1b]0;t\x07", "\x9b2J", "\u202e", "\x00", "\ud800", "[/]", "[@click=app.bell]x[/]",
    "0001-01-01", "9999-12-31", "0000-00-00T00:00:00Z", "1e400", "-1", "NaN", "\n\n", " " * 50, "<!ENTITY x 'y'>",
    "file:///etc/passwd", "../../x", "http://127.0.0.1:9/", "<a ", "<?", "&#0;", "&bogus;", "]]>", "'", '"', "\\"])
TEXTY = st.one_of(st.text(max_size=60), HOSTILE_STRINGS, st.lists(HOSTILE_STRINGS, max_size=4).map("".join))
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | TEXTY,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXTY, inner, max_size=3), max_leaves=8)
FIELDS = ["id", "title", "text", "body", "content", "published", "date", "source", "url", "link", "headline"]


def records():
    return st.dictionaries(st.sampled_from(FIELDS) | TEXTY, JSON_VALUES | TEXTY, max_size=6)


@st.composite
def documents(draw) -> tuple[str, bytes]:
    """A file of one format, built of hostile parts in its own syntax."""
    kind = draw(st.sampled_from(["json", "jsonl", "md", "feed", "html", "text"]))
    if kind == "json":
        value = draw(st.one_of(records(), st.lists(records(), max_size=3), JSON_VALUES))
        return ".json", json.dumps(value).encode()
    if kind == "jsonl":
        lines = draw(st.lists(st.one_of(records().map(json.dumps), TEXTY,
                                        st.just('{"text": "x", "n": ' + "9" * 5000 + "}")), max_size=4))
        return ".jsonl", "\n".join(lines).encode("utf-8", "surrogatepass")
    if kind == "md":
        fields = draw(st.lists(st.tuples(st.sampled_from(["title", "date", "source", "url", "id"]) | TEXTY, TEXTY),
                               max_size=4))
        front = "\n".join(f"{k}: {v}" for k, v in fields)
        return ".md", f"---\n{front}\n---\n{draw(TEXTY)}".encode("utf-8", "surrogatepass")
    if kind == "feed":
        items = "".join(f"<item><title>{draw(TEXTY)}</title><description>{draw(TEXTY)}</description>"
                        f"<pubDate>{draw(TEXTY)}</pubDate><link>{draw(TEXTY)}</link></item>"
                        for _ in range(draw(st.integers(0, 3))))
        encoding = draw(st.sampled_from(["utf-8", "\x1bc", "bogus", "utf-16", "[/]"]))
        return draw(st.sampled_from([".xml", ".rss", ".atom", ".txt"])), (
            f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel><title>{draw(TEXTY)}'
            f"</title>{items}</channel></rss>").encode("utf-8", "surrogatepass")
    if kind == "html":
        parts = draw(st.lists(st.one_of(TEXTY, st.sampled_from(
            ["<p>", "</p>", "<a ", "<?", "<!--", "-->", "<script>", "<meta property='og:title' content='",
             "'>", "<title>", "</title>", "<article>", "<html>", "<body>", "<div " + "a=1 " * 300 + ">"])),
            max_size=12))
        return draw(st.sampled_from([".html", ".htm"])), "".join(parts).encode("utf-8", "surrogatepass")
    return draw(st.sampled_from(SUFFIXES)), draw(TEXTY).encode("utf-8", "surrogatepass")


def run(*argv: str) -> tuple[int, str, str]:
    """main() as the console script runs it: its exit status (argparse's SystemExit included), stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
    return code, out.getvalue(), err.getvalue()


def assert_well_behaved(code: int, stderr: str, *, usage: bool = False) -> None:
    assert code in (0, 1, 2), code
    assert "Traceback" not in stderr
    assert not UNSAFE.findall(stderr.replace("\n", "")), stderr
    lines = stderr.splitlines()
    if code == 2 or usage:
        return  # argparse's usage text, then its one error line
    assert all(line.startswith("brief: ") for line in lines), lines


@pytest.fixture
def home(monkeypatch):
    """A home of its own, and the working directory in it: what a run writes (a store, an export) stays there."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        monkeypatch.chdir(root)
        monkeypatch.setenv("XDG_CONFIG_HOME", str(root / "config"))
        monkeypatch.setenv("XDG_DATA_HOME", str(root / "data"))
        monkeypatch.setenv("BRIEF_DB", str(root / "db.sqlite"))
        yield root


@SETTINGS
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([*SUFFIXES, ""]))
def test_random_bytes_through_every_format(home, data, suffix):
    path = home / f"in{suffix}"
    path.write_bytes(data)
    code, out, err = run("extract", "--no-cache", "--workers", "1", str(path))
    assert_well_behaved(code, err)
    assert code in (0, 1)
    for line in out.splitlines():
        briefing = json.loads(line)
        assert not UNSAFE.findall(briefing["title"] + (briefing["source"] or "") + (briefing["url"] or ""))


@settings(SETTINGS, max_examples=120)
@given(docs=st.lists(documents(), min_size=1, max_size=3))
def test_hostile_documents_through_every_format(home, docs):
    folder = home / "batch"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for number, (suffix, data) in enumerate(docs):
        (folder / f"doc{number}{suffix}").write_bytes(data)
    for fmt in ("jsonl", "md"):
        code, out, err = run("extract", "--no-cache", "--workers", "1", "--format", fmt, str(folder))
        assert_well_behaved(code, err)
        assert code in (0, 1)
        if fmt == "md":
            assert not UNSAFE.findall(out.replace("\n", "").replace("\t", "")), out


OPTION_VALUES = st.one_of(TEXTY, st.sampled_from(["0", "1", "2", "inf", "1e308", "1e-9", "-", "md", "json", "x"]),
                          st.integers().map(str), st.floats().map(str))
OPTIONS = st.lists(st.tuples(st.sampled_from(["--max-size", "--published", "--format", "--workers", "--db",
                                              "--no-cache", "--bogus", "-o"]), OPTION_VALUES), max_size=4)


@settings(SETTINGS, max_examples=100)
@given(options=OPTIONS, subcommand=st.sampled_from(["extract", "export"]))
def test_random_command_lines(home, options, subcommand):
    article = home / "a.txt"
    article.write_text("The council voted to close the harbour bridge on Tuesday.")
    argv = [subcommand]
    for flag, value in options:
        if flag in ("--db", "-o"):
            value = str(home / "out" / re.sub(r"[^A-Za-z0-9.]", "_", value)[:40]) if value != "-" else value
        argv += [flag] if flag == "--no-cache" else [flag, value]
    if subcommand == "extract":
        argv += ["--workers", "1", str(article)]
    else:
        argv += ["-o", "-"] if "-o" not in argv else []
    code, _, err = run(*argv)
    assert_well_behaved(code, err)


def toml_value(value) -> str:
    return json.dumps(value, ensure_ascii=True) if not isinstance(value, float) else (
        {"inf": "inf", "-inf": "-inf", "nan": "nan"}.get(str(value), repr(value)))


CONFIG_VALUES = st.one_of(st.integers(), st.floats(), st.booleans(), TEXTY.filter(lambda s: "\ud800" not in s))


@settings(SETTINGS, max_examples=80)
@given(settings_=st.dictionaries(st.sampled_from(["theme", "database", "export_dir", "max_size", "colour"]),
                                 CONFIG_VALUES, max_size=4),
       keys=st.dictionaries(st.sampled_from(["toggle_flag", "quit", "note", "fly"]) | TEXTY.filter(
           lambda s: "\ud800" not in s), CONFIG_VALUES, max_size=3))
def test_random_config_values(home, settings_, keys):
    config = home / "config" / "brief"
    config.mkdir(parents=True, exist_ok=True)
    for where in ("database", "export_dir"):  # a path, random as it is, inside the home: nothing written outside
        if isinstance(settings_.get(where), str):
            settings_[where] = str(home / "out" / re.sub(r"[^A-Za-z0-9.]", "_", settings_[where])[:40])
    lines = [f"{k} = {toml_value(v)}" for k, v in settings_.items()]
    if keys:
        lines += ["[keys]"] + [f"{json.dumps(k)} = {toml_value(v)}" for k, v in keys.items()]
    (config / "config.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    article = home / "a.txt"
    article.write_text("The council voted to close the harbour bridge on Tuesday.")
    if "database" in settings_:
        os.environ.pop("BRIEF_DB", None)
    for argv in (["extract", "--no-cache", "--workers", "1", str(article)], ["export", "-o", "-"]):
        code, _, err = run(*argv)
        assert_well_behaved(code, err)
