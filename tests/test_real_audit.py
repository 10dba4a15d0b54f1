"""The real cases of tests/real/cases, put into the model and audited: every verdict a careful
accountant gives (exact, band, truncated, wrong) is the audit's.

Each case's figures go through the parse readers (``parse_money``, ``parse_percent``,
``parse_quantity``) where they read the written form, and are built from the recorded plain
number otherwise (amounts in words such as «17 мільйонів 440 тисяч»); the relation becomes
the fact that states it: a complete or partial breakdown, shares on parts, a ``Shares`` list,
an execution percent in a program table, or one amount stated twice. Only the rules of the
relation's own concern are asked (totals, percentages, figures stated twice), so a
plausibility warning about an overspent plan does not stand for a verdict.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from municipal_reports import (
    Breakdown,
    ColumnFormats,
    Financing,
    Finding,
    Measure,
    Money,
    MoneyBreakdown,
    MoneyFigure,
    MoneyFormat,
    MoneyPart,
    MoneyUnit,
    Part,
    Percent,
    Program,
    ProgramReport,
    Qualifier,
    Quantity,
    ReportingPeriod,
    Severity,
    Share,
    Shares,
    Task,
    WrittenMoney,
    audit,
)
from municipal_reports.errors import ParseError
from municipal_reports.parse import values as readers
from municipal_reports.parse.values import (
    is_placeholder,
    parse_money,
    parse_percent,
    parse_quantity,
)

CASES = sorted((Path(__file__).parent / "real" / "cases").glob("*.json"))
UNITS = {
    "грн": MoneyUnit.HRYVNIA,
    "тис. грн": MoneyUnit.THOUSAND,
    "млн грн": MoneyUnit.MILLION,
    "млрд грн": MoneyUnit.BILLION,
}
#: Hryvnias in one of each unit.
FACTOR = {"грн": 1, "тис. грн": 10**3, "млн грн": 10**6, "млрд грн": 10**9}
RULES = ["MR1", "MR2", "MR6"]


def _case(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _count(figure: dict[str, Any]) -> Quantity:
    written = figure["written"]
    if is_placeholder(written):
        return Quantity(0)  # «–»: none
    qualifier = Qualifier(figure.get("qualifier", "exact"))
    if qualifier is Qualifier.EXACT:
        read = parse_quantity(written)
        assert read == Quantity(int(figure["number"]))
        return read
    return Quantity(int(figure["number"]), qualifier)


def _read_money(text: str, unit: MoneyUnit) -> Money | None:
    """The amount the readers make of ``text`` (the reader of written amounts where the
    library has one, else ``parse_money``), or None where they read no amount."""
    written_reader = getattr(readers, "parse_written_money", None)
    try:
        if written_reader is not None:
            amount: Money = written_reader(text, unit=unit)[0]
            return amount
        return parse_money(text, unit=unit)
    except ParseError:
        return None  # amounts in words the readers do not take: the recorded number


def _written(figure: dict[str, Any]) -> WrittenMoney:
    unit = figure["unit"]
    money = Money(Decimal(figure["number"]) * FACTOR[unit])
    read = _read_money(figure["written"], UNITS[unit])
    if read is not None and (
        unit in ("грн", "тис. грн") or hasattr(readers, "parse_written_money")
    ):
        assert read == money, figure
    return WrittenMoney(money, MoneyFormat(UNITS[unit], figure["decimals"]))


def _share(figure: dict[str, Any]) -> Percent | None:
    share = figure.get("share")
    if share is None:
        return None
    percent = parse_percent(share["written"])
    assert percent == Percent(share["number"])
    return percent


def _is_money(case: dict[str, Any]) -> bool:
    figures = [case["whole"], *case["parts"]] if case["whole"] else case["parts"]
    return figures[0]["unit"] in UNITS


def build(case: dict[str, Any]) -> tuple[object, str]:
    """The fact that states the case's relation, and the path where a wrong figure is."""
    relation, whole, parts = case["relation"], case["whole"], case["parts"]
    if relation == "shares-sum":
        shares = tuple(Share(p["label"], parse_percent(p["written"])) for p in parts)
        return Shares(case["id"], shares), "$.shares"
    if relation == "same-amount":
        return MoneyFigure(case["id"], tuple(_written(p) for p in parts)), "$.values[1].amount"
    if relation == "percent":
        plan, actual = _written(whole), _written(parts[0])
        declared = _share(parts[0])
        measure = Measure("захід", Financing(annual=plan.amount, actual=actual.amount), declared)
        report = ProgramReport(
            Program("програма"),
            ReportingPeriod.year(2021),
            (Task("завдання", (measure,)),),
            columns=ColumnFormats(annual=plan.written, actual=actual.written),
        )
        return report, "$.tasks[0].measures[0].declared_percent"
    complete = relation == "complete"
    if _is_money(case):
        total = _written(whole)
        money_parts = []
        for p in parts:
            w = _written(p)
            money_parts.append(MoneyPart(p["label"], w.amount, w.written, _share(p)))
        breakdown: object = MoneyBreakdown(
            case["id"], total.amount, tuple(money_parts), total.written, complete=complete
        )
    else:
        count_parts = tuple(Part(p["label"], _count(p), _share(p)) for p in parts)
        breakdown = Breakdown(case["id"], _count(whole), count_parts, complete=complete)
    if relation == "share":
        wrong = [i for i, p in enumerate(parts) if "share" in p]
        return breakdown, f"$.parts[{wrong[0]}].share"
    return breakdown, "$.total"


def _findings(case: dict[str, Any], fact: object) -> list[Finding]:
    """The findings on the case's relation: a «share» case judges each share, its sum to
    100 % being a case of its own (a «shares-sum» one)."""
    found = audit(fact, select=RULES)
    if case["relation"] == "share":
        return [f for f in found if f.code not in ("MR208", "MR209")]
    return found


def _judged(findings: list[Finding]) -> str:
    if not findings:
        return "exact"
    if any(f.severity is Severity.ERROR for f in findings):
        return "wrong"
    if any(f.code == "MR206" for f in findings):
        return "truncated"
    assert all(f.severity is Severity.NOTE for f in findings), findings
    return "band"


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_the_audit_gives_the_accountants_verdict(path: Path) -> None:
    """The case's fact audits to its recorded verdict: exact → nothing, band → rounding notes
    only, truncated → the truncation warning, wrong → an error."""
    case = _case(path)
    fact, _ = build(case)
    assert _judged(_findings(case, fact)) == case["expected"]["verdict"]


@pytest.mark.parametrize(
    "path",
    [p for p in CASES if _case(p)["expected"]["verdict"] in ("wrong", "truncated")],
    ids=lambda p: p.stem,
)
def test_a_wrong_or_truncated_figure_is_found_where_it_is(path: Path) -> None:
    """The error (or the truncation warning) is at the figure the relation puts in doubt."""
    case = _case(path)
    fact, at = build(case)
    findings = [f for f in _findings(case, fact) if f.severity is not Severity.NOTE]
    paths = {f.path for f in findings}
    if case["relation"] == "share":
        assert all(p.endswith(".share") for p in paths), paths
    else:
        assert paths == {at}


def test_the_corpus_covers_every_kind_of_relation_and_verdict() -> None:
    """At least 15 real cases, with every relation and every verdict among them."""
    cases = [_case(p) for p in CASES]
    assert len(cases) >= 15
    relations = {c["relation"] for c in cases}
    assert relations == {
        "complete",
        "partial",
        "sub-part",
        "share",
        "percent",
        "shares-sum",
        "same-amount",
    }
    assert {c["expected"]["verdict"] for c in cases} == {"exact", "band", "truncated", "wrong"}
