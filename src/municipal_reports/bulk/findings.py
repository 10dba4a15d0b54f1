"""Audit findings as rows of a table: plain dicts, or a pyarrow Table for a DataFrame.

Like the execution table (:mod:`municipal_reports.bulk.table`) and the reports of data
validators such as frictionless and pandera: one row a finding, so that a script filters,
groups and counts findings with pandas, polars or DuckDB.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from municipal_reports.audit import Finding, in_document_order, locate

__all__ = ["FINDING_COLUMNS", "finding_rows", "findings_table"]

#: The columns of a findings table, in order.
FINDING_COLUMNS: Final = (
    "code",
    "name",
    "title",
    "severity",
    "path",
    "place",
    "expected",
    "found",
    "message",
)


def _canonical(value: object) -> str | None:
    return None if value is None else str(value)


def finding_rows(
    findings: Iterable[Finding], document: object = None, *, locale: str = "en"
) -> list[dict[str, str | None]]:
    """One dict a finding, with the keys of :data:`FINDING_COLUMNS`.

    With the ``document`` the findings came from, the rows come in document order, the
    ``place`` reads «таблиця 1, завдання 3, захід 1, графа 9» and the message writes money
    as the document's column does; without it, ``place`` is the path. ``expected`` and
    ``found`` are canonical text («2080000.00»), for machines; the message is for people.

    >>> from municipal_reports import ListedItems, audit
    >>> doc = ListedItems("навчання", ("a",), declared_count=3)
    >>> finding_rows(audit(doc), doc, locale="uk")[0]["title"]
    'заявлена кількість не збігається з переліком'
    """
    listed = list(findings)
    if document is not None:
        listed = in_document_order(listed, document)
    rows = []
    for f in listed:
        place = locate(document, f.path) if document is not None else None
        rows.append(
            {
                "code": f.code,
                "name": f.name,
                "title": f.title(locale),
                "severity": f.severity.value,
                "path": f.path,
                "place": place.describe(locale) if place is not None else f.path,
                "expected": _canonical(f.expected),
                "found": _canonical(f.found),
                "message": f.message(locale, written=place.written if place else None),
            }
        )
    return rows


def findings_table(
    findings: Iterable[Finding], document: object = None, *, locale: str = "en"
) -> Any:
    """:func:`finding_rows` as a ``pyarrow.Table`` of string columns (``expected`` and
    ``found`` null where the finding has none); ``table.to_pandas()`` gives a DataFrame.

    Raises ``ImportError`` with the install command when pyarrow is missing.
    """
    try:
        import pyarrow as pa
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "findings_table needs pyarrow: pip install 'municipal-reports[arrow]'"
        ) from exc
    rows = finding_rows(findings, document, locale=locale)
    return pa.table(
        {name: pa.array([r[name] for r in rows], type=pa.string()) for name in FINDING_COLUMNS}
    )
