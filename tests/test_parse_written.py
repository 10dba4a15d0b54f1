"""The readers of issue 12: amounts with how they were written, unit captions, periods with
Cyrillic numerals and month ranges, «станом на», list items; on the strings met in real
reports (tests/real) and on generated ones, with expected values from arithmetic here."""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import json
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from municipal_reports import (
    InvalidValueError,
    Money,
    MoneyFormat,
    MoneyUnit,
    ParseError,
    PeriodKind,
    Qualifier,
    ReportingPeriod,
)
from municipal_reports import parse as P
from municipal_reports.i18n import formatting as i18n
from municipal_reports.parse import (
    parse_as_of,
    parse_money,
    parse_money_unit,
    parse_number,
    parse_percent,
    parse_period,
    parse_quantity,
    parse_written_money,
    split_list_item,
    strip_list_marker,
)

REAL = Path(__file__).parent / "real"
READERS: list[dict[str, Any]] = json.loads((REAL / "readers.json").read_text(encoding="utf-8"))
CASES = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(REAL.glob("cases/*.json"))]

#: Hryvnias in one of each unit, written out rather than asked of MoneyUnit.
HRYVNIAS = {
    MoneyUnit.HRYVNIA: Decimal(1),
    MoneyUnit.THOUSAND: Decimal(1000),
    MoneyUnit.MILLION: Decimal(1_000_000),
    MoneyUnit.BILLION: Decimal(1_000_000_000),
}
CASE_UNITS = {
    "грн": MoneyUnit.HRYVNIA,
    "тис. грн": MoneyUnit.THOUSAND,
    "млн грн": MoneyUnit.MILLION,
    "млрд грн": MoneyUnit.BILLION,
}


def _ids(entries: list[dict[str, Any]]) -> list[str]:
    return [e["text"] for e in entries]


def _of(reader: str) -> list[dict[str, Any]]:
    return [r for r in READERS if r["reader"] == reader]


# -- the units --------------------------------------------------------------------------------


def test_unit_sizes_and_decimals() -> None:
    """Each unit is its power of a thousand of hryvnias, and allows decimals down to a kopeck."""
    for unit, hryvnias in HRYVNIAS.items():
        assert unit.kopecks == hryvnias * 100
        most = len(str(int(hryvnias * 100))) - 1
        assert unit.max_decimals == most
        assert MoneyFormat(unit, most).step == Money("0.01")
        with pytest.raises(InvalidValueError):
            MoneyFormat(unit, most + 1)
        with pytest.raises(InvalidValueError):
            MoneyFormat(unit, -1)


@pytest.mark.parametrize("unit", list(MoneyUnit))
@pytest.mark.parametrize("decimals", [0, 1, 2, 3])
def test_step_is_the_unit_over_ten_to_the_decimals(unit: MoneyUnit, decimals: int) -> None:
    """«0,1 млн» is rounded to 100 000 грн: the step is the unit divided by 10^decimals."""
    if decimals > unit.max_decimals:
        return
    assert MoneyFormat(unit, decimals).step == Money(HRYVNIAS[unit] / 10**decimals)


def test_renderers_label_every_unit() -> None:
    """Every unit has a caption in both locales, and the caption reads back as the unit."""
    for unit in MoneyUnit:
        for locale in ("uk", "en"):
            label = i18n.unit_label(unit, locale)
            assert parse_money_unit(label) is unit


# -- amounts as written -----------------------------------------------------------------------


@pytest.mark.parametrize("entry", _of("money"), ids=_ids(_of("money")))
def test_real_amounts(entry: dict[str, Any]) -> None:
    """Every amount met in the sources reads as its value, with the unit and decimals of its
    last figure."""
    money, written = parse_written_money(entry["text"])
    expected = entry["expected"]
    assert money == Money(expected["hryvnias"])
    assert written == MoneyFormat(MoneyUnit(expected["unit"]), expected["decimals"])


@pytest.mark.parametrize(
    ("text", "hryvnias", "unit", "decimals"),
    [
        ("3 тис. 415", 3 * 1000 + 415, MoneyUnit.HRYVNIA, 0),
        ("47 тис. 530 грн", 47 * 1000 + 530, MoneyUnit.HRYVNIA, 0),
        ("2 млн 148,3 тис.", 2 * 10**6 + Decimal("148.3") * 1000, MoneyUnit.THOUSAND, 1),
        ("4,7 млн", Decimal("4.7") * 10**6, MoneyUnit.MILLION, 1),
        ("1,2 млрд", Decimal("1.2") * 10**9, MoneyUnit.BILLION, 1),
        ("0,1 млн", Decimal("0.1") * 10**6, MoneyUnit.MILLION, 1),
        ("12,405 млн грн", Decimal("12.405") * 10**6, MoneyUnit.MILLION, 3),
        ("3 тыс. 415", 3 * 1000 + 415, MoneyUnit.HRYVNIA, 0),
        ("2 млн 148,3 тыс.", 2 * 10**6 + Decimal("148.3") * 1000, MoneyUnit.THOUSAND, 1),
        ("15 млн 219 тис 100 грн 73 коп.", Decimal("15219100.73"), MoneyUnit.HRYVNIA, 2),
        ("400 000,00 грн.", 400_000, MoneyUnit.HRYVNIA, 2),
    ],
)
def test_issue_amounts(text: str, hryvnias: Decimal | int, unit: MoneyUnit, decimals: int) -> None:
    """The issue's examples: mixed units, millions and billions with decimals, Russian forms."""
    assert parse_written_money(text) == (Money(Decimal(hryvnias)), MoneyFormat(unit, decimals))


def test_bare_number_takes_the_column_unit() -> None:
    """A bare figure under a «тис. грн» caption is thousands, written with its decimals."""
    assert parse_written_money("20,0", unit=MoneyUnit.THOUSAND) == (
        Money(20_000),
        MoneyFormat(MoneyUnit.THOUSAND, 1),
    )
    assert parse_written_money("1,25", unit=MoneyUnit.MILLION)[0] == Money(1_250_000)


def test_parse_money_agrees_where_it_reads() -> None:
    """Where parse_money reads a text, parse_written_money gives the same amount."""
    for text in ("1 млн. 722,9 тис.", "400 000,00 грн.", "15 млн 219 тис 100 грн 73 коп.", "20,0"):
        assert parse_written_money(text)[0] == parse_money(text)


@pytest.mark.parametrize(
    "text",
    ["", "тис.", "3 тис. 415 млн", "1,234 грн", "0,1234567890 млн", "млн 5", "5 млн млн", "1.2.3"],
)
def test_bad_amounts_raise_parse_error(text: str) -> None:
    """Text that is not one amount (units rising, a fraction of a kopeck) raises ParseError."""
    with pytest.raises(ParseError):
        parse_written_money(text)
    assert not P.is_written_money(text)


def test_a_fraction_of_a_kopeck_boundary() -> None:
    """Eight decimals of a million reach the kopeck; nine do not."""
    assert parse_written_money("0,00000001 млн") == (
        Money("0.01"),
        MoneyFormat(MoneyUnit.MILLION, 8),
    )
    with pytest.raises(ParseError):
        parse_written_money("0,000000001 млн")


def _on_step(kopecks: int, unit: MoneyUnit, decimals: int) -> Money:
    step = unit.kopecks // 10**decimals
    return Money.from_kopecks(kopecks - kopecks % step)


@given(
    kopecks=st.integers(0, 10**15),
    unit=st.sampled_from(list(MoneyUnit)),
    decimals=st.integers(0, 3),
    locale=st.sampled_from(["uk", "en"]),
)
def test_format_then_read_round_trip(
    kopecks: int, unit: MoneyUnit, decimals: int, locale: str
) -> None:
    """An amount on its step, formatted in a unit with its decimals, reads back as itself
    with that unit and those decimals."""
    decimals = min(decimals, unit.max_decimals)
    money = _on_step(kopecks, unit, decimals)
    text = i18n.format_money(money, locale, unit=unit, decimals=decimals)
    assert parse_written_money(text, locale=locale) == (money, MoneyFormat(unit, decimals))


@given(thousands=st.integers(1, 999_999), rest=st.integers(0, 999))
def test_thousands_then_hryvnias(thousands: int, rest: int) -> None:
    """«N тис. M» and «N тыс. M грн» are N × 1000 + M hryvnias, written to the hryvnia."""
    expected = (Money(thousands * 1000 + rest), MoneyFormat(MoneyUnit.HRYVNIA, 0))
    assert parse_written_money(f"{thousands} тис. {rest}") == expected
    assert parse_written_money(f"{thousands} тыс. {rest} грн") == expected


@given(millions=st.integers(1, 999), tenths=st.integers(0, 9_999))
def test_millions_then_thousands(millions: int, tenths: int) -> None:
    """«N млн T,t тис.» is N million and T,t thousand, written to 100 грн."""
    text = f"{millions} млн {tenths // 10},{tenths % 10} тис."
    assert parse_written_money(text) == (
        Money(millions * 10**6 + tenths * 100),
        MoneyFormat(MoneyUnit.THOUSAND, 1),
    )


# -- the corpus's own figures -----------------------------------------------------------------


def _figures() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for case in CASES:
        whole = [case["whole"]] if case["whole"] else []
        out += [(case["id"], fig) for fig in whole + case["parts"]]
    return out


FIGURES = _figures()


@pytest.mark.parametrize(("case", "fig"), FIGURES, ids=[f"{c}:{f['written']}" for c, f in FIGURES])
def test_every_written_figure_reads(case: str, fig: dict[str, Any]) -> None:
    """Every figure of the corpus reads as the number it records, and a money figure with
    the step its unit and decimals give."""
    unit = fig["unit"]
    number = Decimal(fig["number"])
    if unit in CASE_UNITS:
        money, written = parse_written_money(fig["written"], unit=CASE_UNITS[unit])
        scale = HRYVNIAS[CASE_UNITS[unit]]
        assert money == Money(number * scale)
        assert written.step == Money(scale / 10 ** fig["decimals"])
    elif unit == "%":
        assert parse_percent(fig["written"]).value == number
    elif P.is_placeholder(fig["written"]):
        assert number == 0
    else:
        assert parse_number(fig["written"]) == number
    if "share" in fig:
        declared = parse_percent(fig["share"]["written"]).value
        assert declared == Decimal(fig["share"]["number"])
        assert str(declared) == fig["share"]["number"]  # the precision is kept too


# -- unit captions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("caption", "unit"),
    [
        ("грн", MoneyUnit.HRYVNIA),
        ("гривень", MoneyUnit.HRYVNIA),
        ("тис. грн", MoneyUnit.THOUSAND),
        ("тис.грн", MoneyUnit.THOUSAND),
        ("тис грн", MoneyUnit.THOUSAND),
        ("тис. гривень", MoneyUnit.THOUSAND),
        ("(тис. грн)", MoneyUnit.THOUSAND),
        ("тыс. грн", MoneyUnit.THOUSAND),
        ("thousand UAH", MoneyUnit.THOUSAND),
        ("млн грн", MoneyUnit.MILLION),
        ("мільйонів гривень", MoneyUnit.MILLION),
        ("млрд грн", MoneyUnit.BILLION),
        ("UAH", MoneyUnit.HRYVNIA),
    ],
)
def test_unit_captions(caption: str, unit: MoneyUnit) -> None:
    """A caption names its unit."""
    assert parse_money_unit(caption) is unit
    assert P.is_money_unit(caption)


@pytest.mark.parametrize("entry", _of("unit"), ids=_ids(_of("unit")))
def test_real_captions(entry: dict[str, Any]) -> None:
    """Captions met in the sources name their unit."""
    assert parse_money_unit(entry["text"]) is MoneyUnit(entry["expected"])


@pytest.mark.parametrize("caption", ["", "тис.", "грн грн", "тис. млн грн", "%", "x" * 61])
def test_bad_captions(caption: str) -> None:
    """Anything but a unit of money is refused with ParseError."""
    with pytest.raises(ParseError):
        parse_money_unit(caption)
    assert not P.is_money_unit(caption)


# -- periods --------------------------------------------------------------------------------------


def _span(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


@pytest.mark.parametrize("entry", _of("period"), ids=_ids(_of("period")))
def test_real_periods(entry: dict[str, Any]) -> None:
    """Every period met in the sources reads as its dates."""
    period = parse_period(entry["text"])
    assert (period.start.isoformat(), period.end.isoformat()) == (
        entry["expected"]["start"],
        entry["expected"]["end"],
    )


ROMAN = {
    1: ["I", "І", "1"],
    2: ["II", "ІІ", "IІ", "2"],
    3: ["III", "ІІІ", "ІII", "3"],
    4: ["IV", "ІV", "4"],
}


@pytest.mark.parametrize("quarter", [1, 2, 3, 4])
@pytest.mark.parametrize("word", ["квартал", "кварталу", "кв.", "кв", "КВАРТАЛ"])
def test_quarters_in_any_script(quarter: int, word: str) -> None:
    """«ІІІ квартал», «ІV кв.», Latin, Cyrillic or mixed numerals: the quarter's three months."""
    for numeral in ROMAN[quarter]:
        period = parse_period(f"за {numeral} {word} 2022 року")
        assert (period.start, period.end) == _span(2022, 3 * quarter - 2, 3 * quarter)


@pytest.mark.parametrize(
    ("half", "words"), [(1, ["перше", "І", "I", "1"]), (2, ["друге", "ІІ", "II", "2"])]
)
def test_halves_in_any_script(half: int, words: list[str]) -> None:
    """«І півріччя 2021 року», «друге півріччя», «ІІ півріччі»: the half-year's six months."""
    for word in words:
        for noun in ("півріччя", "півріччі", "ПІВРІЧЧЯ"):
            period = parse_period(f"{word} {noun} 2021 року")
            assert (period.start, period.end) == _span(2021, 6 * half - 5, 6 * half)


NOMINATIVE = [
    "січень", "лютий", "березень", "квітень", "травень", "червень",
    "липень", "серпень", "вересень", "жовтень", "листопад", "грудень",
]  # fmt: skip
GENITIVE = [
    "січня", "лютого", "березня", "квітня", "травня", "червня",
    "липня", "серпня", "вересня", "жовтня", "листопада", "грудня",
]  # fmt: skip


@pytest.mark.parametrize("first", range(1, 13))
def test_month_ranges(first: int) -> None:
    """«січень–серпень 2023 року» and «січня-червня»: the months from the first to the last."""
    for last in range(first, 13):
        for names, dash in ((NOMINATIVE, "–"), (GENITIVE, "-"), (NOMINATIVE, " — ")):
            text = f"{names[first - 1]}{dash}{names[last - 1]} 2023 року"
            period = parse_period(text)
            assert (period.start, period.end) == _span(2023, first, last), text


@pytest.mark.parametrize("n", range(1, 13))
def test_months_from_january(n: int) -> None:
    """«за 7 місяців 2023 року» is January to July; the year may come from context."""
    for word in ("місяців", "місяці", "месяцев"):
        assert (parse_period(f"за {n} {word} 2023 року").end) == _span(2023, 1, n)[1]
        assert (parse_period(f"за {n} {word}", year=2021).start) == dt.date(2021, 1, 1)
    with pytest.raises(ParseError):
        parse_period(f"за {n} місяців")


@pytest.mark.parametrize(("n", "bad"), [(0, "0"), (13, "13")])
def test_months_out_of_range(n: int, bad: str) -> None:
    """Zero months and thirteen months are refused with ParseError."""
    with pytest.raises(ParseError):
        parse_period(f"за {bad} місяців 2023 року")


def test_named_spans_are_the_named_periods() -> None:
    """Months that make a named period are that period, of that kind."""
    assert ReportingPeriod.months(2022, 1, 9) == ReportingPeriod.nine_months(2022)
    assert ReportingPeriod.months(2022, 7, 12) == ReportingPeriod.half_year(2022, 2)
    assert ReportingPeriod.months(2022, 10, 12) == ReportingPeriod.quarter(2022, 4)
    assert ReportingPeriod.months(2022, 1, 12) == ReportingPeriod.year(2022)
    assert ReportingPeriod.months(2022, 5, 5) == ReportingPeriod.month(2022, 5)
    # Just beside a quarter: a range, not a quarter.
    assert ReportingPeriod.months(2022, 2, 4).kind is PeriodKind.RANGE
    assert ReportingPeriod.months(2022, 1, 8).kind is PeriodKind.RANGE


@pytest.mark.parametrize(("first", "last"), [(0, 5), (1, 13), (6, 5)])
def test_months_refuses_impossible_spans(first: int, last: int) -> None:
    """Month 0, month 13 and a span ending before it starts are refused."""
    with pytest.raises(InvalidValueError):
        ReportingPeriod.months(2022, first, last)


@given(year=st.integers(1900, 2199), first=st.integers(1, 12), length=st.integers(0, 11))
def test_month_span_names_read_back(year: int, first: int, length: int) -> None:
    """A span of months, named in Ukrainian or English, reads back as itself."""
    last = min(12, first + length)
    period = ReportingPeriod.months(year, first, last)
    assert parse_period(period.name_uk) == period
    assert parse_period(period.name_en) == period


def test_spelled_range() -> None:
    """«за період з 27 квітня по 3 травня 2020 року»: a range of spelled dates."""
    period = parse_period("за період з 27 квітня по 3 травня 2020 року")
    assert (period.start, period.end) == (dt.date(2020, 4, 27), dt.date(2020, 5, 3))
    assert period.kind is PeriodKind.RANGE


def test_russian_period() -> None:
    """«за 9 месяцев 2022 года»: the Russian year word reads as the Ukrainian one."""
    assert parse_period("за 9 месяцев 2022 года") == ReportingPeriod.nine_months(2022)


# -- as of ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("entry", _of("as_of"), ids=_ids(_of("as_of")))
def test_real_as_of(entry: dict[str, Any]) -> None:
    """«Станом на 01 липня 2017 року» and the like read as their date."""
    assert parse_as_of(entry["text"]).isoformat() == entry["expected"]


@given(day=st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)))
def test_as_of_any_date(day: dt.date) -> None:
    """«станом на dd.mm.yyyy» is that date; without «станом на» it is refused."""
    assert parse_as_of(f"станом на {day:%d.%m.%Y}") == day
    assert parse_as_of(f"на {day.day} {GENITIVE[day.month - 1]}", year=day.year) == day
    with pytest.raises(ParseError):
        parse_as_of(f"{day:%d.%m.%Y}")


@pytest.mark.parametrize(
    "text", ["станом на 31.02.2022", "станом на", "станом на 1 січня", "станом 01.10.2022"]
)
def test_bad_as_of(text: str) -> None:
    """An impossible date, a missing date or year, a missing «на»: ParseError."""
    with pytest.raises(ParseError):
        parse_as_of(text)
    assert not P.is_as_of(text)


# -- counts and list items ------------------------------------------------------------------------


@pytest.mark.parametrize("entry", _of("quantity"), ids=_ids(_of("quantity")))
def test_real_counts(entry: dict[str, Any]) -> None:
    """Approximate counts met in the sources read with their qualifier."""
    q = parse_quantity(entry["text"])
    assert (q.value, q.qualifier) == (
        entry["expected"]["value"],
        Qualifier(entry["expected"]["qualifier"]),
    )


@pytest.mark.parametrize("entry", _of("list_item"), ids=_ids(_of("list_item")))
def test_real_list_items(entry: dict[str, Any]) -> None:
    """Items met in the sources split into their label and their figure, with no minus."""
    assert split_list_item(entry["text"]) == (
        entry["expected"]["label"],
        entry["expected"]["figure"],
    )


@pytest.mark.parametrize("marker", ["-", "–", "—", "•", "·", "=", "o", "а)", "1)", "- o"])
def test_markers_are_not_minus_signs(marker: str) -> None:
    """A marker that starts an item goes; a minus glued to a digit stays."""
    assert strip_list_marker(f"{marker} 917 198 тис. грн") == "917 198 тис. грн"
    assert strip_list_marker(f"{marker} вирішено позитивно") == "вирішено позитивно"
    assert strip_list_marker("-5") == "-5"
    assert strip_list_marker("–5,2 %") == "–5,2 %"


LABEL = (
    st.text(st.sampled_from("абвгдеєжзиіїйклмнопрстуфхцчшщьюя ,'"), min_size=1, max_size=30)
    .map(str.strip)
    .filter(lambda s: s and s[-1] not in ",'")
)


@given(
    marker=st.sampled_from(["-", "–", "—", "•", "·"]),
    label=LABEL,
    separator=st.sampled_from([" -", " –", " – ", " - ", " —", ":", ": "]),
    figure=st.integers(0, 10**6),
    end=st.sampled_from(["", ";", "."]),
)
def test_items_split_back(marker: str, label: str, separator: str, figure: int, end: str) -> None:
    """«<marker> <label> <dash> <figure>;» splits into the label and the figure."""
    text = f"{marker} {label}{separator}{figure}{end}"
    assert split_list_item(text) == (label, str(figure))


def test_item_without_figure() -> None:
    """An item with no figure after a dash keeps its whole label and an empty figure."""
    assert split_list_item("- Житлово-комунальне господарство;") == (
        "Житлово-комунальне господарство",
        "",
    )


# -- the reader discipline ---------------------------------------------------------------------------

READERS_UNDER_TEST: list[Callable[[str], object]] = [
    P.parse_written_money,
    lambda t: P.parse_written_money(t, locale="en"),
    lambda t: P.parse_written_money(t, unit=MoneyUnit.MILLION),
    P.parse_money_unit,
    P.parse_as_of,
    lambda t: P.parse_as_of(t, year=2022),
    P.parse_period,
    lambda t: P.parse_period(t, year=2022),
    P.split_list_item,
    P.strip_list_marker,
]
NAMES = [
    "written_money",
    "written_money_en",
    "written_money_mln",
    "money_unit",
    "as_of",
    "as_of_year",
    "period",
    "period_year",
    "split_item",
    "strip_marker",
]
PIECES = st.sampled_from(
    [
        "0", "1", "9", "12", "2022", " ", "\u00a0", ",", ".", "-", "–", "—", "%", "тис.", "тыс.",
        "тис", "млн", "млрд", "грн", "гривень", "коп.", "₴", "станом", "на", "І", "ІІ", "IV",
        "ІV", "кв.", "квартал", "кварталу", "півріччя", "друге", "січень", "серпня", "місяців",
        "року", "за", "з", "по", "період", ":", ";", "•", "·", "а)", "(", ")",
    ]
)  # fmt: skip
TEXT = st.one_of(st.text(max_size=120), st.lists(PIECES, max_size=30).map("".join))


@pytest.mark.parametrize("read", READERS_UNDER_TEST, ids=NAMES)
@given(text=TEXT)
def test_readers_raise_only_parse_errors(read: Callable[[str], object], text: str) -> None:
    """Whatever the text, a reader returns or raises ParseError, nothing else."""
    with contextlib.suppress(ParseError):
        read(text)


@pytest.mark.parametrize("read", READERS_UNDER_TEST, ids=NAMES)
def test_readers_refuse_non_text(read: Callable[[Any], object]) -> None:
    """A value that is not text is a ParseError, not a TypeError."""
    for value in (None, 5, b"5"):
        with pytest.raises(ParseError):
            read(value)


def test_is_readers_never_raise() -> None:
    """The is_* companions answer False for junk and for non-text, never raising."""
    for is_ in (P.is_written_money, P.is_money_unit, P.is_as_of):
        for value in (None, 5, "", "x" * 10_000, "станом на 99.99.9999", "1 млн 2 млн"):
            assert is_(value) is False


def _seconds(read: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        with contextlib.suppress(ParseError):
            read(text)
        best = min(best, time.perf_counter() - start)
    return best


SHAPES: dict[str, Callable[[int], str]] = {
    "digits": lambda n: "1" * n + "x",
    "spaces": lambda n: "1" + " " * n + "x",
    "units": lambda n: "1 тис " * (n // 6) + "x",
    "dot-groups": lambda n: "1" + ".000" * (n // 4) + ",x",
    "glued": lambda n: "тис." * (n // 4) + "грн",
    "dashes": lambda n: "- " * (n // 2) + "1",
    "bare-tail": lambda n: "тис 1 " * (n // 6) + "x",
}


@pytest.mark.parametrize(
    "read",
    [P.parse_written_money, P.split_list_item, P.parse_as_of, P.parse_money_unit],
    ids=["written_money", "split_item", "as_of", "money_unit"],
)
@pytest.mark.parametrize("shape", list(SHAPES))
def test_time_grows_linearly(read: Callable[[str], object], shape: str) -> None:
    """Ten times the input costs at most about ten times the time (generous: 40×)."""
    make = SHAPES[shape]
    small, large = make(10_000), make(100_000)
    ratios = []
    for _ in range(3):
        t_small = max(_seconds(read, small), 1e-4)
        ratios.append(_seconds(read, large) / t_small)
        if ratios[-1] <= 40:
            break
    assert min(ratios) <= 40, (shape, ratios)


def test_russian_month_names() -> None:
    """«30 августа 2017» and «1 января» (with the year from context) are dates."""
    assert P.parse_date("30 августа 2017") == dt.date(2017, 8, 30)
    assert P.parse_date("1 января", year=2022) == dt.date(2022, 1, 1)
    assert parse_as_of("по состоянию на 1 мая 2020 года") == dt.date(2020, 5, 1)


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("около 35 тысяч", 35 * 1000, Qualifier.ABOUT),
        ("более 21 тысячи", 21 * 1000, Qualifier.MORE_THAN),
        ("свыше 2 тыс.", 2 * 1000, Qualifier.MORE_THAN),
        ("понад 21 тисяча", 21 * 1000, Qualifier.MORE_THAN),
    ],
)
def test_russian_thousands_in_counts(text: str, value: int, qualifier: Qualifier) -> None:
    """Counts in thousands read the Russian «тысяч», «тысячи» as they read «тисяч»."""
    q = parse_quantity(text)
    assert (q.value, q.qualifier) == (value, qualifier)


# -- tables in millions ------------------------------------------------------------------------------

MILLION_TABLE = (
    "Звіт «Програма» за 2022 рік\n"
    "№ з/п\tПріоритетні завдання\tЗміст заходів\tТермін виконання\tВиконавці\t"
    "Орієнтовний обсяг, млн грн\tРічний обсяг, млн грн\tФактично профінансовано, млн грн\t"
    "Відсоток виконання заходу, %\tІнформація про виконання\n"
    "1\tЗавдання\tЗахід А\t2021-2025\tВідділ\t12,405\t2,5\t1,2\t48%\t\n"
    "2\tЗавдання Б\tЗахід Б\t2021-2025\tВідділ\t0,1\t0,1\t0,1\t100%\t\n"
    "\t\t\t\tВсього:\t12,505\t2,6\t1,3\t\t\n"
)


def test_a_table_in_millions() -> None:
    """A header in «млн грн» reads its figures as millions, kept with their decimals."""
    result = P.import_table(MILLION_TABLE)
    first = result.report.tasks[0].measures[0].financing
    assert first.indicative == Money(Decimal("12.405") * 10**6)
    assert first.annual == Money(Decimal("2.5") * 10**6)
    assert result.report.tasks[1].measures[0].financing.actual == Money(100_000)
    columns = result.report.columns
    assert columns.annual == MoneyFormat(MoneyUnit.MILLION, 1)
    assert columns.indicative == MoneyFormat(MoneyUnit.MILLION, 3)
    assert not [f for f in result.findings if f.code.startswith("IMP1")]


@pytest.mark.parametrize(
    ("read", "text"),
    [
        (P.parse_written_money, "1О0 тис. грн"),
        (P.parse_written_money, "４,7 млн"),
        (P.parse_money_unit, "тис. грн ３"),
        (P.parse_as_of, "станом на ０1.10.2022"),
        (P.parse_period, "січень–серпень ２０２３ року"),
        (P.split_list_item, "- вирішено позитивно – З1"),
        (P.strip_list_marker, "– ٣ тис. грн"),
    ],
)
def test_new_readers_refuse_digits_that_are_not_ascii(
    read: Callable[[str], object], text: str
) -> None:
    """The one rule for digits holds in the new readers: other scripts and look-alikes are refused."""
    with pytest.raises(ParseError):
        read(text)
