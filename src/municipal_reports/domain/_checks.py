"""Construction-time checks: small, named, declared once beside each field.

A check is a frozen callable that returns ``None`` for a good value and a fault (the reason,
and whether it is about the type) otherwise, so an object can collect every fault of its
fields before it raises (attrs' own validators stop at the first). Their reprs read like the
rule they check.

A field declares its check with :func:`declare` (it rides in the attrs field's metadata),
and :func:`declared` compiles a class's declarations. That one declaration is what every
reader of the rule reads: construction, the JSON loader's fast road, the JSON Schema and
the strategies. So a check also *describes* itself in plain data (:class:`Check`'s
``types``, ``optional``, ``sequence``, ``non_empty``, ``items_non_empty``, ``minimum``,
``maximum``) for those that cannot call it.

Speed matters (objects are built by the hundred thousand when files are loaded), so a class's
checks are also compiled, once, into a single boolean expression, the way attrs generates its
``__init__``: a good object costs one call; only a bad one pays for the detailed pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from municipal_reports.domain.text import BLANK
from municipal_reports.errors import Problem, raise_problems
from municipal_reports.paths import join

#: A fault: the reason a value is refused, and whether it is of the wrong type.
Fault = tuple[str, bool]

__all__ = [
    "Check",
    "Checks",
    "check_declared",
    "checks_of",
    "declare",
    "declared",
    "declared_checks",
    "has_only_declared_checks",
    "instance_of",
    "int_at_least",
    "int_between",
    "non_empty_text",
    "non_negative",
    "tuple_of",
    "tuple_of_text",
    "validate",
]

_C = TypeVar("_C", bound=type)

#: The key of a field's check in its attrs metadata.
CHECK_KEY = "municipal_reports.check"


def _type(reason: str) -> Fault:
    return (reason, True)


def _value(reason: str) -> Fault:
    return (reason, False)


class Check:
    """Base of the checks: ``__call__`` explains a fault, ``expr`` states the rule as code,
    and the attributes below describe the rule as data:

    - ``types``: the types a value (or, for a ``sequence``, each item) may have;
    - ``optional``: ``None`` is allowed;
    - ``sequence``: the value is a tuple of items;
    - ``non_empty``: text must hold more than white space; a sequence at least one item;
    - ``items_non_empty``: each item is text with more than white space;
    - ``minimum`` / ``maximum``: bounds of a number (``0`` for a non-negative amount).
    """

    types: tuple[type, ...] = ()
    optional: bool = False
    sequence: bool = False
    non_empty: bool = False
    items_non_empty: bool = False
    minimum: int | None = None
    maximum: int | None = None

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
class _InstanceOf(Check):
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


def instance_of(*types: type, optional: bool = False) -> Check:
    """A check that the value is one of ``types`` (``None`` allowed when optional)."""
    return _InstanceOf(types, optional)


@attrs.frozen(repr=False)
class _NonEmptyText(Check):
    optional: bool = False
    types = (str,)
    non_empty = True

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


def non_empty_text(*, optional: bool = False) -> Check:
    """A check that the value is a string that shows something: white space and invisible
    characters alone (zero-width, bidi controls, the BOM: :data:`~.text.BLANK`) are empty."""
    return _NonEmptyText(optional)


@attrs.frozen(repr=False)
class _TupleOf(Check):
    types: tuple[type, ...]
    non_empty: bool = False
    sequence = True

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


def tuple_of(*types: type, non_empty: bool = False) -> Check:
    """A check that the value is a tuple whose items are all of ``types``."""
    return _TupleOf(types, non_empty)


@attrs.frozen(repr=False)
class _TupleOfText(Check):
    types = (str,)
    sequence = True
    items_non_empty = True

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


def tuple_of_text() -> Check:
    """A check that the value is a tuple of non-empty strings."""
    return _TupleOfText()


@attrs.frozen(repr=False)
class _Bounded(Check):
    minimum: int | None
    maximum: int | None = None
    optional: bool = False
    types = (int,)

    def _reason(self) -> str:
        if self.maximum is None:
            return f"must be >= {self.minimum}"
        return f"must be from {self.minimum} to {self.maximum}"

    def __call__(self, value: object) -> Fault | None:
        if value is None and self.optional:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            return _type("must be int")
        if (self.minimum is not None and value < self.minimum) or (
            self.maximum is not None and value > self.maximum
        ):
            return _value(self._reason())
        return None

    def expr(self, ref: str, env: dict[str, object]) -> str:
        test = f"{ref}.__class__ is int"
        if self.minimum is not None:
            test += f" and {ref} >= {self.minimum}"
        if self.maximum is not None:
            test += f" and {ref} <= {self.maximum}"
        return f"({ref} is None or ({test}))" if self.optional else f"({test})"

    def __repr__(self) -> str:
        if self.maximum is None:
            return f"<int >= {self.minimum}>"
        return f"<int from {self.minimum} to {self.maximum}>"


def int_at_least(bound: int, *, optional: bool = False) -> Check:
    """A check that the value is an int no smaller than ``bound``."""
    return _Bounded(bound, None, optional)


def int_between(low: int, high: int, *, optional: bool = False) -> Check:
    """A check that the value is an int from ``low`` to ``high``, both included."""
    return _Bounded(low, high, optional)


@attrs.frozen(repr=False)
class _NonNegative(Check):
    kind: type
    zero: Any
    optional: bool = False
    minimum = 0

    @property
    def types(self) -> tuple[type, ...]:  # type: ignore[override]
        return (self.kind,)

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


def non_negative(kind: type, *, optional: bool = False) -> Check:
    """A check that the value is a ``kind`` (Money or Percent) that is not below zero."""
    return _NonNegative(kind, kind(0), optional)


class Checks:
    """The checks of one class's fields, compiled into one fast predicate.

    >>> checks = Checks(("title", non_empty_text()), ("count", int_at_least(0)))
    >>> checks.passes(type("T", (), {"title": "x", "count": 1})())
    True
    """

    def __init__(self, *checks: tuple[str, Check]) -> None:
        self.checks = checks
        env: dict[str, object] = {}
        lines = [f"    v{i} = obj.{name}" for i, (name, _) in enumerate(checks)]
        tests = [check.expr(f"v{i}", env) for i, (_, check) in enumerate(checks)] or ["True"]
        source = (
            "def passes(obj):\n" + "\n".join(lines) + "\n    return " + " and ".join(tests) + "\n"
        )
        exec(compile(source, f"<checks {', '.join(n for n, _ in checks)}>", "exec"), env)
        self.passes: Callable[[object], bool] = env["passes"]  # type: ignore[assignment]

    @classmethod
    def of(cls, entity: type) -> Checks:
        """The checks that the fields of the attrs class ``entity`` declare (see :func:`declare`)."""
        return cls(*declared_checks(entity))

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


def declare(check: Check) -> dict[str, Check]:
    """The attrs metadata that declares a field's construction check, the one declaration
    of its rule that construction, the JSON loader, the schema and the strategies read:
    ``title: str = attrs.field(metadata=declare(non_empty_text()))``."""
    return {CHECK_KEY: check}


def declared_checks(entity: type) -> tuple[tuple[str, Check], ...]:
    """Each field of ``entity`` that declares a check, with the check, in field order."""
    return tuple(
        (f.name, f.metadata[CHECK_KEY]) for f in attrs.fields(entity) if CHECK_KEY in f.metadata
    )


def declared(entity: _C) -> _C:
    """Class decorator (below ``@attrs.frozen``): compile the fields' declared checks once,
    as the class's ``__checks__``, which :func:`validate` runs at construction."""
    entity.__checks__ = Checks.of(entity)  # type: ignore[attr-defined]
    return entity


def checks_of(entity: type) -> Checks:
    """The compiled checks that :func:`declared` made for ``entity``."""
    checks: Checks = entity.__dict__["__checks__"]
    return checks


def check_declared(obj: object, extra: Iterable[Problem] = ()) -> None:
    """Run ``obj``'s declared checks (and any ``extra`` problems). As a class's whole
    ``__attrs_post_init__``, it says the class checks nothing else (the JSON loader may then
    build it without running them a second time)."""
    validate(obj, obj.__checks__, extra)  # type: ignore[attr-defined]


def has_only_declared_checks(entity: type) -> bool:
    """Whether ``entity``'s construction checks nothing but its fields' declarations."""
    return getattr(entity, "__attrs_post_init__", None) is check_declared


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
