"""MR6xx: approximate figures against exact ones for the same thing."""

from __future__ import annotations

from collections.abc import Iterator

from municipal_reports.audit.finding import Severity
from municipal_reports.audit.registry import Hit, rule
from municipal_reports.domain.facts import Figure, ParticipatoryBudget
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
)
