"""Audit findings as JSON data: the one mapping the CLI and the json renderer share."""

from __future__ import annotations

from typing import Any

from municipal_reports.audit import Finding
from municipal_reports.io.json import unstructure

__all__ = ["finding_data"]


def _value(value: object) -> Any:
    """An expected or found value as JSON: money and percentages as strings, never floats."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    data = unstructure(value)
    return data if isinstance(data, (dict, list, int, str)) else str(value)


def finding_data(finding: Finding, locale: str) -> dict[str, Any]:
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
