"""DOCX: the format council staff actually edit (needs the ``docx`` extra: python-docx).

The official form is laid out on a landscape page with its merged task cells, column-number
row and «Всього» row; cells that findings concern are shaded. The file is reproducible:
the same input gives the same bytes (fixed timestamps inside the zip container).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from municipal_reports.audit import Finding
from municipal_reports.errors import MunicipalReportsError
from municipal_reports.render.base import reproducible_zip
from municipal_reports.render.layout import (
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
from municipal_reports.safe_text import visible

if TYPE_CHECKING:
    from docx.document import Document

__all__ = ["DocxRenderer"]

# XML 1.0 refuses these; a hostile or broken text must not make the document unwritable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_MARK_FILL = "FDE2E1"
_HEAD_FILL = "F3F3F3"


def _xml_text(text: str) -> str:
    # Controls as visible escapes (the one rule of safe_text); what XML still cannot hold
    # (lone surrogates, U+FFFE) as the replacement character.
    return _NOT_XML.sub("\ufffd", visible(text))


class DocxRenderer:
    """A Word document (.docx) built with python-docx, imported only when used."""

    name = "docx"
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    def __call__(
        self, obj: object, *, locale: str, findings: Iterable[Finding] | None = None
    ) -> bytes:
        """Render ``obj`` as the bytes of a .docx file."""
        page = layout(obj, locale=locale, findings=findings)
        try:
            import docx  # an optional dependency: imported on use
        except ImportError as exc:
            raise MunicipalReportsError(
                "the docx renderer needs python-docx: pip install 'municipal-reports[docx]'"
            ) from exc
        document = docx.Document()
        self._build(document, page)
        buffer = io.BytesIO()
        document.save(buffer)
        return reproducible_zip(buffer.getvalue())

    def _build(self, document: Document, page: Page) -> None:
        from docx.enum.section import WD_ORIENT
        from docx.shared import Mm, Pt

        props = document.core_properties
        props.title = _xml_text(page.title)[:255]
        props.language = page.locale
        props.author = "municipal-reports"
        section = document.sections[0]
        landscape = any(t.form for t in page.tables())
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, margin, Mm(15))
        document.styles["Normal"].font.name = "Times New Roman"
        document.styles["Normal"].font.size = Pt(12)
        for block in page.blocks:
            if isinstance(block, Heading):
                document.add_heading(_xml_text(block.text), min(block.level, 9) - 1 or 0)
            elif isinstance(block, Paragraph):
                document.add_paragraph(_xml_text(block.text))
            elif isinstance(block, Fields):
                for f in block.fields:
                    p = document.add_paragraph()
                    p.add_run(_xml_text(f"{f.label}: "))
                    value = p.add_run(_xml_text(f.value))
                    value.bold = True
                    if f.marked:
                        p.add_run(" " + " ".join(dict.fromkeys(f.marked))).font.superscript = True
            elif isinstance(block, ItemList):
                style = "List Number" if block.numbered else "List Bullet"
                for item in block.items:
                    document.add_paragraph(_xml_text(item), style=style)
            elif isinstance(block, Signature):
                p = document.add_paragraph()
                p.add_run(_xml_text(block.position))
                p.add_run("\t")
                p.add_run(_xml_text(block.name)).bold = True
                p.paragraph_format.tab_stops.add_tab_stop(Mm(250 if landscape else 165))
            elif isinstance(block, Table):
                self._table(document, block)
            elif isinstance(block, Findings):
                document.add_heading(_xml_text(block.title), 1)
                if not block.findings:
                    document.add_paragraph(_xml_text(block.empty_text))
                for line in block.findings:
                    p = document.add_paragraph(style="List Number")
                    p.add_run(f"{line.code} ").bold = True
                    where = f"{line.place}, {line.path}" if line.place else line.path
                    p.add_run(_xml_text(f"[{line.severity_text}] {line.message} ({where})"))

    def _table(self, document: Document, block: Table) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        size = Pt(9) if block.form else Pt(10)
        if block.caption:
            document.add_paragraph().add_run(_xml_text(block.caption)).bold = True
        table = document.add_table(rows=1 + len(block.rows), cols=len(block.headers))
        table.style = "Table Grid"
        columns = len(block.headers)
        # table.cell() rebuilds the whole grid on every call: take the cells once, and merge
        # at the end (merging changes the grid).
        cells = table._cells
        for c, header in enumerate(block.headers):
            _write(cells[c], header, size, bold=True)
            _shade(cells[c], _HEAD_FILL)
        merges: list[tuple[int, int, int, int]] = []
        for r, row in enumerate(block.rows, start=1):
            col = 0
            for source in row.cells:
                if col >= columns:
                    break
                cell = cells[r * columns + col]
                if not source.covered:
                    text = source.text
                    if source.marked:
                        text += " " + " ".join(dict.fromkeys(source.marked))
                    _write(cell, text, size, bold=row.kind.value == "total")
                    if source.numeric:
                        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
                    if source.marked:
                        _shade(cell, _MARK_FILL)
                    last_row = min(r + source.rowspan - 1, len(block.rows))
                    last_col = min(col + source.colspan - 1, columns - 1)
                    if (last_row, last_col) != (r, col):
                        merges.append((r, col, last_row, last_col))
                col += source.colspan
        for r, c, last_r, last_c in merges:
            table.cell(r, c).merge(table.cell(last_r, last_c))


def _write(cell: Any, text: str, size: Any, *, bold: bool) -> None:
    run = cell.paragraphs[0].add_run(_xml_text(text))
    run.font.size = size
    run.bold = bold


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)
