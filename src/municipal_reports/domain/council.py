"""The council at work: sessions, plenary meetings, decisions and the draft-decision flow."""

from __future__ import annotations

import enum

import attrs

from municipal_reports.domain._checks import Checks, instance_of, int_at_least, tuple_of, validate
from municipal_reports.domain.period import ReportingPeriod
from municipal_reports.domain.quantity import Quantity, to_optional_quantity

__all__ = ["CouncilActivity", "DraftFlow", "Session", "SessionKind"]


class SessionKind(enum.Enum):
    """Whether a session was convened in the ordinary way or extraordinarily."""

    ORDINARY = "ordinary"
    EXTRAORDINARY = "extraordinary"


@attrs.frozen
class Session:
    """One session of the council (сесія) with what is known of it."""

    number: int | None = None
    kind: SessionKind = SessionKind.ORDINARY
    plenary_meetings: Quantity | None = attrs.field(default=None, converter=to_optional_quantity)
    decisions_adopted: Quantity | None = attrs.field(default=None, converter=to_optional_quantity)

    def __attrs_post_init__(self) -> None:
        validate(self, _SESSION_CHECKS)


_SESSION_CHECKS = Checks(
    ("number", int_at_least(1, optional=True)),
    ("kind", instance_of(SessionKind)),
    ("plenary_meetings", instance_of(Quantity, optional=True)),
    ("decisions_adopted", instance_of(Quantity, optional=True)),
)


@attrs.frozen
class DraftFlow:
    """Draft decisions through the period: received, withdrawn (знято з розгляду) and
    added to the agenda (додатково включено)."""

    received: int
    withdrawn: int = 0
    added: int = 0

    def __attrs_post_init__(self) -> None:
        validate(self, _FLOW_CHECKS)

    @property
    def expected_decisions(self) -> int:
        """How many decisions the flow leads to: received − withdrawn + added."""
        return self.received - self.withdrawn + self.added


_FLOW_CHECKS = Checks(*((n, int_at_least(0)) for n in ("received", "withdrawn", "added")))


@attrs.frozen
class CouncilActivity:
    """What the council did in a period, as a report sums it up.

    Counts are ``None`` where the document does not give them, and quantities where it
    does (an int is taken as an exact count; «понад 100 рішень» is ``Quantity(100,
    Qualifier.MORE_THAN)``); ``sessions`` lists the sessions that the document describes one
    by one (often none).
    """

    period: ReportingPeriod | None = None
    session_count: Quantity | None = attrs.field(default=None, converter=to_optional_quantity)
    plenary_meetings: Quantity | None = attrs.field(default=None, converter=to_optional_quantity)
    extraordinary_meetings: Quantity | None = attrs.field(
        default=None, converter=to_optional_quantity
    )
    decisions_adopted: Quantity | None = attrs.field(default=None, converter=to_optional_quantity)
    petitions_considered: Quantity | None = attrs.field(
        default=None, converter=to_optional_quantity
    )
    deputies: Quantity | None = attrs.field(default=None, converter=to_optional_quantity)
    drafts: DraftFlow | None = None
    sessions: tuple[Session, ...] = ()

    def __attrs_post_init__(self) -> None:
        validate(self, _ACTIVITY_CHECKS)


_ACTIVITY_CHECKS = Checks(
    ("period", instance_of(ReportingPeriod, optional=True)),
    *(
        (name, instance_of(Quantity, optional=True))
        for name in (
            "session_count",
            "plenary_meetings",
            "extraordinary_meetings",
            "decisions_adopted",
            "petitions_considered",
            "deputies",
        )
    ),
    ("drafts", instance_of(DraftFlow, optional=True)),
    ("sessions", tuple_of(Session)),
)
