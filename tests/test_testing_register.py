"""The hypothesis entry point registers a strategy for every value and entity type."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

import pytest
from hypothesis import given
from hypothesis import strategies as st

from municipal_reports import ProgramReport, Report, ReportingPeriod, Severity, audit
from municipal_reports.testing._register import REGISTERED_TYPES, registered_strategies


def _faults(obj: object) -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in audit(obj) if f.severity is not Severity.NOTE]


def test_the_entry_point_is_declared() -> None:
    """The installed package names our hook in hypothesis's entry point group."""
    values = {ep.value for ep in entry_points(group="hypothesis")}
    assert "municipal_reports.testing._register:_hypothesis_setup_hook" in values


def test_every_registered_type_has_a_strategy() -> None:
    """The table of strategies covers exactly the registered types."""
    assert set(registered_strategies()) == set(REGISTERED_TYPES)


@pytest.mark.parametrize("kind", REGISTERED_TYPES, ids=lambda t: t.__name__)
def test_from_type_gives_valid_objects(kind: type) -> None:
    """st.from_type gives instances of the type that audit with no error or warning."""

    @given(st.from_type(kind))
    def check(obj: object) -> None:
        assert isinstance(obj, kind)
        assert _faults(obj) == []

    check()


@given(st.builds(ProgramReport, period=st.from_type(ReportingPeriod)))
def test_builds_program_report_is_valid(report: ProgramReport) -> None:
    """st.builds(ProgramReport) with a period (optional since format 2) draws a program and
    a period apart; they still fit."""
    assert report.program.term is not None
    assert report.period is not None
    assert report.period in report.program.term
    assert _faults(report) == []


@given(st.builds(Report))
def test_builds_report_is_valid(report: Report) -> None:
    """st.builds(Report) gives a report with no error or warning."""
    assert _faults(report) == []


def test_registration_needs_no_set_up_in_a_fresh_interpreter() -> None:
    """Importing hypothesis alone, with no import of ours, makes from_type(Measure) work."""
    code = (
        "from hypothesis import strategies as st, given, settings\n"
        "from municipal_reports import Measure\n"
        "seen = []\n"
        "@settings(max_examples=5, database=None)\n"
        "@given(st.from_type(Measure))\n"
        "def t(m): seen.append(m.content)\n"
        "t()\n"
        "print(all(seen))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "True"


def test_the_docs_example_runs() -> None:
    """The downstream test shown in docs/testing.md runs and passes as written."""
    from pathlib import Path

    doc = Path(__file__).resolve().parent.parent / "docs" / "testing.md"
    if not doc.is_file():
        pytest.skip("docs/ is not beside this checkout")
    text = doc.read_text(encoding="utf-8")
    code = text.split("```python\n", 1)[1].split("\n```", 1)[0]
    exec(compile(code, str(doc), "exec"), {"__name__": "docs_example"})
