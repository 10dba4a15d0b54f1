"""MR5xx: references: periods against terms, amendments against approvals, and one
program cited in two ways."""

from __future__ import annotations

from collections.abc import Iterator

from municipal_reports.audit.finding import Severity
from municipal_reports.audit.registry import Hit, rule
from municipal_reports.domain.document import Report
from municipal_reports.domain.program import Program, ProgramReport
from municipal_reports.domain.references import Decision
from municipal_reports.i18n.messages import N_
from municipal_reports.paths import Path

__all__ = ["RULES"]


def _same_decision(a: Decision, b: Decision) -> bool:
    """Whether two references can name the same decision (a missing part matches anything)."""
    dates_agree = a.date is None or b.date is None or a.date == b.date
    numbers_agree = a.number is None or b.number is None or a.number == b.number
    return dates_agree and numbers_agree


def period_outside_term(report: ProgramReport, path: Path) -> Iterator[Hit]:
    """The reporting period does not lie inside the program's term.

    Why: a program cannot be executed in a year it does not cover.

    Example: a report for 2026 on a program for 2021–2025.
    """
    term = report.program.term
    if term is not None and report.period not in term:
        yield Hit(path / "period", term, report.period)


def measure_term_outside_program(report: ProgramReport, path: Path) -> Iterator[Hit]:
    """A measure's term (column 4) reaches outside the program's term.

    Example: a measure for 2021–2027 in a program for 2021–2025.
    """
    term = report.program.term
    if term is None:
        return
    for i, task in enumerate(report.tasks):
        for j, measure in enumerate(task.measures):
            mt = measure.term
            if mt is not None and not (term.first <= mt.first and mt.last <= term.last):
                yield Hit(path / "tasks" / i / "measures" / j / "term", term, mt)


def amendment_before_approval(program: Program, path: Path) -> Iterator[Hit]:
    """An amendment to a program is dated before the decision that approved it.

    Example: approved 24.12.2020, «зміни від 23.09.2019».
    """
    approved = program.approved_by.date if program.approved_by else None
    if approved is None:
        return
    for i, amendment in enumerate(program.amendments):
        if amendment.date is not None and amendment.date < approved:
            yield Hit(path / "amendments" / i / "date", approved, amendment.date)


def conflicting_approvals(report: Report, path: Path) -> Iterator[Hit]:
    """One program is cited with two different approving decisions across reports.

    Programs are matched by title (ignoring case, spaces, punctuation and Latin look-alike
    letters). A reference that leaves out the date or the number matches any that agrees
    on the rest.

    Example: «рішення від 24.12.2020 №31» in one report, «02.12.2020 р. № 1430» in another.
    """
    first: dict[str, Decision] = {}
    for at, pr in report.program_reports(path):
        approved = pr.program.approved_by
        if approved is None:
            continue
        key = pr.program.identity
        seen = first.setdefault(key, approved)
        if not _same_decision(seen, approved):
            yield Hit(at / "program" / "approved_by", seen, approved)


def decision_date_conflict(report: Report, path: Path) -> Iterator[Hit]:
    """A program's decision with one number is cited with two different dates.

    Why: a program's approval and amendments are few; the same number with two dates in
    one program's history is most likely a typing mistake in the day or the year.

    Example: «№279 від 23.09.2021» in one report, «23.09.2022 № 279» in another.
    """
    first: dict[tuple[str, str], Decision] = {}
    for at, pr in report.program_reports(path):
        key = pr.program.identity
        cited = [("approved_by", pr.program.approved_by)] + [
            (i, d) for i, d in enumerate(pr.program.amendments)
        ]
        for where, decision in cited:
            if decision is None or decision.number is None or decision.date is None:
                continue
            seen = first.setdefault((key, decision.number), decision)
            if seen.date != decision.date:
                place = (
                    at / "program" / "approved_by"
                    if where == "approved_by"
                    else at / "program" / "amendments" / where
                )
                yield Hit(place / "date", seen.date, decision.date, (("number", decision.number),))


# Registered here, not by decorating the checks: mutmut 3 skips decorated functions, and the
# checks' arithmetic must be mutation-tested (docs/contributing.md).
RULES = (
    rule(
        "MR501",
        "period-outside-term",
        Severity.ERROR,
        ProgramReport,
        N_("the reporting period {found} is outside the program's term {expected}"),
    )(period_outside_term),
    rule(
        "MR502",
        "measure-term-outside-program",
        Severity.WARNING,
        ProgramReport,
        N_("the measure's term {found} reaches outside the program's term {expected}"),
    )(measure_term_outside_program),
    rule(
        "MR503",
        "amendment-before-approval",
        Severity.ERROR,
        Program,
        N_("an amendment dated {found} comes before the approval of {expected}"),
    )(amendment_before_approval),
    rule(
        "MR504",
        "conflicting-approvals",
        Severity.WARNING,
        Report,
        N_("the program is cited as approved by {found}, elsewhere by {expected}"),
    )(conflicting_approvals),
    rule(
        "MR505",
        "decision-date-conflict",
        Severity.WARNING,
        Report,
        N_("decision №{number} of this program is dated {found} here and {expected} elsewhere"),
    )(decision_date_conflict),
)
