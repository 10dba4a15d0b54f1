"""MR1xx: the parts of a total sum to it (the one rule for totals)."""

from __future__ import annotations

from collections.abc import Iterator

from municipal_reports.audit.finding import Severity
from municipal_reports.audit.registry import Hit, rule
from municipal_reports.domain.band import Fit
from municipal_reports.domain.facts import (
    AwardBatch,
    Breakdown,
    DeputyFundAllocation,
    MoneyBreakdown,
)
from municipal_reports.domain.money import Money
from municipal_reports.domain.program import ProgramReport, ReportTotals
from municipal_reports.domain.quantity import interval_sum
from municipal_reports.i18n.messages import N_
from municipal_reports.paths import Path

__all__ = ["RULES"]


def report_total_hits(totals: ReportTotals, path: Path) -> tuple[tuple[Hit, ...], tuple[Hit, ...]]:
    """MR101's and MR102's hits on a report from its totals, summed once (the fused road)."""
    mismatch: list[Hit] = []
    rounding: list[Hit] = []
    for column in totals.columns():
        fit = column.fit()
        if fit is Fit.MISMATCH or fit is Fit.ROUNDING:
            hit = Hit(path / "total" / column.column, column.summed, column.declared)
            (mismatch if fit is Fit.MISMATCH else rounding).append(hit)
    return tuple(mismatch), tuple(rounding)


def _money_totals(obj: object, path: Path) -> Iterator[tuple[Path, Money, Money, Fit, bool]]:
    """Each declared money total of ``obj``: its path, the declared and summed values, the
    fit, and whether the parts are all of it (complete) or only some (partial)."""
    if isinstance(obj, ProgramReport):
        if obj.total is None:
            return
        for column in obj.totals().columns():
            fit = column.fit()
            if fit is not None:
                assert column.declared is not None  # a fit needs a declared total
                yield path / "total" / column.column, column.declared, column.summed, fit, True
    elif isinstance(obj, MoneyBreakdown):
        yield path / "total", obj.total, obj.parts_sum(), obj.fit(), obj.complete
    elif isinstance(obj, DeputyFundAllocation):
        yield path / "fund_total", obj.fund_total, obj.items_sum(), obj.fit(), obj.complete


def total_mismatch(obj: object, path: Path) -> Iterator[Hit]:
    """The parts of a total do not sum to it.

    Checks the «Всього» row of a program report against its measures (each money column),
    a deputy fund against its items, a program's spending against its sections, and a
    count against its parts (committee meetings by committee, letters by sender, bodies by
    district). Money written to the kopeck must meet exactly; rounded columns may miss by
    the rounding band (see MR102). Approximate counts («близько 3000») are intervals.

    Why: a total that its parts do not make is either a lost item or a wrong figure.

    Example: items of 181 341,98 + 99 000,00 + … = 385 000,00 грн under a fund of
    400 000,00 грн: expected 385000.00, found 400000.00.
    """
    yield from _mismatches(obj, path, complete=True)


def _mismatches(obj: object, path: Path, *, complete: bool) -> Iterator[Hit]:
    if isinstance(obj, AwardBatch):
        if complete and obj.shares_count_fit() is Fit.MISMATCH:
            counted = interval_sum(s.count for s in obj.shares if s.count is not None)
            expected_sum: object = counted.low if counted.low == counted.high else counted
            yield Hit(path / "awarded", expected_sum, obj.awarded)
        return
    if isinstance(obj, Breakdown):
        if not obj.parts or obj.complete is not complete or obj.fit() is not Fit.MISMATCH:
            return
        parts_sum = obj.parts_sum()
        expected: object = parts_sum.low if parts_sum.low == parts_sum.high else parts_sum
        yield Hit(path / "total", expected, obj.total)
        return
    for at, declared, summed, fit, is_complete in _money_totals(obj, path):
        if fit is Fit.MISMATCH and is_complete is complete:
            yield Hit(at, summed, declared)


def parts_exceed_whole(obj: object, path: Path) -> Iterator[Hit]:
    """The parts of a partial list add up to more than the whole they are some of.

    A list the document presents as only some of the parts («зокрема», «серед них», «з
    них», «у тому числі») is checked as parts ≤ whole, never as equality; a sub-part («з 19
    звернень 17 розглянуто») is such a list of one. Rounded money may exceed the whole by
    its rounding band (then MR102); approximate counts are intervals.

    Why: some of a whole cannot be more than all of it.

    Example: of 90 appeals, «зокрема» 26 + 41 + 33 = 100 on three topics.
    """
    yield from _mismatches(obj, path, complete=False)


def total_rounding_difference(obj: object, path: Path) -> Iterator[Hit]:
    """A rounded total differs from the sum of its rounded parts, within the rounding band.

    Parts written rounded (a «тис. грн» column with one decimal) each carry up to half a
    step of rounding error; ``n`` parts may sum to anything within ``(n + 1) × step / 2``
    of a total that was computed from the raw values and then rounded.

    Why: not a fault, but a reader who adds the column up will see a different figure.

    Example: rows summing to 122 151,8 тис. грн under a «Всього» of 122 151,7.
    """
    for at, declared, summed, fit, _ in _money_totals(obj, path):
        if fit is Fit.ROUNDING:
            yield Hit(at, summed, declared)


# Registered here, not by decorating the checks: mutmut 3 skips decorated functions, and the
# checks' arithmetic must be mutation-tested (docs/contributing.md).
RULES = (
    rule(
        "MR101",
        "total-mismatch",
        Severity.ERROR,
        (ProgramReport, MoneyBreakdown, DeputyFundAllocation, Breakdown, AwardBatch),
        N_("the parts sum to {expected}, but the total says {found}"),
    )(total_mismatch),
    rule(
        "MR102",
        "total-rounding-difference",
        Severity.NOTE,
        (ProgramReport, MoneyBreakdown, DeputyFundAllocation),
        N_("the parts sum to {expected}, the total says {found}: within the rounding band"),
    )(total_rounding_difference),
    rule(
        "MR103",
        "parts-exceed-whole",
        Severity.ERROR,
        (Breakdown, MoneyBreakdown, DeputyFundAllocation),
        N_("the parts listed sum to {expected}, more than the whole of {found}"),
    )(parts_exceed_whole),
)
