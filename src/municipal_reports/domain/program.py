"""Target programs and their execution reports: the official 10-column form.

A :class:`ProgramReport` is one executor's report on one program for one period: its
tasks, each grouping measures, each measure with its financing (columns 6–8), the declared
execution percent (column 9) and the note (column 10), and the declared «Всього» row.
"""

from __future__ import annotations

import enum

import attrs

from municipal_reports.domain._checks import (
    Checks,
    instance_of,
    int_at_least,
    non_empty_text,
    non_negative,
    tuple_of,
    tuple_of_text,
    validate,
)
from municipal_reports.domain.money import Money
from municipal_reports.domain.percent import Percent
from municipal_reports.domain.period import ReportingPeriod, YearSpan
from municipal_reports.domain.references import Decision, Signatory
from municipal_reports.errors import Problem

__all__ = [
    "ColumnFormats",
    "Financing",
    "Measure",
    "MoneyFormat",
    "MoneyUnit",
    "Program",
    "ProgramReport",
    "Task",
]


class MoneyUnit(enum.Enum):
    """The unit a column of a table, or one figure of a text, writes money in."""

    HRYVNIA = "UAH"
    THOUSAND = "thousand UAH"
    MILLION = "million UAH"
    BILLION = "billion UAH"

    @property
    def kopecks(self) -> int:
        """How many kopecks one of this unit is."""
        return _UNIT_KOPECKS[self]

    @property
    def max_decimals(self) -> int:
        """The most decimals a figure in this unit can have: its last digit a kopeck."""
        return len(str(_UNIT_KOPECKS[self])) - 1


_POW10: tuple[int, ...] = tuple(10**i for i in range(12))  # up to a kopeck of a billion

_UNIT_KOPECKS = {
    MoneyUnit.HRYVNIA: 100,
    MoneyUnit.THOUSAND: 100_000,
    MoneyUnit.MILLION: 100_000_000,
    MoneyUnit.BILLION: 100_000_000_000,
}


@attrs.frozen
class MoneyFormat:
    """How a table wrote one column of money, or a text one figure: the unit and the
    decimals shown.

    The model keeps hryvnias; this remembers what the document showed, which the renderers
    follow and the audit needs: a «тис. грн» column with one decimal rounds each figure to
    100 грн, so its parts may miss their total by a rounding band; «0,1 млн» is rounded to
    100 000 грн. A unit allows as many decimals as reach the kopeck (2 for грн, 5 for тис.
    грн, 8 for млн грн, 11 for млрд грн).

    >>> MoneyFormat(MoneyUnit.THOUSAND, 1).step, MoneyFormat(MoneyUnit.MILLION, 1).step
    (Money('100.00'), Money('100000.00'))
    """

    unit: MoneyUnit = MoneyUnit.HRYVNIA
    decimals: int = 2

    def __attrs_post_init__(self) -> None:
        extra = []
        if isinstance(self.unit, MoneyUnit) and isinstance(self.decimals, int):
            most = self.unit.max_decimals
            if not 0 <= self.decimals <= most:
                extra.append(Problem("$.decimals", self.decimals, f"must be from 0 to {most}"))
        validate(self, _FORMAT_CHECKS, extra)

    @property
    def step(self) -> Money:
        """The amount each written figure was rounded to."""
        return Money.from_kopecks(self.step_kopecks)

    @property
    def step_kopecks(self) -> int:
        """:attr:`step` in kopecks (cheap: the audit asks for it per measure)."""
        return self.unit.kopecks // _POW10[self.decimals]

    @property
    def is_exact(self) -> bool:
        """Whether figures were written to the kopeck (no rounding band)."""
        return self.unit is MoneyUnit.HRYVNIA and self.decimals == 2


_FORMAT_CHECKS = Checks(("unit", instance_of(MoneyUnit)), ("decimals", int_at_least(0)))

EXACT = MoneyFormat()


@attrs.frozen
class ColumnFormats:
    """The :class:`MoneyFormat` of each money column of a program table (6, 7 and 8)."""

    indicative: MoneyFormat = EXACT
    annual: MoneyFormat = EXACT
    actual: MoneyFormat = EXACT

    def __attrs_post_init__(self) -> None:
        validate(self, _COLUMNS_CHECKS)


_COLUMNS_CHECKS = Checks(
    *((name, instance_of(MoneyFormat)) for name in ("indicative", "annual", "actual"))
)


@attrs.frozen
class Financing:
    """A measure's money: indicative for the whole term (col. 6), annual plan (col. 7) and
    actually financed in the period (col. 8). An empty cell is ``None``."""

    indicative: Money | None = None
    annual: Money | None = None
    actual: Money | None = None

    def __attrs_post_init__(self) -> None:
        validate(self, _FINANCING_CHECKS)


_FINANCING_CHECKS = Checks(
    *((name, non_negative(Money, optional=True)) for name in ("indicative", "annual", "actual"))
)


@attrs.frozen
class Measure:
    """A funded activity (захід): one row of the official table."""

    content: str
    financing: Financing = Financing()
    declared_percent: Percent | None = None
    term: YearSpan | None = None
    executors: tuple[str, ...] = ()
    note: str = ""
    number: str | None = None

    def __attrs_post_init__(self) -> None:
        validate(self, _MEASURE_CHECKS)


_MEASURE_CHECKS = Checks(
    ("content", non_empty_text()),
    ("financing", instance_of(Financing)),
    ("declared_percent", non_negative(Percent, optional=True)),
    ("term", instance_of(YearSpan, optional=True)),
    ("executors", tuple_of_text()),
    ("note", instance_of(str)),
    ("number", non_empty_text(optional=True)),
)


@attrs.frozen
class Task:
    """A priority task (пріоритетне завдання) and the measures it groups."""

    title: str
    measures: tuple[Measure, ...] = ()
    number: str | None = None

    def __attrs_post_init__(self) -> None:
        validate(self, _TASK_CHECKS)


_TASK_CHECKS = Checks(
    ("title", non_empty_text()),
    ("measures", tuple_of(Measure)),
    ("number", non_empty_text(optional=True)),
)


@attrs.frozen
class Program:
    """A target program (міська цільова програма) as a report's header describes it."""

    title: str
    approved_by: Decision | None = None
    amendments: tuple[Decision, ...] = ()
    responsible_executors: tuple[str, ...] = ()
    term: YearSpan | None = None

    def __attrs_post_init__(self) -> None:
        validate(self, _PROGRAM_CHECKS)


_PROGRAM_CHECKS = Checks(
    ("title", non_empty_text()),
    ("approved_by", instance_of(Decision, optional=True)),
    ("amendments", tuple_of(Decision)),
    ("responsible_executors", tuple_of_text()),
    ("term", instance_of(YearSpan, optional=True)),
)


@attrs.frozen
class ProgramReport:
    """One executor's report on the execution of a program for a period.

    ``total`` and ``total_percent`` are the «Всього» row as declared (``None`` where the
    table has none); the audit checks them against the measures, never the other way.
    """

    program: Program
    period: ReportingPeriod
    tasks: tuple[Task, ...] = ()
    executor: str = ""
    total: Financing | None = None
    total_percent: Percent | None = None
    signatory: Signatory | None = None
    columns: ColumnFormats = ColumnFormats()

    def __attrs_post_init__(self) -> None:
        validate(self, _REPORT_CHECKS)

    def measures(self) -> list[Measure]:
        """Every measure of every task, in order."""
        return [m for t in self.tasks for m in t.measures]


_REPORT_CHECKS = Checks(
    ("program", instance_of(Program)),
    ("period", instance_of(ReportingPeriod)),
    ("tasks", tuple_of(Task)),
    ("executor", instance_of(str)),
    ("total", instance_of(Financing, optional=True)),
    ("total_percent", non_negative(Percent, optional=True)),
    ("signatory", instance_of(Signatory, optional=True)),
    ("columns", instance_of(ColumnFormats)),
)
