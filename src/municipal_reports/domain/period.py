"""Reporting periods (a year, 9 months, a quarter, a half-year, a month, any range) and terms."""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from typing import Final

import attrs

from municipal_reports.domain._checks import (
    check_declared,
    checks_of,
    declare,
    declared,
    instance_of,
    int_between,
)
from municipal_reports.errors import InvalidTypeError, InvalidValueError, Problem

__all__ = ["PeriodKind", "ReportingPeriod", "YearSpan"]

#: Years outside this range are typing mistakes, not reports.
MIN_YEAR = 1900
MAX_YEAR = 2199

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class PeriodKind(enum.Enum):
    """The kinds of reporting period the documents use."""

    YEAR = "year"
    NINE_MONTHS = "nine_months"
    HALF_YEAR = "half_year"
    QUARTER = "quarter"
    MONTH = "month"
    RANGE = "range"


def _number(name: str, value: object, low: int, high: int) -> int:
    """``value`` if it is an int within [low, high]; else the library's error naming it."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError([Problem(f"$.{name}", value, "must be int", True)])
    if not low <= value <= high:
        raise InvalidValueError([Problem(f"$.{name}", value, f"must be from {low} to {high}")])
    return value


def _year(year: object) -> int:
    return _number("year", year, MIN_YEAR, MAX_YEAR)


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


_ONE_DAY: Final = dt.timedelta(days=1)

#: How many months each named kind of period spans, and the months it may start in.
_SHAPES: Final[dict[str, tuple[int, frozenset[int]]]] = {
    PeriodKind.YEAR.value: (12, frozenset({1})),
    PeriodKind.NINE_MONTHS.value: (9, frozenset({1})),
    PeriodKind.HALF_YEAR.value: (6, frozenset({1, 7})),
    PeriodKind.QUARTER.value: (3, frozenset({1, 4, 7, 10})),
    PeriodKind.MONTH.value: (1, frozenset(range(1, 13))),
}


@declared
@attrs.frozen
class ReportingPeriod:
    """The span of dates a report covers, and what kind of span it is.

    Build it with the class methods; the constructor checks that the dates fit the kind.

    >>> p = ReportingPeriod.nine_months(2022)
    >>> p.start, p.end
    (datetime.date(2022, 1, 1), datetime.date(2022, 9, 30))
    >>> p.name_uk, p.name_en
    ('9 місяців 2022 року', '9 months of 2022')
    """

    kind: PeriodKind = attrs.field(metadata=declare(instance_of(PeriodKind)))
    start: dt.date = attrs.field(metadata=declare(instance_of(dt.date)))
    end: dt.date = attrs.field(metadata=declare(instance_of(dt.date)))

    def __attrs_post_init__(self) -> None:
        check_declared(self, self._kind_problems())

    def _kind_problems(self) -> list[Problem]:
        if not (isinstance(self.start, dt.date) and isinstance(self.end, dt.date)):
            return []
        if isinstance(self.start, dt.datetime) or isinstance(self.end, dt.datetime):
            return [Problem("$.start", self.start, "must be a date, not a datetime", True)]
        if self.end < self.start:
            return [Problem("$.end", self.end, f"must not be before the start {self.start}")]
        if not MIN_YEAR <= self.start.year <= MAX_YEAR:
            return [Problem("$.start", self.start, f"year must be from {MIN_YEAR} to {MAX_YEAR}")]
        if not MIN_YEAR <= self.end.year <= MAX_YEAR:
            return [Problem("$.end", self.end, f"year must be from {MIN_YEAR} to {MAX_YEAR}")]
        if not isinstance(self.kind, PeriodKind) or self.kind is PeriodKind.RANGE:
            return []
        if self.start.day != 1 or (self.end + _ONE_DAY).day != 1:  # the end: a last day
            return [
                Problem(
                    "$",
                    (self.start, self.end),
                    f"a {self.kind.value} runs from a "
                    "first day of a month to a last day of a month",
                )
            ]
        months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
        expected = _SHAPES[self.kind.value]
        if months != expected[0] or self.start.month not in expected[1]:
            return [Problem("$", (self.start, self.end), f"dates do not make a {self.kind.value}")]
        return []

    @classmethod
    def year(cls, year: int) -> ReportingPeriod:
        """The calendar year ``year``."""
        year = _year(year)
        return cls(PeriodKind.YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def nine_months(cls, year: int) -> ReportingPeriod:
        """January to September of ``year``."""
        year = _year(year)
        return cls(PeriodKind.NINE_MONTHS, dt.date(year, 1, 1), dt.date(year, 9, 30))

    @classmethod
    def half_year(cls, year: int, half: int) -> ReportingPeriod:
        """The first (1) or second (2) half of ``year``."""
        year, half = _year(year), _number("half", half, 1, 2)
        first = 1 if half == 1 else 7
        return cls(PeriodKind.HALF_YEAR, dt.date(year, first, 1), _last_day(year, first + 5))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> ReportingPeriod:
        """Quarter 1 to 4 of ``year``."""
        year, quarter = _year(year), _number("quarter", quarter, 1, 4)
        first = 3 * (quarter - 1) + 1
        return cls(PeriodKind.QUARTER, dt.date(year, first, 1), _last_day(year, first + 2))

    @classmethod
    def month(cls, year: int, month: int) -> ReportingPeriod:
        """One calendar month."""
        year, month = _year(year), _number("month", month, 1, 12)
        return cls(PeriodKind.MONTH, dt.date(year, month, 1), _last_day(year, month))

    @classmethod
    def months(cls, year: int, first: int, last: int) -> ReportingPeriod:
        """Whole months ``first`` to ``last`` of ``year`` («січень–серпень 2023 року», «за 7
        місяців»): the named kind when the months make one (January to September is 9
        months, January to June the first half-year), else a range of their dates.

        >>> ReportingPeriod.months(2023, 1, 8).name_uk
        'період з 01.01.2023 по 31.08.2023'
        >>> ReportingPeriod.months(2017, 1, 6) == ReportingPeriod.half_year(2017, 1)
        True
        """
        year = _year(year)
        first, last = _number("first", first, 1, 12), _number("last", last, 1, 12)
        if last < first:
            raise InvalidValueError([Problem("$.last", last, f"must not be before {first}")])
        if first == last:
            return cls.month(year, first)
        named = {
            (1, 12): lambda: cls.year(year),
            (1, 9): lambda: cls.nine_months(year),
            (1, 6): lambda: cls.half_year(year, 1),
            (7, 12): lambda: cls.half_year(year, 2),
        }
        if (first, last) in named:
            return named[first, last]()
        if last - first == 2 and first % 3 == 1:
            return cls.quarter(year, first // 3 + 1)
        return cls.between(dt.date(year, first, 1), _last_day(year, last))

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> ReportingPeriod:
        """Any range of dates, both ends included."""
        return cls(PeriodKind.RANGE, start, end)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    @property
    def number(self) -> int:
        """The half-year, quarter or month number (1 for the other kinds)."""
        if self.kind is PeriodKind.HALF_YEAR:
            return 1 if self.start.month == 1 else 2
        if self.kind is PeriodKind.QUARTER:
            return (self.start.month - 1) // 3 + 1
        if self.kind is PeriodKind.MONTH:
            return self.start.month
        return 1

    @property
    def name_uk(self) -> str:
        """The Ukrainian name, as a report's title writes it after «за».

        Kept for code written against it; the words a person reads come from
        :func:`municipal_reports.i18n.format_period` (tests/test_i18n.py holds the two equal).
        """
        y, k = self.start.year, self.kind
        if k is PeriodKind.YEAR:
            return f"{y} рік"
        if k is PeriodKind.NINE_MONTHS:
            return f"9 місяців {y} року"
        if k is PeriodKind.HALF_YEAR:
            return f"{_ROMAN[self.number]} півріччя {y} року"
        if k is PeriodKind.QUARTER:
            return f"{_ROMAN[self.number]} квартал {y} року"
        if k is PeriodKind.MONTH:
            return f"{_MONTHS_UK[self.number - 1]} {y} року"
        return f"період з {self.start:%d.%m.%Y} по {self.end:%d.%m.%Y}"

    @property
    def name_en(self) -> str:
        """The English name (see :attr:`name_uk`)."""
        y, k = self.start.year, self.kind
        if k is PeriodKind.YEAR:
            return str(y)
        if k is PeriodKind.NINE_MONTHS:
            return f"9 months of {y}"
        if k is PeriodKind.HALF_YEAR:
            return f"H{self.number} {y}"
        if k is PeriodKind.QUARTER:
            return f"Q{self.number} {y}"
        if k is PeriodKind.MONTH:
            return f"{calendar.month_name[self.number]} {y}"
        return f"{self.start.isoformat()} to {self.end.isoformat()}"

    def __str__(self) -> str:
        return self.name_en


_MONTHS_UK = (
    "січень", "лютий", "березень", "квітень", "травень", "червень",
    "липень", "серпень", "вересень", "жовтень", "листопад", "грудень",
)  # fmt: skip


@declared
@attrs.frozen
class YearSpan:
    """A program's term in whole years, both ends included («2021-2025»).

    >>> ReportingPeriod.nine_months(2022) in YearSpan(2021, 2025)
    True
    """

    first: int = attrs.field(metadata=declare(int_between(MIN_YEAR, MAX_YEAR)))
    last: int = attrs.field(metadata=declare(int_between(MIN_YEAR, MAX_YEAR)))

    def __attrs_post_init__(self) -> None:
        first, last = self.first, self.last
        if (
            first.__class__ is int
            and last.__class__ is int
            and MIN_YEAR <= first <= last <= MAX_YEAR
        ):
            return  # the common case, checked in one expression
        extra = []
        if checks_of(YearSpan).passes(self) and last < first:
            extra.append(Problem("$.last", last, f"must not be before {first}"))
        check_declared(self, extra)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, ReportingPeriod):
            return self.first <= item.start.year and item.end.year <= self.last
        if isinstance(item, dt.date):
            return self.first <= item.year <= self.last
        if isinstance(item, int):
            return self.first <= item <= self.last
        return False

    def __str__(self) -> str:
        return f"{self.first}–{self.last}"
