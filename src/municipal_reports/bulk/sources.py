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
from municipal_reports.io import Document, loads

__all__ = ["SUFFIXES", "FoundReport", "expand", "iter_documents", "iter_reports", "reports_of"]

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
    ``FileNotFoundError``."""
    found: list[str] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(
                str(p) for p in sorted(path.rglob("*")) if p.suffix in SUFFIXES and p.is_file()
            )
        elif path.exists():
            found.append(str(path))
        else:
            raise FileNotFoundError(f"no such file or directory: {path}")
    return found


def iter_documents(paths: Iterable[PathLike]) -> Iterator[tuple[str, Document]]:
    """Each document in ``paths`` with its source (``file`` or ``file:line`` for JSON
    Lines), one at a time. A bad document raises
    :class:`~municipal_reports.errors.StructureError` naming its source."""
    for name in expand(paths):
        if name.endswith(".jsonl"):
            with open(name, "rb") as handle:
                for number, line in enumerate(handle, 1):
                    if line.strip():
                        source = f"{name}:{number}"
                        yield source, loads(line, source=source)
        else:
            with open(name, "rb") as handle:
                data = handle.read()
            yield name, loads(data, source=name)


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
