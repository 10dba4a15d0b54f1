"""Render, then import: every layout our renderers write for a program report reads back
as an equal report (markdown, docx and xlsx), property-tested over the library's strategies."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from municipal_reports import ProgramReport, render
from municipal_reports.parse import import_rows, import_tables
from municipal_reports.testing import program_reports

ROUND = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _council(report: ProgramReport) -> str:
    """The body of the approving decisions: the form does not print it, the caller gives it."""
    decision = report.program.approved_by
    return decision.body if decision is not None else ""


@ROUND
@given(program_reports(max_measures=6))
def test_markdown_round_trip(report: ProgramReport) -> None:
    """A report rendered as markdown imports back to an equal report."""
    text = render(report, to="markdown", locale="uk")
    assert isinstance(text, str)
    (result,) = import_tables(text, council=_council(report))
    assert result.report == report


@ROUND
@given(program_reports(max_measures=6))
def test_docx_round_trip(report: ProgramReport) -> None:
    """A report rendered as .docx (merged task cells, the «Всього» row spanning five
    columns) imports back to an equal report."""
    pytest.importorskip("docx")
    from municipal_reports.parse.table.sources.docx import rows_from_docx

    data = render(report, to="docx", locale="uk")
    assert isinstance(data, bytes)
    (result,) = import_rows(rows_from_docx(io.BytesIO(data)), council=_council(report))
    assert result.report == report


def test_seed_example_round_trips_through_markdown() -> None:
    """The seed's first report, rendered as markdown, imports back unchanged."""
    from conftest import EXAMPLES_DIR
    from municipal_reports import load

    document = load(EXAMPLES_DIR / "zhytomyr-program-efficient-power-2022-9m.json")
    report = document.sections[0].facts[0]
    assert isinstance(report, ProgramReport)
    text = render(report, to="markdown", locale="uk")
    assert isinstance(text, str)
    (result,) = import_tables(text, council=_council(report))
    assert result.report == report


@ROUND
@given(program_reports(max_measures=6))
def test_csv_round_trip_keeps_what_the_csv_carries(report: ProgramReport) -> None:
    """The machine CSV imports back to the report over exactly the fields it carries.

    It carries, on every row: the program's title and the report's executor; each task's
    number and title; each measure's number, content, term, executors, the three amounts
    (in hryvnias to the kopeck, so exact), the declared percent and the note. Its
    «Обчислене виконання» and «Зауваження перевірки» columns are computed and audit output,
    not data, and are ignored on import. It cannot carry: the period (no title block; the
    caller gives it), the program's approving decision, amendments, term and responsible
    executors, the «Всього» row and its percent (``total``, ``total_percent``), the
    signatory, and how the columns were written (``columns``, ``total_columns``: the CSV
    writes every amount in hryvnias with kopecks, so the import reads default formats).
    """
    import attrs

    from municipal_reports import ColumnFormats, Program
    from municipal_reports.parse.table.sources.csv import rows_from_csv

    text = render(report, to="csv", locale="uk")
    assert isinstance(text, str)
    (result,) = import_rows(rows_from_csv(text), period=report.period)
    expected = attrs.evolve(
        report,
        program=Program(report.program.title),
        total=None,
        total_percent=None,
        signatory=None,
        columns=ColumnFormats(),
        total_columns=None,
    )
    assert result.report == expected


@ROUND
@given(program_reports(max_measures=6), st.sampled_from([40, 60, 90, 120, 100_000]))
def test_text_grid_round_trip(report: ProgramReport, width: int) -> None:
    """The text renderer's grid at any width (at 40 most cells wrap and long words are
    broken with «¬») imports back to an equal report."""
    from municipal_reports.render.text import TextRenderer

    text = TextRenderer(width=width)(report, locale="uk")
    (result,) = import_tables(text, council=_council(report))
    assert result.report == report


# «¬» among the letters: a word of the text may hold the break mark itself.
_LONG_WORD = st.text(alphabet="абвгдеєжзиіїйклмнопрстуфхцчшщьюя'-¬", min_size=1, max_size=70)


@ROUND
@given(program_reports(max_measures=3), st.lists(_LONG_WORD, min_size=1, max_size=4))
def test_text_grid_round_trip_with_long_words(report: ProgramReport, words: list[str]) -> None:
    """A measure whose content holds words longer than its column (broken across lines with
    «¬») imports back from the narrowest text grid to its exact content."""
    import attrs

    from municipal_reports.render.text import TextRenderer

    task = report.tasks[0]
    measure = attrs.evolve(task.measures[0], content=" ".join(words))
    tasks = (attrs.evolve(task, measures=(measure, *task.measures[1:])), *report.tasks[1:])
    report = attrs.evolve(report, tasks=tasks)
    text = TextRenderer(width=40)(report, locale="uk")
    (result,) = import_tables(text, council=_council(report))
    assert result.report == report


def test_a_long_word_is_broken_with_a_mark_and_joined_back() -> None:
    """«Енергоефективності» in a 7-wide column is three lines of six letters and «¬» and a
    last piece, and the grid reader joins them back to the word."""
    from municipal_reports.parse.table.sources.grid import join_marked
    from municipal_reports.render.text import wrap_cell

    lines = wrap_cell("до Енергоефективності ok", 7)
    assert lines == ["до", "Енерго¬", "ефекти¬", "вності", "ok"]
    assert join_marked(lines, 7) == "до Енергоефективності ok"


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        # the mark as text, on a line short of the width: kept, joined by a space
        ("a¬ cd", 3, ["a¬", "cd"]),
        # a word ending with the mark, exactly the width: broken, its mark on the next line
        ("ab¬ d", 3, ["ab¬", "¬ d"]),
        # a word ending with the mark that would end a full line: moved to the next line
        ("a b¬", 4, ["a", "b¬"]),
        # a long word whose last piece would fill the column with the mark: broken again
        ("abcd¬", 3, ["ab¬", "cd¬", "¬"]),
    ],
)
def test_break_mark_inside_the_text_survives(text: str, width: int, lines: list[str]) -> None:
    """A cell whose own text holds «¬» wraps so that only a break ends a full line with it,
    and its lines join back to its text exactly."""
    from municipal_reports.parse.table.sources.grid import join_marked
    from municipal_reports.render.text import wrap_cell

    assert wrap_cell(text, width) == lines
    assert join_marked(lines, width) == text


def test_renderer_and_reader_agree_on_the_break_mark() -> None:
    """The grid reader's break mark is the text renderer's (parse may not import render)."""
    from municipal_reports.parse.table.sources import grid
    from municipal_reports.render import text

    assert grid.BREAK == text.BREAK


def test_text_grid_draws_a_rule_under_every_row() -> None:
    """Every row of a rendered grid, body rows too, is closed by a rule line."""
    from municipal_reports.domain import Financing, Measure, Money, Program, ReportingPeriod, Task
    from municipal_reports.render.text import TextRenderer

    measures = tuple(Measure(f"захід {i}", Financing(annual=Money(i))) for i in (1, 2, 3))
    report = ProgramReport(Program("П"), ReportingPeriod.year(2022), (Task("т", measures),))
    lines = TextRenderer(width=200)(report, locale="uk").splitlines()
    bodies = [i for i, line in enumerate(lines) if line.startswith("| ") and "захід" in line]
    assert len(bodies) == 3
    assert all(lines[i + 1].startswith("+-") for i in bodies)


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("Фактично профінансовано у звітному періоді", 12),
        ("2 080 000,00", 7),
        ("Захід виконано в повному обсязі.", 10),
    ],
)
def test_wrapped_cell_is_joined_back(text: str, width: int) -> None:
    """A cell wrapped at a column's width joins back to its text where the wrap is
    unambiguous (every line break at a space)."""
    import textwrap

    from municipal_reports.parse.table.sources.grid import unwrap

    lines = textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False)
    assert len(lines) > 1
    assert unwrap(lines, width) == text


@ROUND
@given(program_reports(max_measures=6))
def test_xlsx_round_trip(report: ProgramReport) -> None:
    """A report rendered as .xlsx (merged task cells, numbers in the column's unit and
    format) imports back through the xlsx source to an equal report."""
    pytest.importorskip("openpyxl")
    from municipal_reports.parse.table.sources.xlsx import rows_from_xlsx

    data = render(report, to="xlsx", locale="uk")
    assert isinstance(data, bytes)
    (result,) = import_rows(rows_from_xlsx(io.BytesIO(data)), council=_council(report))
    assert result.report == report


def _total_to_the_kopeck(report: ProgramReport) -> ProgramReport:
    """The report with its «Всього» written to the kopeck in each column's unit (five
    decimals of тис. грн), where its columns are rounded: every total fits that format."""
    import attrs

    from municipal_reports import ColumnFormats, MoneyFormat

    c = report.columns
    exact = ColumnFormats(
        *(MoneyFormat(f.unit, f.unit.max_decimals) for f in (c.indicative, c.annual, c.actual))
    )
    return attrs.evolve(report, total_columns=None if exact == c else exact)


@ROUND
@given(program_reports(max_measures=6).map(_total_to_the_kopeck))
def test_total_written_otherwise_round_trips(report: ProgramReport) -> None:
    """A «Всього» row written with more decimals than its columns (``total_columns``)
    renders as markdown and imports back to an equal report, ``total_columns`` included."""
    text = render(report, to="markdown", locale="uk")
    assert isinstance(text, str)
    (result,) = import_tables(text, council=_council(report))
    assert result.report == report
