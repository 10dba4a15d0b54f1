"""The strategies of municipal_reports.testing give valid objects, fast and shrinkable."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import municipal_reports.testing as mt
from municipal_reports import (
    ColumnFormats,
    Measure,
    Money,
    MoneyFormat,
    MoneyUnit,
    Percent,
    ProgramReport,
    Severity,
    YearSpan,
    audit,
    is_correct_rounding,
)
from municipal_reports.domain.text import mixed_script_words
from municipal_reports.testing._declared import least, most

ENTITY_STRATEGIES = {
    "financings": mt.financings(),
    "measures": mt.measures(),
    "tasks": mt.tasks(),
    "programs": mt.programs(),
    "program_reports": mt.program_reports(),
    "sessions": mt.sessions(),
    "council_activities": mt.council_activities(),
    "breakdowns": mt.breakdowns(),
    "money_breakdowns": mt.money_breakdowns(),
    "award_batches": mt.award_batches(),
    "deputy_fund_allocations": mt.deputy_fund_allocations(),
    "participatory_budgets": mt.participatory_budgets(),
    "figures": mt.figures(),
    "listed_items": mt.listed_items(),
    "sections": mt.sections(),
    "reports": mt.reports(max_sections=3, max_measures=5),
    "decisions": mt.decisions(),
    "signatories": mt.signatories(),
    "organizations": mt.organizations(),
}


def _faults(obj: object) -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in audit(obj) if f.severity is not Severity.NOTE]


def test_public_surface_is_sorted_and_complete() -> None:
    """``__all__`` is sorted and names every strategy the brief asks for."""
    assert mt.__all__ == sorted(mt.__all__)
    for name in mt.__all__:
        assert hasattr(mt, name), name
    assert set(ENTITY_STRATEGIES) - {"decisions", "signatories", "organizations"} <= set(mt.__all__)


@pytest.mark.parametrize("name", sorted(ENTITY_STRATEGIES))
def test_every_strategy_gives_objects_without_errors_or_warnings(name: str) -> None:
    """A drawn object audits with no finding of severity error or warning."""

    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(ENTITY_STRATEGIES[name])
    def check(obj: object) -> None:
        assert _faults(obj) == []

    check()


@given(mt.program_reports(columns=mt.column_formats()))
def test_program_report_total_is_the_sum_of_its_measures(report: ProgramReport) -> None:
    """The «Всього» row is derived: each column is exactly the sum of the measures'."""
    assert report.total is not None
    for column in ("indicative", "annual", "actual"):
        parts = [getattr(m.financing, column) for m in report.measures()]
        assert getattr(report.total, column) == sum(parts, Money(0))


@given(mt.program_reports())
def test_rounded_columns_hold_figures_the_column_can_show(report: ProgramReport) -> None:
    """Every amount is a multiple of its column's step (100 грн for «тис. грн», 1 decimal)."""
    for m in report.measures():
        for column in ("indicative", "annual", "actual"):
            step = getattr(report.columns, column).step
            assert getattr(m.financing, column).kopecks % step.kopecks == 0


@given(mt.measures())
def test_declared_percent_is_a_correct_rounding(measure: Measure) -> None:
    """A measure's declared percent is a correct rounding of actual over annual plan."""
    fin = measure.financing
    assert fin.actual is not None
    assert fin.annual is not None
    assert fin.indicative is not None
    assert fin.actual <= fin.annual <= fin.indicative
    if measure.declared_percent is not None and fin.annual:
        assert is_correct_rounding(measure.declared_percent, fin.actual, fin.annual)


@given(mt.program_reports())
def test_period_lies_inside_the_program_term(report: ProgramReport) -> None:
    """The reporting period and every measure's term lie inside the program's term."""
    term = report.program.term
    assert term is not None
    assert report.period in term
    for m in report.measures():
        assert m.term is None or term.first <= m.term.first <= m.term.last <= term.last


@given(mt.reports(max_sections=2, max_measures=5))
def test_generated_text_is_in_one_script(report: object) -> None:
    """No generated title, content or paragraph mixes Latin and Cyrillic letters."""
    assert not list(audit(report, select=["MR701"]))


@given(mt.people())
def test_people_sign_as_given_name_and_capitalised_surname(person: object) -> None:
    """The official name reads «Ім'я ПРІЗВИЩЕ»: the surname is in capitals at the end."""
    name = person.official_name  # type: ignore[attr-defined]
    surname = name.split()[-1]
    assert surname == surname.upper()
    assert not mixed_script_words(name)


@given(mt.moneys(unit=MoneyUnit.THOUSAND, decimals=1))
def test_thousands_with_one_decimal_are_multiples_of_100_uah(money: Money) -> None:
    """«тис. грн» with one decimal means amounts in whole hundreds of hryvnias."""
    assert money.kopecks % 10_000 == 0
    assert Money(0) <= money <= Money(500_000_000)


@given(mt.moneys(min_value=Money("0.01"), max_value=Money("0.99")))
def test_money_bounds_are_kept(money: Money) -> None:
    """Bounds hold down to the kopeck."""
    assert Money("0.01") <= money <= Money("0.99")


@given(mt.percents(min_value=Percent("10"), max_value=Percent("20.5"), decimals=1))
def test_percent_bounds_and_decimals_are_kept(pct: Percent) -> None:
    """A percent lies within its bounds and has the decimals asked for."""
    assert pct.decimals == 1
    assert Decimal(10) <= pct.value <= Decimal("20.5")


@given(mt.organizations(with_edrpou=True))
def test_organizations_have_valid_edrpou_codes(org: object) -> None:
    """Every generated EDRPOU code passes python-stdnum's check digit."""
    from stdnum.ua import edrpou

    code = org.edrpou  # type: ignore[attr-defined]
    assert edrpou.is_valid(code)


def test_magnitudes_reach_kopecks_and_hundreds_of_millions() -> None:
    """Amounts span orders of magnitude: some under 10 грн, some over 10 million."""
    seen: list[Money] = []

    @settings(max_examples=300, database=None, derandomize=True)
    @given(mt.moneys())
    def collect(m: Money) -> None:
        seen.append(m)

    collect()
    assert any(m < Money(10) for m in seen)
    assert any(m > Money(10_000_000) for m in seen)


@given(st.data())
def test_strategies_for_parts_are_used(data: st.DataObject) -> None:
    """A caller's strategies for the program and columns end up in the report."""
    program = data.draw(mt.programs())
    cols = ColumnFormats(*(MoneyFormat(MoneyUnit.THOUSAND, 1),) * 3)
    report = data.draw(mt.program_reports(programs=st.just(program), columns=cols))
    assert report.program is program
    assert report.columns == cols
    assert _faults(report) == []


@pytest.mark.parametrize(
    "make",
    [
        lambda: mt.moneys(min_value=Money(10), max_value=Money(5)),
        lambda: mt.moneys(unit=MoneyUnit.HRYVNIA, decimals=3),
        lambda: mt.moneys(
            min_value=Money("0.01"), max_value=Money("0.02"), unit=MoneyUnit.THOUSAND, decimals=1
        ),
        lambda: mt.moneys(min_value=5),  # type: ignore[arg-type]
        lambda: mt.percents(min_value=Percent(50), max_value=Percent(10)),
        lambda: mt.percents(min_value=Percent("10.1"), max_value=Percent("10.2"), decimals=0),
        lambda: mt.percents(decimals=True),  # a bool is no number of decimals
        lambda: mt.percents(decimals=13),
        lambda: mt.quantities(min_value=-1),
        lambda: mt.quantities(qualifiers=[]),
        lambda: mt.reporting_periods(min_year=2030, max_year=2020),
        lambda: mt.year_spans(max_length=0),
        lambda: mt.program_reports(min_measures=5, max_measures=2),
        lambda: mt.program_reports(min_measures=-1),
        lambda: mt.reports(min_program_reports=3, max_program_reports=1),
        lambda: mt.reports(max_program_reports=100),
        lambda: mt.measures(columns="UAH"),  # type: ignore[arg-type]
        lambda: mt.financings(max_value=Money(-1)),
        lambda: mt.programs(terms=mt.year_spans().example),  # type: ignore[arg-type]
    ],
)
def test_impossible_arguments_raise_invalid_argument(make: object) -> None:
    """Bounds that cannot be met, or arguments of the wrong kind, raise InvalidArgument."""
    with pytest.raises(InvalidArgument):
        make()  # type: ignore[operator]


def test_importing_the_library_does_not_import_hypothesis() -> None:
    """Only municipal_reports.testing imports hypothesis; the library itself never does."""
    code = (
        "import sys, municipal_reports, municipal_reports.audit;"
        "from municipal_reports import audit, Money;"
        "print('hypothesis' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_strategy_bounds_follow_the_declared_checks() -> None:
    """Arguments outside what construction declares are refused, the edge is accepted."""
    assert (least(YearSpan, "first"), most(YearSpan, "last")) == (1900, 2199)
    with pytest.raises(InvalidArgument):
        mt.year_spans(min_year=1899).validate()
    with pytest.raises(InvalidArgument):
        mt.year_spans(max_year=2200).validate()
    mt.year_spans(min_year=1900, max_year=2199).validate()
    with pytest.raises(InvalidArgument):
        mt.quantities(min_value=-1).validate()
    mt.quantities(min_value=0).validate()
