"""Strategies for values: money, percentages, counts, periods, decisions, people."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from stdnum.ua import edrpou

from municipal_reports.domain.money import Money
from municipal_reports.domain.percent import Percent, is_correct_rounding, percentage
from municipal_reports.domain.period import (
    PeriodKind,
    ReportingPeriod,
    YearSpan,
)
from municipal_reports.domain.program import MoneyFormat, MoneyUnit
from municipal_reports.domain.quantity import Qualifier, Quantity
from municipal_reports.domain.references import Decision, Organization, Person, Signatory
from municipal_reports.errors import MunicipalReportsError
from municipal_reports.testing import _text
from municipal_reports.testing._declared import least, most

__all__ = [
    "DEFAULT_MAX_MONEY",
    "correct_percent",
    "decisions",
    "draw_kopecks",
    "moneys",
    "organizations",
    "people",
    "percents",
    "quantities",
    "reporting_periods",
    "signatories",
    "year_spans",
]

#: The largest amount drawn unless asked otherwise: hundreds of millions of hryvnias, the
#: scale of a big city's program.
DEFAULT_MAX_MONEY = Money(500_000_000)

_DECIMALS = st.sampled_from((0, 2, 1))


def _check_type(name: str, value: object, kind: type | tuple[type, ...]) -> None:
    if not isinstance(value, kind) or isinstance(value, bool):
        raise InvalidArgument(f"{name}={value!r} must be {kind!r}")


def _check_int(name: str, value: object) -> int:
    _check_type(name, value, int)
    assert isinstance(value, int)
    return value


def _check_order(low_name: str, low: object, high_name: str, high: object) -> None:
    if low > high:  # type: ignore[operator]
        raise InvalidArgument(f"{low_name}={low!r} is greater than {high_name}={high!r}")


def draw_kopecks(draw: st.DrawFn, low: int, high: int, step: int = 1) -> int:
    """A multiple of ``step`` in [low, high], spread over orders of magnitude.

    A uniform draw up to hundreds of millions almost never gives a small amount; drawing
    the order of magnitude first gives kopecks and millions alike, and shrinks to ``low``.
    """
    lo = -(-low // step)
    hi = high // step
    digits = draw(st.integers(0, len(str(max(abs(hi), 1)))))
    top = max(lo, min(hi, lo + 10**digits))
    return draw(st.integers(lo, top)) * step


def moneys(
    *,
    min_value: Money | None = None,
    max_value: Money | None = None,
    unit: MoneyUnit = MoneyUnit.HRYVNIA,
    decimals: int = 2,
) -> st.SearchStrategy[Money]:
    """Amounts from ``min_value`` (default 0) to ``max_value`` (default 500 million грн),
    as a column written in ``unit`` with ``decimals`` decimals would show them: «тис. грн»
    with one decimal gives multiples of 100 грн. Small and large amounts are equally likely
    orders of magnitude."""
    if not isinstance(unit, MoneyUnit):
        raise InvalidArgument(f"unit={unit!r} must be a MoneyUnit")
    _check_int("decimals", decimals)
    try:
        step = MoneyFormat(unit, decimals).step.kopecks
    except MunicipalReportsError as exc:
        raise InvalidArgument(f"decimals={decimals!r} is impossible for {unit.value}") from exc
    low = Money(0) if min_value is None else min_value
    high = DEFAULT_MAX_MONEY if max_value is None else max_value
    _check_type("min_value", low, Money)
    _check_type("max_value", high, Money)
    _check_order("min_value", low, "max_value", high)
    if -(-low.kopecks // step) > high.kopecks // step:
        raise InvalidArgument(
            f"no multiple of {Money.from_kopecks(step)} lies between {low} and {high}"
        )

    @st.composite
    def draw_money(draw: st.DrawFn) -> Money:
        return Money.from_kopecks(draw_kopecks(draw, low.kopecks, high.kopecks, step))

    return draw_money()


def percents(
    *,
    min_value: Percent | None = None,
    max_value: Percent | None = None,
    decimals: int | None = None,
) -> st.SearchStrategy[Percent]:
    """Percentages from ``min_value`` (default 0) to ``max_value`` (default 100) written
    with ``decimals`` decimals (0, 1 or 2 when not given, as documents write them)."""
    low = Percent(0) if min_value is None else min_value
    high = Percent(100) if max_value is None else max_value
    _check_type("min_value", low, Percent)
    _check_type("max_value", high, Percent)
    _check_order("min_value", low, "max_value", high)
    if decimals is not None and not (type(decimals) is int and 0 <= decimals <= 12):
        raise InvalidArgument(f"decimals={decimals!r} must be an int from 0 to 12")
    if decimals is not None:
        scale = 10**decimals
        if -(-low.units * scale // low.scale) > high.units * scale // high.scale:
            raise InvalidArgument(f"no percent with {decimals} decimals lies in [{low}, {high}]")

    @st.composite
    def draw_percent(draw: st.DrawFn) -> Percent:
        d = draw(_DECIMALS) if decimals is None else decimals
        scale = 10**d
        lo = -(-low.units * scale // low.scale)
        hi = high.units * scale // high.scale
        if lo > hi:  # bounds finer than the drawn precision: use the finest one
            d = max(low.decimals, high.decimals)
            scale = 10**d
            lo, hi = low.units * scale // low.scale, high.units * scale // high.scale
        return Percent.from_units(draw(st.integers(lo, hi)), d)

    return draw_percent()


def correct_percent(part: Money | int, whole: Money | int, decimals: int) -> Percent:
    """A correct rounding of ``part / whole × 100`` with ``decimals`` decimals (0 to 2).

    Built from the one :func:`percentage` and checked with :func:`is_correct_rounding`, so
    a generated declared percent is consistent by the library's own rule.
    """
    exact = percentage(part, whole)
    if exact is None:
        raise InvalidArgument("a percentage of a zero whole is undefined")
    drop = 10 ** (2 - decimals)
    base = exact.units // drop
    for units in (base, base + 1, base - 1):
        candidate = Percent.from_units(max(units, 0), decimals)
        if is_correct_rounding(candidate, part, whole):
            return candidate
    raise AssertionError(f"no rounding of {exact} with {decimals} decimals")  # unreachable


def quantities(
    *,
    min_value: int = 0,
    max_value: int = 100_000,
    qualifiers: Iterable[Qualifier] | None = None,
) -> st.SearchStrategy[Quantity]:
    """Counts from ``min_value`` to ``max_value`` with one of ``qualifiers`` (exact only by
    default: «близько», «більше» … are opt-in, as they change what a count means)."""
    _check_int("min_value", min_value)
    _check_int("max_value", max_value)
    if min_value < least(Quantity, "value"):
        raise InvalidArgument(f"min_value={min_value!r} must be >= {least(Quantity, 'value')}")
    _check_order("min_value", min_value, "max_value", max_value)
    chosen = (Qualifier.EXACT,) if qualifiers is None else tuple(qualifiers)
    if not chosen or not all(isinstance(q, Qualifier) for q in chosen):
        raise InvalidArgument(f"qualifiers={qualifiers!r} must be a non-empty set of Qualifier")
    return st.builds(Quantity, st.integers(min_value, max_value), st.sampled_from(chosen))


def _check_years(min_year: int, max_year: int) -> None:
    _check_int("min_year", min_year)
    _check_int("max_year", max_year)
    # The years a term may hold, as YearSpan declares them.
    first, last = least(YearSpan, "first"), most(YearSpan, "last")
    if not first <= min_year <= max_year <= last:
        raise InvalidArgument(
            f"years must satisfy {first} <= min_year <= max_year <= {last} "
            f"(got {min_year}, {max_year})"
        )


_KINDS = (
    PeriodKind.YEAR,
    PeriodKind.NINE_MONTHS,
    PeriodKind.HALF_YEAR,
    PeriodKind.QUARTER,
    PeriodKind.MONTH,
    PeriodKind.RANGE,
)


def draw_period(
    draw: st.DrawFn, min_year: int, max_year: int, kinds: tuple[PeriodKind, ...] = _KINDS
) -> ReportingPeriod:
    """One reporting period of one of ``kinds`` inside the years given."""
    kind = draw(st.sampled_from(kinds))
    year = draw(st.integers(min_year, max_year))
    if kind is PeriodKind.YEAR:
        return ReportingPeriod.year(year)
    if kind is PeriodKind.NINE_MONTHS:
        return ReportingPeriod.nine_months(year)
    if kind is PeriodKind.HALF_YEAR:
        return ReportingPeriod.half_year(year, draw(st.integers(1, 2)))
    if kind is PeriodKind.QUARTER:
        return ReportingPeriod.quarter(year, draw(st.integers(1, 4)))
    if kind is PeriodKind.MONTH:
        return ReportingPeriod.month(year, draw(st.integers(1, 12)))
    start = dt.date(year, 1, 1) + dt.timedelta(days=draw(st.integers(0, 364)))
    end = start + dt.timedelta(days=draw(st.integers(0, 364)))
    return ReportingPeriod.between(start, min(end, dt.date(year, 12, 31)))


def reporting_periods(
    *, min_year: int = 2017, max_year: int = 2026, kinds: Iterable[PeriodKind] | None = None
) -> st.SearchStrategy[ReportingPeriod]:
    """Reporting periods (a year, 9 months, a half-year, a quarter, a month or a range of
    dates within one year) that start and end between ``min_year`` and ``max_year``."""
    _check_years(min_year, max_year)
    chosen = _KINDS if kinds is None else tuple(kinds)
    if not chosen or not all(isinstance(k, PeriodKind) for k in chosen):
        raise InvalidArgument(f"kinds={kinds!r} must be a non-empty set of PeriodKind")

    @st.composite
    def draw_reporting_period(draw: st.DrawFn) -> ReportingPeriod:
        return draw_period(draw, min_year, max_year, chosen)

    return draw_reporting_period()


def year_spans(
    *, min_year: int = 2015, max_year: int = 2030, max_length: int = 10
) -> st.SearchStrategy[YearSpan]:
    """Program terms of 1 to ``max_length`` whole years between ``min_year`` and ``max_year``."""
    _check_years(min_year, max_year)
    _check_int("max_length", max_length)
    if max_length < 1:
        raise InvalidArgument(f"max_length={max_length!r} must be >= 1")

    @st.composite
    def draw_span(draw: st.DrawFn) -> YearSpan:
        first = draw(st.integers(min_year, max_year))
        last = draw(st.integers(first, min(max_year, first + max_length - 1)))
        return YearSpan(first, last)

    return draw_span()


def decision_numbers() -> st.SearchStrategy[str]:
    """Decision numbers as councils write them: «31», «1430», «279/2»."""
    return st.builds(str, st.integers(1, 3000))


def decisions(
    *,
    min_date: dt.date = dt.date(2015, 1, 1),
    max_date: dt.date = dt.date(2026, 12, 31),
    bodies: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Decision]:
    """References to council decisions with a date between ``min_date`` and ``max_date``
    and a number («№31 від 24.12.2020»)."""
    _check_type("min_date", min_date, dt.date)
    _check_type("max_date", max_date, dt.date)
    _check_order("min_date", min_date, "max_date", max_date)
    body_strategy = (
        bodies if bodies is not None else st.sampled_from(tuple(c for c, _ in _text.CITIES))
    )
    return st.builds(
        Decision,
        date=st.dates(min_date, max_date),
        number=decision_numbers(),
        body=body_strategy,
    )


def people() -> st.SearchStrategy[Person]:
    """People with Ukrainian names; ``official_name`` gives «Ім'я ПРІЗВИЩЕ»."""
    return st.builds(
        Person,
        given_name=st.sampled_from(_text.GIVEN_NAMES),
        surname=st.sampled_from(_text.SURNAMES),
        patronymic=st.sampled_from(_text.PATRONYMICS),
    )


def signatories(*, people: st.SearchStrategy[Person] | None = None) -> st.SearchStrategy[Signatory]:
    """Whoever signs a report: a position («Начальник відділу») and a person."""
    return st.builds(
        Signatory,
        position=st.sampled_from(_text.POSITIONS),
        person=people if people is not None else _people(),
    )


_people = people


def edrpou_codes() -> st.SearchStrategy[str]:
    """Valid EDRPOU codes: seven digits and the check digit python-stdnum computes."""

    def with_check_digit(n: int) -> str:
        body = f"{n:07d}"
        return body + edrpou.calc_check_digit(body)

    return st.builds(with_check_digit, st.integers(0, 9_999_999))


def organizations(*, with_edrpou: bool | None = None) -> st.SearchStrategy[Organization]:
    """Organisations with a realistic name and, when ``with_edrpou`` is true (sometimes, by
    default), a valid EDRPOU code."""
    if with_edrpou is not None and not isinstance(with_edrpou, bool):
        raise InvalidArgument(f"with_edrpou={with_edrpou!r} must be a bool or None")
    code: st.SearchStrategy[str | None]
    if with_edrpou is None:
        code = st.none() | edrpou_codes()
    elif with_edrpou:
        code = edrpou_codes()
    else:
        code = st.none()
    return st.builds(Organization, name=st.sampled_from(_text.ORGANIZATIONS), edrpou=code)
