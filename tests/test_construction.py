"""Construction-time checks: impossible objects are refused, with every fault at once."""

from __future__ import annotations

from decimal import Decimal

import pytest

from municipal_reports import (
    AwardShare,
    Breakdown,
    DeputyFundAllocation,
    Financing,
    FundItem,
    InvalidTypeError,
    InvalidValueError,
    Measure,
    Money,
    MunicipalReportsError,
    Percent,
    Program,
    Task,
)


def test_every_fault_of_one_object_is_reported_at_once() -> None:
    """An empty content, a negative percent and an empty executor are three problems."""
    with pytest.raises(InvalidValueError) as info:
        Measure("  ", declared_percent=Percent("-1"), executors=("",))
    paths = [p.path for p in info.value.problems]
    assert paths == ["$.content", "$.declared_percent", "$.executors"]
    assert "must not be empty (got '  ') @ $.content" in str(info.value)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, MunicipalReportsError)


def test_negative_money_is_refused_with_its_path() -> None:
    """A negative amount cannot be financed."""
    with pytest.raises(InvalidValueError) as info:
        Financing(actual=Money("-0.01"))
    (problem,) = info.value.problems
    assert (problem.path, problem.value, problem.reason) == (
        "$.actual",
        Money("-0.01"),
        "must be >= 0",
    )


def test_a_wrong_type_is_a_type_error() -> None:
    """A Decimal where Money is expected, or a list where a tuple is, is a TypeError."""
    with pytest.raises(InvalidTypeError, match=r"\$\.actual"):
        Financing(actual=Decimal("1"))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"\$\.measures"):
        Task("Завдання", [Measure("Захід")])  # type: ignore[arg-type]


def test_bare_ints_become_exact_quantities() -> None:
    """A breakdown accepts 95 for Quantity(95), and refuses an empty label."""
    assert Breakdown("засідання", 95).total.value == 95
    with pytest.raises(InvalidValueError, match=r"\$\.label"):
        Breakdown("", 95)


def test_entities_refuse_empty_titles_and_meaningless_shares() -> None:
    """A program needs a title; a share needs a percent or a count."""
    with pytest.raises(InvalidValueError, match=r"\$\.title"):
        Program("")
    with pytest.raises(InvalidValueError, match="percent, a count or both"):
        AwardShare("військовослужбовці")


def test_fund_items_need_a_purpose() -> None:
    """A fund item without a purpose is refused; a valid allocation builds."""
    with pytest.raises(InvalidValueError, match=r"\$\.purpose"):
        FundItem(Money(1), "")
    fund = DeputyFundAllocation(Money(10), (FundItem(Money(10), "ремонт"),))
    assert fund.items[0].amount == Money(10)


def test_entities_are_frozen() -> None:
    """Entities cannot be changed once built."""
    m = Measure("Захід")
    with pytest.raises(AttributeError):
        m.content = "інше"  # type: ignore[misc]
