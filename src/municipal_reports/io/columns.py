"""A program-report document read column by column, for the bulk road's screens.

:func:`program_columns` takes a document's bytes and returns its
:class:`~municipal_reports.domain.columns.ProgramColumns` without building a measure or a
task: the measures' money becomes three columns of ints (checked and converted a column at
a time: one regex over the column's text, ``int`` mapped over it), their declared percents
and terms two more. The header parts (program, period, signatory, «Всього» row, column
formats) are read by the fast road's generated readers, one object each.

Like the fast road it never decides that a document is bad: it returns ``None`` on
anything outside the common shape or anything the loader would refuse, and the caller
takes the exact road (the loader and the rules). It checks at least what the loader checks
for the measures and tasks (the declarations of their fields, which a test pins), so a
document it reads is one the loader reads (:func:`read_fields`).
"""

from __future__ import annotations

import functools
import re
import types
from collections.abc import Mapping
from typing import Any, Final

import attrs
import orjson

from municipal_reports.domain import (
    ColumnFormats,
    Financing,
    Measure,
    Program,
    ProgramReport,
    ReportingPeriod,
    Signatory,
    Task,
    YearSpan,
)
from municipal_reports.domain.columns import ProgramColumns
from municipal_reports.domain.money import PLAIN_MONEY
from municipal_reports.domain.percent import PLAIN_PERCENT, Percent
from municipal_reports.domain.text import BLANK
from municipal_reports.io.converter import TAG_KEY, converter
from municipal_reports.io.fast import reader
from municipal_reports.io.json import FORMAT_VERSION, VERSION_KEY

__all__ = ["program_columns", "read_fields"]


class _Unusual(Exception):
    """Not the common shape: the exact road reads this document."""


#: The classes whose objects this reader does not build: it checks their fields itself.
_CHECKED_HERE: Final = (ProgramReport, Task, Measure, Financing)


@functools.cache
def read_fields() -> Mapping[type, frozenset[str]]:
    """The fields this reader checks itself, for each class whose objects it does not
    build, read from the classes' attrs fields at first use (one truth: a field is
    declared once, on its class). Only these keys are accepted; a test pins the checks
    the classes declare for them to the ones this reader makes, so a field or a check
    added to a class must be taught here before the test passes.

    >>> sorted(read_fields()[Financing])
    ['actual', 'annual', 'indicative']
    """
    # Read-only: the one mapping is shared by every caller.
    return types.MappingProxyType(
        {cls: frozenset(f.name for f in attrs.fields(cls)) for cls in _CHECKED_HERE}
    )


@functools.cache
def _keys() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The keys a report, a task, a measure and a financing object may hold."""
    fields = read_fields()
    return (
        fields[ProgramReport] | {VERSION_KEY, TAG_KEY},
        fields[Task],
        fields[Measure],
        fields[Financing],
    )


_MISSING: Final = object()

# Canonical money of the common shape: no sign, no leading zeros, exactly two decimals,
# one a line (a stricter form than the loader reads: anything else takes the exact road).
_MONEY_LINES: Final = re.compile(f"{PLAIN_MONEY}(?:\n{PLAIN_MONEY})*")
_PERCENT_LINES: Final = re.compile(f"{PLAIN_PERCENT}(?:\n{PLAIN_PERCENT})*")
_POW10: Final = tuple(10**i for i in range(13))


_EMPTY: Final[dict[str, Any]] = {}
_BLANK_SET: Final = frozenset(BLANK)
_NONE: Final[list[Any]] = []


def _texts(values: list[Any]) -> None:
    """Refuse ``values`` unless each is text that shows something (the declared check of
    non-empty text: :func:`~municipal_reports.domain.text.is_blank` is false)."""
    for value in values:
        if value.__class__ is not str:
            raise _Unusual
        # A first character that shows settles it; strip(BLANK) costs 7× a plain strip.
        if (not value or value[0] in _BLANK_SET) and not value.strip(BLANK):
            raise _Unusual


def _money_column(values: list[Any]) -> list[int | None]:
    present = [v for v in values if v is not None]
    if not present:
        return [None] * len(values)
    joined = "\n".join(present)
    # One value a line: a value holding a line break of its own is refused, not split.
    if _MONEY_LINES.fullmatch(joined) is None or joined.count("\n") != len(present) - 1:
        raise _Unusual
    kopecks = map(int, joined.replace(".", "").split("\n"))
    if len(present) == len(values):
        return list(kopecks)
    return [None if v is None else next(kopecks) for v in values]


def _percent_column(values: list[Any]) -> list[tuple[int, int] | None]:
    present = [v for v in values if v is not None]
    if not present:
        return [None] * len(values)
    joined = "\n".join(present)
    if _PERCENT_LINES.fullmatch(joined) is None or joined.count("\n") != len(present) - 1:
        raise _Unusual
    units = map(int, joined.replace(".", "").split("\n"))
    found: list[tuple[int, int] | None] = []
    for v in values:
        if v is None:
            found.append(None)
        else:
            dot = v.find(".")
            found.append((next(units), 1 if dot < 0 else _POW10[len(v) - dot - 1]))
    return found


#: A colon after JSON white space: then «":» no longer counts the members written.
_SPACED_COLONS: Final = (b" :", b"\t:", b"\n:", b"\r:")


def _columns(source: bytes, memo: dict[Any, Any]) -> ProgramColumns:
    report_keys, task_keys, measure_keys, financing_keys = _keys()
    data = orjson.loads(source)
    if data.__class__ is not dict or not data.keys() <= report_keys:
        raise _Unusual
    # Keys the decoded objects hold, counted on the way, against the raw text's «":»:
    # where no colon follows white space, every member's colon comes straight after its
    # key's closing quote, so the text holds at least as many «":» as members written;
    # fewer kept than that means a key held twice, which the loader refuses (see
    # io.json._duplicate_key). A colon after white space sends the document to the exact
    # road (also when it only stands in a text).
    keys = len(data) + sum(
        _keys_in(data.get(name))
        for name in ("program", "period", "total", "signatory", "columns", "total_columns")
    )
    version = data.get(VERSION_KEY)
    if version.__class__ is not int or not 1 <= version <= FORMAT_VERSION:
        raise _Unusual
    if data.get(TAG_KEY) != "program_report":
        raise _Unusual
    st = converter().structure
    program: Program = reader(Program)(data["program"], st, memo)
    raw_period = data.get("period")
    period: ReportingPeriod | None = (
        None if raw_period is None else reader(ReportingPeriod)(raw_period, st, memo)
    )
    if data.get("executor", "").__class__ is not str:
        raise _Unusual
    total = data.get("total")
    total_financing = None if total is None else reader(Financing)(total, st, memo)
    declared_total = data.get("total_percent")
    total_percent = None
    if declared_total is not None:
        if declared_total.__class__ is str:
            total_percent = Percent.from_canonical(declared_total)
        if total_percent is None or total_percent.units < 0:
            raise _Unusual
    signatory = data.get("signatory")
    if signatory is not None:
        reader(Signatory)(signatory, st, memo)
    formats = data.get("columns", _MISSING)
    column_formats = (
        ColumnFormats() if formats is _MISSING else reader(ColumnFormats)(formats, st, memo)
    )
    total_formats = data.get("total_columns")
    if total_formats is not None:
        # Checked as the loader would; the screens judge the «Всього» row exactly, which
        # only a wider band could excuse, so its own writing changes no screen.
        reader(ColumnFormats)(total_formats, st, memo)
    titles: list[Any] = []  # what must be non-empty text: titles, contents, executors
    notes: list[Any] = []
    numbers: list[Any] = []
    indicative: list[Any] = []
    annual: list[Any] = []
    actual: list[Any] = []
    declared: list[Any] = []
    raw_terms: list[Any] = []
    tasks = data.get("tasks", _NONE)
    if tasks.__class__ is not list:
        raise _Unusual
    for task in tasks:
        if task.__class__ is not dict or not task.keys() <= task_keys:
            raise _Unusual
        keys += len(task)
        titles.append(task.get("title"))
        numbers.append(task.get("number"))
        measures = task.get("measures", _NONE)
        if measures.__class__ is not list:
            raise _Unusual
        for m in measures:
            if m.__class__ is not dict or not m.keys() <= measure_keys:
                raise _Unusual
            get = m.get
            titles.append(get("content"))
            financing = get("financing", _EMPTY)
            if financing.__class__ is not dict or not financing.keys() <= financing_keys:
                raise _Unusual
            keys += len(m) + len(financing)
            money = financing.get
            indicative.append(money("indicative"))
            annual.append(money("annual"))
            actual.append(money("actual"))
            declared.append(get("declared_percent"))
            term = get("term")
            if term.__class__ is dict:
                keys += len(term)
            raw_terms.append(term)
            executors = get("executors", _NONE)
            if executors.__class__ is not list:
                raise _Unusual
            titles.extend(executors)
            notes.append(get("note", ""))
            numbers.append(get("number"))
    if source.count(b'":') != keys or any(gap in source for gap in _SPACED_COLONS):
        raise _Unusual  # a key held twice, or only a «\":» in a text: the exact road decides
    _texts([n for n in numbers if n is not None])
    _texts(titles)
    if not all(n.__class__ is str for n in notes):
        raise _Unusual
    return ProgramColumns(
        program,
        period,
        column_formats,
        total_financing,
        total_percent,
        _money_column(indicative),
        _money_column(annual),
        _money_column(actual),
        _percent_column(declared),
        _terms(raw_terms, st, memo),
        [program.title, *titles, *notes],
        memo,
    )


def _keys_in(value: Any) -> int:
    """The keys of every object in ``value`` (a decoded header part: a few objects)."""
    if value.__class__ is dict:
        return len(value) + sum(map(_keys_in, value.values()))
    if value.__class__ is list:
        return sum(map(_keys_in, value))
    return 0


def _terms(raw: list[Any], st: Any, memo: dict[Any, Any]) -> list[YearSpan | None]:
    read = reader(YearSpan)
    seen: dict[Any, YearSpan] = {}
    found: list[YearSpan | None] = []
    for term in raw:
        if term is None:
            found.append(None)
            continue
        if term.__class__ is not dict:
            raise _Unusual
        first, last = term.get("first"), term.get("last")
        # The types too: 2020.0 == 2020, but only the int is a valid year.
        key = (first, first.__class__, last, last.__class__, len(term))
        span = seen.get(key)
        if span is None:
            span = seen[key] = read(term, st, memo)
        found.append(span)
    return found


def program_columns(source: bytes, memo: dict[Any, Any] | None = None) -> ProgramColumns | None:
    """The columns of the JSON document ``source``, or ``None`` when it is not a program
    report of the common shape, or not valid: then the exact road must read it.

    ``memo`` keeps the small immutable values read (periods, terms, names) for the next
    documents: a caller reading a batch passes one dict for the batch."""
    try:
        return _columns(source, {} if memo is None else memo)
    except Exception:
        # Anything at all: the exact road reads the document and says what is wrong.
        return None
