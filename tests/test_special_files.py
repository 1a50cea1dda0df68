"""A FIFO, a device or another special file, in a folder or named directly, is never opened; standard input is
read once (issue 19, 5)."""

import io
import os
import sys
from pathlib import Path

import pytest
from conftest import run_brief

from core.ingest import ingest, load_file


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "good.txt").write_text("The council voted to close the harbour bridge.")
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe.jsonl")
    return tmp_path


def test_a_fifo_in_a_folder_is_one_line_and_the_rest_loads(folder):
    loaded = ingest([folder])  # blocked in open() for good before
    assert [a.text for a in loaded.articles] == ["The council voted to close the harbour bridge."]
    assert sorted(str(p) for p in loaded.problems) == [
        f"{folder / 'pipe.jsonl'}: a named pipe, not a regular file; not read",
        f"{folder / 'pipe.txt'}: a named pipe, not a regular file; not read"]


def test_special_files_named_directly_are_refused(folder):
    for path, kind in [(folder / "pipe.txt", "a named pipe"), (os.devnull, "a character device")]:
        [problem] = list(load_file(Path(path)))
        assert problem.reason == f"{kind}, not a regular file; not read"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_extract_of_fifos_and_endless_devices_ends_with_the_good_file(folder):
    result = run_brief("extract", "--no-cache", str(folder), str(folder / "pipe.txt"), "/dev/zero")
    assert result.returncode == 1
    assert len(result.stdout.decode().splitlines()) == 1
    assert result.stderr.decode().count("not a regular file") == 4


def test_standard_input_is_read_once_and_a_rescan_sees_the_same(monkeypatch):
    reads = []

    class Counting(io.BytesIO):
        def read(self, size=-1):
            reads.append(size)
            return super().read(size)

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(Counting(b"Piped story about the harbour.\n")))
    first = ingest(["-"])
    read_first = len(reads)
    again = ingest(["-"])
    assert [a.text for a in first.articles] == [a.text for a in again.articles] == ["Piped story about the harbour.\n"]
    assert len(reads) == read_first and again.problems == []  # the second ingest read nothing
