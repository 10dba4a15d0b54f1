"""Hypothesis drives the arithmetic rules: parts generated, totals derived, then perturbed."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from _arith import percent_half_away, total_band
from municipal_reports import (
    Breakdown,
    ColumnFormats,
    Financing,
    Measure,
    Money,
    MoneyFormat,
    MoneyUnit,
    Part,
    Percent,
    Program,
    ProgramReport,
    ReportingPeriod,
    Task,
    audit,
)

kopecks = st.integers(min_value=0, max_value=10**12)
KOPECKS = MoneyFormat()
deltas = st.integers(min_value=-(10**6), max_value=10**6).filter(bool)


def report(actuals: list[Money], total: Money, written: MoneyFormat = KOPECKS) -> ProgramReport:
    """A one-task report whose measures have these actual amounts and this declared total."""
    measures = tuple(Measure(f"Захід {i}", Financing(actual=a)) for i, a in enumerate(actuals))
    return ProgramReport(
        Program("Програма"),
        ReportingPeriod.year(2023),
        (Task("Завдання", measures),),
        total=Financing(actual=total),
        columns=ColumnFormats(actual=written),
    )


@given(st.lists(kopecks, min_size=1, max_size=25))
def test_a_total_derived_from_its_parts_is_never_flagged(parts: list[int]) -> None:
    """Exact parts and their exact sum raise no total finding."""
    r = report([Money.from_kopecks(k) for k in parts], Money.from_kopecks(sum(parts)))
    assert audit(r, select=["MR1"]) == []


@given(st.lists(kopecks, min_size=1, max_size=25), deltas)
def test_any_perturbed_kopeck_total_is_an_error_at_its_path(parts: list[int], delta: int) -> None:
    """Moving a kopeck-exact total by any non-zero amount gives MR101 with both values."""
    total = sum(parts) + delta
    if total < 0:
        total = sum(parts) + abs(delta)
    r = report([Money.from_kopecks(k) for k in parts], Money.from_kopecks(total))
    findings = audit(r, select=["MR1"])
    assert [(f.code, f.path, f.expected, f.found) for f in findings] == [
        ("MR101", "$.total.actual", Money.from_kopecks(sum(parts)), Money.from_kopecks(total))
    ]


def _round_half_up(k: int, step: int) -> int:
    return (k + step // 2) // step * step


@given(st.lists(kopecks, min_size=1, max_size=25))
def test_honestly_rounded_tables_stay_inside_the_band(raw: list[int]) -> None:
    """Rows and total each rounded half-up to 0,1 тис. грн never make an MR101 error."""
    step = 10_000  # 100 грн in kopecks: «тис. грн» with one decimal
    written = [Money.from_kopecks(_round_half_up(k, step)) for k in raw]
    total = Money.from_kopecks(_round_half_up(sum(raw), step))
    r = report(written, total, MoneyFormat(MoneyUnit.THOUSAND, 1))
    codes = {f.code for f in audit(r, select=["MR1"])}
    assert "MR101" not in codes
    assert codes <= {"MR102"}


@given(st.lists(kopecks, min_size=1, max_size=25), st.integers(min_value=0, max_value=50))
def test_rounded_totals_beyond_the_band_are_errors(raw: list[int], extra_kopecks: int) -> None:
    """A rounded total (n+1)×step/2 from its rows is a note; one kopeck further, an error."""
    step = 10_000
    written = [_round_half_up(k, step) for k in raw]
    band = total_band(len(written), step)  # Fraction arithmetic, apart from the library
    assert band.denominator == 1

    def codes(total: int) -> list[str]:
        r = report(
            [Money.from_kopecks(k) for k in written],
            Money.from_kopecks(total),
            MoneyFormat(MoneyUnit.THOUSAND, 1),
        )
        return [f.code for f in audit(r, select=["MR1"])]

    assert codes(sum(written) + int(band)) == ["MR102"]
    assert codes(sum(written) + int(band) + 1 + extra_kopecks) == ["MR101"]
    if sum(written) - int(band) - 1 >= 0:
        assert codes(sum(written) - int(band) - 1) == ["MR101"]


@given(kopecks, kopecks.filter(bool), st.integers(min_value=0, max_value=2))
def test_correctly_rounded_percentages_pass(actual: int, plan: int, decimals: int) -> None:
    """A declared percent that is the half-up rounding of actual / plan at any precision passes."""
    exact = Fraction(100 * actual, plan)
    if exact >= 10**12:
        return
    units = int(exact * 10**decimals + Fraction(1, 2))
    m = Measure(
        "Захід",
        Financing(annual=Money.from_kopecks(plan), actual=Money.from_kopecks(actual)),
        Percent.from_units(units, decimals),
    )
    assert audit(m, select=["MR2"]) == []


@given(
    kopecks,
    kopecks.filter(bool),
    st.integers(min_value=0, max_value=2),
    st.integers(min_value=2, max_value=10**4),
    st.booleans(),
)
def test_percentages_moved_out_of_their_band_are_errors(
    actual: int, plan: int, decimals: int, shift: int, down: bool
) -> None:
    """Moving a correct rounding by two or more units of its last place gives MR201."""
    exact = Fraction(100 * actual, plan)
    if exact >= 10**12:
        return
    units = int(exact * 10**decimals + Fraction(1, 2)) + (-shift if down else shift)
    if units < 0:
        units = -units + 2 * shift
    m = Measure(
        "Захід",
        Financing(annual=Money.from_kopecks(plan), actual=Money.from_kopecks(actual)),
        Percent.from_units(units, decimals),
    )
    [finding] = audit(m, select=["MR201"])
    assert (finding.path, finding.found) == (
        "$.declared_percent",
        Percent.from_units(units, decimals),
    )
    # The expected value from Fraction arithmetic, not from percentage() under test.
    assert isinstance(finding.expected, Percent)
    assert finding.expected.decimals == 2
    assert Fraction(finding.expected.units, 100) == percent_half_away(actual, plan)


@given(
    st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=20),
    st.integers(-50, 50),
)
def test_count_breakdowns(parts: list[int], delta: int) -> None:
    """Exact counts must meet their total exactly: any difference is MR101."""
    total = max(0, sum(parts) + delta)
    b = Breakdown("засідання", total, tuple(Part(f"комісія {i}", p) for i, p in enumerate(parts)))
    codes = [f.code for f in audit(b)]
    assert codes == ([] if total == sum(parts) else ["MR101"])


@given(
    st.lists(st.tuples(kopecks, kopecks), min_size=1, max_size=20),
    st.integers(min_value=0, max_value=2),
)
def test_percentages_of_raw_amounts_shown_in_thousands_never_raise_mr201(
    rows: list[tuple[int, int]], decimals: int
) -> None:
    """A council computes column 9 from raw amounts, then prints them in тис. грн: no false alarm."""
    step = 10_000
    measures = []
    for plan_raw, actual_raw in rows:
        plan_raw = max(plan_raw, step)  # a plan shown as at least 0,1 тис. грн
        exact = Fraction(100 * actual_raw, plan_raw)
        if exact >= 10**12:
            return
        units = int(exact * 10**decimals + Fraction(1, 2))
        measures.append(
            Measure(
                "Захід",
                Financing(
                    annual=Money.from_kopecks(_round_half_up(plan_raw, step)),
                    actual=Money.from_kopecks(_round_half_up(actual_raw, step)),
                ),
                Percent.from_units(units, decimals),
            )
        )
    th1 = MoneyFormat(MoneyUnit.THOUSAND, 1)
    r = ProgramReport(
        Program("Програма"),
        ReportingPeriod.year(2023),
        (Task("Завдання", tuple(measures)),),
        columns=ColumnFormats(th1, th1, th1),
    )
    assert audit(r, select=["MR201", "MR203"]) == []
