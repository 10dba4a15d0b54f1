"""A document's rows into tables, and a table's body rows into measure rows.

Pasted text has no table boundaries: a table starts at a header row (read by meaning, see
:mod:`.header`), its body runs to the first line of prose, and a signature may follow.
Body rows are numbered measure rows, unnumbered rows that are further measures of the task
above, rows that only continue the previous row's text across a page break, rows by
funding source under a measure (державний, обласний, місцевий бюджет, інші джерела),
subtotal rows and the «Всього» row.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import Final

from municipal_reports.parse.table.header import (
    MONEY_ROLES,
    Layout,
    Role,
    is_column_numbers,
    is_header,
    is_subheader,
)
from municipal_reports.parse.table.model import Cell, ImportFinding, SourceRow
from municipal_reports.parse.table.title import signature_line
from municipal_reports.parse.values import is_person, is_placeholder

__all__ = ["Block", "MeasureRow", "RowReader", "is_blank", "split", "unsigned"]

_TOTAL: Final = re.compile(r"(?:всього|разом|усього|итого)\b\s*:?\s*", re.I)
_FIGURE: Final = re.compile(r"[-−]?\d[\d \u00a0\u202f]*(?:[,.]\s?\d+)?\s*%?")
_GROUP: Final = re.compile(
    r"фонд|\bразом\b|\bусього\b|\bвсього\b|бюджет|затверджено|касов|план|виконано"
)
_PAGE_BREAK: Final = re.compile(r"(?:додаток|продовження\s+додатка)(?:\s*\d+)?\.?", re.I)
_SOURCE_WORDS: Final = re.compile(
    r"^(?:у\s+тому\s+числі:?\s*|в\s+т\.\s*ч\.\s*:?\s*|з\s+них:?\s*)?"
    r"(?:кошти\s+)?(?:державн\w+|обласн\w+|районн\w+|місцев\w+|міськ\w+|сільськ\w+|селищн\w+"
    r"|бюджет\w*\s+(?:громади|тг|міста|сіл)|інш\w+\s+джерел\w*|інш\w+\s+місцев\w+|кошти\s+інвестор\w*"
    r"|позабюджетн\w+|власн\w+\s+кошт\w*)(?:\s+бюджет\w*)?[\s.,:]*$",
    re.I,
)


def is_blank(text: str) -> bool:
    """An empty cell, or one holding only a placeholder: a dash or «х»."""
    return is_placeholder(text) or text.strip().lower() in ("х", "x", "х.", "x.")


@dataclasses.dataclass
class Block:
    """One table of a document: the lines above it, its header rows, its body rows and
    its signature."""

    preamble: list[SourceRow]
    header: list[SourceRow]
    body: list[SourceRow]
    signature: list[SourceRow]
    table: int = 0
    named: tuple[str, str] | None = None  # (program, executor) where each row names them


def _ends_body(row: SourceRow) -> bool:
    body = row.text.strip()
    if row.tabular:
        return _signature_cells(row)
    return bool(body) and _PAGE_BREAK.fullmatch(body) is None


def _signature_cells(row: SourceRow) -> bool:
    """A sheet's signature row: a position and a person's name in two or three cells of
    their own, nothing else («Начальник управління | | Іван ПЕТРЕНКО»)."""
    filled = [c.strip() for c in row.body_cells() if c.strip()]
    return (
        2 <= len(filled) <= 3
        and not any(_FIGURE.fullmatch(c) for c in filled)
        and is_person(filled[-1])
        and filled[-1].split()[-1].isupper()
    )


def _is_group_row(row: SourceRow, header: SourceRow) -> bool:
    """Whether a row above a header row names the groups its columns fall into
    («Загальний фонд | Спеціальний фонд | Разом» over «План | Виконано | …»)."""
    if not row.tabular or len(row.cells) > len(header.cells):
        return False
    cells = [c for c in row.cells if c.strip()]
    return (
        len(cells) >= 2
        and not any(_FIGURE.fullmatch(c.strip()) for c in cells)
        and any(_GROUP.search(c.lower()) for c in cells)
    )


def _signs(row: SourceRow) -> bool:
    """Whether a line ends a signature: a person's name, alone or after the position."""
    return is_person(row.text) or signature_line(row.text) is not None


def split(rows: list[SourceRow]) -> list[Block]:
    """The tables of a document, each with the lines around it. Linear in the rows."""
    blocks: list[Block] = []
    i = 0
    preamble: list[SourceRow] = []
    while i < len(rows):
        if not is_header(rows[i]):
            preamble.append(rows[i])
            i += 1
            continue
        header = [rows[i]]
        if preamble and _is_group_row(preamble[-1], rows[i]):
            # The row above names the groups (funds, stages) the header row splits.
            header.insert(0, preamble.pop())
        i += 1
        while i < len(rows) and len(header) < 4 and is_subheader(rows[i]):
            header.append(rows[i])
            i += 1
        body: list[SourceRow] = []
        while i < len(rows) and not _ends_body(rows[i]) and not is_header(rows[i]):
            if not is_column_numbers(rows[i]):
                body.append(rows[i])
            i += 1
        signature: list[SourceRow] = []
        j = i
        while j < len(rows) and not is_header(rows[j]) and j - i < 12:
            signature.append(rows[j])
            if _signs(rows[j]):
                break
            j += 1
        if signature and _signs(signature[-1]):
            i = j + 1
        else:
            signature = []
        blocks.append(Block(preamble, header, body, signature, len(blocks) + 1))
        preamble = []
    return blocks


@dataclasses.dataclass
class MeasureRow:
    """A measure's row as read: its texts, its money and percent cells, and the rows by
    funding source under it."""

    line: int
    cells: list[str]
    number: str = ""
    task: str = ""
    content: str = ""
    term: str = ""
    executors: str = ""
    money: dict[str, Cell] = dataclasses.field(default_factory=dict)
    percent: Cell | None = None
    deviation: Cell | None = None
    note: str = ""
    moved: list[str] = dataclasses.field(default_factory=list)
    parts: list[MeasureRow] = dataclasses.field(default_factory=list)


def unsigned(text: str) -> str:
    """A cell's text without a leading sign, which may stand apart from its figure
    («- 1153,903» is a figure)."""
    return text.strip().lstrip("+-−–").strip()


def _join(*parts: str) -> str:
    return " ".join(p for p in (x.strip() for x in parts) if p)


def _strip_html(text: str) -> str:
    return " ".join(re.sub(r"</?p>", " ", text).split())


def _unfinished(text: str) -> bool:
    """Whether a cell's text visibly goes on: it does not end a sentence."""
    body = text.rstrip()
    return bool(body) and body[-1] not in '.!?»"'


Where = tuple[MeasureRow | None, str]


class RowReader:
    """Reads a table's body rows under its layout, noting every decision."""

    def __init__(self, layout: Layout, table: int) -> None:
        self.layout = layout
        self.table = table
        self.findings: list[tuple[ImportFinding, MeasureRow | None, str]] = []
        self.total: dict[str, Cell] = {}
        self.total_percent: Cell | None = None
        self.total_line = 0
        self.total_cells: dict[int, str] = {}

    def cell(self, row: int, column: int, text: str) -> Cell:
        """A cell of this table (``column`` 0-based)."""
        return Cell(row, column + 1, text, self.table)

    def note(
        self,
        code: str,
        name: str,
        where: Where,
        cells: Iterable[Cell],
        reading: str,
        reason: str,
    ) -> None:
        """Record a decision; its path is filled in once rows are grouped into tasks."""
        finding = ImportFinding(code, name, "", tuple(cells), reading, reason)
        self.findings.append((finding, where[0], where[1]))

    def _at(self, cells: list[str], index: int) -> str:
        return cells[index] if 0 <= index < len(cells) else ""

    def _figure_columns(self) -> list[int]:
        lay = self.layout
        return [i for i in (*lay.money.values(), lay.percent) if i >= 0]

    def _numeric_columns(self) -> set[int]:
        """Every column whose header names a figure: amounts (kept or not), percents,
        deviations, shares."""
        numeric = (*MONEY_ROLES, Role.PERCENT, Role.DEVIATION, Role.SHARE)
        return {c.index for c in self.layout.columns if c.role in numeric}

    def _right_aligned(self, cells: list[str]) -> list[str] | None:
        """A short row whose first cell spans several columns (a merged «№ з/п» and name,
        «ВСЬОГО ПО ПРОГРАМІ» across two): its cells aligned to the right, when that puts
        more figures under figure headers than aligning them to the left does."""
        width = self.layout.ncols
        if not 0 < len(cells) < width:
            return None
        numeric = self._numeric_columns()
        right = [""] * (width - len(cells)) + cells
        left = (cells + [""] * width)[:width]

        def figures(row: list[str]) -> int:
            return sum(1 for i in numeric if _FIGURE.fullmatch(unsigned(row[i])))

        return right if figures(right) > figures(left) else None

    def _name_in_number(self, src: SourceRow, cells: list[str]) -> None:
        """A merged cell spanning «№ з/п» and the name column (a direction's heading in a
        Word table) holds a name, not a number: it goes to the name column."""
        lay = self.layout
        name = lay.task if lay.task >= 0 else lay.content
        if lay.number < 0 or name != lay.number + 1 or name not in src.copies:
            return
        if name < len(cells) and cells[lay.number] and not cells[lay.number][:1].isdigit():
            cells[name], cells[lay.number] = cells[lay.number], ""

    def rows(self, body: list[SourceRow]) -> list[MeasureRow]:
        """The measure rows of a table body."""
        rows: list[MeasureRow] = []
        lay = self.layout
        for src in body:
            if not src.text.strip():
                continue
            if not src.tabular:
                continue  # a page-break line («Додаток»): the body ends at any other prose
            cells = [_strip_html(c) for c in src.body_cells()]
            self._name_in_number(src, cells)
            first = next((c for c in cells if c), "")
            if _TOTAL.match(first):
                self.read_total(src.number, cells, rows)
                continue
            aligned = len(cells) == lay.ncols
            padded = (cells + [""] * lay.ncols)[: lay.ncols]
            right = self._right_aligned(cells)
            if right is not None:
                padded = right
            if len(cells) > lay.ncols and lay.note >= 0:
                padded[lay.note] = _join(*cells[lay.note :])
            # A figure, or a placeholder («х», «—») standing for one: a row of its own.
            has_figures = any(
                padded[i][:1].isdigit() or (padded[i].strip() != "" and is_blank(padded[i]))
                for i in self._figure_columns()
            )
            number = self._at(padded, lay.number)
            if (
                not number
                and not has_figures
                and not self._at(padded, lay.term)
                and not self._at(padded, lay.executors)
                and rows
            ):
                self.continue_row(rows[-1], src.number, cells, aligned)
                continue
            row = self.read_row(src.number, padded)
            part = bool(rows) and not number and self._is_source_row(row)
            if not aligned:
                self.note(
                    "IMP202",
                    "misaligned-row",
                    # The finding names the measure the row became (a part has none).
                    (rows[-1] if part else row, ""),
                    [self.cell(src.number, i, c) for i, c in enumerate(cells) if c],
                    f"the cells aligned to the right, the first spanning columns 1 to "
                    f"{lay.ncols - len(cells) + 1}"
                    if right is not None
                    else f"cells taken by position, the row padded to {lay.ncols} columns",
                    f"the row has {len(cells)} cells where the header has {lay.ncols}",
                )
            if part:
                rows[-1].parts.append(row)
                continue
            rows.append(row)
        return rows

    def _is_source_row(self, row: MeasureRow) -> bool:
        """A row that only names a funding source (and its figures) under a measure."""
        lay = self.layout
        if lay.source >= 0 and row.cells[lay.source] and not (row.task or row.content):
            return True
        name = row.content or row.task
        return bool(name) and _SOURCE_WORDS.match(name) is not None

    def read_row(self, no: int, cells: list[str]) -> MeasureRow:
        """A measure row's cells by the layout's roles."""
        lay = self.layout
        at = self._at
        row = MeasureRow(
            no,
            cells,
            at(cells, lay.number),
            at(cells, lay.task),
            at(cells, lay.content),
            at(cells, lay.term),
            at(cells, lay.executors),
        )
        row.note = at(cells, lay.note)
        for extra in lay.extra_notes:
            text = at(cells, extra.index)
            if text and not is_blank(text):
                label = extra.label or f"колонка {extra.index + 1}"
                row.note = _join(row.note, f"{label}: {text}")
        for field, index in lay.money.items():
            text = cells[index]
            if not is_blank(text):
                row.money[field] = self.cell(no, index, text)
        dev = at(cells, lay.deviation)
        if not is_blank(dev):
            row.deviation = self.cell(no, lay.deviation, dev)
        pct = at(cells, lay.percent)
        if not is_blank(pct):
            row.percent = self.cell(no, lay.percent, pct)
        return row

    def continue_row(self, prev: MeasureRow, no: int, cells: list[str], aligned: bool) -> None:
        """A row that only continues the previous row's texts."""
        lay = self.layout
        filled = [(i, c) for i, c in enumerate(cells) if c]
        if aligned:
            for i, text in filled:
                if i == lay.task:
                    prev.task = _join(prev.task, text)
                elif i == lay.content:
                    prev.content = _join(prev.content, text)
                else:
                    prev.note = _join(prev.note, text)
            return
        # A page break shifted the cells: give them, in order, to the text fields of the
        # previous row that are visibly unfinished (no closing full stop), content first.
        targets = [f for f in ("content", "note") if _unfinished(getattr(prev, f))]
        chosen = []
        for k, (_, text) in enumerate(filled):
            field = targets[k] if k < len(targets) else "note"
            setattr(prev, field, _join(getattr(prev, field), text))
            chosen.append(field)
        self.note(
            "IMP202",
            "misaligned-row",
            (prev, ""),
            [self.cell(no, i, c) for i, c in filled],
            "continuation of the previous row's " + ", ".join(chosen),
            f"the continuation row has {len(cells)} cells where the header has {lay.ncols}; "
            "its texts continue the previous row's unfinished fields",
        )

    def read_total(self, no: int, cells: list[str], rows: list[MeasureRow]) -> None:
        """A «Всього» row: the last one of the table is the program's total; an earlier
        one (a task's subtotal) is reported and left to the audit of the measures."""
        lay = self.layout
        if self.total_line:
            self.note(
                "IMP206",
                "subtotal-row",
                (None, "total"),
                [self.cell(self.total_line, i, c) for i, c in self.total_cells.items()],
                "a subtotal, not stored: the last «Всього» row is the program's total",
                "the table has more than one total row",
            )
        self.total = {}
        self.total_percent = None
        self.total_line = no
        right = self._right_aligned(cells)
        shifted = right is not None and all(
            i in self._numeric_columns()
            for i, c in enumerate(right)
            if _FIGURE.fullmatch(unsigned(c))
        )
        if right is not None and shifted:
            self.note(
                "IMP202",
                "misaligned-row",
                (None, "total"),
                [self.cell(no, i, c) for i, c in enumerate(cells) if c],
                f"the cells aligned to the right, the first spanning columns 1 to "
                f"{lay.ncols - len(cells) + 1}",
                f"the «Всього» row has {len(cells)} cells where the header has {lay.ncols}",
            )
            cells = right
        values = [(i, _TOTAL.sub("", c, count=1).strip()) for i, c in enumerate(cells)]
        values = [(i, v) for i, v in values if v and not is_blank(v)]
        self.total_cells = dict(values)
        if len(cells) == lay.ncols:
            by_index = dict(values)
            for field, index in lay.money.items():
                if index in by_index:
                    self.total[field] = self.cell(no, index, by_index[index])
            if lay.percent in by_index:
                self.total_percent = self.cell(no, lay.percent, by_index[lay.percent])
            return
        # Misaligned: the figures keep their order, the percentage last.
        values = [(i, v) for i, v in values if v[:1].isdigit()]
        if values and values[-1][1].endswith("%") and lay.percent >= 0:
            self.total_percent = self.cell(no, lay.percent, values[-1][1])
            values = values[:-1]
        fields = sorted(lay.money, key=lambda f: lay.money[f])[-len(values) :] if values else []
        for field, (_, text) in zip(fields, values, strict=False):
            self.total[field] = self.cell(no, lay.money[field], text)
        self.note(
            "IMP202",
            "misaligned-row",
            (None, "total"),
            [self.cell(no, i, c) for i, c in enumerate(cells) if c],
            "the «Всього» figures in order as columns "
            + ", ".join(str(lay.money[f] + 1) for f in fields)
            + (f" and the percentage as column {lay.percent + 1}" if self.total_percent else ""),
            f"the «Всього» row has {len(cells)} cells where the header has {lay.ncols}",
        )
