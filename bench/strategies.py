"""How fast the strategies draw: 1 000 program reports of 20 measures each.

Run: ``.venv/bin/python bench/strategies.py`` (optionally ``--examples N --measures M``).
Draws through ``@given`` with only the generate phase, as a test suite would.
"""

from __future__ import annotations

import argparse
import time

from hypothesis import HealthCheck, Phase, given, settings

from municipal_reports import ProgramReport
from municipal_reports.testing import program_reports


def main() -> None:
    """Time the draws and print the figure."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=1000)
    parser.add_argument("--measures", type=int, default=20)
    args = parser.parse_args()
    drawn: list[int] = []

    @settings(
        max_examples=args.examples,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(program_reports(min_measures=args.measures, max_measures=args.measures))
    def draw(report: ProgramReport) -> None:
        drawn.append(len(report.measures()))

    start = time.perf_counter()
    draw()
    elapsed = time.perf_counter() - start
    measures = sum(drawn)
    print(
        f"{len(drawn)} program reports, {measures} measures in {elapsed:.2f} s "
        f"({len(drawn) / elapsed:.0f} reports/s, {measures / elapsed:.0f} measures/s)"
    )


if __name__ == "__main__":
    main()
