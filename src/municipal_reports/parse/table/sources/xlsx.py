"""Excel workbooks (.xlsx, openpyxl): every sheet's rows, numbers read exactly.

A number is taken as the sheet shows it: through its number format's decimals (a cell
formatted «0.0» holding 1234.5000000001 is 1234,5), or, in the General format, to the
fifteen significant digits a float holds; never a float's binary noise in an amount. A
formula gives its cached value. A merged range is read once, at its top-left cell; the
cells it covers repeat its text as copies.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Context, Decimal
from typing import IO, Any, Final

from municipal_reports.errors import ParseError
from municipal_reports.parse.table.model import SourceRow

__all__ = ["cell_text", "rows_from_xlsx"]

_DECIMALS: Final = re.compile(r"0\.(0+)")
_FIFTEEN_DIGITS: Final = Context(prec=15)


def cell_text(value: object, number_format: str = "General") -> str:
    """A cell's value as the sheet shows it, with a decimal comma."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, int | float | Decimal):
        fmt = number_format.split(";", 1)[0]
        percent = "%" in fmt
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if percent:
            number *= 100
        m = _DECIMALS.search(fmt)
        if m is not None:
            number = number.quantize(Decimal(1).scaleb(-len(m.group(1))))
        elif fmt.strip() in ("0", "#,##0", "0%"):
            number = number.quantize(Decimal(1))
        elif isinstance(value, float):
            # A General cell shows at most 15 significant digits (Excel's precision): drop
            # the binary noise beyond them (0.30000000000000004 is 0,3), in Decimal.
            number = _FIFTEEN_DIGITS.plus(number).normalize(_FIFTEEN_DIGITS)
        text = format(number, "f").replace(".", ",")
        return f"{text}%" if percent else text
    return " ".join(str(value).split())


def rows_from_xlsx(source: str | IO[bytes]) -> list[SourceRow]:
    """The rows of every sheet of an .xlsx file (a path or a binary file object); a row
    with a single filled cell outside any merge is a line of prose (a title, a caption)."""
    try:
        import openpyxl  # the xlsx extra
    except ImportError:  # pragma: no cover - depends on the environment
        raise ParseError(
            "", 0, "reading .xlsx needs openpyxl: pip install 'municipal-reports[xlsx]'"
        ) from None
    try:
        book = openpyxl.load_workbook(source, data_only=True, read_only=False)
    except Exception as exc:  # openpyxl raises zipfile, KeyError, InvalidFileException
        raise ParseError(str(source)[:200], 0, f"is not a readable .xlsx file: {exc}") from None
    rows: list[SourceRow] = []
    for number, sheet in enumerate(book.worksheets, start=1):
        rows.extend(_sheet_rows(sheet, number))
    return rows


def _sheet_rows(sheet: Any, table: int) -> list[SourceRow]:
    width = sheet.max_column or 0
    origin: dict[tuple[int, int], tuple[int, int]] = {}
    for rng in sheet.merged_cells.ranges:
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    origin[(r, c)] = (rng.min_row, rng.min_col)
    rows: list[SourceRow] = []
    for r, row in enumerate(sheet.iter_rows(max_col=width), start=1):
        texts = [cell_text(c.value, c.number_format) for c in row]
        copies = set()
        for c in range(1, width + 1):
            if (r, c) in origin:
                top = sheet.cell(*origin[(r, c)])
                texts[c - 1] = cell_text(top.value, top.number_format)
                copies.add(c - 1)
        while texts and not texts[-1] and len(texts) - 1 not in copies:
            texts.pop()
        filled = [t for i, t in enumerate(texts) if t and i not in copies]
        if not filled:
            rows.append(SourceRow.paragraph(r, "", table))
        elif len(filled) == 1 and texts[0] == filled[0] and len(texts) - len(copies) <= 1:
            rows.append(SourceRow.paragraph(r, filled[0], table))
        else:
            rows.append(SourceRow(r, tuple(texts), table=table, copies=frozenset(copies)))
    return rows
