"""``municipal-reports render FILE --to FORMAT``: write a report out as a document.

Exit status: 0 on success, 2 when the file cannot be read or is not a valid report, or the
renderer cannot be loaded.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from municipal_reports import (
    MunicipalReportsError,
    StructureError,
    audit,
    load,
    render,
)
from municipal_reports.cli._files import add_max_size_argument
from municipal_reports.cli._output import OutputError, check_output, write_output
from municipal_reports.cli._say import cannot_read, error, not_a_report
from municipal_reports.render import render_chunks

__all__ = ["add_parser", "run"]

#: The built-in formats; a renderer a plugin registers is accepted too.
FORMATS = ("html", "markdown", "text", "csv", "csv-excel", "json", "docx", "xlsx")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``render`` command."""
    parser = subparsers.add_parser(
        "render",
        help="render a report file as html, markdown, text, csv, json, docx or xlsx",
        description="Render a report file (JSON) in a format a person reads. Writes to "
        "standard output, or to OUT with -o; a binary format (docx, xlsx) is refused on a "
        "terminal: write it with -o.",
    )
    parser.add_argument("file", metavar="FILE", help="a report file (JSON)")
    parser.add_argument(
        "--to",
        required=True,
        metavar="FORMAT",
        help=f"the output format: {'|'.join(FORMATS)}, or a plugin's renderer name",
    )
    parser.add_argument(
        "--locale", choices=("uk", "en"), default="uk", help="the language (default uk)"
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT, not stdout")
    parser.add_argument(
        "--dialect",
        choices=("machine", "excel"),
        default="machine",
        help="for --to csv: machine (commas, decimal dots; default) or excel (a BOM, "
        "semicolons and decimal commas, as a Ukrainian Excel opens it)",
    )
    parser.add_argument(
        "--with-audit",
        action="store_true",
        help="audit the report and show the findings (HTML marks the offending cells)",
    )
    add_max_size_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Render the file; return the exit status."""
    name = args.file
    chunks: Iterator[bytes] | None = None
    try:
        if args.output:
            check_output(args.output, [name])
        document = load(name, max_size=args.max_size)
        findings = audit(document) if args.with_audit else None
        to = "csv-excel" if args.to == "csv" and args.dialect == "excel" else args.to
        if args.output or not sys.stdout.isatty():
            # Written a piece at a time as the renderer makes it (HTML does): a big report's
            # page is never held whole. A fault midway leaves an -o file's earlier content
            # whole; a pipe has what came before it, and the exit status says it failed.
            chunks = render_chunks(document, to=to, locale=args.locale, findings=findings)
            if args.output:
                write_output(args.output, chunks, inputs=[name])
                return 0
        else:
            output = render(document, to=to, locale=args.locale, findings=findings)
    except OutputError as exc:
        error("municipal-reports render", exc)
        return 2
    except StructureError as exc:
        not_a_report(name, exc)
        return 2
    except OSError as exc:
        cannot_read(name, exc)
        return 2
    except MunicipalReportsError as exc:
        error("municipal-reports render", exc)
        return 2
    if chunks is not None:
        try:
            for chunk in chunks:  # a closed pipe's error goes on up, to main
                sys.stdout.buffer.write(chunk)
        except MunicipalReportsError as exc:
            error("municipal-reports render", exc)
            return 2
    elif isinstance(output, bytes):
        print(
            f"municipal-reports render: error: {args.to} is binary; write it with -o OUT",
            file=sys.stderr,
        )
        return 2
    else:
        sys.stdout.buffer.write(output.encode("utf-8"))
    sys.stdout.flush()
    return 0
