"""MR1xx: the parts of a total sum to it (the one rule for totals)."""

from __future__ import annotations

from collections.abc import Iterator

from municipal_reports.audit.finding import Severity
from municipal_reports.audit.registry import Hit, rule
from municipal_reports.domain.band import Fit
from municipal_reports.domain.facts import Breakdown, DeputyFundAllocation, MoneyBreakdown
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


def _money_totals(obj: object, path: Path) -> Iterator[tuple[Path, Money, Money, Fit]]:
    """Each declared money total of ``obj``: its path, the declared and summed values, the fit."""
    if isinstance(obj, ProgramReport):
        if obj.total is None:
            return
        for column in obj.totals().columns():
            fit = column.fit()
            if fit is not None:
                assert column.declared is not None  # a fit needs a declared total
                yield path / "total" / column.column, column.declared, column.summed, fit
    elif isinstance(obj, MoneyBreakdown):
        yield path / "total", obj.total, obj.parts_sum(), obj.fit()
    elif isinstance(obj, DeputyFundAllocation):
        yield path / "fund_total", obj.fund_total, obj.items_sum(), obj.fit()


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
    if isinstance(obj, Breakdown):
        if not obj.parts:
            return
        parts_sum = interval_sum(p.value for p in obj.parts)
        if not parts_sum.overlaps(obj.total.interval):
            expected: object = parts_sum.low if parts_sum.low == parts_sum.high else parts_sum
            yield Hit(path / "total", expected, obj.total)
        return
    for at, declared, summed, fit in _money_totals(obj, path):
        if fit is Fit.MISMATCH:
            yield Hit(at, summed, declared)


def total_rounding_difference(obj: object, path: Path) -> Iterator[Hit]:
    """A rounded total differs from the sum of its rounded parts, within the rounding band.

    Parts written rounded (a «тис. грн» column with one decimal) each carry up to half a
    step of rounding error; ``n`` parts may sum to anything within ``(n + 1) × step / 2``
    of a total that was computed from the raw values and then rounded.

    Why: not a fault, but a reader who adds the column up will see a different figure.

    Example: rows summing to 122 151,8 тис. грн under a «Всього» of 122 151,7.
    """
    for at, declared, summed, fit in _money_totals(obj, path):
        if fit is Fit.ROUNDING:
            yield Hit(at, summed, declared)


# Registered here, not by decorating the checks: mutmut 3 skips decorated functions, and the
# checks' arithmetic must be mutation-tested (docs/contributing.md).
RULES = (
    rule(
        "MR101",
        "total-mismatch",
        Severity.ERROR,
        (ProgramReport, MoneyBreakdown, DeputyFundAllocation, Breakdown),
        N_("the parts sum to {expected}, but the total says {found}"),
    )(total_mismatch),
    rule(
        "MR102",
        "total-rounding-difference",
        Severity.NOTE,
        (ProgramReport, MoneyBreakdown),
        N_("the parts sum to {expected}, the total says {found}: within the rounding band"),
    )(total_rounding_difference),
)
