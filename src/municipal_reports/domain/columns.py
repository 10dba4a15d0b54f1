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
    batch of documents, where screens may keep their verdicts on values that repeat.
    """

    program: Program
    period: ReportingPeriod
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
