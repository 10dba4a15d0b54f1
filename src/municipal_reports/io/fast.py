"""The fast road for program-report documents: the common shape, built directly.

Bulk tools load program reports by the hundred thousand, and most of a load's time went to
generic machinery (cattrs dispatch, a construction check per object) for the measures. This
module reads the measures, their financing, money and percentages by hand, checks exactly
what the converter and the entities' construction checks would (types, canonical money and
percent text, non-negative values, non-empty text, no unknown keys), and builds the objects
without running those checks a second time.

It never decides that a document is bad: on anything unusual (an unknown key, a wrong type,
a negative amount, a money value as a number…) it gives up, and the caller reads the
document with the converter, which builds the same objects or raises the detailed
:class:`~municipal_reports.errors.StructureError`. So the fast road changes the speed and
nothing else; a test compares both roads on good and broken documents.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from municipal_reports.domain import (
    ColumnFormats,
    Financing,
    Measure,
    Money,
    Percent,
    Program,
    ProgramReport,
    ReportingPeriod,
    Signatory,
    Task,
    YearSpan,
)
from municipal_reports.domain.text import BLANK

__all__ = ["program_report"]

#: Non-negative money and percentages as the format writes them (the converter's patterns
#: without the minus sign: a negative value is refused at construction, so it goes to the
#: converter, which says so with the path).

_FINANCING_KEYS: Final = frozenset(("indicative", "annual", "actual"))
_MEASURE_KEYS: Final = frozenset(
    ("content", "financing", "declared_percent", "term", "executors", "note", "number")
)
_TASK_KEYS: Final = frozenset(("title", "measures", "number"))
_REPORT_KEYS: Final = frozenset(
    (
        "program",
        "period",
        "tasks",
        "executor",
        "total",
        "total_percent",
        "signatory",
        "columns",
    )
)


class _Unusual(Exception):
    """Not the common shape: let the converter read this document."""


def _trusted(cls: type) -> Callable[..., Any]:
    """A maker of ``cls`` that sets the fields without running the construction checks
    (the caller has checked them); generated once, as attrs generates ``__init__``."""
    names = cls.__attrs_attrs__  # type: ignore[attr-defined]
    fields = [a.name for a in names]
    body = "\n".join(f"    _set(obj, {n!r}, {n})" for n in fields)
    source = f"def make({', '.join(fields)}):\n    obj = _new(_cls)\n{body}\n    return obj\n"
    env: dict[str, Any] = {"_new": object.__new__, "_set": object.__setattr__, "_cls": cls}
    exec(compile(source, f"<trusted {cls.__name__}>", "exec"), env)
    maker: Callable[..., Any] = env["make"]
    return maker


_make_measure: Final = _trusted(Measure)
_make_financing: Final = _trusted(Financing)
_EMPTY_FINANCING: Final = Financing()


def _money(value: Any) -> Money | None:
    if value is None:
        return None
    if value.__class__ is not str:
        raise _Unusual
    money = Money.from_canonical(value)
    if money is None or money.kopecks < 0:
        raise _Unusual  # the converter reads it again and says what is wrong, with the path
    return money


def _percent(value: Any) -> Percent | None:
    if value is None:
        return None
    if value.__class__ is not str:
        raise _Unusual
    percent = Percent.from_canonical(value)
    if percent is None or percent.units < 0:
        raise _Unusual
    return percent


def _financing(data: Any) -> Financing:
    if data.__class__ is not dict or not data.keys() <= _FINANCING_KEYS:
        raise _Unusual
    get = data.get
    result: Financing = _make_financing(
        _money(get("indicative")), _money(get("annual")), _money(get("actual"))
    )
    return result


def _text(value: Any) -> str:
    if value.__class__ is not str or not value.strip(BLANK):
        raise _Unusual
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if value.__class__ is not list:
        raise _Unusual
    for item in value:
        if item.__class__ is not str or not item.strip(BLANK):
            raise _Unusual
    return tuple(value)


def _measure(data: Any, terms: dict[tuple[int, int], YearSpan]) -> Measure:
    if data.__class__ is not dict or not data.keys() <= _MEASURE_KEYS:
        raise _Unusual
    get = data.get
    financing = get("financing")
    term = get("term")
    if term is not None:
        # Terms repeat through a report: build each once (with its checks).
        if term.__class__ is not dict or term.keys() != {"first", "last"}:
            raise _Unusual
        first, last = term["first"], term["last"]
        if first.__class__ is not int or last.__class__ is not int:
            raise _Unusual
        span = terms.get((first, last))
        if span is None:
            try:
                span = terms[first, last] = YearSpan(first, last)
            except ValueError:
                raise _Unusual from None
        term = span
    note = get("note", "")
    if note.__class__ is not str:
        raise _Unusual
    number = get("number")
    result: Measure = _make_measure(
        _text(get("content")),
        _EMPTY_FINANCING
        if financing is None and "financing" not in data
        else _financing(financing),
        _percent(get("declared_percent")),
        term,
        _texts(get("executors", [])),
        note,
        None if number is None else _text(number),
    )
    return result


def _task(data: Any, terms: dict[tuple[int, int], YearSpan]) -> Task:
    if data.__class__ is not dict or not data.keys() <= _TASK_KEYS:
        raise _Unusual
    measures = data.get("measures", [])
    if measures.__class__ is not list:
        raise _Unusual
    number = data.get("number")
    # The real constructor: its checks are cheap next to the measures'.
    return Task(
        _text(data.get("title")),
        tuple([_measure(m, terms) for m in measures]),
        None if number is None else _text(number),
    )


def program_report(
    data: dict[str, Any], structure: Callable[[Any, type], Any]
) -> ProgramReport | None:
    """The program report of the document fields ``data`` (without ``format_version`` and
    ``type``), or ``None`` when it is not of the common shape and must be read by the
    converter. ``structure(value, cls)`` reads the small parts (program, period, signatory,
    columns) with the converter."""
    if not data.keys() <= _REPORT_KEYS or "program" not in data or "period" not in data:
        return None
    try:
        tasks = data.get("tasks", [])
        if tasks.__class__ is not list:
            return None
        terms: dict[tuple[int, int], YearSpan] = {}
        built_tasks = tuple([_task(t, terms) for t in tasks])
        total = data.get("total")
        executor = data.get("executor", "")
        if executor.__class__ is not str:
            return None
        signatory = data.get("signatory")
        columns = data.get("columns")
        return ProgramReport(
            structure(data["program"], Program),
            structure(data["period"], ReportingPeriod),
            built_tasks,
            executor,
            None if total is None else _financing(total),
            _percent(data.get("total_percent")),
            None if signatory is None else structure(signatory, Signatory),
            ColumnFormats()
            if columns is None and "columns" not in data
            else structure(columns, ColumnFormats),
        )
    except Exception:
        # Anything at all: the converter reads the document again and says what is wrong.
        return None
