import json
import sqlite3
import subprocess
import sys

from conftest import ROOT, run_brief

from core.locations import seeds_dir

SEED = next(seeds_dir().glob("*.txt"))


def lines(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


def test_extract_seed_follows_the_schema(schema_validator):
    result = run_brief("extract", str(seeds_dir()))
    assert result.returncode == 0, result.stderr
    [briefing] = lines(result)
    schema_validator.validate(briefing)
    assert briefing["text"] == SEED.read_text(encoding="utf-8")
    phrases = [k["phrase"] for k in briefing["keyphrases"]]
    assert len(phrases) == 10 and "Kim Jong-un" in phrases
    scores = [k["score"] for k in briefing["keyphrases"]]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)


def test_extract_json_and_markdown_formats(tmp_path, schema_validator):
    (tmp_path / "a.txt").write_text("Harbour bridge closes\n\nThe council voted to close the harbour bridge.")
    (tmp_path / "b.txt").write_text("Ferry delayed\n\nFog delayed the morning ferry across the bay.")
    result = run_brief("extract", "--format", "json", str(tmp_path))
    array = json.loads(result.stdout)
    assert [b["title"] for b in array] == ["Harbour bridge closes", "Ferry delayed"]
    for briefing in array:
        schema_validator.validate(briefing)
    markdown = run_brief("extract", "--format", "md", str(tmp_path)).stdout.decode()
    assert "## Harbour bridge closes" in markdown and "## Ferry delayed" in markdown
    assert "**Keyphrases:**" in markdown


def test_bad_input_one_line_each_and_the_rest_processed(tmp_path):
    (tmp_path / "good.txt").write_text("A good story about the harbour.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bad.json").write_text("{nope")
    result = run_brief("extract", str(tmp_path), str(tmp_path / "missing.md"))
    assert result.returncode == 1
    assert [b["text"] for b in lines(result)] == ["A good story about the harbour."]
    assert result.stderr.decode().splitlines() == [
        f"brief: {tmp_path / 'bad.json'}: invalid JSON at line 1 column 2: "
        "Expecting property name enclosed in double quotes",
        f"brief: {tmp_path / 'empty.txt'}: empty file",
        f"brief: {tmp_path / 'missing.md'}: no such file or directory",
    ]


def test_usage_errors_exit_2():
    assert run_brief("extract").returncode == 2
    assert run_brief("extract", "--format", "xml", str(SEED)).returncode == 2
    bad_date = run_brief("extract", "--published", "someday", str(SEED))
    assert bad_date.returncode == 2 and b"is not a readable date" in bad_date.stderr


def test_stdin_jsonl_and_published_anchor(tmp_path):
    data = "\n".join(json.dumps(r) for r in [{"id": "x", "text": "One."}, {"id": "y", "text": "Two.",
                                                                           "published": "2020-01-02"}])
    result = run_brief("extract", "--published", "2024-03-05", "-", stdin=data.encode())
    assert result.returncode == 0
    assert [(b["id"], b["published"]) for b in lines(result)] == [("x", "2024-03-05"), ("y", "2020-01-02")]


def test_output_file_written(tmp_path):
    out = tmp_path / "out.jsonl"
    result = run_brief("extract", "-o", str(out), str(SEED))
    assert result.returncode == 0 and result.stdout == b""
    assert json.loads(out.read_text(encoding="utf-8"))["text"] == SEED.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no temporary file left behind


def test_cache_reused_and_recomputed_for_a_new_version(tmp_path, monkeypatch):
    db = tmp_path / "cache.sqlite"
    run_brief("extract", "--db", str(db), str(SEED))
    rows = sqlite3.connect(db).execute("SELECT extractor_version, analysis FROM extractions").fetchall()
    assert len(rows) == 1
    poisoned = json.loads(rows[0][1])
    poisoned["keyphrases"] = [{"phrase": "from the cache", "score": 1.0}]
    with sqlite3.connect(db) as con:
        con.execute("UPDATE extractions SET analysis = ?", (json.dumps(poisoned),))
    cached = lines(run_brief("extract", "--db", str(db), str(SEED)))[0]
    assert cached["keyphrases"] == [{"phrase": "from the cache", "score": 1.0}]
    fresh = lines(run_brief("extract", "--db", str(db), "--no-cache", str(SEED)))[0]
    assert fresh["keyphrases"][0]["phrase"] != "from the cache"
    with sqlite3.connect(db) as con:
        con.execute("UPDATE extractions SET extractor_version = 'old'")
    recomputed = lines(run_brief("extract", "--db", str(db), str(SEED)))[0]
    assert recomputed["keyphrases"] == fresh["keyphrases"]


def test_unusable_database_still_extracts(tmp_path):
    db = tmp_path / "bad.sqlite"
    db.write_bytes(b"garbage" * 200)
    result = run_brief("extract", "--db", str(db), str(SEED))
    assert result.returncode == 0
    assert len(lines(result)) == 1
    assert "continuing without the cache" in result.stderr.decode()


def test_a_record_with_its_headline_only_is_extracted_and_said(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"id": "a", "title": "Bridge shuts", "text": "The harbour bridge shut on Monday."})
                    + "\n" + json.dumps({"id": "b", "title": "Ferry starts"}) + "\n", encoding="utf-8")
    result = run_brief("extract", "--no-cache", str(dump))
    assert result.returncode == 0
    assert [line["id"] for line in lines(result)] == ["a", "b"]
    assert result.stderr.decode().strip() == (
        f"brief: {dump}: line 2: no text (none of the fields text, body, content), the headline only")


def test_extract_imports_no_ui_library():
    code = ("import sys\n"
            f"from tui.cli import main\nmain(['extract', '--no-cache', {str(SEED)!r}])\n"
            "assert 'textual' not in sys.modules and 'rich' not in sys.modules, 'UI library imported'\n"
            )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr.decode()


def test_core_imports_with_ui_libraries_blocked():
    code = ("import sys, pkgutil, importlib\n"
            "for name in ('textual', 'rich'): sys.modules[name] = None\n"
            "import core\n"
            "for m in pkgutil.walk_packages(core.__path__, 'core.'): importlib.import_module(m.name)\n"
            "from core.ingest import ingest; from core.pipeline import extract\n"
            "from core.locations import seeds_dir\n"
            "[a] = ingest([seeds_dir()]).articles; assert extract(a).keyphrases\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr.decode()


def test_export_flagged_headless(tmp_path):
    from core.ingest import ingest
    from core.store import Store

    db = tmp_path / "db.sqlite"
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "one.md").write_text("---\ntitle: Bridge closes\n---\nThe council voted to close the bridge.")
    (folder / "two.md").write_text("---\ntitle: Ferry late\n---\nFog delayed the ferry for three hours.")
    articles = ingest([folder]).articles
    with Store(db) as store:
        store.put_articles(articles)
        store.set_status(articles[1].content_hash, "flagged")
        store.set_note(articles[1].content_hash, "# not a heading\n[link](http://x)")
    out = tmp_path / "brief.md"
    result = run_brief("export", "--flagged", "--db", str(db), "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "## Ferry late" in text and "Bridge closes" not in text
    assert "> \\# not a heading" in text and "\\[link\\]\\(http\\://x\\)" in text
    again = run_brief("export", "--db", str(db), "-o", str(out))
    assert again.returncode == 1 and b"exists" in again.stderr
    assert run_brief("export", "--db", str(db), "-o", str(out), "--force").returncode == 0


def test_workers_give_the_same_results_as_one(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(12):
        (folder / f"{i:02d}.txt").write_text(
            f"Story {i}: the council of town {i} voted on Tuesday to close bridge {i}, officials said. "
            f"“We had no choice,” said Mayor Ana Ruiz{i}. Repairs will take {i + 2} months.")
    one = run_brief("extract", "--no-cache", "--workers", "1", str(folder))
    two = run_brief("extract", "--no-cache", "--workers", "2", str(folder))
    assert one.returncode == two.returncode == 0
    assert len(lines(one)) == 12 and one.stdout == two.stdout
