"""Round trips: for every value type, parse(format(x, locale)) == x in both locales.

The formatting side is the renderers' one i18n module (``municipal_reports.i18n``)
for numbers, money, percentages, dates and counts, and the domain's own names for periods,
terms, decisions and people.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from municipal_reports import (
    Decision,
    Money,
    MoneyUnit,
    Percent,
    Person,
    Qualifier,
    Quantity,
    ReportingPeriod,
    YearSpan,
)
from municipal_reports.i18n.formatting import (
    format_date,
    format_money,
    format_number,
    format_percent,
    format_quantity,
)
from municipal_reports.parse import (
    parse_date,
    parse_decision,
    parse_money,
    parse_number,
    parse_percent,
    parse_period,
    parse_person,
    parse_quantity,
    parse_year_span,
)

LOCALES = ["uk", "en"]

numbers = st.builds(
    lambda units, decimals: Decimal(units).scaleb(-decimals),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.integers(min_value=0, max_value=6),
)
moneys = st.integers(min_value=-(10**16), max_value=10**16).map(Money.from_kopecks)
percents = st.builds(
    Percent.from_units,
    st.integers(min_value=-(10**9), max_value=10**9),
    st.integers(min_value=0, max_value=4),
)
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31))
quantities = st.builds(
    Quantity, st.integers(min_value=0, max_value=10**9), st.sampled_from(list(Qualifier))
)


@pytest.mark.parametrize("locale", LOCALES)
@given(value=numbers)
def test_numbers_round_trip(locale: str, value: Decimal) -> None:
    """A number formatted for the locale reads back with its value and its decimals."""
    text = format_number(value, locale)
    assert text.startswith("-") is (value < 0)  # a zero read back would hide «-0»
    got = parse_number(text, locale=locale)
    assert got == value
    assert got.as_tuple().exponent == value.as_tuple().exponent


@pytest.mark.parametrize("locale", LOCALES)
@given(value=moneys)
def test_money_round_trips_in_hryvnias(locale: str, value: Money) -> None:
    """«1 243 280,57 грн» and "1,243,280.57 UAH" read back to the kopeck."""
    text = format_money(value, locale)
    assert text.startswith("-") is (value.kopecks < 0)  # «-0,00 грн» would read back as 0
    assert parse_money(text, locale=locale) == value


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("with_unit", [True, False])
@given(value=moneys)
def test_money_round_trips_in_thousands(locale: str, with_unit: bool, value: Money) -> None:
    """Money written in thousands with five decimals reads back exactly: with its unit
    words, or bare in a column whose unit is known."""
    text = format_money(value, locale, unit=MoneyUnit.THOUSAND, decimals=5, with_unit=with_unit)
    assert text.startswith("-") is (value.kopecks < 0)
    assert parse_money(text, unit=MoneyUnit.THOUSAND, locale=locale) == value


@pytest.mark.parametrize("locale", LOCALES)
@given(value=percents)
def test_percents_round_trip(locale: str, value: Percent) -> None:
    """A percentage reads back with its written precision («64%» stays 0 decimals)."""
    text = format_percent(value, locale)
    assert text.startswith("-") is (value.units < 0)
    assert parse_percent(text, locale=locale) == value


@pytest.mark.parametrize(
    ("formatted", "text"),
    [
        (format_money(Money(0), "uk"), "0,00\u00a0грн"),
        (format_money(Money("-0.01"), "uk"), "-0,01\u00a0грн"),
        (format_money(Money("1243280.57"), "uk"), "1\u00a0243\u00a0280,57\u00a0грн"),
        (format_money(Money("-0.01"), "en"), "-0.01\u00a0UAH"),
        (format_number(Decimal("-0.0"), "uk"), "0,0"),
        (format_percent(Percent("0.00"), "uk"), "0,00%"),
        (format_percent(Percent("-0.5"), "en"), "-0.5%"),
    ],
)
def test_formatted_text_is_written_out_here(formatted: str, text: str) -> None:
    """The text the round trips start from, against a hand-written table: zero has no sign."""
    assert formatted == text


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("style", ["table", "prose"])
@given(value=dates)
def test_dates_round_trip(locale: str, style: str, value: dt.date) -> None:
    """«24.12.2020», «24 грудня 2020 р.», "2020-12-24", "24 December 2020" read back."""
    assert parse_date(format_date(value, locale, style=style)) == value  # type: ignore[arg-type]


@pytest.mark.parametrize("locale", LOCALES)
@given(value=quantities)
def test_quantities_round_trip(locale: str, value: Quantity) -> None:
    """Counts with their qualifier («близько 3 000», "more than 11,854") read back."""
    assert parse_quantity(format_quantity(value, locale), locale=locale) == value


@st.composite
def periods(draw: st.DrawFn) -> ReportingPeriod:
    """Reporting periods of every kind."""
    year = draw(st.integers(min_value=1900, max_value=2199))
    kind = draw(st.sampled_from(["year", "nine", "half", "quarter", "month", "range"]))
    if kind == "year":
        return ReportingPeriod.year(year)
    if kind == "nine":
        return ReportingPeriod.nine_months(year)
    if kind == "half":
        return ReportingPeriod.half_year(year, draw(st.integers(1, 2)))
    if kind == "quarter":
        return ReportingPeriod.quarter(year, draw(st.integers(1, 4)))
    if kind == "month":
        return ReportingPeriod.month(year, draw(st.integers(1, 12)))
    start, end = sorted(draw(st.lists(dates, min_size=2, max_size=2)))
    return ReportingPeriod.between(start, end)


@given(value=periods())
def test_periods_round_trip_from_their_names(value: ReportingPeriod) -> None:
    """A period's Ukrainian and English names, with or without «за», read back to it."""
    assert parse_period(value.name_uk) == value
    assert parse_period("за " + value.name_uk) == value
    assert parse_period(value.name_en) == value


@given(first=st.integers(1900, 2199), length=st.integers(0, 30))
def test_terms_round_trip(first: int, length: int) -> None:
    """A term written «2021–2025» (or with a hyphen) reads back."""
    span = YearSpan(first, min(first + length, 2199))
    assert parse_year_span(str(span)) == span
    assert parse_year_span(f"{span.first}-{span.last} роки") == span


decision_numbers = st.from_regex(r"[1-9][0-9]{0,4}(-[а-я]{1,2})?", fullmatch=True)


@given(
    date=st.none() | dates,
    number=st.none() | decision_numbers,
)
def test_decisions_round_trip(date: dt.date | None, number: str | None) -> None:
    """«№31 від 24.12.2020», a lone «№ 279» or a lone date read back to the decision."""
    if date is None and number is None:
        return
    decision = Decision(date, number)
    assert parse_decision(str(decision)) == decision


LOWER = "абвгґдеєжзиіїйклмнопрстуфхцчшщюя"
words = st.builds(
    lambda first, rest: first.upper() + rest,
    st.sampled_from(LOWER),
    st.text(alphabet=LOWER, min_size=1, max_size=10),
)
surnames = st.lists(words, min_size=1, max_size=2).map("-".join)


@given(given_name=words, surname=surnames, patronymic=st.just("") | words)
def test_people_round_trip_from_signature_lines(
    given_name: str, surname: str, patronymic: str
) -> None:
    """«Лілія СТЕПАНЮК», as a signature writes a Person, reads back to the Person."""
    person = Person(given_name, surname, patronymic)
    assert parse_person(person.official_name) == person
