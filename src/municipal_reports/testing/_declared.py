"""What the strategies read from the fields' declared checks: the bounds construction
enforces, so that a strategy's defaults and argument checks cannot drift from them."""

from __future__ import annotations

from municipal_reports.domain import Check, declared_checks

__all__ = ["declared_check", "least", "most"]


def declared_check(entity: type, field: str) -> Check:
    """The check that ``entity``'s ``field`` declares."""
    return dict(declared_checks(entity))[field]


def least(entity: type, field: str) -> int:
    """The smallest value ``entity``'s int ``field`` may hold."""
    minimum = declared_check(entity, field).minimum
    assert minimum is not None, f"{entity.__name__}.{field} declares no minimum"
    return minimum


def most(entity: type, field: str) -> int:
    """The largest value ``entity``'s int ``field`` may hold."""
    maximum = declared_check(entity, field).maximum
    assert maximum is not None, f"{entity.__name__}.{field} declares no maximum"
    return maximum
