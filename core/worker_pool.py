"""Worker processes for extraction: safe to start from a program that runs threads, ended at once on close, and
bounded per task in time and memory.

Why not `concurrent.futures.ProcessPoolExecutor`: on Linux it forks, and a fork taken while another thread holds a
lock (the import lock, an allocator's) gives children a lock that nobody will ever release. The dashboard extracting
the selected article in a thread while the batch pool started left every worker asleep in a futex. It also cannot
stop one task that runs too long without breaking the whole pool, and its shutdown waits for running tasks.

Here every worker is forked by a `forkserver`, a clean single-threaded process that has imported and warmed the
extractors once (`spawn` where the platform has no forkserver), and is fed one task at a time over a pipe of its
own, so the pool knows which task each worker runs and since when: a task past its time is ended by killing its
worker, which is replaced; a task that runs out of memory fails alone; close() kills every worker without waiting.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

Result = TypeVar("Result")

START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


class TaskFailed(Exception):
    """One task could not be done: it raised, ran past its time, ran out of memory or killed its process. The
    message says which, in words for the user."""


class PoolClosed(Exception):
    """The pool was closed before the task was done."""


PRELOAD = ("core.warm",)  # imported once by the forkserver, so every worker starts with the lexicons loaded


def _context() -> multiprocessing.context.ForkServerContext | multiprocessing.context.SpawnContext:
    if START_METHOD == "forkserver":
        server = multiprocessing.get_context("forkserver")
        server.set_forkserver_preload(list(PRELOAD))  # read when the server starts: one server for the process
        return server
    return multiprocessing.get_context("spawn")


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    task: tuple[Future[Any], tuple[Any, ...]] | None = None
    started: float = 0.0


@dataclass(frozen=True)
class _Limits:
    seconds: float
    memory_bytes: int | None


class WorkerPool(Generic[Result]):
    """Runs `function(*args)` in up to `workers` processes; submit() returns a Future.

    Urgent tasks go before every waiting one (the article the analyst is looking at, ahead of the batch). Processes
    are started on first need, from a thread of the pool's own, so creating a pool costs nothing at start-up.
    """

    def __init__(self, function: Callable[..., Result], workers: int, *, seconds: float,
                 memory_bytes: int | None = None) -> None:
        self._function = function
        self._size = max(1, workers)
        self._limits = _Limits(seconds, memory_bytes)
        self._queue: deque[tuple[Future[Result], tuple[Any, ...]]] = deque()
        self._lock = threading.Lock()
        self._wake_reader, self._wake_writer = multiprocessing.Pipe(duplex=False)
        self._workers: list[_Worker] = []
        self._closed = False
        self._broken: str | None = None  # why the pool's thread failed, for the tasks submitted after it did
        self._thread: threading.Thread | None = None
        # the task whose worker the pool's thread is starting: close() fails it at once rather than wait for the
        # forkserver, which may be busy warming up, to answer
        self._starting: Future[Result] | None = None
        _start_helpers()

    @property
    def size(self) -> int:
        """How many processes the pool runs at most."""
        return self._size

    def submit(self, *args: Any, urgent: bool = False) -> Future[Result]:
        future: Future[Result] = Future()
        with self._lock:
            if self._closed:
                future.set_exception(TaskFailed(self._broken) if self._broken is not None
                                     else PoolClosed("the extraction processes have been stopped"))
                return future
            if urgent:
                self._queue.appendleft((future, args))
            else:
                self._queue.append((future, args))
            if self._thread is None:
                self._thread = threading.Thread(target=self._dispatch, name="worker-pool", daemon=True)
                self._thread.start()
        self._wake()
        return future

    def close(self) -> None:
        """Kill every worker now and fail every task not done. Nothing is waited for (a killed worker is reaped by
        the forkserver that forked it), so quitting during a batch takes milliseconds whatever the workers do."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            waiting = list(self._queue)
            self._queue.clear()
        if self._starting is not None:
            waiting.append((self._starting, ()))
        for future, _ in waiting:
            _fail(future, PoolClosed("the extraction processes have been stopped"))
        self._wake()
        self._stop_workers()  # the pool's thread does too as it ends, and stops any worker it was starting

    def _stop_workers(self) -> None:
        for worker in list(self._workers):
            self._retire(worker)
            if worker.task is not None:
                _fail(worker.task[0], PoolClosed("the extraction processes have been stopped"))

    def __enter__(self) -> WorkerPool[Result]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            self._wake_writer.send_bytes(b"!")

    # ------------------------------------------------------------------ the pool's own thread

    def _dispatch(self) -> None:
        """The pool's thread. If it fails (it should not), every task waiting or running fails with the reason
        rather than waiting for ever, and so does every task submitted after; the reason reaches the user through
        the tasks, not as a traceback from a thread written over the dashboard."""
        try:
            self._serve_tasks()
        except BaseException as exc:
            reason = f"the extraction processes failed: {_describe(exc)}"
            with self._lock:
                self._closed, self._broken = True, reason
                waiting = list(self._queue)
                self._queue.clear()
            if self._starting is not None:  # the task whose worker was starting when it failed
                waiting.append((self._starting, ()))
            for future, _ in waiting:
                _fail(future, TaskFailed(reason))
        finally:
            self._stop_workers()

    def _serve_tasks(self) -> None:
        while not self._closed:
            self._assign()
            busy = [w for w in self._workers if w.task is not None]
            deadline = min((w.started + self._limits.seconds for w in busy), default=None)
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready = wait([self._wake_reader, *(w.conn for w in busy), *(w.process.sentinel for w in busy)],
                         timeout)
            if self._wake_reader in ready:
                with contextlib.suppress(EOFError, OSError):
                    while self._wake_reader.poll():
                        self._wake_reader.recv_bytes()
            if self._closed:
                return
            now = time.monotonic()
            for worker in busy:
                if worker.conn in ready or worker.process.sentinel in ready:
                    self._collect(worker)
                elif now >= worker.started + self._limits.seconds:
                    self._give_up(worker, f"extraction took longer than {self._limits.seconds:g} s; skipped")

    def _assign(self) -> None:
        while True:
            with self._lock:
                if not self._queue or self._closed:
                    return
                idle = next((w for w in self._workers if w.task is None), None)
                if idle is None and len(self._workers) >= self._size:
                    return
                future, args = self._queue.popleft()
            if not future.set_running_or_notify_cancel():
                continue
            self._starting = future
            worker = idle or self._start()
            self._starting = None
            if worker is None:
                _fail(future, PoolClosed("the extraction processes have been stopped") if self._closed
                      else TaskFailed("could not start an extraction process"))
                continue
            try:
                worker.conn.send(args)
            except (OSError, ValueError) as exc:  # the worker died while idle, or args cannot be pickled
                self._retire(worker)
                _fail(future, TaskFailed(f"could not hand the task to an extraction process: {exc}"))
                continue
            worker.task, worker.started = (future, args), time.monotonic()
            if self._closed:  # closed while the task was handed over, after close() looked at the workers' tasks
                _fail(future, PoolClosed("the extraction processes have been stopped"))

    def _start(self) -> _Worker | None:
        context = _context()
        parent_end, child_end = context.Pipe()
        process = context.Process(target=_serve, args=(child_end, self._function, self._limits), daemon=True,
                                  name="brief-extract")
        try:
            process.start()
        except OSError:
            return None
        finally:
            child_end.close()
        worker = _Worker(process, parent_end)
        self._workers.append(worker)
        if self._closed:  # closed while the process started: close() may have missed it
            self._retire(worker)
            return None
        return worker

    def _collect(self, worker: _Worker) -> None:
        assert worker.task is not None
        future, _ = worker.task
        try:
            ok, payload, carry_on = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(timeout=1)
            self._retire(worker)
            _fail(future, TaskFailed(_death(worker.process.exitcode)))
            return
        worker.task = None
        if ok:
            with contextlib.suppress(Exception):  # failed already: the pool was closed meanwhile
                future.set_result(payload)
        else:
            _fail(future, TaskFailed(payload))
        if not carry_on:
            self._retire(worker)

    def _give_up(self, worker: _Worker, reason: str) -> None:
        assert worker.task is not None
        future, _ = worker.task
        self._retire(worker)
        _fail(future, TaskFailed(reason))

    def _retire(self, worker: _Worker) -> None:
        self._kill(worker)
        with contextlib.suppress(ValueError):
            self._workers.remove(worker)

    @staticmethod
    def _kill(worker: _Worker) -> None:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            worker.process.kill()
        with contextlib.suppress(OSError):
            worker.conn.close()


def _fail(future: Future[Any], exc: BaseException) -> None:
    with contextlib.suppress(Exception):  # already done: a late answer after close
        future.set_exception(exc)


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        with contextlib.suppress(ValueError):
            name = signal.Signals(-exitcode).name
            if name in ("SIGALRM", "SIGXCPU"):
                return "extraction took too long; skipped"
            return f"the extraction process died ({name}); skipped"
    return f"the extraction process died (exit status {exitcode}); skipped"


# ---------------------------------------------------------------------- inside a worker


def _serve(conn: Connection, function: Callable[[Any], Any], limits: _Limits) -> None:
    """A worker's life: one task at a time until the pipe closes. Its own limits hold even if the parent is gone
    (killed with SIGKILL): an alarm ends a task that outlives its time, the address-space limit a task that grows
    without end, and on Linux the worker dies with its parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # ctrl+c belongs to the program in front, which stops us
    _die_with_parent()
    _limit_memory(limits.memory_bytes)
    while True:
        try:
            args = conn.recv()
        except (EOFError, OSError):
            return
        except Exception as exc:  # a task that cannot be unpickled
            _answer(conn, (False, f"could not read the task: {_describe(exc)}", True))
            continue
        signal.alarm(math.ceil(limits.seconds) + 5)  # a backstop: the parent kills at `seconds`
        try:
            answer = (True, function(*args), True)
        except MemoryError:
            answer = (False, "ran out of memory; skipped", False)  # a process that hit its limit is not reused
        except RecursionError:
            answer = (False, "nested too deeply to analyse; skipped", True)
        except Exception as exc:
            answer = (False, f"extraction failed: {_describe(exc)}", True)
        finally:
            signal.alarm(0)
        if not _answer(conn, answer) or not answer[2]:
            return


def _answer(conn: Connection, answer: tuple[bool, Any, bool]) -> bool:
    try:
        conn.send(answer)
    except (OSError, EOFError):
        return False
    except Exception as exc:  # a result that cannot be pickled
        with contextlib.suppress(OSError, EOFError):
            conn.send((False, f"extraction gave a result that cannot be sent back: {_describe(exc)}", True))
    return True


def _describe(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


def _die_with_parent() -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _limit_memory(extra_bytes: int | None) -> None:
    """The address space may grow by `extra_bytes` beyond what the warmed worker already maps."""
    if extra_bytes is None:
        return
    with contextlib.suppress(Exception):
        import resource

        mapped = _mapped_bytes()
        if mapped is not None:
            limit = mapped + extra_bytes
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _mapped_bytes() -> int | None:
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _start_helpers() -> None:
    """Start multiprocessing's own helper processes (the resource tracker, and the forkserver itself) now, while
    sys.stderr is still the real one: they are handed its file descriptor, and a program that replaces it later
    (Textual captures it while an app runs) would make starting them fail. Starting the forkserver costs the caller
    only the spawn of a process; it imports and warms the extractors in its own time."""
    from multiprocessing import resource_tracker

    with contextlib.suppress(Exception):
        _context()
        resource_tracker.ensure_running()
        if START_METHOD == "forkserver":
            from multiprocessing import forkserver

            forkserver.ensure_running()


def stop_forkserver() -> None:
    """End the forkserver this process started, now, for a program that is exiting: left alone it would end by
    itself, but only once it has finished warming the extractors (seconds, on a busy machine) and freed its heap.
    multiprocessing keeps its pid in a private attribute, read with care: where it is missing nothing is done."""
    if START_METHOD != "forkserver":
        return
    from multiprocessing import forkserver

    pid = getattr(getattr(forkserver, "_forkserver", None), "_forkserver_pid", None)
    if isinstance(pid, int) and pid > 0:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
