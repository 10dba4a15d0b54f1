"""The pipelines the benchmark compares, each doing the same work on one JSON document.

Every pipeline takes the bytes of one program-report file and returns its inconsistencies
as ``(code, path)`` pairs with the library's codes and paths. Two kinds of work:

- **arithmetic** (:data:`ARITHMETIC`): ``MR101`` a declared total the measures do not sum
  to (outside the rounding band of the column's writing), ``MR201`` a measure's declared
  percent that no rounding explains, ``MR202`` the same for the «Всього» row; and the
  execution percentage of every measure by the one rule (half-up to 2 places).
- **full rules** (:data:`FULL`): every rule that applies to a program report
  (:data:`FULL_RULES`: also rounded totals, percents within the figures' rounding, a
  percent of a zero plan, funding plausibility, the period and the measures' terms against
  the program's, amendments against the approval, mixed-script words), with dates decoded
  as dates and checked.

The checks are the library's rules written again in each peer's idiom (Decimal money in
hryvnias, attribute access on the peer's own objects), so the comparison is of like work,
and the benchmark checks that every pipeline finds the same things.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any, Literal

import msgspec
import orjson
import pydantic

__all__ = [
    "ARITHMETIC",
    "FULL",
    "FULL_RULES",
    "PIPELINES",
    "Findings",
    "floor",
    "msgspec_full",
    "msgspec_pipeline",
    "ours",
    "ours_arithmetic",
    "ours_bulk",
    "ours_bulk_alone",
    "pydantic_full",
    "pydantic_pipeline",
]

Findings = list[tuple[str, str]]
Pipeline = Callable[[bytes], Findings]

_CENT = Decimal("0.01")
_ZERO = Decimal(0)
_COLUMNS = ("indicative", "annual", "actual")


def floor(raw: bytes) -> Findings:
    """The floor: decoding alone, no objects, no checks."""
    orjson.loads(raw)
    return []


# The rules all peers share, in their own idiom: Decimal money in hryvnias, no entities.

_STEP_KOPECKS = {"UAH": 100, "thousand UAH": 100_000}
_ARITHMETIC = frozenset(("MR101", "MR201", "MR202"))
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ‘`´][^\W\d_]+)*")
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def _percentage(actual: Decimal, plan: Decimal) -> Decimal | None:
    """The one rule, in Decimal: half-up to 2 places, None for a zero plan."""
    if not plan:
        return None
    return (actual * 100 / plan).quantize(_CENT, rounding=ROUND_HALF_UP)


def _decimals(declared: Decimal) -> int:
    exponent = declared.as_tuple().exponent
    assert isinstance(exponent, int)
    return max(-exponent, 0)


def _is_correct_rounding(declared: Decimal, actual: Decimal, plan: Decimal) -> bool:
    # |declared − 100 a / p| ≤ ½ · 10^-d   ⇔   2 |declared · p − 100 a| ≤ p · 10^-d
    return 2 * abs(declared * plan - 100 * actual) <= plan.scaleb(-_decimals(declared))


def _fits_rounded(
    declared: Decimal, actual: Decimal, plan: Decimal, actual_width: Decimal, plan_width: Decimal
) -> bool:
    """Whether some figures within half a step of the written ones give ``declared``."""
    d = _decimals(declared)
    units, scale = declared.scaleb(d), 200 * 10**d
    part_low, part_high = max(_ZERO, 2 * actual - actual_width), 2 * actual + actual_width
    whole_low, whole_high = 2 * plan - plan_width, 2 * plan + plan_width
    if whole_high <= 0 or part_high < 0:
        return False
    below_max = whole_low <= 0 or (2 * units - 1) * whole_low <= scale * part_high
    above_min = scale * part_low <= (2 * units + 1) * whole_high
    return below_max and above_min


def _percent_verdict(
    declared: Decimal, actual: Decimal, plan: Decimal, actual_width: Decimal, plan_width: Decimal
) -> str | None:
    """None when correct, "MR205" within the rounding of the figures, else "MR201"."""
    if _is_correct_rounding(declared, actual, plan):
        return None
    if (actual_width or plan_width) and _fits_rounded(
        declared, actual, plan, actual_width, plan_width
    ):
        return "MR205"
    return "MR201"


def _widths(columns: Any) -> list[Decimal]:
    """Each money column's rounding step in hryvnias (0 for figures written to the kopeck)."""
    widths = []
    for column in _COLUMNS:
        fmt = getattr(columns, column) if columns is not None else None
        if fmt is None:
            widths.append(_ZERO)
            continue
        step = _STEP_KOPECKS[fmt.unit] // 10**fmt.decimals
        widths.append(Decimal(step) / 100 if step > 1 else _ZERO)
    return widths


def _mixed_words(text: str) -> list[str]:
    if not _LATIN.search(text):
        return []
    return [w for w in _WORD.findall(text) if _LATIN.search(w) and _CYRILLIC.search(w)]


def _audit(report: Any, out: Findings, codes: frozenset[str], *, check_ranges: bool) -> None:
    """The rules in ``codes`` on any objects with the report's attribute names.

    ``check_ranges`` also refuses negative money and percents and money with more than two
    decimals (for a peer that cannot check them while decoding), as the library refuses
    them when building objects; dates are checked too (a period that ends before it starts).
    """
    full = len(codes) > len(_ARITHMETIC)
    widths = _widths(getattr(report, "columns", None))
    program = report.program
    term = program.term
    period = report.period
    if period.end < period.start:
        raise ValueError("$.period: ends before it starts")
    if full:
        if term is not None and not (
            term.first <= period.start.year and period.end.year <= term.last
        ):
            out.append(("MR501", "$.period"))
        approved = program.approved_by.date if program.approved_by is not None else None
        if approved is not None:
            for i, amendment in enumerate(program.amendments):
                if amendment.date is not None and amendment.date < approved:
                    out.append(("MR503", f"$.program.amendments[{i}].date"))
        if _mixed_words(program.title):
            out.append(("MR701", "$.program.title"))
    sums = [_ZERO, _ZERO, _ZERO]
    counts = [0, 0, 0]
    for t, task in enumerate(report.tasks):
        if full and _mixed_words(task.title):
            out.append(("MR701", f"$.tasks[{t}].title"))
        for m, measure in enumerate(task.measures):
            at = f"$.tasks[{t}].measures[{m}]"
            f = measure.financing
            for c, value in enumerate((f.indicative, f.annual, f.actual)):
                if value is not None:
                    if check_ranges and (value < 0 or _decimals(value) > 2):
                        raise ValueError(f"{at}: negative money or fractions of a kopeck")
                    sums[c] += value
                    counts[c] += 1
            declared = measure.declared_percent
            if check_ranges and declared is not None and declared < 0:
                raise ValueError(f"{at}: negative percent")
            actual, annual, indicative = f.actual, f.annual, f.indicative
            plan, plan_c = (annual, 1) if annual is not None else (indicative, 0)
            if declared is not None and actual is not None and plan is not None and plan:
                verdict = _percent_verdict(declared, actual, plan, widths[2], widths[plan_c])
                if verdict is not None and verdict in codes:
                    out.append((verdict, f"{at}.declared_percent"))
            if not full:
                continue
            if declared is not None and plan is not None and not plan:
                if declared or actual:
                    out.append(("MR203", f"{at}.declared_percent"))
            if actual is not None and annual is not None and actual > annual:
                out.append(("MR401", f"{at}.financing.actual"))
            if annual is not None and indicative is not None and annual > indicative:
                out.append(("MR402", f"{at}.financing.annual"))
            if declared is not None and declared >= 100 and not actual:
                out.append(("MR403", f"{at}.declared_percent"))
            if _mixed_words(measure.content):
                out.append(("MR701", f"{at}.content"))
            if measure.note and _mixed_words(measure.note):
                out.append(("MR701", f"{at}.note"))
            mt = measure.term
            if term is not None and mt is not None:
                if not (term.first <= mt.first and mt.last <= term.last):
                    out.append(("MR502", f"{at}.term"))
    total = report.total
    values: list[Decimal | None] = []
    bands: list[Decimal] = []
    for c, column in enumerate(_COLUMNS):
        declared_total = getattr(total, column) if total is not None else None
        if declared_total is not None:
            if check_ranges and declared_total < 0:
                raise ValueError(f"$.total.{column}: negative money")
            difference = sums[c] - declared_total
            if difference:
                within = 2 * abs(difference) <= (counts[c] + 1) * widths[c]
                code = "MR102" if within else "MR101"
                if code in codes:
                    out.append((code, f"$.total.{column}"))
            values.append(declared_total)
            bands.append(widths[c])
        else:
            values.append(sums[c] if counts[c] else None)
            bands.append(counts[c] * widths[c])
    declared_percent = report.total_percent
    if declared_percent is None:
        return
    if check_ranges and declared_percent < 0:
        raise ValueError("$.total_percent: negative percent")
    plan_c = 1 if values[1] is not None else 0
    plan, actual = values[plan_c], values[2]
    if plan is None or actual is None or not plan:
        return
    verdict = _percent_verdict(declared_percent, actual, plan, bands[2], bands[plan_c])
    if verdict is not None:
        code = "MR202" if verdict == "MR201" else verdict
        if code in codes:
            out.append((code, "$.total_percent"))


def _percentages(report: Any) -> list[Decimal | None]:
    """The execution percentage of every measure (what a user's table needs)."""
    found = []
    for task in report.tasks:
        for measure in task.measures:
            f = measure.financing
            plan = f.annual if f.annual is not None else f.indicative
            found.append(None if plan is None or f.actual is None else _percentage(f.actual, plan))
    return found


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
    date: dt.date | None
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
    kind: Literal["year", "nine_months", "half_year", "quarter", "month"]
    start: dt.date
    end: dt.date


class MsMoneyFormat(msgspec.Struct, forbid_unknown_fields=True):
    unit: Literal["UAH", "thousand UAH"] = "UAH"
    decimals: Annotated[int, msgspec.Meta(ge=0, le=5)] = 2


class MsColumns(msgspec.Struct, forbid_unknown_fields=True):
    indicative: MsMoneyFormat | None = None
    annual: MsMoneyFormat | None = None
    actual: MsMoneyFormat | None = None


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
    columns: MsColumns | None = None


_MS_DECODER = msgspec.json.Decoder(MsProgramReport)


def msgspec_pipeline(raw: bytes) -> Findings:
    """msgspec Structs with Decimal money and dates, the range checks and the arithmetic
    rules in one pass after decoding, the execution percentages."""
    report = _MS_DECODER.decode(raw)
    found: Findings = []
    _audit(report, found, _ARITHMETIC, check_ranges=True)
    _percentages(report)
    return found


def msgspec_full(raw: bytes) -> Findings:
    """The same with every rule that applies to a program report."""
    report = _MS_DECODER.decode(raw)
    found: Findings = []
    _audit(report, found, FULL_RULES, check_ranges=True)
    return found


# pydantic v2: models with Decimal fields; the audit in a model_validator.

PdMoney = Annotated[Decimal, pydantic.Field(ge=0, decimal_places=2)]
PdPercent = Annotated[Decimal, pydantic.Field(ge=0)]
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
    declared_percent: PdPercent | None = None
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
    date: dt.date | None
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
    kind: Literal["year", "nine_months", "half_year", "quarter", "month"]
    start: dt.date
    end: dt.date


class PdMoneyFormat(pydantic.BaseModel):
    model_config = _STRICT
    unit: Literal["UAH", "thousand UAH"] = "UAH"
    decimals: Annotated[int, pydantic.Field(ge=0, le=5)] = 2


class PdColumns(pydantic.BaseModel):
    model_config = _STRICT
    indicative: PdMoneyFormat | None = None
    annual: PdMoneyFormat | None = None
    actual: PdMoneyFormat | None = None


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
    total_percent: PdPercent | None = None
    signatory: PdSignatory | None = None
    columns: PdColumns | None = None
    _findings: Findings = pydantic.PrivateAttr(default_factory=list)

    @pydantic.model_validator(mode="after")
    def _audit(self, info: pydantic.ValidationInfo) -> PdProgramReport:
        codes = (info.context or {}).get("codes", _ARITHMETIC)
        _audit(self, self._findings, codes, check_ranges=False)
        return self


_PD_CONTEXT = {"codes": None}  # set below, once FULL_RULES exists


def pydantic_pipeline(raw: bytes) -> Findings:
    """pydantic v2 ``model_validate_json`` with range checks while validating, the
    arithmetic rules as a model validator, the execution percentages."""
    report = PdProgramReport.model_validate_json(raw)
    _percentages(report)
    return report._findings


def pydantic_full(raw: bytes) -> Findings:
    """The same with every rule that applies to a program report."""
    return PdProgramReport.model_validate_json(raw, context=_PD_CONTEXT)._findings


# Ours: what a user runs, through the public API only.

#: Every rule that applies to a program report (the peers' full set).
FULL_RULES = frozenset(
    (
        "MR101", "MR102", "MR201", "MR202", "MR203", "MR205", "MR401",
        "MR402", "MR403", "MR501", "MR502", "MR503", "MR701",
    )
)  # fmt: skip
_PD_CONTEXT["codes"] = FULL_RULES


def ours_arithmetic(raw: bytes) -> Findings:
    """municipal_reports: load + construction checks + the arithmetic rules + execution
    percentages (the same work as the arithmetic peers)."""
    import municipal_reports as mr

    report = mr.loads(raw)
    assert isinstance(report, mr.ProgramReport)
    found = [(f.code, f.path) for f in mr.audit(report, select=_ARITHMETIC)]
    for m in report.measures():
        m.financing.execution()
    return found


def ours(raw: bytes) -> Findings:
    """municipal_reports, the exact road: load + construction checks + the full audit."""
    import municipal_reports as mr

    return [(f.code, f.path) for f in mr.audit(mr.loads(raw))]


_BATCH = 500  # documents a memo serves, as a serial audit_many's chunks of 500 files
_bulk_state: dict[str, Any] = {"memo": {}, "count": 0}


def ours_bulk_alone(raw: bytes) -> Findings:
    """municipal_reports, the bulk road without pyarrow: each document's column screen in
    pure Python (``audit_document``), the exact rules only where a screen fired, with one
    memo of repeated values for each batch of 500 documents, as a serial ``audit_many``
    keeps per chunk."""
    from municipal_reports.bulk import audit_document

    state = _bulk_state
    state["count"] += 1
    if state["count"] % _BATCH == 0:
        state["memo"] = {}
    result = audit_document(raw, memo=state["memo"])
    if result.problems:
        raise ValueError(result.problems)
    return [(f.code, f.path) for f in result.findings]


class _Batched:
    """A pipeline that takes a batch of documents at once (``batch``), as ``audit_many``
    does; called with one document it is a batch of one."""

    def __init__(self, batch: Callable[[list[bytes]], list[Findings]], doc: str) -> None:
        self.batch = batch
        self.__doc__ = doc

    def __call__(self, raw: bytes) -> Findings:
        return self.batch([raw])[0]


def _bulk_batch(raws: list[bytes]) -> list[Findings]:
    from municipal_reports.bulk import audit_documents

    found = []
    for result in audit_documents([("", raw) for raw in raws]):
        if result.problems:
            raise ValueError(result.problems)
        found.append([(f.code, f.path) for f in result.findings])
    return found


#: municipal_reports, the bulk road as ``audit_many`` and the CLI run it: a batch of
#: documents screened at once (pyarrow's JSON reader and compute kernels where pyarrow is
#: installed), the exact rules only where a screen fired.
ours_bulk = _Batched(_bulk_batch, "municipal_reports, the bulk road: a batch screened at once.")


#: The pipelines that run the arithmetic rules (MR101, MR201, MR202) and compute every
#: measure's execution percentage.
ARITHMETIC: dict[str, Pipeline] = {
    "msgspec, arithmetic": msgspec_pipeline,
    "pydantic v2, arithmetic": pydantic_pipeline,
    "ours, arithmetic": ours_arithmetic,
}

#: The pipelines that run every rule that applies to a program report.
FULL: dict[str, Pipeline] = {
    "msgspec, full rules": msgspec_full,
    "pydantic v2, full rules": pydantic_full,
    "ours exact road, full": ours,
    "ours bulk road, full": ours_bulk,
    "ours bulk, no pyarrow": ours_bulk_alone,
}

PIPELINES: dict[str, Pipeline] = {"orjson floor": floor, **ARITHMETIC, **FULL}
