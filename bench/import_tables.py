"""The table importer's time against the size of the table: linear, by measurement.

    python bench/import_tables.py [--rows 500,1000,2000,4000] [--repeat 3]

For each size it builds three documents of that many measure rows — pasted tab-separated
text, text pasted from a PDF (single spaces, thousands grouped, every row needing its
arithmetic to pick the reading) and an .xlsx workbook — imports each ``--repeat`` times,
and prints the best seconds, the microseconds per row and the ratio of each size's time
per row to the smallest's. A linear importer keeps that ratio near 1.
"""

from __future__ import annotations

import argparse
import io
import time
from collections.abc import Callable
from functools import partial

from municipal_reports.parse import import_rows, import_tables

TITLE = "Звіт про виконання програми «Безпечне місто» за 2023 рік"


def _figures(i: int) -> tuple[str, str, str]:
    plan = 1000 + (i * 37) % 9000
    actual = plan * (10 + i % 90) // 100
    pct = f"{actual * 100 / plan:.2f}".replace(".", ",")
    return f"{plan // 1000} {plan % 1000:03d},0", f"{actual // 1000} {actual % 1000:03d},0", pct


def tsv(rows: int) -> str:
    lines = [TITLE, "№ з/п\tНазва заходу\tЗаплановано, тис. грн\tВиконано, тис. грн\t% виконання"]
    for i in range(rows):
        plan, actual, pct = _figures(i)
        lines.append(f"{i + 1}\tЗахід номер {i + 1}\t{plan}\t{actual}\t{pct}")
    return "\n".join(lines) + "\n"


def spaced(rows: int) -> str:
    return tsv(rows).replace("\t", " ")


def xlsx(rows: int) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([TITLE])
    sheet.append(["№ з/п", "Назва заходу", "Заплановано, тис. грн", "Виконано, тис. грн", "%"])
    for i in range(rows):
        plan = 1000 + (i * 37) % 9000
        actual = plan * (10 + i % 90) // 100
        sheet.append([i + 1, f"Захід номер {i + 1}", plan / 10, actual / 10, actual / plan])
        sheet.cell(i + 3, 5).number_format = "0.00%"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _time(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="500,1000,2000,4000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.rows.split(",")]
    from municipal_reports.parse.table.sources.xlsx import rows_from_xlsx

    def from_xlsx(data: bytes) -> object:
        return import_rows(rows_from_xlsx(io.BytesIO(data)))

    kinds: dict[str, Callable[[int], Callable[[], object]]] = {
        "tsv": lambda n: partial(import_tables, tsv(n)),
        "pdf text": lambda n: partial(import_tables, spaced(n)),
        "xlsx": lambda n: partial(from_xlsx, xlsx(n)),
    }
    print(f"{'source':<9} {'rows':>6} {'seconds':>9} {'µs/row':>8} {'ratio':>6}")
    for name, make in kinds.items():
        base = None
        for n in sizes:
            seconds = _time(make(n), args.repeat)
            per_row = seconds / n * 1e6
            base = base or per_row
            print(f"{name:<9} {n:>6} {seconds:>9.3f} {per_row:>8.1f} {per_row / base:>6.2f}")


if __name__ == "__main__":
    main()
