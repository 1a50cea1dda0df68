"""The extraction processes: started safely from a threaded program, bounded per task, stopped at once."""

from __future__ import annotations

import _imp
import os
import threading
import time

import pytest

from core.worker_pool import START_METHOD, PoolClosed, TaskFailed, WorkerPool


def double(x: int) -> int:
    return 2 * x


def sleep_then(seconds: float, value: str) -> str:
    time.sleep(seconds)
    return value


def grow(megabytes: int) -> int:
    return len(bytearray(megabytes * 2**20))


def fail(message: str) -> None:
    raise ValueError(message)


def pid_of_worker() -> int:
    return os.getpid()


def test_the_start_method_never_forks_a_threaded_program():
    assert START_METHOD in ("forkserver", "spawn")


def test_tasks_run_in_other_processes_and_come_back():
    with WorkerPool(double, 2, seconds=30) as pool:
        assert [pool.submit(n).result(timeout=60) for n in range(5)] == [0, 2, 4, 6, 8]
    with WorkerPool(pid_of_worker, 1, seconds=30) as pool:
        assert pool.submit().result(timeout=60) != os.getpid()


def test_a_pool_started_while_another_thread_holds_the_import_lock_still_works():
    """The morning deadlock: a fork taken while a thread held the import lock gave children that lock for ever.
    Here the lock is held while the pool starts its processes; they must still answer."""
    held, release = threading.Event(), threading.Event()

    def hold_import_lock() -> None:
        _imp.acquire_lock()
        held.set()
        release.wait(3)
        _imp.release_lock()

    holder = threading.Thread(target=hold_import_lock)
    holder.start()
    held.wait(5)
    with WorkerPool(double, 2, seconds=30) as pool:
        futures = [pool.submit(n) for n in range(4)]
        release.set()
        assert [f.result(timeout=60) for f in futures] == [0, 2, 4, 6]
    holder.join()


def test_a_task_past_its_time_is_stopped_and_the_others_go_on():
    with WorkerPool(sleep_then, 1, seconds=1.5) as pool:
        slow = pool.submit(60, "never")
        after = pool.submit(0, "after")
        with pytest.raises(TaskFailed, match=r"longer than 1\.5 s"):
            slow.result(timeout=30)
        assert after.result(timeout=60) == "after"


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="the memory bound is enforced on Linux")
def test_a_task_that_outgrows_its_memory_fails_alone():
    with WorkerPool(grow, 1, seconds=60, memory_bytes=256 * 2**20) as pool:
        with pytest.raises(TaskFailed, match="memory"):
            pool.submit(2048).result(timeout=60)
        assert pool.submit(16).result(timeout=60) == 16 * 2**20


def test_an_exception_is_one_task_failed_with_its_reason():
    with WorkerPool(fail, 1, seconds=30) as pool:
        with pytest.raises(TaskFailed, match="ValueError: no good"):
            pool.submit("no good").result(timeout=60)
        with pytest.raises(TaskFailed):
            pool.submit("again").result(timeout=60)


def test_urgent_tasks_go_before_the_waiting_ones():
    with WorkerPool(sleep_then, 1, seconds=30) as pool:
        pool.submit(0.5, "first").result(timeout=60)  # the worker is up
        running = pool.submit(0.5, "running")
        batch = [pool.submit(0.2, f"batch {n}") for n in range(3)]
        urgent = pool.submit(0, "urgent", urgent=True)
        order = []
        for future in [urgent, *batch]:
            future.add_done_callback(lambda f: order.append(f.result()))
        running.result(timeout=60)
        for future in batch:
            future.result(timeout=60)
        assert order[0] == "urgent"


def test_close_stops_a_running_task_at_once_and_kills_its_process():
    pool = WorkerPool(pid_of_worker, 1, seconds=120)
    worker_pid = pool.submit().result(timeout=60)
    slow = WorkerPool(sleep_then, 1, seconds=120)
    running = slow.submit(60, "never")
    waiting = slow.submit(0, "also never")
    time.sleep(1)
    start = time.monotonic()
    slow.close()
    pool.close()
    assert time.monotonic() - start < 2
    with pytest.raises(PoolClosed):
        running.result(timeout=5)
    with pytest.raises(PoolClosed):
        waiting.result(timeout=5)
    with pytest.raises(PoolClosed):
        slow.submit(0, "late").result(timeout=5)
    deadline = time.monotonic() + 5
    while _alive(worker_pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(worker_pid)


def test_a_task_handed_over_as_the_pool_closes_fails_instead_of_waiting_for_ever():
    """close() after the pool's thread took a task from the queue and sent it to an idle worker, but before it
    marked the worker busy: the task was in none of the places close() looks, and its caller waited for ever (a
    dashboard's thread, and with it the test that quit the dashboard, hung at exit under load)."""
    pool = WorkerPool(double, 1, seconds=60)
    assert pool.submit(1).result(timeout=60) == 2  # one idle worker now
    [worker] = pool._workers
    send = worker.conn.send

    def send_then_close(args):
        send(args)
        pool.close()

    worker.conn.send = send_then_close
    with pytest.raises(PoolClosed):
        pool.submit(2).result(timeout=10)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_process_that_cannot_start_fails_every_task_instead_of_leaving_them_waiting(monkeypatch):
    """multiprocessing raises RuntimeError, not OSError, from a start it refuses (a main module importing itself):
    the pool's thread ends, and the task it was starting a worker for fails too, so no caller waits for ever."""
    import core.worker_pool as worker_pool

    class Refusing:
        def __init__(self, *args, **kwargs):
            pass

        def start(self):
            raise RuntimeError("An attempt has been made to start a new process before bootstrapping")

    real = worker_pool._context()
    monkeypatch.setattr(worker_pool, "_context", lambda: type("Context", (), {
        "Pipe": staticmethod(real.Pipe), "Process": Refusing})())
    pool = WorkerPool(double, 1, seconds=60)
    futures = [pool.submit(n) for n in range(3)]  # the thread may fail before the last ones are submitted
    for future in futures:
        with pytest.raises(TaskFailed, match=r"could not start|failed"):
            future.result(timeout=10)
    with pytest.raises(TaskFailed, match="the extraction processes failed"):  # and after: the reason, every time
        pool.submit(9).result(timeout=10)
    pool.close()
