import os
import sqlite3
from pathlib import Path

import pytest

from core.article import Article, content_hash
from core.store import SCHEMA_VERSION, Review, Store, StoreError


def article(text: str, path: str = "a.txt") -> Article:
    digest = content_hash("Title", text)
    return Article(digest[:16], "Title", "Source", None, "2024-03-05", text, path, digest)


def test_migration_from_empty_creates_schema(tmp_path):
    db = tmp_path / "s.sqlite"
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION == 4
    tables = {r[0] for r in sqlite3.connect(db).execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "extractions", "review", "tags"} <= tables
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_does_not_migrate_again(tmp_path):
    db = tmp_path / "s.sqlite"
    with Store(db) as store:
        store.set_note("h1", "kept")
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.review("h1").note == "kept"


def test_migration_1_to_2_keeps_review_state_and_adds_settings(tmp_path):
    from core.store import MIGRATIONS

    db = tmp_path / "s.sqlite"
    con = sqlite3.connect(db)
    for statement in MIGRATIONS[0]:
        con.execute(statement)
    con.execute("INSERT INTO review VALUES ('h1', 'flagged', 'note from v1', 't', 't')")
    con.execute("INSERT INTO tags VALUES ('h1', 'ports')")
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.review("h1") == Review("flagged", ("ports",), "note from v1", "t")
        assert store.setting("theme") is None
        store.set_setting("theme", "brief-light")
    with Store(db) as store:
        assert store.setting("theme") == "brief-light"


def test_migration_2_to_3_keeps_articles_and_adds_their_caveat(tmp_path):
    from core.store import MIGRATIONS

    db = tmp_path / "s.sqlite"
    con = sqlite3.connect(db)
    for statement in MIGRATIONS[0] + MIGRATIONS[1]:
        con.execute(statement)
    con.execute("INSERT INTO articles VALUES ('h1', 'a1', 'Bridge closes', 'Herald', NULL, '2024-03-05', 'a.txt', "
                "'The council voted.', 't', 't')")
    con.execute("PRAGMA user_version = 2")
    con.commit()
    con.close()
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        [old] = store.articles()
        assert (old.title, old.text, old.caveat) == ("Bridge closes", "The council voted.", None)
        thin = article("A gallery caption.", "thin.html")
        thin = Article(thin.id, thin.title, thin.source, thin.url, thin.published, thin.text, thin.path,
                       thin.content_hash, "text is only 18 characters")
        store.put_articles([thin])
        store.set_listing(["thin.html"], [thin])
    with Store(db) as store:
        assert {a.caveat for a in store.articles()} == {None, "text is only 18 characters"}
        assert [a.caveat for a in store.listing(["thin.html"])] == ["text is only 18 characters"]


def test_migration_3_to_4_keeps_articles_and_review_and_adds_feed_state(tmp_path):
    from core.store import MIGRATIONS, FeedItem

    db = tmp_path / "s.sqlite"
    con = sqlite3.connect(db)
    for statement in MIGRATIONS[0] + MIGRATIONS[1] + MIGRATIONS[2]:
        con.execute(statement)
    con.execute("INSERT INTO articles VALUES ('h1', 'a1', 'Bridge closes', 'Herald', NULL, '2024-03-05', 'a.txt', "
                "'The council voted.', 't', 't', NULL)")
    con.execute("INSERT INTO review VALUES ('h1', 'flagged', 'kept', 't', 't')")
    con.execute("PRAGMA user_version = 3")
    con.commit()
    con.close()
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [a.title for a in store.articles()] == ["Bridge closes"]
        assert store.review("h1").note == "kept"
        assert store.feed_states() == {}
        item = article("Fetched from a feed.", "https://f.example/rss")
        store.put_feed("https://f.example/rss", [FeedItem("guid-1", "said", item)], title="F", etag='"e"')
        store.put_feed("https://g.example/rss", [], error="HTTP 500")
    with Store(db) as store:
        states = store.feed_states()
        assert (states["https://f.example/rss"].etag, states["https://f.example/rss"].items) == ('"e"',
                                                                                               {"guid-1": "said"})
        assert states["https://g.example/rss"].error == "HTTP 500"
        assert [a.text for a in store.feed_articles(["https://f.example/rss"])] == ["Fetched from a feed."]


def test_newer_schema_refused_with_clear_error(tmp_path):
    db = tmp_path / "s.sqlite"
    sqlite3.connect(db).execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer brief"):
        Store(db)


def test_not_a_database(tmp_path):
    db = tmp_path / "s.sqlite"
    db.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a database"):
        Store(db)


def test_review_state_persists_and_survives_a_moved_file(tmp_path):
    db = tmp_path / "s.sqlite"
    a = article("A story.")
    with Store(db) as store:
        store.put_articles([a])
        store.set_status(a.content_hash, "flagged")
        store.set_tags(a.content_hash, ["ports", " infra ", "ports", ""])
        store.set_note(a.content_hash, "line one\nline two")
    moved = article("A story.", path="elsewhere/b.txt")
    with Store(db) as store:
        store.put_articles([moved])
        assert store.review(moved.content_hash) == Review("flagged", ("infra", "ports"), "line one\nline two",
                                                          store.review(moved.content_hash).updated_at)
        assert [x.path for x in store.articles()] == ["elsewhere/b.txt"]


def test_unknown_status_rejected_and_nothing_written(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        with pytest.raises(ValueError):
            store.set_status("h", "archived")
        assert store.reviews() == {}


def test_tags_without_status_read_back(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        store.set_tags("h", ["a"])
        assert store.reviews() == {"h": Review(tags=("a",))}


def test_analyses_keyed_by_version_and_context(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        store.put_analyses([("h1", "c1", {"k": 1}), ("h2", "c1", {"k": 2})], "v1")
        assert store.get_analyses([("h1", "c1"), ("h2", "c1"), ("h1", "c2")], "v1") == {
            ("h1", "c1"): {"k": 1}, ("h2", "c1"): {"k": 2}}
        assert store.get_analyses([("h1", "c1")], "v2") == {}


def test_many_analyses_looked_up_in_chunks(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        store.put_analyses([(f"h{i}", "c", {"i": i}) for i in range(1000)], "v")
        found = store.get_analyses([(f"h{i}", "c") for i in range(1000)], "v")
        assert len(found) == 1000 and found[("h999", "c")] == {"i": 999}


def test_failed_transaction_rolls_back(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        store.set_note("h", "before")
        with pytest.raises(RuntimeError), store._transaction() as db:
            db.execute("UPDATE review SET note = 'half' WHERE content_hash = 'h'")
            raise RuntimeError("crash mid-write")
        assert store.review("h").note == "before"


def _writer(db: str, kind: str, count: int) -> None:
    with Store(db) as store:
        for i in range(count):
            if kind == "notes":
                store.set_note(f"h{i}", f"note {i}")
            else:
                store.set_status(f"h{i}", "flagged")


def test_two_processes_on_one_database_lose_nothing(tmp_path):
    import multiprocessing

    db = str(tmp_path / "shared.sqlite")
    Store(db).close()
    writers = [multiprocessing.Process(target=_writer, args=(db, kind, 200)) for kind in ("notes", "flags")]
    for w in writers:
        w.start()
    for w in writers:
        w.join(60)
        assert w.exitcode == 0
    with Store(db) as store:
        reviews = store.reviews()
    assert len(reviews) == 200
    assert all(r.status == "flagged" and r.note == f"note {h[1:]}" for h, r in reviews.items())


def test_full_disk_refuses_the_write_with_the_reason_and_keeps_the_old_state(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        store.set_note("h", "before")
        pages = store._db.execute("PRAGMA page_count").fetchone()[0]
        store._db.execute(f"PRAGMA max_page_count = {pages}")  # what SQLite sees when the disk is full
        with pytest.raises(StoreError, match="not saved: the disk is full"):
            store.set_note("h", "x" * 100_000)
        assert store.review("h").note == "before"
        store._db.execute("PRAGMA max_page_count = 1073741823")  # space freed: the same write goes through
        store.set_note("h", "x" * 100_000)
        assert store.review("h").note == "x" * 100_000


def test_newer_schema_is_browsed_read_only(tmp_path):
    from core.store import open_for_browsing

    db = tmp_path / "s.sqlite"
    with Store(db) as store:
        store.put_articles([article("A story.")])
        store.set_status(article("A story.").content_hash, "flagged")
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.execute("CREATE TABLE later_feature (x)")  # what a newer brief adds; the tables this one reads remain
    con.commit()
    con.close()
    store, problem = open_for_browsing(db)
    with store:
        assert store.read_only
        assert "newer brief" in problem and "read-only" in problem
        assert [a.text for a in store.articles()] == ["A story."]
        assert store.review(article("A story.").content_hash).status == "flagged"
        with pytest.raises(StoreError, match="not saved: the database is read-only"):
            store.set_note("h", "lost?")
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1


@pytest.mark.parametrize("make", ["garbage", "under_a_file"])
def test_unusable_database_leaves_an_empty_store_in_memory(tmp_path, make):
    from core.store import open_for_browsing

    if make == "garbage":
        db = tmp_path / "s.sqlite"
        db.write_bytes(b"not sqlite" * 500)
    else:
        (tmp_path / "file").write_text("x")
        db = tmp_path / "file" / "s.sqlite"  # no directory can be made here, not even by root
    store, problem = open_for_browsing(db)
    with store:
        assert store.path == ":memory:" and "nothing will be saved" in problem and str(db) in problem
        store.set_note("h", "kept for the session")
        assert store.review("h").note == "kept for the session"


_BROWSE_READ_ONLY = """
import sys
from core.store import open_for_browsing
store, problem = open_for_browsing(sys.argv[1])
print(problem)
print(store.read_only, store.review("h").status)
try:
    store.set_note("h", "x")
except Exception as exc:
    print(exc)
"""


def test_read_only_disk_is_browsed_read_only(tmp_path):
    """Root writes to read-only files, so as root the check runs as nobody, in a directory nobody can write."""
    import shutil
    import subprocess
    import sys
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="brief-ro-"))
    try:
        db = folder / "s.sqlite"
        with Store(db) as store:
            store.set_status("h", "flagged")
        db.chmod(0o444)
        folder.chmod(0o555)
        command = [sys.executable, "-c", _BROWSE_READ_ONLY, str(db)]
        if os.geteuid() == 0:
            if not shutil.which("setpriv"):
                pytest.skip("running as root without setpriv to drop to another user")
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        root = str(Path(__file__).resolve().parents[1])
        out = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd="/",
                             env={**os.environ, "PYTHONPATH": root})
        assert out.returncode == 0, out.stderr
        problem, state, refusal = out.stdout.splitlines()
        assert problem.endswith("browsing it read-only, changes will not be saved")
        assert state == "True flagged"
        assert refusal.endswith("not saved: the database is read-only")
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def test_listing_gives_back_the_same_articles_in_order(tmp_path):
    a, b = article("First story."), article("Second story.", path="b.txt")
    twin = Article("wire-2", a.title, a.source, a.url, a.published, a.text, a.path, a.content_hash)
    listed = [b, a, twin]
    with Store(tmp_path / "s.sqlite") as store:
        store.put_articles(listed)
        store.set_listing(["in/folder"], listed)
        assert store.listing(["in/folder"]) == listed
        assert store.listing(["in/other"]) == [] and store.listing(["in/folder", "x"]) == []


def test_a_briefing_read_back_from_the_cache_says_so(tmp_path):
    from core.pipeline import iter_extract

    text = "The council voted on Tuesday to close the harbour bridge. “It is unsafe,” said Mayor Ana Ruiz."
    article = Article("bridge", "Bridge closes", None, None, "2024-03-05", text, None,
                      content_hash("Bridge closes", text))
    store = Store(tmp_path / "cache.sqlite")
    [fresh] = iter_extract([article], store=store)
    [again] = iter_extract([article], store=store)
    assert not fresh.from_cache and again.from_cache
    assert again == fresh  # the mark is no part of the result
