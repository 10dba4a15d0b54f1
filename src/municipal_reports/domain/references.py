"""Who and what a report refers to: decisions, organisations, people, signatories."""

from __future__ import annotations

import datetime as dt

import attrs
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.ua import edrpou

from municipal_reports.domain._checks import (
    check_declared,
    declare,
    declared,
    instance_of,
    non_empty_text,
)
from municipal_reports.domain.text import is_blank
from municipal_reports.errors import Problem

__all__ = ["Decision", "Organization", "Person", "Signatory"]


@declared
@attrs.frozen
class Decision:
    """A reference to a decision: the body that issued it, its date and its number.

    Documents sometimes give only the date («зміни … 02.09.2022»), so either may be absent,
    but not both.

    >>> str(Decision(dt.date(2020, 12, 24), "31"))
    '№31 від 24.12.2020'
    """

    date: dt.date | None = attrs.field(metadata=declare(instance_of(dt.date, optional=True)))
    number: str | None = attrs.field(
        default=None, metadata=declare(instance_of(str, optional=True))
    )
    body: str = attrs.field(default="", metadata=declare(instance_of(str)))
    title: str = attrs.field(default="", metadata=declare(instance_of(str)))

    def __attrs_post_init__(self) -> None:
        extra = []
        if self.date is None and self.number is None:
            extra.append(Problem("$", self, "a decision needs a date, a number or both"))
        if isinstance(self.number, str) and is_blank(self.number):
            extra.append(Problem("$.number", self.number, "must not be empty (use None)"))
        if isinstance(self.date, dt.datetime):
            extra.append(Problem("$.date", self.date, "must be a date, not a datetime", True))
        check_declared(self, extra)

    def __str__(self) -> str:
        parts = []
        if self.number is not None:
            parts.append(f"№{self.number}")
        if self.date is not None:
            parts.append(f"від {self.date:%d.%m.%Y}")
        return " ".join(parts)


def _edrpou_problem(code: object) -> list[Problem]:
    if code is None or not isinstance(code, str):
        return []
    try:
        edrpou.validate(code)
    except StdnumValidationError as exc:
        return [Problem("$.edrpou", code, f"is not a valid EDRPOU code: {exc}")]
    if edrpou.compact(code) != code:
        return [Problem("$.edrpou", code, f"must be written compact ({edrpou.compact(code)!r})")]
    return []


@declared
@attrs.frozen
class Organization:
    """An organisation: a council, a department, a school; with its EDRPOU code if known.

    The code is checked with python-stdnum (length, digits, check digit).
    """

    name: str = attrs.field(metadata=declare(non_empty_text()))
    edrpou: str | None = attrs.field(
        default=None, metadata=declare(instance_of(str, optional=True))
    )

    def __attrs_post_init__(self) -> None:
        check_declared(self, _edrpou_problem(self.edrpou))


@declared
@attrs.frozen
class Person:
    """A person as documents name them: «Лілія СТЕПАНЮК», «Ахмедова О.В.».

    Initials are kept as written («О.»); the surname is required.

    >>> Person("Лілія", "Степанюк").official_name
    'Лілія СТЕПАНЮК'
    """

    given_name: str = attrs.field(metadata=declare(instance_of(str)))
    surname: str = attrs.field(metadata=declare(non_empty_text()))
    patronymic: str = attrs.field(default="", metadata=declare(instance_of(str)))

    __attrs_post_init__ = check_declared

    @property
    def official_name(self) -> str:
        """The form a signature block uses: given name, then the surname in capitals."""
        given = " ".join(p for p in (self.given_name, self.patronymic) if p)
        return f"{given} {self.surname.upper()}".strip()

    def __str__(self) -> str:
        return self.official_name


@declared
@attrs.frozen
class Signatory:
    """Whoever signs a report: their position and their name."""

    position: str = attrs.field(metadata=declare(non_empty_text()))
    person: Person = attrs.field(metadata=declare(instance_of(Person)))

    __attrs_post_init__ = check_declared
