"""Import the execution tables of a file: the reader is chosen by the file's extension,
or named by the caller."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from municipal_reports.domain import ReportingPeriod
from municipal_reports.errors import ParseError
from municipal_reports.parse.table.assembly import import_rows
from municipal_reports.parse.table.model import ImportFinding, ImportResult, SourceRow

__all__ = ["FORMATS", "import_file", "rows_from_file"]

FORMATS: Final = ("text", "csv", "docx", "xlsx", "pdf")
_BY_SUFFIX: Final = {
    ".txt": "text",
    ".tsv": "text",
    ".md": "text",
    ".text": "text",
    ".csv": "csv",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".pdf": "pdf",
}


def format_of(path: str | Path) -> str:
    """The reader a file's extension names (``text`` for an unknown one)."""
    return _BY_SUFFIX.get(Path(path).suffix.lower(), "text")


_UNREAD: Final = {
    ".xls": ".xlsx",
    ".doc": ".docx",
    ".ods": ".xlsx",
    ".odt": ".docx",
    ".rtf": ".docx",
}


def rows_from_file(
    path: str | Path, *, kind: str | None = None
) -> tuple[list[SourceRow], list[tuple[int, ImportFinding]]]:
    """A file's rows of cells (and a source's own findings), by ``kind`` or its extension."""
    suffix = Path(path).suffix.lower()
    if kind is None and suffix in _UNREAD:
        raise ParseError(
            str(path),
            0,
            f"{suffix} files are not read: save it as {_UNREAD[suffix]} (or paste the table "
            "as text)",
            expected="a .txt, .tsv, .md, .csv, .docx, .xlsx or .pdf file",
        )
    kind = kind or format_of(path)
    if kind not in FORMATS:
        raise ParseError(kind, 0, f"is not one of {', '.join(FORMATS)}", expected="a format")
    if kind == "docx":
        from municipal_reports.parse.table.sources.docx import rows_from_docx

        return rows_from_docx(str(path)), []
    if kind == "xlsx":
        from municipal_reports.parse.table.sources.xlsx import rows_from_xlsx

        return rows_from_xlsx(str(path)), []
    if kind == "pdf":
        from municipal_reports.parse.table.sources.pdf import rows_from_pdf

        return rows_from_pdf(str(path))
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(str(path), exc.start, "is not UTF-8 text", expected="text") from None
    if kind == "csv":
        from municipal_reports.parse.table.sources.csv import rows_from_csv

        return rows_from_csv(text), []
    from municipal_reports.parse.table.sources.spaced import looks_spaced, rows_from_spaced_text
    from municipal_reports.parse.table.sources.text import rows_from_text

    if looks_spaced(text):
        return rows_from_spaced_text(text)
    return rows_from_text(text), []


def import_file(
    path: str | Path,
    *,
    kind: str | None = None,
    period: ReportingPeriod | None = None,
    council: str = "",
) -> tuple[ImportResult, ...]:
    """Every execution table of a file (.txt/.tsv/.md pasted text, .csv, .docx, .xlsx,
    .pdf), one :class:`ImportResult` each. ``kind`` names the reader where the extension
    does not (one of :data:`FORMATS`); ``period`` and ``council`` as for
    :func:`~municipal_reports.parse.import_table`. An unreadable file raises
    :class:`~municipal_reports.errors.ParseError`; a missing one :class:`OSError`."""
    rows, findings = rows_from_file(path, kind=kind)
    return import_rows(rows, period=period, council=council, findings=findings)
