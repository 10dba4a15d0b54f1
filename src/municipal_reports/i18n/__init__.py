"""Every word and number a person reads, in Ukrainian and in English.

One package beneath ``parse``, ``audit`` and ``render``: babel formatting of numbers, money,
percentages, dates and counts (:mod:`~municipal_reports.i18n.formatting`, the only module
of the library that calls babel's formatting), the labels the renderers print
(:mod:`~municipal_reports.i18n.labels`), and the gettext catalogue of finding messages
(:mod:`~municipal_reports.i18n.messages`).

>>> from municipal_reports import Money
>>> from municipal_reports.i18n import format_money, label
>>> format_money(Money("2080000"), "uk"), label("total", "uk")
('2\\xa0080\\xa0000,00\\xa0грн', 'Всього')

Names are loaded on first use: importing the package costs nothing, babel included.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from municipal_reports.i18n.formatting import (
        LOCALES,
        NBSP,
        WORDS,
        amount_in_words,
        check_locale,
        format_count,
        format_date,
        format_money,
        format_number,
        format_percent,
        format_period,
        format_quantity,
        plural,
        unit_label,
    )
    from municipal_reports.i18n.labels import has_label, label
    from municipal_reports.i18n.messages import N_, available_locales, translate

__all__ = [
    "LOCALES",
    "NBSP",
    "N_",
    "WORDS",
    "amount_in_words",
    "available_locales",
    "check_locale",
    "format_count",
    "format_date",
    "format_money",
    "format_number",
    "format_percent",
    "format_period",
    "format_quantity",
    "has_label",
    "label",
    "plural",
    "translate",
    "unit_label",
]

# Which module holds each name: babel is imported only when a formatting name is used.
_HOME = {
    **dict.fromkeys(
        (
            "LOCALES",
            "NBSP",
            "WORDS",
            "amount_in_words",
            "check_locale",
            "format_count",
            "format_date",
            "format_money",
            "format_number",
            "format_percent",
            "format_period",
            "format_quantity",
            "plural",
            "unit_label",
        ),
        "formatting",
    ),
    **dict.fromkeys(("has_label", "label"), "labels"),
    **dict.fromkeys(("N_", "available_locales", "translate"), "messages"),
}


def __getattr__(name: str) -> object:
    try:
        module = _HOME[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def __dir__() -> list[str]:
    return sorted(__all__)
