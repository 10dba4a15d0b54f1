"""``municipal-reports import FILE [--from tsv] [-o OUT.json]``: a program-report table
pasted out of Word or PDF, as a report file.

One table becomes a ProgramReport; a document holding several (each with its header block
and signature) becomes one Report with a section per table, which needs ``--council``.
Import findings (the decisions the importer made openly) go to stderr. Exit 0 when
imported, 2 when the file cannot be read or holds no importable table.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from municipal_reports import (
    Council,
    MunicipalReportsError,
    ProgramReport,
    Report,
    ReportKind,
    ReportMeta,
    Section,
    dump,
    dumps,
)
from municipal_reports.parse import ImportResult, import_tables, parse_period

__all__ = ["add_parser", "run"]

PROG = "municipal-reports import"


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``import`` command."""
    parser = subparsers.add_parser(
        "import",
        help="import a program-report table (tab-separated text) as a report file",
        description="Read the official program-report table as text pasted from Word or PDF "
        "(tab-separated) and write it as a report file (JSON). Import findings go to stderr.",
    )
    parser.add_argument("file", metavar="FILE", help="the text file (UTF-8)")
    parser.add_argument(
        "--from", dest="source", choices=("tsv",), default="tsv", help="the input format"
    )
    # The old spelling of --from, kept working for scripts written against it.
    parser.add_argument("--format", dest="source", choices=("tsv",), help=argparse.SUPPRESS)
    parser.add_argument("-o", "--output", metavar="OUT.json", help="write here, not to stdout")
    parser.add_argument(
        "--council",
        default="",
        help="the council's name: the body of the approving decisions, and the council of "
        "the bundled report when FILE holds several tables",
    )
    parser.add_argument(
        "--period",
        default=None,
        help="the reporting period («9 місяців 2022 року»), when the title names none",
    )
    parser.set_defaults(func=run)


def _fail(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 2


def _bundle(results: tuple[ImportResult, ...], council: str) -> Report:
    first = results[0].report
    return Report(
        ReportMeta(
            title=first.program.title,
            council=Council(council),
            period=first.period,
            kind=ReportKind.PROGRAM_EXECUTION,
        ),
        tuple(
            Section(r.report.executor or r.report.program.title, (), (r.report,)) for r in results
        ),
    )


def run(args: argparse.Namespace) -> int:
    """Import the file; write the report; return the exit status."""
    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return _fail(f"cannot read {args.file}: {exc}")
    try:
        period = parse_period(args.period) if args.period else None
        results = import_tables(text, period=period, council=args.council)
    except MunicipalReportsError as exc:
        return _fail(f"{args.file}: {exc}")
    for i, result in enumerate(results):
        for finding in result.findings:
            where = f"table {i + 1}: " if len(results) > 1 else ""
            print(f"{args.file}: {where}{finding}", file=sys.stderr)
    document: Report | ProgramReport
    if len(results) == 1:
        document = results[0].report
    elif not args.council:
        return _fail(f"{args.file} holds {len(results)} tables; pass --council NAME to bundle them")
    else:
        document = _bundle(results, args.council)
    if args.output:
        try:
            dump(document, args.output)
        except OSError as exc:
            return _fail(f"cannot write {args.output}: {exc}")
    else:
        print(dumps(document, indent=True))
    return 0
