"""What the commands print about files and errors: one line each, never raw control
characters (a file name or a key may hold ESC or a newline), the same shape everywhere."""

from __future__ import annotations

import sys

from municipal_reports import InputFileError, StructureError
from municipal_reports.safe_text import visible

__all__ = ["cannot_read", "error", "file_problem", "not_a_report", "shown"]


def shown(text: object) -> str:
    """``text`` for one line or one table cell: controls, tabs and newlines escaped."""
    return visible(str(text), single_line=True)


def error(prog: str, message: object) -> None:
    """``PROG: error: MESSAGE`` on stderr, control characters escaped. The library's errors
    keep their own lines (each problem's line is escaped where it is made); a file name put
    into ``message`` goes through :func:`shown` first."""
    print(f"{prog}: error: {visible(str(message))}", file=sys.stderr)


def file_problem(name: str, reason: object) -> None:
    """``FILE: REASON`` on stderr, for a file that cannot be read or audited."""
    print(f"{shown(name)}: {visible(str(reason))}", file=sys.stderr)


def cannot_read(name: str, exc: OSError | str) -> None:
    """``FILE: cannot be read: REASON`` on stderr: the library's reason for a file it will
    not read (a FIFO, too large), else the system's (``Permission denied``)."""
    if isinstance(exc, str):
        reason = exc
    elif isinstance(exc, InputFileError):
        reason = exc.reason
    else:
        reason = exc.strerror or str(exc)
    file_problem(name, f"cannot be read: {reason}")


def not_a_report(name: str, exc: StructureError) -> None:
    """Every problem of a file that is not a valid report, one ``FILE: problem`` line each."""
    print(f"{shown(name)}: not a valid report:", file=sys.stderr)
    for line in exc.lines():
        print(f"{shown(name)}: {line}", file=sys.stderr)
