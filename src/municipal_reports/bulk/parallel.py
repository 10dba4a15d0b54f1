"""Audits and execution tables over many files, on any ``concurrent.futures.Executor``.

There is no scheduler here: the caller brings the executor. A
``ProcessPoolExecutor`` uses the cores of one machine; a dask.distributed client's
``client.get_executor()`` (or Ray's ``ray.util.ProcessPoolExecutor``) spreads the same work
over a cluster. The files are cut into chunks; a worker loads and audits (or sums) one
chunk and returns picklable results (findings, or exact integer sums) which are merged
here in the order of the files, so the answer is the same as a serial run's.

>>> audit_many([])
[]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future
from typing import TypeVar

import attrs

from municipal_reports.audit import Finding, Place, audit, in_document_order, locate
from municipal_reports.bulk.sources import PathLike, expand, iter_reports
from municipal_reports.bulk.table import ExecutionRow, ExecutionSums
from municipal_reports.errors import (
    InvalidValueError,
    MunicipalReportsError,
    Problem,
    StructureError,
)
from municipal_reports.io import loads

__all__ = [
    "DEFAULT_CHUNK_FILES",
    "SourceAudit",
    "audit_files",
    "audit_many",
    "summarise_files",
    "summarise_many",
]

#: Files a worker takes at a time: enough to make the hand-over cheap next to the work.
DEFAULT_CHUNK_FILES = 64

R = TypeVar("R")

#: Called with the number of files finished so far, for a progress bar.
Progress = Callable[[int], None]


@attrs.frozen
class SourceAudit:
    """The audit of one document: its source (``file`` or ``file:line``), its findings in
    the document's order, and the problems that kept it from loading (then no findings).
    ``places`` holds the place of each finding in the document's own terms (read where the
    document was, since the document itself is not sent back)."""

    source: str
    findings: tuple[Finding, ...] = ()
    problems: tuple[Problem, ...] = ()
    places: tuple[Place, ...] = ()

    @property
    def loaded(self) -> bool:
        """Whether the document was a valid report."""
        return not self.problems


def _documents(name: str) -> list[tuple[str, bytes]]:
    with open(name, "rb") as handle:
        if not name.endswith(".jsonl"):
            return [(name, handle.read())]
        return [(f"{name}:{i}", line) for i, line in enumerate(handle, 1) if line.strip()]


def _audit_document(
    source: str, data: bytes, select: Sequence[str] | None, ignore: Sequence[str]
) -> SourceAudit:
    try:
        document = loads(data, source=source)
    except StructureError as exc:
        return SourceAudit(source, problems=exc.problems)
    except MunicipalReportsError as exc:
        return SourceAudit(source, problems=(Problem("$", attrs.NOTHING, str(exc)),))
    findings = in_document_order(audit(document, select=select, ignore=ignore), document)
    places = tuple(locate(document, f.path) for f in findings)
    return SourceAudit(source, tuple(findings), places=places)


def audit_files(
    files: Sequence[str], select: Sequence[str] | None = None, ignore: Sequence[str] = ()
) -> list[SourceAudit]:
    """The audit of every document in ``files`` (a worker's chunk; runs anywhere)."""
    return [
        _audit_document(source, data, select, ignore)
        for name in files
        for source, data in _documents(name)
    ]


def summarise_files(files: Sequence[str], by: Sequence[str]) -> ExecutionSums:
    """The exact sums of every program report in ``files`` (a worker's chunk)."""
    sums = ExecutionSums(by)
    for found in iter_reports(files):
        sums.add(found)
    return sums


def _chunks(files: list[str], size: int) -> list[list[str]]:
    if size < 1:
        raise InvalidValueError([Problem("$.chunk_files", size, "must be at least 1")])
    return [files[i : i + size] for i in range(0, len(files), size)]


def _run(
    executor: Executor | None,
    chunks: list[list[str]],
    work: Callable[..., R],
    args: tuple[object, ...],
    progress: Progress | None,
) -> Iterator[R]:
    """Each chunk's result, in the order of the chunks."""
    done = 0
    if executor is None:
        for chunk in chunks:
            yield work(chunk, *args)
            done += len(chunk)
            if progress is not None:
                progress(done)
        return
    futures: list[Future[R]] = [executor.submit(work, chunk, *args) for chunk in chunks]
    for chunk, future in zip(chunks, futures, strict=True):
        yield future.result()
        done += len(chunk)
        if progress is not None:
            progress(done)


def audit_many(
    paths: Iterable[PathLike],
    executor: Executor | None = None,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    chunk_files: int = DEFAULT_CHUNK_FILES,
    progress: Progress | None = None,
) -> list[SourceAudit]:
    """The audit of every document in ``paths`` (files, directories, ``.jsonl``), one
    :class:`SourceAudit` a document in the order of the files.

    Without ``executor`` it runs here; with one (a process pool, a dask client's executor)
    each chunk of ``chunk_files`` files runs there. A document that is not a valid report
    does not stop the others: its :class:`SourceAudit` carries its problems. ``select``
    and ``ignore`` are those of :func:`~municipal_reports.audit`; ``progress`` is called
    with the number of files finished.
    """
    files = expand(paths)
    results: list[SourceAudit] = []
    select_list = None if select is None else list(select)
    for part in _run(
        executor, _chunks(files, chunk_files), audit_files, (select_list, list(ignore)), progress
    ):
        results.extend(part)
    return results


def summarise_many(
    paths: Iterable[PathLike],
    executor: Executor | None = None,
    *,
    by: Sequence[str] = ("year", "program"),
    chunk_files: int = DEFAULT_CHUNK_FILES,
    progress: Progress | None = None,
) -> list[ExecutionRow]:
    """The execution table of every program report in ``paths``, grouped ``by`` (see
    :func:`~municipal_reports.bulk.execution_table`), computed on ``executor`` when given.

    Workers return exact integer sums, merged here: the rows are the serial run's. A bad
    document raises :class:`~municipal_reports.errors.StructureError`.
    """
    files = expand(paths)
    total = ExecutionSums(by)
    for part in _run(
        executor, _chunks(files, chunk_files), summarise_files, (tuple(total.by),), progress
    ):
        total.merge(part)
    return total.rows()
