"""MR6xx: figures given twice for the same thing: approximate against exact counts, one
amount in two writings."""

from __future__ import annotations

from collections.abc import Iterator

from municipal_reports.audit.finding import Severity
from municipal_reports.audit.registry import Hit, rule
from municipal_reports.domain.band import Fit
from municipal_reports.domain.facts import Figure, MoneyFigure, ParticipatoryBudget
from municipal_reports.domain.quantity import Quantity
from municipal_reports.i18n.messages import N_
from municipal_reports.paths import Path

__all__ = ["RULES"]


def _contradictions(values: tuple[Quantity, ...], at: Path) -> Iterator[Hit]:
    for j, later in enumerate(values):
        for earlier in values[:j]:
            if not earlier.interval.overlaps(later.interval):
                yield Hit(at / j, earlier, later)
                break


def figures_contradict(obj: Figure | ParticipatoryBudget, path: Path) -> Iterator[Hit]:
    """Two figures given for the same thing cannot both be true.

    Each figure is an interval: exact, «близько» (±10%), «більше», «до», «майже».
    Figures contradict when their intervals share no number.

    Why: a reader quoting either one is misled; one of them is wrong.

    Example: «взяли участь 12 527 мешканців» and «близько 9 тисяч жителів» for the voters of
    one participatory budget: 12 527 is not within 8 100–9 900.
    """
    if isinstance(obj, Figure):
        yield from _contradictions(obj.values, path / "values")
    else:
        yield from _contradictions(obj.voters, path / "voters")


def _amount_hits(figure: MoneyFigure, path: Path, wanted: Fit) -> Iterator[Hit]:
    for later, earlier, fit in figure.fits():
        if fit is wanted:
            yield Hit(
                path / "values" / later / "amount",
                figure.values[earlier].amount,
                figure.values[later].amount,
            )
            return  # one finding a figure: the first disagreement says it


def amounts_disagree(figure: MoneyFigure, path: Path) -> Iterator[Hit]:
    """One amount stated twice is given two values that no rounding reconciles.

    Each writing stands for every amount within half its step («17,5 млн» for 17 450 000 to
    17 550 000 грн), so two writings of one amount may differ by the sum of their
    half-steps, which is the coarser one's when the other is exact.

    Why: a headline that disagrees with the table misleads whoever quotes it.

    Example: a program of «17,5 млн грн» in the headline and «17 мільйонів 440 тисяч» in
    the text: 60 000 грн apart, beyond the 55 000 грн both roundings allow.
    """
    yield from _amount_hits(figure, path, Fit.MISMATCH)


def amounts_rounding_difference(figure: MoneyFigure, path: Path) -> Iterator[Hit]:
    """One amount stated twice differs only as the coarser writing's rounding allows.

    Why: not a fault, but a reader comparing the two figures sees a difference.

    Example: «7,6 млн грн» and «7 578 400 грн» for one fund: 21 600 грн apart, within the
    50 000 грн of the «0,1 млн» rounding.
    """
    yield from _amount_hits(figure, path, Fit.ROUNDING)


# Registered here, not by decorating the checks: mutmut 3 skips decorated functions, and the
# checks' arithmetic must be mutation-tested (docs/contributing.md).
RULES = (
    rule(
        "MR601",
        "figures-contradict",
        Severity.WARNING,
        (Figure, ParticipatoryBudget),
        N_("the figure {found} cannot be true together with {expected} given for the same thing"),
    )(figures_contradict),
    rule(
        "MR602",
        "amounts-disagree",
        Severity.ERROR,
        MoneyFigure,
        N_("the amount {found} cannot be the {expected} given for the same thing"),
    )(amounts_disagree),
    rule(
        "MR603",
        "amounts-rounding-difference",
        Severity.NOTE,
        MoneyFigure,
        N_(
            "the amount {found} differs from the {expected} given for the same thing within its rounding"
        ),
    )(amounts_rounding_difference),
)
