"""Findings a person can read: numbers as the document writes them, places in its terms."""

from __future__ import annotations

import attrs

from municipal_reports import (
    Council,
    DeputyFundAllocation,
    Figure,
    Financing,
    FundItem,
    Measure,
    Money,
    MoneyFormat,
    MoneyUnit,
    Percent,
    Program,
    ProgramReport,
    Qualifier,
    Quantity,
    Report,
    ReportingPeriod,
    ReportMeta,
    Section,
    Task,
    audit,
    default_rules,
)
from municipal_reports.audit import Finding, Severity, in_document_order, locate
from municipal_reports.bulk import FINDING_COLUMNS, finding_rows, findings_table
from municipal_reports.domain.program import ColumnFormats
from municipal_reports.i18n import translate

NB = "\u00a0"
THOUSANDS = MoneyFormat(MoneyUnit.THOUSAND, 1)


def _measure(annual: str, actual: str, declared: str | None = None) -> Measure:
    percent = Percent(declared) if declared is not None else None
    return Measure("захід", Financing(annual=Money(annual), actual=Money(actual)), percent)


def _table(tasks: int, columns: ColumnFormats | None = None) -> ProgramReport:
    return ProgramReport(
        Program("Програма"),
        ReportingPeriod.year(2022),
        tuple(Task(f"завдання {i}", (_measure("100000", "80000", "80"),)) for i in range(tasks)),
        columns=columns or ColumnFormats(),
    )


def _report(*facts: object) -> Report:
    meta = ReportMeta("Звіт", Council("Житомирська міська рада"), ReportingPeriod.year(2022))
    return Report(meta, tuple(Section(f"Розділ {i}", (), (f,)) for i, f in enumerate(facts)))  # type: ignore[arg-type]


def test_money_in_a_message_is_written_as_the_document_writes_it() -> None:
    """An amount reads «2 080 000,00 грн» in Ukrainian and "2,080,000.00 UAH" in English."""
    f = Finding(
        "MR101", "total-mismatch", Severity.ERROR, "$.fund_total",
        Money("2080000"), Money("2080000.01"), "the parts sum to {expected}, but the total says {found}",
    )  # fmt: skip
    assert f"2{NB}080{NB}000,00{NB}грн" in f.message("uk")
    assert f"2{NB}080{NB}000,01{NB}грн" in f.message("uk")
    assert f.message("en") == (
        f"the parts sum to 2,080,000.00{NB}UAH, but the total says 2,080,000.01{NB}UAH"
    )


def test_money_in_a_thousands_column_keeps_the_columns_unit_and_decimals() -> None:
    """With the column's format an amount reads «2 080,0 тис. грн» (2 080 000 / 1000)."""
    f = Finding(
        "MR101", "total-mismatch", Severity.ERROR, "$", Money("2080000"), None, "{expected}"
    )
    assert f.message("uk", written=THOUSANDS) == f"2{NB}080,0{NB}тис.{NB}грн"
    assert f.message("en", written=THOUSANDS) == f"2,080.0{NB}thousand{NB}UAH"


def test_percent_and_qualified_counts_are_in_the_messages_language() -> None:
    """A percent keeps its decimals with a decimal comma; «близько 9 000» / "about 9,000"."""
    (f,) = audit(Figure("учасники", (12527, Quantity(9000, Qualifier.ABOUT))))
    assert f"близько 9{NB}000" in f.message("uk")
    assert f"12{NB}527" in f.message("uk")
    assert "about 9,000" in f.message("en")
    g = Finding(
        "MR201",
        "percent-mismatch",
        Severity.ERROR,
        "$",
        Percent("24.69"),
        Percent("100"),
        "{expected} {found}",
    )
    assert g.message("uk") == "24,69% 100%"
    assert g.message("en") == "24.69% 100%"


def test_a_measure_cell_is_named_by_table_task_measure_and_column() -> None:
    """A path into the second table names «таблиця 2, завдання 3, захід 1, графа 9»."""
    report = _report(_table(1), _table(3))
    path = "$.sections[1].facts[0].tasks[2].measures[0].declared_percent"
    place = locate(report, path)
    assert place.describe("uk") == "таблиця 2, завдання 3, захід 1, графа 9"
    assert place.describe("en") == "table 2, task 3, measure 1, column 9"


def test_the_columns_of_the_financing_are_six_seven_and_eight() -> None:
    """Indicative, annual and actual are the form's columns 6, 7 and 8; total is its own row."""
    table = _table(1)
    for field, column in (("indicative", 6), ("annual", 7), ("actual", 8)):
        place = locate(table, f"$.tasks[0].measures[0].financing.{field}")
        assert place.describe("en").endswith(f"column {column}")
    totalled = attrs.evolve(table, total=Financing(annual=Money("1")))
    assert locate(totalled, "$.total.annual").describe("uk") == "таблиця 1, рядок «Всього», графа 7"


def test_the_place_carries_the_money_format_of_its_column() -> None:
    """A place in a «тис. грн» column knows that column's unit and decimals."""
    table = _table(1, ColumnFormats(annual=THOUSANDS))
    assert locate(table, "$.tasks[0].measures[0].financing.annual").written == THOUSANDS
    assert locate(table, "$.tasks[0].measures[0].financing.actual").written == MoneyFormat()
    assert locate(table, "$.tasks[0].measures[0].declared_percent").written is None


def test_a_fact_is_named_by_its_section_and_its_item() -> None:
    """A deputy fund's total reads «розділ «…», Обсяг коштів»; its second item by purpose."""
    fund = DeputyFundAllocation(
        Money("400000"), (FundItem(Money("1"), "ремонт"), FundItem(Money("2"), "техніка"))
    )
    report = _report(_table(1), fund)
    assert locate(report, "$.sections[1].facts[0].fund_total").describe("uk") == (
        "розділ «Розділ 1», Обсяг коштів"
    )
    assert locate(report, "$.sections[1].facts[0].items[1].amount").describe("en") == (
        "section «Розділ 1», «техніка», Amount"
    )


def test_a_path_outside_the_document_keeps_what_was_read() -> None:
    """Keys that lead nowhere end the reading; an unreadable path describes itself."""
    assert locate(_table(1), "$.tasks[7].measures[0]").describe("en") == "table 1"
    assert locate(object(), "$.x").describe("uk") == "$.x"


def test_findings_are_listed_in_document_order() -> None:
    """Findings given in any order come back as the document reads: table 1 before table 2."""
    wrong = ProgramReport(
        Program("Програма"),
        ReportingPeriod.year(2022),
        (Task("т", (_measure("100", "50", "100"),)),),
    )
    report = _report(wrong, wrong)
    findings = audit(report, select=["MR201"])
    assert [f.path for f in findings] == [
        "$.sections[0].facts[0].tasks[0].measures[0].declared_percent",
        "$.sections[1].facts[0].tasks[0].measures[0].declared_percent",
    ]
    assert in_document_order(list(reversed(findings)), report) == findings


def test_every_rule_has_a_ukrainian_name() -> None:
    """The catalogue gives each built-in rule a Ukrainian name, distinct from its English one."""
    for name in [r.name for r in default_rules()] + ["rule-failed"]:  # MR000 too
        assert translate(name, "uk") != name, name
        assert translate(name, "en") == name


def test_findings_table_has_one_row_a_finding_with_every_column() -> None:
    """findings_table gives a pyarrow table with the columns and the rows of finding_rows."""
    wrong = ProgramReport(
        Program("Програма"),
        ReportingPeriod.year(2022),
        (Task("т", (_measure("100", "50", "100"),)),),
    )
    findings = audit(wrong)
    table = findings_table(findings, wrong, locale="uk")
    assert tuple(table.column_names) == FINDING_COLUMNS
    assert table.num_rows == len(findings)
    rows = finding_rows(findings, wrong, locale="uk")
    assert table.to_pylist() == rows
    first = next(r for r in rows if r["code"] == "MR201")
    assert first["place"] == "таблиця 1, завдання 1, захід 1, графа 9"
    assert first["found"] == "100"
    assert first["title"] == translate("percent-mismatch", "uk")
