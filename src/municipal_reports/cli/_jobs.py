"""What the commands that run over many files share: ``--jobs N`` (a process pool) and
``--progress`` (a tqdm bar when installed, on a terminal or when asked; nothing otherwise)."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor

__all__ = ["add_jobs_arguments", "executor_for", "progress_bar"]


def add_jobs_arguments(parser: argparse.ArgumentParser) -> None:
    """``--jobs N`` and ``--progress`` / ``--no-progress`` (shared with ``audit``)."""
    parser.add_argument(
        "--jobs", "-j", type=_positive, default=1, metavar="N", help="worker processes (default 1)"
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: on a terminal, when tqdm is installed)",
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number, not {text!r}")
    return value


def executor_for(jobs: int) -> Executor | None:
    """A process pool of ``jobs`` workers, or None to work in this process.

    The workers ignore Ctrl-C: the command stops them and says so once, rather than each
    worker printing its own traceback."""
    if jobs < 2:
        return None
    return ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def progress_bar(total: int, *, wanted: bool | None) -> Iterator[Callable[[int], None] | None]:
    """A callback taking the number of files done, or ``None`` when no bar is shown.

    ``wanted`` None means: on a terminal only. Without tqdm there is no bar (it is the
    optional ``progress`` extra), and the work goes on all the same.
    """
    show = sys.stderr.isatty() if wanted is None else wanted
    if not show or total < 2:
        yield None
        return
    try:
        from tqdm import tqdm
    except ImportError:
        yield None
        return
    with tqdm(total=total, unit="file", file=sys.stderr) as bar:

        def update(done: int) -> None:
            bar.update(done - bar.n)

        yield update
