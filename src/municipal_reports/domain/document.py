"""A whole report document: its metadata and titled sections of paragraphs and facts."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from typing import TypeAlias

import attrs

from municipal_reports.domain._checks import (
    check_declared,
    declare,
    declared,
    instance_of,
    int_at_least,
    non_empty_text,
    tuple_of,
    tuple_of_text,
)
from municipal_reports.domain.council import CouncilActivity, Session
from municipal_reports.domain.facts import (
    AwardBatch,
    Breakdown,
    DeputyFundAllocation,
    Figure,
    ListedItems,
    MoneyBreakdown,
    ParticipatoryBudget,
)
from municipal_reports.domain.period import ReportingPeriod
from municipal_reports.domain.program import ProgramReport
from municipal_reports.domain.references import Decision, Signatory
from municipal_reports.errors import Problem
from municipal_reports.paths import ROOT, Path

__all__ = [
    "FACT_TYPES",
    "Council",
    "Fact",
    "Report",
    "ReportKind",
    "ReportMeta",
    "Section",
    "program_reports",
]

#: Every kind of fact a section can hold.
Fact: TypeAlias = (
    ProgramReport
    | CouncilActivity
    | Session
    | Breakdown
    | MoneyBreakdown
    | AwardBatch
    | DeputyFundAllocation
    | ParticipatoryBudget
    | Figure
    | ListedItems
    | Decision
)
FACT_TYPES: tuple[type, ...] = (
    ProgramReport,
    CouncilActivity,
    Session,
    Breakdown,
    MoneyBreakdown,
    AwardBatch,
    DeputyFundAllocation,
    ParticipatoryBudget,
    Figure,
    ListedItems,
    Decision,
)

# КАТОТТГ codes: "UA", then 17 digits (level codes and a check-free serial).
_KATOTTG = re.compile(r"UA\d{17}")


class ReportKind(enum.Enum):
    """What kind of document a report is."""

    #: «звіт про роботу»: an official's or a department's report on its work.
    ACTIVITY = "activity"
    #: «звіт про виконання програми»: the execution of one or more target programs.
    PROGRAM_EXECUTION = "program_execution"
    #: «інформація про роботу»: an informational summary.
    INFORMATION = "information"


@declared
@attrs.frozen
class Council:
    """A council: its name, convocation (скликання) and, where known, its KATOTTG code."""

    name: str = attrs.field(metadata=declare(non_empty_text()))
    convocation: int | None = attrs.field(
        default=None, metadata=declare(int_at_least(1, optional=True))
    )
    katottg: str | None = attrs.field(
        default=None, metadata=declare(instance_of(str, optional=True))
    )

    def __attrs_post_init__(self) -> None:
        extra = []
        if isinstance(self.katottg, str) and not _KATOTTG.fullmatch(self.katottg):
            extra.append(Problem("$.katottg", self.katottg, "must be 'UA' followed by 17 digits"))
        check_declared(self, extra)


@declared
@attrs.frozen
class ReportMeta:
    """What a report is: its title, council, author, period and kind."""

    title: str = attrs.field(metadata=declare(non_empty_text()))
    council: Council = attrs.field(metadata=declare(instance_of(Council)))
    period: ReportingPeriod = attrs.field(metadata=declare(instance_of(ReportingPeriod)))
    kind: ReportKind = attrs.field(
        default=ReportKind.ACTIVITY, metadata=declare(instance_of(ReportKind))
    )
    author: str = attrs.field(default="", metadata=declare(instance_of(str)))
    signatory: Signatory | None = attrs.field(
        default=None, metadata=declare(instance_of(Signatory, optional=True))
    )

    __attrs_post_init__ = check_declared


@declared
@attrs.frozen
class Section:
    """A titled part of a report: its paragraphs as written, and the facts it states."""

    title: str = attrs.field(metadata=declare(instance_of(str)))
    paragraphs: tuple[str, ...] = attrs.field(default=(), metadata=declare(tuple_of_text()))
    facts: tuple[Fact, ...] = attrs.field(default=(), metadata=declare(tuple_of(*FACT_TYPES)))

    __attrs_post_init__ = check_declared


@declared
@attrs.frozen
class Report:
    """A whole report document, section by section."""

    meta: ReportMeta = attrs.field(metadata=declare(instance_of(ReportMeta)))
    sections: tuple[Section, ...] = attrs.field(default=(), metadata=declare(tuple_of(Section)))

    __attrs_post_init__ = check_declared

    def facts(self) -> list[Fact]:
        """Every fact of every section, in order."""
        return [f for s in self.sections for f in s.facts]

    def program_reports(self, base: Path = ROOT) -> Iterator[tuple[Path, ProgramReport]]:
        """Every program report in the sections, in order, with its path below ``base``
        (``$.sections[1].facts[0]``)."""
        for i, section in enumerate(self.sections):
            for j, fact in enumerate(section.facts):
                if isinstance(fact, ProgramReport):
                    yield base / "sections" / i / "facts" / j, fact


def program_reports(document: object, base: Path = ROOT) -> Iterator[tuple[Path, ProgramReport]]:
    """The program reports in ``document`` with their paths: a program report is itself (at
    ``base``), a :class:`Report` holds any number, anything else none.

    >>> from municipal_reports.domain import Program, ReportingPeriod
    >>> pr = ProgramReport(Program("P"), ReportingPeriod.year(2022))
    >>> [str(path) for path, _ in program_reports(pr)]
    ['$']
    """
    if isinstance(document, ProgramReport):
        yield base, document
    elif isinstance(document, Report):
        yield from document.program_reports(base)
