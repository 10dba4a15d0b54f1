"""A batch of program-report documents read column by column at once, with pyarrow.

:func:`batch_columns` gives each document's
:class:`~municipal_reports.domain.columns.ProgramColumns`, as
:func:`~municipal_reports.io.columns.program_columns` does one at a time. Where pyarrow is
installed the batch is one NDJSON buffer read by pyarrow's JSON reader against a schema
generated from the entities' fields; every check of the measures and tasks is a compute
kernel over the whole batch (canonical money and percents by one regular expression a
column, kopecks by exact string-to-int64 casts, never a float), and texts are judged once
for each distinct value. The header parts (program, period, «Всього» row, signatory, column
formats) are read by the fast road's generated readers, one object each.

Like the other column reader it never decides that a document is bad: a document it cannot
take whole (an unknown key, a value of another type, a key held twice: pyarrow refuses each;
a key written ``null`` that the loader refuses; a line break; anything a check refuses) is
``None``, or read alone by :func:`~municipal_reports.io.columns.program_columns`, and the
caller takes the exact road, which reports what is wrong exactly as for any document.
Without pyarrow every document is read alone.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Sequence
from typing import Any, Final, TypeVar

import attrs
import orjson

from municipal_reports.domain import (
    ColumnFormats,
    Financing,
    Money,
    Percent,
    Program,
    ProgramReport,
    ReportingPeriod,
    Signatory,
    YearSpan,
)
from municipal_reports.domain.columns import ProgramColumns
from municipal_reports.domain.money import PLAIN_MONEY
from municipal_reports.domain.percent import PLAIN_PERCENT
from municipal_reports.domain.text import BLANK, may_mix_scripts
from municipal_reports.io.columns import program_columns
from municipal_reports.io.converter import TAG_KEY, converter
from municipal_reports.io.fast import reader
from municipal_reports.io.json import FORMAT_VERSION, VERSION_KEY

__all__ = ["LARGEST_BATCHED", "batch_columns"]

#: Documents larger than this (bytes) are read alone: a batch is for the many small ones.
LARGEST_BATCHED: Final = 1 << 22

T = TypeVar("T")

# The canonical forms io.columns accepts, anchored for pyarrow's regular expressions.
_MONEY: Final = f"^{PLAIN_MONEY}$"
_PERCENT: Final = f"^{PLAIN_PERCENT}$"


def _strings(tp: Any) -> bool:
    """Whether the JSON format writes a value of ``tp`` as a string."""
    return tp in (str, Money, Percent, dt.date) or (
        isinstance(tp, type)
        and issubclass(tp, enum.Enum)
        and all(isinstance(m.value, str) for m in tp)
    )


def _nullable(tp: Any) -> tuple[Any, bool]:
    """``tp`` without ``None``, and whether ``None`` was in it."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0], len(args) < len(typing.get_args(tp))
    return tp, False


def _arrow_type(pa: Any, tp: Any, not_null: set[str]) -> Any:
    """The pyarrow type a JSON value of ``tp`` reads as (adding to ``not_null`` the names of
    fields the loader refuses ``null`` for); ``TypeError`` for a type it cannot read."""
    tp, _ = _nullable(tp)
    if _strings(tp):
        return pa.string()
    if tp is int:
        return pa.int64()
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return pa.list_(_arrow_type(pa, args[0], not_null))
    if attrs.has(tp):
        return pa.struct(_fields(pa, tp, not_null))
    raise TypeError(f"no arrow type for {tp!r}")


def _fields(pa: Any, cls: type, not_null: set[str]) -> list[Any]:
    hints = typing.get_type_hints(cls)
    found = []
    for f in attrs.fields(cls):
        if not _nullable(hints[f.name])[1]:
            not_null.add(f.name)
        found.append(pa.field(f.name, _arrow_type(pa, hints[f.name], not_null)))
    return found


@functools.cache
def _schema() -> tuple[Any, frozenset[bytes]]:
    """The schema of a program-report document, generated from the entities' fields (the
    JSON format is the fields by name), and the names of the fields the loader refuses
    ``null`` for (pyarrow reads a ``null`` as a missing key: the default)."""
    import pyarrow as pa

    not_null: set[str] = set()
    fields = [
        pa.field(VERSION_KEY, pa.int64()),
        pa.field(TAG_KEY, pa.string()),
        *_fields(pa, ProgramReport, not_null),
    ]
    return pa.schema(fields), frozenset(n.encode() for n in not_null)


_SPACE: Final = frozenset(b" \t\n\r")


def _refused_null(data: bytes, not_null: frozenset[bytes]) -> bool:
    """Whether ``data`` may write ``null`` as the value of a field of ``not_null``: each
    ``null`` is looked at (a C search; a document holds a few), and a key that cannot be
    told for sure (escaped) counts as one."""
    at = data.find(b"null")
    while at >= 0:
        end = at
        while end and data[end - 1] in _SPACE:
            end -= 1
        if end and data[end - 1] == 0x3A:  # «:» a key's value, or text that reads so
            end -= 1
            while end and data[end - 1] in _SPACE:
                end -= 1
            start = data.rfind(b'"', 0, end - 1)
            key = data[start + 1 : end - 1]
            if start < 0 or b"\\" in key or key in not_null:
                return True
        at = data.find(b"null", at + 4)
    return False


def _without_nulls(value: Any) -> Any:
    """A header part as the JSON wrote it: pyarrow gives a missing key as ``None``."""
    if value.__class__ is dict:
        return {
            k: _without_nulls(v) if v.__class__ in _NESTED else v
            for k, v in value.items()
            if v is not None
        }
    if value.__class__ is list:
        return [_without_nulls(v) if v.__class__ in _NESTED else v for v in value]
    return value


_NESTED: Final = frozenset((dict, list))


def batch_columns(
    sources: Sequence[bytes], memo: dict[Any, Any] | None = None
) -> list[ProgramColumns | None]:
    """The columns of each JSON document of ``sources``, or ``None`` for a document that
    is not a program report of the common shape, or not valid: the exact road must read
    that one. ``memo`` keeps small values read (periods, terms, verdicts on texts) for the
    next batches.

    With pyarrow the whole batch is read at once; without it each document alone."""
    memo = {} if memo is None else memo
    try:
        import pyarrow  # noqa: F401 - only whether it is there
    except ImportError:
        return [program_columns(s, memo) for s in sources]
    try:
        schema, not_null = _schema()
    except TypeError:  # a field pyarrow cannot read: each document alone
        return [program_columns(s, memo) for s in sources]
    found: list[ProgramColumns | None] = [None] * len(sources)
    batched: list[int] = []
    for i, data in enumerate(sources):
        # One document a line, starting its object (pyarrow would take a byte-order mark
        # that orjson refuses, or two objects on a line), not a large one (its columns
        # would double its memory), not a whole report as the library writes it, its type
        # first (pyarrow would refuse the batch; one written otherwise costs a few reads
        # of halves): anything else is read alone.
        if (
            data[:1] == b"{"
            and len(data) <= LARGEST_BATCHED
            and b'"type":"report"' not in data[:_HEAD]
            and b"\n" not in data
            and b"\r" not in data
            and not _refused_null(data, not_null)
        ):
            batched.append(i)
        else:
            found[i] = program_columns(data, memo)
    if batched:
        read = _halves([sources[i] for i in batched], schema, memo)
        for i, columns in zip(batched, read, strict=True):
            found[i] = columns
    return found


#: The bytes of a document's start where the library writes its type.
_HEAD: Final = 64

#: A refused batch is read again in halves down to this size, then each document alone.
_SMALLEST_HALF: Final = 8


def _halves(sources: list[bytes], schema: Any, memo: dict[Any, Any]) -> list[ProgramColumns | None]:
    """:func:`_read`; where pyarrow refuses the whole batch (one document of another kind
    among them), each half again, so that one such document costs a few reads, not the
    batch read alone."""
    try:
        read = _read(sources, schema, memo)
    except Exception:  # anything at all: read again, in the end alone, as always
        read = None
    if read is not None:
        return read
    if len(sources) <= _SMALLEST_HALF:
        return [program_columns(s, memo) for s in sources]
    half = len(sources) // 2
    return _halves(sources[:half], schema, memo) + _halves(sources[half:], schema, memo)


def _ints(values: Any) -> list[Any]:
    """An integer array as Python ints (``None`` where null), read from its buffer in one
    C pass (``to_pylist`` makes a scalar for each item)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    filled = pc.cast(pc.fill_null(values, 0), pa.int64())
    found: list[Any] = (
        memoryview(filled.buffers()[1])
        .cast("q")[filled.offset : filled.offset + len(filled)]
        .tolist()
    )
    if values.null_count:
        for at in _ints(pc.indices_nonzero(values.is_null())):
            found[at] = None
    return found


def _read(
    sources: list[bytes], schema: Any, memo: dict[Any, Any]
) -> list[ProgramColumns | None] | None:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.json as pj

    try:
        table = pj.read_json(
            pa.py_buffer(b"\n".join(sources)),
            read_options=pj.ReadOptions(use_threads=False, block_size=1 << 30),
            parse_options=pj.ParseOptions(
                explicit_schema=schema, unexpected_field_behavior="error"
            ),
        )
        # pyarrow's reader takes strings as they are: the UTF-8 is checked here (a C pass
        # over the strings; the rest of the bytes the JSON parser has checked).
        table.validate(full=True)
    except (pa.ArrowException, ValueError, OverflowError):
        return None
    count = len(sources)
    if table.num_rows != count:
        return None  # a line held two objects
    table = table.combine_chunks()
    bad: set[int] = set()

    def flag(mask: Any, owner: Any) -> None:
        """Mark the documents owning the items where ``mask`` holds."""
        mask = pc.fill_null(mask, True)
        if pc.any(mask).as_py():
            bad.update(pc.filter(owner, mask).to_pylist())

    rows = pa.array(range(count), pa.int64())
    version = table.column(VERSION_KEY).chunk(0)
    flag(
        pc.invert(pc.and_(pc.greater_equal(version, 1), pc.less_equal(version, FORMAT_VERSION))),
        rows,
    )
    flag(pc.not_equal(table.column(TAG_KEY).chunk(0), "program_report"), rows)

    tasks_list = table.column("tasks").chunk(0)
    tasks = tasks_list.flatten()
    task_owner = pc.take(rows, pc.list_parent_indices(tasks_list))
    flag(tasks.is_null(), task_owner)
    task_title, task_measures, task_number = (
        tasks.field(n) for n in ("title", "measures", "number")
    )
    measures = task_measures.flatten()
    owner = pc.take(task_owner, pc.list_parent_indices(task_measures))
    flag(measures.is_null(), owner)
    m = {
        name: measures.field(name)
        for name in (
            "content",
            "financing",
            "declared_percent",
            "term",
            "executors",
            "note",
            "number",
        )
    }
    executors = m["executors"].flatten()
    executor_owner = pc.take(owner, pc.list_parent_indices(m["executors"]))

    money = {}
    kopecks = {}
    for column in ("indicative", "annual", "actual"):
        values = m["financing"].field(column)
        wrong = pc.and_kleene(
            values.is_valid(), pc.invert(pc.match_substring_regex(values, _MONEY))
        )
        if pc.any(wrong).as_py():  # those documents are read alone; their figures are not cast
            flag(wrong, owner)
            values = pc.if_else(wrong, pa.scalar(None, pa.string()), values)
        kopecks[column] = pc.cast(pc.replace_substring(values, ".", ""), pa.int64())
        money[column] = _ints(kopecks[column])

    declared = m["declared_percent"]
    canonical = pc.match_substring_regex(declared, _PERCENT)
    flag(pc.and_kleene(declared.is_valid(), pc.invert(canonical)), owner)
    # Percents repeat («100», «100.00»): each distinct one becomes (units, scale) once, in
    # Python ints (no bound on its digits), and the measures take theirs by index.
    encoded = pc.dictionary_encode(declared)
    pairs: dict[int | None, tuple[int, int] | None] = {None: None}
    for at, text in enumerate(encoded.dictionary.to_pylist()):
        dot = text.find(".")
        pairs[at] = (int(text.replace(".", "")), 1 if dot < 0 else 10 ** (len(text) - dot - 1))
    percents = list(map(pairs.__getitem__, _ints(encoded.indices)))
    unsure = _measures_unsure(kopecks, pairs, encoded.indices, owner, count)

    # Texts: the required ones must show something; the mixed-script screen gets only the
    # texts that may mix scripts. Each distinct text is judged once, its verdict memoised.
    required = ((task_title, task_owner), (m["content"], owner), (executors, executor_owner))
    flag(task_title.is_null(), task_owner)
    flag(m["content"].is_null(), owner)
    flag(executors.is_null(), executor_owner)
    program_title = table.column("program").chunk(0).field("title")
    screened = (
        (program_title, rows),
        (task_title, task_owner),
        (m["content"], owner),
        (executors, executor_owner),
        (m["note"], owner),
    )
    numbers = ((task_number, task_owner), (m["number"], owner))
    blank_texts = set()
    mixed_texts = set()
    for values, _ in (*screened, *numbers):
        for text in pc.unique(values).to_pylist():
            if text is None:
                continue
            verdict = memo.get(("texts", text))
            if verdict is None:
                verdict = memo[("texts", text)] = (not text.strip(BLANK), may_mix_scripts(text))
            if verdict[0]:
                blank_texts.add(text)
            if verdict[1]:
                mixed_texts.add(text)
    if blank_texts:
        blanks = pa.array(sorted(blank_texts), pa.string())
        for values, where in (*required, *numbers):
            flag(pc.is_in(values, value_set=blanks), where)
    mixing: dict[int, str] = {}
    if mixed_texts:
        mixes = pa.array(sorted(mixed_texts), pa.string())
        for values, where in screened:
            hit = pc.fill_null(pc.is_in(values, value_set=mixes), False)
            for doc, text in zip(
                pc.filter(where, hit).to_pylist(), pc.filter(values, hit).to_pylist(), strict=True
            ):
                mixing.setdefault(doc, text)

    # Terms: each distinct pair read once by the generated reader, which checks it; the
    # measures take theirs by index. A term missing a year is refused (the reader would).
    term = m["term"]
    first, last = term.field("first"), term.field("last")
    flag(pc.and_(term.is_valid(), pc.or_(first.is_null(), last.is_null())), owner)
    pairs_written = pc.binary_join_element_wise(
        pc.cast(first, pa.string()), pc.cast(last, pa.string()), "/"
    )
    encoded = pc.dictionary_encode(pairs_written)
    read_span = reader(YearSpan)
    st = converter().structure
    spans: dict[int | None, YearSpan | None] = {None: None}
    refused = []
    for at, text in enumerate(encoded.dictionary.to_pylist()):
        years = tuple(map(int, text.split("/")))
        span = memo.get(("term", years))
        if span is None:
            try:
                span = memo[("term", years)] = read_span(
                    {"first": years[0], "last": years[1]}, st, memo
                )
            except Exception:
                refused.append(at)
        spans[at] = span
    if refused:
        flag(pc.is_in(encoded.indices, value_set=pa.array(refused, encoded.indices.type)), owner)
    terms = list(map(spans.__getitem__, _ints(encoded.indices)))

    measure_counts = _ints(pc.fill_null(pc.list_value_length(task_measures), 0))
    task_counts = _ints(pc.fill_null(pc.list_value_length(tasks_list), 0))
    header = {
        name: table.column(name).to_pylist()
        for name in (
            "program",
            "period",
            "total",
            "total_percent",
            "signatory",
            "columns",
            "total_columns",
        )
    }
    found: list[ProgramColumns | None] = []
    task_at = measure_at = 0
    for doc in range(count):
        size = sum(measure_counts[task_at : task_at + task_counts[doc]])
        task_at += task_counts[doc]
        start, measure_at = measure_at, measure_at + size
        if doc in bad:
            found.append(None)
            continue
        try:
            parts = {name: values[doc] for name, values in header.items()}
            found.append(
                _document(
                    parts,
                    memo,
                    st,
                    start,
                    measure_at,
                    money,
                    percents,
                    terms,
                    mixing.get(doc),
                    doc not in unsure,
                )
            )
        except Exception:
            found.append(None)  # the exact road says what is wrong
    return found


#: The largest percent units the kernels take (the products below are checked all the same).
_LARGEST_UNITS: Final = 1 << 62


def _measures_unsure(
    kopecks: dict[str, Any],
    pairs: dict[int | None, tuple[int, int] | None],
    indices: Any,
    owner: Any,
    count: int,
) -> set[int]:
    """The documents where a measure-level screen could fire, by compute kernels over the
    whole batch: the screens' own integer arithmetic at the written figures (kopecks and
    percent units in int64, every product and difference overflow-checked), never a float.
    A document not in the set has measures the Python screens would all call clean; where a
    figure does not fit or a product overflows, every document is unsure."""
    import pyarrow as pa
    import pyarrow.compute as pc

    every = set(range(count))
    written = [pair for at, pair in pairs.items() if at is not None and pair is not None]
    if any(units >= _LARGEST_UNITS for units, _ in written):
        return every
    units = pc.take(pa.array([u for u, _ in written], pa.int64()), indices)
    scale = pc.take(pa.array([s for _, s in written], pa.int64()), indices)
    indicative, annual, actual = kopecks["indicative"], kopecks["annual"], kopecks["actual"]
    plan = pc.coalesce(annual, indicative)
    try:
        off = pc.subtract_checked(
            pc.multiply_checked(units, plan),
            pc.multiply_checked(pc.multiply_checked(actual, 100), scale),
        )
        conditions = (
            pc.greater(actual, annual),  # MR401
            pc.greater(annual, indicative),  # MR402
            pc.and_(units.is_valid(), pc.equal(plan, 0)),  # MR203
            # MR201, MR205, MR206 on measures: not a correct rounding of actual over plan
            pc.and_(
                pc.not_equal(plan, 0),
                pc.greater(pc.multiply_checked(pc.abs_checked(off), 2), plan),
            ),
            # MR403: 100% or more declared where nothing was financed
            pc.and_(
                pc.greater_equal(units, pc.multiply_checked(scale, 100)),
                pc.or_kleene(actual.is_null(), pc.equal(actual, 0)),
            ),
        )
    except (pa.ArrowException, OverflowError):
        return every
    unsure: set[int] = set()
    for condition in conditions:
        condition = pc.fill_null(condition, False)
        if pc.any(condition).as_py():
            unsure.update(pc.filter(owner, condition).to_pylist())
    return unsure


_REFUSED: Final = object()


@functools.cache
def _default_formats() -> ColumnFormats:
    """The column formats of a document that writes none (frozen: one serves them all)."""
    return ColumnFormats()


def _part(cls: type[T], value: Any, st: Any, memo: dict[Any, Any]) -> T:
    """The header part ``value`` read as ``cls`` by the generated reader, once for each
    distinct value (header parts repeat from report to report: the program, the period,
    the signatory); a value the reader refuses raises each time."""
    key = (cls, orjson.dumps(value))
    found = memo.get(key)
    if found is None:
        try:
            found = reader(cls)(_without_nulls(value), st, memo)
        except Exception:
            found = _REFUSED
        memo[key] = found
    if found is _REFUSED:
        raise ValueError(f"not a valid {cls.__name__}")
    return typing.cast(T, found)


def _document(
    parts: dict[str, Any],
    memo: dict[Any, Any],
    st: Any,
    start: int,
    end: int,
    money: dict[str, list[int | None]],
    percents: list[tuple[int, int] | None],
    terms: list[YearSpan | None],
    mixing: str | None,
    measures_clean: bool,
) -> ProgramColumns:
    program: Program = _part(Program, parts["program"], st, memo)
    period = None if parts["period"] is None else _part(ReportingPeriod, parts["period"], st, memo)
    total = None
    if parts["total"] is not None:  # the «Всього» row differs from report to report
        total = reader(Financing)(_without_nulls(parts["total"]), st, memo)
    total_percent = None
    if parts["total_percent"] is not None:
        total_percent = Percent.from_canonical(parts["total_percent"])
        if total_percent is None or total_percent.units < 0:
            raise ValueError("not a canonical percent")
    if parts["signatory"] is not None:
        _part(Signatory, parts["signatory"], st, memo)
    formats = (
        _default_formats()
        if parts["columns"] is None
        else _part(ColumnFormats, parts["columns"], st, memo)
    )
    if parts["total_columns"] is not None:
        _part(ColumnFormats, parts["total_columns"], st, memo)
    return ProgramColumns(
        program,
        period,
        formats,
        total,
        total_percent,
        money["indicative"][start:end],
        money["annual"][start:end],
        money["actual"][start:end],
        percents[start:end],
        terms[start:end],
        [] if mixing is None else [mixing],
        memo,
        measures_clean,
    )
