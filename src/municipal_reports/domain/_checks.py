"""Construction-time checks: small, named, and all run before one error is raised.

A check is a frozen callable that returns ``None`` for a good value and the reason
otherwise, so an object can collect every fault of its fields before it raises
(attrs' own validators stop at the first). Their reprs read like the rule they check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from municipal_reports.errors import Problem, raise_problems
from municipal_reports.paths import join

#: A fault: the reason a value is refused, and whether it is of the wrong type.
Fault = tuple[str, bool]
Check = Callable[[Any], "Fault | None"]


def _type(reason: str) -> Fault:
    return (reason, True)


def _value(reason: str) -> Fault:
    return (reason, False)


@attrs.frozen(repr=False)
class _InstanceOf:
    types: tuple[type, ...]
    optional: bool = False

    def __call__(self, value: object) -> Fault | None:
        if value is None and self.optional:
            return None
        # bool is an int subclass, but True is never a count or an amount.
        if isinstance(value, self.types) and not (
            isinstance(value, bool) and bool not in self.types
        ):
            return None
        names = " or ".join(t.__name__ for t in self.types)
        return _type(f"must be {names}{' or None' if self.optional else ''}")

    def __repr__(self) -> str:
        return f"<instance_of {self.types!r}{' or None' if self.optional else ''}>"


def instance_of(*types: type, optional: bool = False) -> Check:
    """A check that the value is one of ``types`` (``None`` allowed when optional)."""
    return _InstanceOf(types, optional)


@attrs.frozen(repr=False)
class _NonEmptyText:
    optional: bool = False

    def __call__(self, value: object) -> Fault | None:
        if value is None and self.optional:
            return None
        if not isinstance(value, str):
            return _type("must be str")
        if not value.strip():
            return _value("must not be empty")
        return None

    def __repr__(self) -> str:
        return "<non-empty text>"


def non_empty_text(*, optional: bool = False) -> Check:
    """A check that the value is a string with something besides white space."""
    return _NonEmptyText(optional)


@attrs.frozen(repr=False)
class _TupleOf:
    types: tuple[type, ...]
    non_empty: bool = False

    def __call__(self, value: object) -> Fault | None:
        if not isinstance(value, tuple):
            return _type("must be a tuple")
        if self.non_empty and not value:
            return _value("must not be empty")
        for item in value:
            if not isinstance(item, self.types) or isinstance(item, bool):
                names = " or ".join(t.__name__ for t in self.types)
                return _type(f"items must be {names} (got {item!r})")
        return None

    def __repr__(self) -> str:
        return f"<tuple of {self.types!r}>"


def tuple_of(*types: type, non_empty: bool = False) -> Check:
    """A check that the value is a tuple whose items are all of ``types``."""
    return _TupleOf(types, non_empty)


@attrs.frozen(repr=False)
class _AtLeast:
    bound: int
    optional: bool = False

    def __call__(self, value: object) -> Fault | None:
        if value is None and self.optional:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            return _type("must be int")
        if value < self.bound:
            return _value(f"must be >= {self.bound}")
        return None

    def __repr__(self) -> str:
        return f"<int >= {self.bound}>"


def int_at_least(bound: int, *, optional: bool = False) -> Check:
    """A check that the value is an int no smaller than ``bound``."""
    return _AtLeast(bound, optional)


def tuple_of_text() -> Check:
    """A check that the value is a tuple of non-empty strings."""
    return _TupleOfText()


@attrs.frozen(repr=False)
class _TupleOfText:
    def __call__(self, value: object) -> Fault | None:
        if not isinstance(value, tuple):
            return _type("must be a tuple")
        for item in value:
            if not isinstance(item, str):
                return _type(f"items must be str (got {item!r})")
            if not item.strip():
                return _value("items must not be empty")
        return None

    def __repr__(self) -> str:
        return "<tuple of non-empty text>"


def validate(
    obj: object, checks: Sequence[tuple[str, Check]], extra: Iterable[Problem] = ()
) -> None:
    """Run every check on ``obj``'s fields and raise once with all problems found."""
    problems: list[Problem] = []
    for name, check in checks:
        value = getattr(obj, name)
        fault = check(value)
        if fault is not None:
            problems.append(Problem(join("$", name), value, fault[0], fault[1]))
    problems.extend(extra)
    if problems:
        raise_problems(problems, subject=type(obj).__name__)


@attrs.frozen(repr=False)
class _NonNegative:
    kind: type
    zero: Any
    optional: bool = False

    def __call__(self, value: object) -> Fault | None:
        if value is None and self.optional:
            return None
        if not isinstance(value, self.kind):
            return _type(f"must be {self.kind.__name__}{' or None' if self.optional else ''}")
        if value < self.zero:
            return _value("must be >= 0")
        return None

    def __repr__(self) -> str:
        return f"<{self.kind.__name__} >= 0>"


def non_negative(kind: type, *, optional: bool = False) -> Check:
    """A check that the value is a ``kind`` (Money or Percent) that is not below zero."""
    return _NonNegative(kind, kind(0), optional)
