"""The council at work: sessions, plenary meetings, decisions and the draft-decision flow."""

from __future__ import annotations

import enum

import attrs

from municipal_reports.domain._checks import (
    check_declared,
    declare,
    declared,
    instance_of,
    int_at_least,
    tuple_of,
)
from municipal_reports.domain.period import ReportingPeriod

__all__ = ["CouncilActivity", "DraftFlow", "Session", "SessionKind"]


class SessionKind(enum.Enum):
    """Whether a session was convened in the ordinary way or extraordinarily."""

    ORDINARY = "ordinary"
    EXTRAORDINARY = "extraordinary"


@declared
@attrs.frozen
class Session:
    """One session of the council (сесія) with what is known of it."""

    number: int | None = attrs.field(default=None, metadata=declare(int_at_least(1, optional=True)))
    kind: SessionKind = attrs.field(
        default=SessionKind.ORDINARY, metadata=declare(instance_of(SessionKind))
    )
    plenary_meetings: int | None = attrs.field(
        default=None, metadata=declare(int_at_least(0, optional=True))
    )
    decisions_adopted: int | None = attrs.field(
        default=None, metadata=declare(int_at_least(0, optional=True))
    )

    __attrs_post_init__ = check_declared


@declared
@attrs.frozen
class DraftFlow:
    """Draft decisions through the period: received, withdrawn (знято з розгляду) and
    added to the agenda (додатково включено)."""

    received: int = attrs.field(metadata=declare(int_at_least(0)))
    withdrawn: int = attrs.field(default=0, metadata=declare(int_at_least(0)))
    added: int = attrs.field(default=0, metadata=declare(int_at_least(0)))

    __attrs_post_init__ = check_declared

    @property
    def expected_decisions(self) -> int:
        """How many decisions the flow leads to: received − withdrawn + added."""
        return self.received - self.withdrawn + self.added


@declared
@attrs.frozen
class CouncilActivity:
    """What the council did in a period, as a report sums it up.

    Counts are ``None`` where the document does not give them; ``sessions`` lists the
    sessions that the document describes one by one (often none).
    """

    period: ReportingPeriod | None = attrs.field(
        default=None, metadata=declare(instance_of(ReportingPeriod, optional=True))
    )
    session_count: int | None = attrs.field(
        default=None, metadata=declare(int_at_least(0, optional=True))
    )
    plenary_meetings: int | None = attrs.field(
        default=None, metadata=declare(int_at_least(0, optional=True))
    )
    extraordinary_meetings: int | None = attrs.field(
        default=None, metadata=declare(int_at_least(0, optional=True))
    )
    decisions_adopted: int | None = attrs.field(
        default=None, metadata=declare(int_at_least(0, optional=True))
    )
    petitions_considered: int | None = attrs.field(
        default=None, metadata=declare(int_at_least(0, optional=True))
    )
    deputies: int | None = attrs.field(
        default=None, metadata=declare(int_at_least(0, optional=True))
    )
    drafts: DraftFlow | None = attrs.field(
        default=None, metadata=declare(instance_of(DraftFlow, optional=True))
    )
    sessions: tuple[Session, ...] = attrs.field(default=(), metadata=declare(tuple_of(Session)))

    __attrs_post_init__ = check_declared
