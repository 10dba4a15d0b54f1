"""CSV files: each record a row of cells (comma or semicolon separated, as Excel writes
them in a Ukrainian locale)."""

from __future__ import annotations

import csv
import io

from municipal_reports.parse.table.model import SourceRow

__all__ = ["rows_from_csv"]


def _unguard(field: str) -> str:
    """A field without the apostrophe a writer puts before «=», «+», «-», «@» so that a
    spreadsheet does not run it as a formula."""
    return (
        field[1:] if field[:1] == "'" and field[1:2] in ("=", "+", "-", "@", "\t", "\r") else field
    )


def rows_from_csv(text: str) -> list[SourceRow]:
    """The rows of CSV text, comma-separated unless a line of the first ten has two
    semicolons (decimal commas make semicolons the separator in a Ukrainian locale)."""
    head = text.split("\n", 10)[:10]
    delimiter = ";" if any(line.count(";") >= 2 for line in head) else ","
    rows = []
    for no, fields in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        record = [_unguard(f) for f in fields]
        filled = [c for c in record if c.strip()]
        if len(filled) <= 1 and (not record or record[0] == (filled[0] if filled else "")):
            rows.append(SourceRow.paragraph(no, filled[0] if filled else ""))
        else:
            rows.append(SourceRow(no, tuple(record)))
    return rows
