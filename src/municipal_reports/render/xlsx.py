"""XLSX: the official form as an Excel worksheet (needs the ``xlsx`` extra: openpyxl).

Council staff live in Excel. The worksheet is the form as the page lays it out (merged task
cells, the column-number row, the «Всього» row, the signature), with real numbers in the
money and percent columns: each carries the number format of its column («тис. грн» with
one decimal shows ``#,##0.0``), so Excel sums them and shows them with the reader's own
separators. The form's header is frozen (when the sheet holds one form) and repeated atop
every printed page; the sheet prints landscape on A4, fitted to width.

With findings, the cells they concern are filled and carry the messages as cell comments,
and a second sheet lists the findings. The file is reproducible: the same input gives the
same bytes.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from municipal_reports.audit import Finding
from municipal_reports.domain import Money, MoneyFormat, Percent, ProgramReport, Quantity
from municipal_reports.errors import MunicipalReportsError
from municipal_reports.i18n.labels import label
from municipal_reports.render.base import reproducible_zip
from municipal_reports.render.layout import (
    Cell,
    Fields,
    Findings,
    Heading,
    ItemList,
    Page,
    Paragraph,
    Signature,
    Table,
    layout,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["XlsxRenderer"]

# XML 1.0 refuses these (openpyxl raises on them): a broken text must not make the file
# unwritable.
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_KEY: Final = re.compile(r"\.([A-Za-z_]\w*)|\[(\d+)\]")
_FIXED_TIME: Final = datetime.datetime(2000, 1, 1)
_MARK_FILL: Final = "FDE2E1"
_HEAD_FILL: Final = "F3F3F3"
# Column widths of the official form, in characters: the texts get the room.
_FORM_WIDTHS: Final = (5, 24, 30, 11, 18, 13, 13, 13, 11, 40)


def _text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _value_at(document: object, path: str | None) -> object:
    """The value ``path`` names in ``document``, or None where it leads nowhere."""
    if path is None:
        return None
    node = document
    for name, index in _KEY.findall(path.removeprefix("$")):
        if index:
            if not isinstance(node, tuple) or int(index) >= len(node):
                return None
            node = node[int(index)]
        elif attrs.has(type(node)) and hasattr(node, name):
            node = getattr(node, name)
        else:
            return None
    return node


def _money_format(written: MoneyFormat) -> str:
    return "#,##0" + ("." + "0" * written.decimals if written.decimals else "")


def _number(value: object, written: MoneyFormat | None) -> tuple[Decimal | int, str] | None:
    """The number a cell holds and its Excel number format, for values Excel can sum."""
    if isinstance(value, Money):
        fmt = written or MoneyFormat()
        # Exact: the kopecks shifted by the unit's power of ten (тис., млн, млрд грн).
        amount = Decimal(value.kopecks).scaleb(-fmt.unit.max_decimals)
        return amount, _money_format(fmt)
    if isinstance(value, Percent):
        # Excel's percent: the fraction, shown with the decimals the document wrote.
        decimals = "." + "0" * value.decimals if value.decimals else ""
        return value.value / 100, f"0{decimals}%"
    if isinstance(value, Quantity) and value.is_exact:
        return value.value, "#,##0"
    if isinstance(value, int) and not isinstance(value, bool):
        return value, "#,##0"
    return None


class XlsxRenderer:
    """An Excel workbook (.xlsx) built with openpyxl, imported only when used."""

    name = "xlsx"
    media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def __call__(
        self, obj: object, *, locale: str, findings: Iterable[Finding] | None = None
    ) -> bytes:
        """Render ``obj`` as the bytes of a .xlsx file."""
        finding_list = list(findings) if findings is not None else None
        page = layout(obj, locale=locale, findings=finding_list)
        try:
            import openpyxl  # an optional dependency: imported on use
        except ImportError as exc:
            raise MunicipalReportsError(
                "the xlsx renderer needs openpyxl: pip install 'municipal-reports[xlsx]'"
            ) from exc
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = label("report_sheet", locale)
        _Sheet(sheet, obj, page).draw()
        listed = next((b for b in page.blocks if isinstance(b, Findings)), None)
        if listed is not None:
            _findings_sheet(book.create_sheet(label("findings_sheet", locale)), listed, locale)
        book.properties.creator = "municipal-reports"
        book.properties.title = _text(page.title)[:255]
        book.properties.language = page.locale
        book.properties.created = book.properties.modified = _FIXED_TIME
        buffer = io.BytesIO()
        book.save(buffer)
        return reproducible_zip(buffer.getvalue())


class _Sheet:
    """Draws a page's blocks down one worksheet."""

    def __init__(self, sheet: Worksheet, document: object, page: Page) -> None:
        self.sheet = sheet
        self.document = document
        self.page = page
        self.width = max([len(t.headers) for t in page.tables()] + [10])
        self.row = 1
        self.frozen = False

    def draw(self) -> None:
        from openpyxl.worksheet.properties import PageSetupProperties

        sheet = self.sheet
        for i, width in enumerate(_FORM_WIDTHS[: self.width], start=1):
            sheet.column_dimensions[_letter(i)].width = width
        for block in self.page.blocks:
            if isinstance(block, Heading):
                self.line(block.text, bold=True, size=14 if block.level == 1 else 12)
            elif isinstance(block, Paragraph):
                self.line(block.text)
            elif isinstance(block, Fields):
                for f in block.fields:
                    self.field(f.label, f.value, f.notes)
            elif isinstance(block, ItemList):
                for n, item in enumerate(block.items, start=1):
                    self.line(f"{n}. {item}" if block.numbered else f"• {item}")
            elif isinstance(block, Signature):
                self.signature(block)
            elif isinstance(block, Table):
                self.table(block)
            # The findings have their own sheet.
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)

    def put(self, row: int, column: int, text: str, **style: Any) -> Any:
        """Write text (never a formula: a text starting with «=» stays text)."""
        cell = self.sheet.cell(row=row, column=column)
        cell.value = _text(text)
        cell.data_type = "s"
        _style(cell, **style)
        return cell

    def merge(self, row: int, first: int, last_row: int, last: int) -> None:
        if (row, first) != (last_row, last):
            self.sheet.merge_cells(
                start_row=row, start_column=first, end_row=last_row, end_column=last
            )

    def line(self, text: str, *, bold: bool = False, size: int = 11) -> None:
        self.put(self.row, 1, text, bold=bold, size=size, wrap=True)
        self.merge(self.row, 1, self.row, self.width)
        self.row += 1

    def field(self, name: str, value: str, notes: tuple[Any, ...]) -> None:
        """«Програма: …» as the form's header block writes it: one line across the sheet,
        the value in bold (so the xlsx importer reads the line as the document's prose)."""
        from openpyxl.cell.rich_text import CellRichText, TextBlock
        from openpyxl.cell.text import InlineFont

        cell = self.sheet.cell(row=self.row, column=1)
        label: str | TextBlock = f"{_text(name)}: "
        cell.value = CellRichText([label, TextBlock(InlineFont(b=True), _text(value))])
        _style(cell, wrap=True)
        self.merge(self.row, 1, self.row, self.width)
        _annotate(cell, notes)
        self.row += 1

    def signature(self, block: Signature) -> None:
        """The position on the left (one cell, spilling over the empty ones beside it, as
        the form's signature line does), the name on the right."""
        self.row += 1
        self.put(self.row, 1, block.position)
        self.put(self.row, self.width, block.name, bold=True, align="right")
        self.row += 1

    def table(self, block: Table) -> None:
        if block.caption:
            self.line(block.caption, bold=True)
        for c, header in enumerate(block.headers, start=1):
            self.put(self.row, c, header, bold=True, fill=_HEAD_FILL, wrap=True, align="center")
        self.sheet.row_dimensions[self.row].height = 75 if block.form else None
        top = self.row
        self.row += 1
        formats = _formats(self.document, block)
        for source_row in block.rows:
            column = 1
            for cell in source_row.cells:
                if not cell.covered:
                    self.table_cell(cell, column, source_row.kind.value, formats)
                    self.merge(
                        self.row,
                        column,
                        self.row + cell.rowspan - 1,
                        column + cell.colspan - 1,
                    )
                column += cell.colspan
            if source_row.kind.value == "numbers" and not self.frozen:
                # The header and its column-number row stay on screen while scrolling (one
                # form a sheet: with several, the panes would hold a screenful of the
                # others' blocks) and print atop every page.
                if sum(t.form for t in self.page.tables()) == 1:
                    self.sheet.freeze_panes = f"A{self.row + 1}"
                self.sheet.print_title_rows = f"{top}:{self.row}"
                self.frozen = True
            self.row += 1
        self.row += 1

    def table_cell(
        self, cell: Cell, column: int, kind: str, formats: dict[str, MoneyFormat]
    ) -> None:
        bold = kind == "total" or cell.role == "task"
        style: dict[str, Any] = {"bold": bold, "wrap": True}
        if kind == "numbers":
            style.update(align="center", fill=_HEAD_FILL)
        written = next((f for key, f in formats.items() if (cell.path or "").endswith(key)), None)
        number = _number(_value_at(self.document, cell.path), written) if cell.numeric else None
        if number is not None:
            target = self.sheet.cell(row=self.row, column=column)
            target.value = number[0]
            target.number_format = number[1]
            _style(target, bold=bold, align="right")
        else:
            target = self.put(self.row, column, cell.text, **style)
        if cell.marked:
            _style(target, fill=_MARK_FILL)
        _annotate(target, cell.notes)


def _formats(document: object, block: Table) -> dict[str, MoneyFormat]:
    """The money format of each financing column of a form, by the path's last key."""
    paths = [c.path for r in block.rows for c in r.cells if c.path and ".financing." in c.path]
    paths += [c.path for r in block.rows for c in r.cells if c.path and ".total." in c.path]
    if not block.form or not paths:
        return {}
    path = paths[0]
    cut = path.find(".tasks[") if ".tasks[" in path else path.find(".total.")
    report = _value_at(document, path[:cut] or "$")
    if not isinstance(report, ProgramReport):
        return {}
    columns = report.columns
    return {
        ".indicative": columns.indicative,
        ".annual": columns.annual,
        ".actual": columns.actual,
    }


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(column))


def _style(
    cell: Any,
    *,
    bold: bool = False,
    size: int | None = None,
    wrap: bool = False,
    align: str | None = None,
    fill: str | None = None,
) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    if bold or size:
        cell.font = Font(bold=bold, size=size or 11)
    if wrap or align:
        cell.alignment = Alignment(wrap_text=wrap, horizontal=align, vertical="top")
    if fill:
        cell.fill = PatternFill("solid", fgColor=fill)
    thin = Side(style="thin")
    if fill or align:
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)


def _annotate(cell: Any, notes: tuple[Any, ...]) -> None:
    """The findings' messages as the cell's comment."""
    if not notes:
        return
    from openpyxl.comments import Comment

    text = "\n".join(f"{n.code}: {n.message}" for n in notes)
    cell.comment = Comment(_text(text), "municipal-reports", width=320, height=120)
    _style(cell, fill=_MARK_FILL)


def _findings_sheet(sheet: Worksheet, block: Findings, locale: str) -> None:
    """The findings as a table: one row a finding, in the document's order."""
    from openpyxl.styles import Alignment, Font

    keys = ("code", "severity", "name", "place", "json_path", "message")
    for c, key in enumerate(keys, start=1):
        head = sheet.cell(row=1, column=c, value=label(key, locale))
        head.font = Font(bold=True)
    for r, f in enumerate(block.findings, start=2):
        values = (f.code, f.severity_text, f.title or f.name, f.place, f.path, f.message)
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c)
            cell.value = _text(value)
            cell.data_type = "s"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEF", (8, 14, 34, 40, 36, 70), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
