"""A «Всього» row written with other decimals or in another unit than its rows keeps how it
was written (``total_columns``), so the audit bands the total by its own rounding step."""

from __future__ import annotations

from decimal import Decimal

import pytest

from municipal_reports import Money, MoneyFormat, MoneyUnit, audit, import_table

TITLE = "Звіт про виконання програми «Програма» за 2022 рік\n"
HEAD = "№ з/п\tЗміст заходів\tРічний обсяг, {unit}\tФактично профінансовано, {unit}\n"


def _table(unit: str, rows: list[tuple[str, str]], total: tuple[str, str]) -> str:
    body = "".join(
        f"{k}\tЗахід {k}\t{plan}\t{actual}\n" for k, (plan, actual) in enumerate(rows, 1)
    )
    return TITLE + HEAD.format(unit=unit) + body + f"\tВсього\t{total[0]}\t{total[1]}\n"


def _totals(text: str) -> list[str]:
    """The audit's total findings (MR101 wrong, MR102 a rounding difference)."""
    report = import_table(text).report
    return [f.code for f in audit(report, select=["MR1"])]


def test_total_written_like_its_rows_sets_no_total_columns() -> None:
    """Rows and «Всього» both in тис. грн to one decimal: ``total_columns`` stays ``None``."""
    text = _table("тис. грн", [("100,0", "50,0"), ("200,0", "70,0")], ("300,0", "120,0"))
    report = import_table(text).report
    assert report.columns.actual == MoneyFormat(MoneyUnit.THOUSAND, 1)
    assert report.total_columns is None


def test_total_in_thousands_over_rows_in_hryvnias_keeps_its_unit_and_step() -> None:
    """Rows in грн to the kopeck under a «Всього» of «14,3 тис.»: the total is kept as
    тис. грн to one decimal (a step of 100 грн, so ±50 грн), the rows as грн to the kopeck."""
    text = _table("грн", [("12 349,99", "1,00"), ("2 000,00", "1,00")], ("14,3 тис.", "2,00"))
    report = import_table(text).report
    assert report.columns.annual == MoneyFormat(MoneyUnit.HRYVNIA, 2)
    assert report.total_columns is not None
    assert report.total_columns.annual == MoneyFormat(MoneyUnit.THOUSAND, 1)
    assert report.total_columns.actual == MoneyFormat(MoneyUnit.HRYVNIA, 2)
    assert report.total is not None
    assert report.total.annual == Money(Decimal("14.3") * 1000)


@pytest.mark.parametrize(
    ("first", "verdict"),
    [
        # 12 349,99 + 2 000,00 = 14 349,99: 49,99 грн over 14 300, inside ±50 грн.
        ("12 349,99", ["MR102"]),
        # 12 350,00 + 2 000,00 = 14 350,00: exactly at the edge, still a rounding difference.
        ("12 350,00", ["MR102"]),
        # 12 350,01 + 2 000,00 = 14 350,01: one kopeck beyond the edge, a wrong total.
        ("12 350,01", ["MR101"]),
        # 12 300,00 + 2 000,00 = 14 300,00: equal.
        ("12 300,00", []),
    ],
)
def test_hryvnia_rows_against_a_thousands_total_band_at_its_half_step(
    first: str, verdict: list[str]
) -> None:
    """The band of exact rows under a «14,3 тис.» total is the total's half-step, 50 грн:
    inside (and at) the edge a rounding note, one kopeck outside an error."""
    text = _table("грн", [(first, "1,00"), ("2 000,00", "1,00")], ("14,3 тис.", "2,00"))
    assert _totals(text) == verdict


@pytest.mark.parametrize(
    ("total", "verdict", "band"),
    [
        # Rows 100 + 200 to the thousand (±500 грн each) and a total to 10 грн (±5 грн):
        # the band is 1 005 грн.
        ("301,00", ["MR102"], True),  # 1 000 грн over: inside
        ("301,01", ["MR101"], False),  # 1 010 грн over: outside
        ("299,00", ["MR102"], True),  # 1 000 грн under: inside
        ("300,00", [], True),
    ],
)
def test_total_with_more_decimals_than_its_rows(total: str, verdict: list[str], band: bool) -> None:
    """Rows in тис. грн with no decimals under a «Всього» to two decimals: the total is kept
    as written (тис. грн, 2 decimals), so the band is 2 × 500 + 5 = 1 005 грн, not the
    3 × 500 = 1 500 грн of a total read like its rows."""
    over = abs(Decimal(total.replace(",", ".")) - 300) * 1000
    assert (over <= 2 * 500 + 5) is band
    text = _table("тис. грн", [("100", "100"), ("200", "200")], (total, "300"))
    report = import_table(text).report
    assert report.columns.annual == MoneyFormat(MoneyUnit.THOUSAND, 0)
    assert report.total_columns is not None
    assert report.total_columns.annual == MoneyFormat(MoneyUnit.THOUSAND, 2)
    assert report.total_columns.actual == MoneyFormat(MoneyUnit.THOUSAND, 0)
    assert _totals(text) == verdict
