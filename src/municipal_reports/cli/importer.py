"""``municipal-reports import FILE [--from KIND] [-o OUT.json]``: the execution tables of
a file (text pasted out of Word or PDF, .csv, .docx, .xlsx, .pdf) as a report file.

The reader is picked by the extension (``--from`` names it). One table becomes a
ProgramReport; a document holding several (each with its header block and signature)
becomes one Report with a section per table, which needs ``--council``. Import findings
(the decisions the importer made openly, each with its cell and path) go to stderr. Exit 0
when imported, 2 when the file cannot be read or holds no importable table.
"""

from __future__ import annotations

import argparse

from municipal_reports import (
    Council,
    InputFileError,
    MunicipalReportsError,
    ProgramReport,
    Report,
    ReportKind,
    ReportMeta,
    Section,
    dumps,
)
from municipal_reports.cli._files import add_max_size_argument
from municipal_reports.cli._output import OutputError, check_output, write_output
from municipal_reports.cli._say import error, file_problem, shown
from municipal_reports.io import check_regular
from municipal_reports.parse import ImportResult, import_file, parse_period
from municipal_reports.parse.table import FORMATS

__all__ = ["add_parser", "run"]

PROG = "municipal-reports import"


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``import`` command."""
    parser = subparsers.add_parser(
        "import",
        help="import execution tables (text, .csv, .docx, .xlsx, .pdf) as a report file",
        description="Read the execution tables of a file — text pasted from Word or PDF, "
        "a .csv, .docx, .xlsx or .pdf file — and write them as a report file (JSON). Import "
        "findings go to stderr.",
    )
    parser.add_argument("file", metavar="FILE", help="the file to import")
    parser.add_argument(
        "--from",
        dest="kind",
        choices=FORMATS,
        default=None,
        help="the reader (default: by the extension; text for an unknown one)",
    )
    parser.add_argument(
        "--format", choices=("tsv",), default=None, help=argparse.SUPPRESS
    )  # the old name of --from text
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
    add_max_size_argument(parser)
    parser.set_defaults(func=run)


def _fail(message: str) -> int:
    error(PROG, message)
    return 2


def _one_line(exc: Exception) -> str:
    """An error on one line: a long quoted input is cut, the reason kept."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    text = " ".join(lines)
    return text if len(text) <= 400 else f"{text[:200]} … {text[-190:]}"


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
    kind = args.kind or ("text" if args.format else None)
    try:
        if args.output:
            check_output(args.output, [args.file])
        check_regular(args.file, max_size=args.max_size)  # no FIFO, device or huge file
    except OutputError as exc:
        return _fail(str(exc))
    except InputFileError as exc:
        return _fail(f"cannot read {shown(args.file)}: {exc.reason}")
    except OSError as exc:
        return _fail(f"cannot read {shown(args.file)}: {exc.strerror or exc}")
    try:
        period = parse_period(args.period) if args.period else None
        results = import_file(args.file, kind=kind, period=period, council=args.council)
    except OSError as exc:
        return _fail(f"cannot read {shown(args.file)}: {exc.strerror or exc}")
    except MunicipalReportsError as exc:
        return _fail(f"{shown(args.file)}: {_one_line(exc)}")
    for i, result in enumerate(results):
        for finding in result.findings:
            where = f"table {i + 1}: " if len(results) > 1 else ""
            file_problem(args.file, f"{where}{finding}")
    document: Report | ProgramReport
    if len(results) == 1:
        document = results[0].report
    elif not (args.council or results[0].council):
        return _fail(
            f"{shown(args.file)} holds {len(results)} tables; pass --council NAME to bundle them"
        )
    else:
        document = _bundle(results, args.council or results[0].council)
    if args.output:
        try:
            write_output(args.output, dumps(document, indent=True) + "\n", inputs=[args.file])
        except OutputError as exc:
            return _fail(str(exc))
    else:
        print(dumps(document, indent=True))
    return 0
