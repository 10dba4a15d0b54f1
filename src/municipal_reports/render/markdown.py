"""Markdown (CommonMark with pipe tables): headings, field lists, tables, lists."""

from __future__ import annotations

import re
from collections.abc import Iterable

from municipal_reports.audit import Finding
from municipal_reports.render.layout import (
    Block,
    Fields,
    Findings,
    Heading,
    ItemList,
    Paragraph,
    Signature,
    Table,
    layout,
)
from municipal_reports.render.text import cell_texts
from municipal_reports.safe_text import visible

__all__ = ["MarkdownRenderer", "escape"]

# Every character that can start markup inline, or end a table cell, gets a backslash;
# «<» and «>» too, so that no raw HTML (a <script>) survives into a rendered page.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#!~&])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])")


def escape(text: str) -> str:
    """``text`` as literal Markdown on one line: markup characters escaped, lines joined.

    >>> escape("a | b <script>")
    'a \\\\| b \\\\<script\\\\>'
    """
    flat = " ".join(text.split())
    flat = flat.replace("\u202e", "").replace("\u202d", "")  # bidi overrides reorder cells
    return _SPECIAL.sub(r"\\\1", flat)


def _escape_block(text: str) -> str:
    # At the start of a block a «-», «+» or «1.» would begin a list: escape its punctuation.
    return _LINE_START.sub(
        lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], escape(text)
    )


class MarkdownRenderer:
    """Markdown for wikis, issues and static sites; findings mark cells with «⚠»."""

    name = "markdown"
    media_type = "text/markdown; charset=utf-8"

    def __call__(
        self, obj: object, *, locale: str, findings: Iterable[Finding] | None = None
    ) -> str:
        """Render ``obj`` as Markdown."""
        page = layout(obj, locale=locale, findings=findings)
        return visible("\n\n".join(self._block(b) for b in page.blocks) + "\n")

    def _block(self, block: Block) -> str:
        if isinstance(block, Heading):
            return f"{'#' * min(block.level, 6)} {escape(block.text)}"
        if isinstance(block, Paragraph):
            return _escape_block(block.text)
        if isinstance(block, Fields):
            return "\n".join(
                f"- **{escape(f.label)}:** {escape(f.value)}{' ⚠' if f.marked else ''}"
                for f in block.fields
            )
        if isinstance(block, ItemList):
            return "\n".join(
                f"{f'{i}.' if block.numbered else '-'} {escape(item)}"
                for i, item in enumerate(block.items, 1)
            )
        if isinstance(block, Signature):
            return f"{escape(block.position)} \\_\\_\\_\\_\\_\\_\\_\\_ **{escape(block.name)}**"
        if isinstance(block, Table):
            return self._table(block)
        return self._findings(block)

    def _table(self, table: Table) -> str:
        def line(cells: list[str]) -> str:
            return "| " + " | ".join(cells) + " |"

        rows = tuple(table.rows)  # made once: a form's rows are made each time they are read
        aligns = ["---"] * len(table.headers)
        for row in rows:
            col = 0
            for cell in row.cells:
                if cell.numeric and cell.colspan == 1 and not cell.covered:
                    aligns[col] = "--:"
                col += cell.colspan
        lines = [f"*{escape(table.caption)}*", ""] if table.caption else []
        lines.append(line([escape(h) for h in table.headers]))
        lines.append(line(aligns))
        for row in rows:
            texts = cell_texts(row, escape, " ⚠")
            if row.kind.value == "total":
                texts = [f"**{t}**" if t else t for t in texts]
            lines.append(line(texts))
        return "\n".join(lines)

    def _findings(self, block: Findings) -> str:
        lines = [f"## {escape(block.title)}", ""]
        if not block.findings:
            lines.append(escape(block.empty_text))
        lines.extend(
            f"- **{f.code}** {escape(f.title or f.name)} ({escape(f.severity_text)}) "
            f"{escape(f.place) + ' ' if f.place else ''}"
            f"`{f.path.replace('`', '')}`: {escape(f.message)}"
            for f in block.findings
        )
        return "\n".join(lines)
