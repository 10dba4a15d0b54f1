"""Target programs and their execution reports: the official 10-column form.

A :class:`ProgramReport` is one executor's report on one program for one period: its
tasks, each grouping measures, each measure with its financing (columns 6–8), the declared
execution percent (column 9) and the note (column 10), and the declared «Всього» row.
"""

from __future__ import annotations

import enum
from typing import Final

import attrs

from municipal_reports.domain._checks import (
    check_declared,
    declare,
    declared,
    instance_of,
    int_at_least,
    non_empty_text,
    non_negative,
    tuple_of,
    tuple_of_text,
)
from municipal_reports.domain.band import Band, Fit
from municipal_reports.domain.money import Money
from municipal_reports.domain.percent import Percent, percentage
from municipal_reports.domain.period import ReportingPeriod, YearSpan
from municipal_reports.domain.references import Decision, Signatory
from municipal_reports.domain.text import title_key
from municipal_reports.errors import Problem

__all__ = [
    "FINANCING_COLUMNS",
    "ColumnFormats",
    "ColumnTotal",
    "Financing",
    "Measure",
    "MoneyFormat",
    "MoneyUnit",
    "Program",
    "ProgramReport",
    "ReportTotals",
    "Task",
]

#: The money columns of the official form, in order: 6, 7 and 8.
FINANCING_COLUMNS: Final = ("indicative", "annual", "actual")


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


@declared
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

    unit: MoneyUnit = attrs.field(
        default=MoneyUnit.HRYVNIA, metadata=declare(instance_of(MoneyUnit))
    )
    decimals: int = attrs.field(default=2, metadata=declare(int_at_least(0)))

    def __attrs_post_init__(self) -> None:
        extra = []
        if isinstance(self.unit, MoneyUnit) and isinstance(self.decimals, int):
            most = self.unit.max_decimals
            if not 0 <= self.decimals <= most:
                extra.append(Problem("$.decimals", self.decimals, f"must be from 0 to {most}"))
        check_declared(self, extra)

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


EXACT = MoneyFormat()


@declared
@attrs.frozen
class ColumnFormats:
    """The :class:`MoneyFormat` of each money column of a program table (6, 7 and 8)."""

    indicative: MoneyFormat = attrs.field(default=EXACT, metadata=declare(instance_of(MoneyFormat)))
    annual: MoneyFormat = attrs.field(default=EXACT, metadata=declare(instance_of(MoneyFormat)))
    actual: MoneyFormat = attrs.field(default=EXACT, metadata=declare(instance_of(MoneyFormat)))

    __attrs_post_init__ = check_declared

    def of(self, column: str) -> MoneyFormat:
        """The format of ``column`` (one of :data:`FINANCING_COLUMNS`)."""
        fmt: MoneyFormat = getattr(self, column)
        return fmt

    def band(self, column: str, count: int = 1) -> Band:
        """The rounding band of ``count`` figures written in ``column`` (their sum's band).

        >>> ColumnFormats(actual=MoneyFormat(MoneyUnit.THOUSAND, 1)).band("actual", 2).width
        20000
        """
        return Band.uniform(count, self.of(column).step_kopecks)


@declared
@attrs.frozen
class Financing:
    """A measure's money: indicative for the whole term (col. 6), annual plan (col. 7) and
    actually financed in the period (col. 8). An empty cell is ``None``."""

    indicative: Money | None = attrs.field(
        default=None, metadata=declare(non_negative(Money, optional=True))
    )
    annual: Money | None = attrs.field(
        default=None, metadata=declare(non_negative(Money, optional=True))
    )
    actual: Money | None = attrs.field(
        default=None, metadata=declare(non_negative(Money, optional=True))
    )

    __attrs_post_init__ = check_declared

    @property
    def plan_column(self) -> str | None:
        """The column the plan comes from: ``"annual"`` (column 7), else ``"indicative"``
        (column 6, where the table gives no annual plan), else ``None``."""
        if self.annual is not None:
            return "annual"
        return None if self.indicative is None else "indicative"

    @property
    def plan(self) -> Money | None:
        """The plan an execution percent is measured against: the annual plan (column 7),
        or the indicative amount where there is no annual one.

        >>> Financing(indicative=Money(400), actual=Money(100)).plan
        Money('400.00')
        """
        return self.annual if self.annual is not None else self.indicative

    def execution(self) -> Percent | None:
        """The computed execution: actual over :attr:`plan` by the one rule,
        :func:`~municipal_reports.percentage` (``None`` when either is missing or the plan
        is zero).

        >>> Financing(annual=Money(400), actual=Money(100)).execution()
        Percent('25.00')
        """
        plan, actual = self.plan, self.actual
        if plan is None or actual is None:
            return None
        return percentage(actual, plan)


@declared
@attrs.frozen
class Measure:
    """A funded activity (захід): one row of the official table."""

    content: str = attrs.field(metadata=declare(non_empty_text()))
    financing: Financing = attrs.field(
        default=Financing(), metadata=declare(instance_of(Financing))
    )
    declared_percent: Percent | None = attrs.field(
        default=None, metadata=declare(non_negative(Percent, optional=True))
    )
    term: YearSpan | None = attrs.field(
        default=None, metadata=declare(instance_of(YearSpan, optional=True))
    )
    executors: tuple[str, ...] = attrs.field(default=(), metadata=declare(tuple_of_text()))
    note: str = attrs.field(default="", metadata=declare(instance_of(str)))
    number: str | None = attrs.field(default=None, metadata=declare(non_empty_text(optional=True)))

    __attrs_post_init__ = check_declared


@declared
@attrs.frozen
class Task:
    """A priority task (пріоритетне завдання) and the measures it groups."""

    title: str = attrs.field(metadata=declare(non_empty_text()))
    measures: tuple[Measure, ...] = attrs.field(default=(), metadata=declare(tuple_of(Measure)))
    number: str | None = attrs.field(default=None, metadata=declare(non_empty_text(optional=True)))

    __attrs_post_init__ = check_declared


@declared
@attrs.frozen
class Program:
    """A target program (міська цільова програма) as a report's header describes it."""

    title: str = attrs.field(metadata=declare(non_empty_text()))
    approved_by: Decision | None = attrs.field(
        default=None, metadata=declare(instance_of(Decision, optional=True))
    )
    amendments: tuple[Decision, ...] = attrs.field(default=(), metadata=declare(tuple_of(Decision)))
    responsible_executors: tuple[str, ...] = attrs.field(
        default=(), metadata=declare(tuple_of_text())
    )
    term: YearSpan | None = attrs.field(
        default=None, metadata=declare(instance_of(YearSpan, optional=True))
    )

    __attrs_post_init__ = check_declared

    @property
    def identity(self) -> str:
        """What stays the same across the spellings of one program's title: case, spaces,
        punctuation, apostrophes and Latin look-alike letters aside. Two reports cite one
        program when their identities are equal.

        >>> Program("«Ефективна влада»").identity == Program("ефективна  ВЛАДА").identity
        True
        >>> Program("Кoнкурс").identity == Program("Конкурс").identity  # a Latin «o»
        True
        """
        return title_key(self.title)


@declared
@attrs.frozen
class ProgramReport:
    """One executor's report on the execution of a program for a period.

    ``total`` and ``total_percent`` are the «Всього» row as declared (``None`` where the
    table has none); the audit checks them against the measures, never the other way.
    ``period`` is ``None`` when the document names no reporting period.
    """

    program: Program = attrs.field(metadata=declare(instance_of(Program)))
    period: ReportingPeriod | None = attrs.field(
        default=None, metadata=declare(instance_of(ReportingPeriod, optional=True))
    )
    tasks: tuple[Task, ...] = attrs.field(default=(), metadata=declare(tuple_of(Task)))
    executor: str = attrs.field(default="", metadata=declare(instance_of(str)))
    total: Financing | None = attrs.field(
        default=None, metadata=declare(instance_of(Financing, optional=True))
    )
    total_percent: Percent | None = attrs.field(
        default=None, metadata=declare(non_negative(Percent, optional=True))
    )
    signatory: Signatory | None = attrs.field(
        default=None, metadata=declare(instance_of(Signatory, optional=True))
    )
    columns: ColumnFormats = attrs.field(
        default=ColumnFormats(), metadata=declare(instance_of(ColumnFormats))
    )
    total_columns: ColumnFormats | None = attrs.field(
        default=None, metadata=declare(instance_of(ColumnFormats, optional=True))
    )

    __attrs_post_init__ = check_declared

    @property
    def total_formats(self) -> ColumnFormats:
        """How the «Всього» row was written: ``total_columns`` where the table wrote it
        otherwise than its measures (a total to two decimals over rows to three), else
        :attr:`columns`."""
        return self.columns if self.total_columns is None else self.total_columns

    def measures(self) -> list[Measure]:
        """Every measure of every task, in order."""
        return [m for t in self.tasks for m in t.measures]

    def totals(self) -> ReportTotals:
        """The report's totals, column by column: the «Всього» row as declared, and each
        column summed over the measures (see :class:`ReportTotals`)."""
        sums = [0, 0, 0]
        counts = [0, 0, 0]
        for task in self.tasks:
            for measure in task.measures:
                f = measure.financing
                # One int sum a column: a sum of Money objects costs several times more.
                if f.indicative is not None:
                    sums[0] += f.indicative.kopecks
                    counts[0] += 1
                if f.annual is not None:
                    sums[1] += f.annual.kopecks
                    counts[1] += 1
                if f.actual is not None:
                    sums[2] += f.actual.kopecks
                    counts[2] += 1
        declared = self.total
        columns = self.columns
        totals = self.total_columns
        return ReportTotals(
            *(
                ColumnTotal(
                    name,
                    None if declared is None else getattr(declared, name),
                    Money._unchecked(sums[i]),
                    counts[i],
                    columns.of(name).step_kopecks,
                    None if totals is None else totals.of(name).step_kopecks,
                )
                for i, name in enumerate(FINANCING_COLUMNS)
            )
        )


@attrs.frozen
class ColumnTotal:
    """One money column of a report: its «Всього» cell and the sum of its measures.

    ``summed`` adds the ``count`` measures that give a figure in the column (zero when none
    does); ``step`` is the column's rounding step in kopecks (:attr:`MoneyFormat.step_kopecks`),
    ``total_step`` the «Всього» cell's where the table wrote it otherwise (``None``: the same).
    """

    column: str
    declared: Money | None
    summed: Money
    count: int
    step: int
    total_step: int | None = None

    @property
    def declared_step(self) -> int:
        """The step the «Всього» cell was written to, in kopecks."""
        return self.step if self.total_step is None else self.total_step

    @property
    def value(self) -> Money | None:
        """The column's total as a reader takes it: the declared «Всього», else the
        measures' sum, else ``None`` (nothing declared and no measure gives a figure)."""
        if self.declared is not None:
            return self.declared
        return self.summed if self.count else None

    @property
    def band(self) -> Band:
        """The rounding band of :attr:`value`: one figure's when declared, else the band of
        the ``count`` figures summed."""
        if self.declared is not None:
            return Band.uniform(1, self.declared_step)
        return Band.uniform(self.count, self.step)

    @property
    def fit_band(self) -> Band:
        """The band within which the measures may miss the declared total: every figure's
        half-step, the total's own included (see :func:`~municipal_reports.domain.band.parts_fit`)."""
        return Band.uniform(self.count, self.step) + Band.uniform(1, self.declared_step)

    def fit(self) -> Fit | None:
        """How the declared total fits the measures' sum (``None`` when none is declared).

        >>> ColumnTotal("actual", Money(300), Money(300), 2, 1).fit()
        <Fit.EQUAL: 'equal'>
        """
        if self.declared is None:
            return None
        return self.fit_band.fit(self.declared.kopecks, self.summed.kopecks)


@attrs.frozen
class ReportTotals:
    """A program report's totals: one :class:`ColumnTotal` for each money column.

    The total's execution is total actual over total plan by the one rule (never a mean of
    the rows' percentages), the plan being the annual column, else the indicative one, each
    taken as declared where the «Всього» row gives it and summed where it does not.

    >>> m = Measure("a", Financing(annual=Money(300), actual=Money(100)))
    >>> n = Measure("b", Financing(annual=Money(100), actual=Money(100)))
    >>> report = ProgramReport(Program("P"), ReportingPeriod.year(2022), (Task("t", (m, n)),))
    >>> report.totals().execution()
    Percent('50.00')
    """

    indicative: ColumnTotal
    annual: ColumnTotal
    actual: ColumnTotal

    def columns(self) -> tuple[ColumnTotal, ColumnTotal, ColumnTotal]:
        """The three columns, in the form's order (6, 7, 8)."""
        return (self.indicative, self.annual, self.actual)

    @property
    def financing(self) -> Financing:
        """The totals as one :class:`Financing`: declared where given, else summed."""
        return Financing(self.indicative.value, self.annual.value, self.actual.value)

    @property
    def plan(self) -> ColumnTotal | None:
        """The column the total's execution is measured against (see :attr:`Financing.plan`)."""
        if self.annual.value is not None:
            return self.annual
        return self.indicative if self.indicative.value is not None else None

    def execution(self) -> Percent | None:
        """Total actual over total plan, by :func:`~municipal_reports.percentage`."""
        plan, actual = self.plan, self.actual.value
        if plan is None or actual is None:
            return None
        assert plan.value is not None  # a plan column always has a value
        return percentage(actual, plan.value)
