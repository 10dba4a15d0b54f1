"""Import the official program-report table from tab-separated text.

The text is what a person gets by copying a report out of Word or PDF: a header block
(title with the period, approving decisions, responsible executors, term), the table's
header row and its row of column numbers, numbered measure rows, unnumbered rows that are
further measures of the task above, rows that only continue the previous row's text across
a page break («Додаток» lines, a lone note cell), the «Всього» row, and the signature block.

Whatever the importer has to decide — which unit a column is really written in, where a
misaligned cell belongs, which of two periods counts — it decides openly: each decision is
an :class:`ImportFinding` naming the cells, the reading chosen and why. It never guesses
silently; where it cannot decide at all, it raises :class:`~municipal_reports.errors.ParseError`.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Final

import attrs

from municipal_reports.domain import (
    Band,
    ColumnFormats,
    Decision,
    Financing,
    Measure,
    Money,
    MoneyFormat,
    MoneyUnit,
    Percent,
    Program,
    ProgramReport,
    ReportingPeriod,
    Signatory,
    Task,
    YearSpan,
)
from municipal_reports.errors import MunicipalReportsError, ParseError
from municipal_reports.parse.values import (
    find_decisions,
    is_person,
    is_placeholder,
    parse_number,
    parse_percent,
    parse_period,
    parse_person,
    parse_year_span,
)

__all__ = ["Cell", "ImportFinding", "ImportResult", "import_table", "import_tables"]

MONEY_FIELDS: Final = ("indicative", "annual", "actual")
_FIELD_NAMES_UK: Final = {
    "indicative": "орієнтовний обсяг (кол. 6)",
    "annual": "річний обсяг (кол. 7)",
    "actual": "фактично профінансовано (кол. 8)",
}
_SPACES: Final = " \u00a0\u202f\u2009"
_LEADING_NUMBER: Final = re.compile(rf"\d[\d{_SPACES}]*(?:[,.][{_SPACES}]?\d+)?")
_LEADING_PERCENT: Final = re.compile(rf"\d[\d{_SPACES}]*(?:[,.]\d+)?[{_SPACES}]?%?")
_TOTAL_PREFIX: Final = re.compile(r"(?:всього|разом|усього)\s*:?\s*", re.I)
_GUILLEMETS: Final = re.compile(r"«([^«»]{1,500})»")
_SPAN_IN_TEXT: Final = re.compile(r"\d{4}\s?[-–—]\s?\d{4}")
_ZA: Final = re.compile(r"(?:^|\s)за\s", re.I)
_PAGE_BREAK: Final = re.compile(r"(?:додаток|продовження\s+додатка)(?:\s*\d+)?\.?", re.I)


@attrs.frozen
class Cell:
    """A cell of the imported text: its line (1-based), its official column number
    (1-based; 0 for a line outside the table) and its text as written."""

    line: int
    column: int
    text: str

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.text!r}"


@attrs.frozen
class ImportFinding:
    """A decision the importer made openly: which cells, what reading it chose, and why.

    Codes are stable: ``IMP1xx`` units of money columns, ``IMP2xx`` the shape of rows,
    ``IMP3xx`` the header block. ``path`` is where the decision landed in the report.
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
    """An imported report and every decision made while importing it."""

    report: ProgramReport
    findings: tuple[ImportFinding, ...] = ()


# -- splitting a document into tables --------------------------------------------------------

Line = tuple[int, str]


@dataclasses.dataclass
class _Block:
    preamble: list[Line]
    header: Line
    body: list[Line]
    signature: list[Line]


def _is_header(text: str) -> bool:
    return "\t" in text and "з/п" in text.split("\t", 1)[0]


def _is_column_numbers(text: str) -> bool:
    cells = [c.strip() for c in text.split("\t")]
    return len(cells) > 3 and all(c == str(i + 1) for i, c in enumerate(cells))


def _ends_body(text: str) -> bool:
    body = text.strip()
    return bool(body) and "\t" not in text and _PAGE_BREAK.fullmatch(body) is None


def _split(text: str) -> list[_Block]:
    lines = list(enumerate(text.splitlines(), start=1))
    blocks: list[_Block] = []
    i = 0
    preamble: list[Line] = []
    while i < len(lines):
        if not _is_header(lines[i][1]):
            preamble.append(lines[i])
            i += 1
            continue
        header = lines[i]
        i += 1
        body: list[Line] = []
        while i < len(lines) and not _ends_body(lines[i][1]) and not _is_header(lines[i][1]):
            if not _is_column_numbers(lines[i][1]):
                body.append(lines[i])
            i += 1
        signature: list[Line] = []
        j = i
        while j < len(lines) and not _is_header(lines[j][1]) and j - i < 12:
            signature.append(lines[j])
            if is_person(lines[j][1]):
                break
            j += 1
        if signature and is_person(signature[-1][1]):
            i = j + 1
        else:
            signature = []
        blocks.append(_Block(preamble, header, body, signature))
        preamble = []
    return blocks


def import_tables(
    text: str, *, period: ReportingPeriod | None = None, council: str = ""
) -> tuple[ImportResult, ...]:
    """Every table of a document that holds several (each with its header block and
    signature), one :class:`ImportResult` each. See :func:`import_table` for the options."""
    if not isinstance(text, str):
        raise ParseError(repr(text), 0, "must be str", expected="a table")
    blocks = _split(text)
    if not blocks:
        raise ParseError(text, 0, "holds no table header row («№ з/п<TAB>…»)", expected="a table")
    try:
        return tuple(_import_block(b, text, period, council) for b in blocks)
    except ParseError:
        raise
    except MunicipalReportsError as exc:
        # A value the table holds that the domain refuses (an empty title, a negative sum).
        reason = str(exc).splitlines()[-1].strip()
        raise ParseError(text, 0, reason, expected="a program table") from None


def import_table(
    text: str, *, period: ReportingPeriod | None = None, council: str = ""
) -> ImportResult:
    """The one program-report table in ``text`` (tab-separated, as pasted from Word/PDF).

    ``period`` overrides the period read from the title (a finding says so when they
    differ); without it the title must name one. ``council`` becomes the ``body`` of the
    approving decisions («рішення міської ради» does not name the council). A text holding
    several tables is refused: use :func:`import_tables`.
    """
    results = import_tables(text, period=period, council=council)
    if len(results) != 1:
        raise ParseError(
            text, 0, f"holds {len(results)} tables; use import_tables", expected="one table"
        )
    return results[0]


# -- the header block ------------------------------------------------------------------------


def _clean(text: str) -> str:
    return " ".join(text.replace("**", "").split()).strip(" _")


def _after_label(text: str, label: str) -> str:
    rest = text[len(label) :] if text.lower().startswith(label.lower()) else text
    return rest.lstrip(" :").strip()


@dataclasses.dataclass
class _Header:
    title: str = ""
    periods: list[tuple[Line, ReportingPeriod]] = dataclasses.field(default_factory=list)
    decisions: list[Decision] = dataclasses.field(default_factory=list)
    responsible: tuple[str, ...] = ()
    term: YearSpan | None = None


def _periods_in(line: Line) -> list[tuple[Line, ReportingPeriod]]:
    found = []
    for m in _ZA.finditer(line[1]):
        words = line[1][m.end() :].split()[:6]
        for k in range(len(words), 0, -1):
            phrase = " ".join(words[:k]).rstrip(".,;")
            try:
                found.append((line, parse_period(phrase)))
                break
            except ParseError:
                continue
    return found


def _read_header(preamble: list[Line], council: str) -> _Header:
    head = _Header()
    title_lines: list[str] = []
    section = "title"
    decision_text: list[str] = []
    for no, raw in preamble:
        text = _clean(raw)
        if not text:
            continue
        low = text.lower()
        if low.startswith("дата і номер"):
            section = "decisions"
        elif low.startswith("відповідальний виконавець"):
            section = "responsible"
            rest = _after_label(text, "Відповідальний виконавець Програми")
            parts = re.split(r"[,;]\s*", rest.rstrip("."))
            head.responsible = tuple(p.strip() for p in parts if p.strip())
            continue
        elif low.startswith("термін реалізації"):
            section = "term"
            span = _SPAN_IN_TEXT.search(text)
            if span is not None:
                head.term = parse_year_span(span.group())
            continue
        elif re.match(r"\d+\.\s", text):
            section = "other"
        if section == "title":
            title_lines.append(text)
        elif section == "decisions":
            decision_text.append(text)
        head.periods.extend(_periods_in((no, text)) if section == "title" else [])
    joined = " ".join(decision_text)
    if ":" in joined:
        joined = joined.split(":", 1)[1]
    head.decisions = find_decisions(joined, body=council)
    head.title = " ".join(title_lines)
    return head


# -- table rows ------------------------------------------------------------------------------


@dataclasses.dataclass
class _Row:
    line: int
    cells: list[str]
    number: str = ""
    task: str = ""
    content: str = ""
    term: str = ""
    executors: str = ""
    money: dict[str, Cell] = dataclasses.field(default_factory=dict)
    percent: Cell | None = None
    note: str = ""
    moved: list[str] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class _Layout:
    ncols: int
    money: dict[str, int]  # field -> 0-based column index
    units: dict[str, MoneyUnit | None]
    percent: int
    note: int


def _layout(header: Line) -> _Layout:
    cells = [c.strip().lower() for c in header[1].split("\t")]
    money: dict[str, int] = {}
    units: dict[str, MoneyUnit | None] = {}
    percent = note = -1
    for i, cell in enumerate(cells):
        field = None
        if cell.startswith("орієнтовний"):
            field = "indicative"
        elif cell.startswith("річний"):
            field = "annual"
        elif cell.startswith("фактично"):
            field = "actual"
        elif cell.startswith("відсоток"):
            percent = i
        elif cell.startswith("інформація"):
            note = i
        if field is not None:
            money[field] = i
            units[field] = (
                MoneyUnit.THOUSAND
                if "тис" in cell
                else MoneyUnit.HRYVNIA
                if "грн" in cell
                else None
            )
    if not money or percent < 0 or note < 0 or len(cells) < 8:
        raise ParseError(
            header[1], 0, "is not the official table's header row", expected="a table header"
        )
    return _Layout(len(cells), money, units, percent, note)


def _join(*parts: str) -> str:
    return " ".join(p for p in (x.strip() for x in parts) if p)


def _strip_html(text: str) -> str:
    return " ".join(re.sub(r"</?p>", " ", text).split())


def _unfinished(text: str) -> bool:
    """Whether a cell's text visibly goes on: it does not end a sentence («прапори, таблички та»)."""
    body = text.rstrip()
    return bool(body) and body[-1] not in '.!?»"'


class _Importer:
    def __init__(self, block: _Block, source: str) -> None:
        self.block = block
        self.source = source
        self.layout = _layout(block.header)
        self.findings: list[tuple[ImportFinding, _Row | None, str]] = []
        self.total: dict[str, Cell] = {}
        self.total_percent: Cell | None = None
        self.total_line = 0

    def note(
        self,
        code: str,
        name: str,
        where: tuple[_Row | None, str],
        cells: Iterable[Cell],
        reading: str,
        reason: str,
    ) -> None:
        # The path is filled in once rows are grouped into tasks and measures.
        finding = ImportFinding(code, name, "", tuple(cells), reading, reason)
        self.findings.append((finding, where[0], where[1]))

    def rows(self) -> list[_Row]:
        rows: list[_Row] = []
        lay = self.layout
        for no, raw in self.block.body:
            if not raw.strip():
                continue
            if "\t" not in raw:
                continue  # a page-break line («Додаток»): the body ends at any other prose
            cells = [_strip_html(c) for c in raw.split("\t")]
            if any(_TOTAL_PREFIX.match(c) for c in cells if c):
                self.read_total(no, cells)
                continue
            aligned = len(cells) == lay.ncols
            padded = (cells + [""] * lay.ncols)[: lay.ncols]
            if len(cells) > lay.ncols:
                padded[lay.note] = _join(*cells[lay.note :])
            figure_cells = [padded[i] for i in (*lay.money.values(), lay.percent)]
            has_figures = any(c[:1].isdigit() for c in figure_cells)
            if not padded[0] and not has_figures and not padded[3] and not padded[4] and rows:
                self.continue_row(rows[-1], no, cells, aligned)
                continue
            if not aligned:
                self.note(
                    "IMP202",
                    "misaligned-row",
                    (None, ""),
                    [Cell(no, i + 1, c) for i, c in enumerate(cells) if c],
                    f"cells taken by position, the row padded to {lay.ncols} columns",
                    f"the row has {len(cells)} cells where the header has {lay.ncols}",
                )
            rows.append(self.read_row(no, padded))
        return rows

    def read_row(self, no: int, cells: list[str]) -> _Row:
        lay = self.layout
        row = _Row(no, cells, cells[0], cells[1], cells[2], cells[3], cells[4])
        row.note = cells[lay.note]
        for field, index in lay.money.items():
            text = cells[index]
            if not is_placeholder(text):
                row.money[field] = Cell(no, index + 1, text)
        pct = cells[lay.percent]
        if not is_placeholder(pct):
            row.percent = Cell(no, lay.percent + 1, pct)
        return row

    def continue_row(self, prev: _Row, no: int, cells: list[str], aligned: bool) -> None:
        lay = self.layout
        filled = [(i, c) for i, c in enumerate(cells) if c]
        if aligned:
            for i, text in filled:
                if i == 1:
                    prev.task = _join(prev.task, text)
                elif i == 2:
                    prev.content = _join(prev.content, text)
                elif i == lay.note:
                    prev.note = _join(prev.note, text)
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
            [Cell(no, i + 1, c) for i, c in filled],
            "continuation of the previous row's " + ", ".join(chosen),
            f"the continuation row has {len(cells)} cells where the header has {lay.ncols}; "
            "its texts continue the previous row's unfinished fields",
        )

    def read_total(self, no: int, cells: list[str]) -> None:
        lay = self.layout
        self.total_line = no
        values = [(i, _TOTAL_PREFIX.sub("", c, count=1).strip()) for i, c in enumerate(cells)]
        values = [(i, v) for i, v in values if v]
        if len(cells) == lay.ncols:
            by_index = dict(values)
            for field, index in lay.money.items():
                if index in by_index:
                    self.total[field] = Cell(no, index + 1, by_index[index])
            if lay.percent in by_index:
                self.total_percent = Cell(no, lay.percent + 1, by_index[lay.percent])
            return
        # Misaligned: the figures keep their order, the percentage last.
        if values and values[-1][1].endswith("%"):
            self.total_percent = Cell(no, lay.percent + 1, values[-1][1])
            values = values[:-1]
        fields = sorted(lay.money, key=lambda f: lay.money[f])[-len(values) :] if values else []
        for field, (_, text) in zip(fields, values, strict=False):
            self.total[field] = Cell(no, lay.money[field] + 1, text)
        self.note(
            "IMP202",
            "misaligned-row",
            (None, "total"),
            [Cell(no, i + 1, c) for i, c in enumerate(cells) if c],
            "the «Всього» figures in order as columns "
            + ", ".join(str(lay.money[f] + 1) for f in fields)
            + (f" and the percentage as column {lay.percent + 1}" if self.total_percent else ""),
            f"the «Всього» row has {len(cells)} cells where the header has {lay.ncols}",
        )


# -- numbers in cells and the units of money columns -----------------------------------------


@dataclasses.dataclass
class _Figure:
    cell: Cell
    value: Decimal
    decimals: int
    row: _Row | None


def _leading(cell: Cell, pattern: re.Pattern[str]) -> tuple[str, str]:
    text = cell.text.strip()
    m = pattern.match(text)
    if m is None:
        return "", text
    return m.group().strip(), text[m.end() :].strip(" .;,")


def _decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


def _money(figure: _Figure, unit: MoneyUnit, line_text: str) -> Money:
    kopecks = figure.value * unit.kopecks
    if kopecks != kopecks.to_integral_value():
        raise ParseError(
            line_text,
            max(0, line_text.find(figure.cell.text)),
            f"{figure.cell.text!r} in {unit.value} has a fraction of a kopeck",
            expected="an amount",
        )
    try:
        return Money.from_kopecks(int(kopecks))
    except MunicipalReportsError as exc:
        raise ParseError(line_text, 0, str(exc), expected="an amount") from None


def _fmt_money(kopecks: int) -> str:
    """An amount for a finding's message, written as the documents write it."""
    from municipal_reports.i18n.formatting import format_money  # babel only when a finding is made

    return format_money(Money.from_kopecks(kopecks), "uk")


@dataclasses.dataclass
class _ColumnReading:
    units: dict[int, MoneyUnit]  # id(figure) -> unit
    fmt: MoneyFormat


_POW10: Final = (1, 10, 100, 1000, 10_000, 100_000)


def _step(figure: _Figure, unit: MoneyUnit) -> int:
    """The kopecks a figure was rounded to, as written in ``unit``."""
    return unit.kopecks // _POW10[min(figure.decimals, 5)]


def _band(
    figures: Sequence[_Figure], units: Sequence[MoneyUnit], total: _Figure, declared: MoneyUnit
) -> Band:
    """The domain's rounding band of the figures against their «Всього»: each figure's
    half-step as it was written, the total's included."""
    steps = [_step(f, u) for f, u in zip(figures, units, strict=True)]
    return Band.of_total(steps, _step(total, declared))


def _column_format(figures: Sequence[_Figure], units: Sequence[MoneyUnit]) -> MoneyFormat:
    nonzero = [(f, u) for f, u in zip(figures, units, strict=True) if f.value != 0]
    pool = nonzero or list(zip(figures, units, strict=True))
    if not pool:
        return MoneyFormat()
    unit = Counter(u for _, u in pool).most_common(1)[0][0]
    counts = Counter(f.decimals for f, u in pool if u is unit)
    best = max(counts.values())
    decimals = max(d for d, c in counts.items() if c == best)
    return MoneyFormat(unit, min(decimals, 2 if unit is MoneyUnit.HRYVNIA else 5))


_OTHER: Final = {MoneyUnit.HRYVNIA: MoneyUnit.THOUSAND, MoneyUnit.THOUSAND: MoneyUnit.HRYVNIA}
_UNIT_UK: Final = {MoneyUnit.HRYVNIA: "грн", MoneyUnit.THOUSAND: "тис. грн"}
# A figure of a thousand or more written to the kopeck, beside figures under a thousand,
# is the tell-tale of hryvnias in a column of thousands (DOMAIN.md, seed 2, column 8).
_LARGE: Final = Decimal(1000)


class _Units:
    """Decides the unit of each money column, openly."""

    def __init__(self, importer: _Importer) -> None:
        self.imp = importer

    def decide(
        self, field: str, figures: list[_Figure], total: _Figure | None
    ) -> tuple[list[MoneyUnit], MoneyFormat]:
        header = self.imp.layout.units[field]
        declared = header or MoneyUnit.HRYVNIA
        column = self.imp.layout.money[field] + 1
        where = (None, f"column:{field}")
        nonzero = [f for f in figures if f.value != 0]
        small = [f for f in nonzero if f.value < _LARGE]
        large = [f for f in nonzero if f.value >= _LARGE]
        readings: list[tuple[str, list[MoneyUnit]]] = [
            ("header", [declared] * len(figures)),
            ("other", [_OTHER[declared]] * len(figures)),
        ]
        if small and large:
            readings.append(
                (
                    "mixed",
                    [
                        MoneyUnit.HRYVNIA if f.value >= _LARGE else MoneyUnit.THOUSAND
                        for f in figures
                    ],
                )
            )
        if header is None:
            self.imp.note(
                "IMP104",
                "unit-undecided",
                where,
                [],
                f"column {column} in грн",
                f"the header of column {column} names no unit",
            )
        if total is None:
            if small and large:
                self.imp.note(
                    "IMP105",
                    "unit-implausible",
                    where,
                    [f.cell for f in large] + [f.cell for f in small],
                    f"every figure in {_UNIT_UK[declared]}, as the header says",
                    f"column {column} holds figures under a thousand beside figures of a "
                    "thousand and more, and no «Всього» row decides between the units",
                )
            return readings[0][1], _column_format(figures, readings[0][1])
        target = total.value * declared.kopecks
        for name, units in readings:
            kop = sum(
                (f.value * u.kopecks for f, u in zip(figures, units, strict=True)), Decimal(0)
            )
            if not _band(figures, units, total, declared).allows(kop - target):
                continue
            fmt = _column_format(figures, units)
            self.explain(name, field, column, figures, units, total, kop, declared)
            return units, fmt
        self.imp.note(
            "IMP104",
            "unit-undecided",
            where,
            [f.cell for f in nonzero] + [total.cell],
            f"every figure in {_UNIT_UK[declared]}, as the header says",
            f"no reading of column {column} sums to its «Всього» {total.cell.text}; "
            "the audit reports the difference",
        )
        return readings[0][1], _column_format(figures, readings[0][1])

    def explain(
        self,
        name: str,
        field: str,
        column: int,
        figures: list[_Figure],
        units: list[MoneyUnit],
        total: _Figure,
        kop: Decimal,
        declared: MoneyUnit,
    ) -> None:
        where = (None, f"column:{field}")
        total_text = _fmt_money(int(total.value * declared.kopecks))
        if name == "other":
            other = _OTHER[declared]
            as_header = sum(f.value * declared.kopecks for f in figures)
            self.imp.note(
                "IMP101",
                "unit-from-total",
                where,
                [f.cell for f in figures] + [total.cell],
                f"every figure of column {column} in {_UNIT_UK[other]}",
                f"the header says {_UNIT_UK[declared]}, but the «Всього» {total_text} equals "
                f"the sum of the figures read in {_UNIT_UK[other]} ({_fmt_money(int(kop))}); "
                f"read in {_UNIT_UK[declared]} they sum to {_fmt_money(int(as_header))}",
            )
            return
        if name == "mixed":
            large = [f for f, u in zip(figures, units, strict=True) if u is MoneyUnit.HRYVNIA]
            small = [f for f, u in zip(figures, units, strict=True) if u is MoneyUnit.THOUSAND]
            self.imp.note(
                "IMP102",
                "mixed-units",
                where,
                [f.cell for f in large + small] + [total.cell],
                f"figures of a thousand and more in грн, the others in тис. грн (column {column})",
                f"only this reading sums to the «Всього» {total_text}",
            )
            return
        # The header's unit holds; say so where the column looks mixed all the same.
        main = _column_format(figures, units)
        odd = [f for f in figures if f.value == 0 and f.decimals != main.decimals]
        if odd and any(f.value != 0 for f in figures):
            self.imp.note(
                "IMP103",
                "zeros-in-other-format",
                where,
                [f.cell for f in odd] + [total.cell],
                f"the zeros as 0,00 грн and the other figures in {_UNIT_UK[declared]}",
                f"column {column} writes some zeros with {odd[0].decimals} decimal(s) like "
                f"a column of {_UNIT_UK[_OTHER[declared]]}; a zero is zero in any unit, and "
                f"the «Всього» {total_text} confirms {_UNIT_UK[declared]} for the others",
            )


# -- assembling the report -------------------------------------------------------------------


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _import_block(
    block: _Block, source: str, period: ReportingPeriod | None, council: str
) -> ImportResult:
    imp = _Importer(block, source)
    head = _read_header(block.preamble, council)
    rows = imp.rows()
    lines = dict(block.body)
    lay = imp.layout

    # Numbers: the leading figure of each cell; text after it goes to the note, openly.
    figures: dict[str, list[_Figure]] = {f: [] for f in lay.money}
    percents: dict[int, Percent] = {}
    for row in rows:
        for field, cell in row.money.items():
            number, rest = _leading(cell, _LEADING_NUMBER)
            if number:
                figures[field].append(_Figure(cell, _number(number, cell, lines), 0, row))
            if rest:
                row.moved.append(cell.text.strip())
                imp.note(
                    "IMP201",
                    "text-in-number-cell",
                    (row, f"financing.{field}"),
                    [cell],
                    f"{number} as the figure; the whole cell text added to the note"
                    if number
                    else "no figure; the cell text added to the note",
                    "the cell holds words after its figure"
                    if number
                    else "the cell holds words only",
                )
        if row.percent is not None:
            number, rest = _leading(row.percent, _LEADING_PERCENT)
            if number:
                percents[id(row)] = _percent(number, row.percent, lines)
            if rest:
                row.moved.append(rest)
                imp.note(
                    "IMP201",
                    "text-in-number-cell",
                    (row, "declared_percent"),
                    [row.percent],
                    f"{number or 'no percentage'}; {rest!r} added to the note",
                    "the percentage cell holds words",
                )
    for figs in figures.values():
        for f in figs:
            f.decimals = _decimals(f.value)

    totals = {
        field: _Figure(cell, _number(_leading(cell, _LEADING_NUMBER)[0], cell, lines), 0, None)
        for field, cell in imp.total.items()
    }
    units = _Units(imp)
    money: dict[tuple[int, str], Money] = {}
    formats: dict[str, MoneyFormat] = {}
    total_money: dict[str, Money] = {}
    for field in lay.money:
        chosen, fmt = units.decide(field, figures[field], totals.get(field))
        formats[field] = fmt
        declared = lay.units[field] or MoneyUnit.HRYVNIA
        for fig, unit in zip(figures[field], chosen, strict=True):
            assert fig.row is not None
            money[(id(fig.row), field)] = _money(fig, unit, lines.get(fig.cell.line, ""))
        if field in totals:
            total_money[field] = _money(totals[field], declared, lines.get(imp.total_line, ""))

    # Tasks and measures.
    tasks: list[tuple[str, str | None, list[Measure]]] = []
    where: dict[int, str] = {}
    for row in rows:
        if row.number or row.task:
            title = row.task or row.content
            if not title:
                raise ParseError(lines.get(row.line, ""), 0, "a numbered row without a task")
            tasks.append((title, row.number or None, []))
        elif not tasks:
            raise ParseError(lines.get(row.line, ""), 0, "a measure before any task")
        ti = len(tasks) - 1
        mi = len(tasks[ti][2])
        where[id(row)] = f"$.tasks[{ti}].measures[{mi}]"
        note = _join(*(_sentence(m) for m in row.moved), row.note)
        try:
            term = parse_year_span(row.term) if row.term else None
        except ParseError:
            term = None
            note = _join(note, row.term)
        tasks[ti][2].append(
            Measure(
                row.content or tasks[ti][0],
                Financing(
                    *(money.get((id(row), f)) for f in MONEY_FIELDS),
                ),
                percents.get(id(row)),
                term,
                (row.executors,) if row.executors else (),
                note,
            )
        )

    # The period: the title's, or the caller's; any disagreement is a finding.
    findings: list[ImportFinding] = []
    read = head.periods[0] if head.periods else None
    if period is None:
        if read is None:
            raise ParseError(
                head.title or source[:200],
                0,
                "no reporting period in the header block; pass period=",
                expected="a reporting period",
            )
        period = read[1]
        for (no, text), other in head.periods[1:]:
            if other != period:
                findings.append(
                    ImportFinding(
                        "IMP301",
                        "period-conflict",
                        "$.period",
                        (Cell(read[0][0], 0, read[0][1]), Cell(no, 0, text)),
                        f"{period.name_uk} (from the title)",
                        f"the header block also names {other.name_uk}; the title's period "
                        "comes first and governs the figures",
                    )
                )
    elif read is not None and read[1] != period:
        findings.append(
            ImportFinding(
                "IMP301",
                "period-conflict",
                "$.period",
                (Cell(read[0][0], 0, read[0][1]),),
                f"{period.name_uk} (given by the caller)",
                f"the title names {read[1].name_uk}",
            )
        )

    title_match = _GUILLEMETS.search(head.title)
    program_title = title_match.group(1) if title_match else head.title
    if not program_title.strip():
        raise ParseError(source[:200], 0, "no program title in the header block")
    executors = [m.executors[0] for _, _, ms in tasks for m in ms if m.executors]
    executor = _lower_first(executors[0]) if executors else ""
    if not executor and len(head.responsible) == 1:
        executor = head.responsible[0]

    report = ProgramReport(
        program=Program(
            program_title,
            approved_by=head.decisions[0] if head.decisions else None,
            amendments=tuple(head.decisions[1:]),
            responsible_executors=head.responsible,
            term=head.term,
        ),
        period=period,
        tasks=tuple(Task(title, tuple(ms), number) for title, number, ms in tasks),
        executor=executor,
        total=Financing(*(total_money.get(f) for f in MONEY_FIELDS)) if total_money else None,
        total_percent=(
            _percent(_leading(imp.total_percent, _LEADING_PERCENT)[0], imp.total_percent, lines)
            if imp.total_percent is not None
            else None
        ),
        signatory=_signatory(block.signature),
        columns=ColumnFormats(**{f: formats[f] for f in lay.money}),
    )
    for finding, owner, suffix in imp.findings:
        if suffix.startswith("column:"):
            path = f"$.columns.{suffix[7:]}"
        elif suffix == "total":
            path = "$.total"
        elif owner is not None:
            base = where.get(id(owner), "$")
            path = f"{base}.{suffix}" if suffix else base
        else:
            path = "$"
        findings.append(attrs.evolve(finding, path=path))
    return ImportResult(report, tuple(findings))


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def _number(text: str, cell: Cell, lines: dict[int, str]) -> Decimal:
    line = lines.get(cell.line, cell.text)
    try:
        return parse_number(text)
    except ParseError as exc:
        raise ParseError(
            line, max(0, line.find(cell.text)), f"column {cell.column}: {exc.reason}"
        ) from None


def _percent(text: str, cell: Cell, lines: dict[int, str]) -> Percent:
    line = lines.get(cell.line, cell.text)
    try:
        return parse_percent(text)
    except ParseError as exc:
        raise ParseError(
            line, max(0, line.find(cell.text)), f"column {cell.column}: {exc.reason}"
        ) from None
    except MunicipalReportsError as exc:
        raise ParseError(line, 0, str(exc)) from None


def _signatory(lines: list[Line]) -> Signatory | None:
    texts = [_clean(t) for _, t in lines if t.strip()]
    if len(texts) < 2:
        return None
    return Signatory(" ".join(texts[:-1]), parse_person(texts[-1]))
