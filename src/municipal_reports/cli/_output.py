"""Writing a command's output file (``-o``): atomic, never onto an input, one clear error.

The one helper every command writes ``-o`` with. The data goes to a temporary file in the
target's folder, is flushed and synced, then renamed over the target: a write that fails
midway (disk full, file-size limit, Ctrl-C, a kill) leaves the earlier file whole and no
temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator

__all__ = ["OutputError", "check_output", "write_output"]


class OutputError(Exception):
    """The output cannot be written where asked; the message is one line for the user."""


def _same(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check_output(path: str, inputs: Iterable[str] = ()) -> None:
    """Refuse, before any work, an output that is a folder or one of the ``inputs``."""
    if os.path.isdir(path):
        raise OutputError(f"cannot write {path!r}: it is a folder; name a file")
    for name in inputs:
        if _same(path, name):
            raise OutputError(f"cannot write {path!r}: it is one of the input files")


def write_output(
    path: str, data: bytes | str | Iterable[bytes], *, inputs: Iterable[str] = ()
) -> None:
    """Write ``data`` (text as UTF-8, or an iterable of byte chunks written as they come)
    to ``path`` atomically; see the module's docstring. An exception while the chunks are
    made leaves the earlier file whole too, and goes on to the caller.

    A target that exists and is not a regular file (``/dev/stdout``, a FIFO) is written
    directly: it is a stream, there is nothing to replace.
    """
    check_output(path, inputs)
    chunks = _chunks(data)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise OutputError(f"cannot write {path!r}: {exc.strerror or exc}") from None
    try:
        if mode is not None and not stat.S_ISREG(mode):
            with open(path, "wb") as stream:
                stream.writelines(chunks)
            return
        _replace(path, chunks, None if mode is None else stat.S_IMODE(mode))
    except OSError as exc:
        raise OutputError(f"cannot write {path!r}: {exc.strerror or exc}") from None


def _chunks(data: bytes | str | Iterable[bytes]) -> Iterator[bytes]:
    if isinstance(data, str):
        return iter((data.encode("utf-8"),))
    if isinstance(data, (bytes, bytearray, memoryview)):
        return iter((bytes(data),))
    return iter(data)


def _replace(path: str, chunks: Iterator[bytes], mode: int | None) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.writelines(chunks)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode if mode is not None else _default_mode())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    with contextlib.suppress(OSError):  # the rename itself, durable too where it can be
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _default_mode() -> int:
    # What open() would have given a new file: 0o666 less the umask (read by setting it).
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask
