"""The one table model every source fills: rows of cells with their coordinates.

A source (pasted text, .docx, .xlsx, .pdf) turns a document into a sequence of
:class:`SourceRow`: a paragraph outside any table is a row of one cell that is not
``tabular``; a table row carries its cells, the number of its table in the document, and
which of its cells only repeat a merged cell's text. The assembler reads nothing else, so a
new source is a small reader of cells.

Findings name cells by these coordinates: «table 2, row 5, column 8».
"""

from __future__ import annotations

import attrs

from municipal_reports.domain import ProgramReport

__all__ = ["Cell", "ImportFinding", "ImportResult", "SourceRow"]


@attrs.frozen
class SourceRow:
    """One row of a document as a source read it.

    ``number`` is the row's place in its source (a line of text, a row of a sheet), 1-based;
    ``table`` the 1-based number of the source's own table (0 where the source does not
    know: pasted text, where tables are found by their header rows). ``copies`` holds the
    0-based columns whose text repeats a merged cell (shown in a header, blank in a body).
    """

    number: int
    cells: tuple[str, ...]
    tabular: bool = True
    table: int = 0
    copies: frozenset[int] = frozenset()

    @property
    def text(self) -> str:
        """The row as one line of text (cells joined by tabs), for messages."""
        return "\t".join(self.cells) if self.tabular else (self.cells[0] if self.cells else "")

    def body_cells(self) -> list[str]:
        """The cells with merged copies blanked: a body reads each merged cell once."""
        if not self.copies:
            return list(self.cells)
        return ["" if i in self.copies else c for i, c in enumerate(self.cells)]

    @classmethod
    def paragraph(cls, number: int, text: str, table: int = 0) -> SourceRow:
        """A line of prose outside any table."""
        return cls(number, (text,), tabular=False, table=table)


@attrs.frozen
class Cell:
    """A cell of the imported document: its row (a line of text or a row of a sheet,
    1-based), its column (1-based; 0 for a line outside the table), its text as written,
    and the number of its table in the source (0 where the source numbers none)."""

    line: int
    column: int
    text: str
    table: int = 0

    def __str__(self) -> str:
        where = f"table {self.table}, row {self.line}" if self.table else f"line {self.line}"
        return f"{where}, column {self.column}: {self.text!r}"


@attrs.frozen
class ImportFinding:
    """A decision the importer made openly: which cells, what reading it chose, and why.

    Codes are stable: ``IMP1xx`` units of money columns, ``IMP2xx`` the shape of rows,
    ``IMP3xx`` the header block, ``IMP4xx`` the columns. ``path`` is where the decision
    landed in the report.
    """

    code: str
    name: str
    path: str
    cells: tuple[Cell, ...]
    reading: str
    reason: str

    @property
    def message(self) -> str:
        """One line for a person: the reason, then the reading chosen."""
        return f"{self.reason}; read as: {self.reading}"

    def __str__(self) -> str:
        where = "; ".join(str(c) for c in self.cells[:4])
        more = f" (+{len(self.cells) - 4} more)" if len(self.cells) > 4 else ""
        return f"{self.path}: {self.code} {self.name}: {self.message} [{where}{more}]"


@attrs.frozen
class ImportResult:
    """An imported report, every decision made while importing it, and the council the
    caller named or the title block did («» where neither)."""

    report: ProgramReport
    findings: tuple[ImportFinding, ...] = ()
    council: str = ""
