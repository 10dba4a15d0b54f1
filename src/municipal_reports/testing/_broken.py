"""Objects broken on purpose: exactly one audit rule, at a known path.

:func:`broken` takes a valid object (or a strategy of them), finds every place where one
of the rules below can be broken without breaking another, breaks one, and returns the
object with the rule's code and the path at which the audit reports it. A user asserts
that their validator (or ours) catches it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final, Generic, TypeVar

import attrs
from hypothesis import reject
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from municipal_reports.domain.band import Band
from municipal_reports.domain.council import CouncilActivity
from municipal_reports.domain.document import Report, ReportMeta, Section
from municipal_reports.domain.facts import (
    AwardBatch,
    AwardShare,
    Breakdown,
    DeputyFundAllocation,
    Figure,
    ListedItems,
    MoneyBreakdown,
    ParticipatoryBudget,
    ProjectCap,
)
from municipal_reports.domain.money import Money
from municipal_reports.domain.percent import Percent, is_correct_rounding
from municipal_reports.domain.period import MAX_YEAR, ReportingPeriod, YearSpan
from municipal_reports.domain.program import (
    Financing,
    Measure,
    Program,
    ProgramReport,
    Task,
)
from municipal_reports.domain.quantity import Quantity, interval_sum
from municipal_reports.domain.references import Decision
from municipal_reports.paths import Path
from municipal_reports.testing._values import correct_percent

__all__ = ["BREAKABLE_RULES", "Broken", "broken"]

T = TypeVar("T")
Keys = tuple[str | int, ...]


@attrs.frozen
class Broken(Generic[T]):
    """An object that breaks exactly one rule: the object, the rule's code, and the path
    (``$.tasks[0].measures[2].declared_percent``) at which the audit reports it."""

    obj: T
    rule: str
    path: str


@attrs.frozen
class _Breaker:
    """How to break one rule on one type of node: whether it can here, and how."""

    rule: str
    kind: type
    applies: Callable[[Any, bool], bool]
    apply: Callable[[Any, st.DrawFn], tuple[Any, Keys]]


def _k(draw: st.DrawFn, high: int = 50) -> int:
    return draw(st.integers(1, high))


def _wrong_percent(
    draw: st.DrawFn,
    declared: Percent,
    part: Money | int,
    whole: Money | int,
    *,
    below_full: bool = False,
    bands: tuple[Band, Band] = (Band(), Band()),
) -> Percent:
    """A percent with ``declared``'s decimals that is not a correct rounding of part/whole,
    nor of any figures within the rounding ``bands`` (part, whole) of the written ones."""

    def is_right(units: int) -> bool:
        candidate = Percent.from_units(units, right.decimals)
        return is_correct_rounding(candidate, part, whole) or is_correct_rounding(
            candidate, part, whole, part_step=bands[0].width, whole_step=bands[1].width
        )

    right = correct_percent(part, whole, min(declared.decimals, 2))
    scale = right.scale
    units = right.units + _k(draw, 20 * scale)
    if below_full or draw(st.booleans()):
        units = right.units - _k(draw, 20 * scale)
        if units < 0 or is_right(units):
            units = right.units + scale
    if below_full and units >= 100 * scale:
        units = right.units + 1 if right.units + 1 < 100 * scale else 0
    whole_units = whole.kopecks if isinstance(whole, Money) else whole
    if not bands[1].is_exact and bands[1].allows(whole_units):
        reject()  # the plan's rounding band reaches zero: every percentage fits it
    while is_right(units):
        units += scale
    return Percent.from_units(units, right.decimals)


# -- MR1xx totals ------------------------------------------------------------------------


def _total_can_move(r: ProgramReport, _root: bool) -> bool:
    t = r.total
    if t is None or t.indicative is None:
        return False
    # Moving the indicative total must not move a declared total percent's plan.
    return r.total_percent is None or r.totals().plan is not r.totals().indicative


def _move_total(r: ProgramReport, draw: st.DrawFn) -> tuple[Any, Keys]:
    assert r.total is not None
    assert r.total.indicative is not None
    column = r.totals().indicative
    step = column.step
    k = column.fit_band.width // (2 * step) + _k(draw)  # beyond the rounding band
    total = attrs.evolve(r.total, indicative=r.total.indicative + Money.from_kopecks(k * step))
    return attrs.evolve(r, total=total), ("total", "indicative")


def _move_money_total(b: MoneyBreakdown, draw: st.DrawFn) -> tuple[Any, Keys]:
    step = b.written.step
    k = b.band.width // (2 * step.kopecks) + _k(draw)  # beyond the rounding band
    return attrs.evolve(b, total=b.total + step * k), ("total",)


def _move_fund(f: DeputyFundAllocation, draw: st.DrawFn) -> tuple[Any, Keys]:
    return attrs.evolve(f, fund_total=f.fund_total + Money.from_kopecks(_k(draw, 10**6))), (
        "fund_total",
    )


def _count_total_can_move(b: Breakdown, _root: bool) -> bool:
    return bool(b.parts) and interval_sum(p.value for p in b.parts).high is not None


def _move_count_total(b: Breakdown, draw: st.DrawFn) -> tuple[Any, Keys]:
    high = interval_sum(p.value for p in b.parts).high
    assert high is not None
    return attrs.evolve(b, total=Quantity(high + _k(draw))), ("total",)


# -- MR2xx percentages -------------------------------------------------------------------


def _measure_percent_can_move(m: Measure, _root: bool) -> bool:
    plan = m.financing.plan
    return m.declared_percent is not None and m.financing.actual is not None and bool(plan)


def _move_measure_percent(m: Measure, draw: st.DrawFn) -> tuple[Any, Keys]:
    plan, actual = m.financing.plan, m.financing.actual
    assert m.declared_percent is not None
    assert plan is not None
    assert actual is not None
    # With nothing spent, stay under 100% so as not to look «fully executed» (MR403).
    wrong = _wrong_percent(draw, m.declared_percent, actual, plan, below_full=not actual)
    return attrs.evolve(m, declared_percent=wrong), ("declared_percent",)


def _measures_with_percent(r: ProgramReport) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, t in enumerate(r.tasks)
        for j, m in enumerate(t.measures)
        if _measure_percent_can_move(m, False)
    ]


def _move_percent_in_report(r: ProgramReport, draw: st.DrawFn) -> tuple[Any, Keys]:
    """A measure's percent made wrong beyond what its table's rounding allows (MR201, not
    the MR205 note)."""
    i, j = draw(st.sampled_from(_measures_with_percent(r)))
    m = r.tasks[i].measures[j]
    plan, actual, plan_column = m.financing.plan, m.financing.actual, m.financing.plan_column
    assert m.declared_percent is not None
    assert plan is not None
    assert actual is not None
    assert plan_column is not None
    bands = (r.columns.band("actual"), r.columns.band(plan_column))
    wrong = _wrong_percent(
        draw, m.declared_percent, actual, plan, below_full=not actual, bands=bands
    )
    if not actual and wrong.units >= 100 * wrong.scale:
        reject()  # nothing spent and ≥ 100% would also be MR403
    new = attrs.evolve(m, declared_percent=wrong)
    task = attrs.evolve(r.tasks[i], measures=_replace_item(r.tasks[i].measures, j, new))
    return attrs.evolve(r, tasks=_replace_item(r.tasks, i, task)), (
        "tasks",
        i,
        "measures",
        j,
        "declared_percent",
    )


def _report_percent_can_move(r: ProgramReport, _root: bool) -> bool:
    totals = r.totals()
    plan = totals.plan
    return (
        r.total_percent is not None
        and plan is not None
        and bool(plan.value)
        and totals.actual.value is not None
    )


def _move_report_percent(r: ProgramReport, draw: st.DrawFn) -> tuple[Any, Keys]:
    totals = r.totals()
    plan, actual = totals.plan, totals.actual
    assert r.total_percent is not None
    assert plan is not None
    assert plan.value is not None
    assert actual.value is not None
    # Wrong beyond the bands the audit allows the totals (the domain's, as the rule's).
    wrong = _wrong_percent(
        draw, r.total_percent, actual.value, plan.value, bands=(actual.band, plan.band)
    )
    return attrs.evolve(r, total_percent=wrong), ("total_percent",)


def _shares_with_both(b: AwardBatch) -> list[int]:
    if b.awarded is None or not b.awarded.is_exact or b.awarded.value == 0:
        return []
    return [i for i, s in enumerate(b.shares) if s.percent is not None and s.count is not None]


def _move_share_percent(b: AwardBatch, draw: st.DrawFn) -> tuple[Any, Keys]:
    choices = _shares_with_both(b)
    i = choices[draw(st.integers(0, len(choices) - 1))]
    share = b.shares[i]
    assert share.percent is not None
    assert share.count is not None
    assert b.awarded is not None
    wrong = _wrong_percent(draw, share.percent, share.count, b.awarded.value)
    shares = _replace_item(b.shares, i, attrs.evolve(share, percent=wrong))
    return attrs.evolve(b, shares=shares), ("shares", i, "percent")


# -- MR3xx parts against wholes ----------------------------------------------------------


def _high(q: Quantity | None) -> int | None:
    return None if q is None else q.interval.high


def _move_extraordinary(a: CouncilActivity, draw: st.DrawFn) -> tuple[Any, Keys]:
    assert a.plenary_meetings is not None
    return attrs.evolve(a, extraordinary_meetings=a.plenary_meetings + _k(draw)), (
        "extraordinary_meetings",
    )


def _move_session_count(a: CouncilActivity, draw: st.DrawFn) -> tuple[Any, Keys]:
    assert a.plenary_meetings is not None
    return attrs.evolve(a, session_count=a.plenary_meetings + _k(draw)), ("session_count",)


def _move_nominated(b: AwardBatch, draw: st.DrawFn) -> tuple[Any, Keys]:
    assert b.awarded is not None
    low = b.awarded.interval.low
    return attrs.evolve(b, nominated=Quantity(low - _k(draw, low))), ("awarded",)


def _move_posthumous(b: AwardBatch, draw: st.DrawFn) -> tuple[Any, Keys]:
    high = _high(b.awarded)
    assert high is not None
    return attrs.evolve(b, posthumous=high + _k(draw)), ("posthumous",)


def _move_share_count(b: AwardBatch, draw: st.DrawFn) -> tuple[Any, Keys]:
    high = _high(b.awarded)
    assert high is not None
    i = draw(st.integers(0, len(b.shares) - 1))
    # The percent goes: a count above the whole has no share to agree with (MR204).
    share = AwardShare(b.shares[i].label, None, high + _k(draw))
    return attrs.evolve(b, shares=_replace_item(b.shares, i, share)), ("shares", i, "count")


def _move_submitted(p: ParticipatoryBudget, draw: st.DrawFn) -> tuple[Any, Keys]:
    assert p.admitted is not None
    return attrs.evolve(p, submitted=p.admitted - _k(draw, p.admitted)), ("admitted",)


def _move_admitted(p: ParticipatoryBudget, draw: st.DrawFn) -> tuple[Any, Keys]:
    assert p.winners is not None
    return attrs.evolve(p, admitted=p.winners - _k(draw, p.winners)), ("winners",)


def _move_declared_count(li: ListedItems, draw: st.DrawFn) -> tuple[Any, Keys]:
    n = len(li.items)
    k = _k(draw, 10)
    count = n - k if n >= k and draw(st.booleans()) else n + k
    return attrs.evolve(li, declared_count=count), ("declared_count",)


def _move_flow(a: CouncilActivity, draw: st.DrawFn) -> tuple[Any, Keys]:
    assert a.drafts is not None
    drafts = attrs.evolve(a.drafts, added=a.drafts.added + _k(draw))
    return attrs.evolve(a, drafts=drafts), ("decisions_adopted",)


def _move_plenary(a: CouncilActivity, draw: st.DrawFn) -> tuple[Any, Keys]:
    assert a.plenary_meetings is not None
    return attrs.evolve(a, plenary_meetings=a.plenary_meetings + _k(draw)), ("plenary_meetings",)


def _votes_can_move(p: ParticipatoryBudget, _root: bool) -> bool:
    return (
        p.votes is not None
        and p.votes_per_voter is not None
        and any(v.interval.high is not None for v in p.voters)
    )


def _move_votes(p: ParticipatoryBudget, draw: st.DrawFn) -> tuple[Any, Keys]:
    assert p.votes_per_voter is not None
    most = max(h for v in p.voters if (h := v.interval.high) is not None)
    return attrs.evolve(p, votes=Quantity(most * p.votes_per_voter + _k(draw))), ("votes",)


# -- MR4xx plausibility ------------------------------------------------------------------


def _with_financing(m: Measure, fin: Financing) -> Measure:
    """``m`` with new money and, if it declared one, the percent that goes with it."""
    declared = m.declared_percent
    plan = fin.plan
    if declared is not None and plan and fin.actual is not None:
        declared = correct_percent(fin.actual, plan, min(declared.decimals, 2))
    return attrs.evolve(m, financing=fin, declared_percent=declared)


def _overspend(fin: Financing, draw: st.DrawFn, step: int) -> Financing:
    assert fin.annual is not None
    return attrs.evolve(
        fin, actual=Money.from_kopecks((fin.annual.kopecks // step + _k(draw)) * step)
    )


def _overplan(fin: Financing, draw: st.DrawFn, step: int) -> Financing:
    assert fin.indicative is not None
    return attrs.evolve(
        fin, annual=Money.from_kopecks((fin.indicative.kopecks // step + _k(draw)) * step)
    )


def _can_overspend(m: Measure, root: bool) -> bool:
    f = m.financing
    return root and f.actual is not None and bool(f.annual)


def _can_overplan(m: Measure, root: bool) -> bool:
    f = m.financing
    return root and f.indicative is not None and bool(f.annual)


def _measures_where(r: ProgramReport, ok: Callable[[Measure], bool]) -> list[tuple[int, int]]:
    return [(i, j) for i, t in enumerate(r.tasks) for j, m in enumerate(t.measures) if ok(m)]


def _retotal(r: ProgramReport, tasks: tuple[Task, ...]) -> ProgramReport:
    """``r`` with new tasks, its «Всього» row and total percent derived again from them."""
    new = attrs.evolve(r, tasks=tasks)
    if r.total is None:
        return new
    sums = {
        column.column: column.summed
        for column in new.totals().columns()
        if getattr(r.total, column.column) is not None
    }
    new = attrs.evolve(new, total=attrs.evolve(r.total, **sums))
    totals = new.totals()
    plan, actual = totals.plan, totals.actual.value
    if r.total_percent is not None and plan is not None and plan.value and actual is not None:
        new = attrs.evolve(
            new,
            total_percent=correct_percent(actual, plan.value, min(r.total_percent.decimals, 2)),
        )
    return new


def _report_measure_breaker(
    ok: Callable[[Measure], bool],
    change: Callable[[Financing, st.DrawFn, int], Financing],
    column: str,
) -> tuple[Callable[[Any, bool], bool], Callable[[Any, st.DrawFn], tuple[Any, Keys]]]:
    def applies(r: ProgramReport, _root: bool) -> bool:
        return bool(_measures_where(r, ok))

    def apply(r: ProgramReport, draw: st.DrawFn) -> tuple[Any, Keys]:
        places = _measures_where(r, ok)
        i, j = places[draw(st.integers(0, len(places) - 1))]
        step = getattr(r.columns, column).step.kopecks
        measure = r.tasks[i].measures[j]
        changed = _with_financing(measure, change(measure.financing, draw, step))
        task = attrs.evolve(r.tasks[i], measures=_replace_item(r.tasks[i].measures, j, changed))
        return _retotal(r, _replace_item(r.tasks, i, task)), (
            "tasks",
            i,
            "measures",
            j,
            "financing",
            column,
        )

    return applies, apply


def _spends(m: Measure) -> bool:
    return _can_overspend(m, True)


def _plans(m: Measure) -> bool:
    return _can_overplan(m, True)


_OVERSPEND_IN_REPORT = _report_measure_breaker(_spends, _overspend, "actual")
_OVERPLAN_IN_REPORT = _report_measure_breaker(_plans, _overplan, "annual")


def _move_cap(c: ProjectCap, draw: st.DrawFn) -> tuple[Any, Keys]:
    assert c.base is not None
    assert c.reserve is not None
    limit = c.limit + Money.from_kopecks(100 * _k(draw))
    scale, r = 100 * c.reserve.scale, c.reserve.units
    while (
        c.base.kopecks * (scale + r) == limit.kopecks * scale
        or limit.kopecks * (scale - r) == c.base.kopecks * scale
    ):
        limit += Money.from_kopecks(100)
    return attrs.evolve(c, limit=limit), ("limit",)


# -- MR5xx references --------------------------------------------------------------------


def _period_can_move(r: ProgramReport, _root: bool) -> bool:
    return r.program.term is not None and r.program.term.last < MAX_YEAR


def _move_period(r: ProgramReport, draw: st.DrawFn) -> tuple[Any, Keys]:
    assert r.program.term is not None
    year = min(MAX_YEAR, r.program.term.last + _k(draw, 3))
    return attrs.evolve(r, period=ReportingPeriod.year(year)), ("period",)


def _measure_term_can_move(r: ProgramReport, root: bool) -> bool:
    return _period_can_move(r, root) and bool(r.measures())


def _move_measure_term(r: ProgramReport, draw: st.DrawFn) -> tuple[Any, Keys]:
    term = r.program.term
    assert term is not None
    places = _measures_where(r, lambda m: True)
    i, j = places[draw(st.integers(0, len(places) - 1))]
    span = YearSpan(term.first, min(MAX_YEAR, term.last + _k(draw, 3)))
    measure = attrs.evolve(r.tasks[i].measures[j], term=span)
    task = attrs.evolve(r.tasks[i], measures=_replace_item(r.tasks[i].measures, j, measure))
    return attrs.evolve(r, tasks=_replace_item(r.tasks, i, task)), (
        "tasks",
        i,
        "measures",
        j,
        "term",
    )


def _fresh_number(decisions: Iterable[Decision | None]) -> str:
    numbers = [
        int(d.number) for d in decisions if d is not None and d.number and d.number.isdigit()
    ]
    return str(max(numbers, default=0) + 1000)


def _approval_has_date(p: Program, _root: bool) -> bool:
    return (
        p.approved_by is not None
        and p.approved_by.date is not None
        and p.approved_by.date.year > 1900
    )


def _add_early_amendment(p: Program, draw: st.DrawFn) -> tuple[Any, Keys]:
    assert p.approved_by is not None
    assert p.approved_by.date is not None
    day = max(dt.date(1900, 1, 1), p.approved_by.date - dt.timedelta(days=_k(draw, 365)))
    # A new decision with a number of its own, so no other citation disagrees with it (MR505).
    amendment = Decision(
        day, _fresh_number((p.approved_by, *p.amendments)), body=p.approved_by.body
    )
    return attrs.evolve(p, amendments=(*p.amendments, amendment)), (
        "amendments",
        len(p.amendments),
        "date",
    )


def _cited_programs(r: Report) -> list[ProgramReport]:
    return [
        f
        for _, f in r.program_reports()
        if f.program.approved_by is not None
        and f.program.approved_by.date is not None
        and f.program.approved_by.date.year > 1900
    ]


def _cite_differently(r: Report, draw: st.DrawFn) -> tuple[Any, Keys]:
    original = _cited_programs(r)[0]
    approved = original.program.approved_by
    assert approved is not None
    assert approved.date is not None
    other = Decision(
        max(dt.date(1900, 1, 1), approved.date - dt.timedelta(days=_k(draw, 60))),
        _fresh_number((approved, *original.program.amendments)),
        body=approved.body,
    )
    copy = attrs.evolve(original, program=attrs.evolve(original.program, approved_by=other))
    last = len(r.sections) - 1
    section = r.sections[last]
    sections = _replace_item(r.sections, last, attrs.evolve(section, facts=(*section.facts, copy)))
    return attrs.evolve(r, sections=sections), (
        "sections",
        last,
        "facts",
        len(section.facts),
        "program",
        "approved_by",
    )


# -- MR6xx approximate figures -----------------------------------------------------------


def _all_bounded(values: tuple[Quantity, ...]) -> bool:
    return bool(values) and all(v.interval.high is not None for v in values)


def _contradict_figure(f: Figure, draw: st.DrawFn) -> tuple[Any, Keys]:
    most = max(v.interval.high or 0 for v in f.values)
    return attrs.evolve(f, values=(*f.values, Quantity(most + _k(draw, 1000)))), (
        "values",
        len(f.values),
    )


def _contradict_voters(p: ParticipatoryBudget, draw: st.DrawFn) -> tuple[Any, Keys]:
    most = max(v.interval.high or 0 for v in p.voters)
    return attrs.evolve(p, voters=(*p.voters, Quantity(most + _k(draw, 1000)))), (
        "voters",
        len(p.voters),
    )


# -- MR7xx text --------------------------------------------------------------------------

_TEXT_FIELDS: Final[dict[type, tuple[str, ...]]] = {
    ReportMeta: ("title",),
    Section: ("title", "paragraphs"),
    Program: ("title",),
    Task: ("title",),
    Measure: ("content", "note"),
}
# Cyrillic letters and the Latin letters that look like them.
_LOOKALIKE: Final = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "і": "i"}


def _swappable(text: str) -> list[int]:
    """Positions of a look-alike letter inside a word with another Cyrillic letter."""
    found = []
    for i, ch in enumerate(text):
        if ch in _LOOKALIKE:
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if ("\u0400" <= before <= "\u04ff") or ("\u0400" <= after <= "\u04ff"):
                found.append(i)
    return found


def _texts(node: object) -> list[tuple[Keys, str]]:
    found: list[tuple[Keys, str]] = []
    for name in _TEXT_FIELDS[type(node)]:
        value = getattr(node, name)
        if isinstance(value, tuple):
            found.extend(((name, k), text) for k, text in enumerate(value))
        else:
            found.append(((name,), value))
    return [(keys, text) for keys, text in found if _swappable(text)]


def _mix_scripts(node: object, draw: st.DrawFn) -> tuple[Any, Keys]:
    places = _texts(node)
    keys, text = places[draw(st.integers(0, len(places) - 1))]
    spots = _swappable(text)
    i = spots[draw(st.integers(0, len(spots) - 1))]
    mixed = text[:i] + _LOOKALIKE[text[i]] + text[i + 1 :]
    return _replace(node, keys, mixed), keys


# -- the catalogue -----------------------------------------------------------------------


def _always(_node: object, _root: bool) -> bool:
    return True


def _where(test: Callable[[Any], bool]) -> Callable[[Any, bool], bool]:
    return lambda node, _root: test(node)


_BREAKERS: Final[tuple[_Breaker, ...]] = (
    _Breaker("MR101", ProgramReport, _total_can_move, _move_total),
    _Breaker("MR101", MoneyBreakdown, _always, _move_money_total),
    _Breaker("MR101", DeputyFundAllocation, _always, _move_fund),
    _Breaker("MR101", Breakdown, _count_total_can_move, _move_count_total),
    # A measure on its own is judged exactly; inside a report, against its table's rounding.
    _Breaker(
        "MR201",
        Measure,
        lambda m, root: root and _measure_percent_can_move(m, root),
        _move_measure_percent,
    ),
    _Breaker(
        "MR201",
        ProgramReport,
        _where(lambda r: bool(_measures_with_percent(r))),
        _move_percent_in_report,
    ),
    _Breaker("MR202", ProgramReport, _report_percent_can_move, _move_report_percent),
    _Breaker(
        "MR204", AwardBatch, _where(lambda b: bool(_shares_with_both(b))), _move_share_percent
    ),
    _Breaker(
        "MR301",
        CouncilActivity,
        _where(lambda a: a.plenary_meetings is not None),
        _move_extraordinary,
    ),
    _Breaker(
        "MR302",
        CouncilActivity,
        _where(lambda a: a.plenary_meetings is not None and not a.sessions),
        _move_session_count,
    ),
    _Breaker(
        "MR303",
        AwardBatch,
        _where(lambda b: b.awarded is not None and b.awarded.interval.low >= 1),
        _move_nominated,
    ),
    _Breaker("MR304", AwardBatch, _where(lambda b: _high(b.awarded) is not None), _move_posthumous),
    _Breaker(
        "MR305",
        AwardBatch,
        _where(lambda b: _high(b.awarded) is not None and bool(b.shares)),
        _move_share_count,
    ),
    _Breaker("MR306", ParticipatoryBudget, _where(lambda p: bool(p.admitted)), _move_submitted),
    _Breaker(
        "MR307",
        ParticipatoryBudget,
        _where(lambda p: bool(p.winners) and p.admitted is not None),
        _move_admitted,
    ),
    _Breaker("MR308", ListedItems, _always, _move_declared_count),
    _Breaker(
        "MR309",
        CouncilActivity,
        _where(lambda a: a.drafts is not None and a.decisions_adopted is not None),
        _move_flow,
    ),
    _Breaker(
        "MR310",
        CouncilActivity,
        _where(
            lambda a: (
                bool(a.sessions)
                and a.plenary_meetings is not None
                and all(s.plenary_meetings is not None for s in a.sessions)
            )
        ),
        _move_plenary,
    ),
    _Breaker("MR311", ParticipatoryBudget, _votes_can_move, _move_votes),
    _Breaker(
        "MR401",
        Measure,
        _can_overspend,
        lambda m, draw: (
            _with_financing(m, _overspend(m.financing, draw, 100)),
            ("financing", "actual"),
        ),
    ),
    _Breaker("MR401", ProgramReport, *_OVERSPEND_IN_REPORT),
    _Breaker(
        "MR402",
        Measure,
        _can_overplan,
        lambda m, draw: (
            _with_financing(m, _overplan(m.financing, draw, 100)),
            ("financing", "annual"),
        ),
    ),
    _Breaker("MR402", ProgramReport, *_OVERPLAN_IN_REPORT),
    _Breaker(
        "MR404",
        ProjectCap,
        _where(lambda c: c.base is not None and c.reserve is not None),
        _move_cap,
    ),
    _Breaker("MR501", ProgramReport, _period_can_move, _move_period),
    _Breaker("MR502", ProgramReport, _measure_term_can_move, _move_measure_term),
    _Breaker("MR503", Program, _approval_has_date, _add_early_amendment),
    _Breaker("MR504", Report, _where(lambda r: bool(_cited_programs(r))), _cite_differently),
    _Breaker("MR601", Figure, _where(lambda f: _all_bounded(f.values)), _contradict_figure),
    _Breaker(
        "MR601", ParticipatoryBudget, _where(lambda p: _all_bounded(p.voters)), _contradict_voters
    ),
    *(
        _Breaker("MR701", kind, _where(lambda n: bool(_texts(n))), _mix_scripts)
        for kind in _TEXT_FIELDS
    ),
)

#: The codes of the rules :func:`broken` knows how to break.
BREAKABLE_RULES: Final[tuple[str, ...]] = tuple(sorted({b.rule for b in _BREAKERS}))


def _replace_item(items: tuple[T, ...], i: int, new: T) -> tuple[T, ...]:
    return (*items[:i], new, *items[i + 1 :])


def _replace(node: Any, keys: Keys, new: object) -> Any:
    """``node`` with the value at ``keys`` below it replaced by ``new``."""
    if not keys:
        return new
    key, rest = keys[0], keys[1:]
    if isinstance(key, int):
        return _replace_item(node, key, _replace(node[key], rest, new))
    return attrs.evolve(node, **{key: _replace(getattr(node, key), rest, new)})


def _sites(node: object, keys: Keys = ()) -> Iterator[tuple[Keys, object]]:
    """Every attrs object in the tree below ``node`` (itself included), with its keys."""
    yield keys, node
    for field in attrs.fields(type(node)):  # type: ignore[arg-type]  # an attrs class here
        value = getattr(node, field.name)
        if isinstance(value, tuple):
            for i, item in enumerate(value):
                if attrs.has(type(item)):
                    yield from _sites(item, (*keys, field.name, i))
        elif attrs.has(type(value)):
            yield from _sites(value, (*keys, field.name))


def _candidates(obj: object, rules: frozenset[str]) -> list[tuple[Keys, _Breaker]]:
    found = []
    for keys, node in _sites(obj):
        for b in _BREAKERS:
            if b.rule in rules and type(node) is b.kind and b.applies(node, not keys):
                found.append((keys, b))
    return found


def _break(draw: st.DrawFn, obj: T, rules: frozenset[str]) -> Broken[T]:
    candidates = _candidates(obj, rules)
    if not candidates:
        reject()
    keys, breaker = candidates[draw(st.integers(0, len(candidates) - 1))]
    site = obj
    for key in keys:
        site = site[key] if isinstance(key, int) else getattr(site, key)  # type: ignore[index]
    new_site, relative = breaker.apply(site, draw)
    path = Path()
    for key in (*keys, *relative):
        path = path / key
    return Broken(_replace(obj, keys, new_site), breaker.rule, str(path))


def broken(
    valid: T | st.SearchStrategy[T], *, rules: Iterable[str] | None = None
) -> st.SearchStrategy[Broken[T]]:
    """Objects that break exactly one of ``rules`` (default: every rule in
    :data:`BREAKABLE_RULES`), with the rule's code and the path the audit reports.

    ``valid`` is a valid object or a strategy of valid objects (any strategy of this
    module). Drawn objects with no place to break one of ``rules`` are rejected; a single
    object with none is an :class:`~hypothesis.errors.InvalidArgument`.
    """
    chosen = frozenset(BREAKABLE_RULES if rules is None else rules)
    unknown = chosen - set(BREAKABLE_RULES)
    if isinstance(rules, str) or unknown or not chosen:
        raise InvalidArgument(
            f"rules={rules!r} must be a non-empty collection of codes from {BREAKABLE_RULES}"
        )
    if isinstance(valid, st.SearchStrategy):
        strategy: st.SearchStrategy[T] = valid
    elif attrs.has(type(valid)):
        if not _candidates(valid, chosen):
            raise InvalidArgument(f"no rule of {sorted(chosen)} can be broken in {valid!r}")
        strategy = st.just(valid)
    else:
        raise InvalidArgument(f"valid={valid!r} must be a strategy or an entity of the library")

    @st.composite
    def draw_broken(draw: st.DrawFn) -> Broken[T]:
        return _break(draw, draw(strategy), chosen)

    return draw_broken()
