"""``municipal-reports audit FILE...``: what is wrong with each report file.

Exit status: 0 when no finding is an error, 1 when any is, 2 when a file cannot be read or
is not a valid report (its problems are printed to stderr; the other files are still
audited).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from municipal_reports import (
    Finding,
    MunicipalReportsError,
    PluginError,
    PluginRuntimeError,
    Severity,
    StructureError,
    audit,
    default_rules,
    load,
)
from municipal_reports.audit import Place, in_document_order, locate
from municipal_reports.bulk import audit_many
from municipal_reports.cli._files import add_max_size_argument, expand_each
from municipal_reports.cli._jobs import add_jobs_arguments, executor_for, progress_bar
from municipal_reports.cli._output import OutputError, check_output, write_output
from municipal_reports.cli._say import cannot_read, error, file_problem, not_a_report, shown
from municipal_reports.cli._table import format_table
from municipal_reports.i18n import label
from municipal_reports.io import finding_data

__all__ = ["add_parser", "run"]

#: The columns of the table, as label keys (municipal_reports.i18n.labels).
COLUMNS = (
    "file",
    "severity",
    "code",
    "name",
    "place",
    "json_path",
    "expected",
    "found",
    "message",
)

#: A finding with the file it came from and its place in that file.
_Row = tuple[str, Finding, Place]


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``audit`` command."""
    parser = subparsers.add_parser(
        "audit",
        help="audit report files and print what contradicts itself",
        description="Audit report files (JSON) and print every finding. Exit 0 when no "
        "finding is an error, 1 when any is, 2 when a file is unreadable or not a report.",
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar="PATH",
        help="a report file (JSON), a directory of them (recursive), or a .jsonl file",
    )
    parser.add_argument(
        "--to",
        choices=("table", "json"),
        default="table",
        help="a readable table (default) or one JSON list of findings",
    )
    # The old spelling of --to, kept working for scripts written against it.
    parser.add_argument("--format", dest="to", choices=("table", "json"), help=argparse.SUPPRESS)
    parser.add_argument("-o", "--output", metavar="OUT", help="write here, not to stdout")
    parser.add_argument(
        "--select",
        type=_codes,
        default=None,
        metavar="CODES",
        help="only these rules: comma-separated codes, code prefixes or names (MR1,MR201)",
    )
    parser.add_argument(
        "--ignore",
        type=_codes,
        default=[],
        metavar="CODES",
        help="leave out these rules (same form as --select)",
    )
    parser.add_argument(
        "--locale",
        choices=("uk", "en"),
        default="en",
        help="the language of the table, the rule names and the messages (default en)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="a broken plugin (a rule pack that cannot load, a rule that fails) is an error "
        "(exit 2) instead of an MR000 finding",
    )
    add_jobs_arguments(parser)
    add_max_size_argument(parser)
    parser.set_defaults(func=run)


def _codes(text: str) -> list[str]:
    codes = [c.strip() for c in text.split(",") if c.strip()]
    if not codes:
        raise argparse.ArgumentTypeError("expected comma-separated rule codes or names")
    return codes


def _check_selectors(selectors: list[str]) -> str | None:
    rules = list(default_rules())
    for s in selectors:
        if s in ("MR0", "MR000", "rule-failed"):
            continue  # the finding of a failed rule or rule pack, selected like a rule
        if not any(r.name == s or r.code.startswith(s) for r in rules):
            return s
    return None


def run(args: argparse.Namespace) -> int:
    """Audit every file; print the findings; return the exit status."""
    unknown = _check_selectors([*(args.select or []), *args.ignore])
    if unknown is not None:
        print(
            f"municipal-reports audit: error: no rule has the code or name {unknown!r}",
            file=sys.stderr,
        )
        return 2
    if args.output:
        try:
            check_output(args.output, args.files)  # before any work, not after it
        except OutputError as exc:
            error("municipal-reports audit", exc)
            return 2
    if args.jobs > 1 or not all(_is_plain_file(name) for name in args.files):
        return _run_many(args)
    status = 0
    rows: list[_Row] = []
    for name in args.files:
        try:
            document = load(name, max_size=args.max_size)
            findings = in_document_order(
                audit(document, select=args.select, ignore=args.ignore, strict=args.strict),
                document,
            )
        except (PluginError, PluginRuntimeError) as exc:
            error("municipal-reports audit", exc)
            return 2
        except StructureError as exc:
            not_a_report(name, exc)
            status = 2
            continue
        except OSError as exc:
            cannot_read(name, exc)
            status = 2
            continue
        except MunicipalReportsError as exc:
            file_problem(name, exc)
            status = 2
            continue
        rows.extend((name, f, locate(document, f.path)) for f in findings)
    return _finish(args, rows, len(args.files), status, args.files)


def _is_plain_file(name: str) -> bool:
    return not (os.path.isdir(name) or name.endswith(".jsonl"))


def _run_many(args: argparse.Namespace) -> int:
    """Directories, JSON Lines or ``--jobs N``: the documents through ``audit_many``."""
    files = expand_each(args.files)
    executor = executor_for(args.jobs)
    try:
        with progress_bar(len(files), wanted=args.progress) as progress:
            results = audit_many(
                files,
                executor,
                select=args.select,
                ignore=args.ignore,
                progress=progress,
                strict=args.strict,
                max_size=args.max_size,
            )
    except (PluginError, PluginRuntimeError) as exc:
        error("municipal-reports audit", exc)
        return 2
    except OSError as exc:
        error("municipal-reports audit", exc)
        return 2
    finally:
        if executor is not None:
            executor.shutdown(cancel_futures=True)
    status = 0
    rows: list[_Row] = []
    for result in results:
        if result.error:
            file_problem(result.source, result.error)
            status = 2
        elif not result.loaded:
            not_a_report(result.source, StructureError(result.problems))
            status = 2
        places = result.places or tuple(Place(f.path) for f in result.findings)
        rows.extend((result.source, f, p) for f, p in zip(result.findings, places, strict=True))
    return _finish(args, rows, len(results), status, files)


def _finish(
    args: argparse.Namespace, rows: list[_Row], files: int, status: int, inputs: list[str]
) -> int:
    """Write the findings where ``-o`` says (atomically, never over an input file); the
    exit status of the whole run."""
    if args.to == "json":
        data = [_as_json(name, f, place, args.locale) for name, f, place in rows]
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = _table(rows, args.locale, files) + "\n"
    if args.output:
        try:
            write_output(args.output, text, inputs=inputs)
        except OutputError as exc:
            error("municipal-reports audit", exc)
            return 2
    else:
        sys.stdout.write(text)
    if status == 0 and any(f.severity is Severity.ERROR for _, f, _ in rows):
        status = 1
    return status


def _as_json(name: str, finding: Finding, place: Place, locale: str) -> dict[str, Any]:
    data = {"file": name, **finding_data(finding, locale)}
    data["message"] = finding.message(locale, written=place.written)
    data["title"] = finding.title(locale)
    data["place"] = place.describe(locale)
    return data


def _table(rows: list[_Row], locale: str, files: int) -> str:
    errors = sum(f.severity is Severity.ERROR for _, f, _ in rows)
    if locale == "uk":
        summary = f"зауважень: {len(rows)}, з них помилок: {errors}; файлів: {files}"
    else:
        summary = f"{len(rows)} finding(s), {errors} error(s), in {files} file(s)"
    if not rows:
        return summary
    header = [label(key, locale) for key in COLUMNS]
    cells = []
    for name, f, place in rows:
        expected, found = f.shown(locale, written=place.written)
        cells.append(
            [
                shown(text)
                for text in (
                    name,
                    label(f.severity.value, locale),
                    f.code,
                    f.title(locale),
                    place.describe(locale),
                    f.path,
                    expected,
                    found,
                    f.message(locale, written=place.written),
                )
            ]
        )
    return format_table(header, cells, last_free=True) + "\n" + summary
