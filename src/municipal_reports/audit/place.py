"""Where a finding points, in the document's own terms, and the document's order of findings.

A path (``$.sections[0].facts[1].tasks[2].measures[0].declared_percent``) is exact but
written for programmers; a council official looks for «таблиця 2, завдання 3, захід 1,
графа 9». :func:`locate` reads the path against the document it came from and returns a
:class:`Place`: the steps a reader follows, and how the document wrote money there (a
«тис. грн» column with one decimal), so that a message can write its amounts the same way.

>>> from municipal_reports import Financing, Measure, Money, Program, ProgramReport
>>> from municipal_reports import ReportingPeriod, Task
>>> report = ProgramReport(
...     Program("Програма"), ReportingPeriod.year(2022),
...     (Task("Завдання", (Measure("Захід", Financing(annual=Money("10"))),)),))
>>> place = locate(report, "$.tasks[0].measures[0].financing.annual")
>>> place.describe("uk"), place.describe("en")
('таблиця 1, завдання 1, захід 1, графа 7', 'table 1, task 1, measure 1, column 7')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from municipal_reports.audit.finding import Finding
from municipal_reports.domain.council import Session
from municipal_reports.domain.document import Report, ReportMeta, Section, program_reports
from municipal_reports.domain.facts import MoneyBreakdown
from municipal_reports.domain.program import (
    ColumnFormats,
    Financing,
    Measure,
    MoneyFormat,
    Program,
    ProgramReport,
    Task,
)
from municipal_reports.domain.references import Signatory

__all__ = ["Place", "in_document_order", "locate"]

_KEY: Final = re.compile(r"\.([A-Za-z_]\w*)|\[(\d+)\]")

# The columns of the official form that a measure's fields fill (DOMAIN.md).
_MEASURE_COLUMNS: Final = {
    "number": 1,
    "content": 3,
    "term": 4,
    "executors": 5,
    "declared_percent": 9,
    "note": 10,
}
_FINANCING_COLUMNS: Final = {"indicative": 6, "annual": 7, "actual": 8}


def _keys(path: str) -> tuple[str | int, ...]:
    """The keys of a path string: ``$.tasks[2].note`` → ("tasks", 2, "note")."""
    return tuple(
        int(index) if index else name for name, index in _KEY.findall(path.removeprefix("$"))
    )


@attrs.frozen
class Place:
    """A place in a document as a reader finds it.

    ``steps`` are (word, value) pairs from the outside in: ("table", 2), ("task", "3"),
    ("measure", "1"), ("column", 9); ("section", "Депутатські кошти"), ("field", "fund_total"),
    ("item", 2)… ``written`` is how the document wrote money at this place (``None`` where it
    says nothing). ``order`` sorts places as the document reads.
    """

    path: str
    steps: tuple[tuple[str, str | int], ...] = ()
    written: MoneyFormat | None = None
    order: tuple[int, ...] = ()

    def describe(self, locale: str) -> str:
        """The steps in ``locale``: «таблиця 2, завдання 3, захід 1, графа 9».

        The path itself when no step could be read (a path outside the document).
        """
        from municipal_reports.i18n.labels import has_label, label

        words = []
        for kind, value in self.steps:
            if kind == "field":
                key = str(value)
                short = f"{key}_short"  # a header's long caption has a short form
                key = short if has_label(short) else key
                words.append(label(key, locale) if has_label(key) else key.replace("_", " "))
            elif kind in ("total_row", "header", "signature", "title_page"):
                words.append(label(f"place_{kind}", locale))
            else:
                words.append(label(f"place_{kind}", locale).format(value))
        return ", ".join(words) if words else self.path


def _table_numbers(document: object) -> dict[int, int]:
    """id(program report) → its number among the document's tables, from 1."""
    return {id(r): n for n, (_, r) in enumerate(program_reports(document), start=1)}


def _named(node: object) -> str | None:
    """The words a document gives an item of a list, if any."""
    for name in ("label", "purpose", "title"):
        text = getattr(node, name, None)
        if isinstance(text, str) and text.strip():
            return text.strip()
    return None


def locate(document: object, path: str) -> Place:
    """The place ``path`` names in ``document`` (the entity or Report the audit was run on).

    Keys that lead nowhere in the document end the reading; the place keeps what was read.
    """
    tables = _table_numbers(document)
    steps: list[tuple[str, str | int]] = []
    order: list[int] = []
    written: MoneyFormat | None = None
    node: object = document
    report = document if isinstance(document, ProgramReport) else None
    if report is not None:
        steps.append(("table", 1))
    keys = _keys(path)
    for i, key in enumerate(keys):
        parent, field = node, key
        if isinstance(key, int):
            if not isinstance(parent, tuple) or key >= len(parent):
                break
            node = parent[key]
            order.append(key)
        else:
            cls = type(parent)
            if not attrs.has(cls) or not hasattr(parent, key):
                break
            names = [f.name for f in attrs.fields(cls)]
            order.append(names.index(key))
            node = getattr(parent, key)
        step = _step(parent, field, node, keys[i - 1] if i else None, tables, report)
        if isinstance(node, ProgramReport):
            report = node
            # A table has its own number: the section around it adds nothing.
            steps = [s for s in steps if s[0] not in ("section", "section_n")]
        steps.extend(step)
        if isinstance(parent, Financing) and report is not None and isinstance(field, str):
            written = getattr(report.columns, field, None)
        elif isinstance(parent, MoneyBreakdown):
            written = parent.written
    return Place(path, _concise(steps), written, tuple(order))


def _concise(steps: list[tuple[str, str | int]]) -> tuple[tuple[str, str | int], ...]:
    """The steps without repeats a reader does not need: a list's name before an item that
    has its own («Статті витрат, «техніка»» reads «техніка»), and a fact's label that only
    repeats its section's title."""
    kept: list[tuple[str, str | int]] = []
    for kind, value in steps:
        if kind == "named" and kept and kept[-1][0] == "field":
            kept.pop()
        if (
            kind == "named"
            and kept
            and kept[-1][0] == "section"
            and str(kept[-1][1]).casefold().strip() == str(value).casefold().strip()
        ):
            continue
        kept.append((kind, value))
    return tuple(kept)


def _step(
    parent: object,
    key: str | int,
    node: object,
    previous: str | int | None,
    tables: dict[int, int],
    report: ProgramReport | None,
) -> list[tuple[str, str | int]]:
    """The reader's words for one key of a path (often none: a key a reader never sees)."""
    if isinstance(node, ProgramReport):
        return [("table", tables.get(id(node), 1))]
    if isinstance(node, Section):
        assert isinstance(key, int)
        return [("section", node.title)] if node.title.strip() else [("section_n", key + 1)]
    if isinstance(node, ReportMeta):
        return [("title_page", "")]
    if isinstance(node, Task):
        assert isinstance(key, int)
        return [("task", node.number or str(key + 1))]
    if isinstance(node, Measure):
        assert isinstance(key, int)
        return [("measure", node.number or str(key + 1))]
    if isinstance(node, Program):
        return [("header", "")]
    if isinstance(node, Signatory):
        return [("signature", "")]
    if isinstance(parent, ProgramReport) and key == "total":
        return [("total_row", "")]
    if isinstance(parent, ProgramReport) and key == "total_percent":
        return [("total_row", ""), ("column", 9)]
    if isinstance(parent, Financing) and isinstance(key, str):
        return [("column", _FINANCING_COLUMNS[key])]
    if isinstance(parent, Measure) and isinstance(key, str) and key in _MEASURE_COLUMNS:
        return [("column", _MEASURE_COLUMNS[key])]
    if isinstance(key, int):
        if previous == "facts":  # the section names the fact; its label, if any, too
            named = _named(node)
            return [("named", named)] if named else []
        if previous == "paragraphs":
            return [("paragraph", key + 1)]
        if isinstance(node, Session) and node.number is not None:
            return [("session", node.number)]
        named = _named(node)
        return [("named", named)] if named else [("item", key + 1)]
    if isinstance(parent, (Report, Section, Measure, Task, ColumnFormats, Financing)):
        return []  # the section, the row or the column already says where
    if report is not None and not isinstance(parent, Program):
        return []  # inside a table, outside its header: the column says it all
    if isinstance(node, tuple) and not node:
        return []
    return [("field", key)]


def in_document_order(findings: Iterable[Finding], document: object) -> list[Finding]:
    """``findings`` sorted as the document reads: by the place each points at, the
    findings at one place in the order the audit gave them."""
    listed: Sequence[Finding] = list(findings)
    keys = {f.path: locate(document, f.path).order for f in listed}
    return sorted(listed, key=lambda f: keys[f.path])
