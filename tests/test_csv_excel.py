"""CSV that a Ukrainian Excel opens as a table: a BOM, semicolons, decimal commas."""

from __future__ import annotations

import csv
import io

import pytest

from municipal_reports import (
    Financing,
    InvalidValueError,
    Measure,
    Money,
    Percent,
    Program,
    ProgramReport,
    ReportingPeriod,
    Task,
    render,
)
from municipal_reports.bulk import execution_table, reports_of, to_csv
from municipal_reports.render.csv import CsvRenderer

REPORT = ProgramReport(
    Program("Програма"),
    ReportingPeriod.year(2022),
    (
        Task(
            "Т",
            (
                Measure(
                    "М",
                    Financing(annual=Money("92800"), actual=Money("513537.84")),
                    Percent("24.69"),
                ),
            ),
        ),
    ),
)


def test_the_excel_dialect_has_a_bom_semicolons_and_decimal_commas() -> None:
    """csv-excel starts with U+FEFF, splits on «;» and writes 92800,00 and 24,69."""
    text = render(REPORT, to="csv-excel", locale="uk")
    assert isinstance(text, str)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[1][8] == "92800,00"
    assert rows[1][9] == "513537,84"
    assert rows[1][10] == "24,69"


def test_the_machine_dialect_is_unchanged() -> None:
    """Plain csv keeps commas, decimal dots and no BOM."""
    text = render(REPORT, to="csv", locale="uk")
    assert isinstance(text, str)
    assert not text.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(text)))[1][8] == "92800.00"


def test_an_unknown_dialect_is_refused() -> None:
    """A dialect that is neither machine nor excel raises the library's error."""
    with pytest.raises(InvalidValueError):
        CsvRenderer(dialect="lotus")
    with pytest.raises(InvalidValueError):
        to_csv([], dialect="lotus")


def test_the_summary_csv_has_the_excel_dialect_too() -> None:
    """to_csv(dialect="excel") writes the execution table the same way."""
    rows = execution_table(reports_of("x", REPORT), by=("year",))
    text = to_csv(rows, by=("year",), dialect="excel")
    assert text.startswith("\ufeff")
    lines = text[1:].splitlines()
    assert lines[0] == "year;planned;actual;percentage;reports;measures"
    # 513537.84 / 92800 × 100 = 553.38… → 553.38 (half-up, two places).
    assert lines[1] == "2022;92800,00;513537,84;553,38;1;1"
