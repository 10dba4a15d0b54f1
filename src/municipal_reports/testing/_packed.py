"""Rows decoded from one draw of bytes: the hot path of program-report generation.

Each hypothesis draw costs tens of microseconds whatever it draws, so a measure drawn field
by field (content, note, executors, three amounts, a percent, a term…) is slow. A measure
here is one draw of 17 bytes, each field read from its own bytes: all-zero bytes decode to
the simplest row (first content, no note, nothing financed), so shrinking, which drives
bytes towards zero, still gives small readable rows.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Sequence
from typing import Final, TypeVar

from hypothesis import strategies as st

from municipal_reports.domain.money import Money
from municipal_reports.domain.percent import Percent
from municipal_reports.domain.period import ReportingPeriod, YearSpan
from municipal_reports.domain.program import ColumnFormats, Financing, Measure, Program
from municipal_reports.domain.references import Decision, Person, Signatory
from municipal_reports.testing import _text
from municipal_reports.testing._values import correct_percent

__all__ = [
    "HEADER",
    "PROGRAM",
    "ROW",
    "ROW_SIZE",
    "Reader",
    "financing_from",
    "measure_from",
    "period_from",
    "program_from",
    "signatory_from",
]

T = TypeVar("T")

ROW_SIZE: Final = 17
#: One measure's worth of bytes: 16 for the measure, 1 for its place among the tasks.
ROW: Final = st.binary(min_size=ROW_SIZE, max_size=ROW_SIZE)

#: A program's worth of bytes (see :func:`program_from`).
PROGRAM: Final = st.binary(min_size=16, max_size=16)
#: A whole report's period (5 bytes used).
HEADER: Final = st.binary(min_size=12, max_size=12)

# An execution ratio at or above this many 65 535ths reads as «fully executed»: real tables
# show 100% often, a uniform ratio almost never would.
_FULL: Final = 50_000


class Reader:
    """Reads fields off a byte string, front to back."""

    __slots__ = ("_at", "_data")

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._at = 0

    def uint(self, size: int) -> int:
        """The next ``size`` bytes as an unsigned big-endian integer."""
        value = int.from_bytes(self._data[self._at : self._at + size], "big")
        self._at += size
        return value

    def pick(self, options: Sequence[T]) -> T:
        """One of ``options``; a zero byte gives the first."""
        return options[self.uint(1) % len(options)]

    def below(self, high: int, size: int) -> int:
        """A number from 0 to ``high``, from the next ``size`` bytes."""
        return self.uint(size) % (high + 1)


def _spread(r: Reader, high: int) -> int:
    """A number from 0 to ``high`` whose order of magnitude is drawn first (2 + 5 bytes)."""
    digits = r.uint(1) % (len(str(high)) + 1)
    return r.below(min(high, 10**digits), 5)


def _ratio(r: Reader, whole: int) -> int:
    """A part of ``whole`` (2 bytes): zero, a share, or often all of it."""
    frac = min(r.uint(2), _FULL)
    return whole * frac // _FULL


@functools.lru_cache(maxsize=64)
def _steps(columns: ColumnFormats) -> tuple[int, int, int]:
    """The kopecks of each money column's step (asked once per format, not per row)."""
    return (
        columns.indicative.step.kopecks,
        columns.annual.step.kopecks,
        columns.actual.step.kopecks,
    )


def financing_from(r: Reader, columns: ColumnFormats, max_kopecks: int) -> Financing:
    """actual ≤ annual ≤ indicative ≤ ``max_kopecks``, each a multiple of its column's step
    (so no MR401/MR402, and the parts of a rounded column sum exactly). 10 bytes."""
    ind_step, ann_step, act_step = _steps(columns)
    indicative = _spread(r, max_kopecks // ind_step) * ind_step
    annual = _ratio(r, indicative // ann_step) * ann_step
    actual = _ratio(r, annual // act_step) * act_step
    return Financing(
        Money.from_kopecks(indicative), Money.from_kopecks(annual), Money.from_kopecks(actual)
    )


def declared_percent(financing: Financing, decimals: int) -> Percent | None:
    """A correct rounding of actual / plan with ``decimals`` decimals; «0» with nothing
    planned and nothing spent; ``None`` where no percentage is defined."""
    plan, actual = financing.plan, financing.actual
    if plan is None or actual is None:
        return None
    if not plan:
        return None if actual else Percent.from_units(0, decimals)
    return correct_percent(actual, plan, decimals)


_DECIMALS: Final = (0, 2, 1)
_EXECUTOR_SETS: Final = (
    (),
    *((e,) for e in _text.EXECUTORS),
    *((a, b) for a, b in zip(_text.EXECUTORS, _text.EXECUTORS[1:], strict=False)),
)


def _sub_span(r: Reader, term: YearSpan | None) -> YearSpan | None:
    choice, years = r.uint(1), r.uint(1)
    if term is None or choice % 3 == 0:
        return None
    if choice % 3 == 1:
        return term
    length = term.last - term.first + 1
    first = term.first + years % length
    return YearSpan(first, first + (years // length) % (term.last - first + 1))


def measure_from(
    r: Reader,
    columns: ColumnFormats,
    max_kopecks: int,
    *,
    with_percent: bool = True,
    term: YearSpan | None = None,
    number: str | None = None,
    financing: Financing | None = None,
) -> Measure:
    """A measure from 15 bytes (its financing from ``r`` unless given)."""
    content = r.pick(_text.MEASURE_CONTENTS)
    note = r.pick(_text.NOTES)
    executors = r.pick(_EXECUTOR_SETS)
    decimals = r.pick(_DECIMALS)
    span = _sub_span(r, term)
    fin = financing_from(r, columns, max_kopecks) if financing is None else financing
    return Measure(
        content=content,
        financing=fin,
        declared_percent=declared_percent(fin, decimals) if with_percent else None,
        term=span,
        executors=executors,
        note=note,
        number=number,
    )


def period_from(r: Reader, first_year: int, last_year: int) -> ReportingPeriod:
    """A reporting period of any kind inside the years given (5 bytes)."""
    kind, year, number = (
        r.uint(1) % 6,
        first_year + r.uint(1) % (last_year - first_year + 1),
        r.uint(1),
    )
    start_day, length = r.uint(1), r.uint(1)
    if kind == 0:
        return ReportingPeriod.year(year)
    if kind == 1:
        return ReportingPeriod.nine_months(year)
    if kind == 2:
        return ReportingPeriod.half_year(year, 1 + number % 2)
    if kind == 3:
        return ReportingPeriod.quarter(year, 1 + number % 4)
    if kind == 4:
        return ReportingPeriod.month(year, 1 + number % 12)
    month = 1 + number % 12
    start = dt.date(year, month, 1 + start_day % calendar.monthrange(year, month)[1])
    end = min(start + dt.timedelta(days=length), dt.date(year, 12, 31))
    return ReportingPeriod.between(start, end)


def signatory_from(r: Reader) -> Signatory | None:
    """A signatory, or none one time in four (5 bytes)."""
    present, position = r.uint(1), r.pick(_text.POSITIONS)
    person = Person(r.pick(_text.GIVEN_NAMES), r.pick(_text.SURNAMES), r.pick(_text.PATRONYMICS))
    return Signatory(position, person) if present % 4 else None


def program_from(r: Reader, term: YearSpan | None, title: str | None = None) -> Program:
    """A program approved in the half-year before its term with up to three amendments
    after the approval, each decision with its own number (16 bytes). The term is drawn
    from 2015–2030, 1 to 6 years long, unless given."""
    first, length = 2015 + r.uint(1) % 16, 1 + r.uint(1) % 6
    drawn_title = r.pick(_text.PROGRAM_TITLES)
    council = r.pick(_text.CITIES)[0]
    executors = r.pick(_EXECUTOR_SETS[1:])
    before, count = 1 + r.uint(1) % 180, r.uint(1) % 4
    approval_number = 1 + r.uint(2) % 2000
    term = term if term is not None else YearSpan(first, min(first + length - 1, 2030))
    approved_on = dt.date(term.first, 1, 1) - dt.timedelta(days=before)
    span = (dt.date(term.last, 12, 31) - approved_on).days
    approved = Decision(approved_on, str(approval_number), body=council)
    amendments = []
    day, number = 0, approval_number
    for _ in range(3):
        # Later decisions come later and carry larger numbers: never two with one number.
        step, gap = r.uint(1), r.uint(1)
        day = min(day + 1 + step * 4, span)
        number += 1 + gap
        amendments.append(Decision(approved_on + dt.timedelta(days=day), str(number), body=council))
    return Program(
        title=drawn_title if title is None else title,
        approved_by=approved,
        amendments=tuple(amendments[:count]),
        responsible_executors=executors,
        term=term,
    )
