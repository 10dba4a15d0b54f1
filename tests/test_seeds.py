"""The five real reports, read from examples/*.json, audit to exactly the contradictions they hold."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import EXAMPLES, EXAMPLES_DIR, SEEDS_DIR
from municipal_reports import (
    Money,
    Percent,
    Qualifier,
    Quantity,
    Report,
    Severity,
    audit,
    load,
)
from municipal_reports.domain.references import Decision


def build(name: str) -> Report:
    """The seed document ``name`` as its example file holds it."""
    report = load(EXAMPLES_DIR / f"{name}.json")
    assert isinstance(report, Report)
    return report


def _index(name: str) -> dict[tuple[str, str], object]:
    return {(f.code, f.path): f for f in audit(build(name))}


def test_secretary_2023_fund_items_miss_the_fund_total() -> None:
    """The six deputy-fund items sum to 385 000,00 under a declared 400 000,00: one error."""
    findings = audit(build("zhytomyr-secretary-2023"))
    assert [(f.code, f.path) for f in findings] == [("MR101", "$.sections[4].facts[0].fund_total")]
    (f,) = findings
    assert f.severity is Severity.ERROR
    assert f.expected == Money("385000.00")
    assert f.found == Money("400000.00")


def test_deputies_department_2017_announces_five_trainings_and_lists_seven() -> None:
    """«проведено 5 навчань» above seven numbered trainings is the only finding."""
    findings = audit(build("zhytomyr-deputies-department-2017"))
    assert [(f.code, f.path, f.expected, f.found) for f in findings] == [
        ("MR308", "$.sections[3].facts[0].declared_count", 7, 5)
    ]


def test_public_relations_2018_voters_contradict() -> None:
    """12 527 voters and «близько 9 тисяч» voters cannot both be true; the caps hold."""
    findings = audit(build("zhytomyr-public-relations-2018"))
    assert [(f.code, f.path) for f in findings] == [("MR601", "$.sections[1].facts[0].voters[1]")]
    assert findings[0].expected == Quantity(12527)
    assert findings[0].found == Quantity(9000, Qualifier.ABOUT)


def test_kryvyi_rih_2023_is_consistent_but_for_a_mixed_script_numeral() -> None:
    """Sections sum to the program total and districts to all bodies; «VІIІ» mixes scripts."""
    findings = audit(build("kryvyi-rih-self-government-program-2023"))
    assert [(f.code, f.path, f.found) for f in findings] == [
        ("MR701", "$.sections[0].paragraphs[0]", "VІIІ")
    ]


PROGRAM = "zhytomyr-program-efficient-power-2022-9m"
_A = "$.sections[0].facts[0]"
_C = "$.sections[2].facts[0]"


@pytest.mark.parametrize(
    ("path", "expected", "found"),
    [
        (f"{_A}.tasks[0].measures[0].declared_percent", "0.00", "100"),
        (f"{_A}.tasks[1].measures[0].declared_percent", "80.00", "100"),
        (f"{_A}.tasks[2].measures[0].declared_percent", "53.47", "100"),
        (f"{_A}.tasks[3].measures[0].declared_percent", "24.04", "25"),
        (f"{_A}.tasks[4].measures[0].declared_percent", "26.26", "25"),
        (f"{_C}.tasks[0].measures[0].declared_percent", "37.82", "64"),
    ],
)
def test_program_2022_wrong_percentages(path: str, expected: str, found: str) -> None:
    """Each declared percent that is not a rounding of actual / annual plan is an MR201 error."""
    f = _index(PROGRAM)[("MR201", path)]
    assert f.expected == Percent(expected)
    assert f.found == Percent(found)


def test_program_2022_findings_are_exactly_these() -> None:
    """No false alarm: the public-relations table (totals, 24,69%) raises nothing arithmetic."""
    codes = sorted((f.code, f.path) for f in audit(build(PROGRAM)))
    assert codes == sorted(
        [("MR201", f"{_A}.tasks[{i}].measures[0].declared_percent") for i in range(5)]
        + [
            ("MR201", f"{_C}.tasks[0].measures[0].declared_percent"),
            ("MR403", f"{_A}.tasks[0].measures[0].declared_percent"),
            ("MR504", f"{_C}.program.approved_by"),
            ("MR505", f"{_C}.program.amendments[0].date"),
            ("MR701", "$.meta.title"),
            ("MR701", f"{_A}.program.title"),
            ("MR701", "$.sections[1].facts[0].program.title"),
            ("MR701", f"{_C}.program.title"),
        ]
    )


def test_program_2022_conflicting_approvals_name_both_decisions() -> None:
    """The awards report cites №1430 of 02.12.2020 where the others cite №31 of 24.12.2020."""
    f = _index(PROGRAM)[("MR504", f"{_C}.program.approved_by")]
    assert f.expected == Decision(dt.date(2020, 12, 24), "31", body="Житомирська міська рада")
    assert f.found == Decision(dt.date(2020, 12, 2), "1430", body="Житомирська міська рада")


def test_program_2022_decision_279_has_two_dates() -> None:
    """Amendment №279 is dated 23.09.2021 in one report and 23.09.2022 in another."""
    f = _index(PROGRAM)[("MR505", f"{_C}.program.amendments[0].date")]
    assert (f.expected, f.found) == (dt.date(2021, 9, 23), dt.date(2022, 9, 23))


def test_there_are_five_examples() -> None:
    """examples/ holds one report for each of the five seed documents."""
    assert len(EXAMPLES) == 5


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_example_is_named_after_a_seed(name: str) -> None:
    """Each example file has the stem of a document of shared/seeds."""
    if not SEEDS_DIR.is_dir():
        pytest.skip("shared/seeds is not beside this checkout")
    assert (SEEDS_DIR / f"{name}.txt").is_file()


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_example_is_a_whole_report_with_narrative(name: str) -> None:
    """Each example is a Report whose sections keep paragraphs of the document's text."""
    report = build(name)
    assert report.sections
    assert any(section.paragraphs for section in report.sections)
