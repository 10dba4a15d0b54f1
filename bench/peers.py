"""The pipelines the benchmark compares, each doing the same work on one JSON document.

Every pipeline takes the bytes of one program-report file and returns its inconsistencies
as ``(code, path)`` pairs with the library's codes and paths:

- ``MR101`` a declared total that the measures do not sum to (per money column);
- ``MR201`` a measure's declared percent that is not a correct rounding of actual / plan;
- ``MR202`` the same for the «Всього» row (declared totals where given).

and computes the execution percentage of every measure and of the report by the one rule
(half-up to 2 places, undefined for a zero plan). The checks are the library's rules
written again in each peer's idiom, with Decimal money, so the comparison is of like work.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any

import msgspec
import orjson
import pydantic

__all__ = ["PIPELINES", "Findings", "floor", "msgspec_pipeline", "ours", "pydantic_pipeline"]

Findings = list[tuple[str, str]]
Pipeline = Callable[[bytes], Findings]

_CENT = Decimal("0.01")
_ZERO = Decimal(0)
_COLUMNS = ("indicative", "annual", "actual")


def floor(raw: bytes) -> Findings:
    """The floor: decoding alone, no objects, no checks."""
    orjson.loads(raw)
    return []


# The arithmetic all peers share (Decimal, exact: cross-multiplied, no division).


def _percentage(actual: Decimal, plan: Decimal) -> Decimal | None:
    """The one rule, in Decimal: half-up to 2 places, None for a zero plan."""
    if not plan:
        return None
    return (actual * 100 / plan).quantize(_CENT, rounding=ROUND_HALF_UP)


def _is_correct_rounding(declared: Decimal, actual: Decimal, plan: Decimal) -> bool:
    # |declared − 100 a / p| ≤ ½ · 10^exp   ⇔   2 |declared · p − 100 a| ≤ p · 10^exp
    exponent = declared.as_tuple().exponent
    assert isinstance(exponent, int)
    return 2 * abs(declared * plan - 100 * actual) <= plan.scaleb(min(exponent, 0))


def _audit(
    tasks: list[Any],
    total: Any,
    total_percent: Decimal | None,
    out: Findings,
    *,
    check_ranges: bool = False,
) -> list[Decimal | None]:
    """The audit on any objects with the report's attribute names; the percentages.

    ``check_ranges`` also refuses negative money and percents (for a peer that cannot
    check them while decoding), as the library refuses them when building objects.
    """
    sums = [_ZERO, _ZERO, _ZERO]
    percents: list[Decimal | None] = []
    for t, task in enumerate(tasks):
        for m, measure in enumerate(task.measures):
            f = measure.financing
            for c, value in enumerate((f.indicative, f.annual, f.actual)):
                if value is not None:
                    if check_ranges and value < 0:
                        raise ValueError(f"$.tasks[{t}].measures[{m}]: negative money")
                    sums[c] += value
            plan = f.annual if f.annual is not None else f.indicative
            declared = measure.declared_percent
            if check_ranges and declared is not None and declared < 0:
                raise ValueError(f"$.tasks[{t}].measures[{m}]: negative percent")
            if plan is None or f.actual is None:
                percents.append(None)
                continue
            percents.append(_percentage(f.actual, plan))
            if declared is not None and plan and not _is_correct_rounding(declared, f.actual, plan):
                out.append(("MR201", f"$.tasks[{t}].measures[{m}].declared_percent"))
    if total is not None:
        for c, column in enumerate(_COLUMNS):
            declared_total = getattr(total, column)
            if declared_total is not None and declared_total != sums[c]:
                out.append(("MR101", f"$.total.{column}"))
    declared_annual = total.annual if total is not None else None
    declared_indicative = total.indicative if total is not None else None
    declared_actual = total.actual if total is not None else None
    plan = declared_annual if declared_annual is not None else sums[1]
    if declared_annual is None and declared_indicative is not None:
        plan = declared_indicative
    actual = declared_actual if declared_actual is not None else sums[2]
    percents.append(_percentage(actual, plan))
    if total_percent is not None and plan and not _is_correct_rounding(total_percent, actual, plan):
        out.append(("MR202", "$.total_percent"))
    return percents


# msgspec: Structs with Decimal fields; range checks by Meta, the audit after decoding.

# msgspec cannot bound a Decimal while decoding: its range checks run in the audit pass.
NonNegative = Decimal
Text = Annotated[str, msgspec.Meta(min_length=1)]


class MsFinancing(msgspec.Struct, forbid_unknown_fields=True):
    indicative: NonNegative | None = None
    annual: NonNegative | None = None
    actual: NonNegative | None = None


class MsYearSpan(msgspec.Struct, forbid_unknown_fields=True):
    first: int
    last: int


class MsMeasure(msgspec.Struct, forbid_unknown_fields=True):
    content: Text
    financing: MsFinancing = msgspec.field(default_factory=MsFinancing)
    declared_percent: NonNegative | None = None
    term: MsYearSpan | None = None
    executors: tuple[Text, ...] = ()
    note: str = ""
    number: Text | None = None


class MsTask(msgspec.Struct, forbid_unknown_fields=True):
    title: Text
    measures: tuple[MsMeasure, ...] = ()
    number: Text | None = None


class MsDecision(msgspec.Struct, forbid_unknown_fields=True):
    date: str | None
    number: str | None = None
    body: str = ""
    title: str = ""


class MsProgram(msgspec.Struct, forbid_unknown_fields=True):
    title: Text
    approved_by: MsDecision | None = None
    amendments: tuple[MsDecision, ...] = ()
    responsible_executors: tuple[Text, ...] = ()
    term: MsYearSpan | None = None


class MsPeriod(msgspec.Struct, forbid_unknown_fields=True):
    kind: str
    start: str
    end: str


class MsPerson(msgspec.Struct, forbid_unknown_fields=True):
    given_name: Text
    surname: Text
    patronymic: str = ""


class MsSignatory(msgspec.Struct, forbid_unknown_fields=True):
    position: Text
    person: MsPerson


class MsProgramReport(msgspec.Struct, forbid_unknown_fields=True):
    format_version: int
    type: str
    program: MsProgram
    period: MsPeriod
    tasks: tuple[MsTask, ...] = ()
    executor: str = ""
    total: MsFinancing | None = None
    total_percent: NonNegative | None = None
    signatory: MsSignatory | None = None


_MS_DECODER = msgspec.json.Decoder(MsProgramReport)


def msgspec_pipeline(raw: bytes) -> Findings:
    """msgspec Structs with Decimal money, range checks while decoding, then the audit."""
    report = _MS_DECODER.decode(raw)
    found: Findings = []
    if report.total_percent is not None and report.total_percent < 0:
        raise ValueError("$.total_percent: negative percent")
    _audit(list(report.tasks), report.total, report.total_percent, found, check_ranges=True)
    return found


# pydantic v2: models with Decimal fields; the audit in a model_validator.

PdMoney = Annotated[Decimal, pydantic.Field(ge=0)]
PdText = Annotated[str, pydantic.Field(min_length=1)]
_STRICT = pydantic.ConfigDict(extra="forbid", frozen=True)


class PdFinancing(pydantic.BaseModel):
    model_config = _STRICT
    indicative: PdMoney | None = None
    annual: PdMoney | None = None
    actual: PdMoney | None = None


class PdYearSpan(pydantic.BaseModel):
    model_config = _STRICT
    first: int
    last: int


class PdMeasure(pydantic.BaseModel):
    model_config = _STRICT
    content: PdText
    financing: PdFinancing = PdFinancing()
    declared_percent: PdMoney | None = None
    term: PdYearSpan | None = None
    executors: tuple[PdText, ...] = ()
    note: str = ""
    number: PdText | None = None


class PdTask(pydantic.BaseModel):
    model_config = _STRICT
    title: PdText
    measures: tuple[PdMeasure, ...] = ()
    number: PdText | None = None


class PdDecision(pydantic.BaseModel):
    model_config = _STRICT
    date: str | None
    number: str | None = None
    body: str = ""
    title: str = ""


class PdProgram(pydantic.BaseModel):
    model_config = _STRICT
    title: PdText
    approved_by: PdDecision | None = None
    amendments: tuple[PdDecision, ...] = ()
    responsible_executors: tuple[PdText, ...] = ()
    term: PdYearSpan | None = None


class PdPeriod(pydantic.BaseModel):
    model_config = _STRICT
    kind: str
    start: str
    end: str


class PdPerson(pydantic.BaseModel):
    model_config = _STRICT
    given_name: PdText
    surname: PdText
    patronymic: str = ""


class PdSignatory(pydantic.BaseModel):
    model_config = _STRICT
    position: PdText
    person: PdPerson


class PdProgramReport(pydantic.BaseModel):
    model_config = _STRICT
    format_version: int
    type: str
    program: PdProgram
    period: PdPeriod
    tasks: tuple[PdTask, ...] = ()
    executor: str = ""
    total: PdFinancing | None = None
    total_percent: PdMoney | None = None
    signatory: PdSignatory | None = None
    _findings: Findings = pydantic.PrivateAttr(default_factory=list)

    @pydantic.model_validator(mode="after")
    def _audit(self) -> PdProgramReport:
        _audit(list(self.tasks), self.total, self.total_percent, self._findings)
        return self


def pydantic_pipeline(raw: bytes) -> Findings:
    """pydantic v2 ``model_validate_json`` with range checks and the audit as a validator."""
    return PdProgramReport.model_validate_json(raw)._findings


# Ours: what a user runs, through the public API only.

_ARITHMETIC = ("MR101", "MR201", "MR202")


def ours(raw: bytes) -> Findings:
    """municipal_reports: load + construction checks + full audit + execution percentages."""
    import municipal_reports as mr

    report = mr.loads(raw)
    assert isinstance(report, mr.ProgramReport)
    found = [(f.code, f.path) for f in mr.audit(report)]
    for m in report.measures():
        f = m.financing
        plan = f.annual if f.annual is not None else f.indicative
        if plan is not None and f.actual is not None:
            mr.percentage(f.actual, plan)
    total = report.total
    if total is not None and total.annual is not None and total.actual is not None:
        mr.percentage(total.actual, total.annual)
    return found


def ours_arithmetic(raw: bytes) -> Findings:
    """The same with the audit restricted to the arithmetic rules the peers check."""
    import municipal_reports as mr

    report = mr.loads(raw)
    found = [(f.code, f.path) for f in mr.audit(report, select=_ARITHMETIC)]
    for m in report.measures():  # type: ignore[union-attr]
        f = m.financing
        plan = f.annual if f.annual is not None else f.indicative
        if plan is not None and f.actual is not None:
            mr.percentage(f.actual, plan)
    return found


PIPELINES: dict[str, Pipeline] = {
    "orjson floor": floor,
    "msgspec + checks": msgspec_pipeline,
    "pydantic v2 + checks": pydantic_pipeline,
    "ours (arithmetic audit)": ours_arithmetic,
    "ours (full audit)": ours,
}
