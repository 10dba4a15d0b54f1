"""MR2xx: declared percentages against the one rule for percentages."""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum

from municipal_reports.audit.finding import Severity
from municipal_reports.audit.registry import Hit, rule
from municipal_reports.domain.band import Band, Fit
from municipal_reports.domain.facts import AwardBatch, Breakdown, MoneyBreakdown, Shares
from municipal_reports.domain.money import Money
from municipal_reports.domain.percent import (
    Percent,
    is_correct_rounding,
    is_truncation,
    percentage,
)
from municipal_reports.domain.program import Measure, ProgramReport, ReportTotals
from municipal_reports.i18n.messages import N_
from municipal_reports.paths import Path

__all__ = ["RULES"]


def _zero_is_harmless(declared: Percent, actual: Money | None) -> bool:
    return declared.units == 0 and not actual


_EXACT = Band()


class _Verdict(Enum):
    CORRECT = "correct"
    #: Not a rounding of the written figures, but of figures that round to them.
    ROUNDING = "rounding"
    #: No rounding reaches it, but cutting the exact value after its decimals does.
    TRUNCATED = "truncated"
    WRONG = "wrong"


def _judge(
    declared: Percent,
    actual: Money | int,
    plan: Money | int,
    actual_band: Band = _EXACT,
    plan_band: Band = _EXACT,
) -> _Verdict:
    if is_correct_rounding(declared, actual, plan):
        return _Verdict.CORRECT
    # The bands' widths are the steps a figure in [written ± width / 2] was rounded to.
    if (actual_band.width or plan_band.width) and is_correct_rounding(
        declared, actual, plan, part_step=actual_band.width, whole_step=plan_band.width
    ):
        return _Verdict.ROUNDING
    if is_truncation(declared, actual, plan):
        return _Verdict.TRUNCATED
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
        return _judge(declared, actual, plan), actual, plan
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


def _percent_hit(obj: Measure | ProgramReport, path: Path, kind: _Verdict) -> tuple[Hit, ...]:
    """The hit on a measure's or a «Всього» row's declared percent when its verdict is
    ``kind`` (the plain road of MR201, MR202, MR205 and MR206; the fused road splits one
    verdict among them with :func:`_split`)."""
    verdict = _measure_verdict(obj, path) if isinstance(obj, Measure) else _total_verdict(obj)
    if verdict is None or verdict[0] is not kind:
        return ()
    # The path is built only for a hit: these rules run on every measure.
    if isinstance(obj, Measure):
        at, declared = path / "declared_percent", obj.declared_percent
    else:
        at, declared = path / "total_percent", obj.total_percent
    return (Hit(at, percentage(verdict[1], verdict[2]), declared),)


def percent_mismatch(measure: Measure, path: Path) -> tuple[Hit, ...]:
    """A measure's declared execution percent is not a correct rounding of actual / plan.

    The percent is ``actual / plan × 100`` (the annual plan, column 7; the indicative one
    where there is no annual column). A declared value is correct when it is within half a
    unit of its last written decimal of the exact value: «64%» covers 63.5–64.5.

    Why: column 9 is what readers quote; a wrong one misstates how much was done.

    Example: plan 116,0, actual 92,8 тис. грн declared «100%»: expected 80.00, found 100.
    """
    return _percent_hit(measure, path, _Verdict.WRONG)


def total_percent_mismatch(report: ProgramReport, path: Path) -> Iterator[Hit]:
    """The «Всього» row's percent is not total actual over total plan.

    The total's percentage is computed from the totals, never as a mean of the rows'
    percentages. The declared totals are used where the row gives them.

    Why: a mean of percentages weights a 4 тис. measure like a 400 тис. one.

    Example: plan 2 080 000,00, actual 513 537,84 → 24.69; a declared «31,5%» is wrong.
    """
    yield from _percent_hit(report, path, _Verdict.WRONG)


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
        if share.percent is None or share.count is None or not share.count.is_exact:
            continue
        count = share.count.value
        if _judge(share.percent, count, awarded.value) is _Verdict.WRONG:
            yield Hit(
                path / "shares" / i / "percent",
                percentage(count, awarded.value),
                share.percent,
            )


def _split(
    verdict: tuple[_Verdict, Money, Money] | None, at: Path, declared: Percent | None
) -> tuple[tuple[Hit, ...], tuple[Hit, ...], tuple[Hit, ...]]:
    """One verdict's hits as (wrong: MR201/MR202, rounding: MR205, truncated: MR206)."""
    if verdict is None or verdict[0] is _Verdict.CORRECT:
        return (), (), ()
    hit = (Hit(at, percentage(verdict[1], verdict[2]), declared),)
    if verdict[0] is _Verdict.WRONG:
        return hit, (), ()
    if verdict[0] is _Verdict.ROUNDING:
        return (), hit, ()
    return (), (), hit


def measure_percent_hits(
    measure: Measure, path: Path
) -> tuple[tuple[Hit, ...], tuple[Hit, ...], tuple[Hit, ...]]:
    """MR201's, MR205's and MR206's hits on one measure from one verdict (the fused
    audit's road)."""
    verdict = _measure_verdict(measure, path)
    if verdict is None or verdict[0] is _Verdict.CORRECT:
        return (), (), ()
    return _split(verdict, path / "declared_percent", measure.declared_percent)


def total_percent_hits(
    report: ProgramReport, path: Path, totals: ReportTotals
) -> tuple[tuple[Hit, ...], tuple[Hit, ...], tuple[Hit, ...]]:
    """MR202's, MR205's and MR206's hits on a report from one verdict over the given totals."""
    verdict = _total_verdict(report, totals)
    return _split(verdict, path / "total_percent", report.total_percent)


def percent_rounding_difference(
    obj: Measure | ProgramReport | Breakdown | MoneyBreakdown, path: Path
) -> tuple[Hit, ...]:
    """A declared percent differs from the written figures' only as their rounding allows.

    A table in «тис. грн» with one decimal shows each amount rounded to 100 грн; the council
    computed column 9 from the amounts before rounding. The declared percent is then
    consistent if some amounts that round to the written ones give it (MR201 reports it
    otherwise).

    Why: not a fault, but a reader who divides the written columns gets another figure.

    Example: plan 141,0 and actual 33,9 тис. грн give 24.04%; «24,02%» fits raw amounts of
    141 012 and 33 876 грн.
    """
    if isinstance(obj, (Breakdown, MoneyBreakdown)):
        return tuple(_share_hits(obj, path, _Verdict.ROUNDING))
    return _percent_hit(obj, path, _Verdict.ROUNDING)


def _part_shares(
    obj: Breakdown | MoneyBreakdown,
) -> Iterator[tuple[int, Percent, _Verdict, Percent | None]]:
    """Each part's declared share of the whole: its index, the share, the verdict, and
    part / whole by the one rule. Approximate counts are left alone."""
    if isinstance(obj, Breakdown):
        whole = obj.total
        if not whole.is_exact or whole.value == 0:
            return
        for i, part in enumerate(obj.parts):
            if part.share is not None and part.value.is_exact:
                verdict = _judge(part.share, part.value.value, whole.value)
                yield i, part.share, verdict, percentage(part.value.value, whole.value)
        return
    if not obj.total:
        return
    whole_band = Band.uniform(1, obj.total_format.step_kopecks)
    for i, mpart in enumerate(obj.parts):
        if mpart.share is not None:
            band = Band.uniform(1, obj.format_of(mpart).step_kopecks)
            verdict = _judge(mpart.share, mpart.amount, obj.total, band, whole_band)
            yield i, mpart.share, verdict, percentage(mpart.amount, obj.total)


def _share_hits(obj: Breakdown | MoneyBreakdown, path: Path, verdict: _Verdict) -> Iterator[Hit]:
    for i, share, found, exact in _part_shares(obj):
        if found is verdict:
            yield Hit(path / "parts" / i / "share", exact, share)


def part_share_mismatch(obj: Breakdown | MoneyBreakdown, path: Path) -> Iterator[Hit]:
    """A part's declared share of the whole is not a correct rounding of part / whole.

    Shares of a whole (питома вага, «% від загальної кількості», частка голосів) follow the
    one rule for percentages with the whole as denominator, at the precision each share was
    written with; rounded amounts (a list in млрд грн with one decimal) may give any share
    that amounts rounding to them give (then MR205).

    Why: a share is what readers quote; a wrong one misstates the structure of the whole.

    Example: 64 of 92 votes declared as «60%»: 64 / 92 is 69.57%.
    """
    yield from _share_hits(obj, path, _Verdict.WRONG)


def _award_shares_truncated(batch: AwardBatch, path: Path) -> Iterator[Hit]:
    if batch.awarded is None or not batch.awarded.is_exact:
        return
    awarded = batch.awarded.value
    for i, share in enumerate(batch.shares):
        count = share.count
        if share.percent is None or count is None or not count.is_exact or awarded == 0:
            continue
        if _judge(share.percent, count.value, awarded) is _Verdict.TRUNCATED:
            yield Hit(
                path / "shares" / i / "percent", percentage(count.value, awarded), share.percent
            )


def percent_truncated(obj: object, path: Path) -> tuple[Hit, ...]:
    """A declared percent is the exact one truncated after its decimals, not rounded.

    Some sources cut percentages instead of rounding them: 158,7 of 811,3 is 19,561%,
    written «19,5». The figure is not wrong in the way MR201 means (the amounts are right),
    but it disagrees with the one rule for percentages, which rounds half-up.

    Why: a reader who recomputes it gets another figure; truncated shares also sum short
    of 100 %.

    Example: plan 811,3 млн, actual 158,7 млн, declared «19,5%»: rounded it is 19,6%.
    """
    # A tuple, not a generator, and the common case first: this rule runs on every
    # measure, and most declare a correct percent or none.
    if obj.__class__ is Measure:
        declared, financing = obj.declared_percent, obj.financing
        actual, plan = financing.actual, financing.plan
        if (
            declared is None
            or actual is None
            or not plan
            or is_correct_rounding(declared, actual, plan)
        ):
            return ()
    if isinstance(obj, (Measure, ProgramReport)):
        return _percent_hit(obj, path, _Verdict.TRUNCATED)
    if isinstance(obj, (Breakdown, MoneyBreakdown)):
        return tuple(_share_hits(obj, path, _Verdict.TRUNCATED))
    if isinstance(obj, AwardBatch):
        return tuple(_award_shares_truncated(obj, path))
    return ()


def _shares_fit(
    obj: Breakdown | MoneyBreakdown | Shares | AwardBatch,
) -> tuple[Fit, list[Percent]] | None:
    if isinstance(obj, Shares):
        return obj.fit(), [s.percent for s in obj.shares]
    fit = obj.shares_fit()
    if fit is None:
        return None
    if isinstance(obj, AwardBatch):
        return fit, [s.percent for s in obj.shares if s.percent is not None]
    return fit, [p.share for p in obj.parts if p.share is not None]


def _sum_hit(
    obj: Breakdown | MoneyBreakdown | Shares | AwardBatch, path: Path, wanted: Fit
) -> Iterator[Hit]:
    judged = _shares_fit(obj)
    if judged is None or judged[0] is not wanted:
        return
    finest = max(p.decimals for p in judged[1])
    summed = sum(p.units * 10 ** (finest - p.decimals) for p in judged[1])
    at = path / ("shares" if isinstance(obj, (Shares, AwardBatch)) else "parts")
    yield Hit(at, Percent(100), Percent.from_units(summed, finest))


def shares_sum_mismatch(
    obj: Breakdown | MoneyBreakdown | Shares | AwardBatch, path: Path
) -> Iterator[Hit]:
    """Shares that make up a whole do not sum to 100 % within their rounding band.

    Each share written to ``d`` decimals may be off by half a unit of its last place, so
    ``n`` whole-percent shares may sum to 100 ± n / 2 (99,9 or 100,1 % is rounding: MR210);
    a partial list («серед них») must not exceed 100 % beyond that band.

    Why: shares that miss 100 % by more than rounding leave a part out or count one twice.

    Example: shares of 40 % and 56 % for the only two parts: they sum to 96 %.
    """
    yield from _sum_hit(obj, path, Fit.MISMATCH)


def shares_sum_rounding_difference(
    obj: Breakdown | MoneyBreakdown | Shares | AwardBatch, path: Path
) -> Iterator[Hit]:
    """Shares that make up a whole sum to 100 % only within their rounding band.

    Why: not a fault (each share was rounded on its own), but a reader who adds them up
    sees 99,9 % or 101 %.

    Example: 3 % + 10 % + 30 % + 52 % + 6 % = 101 %: five whole-percent shares allow ±2,5 %.
    """
    yield from _sum_hit(obj, path, Fit.ROUNDING)


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
        (Measure, ProgramReport, Breakdown, MoneyBreakdown),
        N_(
            "the declared {found} is not {expected} of the written figures, but fits their rounding"
        ),
    )(percent_rounding_difference),
    rule(
        "MR206",
        "percent-truncated",
        Severity.WARNING,
        (Measure, ProgramReport, Breakdown, MoneyBreakdown, AwardBatch),
        N_("the declared {found}% is truncated, not rounded: the one rule gives {expected}%"),
    )(percent_truncated),
    rule(
        "MR207",
        "part-share-mismatch",
        Severity.ERROR,
        (Breakdown, MoneyBreakdown),
        N_("the share is declared as {found}%, but the part over the whole is {expected}%"),
    )(part_share_mismatch),
    rule(
        "MR208",
        "shares-sum-mismatch",
        Severity.ERROR,
        (Breakdown, MoneyBreakdown, Shares, AwardBatch),
        N_("the shares sum to {found}%, not {expected}% beyond their rounding"),
    )(shares_sum_mismatch),
    rule(
        "MR209",
        "shares-sum-rounding-difference",
        Severity.NOTE,
        (Breakdown, MoneyBreakdown, Shares, AwardBatch),
        N_("the shares sum to {found}%, not {expected}%: within their rounding band"),
    )(shares_sum_rounding_difference),
)
