"""A program report read column by column: what the bulk road's screens look at.

The bulk road screens a document before it builds its entities: each rule that applies to
a program report has a cheap, conservative check over these columns (it may say "could
fire" wrongly, never "clean" wrongly), and only a document where some screen fires is
built and audited by the exact rules. The header parts (program, period, «Всього» row,
column formats) are the entities themselves, one each; the measures' figures are columns
of plain ints, one item a measure, in the order of the tasks.
"""

from __future__ import annotations

import attrs

from municipal_reports.domain.percent import Percent
from municipal_reports.domain.period import ReportingPeriod, YearSpan
from municipal_reports.domain.program import ColumnFormats, Financing, Program

__all__ = ["ProgramColumns"]


@attrs.frozen
class ProgramColumns:
    """The columns of one valid program-report document.

    ``indicative``, ``annual`` and ``actual`` hold each measure's money in kopecks
    (``None`` for an empty cell); ``declared`` each measure's declared percent as
    ``(units, scale)`` (``Percent('24.69')`` is ``(2469, 100)``); ``terms`` each measure's
    term; ``texts`` every text the mixed-script rule reads (the program's title, the tasks'
    titles, the measures' contents and notes; executors too); ``memo`` a dict shared by a
    batch of documents, where screens may keep their verdicts on values that repeat;
    ``measures_clean`` whether a batch's compute kernels have found each measure's own
    figures and percent clean for every measure-level screen, which then need not look.
    """

    program: Program
    period: ReportingPeriod | None
    formats: ColumnFormats
    total: Financing | None
    total_percent: Percent | None
    indicative: list[int | None]
    annual: list[int | None]
    actual: list[int | None]
    declared: list[tuple[int, int] | None]
    terms: list[YearSpan | None]
    texts: list[str]
    memo: dict[object, object] = attrs.field(eq=False, repr=False)
    measures_clean: bool = False

    def plans(self) -> list[int | None]:
        """Each measure's plan in kopecks, as :attr:`Financing.plan` reads it: the annual
        plan, else the indicative amount."""
        return [
            annual if annual is not None else indicative
            for annual, indicative in zip(self.annual, self.indicative, strict=True)
        ]

    def total_plan_and_actual(self) -> tuple[int | None, int | None]:
        """Total plan and total actual in kopecks, as :class:`ReportTotals` reads them:
        each column declared where the «Всього» row gives it, else summed over the measures
        that give a figure (``None`` when none does); the plan is the annual column, else
        the indicative one."""
        total = self.total

        def value(column: str, figures: list[int | None]) -> int | None:
            given = None if total is None else getattr(total, column)
            if given is not None:
                return int(given.kopecks)
            present = [v for v in figures if v is not None]
            return sum(present) if present else None

        annual = value("annual", self.annual)
        plan = annual if annual is not None else value("indicative", self.indicative)
        return plan, value("actual", self.actual)
