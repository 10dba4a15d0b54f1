"""The execution table: planned, actual and the execution percentage, grouped.

Scripts over many reports want one thing above all: how much of the plan was financed, by
year, program, executor… :func:`execution_table` sums the measures' money exactly (integer
kopecks) and computes each group's percentage with the one rule,
:func:`~municipal_reports.percentage` (total actual over total plan, never a mean of
percentages). The plan of a measure is :attr:`~municipal_reports.Financing.plan` (the
annual plan, column 7, or the indicative amount where it has none), as the audit reads it;
a group's plan is the sum of its measures' plans, so that sums merge across any grouping.

The sums are :class:`ExecutionSums`, plain ints that merge exactly: workers of a process
pool or a cluster each sum their share and the parent adds them up.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Final, TextIO

import attrs

from municipal_reports.bulk.sources import FoundReport
from municipal_reports.domain import Money, Percent, ProgramReport, Task, percentage
from municipal_reports.errors import InvalidTypeError, InvalidValueError, Problem
from municipal_reports.safe_text import spreadsheet_cell, visible

__all__ = [
    "FIGURES",
    "GROUP_KEYS",
    "ExecutionRow",
    "ExecutionSums",
    "execution_table",
    "to_csv",
]

#: What a table can be grouped by.
GROUP_KEYS: Final = ("council", "year", "period", "program", "executor", "task")

#: A group: the values of the ``by`` keys, in their order.
GroupKey = tuple[str | int, ...]


def _check_by(by: Sequence[str]) -> tuple[str, ...]:
    if isinstance(by, str):
        raise InvalidTypeError(
            [
                Problem(
                    "$.by", by, "must be a sequence of key names, such as ('year', 'program')", True
                )
            ]
        )
    unknown = [k for k in by if k not in GROUP_KEYS]
    if unknown:
        raise InvalidValueError(
            [
                Problem(
                    "$.by", unknown, f"cannot group by these; choose from {', '.join(GROUP_KEYS)}"
                )
            ]
        )
    return tuple(by)


@attrs.frozen
class ExecutionRow:
    """One group of the table: its key, the planned and actual money, the percentage.

    ``percentage`` is ``None`` when nothing was planned (the one rule's undefined case).
    """

    by: tuple[str, ...]
    key: GroupKey
    planned: Money
    actual: Money
    percentage: Percent | None
    reports: int
    measures: int

    def as_dict(self) -> dict[str, object]:
        """The row as a flat mapping: the group keys, then the figures."""
        row: dict[str, object] = dict(zip(self.by, self.key, strict=True))
        row.update(
            planned=self.planned,
            actual=self.actual,
            percentage=self.percentage,
            reports=self.reports,
            measures=self.measures,
        )
        return row


def _period_of(report: ProgramReport) -> str:
    # An ISO 8601 interval: unambiguous and sorts by start.
    return f"{report.period.start.isoformat()}/{report.period.end.isoformat()}"


def _report_key(found: FoundReport, by: tuple[str, ...], task: Task | None) -> GroupKey:
    report = found.report
    values: dict[str, str | int] = {
        "council": found.council,
        "year": report.period.start.year,
        "period": _period_of(report),
        "program": report.program.identity,
        "executor": report.executor,
    }
    if task is not None:
        values["task"] = task.title
    return tuple(values[k] for k in by)


class ExecutionSums:
    """Exact running sums per group (ints): add reports, merge with other sums, make rows.

    Picklable and cheap to merge: what a worker returns to its parent.
    """

    def __init__(self, by: Sequence[str] = ("year", "program")) -> None:
        self.by = _check_by(by)
        #: group → [planned kopecks, actual kopecks, reports, measures]
        self.groups: dict[GroupKey, list[int]] = {}
        #: (source, reason) of each document or file left out of the sums
        self.failures: list[tuple[str, str]] = []
        #: A program's identity (its key in ``groups``) → the title shown: of the spellings
        #: seen, the least, so that the table is the same whatever order reports come in.
        self.titles: dict[str, str] = {}

    def _saw(self, identity: str, title: str) -> None:
        shown = self.titles.get(identity)
        if shown is None or title < shown:
            self.titles[identity] = title

    def add(self, found: FoundReport) -> None:
        """Add the measures of one report; spellings of one program's title are one program
        (:attr:`~municipal_reports.Program.identity`)."""
        if "program" in self.by:
            program = found.report.program
            self._saw(program.identity, program.title)
        by_task = "task" in self.by
        if not found.report.tasks and not by_task:
            key = _report_key(found, self.by, None)
            self.groups.setdefault(key, [0, 0, 0, 0])[2] += 1
            return
        seen: set[GroupKey] = set()
        for task in found.report.tasks:
            key = _report_key(found, self.by, task if by_task else None)
            sums = self.groups.get(key)
            if sums is None:
                sums = self.groups[key] = [0, 0, 0, 0]
            if key not in seen:
                seen.add(key)
                sums[2] += 1
            for measure in task.measures:
                financing = measure.financing
                plan = financing.plan
                if plan is not None:
                    sums[0] += plan.kopecks
                if financing.actual is not None:
                    sums[1] += financing.actual.kopecks
                sums[3] += 1

    def merge(self, other: ExecutionSums) -> None:
        """Add ``other``'s sums (grouped the same way) to these."""
        if other.by != self.by:
            raise InvalidValueError(
                [
                    Problem(
                        "$.by",
                        other.by,
                        f"cannot merge sums grouped so into sums grouped by {self.by}",
                    )
                ]
            )
        for key, values in other.groups.items():
            mine = self.groups.setdefault(key, [0, 0, 0, 0])
            for i, v in enumerate(values):
                mine[i] += v
        self.failures.extend(other.failures)
        for identity, title in other.titles.items():
            self._saw(identity, title)

    def _shown(self, key: GroupKey) -> GroupKey:
        """The group key as a reader sees it: a program by its title, not its identity."""
        if "program" not in self.by:
            return key
        at = self.by.index("program")
        identity = key[at]
        assert isinstance(identity, str)
        return (*key[:at], self.titles.get(identity, identity), *key[at + 1 :])

    def rows(self) -> list[ExecutionRow]:
        """The table, sorted by its keys."""
        rows = []
        shown = {key: self._shown(key) for key in self.groups}
        for key in sorted(self.groups, key=lambda k: tuple(str(v) for v in shown[k])):
            plan, actual, reports, measures = self.groups[key]
            planned_money, actual_money = Money.from_kopecks(plan), Money.from_kopecks(actual)
            rows.append(
                ExecutionRow(
                    self.by,
                    shown[key],
                    planned_money,
                    actual_money,
                    percentage(actual_money, planned_money),
                    reports,
                    measures,
                )
            )
        return rows


def execution_table(
    reports: Iterable[FoundReport], by: Sequence[str] = ("year", "program")
) -> list[ExecutionRow]:
    """Planned, actual and execution percentage of ``reports`` grouped ``by`` any of
    :data:`GROUP_KEYS`, one row a group, sorted by the keys. ``reports`` may be a stream
    (:func:`~municipal_reports.bulk.iter_reports`): it is read once and not kept."""
    sums = ExecutionSums(by)
    for found in reports:
        sums.add(found)
    return sums.rows()


def _text(value: object) -> str:
    if value is None:
        return ""
    # A group key (a title, an executor) is a document's text: defused for spreadsheets,
    # its control characters escaped.
    return spreadsheet_cell(visible(value)) if isinstance(value, str) else str(value)


#: The figures' columns, after the group keys.
FIGURES: Final = ("planned", "actual", "percentage", "reports", "measures")


def to_csv(
    rows: Sequence[ExecutionRow],
    file: TextIO | None = None,
    *,
    by: Sequence[str] = (),
    dialect: str = "machine",
) -> str:
    """The rows as CSV with a header row (money and percentages as exact decimal text, an
    undefined percentage as an empty cell); written to ``file`` too when given. ``by``
    names the group columns when ``rows`` is empty.

    ``dialect="excel"`` writes what a Ukrainian Excel opens as a table: a UTF-8 byte order
    mark, ``;`` between fields and decimal commas (``92800,00``).
    """
    if dialect not in ("machine", "excel"):
        raise InvalidValueError([Problem("$.dialect", dialect, "must be 'machine' or 'excel'")])
    excel = dialect == "excel"
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if excel else ",", lineterminator="\n")
    writer.writerow([*(rows[0].by if rows else by), *FIGURES])
    for row in rows:
        values = row.as_dict().values()
        writer.writerow(
            [
                _text(v).replace(".", ",") if excel and isinstance(v, Money | Percent) else _text(v)
                for v in values
            ]
        )
    text = ("\ufeff" if excel else "") + buffer.getvalue()
    if file is not None:
        file.write(text)
    return text
