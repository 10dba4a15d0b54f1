"""A progress bar for long runs over many files: tqdm when installed, on a terminal or
when asked (``--progress``); nothing otherwise."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator

__all__ = ["progress_bar"]


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
