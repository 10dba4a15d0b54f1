"""The CSV table's findings column: a measure's row names the codes of the findings at the
measure or below it, and none of a sibling whose path only starts the same way."""

from __future__ import annotations

import csv
import io

import attrs

from conftest import EXAMPLES_DIR
from municipal_reports import ProgramReport, load, render
from municipal_reports.audit.finding import Finding, Severity
from municipal_reports.domain import program_reports


def _report_with_eleven_measures() -> ProgramReport:
    """The example's program report cut to one task of eleven measures, the total dropped."""
    document = load(EXAMPLES_DIR / "zhytomyr-program-efficient-power-2022-9m.json")
    _, report = next(iter(program_reports(document)))
    task = report.tasks[0]
    task = attrs.evolve(task, measures=(task.measures[0],) * 11)
    return attrs.evolve(report, tasks=(task,), total=None, total_percent=None)


def _finding(code: str, path: str) -> Finding:
    return Finding(code, "test", Severity.ERROR, path, None, None, "{code}")


def test_a_measures_row_names_its_findings_and_not_a_siblings() -> None:
    """Row 1 gets the findings at measures[1] and below; measures[10] (which starts with
    «measures[1») and the task above stay out of it; row 10 gets its own."""
    report = _report_with_eleven_measures()  # rendered alone: its paths start at «$»
    base = "$"
    measures = f"{base}.tasks[0].measures"
    findings = [
        _finding("MR201", f"{measures}[1]"),
        _finding("MR401", f"{measures}[1].financing.actual"),
        _finding("MR402", f"{measures}[10]"),
        _finding("MR403", f"{measures}[10].financing"),
        _finding("MR101", f"{base}.tasks[0]"),
        _finding("MR102", f"{measures}[1]x"),  # no path goes on with another character
    ]
    rows = list(csv.reader(io.StringIO(render(report, to="csv", locale="en", findings=findings))))
    by_row = [row[-1] for row in rows[1:]]
    assert len(by_row) == 11
    assert by_row[1] == "MR201 MR401"
    assert by_row[10] == "MR402 MR403"
    assert [codes for i, codes in enumerate(by_row) if i not in (1, 10)] == [""] * 9
