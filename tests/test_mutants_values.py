"""The value parsers at their edges, and the exact error each bad text gets.

Written to kill the mutants mutmut makes of parse/values.py: every refusal checked for the
text, position, reason and expected kind it names (a hand-checked table: the position is
where a reader would put the cursor), limits at, just inside and just outside, and the
small helpers (placeholders, locales, leading currency signs, ranges) on their own.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from municipal_reports import Money, ParseError
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
        0,
        "must be less than 1,000,000,000,000,000 UAH in magnitude (got 1000000000000000000) @ $",
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
