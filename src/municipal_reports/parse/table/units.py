"""Numbers in cells and the unit of each money column, decided openly.

A column's header names its unit («тис. грн», «грн»), or a caption above the table does,
or a cell writes its own («64 210 тис.»). Where the header is contradicted by the «Всього»
row (a «тис. грн» column whose figures sum to the total only in hryvnias, or a column
mixing both), the reading under which the figures sum to the total wins, and a finding
says so.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Final

from municipal_reports.domain import Band, Money, MoneyFormat, MoneyUnit
from municipal_reports.errors import MunicipalReportsError, ParseError
from municipal_reports.parse.table.model import Cell

__all__ = [
    "LEADING_NUMBER",
    "LEADING_PERCENT",
    "OTHER",
    "UNIT_UK",
    "Figure",
    "Note",
    "band",
    "cell_unit",
    "column_format",
    "decide_units",
    "decimals",
    "fmt_money",
    "leading",
    "to_money",
]

_SPACES: Final = " \u00a0\u202f\u2009"
LEADING_NUMBER: Final = re.compile(rf"\d[\d{_SPACES}]*(?:[,.][{_SPACES}]?\d+)?")
LEADING_PERCENT: Final = re.compile(rf"\d[\d{_SPACES}]*(?:[,.]\d+)?[{_SPACES}]?%?")
_CELL_UNIT: Final = re.compile(r"^(тис\.?|тисяч)\s*(грн\.?|гривень)?$|^(грн\.?|гривень)$", re.I)
# The reading a header's unit is checked against: the unit a thousand times smaller (грн for
# тис. грн), or for грн the thousands a header may have forgotten to name.
OTHER: Final = {
    MoneyUnit.HRYVNIA: MoneyUnit.THOUSAND,
    MoneyUnit.THOUSAND: MoneyUnit.HRYVNIA,
    MoneyUnit.MILLION: MoneyUnit.THOUSAND,
    MoneyUnit.BILLION: MoneyUnit.MILLION,
}
UNIT_UK: Final = {
    MoneyUnit.HRYVNIA: "грн",
    MoneyUnit.THOUSAND: "тис. грн",
    MoneyUnit.MILLION: "млн грн",
    MoneyUnit.BILLION: "млрд грн",
}
# A figure of a thousand or more written to the kopeck, beside figures under a thousand,
# is the tell-tale of hryvnias in a column of thousands (DOMAIN.md, seed 2, column 8).
_LARGE: Final = Decimal(1000)


@dataclasses.dataclass
class Figure:
    """A number read from a cell: the cell, its value as written, its decimals, the unit
    the cell itself writes (``None``: the column's), and the row it belongs to."""

    cell: Cell
    value: Decimal
    decimals: int
    row: object | None
    unit: MoneyUnit | None = None


def leading(cell: Cell, pattern: re.Pattern[str]) -> tuple[str, str]:
    """The figure a cell starts with, and the words after it."""
    text = cell.text.strip()
    m = pattern.match(text)
    if m is None:
        return "", text
    return m.group().strip(), text[m.end() :].strip(" .;,")


def cell_unit(rest: str) -> MoneyUnit | None:
    """The unit the words after a cell's figure name («тис.», «тис. грн», «грн»), if
    they name only a unit."""
    m = _CELL_UNIT.match(rest.strip())
    if m is None:
        return None
    return MoneyUnit.THOUSAND if m.group(1) else MoneyUnit.HRYVNIA


def decimals(value: Decimal) -> int:
    """How many decimals a figure was written with."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


def to_money(figure: Figure, unit: MoneyUnit, line_text: str) -> Money:
    """The amount a figure stands for in ``unit``; a fraction of a kopeck is refused."""
    try:
        return Money.from_decimal(figure.value, unit.kopecks)  # exact, whatever the digits
    except MunicipalReportsError as exc:
        raise ParseError(
            line_text,
            max(0, line_text.find(figure.cell.text)),
            f"{figure.cell.text!r} in {unit.value}: {str(exc).splitlines()[-1].strip()}",
            expected="an amount",
        ) from None


def fmt_money(kopecks: int) -> str:
    """An amount for a finding's message, written as the documents write it."""
    from municipal_reports.i18n.formatting import format_money  # babel only when a finding is made

    return format_money(Money.from_kopecks(kopecks), "uk")


_POW10: Final = (1, 10, 100, 1000, 10_000, 100_000)


def _step(figure: Figure, unit: MoneyUnit) -> int:
    """The kopecks a figure was rounded to, as written in ``unit``."""
    return unit.kopecks // _POW10[min(figure.decimals, 5)]


def band(
    figures: Sequence[Figure], units: Sequence[MoneyUnit], total: Figure, declared: MoneyUnit
) -> Band:
    """The domain's rounding band of the figures against their «Всього»: each figure's
    half-step as it was written, the total's included."""
    steps = [_step(f, u) for f, u in zip(figures, units, strict=True)]
    return Band.of_total(steps, _step(total, total.unit or declared))


def column_format(figures: Sequence[Figure], units: Sequence[MoneyUnit]) -> MoneyFormat:
    """The format most of a column's figures are written in."""
    nonzero = [(f, u) for f, u in zip(figures, units, strict=True) if f.value != 0]
    pool = nonzero or list(zip(figures, units, strict=True))
    if not pool:
        return MoneyFormat()
    unit = Counter(u for _, u in pool).most_common(1)[0][0]
    counts = Counter(f.decimals for f, u in pool if u is unit)
    best = max(counts.values())
    most = max(d for d, c in counts.items() if c == best)
    return MoneyFormat(unit, min(most, unit.max_decimals))


Note = Callable[[str, str, list[Cell], str, str], None]


def decide_units(
    header: MoneyUnit | None,
    column: int,
    figures: list[Figure],
    total: Figure | None,
    note: Note,
) -> tuple[list[MoneyUnit], MoneyFormat]:
    """The unit of each figure of a money column, and the column's format.

    ``note(code, name, cells, reading, reason)`` records each decision. A figure that
    writes its own unit keeps it under every reading.
    """
    declared = header or MoneyUnit.HRYVNIA
    nonzero = [f for f in figures if f.value != 0 and f.unit is None]
    small = [f for f in nonzero if f.value < _LARGE]
    large = [f for f in nonzero if f.value >= _LARGE]

    def own(units: list[MoneyUnit]) -> list[MoneyUnit]:
        return [f.unit or u for f, u in zip(figures, units, strict=True)]

    readings: list[tuple[str, list[MoneyUnit]]] = [
        ("header", own([declared] * len(figures))),
        ("other", own([OTHER[declared]] * len(figures))),
    ]
    if small and large:
        mixed = [MoneyUnit.HRYVNIA if f.value >= _LARGE else MoneyUnit.THOUSAND for f in figures]
        readings.append(("mixed", own(mixed)))
    if header is None and any(f.unit is None for f in figures):
        note(
            "IMP104",
            "unit-undecided",
            [],
            f"column {column} in грн",
            f"the header of column {column} names no unit",
        )
    if total is None:
        # Figures of a thousand and more written to the kopeck, in a column that mostly
        # writes other decimals, look like hryvnias among thousands.
        usual = Counter(f.decimals for f in nonzero).most_common(1)[0][0] if nonzero else 2
        if small and usual != 2 and any(f.decimals == 2 for f in large):
            note(
                "IMP105",
                "unit-implausible",
                [f.cell for f in large] + [f.cell for f in small],
                f"every figure in {UNIT_UK[declared]}, as the header says",
                f"column {column} holds figures under a thousand beside figures of a "
                "thousand and more, and no «Всього» row decides between the units",
            )
        return readings[0][1], column_format(figures, readings[0][1])
    target = total.value * (total.unit or declared).kopecks
    for name, units in readings:
        kop = sum((f.value * u.kopecks for f, u in zip(figures, units, strict=True)), Decimal(0))
        if not band(figures, units, total, declared).allows(kop - target):
            continue
        _explain(name, column, figures, units, total, kop, declared, note)
        return units, column_format(figures, units)
    note(
        "IMP104",
        "unit-undecided",
        [f.cell for f in nonzero] + [total.cell],
        f"every figure in {UNIT_UK[declared]}, as the header says",
        f"no reading of column {column} sums to its «Всього» {total.cell.text}; "
        "the audit reports the difference",
    )
    return readings[0][1], column_format(figures, readings[0][1])


def _explain(
    name: str,
    column: int,
    figures: list[Figure],
    units: list[MoneyUnit],
    total: Figure,
    kop: Decimal,
    declared: MoneyUnit,
    note: Note,
) -> None:
    total_text = fmt_money(int(total.value * (total.unit or declared).kopecks))
    if name == "other":
        other = OTHER[declared]
        as_header = sum(f.value * declared.kopecks for f in figures)
        note(
            "IMP101",
            "unit-from-total",
            [f.cell for f in figures] + [total.cell],
            f"every figure of column {column} in {UNIT_UK[other]}",
            f"the header says {UNIT_UK[declared]}, but the «Всього» {total_text} equals "
            f"the sum of the figures read in {UNIT_UK[other]} ({fmt_money(int(kop))}); "
            f"read in {UNIT_UK[declared]} they sum to {fmt_money(int(as_header))}",
        )
        return
    if name == "mixed":
        large = [f for f, u in zip(figures, units, strict=True) if u is MoneyUnit.HRYVNIA]
        small = [f for f, u in zip(figures, units, strict=True) if u is MoneyUnit.THOUSAND]
        note(
            "IMP102",
            "mixed-units",
            [f.cell for f in large + small] + [total.cell],
            f"figures of a thousand and more in грн, the others in тис. грн (column {column})",
            f"only this reading sums to the «Всього» {total_text}",
        )
        return
    # The header's unit holds; say so where the column looks mixed all the same.
    main = column_format(figures, units)
    odd = [f for f in figures if f.value == 0 and f.decimals != main.decimals]
    if odd and any(f.value != 0 for f in figures):
        note(
            "IMP103",
            "zeros-in-other-format",
            [f.cell for f in odd] + [total.cell],
            f"the zeros as 0,00 грн and the other figures in {UNIT_UK[declared]}",
            f"column {column} writes some zeros with {odd[0].decimals} decimal(s) like "
            f"a column of {UNIT_UK[OTHER[declared]]}; a zero is zero in any unit, and "
            f"the «Всього» {total_text} confirms {UNIT_UK[declared]} for the others",
        )
