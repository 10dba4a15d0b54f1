"""Every source fills the one table model: .docx and .xlsx files made here with merged
headers, fund groups and rows by funding source; CSV; text pasted from a PDF; the CLI picks
the reader by extension and reports every decision with its cell."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from municipal_reports import Money, ParseError, Percent, ReportingPeriod, audit
from municipal_reports.cli import main
from municipal_reports.parse import import_file, import_tables
from municipal_reports.parse.table.sources.pdf import rows_from_pages
from municipal_reports.parse.table.sources.xlsx import cell_text

REAL = Path(__file__).parent / "real" / "tables"
TITLE = "Звіт про виконання програми «Безпечне місто» за 2023 рік"


def _thousands(text: str) -> Money:
    """A «тис. грн» figure as the test writes it, in hryvnias."""
    return Money(Decimal(text) * 1000)


# -- .docx ---------------------------------------------------------------------------------


def _docx(path: Path) -> Path:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph("тис. грн")
    table = document.add_table(rows=7, cols=9)
    top = [
        "№ з/п",
        "Найменування заходу",
        "Затверджено",
        "",
        "",
        "Касові видатки",
        "",
        "",
        "% виконання",
    ]
    for i, text in enumerate(top):
        table.cell(0, i).text = text
    funds = ["загальний фонд", "спеціальний фонд", "разом"]
    for i, text in enumerate(funds * 2):
        table.cell(1, 2 + i).text = text
    for col in (0, 1, 8):  # vertical merges down the two header rows
        table.cell(0, col).merge(table.cell(1, col))
    for col in (2, 5):  # a group name over its three funds
        merged = table.cell(0, col).merge(table.cell(0, col + 2))
        merged.text = top[col]
    body = [
        ["1", "Встановлення камер", "100,0", "20,0", "120,0", "90,0", "10,0", "100,0", "83,33"],
        ["", "у тому числі: обласний бюджет", "", "", "70,0", "", "", "60,0", ""],
        ["", "місцевий бюджет", "", "", "50,0", "", "", "40,0", ""],
        ["2", "Утримання центру", "40,0", "", "40,0", "30,0", "", "30,0", "75,00"],
        ["Разом", "", "140,0", "20,0", "160,0", "120,0", "10,0", "130,0", "81,25"],
    ]
    for r, cells in enumerate(body, start=2):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    document.add_paragraph("Начальник управління")
    document.add_paragraph("Іван ПЕТРЕНКО")
    out = path / "report.docx"
    document.save(str(out))
    return out


def test_docx_with_merged_header_imports_the_total_fund_group(tmp_path: Path) -> None:
    """A .docx table with gridSpan and vMerge header cells reads its «разом» columns, its
    rows by funding source as parts of their measure, its title and its signature."""
    (result,) = import_file(_docx(tmp_path))
    report = result.report
    assert report.program.title == "Безпечне місто"
    assert report.period == ReportingPeriod.year(2023)
    first, second = report.measures()
    assert first.content == "Встановлення камер"
    assert first.financing.annual == _thousands("120.0")
    assert first.financing.actual == _thousands("100.0")
    assert first.declared_percent == Percent("83.33")
    assert second.financing.annual == _thousands("40.0")
    assert report.total is not None
    assert report.total.annual == _thousands("160.0")
    assert report.total.actual == _thousands("130.0")
    assert report.signatory is not None
    assert report.signatory.position == "Начальник управління"
    codes = [f.code for f in result.findings]
    assert codes.count("IMP204") == 2  # plan and actual of measure 1, split by source
    assert codes.count("IMP402") == 4  # general and special fund columns, not kept


def test_docx_source_rows_that_disagree_are_reported(tmp_path: Path) -> None:
    """Rows by funding source that sum to less than their measure say so in the finding."""
    (result,) = import_file(_docx(tmp_path))
    (plan,) = [f for f in result.findings if f.code == "IMP204" and f.path.endswith("annual")]
    assert "they sum to it" in plan.reason  # 70,0 + 50,0 = 120,0
    assert plan.path == "$.tasks[0].measures[0].financing.annual"
    assert {c.table for c in plan.cells} == {1}


def test_docx_audit_of_the_imported_report_holds(tmp_path: Path) -> None:
    """The imported .docx report's arithmetic holds: 100/120 = 83,33%, 130/160 = 81,25%."""
    (result,) = import_file(_docx(tmp_path))
    assert Decimal(100) / Decimal(120) * 100 - Decimal("83.33") < Decimal("0.005")
    assert Decimal(130) / Decimal(160) * 100 == Decimal("81.25")
    assert [f.code for f in audit(result.report) if f.code.startswith(("MR1", "MR2"))] == []


def test_not_a_docx_is_one_parse_error(tmp_path: Path) -> None:
    """A file named .docx that is not one is refused with the library's error."""
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ParseError, match=r"not a readable \.docx"):
        import_file(bad)


# -- .xlsx ---------------------------------------------------------------------------------


def _xlsx(path: Path, *, cached: str | None = "120") -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = TITLE
    sheet.merge_cells("A1:F1")
    sheet["A2"] = "(тис. грн)"
    header = [
        "№ з/п",
        "Назва напряму",
        "План на рік з урахуванням змін",
        "Використано",
        "Відхилення (+, -)",
        "Відсоток виконання",
    ]
    for c, text in enumerate(header, start=1):
        sheet.cell(3, c, text)
    rows = [
        [1, "Освітлення вулиць", 1234.5000000001, 1000.25, 234.25, 0.8103],
        [2, "Ремонт доріг", "=C5", 500, 10, 0.4051],
    ]
    for r, values in enumerate(rows, start=4):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(r, c, value)
            if c in (3, 4, 5):
                cell.number_format = "0.00"
            if c == 6:
                cell.number_format = "0.00%"
    sheet.cell(6, 1, "Разом")
    sheet.merge_cells("A6:B6")
    sheet.cell(6, 3, 2468.75).number_format = "#,##0.00"
    sheet.cell(6, 4, 1500.25).number_format = "0.00"
    sheet.cell(6, 6, 0.6077).number_format = "0.00%"
    sheet.cell(8, 1, "Начальник управління")
    sheet.cell(8, 5, "Іван ПЕТРЕНКО")
    out = path / "report.xlsx"
    book.save(str(out))
    if cached is not None:
        # openpyxl writes no cached value for a formula; Excel does: add one as Excel would.
        with zipfile.ZipFile(out) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
        sheet_xml = sheet_xml.replace("<f>C5</f><v></v>", f"<f>C5</f><v>{cached}</v>")
        sheet_xml = sheet_xml.replace("<f>C5</f><v />", f"<f>C5</f><v>{cached}</v>")
        parts["xl/worksheets/sheet1.xml"] = sheet_xml.encode()
        with zipfile.ZipFile(out, "w") as z:
            for name, data in parts.items():
                z.writestr(name, data)
    return out


def test_xlsx_numbers_are_read_as_shown_never_as_float_noise(tmp_path: Path) -> None:
    """1234.5000000001 shown with two decimals is 1 234,50 thousand exactly; a formula's
    cached value is read; a percent cell 0.8103 shown as 81,03% is Percent('81.03')."""
    (result,) = import_file(_xlsx(tmp_path))
    first, second = result.report.measures()
    assert first.financing.annual == _thousands("1234.50")
    assert first.financing.actual == _thousands("1000.25")
    assert first.declared_percent == Percent("81.03")
    assert second.financing.annual == _thousands("120.00")
    assert result.report.total is not None
    assert result.report.total.annual == _thousands("2468.75")
    assert result.report.signatory is not None
    assert result.report.signatory.position == "Начальник управління"


def test_xlsx_deviation_that_disagrees_is_reported(tmp_path: Path) -> None:
    """Row 1's deviation 234,25 = 1 234,50 − 1 000,25 holds; row 2's 10 is not 120 − 500,
    and its finding names the three cells by table, row and column."""
    assert Decimal("1234.50") - Decimal("1000.25") == Decimal("234.25")
    (result,) = import_file(_xlsx(tmp_path))
    (wrong,) = [f for f in result.findings if f.code == "IMP404"]
    assert wrong.path == "$.tasks[1].measures[0].financing"
    assert [str(c).split(":")[0] for c in wrong.cells] == [
        "table 1, row 5, column 3",
        "table 1, row 5, column 4",
        "table 1, row 5, column 5",
    ]
    assert "-380" in wrong.reason
    (caption,) = [f for f in result.findings if f.code == "IMP302"]
    assert str(caption.cells[0]).startswith("table 1, row 2")


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (0.1 + 0.2, "General", "0,3"),
        (1234.5000000001, "0.0", "1234,5"),
        (0.2469, "0.00%", "24,69%"),
        (2080000, "#,##0.00", "2080000,00"),
        (7, "General", "7"),
        (None, "General", ""),
    ],
)
def test_xlsx_cell_text_is_what_the_sheet_shows(value: object, fmt: str, shown: str) -> None:
    """A cell's number becomes the text its format shows, with a decimal comma."""
    assert cell_text(value, fmt) == shown


# -- CSV and PDF ---------------------------------------------------------------------------


def test_csv_with_semicolons_imports(tmp_path: Path) -> None:
    """A semicolon CSV (Excel's Ukrainian export) reads like a pasted table."""
    path = tmp_path / "t.csv"
    path.write_text(
        f"{TITLE}\n№;Назва;Заплановано на рік, тис. грн;Виконано, тис. грн;% виконання\n"
        "1;Бібліотеки;12 405,7;6 118,2;49,32\n",
        encoding="utf-8",
    )
    (result,) = import_file(path)
    (measure,) = result.report.measures()
    assert measure.financing.annual == _thousands("12405.7")
    assert measure.declared_percent == Percent("49.32")


def _page(text: str, tables: list[object]) -> SimpleNamespace:
    return SimpleNamespace(
        width=600,
        height=800,
        find_tables=lambda: tables,
        extract_text=lambda: text,
        crop=lambda box: SimpleNamespace(extract_text=lambda: text if box[1] == 0 else ""),
    )


def test_pdf_tables_become_rows_with_merged_cells_as_copies() -> None:
    """pdfplumber's table cells (None where merged) fill the one model; the text above
    the table is its title block."""
    table = SimpleNamespace(
        bbox=(0, 100, 600, 300),
        extract=lambda: [
            ["№", "Назва", "Заплановано", "Виконано", "% виконання"],
            ["1", "Бібліотеки", "12 405,7", "6 118,2", "49,32"],
        ],
    )
    rows, findings = rows_from_pages([_page(f"{TITLE}\nтис. грн", [table])])
    assert findings == []
    (result,) = __import__("municipal_reports.parse", fromlist=["import_rows"]).import_rows(rows)
    (measure,) = result.report.measures()
    assert measure.financing.annual == _thousands("12405.7")


def test_pdf_without_tables_falls_back_to_the_text_reader() -> None:
    """A PDF page where the table finder finds nothing is read as text pasted from a PDF."""
    text = (REAL / "kryvyi-rih-openbudget-2020-h1-culture.txt").read_text(encoding="utf-8")
    rows, _ = rows_from_pages([_page(text, [])])
    assert any(r.tabular for r in rows)


# -- text pasted from a PDF ----------------------------------------------------------------


def test_pdf_text_with_single_spaces_imports_to_exact_figures() -> None:
    """Kryvyi Rih's culture spending, pasted from its PDF: every row's three figures read
    back exactly, and the total too."""
    text = (REAL / "kryvyi-rih-openbudget-2020-h1-culture.txt").read_text(encoding="utf-8")
    (result,) = import_tables(text)
    report = result.report
    plans = ["28719.5", "34274.2", "6229.8", "49543.9", "3384.4"]
    assert [m.financing.annual for m in report.measures()] == [_thousands(p) for p in plans]
    assert report.measures()[4].declared_percent == Percent("1.75")
    assert report.total is not None
    assert report.total.actual == _thousands("46491.2")
    assert report.period == ReportingPeriod.half_year(2020, 1)


def test_pdf_text_reading_is_chosen_by_the_rows_arithmetic() -> None:
    """Integer amounts with spaced thousands: of two readings only 2 080 000 | 513 537 |
    24,69 makes 513 537 / 2 080 000 = 24,69%, and a finding names the row."""
    text = (
        f"{TITLE}\n№ Назва заходу Заплановано, грн Виконано, грн % виконання\n"
        "1 Ремонт 2 080 000 513 537 24,69\n"
    )
    assert round(Decimal(513537) / Decimal(2080000) * 100, 2) == Decimal("24.69")
    (result,) = import_tables(text)
    (measure,) = result.report.measures()
    assert measure.financing.annual == Money(2080000)
    assert measure.financing.actual == Money(513537)
    (finding,) = [f for f in result.findings if f.code == "IMP205"]
    assert finding.path == "$.tasks[0].measures[0]"
    assert finding.reading == "2 080 000 | 513 537 | 24,69"


def test_pdf_text_with_two_holding_readings_is_refused() -> None:
    """«1 1 100 200 200» reads as 1 | 1 100 | 200 200 or (name «… 1 1») 100 | 200 | 200%:
    both hold within their rounding, so the row is refused with the candidates."""
    text = f"{TITLE}\n№ Назва Заплановано Виконано % виконання\n1 Захід 1 1 100 200 200\n"
    with pytest.raises(ParseError, match="two or more readings") as info:
        import_tables(text)
    assert "100 | 200 | 200" in str(info.value)


def test_pdf_text_with_no_holding_reading_is_refused() -> None:
    """«100 100 100 50» reads as 100 100 | 100 | 50, 100 | 100 100 | 50 or (name «… 100»)
    100 | 100 | 50: none makes actual / plan = percent."""
    text = f"{TITLE}\n№ Назва Заплановано Виконано % виконання\n1 Захід 100 100 100 50\n"
    with pytest.raises(ParseError, match="no reading"):
        import_tables(text)


# -- the command line ----------------------------------------------------------------------


def test_cli_imports_an_xlsx_and_names_cells(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`import FILE.xlsx` picks the reader by extension; findings name table, row, column."""
    path = _xlsx(tmp_path)
    assert main(["import", str(path), "-o", str(tmp_path / "out.json")]) == 0
    err = capsys.readouterr().err
    assert "table 1, row" in err
    assert (tmp_path / "out.json").exists()


def test_cli_from_names_the_reader(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--from csv` reads a file whose extension says nothing."""
    path = tmp_path / "t.dat"
    path.write_text(
        f"{TITLE}\n№;Назва;Заплановано;Виконано;% виконання\n1;Бібліотеки;100,00;50,00;50,00\n",
        encoding="utf-8",
    )
    assert main(["import", str(path), "--from", "csv"]) == 0
    assert '"Бібліотеки"' in capsys.readouterr().out


def test_cli_unreadable_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A damaged .xlsx gives one error line naming the file, and exit status 2."""
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 damaged")
    assert main(["import", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "bad.xlsx" in err


# -- real PDF files (made here with fpdf2 and a Cyrillic font) ------------------------------

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _pdf(path: Path, *, table: bool) -> Path:
    fpdf = pytest.importorskip("fpdf")
    if not FONT.exists():
        pytest.skip("no DejaVu font to write Cyrillic into a PDF")
    pdf = fpdf.FPDF(orientation="L")
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(FONT.with_name("DejaVuSans-Bold.ttf")))
    pdf.set_font("DejaVu", size=9)

    def line(text: str) -> None:
        pdf.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")

    line(TITLE)
    line("тис. грн")
    rows = [
        ["№ з/п", "Назва заходу", "Заплановано на рік", "Виконано", "% виконання"],
        ["1", "Бібліотеки", "12 405,7", "6 118,2", "49,32"],
        ["2", "Музеї", "6 229,8", "1 943,1", "31,19"],
        ["Всього", "", "18 635,5", "8 061,3", "43,26"],
    ]
    if table:
        with pdf.table() as grid:
            for cells in rows:
                row = grid.row()
                for text in cells:
                    row.cell(text)
    else:
        for cells in rows:
            line(" ".join(c for c in cells if c))
    line("")
    line("Начальник управління")
    line("Іван ПЕТРЕНКО")
    out = path / "report.pdf"
    pdf.output(str(out))
    return out


@pytest.mark.parametrize("table", [True, False], ids=["table-finder", "text-fallback"])
def test_pdf_file_imports_by_its_tables_or_its_text(tmp_path: Path, table: bool) -> None:
    """A PDF with a drawn table reads through pdfplumber's table finder; one with the same
    figures as lines of text falls back to the PDF text reader; both give the figures,
    the total and the signature."""
    pytest.importorskip("pdfplumber")
    (result,) = import_file(_pdf(tmp_path, table=table))
    report = result.report
    assert [m.financing.annual for m in report.measures()] == [
        _thousands("12405.7"),
        _thousands("6229.8"),
    ]
    assert report.measures()[1].declared_percent == Percent("31.19")
    assert report.total is not None
    assert report.total.actual == _thousands("8061.3")
    assert report.signatory is not None
    assert report.signatory.position == "Начальник управління"


def test_not_a_pdf_is_one_parse_error(tmp_path: Path) -> None:
    """A file named .pdf that is not one is refused with the library's error."""
    pytest.importorskip("pdfplumber")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    with pytest.raises(ParseError, match="not a readable PDF"):
        import_file(bad)


def test_cli_bundles_tables_under_the_council_the_title_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two tables under a title block naming the council bundle without --council."""
    table = "№\tНазва\tЗаплановано, грн\tВиконано, грн\n1\tА\t100,00\t50,00\n"
    sign = "Начальник управління\nІван ПЕТРЕНКО\n"
    text = f"Борщівська міська рада\n{TITLE}\n{table}{sign}{TITLE}\n{table}{sign}"
    path = tmp_path / "two.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["import", str(path)]) == 0
    assert '"Борщівська міська рада"' in capsys.readouterr().out


def test_pdf_text_with_units_in_cells() -> None:
    """«64 210 тис.» and «1 250 000 грн» pasted from a PDF: each figure keeps its own unit,
    and the reading is the one where 32 105 / 64 210 = 50,00% by hand."""
    assert Decimal(32105) / Decimal(64210) * 100 == Decimal("50.00")
    text = (
        f"{TITLE}\n№ Назва Заплановано Виконано % виконання\n"
        "1 Водогін 64 210 тис. 32 105 тис. 50,00\n"
        "2 Каналізація 1 250 000 грн 1 000 000 грн 80,0\n"
    )
    result = import_tables(text)[0]
    first, second = result.report.measures()
    assert first.financing.annual == Money(64_210_000)
    assert first.financing.actual == Money(32_105_000)
    assert second.financing.annual == Money(1_250_000)
    assert [f.code for f in result.findings].count("IMP106") == 4


def test_old_office_formats_say_what_to_save_as(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An .xls file is refused on one line that says to save it as .xlsx; exit 2."""
    old = tmp_path / "report.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0 old binary")
    assert main(["import", str(old)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert ".xlsx" in err
