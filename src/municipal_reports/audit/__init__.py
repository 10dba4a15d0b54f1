"""The audit: consistency rules over entities, and the findings they produce."""

from municipal_reports.audit.api import audit, check
from municipal_reports.audit.finding import Finding, Severity
from municipal_reports.audit.place import Place, in_document_order, locate
from municipal_reports.audit.registry import (
    ENTRY_POINT_GROUP,
    Hit,
    Rule,
    RuleSet,
    default_rules,
    rule,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "Finding",
    "Hit",
    "Place",
    "Rule",
    "RuleSet",
    "Severity",
    "audit",
    "check",
    "default_rules",
    "in_document_order",
    "locate",
    "rule",
]
