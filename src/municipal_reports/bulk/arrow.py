"""The execution table as a pyarrow Table (the ``arrow`` extra).

polars (``polars.from_arrow``) and DuckDB (a query on the variable) read an Arrow table
without copying it; pandas converts it (``table.to_pandas()``, decimals as ``Decimal``).
Money is ``decimal128(18, 2)`` and the percentage ``decimal128(24, 2)``: exact, never
floats; an undefined percentage is null.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from municipal_reports.bulk.table import ExecutionRow

__all__ = ["to_arrow"]

#: Up to 10**16 hryvnias with kopecks: more than MAX_HRYVNIAS summed ten times.
_MONEY_PRECISION = 18
#: Percentages of the one rule: two decimals; the largest (a 10**15 UAH actual over a
#: one-kopeck plan) has 20 integer digits.
_PERCENT_PRECISION = 24


def to_arrow(rows: Sequence[ExecutionRow], by: Sequence[str] | None = None) -> Any:
    """The rows as a ``pyarrow.Table``: the group columns, then ``planned``, ``actual``
    (decimal128(18, 2)), ``percentage`` (decimal128(24, 2), null when undefined), ``reports``
    and ``measures`` (int64). ``by`` names the group columns when ``rows`` is empty.

    Raises ``ImportError`` with the install command when pyarrow is missing.
    """
    try:
        import pyarrow as pa
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("to_arrow needs pyarrow: pip install 'municipal-reports[arrow]'") from exc
    keys = tuple(rows[0].by) if rows else tuple(by or ())
    columns: dict[str, Any] = {}
    for i, name in enumerate(keys):
        kind = pa.int64() if name == "year" else pa.string()
        columns[name] = pa.array([r.key[i] for r in rows], type=kind)
    money = pa.decimal128(_MONEY_PRECISION, 2)
    columns["planned"] = pa.array([r.planned.amount for r in rows], type=money)
    columns["actual"] = pa.array([r.actual.amount for r in rows], type=money)
    columns["percentage"] = pa.array(
        [None if r.percentage is None else r.percentage.value for r in rows],
        type=pa.decimal128(_PERCENT_PRECISION, 2),
    )
    columns["reports"] = pa.array([r.reports for r in rows], type=pa.int64())
    columns["measures"] = pa.array([r.measures for r in rows], type=pa.int64())
    return pa.table(columns)
