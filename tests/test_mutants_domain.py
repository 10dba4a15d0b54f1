"""Money and Percent at their edges: limits, refusals, signs and the rounding band.

Written to kill the mutants mutmut makes of domain/money.py and domain/percent.py: every
limit tried at, just inside and just outside, every refusal checked for its path, value and
reason, expected values from Fraction arithmetic (tests/_arith.py), never from the code.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from fractions import Fraction

import pytest

from _arith import fits_rounding, percent_half_away
from municipal_reports import (
    InvalidTypeError,
    InvalidValueError,
    Money,
    MoneyFormat,
    MoneyUnit,
    Percent,
    is_correct_rounding,
    percentage,
)
from municipal_reports.domain.band import Fit
from municipal_reports.domain.percent import is_truncation, shares_fit
from municipal_reports.errors import Problem

# ---- Money: limits ---------------------------------------------------------------------------

LIMIT = "must be less than 1,000,000,000,000,000 UAH in magnitude"
KOPECK_FRACTION = "has a fraction of a kopeck (more than two decimals of a hryvnia)"


@pytest.mark.parametrize(
    "text",
    ["999999999999999.99", "-999999999999999.99", "999999999999999", "0.01", "-0.01", "0"],
)
def test_money_takes_fifteen_digits_of_hryvnias(text: str) -> None:
    """Up to 15 digits of hryvnias and two decimals are an amount, in text and as Decimal."""
    kopecks = int(Fraction(text) * 100)
    assert Money(text).kopecks == kopecks
    assert Money(Decimal(text)).kopecks == kopecks
    assert Money.from_canonical(text) == Money.from_kopecks(kopecks)


@pytest.mark.parametrize(
    "value", ["1000000000000000", "-1000000000000000", "1000000000000000.00", 10**15, -(10**15)]
)
def test_money_refuses_sixteen_digits_of_hryvnias(value: str | int) -> None:
    """10**15 hryvnias, written any way, is refused, naming the value and the limit."""
    with pytest.raises(InvalidValueError) as info:
        Money(value)
    assert info.value.problems == (Problem("$", value, LIMIT),)
    assert info.value.subject == "Money"
    if isinstance(value, str):
        assert Money.from_canonical(value) is None


def test_from_kopecks_limit_is_exclusive() -> None:
    """from_kopecks takes 10**17 − 1 kopecks either way and refuses 10**17."""
    top = 10**17 - 1
    assert Money.from_kopecks(top).amount == Decimal("999999999999999.99")
    assert Money.from_kopecks(-top).amount == Decimal("-999999999999999.99")
    for kopecks in (10**17, -(10**17)):
        with pytest.raises(InvalidValueError) as info:
            Money.from_kopecks(kopecks)
        assert info.value.problems == (Problem("$", kopecks, LIMIT),)


@pytest.mark.parametrize("value", [True, 1.0, "1", None])
def test_from_kopecks_takes_only_int(value: object) -> None:
    """Kopecks are an int: a bool, float, str or None is a type error naming the value."""
    with pytest.raises(InvalidTypeError) as info:
        Money.from_kopecks(value)  # type: ignore[arg-type]
    assert info.value.problems == (Problem("$", value, "kopecks must be int", True),)
    assert info.value.subject == "Money"


def test_from_thousands_limit() -> None:
    """A «тис. грн» figure stops one kopeck below 10**15 hryvnias, like every amount."""
    assert Money.from_thousands("999999999999.99999").kopecks == 10**17 - 1
    for value in ("1000000000000", "-1000000000000", Decimal("1E+12")):
        with pytest.raises(InvalidValueError) as info:
            Money.from_thousands(value)
        assert info.value.problems == (Problem("$", value, LIMIT),)
    with pytest.raises(InvalidValueError) as info:
        Money.from_thousands("0.000001")
    assert info.value.problems == (Problem("$", "0.000001", KOPECK_FRACTION),)


@pytest.mark.parametrize(
    ("value", "reason", "is_type"),
    [
        (1.5, "must be Decimal, int or str, never float or bool", True),
        (False, "must be Decimal, int or str, never float or bool", True),
        ([1], "must be Decimal, int or str", True),
        ("abc", "is not a decimal number", False),
        ("NaN", "must be a finite number", False),
        (Decimal("-Infinity"), "must be a finite number", False),
        ("0.0000001", KOPECK_FRACTION, False),
    ],
)
def test_money_refusals_name_value_and_reason(value: object, reason: str, is_type: bool) -> None:
    """Each refusal of Money and from_thousands carries the value, the reason and its kind."""
    for make in (Money, Money.from_thousands):
        error = InvalidTypeError if is_type else InvalidValueError
        with pytest.raises(error) as info:
            make(value)  # type: ignore[arg-type]
        assert info.value.problems == (Problem("$", value, reason, is_type),)
        assert info.value.subject == "Money"
        assert str(info.value).startswith("invalid Money: 1 problem\n")


# ---- Money: arithmetic and text --------------------------------------------------------------


def test_money_multiplies_by_int_only() -> None:
    """An amount times a count is exact, either side; a float or a Money factor is refused."""
    assert Money("12.34") * 3 == Money.from_kopecks(3 * 1234)
    assert 3 * Money("12.34") == Money.from_kopecks(3702)
    assert Money("12.34") * -2 == Money.from_kopecks(-2468)
    for factor in (1.5, Decimal(2), Money(2), True):
        with pytest.raises(TypeError):
            Money("12.34") * factor  # type: ignore[operator]
    with pytest.raises(InvalidValueError):
        Money("999999999999999.99") * 2


def test_only_the_int_zero_starts_a_sum() -> None:
    """``0 + m`` is m (so sum() works), but 0.0, False or Decimal 0 plus Money is refused."""
    assert 0 + Money("1.50") == Money("1.50")
    assert sum([Money("0.10"), Money("0.20")]) == Money("0.30")
    for zero in (0.0, False, Decimal(0), 1):
        with pytest.raises(TypeError):
            zero + Money(1)  # type: ignore[operator]


def test_money_order_at_equality() -> None:
    """Equal amounts are <= and >= each other, neither < nor >; one kopeck more is >."""
    a, b, c = Money("5.00"), Money("5"), Money("5.01")
    assert a <= b
    assert a >= b
    assert not a < b
    assert not a > b
    assert c > a
    assert c >= a
    assert not c <= a
    assert a < c
    assert a <= c
    assert not a >= c


def test_money_hash_follows_equality() -> None:
    """Equal amounts hash alike, and a hundred different amounts make a hundred hashes."""
    assert hash(Money("5")) == hash(Money("5.00")) == hash(Money.from_kopecks(500))
    assert len({hash(Money.from_kopecks(k)) for k in range(100)}) == 100
    assert len({Money("1"), Money("1.00"), Money("2")}) == 2


@pytest.mark.parametrize(
    ("kopecks", "text"), [(0, "0.00"), (-1, "-0.01"), (1, "0.01"), (-100, "-1.00"), (5, "0.05")]
)
def test_money_text_has_a_sign_only_below_zero(kopecks: int, text: str) -> None:
    """Zero is «0.00», never «-0.00»; a negative amount keeps its minus."""
    money = Money.from_kopecks(kopecks)
    assert str(money) == text
    assert repr(money) == f"Money('{text}')"
    assert Money(text) == money


def test_money_is_immutable() -> None:
    """Neither setting nor deleting an attribute of Money works."""
    money = Money(1)
    with pytest.raises(AttributeError, match=r"^Money is immutable$"):
        money._kopecks = 5  # type: ignore[misc]
    with pytest.raises(AttributeError, match=r"^Money is immutable$"):
        del money._kopecks
    assert money.kopecks == 100


# ---- Percent: limits and refusals ------------------------------------------------------------


def test_percent_takes_nineteen_integer_digits_and_twelve_decimals() -> None:
    """19 integer digits and 12 decimals are a percentage; 20 digits or 13 decimals are not."""
    too_large = "must be less than 10,000,000,000,000,000,000 % in magnitude"
    assert Percent("9999999999999999999").units == 10**19 - 1
    assert Percent(Decimal("1E+18")).value == Decimal(10**18)
    assert Percent("0.000000000001").decimals == 12
    assert Percent(Decimal("0.000000000001")).units == 1
    for value in ("10000000000000000000", Decimal("1E+19"), 10**19, -(10**19)):
        with pytest.raises(InvalidValueError) as info:
            Percent(value)
        assert info.value.problems == (Problem("$", value, too_large),)
        assert info.value.subject == "Percent"
    with pytest.raises(InvalidValueError) as info:
        Percent("0.0000000000001")
    assert info.value.problems == (Problem("$", "0.0000000000001", "has more than 12 decimals"),)


@pytest.mark.parametrize(
    ("value", "reason", "is_type"),
    [
        (24.69, "must be Decimal, int or str, never float or bool", True),
        (True, "must be Decimal, int or str, never float or bool", True),
        ([1], "must be Decimal, int or str", True),
        ("abc", "is not a decimal number", False),
        ("inf", "must be a finite number", False),
    ],
)
def test_percent_refusals_name_value_and_reason(value: object, reason: str, is_type: bool) -> None:
    """Each refusal of Percent carries the value, the reason and its kind."""
    error = InvalidTypeError if is_type else InvalidValueError
    with pytest.raises(error) as info:
        Percent(value)  # type: ignore[arg-type]
    assert info.value.problems == (Problem("$", value, reason, is_type),)
    assert info.value.subject == "Percent"


def test_percent_from_int_and_padded_text() -> None:
    """An int is a percentage without decimals; text around spaces is read as Decimal."""
    assert Percent(64) == Percent("64")
    assert Percent(-5).units == -5
    assert Percent(" 51.88 ") == Percent("51.88")
    assert Percent("01") == Percent("1")
    assert Percent.from_canonical("01") is None
    assert Percent.from_canonical("1.") is None


def test_from_units_limits() -> None:
    """from_units: 19 integer digits at any decimals, decimals 0..12, ints only."""
    too_large = "must be less than 10,000,000,000,000,000,000 % in magnitude"
    assert Percent.from_units(10**19 - 1, 0).units == 10**19 - 1
    assert Percent.from_units(-(10**21) + 1, 2).value == Decimal("-9999999999999999999.99")
    for units, decimals in ((10**19, 0), (-(10**19), 0), (10**21, 2), (10**31, 12)):
        with pytest.raises(InvalidValueError) as info:
            Percent.from_units(units, decimals)
        assert info.value.problems == (Problem("$", units, too_large),)
    assert Percent.from_units(1, 12).value == Decimal("1E-12")
    for decimals in (-1, 13, "2", None, True, False, 2.0):
        with pytest.raises(InvalidValueError) as info:
            Percent.from_units(1, decimals)  # type: ignore[arg-type]
        assert info.value.problems == (
            Problem("$", decimals, "decimals must be an int from 0 to 12"),
        )
    for units in (True, 1.0, "1"):
        with pytest.raises(InvalidTypeError) as info:
            Percent.from_units(units, 0)  # type: ignore[arg-type]
        assert info.value.problems == (Problem("$", units, "units must be int", True),)


def test_percent_equality_needs_value_and_precision() -> None:
    """Different units at the same precision differ; the same value at two precisions too."""
    assert Percent("64") != Percent("65")
    assert Percent("64.1") != Percent("64.2")
    assert Percent("64") != Percent("64.0")
    assert Percent("64.10") == Percent.from_units(6410, 2)
    assert len({Percent("64"), Percent("64.0"), Percent("64"), Percent("65")}) == 3
    assert hash(Percent("64.0")) == hash(Percent.from_units(640, 1))
    assert len({hash(Percent.from_units(u, 2)) for u in range(100)}) == 100


def test_percent_order_across_precisions() -> None:
    """Ordering compares values, whatever the precision, with equal values neither < nor >."""
    assert Percent("1.55") > Percent("1.5")
    assert Percent("1.5") < Percent("1.55")
    assert Percent("1.49") < Percent("1.5")
    assert Percent("1.5") >= Percent("1.50")
    assert Percent("1.5") <= Percent("1.50")
    assert not Percent("1.5") > Percent("1.50")
    assert not Percent("1.5") < Percent("1.50")
    assert Percent("2") >= Percent("1.99")
    assert not Percent("1.99") >= Percent("2")
    assert Percent("10") > Percent("9.99")


@pytest.mark.parametrize(
    ("units", "decimals", "text"),
    [(0, 2, "0.00"), (0, 0, "0"), (-5, 1, "-0.5"), (5, 1, "0.5"), (-1, 2, "-0.01"), (-7, 0, "-7")],
)
def test_percent_text_has_a_sign_only_below_zero(units: int, decimals: int, text: str) -> None:
    """Zero is «0.00», never «-0.00»; a negative percentage keeps its minus."""
    assert str(Percent.from_units(units, decimals)) == text
    assert Percent(text) == Percent.from_units(units, decimals)


def test_percent_is_immutable() -> None:
    """Neither setting nor deleting an attribute of Percent works."""
    pct = Percent("5")
    with pytest.raises(AttributeError, match=r"^Percent is immutable$"):
        pct._units = 6  # type: ignore[misc]
    with pytest.raises(AttributeError, match=r"^Percent is immutable$"):
        del pct._units


# ---- percentage() and is_correct_rounding(): types -------------------------------------------


@pytest.mark.parametrize(
    ("part", "whole"), [(1, Money(2)), (Money(1), 2), ("1", "2"), (1.0, 2.0), (True, 2)]
)
def test_percentage_refuses_mixed_or_foreign_operands(part: object, whole: object) -> None:
    """Money over a count, a count over Money, text, floats and bools are type errors."""
    with pytest.raises(InvalidTypeError):
        percentage(part, whole)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        is_correct_rounding(Percent("50"), part, whole)  # type: ignore[arg-type]


def test_operand_type_errors_name_the_operand() -> None:
    """A foreign part, whole or step is named by its path; mixed kinds name both values."""
    with pytest.raises(InvalidTypeError) as info:
        percentage("1", "2")  # type: ignore[arg-type]
    assert info.value.problems == (Problem("$.part", "1", "must be Money or int", True),)
    with pytest.raises(InvalidTypeError) as info:
        percentage(1, 2.0)  # type: ignore[arg-type]
    assert info.value.problems == (Problem("$.whole", 2.0, "must be Money or int", True),)
    with pytest.raises(InvalidTypeError) as info:
        percentage(Money(1), 2)
    assert info.value.problems == (
        Problem("$", (Money(1), 2), "part and whole must both be Money or both int", True),
    )
    with pytest.raises(InvalidTypeError) as info:
        is_correct_rounding(Percent("50"), 1, 2, part_step=0.5)  # type: ignore[arg-type]
    assert info.value.problems == (Problem("$.step", 0.5, "must be Money or int", True),)


def test_percentage_of_counts_and_of_money_agree() -> None:
    """Counts and kopecks give the same percentage, checked against Fraction arithmetic."""
    for part, whole in [(1, 3), (2, 3), (-1, 8), (244, 301), (0, 7), (7, -3)]:
        expected = percent_half_away(part, whole)
        assert Fraction(percentage(part, whole).units, 100) == expected  # type: ignore[union-attr]
        by_money = percentage(Money.from_kopecks(part), Money.from_kopecks(whole))
        assert by_money is not None
        assert Fraction(by_money.units, 100) == expected


# ---- is_correct_rounding(): the band at its edges ---------------------------------------------


def _candidates(part: int, whole: int, sp: int, sw: int, decimals: int) -> set[int]:
    """Declared units worth trying: zero, and those next to every corner of the box."""
    found = set(range(-2, 3))
    scale = 100 * 10**decimals
    for k in range(-3, 4):
        if whole:
            found.add(scale * part // whole + k)
        for w2 in (2 * whole - sw, 2 * whole + sw):
            if w2 > 0:
                found.add(scale * (2 * part + sp) // w2 + k)
                found.add(scale * max(0, 2 * part - sp) // w2 + k)
    return found


def test_is_correct_rounding_matches_the_box_of_rounded_figures() -> None:
    """Over every small part, whole and step, the answer is the Fraction reference's."""
    wrong = []
    for part, whole, sp, sw, d in itertools.product(
        range(-1, 7), range(-1, 7), range(4), range(4), (0, 1)
    ):
        for units in _candidates(part, whole, sp, sw, d):
            got = is_correct_rounding(
                Percent.from_units(units, d),
                part,
                whole,
                part_step=sp or None,
                whole_step=sw or None,
            )
            if got is not fits_rounding(units, d, part, whole, sp, sw):
                wrong.append((units, d, part, whole, sp, sw, got))
    assert wrong == []


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ("13", True),  # its band starts at 12.5, the most the part 11.5..12.5 of 100 gives
        ("11", True),  # its band ends at 11.5, the least
        ("11.4", False),  # ends at 11.45, just below the least
        ("12.6", False),  # starts at 12.55, just above the most
        ("14", False),
        ("10", False),
    ],
)
def test_a_rounded_part_meets_the_band_at_its_ends(declared: str, expected: bool) -> None:
    """A part of 12 ± ½ over an exact 100 covers 11.5 %..12.5 %, ends included."""
    pct = Percent(declared)
    assert fits_rounding(pct.units, pct.decimals, 12, 100, 1, 0) is expected
    assert is_correct_rounding(pct, 12, 100, part_step=1) is expected


def test_one_step_alone_widens_the_band() -> None:
    """A step on the part only, or on the whole only, already admits the rounded figures."""
    declared = Percent("24.02")  # 33.9 of 141.0 тис. is 24.04 %
    part, whole, step = Money("33900"), Money("141000"), Money("100")
    assert not is_correct_rounding(declared, part, whole)
    assert is_correct_rounding(declared, part, whole, part_step=step)
    assert not is_correct_rounding(declared, part, whole, whole_step=step)
    assert is_correct_rounding(declared, part, whole, part_step=step, whole_step=step)
    # 33 900 over 141 000 ± 50 reaches 24.0511 %: «24,05» needs the whole's step alone.
    assert fits_rounding(2405, 2, 339, 1410, 0, 1)
    assert not is_correct_rounding(Percent("24.05"), part, whole)
    assert is_correct_rounding(Percent("24.05"), part, whole, whole_step=step)
    assert not is_correct_rounding(Percent("24.06"), part, whole, whole_step=step)


def test_a_part_that_can_only_be_zero_gives_zero_percent() -> None:
    """Nothing spent over a whole that may be near zero: 0 % is right, 64 % is not."""
    for whole, step in ((0, 1), (1, 2), (1, 3), (0, 4)):
        assert is_correct_rounding(Percent("0"), 0, whole, whole_step=step)
        assert not is_correct_rounding(Percent("64"), 0, whole, whole_step=step)
        assert not is_correct_rounding(Percent("1"), 0, whole, whole_step=step)
    # A whole of 1 ± ½ keeps 0 % the only value for a part of exactly 0.
    assert not is_correct_rounding(Percent("5"), 0, 1, whole_step=1)


def test_a_whole_that_cannot_be_positive_has_no_percentage() -> None:
    """A whole below zero even after rounding, or a part below zero, is never correct."""
    assert not is_correct_rounding(Percent("0"), 0, -100, whole_step=10)
    assert not is_correct_rounding(Percent("0"), 0, -1, whole_step=2)
    assert not is_correct_rounding(Percent("-100"), -100, 100, part_step=10)
    assert is_correct_rounding(Percent("0"), 0, 100, whole_step=10)
    assert is_correct_rounding(Percent("0"), 0, 0, whole_step=1)


# ---- MoneyFormat: the decimals a column may show ------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "most", "steps"),
    [
        # Hryvnias: 0 decimals round to 1 грн (100 kopecks), 2 to the kopeck.
        (MoneyUnit.HRYVNIA, 2, {0: 100, 2: 1}),
        # Thousands: 0 decimals round to 1 000 грн, 5 to the kopeck.
        (MoneyUnit.THOUSAND, 5, {0: 100_000, 5: 1}),
    ],
)
def test_a_column_shows_at_most_decimals_down_to_the_kopeck(
    unit: MoneyUnit, most: int, steps: dict[int, int]
) -> None:
    """A column's decimals run from 0 to the kopeck; one more, or fewer than 0, is refused."""
    for decimals, step in steps.items():
        assert MoneyFormat(unit, decimals).step_kopecks == step
    with pytest.raises(InvalidValueError) as info:
        MoneyFormat(unit, most + 1)
    assert info.value.problems == (Problem("$.decimals", most + 1, f"must be from 0 to {most}"),)
    assert info.value.subject == "MoneyFormat"
    with pytest.raises(InvalidValueError) as info:
        MoneyFormat(unit, -1)
    assert Problem("$.decimals", -1, f"must be from 0 to {most}") in info.value.problems


def test_a_column_of_no_unit_is_refused_for_its_unit_only() -> None:
    """A unit that is not a MoneyUnit is the one problem; its decimals are not judged."""
    with pytest.raises(InvalidTypeError) as info:
        MoneyFormat("x", 9)  # type: ignore[arg-type]
    assert info.value.problems == (Problem("$.unit", "x", "must be MoneyUnit", True),)


# ---- Negative zero, from_decimal, truncation and shares (survivors of a mutmut run) ---------


def test_a_negative_zero_is_refused_by_name_and_is_no_canonical_text() -> None:
    """«-0» and Decimal('-0.00') are refused as a negative zero; «-0» is no canonical text."""
    for value in ("-0", "-0.00", Decimal("-0"), Decimal("-0.00")):
        with pytest.raises(InvalidValueError) as info:
            Money(value)
        assert info.value.problems == (Problem("$", value, "is a negative zero (write 0)"),)
        with pytest.raises(InvalidValueError) as info:
            Percent(value)
        assert info.value.problems == (Problem("$", value, "is a negative zero (write 0)"),)
    for text in ("-0", "-0.0", "-0.00"):
        assert Money.from_canonical(text) is None
        assert Percent.from_canonical(text) is None


def test_a_huge_exponent_is_refused_without_building_the_number() -> None:
    """Decimal('1E+100000000') is refused from its exponent: no 10**100000000 is ever built."""
    for value in (Decimal("1E+100000000"), Decimal("-1E+100000000")):
        with pytest.raises(InvalidValueError) as info:
            Money(value)
        assert info.value.problems == (Problem("$", value, LIMIT),)


def test_from_decimal_refusals_name_value_and_reason() -> None:
    """from_decimal takes a Decimal and a power of ten; each refusal names the bad argument."""
    for value in ("1", 1, 1.0):
        with pytest.raises(InvalidTypeError) as type_info:
            Money.from_decimal(value, 100)  # type: ignore[arg-type]
        assert type_info.value.problems == (Problem("$", value, "must be Decimal", True),)
        assert type_info.value.subject == "Money"
    reason = "per_unit must be a power of ten (100, 100_000)"
    for per_unit in (5, 0, -100, 110, "100", True, 100.0):
        with pytest.raises(InvalidValueError) as info:
            Money.from_decimal(Decimal(1), per_unit)  # type: ignore[arg-type]
        assert info.value.problems == (Problem("$", per_unit, reason),)
    assert Money.from_decimal(Decimal(7), 1) == Money.from_kopecks(7)
    assert Money.from_decimal(Decimal(7), 1000) == Money.from_kopecks(7000)
    value = Decimal("0.001")
    with pytest.raises(InvalidValueError) as info:
        Money.from_decimal(value, 100)
    assert info.value.problems == (Problem("$", value, KOPECK_FRACTION),)


def test_is_truncation_of_correct_rounding_and_of_undefined_is_false() -> None:
    """A correctly rounded percentage, or one of a zero whole, is no truncation."""
    # 2/3 = 66.666…%: «66.67» is the rounding, «66.66» the cut.
    assert is_truncation(Percent("66.66"), 2, 3)
    assert not is_truncation(Percent("66.67"), 2, 3)
    assert not is_truncation(Percent("66.67"), Money(2), Money(3))
    assert not is_truncation(Percent("0"), 2, 0)
    assert not is_truncation(Percent("0"), Money(2), Money(0))


def test_is_truncation_keeps_the_sign_of_the_quotient() -> None:
    """−2/3 cut is −66.66 (toward zero), whichever of part and whole is negative."""
    for part, whole in ((-2, 3), (2, -3)):
        assert is_truncation(Percent("-66.66"), part, whole)
        assert not is_truncation(Percent("66.66"), part, whole)
        assert not is_truncation(Percent("-66.67"), part, whole)  # the rounding
    assert is_truncation(Percent("66.66"), -2, -3)


def test_is_truncation_refuses_mixed_operands() -> None:
    """Money against a count is a type error, in either order."""
    for part, whole in ((Money(2), 3), (2, Money(3))):
        with pytest.raises(InvalidTypeError):
            is_truncation(Percent("66.66"), part, whole)  # type: ignore[arg-type]


def test_shares_fit_by_default_need_the_whole() -> None:
    """Shares are a complete list unless told: 40 % + 56 % miss 100 %, as a partial list they fit."""
    assert shares_fit([Percent(40), Percent(56)]) is Fit.MISMATCH
    assert shares_fit([Percent(40), Percent(56)], complete=False) is Fit.EQUAL
    assert shares_fit([]) is Fit.MISMATCH
    assert shares_fit([], complete=False) is Fit.EQUAL


def test_shares_of_mixed_precision_fit_within_their_half_steps() -> None:
    """Shares written to 1, 1 and 0 decimals may miss 100 by 0.05 + 0.05 + 0.5 = 0.6.

    33.3 + 33.3 + 33 = 99.6 is inside; 33.3 + 33.3 + 34 = 100.6 is at the edge; 33.4 + 33.3
    + 34 = 100.7 is outside.
    """
    assert shares_fit([Percent("33.3"), Percent("33.3"), Percent("33")]) is Fit.ROUNDING
    assert shares_fit([Percent("33.3"), Percent("33.3"), Percent("34")]) is Fit.ROUNDING
    assert shares_fit([Percent("33.4"), Percent("33.3"), Percent("34")]) is Fit.MISMATCH
    assert shares_fit([Percent("50.00"), Percent("50")]) is Fit.EQUAL
    # 60 + 40.5 = 100.5: the half-steps 0.5 + 0.05 cover it; 60 + 40.6 is 0.6 over: a mismatch.
    assert shares_fit([Percent("60"), Percent("40.5")]) is Fit.ROUNDING
    assert shares_fit([Percent("60"), Percent("40.6")]) is Fit.MISMATCH


def test_a_declared_value_that_is_no_percent_is_a_type_error() -> None:
    """A Decimal or text where a Percent is judged is the library's type error, with its path."""
    for judge in (is_correct_rounding, is_truncation):
        for value in (Decimal("5"), "5", 5, None):
            with pytest.raises(InvalidTypeError) as info:
                judge(value, Money(1), Money(2))  # type: ignore[arg-type]
            assert info.value.problems == (Problem("$.declared", value, "must be Percent", True),)
            with pytest.raises(InvalidTypeError):
                judge(value, 1, 0)  # type: ignore[arg-type]  # even where nothing is judged
    with pytest.raises(InvalidTypeError) as info:
        shares_fit([Percent(50), "50"])  # type: ignore[list-item]
    assert info.value.problems == (Problem("$.shares[1]", "50", "must be Percent", True),)
