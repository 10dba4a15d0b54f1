"""MR2xx: declared percentages against the one rule for percentages."""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum

from municipal_reports.audit.finding import Severity
from municipal_reports.audit.registry import Hit, rule
from municipal_reports.domain.band import Band
from municipal_reports.domain.facts import AwardBatch
from municipal_reports.domain.money import Money
from municipal_reports.domain.percent import Percent, is_correct_rounding, percentage
from municipal_reports.domain.program import Measure, ProgramReport, ReportTotals
from municipal_reports.i18n.messages import N_
from municipal_reports.paths import Path

__all__ = ["RULES"]


def _zero_is_harmless(declared: Percent, actual: Money | None) -> bool:
    return declared.units == 0 and not actual


class _Verdict(Enum):
    CORRECT = "correct"
    #: Not a rounding of the written figures, but of figures that round to them.
    ROUNDING = "rounding"
    WRONG = "wrong"


def _judge(
    declared: Percent, actual: Money, plan: Money, actual_band: Band, plan_band: Band
) -> _Verdict:
    if is_correct_rounding(declared, actual, plan):
        return _Verdict.CORRECT
    # The bands' widths are the steps a figure in [written ± width / 2] was rounded to.
    if (actual_band.width or plan_band.width) and is_correct_rounding(
        declared, actual, plan, part_step=actual_band.width, whole_step=plan_band.width
    ):
        return _Verdict.ROUNDING
    return _Verdict.WRONG


def _measure_verdict(measure: Measure, path: Path) -> tuple[_Verdict, Money, Money] | None:
    financing = measure.financing
    declared, actual, plan = measure.declared_percent, financing.actual, financing.plan
    if declared is None or actual is None or plan is None or not plan:
        return None
    if is_correct_rounding(declared, actual, plan):
        return _Verdict.CORRECT, actual, plan  # the common case: no context needed
    report = path.nearest(ProgramReport)
    if report is None:
        return _Verdict.WRONG, actual, plan
    columns = report.columns
    plan_column = financing.plan_column
    assert plan_column is not None  # the plan is not None
    verdict = _judge(declared, actual, plan, columns.band("actual"), columns.band(plan_column))
    return verdict, actual, plan


def _total_verdict(
    report: ProgramReport, totals: ReportTotals | None = None
) -> tuple[_Verdict, Money, Money] | None:
    declared = report.total_percent
    if declared is None:
        return None  # most tables: no sums needed
    if totals is None:
        totals = report.totals()
    plan, actual = totals.plan, totals.actual
    if plan is None or actual.value is None or not plan.value:
        return None
    verdict = _judge(declared, actual.value, plan.value, actual.band, plan.band)
    return verdict, actual.value, plan.value


def percent_mismatch(measure: Measure, path: Path) -> tuple[Hit, ...]:
    """A measure's declared execution percent is not a correct rounding of actual / plan.

    The percent is ``actual / plan × 100`` (the annual plan, column 7; the indicative one
    where there is no annual column). A declared value is correct when it is within half a
    unit of its last written decimal of the exact value: «64%» covers 63.5–64.5.

    Why: column 9 is what readers quote; a wrong one misstates how much was done.

    Example: plan 116,0, actual 92,8 тис. грн declared «100%»: expected 80.00, found 100.
    """
    verdict = _measure_verdict(measure, path)
    if verdict is None or verdict[0] is not _Verdict.WRONG:
        return ()
    _, actual, plan = verdict
    return (Hit(path / "declared_percent", percentage(actual, plan), measure.declared_percent),)


def total_percent_mismatch(report: ProgramReport, path: Path) -> Iterator[Hit]:
    """The «Всього» row's percent is not total actual over total plan.

    The total's percentage is computed from the totals, never as a mean of the rows'
    percentages. The declared totals are used where the row gives them.

    Why: a mean of percentages weights a 4 тис. measure like a 400 тис. one.

    Example: plan 2 080 000,00, actual 513 537,84 → 24.69; a declared «31,5%» is wrong.
    """
    verdict = _total_verdict(report)
    if verdict is not None and verdict[0] is _Verdict.WRONG:
        yield Hit(path / "total_percent", percentage(verdict[1], verdict[2]), report.total_percent)


def percent_of_zero_plan(measure: Measure, path: Path) -> tuple[Hit, ...]:
    """A percent is declared where the plan is zero, so no percentage is defined.

    «0%» with nothing planned and nothing spent is left alone.

    Why: a percentage of nothing is undefined; the figure hides a missing plan.

    Example: plan 0,0, actual 12,5 тис. грн, declared «100%».
    """
    declared, plan = measure.declared_percent, measure.financing.plan
    if (
        declared is None
        or plan is None
        or plan
        or _zero_is_harmless(declared, measure.financing.actual)
    ):
        return ()
    return (Hit(path / "declared_percent", None, declared),)


def share_mismatch(batch: AwardBatch, path: Path) -> Iterator[Hit]:
    """A share of those awarded, given as both a percent and a count, does not agree.

    Why: «81% – військовослужбовці» and «244 військовослужбовці» of 301 cannot both hold.

    Example: 301 awarded, a share of 200 people declared as «81%»: expected 66.45.
    """
    awarded = batch.awarded
    if awarded is None or not awarded.is_exact or awarded.value == 0:
        return
    for i, share in enumerate(batch.shares):
        if share.percent is None or share.count is None:
            continue
        if not is_correct_rounding(share.percent, share.count, awarded.value):
            yield Hit(
                path / "shares" / i / "percent",
                percentage(share.count, awarded.value),
                share.percent,
            )


def measure_percent_hits(measure: Measure, path: Path) -> tuple[tuple[Hit, ...], tuple[Hit, ...]]:
    """MR201's and MR205's hits on one measure from one verdict (the fused audit's road)."""
    verdict = _measure_verdict(measure, path)
    if verdict is None or verdict[0] is _Verdict.CORRECT:
        return (), ()
    hit = (
        Hit(
            path / "declared_percent", percentage(verdict[1], verdict[2]), measure.declared_percent
        ),
    )
    return (hit, ()) if verdict[0] is _Verdict.WRONG else ((), hit)


def total_percent_hits(
    report: ProgramReport, path: Path, totals: ReportTotals
) -> tuple[tuple[Hit, ...], tuple[Hit, ...]]:
    """MR202's and MR205's hits on a report from one verdict over the given totals."""
    verdict = _total_verdict(report, totals)
    if verdict is None or verdict[0] is _Verdict.CORRECT:
        return (), ()
    hit = (Hit(path / "total_percent", percentage(verdict[1], verdict[2]), report.total_percent),)
    return (hit, ()) if verdict[0] is _Verdict.WRONG else ((), hit)


def percent_rounding_difference(obj: Measure | ProgramReport, path: Path) -> tuple[Hit, ...]:
    """A declared percent differs from the written figures' only as their rounding allows.

    A table in «тис. грн» with one decimal shows each amount rounded to 100 грн; the council
    computed column 9 from the amounts before rounding. The declared percent is then
    consistent if some amounts that round to the written ones give it (MR201 reports it
    otherwise).

    Why: not a fault, but a reader who divides the written columns gets another figure.

    Example: plan 141,0 and actual 33,9 тис. грн give 24.04%; «24,02%» fits raw amounts of
    141 012 and 33 876 грн.
    """
    verdict = _measure_verdict(obj, path) if isinstance(obj, Measure) else _total_verdict(obj)
    if verdict is None or verdict[0] is not _Verdict.ROUNDING:
        return ()
    # The path is built only for a hit: this rule runs on every measure.
    if isinstance(obj, Measure):
        at, declared = path / "declared_percent", obj.declared_percent
    else:
        at, declared = path / "total_percent", obj.total_percent
    return (Hit(at, percentage(verdict[1], verdict[2]), declared),)


# Registered here, not by decorating the checks: mutmut 3 skips decorated functions, and the
# checks' arithmetic must be mutation-tested (docs/contributing.md).
RULES = (
    rule(
        "MR201",
        "percent-mismatch",
        Severity.ERROR,
        Measure,
        N_("the declared execution is {found}, but actual over plan is {expected}"),
    )(percent_mismatch),
    rule(
        "MR202",
        "total-percent-mismatch",
        Severity.ERROR,
        ProgramReport,
        N_("the «Всього» row declares {found}, but total actual over total plan is {expected}"),
    )(total_percent_mismatch),
    rule(
        "MR203",
        "percent-of-zero-plan",
        Severity.WARNING,
        Measure,
        N_("an execution of {found} is declared against a plan of zero"),
    )(percent_of_zero_plan),
    rule(
        "MR204",
        "share-mismatch",
        Severity.ERROR,
        AwardBatch,
        N_("the share is declared as {found}, but the count over those awarded is {expected}"),
    )(share_mismatch),
    rule(
        "MR205",
        "percent-rounding-difference",
        Severity.NOTE,
        (Measure, ProgramReport),
        N_(
            "the declared {found} is not {expected} of the written figures, but fits their rounding"
        ),
    )(percent_rounding_difference),
)
