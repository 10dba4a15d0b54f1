"""MR1xx: the parts of a total sum to it (the one rule for totals)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from enum import Enum

from municipal_reports.audit.finding import Severity
from municipal_reports.audit.registry import Hit, rule
from municipal_reports.domain.facts import Breakdown, DeputyFundAllocation, MoneyBreakdown
from municipal_reports.domain.money import Money
from municipal_reports.domain.program import MoneyFormat, ProgramReport
from municipal_reports.domain.quantity import interval_sum
from municipal_reports.i18n.messages import N_
from municipal_reports.paths import Path

__all__ = ["RULES", "TotalFit", "fit_total"]

_FINANCING_COLUMNS = ("indicative", "annual", "actual")


class TotalFit(Enum):
    """How a declared total fits the sum of its parts."""

    EQUAL = "equal"
    #: Not equal, but within the band that rounding each written figure allows.
    ROUNDING = "rounding"
    MISMATCH = "mismatch"


def fit_total(total: Money, parts: Sequence[Money], written: MoneyFormat) -> TotalFit:
    """Compare a total with its parts under the one rule for totals.

    Figures written to the kopeck must meet exactly. Figures rounded to a step ``u`` (a
    «тис. грн» column with one decimal: ``u`` = 100 грн) carry up to ``u/2`` of error each,
    the total too: ``n`` parts may miss by up to ``(n + 1) × u / 2``.
    """
    return _fit_sum(total, Money._unchecked(sum([p.kopecks for p in parts])), len(parts), written)


def _fit_sum(total: Money, summed: Money, count: int, written: MoneyFormat) -> TotalFit:
    diff = abs(summed.kopecks - total.kopecks)
    if diff == 0:
        return TotalFit.EQUAL
    if written.is_exact:
        return TotalFit.MISMATCH
    if 2 * diff <= (count + 1) * written.step_kopecks:
        return TotalFit.ROUNDING
    return TotalFit.MISMATCH


def _money_totals(obj: object, path: Path) -> Iterator[tuple[Path, Money, Money, TotalFit]]:
    """Each declared money total of ``obj``: its path, the declared and summed values, the fit."""
    if isinstance(obj, ProgramReport):
        if obj.total is None:
            return
        measures = obj.measures()
        for column in _FINANCING_COLUMNS:
            declared = getattr(obj.total, column)
            if declared is None:
                continue
            parts = [v for m in measures if (v := getattr(m.financing, column)) is not None]
            written: MoneyFormat = getattr(obj.columns, column)
            # One int sum, shared by the sum shown and the fit (a sum of Money objects
            # cost a third of a program report's audit).
            summed = Money._unchecked(sum([p.kopecks for p in parts]))
            yield (
                path / "total" / column,
                declared,
                summed,
                _fit_sum(declared, summed, len(parts), written),
            )
    elif isinstance(obj, MoneyBreakdown):
        parts = [p.amount for p in obj.parts]
        yield (
            path / "total",
            obj.total,
            sum(parts, Money(0)),
            fit_total(obj.total, parts, obj.written),
        )
    elif isinstance(obj, DeputyFundAllocation):
        parts = [i.amount for i in obj.items]
        yield (
            path / "fund_total",
            obj.fund_total,
            sum(parts, Money(0)),
            fit_total(obj.fund_total, parts, MoneyFormat()),
        )


@rule(
    "MR101",
    "total-mismatch",
    Severity.ERROR,
    (ProgramReport, MoneyBreakdown, DeputyFundAllocation, Breakdown),
    N_("the parts sum to {expected}, but the total says {found}"),
)
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
        if fit is TotalFit.MISMATCH:
            yield Hit(at, summed, declared)


@rule(
    "MR102",
    "total-rounding-difference",
    Severity.NOTE,
    (ProgramReport, MoneyBreakdown),
    N_("the parts sum to {expected}, the total says {found}: within the rounding band"),
)
def total_rounding_difference(obj: object, path: Path) -> Iterator[Hit]:
    """A rounded total differs from the sum of its rounded parts, within the rounding band.

    Parts written rounded (a «тис. грн» column with one decimal) each carry up to half a
    step of rounding error; ``n`` parts may sum to anything within ``(n + 1) × step / 2``
    of a total that was computed from the raw values and then rounded.

    Why: not a fault, but a reader who adds the column up will see a different figure.

    Example: rows summing to 122 151,8 тис. грн under a «Всього» of 122 151,7.
    """
    for at, declared, summed, fit in _money_totals(obj, path):
        if fit is TotalFit.ROUNDING:
            yield Hit(at, summed, declared)


RULES = (total_mismatch, total_rounding_difference)
