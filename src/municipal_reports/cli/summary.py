"""``municipal-reports summary PATH... --by year,program``: the execution table.

Planned, actual and the execution percentage (the one rule) of every program report in the
files, directories (``*.json``, ``*.jsonl``, recursively) and JSON Lines given, grouped by
any of council, year, period, program, executor, task. Exit status 0, or 2 when a file
cannot be read or is not a valid report.
"""

from __future__ import annotations

import argparse
import json
import sys

from municipal_reports import MunicipalReportsError, StructureError
from municipal_reports.bulk import (
    GROUP_KEYS,
    ExecutionRow,
    summarise_many,
    to_arrow,
    to_csv,
)
from municipal_reports.bulk.picture import execution_page, program_execution
from municipal_reports.cli._files import add_max_size_argument, expand_each
from municipal_reports.cli._jobs import add_jobs_arguments, executor_for, progress_bar
from municipal_reports.cli._output import OutputError, check_output, write_output
from municipal_reports.cli._say import error, file_problem, not_a_report, shown
from municipal_reports.cli._table import format_table

__all__ = ["add_parser", "run"]


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``summary`` command."""
    parser = subparsers.add_parser(
        "summary",
        help="planned, actual and execution percentage over many reports, grouped",
        description="Sum planned and actual financing over every program report in the "
        "paths and compute each group's execution percentage (actual over plan, half-up "
        "to 2 places).",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a file, directory or .jsonl")
    parser.add_argument(
        "--by",
        type=_keys,
        default=("year", "program"),
        metavar="KEYS",
        help=f"comma-separated group keys from {','.join(GROUP_KEYS)} (default year,program)",
    )
    parser.add_argument(
        "--to",
        choices=("table", "csv", "json", "parquet", "html"),
        default="table",
        help="a readable table (default), CSV, JSON, Parquet (binary: needs pyarrow and -o), "
        "or html: one self-contained page of plan-against-actual bars by program and year, "
        "worst-executed first, with the audit's error count",
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    parser.add_argument(
        "--dialect",
        choices=("machine", "excel"),
        default="machine",
        help="for --to csv: machine (default) or excel (a BOM, semicolons, decimal commas)",
    )
    parser.add_argument(
        "--locale", choices=("uk", "en"), default="uk", help="the language of --to html"
    )
    add_jobs_arguments(parser)
    add_max_size_argument(parser)
    parser.set_defaults(func=run)


def _keys(text: str) -> tuple[str, ...]:
    keys = tuple(k.strip() for k in text.split(",") if k.strip())
    unknown = [k for k in keys if k not in GROUP_KEYS]
    if not keys or unknown:
        raise argparse.ArgumentTypeError(
            f"expected comma-separated keys from {', '.join(GROUP_KEYS)}, not {text!r}"
        )
    return keys


def _json(rows: list[ExecutionRow]) -> str:
    data = [
        {
            k: (v if v is None or isinstance(v, (int, str)) else str(v))
            for k, v in r.as_dict().items()
        }
        for r in rows
    ]
    return json.dumps(data, ensure_ascii=False, indent=2)


def _table(rows: list[ExecutionRow], by: tuple[str, ...]) -> str:
    header = [*by, "planned", "actual", "%", "reports", "measures"]
    cells = [
        [
            *map(shown, r.key),
            str(r.planned),
            str(r.actual),
            "—" if r.percentage is None else str(r.percentage),
            str(r.reports),
            str(r.measures),
        ]
        for r in rows
    ]
    return format_table(header, cells, right=range(len(by), len(header)))


def run(args: argparse.Namespace) -> int:
    """Compute the table and write it; return the exit status."""
    if args.to == "parquet" and not args.output:
        print("municipal-reports summary: error: --to parquet needs --output FILE", file=sys.stderr)
        return 2
    files = expand_each(args.paths)
    if args.to == "html":
        return _html(args, files)
    failures: list[tuple[str, str]] = []
    try:
        if args.output:
            check_output(args.output, files)
        executor = executor_for(args.jobs)
        with progress_bar(len(files), wanted=args.progress) as progress:
            try:
                rows = summarise_many(
                    files,
                    executor,
                    by=args.by,
                    progress=progress,
                    on_error=lambda source, reason: failures.append((source, reason)),
                    max_size=args.max_size,
                )
            finally:
                if executor is not None:
                    executor.shutdown(cancel_futures=True)
    except OutputError as exc:
        error("municipal-reports summary", exc)
        return 2
    except (OSError, MunicipalReportsError) as exc:
        error("municipal-reports summary", exc)
        return 2
    # Every file that could not be summed, by name; the table holds all the others.
    for source, reason in failures:
        file_problem(source, reason)
    status = 2 if failures else 0
    if args.to == "parquet":
        try:
            import pyarrow.parquet as pq
        except ImportError:
            print(
                "municipal-reports summary: error: --to parquet needs pyarrow: pip install 'municipal-reports[arrow]'",
                file=sys.stderr,
            )
            return 2
        import pyarrow as pa

        sink = pa.BufferOutputStream()
        pq.write_table(to_arrow(rows, args.by), sink)
        return _write(args.output, sink.getvalue().to_pybytes(), files) or status
    if args.to == "csv":
        text = to_csv(rows, by=args.by, dialect=args.dialect)
    elif args.to == "json":
        text = _json(rows) + "\n"
    else:
        text = _table(rows, args.by) + "\n"
    if args.output:
        return _write(args.output, text, files) or status
    sys.stdout.write(text)
    return status


def _write(path: str, data: bytes | str, inputs: list[str]) -> int:
    try:
        write_output(path, data, inputs=inputs)
    except OutputError as exc:
        error("municipal-reports summary", exc)
        return 2
    return 0


def _html(args: argparse.Namespace, files: list[str]) -> int:
    """The picture of execution: by program (one identity however spelled) and year."""
    try:
        if args.output:
            check_output(args.output, files)
        page = execution_page(program_execution(files), locale=args.locale)
    except OutputError as exc:
        error("municipal-reports summary", exc)
        return 2
    except StructureError as exc:
        not_a_report(exc.source, exc)
        return 2
    except (OSError, MunicipalReportsError) as exc:
        error("municipal-reports summary", exc)
        return 2
    if args.output:
        return _write(args.output, page, files)
    sys.stdout.write(page)
    return 0
