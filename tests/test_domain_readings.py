"""The readings the domain owns for every package: a measure's plan, a report's totals,
the rounding band of written figures, the program reports inside a report, a program's
identity. Expected values are worked out by hand in each test."""

from __future__ import annotations

import csv
import io

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from municipal_reports import (
    Band,
    ColumnFormats,
    Council,
    DeputyFundAllocation,
    Financing,
    Fit,
    FundItem,
    ListedItems,
    Measure,
    Money,
    MoneyBreakdown,
    MoneyFormat,
    MoneyPart,
    MoneyUnit,
    Percent,
    Program,
    ProgramReport,
    Report,
    ReportingPeriod,
    ReportMeta,
    Section,
    Task,
    percentage,
    render,
)
from municipal_reports.bulk import FoundReport, execution_table
from municipal_reports.domain import program_reports
from municipal_reports.paths import ROOT

PERIOD = ReportingPeriod.year(2022)
TH1 = MoneyFormat(MoneyUnit.THOUSAND, 1)  # a «тис. грн» column with one decimal: step 100 грн


def report_of(*financings: Financing, **kw: object) -> ProgramReport:
    """A program report with one measure per financing, in one task."""
    measures = tuple(Measure(f"захід {i}", f) for i, f in enumerate(financings, 1))
    return ProgramReport(Program("Програма"), PERIOD, (Task("завдання", measures),), **kw)  # type: ignore[arg-type]


# -- Financing.plan ----------------------------------------------------------------------


def test_the_plan_is_the_annual_plan_where_there_is_one() -> None:
    """The annual plan (column 7) wins over the indicative amount (column 6)."""
    f = Financing(indicative=Money(1000), annual=Money(400), actual=Money(100))
    assert f.plan == Money(400)
    assert f.plan_column == "annual"
    assert f.execution() == Percent("25.00")  # 100 / 400 × 100


def test_the_plan_is_the_indicative_amount_without_an_annual_one() -> None:
    """Without column 7, the percent is measured against column 6."""
    f = Financing(indicative=Money(800), actual=Money(100))
    assert f.plan == Money(800)
    assert f.plan_column == "indicative"
    assert f.execution() == Percent("12.50")  # 100 / 800 × 100, half-up


def test_an_annual_plan_of_zero_is_still_the_plan() -> None:
    """A zero in column 7 is a plan of zero (percent undefined), not a missing plan."""
    f = Financing(indicative=Money(800), annual=Money(0), actual=Money(100))
    assert f.plan == Money(0)
    assert f.plan_column == "annual"
    assert f.execution() is None


def test_no_plan_and_no_execution_without_figures() -> None:
    """Empty columns give no plan and no computed execution."""
    assert Financing().plan is None
    assert Financing().plan_column is None
    assert Financing(annual=Money(5)).execution() is None
    assert Financing(actual=Money(5)).execution() is None


def test_html_shows_the_execution_of_a_measure_with_only_an_indicative_plan() -> None:
    """The form shows actual over the indicative plan when there is no annual one."""
    report = report_of(Financing(indicative=Money(800), actual=Money(100)))
    page = str(render(report, to="html", locale="uk"))
    assert '<span class="bar-value">розрахунок: 12,50%</span>' in page  # 100 / 800 = 12,50 %


def test_csv_shows_the_execution_of_a_measure_with_only_an_indicative_plan() -> None:
    """The CSV's computed-execution column uses the same plan as the audit."""
    report = report_of(Financing(indicative=Money(800), actual=Money(100)))
    rows = list(csv.reader(io.StringIO(str(render(report, to="csv", locale="en")))))
    header, row = rows[0], rows[1]
    assert row[header.index("Computed execution")] == "12.50"


# -- a report's totals -------------------------------------------------------------------


def test_totals_sum_each_column_over_the_measures_that_give_it() -> None:
    """Each column is summed over the measures with a figure; the count says how many."""
    report = report_of(
        Financing(Money(1000), Money(400), Money(100)),
        Financing(None, Money(600), Money(300)),
        Financing(Money(50), None, None),
    )
    totals = report.totals()
    assert totals.indicative.summed == Money(1050)
    assert totals.indicative.count == 2
    assert totals.annual.summed == Money(1000)
    assert totals.annual.count == 2
    assert totals.actual.summed == Money(400)
    assert totals.actual.count == 2
    assert totals.financing == Financing(Money(1050), Money(1000), Money(400))
    assert totals.plan is totals.annual
    assert totals.execution() == Percent("40.00")  # 400 / 1000


def test_the_total_execution_is_total_over_total_not_a_mean_of_percentages() -> None:
    """4 of 400 and 100 of 100 make 104 / 500 = 20.80 %, not the mean 50.50 %."""
    report = report_of(
        Financing(annual=Money(400), actual=Money(4)),
        Financing(annual=Money(100), actual=Money(100)),
    )
    assert report.totals().execution() == Percent("20.80")


def test_declared_totals_are_taken_where_the_row_gives_them() -> None:
    """A declared «Всього» cell is the column's value; an empty one falls back to the sum."""
    report = report_of(
        Financing(annual=Money(400), actual=Money(100)),
        total=Financing(annual=Money(500)),
    )
    totals = report.totals()
    assert totals.annual.value == Money(500)  # declared, though the measures sum to 400
    assert totals.actual.value == Money(100)  # not declared: summed
    assert totals.execution() == Percent("20.00")  # 100 / 500


def test_the_total_plan_falls_back_to_the_indicative_column() -> None:
    """With no annual figure anywhere, the indicative column is the plan."""
    report = report_of(Financing(indicative=Money(300), actual=Money(30)))
    totals = report.totals()
    assert totals.plan is totals.indicative
    assert totals.execution() == Percent("10.00")


def test_a_column_with_no_figures_has_no_value() -> None:
    """A column no measure fills and the row leaves empty has no total (not zero)."""
    totals = report_of(Financing(actual=Money(3))).totals()
    assert totals.annual.value is None
    assert totals.plan is None
    assert totals.execution() is None


def test_a_declared_total_fits_its_measures_exactly_when_written_to_the_kopeck() -> None:
    """Kopeck columns: equal, or a mismatch by even one kopeck."""
    f = Financing(annual=Money("10.01"))
    assert (
        report_of(f, f, total=Financing(annual=Money("20.02"))).totals().annual.fit() is Fit.EQUAL
    )
    off = report_of(f, f, total=Financing(annual=Money("20.03"))).totals().annual
    assert off.fit() is Fit.MISMATCH
    assert off.fit_band.width == 0


def test_a_rounded_column_allows_its_band_and_not_a_kopeck_more() -> None:
    """Two parts and a total in 0,1 тис. грн: (2 + 1) × 100 / 2 = 150 грн of band."""
    columns = ColumnFormats(TH1, TH1, TH1)
    f = Financing(annual=Money.from_thousands("1.0"))

    def fit(total_hryvnias: str) -> Fit | None:
        total = Financing(annual=Money(total_hryvnias))
        return report_of(f, f, total=total, columns=columns).totals().annual.fit()

    assert fit("2000") is Fit.EQUAL
    assert fit("2150") is Fit.ROUNDING  # at the band
    assert fit("1850") is Fit.ROUNDING
    assert fit("2150.01") is Fit.MISMATCH  # just outside
    assert fit("2149.99") is Fit.ROUNDING  # just inside


def test_the_band_of_a_total_value_counts_the_figures_it_comes_from() -> None:
    """A declared total is one rounded figure; a summed one carries each part's rounding."""
    columns = ColumnFormats(TH1, TH1, TH1)
    f = Financing(annual=Money.from_thousands("1.0"), actual=Money.from_thousands("0.5"))
    totals = report_of(f, f, f, total=Financing(annual=Money(3000)), columns=columns).totals()
    assert totals.annual.band.width == 10_000  # one figure of 100 грн = 10 000 kopecks
    assert totals.actual.band.width == 30_000  # three summed figures


def test_money_breakdown_and_deputy_fund_fit_their_totals() -> None:
    """A spending breakdown in 0,1 тис. грн has a band; a deputy fund (kopecks) has none."""
    parts = (MoneyPart("a", Money(1000)), MoneyPart("b", Money(1000)))
    assert MoneyBreakdown("s", Money(2150), parts, TH1).fit() is Fit.ROUNDING
    assert MoneyBreakdown("s", Money("2150.01"), parts, TH1).fit() is Fit.MISMATCH
    assert MoneyBreakdown("s", Money(2000), parts).fit() is Fit.EQUAL
    assert MoneyBreakdown("s", Money("2000.01"), parts).fit() is Fit.MISMATCH
    items = (FundItem(Money(100), "x"), FundItem(Money(50), "y"))
    assert DeputyFundAllocation(Money(150), items).fit() is Fit.EQUAL
    assert DeputyFundAllocation(Money("150.01"), items).fit() is Fit.MISMATCH


# -- the rounding band -------------------------------------------------------------------


def test_the_band_of_parts_and_a_total_adds_every_half_step() -> None:
    """n parts and a total at step u: (n + 1) × u / 2; here 3 parts at 100 → ±200."""
    band = Band.of_total([100, 100, 100], 100)
    assert band.width == 400
    assert band.allows(200)
    assert band.allows(-200)
    assert not band.allows(201)
    assert band == Band.uniform(4, 100)


def test_a_band_takes_each_figure_s_own_step() -> None:
    """A row mixing steps: half of 100 + half of 10 + half of the total's 1000 = 555."""
    band = Band.of_total([100, 10], 1000)
    assert band.width == 1110
    assert band.allows(555)
    assert not band.allows(556)


def test_figures_written_to_their_last_unit_carry_no_band() -> None:
    """A step of one (a kopeck, a single count) is exact: the band is zero."""
    band = Band.of_total([1, 1, 1], 1)
    assert band.is_exact
    assert band.fit(10, 10) is Fit.EQUAL
    assert band.fit(10, 11) is Fit.MISMATCH


@pytest.mark.parametrize(
    ("declared", "computed", "expected"),
    [
        (1000, 1000, Fit.EQUAL),
        (1000, 1150, Fit.ROUNDING),  # at the band of 3 × 100 / 2
        (1000, 849, Fit.MISMATCH),  # just outside, below
        (1000, 1151, Fit.MISMATCH),  # just outside, above
    ],
)
def test_fit_sorts_a_difference_into_equal_rounding_or_mismatch(
    declared: int, computed: int, expected: Fit
) -> None:
    """The fit of a declared figure against a computed one within a band of ±150."""
    assert Band.uniform(3, 100).fit(declared, computed) is expected


def test_the_column_band_of_a_table_follows_its_format() -> None:
    """A «тис. грн» column with one decimal rounds each figure to 100 грн (10 000 kopecks)."""
    columns = ColumnFormats(actual=TH1)
    assert columns.band("actual").width == 10_000
    assert columns.band("actual", 3).width == 30_000
    assert columns.band("annual").is_exact


# -- program reports inside a report, and a program's identity --------------------------


def _whole_report(*facts: object) -> Report:
    meta = ReportMeta("Звіт", Council("Житомирська міська рада"), PERIOD)
    return Report(meta, (Section("вступ"), Section("програми", (), facts)))  # type: ignore[arg-type]


def test_program_reports_are_found_with_their_paths() -> None:
    """A report yields each program report with the path of its place; other facts are skipped."""
    first, second = report_of(Financing()), report_of(Financing(actual=Money(1)))
    listed = ListedItems("навчання", ("a",))
    found = list(program_reports(_whole_report(first, listed, second)))
    assert [(str(path), pr) for path, pr in found] == [
        ("$.sections[1].facts[0]", first),
        ("$.sections[1].facts[2]", second),
    ]


def test_a_program_report_is_its_own_only_program_report() -> None:
    """A bare program report is found at the base path; anything else holds none."""
    pr = report_of(Financing())
    assert [(str(p), r) for p, r in program_reports(pr, ROOT / "x")] == [("$.x", pr)]
    assert list(program_reports(ListedItems("навчання"))) == []


def test_spellings_of_one_program_share_an_identity() -> None:
    """Case, spaces, punctuation, apostrophes and Latin look-alikes do not make a new program."""
    a = Program("Програма «Здоров'я житомирян»")
    b = Program("програма ЗДОРОВ’Я  житомирян")
    c = Program("Прогрaма здоровʼя житомирян")  # a Latin «a»
    assert a.identity == b.identity == c.identity
    assert Program("Програма здоров'я киян").identity != a.identity


def test_the_execution_table_groups_spellings_of_one_program_together() -> None:
    """Two spellings of a title are one group, shown under the least of its spellings."""
    f = Financing(annual=Money(100), actual=Money(50))
    one = attrs.evolve(report_of(f), program=Program("Ефективна влада"))
    two = attrs.evolve(report_of(f), program=Program("«ефективна  влада»"))
    rows = execution_table([FoundReport("a", "", one), FoundReport("b", "", two)], by=("program",))
    assert [(r.key, r.planned, r.reports) for r in rows] == [
        (("«ефективна  влада»",), Money(200), 2)  # «ефективна… sorts before Ефективна
    ]


# -- properties ----------------------------------------------------------------------------

amounts = st.none() | st.integers(0, 10**11).map(Money.from_kopecks)

_STEPS = st.sampled_from([1, 10, 100, 1000, 10_000, 100_000])


def _round_half_up(raw: int, step: int) -> int:
    """``raw`` rounded half-up to a multiple of ``step`` (all non-negative)."""
    return (raw + step // 2) // step * step if step > 1 else raw


@given(st.lists(st.tuples(st.integers(0, 10**9), _STEPS), max_size=8), _STEPS)
def test_rounded_parts_always_fit_their_rounded_total_within_the_band(
    parts: list[tuple[int, int]], total_step: int
) -> None:
    """Raw amounts rounded to their own steps, and their exact sum rounded to the total's,
    never miss each other by more than the band: the band is wide enough."""
    written = [_round_half_up(raw, step) for raw, step in parts]
    total = _round_half_up(sum(raw for raw, _ in parts), total_step)
    band = Band.of_total([step for _, step in parts], total_step)
    assert band.fit(total, sum(written)) is not Fit.MISMATCH


@given(st.lists(_STEPS.filter(lambda s: s > 1), min_size=1, max_size=8))
def test_the_band_is_as_tight_as_rounding_allows(steps: list[int]) -> None:
    """Raw amounts of half a step each all round up, so the written parts overshoot an exact
    total by the whole band, and one kopeck more is a mismatch: the band is not too wide."""
    written = [_round_half_up(step // 2, step) for step in steps]  # each rounds up to step
    total = sum(step // 2 for step in steps)  # written to the kopeck: exact
    band = Band.of_total(steps, 1)
    assert sum(written) - total == band.width // 2
    assert band.fit(total, sum(written)) is Fit.ROUNDING
    assert band.fit(total, sum(written) + 1) is Fit.MISMATCH


@given(st.lists(st.tuples(amounts, amounts, amounts), max_size=6))
def test_report_totals_are_the_column_sums_and_their_execution(
    rows: list[tuple[Money | None, Money | None, Money | None]],
) -> None:
    """Without a declared row, each total is its column's sum over the filled cells, and
    the execution is the actual total over the plan total by the one rule."""
    report = report_of(*(Financing(*row) for row in rows))
    totals = report.totals()
    for i, column in enumerate(totals.columns()):
        filled = [row[i] for row in rows if row[i] is not None]
        assert column.count == len(filled)
        assert column.value == (sum(filled, Money(0)) if filled else None)
    annual, indicative, actual = totals.annual.value, totals.indicative.value, totals.actual.value
    plan = annual if annual is not None else indicative
    expected = None if plan is None or actual is None else percentage(actual, plan)
    assert totals.execution() == expected
