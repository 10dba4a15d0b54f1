"""Habits of Word tables met in an oblast council's report: header words broken by Word's
hyphenation, a year's plan «передбачені Програмою», a deviation headed «(+, -)» with its
sign apart, a first cell spanning two columns, and a period «у 2023 році»."""

from __future__ import annotations

import pytest

from municipal_reports import Money, ReportingPeriod, import_table
from municipal_reports.parse.table.header import Role, role_of

TITLE = "Інформація про виконання Програми «Довкілля» у 2023 році\n"
HEAD = (
    "№ з/п\tЗаходи\tВиконавець\tОбсяги фінансу-вання на 2023 рік, передбачені Програмою "
    "(тис. грн)\tПрофінан-совано (тис. грн)\t% використання\t(+, -) (тис. грн)\n"
)


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Профінан-совано за 2023 рік (тис. грн)", Role.ACTUAL),
        ("Викорис-тано коштів з початку року", Role.ACTUAL),
        ("Обсяги фінансу-вання на 2023 рік, передбачені Програмою", Role.PLAN),
        ("Обсяг фінансування, передбачений програмою", Role.INDICATIVE),
        ("Орієнтовний обсяг фінансування на 2023 рік", Role.INDICATIVE),
        ("Фактично профінансовано відповідно до програми", Role.ACTUAL),
        ("(+, -) (тис. грн)", Role.DEVIATION),
        ("(+/-)", Role.DEVIATION),
        ("Інформаційно-аналітичне забезпечення", Role.NOTE),
    ],
)
def test_header_words_by_meaning(label: str, role: Role) -> None:
    """A hyphen Word put inside a word does not hide it; «на 2023 рік» is one year's plan
    unless the label says «орієнтовний»; a plan «передбачений програмою» without a year is
    the program's indicative amount; «(+, -)» is a deviation."""
    assert role_of(label) is role


def _table(*rows: str) -> str:
    return TITLE + HEAD + "".join(r + "\n" for r in rows)


def test_row_with_a_merged_first_cell_is_aligned_right() -> None:
    """Six cells under seven headers whose figures land under the figure headers only when
    aligned to the right: the name goes to the name column, the figures to theirs, and the
    finding names the measure the row became."""
    result = import_table(_table("Захід А\tДепартамент\t200,0\t50,0\t25,0\t- 150,0"))
    (measure,) = result.report.measures()
    assert measure.content == "Захід А"
    assert (measure.financing.annual, measure.financing.actual) == (
        Money("200000.00"),
        Money("50000.00"),
    )
    (finding,) = [f for f in result.findings if f.code == "IMP202"]
    assert "aligned to the right" in finding.reading
    assert finding.path == "$.tasks[0].measures[0]"
    assert result.report.period == ReportingPeriod.year(2023)


def test_short_row_whose_figures_fit_on_the_left_stays_left() -> None:
    """A row missing only its last cell (the deviation) keeps its cells where they are."""
    result = import_table(_table("1\tЗахід А\tДепартамент\t200,0\t50,0\t25,0"))
    (measure,) = result.report.measures()
    assert measure.content == "Захід А"
    assert measure.financing.actual == Money("50000.00")
    (finding,) = [f for f in result.findings if f.code == "IMP202"]
    assert "padded" in finding.reading


@pytest.mark.parametrize(("deviation", "found"), [("- 150,0", False), ("- 140,0", True)])
def test_deviation_with_its_sign_apart_is_checked(deviation: str, found: bool) -> None:
    """«- 150,0» is 50,0 − 200,0 (actual − plan): no finding; «- 140,0» is off by 10 and
    reported (IMP404)."""
    result = import_table(_table(f"1\tЗахід А\tДепартамент\t200,0\t50,0\t25,0\t{deviation}"))
    assert ("IMP404" in [f.code for f in result.findings]) is found
