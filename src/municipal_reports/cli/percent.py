"""``municipal-reports percent ACTUAL PLANNED``: the execution percentage, by the one rule.

Prints ``ACTUAL / PLANNED × 100`` rounded half-up to two decimals (``24.69``). Exit 1, and
nothing on stdout, when PLANNED is zero (the percentage is undefined); exit 2 when an
amount is not a number of hryvnias.
"""

from __future__ import annotations

import argparse
import sys

from municipal_reports import Money, MunicipalReportsError, percentage

__all__ = ["add_parser", "run"]


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``percent`` command."""
    parser = subparsers.add_parser(
        "percent",
        help="the execution percentage of ACTUAL against PLANNED",
        description="Print ACTUAL / PLANNED × 100, rounded half-up to two decimals, as the "
        "library computes every execution percentage. Amounts are hryvnias with a dot and at "
        "most two decimals (513537.84).",
    )
    parser.add_argument("actual", metavar="ACTUAL", help="the amount financed, in hryvnias")
    parser.add_argument("planned", metavar="PLANNED", help="the amount planned, in hryvnias")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the percentage; return the exit status."""
    amounts = []
    for label, text in (("ACTUAL", args.actual), ("PLANNED", args.planned)):
        try:
            amounts.append(Money(text))
        except MunicipalReportsError as exc:
            reason = exc.problems[0].reason if hasattr(exc, "problems") else str(exc)
            print(f"municipal-reports percent: error: {label} {text!r} {reason}", file=sys.stderr)
            return 2
    result = percentage(amounts[0], amounts[1])
    if result is None:
        print("municipal-reports percent: undefined: PLANNED is zero", file=sys.stderr)
        return 1
    print(result)
    return 0
