"""The xlsx renderer, read back with openpyxl: the official form as an Excel worksheet."""

from __future__ import annotations

import io
import time
from decimal import Decimal

import pytest

openpyxl = pytest.importorskip("openpyxl")

from conftest import EXAMPLES_DIR  # noqa: E402
from municipal_reports import (  # noqa: E402
    Financing,
    Measure,
    Money,
    MoneyFormat,
    MoneyUnit,
    Percent,
    Person,
    Program,
    ProgramReport,
    ReportingPeriod,
    Signatory,
    Task,
    audit,
    load,
    render,
)
from municipal_reports.domain.program import ColumnFormats  # noqa: E402

THOUSANDS = MoneyFormat(MoneyUnit.THOUSAND, 1)


def _report() -> ProgramReport:
    """Two tasks (the first with two measures), a «Всього» row, thousands in column 7."""
    measures = (
        Measure("перший", Financing(Money("1000"), Money("500"), Money("400")), Percent("80")),
        Measure("другий", Financing(Money("2000"), Money("1500"), Money("1500")), Percent("99.5")),
    )
    return ProgramReport(
        Program("Програма"),
        ReportingPeriod.year(2022),
        (Task("Завдання А", measures, "1"), Task("Завдання Б", (Measure("третій"),), "2")),
        executor="відділ",
        total=Financing(Money("3000"), Money("2000"), Money("1900")),
        total_percent=Percent("95"),
        signatory=Signatory("Начальник відділу", Person("Ірина", "КОВАЛЬ")),
        columns=ColumnFormats(annual=THOUSANDS),
    )


def _book(obj: object, **kw: object) -> object:
    data = render(obj, to="xlsx", locale="uk", **kw)  # type: ignore[arg-type]
    assert isinstance(data, bytes)
    return openpyxl.load_workbook(io.BytesIO(data))


def _row_of(sheet: object, first: str) -> int:
    for row in sheet.iter_rows():  # type: ignore[attr-defined]
        if row[0].value == first:
            return int(row[0].row)
    raise AssertionError(f"no row starts with {first!r}")


def test_the_form_has_its_column_number_row_and_frozen_header() -> None:
    """Below the headers, the row 1…10; the panes freeze below it."""
    sheet = _book(_report()).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    index = next(i for i, r in enumerate(rows) if r[:10] == tuple(str(n) for n in range(1, 11)))
    numbers = index + 1
    assert rows[index - 1][0] == "№ з/п"
    assert sheet.freeze_panes == f"A{numbers + 1}"


def test_task_cells_are_merged_over_their_measures() -> None:
    """The first task spans its two measures in columns A and B."""
    sheet = _book(_report()).worksheets[0]
    first = next(r[0].row for r in sheet.iter_rows() if r[1].value == "Завдання А")
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert f"A{first}:A{first + 1}" in merged
    assert f"B{first}:B{first + 1}" in merged


def test_money_and_percent_cells_are_numbers_with_their_columns_format() -> None:
    """Column 7 in тис. грн with one decimal holds 0.5 as #,##0.0; column 8 holds 400 as
    #,##0.00; a percent of 80 is 0.8 shown as 0%, one of 99.5 is 0.995 shown as 0.0%."""
    sheet = _book(_report()).worksheets[0]
    row = next(r for r in sheet.iter_rows() if r[2].value == "перший")
    indicative, annual, actual, percent = row[5], row[6], row[7], row[8]
    assert Decimal(str(indicative.value)) == Decimal("1000")
    assert indicative.number_format == "#,##0.00"
    assert Decimal(str(annual.value)) == Decimal("500") / 1000
    assert annual.number_format == "#,##0.0"
    assert Decimal(str(actual.value)) == Decimal("400")
    assert Decimal(str(percent.value)) == Decimal("80") / 100
    assert percent.number_format == "0%"
    second = next(r for r in sheet.iter_rows() if r[2].value == "другий")
    assert Decimal(str(second[8].value)) == Decimal("99.5") / 100
    assert second[8].number_format == "0.0%"


def test_the_total_row_and_the_signature_are_there() -> None:
    """«Всього:» spans the first five columns and is followed by the totals; the signature
    puts the position left and the name right."""
    sheet = _book(_report()).worksheets[0]
    total = _row_of(sheet, "Всього:")
    assert f"A{total}:E{total}" in {str(r) for r in sheet.merged_cells.ranges}
    assert Decimal(str(sheet.cell(row=total, column=8).value)) == Decimal("1900")
    sign = _row_of(sheet, "Начальник відділу")
    assert sheet.cell(row=sign, column=10).value == "Ірина КОВАЛЬ"


def test_the_page_prints_landscape_on_a4_fitted_to_width() -> None:
    """Landscape, A4 (paper size 9), one page wide and as many tall as needed."""
    sheet = _book(_report()).worksheets[0]
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4 in the OOXML paper sizes
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert int(sheet.page_setup.fitToWidth) == 1
    assert int(sheet.page_setup.fitToHeight) == 0


def test_with_audit_marked_cells_carry_the_message_and_a_second_sheet_lists_findings() -> None:
    """A wrong percent's cell has the finding's message as its comment; sheet 2 lists it."""
    report = load(EXAMPLES_DIR / "zhytomyr-program-efficient-power-2022-9m.json")
    findings = audit(report)
    book = _book(report, findings=findings)
    sheet, listed = book.worksheets  # type: ignore[attr-defined]
    comments = [c.comment.text for row in sheet.iter_rows() for c in row if c.comment]
    assert any("80,00%" in text and "MR201" in text for text in comments)
    rows = list(listed.iter_rows(values_only=True))
    assert rows[0][0] == "Код"
    assert len(rows) - 1 == len(findings)
    assert {r[0] for r in rows[1:]} == {f.code for f in findings}


def test_without_findings_there_is_one_sheet_and_text_stays_text() -> None:
    """No findings, no second sheet; a text that starts with «=» is not a formula."""
    report = _report()
    hostile = ProgramReport(
        report.program, report.period, (Task("=1+1", (Measure("=HYPERLINK(1)"),)),)
    )
    book = _book(hostile)
    assert len(book.worksheets) == 1  # type: ignore[attr-defined]
    values = [c.value for row in book.worksheets[0].iter_rows() for c in row]  # type: ignore[attr-defined]
    assert "=1+1" in values
    cell = next(c for row in book.worksheets[0].iter_rows() for c in row if c.value == "=1+1")  # type: ignore[attr-defined]
    assert cell.data_type == "s"


def test_the_same_input_gives_the_same_bytes() -> None:
    """The file is reproducible: fixed timestamps in the zip and the properties, even when
    the two saves fall in different seconds (openpyxl stamps «modified» when saving)."""
    first = render(_report(), to="xlsx", locale="en")
    time.sleep(1.05)
    assert render(_report(), to="xlsx", locale="en") == first


def test_the_form_header_prints_atop_every_page() -> None:
    """The header and column-number rows are the print titles."""
    sheet = _book(_report()).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    numbers = 1 + next(i for i, r in enumerate(rows) if r[:2] == ("1", "2"))
    assert sheet.print_title_rows == f"${numbers - 1}:${numbers}"


def test_several_forms_freeze_nothing() -> None:
    """A sheet of three forms (a whole Report) freezes no panes: they would fill the screen."""
    report = load(EXAMPLES_DIR / "zhytomyr-program-efficient-power-2022-9m.json")
    sheet = _book(report).worksheets[0]  # type: ignore[attr-defined]
    assert sheet.freeze_panes is None


def test_the_workbook_round_trips_through_the_xlsx_importer(tmp_path: object) -> None:
    """The three tables of the Zhytomyr report, written as xlsx and imported back, are the
    same program reports: header, period, executor, tasks, money, percents, totals,
    column formats and signatures."""
    from pathlib import Path

    from municipal_reports import Report
    from municipal_reports.domain import program_reports
    from municipal_reports.parse import import_file

    report = load(EXAMPLES_DIR / "zhytomyr-program-efficient-power-2022-9m.json")
    assert isinstance(report, Report)
    path = Path(str(tmp_path)) / "form.xlsx"
    data = render(report, to="xlsx", locale="uk")
    assert isinstance(data, bytes)
    path.write_bytes(data)
    results = import_file(path, council=report.meta.council.name)
    originals = [r for _, r in program_reports(report)]
    assert [r.report for r in results] == originals


def test_a_column_in_millions_holds_millions() -> None:
    """A «млн грн» column with three decimals holds 2 148 300 грн as 2.148 (÷ 10**6)."""
    measure = Measure("м", Financing(annual=Money("2148300")))
    report = ProgramReport(
        Program("Програма"),
        ReportingPeriod.year(2022),
        (Task("т", (measure,)),),
        columns=ColumnFormats(annual=MoneyFormat(MoneyUnit.MILLION, 3)),
    )
    sheet = _book(report).worksheets[0]
    row = next(r for r in sheet.iter_rows() if r[2].value == "м")
    assert Decimal(str(row[6].value)) == Decimal("2148300") / 10**6
    assert row[6].number_format == "#,##0.000"
