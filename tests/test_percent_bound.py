"""Percent's bound holds every percentage() of two valid Money values, so each one pickles,
goes through JSON and the fast loader, and is read back equal; what would not fit is refused."""

from __future__ import annotations

import copy
import pickle
import re
from decimal import Decimal
from typing import Any

import orjson
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from municipal_reports import Money, Percent, ProgramReport, dumps, loads
from municipal_reports.domain.percent import percentage
from municipal_reports.errors import InvalidValueError, Problem
from municipal_reports.io import json_schema
from municipal_reports.io.converter import PERCENT_PATTERN, converter
from municipal_reports.io.fast import program_report
from municipal_reports.testing import percents
from test_io_fast import _typical

#: The largest valid amount: just under MAX_HRYVNIAS (10**15 грн = 10**17 kopecks).
TOP = 10**17 - 1
#: Percent's bound: (10**17 − 1) kopecks over 1 kopeck is 10**19 − 100 %, below 10**19 %.
LIMIT = 10**19
TOO_LARGE = "must be less than 10,000,000,000,000,000,000 % in magnitude"

extremes = st.sampled_from((1, -1, TOP, -TOP, 2, TOP - 1, 100))
kopecks = st.integers(-TOP, TOP) | extremes
moneys = kopecks.map(Money.from_kopecks)


def _report_data(percent: Percent) -> dict[str, Any]:
    """test_io_fast's typical report, declaring ``percent`` for its measure and total."""
    data = _typical()
    data["tasks"][0]["measures"][0]["declared_percent"] = str(percent)
    data["total_percent"] = str(percent)
    return data


def test_the_largest_percentage_of_two_amounts() -> None:
    """The largest amount over one kopeck is (10**17 − 1) × 100 % = 9 999 999 999 999 999 900 %."""
    result = percentage(Money.from_kopecks(TOP), Money.from_kopecks(1))
    assert result == Percent("9999999999999999900.00")
    assert result is not None
    assert result.value == Decimal(TOP * 100)
    assert percentage(Money.from_kopecks(-TOP), Money.from_kopecks(1)) == Percent(
        "-9999999999999999900.00"
    )


@given(moneys, moneys)
@example(Money.from_kopecks(TOP), Money.from_kopecks(1))
@example(Money.from_kopecks(-TOP), Money.from_kopecks(1))
@example(Money.from_kopecks(1), Money.from_kopecks(TOP))
def test_every_percentage_of_two_amounts_round_trips(part: Money, whole: Money) -> None:
    """percentage() of any two valid amounts pickles and reads back from its canonical text."""
    result = percentage(part, whole)
    if not whole:
        assert result is None
        return
    assert result is not None
    assert abs(result.units) < LIMIT * result.scale
    assert pickle.loads(pickle.dumps(result)) == result
    text = str(result)
    assert re.fullmatch(PERCENT_PATTERN, text) is not None
    assert re.fullmatch(json_schema()["$defs"]["Percent"]["pattern"], text) is not None
    assert Percent.from_canonical(text) == result
    assert Percent(text) == result
    assert Percent(result.value) == result


@given(moneys, moneys)
@example(Money.from_kopecks(TOP), Money.from_kopecks(1))
@example(Money.from_kopecks(1), Money.from_kopecks(TOP))
def test_every_percentage_goes_through_json_and_the_fast_loader(part: Money, whole: Money) -> None:
    """A report declaring percentage() of any two amounts loads back equal on both roads."""
    result = percentage(abs(part), abs(whole))
    if result is None:
        return
    data = _report_data(result)
    raw = orjson.dumps({"format_version": 1, "type": "program_report", **data})
    report = loads(raw)
    assert isinstance(report, ProgramReport)
    assert report.total_percent == result
    assert report.tasks[0].measures[0].declared_percent == result
    assert loads(dumps(report)) == report
    assert program_report(copy.deepcopy(data), converter().structure) == report
    assert pickle.loads(pickle.dumps(report)) == report


@pytest.mark.parametrize(
    "text",
    ["9999999999999999999.999999999999", "-9999999999999999999.999999999999", "1" + "0" * 18],
)
def test_just_inside_the_bound_is_exact(text: str) -> None:
    """19 integer digits with 12 decimals (31 digits) are kept exactly, past the 28 of Decimal's default."""
    percent = Percent(text)
    assert str(percent) == text
    assert percent.value == Decimal(text)
    assert Percent(Decimal(text)) == percent
    assert Percent.from_canonical(text) == percent
    assert pickle.loads(pickle.dumps(percent)) == percent


@pytest.mark.parametrize("text", ["10000000000000000000", "-10000000000000000000.000000000000"])
def test_at_the_bound_is_refused(text: str) -> None:
    """10**19 % is refused, with the bound in the reason, and its text is no canonical percent."""
    with pytest.raises(InvalidValueError) as info:
        Percent(text)
    assert info.value.problems == (Problem("$", text, TOO_LARGE),)
    assert Percent.from_canonical(text) is None
    assert re.fullmatch(PERCENT_PATTERN, text) is None


def test_just_outside_the_bound_is_refused() -> None:
    """One unit past 10**19 % is refused by every constructor and by the text pattern."""
    units = LIMIT * 100 + 1  # 10000000000000000000.01
    with pytest.raises(InvalidValueError):
        Percent.from_units(units, 2)
    with pytest.raises(InvalidValueError):
        Percent("10000000000000000000.01")
    assert Percent.from_canonical("10000000000000000000.01") is None
    assert Percent.from_units(units - 2, 2) == Percent("9999999999999999999.99")


def test_percentage_of_counts_beyond_the_bound_is_refused() -> None:
    """Counts (unbounded ints) whose percentage reaches 10**19 % are refused, naming both."""
    assert percentage(10**17 - 1, 1) == Percent.from_units((10**17 - 1) * 100 * 100, 2)
    with pytest.raises(InvalidValueError) as info:
        percentage(10**17, 1)  # exactly 10**19 %
    assert info.value.subject == "percentage"
    assert info.value.problems == (
        Problem("$.part", 10**17, "over the whole 1 is not below 10,000,000,000,000,000,000 %"),
    )
    with pytest.raises(InvalidValueError):
        percentage(-(10**17), 1)


def test_percentage_that_rounds_up_to_the_bound_is_refused() -> None:
    """(2·10**21 − 1) / (2·10**4) × 100 = 10**19 − 0.005 % rounds half-up to 10**19 %: refused;
    one less in the part gives 10**19 − 0.01 %, the largest that fits."""
    assert percentage(2 * 10**21 - 2, 2 * 10**4) == Percent.from_units(LIMIT * 100 - 1, 2)
    with pytest.raises(InvalidValueError):
        percentage(2 * 10**21 - 1, 2 * 10**4)


def test_percentage_of_a_sum_beyond_the_largest_amount_is_refused() -> None:
    """A sum of amounts past MAX_HRYVNIAS over one kopeck would pass 10**19 %: refused."""
    big = Money.from_kopecks(TOP)
    with pytest.raises(InvalidValueError) as info:
        percentage(big + big, Money.from_kopecks(1))
    assert info.value.path == "$.part"
    assert percentage(big + big, Money.from_kopecks(2)) == Percent.from_units(TOP * 100 * 100, 2)


@given(
    percents(
        min_value=Percent("-9999999999999999999.999999999999"),
        max_value=Percent("9999999999999999999.999999999999"),
    )
    | percents(
        min_value=Percent("9999999999999999999"),
        max_value=Percent("9999999999999999999.999999999999"),
        decimals=12,
    )
)
def test_the_strategy_reaches_the_bound_and_its_values_read_back(percent: Percent) -> None:
    """percents() draws up to the bound, and what it draws reads back from its text."""
    assert abs(percent.units) < LIMIT * percent.scale  # abs(Decimal) would round to 28 digits
    assert Percent.from_canonical(str(percent)) == percent
    assert Percent(percent.value) == percent
