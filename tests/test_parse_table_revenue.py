"""Revenue tables as councils lay them out: the period's plan inside the «Виконання з
початку року» group beside an annual plan outside it, and a deviation written as
actual − plan («(+/-)»)."""

from __future__ import annotations

from decimal import Decimal

from municipal_reports import Money
from municipal_reports.parse import SourceRow, import_table
from municipal_reports.parse.table.header import read_layout

TITLE = "Виконання плану по доходах бюджету громади за січень-травень 2021 року"
DEVIATION = "(+/-) відхилення до уточненого плану"


def _table(deviations: list[str], plans: list[str], actuals: list[str]) -> str:
    rows = [
        TITLE,
        "грн",
        "Найменування\tПлан\tФактично надійшло\t" + DEVIATION,
    ]
    for k, (plan, actual, dev) in enumerate(zip(plans, actuals, deviations, strict=True)):
        rows.append(f"Податок {k + 1}\t{plan}\t{actual}\t{dev}")
    return "\n".join(rows) + "\n"


def test_plan_inside_the_actuals_group_is_kept() -> None:
    """An annual plan outside the «Виконання з початку року» group and the period's plan
    inside it: the model keeps the period's plan (column 3), the one the group's deviation
    and percent are written against, and reports the annual one."""
    top = SourceRow(1, ("Код", "Найменування", "Уточнений річний план", "Виконання з початку року"))
    below = SourceRow(
        2,
        (
            "",
            "",
            "",
            "Уточнений план на період",
            "Фактично надійшло",
            DEVIATION,
            "% виконання до уточненого плану",
        ),
    )
    layout = read_layout([top, below])
    assert layout.money == {"annual": 3, "actual": 4}
    assert layout.deviation == 5
    assert layout.percent == 6
    assert 2 in [c.index for c in layout.unkept]


def _one_row(*labels: str) -> dict[str, int]:
    return read_layout([SourceRow(1, ("Найменування", *labels))]).money


def test_plan_for_part_of_the_year_in_one_header_row_is_kept() -> None:
    """One header row (Demydivka's «План на рік», «План на січень-березень», «Фактично
    надійшло за січень-березень»): the plan named for a part of the year, between the
    year's plan and the actual, is the one the percent beside the actual is written
    against, so it is kept (column 2) and the year's plan reported."""
    for period_plan in ("План на січень-березень", "Уточнений план на період", "План на І квартал"):
        money = _one_row("План на рік", period_plan, "Фактично надійшло", "% виконання")
        assert money == {"annual": 2, "actual": 3}, period_plan


def test_second_plan_naming_no_part_of_the_year_keeps_the_first() -> None:
    """Two plans that both stand for the year («Затверджено на рік», «Уточнений план») or a
    plan for a part of the year after the actual: the first plan is kept as before."""
    assert _one_row("Затверджено на рік", "Уточнений план", "Виконано", "%") == {
        "annual": 1,
        "actual": 3,
    }
    assert _one_row("План на рік", "Виконано", "План на січень-березень", "%") == {
        "annual": 1,
        "actual": 2,
    }


def test_deviation_written_actual_minus_plan_is_accepted() -> None:
    """249,28 = 1 249,28 − 1 000,00 and −50,00 = 450,00 − 500,00: a column written as
    actual − plan throughout gives no deviation finding, and the figures import as written."""
    plans, actuals = ["1 000,00", "500,00"], ["1 249,28", "450,00"]
    assert Decimal("1249.28") - Decimal("1000.00") == Decimal("249.28")
    assert Decimal("450.00") - Decimal("500.00") == Decimal("-50.00")
    result = import_table(_table(["249,28", "-50,00"], plans, actuals))
    assert "IMP404" not in [f.code for f in result.findings]
    first, second = result.report.measures()
    assert first.financing.actual == Money(Decimal("1249.28"))
    assert second.financing.annual == Money(Decimal("500.00"))


def test_deviation_against_the_columns_own_sign_is_reported() -> None:
    """The first row settles actual − plan (249,28); the second writes 50,00 where
    actual − plan is −50,00 (450 − 500): one finding, on the second row, naming the
    direction the column was read in."""
    plans, actuals = ["1 000,00", "500,00"], ["1 249,28", "450,00"]
    result = import_table(_table(["249,28", "50,00"], plans, actuals))
    (wrong,) = [f for f in result.findings if f.code == "IMP404"]
    assert wrong.path == "$.tasks[1].measures[0].financing"
    assert "actual − plan is -50.00" in wrong.reason


def test_equal_plan_and_actual_do_not_settle_the_sign() -> None:
    """A first row with plan = actual (deviation 0) leaves the sign open; the second row's
    50,00 = 500,00 − 450,00 is plan − actual, so no finding."""
    plans, actuals = ["300,00", "500,00"], ["300,00", "450,00"]
    assert Decimal("500.00") - Decimal("450.00") == Decimal("50.00")
    result = import_table(_table(["0,00", "50,00"], plans, actuals))
    assert "IMP404" not in [f.code for f in result.findings]


def test_plan_minus_actual_column_still_catches_a_wrong_row() -> None:
    """The passport's way (plan − actual, 50,00 = 500,00 − 450,00) still settles the sign,
    and a second row written 100,00 where plan − actual is 200,00 is reported."""
    plans, actuals = ["500,00", "1 000,00"], ["450,00", "800,00"]
    result = import_table(_table(["50,00", "100,00"], plans, actuals))
    (wrong,) = [f for f in result.findings if f.code == "IMP404"]
    assert "plan − actual is 200.00" in wrong.reason


def test_first_column_headed_by_a_fund_names_the_rows() -> None:
    """Kotelva's «Загальний фонд» over the taxes' names is the rows' name column; the same
    words elsewhere (a later column) or beside a column that already names the rows leave
    the roles as they were."""
    plan_actual = ("План на рік", "Виконано", "% виконання")
    layout = read_layout([SourceRow(1, ("Загальний фонд", *plan_actual))])
    assert layout.task == 0
    layout = read_layout([SourceRow(1, ("Показник", "Загальний фонд", *plan_actual))])
    assert layout.task == 0
    assert 1 not in (layout.task, layout.content)
    layout = read_layout([SourceRow(1, ("Найменування", *plan_actual, "Загальний фонд"))])
    assert layout.task == 0
    assert 4 not in (layout.task, layout.content)
