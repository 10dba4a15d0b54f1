"""Pasted text: tab-separated rows (what Word gives), markdown pipe tables, prose lines."""

from __future__ import annotations

import re
from typing import Final

from municipal_reports.parse.table.model import SourceRow
from municipal_reports.parse.table.sources.grid import is_rule, rows_from_grid

__all__ = ["rows_from_text"]

_MD_RULE: Final = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$")
_MD_SPLIT: Final = re.compile(r"(?<!\\)\|")
_MD_ESCAPE: Final = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")


def _markdown_cells(line: str) -> tuple[str, ...]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return tuple(_unmark(c) for c in _MD_SPLIT.split(body))


def _unmark(cell: str) -> str:
    """A markdown cell's text: emphasis around the whole cell and escapes removed."""
    text = cell.strip()
    for mark in ("**", "*", "_"):
        if len(text) > 2 * len(mark) and text.startswith(mark) and text.endswith(mark):
            text = text[len(mark) : -len(mark)].strip()
            break
    return _MD_ESCAPE.sub(r"\1", text)


def _hanging(previous: SourceRow | None, line: str) -> bool:
    """Whether ``line`` continues a labelled line wrapped with a hanging indent
    («Відповідальний виконавець Програми: …» and, below, the rest aligned after the label)."""
    if previous is None or previous.tabular or not line.startswith("    "):
        return False
    indent = len(line) - len(line.lstrip(" "))
    head = previous.cells[0]
    return head.find(": ") == indent - 2 and not head.startswith(" ")


def rows_from_text(text: str) -> list[SourceRow]:
    """Every line of ``text`` as a row: a line with tabs, or a markdown table line
    («| a | b |»), is a table row; a grid drawn with «+---+» rules gives its rows, cells
    unwrapped; any other line is prose (a labelled line's hanging continuation joined)."""
    rows: list[SourceRow] = []
    lines = text.splitlines()
    grid: list[tuple[int, str]] = []
    for no, line in enumerate(lines, start=1):
        if grid or (is_rule(line) and no < len(lines) and lines[no].startswith("|")):
            grid.append((no, line))
            following = lines[no] if no < len(lines) else ""
            if len(grid) > 1 and is_rule(line) and not following.startswith("|"):
                rows.extend(rows_from_grid(grid))
                grid = []
            continue
        if rows and _hanging(rows[-1], line):
            joined = f"{rows[-1].cells[0]} {line.strip()}"
            rows[-1] = SourceRow.paragraph(rows[-1].number, joined)
            continue
        if "\t" in line:
            rows.append(SourceRow(no, tuple(line.split("\t"))))
        elif line.lstrip().startswith("|") and line.rstrip().endswith("|"):
            if _MD_RULE.match(line.strip()):
                continue
            rows.append(SourceRow(no, _markdown_cells(line)))
        else:
            rows.append(SourceRow.paragraph(no, line))
    if grid:
        rows.extend(rows_from_grid(grid))
    return rows
