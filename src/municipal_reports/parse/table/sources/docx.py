"""Word documents (.docx, python-docx): paragraphs and tables in document order.

A merged cell (``gridSpan`` across, ``vMerge`` down) is read once, at its first grid
position; the positions it covers repeat its text as copies (a header shows them, a body
reads them blank). The paragraphs around a table give its title block and signature.
"""

from __future__ import annotations

from typing import IO, Any

from municipal_reports.errors import ParseError
from municipal_reports.parse.table.model import SourceRow

__all__ = ["rows_from_docx"]


def _text(tc: Any) -> str:
    return " ".join(" ".join(p.text.split()) for p in tc.paragraphs if p.text.strip())


def rows_from_docx(source: str | IO[bytes]) -> list[SourceRow]:
    """The rows of a .docx file (a path or a binary file object)."""
    try:
        import docx  # the docx extra: python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover - depends on the environment
        raise ParseError(
            "", 0, "reading .docx needs python-docx: pip install 'municipal-reports[docx]'"
        ) from None
    try:
        document = docx.Document(source)
    except Exception as exc:  # python-docx raises zipfile, KeyError, lxml errors
        raise ParseError(str(source)[:200], 0, f"is not a readable .docx file: {exc}") from None
    rows: list[SourceRow] = []
    tables = 0
    paragraphs = 0
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraphs += 1
            rows.append(SourceRow.paragraph(paragraphs, Paragraph(child, document).text))
        elif tag == "tbl":
            tables += 1
            table = Table(child, document)
            above: list[Any] = []
            for r, row in enumerate(table.rows, start=1):
                tcs = [cell._tc for cell in row.cells]
                copies = frozenset(
                    i
                    for i, tc in enumerate(tcs)
                    if (i > 0 and tc is tcs[i - 1]) or (i < len(above) and tc is above[i])
                )
                cells = tuple(_text(cell) for cell in row.cells)
                rows.append(SourceRow(r, cells, table=tables, copies=copies))
                above = tcs
    return rows
