"""Fused audits: one function per entity class for the built-in rules of that class.

The walk runs each rule of a node's class one after the other. For the classes a program
report holds by the hundred (measures) and for the report itself, several built-in rules
read the same thing: MR201, MR205 and MR206 judge one declared percent (one verdict serves
all three),
MR101 and MR102 compare one set of column sums (summed once, with MR202 and MR205 on the
«Всього» row reusing them). A fused audit computes those once and hands each rule exactly
the hits its own function would give, in the rule set's order.

A fused audit stands in for a rule only when the rule set holds that very rule (the same
check function); any other rule of the class (a plugin's, a rule added later) runs as
usual, in its place in the order. So custom selections and plugins keep working, and a
test compares the fused road with the plain one on broken documents.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from municipal_reports.audit.registry import CheckFunction, Hit
from municipal_reports.audit.rules import percentages, plausibility, references, text, totals
from municipal_reports.domain.program import Measure, ProgramReport
from municipal_reports.domain.text import may_mix_scripts
from municipal_reports.paths import Path

__all__ = ["FUSED", "Fused", "Kernel"]

#: A fused audit: the hits of each rule it stands in for, by code (``None``: no hit at all).
Kernel = Callable[[Any, Path], Mapping[str, tuple[Hit, ...]] | None]


@attrs.frozen
class Fused:
    """The fused audit of one class: the rules' check functions it stands in for, by code."""

    functions: Mapping[str, CheckFunction]
    kernel: Kernel
    #: Whether the kernel could find anything on a node (conservative: ``False`` only when
    #: it certainly finds nothing), so that the walk can pass a clean node by without a
    #: path or a call; ``None`` when there is no cheaper test than the kernel.
    screen: Callable[[Any], bool] | None = None

    def covers(self, code: str, function: CheckFunction) -> bool:
        """Whether this fused audit gives the hits of the rule ``code`` checking ``function``."""
        return self.functions.get(code) is function


def _measure_may_fire(measure: Measure) -> bool:
    """Whether a built-in rule of measures could fire: each rule's condition at its
    cheapest, in ints (conservative: the rules themselves decide)."""
    financing = measure.financing
    actual, annual, indicative = financing.actual, financing.annual, financing.indicative
    spent = 0 if actual is None else actual.kopecks
    if annual is not None:
        if actual is not None and spent > annual.kopecks:
            return True  # MR401
        if indicative is not None and annual.kopecks > indicative.kopecks:
            return True  # MR402
    declared = measure.declared_percent
    if declared is not None:
        units, scale = declared.units, declared.scale
        if not spent and units >= 100 * scale:
            return True  # MR403
        plan = financing.plan
        if plan is not None:
            w = plan.kopecks
            if not w:
                return True  # MR203
            if actual is not None and 2 * abs(units * w - 100 * spent * scale) > w:
                return True  # MR201, MR205
    # MR701, both texts at once: the line break between them touches no letter.
    return may_mix_scripts(f"{measure.content}\n{measure.note}")


def _measure(measure: Measure, path: Path) -> dict[str, tuple[Hit, ...]] | None:
    if not _measure_may_fire(measure):
        return None  # the common case, decided without a rule's call
    mismatch, rounding, truncated = percentages.measure_percent_hits(measure, path)
    zero_plan = percentages.percent_of_zero_plan(measure, path)
    above_annual = plausibility.actual_exceeds_annual(measure, path)
    above_indicative = plausibility.annual_exceeds_indicative(measure, path)
    nothing_spent = plausibility.full_execution_nothing_spent(measure, path)
    mixed = text.mixed_script_word(measure, path)
    if (
        not (mismatch or rounding or zero_plan or above_annual or above_indicative or nothing_spent)
        and not truncated
        and not mixed
    ):
        return None  # the common case: a clean measure
    return {
        "MR201": mismatch,
        "MR203": zero_plan,
        "MR205": rounding,
        "MR206": truncated,
        "MR401": above_annual,
        "MR402": above_indicative,
        "MR403": nothing_spent,
        "MR701": tuple(mixed),
    }


def _report(report: ProgramReport, path: Path) -> dict[str, tuple[Hit, ...]] | None:
    sums = report.totals() if report.total is not None or report.total_percent is not None else None
    mismatch, rounding = ((), ()) if sums is None else totals.report_total_hits(sums, path)
    percent_mismatch, percent_rounding, percent_truncated = (
        ((), (), ()) if sums is None else percentages.total_percent_hits(report, path, sums)
    )
    outside = tuple(references.period_outside_term(report, path))
    terms = tuple(references.measure_term_outside_program(report, path))
    if not (
        mismatch
        or rounding
        or percent_mismatch
        or percent_rounding
        or percent_truncated
        or outside
        or terms
    ):
        return None
    return {
        "MR101": mismatch,
        "MR102": rounding,
        "MR202": percent_mismatch,
        "MR205": percent_rounding,
        "MR206": percent_truncated,
        "MR501": outside,
        "MR502": terms,
    }


#: The fused audit of each class that has one.
FUSED: Mapping[type, Fused] = {
    Measure: Fused(
        {
            "MR201": percentages.percent_mismatch,
            "MR203": percentages.percent_of_zero_plan,
            "MR205": percentages.percent_rounding_difference,
            "MR206": percentages.percent_truncated,
            "MR401": plausibility.actual_exceeds_annual,
            "MR402": plausibility.annual_exceeds_indicative,
            "MR403": plausibility.full_execution_nothing_spent,
            "MR701": text.mixed_script_word,
        },
        _measure,
        _measure_may_fire,
    ),
    ProgramReport: Fused(
        {
            "MR101": totals.total_mismatch,
            "MR102": totals.total_rounding_difference,
            "MR202": percentages.total_percent_mismatch,
            "MR205": percentages.percent_rounding_difference,
            "MR206": percentages.percent_truncated,
            "MR501": references.period_outside_term,
            "MR502": references.measure_term_outside_program,
        },
        _report,
    ),
}
