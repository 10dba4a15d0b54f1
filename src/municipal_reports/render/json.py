"""JSON, the interchange format: a document renders exactly as ``municipal_reports.dumps``
writes it (indented), so the output loads back with ``municipal_reports.load``.

Any other entity renders as its JSON data; an audit result as a list of findings. With
``findings``, the output is ``{"document": …, "findings": […]}``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from municipal_reports.audit import Finding, in_document_order, locate
from municipal_reports.domain import ProgramReport, Report
from municipal_reports.i18n import formatting as i18n
from municipal_reports.io import dumps, finding_data, unstructure

__all__ = ["JsonRenderer"]


def _is_findings(obj: object) -> bool:
    return isinstance(obj, (list, tuple)) and all(isinstance(f, Finding) for f in obj)


class JsonRenderer:
    """JSON text (UTF-8, indented by two spaces, ending with a newline)."""

    name = "json"
    media_type = "application/json"

    def __call__(
        self, obj: object, *, locale: str, findings: Iterable[Finding] | None = None
    ) -> str:
        """Render ``obj`` as JSON."""
        i18n.check_locale(locale)
        if _is_findings(obj):
            assert isinstance(obj, (list, tuple))
            return _text([finding_data(f, locale) for f in obj])
        if isinstance(obj, (Report, ProgramReport)):
            document = json.loads(dumps(obj))
        else:
            document = unstructure(obj)
        if findings is None:
            return _text(document)
        return _text({"document": document, "findings": _findings(obj, findings, locale)})


def _findings(obj: object, findings: Iterable[Finding], locale: str) -> list[dict[str, Any]]:
    """The findings in the document's order, each with its place in the document's terms,
    the rule's name and a message that writes money as the place's column does."""
    listed = []
    for f in in_document_order(findings, obj):
        place = locate(obj, f.path)
        data = finding_data(f, locale)
        data["message"] = f.message(locale, written=place.written)
        data["title"] = f.title(locale)
        data["place"] = place.describe(locale)
        listed.append(data)
    return listed


def _text(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
