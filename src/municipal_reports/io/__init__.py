"""JSON in and out: the report file format, its converter and its JSON Schema."""

from municipal_reports.io.files import DEFAULT_MAX_SIZE, check_regular, open_regular, read_bytes
from municipal_reports.io.findings import finding_data
from municipal_reports.io.json import (
    DOCUMENT_TYPES,
    FORMAT_VERSION,
    Document,
    dump,
    dumps,
    load,
    loads,
    structure,
    unstructure,
)
from municipal_reports.io.schema import json_schema

__all__ = [
    "DEFAULT_MAX_SIZE",
    "DOCUMENT_TYPES",
    "FORMAT_VERSION",
    "Document",
    "check_regular",
    "dump",
    "dumps",
    "finding_data",
    "json_schema",
    "load",
    "loads",
    "open_regular",
    "read_bytes",
    "structure",
    "unstructure",
]
