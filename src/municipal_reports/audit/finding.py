"""Findings: immutable records of what the audit found, and where."""

from __future__ import annotations

import datetime
import enum

import attrs

from municipal_reports.domain.quantity import Qualifier, Quantity
from municipal_reports.i18n.messages import N_, translate

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
    params: tuple[tuple[str, str], ...] = attrs.field(default=(), repr=False)

    def message(self, locale: str = "en") -> str:
        """The message in ``locale`` ("en" or "uk"; others fall back to English)."""
        values = {"expected": _text(self.expected, locale), "found": _text(self.found, locale)}
        values.update(self.params)
        return translate(self.template, locale).format(**values)

    def __str__(self) -> str:
        return f"{self.path}: {self.code} {self.name} [{self.severity.value}] {self.message()}"


# How a qualified count reads in a message; translated like the messages themselves.
_QUALIFIED = {
    Qualifier.ABOUT: N_("about {value}"),
    Qualifier.MORE_THAN: N_("more than {value}"),
    Qualifier.AT_LEAST: N_("at least {value}"),
    Qualifier.UP_TO: N_("up to {value}"),
    Qualifier.ALMOST: N_("almost {value}"),
}


#: A date in a message: ISO in English; a translation may choose its own order.
_DATE = N_("{date:%Y-%m-%d}")


def _text(value: object, locale: str) -> str:
    """A value as a message shows it: canonical numbers, words in the message's language."""
    if value is None:
        return "—"
    if isinstance(value, Quantity) and value.qualifier in _QUALIFIED:
        return translate(_QUALIFIED[value.qualifier], locale).format(value=value.value)
    if isinstance(value, datetime.date):
        return translate(_DATE, locale).format(date=value)
    return str(value)
