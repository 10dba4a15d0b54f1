"""The fused audit of a class gives the same findings, in the same order, as its rules
run one by one."""

from __future__ import annotations

import functools
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import municipal_reports.testing as mt
from municipal_reports import (
    Financing,
    Measure,
    Money,
    Percent,
    Program,
    ProgramReport,
    ReportingPeriod,
    Task,
    audit,
    default_rules,
)
from municipal_reports.audit import Hit, Rule, RuleSet, Severity, rule
from municipal_reports.audit.fused import FUSED
from municipal_reports.paths import Path

_BREAKABLE = st.sampled_from(sorted(mt.BREAKABLE_RULES))


def _unfused(rules: RuleSet) -> RuleSet:
    """The same rules, each with a check function the fused audits do not know."""

    def wrap(r: Rule) -> Rule:
        function = r.function

        @functools.wraps(function)
        def check(obj: Any, path: Path) -> Any:
            return function(obj, path)

        return attrs.evolve(r, function=check)

    return RuleSet(tuple(wrap(r) for r in rules))


_PLAIN = _unfused(default_rules())


def _report_strategy() -> st.SearchStrategy[Any]:
    return st.one_of(
        mt.program_reports(max_measures=6),
        mt.broken(
            mt.program_reports(max_measures=6),
            rules=[
                c for c in mt.BREAKABLE_RULES if c[:4] in ("MR10", "MR20", "MR40", "MR50", "MR70")
            ],
        ).map(lambda b: b.obj),
    )


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(_report_strategy())
def test_fused_equals_plain_on_program_reports(report: Any) -> None:
    """On valid and broken program reports the fused road finds what the rules one by one find."""
    assert audit(report) == audit(report, rules=_PLAIN)


def test_fused_stands_in_for_the_built_in_rules_only() -> None:
    """Each fused audit names the very check functions of the registered rules it replaces."""
    rules = default_rules()
    for fused in FUSED.values():
        for code, function in fused.functions.items():
            assert rules[code].function is function


def _rounding_measure() -> Measure:
    # 249 000 / 480 000 = 51.875 %: «51,88» is right, «60» is wrong (MR201).
    return Measure("Захід", Financing(annual=Money(480000), actual=Money(249000)), Percent("60"))


def test_a_plugin_rule_keeps_its_place_among_fused_ones() -> None:
    """A plugin rule on measures runs beside the fused audit, in the rule set's order."""

    def always(measure: Measure, path: Path) -> tuple[Hit, ...]:
        return (Hit(path / "content", None, measure.content),)

    plugin = rule("XX001", "always", Severity.NOTE, Measure, "always")(always)
    rules = RuleSet((plugin, *default_rules()))
    found = [f.code for f in audit(_rounding_measure(), rules=rules)]
    assert found == ["XX001", "MR201"]
    plain = RuleSet((plugin, *_PLAIN))
    assert audit(_rounding_measure(), rules=rules) == audit(_rounding_measure(), rules=plain)


def test_a_selection_falls_back_to_the_plain_loop() -> None:
    """With only some of a class's rules selected, the findings are those rules' alone."""
    measure = _rounding_measure()
    assert [f.code for f in audit(measure, select=["MR201"])] == ["MR201"]
    assert audit(measure, select=["MR4"]) == []


def test_a_failing_fused_audit_falls_back_to_the_rules_one_by_one(monkeypatch: Any) -> None:
    """If the fused audit raises, each rule runs alone: the findings are the plain ones."""
    from municipal_reports.audit.rules import percentages

    def broken(measure: Measure, path: Path) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(percentages, "measure_percent_hits", broken)
    measure = _rounding_measure()
    assert [f.code for f in audit(measure)] == ["MR201"]
    assert audit(measure) == audit(measure, rules=_PLAIN)


def test_a_plugin_rule_below_a_clean_measure_still_runs() -> None:
    """A measure the fused screen clears is still walked into when a rule looks below it
    (a plugin rule on its financing), and a plugin rule on measures sees every measure."""

    def on_financing(financing: Financing, path: Path) -> tuple[Hit, ...]:
        return (Hit(path / "actual", None, financing.actual),)

    def on_measure(measure: Measure, path: Path) -> tuple[Hit, ...]:
        return (Hit(path / "content", None, measure.content),)

    clean = Measure("Захід", Financing(annual=Money(100), actual=Money(50)), Percent("50"))
    report = ProgramReport(Program("П"), ReportingPeriod.year(2022), (Task("Т", (clean,)),))
    assert audit(report) == []  # clean: the screen passes it by
    below = rule("XX002", "below", Severity.NOTE, Financing, "below")(on_financing)
    beside = rule("XX003", "beside", Severity.NOTE, Measure, "beside")(on_measure)
    for plugin, path in (
        (below, "$.tasks[0].measures[0].financing.actual"),
        (beside, "$.tasks[0].measures[0].content"),
    ):
        found = audit(report, rules=RuleSet((*default_rules(), plugin)))
        assert [(f.code, f.path) for f in found] == [(plugin.code, path)]


def test_a_built_in_code_with_another_function_is_not_screened_away() -> None:
    """A rule set whose MR201 checks something else (same code, another function) runs it on
    every measure: the fused screen speaks only for the built-in functions."""

    def always(measure: Measure, path: Path) -> tuple[Hit, ...]:
        return (Hit(path / "declared_percent", None, measure.declared_percent),)

    rules = RuleSet(
        tuple(attrs.evolve(r, function=always) if r.code == "MR201" else r for r in default_rules())
    )
    clean = Measure("Захід", Financing(annual=Money(100), actual=Money(50)), Percent("50"))
    report = ProgramReport(Program("П"), ReportingPeriod.year(2022), (Task("Т", (clean,)),))
    assert audit(report) == []
    assert [f.code for f in audit(report, rules=rules)] == ["MR201"]
