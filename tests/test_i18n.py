"""Tests of municipal_reports.i18n: the one module that formats with babel."""

from __future__ import annotations

import datetime
import doctest
import locale as machine_locale
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from municipal_reports import (
    InvalidTypeError,
    InvalidValueError,
    Money,
    MoneyUnit,
    Percent,
    Qualifier,
    Quantity,
    ReportingPeriod,
)
from municipal_reports.i18n import formatting as i18n
from municipal_reports.i18n.formatting import (
    NBSP,
    amount_in_words,
    format_count,
    format_date,
    format_money,
    format_number,
    format_percent,
    format_quantity,
    plural,
)

LOCALES = ("uk", "en")
moneys = st.integers(min_value=-(10**17) + 1, max_value=10**17 - 1).map(Money.from_kopecks)


def read_back(text: str, locale: str) -> Decimal:
    """Parse a formatted number by hand (the parsers of issue 5 do it properly)."""
    if locale == "uk":
        return Decimal(text.replace(NBSP, "").replace(",", "."))
    return Decimal(text.replace(",", ""))


def half_up_reference(value: Decimal, decimals: int) -> Decimal:
    """Half-up rounding done with integers, independently of any decimal context."""
    scaled = value.scaleb(decimals)
    sign = -1 if scaled < 0 else 1
    whole = int(abs(scaled))
    if abs(scaled) - whole >= Decimal("0.5"):
        whole += 1
    return Decimal(sign * whole).scaleb(-decimals)


def test_doctests_pass() -> None:
    """The examples in the module's docstrings hold."""
    result = doctest.testmod(i18n)
    assert result.attempted > 0
    assert result.failed == 0


def test_ukrainian_number_layout() -> None:
    """Ukrainian numbers group thousands with a non-breaking space and use a decimal comma."""
    assert format_number(Decimal("2080000.00"), "uk") == f"2{NBSP}080{NBSP}000,00"


def test_english_number_layout() -> None:
    """English numbers group thousands with a comma and use a decimal point."""
    assert format_number(Decimal("2080000.00"), "en") == "2,080,000.00"


def test_half_up_not_half_even() -> None:
    """A value exactly half-way rounds away from zero, as the documents round."""
    assert format_number(Decimal("0.125"), "en", decimals=2) == "0.13"
    assert format_number(Decimal("2.5"), "en", decimals=0) == "3"
    assert format_number(Decimal("-2.5"), "en", decimals=0) == "-3"


def test_money_in_hryvnias_and_thousands() -> None:
    """Money shows in грн or тис. грн with the decimals the table asks for."""
    assert format_money(Money("400000"), "uk") == f"400{NBSP}000,00{NBSP}грн"
    assert format_money(Money("20000"), "uk", unit=MoneyUnit.THOUSAND, decimals=1) == (
        f"20,0{NBSP}тис.{NBSP}грн"
    )
    assert format_money(Money("400000"), "en") == f"400,000.00{NBSP}UAH"
    assert format_money(Money("92850"), "en", unit=MoneyUnit.THOUSAND, decimals=1) == (
        f"92.9{NBSP}thousand{NBSP}UAH"
    )
    assert format_money(Money("1.50"), "uk", with_unit=False) == "1,50"


def test_percent_keeps_written_decimals() -> None:
    """A percentage shows exactly the decimals it was written with."""
    assert format_percent(Percent("51.88"), "uk") == "51,88%"
    assert format_percent(Percent("64"), "uk") == "64%"
    assert format_percent(Percent("7.5"), "en") == "7.5%"


def test_dates_in_tables_and_prose() -> None:
    """Dates read «24.12.2020» in tables and «24 грудня 2020 р.» in prose."""
    d = datetime.date(2020, 12, 24)
    assert format_date(d, "uk") == "24.12.2020"
    assert format_date(d, "uk", style="prose") == "24 грудня 2020 р."
    assert format_date(d, "en") == "2020-12-24"
    assert format_date(d, "en", style="prose") == "24 December 2020"
    assert format_date(datetime.date(2023, 3, 1), "uk", style="prose") == "1 березня 2023 р."


def test_quantities_with_qualifiers() -> None:
    """A qualified count reads with its word in front: «близько 3 000», "more than 11,854"."""
    assert format_quantity(Quantity(3000, Qualifier.ABOUT), "uk") == f"близько 3{NBSP}000"
    assert format_quantity(Quantity(11854, Qualifier.MORE_THAN), "en") == "more than 11,854"
    assert format_quantity(Quantity(10, Qualifier.UP_TO), "uk") == "до 10"
    assert format_quantity(Quantity(12), "uk") == "12"


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "засідань"),
        (1, "засідання"),
        (2, "засідання"),
        (4, "засідання"),
        (5, "засідань"),
        (11, "засідань"),
        (12, "засідань"),
        (14, "засідань"),
        (20, "засідань"),
        (21, "засідання"),
        (22, "засідання"),
        (111, "засідань"),
        (1001, "засідання"),
    ],
)
def test_ukrainian_plural_forms(n: int, expected: str) -> None:
    """Ukrainian counts take the one, few or many form by the language's rules."""
    assert plural(n, "meeting", "uk") == expected


def ukrainian_category(n: int) -> int:
    """The Ukrainian plural rule written out by hand: 0 one, 1 few, 2 many."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_plural_matches_the_written_rule(n: int) -> None:
    """For every count, the chosen form is the one the written Ukrainian rule picks."""
    forms = ("one", "few", "many")
    assert plural(n, forms, "uk") == forms[ukrainian_category(n)]


def test_count_phrase_and_english_plural() -> None:
    """A count phrase joins the formatted number and the right form."""
    assert format_count(5, "meeting", "uk") == f"5{NBSP}засідань"
    assert format_count(1, "meeting", "en") == f"1{NBSP}meeting"
    assert format_count(1000, "meeting", "en") == f"1,000{NBSP}meetings"


def test_amount_in_words() -> None:
    """Amounts read in words with kopecks in digits, in the hryvnia's gender."""
    assert amount_in_words(Money("400000"), "uk") == "чотириста тисяч гривень 00 копійок"
    assert amount_in_words(Money("1.01"), "uk") == "одна гривня 01 копійка"
    assert amount_in_words(Money("2.22"), "uk") == "дві гривні 22 копійки"
    assert amount_in_words(Money("-5"), "uk") == "мінус п'ять гривень 00 копійок"
    assert amount_in_words(Money("1.00"), "en") == "one hryvnia 00 kopecks"


def test_bad_locale_is_refused_with_its_path() -> None:
    """An unknown locale raises InvalidValueError at $.locale."""
    with pytest.raises(InvalidValueError) as info:
        format_number(1, "de")
    assert info.value.path == "$.locale"


def test_float_is_refused() -> None:
    """A float never enters a number path: it raises InvalidTypeError."""
    with pytest.raises(InvalidTypeError):
        format_number(1.5, "uk")  # type: ignore[arg-type]


def test_bad_plural_forms_are_refused() -> None:
    """Too few forms for the locale, or an unknown word, raise InvalidValueError."""
    with pytest.raises(InvalidValueError):
        plural(2, ("a", "b"), "uk")
    with pytest.raises(InvalidValueError):
        plural(2, "no-such-word", "uk")


def test_machine_locale_has_no_effect() -> None:
    """Output does not change with the process locale (LC_NUMERIC)."""
    before = format_number(Decimal("1234.5"), "uk")
    previous = machine_locale.setlocale(machine_locale.LC_ALL)
    try:
        for name in ("de_DE.UTF-8", "C.UTF-8", "C"):
            try:
                machine_locale.setlocale(machine_locale.LC_ALL, name)
            except machine_locale.Error:
                continue
            assert format_number(Decimal("1234.5"), "uk") == before
    finally:
        machine_locale.setlocale(machine_locale.LC_ALL, previous)


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=6, min_value=-(10**12), max_value=10**12
    ),
    st.integers(min_value=0, max_value=4),
    st.sampled_from(LOCALES),
)
def test_numbers_read_back_rounded_half_up(value: Decimal, decimals: int, locale: str) -> None:
    """Reading a formatted number back gives the value rounded half-up to the shown decimals."""
    text = format_number(value, locale, decimals=decimals)
    assert read_back(text, locale) == half_up_reference(value, decimals)


@given(moneys, st.sampled_from(LOCALES))
def test_money_reads_back_exactly(money: Money, locale: str) -> None:
    """Money in hryvnias with two decimals reads back as the same amount."""
    text = format_money(money, locale, with_unit=False)
    assert Money(read_back(text, locale)) == money


@given(
    st.integers(min_value=-(10**8), max_value=10**8),
    st.integers(min_value=0, max_value=4),
    st.sampled_from(LOCALES),
)
def test_percent_reads_back_exactly(units: int, decimals: int, locale: str) -> None:
    """A percentage reads back as the same value with the same precision."""
    p = Percent.from_units(units, decimals)
    text = format_percent(p, locale)
    assert text.endswith("%")
    assert Percent(read_back(text[:-1], locale)) == p


@given(moneys, st.sampled_from(LOCALES))
def test_amount_in_words_ends_with_kopecks(money: Money, locale: str) -> None:
    """Every amount in words ends with the kopecks as two digits and their word."""
    words = amount_in_words(money, locale).split(" ")
    assert words[-2] == f"{abs(money.kopecks) % 100:02d}"
    assert words[-1] in i18n.WORDS["kopeck"][locale]


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=5, min_value=-(10**15), max_value=10**15
    ),
    st.integers(min_value=0, max_value=5),
    st.sampled_from(LOCALES),
)
def test_fast_layout_equals_babel(value: Decimal, decimals: int, locale: str) -> None:
    """The cheap layout with the locale's symbols is exactly babel's pattern layout."""
    rounded = half_up_reference(value, decimals)
    if rounded.is_zero():
        rounded = rounded.copy_abs()
    assert format_number(value, locale, decimals=decimals) == i18n._babel_format(
        rounded, decimals, locale
    )


def test_the_i18n_package_exports_every_name_it_lists() -> None:
    """Each name of municipal_reports.i18n.__all__ resolves (loaded on first use)."""
    import municipal_reports.i18n as package

    assert package.__all__ == sorted(package.__all__, key=lambda n: (not n.isupper(), n))
    for name in package.__all__:
        assert getattr(package, name) is not None, name


def test_importing_the_i18n_package_loads_no_babel() -> None:
    """`import municipal_reports.i18n` is free: babel loads when a formatter is used."""
    import subprocess
    import sys

    code = "import sys, municipal_reports.i18n; print('babel' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _all_kinds(year: int) -> list[ReportingPeriod]:
    return [
        ReportingPeriod.year(year),
        ReportingPeriod.nine_months(year),
        *(ReportingPeriod.half_year(year, h) for h in (1, 2)),
        *(ReportingPeriod.quarter(year, q) for q in (1, 2, 3, 4)),
        *(ReportingPeriod.month(year, m) for m in range(1, 13)),
        ReportingPeriod.between(datetime.date(year, 2, 3), datetime.date(year, 4, 5)),
    ]


@pytest.mark.parametrize("year", [1900, 2022, 2199])
def test_period_words_agree_with_the_domains_compatibility_names(year: int) -> None:
    """format_period gives what ReportingPeriod.name_uk / name_en give, for every kind."""
    from municipal_reports.i18n import format_period

    for period in _all_kinds(year):
        assert format_period(period, "uk") == period.name_uk
        assert format_period(period, "en") == period.name_en


def test_period_words_read_as_documents_write_them() -> None:
    """«II квартал 2023 року», «9 місяців 2022 року», «березень 2021 року»; "Q2 2023"."""
    from municipal_reports.i18n import format_period

    assert format_period(ReportingPeriod.quarter(2023, 2), "uk") == "II квартал 2023 року"
    assert format_period(ReportingPeriod.nine_months(2022), "uk") == "9 місяців 2022 року"
    assert format_period(ReportingPeriod.month(2021, 3), "uk") == "березень 2021 року"
    assert format_period(ReportingPeriod.quarter(2023, 2), "en") == "Q2 2023"
    with pytest.raises(InvalidTypeError):
        format_period("2022", "uk")  # type: ignore[arg-type]
