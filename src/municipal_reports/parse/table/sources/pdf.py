"""PDF files (pdfplumber): tables by its table finder, the text around them as prose;
a PDF where it finds no table is read as text (see :mod:`.spaced`)."""

from __future__ import annotations

from typing import IO, Any

from municipal_reports.errors import ParseError
from municipal_reports.parse.table.model import ImportFinding, SourceRow
from municipal_reports.parse.table.sources.spaced import looks_spaced, rows_from_spaced_text
from municipal_reports.parse.table.sources.text import rows_from_text

__all__ = ["rows_from_pages", "rows_from_pdf"]


def _lines(text: str | None) -> list[str]:
    return [line for line in (text or "").splitlines() if line.strip()]


def rows_from_pages(pages: list[Any]) -> tuple[list[SourceRow], list[tuple[int, ImportFinding]]]:
    """The rows of pdfplumber pages: each page's lines above, between and below its
    tables as prose, its tables' rows as cells (a merged cell's covered positions, which
    pdfplumber gives as ``None``, repeat the cell on their left as copies)."""
    rows: list[SourceRow] = []
    texts: list[str] = []
    tables = 0
    line_no = 0
    for page in pages:
        found = sorted(page.find_tables(), key=lambda t: t.bbox[1])
        texts.append(page.extract_text() or "")
        top = 0.0
        for table in found:
            above = page.crop((0, top, page.width, table.bbox[1])) if table.bbox[1] > top else None
            for line in _lines(above.extract_text() if above is not None else ""):
                line_no += 1
                rows.append(SourceRow.paragraph(line_no, line))
            tables += 1
            for r, cells in enumerate(table.extract(), start=1):
                texts_row: list[str] = []
                copies = set()
                for i, cell in enumerate(cells):
                    if cell is None:
                        texts_row.append(texts_row[-1] if texts_row else "")
                        copies.add(i)
                    else:
                        texts_row.append(" ".join(str(cell).split()))
                rows.append(SourceRow(r, tuple(texts_row), table=tables, copies=frozenset(copies)))
            top = table.bbox[3]
        rest = page.crop((0, top, page.width, page.height)) if top else page
        for line in _lines(rest.extract_text() if found else ""):
            line_no += 1
            rows.append(SourceRow.paragraph(line_no, line))
    if tables:
        return rows, []
    text = "\n".join(texts)
    if looks_spaced(text):
        return rows_from_spaced_text(text)
    return rows_from_text(text), []


def rows_from_pdf(
    source: str | IO[bytes],
) -> tuple[list[SourceRow], list[tuple[int, ImportFinding]]]:
    """The rows of a PDF file (a path or a binary file object)."""
    try:
        import pdfplumber  # the pdf extra
    except ImportError:  # pragma: no cover - depends on the environment
        raise ParseError(
            "", 0, "reading .pdf needs pdfplumber: pip install 'municipal-reports[pdf]'"
        ) from None
    try:
        open_pdf: Any = pdfplumber.open  # typed where installed, Any under [lint]
        with open_pdf(source) as pdf:
            return rows_from_pages(list(pdf.pages))
    except ParseError:
        raise
    except Exception as exc:  # pdfminer raises many kinds on a damaged file
        raise ParseError(str(source)[:200], 0, f"is not a readable PDF file: {exc}") from None
