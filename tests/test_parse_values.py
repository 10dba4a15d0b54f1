"""Every literal of issue 5 read into its value, and the stdnum-style contract of the parsers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from municipal_reports import (
    Decision,
    Money,
    MoneyUnit,
    ParseError,
    Percent,
    Person,
    Qualifier,
    Quantity,
    ReportingPeriod,
    YearSpan,
)
from municipal_reports import parse as P
from municipal_reports.parse import (
    find_decisions,
    parse_date,
    parse_date_range,
    parse_decision,
    parse_money,
    parse_number,
    parse_optional_number,
    parse_percent,
    parse_period,
    parse_person,
    parse_quantity,
    parse_year_span,
)

NBSP, NNBSP = "\u00a0", "\u202f"

NUMBERS = [
    ("2 080 000, 00", Decimal("2080000.00")),
    ("249 000,00", Decimal("249000.00")),
    ("00,0", Decimal("0.0")),
    ("0,00", Decimal("0.00")),
    ("20,0", Decimal("20.0")),
    ("1 243 280,57", Decimal("1243280.57")),
    (f"1{NBSP}243{NBSP}280,57", Decimal("1243280.57")),
    (f"1{NNBSP}243{NNBSP}280,57", Decimal("1243280.57")),
    ("0", Decimal("0")),
    ("28719468.00", Decimal("28719468.00")),
]


@pytest.mark.parametrize(("text", "value"), NUMBERS)
def test_number_literals(text: str, value: Decimal) -> None:
    """Each number of the issue reads to its value with its written decimals."""
    got = parse_number(text)
    assert got == value
    assert got.as_tuple().exponent == value.as_tuple().exponent


@pytest.mark.parametrize("text", ["-", "–", "—", " — ", ""])
def test_placeholder_dash_is_nothing_not_a_minus(text: str) -> None:
    """A lone hyphen or dash is a placeholder: no number, and never a negative one."""
    assert parse_optional_number(text) is None
    assert P.is_placeholder(text)
    with pytest.raises(ParseError):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("51,88%", Percent("51.88")),
        ("64%", Percent("64")),
        ("0", Percent("0")),
        ("24,69%", Percent("24.69")),
    ],
)
def test_percent_literals(text: str, value: Percent) -> None:
    """Percentages keep their written precision («64%» has none, «51,88%» two)."""
    assert parse_percent(text) == value


MONEY = [
    ("15 млн 219 тис 100 грн 73 коп.", Money("15219100.73")),
    ("1 млн. 722,9 тис.", Money("1722900.00")),
    ("93 млн. 441 тис. 454 грн", Money("93441454.00")),
    ("83 тис. 214 грн", Money("83214.00")),
    ("400 000,00 грн.", Money("400000.00")),
    ("1 722,9 тыс. грн", Money("1722900.00")),
    ("5 млн", Money("5000000.00")),
]


@pytest.mark.parametrize(("text", "value"), MONEY)
def test_amounts_with_words(text: str, value: Money) -> None:
    """Amounts written with «млн», «тис», «грн», «коп» (and Russian «тыс.») read exactly."""
    assert parse_money(text) == value


def test_thousands_column_multiplies_by_a_thousand() -> None:
    """A bare «20,0» in a «тис. грн» column is 20 000,00 грн; in a «грн» column it is 20,00."""
    assert parse_money("20,0", unit=MoneyUnit.THOUSAND) == Money("20000.00")
    assert parse_money("20,0") == Money("20.00")


@pytest.mark.parametrize("text", ["0,001", "1 тис. 0,5 коп.", "0,000001 тис."])
def test_sub_kopeck_amounts_are_errors(text: str) -> None:
    """A fraction of a kopeck is refused, never rounded away."""
    with pytest.raises(ParseError):
        parse_money(text)


@pytest.mark.parametrize("text", ["5 тис. 3 млн", "грн 5 тис", "5 тис 3"])
def test_amount_words_must_decrease(text: str) -> None:
    """Units out of order or a trailing bare number are refused with a position."""
    with pytest.raises(ParseError) as info:
        parse_money(text)
    assert 0 <= info.value.position <= len(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("близько 3000", Quantity(3000, Qualifier.ABOUT)),
        ("більше 11 854", Quantity(11854, Qualifier.MORE_THAN)),
        ("понад 20", Quantity(20, Qualifier.MORE_THAN)),
        ("до 10", Quantity(10, Qualifier.UP_TO)),
        ("майже 100", Quantity(100, Qualifier.ALMOST)),
        ("близько 9 тисяч", Quantity(9000, Qualifier.ABOUT)),
        ("12 527", Quantity(12527)),
    ],
)
def test_approximate_figures(text: str, value: Quantity) -> None:
    """Counts carry the qualifier the text gave them."""
    assert parse_quantity(text) == value


@pytest.mark.parametrize(
    ("text", "year", "value"),
    [
        ("24.12.2020", None, dt.date(2020, 12, 24)),
        ("24.12.2020 р.", None, dt.date(2020, 12, 24)),
        ("02.12.2020 р.", None, dt.date(2020, 12, 2)),
        ("14 травня 2018 року", None, dt.date(2018, 5, 14)),
        ("1 жовтня", 2022, dt.date(2022, 10, 1)),
    ],
)
def test_dates(text: str, year: int | None, value: dt.date) -> None:
    """Dates in figures and in words (Ukrainian genitive months) read to the day."""
    assert parse_date(text, year=year) == value


def test_day_and_month_without_a_year_need_one() -> None:
    """«1 жовтня» alone names no year: the parser asks for one rather than guessing."""
    with pytest.raises(ParseError, match="year"):
        parse_date("1 жовтня")


@pytest.mark.parametrize(
    ("text", "year", "value"),
    [
        ("23.06.2022 - 27.06.2022", None, (dt.date(2022, 6, 23), dt.date(2022, 6, 27))),
        ("з 1 по 10 жовтня", 2022, (dt.date(2022, 10, 1), dt.date(2022, 10, 10))),
        ("з 1 вересня по 10 жовтня 2022 року", None, (dt.date(2022, 9, 1), dt.date(2022, 10, 10))),
    ],
)
def test_date_ranges(text: str, year: int | None, value: tuple[dt.date, dt.date]) -> None:
    """Ranges of dates, in figures or in words, read to both ends."""
    assert parse_date_range(text, year=year) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("від 24.12.2020 №31", Decision(dt.date(2020, 12, 24), "31")),
        ("№31 від 24.12.2020", Decision(dt.date(2020, 12, 24), "31")),
        ("№ 279", Decision(None, "279")),
        (
            "рішення виконавчого комітету від 18.10.2017 № 975 «Про передачу матеріальних цінностей»",
            Decision(dt.date(2017, 10, 18), "975"),
        ),
    ],
)
def test_decision_references(text: str, value: Decision) -> None:
    """Decision references read in either order, with words around them."""
    assert parse_decision(text) == value


def test_decision_list_of_a_header_block() -> None:
    """A header's list of decisions, one of them a bare date, reads in order."""
    text = (
        "№31 від 24.12.2020, внесення змін - №279 від 23.09.2021; №381 від 24.12.2021; 02.09.2022"
    )
    assert find_decisions(text, body="Житомирська міська рада") == [
        Decision(dt.date(2020, 12, 24), "31", body="Житомирська міська рада"),
        Decision(dt.date(2021, 9, 23), "279", body="Житомирська міська рада"),
        Decision(dt.date(2021, 12, 24), "381", body="Житомирська міська рада"),
        Decision(dt.date(2022, 9, 2), body="Житомирська міська рада"),
    ]


@pytest.mark.parametrize(
    ("text", "year", "value"),
    [
        ("за 9 місяців 2022 року", None, ReportingPeriod.nine_months(2022)),
        ("за 2023 рік", None, ReportingPeriod.year(2023)),
        ("за I півріччя", 2022, ReportingPeriod.half_year(2022, 1)),
        ("I квартал", 2021, ReportingPeriod.quarter(2021, 1)),
        ("IV квартал 2021 року", None, ReportingPeriod.quarter(2021, 4)),
    ],
)
def test_periods(text: str, year: int | None, value: ReportingPeriod) -> None:
    """Reporting periods as titles write them, the year from context where missing."""
    assert parse_period(text, year=year) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2021-2025", YearSpan(2021, 2025)),
        ("2017–2026", YearSpan(2017, 2026)),
        ("на 2021-2025 роки", YearSpan(2021, 2025)),
    ],
)
def test_terms(text: str, value: YearSpan) -> None:
    """Program terms in years, with a hyphen or an en dash."""
    assert parse_year_span(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Лілія СТЕПАНЮК", Person("Лілія", "Степанюк")),
        ("Ахмедова О.В.", Person("О.", "Ахмедова", "В.")),
        ("Віра РАЧКОВСЬКА-ДОЛГИХ", Person("Віра", "Рачковська-Долгих")),
        ("Віктор Антонович КЛІМІНСЬКИЙ", Person("Віктор", "Клімінський", "Антонович")),
    ],
)
def test_signature_names(text: str, value: Person) -> None:
    """Signature lines read into a Person, initials kept as written."""
    assert parse_person(text) == value


@pytest.mark.parametrize("text", ["Начальник управління", "Заступник начальника відділу"])
def test_positions_are_not_names(text: str) -> None:
    """A position line is not mistaken for a name (no surname in capitals)."""
    assert not P.is_person(text)


@pytest.mark.parametrize(("text", "position"), [("12,3x", 4), ("  abc", 2), ("1 2345,0", 0)])
def test_errors_name_the_text_and_the_position(text: str, position: int) -> None:
    """A ParseError carries the text and the position of the fault, and is a ValueError."""
    with pytest.raises(ParseError) as info:
        parse_number(text)
    assert info.value.text == text
    assert info.value.position == position
    assert isinstance(info.value, ValueError)


IS_FUNCTIONS: list[Callable[[object], bool]] = [
    P.is_number,
    P.is_percent,
    P.is_money,
    P.is_quantity,
    P.is_date,
    P.is_decision,
    P.is_period,
    P.is_year_span,
    P.is_person,
]


def _reads(parse: Callable[[object], object], value: object) -> bool:
    try:
        parse(value)
    except ParseError:
        return False
    return True


@pytest.mark.parametrize("is_valid", IS_FUNCTIONS, ids=lambda f: f.__name__)
@given(
    value=st.one_of(
        st.text(),
        st.text(alphabet="0123456789 ,.-%№грнтис"),
        st.none(),
        st.integers(),
        st.floats(),
        st.binary(),
    )
)
def test_is_functions_never_raise(is_valid: Callable[[object], bool], value: object) -> None:
    """Every is_* answers, never raising, exactly whether its parse_* reads the value
    (so never True for what is not text)."""
    parse = getattr(P, is_valid.__name__.replace("is_", "parse_", 1))
    answer = is_valid(value)
    assert answer is _reads(parse, value)
    if not isinstance(value, str):
        assert answer is False


@pytest.mark.parametrize(
    ("is_valid", "good"),
    [
        (P.is_number, "1 243 280,57"),
        (P.is_percent, "51,88%"),
        (P.is_money, "83 тис. 214 грн"),
        (P.is_quantity, "близько 3000"),
        (P.is_date, "24.12.2020 р."),
        (P.is_decision, "№31 від 24.12.2020"),
        (P.is_period, "за 2023 рік"),
        (P.is_year_span, "2021-2025"),
        (P.is_person, "Лілія СТЕПАНЮК"),
    ],
)
def test_is_functions_accept_what_parse_reads(
    is_valid: Callable[[object], bool], good: str
) -> None:
    """is_* is True for a literal its parser reads and False for junk."""
    assert is_valid(good)
    assert not is_valid("☃ junk ☃")
