"""Import execution tables of any council: pasted text, Word, Excel and PDF.

Every source fills one table model (:class:`SourceRow` rows of cells with coordinates,
:mod:`.model`); one assembler (:mod:`.assembly`) reads it: the header by meaning
(:mod:`.header`), the body rows (:mod:`.rows`), the units of money columns (:mod:`.units`)
and the lines around the table (:mod:`.title`).
"""

from __future__ import annotations

from municipal_reports.domain import ReportingPeriod
from municipal_reports.errors import ParseError
from municipal_reports.parse.table.assembly import import_rows
from municipal_reports.parse.table.files import FORMATS, import_file
from municipal_reports.parse.table.model import Cell, ImportFinding, ImportResult, SourceRow
from municipal_reports.parse.table.sources.spaced import looks_spaced, rows_from_spaced_text
from municipal_reports.parse.table.sources.text import rows_from_text

__all__ = [
    "FORMATS",
    "Cell",
    "ImportFinding",
    "ImportResult",
    "SourceRow",
    "import_file",
    "import_rows",
    "import_table",
    "import_tables",
]


def import_tables(
    text: str, *, period: ReportingPeriod | None = None, council: str = ""
) -> tuple[ImportResult, ...]:
    """Every table of a document that holds several (each with its header block and
    signature), one :class:`ImportResult` each. See :func:`import_table` for the options.

    Text without tabs or markdown pipes whose header names figure columns is read as
    pasted from a PDF (single spaces between cells; see :mod:`.sources.spaced`)."""
    if not isinstance(text, str):
        raise ParseError(repr(text), 0, "must be str", expected="a table")
    if looks_spaced(text):
        rows, findings = rows_from_spaced_text(text)
        return import_rows(rows, period=period, council=council, findings=findings)
    return import_rows(rows_from_text(text), period=period, council=council)


def import_table(
    text: str, *, period: ReportingPeriod | None = None, council: str = ""
) -> ImportResult:
    """The one execution table in ``text`` (tab-separated as pasted from Word, or a
    markdown table).

    ``period`` overrides the period read from the title (a finding says so when they
    differ); without it the title must name one. ``council`` becomes the ``body`` of the
    approving decisions («рішення міської ради» does not name the council). A text holding
    several tables is refused: use :func:`import_tables`.
    """
    results = import_tables(text, period=period, council=council)
    if len(results) != 1:
        raise ParseError(
            text, 0, f"holds {len(results)} tables; use import_tables", expected="one table"
        )
    return results[0]
