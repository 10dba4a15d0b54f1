"""Time the i18n formatting functions against babel's own: ``python tests/bench_i18n.py``.

Not a test (pytest does not collect it); the figures go in reports, not assertions, since
they depend on the machine.
"""

from __future__ import annotations

import datetime
import timeit
from collections.abc import Callable
from decimal import Decimal

from babel import Locale
from babel.numbers import format_decimal, parse_pattern

from municipal_reports import Money, MoneyUnit, Percent, Qualifier, Quantity
from municipal_reports.i18n import formatting as i18n


def micros(call: Callable[[], object], number: int = 20_000) -> float:
    """The best of three runs, in microseconds a call."""
    return min(timeit.repeat(call, number=number, repeat=3)) / number * 1e6


def main() -> None:
    """Print one line per function: its name and its cost a call."""
    money, pct = Money("2080000.00"), Percent("24.69")
    day = datetime.date(2020, 12, 24)
    uk, pattern = Locale.parse("uk"), parse_pattern("#,##0.00")
    cases: dict[str, Callable[[], object]] = {
        "format_number(Decimal, uk)": lambda: i18n.format_number(Decimal("2080000.00"), "uk"),
        "format_money(uk)": lambda: i18n.format_money(money, "uk"),
        "format_money(thousand, uk)": lambda: i18n.format_money(
            money, "uk", unit=MoneyUnit.THOUSAND, decimals=1
        ),
        "format_percent(uk)": lambda: i18n.format_percent(pct, "uk"),
        "format_date(table)": lambda: i18n.format_date(day, "uk"),
        "format_date(prose)": lambda: i18n.format_date(day, "uk", style="prose"),
        "format_quantity": lambda: i18n.format_quantity(Quantity(3000, Qualifier.ABOUT), "uk"),
        "plural": lambda: i18n.plural(21, "meeting", "uk"),
        "amount_in_words": lambda: i18n.amount_in_words(money, "uk"),
        "babel format_decimal(locale='uk_UA')": lambda: format_decimal(
            Decimal("2080000.00"), locale="uk_UA"
        ),
        "babel pattern.apply(cached Locale)": lambda: pattern.apply(Decimal("2080000.00"), uk),
    }
    for name, call in cases.items():
        print(f"{name:40s} {micros(call):7.2f} µs")


if __name__ == "__main__":
    main()
