"""Reports as JSON files: ``load`` / ``loads`` / ``dump`` / ``dumps``.

A file holds one document, a :class:`~municipal_reports.Report` or a single
:class:`~municipal_reports.ProgramReport`, as an object whose first keys say what it is::

    {"format_version": 2, "type": "report", "meta": {...}, "sections": [...]}
    {"format_version": 2, "type": "program_report", "program": {...}, ...}

Version 2 (issue 12) adds what real reports say beyond the seeds: how each money figure was
written (``written`` on a part or an item, ``total_written``, a program report's
``total_columns``, units ``"million UAH"`` and
``"billion UAH"``), ``complete`` on breakdowns and funds, shares on parts, the facts
``shares`` and ``money_figure``, and counts that may be approximate wherever a count is
given. Every version 1 file is read: it is a version 2 file that uses none of those.

orjson decodes and encodes: it is several times faster than the standard library, refuses
NaN and Infinity, and stops at a nesting depth of 1024 instead of overflowing the stack.
It keeps the last of two equal keys in an object without a word; :func:`loads` refuses
them (see :func:`_duplicate_key`).
"""

from __future__ import annotations

import json
import os
from typing import IO, Any, Final, TypeAlias, TypeVar

import attrs
import orjson

from municipal_reports.domain import ProgramReport, Report, Task
from municipal_reports.errors import InvalidTypeError, Problem, StructureError
from municipal_reports.io.converter import TAG_KEY, converter, problems_of
from municipal_reports.io.fast import program_report as fast_program_report
from municipal_reports.io.fast import reader as fast_reader
from municipal_reports.io.files import DEFAULT_MAX_SIZE, open_regular, read_bytes, read_stream
from municipal_reports.io.stream import CHUNK, read_members, share_texts
from municipal_reports.paths import join

__all__ = [
    "DOCUMENT_TYPES",
    "FORMAT_VERSION",
    "Document",
    "dump",
    "dumps",
    "load",
    "loads",
    "structure",
    "unstructure",
]

#: The version of the format that this library writes, and the newest it reads. A file
#: written by an older version is still read; a newer one is refused with a clear message.
FORMAT_VERSION: Final = 2
VERSION_KEY: Final = "format_version"


def _from_v1(fields: dict[str, Any]) -> dict[str, Any]:
    """A version 1 document's fields as version 2 reads them: unchanged, since version 2
    only adds optional fields, kinds of fact and units (a plain count stays a count)."""
    return fields


#: How each older version's fields become the current version's.
_UPGRADES: Final = {1: _from_v1}

#: What a file may hold, by the ``"type"`` at its top.
DOCUMENT_TYPES: Final[dict[str, type]] = {"report": Report, "program_report": ProgramReport}
_TAGS: Final = {cls: tag for tag, cls in DOCUMENT_TYPES.items()}

Document: TypeAlias = Report | ProgramReport
T = TypeVar("T")


def _refuse(path: str, value: object, reason: str, source: str) -> StructureError:
    return StructureError([Problem(path, value, reason)], source=source)


def structure(data: Any, cls: type[T], *, source: str = "") -> T:
    """The ``cls`` object that the decoded JSON ``data`` describes.

    Raises :class:`~municipal_reports.errors.StructureError` listing every problem, each
    with its path from ``data``'s root.
    """
    try:
        result: T = converter().structure(data, cls)
        return result
    except Exception as fast_error:
        # The fast converter stops at the first fault and says little; read the document
        # again with the detailed one to list every problem with its path.
        try:
            converter(detailed=True).structure(data, cls)
        except Exception as exc:
            raise StructureError(problems_of(exc), source=source) from None
        raise StructureError(problems_of(fast_error), source=source) from None


def unstructure(obj: object) -> Any:
    """The JSON-ready data (dicts, lists, strings, ints) of any entity or value."""
    return converter().unstructure(obj)


def _document(data: Any, source: str) -> Document:
    if type(data) is not dict:
        kind = "an array" if type(data) is list else type(data).__name__
        raise _refuse("$", data, f"a report file must be a JSON object, not {kind}", source)
    problems: list[Problem] = []
    version = data.get(VERSION_KEY, attrs.NOTHING)
    if version is attrs.NOTHING:
        problems.append(Problem(f"$.{VERSION_KEY}", attrs.NOTHING, "required field missing"))
    elif type(version) is not int or version < 1:
        problems.append(Problem(f"$.{VERSION_KEY}", version, "must be a positive integer"))
    elif version > FORMAT_VERSION:
        problems.append(
            Problem(
                f"$.{VERSION_KEY}",
                version,
                f"is newer than this library reads ({FORMAT_VERSION}): upgrade municipal-reports",
            )
        )
    tag = data.get(TAG_KEY, attrs.NOTHING)
    cls = DOCUMENT_TYPES.get(tag) if type(tag) is str else None
    if tag is attrs.NOTHING:
        problems.append(Problem(f"$.{TAG_KEY}", attrs.NOTHING, "required field missing"))
    elif cls is None:
        choices = ", ".join(repr(t) for t in DOCUMENT_TYPES)
        problems.append(Problem(f"$.{TAG_KEY}", tag, f"must be one of {choices}"))
    if problems or cls is None:
        raise StructureError(problems, source=source)
    fields = {k: v for k, v in data.items() if k != VERSION_KEY and k != TAG_KEY}
    upgrade = _UPGRADES.get(version)
    if upgrade is not None:
        fields = upgrade(fields)
    if cls is ProgramReport:
        # The common shape takes the fast road; anything else (and every error) the converter.
        fast = fast_program_report(fields, converter().structure)
        if fast is not None:
            return fast
    result: Document = structure(fields, cls, source=source)
    return result


class _Duplicated(dict[str, Any]):
    """An object of the detailed pass that held a key twice (the key kept in ``duplicate``)."""

    duplicate: str


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj and not isinstance(obj, _Duplicated):
            obj = _Duplicated(obj)
            obj.duplicate = key
        obj[key] = value
    return obj


def _first_duplicate(value: Any, path: str) -> str | None:
    """The path of the first key held twice in the tree of the detailed pass."""
    if isinstance(value, _Duplicated):
        return join(path, value.duplicate)
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, item in items:
        found = _first_duplicate(item, join(path, key))
        if found is not None:
            return found
    return None


def _colons(data: str | bytes | bytearray) -> int:
    """The colons of ``data``, counting every «\\u003…» escape as one (a few are other
    characters: that only sends a document to the slow pass)."""
    if isinstance(data, str):
        return data.count(":") + (data.count("\\u003") if "\\" in data else 0)
    return data.count(b":") + (data.count(b"\\u003") if b"\\" in data else 0)


_LINE_BREAKS: Final = (b"\n", "\n", b"\r", "\r")


def _duplicate_key(data: str | bytes | bytearray, decoded: Any) -> str | None:
    """The path of a key that an object of ``data`` holds twice, else None.

    Cheap on the common road. orjson's own text of what it decoded holds each key it kept
    once: when ``data`` is that very text (files this library or orjson wrote, compact or
    indented as :func:`dump` writes them), no key was dropped. Otherwise count colons:
    every member of an object has one, and every colon in a string is written as «:» or
    «\\u003a»; orjson's text has one colon per key it kept, and the colons of the strings.
    Fewer colons there than in ``data`` means a member was dropped, or an escape was counted
    that was no colon (an escaped backslash before «u003a»): only then does the slow,
    detailed pass look for the key.
    """
    indented = data[1:2] in _LINE_BREAKS  # «{» and a line break: as dump() writes it
    try:
        text = orjson.dumps(decoded, option=orjson.OPT_INDENT_2 if indented else 0)
    except orjson.JSONEncodeError:
        return None  # nested deeper than any report: the structure check refuses it
    if text == data or (indented and text == data.rstrip()):
        # ``data`` is orjson's own writing of what it decoded (this library's files are):
        # written from a dict, it cannot hold a key twice. One compare, no count.
        return None
    if _colons(data) == text.count(b":"):
        return None
    return _first_duplicate(json.loads(data, object_pairs_hook=_pairs), "$")


def loads(data: str | bytes | bytearray | memoryview, *, source: str = "") -> Document:
    """The report (or program report) in the JSON text ``data``.

    ``source`` names the document in error messages. Anything but a valid document raises
    :class:`~municipal_reports.errors.StructureError`: invalid JSON, a key held twice in one
    object, a money value written as a number, an unknown key, a newer ``format_version``.
    Anything but text (str) or bytes raises
    :class:`~municipal_reports.errors.InvalidTypeError`.
    """
    if isinstance(data, memoryview):
        data = bytes(data)
    if not isinstance(data, (str, bytes, bytearray)):
        raise InvalidTypeError(
            [Problem("$", type(data), "loads() takes JSON text: str or bytes", True)]
        )
    if not data.strip():
        raise _refuse("$", attrs.NOTHING, "the document is empty", source)
    try:
        decoded = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise _refuse(
            "$", attrs.NOTHING, f"is not valid JSON: {exc.msg} ({where})", source
        ) from None
    duplicate = _duplicate_key(data, decoded)
    if duplicate is not None:
        raise _refuse(duplicate, attrs.NOTHING, "duplicate key: an object holds it twice", source)
    return _document(decoded, source)


#: The size from which :func:`load` reads a file a task at a time (see :func:`_streamed`).
STREAM_FROM: Final = 8 * 1024 * 1024

#: The versions whose tasks read as the current version's (their upgrade leaves tasks alone).
_STREAMED_VERSIONS: Final = frozenset({1, 2})


def _has_duplicate(raw: bytes, decoded: Any) -> bool:
    return _duplicate_key(raw, decoded) is not None


def _streamed(handle: IO[bytes], max_size: int, *, chunk: int = CHUNK) -> Document | None:
    """The program report in ``handle`` read a task at a time, or ``None`` when the file is
    anything else or anything is wrong with it (:func:`loads` of the whole file says what).

    For a big file: the decoded tree of the whole document never exists, each task's raw
    data is dropped as soon as its entity is built, texts repeated from task to task are
    kept once (:func:`~municipal_reports.io.stream.share_texts`), and the result equals
    :func:`loads`'s, since each task is read by the same generated reader as on loads'
    fast road.
    """
    memo: dict[Any, Any] = {}
    texts: dict[str, str] = {}
    structure = converter().structure
    read_task = fast_reader(Task)
    members = read_members(
        handle,
        stream_key="tasks",
        read_item=lambda raw: read_task(share_texts(raw, texts), structure, memo),
        duplicated=_has_duplicate,
        max_size=max_size,
        expect={TAG_KEY: "program_report"},
        chunk=chunk,
    )
    if members is None:
        return None
    version = members.pop(VERSION_KEY, None)
    if type(version) is not int or version not in _STREAMED_VERSIONS:
        return None
    if members.pop(TAG_KEY, None) != "program_report":
        return None
    tasks = members.pop("tasks", ())
    upgrade = _UPGRADES.get(version)
    fields = members if upgrade is None else upgrade(members)
    try:
        head: ProgramReport = fast_reader(ProgramReport)({**fields, "tasks": []}, structure, memo)
        # Built again with the tasks: the constructor checks the whole object once more.
        return attrs.evolve(head, tasks=tasks) if tasks else head
    except Exception:
        return None


def load(
    source: str | os.PathLike[str] | IO[bytes], *, max_size: int = DEFAULT_MAX_SIZE
) -> Document:
    """The report (or program report) in the file at path ``source``, or read from the
    binary file object ``source``. See :func:`loads`; a file that cannot be read raises
    ``OSError`` as usual, and so does (as
    :class:`~municipal_reports.errors.InputFileError`) one that is not a regular file (a
    FIFO, a device, a folder) or is larger than ``max_size`` bytes (512 MiB by default).

    A program report file (or seekable file object) of :data:`STREAM_FROM` bytes or more
    is read a task at a time (see :func:`_streamed`): the same report in a fraction of the
    memory."""
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        try:
            size = os.stat(name).st_size
        except OSError:
            size = 0  # read_bytes says what is wrong with it
        if STREAM_FROM <= size <= max_size:
            with open_regular(name) as handle:
                streamed = _streamed(handle, max_size)
            if streamed is not None:
                return streamed
        return loads(read_bytes(name, max_size=max_size), source=name)
    name = str(getattr(source, "name", ""))
    start, size = _where(source)
    if start is not None and STREAM_FROM <= size <= max_size:
        streamed = _streamed(source, max_size)
        if streamed is not None:
            return streamed
        source.seek(start)  # read it again, whole, to say what is wrong
    return loads(read_stream(source, name, max_size=max_size), source=name)


def _where(handle: IO[bytes]) -> tuple[int | None, int]:
    """Where a seekable file object stands, and how many bytes are left from there
    (``None`` and 0 for a pipe, a socket, anything that cannot seek)."""
    try:
        if not handle.seekable():
            return None, 0
        start = handle.tell()
        end = handle.seek(0, os.SEEK_END)
        handle.seek(start)
    except (AttributeError, OSError, ValueError):
        return None, 0
    return start, end - start


def dumps(document: Document, *, indent: bool = False) -> str:
    """The JSON text of a :class:`~municipal_reports.Report` or a
    :class:`~municipal_reports.ProgramReport`, ``format_version`` and ``type`` first.

    Money and percentages are strings (``"2080000.00"``, ``"24.69"``), dates ISO, enums
    by value; fields left at their defaults are omitted.
    """
    tag = _TAGS.get(type(document))
    if tag is None:
        raise InvalidTypeError(
            [Problem("$", type(document), "dumps() takes a Report or a ProgramReport", True)]
        )
    data = {VERSION_KEY: FORMAT_VERSION, TAG_KEY: tag, **unstructure(document)}
    option = orjson.OPT_INDENT_2 if indent else 0
    return orjson.dumps(data, option=option).decode("utf-8")


def dump(document: Document, destination: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write :func:`dumps` of ``document``, indented, to the path or binary file
    ``destination`` (UTF-8, with a final newline)."""
    text = (dumps(document, indent=True) + "\n").encode("utf-8")
    if isinstance(destination, (str, os.PathLike)):
        with open(os.fspath(destination), "wb") as handle:
            handle.write(text)
    else:
        destination.write(text)
