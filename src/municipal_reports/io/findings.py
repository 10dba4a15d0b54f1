"""Audit findings as JSON data: the one mapping the CLI and the json renderer share.

The JSON format does not depend on the audit (``io`` is a floor below it): it maps anything
shaped like a finding (:class:`FindingLike`, which :class:`~municipal_reports.Finding` is).
"""

from __future__ import annotations

from typing import Any, Protocol

from municipal_reports.io.json import unstructure

__all__ = ["FindingLike", "finding_data"]


class _SeverityLike(Protocol):
    @property
    def value(self) -> str: ...


class FindingLike(Protocol):
    """What the JSON of a finding reads: its code, name, severity, path, the expected and
    found values, and its message in a locale."""

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def severity(self) -> _SeverityLike: ...

    @property
    def path(self) -> str: ...

    @property
    def expected(self) -> object: ...

    @property
    def found(self) -> object: ...

    def message(self, locale: str = "en") -> str:
        """The message in ``locale``."""
        ...


def _value(value: object) -> Any:
    """An expected or found value as JSON: money and percentages as strings, never floats."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    data = unstructure(value)
    return data if isinstance(data, (dict, list, int, str)) else str(value)


def finding_data(finding: FindingLike, locale: str) -> dict[str, Any]:
    """A finding as JSON data, its message in ``locale``.

    >>> from municipal_reports import ListedItems, audit
    >>> finding_data(audit(ListedItems("навчання", ("a",), declared_count=3))[0], "uk")["message"]
    'у тексті заявлено 3, а перелічено 1'
    """
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "path": finding.path,
        "expected": _value(finding.expected),
        "found": _value(finding.found),
        "message": finding.message(locale),
    }
