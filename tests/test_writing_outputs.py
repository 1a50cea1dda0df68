"""Exports and `brief extract -o`: atomic over regular files only; devices, pipes and full outputs give one line
(issue 19, 9)."""

import os
import stat
import threading

import pytest
from conftest import run_brief

from core.files import write_atomic

FULL = "/dev/full"


def test_a_regular_file_is_replaced_atomically_and_a_symlink_to_it_kept(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "real.md"]  # no temporary left


def test_a_character_device_is_written_in_place_never_replaced(tmp_path):
    write_atomic(os.devnull, "x" * 100_000)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


@pytest.mark.skipif(not os.path.exists(FULL), reason="no /dev/full here")
def test_a_full_device_is_an_error_and_stays_a_device():
    with pytest.raises(OSError) as caught:
        write_atomic(FULL, "x" * 10)
    assert caught.value.errno == 28
    assert stat.S_ISCHR(os.stat(FULL).st_mode)


def test_a_fifo_with_no_reader_is_refused_at_once_and_one_with_a_reader_gets_the_text(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="nobody reads"):
        write_atomic(fifo, "x")
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo).read()))  # noqa: SIM115
    reader.start()
    for _ in range(200):  # until the reader has the FIFO open
        try:
            write_atomic(fifo, "through the pipe")
            break
        except OSError:
            threading.Event().wait(0.01)
    reader.join(5)
    assert got == ["through the pipe"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(IsADirectoryError):
        write_atomic(tmp_path, "x")


@pytest.mark.skipif(not os.path.exists(FULL), reason="no /dev/full here")
@pytest.mark.parametrize("args", [("export", "-o", "-"), ("extract", "--no-cache", "ARTICLE")])
def test_a_full_stdout_is_one_line(tmp_path, args):
    article = tmp_path / "a.txt"
    article.write_text("The council voted to close the harbour bridge.")
    with open(FULL, "wb") as full:
        import subprocess
        import sys
        result = subprocess.run([sys.executable, "-m", "tui", *[str(article) if a == "ARTICLE" else a for a in args]],
                                stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == ["brief: standard output: cannot write: no space left on device"]


@pytest.mark.skipif(not os.path.exists(FULL), reason="no /dev/full here")
def test_export_to_a_full_device_with_force_keeps_the_device():
    result = run_brief("export", "-o", FULL, "--force")
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [f"brief: {FULL}: cannot write: no space left on device"]
    assert stat.S_ISCHR(os.stat(FULL).st_mode)


def test_extract_to_a_file_it_cannot_write_names_the_file(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The council voted to close the harbour bridge.")
    target = tmp_path / "no" / "such" / "dir.jsonl"
    result = run_brief("extract", "--no-cache", str(article), "-o", str(target))
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [f"brief: {target}: cannot write: no such file or directory"]
