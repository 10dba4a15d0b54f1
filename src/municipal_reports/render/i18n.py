"""Moved to :mod:`municipal_reports.i18n`; this name is kept for code written against it."""

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
    format_quantity,
    plural,
    unit_label,
)

__all__ = [
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
    "format_quantity",
    "plural",
    "unit_label",
]
