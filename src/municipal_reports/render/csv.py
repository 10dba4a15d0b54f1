"""CSV for spreadsheets: a program report's measures, one row each.

Program reports (alone or inside a Report) give one row per measure with plain numbers
(``92800.00``, a dot, no grouping), so any spreadsheet reads them as numbers; the headers are
in the locale. Any other entity is written as the tables and fields a reader sees.

Two dialects: ``machine`` (the default: RFC 4180, commas, a decimal dot) for programs, and
``excel`` (the ``csv-excel`` renderer) for a Ukrainian Excel that opens the file with a
double click: a UTF-8 byte order mark (or Excel reads the Cyrillic as cp1251), ``;``
between fields (the list separator where the comma is the decimal mark) and decimal commas.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from municipal_reports.audit import Finding
from municipal_reports.domain import (
    Money,
    MoneyUnit,
    Percent,
    ProgramReport,
    program_reports,
)
from municipal_reports.errors import InvalidValueError, Problem
from municipal_reports.i18n import formatting as i18n
from municipal_reports.i18n.labels import label
from municipal_reports.paths import join
from municipal_reports.render.layout import (
    Fields,
    Findings,
    Heading,
    ItemList,
    Paragraph,
    PathIndex,
    Signature,
    Table,
    layout,
)
from municipal_reports.render.text import cell_texts
from municipal_reports.safe_text import spreadsheet_cell, visible

__all__ = ["DIALECTS", "CsvRenderer", "ExcelCsvRenderer"]

#: The CSV dialects: for programs, and for a Ukrainian Excel.
DIALECTS = ("machine", "excel")

_MEASURE_COLUMNS = (
    "program",
    "executor",
    "col_number",
    "task",
    "measure",
    "col_term",
    "col_executors",
    "col_indicative",
    "col_annual",
    "col_actual",
    "col_percent",
    "computed_execution",
    "col_note",
    "findings",
)
_MONEY_COLUMNS = frozenset({"col_indicative", "col_annual", "col_actual"})


_safe = spreadsheet_cell


def _plain(value: Money | Percent | None) -> str:
    return "" if value is None else str(value)


class CsvRenderer:
    """Comma-separated values (RFC 4180, CRLF line ends), every field quoted as needed."""

    name = "csv"
    media_type = "text/csv; charset=utf-8"

    def __init__(self, delimiter: str | None = None, *, dialect: str = "machine") -> None:
        if dialect not in DIALECTS:
            raise InvalidValueError(
                [Problem("$.dialect", dialect, f"must be one of {', '.join(DIALECTS)}")]
            )
        self.dialect = dialect
        self.delimiter = delimiter or (";" if dialect == "excel" else ",")

    def __call__(
        self, obj: object, *, locale: str, findings: Iterable[Finding] | None = None
    ) -> str:
        """Render ``obj`` as CSV."""
        text = self._csv(obj, locale, findings)
        return "\ufeff" + text if self.dialect == "excel" else text

    def _plain(self, value: Money | Percent | None) -> str:
        text = _plain(value)
        return text.replace(".", ",") if self.dialect == "excel" else text

    def _csv(self, obj: object, locale: str, findings: Iterable[Finding] | None) -> str:
        i18n.check_locale(locale)
        finding_list = tuple(findings or ())
        reports = [(str(path), report) for path, report in program_reports(obj)]
        rows = (
            self._measure_rows(reports, locale, finding_list)
            if reports
            else self._page_rows(obj, locale, finding_list if findings is not None else None)
        )
        out = io.StringIO()
        writer = csv.writer(out, delimiter=self.delimiter, lineterminator="\r\n")
        writer.writerows(rows)
        return visible(out.getvalue())

    def _measure_rows(
        self,
        reports: list[tuple[str, ProgramReport]],
        locale: str,
        findings: tuple[Finding, ...],
    ) -> Iterator[list[str]]:
        unit = i18n.unit_label(MoneyUnit.HRYVNIA, locale)
        yield [
            f"{label(c, locale)}, {unit}" if c in _MONEY_COLUMNS else label(c, locale)
            for c in _MEASURE_COLUMNS
        ]
        below = PathIndex([x.path for x in findings])
        for base, report in reports:
            for ti, task in enumerate(report.tasks):
                task_path = join(join(base, "tasks"), ti)
                for mi, m in enumerate(task.measures):
                    path = join(join(task_path, "measures"), mi)
                    f = m.financing
                    computed = f.execution()
                    codes = sorted({findings[i].code for i in below.at_or_below(path)})
                    yield [
                        _safe(report.program.title),
                        _safe(report.executor),
                        _safe(m.number or task.number or ""),
                        _safe(task.title),
                        _safe(m.content),
                        "" if m.term is None else f"{m.term.first}-{m.term.last}",
                        _safe("; ".join(m.executors)),
                        self._plain(f.indicative),
                        self._plain(f.annual),
                        self._plain(f.actual),
                        self._plain(m.declared_percent),
                        self._plain(computed),
                        _safe(m.note),
                        " ".join(codes),
                    ]

    def _page_rows(
        self, obj: object, locale: str, findings: tuple[Finding, ...] | None
    ) -> Iterator[list[str]]:
        for row in self._page_cells(obj, locale, findings):
            yield [_safe(text) for text in row]

    def _page_cells(
        self, obj: object, locale: str, findings: tuple[Finding, ...] | None
    ) -> Iterator[list[str]]:
        page = layout(obj, locale=locale, findings=findings)
        for block in page.blocks:
            if isinstance(block, (Heading, Paragraph)):
                yield [block.text]
            elif isinstance(block, Fields):
                yield from ([f.label, f.value] for f in block.fields)
            elif isinstance(block, ItemList):
                yield from ([str(i), item] for i, item in enumerate(block.items, 1))
            elif isinstance(block, Signature):
                yield [block.position, block.name]
            elif isinstance(block, Table):
                yield list(block.headers)
                yield from (cell_texts(r, marker="") for r in block.rows)
            elif isinstance(block, Findings):
                yield [block.title]
                yield from ([f.code, f.severity, f.path, f.message] for f in block.findings)


class ExcelCsvRenderer(CsvRenderer):
    """CSV in the ``excel`` dialect: what a Ukrainian Excel opens as a table.

    >>> from municipal_reports import Financing, Measure, Money, Program, ProgramReport
    >>> from municipal_reports import ReportingPeriod, Task
    >>> r = ProgramReport(Program("П"), ReportingPeriod.year(2022),
    ...     (Task("Т", (Measure("М", Financing(annual=Money("92800"))),)),))
    >>> text = ExcelCsvRenderer()(r, locale="uk")
    >>> text[0] == "\\ufeff", text.splitlines()[1].split(";")[8]
    (True, '92800,00')
    """

    name = "csv-excel"
    media_type = "text/csv; charset=utf-8"

    def __init__(self, delimiter: str | None = None) -> None:
        super().__init__(delimiter, dialect="excel")
