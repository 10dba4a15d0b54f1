"""The totals, percentage and parts-against-wholes rules at their edges.

Written to kill the mutants mutmut makes of audit/rules/totals.py, percentages.py and
wholes.py: the rounding band tried at its edge and one kopeck beyond, rounded columns beside
exact ones, the plan's fallback to the indicative amount, zero plans, declared totals that
differ from the measures' sums. Expected values come from Fraction arithmetic
(tests/_arith.py) or are worked out in the comments, never from the code under test.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from _arith import fits_rounding, percent_half_away, total_band
from municipal_reports import (
    AwardBatch,
    AwardShare,
    Breakdown,
    ColumnFormats,
    DeputyFundAllocation,
    Financing,
    FundItem,
    ListedItems,
    Measure,
    Money,
    MoneyBreakdown,
    MoneyFormat,
    MoneyPart,
    MoneyUnit,
    Part,
    ParticipatoryBudget,
    Percent,
    Program,
    ProgramReport,
    Qualifier,
    Quantity,
    ReportingPeriod,
    Task,
    audit,
)
from municipal_reports.domain.band import Band, Fit, fit

TH1 = MoneyFormat(MoneyUnit.THOUSAND, 1)  # «тис. грн» with one decimal: a step of 100 грн
STEP = 10_000  # that step in kopecks
EXACT = MoneyFormat()
ALL_EXACT = ColumnFormats()


def report(
    *financings: Financing,
    declared: list[str | None] | None = None,
    total: Financing | None = None,
    pct: str | None = None,
    columns: ColumnFormats = ALL_EXACT,
) -> ProgramReport:
    """A one-task report of measures with these financings and declared percents."""
    percents = declared or [None] * len(financings)
    measures = tuple(
        Measure(f"Захід {i}", f, Percent(p) if p is not None else None)
        for i, (f, p) in enumerate(zip(financings, percents, strict=True))
    )
    return ProgramReport(
        Program("Програма"),
        ReportingPeriod.year(2023),
        (Task("Завдання", measures),),
        total=total,
        total_percent=Percent(pct) if pct is not None else None,
        columns=columns,
    )


def hits(obj: object, *codes: str) -> list[tuple[str, str, object, object]]:
    """(code, path, expected, found) of each finding of the given codes; the audit of every
    rule (its fused road) must find the same as the audit of the selected ones."""
    selected = [(f.code, f.path, f.expected, f.found) for f in audit(obj, select=list(codes))]
    every = [(f.code, f.path, f.expected, f.found) for f in audit(obj) if f.code.startswith(codes)]
    assert sorted(every, key=repr) == sorted(selected, key=repr)
    return selected


def kop(k: int) -> Money:
    """``k`` kopecks."""
    return Money.from_kopecks(k)


def hundredths(pct: Percent | None) -> Fraction:
    """A computed percentage as a Fraction (it always has two decimals)."""
    assert pct is not None
    assert pct.decimals == 2
    return Fraction(pct.units, 100)


# ---- MR101 / MR102: the band (n + 1) × step / 2 at its edges ----------------------------------


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_a_total_row_at_the_band_edge_is_a_note_and_one_kopeck_beyond_an_error(n: int) -> None:
    """n rounded rows: a «Всього» (n+1)·step/2 away is MR102, one kopeck further MR101."""
    band = total_band(n, STEP)
    assert band.denominator == 1
    rows = [Financing(actual=kop(STEP)) for _ in range(n)]
    summed = kop(n * STEP)
    cols = ColumnFormats(actual=TH1)
    for offset, code in ((band, "MR102"), (band + 1, "MR101"), (band - 1, "MR102")):
        for sign in (1, -1):
            declared = n * STEP + sign * int(offset)
            if declared < 0:
                continue
            r = report(*rows, total=Financing(actual=kop(declared)), columns=cols)
            assert hits(r, "MR1") == [(code, "$.total.actual", summed, kop(declared))]


def test_one_row_may_miss_its_total_by_a_whole_step() -> None:
    """One rounded row and its total each carry half a step: together a whole step."""
    r = report(
        Financing(actual=kop(STEP)),
        total=Financing(actual=kop(0)),
        columns=ColumnFormats(actual=TH1),
    )
    assert hits(r, "MR1") == [("MR102", "$.total.actual", kop(STEP), kop(0))]


def test_a_rounded_money_breakdown_has_the_same_band() -> None:
    """A breakdown written in «тис. грн» misses by (n+1)·step/2 as a note, beyond as an error."""
    parts = tuple(MoneyPart(f"розділ {i}", kop(STEP)) for i in range(2))
    band = int(total_band(2, STEP))  # 15 000 kopecks
    at_edge = MoneyBreakdown("видатки", kop(2 * STEP + band), parts, written=TH1)
    beyond = MoneyBreakdown("видатки", kop(2 * STEP + band + 1), parts, written=TH1)
    assert hits(at_edge, "MR1") == [("MR102", "$.total", kop(2 * STEP), kop(2 * STEP + band))]
    assert hits(beyond, "MR1") == [("MR101", "$.total", kop(2 * STEP), kop(2 * STEP + band + 1))]
    exact = MoneyBreakdown("видатки", kop(2 * STEP + 1), parts)
    assert hits(exact, "MR1") == [("MR101", "$.total", kop(2 * STEP), kop(2 * STEP + 1))]


def test_the_band_of_a_total_compares_with_the_written_steps() -> None:
    """fit: equal, within (n+1)·step/2, or beyond, for rounded and exact writing."""
    band = Band.of_total([STEP] * 3, STEP)
    edge = int(total_band(3, STEP))
    summed = 3 * STEP
    assert fit(summed, summed, band) is Fit.EQUAL
    assert fit(summed + edge, summed, band) is Fit.ROUNDING
    assert fit(summed - edge, summed, band) is Fit.ROUNDING
    assert fit(summed + edge + 1, summed, band) is Fit.MISMATCH
    assert fit(summed - edge - 1, summed, band) is Fit.MISMATCH
    assert band.fit(summed + edge + 1, summed) is Fit.MISMATCH
    exact = Band.of_total([1, 1], 1)  # written to the kopeck: no rounding at all
    assert exact.is_exact
    assert fit(summed + 1, summed, exact) is Fit.MISMATCH
    assert Band.uniform(3, STEP) == Band.of([STEP] * 3)
    assert Band.uniform(3, STEP).width == 3 * STEP
    assert Band.of([2, 1, 0]).width == 2  # a step of one unit is exact, two units are not
    assert not Band.of([STEP]).allows(STEP // 2 + 1)
    assert Band.of([STEP]).allows(-(STEP // 2))
    assert Band(4) + Band(6) == Band(10)


def test_a_fund_without_items_sums_to_zero_hryvnias() -> None:
    """A fund with no items: its parts sum to Money 0, not to the int 0."""
    [(code, path, expected, found)] = hits(DeputyFundAllocation(Money(100)), "MR101")
    assert (code, path, found) == ("MR101", "$.fund_total", Money(100))
    assert isinstance(expected, Money)
    assert expected == Money(0)
    fund = DeputyFundAllocation(Money(100), (FundItem(Money(60), "a"), FundItem(Money(41), "b")))
    assert hits(fund, "MR1") == [("MR101", "$.fund_total", Money(101), Money(100))]


def test_an_approximate_part_makes_the_expected_value_an_interval() -> None:
    """«близько 3000» + 100 against 5000: the expected value is 2800..3400, not 2800."""
    about = Quantity(3000, Qualifier.ABOUT)
    [(_, path, expected, _)] = hits(
        Breakdown("x", 5000, (Part("a", about), Part("b", 100))), "MR101"
    )
    assert path == "$.total"
    low = Fraction(9, 10) * 3000 + 100
    high = Fraction(11, 10) * 3000 + 100
    assert (expected.low, expected.high) == (low, high)  # type: ignore[attr-defined]
    exact = Breakdown("x", 5000, (Part("a", 3000), Part("b", 100)))
    assert hits(exact, "MR101") == [("MR101", "$.total", 3100, Quantity(5000))]


# ---- MR201 / MR203 / MR205: a measure's percent -----------------------------------------------


def test_a_measure_without_a_declared_percent_is_not_judged() -> None:
    """No column 9, or no plan, or a zero plan with nothing declared: no percentage finding."""
    r = report(
        Financing(annual=Money(100), actual=Money(50)),
        Financing(annual=Money(0), actual=Money(50)),
        Financing(actual=Money(50)),
        Financing(annual=Money(100)),
        declared=[None, None, "50", "50"],
    )
    assert hits(r, "MR2") == []


def test_a_zero_plan_is_never_a_percent_mismatch() -> None:
    """A percent of a zero plan is MR203, not MR201; «0%» with nothing spent is left alone."""
    r = report(
        Financing(annual=Money(0), actual=Money("12.50")),
        Financing(annual=Money(0), actual=Money("12.50")),
        Financing(annual=Money(0), actual=Money(0)),
        Financing(annual=Money(0)),
        declared=["100", "0", "0", "0"],
    )
    assert hits(r, "MR2") == [
        ("MR203", "$.tasks[0].measures[0].declared_percent", None, Percent("100")),
        ("MR203", "$.tasks[0].measures[1].declared_percent", None, Percent("0")),
    ]


def test_the_plan_falls_back_to_the_indicative_amount() -> None:
    """Without an annual plan a measure's percent is actual over the indicative amount."""
    r = report(
        Financing(indicative=Money(300), actual=Money(100)),
        Financing(indicative=Money(300), annual=Money(200), actual=Money(100)),
        declared=["50", "50"],
    )
    [(code, path, expected, found)] = hits(r, "MR201")
    assert (code, path, found) == (
        "MR201",
        "$.tasks[0].measures[0].declared_percent",
        Percent("50"),
    )
    assert hundredths(expected) == percent_half_away(100, 300)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("columns", "financing"),
    [
        # The plan is the annual amount: its column decides the plan's step.
        (ColumnFormats(annual=TH1), Financing(annual=Money(141000), actual=Money(33900))),
        # No annual amount: the indicative column decides, whatever the annual one says.
        (ColumnFormats(indicative=TH1), Financing(indicative=Money(141000), actual=Money(33900))),
    ],
)
def test_the_plan_is_rounded_as_its_own_column(
    columns: ColumnFormats, financing: Financing
) -> None:
    """«24,05%» of 33 900 over 141 000 shown in тис. грн fits only the plan column's rounding."""
    # In hundreds of hryvnias: 339 of 1410 ± ½ reaches 24.0511 %; exactly it is 24.0425 %.
    assert fits_rounding(2405, 2, 339, 1410, 0, 1)
    assert not fits_rounding(2405, 2, 339, 1410, 0, 0)
    r = report(financing, declared=["24.05"], columns=columns)
    [(code, path, expected, found)] = hits(r, "MR2")
    assert (code, path, found) == (
        "MR205",
        "$.tasks[0].measures[0].declared_percent",
        Percent("24.05"),
    )
    assert hundredths(expected) == percent_half_away(33900, 141000)  # type: ignore[arg-type]


def test_one_rounded_column_beside_one_exact_column() -> None:
    """Actual in тис. грн, plan to the kopeck: the actual's rounding alone may explain a percent."""
    # 339 ± ½ of exactly 1410 (hundreds of hryvnias) covers 24.007 %..24.078 %.
    assert fits_rounding(2402, 2, 339, 1410, 1, 0)
    assert not fits_rounding(2409, 2, 339, 1410, 1, 0)
    fin = Financing(annual=Money(141000), actual=Money(33900))
    cols = ColumnFormats(actual=TH1)
    assert [h[0] for h in hits(report(fin, declared=["24.02"], columns=cols), "MR2")] == ["MR205"]
    assert [h[0] for h in hits(report(fin, declared=["24.09"], columns=cols), "MR2")] == ["MR201"]


@pytest.mark.parametrize(
    ("declared", "code"), [("24.08", "MR205"), ("24.09", "MR205"), ("24.10", "MR201")]
)
def test_a_measure_gets_one_step_of_rounding_per_figure(declared: str, code: str) -> None:
    """Each figure of a row carries half of one step, not of two: «24,10%» is outside."""
    pct = Percent(declared)
    one_step = fits_rounding(pct.units, 2, 339, 1410, 1, 1)
    two_steps = fits_rounding(pct.units, 2, 339, 1410, 2, 2)
    assert one_step is (code == "MR205")
    assert two_steps  # so a band of two steps would hide the error
    r = report(
        Financing(annual=Money(141000), actual=Money(33900)),
        declared=[declared],
        columns=ColumnFormats(TH1, TH1, TH1),
    )
    assert [h[0] for h in hits(r, "MR2")] == [code]


# ---- MR202 / MR205: the «Всього» percent ------------------------------------------------------

THREE_TENTHS = [Financing(annual=kop(STEP), actual=kop(STEP))] * 3
ROUNDED = ColumnFormats(TH1, TH1, TH1)


def test_a_total_percent_from_summed_rows_gets_a_step_per_row() -> None:
    """No «Всього» sums: 3 rows of 0,1 тис. make a plan and an actual of 0,3 ± 0,15 each."""
    # In hundreds: 3 ± 3/2 over 3 ± 3/2 reaches 300 %; one step each would stop at 140 %.
    assert fits_rounding(150, 0, 3, 3, 3, 3)
    assert not fits_rounding(150, 0, 3, 3, 1, 1)
    r = report(*THREE_TENTHS, pct="150", columns=ROUNDED)
    [(code, path, expected, found)] = hits(r, "MR2")
    assert (code, path, found) == ("MR205", "$.total_percent", Percent("150"))
    assert hundredths(expected) == 100  # type: ignore[arg-type]


@pytest.mark.parametrize(("declared", "code"), [("140", "MR205"), ("142", "MR202"), ("100", None)])
def test_a_declared_total_row_gets_one_step(declared: str, code: str | None) -> None:
    """A «Всього» row written once is rounded once: 0,3 ± 0,05 over 0,3 ± 0,05 stops at 140 %."""
    assert fits_rounding(140, 0, 3, 3, 1, 1)  # 3.5 / 2.5 is 140 % exactly
    assert not fits_rounding(142, 0, 3, 3, 1, 1)
    assert fits_rounding(142, 0, 3, 3, 2, 2)  # two steps would take it
    total = Financing(annual=kop(3 * STEP), actual=kop(3 * STEP))
    r = report(*THREE_TENTHS, total=total, pct=declared, columns=ROUNDED)
    found = hits(r, "MR2")
    if code is None:
        assert found == []
    else:
        assert found == [(code, "$.total_percent", Percent("100.00"), Percent(declared))]


def test_a_declared_total_differing_from_the_sums_is_what_the_total_percent_uses() -> None:
    """«Всього» says plan 200 while the rows sum to 100: the total percent is over 200."""
    rows = [Financing(annual=Money(100), actual=Money(50))]
    total = Financing(annual=Money(200), actual=Money(50))
    assert hits(report(*rows, total=total, pct="25.00"), "MR202") == []
    [(code, path, expected, found)] = hits(report(*rows, total=total, pct="50"), "MR202")
    assert (code, path, found) == ("MR202", "$.total_percent", Percent("50"))
    assert hundredths(expected) == percent_half_away(50, 200)  # type: ignore[arg-type]


def test_a_total_percent_of_exact_sums_is_exact() -> None:
    """Rows of 100 + 300 planned and 50 + 30 spent: the total is 80 / 400 = 20,00 % exactly."""
    rows = [
        Financing(annual=Money(100), actual=Money(50)),
        Financing(annual=Money(300), actual=Money(30)),
    ]
    assert percent_half_away(80, 400) == 20
    assert hits(report(*rows, pct="20.00"), "MR202") == []
    assert hits(report(*rows, pct="20.01"), "MR202") == [
        ("MR202", "$.total_percent", Percent("20.00"), Percent("20.01"))
    ]


def test_the_total_plan_falls_back_to_the_indicative_sums() -> None:
    """Rows with only indicative amounts: the total percent is over their sum."""
    rows = [
        Financing(indicative=Money(100), actual=Money(50)),
        Financing(indicative=Money(200), actual=Money(50)),
    ]
    [(code, path, expected, found)] = hits(report(*rows, pct="80"), "MR202")
    assert (code, path, found) == ("MR202", "$.total_percent", Percent("80"))
    assert hundredths(expected) == percent_half_away(100, 300)  # type: ignore[arg-type]
    assert hits(report(*rows, pct="33.33"), "MR202") == []
    declared = Financing(indicative=Money(400), actual=Money(100))
    assert hits(report(*rows, total=declared, pct="25"), "MR202") == []


def test_the_total_plan_is_rounded_as_the_indicative_column_when_it_is_the_plan() -> None:
    """Indicative amounts in тис. грн, no annual ones: «Всього» 24,05 % fits the plan's rounding."""
    assert fits_rounding(2405, 2, 339, 1410, 0, 1)
    r = report(
        Financing(indicative=Money(141000), actual=Money(33900)),
        pct="24.05",
        columns=ColumnFormats(indicative=TH1),
    )
    assert [h[:2] for h in hits(r, "MR2")] == [("MR205", "$.total_percent")]


def test_a_zero_or_missing_total_plan_is_not_judged() -> None:
    """A «Всього» percent over a zero or missing plan, or without actual sums, is left alone."""
    assert hits(report(Financing(annual=Money(0), actual=Money(5)), pct="10"), "MR202") == []
    assert hits(report(Financing(actual=Money(5)), pct="10"), "MR202") == []
    assert hits(report(Financing(annual=Money(5)), pct="10"), "MR202") == []


# ---- MR204: shares of those awarded ------------------------------------------------------------


def test_shares_are_judged_only_against_an_exact_non_zero_awarded() -> None:
    """About 300 awarded or none awarded: no share is judged; every share of 301 is."""
    share = AwardShare("військові", Percent("81"), 200)
    assert hits(AwardBatch(awarded=Quantity(300, Qualifier.ABOUT), shares=(share,)), "MR204") == []
    assert hits(AwardBatch(awarded=0, shares=(share,)), "MR204") == []
    shares = (AwardShare("a", Percent("10")), AwardShare("b", count=5), share)
    [(code, path, expected, found)] = hits(AwardBatch(awarded=301, shares=shares), "MR204")
    assert (code, path, found) == ("MR204", "$.shares[2].percent", Percent("81"))
    assert hundredths(expected) == percent_half_away(200, 301)  # type: ignore[arg-type]


# ---- MR3xx: counts in both directions, capacities at their edge ---------------------------------


@pytest.mark.parametrize(("declared", "listed"), [(5, 7), (7, 5), (1, 0), (0, 1)])
def test_a_listed_count_mismatch_either_way(declared: int, listed: int) -> None:
    """Announcing more items than listed is as wrong as announcing fewer."""
    items = tuple(f"навчання {i}" for i in range(listed))
    assert hits(ListedItems("навчання", items, declared), "MR308") == [
        ("MR308", "$.declared_count", listed, declared)
    ]
    assert hits(ListedItems("навчання", items, listed), "MR308") == []
    assert hits(ListedItems("навчання", items), "MR308") == []


def test_votes_at_capacity_are_consistent_and_one_more_is_not() -> None:
    """12 527 voters with 4 votes each may cast 50 108 votes, not 50 109."""
    capacity = 12_527 * 4
    ok = ParticipatoryBudget(voters=(12_527,), votes=capacity, votes_per_voter=4)
    bad = ParticipatoryBudget(voters=(12_527,), votes=capacity + 1, votes_per_voter=4)
    assert hits(ok, "MR311") == []
    assert hits(bad, "MR311") == [("MR311", "$.votes", capacity, Quantity(capacity + 1))]
    unknown = ParticipatoryBudget(voters=(12_527,), votes=capacity + 1)
    assert hits(unknown, "MR311") == []
