"""One assembler for every source: rows of cells in, program reports and findings out.

Whatever the importer has to decide — which role a column plays, which unit a column is
really written in, where a misaligned cell belongs, which of two periods counts — it decides
openly: each decision is an :class:`~.model.ImportFinding` naming the cells, the reading
chosen and why. It never guesses silently; where it cannot decide at all, it raises
:class:`~municipal_reports.errors.ParseError`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

import attrs

from municipal_reports.domain import (
    ColumnFormats,
    Financing,
    Measure,
    Money,
    MoneyFormat,
    MoneyUnit,
    Percent,
    Program,
    ProgramReport,
    ReportingPeriod,
    Task,
)
from municipal_reports.errors import MunicipalReportsError, ParseError
from municipal_reports.parse.table.header import Layout, Role, read_layout
from municipal_reports.parse.table.model import Cell, ImportFinding, ImportResult, SourceRow
from municipal_reports.parse.table.rows import Block, MeasureRow, RowReader, split, unsigned
from municipal_reports.parse.table.title import (
    Title,
    caption_unit,
    read_signatory,
    read_title,
    split_bodies,
)
from municipal_reports.parse.table.units import (
    LEADING_NUMBER,
    LEADING_PERCENT,
    UNIT_UK,
    Figure,
    Note,
    cell_unit,
    decide_units,
    decimals,
    leading,
    to_money,
)
from municipal_reports.parse.values import parse_number, parse_percent, parse_year_span

__all__ = ["import_rows"]

MONEY_FIELDS: Final = ("indicative", "annual", "actual")
_DOTTED: Final = re.compile(r"^\d+(?:\.\d+)+$")
# A measure's own number written before its content («1.2. Придбання …»).
_MEASURE_NUMBER: Final = re.compile(r"^(\d+(?:\.\d+)+)\.?\s+(\S.*)$", re.S)


def import_rows(
    rows: Sequence[SourceRow],
    *,
    period: ReportingPeriod | None = None,
    council: str = "",
    findings: Sequence[tuple[int, ImportFinding]] = (),
) -> tuple[ImportResult, ...]:
    """Every table among a source's rows, one :class:`ImportResult` each.

    ``findings`` are a source's own decisions, each with the row it concerns (a reading of
    PDF text); they join the findings of the table holding that row.
    """
    rows = list(rows)
    blocks = split(rows)
    if not blocks:
        sample = "\n".join(r.text for r in rows[:5])
        raise ParseError(
            sample,
            0,
            "holds no table header row (a row naming at least a task or measure column and "
            "a plan or actual column)",
            expected="a table",
        )
    source = "\n".join(r.text for r in rows)
    try:
        return tuple(
            result
            for b in blocks
            for sub in _by_program(b)
            for result in [_import_block(sub, source, period, council, findings)]
        )
    except ParseError:
        raise
    except MunicipalReportsError as exc:
        # A value the table holds that the domain refuses (an empty title, a negative sum).
        reason = str(exc).splitlines()[-1].strip()
        raise ParseError(source[:2000], 0, reason, expected="a program table") from None


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _join(*parts: str) -> str:
    return " ".join(p for p in (x.strip() for x in parts) if p)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def _number(text: str, cell: Cell, lines: dict[int, str]) -> Decimal:
    line = lines.get(cell.line, cell.text)
    try:
        return parse_number(text)
    except ParseError as exc:
        raise ParseError(
            line, max(0, line.find(cell.text)), f"{_place(cell)}: {exc.reason}"
        ) from None


def _place(cell: Cell) -> str:
    where = f"table {cell.table}, row {cell.line}, " if cell.table else ""
    return f"{where}column {cell.column}"


def _percent(text: str, cell: Cell, lines: dict[int, str]) -> Percent:
    line = lines.get(cell.line, cell.text)
    try:
        return parse_percent(text)
    except ParseError as exc:
        raise ParseError(
            line, max(0, line.find(cell.text)), f"{_place(cell)}: {exc.reason}"
        ) from None
    except MunicipalReportsError as exc:
        raise ParseError(line, 0, str(exc)) from None


def _layout(block: Block) -> tuple[Layout, list[tuple[str, str, list[Cell], str, str]]]:
    unit, caption = caption_unit(block.preamble)
    layout = read_layout(block.header, unit)
    notes: list[tuple[str, str, list[Cell], str, str]] = []
    head = block.header[0]
    if not layout.money:
        raise ParseError(
            head.text,
            0,
            f"table {block.table}: is not an execution table's header row: it names no plan "
            "or actual column",
            expected="a table header",
        )

    def cell(column: int) -> Cell:
        return Cell(head.number, column + 1, layout.columns[column].label, block.table)

    if caption is not None and unit is not None:
        uses = [f for f, i in layout.money.items() if layout.columns[i].unit is unit]
        if uses:
            notes.append(
                (
                    "IMP302",
                    "unit-from-caption",
                    [Cell(caption.number, 0, caption.text, block.table)],
                    f"the money columns without a unit of their own in {UNIT_UK[unit]}",
                    f"the caption above the table says {caption.text.strip()!r}",
                )
            )
    kept_of = {
        Role.INDICATIVE: layout.money.get("indicative", -1),
        Role.PLAN: layout.money.get("annual", -1),
        Role.ACTUAL: layout.money.get("actual", -1),
        Role.PERCENT: layout.percent,
    }
    for col in layout.unkept:
        kept = kept_of.get(col.role, -1)
        # A second plan of the same fund (the year's beside the period's) is no other fund.
        other = (
            "another"
            if kept >= 0 and layout.columns[kept].fund is col.fund
            else "another fund group's"
        )
        what = {
            Role.COMPUTED: "a computed percent (the audit computes its own)",
            Role.AUDIT: "the audit's remarks (the audit makes its own)",
            Role.DEVIATION: "a deviation column (plan − actual)"
            + (" checked against the plan and the actual" if col.index == layout.deviation else ""),
            Role.SHARE: "a share column (питома вага)",
        }.get(col.role, f"{other} {col.role.value} column")
        notes.append(
            (
                "IMP402",
                "column-not-kept",
                [cell(col.index)],
                f"{what}, not stored: the report keeps one plan, one actual and one percentage",
                f"column {col.index + 1} ({col.label!r}) has no field in the program report",
            )
        )
    if layout.task < 0 and layout.content < 0:
        notes.append(
            (
                "IMP403",
                "no-name-column",
                [cell(i) for i in sorted(layout.money.values())],
                "each row a measure of the program itself, named by the program's title",
                "the table names no task or measure column: its figures are the program's own",
            )
        )
    for col in layout.extra_notes:
        notes.append(
            (
                "IMP401",
                "column-as-note",
                [cell(col.index)],
                f"its text added to each measure's note as «{col.label}: …»",
                f"column {col.index + 1} ({col.label!r}) is a column the importer does not "
                "know" + ("" if col.role is Role.UNKNOWN else f" a second time ({col.role.value})"),
            )
        )
    return layout, notes


def _figure(
    imp: RowReader, row: MeasureRow, field: str, cell: Cell, lines: dict[int, str]
) -> Figure | None:
    number, rest = leading(cell, LEADING_NUMBER)
    unit = cell_unit(rest) if number and rest else None
    if unit is not None:
        imp.note(
            "IMP106",
            "unit-in-cell",
            (row, f"financing.{field}"),
            [cell],
            f"{number} {UNIT_UK[unit]}",
            "the cell writes its own unit",
        )
        rest = ""
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
            "the cell holds words after its figure" if number else "the cell holds words only",
        )
    if not number:
        return None
    value = _number(number, cell, lines)
    return Figure(cell, value, decimals(value), row, unit)


def _with_parts(
    imp: RowReader, row: MeasureRow, field: str, own: Figure | None, lines: dict[int, str]
) -> Figure | None:
    """A measure's figure from its rows by funding source, where its own cell is empty;
    where both are there, the parts are checked against it and reported."""
    parts = [
        f
        for p in row.parts
        if field in p.money
        for f in [_figure(imp, p, field, p.money[field], lines)]
        if f is not None
    ]
    if not parts:
        return own
    lay = imp.layout
    if own is not None and 0 <= lay.source < len(row.cells) and row.cells[lay.source].strip():
        # A source column: the measure's own row is its first source, not its total.
        parts, own = [own, *parts], None
    total = sum((p.value for p in parts), Decimal(0))
    cells = [p.cell for p in parts]
    if own is None:
        places = max(p.decimals for p in parts)
        value = total.quantize(Decimal(1).scaleb(-places))
        imp.note(
            "IMP204",
            "funding-source-rows",
            (row, f"financing.{field}"),
            cells,
            f"the measure's {field} as the sum of its rows by funding source ({value})",
            "the measure is split by funding source into its rows; none of them is its total",
        )
        return Figure(parts[0].cell, value, places, row, parts[0].unit)
    agree = "they sum to it" if total == own.value else f"they sum to {total}, not {own.value}"
    imp.note(
        "IMP204",
        "funding-source-rows",
        (row, f"financing.{field}"),
        [own.cell, *cells],
        "the measure's own figure; the rows by funding source are not stored",
        f"the measure is split by funding source in the rows under it; {agree}",
    )
    return own


def _check_deviations(
    imp: RowReader, rows: list[MeasureRow], figures: dict[str, list[Figure]], lines: dict[int, str]
) -> None:
    """A row's deviation against its plan − actual, as written (the model keeps no
    deviation, so a wrong one is reported here or nowhere). Revenue tables write it the
    other way, actual − plan («(+/-)», «понад план»): the first row that settles the sign
    sets it for the whole column."""
    plans = {id(f.row): f for f in figures.get("annual", [])}
    actuals = {id(f.row): f for f in figures.get("actual", [])}
    direction = 0
    for row in rows:
        plan, actual, cell = plans.get(id(row)), actuals.get(id(row)), row.deviation
        if plan is None or actual is None or cell is None:
            continue
        text = cell.text.strip()
        number = leading(attrs.evolve(cell, text=unsigned(text)), LEADING_NUMBER)[0]
        if not number:
            continue
        sign = -1 if text[:1] in "-−–" else 1
        written = sign * _number(number, cell, lines)
        places = max(plan.decimals, actual.decimals, decimals(written))
        step = Decimal(1).scaleb(-min(plan.decimals, actual.decimals, decimals(written)))
        tolerance = 3 * step / 2
        if direction == 0 and plan.value != actual.value:
            if abs(written + plan.value - actual.value) <= tolerance:
                direction = -1
            elif abs(written - plan.value + actual.value) <= tolerance:
                direction = 1
        expected = (plan.value - actual.value) * (direction or 1)
        if abs(written - expected) > tolerance:
            imp.note(
                "IMP404",
                "deviation-mismatch",
                (row, "financing"),
                [plan.cell, actual.cell, cell],
                f"the plan and the actual as written; the deviation {written} is not stored",
                f"the deviation column says {written}, but "
                f"{'actual − plan' if direction < 0 else 'plan − actual'} is "
                f"{expected.quantize(Decimal(1).scaleb(-places))}",
            )


def _column_note(imp: RowReader, field: str) -> Note:
    def note(code: str, name: str, cells: list[Cell], reading: str, reason: str) -> None:
        imp.note(code, name, (None, f"column:{field}"), cells, reading, reason)

    return note


def _by_program(block: Block) -> list[Block]:
    """A flat table of several reports (a program column and a report's-executor column in
    every row, as our CSV writes them): one block per run of rows of one program and
    executor, each named by them."""
    layout = read_layout(block.header, caption_unit(block.preamble)[0])
    if layout.program < 0:
        return [block]
    blocks: list[Block] = []
    key: tuple[str, str] | None = None
    for row in block.body:
        cells = row.body_cells()
        at = (
            cells[layout.program] if layout.program < len(cells) else "",
            cells[layout.reporter] if 0 <= layout.reporter < len(cells) else "",
        )
        if row.tabular and at[0] and at != key:
            key = at
            blocks.append(Block(block.preamble, block.header, [], block.signature, block.table, at))
        if blocks:
            blocks[-1].body.append(row)
    return blocks or [block]


@dataclasses.dataclass
class _Money:
    """The money of a table, decided: each measure's amounts, the columns' formats and the
    declared total."""

    amounts: dict[tuple[int, str], Money]
    formats: dict[str, MoneyFormat]
    total: dict[str, Money]
    total_formats: dict[str, MoneyFormat] = dataclasses.field(default_factory=dict)

    def total_columns(self, fields: Sequence[str]) -> ColumnFormats | None:
        """How the «Всього» row was written, where it differs from its columns (a total in
        тис. грн to one decimal over rows in грн to the kopeck); ``None`` where it does not."""
        written = {f: self.total_formats.get(f, self.formats[f]) for f in fields}
        if all(written[f] == self.formats[f] for f in fields):
            return None
        return ColumnFormats(**written)


@dataclasses.dataclass
class _Tasks:
    """The measures grouped into tasks, and where each row landed in the report."""

    tasks: list[tuple[str, str | None, list[Measure]]]
    where: dict[int, str]  # id(row) -> the measure's path
    at_line: dict[int, str]  # source row -> the measure's path


def _import_block(
    block: Block,
    source: str,
    period: ReportingPeriod | None,
    council: str,
    source_findings: Sequence[tuple[int, ImportFinding]],
) -> ImportResult:
    lay, column_notes = _layout(block)
    imp = RowReader(lay, block.table)
    for code, name, cells, reading, reason in column_notes:
        imp.note(code, name, (None, "columns"), cells, reading, reason)
    head = read_title(block.preamble, council)
    if block.named is not None:
        head.named_program, head.executor = block.named
    rows = imp.rows(block.body)
    lines = {r.number: r.text for r in block.body}

    figures, percents = _read_figures(imp, rows, lines)
    _check_deviations(imp, rows, figures, lines)
    money = _decide_money(imp, figures, lines)
    grouped = _group(block, lay, head.program.strip(), rows, money, percents, lines)
    period, findings = _period(block, head, period, source)

    program_title = head.program
    if not program_title.strip():
        raise ParseError(
            source[:200], 0, f"table {block.table}: no program title in the title block"
        )
    tasks = grouped.tasks
    executors = [m.executors[0] for _, _, ms in tasks for m in ms if m.executors]
    executor = head.executor or (_lower_first(executors[0]) if executors else "")
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
        total=Financing(*(money.total.get(f) for f in MONEY_FIELDS)) if money.total else None,
        total_percent=(
            _percent(leading(imp.total_percent, LEADING_PERCENT)[0], imp.total_percent, lines)
            if imp.total_percent is not None
            else None
        ),
        signatory=read_signatory(block.signature),
        columns=ColumnFormats(**{f: money.formats[f] for f in lay.money}),
        total_columns=money.total_columns(list(lay.money)),
    )
    findings.extend(_placed(imp, grouped))
    body_lines = {r.number for r in block.body}
    for line, finding in source_findings:
        if line in body_lines:
            found = attrs.evolve(
                finding,
                path=grouped.at_line.get(line, "$"),
                cells=tuple(attrs.evolve(c, table=block.table) for c in finding.cells),
            )
            findings.append(found)
    return ImportResult(report, tuple(findings), council or head.council)


def _read_figures(
    imp: RowReader, rows: list[MeasureRow], lines: dict[int, str]
) -> tuple[dict[str, list[Figure]], dict[int, Percent]]:
    """The leading figure of each money and percent cell; words after it go to the note,
    openly."""
    figures: dict[str, list[Figure]] = {f: [] for f in imp.layout.money}
    percents: dict[int, Percent] = {}
    for row in rows:
        for field in imp.layout.money:
            cell = row.money.get(field)
            own = _figure(imp, row, field, cell, lines) if cell is not None else None
            fig = _with_parts(imp, row, field, own, lines)
            if fig is not None:
                figures[field].append(fig)
        if row.percent is not None:
            number, rest = leading(row.percent, LEADING_PERCENT)
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
    return figures, percents


def _decide_money(
    imp: RowReader, figures: dict[str, list[Figure]], lines: dict[int, str]
) -> _Money:
    """Each money column's unit decided against its «Всього», and the amounts it gives."""
    lay = imp.layout
    totals: dict[str, Figure] = {}
    for field, cell in imp.total.items():
        number, rest = leading(cell, LEADING_NUMBER)
        if number:
            value = _number(number, cell, lines)
            totals[field] = Figure(cell, value, decimals(value), None, cell_unit(rest))
    out = _Money({}, {}, {})
    for field in lay.money:
        column = lay.money[field] + 1
        chosen, fmt = decide_units(
            lay.units[field], column, figures[field], totals.get(field), _column_note(imp, field)
        )
        declared = lay.units[field] or MoneyUnit.HRYVNIA
        total = totals.get(field)
        if total is not None:
            unit = total.unit or declared
            written = MoneyFormat(unit, min(total.decimals, unit.max_decimals))
            # A column with no figure but its «Всього» is written the way its total is.
            fmt = fmt if figures[field] else written
            out.total_formats[field] = written
        out.formats[field] = fmt
        for fig, unit in zip(figures[field], chosen, strict=True):
            assert isinstance(fig.row, MeasureRow)
            out.amounts[(id(fig.row), field)] = to_money(fig, unit, lines.get(fig.cell.line, ""))
        if field in totals:
            tot = totals[field]
            out.total[field] = to_money(tot, tot.unit or declared, lines.get(imp.total_line, ""))
    return out


def _group(
    block: Block,
    lay: Layout,
    program: str,
    rows: list[MeasureRow],
    money: _Money,
    percents: dict[int, Percent],
    lines: dict[int, str],
) -> _Tasks:
    """The measures, grouped into tasks: a numbered or named row opens a task (a table
    without a name column holds the program's own rows), the rows under it are further
    measures of it, and task cells repeated on each measure's row (a flat table) open
    nothing."""
    nameless = lay.task < 0 and lay.content < 0
    out = _Tasks([(program, None, [])] if nameless and program else [], {}, {})
    tasks = out.tasks
    for row in rows:
        number, measure_number = row.number, None
        if _DOTTED.match(number) and row.content:
            # A measure's number in the number column («1.2»): its task's is «1».
            number, measure_number = number.rsplit(".", 1)[0], number
        if tasks and row.task and row.task == tasks[-1][0] and number == (tasks[-1][1] or ""):
            pass  # the task's cells repeated on each of its measures' rows
        elif number or row.task or (lay.task < 0 and row.content and not nameless):
            # Without a task column, each named row is a task of its own.
            title = row.task or row.content
            if not title:
                raise ParseError(
                    lines.get(row.line, ""),
                    0,
                    f"table {block.table}, row {row.line}: a numbered row without a task",
                )
            tasks.append((title, number or None, []))
        elif not tasks:
            raise ParseError(
                lines.get(row.line, ""),
                0,
                f"table {block.table}, row {row.line}: a measure before any task",
            )
        ti = len(tasks) - 1
        out.where[id(row)] = f"$.tasks[{ti}].measures[{len(tasks[ti][2])}]"
        for r in (row, *row.parts):
            out.at_line[r.line] = out.where[id(row)]
        note = _join(*(_sentence(m) for m in row.moved), row.note)
        try:
            term = parse_year_span(row.term) if row.term else None
        except ParseError:
            term = None
            note = _join(note, row.term)
        content = row.content or tasks[ti][0]
        numbered = _MEASURE_NUMBER.match(content) if row.content and not measure_number else None
        if numbered is not None:
            measure_number, content = numbered.group(1), numbered.group(2)
        tasks[ti][2].append(
            Measure(
                content,
                Financing(*(money.amounts.get((id(row), f)) for f in MONEY_FIELDS)),
                percents.get(id(row)),
                term,
                split_bodies(row.executors),
                note,
                measure_number,
            )
        )
    return out


def _period(
    block: Block, head: Title, period: ReportingPeriod | None, source: str
) -> tuple[ReportingPeriod, list[ImportFinding]]:
    """The period: the title's, or the caller's; any disagreement is a finding."""
    findings: list[ImportFinding] = []
    read = head.periods[0] if head.periods else None
    if period is None:
        if read is None:
            raise ParseError(
                head.title or source[:200],
                0,
                f"table {block.table}: no reporting period in the title block; pass period= "
                "(--period on the command line)",
                expected="a reporting period",
            )
        period = read[1]
        as_of = head.as_of.get(0)
        if as_of is not None:
            findings.append(
                ImportFinding(
                    "IMP303",
                    "period-from-as-of",
                    "$.period",
                    (Cell(read[0].number, 0, read[0].text, block.table),),
                    f"{period.name_uk} (from 1 January to the date, as the title writes it)",
                    f"the title gives the figures «{as_of[0]}», a date, not a period",
                )
            )
        for other_row, other in head.periods[1:]:
            if other != period:
                findings.append(
                    ImportFinding(
                        "IMP301",
                        "period-conflict",
                        "$.period",
                        (
                            Cell(read[0].number, 0, read[0].text, block.table),
                            Cell(other_row.number, 0, other_row.text, block.table),
                        ),
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
                (Cell(read[0].number, 0, read[0].text, block.table),),
                f"{period.name_uk} (given by the caller)",
                f"the title names {read[1].name_uk}",
            )
        )
    return period, findings


def _placed(imp: RowReader, grouped: _Tasks) -> list[ImportFinding]:
    """The reader's findings with their paths, now that rows have their places."""
    out = []
    for finding, owner, suffix in imp.findings:
        if suffix.startswith("column:"):
            path = f"$.columns.{suffix[7:]}"
        elif suffix == "total":
            path = "$.total"
        elif suffix == "columns":
            path = "$"
        elif owner is not None:
            base = grouped.where.get(id(owner), "$")
            path = f"{base}.{suffix}" if suffix else base
        else:
            path = "$"
        out.append(attrs.evolve(finding, path=path))
    return out
