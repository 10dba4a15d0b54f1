"""The canonical text of money and percentages: one parser, exactly the JSON Schema's grammar."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from municipal_reports import Money, Percent
from municipal_reports.io.converter import MONEY_PATTERN, PERCENT_PATTERN

# Text near the grammar: digits, signs, dots and a few look-alikes that must be refused.
near = st.text(alphabet="0123456789.-+ e,٣", max_size=22)


@given(near | st.from_regex(MONEY_PATTERN, fullmatch=True))
def test_money_from_canonical_accepts_exactly_the_schema_pattern(text: str) -> None:
    """Money.from_canonical reads a text iff the JSON Schema's money pattern matches it."""
    assert (Money.from_canonical(text) is not None) == bool(re.fullmatch(MONEY_PATTERN, text))


@given(near | st.from_regex(PERCENT_PATTERN, fullmatch=True))
def test_percent_from_canonical_accepts_exactly_the_schema_pattern(text: str) -> None:
    """Percent.from_canonical reads a text iff the JSON Schema's percent pattern matches it."""
    assert (Percent.from_canonical(text) is not None) == bool(re.fullmatch(PERCENT_PATTERN, text))


@given(st.integers(min_value=-(10**17) + 1, max_value=10**17 - 1))
def test_money_text_reads_back(kopecks: int) -> None:
    """What str(Money) writes, from_canonical reads to the same amount."""
    money = Money.from_kopecks(kopecks)
    assert Money.from_canonical(str(money)) == money


@given(
    st.integers(min_value=-(10**19) + 1, max_value=10**19 - 1),
    st.integers(min_value=0, max_value=12),
    st.integers(min_value=0, max_value=10**12 - 1),
)
def test_percent_text_reads_back_with_its_precision(whole: int, decimals: int, frac: int) -> None:
    """What str(Percent) writes reads back with the same value and written precision."""
    units = whole * 10**decimals + (frac % 10**decimals if whole >= 0 else -(frac % 10**decimals))
    percent = Percent.from_units(units, decimals)
    assert Percent.from_canonical(str(percent)) == percent


def test_leading_zeros_are_not_canonical_but_money_still_reads_them() -> None:
    """«007.00» is not the JSON form, yet Money("007.00") still builds through Decimal."""
    assert Money.from_canonical("007.00") is None
    assert Money("007.00") == Money(7)
    assert Money.from_canonical("-0.5") == Money("-0.50")
