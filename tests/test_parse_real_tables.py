"""Execution tables of other councils (tests/real/tables: each table's labels and figures
as a person pastes them, the source address and the expected figures beside it) import to
their exact figures, and the audit reads them."""

from __future__ import annotations

import json
import math
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from municipal_reports import (
    Financing,
    Money,
    MoneyFormat,
    MoneyUnit,
    Percent,
    ReportingPeriod,
    audit,
)
from municipal_reports.parse import ImportResult, import_file, import_tables, parse_period

TABLES = Path(__file__).parent / "real" / "tables"
LAYOUTS = sorted(p.stem for p in TABLES.glob("*.tsv"))


def _meta(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((TABLES / f"{name}.json").read_text(encoding="utf-8"))
    return data


def _thousands(text: str) -> Money:
    """A «тис. грн» figure as written («11584,62») in hryvnias, by the test's own arithmetic."""
    return Money(Decimal(text.replace(" ", "").replace(",", ".")) * 1000)


def _import(name: str) -> ImportResult:
    meta = _meta(name)
    text = (TABLES / f"{name}.tsv").read_text(encoding="utf-8")
    period = parse_period(meta["pass_period"]) if "pass_period" in meta else None
    (result,) = import_tables(text, period=period)
    return result


def test_every_layout_names_its_source() -> None:
    """Every recorded layout (pasted tables and PDF text alike) has its source address and
    its body beside it."""
    assert len(LAYOUTS) >= 3
    for name in sorted(p.stem for p in TABLES.glob("*.json")):
        meta = _meta(name)
        assert meta["source"].startswith("http"), name
        assert meta["body"], name


@pytest.mark.parametrize("name", LAYOUTS)
def test_real_layout_imports_to_its_figures(name: str) -> None:
    """Each row of a real layout imports to the plan, actual and percent it writes (no
    plan where the layout has no plan column)."""
    meta = _meta(name)
    report = _import(name).report
    measures = report.measures()
    assert len(measures) == len(meta["expected"])
    for measure, want in zip(measures, meta["expected"], strict=True):
        assert measure.content == want["title"]
        if "annual_thousands" in want:
            assert measure.financing.annual == _thousands(want["annual_thousands"])
        else:
            assert measure.financing.annual is None
        assert measure.financing.actual == _thousands(want["actual_thousands"])
        if "percent" in want:
            assert measure.declared_percent is not None
            assert measure.declared_percent.value == Decimal(want["percent"].replace(",", "."))


@pytest.mark.parametrize("name", LAYOUTS)
def test_real_layout_reports_the_columns_it_does_not_keep(name: str) -> None:
    """Columns the model has no field for (other fund groups, deviation, share) are each
    reported, never dropped silently."""
    meta = _meta(name)
    result = _import(name)
    unkept = {c.column for f in result.findings if f.code == "IMP402" for c in f.cells}
    assert unkept == set(meta["unkept_columns"])


def test_teplodar_total_group_is_consistent() -> None:
    """Teplodar's «Разом» group: every declared percent is a correct rounding of actual over
    plan (checked here by hand), so the audit reports no percentage on any row."""
    meta = _meta("teplodar-2018-h1-functions")
    for want in meta["expected"]:
        plan = Decimal(want["annual_thousands"].replace(",", "."))
        actual = Decimal(want["actual_thousands"].replace(",", "."))
        declared = Decimal(want["percent"].replace(",", "."))
        assert abs(actual / plan * 100 - declared) <= Decimal("0.005")
    report = _import("teplodar-2018-h1-functions").report
    assert report.period == ReportingPeriod.half_year(2018, 1)
    assert not [f for f in audit(report) if f.code.startswith("MR2")]


@pytest.mark.parametrize("name", ["borshchiv-2018-passport", "chortkiv-uszn-2017-passport"])
def test_passport_deviation_agrees_and_is_not_reported(name: str) -> None:
    """A passport's «Відхилення» equals plan − actual (checked by hand), so no deviation
    finding; the table without a name column reads as the program's own row."""
    want = _meta(name)["expected"][0]
    plan, actual, deviation = (
        Decimal(want[k].replace(",", "."))
        for k in ("annual_thousands", "actual_thousands", "deviation_thousands")
    )
    assert plan - actual == deviation
    result = _import(name)
    codes = [f.code for f in result.findings]
    assert "IMP404" not in codes
    assert "IMP403" in codes
    assert result.report.program.title == want["title"]


def test_pdf_text_layout_imports_to_its_figures() -> None:
    """Kryvyi Rih's open-budget page pasted as text (single spaces) gives every row's and the
    total's figures as recorded."""
    meta = _meta("kryvyi-rih-openbudget-2020-h1-culture")
    text = (TABLES / "kryvyi-rih-openbudget-2020-h1-culture.txt").read_text(encoding="utf-8")
    (result,) = import_tables(text)
    for measure, want in zip(result.report.measures(), meta["expected"], strict=True):
        assert measure.content == want["title"]
        assert measure.financing.annual == _thousands(want["annual_thousands"])
        assert measure.financing.actual == _thousands(want["actual_thousands"])
    total = result.report.total
    assert total is not None
    assert total.annual == _thousands(meta["total"]["annual_thousands"])
    assert [f.code for f in audit(result.report)].count("MR701") >= 1


def _written(text: str) -> Decimal:
    return Decimal(text.replace(" ", "").replace(",", "."))


def test_mukachevo_quarter_is_read_and_audited_clean() -> None:
    """Mukachevo's first quarter: each percent is actual / plan rounded to one place and
    each over- or under-run is actual − plan (checked by hand), so the import reads the
    quarter from the title and the audit finds no percentage fault."""
    meta = _meta("mukachevo-2019-q1-revenue")
    for want in meta["expected"]:
        plan, actual = _written(want["annual_thousands"]), _written(want["actual_thousands"])
        assert actual - plan == _written(want["deviation_thousands"])
        assert (actual / plan * 100).quantize(Decimal("0.1")) == _written(want["percent"])
    result = _import("mukachevo-2019-q1-revenue")
    assert result.report.period == ReportingPeriod.quarter(2019, 1)
    assert [f.code for f in result.findings] == ["IMP302"]
    assert not [f for f in audit(result.report) if f.code.startswith("MR2")]


def test_hadiach_reads_the_period_plan_and_a_revenue_deviation() -> None:
    """Hadiach's revenue table (code, name, annual plan, then the period's plan, actual,
    deviation written as actual − plan, percent): against the period's plan each deviation
    is actual − plan and each percent is actual / plan to one place (checked by hand), so
    the import keeps the period's plan, finds no deviation fault, and the audit warns only
    where the actual exceeds the plan (the first row)."""
    meta = _meta("hadiach-2021-jan-may-revenue")
    over = []
    for k, want in enumerate(meta["expected"]):
        plan, actual = _written(want["annual_thousands"]), _written(want["actual_thousands"])
        assert actual - plan == _written(want["deviation_thousands"])
        assert (actual / plan * 100).quantize(Decimal("0.1")) == _written(want["percent"])
        if actual > plan:
            over.append(f"$.tasks[0].measures[{k}].financing.actual")
    assert over == ["$.tasks[0].measures[0].financing.actual"]
    result = _import("hadiach-2021-jan-may-revenue")
    assert "IMP404" not in [f.code for f in result.findings]
    assert result.report.period == ReportingPeriod.months(2021, 1, 5)
    findings = audit(result.report)
    assert not [f for f in findings if f.code.startswith("MR2")]
    assert [str(f.path) for f in findings if f.code == "MR401"] == over


@pytest.mark.parametrize(
    ("name", "period"),
    [
        ("nvrada-2023-revenue-actual-and-percent", ReportingPeriod.year(2023)),
        ("pryshyb-2023-q3-by-fund", ReportingPeriod.quarter(2023, 3)),
    ],
)
def test_actual_and_percent_layouts_import_without_a_plan(
    name: str, period: ReportingPeriod
) -> None:
    """A table of executed amounts and their percents only (no plan column) imports with no
    plan and no import finding beyond the caption's unit, reads its period from the title,
    and the audit, having no plan to check a percent against, finds nothing."""
    result = _import(name)
    assert result.report.period == period
    assert {f.code for f in result.findings} <= {"IMP302"}
    assert all(m.financing.annual is None for m in result.report.measures())
    assert audit(result.report) == []


def test_nvrada_parts_fit_inside_their_whole() -> None:
    """The four taxes (917 198 + 72 065,3 + 28 373,4 + 34 297 = 1 051 933,7) fit inside own
    revenue (1 089 042,3), which fits inside the general fund (1 326 469,0): the imported
    amounts keep that nesting to the hryvnia."""
    taxes = [Decimal("917198"), Decimal("72065.3"), Decimal("28373.4"), Decimal("34297")]
    assert sum(taxes) == Decimal("1051933.7")
    general, own, *parts = (
        m.financing.actual
        for m in _import("nvrada-2023-revenue-actual-and-percent").report.measures()
    )
    assert general is not None
    assert own is not None
    assert parts == [_thousands(str(t)) for t in taxes]
    assert _thousands("1051933.7") < own < general


def test_pryshyb_funds_add_up_to_the_decisions_totals() -> None:
    """The draft decision's totals are the sums of the two funds, to the kopeck
    (52 225 959,25 + 7 134 402,37 = 59 360 361,62; 41 826 595,95 + 18 318 570,07 =
    60 145 166,02), and the imported amounts give the same sums."""
    meta = _meta("pryshyb-2023-q3-by-fund")
    revenue = _written(meta["totals"]["revenue"])
    expenditure = _written(meta["totals"]["expenditure"])
    assert Decimal("52225959.25") + Decimal("7134402.37") == revenue
    assert Decimal("41826595.95") + Decimal("18318570.07") == expenditure
    found = [m.financing.actual for m in _import("pryshyb-2023-q3-by-fund").report.measures()]
    amounts = [a for a in found if a is not None]
    assert len(amounts) == 4
    assert amounts[0] + amounts[1] == Money(revenue)
    assert amounts[2] + amounts[3] == Money(expenditure)


OPEN_BUDGET = sorted(p.stem for p in TABLES.glob("openbudget-*.tsv"))


def _unit(text: str) -> Fraction:
    """A unit of the last decimal a figure is written with («0.5» → 1/10)."""
    exponent = _written(text).as_tuple().exponent
    assert isinstance(exponent, int)
    return Fraction(1, 10**-exponent)


def _verdict(plan: str, actual: str, percent: str) -> str | None:
    """The audit code a declared percent calls for, by the test's own arithmetic on the
    written figures: None when it is actual / plan rounded half-up, MR205 when only the
    figures' own rounding (half a unit of their last decimal) reaches it, MR206 when it is
    the exact value cut after its decimals, MR201 otherwise; MR203 against a plan of zero."""
    p, a, d = (Fraction(_written(x)) for x in (plan, actual, percent))
    if p == 0:
        return "MR203"
    unit = _unit(percent)
    exact = a / p * 100
    if math.floor(exact / unit + Fraction(1, 2)) * unit == d:
        return None
    half_p, half_a = _unit(plan) / 2, _unit(actual) / 2
    low = max(a - half_a, Fraction(0)) / (p + half_p) * 100
    high = (a + half_a) / (p - half_p) * 100 if p > half_p else None
    if low <= d + unit / 2 and (high is None or d - unit / 2 <= high):
        return "MR205"
    if math.floor(exact / unit) * unit == d:
        return "MR206"
    return "MR201"


@pytest.mark.parametrize("name", OPEN_BUDGET)
def test_open_budget_percents_get_the_verdicts_their_figures_call_for(name: str) -> None:
    """The open-budget portal's programs (four budgets): each row's percent and the
    «РАЗОМ» row's get from the audit exactly the verdict the written figures call for by the
    test's own arithmetic — truncated (MR206) where the page writes hryvnias to the kopeck,
    within the band of the rounded millions (MR205) where it writes millions."""
    meta = _meta(name)
    result = _import(name)
    findings = audit(result.report)
    rows = (TABLES / f"{name}.tsv").read_text(encoding="utf-8").splitlines()
    body = [line.split("\t") for line in rows if line.split("\t")[0][:1].isdigit()]
    assert len(body) == len(meta["expected"])
    for k, cells in enumerate(body):
        want = _verdict(cells[3], cells[5], cells[6])
        path = f"$.tasks[{k}].measures[0].declared_percent"
        got = [f.code for f in findings if str(f.path) == path and f.code.startswith("MR2")]
        assert got == ([want] if want else []), (cells[0], got, want)
    total = next(line.split("\t") for line in rows if line.startswith("РАЗОМ"))
    want = _verdict(total[3], total[5], total[6])
    got = [f.code for f in findings if str(f.path) == "$.total_percent"]
    assert got == ([want.replace("MR201", "MR202")] if want else [])


@pytest.mark.parametrize("name", OPEN_BUDGET)
def test_open_budget_total_heads_the_table_and_sums_more_than_the_excerpt(name: str) -> None:
    """The «РАЗОМ» row comes first and sums every program of the budget: it is read as
    the total, and the excerpt's rows fall short of it (checked by hand), which the audit
    reports as MR101 on both amounts."""
    meta = _meta(name)
    report = _import(name).report
    assert report.total is not None
    assert report.total.annual == _thousands(meta["total"]["annual_thousands"])
    assert report.total.actual == _thousands(meta["total"]["actual_thousands"])
    assert report.total_percent == Percent(_written(meta["total"]["percent"]))
    plans = sum(_written(w["annual_thousands"]) for w in meta["expected"])
    assert plans < _written(meta["total"]["annual_thousands"])
    codes = [(f.code, str(f.path)) for f in audit(report) if f.code == "MR101"]
    assert codes == [("MR101", "$.total.annual"), ("MR101", "$.total.actual")]


def test_open_budget_hryvnia_page_truncates_every_percent_it_does_not_round() -> None:
    """2051700000 writes hryvnias to the kopeck: 1 440 959 609,51 / 1 706 366 564,00 is
    84,446…%, written 84.44; of its six rows, five are truncations that no rounding gives
    and one (94.49) is both."""
    exact = Decimal("1440959609.51") / Decimal("1706366564.00") * 100
    assert exact.quantize(Decimal("0.01"), ROUND_DOWN) == Decimal("84.44")
    assert exact.quantize(Decimal("0.01"), ROUND_HALF_UP) == Decimal("84.45")
    report = _import("openbudget-2051700000-expenses-by-program").report
    codes = [f.code for f in audit(report) if f.code.startswith("MR2")]
    assert codes.count("MR206") == 6  # five rows and the «РАЗОМ» row
    assert report.columns.actual == MoneyFormat(MoneyUnit.HRYVNIA, 2)


@pytest.mark.parametrize(
    ("name", "number_format"),
    [
        ("openbudget-2051700000-expenses-by-program", "#,##0.00"),
        ("openbudget-1654500000-expenses-by-program", "0.0"),
    ],
)
def test_open_budget_layout_as_xlsx_imports_to_the_same_report(
    name: str, number_format: str, tmp_path: Path
) -> None:
    """The same layout saved as an .xlsx workbook (built here with openpyxl: the title and
    caption lines, the header, then number cells holding floats such as 1706366564.0 shown
    with two or one decimals) imports to the report the pasted text gives, to the kopeck."""
    openpyxl = pytest.importorskip("openpyxl")
    lines = (TABLES / f"{name}.tsv").read_text(encoding="utf-8").splitlines()
    book = openpyxl.Workbook()
    sheet = book.active
    for r, line in enumerate(lines, start=1):
        for c, text in enumerate(line.split("\t"), start=1):
            if not text:
                continue
            cell = sheet.cell(r, c)
            if c >= 4 and r > 4:  # the figures: numbers, as a spreadsheet holds them
                cell.value = float(text.replace(" ", ""))
                cell.number_format = "0.00" if c == 7 else number_format
            else:
                cell.value = text
    path = tmp_path / f"{name}.xlsx"
    book.save(path)
    meta = _meta(name)
    period = parse_period(meta["pass_period"])
    (from_xlsx,) = import_file(path, period=period)
    assert from_xlsx.report == _import(name).report


def test_kharkiv_oblast_program_table_reads_through_its_merged_cells() -> None:
    """Kharkiv oblast's environment program for 2023: 1 062,097 of 2 216,0 тис. грн is
    47,93 % (written 47,9, one decimal), the deviation −1 153,903 is actual − plan (checked
    by hand). Rows whose first cell spans two columns are aligned to the right (an IMP202
    for the row and for the total), the hyphenated header words are read, the year comes
    from «у 2023 році», the deviation is checked without a finding, and the audit finds no
    fault in the totals, the percents or the plan."""
    want = _meta("kharkiv-oblast-2023-environment-program")["expected"][0]
    plan, actual = _written(want["annual_thousands"]), _written(want["actual_thousands"])
    assert actual - plan == _written(want["deviation_thousands"])
    assert (actual / plan * 100).quantize(Decimal("0.1")) == _written(want["percent"])
    result = _import("kharkiv-oblast-2023-environment-program")
    assert result.report.period == ReportingPeriod.year(2023)
    misaligned = [f for f in result.findings if f.code == "IMP202"]
    assert [f.path for f in misaligned] == ["$.tasks[0].measures[0]", "$.total"]
    assert all("aligned to the right" in f.reading for f in misaligned)
    assert "IMP404" not in [f.code for f in result.findings]
    (measure,) = result.report.measures()
    assert measure.executors == (
        "Департамент захисту довкілля та природокористування Харківської обласної державної "
        "(військової) адміністрації",
    )
    assert result.report.total == Financing(
        annual=_thousands(want["annual_thousands"]), actual=_thousands(want["actual_thousands"])
    )
    codes = {f.code for f in audit(result.report)}
    assert not {c for c in codes if c[:3] in ("MR1", "MR2", "MR4")}


def test_kharkiv_oblast_layout_as_docx_with_merged_cells(tmp_path: Path) -> None:
    """The same table as a Word document built here with python-docx, the first cell of
    each body row merged across «№ з/п» and the name (gridSpan), imports to the report the
    pasted text gives: the merged text is the direction's name, not a number."""
    docx = pytest.importorskip("docx")
    name = "kharkiv-oblast-2023-environment-program"
    lines = (TABLES / f"{name}.tsv").read_text(encoding="utf-8").splitlines()
    title, table = lines[:3], [line.split("\t") for line in lines[3:]]
    document = docx.Document()
    for line in title:
        document.add_paragraph(line)
    grid = document.add_table(rows=len(table), cols=10)
    for r, cells in enumerate(table):
        if len(cells) == 10:
            for c, text in enumerate(cells):
                grid.cell(r, c).text = text
            continue
        grid.cell(r, 0).merge(grid.cell(r, 1)).text = cells[0]
        for c, text in enumerate(cells[1:], start=2):
            grid.cell(r, c).text = text
    path = tmp_path / f"{name}.docx"
    document.save(path)
    (from_docx,) = import_file(path)
    assert from_docx.report == _import(name).report
    assert "IMP202" not in [f.code for f in from_docx.findings]  # the merge is explicit


def test_demydivka_quarter_keeps_the_quarters_plan_and_audits_clean() -> None:
    """Demydivka's first quarter (one header row, the year's plan then the quarter's): each
    quarter's percent is actual / quarter's plan to one place, each deviation actual − plan,
    each year's percent actual / year's plan (checked by hand; 9 189 449 of 5 497 300 is
    167,2 %, of 32 922 400 only 27,9 %), and 11000000 is the sum of its two taxes. The
    import keeps the quarter's plan, reads the quarter from «I квартал», finds no deviation
    fault, and the audit finds no percentage fault, warning only where the actual exceeds
    the quarter's plan."""
    meta = _meta("demydivka-2022-q1-revenue")
    over = []
    for k, want in enumerate(meta["expected"]):
        year, plan = _written(want["year_plan_thousands"]), _written(want["annual_thousands"])
        actual = _written(want["actual_thousands"])
        assert actual - plan == _written(want["deviation_thousands"])
        assert (actual / plan * 100).quantize(Decimal("0.1")) == _written(want["percent"])
        assert (actual / year * 100).quantize(Decimal("0.1")) == _written(want["year_percent"])
        if actual > plan:
            over.append(f"$.tasks[{k}].measures[0].financing.actual")
    assert over == [f"$.tasks[{k}].measures[0].financing.actual" for k in (0, 1)]
    group, *taxes = meta["expected"][:3]
    for key in ("year_plan_thousands", "annual_thousands", "actual_thousands"):
        assert sum(_written(t[key]) for t in taxes) == _written(group[key])
    result = _import("demydivka-2022-q1-revenue")
    assert result.report.period == ReportingPeriod.quarter(2022, 1)
    assert "IMP404" not in [f.code for f in result.findings]
    first = result.report.measures()[0]
    assert first.financing.annual == Money(Decimal("5497300"))  # not the year's 32 922 400
    findings = audit(result.report)
    assert not [f for f in findings if f.code.startswith("MR2")]
    assert sorted(str(f.path) for f in findings if f.code == "MR401") == over


def test_demydivka_layout_as_xlsx_imports_to_the_same_report(tmp_path: Path) -> None:
    """The same quarter's table as a workbook built here with openpyxl (whole hryvnias as
    integers shown «#,##0», the quarter's percent as 167.2 shown «0.0», the year's percent
    as 0.279 shown «0.0%») imports to the report the pasted text gives, with the quarter's
    plan kept."""
    openpyxl = pytest.importorskip("openpyxl")
    name = "demydivka-2022-q1-revenue"
    lines = (TABLES / f"{name}.tsv").read_text(encoding="utf-8").splitlines()
    book = openpyxl.Workbook()
    sheet = book.active
    for r, line in enumerate(lines, start=1):
        for c, text in enumerate(line.split("\t"), start=1):
            cell = sheet.cell(r, c)
            if r <= 2 or c < 3:  # the title, the header, the codes and the names
                cell.value = text
            elif text.endswith("%"):
                cell.value = float(_written(text[:-1]) / 100)
                cell.number_format = "0.0%"
            elif c == 6:
                cell.value = float(_written(text))
                cell.number_format = "0.0"
            else:
                cell.value = int(_written(text))
                cell.number_format = "#,##0"
    path = tmp_path / f"{name}.xlsx"
    book.save(path)
    (from_xlsx,) = import_file(path)
    assert from_xlsx.report == _import(name).report
    assert from_xlsx.report.measures()[0].financing.annual == Money(Decimal("5497300"))


def test_kotelva_names_its_rows_by_the_fund_column_and_sums_to_its_total() -> None:
    """Kotelva as of 1 December 2021: the seven taxes add up to «Разом» in each of the
    year's plan, the eleven months' plan and the actual (107 929,7; 97 857,0; 98 227,1),
    each percent is actual / eleven months' plan to one place and each deviation actual −
    plan (checked by hand). The rows are named from the column headed «Загальний фонд», the
    eleven months' plan is kept, the period runs January to November, and the audit finds
    no fault in the totals or the percents, warning only where the actual exceeds the plan."""
    meta = _meta("kotelva-2021-11-months-revenue")
    rows, total = meta["expected"], meta["total"]
    for key in ("year_plan_thousands", "annual_thousands", "actual_thousands"):
        assert sum(_written(w[key]) for w in rows) == _written(total[key])
    over = []
    for k, want in enumerate([*rows, total]):
        plan, actual = _written(want["annual_thousands"]), _written(want["actual_thousands"])
        assert actual - plan == _written(want["deviation_thousands"])
        assert (actual / plan * 100).quantize(Decimal("0.1")) == _written(want["percent"])
        if actual > plan and k < len(rows):
            over.append(f"$.tasks[{k}].measures[0].financing.actual")
    assert len(over) == 6  # all but the subsoil rent
    result = _import("kotelva-2021-11-months-revenue")
    assert result.report.period == ReportingPeriod.months(2021, 1, 11)
    assert "IMP403" not in [f.code for f in result.findings]  # the rows have their names
    assert "IMP404" not in [f.code for f in result.findings]
    assert result.report.total == Financing(
        annual=_thousands(total["annual_thousands"]), actual=_thousands(total["actual_thousands"])
    )
    assert result.report.total_percent == Percent(_written(total["percent"]))
    findings = audit(result.report)
    assert not [f for f in findings if f.code[:3] in ("MR1", "MR2")]
    assert sorted(str(f.path) for f in findings if f.code == "MR401") == over
