"""Percent keeps its written precision; percentage() and is_correct_rounding() are the one rule."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from municipal_reports import (
    InvalidTypeError,
    InvalidValueError,
    Money,
    Percent,
    is_correct_rounding,
    percentage,
)

amounts = st.integers(min_value=0, max_value=10**14)


def test_percent_keeps_the_precision_it_was_written_with() -> None:
    """«64%» has no decimals, «51,88%» two; equal values of different precision differ."""
    assert (Percent("64").decimals, Percent("51.88").decimals, Percent("16.50").decimals) == (
        0,
        2,
        2,
    )
    assert Percent("64") != Percent("64.00")
    assert Percent("64").same_value(Percent("64.00"))
    assert Percent("16.49") < Percent("16.5") <= Percent("16.50")
    assert str(Percent("16.50")) == "16.50"
    assert Percent("16.50").value == Decimal("16.50")


@pytest.mark.parametrize("value", ["NaN", "inf", "abc", "1e40", "0.0000000000001"])
def test_percent_refuses_what_is_not_a_percentage(value: str) -> None:
    """A percent that is not a finite, reasonably written number is refused."""
    with pytest.raises(InvalidValueError):
        Percent(value)


def test_percent_units_and_decimals_are_read_only() -> None:
    """A Percent's units and decimals are slots read by name; writing them raises."""
    p = Percent("51.88")
    for name in ("units", "decimals", "scale"):
        with pytest.raises(AttributeError):
            setattr(p, name, 1)
    assert (p.units, p.decimals, p.scale) == (5188, 2, 100)


def test_percent_refuses_floats() -> None:
    """A float percentage is a type error."""
    with pytest.raises(InvalidTypeError):
        Percent(24.69)  # type: ignore[arg-type]


def test_percentage_is_half_up_and_undefined_for_a_zero_whole() -> None:
    """The one rule: half-up to two places, None (not 0, not an error) for a zero whole."""
    assert percentage(Money("513537.84"), Money("2080000.00")) == Percent("24.69")
    assert percentage(1, 8) == Percent("12.50")
    assert percentage(1, 800) == Percent("0.13")  # 0.125 → 0.13, half-even would say 0.12
    assert percentage(Money(0), Money(0)) is None
    assert percentage(5, 0) is None


def _half_away_from_zero(part: int, whole: int) -> Fraction:
    """part / whole × 100 to 2 decimals, the magnitude rounded half-up, the sign kept."""
    exact = Fraction(100 * part, whole)
    magnitude = int(abs(exact) * 100 + Fraction(1, 2))  # floor(|x|·100 + ½)
    return Fraction(-magnitude if exact < 0 else magnitude, 100)


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (-1, 8, "-12.50"),  # the deviation «(+, -)» of the issue: the sign stays
        (1, -8, "-12.50"),
        (-1, -8, "12.50"),
        (-1, 800, "-0.13"),  # −0.125: half away from zero, not towards +∞ (−0.12)
        (1, -800, "-0.13"),
        (-1, 1600, "-0.06"),  # −0.0625 → −0.06
        (-3, 1600, "-0.19"),  # −0.1875 → −0.19
        (-1, 3, "-33.33"),
        (-2, 3, "-66.67"),
        (-1, 20001, "0.00"),  # −0.0049997…: rounds to zero, and zero has no sign
    ],
)
def test_percentage_keeps_the_sign_and_rounds_half_away_from_zero(
    part: int, whole: int, expected: str
) -> None:
    """A negative quotient keeps its sign; its magnitude rounds as a positive one would."""
    assert _half_away_from_zero(part, whole) == Fraction(expected)
    result = percentage(part, whole)
    assert result == Percent(expected)
    assert percentage(Money.from_kopecks(part), Money.from_kopecks(whole)) == Percent(expected)


@given(st.integers(-(10**14), 10**14), st.integers(-(10**14), 10**14))
def test_percentage_of_any_sign_matches_fraction_arithmetic(part: int, whole: int) -> None:
    """For parts and wholes of either sign, the value is the half-away-from-zero rounding."""
    assume(whole != 0)
    result = percentage(part, whole)
    assert result is not None
    assert result.decimals == 2
    assert Fraction(result.units, 100) == _half_away_from_zero(part, whole)
    negated = percentage(-part, whole)
    assert negated == Percent.from_units(-result.units, 2)


def test_percentage_needs_two_amounts_or_two_counts() -> None:
    """Money over a count is a type error."""
    with pytest.raises(InvalidTypeError):
        percentage(Money(1), 2)


def _reference(part: int, whole: int) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 60
        return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP)


@given(amounts, amounts)
def test_percentage_matches_decimal_half_up(part: int, whole: int) -> None:
    """For any part and non-zero whole, the result equals Decimal's ROUND_HALF_UP reference."""
    assume(whole > 0)
    result = percentage(Money.from_kopecks(part), Money.from_kopecks(whole))
    assert result is not None
    assert result.value == _reference(part, whole)


@given(amounts, amounts, st.integers(min_value=0, max_value=3), st.integers(-3, 3))
def test_is_correct_rounding_matches_the_half_unit_band(
    part: int, whole: int, d: int, shift: int
) -> None:
    """A declared value is correct exactly when within half a unit of its last place."""
    assume(whole > 0)
    exact = Fraction(100 * part, whole)
    assume(exact < 10**12)
    units = round(exact * 10**d) + shift
    declared = Percent.from_units(units, d)
    within = abs(Fraction(units, 10**d) - exact) <= Fraction(1, 2 * 10**d)
    assert is_correct_rounding(declared, part, whole) is within


@given(amounts, amounts, st.integers(min_value=0, max_value=2))
def test_a_half_up_rounding_is_always_correct(part: int, whole: int, d: int) -> None:
    """Whatever the precision, the half-up rounding of the exact value is accepted."""
    assume(whole > 0 and Fraction(100 * part, whole) < 10**12)
    exact = Fraction(100 * part, whole) * 10**d
    units = int(exact + Fraction(1, 2))  # half-up for non-negative values
    assert is_correct_rounding(Percent.from_units(units, d), part, whole)


def test_no_rounding_of_an_undefined_percentage_is_correct() -> None:
    """With a zero whole, nothing is a correct rounding."""
    assert not is_correct_rounding(Percent("0"), 0, 0)


def test_seed_percentages() -> None:
    """The seed's declared values: 51,88% and 35,93% hold; 25% for 33,9 of 141,0 does not."""
    assert is_correct_rounding(Percent("51.88"), Money("249000"), Money("480000"))
    assert is_correct_rounding(Percent("35.93"), Money("35933.84"), Money("100000"))
    assert not is_correct_rounding(Percent("25"), Money("33900"), Money("141000"))
    assert is_correct_rounding(Percent("24"), Money("33900"), Money("141000"))
