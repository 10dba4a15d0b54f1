"""The value parsers at their edges, and the exact error each bad text gets.

Written to kill the mutants mutmut makes of parse/values.py: every refusal checked for the
text, position, reason and expected kind it names (a hand-checked table: the position is
where a reader would put the cursor), limits at, just inside and just outside, and the
small helpers (placeholders, locales, leading currency signs, ranges) on their own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from municipal_reports import Money, MoneyUnit, ParseError, Percent, Qualifier, Quantity
from municipal_reports.parse import values as P

# ---- every error names the caller's text, what it asked for, in one line ------------------------

# (parser, text, position, reason, expected): errors raised by a helper that read a part of
# the text, or by the domain, as the caller of the parser sees them. A date that cannot be
# is refused as a date wherever it stands.
NESTED = [
    (P.parse_date, " 1 жовтня", 1, "has no year; pass year=", "a date"),
    (
        P.parse_date_range,
        "з 30 по 31 лютого 2022",
        0,
        "is not a calendar date (day is out of range for month)",
        "a date",
    ),
    (
        P.parse_date_range,
        "01.06.2022",
        10,
        "expected «-» or «по» between the dates",
        "a range of dates",
    ),
    (
        P.parse_date_range,
        "01.06.2022 - x",
        13,
        "expected a date to end the range",
        "a range of dates",
    ),
    (
        P.parse_date_range,
        "з 1 вересня по 10 жовтня",
        2,
        "has no year; pass year=",
        "a date",
    ),
    (
        P.parse_decision,
        "від 31.02.2020 №5",
        4,
        "is not a calendar date (day is out of range for month)",
        "a date",
    ),
    (
        P.parse_money,
        "5 тис 3 млн",
        11,
        "units must decrease («млн», «тис», «грн», «коп»)",
        "an amount",
    ),
    (P.parse_money, "UAH 5 тис", 9, "a leading currency sign takes a bare number", "an amount"),
    (
        P.parse_money,
        "10000000000000000 грн",
        21,  # the end of the amount: the limit is known once every unit is read
        "must be less than 1,000,000,000,000,000 UAH in magnitude",
        "an amount",
    ),
    (P.parse_quantity, "  до 1,5", 5, "a count must be a whole non-negative number", "a count"),
    (P.parse_year_span, "2025-2021", 0, "must not be before 2025 (got 2021) @ $.last", "a term"),
    (
        P.parse_period,
        "період з 10.10.2022 по 01.10.2022",
        0,
        "must not be before the start 2022-10-10 (got datetime.date(2022, 10, 1)) @ $.end",
        "a reporting period",
    ),
    (
        P.parse_period,
        "період з 10.10.2022 по 31.02.2022",
        23,
        "is not a calendar date (day is out of range for month)",
        "a reporting period",
    ),
    (
        P.parse_period,
        "період з 31.02.2022 по 31.02.2022",
        9,
        "is not a calendar date (day is out of range for month)",
        "a reporting period",
    ),
    (P.parse_date, "1 жовтня ", 0, "has no year; pass year=", "a date"),
    (
        P.parse_period,
        "період з 01.01.2022 по 30.01.2022x",
        33,
        "has text after the date",
        "a reporting period",
    ),
    (
        P.parse_money,
        "10000000000000000",
        0,
        "must be less than 1,000,000,000,000,000 UAH in magnitude",
        "an amount",
    ),
]


@pytest.mark.parametrize(("parse", "text", "position", "reason", "expected"), NESTED)
def test_errors_name_the_callers_text_and_kind_in_one_line(
    parse: Callable[[str], object], text: str, position: int, reason: str, expected: str
) -> None:
    """A refusal names the text passed, the place in it, and what was asked for, in one line."""
    with pytest.raises(ParseError) as info:
        parse(text)
    error = info.value
    assert (error.text, error.position, error.reason, error.expected) == (
        text,
        position,
        reason,
        expected,
    )
    assert "\n" not in str(error)


# ---- amounts in words -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kopecks"),
    [
        ("5 тисяч грн", 5_000_00),
        ("5 тисячі", 5_000_00),
        ("2 мільйони 5 тисяч гривень", 2_005_000_00),
        ("5 копійок", 5),
        ("5 грн 50 копійок", 5_50),
        ("5 тис.грн", 5_000_00),
        ("722,9 тис.грн.", 722_900_00),
        ("3 тысячи", 3_000_00),
        ("3 тыс", 3_000_00),
    ],
)
def test_unit_words_are_read_whole(text: str, kopecks: int) -> None:
    """«тисяч» is not «тис» followed by letters, and «тис.грн» ends the word at its dot."""
    assert P.parse_money(text) == Money.from_kopecks(kopecks)


# ---- the exact refusal of each bad text ---------------------------------------------------------

# (parser, text, keyword arguments, position, reason, expected), checked by hand: the position
# is the first character a reader would blame (the first non-space where the whole text is
# wrong), the reason and kind are what the docstrings promise.
REFUSALS = [
    (P.parse_number, "", {}, 0, "is empty", "a number"),
    (P.parse_number, "   ", {}, 0, "is empty", "a number"),
    (P.parse_number, " — ", {}, 1, "is a placeholder dash, not a number", "a number"),
    (P.parse_number, "-", {}, 0, "is a placeholder dash, not a number", "a number"),
    (P.parse_number, "‒", {}, 0, "is a placeholder dash, not a number", "a number"),
    (P.parse_number, "x", {}, 0, "is not a number as documents write it", "a number"),
    (P.parse_number, "X", {}, 0, "is not a number as documents write it", "a number"),
    (P.parse_number, "-–", {}, 1, "is not a number as documents write it", "a number"),
    (P.parse_number, "12X", {}, 2, "is not a number as documents write it", "a number"),
    (P.parse_number, " 1,2,3", {}, 1, "is not a number as documents write it", "a number"),
    (P.parse_number, "1" * 61, {}, 0, "has more than 60 digits", "a number"),
    (P.parse_number, "1" * 31 + "," + "0" * 30, {}, 0, "has more than 60 digits", "a number"),
    (
        P.parse_number,
        "1",
        {"locale": "fr"},
        0,
        "must be one of ('uk', 'en') (got 'fr') @ $.locale",
        "a number",
    ),
    (P.parse_percent, "abc%", {}, 0, "is not a number as documents write it", "a percentage"),
    (P.parse_percent, " 12x %", {}, 3, "is not a number as documents write it", "a percentage"),
    (
        P.parse_percent,
        "10000000000000000000%",
        {},
        0,
        "must be less than 10,000,000,000,000,000,000 % in magnitude"
        " (got Decimal('10000000000000000000')) @ $",
        "a percentage",
    ),
    (P.parse_money, "12 тис грн 5", {}, 11, "expected a number or a unit word", "an amount"),
    (P.parse_money, "грн", {}, 3, "holds no amount", "an amount"),
    (P.parse_money, "", {}, 0, "holds no amount", "an amount"),
    (P.parse_money, "  ", {}, 2, "holds no amount", "an amount"),
    (
        P.parse_money,
        "5 коп 3 грн",
        {},
        11,
        "units must decrease («млн», «тис», «грн», «коп»)",
        "an amount",
    ),
    (
        P.parse_money,
        "5 грн 3 грн",
        {},
        11,
        "units must decrease («млн», «тис», «грн», «коп»)",
        "an amount",
    ),
    (
        P.parse_money,
        "5,555 коп",
        {},
        9,
        "has a fraction of a kopeck (more than two decimals of a hryvnia)",
        "an amount",
    ),
    (
        P.parse_money,
        "0,001",
        {},
        0,
        "has a fraction of a kopeck (more than two decimals of a hryvnia)",
        "an amount",
    ),
    (P.parse_money, "UAH 5 6", {}, 4, "is not a number as documents write it", "an amount"),
    (P.parse_money, "12 шт", {}, 3, "expected a unit word", "an amount"),
    (P.parse_money, "5 грнx", {}, 2, "expected a unit word", "an amount"),
    (P.parse_money, "5, грн", {}, 1, "expected a unit word", "an amount"),
    (
        P.parse_money,
        " 5 тис 1,2,3 грн",
        {},
        7,
        "is not a number as documents write it",
        "an amount",
    ),
    (P.parse_money, "722,9 тис. грн x", {}, 15, "expected a number or a unit word", "an amount"),
    (P.parse_money, "5 грн грн", {}, 6, "expected a number or a unit word", "an amount"),
    (P.parse_money, "- 5 грн", {}, 0, "expected a number or a unit word", "an amount"),
    (P.parse_quantity, "близько x", {}, 8, "is not a number as documents write it", "a count"),
    (P.parse_quantity, "-5", {}, 0, "a count must be a whole non-negative number", "a count"),
    (P.parse_quantity, " більше  12a", {}, 11, "is not a number as documents write it", "a count"),
    (P.parse_quantity, "12 527 тисячx", {}, 7, "is not a number as documents write it", "a count"),
    (P.parse_date, "24.12.2020 x", {}, 10, "has text after the date", "a date"),
    (P.parse_date, " 24.12.2020 x", {}, 11, "has text after the date", "a date"),
    (P.parse_date, "24.12.2020 р. x", {}, 13, "has text after the date", "a date"),
    (P.parse_date, "x", {}, 0, "is not a date as documents write it", "a date"),
    (P.parse_date, " x", {}, 1, "is not a date as documents write it", "a date"),
    (
        P.parse_date,
        "31.02.2020",
        {},
        0,
        "is not a calendar date (day is out of range for month)",
        "a date",
    ),
    (
        P.parse_date,
        "2020-02-30",
        {},
        0,
        "is not a calendar date (day is out of range for month)",
        "a date",
    ),
    (
        P.parse_date,
        "30 лютого 2020",
        {},
        0,
        "is not a calendar date (day is out of range for month)",
        "a date",
    ),
    (
        P.parse_date_range,
        "10.06.2022 - 01.06.2022",
        {},
        0,
        "the range ends before it starts",
        "a range of dates",
    ),
    (
        P.parse_date_range,
        "з 10 по 1 жовтня 2022",
        {},
        0,
        "the range ends before it starts",
        "a range of dates",
    ),
    (P.parse_date_range, "з 1 по 10 жовтня", {}, 0, "has no year; pass year=", "a range of dates"),
    (
        P.parse_date_range,
        "з 1 по 30 лютого 2022",
        {},
        0,
        "is not a calendar date (day is out of range for month)",
        "a date",
    ),
    (P.parse_date_range, "x", {}, 0, "does not start with a date", "a range of dates"),
    (P.parse_date_range, "з x", {}, 2, "does not start with a date", "a range of dates"),
    (
        P.parse_date_range,
        "01.06.2022 - 02.06.2022 x",
        {},
        13,
        "expected a date to end the range",
        "a range of dates",
    ),
    (
        P.parse_decision,
        "рішення",
        {},
        0,
        "holds no decision number or date",
        "a decision reference",
    ),
    (
        P.parse_decision,
        "№1 від 01.01.2020 і №2 від 02.02.2020",
        {},
        37,
        "holds 2 references",
        "a decision reference",
    ),
    (P.parse_period, "x" * 201, {}, 200, "is too long for a period", "a reporting period"),
    (P.parse_period, "за I півріччя", {}, 0, "has no year; pass year=", "a reporting period"),
    (P.parse_period, "за щось 2022", {}, 0, "is not a reporting period", "a reporting period"),
    (P.parse_year_span, " 20-21", {}, 1, "is not a span of years like «2021-2025»", "a term"),
    (P.parse_person, "x" * 121, {}, 120, "is too long for a name", "a name"),
    (
        P.parse_person,
        "іван петренко",
        {},
        0,
        "is not «Ім'я ПРІЗВИЩЕ» nor «Прізвище І.Б.»",
        "a name",
    ),
    (
        P.parse_person,
        "Іван Петренко",
        {},
        0,
        "is not «Ім'я ПРІЗВИЩЕ» nor «Прізвище І.Б.»",
        "a name",
    ),
    (
        P.parse_person,
        "ІВАН ПЕТРЕНКО",
        {},
        0,
        "is not «Ім'я ПРІЗВИЩЕ» nor «Прізвище І.Б.»",
        "a name",
    ),
    (P.parse_person, "Іван Б", {}, 0, "is not «Ім'я ПРІЗВИЩЕ» nor «Прізвище І.Б.»", "a name"),
]


@pytest.mark.parametrize(("parse", "text", "kwargs", "position", "reason", "expected"), REFUSALS)
def test_each_bad_text_gets_its_exact_refusal(
    parse: Callable[..., object],
    text: str,
    kwargs: dict[str, object],
    position: int,
    reason: str,
    expected: str,
) -> None:
    """The refusal names the text, the place, the reason and the kind, word for word."""
    with pytest.raises(ParseError) as info:
        parse(text, **kwargs)
    shown = text if len(text) <= 80 else text[:77] + "..."
    assert str(info.value) == (
        f"cannot read {shown!r} as {expected}: {reason} (at position {position})"
    )
    assert (info.value.text, info.value.position) == (text, position)


NOT_TEXT = [
    (P.parse_number, "a number"),
    (P.parse_percent, "a percentage"),
    (P.parse_money, "an amount"),
    (P.parse_quantity, "a count"),
    (P.parse_date, "a date"),
    (P.parse_date_range, "a range of dates"),
    (P.find_decisions, "decision references"),
    (P.parse_decision, "a decision reference"),
    (P.parse_period, "a reporting period"),
    (P.parse_year_span, "a term in years"),
    (P.parse_person, "a name"),
]


@pytest.mark.parametrize(("parse", "expected"), NOT_TEXT)
def test_a_parser_given_no_text_says_so(parse: Callable[[object], object], expected: str) -> None:
    """An int or None is refused as not str, with its repr and the kind asked for."""
    for value, name in ((5, "int"), (None, "NoneType")):
        with pytest.raises(ParseError) as info:
            parse(value)
        assert str(info.value) == (
            f"cannot read {repr(value)!r} as {expected}: must be str, not {name} (at position 0)"
        )
    public = parse.__name__
    assert getattr(P, public) is parse
    assert not public.startswith("_")


# ---- numbers, locales and placeholders -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "locale", "value"),
    [
        ("-5", "uk", Decimal("-5")),
        ("−5", "uk", Decimal("-5")),  # the typographic minus
        ("-1 243,50", "uk", Decimal("-1243.50")),
        ("1" * 30 + "," + "0" * 30, "uk", Decimal("1" * 30 + "." + "0" * 30)),  # 60 digits
        ("1,243,280.57", "en", Decimal("1243280.57")),
        ("1,243,280.57", "en-US", Decimal("1243280.57")),
        ("1,243,280.57", "en_GB", Decimal("1243280.57")),
        ("1,243,280.57", "EN", Decimal("1243280.57")),
        ("1 243 280,57", "uk_UA", Decimal("1243280.57")),
        ("1 243 280,57", "uk-UA", Decimal("1243280.57")),
    ],
)
def test_numbers_keep_sign_digits_and_locale(text: str, locale: str, value: Decimal) -> None:
    """A minus of either kind, up to 60 digits, and locales named with a region, in any case."""
    result = P.parse_number(text, locale=locale)
    assert result == value
    assert result.as_tuple() == value.as_tuple()


def test_is_placeholder_edges() -> None:
    """Empty, blank and up to three dashes are placeholders; four dashes, a number or no
    text at all are not."""
    for text in ("", "   ", "—", " – ", "---", "‐‑‒"):
        assert P.is_placeholder(text), text
    for text in ("----", "-5", "x", "0", "— 5"):
        assert not P.is_placeholder(text), text
    for value in (None, 5, b"-"):
        assert P.is_placeholder(value) is False  # type: ignore[arg-type]


def test_optional_numbers() -> None:
    """A placeholder is None; anything else is read as a number in the given locale."""
    assert P.parse_optional_number("") is None
    assert P.parse_optional_number(" — ") is None
    assert P.parse_optional_number("1,5") == Decimal("1.5")
    assert P.parse_optional_number("1,234.5", locale="en") == Decimal("1234.5")
    with pytest.raises(ParseError):
        P.parse_optional_number("x")


def test_is_functions_pass_their_arguments_on() -> None:
    """Each is_* reads with the locale, unit or year it is given, and refuses non-text."""
    assert P.is_number("1,234.5", locale="en")
    assert not P.is_number("1,234.5")
    assert P.is_percent("1,234.5%", locale="en")
    assert not P.is_percent("1,234.5%")
    assert P.is_money("0,001", unit=MoneyUnit.THOUSAND)
    assert not P.is_money("0,001")
    assert P.is_money("UAH 400,000.00", locale="en")
    assert not P.is_money("UAH 400,000.00")
    assert P.is_quantity("1,234", locale="en")
    assert not P.is_quantity("1,234")
    assert P.is_date("1 жовтня", year=2022)
    assert not P.is_date("1 жовтня")
    assert P.is_period("за I півріччя", year=2021)
    assert not P.is_period("за I півріччя")
    for is_valid in (P.is_number, P.is_percent, P.is_money, P.is_quantity, P.is_date, P.is_period):
        assert is_valid(5) is False
        assert is_valid(None) is False


# ---- percentages, amounts and counts --------------------------------------------------------


def test_percent_text_may_end_in_spaces_after_the_sign() -> None:
    """«51,88 % » is 51.88 %: the sign is found after trailing spaces."""
    assert P.parse_percent("51,88 % ") == Percent("51.88")
    assert P.parse_percent("1,234.5%", locale="en") == Percent("1234.5")


@pytest.mark.parametrize(
    ("text", "kwargs", "kopecks"),
    [
        ("UAH 400,000.00", {"locale": "en"}, 400_000_00),
        ("₴ 400,00", {}, 400_00),
        ("грн 5", {}, 5_00),
        ("-5 грн", {}, -5_00),
        ("−5 грн 50 коп", {}, -5_50),
        ("1,200.50 UAH", {"locale": "en"}, 1_200_50),
        ("1,234.50", {"locale": "en"}, 1_234_50),
        ("20,0", {"unit": MoneyUnit.THOUSAND}, 20_000_00),
        (" UAH 400,000.00", {"locale": "en"}, 400_000_00),
        ("722,9 тис. грн", {}, 722_900_00),
        ("15 млн 219 тис 100 грн 73 коп.", {}, 15_219_100_73),
    ],
)
def test_amounts_with_signs_words_and_locales(
    text: str, kwargs: dict[str, object], kopecks: int
) -> None:
    """A leading «UAH»/«₴»/«грн», a minus, units in words, a locale and a column unit each
    read as the amount a reader sees."""
    assert P.parse_money(text, **kwargs) == Money.from_kopecks(kopecks)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "kwargs", "value", "qualifier"),
    [
        ("0", {}, 0, Qualifier.EXACT),
        ("12 527 тисяч", {}, 12_527_000, Qualifier.EXACT),  # longer than the 10-character window
        ("10 000 тис.", {}, 10_000_000, Qualifier.EXACT),  # 11 characters
        ("1 000 тис.", {}, 1_000_000, Qualifier.EXACT),  # 10 characters
        ("12 527тисяч", {}, 12_527_000, Qualifier.EXACT),  # glued, 11 characters
        ("10 000тисяч", {}, 10_000_000, Qualifier.EXACT),
        ("близько 9 тисяч", {}, 9_000, Qualifier.ABOUT),
        ("1,234", {"locale": "en"}, 1_234, Qualifier.EXACT),
        ("  до 10", {}, 10, Qualifier.UP_TO),
    ],
)
def test_counts_with_thousands_and_qualifiers(
    text: str, kwargs: dict[str, object], value: int, qualifier: Qualifier
) -> None:
    """Zero is a count; «тисяч» multiplies whatever the length of the figure; qualifiers stay."""
    assert P.parse_quantity(text, **kwargs) == Quantity(value, qualifier)  # type: ignore[arg-type]


# ---- dates, ranges, periods, terms, names ---------------------------------------------------


def test_dates_in_words_and_in_english() -> None:
    """A day and month in words, an English date and an ISO date all read."""
    assert P.parse_date("December 24, 2020") == dt.date(2020, 12, 24)
    assert P.parse_date("Dec. 24 2020") == dt.date(2020, 12, 24)
    assert P.parse_date("14 травня 2018 року") == dt.date(2018, 5, 14)
    assert P.parse_date("2020-12-24") == dt.date(2020, 12, 24)
    assert P.parse_date(" 1 жовтня ", year=2022) == dt.date(2022, 10, 1)


def test_ranges_edges() -> None:
    """A one-day range is a range; the year given or written once serves both dates."""
    assert P.parse_date_range("з 1 по 1 жовтня 2022") == (dt.date(2022, 10, 1),) * 2
    assert P.parse_date_range("01.06.2022 - 01.06.2022") == (dt.date(2022, 6, 1),) * 2
    assert P.parse_date_range("з 1 по 10 жовтня 2022 року") == (
        dt.date(2022, 10, 1),
        dt.date(2022, 10, 10),
    )
    assert P.parse_date_range("1 вересня - 10 жовтня", year=2022) == (
        dt.date(2022, 9, 1),
        dt.date(2022, 10, 10),
    )
    assert P.parse_date_range("з 1 вересня по 10 жовтня", year=2022) == (
        dt.date(2022, 9, 1),
        dt.date(2022, 10, 10),
    )
    assert P.parse_date_range("з 1 вересня по 10 жовтня 2022 року") == (
        dt.date(2022, 9, 1),
        dt.date(2022, 10, 10),
    )


@pytest.mark.parametrize(
    ("text", "kwargs", "kind", "start", "end"),
    [
        ("березень 2022 року", {}, "month", dt.date(2022, 3, 1), dt.date(2022, 3, 31)),
        ("за БЕРЕЗЕНЬ 2022", {}, "month", dt.date(2022, 3, 1), dt.date(2022, 3, 31)),
        ("березня", {"year": 2022}, "month", dt.date(2022, 3, 1), dt.date(2022, 3, 31)),
        ("H1 2022", {}, "half_year", dt.date(2022, 1, 1), dt.date(2022, 6, 30)),
        ("H2 2022", {}, "half_year", dt.date(2022, 7, 1), dt.date(2022, 12, 31)),
        ("Q3 2022", {}, "quarter", dt.date(2022, 7, 1), dt.date(2022, 9, 30)),
        ("IV квартал 2022 року", {}, "quarter", dt.date(2022, 10, 1), dt.date(2022, 12, 31)),
        ("за 2023 рік.", {}, "year", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        (
            "період з 01.01.2022 по 30.06.2022",
            {},
            "range",
            dt.date(2022, 1, 1),
            dt.date(2022, 6, 30),
        ),
        ("2022-01-01 to 2022-06-30", {}, "range", dt.date(2022, 1, 1), dt.date(2022, 6, 30)),
    ],
)
def test_periods_of_every_kind(
    text: str, kwargs: dict[str, object], kind: str, start: dt.date, end: dt.date
) -> None:
    """Months (either case, either form), halves and quarters (letters or numerals), years
    with a trailing dot, and ranges each give their own dates."""
    period = P.parse_period(text, **kwargs)  # type: ignore[arg-type]
    assert (period.kind.value, period.start, period.end) == (kind, start, end)


def test_period_and_name_length_limits() -> None:
    """200 characters may still be a period and 120 a name; one more is refused as too long."""
    with pytest.raises(ParseError, match="has no year"):
        P.parse_period("x" * 200)
    surname = "Ч" * 115
    person = P.parse_person(f"Іван {surname}")  # 120 characters
    assert (person.given_name, person.surname) == ("Іван", "Ч" + "ч" * 114)
    with pytest.raises(ParseError, match="too long"):
        P.parse_person(f"Іван {surname}Ч")


def test_two_letter_surnames_are_names() -> None:
    """«Іван ЛИ» is a name (two capitals), «Іван Б» is not (one letter)."""
    person = P.parse_person("Іван ЛИ")
    assert (person.given_name, person.surname) == ("Іван", "Ли")


# ---- decision references --------------------------------------------------------------------


def _refs(text: str, body: str = "") -> list[tuple[dt.date | None, str | None, str]]:
    return [(d.date, d.number, d.body) for d in P.find_decisions(text, body=body)]


def test_a_number_and_a_date_pair_across_a_short_gap_only() -> None:
    """«№31» and a date 12 characters apart (with «від») are one reference; 13 apart, two."""
    date = dt.date(2020, 12, 24)
    assert _refs("№31" + " " * 8 + "від 24.12.2020") == [(date, "31", "")]
    assert _refs("№31" + " " * 9 + "від 24.12.2020") == [(None, "31", ""), (date, None, "")]
    assert _refs("№31 abc 24.12.2020") == [(None, "31", ""), (date, None, "")]
    assert _refs("24.12.2020 №31") == [(date, "31", "")]
    assert _refs("24.12.2020 від №31") == [(date, None, ""), (None, "31", "")]


def test_lone_references_keep_their_order_and_body() -> None:
    """Two numbers stay two; a lone number then a lone date are both kept, with the body."""
    assert _refs("№1, №2") == [(None, "1", ""), (None, "2", "")]
    assert _refs("№1; 02.09.2022", body="рада") == [
        (None, "1", "рада"),
        (dt.date(2022, 9, 2), None, "рада"),
    ]
    assert _refs("№5", body="x") == [(None, "5", "x")]
    assert _refs("№ 279/") == [(None, "279", "")]
    assert _refs("№ 31-") == [(None, "31", "")]


def test_a_date_glued_to_digits_is_not_a_date() -> None:
    """«124.12.2020» holds no date; one at the very start, or after «1 », does."""
    date = dt.date(2020, 12, 24)
    assert _refs("124.12.2020") == []
    assert _refs("24.12.2020") == [(date, None, "")]
    assert _refs("1 24.12.2020") == [(date, None, "")]


def test_decision_bodies_and_numbers_as_written() -> None:
    """The body defaults to none and is passed on; a number keeps its letters."""
    assert [d.body for d in P.find_decisions("№5; №6")] == ["", ""]
    assert P.parse_decision("№5", body="рада").body == "рада"
    assert P.parse_decision("рішення № 12X").number == "12X"


def test_initials_without_a_patronymic() -> None:
    """«Ахмедова О.» has a given initial and no patronymic."""
    person = P.parse_person("Ахмедова О.")
    assert (person.given_name, person.surname, person.patronymic) == ("О.", "Ахмедова", "")
