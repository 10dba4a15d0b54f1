"""``audit()`` returns findings; ``check()`` raises one exception carrying every error."""

from __future__ import annotations

from collections.abc import Iterable

from municipal_reports.audit.finding import Finding, Severity
from municipal_reports.audit.registry import RuleSet, default_rules
from municipal_reports.audit.walk import walk
from municipal_reports.errors import AuditError

__all__ = ["audit", "check"]


def audit(
    obj: object,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    rules: RuleSet | None = None,
) -> list[Finding]:
    """Every finding of every registered rule on ``obj`` and everything inside it.

    ``obj`` is any entity or a whole ``Report``. ``select`` keeps only rules whose code
    starts with, or whose name equals, one of its items (``["MR1", "percent-mismatch"]``);
    ``ignore`` drops rules the same way. Findings come in the order of the tree.
    """
    chosen = (rules if rules is not None else default_rules()).filtered(select, ignore)
    return list(walk(obj, chosen))


def check(
    obj: object,
    *,
    fail_on: Severity = Severity.ERROR,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    rules: RuleSet | None = None,
) -> None:
    """Raise :class:`~municipal_reports.errors.AuditError` carrying every finding at least as
    severe as ``fail_on`` (errors by default; ``Severity.WARNING`` is strict mode)."""
    findings = [
        f
        for f in audit(obj, select=select, ignore=ignore, rules=rules)
        if f.severity.rank >= fail_on.rank
    ]
    if findings:
        raise AuditError(findings)
