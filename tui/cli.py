"""`brief`, `brief extract`: the command line.

`brief extract` imports no Textual so that it starts fast in scripts; the dashboard is imported only to open it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from contextlib import suppress

from core.ingest import DEFAULT_MAX_BYTES, STDIN, Ingested, ingest, size_limit
from core.ingest.dates import read_date
from core.locations import database_path, seeds_dir

EXIT_OK, EXIT_INPUT_FAILED, EXIT_USAGE = 0, 1, 2


def run() -> None:
    """The `brief` command: main(), then an exit that skips the interpreter's teardown. Freeing a batch's worth
    of objects one by one took a second or more after the screen was already back, so quitting during a cold
    batch was slow to end; every file is closed and every write committed by then, and the output is flushed
    here first."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with suppress(Exception):  # a closed pipe: what could not be written is lost either way
            stream.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args[:1] == ["extract"]:
            return run_extract(_extract_parser().parse_args(args[1:]))
        if args[:1] == ["export"]:
            return run_export(_export_parser().parse_args(args[1:]))
        if args[:1] and args[0] in _FEED_COMMANDS:
            return _run_feed_command(args[0], args[1:])
        return run_dashboard(_dashboard_parser().parse_args(args))
    except KeyboardInterrupt:
        return 130


_FEED_COMMANDS = ("subscribe", "unsubscribe", "subscriptions", "fetch")


def _run_feed_command(name: str, rest: list[str]) -> int:
    from tui import feed_commands

    parser = getattr(feed_commands, f"{name}_parser")()
    return getattr(feed_commands, f"run_{name}")(parser.parse_args(rest))


class _Parser(argparse.ArgumentParser):
    """argparse, with its error line cleaned: it quotes the offending argument, which may hold an escape."""

    def error(self, message: str):
        from core.ingest.sanitize import sanitize_field

        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {sanitize_field(message) or 'bad arguments'}\n")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="the SQLite store (default: $BRIEF_DB, else the user data dir)")
    parser.add_argument("--max-size", type=_megabytes, metavar="MB",
                        help="skip input files larger than this (default: max_size in config.toml, else "
                             f"{DEFAULT_MAX_BYTES // 2**20})")


def _dashboard_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="brief", description="Review news and intelligence briefings in the terminal.",
        epilog="Subcommands: `brief extract PATH...` prints briefings headless; `brief export --flagged` writes "
               "the flagged articles as a Markdown briefing; `brief subscribe URL`, `unsubscribe URL`, "
               "`subscriptions` and `fetch` keep feeds (see each one's --help).")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files or folders of articles (.txt .md .html .json .jsonl .xml/.rss/.atom), http(s) "
                             "URLs of feeds or pages, or - for standard input; default: the subscribed feeds' "
                             "stored articles, else the seed articles")
    parser.add_argument("--no-mouse", action="store_true", help="do not capture the mouse")
    parser.add_argument("--watch", type=_seconds, nargs="?", const=10.0, metavar="SECONDS",
                        help="look for new files in the inputs every SECONDS (default 10)")
    _common(parser)
    return parser


def _extract_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="brief extract",
                                     description="Print the briefing of each article, headless.")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="files or folders of articles, http(s) URLs of feeds or pages, or - for stdin")
    parser.add_argument("--format", choices=("jsonl", "json", "md"), default="jsonl",
                        help="jsonl: one object a line (extract.schema.json); json: an array; md: Markdown")
    parser.add_argument("--published", type=_date, metavar="DATE",
                        help="publication date for articles that carry none (anchors relative dates)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (atomically) instead of stdout")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write cached extractions")
    parser.add_argument("--workers", type=_positive, default=None, metavar="N",
                        help="extraction processes (default: the number of cores)")
    _common(parser)
    return parser


def _export_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="brief export",
                                     description="Write the flagged articles of the store as a Markdown briefing.")
    parser.add_argument("--flagged", action="store_true", default=True,
                        help="the flagged articles (the default, and for now the only selection)")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="where to write (default ./briefing-YYYY-MM-DD.md); - for standard output")
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    parser.add_argument("--db", metavar="PATH", help="the SQLite store (default: $BRIEF_DB, else the user data dir)")
    return parser


def _date(value: str) -> str:
    normalized, problem = read_date(value)
    if normalized is None:
        raise argparse.ArgumentTypeError(f"{problem or 'no date'} (use YYYY-MM-DD)")
    return normalized


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return number


def _seconds(value: str) -> float:
    """A watch interval: inf, nan, 0 or a negative number would make the timer spin or never fire."""
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not 0.5 <= number <= 86400:
        raise argparse.ArgumentTypeError(f"{value[:40]!r}: a number of seconds from 0.5 to 86400")
    return number


def _megabytes(value: str) -> int:
    try:
        return size_limit(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value[:40]!r}: {exc}") from None


def max_bytes(args: argparse.Namespace, config) -> int:
    """--max-size, else the config's max_size, else the default."""
    if args.max_size is not None:
        return args.max_size
    return size_limit(config.max_size) if config.max_size is not None else DEFAULT_MAX_BYTES


def database(args: argparse.Namespace, config) -> str | None:
    """--db, else BRIEF_DB, else database in config.toml (then the default of database_path)."""
    return args.db or (None if os.environ.get("BRIEF_DB") else config.database)


def report(message: str) -> None:
    """One line on stderr, cleaned as article fields are: it may quote a file name, a config key or a library's
    error text, and none of them may reach the terminal as an escape sequence or a second line."""
    from core.ingest.sanitize import sanitize_field

    print(f"brief: {sanitize_field(message) or ''}", file=sys.stderr)


def load_inputs(paths: Sequence[str], max_bytes: int) -> Ingested:
    loaded = ingest(paths, max_bytes=max_bytes)
    for problem in loaded.problems:
        report(str(problem))
    return loaded


def run_extract(args: argparse.Namespace) -> int:
    from core.export import briefing_markdown
    from core.pipeline import default_workers, extract_many
    from core.store import Store, StoreError
    from tui.config import load_config

    config, problems = load_config()
    for problem in problems:
        report(problem)
    loaded = load_inputs(args.paths, max_bytes(args, config))
    articles = loaded.articles
    for article in articles:
        if article.caveat:  # extracted all the same, as the dashboard lists it with its mark
            report(f"{article.path or article.id}: {article.caveat}")
    if args.published:
        articles = [a if a.published else a.with_published(args.published) for a in articles]
    store = None
    if not args.no_cache:
        try:
            store = Store(database_path(database(args, config)))
        except StoreError as exc:
            report(f"{exc}; continuing without the cache")
    failures = []

    def failed(failure) -> None:
        failures.append(failure)
        report(str(failure))

    try:
        briefings = extract_many(articles, workers=args.workers or default_workers(), store=store,
                                 on_store_error=lambda exc: report(f"{exc}; results are not cached"),
                                 on_failure=failed)
    finally:
        if store is not None:
            store.close()
    if args.format == "jsonl":
        output = "".join(json.dumps(b.to_json(), ensure_ascii=False) + "\n" for b in briefings)
    elif args.format == "json":
        output = json.dumps([b.to_json() for b in briefings], ensure_ascii=False, indent=2) + "\n"
    else:
        output = briefing_markdown(briefings)
    if not write_output(args.output, output):
        return EXIT_INPUT_FAILED
    return EXIT_INPUT_FAILED if loaded.problems or failures else EXIT_OK


def write_output(target: str | os.PathLike | None, text: str) -> bool:
    """Write to the file (atomically where it is a regular file) or to stdout when target is None or "-";
    a failure is one line on stderr (a full disk, a closed pipe), never a traceback. True if written."""
    from core.files import write_atomic

    try:
        if target is None or str(target) == "-":
            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            write_atomic(target, text)
    except BrokenPipeError:  # the reader went away (`| head`): nothing to say, and nowhere to say it
        with suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - so the interpreter's flush at exit says nothing
        return False
    except OSError as exc:
        if target is None or str(target) == "-":
            with suppress(OSError):
                sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - the same: stdout cannot take the rest either
        report(f"{'standard output' if target in (None, '-') else _shown(target)}: cannot write: "
               f"{(exc.strerror or str(exc)).lower()}")
        return False
    return True


def _shown(path: str | os.PathLike) -> str:
    from core.ingest.sanitize import sanitize_field

    return sanitize_field(os.fsdecode(path)) or "?"


def run_dashboard(args: argparse.Namespace) -> int:
    from core.store import open_for_browsing
    from tui.config import load_config

    config, problems = load_config(actions=_dashboard_actions())
    for problem in problems:
        report(problem)
    limit = max_bytes(args, config)
    piped = _keyboard_from_terminal(read_pipe=STDIN in args.paths, limit=limit)
    if isinstance(piped, str):
        report(piped)
        return EXIT_USAGE
    store, store_problem = open_for_browsing(database_path(database(args, config)))
    feeds = [] if args.paths else _subscribed_feeds_with_articles(store)
    paths = args.paths or ([] if feeds else [str(seeds_dir())])
    from core.worker_pool import stop_forkserver
    from tui.app import BriefApp
    from tui.terminal_input import read_keys_leniently

    read_keys_leniently()
    app = BriefApp(paths, store=store, max_bytes=limit, stdin=piped,
                   export_dir=os.path.expanduser(config.export_dir) if config.export_dir else None,
                   theme=config.theme, keymap=config.keys, notices=problems, watch=args.watch,
                   store_problem=store_problem, feeds=feeds)
    try:
        app.run(mouse=not args.no_mouse)
    finally:  # also when run() itself raises: what the user wrote is printed before anything else happens
        stop_forkserver()  # the extraction processes are gone already; their server need not outlive us
        failure = app.retry_unsaved() if app.unsaved else None
        store.close()
        lost = _report_unsaved(app, failure)
    for problem in app.problems:
        report(str(problem))
    if store_problem:
        report(store_problem)
    return EXIT_INPUT_FAILED if lost or app.return_code not in (None, 0) else EXIT_OK


def _subscribed_feeds_with_articles(store) -> list[str]:
    """The subscribed feeds, when the store holds articles of theirs: `brief` alone opens those."""
    from core.locations import subscriptions_path
    from core.store import StoreError
    from core.subscriptions import SubscriptionError, read_subscriptions

    try:
        urls = read_subscriptions(subscriptions_path()).urls
        return urls if urls and store.feed_articles(urls) else []
    except (SubscriptionError, StoreError):
        return []


def _report_unsaved(app, failure: str | None) -> bool:
    """Print every change the store refused and every editor's unsaved text on stderr; True if there were any."""
    from core.ingest.sanitize import sanitize

    if app.unsaved:
        report(f"{failure or 'the dashboard stopped'}; these changes were not saved:")
        for description, _ in app.unsaved.values():
            print(sanitize(description), file=sys.stderr)
    if app.drafts:
        report("the dashboard closed with an editor open; what was typed there was not saved:")
        for label, text in app.drafts.values():
            print(sanitize(label), file=sys.stderr)
            print(sanitize(text), file=sys.stderr)
    return bool(app.unsaved or app.drafts)


def _keyboard_from_terminal(*, read_pipe: bool, limit: int) -> bytes | str | None:
    """When standard input is a pipe (`cat feed.xml | brief -`), read what it holds if `-` asks for it, then take
    the keys from the terminal instead, as `less` does: the dashboard must never read keystrokes from the pipe.
    Returns the bytes read (None when none were asked for), or the reason the dashboard cannot start."""
    try:
        if os.isatty(0):
            return None if not read_pipe else "-: standard input is the terminal; pipe articles in (cat FILE | brief -)"
    except OSError:
        pass
    data = None
    if read_pipe:
        try:
            data = sys.stdin.buffer.read(limit + 1)
        except OSError as exc:
            return f"<stdin>: cannot read: {exc.strerror or exc}"
    try:
        terminal = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:
        return "no terminal to read keys from; `brief extract -` reads a pipe without one"
    os.dup2(terminal, 0)
    os.close(terminal)
    sys.stdin = open(0, encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115  # lives as long as brief
    return data


def _dashboard_actions() -> dict[str, str]:
    """Each action of the dashboard's keys and its default keys, from the actions table."""
    from tui.actions import ACTIONS

    return {action.id: action.keys for action in ACTIONS}


def run_export(args: argparse.Namespace) -> int:
    from datetime import date
    from pathlib import Path

    from core.export import briefing_markdown
    from core.pipeline import extract_many
    from core.store import Store, StoreError
    from tui.config import load_config

    config, problems = load_config()
    for problem in problems:
        report(problem)
    try:
        store = Store(database_path(database(args, config)))
    except StoreError as exc:
        report(str(exc))
        return EXIT_INPUT_FAILED
    with store:
        reviews = store.reviews()
        flagged = [a for a in store.articles() if reviews.get(a.content_hash) and
                   reviews[a.content_hash].status == "flagged"]
        briefings = extract_many(flagged, store=store, on_store_error=lambda exc: None,
                                 on_failure=lambda failure: report(str(failure)))
    text = briefing_markdown(briefings, reviews)
    if args.output == "-":
        return EXIT_OK if write_output(None, text) else EXIT_INPUT_FAILED
    target = Path(args.output or f"briefing-{date.today().isoformat()}.md")
    if target.exists() and not args.force:
        report(f"{_shown(target)}: exists; use --force to overwrite or -o to write elsewhere")
        return EXIT_INPUT_FAILED
    if not write_output(target, text):
        return EXIT_INPUT_FAILED
    print(f"brief: wrote {len(briefings)} flagged article{'s' if len(briefings) != 1 else ''} to {_shown(target)}",
          file=sys.stderr)
    return EXIT_OK
