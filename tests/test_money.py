"""Money: exact kopecks, no floats, arithmetic that sum() can use."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from municipal_reports import InvalidTypeError, InvalidValueError, Money, MunicipalReportsError

kopecks = st.integers(min_value=-(10**16), max_value=10**16)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("2080000.00"), "2080000.00"),
        (5, "5.00"),
        ("0.1", "0.10"),
        ("-3.5", "-3.50"),
        ("1e3", "1000.00"),
    ],
)
def test_money_is_built_from_decimal_int_and_text(value: Decimal | int | str, text: str) -> None:
    """Decimal, int (whole hryvnias) and decimal strings all make the same exact amount."""
    assert str(Money(value)) == text


@pytest.mark.parametrize("value", [0.1, 1.0, float("nan"), True, None, [1]])
def test_money_refuses_floats_bools_and_other_types(value: object) -> None:
    """A float is refused outright, as TypeError and as the library's own error."""
    with pytest.raises(InvalidTypeError) as info:
        Money(value)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, MunicipalReportsError)
    assert info.value.path == "$"


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("NaN", "finite"),
        (Decimal("Infinity"), "finite"),
        ("1.005", "fraction of a kopeck"),
        ("1e999999999", "less than"),
        ("9" * 200, "less than"),
        ("12,5", "not a decimal"),
        ("", "not a decimal"),
    ],
)
def test_money_refuses_impossible_values_with_a_reason(value: object, reason: str) -> None:
    """NaN, infinities, sub-kopeck precision and absurd magnitudes are refused with why."""
    with pytest.raises(InvalidValueError) as info:
        Money(value)  # type: ignore[arg-type]
    assert reason in str(info.value)
    assert isinstance(info.value, ValueError)


def test_money_from_thousands_multiplies_exactly() -> None:
    """A «тис. грн» figure becomes hryvnias: 92,8 → 92 800,00 and 0,00 → 0."""
    assert Money.from_thousands("92.8") == Money("92800")
    assert Money.from_thousands(Decimal("0.00")) == Money(0)
    assert Money.from_thousands("402.70").kopecks == 40_270_000
    with pytest.raises(InvalidValueError):
        Money.from_thousands("0.000001")


def test_sum_negation_and_comparison() -> None:
    """sum() starts from 0; differences may be negative; ordering is by amount."""
    parts = [Money("181341.98"), Money("99000.00"), Money("24947.00")]
    assert sum(parts) == Money("305288.98")
    assert Money(1) - Money(3) == -Money(2)
    assert abs(Money(-2)) == Money(2)
    assert Money("0.01") > Money(0) >= -Money("0.01")
    assert max(parts) == Money("181341.98")


def test_money_does_not_mix_with_plain_numbers() -> None:
    """Adding an int or comparing with one is a TypeError; equality with a number is False."""
    with pytest.raises(TypeError):
        Money(1) + 1  # type: ignore[operator]
    with pytest.raises(TypeError):
        Money(1) < 2  # type: ignore[operator]  # noqa: B015
    assert Money(1) != 1


def test_money_is_immutable_hashable_and_picklable() -> None:
    """Money cannot be changed, hashes by amount, and survives pickling."""
    m = Money("12.34")
    with pytest.raises(AttributeError):
        m._kopecks = 5  # type: ignore[attr-defined]
    with pytest.raises(AttributeError, match="immutable"):
        m.kopecks = 5  # the slot is read by name, never written
    with pytest.raises(AttributeError):
        del m.kopecks
    assert m.kopecks == 1234
    assert {m, Money("12.340")} == {m}
    assert pickle.loads(pickle.dumps(m)) == m


@given(kopecks)
def test_text_round_trip_is_exact(k: int) -> None:
    """str() of any amount reads back to the same amount, and amount is kopecks / 100."""
    m = Money.from_kopecks(k)
    assert Money(str(m)) == m
    assert m.amount == Decimal(k) / 100


@given(st.lists(st.integers(min_value=-(10**15), max_value=10**15), max_size=30))
def test_sums_of_money_are_sums_of_kopecks(ks: list[int]) -> None:
    """Summing Money never loses a kopeck, whatever the number or size of the parts."""
    assert sum((Money.from_kopecks(k) for k in ks), Money(0)) == Money.from_kopecks(sum(ks))


def test_a_sum_past_the_largest_amount_survives_pickling() -> None:
    """Sums are not bounded: 2 × (10**17 − 1) kopecks pickles back to the same sum."""
    top = Money.from_kopecks(10**17 - 1)
    total = top + top
    assert total.kopecks == 2 * 10**17 - 2
    assert pickle.loads(pickle.dumps(total)) == total
    assert pickle.loads(pickle.dumps(-total)).kopecks == -(2 * 10**17 - 2)
