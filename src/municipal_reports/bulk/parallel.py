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

import functools
import os
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor
from typing import TypeVar

import attrs

from municipal_reports.audit import (
    Finding,
    Place,
    Rule,
    RuleSet,
    audit,
    default_rules,
    in_document_order,
    locate,
)
from municipal_reports.audit.screens import Screen, screens_for
from municipal_reports.bulk.sources import PathLike, documents_of, expand, reports_of
from municipal_reports.bulk.table import ExecutionRow, ExecutionSums
from municipal_reports.domain.columns import ProgramColumns
from municipal_reports.errors import (
    InputFileError,
    InvalidTypeError,
    InvalidValueError,
    MunicipalReportsError,
    Problem,
    StructureError,
)
from municipal_reports.io import DEFAULT_MAX_SIZE, loads
from municipal_reports.io.batch import batch_columns
from municipal_reports.io.columns import program_columns
from municipal_reports.paths import ROOT

__all__ = [
    "BATCH_DOCUMENTS",
    "DEFAULT_CHUNK_FILES",
    "SourceAudit",
    "audit_document",
    "audit_documents",
    "audit_files",
    "audit_many",
    "summarise_files",
    "summarise_many",
]

#: Files a worker takes at a time: enough to make the hand-over cheap next to the work,
#: and that a worker's batch screen (pyarrow) reads many documents at once.
DEFAULT_CHUNK_FILES = 256

#: Documents screened together (one pyarrow read, one set of kernels): enough that the
#: per-batch work is small next to the documents', few enough to hold them all.
BATCH_DOCUMENTS = 500

#: A batch is screened once it holds this many bytes, even with fewer documents.
_BATCH_BYTES = 32 << 20

#: Values a batch's memo keeps (terms, periods, verdicts on texts) before it starts afresh.
_MEMO_LIMIT = 50_000

R = TypeVar("R")

#: Called with the number of files finished so far, for a progress bar.
Progress = Callable[[int], None]


@attrs.frozen
class SourceAudit:
    """The audit of one document: its source (``file`` or ``file:line``), its findings in
    the document's order, and the problems that kept it from loading (then no findings);
    or, for a file that could not be read at all (or whose worker process died), the
    reason in ``error`` («cannot be read: …», «its worker process died …»). ``places``
    holds the place of each finding in the document's own terms (read where the document
    was, since the document itself is not sent back)."""

    source: str
    findings: tuple[Finding, ...] = ()
    problems: tuple[Problem, ...] = ()
    error: str = ""
    places: tuple[Place, ...] = ()

    @property
    def loaded(self) -> bool:
        """Whether the document was read and was a valid report."""
        return not self.problems and not self.error


#: Why a file has no result when the process working on it died.
_WORKER_DIED = "its worker process died while working on it (killed, or out of memory)"


def _read_error(exc: OSError) -> str:
    """Why a file could not be read, in one line: the library's reason, or the system's."""
    if isinstance(exc, InputFileError):
        return exc.reason
    return exc.strerror or str(exc)


def _audit_document(source: str, data: bytes, rules: RuleSet, strict: bool) -> SourceAudit:
    try:
        document = loads(data, source=source)
    except StructureError as exc:
        return SourceAudit(source, problems=exc.problems)
    except MunicipalReportsError as exc:
        return SourceAudit(source, problems=(Problem("$", attrs.NOTHING, str(exc)),))
    findings = in_document_order(audit(document, rules=rules, strict=strict), document)
    places = tuple(locate(document, f.path) for f in findings)
    return SourceAudit(source, tuple(findings), places=places)


def audit_document(
    data: bytes,
    source: str = "",
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    strict: bool = False,
    memo: dict[object, object] | None = None,
) -> SourceAudit:
    """The audit of one document's bytes by the bulk road.

    The document is first screened column by column: each rule that can run on a program
    report has a conservative screen (:mod:`municipal_reports.audit.screens`). Where none
    fires the document is valid and clean, and no entity is built; where some fire, the
    document is loaded and the rules they screen for run on it. Anything but a program
    report of the common shape, or a selection holding a rule without a screen, takes the
    exact road (load, every selected rule). The findings are always the exact rules'
    findings. ``select``, ``ignore`` and ``strict`` are those of
    :func:`~municipal_reports.audit`; ``memo`` keeps small values read across a batch
    (one dict a batch). :func:`audit_documents` does the same for many documents at once.
    """
    chosen = default_rules().filtered(select, ignore)
    screens = screens_for(chosen)
    if screens is None:
        return _audit_document(source, data, chosen, strict)
    columns = program_columns(data, {} if memo is None else memo)
    return _screened(source, data, columns, chosen, screens, strict)


def _screened(
    source: str,
    data: bytes,
    columns: ProgramColumns | None,
    chosen: RuleSet,
    screens: tuple[tuple[Screen, frozenset[Rule]], ...],
    strict: bool,
) -> SourceAudit:
    """The audit of a document from its columns: clean where no screen fires, else the
    rules screened for; the exact road with every rule where there are no columns."""
    if columns is None:
        return _audit_document(source, data, chosen, strict)
    fired: set[Rule] = set()
    for screen, screened in screens:
        if screen(columns):
            fired |= screened
    if not fired:
        return SourceAudit(source)
    return _audit_document(source, data, RuleSet(tuple(r for r in chosen if r in fired)), strict)


def audit_documents(
    documents: Iterable[tuple[str, bytes]],
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    strict: bool = False,
    memo: dict[object, object] | None = None,
) -> list[SourceAudit]:
    """The audit of each ``(source, bytes)`` document by the bulk road, as
    :func:`audit_document` gives it, screening the documents as one batch: where pyarrow is
    installed they are read together by its JSON reader and checked by its compute kernels
    (:func:`~municipal_reports.io.batch.batch_columns`); without it, each alone. The
    findings are the same either way: the exact rules'.

    >>> audit_documents([])
    []
    """
    listed = list(documents)
    for i, document in enumerate(listed):
        if not (
            isinstance(document, tuple)
            and len(document) == 2
            and isinstance(document[0], str)
            and isinstance(document[1], (bytes, bytearray))
        ):
            # The types, not the value: a document's bytes would fill the message.
            shape = (
                tuple(type(part).__name__ for part in document)
                if isinstance(document, tuple)
                else type(document).__name__
            )
            raise InvalidTypeError(
                [Problem(str(ROOT / i), shape, "must be a (source, bytes) pair", True)]
            )
    chosen = default_rules().filtered(select, ignore)
    screens = screens_for(chosen)
    if screens is None:
        return [_audit_document(source, data, chosen, strict) for source, data in listed]
    batch = batch_columns([data for _, data in listed], {} if memo is None else memo)
    return [
        _screened(source, data, columns, chosen, screens, strict)
        for (source, data), columns in zip(listed, batch, strict=True)
    ]


def audit_files(
    files: Sequence[str],
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    strict: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
) -> list[SourceAudit]:
    """The audit of every document in ``files`` (a worker's chunk; runs anywhere), by the
    bulk road (:func:`audit_documents`, :data:`BATCH_DOCUMENTS` documents at a time). A
    file that cannot be read (gone, not a regular file, too large, no permission) is one
    :class:`SourceAudit` carrying the reason; the other files are audited all the same."""
    out: list[SourceAudit] = []
    memo: dict[object, object] = {}
    batch: list[tuple[str, bytes]] = []
    held = 0  # the bytes of the batch

    def screen_batch() -> None:
        nonlocal held
        if len(memo) > _MEMO_LIMIT:
            memo.clear()  # a long JSON Lines file must not grow it without bound
        out.extend(audit_documents(batch, select=select, ignore=ignore, strict=strict, memo=memo))
        batch.clear()
        held = 0

    for name in files:
        try:
            documents = list(documents_of(name, max_size=max_size))
        except OSError as exc:
            screen_batch()  # the results stay in the order of the files
            out.append(SourceAudit(name, error=f"cannot be read: {_read_error(exc)}"))
            continue
        for document in documents:
            batch.append(document)
            held += len(document[1])
            if len(batch) >= BATCH_DOCUMENTS or held >= _BATCH_BYTES:
                screen_batch()
    screen_batch()
    return out


def summarise_files(
    files: Sequence[str],
    by: Sequence[str],
    keep_going: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
) -> ExecutionSums:
    """The exact sums of every program report in ``files`` (a worker's chunk).

    A bad document or an unreadable file raises, unless ``keep_going``: then it is left out
    of the sums and kept in their ``failures`` with the reason."""
    sums = ExecutionSums(by)
    for name in files:
        try:
            for source, data in documents_of(name, max_size=max_size):
                try:
                    document = loads(data, source=source)
                except StructureError as exc:
                    if not keep_going:
                        raise
                    # One failure a problem: each is one line with its path.
                    sums.failures.extend((source, line) for line in exc.lines())
                    continue
                for found in reports_of(source, document):
                    sums.add(found)
        except OSError as exc:
            if not keep_going:
                raise
            sums.failures.append((name, f"cannot be read: {_read_error(exc)}"))
    return sums


def _chunks(files: list[str], size: int) -> list[list[str]]:
    if size < 1:
        raise InvalidValueError([Problem("$.chunk_files", size, "must be at least 1")])
    return [files[i : i + size] for i in range(0, len(files), size)]


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops on Ctrl-C, and says so


def _alone(work: Callable[..., R], files: list[str], args: tuple[object, ...]) -> R:
    """``work`` on ``files`` in a process of its own; BrokenExecutor if that process dies."""
    with ProcessPoolExecutor(max_workers=1, initializer=_ignore_interrupts) as pool:
        return pool.submit(work, files, *args).result()


def _rescue(
    chunk: list[str],
    work: Callable[..., R],
    args: tuple[object, ...],
    died: Callable[[str], R],
    combine: Callable[[list[R]], R],
) -> R:
    """A chunk whose worker died: again in a fresh process; if it dies again, file by
    file, so only the file that kills its process is lost (and reported by ``died``)."""
    try:
        return _alone(work, chunk, args)
    except BrokenExecutor:
        pass
    parts: list[R] = []
    for name in chunk:
        try:
            parts.append(_alone(work, [name], args))
        except BrokenExecutor:
            parts.append(died(name))
    return combine(parts)


def _run(
    executor: Executor | None,
    chunks: list[list[str]],
    work: Callable[..., R],
    args: tuple[object, ...],
    progress: Progress | None,
    died: Callable[[str], R],
    combine: Callable[[list[R]], R],
) -> Iterator[R]:
    """Each chunk's result, in the order of the chunks.

    When a worker process dies (killed, out of memory) the pool is broken for every chunk
    not yet done: those are run again by :func:`_rescue`, each in a fresh process.
    """
    done = 0
    if executor is None:
        for chunk in chunks:
            yield work(chunk, *args)
            done += len(chunk)
            if progress is not None:
                progress(done)
        return
    futures: list[Future[R]] = [executor.submit(work, chunk, *args) for chunk in chunks]
    broken = False
    for chunk, future in zip(chunks, futures, strict=True):
        if not broken:
            try:
                result = future.result()
            except BrokenExecutor:
                broken = True
        if broken:
            result = _rescue(chunk, work, args, died, combine)
        yield result
        done += len(chunk)
        if progress is not None:
            progress(done)


def _audits(parts: list[list[SourceAudit]]) -> list[SourceAudit]:
    return [a for part in parts for a in part]


def _died_audit(name: str) -> list[SourceAudit]:
    return [SourceAudit(name, error=_WORKER_DIED)]


def _listed(paths: Iterable[PathLike]) -> list[str]:
    """:func:`expand`, keeping a path that does not exist (any more) as it is: reading it
    then reports it, and the other paths are still done."""
    found: list[str] = []
    for path in paths:
        try:
            found.extend(expand([path]))
        except FileNotFoundError:
            found.append(os.fspath(path))
    return found


def audit_many(
    paths: Iterable[PathLike],
    executor: Executor | None = None,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    chunk_files: int = DEFAULT_CHUNK_FILES,
    progress: Progress | None = None,
    strict: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
) -> list[SourceAudit]:
    """The audit of every document in ``paths`` (files, directories, ``.jsonl``), one
    :class:`SourceAudit` a document in the order of the files.

    Without ``executor`` it runs here; with one (a process pool, a dask client's executor)
    each chunk of ``chunk_files`` files runs there. Nothing stops the others: a document
    that is not a valid report carries its problems; a file that cannot be read (missing,
    vanished, a FIFO, a dangling link, no permission, larger than ``max_size`` bytes) or
    whose worker process died carries the reason in ``error``. ``select`` and ``ignore``
    are those of :func:`~municipal_reports.audit`, and so is ``strict`` (a broken plugin
    raises); ``progress`` is called with the number of files finished.
    """
    files = _listed(paths)
    results: list[SourceAudit] = []
    select_list = None if select is None else list(select)
    if executor is None:  # no hand-over to pay for: chunks as large as a screened batch
        chunk_files = max(chunk_files, BATCH_DOCUMENTS)
    for part in _run(
        executor,
        _chunks(files, chunk_files),
        audit_files,
        (select_list, list(ignore), strict, max_size),
        progress,
        _died_audit,
        _audits,
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
    on_error: Callable[[str, str], None] | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
) -> list[ExecutionRow]:
    """The execution table of every program report in ``paths``, grouped ``by`` (see
    :func:`~municipal_reports.bulk.execution_table`), computed on ``executor`` when given.

    Workers return exact integer sums, merged here: the rows are the serial run's. A bad
    document raises :class:`~municipal_reports.errors.StructureError` and an unreadable
    file ``OSError``, unless ``on_error`` is given: then each is left out of the sums and
    ``on_error(source, reason)`` is called for it (a missing or vanished file, a FIFO, a
    dangling link, a file larger than ``max_size`` bytes, a worker process that died
    included), and every other file is still summed.
    """
    keep_going = on_error is not None
    files = _listed(paths) if keep_going else expand(paths)
    total = ExecutionSums(by)

    def died(name: str) -> ExecutionSums:
        sums = ExecutionSums(total.by)
        sums.failures.append((name, _WORKER_DIED))
        return sums

    for part in _run(
        executor,
        _chunks(files, chunk_files),
        summarise_files,
        (tuple(total.by), keep_going, max_size),
        progress,
        died,
        functools.partial(_merged, total.by),
    ):
        total.merge(part)
    if on_error is not None:
        for source, reason in total.failures:
            on_error(source, reason)
    return total.rows()


def _merged(by: Sequence[str], parts: list[ExecutionSums]) -> ExecutionSums:
    sums = ExecutionSums(by)
    for part in parts:
        sums.merge(part)
    return sums
