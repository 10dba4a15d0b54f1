"""Pasted text: tab-separated rows (what Word gives), markdown pipe tables, prose lines."""

from __future__ import annotations

import re
from typing import Final

from municipal_reports.parse.table.model import SourceRow

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


def rows_from_text(text: str) -> list[SourceRow]:
    """Every line of ``text`` as a row: a line with tabs, or a markdown table line
    («| a | b |»), is a table row; any other line is prose."""
    rows = []
    for no, line in enumerate(text.splitlines(), start=1):
        if "\t" in line:
            rows.append(SourceRow(no, tuple(line.split("\t"))))
        elif line.lstrip().startswith("|") and line.rstrip().endswith("|"):
            if _MD_RULE.match(line.strip()):
                continue
            rows.append(SourceRow(no, _markdown_cells(line)))
        else:
            rows.append(SourceRow.paragraph(no, line))
    return rows
