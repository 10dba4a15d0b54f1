"""The screens of the built-in rules: a cheap, conservative check over a program report's
columns for each rule, for the bulk road.

A screen answers "could this rule fire on this document?" from its
:class:`~municipal_reports.domain.columns.ProgramColumns`, without building entities. It
may say yes wrongly (the exact rule then finds nothing), never no wrongly: a property test
over broken-on-purpose documents checks that whenever a screen says no, the exact rule
finds nothing. Most screens are the rule's own arithmetic on ints at the written figures,
minus what only narrows a finding down (bands, which of two rules, the path).

A rule without a screen here (a plugin's, a rule added later) makes :func:`screens_for`
answer ``None``: every document then takes the exact road.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping

from municipal_reports.audit.registry import CheckFunction, Rule, RuleSet
from municipal_reports.audit.rules import percentages, plausibility, references, text, totals
from municipal_reports.audit.walk import applies_within
from municipal_reports.domain.columns import ProgramColumns
from municipal_reports.domain.program import ProgramReport
from municipal_reports.domain.text import may_mix_scripts

__all__ = ["SCREENS", "Screen", "screens_for"]

#: Whether a rule could fire on a document, from its columns (``True`` when unsure).
Screen = Callable[[ProgramColumns], bool]


def _sum(column: list[int | None]) -> int:
    return sum(v for v in column if v is not None)


def _totals_differ(c: ProgramColumns) -> bool:
    """MR101, MR102: a declared column total that is not the measures' sum."""
    total = c.total
    if total is None:
        return False
    for declared, column in (
        (total.indicative, c.indicative),
        (total.annual, c.annual),
        (total.actual, c.actual),
    ):
        if declared is not None and declared.kopecks != _sum(column):
            return True
    return False


def _measure_percents_wrong(c: ProgramColumns) -> bool:
    """MR201, MR205 on measures: a declared percent that is not a correct rounding of
    actual over plan at the written figures (the rounding band only narrows it down)."""
    if c.measures_clean:
        return False
    for d, a, w in zip(c.declared, c.actual, c.plans(), strict=True):
        if d is None or a is None:
            continue
        if w:  # None and zero: no percent to judge
            units, scale = d
            if 2 * abs(units * w - 100 * a * scale) > w:
                return True
    return False


def _total_percent_wrong(c: ProgramColumns) -> bool:
    """MR202, MR205 on the «Всього» row: the declared percent is not a correct rounding of
    total actual over total plan (declared totals where given, else the sums)."""
    declared = c.total_percent
    if declared is None:
        return False
    plan, actual = c.total_plan_and_actual()
    if not plan or actual is None:
        return False
    return 2 * abs(declared.units * plan - 100 * actual * declared.scale) > plan


def _percent_of_zero_plan(c: ProgramColumns) -> bool:
    """MR203: a percent declared where the plan is zero."""
    if c.measures_clean:
        return False
    return any(d is not None and w == 0 for d, w in zip(c.declared, c.plans(), strict=True))


def _actual_above_annual(c: ProgramColumns) -> bool:
    """MR401."""
    if c.measures_clean:
        return False
    return any(
        a is not None and w is not None and a > w for a, w in zip(c.actual, c.annual, strict=True)
    )


def _annual_above_indicative(c: ProgramColumns) -> bool:
    """MR402."""
    if c.measures_clean:
        return False
    return any(
        w is not None and i is not None and w > i
        for w, i in zip(c.annual, c.indicative, strict=True)
    )


def _full_with_nothing_spent(c: ProgramColumns) -> bool:
    """MR403: 100% or more declared where nothing was financed."""
    if c.measures_clean:
        return False
    return any(
        d is not None and d[0] >= 100 * d[1] and not a
        for d, a in zip(c.declared, c.actual, strict=True)
    )


def _period_outside_term(c: ProgramColumns) -> bool:
    """MR501."""
    term = c.program.term
    return term is not None and c.period is not None and c.period not in term


def _terms_outside(c: ProgramColumns) -> bool:
    """MR502."""
    term = c.program.term
    if term is None:
        return False
    return any(
        t is not None and not (term.first <= t.first and t.last <= term.last) for t in c.terms
    )


def _amendment_before_approval(c: ProgramColumns) -> bool:
    """MR503."""
    program = c.program
    approved = program.approved_by.date if program.approved_by is not None else None
    if approved is None:
        return False
    return any(a.date is not None and a.date < approved for a in program.amendments)


def _mixed_scripts(c: ProgramColumns) -> bool:
    """MR701: any text where a Latin letter touches another letter or an apostrophe
    (:func:`~municipal_reports.domain.text.may_mix_scripts`). Texts repeat across a batch
    (notes, executors, titles): each distinct one is judged once, its verdict kept in the
    batch's memo."""
    memo = c.memo
    for value in c.texts:
        verdict = memo.get(value)
        if verdict is None:
            verdict = memo[value] = may_mix_scripts(value)
        if verdict:
            return True
    return False


#: The screen of each built-in rule that applies to a program report, by check function: a
#: screen, or a tuple of screens of which any firing means the rule could fire (MR205 and
#: MR206 on a measure's percent or the «Всього» row's, sharing MR201's and MR202's screens:
#: each screen runs once a document).
SCREENS: Mapping[CheckFunction, Screen | tuple[Screen, ...]] = {
    totals.total_mismatch: _totals_differ,
    totals.total_rounding_difference: _totals_differ,
    percentages.percent_mismatch: _measure_percents_wrong,
    percentages.total_percent_mismatch: _total_percent_wrong,
    percentages.percent_of_zero_plan: _percent_of_zero_plan,
    percentages.percent_rounding_difference: (_measure_percents_wrong, _total_percent_wrong),
    percentages.percent_truncated: (_measure_percents_wrong, _total_percent_wrong),
    plausibility.actual_exceeds_annual: _actual_above_annual,
    plausibility.annual_exceeds_indicative: _annual_above_indicative,
    plausibility.full_execution_nothing_spent: _full_with_nothing_spent,
    references.period_outside_term: _period_outside_term,
    references.measure_term_outside_program: _terms_outside,
    references.amendment_before_approval: _amendment_before_approval,
    text.mixed_script_word: _mixed_scripts,
}


@functools.lru_cache(maxsize=64)
def screens_for(rules: RuleSet) -> tuple[tuple[Screen, frozenset[Rule]], ...] | None:
    """The screens of the rules of ``rules`` that can run on a program report, each once
    with the rules it screens for; ``None`` when one of those rules has no screen (every
    document then takes the exact road)."""
    found: dict[Screen, set[Rule]] = {}
    for r in rules:
        if not applies_within(r, ProgramReport):
            continue
        screens = SCREENS.get(r.function)
        if screens is None:
            return None
        for screen in screens if isinstance(screens, tuple) else (screens,):
            found.setdefault(screen, set()).add(r)
    return tuple((screen, frozenset(screened)) for screen, screened in found.items())
