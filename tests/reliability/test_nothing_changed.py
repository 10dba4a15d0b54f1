"""Nothing silently changed: values that would be read as a different value are refused."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from municipal_reports import (
    InvalidTypeError,
    InvalidValueError,
    Money,
    MunicipalReportsError,
    ParseError,
    Percent,
    StructureError,
    Task,
    dumps,
    load,
    loads,
)
from municipal_reports.parse import (
    find_decisions,
    parse_date,
    parse_decision,
    parse_money,
    parse_number,
    parse_percent,
    parse_period,
    parse_quantity,
    parse_year_span,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PROGRAM = EXAMPLES / "zhytomyr-program-efficient-power-2022-9m.json"

# -- negative zero ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["-0", "-0.0", "-0.00"])
def test_negative_zero_money_text_is_not_canonical(text: str) -> None:
    """«-0» and «-0.00» are no canonical amount: from_canonical gives None, the constructor refuses."""
    assert Money.from_canonical(text) is None
    with pytest.raises(InvalidValueError, match="negative zero"):
        Money(text)


@pytest.mark.parametrize("text", ["-0", "-0.0", "-0.00", "-0.000000000000"])
def test_negative_zero_percent_text_is_not_canonical(text: str) -> None:
    """A percentage «-0.00» is refused too: it would come back as «0.00»."""
    assert Percent.from_canonical(text) is None
    with pytest.raises(InvalidValueError, match="negative zero"):
        Percent(text)


@pytest.mark.parametrize("value", [Decimal("-0"), Decimal("-0.00")])
def test_negative_zero_decimals_are_refused(value: Decimal) -> None:
    """A Decimal negative zero is refused by Money, from_thousands and Percent alike."""
    with pytest.raises(InvalidValueError):
        Money(value)
    with pytest.raises(InvalidValueError):
        Money.from_thousands(value)
    with pytest.raises(InvalidValueError):
        Percent(value)


def test_plain_zero_and_small_negatives_still_read() -> None:
    """Just beside the refused values: «0.00», «-0.01» and «-0.5» still read as written."""
    assert Money("0.00").kopecks == 0
    assert Money.from_canonical("-0.01") == Money.from_kopecks(-1)
    assert Percent.from_canonical("-0.5") == Percent.from_units(-5, 1)
    assert str(Percent("0.00")) == "0.00"


def _program() -> dict[str, object]:
    """The first program report of the example, as a document of its own (the fast road)."""
    report = json.loads(PROGRAM.read_text(encoding="utf-8"))
    fact = report["sections"][0]["facts"][0]
    return {"format_version": 1, **fact}


def _program_with_actual(value: str) -> str:
    data: dict[str, object] = _program()
    data["tasks"][0]["measures"][0]["financing"]["actual"] = value  # type: ignore[index]
    return json.dumps(data, ensure_ascii=False)


def test_negative_zero_in_a_file_is_refused_with_its_path() -> None:
    """A file holding «-0.00» is refused naming the value's path, not read back as «0.00»."""
    with pytest.raises(StructureError) as info:
        loads(_program_with_actual("-0.00"))
    (problem,) = info.value.problems
    assert problem.path == "$.tasks[0].measures[0].financing.actual"
    assert "negative zero" in problem.reason


def test_negative_zero_percent_in_a_file_is_refused_with_its_path() -> None:
    """A declared percentage «-0.0» is refused naming its path."""
    data = _program()
    data["tasks"][0]["measures"][0]["declared_percent"] = "-0.0"  # type: ignore[index]
    with pytest.raises(StructureError) as info:
        loads(json.dumps(data))
    (problem,) = info.value.problems
    assert problem.path == "$.tasks[0].measures[0].declared_percent"
    assert "negative zero" in problem.reason


# -- duplicate keys ---------------------------------------------------------------------------


def test_a_duplicate_key_is_refused_with_its_path() -> None:
    """Two «actual» keys in one object: refused at that object's path, not last-one-wins."""
    text = _program_with_actual("1.00").replace(
        '"actual": "1.00"', '"actual": "1.00", "actual": "2.00"'
    )
    assert text.count('"actual": "2.00"') == 1
    with pytest.raises(StructureError) as info:
        loads(text)
    (problem,) = info.value.problems
    assert problem.path == "$.tasks[0].measures[0].financing.actual"
    assert "duplicate key" in problem.reason


def test_a_duplicate_top_level_key_is_refused() -> None:
    """A repeated «type» at the top is refused at «$.type»."""
    text = '{"format_version": 1, "type": "report", "type": "program_report"}'
    with pytest.raises(StructureError) as info:
        loads(text)
    assert [p.path for p in info.value.problems] == ["$.type"]


def test_escaped_colons_do_not_trip_the_duplicate_check() -> None:
    """A key or value spelling «:» as an escape (\\u003a) loads as usual."""
    data = _program()
    data["executor"] = "a:b"
    text = json.dumps(data, ensure_ascii=False).replace("a:b", "a\\u003ab")
    assert loads(text).executor == "a:b"


def test_the_same_key_in_two_objects_is_no_duplicate() -> None:
    """Keys repeat across sibling objects in every file: that is fine."""
    document = loads(PROGRAM.read_bytes())
    assert loads(dumps(document)) == document


# -- beyond 28 significant digits -------------------------------------------------------------


def test_a_fraction_of_a_kopeck_at_the_29th_digit_is_refused() -> None:
    """A value with a tiny fraction far to the right is refused, not rounded to whole kopecks."""
    text = "99999999999999.99000000000000000000001"  # 14 + 2 + 21 digits
    with pytest.raises(InvalidValueError, match="fraction of a kopeck"):
        Money(text)
    with pytest.raises(InvalidValueError, match="fraction of a kopeck"):
        Money(Decimal(text))
    with pytest.raises(InvalidValueError, match="fraction of a kopeck"):
        Money.from_thousands("99999999999.99999000000000000000001")


def test_many_trailing_zeros_are_still_exact() -> None:
    """Just inside: the same number of digits, all zeros after the kopecks, reads exactly."""
    money = Money("99999999999999.99000000000000000000000")
    assert money.kopecks == 9999999999999999


@pytest.mark.parametrize(
    ("text", "unit"),
    [("99999999999999,9900000000000000000001", 100), ("1,000000000000000000000000000001", 100_000)],
)
def test_readers_refuse_a_fraction_of_a_kopeck_far_to_the_right(text: str, unit: int) -> None:
    """parse_money does its unit arithmetic exactly: the 29th digit counts."""
    from municipal_reports import MoneyUnit

    money_unit = MoneyUnit.HRYVNIA if unit == 100 else MoneyUnit.THOUSAND
    with pytest.raises(ParseError, match="fraction of a kopeck"):
        parse_money(text, unit=money_unit)
    with pytest.raises(ParseError, match="fraction of a kopeck"):
        parse_money(f"{text} грн" if unit == 100 else f"{text} тис. грн")


# -- invisible text ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["\u200b", "\ufeff", "\u202e\u202c", " \u200d\u2060 ", "\u2066\u2069", "\u00ad"]
)
def test_invisible_only_text_counts_as_empty(text: str) -> None:
    """A title of only zero-width, bidi or BOM characters is refused as empty."""
    with pytest.raises(InvalidValueError, match="must not be empty"):
        Task(text)


def test_invisible_only_text_in_a_file_is_refused() -> None:
    """The JSON loader (fast road included) refuses a measure whose content is invisible."""
    data = _program()
    data["tasks"][0]["measures"][0]["content"] = "\u200b\u200b"  # type: ignore[index]
    with pytest.raises(StructureError) as info:
        loads(json.dumps(data))
    assert [p.path for p in info.value.problems] == ["$.tasks[0].measures[0].content"]


def test_visible_text_with_invisible_characters_is_kept() -> None:
    """Just inside: a visible letter among invisible ones is text, kept as written."""
    assert Task("\u200bА\u200b").title == "\u200bА\u200b"


# -- readers: digits of other scripts and letters standing for digits ---------------------------


@pytest.mark.parametrize(
    ("reader", "text"),
    [
        (parse_decision, "рішення від 24.12.2020 №З1"),
        (parse_decision, "рішення від 24.12.2020 №О1"),
        (find_decisions, "№31 від 24.12.2020, №2З від 01.02.2021"),
        (parse_number, "\u0661\u0662\u0663"),
        (parse_number, "１２"),
        (parse_money, "1О0 грн"),
        (parse_percent, "5О%"),
        (parse_quantity, "близько З000"),
        (parse_date, "\u0660\u0661.\u0660\u0662.\u0662\u0660\u0662\u0660"),
        (parse_year_span, "2021-２０２３"),
        (parse_period, "за ２０２２ рік"),
    ],
)
def test_readers_refuse_digits_that_are_not_ascii(reader: object, text: str) -> None:
    """Every reader refuses a non-ASCII digit or a letter standing for one, naming it."""
    assert callable(reader)
    with pytest.raises(ParseError) as info:
        reader(text)
    bad = info.value.position
    assert not text[bad].isascii() or not text[bad].isdigit()
    assert "digit" in info.value.reason


@pytest.mark.parametrize(
    ("reader", "text"),
    [
        (parse_decision, "рішення від 24.12.2020 №31"),
        (parse_period, "за I півріччя 2022 року"),
        (parse_period, "IV квартал 2022 року"),
        (parse_number, "1 243 280,57"),
        (parse_quantity, "близько 3000"),
    ],
)
def test_readers_still_read_ascii_digits_beside_letters(reader: object, text: str) -> None:
    """Just inside: Roman numerals and words beside digits are no look-alikes."""
    assert callable(reader)
    reader(text)


# -- loads() of a non-text argument -----------------------------------------------------------


@pytest.mark.parametrize("value", [5, None, 1.5, ["{}"], {"type": "report"}])
def test_loads_of_a_non_text_argument_raises_the_library_error(value: object) -> None:
    """loads(5) raises InvalidTypeError (a library error and a TypeError), not AttributeError."""
    with pytest.raises(InvalidTypeError) as info:
        loads(value)  # type: ignore[arg-type]
    assert isinstance(info.value, MunicipalReportsError)
    assert isinstance(info.value, TypeError)


@pytest.mark.parametrize("value", [None, 5, 1.5, ["report.json"], b"{}"])
def test_load_of_neither_a_path_nor_a_file_raises_the_library_error(value: object) -> None:
    """load(None) raises InvalidTypeError naming what it takes, not AttributeError."""
    with pytest.raises(InvalidTypeError, match="a path or a binary file object"):
        load(value)  # type: ignore[arg-type]


def test_load_still_reads_a_binary_file_object() -> None:
    """Just inside: an object with read() is read as before."""
    raw = PROGRAM.read_bytes()
    assert load(io.BytesIO(raw)) == loads(raw)
