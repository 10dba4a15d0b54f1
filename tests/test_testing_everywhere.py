"""The library's own strategies drive its round trips and renderers."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from municipal_reports import Report, Severity, audit, dumps, loads, render
from municipal_reports.render import renderer_names
from municipal_reports.testing import program_reports, reports

# Whole reports are large; fewer examples keep the thorough profile within CI's time.
_FEW = settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])


@_FEW
@given(reports(max_sections=3, max_measures=6))
def test_json_round_trip_of_generated_reports_is_exact(report: Report) -> None:
    """load(dump(x)) == x for every generated report, percent precision included."""
    assert loads(dumps(report)) == report


@_FEW
@given(program_reports(max_measures=8))
def test_generated_program_reports_are_clean_and_round_trip(report: object) -> None:
    """A valid program report audits without errors or warnings and survives JSON."""
    assert [f for f in audit(report) if f.severity is not Severity.NOTE] == []
    assert loads(dumps(report)) == report


@_FEW
@given(reports(max_sections=2, max_measures=4))
def test_every_renderer_accepts_every_generated_report(report: Report) -> None:
    """Each built-in renderer writes every generated report in both locales, findings included."""
    findings = audit(report)
    for name in renderer_names():
        for locale in ("uk", "en"):
            out = render(report, to=name, locale=locale, findings=findings)
            assert out
