"""MR4xx: funding that is possible but suspicious."""

from __future__ import annotations

from collections.abc import Iterator

from municipal_reports.audit.finding import Severity
from municipal_reports.audit.registry import Hit, rule
from municipal_reports.domain.facts import ProjectCap
from municipal_reports.domain.money import Money
from municipal_reports.domain.program import Measure
from municipal_reports.i18n.messages import N_
from municipal_reports.paths import Path

__all__ = ["RULES"]


def actual_exceeds_annual(measure: Measure, path: Path) -> tuple[Hit, ...]:
    """More was financed in the period than the annual plan provides.

    Why: spending beyond the plan needs an amendment; often it is a unit mistake (a figure
    in грн in a «тис. грн» column).

    Example: annual plan 200,0 тис. грн, financed 249 000,00 тис. грн.
    """
    fin = measure.financing
    if fin.actual is not None and fin.annual is not None and fin.actual > fin.annual:
        return (Hit(path / "financing" / "actual", fin.annual, fin.actual),)
    return ()


def annual_exceeds_indicative(measure: Measure, path: Path) -> tuple[Hit, ...]:
    """The annual plan is larger than the indicative amount for the whole program term.

    Why: one year's plan cannot need more than the whole term's; usually a unit mistake.

    Example: indicative 20,0, annual 40,0 тис. грн.
    """
    fin = measure.financing
    if fin.annual is not None and fin.indicative is not None and fin.annual > fin.indicative:
        return (Hit(path / "financing" / "annual", fin.indicative, fin.annual),)
    return ()


def full_execution_nothing_spent(measure: Measure, path: Path) -> tuple[Hit, ...]:
    """A measure is declared fully executed (100% or more) with nothing financed.

    Why: either the work was paid from elsewhere (the note should say so) or the percent
    describes something other than financing.

    Example: plan 4,0, actual 0,00 тис. грн, declared «100%».
    """
    declared, actual = measure.declared_percent, measure.financing.actual
    if declared is not None and declared.units >= 100 * declared.scale and not actual:
        return (Hit(path / "declared_percent", None, declared),)
    return ()


def _cap_fits(cap: ProjectCap) -> bool:
    assert cap.base is not None
    assert cap.reserve is not None
    # Two readings occur: the reserve as a share of the base (base × (1 + r)), and as a
    # share of the cap itself (base = cap × (1 − r)). Either one holding is consistent.
    r_units, scale = cap.reserve.units, 100 * cap.reserve.scale
    on_base = cap.base.kopecks * (scale + r_units) == cap.limit.kopecks * scale
    on_cap = cap.limit.kopecks * (scale - r_units) == cap.base.kopecks * scale
    return on_base or on_cap


def cap_reserve_mismatch(cap: ProjectCap, path: Path) -> Iterator[Hit]:
    """A project cap given as a base plus a reserve does not follow from them.

    The reserve may be a share of the base or a share of the cap: «до 1 млн 500 тис грн
    (1 млн 350 тис грн + 10% резерву)» holds with the reserve as 10% of the cap.

    Example: «до 1 600 000 грн (1 350 000 грн + 10% резерву)».
    """
    if cap.base is None or cap.reserve is None or _cap_fits(cap):
        return
    params = (("base", cap.base), ("reserve", cap.reserve))
    expected = Money.from_kopecks(
        cap.base.kopecks
        * (100 * cap.reserve.scale + cap.reserve.units)
        // (100 * cap.reserve.scale)
    )
    yield Hit(path / "limit", expected, cap.limit, params)


# Registered here, not by decorating the checks: mutmut 3 skips decorated functions, and the
# checks' arithmetic must be mutation-tested (docs/contributing.md).
RULES = (
    rule(
        "MR401",
        "actual-exceeds-annual",
        Severity.WARNING,
        Measure,
        N_("{found} was financed, more than the annual plan of {expected}"),
    )(actual_exceeds_annual),
    rule(
        "MR402",
        "annual-exceeds-indicative",
        Severity.WARNING,
        Measure,
        N_("the annual plan of {found} is more than the {expected} indicated for the whole term"),
    )(annual_exceeds_indicative),
    rule(
        "MR403",
        "full-execution-nothing-spent",
        Severity.WARNING,
        Measure,
        N_("execution is declared as {found} while nothing was financed"),
    )(full_execution_nothing_spent),
    rule(
        "MR404",
        "cap-reserve-mismatch",
        Severity.WARNING,
        ProjectCap,
        N_("the cap of {found} does not follow from {base} plus a {reserve} reserve"),
    )(cap_reserve_mismatch),
)
