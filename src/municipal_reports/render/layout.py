"""How a person lays a report out, independent of the output format.

:func:`layout` turns an entity, a whole :class:`~municipal_reports.Report` or an audit result
(a list of findings) into a :class:`Page`: headings, paragraphs, labelled fields, tables,
lists and signature blocks, every text already formatted for the locale. The formats (text,
markdown, html, docx) only draw a page, so they agree on what is shown and where.

Each cell that shows a value of the entity remembers the value's path
(``$.tasks[0].measures[1].financing.actual``), so findings can mark the cells they concern.
"""

from __future__ import annotations

import enum
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeAlias, overload

import attrs

from municipal_reports.audit import Finding, in_document_order, locate
from municipal_reports.domain import (
    AwardBatch,
    Breakdown,
    CouncilActivity,
    Decision,
    DeputyFundAllocation,
    Figure,
    Financing,
    ListedItems,
    Measure,
    Money,
    MoneyBreakdown,
    MoneyFigure,
    MoneyFormat,
    ParticipatoryBudget,
    Percent,
    Program,
    ProgramReport,
    Quantity,
    Report,
    ReportingPeriod,
    Section,
    Session,
    SessionKind,
    Shares,
    Signatory,
    Task,
    YearSpan,
)
from municipal_reports.errors import InvalidTypeError, Problem
from municipal_reports.i18n import formatting as i18n
from municipal_reports.i18n.labels import label
from municipal_reports.paths import join

__all__ = [
    "Block",
    "Cell",
    "Field",
    "Fields",
    "FindingLine",
    "Findings",
    "Heading",
    "ItemList",
    "Note",
    "Page",
    "Paragraph",
    "PathIndex",
    "Row",
    "RowKind",
    "Rows",
    "Signature",
    "Table",
    "layout",
]


@attrs.frozen
class Cell:
    """One cell: its text, the path of the value it shows, and how it spans.

    ``covered`` marks a grid position taken by a cell above that spans rows; formats that
    cannot span (text, markdown) draw it empty. ``bar`` is an execution percentage to draw
    as a bar, ``marked`` the codes of the findings that concern the cell.
    """

    text: str = ""
    path: str | None = None
    colspan: int = 1
    rowspan: int = 1
    numeric: bool = False
    covered: bool = False
    bar: Percent | None = None
    marked: tuple[str, ...] = ()
    #: What the cell holds in its table ("task" for the priority-task cell of the form), so
    #: that formats style a cell by its role, never by its position in a row.
    role: str = ""
    #: The findings that concern the cell, each with its anchor in the list of findings.
    notes: tuple[Note, ...] = ()


@attrs.frozen
class Note:
    """A finding as a marked cell shows it: its code, its message, and its anchor in the
    list of findings (``finding-3``), so a format can link the cell to the finding."""

    code: str
    message: str
    anchor: str


class RowKind(enum.Enum):
    """What a table row is: a body row, the column-number row, or a total row."""

    BODY = "body"
    NUMBERS = "numbers"
    TOTAL = "total"


@attrs.frozen
class Row:
    """One row of a table."""

    cells: tuple[Cell, ...]
    kind: RowKind = RowKind.BODY


class Rows(Sequence[Row]):
    """A table's rows made each time they are iterated, never all held at once: the form
    of a report with a million measures would otherwise be millions of cells in memory
    before a format drew the first (the HTML page is written out as it is made).

    It is a sequence like a tuple of the same rows, and equal to one; indexing makes the
    rows up to the index, as formats only iterate.
    """

    __slots__ = ("_length", "_make")

    def __init__(self, make: Callable[[], Iterator[Row]], length: int) -> None:
        self._make = make
        self._length = length

    def __iter__(self) -> Iterator[Row]:
        return self._make()

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        return tuple(self)[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Rows, tuple)):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Rows({tuple(self)!r})"


@attrs.frozen
class Table:
    """A table: its caption, header texts, and rows; ``form`` is the official 10-column one.

    ``rows`` is a tuple, or for a program report's form the :class:`Rows` made as they are
    drawn."""

    headers: tuple[str, ...]
    rows: Sequence[Row]
    caption: str = ""
    form: bool = False


@attrs.frozen
class Heading:
    """A heading; level 1 is the document's title."""

    text: str
    level: int = 1


@attrs.frozen
class Paragraph:
    """A paragraph of prose."""

    text: str


@attrs.frozen
class Field:
    """A labelled value: «Термін реалізації Програми: 2021–2025 роки»."""

    label: str
    value: str
    path: str | None = None
    marked: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()


@attrs.frozen
class Fields:
    """A block of labelled values."""

    fields: tuple[Field, ...]


@attrs.frozen
class ItemList:
    """A list of items, numbered or not."""

    items: tuple[str, ...]
    numbered: bool = True


@attrs.frozen
class Signature:
    """The signature block: the position on the left, «Ім'я ПРІЗВИЩЕ» on the right."""

    position: str
    name: str


@attrs.frozen
class FindingLine:
    """One audit finding as a reader sees it."""

    code: str
    name: str
    severity: str
    severity_text: str
    path: str
    message: str
    #: Where the finding points in the document's own terms («таблиця 1, завдання 2, …»).
    place: str = ""
    #: The id a marked cell links to.
    anchor: str = ""
    #: The rule's name in the page's language.
    title: str = ""


@attrs.frozen
class Findings:
    """The list of audit findings, with its heading."""

    title: str
    findings: tuple[FindingLine, ...]
    empty_text: str


Block: TypeAlias = Heading | Paragraph | Fields | Table | ItemList | Signature | Findings


@attrs.frozen
class Page:
    """A laid-out document: its title, locale and blocks in reading order."""

    title: str
    locale: str
    blocks: tuple[Block, ...]

    def tables(self) -> Iterator[Table]:
        """Every table of the page, in order."""
        return (b for b in self.blocks if isinstance(b, Table))


def layout(obj: object, *, locale: str, findings: Iterable[Finding] | None = None) -> Page:
    """Lay ``obj`` out for ``locale``; ``findings`` (from ``audit(obj)``) mark their cells.

    ``obj`` is an entity, a whole Report, or an audit result (a sequence of findings).
    """
    i18n.check_locale(locale)
    finding_list = tuple(findings) if findings is not None else None
    if isinstance(obj, (list, tuple)) and all(isinstance(f, Finding) for f in obj):
        title = label("findings", locale)
        return Page(title, locale, (Heading(title, 1), _findings_block(obj, locale, None)))
    if finding_list is not None:
        finding_list = tuple(in_document_order(finding_list, obj))
    block = _findings_block(finding_list or (), locale, obj)
    builder = _Builder(locale, finding_list or (), block.findings)
    blocks = list(builder.blocks_of(obj, "$", level=1))
    if finding_list is not None:
        blocks.append(block)
    title = next((b.text for b in blocks if isinstance(b, Heading)), type(obj).__name__)
    return Page(title, locale, tuple(blocks))


def _findings_block(findings: Sequence[Finding], locale: str, document: object) -> Findings:
    """The list of findings; with the ``document`` they came from, each with its place and
    its money written as the document's column writes it."""
    lines = []
    for i, f in enumerate(findings, start=1):
        place = locate(document, f.path) if document is not None else None
        lines.append(
            FindingLine(
                f.code,
                f.name,
                f.severity.value,
                label(f.severity.value, locale),
                f.path,
                f.message(locale, written=place.written if place else None),
                place.describe(locale) if place else "",
                f"finding-{i}",
                f.title(locale),
            )
        )
    return Findings(label("findings", locale), tuple(lines), label("no_findings", locale))


class PathIndex:
    """Positions in a list of paths, found by the path they are at or below: the paths
    sorted once, and each question three binary searches, so marking a big report's
    millions of cells stays linear (a pass over every finding per cell did not finish),
    and no path is copied."""

    def __init__(self, paths: Sequence[str]) -> None:
        self.order = sorted(range(len(paths)), key=paths.__getitem__)
        self.paths = [paths[i] for i in self.order]

    def _starting(self, prefix: str) -> range:
        # The paths that start with ``prefix`` sort between it and the prefix with its last
        # character moved one code point on.
        after = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        return range(bisect_left(self.paths, prefix), bisect_left(self.paths, after))

    def at_or_below(self, path: str) -> list[int]:
        """The positions of the paths that are ``path`` or go on from it with «.» or «[»,
        in the list's order."""
        if not self.paths:
            return []
        equal = range(bisect_left(self.paths, path), bisect_right(self.paths, path))
        found = [
            self.order[k]
            for span in (equal, self._starting(path + "."), self._starting(path + "["))
            for k in span
        ]
        found.sort()
        return found


class _Builder:
    """Builds blocks for one locale; knows the findings' paths to mark cells."""

    def __init__(
        self, locale: str, findings: Sequence[Finding], lines: Sequence[FindingLine] = ()
    ) -> None:
        self.locale = locale
        self.codes = [f.code for f in findings]
        self.findings = PathIndex([f.path for f in findings])
        self.line_notes = [Note(line.code, line.message, line.anchor) for line in lines]
        self.lines = PathIndex([line.path for line in lines])

    # Small helpers ------------------------------------------------------------------

    def t(self, key: str) -> str:
        return label(key, self.locale)

    def marks(self, path: str | None) -> tuple[str, ...]:
        """The codes of the findings at ``path`` or below it."""
        if path is None:
            return ()
        return tuple(self.codes[i] for i in self.findings.at_or_below(path))

    def notes(self, path: str | None) -> tuple[Note, ...]:
        """The findings at ``path`` or below it, with their anchors in the list."""
        if path is None:
            return ()
        return tuple(self.line_notes[i] for i in self.lines.at_or_below(path))

    def cell(self, text: str, path: str | None = None, **kw: object) -> Cell:
        return Cell(text, path, marked=self.marks(path), notes=self.notes(path), **kw)  # type: ignore[arg-type]

    def field(self, key: str, value: str, path: str | None = None) -> Field:
        return Field(self.t(key), value, path, self.marks(path), self.notes(path))

    def money(self, m: Money | None, fmt: MoneyFormat | None = None, unit: bool = True) -> str:
        if m is None:
            return ""
        fmt = fmt or MoneyFormat()
        return i18n.format_money(
            m, self.locale, unit=fmt.unit, decimals=fmt.decimals, with_unit=unit
        )

    def percent(self, p: Percent | None) -> str:
        return "" if p is None else i18n.format_percent(p, self.locale)

    def quantity(self, q: Quantity | None) -> str:
        return "" if q is None else i18n.format_quantity(q, self.locale)

    def count(self, n: int | Quantity | None) -> str:
        if isinstance(n, Quantity):
            return self.quantity(n)
        return "" if n is None else i18n.format_number(n, self.locale)

    def period(self, p: ReportingPeriod | None) -> str:
        # A period the document does not name is absent: the field is left out.
        return "" if p is None else i18n.format_period(p, self.locale)

    def term(self, span: YearSpan | None) -> str:
        return "" if span is None else f"{span.first}–{span.last}"

    def decision(self, d: Decision) -> str:
        parts = []
        if d.date is not None:
            parts.append(i18n.format_date(d.date, self.locale))
        if d.number is not None:
            parts.append(f"№{d.number}" if self.locale == "uk" else f"No. {d.number}")
        return " ".join(parts)

    def fields(self, items: Iterable[tuple[str, str, str | None]]) -> Fields:
        return Fields(tuple(self.field(k, v, p) for k, v, p in items if v))

    # Dispatch -----------------------------------------------------------------------

    def blocks_of(self, obj: object, path: str, level: int) -> Iterator[Block]:
        for cls, method in _DISPATCH:
            if isinstance(obj, cls):
                yield from getattr(self, method)(obj, path, level)
                return
        raise InvalidTypeError(
            [Problem(path, obj, "is not an entity, a Report or a list of findings", True)],
            subject="renderer input",
        )

    # Whole reports ------------------------------------------------------------------

    def report(self, r: Report, path: str, level: int) -> Iterator[Block]:
        meta = r.meta
        yield Heading(meta.title, level)
        council = meta.council.name
        if meta.council.convocation is not None:
            council += f", {meta.council.convocation} {self.t('convocation')}"
        yield self.fields(
            [
                ("council", council, join(path, "meta") + ".council"),
                ("period", self.period(meta.period), join(path, "meta") + ".period"),
                ("author", meta.author, join(path, "meta") + ".author"),
            ]
        )
        for i, section in enumerate(r.sections):
            yield from self.section(section, join(join(path, "sections"), i), level + 1)
        if meta.signatory is not None:
            yield self.signature(meta.signatory)

    def section(self, s: Section, path: str, level: int) -> Iterator[Block]:
        if s.title:
            yield Heading(s.title, level)
        yield from (Paragraph(p) for p in s.paragraphs)
        for i, fact in enumerate(s.facts):
            yield from self.blocks_of(fact, join(join(path, "facts"), i), level + 1)

    def signature(self, s: Signatory) -> Signature:
        return Signature(s.position, s.person.official_name)

    # The official form --------------------------------------------------------------

    def program_header(self, p: Program, path: str) -> Fields:
        approved = ""
        if p.approved_by is not None:
            approved = self.decision(p.approved_by)
        if p.amendments:
            amended = ", ".join(self.decision(d) for d in p.amendments)
            approved = f"{approved} {self.t('and_amendments')} {amended}".strip()
        term = self.term(p.term)
        if term and self.locale == "uk":
            term = f"{term} {self.t('years')}"
        return self.fields(
            [
                ("program", p.title, join(path, "title")),
                ("approved_by", approved, join(path, "approved_by")),
                ("responsible_executor", ", ".join(p.responsible_executors), None),
                ("program_term", term, join(path, "term")),
            ]
        )

    def program(self, p: Program, path: str, level: int) -> Iterator[Block]:
        yield Heading(p.title, level)
        yield self.program_header(p, path)

    def program_report(self, r: ProgramReport, path: str, level: int) -> Iterator[Block]:
        yield Heading(f"{self.t('program_report')}: {r.program.title}", level)
        header = self.program_header(r.program, join(path, "program"))
        extra = self.fields(
            [
                ("period", self.period(r.period), join(path, "period")),
                ("executor", r.executor, join(path, "executor")),
            ]
        )
        yield Fields(header.fields + extra.fields)
        columns = r.columns
        formats = (columns.indicative, columns.annual, columns.actual)
        yield self.form(r.tasks, formats, path, r)
        if r.signatory is not None:
            yield self.signature(r.signatory)

    def form_headers(
        self, formats: tuple[MoneyFormat, MoneyFormat, MoneyFormat]
    ) -> tuple[str, ...]:
        units = [i18n.unit_label(f.unit, self.locale) for f in formats]
        return (
            self.t("col_number"),
            self.t("col_task"),
            self.t("col_content"),
            self.t("col_term"),
            self.t("col_executors"),
            f"{self.t('col_indicative')}, {units[0]}",
            f"{self.t('col_annual')}, {units[1]}",
            f"{self.t('col_actual')}, {units[2]}",
            self.t("col_percent"),
            self.t("col_note"),
        )

    def form(
        self,
        tasks: Sequence[Task],
        formats: tuple[MoneyFormat, MoneyFormat, MoneyFormat],
        path: str,
        report: ProgramReport | None = None,
    ) -> Table:
        has_total = report is not None and (
            report.total is not None or report.total_percent is not None
        )

        def rows() -> Iterator[Row]:
            yield Row(tuple(Cell(str(i)) for i in range(1, 11)), RowKind.NUMBERS)
            for ti, task in enumerate(tasks):
                task_path = join(join(path, "tasks"), ti) if report is not None else path
                yield from self.task_rows(task, task_path, formats)
            if report is not None and has_total:
                yield self.total_row(report, path)

        length = 1 + sum(max(1, len(t.measures)) for t in tasks) + has_total
        return Table(
            self.form_headers(formats),
            Rows(rows, length),
            self.t("measures_execution"),
            form=True,
        )

    def total_row(self, report: ProgramReport, path: str) -> Row:
        total = report.total or Financing()
        return Row(
            (
                Cell(f"{self.t('total')}:", colspan=5),
                *self.money_cells(total, self.total_formats(report), join(path, "total")),
                self.cell(
                    self.percent(report.total_percent),
                    join(path, "total_percent"),
                    numeric=True,
                    bar=report.totals().execution(),
                ),
                Cell(""),
            ),
            RowKind.TOTAL,
        )

    def total_formats(self, report: ProgramReport) -> tuple[MoneyFormat, MoneyFormat, MoneyFormat]:
        f = report.total_formats
        return (f.indicative, f.annual, f.actual)

    def task_rows(
        self, task: Task, path: str, formats: tuple[MoneyFormat, MoneyFormat, MoneyFormat]
    ) -> Iterator[Row]:
        span = max(1, len(task.measures))
        head = (
            self.cell(task.number or "", join(path, "number"), rowspan=span),
            self.cell(task.title, join(path, "title"), rowspan=span, role="task"),
        )
        if not task.measures:
            yield Row((*head, *(Cell("") for _ in range(8))))
            return
        for mi, measure in enumerate(task.measures):
            first = head if mi == 0 else (Cell(covered=True), Cell(covered=True))
            yield Row(
                first + self.measure_cells(measure, join(join(path, "measures"), mi), formats)
            )

    def measure_cells(
        self, m: Measure, path: str, formats: tuple[MoneyFormat, MoneyFormat, MoneyFormat]
    ) -> tuple[Cell, ...]:
        content = f"{m.number}. {m.content}" if m.number else m.content
        return (
            self.cell(content, join(path, "content")),
            self.cell(self.term(m.term), join(path, "term")),
            self.cell(", ".join(m.executors), join(path, "executors")),
            *self.money_cells(m.financing, formats, join(path, "financing")),
            self.cell(
                self.percent(m.declared_percent),
                join(path, "declared_percent"),
                numeric=True,
                bar=m.financing.execution(),
            ),
            self.cell(m.note, join(path, "note")),
        )

    def money_cells(
        self, f: Financing, formats: tuple[MoneyFormat, MoneyFormat, MoneyFormat], path: str
    ) -> tuple[Cell, ...]:
        values = (f.indicative, f.annual, f.actual)
        names = ("indicative", "annual", "actual")
        return tuple(
            self.cell(self.money(v, fmt, unit=False), join(path, n), numeric=True)
            for v, fmt, n in zip(values, formats, names, strict=True)
        )

    def task(self, t: Task, path: str, level: int) -> Iterator[Block]:
        yield Heading(t.title, level)
        yield self.form_of_rows(self.task_rows(t, path, _EXACT3))

    def measure(self, m: Measure, path: str, level: int) -> Iterator[Block]:
        yield Heading(m.content, level)
        cells = (Cell(m.number or ""), Cell(""), *self.measure_cells(m, path, _EXACT3))
        yield self.form_of_rows([Row(cells)])

    def form_of_rows(self, rows: Iterable[Row]) -> Table:
        numbers = Row(tuple(Cell(str(i)) for i in range(1, 11)), RowKind.NUMBERS)
        return Table(
            self.form_headers(_EXACT3), (numbers, *rows), self.t("measures_execution"), form=True
        )

    # Other facts --------------------------------------------------------------------

    def council_activity(self, a: CouncilActivity, path: str, level: int) -> Iterator[Block]:
        yield Heading(self.t("council_activity"), level)
        drafts = a.drafts
        yield self.fields(
            [
                ("period", self.period(a.period) if a.period else "", join(path, "period")),
                ("session_count", self.count(a.session_count), join(path, "session_count")),
                (
                    "plenary_meetings",
                    self.count(a.plenary_meetings),
                    join(path, "plenary_meetings"),
                ),
                (
                    "extraordinary_meetings",
                    self.count(a.extraordinary_meetings),
                    join(path, "extraordinary_meetings"),
                ),
                (
                    "decisions_adopted",
                    self.count(a.decisions_adopted),
                    join(path, "decisions_adopted"),
                ),
                (
                    "petitions_considered",
                    self.count(a.petitions_considered),
                    join(path, "petitions_considered"),
                ),
                ("deputies", self.count(a.deputies), join(path, "deputies")),
                (
                    "drafts_received",
                    self.count(drafts.received if drafts else None),
                    join(path, "drafts") + ".received",
                ),
                (
                    "drafts_withdrawn",
                    self.count(drafts.withdrawn if drafts else None),
                    join(path, "drafts") + ".withdrawn",
                ),
                (
                    "drafts_added",
                    self.count(drafts.added if drafts else None),
                    join(path, "drafts") + ".added",
                ),
            ]
        )
        if a.sessions:
            yield self.sessions_table(a.sessions, join(path, "sessions"))

    def sessions_table(self, sessions: Sequence[Session], path: str) -> Table:
        rows = tuple(Row(self.session_cells(s, join(path, i))) for i, s in enumerate(sessions))
        headers = ("session_number", "session_kind", "plenary_meetings", "decisions_adopted")
        return Table(tuple(self.t(h) for h in headers), rows, self.t("sessions"))

    def session_cells(self, s: Session, path: str) -> tuple[Cell, ...]:
        kind = "extraordinary" if s.kind is SessionKind.EXTRAORDINARY else "ordinary"
        return (
            self.cell(self.count(s.number), join(path, "number"), numeric=True),
            self.cell(self.t(kind), join(path, "kind")),
            self.cell(self.count(s.plenary_meetings), join(path, "plenary_meetings"), numeric=True),
            self.cell(
                self.count(s.decisions_adopted), join(path, "decisions_adopted"), numeric=True
            ),
        )

    def session(self, s: Session, path: str, level: int) -> Iterator[Block]:
        yield Heading(self.t("session"), level)
        table = self.sessions_table((), path)
        yield attrs.evolve(table, rows=(Row(self.session_cells(s, path)),))

    def share_cells(self, shares: Sequence[Percent | None], path: str) -> list[tuple[Cell, ...]]:
        """A share column's cells (none at all when no part declares a share)."""
        if all(s is None for s in shares):
            return [() for _ in shares]
        return [
            (self.cell(self.percent(s), join(join(path, "parts"), i) + ".share", numeric=True),)
            for i, s in enumerate(shares)
        ]

    def share_header(self, shares: Sequence[Percent | None]) -> tuple[str, ...]:
        return () if all(s is None for s in shares) else (self.t("share"),)

    def partial_note(self, complete: bool) -> Iterator[Block]:
        if not complete:
            yield Paragraph(self.t("partial_list"))

    def written_money(self, m: Money, fmt: MoneyFormat, column: MoneyFormat) -> str:
        """``m`` as written in ``fmt``, its unit shown when the column's header names another."""
        return self.money(m, fmt, unit=fmt.unit is not column.unit)

    def breakdown(self, b: Breakdown, path: str, level: int) -> Iterator[Block]:
        yield Heading(b.label, level)
        shares = [p.share for p in b.parts]
        share_cells = self.share_cells(shares, path)
        rows = [
            Row(
                (
                    self.cell(p.label, join(join(path, "parts"), i) + ".label"),
                    self.cell(
                        self.quantity(p.value),
                        join(join(path, "parts"), i) + ".value",
                        numeric=True,
                    ),
                    *share_cells[i],
                )
            )
            for i, p in enumerate(b.parts)
        ]
        extra = self.share_header(shares)
        total = Row(
            (
                Cell(self.t("total")),
                self.cell(self.quantity(b.total), join(path, "total"), numeric=True),
                *(Cell("") for _ in extra),
            ),
            RowKind.TOTAL,
        )
        yield Table((self.t("part"), self.t("count"), *extra), (*rows, total))
        yield from self.partial_note(b.complete)

    def money_breakdown(self, b: MoneyBreakdown, path: str, level: int) -> Iterator[Block]:
        yield Heading(b.label, level)
        unit = i18n.unit_label(b.written.unit, self.locale)
        shares = [p.share for p in b.parts]
        share_cells = self.share_cells(shares, path)
        rows = [
            Row(
                (
                    self.cell(p.label, join(join(path, "parts"), i) + ".label"),
                    self.cell(
                        self.written_money(p.amount, b.format_of(p), b.written),
                        join(join(path, "parts"), i) + ".amount",
                        numeric=True,
                    ),
                    *share_cells[i],
                )
            )
            for i, p in enumerate(b.parts)
        ]
        extra = self.share_header(shares)
        total = Row(
            (
                Cell(self.t("total")),
                self.cell(
                    self.written_money(b.total, b.total_format, b.written),
                    join(path, "total"),
                    numeric=True,
                ),
                *(Cell("") for _ in extra),
            ),
            RowKind.TOTAL,
        )
        yield Table((self.t("part"), f"{self.t('amount')}, {unit}", *extra), (*rows, total))
        yield from self.partial_note(b.complete)

    def shares(self, s: Shares, path: str, level: int) -> Iterator[Block]:
        yield Heading(s.label, level)
        rows = tuple(
            Row(
                (
                    self.cell(x.label, join(join(path, "shares"), i) + ".label"),
                    self.cell(
                        self.percent(x.percent),
                        join(join(path, "shares"), i) + ".percent",
                        numeric=True,
                    ),
                )
            )
            for i, x in enumerate(s.shares)
        )
        yield Table((self.t("part"), self.t("share")), rows)
        yield from self.partial_note(s.complete)

    def money_figure(self, f: MoneyFigure, path: str, level: int) -> Iterator[Block]:
        values = " / ".join(self.money(v.amount, v.written) for v in f.values)
        yield Fields(
            (Field(f.label, values, join(path, "values"), self.marks(join(path, "values"))),)
        )

    def award_batch(self, a: AwardBatch, path: str, level: int) -> Iterator[Block]:
        yield Heading(a.label or self.t("awards"), level)
        yield self.fields(
            [
                (
                    "commission_meetings",
                    self.count(a.commission_meetings),
                    join(path, "commission_meetings"),
                ),
                ("petitions", self.count(a.petitions), join(path, "petitions")),
                ("nominated", self.quantity(a.nominated), join(path, "nominated")),
                ("awarded", self.quantity(a.awarded), join(path, "awarded")),
                ("posthumous", self.count(a.posthumous), join(path, "posthumous")),
                ("spending", self.money(a.spending), join(path, "spending")),
            ]
        )
        if a.shares:
            rows = tuple(
                Row(
                    (
                        self.cell(s.label, join(join(path, "shares"), i) + ".label"),
                        self.cell(
                            self.percent(s.percent),
                            join(join(path, "shares"), i) + ".percent",
                            numeric=True,
                        ),
                        self.cell(
                            self.count(s.count),
                            join(join(path, "shares"), i) + ".count",
                            numeric=True,
                        ),
                    )
                )
                for i, s in enumerate(a.shares)
            )
            yield Table((self.t("share"), self.t("percent"), self.t("count")), rows)

    def deputy_fund(self, d: DeputyFundAllocation, path: str, level: int) -> Iterator[Block]:
        yield Heading(self.t("deputy_fund"), level)
        yield self.fields(
            [
                ("deputy", d.deputy.official_name if d.deputy else "", join(path, "deputy")),
                ("period", self.period(d.period) if d.period else "", join(path, "period")),
            ]
        )
        rows = [
            Row(
                (
                    Cell(str(i + 1), numeric=True),
                    self.cell(item.purpose, join(join(path, "items"), i) + ".purpose"),
                    self.cell(item.recipient, join(join(path, "items"), i) + ".recipient"),
                    self.cell(
                        self.written_money(item.amount, d.format_of(item), d.written),
                        join(join(path, "items"), i) + ".amount",
                        numeric=True,
                    ),
                )
            )
            for i, item in enumerate(d.items)
        ]
        total = Row(
            (
                Cell(f"{self.t('fund_total')}:", colspan=3),
                self.cell(
                    self.written_money(d.fund_total, d.total_format, d.written),
                    join(path, "fund_total"),
                    numeric=True,
                ),
            ),
            RowKind.TOTAL,
        )
        unit = i18n.unit_label(d.written.unit, self.locale)
        headers = (
            self.t("col_number"),
            self.t("purpose"),
            self.t("recipient"),
            f"{self.t('amount')}, {unit}",
        )
        yield Table(headers, (*rows, total))
        yield from self.partial_note(d.complete)

    def participatory_budget(
        self, b: ParticipatoryBudget, path: str, level: int
    ) -> Iterator[Block]:
        yield Heading(self.t("participatory_budget"), level)
        voters = " / ".join(self.quantity(q) for q in b.voters)
        yield self.fields(
            [
                ("budget", self.money(b.budget), join(path, "budget")),
                ("submitted", self.count(b.submitted), join(path, "submitted")),
                (
                    "submitted_amount",
                    self.money(b.submitted_amount),
                    join(path, "submitted_amount"),
                ),
                ("admitted", self.count(b.admitted), join(path, "admitted")),
                ("winners", self.count(b.winners), join(path, "winners")),
                ("voters", voters, join(path, "voters")),
                ("votes", self.quantity(b.votes), join(path, "votes")),
                ("votes_per_voter", self.count(b.votes_per_voter), join(path, "votes_per_voter")),
            ]
        )
        if b.caps:
            rows = tuple(
                Row(
                    (
                        self.cell(c.label, join(join(path, "caps"), i) + ".label"),
                        self.cell(
                            self.money(c.limit),
                            join(join(path, "caps"), i) + ".limit",
                            numeric=True,
                        ),
                        self.cell(
                            self.money(c.base), join(join(path, "caps"), i) + ".base", numeric=True
                        ),
                        self.cell(
                            self.percent(c.reserve),
                            join(join(path, "caps"), i) + ".reserve",
                            numeric=True,
                        ),
                    )
                )
                for i, c in enumerate(b.caps)
            )
            headers = ("category", "limit", "base", "reserve")
            yield Table(tuple(self.t(h) for h in headers), rows, self.t("caps"))

    def figure(self, f: Figure, path: str, level: int) -> Iterator[Block]:
        values = " / ".join(self.quantity(q) for q in f.values)
        yield Fields(
            (
                Field(
                    f.label,
                    values,
                    join(path, "values"),
                    self.marks(join(path, "values")),
                    self.notes(join(path, "values")),
                ),
            )
        )

    def listed_items(self, li: ListedItems, path: str, level: int) -> Iterator[Block]:
        yield Heading(li.label, level)
        if li.declared_count is not None:
            yield self.fields(
                [("declared_count", self.count(li.declared_count), join(path, "declared_count"))]
            )
        if li.items:
            yield ItemList(li.items)

    def decision_fact(self, d: Decision, path: str, level: int) -> Iterator[Block]:
        # Prose order: «Рішення №31 від 24.12.2020», "Decision No. 31 of 24 December 2020".
        parts = [self.t("decision")]
        if d.number is not None:
            parts.append(f"№{d.number}" if self.locale == "uk" else f"No. {d.number}")
        if d.date is not None:
            on = "від" if self.locale == "uk" else "of"
            parts.append(f"{on} {i18n.format_date(d.date, self.locale, style='prose')}")
        head = " ".join(parts)
        yield Paragraph(f"{head}: {d.title}" if d.title else head)
        if d.body:
            yield self.fields([("body", d.body, join(path, "body"))])


# An official form of loose tasks or measures: money written to the kopeck.
_EXACT3 = (MoneyFormat(), MoneyFormat(), MoneyFormat())

# Which method lays out which type; the first match wins.
_DISPATCH: tuple[tuple[type, str], ...] = (
    (Report, "report"),
    (ProgramReport, "program_report"),
    (Program, "program"),
    (Task, "task"),
    (Measure, "measure"),
    (CouncilActivity, "council_activity"),
    (Session, "session"),
    (Breakdown, "breakdown"),
    (MoneyBreakdown, "money_breakdown"),
    (AwardBatch, "award_batch"),
    (DeputyFundAllocation, "deputy_fund"),
    (ParticipatoryBudget, "participatory_budget"),
    (Figure, "figure"),
    (MoneyFigure, "money_figure"),
    (Shares, "shares"),
    (ListedItems, "listed_items"),
    (Decision, "decision_fact"),
)
