"""Construction-time checks: small, named, and all run before one error is raised.

A check is a frozen callable that returns ``None`` for a good value and a fault (the reason,
and whether it is about the type) otherwise, so an object can collect every fault of its
fields before it raises (attrs' own validators stop at the first). Their reprs read like the
rule they check.

Speed matters (objects are built by the hundred thousand when files are loaded), so a class's
checks are also compiled, once, into a single boolean expression, the way attrs generates its
``__init__``: a good object costs one call; only a bad one pays for the detailed pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs

from municipal_reports.domain.text import BLANK
from municipal_reports.errors import Problem, raise_problems
from municipal_reports.paths import join

#: A fault: the reason a value is refused, and whether it is of the wrong type.
Fault = tuple[str, bool]

__all__ = [
    "Checks",
    "instance_of",
    "int_at_least",
    "non_empty_text",
    "non_negative",
    "tuple_of",
    "tuple_of_text",
    "validate",
]


def _type(reason: str) -> Fault:
    return (reason, True)


def _value(reason: str) -> Fault:
    return (reason, False)


class _Check:
    """Base of the checks: ``__call__`` explains a fault, ``expr`` states the rule as code."""

    def __call__(self, value: Any) -> Fault | None:
        raise NotImplementedError

    def expr(self, ref: str, env: dict[str, object]) -> str:
        """A Python expression, true exactly when the value named ``ref`` passes."""
        raise NotImplementedError


def _name(env: dict[str, object], value: object) -> str:
    key = f"_c{len(env)}"
    env[key] = value
    return key


def _types_expr(ref: str, types: tuple[type, ...], env: dict[str, object]) -> str:
    test = f"isinstance({ref}, {_name(env, types)})"
    if bool not in types and any(issubclass(bool, t) for t in types):
        test += f" and {ref}.__class__ is not bool"
    return test


@attrs.frozen(repr=False)
class _InstanceOf(_Check):
    types: tuple[type, ...]
    optional: bool = False

    def __call__(self, value: object) -> Fault | None:
        if value is None and self.optional:
            return None
        # bool is an int subclass, but True is never a count or an amount.
        is_bool = isinstance(value, bool) and bool not in self.types
        if isinstance(value, self.types) and not is_bool:
            return None
        names = " or ".join(t.__name__ for t in self.types)
        return _type(f"must be {names}{' or None' if self.optional else ''}")

    def expr(self, ref: str, env: dict[str, object]) -> str:
        test = _types_expr(ref, self.types, env)
        return f"({ref} is None or ({test}))" if self.optional else f"({test})"

    def __repr__(self) -> str:
        return f"<instance_of {self.types!r}{' or None' if self.optional else ''}>"


def instance_of(*types: type, optional: bool = False) -> _Check:
    """A check that the value is one of ``types`` (``None`` allowed when optional)."""
    return _InstanceOf(types, optional)


@attrs.frozen(repr=False)
class _NonEmptyText(_Check):
    optional: bool = False

    def __call__(self, value: object) -> Fault | None:
        if value is None and self.optional:
            return None
        if not isinstance(value, str):
            return _type("must be str")
        if not value.strip(BLANK):
            return _value("must not be empty")
        return None

    def expr(self, ref: str, env: dict[str, object]) -> str:
        test = f"isinstance({ref}, str) and {ref}.strip({_name(env, BLANK)}) != ''"
        return f"({ref} is None or ({test}))" if self.optional else f"({test})"

    def __repr__(self) -> str:
        return "<non-empty text>"


def non_empty_text(*, optional: bool = False) -> _Check:
    """A check that the value is a string that shows something: white space and invisible
    characters alone (zero-width, bidi controls, the BOM: :data:`~.text.BLANK`) are empty."""
    return _NonEmptyText(optional)


@attrs.frozen(repr=False)
class _TupleOf(_Check):
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

    def expr(self, ref: str, env: dict[str, object]) -> str:
        types = _name(env, self.types)
        test = f"{ref}.__class__ is tuple and all(isinstance(i, {types}) for i in {ref})"
        return f"({test} and len({ref}) > 0)" if self.non_empty else f"({test})"

    def __repr__(self) -> str:
        return f"<tuple of {self.types!r}>"


def tuple_of(*types: type, non_empty: bool = False) -> _Check:
    """A check that the value is a tuple whose items are all of ``types``."""
    return _TupleOf(types, non_empty)


@attrs.frozen(repr=False)
class _TupleOfText(_Check):
    def __call__(self, value: object) -> Fault | None:
        if not isinstance(value, tuple):
            return _type("must be a tuple")
        for item in value:
            if not isinstance(item, str):
                return _type(f"items must be str (got {item!r})")
            if not item.strip(BLANK):
                return _value("items must not be empty")
        return None

    def expr(self, ref: str, env: dict[str, object]) -> str:
        blank = _name(env, BLANK)
        return f"({ref}.__class__ is tuple and all(isinstance(i, str) and i.strip({blank}) != '' for i in {ref}))"

    def __repr__(self) -> str:
        return "<tuple of non-empty text>"


def tuple_of_text() -> _Check:
    """A check that the value is a tuple of non-empty strings."""
    return _TupleOfText()


@attrs.frozen(repr=False)
class _AtLeast(_Check):
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

    def expr(self, ref: str, env: dict[str, object]) -> str:
        test = f"{ref}.__class__ is int and {ref} >= {self.bound}"
        return f"({ref} is None or ({test}))" if self.optional else f"({test})"

    def __repr__(self) -> str:
        return f"<int >= {self.bound}>"


def int_at_least(bound: int, *, optional: bool = False) -> _Check:
    """A check that the value is an int no smaller than ``bound``."""
    return _AtLeast(bound, optional)


@attrs.frozen(repr=False)
class _NonNegative(_Check):
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

    def expr(self, ref: str, env: dict[str, object]) -> str:
        test = f"isinstance({ref}, {_name(env, self.kind)}) and not {ref} < {_name(env, self.zero)}"
        return f"({ref} is None or ({test}))" if self.optional else f"({test})"

    def __repr__(self) -> str:
        return f"<{self.kind.__name__} >= 0>"


def non_negative(kind: type, *, optional: bool = False) -> _Check:
    """A check that the value is a ``kind`` (Money or Percent) that is not below zero."""
    return _NonNegative(kind, kind(0), optional)


class Checks:
    """The checks of one class's fields, compiled into one fast predicate.

    >>> checks = Checks(("title", non_empty_text()), ("count", int_at_least(0)))
    >>> checks.passes(type("T", (), {"title": "x", "count": 1})())
    True
    """

    def __init__(self, *checks: tuple[str, _Check]) -> None:
        self.checks = checks
        env: dict[str, object] = {}
        lines = [f"    v{i} = obj.{name}" for i, (name, _) in enumerate(checks)]
        tests = [check.expr(f"v{i}", env) for i, (_, check) in enumerate(checks)] or ["True"]
        source = (
            "def passes(obj):\n" + "\n".join(lines) + "\n    return " + " and ".join(tests) + "\n"
        )
        exec(compile(source, f"<checks {', '.join(n for n, _ in checks)}>", "exec"), env)
        self.passes: Callable[[object], bool] = env["passes"]  # type: ignore[assignment]

    def problems(self, obj: object) -> list[Problem]:
        """Every fault of ``obj``'s fields, each with its path, value and reason."""
        found: list[Problem] = []
        for name, check in self.checks:
            value = getattr(obj, name)
            fault = check(value)
            if fault is not None:
                found.append(Problem(join("$", name), value, fault[0], fault[1]))
        return found

    def __repr__(self) -> str:
        return f"Checks({', '.join(f'{n}: {c!r}' for n, c in self.checks)})"


_NO_CHECKS = Checks()


def validate(obj: object, checks: Checks = _NO_CHECKS, extra: Iterable[Problem] = ()) -> None:
    """Raise once with every problem of ``obj``: its fields' faults and any ``extra`` ones."""
    if checks.passes(obj):
        problems = list(extra)
        if not problems:
            return
    else:
        problems = checks.problems(obj)
        problems.extend(extra)
    raise_problems(problems, subject=type(obj).__name__)
