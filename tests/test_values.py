"""Quantities, periods, terms and references: the smaller value types."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from municipal_reports import (
    Decision,
    Interval,
    InvalidTypeError,
    InvalidValueError,
    Organization,
    PeriodKind,
    Person,
    Qualifier,
    Quantity,
    ReportingPeriod,
    YearSpan,
)
from municipal_reports.domain.document import Council


@pytest.mark.parametrize(
    ("quantity", "interval"),
    [
        (Quantity(12), Interval(12, 12)),
        (Quantity(3000, Qualifier.ABOUT), Interval(2700, 3300)),
        (Quantity(11854, Qualifier.MORE_THAN), Interval(11855, None)),
        (Quantity(10, Qualifier.AT_LEAST), Interval(10, None)),
        (Quantity(10, Qualifier.UP_TO), Interval(0, 10)),
        (Quantity(100, Qualifier.ALMOST), Interval(90, 100)),
        (Quantity(9, Qualifier.ABOUT), Interval(9, 9)),  # ±10% of 9 holds no other whole number
    ],
)
def test_each_qualifier_is_an_interval(quantity: Quantity, interval: Interval) -> None:
    """«близько» is ±10%, «більше» strictly more, «до» from zero, «майже» up to 10% under."""
    assert quantity.interval == interval


@given(st.integers(0, 10**9), st.sampled_from(list(Qualifier)))
def test_a_quantity_allows_its_own_value_unless_more_than(value: int, qualifier: Qualifier) -> None:
    """Every qualifier but «більше» admits the written number itself."""
    allowed = value in Quantity(value, qualifier).interval
    assert allowed is (qualifier is not Qualifier.MORE_THAN)


def test_quantity_refuses_negative_and_non_int() -> None:
    """A count is a non-negative int; every fault is named."""
    with pytest.raises(InvalidValueError, match=r"\$\.value"):
        Quantity(-1)
    with pytest.raises(InvalidTypeError):
        Quantity(1.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        Quantity(True)


def test_periods_of_each_kind() -> None:
    """Each kind knows its dates and its names in both languages."""
    q = ReportingPeriod.quarter(2022, 3)
    assert (q.start, q.end, q.name_uk, q.name_en) == (
        dt.date(2022, 7, 1),
        dt.date(2022, 9, 30),
        "III квартал 2022 року",
        "Q3 2022",
    )
    assert ReportingPeriod.year(2023).name_uk == "2023 рік"
    assert ReportingPeriod.half_year(2020, 1).end == dt.date(2020, 6, 30)
    assert ReportingPeriod.month(2024, 2).end == dt.date(2024, 2, 29)
    assert (
        ReportingPeriod.between(dt.date(2022, 6, 23), dt.date(2022, 6, 27)).kind is PeriodKind.RANGE
    )


def test_period_refuses_impossible_spans() -> None:
    """An end before the start, or dates that do not make the named kind, are refused."""
    with pytest.raises(InvalidValueError, match=r"\$\.end"):
        ReportingPeriod.between(dt.date(2022, 2, 1), dt.date(2022, 1, 1))
    with pytest.raises(InvalidValueError, match="nine_months"):
        ReportingPeriod(PeriodKind.NINE_MONTHS, dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    with pytest.raises(InvalidTypeError):
        ReportingPeriod(PeriodKind.YEAR, "2022-01-01", dt.date(2022, 12, 31))  # type: ignore[arg-type]


def test_year_span_contains_periods_and_refuses_reversed_terms() -> None:
    """A 2021–2025 term holds 9 months of 2022 but not the year 2026."""
    term = YearSpan(2021, 2025)
    assert ReportingPeriod.nine_months(2022) in term
    assert ReportingPeriod.year(2026) not in term
    assert str(term) == "2021–2025"
    with pytest.raises(InvalidValueError, match=r"\$\.last"):
        YearSpan(2025, 2021)


def test_decision_needs_a_date_or_a_number() -> None:
    """«зміни від 02.09.2022» has no number and is fine; nothing at all is refused."""
    assert str(Decision(dt.date(2022, 9, 2))) == "від 02.09.2022"
    assert str(Decision(None, "279")) == "№279"
    with pytest.raises(InvalidValueError):
        Decision(None)


def test_edrpou_is_checked_with_stdnum() -> None:
    """A valid EDRPOU code is accepted; a wrong check digit is refused at $.edrpou."""
    assert Organization("Житомирська міська рада", "32855961").edrpou == "32855961"
    with pytest.raises(InvalidValueError, match=r"check digit.*\$\.edrpou"):
        Organization("x", "32855962")


def test_person_official_name_and_council_katottg() -> None:
    """Signature form is «Ім'я ПРІЗВИЩЕ»; a KATOTTG code must look like UA + 17 digits."""
    assert Person("Віра", "Рачковська-Долгих").official_name == "Віра РАЧКОВСЬКА-ДОЛГИХ"
    assert Person("О.", "Ахмедова", "В.").official_name == "О. В. АХМЕДОВА"
    assert Council("Житомирська міська рада", 8, "UA18040470000050366").katottg
    with pytest.raises(InvalidValueError, match="17 digits"):
        Council("x", katottg="UA123")


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda: ReportingPeriod.year(0), "$.year"),
        (lambda: ReportingPeriod.nine_months(10_000), "$.year"),
        (lambda: ReportingPeriod.half_year(2022, 3), "$.half"),
        (lambda: ReportingPeriod.quarter(2022, 5), "$.quarter"),
        (lambda: ReportingPeriod.month(2022, 13), "$.month"),
    ],
)
def test_period_constructors_refuse_impossible_numbers(build: object, path: str) -> None:
    """Year 0, a third half-year, a fifth quarter, month 13: the library's error, with the path."""
    with pytest.raises(InvalidValueError) as info:
        build()  # type: ignore[operator]
    assert info.value.path == path


@given(st.integers(1900, 2199), st.integers(1, 12))
def test_a_month_ends_on_its_last_day_exactly(year: int, month: int) -> None:
    """A month period runs to the month's last day (28, 29, 30 or 31 by the calendar): one
    day short is refused, and so is one day into the next month."""
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    first = dt.date(year, month, 1)
    assert ReportingPeriod(PeriodKind.MONTH, first, last) == ReportingPeriod.month(year, month)
    with pytest.raises(InvalidValueError):
        ReportingPeriod(PeriodKind.MONTH, first, last - dt.timedelta(days=1))
    if (year, month) != (2199, 12):
        with pytest.raises(InvalidValueError):
            ReportingPeriod(PeriodKind.MONTH, first, last + dt.timedelta(days=1))
