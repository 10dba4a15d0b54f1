"""Shrinking gives small, readable counterexamples."""

from __future__ import annotations

from hypothesis import find, settings

from municipal_reports import Money, ProgramReport
from municipal_reports.testing import program_reports

_SETTINGS = settings(max_examples=2000, database=None)


def test_a_report_with_any_spending_shrinks_to_one_task_and_one_measure() -> None:
    """The smallest report that spends something has one task with one measure."""
    found = find(
        program_reports(),
        lambda r: r.total is not None and r.total.actual is not None and r.total.actual > Money(0),
        settings=_SETTINGS,
    )
    assert len(found.tasks) == 1
    assert len(found.measures()) == 1
    assert found.total is not None
    assert found.total.actual == Money("0.01")


def test_a_report_with_two_tasks_shrinks_to_two_measures() -> None:
    """The smallest report with two tasks has exactly one measure in each."""

    def two_tasks(r: ProgramReport) -> bool:
        return len(r.tasks) >= 2

    found = find(program_reports(), two_tasks, settings=_SETTINGS)
    assert [len(t.measures) for t in found.tasks] == [1, 1]
    assert all(not m.financing.indicative for m in found.measures())


def test_a_large_plan_shrinks_to_one_small_measure() -> None:
    """A report planned above 1 000 грн shrinks to one measure of a few thousand грн."""
    found = find(
        program_reports(),
        lambda r: (
            r.total is not None
            and r.total.indicative is not None
            and r.total.indicative > Money(1000)
        ),
        settings=_SETTINGS,
    )
    assert len(found.measures()) == 1
    assert found.total is not None
    assert found.total.indicative is not None
    # Amounts are drawn order of magnitude first, so the shrinker stops near, not at, the
    # bound; what matters to a reader is one short row with small figures.
    assert found.total.indicative < Money(100_000)
    (measure,) = found.measures()
    assert (measure.financing.actual, measure.note, measure.executors) == (Money(0), "", ())
