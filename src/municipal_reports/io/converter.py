"""The cattrs converters of the report format, and the strict hooks for every value.

Two converters share the same hooks: a fast one (``detailed_validation`` off) for the good
case, and a detailed one that re-reads a document that failed, so that every problem can be
listed with its path. Both are built on first use.

The hooks are strict on purpose: cattrs would turn ``3`` into ``"3"`` where a string is
expected and a list of characters out of a string where a list is expected; a JSON number
``0.1`` is not an exact amount. Money and percentages are JSON strings, never numbers.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import types
import typing
from collections.abc import Callable
from typing import Any, Final

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from municipal_reports.domain import (
    AwardBatch,
    Breakdown,
    CouncilActivity,
    Decision,
    DeputyFundAllocation,
    Fact,
    Figure,
    ListedItems,
    Money,
    MoneyBreakdown,
    MoneyFigure,
    ParticipatoryBudget,
    Percent,
    ProgramReport,
    Qualifier,
    Quantity,
    Session,
    Shares,
)
from municipal_reports.domain.money import WHOLE_HRYVNIAS
from municipal_reports.domain.percent import PLAIN_PERCENT
from municipal_reports.errors import (
    InvalidTypeError,
    InvalidValueError,
    MunicipalReportsError,
    Problem,
)
from municipal_reports.paths import join

__all__ = [
    "FACT_TAGS",
    "MONEY_PATTERN",
    "PERCENT_PATTERN",
    "TAG_KEY",
    "Fact",
    "converter",
    "problems_of",
]

#: The key that says which kind of fact (or document) a JSON object is. Not "kind":
#: ``Session.kind`` and ``ReportMeta.kind`` are fields of their own.
TAG_KEY: Final = "type"

#: The tag of each kind of fact; part of the format, so spelled out rather than derived.
FACT_TAGS: Final[dict[type, str]] = {
    ProgramReport: "program_report",
    CouncilActivity: "council_activity",
    Session: "session",
    Breakdown: "breakdown",
    MoneyBreakdown: "money_breakdown",
    AwardBatch: "award_batch",
    DeputyFundAllocation: "deputy_fund_allocation",
    ParticipatoryBudget: "participatory_budget",
    Figure: "figure",
    ListedItems: "listed_items",
    Decision: "decision",
    Shares: "shares",
    MoneyFigure: "money_figure",
}
_TAGGED: Final = {tag: cls for cls, tag in FACT_TAGS.items()}

#: Hryvnias: an optional minus, at most 15 integer digits (the :data:`MAX_HRYVNIAS` bound)
#: without leading zeros, and at most two decimals. No exponent, no NaN, no spaces, and no
#: negative zero («-0.00» would be written back as «0.00»).
MONEY_PATTERN: Final = rf"(?!-0(?:\.0+)?$)-?{WHOLE_HRYVNIAS}(?:\.[0-9]{{1,2}})?"
#: A percentage as written: up to 19 integer digits (below 10**19 %, which every percentage()
#: of two Money values is) and 12 decimals, kept as given (no negative zero either).
PERCENT_PATTERN: Final = rf"(?!-0(?:\.0+)?$)-?{PLAIN_PERCENT}"
#: A date as JSON writes it: ISO «YYYY-MM-DD» (the calendar is checked after).
DATE_PATTERN: Final = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

_DATE_RE: Final = re.compile(DATE_PATTERN)

_JSON_TYPES: Final = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "an integer",
    float: "a number with a fraction or exponent",
    bool: "a boolean",
    type(None): "null",
}


def _kind(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _wrong_type(value: object, expected: str) -> InvalidTypeError:
    return InvalidTypeError([Problem("$", value, f"must be {expected}, not {_kind(value)}", True)])


def _bad_value(value: object, reason: str) -> InvalidValueError:
    return InvalidValueError([Problem("$", value, reason)])


# Leaf hooks: each returns the value or raises with a problem at "$" (the caller's path
# is prefixed when the error list is made).


def _structure_str(value: Any, _: object) -> str:
    if type(value) is not str:
        raise _wrong_type(value, "a string")
    return value


def _structure_bool(value: Any, _: object) -> bool:
    if type(value) is not bool:
        raise _wrong_type(value, "true or false")
    return value


def _structure_int(value: Any, _: object) -> int:
    if type(value) is not int:
        raise _wrong_type(value, "an integer")
    return value


def _negative_zero(value: str, read: Any) -> bool:
    """Whether ``value`` is a canonical zero with a minus in front («-0.00»)."""
    return value[:1] == "-" and read(value[1:]) is not None and not value[1:].strip("0.")


def _structure_money(value: Any, _: object) -> Money:
    if type(value) is not str:
        raise _wrong_type(value, 'a string of hryvnias such as "2080000.00"')
    money = Money.from_canonical(value)
    if money is None:
        if _negative_zero(value, Money.from_canonical):
            raise _bad_value(value, "is a negative zero: write it without the minus")
        raise _bad_value(
            value, "is not an amount: at most 15 digits, a dot and at most two decimals"
        )
    return money


def _structure_percent(value: Any, _: object) -> Percent:
    if type(value) is not str:
        raise _wrong_type(value, 'a string such as "24.69"')
    percent = Percent.from_canonical(value)
    if percent is None:
        if _negative_zero(value, Percent.from_canonical):
            raise _bad_value(value, "is a negative zero: write it without the minus")
        raise _bad_value(value, "is not a percentage: digits, and a dot before any decimals")
    return percent


def _structure_date(value: Any, _: object) -> dt.date:
    if type(value) is not str:
        raise _wrong_type(value, 'an ISO date string such as "2023-12-31"')
    if _DATE_RE.fullmatch(value) is None:
        raise _bad_value(value, "is not an ISO date (YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise _bad_value(value, f"is not a calendar date: {exc}") from None


def _enum_hook(cls: type[enum.Enum]) -> Callable[[Any, object], enum.Enum]:
    members = {m.value: m for m in cls}
    choices = ", ".join(repr(v) for v in members)

    def structure(value: Any, _: object) -> enum.Enum:
        if type(value) is not str:
            raise _wrong_type(value, f"one of {choices}")
        try:
            return members[value]
        except KeyError:
            raise _bad_value(value, f"must be one of {choices}") from None

    return structure


def _unstructure_quantity(q: Quantity) -> int | dict[str, Any]:
    if q.qualifier is Qualifier.EXACT:
        return q.value
    return {"value": q.value, "qualifier": q.qualifier.value}


def _is_tuple(t: Any) -> bool:
    return typing.get_origin(t) is tuple


def _is_fact(t: Any) -> bool:
    return bool(t == Fact)


def _is_optional(t: Any) -> bool:
    args = typing.get_args(t)
    return (
        typing.get_origin(t) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
        and not _is_fact(t)
    )


class _Hooks:
    """The hook factories of one converter: the detailed one also notes paths."""

    def __init__(self, conv: cattrs.Converter, detailed: bool) -> None:
        self.conv = conv
        self.detailed = detailed

    def tuple_hook(self, t: Any) -> Callable[[Any, object], tuple[Any, ...]]:
        args = typing.get_args(t)
        item_type = args[0]
        item = self.conv.get_structure_hook(item_type)
        detailed = self.detailed

        def structure(value: Any, _: object) -> tuple[Any, ...]:
            if type(value) is not list:
                raise _wrong_type(value, "an array")
            if not detailed:
                return tuple([item(v, item_type) for v in value])
            out, errors = [], []
            for i, v in enumerate(value):
                try:
                    out.append(item(v, item_type))
                except Exception as exc:
                    exc.add_note(IterableValidationNote(f"@ index {i}", i, item_type))
                    errors.append(exc)
            if errors:
                raise IterableValidationError("while structuring an array", errors, t)
            return tuple(out)

        return structure

    def optional_hook(self, t: Any) -> Callable[[Any, object], Any]:
        # cattrs' generic Optional handling dispatches on every call; bind the inner hook once.
        (inner_type,) = [a for a in typing.get_args(t) if a is not type(None)]
        inner = self.conv.get_structure_hook(inner_type)

        def structure(value: Any, _: object) -> Any:
            return None if value is None else inner(value, inner_type)

        return structure

    def class_hook(self, cls: type) -> Callable[[Any, object], Any]:
        generated: Callable[[Any, Any], Any] = make_dict_structure_fn(cls, self.conv)

        def structure(value: Any, _: object) -> Any:
            if type(value) is not dict:
                raise _wrong_type(value, "an object")
            return generated(value, cls)

        return structure

    def quantity_hook(self, _: Any) -> Callable[[Any, object], Quantity]:
        as_object = self.class_hook(Quantity)

        def structure(value: Any, t: object) -> Quantity:
            if type(value) is int:
                return Quantity(value)
            if type(value) is not dict:
                raise _wrong_type(
                    value, 'an integer count or an object {"value": …, "qualifier": …}'
                )
            result: Quantity = as_object(value, t)
            return result

        return structure

    def fact_hook(self, _: Any) -> Callable[[Any, object], Any]:
        hooks = {tag: self.conv.get_structure_hook(cls) for tag, cls in _TAGGED.items()}
        tags = ", ".join(repr(t) for t in _TAGGED)

        def structure(value: Any, _: object) -> Any:
            if type(value) is not dict:
                raise _wrong_type(value, "an object")
            tag = value.get(TAG_KEY, attrs.NOTHING)
            if tag is attrs.NOTHING:
                raise InvalidValueError(
                    [Problem(f"$.{TAG_KEY}", attrs.NOTHING, "required field missing")]
                )
            hook = hooks.get(tag) if type(tag) is str else None
            if hook is None:
                raise InvalidValueError(
                    [Problem(f"$.{TAG_KEY}", tag, f"is not a kind of fact; one of {tags}")]
                )
            fields = dict(value)
            del fields[TAG_KEY]
            return hook(fields, _TAGGED[tag])

        return structure


def _unstructure_fact(conv: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    def unstructure(fact: Any) -> dict[str, Any]:
        data: dict[str, Any] = conv.unstructure(fact)
        return {TAG_KEY: FACT_TAGS[type(fact)], **data}

    return unstructure


def _make(detailed: bool) -> cattrs.Converter:
    conv = cattrs.Converter(
        detailed_validation=detailed, forbid_extra_keys=True, omit_if_default=True
    )
    hooks = _Hooks(conv, detailed)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(Money, _structure_money)
    conv.register_structure_hook(Percent, _structure_percent)
    conv.register_structure_hook(dt.date, _structure_date)
    # The later registration wins: the general attrs-class hook first, the specific after.
    conv.register_structure_hook_factory(attrs.has, hooks.class_hook)
    conv.register_structure_hook_factory(_is_tuple, hooks.tuple_hook)
    conv.register_structure_hook_factory(_is_optional, hooks.optional_hook)
    conv.register_structure_hook_factory(_is_fact, hooks.fact_hook)
    conv.register_structure_hook_factory(lambda t: t is Quantity, hooks.quantity_hook)
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )

    conv.register_unstructure_hook(Money, str)
    conv.register_unstructure_hook(Percent, str)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_unstructure_hook(Quantity, _unstructure_quantity)
    conv.register_unstructure_hook_func(_is_fact, _unstructure_fact(conv))
    return conv


@functools.cache
def converter(*, detailed: bool = False) -> cattrs.Converter:
    """The converter of the report format: fast, or ``detailed`` to list every problem."""
    return _make(detailed)


def problems_of(exc: BaseException, path: str = "$") -> list[Problem]:
    """Every problem that a failed (detailed) structuring raised, with paths from the root."""
    if isinstance(exc, ClassValidationError):
        found: list[Problem] = []
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            found.extend(problems_of(sub, join(path, note.name)))
        for sub in without:
            found.extend(problems_of(sub, path))
        return found
    if isinstance(exc, IterableValidationError):
        found = []
        for sub in exc.exceptions:
            notes = [n for n in getattr(sub, "__notes__", ()) if type(n) is IterableValidationNote]
            key = notes[-1].index if notes else None
            found.extend(problems_of(sub, join(path, key) if isinstance(key, int) else path))
        return found
    if isinstance(exc, ForbiddenExtraKeysError):
        return [
            Problem(join(path, key), attrs.NOTHING, "unknown key")
            for key in sorted(exc.extra_fields)
        ]
    if isinstance(exc, (InvalidValueError, InvalidTypeError)):
        # Construction errors name paths relative to their object ("$.amount").
        return [Problem(path + p.path[1:], p.value, p.reason, p.is_type) for p in exc.problems]
    if isinstance(exc, KeyError):
        return [Problem(path, attrs.NOTHING, "required field missing")]
    if isinstance(exc, MunicipalReportsError):
        return [Problem(path, attrs.NOTHING, str(exc))]
    return [Problem(path, attrs.NOTHING, f"{type(exc).__name__}: {exc}")]
