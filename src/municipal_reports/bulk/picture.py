"""A picture of execution: plan against actual by program, as one self-contained HTML page.

:func:`program_execution` reads report files and gives, for each program, year (and
council), the planned and actual money summed exactly, the percentage by the one rule, and
the audit's error count. A program is one program however its title is spelled («Конку
rentне» and «Конкурентне»): reports are grouped by the program's identity
(``Program.identity``, as the audit tells programs apart), and shown under their most
common spelling. :func:`execution_page` draws the rows as
bars in inline SVG, worst-executed first: no script, no stylesheet or font from elsewhere.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Final

import attrs

from municipal_reports.audit import Severity, audit
from municipal_reports.bulk.sources import PathLike, iter_documents, reports_of
from municipal_reports.bulk.table import execution_table
from municipal_reports.domain import Money, MoneyUnit, Percent, percentage, program_reports

__all__ = ["ProgramExecution", "execution_page", "program_execution"]


@attrs.frozen
class ProgramExecution:
    """One program in one year (and council): what was planned, financed, and found wrong."""

    council: str
    year: int
    program: str
    planned: Money
    actual: Money
    percentage: Percent | None
    errors: int
    reports: int


def _within(path: str, base: str) -> bool:
    return base == "$" or path == base or path.startswith((base + ".", base + "["))


def program_execution(paths: Iterable[PathLike]) -> list[ProgramExecution]:
    """Every program in the report files ``paths`` (files, directories, ``.jsonl``), by
    council, year and program identity, worst-executed first (an undefined percentage,
    nothing planned, last). A bad document raises StructureError naming its source."""
    # (council, year, program key) → [planned kopecks, actual kopecks, errors, reports]
    sums: dict[tuple[str, int, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    spellings: dict[tuple[str, int, str], Counter[str]] = defaultdict(Counter)
    for source, document in iter_documents(paths):
        errors = [f.path for f in audit(document) if f.severity is Severity.ERROR]
        bases = [str(path) for path, _ in program_reports(document)]
        for found, base in zip(reports_of(source, document), bases, strict=True):
            report = found.report
            key = (found.council, report.period.start.year, report.program.identity)
            (row,) = execution_table([found], by=())
            entry = sums[key]
            entry[0] += row.planned.kopecks
            entry[1] += row.actual.kopecks
            entry[2] += sum(_within(p, base) for p in errors)
            entry[3] += 1
            spellings[key][report.program.title] += 1
    rows = []
    for key, (planned, actual, errors_count, reports) in sums.items():
        # The most common spelling; among equals, the first in sorted order (stable runs).
        counts = spellings[key]
        best = max(counts.values())
        title = min(t for t, n in counts.items() if n == best)
        plan, fact = Money.from_kopecks(planned), Money.from_kopecks(actual)
        rows.append(
            ProgramExecution(
                key[0], key[1], title, plan, fact, percentage(fact, plan), errors_count, reports
            )
        )
    return sorted(rows, key=_worst_first)


def _worst_first(row: ProgramExecution) -> tuple[bool, Decimal, str, int, str]:
    undefined = row.percentage is None
    value = Decimal(0) if row.percentage is None else row.percentage.value
    return (undefined, value, row.council, -row.year, row.program)


_WORDS: Final = {
    "title": ("Виконання програм", "Execution of programs"),
    "program": ("Програма", "Program"),
    "bars": ("План і факт", "Plan and actual"),
    "planned": ("План", "Planned"),
    "actual": ("Профінансовано", "Financed"),
    "percent": ("Виконання", "Execution"),
    "errors": ("Помилок перевірки", "Audit errors"),
    "year": ("рік", "year"),
    "undefined": ("не визначено", "undefined"),
    "legend": (
        "Сірий — річний план, зелений — профінансовано; найгірше виконані програми перші.",
        "Grey: the annual plan; green: financed. The worst-executed programs come first.",
    ),
}

_BAR_WIDTH: Final = 320
_BAR_HEIGHT: Final = 22


def _word(key: str, locale: str) -> str:
    return _WORDS[key][0 if locale == "uk" else 1]


def _bar(row: ProgramExecution, scale: int, label: str) -> str:
    """Plan and actual as two bars on one scale (the group's largest amount)."""
    plan = row.planned.kopecks * _BAR_WIDTH // scale if scale else 0
    fact = row.actual.kopecks * _BAR_WIDTH // scale if scale else 0
    over = row.actual.kopecks > row.planned.kopecks
    colour = "#ef6c00" if over else "#2e7d32"
    return (
        f'<svg class="bar" width="{_BAR_WIDTH}" height="{_BAR_HEIGHT}" '
        f'viewBox="0 0 {_BAR_WIDTH} {_BAR_HEIGHT}" role="img" aria-label="{html.escape(label)}">'
        f'<rect class="plan" x="0" y="2" width="{plan}" height="{_BAR_HEIGHT - 4}" fill="#cfd8dc"/>'
        f'<rect class="actual" x="0" y="7" width="{fact}" height="{_BAR_HEIGHT - 14}" '
        f'fill="{colour}"/></svg>'
    )


def execution_page(rows: Sequence[ProgramExecution], *, locale: str) -> str:
    """The rows as one self-contained HTML page: a table of bars for each year (and council
    when there are several), worst-executed first, with the audit's error count."""
    from municipal_reports.i18n.formatting import check_locale, format_money, format_percent

    check_locale(locale)
    councils = sorted({r.council for r in rows})
    groups: dict[tuple[str, int], list[ProgramExecution]] = defaultdict(list)
    for row in rows:
        groups[row.council, row.year].append(row)
    title = _word("title", locale)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{locale}">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="municipal-reports">',
        f"<title>{html.escape(title)}</title>",
        "<style>",
        'body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; '
        "font-size: 11pt; color: #111; margin: 24px auto; max-width: 1200px; padding: 0 16px; }",
        "h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 28px; }",
        "table { border-collapse: collapse; width: 100%; }",
        "th, td { border-bottom: 1px solid #ddd; padding: 4px 8px; vertical-align: middle; }",
        "th { text-align: left; background: #f3f3f3; -webkit-hyphens: auto; hyphens: auto; }",
        "td.num { text-align: right; white-space: nowrap; }",
        "td.errors.some { color: #c62828; font-weight: bold; }",
        "p.legend { color: #555; }",
        "</style></head>",
        "<body>",
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="legend">{html.escape(_word("legend", locale))}</p>',
    ]
    for (council, year), members in sorted(groups.items(), key=lambda g: (g[0][0], -g[0][1])):
        heading = f"{year} {_word('year', locale)}" if locale == "uk" else str(year)
        if len(councils) > 1:
            heading = f"{council}: {heading}"
        scale = max([max(r.planned.kopecks, r.actual.kopecks) for r in members] + [0])
        parts.append(f'<section class="group" data-year="{year}">')
        parts.append(f"<h2>{html.escape(heading)}</h2>")
        parts.append("<table>")
        parts.append(
            "<thead><tr>"
            + "".join(
                f"<th>{html.escape(_word(k, locale))}</th>"
                for k in ("program", "bars", "planned", "actual", "percent", "errors")
            )
            + "</tr></thead><tbody>"
        )
        for r in members:
            pct = (
                _word("undefined", locale)
                if r.percentage is None
                else format_percent(r.percentage, locale)
            )
            money = [
                format_money(m, locale, unit=MoneyUnit.THOUSAND, decimals=1)
                for m in (r.planned, r.actual)
            ]
            some = " some" if r.errors else ""
            parts.append(
                '<tr class="program">'
                f'<td class="name">{html.escape(r.program)}</td>'
                f"<td>{_bar(r, scale, pct)}</td>"
                f'<td class="num planned">{html.escape(money[0])}</td>'
                f'<td class="num actual">{html.escape(money[1])}</td>'
                f'<td class="num percent">{html.escape(pct)}</td>'
                f'<td class="num errors{some}">{r.errors}</td>'
                "</tr>"
            )
        parts.append("</tbody></table></section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
