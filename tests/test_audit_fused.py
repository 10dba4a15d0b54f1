"""The fused audit of a class gives the same findings, in the same order, as its rules
run one by one."""

from __future__ import annotations

import functools
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import municipal_reports.testing as mt
from municipal_reports import Financing, Measure, Money, Percent, audit, default_rules
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
