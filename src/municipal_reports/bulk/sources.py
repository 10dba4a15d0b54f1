"""Streaming program reports out of files, directories and JSON Lines.

Bulk tools read thousands of files; :func:`iter_reports` holds one document at a time, so
memory stays flat however many files it walks. A directory is read recursively
(``*.json`` and ``*.jsonl``, in sorted order, so every run sees the same sequence); a
``.jsonl`` file holds one document a line.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from municipal_reports.domain import ProgramReport, Report, program_reports
from municipal_reports.errors import InputFileError
from municipal_reports.io import DEFAULT_MAX_SIZE, Document, loads, open_regular, read_bytes

__all__ = [
    "SUFFIXES",
    "FoundReport",
    "documents_of",
    "expand",
    "iter_documents",
    "iter_reports",
    "reports_of",
]

#: The file names a directory walk picks up.
SUFFIXES = (".json", ".jsonl")

PathLike = str | os.PathLike[str]


@attrs.frozen
class FoundReport:
    """A program report, the file (or ``file:line``) it came from, and its council.

    The council is the one in the enclosing :class:`~municipal_reports.Report`'s meta; a
    file holding a bare program report names no council, so it is the body that approved
    the program (``program.approved_by.body``), or ``""`` when that is not given either.
    """

    source: str
    council: str
    report: ProgramReport


def expand(paths: Iterable[PathLike]) -> list[str]:
    """Every report file that ``paths`` name: files as given, directories walked
    recursively for ``*.json`` and ``*.jsonl`` in sorted order. A missing path raises
    ``FileNotFoundError``.

    Inside a directory every entry with those suffixes that is not itself a directory is
    listed, a FIFO or a dangling link too: reading it then says what is wrong with it,
    rather than the walk leaving it out without a word."""
    found: list[str] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(
                str(p) for p in sorted(path.rglob("*")) if p.suffix in SUFFIXES and not p.is_dir()
            )
        elif path.exists() or path.is_symlink():
            found.append(str(path))
        else:
            raise FileNotFoundError(f"no such file or directory: {path}")
    return found


def documents_of(name: str, *, max_size: int = DEFAULT_MAX_SIZE) -> Iterator[tuple[str, bytes]]:
    """The JSON text of each document in the file ``name`` with its source: the file
    itself, or one ``file:line`` a line of JSON Lines. Only regular files are read, and no
    document (a file, a line) larger than ``max_size`` bytes
    (:class:`~municipal_reports.errors.InputFileError`)."""
    if not name.endswith(".jsonl"):
        yield name, read_bytes(name, max_size=max_size)
        return
    with open_regular(name) as handle:
        number = 0
        while line := handle.readline(max_size + 1):
            number += 1
            if len(line) > max_size and not line.endswith(b"\n"):
                raise InputFileError(
                    f"{name}:{number}", f"a line is longer than {max_size:,} bytes"
                )
            if line.strip():
                yield f"{name}:{number}", line


def iter_documents(
    paths: Iterable[PathLike], *, max_size: int = DEFAULT_MAX_SIZE
) -> Iterator[tuple[str, Document]]:
    """Each document in ``paths`` with its source (``file`` or ``file:line`` for JSON
    Lines), one at a time. A bad document raises
    :class:`~municipal_reports.errors.StructureError` naming its source; a file that is not
    a regular file or is larger than ``max_size`` bytes raises
    :class:`~municipal_reports.errors.InputFileError`."""
    for name in expand(paths):
        for source, data in documents_of(name, max_size=max_size):
            yield source, loads(data, source=source)


def reports_of(source: str, document: Document) -> Iterator[FoundReport]:
    """The program reports in one document: itself, or every one a ``Report`` holds."""
    if isinstance(document, ProgramReport):
        approved = document.program.approved_by
        yield FoundReport(source, approved.body if approved is not None else "", document)
        return
    council = document.meta.council.name if isinstance(document, Report) else ""
    for _, report in program_reports(document):
        yield FoundReport(source, council, report)


def iter_reports(paths: Iterable[PathLike]) -> Iterator[FoundReport]:
    """Every program report in ``paths`` (files, directories, ``.jsonl``), streamed: one
    document is held at a time."""
    for source, document in iter_documents(paths):
        yield from reports_of(source, document)
