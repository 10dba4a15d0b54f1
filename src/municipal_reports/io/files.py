"""Reading report files safely: regular files only, and never more than a size limit.

``open()`` on a FIFO with no writer waits forever, ``/dev/zero`` never ends, and a 2 GB file
is read whole before anything can refuse it. Every file the library reads for a document
goes through :func:`open_regular` (streams such as JSON Lines) or :func:`read_bytes` (one
document), which refuse all three with an
:class:`~municipal_reports.errors.InputFileError` naming the file.
"""

from __future__ import annotations

import os
import stat
from typing import IO, Final

from municipal_reports.errors import InputFileError

__all__ = ["DEFAULT_MAX_SIZE", "check_regular", "open_regular", "read_bytes", "read_stream"]

#: The largest document read by default, in bytes (512 MiB). A real report is a few
#: megabytes; callers that mean to read more say so (``max_size=``, ``--max-size``).
DEFAULT_MAX_SIZE: Final = 512 * 1024 * 1024

# Not blocking on open (a FIFO with no writer would wait forever); binary and close-on-exec
# where the platform has them (Windows has no O_NONBLOCK and needs O_BINARY).
_NONBLOCK: Final = getattr(os, "O_NONBLOCK", 0)
_FLAGS: Final = os.O_RDONLY | _NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)

_KINDS: Final = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def open_regular(path: str | os.PathLike[str]) -> IO[bytes]:
    """The regular file at ``path``, opened for reading in binary mode.

    Opened without blocking (a FIFO with no writer does not hang the open), then refused
    unless it is a regular file. A dangling symbolic link is named as such.
    """
    name = os.fspath(path)
    try:
        fd = os.open(name, _FLAGS)
    except FileNotFoundError:
        if os.path.islink(name):
            raise InputFileError(name, "is a dangling symbolic link") from None
        raise
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((k for test, k in _KINDS if test(mode)), "not a regular file")
            raise InputFileError(name, f"is {kind}, not a regular file")
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def check_regular(path: str | os.PathLike[str], *, max_size: int = DEFAULT_MAX_SIZE) -> int:
    """The size of the regular file at ``path``, refused (as :func:`read_bytes` would) when
    it is not a regular file or is larger than ``max_size``: for readers that open the file
    themselves (docx, xlsx, pdf)."""
    name = os.fspath(path)
    with open_regular(name) as handle:
        size = os.fstat(handle.fileno()).st_size
    if size > max_size:
        raise InputFileError(name, _too_large(size, max_size))
    return size


def read_bytes(path: str | os.PathLike[str], *, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """The bytes of the regular file at ``path``, refused when larger than ``max_size``.

    Never reads more than ``max_size + 1`` bytes, even from a file that grows meanwhile.
    """
    name = os.fspath(path)
    with open_regular(name) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_size:
            raise InputFileError(name, _too_large(size, max_size))
        # One buffer of the file's size (read(n) allocates n bytes up front, so never the
        # limit itself); a file that grew since is read on, in chunks, up to the limit.
        data = handle.read(size + 1)
        while size < len(data) <= max_size and (more := handle.read(_CHUNK)):
            data += more  # the file grew since: read on, a chunk at a time, to the limit
    if len(data) > max_size:
        raise InputFileError(name, _too_large(len(data), max_size))
    return data


_CHUNK: Final = 1024 * 1024


def read_stream(handle: IO[bytes], name: str, *, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """At most ``max_size`` bytes from an open binary file, read in chunks (memory grows
    with what is there, not with the limit); more is refused."""
    chunks: list[bytes] = []
    total = 0
    while chunk := handle.read(min(_CHUNK, max_size + 1 - total) or 1):
        chunks.append(chunk)
        total += len(chunk)
        if total > max_size:
            raise InputFileError(name, _too_large(total, max_size))
    return b"".join(chunks)


def _too_large(size: int, limit: int) -> str:
    return (
        f"is larger than the limit of {limit:,} bytes ({size:,}{'+' if size > limit else ''}"
        " bytes); raise the limit (max_size=, --max-size) to read it"
    )
