"""broken() breaks exactly one rule, and the audit reports that rule at that path."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import municipal_reports.testing as mt
from municipal_reports import Financing, Measure, Money, Percent, Severity, audit
from municipal_reports.testing import BREAKABLE_RULES, Broken, broken

# Where each rule can be broken: a strategy whose objects always offer a place for it.
_PROGRAMS = mt.program_reports(max_measures=6)
_WHERE: dict[str, st.SearchStrategy[object]] = {
    "MR101": st.one_of(
        _PROGRAMS,
        mt.money_breakdowns(complete=True),
        mt.deputy_fund_allocations(complete=True),
        mt.breakdowns(complete=True),
        mt.award_batches(),
    ),
    "MR103": st.one_of(
        mt.breakdowns(complete=False),
        mt.money_breakdowns(complete=False),
        mt.deputy_fund_allocations(complete=False),
    ),
    "MR201": _PROGRAMS,
    "MR202": _PROGRAMS,
    "MR204": mt.award_batches(),
    "MR206": mt.breakdowns(),
    "MR207": st.one_of(mt.breakdowns(), mt.money_breakdowns()),
    "MR208": mt.share_lists(),
    "MR301": mt.council_activities(),
    "MR302": mt.council_activities(max_sessions=0),
    "MR303": mt.award_batches(),
    "MR304": mt.award_batches(),
    "MR305": mt.award_batches(),
    "MR306": mt.participatory_budgets(),
    "MR307": mt.participatory_budgets(),
    "MR308": mt.listed_items(),
    "MR309": mt.council_activities(),
    "MR310": mt.council_activities(),
    "MR311": mt.participatory_budgets(),
    "MR401": st.one_of(mt.measures(), _PROGRAMS),
    "MR402": st.one_of(mt.measures(), _PROGRAMS),
    "MR404": mt.participatory_budgets(),
    "MR501": _PROGRAMS,
    "MR502": _PROGRAMS,
    "MR503": mt.programs(),
    "MR504": mt.reports(max_sections=1, min_program_reports=1, max_measures=2),
    "MR601": st.one_of(mt.figures(), mt.participatory_budgets()),
    "MR602": mt.money_figures(),
    "MR701": st.one_of(_PROGRAMS, mt.reports(max_sections=2, max_measures=3)),
}


def _faults(obj: object) -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in audit(obj) if f.severity is not Severity.NOTE]


def test_every_breakable_rule_has_a_test_strategy() -> None:
    """The table above covers every rule broken() knows, and nothing else."""
    assert sorted(_WHERE) == list(BREAKABLE_RULES)


@pytest.mark.parametrize("code", BREAKABLE_RULES)
def test_audit_reports_the_broken_rule_at_the_broken_path(code: str) -> None:
    """The audit finds exactly the broken rule at the returned path, and nothing else."""

    @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(broken(_WHERE[code], rules=[code]))
    def check(b: Broken[object]) -> None:
        assert b.rule == code
        assert _faults(b.obj) == [(code, b.path)]

    check()


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(broken(mt.reports(max_sections=2, max_measures=3)))
def test_any_rule_broken_in_a_whole_report_is_found(b: Broken[object]) -> None:
    """With no rule chosen, whatever rule is broken in a report is the one finding."""
    assert b.rule in BREAKABLE_RULES
    assert _faults(b.obj) == [(b.rule, b.path)]


def test_a_single_object_can_be_broken() -> None:
    """broken() accepts a valid object as well as a strategy, and may break any of its rules."""
    measure = Measure(
        "Придбання комп'ютерної техніки",
        Financing(Money(1000), Money(800), Money(400)),
        declared_percent=Percent(50),
    )

    assert _faults(measure) == []

    @given(broken(measure))
    def check(b: Broken[Measure]) -> None:
        assert b.obj != measure
        assert _faults(b.obj) == [(b.rule, b.path)]

    check()


@pytest.mark.parametrize(
    "make",
    [
        lambda: broken(mt.measures(), rules=["MR999"]),
        lambda: broken(mt.measures(), rules=[]),
        lambda: broken(mt.measures(), rules="MR201"),
        lambda: broken(42),
        lambda: broken(Measure("захід"), rules=["MR504"]),
    ],
)
def test_impossible_requests_raise_invalid_argument(make: object) -> None:
    """Unknown rules, a non-entity, or an object with no place for the rule are refused."""
    with pytest.raises(InvalidArgument):
        make()  # type: ignore[operator]
