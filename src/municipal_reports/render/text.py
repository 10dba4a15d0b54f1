"""Plain text for terminals: headings underlined, tables drawn as wrapped grids.

A grid draws a rule under every row, so a reader (ours: parse/table/sources/grid.py) knows
where a row ends, and a word too long for its column is broken with :data:`BREAK` at the
end of the line, so the cell's text is its lines joined by spaces, less the marks.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Sequence

from municipal_reports.audit import Finding
from municipal_reports.render.layout import (
    Block,
    Fields,
    Findings,
    Heading,
    ItemList,
    Paragraph,
    Row,
    Signature,
    Table,
    layout,
)
from municipal_reports.safe_text import visible

__all__ = ["BREAK", "TextRenderer", "wrap_cell"]

#: Ends a line of a grid cell where a word too long for the column was broken.
BREAK = "¬"

_UNDERLINES = {1: "=", 2: "-"}
_MIN_COLUMN = 4
_NARROW = 12


def _clean(text: str) -> str:
    # Control and bidirectional-override characters would let a cell rewrite the terminal
    # or reorder the text around it: shown as visible escapes (the one rule of safe_text).
    return visible(text)


def _flat(text: str) -> str:
    return " ".join(_clean(text).split())


def cell_texts(row: Row, fmt: Callable[[str], str] = str, marker: str = " [!]") -> list[str]:
    """The texts of a row's grid positions, each passed through ``fmt``, ``marker`` after
    the cells that findings concern; spanned and covered positions left empty."""
    texts: list[str] = []
    for cell in row.cells:
        text = "" if cell.covered else fmt(cell.text)
        if cell.marked:
            text = f"{text}{marker}".strip()
        texts.append(text)
        texts.extend("" for _ in range(cell.colspan - 1))
    return texts


class TextRenderer:
    """Plain UTF-8 text, wrapped to ``width`` columns (tables too).

    Findings, when given, are listed at the end and their cells marked «[!]».
    """

    name = "text"
    media_type = "text/plain; charset=utf-8"

    def __init__(self, width: int = 120) -> None:
        self.width = max(40, width)

    def __call__(
        self, obj: object, *, locale: str, findings: Iterable[Finding] | None = None
    ) -> str:
        """Render ``obj`` as plain text."""
        page = layout(obj, locale=locale, findings=findings)
        parts = [self._block(b) for b in page.blocks]
        return visible("\n\n".join(p for p in parts if p) + "\n")

    def _wrap(self, text: str, indent: str = "") -> str:
        return textwrap.fill(
            _flat(text),
            self.width,
            initial_indent=indent,
            subsequent_indent=" " * len(indent),
            # Prose never breaks a word (a line may run past the width instead): a labelled
            # line's continuation is joined back at a space by whoever reads it.
            break_long_words=False,
            break_on_hyphens=False,
        )

    def _block(self, block: Block) -> str:
        if isinstance(block, Heading):
            text = self._wrap(block.text)
            rule = _UNDERLINES.get(block.level)
            if rule is None:
                return text
            return f"{text}\n{rule * min(self.width, max(len(line) for line in text.splitlines()))}"
        if isinstance(block, Paragraph):
            return self._wrap(block.text)
        if isinstance(block, Fields):
            return "\n".join(
                self._wrap(f"{f.value}{' [!]' if f.marked else ''}", f"{_flat(f.label)}: ")
                for f in block.fields
            )
        if isinstance(block, ItemList):
            return "\n".join(
                self._wrap(item, f"{i}. " if block.numbered else "- ")
                for i, item in enumerate(block.items, 1)
            )
        if isinstance(block, Signature):
            position, name = _flat(block.position), _flat(block.name)
            gap = self.width - len(position) - len(name)
            if gap >= 3:
                return f"{position}{' ' * gap}{name}"
            # Too long for one line: the position wrapped, the name below on the right.
            return f"{self._wrap(position)}\n{self._wrap(name).rjust(self.width)}"
        if isinstance(block, Table):
            return self._table(block)
        return self._findings(block)

    def _findings(self, block: Findings) -> str:
        lines = [self._wrap(block.title), "-" * min(self.width, len(_flat(block.title)))]
        if not block.findings:
            lines.append(self._wrap(block.empty_text))
        for f in block.findings:
            where = f"{f.place} ({f.path})" if f.place else f.path
            lines.append(
                self._wrap(f"{f.code} {f.title or f.name} [{f.severity_text}] {where}: {f.message}")
            )
        return "\n".join(lines)

    def _table(self, table: Table) -> str:
        rows = tuple(table.rows)  # made once: a form's rows are made each time they are read
        grid = [[_flat(h) for h in table.headers]] + [
            [_flat(t) for t in cell_texts(r)] for r in rows
        ]
        # A cell spanning several columns («Всього:») does not set the first one's width.
        sizing = [grid[0]] + [
            [_flat(t) for t in cell_texts(r)] for r in rows if all(c.colspan == 1 for c in r.cells)
        ]
        widths = self._widths(sizing)
        rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
        lines = [self._wrap(table.caption)] if table.caption else []
        lines.append(rule)
        for i, row in enumerate(grid):
            lines.extend(self._row(row, widths))
            lines.append(rule.replace("-", "=") if i == 0 else rule)
        return "\n".join(lines)

    def _widths(self, grid: Sequence[Sequence[str]]) -> list[int]:
        columns = len(grid[0])
        body = grid[1:] or grid
        # A column wants its longest body cell, and at least its header's longest word.
        wanted = [
            max(
                max((len(row[c]) for row in body if c < len(row)), default=0),
                max((len(w) for w in grid[0][c].split()), default=0),
                _MIN_COLUMN,
            )
            for c in range(columns)
        ]
        budget = max(self.width - (3 * columns + 1), _MIN_COLUMN * columns)
        if sum(wanted) <= budget:
            return wanted
        # Narrow columns keep their width; the wide ones share what is left in proportion.
        narrow = [w <= _NARROW for w in wanted]
        left = budget - sum(w for w, n in zip(wanted, narrow, strict=True) if n)
        wide_total = sum(w for w, n in zip(wanted, narrow, strict=True) if not n) or 1
        widths = [
            w if n else max(_NARROW, left * w // wide_total)
            for w, n in zip(wanted, narrow, strict=True)
        ]
        # Still too wide (many columns): narrow the widest until the table fits.
        while sum(widths) > budget and max(widths) > _MIN_COLUMN:
            widths[widths.index(max(widths))] -= 1
        return widths

    def _row(self, row: Sequence[str], widths: Sequence[int]) -> list[str]:
        wrapped = [wrap_cell(text, w) for text, w in zip(row, widths, strict=False)]
        height = max(len(c) for c in wrapped)
        return [
            "| "
            + " | ".join(
                (c[i] if i < len(c) else "").ljust(w) for c, w in zip(wrapped, widths, strict=False)
            )
            + " |"
            for i in range(height)
        ]


def wrap_cell(text: str, width: int) -> list[str]:
    """The lines of a grid cell: words at most ``width`` long, filled greedily; a longer
    word starts a line of its own and is cut into pieces of ``width - 1`` characters, each
    ended with :data:`BREAK` (the last piece goes on like a word).

    So a line that fills the column and ends with :data:`BREAK` is always a break: a word of
    the text that ends with the mark itself is never let end a full line (it moves to the
    next line, or is broken like a long word when it is exactly the column's width).
    A width under 2 is taken as 2 (a piece needs a character besides the mark).
    """
    width = max(width, 2)

    def fits(length: int, word: str) -> bool:
        return length < width or (length == width and not word.endswith(BREAK))

    lines: list[str] = []
    line = ""
    for word in text.split():
        if not fits(len(word), word):
            if line:
                lines.append(line)
            while not fits(len(word), word):
                lines.append(word[: width - 1] + BREAK)
                word = word[width - 1 :]
            line = word
        elif not line:
            line = word
        elif fits(len(line) + 1 + len(word), word):
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines
