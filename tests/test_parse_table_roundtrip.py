"""Render, then import: every layout our renderers write for a program report reads back
as an equal report (markdown, docx and xlsx), property-tested over the library's strategies."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings

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
    """The CSV (one row per measure, amounts in hryvnias, no title block, no «Всього»)
    imports back to the report less what it does not carry: the program's decisions, term
    and responsible executors, the total row, the signature and the column formats."""
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
    )
    assert result.report == expected


@ROUND
@given(program_reports(max_measures=6))
def test_text_grid_round_trip_when_cells_are_not_wrapped(report: ProgramReport) -> None:
    """The text renderer's grid, wide enough that no cell wraps, imports back to an equal
    report. (Wrapped cells are joined back by re-wrapping, which cannot always tell a word
    broken at the column's edge from two words meeting there: the layout loses that.)"""
    from municipal_reports.render.text import TextRenderer

    text = TextRenderer(width=100_000)(report, locale="uk")
    (result,) = import_tables(text, council=_council(report))
    assert result.report == report


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
