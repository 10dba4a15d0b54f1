"""Findings: immutable records of what the audit found, and where."""

from __future__ import annotations

import datetime
import enum
from decimal import Decimal

import attrs

from municipal_reports.domain.money import Money
from municipal_reports.domain.percent import Percent
from municipal_reports.domain.period import ReportingPeriod
from municipal_reports.domain.program import MoneyFormat
from municipal_reports.domain.quantity import Interval, Quantity
from municipal_reports.i18n.messages import translate

__all__ = ["Finding", "Severity"]


class Severity(enum.Enum):
    """How bad a finding is."""

    #: Arithmetic that cannot hold.
    ERROR = "error"
    #: Suspicious, worth a look.
    WARNING = "warning"
    #: Worth knowing, not a fault (a rounding difference inside its band).
    NOTE = "note"

    @property
    def rank(self) -> int:
        """2 for errors, 1 for warnings, 0 for notes."""
        return {"error": 2, "warning": 1, "note": 0}[self.value]


@attrs.frozen
class Finding:
    """One contradiction or oddity: which rule, how bad, where, and what against what.

    ``found`` is the value at ``path`` as the document gives it; ``expected`` is what the
    rule computed it should be. The message exists in every language that has a catalogue:

    >>> f = Finding("MR308", "listed-count-mismatch", Severity.ERROR, "$.declared_count",
    ...             7, 5, "the text announces {found} items but lists {expected}")
    >>> f.message("en")
    'the text announces 5 items but lists 7'
    """

    code: str
    name: str
    severity: Severity
    path: str
    expected: object
    found: object
    template: str = attrs.field(repr=False)
    params: tuple[tuple[str, object], ...] = attrs.field(default=(), repr=False)

    def message(self, locale: str = "en", *, written: MoneyFormat | None = None) -> str:
        """The message in ``locale`` ("en" or "uk"; others fall back to English), its
        numbers written as the document writes them in that language: «2 080 000,00 грн»,
        «24,69%», «близько 9 000»; "2,080,000.00 UAH".

        ``written`` is how the document wrote money at the finding's place (a «тис. грн»
        column with one decimal: «2 080,0 тис. грн»); :func:`~municipal_reports.audit.locate`
        reads it from the document. Without it, amounts are written to the kopeck.
        """
        values = {
            "expected": _text(self.expected, locale, written),
            "found": _text(self.found, locale, written),
        }
        values.update((key, _text(value, locale, written)) for key, value in self.params)
        return translate(self.template, locale).format(**values)

    def shown(self, locale: str = "en", *, written: MoneyFormat | None = None) -> tuple[str, str]:
        """``expected`` and ``found`` as the message writes them (see :meth:`message`).

        >>> from municipal_reports import Money
        >>> f = Finding("MR101", "total-mismatch", Severity.ERROR, "$.total",
        ...             Money("385000"), Money("400000"), "{expected} {found}")
        >>> f.shown("en")
        ('385,000.00\xa0UAH', '400,000.00\xa0UAH')
        """
        return _text(self.expected, locale, written), _text(self.found, locale, written)

    def title(self, locale: str = "en") -> str:
        """The rule's name in ``locale``: "total-mismatch", «сума складових не дорівнює підсумку»."""
        return translate(self.name, locale)

    def __str__(self) -> str:
        return f"{self.path}: {self.code} {self.name} [{self.severity.value}] {self.message()}"


def _text(value: object, locale: str, written: MoneyFormat | None) -> str:
    """A value as a message shows it, in the message's language."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    # babel only when a message is shown: importing the audit stays cheap.
    from municipal_reports.i18n import formatting

    lang = "uk" if _is_uk(locale) else "en"
    if isinstance(value, Money):
        fmt = written or MoneyFormat()
        return formatting.format_money(value, lang, unit=fmt.unit, decimals=fmt.decimals)
    if isinstance(value, Percent):
        return formatting.format_percent(value, lang)
    if isinstance(value, Quantity):
        return formatting.format_quantity(value, lang)
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return formatting.format_number(value, lang)
    if isinstance(value, datetime.date):
        return formatting.format_date(value, lang)
    if isinstance(value, ReportingPeriod):
        return formatting.format_period(value, lang)
    if isinstance(value, Interval):
        low = formatting.format_number(value.low, lang)
        high = "…" if value.high is None else formatting.format_number(value.high, lang)
        return f"{low}–{high}"
    return str(value)


def _is_uk(locale: str) -> bool:
    return locale.replace("-", "_").split("_")[0].lower() == "uk"
