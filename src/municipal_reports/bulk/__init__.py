"""Many reports at once: streaming them from files, execution tables, executors.

>>> from municipal_reports.bulk import GROUP_KEYS
>>> GROUP_KEYS
('council', 'year', 'period', 'program', 'executor', 'task')

``to_arrow`` needs the ``arrow`` extra (pyarrow); everything else only the library.
"""

from municipal_reports.bulk.arrow import to_arrow
from municipal_reports.bulk.findings import FINDING_COLUMNS, finding_rows, findings_table
from municipal_reports.bulk.parallel import (
    BATCH_DOCUMENTS,
    DEFAULT_CHUNK_FILES,
    SourceAudit,
    audit_document,
    audit_documents,
    audit_files,
    audit_many,
    summarise_files,
    summarise_many,
)
from municipal_reports.bulk.sources import (
    SUFFIXES,
    FoundReport,
    documents_of,
    expand,
    iter_documents,
    iter_reports,
    reports_of,
)
from municipal_reports.bulk.table import (
    GROUP_KEYS,
    ExecutionRow,
    ExecutionSums,
    execution_table,
    to_csv,
)

__all__ = [
    "BATCH_DOCUMENTS",
    "DEFAULT_CHUNK_FILES",
    "FINDING_COLUMNS",
    "GROUP_KEYS",
    "SUFFIXES",
    "ExecutionRow",
    "ExecutionSums",
    "FoundReport",
    "SourceAudit",
    "audit_document",
    "audit_documents",
    "audit_files",
    "audit_many",
    "documents_of",
    "execution_table",
    "expand",
    "finding_rows",
    "findings_table",
    "iter_documents",
    "iter_reports",
    "reports_of",
    "summarise_files",
    "summarise_many",
    "to_arrow",
    "to_csv",
]
