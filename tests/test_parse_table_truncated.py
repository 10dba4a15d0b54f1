"""Open-budget pages truncate percents (84,446 → 84,44): the importer keeps the written
digits, the PDF-text reader accepts a truncated percent only where no rounded reading
holds, and the audit gives the documented verdict (tests/real/README.md: band before
truncated, truncated before wrong)."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from municipal_reports import Percent, audit, import_table
from municipal_reports.parse import import_tables

KRYVYI_RIH = Path(__file__).parent / "real" / "tables" / "kryvyi-rih-openbudget-2020-h1-culture.txt"


def _pdf_text(row: str, percent: str) -> str:
    """Kryvyi Rih's open-budget page as pasted, with one row's percent rewritten."""
    text = KRYVYI_RIH.read_text(encoding="utf-8")
    old = {"2": "14 473,0 42,23", "5": "59,1 1,75"}[row]
    assert old in text
    return text.replace(old, f"{old.rsplit(' ', 1)[0]} {percent}")


def _mr2(text: str) -> list[tuple[str, str]]:
    (result,) = import_tables(text)
    return [(f.code, str(f.path)) for f in audit(result.report) if f.code.startswith("MR2")]


def test_truncated_percent_of_a_pdf_row_is_read_as_written_and_reported() -> None:
    """14 473,0 / 34 274,2 = 42,227…%: rounded 42,23, truncated 42,22, and the figures'
    own rounding (±0,05 тис. each) reaches only 42,2268…42,2275. Written «42,22» the row
    is read (no other reading holds), the percent kept with its two decimals, the reading
    reported, and the audit says truncated (MR206)."""
    exact = Decimal("14473.0") / Decimal("34274.2") * 100
    low = Decimal("14472.95") / Decimal("34274.25") * 100
    high = Decimal("14473.05") / Decimal("34274.15") * 100
    assert exact.quantize(Decimal("0.01"), ROUND_HALF_UP) == Decimal("42.23")
    assert exact.quantize(Decimal("0.01"), ROUND_DOWN) == Decimal("42.22")
    assert low > Decimal("42.225")  # no rounding of the figures reaches 42,22
    assert high < Decimal("42.235")
    text = _pdf_text("2", "42,22")
    (result,) = import_tables(text)
    declared = result.report.measures()[1].declared_percent
    assert declared == Percent("42.22")
    assert declared is not None
    assert declared.decimals == 2
    reasons = [f.reason for f in result.findings if f.code == "IMP205"]
    assert sum("truncated" in r for r in reasons) == 1
    assert _mr2(text) == [("MR206", "$.tasks[1].measures[0].declared_percent")]


def test_truncated_percent_within_the_figures_band_is_a_rounding_note() -> None:
    """59,1 / 3 384,4 = 1,7463…%: «1,74» is its truncation, but 59,05 / 3 384,45 =
    1,7447…% rounds to 1,74 too, so the documented verdict is band (MR205), not MR206."""
    exact = Decimal("59.1") / Decimal("3384.4") * 100
    low = Decimal("59.05") / Decimal("3384.45") * 100
    assert exact.quantize(Decimal("0.01"), ROUND_DOWN) == Decimal("1.74")
    assert low < Decimal("1.745")
    assert _mr2(_pdf_text("5", "1,74")) == [("MR205", "$.tasks[4].measures[0].declared_percent")]


@pytest.mark.parametrize(
    ("percent", "verdict"),
    [
        ("42,23", []),  # rounded: correct
        ("42,22", ["MR206"]),  # truncated
        ("42,21", None),  # neither: no reading holds, the row is refused
    ],
)
def test_pdf_row_percent_rounded_truncated_or_wrong(
    percent: str, verdict: list[str] | None
) -> None:
    """Rounded reads clean, truncated reads with MR206, a percent that is neither leaves
    the row with no reading and is refused with the candidates."""
    from municipal_reports import ParseError

    text = _pdf_text("2", percent)
    if verdict is None:
        with pytest.raises(ParseError, match="no reading"):
            import_tables(text)
        return
    assert [code for code, _ in _mr2(text)] == verdict


def test_tab_table_keeps_a_truncated_percents_digits() -> None:
    """A pasted tab table: 844,46 of 1 000,00 грн is 84,446 %; «84,44» is kept as written
    (not re-rounded to 84,45) and judged truncated (MR206); «84,45» is correct."""
    exact = Decimal("844.46") / Decimal("1000.00") * 100
    assert exact.quantize(Decimal("0.01"), ROUND_DOWN) == Decimal("84.44")
    assert exact.quantize(Decimal("0.01"), ROUND_HALF_UP) == Decimal("84.45")

    def table(percent: str) -> str:
        return (
            "Виконання програми «Програма» за 2023 рік\n"
            "Назва\tПлан на рік з урахуванням змін, грн\tКасові видатки, грн\t% виконання\n"
            f"Захід\t1 000,00\t844,46\t{percent}\n"
        )

    report = import_table(table("84,44")).report
    assert report.measures()[0].declared_percent == Percent("84.44")
    assert [f.code for f in audit(report) if f.code.startswith("MR2")] == ["MR206"]
    clean = import_table(table("84,45")).report
    assert [f.code for f in audit(clean) if f.code.startswith("MR2")] == []
